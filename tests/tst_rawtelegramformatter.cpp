#include "rawtelegramformatter.h"

#include "sampletelegrams.h"

#include <QTest>

using p1::RawTelegramFormatter;
using p1::TelegramRecord;

class TestRawTelegramFormatter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainText_data();
    void plainText();
    void html_data();
    void html();
};

void TestRawTelegramFormatter::plainText_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("crlf-implied") << QByteArray("/AB5\r\n\r\n1-0:1.8.1(1*kWh)\r\n!1234")
                                  << QStringLiteral("/AB5\n\n1-0:1.8.1(1*kWh)\n!1234\n");
    QTest::newRow("lf-only-marked")
        << QByteArray("/AB5\n!1234") << QStringLiteral("/AB5⟨LF⟩\n!1234\n");
    QTest::newRow("lone-cr") << QByteArray("/AB\r5\r\n!") << QStringLiteral("/AB⟨CR⟩5\n!\n");
    QTest::newRow("nul-and-telnet")
        << QByteArray("/AB5(\0\xff)\r\n!", 11) << QStringLiteral("/AB5(⟨00⟩⟨FF⟩)\n!\n");
    QTest::newRow("bit-error-high-bit") << QByteArray("1-0:1.7.0(00\xb0"
                                                      "884)")
                                        << QStringLiteral("1-0:1.7.0(00⟨B0⟩884)\n");
}

void TestRawTelegramFormatter::plainText()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    QCOMPARE(RawTelegramFormatter::toPlainText(bytes), expected);
}

void TestRawTelegramFormatter::html_data()
{
    QTest::addColumn<int>("crc");
    QTest::addColumn<int>("rejection");
    QTest::addColumn<QString>("colour");
    QTest::addColumn<QString>("verdict");
    QTest::newRow("ok-green") << int(p1::CrcStatus::Ok) << int(p1::Rejection::None)
                              << QStringLiteral("#1b7a1b") << QStringLiteral("CRC OK (ABCD)");
    QTest::newRow("none-grey") << int(p1::CrcStatus::None) << int(p1::Rejection::None)
                               << QStringLiteral("#666666")
                               << QStringLiteral("no CRC (DSMR 2.2/3.0 sends none)");
    QTest::newRow("bad-red") << int(p1::CrcStatus::Bad) << int(p1::Rejection::CrcMismatch)
                             << QStringLiteral("#b01c1c")
                             << QStringLiteral("CRC bad: sent ABCD, computed 0123");
}

void TestRawTelegramFormatter::html()
{
    QFETCH(int, crc);
    QFETCH(int, rejection);
    QFETCH(QString, colour);
    QFETCH(QString, verdict);
    TelegramRecord r;
    r.text = QByteArray("/XMX5<&>\r\n\r\n1-0:1.8.1(1*kWh)\r\n!ABCD");
    r.crc = p1::CrcStatus(crc);
    r.rejection = p1::Rejection(rejection);
    r.crcSent = 0xABCD;
    r.crcComputed = 0x0123;
    QCOMPARE(RawTelegramFormatter::crcVerdict(r), verdict);
    const QString html = RawTelegramFormatter::toHtml(r);
    QVERIFY(html.contains(QStringLiteral("<b>/XMX5&lt;&amp;&gt;</b>")));
    QVERIFY(html.contains(QStringLiteral("color:%1;font-weight:bold\">!ABCD</span>").arg(colour)));
    QVERIFY2(html.contains(verdict.toHtmlEscaped()), qPrintable(html));
}

QTEST_GUILESS_MAIN(TestRawTelegramFormatter)
#include "tst_rawtelegramformatter.moc"
