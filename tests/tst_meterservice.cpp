#include "fakesettings.h"
#include "reading.h"
#include "sampletelegrams.h"
#include "telegram.h"
#include "venus/meterservice.h"
#include "venusmapping.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusPendingCallWatcher>
#include <QDBusReply>
#include <QDBusServiceWatcher>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSignalSpy>
#include <QTest>

using namespace std::chrono_literals;
using p1::MeterService;

namespace {

using ItemMap = QMap<QString, QVariantMap>;

QDBusConnection connection(const QString &name)
{
    return QDBusConnection::connectToBus(QDBusConnection::SessionBus, name);
}

p1::GridValues gridValuesOf(const std::string &telegram)
{
    static p1::Telegram parsed;
    static p1::Reading reading;
    // The frame text ends at the CRC: strip the final CR LF as the framer does.
    std::string_view text(telegram);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
        text.remove_suffix(1);
    if (p1::Parser::parse(text, parsed) != p1::ParseError::None)
        qFatal("sample telegram does not parse");
    reading.fill(parsed);
    p1::GridValues grid;
    p1::VenusMapper().mapGrid(reading, grid);
    return grid;
}

// The grid service on the port \a port: "com.victronenergy.grid.p1_<port>".
MeterService::Config gridConfig(const QString &port, std::chrono::milliseconds settingsTimeout = 5s)
{
    MeterService::Config c;
    c.contract = p1::ServiceContract::grid();
    c.port = port;
    c.connection = QStringLiteral("P1 /dev/ttyUSB0");
    c.processVersion = QStringLiteral("0.1.0");
    c.settingsTimeout = settingsTimeout;
    return c;
}

// A client on its own connection, as a Venus consumer is.
class Client : public QObject
{
    Q_OBJECT
public:
    explicit Client(const QString &name)
        : bus(connection(name))
    {
        qDBusRegisterMetaType<ItemMap>();
    }
    QDBusMessage call(const QString &service, const QString &path, const QString &method,
        const QVariantList &args = {})
    {
        auto m = QDBusMessage::createMethodCall(
            service, path, QStringLiteral("com.victronenergy.BusItem"), method);
        m.setArguments(args);
        // The service lives in this thread: wait with the event loop running, never Block.
        QDBusPendingCallWatcher watcher(bus.asyncCall(m, 5000));
        QEventLoop loop;
        connect(&watcher, &QDBusPendingCallWatcher::finished, &loop, &QEventLoop::quit);
        if (!watcher.isFinished())
            loop.exec();
        return watcher.reply();
    }
    ItemMap items(const QString &service)
    {
        const QDBusMessage r = call(service, QStringLiteral("/"), QStringLiteral("GetItems"));
        return qdbus_cast<ItemMap>(r.arguments().value(0));
    }
    QVariant value(const QString &service, const QString &path)
    {
        return call(service, path, QStringLiteral("GetValue"))
            .arguments()
            .value(0)
            .value<QDBusVariant>()
            .variant();
    }
    void watchItemsChanged(const QString &service)
    {
        QVERIFY(
            bus.connect(service, QStringLiteral("/"), QStringLiteral("com.victronenergy.BusItem"),
                QStringLiteral("ItemsChanged"), this, SLOT(onItemsChanged(QDBusMessage))));
    }
    QDBusConnection bus;
    QList<ItemMap> changes;
Q_SIGNALS:
    void itemsChanged();
private Q_SLOTS:
    void onItemsChanged(const QDBusMessage &m)
    {
        changes.append(qdbus_cast<ItemMap>(m.arguments().value(0)));
        Q_EMIT itemsChanged();
    }
};

bool isInvalid(const QVariant &v)
{
    // An empty `ai` arrives as a QDBusArgument of signature "ai".
    if (!v.canConvert<QDBusArgument>())
        return false;
    const auto arg = v.value<QDBusArgument>();
    return arg.currentSignature() == QLatin1String("ai") && qdbus_cast<QList<int>>(arg).isEmpty();
}

} // namespace

class TestMeterService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nameAppearsWithEveryPathAndInstance();
    void defaultInstanceWithoutSettingsService();
    void nextInstanceWhenTaken();
    void customNameIsWritableAndPersisted();
    void customNameCappedAt128Bytes();
    void oneItemsChangedPerTelegram();
    void disconnectInvalidatesValues();
    void measurementsAreReadOnly();
};

void TestMeterService::nameAppearsWithEveryPathAndInstance()
{
    QDBusConnection settingsBus = connection(QStringLiteral("s1"));
    p1::test::FakeSettings settings(settingsBus);
    QVERIFY(settings.start());

    const QString port = QStringLiteral("test1");
    const QString name = QStringLiteral("com.victronenergy.grid.p1_test1");
    Client client(QStringLiteral("c1"));
    // What Venus's DbusMonitor does: scan the service the moment its name appears.
    ItemMap scanned;
    QDBusServiceWatcher watcher(name, client.bus, QDBusServiceWatcher::WatchForRegistration);
    connect(&watcher, &QDBusServiceWatcher::serviceRegistered, this,
        [&] { scanned = client.items(name); });
    QSignalSpy registered(&watcher, &QDBusServiceWatcher::serviceRegistered);

    MeterService service(gridConfig(port), connection(QStringLiteral("grid1")));
    const auto values = gridValuesOf(p1::test::dsmr5ThreePhase());
    service.update(values.values); // before registration: becomes the initial state
    QSignalSpy started(&service, &MeterService::started);
    service.start(QStringLiteral("E0062000013122923"), QStringLiteral("50"),
        QStringLiteral("Ene5\\T210-D ESMR5.0"));
    QVERIFY(started.wait(5000));
    QCOMPARE(service.serviceName(), name);
    QTRY_VERIFY(!scanned.isEmpty());

    QCOMPARE(
        scanned.value(QStringLiteral("/DeviceInstance")).value(QStringLiteral("Value")).toInt(),
        40);
    QCOMPARE(scanned.value(QStringLiteral("/Ac/Power")).value(QStringLiteral("Value")).toDouble(),
        884.0);
    QCOMPARE(scanned.value(QStringLiteral("/Ac/Power")).value(QStringLiteral("Text")).toString(),
        QStringLiteral("884 W"));
    QCOMPARE(
        scanned.value(QStringLiteral("/Ac/L3/Current")).value(QStringLiteral("Value")).toDouble(),
        -1.0);
    QCOMPARE(scanned.value(QStringLiteral("/Serial")).value(QStringLiteral("Value")).toString(),
        QStringLiteral("E0062000013122923"));
    QCOMPARE(
        scanned.value(QStringLiteral("/ProductId")).value(QStringLiteral("Value")).toInt(), 0xFFFF);
    QCOMPARE(scanned.value(QStringLiteral("/Connected")).value(QStringLiteral("Value")).toInt(), 1);
    QCOMPARE(scanned.value(QStringLiteral("/Role")).value(QStringLiteral("Value")).toString(),
        QStringLiteral("grid"));
    for (const char *path : {"/Mgmt/ProcessName", "/Mgmt/ProcessVersion", "/Mgmt/Connection",
             "/ProductName", "/FirmwareVersion", "/HardwareVersion", "/CustomName", "/RefreshTime"})
        QVERIFY2(scanned.contains(QString::fromLatin1(path)), path);
    for (const p1::PathSpec &spec : p1::gridPathSpecs())
        QVERIFY2(scanned.contains(QString::fromUtf8(spec.path.data(), qsizetype(spec.path.size()))),
            spec.path.data());
    QVERIFY(isInvalid(
        scanned.value(QStringLiteral("/P1/Energy/Forward/T3")).value(QStringLiteral("Value"))));
    QCOMPARE(
        settings.values
            .value(QStringLiteral("/Settings/Devices/p1_E0062000013122923/ClassAndVrmInstance"))
            .toString(),
        QStringLiteral("grid:40"));
    QCOMPARE(registered.count(), 1);
}

void TestMeterService::defaultInstanceWithoutSettingsService()
{
    MeterService::Config c = gridConfig(QStringLiteral("test2"), 200ms);
    c.defaultInstance = 43;
    MeterService service(c, connection(QStringLiteral("grid2")));
    QSignalSpy started(&service, &MeterService::started);
    service.start(QStringLiteral("X"), {}, {});
    QVERIFY(started.wait(5000));
    Client client(QStringLiteral("c2"));
    QCOMPARE(client.value(service.serviceName(), QStringLiteral("/DeviceInstance")).toInt(), 43);
}

void TestMeterService::nextInstanceWhenTaken()
{
    QDBusConnection settingsBus = connection(QStringLiteral("s3"));
    p1::test::FakeSettings settings(settingsBus);
    QVERIFY(settings.start());
    settings.values.insert(QStringLiteral("/Settings/Devices/cgwacs_ttyUSB1/ClassAndVrmInstance"),
        QStringLiteral("grid:40"));
    MeterService service(gridConfig(QStringLiteral("test3")), connection(QStringLiteral("grid3")));
    QSignalSpy started(&service, &MeterService::started);
    service.start(QStringLiteral("Y"), {}, {});
    QVERIFY(started.wait(5000));
    QCOMPARE(service.deviceInstance(), 41);
}

void TestMeterService::customNameIsWritableAndPersisted()
{
    QDBusConnection settingsBus = connection(QStringLiteral("s4"));
    p1::test::FakeSettings settings(settingsBus);
    QVERIFY(settings.start());
    const QString port = QStringLiteral("test4");
    const QString name = QStringLiteral("com.victronenergy.grid.p1_test4");
    Client client(QStringLiteral("c4"));
    {
        MeterService service(gridConfig(port), connection(QStringLiteral("grid4a")));
        QSignalSpy started(&service, &MeterService::started);
        service.start(QStringLiteral("Z-1"), {}, {});
        QVERIFY(started.wait(5000));
        const QDBusMessage r =
            client.call(name, QStringLiteral("/CustomName"), QStringLiteral("SetValue"),
                {QVariant::fromValue(QDBusVariant(QStringLiteral("Hoofdmeter")))});
        QCOMPARE(r.arguments().value(0).toInt(), 0);
        QCOMPARE(client.value(name, QStringLiteral("/CustomName")).toString(),
            QStringLiteral("Hoofdmeter"));
        QTRY_COMPARE(
            settings.values.value(QStringLiteral("/Settings/Devices/p1_Z_1/CustomName")).toString(),
            QStringLiteral("Hoofdmeter"));
        // Wrong type: refused, name unchanged.
        const QDBusMessage bad = client.call(name, QStringLiteral("/CustomName"),
            QStringLiteral("SetValue"), {QVariant::fromValue(QDBusVariant(42))});
        QVERIFY(bad.arguments().value(0).toInt() != 0);
    }
    // A restart reads the name back from the settings service.
    MeterService again(gridConfig(port), connection(QStringLiteral("grid4b")));
    QSignalSpy started(&again, &MeterService::started);
    again.start(QStringLiteral("Z-1"), {}, {});
    QVERIFY(started.wait(5000));
    QCOMPARE(
        client.value(name, QStringLiteral("/CustomName")).toString(), QStringLiteral("Hoofdmeter"));
}

void TestMeterService::customNameCappedAt128Bytes()
{
    QDBusConnection settingsBus = connection(QStringLiteral("s9"));
    p1::test::FakeSettings settings(settingsBus);
    QVERIFY(settings.start());
    const QString name = QStringLiteral("com.victronenergy.grid.p1_test9");
    const QString setting = QStringLiteral("/Settings/Devices/p1_Z_9/CustomName");
    Client client(QStringLiteral("c9"));
    MeterService service(gridConfig(QStringLiteral("test9")), connection(QStringLiteral("grid9")));
    QSignalSpy started(&service, &MeterService::started);
    service.start(QStringLiteral("Z-9"), {}, {});
    QVERIFY(started.wait(5000));
    const auto setName = [&](const QString &value) {
        return client
            .call(name, QStringLiteral("/CustomName"), QStringLiteral("SetValue"),
                {QVariant::fromValue(QDBusVariant(value))})
            .arguments()
            .value(0, -1)
            .toInt();
    };

    // 128 bytes of UTF-8 (64 two-byte characters): stored and sent to the settings.
    const QString longest = QStringLiteral("é").repeated(64);
    QCOMPARE(setName(longest), 0);
    QTRY_COMPARE(settings.values.value(setting).toString(), longest);
    const qsizetype stored = settings.setValueCalls.size();

    // 129 bytes, a megabyte: refused, nothing stored, nothing sent to the settings, and the
    // connection answers at once afterwards.
    for (const QString &tooLong : {QStringLiteral("a").repeated(129),
             QStringLiteral("€").repeated(43), QString(1024 * 1024, u'x')}) {
        QVERIFY(setName(tooLong) != 0);
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(client.value(name, QStringLiteral("/CustomName")).toString(), longest);
        QVERIFY2(clock.elapsed() < 100, qPrintable(QString::number(clock.elapsed())));
    }
    // A round trip to the settings service: a SetValue the service sent would be there before.
    QCOMPARE(
        client.value(QStringLiteral("com.victronenergy.settings"), setting).toString(), longest);
    QCOMPARE(settings.setValueCalls.size(), stored);
    QCOMPARE(settings.values.value(setting).toString(), longest);
}

void TestMeterService::oneItemsChangedPerTelegram()
{
    const QString port = QStringLiteral("test5");
    const QString name = QStringLiteral("com.victronenergy.grid.p1_test5");
    MeterService service(gridConfig(port, 100ms), connection(QStringLiteral("grid5")));
    service.update(gridValuesOf(p1::test::dsmr5ThreePhase()).values);
    QSignalSpy started(&service, &MeterService::started);
    service.start(QStringLiteral("S5"), {}, {});
    QVERIFY(started.wait(5000));

    Client client(QStringLiteral("c5"));
    client.watchItemsChanged(name);
    QSignalSpy changed(&client, &Client::itemsChanged);

    service.update(gridValuesOf(p1::test::dsmr5ThreePhase("261125143016W")).values);
    QVERIFY(changed.wait(3000));
    QTest::qWait(200);
    QCOMPARE(client.changes.size(), 1);
    // Only the meter timestamp changed.
    QCOMPARE(client.changes.at(0).keys(), QStringList {QStringLiteral("/P1/Timestamp")});
    QCOMPARE(client.changes.at(0)
                 .value(QStringLiteral("/P1/Timestamp"))
                 .value(QStringLiteral("Value"))
                 .toString(),
        QStringLiteral("2026-11-25T14:30:16+01:00"));

    // The same telegram again: nothing to say.
    service.update(gridValuesOf(p1::test::dsmr5ThreePhase("261125143016W")).values);
    QVERIFY(!changed.wait(300));

    // A new gas reading and timestamp: one signal carrying both.
    service.update(
        gridValuesOf(p1::test::dsmr5ThreePhase("261125143017W", "261125143500W", "04568.000"))
            .values);
    QVERIFY(changed.wait(3000));
    QCOMPARE(client.changes.size(), 2);
    QVERIFY(client.changes.at(1).contains(QStringLiteral("/P1/Timestamp")));
}

void TestMeterService::disconnectInvalidatesValues()
{
    const QString port = QStringLiteral("test6");
    const QString name = QStringLiteral("com.victronenergy.grid.p1_test6");
    MeterService service(gridConfig(port, 100ms), connection(QStringLiteral("grid6")));
    service.update(gridValuesOf(p1::test::dsmr5ThreePhase()).values);
    QSignalSpy started(&service, &MeterService::started);
    service.start(QStringLiteral("S6"), {}, {});
    QVERIFY(started.wait(5000));
    Client client(QStringLiteral("c6"));
    QCOMPARE(client.value(name, QStringLiteral("/Ac/Power")).toDouble(), 884.0);

    service.setConnected(false);
    QTRY_COMPARE(client.value(name, QStringLiteral("/Connected")).toInt(), 0);
    QVERIFY(isInvalid(client.value(name, QStringLiteral("/Ac/Power"))));
    QVERIFY(isInvalid(client.value(name, QStringLiteral("/Ac/L1/Voltage"))));

    service.update(gridValuesOf(p1::test::dsmr5ThreePhase()).values);
    QTRY_COMPARE(client.value(name, QStringLiteral("/Connected")).toInt(), 1);
    QCOMPARE(client.value(name, QStringLiteral("/Ac/Power")).toDouble(), 884.0);
}

void TestMeterService::measurementsAreReadOnly()
{
    const QString port = QStringLiteral("test7");
    const QString name = QStringLiteral("com.victronenergy.grid.p1_test7");
    MeterService service(gridConfig(port, 100ms), connection(QStringLiteral("grid7")));
    service.update(gridValuesOf(p1::test::dsmr5ThreePhase()).values);
    QSignalSpy started(&service, &MeterService::started);
    service.start(QStringLiteral("S7"), {}, {});
    QVERIFY(started.wait(5000));
    Client client(QStringLiteral("c7"));
    for (const char *path : {"/Ac/Power", "/DeviceInstance", "/Serial"}) {
        const QDBusMessage r = client.call(name, QString::fromLatin1(path),
            QStringLiteral("SetValue"), {QVariant::fromValue(QDBusVariant(1.0))});
        QVERIFY2(r.arguments().value(0).toInt() != 0, path);
    }
    QCOMPARE(client.value(name, QStringLiteral("/Ac/Power")).toDouble(), 884.0);
}

QTEST_GUILESS_MAIN(TestMeterService)
#include "tst_meterservice.moc"
