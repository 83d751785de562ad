#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

namespace p1 {

/// Where P1 bytes come from: a serial port, a TCP dongle, a capture file or the simulator.
///
/// A source delivers raw bytes, in arrival order, in whatever chunks the transport gives; it
/// knows nothing about telegrams (the Framer does). Everything is asynchronous on the event
/// loop: open() returns at once and the outcome arrives as signals, never from inside open()
/// itself, so a caller may open before QCoreApplication::exec() and still see a failure.
///
/// A source describes itself twice: logDescription() in English for logs and D-Bus,
/// userDescription() translated for the status line of p1-monitor. Callers never need to know
/// the concrete class: what differs between transports (the serial line speed) is asked through
/// the virtuals below, which the other sources answer with "none".
///
/// Errors are values (Source::Error plus the operating system's detail text); describe(Error)
/// gives the translated sentence for a user. What the daemon does with each (DESIGN.md §4):
/// - NotFound, PermissionDenied, Busy: the port cannot be opened. The source finishes; the
///   daemon exits non-zero (serial-starter probes again later).
/// - Unplugged: EOF/EIO on a serial port (cable pulled). The source finishes; the daemon exits
///   non-zero at once so serial-starter can hand the port to whatever is plugged in next.
/// - ConnectionLost: a TCP connection dropped or could not be made. The source keeps
///   reconnecting with back-off and never finishes; the daemon only invalidates its values
///   after its --timeout.
/// - EndOfFile: a replayed capture has ended. The source finishes; the daemon exits 0.
/// - Other: anything else; the source finishes when it cannot go on.
///
/// When a source gives up for good it emits errorOccurred() first, then finished().
class Source : public QObject
{
    Q_OBJECT

public:
    enum class Error
    {
        NotFound, ///< no such port, host or file
        PermissionDenied, ///< the OS refused access (not in the dialout group?)
        Busy, ///< another process holds the port
        Unplugged, ///< the serial device went away (EOF/EIO, ResourceError)
        ConnectionLost, ///< TCP connection dropped or refused; reconnecting
        EndOfFile, ///< a replayed capture has ended
        Other,
    };
    Q_ENUM(Error)

    enum class Kind
    {
        Serial,
        Tcp,
        File,
        Simulator
    };
    Q_ENUM(Kind)

    enum class State
    {
        Closed,
        Connecting, ///< TCP only: waiting for a connection (first one or a reconnect)
        Open,
    };
    Q_ENUM(State)

    explicit Source(QObject *parent = nullptr);
    ~Source() override;

    [[nodiscard]] virtual Kind kind() const noexcept = 0;
    /// Serial ports get the strict serial-starter policy (exit on silence or unplug).
    [[nodiscard]] bool isSerial() const noexcept { return kind() == Kind::Serial; }
    /// Short name of what is read, for service names: "ttyUSB0", "192.168.1.20:8088",
    /// "capture.p1", "sim". Not sanitised.
    [[nodiscard]] virtual QString name() const = 0;
    /// One line for logs and D-Bus, in English: "serial /dev/ttyUSB0 auto (115200)",
    /// "tcp 192.168.1.20:8088".
    [[nodiscard]] virtual QString logDescription() const = 0;
    /// What is read, for a user, in the current language: "serial port /dev/ttyUSB0 at 115200
    /// baud (detected)", "network 192.168.1.20:8088".
    [[nodiscard]] virtual QString userDescription() const = 0;
    /// The line speed now, for transports that have one (serial); 0 for the others.
    [[nodiscard]] virtual int baudRate() const noexcept { return 0; }
    /// baudRate() was confirmed by a valid telegram (false when there is no line speed).
    [[nodiscard]] virtual bool baudRateLocked() const noexcept { return false; }
    [[nodiscard]] State state() const noexcept { return m_state; }

    /// The translated sentence for a user: "The port does not exist."
    [[nodiscard]] static QString describe(Error error);
    /// English, for logs: "not found".
    [[nodiscard]] static const char *errorName(Error error) noexcept;

public Q_SLOTS:
    /// Starts delivering data: opened() or errorOccurred() follow from the event loop.
    virtual void open() = 0;
    /// Stops delivering data; no signals follow except stateChanged(Closed).
    virtual void close() = 0;
    /// The mediator calls this when the Framer and the CRC validated a telegram from this
    /// source. The serial source locks its baud rate on it; TCP resets its back-off.
    virtual void telegramAccepted() { }

Q_SIGNALS:
    /// Raw bytes as received (no masking, no framing).
    void dataReceived(const QByteArray &bytes);
    void stateChanged(p1::Source::State state);
    void opened();
    /// The byte stream restarts (new baud rate, new TCP connection): whatever partial telegram
    /// the reader holds is garbage now; reset the framer.
    void discontinuity();
    void errorOccurred(p1::Source::Error error, const QString &detail);
    /// No more data will ever come from this source.
    void finished();
    /// userDescription(), baudRate() or baudRateLocked() changed other than through a state
    /// change (a serial port switched or locked its rate).
    void descriptionChanged();

protected:
    void setState(State state);
    /// Emits errorOccurred(), and when \a final closes the source and emits finished().
    void fail(Error error, const QString &detail, bool final);

private:
    State m_state = State::Closed;
};

} // namespace p1
