#include "fakesettings.h"
#include "venus/settingsclient.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QEventLoop>
#include <QSignalSpy>
#include <QTest>

using namespace std::chrono_literals;
using namespace Qt::StringLiterals;
using p1::SettingsClient;

class SignalCatcher : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void onSignal(const QDBusMessage &message) { Q_EMIT received(message); }

Q_SIGNALS:
    void received(const QDBusMessage &message);
};

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
    void addsAgainWhenServiceAppearsLate();
    void readBackGivesTheMovedInstance();
    void standInAnswersAsLocalsettings_data();
    void standInAnswersAsLocalsettings();
    void standInSignalsAttributesAsLocalsettings_data();
    void standInSignalsAttributesAsLocalsettings();

private:
    static QDBusConnection connection(const QString &name)
    {
        return QDBusConnection::connectToBus(QDBusConnection::SessionBus, name);
    }
    // A call to the stand-in, which lives in this thread: wait with the event loop running.
    static QDBusMessage call(const QDBusConnection &bus, const QString &path,
        const QString &interface, const QString &method, const QVariantList &args)
    {
        auto m = QDBusMessage::createMethodCall(
            QStringLiteral("com.victronenergy.settings"), path, interface, method);
        m.setArguments(args);
        QDBusPendingCallWatcher watcher(bus.asyncCall(m, 5000));
        QEventLoop loop;
        QObject::connect(&watcher, &QDBusPendingCallWatcher::finished, &loop, &QEventLoop::quit);
        if (!watcher.isFinished())
            loop.exec();
        return watcher.reply();
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

void TestSettingsClient::addsAgainWhenServiceAppearsLate()
{
    // Issue 9 item 6: the service appears after the timeout, or restarts: the settings are
    // added then, so whatever was written meanwhile can be stored.
    SettingsClient client(connection(QStringLiteral("client-6")));
    QSignalSpy added(&client, &SettingsClient::added);
    QSignalSpy unavailable(&client, &SettingsClient::unavailable);
    client.add({{QStringLiteral("p1_G/CustomName"), QString()}}, 100ms);
    QVERIFY(unavailable.wait(3000));
    QVERIFY(!client.isReady());

    QDBusConnection server = connection(QStringLiteral("settings-6"));
    p1::test::FakeSettings settings(server);
    QVERIFY(settings.start());
    QVERIFY(added.wait(5000));
    QVERIFY(client.isReady());
    QCOMPARE(settings.addSettingsCalls, 1);

    settings.stop(); // localsettings restarts
    QTRY_VERIFY(!client.isReady());
    QVERIFY(settings.start());
    QVERIFY(added.wait(5000));
    QCOMPARE(settings.addSettingsCalls, 2);
    QCOMPARE(unavailable.count(), 1);
}

void TestSettingsClient::readBackGivesTheMovedInstance()
{
    // localsettings.py ClassAndVrmInstance._setValue -> DevicesGroup.assureFreeInstance: a
    // written "acload:40" that another device holds is stored as "acload:41".
    QDBusConnection server = connection(QStringLiteral("settings-7"));
    p1::test::FakeSettings settings(server);
    QVERIFY(settings.start());
    settings.values.insert(QStringLiteral("/Settings/Devices/cgwacs_Y/ClassAndVrmInstance"),
        QStringLiteral("acload:40"));
    SettingsClient client(connection(QStringLiteral("client-7")));
    QSignalSpy added(&client, &SettingsClient::added);
    QSignalSpy changed(&client, &SettingsClient::changed);
    client.add({{QStringLiteral("p1_H/ClassAndVrmInstance"), QStringLiteral("grid:40")}}, 5s);
    QVERIFY(added.wait(5000));
    changed.clear();
    client.setValue(QStringLiteral("p1_H/ClassAndVrmInstance"), QStringLiteral("acload:40"), true);
    // Once from localsettings' PropertiesChanged, once from the read-back.
    QTRY_COMPARE(changed.count(), 2);
    for (const QList<QVariant> &c : std::as_const(changed)) {
        QCOMPARE(c.at(0).toString(), QStringLiteral("p1_H/ClassAndVrmInstance"));
        QCOMPARE(c.at(1).toString(), QStringLiteral("acload:41"));
    }
}

void TestSettingsClient::standInAnswersAsLocalsettings_data()
{
    // localsettings.py AddSettings / addSetting / SetValue, the codes of AddSettingError.
    QTest::addColumn<QString>("path"); // relative to /Settings/Devices
    QTest::addColumn<QVariant>("defaultValue");
    QTest::addColumn<QVariant>("min");
    QTest::addColumn<QVariant>("max");
    QTest::addColumn<int>("error");
    QTest::addColumn<QVariant>("value"); // invalid: no value in the answer
    QTest::addColumn<QVariant>("written"); // then SetValue with this...
    QTest::addColumn<int>("setResult"); // ...answers this (0 or DBUS_ERR -1)
    QTest::addColumn<QVariant>("stored"); // and then holds this (when accepted)

    const QVariant none;
    QTest::newRow("string") << u"p1_I/CustomName"_s << QVariant(u"x"_s) << none << none << 0
                            << QVariant(u"x"_s) << QVariant(u"Garage"_s) << 0
                            << QVariant(u"Garage"_s);
    QTest::newRow("string-takes-a-number")
        << u"p1_I/Name2"_s << QVariant(u""_s) << none << none << 0 << QVariant(u""_s)
        << QVariant(42) << 0 << QVariant(u"42"_s);
    QTest::newRow("int-in-range") << u"p1_I/Position"_s << QVariant(0) << QVariant(0) << QVariant(2)
                                  << 0 << QVariant(0) << QVariant(2) << 0 << QVariant(2);
    QTest::newRow("int-over-max") << u"p1_I/Position2"_s << QVariant(0) << QVariant(0)
                                  << QVariant(2) << 0 << QVariant(0) << QVariant(3) << -1 << none;
    QTest::newRow("int-not-a-number") << u"p1_I/Position3"_s << QVariant(0) << none << none << 0
                                      << QVariant(0) << QVariant(u"abc"_s) << -1 << none;
    QTest::newRow("default-out-of-range") << u"p1_I/Bad"_s << QVariant(3) << QVariant(0)
                                          << QVariant(2) << -7 << none << none << 0 << none;
    QTest::newRow("unknown-type") << u"p1_I/Flag"_s << QVariant(true) << none << none << -3 << none
                                  << none << 0 << none;
    QTest::newRow("underscore") << u"p1_I/_Hidden"_s << QVariant(1) << none << none << -2 << none
                                << none << 0 << none;
    QTest::newRow("instance-not-class-number")
        << u"p1_J/ClassAndVrmInstance"_s << QVariant(u"grid"_s) << none << none << -6 << none
        << none << 0 << none;
    QTest::newRow("instance-write-not-class-number")
        << u"p1_K/ClassAndVrmInstance"_s << QVariant(u"grid:40"_s) << none << none << 0
        << QVariant(u"grid:40"_s) << QVariant(u"acload"_s) << -1 << none;
    QTest::newRow("type-differs") << u"p1_I/Seeded"_s << QVariant(1) << none << none << -5 << none
                                  << none << 0 << none;
    QTest::newRow("existing-keeps-its-value")
        << u"p1_I/Kept"_s << QVariant(u"default"_s) << none << none << 0 << QVariant(u"stored"_s)
        << none << 0 << none;
    // Seen from localsettings v1.76 on a private bus (the rows above agree with it too): an
    // error before the setting is looked at answers no value, even for one that exists...
    QTest::newRow("existing-default-out-of-range")
        << u"p1_I/Ranged"_s << QVariant(3) << QVariant(0) << QVariant(2) << -7 << none << none << 0
        << none;
    // ...SetValue converts with Python's str() and int(), which take a boolean as 1...
    QTest::newRow("string-takes-a-bool")
        << u"p1_I/Name3"_s << QVariant(u""_s) << none << none << 0 << QVariant(u""_s)
        << QVariant(true) << 0 << QVariant(u"1"_s);
    QTest::newRow("int-takes-a-bool") << u"p1_I/Position4"_s << QVariant(0) << none << none << 0
                                      << QVariant(0) << QVariant(true) << 0 << QVariant(1);
    // ...and min and max are converted to the setting's type: int(0.5) is 0.
    QTest::newRow("int-range-given-as-doubles")
        << u"p1_I/Position5"_s << QVariant(1) << QVariant(0.5) << QVariant(2.5) << 0 << QVariant(1)
        << QVariant(0) << 0 << QVariant(0);
}

void TestSettingsClient::standInAnswersAsLocalsettings()
{
    QFETCH(QString, path);
    QFETCH(QVariant, defaultValue);
    QFETCH(QVariant, min);
    QFETCH(QVariant, max);
    QFETCH(int, error);
    QFETCH(QVariant, value);
    QFETCH(QVariant, written);
    QFETCH(int, setResult);
    QFETCH(QVariant, stored);

    QDBusConnection server =
        connection(u"settings-8-"_s + QString::fromLatin1(QTest::currentDataTag()));
    p1::test::FakeSettings settings(server);
    QVERIFY(settings.start());
    settings.values.insert(u"/Settings/Devices/p1_I/Seeded"_s, u"text"_s);
    settings.values.insert(u"/Settings/Devices/p1_I/Kept"_s, u"stored"_s);
    settings.values.insert(u"/Settings/Devices/p1_I/Ranged"_s, 2);
    QDBusConnection bus = connection(u"client-8-"_s + QString::fromLatin1(QTest::currentDataTag()));

    QVariantMap item {{u"path"_s, path}, {u"default"_s, defaultValue}};
    if (min.isValid())
        item.insert(u"min"_s, min);
    if (max.isValid())
        item.insert(u"max"_s, max);
    const QDBusMessage reply = call(bus, u"/Settings/Devices"_s, u"com.victronenergy.Settings"_s,
        u"AddSettings"_s, {QVariant::fromValue(QList<QVariantMap> {item})});
    QCOMPARE(reply.type(), QDBusMessage::ReplyMessage);
    const auto results = qdbus_cast<QList<QVariantMap>>(reply.arguments().value(0));
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.at(0).value(u"path"_s).toString(), path);
    QCOMPARE(results.at(0).value(u"error"_s).toInt(), error);
    QVariant got = results.at(0).value(u"value"_s);
    if (got.canConvert<QDBusVariant>())
        got = got.value<QDBusVariant>().variant();
    QCOMPARE(got, value);
    if (!written.isValid())
        return;
    const QString full = u"/Settings/Devices/"_s + path;
    const QVariant before = settings.values.value(full);
    const QDBusMessage set = call(bus, full, u"com.victronenergy.BusItem"_s, u"SetValue"_s,
        {QVariant::fromValue(QDBusVariant(written))});
    QCOMPARE(set.arguments().value(0).toInt(), setResult);
    if (setResult != 0)
        QCOMPARE(settings.values.value(full), before);
    else
        QCOMPARE(settings.values.value(full), stored);
}

void TestSettingsClient::standInSignalsAttributesAsLocalsettings_data()
{
    // The PropertiesChanged that AddSettings sends for a new setting
    // (SettingObject._setValue(sendAttributes=True)), as seen from localsettings v1.76: Value,
    // Text, Default, and for numbers Min and Max as GetMin/GetMax give them, of the setting's
    // type, an int32 0 when there is none.
    QTest::addColumn<QVariant>("defaultValue");
    QTest::addColumn<QVariant>("min");
    QTest::addColumn<QVariant>("max");
    QTest::addColumn<QVariant>("signalledMin"); // invalid: not in the signal
    QTest::addColumn<QVariant>("signalledMax");

    const QVariant none;
    QTest::newRow("int-range") << QVariant(0) << QVariant(0) << QVariant(2) << QVariant(0)
                               << QVariant(2);
    QTest::newRow("int-range-given-as-doubles")
        << QVariant(1) << QVariant(0.5) << QVariant(2.5) << QVariant(0) << QVariant(2);
    QTest::newRow("int-no-range") << QVariant(0) << none << none << QVariant(0) << QVariant(0);
    QTest::newRow("double-range") << QVariant(1.5) << QVariant(0.0) << QVariant(3.0)
                                  << QVariant(0.0) << QVariant(3.0);
    QTest::newRow("double-no-range") << QVariant(1.5) << none << none << QVariant(0) << QVariant(0);
    QTest::newRow("string") << QVariant(u"a"_s) << QVariant(0) << QVariant(2) << none << none;
}

void TestSettingsClient::standInSignalsAttributesAsLocalsettings()
{
    QFETCH(QVariant, defaultValue);
    QFETCH(QVariant, min);
    QFETCH(QVariant, max);
    QFETCH(QVariant, signalledMin);
    QFETCH(QVariant, signalledMax);

    // A path element has no '-'.
    const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(u'-', u'_');
    QDBusConnection server = connection(u"settings-9-"_s + tag);
    p1::test::FakeSettings settings(server);
    QVERIFY(settings.start());
    QDBusConnection bus = connection(u"client-9-"_s + tag);
    const QString path = u"/Settings/Devices/p1_P/"_s + tag;
    SignalCatcher catcher;
    QSignalSpy spy(&catcher, &SignalCatcher::received);
    QVERIFY(bus.connect(u"com.victronenergy.settings"_s, path, u"com.victronenergy.BusItem"_s,
        u"PropertiesChanged"_s, &catcher, SLOT(onSignal(QDBusMessage))));

    QVariantMap item {{u"path"_s, QString(u"p1_P/"_s + tag)}, {u"default"_s, defaultValue}};
    if (min.isValid())
        item.insert(u"min"_s, min);
    if (max.isValid())
        item.insert(u"max"_s, max);
    const QDBusMessage reply = call(bus, u"/Settings/Devices"_s, u"com.victronenergy.Settings"_s,
        u"AddSettings"_s, {QVariant::fromValue(QList<QVariantMap> {item})});
    QCOMPARE(reply.type(), QDBusMessage::ReplyMessage);
    QTRY_COMPARE(spy.count(), 1);

    const auto change =
        qdbus_cast<QVariantMap>(spy.at(0).at(0).value<QDBusMessage>().arguments().value(0));
    const auto field = [&change](const QString &name) {
        QVariant v = change.value(name);
        if (v.canConvert<QDBusVariant>())
            v = v.value<QDBusVariant>().variant();
        return v;
    };
    // QVariant's == takes int 0 and double 0.0 as equal: the types are compared too.
    const QList<std::pair<QString, QVariant>> expected {{u"Value"_s, defaultValue},
        {u"Text"_s, defaultValue.toString()}, {u"Default"_s, defaultValue},
        {u"Min"_s, signalledMin}, {u"Max"_s, signalledMax}};
    for (const auto &[name, want] : expected) {
        const QVariant got = field(name);
        QVERIFY2(got.typeId() == want.typeId(),
            qPrintable(name + u": "_s + QString::fromLatin1(got.typeName()) + u" instead of "_s
                + QString::fromLatin1(want.typeName())));
        QCOMPARE(got, want);
    }
}

QTEST_GUILESS_MAIN(TestSettingsClient)
#include "tst_settingsclient.moc"
