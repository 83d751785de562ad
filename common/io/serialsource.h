#pragma once

#include "source.h"

#include <QSerialPort>
#include <QSocketNotifier>
#include <QTimer>

#include <chrono>
#include <memory>
#include <optional>

namespace p1 {

/// A P1 cable on a serial port, read asynchronously on the event loop.
///
/// The port is opened read-only, 8N1, and never written to (the P1 port is receive-only; a
/// probing driver must not disturb whatever else may be on a tty). DSMR 2.2/3.0 send 9600 7E1
/// and DSMR 4/5 115200 8N1: both are 10-bit frames, so 8N1 reads either once the Framer masks
/// every byte with 0x7F (the mediator enables that). Only the baud rate needs detecting:
/// - BaudMode::Auto starts at 115200; when no telegram was confirmed (telegramAccepted()) within
///   the probe window it switches to 9600, then back, alternating, until one is confirmed. That
///   locks the rate for as long as the port stays open. Each switch emits baudRateChanged(),
///   descriptionChanged() and discontinuity() (the framer must drop its half-read telegram).
/// - BaudMode::Baud115200 / Baud9600 stay put.
///
/// A pulled cable hangs the tty up (the kernel's tty_vhangup(), for a USB adapter as for a pty
/// whose other end closed): read() returns 0 from then on and poll() says POLLHUP|POLLERR. The
/// source watches for that itself (an exception notifier on the port's descriptor, which
/// QSerialPort does not use) rather than relying on QSerialPort: up to Qt 6.4 it reported the
/// EOF as ReadError, but from Qt 6.5 (qtserialport c59c317) a zero-byte read is "no data yet",
/// no error at all, and its read notifier spins on the dead descriptor. EIO (ResourceError) is
/// still taken from QSerialPort. Either way the source reports Error::Unplugged and finishes;
/// the daemon exits so serial-starter can reprobe.
class SerialSource : public Source
{
    Q_OBJECT

public:
    enum class BaudMode
    {
        Auto,
        Baud115200,
        Baud9600
    };
    Q_ENUM(BaudMode)

    /// Per baud rate tried; the daemon's --probe-timeout sets it.
    static constexpr std::chrono::milliseconds kDefaultProbeWindow {12000};

    /// \a port as serial-starter passes it ("ttyUSB0") or as a path ("/dev/ttyUSB0").
    explicit SerialSource(const QString &port, QObject *parent = nullptr);
    ~SerialSource() override;

    void setBaudMode(BaudMode mode);
    [[nodiscard]] BaudMode baudMode() const noexcept { return m_mode; }
    void setProbeWindow(std::chrono::milliseconds window);
    [[nodiscard]] std::chrono::milliseconds probeWindow() const noexcept { return m_window; }
    /// The rate the port is set to now (before open(): the rate it will start at).
    [[nodiscard]] int baudRate() const noexcept override { return m_baudRate; }
    /// A telegram was confirmed at the current rate (always true for a fixed rate once one was).
    [[nodiscard]] bool baudRateLocked() const noexcept override { return m_locked; }
    /// The path that is opened.
    [[nodiscard]] QString systemLocation() const { return m_location; }

    /// "ttyUSB0" -> "/dev/ttyUSB0"; a path ("/dev/ttyUSB0", "./pty", "/tmp/x") is kept.
    /// Names with a slash but no leading "/", "./" or "../" ("serial/by-id/usb-...") are under
    /// /dev, as QSerialPort has it.
    [[nodiscard]] static QString toSystemLocation(const QString &port);
    /// "/dev/ttyUSB0" -> "ttyUSB0"; a path outside /dev is kept whole.
    [[nodiscard]] static QString toPortName(const QString &port);
    /// "auto", "115200", "9600" (the daemon's --baud); nullopt otherwise.
    [[nodiscard]] static std::optional<BaudMode> parseBaudMode(const QString &text);

    [[nodiscard]] Kind kind() const noexcept override { return Kind::Serial; }
    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString logDescription() const override;
    [[nodiscard]] QString userDescription() const override;

public Q_SLOTS:
    void open() override;
    void close() override;
    void telegramAccepted() override;

Q_SIGNALS:
    void baudRateChanged(int baudRate);

private:
    void openNow();
    void readAvailable();
    void handleError(QSerialPort::SerialPortError error);
    void checkHangup();
    void deviceGone(const QString &detail);
    void switchBaudRate();
    [[nodiscard]] int initialBaudRate() const noexcept;

    QSerialPort m_port;
    std::unique_ptr<QSocketNotifier> m_hangupNotifier; ///< while open: POLLHUP/POLLERR on m_port
    QTimer m_probeTimer;
    QString m_location;
    BaudMode m_mode = BaudMode::Auto;
    std::chrono::milliseconds m_window = kDefaultProbeWindow;
    int m_baudRate = 115200;
    bool m_locked = false;
    bool m_opening = false;
    bool m_gone = false; ///< unplugged; closing
};

} // namespace p1
