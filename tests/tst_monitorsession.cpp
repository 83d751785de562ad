#include "monitorsession.h"

#include "io/filesource.h"
#include "io/simulatorsource.h"
#include "io/sourcefactory.h"
#include "sampletelegrams.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono_literals;
using namespace Qt::StringLiterals;
using p1::CableDiagnosis;
using p1::MonitorSession;
using p1::TelegramRecord;

namespace {

const QString kSample = QStringLiteral(P1_TESTDATA_DIR "/dsmr5-sample.p1");

std::unique_ptr<p1::FileSource> fastFile(const QString &path)
{
    auto source = std::make_unique<p1::FileSource>(path);
    source->setReplaySpeed(0);
    return source;
}

QList<TelegramRecord> records(const QSignalSpy &spy)
{
    QList<TelegramRecord> out;
    for (const QList<QVariant> &args : spy)
        out.append(args.at(0).value<TelegramRecord>());
    return out;
}

QByteArray bytes(const std::string &s)
{
    return QByteArray(s.data(), qsizetype(s.size()));
}

} // namespace

class TestMonitorSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sampleCapture_data();
    void sampleCapture();
    void sampleCaptureStatistics();
    void rejectionReasons_data();
    void rejectionReasons();
    void simulatedMeter();
    void missingPort();
    void invalidSpec();
    void recordsEveryByte();
    void restartForgets();
};

void TestMonitorSession::initTestCase()
{
    qRegisterMetaType<TelegramRecord>();
    QVERIFY(QFile::exists(kSample));
}

void TestMonitorSession::sampleCapture_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<int>("crc");
    QTest::addColumn<double>("acPower");
    QTest::addColumn<QString>("gasFlow");

    // tests/data/README.md: four dsmr5ThreePhase() telegrams, the second with a bit error.
    QTest::newRow("14:30:15-good") << 0 << true << int(p1::CrcStatus::Ok) << 884.0 << QString();
    QTest::newRow("14:30:16-bit-error")
        << 1 << false << int(p1::CrcStatus::Bad) << 0.0 << QString();
    QTest::newRow("14:30:17-good") << 2 << true << int(p1::CrcStatus::Ok) << 884.0 << QString();
    QTest::newRow("14:35:01-gas-moved")
        << 3 << true << int(p1::CrcStatus::Ok) << 884.0 << QStringLiteral("1.200 m3/h");
}

void TestMonitorSession::sampleCapture()
{
    QFETCH(int, index);
    QFETCH(bool, accepted);
    QFETCH(int, crc);
    QFETCH(double, acPower);
    QFETCH(QString, gasFlow);

    MonitorSession session;
    QSignalSpy telegrams(&session, &MonitorSession::telegramReceived);
    QSignalSpy finished(&session, &MonitorSession::sourceFinished);
    session.start(fastFile(kSample));
    QVERIFY(finished.wait(5000));
    QCOMPARE(telegrams.count(), 4);

    const TelegramRecord r = records(telegrams).at(index);
    QCOMPARE(r.number, quint64(index + 1));
    QCOMPARE(r.accepted(), accepted);
    QCOMPARE(int(r.crc), crc);
    QVERIFY(r.text.startsWith("/Ene5\\T210-D ESMR5.0"));
    QCOMPARE(r.rejectReason.isEmpty(), accepted);
    if (!accepted)
        return;
    QCOMPARE(r.ident, QStringLiteral("Ene5\\T210-D ESMR5.0"));
    QCOMPARE(r.version, QStringLiteral("50"));
    QCOMPARE(r.equipmentId, QStringLiteral("E0062000013122923"));
    QVERIFY(r.netPower.has_value());
    QCOMPARE(*r.netPower, acPower);
    QCOMPARE(r.grid[p1::GridPath::AcPower].number, acPower);
    QVERIFY(r.hasGas);
    QCOMPARE(r.gas[p1::GasPath::Aggregate].number, index == 3 ? 4567.99 : 4567.89);
    const std::string flow =
        p1::formatText(p1::pathSpec(p1::GasPath::Flow), r.gas[p1::GasPath::Flow]);
    if (gasFlow.isEmpty())
        QVERIFY(!r.gas[p1::GasPath::Flow].valid());
    else
        QCOMPARE(QString::fromStdString(flow), gasFlow);
}

void TestMonitorSession::sampleCaptureStatistics()
{
    MonitorSession session;
    QSignalSpy finished(&session, &MonitorSession::sourceFinished);
    QSignalSpy problems(&session, &MonitorSession::problemChanged);
    session.start(fastFile(kSample));
    QVERIFY(finished.wait(5000));
    const MonitorSession::Statistics &s = session.statistics();
    QCOMPARE(s.good, quint64(3));
    QCOMPARE(s.bad, quint64(1));
    QCOMPARE(s.noCrc, quint64(0));
    QCOMPARE(s.bytes, quint64(QFile(kSample).size()));
    QVERIFY(s.noiseBytes > 0); // the telnet bytes and the half telegram before the first '/'
    QCOMPARE(s.intervals, quint64(2));
    QCOMPARE(s.version, QStringLiteral("50"));
    QCOMPARE(s.baudRate, 0);
    QCOMPARE(session.diagnosis().problem(), CableDiagnosis::Problem::EndOfFile);
    QVERIFY(!problems.isEmpty());
    QCOMPARE(
        problems.last().at(0).value<CableDiagnosis::Problem>(), CableDiagnosis::Problem::EndOfFile);
}

void TestMonitorSession::rejectionReasons_data()
{
    QTest::addColumn<QByteArray>("capture");
    QTest::addColumn<QString>("reasonPart");

    std::string flipped = p1::test::dsmr5SinglePhase();
    flipped[flipped.find("1-0:2.7.0") + 2] = '1'; // one digit wrong, CRC unchanged
    QTest::newRow("crc-mismatch") << bytes(flipped)
                                  << QStringLiteral("CRC mismatch: the meter sent");

    const std::string good = p1::test::dsmr5SinglePhase();
    const std::string cut = good.substr(0, good.size() / 2) + good;
    QTest::newRow("truncated-by-next") << bytes(cut) << QStringLiteral("Cut off");

    // After telegrams with a CRC, a footer without one is a lost CRC, not a DSMR 2.2 meter.
    std::string noCrc = good;
    noCrc.erase(noCrc.rfind('!') + 1, 4);
    QTest::newRow("missing-crc") << bytes(good + noCrc) << QStringLiteral("No CRC after '!'");
}

void TestMonitorSession::rejectionReasons()
{
    QFETCH(QByteArray, capture);
    QFETCH(QString, reasonPart);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("capture.p1")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(capture);
    file.close();

    MonitorSession session;
    QSignalSpy telegrams(&session, &MonitorSession::telegramReceived);
    QSignalSpy finished(&session, &MonitorSession::sourceFinished);
    session.start(fastFile(file.fileName()));
    QVERIFY(finished.wait(5000));
    QVERIFY(telegrams.count() >= 1);
    TelegramRecord first;
    for (const TelegramRecord &r : records(telegrams))
        if (!r.accepted()) {
            first = r;
            break;
        }
    QVERIFY(!first.accepted());
    QVERIFY2(first.rejectReason.contains(reasonPart), qPrintable(first.rejectReason));
    QCOMPARE(MonitorSession::describeRejection(first), first.rejectReason);
    QVERIFY(session.statistics().bad >= 1);
}

void TestMonitorSession::simulatedMeter()
{
    auto sim = std::make_unique<p1::SimulatorSource>();
    sim->setInterval(40ms);
    MonitorSession session;
    QSignalSpy telegrams(&session, &MonitorSession::telegramReceived);
    session.start(std::move(sim));
    while (telegrams.count() < 4)
        QVERIFY(telegrams.wait(5000));
    for (const TelegramRecord &r : records(telegrams)) {
        QVERIFY(r.accepted());
        QCOMPARE(r.crc, p1::CrcStatus::Ok);
        QCOMPARE(r.version, QStringLiteral("50"));
        QVERIFY(r.hasGas);
        QVERIFY(r.grid[p1::GridPath::AcL3Power].valid());
    }
    const MonitorSession::Statistics &s = session.statistics();
    QCOMPARE(s.state, p1::Source::State::Open);
    QVERIFY(s.good >= 4);
    QCOMPARE(s.bad, quint64(0));
    QVERIFY(s.lastIntervalMs >= 0);
    QVERIFY(s.averageIntervalMs > 0);
    QCOMPARE(session.diagnosis().problem(), CableDiagnosis::Problem::None);
    session.stop();
    QCOMPARE(session.statistics().state, p1::Source::State::Closed);
    QVERIFY(!session.isActive());
}

void TestMonitorSession::missingPort()
{
    MonitorSession session;
    QSignalSpy problems(&session, &MonitorSession::problemChanged);
    QSignalSpy finished(&session, &MonitorSession::sourceFinished);
    QVERIFY(session.start(QStringLiteral("/dev/ttyP1DoesNotExist"), {}));
    QVERIFY(finished.wait(5000));
    QCOMPARE(session.diagnosis().problem(), CableDiagnosis::Problem::NotFound);
    QVERIFY(!problems.isEmpty());
    QCOMPARE(
        problems.last().at(0).value<CableDiagnosis::Problem>(), CableDiagnosis::Problem::NotFound);
    QVERIFY(problems.last().at(1).toString().contains(QStringLiteral("does not exist")));
}

void TestMonitorSession::invalidSpec()
{
    MonitorSession session;
    QString error;
    QVERIFY(!session.start(QStringLiteral("udp://meter:2000"), {}, &error));
    QVERIFY2(error.contains(QStringLiteral("udp")), qPrintable(error));
    QVERIFY(!session.isActive());
}

void TestMonitorSession::recordsEveryByte()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("recorded.p1"));
    MonitorSession session;
    QVERIFY(session.startRecording(path));
    QVERIFY(session.isRecording());
    QSignalSpy finished(&session, &MonitorSession::sourceFinished);
    session.start(fastFile(kSample));
    QVERIFY(finished.wait(5000));
    session.stopRecording();
    QFile recorded(path);
    QFile original(kSample);
    QVERIFY(recorded.open(QIODevice::ReadOnly));
    QVERIFY(original.open(QIODevice::ReadOnly));
    QCOMPARE(recorded.readAll(), original.readAll());

    QString error;
    QVERIFY(!session.startRecording(dir.filePath(QStringLiteral("no/such/dir/x.p1")), &error));
    QVERIFY(error.contains(QStringLiteral("no/such/dir")));
}

void TestMonitorSession::restartForgets()
{
    MonitorSession session;
    QSignalSpy finished(&session, &MonitorSession::sourceFinished);
    session.start(fastFile(kSample));
    QVERIFY(finished.wait(5000));
    QCOMPARE(session.statistics().good, quint64(3));
    QSignalSpy telegrams(&session, &MonitorSession::telegramReceived);
    session.start(fastFile(kSample));
    QVERIFY(finished.wait(5000));
    QCOMPARE(session.statistics().good, quint64(3));
    QCOMPARE(records(telegrams).constFirst().number, quint64(1));
}

QTEST_GUILESS_MAIN(TestMonitorSession)
#include "tst_monitorsession.moc"
