#pragma once

#include "simulatedmeter.h"
#include "source.h"

#include <QDateTime>
#include <QTimer>

#include <chrono>

namespace p1 {

/// `sim:` — a simulated DSMR 5 three-phase meter with gas (SimulatedMeter) sending a telegram
/// every second, so the daemon and the GUI can be tried without hardware.
///
/// The meter's clock starts at the current time (or setClock()) and moves on by interval x time
/// scale per telegram: setTimeScale(60) with the default 1 s interval shows an hour a minute
/// (gas then moves every 5 telegrams). Deterministic for a given seed, clock and scale.
/// The first telegram comes right after open(). Never finishes, never fails.
class SimulatorSource : public Source
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds kDefaultInterval {1000}; // DSMR 5
    static constexpr quint32 kDefaultSeed = 5;

    explicit SimulatorSource(QObject *parent = nullptr);
    ~SimulatorSource() override;

    /// Restarts the meter with this seed (keeps the clock).
    void setSeed(quint32 seed);
    [[nodiscard]] quint32 seed() const noexcept { return m_meter.seed(); }
    /// Restarts the meter at \a start (any time spec; seconds and below are kept).
    void setClock(const QDateTime &start);
    /// The meter's clock: the moment of the telegram sent last (or to be sent first).
    [[nodiscard]] QDateTime clock() const;
    /// Meter seconds per real second; 1 by default.
    void setTimeScale(double scale);
    [[nodiscard]] double timeScale() const noexcept { return m_timeScale; }
    /// Real time between telegrams.
    void setInterval(std::chrono::milliseconds interval);
    [[nodiscard]] std::chrono::milliseconds interval() const noexcept { return m_interval; }

    /// The next telegram, as the timer would send it: the first at the clock's start, each later
    /// one a step (interval x time scale) on. For tests that step the meter without waiting.
    [[nodiscard]] QByteArray nextTelegram();
    [[nodiscard]] const SimulatedMeter &meter() const noexcept { return m_meter; }

    [[nodiscard]] Kind kind() const noexcept override { return Kind::Simulator; }
    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString logDescription() const override;
    [[nodiscard]] QString userDescription() const override;

public Q_SLOTS:
    void open() override;
    void close() override;

private:
    void tick();

    SimulatedMeter m_meter;
    QTimer m_timer;
    std::chrono::milliseconds m_interval = kDefaultInterval;
    double m_timeScale = 1.0;
    bool m_clockSet = false;
    bool m_started = false;
};

} // namespace p1
