#include "simulatedmeter.h"

#include "crc16.h"

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <numbers>

namespace p1 {

namespace {

constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kGasPeriodMs = 5 * 60 * 1000; // DSMR 5: gas every 5 minutes
constexpr double kPvPeakW = 4200; // 4.2 kWp, three-phase inverter
constexpr double kNoonUtcHours = 11.67; // solar noon in the middle of the Netherlands (5.3 E)
constexpr std::array<double, 3> kLoadShare {0.45, 0.33, 0.22};
constexpr std::array<double, 3> kVoltageOffset {0.8, -0.6, 0.3};
constexpr std::size_t kMaxOutageLog = 10; // DSMR 5: 99.97.0 lists up to ten

// Days since 1970-01-01 of a proleptic Gregorian date (era-based day count).
constexpr std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) noexcept
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + std::int64_t(doe) - 719468;
}

struct Civil
{
    std::int64_t year;
    unsigned month;
    unsigned day;
};

constexpr Civil civilFromDays(std::int64_t z) noexcept
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = std::int64_t(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {y + (m <= 2), m, d};
}

static_assert(daysFromCivil(2026, 1, 1) == 20454);
static_assert(civilFromDays(20454).year == 2026 && civilFromDays(20454).month == 1);

constexpr std::int64_t floorDiv(std::int64_t a, std::int64_t b) noexcept
{
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/// 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday).
constexpr int weekday(std::int64_t days) noexcept
{
    return int(((days % 7) + 11) % 7);
}

constexpr std::int64_t lastSundayOf(std::int64_t year, unsigned month31) noexcept
{
    const std::int64_t last = daysFromCivil(year, month31, 31);
    return last - weekday(last);
}

double bell(double x, double centre, double width) noexcept
{
    const double z = (x - centre) / width;
    return std::exp(-0.5 * z * z);
}

/// Day of the year, 0-based, of a UTC moment.
int dayOfYear(std::int64_t utcSeconds) noexcept
{
    const std::int64_t days = floorDiv(utcSeconds, kDay);
    return int(days - daysFromCivil(civilFromDays(days).year, 1, 1));
}

double localHours(std::int64_t utcMs) noexcept
{
    const std::int64_t utc = floorDiv(utcMs, 1000);
    const std::int64_t local = utc + SimulatedMeter::europeanOffsetMinutes(utc) * 60;
    return double(local - floorDiv(local, kDay) * kDay) / 3600.0
        + double(utcMs - utc * 1000) / 3.6e6;
}

void appendf(std::string &out, const char *format, ...) __attribute__((format(printf, 2, 3)));

void appendf(std::string &out, const char *format, ...)
{
    char buffer[160];
    va_list args;
    va_start(args, format);
    const int n = std::vsnprintf(buffer, sizeof buffer, format, args);
    va_end(args);
    if (n > 0)
        out.append(buffer, std::min<std::size_t>(std::size_t(n), sizeof buffer - 1));
}

/// Never -0: "-0.000" is not a meter reading.
double positive(double value) noexcept
{
    return value > 0 ? value : 0.0;
}

void appendHex(std::string &out, const std::string &text)
{
    for (const char c : text)
        appendf(out, "%02X", static_cast<unsigned char>(c));
}

} // namespace

SimulatedMeter::SimulatedMeter(std::uint32_t seed, std::int64_t startUtcSeconds)
{
    reset(seed, startUtcSeconds);
}

int SimulatedMeter::europeanOffsetMinutes(std::int64_t utcSeconds) noexcept
{
    const std::int64_t year = civilFromDays(floorDiv(utcSeconds, kDay)).year;
    const std::int64_t start = lastSundayOf(year, 3) * kDay + 3600; // 01:00 UTC
    const std::int64_t end = lastSundayOf(year, 10) * kDay + 3600;
    return utcSeconds >= start && utcSeconds < end ? 120 : 60;
}

std::string SimulatedMeter::formatTimestamp(std::int64_t utcSeconds)
{
    const int offset = europeanOffsetMinutes(utcSeconds);
    const std::int64_t local = utcSeconds + offset * 60;
    const std::int64_t days = floorDiv(local, kDay);
    const std::int64_t secondOfDay = local - days * kDay;
    const Civil date = civilFromDays(days);
    std::string out;
    appendf(out, "%02d%02u%02u%02d%02d%02d%c", int(date.year % 100), date.month, date.day,
        int(secondOfDay / 3600), int(secondOfDay / 60 % 60), int(secondOfDay % 60),
        offset == 120 ? 'S' : 'W');
    return out;
}

bool SimulatedMeter::lowTariff(std::int64_t utcSeconds) noexcept
{
    const std::int64_t local = utcSeconds + europeanOffsetMinutes(utcSeconds) * 60;
    const std::int64_t days = floorDiv(local, kDay);
    const int day = weekday(days);
    const std::int64_t hour = (local - days * kDay) / 3600;
    return day == 0 || day == 6 || hour >= 23 || hour < 7;
}

void SimulatedMeter::reset(std::uint32_t seed, std::int64_t startUtcSeconds)
{
    m_seed = seed;
    m_rng.seed(seed);
    m_nowMs = startUtcSeconds * 1000;

    // A meter some years in service.
    m_importWh = {uniform(2.0e6, 6.0e6), uniform(2.0e6, 6.0e6)};
    m_exportWh = {uniform(0.3e6, 1.5e6), uniform(0.8e6, 3.0e6)};
    m_gasM3 = uniform(1500, 6000);
    m_waterM3 = uniform(300, 1500);
    m_gasCaptureMs = floorDiv(m_nowMs, kGasPeriodMs) * kGasPeriodMs;

    m_shortFailures = int(uniform(2, 15));
    m_outages.clear();
    const int outages = int(uniform(2, 5));
    std::int64_t end = startUtcSeconds;
    for (int i = 0; i < outages; ++i) {
        end -= std::int64_t(uniform(10, 200) * kDay);
        m_outages.insert(m_outages.begin(), Outage {end, std::int64_t(uniform(181, 7200))});
    }
    for (int i = 0; i < 3; ++i) {
        m_sags[i] = int(uniform(0, 6));
        m_swells[i] = int(uniform(0, 2));
    }

    m_equipmentId = "E0099";
    m_gasEquipmentId = "G0099";
    m_waterEquipmentId = "W0099";
    for (int i = 0; i < 12; ++i) {
        m_equipmentId += char('0' + int(uniform(0, 10)) % 10);
        m_gasEquipmentId += char('0' + int(uniform(0, 10)) % 10);
        m_waterEquipmentId += char('0' + int(uniform(0, 10)) % 10);
    }

    m_loadNoise = 1.0;
    m_cloud = uniform(0.4, 1.0);
    m_voltageNoise = {};
    m_appliances.clear();
    drawInstantaneous(0);
}

double SimulatedMeter::netPower() const noexcept
{
    return m_phaseW[0] + m_phaseW[1] + m_phaseW[2];
}

double SimulatedMeter::uniform(double low, double high)
{
    return std::uniform_real_distribution<double>(low, high)(m_rng);
}

double SimulatedMeter::normal(double sigma)
{
    return std::normal_distribution<double>(0.0, sigma)(m_rng);
}

bool SimulatedMeter::chance(double meanIntervalSeconds, double stepSeconds)
{
    // Poisson arrivals: the probability of at least one in this step.
    return uniform(0, 1) < 1.0 - std::exp(-stepSeconds / meanIntervalSeconds);
}

void SimulatedMeter::advance(std::int64_t milliseconds)
{
    if (milliseconds <= 0)
        return;
    const double seconds = double(milliseconds) / 1000.0;
    // The meter integrates what it measured: the power shown in the last telegram, on the
    // tariff that applied then.
    const double net = netPower();
    const int tariff = lowTariff(floorDiv(m_nowMs, 1000)) ? 0 : 1;
    if (net > 0)
        m_importWh[tariff] += net * seconds / 3600.0;
    else
        m_exportWh[tariff] += -net * seconds / 3600.0;

    m_nowMs += milliseconds;
    advanceGas(m_nowMs);
    rareEvents(seconds);
    drawInstantaneous(seconds);
}

void SimulatedMeter::advanceGas(std::int64_t toMs)
{
    const std::int64_t capture = floorDiv(toMs, kGasPeriodMs) * kGasPeriodMs;
    // One slot per 5 minutes; a jump of days (tests, a suspended machine) uses hour slots.
    const std::int64_t slot =
        capture - m_gasCaptureMs > 3 * kDay * 1000 ? 12 * kGasPeriodMs : kGasPeriodMs;
    while (m_gasCaptureMs < capture) {
        const std::int64_t next = std::min(m_gasCaptureMs + slot, capture);
        const double hours = double(next - m_gasCaptureMs) / 3.6e6;
        const std::int64_t middle = (m_gasCaptureMs + next) / 2;
        m_gasM3 += std::max(0.0, gasRatePerHour(middle) * hours * (1.0 + normal(0.15)));
        m_waterM3 += std::max(0.0, waterRatePerHour(middle) * hours * (1.0 + normal(0.3)));
        m_gasCaptureMs = next;
    }
}

double SimulatedMeter::gasRatePerHour(std::int64_t utcMs) const noexcept
{
    const double h = localHours(utcMs);
    const int doy = dayOfYear(floorDiv(utcMs, 1000));
    // Heating: most in mid January, none in mid July; thermostat up in the morning and evening.
    const double winter = (1.0 + std::cos(2 * std::numbers::pi * (doy - 15) / 365.25)) / 2;
    const double heating = winter
        * (0.12 + 0.9 * bell(h, 7.0, 1.2) + 0.4 * bell(h, 12.5, 3) + 0.8 * bell(h, 19.5, 2.2));
    const double hotWater = 0.6 * bell(h, 7.3, 0.4) + 0.3 * bell(h, 21.5, 0.6);
    const double cooking = 0.15 * bell(h, 18.0, 0.6);
    return 1.1 * heating + hotWater + cooking + 0.005;
}

double SimulatedMeter::waterRatePerHour(std::int64_t utcMs) noexcept
{
    const double h = localHours(utcMs);
    // m3/h: showers around 07:15, the dishwasher, cooking and washing in the evening, a toilet
    // now and then through the day; about 0.4 m3 a day.
    const double showers = 0.1 * bell(h, 7.3, 0.5);
    const double evening = 0.04 * bell(h, 19.0, 2.0);
    const double day = h >= 7 && h < 23 ? 0.004 : 0.001;
    return showers + evening + day;
}

double SimulatedMeter::solarWatts(std::int64_t utcMs) const noexcept
{
    const std::int64_t utc = floorDiv(utcMs, 1000);
    const int doy = dayOfYear(utc);
    const double season = std::sin(2 * std::numbers::pi * (doy - 80) / 365.25); // +1 in June
    const double dayLength = 12.2 + 4.3 * season; // hours, 52 degrees north
    const double hourUtc = double(utcMs - floorDiv(utcMs, kDay * 1000) * kDay * 1000) / 3.6e6;
    const double x = (hourUtc - (kNoonUtcHours - dayLength / 2)) / dayLength;
    if (x <= 0 || x >= 1)
        return 0;
    const double elevation = 0.3 + 0.7 * (season + 1) / 2;
    const double watts =
        kPvPeakW * 0.85 * std::pow(std::sin(std::numbers::pi * x), 1.6) * elevation * m_cloud;
    return watts < 15 ? 0 : watts; // the inverter sleeps below its start-up power
}

void SimulatedMeter::maybeStartAppliances(double stepSeconds, double h)
{
    struct Kind
    {
        double perHour;
        double watts;
        double seconds;
        int phase;
    };
    const double activity =
        bell(h, 7.5, 1.0) + 0.6 * bell(h, 12.5, 2.0) + bell(h, 19.0, 2.0) + 0.03;
    const bool daytime = h >= 8 && h < 21;
    const std::array<Kind, 5> kinds {{
        {0.4 * activity, 2000, 180, 0}, // kettle
        {0.3 * activity, 1100, 240, 0}, // microwave
        {daytime ? 0.08 : 0.0, 2000, 1200, 1}, // washing machine heating
        {0.15 * bell(h, 18.0, 0.8), 2400, 2400, 2}, // oven
        {0.1 * bell(h, 20.5, 1.0), 1900, 1500, 2}, // dishwasher
    }};
    for (const Kind &kind : kinds) {
        const bool starts = chance(3600.0 / std::max(kind.perHour, 1e-9), stepSeconds);
        if (starts && m_appliances.size() < 6)
            m_appliances.push_back(
                Appliance {m_nowMs + std::int64_t(kind.seconds * 1000 * uniform(0.7, 1.3)),
                    kind.watts * uniform(0.9, 1.05), kind.phase});
    }
}

void SimulatedMeter::rareEvents(double stepSeconds)
{
    for (int i = 0; i < 3; ++i) {
        if (chance(2.0 * kDay, stepSeconds))
            ++m_sags[i];
        if (chance(20.0 * kDay, stepSeconds))
            ++m_swells[i];
    }
    if (chance(60.0 * kDay, stepSeconds))
        ++m_shortFailures;
    if (chance(200.0 * kDay, stepSeconds)) {
        m_outages.push_back(Outage {floorDiv(m_nowMs, 1000), std::int64_t(uniform(181, 5400))});
        if (m_outages.size() > kMaxOutageLog)
            m_outages.erase(m_outages.begin());
    }
}

void SimulatedMeter::drawInstantaneous(double stepSeconds)
{
    // Ornstein-Uhlenbeck steps (exact for any step length): slow drifts, not white noise.
    const auto drift = [this, stepSeconds](double value, double mean, double tau, double sigma) {
        const double keep = std::exp(-stepSeconds / tau);
        return mean + (value - mean) * keep + sigma * std::sqrt(1 - keep * keep) * normal(1.0);
    };
    m_loadNoise = std::clamp(drift(m_loadNoise, 1.0, 600, 0.12), 0.6, 1.5);
    m_cloud = std::clamp(drift(m_cloud, 0.75, 1800, 0.25), 0.25, 1.0);
    for (double &v : m_voltageNoise)
        v = drift(v, 0, 120, 1.0);

    const double h = localHours(m_nowMs);
    const double household =
        150 + 450 * bell(h, 7.5, 0.9) + 250 * bell(h, 12.5, 1.5) + 900 * bell(h, 19.0, 1.8);
    std::array<double, 3> load {};
    for (int i = 0; i < 3; ++i)
        load[i] = household * m_loadNoise * kLoadShare[i];
    // The fridge: 15 minutes on, 30 off.
    if (floorDiv(m_nowMs, 60000) % 45 < 15)
        load[1] += 90;

    maybeStartAppliances(stepSeconds, h);
    std::erase_if(m_appliances, [this](const Appliance &a) { return a.endMs <= m_nowMs; });
    for (const Appliance &a : m_appliances)
        load[a.phase] += a.watts;

    const double pvPerPhase = solarWatts(m_nowMs) / 3;
    for (int i = 0; i < 3; ++i) {
        m_phaseW[i] = std::round(load[i] - pvPerPhase); // the meter resolves 1 W
        // Export pushes the local voltage up, load pulls it down.
        m_voltage[i] = std::clamp(
            230 + kVoltageOffset[i] + m_voltageNoise[i] - 0.0012 * m_phaseW[i], 210.0, 250.0);
    }
}

std::string SimulatedMeter::telegram() const
{
    const std::int64_t now = floorDiv(m_nowMs, 1000);
    const double net = netPower();
    std::string t;
    t.reserve(1200);
    t += "/SIM5\\2P1 SIMULATOR DSMR5\r\n\r\n";
    t += "1-3:0.2.8(50)\r\n";
    t += "0-0:1.0.0(" + formatTimestamp(now) + ")\r\n";
    t += "0-0:96.1.1(";
    appendHex(t, m_equipmentId);
    t += ")\r\n";
    appendf(t, "1-0:1.8.1(%010.3f*kWh)\r\n", m_importWh[0] / 1000);
    appendf(t, "1-0:1.8.2(%010.3f*kWh)\r\n", m_importWh[1] / 1000);
    appendf(t, "1-0:2.8.1(%010.3f*kWh)\r\n", m_exportWh[0] / 1000);
    appendf(t, "1-0:2.8.2(%010.3f*kWh)\r\n", m_exportWh[1] / 1000);
    appendf(t, "0-0:96.14.0(%04d)\r\n", lowTariff(now) ? 1 : 2);
    appendf(t, "1-0:1.7.0(%06.3f*kW)\r\n", positive(net) / 1000);
    appendf(t, "1-0:2.7.0(%06.3f*kW)\r\n", positive(-net) / 1000);
    appendf(t, "0-0:96.7.21(%05d)\r\n", m_shortFailures);
    appendf(t, "0-0:96.7.9(%05d)\r\n", int(m_outages.size()));
    appendf(t, "1-0:99.97.0(%d)(0-0:96.7.19)", int(m_outages.size()));
    for (const Outage &o : m_outages)
        appendf(t, "(%s)(%010lld*s)", formatTimestamp(o.endUtc).c_str(),
            static_cast<long long>(o.seconds));
    t += "\r\n";
    for (int i = 0; i < 3; ++i)
        appendf(t, "1-0:%d2.32.0(%05d)\r\n", 3 + 2 * i, m_sags[i]);
    for (int i = 0; i < 3; ++i)
        appendf(t, "1-0:%d2.36.0(%05d)\r\n", 3 + 2 * i, m_swells[i]);
    t += "0-0:96.13.0()\r\n";
    for (int i = 0; i < 3; ++i)
        appendf(t, "1-0:%d2.7.0(%05.1f*V)\r\n", 3 + 2 * i, m_voltage[i]);
    for (int i = 0; i < 3; ++i)
        appendf(t, "1-0:%d1.7.0(%03d*A)\r\n", 3 + 2 * i,
            int(std::lround(std::abs(m_phaseW[i]) / m_voltage[i])));
    for (int i = 0; i < 3; ++i)
        appendf(t, "1-0:%d1.7.0(%06.3f*kW)\r\n", 2 + 2 * i, positive(m_phaseW[i]) / 1000);
    for (int i = 0; i < 3; ++i)
        appendf(t, "1-0:%d2.7.0(%06.3f*kW)\r\n", 2 + 2 * i, positive(-m_phaseW[i]) / 1000);
    t += "0-1:24.1.0(003)\r\n";
    t += "0-1:96.1.0(";
    appendHex(t, m_gasEquipmentId);
    t += ")\r\n";
    appendf(t, "0-1:24.2.1(%s)(%09.3f*m3)\r\n", formatTimestamp(m_gasCaptureMs / 1000).c_str(),
        m_gasM3);
    t += "0-2:24.1.0(007)\r\n";
    t += "0-2:96.1.0(";
    appendHex(t, m_waterEquipmentId);
    t += ")\r\n";
    appendf(t, "0-2:24.2.1(%s)(%09.3f*m3)\r\n", formatTimestamp(m_gasCaptureMs / 1000).c_str(),
        m_waterM3);
    t += '!';
    appendf(t, "%04X\r\n", unsigned(Crc16::compute(t)));
    return t;
}

} // namespace p1
