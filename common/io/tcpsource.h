#pragma once

#include "logging.h"
#include "source.h"
#include "telnetfilter.h"

#include <QTimer>

#include <chrono>
#include <memory>

struct addrinfo;

namespace p1 {

/// A network P1 dongle or ser2net, `tcp://HOST:PORT`.
///
/// Connects read-only and never writes (not even telnet negotiation replies: ser2net and the
/// dongles work without them). Telnet commands are stripped (TelnetFilter). A network source is
/// expected to come and go (WiFi, dongle reboots), so it never finishes:
/// - a refused, failed, dropped or timed-out connection reports Error::ConnectionLost once per
///   outage (Error::NotFound when the host name does not resolve), then reconnects after a
///   back-off: 1 s, doubling up to 30 s. An outage ends, and the back-off starts at 1 s again,
///   only with a valid telegram (telegramAccepted()): bytes alone do not, or a dongle that
///   sends a few and hangs up would be reconnected every second. Repeated identical warnings
///   are rate-limited (RepeatLimiter);
/// - a connection that stays silent for the idle timeout (a half-open TCP connection after a
///   dongle lost power sends nothing, and TCP does not notice) is dropped and remade.
/// Every new connection emits discontinuity(): the previous one may have ended mid-telegram.
///
/// Plain POSIX sockets on QSocketNotifier rather than QTcpSocket: Qt Network would load
/// Kerberos, libproxy and their kin into the daemon, a large share of its memory budget
/// (DESIGN.md §7), even when it reads a serial port. A host name is looked up on a worker thread (a
/// lookup can take seconds when the network is down, and the daemon keeps answering D-Bus
/// meanwhile); each of its addresses is tried in turn (IPv6 and IPv4), each within the connect
/// timeout.
class TcpSource : public Source
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds kInitialBackoff {1000};
    static constexpr std::chrono::milliseconds kMaximumBackoff {30000};
    static constexpr std::chrono::milliseconds kConnectTimeout {10000};
    /// Six DSMR 4 intervals: a healthy dongle is never that quiet.
    static constexpr std::chrono::milliseconds kIdleTimeout {60000};

    TcpSource(const QString &host, quint16 port, QObject *parent = nullptr);
    ~TcpSource() override;

    /// Back-off before reconnecting: \a initial, doubling up to \a maximum.
    void setBackoff(std::chrono::milliseconds initial, std::chrono::milliseconds maximum);
    void setConnectTimeout(std::chrono::milliseconds timeout);
    /// Silence after which the connection is remade; 0 disables.
    void setIdleTimeout(std::chrono::milliseconds timeout);
    /// Strip telnet commands (default). Off for a raw TCP bridge carrying binary frames.
    void setTelnet(bool on) noexcept { m_telnet = on; }

    [[nodiscard]] QString host() const { return m_host; }
    [[nodiscard]] quint16 port() const noexcept { return m_port; }
    /// The wait before the next reconnect attempt.
    [[nodiscard]] std::chrono::milliseconds nextBackoff() const noexcept { return m_backoff; }

    [[nodiscard]] Kind kind() const noexcept override { return Kind::Tcp; }
    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString logDescription() const override;
    [[nodiscard]] QString userDescription() const override;

public Q_SLOTS:
    void open() override;
    void close() override;
    /// Ends an outage: the back-off starts over.
    void telegramAccepted() override;

private:
    class Connection; // a non-blocking socket and its notifier (tcpsource.cpp)
    struct Lookup; // a host name lookup on a worker thread (tcpsource.cpp)
    enum class Step
    {
        Idle, ///< closed, or waiting for the retry timer
        Resolving, ///< waiting for the worker's lookup
        Connecting, ///< a non-blocking connect() in progress
        Connected,
    };

    void connectNow();
    void startLookup();
    void lookupFinished(int status, int systemError, std::shared_ptr<addrinfo> addresses);
    void connectToAddresses(std::shared_ptr<addrinfo> addresses);
    void connectNextAddress();
    void finishConnecting();
    void handleConnectTimeout();
    void handleConnected();
    void readAvailable();
    void dropAndRetry(Error error, const QString &detail);
    void abortConnection();

    std::unique_ptr<Connection> m_connection;
    /// The lookup in flight, if any: a retry waits for it rather than start another one.
    std::shared_ptr<Lookup> m_lookup;
    /// The last lookup's answer, and the next of its addresses to try.
    std::shared_ptr<addrinfo> m_addresses;
    const addrinfo *m_nextAddress = nullptr;
    /// Why the last address failed, reported once the list is exhausted.
    QString m_lastError;
    Step m_step = Step::Idle;
    QTimer m_retryTimer;
    QTimer m_connectTimer;
    QTimer m_idleTimer;
    TelnetFilter m_filter;
    QString m_host;
    quint16 m_port = 0;
    std::chrono::milliseconds m_initialBackoff = kInitialBackoff;
    std::chrono::milliseconds m_maximumBackoff = kMaximumBackoff;
    std::chrono::milliseconds m_backoff = kInitialBackoff;
    std::chrono::milliseconds m_idleTimeout = kIdleTimeout;
    bool m_wanted = false;
    bool m_telnet = true;
    bool m_outageReported = false;
    RepeatLimiter m_repeats;
};

} // namespace p1
