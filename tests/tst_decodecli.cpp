// `dbus-p1 --decode FILE|-` as a user runs it: the real binary in a QProcess, on the sample
// capture of tests/data and on standard input.

#include "globuilder.h"
#include "jsonsubset.h"
#include "sampletelegrams.h"
#include "telegrambuilder.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <string>

using namespace Qt::StringLiterals;
using p1::test::json;

namespace {

constexpr int kTimeoutMs = 30000;

QString program()
{
    return QStringLiteral(P1_BIN_DIR "/dbus-p1");
}

QString sampleCapturePath()
{
    return QStringLiteral(P1_TESTDATA_DIR "/dsmr5-sample.p1");
}

// A one-digit bit error in the net power line, CRC left as sent.
std::string withBitError(std::string telegram)
{
    const auto at = telegram.find("1-0:1.7.0(00.");
    telegram[at + 15] = char(telegram[at + 15] ^ 0x01);
    return telegram;
}

// tests/data/dsmr5-sample.p1, byte for byte: what a P1 cable behind ser2net could deliver.
// Regenerate the file with P1_UPDATE_TESTDATA=1 tst_decodecli (see tests/data/README.md).
std::string sampleCapture()
{
    using p1::test::dsmr5ThreePhase;
    std::string out;
    // Telnet option negotiation from ser2net, then the tail of a telegram cut at start-up.
    out += std::string("\xFF\xFB\x01\xFF\xFB\x03", 6);
    const std::string before = dsmr5ThreePhase("261125143014W");
    out += before.substr(before.size() - 100);
    // 14:30:15 good; 14:30:16 with a bit error from a noisy cable; 14:30:17 good, then a NUL.
    out += dsmr5ThreePhase("261125143015W");
    out += withBitError(dsmr5ThreePhase("261125143016W"));
    out += dsmr5ThreePhase("261125143017W");
    out += std::string(1, '\0');
    // Five minutes on: the next DSMR 5 gas reading, 0.1 m3 more.
    out += dsmr5ThreePhase("261125143501W", "261125143500W", "04567.990");
    return out;
}

// What decoding the sample capture prints, one partial object per line.
const char *sampleExpected()
{
    return R"([
        {"crc": "ok", "timestamp": "2026-11-25T14:30:15+01:00",
         "grid": {"/Ac/Power": 884, "/Ac/L3/Power": -250},
         "gas": {"/Aggregate": 4567.89, "/Flow": "<absent>"}},
        {"crc": "bad", "error": "CRC mismatch: sent 2A27, computed B06B",
         "grid": "<absent>", "gas": "<absent>"},
        {"crc": "ok", "timestamp": "2026-11-25T14:30:17+01:00", "error": "<absent>"},
        {"crc": "ok", "timestamp": "2026-11-25T14:35:01+01:00",
         "gas": {"/Aggregate": 4567.99, "/Flow": 1.2}}])";
}

QJsonArray parseLines(const QByteArray &output)
{
    QJsonArray out;
    QList<QByteArray> lines = output.split('\n');
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    for (const QByteArray &line : lines) {
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        out.append(doc.isObject() ? QJsonValue(doc.object())
                                  : QJsonValue(u"unparsable: "_s + QString::fromUtf8(line)));
    }
    return out;
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QStringList &arguments, const QByteArray &stdinData = {})
{
    QProcess p;
    p.start(program(), arguments);
    if (!p.waitForStarted(kTimeoutMs))
        return {};
    p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(kTimeoutMs) || p.exitStatus() != QProcess::NormalExit)
        return {};
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

} // namespace

class TestDecodeCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sampleCaptureMatchesItsGenerator();
    void decodes_data();
    void decodes();
    void streamsFromAPipe();
    void unreadableInput_data();
    void unreadableInput();
    void decodesEncryptedCapture_data();
    void decodesEncryptedCapture();
    void failures_data();
    void failures();
    void version();
    void help();
};

void TestDecodeCli::sampleCaptureMatchesItsGenerator()
{
    const QByteArray generated = QByteArray::fromStdString(sampleCapture());
    if (qEnvironmentVariableIsSet("P1_UPDATE_TESTDATA")) {
        QFile f(sampleCapturePath());
        QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(f.errorString()));
        QCOMPARE(f.write(generated), generated.size());
    }
    QFile f(sampleCapturePath());
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.errorString()));
    QVERIFY2(f.readAll() == generated,
        "tests/data/dsmr5-sample.p1 differs from its generator: regenerate it with "
        "P1_UPDATE_TESTDATA=1 (see tests/data/README.md)");
}

void TestDecodeCli::decodes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");

    QFile f(sampleCapturePath());
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray capture = f.readAll();

    QTest::newRow("file") << QStringList {u"--decode"_s, sampleCapturePath()} << QByteArray();
    QTest::newRow("file-equals-form")
        << QStringList {u"--decode="_s + sampleCapturePath()} << QByteArray();
    QTest::newRow("stdin") << QStringList {u"--decode"_s, u"-"_s} << capture;
}

void TestDecodeCli::decodes()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);

    const Run r = run(arguments, input);
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.count('\n'), 4);
    const QString mismatch = p1::test::jsonMismatch(parseLines(r.out), json(sampleExpected()));
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
}

void TestDecodeCli::streamsFromAPipe()
{
    // A live cable piped in: each line must come out while the input is still open.
    QProcess p;
    QSignalSpy output(&p, &QProcess::readyReadStandardOutput);
    p.start(program(), {u"--decode"_s, u"-"_s});
    QVERIFY(p.waitForStarted(kTimeoutMs));

    QByteArray received;
    const auto waitForLines = [&](int lines) {
        while (received.count('\n') < lines) {
            if (!output.wait(kTimeoutMs))
                return false;
            received += p.readAllStandardOutput();
        }
        return true;
    };
    p.write(QByteArray::fromStdString(p1::test::dsmr5ThreePhase()));
    QVERIFY(waitForLines(1));
    p.write(QByteArray::fromStdString(p1::test::dsmr5ThreePhase("261125143016W")));
    QVERIFY(waitForLines(2));
    QCOMPARE(p.state(), QProcess::Running);

    p.closeWriteChannel();
    QVERIFY(p.waitForFinished(kTimeoutMs));
    received += p.readAllStandardOutput();
    QCOMPARE(p.exitCode(), 0);
    const QString mismatch = p1::test::jsonMismatch(parseLines(received), json(R"([
        {"crc": "ok", "timestamp": "2026-11-25T14:30:15+01:00"},
        {"crc": "ok", "timestamp": "2026-11-25T14:30:16+01:00"}])"));
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
}

void TestDecodeCli::unreadableInput_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("missing-file") << QStringLiteral(P1_TESTDATA_DIR "/no-such-capture.p1");
    QTest::newRow("directory") << QStringLiteral(P1_TESTDATA_DIR);
}

void TestDecodeCli::unreadableInput()
{
    // Exit 1, as --help and the README say; 2 is a usage error (failures()).
    QFETCH(QString, file);
    const Run r = run({u"--decode"_s, file});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.isEmpty(), r.out.constData());
    const QString err = QString::fromLocal8Bit(r.err);
    QVERIFY2(err.startsWith(u"dbus-p1: "_s) && err.contains(file), qPrintable(err));
}

void TestDecodeCli::decodesEncryptedCapture_data()
{
    QTest::addColumn<QString>("keyForm"); // how --key is given: "hex", "file", "none", "wrong"
    QTest::addColumn<bool>("authKeyOption"); // --auth-key with the meter's own AK
    QTest::addColumn<QStringList>("verdicts"); // per telegram: "ok:<tag>" or the error
    QTest::addColumn<QString>("stderrMentions");

    const QString good = u"ok:ok"_s;
    const QString tampered = u"decryption failed: wrong key?"_s;
    QTest::newRow("key-hex") << u"hex"_s << true << QStringList {good, tampered, good} << QString();
    QTest::newRow("key-file") << u"file"_s << true << QStringList {good, tampered, good}
                              << QString();
    // The meter's AK is not the default: the tags fail, the telegrams' CRCs vouch for them.
    QTest::newRow("ak-differs") << u"hex"_s << false
                                << QStringList {u"ok:AK differs"_s, tampered, u"ok:AK differs"_s}
                                << QString();
    const QString missing = u"this meter encrypts its telegrams: give its key with --key"_s;
    QTest::newRow("no-key") << u"none"_s << false << QStringList {missing, missing, missing}
                            << missing;
    QTest::newRow("wrong-key") << u"wrong"_s << true << QStringList {tampered, tampered, tampered}
                               << tampered;
}

void TestDecodeCli::decodesEncryptedCapture()
{
    QFETCH(QString, keyForm);
    QFETCH(bool, authKeyOption);
    QFETCH(QStringList, verdicts);
    QFETCH(QString, stderrMentions);

    // Three frames of a meter with its own AK, the second with one ciphertext bit flipped.
    std::mt19937 rng(42);
    const p1::AesKey key = p1::test::randomKey(rng);
    p1::test::GloOptions options;
    options.authKey = p1::test::randomKey(rng);
    const std::string telegram = p1::test::dsmr5ThreePhase();
    std::string tampered = p1::test::buildGloFrame(telegram, key, options);
    tampered[tampered.size() / 2] ^= 0x20;
    const std::string capture = p1::test::buildGloFrame(telegram, key, options) + "\r\n" + tampered
        + p1::test::buildGloFrame(telegram, key, options);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto write = [&dir](const QString &name, QByteArrayView bytes) {
        QFile f(dir.filePath(name));
        return f.open(QIODevice::WriteOnly) && f.write(bytes.data(), bytes.size()) == bytes.size();
    };
    QVERIFY(write(u"capture.bin"_s, QByteArrayView(capture.data(), qsizetype(capture.size()))));
    const QByteArray hex = QByteArray::fromStdString(p1::toHex(key));
    QVERIFY(write(u"meter.key"_s, QByteArray(hex + "\n")));

    QStringList arguments {u"--decode"_s, dir.filePath(u"capture.bin"_s)};
    if (keyForm == u"hex"_s)
        arguments << u"--key"_s << QString::fromLatin1(hex);
    else if (keyForm == u"file"_s)
        arguments << u"--key"_s << dir.filePath(u"meter.key"_s);
    else if (keyForm == u"wrong"_s)
        arguments << u"--key"_s << QString::fromStdString(p1::toHex(p1::test::randomKey(rng)));
    if (authKeyOption)
        arguments << u"--auth-key"_s << QString::fromStdString(p1::toHex(options.authKey));

    const Run r = run(arguments);
    QCOMPARE(r.exitCode, 0);
    const QJsonArray lines = parseLines(r.out);
    QStringList got;
    for (const auto &line : lines) {
        const QJsonObject o = line.toObject();
        QVERIFY2(o.contains(u"encryption"_s), r.out.constData());
        if (o.contains(u"error"_s)) {
            got << o.value(u"error"_s).toString();
            QVERIFY(!o.contains(u"grid"_s));
            continue;
        }
        got << u"ok:"_s + o.value(u"encryption"_s).toObject().value(u"tag"_s).toString();
        // The right values for every good frame: what the plain telegram gives.
        QCOMPARE(o.value(u"grid"_s).toObject().value(u"/Ac/Power"_s).toDouble(), 884.0);
        QCOMPARE(
            o.value(u"encryption"_s).toObject().value(u"systemTitle"_s).toString(), u"SAG12345"_s);
    }
    QCOMPARE(got, verdicts);
    const QString err = QString::fromLocal8Bit(r.err);
    if (stderrMentions.isEmpty())
        QVERIFY2(err.isEmpty(), qPrintable(err));
    else
        QVERIFY2(err.contains(stderrMentions), qPrintable(err));
    // The key is never echoed.
    QVERIFY(!r.err.contains(hex) && !r.out.contains(hex));
}

void TestDecodeCli::failures_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("stderrMentions");

    QTest::newRow("unknown-option")
        << QStringList {u"--bogus-option"_s} << QStringList {u"bogus-option"_s};
    QTest::newRow("unknown-option-beside-decode") << QStringList {u"--decode"_s,
        sampleCapturePath(), u"--frobnicate"_s} << QStringList {u"frobnicate"_s};
    QTest::newRow("decode-without-file")
        << QStringList {u"--decode"_s} << QStringList {u"decode"_s};
    QTest::newRow("decode-with-two-files") << QStringList {u"--decode"_s, sampleCapturePath(),
        u"second.p1"_s} << QStringList {u"second.p1"_s};
    // The live daemon's options: every mistake names what is wrong, exit 2 before anything
    // opens.
    QTest::newRow("no-source") << QStringList() << QStringList {u"no SOURCE"_s};
    QTest::newRow("two-sources") << QStringList {u"sim:"_s, u"ttyUSB0"_s}
                                 << QStringList {u"ttyUSB0"_s};
    QTest::newRow("unknown-scheme") << QStringList {u"udp://host:1"_s} << QStringList {u"udp"_s};
    QTest::newRow("tcp-without-port") << QStringList {u"tcp://dongle"_s} << QStringList {u"port"_s};
    QTest::newRow("bad-timeout") << QStringList {u"--timeout"_s, u"soon"_s, u"sim:"_s}
                                 << QStringList {u"--timeout"_s, u"soon"_s};
    QTest::newRow("zero-probe-timeout") << QStringList {u"--probe-timeout"_s, u"0"_s, u"sim:"_s}
                                        << QStringList {u"--probe-timeout"_s};
    QTest::newRow("bad-gas-service") << QStringList {u"--gas-service"_s, u"water"_s, u"sim:"_s}
                                     << QStringList {u"--gas-service"_s, u"water"_s};
    QTest::newRow("bad-water-service") << QStringList {u"--water-service"_s, u"gasmeter"_s,
        u"sim:"_s} << QStringList {u"--water-service"_s, u"gasmeter"_s};
    QTest::newRow("bad-baud") << QStringList {u"--baud"_s, u"4800"_s, u"sim:"_s}
                              << QStringList {u"--baud"_s, u"4800"_s};
    QTest::newRow("key-too-short") << QStringList {u"--decode"_s, sampleCapturePath(), u"--key"_s,
        u"0123456789ABCDEF"_s} << QStringList {u"--key"_s, u"32 hex digits"_s};
    QTest::newRow("key-file-missing-hex") << QStringList {u"--decode"_s, sampleCapturePath(),
        u"--key"_s, sampleCapturePath()} << QStringList {u"--key"_s, u"does not hold a key"_s};
    QTest::newRow("bad-auth-key") << QStringList {u"--auth-key"_s, u"XYZ"_s, u"sim:"_s}
                                  << QStringList {u"--auth-key"_s};
    QTest::newRow("bad-replay-speed") << QStringList {u"--replay-speed"_s, u"-1"_s, u"sim:"_s}
                                      << QStringList {u"--replay-speed"_s};
}

void TestDecodeCli::failures()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, stderrMentions);

    const Run r = run(arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.out.isEmpty(), r.out.constData());
    const QString err = QString::fromLocal8Bit(r.err);
    for (const QString &mention : stderrMentions)
        QVERIFY2(err.contains(mention), qPrintable(err));
    QVERIFY2(err.startsWith(u"dbus-p1: "_s), qPrintable(err));
}

void TestDecodeCli::version()
{
    const Run r = run({u"--version"_s});
    QCOMPARE(r.exitCode, 0);
    static const QRegularExpression format(u"^dbus-p1 \\d+\\.\\d+\\.\\d+\\n$"_s);
    QVERIFY2(format.match(QString::fromUtf8(r.out)).hasMatch(), r.out.constData());
}

void TestDecodeCli::help()
{
    const Run r = run({u"--help"_s});
    QCOMPARE(r.exitCode, 0);
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(out.contains(u"--decode <FILE|->"_s), qPrintable(out));
    // What --decode's exit status means, as the code has it (unreadableInput()).
    QVERIFY2(out.simplified().contains(u"1 when it could not be read"_s), qPrintable(out));
    QVERIFY2(out.contains(u"--version"_s), qPrintable(out));
}

QTEST_GUILESS_MAIN(TestDecodeCli)
#include "tst_decodecli.moc"
