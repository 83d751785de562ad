#include "fakesettings.h"
#include "fakesource.h"
#include "globuilder.h"
#include "io/simulatedmeter.h"
#include "mediator.h"
#include "sampletelegrams.h"
#include "telegrambuilder.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusPendingCallWatcher>
#include <QDBusServiceWatcher>
#include <QDBusVariant>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTest>

#include <thread>

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

/// The log lines written while it lives, with their level and category; with \a debug the
/// p1 categories' debug lines too (the daemon's -v).
class LogCapture
{
public:
    struct Line
    {
        QtMsgType type;
        QString category;
        QString text;
    };

    explicit LogCapture(bool debug = false)
    {
        s_lines.clear();
        QLoggingCategory::setFilterRules(debug ? u"p1.*.debug=true"_s : u"p1.*.debug=false"_s);
        m_previous = qInstallMessageHandler(&LogCapture::handle);
    }
    ~LogCapture()
    {
        qInstallMessageHandler(m_previous);
        QLoggingCategory::setFilterRules(QString());
    }
    /// The lines of \a type containing \a text.
    [[nodiscard]] QStringList find(QtMsgType type, const QString &text) const
    {
        QStringList out;
        for (const Line &line : s_lines)
            if (line.type == type && line.text.contains(text))
                out << line.category + u": "_s + line.text;
        return out;
    }
    [[nodiscard]] QStringList all() const
    {
        QStringList out;
        for (const Line &line : s_lines)
            out << QString::number(line.type) + u' ' + line.category + u": "_s + line.text;
        return out;
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &text)
    {
        s_lines.append({type, QString::fromLatin1(context.category), text});
    }
    static inline QList<Line> s_lines;
    QtMessageHandler m_previous = nullptr;
};

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
    void pulseMetersForGasAndWater_data();
    void pulseMetersForGasAndWater();
    void singlePhasePublishesL1Energy();
    void simulatorShowsGridAndTwoPulseMeters();
    void silenceInvalidatesValues();
    void silenceOnSerialExits();
    void sourceFinishedExits_data();
    void sourceFinishedExits();
    void noMeterWithinProbeExits_data();
    void noMeterWithinProbeExits();
    void roleSurvivesARestart();
    void probeLastsItsWindowPerRate();
    void unreachableBusExitsAtOnce();
    void silenceBeforeAnyMeterInvalidatesNothing();
    void endOfReplayIsNoWarning();
    void repeatedSourceErrorsAreLoggedOnce();
    void verboseLogsEveryTelegramAndChange_data();
    void verboseLogsEveryTelegramAndChange();
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
        << u"com.victronenergy.pulsemeter.p1_ttyR2_gas"_s << 884.0;
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
    Client gas(
        gasName.isEmpty() ? u"com.victronenergy.pulsemeter.p1_"_s + port + u"_gas"_s : gasName);
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

void TestMediator::roleSurvivesARestart()
{
    // Issue 10 item 4: the GUI makes the meter an AC load; the daemon restarts (serial-starter
    // after a pulled cable) and comes back as one. The settings stand-in follows localsettings
    // (tests/support/fakesettings.h): ClassAndVrmInstance keeps "acload:40" across the restart.
    QDBusConnection settingsBus =
        QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"settings-role"_s);
    p1::test::FakeSettings settings(settingsBus);
    QVERIFY(settings.start());
    p1::Options options = fastOptions();
    options.timeout = 5s;
    options.settingsTimeout = 5s;
    options.gasService = p1::GasService::None;
    const QString setting = u"/Settings/Devices/p1_E0062000013122923/ClassAndVrmInstance"_s;
    Client grid(u"com.victronenergy.grid.p1_ttyRole"_s);
    QSignalSpy gridUp(&grid.watcher, &QDBusServiceWatcher::serviceRegistered);
    Client acload(u"com.victronenergy.acload.p1_ttyRole"_s);
    QSignalSpy acloadUp(&acload.watcher, &QDBusServiceWatcher::serviceRegistered);
    {
        Rig rig(u"ttyRole"_s, Source::Kind::Serial, options);
        rig.mediator->start();
        rig.source->push(p1::test::dsmr5ThreePhase());
        QVERIFY(gridUp.wait(5000));
        const QDBusMessage call =
            QDBusMessage::createMethodCall(u"com.victronenergy.grid.p1_ttyRole"_s, u"/Role"_s,
                u"com.victronenergy.BusItem"_s, u"SetValue"_s)
            << QVariant::fromValue(QDBusVariant(u"acload"_s));
        QDBusPendingCallWatcher pending(grid.bus.asyncCall(call, 5000));
        QSignalSpy answered(&pending, &QDBusPendingCallWatcher::finished);
        QVERIFY(pending.isFinished() || answered.wait(5000));
        QCOMPARE(pending.reply().arguments().value(0).toInt(), 0);
        // The new name may have come while answered.wait() ran: count instead.
        QTRY_COMPARE(acloadUp.count(), 1);
        QVERIFY(!grid.registered());
        QCOMPARE(settings.values.value(setting).toString(), u"acload:40"_s);
        QCOMPARE(acload.value(u"/Ac/Power"_s).toDouble(), 884.0);
    }
    QTRY_VERIFY(!acload.registered());

    gridUp.clear();
    acloadUp.clear();
    Rig again(u"ttyRole"_s, Source::Kind::Serial, options);
    again.mediator->start();
    again.source->push(p1::test::dsmr5ThreePhase());
    QVERIFY(acloadUp.wait(5000));
    QCOMPARE(acload.value(u"/Role"_s).toString(), u"acload"_s);
    QCOMPARE(acload.value(u"/DeviceInstance"_s).toInt(), 40);
    QCOMPARE(acload.value(u"/IsGenericEnergyMeter"_s).toInt(), 1);
    QCOMPARE(gridUp.count(), 0);
}

void TestMediator::probeLastsItsWindowPerRate()
{
    // --probe-timeout is per baud rate: auto tries two, so 2 x 500 ms here, not a moment less.
    // Started at .540 s of the monotonic clock's second, the timeout falls on .540 too, which
    // a coarse timer (5 % leeway) moves to .500: 40 ms early, as 5.7 s for 2 x 3 s was.
    p1::Options options = fastOptions();
    options.sourceOptions.baudMode = p1::SerialSource::BaudMode::Auto;
    options.sourceOptions.probeWindow = 500ms;
    Rig rig(u"ttyProbeSpan"_s, Source::Kind::Serial, options);
    QSignalSpy finished(rig.mediator.get(), &Mediator::finished);
    const auto phase = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::steady_clock::now().time_since_epoch())
                           .count()
        % 1000;
    std::this_thread::sleep_for(std::chrono::milliseconds((1540 - phase) % 1000));
    QElapsedTimer elapsed;
    elapsed.start();
    rig.mediator->start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.constFirst().constFirst().toInt(), Mediator::kExitNoMeter);
    QVERIFY2(elapsed.elapsed() >= 1000, qPrintable(QString::number(elapsed.elapsed())));
}

void TestMediator::unreachableBusExitsAtOnce()
{
    // No bus, so no settings service either: waiting the settings timeout helps nobody.
    p1::Options options = fastOptions();
    options.dbus = u"unix:path=/nonexistent/dbus-p1-test-bus"_s;
    options.settingsTimeout = 30s;
    Rig rig(u"ttyNoBus"_s, Source::Kind::Tcp, options);
    QSignalSpy finished(rig.mediator.get(), &Mediator::finished);
    QElapsedTimer elapsed;
    elapsed.start();
    rig.mediator->start();
    rig.source->push(p1::test::dsmr5ThreePhase());
    QVERIFY(finished.count() == 1 || finished.wait(3000));
    QCOMPARE(finished.constFirst().constFirst().toInt(), Mediator::kExitMeterLost);
    QVERIFY2(elapsed.elapsed() < 3000, qPrintable(QString::number(elapsed.elapsed())));
}

void TestMediator::silenceBeforeAnyMeterInvalidatesNothing()
{
    // A TCP dongle that has not delivered a telegram yet: nothing was published, so nothing
    // "goes invalid"; the log says what is true.
    LogCapture log;
    Rig rig(u"10.0.0.9:2001"_s, Source::Kind::Tcp);
    QSignalSpy finished(rig.mediator.get(), &Mediator::finished);
    rig.mediator->start();
    QTRY_VERIFY_WITH_TIMEOUT(!log.find(QtWarningMsg, u"no valid telegram"_s).isEmpty(), 3000);
    QVERIFY2(
        log.find(QtWarningMsg, u"values invalid"_s).isEmpty(), qPrintable(log.all().join(u'\n')));
    QCOMPARE(log.find(QtWarningMsg, u"no valid telegram yet from fake 10.0.0.9:2001 after 0.4 s"_s)
                 .size(),
        1);
    QCOMPARE(finished.count(), 0);

    // The first telegram is a meter found, not "telegrams again".
    rig.source->push(p1::test::dsmr5ThreePhase());
    QTRY_VERIFY(!log.find(QtInfoMsg, u"meter found"_s).isEmpty());
    QVERIFY(log.find(QtInfoMsg, u"telegrams again"_s).isEmpty());
}

void TestMediator::endOfReplayIsNoWarning()
{
    LogCapture log;
    Rig rig(u"capture.p1"_s, Source::Kind::File);
    QSignalSpy finished(rig.mediator.get(), &Mediator::finished);
    rig.mediator->start();
    rig.source->push(p1::test::dsmr5ThreePhase());
    rig.source->failWith(Source::Error::EndOfFile, u"replayed"_s);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.constFirst().constFirst().toInt(), Mediator::kExitStopped);
    QVERIFY2(log.find(QtWarningMsg, QString()).isEmpty(), qPrintable(log.all().join(u'\n')));
}

void TestMediator::repeatedSourceErrorsAreLoggedOnce()
{
    // A dongle that delivers a telegram and hangs up, again and again: one warning line, the
    // rest counted (RepeatLimiter), not two lines a second in Venus's 100 kB log.
    LogCapture log;
    p1::Options options = fastOptions();
    options.timeout = 5s;
    Rig rig(u"10.0.0.8:2001"_s, Source::Kind::Tcp, options);
    rig.mediator->start();
    for (int i = 0; i < 20; ++i)
        rig.source->reportError(Source::Error::ConnectionLost, u"closed by the remote end"_s);
    QCOMPARE(log.find(QtWarningMsg, u"closed by the remote end"_s).size(), 1);
}

void TestMediator::verboseLogsEveryTelegramAndChange_data()
{
    QTest::addColumn<bool>("verbose");
    QTest::newRow("-v") << true;
    QTest::newRow("default") << false;
}

void TestMediator::verboseLogsEveryTelegramAndChange()
{
    // -v: "Log every telegram and every D-Bus change".
    QFETCH(bool, verbose);
    LogCapture log(verbose);
    const QString port = u"ttyV"_s + (verbose ? u"1"_s : u"0"_s);
    Rig rig(port);
    Client grid(u"com.victronenergy.grid.p1_"_s + port);
    QSignalSpy gridUp(&grid.watcher, &QDBusServiceWatcher::serviceRegistered);
    QSignalSpy changed(&grid, &Client::itemsChanged);
    rig.mediator->start();
    rig.source->push(p1::test::dsmr5ThreePhase());
    QVERIFY(gridUp.wait(5000));
    rig.source->push(p1::test::dsmr5ThreePhase("261125143016W"));
    QVERIFY(changed.wait(5000));
    const QStringList telegrams = log.find(QtDebugMsg, u"telegram 2026-11-25T14:30:1"_s);
    const QStringList changes = log.find(QtDebugMsg, u"ItemsChanged"_s);
    if (!verbose) {
        QVERIFY2(telegrams.isEmpty() && changes.isEmpty(), qPrintable(log.all().join(u'\n')));
        return;
    }
    QCOMPARE(telegrams.size(), 2);
    QVERIFY2(telegrams.at(0).startsWith(u"p1.daemon: telegram 2026-11-25T14:30:15+01:00: CRC ok"_s),
        qPrintable(telegrams.at(0)));
    // The second telegram changed /P1/Timestamp: its ItemsChanged names it with the new value.
    QVERIFY2(!changes.isEmpty(), qPrintable(log.all().join(u'\n')));
    QVERIFY2(changes.constLast().contains(u"/P1/Timestamp=2026-11-25T14:30:16+01:00"_s),
        qPrintable(changes.constLast()));
    QVERIFY(changes.constLast().startsWith(u"p1.dbus: com.victronenergy.grid.p1_"_s + port));
}

void TestMediator::pulseMetersForGasAndWater_data()
{
    QTest::addColumn<QByteArray>("telegram");
    QTest::addColumn<int>("waterService"); // p1::WaterService
    // Per pulse meter: service name suffix, /Aggregate, /P1/Channel, /ProductName, /CustomName.
    QTest::addColumn<QStringList>("suffixes");
    QTest::addColumn<QList<double>>("aggregates");
    QTest::addColumn<QList<int>>("channels");
    QTest::addColumn<QStringList>("products");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QString>("firmware");

    const auto t = [](const std::string &s) { return QByteArray(s.data(), qsizetype(s.size())); };
    QTest::newRow("fluvius-gas-and-water")
        << t(p1::test::belgiumFluvius()) << int(p1::WaterService::PulseMeter)
        << QStringList {u"_gas"_s, u"_water"_s} << QList<double> {112.384, 872.234}
        << QList<int> {1, 2} << QStringList {u"P1 gas meter"_s, u"P1 water meter"_s}
        << QStringList {u"Gas meter"_s, u"Water meter"_s} << u"e-MUCS 1.7"_s;
    QTest::newRow("water-not-published")
        << t(p1::test::belgiumFluvius()) << int(p1::WaterService::None) << QStringList {u"_gas"_s}
        << QList<double> {112.384} << QList<int> {1} << QStringList {u"P1 gas meter"_s}
        << QStringList {u"Gas meter"_s} << u"e-MUCS 1.7"_s;
    // The second water channel gets its channel number: two services, two names that stay.
    QTest::newRow("two-water-meters") << t(p1::test::buildTelegram("XXX5WW",
        {"1-3:0.2.8(42)", "1-0:1.8.1(000010.000*kWh)", "1-0:1.7.0(00.100*kW)", "0-2:24.1.0(007)",
            "0-2:96.1.0(5732)", "0-2:24.2.1(261125143000W)(00010.500*m3)", "0-3:24.1.0(007)",
            "0-3:96.1.0(5733)", "0-3:24.2.1(261125143000W)(00020.250*m3)"}))
                                      << int(p1::WaterService::PulseMeter)
                                      << QStringList {u"_water"_s, u"_water3"_s}
                                      << QList<double> {10.5, 20.25} << QList<int> {2, 3}
                                      << QStringList {u"P1 water meter"_s, u"P1 water meter"_s}
                                      << QStringList {u"Water meter"_s,
                                             u"Water meter (channel 3)"_s}
                                      << u"DSMR 4.2"_s;
}

void TestMediator::pulseMetersForGasAndWater()
{
    static int pulseRow = 1; // a port per row: no name left over from the row before
    QFETCH(QByteArray, telegram);
    QFETCH(int, waterService);
    QFETCH(QStringList, suffixes);
    QFETCH(QList<double>, aggregates);
    QFETCH(QList<int>, channels);
    QFETCH(QStringList, products);
    QFETCH(QStringList, names);
    QFETCH(QString, firmware);

    const QString port = u"ttyW"_s + QString::number(pulseRow++);
    p1::Options options = fastOptions();
    options.timeout = 5s;
    options.waterService = p1::WaterService(waterService);
    Rig rig(port, Source::Kind::Serial, options);
    Client grid(u"com.victronenergy.grid.p1_"_s + port);
    QSignalSpy gridUp(&grid.watcher, &QDBusServiceWatcher::serviceRegistered);
    std::vector<std::unique_ptr<Client>> pulse;
    std::vector<std::unique_ptr<QSignalSpy>> pulseUp;
    for (const QString &suffix : suffixes) {
        pulse.push_back(
            std::make_unique<Client>(u"com.victronenergy.pulsemeter.p1_"_s + port + suffix));
        pulseUp.push_back(std::make_unique<QSignalSpy>(
            &pulse.back()->watcher, &QDBusServiceWatcher::serviceRegistered));
    }
    Client water(u"com.victronenergy.pulsemeter.p1_"_s + port + u"_water"_s);
    QSignalSpy waterUp(&water.watcher, &QDBusServiceWatcher::serviceRegistered);

    rig.mediator->start();
    rig.source->push(telegram.toStdString());
    QVERIFY(gridUp.wait(5000));
    QCOMPARE(grid.value(u"/FirmwareVersion"_s).toString(), firmware);
    for (std::size_t i = 0; i < pulse.size(); ++i) {
        const qsizetype n = qsizetype(i);
        QVERIFY(pulseUp[i]->count() == 1 || pulseUp[i]->wait(5000));
        Client &c = *pulse[i];
        QCOMPARE(c.value(u"/Aggregate"_s).toDouble(), aggregates.at(n));
        QCOMPARE(c.value(u"/P1/Channel"_s).toInt(), channels.at(n));
        QCOMPARE(c.value(u"/ProductName"_s).toString(), products.at(n));
        QCOMPARE(c.value(u"/CustomName"_s).toString(), names.at(n));
        QCOMPARE(c.value(u"/FirmwareVersion"_s).toString(), firmware);
        QVERIFY(isInvalid(c.value(u"/Count"_s)));
        QCOMPARE(c.value(u"/Connected"_s).toInt(), 1);
        QCOMPARE(c.value(u"/DeviceInstance"_s).toInt(), p1::ServiceContract::kDefaultInstance);
    }
    if (!suffixes.contains(u"_water"_s))
        QVERIFY(!waterUp.wait(300));
}

void TestMediator::singlePhasePublishesL1Energy()
{
    // gui-v2 hides the totals for one phase: the meter's kWh must be on L1.
    p1::Options options = fastOptions();
    options.timeout = 5s;
    Rig rig(u"ttyL1"_s, Source::Kind::Serial, options);
    Client grid(u"com.victronenergy.grid.p1_ttyL1"_s);
    QSignalSpy gridUp(&grid.watcher, &QDBusServiceWatcher::serviceRegistered);
    rig.mediator->start();
    rig.source->push(p1::test::dsmr5SinglePhase());
    QVERIFY(gridUp.wait(5000));
    QCOMPARE(grid.value(u"/NrOfPhases"_s).toInt(), 1);
    QCOMPARE(grid.value(u"/Ac/L1/Energy/Forward"_s).toDouble(), 1041.401);
    QCOMPARE(grid.value(u"/Ac/L1/Energy/Reverse"_s).toDouble(), 300.003);
    QCOMPARE(grid.value(u"/Ac/Energy/Forward"_s).toDouble(), 1041.401);
    QVERIFY(isInvalid(grid.value(u"/Ac/Frequency"_s)));
}

void TestMediator::simulatorShowsGridAndTwoPulseMeters()
{
    // What `dbus-p1 sim:` publishes: the simulated meter's telegram through the same pipeline.
    p1::Options options = fastOptions();
    options.timeout = 5s;
    Rig rig(u"sim"_s, Source::Kind::Simulator, options);
    Client grid(u"com.victronenergy.grid.p1_sim"_s);
    Client gas(u"com.victronenergy.pulsemeter.p1_sim_gas"_s);
    Client water(u"com.victronenergy.pulsemeter.p1_sim_water"_s);
    QSignalSpy gridUp(&grid.watcher, &QDBusServiceWatcher::serviceRegistered);
    QSignalSpy gasUp(&gas.watcher, &QDBusServiceWatcher::serviceRegistered);
    QSignalSpy waterUp(&water.watcher, &QDBusServiceWatcher::serviceRegistered);
    p1::SimulatedMeter meter(3);
    rig.mediator->start();
    rig.source->push(meter.telegram());
    QVERIFY(gridUp.wait(5000));
    QVERIFY(gasUp.count() == 1 || gasUp.wait(5000));
    QVERIFY(waterUp.count() == 1 || waterUp.wait(5000));
    QCOMPARE(grid.value(u"/NrOfPhases"_s).toInt(), 3);
    QCOMPARE(grid.value(u"/FirmwareVersion"_s).toString(), u"DSMR 5.0"_s);
    QCOMPARE(gas.value(u"/P1/Channel"_s).toInt(), 1);
    QVERIFY(gas.value(u"/Aggregate"_s).toDouble() > 0);
    QCOMPARE(water.value(u"/P1/Channel"_s).toInt(), 2);
    QVERIFY(water.value(u"/Aggregate"_s).toDouble() > 0);
    QVERIFY(water.value(u"/Serial"_s).toString().startsWith(u"W0099"_s));
    QVERIFY(gas.value(u"/DeviceInstance"_s).toInt() >= p1::ServiceContract::kDefaultInstance);
    QVERIFY(water.value(u"/DeviceInstance"_s).toInt() >= p1::ServiceContract::kDefaultInstance);
}

QTEST_GUILESS_MAIN(TestMediator)
#include "tst_mediator.moc"
