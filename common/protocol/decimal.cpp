#include "decimal.h"

#include <array>
#include <charconv>
#include <cstdlib>
#include <limits>

namespace p1 {

namespace {

// 10^0 .. 10^18: every power an int64 holds.
constexpr std::array<std::int64_t, 19> kPow10Int = [] {
    std::array<std::int64_t, 19> p {};
    p[0] = 1;
    for (std::size_t i = 1; i < p.size(); ++i)
        p[i] = p[i - 1] * 10;
    return p;
}();

// 10^0 .. 10^22 are exact doubles (5^22 < 2^53): one multiplication or division by them is a
// single correctly rounded operation.
constexpr std::array<double, 23> kPow10Double = [] {
    std::array<double, 23> p {};
    double v = 1.0;
    for (auto &x : p) {
        x = v;
        v *= 10.0;
    }
    return p;
}();

constexpr bool isDigit(char c) noexcept
{
    return c >= '0' && c <= '9';
}

// Removes trailing decimal zeros from the mantissa: {1500, -3} -> {15, -1}. Zero becomes {0, 0}.
Decimal normalised(Decimal d) noexcept
{
    if (d.mantissa == 0)
        return {0, 0};
    while (d.mantissa % 10 == 0 && d.exponent < std::numeric_limits<std::int32_t>::max()) {
        d.mantissa /= 10;
        ++d.exponent;
    }
    return d;
}

// Drops the last decimal digit, rounding half away from zero (used only when an exact sum
// would not fit 64 bits, which no meter value comes near).
Decimal dropDigit(Decimal d) noexcept
{
    const std::int64_t rest = d.mantissa % 10;
    d.mantissa /= 10;
    if (rest >= 5)
        ++d.mantissa;
    else if (rest <= -5)
        --d.mantissa;
    ++d.exponent;
    return d;
}

// m * 10^shift when it fits.
bool scaleUp(std::int64_t m, std::int64_t shift, std::int64_t *out) noexcept
{
    if (m == 0) {
        *out = 0;
        return true;
    }
    if (shift < 0 || shift > 18)
        return false;
    return !__builtin_mul_overflow(m, kPow10Int[std::size_t(shift)], out);
}

// Magnitude as unsigned, INT64_MIN included.
std::uint64_t magnitude(std::int64_t v) noexcept
{
    return v < 0 ? std::uint64_t(0) - std::uint64_t(v) : std::uint64_t(v);
}

} // namespace

std::optional<Decimal> Decimal::parse(std::string_view text) noexcept
{
    Decimal d;
    if (!parse(text, d))
        return std::nullopt;
    return d;
}

std::optional<std::int32_t> Decimal::parseInt(std::string_view text) noexcept
{
    std::int32_t value = 0;
    if (!parseInt(text, value))
        return std::nullopt;
    return value;
}

bool Decimal::parseLong(std::string_view text, Decimal &out) noexcept
{
    // Counts significant digits: leading zeros may make a long text a fine number.
    std::size_t i = 0;
    const std::size_t n = text.size();
    bool negative = false;
    if (i < n && (text[i] == '+' || text[i] == '-')) {
        negative = text[i] == '-';
        ++i;
    }

    std::int64_t mantissa = 0;
    int significant = 0;
    std::int64_t fractionDigits = 0;
    std::size_t digits = 0;

    // Integer part: at least one digit (".5" is not a meter number).
    for (; i < n && isDigit(text[i]); ++i, ++digits) {
        if (mantissa == 0 && text[i] == '0')
            continue; // leading zero
        if (++significant > kMaxSignificantDigits)
            return false;
        mantissa = mantissa * 10 + (text[i] - '0');
    }
    if (digits == 0)
        return false;

    if (i < n && text[i] == '.') {
        ++i;
        std::size_t fraction = 0;
        for (; i < n && isDigit(text[i]); ++i, ++fraction) {
            ++fractionDigits;
            if (mantissa == 0 && text[i] == '0')
                continue; // still a leading zero: 0.0001 is {1, -4}
            if (++significant > kMaxSignificantDigits)
                return false;
            mantissa = mantissa * 10 + (text[i] - '0');
        }
        // "1." has no fraction digits: not the `digits[.digits]` shape.
        if (fraction == 0)
            return false;
    }
    if (i != n)
        return false;
    // A pathological run of fraction zeros must not wrap the exponent.
    if (fractionDigits > std::int64_t(std::numeric_limits<std::int32_t>::max()))
        return false;

    out = Decimal {negative ? -mantissa : mantissa, std::int32_t(-fractionDigits)};
    return true;
}

bool Decimal::parseLongInt(std::string_view text, std::int32_t &out) noexcept
{
    std::int64_t value = 0;
    for (const char c : text) {
        if (!isDigit(c))
            return false;
        value = value * 10 + (c - '0');
        if (value > std::numeric_limits<std::int32_t>::max())
            return false;
    }
    out = std::int32_t(value);
    return true;
}

double Decimal::toDoubleSlow() const noexcept
{
    Decimal d = *this;
    constexpr std::int64_t kExactLimit = std::int64_t(1) << 53;
    // Trailing zeros cost nothing to drop and may bring a long mantissa into the exact range.
    if (magnitude(d.mantissa) >= std::uint64_t(kExactLimit))
        d = normalised(d);

    // Fast path: both operands exact, so one IEEE operation rounds correctly.
    if (magnitude(d.mantissa) < std::uint64_t(kExactLimit)) {
        const double m = double(d.mantissa);
        if (d.exponent == 0)
            return m;
        if (d.exponent > 0 && d.exponent <= 22)
            return m * kPow10Double[std::size_t(d.exponent)];
        if (d.exponent < 0 && d.exponent >= -22)
            return m / kPow10Double[std::size_t(-d.exponent)];
    }

    // Rare: format exactly and let from_chars (locale independent, correctly rounded) decide.
    char buffer[64];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer - 8, d.mantissa);
    if (ec != std::errc())
        return 0.0;
    *end++ = 'e';
    auto [end2, ec2] = std::to_chars(end, buffer + sizeof buffer, d.exponent);
    if (ec2 != std::errc())
        return 0.0;
    double result = 0.0;
    const auto parsed = std::from_chars(buffer, end2, result);
    if (parsed.ec == std::errc::result_out_of_range)
        return d.exponent > 0 ? (d.mantissa < 0 ? -std::numeric_limits<double>::infinity()
                                                : std::numeric_limits<double>::infinity())
                              : (d.mantissa < 0 ? -0.0 : 0.0);
    return result;
}

std::string Decimal::toString() const
{
    // Digits of the magnitude, least significant first.
    char digits[24];
    int count = 0;
    std::uint64_t m = magnitude(mantissa);
    do {
        digits[count++] = char('0' + m % 10);
        m /= 10;
    } while (m != 0);

    std::string out;
    if (mantissa < 0)
        out += '-';
    if (exponent >= 0) {
        for (int i = count - 1; i >= 0; --i)
            out += digits[i];
        if (mantissa != 0)
            out.append(std::size_t(exponent), '0');
        return out;
    }

    const std::int64_t fraction = -std::int64_t(exponent);
    if (fraction >= count) {
        out += "0.";
        out.append(std::size_t(fraction - count), '0');
        for (int i = count - 1; i >= 0; --i)
            out += digits[i];
    } else {
        const int integerDigits = count - int(fraction);
        for (int i = count - 1; i >= 0; --i) {
            out += digits[i];
            if (i == count - integerDigits && i != 0)
                out += '.';
        }
    }
    return out;
}

bool Decimal::equals(const Decimal &other) const noexcept
{
    const Decimal a = normalised(*this);
    const Decimal b = normalised(other);
    return a.mantissa == b.mantissa && a.exponent == b.exponent;
}

Decimal Decimal::addSlow(const Decimal &a, const Decimal &b) noexcept
{
    Decimal x = a;
    Decimal y = b;

    for (;;) {
        // x has the smaller exponent: bring y down to it.
        if (y.exponent < x.exponent)
            std::swap(x, y);
        std::int64_t yScaled = 0;
        if (scaleUp(y.mantissa, std::int64_t(y.exponent) - x.exponent, &yScaled)) {
            std::int64_t sum = 0;
            if (!__builtin_add_overflow(x.mantissa, yScaled, &sum))
                return Decimal {sum, x.exponent};
            // The sum itself overflows: give up one digit of both and retry.
            x = dropDigit(x);
            y = dropDigit(y);
            continue;
        }
        // Cannot align exactly: first try without trailing zeros, then give up precision of
        // the finer operand one digit at a time.
        const Decimal nx = normalised(x);
        const Decimal ny = normalised(y);
        if (nx.exponent != x.exponent || ny.exponent != y.exponent) {
            x = nx;
            y = ny;
            continue;
        }
        x = dropDigit(x);
        if (x.mantissa == 0)
            return y;
    }
}

Decimal Decimal::subtractSlow(const Decimal &a, const Decimal &b) noexcept
{
    Decimal negated = b;
    if (negated.mantissa == std::numeric_limits<std::int64_t>::min())
        negated = dropDigit(negated);
    negated.mantissa = -negated.mantissa;
    return addSlow(a, negated);
}

} // namespace p1
