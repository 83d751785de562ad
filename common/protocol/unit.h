#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace p1 {

/// Base units after normalisation. Meters send kW or W, kWh or Wh, kvar(h)/var(h)/kVArh in any
/// case, kVA, V, A, m3, GJ, s, Hz; the parser maps each to one of these plus a power-of-ten
/// scale, once, so the rest of the code never compares unit strings.
enum class Unit : std::uint8_t
{
    None, ///< no unit given (zero values, counters, identifiers)
    W,
    Wh,
    Var,
    Varh,
    VA,
    VAh,
    V,
    A,
    CubicMetre,
    GJ,
    Second,
    Hertz,
    Unknown, ///< a unit text we do not know; the raw text is kept beside it
};

struct UnitScale
{
    Unit unit = Unit::None;
    std::int8_t scale = 0; ///< power of ten to apply to the value: kW -> {W, 3}
};

/// Maps a unit text to its base unit: "kW" -> {W, 3}, "kVArh" -> {Varh, 3}, "m3" -> {CubicMetre,
/// 0}. An empty text is Unit::None; an unknown one is Unit::Unknown with scale 0.
[[nodiscard]] UnitScale parseUnit(std::string_view text) noexcept;

/// A unit text of 1-8 characters as one integer, the first character in the lowest byte and
/// zeros above the last: what a little-endian load of the text gives, shifted.
[[nodiscard]] constexpr std::uint64_t packUnit(std::string_view text) noexcept
{
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < text.size() && i < 8; ++i)
        v |= std::uint64_t(static_cast<unsigned char>(text[i])) << (8 * i);
    return v;
}

/// parseUnit() for the spellings meters actually send ("kWh", "kW", "V", "A", "m3", ...), given
/// as packUnit(): a few integer compares, inline, for the parser, which meets a unit in most
/// values of every telegram. False for any other text (parseUnit() knows more).
[[nodiscard]] constexpr bool parseCommonUnit(std::uint64_t packed, UnitScale &out) noexcept
{
    switch (packed) {
    case packUnit("kWh"):
        out = {Unit::Wh, 3};
        return true;
    case packUnit("kW"):
        out = {Unit::W, 3};
        return true;
    case packUnit("V"):
        out = {Unit::V, 0};
        return true;
    case packUnit("A"):
        out = {Unit::A, 0};
        return true;
    case packUnit("m3"):
        out = {Unit::CubicMetre, 0};
        return true;
    case packUnit("s"):
        out = {Unit::Second, 0};
        return true;
    case packUnit("W"):
        out = {Unit::W, 0};
        return true;
    case packUnit("Wh"):
        out = {Unit::Wh, 0};
        return true;
    case packUnit("kvarh"):
    case packUnit("kVArh"):
        out = {Unit::Varh, 3};
        return true;
    case packUnit("kvar"):
    case packUnit("kVAr"):
        out = {Unit::Var, 3};
        return true;
    case packUnit("kVA"):
        out = {Unit::VA, 3};
        return true;
    default:
        return false;
    }
}

/// The base unit's symbol: "W", "kWh" is never returned ("Wh" is), "m3", "" for None/Unknown.
[[nodiscard]] std::string_view unitSymbol(Unit unit) noexcept;

} // namespace p1
