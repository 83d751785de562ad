// End to end: the real dbus-p1 binary on a real pty pair (socat) or a local socat TCP server,
// publishing on a private bus (this test runs under dbus-run-session), checked by an
// independent client connection.

#include "fakesettings.h"
#include "ptypair.h"
#include "sampletelegrams.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusPendingCallWatcher>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;
using p1::test::PtyPair;

namespace {

using ItemMap = QMap<QString, QVariantMap>;
const QString kBin = QStringLiteral(P1_BIN_DIR "/dbus-p1");

class Daemon
{
public:
    void start(const QStringList &arguments)
    {
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.setReadChannel(QProcess::StandardError);
        process.start(kBin, QStringList {u"--dbus"_s, u"session"_s} + arguments);
    }
    // Until the daemon says it has opened its serial port. Only then may the meter write: from
    // Qt 6.5 QSerialPort flushes a port's input when it opens it (stale bytes of a real port),
    // so a telegram written before is gone, and the daemon, slow to start under emulation, would
    // wait for the next one.
    bool waitForOpened(int timeoutMs = 15000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!m_log.contains(u": opened "_s)) {
            if (process.state() == QProcess::NotRunning || deadline.hasExpired())
                return false;
            process.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
            m_log += QString::fromLocal8Bit(process.readAllStandardError());
        }
        return true;
    }
    ~Daemon()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished();
        }
    }
    QString log()
    {
        m_log += QString::fromLocal8Bit(process.readAllStandardError());
        return m_log;
    }
    QProcess process;

private:
    QString m_log;
};

// An independent client on its own connection, as a Venus consumer.
class Client : public QObject
{
    Q_OBJECT
public:
    Client()
        : bus(QDBusConnection::connectToBus(
            QDBusConnection::SessionBus, u"client-%1"_s.arg(++s_count)))
    {
        qDBusRegisterMetaType<ItemMap>();
    }
    ~Client() override { QDBusConnection::disconnectFromBus(bus.name()); }
    bool hasService(const QString &name) { return bus.interface()->isServiceRegistered(name); }
    QVariant value(const QString &service, const QString &path)
    {
        auto m = QDBusMessage::createMethodCall(
            service, path, u"com.victronenergy.BusItem"_s, u"GetValue"_s);
        QDBusPendingCallWatcher w(bus.asyncCall(m, 5000));
        w.waitForFinished();
        return w.reply().arguments().value(0).value<QDBusVariant>().variant();
    }
    void watch(const QString &service)
    {
        QVERIFY(bus.connect(service, u"/"_s, u"com.victronenergy.BusItem"_s, u"ItemsChanged"_s,
            this, SLOT(onItemsChanged(QDBusMessage))));
    }
    /// PropertiesChanged on any path of \a service.
    void watchProperties(const QString &service)
    {
        QVERIFY(bus.connect(service, QString(), u"com.victronenergy.BusItem"_s,
            u"PropertiesChanged"_s, this, SLOT(onPropertiesChanged(QDBusMessage))));
    }
    QStringList timestamps() const
    {
        QStringList out;
        for (const ItemMap &c : changes)
            if (c.contains(u"/P1/Timestamp"_s))
                out << c.value(u"/P1/Timestamp"_s).value(u"Value"_s).toString();
        return out;
    }
    QDBusConnection bus;
    QList<ItemMap> changes;
    QStringList propertiesChangedPaths;
Q_SIGNALS:
    void itemsChanged();
private Q_SLOTS:
    void onItemsChanged(const QDBusMessage &m)
    {
        changes.append(qdbus_cast<ItemMap>(m.arguments().value(0)));
        Q_EMIT itemsChanged();
    }
    void onPropertiesChanged(const QDBusMessage &m) { propertiesChangedPaths.append(m.path()); }

private:
    static inline int s_count = 0;
};

bool isInvalid(const QVariant &v)
{
    if (!v.canConvert<QDBusArgument>())
        return false;
    const auto arg = v.value<QDBusArgument>();
    return arg.currentSignature() == QLatin1String("ai");
}

std::string telegramAt(int second, const char *power = "00.884")
{
    char ts[16];
    std::snprintf(ts, sizeof ts, "2611251430%02dW", second);
    std::string t = p1::test::dsmr5ThreePhase(ts);
    const auto at = t.find("1-0:1.7.0(00.884*kW)");
    t.replace(at, 20, std::string("1-0:1.7.0(") + power + "*kW)");
    return p1::test::fixCrc(t);
}

std::string withBadCrc(std::string t)
{
    t[t.find("1-0:1.8.1") + 12] ^= 0x01; // one bit flipped in a value
    return t;
}

QString isoAt(int second)
{
    return u"2026-11-25T14:30:%1+01:00"_s.arg(second, 2, 10, QChar(u'0'));
}

const QString kGrid = u"com.victronenergy.grid.p1_ttyP1"_s;
const QString kGas = u"com.victronenergy.pulsemeter.p1_ttyP1_gas"_s;

} // namespace

class TestDaemon : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void publishesExactlyTheGoodTelegrams_data();
    void publishesExactlyTheGoodTelegrams();
    void silenceInvalidatesThenExits();
    void pulledCableExitsWithinSeconds();
    void sigtermLeavesTheBus();
    void instanceAndNameFromSettings();
    void roleSurvivesARestart();
    void gasServiceKinds_data();
    void gasServiceKinds();
    void simulatorShowsGridAndTwoPulseMeters();
    void refreshTimeIsTheMeterInterval();
    void tcpSourceAgainstSocatServer();
    void fileSourceExitCodes();
    void verboseLogsEveryTelegram();
    void hugeCustomNameUnderVenusLimits();
    void propertiesChangedOnlyWithTheOption_data();
    void propertiesChangedOnlyWithTheOption();

private:
    QTemporaryDir m_dir;
};

void TestDaemon::publishesExactlyTheGoodTelegrams_data()
{
    QTest::addColumn<bool>("awkward");
    QTest::newRow("whole-telegrams") << false;
    QTest::newRow("split-inside-crc-and-header") << true;
}

void TestDaemon::publishesExactlyTheGoodTelegrams()
{
    QFETCH(bool, awkward);
    QTemporaryDir dir;
    PtyPair pty(dir.path());
    QVERIFY(pty.start());
    Daemon daemon;
    daemon.start({u"--settings-timeout"_s, u"0"_s, u"--baud"_s, u"115200"_s, pty.port()});
    QVERIFY2(daemon.waitForOpened(), qPrintable(daemon.log()));
    Client client;

    pty.write(telegramAt(1));
    QTRY_VERIFY_WITH_TIMEOUT(client.hasService(kGrid), 5000);
    client.watch(kGrid);
    QCOMPARE(client.value(kGrid, u"/P1/Timestamp"_s).toString(), isoAt(1));
    QCOMPARE(client.value(kGrid, u"/Ac/Power"_s).toDouble(), 884.0);
    QCOMPARE(client.value(kGrid, u"/Connected"_s).toInt(), 1);
    QVERIFY(client.hasService(kGas));
    QCOMPARE(client.value(kGas, u"/Aggregate"_s).toDouble(), 4567.89);

    QSignalSpy changed(&client, &Client::itemsChanged);
    const std::string bad = withBadCrc(telegramAt(2, "01.000"));
    const std::string good3 = telegramAt(3, "01.100");
    const std::string good4 = telegramAt(4, "01.200");
    if (awkward) {
        // Cut inside the bad telegram, between '!' and its CRC, inside the CRC digits and in
        // the next header: the framer must not care.
        const std::string all = bad + good3 + good4;
        const std::size_t bang = bad.rfind('!');
        pty.writeSplit(all,
            {100, bang + 1, bang + 3, bad.size() + 3, bad.size() + good3.size() - 2,
                bad.size() + good3.size() + 1});
    } else {
        pty.write(bad);
        pty.write(good3);
        pty.write(good4);
    }
    QTRY_COMPARE_WITH_TIMEOUT(client.timestamps().size(), 2, 5000);
    QTest::qWait(300);
    QCOMPARE(client.timestamps(), (QStringList {isoAt(3), isoAt(4)}));
    QCOMPARE(client.value(kGrid, u"/Ac/Power"_s).toDouble(), 1200.0);
    for (const ItemMap &c : std::as_const(client.changes))
        QVERIFY(c.value(u"/Ac/Power"_s).value(u"Value"_s).toDouble() != 1000.0);
}

void TestDaemon::silenceInvalidatesThenExits()
{
    QTemporaryDir dir;
    PtyPair pty(dir.path());
    QVERIFY(pty.start());
    Daemon daemon;
    daemon.start({u"--settings-timeout"_s, u"0"_s, u"--timeout"_s, u"1"_s, u"--baud"_s, u"115200"_s,
        pty.port()});
    QVERIFY2(daemon.waitForOpened(), qPrintable(daemon.log()));
    Client client;
    pty.write(telegramAt(1));
    QTRY_VERIFY_WITH_TIMEOUT(client.hasService(kGrid), 5000);
    client.watch(kGrid);
    QSignalSpy changed(&client, &Client::itemsChanged);
    // No more telegrams: within the timeout the values go invalid, then the daemon exits (3)
    // so serial-starter can re-probe the port.
    QVERIFY(daemon.process.waitForFinished(4000));
    QCOMPARE(daemon.process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(daemon.process.exitCode(), 3);
    QTRY_VERIFY(!client.changes.isEmpty());
    const ItemMap last = client.changes.constLast();
    QCOMPARE(last.value(u"/Connected"_s).value(u"Value"_s).toInt(), 0);
    QVERIFY(isInvalid(last.value(u"/Ac/Power"_s).value(u"Value"_s)));
    QVERIFY(isInvalid(last.value(u"/Ac/L1/Voltage"_s).value(u"Value"_s)));
    QTRY_VERIFY(!client.hasService(kGrid));
}

void TestDaemon::pulledCableExitsWithinSeconds()
{
    QTemporaryDir dir;
    PtyPair pty(dir.path());
    QVERIFY(pty.start());
    Daemon daemon;
    daemon.start({u"--settings-timeout"_s, u"0"_s, u"--timeout"_s, u"60"_s, pty.port()});
    QVERIFY2(daemon.waitForOpened(), qPrintable(daemon.log()));
    Client client;
    pty.write(telegramAt(1));
    QTRY_VERIFY_WITH_TIMEOUT(client.hasService(kGrid), 5000);
    QElapsedTimer timer;
    timer.start();
    pty.unplug();
    QVERIFY(daemon.process.waitForFinished(5000));
    QCOMPARE(daemon.process.exitCode(), 3);
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
}

void TestDaemon::sigtermLeavesTheBus()
{
    QTemporaryDir dir;
    PtyPair pty(dir.path());
    QVERIFY(pty.start());
    Daemon daemon;
    daemon.start({u"--settings-timeout"_s, u"0"_s, pty.port()});
    QVERIFY2(daemon.waitForOpened(), qPrintable(daemon.log()));
    Client client;
    pty.write(telegramAt(1));
    QTRY_VERIFY_WITH_TIMEOUT(client.hasService(kGrid) && client.hasService(kGas), 5000);
    ::kill(pid_t(daemon.process.processId()), SIGTERM);
    QVERIFY(daemon.process.waitForFinished(3000));
    QCOMPARE(daemon.process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(daemon.process.exitCode(), 0);
    QVERIFY(!client.hasService(kGrid));
    QVERIFY(!client.hasService(kGas));
}

void TestDaemon::instanceAndNameFromSettings()
{
    QDBusConnection settingsBus =
        QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"settings"_s);
    p1::test::FakeSettings settings(settingsBus);
    QVERIFY(settings.start());
    settings.values.insert(u"/Settings/Devices/cgwacs_ttyUSB1/ClassAndVrmInstance"_s, u"grid:40"_s);
    settings.values.insert(u"/Settings/Devices/p1_E0062000013122923/CustomName"_s, u"Hoofdmeter"_s);

    QTemporaryDir dir;
    PtyPair pty(dir.path());
    QVERIFY(pty.start());
    Daemon daemon;
    daemon.start({pty.port()});
    QVERIFY2(daemon.waitForOpened(), qPrintable(daemon.log()));
    Client client;
    pty.write(telegramAt(1));
    QTRY_VERIFY_WITH_TIMEOUT(client.hasService(kGrid) && client.hasService(kGas), 5000);
    QCOMPARE(client.value(kGrid, u"/DeviceInstance"_s).toInt(), 41);
    QCOMPARE(client.value(kGrid, u"/CustomName"_s).toString(), u"Hoofdmeter"_s);
    QCOMPARE(client.value(kGas, u"/DeviceInstance"_s).toInt(), 40);
    // The gas pulse meter has a setting of its own, class pulsemeter (a gasmeter service kept
    // "gasmeter:N" under p1_<serial>, which localsettings would hand back unchanged).
    QCOMPARE(
        settings.values.value(u"/Settings/Devices/p1_G0039001936990619_gas/ClassAndVrmInstance"_s)
            .toString(),
        u"pulsemeter:40"_s);
    QCOMPARE(client.value(kGas, u"/CustomName"_s).toString(), u"Gas meter"_s);
    // The GUI renames the meter: persisted in the settings service.
    auto m = QDBusMessage::createMethodCall(
        kGrid, u"/CustomName"_s, u"com.victronenergy.BusItem"_s, u"SetValue"_s);
    m.setArguments({QVariant::fromValue(QDBusVariant(u"Meterkast"_s))});
    QDBusPendingCallWatcher w(client.bus.asyncCall(m));
    QTRY_VERIFY(w.isFinished());
    QCOMPARE(w.reply().arguments().value(0).toInt(), 0);
    QTRY_COMPARE(
        settings.values.value(u"/Settings/Devices/p1_E0062000013122923/CustomName"_s).toString(),
        u"Meterkast"_s);
}

void TestDaemon::roleSurvivesARestart()
{
    // Issue 10 item 4 with the real process: /Role written as gui-v2's PageAcInSetup.qml does,
    // the service moves, and the next dbus-p1 (serial-starter restarts it) comes up as an AC
    // load. The stand-in keeps ClassAndVrmInstance as localsettings does (fakesettings.h).
    QDBusConnection settingsBus =
        QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"settings-role"_s);
    p1::test::FakeSettings settings(settingsBus);
    QVERIFY(settings.start());
    const QString acload = u"com.victronenergy.acload.p1_ttyP1"_s;
    const QString setting = u"/Settings/Devices/p1_E0062000013122923/ClassAndVrmInstance"_s;

    QTemporaryDir dir;
    PtyPair pty(dir.path());
    QVERIFY(pty.start());
    Client client;
    {
        Daemon daemon;
        daemon.start({u"--gas-service"_s, u"none"_s, pty.port()});
        QVERIFY2(daemon.waitForOpened(), qPrintable(daemon.log()));
        pty.write(telegramAt(1));
        QTRY_VERIFY_WITH_TIMEOUT(client.hasService(kGrid), 5000);
        auto m = QDBusMessage::createMethodCall(
            kGrid, u"/Role"_s, u"com.victronenergy.BusItem"_s, u"SetValue"_s);
        m.setArguments({QVariant::fromValue(QDBusVariant(u"acload"_s))});
        QDBusPendingCallWatcher w(client.bus.asyncCall(m));
        QTRY_VERIFY(w.isFinished());
        QCOMPARE(w.reply().arguments().value(0).toInt(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(client.hasService(acload) && !client.hasService(kGrid), 5000);
        QCOMPARE(settings.values.value(setting).toString(), u"acload:40"_s);
        QCOMPARE(client.value(acload, u"/IsGenericEnergyMeter"_s).toInt(), 1);
        ::kill(pid_t(daemon.process.processId()), SIGTERM);
        QVERIFY(daemon.process.waitForFinished(3000));
        QCOMPARE(daemon.process.exitCode(), 0);
    }
    QVERIFY(!client.hasService(acload));

    Daemon again;
    again.start({u"--gas-service"_s, u"none"_s, pty.port()});
    QVERIFY2(again.waitForOpened(), qPrintable(again.log()));
    pty.write(telegramAt(2));
    QTRY_VERIFY_WITH_TIMEOUT(client.hasService(acload), 5000);
    QCOMPARE(client.value(acload, u"/Role"_s).toString(), u"acload"_s);
    QCOMPARE(client.value(acload, u"/DeviceInstance"_s).toInt(), 40);
    QVERIFY(!client.hasService(kGrid));
}

void TestDaemon::gasServiceKinds_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("service");
    QTest::newRow("gasmeter") << u"gasmeter"_s << u"com.victronenergy.gasmeter.p1_ttyP1"_s;
    QTest::newRow("none") << u"none"_s << QString();
}

void TestDaemon::gasServiceKinds()
{
    QFETCH(QString, kind);
    QFETCH(QString, service);
    QTemporaryDir dir;
    PtyPair pty(dir.path());
    QVERIFY(pty.start());
    Daemon daemon;
    daemon.start({u"--settings-timeout"_s, u"0"_s, u"--gas-service"_s, kind, pty.port()});
    QVERIFY2(daemon.waitForOpened(), qPrintable(daemon.log()));
    Client client;
    pty.write(telegramAt(1));
    QTRY_VERIFY_WITH_TIMEOUT(client.hasService(kGrid), 5000);
    QTest::qWait(300);
    QVERIFY(!client.hasService(kGas));
    if (!service.isEmpty()) {
        QTRY_VERIFY(client.hasService(service));
        QCOMPARE(client.value(service, u"/Aggregate"_s).toDouble(), 4567.89);
    }
}

void TestDaemon::simulatorShowsGridAndTwoPulseMeters()
{
    // The demo: `dbus-p1 sim:` on a private bus shows the grid meter and the gas and water
    // pulse meters (channels 1 and 2 of the simulated meter).
    Daemon daemon;
    daemon.start({u"--settings-timeout"_s, u"0"_s, u"sim:"_s});
    Client client;
    const QString grid = u"com.victronenergy.grid.p1_sim"_s;
    const QString gas = u"com.victronenergy.pulsemeter.p1_sim_gas"_s;
    const QString water = u"com.victronenergy.pulsemeter.p1_sim_water"_s;
    QTRY_VERIFY2_WITH_TIMEOUT(
        client.hasService(grid) && client.hasService(gas) && client.hasService(water),
        qPrintable(daemon.log()), 15000);
    QCOMPARE(client.value(grid, u"/ProductName"_s).toString(), u"P1 smart meter"_s);
    QCOMPARE(client.value(gas, u"/ProductName"_s).toString(), u"P1 gas meter"_s);
    QCOMPARE(client.value(water, u"/ProductName"_s).toString(), u"P1 water meter"_s);
    QCOMPARE(client.value(gas, u"/P1/Channel"_s).toInt(), 1);
    QCOMPARE(client.value(water, u"/P1/Channel"_s).toInt(), 2);
    QVERIFY(client.value(water, u"/Aggregate"_s).toDouble() > 0);
    QCOMPARE(client.value(grid, u"/FirmwareVersion"_s).toString(), u"DSMR 5.0"_s);
}

void TestDaemon::refreshTimeIsTheMeterInterval()
{
    // Telegrams 400 ms apart: /RefreshTime shows the interval in ms, to the nearest 100 ms so
    // that a few ms of jitter do not change the path with every telegram.
    QTemporaryDir dir;
    PtyPair pty(dir.path());
    QVERIFY(pty.start());
    Daemon daemon;
    daemon.start({u"--settings-timeout"_s, u"0"_s, pty.port()});
    QVERIFY2(daemon.waitForOpened(), qPrintable(daemon.log()));
    Client client;
    pty.write(telegramAt(1));
    QTRY_VERIFY_WITH_TIMEOUT(client.hasService(kGrid), 5000);
    for (int second = 2; second <= 4; ++second) {
        QTest::qWait(400);
        pty.write(telegramAt(second));
    }
    QTRY_COMPARE(client.value(kGrid, u"/P1/Timestamp"_s).toString(), isoAt(4));
    const int refresh = client.value(kGrid, u"/RefreshTime"_s).toInt();
    QVERIFY2(refresh >= 400 && refresh <= 800, qPrintable(QString::number(refresh)));
    QCOMPARE(refresh % 100, 0);
}

void TestDaemon::tcpSourceAgainstSocatServer()
{
    // ser2net-style: telnet negotiation first, then telegrams; socat serves the capture once.
    QTemporaryDir dir;
    QFile capture(dir.filePath(u"capture.p1"_s));
    QVERIFY(capture.open(QIODevice::WriteOnly));
    capture.write("\xFF\xFB\x01\xFF\xFB\x03", 6);
    capture.write(QByteArray::fromStdString(
        telegramAt(1) + withBadCrc(telegramAt(2)) + telegramAt(3, "02.000")));
    capture.close();
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    QProcess socat;
    socat.start(u"socat"_s,
        {u"-u"_s, u"OPEN:"_s + capture.fileName(),
            u"TCP-LISTEN:%1,bind=127.0.0.1,reuseaddr"_s.arg(port)});
    QTest::qWait(300);

    Daemon daemon;
    daemon.start({u"--settings-timeout"_s, u"0"_s, u"--timeout"_s, u"1"_s,
        u"tcp://127.0.0.1:%1"_s.arg(port)});
    Client client;
    const QString grid = u"com.victronenergy.grid.p1_127_0_0_1_%1"_s.arg(port);
    QTRY_VERIFY_WITH_TIMEOUT(client.hasService(grid), 5000);
    QTRY_COMPARE(client.value(grid, u"/P1/Timestamp"_s).toString(), isoAt(3));
    QCOMPARE(client.value(grid, u"/Ac/Power"_s).toDouble(), 2000.0);
    // The server is gone: a network source keeps trying, values go invalid after --timeout.
    QVERIFY(socat.state() == QProcess::NotRunning || socat.waitForFinished(3000));
    QTRY_COMPARE_WITH_TIMEOUT(client.value(grid, u"/Connected"_s).toInt(), 0, 4000);
    QVERIFY(isInvalid(client.value(grid, u"/Ac/Power"_s)));
    QCOMPARE(daemon.process.state(), QProcess::Running);
}

void TestDaemon::fileSourceExitCodes()
{
    // A capture replayed to its end is a normal stop (0); a missing one is not (1).
    QTemporaryDir dir;
    QFile capture(dir.filePath(u"capture.p1"_s));
    QVERIFY(capture.open(QIODevice::WriteOnly));
    capture.write(QByteArray::fromStdString(telegramAt(1) + telegramAt(2)));
    capture.close();
    Daemon replay;
    replay.start({u"--settings-timeout"_s, u"0"_s, u"--replay-speed"_s, u"0"_s,
        u"file:"_s + capture.fileName()});
    QVERIFY(replay.process.waitForFinished(5000));
    QCOMPARE(replay.process.exitCode(), 0);
    // A replay that ends is how a replay ends: one info line, no warning.
    const QString log = replay.log();
    QCOMPARE(log.count(u"end of "_s), 1);
    for (const QString &line : log.split(u'\n')) {
        if (line.contains(u"end of "_s))
            QVERIFY2(line.startsWith(u"p1.file: end of "_s), qPrintable(log));
    }
    // Without -v, no line per telegram.
    QVERIFY2(!log.contains(u"p1.daemon: telegram "_s), qPrintable(log));

    Daemon missing;
    missing.start({u"file:"_s + dir.filePath(u"nothing-here.p1"_s)});
    QVERIFY(missing.process.waitForFinished(5000));
    QCOMPARE(missing.process.exitCode(), 1);
    QVERIFY2(missing.log().contains(u"nothing-here.p1"_s), "the log names the file");
}

void TestDaemon::verboseLogsEveryTelegram()
{
    // -v as its help has it: a line per telegram (tst_mediator checks the D-Bus changes too).
    QTemporaryDir dir;
    QFile capture(dir.filePath(u"capture.p1"_s));
    QVERIFY(capture.open(QIODevice::WriteOnly));
    capture.write(QByteArray::fromStdString(telegramAt(1) + telegramAt(2)));
    capture.close();
    Daemon replay;
    replay.start({u"-v"_s, u"--settings-timeout"_s, u"0"_s, u"--replay-speed"_s, u"0"_s,
        u"file:"_s + capture.fileName()});
    QVERIFY(replay.process.waitForFinished(5000));
    QCOMPARE(replay.process.exitCode(), 0);
    const QString log = replay.log();
    QCOMPARE(log.count(u"p1.daemon: telegram "_s), 2);
}

void TestDaemon::hugeCustomNameUnderVenusLimits()
{
    // An 8 MB SetValue on /CustomName under the Venus run script's limits (softlimit -a 100 MB,
    // -s 1 MB, here as ulimit in KiB): refused, and the daemon lives on and keeps answering.
    const QString bash = QStandardPaths::findExecutable(u"bash"_s);
    if (bash.isEmpty())
        QSKIP("needs bash for ulimit");
    // Under qemu-user (scripts/test-target.sh sets P1_EMULATOR) the address-space limit cannot
    // be given: qemu reserves the guest's address space and its code buffer up front and would
    // not start. The stack limit and the 8 MB write stay.
    const QString limits = qEnvironmentVariableIsSet("P1_EMULATOR") ? u"ulimit -s 1000"_s
                                                                    : u"ulimit -v 100000 -s 1000"_s;
    QTemporaryDir dir;
    PtyPair pty(dir.path());
    QVERIFY(pty.start());
    Daemon daemon;
    daemon.process.setReadChannel(QProcess::StandardError);
    daemon.process.start(bash,
        {u"-c"_s, limits + u" && exec \"$0\" \"$@\""_s, kBin, u"--dbus"_s, u"session"_s,
            u"--settings-timeout"_s, u"0"_s, u"--baud"_s, u"115200"_s, pty.port()});
    QVERIFY2(daemon.waitForOpened(), qPrintable(daemon.log()));
    Client client;
    pty.write(telegramAt(1));
    QTRY_VERIFY_WITH_TIMEOUT(client.hasService(kGrid), 5000);

    auto set = QDBusMessage::createMethodCall(
        kGrid, u"/CustomName"_s, u"com.victronenergy.BusItem"_s, u"SetValue"_s);
    set << QVariant::fromValue(QDBusVariant(QString(8 * 1024 * 1024, u'x')));
    QDBusPendingCallWatcher watcher(client.bus.asyncCall(set, 10000));
    watcher.waitForFinished();
    const QDBusMessage reply = watcher.reply();
    QVERIFY2(reply.type() == QDBusMessage::ReplyMessage,
        qPrintable(reply.errorMessage() + daemon.log()));
    QVERIFY(reply.arguments().value(0).toInt() != 0);

    QCOMPARE(daemon.process.state(), QProcess::Running);
    QCOMPARE(client.value(kGrid, u"/CustomName"_s).toString(), QString());
    pty.write(telegramAt(2));
    QTRY_COMPARE(client.value(kGrid, u"/P1/Timestamp"_s).toString(), isoAt(2));
    QCOMPARE(daemon.process.state(), QProcess::Running);
}

void TestDaemon::propertiesChangedOnlyWithTheOption_data()
{
    QTest::addColumn<bool>("option");
    QTest::newRow("default") << false;
    QTest::newRow("--properties-changed") << true;
}

void TestDaemon::propertiesChangedOnlyWithTheOption()
{
    // One ItemsChanged per telegram; a PropertiesChanged per changed path only when asked for.
    QFETCH(bool, option);
    QTemporaryDir dir;
    PtyPair pty(dir.path());
    QVERIFY(pty.start());
    Daemon daemon;
    QStringList arguments {u"--settings-timeout"_s, u"0"_s, u"--baud"_s, u"115200"_s, pty.port()};
    if (option)
        arguments.prepend(u"--properties-changed"_s);
    daemon.start(arguments);
    QVERIFY2(daemon.waitForOpened(), qPrintable(daemon.log()));
    Client client;
    client.watch(kGrid);
    client.watchProperties(kGrid);
    pty.write(telegramAt(1));
    QTRY_VERIFY_WITH_TIMEOUT(client.hasService(kGrid), 5000);
    QTRY_COMPARE(client.value(kGrid, u"/P1/Timestamp"_s).toString(), isoAt(1));
    client.changes.clear();
    client.propertiesChangedPaths.clear();

    QSignalSpy items(&client, &Client::itemsChanged);
    pty.write(telegramAt(2, "01.234"));
    QVERIFY(items.wait(5000));
    // A round trip: every signal the daemon sent before the reply has arrived.
    QCOMPARE(client.value(kGrid, u"/P1/Timestamp"_s).toString(), isoAt(2));
    QCOMPARE(client.changes.size(), 1);
    const QStringList changed = client.changes.constFirst().keys();
    QVERIFY(changed.contains(u"/Ac/Power"_s));
    // QtDBus posts each signal to this thread: deliver the ones that came before the reply.
    QCoreApplication::processEvents();
    const auto signalled = [&client] {
        QStringList paths = client.propertiesChangedPaths;
        paths.sort();
        return paths;
    };
    QTRY_COMPARE(signalled(), option ? changed : QStringList());
}

QTEST_GUILESS_MAIN(TestDaemon)
#include "tst_daemon.moc"
