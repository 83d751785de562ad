#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace p1 {

/// A meter timestamp `YYMMDDhhmmssX`, X = S (summer, +02:00) or W (winter, +01:00), either case.
/// DSMR 2.2/3.0 sends `YYMMDDhhmmss` without the flag: the offset then follows the EU summer
/// time rule for Central European local time.
///
/// Meters send placeholders (`000101000001W`, `700101010000W`, all zeros) and garbage
/// (`632525252525W`). Those parse with present == true and valid == false: the telegram is kept,
/// only the timestamp is flagged. Years outside 2005-2069 count as placeholders.
struct Timestamp
{
    std::int64_t utcSeconds = 0; ///< seconds since 1970-01-01T00:00:00Z (valid only)
    std::int16_t offsetMinutes = 0; ///< local offset from UTC: 60 or 120
    bool present = false; ///< the telegram had a timestamp here
    bool valid = false; ///< it named a real moment

    [[nodiscard]] static Timestamp parse(std::string_view text) noexcept;
    /// "2026-11-25T14:30:15+01:00"; empty when not valid.
    [[nodiscard]] std::string toIso8601() const;

    friend bool operator==(const Timestamp &, const Timestamp &) = default;
};

} // namespace p1
