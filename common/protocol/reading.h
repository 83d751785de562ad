#pragma once

#include "decimal.h"
#include "timestamp.h"
#include "unit.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace p1 {

struct Telegram;

/// What kind of device sits on an M-Bus channel, from `0-n:24.1.0` (EN 13757-3 device types).
enum class MbusDeviceType : std::int16_t
{
    Absent = -1, ///< no 24.1.0 line, or an empty one
    Other = 0,
    Heat = 4,
    Gas = 3,
    WarmWater = 6,
    Water = 7,
    Cooling = 10,
    HeatCooling = 12,
};

/// One M-Bus channel (1-4): gas, water or heat meter wired to the electricity meter.
struct MbusChannel
{
    std::uint8_t channel = 0; ///< 1-4
    bool present = false; ///< the telegram mentioned this channel at all
    std::int16_t deviceType = -1; ///< raw 24.1.0 value, -1 when absent (see MbusDeviceType)
    std::string equipmentId; ///< 96.1.0 (NL) or 96.1.1 (BE), hex-decoded when printable
    std::optional<Decimal> value; ///< meter reading, scaled to the base unit
    Unit unit = Unit::None; ///< CubicMetre for gas and water, GJ for heat
    Timestamp captureTime; ///< when the M-Bus device took the reading

    [[nodiscard]] bool isType(MbusDeviceType type) const noexcept
    {
        return deviceType == std::int16_t(type);
    }
    /// A water meter with a reading: typed 7 by 24.1.0 (Fluvius channel 2), in m3 or, a zero,
    /// without a unit. Warm water (6) is not counted: nothing in Venus would tell it apart.
    [[nodiscard]] bool isWaterMeter() const noexcept
    {
        return present && isType(MbusDeviceType::Water) && value
            && (unit == Unit::CubicMetre || unit == Unit::None);
    }
    /// A heat meter with a reading (Warmtelink: type 4, GJ). Venus has no service type for heat.
    [[nodiscard]] bool isHeatMeter() const noexcept
    {
        return present && isType(MbusDeviceType::Heat) && value;
    }
};

/// One phase's instantaneous values, base units (W, V, A). Meters send current unsigned.
struct PhaseReading
{
    std::optional<Decimal> powerImport;
    std::optional<Decimal> powerExport;
    std::optional<Decimal> voltage;
    std::optional<Decimal> current;
    std::optional<std::int32_t> voltageSags;
    std::optional<std::int32_t> voltageSwells;

    [[nodiscard]] bool hasAny() const noexcept
    {
        return powerImport || powerExport || voltage || current;
    }
};

/// Which national flavour of P1 a telegram is; changes what some codes mean.
enum class Flavour : std::uint8_t
{
    Dsmr, ///< Netherlands and everyone following DSMR
    Belgium, ///< Fluvius e-MUCS: tariff 1 = day (high), 2 = night (low)
    EasyMeter, ///< German EasyMeter Q3D: `*255` codes, W units
};

/// The semantic view of a telegram: electricity import/export, per-phase values, meter data and
/// M-Bus channels, every value exact and in base units (W, Wh, V, A, m3). Fields the telegram
/// did not carry stay empty. Reuse one Reading (fill() clears it) to keep string capacity.
struct Reading
{
    std::string ident; ///< header after '/'
    std::string version; ///< 1-3:0.2.8 ("50") or Belgian 0-0:96.1.4 ("50217"); empty when not sent
    Flavour flavour = Flavour::Dsmr;
    Timestamp timestamp; ///< 0-0:1.0.0
    std::string equipmentId; ///< 96.1.1, else 42.0.0, 96.1.0, 96.1.255, 1-0:0.0.0; hex-decoded when
                             ///< printable

    /// Energy registers in Wh: index 0 is the meter's total (x.8.0), 1-4 the tariffs (x.8.1-4).
    std::array<std::optional<Decimal>, 5> energyImport;
    std::array<std::optional<Decimal>, 5> energyExport;

    std::optional<Decimal> powerImport; ///< 1-0:1.7.0, W
    std::optional<Decimal> powerExport; ///< 1-0:2.7.0, W
    std::array<PhaseReading, 3> phases;

    std::optional<std::int32_t> tariff; ///< 0-0:96.14.0 as sent (1 or 2)
    std::optional<std::int32_t> powerFailures;
    std::optional<std::int32_t> longPowerFailures;
    std::optional<std::int32_t> breakerState; ///< 0-0:96.3.10
    std::optional<Decimal> averageDemand; ///< Belgium 1-0:1.4.0, W
    std::optional<Decimal> maximumDemandMonth; ///< Belgium 1-0:1.6.0, W
    std::optional<Decimal> frequency; ///< 1-0:14.7.0, Hz (Hungarian meters send it)
    bool hasTextMessage = false;
    std::string textMessage; ///< 0-0:96.13.0, hex-decoded when it is hex

    std::array<MbusChannel, 4> mbus;

    /// Clears and fills from a parsed telegram. Never fails: what cannot be understood stays empty.
    void fill(const Telegram &telegram);
    void clear() noexcept;

    /// The total import/export energy in Wh: the meter's own total when sent, else the sum of
    /// the tariff registers; nullopt when neither.
    [[nodiscard]] std::optional<Decimal> totalImport() const noexcept;
    [[nodiscard]] std::optional<Decimal> totalExport() const noexcept;
    /// Net power in W: import - export (1.7.0 - 2.7.0) when the meter sends both (EasyMeter:
    /// its signed 1.7.0); else the sum of the phases' net power when every phase that reports
    /// anything reports its power; else nullopt. Never one total alone.
    [[nodiscard]] std::optional<Decimal> netPower() const noexcept;
    /// The same three into \a out, returning whether there is one: the mapping's form, without
    /// an optional to assemble and copy for every telegram.
    [[nodiscard]] bool totalImport(Decimal &out) const noexcept;
    [[nodiscard]] bool totalExport(Decimal &out) const noexcept;
    [[nodiscard]] bool netPower(Decimal &out) const noexcept;
    /// Tariff is low (night) rate, taking the flavour into account; nullopt when unknown.
    [[nodiscard]] std::optional<bool> lowTariff() const noexcept;

    /// The gas meter: a channel typed 3 by 24.1.0 with a reading, preferring one whose capture
    /// time is valid (Iskra AM550 reports an empty placeholder channel 1 of type 3 and the real
    /// meter on channel 2); an untyped channel counts when its unit is m3 and no channel is
    /// typed otherwise. nullptr when none.
    [[nodiscard]] const MbusChannel *gas() const noexcept;

    /// Whether the telegram carries any electricity figure (an energy register, power, or a
    /// phase's power, voltage or current). A heat or water meter's P1 port (Warmtelink) has none:
    /// there is no grid meter to publish.
    [[nodiscard]] bool hasElectricity() const noexcept;
};

} // namespace p1
