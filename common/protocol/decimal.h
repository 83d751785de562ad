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

    static constexpr int kMaxSignificantDigits = 18; ///< what an int64 mantissa always holds

    /// Parses `[+-]digits[.digits]` (at least one digit, at most 18 significant digits).
    [[nodiscard]] static std::optional<Decimal> parse(std::string_view text) noexcept;
    /// parse() into \a out: true when \a text is a number (\a out is unspecified otherwise).
    /// Inline, and no optional to assemble and copy: the Reading parses ~30 values a telegram.
    [[nodiscard]] static bool parse(std::string_view text, Decimal &out) noexcept;
    /// Parses a plain non-negative integer that must fit an int32 ("0002" -> 2).
    [[nodiscard]] static std::optional<std::int32_t> parseInt(std::string_view text) noexcept;
    /// parseInt() into \a out, inline like parse(text, out).
    [[nodiscard]] static bool parseInt(std::string_view text, std::int32_t &out) noexcept;

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

private:
    /// parse() for texts longer than 18 characters after the sign: counts significant digits.
    static bool parseLong(std::string_view text, Decimal &out) noexcept;
    /// parseInt() for texts longer than 9 characters: checks for overflow.
    static bool parseLongInt(std::string_view text, std::int32_t &out) noexcept;
};

inline bool Decimal::parse(std::string_view text, Decimal &out) noexcept
{
    // Fast path, nearly every meter value ("001234.567", "00.884", "230.1"): at most 18
    // characters after the sign hold at most 18 digits, so the mantissa cannot overflow and no
    // significant digits need counting; leading zeros just add nothing. One pass, one branch per
    // character.
    const char *p = text.data();
    const char *const end = p + text.size();
    const bool negative = p != end && *p == '-';
    if (p != end && (*p == '-' || *p == '+'))
        ++p;
    if (end - p > kMaxSignificantDigits)
        return parseLong(text, out);
    std::int64_t mantissa = 0;
    const char *dot = nullptr;
    for (const char *q = p; q != end; ++q) {
        const unsigned digit = unsigned(static_cast<unsigned char>(*q)) - '0';
        if (digit <= 9) {
            mantissa = mantissa * 10 + digit;
        } else if (*q == '.' && !dot) {
            dot = q;
        } else {
            return false;
        }
    }
    // `digits[.digits]`: a digit first ("", ".5" are not numbers), one after a dot ("1.").
    if (p == end || p == dot || (dot && dot + 1 == end))
        return false;
    out.mantissa = negative ? -mantissa : mantissa;
    out.exponent = dot ? std::int32_t(dot + 1 - end) : 0;
    return true;
}

inline bool Decimal::parseInt(std::string_view text, std::int32_t &out) noexcept
{
    // Fast path, every counter a meter sends ("00012", "0002"): nine digits always fit an int32,
    // so no overflow check per digit.
    if (text.empty() || text.size() > 9)
        return !text.empty() && parseLongInt(text, out);
    std::int32_t value = 0;
    for (const char c : text) {
        const unsigned digit = unsigned(static_cast<unsigned char>(c)) - '0';
        if (digit > 9)
            return false;
        value = value * 10 + std::int32_t(digit);
    }
    out = value;
    return true;
}

} // namespace p1
