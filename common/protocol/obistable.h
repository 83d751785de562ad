#pragma once

#include "obis.h"
#include "unit.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace p1 {

/// What the Reading does with an object line: one value per code it understands (see
/// Reading::fill()). The codes and units are in kObisTable, not here.
enum class Field : std::uint8_t
{
    None, ///< not read into the Reading (the GUI and `--decode` still describe the code)
    Version,
    VersionBelgium,
    Timestamp,
    EquipmentId,
    EquipmentIdAlt,
    LogicalDeviceName,
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
    MaximumDemandMonth,
    SagsL1,
    SagsL2,
    SagsL3,
    SwellsL1,
    SwellsL2,
    SwellsL3,
    Tariff,
    PowerFailures,
    LongPowerFailures,
    BreakerState,
    TextMessage,
    Frequency,
    // M-Bus codes `0-n:...`, n the channel (1-4); these come last (see isMbusField()).
    MbusDeviceType,
    MbusEquipmentId,
    MbusEquipmentIdBelgium,
    MbusValue,
    MbusValueBelgium,
    MbusProfile,
    MbusValveState,
    Count_
};

/// Whether \a field is read from an M-Bus channel code: such objects always have the channel,
/// 1-4, in the code's B group.
[[nodiscard]] constexpr bool isMbusField(Field field) noexcept
{
    return field >= Field::MbusDeviceType && field < Field::Count_;
}

/// One OBIS code the project knows: what it is called, and what the Reading makes of it.
struct ObisInfo
{
    Obis code; ///< M-Bus codes with channel 0
    bool anyChannel = false; ///< an M-Bus code: B is the channel, any value matches
    Field field = Field::None;
    Unit unit = Unit::None; ///< the unit a quantity must carry; None for the other fields
    std::string_view name; ///< English, short: "Electricity delivered to client, tariff 1"
};

namespace detail {

constexpr ObisInfo exact(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d,
    std::uint8_t e, Field field, Unit unit, std::string_view name) noexcept
{
    return {Obis {a, b, c, d, e}, false, field, unit, name};
}

constexpr ObisInfo channel(std::uint8_t c, std::uint8_t d, std::uint8_t e, Field field, Unit unit,
    std::string_view name) noexcept
{
    return {Obis {0, 0, c, d, e}, true, field, unit, name};
}

} // namespace detail

// The names are the GUI's too: p1-monitor translates them in the context p1::ObisText, and
// lupdate finds them here by the QT_TRANSLATE_NOOP marker. The core does not use Qt, so the
// marker is defined here as what Qt defines it to be, the text, for this table only.
#pragma push_macro("QT_TRANSLATE_NOOP")
#undef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text

/// Every OBIS code the project knows, the one list: the parser looks each object's code up
/// here (obisField()), the Reading dispatches on the Field and checks the unit found here, the
/// GUI and `--decode` describe codes from it (describeObis()). Each code once; every Field but
/// None on exactly one code (tst_obis checks both).
inline constexpr ObisInfo kObisTable[] = {
    // Identification and version
    detail::exact(1, 3, 0, 2, 8, Field::Version, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "DSMR version")),
    detail::exact(0, 0, 96, 1, 4, Field::VersionBelgium, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Version information (Belgium)")),
    detail::exact(0, 0, 1, 0, 0, Field::Timestamp, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Date-time stamp")),
    detail::exact(0, 0, 96, 1, 1, Field::EquipmentId, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Equipment identifier")),
    detail::exact(0, 0, 96, 1, 0, Field::EquipmentIdAlt, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Equipment identifier")),
    detail::exact(0, 0, 96, 1, 2, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Equipment serial number")),
    detail::exact(0, 0, 42, 0, 0, Field::LogicalDeviceName, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Logical device name")),
    detail::exact(0, 0, 96, 1, 255, Field::EasyMeterId, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Equipment identifier (manufacturer)")),
    detail::exact(1, 0, 0, 0, 0, Field::EasyMeterSerial, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Meter serial number")),
    detail::exact(
        1, 0, 96, 5, 5, Field::None, Unit::None, QT_TRANSLATE_NOOP("p1::ObisText", "Meter status")),
    detail::exact(1, 0, 94, 32, 1, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Connection type, 230/400 V (Belgium)")),
    // Active energy
    detail::exact(1, 0, 1, 8, 0, Field::ImportTotal, Unit::Wh,
        QT_TRANSLATE_NOOP("p1::ObisText", "Electricity delivered to client, total")),
    detail::exact(1, 0, 1, 8, 1, Field::ImportT1, Unit::Wh,
        QT_TRANSLATE_NOOP("p1::ObisText", "Electricity delivered to client, tariff 1")),
    detail::exact(1, 0, 1, 8, 2, Field::ImportT2, Unit::Wh,
        QT_TRANSLATE_NOOP("p1::ObisText", "Electricity delivered to client, tariff 2")),
    detail::exact(1, 0, 1, 8, 3, Field::ImportT3, Unit::Wh,
        QT_TRANSLATE_NOOP("p1::ObisText", "Electricity delivered to client, tariff 3")),
    detail::exact(1, 0, 1, 8, 4, Field::ImportT4, Unit::Wh,
        QT_TRANSLATE_NOOP("p1::ObisText", "Electricity delivered to client, tariff 4")),
    detail::exact(1, 0, 2, 8, 0, Field::ExportTotal, Unit::Wh,
        QT_TRANSLATE_NOOP("p1::ObisText", "Electricity delivered by client, total")),
    detail::exact(1, 0, 2, 8, 1, Field::ExportT1, Unit::Wh,
        QT_TRANSLATE_NOOP("p1::ObisText", "Electricity delivered by client, tariff 1")),
    detail::exact(1, 0, 2, 8, 2, Field::ExportT2, Unit::Wh,
        QT_TRANSLATE_NOOP("p1::ObisText", "Electricity delivered by client, tariff 2")),
    detail::exact(1, 0, 2, 8, 3, Field::ExportT3, Unit::Wh,
        QT_TRANSLATE_NOOP("p1::ObisText", "Electricity delivered by client, tariff 3")),
    detail::exact(1, 0, 2, 8, 4, Field::ExportT4, Unit::Wh,
        QT_TRANSLATE_NOOP("p1::ObisText", "Electricity delivered by client, tariff 4")),
    detail::exact(1, 0, 15, 8, 0, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Active energy, absolute total (|+A| + |-A|)")),
    // Reactive energy
    detail::exact(1, 0, 3, 8, 0, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Reactive energy delivered (+R), total")),
    detail::exact(1, 0, 3, 8, 1, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Reactive energy delivered (+R), tariff 1")),
    detail::exact(1, 0, 3, 8, 2, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Reactive energy delivered (+R), tariff 2")),
    detail::exact(1, 0, 4, 8, 0, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Reactive energy received (-R), total")),
    detail::exact(1, 0, 4, 8, 1, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Reactive energy received (-R), tariff 1")),
    detail::exact(1, 0, 4, 8, 2, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Reactive energy received (-R), tariff 2")),
    detail::exact(1, 0, 5, 8, 0, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Reactive energy, quadrant I")),
    detail::exact(1, 0, 6, 8, 0, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Reactive energy, quadrant II")),
    detail::exact(1, 0, 7, 8, 0, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Reactive energy, quadrant III")),
    detail::exact(1, 0, 8, 8, 0, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Reactive energy, quadrant IV")),
    // Tariff, thresholds, breaker
    detail::exact(0, 0, 96, 14, 0, Field::Tariff, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Tariff indicator")),
    detail::exact(0, 0, 17, 0, 0, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Actual threshold electricity")),
    detail::exact(0, 0, 96, 3, 10, Field::BreakerState, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Breaker state")),
    detail::exact(1, 0, 31, 4, 0, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Current limit, L1")),
    detail::exact(1, 0, 51, 4, 0, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Current limit, L2")),
    detail::exact(1, 0, 71, 4, 0, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Current limit, L3")),
    detail::exact(1, 1, 31, 4, 0, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Current limiter thresholds")),
    // Total power
    detail::exact(1, 0, 1, 7, 0, Field::PowerImport, Unit::W,
        QT_TRANSLATE_NOOP("p1::ObisText", "Actual electricity power delivered (+P)")),
    detail::exact(1, 0, 2, 7, 0, Field::PowerExport, Unit::W,
        QT_TRANSLATE_NOOP("p1::ObisText", "Actual electricity power received (-P)")),
    detail::exact(1, 0, 3, 7, 0, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Actual reactive power delivered (+Q)")),
    detail::exact(1, 0, 4, 7, 0, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Actual reactive power received (-Q)")),
    detail::exact(1, 0, 5, 7, 0, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Actual reactive power, quadrant I")),
    detail::exact(1, 0, 6, 7, 0, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Actual reactive power, quadrant II")),
    detail::exact(1, 0, 7, 7, 0, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Actual reactive power, quadrant III")),
    detail::exact(1, 0, 8, 7, 0, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Actual reactive power, quadrant IV")),
    detail::exact(1, 0, 9, 7, 0, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Actual apparent power delivered (+S)")),
    detail::exact(1, 0, 10, 7, 0, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Actual apparent power received (-S)")),
    detail::exact(
        1, 0, 13, 7, 0, Field::None, Unit::None, QT_TRANSLATE_NOOP("p1::ObisText", "Power factor")),
    detail::exact(1, 0, 14, 7, 0, Field::Frequency, Unit::Hertz,
        QT_TRANSLATE_NOOP("p1::ObisText", "Frequency")),
    // Per phase
    detail::exact(1, 0, 21, 7, 0, Field::PowerL1Import, Unit::W,
        QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous active power L1 (+P)")),
    detail::exact(1, 0, 41, 7, 0, Field::PowerL2Import, Unit::W,
        QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous active power L2 (+P)")),
    detail::exact(1, 0, 61, 7, 0, Field::PowerL3Import, Unit::W,
        QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous active power L3 (+P)")),
    detail::exact(1, 0, 22, 7, 0, Field::PowerL1Export, Unit::W,
        QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous active power L1 (-P)")),
    detail::exact(1, 0, 42, 7, 0, Field::PowerL2Export, Unit::W,
        QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous active power L2 (-P)")),
    detail::exact(1, 0, 62, 7, 0, Field::PowerL3Export, Unit::W,
        QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous active power L3 (-P)")),
    detail::exact(1, 0, 23, 7, 0, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous reactive power L1 (+Q)")),
    detail::exact(1, 0, 43, 7, 0, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous reactive power L2 (+Q)")),
    detail::exact(1, 0, 63, 7, 0, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous reactive power L3 (+Q)")),
    detail::exact(1, 0, 24, 7, 0, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous reactive power L1 (-Q)")),
    detail::exact(1, 0, 44, 7, 0, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous reactive power L2 (-Q)")),
    detail::exact(1, 0, 64, 7, 0, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous reactive power L3 (-Q)")),
    detail::exact(1, 0, 32, 7, 0, Field::VoltageL1, Unit::V,
        QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous voltage L1")),
    detail::exact(1, 0, 52, 7, 0, Field::VoltageL2, Unit::V,
        QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous voltage L2")),
    detail::exact(1, 0, 72, 7, 0, Field::VoltageL3, Unit::V,
        QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous voltage L3")),
    detail::exact(1, 0, 31, 7, 0, Field::CurrentL1, Unit::A,
        QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous current L1")),
    detail::exact(1, 0, 51, 7, 0, Field::CurrentL2, Unit::A,
        QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous current L2")),
    detail::exact(1, 0, 71, 7, 0, Field::CurrentL3, Unit::A,
        QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous current L3")),
    detail::exact(1, 0, 33, 7, 0, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Power factor L1")),
    detail::exact(1, 0, 53, 7, 0, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Power factor L2")),
    detail::exact(1, 0, 73, 7, 0, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Power factor L3")),
    // Power quality
    detail::exact(0, 0, 96, 7, 21, Field::PowerFailures, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Number of power failures in any phase")),
    detail::exact(0, 0, 96, 7, 9, Field::LongPowerFailures, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Number of long power failures in any phase")),
    detail::exact(1, 0, 99, 97, 0, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Power failure event log")),
    detail::exact(0, 0, 96, 7, 19, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Power failure event")),
    detail::exact(1, 0, 32, 32, 0, Field::SagsL1, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Number of voltage sags in phase L1")),
    detail::exact(1, 0, 52, 32, 0, Field::SagsL2, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Number of voltage sags in phase L2")),
    detail::exact(1, 0, 72, 32, 0, Field::SagsL3, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Number of voltage sags in phase L3")),
    detail::exact(1, 0, 32, 36, 0, Field::SwellsL1, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Number of voltage swells in phase L1")),
    detail::exact(1, 0, 52, 36, 0, Field::SwellsL2, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Number of voltage swells in phase L2")),
    detail::exact(1, 0, 72, 36, 0, Field::SwellsL3, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Number of voltage swells in phase L3")),
    // Messages
    detail::exact(0, 0, 96, 13, 0, Field::TextMessage, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Text message")),
    detail::exact(0, 0, 96, 13, 1, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Text message code")),
    detail::exact(0, 0, 96, 13, 2, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Text message 2")),
    detail::exact(0, 0, 96, 13, 3, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Text message 3")),
    detail::exact(0, 0, 96, 13, 4, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Text message 4")),
    detail::exact(0, 0, 96, 13, 5, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Text message 5")),
    // Belgian capacity tariff
    detail::exact(1, 0, 1, 4, 0, Field::CurrentAverageDemand, Unit::W,
        QT_TRANSLATE_NOOP("p1::ObisText", "Current average demand (+P)")),
    detail::exact(1, 0, 1, 6, 0, Field::MaximumDemandMonth, Unit::W,
        QT_TRANSLATE_NOOP("p1::ObisText", "Maximum demand, running month (+P)")),
    detail::exact(0, 0, 98, 1, 0, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Maximum demand / billing values, last months")),
    // M-Bus devices (gas, water, heat), channel in B
    detail::channel(24, 1, 0, Field::MbusDeviceType, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "M-Bus device type")),
    detail::channel(96, 1, 0, Field::MbusEquipmentId, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "M-Bus equipment identifier")),
    detail::channel(96, 1, 1, Field::MbusEquipmentIdBelgium, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "M-Bus equipment identifier")),
    detail::channel(96, 1, 2, Field::None, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "M-Bus equipment serial number")),
    detail::channel(24, 2, 1, Field::MbusValue, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "M-Bus meter reading (gas, water, heat)")),
    detail::channel(24, 2, 3, Field::MbusValueBelgium, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "Gas meter reading, not temperature corrected")),
    detail::channel(24, 3, 0, Field::MbusProfile, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "M-Bus meter reading profile (DSMR 2.2/3.0)")),
    detail::channel(24, 4, 0, Field::MbusValveState, Unit::None,
        QT_TRANSLATE_NOOP("p1::ObisText", "M-Bus valve state")),
    detail::channel(
        96, 3, 10, Field::None, Unit::None, QT_TRANSLATE_NOOP("p1::ObisText", "M-Bus relay state")),
};

#undef QT_TRANSLATE_NOOP
#pragma pop_macro("QT_TRANSLATE_NOOP")

/// The code the Reading reads \a field from (M-Bus codes with channel 0); {} for Field::None.
[[nodiscard]] constexpr Obis obisCode(Field field) noexcept
{
    for (const ObisInfo &info : kObisTable)
        if (field != Field::None && info.field == field)
            return info.code;
    return {};
}

/// The table's entry for \a field; nullptr for Field::None.
[[nodiscard]] const ObisInfo *obisInfo(Field field) noexcept;

/// The Field of \a code: an exact code, else an M-Bus code on channel 1-4. Field::None when
/// the Reading does not read it.
[[nodiscard]] Field obisField(const Obis &code) noexcept;

/// Looks \a code up in the table: an exact code, else an M-Bus code on any channel; nullptr
/// when unknown.
[[nodiscard]] const ObisInfo *describeObis(const Obis &code) noexcept;

} // namespace p1
