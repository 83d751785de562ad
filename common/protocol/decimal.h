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
    [[nodiscard]] inline double toDouble() const noexcept;
    /// Exact decimal text without exponent notation: {12345, -3} -> "12.345", {5, 3} -> "5000".
    [[nodiscard]] std::string toString() const;

    /// Same numeric value ({10, -1} == {1, 0}).
    [[nodiscard]] bool equals(const Decimal &other) const noexcept;
    friend bool operator==(const Decimal &a, const Decimal &b) noexcept { return a.equals(b); }

    [[nodiscard]] static inline Decimal add(const Decimal &a, const Decimal &b) noexcept;
    [[nodiscard]] static inline Decimal subtract(const Decimal &a, const Decimal &b) noexcept;

private:
    // The out-of-line rest of the inline fast paths below.
    [[nodiscard]] double toDoubleSlow() const noexcept;
    [[nodiscard]] static Decimal addSlow(const Decimal &a, const Decimal &b) noexcept;
    [[nodiscard]] static Decimal subtractSlow(const Decimal &a, const Decimal &b) noexcept;
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

namespace detail {
/// 10^0 .. 10^22, every power of ten a double holds exactly (5^22 < 2^53).
inline constexpr double kExactPow10[23] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
    1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
} // namespace detail

// The three below are inline for their common case (the mapping runs them some 30 times a
// telegram, where a call costs as much as the work): the mantissa of a meter value is exact in a
// double and its exponent small, and the values added or subtracted (import and export, phases,
// tariffs) share their exponent.
inline double Decimal::toDouble() const noexcept
{
    // Both operands exact, so one IEEE operation rounds correctly.
    constexpr std::int64_t kExactLimit = std::int64_t(1) << 53;
    if (mantissa > -kExactLimit && mantissa < kExactLimit && exponent >= -22 && exponent <= 22) {
        const double m = double(mantissa);
        return exponent >= 0 ? m * detail::kExactPow10[exponent]
                             : m / detail::kExactPow10[-exponent];
    }
    return toDoubleSlow();
}

inline Decimal Decimal::add(const Decimal &a, const Decimal &b) noexcept
{
    std::int64_t sum = 0;
    if (a.exponent == b.exponent && !__builtin_add_overflow(a.mantissa, b.mantissa, &sum))
        return {sum, a.exponent};
    return addSlow(a, b);
}

inline Decimal Decimal::subtract(const Decimal &a, const Decimal &b) noexcept
{
    std::int64_t difference = 0;
    if (a.exponent == b.exponent && !__builtin_sub_overflow(a.mantissa, b.mantissa, &difference))
        return {difference, a.exponent};
    return subtractSlow(a, b);
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
