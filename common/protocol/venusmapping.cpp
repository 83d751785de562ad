#include "venusmapping.h"

#include "reading.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <iterator>

namespace p1 {

namespace {

// Indexed by GridPath: the order must follow the enum (checked below).
constexpr PathSpec kGridSpecs[] = {
    {"/Ac/Power", ValueKind::Double, "W", 0},
    {"/Ac/L1/Power", ValueKind::Double, "W", 0},
    {"/Ac/L2/Power", ValueKind::Double, "W", 0},
    {"/Ac/L3/Power", ValueKind::Double, "W", 0},
    {"/Ac/L1/Voltage", ValueKind::Double, "V", 1},
    {"/Ac/L2/Voltage", ValueKind::Double, "V", 1},
    {"/Ac/L3/Voltage", ValueKind::Double, "V", 1},
    // Two decimals: Fluvius sends centi-amperes (003.02*A).
    {"/Ac/L1/Current", ValueKind::Double, "A", 2},
    {"/Ac/L2/Current", ValueKind::Double, "A", 2},
    {"/Ac/L3/Current", ValueKind::Double, "A", 2},
    {"/Ac/Energy/Forward", ValueKind::Double, "kWh", 3},
    {"/Ac/Energy/Reverse", ValueKind::Double, "kWh", 3},
    {"/Ac/L1/Energy/Forward", ValueKind::Double, "kWh", 3},
    {"/Ac/L1/Energy/Reverse", ValueKind::Double, "kWh", 3},
    {"/Ac/Frequency", ValueKind::Double, "Hz", 2},
    {"/NrOfPhases", ValueKind::Int, "", 0},
    {"/Serial", ValueKind::String, "", 0},
    {"/P1/Ident", ValueKind::String, "", 0},
    {"/P1/Version", ValueKind::String, "", 0},
    {"/P1/Timestamp", ValueKind::String, "", 0},
    {"/P1/Tariff", ValueKind::Int, "", 0},
    {"/P1/LowTariff", ValueKind::Int, "", 0},
    {"/P1/Energy/Forward/T1", ValueKind::Double, "kWh", 3},
    {"/P1/Energy/Forward/T2", ValueKind::Double, "kWh", 3},
    {"/P1/Energy/Forward/T3", ValueKind::Double, "kWh", 3},
    {"/P1/Energy/Forward/T4", ValueKind::Double, "kWh", 3},
    {"/P1/Energy/Reverse/T1", ValueKind::Double, "kWh", 3},
    {"/P1/Energy/Reverse/T2", ValueKind::Double, "kWh", 3},
    {"/P1/Energy/Reverse/T3", ValueKind::Double, "kWh", 3},
    {"/P1/Energy/Reverse/T4", ValueKind::Double, "kWh", 3},
    {"/P1/PowerFailures", ValueKind::Int, "", 0},
    {"/P1/LongPowerFailures", ValueKind::Int, "", 0},
    {"/P1/L1/VoltageSags", ValueKind::Int, "", 0},
    {"/P1/L2/VoltageSags", ValueKind::Int, "", 0},
    {"/P1/L3/VoltageSags", ValueKind::Int, "", 0},
    {"/P1/L1/VoltageSwells", ValueKind::Int, "", 0},
    {"/P1/L2/VoltageSwells", ValueKind::Int, "", 0},
    {"/P1/L3/VoltageSwells", ValueKind::Int, "", 0},
    {"/P1/TextMessage", ValueKind::String, "", 0},
    {"/P1/AverageDemand", ValueKind::Double, "W", 0},
    {"/P1/MaximumDemandMonth", ValueKind::Double, "W", 0},
};
static_assert(std::size(kGridSpecs) == kGridPathCount, "one PathSpec per GridPath");

constexpr PathSpec kGasSpecs[] = {
    {"/Aggregate", ValueKind::Double, "m3", 3},
    {"/Flow", ValueKind::Double, "m3/h", 3},
    {"/Serial", ValueKind::String, "", 0},
    {"/P1/CaptureTime", ValueKind::String, "", 0},
    {"/P1/Channel", ValueKind::Int, "", 0},
};
static_assert(std::size(kGasSpecs) == kGasPathCount, "one PathSpec per GasPath");

constexpr bool specsInOrder()
{
    return kGridSpecs[std::size_t(GridPath::AcL3Current)].path == "/Ac/L3/Current"
        && kGridSpecs[std::size_t(GridPath::AcL1EnergyReverse)].path == "/Ac/L1/Energy/Reverse"
        && kGridSpecs[std::size_t(GridPath::AcFrequency)].path == "/Ac/Frequency"
        && kGridSpecs[std::size_t(GridPath::NrOfPhases)].path == "/NrOfPhases"
        && kGridSpecs[std::size_t(GridPath::P1LowTariff)].path == "/P1/LowTariff"
        && kGridSpecs[std::size_t(GridPath::P1EnergyReverseT4)].path == "/P1/Energy/Reverse/T4"
        && kGridSpecs[std::size_t(GridPath::P1L3VoltageSwells)].path == "/P1/L3/VoltageSwells"
        && kGridSpecs[std::size_t(GridPath::P1MaximumDemandMonth)].path == "/P1/MaximumDemandMonth"
        && kGasSpecs[std::size_t(GasPath::P1Channel)].path == "/P1/Channel";
}
static_assert(specsInOrder(), "PathSpec tables follow the enums");

// Measurements in base units become doubles; \a shift moves Wh to kWh (-3) exactly, before the
// single rounding to double.
void setDecimal(VenusValue &out, const std::optional<Decimal> &value, int shift = 0) noexcept
{
    if (value)
        out.set(value->scaled(shift).toDouble());
    else
        out.setInvalid();
}

void setDecimal(VenusValue &out, bool has, const Decimal &value, int shift = 0) noexcept
{
    if (has)
        out.set(value.scaled(shift).toDouble());
    else
        out.setInvalid();
}

void setInt(VenusValue &out, const std::optional<std::int32_t> &value) noexcept
{
    if (value)
        out.setInt(*value);
    else
        out.setInvalid();
}

void setNonEmpty(VenusValue &out, std::string_view text)
{
    if (text.empty())
        out.setInvalid();
    else
        out.setText(text);
}

// "00".."99": two digits per lookup instead of a division by ten per digit.
constexpr auto kDigitPairs = [] {
    std::array<char, 200> pairs {};
    for (std::size_t i = 0; i < 100; ++i) {
        pairs[2 * i] = char('0' + i / 10);
        pairs[2 * i + 1] = char('0' + i % 10);
    }
    return pairs;
}();

// Writes \a value (0-99) as two digits at \a at.
void putTwo(char *at, unsigned value) noexcept
{
    std::memcpy(at, &kDigitPairs[2 * std::size_t(value)], 2);
}

// "YYYY-MM-DD" of the local day \a days since 1970-01-01 into \a out.
void formatDate(char *out, std::int64_t days) noexcept
{
    // Civil date from days since 1970-01-01 (proleptic Gregorian, 400-year eras from 0000-03-01);
    // within an era in 32 bits, where the divisions by constants are cheap multiplications.
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = std::uint32_t(z - era * 146097);
    const std::uint32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::uint32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::uint32_t mp = (5 * doy + 2) / 153;
    const std::uint32_t day = doy - (153 * mp + 2) / 5 + 1;
    const std::uint32_t month = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t year = std::int64_t(yoe) + era * 400 + (month <= 2 ? 1 : 0);

    if (year >= 0 && year <= 9999) {
        putTwo(out, unsigned(year / 100));
        putTwo(out + 2, unsigned(year % 100));
    } else {
        std::int64_t rest = year < 0 ? -year : year; // no meter's: digits of the magnitude
        for (int i = 3; i >= 0; --i) {
            out[i] = char('0' + rest % 10);
            rest /= 10;
        }
    }
    out[4] = '-';
    putTwo(out + 5, month);
    out[7] = '-';
    putTwo(out + 8, day);
}

// Timestamp::toIso8601() into a stack buffer: the grid and gas services format one or two
// timestamps per telegram, and the heap string it returns would be the only allocation of the
// whole mapping. Same text, checked against toIso8601() in the tests. The date comes from
// \a cache while the day is the same.
void setTimestamp(VenusValue &out, const Timestamp &timestamp, VenusMapper::DateCache &cache)
{
    if (!timestamp.valid) {
        out.setInvalid();
        return;
    }
    const std::int64_t local = timestamp.utcSeconds + std::int64_t(timestamp.offsetMinutes) * 60;
    std::int64_t days = local / 86400;
    std::int64_t seconds = local % 86400;
    if (seconds < 0) {
        seconds += 86400;
        --days;
    }
    if (days != cache.day) {
        formatDate(cache.text.data(), days);
        cache.day = days;
    }

    // "2026-11-25T14:30:15+01:00"
    char buf[25];
    std::memcpy(buf, cache.text.data(), cache.text.size());
    buf[10] = 'T';
    const auto secondOfDay = unsigned(seconds);
    putTwo(buf + 11, secondOfDay / 3600);
    buf[13] = ':';
    putTwo(buf + 14, secondOfDay / 60 % 60);
    buf[16] = ':';
    putTwo(buf + 17, secondOfDay % 60);
    const int offset = timestamp.offsetMinutes;
    buf[19] = offset < 0 ? '-' : '+';
    const unsigned magnitude = unsigned(offset < 0 ? -offset : offset);
    putTwo(buf + 20, magnitude / 60 % 100);
    buf[22] = ':';
    putTwo(buf + 23, magnitude % 60);
    out.setText(std::string_view(buf, sizeof buf));
}

// Import - export of one phase, when it has either.
bool phaseNet(const PhaseReading &phase, Decimal &out) noexcept
{
    if (!phase.powerImport && !phase.powerExport)
        return false;
    out = Decimal::subtract(
        phase.powerImport.value_or(Decimal {}), phase.powerExport.value_or(Decimal {}));
    return true;
}

} // namespace

const PathSpec &pathSpec(GridPath path) noexcept
{
    return kGridSpecs[std::size_t(path)];
}

const PathSpec &pathSpec(GasPath path) noexcept
{
    return kGasSpecs[std::size_t(path)];
}

std::span<const PathSpec> gridPathSpecs() noexcept
{
    return kGridSpecs;
}

std::span<const PathSpec> gasPathSpecs() noexcept
{
    return kGasSpecs;
}

bool operator==(const VenusValue &a, const VenusValue &b) noexcept
{
    if (a.kind != b.kind)
        return false;
    switch (a.kind) {
    case ValueKind::Invalid:
        return true;
    case ValueKind::Double:
        return a.number == b.number;
    case ValueKind::Int:
        return a.integer == b.integer;
    case ValueKind::String:
        return a.text == b.text;
    }
    return false;
}

std::string formatText(const PathSpec &spec, const VenusValue &value)
{
    // std::to_chars rather than snprintf: the same digits (both round the exact binary value,
    // as printf in the C locale does), at a fraction of the cost; this runs for every path of
    // every telegram.
    char buf[64];
    char *end = buf;
    switch (value.kind) {
    case ValueKind::Invalid:
        return {};
    case ValueKind::String:
        return value.text;
    case ValueKind::Int:
        end = std::to_chars(buf, buf + sizeof buf, value.integer).ptr;
        break;
    case ValueKind::Double: {
        const auto [ptr, error] = std::to_chars(
            buf, buf + sizeof buf, value.number, std::chars_format::fixed, int(spec.decimals));
        if (error == std::errc()) {
            end = ptr;
        } else {
            // Too long for the buffer (a value beyond 1e50): printf's form, cut to the buffer.
            const int n = std::snprintf(buf, sizeof buf, "%.*f", int(spec.decimals), value.number);
            end = buf + (n < 0 ? 0 : std::min<std::ptrdiff_t>(n, sizeof buf - 1));
        }
        // A small negative value rounds to "-0" or "-0.0": show it as zero.
        if (end - buf > 1 && buf[0] == '-'
            && std::all_of(buf + 1, end, [](char c) { return c == '0' || c == '.'; })) {
            std::memmove(buf, buf + 1, std::size_t(end - buf - 1));
            --end;
        }
        break;
    }
    }
    std::string text(buf, end);
    if (!spec.unit.empty()) {
        text += ' ';
        text += spec.unit;
    }
    return text;
}

bool VenusMapper::mapGrid(const Reading &reading, GridValues &grid) const
{
    // Plain Decimals and flags rather than optionals: this runs for every telegram, and GCC
    // builds an optional on the stack and reloads it wider than it stored it (a stall each).
    Decimal net;
    const bool hasNet = reading.netPower(net);
    setDecimal(grid[GridPath::AcPower], hasNet, net);

    // systemcalc sums per-phase power and never reads /Ac/Power: a meter without per-phase
    // power lines (DSMR 2.2/3.0, Austria) has its total shown on L1.
    std::array<Decimal, 3> phasePower;
    std::array<bool, 3> hasPhasePower {};
    for (std::size_t i = 0; i < phasePower.size(); ++i)
        hasPhasePower[i] = phaseNet(reading.phases[i], phasePower[i]);
    if (!hasPhasePower[0] && !hasPhasePower[1] && !hasPhasePower[2]) {
        phasePower[0] = net;
        hasPhasePower[0] = hasNet;
    }

    int nrOfPhases = 0;
    for (std::size_t i = 0; i < phasePower.size(); ++i) {
        const PhaseReading &phase = reading.phases[i];
        const auto offset = std::uint8_t(i);
        setDecimal(grid[GridPath(std::uint8_t(GridPath::AcL1Power) + offset)], hasPhasePower[i],
            phasePower[i]);
        setDecimal(grid[GridPath(std::uint8_t(GridPath::AcL1Voltage) + offset)], phase.voltage);

        // Meters send the current unsigned; give it the direction of the phase's power so
        // that power = voltage x current holds for consumers that compute with it.
        VenusValue &current = grid[GridPath(std::uint8_t(GridPath::AcL1Current) + offset)];
        if (phase.current) {
            Decimal signedCurrent = *phase.current;
            if (hasPhasePower[i]) {
                if (signedCurrent.mantissa < 0)
                    signedCurrent.mantissa = -signedCurrent.mantissa;
                if (phasePower[i].mantissa < 0)
                    signedCurrent.mantissa = -signedCurrent.mantissa;
            }
            current.set(signedCurrent.toDouble());
        } else {
            current.setInvalid();
        }

        setInt(grid[GridPath(std::uint8_t(GridPath::P1L1VoltageSags) + offset)], phase.voltageSags);
        setInt(grid[GridPath(std::uint8_t(GridPath::P1L1VoltageSwells) + offset)],
            phase.voltageSwells);

        // The highest phase with data: a gap (L2 silent, L3 reporting) still has three phases.
        if (phase.hasAny())
            nrOfPhases = int(i) + 1;
    }
    if (nrOfPhases == 0 && hasNet)
        nrOfPhases = 1;
    if (nrOfPhases)
        grid[GridPath::NrOfPhases].setInt(nrOfPhases);
    else
        grid[GridPath::NrOfPhases].setInvalid();

    Decimal total;
    bool hasTotal = reading.totalImport(total);
    setDecimal(grid[GridPath::AcEnergyForward], hasTotal, total, -3);
    hasTotal = reading.totalExport(total);
    setDecimal(grid[GridPath::AcEnergyReverse], hasTotal, total, -3);
    // One phase: its energy is the total. Three: DSMR has no per-phase registers.
    if (nrOfPhases == 1) {
        grid[GridPath::AcL1EnergyForward] = grid[GridPath::AcEnergyForward];
        grid[GridPath::AcL1EnergyReverse] = grid[GridPath::AcEnergyReverse];
    } else {
        grid[GridPath::AcL1EnergyForward].setInvalid();
        grid[GridPath::AcL1EnergyReverse].setInvalid();
    }
    setDecimal(grid[GridPath::AcFrequency], reading.frequency);
    for (std::uint8_t t = 0; t < 4; ++t) {
        setDecimal(grid[GridPath(std::uint8_t(GridPath::P1EnergyForwardT1) + t)],
            reading.energyImport[t + 1u], -3);
        setDecimal(grid[GridPath(std::uint8_t(GridPath::P1EnergyReverseT1) + t)],
            reading.energyExport[t + 1u], -3);
    }

    setNonEmpty(grid[GridPath::Serial], reading.equipmentId);
    setNonEmpty(grid[GridPath::P1Ident], reading.ident);
    setNonEmpty(grid[GridPath::P1Version], reading.version);
    setTimestamp(grid[GridPath::P1Timestamp], reading.timestamp, m_date);

    setInt(grid[GridPath::P1Tariff], reading.tariff);
    const std::optional<bool> low = reading.lowTariff();
    if (low)
        grid[GridPath::P1LowTariff].setInt(*low ? 1 : 0);
    else
        grid[GridPath::P1LowTariff].setInvalid();
    setInt(grid[GridPath::P1PowerFailures], reading.powerFailures);
    setInt(grid[GridPath::P1LongPowerFailures], reading.longPowerFailures);

    if (reading.hasTextMessage)
        grid[GridPath::P1TextMessage].setText(reading.textMessage);
    else
        grid[GridPath::P1TextMessage].setInvalid();

    setDecimal(grid[GridPath::P1AverageDemand], reading.averageDemand);
    setDecimal(grid[GridPath::P1MaximumDemandMonth], reading.maximumDemandMonth);
    return reading.hasElectricity();
}

bool VenusMapper::mapGas(const Reading &reading, GasValues &gas)
{
    const MbusChannel *meter = reading.gas();
    if (!meter || !meter->value) {
        gas.invalidateAll();
        return false;
    }
    mapPulseMeter(*meter, gas, m_gasFlow);
    return true;
}

std::size_t VenusMapper::mapWater(const Reading &reading, WaterValues &water)
{
    water.count = 0;
    for (const MbusChannel &channel : reading.mbus) {
        if (!channel.isWaterMeter() || channel.channel < 1 || channel.channel > kMaxWaterMeters)
            continue;
        mapPulseMeter(channel, water.meters[water.count++], m_waterFlow[channel.channel - 1u]);
    }
    for (std::size_t i = water.count; i < water.meters.size(); ++i)
        water.meters[i].invalidateAll();
    return water.count;
}

void VenusMapper::mapPulseMeter(const MbusChannel &meter, GasValues &out, Flow &flow)
{
    out[GasPath::Aggregate].set(meter.value->toDouble());
    setNonEmpty(out[GasPath::Serial], meter.equipmentId);
    setTimestamp(out[GasPath::P1CaptureTime], meter.captureTime, m_date);
    out[GasPath::P1Channel].setInt(meter.channel);

    // The meter reading moves only when the M-Bus device reports (DSMR 4 hourly, DSMR 5 every
    // five minutes): a rate between telegrams would be zero most of the time and a spike at each
    // report. So the flow is the volume difference over the time between two distinct capture
    // times, and stays published until the next report.
    if (meter.captureTime.valid) {
        const Sample sample {meter.captureTime.utcSeconds, *meter.value, meter.channel};
        if (!flow.last || flow.last->channel != sample.channel
            || sample.captureUtc < flow.last->captureUtc) {
            // First sample, another meter, or the clock went back: start over.
            flow.rate.reset();
            flow.last = sample;
        } else if (sample.captureUtc > flow.last->captureUtc) {
            const Decimal delta = Decimal::subtract(sample.volume, flow.last->volume);
            const double hours = double(sample.captureUtc - flow.last->captureUtc) / 3600.0;
            if (delta.mantissa >= 0)
                flow.rate = delta.toDouble() / hours;
            else
                flow.rate.reset(); // meter replaced or reset
            flow.last = sample;
        }
    }
    if (flow.rate)
        out[GasPath::Flow].set(*flow.rate);
    else
        out[GasPath::Flow].setInvalid();
}

void VenusMapper::reset() noexcept
{
    m_gasFlow = {};
    m_waterFlow.fill(Flow {});
}

} // namespace p1
