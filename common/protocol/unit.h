#pragma once

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

/// The base unit's symbol: "W", "kWh" is never returned ("Wh" is), "m3", "" for None/Unknown.
[[nodiscard]] std::string_view unitSymbol(Unit unit) noexcept;

} // namespace p1
