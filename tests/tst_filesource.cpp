#include "io/filesource.h"
#include "sampletelegrams.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace std::chrono_literals;
using p1::FileSource;
using p1::Source;

namespace {

QByteArray toBytes(const std::string &s)
{
    return QByteArray(s.data(), qsizetype(s.size()));
}

p1::test::TelegramOptions lfOnly()
{
    p1::test::TelegramOptions options;
    options.eol = "\n";
    return options;
}

QByteArray dsmr5(int second)
{
    return toBytes(p1::test::dsmr5ThreePhase("2611251430" + std::to_string(10 + second) + "W"));
}

/// Collects what a source delivers until it finishes.
struct Replay
{
    explicit Replay(FileSource &source)
        : finished(&source, &Source::finished)
        , errors(&source, &Source::errorOccurred)
    {
        QObject::connect(&source, &Source::dataReceived, &source,
            [this](const QByteArray &bytes) { pieces.append(bytes); });
    }
    QByteArray all() const { return pieces.join(); }

    QList<QByteArray> pieces;
    QSignalSpy finished;
    QSignalSpy errors;
};

} // namespace

class TestFileSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void meterInterval_data();
    void meterInterval();
    void asFastAsPossible_data();
    void asFastAsPossible();
    void largeFileInChunks();
    void pacedOneTelegramPerPiece_data();
    void pacedOneTelegramPerPiece();
    void pacedHonoursTheMeterInterval();
    void missingFileIsNotFound();
    void directoryIsAnError();
    void unreadableFileIsPermissionDenied();
    void closeStopsTheReplay();

private:
    QString write(const QString &name, const QByteArray &bytes);
    QTemporaryDir m_dir;
};

void TestFileSource::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestFileSource::write(const QString &name, const QByteArray &bytes)
{
    QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return QString();
    return path;
}

void TestFileSource::meterInterval_data()
{
    QTest::addColumn<QByteArray>("telegram");
    QTest::addColumn<int>("ms");
    QTest::newRow("dsmr5-three-phase") << toBytes(p1::test::dsmr5ThreePhase()) << 1000;
    QTest::newRow("dsmr5-single-phase") << toBytes(p1::test::dsmr5SinglePhase()) << 1000;
    QTest::newRow("belgium-fluvius") << toBytes(p1::test::belgiumFluvius()) << 1000;
    QTest::newRow("dsmr42") << toBytes(p1::test::dsmr42()) << 10000;
    QTest::newRow("dsmr40") << toBytes(p1::test::dsmr40()) << 10000;
    QTest::newRow("dsmr30") << toBytes(p1::test::dsmr30()) << 10000;
    QTest::newRow("dsmr22") << toBytes(p1::test::dsmr22()) << 10000;
    QTest::newRow("luxembourg") << toBytes(p1::test::luxembourgSmarty()) << 10000;
    QTest::newRow("easymeter") << toBytes(p1::test::easyMeterQ3D()) << 10000;
    QTest::newRow("noise") << QByteArray("\xFF\xFB\x01 hello", 9) << 10000;
}

void TestFileSource::meterInterval()
{
    QFETCH(QByteArray, telegram);
    QFETCH(int, ms);
    QCOMPARE(FileSource::meterInterval(telegram), std::chrono::milliseconds(ms));
}

void TestFileSource::asFastAsPossible_data()
{
    QTest::addColumn<QByteArray>("content");
    QFile sample(QStringLiteral(P1_TESTDATA_DIR "/dsmr5-sample.p1"));
    QVERIFY(sample.open(QIODevice::ReadOnly));
    QTest::newRow("dsmr5-sample-capture") << sample.readAll();
    QTest::newRow("mixed-families")
        << dsmr5(0) + toBytes(p1::test::dsmr22()) + toBytes(p1::test::belgiumFluvius());
    QTest::newRow("lf-only-and-nul")
        << toBytes(p1::test::buildTelegram("ISK5\\2M550T-1012", {"1-3:0.2.8(50)"}, lfOnly()))
            + QByteArray(1, '\0');
    QTest::newRow("no-telegram-at-all") << QByteArray("just noise, no slash at a line start");
    QTest::newRow("one-byte") << QByteArray("/");
}

void TestFileSource::asFastAsPossible()
{
    QFETCH(QByteArray, content);
    const QString path = write(QStringLiteral("fast.p1"), content);
    QVERIFY(!path.isEmpty());
    FileSource source(path);
    source.setReplaySpeed(0);
    QCOMPARE(source.kind(), Source::Kind::File);
    QCOMPARE(source.name(), QStringLiteral("fast.p1"));
    Replay replay(source);
    QSignalSpy opened(&source, &Source::opened);
    source.open();
    QCOMPARE(opened.count(), 0);
    QVERIFY(replay.finished.wait(3000));
    QCOMPARE(opened.count(), 1);
    QCOMPARE(replay.all(), content); // every byte, in order, nothing added
    QCOMPARE(replay.finished.count(), 1);
    QCOMPARE(replay.errors.count(), 1);
    QCOMPARE(replay.errors.at(0).at(0).value<Source::Error>(), Source::Error::EndOfFile);
    QCOMPARE(source.state(), Source::State::Closed);
}

void TestFileSource::largeFileInChunks()
{
    // A day of DSMR 5 at full speed is ~90 MB; here 600 telegrams: the loop must get turns.
    QByteArray content;
    for (int i = 0; i < 600; ++i)
        content += dsmr5(i % 50);
    const QString path = write(QStringLiteral("large.p1"), content);
    FileSource source(path);
    source.setReplaySpeed(0);
    Replay replay(source);
    int turns = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&turns] { ++turns; });
    ticker.start(0);
    source.open();
    QVERIFY(replay.finished.wait(5000));
    QCOMPARE(replay.all(), content);
    QVERIFY(replay.pieces.size() > 5); // 64 KiB chunks
    for (const QByteArray &piece : std::as_const(replay.pieces))
        QVERIFY(piece.size() <= 64 * 1024);
    QVERIFY(turns >= replay.pieces.size() - 1); // other work ran between chunks
}

void TestFileSource::pacedOneTelegramPerPiece_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QList<QByteArray>>("expected");

    const QByteArray a = dsmr5(1);
    const QByteArray b = dsmr5(2);
    const QByteArray c = dsmr5(3);
    QTest::newRow("three-telegrams") << a + b + c << QList<QByteArray> {a, b, c};
    const QByteArray noise("\xFF\xFB\x01\xFF\xFB\x03"
                           "3)\r\n!DFCE\r\n",
        16);
    QTest::newRow("noise-goes-with-the-first") << noise + a + b << QList<QByteArray> {noise + a, b};
    // A '/' inside a value is no telegram start; only one at a line start is.
    const QByteArray slash = toBytes(p1::test::buildTelegram(
        "Ene5\\T210-D ESMR5.0", {"1-3:0.2.8(50)", "0-0:96.13.0(a/b)", "0-0:96.13.1(/x)"}));
    QTest::newRow("slash-inside-values") << slash + a << QList<QByteArray> {slash, a};
    const QByteArray lf =
        toBytes(p1::test::buildTelegram("ISK5\\2M550T-1012", {"1-3:0.2.8(50)"}, lfOnly()));
    QTest::newRow("lf-only") << lf + lf + lf << QList<QByteArray> {lf, lf, lf};
    QTest::newRow("trailing-nul") << a + QByteArray(1, '\0') + b + QByteArray(1, '\0')
                                  << QList<QByteArray> {
                                         a + QByteArray(1, '\0'), b + QByteArray(1, '\0')};
}

void TestFileSource::pacedOneTelegramPerPiece()
{
    QFETCH(QByteArray, content);
    QFETCH(QList<QByteArray>, expected);
    const QString path = write(QStringLiteral("paced.p1"), content);
    FileSource source(path);
    source.setReplaySpeed(100); // DSMR 5: one telegram per 10 ms
    Replay replay(source);
    source.open();
    QVERIFY(replay.finished.wait(5000));
    QCOMPARE(replay.pieces, expected);
    QCOMPARE(replay.errors.at(0).at(0).value<Source::Error>(), Source::Error::EndOfFile);
}

void TestFileSource::pacedHonoursTheMeterInterval()
{
    // Four DSMR 5 telegrams (1 s) and two DSMR 4.2 (10 s) at speed 50: 20 ms and 200 ms apart.
    QByteArray content;
    for (int i = 0; i < 4; ++i)
        content += dsmr5(i);
    const QByteArray old = toBytes(p1::test::dsmr42());
    content += old + old;
    const QString path = write(QStringLiteral("pace.p1"), content);
    FileSource source(path);
    source.setReplaySpeed(50);
    QList<qint64> at;
    QElapsedTimer clock;
    connect(&source, &Source::dataReceived, this, [&] { at.append(clock.elapsed()); });
    Replay replay(source);
    clock.start();
    source.open();
    QVERIFY(replay.finished.wait(5000));
    QCOMPARE(replay.pieces.size(), 6);
    QCOMPARE(replay.pieces.at(4), old);
    // Lower bounds only (timers never fire early by more than a little): the 10 s telegram holds
    // the next one back ten times longer than a 1 s one.
    QVERIFY2(at.at(3) - at.at(0) >= 3 * 20 * 0.8, qPrintable(QString::number(at.at(3) - at.at(0))));
    QVERIFY2(at.at(5) - at.at(4) >= 200 * 0.8, qPrintable(QString::number(at.at(5) - at.at(4))));
    // The end comes with the last telegram, not an interval later.
    QCOMPARE(replay.finished.count(), 1);
}

void TestFileSource::missingFileIsNotFound()
{
    FileSource source(m_dir.filePath(QStringLiteral("no-such-capture.p1")));
    Replay replay(source);
    source.open();
    QCOMPARE(replay.errors.count(), 0); // from the event loop
    QVERIFY(replay.finished.wait(2000));
    QCOMPARE(replay.errors.count(), 1);
    QCOMPARE(replay.errors.at(0).at(0).value<Source::Error>(), Source::Error::NotFound);
    QVERIFY(replay.pieces.isEmpty());
}

void TestFileSource::directoryIsAnError()
{
    FileSource source(m_dir.path());
    Replay replay(source);
    source.open();
    QVERIFY(replay.finished.wait(2000));
    QCOMPARE(replay.errors.at(0).at(0).value<Source::Error>(), Source::Error::Other);
    QVERIFY(replay.pieces.isEmpty());
}

void TestFileSource::unreadableFileIsPermissionDenied()
{
    if (::geteuid() == 0)
        QSKIP("root reads anything");
    const QString path = write(QStringLiteral("locked.p1"), dsmr5(0));
    QVERIFY(QFile::setPermissions(path, QFileDevice::Permissions()));
    FileSource source(path);
    Replay replay(source);
    source.open();
    QVERIFY(replay.finished.wait(2000));
    QCOMPARE(replay.errors.at(0).at(0).value<Source::Error>(), Source::Error::PermissionDenied);
}

void TestFileSource::closeStopsTheReplay()
{
    QByteArray content;
    for (int i = 0; i < 5; ++i)
        content += dsmr5(i);
    const QString path = write(QStringLiteral("close.p1"), content);
    FileSource source(path);
    source.setReplaySpeed(20); // 50 ms apart
    Replay replay(source);
    QSignalSpy data(&source, &Source::dataReceived);
    source.open();
    QVERIFY(data.wait(2000));
    source.close();
    QCOMPARE(source.state(), Source::State::Closed);
    QVERIFY(!data.wait(300));
    QCOMPARE(replay.pieces.size(), 1);
    QCOMPARE(replay.finished.count(), 0);

    // Opening again starts from the beginning.
    source.open();
    QVERIFY(replay.finished.wait(3000));
    QCOMPARE(replay.pieces.size(), 6);
    QCOMPARE(replay.pieces.at(1), dsmr5(0));
}

QTEST_GUILESS_MAIN(TestFileSource)
#include "tst_filesource.moc"
