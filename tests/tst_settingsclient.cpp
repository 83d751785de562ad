#include "fakesettings.h"
#include "venus/settingsclient.h"

#include <QDBusConnection>
#include <QSignalSpy>
#include <QTest>

using namespace std::chrono_literals;
using p1::SettingsClient;

// Runs under a private bus (dbus-run-session): a client connection and, in a second connection,
// the settings stand-in, so every call goes over the real bus daemon.
class TestSettingsClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void instanceParsing_data();
    void instanceParsing();
    void addsSettingsWhenServiceIsThere();
    void waitsForLateService();
    void givesUpAfterTimeout();
    void setValuePersists();
    void secondDeviceGetsNextInstance();

private:
    static QDBusConnection connection(const QString &name)
    {
        return QDBusConnection::connectToBus(QDBusConnection::SessionBus, name);
    }
};

void TestSettingsClient::instanceParsing_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("instance");
    QTest::newRow("grid-40") << QStringLiteral("grid:40") << 40;
    QTest::newRow("gasmeter-41") << QStringLiteral("gasmeter:41") << 41;
    QTest::newRow("no-colon") << QStringLiteral("grid40") << -1;
    QTest::newRow("empty-class") << QStringLiteral(":40") << -1;
    QTest::newRow("not-a-number") << QStringLiteral("grid:x") << -1;
    QTest::newRow("negative") << QStringLiteral("grid:-1") << -1;
}

void TestSettingsClient::instanceParsing()
{
    QFETCH(QString, value);
    QFETCH(int, instance);
    QCOMPARE(SettingsClient::instanceFromClassAndVrmInstance(value).value_or(-1), instance);
}

void TestSettingsClient::addsSettingsWhenServiceIsThere()
{
    QDBusConnection server = connection(QStringLiteral("settings-1"));
    p1::test::FakeSettings settings(server);
    QVERIFY(settings.start());
    settings.values.insert(
        QStringLiteral("/Settings/Devices/p1_A/CustomName"), QStringLiteral("Hoofdmeter"));

    SettingsClient client(connection(QStringLiteral("client-1")));
    QSignalSpy added(&client, &SettingsClient::added);
    QSignalSpy unavailable(&client, &SettingsClient::unavailable);
    client.add({{QStringLiteral("p1_A/ClassAndVrmInstance"), QStringLiteral("grid:40")},
                   {QStringLiteral("p1_A/CustomName"), QString()}},
        5s);
    QVERIFY(added.wait(5000));
    QCOMPARE(unavailable.count(), 0);
    const QVariantMap values = added.at(0).at(0).toMap();
    QCOMPARE(values.value(QStringLiteral("p1_A/ClassAndVrmInstance")).toString(),
        QStringLiteral("grid:40"));
    QCOMPARE(
        values.value(QStringLiteral("p1_A/CustomName")).toString(), QStringLiteral("Hoofdmeter"));
    QCOMPARE(settings.addSettingsCalls, 1);
    server.unregisterService(QStringLiteral("com.victronenergy.settings"));
}

void TestSettingsClient::waitsForLateService()
{
    SettingsClient client(connection(QStringLiteral("client-2")));
    QSignalSpy added(&client, &SettingsClient::added);
    client.add({{QStringLiteral("p1_B/ClassAndVrmInstance"), QStringLiteral("gasmeter:40")}}, 10s);
    QTest::qWait(300);
    QCOMPARE(added.count(), 0);

    QDBusConnection server = connection(QStringLiteral("settings-2"));
    p1::test::FakeSettings settings(server);
    QVERIFY(settings.start());
    QVERIFY(added.wait(5000));
    QCOMPARE(added.at(0).at(0).toMap().value(QStringLiteral("p1_B/ClassAndVrmInstance")).toString(),
        QStringLiteral("gasmeter:40"));
    server.unregisterService(QStringLiteral("com.victronenergy.settings"));
}

void TestSettingsClient::givesUpAfterTimeout()
{
    SettingsClient client(connection(QStringLiteral("client-3")));
    QSignalSpy added(&client, &SettingsClient::added);
    QSignalSpy unavailable(&client, &SettingsClient::unavailable);
    client.add({{QStringLiteral("p1_C/ClassAndVrmInstance"), QStringLiteral("grid:40")}}, 200ms);
    QVERIFY(unavailable.wait(3000));
    QCOMPARE(added.count(), 0);
    QVERIFY(
        unavailable.at(0).at(0).toString().contains(QLatin1String("com.victronenergy.settings")));
}

void TestSettingsClient::setValuePersists()
{
    QDBusConnection server = connection(QStringLiteral("settings-4"));
    p1::test::FakeSettings settings(server);
    QVERIFY(settings.start());
    SettingsClient client(connection(QStringLiteral("client-4")));
    QSignalSpy added(&client, &SettingsClient::added);
    client.add({{QStringLiteral("p1_D/CustomName"), QString()}}, 5s);
    QVERIFY(added.wait(5000));
    client.setValue(QStringLiteral("p1_D/CustomName"), QStringLiteral("Garage"));
    QTRY_COMPARE(
        settings.values.value(QStringLiteral("/Settings/Devices/p1_D/CustomName")).toString(),
        QStringLiteral("Garage"));
    server.unregisterService(QStringLiteral("com.victronenergy.settings"));
}

void TestSettingsClient::secondDeviceGetsNextInstance()
{
    QDBusConnection server = connection(QStringLiteral("settings-5"));
    p1::test::FakeSettings settings(server);
    QVERIFY(settings.start());
    settings.values.insert(QStringLiteral("/Settings/Devices/cgwacs_X/ClassAndVrmInstance"),
        QStringLiteral("grid:40"));
    SettingsClient client(connection(QStringLiteral("client-5")));
    QSignalSpy added(&client, &SettingsClient::added);
    client.add({{QStringLiteral("p1_E/ClassAndVrmInstance"), QStringLiteral("grid:40")}}, 5s);
    QVERIFY(added.wait(5000));
    const QString value =
        added.at(0).at(0).toMap().value(QStringLiteral("p1_E/ClassAndVrmInstance")).toString();
    QCOMPARE(value, QStringLiteral("grid:41"));
    QCOMPARE(SettingsClient::instanceFromClassAndVrmInstance(value).value_or(-1), 41);
    server.unregisterService(QStringLiteral("com.victronenergy.settings"));
}

QTEST_GUILESS_MAIN(TestSettingsClient)
#include "tst_settingsclient.moc"
