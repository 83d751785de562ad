#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace p1 {

/// An OBIS code `A-B:C.D.E` with the optional `*F` group (EasyMeter sends `*255`, which is
/// the "not used" value and so the same as no F). B is the M-Bus channel for `0-n:24.x.x`.
struct Obis
{
    std::uint8_t a = 0;
    std::uint8_t b = 0;
    std::uint8_t c = 0;
    std::uint8_t d = 0;
    std::uint8_t e = 0;
    std::uint8_t f = 255;

    /// Packed for comparisons and look-ups: 0xAABBCCDDEEFF.
    [[nodiscard]] constexpr std::uint64_t key() const noexcept
    {
        return (std::uint64_t(a) << 40) | (std::uint64_t(b) << 32) | (std::uint64_t(c) << 24)
            | (std::uint64_t(d) << 16) | (std::uint64_t(e) << 8) | f;
    }
    /// The key with the channel (B) cleared: matches `0-n:24.2.1` for any n.
    [[nodiscard]] constexpr std::uint64_t keyAnyChannel() const noexcept
    {
        return key() & ~(std::uint64_t(0xFF) << 32);
    }
    [[nodiscard]] constexpr Obis withChannel(std::uint8_t channel) const noexcept
    {
        Obis o = *this;
        o.b = channel;
        return o;
    }

    /// Parses the code at the start of \a text up to (not including) the first '('.
    /// Returns the code and sets \a consumed to its length; nullopt when \a text does not start
    /// with a well-formed code. Each group is 1-3 decimal digits, 0-255. F may be given as `*F`
    /// or `.F`; `*255` is the same as no F. The code must be followed by '(' or the end of
    /// \a text: "1-0:1.8.1x(" and "1-0:1.8.1." are not codes. \a consumed is left alone on
    /// failure.
    [[nodiscard]] static std::optional<Obis> parse(
        std::string_view text, std::size_t *consumed = nullptr) noexcept;
    /// "1-0:1.8.1", with "*F" appended when F is not 255.
    [[nodiscard]] std::string toString() const;

    friend constexpr bool operator==(const Obis &x, const Obis &y) noexcept
    {
        return x.key() == y.key();
    }
};
} // namespace p1
