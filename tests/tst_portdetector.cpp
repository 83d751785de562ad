#include "io/portdetector.h"

#include "globuilder.h"
#include "io/filesource.h"
#include "io/serialsource.h"
#include "sampletelegrams.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono_literals;
using p1::PortDetector;

namespace {

const QString kSample = QStringLiteral(P1_TESTDATA_DIR "/dsmr5-sample.p1");

} // namespace

/// The detector with capture files standing in for ports ("port" = file path, replayed at
/// once), plus a real serial port that does not exist.
class TestPortDetector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void detect_data();
    void detect();
    void parallelPortsOneDeadline();
    void missingSerialPort();
    void cancel();
    void noPorts();
    void encryptedMeter_data();
    void encryptedMeter();

private:
    QString write(const QString &name, const QByteArray &bytes);
    static PortDetector::SourceMaker files();
    QTemporaryDir m_dir;
};

void TestPortDetector::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestPortDetector::write(const QString &name, const QByteArray &bytes)
{
    QFile file(m_dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        return QString();
    file.write(bytes);
    return file.fileName();
}

PortDetector::SourceMaker TestPortDetector::files()
{
    return [](const QString &port) -> std::unique_ptr<p1::Source> {
        auto file = std::make_unique<p1::FileSource>(port);
        file->setReplaySpeed(0);
        return file;
    };
}

void TestPortDetector::detect_data()
{
    QTest::addColumn<QByteArray>("capture");
    QTest::addColumn<bool>("found");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("ident");
    QTest::addColumn<QString>("equipmentId");
    QTest::addColumn<bool>("gas");
    QTest::addColumn<int>("crcOk");
    QTest::addColumn<int>("noCrc");
    QTest::addColumn<int>("rejected");

    const auto t = [](const std::string &s) { return QByteArray(s.data(), qsizetype(s.size())); };
    QFile sample(kSample);
    QVERIFY(sample.open(QIODevice::ReadOnly));
    // The sample's second telegram fails its CRC; the detector stops after 2 valid ones.
    QTest::newRow("dsmr5-sample") << sample.readAll() << true << QStringLiteral("50")
                                  << QStringLiteral("Ene5\\T210-D ESMR5.0")
                                  << QStringLiteral("E0062000013122923") << true << 2 << 0 << 1;
    QTest::newRow("dsmr22-no-crc") << t(p1::test::dsmr22() + p1::test::dsmr22()) << true
                                   << QString() << QString() << QString() << true << 0 << 2 << 0;
    QTest::newRow("belgium") << t(p1::test::belgiumFluvius()) << true << QStringLiteral("50217")
                             << QString() << QString() << true << 1 << 0 << 0;
    QTest::newRow("garbage") << QByteArray(3000, '\x55') << false << QString() << QString()
                             << QString() << false << 0 << 0 << 0;
    QTest::newRow("silent") << QByteArray() << false << QString() << QString() << QString() << false
                            << 0 << 0 << 0;
}

void TestPortDetector::detect()
{
    QFETCH(QByteArray, capture);
    QFETCH(bool, found);
    QFETCH(QString, version);
    QFETCH(QString, ident);
    QFETCH(QString, equipmentId);
    QFETCH(bool, gas);
    QFETCH(int, crcOk);
    QFETCH(int, noCrc);
    QFETCH(int, rejected);

    const QString port = write(QString::fromLatin1(QTest::currentDataTag()), capture);
    PortDetector detector;
    detector.setSourceMaker(files());
    QSignalSpy finished(&detector, &PortDetector::finished);
    QSignalSpy portFinished(&detector, &PortDetector::portFinished);
    QSignalSpy progress(&detector, &PortDetector::progress);
    detector.start({port});
    QVERIFY(detector.isRunning());
    QVERIFY(finished.wait(5000));
    QVERIFY(!detector.isRunning());
    QCOMPARE(portFinished.count(), 1);
    QCOMPARE(progress.last().at(0).toInt(), 1);
    QCOMPARE(progress.last().at(1).toInt(), 1);

    const PortDetector::Result r = detector.results().constFirst();
    QCOMPARE(r.port, port);
    QVERIFY(r.done);
    QCOMPARE(r.found, found);
    QCOMPARE(r.version, version);
    if (!ident.isEmpty())
        QCOMPARE(r.ident, ident);
    if (!equipmentId.isEmpty())
        QCOMPARE(r.equipmentId, equipmentId);
    QCOMPARE(r.gasSeen, gas);
    QCOMPARE(r.crcOk, crcOk);
    QCOMPARE(r.noCrc, noCrc);
    QCOMPARE(r.rejected, rejected);
    QCOMPARE(r.bytes >= quint64(capture.size()) || found, true);
    QVERIFY(!r.error.has_value());
    QCOMPARE(PortDetector::describe(r).startsWith(port + QStringLiteral(": ")), true);
    QCOMPARE(PortDetector::describe(r).contains(QStringLiteral("meter")), found);
}

void TestPortDetector::encryptedMeter_data()
{
    QTest::addColumn<bool>("withKey");
    QTest::addColumn<bool>("found");
    QTest::addColumn<int>("crcOk");
    QTest::addColumn<int>("rejected");
    QTest::addColumn<QString>("describes");

    QTest::newRow("no-key") << false << false << 0 << 2
                            << QStringLiteral(": encrypted P1 meter: give its key with --key");
    QTest::newRow("with-key") << true << true << 2 << 0 << QStringLiteral("meter Ene5\\T210-D");
}

void TestPortDetector::encryptedMeter()
{
    QFETCH(bool, withKey);
    QFETCH(bool, found);
    QFETCH(int, crcOk);
    QFETCH(int, rejected);
    QFETCH(QString, describes);

    std::mt19937 rng(9);
    const p1::AesKey key = p1::test::randomKey(rng);
    std::string capture;
    for (int i = 0; i < 3; ++i)
        capture += p1::test::buildGloFrame(p1::test::dsmr5ThreePhase(), key) + "\r\n";
    const QString port =
        write(QString::fromLatin1(QTest::currentDataTag()) + QStringLiteral(".enc"),
            QByteArray(capture.data(), qsizetype(capture.size())));
    PortDetector detector;
    detector.setSourceMaker(files());
    if (withKey)
        detector.setKeys({key, p1::GcmDecryptor::kDefaultAuthKey});
    QSignalSpy finished(&detector, &PortDetector::finished);
    detector.start({port});
    QVERIFY(finished.wait(5000));
    const PortDetector::Result r = detector.results().constFirst();
    QVERIFY(r.encrypted);
    QCOMPARE(r.found, found);
    QCOMPARE(r.crcOk, crcOk);
    QCOMPARE(r.rejected, rejected);
    QVERIFY2(PortDetector::describe(r).contains(describes), qPrintable(PortDetector::describe(r)));
}

void TestPortDetector::parallelPortsOneDeadline()
{
    // Two good ports and one that never sends. A replayed file ends (and finishes) at once, so
    // the quiet port is a stand-in source that opens and sends nothing.
    class Quiet : public p1::Source
    {
    public:
        Kind kind() const noexcept override { return Kind::Serial; }
        QString name() const override { return QStringLiteral("quiet"); }
        QString logDescription() const override { return QStringLiteral("quiet"); }
        QString userDescription() const override { return QStringLiteral("quiet"); }
        void open() override { setState(State::Open); }
        void close() override { setState(State::Closed); }
    };
    const QString good =
        write(QStringLiteral("good"), QByteArray(p1::test::dsmr5ThreePhase().c_str()).repeated(2));
    PortDetector detector;
    detector.setProbeWindow(100ms);
    detector.setSourceMaker([good](const QString &port) -> std::unique_ptr<p1::Source> {
        if (port == QStringLiteral("quiet"))
            return std::make_unique<Quiet>();
        auto file = std::make_unique<p1::FileSource>(good);
        file->setReplaySpeed(0);
        return file;
    });
    QCOMPARE(detector.deadline(), 1700ms); // two windows and the margin
    QSignalSpy finished(&detector, &PortDetector::finished);
    QSignalSpy started(&detector, &PortDetector::started);
    detector.start({QStringLiteral("a"), QStringLiteral("quiet"), QStringLiteral("b")});
    QCOMPARE(started.count(), 1);
    QCOMPARE(started.first().at(0).toInt(), 3);
    QVERIFY(finished.wait(10000));
    const QList<PortDetector::Result> results = detector.results();
    QCOMPARE(results.size(), 3);
    QVERIFY(results[0].found);
    QVERIFY(!results[1].found);
    QVERIFY(results[1].done);
    QVERIFY(results[2].found);
    QCOMPARE(PortDetector::describe(results[1]), QStringLiteral("quiet: no data"));
}

void TestPortDetector::missingSerialPort()
{
    PortDetector detector; // the real SerialSource
    QSignalSpy finished(&detector, &PortDetector::finished);
    detector.start({QStringLiteral("/dev/ttyP1DoesNotExist")});
    QVERIFY(finished.wait(5000));
    const PortDetector::Result r = detector.results().constFirst();
    QVERIFY(!r.found);
    QVERIFY(r.error.has_value());
    QCOMPARE(*r.error, p1::Source::Error::NotFound);
    QCOMPARE(PortDetector::describe(r),
        QStringLiteral("/dev/ttyP1DoesNotExist: ")
            + p1::Source::describe(p1::Source::Error::NotFound));
}

void TestPortDetector::cancel()
{
    PortDetector detector;
    detector.setSourceMaker([](const QString &) -> std::unique_ptr<p1::Source> {
        auto file =
            std::make_unique<p1::FileSource>(QStringLiteral(P1_TESTDATA_DIR "/dsmr5-sample.p1"));
        return file; // the meter's pace: 1 s per telegram, so still running when cancelled
    });
    QSignalSpy finished(&detector, &PortDetector::finished);
    detector.start({QStringLiteral("x"), QStringLiteral("y")});
    detector.cancel();
    QCOMPARE(finished.count(), 1);
    QVERIFY(!detector.isRunning());
    for (const PortDetector::Result &r : detector.results())
        QVERIFY(r.done);
}

void TestPortDetector::noPorts()
{
    PortDetector detector;
    QSignalSpy finished(&detector, &PortDetector::finished);
    detector.setSourceMaker(files());
    // An explicit empty list means "all ports of the machine": there may be none here, so
    // only check that the scan ends on its own.
    detector.start({});
    if (finished.isEmpty())
        QVERIFY(finished.wait(30000));
    QCOMPARE(finished.count(), 1);
}

QTEST_GUILESS_MAIN(TestPortDetector)
#include "tst_portdetector.moc"
