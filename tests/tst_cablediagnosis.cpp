#include "cablediagnosis.h"

#include <QTest>

using namespace std::chrono_literals;
using p1::CableDiagnosis;
using p1::Source;
using Problem = CableDiagnosis::Problem;

Q_DECLARE_METATYPE(CableDiagnosis::Problem)

namespace {

QStringList ev(std::initializer_list<const char *> events)
{
    QStringList out;
    for (const char *e : events)
        out.append(QString::fromLatin1(e));
    return out;
}

/// A history of events, one per string: "open@0", "bytes@3000", "good@4000", "bad@5000",
/// "error:busy@0", "error:notfound@0", "error:permission@0", "error:unplugged@9000",
/// "error:lost@100", "error:eof@100", "error:other@1".
void replay(CableDiagnosis &d, const QStringList &events)
{
    for (const QString &event : events) {
        const QStringList parts = event.split(u'@');
        const auto at = std::chrono::milliseconds(parts.at(1).toLongLong());
        const QString &what = parts.at(0);
        if (what == u"open")
            d.opened(at);
        else if (what == u"bytes")
            d.bytesReceived(1000, at);
        else if (what == u"good")
            d.telegram(true, at);
        else if (what == u"bad")
            d.telegram(false, at);
        else if (what.startsWith(u"error:")) {
            const QString e = what.mid(6);
            Source::Error error = Source::Error::Other;
            if (e == u"busy")
                error = Source::Error::Busy;
            else if (e == u"notfound")
                error = Source::Error::NotFound;
            else if (e == u"permission")
                error = Source::Error::PermissionDenied;
            else if (e == u"unplugged")
                error = Source::Error::Unplugged;
            else if (e == u"lost")
                error = Source::Error::ConnectionLost;
            else if (e == u"eof")
                error = Source::Error::EndOfFile;
            d.sourceError(error, QStringLiteral("detail"), at);
        } else {
            QFAIL(qPrintable(QStringLiteral("bad event ") + event));
        }
    }
}

QStringList goodTelegrams(int count, qint64 from, qint64 step)
{
    QStringList out;
    for (int i = 0; i < count; ++i) {
        out << QStringLiteral("bytes@%1").arg(from + i * step)
            << QStringLiteral("good@%1").arg(from + i * step);
    }
    return out;
}

} // namespace

class TestCableDiagnosis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void judge_data();
    void judge();
    void messagesNameTheRemedy_data();
    void messagesNameTheRemedy();
    void crcWindowForgets();
    void resetForgets();
    void severity();
};

void TestCableDiagnosis::judge_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QStringList>("events");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<Problem>("expected");

    const int serial = int(Source::Kind::Serial);
    const int tcp = int(Source::Kind::Tcp);
    QTest::newRow("nothing-yet") << serial << ev({}) << qint64(60000) << Problem::None;
    QTest::newRow("open-quiet-10s") << serial << ev({"open@0"}) << qint64(10000) << Problem::None;
    QTest::newRow("open-quiet-15s-no-data")
        << serial << ev({"open@0"}) << qint64(15000) << Problem::NoData;
    QTest::newRow("port-busy") << serial << ev({"error:busy@0"}) << qint64(1) << Problem::Busy;
    QTest::newRow("port-missing") << serial << ev({"error:notfound@0"}) << qint64(1)
                                  << Problem::NotFound;
    QTest::newRow("permission-denied")
        << serial << ev({"error:permission@0"}) << qint64(1) << Problem::PermissionDenied;
    QTest::newRow("unplugged-after-data")
        << serial << (ev({"open@0"}) + goodTelegrams(3, 1000, 1000) + ev({"error:unplugged@5000"}))
        << qint64(5001) << Problem::Unplugged;
    QTest::newRow("tcp-lost") << tcp << ev({"error:lost@100"}) << qint64(200)
                              << Problem::ConnectionLost;
    QTest::newRow("tcp-lost-then-data") << tcp << ev({"error:lost@100", "open@2000", "bytes@3000"})
                                        << qint64(3500) << Problem::None;
    QTest::newRow("file-ended") << int(Source::Kind::File)
                                << ev({"open@0", "bytes@1", "good@1", "error:eof@20"}) << qint64(30)
                                << Problem::EndOfFile;
    QTest::newRow("other-error") << serial << ev({"open@0", "error:other@1"}) << qint64(2)
                                 << Problem::OtherError;
    QTest::newRow("garbage-25s-not-yet")
        << serial << ev({"open@0", "bytes@1000", "bytes@20000"}) << qint64(26000) << Problem::None;
    QTest::newRow("garbage-27s") << serial << ev({"open@0", "bytes@1000", "bytes@26000"})
                                 << qint64(27000) << Problem::Garbage;
    QTest::newRow("only-rejected-telegrams")
        << serial << ev({"open@0", "bytes@1000", "bad@1000", "bad@2000", "bad@3000"})
        << qint64(3000) << Problem::Garbage;
    QTest::newRow("healthy-dsmr5") << serial << (ev({"open@0"}) + goodTelegrams(30, 1000, 1000))
                                   << qint64(30500) << Problem::None;
    QTest::newRow("healthy-dsmr4-10s") << serial << (ev({"open@0"}) + goodTelegrams(5, 1000, 10000))
                                       << qint64(50000) << Problem::None;
    QTest::newRow("data-stopped") << serial << (ev({"open@0"}) + goodTelegrams(5, 1000, 1000))
                                  << qint64(35001) << Problem::DataStopped;
    QTest::newRow("two-crc-errors-tolerated")
        << serial << (ev({"open@0"}) + goodTelegrams(5, 1000, 1000) + ev({"bad@6000", "bad@7000"}))
        << qint64(7000) << Problem::None;
    QTest::newRow("crc-errors-piling-up") << serial
                                          << (ev({"open@0"}) + goodTelegrams(5, 1000, 1000)
                                                 + ev({"bad@6000", "bad@7000", "bad@8000"}))
                                          << qint64(8000) << Problem::CrcErrors;
    QTest::newRow("busy-outranks-everything")
        << serial << (ev({"open@0"}) + goodTelegrams(2, 1000, 1000) + ev({"error:busy@3000"}))
        << qint64(60000) << Problem::Busy;
}

void TestCableDiagnosis::judge()
{
    QFETCH(int, kind);
    QFETCH(QStringList, events);
    QFETCH(qint64, now);
    QFETCH(Problem, expected);

    CableDiagnosis d;
    d.setSource(Source::Kind(kind), QStringLiteral("ttyUSB0"));
    replay(d, events);
    d.evaluate(std::chrono::milliseconds(now));
    QCOMPARE(d.problem(), expected);
    QCOMPARE(d.message().isEmpty(), expected == Problem::None);
}

void TestCableDiagnosis::messagesNameTheRemedy_data()
{
    QTest::addColumn<QStringList>("events");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<QString>("expectedPart");

    QTest::newRow("permission-dialout")
        << ev({"error:permission@0"}) << qint64(1) << QStringLiteral("dialout");
    QTest::newRow("busy-names-port")
        << ev({"error:busy@0"}) << qint64(1) << QStringLiteral("ttyUSB0 is in use");
    QTest::newRow("no-data-request-line")
        << ev({"open@0"}) << qint64(15000) << QStringLiteral("request line");
    QTest::newRow("garbage-baud") << ev({"open@0", "bytes@1", "bytes@26001"}) << qint64(26001)
                                  << QStringLiteral("baud rate");
    QTest::newRow("garbage-inverted")
        << ev({"open@0", "bytes@1", "bytes@26001"}) << qint64(26001) << QStringLiteral("invert");
    QTest::newRow("crc-interference")
        << (ev({"open@0"}) + goodTelegrams(1, 1, 1) + ev({"bad@2", "bad@3", "bad@4"})) << qint64(5)
        << QStringLiteral("3 of the last 4 telegrams");
    QTest::newRow("not-found-port") << ev({"error:notfound@0"}) << qint64(1)
                                    << QStringLiteral("The port ttyUSB0 does not exist");
}

void TestCableDiagnosis::messagesNameTheRemedy()
{
    QFETCH(QStringList, events);
    QFETCH(qint64, now);
    QFETCH(QString, expectedPart);
    CableDiagnosis d;
    d.setSource(Source::Kind::Serial, QStringLiteral("ttyUSB0"));
    replay(d, events);
    d.evaluate(std::chrono::milliseconds(now));
    QVERIFY2(d.message().contains(expectedPart), qPrintable(d.message()));
}

void TestCableDiagnosis::crcWindowForgets()
{
    CableDiagnosis d;
    CableDiagnosis::Config config;
    config.crcWindow = 5;
    config.crcThreshold = 2;
    d.setConfig(config);
    replay(d, ev({"open@0"}) + goodTelegrams(1, 1, 1) + ev({"bad@2", "bad@3"}));
    QVERIFY(d.evaluate(3ms));
    QCOMPARE(d.problem(), Problem::CrcErrors);
    QCOMPARE(d.recentRejected(), 2);
    replay(d, goodTelegrams(4, 4, 1)); // the window of 5 keeps one of the two bad ones
    QVERIFY(d.evaluate(8ms));
    QCOMPARE(d.recentRejected(), 1);
    QCOMPARE(d.problem(), Problem::None);
    QVERIFY(!d.evaluate(8ms)); // no change, no news
}

void TestCableDiagnosis::resetForgets()
{
    CableDiagnosis d;
    replay(d, ev({"error:busy@0"}));
    d.evaluate(1ms);
    QCOMPARE(d.problem(), Problem::Busy);
    d.reset();
    d.evaluate(2ms);
    QCOMPARE(d.problem(), Problem::None);
}

void TestCableDiagnosis::severity()
{
    QCOMPARE(CableDiagnosis::severity(Problem::None), CableDiagnosis::Severity::None);
    QCOMPARE(CableDiagnosis::severity(Problem::EndOfFile), CableDiagnosis::Severity::Information);
    QCOMPARE(CableDiagnosis::severity(Problem::CrcErrors), CableDiagnosis::Severity::Warning);
    QCOMPARE(CableDiagnosis::severity(Problem::PermissionDenied), CableDiagnosis::Severity::Error);
}

QTEST_GUILESS_MAIN(TestCableDiagnosis)
#include "tst_cablediagnosis.moc"
