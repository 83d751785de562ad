#pragma once

#include "decimal.h"

#include <array>
#include <climits>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace p1 {

struct MbusChannel;
struct Reading;

/// D-Bus value kinds of the Venus contract: measurements are doubles, ids/counts/flags int32,
/// names strings; Invalid is published as an empty `ai`.
enum class ValueKind : std::uint8_t
{
    Invalid,
    Double,
    Int,
    String
};

struct VenusValue
{
    ValueKind kind = ValueKind::Invalid;
    double number = 0;
    std::int32_t integer = 0;
    std::string text; ///< for String

    void setInvalid() noexcept { kind = ValueKind::Invalid; }
    void set(double v) noexcept
    {
        kind = ValueKind::Double;
        number = v;
    }
    void setInt(std::int32_t v) noexcept
    {
        kind = ValueKind::Int;
        integer = v;
    }
    void setText(std::string_view v)
    {
        kind = ValueKind::String;
        text.assign(v);
    }
    [[nodiscard]] bool valid() const noexcept { return kind != ValueKind::Invalid; }

    friend bool operator==(const VenusValue &a, const VenusValue &b) noexcept;
};

/// A published path: its name, kind, and how GetText shows it.
struct PathSpec
{
    std::string_view path;
    ValueKind kind;
    std::string_view unit; ///< GetText suffix: "W", "V", "kWh", "m3/h", "" for none
    std::int8_t decimals; ///< GetText decimals for doubles
};

/// The telegram-derived paths of the grid service (DESIGN.md §3). Service paths that do not
/// come from a telegram (/Mgmt/..., /DeviceInstance, /Connected, /RefreshTime...) belong to the
/// D-Bus service, not here.
enum class GridPath : std::uint8_t
{
    AcPower,
    AcL1Power,
    AcL2Power,
    AcL3Power,
    AcL1Voltage,
    AcL2Voltage,
    AcL3Voltage,
    AcL1Current,
    AcL2Current,
    AcL3Current,
    AcEnergyForward,
    AcEnergyReverse,
    AcL1EnergyForward, ///< single-phase meters only: the totals (gui-v2 hides those for one phase)
    AcL1EnergyReverse,
    AcFrequency,
    NrOfPhases,
    Serial,
    P1Ident,
    P1Version,
    P1Timestamp,
    P1Tariff,
    P1LowTariff,
    P1EnergyForwardT1,
    P1EnergyForwardT2,
    P1EnergyForwardT3,
    P1EnergyForwardT4,
    P1EnergyReverseT1,
    P1EnergyReverseT2,
    P1EnergyReverseT3,
    P1EnergyReverseT4,
    P1PowerFailures,
    P1LongPowerFailures,
    P1L1VoltageSags,
    P1L2VoltageSags,
    P1L3VoltageSags,
    P1L1VoltageSwells,
    P1L2VoltageSwells,
    P1L3VoltageSwells,
    P1TextMessage,
    P1AverageDemand,
    P1MaximumDemandMonth,
    Count_
};

/// The paths of a pulse meter service: the gas meter's, and each water meter's too.
enum class GasPath : std::uint8_t
{
    Aggregate, ///< m3, the meter reading
    Flow, ///< m3/h, from the last two capture times
    Serial,
    P1CaptureTime,
    P1Channel,
    Count_
};

inline constexpr std::size_t kGridPathCount = std::size_t(GridPath::Count_);
inline constexpr std::size_t kGasPathCount = std::size_t(GasPath::Count_);
/// At most one water meter per M-Bus channel.
inline constexpr std::size_t kMaxWaterMeters = 4;

[[nodiscard]] const PathSpec &pathSpec(GridPath path) noexcept;
[[nodiscard]] const PathSpec &pathSpec(GasPath path) noexcept;
/// Every grid (gas) path spec, indexed by GridPath (GasPath): what a service registers.
[[nodiscard]] std::span<const PathSpec> gridPathSpecs() noexcept;
[[nodiscard]] std::span<const PathSpec> gasPathSpecs() noexcept;

template<typename PathEnum, std::size_t N>
struct PathValues
{
    std::array<VenusValue, N> values;

    [[nodiscard]] VenusValue &operator[](PathEnum p) noexcept { return values[std::size_t(p)]; }
    [[nodiscard]] const VenusValue &operator[](PathEnum p) const noexcept
    {
        return values[std::size_t(p)];
    }
    void invalidateAll() noexcept
    {
        for (auto &v : values)
            v.setInvalid();
    }
};

using GridValues = PathValues<GridPath, kGridPathCount>;
using GasValues = PathValues<GasPath, kGasPathCount>;
/// The water meters of a telegram, in channel order: the first \a count are valid.
struct WaterValues
{
    std::array<GasValues, kMaxWaterMeters> meters;
    std::size_t count = 0;

    [[nodiscard]] std::span<const GasValues> valid() const noexcept
    {
        return std::span<const GasValues>(meters.data(), count);
    }
    void invalidateAll() noexcept
    {
        for (GasValues &m : meters)
            m.invalidateAll();
        count = 0;
    }
};

/// GetText for a value: "-275 W", "230.1 V", "12345.678 kWh", "" for invalid.
[[nodiscard]] std::string formatText(const PathSpec &spec, const VenusValue &value);

/// Maps Readings to the values the grid and gas services publish (DESIGN.md §3):
/// - /Ac/Power = 1.7.0 - 2.7.0 in W (positive = import from the grid);
/// - /Ac/Lx/Power = import - export per phase; a meter without per-phase power lines has its
///   total attributed to L1 (systemcalc reads per-phase power only);
/// - /Ac/Lx/Current carries the sign of that phase's net power (meters send it unsigned);
/// - /Ac/Energy/Forward|Reverse in kWh: the meter's total register, else the sum of tariffs;
///   on a single-phase meter (/NrOfPhases 1) /Ac/L1/Energy/Forward|Reverse repeat them: gui-v2's
///   AC-input page (PageAcInModel.qml) shows the totals only for more than one phase and the
///   per-phase energy rows always. DSMR has no per-phase energy, so three phases leave them
///   invalid;
/// - /Ac/Frequency from 1-0:14.7.0 when the meter sends it;
/// - gas and water /Flow in m3/h, computed only when the meter's capture time changes (DSMR 4:
///   hourly, DSMR 5: every 5 minutes), so it is stateful: use one mapper per stream.
/// The same code serves `--decode` and the D-Bus services.
class VenusMapper
{
public:
    /// Fills \a grid from \a reading; every path not derived from it is set invalid. Returns
    /// Reading::hasElectricity(): false for a telegram with no grid meter to publish (a heat
    /// meter's), whose \a grid the daemon and `--decode` leave unpublished.
    bool mapGrid(const Reading &reading, GridValues &grid) const;
    /// Fills \a gas; returns false (and leaves \a gas invalid) when the telegram had no gas meter.
    bool mapGas(const Reading &reading, GasValues &gas);
    /// Fills \a water with the telegram's water meters (MbusChannel::isWaterMeter()), in
    /// channel order; returns their number (water.count).
    std::size_t mapWater(const Reading &reading, WaterValues &water);
    /// Forgets the previous gas and water readings (new stream).
    void reset() noexcept;

    /// The date part of a timestamp's text ("2026-11-25"), kept for the day it was made: the
    /// calendar arithmetic is a long chain of divisions, and the day changes once a day while
    /// the timestamps change every telegram. Internal to the mapping (public for its helper).
    struct DateCache
    {
        std::int64_t day = INT64_MIN; ///< local days since 1970-01-01, INT64_MIN for none
        std::array<char, 10> text {};
    };

private:
    struct Sample
    {
        std::int64_t captureUtc = 0;
        Decimal volume; ///< exact, so the difference of two readings is exact
        std::uint8_t channel = 0; ///< a different channel is another meter: start over
    };
    /// The flow of one meter across its capture times.
    struct Flow
    {
        std::optional<Sample> last;
        std::optional<double> rate; ///< m3/h
    };
    void mapPulseMeter(const MbusChannel &meter, GasValues &out, Flow &flow);

    Flow m_gasFlow;
    std::array<Flow, kMaxWaterMeters> m_waterFlow; ///< by channel - 1
    mutable DateCache m_date; // a cache: mapGrid() stays const in what it means
};

} // namespace p1
