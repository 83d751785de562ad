#pragma once

#include "logging.h"
#include "options.h"
#include "telegramdecoder.h"
#include "venus/servicecontract.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <array>
#include <chrono>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace p1 {

class MeterService;
class Source;

/// The daemon's one piece of wiring: source -> TelegramDecoder -> services.
///
/// Every good telegram is published the moment its CRC checks, in one ItemsChanged per
/// service. The grid service appears with the first telegram that carries electricity data,
/// the gas service with the first that carries a gas meter, a water service with the first
/// that carries that water meter (each needs its meter's serial for its device instance). Policy
/// (README "Failure policy"; constants below):
/// - a rejected telegram is counted and skipped; one warning line per burst, counts every
///   kStatsInterval, never a line per telegram at info level;
/// - no valid telegram for Options::timeout: values invalid and /Connected 0; on a serial port
///   the daemon then exits with kExitMeterLost so serial-starter can re-probe the port;
/// - on a serial port, no valid telegram ever within the probe window per baud rate tried:
///   exit kExitNoMeter (serial-starter moves on to the next driver);
/// - the serial source finishing (cable pulled, port gone): exit kExitMeterLost, or
///   kExitNoMeter if no meter was ever seen; a replayed file ending: exit kExitStopped.
class Mediator : public QObject
{
    Q_OBJECT

public:
    static constexpr int kExitStopped = 0; ///< signal, or a replayed file ended
    static constexpr int kExitNoMeter = 1; ///< probe: no valid telegram on this port
    static constexpr int kExitUsage = 2; ///< bad command line (main's business)
    static constexpr int kExitMeterLost = 3; ///< data stopped or the cable was pulled
    static constexpr std::chrono::minutes kStatsInterval {10};
    static constexpr std::chrono::seconds kWarningInterval {60};

    /// Reads \a source with the timeouts, bus, gas and water services of \a options.
    Mediator(Options options, std::unique_ptr<Source> source, QObject *parent = nullptr);
    ~Mediator() override;

    /// Opens the source and arms the probe timer.
    void start();
    /// Leaves the bus (names released) and closes the source.
    void stop();

    struct Counters
    {
        quint64 good = 0;
        quint64 rejected = 0;
    };
    [[nodiscard]] const Counters &counters() const { return m_counters; }

Q_SIGNALS:
    /// The daemon should exit with \a exitCode.
    void finished(int exitCode);

private:
    void onData(const QByteArray &bytes);
    void onTelegram(const DecodedTelegram &decoded);
    void onGoodTelegram(const DecodedTelegram &decoded);
    void reject(const QString &reason);
    void onSilence();
    void onProbeTimeout();
    void onSourceError(int error, const QString &detail);
    void onSourceFinished();
    void logStats();
    void exitWith(int code);
    std::unique_ptr<MeterService> makeService(ServiceContract contract);
    /// Makes the service of \a contract for the meter with equipment id \a serial and starts
    /// its registration.
    std::unique_ptr<MeterService> startService(
        ServiceContract contract, const std::string &serial, const Reading &reading);
    /// One telegram's values, and the telegram interval when known (> 0).
    static void publish(MeterService &service, std::span<const VenusValue> values, qint64 interval);
    /// Every service made so far.
    [[nodiscard]] std::vector<MeterService *> services() const;

    Options m_options;
    std::unique_ptr<Source> m_source;
    TelegramDecoder m_decoder;
    std::unique_ptr<MeterService> m_gridService;
    std::unique_ptr<MeterService> m_gasService;
    std::array<std::unique_ptr<MeterService>, kMaxWaterMeters> m_waterServices; ///< by channel - 1
    QTimer m_silence;
    QTimer m_probe;
    QTimer m_stats;
    QElapsedTimer m_sinceGood;
    QElapsedTimer m_sinceWarning;
    Counters m_counters;
    Counters m_countersAtLastStats;
    QString m_lastRejectReason;
    int m_lastSourceError = -1; ///< Source::Error of the last errorOccurred()
    RepeatLimiter m_repeats; ///< source errors: the first, then counts
    bool m_meterSeen = false;
    bool m_silent = false;
    bool m_exiting = false;
    bool m_authKeyDiffersLogged = false;
};

} // namespace p1
