#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace p1 {

/// An exact decimal number as a meter sends it: integer mantissa and power-of-ten exponent.
/// "00052185.7825309" is {521857825309, -7}; "-040" is {-40, 0}. Meters never send more than
/// 18 significant digits, which fits the mantissa; a longer number is not a Decimal.
/// No floating point is involved until toDouble(), which rounds correctly for the values
/// meters send (|mantissa| < 2^53 and |exponent| <= 22).
struct Decimal
{
    std::int64_t mantissa = 0;
    std::int32_t exponent = 0;

    /// Parses `[+-]digits[.digits]` (at least one digit, at most 18 significant digits).
    [[nodiscard]] static std::optional<Decimal> parse(std::string_view text) noexcept;
    /// Parses a plain non-negative integer that must fit an int32 ("0002" -> 2).
    [[nodiscard]] static std::optional<std::int32_t> parseInt(std::string_view text) noexcept;

    /// The value times 10^shift, exactly (only the exponent moves).
    [[nodiscard]] constexpr Decimal scaled(int shift) const noexcept
    {
        return {mantissa, exponent + shift};
    }
    [[nodiscard]] double toDouble() const noexcept;
    /// Exact decimal text without exponent notation: {12345, -3} -> "12.345", {5, 3} -> "5000".
    [[nodiscard]] std::string toString() const;

    /// Same numeric value ({10, -1} == {1, 0}).
    [[nodiscard]] bool equals(const Decimal &other) const noexcept;
    friend bool operator==(const Decimal &a, const Decimal &b) noexcept { return a.equals(b); }

    [[nodiscard]] static Decimal add(const Decimal &a, const Decimal &b) noexcept;
    [[nodiscard]] static Decimal subtract(const Decimal &a, const Decimal &b) noexcept;
};

} // namespace p1
