#pragma once

#include "gcmdecryptor.h"
#include "serialsource.h"
#include "source.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace p1 {

/// Finds P1 meters: listens on several serial ports at once, read-only, and reports for each
/// whether a valid telegram arrived, at which baud rate, and what the meter said about itself.
/// It serves `dbus-p1 --detect` (installer time) and p1-monitor's Detect action.
///
/// Every port gets its own source (by default a SerialSource in BaudMode::Auto: 115200, then
/// 9600, each for the probe window) and TelegramDecoder (as the daemon reads), all on the event
/// loop, in parallel. A port is done when it delivered the wanted number of valid
/// telegrams, when its source gave up (not found, busy, permission), or at its deadline (two
/// probe windows and a margin): the whole scan is bounded by one deadline, however many ports.
/// Nothing is ever written to a port.
///
/// Tests (and a caller with other transports) replace the source with setSourceMaker().
class PortDetector : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        QString port; ///< as given to start(): "ttyUSB0" or "/dev/ttyUSB0"
        bool found = false; ///< at least one valid telegram
        int baudRate = 0; ///< where the meter was found (serial), 0 otherwise
        QString version; ///< 1-3:0.2.8 / 0-0:96.1.4, empty for DSMR 2.2/3.0
        QString ident; ///< header after '/'
        QString equipmentId;
        bool gasSeen = false; ///< a gas meter on one of the M-Bus channels
        /// Encrypted frames arrived. Without a key none is valid: the port is done once
        /// telegramsWanted of them arrived, an encrypted P1 meter but not "found".
        bool encrypted = false;
        int crcOk = 0; ///< valid telegrams with a matching CRC
        int noCrc = 0; ///< valid telegrams without CRC (DSMR 2.2/3.0)
        int rejected = 0; ///< telegrams that failed the CRC or did not parse
        quint64 bytes = 0;
        std::optional<Source::Error> error; ///< why the port could not be read
        QString errorDetail; ///< the OS's words
        bool done = false;
    };

    using SourceMaker = std::function<std::unique_ptr<Source>(const QString &port)>;

    static constexpr std::chrono::milliseconds kDefaultProbeWindow =
        SerialSource::kDefaultProbeWindow;
    /// Telegrams to wait for on a port once one was found (CRC statistics).
    static constexpr int kDefaultTelegramsWanted = 2;

    explicit PortDetector(QObject *parent = nullptr);
    ~PortDetector() override;

    /// Per baud rate tried; a port's deadline is two windows plus a margin.
    void setProbeWindow(std::chrono::milliseconds window) { m_window = window; }
    [[nodiscard]] std::chrono::milliseconds probeWindow() const noexcept { return m_window; }
    void setTelegramsWanted(int count) { m_wanted = qMax(1, count); }
    void setSourceMaker(SourceMaker maker) { m_maker = std::move(maker); }
    /// Keys for an encrypted meter (--detect --key): its telegrams are then decrypted.
    void setKeys(const DecryptionKeys &keys) { m_keys = keys; }

    /// The serial ports of this machine that could hold a P1 cable (QSerialPortInfo), by name.
    [[nodiscard]] static QStringList availablePorts();

    /// Scans \a ports (all available ones when empty). Results come as signals; a running scan
    /// is cancelled first.
    void start(const QStringList &ports = {});
    /// Stops every port now; the ports not done are reported as not found, then finished().
    void cancel();
    [[nodiscard]] bool isRunning() const noexcept { return m_running; }
    [[nodiscard]] QList<Result> results() const;
    /// The scan's deadline from its start, for a progress bar.
    [[nodiscard]] std::chrono::milliseconds deadline() const;

    /// One line for people: "ttyUSB0: DSMR 5.0 meter ISK5\\2M550T-1012 at 115200 baud, gas" —
    /// translated.
    [[nodiscard]] static QString describe(const Result &result);

Q_SIGNALS:
    void started(int ports);
    /// Something happened on a port: a baud switch, a first telegram...
    void portChanged(const p1::PortDetector::Result &result);
    void portFinished(const p1::PortDetector::Result &result);
    /// \a done of \a total ports are finished.
    void progress(int done, int total);
    void finished();

private:
    struct Probe;
    void finishPort(Probe &probe);
    void checkAllDone();

    std::vector<std::unique_ptr<Probe>> m_probes;
    SourceMaker m_maker;
    std::chrono::milliseconds m_window = kDefaultProbeWindow;
    int m_wanted = kDefaultTelegramsWanted;
    DecryptionKeys m_keys;
    int m_done = 0;
    bool m_running = false;
};

} // namespace p1

Q_DECLARE_METATYPE(p1::PortDetector::Result)
