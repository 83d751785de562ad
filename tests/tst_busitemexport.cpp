#include "venus/busitemexport.h"
#include "venus/busitemtree.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusVariant>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QXmlStreamReader>

#include <memory>

using p1::BusItemExport;
using p1::BusItemTree;
using namespace Qt::StringLiterals;

using ItemMap = QMap<QString, QVariantMap>;
using TextMap = QMap<QString, QString>;

namespace {

const QString kService = u"com.victronenergy.grid.p1_test"_s;
const QString kInterface = u"com.victronenergy.BusItem"_s;

/// The D-Bus signature of a value as QtDBus hands it over: basic types arrive as themselves,
/// containers as a QDBusArgument that knows its signature.
QString wireSignature(const QVariant &value)
{
    if (value.metaType() == QMetaType::fromType<QDBusArgument>())
        return value.value<QDBusArgument>().currentSignature();
    return QString::fromLatin1(QDBusMetaType::typeToSignature(value.metaType()));
}

/// The value inside the variant a reply or a dict entry carries.
QVariant unwrap(const QVariant &value)
{
    return value.metaType() == QMetaType::fromType<QDBusVariant>()
        ? value.value<QDBusVariant>().variant()
        : value;
}

bool isEmptyIntArray(const QVariant &value)
{
    if (wireSignature(value) != u"ai")
        return false;
    return qdbus_cast<QList<int>>(value.value<QDBusArgument>()).isEmpty();
}

QString voltageText(const QVariant &value)
{
    return QString::number(value.toDouble(), 'f', 1) + u" V"_s;
}

} // namespace

/// Forwards D-Bus signals to a Qt signal that QSignalSpy can wait on.
class SignalCatcher : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void onSignal(const QDBusMessage &message) { Q_EMIT received(message); }

Q_SIGNALS:
    void received(const QDBusMessage &message);
};

// Runs under a private bus (dbus-run-session). The tree is served on one connection; every
// check goes through a second, independent connection (QtDBus client) or through gdbus,
// busctl and dbus-send processes, so what is tested is what travels over the bus daemon.
class TestBusItemExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void leafValueAndText_data();
    void leafValueAndText();
    void rootGetItems();
    void nodeGetValue_data();
    void nodeGetValue();
    void nodeGetText();
    void errors_data();
    void errors();
    void setValue_data();
    void setValue();
    void hugeWriteRefusedAndBusAnswers();
    void oneItemsChangedPerPublish();
    void propertiesChangedPerPath();
    void propertiesChangedOnlyWithTheOption();
    void signalsCarryEveryWireType_data();
    void signalsCarryEveryWireType();
    void introspect_data();
    void introspect();
    void tools_data();
    void tools();
    void twoServicesOnTwoConnections();
    void unregisterWithdrawsObjects();

private:
    QDBusMessage call(const QString &path, const QString &method, const QVariantList &args = {},
        const QString &interface = kInterface, const QString &service = kService);
    /// A round trip to the server: every signal it sent before has reached us afterwards.
    void barrier();
    /// Subscribes \a catcher to \a name from the service (any path when \a path is empty).
    void subscribe(SignalCatcher &catcher, const QString &name, const QString &path = {});

    QDBusConnection m_server {QString()};
    QDBusConnection m_client {QString()};
    std::unique_ptr<BusItemTree> m_tree;
    std::unique_ptr<BusItemExport> m_export;
};

void TestBusItemExport::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("needs a private session bus: run under dbus-run-session (ctest does)");
    m_server = QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"busitem-server"_s);
    m_client = QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"busitem-client"_s);
    QVERIFY(m_server.isConnected());
    QVERIFY(m_client.isConnected());
    QVERIFY(m_server.baseService() != m_client.baseService());
    qDBusRegisterMetaType<ItemMap>();
    qDBusRegisterMetaType<TextMap>();
}

void TestBusItemExport::init()
{
    m_tree = std::make_unique<BusItemTree>();
    QVERIFY(m_tree->addPath(u"/Ac/Energy/Forward"_s, 12345.678));
    QVERIFY(m_tree->addPath(u"/Ac/L1/Power"_s, -275.0));
    QVERIFY(m_tree->addPath(u"/Ac/L1/Voltage"_s, 230.5, voltageText));
    QVERIFY(m_tree->addPath(u"/Ac/L2/Power"_s)); // invalid
    QVERIFY(m_tree->addPath(u"/Ac/Power"_s, -275.0));
    QVERIFY(m_tree->addWritablePath(
        u"/CustomName"_s, QString(), [](const QString &, const QVariant &value) {
            return !value.toString().startsWith(u"Forbidden"_s);
        }));
    QVERIFY(m_tree->addPath(u"/DeviceInstance"_s, 40));
    QVERIFY(m_tree->addPath(u"/Mgmt/Connection"_s, u"/dev/ttyUSB0"_s));
    QVERIFY(m_tree->addPath(u"/ProductName"_s, u"P1 smart meter"_s));

    m_export = std::make_unique<BusItemExport>(m_tree.get());
    QVERIFY(m_export->registerOn(m_server));
    QVERIFY(m_server.registerService(kService));
}

void TestBusItemExport::cleanup()
{
    m_server.unregisterService(kService);
    m_export.reset();
    m_tree.reset();
}

QDBusMessage TestBusItemExport::call(const QString &path, const QString &method,
    const QVariantList &args, const QString &interface, const QString &service)
{
    QDBusMessage message = QDBusMessage::createMethodCall(service, path, interface, method);
    message.setArguments(args);
    // BlockWithGui: the server lives on this thread, so its answer needs our event loop.
    return m_client.call(message, QDBus::BlockWithGui, 5000);
}

void TestBusItemExport::barrier()
{
    QCOMPARE(call(u"/DeviceInstance"_s, u"GetValue"_s).type(), QDBusMessage::ReplyMessage);
}

void TestBusItemExport::subscribe(SignalCatcher &catcher, const QString &name, const QString &path)
{
    // QDBusConnection::connect has no functor overload in Qt 6.4: the slot goes by name.
    QVERIFY(
        m_client.connect(kService, path, kInterface, name, &catcher, SLOT(onSignal(QDBusMessage))));
    barrier(); // the bus has the match rule once a later call went through
}

void TestBusItemExport::leafValueAndText_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("signature");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("text");

    QTest::newRow("double") << u"/Ac/L1/Power"_s << u"d"_s << QVariant(-275.0) << u"-275"_s;
    QTest::newRow("double-formatted")
        << u"/Ac/L1/Voltage"_s << u"d"_s << QVariant(230.5) << u"230.5 V"_s;
    QTest::newRow("invalid") << u"/Ac/L2/Power"_s << u"ai"_s << QVariant() << u"---"_s;
    QTest::newRow("int32") << u"/DeviceInstance"_s << u"i"_s << QVariant(40) << u"40"_s;
    QTest::newRow("string") << u"/ProductName"_s << u"s"_s << QVariant(u"P1 smart meter"_s)
                            << u"P1 smart meter"_s;
    QTest::newRow("empty-string") << u"/CustomName"_s << u"s"_s << QVariant(QString()) << QString();
}

void TestBusItemExport::leafValueAndText()
{
    QFETCH(QString, path);
    QFETCH(QString, signature);
    QFETCH(QVariant, value);
    QFETCH(QString, text);

    const QDBusMessage reply = call(path, u"GetValue"_s);
    QCOMPARE(reply.type(), QDBusMessage::ReplyMessage);
    QCOMPARE(reply.signature(), u"v"_s);
    const QVariant got = unwrap(reply.arguments().at(0));
    QCOMPARE(wireSignature(got), signature);
    if (value.isValid())
        QCOMPARE(got, value);
    else
        QVERIFY(isEmptyIntArray(got));

    const QDBusMessage textReply = call(path, u"GetText"_s);
    QCOMPARE(textReply.type(), QDBusMessage::ReplyMessage);
    QCOMPARE(textReply.signature(), u"s"_s);
    QCOMPARE(textReply.arguments().at(0).toString(), text);
}

void TestBusItemExport::rootGetItems()
{
    const QDBusMessage reply = call(u"/"_s, u"GetItems"_s);
    QCOMPARE(reply.type(), QDBusMessage::ReplyMessage);
    QCOMPARE(reply.signature(), u"a{sa{sv}}"_s);
    const auto items = qdbus_cast<ItemMap>(reply.arguments().at(0));
    QCOMPARE(items.keys(), m_tree->paths());
    QCOMPARE(items.size(), 9);
    for (auto it = items.cbegin(); it != items.cend(); ++it) {
        QCOMPARE(it.value().keys(), (QStringList {u"Text"_s, u"Value"_s}));
        const QVariant value = unwrap(it.value().value(u"Value"_s));
        if (m_tree->value(it.key()).isValid())
            QCOMPARE(value, m_tree->value(it.key()));
        else
            QVERIFY2(isEmptyIntArray(value), qPrintable(it.key()));
        QCOMPARE(unwrap(it.value().value(u"Text"_s)).toString(), m_tree->text(it.key()));
    }
    QCOMPARE(unwrap(items.value(u"/Ac/L1/Voltage"_s).value(u"Text"_s)).toString(), u"230.5 V"_s);
    QCOMPARE(unwrap(items.value(u"/DeviceInstance"_s).value(u"Value"_s)), QVariant(40));
}

void TestBusItemExport::nodeGetValue_data()
{
    QTest::addColumn<QString>("node");
    QTest::addColumn<QStringList>("keys");

    QTest::newRow("root-without-leading-slash")
        << u"/"_s
        << QStringList {u"Ac/Energy/Forward"_s, u"Ac/L1/Power"_s, u"Ac/L1/Voltage"_s,
               u"Ac/L2/Power"_s, u"Ac/Power"_s, u"CustomName"_s, u"DeviceInstance"_s,
               u"Mgmt/Connection"_s, u"ProductName"_s};
    QTest::newRow("ac") << u"/Ac"_s
                        << QStringList {u"Energy/Forward"_s, u"L1/Power"_s, u"L1/Voltage"_s,
                               u"L2/Power"_s, u"Power"_s};
    QTest::newRow("ac-l1") << u"/Ac/L1"_s << QStringList {u"Power"_s, u"Voltage"_s};
    QTest::newRow("mgmt") << u"/Mgmt"_s << QStringList {u"Connection"_s};
}

void TestBusItemExport::nodeGetValue()
{
    QFETCH(QString, node);
    QFETCH(QStringList, keys);

    const QDBusMessage reply = call(node, u"GetValue"_s);
    QCOMPARE(reply.type(), QDBusMessage::ReplyMessage);
    QCOMPARE(reply.signature(), u"v"_s);
    const QVariant inner = unwrap(reply.arguments().at(0));
    QCOMPARE(wireSignature(inner), u"a{sv}"_s);
    const auto values = qdbus_cast<QVariantMap>(inner);
    QCOMPARE(values.keys(), keys);
    const QString prefix = node == u"/" ? node : node + u'/';
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const QVariant expected = m_tree->value(prefix + it.key());
        if (expected.isValid())
            QCOMPARE(unwrap(it.value()), expected);
        else
            QVERIFY(isEmptyIntArray(unwrap(it.value())));
    }
}

void TestBusItemExport::nodeGetText()
{
    const QDBusMessage reply = call(u"/Ac/L1"_s, u"GetText"_s);
    QCOMPARE(reply.type(), QDBusMessage::ReplyMessage);
    const QVariant inner = unwrap(reply.arguments().at(0));
    QCOMPARE(wireSignature(inner), u"a{ss}"_s);
    QCOMPARE(qdbus_cast<TextMap>(inner),
        (TextMap {{u"Power"_s, u"-275"_s}, {u"Voltage"_s, u"230.5 V"_s}}));

    const auto root = qdbus_cast<TextMap>(unwrap(call(u"/"_s, u"GetText"_s).arguments().at(0)));
    QCOMPARE(root.size(), 9);
    QCOMPARE(root.value(u"Ac/L2/Power"_s), u"---"_s);
    QCOMPARE(root.value(u"DeviceInstance"_s), u"40"_s);
}

void TestBusItemExport::errors_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("interface");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QVariantList>("args");
    QTest::addColumn<QString>("error");

    const QString unknownObject = u"org.freedesktop.DBus.Error.UnknownObject"_s;
    const QString unknownMethod = u"org.freedesktop.DBus.Error.UnknownMethod"_s;
    const QVariantList variant {QVariant::fromValue(QDBusVariant(1.0))};

    QTest::newRow("unknown-path") << u"/Dc/Power"_s << kInterface << u"GetValue"_s << QVariantList()
                                  << unknownObject;
    QTest::newRow("prefix-not-node")
        << u"/A"_s << kInterface << u"GetValue"_s << QVariantList() << unknownObject;
    QTest::newRow("unknown-path-introspect") << u"/Dc"_s << u"org.freedesktop.DBus.Introspectable"_s
                                             << u"Introspect"_s << QVariantList() << unknownObject;
    QTest::newRow("setvalue-on-node")
        << u"/Ac"_s << kInterface << u"SetValue"_s << variant << unknownMethod;
    QTest::newRow("getitems-on-leaf")
        << u"/Ac/Power"_s << kInterface << u"GetItems"_s << QVariantList() << unknownMethod;
    QTest::newRow("getitems-on-node")
        << u"/Ac"_s << kInterface << u"GetItems"_s << QVariantList() << unknownMethod;
    QTest::newRow("unknown-method")
        << u"/Ac/Power"_s << kInterface << u"Frobnicate"_s << QVariantList() << unknownMethod;
    QTest::newRow("setvalue-not-a-variant") << u"/CustomName"_s << kInterface << u"SetValue"_s
                                            << QVariantList {u"x"_s} << unknownMethod;
    QTest::newRow("getvalue-with-argument")
        << u"/Ac/Power"_s << kInterface << u"GetValue"_s << QVariantList {1} << unknownMethod;
    QTest::newRow("other-interface")
        << u"/Ac/Power"_s << u"org.example.Other"_s << u"GetValue"_s << QVariantList()
        << u"org.freedesktop.DBus.Error.UnknownInterface"_s;
}

void TestBusItemExport::errors()
{
    QFETCH(QString, path);
    QFETCH(QString, interface);
    QFETCH(QString, method);
    QFETCH(QVariantList, args);
    QFETCH(QString, error);

    const QDBusMessage reply = call(path, method, args, interface);
    QCOMPARE(reply.type(), QDBusMessage::ErrorMessage);
    QCOMPARE(reply.errorName(), error);
}

void TestBusItemExport::setValue_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<int>("result");
    QTest::addColumn<QVariant>("after");

    QTest::newRow("read-only") << u"/Ac/Power"_s << QVariant(5.0) << 1 << QVariant(-275.0);
    QTest::newRow("read-only-string")
        << u"/ProductName"_s << QVariant(u"x"_s) << 1 << QVariant(u"P1 smart meter"_s);
    QTest::newRow("accepted") << u"/CustomName"_s << QVariant(u"Hoofdmeter"_s) << 0
                              << QVariant(u"Hoofdmeter"_s);
    QTest::newRow("validator-refuses")
        << u"/CustomName"_s << QVariant(u"Forbidden name"_s) << 2 << QVariant(QString());
    // At most 128 bytes of UTF-8 (BusItemTree::kMaxWritableStringBytes), counted in bytes.
    QTest::newRow("128-bytes") << u"/CustomName"_s << QVariant(QString(128, u'a')) << 0
                               << QVariant(QString(128, u'a'));
    QTest::newRow("129-bytes") << u"/CustomName"_s << QVariant(QString(129, u'a')) << 4
                               << QVariant(QString());
    QTest::newRow("128-bytes-utf8")
        << u"/CustomName"_s << QVariant(u"é"_s.repeated(64)) << 0 << QVariant(u"é"_s.repeated(64));
    QTest::newRow("129-bytes-utf8-43-chars")
        << u"/CustomName"_s << QVariant(u"€"_s.repeated(43)) << 4 << QVariant(QString());
    QTest::newRow("wrong-type-int") << u"/CustomName"_s << QVariant(5) << 3 << QVariant(QString());
    QTest::newRow("wrong-type-array")
        << u"/CustomName"_s << QVariant::fromValue(QList<int> {}) << 3 << QVariant(QString());
}

void TestBusItemExport::setValue()
{
    QFETCH(QString, path);
    QFETCH(QVariant, value);
    QFETCH(int, result);
    QFETCH(QVariant, after);

    SignalCatcher items;
    SignalCatcher properties;
    subscribe(items, u"ItemsChanged"_s, u"/"_s);
    subscribe(properties, u"PropertiesChanged"_s, path);
    QSignalSpy itemsSpy(&items, &SignalCatcher::received);
    QSignalSpy propertiesSpy(&properties, &SignalCatcher::received);
    QSignalSpy writtenSpy(m_tree.get(), &BusItemTree::valueWritten);

    const QDBusMessage reply =
        call(path, u"SetValue"_s, {QVariant::fromValue(QDBusVariant(value))});
    QCOMPARE(reply.type(), QDBusMessage::ReplyMessage);
    QCOMPARE(reply.signature(), u"i"_s);
    QCOMPARE(reply.arguments().at(0).toInt(), result);
    QCOMPARE(unwrap(call(path, u"GetValue"_s).arguments().at(0)), after);

    barrier();
    const int changes = result == 0 ? 1 : 0;
    QCOMPARE(itemsSpy.size(), changes);
    QCOMPARE(propertiesSpy.size(), 0); // only with setPropertiesChangedEnabled(true)
    QCOMPARE(writtenSpy.size(), changes);
    if (changes) {
        const auto changed =
            qdbus_cast<ItemMap>(itemsSpy.at(0).at(0).value<QDBusMessage>().arguments().at(0));
        QCOMPARE(changed.keys(), QStringList {path});
        QCOMPARE(unwrap(changed.value(path).value(u"Value"_s)), after);
        QCOMPARE(writtenSpy.at(0).at(1), after);
    }
}

void TestBusItemExport::hugeWriteRefusedAndBusAnswers()
{
    SignalCatcher items;
    subscribe(items, u"ItemsChanged"_s, u"/"_s);
    QSignalSpy itemsSpy(&items, &SignalCatcher::received);
    QSignalSpy writtenSpy(m_tree.get(), &BusItemTree::valueWritten);

    const QDBusMessage reply = call(u"/CustomName"_s, u"SetValue"_s,
        {QVariant::fromValue(QDBusVariant(QString(1024 * 1024, u'x')))});
    QCOMPARE(reply.type(), QDBusMessage::ReplyMessage);
    QCOMPARE(reply.arguments().at(0).toInt(), int(BusItemTree::WriteResult::TooLong));

    // The connection is not jammed: the next call is answered at once.
    QElapsedTimer clock;
    clock.start();
    const QDBusMessage value = call(u"/CustomName"_s, u"GetValue"_s);
    const qint64 elapsed = clock.elapsed();
    QCOMPARE(value.type(), QDBusMessage::ReplyMessage);
    QCOMPARE(unwrap(value.arguments().at(0)), QVariant(QString()));
    QVERIFY2(elapsed < 100, qPrintable(u"GetValue took %1 ms"_s.arg(elapsed)));

    barrier();
    QCOMPARE(itemsSpy.size(), 0);
    QCOMPARE(writtenSpy.size(), 0);
}

void TestBusItemExport::oneItemsChangedPerPublish()
{
    SignalCatcher items;
    subscribe(items, u"ItemsChanged"_s, u"/"_s);
    QSignalSpy spy(&items, &SignalCatcher::received);

    // A telegram: three changes (one from valid to invalid, one from invalid to valid), one
    // path set to the value it already has.
    m_tree->setValue(u"/Ac/Power"_s, -300.0);
    m_tree->setValue(u"/Ac/L1/Power"_s, QVariant());
    m_tree->setValue(u"/Ac/L2/Power"_s, 25.0);
    m_tree->setValue(u"/Ac/L1/Voltage"_s, 230.5);
    m_tree->publish();

    QVERIFY(spy.wait());
    barrier();
    QCOMPARE(spy.size(), 1);
    const QDBusMessage signal = spy.at(0).at(0).value<QDBusMessage>();
    QCOMPARE(signal.path(), u"/"_s);
    QCOMPARE(signal.interface(), kInterface);
    QCOMPARE(signal.signature(), u"a{sa{sv}}"_s);
    const auto changed = qdbus_cast<ItemMap>(signal.arguments().at(0));
    QCOMPARE(changed.keys(), (QStringList {u"/Ac/L1/Power"_s, u"/Ac/L2/Power"_s, u"/Ac/Power"_s}));
    QCOMPARE(unwrap(changed.value(u"/Ac/Power"_s).value(u"Value"_s)), QVariant(-300.0));
    QCOMPARE(unwrap(changed.value(u"/Ac/Power"_s).value(u"Text"_s)), QVariant(u"-300"_s));
    QVERIFY(isEmptyIntArray(unwrap(changed.value(u"/Ac/L1/Power"_s).value(u"Value"_s))));
    QCOMPARE(unwrap(changed.value(u"/Ac/L1/Power"_s).value(u"Text"_s)), QVariant(u"---"_s));
    QCOMPARE(unwrap(changed.value(u"/Ac/L2/Power"_s).value(u"Value"_s)), QVariant(25.0));

    // Nothing changed: no signal at all.
    m_tree->publish();
    m_tree->setValue(u"/Ac/Power"_s, -300.0);
    m_tree->publish();
    barrier();
    QCOMPARE(spy.size(), 1);

    // The next telegram changes one path: one signal with that path alone.
    m_tree->setValue(u"/Ac/Energy/Forward"_s, 12345.679);
    m_tree->publish();
    QVERIFY(spy.wait());
    barrier();
    QCOMPARE(spy.size(), 2);
    const auto second =
        qdbus_cast<ItemMap>(spy.at(1).at(0).value<QDBusMessage>().arguments().at(0));
    QCOMPARE(second.keys(), QStringList {u"/Ac/Energy/Forward"_s});
}

void TestBusItemExport::propertiesChangedPerPath()
{
    SignalCatcher properties;
    subscribe(properties, u"PropertiesChanged"_s); // every path
    QSignalSpy spy(&properties, &SignalCatcher::received);
    m_export->setPropertiesChangedEnabled(true);

    m_tree->setValue(u"/Ac/Power"_s, -300.0);
    m_tree->setValue(u"/Ac/L1/Power"_s, QVariant());
    m_tree->setValue(u"/DeviceInstance"_s, 40); // unchanged
    m_tree->publish();
    QVERIFY(spy.wait());
    barrier();
    QCOMPARE(spy.size(), 2);

    QMap<QString, QVariantMap> byPath;
    for (const QList<QVariant> &emission : std::as_const(spy)) {
        const QDBusMessage signal = emission.at(0).value<QDBusMessage>();
        QCOMPARE(signal.interface(), kInterface);
        QCOMPARE(signal.signature(), u"a{sv}"_s);
        byPath.insert(signal.path(), qdbus_cast<QVariantMap>(signal.arguments().at(0)));
    }
    QCOMPARE(byPath.keys(), (QStringList {u"/Ac/L1/Power"_s, u"/Ac/Power"_s}));
    QCOMPARE(byPath.value(u"/Ac/Power"_s).keys(), (QStringList {u"Text"_s, u"Value"_s}));
    QCOMPARE(unwrap(byPath.value(u"/Ac/Power"_s).value(u"Value"_s)), QVariant(-300.0));
    QCOMPARE(unwrap(byPath.value(u"/Ac/Power"_s).value(u"Text"_s)), QVariant(u"-300"_s));
    QVERIFY(isEmptyIntArray(unwrap(byPath.value(u"/Ac/L1/Power"_s).value(u"Value"_s))));
    QCOMPARE(unwrap(byPath.value(u"/Ac/L1/Power"_s).value(u"Text"_s)), QVariant(u"---"_s));
}

void TestBusItemExport::propertiesChangedOnlyWithTheOption()
{
    SignalCatcher items;
    SignalCatcher properties;
    subscribe(items, u"ItemsChanged"_s, u"/"_s);
    subscribe(properties, u"PropertiesChanged"_s);
    QSignalSpy itemsSpy(&items, &SignalCatcher::received);
    QSignalSpy propertiesSpy(&properties, &SignalCatcher::received);

    // Off by default: one ItemsChanged, nothing per path.
    m_tree->setValue(u"/Ac/Power"_s, 1.0);
    m_tree->setValue(u"/Ac/L1/Power"_s, 2.0);
    m_tree->publish();
    QVERIFY(itemsSpy.wait());
    barrier();
    QCOMPARE(itemsSpy.size(), 1);
    QCOMPARE(propertiesSpy.size(), 0);

    // On: the same ItemsChanged and one PropertiesChanged per changed path.
    m_export->setPropertiesChangedEnabled(true);
    m_tree->setValue(u"/Ac/Power"_s, 3.0);
    m_tree->setValue(u"/Ac/L1/Power"_s, 4.0);
    m_tree->publish();
    QVERIFY(itemsSpy.wait());
    barrier();
    QCOMPARE(itemsSpy.size(), 2);
    QCOMPARE(propertiesSpy.size(), 2);

    // Off again.
    m_export->setPropertiesChangedEnabled(false);
    m_tree->setValue(u"/Ac/Power"_s, 5.0);
    m_tree->publish();
    QVERIFY(itemsSpy.wait());
    barrier();
    QCOMPARE(itemsSpy.size(), 3);
    QCOMPARE(propertiesSpy.size(), 2);
}

void TestBusItemExport::signalsCarryEveryWireType_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("signature");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("propertiesChanged");

    // ItemsChanged (and PropertiesChanged when enabled) and GetValue must put the same type on
    // the wire.
    const struct
    {
        const char *name;
        QVariant value;
        QString signature;
        QString text;
    } rows[] {
        {"double", QVariant(-0.5), u"d"_s, u"-0.5"_s},
        {"int32", QVariant(-7), u"i"_s, u"-7"_s},
        {"uint32", QVariant(7u), u"u"_s, u"7"_s},
        {"bool", QVariant(true), u"b"_s, u"true"_s},
        {"int64", QVariant(qlonglong(-1) << 40), u"x"_s, u"big"_s},
        {"uint64", QVariant(qulonglong(1) << 63), u"t"_s, u"bigger"_s},
        {"string", QVariant(u"Zählerstand €"_s), u"s"_s, u"Zählerstand €"_s},
        {"empty-string", QVariant(QString()), u"s"_s, QString()},
        {"invalid", QVariant(), u"ai"_s, u"---"_s},
        {"list", QVariant(QStringList {u"a"_s, u"b"_s}), u"as"_s, u"a, b"_s},
    };
    for (const bool properties : {false, true}) {
        for (const auto &row : rows)
            QTest::addRow("%s%s", row.name, properties ? "+properties-changed" : "")
                << row.value << row.signature << row.text << properties;
    }
}

void TestBusItemExport::signalsCarryEveryWireType()
{
    QFETCH(QVariant, value);
    QFETCH(QString, signature);
    QFETCH(QString, text);
    QFETCH(bool, propertiesChanged);

    m_export->setPropertiesChangedEnabled(propertiesChanged);
    const QString path = u"/Ac/L2/Power"_s; // invalid until now
    SignalCatcher items;
    SignalCatcher properties;
    subscribe(items, u"ItemsChanged"_s, u"/"_s);
    subscribe(properties, u"PropertiesChanged"_s, path);
    QSignalSpy itemsSpy(&items, &SignalCatcher::received);
    QSignalSpy propertiesSpy(&properties, &SignalCatcher::received);

    // From invalid to the value; an invalid row goes to a value first and back.
    if (!value.isValid()) {
        m_tree->setValue(path, 1.0, u"1"_s);
        m_tree->publish();
        QVERIFY(itemsSpy.wait());
        barrier();
        itemsSpy.clear();
        propertiesSpy.clear();
    }
    m_tree->setValue(path, value, text);
    m_tree->publish();
    if (itemsSpy.isEmpty())
        QVERIFY(itemsSpy.wait());
    barrier();
    QCOMPARE(itemsSpy.size(), 1);
    QCOMPARE(propertiesSpy.size(), propertiesChanged ? 1 : 0);

    const auto checkValue = [&](const QVariant &wire) {
        const QVariant got = unwrap(wire);
        QCOMPARE(wireSignature(got), signature);
        if (!value.isValid())
            QVERIFY(isEmptyIntArray(got));
        else if (value.metaType() == QMetaType::fromType<QStringList>())
            QCOMPARE(qdbus_cast<QStringList>(got), value.toStringList());
        else
            QCOMPARE(got, value);
    };
    const auto changed =
        qdbus_cast<ItemMap>(itemsSpy.at(0).at(0).value<QDBusMessage>().arguments().at(0));
    QCOMPARE(changed.keys(), QStringList {path});
    checkValue(changed.value(path).value(u"Value"_s));
    QCOMPARE(unwrap(changed.value(path).value(u"Text"_s)), QVariant(text));

    if (propertiesChanged) {
        const QDBusMessage signal = propertiesSpy.at(0).at(0).value<QDBusMessage>();
        QCOMPARE(signal.path(), path);
        QCOMPARE(signal.signature(), u"a{sv}"_s);
        const auto propertiesMap = qdbus_cast<QVariantMap>(signal.arguments().at(0));
        QCOMPARE(propertiesMap.keys(), (QStringList {u"Text"_s, u"Value"_s}));
        checkValue(propertiesMap.value(u"Value"_s));
        QCOMPARE(unwrap(propertiesMap.value(u"Text"_s)), QVariant(text));
    }

    const QDBusMessage reply = call(path, u"GetValue"_s);
    QCOMPARE(reply.type(), QDBusMessage::ReplyMessage);
    checkValue(reply.arguments().at(0));
}

void TestBusItemExport::introspect_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("methods"); ///< BusItem members as "Name(in)->out"
    QTest::addColumn<QStringList>("children");

    const QStringList nodeMethods {u"GetValue()->v"_s, u"GetText()->v"_s};
    QTest::newRow("root") << u"/"_s
                          << nodeMethods
            + QStringList {u"GetItems()->a{sa{sv}}"_s, u"signal ItemsChanged(a{sa{sv}})"_s}
                          << QStringList {u"Ac"_s, u"CustomName"_s, u"DeviceInstance"_s, u"Mgmt"_s,
                                 u"ProductName"_s};
    QTest::newRow("ac") << u"/Ac"_s << nodeMethods
                        << QStringList {u"Energy"_s, u"L1"_s, u"L2"_s, u"Power"_s};
    QTest::newRow("leaf") << u"/Ac/L1/Power"_s
                          << QStringList {u"GetValue()->v"_s, u"GetText()->s"_s,
                                 u"SetValue(v)->i"_s, u"signal PropertiesChanged(a{sv})"_s}
                          << QStringList();
}

void TestBusItemExport::introspect()
{
    QFETCH(QString, path);
    QFETCH(QStringList, methods);
    QFETCH(QStringList, children);

    const QDBusMessage reply =
        call(path, u"Introspect"_s, {}, u"org.freedesktop.DBus.Introspectable"_s);
    QCOMPARE(reply.type(), QDBusMessage::ReplyMessage);
    QXmlStreamReader xml(reply.arguments().at(0).toString());

    QStringList interfaces;
    QStringList members;
    QStringList nodes;
    QString interface;
    QString member;
    QString in;
    QString out;
    int depth = 0;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        const QStringView name = xml.name();
        const auto attribute = [&xml](const char *key) {
            return xml.attributes().value(QLatin1StringView(key)).toString();
        };
        if (token == QXmlStreamReader::StartElement) {
            ++depth;
            if (name == u"interface") {
                interface = attribute("name");
                interfaces.append(interface);
            } else if (name == u"node" && depth == 2) {
                nodes.append(attribute("name"));
            } else if (name == u"method" || name == u"signal") {
                member = (name == u"signal" ? u"signal "_s : QString()) + attribute("name");
                in.clear();
                out.clear();
            } else if (name == u"arg") {
                (attribute("direction") == u"out" ? out : in) += attribute("type");
            }
        } else if (token == QXmlStreamReader::EndElement) {
            --depth;
            if (interface == kInterface && name == u"method")
                members.append(member + u'(' + in + u')' + (out.isEmpty() ? u""_s : u"->"_s + out));
            else if (interface == kInterface && name == u"signal")
                members.append(member + u'(' + in + out + u')');
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(interfaces.contains(kInterface));
    QVERIFY(interfaces.contains(u"org.freedesktop.DBus.Introspectable"_s));
    QCOMPARE(members, methods);
    QCOMPARE(nodes, children);
}

void TestBusItemExport::tools_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("expected"); ///< substrings of its output

    const auto gdbusCall = [](const QString &path, const QString &method,
                               const QStringList &args = {}) -> QStringList {
        return QStringList {u"call"_s, u"--session"_s, u"--dest"_s, kService, u"--object-path"_s,
                   path, u"--method"_s, u"com.victronenergy.BusItem."_s + method}
        + args;
    };
    const auto busctl = [](const QString &path, const QString &method,
                            const QStringList &args = {}) -> QStringList {
        return QStringList {u"--user"_s, u"call"_s, kService, path, kInterface, method} + args;
    };

    // gdbus prints GVariant text: the type shows where it is not the default one.
    QTest::newRow("gdbus-double") << u"gdbus"_s << gdbusCall(u"/Ac/L1/Voltage"_s, u"GetValue"_s)
                                  << QStringList {u"(<230.5>,)"_s};
    QTest::newRow("gdbus-invalid") << u"gdbus"_s << gdbusCall(u"/Ac/L2/Power"_s, u"GetValue"_s)
                                   << QStringList {u"(<@ai []>,)"_s};
    QTest::newRow("gdbus-int32") << u"gdbus"_s << gdbusCall(u"/DeviceInstance"_s, u"GetValue"_s)
                                 << QStringList {u"(<40>,)"_s};
    QTest::newRow("gdbus-string") << u"gdbus"_s << gdbusCall(u"/ProductName"_s, u"GetValue"_s)
                                  << QStringList {u"(<'P1 smart meter'>,)"_s};
    QTest::newRow("gdbus-text") << u"gdbus"_s << gdbusCall(u"/Ac/L1/Voltage"_s, u"GetText"_s)
                                << QStringList {u"('230.5 V',)"_s};
    QTest::newRow("gdbus-node") << u"gdbus"_s << gdbusCall(u"/Ac/L1"_s, u"GetValue"_s)
                                << QStringList {u"(<{'Power': <-275.0>, 'Voltage': <230.5>}>,)"_s};
    QTest::newRow("gdbus-setvalue-accepted")
        << u"gdbus"_s << gdbusCall(u"/CustomName"_s, u"SetValue"_s, {u"<'Garage'>"_s})
        << QStringList {u"(0,)"_s};
    QTest::newRow("gdbus-setvalue-read-only")
        << u"gdbus"_s << gdbusCall(u"/Ac/Power"_s, u"SetValue"_s, {u"<5.0>"_s})
        << QStringList {u"(1,)"_s};
    QTest::newRow("gdbus-setvalue-wrong-type")
        << u"gdbus"_s << gdbusCall(u"/CustomName"_s, u"SetValue"_s, {u"<5>"_s})
        << QStringList {u"(3,)"_s};
    QTest::newRow("gdbus-introspect")
        << u"gdbus"_s
        << QStringList {u"introspect"_s, u"--session"_s, u"--dest"_s, kService, u"--object-path"_s,
               u"/Ac/L1/Power"_s}
        << QStringList {u"interface com.victronenergy.BusItem"_s, u"GetValue(out v value);"_s,
               u"SetValue(in  v value,"_s, u"PropertiesChanged(a{sv} changes);"_s};

    // busctl prints the signature before each value.
    QTest::newRow("busctl-double")
        << u"busctl"_s << busctl(u"/Ac/Power"_s, u"GetValue"_s) << QStringList {u"v d -275"_s};
    QTest::newRow("busctl-invalid")
        << u"busctl"_s << busctl(u"/Ac/L2/Power"_s, u"GetValue"_s) << QStringList {u"v ai 0"_s};
    QTest::newRow("busctl-getitems")
        << u"busctl"_s << busctl(u"/"_s, u"GetItems"_s)
        << QStringList {u"a{sa{sv}} 9 \"/Ac/Energy/Forward\" 2"_s,
               u"\"/Ac/L2/Power\" 2 \"Value\" ai 0 \"Text\" s \"---\""_s};
    QTest::newRow("busctl-tree") << u"busctl"_s
                                 << QStringList {u"--user"_s, u"--list"_s, u"tree"_s, kService}
                                 << QStringList {u"/Ac/L1/Power"_s, u"/Mgmt/Connection"_s,
                                        u"/DeviceInstance"_s};

    QTest::newRow("dbus-send-double")
        << u"dbus-send"_s
        << QStringList {u"--session"_s, u"--print-reply"_s, u"--dest="_s + kService,
               u"/Ac/L1/Voltage"_s, u"com.victronenergy.BusItem.GetValue"_s}
        << QStringList {u"variant       double 230.5"_s};
    QTest::newRow("dbus-send-setvalue")
        << u"dbus-send"_s
        << QStringList {u"--session"_s, u"--print-reply"_s, u"--dest="_s + kService,
               u"/CustomName"_s, u"com.victronenergy.BusItem.SetValue"_s,
               u"variant:string:Schuur"_s}
        << QStringList {u"int32 0"_s};
}

void TestBusItemExport::tools()
{
    QFETCH(QString, program);
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, expected);

    const QString executable = QStandardPaths::findExecutable(program);
    if (executable.isEmpty())
        QSKIP("tool not installed");

    // Run it without blocking: it talks to the export, which needs our event loop to answer.
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(executable, arguments);
    QVERIFY2(finished.wait(10000), qPrintable(program + u" did not finish"_s));
    const QString output = QString::fromUtf8(process.readAllStandardOutput());
    const QString errors = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
        qPrintable(errors));
    for (const QString &part : expected)
        QVERIFY2(output.contains(part), qPrintable(u"missing «"_s + part + u"» in:\n"_s + output));
}

void TestBusItemExport::twoServicesOnTwoConnections()
{
    // Grid and gas are two services on two connections, each with its own tree and export.
    QDBusConnection gasBus =
        QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"busitem-gas"_s);
    const QString gasService = u"com.victronenergy.gasmeter.p1_test"_s;
    BusItemTree gas;
    QVERIFY(gas.addPath(u"/Aggregate"_s, 4567.89));
    BusItemExport gasExport(&gas);
    QVERIFY(gasExport.registerOn(gasBus));
    QVERIFY(gasBus.registerService(gasService));

    const auto gasItems = qdbus_cast<ItemMap>(
        call(u"/"_s, u"GetItems"_s, {}, kInterface, gasService).arguments().at(0));
    QCOMPARE(gasItems.keys(), QStringList {u"/Aggregate"_s});
    const auto gridItems = qdbus_cast<ItemMap>(call(u"/"_s, u"GetItems"_s).arguments().at(0));
    QCOMPARE(gridItems.size(), 9);
    QCOMPARE(call(u"/Aggregate"_s, u"GetValue"_s).errorName(),
        u"org.freedesktop.DBus.Error.UnknownObject"_s);

    gasBus.unregisterService(gasService);
    QDBusConnection::disconnectFromBus(u"busitem-gas"_s);
}

void TestBusItemExport::unregisterWithdrawsObjects()
{
    QCOMPARE(call(u"/Ac/Power"_s, u"GetValue"_s).type(), QDBusMessage::ReplyMessage);
    m_export->unregister();
    QVERIFY(!m_export->isRegistered());
    QCOMPARE(call(u"/Ac/Power"_s, u"GetValue"_s).type(), QDBusMessage::ErrorMessage);
    // And it can come back.
    QVERIFY(m_export->registerOn(m_server));
    QCOMPARE(unwrap(call(u"/Ac/Power"_s, u"GetValue"_s).arguments().at(0)), QVariant(-275.0));
}

QTEST_GUILESS_MAIN(TestBusItemExport)
#include "tst_busitemexport.moc"
