#include "fakesource.h"
#include "globuilder.h"
#include "mediator.h"
#include "sampletelegrams.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusPendingCallWatcher>
#include <QDBusServiceWatcher>
#include <QDBusVariant>
#include <QEventLoop>
#include <QSignalSpy>
#include <QTest>

using namespace std::chrono_literals;
using namespace Qt::StringLiterals;
using p1::Mediator;
using p1::Source;
using p1::test::FakeSource;

namespace {

using ItemMap = QMap<QString, QVariantMap>;

// Short enough that every test ends in well under a second; the bus is the private one of
// dbus-run-session.
p1::Options fastOptions()
{
    p1::Options o;
    o.dbus = u"session"_s;
    o.timeout = 400ms;
    o.settingsTimeout = 50ms; // no settings service here: the default instance after this
    o.sourceOptions.probeWindow = 300ms;
    o.sourceOptions.baudMode = p1::SerialSource::BaudMode::Baud115200; // one window
    return o;
}

// A Venus consumer on its own connection: watches a service's name and its ItemsChanged.
class Client : public QObject
{
    Q_OBJECT
public:
    explicit Client(const QString &service)
        : bus(QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"client-"_s + service))
        , watcher(service, bus, QDBusServiceWatcher::WatchForRegistration)
        , m_service(service)
    {
        qDBusRegisterMetaType<ItemMap>();
        bus.connect(service, u"/"_s, u"com.victronenergy.BusItem"_s, u"ItemsChanged"_s, this,
            SLOT(onItemsChanged(QDBusMessage)));
    }

    [[nodiscard]] bool registered() const
    {
        return bus.interface()->isServiceRegistered(m_service).value();
    }

    // The mediator lives in this thread: wait with the event loop running, never Block.
    QVariant value(const QString &path)
    {
        const QDBusMessage call = QDBusMessage::createMethodCall(
            m_service, path, u"com.victronenergy.BusItem"_s, u"GetValue"_s);
        QDBusPendingCallWatcher pending(bus.asyncCall(call, 5000));
        QEventLoop loop;
        connect(&pending, &QDBusPendingCallWatcher::finished, &loop, &QEventLoop::quit);
        if (!pending.isFinished())
            loop.exec();
        return pending.reply().arguments().value(0).value<QDBusVariant>().variant();
    }

    QDBusConnection bus;
    QDBusServiceWatcher watcher;
    QList<ItemMap> changes;

Q_SIGNALS:
    void itemsChanged();

private Q_SLOTS:
    void onItemsChanged(const QDBusMessage &m)
    {
        changes.append(qdbus_cast<ItemMap>(m.arguments().value(0)));
        Q_EMIT itemsChanged();
    }

private:
    QString m_service;
};

bool isInvalid(const QVariant &v)
{
    // An empty `ai` arrives as a QDBusArgument of signature "ai".
    return v.canConvert<QDBusArgument>()
        && v.value<QDBusArgument>().currentSignature() == QLatin1String("ai");
}

struct Rig
{
    explicit Rig(const QString &port, Source::Kind kind = Source::Kind::Serial,
        p1::Options options = fastOptions())
    {
        auto fake = std::make_unique<FakeSource>(kind, port);
        source = fake.get();
        mediator = std::make_unique<Mediator>(std::move(options), std::move(fake));
    }
    FakeSource *source = nullptr;
    std::unique_ptr<Mediator> mediator;
};

} // namespace

class TestMediator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstTelegramRegistersServices_data();
    void firstTelegramRegistersServices();
    void silenceInvalidatesValues();
    void silenceOnSerialExits();
    void sourceFinishedExits_data();
    void sourceFinishedExits();
    void noMeterWithinProbeExits_data();
    void noMeterWithinProbeExits();
    void publishesEncryptedStream_data();
    void publishesEncryptedStream();
};

void TestMediator::firstTelegramRegistersServices_data()
{
    QTest::addColumn<QByteArray>("telegram");
    QTest::addColumn<QString>("port");
    QTest::addColumn<int>("gasService"); // p1::GasService
    QTest::addColumn<QString>("gasName"); // empty: no gas service expected
    QTest::addColumn<double>("power");

    const auto t = [](const std::string &s) { return QByteArray(s.data(), qsizetype(s.size())); };
    QTest::newRow("dsmr5-gas-as-gasmeter")
        << t(p1::test::dsmr5ThreePhase()) << u"ttyR1"_s << int(p1::GasService::GasMeter)
        << u"com.victronenergy.gasmeter.p1_ttyR1"_s << 884.0;
    QTest::newRow("dsmr5-gas-as-pulsemeter")
        << t(p1::test::dsmr5ThreePhase()) << u"ttyR2"_s << int(p1::GasService::PulseMeter)
        << u"com.victronenergy.pulsemeter.p1_ttyR2"_s << 884.0;
    QTest::newRow("dsmr5-gas-not-published") << t(p1::test::dsmr5ThreePhase()) << u"ttyR3"_s
                                             << int(p1::GasService::None) << QString() << 884.0;
    QTest::newRow("single-phase-no-gas-meter")
        << t(p1::test::dsmr5SinglePhase()) << u"ttyR4"_s << int(p1::GasService::GasMeter)
        << QString() << -1250.0;
}

void TestMediator::firstTelegramRegistersServices()
{
    QFETCH(QByteArray, telegram);
    QFETCH(QString, port);
    QFETCH(int, gasService);
    QFETCH(QString, gasName);
    QFETCH(double, power);

    p1::Options options = fastOptions();
    options.timeout = 5s; // no silence within the test
    options.gasService = p1::GasService(gasService);
    Rig rig(port, Source::Kind::Serial, options);
    Client grid(u"com.victronenergy.grid.p1_"_s + port);
    QSignalSpy gridUp(&grid.watcher, &QDBusServiceWatcher::serviceRegistered);
    Client gas(gasName.isEmpty() ? u"com.victronenergy.gasmeter.p1_"_s + port : gasName);
    QSignalSpy gasUp(&gas.watcher, &QDBusServiceWatcher::serviceRegistered);
    QSignalSpy finished(rig.mediator.get(), &Mediator::finished);

    rig.mediator->start();
    QCOMPARE(rig.source->opens, 1);
    QVERIFY(!grid.registered()); // nothing before a meter is seen

    rig.source->push(telegram.toStdString());
    QCOMPARE(rig.mediator->counters().good, quint64(1));
    QCOMPARE(rig.source->accepted, 1);
    QVERIFY(gridUp.wait(5000));
    QCOMPARE(grid.value(u"/Ac/Power"_s).toDouble(), power);
    QCOMPARE(grid.value(u"/Connected"_s).toInt(), 1);
    QCOMPARE(grid.value(u"/DeviceInstance"_s).toInt(), p1::ServiceContract::kDefaultInstance);
    if (gasName.isEmpty()) {
        // Registered in the same turn as the grid service if it were made at all.
        QVERIFY(!gasUp.wait(300));
    } else {
        QVERIFY(gasUp.count() == 1 || gasUp.wait(5000));
        QCOMPARE(gas.value(u"/Aggregate"_s).toDouble(), 4567.89);
    }
    QCOMPARE(finished.count(), 0);
}

void TestMediator::publishesEncryptedStream_data()
{
    QTest::addColumn<QString>("port");
    QTest::addColumn<QString>("keyGiven"); // "right", "wrong", "none"
    QTest::addColumn<bool>("published");

    QTest::newRow("right-key") << u"ttyE1"_s << u"right"_s << true;
    QTest::newRow("wrong-key") << u"ttyE2"_s << u"wrong"_s << false;
    QTest::newRow("no-key") << u"ttyE3"_s << u"none"_s << false;
}

void TestMediator::publishesEncryptedStream()
{
    QFETCH(QString, port);
    QFETCH(QString, keyGiven);
    QFETCH(bool, published);

    std::mt19937 rng(21);
    const p1::AesKey key = p1::test::randomKey(rng);
    p1::Options options = fastOptions();
    options.timeout = 5s;
    if (keyGiven == u"right"_s)
        options.keys.key = key;
    else if (keyGiven == u"wrong"_s)
        options.keys.key = p1::test::randomKey(rng);
    Rig rig(port, Source::Kind::Serial, options);
    Client grid(u"com.victronenergy.grid.p1_"_s + port);
    QSignalSpy gridUp(&grid.watcher, &QDBusServiceWatcher::serviceRegistered);
    rig.mediator->start();

    // Two encrypted frames in small reads with line noise between, as a Smarty sends them.
    p1::test::GloOptions frame;
    const std::string stream = p1::test::buildGloFrame(p1::test::dsmr5ThreePhase(), key, frame)
        + std::string("\r\n\0", 3)
        + p1::test::buildGloFrame(p1::test::dsmr5ThreePhase("261125143016W"), key, frame);
    for (std::size_t i = 0; i < stream.size(); i += 7)
        rig.source->push(stream.substr(i, 7));
    QCOMPARE(rig.mediator->counters().good, quint64(published ? 2 : 0));
    QCOMPARE(rig.mediator->counters().rejected, quint64(published ? 0 : 2));
    if (published) {
        QVERIFY(gridUp.wait(5000));
        QCOMPARE(grid.value(u"/Ac/Power"_s).toDouble(), 884.0);
    } else {
        QVERIFY(!gridUp.wait(300));
        QVERIFY(!grid.registered());
    }
}

void TestMediator::silenceInvalidatesValues()
{
    // A TCP dongle may come back: silence invalidates, the daemon stays.
    Rig rig(u"192.168.1.20:8088"_s, Source::Kind::Tcp);
    Client grid(u"com.victronenergy.grid.p1_192_168_1_20_8088"_s);
    QSignalSpy gridUp(&grid.watcher, &QDBusServiceWatcher::serviceRegistered);
    QSignalSpy changed(&grid, &Client::itemsChanged);
    QSignalSpy finished(rig.mediator.get(), &Mediator::finished);
    rig.mediator->start();
    rig.source->push(p1::test::dsmr5ThreePhase());
    QVERIFY(gridUp.wait(5000));
    QCOMPARE(grid.value(u"/Ac/Power"_s).toDouble(), 884.0);

    QVERIFY(changed.wait(5000));
    const ItemMap &last = grid.changes.constLast();
    QCOMPARE(last.value(u"/Connected"_s).value(u"Value"_s).toInt(), 0);
    QVERIFY(isInvalid(last.value(u"/Ac/Power"_s).value(u"Value"_s)));
    QCOMPARE(grid.value(u"/Connected"_s).toInt(), 0);
    QVERIFY(isInvalid(grid.value(u"/Ac/Power"_s)));
    QCOMPARE(finished.count(), 0);

    // Data again: valid values and /Connected 1.
    rig.source->push(p1::test::dsmr5ThreePhase());
    QVERIFY(changed.wait(5000));
    QCOMPARE(grid.value(u"/Connected"_s).toInt(), 1);
    QCOMPARE(grid.value(u"/Ac/Power"_s).toDouble(), 884.0);
}

void TestMediator::silenceOnSerialExits()
{
    Rig rig(u"ttyS1"_s);
    Client grid(u"com.victronenergy.grid.p1_ttyS1"_s);
    QSignalSpy gridUp(&grid.watcher, &QDBusServiceWatcher::serviceRegistered);
    QSignalSpy changed(&grid, &Client::itemsChanged);
    QSignalSpy finished(rig.mediator.get(), &Mediator::finished);
    rig.mediator->start();
    rig.source->push(p1::test::dsmr5ThreePhase());
    QVERIFY(gridUp.wait(5000));

    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.constFirst().constFirst().toInt(), Mediator::kExitMeterLost);
    // The values went invalid before the service left the bus.
    QVERIFY(changed.count() > 0 || changed.wait(2000));
    QCOMPARE(grid.changes.constLast().value(u"/Connected"_s).value(u"Value"_s).toInt(), 0);
    QTRY_VERIFY(!grid.registered());
    QCOMPARE(rig.source->state(), Source::State::Closed);
}

void TestMediator::sourceFinishedExits_data()
{
    QTest::addColumn<Source::Kind>("kind");
    QTest::addColumn<Source::Error>("error");
    QTest::addColumn<bool>("meterSeen");
    QTest::addColumn<int>("exitCode");

    QTest::newRow("serial-unplugged-after-meter")
        << Source::Kind::Serial << Source::Error::Unplugged << true << Mediator::kExitMeterLost;
    QTest::newRow("serial-unplugged-before-meter")
        << Source::Kind::Serial << Source::Error::Unplugged << false << Mediator::kExitNoMeter;
    QTest::newRow("serial-busy") << Source::Kind::Serial << Source::Error::Busy << false
                                 << Mediator::kExitNoMeter;
    QTest::newRow("file-replayed-to-end")
        << Source::Kind::File << Source::Error::EndOfFile << true << Mediator::kExitStopped;
    QTest::newRow("file-unreadable")
        << Source::Kind::File << Source::Error::NotFound << false << Mediator::kExitNoMeter;
}

void TestMediator::sourceFinishedExits()
{
    QFETCH(Source::Kind, kind);
    QFETCH(Source::Error, error);
    QFETCH(bool, meterSeen);
    QFETCH(int, exitCode);

    p1::Options options = fastOptions();
    options.timeout = 5s;
    options.sourceOptions.probeWindow = 5s; // the source's end decides, not a timer
    Rig rig(u"ttyU"_s + QString::fromLatin1(QTest::currentDataTag()).remove(u'-'), kind, options);
    QSignalSpy finished(rig.mediator.get(), &Mediator::finished);
    rig.mediator->start();
    if (meterSeen)
        rig.source->push(p1::test::dsmr5ThreePhase());
    rig.source->failWith(error, u"test"_s);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.constFirst().constFirst().toInt(), exitCode);
}

void TestMediator::noMeterWithinProbeExits_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("silent") << QByteArray();
    QTest::newRow("garbage") << QByteArray("\x7f\xff not a telegram \r\n");
    // One digit changed after the CRC was computed.
    QTest::newRow("bad-crc") << QByteArray::fromStdString(p1::test::dsmr5ThreePhase())
                                    .replace("(00.884*kW)", "(00.885*kW)");
}

void TestMediator::noMeterWithinProbeExits()
{
    QFETCH(QByteArray, bytes);
    const QString port = u"ttyP"_s + QString::fromLatin1(QTest::currentDataTag()).remove(u'-');
    Rig rig(port);
    Client grid(u"com.victronenergy.grid.p1_"_s + port);
    QSignalSpy finished(rig.mediator.get(), &Mediator::finished);
    rig.mediator->start();
    if (!bytes.isEmpty())
        rig.source->push(bytes.toStdString());
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.constFirst().constFirst().toInt(), Mediator::kExitNoMeter);
    QCOMPARE(rig.mediator->counters().good, quint64(0));
    QCOMPARE(rig.source->accepted, 0);
    QVERIFY(!grid.registered()); // probing never claims a name
}

QTEST_GUILESS_MAIN(TestMediator)
#include "tst_mediator.moc"
