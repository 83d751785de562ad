#include "unit.h"

#include <optional>

namespace p1 {

namespace {

constexpr char lower(char c) noexcept
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

// Case-insensitive match of \a text against the lower-case \a expected.
constexpr bool equalsLower(std::string_view text, std::string_view expected) noexcept
{
    if (text.size() != expected.size())
        return false;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (lower(text[i]) != expected[i])
            return false;
    return true;
}

// Base units without prefix, matched case-insensitively ("kVArh" and "kvarh" are both seen).
// Joules count as GJ with scale -9 so that "GJ" (the only form meters send) comes out {GJ, 0}
// through the prefix rule, and "MJ" as {GJ, -3}.
std::optional<UnitScale> baseUnit(std::string_view text) noexcept
{
    switch (text.size()) {
    case 1:
        switch (lower(text[0])) {
        case 'w':
            return UnitScale {Unit::W, 0};
        case 'v':
            return UnitScale {Unit::V, 0};
        case 'a':
            return UnitScale {Unit::A, 0};
        case 's':
            return UnitScale {Unit::Second, 0};
        case 'j':
            return UnitScale {Unit::GJ, -9};
        default:
            return std::nullopt;
        }
    case 2:
        if (equalsLower(text, "wh"))
            return UnitScale {Unit::Wh, 0};
        if (equalsLower(text, "va"))
            return UnitScale {Unit::VA, 0};
        if (equalsLower(text, "m3"))
            return UnitScale {Unit::CubicMetre, 0};
        if (equalsLower(text, "hz"))
            return UnitScale {Unit::Hertz, 0};
        return std::nullopt;
    case 3:
        if (equalsLower(text, "var"))
            return UnitScale {Unit::Var, 0};
        if (equalsLower(text, "vah"))
            return UnitScale {Unit::VAh, 0};
        return std::nullopt;
    case 4:
        if (equalsLower(text, "varh"))
            return UnitScale {Unit::Varh, 0};
        return std::nullopt;
    default:
        return std::nullopt;
    }
}

// SI prefixes meters use. 'k' appears in either case ("KWH" is rare but harmless); 'M' is mega
// and 'm' milli as SI says (no meter sends milli-anything, but "mA" should not become MA).
std::optional<int> prefixScale(char c) noexcept
{
    switch (c) {
    case 'k':
    case 'K':
        return 3;
    case 'M':
        return 6;
    case 'G':
    case 'g':
        return 9;
    case 'm':
        return -3;
    default:
        return std::nullopt;
    }
}

} // namespace

UnitScale parseUnit(std::string_view text) noexcept
{
    if (text.empty())
        return {Unit::None, 0};
    if (text.size() > 8)
        return {Unit::Unknown, 0};

    // Fast path: the spellings meters actually send, as one integer compare each. This runs for
    // most values of every telegram.
    if (UnitScale common; parseCommonUnit(packUnit(text), common))
        return common;

    // Whole text first: "m3" is a unit, not milli-"3".
    if (const auto base = baseUnit(text))
        return *base;
    if (text.size() >= 2) {
        if (const auto prefix = prefixScale(text[0])) {
            if (const auto base = baseUnit(text.substr(1)))
                return {base->unit, std::int8_t(base->scale + *prefix)};
        }
    }
    return {Unit::Unknown, 0};
}

std::string_view unitSymbol(Unit unit) noexcept
{
    switch (unit) {
    case Unit::W:
        return "W";
    case Unit::Wh:
        return "Wh";
    case Unit::Var:
        return "var";
    case Unit::Varh:
        return "varh";
    case Unit::VA:
        return "VA";
    case Unit::VAh:
        return "VAh";
    case Unit::V:
        return "V";
    case Unit::A:
        return "A";
    case Unit::CubicMetre:
        return "m3";
    case Unit::GJ:
        return "GJ";
    case Unit::Second:
        return "s";
    case Unit::Hertz:
        return "Hz";
    case Unit::None:
    case Unit::Unknown:
        break;
    }
    return {};
}

} // namespace p1
