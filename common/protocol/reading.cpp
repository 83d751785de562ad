#include "reading.h"

#include "obis.h"
#include "telegram.h"

#include <array>
#include <span>

namespace p1 {

namespace {

// Hex digit values, -1 for anything else: one table lookup per character in the hot path.
constexpr std::array<std::int8_t, 256> kHexValue = [] {
    std::array<std::int8_t, 256> t {};
    for (auto &v : t)
        v = -1;
    for (int c = '0'; c <= '9'; ++c)
        t[std::size_t(c)] = std::int8_t(c - '0');
    for (int c = 'A'; c <= 'F'; ++c)
        t[std::size_t(c)] = std::int8_t(c - 'A' + 10);
    for (int c = 'a'; c <= 'f'; ++c)
        t[std::size_t(c)] = std::int8_t(c - 'a' + 10);
    return t;
}();

// Decodes \a hex into \a out when it is an even number of hex digits whose bytes are all
// printable ASCII; returns false (with \a out unspecified) otherwise.
bool decodePrintableHex(std::string_view hex, std::string &out)
{
    if (hex.empty() || hex.size() % 2 != 0)
        return false;
    out.resize(hex.size() / 2);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const int hi = kHexValue[static_cast<unsigned char>(hex[2 * i])];
        const int lo = kHexValue[static_cast<unsigned char>(hex[2 * i + 1])];
        const int byte = hi * 16 + lo;
        if ((hi | lo) < 0 || byte < 0x20 || byte > 0x7E)
            return false;
        out[i] = char(byte);
    }
    return true;
}

// Meters send ids and text messages as the hex of their ASCII ("4530..." is "E0..."), but not
// all of them: Warmtelink's "ADC3100000158491" is all hex digits and still a plain id. Decode
// only when the result is printable ASCII, which a plain id read as hex practically never is.
// A wrapped value (long text message) loses its line breaks first. Works in \a out's capacity.
void assignDecoded(std::string &out, const CosemValue &value)
{
    if (value.wrapped) {
        // Rare (long text messages only), so a temporary is fine here.
        std::string plain = value.plain();
        if (!decodePrintableHex(plain, out))
            out = std::move(plain);
        return;
    }
    const std::string_view text = value.text;
    if (!decodePrintableHex(text, out))
        out.assign(text);
}

bool startsWithNoCase(std::string_view text, std::string_view prefix) noexcept
{
    if (text.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = text[i];
        if (c >= 'a' && c <= 'z')
            c = char(c - 'a' + 'A');
        if (c != prefix[i])
            return false;
    }
    return true;
}

// The measured value of an object: the only value, or the one with a unit when a line carries
// a timestamp first (Belgian `1-0:1.6.0(TST)(02.589*kW)`, M-Bus `(TST)(00112.384*m3)`).
const CosemValue *measurement(std::span<const CosemValue> values) noexcept
{
    if (values.empty())
        return nullptr;
    for (std::size_t i = values.size(); i-- > 0;)
        if (values[i].unit != Unit::None)
            return &values[i];
    return &values.back();
}

// The value in base units when its unit is \a expected. A zero may come without a unit
// ("zero values may carry no unit"); anything else in a foreign unit is not this quantity
// (`0-0:17.0.0(016*A)` is a current limit, not the kW threshold), so it is dropped.
std::optional<Decimal> quantity(std::span<const CosemValue> values, Unit expected) noexcept
{
    const CosemValue *v = measurement(values);
    if (!v)
        return std::nullopt;
    const auto d = Decimal::parse(v->text);
    if (!d)
        return std::nullopt;
    if (v->unit == expected)
        return d->scaled(v->scale);
    if (v->unit == Unit::None && v->unitText.empty() && d->mantissa == 0)
        return Decimal {};
    return std::nullopt;
}

std::optional<std::int32_t> count(std::span<const CosemValue> values) noexcept
{
    if (values.empty())
        return std::nullopt;
    return Decimal::parseInt(values.front().text);
}

// Precedence of the equipment id sources: a higher rank replaces a lower one, whatever the
// order of the lines (0 = none yet).
enum IdRank : int
{
    IdNone = 0,
    IdSerial255 = 1,
    IdEasyMeter = 2,
    IdAlt = 3,
    IdLogical = 4,
    IdMain = 5
};

void takeId(std::string &out, int &rank, int candidate, std::span<const CosemValue> values)
{
    if (candidate <= rank || values.empty() || values.front().text.empty())
        return;
    assignDecoded(out, values.front());
    rank = candidate;
}

void fillMbus(MbusChannel &ch, std::uint64_t keyAnyChannel, std::span<const CosemValue> values)
{
    switch (keyAnyChannel) {
    case obis::MbusDeviceType.key(): {
        // Empty `()` on meters with nothing attached (MCS): absent. EN 13757-3 types are a byte.
        const std::int32_t type =
            values.empty() ? -1 : Decimal::parseInt(values.front().text).value_or(-1);
        ch.deviceType = type <= 0xFF ? std::int16_t(type) : std::int16_t(-1);
        break;
    }
    case obis::MbusEquipmentId.key():
    case obis::MbusEquipmentIdBelgium.key():
        if (!values.empty())
            assignDecoded(ch.equipmentId, values.front());
        break;
    case obis::MbusValue.key():
    case obis::MbusValueBelgium.key(): {
        // `(TST)(value*unit)`; the Iskra placeholder `(700101010000W)(00000000)` has no unit.
        if (values.empty())
            break;
        const CosemValue *v = measurement(values);
        if (values.size() >= 2) {
            ch.captureTime = Timestamp::parse(values.front().text);
            if (v == &values.front())
                v = &values.back();
        }
        const auto d = Decimal::parse(v->text);
        ch.value = d ? std::optional<Decimal>(d->scaled(v->scale)) : std::nullopt;
        ch.unit = d ? v->unit : Unit::None;
        break;
    }
    case obis::MbusProfile.key(): {
        // DSMR 2.2/3.0: `(TST)(status)(period)(n)(obis)(unit)` + continuation `(value)`.
        if (values.size() < 7)
            break;
        ch.captureTime = Timestamp::parse(values[0].text);
        const CosemValue &last = values.back();
        UnitScale unit = parseUnit(values[5].text);
        if (last.unit != Unit::None)
            unit = {last.unit, last.scale};
        const auto d = Decimal::parse(last.text);
        ch.value = d ? std::optional<Decimal>(d->scaled(unit.scale)) : std::nullopt;
        ch.unit = d ? unit.unit : Unit::None;
        break;
    }
    default:
        break;
    }
}

std::optional<Decimal> sum(const std::array<std::optional<Decimal>, 5> &registers) noexcept
{
    if (registers[0])
        return registers[0];
    std::optional<Decimal> total;
    for (std::size_t i = 1; i < registers.size(); ++i)
        if (registers[i])
            total = total ? Decimal::add(*total, *registers[i]) : *registers[i];
    return total;
}

} // namespace

void Reading::clear() noexcept
{
    ident.clear();
    version.clear();
    flavour = Flavour::Dsmr;
    timestamp = {};
    equipmentId.clear();
    energyImport.fill(std::nullopt);
    energyExport.fill(std::nullopt);
    powerImport.reset();
    powerExport.reset();
    phases.fill(PhaseReading {});
    tariff.reset();
    powerFailures.reset();
    longPowerFailures.reset();
    breakerState.reset();
    averageDemand.reset();
    maximumDemandMonth.reset();
    hasTextMessage = false;
    textMessage.clear();
    for (std::size_t i = 0; i < mbus.size(); ++i) {
        MbusChannel &ch = mbus[i];
        ch.channel = std::uint8_t(i + 1);
        ch.present = false;
        ch.deviceType = -1;
        ch.equipmentId.clear();
        ch.value.reset();
        ch.unit = Unit::None;
        ch.captureTime = {};
    }
}

void Reading::fill(const Telegram &telegram)
{
    clear();
    ident.assign(telegram.ident);
    if (startsWithNoCase(ident, "FLU"))
        flavour = Flavour::Belgium;
    else if (startsWithNoCase(ident, "ESY"))
        flavour = Flavour::EasyMeter;

    int idRank = IdNone;
    bool versionFromDsmr = false;

    for (const CosemObject &object : telegram.objects) {
        const auto values = telegram.valuesOf(object);
        const CosemValue *first = values.empty() ? nullptr : values.data();

        switch (object.obis.key()) {
        case obis::Version.key():
            if (first) {
                version.assign(first->text);
                versionFromDsmr = true;
            }
            break;
        case obis::VersionBelgium.key():
            flavour = Flavour::Belgium;
            if (first && !versionFromDsmr)
                version.assign(first->text);
            break;
        case obis::Timestamp.key():
            if (first)
                timestamp = Timestamp::parse(first->text);
            break;
        case obis::EquipmentId.key():
            takeId(equipmentId, idRank, IdMain, values);
            break;
        case obis::LogicalDeviceName.key():
            takeId(equipmentId, idRank, IdLogical, values);
            break;
        case obis::EquipmentIdAlt.key():
            takeId(equipmentId, idRank, IdAlt, values);
            break;
        case obis::EasyMeterId.key():
            takeId(equipmentId, idRank, IdEasyMeter, values);
            break;
        case obis::EasyMeterSerial.key():
            takeId(equipmentId, idRank, IdSerial255, values);
            break;

        case obis::ImportTotal.key():
            energyImport[0] = quantity(values, Unit::Wh);
            break;
        case obis::ImportT1.key():
            energyImport[1] = quantity(values, Unit::Wh);
            break;
        case obis::ImportT2.key():
            energyImport[2] = quantity(values, Unit::Wh);
            break;
        case obis::ImportT3.key():
            energyImport[3] = quantity(values, Unit::Wh);
            break;
        case obis::ImportT4.key():
            energyImport[4] = quantity(values, Unit::Wh);
            break;
        case obis::ExportTotal.key():
            energyExport[0] = quantity(values, Unit::Wh);
            break;
        case obis::ExportT1.key():
            energyExport[1] = quantity(values, Unit::Wh);
            break;
        case obis::ExportT2.key():
            energyExport[2] = quantity(values, Unit::Wh);
            break;
        case obis::ExportT3.key():
            energyExport[3] = quantity(values, Unit::Wh);
            break;
        case obis::ExportT4.key():
            energyExport[4] = quantity(values, Unit::Wh);
            break;

        case obis::PowerImport.key():
            powerImport = quantity(values, Unit::W);
            break;
        case obis::PowerExport.key():
            powerExport = quantity(values, Unit::W);
            break;
        case obis::PowerL1Import.key():
            phases[0].powerImport = quantity(values, Unit::W);
            break;
        case obis::PowerL2Import.key():
            phases[1].powerImport = quantity(values, Unit::W);
            break;
        case obis::PowerL3Import.key():
            phases[2].powerImport = quantity(values, Unit::W);
            break;
        case obis::PowerL1Export.key():
            phases[0].powerExport = quantity(values, Unit::W);
            break;
        case obis::PowerL2Export.key():
            phases[1].powerExport = quantity(values, Unit::W);
            break;
        case obis::PowerL3Export.key():
            phases[2].powerExport = quantity(values, Unit::W);
            break;
        case obis::VoltageL1.key():
            phases[0].voltage = quantity(values, Unit::V);
            break;
        case obis::VoltageL2.key():
            phases[1].voltage = quantity(values, Unit::V);
            break;
        case obis::VoltageL3.key():
            phases[2].voltage = quantity(values, Unit::V);
            break;
        case obis::CurrentL1.key():
            phases[0].current = quantity(values, Unit::A);
            break;
        case obis::CurrentL2.key():
            phases[1].current = quantity(values, Unit::A);
            break;
        case obis::CurrentL3.key():
            phases[2].current = quantity(values, Unit::A);
            break;
        case obis::SagsL1.key():
            phases[0].voltageSags = count(values);
            break;
        case obis::SagsL2.key():
            phases[1].voltageSags = count(values);
            break;
        case obis::SagsL3.key():
            phases[2].voltageSags = count(values);
            break;
        case obis::SwellsL1.key():
            phases[0].voltageSwells = count(values);
            break;
        case obis::SwellsL2.key():
            phases[1].voltageSwells = count(values);
            break;
        case obis::SwellsL3.key():
            phases[2].voltageSwells = count(values);
            break;

        case obis::Tariff.key():
            tariff = count(values);
            break;
        case obis::PowerFailures.key():
            powerFailures = count(values);
            break;
        case obis::LongPowerFailures.key():
            longPowerFailures = count(values);
            break;
        case obis::BreakerState.key():
            breakerState = count(values);
            break;
        case obis::CurrentAverageDemand.key():
            averageDemand = quantity(values, Unit::W);
            break;
        case obis::MaximumDemandMonth.key():
            maximumDemandMonth = quantity(values, Unit::W);
            break;
        case obis::TextMessage.key():
            hasTextMessage = true;
            if (first)
                assignDecoded(textMessage, *first);
            break;

        default:
            // M-Bus objects `0-n:...` with n the channel, 1-4.
            if (object.obis.a == 0 && object.obis.b >= 1 && object.obis.b <= mbus.size()) {
                MbusChannel &ch = mbus[object.obis.b - 1];
                const std::uint64_t key = object.obis.keyAnyChannel();
                if (key == obis::MbusDeviceType.key() || key == obis::MbusEquipmentId.key()
                    || key == obis::MbusEquipmentIdBelgium.key() || key == obis::MbusValue.key()
                    || key == obis::MbusValueBelgium.key() || key == obis::MbusProfile.key()
                    || key == obis::MbusValveState.key()) {
                    ch.present = true;
                    fillMbus(ch, key, values);
                }
            }
            break;
        }
    }
}

std::optional<Decimal> Reading::totalImport() const noexcept
{
    return sum(energyImport);
}

std::optional<Decimal> Reading::totalExport() const noexcept
{
    return sum(energyExport);
}

std::optional<Decimal> Reading::netPower() const noexcept
{
    if (powerImport || powerExport)
        return Decimal::subtract(
            powerImport.value_or(Decimal {}), powerExport.value_or(Decimal {}));
    std::optional<Decimal> total;
    for (const PhaseReading &phase : phases) {
        if (!phase.powerImport && !phase.powerExport)
            continue;
        const Decimal net = Decimal::subtract(
            phase.powerImport.value_or(Decimal {}), phase.powerExport.value_or(Decimal {}));
        total = total ? Decimal::add(*total, net) : net;
    }
    return total;
}

std::optional<bool> Reading::lowTariff() const noexcept
{
    if (!tariff || (*tariff != 1 && *tariff != 2))
        return std::nullopt;
    // DSMR: 1 = low (night), 2 = normal. Fluvius: 1 = day (normal), 2 = night (low).
    return flavour == Flavour::Belgium ? *tariff == 2 : *tariff == 1;
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
