#include "io/simulatorsource.h"
#include "telegramdecoder.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace std::chrono_literals;
using p1::SimulatorSource;
using p1::Source;

namespace {

/// What the daemon does with the bytes: one TelegramDecoder. Every telegram's verdict (accepted
/// with a good CRC), and the Reading of each accepted one.
struct Reader
{
    void push(const QByteArray &bytes)
    {
        decoder.push(std::string_view(bytes.constData(), std::size_t(bytes.size())));
    }

    std::vector<bool> frames;
    std::vector<p1::Reading> readings;
    p1::TelegramDecoder decoder {[this](const p1::DecodedTelegram &decoded) {
        frames.push_back(decoded.accepted() && decoded.frame.crc == p1::CrcStatus::Ok);
        if (decoded.accepted())
            readings.push_back(decoded.reading);
    }};
};

QDateTime at(int y, int mo, int d, int h, int mi, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), QTimeZone::utc());
}

} // namespace

class TestSimulatorSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void identity();
    void sendsValidTelegramsOnItsTimer();
    void clockAdvancesByIntervalTimesScale_data();
    void clockAdvancesByIntervalTimesScale();
    void gasMovesEveryFiveMeterMinutes();
    void seedMakesItRepeatable();
    void liveClockStartsNow();
    void closeStops();
};

void TestSimulatorSource::identity()
{
    SimulatorSource source;
    QCOMPARE(source.kind(), Source::Kind::Simulator);
    QVERIFY(!source.isSerial());
    QCOMPARE(source.name(), QStringLiteral("sim"));
    QVERIFY(source.logDescription().contains(QStringLiteral("DSMR 5")));
    QCOMPARE(source.interval(), 1000ms); // a DSMR 5 meter's pace
    QCOMPARE(source.state(), Source::State::Closed);
}

void TestSimulatorSource::sendsValidTelegramsOnItsTimer()
{
    SimulatorSource source;
    source.setClock(at(2026, 6, 21, 10, 0)); // 12:00 local, midsummer
    source.setInterval(20ms);
    Reader reader;
    connect(&source, &Source::dataReceived, this,
        [&reader](const QByteArray &bytes) { reader.push(bytes); });
    QSignalSpy opened(&source, &Source::opened);
    QSignalSpy data(&source, &Source::dataReceived);
    QSignalSpy errors(&source, &Source::errorOccurred);
    source.open();
    QCOMPARE(data.count(), 0); // never from inside open()
    QVERIFY(data.wait(1000));
    QCOMPARE(opened.count(), 1);
    QCOMPARE(source.state(), Source::State::Open);
    QTRY_VERIFY_WITH_TIMEOUT(reader.frames.size() >= 10, 5000);
    for (const bool ok : reader.frames)
        QVERIFY(ok); // framed, CRC good
    QCOMPARE(reader.readings.size(), reader.frames.size());
    const p1::Reading &first = reader.readings.front();
    QCOMPARE(first.version, std::string("50"));
    QVERIFY(first.timestamp.valid);
    QCOMPARE(first.timestamp.toIso8601(), std::string("2026-06-21T12:00:00+02:00"));
    QCOMPARE(first.timestamp.offsetMinutes, std::int16_t(120));
    QVERIFY(first.gas());
    QVERIFY(first.phases[2].voltage.has_value());
    QCOMPARE(errors.count(), 0);
}

void TestSimulatorSource::clockAdvancesByIntervalTimesScale_data()
{
    QTest::addColumn<int>("intervalMs");
    QTest::addColumn<double>("scale");
    QTest::addColumn<int>("stepSeconds");
    QTest::newRow("real-time") << 1000 << 1.0 << 1;
    QTest::newRow("minute-per-second") << 1000 << 60.0 << 60;
    QTest::newRow("fast-test-clock") << 10 << 100.0 << 1;
    QTest::newRow("hour-per-50ms") << 50 << 72000.0 << 3600;
}

void TestSimulatorSource::clockAdvancesByIntervalTimesScale()
{
    QFETCH(int, intervalMs);
    QFETCH(double, scale);
    QFETCH(int, stepSeconds);
    SimulatorSource source;
    const QDateTime start = at(2026, 1, 14, 8, 0);
    source.setClock(start);
    source.setInterval(std::chrono::milliseconds(intervalMs));
    source.setTimeScale(scale);
    QCOMPARE(source.clock(), start);

    Reader reader;
    for (int i = 0; i < 5; ++i) {
        const QByteArray t = source.nextTelegram();
        reader.push(t);
        QCOMPARE(source.clock(), start.addSecs(qint64(i) * stepSeconds));
    }
    QCOMPARE(reader.readings.size(), std::size_t(5));
    for (std::size_t i = 0; i < 5; ++i)
        QCOMPARE(reader.readings[i].timestamp.utcSeconds,
            start.toSecsSinceEpoch() + qint64(i) * stepSeconds);
}

void TestSimulatorSource::gasMovesEveryFiveMeterMinutes()
{
    SimulatorSource source;
    source.setClock(at(2026, 2, 2, 6, 1)); // a cold Monday morning
    source.setTimeScale(60); // a meter minute per telegram
    Reader reader;
    for (int i = 0; i < 31; ++i) {
        const QByteArray t = source.nextTelegram();
        reader.push(t);
    }
    QCOMPARE(reader.readings.size(), std::size_t(31));
    // 06:01 .. 06:31 UTC: capture times 06:00, 06:05, ... 06:30: seven distinct values.
    std::vector<std::int64_t> captures;
    for (const auto &r : reader.readings) {
        const p1::MbusChannel *gas = r.gas();
        QVERIFY(gas);
        if (captures.empty() || captures.back() != gas->captureTime.utcSeconds)
            captures.push_back(gas->captureTime.utcSeconds);
    }
    QCOMPARE(captures.size(), std::size_t(7));
    for (std::size_t i = 0; i < captures.size(); ++i)
        QCOMPARE(captures[i], at(2026, 2, 2, 6, 0).toSecsSinceEpoch() + std::int64_t(i) * 300);
    QVERIFY(reader.readings.back().gas()->value->toDouble()
        > reader.readings.front().gas()->value->toDouble());
}

void TestSimulatorSource::seedMakesItRepeatable()
{
    SimulatorSource a;
    SimulatorSource b;
    SimulatorSource c;
    const QDateTime start = at(2026, 8, 1, 9, 0);
    for (SimulatorSource *s : {&a, &b, &c}) {
        s->setSeed(s == &c ? 77 : 76);
        s->setClock(start);
    }
    QCOMPARE(a.seed(), 76u);
    bool differs = false;
    for (int i = 0; i < 20; ++i) {
        const QByteArray ta = a.nextTelegram();
        QCOMPARE(ta, b.nextTelegram());
        differs = differs || ta != c.nextTelegram();
    }
    QVERIFY(differs);
}

void TestSimulatorSource::liveClockStartsNow()
{
    SimulatorSource source;
    source.setInterval(10ms);
    QSignalSpy data(&source, &Source::dataReceived);
    const qint64 before = QDateTime::currentSecsSinceEpoch();
    source.open();
    QVERIFY(data.wait(1000));
    const qint64 clock = source.clock().toSecsSinceEpoch();
    QVERIFY(clock >= before && clock <= QDateTime::currentSecsSinceEpoch());
}

void TestSimulatorSource::closeStops()
{
    SimulatorSource source;
    source.setInterval(10ms);
    QSignalSpy data(&source, &Source::dataReceived);
    QSignalSpy finished(&source, &Source::finished);
    source.open();
    QVERIFY(data.wait(1000));
    source.close();
    QCOMPARE(source.state(), Source::State::Closed);
    const auto count = data.count();
    QVERIFY(!data.wait(200));
    QCOMPARE(data.count(), count);
    QCOMPARE(finished.count(), 0);

    // Closed before the event loop came round: nothing at all.
    SimulatorSource quick;
    QSignalSpy quickData(&quick, &Source::dataReceived);
    QSignalSpy quickOpened(&quick, &Source::opened);
    quick.open();
    quick.close();
    QVERIFY(!quickData.wait(100));
    QCOMPARE(quickOpened.count(), 0);
}

QTEST_GUILESS_MAIN(TestSimulatorSource)
#include "tst_simulatorsource.moc"
