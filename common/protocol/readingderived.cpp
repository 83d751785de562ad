// The values a filled Reading gives together: totals, net power, the tariff's meaning, which
// M-Bus channel is the gas meter. Filling is in reading.cpp.
#include "reading.h"

namespace p1 {

namespace {

bool sum(const std::array<std::optional<Decimal>, 5> &registers, Decimal &out) noexcept
{
    if (registers[0]) {
        out = *registers[0];
        return true;
    }
    bool any = false;
    for (std::size_t i = 1; i < registers.size(); ++i) {
        if (registers[i]) {
            out = any ? Decimal::add(out, *registers[i]) : *registers[i];
            any = true;
        }
    }
    return any;
}

// \a opt as an out parameter's result.
std::optional<Decimal> optional(bool has, const Decimal &value) noexcept
{
    return has ? std::optional<Decimal>(value) : std::nullopt;
}

} // namespace

bool Reading::totalImport(Decimal &out) const noexcept
{
    return sum(energyImport, out);
}

bool Reading::totalExport(Decimal &out) const noexcept
{
    return sum(energyExport, out);
}

bool Reading::netPower(Decimal &out) const noexcept
{
    // Never a half: import without export (or the other way round) is not the net power.
    if (powerImport && powerExport) {
        out = Decimal::subtract(*powerImport, *powerExport);
        return true;
    }
    // EasyMeter sends one signed total (negative when exporting) and never 2.7.0.
    if (flavour == Flavour::EasyMeter && powerImport && !powerExport) {
        out = *powerImport;
        return true;
    }
    // The phases add up to it only when every phase that reports anything reports its power.
    bool any = false;
    for (const PhaseReading &phase : phases) {
        if (!phase.hasAny())
            continue;
        if (!phase.powerImport && !phase.powerExport)
            return false;
        const Decimal net = Decimal::subtract(
            phase.powerImport.value_or(Decimal {}), phase.powerExport.value_or(Decimal {}));
        out = any ? Decimal::add(out, net) : net;
        any = true;
    }
    return any;
}

std::optional<Decimal> Reading::totalImport() const noexcept
{
    Decimal d;
    const bool has = totalImport(d);
    return optional(has, d);
}

std::optional<Decimal> Reading::totalExport() const noexcept
{
    Decimal d;
    const bool has = totalExport(d);
    return optional(has, d);
}

std::optional<Decimal> Reading::netPower() const noexcept
{
    Decimal d;
    const bool has = netPower(d);
    return optional(has, d);
}

std::optional<bool> Reading::lowTariff() const noexcept
{
    if (!tariff || (*tariff != 1 && *tariff != 2))
        return std::nullopt;
    // DSMR: 1 = low (night), 2 = normal. Fluvius: 1 = day (normal), 2 = night (low).
    return flavour == Flavour::Belgium ? *tariff == 2 : *tariff == 1;
}

bool Reading::hasElectricity() const noexcept
{
    for (std::size_t i = 0; i < energyImport.size(); ++i)
        if (energyImport[i] || energyExport[i])
            return true;
    if (powerImport || powerExport)
        return true;
    for (const PhaseReading &p : phases)
        if (p.hasAny())
            return true;
    return false;
}

const MbusChannel *Reading::gas() const noexcept
{
    bool typedOtherwise = false;
    for (const MbusChannel &ch : mbus)
        if (ch.present && ch.deviceType >= 0 && !ch.isType(MbusDeviceType::Gas))
            typedOtherwise = true;

    const MbusChannel *best = nullptr;
    int bestScore = 0;
    for (const MbusChannel &ch : mbus) {
        if (!ch.present || !ch.value)
            continue;
        int score = 0;
        if (ch.isType(MbusDeviceType::Gas)) {
            // Typed gas in a unit that is not a volume (GJ) is a misconfigured meter, not gas.
            if (ch.unit != Unit::CubicMetre && ch.unit != Unit::None)
                continue;
            score = 3;
        } else if (ch.deviceType < 0 && ch.unit == Unit::CubicMetre && !typedOtherwise) {
            score = 1;
        } else {
            continue;
        }
        if (ch.captureTime.valid)
            ++score;
        if (score > bestScore) {
            best = &ch;
            bestScore = score;
        }
    }
    return best;
}

} // namespace p1
