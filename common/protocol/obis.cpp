#include "obis.h"

#include <algorithm>
#include <array>

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

// --- registry -------------------------------------------------------------------------------

constexpr ObisInfo exact(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d,
    std::uint8_t e, std::string_view name)
{
    return {Obis {a, b, c, d, e}, false, name};
}

// An M-Bus code: B is the channel, any value matches.
constexpr ObisInfo channel(std::uint8_t c, std::uint8_t d, std::uint8_t e, std::string_view name)
{
    return {Obis {0, 0, c, d, e}, true, name};
}

constexpr auto kUnsortedRegistry = std::to_array<ObisInfo>({
    // Identification and version
    exact(1, 3, 0, 2, 8, "DSMR version"),
    exact(0, 0, 96, 1, 4, "Version information (Belgium)"),
    exact(0, 0, 1, 0, 0, "Date-time stamp"),
    exact(0, 0, 96, 1, 1, "Equipment identifier"),
    exact(0, 0, 96, 1, 0, "Equipment identifier"),
    exact(0, 0, 96, 1, 2, "Equipment serial number"),
    exact(0, 0, 42, 0, 0, "Logical device name"),
    exact(0, 0, 96, 1, 255, "Equipment identifier (manufacturer)"),
    exact(1, 0, 0, 0, 0, "Meter serial number"),
    exact(1, 0, 96, 5, 5, "Meter status"),
    exact(1, 0, 94, 32, 1, "Connection type, 230/400 V (Belgium)"),
    // Active energy
    exact(1, 0, 1, 8, 0, "Electricity delivered to client, total"),
    exact(1, 0, 1, 8, 1, "Electricity delivered to client, tariff 1"),
    exact(1, 0, 1, 8, 2, "Electricity delivered to client, tariff 2"),
    exact(1, 0, 1, 8, 3, "Electricity delivered to client, tariff 3"),
    exact(1, 0, 1, 8, 4, "Electricity delivered to client, tariff 4"),
    exact(1, 0, 2, 8, 0, "Electricity delivered by client, total"),
    exact(1, 0, 2, 8, 1, "Electricity delivered by client, tariff 1"),
    exact(1, 0, 2, 8, 2, "Electricity delivered by client, tariff 2"),
    exact(1, 0, 2, 8, 3, "Electricity delivered by client, tariff 3"),
    exact(1, 0, 2, 8, 4, "Electricity delivered by client, tariff 4"),
    exact(1, 0, 15, 8, 0, "Active energy, absolute total (|+A| + |-A|)"),
    // Reactive energy
    exact(1, 0, 3, 8, 0, "Reactive energy delivered (+R), total"),
    exact(1, 0, 3, 8, 1, "Reactive energy delivered (+R), tariff 1"),
    exact(1, 0, 3, 8, 2, "Reactive energy delivered (+R), tariff 2"),
    exact(1, 0, 4, 8, 0, "Reactive energy received (-R), total"),
    exact(1, 0, 4, 8, 1, "Reactive energy received (-R), tariff 1"),
    exact(1, 0, 4, 8, 2, "Reactive energy received (-R), tariff 2"),
    exact(1, 0, 5, 8, 0, "Reactive energy, quadrant I"),
    exact(1, 0, 6, 8, 0, "Reactive energy, quadrant II"),
    exact(1, 0, 7, 8, 0, "Reactive energy, quadrant III"),
    exact(1, 0, 8, 8, 0, "Reactive energy, quadrant IV"),
    // Tariff, thresholds, breaker
    exact(0, 0, 96, 14, 0, "Tariff indicator"),
    exact(0, 0, 17, 0, 0, "Actual threshold electricity"),
    exact(0, 0, 96, 3, 10, "Breaker state"),
    exact(1, 0, 31, 4, 0, "Current limit, L1"),
    exact(1, 0, 51, 4, 0, "Current limit, L2"),
    exact(1, 0, 71, 4, 0, "Current limit, L3"),
    exact(1, 1, 31, 4, 0, "Current limiter thresholds"),
    // Total power
    exact(1, 0, 1, 7, 0, "Actual electricity power delivered (+P)"),
    exact(1, 0, 2, 7, 0, "Actual electricity power received (-P)"),
    exact(1, 0, 3, 7, 0, "Actual reactive power delivered (+Q)"),
    exact(1, 0, 4, 7, 0, "Actual reactive power received (-Q)"),
    exact(1, 0, 5, 7, 0, "Actual reactive power, quadrant I"),
    exact(1, 0, 6, 7, 0, "Actual reactive power, quadrant II"),
    exact(1, 0, 7, 7, 0, "Actual reactive power, quadrant III"),
    exact(1, 0, 8, 7, 0, "Actual reactive power, quadrant IV"),
    exact(1, 0, 9, 7, 0, "Actual apparent power delivered (+S)"),
    exact(1, 0, 10, 7, 0, "Actual apparent power received (-S)"),
    exact(1, 0, 13, 7, 0, "Power factor"),
    exact(1, 0, 14, 7, 0, "Frequency"),
    // Per phase
    exact(1, 0, 21, 7, 0, "Instantaneous active power L1 (+P)"),
    exact(1, 0, 41, 7, 0, "Instantaneous active power L2 (+P)"),
    exact(1, 0, 61, 7, 0, "Instantaneous active power L3 (+P)"),
    exact(1, 0, 22, 7, 0, "Instantaneous active power L1 (-P)"),
    exact(1, 0, 42, 7, 0, "Instantaneous active power L2 (-P)"),
    exact(1, 0, 62, 7, 0, "Instantaneous active power L3 (-P)"),
    exact(1, 0, 23, 7, 0, "Instantaneous reactive power L1 (+Q)"),
    exact(1, 0, 43, 7, 0, "Instantaneous reactive power L2 (+Q)"),
    exact(1, 0, 63, 7, 0, "Instantaneous reactive power L3 (+Q)"),
    exact(1, 0, 24, 7, 0, "Instantaneous reactive power L1 (-Q)"),
    exact(1, 0, 44, 7, 0, "Instantaneous reactive power L2 (-Q)"),
    exact(1, 0, 64, 7, 0, "Instantaneous reactive power L3 (-Q)"),
    exact(1, 0, 32, 7, 0, "Instantaneous voltage L1"),
    exact(1, 0, 52, 7, 0, "Instantaneous voltage L2"),
    exact(1, 0, 72, 7, 0, "Instantaneous voltage L3"),
    exact(1, 0, 31, 7, 0, "Instantaneous current L1"),
    exact(1, 0, 51, 7, 0, "Instantaneous current L2"),
    exact(1, 0, 71, 7, 0, "Instantaneous current L3"),
    exact(1, 0, 33, 7, 0, "Power factor L1"),
    exact(1, 0, 53, 7, 0, "Power factor L2"),
    exact(1, 0, 73, 7, 0, "Power factor L3"),
    // Power quality
    exact(0, 0, 96, 7, 21, "Number of power failures in any phase"),
    exact(0, 0, 96, 7, 9, "Number of long power failures in any phase"),
    exact(1, 0, 99, 97, 0, "Power failure event log"),
    exact(0, 0, 96, 7, 19, "Power failure event"),
    exact(1, 0, 32, 32, 0, "Number of voltage sags in phase L1"),
    exact(1, 0, 52, 32, 0, "Number of voltage sags in phase L2"),
    exact(1, 0, 72, 32, 0, "Number of voltage sags in phase L3"),
    exact(1, 0, 32, 36, 0, "Number of voltage swells in phase L1"),
    exact(1, 0, 52, 36, 0, "Number of voltage swells in phase L2"),
    exact(1, 0, 72, 36, 0, "Number of voltage swells in phase L3"),
    // Messages
    exact(0, 0, 96, 13, 0, "Text message"),
    exact(0, 0, 96, 13, 1, "Text message code"),
    exact(0, 0, 96, 13, 2, "Text message 2"),
    exact(0, 0, 96, 13, 3, "Text message 3"),
    exact(0, 0, 96, 13, 4, "Text message 4"),
    exact(0, 0, 96, 13, 5, "Text message 5"),
    // Belgian capacity tariff
    exact(1, 0, 1, 4, 0, "Current average demand (+P)"),
    exact(1, 0, 1, 6, 0, "Maximum demand, running month (+P)"),
    exact(0, 0, 98, 1, 0, "Maximum demand / billing values, last months"),
    // M-Bus devices (gas, water, heat), channel in B
    channel(24, 1, 0, "M-Bus device type"),
    channel(96, 1, 0, "M-Bus equipment identifier"),
    channel(96, 1, 1, "M-Bus equipment identifier"),
    channel(96, 1, 2, "M-Bus equipment serial number"),
    channel(24, 2, 1, "M-Bus meter reading (gas, water, heat)"),
    channel(24, 2, 3, "Gas meter reading, not temperature corrected"),
    channel(24, 3, 0, "M-Bus meter reading profile (DSMR 2.2/3.0)"),
    channel(24, 4, 0, "M-Bus valve state"),
    channel(96, 3, 10, "M-Bus relay state"),
});

constexpr bool registryLess(const ObisInfo &x, const ObisInfo &y) noexcept
{
    return x.code.key() != y.code.key() ? x.code.key() < y.code.key() : x.anyChannel < y.anyChannel;
}

constexpr auto kRegistry = [] {
    auto sorted = kUnsortedRegistry;
    std::sort(sorted.begin(), sorted.end(), registryLess);
    return sorted;
}();

constexpr bool registryUnique() noexcept
{
    for (std::size_t i = 1; i < kRegistry.size(); ++i)
        if (!registryLess(kRegistry[i - 1], kRegistry[i]))
            return false;
    return true;
}
static_assert(registryUnique(), "a code is listed twice in the OBIS registry");

const ObisInfo *lookup(std::uint64_t key, bool anyChannel) noexcept
{
    const ObisInfo probe {
        Obis {std::uint8_t(key >> 40), std::uint8_t(key >> 32), std::uint8_t(key >> 24),
            std::uint8_t(key >> 16), std::uint8_t(key >> 8), std::uint8_t(key)},
        anyChannel, {}};
    const auto it = std::lower_bound(kRegistry.begin(), kRegistry.end(), probe, registryLess);
    if (it != kRegistry.end() && it->code.key() == key && it->anyChannel == anyChannel)
        return &*it;
    return nullptr;
}

} // namespace

std::optional<Obis> Obis::parse(std::string_view text, std::size_t *consumed) noexcept
{
    Obis o;
    const char *const begin = text.data();
    const char *const end = begin + text.size();
    const char *p = begin;
    if (end - begin >= detail::kObisScanReadAhead) {
        // Inside a telegram there is always more text after the code: no bounds checks.
        if (!(p = detail::scanObisUnchecked(p, &o)) || *p != '(')
            return std::nullopt;
    } else {
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

const ObisInfo *describeObis(const Obis &code) noexcept
{
    if (const ObisInfo *info = lookup(code.key(), false))
        return info;
    return lookup(code.keyAnyChannel(), true);
}

} // namespace p1
