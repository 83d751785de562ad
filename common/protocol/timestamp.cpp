#include "timestamp.h"

#include "loadle.h"

#include <array>

namespace p1 {

namespace {

constexpr int kFirstValidYear = 2005; // no P1 meter predates DSMR 2.2
constexpr int kLastValidYear = 2069; // "70" would be the 1970 epoch placeholder
constexpr std::int64_t kSecondsPerDay = 86400;

// At namespace scope: a constexpr array local to a function is built on the stack at every
// call that indexes it at run time.
constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
constexpr int kBeforeMonth[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

constexpr bool isLeapYear(int year) noexcept
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

constexpr int daysInMonth(int year, int month) noexcept
{
    return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

// Days from 1970-01-01 to the first of January of \a year (year >= 1970): 365 a year plus one
// per leap year passed, by the Gregorian rule.
constexpr std::int64_t daysBeforeYear(int year) noexcept
{
    return 365 * std::int64_t(year - 1970) + (year - 1969) / 4 - (year - 1901) / 100
        + (year - 1601) / 400;
}

// Days from 1970-01-01 to the given civil date (year >= 1970, month 1-12, day 1-31).
constexpr std::int64_t daysFromCivil(int year, int month, int day) noexcept
{
    const int leap = (month > 2 && isLeapYear(year)) ? 1 : 0;
    return daysBeforeYear(year) + kBeforeMonth[month - 1] + leap + day - 1;
}
static_assert(daysFromCivil(1970, 1, 1) == 0);
static_assert(daysFromCivil(2000, 3, 1) == 11017);
static_assert(daysFromCivil(2026, 11, 25) == 20782);

struct Civil
{
    int year;
    int month;
    int day;
};

// The inverse of daysFromCivil for days >= 0.
constexpr Civil civilFromDays(std::int64_t days) noexcept
{
    int year = 1970 + int(days / 366);
    while (daysBeforeYear(year + 1) <= days)
        ++year;
    int dayOfYear = int(days - daysBeforeYear(year));
    int month = 1;
    while (dayOfYear >= daysInMonth(year, month)) {
        dayOfYear -= daysInMonth(year, month);
        ++month;
    }
    return {year, month, dayOfYear + 1};
}
static_assert(civilFromDays(20782).year == 2026 && civilFromDays(20782).month == 11
    && civilFromDays(20782).day == 25);
static_assert(civilFromDays(11016).month == 2 && civilFromDays(11016).day == 29);

// 0 = Sunday; 1970-01-01 was a Thursday.
constexpr int weekday(std::int64_t days) noexcept
{
    return int((days + 4) % 7);
}

// Day of the month of the last Sunday in \a month (31-day months only: March and October).
constexpr int lastSunday(int year, int month) noexcept
{
    return 31 - weekday(daysFromCivil(year, month, 31));
}
static_assert(lastSunday(2026, 3) == 29 && lastSunday(2026, 10) == 25);

// EU rule for CET/CEST, in local time: summer time from the last Sunday of March 02:00 CET to
// the last Sunday of October 03:00 CEST. The skipped hour in March counts as summer; the
// repeated hour in October as the first (summer) pass.
constexpr bool isEuSummerTime(int year, std::int64_t localSeconds) noexcept
{
    const std::int64_t start =
        daysFromCivil(year, 3, lastSunday(year, 3)) * kSecondsPerDay + 2 * 3600;
    const std::int64_t end =
        daysFromCivil(year, 10, lastSunday(year, 10)) * kSecondsPerDay + 3 * 3600;
    return localSeconds >= start && localSeconds < end;
}

void appendTwo(std::string &out, int value)
{
    out += char('0' + value / 10);
    out += char('0' + value % 10);
}

// Days from 1970-01-01 to the first of January of each valid year, and whether it is a leap
// year: one table load instead of the Gregorian arithmetic for every timestamp.
struct YearStart
{
    std::int32_t days;
    bool leap;
};
constexpr auto kYearStarts = [] {
    std::array<YearStart, kLastValidYear - kFirstValidYear + 1> years {};
    for (int y = kFirstValidYear; y <= kLastValidYear; ++y)
        years[std::size_t(y - kFirstValidYear)] = {std::int32_t(daysBeforeYear(y)), isLeapYear(y)};
    return years;
}();

// Every byte of \a w is '0'-'9': high nibble 3, and still 3 after adding 6.
constexpr bool allDigits(std::uint64_t w) noexcept
{
    constexpr std::uint64_t kHighNibbles = 0xF0F0F0F0F0F0F0F0ull;
    return ((w & kHighNibbles) | (((w + 0x0606060606060606ull) & kHighNibbles) >> 4))
        == 0x3333333333333333ull;
}
static_assert(allDigits(0x3930313233343536ull) && !allDigits(0x3930313233342E36ull)
    && !allDigits(0x3A30313233343536ull) && !allDigits(0x2F30313233343536ull)
    && !allDigits(0x39303132333435FFull));

// Two-digit numbers from digit characters: the byte at 2i of the result is the number formed
// by the characters at 2i and 2i + 1.
constexpr std::uint64_t digitPairs(std::uint64_t w) noexcept
{
    const std::uint64_t d = w - 0x3030303030303030ull;
    return d * 10 + (d >> 8);
}
static_assert((digitPairs(0x3132333435363738ull) & 0xFF) == 87); // "87654321": 87

} // namespace

Timestamp Timestamp::parse(std::string_view text) noexcept
{
    Timestamp t;
    if (text.size() != 12 && text.size() != 13)
        return t;
    // The twelve digits as a date word "YYMMDDhh" and a time word "mmss" (padded with the
    // digits "00" so the same checks apply): a handful of operations instead of a loop and
    // twelve branches. The telegram's timestamp and the gas capture time, every telegram.
    const std::uint64_t date = loadLe64(text.data());
    const std::uint64_t time = (loadLe64(text.data() + 4) >> 32) | 0x3030303000000000ull;
    if (!allDigits(date) || !allDigits(time))
        return t;
    int flagOffset = 0;
    if (text.size() == 13) {
        switch (text[12]) {
        case 'S':
        case 's':
            flagOffset = 120;
            break;
        case 'W':
        case 'w':
            flagOffset = 60;
            break;
        default:
            return t;
        }
    }
    // It has the shape of a timestamp: from here on only its content can be wrong.
    t.present = true;
    t.offsetMinutes = std::int16_t(flagOffset);

    const std::uint64_t datePairs = digitPairs(date);
    const std::uint64_t timePairs = digitPairs(time);
    const int year = 2000 + int(datePairs & 0xFF);
    const int month = int((datePairs >> 16) & 0xFF);
    const int day = int((datePairs >> 32) & 0xFF);
    const int hour = int((datePairs >> 48) & 0xFF);
    const int minute = int(timePairs & 0xFF);
    const int second = int((timePairs >> 16) & 0xFF);
    if (year < kFirstValidYear || year > kLastValidYear || month < 1 || month > 12 || day < 1
        || hour > 23 || minute > 59 || second > 59)
        return t;
    const YearStart &start = kYearStarts[std::size_t(year - kFirstValidYear)];
    const int leapDay = (start.leap && month > 2) ? 1 : 0;
    if (day > kDays[month - 1] + ((start.leap && month == 2) ? 1 : 0))
        return t;

    const std::int64_t days =
        std::int64_t(start.days) + kBeforeMonth[month - 1] + leapDay + day - 1;
    const std::int64_t local = days * kSecondsPerDay + hour * 3600 + minute * 60 + second;
    if (flagOffset == 0)
        t.offsetMinutes = isEuSummerTime(year, local) ? 120 : 60;
    t.utcSeconds = local - std::int64_t(t.offsetMinutes) * 60;
    t.valid = true;
    return t;
}

std::string Timestamp::toIso8601() const
{
    if (!valid || utcSeconds < 0)
        return {};
    const std::int64_t local = utcSeconds + std::int64_t(offsetMinutes) * 60;
    const Civil date = civilFromDays(local / kSecondsPerDay);
    const int secondOfDay = int(local % kSecondsPerDay);

    std::string out;
    out.reserve(25);
    appendTwo(out, date.year / 100);
    appendTwo(out, date.year % 100);
    out += '-';
    appendTwo(out, date.month);
    out += '-';
    appendTwo(out, date.day);
    out += 'T';
    appendTwo(out, secondOfDay / 3600);
    out += ':';
    appendTwo(out, secondOfDay / 60 % 60);
    out += ':';
    appendTwo(out, secondOfDay % 60);
    const int offset = offsetMinutes < 0 ? -offsetMinutes : offsetMinutes;
    out += offsetMinutes < 0 ? '-' : '+';
    appendTwo(out, offset / 60);
    out += ':';
    appendTwo(out, offset % 60);
    return out;
}

} // namespace p1
