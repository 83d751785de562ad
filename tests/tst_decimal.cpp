#include "decimal.h"

#include <QTest>

#include <limits>

using p1::Decimal;

class TestDecimal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void parseInt_data();
    void parseInt();
    void toString_data();
    void toString();
    void roundTrip_data();
    void roundTrip();
    void toDouble_data();
    void toDouble();
    void equals_data();
    void equals();
    void addSubtract_data();
    void addSubtract();
    void scaled();
};

namespace {
std::string_view sv(const QByteArray &b)
{
    return {b.constData(), std::size_t(b.size())};
}
} // namespace

void TestDecimal::parse_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("mantissa");
    QTest::addColumn<int>("exponent");

    QTest::newRow("kwh-3-decimals") << QByteArray("001234.567") << true << qint64(1234567) << -3;
    QTest::newRow("easymeter-7-decimals")
        << QByteArray("00052185.7825309") << true << qint64(521857825309) << -7;
    QTest::newRow("negative-int") << QByteArray("-040") << true << qint64(-40) << 0;
    QTest::newRow("plus-sign") << QByteArray("+5") << true << qint64(5) << 0;
    QTest::newRow("negative-fraction") << QByteArray("-0.250") << true << qint64(-250) << -3;
    QTest::newRow("zero-with-decimals") << QByteArray("000.00") << true << qint64(0) << -2;
    QTest::newRow("zero") << QByteArray("0") << true << qint64(0) << 0;
    QTest::newRow("negative-zero") << QByteArray("-0.0") << true << qint64(0) << -1;
    QTest::newRow("austria-wh-int") << QByteArray("006545766") << true << qint64(6545766) << 0;
    QTest::newRow("gas-zero-4-decimals") << QByteArray("00000000.0000") << true << qint64(0) << -4;
    QTest::newRow("18-digits") << QByteArray("123456789012345678") << true
                               << qint64(123456789012345678) << 0;
    QTest::newRow("18-nines-negative")
        << QByteArray("-999999999999999999") << true << qint64(-999999999999999999) << 0;
    QTest::newRow("18-digits-with-fraction")
        << QByteArray("1234567890.12345678") << true << qint64(123456789012345678) << -8;
    QTest::newRow("18-digits-after-leading-zeros")
        << QByteArray("000000123456789012345678") << true << qint64(123456789012345678) << 0;
    QTest::newRow("leading-fraction-zeros-do-not-count")
        << QByteArray("0.000000000000000000001") << true << qint64(1) << -21;
    QTest::newRow("trailing-zeros-count")
        << QByteArray("100000000000000000.0") << false << qint64(0) << 0;
    QTest::newRow("19-digits") << QByteArray("1234567890123456789") << false << qint64(0) << 0;
    QTest::newRow("19-digits-with-fraction")
        << QByteArray("1234567890.123456789") << false << qint64(0) << 0;
    QTest::newRow("empty") << QByteArray("") << false << qint64(0) << 0;
    QTest::newRow("sign-only") << QByteArray("-") << false << qint64(0) << 0;
    QTest::newRow("plus-only") << QByteArray("+") << false << qint64(0) << 0;
    QTest::newRow("leading-dot") << QByteArray(".5") << false << qint64(0) << 0;
    QTest::newRow("trailing-dot") << QByteArray("1.") << false << qint64(0) << 0;
    QTest::newRow("dot-only") << QByteArray(".") << false << qint64(0) << 0;
    QTest::newRow("two-dots") << QByteArray("1.2.3") << false << qint64(0) << 0;
    QTest::newRow("comma") << QByteArray("1,5") << false << qint64(0) << 0;
    QTest::newRow("letter") << QByteArray("12a") << false << qint64(0) << 0;
    QTest::newRow("exponent-notation") << QByteArray("1e5") << false << qint64(0) << 0;
    QTest::newRow("hex") << QByteArray("0x10") << false << qint64(0) << 0;
    QTest::newRow("double-sign") << QByteArray("--1") << false << qint64(0) << 0;
    QTest::newRow("leading-space") << QByteArray(" 12") << false << qint64(0) << 0;
    QTest::newRow("trailing-space") << QByteArray("12 ") << false << qint64(0) << 0;
    QTest::newRow("with-unit") << QByteArray("12.5*kW") << false << qint64(0) << 0;
    QTest::newRow("timestamp-is-a-number")
        << QByteArray("261125143015") << true << qint64(261125143015) << 0;
    QTest::newRow("timestamp-with-flag") << QByteArray("261125143015W") << false << qint64(0) << 0;
}

void TestDecimal::parse()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, ok);
    QFETCH(qint64, mantissa);
    QFETCH(int, exponent);

    const auto d = Decimal::parse(sv(text));
    QCOMPARE(d.has_value(), ok);
    if (ok) {
        QCOMPARE(qint64(d->mantissa), mantissa);
        QCOMPARE(int(d->exponent), exponent);
    }
}

void TestDecimal::parseInt_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("value");

    QTest::newRow("power-failures") << QByteArray("00012") << true << 12;
    QTest::newRow("tariff") << QByteArray("0002") << true << 2;
    QTest::newRow("device-type") << QByteArray("003") << true << 3;
    QTest::newRow("zero") << QByteArray("0") << true << 0;
    QTest::newRow("many-leading-zeros") << QByteArray("000000000000000000000007") << true << 7;
    QTest::newRow("int32-max") << QByteArray("2147483647") << true << 2147483647;
    QTest::newRow("int32-max-plus-one") << QByteArray("2147483648") << false << 0;
    QTest::newRow("huge") << QByteArray("99999999999999999999999") << false << 0;
    QTest::newRow("empty") << QByteArray("") << false << 0;
    QTest::newRow("negative") << QByteArray("-1") << false << 0;
    QTest::newRow("plus") << QByteArray("+1") << false << 0;
    QTest::newRow("decimal") << QByteArray("1.0") << false << 0;
    QTest::newRow("letter") << QByteArray("12a") << false << 0;
    QTest::newRow("with-unit") << QByteArray("0000000240*s") << false << 0;
}

void TestDecimal::parseInt()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, ok);
    QFETCH(int, value);

    const auto v = Decimal::parseInt(sv(text));
    QCOMPARE(v.has_value(), ok);
    if (ok)
        QCOMPARE(int(*v), value);
}

void TestDecimal::toString_data()
{
    QTest::addColumn<qint64>("mantissa");
    QTest::addColumn<int>("exponent");
    QTest::addColumn<QByteArray>("text");

    QTest::newRow("fraction") << qint64(12345) << -3 << QByteArray("12.345");
    QTest::newRow("positive-exponent") << qint64(5) << 3 << QByteArray("5000");
    QTest::newRow("zero") << qint64(0) << 0 << QByteArray("0");
    QTest::newRow("zero-keeps-decimals") << qint64(0) << -2 << QByteArray("0.00");
    QTest::newRow("zero-positive-exponent") << qint64(0) << 4 << QByteArray("0");
    QTest::newRow("small-negative") << qint64(-5) << -3 << QByteArray("-0.005");
    QTest::newRow("tenth") << qint64(1) << -1 << QByteArray("0.1");
    QTest::newRow("all-fraction") << qint64(123) << -3 << QByteArray("0.123");
    QTest::newRow("keeps-trailing-zeros") << qint64(100) << -2 << QByteArray("1.00");
    QTest::newRow("negative-int") << qint64(-40) << 0 << QByteArray("-40");
    QTest::newRow("negative-fraction") << qint64(-12345) << -2 << QByteArray("-123.45");
    QTest::newRow("one-integer-digit") << qint64(1234) << -3 << QByteArray("1.234");
    QTest::newRow("int64-max") << std::numeric_limits<qint64>::max() << 0
                               << QByteArray("9223372036854775807");
    QTest::newRow("int64-min") << std::numeric_limits<qint64>::min() << 0
                               << QByteArray("-9223372036854775808");
    QTest::newRow("int64-min-fraction")
        << std::numeric_limits<qint64>::min() << -18 << QByteArray("-9.223372036854775808");
}

void TestDecimal::toString()
{
    QFETCH(qint64, mantissa);
    QFETCH(int, exponent);
    QFETCH(QByteArray, text);

    const Decimal d {mantissa, exponent};
    QCOMPARE(QByteArray::fromStdString(d.toString()), text);
}

void TestDecimal::roundTrip_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("output");

    QTest::newRow("leading-zeros-dropped") << QByteArray("001234.567") << QByteArray("1234.567");
    QTest::newRow("decimals-kept") << QByteArray("00.000") << QByteArray("0.000");
    QTest::newRow("negative") << QByteArray("-040") << QByteArray("-40");
    QTest::newRow("plus-dropped") << QByteArray("+1.5") << QByteArray("1.5");
    QTest::newRow("easymeter") << QByteArray("00052185.7825309") << QByteArray("52185.7825309");
    QTest::newRow("18-digits") << QByteArray("1234567890.12345678")
                               << QByteArray("1234567890.12345678");
    QTest::newRow("tiny") << QByteArray("0.000000000000000000001")
                          << QByteArray("0.000000000000000000001");
    QTest::newRow("negative-zero") << QByteArray("-0.0") << QByteArray("0.0");
}

void TestDecimal::roundTrip()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, output);

    const auto d = Decimal::parse(sv(input));
    QVERIFY(d);
    QCOMPARE(QByteArray::fromStdString(d->toString()), output);
    const auto again = Decimal::parse(d->toString());
    QVERIFY(again);
    QCOMPARE(again->mantissa, d->mantissa);
    QCOMPARE(again->exponent, d->exponent);
}

void TestDecimal::toDouble_data()
{
    QTest::addColumn<qint64>("mantissa");
    QTest::addColumn<int>("exponent");
    QTest::addColumn<double>("expected"); // the compiler rounds these literals correctly

    QTest::newRow("kwh") << qint64(1234567) << -3 << 1234.567;
    QTest::newRow("easymeter") << qint64(521857825309) << -7 << 52185.7825309;
    QTest::newRow("negative-int") << qint64(-40) << 0 << -40.0;
    QTest::newRow("tenth") << qint64(1) << -1 << 0.1;
    QTest::newRow("three-tenths") << qint64(3) << -1 << 0.3;
    QTest::newRow("power-kw") << qint64(884) << -3 << 0.884;
    QTest::newRow("gas") << qint64(456789) << -2 << 4567.89;
    QTest::newRow("positive-exponent") << qint64(5) << 3 << 5000.0;
    QTest::newRow("zero") << qint64(0) << -3 << 0.0;
    QTest::newRow("exact-limit-22") << qint64(1) << -22 << 1e-22;
    QTest::newRow("beyond-fast-path-exponent") << qint64(1) << -30 << 1e-30;
    QTest::newRow("large-positive-exponent") << qint64(7) << 25 << 7e25;
    QTest::newRow("18-digit-mantissa") << qint64(123456789012345678) << -8 << 1234567890.12345678;
    QTest::newRow("18-nines") << qint64(999999999999999999) << 0 << 999999999999999999.0;
    QTest::newRow("large-mantissa-trailing-zeros")
        << qint64(900719925474099200) << -2 << 9007199254740992.0;
    QTest::newRow("negative-18-digits")
        << qint64(-987654321098765432) << -9 << -987654321.098765432;
}

void TestDecimal::toDouble()
{
    QFETCH(qint64, mantissa);
    QFETCH(int, exponent);
    QFETCH(double, expected);

    const Decimal d {mantissa, exponent};
    // Exact comparison on purpose: the conversion must round correctly, not approximately.
    QCOMPARE(d.toDouble(), expected);
    QVERIFY(d.toDouble() == expected);
}

void TestDecimal::equals_data()
{
    QTest::addColumn<qint64>("m1");
    QTest::addColumn<int>("e1");
    QTest::addColumn<qint64>("m2");
    QTest::addColumn<int>("e2");
    QTest::addColumn<bool>("equal");

    QTest::newRow("same") << qint64(1234) << -3 << qint64(1234) << -3 << true;
    QTest::newRow("ten-tenths") << qint64(10) << -1 << qint64(1) << 0 << true;
    QTest::newRow("kwh-vs-wh") << qint64(1500) << -3 << qint64(15) << -1 << true;
    QTest::newRow("scaled-up") << qint64(5) << 3 << qint64(5000) << 0 << true;
    QTest::newRow("zeros-any-exponent") << qint64(0) << -3 << qint64(0) << 5 << true;
    QTest::newRow("negative") << qint64(-10) << -1 << qint64(-1) << 0 << true;
    QTest::newRow("sign-differs") << qint64(-1) << 0 << qint64(1) << 0 << false;
    QTest::newRow("exponent-differs") << qint64(1) << 0 << qint64(1) << -1 << false;
    QTest::newRow("close-but-not-equal") << qint64(1001) << -3 << qint64(1) << 0 << false;
    QTest::newRow("large-exponent-gap")
        << qint64(1) << 18 << qint64(1000000000000000000) << 0 << true;
    QTest::newRow("huge-exponent-gap") << qint64(1) << 40 << qint64(1) << -40 << false;
}

void TestDecimal::equals()
{
    QFETCH(qint64, m1);
    QFETCH(int, e1);
    QFETCH(qint64, m2);
    QFETCH(int, e2);
    QFETCH(bool, equal);

    const Decimal a {m1, e1};
    const Decimal b {m2, e2};
    QCOMPARE(a.equals(b), equal);
    QCOMPARE(b.equals(a), equal);
    QCOMPARE(a == b, equal);
}

void TestDecimal::addSubtract_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<QByteArray>("sum"); // exact text: shows the exponent chosen
    QTest::addColumn<QByteArray>("difference"); // a - b

    QTest::newRow("same-exponent")
        << QByteArray("1.500") << QByteArray("0.250") << QByteArray("1.750") << QByteArray("1.250");
    QTest::newRow("aligns-to-finer")
        << QByteArray("1") << QByteArray("0.5") << QByteArray("1.5") << QByteArray("0.5");
    QTest::newRow("tariff-sum") << QByteArray("001234.567") << QByteArray("002345.678")
                                << QByteArray("3580.245") << QByteArray("-1111.111");
    QTest::newRow("net-power-negative") << QByteArray("00.000") << QByteArray("00.250")
                                        << QByteArray("0.250") << QByteArray("-0.250");
    QTest::newRow("zero-plus-zero")
        << QByteArray("0.00") << QByteArray("0.000") << QByteArray("0.000") << QByteArray("0.000");
    QTest::newRow("mixed-signs") << QByteArray("-040") << QByteArray("040") << QByteArray("0")
                                 << QByteArray("-80");
    QTest::newRow("18-digit-carry")
        << QByteArray("999999999999999999") << QByteArray("1") << QByteArray("1000000000000000000")
        << QByteArray("999999999999999998");
    QTest::newRow("different-digit-counts")
        << QByteArray("00012345.6789012") << QByteArray("1234.5") << QByteArray("13580.1789012")
        << QByteArray("11111.1789012");
}

void TestDecimal::addSubtract()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(QByteArray, sum);
    QFETCH(QByteArray, difference);

    const auto x = Decimal::parse(sv(a));
    const auto y = Decimal::parse(sv(b));
    QVERIFY(x && y);
    QCOMPARE(QByteArray::fromStdString(Decimal::add(*x, *y).toString()), sum);
    QCOMPARE(QByteArray::fromStdString(Decimal::add(*y, *x).toString()), sum);
    QCOMPARE(QByteArray::fromStdString(Decimal::subtract(*x, *y).toString()), difference);
}

void TestDecimal::scaled()
{
    // Unit scaling is an exponent move only: 1.234 kW is 1234 W, exactly.
    const Decimal kw {1234, -3};
    const Decimal w = kw.scaled(3);
    QCOMPARE(w.mantissa, std::int64_t(1234));
    QCOMPARE(w.exponent, 0);
    QCOMPARE(QByteArray::fromStdString(w.toString()), QByteArray("1234"));
    QCOMPARE(w.toDouble(), 1234.0);

    // Alignment beyond what 64 bits hold gives up the finer digits instead of overflowing.
    const Decimal big {1, 18};
    const Decimal tiny {1, -18};
    const Decimal sum = Decimal::add(big, tiny);
    QCOMPARE(sum.toDouble(), 1e18);
    const Decimal nearMax {999999999999999999, 0};
    const Decimal sum2 = Decimal::add(nearMax, Decimal {999999999999999999, -1});
    // Exact sum 1099999999999999998.9: the finer operand lost its last digit, rounded.
    QCOMPARE(QByteArray::fromStdString(sum2.toString()), QByteArray("1099999999999999999"));
}

QTEST_GUILESS_MAIN(TestDecimal)
#include "tst_decimal.moc"
