#include "framer.h"
#include "sampletelegrams.h"
#include "telegrambuilder.h"

#include <QTest>

#include <string>
#include <vector>

using namespace p1;
using p1::test::Chunking;
using p1::test::to7E1;

namespace {

std::string statusName(const Frame &f)
{
    switch (f.error) {
    case FrameError::None:
        return f.crc == CrcStatus::Ok ? "ok" : "none";
    case FrameError::CrcMismatch:
        return "crc-mismatch";
    case FrameError::MalformedCrc:
        return "malformed-crc";
    case FrameError::MissingCrc:
        return "missing-crc";
    case FrameError::Truncated:
        return "truncated";
    case FrameError::Overflow:
        return "overflow";
    }
    return "?";
}

// "status|header line" per frame: what a row expects.
QStringList summarise(const std::vector<std::string> &frames)
{
    QStringList out;
    for (const auto &f : frames)
        out << QString::fromStdString(f);
    return out;
}

struct Collected
{
    std::vector<std::string> summaries;
    std::vector<std::string> texts;
};

Collected runFramer(std::string_view input, Chunking how, std::uint32_t seed, bool mask,
    std::size_t maxSize = Framer::kDefaultMaxSize)
{
    Collected c;
    Framer framer(
        [&](const Frame &f) {
            const auto eol = f.text.find_first_of("\r\n");
            c.summaries.push_back(statusName(f) + "|" + std::string(f.text.substr(0, eol)));
            c.texts.emplace_back(f.text);
        },
        maxSize);
    framer.setMask7Bit(mask);
    for (auto piece : p1::test::chunk(input, how, seed))
        framer.push(piece);
    framer.finish();
    return c;
}

std::string header(const std::string &telegram)
{
    return telegram.substr(0, telegram.find_first_of("\r\n"));
}

std::string withoutFinalEol(std::string t)
{
    while (!t.empty() && (t.back() == '\n' || t.back() == '\r'))
        t.pop_back();
    return t;
}

// A telegram whose CRC has a leading zero nibble, to exercise unpadded CRCs.
std::string telegramWithSmallCrc()
{
    for (int i = 0; i < 100000; ++i) {
        char v[32];
        std::snprintf(v, sizeof v, "1-0:1.8.1(%06d.000*kWh)", i);
        std::string t = p1::test::buildTelegram("XMX5TEST", {"1-3:0.2.8(50)", v});
        const auto bang = t.rfind('!');
        if (t[bang + 1] == '0' && t[bang + 2] != '0')
            return t;
    }
    return {};
}

} // namespace

class TestFramer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void streams_data();
    void streams();
    void frameTextIsExact();
    void splitAtEveryPosition();
    void overflowBoundsMemoryAndResyncs();
    void statsCountNoiseAndFrames();
    void resetDropsPendingTelegram();
    void describeNamesTheProblem();
};

void TestFramer::streams_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("mask");
    QTest::addColumn<QStringList>("expected");

    const std::string t5 = p1::test::dsmr5ThreePhase();
    const std::string t5b = p1::test::dsmr5ThreePhase("261125143016W");
    const std::string h5 = header(t5);
    const std::string t22 = p1::test::dsmr22();
    const std::string h22 = header(t22);
    auto row = [](const char *name, const std::string &input, bool mask,
                   const std::vector<std::string> &expected) {
        QTest::newRow(name) << QByteArray::fromStdString(input) << mask << summarise(expected);
    };

    row("dsmr5-single", t5, false, {"ok|" + h5});
    row("dsmr5-two-in-a-row", t5 + t5b, false, {"ok|" + h5, "ok|" + h5});
    for (auto &[name, t] : std::vector<std::pair<const char *, std::string>> {
             {"dsmr5-single-phase", p1::test::dsmr5SinglePhase()},
             {"dsmr42-kaifa", p1::test::dsmr42()}, {"dsmr40-landisgyr", p1::test::dsmr40()},
             {"belgium-fluvius", p1::test::belgiumFluvius()},
             {"luxembourg-smarty", p1::test::luxembourgSmarty()},
             {"sweden-kamstrup-lf-after-crc", p1::test::swedenKamstrup()},
             {"austria-wh", p1::test::austriaWh()}, {"heat-gj", p1::test::heatGJ()}})
        row(name, t, false, {"ok|" + header(t)});
    row("dsmr30-no-crc", p1::test::dsmr30(), false, {"none|" + header(p1::test::dsmr30())});
    row("dsmr22-no-crc", t22, false, {"none|" + h22});
    row("dsmr22-no-blank-line", p1::test::dsmr22(false), false, {"none|" + h22});
    row("easymeter-q3d-trailing-ff",
        p1::test::easyMeterQ3D() + "  25803103\r\n" + std::string(33, '\xFF'), false,
        {"none|" + header(p1::test::easyMeterQ3D())});

    row("lf-only-line-ends",
        p1::test::buildTelegram(
            "XMX5LF", {"1-3:0.2.8(50)", "1-0:1.8.1(000001.000*kWh)"}, {.eol = "\n"}),
        false, {"ok|/XMX5LF"});
    row("no-blank-line-after-header",
        p1::test::buildTelegram("FLU5\\253769484_A", {"0-0:96.1.4(50221)"}, {.blankLine = false}),
        false, {"ok|/FLU5\\253769484_A"});
    row("lower-case-crc",
        p1::test::buildTelegram("XMX5LC", {"1-3:0.2.8(50)"}, {.lowerCaseCrc = true}), false,
        {"ok|/XMX5LC"});
    {
        const std::string small = telegramWithSmallCrc();
        std::string unpadded = small;
        unpadded.erase(unpadded.rfind('!') + 1, 1);
        row("unpadded-3-digit-crc", unpadded, false, {"ok|/XMX5TEST"});
        row("unpadded-crc-then-next-telegram", unpadded + t5, false, {"ok|/XMX5TEST", "ok|" + h5});
        row("unpadded-crc-at-end-of-input", withoutFinalEol(unpadded), false, {"ok|/XMX5TEST"});
    }
    row("crc-without-line-end-at-end-of-input", withoutFinalEol(t5), false, {"ok|" + h5});
    row("nul-after-final-crlf", t5 + std::string(1, '\0') + t5b, false, {"ok|" + h5, "ok|" + h5});
    row("telnet-iac-and-ff-noise-before",
        std::string("\xFF\xFB\x01\xFF\xFB\x03\xFF\xFD\x18\xFF\xFF\x00\x00", 13) + t5, false,
        {"ok|" + h5});
    row("binary-garbage-between", t5 + std::string("\x01\x02\xFE\xFD\r\n\x7F", 7) + t5b, false,
        {"ok|" + h5, "ok|" + h5});
    row("slash-inside-a-value",
        p1::test::buildTelegram(
            "XMX5SL", {"0-0:96.13.0(Zon/wind: 50/50)", "1-0:1.8.1(000001.000*kWh)"}),
        false, {"ok|/XMX5SL"});
    row("slash-inside-value-no-crc",
        p1::test::buildTelegram(
            "KMP5SL", {"0-0:96.13.0(a/b)", "1-0:1.8.1(00001.000*kWh)"}, {.crc = false}),
        false, {"none|/KMP5SL"});
    row("start-up-mid-telegram", t5.substr(t5.size() / 2) + t5b, false, {"ok|" + h5});
    row("half-telegram-at-end", t5 + t5b.substr(0, t5b.size() / 2), false,
        {"ok|" + h5, "truncated|" + h5});
    {
        // Lost footer: the next header comes at a line start.
        const std::string cut = t5.substr(0, t5.rfind('!'));
        row("footer-lost-next-at-line-start", cut + t5b, false, {"truncated|" + h5, "ok|" + h5});
        // Lost bytes mid-line: the next header arrives mid-line; the CRC fails on the merged
        // telegram and the framer recovers the good one inside it.
        const std::string midline = t5.substr(0, t5.size() / 2);
        row("truncated-mid-line-then-good", midline + t5b, false, {"truncated|" + h5, "ok|" + h5});
        row("truncated-mid-line-then-good-then-good", midline + t5b + t5, false,
            {"truncated|" + h5, "ok|" + h5, "ok|" + h5});
    }
    {
        std::string flipped = t5;
        flipped[200] = char(flipped[200] ^ 0x04); // a bit error from a noisy cable
        row("bit-error-then-good", flipped + t5b, false, {"crc-mismatch|" + h5, "ok|" + h5});
        std::string dropped = t5;
        dropped.erase(300, 1);
        row("dropped-byte-then-good", dropped + t5b, false, {"crc-mismatch|" + h5, "ok|" + h5});
        std::string badDigit = t5;
        badDigit[badDigit.rfind('!') + 2] = 'G';
        row("non-hex-crc-digit", badDigit + t5b, false, {"crc-mismatch|" + h5, "ok|" + h5});
    }
    {
        std::string noDigits = t5b;
        noDigits.erase(noDigits.rfind('!') + 1, 4);
        row("crc-digits-lost-from-crc-stream", t5 + noDigits, false,
            {"ok|" + h5, "missing-crc|" + h5});
    }
    row("dsmr22-7e1-through-8n1", to7E1(t22 + t22), true, {"none|" + h22, "none|" + h22});
    row("dsmr5-masked-is-harmless", t5, true, {"ok|" + h5});
    row("dsmr30-ends-in-bang-without-eol", withoutFinalEol(p1::test::dsmr30()), false,
        {"none|" + header(p1::test::dsmr30())});
    row("only-noise", std::string("$GPGGA,123519,4807.038,N,01131.000,E*47\r\nPID 0xA053\r\n"),
        false, {});
    row("empty", std::string(), false, {});
}

void TestFramer::streams()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, mask);
    QFETCH(QStringList, expected);
    const std::string_view in(input.constData(), std::size_t(input.size()));

    const Collected whole = runFramer(in, Chunking::Whole, 0, mask);
    QCOMPARE(summarise(whole.summaries), expected);
    const Collected bytewise = runFramer(in, Chunking::ByteByByte, 0, mask);
    QCOMPARE(summarise(bytewise.summaries), expected);
    QCOMPARE(bytewise.texts, whole.texts);
    for (std::uint32_t seed = 1; seed <= 8; ++seed) {
        const Collected random = runFramer(in, Chunking::Random, seed, mask);
        QCOMPARE(summarise(random.summaries), expected);
        QCOMPARE(random.texts, whole.texts);
    }
}

void TestFramer::frameTextIsExact()
{
    const std::string t = p1::test::dsmr5ThreePhase();
    const Collected c = runFramer("noise" + t + std::string(1, '\0'), Chunking::Whole, 0, false);
    QCOMPARE(c.texts.size(), std::size_t(1));
    QCOMPARE(c.texts[0], withoutFinalEol(t));

    const std::string t22 = p1::test::dsmr22();
    const Collected c22 = runFramer(t22, Chunking::Whole, 0, false);
    QCOMPARE(c22.texts.size(), std::size_t(1));
    QCOMPARE(c22.texts[0], withoutFinalEol(t22));
}

void TestFramer::splitAtEveryPosition()
{
    // Two reads, split anywhere: inside the header, a value, the "\r\n", the '!' or the CRC.
    const std::string t = p1::test::dsmr5ThreePhase() + p1::test::dsmr42();
    for (std::size_t k = 0; k <= t.size(); ++k) {
        int good = 0, bad = 0;
        Framer framer([&](const Frame &f) { f.ok() ? ++good : ++bad; });
        framer.push(std::string_view(t).substr(0, k));
        framer.push(std::string_view(t).substr(k));
        framer.finish();
        if (good != 2 || bad != 0)
            QFAIL(qPrintable(
                QStringLiteral("split at %1: %2 good, %3 bad").arg(k).arg(good).arg(bad)));
    }
}

void TestFramer::overflowBoundsMemoryAndResyncs()
{
    std::string junk = "/XYZ5 junk\r\n";
    while (junk.size() < 40 * 1024)
        junk += "1-0:99.99.0(0123456789ABCDEF0123456789ABCDEF)\r\n";
    const std::string good = p1::test::dsmr5ThreePhase();
    for (auto how : {Chunking::Whole, Chunking::Random}) {
        const Collected c = runFramer(junk + good, how, 3, false, 16 * 1024);
        QCOMPARE(summarise(c.summaries), summarise({"overflow|/XYZ5 junk", "ok|" + header(good)}));
        QVERIFY(c.texts[0].size() <= 16 * 1024);
    }
}

void TestFramer::statsCountNoiseAndFrames()
{
    const std::string t = p1::test::dsmr5ThreePhase();
    std::string flipped = t;
    flipped[100] = 'X';
    const std::string input = "abc" + t + flipped;
    Framer framer([](const Frame &) {});
    framer.push(input);
    framer.finish();
    QCOMPARE(framer.stats().bytes, std::uint64_t(input.size()));
    // "abc", the CR LF after each 4-digit CRC (the frame finishes at the last digit).
    QCOMPARE(framer.stats().noiseBytes, std::uint64_t(3 + 2 + 2));
    QCOMPARE(framer.stats().good, std::uint64_t(1));
    QCOMPARE(framer.stats().rejected, std::uint64_t(1));
    QVERIFY(!framer.pending());
}

void TestFramer::resetDropsPendingTelegram()
{
    const std::string t = p1::test::dsmr5ThreePhase();
    int frames = 0;
    Framer framer([&](const Frame &f) {
        QVERIFY(f.ok());
        ++frames;
    });
    framer.push(std::string_view(t).substr(0, 100));
    QVERIFY(framer.pending());
    framer.reset();
    QVERIFY(!framer.pending());
    framer.push(t);
    framer.finish();
    QCOMPARE(frames, 1);
}

void TestFramer::describeNamesTheProblem()
{
    Frame f;
    f.error = FrameError::CrcMismatch;
    f.crc = CrcStatus::Bad;
    f.crcSent = 0x1234;
    f.crcComputed = 0xABCD;
    QCOMPARE(describe(f), std::string("CRC mismatch: sent 1234, computed ABCD"));
    f.error = FrameError::None;
    QVERIFY(describe(f).empty());
    for (auto e : {FrameError::MalformedCrc, FrameError::MissingCrc, FrameError::Truncated,
             FrameError::Overflow}) {
        f.error = e;
        QVERIFY(!describe(f).empty());
    }
}

QTEST_GUILESS_MAIN(TestFramer)
#include "tst_framer.moc"
