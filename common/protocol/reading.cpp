#include "reading.h"

#include "obistable.h"
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
        // The table is signed on purpose: -1 marks a byte that is not a hex digit.
        // NOLINTNEXTLINE(bugprone-signed-char-misuse)
        const int hi = kHexValue[static_cast<unsigned char>(hex[2 * i])];
        // NOLINTNEXTLINE(bugprone-signed-char-misuse)
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

// Sets \a field to the value in base units when its unit is \a expected. A zero may come
// without a unit ("zero values may carry no unit"); anything else in a foreign unit is not this
// quantity (`0-0:17.0.0(016*A)` is a current limit, not the kW threshold), so \a field is
// cleared. Written in place, not returned as an optional: assembling one on the stack and
// copying it out costs more than the parse (GCC reloads it wider than it stored it).
void setQuantity(
    std::optional<Decimal> &field, std::span<const CosemValue> values, Unit expected) noexcept
{
    const CosemValue *v = measurement(values);
    Decimal d;
    if (v && Decimal::parse(v->text, d)) {
        if (v->unit == expected) {
            field.emplace(Decimal {d.mantissa, d.exponent + v->scale});
            return;
        }
        if (v->unit == Unit::None && v->unitText.empty() && d.mantissa == 0) {
            field.emplace();
            return;
        }
    }
    field.reset();
}

void setCount(std::optional<std::int32_t> &field, std::span<const CosemValue> values) noexcept
{
    std::int32_t n = 0;
    if (!values.empty() && Decimal::parseInt(values.front().text, n))
        field.emplace(n);
    else
        field.reset();
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

// Where a quantity goes (its unit is the table's), or nullptr when \a field is not one.
std::optional<Decimal> *quantityOf(Reading &r, Field field) noexcept
{
    switch (field) {
    case Field::ImportTotal:
        return &r.energyImport[0];
    case Field::ImportT1:
        return &r.energyImport[1];
    case Field::ImportT2:
        return &r.energyImport[2];
    case Field::ImportT3:
        return &r.energyImport[3];
    case Field::ImportT4:
        return &r.energyImport[4];
    case Field::ExportTotal:
        return &r.energyExport[0];
    case Field::ExportT1:
        return &r.energyExport[1];
    case Field::ExportT2:
        return &r.energyExport[2];
    case Field::ExportT3:
        return &r.energyExport[3];
    case Field::ExportT4:
        return &r.energyExport[4];
    case Field::PowerImport:
        return &r.powerImport;
    case Field::PowerExport:
        return &r.powerExport;
    case Field::PowerL1Import:
        return &r.phases[0].powerImport;
    case Field::PowerL2Import:
        return &r.phases[1].powerImport;
    case Field::PowerL3Import:
        return &r.phases[2].powerImport;
    case Field::PowerL1Export:
        return &r.phases[0].powerExport;
    case Field::PowerL2Export:
        return &r.phases[1].powerExport;
    case Field::PowerL3Export:
        return &r.phases[2].powerExport;
    case Field::VoltageL1:
        return &r.phases[0].voltage;
    case Field::VoltageL2:
        return &r.phases[1].voltage;
    case Field::VoltageL3:
        return &r.phases[2].voltage;
    case Field::CurrentL1:
        return &r.phases[0].current;
    case Field::CurrentL2:
        return &r.phases[1].current;
    case Field::CurrentL3:
        return &r.phases[2].current;
    case Field::CurrentAverageDemand:
        return &r.averageDemand;
    case Field::MaximumDemandMonth:
        return &r.maximumDemandMonth;
    case Field::Frequency:
        return &r.frequency;
    default:
        return nullptr;
    }
}

// Where a counter goes, or nullptr when \a field is not one.
std::optional<std::int32_t> *countOf(Reading &r, Field field) noexcept
{
    switch (field) {
    case Field::SagsL1:
        return &r.phases[0].voltageSags;
    case Field::SagsL2:
        return &r.phases[1].voltageSags;
    case Field::SagsL3:
        return &r.phases[2].voltageSags;
    case Field::SwellsL1:
        return &r.phases[0].voltageSwells;
    case Field::SwellsL2:
        return &r.phases[1].voltageSwells;
    case Field::SwellsL3:
        return &r.phases[2].voltageSwells;
    case Field::Tariff:
        return &r.tariff;
    case Field::PowerFailures:
        return &r.powerFailures;
    case Field::LongPowerFailures:
        return &r.longPowerFailures;
    case Field::BreakerState:
        return &r.breakerState;
    default:
        return nullptr;
    }
}

void fillMbus(MbusChannel &ch, Field field, std::span<const CosemValue> values)
{
    switch (field) {
    case Field::MbusDeviceType: {
        // Empty `()` on meters with nothing attached (MCS): absent. EN 13757-3 types are a byte.
        std::int32_t type = -1;
        if (values.empty() || !Decimal::parseInt(values.front().text, type))
            type = -1;
        ch.deviceType = type <= 0xFF ? std::int16_t(type) : std::int16_t(-1);
        break;
    }
    case Field::MbusEquipmentId:
    case Field::MbusEquipmentIdBelgium:
        if (!values.empty())
            assignDecoded(ch.equipmentId, values.front());
        break;
    case Field::MbusValue:
    case Field::MbusValueBelgium: {
        // `(TST)(value*unit)`; the Iskra placeholder `(700101010000W)(00000000)` has no unit.
        if (values.empty())
            break;
        const CosemValue *v = measurement(values);
        if (values.size() >= 2) {
            ch.captureTime = Timestamp::parse(values.front().text);
            if (v == &values.front())
                v = &values.back();
        }
        Decimal d;
        if (Decimal::parse(v->text, d)) {
            ch.value.emplace(d.scaled(v->scale));
            ch.unit = v->unit;
        } else {
            ch.value.reset();
            ch.unit = Unit::None;
        }
        break;
    }
    case Field::MbusProfile: {
        // DSMR 2.2/3.0: `(TST)(status)(period)(n)(obis)(unit)` + continuation `(value)`.
        if (values.size() < 7)
            break;
        ch.captureTime = Timestamp::parse(values[0].text);
        const CosemValue &last = values.back();
        UnitScale unit = parseUnit(values[5].text);
        if (last.unit != Unit::None)
            unit = {last.unit, last.scale};
        Decimal d;
        if (Decimal::parse(last.text, d)) {
            ch.value.emplace(d.scaled(unit.scale));
            ch.unit = unit.unit;
        } else {
            ch.value.reset();
            ch.unit = Unit::None;
        }
        break;
    }
    default:
        break;
    }
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
    frequency.reset();
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

        const Field field = object.field;
        if (std::optional<Decimal> *quantity = quantityOf(*this, field)) {
            setQuantity(*quantity, values, obisInfo(field)->unit);
            continue;
        }
        if (std::optional<std::int32_t> *count = countOf(*this, field)) {
            setCount(*count, values);
            continue;
        }
        switch (field) {
        case Field::Version:
            if (first) {
                version.assign(first->text);
                versionFromDsmr = true;
            }
            break;
        case Field::VersionBelgium:
            flavour = Flavour::Belgium;
            if (first && !versionFromDsmr)
                version.assign(first->text);
            break;
        case Field::Timestamp:
            if (first)
                timestamp = Timestamp::parse(first->text);
            break;
        case Field::EquipmentId:
            takeId(equipmentId, idRank, IdMain, values);
            break;
        case Field::LogicalDeviceName:
            takeId(equipmentId, idRank, IdLogical, values);
            break;
        case Field::EquipmentIdAlt:
            takeId(equipmentId, idRank, IdAlt, values);
            break;
        case Field::EasyMeterId:
            takeId(equipmentId, idRank, IdEasyMeter, values);
            break;
        case Field::EasyMeterSerial:
            takeId(equipmentId, idRank, IdSerial255, values);
            break;

        case Field::TextMessage:
            hasTextMessage = true;
            if (first)
                assignDecoded(textMessage, *first);
            break;

        // M-Bus objects `0-n:...` with n the channel, 1-4 (obisField() checked it).
        case Field::MbusDeviceType:
        case Field::MbusEquipmentId:
        case Field::MbusEquipmentIdBelgium:
        case Field::MbusValue:
        case Field::MbusValueBelgium:
        case Field::MbusProfile:
        case Field::MbusValveState: {
            const std::size_t channel = object.obis.b - 1u;
            mbus[channel].present = true;
            fillMbus(mbus[channel], field, values);
            break;
        }

        default: // None, and the quantities and counters handled above
            break;
        }
    }
}

} // namespace p1
