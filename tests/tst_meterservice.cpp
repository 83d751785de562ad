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
    void roleWriteMovesTheService_data();
    void roleWriteMovesTheService();
    void invalidRoleIsRefused_data();
    void invalidRoleIsRefused();
    void takenInstanceIsMoved();
    void positionIsValidatedPerRole_data();
    void positionIsValidatedPerRole();
    void lateSettingsStoreWhatWasWritten();
    void settingsChangedByOthersAreFollowed();
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

// Roles as dbus-modbus-client (device.py role_changed/setting_changed) and dbus-cgwacs
// (ac_sensor_mediator.cpp onServiceTypeChanged) do them, against the stand-in's
// ClassAndVrmInstance (localsettings.py ClassAndVrmInstance, DevicesGroup.assureFreeInstance).
void TestMeterService::roleWriteMovesTheService_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<bool>("hasPosition"); // gui-v2 PageAcInSetup.qml: pvinverter, acload

    QTest::newRow("acload") << QStringLiteral("acload") << true;
    QTest::newRow("pvinverter") << QStringLiteral("pvinverter") << true;
    QTest::newRow("genset") << QStringLiteral("genset") << false;
}

void TestMeterService::roleWriteMovesTheService()
{
    QFETCH(QString, role);
    QFETCH(bool, hasPosition);
    QDBusConnection settingsBus = connection(QStringLiteral("sr-") + role);
    p1::test::FakeSettings settings(settingsBus);
    QVERIFY(settings.start());
    const QString port = QStringLiteral("role_") + role;
    const QString gridName = QStringLiteral("com.victronenergy.grid.p1_") + port;
    const QString newName = QStringLiteral("com.victronenergy.%1.p1_%2").arg(role, port);
    const QString setting = QStringLiteral("/Settings/Devices/p1_R1/ClassAndVrmInstance");
    Client client(QStringLiteral("cr-") + role);
    QDBusServiceWatcher watcher(gridName, client.bus, QDBusServiceWatcher::WatchForUnregistration);
    watcher.addWatchedService(newName);
    // What Venus's DbusMonitor does: scan the new name the moment it appears.
    ItemMap scanned;
    QDBusServiceWatcher appears(newName, client.bus, QDBusServiceWatcher::WatchForRegistration);
    connect(&appears, &QDBusServiceWatcher::serviceRegistered, this,
        [&] { scanned = client.items(newName); });
    QSignalSpy gone(&watcher, &QDBusServiceWatcher::serviceUnregistered);
    QSignalSpy up(&appears, &QDBusServiceWatcher::serviceRegistered);

    {
        MeterService service(gridConfig(port), connection(QStringLiteral("gr-") + role));
        service.update(gridValuesOf(p1::test::dsmr5ThreePhase()).values);
        QSignalSpy started(&service, &MeterService::started);
        service.start(QStringLiteral("R1"), {}, {});
        QVERIFY(started.wait(5000));
        QCOMPARE(service.serviceName(), gridName);
        QCOMPARE(client.value(gridName, QStringLiteral("/AllowedRoles")).toStringList(),
            (QStringList {QStringLiteral("grid"), QStringLiteral("pvinverter"),
                QStringLiteral("genset"), QStringLiteral("acload")}));
        const ItemMap before = client.items(gridName);
        QVERIFY(!before.contains(QStringLiteral("/Position")));
        QVERIFY(!before.contains(QStringLiteral("/IsGenericEnergyMeter")));

        const QDBusMessage r = client.call(gridName, QStringLiteral("/Role"),
            QStringLiteral("SetValue"), {QVariant::fromValue(QDBusVariant(role))});
        QCOMPARE(r.arguments().value(0).toInt(), 0);
        // The move may finish while client.call() still waits for its reply, so before a
        // wait() would start: count instead.
        QTRY_COMPARE(up.count(), 1);
        QCOMPARE(gone.count(), 1); // the old name first
        QCOMPARE(service.serviceName(), newName);
        QCOMPARE(started.count(), 2);
        QCOMPARE(settings.values.value(setting).toString(), role + QStringLiteral(":40"));

        QTRY_VERIFY(!scanned.isEmpty());
        QCOMPARE(
            scanned.value(QStringLiteral("/Role")).value(QStringLiteral("Value")).toString(), role);
        QCOMPARE(
            scanned.value(QStringLiteral("/DeviceInstance")).value(QStringLiteral("Value")).toInt(),
            40);
        QCOMPARE(scanned.value(QStringLiteral("/IsGenericEnergyMeter"))
                     .value(QStringLiteral("Value"))
                     .toInt(),
            1);
        QCOMPARE(scanned.contains(QStringLiteral("/Position")), hasPosition);
        // Every path in place under the new name, the values too.
        for (const p1::PathSpec &spec : p1::gridPathSpecs())
            QVERIFY2(
                scanned.contains(QString::fromUtf8(spec.path.data(), qsizetype(spec.path.size()))),
                spec.path.data());
        QCOMPARE(
            scanned.value(QStringLiteral("/Ac/Power")).value(QStringLiteral("Value")).toDouble(),
            884.0);
        QVERIFY(!client.bus.interface()->isServiceRegistered(gridName).value());
    }
    QTRY_COMPARE(gone.count(), 2);

    // A restart (a new service for the same meter) comes up in the role the setting holds.
    up.clear();
    MeterService again(gridConfig(port), connection(QStringLiteral("gr2-") + role));
    QSignalSpy started(&again, &MeterService::started);
    again.start(QStringLiteral("R1"), {}, {});
    QVERIFY(started.wait(5000));
    QCOMPARE(again.serviceName(), newName);
    QCOMPARE(client.value(newName, QStringLiteral("/Role")).toString(), role);
    QVERIFY(!client.bus.interface()->isServiceRegistered(gridName).value());

    // And back to grid: /Position and /IsGenericEnergyMeter go invalid (Venus reads: absent).
    const QDBusMessage r = client.call(newName, QStringLiteral("/Role"), QStringLiteral("SetValue"),
        {QVariant::fromValue(QDBusVariant(QStringLiteral("grid")))});
    QCOMPARE(r.arguments().value(0).toInt(), 0);
    QTRY_COMPARE(started.count(), 2);
    QCOMPARE(again.serviceName(), gridName);
    QCOMPARE(settings.values.value(setting).toString(), QStringLiteral("grid:40"));
    QVERIFY(isInvalid(client.value(gridName, QStringLiteral("/IsGenericEnergyMeter"))));
}

void TestMeterService::invalidRoleIsRefused_data()
{
    QTest::addColumn<QVariant>("role");
    QTest::newRow("unknown") << QVariant(QStringLiteral("inverter"));
    QTest::newRow("evcharger") << QVariant(QStringLiteral("evcharger")); // no /Current, /Status
    QTest::newRow("empty") << QVariant(QString());
    QTest::newRow("case") << QVariant(QStringLiteral("AcLoad"));
    QTest::newRow("number") << QVariant(2);
}

void TestMeterService::invalidRoleIsRefused()
{
    QFETCH(QVariant, role);
    const QString tag = QString::fromLatin1(QTest::currentDataTag());
    QDBusConnection settingsBus = connection(QStringLiteral("si-") + tag);
    p1::test::FakeSettings settings(settingsBus);
    QVERIFY(settings.start());
    const QString port = QStringLiteral("bad_") + tag;
    const QString name = QStringLiteral("com.victronenergy.grid.p1_") + port;
    MeterService service(gridConfig(port), connection(QStringLiteral("gi-") + tag));
    QSignalSpy started(&service, &MeterService::started);
    service.start(QStringLiteral("B1"), {}, {});
    QVERIFY(started.wait(5000));
    Client client(QStringLiteral("ci-") + tag);
    const QDBusMessage r = client.call(name, QStringLiteral("/Role"), QStringLiteral("SetValue"),
        {QVariant::fromValue(QDBusVariant(role))});
    QCOMPARE(r.type(), QDBusMessage::ReplyMessage);
    QVERIFY(r.arguments().value(0).toInt() != 0);
    QCOMPARE(client.value(name, QStringLiteral("/Role")).toString(), QStringLiteral("grid"));
    QVERIFY(!started.wait(300));
    QCOMPARE(service.serviceName(), name);
    QVERIFY(settings.setValueCalls.isEmpty());
    QCOMPARE(settings.values.value(QStringLiteral("/Settings/Devices/p1_B1/ClassAndVrmInstance"))
                 .toString(),
        QStringLiteral("grid:40"));
}

void TestMeterService::takenInstanceIsMoved()
{
    // localsettings.py DevicesGroup.assureFreeInstance: "acload:40" is another device's, so
    // writing it to ours stores "acload:41"; the service reads that back and takes it.
    QDBusConnection settingsBus = connection(QStringLiteral("st"));
    p1::test::FakeSettings settings(settingsBus);
    QVERIFY(settings.start());
    settings.values.insert(QStringLiteral("/Settings/Devices/cgwacs_ttyUSB1/ClassAndVrmInstance"),
        QStringLiteral("acload:40"));
    const QString name = QStringLiteral("com.victronenergy.grid.p1_taken");
    MeterService service(gridConfig(QStringLiteral("taken")), connection(QStringLiteral("gt")));
    QSignalSpy started(&service, &MeterService::started);
    service.start(QStringLiteral("T1"), {}, {});
    QVERIFY(started.wait(5000));
    QCOMPARE(service.deviceInstance(), 40); // grid:40 is free
    Client client(QStringLiteral("ct"));
    const QDBusMessage r = client.call(name, QStringLiteral("/Role"), QStringLiteral("SetValue"),
        {QVariant::fromValue(QDBusVariant(QStringLiteral("acload")))});
    QCOMPARE(r.arguments().value(0).toInt(), 0);
    // Possibly moved already while client.call() waited for its reply.
    QTRY_COMPARE(started.count(), 2);
    QCOMPARE(service.serviceName(), QStringLiteral("com.victronenergy.acload.p1_taken"));
    QCOMPARE(settings.values.value(QStringLiteral("/Settings/Devices/p1_T1/ClassAndVrmInstance"))
                 .toString(),
        QStringLiteral("acload:41"));
    QCOMPARE(service.deviceInstance(), 41);
    QCOMPARE(client.value(service.serviceName(), QStringLiteral("/DeviceInstance")).toInt(), 41);
    QCOMPARE(started.count(), 2); // registered once under the new name, with the moved instance
}

void TestMeterService::positionIsValidatedPerRole_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<int>("position");
    QTest::addColumn<bool>("accepted");

    // gui-v2 src/enums.h PvInverter_Position: 0 AC input 1, 1 AC output, 2 AC input 2.
    QTest::newRow("pvinverter-1") << QStringLiteral("pvinverter") << 1 << true;
    QTest::newRow("pvinverter-2") << QStringLiteral("pvinverter") << 2 << true;
    QTest::newRow("pvinverter-3") << QStringLiteral("pvinverter") << 3 << false;
    QTest::newRow("pvinverter-neg") << QStringLiteral("pvinverter") << -1 << false;
    // gui-v2 src/enums.h AcPosition: 0 AC output, 1 AC input.
    QTest::newRow("acload-1") << QStringLiteral("acload") << 1 << true;
    QTest::newRow("acload-2") << QStringLiteral("acload") << 2 << false;
}

void TestMeterService::positionIsValidatedPerRole()
{
    QFETCH(QString, role);
    QFETCH(int, position);
    QFETCH(bool, accepted);
    const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(u'-', u'_');
    QDBusConnection settingsBus = connection(QStringLiteral("sp") + tag);
    p1::test::FakeSettings settings(settingsBus);
    QVERIFY(settings.start());
    const QString setting = QStringLiteral("/Settings/Devices/p1_P1/");
    settings.values.insert(
        QString(setting + QStringLiteral("ClassAndVrmInstance")), QString(role + u":40"));
    const QString name = QStringLiteral("com.victronenergy.%1.p1_pos%2").arg(role, tag);
    MeterService service(
        gridConfig(QStringLiteral("pos") + tag), connection(QStringLiteral("gp") + tag));
    QSignalSpy started(&service, &MeterService::started);
    service.start(QStringLiteral("P1"), {}, {});
    QVERIFY(started.wait(5000));
    QCOMPARE(service.serviceName(), name); // the role from the setting, from the start
    Client client(QStringLiteral("cp") + tag);
    QCOMPARE(client.value(name, QStringLiteral("/Position")).toInt(), 0);
    const QDBusMessage r = client.call(name, QStringLiteral("/Position"),
        QStringLiteral("SetValue"), {QVariant::fromValue(QDBusVariant(position))});
    QCOMPARE(r.arguments().value(0).toInt() == 0, accepted);
    const int expected = accepted ? position : 0;
    QCOMPARE(client.value(name, QStringLiteral("/Position")).toInt(), expected);
    QTRY_COMPARE(settings.values.value(setting + QStringLiteral("Position")).toInt(), expected);
    if (accepted)
        QTRY_VERIFY(settings.setValueCalls.contains(setting + QStringLiteral("Position")));
    else
        QVERIFY(!settings.setValueCalls.contains(setting + QStringLiteral("Position")));
}

void TestMeterService::lateSettingsStoreWhatWasWritten()
{
    // The settings service is down when the meter is found: the service goes on with the
    // defaults after the timeout. A name and a role written meanwhile are acknowledged and
    // shown, and stored once the settings service appears (issue 9 item 6).
    QDBusConnection settingsBus = connection(QStringLiteral("sl"));
    p1::test::FakeSettings settings(settingsBus);
    settings.values.insert(QStringLiteral("/Settings/Devices/cgwacs_ttyUSB1/ClassAndVrmInstance"),
        QStringLiteral("acload:40"));
    const QString gridName = QStringLiteral("com.victronenergy.grid.p1_late");
    const QString acloadName = QStringLiteral("com.victronenergy.acload.p1_late");
    MeterService service(
        gridConfig(QStringLiteral("late"), 100ms), connection(QStringLiteral("gl")));
    QSignalSpy started(&service, &MeterService::started);
    service.start(QStringLiteral("L1"), {}, {});
    QVERIFY(started.wait(5000));
    QCOMPARE(service.serviceName(), gridName);
    Client client(QStringLiteral("cl"));

    QDBusMessage r = client.call(gridName, QStringLiteral("/CustomName"),
        QStringLiteral("SetValue"), {QVariant::fromValue(QDBusVariant(QStringLiteral("Keuken")))});
    QCOMPARE(r.arguments().value(0).toInt(), 0);
    QCOMPARE(
        client.value(gridName, QStringLiteral("/CustomName")).toString(), QStringLiteral("Keuken"));
    r = client.call(gridName, QStringLiteral("/Role"), QStringLiteral("SetValue"),
        {QVariant::fromValue(QDBusVariant(QStringLiteral("acload")))});
    QCOMPARE(r.arguments().value(0).toInt(), 0);
    // Moved at once, nothing to wait for: before the reply, or soon after.
    QVERIFY(started.count() == 2 || started.wait(5000));
    QCOMPARE(service.serviceName(), acloadName);
    QCOMPARE(client.value(acloadName, QStringLiteral("/DeviceInstance")).toInt(), 40);
    QCOMPARE(settings.addSettingsCalls, 0);

    QVERIFY(settings.start());
    QTRY_COMPARE(
        settings.values.value(QStringLiteral("/Settings/Devices/p1_L1/CustomName")).toString(),
        QStringLiteral("Keuken"));
    // The role stored with this device's instance, which localsettings moved: acload:40 is
    // the other meter's.
    QTRY_COMPARE(
        settings.values.value(QStringLiteral("/Settings/Devices/p1_L1/ClassAndVrmInstance"))
            .toString(),
        QStringLiteral("acload:41"));
    QTRY_COMPARE(client.value(acloadName, QStringLiteral("/DeviceInstance")).toInt(), 41);
    QCOMPARE(client.value(acloadName, QStringLiteral("/CustomName")).toString(),
        QStringLiteral("Keuken"));
    QCOMPARE(service.serviceName(), acloadName);
}

void TestMeterService::settingsChangedByOthersAreFollowed()
{
    // gui-v2's device-instance page and localsettings write the setting themselves; the
    // service follows their PropertiesChanged, as dbus-modbus-client's setting_changed does.
    QDBusConnection settingsBus = connection(QStringLiteral("so"));
    p1::test::FakeSettings settings(settingsBus);
    QVERIFY(settings.start());
    MeterService service(gridConfig(QStringLiteral("others")), connection(QStringLiteral("go")));
    QSignalSpy started(&service, &MeterService::started);
    service.start(QStringLiteral("O1"), {}, {});
    QVERIFY(started.wait(5000));
    Client client(QStringLiteral("co"));
    const QString instance = QStringLiteral("/Settings/Devices/p1_O1/ClassAndVrmInstance");
    QCOMPARE(client
                 .call(QStringLiteral("com.victronenergy.settings"), instance,
                     QStringLiteral("SetValue"),
                     {QVariant::fromValue(QDBusVariant(QStringLiteral("grid:45")))})
                 .arguments()
                 .value(0)
                 .toInt(),
        0);
    QTRY_COMPARE(service.deviceInstance(), 45);
    QCOMPARE(client.value(service.serviceName(), QStringLiteral("/DeviceInstance")).toInt(), 45);
    QCOMPARE(
        client
            .call(QStringLiteral("com.victronenergy.settings"),
                QStringLiteral("/Settings/Devices/p1_O1/CustomName"), QStringLiteral("SetValue"),
                {QVariant::fromValue(QDBusVariant(QStringLiteral("Garage")))})
            .arguments()
            .value(0)
            .toInt(),
        0);
    QTRY_COMPARE(client.value(service.serviceName(), QStringLiteral("/CustomName")).toString(),
        QStringLiteral("Garage"));
    QCOMPARE(started.count(), 1);
}

QTEST_GUILESS_MAIN(TestMeterService)
#include "tst_meterservice.moc"
