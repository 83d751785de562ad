#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
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

    /// Packed for switch statements and comparisons: 0xAABBCCDDEEFF.
    [[nodiscard]] constexpr std::uint64_t key() const noexcept
    {
        if constexpr (std::endian::native == std::endian::little) {
            if (!std::is_constant_evaluated()) {
                // A 4-byte and a 2-byte load and a byte swap instead of six loads, shifts and
                // ors: the Reading looks up the key of every object of every telegram. Not a
                // memcpy of 6 bytes into a zeroed uint64: that reloads through the stack, and the
                // 8-byte load of two smaller stores fails store forwarding (a ~15-cycle stall
                // per object, a third of Reading::fill()).
                std::uint32_t low = 0;
                std::uint16_t high = 0;
                const auto *bytes = reinterpret_cast<const unsigned char *>(this);
                std::memcpy(&low, bytes, sizeof low);
                std::memcpy(&high, bytes + sizeof low, sizeof high);
                return __builtin_bswap64(low | (std::uint64_t(high) << 32)) >> 16;
            }
        }
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
static_assert(sizeof(Obis) == 6, "key() loads the six groups at once");
static_assert(offsetof(Obis, a) == 0 && offsetof(Obis, e) == 4, "a-d then e, f: two loads");

namespace detail {

/// One OBIS group (1-3 digits, 0-255) at \a p, unchecked: the caller guarantees 4 readable
/// bytes. Returns the position after it, or nullptr.
[[gnu::always_inline]] inline const char *scanObisGroupUnchecked(
    const char *p, unsigned *out) noexcept
{
    const unsigned d0 = unsigned(static_cast<unsigned char>(p[0])) - '0';
    if (d0 > 9)
        return nullptr;
    const unsigned d1 = unsigned(static_cast<unsigned char>(p[1])) - '0';
    if (d1 > 9) {
        *out = d0;
        return p + 1;
    }
    const unsigned d2 = unsigned(static_cast<unsigned char>(p[2])) - '0';
    if (d2 > 9) {
        *out = d0 * 10 + d1;
        return p + 2;
    }
    const unsigned value = d0 * 100 + d1 * 10 + d2;
    if (value > 255 || unsigned(static_cast<unsigned char>(p[3])) - '0' <= 9)
        return nullptr;
    *out = value;
    return p + 3;
}

/// Scans `A-B:C.D.E[*F]` at \a p when at least kObisScanReadAhead bytes are readable from \a p
/// (always so inside a telegram, whose footer follows). Returns the position after the code
/// (not checked for '('), or nullptr with \a out unchanged. Inline because the parser runs it
/// for every line: the groups stay in registers and \a out is written once, in two stores
/// (byte by byte, the next reader's wider load would wait for six small stores to retire).
inline constexpr std::ptrdiff_t kObisScanReadAhead = 28; // "255-255:255.255.255*255" + reads
[[gnu::always_inline]] inline const char *scanObisUnchecked(const char *p, Obis *out) noexcept
{
    // Nearly every code starts with one-digit A and B ("1-0:", "0-1:"): take that in one go.
    unsigned a = unsigned(static_cast<unsigned char>(p[0])) - '0';
    unsigned b = unsigned(static_cast<unsigned char>(p[2])) - '0';
    if (a <= 9 && p[1] == '-' && b <= 9 && p[3] == ':') {
        p += 4;
    } else if (!(p = scanObisGroupUnchecked(p, &a)) || *p++ != '-'
        || !(p = scanObisGroupUnchecked(p, &b)) || *p++ != ':') {
        return nullptr;
    }
    unsigned c = 0;
    unsigned d = 0;
    unsigned e = 0;
    unsigned f = 255;
    if (!(p = scanObisGroupUnchecked(p, &c)) || *p++ != '.' || !(p = scanObisGroupUnchecked(p, &d))
        || *p++ != '.' || !(p = scanObisGroupUnchecked(p, &e)))
        return nullptr;
    // Optional F group: `*255` (EasyMeter) or, seen on some IEC 62056-21 meters, `.255`.
    if ((*p == '*' || *p == '.') && !(p = scanObisGroupUnchecked(p + 1, &f)))
        return nullptr;
    // The struct's byte order: a, b, c, d in the first four bytes, e, f in the last two.
    const std::uint32_t low = std::endian::native == std::endian::little
        ? a | (b << 8) | (c << 16) | (d << 24)
        : (a << 24) | (b << 16) | (c << 8) | d;
    const std::uint16_t high =
        std::uint16_t(std::endian::native == std::endian::little ? e | (f << 8) : (e << 8) | f);
    auto *bytes = reinterpret_cast<unsigned char *>(out);
    std::memcpy(bytes, &low, sizeof low);
    std::memcpy(bytes + sizeof low, &high, sizeof high);
    return p;
}

} // namespace detail

/// The codes the Reading understands. M-Bus codes are given with channel 0; compare them with
/// keyAnyChannel().
namespace obis {
inline constexpr Obis Version {1, 3, 0, 2, 8}; // DSMR P1 version, "50"
inline constexpr Obis VersionBelgium {0, 0, 96, 1, 4}; // e-MUCS version, "50217"
inline constexpr Obis Timestamp {0, 0, 1, 0, 0};
inline constexpr Obis EquipmentId {0, 0, 96, 1, 1};
inline constexpr Obis EquipmentIdAlt {0, 0, 96, 1, 0}; // Hungary, some 2.2 meters
inline constexpr Obis LogicalDeviceName {0, 0, 42, 0, 0}; // Luxembourg, Hungary
inline constexpr Obis EasyMeterId {0, 0, 96, 1, 255};
inline constexpr Obis EasyMeterSerial {1, 0, 0, 0, 0};
inline constexpr Obis ImportTotal {1, 0, 1, 8, 0};
inline constexpr Obis ImportT1 {1, 0, 1, 8, 1};
inline constexpr Obis ImportT2 {1, 0, 1, 8, 2};
inline constexpr Obis ImportT3 {1, 0, 1, 8, 3};
inline constexpr Obis ImportT4 {1, 0, 1, 8, 4};
inline constexpr Obis ExportTotal {1, 0, 2, 8, 0};
inline constexpr Obis ExportT1 {1, 0, 2, 8, 1};
inline constexpr Obis ExportT2 {1, 0, 2, 8, 2};
inline constexpr Obis ExportT3 {1, 0, 2, 8, 3};
inline constexpr Obis ExportT4 {1, 0, 2, 8, 4};
inline constexpr Obis Tariff {0, 0, 96, 14, 0};
inline constexpr Obis PowerImport {1, 0, 1, 7, 0};
inline constexpr Obis PowerExport {1, 0, 2, 7, 0};
inline constexpr Obis PowerL1Import {1, 0, 21, 7, 0};
inline constexpr Obis PowerL2Import {1, 0, 41, 7, 0};
inline constexpr Obis PowerL3Import {1, 0, 61, 7, 0};
inline constexpr Obis PowerL1Export {1, 0, 22, 7, 0};
inline constexpr Obis PowerL2Export {1, 0, 42, 7, 0};
inline constexpr Obis PowerL3Export {1, 0, 62, 7, 0};
inline constexpr Obis VoltageL1 {1, 0, 32, 7, 0};
inline constexpr Obis VoltageL2 {1, 0, 52, 7, 0};
inline constexpr Obis VoltageL3 {1, 0, 72, 7, 0};
inline constexpr Obis CurrentL1 {1, 0, 31, 7, 0};
inline constexpr Obis CurrentL2 {1, 0, 51, 7, 0};
inline constexpr Obis CurrentL3 {1, 0, 71, 7, 0};
inline constexpr Obis PowerFailures {0, 0, 96, 7, 21};
inline constexpr Obis LongPowerFailures {0, 0, 96, 7, 9};
inline constexpr Obis SagsL1 {1, 0, 32, 32, 0};
inline constexpr Obis SagsL2 {1, 0, 52, 32, 0};
inline constexpr Obis SagsL3 {1, 0, 72, 32, 0};
inline constexpr Obis SwellsL1 {1, 0, 32, 36, 0};
inline constexpr Obis SwellsL2 {1, 0, 52, 36, 0};
inline constexpr Obis SwellsL3 {1, 0, 72, 36, 0};
inline constexpr Obis TextMessage {0, 0, 96, 13, 0};
inline constexpr Obis TextMessageCode {0, 0, 96, 13, 1};
inline constexpr Obis BreakerState {0, 0, 96, 3, 10};
inline constexpr Obis CurrentAverageDemand {1, 0, 1, 4, 0}; // Belgium, capacity tariff
inline constexpr Obis MaximumDemandMonth {1, 0, 1, 6, 0}; // Belgium, capacity tariff
inline constexpr Obis MaximumDemandYear {0, 0, 98, 1, 0}; // Belgium, 13 months history
// M-Bus, channel in B (use keyAnyChannel()):
inline constexpr Obis MbusDeviceType {0, 0, 24, 1, 0};
inline constexpr Obis MbusEquipmentId {0, 0, 96, 1, 0};
inline constexpr Obis MbusEquipmentIdBelgium {0, 0, 96, 1, 1};
inline constexpr Obis MbusValue {0, 0, 24, 2, 1}; // NL: (TST)(value*unit)
inline constexpr Obis MbusValueBelgium {0, 0, 24, 2, 3}; // BE: (TST)(value*unit)
inline constexpr Obis MbusProfile {
    0, 0, 24, 3, 0}; // 2.2/3.0: (TST)(..)(..)(..)(obis)(unit) then (value)
inline constexpr Obis MbusValveState {0, 0, 24, 4, 0};
} // namespace obis

/// What a code means, for people: the GUI's fields view and `--decode`.
struct ObisInfo
{
    Obis code;
    bool anyChannel = false; ///< code.b is a channel placeholder
    std::string_view name; ///< English, short: "Electricity delivered to client, tariff 1"
};

/// Looks a code up in the registry of known codes; nullptr when unknown.
[[nodiscard]] const ObisInfo *describeObis(const Obis &code) noexcept;

} // namespace p1
