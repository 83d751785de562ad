#pragma once

#include "io/source.h"

#include <QCoreApplication>
#include <QString>

#include <chrono>
#include <deque>

namespace p1 {

/// Turns what a session sees (port errors, bytes, accepted and rejected telegrams, time) into
/// the cable problem a person setting up a P1 cable most likely has, with a sentence that says
/// what to do about it.
///
/// Pure bookkeeping: no timers, no I/O. The caller passes the time of every event (a monotonic
/// clock in milliseconds) and calls evaluate() now and then, so tests replay any history without
/// waiting. The thresholds follow the meters: DSMR 4 sends every 10 s, and SerialSource tries
/// each baud rate for 12 s, so "no data" needs 15 s of silence and "only garbage" 26 s of bytes
/// without a single valid telegram (both rates tried).
class CableDiagnosis
{
    Q_DECLARE_TR_FUNCTIONS(p1::CableDiagnosis)

public:
    enum class Problem
    {
        None,
        NotFound, ///< no such port, host or file
        PermissionDenied, ///< not in the dialout group
        Busy, ///< another program holds the port
        Unplugged, ///< the device went away
        ConnectionLost, ///< network dongle unreachable; the source retries
        NoData, ///< open, but not a byte: request line, wrong port, wrong cable
        DataStopped, ///< data came, then stopped
        Garbage, ///< bytes, but never a valid telegram: baud rate or inverted signal
        CrcErrors, ///< valid telegrams mixed with rejected ones: interference
        EndOfFile, ///< a replayed capture ended (information, not a fault)
        OtherError,
    };

    enum class Severity
    {
        None,
        Information,
        Warning,
        Error
    };

    struct Config
    {
        std::chrono::milliseconds noData {15000};
        std::chrono::milliseconds dataStopped {30000};
        std::chrono::milliseconds garbage {26000};
        int crcWindow = 20; ///< telegrams looked back on
        int crcThreshold = 3; ///< rejected ones among them that count as "piling up"
    };

    void setConfig(const Config &config) { m_config = config; }
    [[nodiscard]] const Config &config() const noexcept { return m_config; }

    /// What is being read: for the messages ("ttyUSB0", "192.168.1.20:8088").
    void setSource(Source::Kind kind, const QString &name);
    /// Forgets everything (a new source).
    void reset();

    void opened(std::chrono::milliseconds now);
    void bytesReceived(qint64 count, std::chrono::milliseconds now);
    /// \a accepted false for any rejected telegram (CRC mismatch, truncated, unparsable).
    void telegram(bool accepted, std::chrono::milliseconds now);
    void sourceError(Source::Error error, const QString &detail, std::chrono::milliseconds now);

    /// Re-judges at \a now; returns true when the problem or its message changed.
    bool evaluate(std::chrono::milliseconds now);

    [[nodiscard]] Problem problem() const noexcept { return m_problem; }
    [[nodiscard]] Severity severity() const noexcept { return severity(m_problem); }
    /// The translated advice for the current problem; empty for None.
    [[nodiscard]] QString message() const;
    /// Rejected telegrams among the last Config::crcWindow.
    [[nodiscard]] int recentRejected() const noexcept { return m_recentRejected; }

    [[nodiscard]] static Severity severity(Problem problem) noexcept;

private:
    [[nodiscard]] Problem judge(std::chrono::milliseconds now) const;
    [[nodiscard]] QString subject() const;

    Config m_config;
    Source::Kind m_kind = Source::Kind::Serial;
    QString m_name;
    bool m_open = false;
    bool m_hasError = false;
    Source::Error m_error = Source::Error::Other;
    QString m_errorDetail;
    std::chrono::milliseconds m_openedAt {0};
    std::chrono::milliseconds m_firstByteAt {-1};
    std::chrono::milliseconds m_lastByteAt {-1};
    qint64 m_bytes = 0;
    qint64 m_accepted = 0;
    std::deque<bool> m_recent; ///< last telegrams, true = rejected
    int m_recentRejected = 0;
    Problem m_problem = Problem::None;
};

} // namespace p1
