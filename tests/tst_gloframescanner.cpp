// GloFrameScanner: encrypted frames found by header and declared length in a byte stream, with
// noise and plain DSMR between, split anywhere; impossible headers and bad frames resync.
// The scanner does not decrypt: the frames here carry arbitrary bytes as "ciphertext".
#include "gloframescanner.h"

#include "telegrambuilder.h"

#include <QTest>

#include <string>
#include <vector>

using namespace p1;
using p1::test::Chunking;

namespace {

using Bytes = std::string;

/// A frame around \a payload (the ciphertext and, for SC 0x30, a 12-byte tag).
Bytes frame(std::string_view payload, std::uint8_t sc = 0x30, std::uint8_t form = 0,
    std::uint32_t fc = 0x01020304, std::string_view title = "SYSTEMID")
{
    const std::size_t length = 5 + payload.size();
    if (form == 0)
        form = length < 0x80 ? 1 : length < 0x100 ? 0x81 : 0x82;
    Bytes f {char(0xDB), char(0x08)};
    f += title;
    if (form == 0x82) {
        f += char(0x82);
        f += char(length >> 8);
        f += char(length & 0xFF);
    } else if (form == 0x81) {
        f += char(0x81);
        f += char(length);
    } else {
        f += char(length);
    }
    f += char(sc);
    for (int shift = 24; shift >= 0; shift -= 8)
        f += char(fc >> shift);
    f += payload;
    return f;
}

Bytes filler(std::size_t n, char start = 'a')
{
    Bytes b;
    for (std::size_t i = 0; i < n; ++i)
        b += char(start + i % 26);
    return b;
}

/// What came out, in order: "plain:<bytes>" (adjacent spans joined) and "frame:<fc>:<ct size>:
/// <tag size>".
struct Run
{
    std::vector<std::string> events;
    GloFrameScanner::Stats stats;
};

Run scan(const Bytes &input, Chunking how, std::uint32_t seed = 1,
    std::function<bool(const GloFrame &)> judge = {})
{
    Run run;
    GloFrameScanner scanner(
        [&run](std::string_view plain) {
            if (!run.events.empty() && run.events.back().rfind("plain:", 0) == 0)
                run.events.back() += plain;
            else
                run.events.push_back("plain:" + std::string(plain));
        },
        [&run, &judge](const GloFrame &f) {
            run.events.push_back("frame:" + std::to_string(f.frameCounter) + ':'
                + std::to_string(f.ciphertext.size()) + ':' + std::to_string(f.tag.size()));
            return judge ? judge(f) : true;
        });
    for (std::string_view chunk : p1::test::chunk(input, how, seed))
        scanner.push(chunk);
    scanner.finish();
    run.stats = scanner.stats();
    return run;
}

QString joined(const std::vector<std::string> &events)
{
    QStringList out;
    for (const auto &e : events)
        out << QString::fromLatin1(QByteArray::fromStdString(e).toPercentEncoding(":"));
    return out.join(u' ');
}

} // namespace

class TestGloFrameScanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scans_data();
    void scans();
    void badFrameIsRescannedForTheNextOne();
    void badFrameBytesNeverBecomePlain();
    void bytesAfterABadFrameStayPlain();
    void systemTitleAndIv();
    void boundedAndIterativeOnHostileInput();
};

void TestGloFrameScanner::scans_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("expected");

    const Bytes ct300 = filler(300) + filler(12, 'T');
    const Bytes ct100 = filler(100) + filler(12, 'T');
    const Bytes ct20 = filler(20);
    auto row = [](const char *name, const Bytes &input, const std::vector<std::string> &events) {
        QStringList expected;
        for (const auto &e : events)
            expected << QString::fromLatin1(QByteArray::fromStdString(e).toPercentEncoding(":"));
        QTest::newRow(name) << QByteArray::fromStdString(input) << expected;
    };
    const std::string fc = std::to_string(0x01020304);

    row("long-form-82", frame(ct300), {"frame:" + fc + ":300:12"});
    row("long-form-81", frame(ct100), {"frame:" + fc + ":100:12"});
    row("short-form", frame(ct20, 0x20), {"frame:" + fc + ":20:0"});
    row("82-form-for-a-short-frame", frame(ct20 + filler(12), 0x30, 0x82),
        {"frame:" + fc + ":20:12"});
    row("plain-only", "/ISK5\\2M550\r\n\r\n!1234\r\n", {"plain:/ISK5\\2M550\r\n\r\n!1234\r\n"});
    row("noise-between",
        "\xFF\xFFnoise" + frame(ct300) + Bytes("\0\0junk", 6) + frame(ct100, 0x30, 0, 7),
        {"plain:\xFF\xFFnoise", "frame:" + fc + ":300:12", std::string("plain:\0\0junk", 12),
            "frame:7:100:12"});
    row("plain-and-encrypted", "/A\r\n!\r\n" + frame(ct20, 0x20) + "/B\r\n!\r\n",
        {"plain:/A\r\n!\r\n", "frame:" + fc + ":20:0", "plain:/B\r\n!\r\n"});
    // Impossible headers: the 0xDB is plain and the frame right behind is still found.
    row("not-08", "\xDB\x07" + frame(ct20, 0x20), {"plain:\xDB\x07", "frame:" + fc + ":20:0"});
    row("length-form-83", Bytes("\xDB\x08SYSTEMID\x83", 11) + frame(ct20, 0x20),
        {std::string("plain:\xDB\x08SYSTEMID\x83", 17), "frame:" + fc + ":20:0"});
    row("length-80-indefinite", Bytes("\xDB\x08SYSTEMID\x80", 11) + frame(ct20, 0x20),
        {std::string("plain:\xDB\x08SYSTEMID\x80", 17), "frame:" + fc + ":20:0"});
    row("length-too-long", Bytes("\xDB\x08SYSTEMID\x82\xFF\xFF", 13) + frame(ct20, 0x20),
        {std::string("plain:\xDB\x08SYSTEMID\x82\xFF\xFF", 19), "frame:" + fc + ":20:0"});
    row("length-too-short-for-tag", Bytes("\xDB\x08SYSTEMID\x08\x30", 12) + frame(ct20, 0x20),
        {std::string("plain:\xDB\x08SYSTEMID\x08\x30", 18), "frame:" + fc + ":20:0"});
    row("security-control-10", Bytes("\xDB\x08SYSTEMID\x40\x10", 12) + frame(ct20, 0x20),
        {std::string("plain:\xDB\x08SYSTEMID\x40\x10", 18), "frame:" + fc + ":20:0"});
    // A frame starting inside the bogus header's bytes.
    row("frame-inside-bogus-header", Bytes("\xDB\x08SY", 4) + frame(ct20, 0x20),
        {std::string("plain:\xDB\x08SY", 10), "frame:" + fc + ":20:0"});
    // Cut off by the end of input: discarded (noise), no frame.
    row("cut-off-at-end", "x" + frame(ct300).substr(0, 100), {"plain:x"});
    row("header-cut-off-at-end", "x" + frame(ct300).substr(0, 8),
        {"plain:x" + frame(ct300).substr(0, 8)});
}

void TestGloFrameScanner::scans()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expected);
    const Bytes bytes = input.toStdString();
    QCOMPARE(joined(scan(bytes, Chunking::Whole).events), expected.join(u' '));
    QCOMPARE(joined(scan(bytes, Chunking::ByteByByte).events), expected.join(u' '));
    for (std::uint32_t seed : {1u, 2u, 3u, 42u})
        QCOMPARE(joined(scan(bytes, Chunking::Random, seed).events), expected.join(u' '));
}

void TestGloFrameScanner::badFrameIsRescannedForTheNextOne()
{
    // A byte lost from the first frame: its declared length swallows the next frame's header.
    // Judged bad, it is rescanned and the second frame is found; the skipped bytes are noise.
    const Bytes first = frame(filler(200), 0x20, 0, 1);
    const Bytes second = frame(filler(200), 0x20, 0, 2);
    Bytes damaged = first;
    damaged.erase(50, 1);
    const Bytes input = damaged + second + second.substr(0, 0);
    for (Chunking how : {Chunking::Whole, Chunking::ByteByByte, Chunking::Random}) {
        int calls = 0;
        const Run run =
            scan(input + frame(filler(200), 0x20, 0, 3), how, 7, [&calls](const GloFrame &f) {
                ++calls;
                return f.frameCounter != 1; // the damaged one fails to decrypt
            });
        QCOMPARE(joined(run.events), QStringLiteral("frame:1:200:0 frame:2:200:0 frame:3:200:0"));
        QCOMPARE(run.stats.frames, 3u);
        QVERIFY(run.stats.discarded >= damaged.size() - 200);
    }
}

void TestGloFrameScanner::badFrameBytesNeverBecomePlain()
{
    // A bogus 0xDB inside a bad frame's ciphertext: what follows it is still the bad frame's,
    // noise, and must not reach the DSMR framer (it would see the '/' as a telegram start).
    const Bytes payload = filler(40) + Bytes("\xDB\x07/ISK5\r\n", 9) + filler(40);
    const Bytes input = frame(payload, 0x20, 0, 1) + "/after";
    for (Chunking how : {Chunking::Whole, Chunking::ByteByByte, Chunking::Random}) {
        const Run run = scan(input, how, 3, [](const GloFrame &) { return false; });
        QCOMPARE(joined(run.events), QStringLiteral("frame:1:89:0 plain:%2Fafter"));
        QCOMPARE(run.stats.discarded, input.size() - 6);
    }
}

void TestGloFrameScanner::bytesAfterABadFrameStayPlain()
{
    // Only the bad frame's own bytes are noise, however far the buffer reaches beyond it when
    // it is judged: in one push the next frame is already there, byte by byte it is not. (The
    // fuzz target found this: the plain bytes between were lost in one push only.)
    const Bytes input =
        frame(filler(60), 0x20, 0, 1) + "/after\r\n" + frame(filler(30), 0x20, 0, 2);
    for (Chunking how : {Chunking::Whole, Chunking::ByteByByte, Chunking::Random}) {
        const Run run = scan(input, how, 5, [](const GloFrame &f) { return f.frameCounter != 1; });
        QCOMPARE(
            joined(run.events), QStringLiteral("frame:1:60:0 plain:%2Fafter%0D%0A frame:2:30:0"));
        QCOMPARE(run.stats.discarded, frame(filler(60), 0x20, 0, 1).size()); // all of it
    }
}

void TestGloFrameScanner::systemTitleAndIv()
{
    GloFrame f;
    f.systemTitle = {'S', 'A', 'G', '0', '0', '0', '0', '1'};
    f.frameCounter = 0x11223344;
    QCOMPARE(QByteArray::fromStdString(describeSystemTitle(f)), QByteArray("SAG00001"));
    const auto iv = f.iv();
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(iv.data()), int(iv.size())),
        QByteArray("SAG00001\x11\x22\x33\x44"));
    f.systemTitle = {0x4B, 0x46, 0x4D, 0x67, 0x00, 0x01, 0x02, 0xFF};
    QCOMPARE(QByteArray::fromStdString(describeSystemTitle(f)), QByteArray("4B464D67000102FF"));
}

void TestGloFrameScanner::boundedAndIterativeOnHostileInput()
{
    // A header every 19 bytes claiming a 16 KiB frame, each judged bad: every one is rescanned
    // (iteratively: no recursion however many) and the bytes end up as noise, none as plain.
    const Bytes header("\xDB\x08SYSTEMID\x82\x3F\xFF\x20\x00\x00\x00\x01", 18);
    Bytes hostile;
    while (hostile.size() < 64 * 1024)
        hostile += header + 'x';
    std::uint64_t frames = 0;
    const Run run = scan(hostile, Chunking::Random, 5, [&frames](const GloFrame &) {
        ++frames;
        return false;
    });
    QVERIFY(frames > 1000);
    QCOMPARE(run.stats.frames, frames);
    for (const auto &e : run.events)
        QVERIFY(e.rfind("frame:", 0) == 0 || e.size() < 32);
}

QTEST_GUILESS_MAIN(TestGloFrameScanner)
#include "tst_gloframescanner.moc"
