#include "crc16.h"
#include "telegrambuilder.h"

#include <QTest>

#include <random>
#include <string>

using p1::Crc16;

class TestCrc16 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knownValues_data();
    void knownValues();
    void tableMatchesBitwise_data();
    void tableMatchesBitwise();
    void incrementalEqualsOneShot();
    void byteUpdateEqualsSpanUpdate();
};

void TestCrc16::knownValues_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<uint>("crc");

    QTest::newRow("empty") << QByteArray() << 0x0000u;
    QTest::newRow("check-123456789") << QByteArray("123456789") << 0xBB3Du;
    QTest::newRow("single-0x01") << QByteArray("\x01", 1) << 0xC0C1u;
    QTest::newRow("slash-bang") << QByteArray("/!") << uint(Crc16::computeBitwise("/!"));
}

void TestCrc16::knownValues()
{
    QFETCH(QByteArray, input);
    QFETCH(uint, crc);
    const std::string_view bytes(input.constData(), std::size_t(input.size()));
    QCOMPARE(uint(Crc16::compute(bytes)), crc);
    QCOMPARE(uint(Crc16::computeBitwise(bytes)), crc);
}

void TestCrc16::tableMatchesBitwise_data()
{
    QTest::addColumn<int>("length");
    QTest::addColumn<uint>("seed");
    // Lengths around the 8-byte stride of the sliced loop, and a telegram-sized one.
    for (int length : {1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 1024, 4099})
        for (uint seed : {1u, 2u, 3u})
            QTest::addRow("len%d-seed%u", length, seed) << length << seed;
}

void TestCrc16::tableMatchesBitwise()
{
    QFETCH(int, length);
    QFETCH(uint, seed);
    std::mt19937 rng(seed);
    std::string data(std::size_t(length), '\0');
    for (auto &c : data)
        c = char(rng() & 0xFF);
    QCOMPARE(Crc16::compute(data), Crc16::computeBitwise(data));
}

void TestCrc16::incrementalEqualsOneShot()
{
    std::string data;
    for (int i = 0; i < 3000; ++i)
        data += char('0' + i % 75);
    for (auto how : {p1::test::Chunking::ByteByByte, p1::test::Chunking::Random}) {
        for (std::uint32_t seed = 1; seed <= 5; ++seed) {
            Crc16 crc;
            for (auto piece : p1::test::chunk(data, how, seed))
                crc.update(piece);
            QCOMPARE(crc.value(), Crc16::compute(data));
        }
    }
}

void TestCrc16::byteUpdateEqualsSpanUpdate()
{
    const std::string data = "/ISK5\\2M550T-1012\r\n\r\n1-3:0.2.8(50)\r\n!";
    Crc16 crc;
    for (unsigned char c : data)
        crc.update(c);
    QCOMPARE(crc.value(), Crc16::compute(data));
    crc.reset();
    QCOMPARE(crc.value(), std::uint16_t(0));
}

QTEST_GUILESS_MAIN(TestCrc16)
#include "tst_crc16.moc"
