#include "telegramdecoder.h"

#include "globuilder.h"
#include "sampletelegrams.h"
#include "telegrambuilder.h"

#include <QTest>

#include <initializer_list>
#include <string>

using namespace p1;
using p1::test::Chunking;

namespace {

QString rejectionName(Rejection rejection)
{
    switch (rejection) {
    case Rejection::None:
        return QStringLiteral("accepted");
    case Rejection::CrcMismatch:
        return QStringLiteral("crc-mismatch");
    case Rejection::MalformedCrc:
        return QStringLiteral("malformed-crc");
    case Rejection::MissingCrc:
        return QStringLiteral("missing-crc");
    case Rejection::CrcRequired:
        return QStringLiteral("crc-required");
    case Rejection::Truncated:
        return QStringLiteral("truncated");
    case Rejection::Overflow:
        return QStringLiteral("overflow");
    case Rejection::NoHeader:
        return QStringLiteral("no-header");
    case Rejection::NoObjects:
        return QStringLiteral("no-objects");
    case Rejection::KeyMissing:
        return QStringLiteral("key-missing");
    case Rejection::DecryptionFailed:
        return QStringLiteral("decryption-failed");
    case Rejection::NotDsmr:
        return QStringLiteral("not-dsmr");
    }
    return QStringLiteral("?");
}

QString crcName(CrcStatus crc)
{
    switch (crc) {
    case CrcStatus::Ok:
        return QStringLiteral("ok");
    case CrcStatus::None:
        return QStringLiteral("none");
    case CrcStatus::Bad:
        return QStringLiteral("bad");
    }
    return QStringLiteral("?");
}

// "verdict crc=... [grid] [gas]": one telegram's result, as a row expects it.
QString summary(const DecodedTelegram &decoded)
{
    QString s =
        rejectionName(decoded.rejection) + QStringLiteral(" crc=") + crcName(decoded.frame.crc);
    if (decoded.hasGrid)
        s += QStringLiteral(" grid");
    if (decoded.hasGas)
        s += QStringLiteral(" gas");
    if (decoded.envelope)
        s += QStringLiteral(" tag=") + QString::fromLatin1(describe(decoded.envelope->tag));
    return s;
}

QStringList decode(
    std::string_view input, Chunking how, std::uint32_t seed = 1, const DecryptionKeys &keys = {})
{
    QStringList out;
    TelegramDecoder decoder([&out](const DecodedTelegram &decoded) { out << summary(decoded); });
    decoder.setKeys(keys);
    for (const auto piece : p1::test::chunk(input, how, seed))
        decoder.push(piece);
    decoder.finish();
    return out;
}

// One bit flipped in the first value of \a line, the CRC left as sent.
std::string withBitError(std::string telegram, std::string_view line)
{
    const auto at = telegram.find(std::string(line) + '(') + line.size() + 1;
    telegram[at] = char(telegram[at] ^ 0x01);
    return telegram;
}

// The telegram with its CRC digits gone: `!` and the line end, as a DSMR 2.2/3.0 footer.
std::string withoutCrc(const std::string &telegram)
{
    return telegram.substr(0, telegram.rfind('!') + 1) + "\r\n";
}

} // namespace

class TestTelegramDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodes_data();
    void decodes();
    void describesRejectionsInEnglish_data();
    void describesRejectionsInEnglish();
    void wordsRejectionsAsTheFramerAndTheParserDo();
    void acceptedTelegramCarriesItsReading();
    void rejectedTelegramCarriesNoValues();
    void gasFlowSpansAcceptedTelegramsUntilRestart();
    void resetDropsPendingTelegram();
    void crcMemorySurvivesResetNotRestart();
    void countsBytesNoiseAndVerdicts();
    void decryptsEncryptedFrames_data();
    void decryptsEncryptedFrames();
    void encryptedEnvelopeCarriesTheHeader();
};

void TestTelegramDecoder::decodes_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("expected");

    const auto row = [](const char *name, const std::string &input,
                         std::initializer_list<const char *> expected) {
        QStringList summaries;
        for (const char *e : expected)
            summaries << QString::fromLatin1(e);
        QTest::newRow(name) << QByteArray::fromStdString(input) << summaries;
    };
    const std::string t5 = p1::test::dsmr5ThreePhase();
    const char *const good5 = "accepted crc=ok grid gas";
    const std::string bad5 = withBitError(t5, "1-0:1.7.0");
    const char *const crcMismatch = "crc-mismatch crc=bad";

    row("dsmr5-grid-and-gas", t5, {good5});
    row("dsmr5-single-phase-no-gas", p1::test::dsmr5SinglePhase(), {"accepted crc=ok grid"});
    row("heat-meter-neither-grid-nor-gas", p1::test::heatGJ(), {"accepted crc=ok"});
    row("dsmr22-no-crc", p1::test::dsmr22(), {"accepted crc=none grid gas"});
    row("dsmr22-7e1-read-8n1", p1::test::to7E1(p1::test::dsmr22()), {"accepted crc=none grid gas"});
    row("bad-crc", bad5, {crcMismatch});
    row("bad-crc-does-not-take-the-good-one-along", bad5 + t5, {crcMismatch, good5});
    row("noise-before-and-between",
        std::string("\xFF\xFB\x01garbage\r\n") + t5 + std::string(1, '\0') + t5, {good5, good5});
    row("truncated-by-next-telegram", t5.substr(0, t5.size() / 2) + t5,
        {"truncated crc=bad", good5});
    row("truncated-by-end-of-input", t5.substr(0, t5.size() / 2), {"truncated crc=bad"});
    row("junk-in-crc-is-a-mismatch", t5.substr(0, t5.rfind('!') + 1) + "12G4\r\n" + t5,
        {crcMismatch, good5});
    row("overflow-then-good", "/XMX5LONG\r\n" + std::string(20000, 'x') + "\r\n" + t5,
        {"overflow crc=bad", good5});
    row("crc-lost-after-crcs-were-seen",
        t5 + p1::test::buildTelegram("XMX5NOCRC", {"1-0:1.8.1(00001.000*kWh)"}, {.crc = false}),
        {good5, "missing-crc crc=none"});
    // DSMR 4 and newer always send a CRC: without one it was lost, from the first telegram on.
    const char *const crcRequired = "crc-required crc=none";
    row("dsmr5-without-crc-first-telegram", withoutCrc(t5), {crcRequired});
    row("dsmr40-without-crc", withoutCrc(p1::test::dsmr40()), {crcRequired});
    row("belgium-without-crc", withoutCrc(p1::test::belgiumFluvius()), {crcRequired});
    row("sweden-without-crc", withoutCrc(p1::test::swedenKamstrup()), {crcRequired});
    row("austria-without-crc", withoutCrc(p1::test::austriaWh()), {crcRequired});
    p1::test::TelegramOptions noCrc;
    noCrc.crc = false;
    row("only-a-version-line",
        p1::test::buildTelegram("XMX5V", {"1-3:0.2.8(50)", "1-0:1.7.0(00.100*kW)"}, noCrc),
        {crcRequired});
    row("only-a-belgian-version-line",
        p1::test::buildTelegram("FLU5V", {"0-0:96.1.4(50217)", "1-0:1.7.0(00.100*kW)"}, noCrc),
        {crcRequired});
    row("only-a-timestamp",
        p1::test::buildTelegram(
            "KAM5", {"0-0:1.0.0(261125143015W)", "1-0:1.7.0(00.100*kW)"}, noCrc),
        {crcRequired});
    // A bit error that turns a line's leading '1' (0x31) into '!' (0x21) ends the telegram
    // early, without CRC: what came before must not be published.
    std::string cut = t5;
    cut[cut.find("\n1-0:1.8.1(") + 1] = '!';
    row("bit-error-makes-an-early-footer", cut, {crcRequired});
    // One that hits the first CRC digit leaves a footer without digits.
    std::string lostDigit = t5;
    lostDigit[lostDigit.rfind('!') + 1] = 'G';
    row("bit-error-in-first-crc-digit", lostDigit, {crcRequired});
    row("dsmr30-no-crc", p1::test::dsmr30(), {"accepted crc=none grid gas"});
    row("unparsable-no-objects", p1::test::buildTelegram("XMX5EMPTY", {}), {"no-objects crc=ok"});
    row("unparsable-no-ident", p1::test::buildTelegram("", {"1-0:1.8.1(00001.000*kWh)"}),
        {"no-header crc=ok"});
    row("only-noise", std::string("\xFF\xFB\x01 AT+GMR\r\n"), {});
    row("empty", std::string(), {});
}

void TestTelegramDecoder::decodes()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expected);

    const std::string_view bytes(input.constData(), std::size_t(input.size()));
    QCOMPARE(decode(bytes, Chunking::Whole), expected);
    QCOMPARE(decode(bytes, Chunking::ByteByByte), expected);
    for (std::uint32_t seed : {1u, 7u, 42u})
        QCOMPARE(decode(bytes, Chunking::Random, seed), expected);
}

void TestTelegramDecoder::describesRejectionsInEnglish_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");

    const std::string t5 = p1::test::dsmr5ThreePhase();
    const auto row = [](const char *name, const std::string &input, const char *expected) {
        QTest::newRow(name) << QByteArray::fromStdString(input) << QString::fromLatin1(expected);
    };
    row("accepted-says-nothing", t5, "");
    // The CRC digits as sent: a value bit error leaves them as they were.
    const std::string sent = t5.substr(t5.rfind('!') + 1, 4);
    const std::string mismatch = "CRC mismatch: sent " + sent + ", computed ";
    row("crc-mismatch-names-both", withBitError(t5, "1-0:1.7.0"), mismatch.c_str());
    row("truncated", t5.substr(0, 100), "truncated");
    row("overflow", "/XMX5LONG\r\n" + std::string(20000, 'x'), "too long: ");
    row("no-objects", p1::test::buildTelegram("XMX5EMPTY", {}), "no object lines in the telegram");
    row("no-header", p1::test::buildTelegram("", {"1-0:1.8.1(1*kWh)"}),
        "no telegram header ('/' and identification)");
}

void TestTelegramDecoder::describesRejectionsInEnglish()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);

    QStringList described;
    TelegramDecoder decoder([&described](const DecodedTelegram &decoded) {
        described << QString::fromStdString(describe(decoded));
    });
    decoder.push(std::string_view(input.constData(), std::size_t(input.size())));
    decoder.finish();
    QCOMPARE(described.size(), 1);
    if (expected.isEmpty())
        QCOMPARE(described.at(0), QString());
    else
        QVERIFY2(described.at(0).startsWith(expected), qPrintable(described.at(0)));
}

void TestTelegramDecoder::wordsRejectionsAsTheFramerAndTheParserDo()
{
    const std::string t5 = p1::test::dsmr5ThreePhase();
    const std::string input = withBitError(t5, "1-0:1.7.0") + t5.substr(0, 100) + "\r\n"
        + p1::test::buildTelegram("XMX5EMPTY", {})
        + p1::test::buildTelegram("", {"1-0:1.8.1(1*kWh)"}) + "/XMX5LONG\r\n"
        + std::string(20000, 'x');
    int rejected = 0;
    TelegramDecoder decoder([&rejected](const DecodedTelegram &decoded) {
        QVERIFY(!decoded.accepted());
        ++rejected;
        if (isFrameRejection(decoded.rejection)) {
            QCOMPARE(describe(decoded), describe(decoded.frame));
        } else {
            Telegram telegram;
            const ParseError error = Parser::parse(decoded.frame.text, telegram);
            QCOMPARE(describe(decoded), std::string(describe(error)));
        }
    });
    decoder.push(input);
    decoder.finish();
    QCOMPARE(rejected, 5);
}

void TestTelegramDecoder::acceptedTelegramCarriesItsReading()
{
    int calls = 0;
    TelegramDecoder decoder([&calls](const DecodedTelegram &decoded) {
        ++calls;
        QVERIFY(decoded.accepted());
        QVERIFY(!isFrameRejection(decoded.rejection));
        QCOMPARE(decoded.frame.crcSent, decoded.frame.crcComputed);
        QCOMPARE(decoded.telegram.ident, std::string_view("Ene5\\T210-D ESMR5.0"));
        QCOMPARE(decoded.telegram.objects.size(), 35u);
        QCOMPARE(decoded.reading.ident, std::string("Ene5\\T210-D ESMR5.0"));
        QCOMPARE(decoded.reading.version, std::string("50"));
        QCOMPARE(decoded.grid[GridPath::AcPower].number, 884.0);
        QCOMPARE(decoded.gas[GasPath::Aggregate].number, 4567.89);
    });
    decoder.push(p1::test::dsmr5ThreePhase());
    QCOMPARE(calls, 1);
}

void TestTelegramDecoder::rejectedTelegramCarriesNoValues()
{
    // After a good telegram, so stale values would show.
    const std::string t5 = p1::test::dsmr5ThreePhase();
    QList<bool> checked;
    TelegramDecoder decoder([&checked](const DecodedTelegram &decoded) {
        if (decoded.accepted())
            return;
        QCOMPARE(decoded.rejection, Rejection::CrcMismatch);
        QVERIFY(isFrameRejection(decoded.rejection));
        QCOMPARE(decoded.frame.crc, CrcStatus::Bad);
        QVERIFY(decoded.frame.crcSent != decoded.frame.crcComputed);
        QVERIFY(!decoded.hasGrid);
        QVERIFY(!decoded.hasGas);
        QVERIFY(decoded.reading.ident.empty());
        QVERIFY(!decoded.reading.powerImport);
        for (const VenusValue &value : decoded.grid.values)
            QVERIFY(!value.valid());
        for (const VenusValue &value : decoded.gas.values)
            QVERIFY(!value.valid());
        // Parsed all the same, best effort: the objects show what went wrong.
        QCOMPARE(decoded.telegram.objects.size(), 35u);
        checked << true;
    });
    decoder.push(t5 + withBitError(t5, "1-0:1.7.0"));
    QCOMPARE(checked.size(), 1);
}

void TestTelegramDecoder::gasFlowSpansAcceptedTelegramsUntilRestart()
{
    // DSMR 5 gas: a new reading every 5 minutes. 0.1 m3 in 5 minutes is 1.2 m3/h.
    const std::string first = p1::test::dsmr5ThreePhase();
    const std::string later =
        p1::test::dsmr5ThreePhase("261125143501W", "261125143500W", "04567.990");
    QList<double> flows; // -1 for none
    TelegramDecoder decoder([&flows](const DecodedTelegram &decoded) {
        const VenusValue &flow = decoded.gas[GasPath::Flow];
        flows << (flow.valid() ? flow.number : -1.0);
    });

    // A rejected telegram in between must not feed the flow: the good one after it would see
    // a rate computed from corrupt data.
    const std::string rejected = withBitError(
        p1::test::dsmr5ThreePhase("261125143459W", "261125143400W", "04570.000"), "1-0:1.7.0");

    decoder.push(first);
    decoder.push(rejected);
    decoder.reset(); // the same meter after a discontinuity: the history stays
    decoder.push(later);
    QCOMPARE(flows.size(), 3);
    QCOMPARE(flows.at(0), -1.0);
    QCOMPARE(flows.at(1), -1.0);
    QCOMPARE(flows.at(2), 1.2);

    decoder.restart(); // another stream: it starts over
    decoder.push(later);
    QCOMPARE(flows.size(), 4);
    QCOMPARE(flows.at(3), -1.0);
}

void TestTelegramDecoder::resetDropsPendingTelegram()
{
    const std::string t5 = p1::test::dsmr5ThreePhase();
    QStringList out;
    TelegramDecoder decoder([&out](const DecodedTelegram &decoded) { out << summary(decoded); });
    decoder.push(std::string_view(t5).substr(0, t5.size() / 2));
    decoder.reset();
    decoder.push(std::string_view(t5).substr(t5.size() / 2));
    decoder.push(t5);
    decoder.finish();
    // The half before the reset is gone silently; its other half is noise.
    QCOMPARE(out, QStringList {QStringLiteral("accepted crc=ok grid gas")});
}

void TestTelegramDecoder::crcMemorySurvivesResetNotRestart()
{
    // A CRC-less telegram without version line or timestamp: DSMR 2.2/3.0 as far as its text
    // tells. From a meter that sent CRCs it lost its CRC, also after a reconnect (reset());
    // on a new stream (restart()) it is a 2.2/3.0 meter's.
    const std::string crcLess =
        p1::test::buildTelegram("XMX5NOCRC", {"1-0:1.8.1(00001.000*kWh)"}, {.crc = false});
    QStringList out;
    TelegramDecoder decoder([&out](const DecodedTelegram &decoded) { out << summary(decoded); });
    decoder.push(p1::test::dsmr5ThreePhase());
    decoder.reset();
    decoder.push(crcLess);
    decoder.restart();
    decoder.push(crcLess);
    QCOMPARE(out,
        QStringList({QStringLiteral("accepted crc=ok grid gas"),
            QStringLiteral("missing-crc crc=none"), QStringLiteral("accepted crc=none grid")}));
}

void TestTelegramDecoder::countsBytesNoiseAndVerdicts()
{
    // Without the line end after the CRC: the fourth digit ends the telegram, the rest is noise.
    std::string t5 = p1::test::dsmr5ThreePhase();
    t5.resize(t5.rfind('!') + 5);
    const std::string noise = "\xFF\xFB\x01garbage\r\n";
    const std::string input = noise + t5 + withBitError(t5, "1-0:1.7.0") + t5;
    TelegramDecoder decoder([](const DecodedTelegram &) {});
    decoder.push(input);
    decoder.finish();
    const TelegramDecoder::Stats stats = decoder.stats();
    QCOMPARE(stats.bytes, quint64(input.size()));
    QCOMPARE(stats.noiseBytes, quint64(noise.size()));
    QCOMPARE(stats.accepted, 2u);
    QCOMPARE(stats.rejected, 1u);
}

void TestTelegramDecoder::decryptsEncryptedFrames_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("key"); // empty: none given
    QTest::addColumn<QByteArray>("authKey"); // empty: the default
    QTest::addColumn<QStringList>("expected");

    std::mt19937 rng(11);
    const AesKey key = p1::test::randomKey(rng);
    const AesKey otherKey = p1::test::randomKey(rng);
    const AesKey ak = p1::test::randomKey(rng);
    const auto bytes = [](const AesKey &k) { return QByteArray::fromStdString(toHex(k)); };
    const std::string t5 = p1::test::dsmr5ThreePhase();
    const std::string short5 = p1::test::buildTelegram("XMX5SHORT", {"1-0:1.7.0(00.100*kW)"});
    const auto frame = [&](const std::string &plain, std::uint8_t sc = 0x30, std::uint8_t form = 0,
                           const AesKey &akey = GcmDecryptor::kDefaultAuthKey) {
        p1::test::GloOptions o;
        o.securityControl = sc;
        o.lengthForm = form;
        o.authKey = akey;
        return p1::test::buildGloFrame(plain, key, o);
    };
    const auto row = [](const char *name, const std::string &input, const QByteArray &k,
                         const QByteArray &a, std::initializer_list<const char *> expected) {
        QStringList summaries;
        for (const char *e : expected)
            summaries << QString::fromLatin1(e);
        QTest::newRow(name) << QByteArray::fromStdString(input) << k << a << summaries;
    };
    const char *const good = "accepted crc=ok grid gas tag=ok";
    std::string tamperedCiphertext = frame(t5);
    tamperedCiphertext[200] ^= 0x01;
    std::string tamperedTag = frame(t5);
    tamperedTag.back() ^= 0x01;
    std::string badCrcInside = t5;
    badCrcInside[100] ^= 0x01; // a bit error in the telegram before it was encrypted

    row("sc30-long-form", frame(t5), bytes(key), {}, {good});
    row("sc20-no-tag", frame(t5, 0x20), bytes(key), {}, {"accepted crc=ok grid gas tag=none"});
    row("one-byte-length", frame(short5, 0x30, 1), bytes(key), {}, {"accepted crc=ok grid tag=ok"});
    row("81-length", frame(short5, 0x30, 0x81), bytes(key), {}, {"accepted crc=ok grid tag=ok"});
    row("noise-between", std::string("\xFF\x00junk", 6) + frame(t5) + "\r\n\xDB" + frame(t5) + "zz",
        bytes(key), {}, {good, good});
    row("plain-and-encrypted-on-one-stream", t5 + frame(t5) + t5, bytes(key), {},
        {"accepted crc=ok grid gas", good, "accepted crc=ok grid gas"});
    row("plain-telegram-cut-off-by-a-frame", t5.substr(0, 300) + frame(t5), bytes(key), {},
        {"truncated crc=bad", good});
    row("no-key", frame(t5) + frame(t5), {}, {},
        {"key-missing crc=none tag=not checked", "key-missing crc=none tag=not checked"});
    // Garbage out of a wrong key: one rejection per frame, whatever noise it holds.
    row("wrong-key", frame(t5) + frame(t5), bytes(otherKey), {},
        {"decryption-failed crc=none tag=failed", "decryption-failed crc=none tag=failed"});
    row("tampered-ciphertext-then-good", tamperedCiphertext + frame(t5), bytes(key), {},
        {"decryption-failed crc=bad tag=failed", good});
    // The tag alone cannot tell a tampered tag from another AK: the telegram's CRC decides.
    row("tampered-tag", tamperedTag, bytes(key), {}, {"accepted crc=ok grid gas tag=AK differs"});
    row("other-ak-configured", frame(t5), bytes(key), bytes(ak),
        {"accepted crc=ok grid gas tag=AK differs"});
    row("meter-uses-other-ak", frame(t5, 0x30, 0, ak), bytes(key), {},
        {"accepted crc=ok grid gas tag=AK differs"});
    row("right-ak-configured", frame(t5, 0x30, 0, ak), bytes(key), bytes(ak), {good});
    row("tag-fails-and-crc-fails", frame(badCrcInside, 0x30, 0, ak), bytes(key), {},
        {"decryption-failed crc=bad tag=failed"});
    row("tag-ok-crc-fails", frame(badCrcInside), bytes(key), {}, {"crc-mismatch crc=bad tag=ok"});
    row("sc20-crc-fails", frame(badCrcInside, 0x20), bytes(key), {},
        {"decryption-failed crc=bad tag=none"});
    row("binary-dlms-inside", frame(std::string("\x0F\x00\x00\x00\x01\x0C\x07\xEA", 8)), bytes(key),
        {}, {"not-dsmr crc=none tag=ok"});
    // A byte lost inside the first frame: it swallows the next frame's header, fails, and the
    // next frame is found inside it.
    std::string lossy = frame(t5);
    lossy.erase(300, 1);
    row("byte-lost-next-frame-kept", lossy + frame(t5), bytes(key), {},
        {"decryption-failed crc=bad tag=failed", good});
}

void TestTelegramDecoder::decryptsEncryptedFrames()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, authKey);
    QFETCH(QStringList, expected);
    DecryptionKeys keys;
    if (!key.isEmpty())
        keys.key = parseAesKey(key.toStdString());
    if (!authKey.isEmpty())
        keys.authKey = *parseAesKey(authKey.toStdString());
    const std::string bytes = input.toStdString();
    const QString want = expected.join(u" | ");
    QCOMPARE(decode(bytes, Chunking::Whole, 1, keys).join(u" | "), want);
    QCOMPARE(decode(bytes, Chunking::ByteByByte, 1, keys).join(u" | "), want);
    for (std::uint32_t seed : {1u, 2u, 3u, 77u})
        QCOMPARE(decode(bytes, Chunking::Random, seed, keys).join(u" | "), want);
}

void TestTelegramDecoder::encryptedEnvelopeCarriesTheHeader()
{
    std::mt19937 rng(5);
    const AesKey key = p1::test::randomKey(rng);
    p1::test::GloOptions o;
    o.frameCounter = 0x0A0B0C0D;
    const std::string t5 = p1::test::dsmr5ThreePhase();
    const std::string input = p1::test::buildGloFrame(t5, key, o);
    int calls = 0;
    TelegramDecoder decoder([&](const DecodedTelegram &decoded) {
        ++calls;
        QVERIFY(decoded.accepted());
        QVERIFY(decoded.envelope);
        QCOMPARE(decoded.envelope->frame.frameCounter, 0x0A0B0C0Du);
        QCOMPARE(QByteArray::fromStdString(describeSystemTitle(decoded.envelope->frame)),
            QByteArray("SAG12345"));
        QCOMPARE(decoded.envelope->frame.securityControl, std::uint8_t {0x30});
        // The frame text is the decrypted telegram, as a plain one would be.
        QCOMPARE(QByteArray::fromStdString(std::string(decoded.frame.text)),
            QByteArray::fromStdString(t5.substr(0, t5.rfind('!') + 5)));
    });
    decoder.setKeys({key, GcmDecryptor::kDefaultAuthKey});
    decoder.push(input);
    decoder.finish();
    QCOMPARE(calls, 1);
    const TelegramDecoder::Stats stats = decoder.stats();
    QCOMPARE(stats.bytes, input.size());
    QCOMPARE(stats.encrypted, 1u);
    QCOMPARE(stats.accepted, 1u);
    QCOMPARE(stats.noiseBytes, 2u); // the telegram's CR LF after its CRC
}

QTEST_GUILESS_MAIN(TestTelegramDecoder)
#include "tst_telegramdecoder.moc"
