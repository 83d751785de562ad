// dbus-p1 as serial-starter and an installer use it, on socat pty pairs: the real binary in a
// QProcess, under the test's private session bus (dbus-run-session).
// - probe mode: a silent or noisy port (GPS, VE.Direct, modem, binary garbage, telegram-shaped
//   junk) makes the daemon give the port back with exit status 1 after both baud windows, and
//   it never claims a D-Bus name; a meter keeps it running under com.victronenergy.grid.p1_<port>.
// - `--detect PORT...`: one JSON line per port, the meter found on exactly its port.

#include "ptypair.h"
#include "sampletelegrams.h"
#include "telegrambuilder.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusInterface>
#include <QDBusReply>
#include <QDBusServiceWatcher>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSerialPort>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <bit>
#include <random>
#include <string>

using namespace std::chrono_literals;
using namespace Qt::StringLiterals;
using p1::test::PtyPair;

namespace {

// Short windows keep the whole test well under a minute; the daemon's default is 12 s.
constexpr int kProbeTimeoutMs = 750;
// Auto baud tries 115200 and 9600, one window each.
constexpr int kProbeSpanMs = 2 * kProbeTimeoutMs;
// Start-up, a loaded CI machine, process exit.
constexpr int kExitMarginMs = 3000;
// What the writer waits between chunks; a meter sends a telegram every kTelegramTicks.
constexpr int kTickMs = 50;
constexpr int kTelegramTicks = 4;

QString program()
{
    return QStringLiteral(P1_BIN_DIR "/dbus-p1");
}

/// What a device on the far end of a port sends.
enum class Feed
{
    Silent,
    Gps, ///< NMEA sentences at 4800/9600 baud, the usual USB GPS
    VeDirect, ///< a Victron solar charger's text protocol, checksummed blocks
    Modem, ///< AT commands, result codes, unsolicited reports
    RandomBinary,
    Slashes, ///< nothing but '/': every byte could start a telegram
    HalfTelegrams, ///< each cut off by the next header
    BadCrc, ///< whole telegrams whose CRC never matches
    NoObjects, ///< `/XXX5 ident` + `!CRC`: framed and checksummed, but nothing in it
    Meter, ///< DSMR 5 three-phase with gas
    Meter7E1, ///< DSMR 2.2 at 9600 7E1, read 8N1: the parity bit lands in bit 7
    MeterSinglePhase, ///< DSMR 5 single phase, no gas meter
    GpsThenMeter,
};

// A plausible GPS receiver: one fix per second, split over ticks.
QByteArray gpsChunk(int tick)
{
    static const char *const sentences[] = {
        "$GPGGA,123519.00,4807.03812,N,01131.00024,E,1,08,0.9,545.4,M,46.9,M,,*47\r\n",
        "$GPGSA,A,3,04,05,,09,12,,,24,,,,,2.5,1.3,2.1*39\r\n",
        "$GPGSV,2,1,08,01,40,083,46,02,17,308,41,12,07,344,39,14,22,228,45*75\r\n",
        "$GPRMC,123519.00,A,4807.03812,N,01131.00024,E,0.022,,251126,,,A*6A\r\n",
        "$GPVTG,,T,,M,0.022,N,0.041,K,A*2B\r\n",
    };
    return QByteArray(sentences[tick % std::size(sentences)]);
}

// A VE.Direct text block: the bytes of the whole block, checksum byte included, sum to 0 mod 256.
QByteArray veDirectBlock(int n)
{
    QByteArray block = "\r\nPID\t0xA053\r\nFW\t159\r\nSER#\tHQ2132ABCDE\r\nV\t"
        + QByteArray::number(12800 + n % 50) + "\r\nI\t-1200\r\nVPV\t35210\r\nPPV\t"
        + QByteArray::number(n % 200) + "\r\nCS\t3\r\nMPPT\t2\r\nOR\t0x00000000\r\nERR\t0\r\n"
        + "LOAD\tON\r\nIL\t1200\r\nH19\t10345\r\nH20\t12\r\nH21\t56\r\nH22\t10\r\nH23\t70\r\n"
        + "HSDS\t123\r\nChecksum\t";
    unsigned sum = 0;
    for (const char c : block)
        sum += static_cast<unsigned char>(c);
    block += char((256 - sum % 256) % 256);
    return block;
}

QByteArray veDirectChunk(int tick)
{
    // A block a second, with a HEX-protocol frame between (":" ... "\n"), as MPPTs send both.
    if (tick % 20 == 0)
        return veDirectBlock(tick / 20);
    if (tick % 20 == 10)
        return QByteArray(":A4F10000100C8\n");
    return {};
}

QByteArray modemChunk(int tick)
{
    static const char *const lines[] = {
        "AT\r\r\nOK\r\n",
        "ATI\r\r\nQuectel\r\nEC25\r\nRevision: EC25EFAR06A06M4G\r\n\r\nOK\r\n",
        "\r\n+CREG: 0,5\r\n",
        "AT+CSQ\r\r\n+CSQ: 21,99\r\n\r\nOK\r\n",
        "\r\nRING\r\n\r\n+CLIP: \"+31201234567\",145,\"\",0,\"\",0\r\n",
        "\r\n+CMTI: \"SM\",3\r\n",
        "\r\nNO CARRIER\r\n",
        "ATD*99#\r\r\nCONNECT 150000000\r\n~\x7d\x23\xc0\x21\x7d\x21\x7d\x21\x7d\x20\x7d\x34~",
    };
    return QByteArray(lines[tick % std::size(lines)]);
}

QByteArray dsmr5(int n)
{
    // A new timestamp (and so a new CRC) every telegram, like a real meter.
    const std::string ts =
        QStringLiteral("2611251430%1W").arg(n % 60, 2, 10, QLatin1Char('0')).toStdString();
    return QByteArray::fromStdString(p1::test::dsmr5ThreePhase(ts));
}

QByteArray dsmr22With7E1Parity()
{
    QByteArray bytes = QByteArray::fromStdString(p1::test::dsmr22());
    for (char &c : bytes) {
        const auto b = static_cast<unsigned char>(c & 0x7F);
        c = char(std::popcount(unsigned(b)) % 2 ? (b | 0x80) : b); // even parity in bit 7
    }
    return bytes;
}

QByteArray feedChunk(Feed feed, int tick, std::mt19937 &rng)
{
    const bool telegramTick = tick % kTelegramTicks == 0;
    switch (feed) {
    case Feed::Silent:
        return {};
    case Feed::Gps:
        return gpsChunk(tick);
    case Feed::VeDirect:
        return veDirectChunk(tick);
    case Feed::Modem:
        return modemChunk(tick);
    case Feed::RandomBinary: {
        QByteArray bytes(64, Qt::Uninitialized);
        for (char &c : bytes)
            c = char(rng() & 0xFF);
        return bytes;
    }
    case Feed::Slashes:
        return QByteArray(128, '/');
    case Feed::HalfTelegrams: {
        if (!telegramTick)
            return {};
        // Cut at a line end, so the next header (at a line start) restarts: "Truncated".
        const QByteArray t = dsmr5(tick);
        return t.left(t.indexOf("\r\n", t.size() / 2) + 2);
    }
    case Feed::BadCrc: {
        if (!telegramTick)
            return {};
        QByteArray t = dsmr5(tick);
        const qsizetype bang = t.lastIndexOf('!');
        t[bang + 1] = t[bang + 1] == '0' ? '1' : '0'; // the first CRC digit, wrong
        return t;
    }
    case Feed::NoObjects:
        return telegramTick
            ? QByteArray::fromStdString(p1::test::buildTelegram("XMX5LGBBFG1009", {}))
            : QByteArray();
    case Feed::Meter:
        return telegramTick ? dsmr5(tick) : QByteArray();
    case Feed::Meter7E1:
        return telegramTick ? dsmr22With7E1Parity() : QByteArray();
    case Feed::MeterSinglePhase:
        return telegramTick ? QByteArray::fromStdString(p1::test::dsmr5SinglePhase())
                            : QByteArray();
    case Feed::GpsThenMeter:
        if (tick * kTickMs < 700)
            return gpsChunk(tick);
        return telegramTick ? dsmr5(tick) : QByteArray();
    }
    return {};
}

/// Feeds a port on a timer until destroyed.
class Device
{
public:
    Device(PtyPair &pty, Feed feed, int startDelayMs = 0)
        : m_pty(pty)
        , m_feed(feed)
        , m_startTick(startDelayMs / kTickMs)
    {
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const int tick = m_tick++;
            if (tick >= m_startTick)
                m_pty.offer(feedChunk(m_feed, tick - m_startTick, m_rng));
        });
        m_timer.start(kTickMs);
    }

private:
    PtyPair &m_pty;
    Feed m_feed;
    int m_startTick;
    int m_tick = 0;
    std::mt19937 m_rng {20261125};
    QTimer m_timer;
};

/// Every com.victronenergy name that appears on the test bus while it lives.
class NameRecorder : public QObject
{
    Q_OBJECT

public:
    NameRecorder()
    {
        QDBusConnection::sessionBus().connect(u"org.freedesktop.DBus"_s, u"/org/freedesktop/DBus"_s,
            u"org.freedesktop.DBus"_s, u"NameOwnerChanged"_s, this,
            SLOT(onNameOwnerChanged(QString, QString, QString)));
    }
    QStringList claimed;

private Q_SLOTS:
    // The one string-based connection: QDBusConnection::connect has no functor form in Qt 6.4.
    void onNameOwnerChanged(const QString &name, const QString &, const QString &newOwner)
    {
        if (name.startsWith(u"com.victronenergy."_s) && !newOwner.isEmpty())
            claimed << name;
    }
};

/// dbus-p1 in a QProcess, its stderr kept for the failure message.
class Daemon
{
public:
    explicit Daemon(const QStringList &arguments)
    {
        m_process.setProgram(program());
        m_process.setArguments(arguments);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_clock.start();
        m_process.start();
    }
    ~Daemon()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    /// Waits up to \a ms for the process to end (the event loop runs meanwhile); the elapsed
    /// time since start, or -1 when it did not end.
    qint64 waitForExit(int ms)
    {
        if (m_process.state() != QProcess::NotRunning) {
            QSignalSpy spy(&m_process, &QProcess::finished);
            if (!spy.wait(ms))
                return -1;
        }
        if (m_exitedAt < 0)
            m_exitedAt = m_clock.elapsed();
        return m_exitedAt;
    }
    /// Until the log holds \a text; false when the process ended or \a ms passed first.
    bool waitForLog(const QString &text, int ms)
    {
        QDeadlineTimer deadline(ms);
        QSignalSpy output(&m_process, &QProcess::readyReadStandardError);
        while (!log().contains(text)) {
            if (m_process.state() == QProcess::NotRunning || deadline.hasExpired())
                return false;
            if (output.isEmpty())
                output.wait(int(std::max<qint64>(1, deadline.remainingTime())));
            output.clear();
        }
        return true;
    }
    QProcess &process() { return m_process; }
    qint64 elapsed() const { return m_clock.elapsed(); }
    QString log()
    {
        m_log += QString::fromUtf8(m_process.readAllStandardError());
        return m_log;
    }

private:
    QProcess m_process;
    QElapsedTimer m_clock;
    QString m_log;
    qint64 m_exitedAt = -1;
};

QStringList probeArguments(const QString &port)
{
    return {u"--dbus"_s, u"session"_s, u"--probe-timeout"_s,
        QString::number(kProbeTimeoutMs / 1000.0), u"--settings-timeout"_s, u"0"_s, u"--timeout"_s,
        u"5"_s, port};
}

} // namespace

Q_DECLARE_METATYPE(Feed)

class TestDaemonProbe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void noMeterExitsOne_data();
    void noMeterExitsOne();
    void meterKeepsRunning_data();
    void meterKeepsRunning();

    void detect_data();
    void detect();
    void detectRefusesDecode();
};

void TestDaemonProbe::initTestCase()
{
    if (!PtyPair::available())
        QSKIP("socat is not installed");
    QVERIFY2(QFileInfo::exists(program()), qPrintable(program()));
    QVERIFY2(QDBusConnection::sessionBus().isConnected(), "run under dbus-run-session");
}

void TestDaemonProbe::noMeterExitsOne_data()
{
    QTest::addColumn<Feed>("feed");
    QTest::addColumn<int>(
        "rejects"); // telegram-shaped input: the daemon logs a rejection (-1: may)
    QTest::newRow("silent") << Feed::Silent << 0;
    QTest::newRow("gps-nmea") << Feed::Gps << 0;
    QTest::newRow("vedirect-text-and-hex") << Feed::VeDirect << 0;
    QTest::newRow("modem-at-chatter") << Feed::Modem << 0;
    QTest::newRow("random-binary") << Feed::RandomBinary << -1;
    QTest::newRow("slashes-only") << Feed::Slashes << 0;
    QTest::newRow("half-telegrams") << Feed::HalfTelegrams << 1;
    QTest::newRow("bad-crc-telegrams") << Feed::BadCrc << 1;
    QTest::newRow("telegram-without-objects") << Feed::NoObjects << 1;
}

void TestDaemonProbe::noMeterExitsOne()
{
    QFETCH(Feed, feed);
    QFETCH(int, rejects);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    PtyPair pty(dir.path(), u"port"_s);
    QVERIFY(pty.start());
    NameRecorder names;
    Device device(pty, feed);
    Daemon daemon(probeArguments(pty.port()));

    const qint64 elapsed = daemon.waitForExit(kProbeSpanMs + kExitMarginMs);
    QVERIFY2(elapsed >= 0, qPrintable(u"still running; log:\n"_s + daemon.log()));
    QCOMPARE(daemon.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(daemon.process().exitCode(), 1);
    // Both rates had their window: the probe ends when the second one does, not earlier.
    QVERIFY2(elapsed >= kProbeSpanMs - 100, qPrintable(QString::number(elapsed)));
    const QString log = daemon.log();
    QVERIFY2(log.contains(u"trying 9600 baud"_s), qPrintable(log));
    QVERIFY2(log.contains(u"no P1 meter on"_s), qPrintable(log));
    QVERIFY2(!log.contains(u"meter found"_s), qPrintable(log));
    if (rejects >= 0)
        QCOMPARE(log.contains(u"telegram rejected"_s), rejects == 1);
    QVERIFY2(names.claimed.isEmpty(), qPrintable(names.claimed.join(u' ')));
}

void TestDaemonProbe::meterKeepsRunning_data()
{
    QTest::addColumn<Feed>("feed");
    QTest::addColumn<int>("startDelayMs");
    QTest::addColumn<bool>("bareName");
    QTest::addColumn<bool>("gas");
    QTest::addColumn<QString>("serial");

    const QString dsmr5Serial = u"E0062000013122923"_s;
    QTest::newRow("dsmr5-at-once") << Feed::Meter << 0 << false << true << dsmr5Serial;
    // The meter appears in the second (9600 baud) window: still found, still not given back.
    QTest::newRow("dsmr5-in-second-window")
        << Feed::Meter << kProbeTimeoutMs + 200 << false << true << dsmr5Serial;
    QTest::newRow("dsmr5-after-gps-noise")
        << Feed::GpsThenMeter << 0 << false << true << dsmr5Serial;
    QTest::newRow("dsmr22-7e1-parity")
        << Feed::Meter7E1 << 0 << false << true << u"ZBEV005091207612"_s;
    // As serial-starter passes it: a bare name under /dev ("ttyUSB0"; here "pts/N").
    QTest::newRow("dsmr5-bare-name") << Feed::Meter << 0 << true << true << dsmr5Serial;
}

void TestDaemonProbe::meterKeepsRunning()
{
    QFETCH(Feed, feed);
    QFETCH(int, startDelayMs);
    QFETCH(bool, bareName);
    QFETCH(bool, gas);
    QFETCH(QString, serial);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    PtyPair pty(dir.path(), u"p1-cable"_s);
    QVERIFY(pty.start());

    // The daemon names its services after the port's file name, sanitised: serial-starter's
    // "ttyUSB0" gives p1_ttyUSB0, "/tmp/x/p1-cable" p1_p1_cable, "pts/3" p1_3.
    QString port = pty.port();
    QString suffix = u"p1_cable"_s;
    if (bareName) {
        QVERIFY2(pty.target().startsWith(u"/dev/pts/"_s), qPrintable(pty.target()));
        port = pty.target().mid(5); // "pts/3"
        suffix = pty.target().section(u'/', -1);
    }
    const QString gridName = u"com.victronenergy.grid.p1_"_s + suffix;
    const QString gasName = u"com.victronenergy.pulsemeter.p1_"_s + suffix + u"_gas"_s;

    QDBusServiceWatcher watcher(gridName, QDBusConnection::sessionBus(),
        QDBusServiceWatcher::WatchForRegistration | QDBusServiceWatcher::WatchForUnregistration);
    QSignalSpy registered(&watcher, &QDBusServiceWatcher::serviceRegistered);
    QSignalSpy unregistered(&watcher, &QDBusServiceWatcher::serviceUnregistered);
    Device device(pty, feed, startDelayMs);
    Daemon daemon(probeArguments(port));

    QVERIFY2(registered.wait(kProbeSpanMs + kExitMarginMs),
        qPrintable(u"no "_s + gridName + u"; log:\n"_s + daemon.log()));
    QCOMPARE(registered.constFirst().constFirst().toString(), gridName);

    // Past both probe windows and a margin: a found meter keeps the port.
    const qint64 untilPastProbe = kProbeSpanMs + 1000 - daemon.elapsed();
    if (untilPastProbe > 0)
        QTest::qWait(int(untilPastProbe));
    QVERIFY2(daemon.process().state() == QProcess::Running, qPrintable(daemon.log()));
    QVERIFY2(daemon.log().contains(u"meter found"_s), qPrintable(daemon.log()));

    QDBusInterface serialItem(
        gridName, u"/Serial"_s, u"com.victronenergy.BusItem"_s, QDBusConnection::sessionBus());
    const QDBusReply<QDBusVariant> value = serialItem.call(u"GetValue"_s);
    QVERIFY2(value.isValid(), qPrintable(value.error().message()));
    QCOMPARE(value.value().variant().toString(), serial);
    QCOMPARE(QDBusConnection::sessionBus().interface()->isServiceRegistered(gasName).value(), gas);

    // SIGTERM: the daemon leaves the bus and exits 0.
    daemon.process().terminate();
    QVERIFY(daemon.waitForExit(5000) >= 0);
    QCOMPARE(daemon.process().exitCode(), 0);
    QVERIFY(unregistered.count() == 1 || unregistered.wait(2000));
}

void TestDaemonProbe::detect_data()
{
    QTest::addColumn<QList<Feed>>("feeds"); // one port each
    QTest::addColumn<QList<int>>("startDelaysMs");
    QTest::addColumn<int>("busyPort"); // held open by another process; -1 none
    QTest::addColumn<int>("meterPort"); // -1: no meter anywhere
    QTest::addColumn<int>("baud");
    QTest::addColumn<QString>("version"); // empty: null
    QTest::addColumn<QString>("ident");
    QTest::addColumn<QString>("equipmentId");
    QTest::addColumn<bool>("gas");
    QTest::addColumn<int>("crcOk");
    QTest::addColumn<int>("noCrc");

    const QString dsmr5Ident = u"Ene5\\T210-D ESMR5.0"_s;
    QTest::newRow("dsmr5-among-four")
        << QList<Feed> {Feed::Silent, Feed::Gps, Feed::Meter, Feed::BadCrc}
        << QList<int> {0, 0, 0, 0} << -1 << 2 << 115200 << u"50"_s << dsmr5Ident
        << u"E0062000013122923"_s << true << 2 << 0;
    // Found in the second window: the JSON names the rate that worked.
    QTest::newRow("dsmr22-7e1-at-9600-among-three")
        << QList<Feed> {Feed::Modem, Feed::VeDirect, Feed::Meter7E1}
        << QList<int> {0, 0, kProbeTimeoutMs + 200} << -1 << 2 << 9600 << QString()
        << u"KMP5 ZABF001587315111"_s << u"ZBEV005091207612"_s << true << 0 << 2;
    QTest::newRow("single-phase-no-gas-first-of-two")
        << QList<Feed> {Feed::MeterSinglePhase, Feed::RandomBinary} << QList<int> {0, 0} << -1 << 0
        << 115200 << u"50"_s << u"ISK5\\2M550E-1012"_s << u"E0043007052870318"_s << false << 2 << 0;
    // A port a running daemon holds: reported with its error, the others still scanned.
    QTest::newRow("dsmr5-beside-a-busy-port")
        << QList<Feed> {Feed::Meter, Feed::Meter} << QList<int> {0, 0} << 0 << 1 << 115200
        << u"50"_s << dsmr5Ident << u"E0062000013122923"_s << true << 2 << 0;
    QTest::newRow("no-meter") << QList<Feed> {Feed::Silent, Feed::Gps, Feed::BadCrc,
        Feed::HalfTelegrams} << QList<int> {0, 0, 0, 0}
                              << -1 << -1 << 0 << QString() << QString() << QString() << false << 0
                              << 0;
}

void TestDaemonProbe::detect()
{
    QFETCH(QList<Feed>, feeds);
    QFETCH(QList<int>, startDelaysMs);
    QFETCH(int, busyPort);
    QFETCH(int, meterPort);
    QFETCH(int, baud);
    QFETCH(QString, version);
    QFETCH(QString, ident);
    QFETCH(QString, equipmentId);
    QFETCH(bool, gas);
    QFETCH(int, crcOk);
    QFETCH(int, noCrc);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::vector<std::unique_ptr<PtyPair>> ptys;
    std::vector<std::unique_ptr<Device>> devices;
    QStringList ports;
    for (qsizetype i = 0; i < feeds.size(); ++i) {
        ptys.push_back(std::make_unique<PtyPair>(dir.path(), u"port%1"_s.arg(i)));
        QVERIFY(ptys.back()->start());
        ports << ptys.back()->port();
    }
    QSerialPort holder;
    if (busyPort >= 0) {
        holder.setPortName(ports.at(busyPort));
        QVERIFY2(holder.open(QIODevice::ReadOnly), qPrintable(holder.errorString()));
    }
    Daemon daemon(
        QStringList {u"--detect"_s, u"--probe-timeout"_s, QString::number(kProbeTimeoutMs / 1000.0)}
        + ports);
    // The start delays count from the daemon's scan, not from its launch: a slow start (the
    // armhf build under emulation takes over a second) must not shift a meter that starts
    // talking in the second window into the first.
    QVERIFY2(daemon.waitForLog(u"scanning "_s, 15000), qPrintable(daemon.log()));
    for (qsizetype i = 0; i < feeds.size(); ++i)
        devices.push_back(
            std::make_unique<Device>(*ptys[std::size_t(i)], feeds.at(i), startDelaysMs.at(i)));
    // PortDetector's deadline: both windows and its margin, however many ports.
    const qint64 elapsed = daemon.waitForExit(kProbeSpanMs + 1500 + kExitMarginMs);
    QVERIFY2(elapsed >= 0, qPrintable(u"still running; log:\n"_s + daemon.log()));
    const QString log = daemon.log();
    QCOMPARE(daemon.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(daemon.process().exitCode(), meterPort >= 0 ? 0 : 1);
    QVERIFY2(log.contains(u"scanning %1 port(s)"_s.arg(ports.size())), qPrintable(log));

    const QList<QByteArray> lines = daemon.process().readAllStandardOutput().trimmed().split('\n');
    QCOMPARE(lines.size(), ports.size());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QJsonParseError error {};
        const QJsonObject o = QJsonDocument::fromJson(lines.at(i), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, lines.at(i).constData());
        // Keys in the documented order, port first.
        QVERIFY2(lines.at(i).startsWith("{\"port\":"), lines.at(i).constData());
        QCOMPARE(o.value(u"port"_s).toString(), ports.at(i));
        if (i == busyPort) {
            QCOMPARE(o.value(u"found"_s).toBool(), false);
            QCOMPARE(o.value(u"error"_s).toString(), u"busy"_s);
            continue;
        }
        QVERIFY2(!o.contains(u"error"_s), lines.at(i).constData());
        if (i != meterPort) {
            QCOMPARE(o.value(u"found"_s).toBool(), false);
            for (const auto &key : {u"baud"_s, u"version"_s, u"ident"_s, u"equipmentId"_s})
                QVERIFY2(o.value(key).isNull(), qPrintable(key));
            QCOMPARE(o.value(u"gas"_s).toBool(), false);
            QCOMPARE(o.value(u"crcOk"_s).toInt(), 0);
            QCOMPARE(o.value(u"noCrc"_s).toInt(), 0);
            QCOMPARE(o.value(u"bytes"_s).toInteger() > 0, feeds.at(i) != Feed::Silent);
            if (feeds.at(i) != Feed::RandomBinary) // may hold '/' ... '!' by chance
                QCOMPARE(o.value(u"rejected"_s).toInt() > 0,
                    feeds.at(i) == Feed::BadCrc || feeds.at(i) == Feed::HalfTelegrams);
            continue;
        }
        QCOMPARE(o.value(u"found"_s).toBool(), true);
        QCOMPARE(o.value(u"baud"_s).toInt(), baud);
        if (version.isEmpty())
            QVERIFY(o.value(u"version"_s).isNull());
        else
            QCOMPARE(o.value(u"version"_s).toString(), version);
        QCOMPARE(o.value(u"ident"_s).toString(), ident);
        QCOMPARE(o.value(u"equipmentId"_s).toString(), equipmentId);
        QCOMPARE(o.value(u"gas"_s).toBool(), gas);
        QCOMPARE(o.value(u"crcOk"_s).toInt(), crcOk);
        QCOMPARE(o.value(u"noCrc"_s).toInt(), noCrc);
        QCOMPARE(o.value(u"rejected"_s).toInt(), 0);
    }
}

void TestDaemonProbe::detectRefusesDecode()
{
    Daemon daemon({u"--detect"_s, u"--decode"_s, u"-"_s});
    QVERIFY(daemon.waitForExit(10000) >= 0);
    QCOMPARE(daemon.process().exitCode(), 2);
    QVERIFY2(daemon.log().contains(u"--detect and --decode"_s), qPrintable(daemon.log()));
    QVERIFY(daemon.process().readAllStandardOutput().isEmpty());
}

QTEST_GUILESS_MAIN(TestDaemonProbe)
#include "tst_daemonprobe.moc"
