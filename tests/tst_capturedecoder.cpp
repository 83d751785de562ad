#include "capturedecoder.h"
#include "jsonsubset.h"
#include "sampletelegrams.h"
#include "telegrambuilder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <string>
#include <vector>

using namespace p1;
using p1::test::Chunking;
using p1::test::json;
using p1::test::to7E1;
using namespace Qt::StringLiterals;

namespace {

// A one-digit bit error in the net power line, CRC left as sent: "CRC mismatch".
std::string withBitError(std::string telegram)
{
    const auto at = telegram.find("1-0:1.7.0(00.");
    telegram[at + 15] = char(telegram[at + 15] ^ 0x01);
    return telegram;
}

// Runs the decoder over \a input chunked \a how and returns its output lines, re-parsed: what a
// consumer of `dbus-p1 --decode` sees.
QList<QByteArray> decodeLines(std::string_view input, Chunking how, std::uint32_t seed = 1)
{
    QList<QByteArray> lines;
    CaptureDecoder decoder(
        [&lines](const QJsonObject &object) { lines.append(CaptureDecoder::toLine(object)); });
    for (const auto piece : p1::test::chunk(input, how, seed))
        decoder.push(piece);
    decoder.finish();
    return lines;
}

QJsonArray parseLines(const QList<QByteArray> &lines)
{
    QJsonArray out;
    for (const QByteArray &line : lines) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        out.append(error.error == QJsonParseError::NoError && doc.isObject()
                ? QJsonValue(doc.object())
                : QJsonValue(QStringLiteral("unparsable line: ") + QString::fromUtf8(line)));
    }
    return out;
}

} // namespace

class TestCaptureDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decode_data();
    void decode();
    void linesAreCompactAndOnePerTelegram();
    void emitsEachTelegramAsItCompletes();
    void objectsAreListedAsSent_data();
    void objectsAreListedAsSent();
    void rejectedTelegramListsItsObjects();
    void countsAcceptedAndRejected();
};

void TestCaptureDecoder::decode_data()
{
    QTest::addColumn<QByteArray>("input");
    // One partial object per expected output line; "<absent>" marks a key that must be missing.
    QTest::addColumn<QJsonValue>("expected");

    const auto row = [](const char *name, const std::string &input, const char *expected) {
        QTest::newRow(name) << QByteArray::fromStdString(input) << json(expected);
    };

    const std::string t5 = p1::test::dsmr5ThreePhase();

    row("dsmr5-three-phase", t5, R"([{
        "crc": "ok", "error": "<absent>", "ident": "Ene5\\T210-D ESMR5.0", "version": "50",
        "timestamp": "2026-11-25T14:30:15+01:00",
        "grid": {"/Ac/Power": 884, "/Ac/L1/Power": 500, "/Ac/L2/Power": 634,
                 "/Ac/L3/Power": -250, "/Ac/L1/Voltage": 230.1, "/Ac/L2/Voltage": 231.5,
                 "/Ac/L3/Voltage": 229.8, "/Ac/L1/Current": 2, "/Ac/L2/Current": 3,
                 "/Ac/L3/Current": -1, "/Ac/Energy/Forward": 3580.245,
                 "/Ac/Energy/Reverse": 358.023, "/NrOfPhases": 3,
                 "/Serial": "E0062000013122923", "/P1/Tariff": 2,
                 "/P1/Energy/Forward/T1": 1234.567, "/P1/Energy/Reverse/T2": 234.567,
                 "/P1/PowerFailures": 12, "/P1/LongPowerFailures": 3,
                 "/P1/L1/VoltageSags": 4, "/P1/L2/VoltageSwells": 1,
                 "/P1/Energy/Forward/T3": "<absent>", "/P1/AverageDemand": "<absent>"},
        "gas": {"/Aggregate": 4567.89, "/P1/Channel": 1, "/Flow": "<absent>"},
        "water": "<absent>", "heat": "<absent>"}])");

    row("dsmr5-single-phase-exporting", p1::test::dsmr5SinglePhase(), R"([{
        "crc": "ok", "version": "50", "timestamp": "2026-06-01T12:15:00+02:00",
        "grid": {"/Ac/Power": -1250, "/Ac/L1/Power": -1250, "/Ac/L1/Voltage": 236.1,
                 "/Ac/L1/Current": -5, "/Ac/Energy/Forward": 1041.401,
                 "/Ac/Energy/Reverse": 300.003, "/NrOfPhases": 1,
                 "/Ac/L2/Power": "<absent>", "/Ac/L3/Voltage": "<absent>"},
        "gas": null}])");

    row("dsmr42-kaifa", p1::test::dsmr42(), R"([{
        "crc": "ok", "version": "42", "timestamp": "2026-11-25T14:30:10+01:00",
        "grid": {"/Ac/Power": 335, "/Ac/L1/Power": 254, "/Ac/L2/Power": 81,
                 "/Ac/Energy/Forward": 13043.392, "/Ac/Energy/Reverse": 30},
        "gas": {"/Aggregate": 4836.851, "/P1/Channel": 1}}])");

    row("dsmr40-landisgyr-summer-time", p1::test::dsmr40(), R"([{
        "crc": "ok", "version": "40", "timestamp": "2026-07-01T19:29:59+02:00",
        "grid": {"/Ac/Power": -444, "/Ac/L1/Power": 111, "/Ac/L2/Power": -222,
                 "/Ac/L3/Power": -333, "/Ac/L2/Current": -1, "/Ac/L3/Current": -1},
        "gas": {"/Aggregate": 845.206, "/P1/Channel": 1}}])");

    row("dsmr30-no-crc", p1::test::dsmr30(), R"([{
        "crc": "none", "error": "<absent>", "version": null, "timestamp": null,
        "grid": {"/Ac/Power": 1190, "/Ac/Energy/Forward": 35802.467},
        "gas": {"/Aggregate": 1234.567, "/P1/Channel": 1}}])");

    row("dsmr22-gas-profile-on-channel-2", p1::test::dsmr22(), R"([{
        "crc": "none", "ident": "KMP5 ZABF001587315111",
        "grid": {"/Ac/Power": 980, "/Ac/Energy/Forward": 269, "/Ac/Energy/Reverse": 32},
        "gas": {"/Aggregate": 124.477, "/P1/Channel": 2}}])");

    row("dsmr22-7e1-read-8n1", to7E1(p1::test::dsmr22()), R"([{
        "crc": "none", "error": "<absent>", "ident": "KMP5 ZABF001587315111",
        "grid": {"/Ac/Power": 980}, "gas": {"/Aggregate": 124.477}}])");

    row("belgium-fluvius", p1::test::belgiumFluvius(), R"([{
        "crc": "ok", "version": "50217", "timestamp": "2026-11-25T14:30:15+01:00",
        "grid": {"/Ac/Power": 1500, "/Ac/L1/Power": 700, "/Ac/L3/Current": 1.3,
                 "/Ac/Energy/Forward": 338.792, "/P1/AverageDemand": 2351,
                 "/P1/MaximumDemandMonth": 3589},
        "gas": {"/Aggregate": 112.384, "/P1/Channel": 1},
        "water": [{"/Aggregate": 872.234, "/P1/Channel": 2, "/Serial": "8SAG1234567890",
                   "/P1/CaptureTime": "2026-11-25T14:30:00+01:00"}],
        "heat": "<absent>"}])");

    row("luxembourg-smarty-totals", p1::test::luxembourgSmarty(), R"([{
        "crc": "ok", "version": "42",
        "grid": {"/Ac/Power": -897, "/Ac/L1/Power": -319, "/Ac/Energy/Forward": 273.764,
                 "/Ac/Energy/Reverse": 12743.03, "/Serial": "SAG1030700012701"},
        "gas": {"/Aggregate": 14239.771}}])");

    row("sweden-kamstrup-lf-after-crc", p1::test::swedenKamstrup(), R"([{
        "crc": "ok", "ident": "KAM5", "version": null,
        "timestamp": "2026-11-25T14:30:15+01:00",
        "grid": {"/Ac/Power": 1234, "/Ac/L1/Current": 1.7, "/Ac/Energy/Forward": 12345.678,
                 "/Ac/Energy/Reverse": 456.789},
        "gas": null}])");

    row("austria-wh-units", p1::test::austriaWh(), R"([{
        "crc": "ok",
        "grid": {"/Ac/Power": 286, "/Ac/L1/Power": 286, "/Ac/Energy/Forward": 6545.766,
                 "/Ac/Energy/Reverse": 0.058, "/Ac/L2/Power": "<absent>"},
        "gas": null}])");

    row("easymeter-q3d-star-255",
        p1::test::easyMeterQ3D() + "  25803103\r\n" + std::string(33, '\xFF'), R"([{
        "crc": "none", "error": "<absent>",
        "grid": {"/Ac/Power": 703.68, "/Ac/L1/Power": 123.45, "/Ac/L3/Power": 345.67,
                 "/Ac/Energy/Forward": 12345.6789012, "/Ac/Energy/Reverse": 1234.5678901,
                 "/Serial": "1ESY1160003456"},
        "gas": null}])");

    // Heat is decoded, not published: plain keys, not D-Bus paths.
    row("heat-meter-is-not-gas", p1::test::heatGJ(), R"([{
        "crc": "ok", "grid": null, "gas": null, "water": "<absent>",
        "heat": [{"channel": 1, "value": 123.456, "unit": "GJ", "equipmentId": "621848012D2C0B0C",
                  "captureTime": "2026-11-25T14:30:00+01:00"}]}])");

    const std::string bad = withBitError(t5);
    row("bad-crc-publishes-nothing", bad, R"([{
        "crc": "bad", "ident": "Ene5\\T210-D ESMR5.0",
        "grid": "<absent>", "gas": "<absent>", "version": "<absent>", "timestamp": "<absent>"}])");

    row("rejected-then-good-in-order", bad + p1::test::dsmr5ThreePhase("261125143016W"), R"([
        {"crc": "bad", "grid": "<absent>"},
        {"crc": "ok", "error": "<absent>", "timestamp": "2026-11-25T14:30:16+01:00",
         "grid": {"/Ac/Power": 884}}])");

    row("noise-and-nul-between",
        std::string("\xFF\xFB\x01\xFF\xFD\x18garbage\r\n", 15) + t5 + std::string(1, '\0')
            + p1::test::dsmr5ThreePhase("261125143016W"),
        R"([
        {"crc": "ok", "timestamp": "2026-11-25T14:30:15+01:00"},
        {"crc": "ok", "timestamp": "2026-11-25T14:30:16+01:00"}])");

    // DSMR 5 gas: a new reading every 5 minutes. 0.1 m3 in 5 minutes is 1.2 m3/h.
    const std::string gasLater =
        p1::test::dsmr5ThreePhase("261125143501W", "261125143500W", "04567.990");
    row("gas-flow-once-capture-time-advances", t5 + gasLater, R"([
        {"gas": {"/Aggregate": 4567.89, "/Flow": "<absent>"}},
        {"gas": {"/Aggregate": 4567.99, "/Flow": 1.2}}])");

    // A rejected telegram must not feed the flow: if it did, the good telegram after it would
    // see no capture time change, or a rate computed from corrupt data.
    const std::string badGas =
        withBitError(p1::test::dsmr5ThreePhase("261125143459W", "261125143400W", "04570.000"));
    row("gas-flow-ignores-rejected-telegram", t5 + badGas + gasLater, R"([
        {"gas": {"/Aggregate": 4567.89}},
        {"crc": "bad", "gas": "<absent>"},
        {"gas": {"/Aggregate": 4567.99, "/Flow": 1.2}}])");

    row("truncated-then-good", t5.substr(0, t5.size() / 2) + t5, R"([
        {"crc": "bad", "grid": "<absent>"},
        {"crc": "ok", "grid": {"/Ac/Power": 884}}])");

    row("header-without-objects-is-rejected", p1::test::buildTelegram("XMX5EMPTY", {}), R"([
        {"crc": "ok", "ident": "XMX5EMPTY", "grid": "<absent>", "gas": "<absent>",
         "objects": []}])");

    row("only-noise", std::string("\xFF\xFB\x01 AT+GMR\r\nPID 0xA053\r\n"), "[]");
    row("empty", std::string(), "[]");
}

void TestCaptureDecoder::decode()
{
    QFETCH(QByteArray, input);
    QFETCH(QJsonValue, expected);
    QVERIFY2(expected.isArray(), qPrintable(expected.toString()));

    const std::string_view bytes(input.constData(), std::size_t(input.size()));
    const QList<QByteArray> whole = decodeLines(bytes, Chunking::Whole);
    const QJsonArray actual = parseLines(whole);
    const QString mismatch = p1::test::jsonMismatch(actual, expected);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));

    // Every rejected line says why; no accepted line carries an error.
    for (const auto &line : actual) {
        const QJsonObject o = line.toObject();
        const bool rejected = !o.contains(u"grid"_s);
        QCOMPARE(o.contains(u"error"_s), rejected);
        if (rejected)
            QVERIFY(!o.value(u"error"_s).toString().isEmpty());
    }

    // Streaming: the same lines however the bytes arrive.
    QCOMPARE(decodeLines(bytes, Chunking::ByteByByte), whole);
    for (std::uint32_t seed : {1u, 7u, 42u})
        QCOMPARE(decodeLines(bytes, Chunking::Random, seed), whole);
}

void TestCaptureDecoder::linesAreCompactAndOnePerTelegram()
{
    const std::string input = p1::test::dsmr5ThreePhase() + p1::test::dsmr30();
    const QList<QByteArray> lines = decodeLines(input, Chunking::Whole);
    QCOMPARE(lines.size(), 2);
    for (const QByteArray &line : lines) {
        QVERIFY(line.endsWith('\n'));
        QCOMPARE(line.count('\n'), 1);
        QVERIFY(!line.contains("\": ")); // compact: no space after the colon
        QVERIFY(line.startsWith('{'));
    }
    QVERIFY(lines.at(0).contains("\"/Ac/Power\":884,"));
    QVERIFY(lines.at(0).contains("\"/Ac/Energy/Forward\":3580.245"));
}

void TestCaptureDecoder::emitsEachTelegramAsItCompletes()
{
    int emitted = 0;
    CaptureDecoder decoder([&emitted](const QJsonObject &) { ++emitted; });
    const std::string t5 = p1::test::dsmr5ThreePhase();
    decoder.push(t5.substr(0, t5.size() - 3)); // up to the second CRC digit
    QCOMPARE(emitted, 0);
    decoder.push(t5.substr(t5.size() - 3, 1)); // the fourth digit ends a DSMR 5 telegram
    QCOMPARE(emitted, 1);
    // DSMR 3.0 has no CRC: its telegram ends with the footer's line end, or end of input.
    const std::string t3 = p1::test::dsmr30();
    decoder.push(t3.substr(0, t3.size() - 2));
    QCOMPARE(emitted, 1);
    decoder.finish();
    QCOMPARE(emitted, 2);
}

void TestCaptureDecoder::objectsAreListedAsSent_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("index");
    QTest::addColumn<QJsonValue>("expected");

    const auto row = [](const char *name, const std::string &input, int index,
                         const char *expected) {
        QTest::newRow(name) << QByteArray::fromStdString(input) << index << json(expected);
    };
    const std::string single = p1::test::dsmr5SinglePhase();
    row("value-and-unit", single, 3,
        R"({"obis": "1-0:1.8.1", "values": ["000576.239"], "unit": "kWh"})");
    row("no-unit-key-without-unit", single, 0, R"({"obis": "1-3:0.2.8", "values": ["50"],
        "unit": "<absent>"})");
    row("empty-value", single, 15, R"({"obis": "0-0:96.13.0", "values": [""],
        "unit": "<absent>"})");
    row("failure-log-first-unit", p1::test::dsmr42(), 12, R"({"obis": "1-0:99.97.0",
        "values": ["1", "0-0:96.7.19", "251118145825W", "0000004982"], "unit": "s"})");
    row("gas-profile-continuation-line", p1::test::dsmr30(), 14, R"({"obis": "0-1:24.3.0",
        "values": ["260212160000", "00", "60", "1", "0-1:24.2.1", "m3", "01234.567"]})");
    row("obis-star-255-as-sent", p1::test::easyMeterQ3D(), 1,
        R"({"obis": "1-0:1.8.0*255", "values": ["00012345.6789012"], "unit": "kWh"})");
    row("wrapped-text-joined",
        p1::test::buildTelegram(
            "KMP5 WRAP", {"0-0:96.13.0(3031\r\n3233)", "1-0:1.8.1(00001.000*kWh)"}, {.crc = false}),
        0, R"({"obis": "0-0:96.13.0", "values": ["30313233"]})");
}

void TestCaptureDecoder::objectsAreListedAsSent()
{
    QFETCH(QByteArray, input);
    QFETCH(int, index);
    QFETCH(QJsonValue, expected);

    const QList<QJsonObject> out =
        CaptureDecoder::decode(std::string_view(input.constData(), std::size_t(input.size())));
    QCOMPARE(out.size(), 1);
    const QJsonArray objects = out.at(0).value(u"objects"_s).toArray();
    QVERIFY2(index < objects.size(), qPrintable(QString::number(objects.size())));
    const QString mismatch = p1::test::jsonMismatch(objects.at(index), expected);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
}

void TestCaptureDecoder::rejectedTelegramListsItsObjects()
{
    const QList<QJsonObject> out =
        CaptureDecoder::decode(withBitError(p1::test::dsmr5ThreePhase()));
    QCOMPARE(out.size(), 1);
    const QJsonObject &o = out.at(0);
    QCOMPARE(o.value(u"crc"_s).toString(), u"bad"_s);
    QVERIFY2(o.value(u"error"_s).toString().startsWith(u"CRC mismatch"_s),
        qPrintable(o.value(u"error"_s).toString()));
    const QJsonArray objects = o.value(u"objects"_s).toArray();
    QCOMPARE(objects.size(), 35);
    // The damaged value is shown as received: 00.884 with a bit flipped in its last digit.
    QCOMPARE(objects.at(8).toObject().value(u"values"_s).toArray().at(0).toString(), u"00.885"_s);
}

void TestCaptureDecoder::countsAcceptedAndRejected()
{
    CaptureDecoder decoder([](const QJsonObject &) {});
    const std::string t5 = p1::test::dsmr5ThreePhase();
    decoder.push(t5 + withBitError(t5) + t5 + p1::test::dsmr42());
    decoder.finish();
    QCOMPARE(decoder.accepted(), 3u);
    QCOMPARE(decoder.rejected(), 1u);
}

QTEST_GUILESS_MAIN(TestCaptureDecoder)
#include "tst_capturedecoder.moc"
