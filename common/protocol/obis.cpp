#include "obis.h"

namespace p1 {

namespace {

constexpr bool isDigit(char c) noexcept
{
    return c >= '0' && c <= '9';
}

// One group of 1-3 decimal digits, 0-255, at p. Returns the position after it, or nullptr.
// Pointer based and unrolled: this runs for every line of every telegram.
inline const char *scanGroup(const char *p, const char *end, std::uint8_t *out) noexcept
{
    if (p == end || !isDigit(*p))
        return nullptr;
    unsigned value = unsigned(*p++ - '0');
    if (p != end && isDigit(*p)) {
        value = value * 10 + unsigned(*p++ - '0');
        if (p != end && isDigit(*p)) {
            value = value * 10 + unsigned(*p++ - '0');
            if (value > 255 || (p != end && isDigit(*p)))
                return nullptr;
        }
    }
    *out = std::uint8_t(value);
    return p;
}

// The group and the separator that must follow it.
inline const char *scanGroupThen(
    const char *p, const char *end, std::uint8_t *out, char separator) noexcept
{
    p = scanGroup(p, end, out);
    if (!p || p == end || *p != separator)
        return nullptr;
    return p + 1;
}

void appendNumber(std::string &out, unsigned value)
{
    if (value >= 100)
        out += char('0' + value / 100);
    if (value >= 10)
        out += char('0' + value / 10 % 10);
    out += char('0' + value % 10);
}

} // namespace

std::optional<Obis> Obis::parse(std::string_view text, std::size_t *consumed) noexcept
{
    Obis o;
    const char *const begin = text.data();
    const char *const end = begin + text.size();
    const char *p = begin;
    if (!(p = scanGroupThen(p, end, &o.a, '-')) || !(p = scanGroupThen(p, end, &o.b, ':'))
        || !(p = scanGroupThen(p, end, &o.c, '.')) || !(p = scanGroupThen(p, end, &o.d, '.'))
        || !(p = scanGroup(p, end, &o.e)))
        return std::nullopt;
    if (p != end && *p != '(') {
        // Optional F group: `*255` (EasyMeter) or, seen on some IEC 62056-21 meters, `.255`.
        if ((*p != '*' && *p != '.') || !(p = scanGroup(p + 1, end, &o.f)))
            return std::nullopt;
        if (p != end && *p != '(')
            return std::nullopt;
    }
    if (consumed)
        *consumed = std::size_t(p - begin);
    return o;
}

std::string Obis::toString() const
{
    std::string out;
    out.reserve(20);
    appendNumber(out, a);
    out += '-';
    appendNumber(out, b);
    out += ':';
    appendNumber(out, c);
    out += '.';
    appendNumber(out, d);
    out += '.';
    appendNumber(out, e);
    if (f != 255) {
        out += '*';
        appendNumber(out, f);
    }
    return out;
}

} // namespace p1
