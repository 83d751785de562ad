#include "io/telnetfilter.h"

#include <QTest>

using p1::TelnetFilter;

class TestTelnetFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filter_data();
    void filter();
    void plainDataIsNotCopied();
    void resetForgetsAPendingCommand();
};

void TestTelnetFilter::filter_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray telegram("/ISK5\\2M550T-1012\r\n\r\n1-0:1.8.1(001234.567*kWh)\r\n!ABCD\r\n");
    QTest::newRow("plain-telegram") << telegram << telegram;
    QTest::newRow("empty") << QByteArray() << QByteArray();
    // ser2net's opening: IAC WILL ECHO, IAC WILL SUPPRESS-GO-AHEAD, IAC DO SUPPRESS-GO-AHEAD.
    QTest::newRow("ser2net-negotiation-then-telegram")
        << QByteArray("\xFF\xFB\x01\xFF\xFB\x03\xFF\xFD\x03", 9) + telegram << telegram;
    QTest::newRow("wont-dont") << QByteArray("\xFF\xFC\x01\xFF\xFE\x22ok", 8) << QByteArray("ok");
    QTest::newRow("escaped-ff") << QByteArray("a\xFF\xFF"
                                              "b",
        4)
                                << QByteArray("a\xFF"
                                              "b",
                                       3);
    QTest::newRow("two-escaped-ff")
        << QByteArray("\xFF\xFF\xFF\xFF", 4) << QByteArray("\xFF\xFF", 2);
    QTest::newRow("two-byte-commands-nop-ga-ayt") << QByteArray("a\xFF\xF1"
                                                                "b\xFF\xF9"
                                                                "c\xFF\xF6"
                                                                "d",
        10) << QByteArray("abcd");
    // RFC 2217 COM-PORT-OPTION SET-BAUDRATE 115200 inside a sub-negotiation.
    QTest::newRow("subnegotiation")
        << QByteArray("x\xFF\xFA\x2C\x01\x00\x01\xC2\x00\xFF\xF0y", 12) << QByteArray("xy");
    QTest::newRow("subnegotiation-with-escaped-iac")
        << QByteArray("\xFF\xFA\x18\xFF\xFF\x01\xFF\xF0z", 9) << QByteArray("z");
    QTest::newRow("option-byte-is-slash-or-bang")
        << QByteArray("\xFF\xFB/\xFF\xFD!/T", 8) << QByteArray("/T");
    QTest::newRow("iac-at-the-very-end") << QByteArray("abc\xFF", 4) << QByteArray("abc");
    QTest::newRow("will-cut-after-iac-will") << QByteArray("abc\xFF\xFB", 5) << QByteArray("abc");

    // A stray IAC SB without IAC SE gives up after kMaxSubnegotiation bytes.
    QByteArray runaway("\xFF\xFA", 2);
    runaway += QByteArray(300, 'a') + "/T";
    QTest::newRow("runaway-subnegotiation")
        << runaway << QByteArray(300 - TelnetFilter::kMaxSubnegotiation - 1, 'a') + "/T";
}

void TestTelnetFilter::filter()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);

    {
        TelnetFilter f;
        QCOMPARE(f.filter(input), expected);
    }
    {
        // One byte per read.
        TelnetFilter f;
        QByteArray out;
        for (const char c : input)
            out += f.filter(QByteArray(1, c));
        QCOMPARE(out, expected);
    }
    // Every place a read can split it in two.
    for (qsizetype cut = 0; cut <= input.size(); ++cut) {
        TelnetFilter f;
        QByteArray out = f.filter(input.left(cut));
        out += f.filter(input.mid(cut));
        QVERIFY2(out == expected, qPrintable(QStringLiteral("split at %1").arg(cut)));
    }
}

void TestTelnetFilter::plainDataIsNotCopied()
{
    TelnetFilter f;
    const QByteArray in("/KFM5KAIFA-METER\r\n");
    const QByteArray out = f.filter(in);
    QCOMPARE(out, in);
    QCOMPARE(out.constData(), in.constData());
}

void TestTelnetFilter::resetForgetsAPendingCommand()
{
    TelnetFilter f;
    QCOMPARE(f.filter(QByteArray("a\xFF\xFA\x18", 4)), QByteArray("a"));
    QCOMPARE(f.filter(QByteArray("/inside")), QByteArray()); // still in the sub-negotiation
    f.reset(); // new connection
    QCOMPARE(f.filter(QByteArray("/T")), QByteArray("/T"));
}

QTEST_GUILESS_MAIN(TestTelnetFilter)
#include "tst_telnetfilter.moc"
