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

// assignDecoded() through \a cache: the same text as last time gets the same result, copied
// (a short memcpy) rather than decoded again (a table lookup and range check per digit pair).
void assignDecoded(std::string &out, const CosemValue &value, detail::DecodedTextCache &cache)
{
    if (!value.wrapped && value.text == cache.raw) {
        out.assign(cache.decoded);
        return;
    }
    assignDecoded(out, value);
    if (!value.wrapped) {
        cache.raw.assign(value.text);
        cache.decoded.assign(out);
    }
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

void takeId(std::string &out, detail::DecodedTextCache &cache, int &rank, int candidate,
    std::span<const CosemValue> values)
{
    if (candidate <= rank || values.empty() || values.front().text.empty())
        return;
    assignDecoded(out, values.front(), cache);
    rank = candidate;
}

// --- dispatch -------------------------------------------------------------------------------
//
// What fill() does with an object, one value per code it understands. fill() runs for every
// telegram and a switch over 52 sparse 48-bit keys compiles to a chain of compares: the code is
// mapped to a Field by a perfect hash instead (one multiplication, two table loads) and the
// switch over the dense Field values is a jump table.
enum class Field : std::uint8_t
{
    None,
    Version,
    VersionBelgium,
    Timestamp,
    EquipmentId,
    LogicalDeviceName,
    EquipmentIdAlt,
    EasyMeterId,
    EasyMeterSerial,
    ImportTotal,
    ImportT1,
    ImportT2,
    ImportT3,
    ImportT4,
    ExportTotal,
    ExportT1,
    ExportT2,
    ExportT3,
    ExportT4,
    PowerImport,
    PowerExport,
    PowerL1Import,
    PowerL2Import,
    PowerL3Import,
    PowerL1Export,
    PowerL2Export,
    PowerL3Export,
    VoltageL1,
    VoltageL2,
    VoltageL3,
    CurrentL1,
    CurrentL2,
    CurrentL3,
    CurrentAverageDemand,
    MaximumDemandMonth, // last quantity
    SagsL1, // first count
    SagsL2,
    SagsL3,
    SwellsL1,
    SwellsL2,
    SwellsL3,
    Tariff,
    PowerFailures,
    LongPowerFailures,
    BreakerState, // last count
    TextMessage,
    // M-Bus codes `0-n:...`, looked up with the channel n (1-4) cleared and kAnyChannelTag set.
    MbusDeviceType,
    MbusEquipmentId,
    MbusEquipmentIdBelgium,
    MbusValue,
    MbusValueBelgium,
    MbusProfile,
    MbusValveState,
    Count_
};

// Quantities (ImportTotal..MaximumDemandMonth) and counters (SagsL1..BreakerState) are most of a
// telegram's lines. fill() handles them through tables - where the value goes, in which unit -
// behind one range check, rather than through the jump table: an indirect jump whose target
// changes from line to line is mispredicted far more often than a range check that sends
// nearly every line the same way.
constexpr std::size_t kFirstQuantity = std::size_t(Field::ImportTotal);
constexpr std::size_t kQuantityCount = std::size_t(Field::MaximumDemandMonth) + 1 - kFirstQuantity;
constexpr std::size_t kFirstCount = std::size_t(Field::SagsL1);
constexpr std::size_t kCountCount = std::size_t(Field::BreakerState) + 1 - kFirstCount;

// The unit of each quantity, in Field order.
constexpr Unit kQuantityUnits[kQuantityCount] = {
    Unit::Wh, Unit::Wh, Unit::Wh, Unit::Wh, Unit::Wh, // ImportTotal, ImportT1-4
    Unit::Wh, Unit::Wh, Unit::Wh, Unit::Wh, Unit::Wh, // ExportTotal, ExportT1-4
    Unit::W, Unit::W, // PowerImport, PowerExport
    Unit::W, Unit::W, Unit::W, Unit::W, Unit::W, Unit::W, // PowerL1-3Import, PowerL1-3Export
    Unit::V, Unit::V, Unit::V, // VoltageL1-3
    Unit::A, Unit::A, Unit::A, // CurrentL1-3
    Unit::W, Unit::W, // CurrentAverageDemand, MaximumDemandMonth
};
static_assert(std::size_t(Field::ExportTotal) - kFirstQuantity == 5
        && std::size_t(Field::PowerImport) - kFirstQuantity == 10
        && std::size_t(Field::VoltageL1) - kFirstQuantity == 18
        && std::size_t(Field::CurrentL1) - kFirstQuantity == 21
        && std::size_t(Field::CurrentAverageDemand) - kFirstQuantity == 24,
    "kQuantityUnits follows the Field order");

// Set on the keys of channel codes: no real key has it (keys are 48 bits), so an exact lookup
// never finds a channel code and the other way round.
constexpr std::uint64_t kAnyChannelTag = std::uint64_t(1) << 63;

struct FieldCode
{
    std::uint64_t key;
    Field field;
};

constexpr FieldCode kFieldCodes[] = {
    {obis::Version.key(), Field::Version},
    {obis::VersionBelgium.key(), Field::VersionBelgium},
    {obis::Timestamp.key(), Field::Timestamp},
    {obis::EquipmentId.key(), Field::EquipmentId},
    {obis::LogicalDeviceName.key(), Field::LogicalDeviceName},
    {obis::EquipmentIdAlt.key(), Field::EquipmentIdAlt},
    {obis::EasyMeterId.key(), Field::EasyMeterId},
    {obis::EasyMeterSerial.key(), Field::EasyMeterSerial},
    {obis::ImportTotal.key(), Field::ImportTotal},
    {obis::ImportT1.key(), Field::ImportT1},
    {obis::ImportT2.key(), Field::ImportT2},
    {obis::ImportT3.key(), Field::ImportT3},
    {obis::ImportT4.key(), Field::ImportT4},
    {obis::ExportTotal.key(), Field::ExportTotal},
    {obis::ExportT1.key(), Field::ExportT1},
    {obis::ExportT2.key(), Field::ExportT2},
    {obis::ExportT3.key(), Field::ExportT3},
    {obis::ExportT4.key(), Field::ExportT4},
    {obis::PowerImport.key(), Field::PowerImport},
    {obis::PowerExport.key(), Field::PowerExport},
    {obis::PowerL1Import.key(), Field::PowerL1Import},
    {obis::PowerL2Import.key(), Field::PowerL2Import},
    {obis::PowerL3Import.key(), Field::PowerL3Import},
    {obis::PowerL1Export.key(), Field::PowerL1Export},
    {obis::PowerL2Export.key(), Field::PowerL2Export},
    {obis::PowerL3Export.key(), Field::PowerL3Export},
    {obis::VoltageL1.key(), Field::VoltageL1},
    {obis::VoltageL2.key(), Field::VoltageL2},
    {obis::VoltageL3.key(), Field::VoltageL3},
    {obis::CurrentL1.key(), Field::CurrentL1},
    {obis::CurrentL2.key(), Field::CurrentL2},
    {obis::CurrentL3.key(), Field::CurrentL3},
    {obis::SagsL1.key(), Field::SagsL1},
    {obis::SagsL2.key(), Field::SagsL2},
    {obis::SagsL3.key(), Field::SagsL3},
    {obis::SwellsL1.key(), Field::SwellsL1},
    {obis::SwellsL2.key(), Field::SwellsL2},
    {obis::SwellsL3.key(), Field::SwellsL3},
    {obis::Tariff.key(), Field::Tariff},
    {obis::PowerFailures.key(), Field::PowerFailures},
    {obis::LongPowerFailures.key(), Field::LongPowerFailures},
    {obis::BreakerState.key(), Field::BreakerState},
    {obis::CurrentAverageDemand.key(), Field::CurrentAverageDemand},
    {obis::MaximumDemandMonth.key(), Field::MaximumDemandMonth},
    {obis::TextMessage.key(), Field::TextMessage},
    {obis::MbusDeviceType.keyAnyChannel() | kAnyChannelTag, Field::MbusDeviceType},
    {obis::MbusEquipmentId.keyAnyChannel() | kAnyChannelTag, Field::MbusEquipmentId},
    {obis::MbusEquipmentIdBelgium.keyAnyChannel() | kAnyChannelTag, Field::MbusEquipmentIdBelgium},
    {obis::MbusValue.keyAnyChannel() | kAnyChannelTag, Field::MbusValue},
    {obis::MbusValueBelgium.keyAnyChannel() | kAnyChannelTag, Field::MbusValueBelgium},
    {obis::MbusProfile.keyAnyChannel() | kAnyChannelTag, Field::MbusProfile},
    {obis::MbusValveState.keyAnyChannel() | kAnyChannelTag, Field::MbusValveState},
};
static_assert(std::size(kFieldCodes) == std::size_t(Field::Count_) - 1, "one code per Field");

// The code of each Field, to confirm a hash hit.
constexpr auto kFieldKeys = [] {
    std::array<std::uint64_t, std::size_t(Field::Count_)> keys {};
    keys[0] = ~std::uint64_t(0); // Field::None matches no key
    for (const FieldCode &code : kFieldCodes)
        keys[std::size_t(code.field)] = code.key;
    return keys;
}();

// Multiply-shift hash into 256 slots; the multiplier is the first of a fixed sequence that
// gives every code its own slot, found at compile time so that adding a code needs no tuning.
constexpr unsigned kFieldSlotBits = 8;
constexpr unsigned fieldSlot(std::uint64_t key, std::uint64_t multiplier) noexcept
{
    return unsigned((key * multiplier) >> (64 - kFieldSlotBits));
}

constexpr bool collisionFree(std::uint64_t multiplier) noexcept
{
    std::array<bool, std::size_t(1) << kFieldSlotBits> used {};
    for (const FieldCode &code : kFieldCodes) {
        const unsigned slot = fieldSlot(code.key, multiplier);
        if (used[slot])
            return false;
        used[slot] = true;
    }
    return true;
}

constexpr std::uint64_t kFieldHashMultiplier = [] {
    std::uint64_t multiplier = 0x9E3779B97F4A7C15ull; // 2^64 / golden ratio, odd
    for (int attempt = 0; attempt < 100000 && !collisionFree(multiplier); ++attempt)
        multiplier += 0x2545F4914F6CDD1Eull; // even step: stays odd
    return multiplier;
}();
static_assert(collisionFree(kFieldHashMultiplier), "no perfect hash multiplier found");

constexpr auto kFieldSlots = [] {
    std::array<Field, std::size_t(1) << kFieldSlotBits> slots {};
    for (const FieldCode &code : kFieldCodes)
        slots[fieldSlot(code.key, kFieldHashMultiplier)] = code.field;
    return slots;
}();

constexpr Field lookupField(std::uint64_t key) noexcept
{
    const Field field = kFieldSlots[fieldSlot(key, kFieldHashMultiplier)];
    return kFieldKeys[std::size_t(field)] == key ? field : Field::None;
}

// The Field for \a code: an exact code, else a channel code on M-Bus channel 1-4.
Field fieldOf(const Obis &code) noexcept
{
    const std::uint64_t key = code.key();
    const Field field = lookupField(key);
    if (field != Field::None || code.a != 0 || code.b < 1 || code.b > 4)
        return field;
    return lookupField((key & ~(std::uint64_t(0xFF) << 32)) | kAnyChannelTag);
}
static_assert(lookupField(obis::ImportT1.key()) == Field::ImportT1);
static_assert(lookupField(obis::MbusValue.withChannel(1).key()) == Field::None);
static_assert(lookupField(obis::MbusValue.key() | kAnyChannelTag) == Field::MbusValue);
static_assert(lookupField(obis::EquipmentIdAlt.key()) == Field::EquipmentIdAlt);
static_assert(lookupField(obis::MbusEquipmentId.key() | kAnyChannelTag) == Field::MbusEquipmentId);

void fillMbus(MbusChannel &ch, detail::DecodedTextCache &idCache, Field field,
    std::span<const CosemValue> values)
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
            assignDecoded(ch.equipmentId, values.front(), idCache);
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

    // Where each quantity and counter goes, in Field order (see kQuantityUnits).
    std::optional<Decimal> *const quantities[kQuantityCount] = {&energyImport[0], &energyImport[1],
        &energyImport[2], &energyImport[3], &energyImport[4], &energyExport[0], &energyExport[1],
        &energyExport[2], &energyExport[3], &energyExport[4], &powerImport, &powerExport,
        &phases[0].powerImport, &phases[1].powerImport, &phases[2].powerImport,
        &phases[0].powerExport, &phases[1].powerExport, &phases[2].powerExport, &phases[0].voltage,
        &phases[1].voltage, &phases[2].voltage, &phases[0].current, &phases[1].current,
        &phases[2].current, &averageDemand, &maximumDemandMonth};
    std::optional<std::int32_t> *const counts[kCountCount] = {&phases[0].voltageSags,
        &phases[1].voltageSags, &phases[2].voltageSags, &phases[0].voltageSwells,
        &phases[1].voltageSwells, &phases[2].voltageSwells, &tariff, &powerFailures,
        &longPowerFailures, &breakerState};

    for (const CosemObject &object : telegram.objects) {
        const auto values = telegram.valuesOf(object);
        const CosemValue *first = values.empty() ? nullptr : values.data();

        const Field field = fieldOf(object.obis);
        if (const std::size_t q = std::size_t(field) - kFirstQuantity; q < kQuantityCount) {
            setQuantity(*quantities[q], values, kQuantityUnits[q]);
            continue;
        }
        if (const std::size_t c = std::size_t(field) - kFirstCount; c < kCountCount) {
            setCount(*counts[c], values);
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
            takeId(equipmentId, m_equipmentIdCache, idRank, IdMain, values);
            break;
        case Field::LogicalDeviceName:
            takeId(equipmentId, m_equipmentIdCache, idRank, IdLogical, values);
            break;
        case Field::EquipmentIdAlt:
            takeId(equipmentId, m_equipmentIdCache, idRank, IdAlt, values);
            break;
        case Field::EasyMeterId:
            takeId(equipmentId, m_equipmentIdCache, idRank, IdEasyMeter, values);
            break;
        case Field::EasyMeterSerial:
            takeId(equipmentId, m_equipmentIdCache, idRank, IdSerial255, values);
            break;

        case Field::TextMessage:
            hasTextMessage = true;
            if (first)
                assignDecoded(textMessage, *first, m_textMessageCache);
            break;

        // M-Bus objects `0-n:...` with n the channel, 1-4 (fieldOf() checked it).
        case Field::MbusDeviceType:
        case Field::MbusEquipmentId:
        case Field::MbusEquipmentIdBelgium:
        case Field::MbusValue:
        case Field::MbusValueBelgium:
        case Field::MbusProfile:
        case Field::MbusValveState: {
            const std::size_t channel = object.obis.b - 1u;
            mbus[channel].present = true;
            fillMbus(mbus[channel], m_mbusIdCache[channel], field, values);
            break;
        }

        default: // None, and the quantities and counters handled above
            break;
        }
    }
}

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
    if (powerImport || powerExport) {
        out = Decimal::subtract(powerImport.value_or(Decimal {}), powerExport.value_or(Decimal {}));
        return true;
    }
    bool any = false;
    for (const PhaseReading &phase : phases) {
        if (!phase.powerImport && !phase.powerExport)
            continue;
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
