#pragma once

#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace p1 {

/// A simulated Dutch DSMR 5.0 three-phase meter with a gas meter on M-Bus channel 1 and a water
/// meter on channel 2: the model behind SimulatorSource, with no timers or I/O so tests can step
/// it as they like.
///
/// The household: a base load with a fridge cycling, morning and evening peaks, slow noise and
/// appliances switching on at random (kettle, microwave, washing machine, oven), spread over the
/// three phases; a 4.2 kWp three-phase PV system under a bell curve that follows the Dutch day
/// length through the year, with drifting clouds. So it imports at night and exports around
/// noon on a fair day. Per phase: net power on 21/41/61.7.0 (import) or 22/42/62.7.0 (export),
/// current |P|/V (unsigned, as meters send it), voltage rising with export. The energy
/// registers integrate the net power on the tariff of the moment (NL: tariff 1 = low, 23-07 h and
/// weekends). Gas and water advance at each 5-minute boundary of the clock: gas by a rate that
/// depends on the hour and the season (heating) plus showers, water by the household's day
/// (showers in the morning, cooking and washing in the evening, ~0.4 m3 a day). Rare events bump
/// the sag and power-failure counters. Timestamps are Dutch local time with the S/W flag of the EU
/// summer-time rule.
///
/// Deterministic: the same seed, start and steps give the same telegrams.
class SimulatedMeter
{
public:
    explicit SimulatedMeter(std::uint32_t seed = 1, std::int64_t startUtcSeconds = 1767225600);

    /// Restarts the meter at \a startUtcSeconds (registers back to their seeded values).
    void reset(std::uint32_t seed, std::int64_t startUtcSeconds);
    /// Moves the clock on by \a milliseconds: integrates energy over the step at the power of the
    /// last telegram, advances gas and water over any 5-minute boundaries crossed, then draws new
    /// instantaneous values.
    void advance(std::int64_t milliseconds);

    /// The telegram for the current moment: CR LF line ends, CRC, final CR LF.
    [[nodiscard]] std::string telegram() const;

    [[nodiscard]] std::uint32_t seed() const noexcept { return m_seed; }
    [[nodiscard]] std::int64_t utcMilliseconds() const noexcept { return m_nowMs; }
    /// Net power per phase in W (positive = import), as the next telegram shows it.
    [[nodiscard]] double phasePower(int phase) const noexcept { return m_phaseW.at(phase); }
    [[nodiscard]] double netPower() const noexcept;

    /// Local offset from UTC in minutes (60 or 120) under the EU rule: summer time from the last
    /// Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC.
    [[nodiscard]] static int europeanOffsetMinutes(std::int64_t utcSeconds) noexcept;
    /// DSMR `YYMMDDhhmmssX` in Dutch local time.
    [[nodiscard]] static std::string formatTimestamp(std::int64_t utcSeconds);
    /// NL low tariff (tariff 1) at that moment: 23:00-07:00 local, and all weekend.
    [[nodiscard]] static bool lowTariff(std::int64_t utcSeconds) noexcept;

private:
    struct Appliance
    {
        std::int64_t endMs = 0;
        double watts = 0;
        int phase = 0;
    };
    struct Outage
    {
        std::int64_t endUtc = 0;
        std::int64_t seconds = 0;
    };

    void drawInstantaneous(double stepSeconds);
    void maybeStartAppliances(double stepSeconds, double localHour);
    void rareEvents(double stepSeconds);
    void advanceGas(std::int64_t toMs);
    [[nodiscard]] double gasRatePerHour(std::int64_t utcMs) const noexcept;
    [[nodiscard]] static double waterRatePerHour(std::int64_t utcMs) noexcept;
    [[nodiscard]] double solarWatts(std::int64_t utcMs) const noexcept;
    [[nodiscard]] bool chance(double meanIntervalSeconds, double stepSeconds);
    [[nodiscard]] double uniform(double low, double high);
    [[nodiscard]] double normal(double sigma);

    std::mt19937 m_rng;
    std::uint32_t m_seed = 1;
    std::int64_t m_nowMs = 0;

    std::array<double, 3> m_phaseW {}; // net, + import
    std::array<double, 3> m_voltage {};
    std::array<double, 3> m_voltageNoise {};
    double m_loadNoise = 1.0;
    double m_cloud = 0.8;
    std::vector<Appliance> m_appliances;

    std::array<double, 2> m_importWh {}; // tariff 1, 2
    std::array<double, 2> m_exportWh {};
    double m_gasM3 = 0;
    double m_waterM3 = 0;
    std::int64_t m_gasCaptureMs = 0;

    int m_shortFailures = 0;
    std::vector<Outage> m_outages; // long failures, oldest first
    std::array<int, 3> m_sags {};
    std::array<int, 3> m_swells {};
    std::string m_equipmentId;
    std::string m_gasEquipmentId;
    std::string m_waterEquipmentId;
};

} // namespace p1
