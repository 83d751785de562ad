#include "unit.h"

#include <QTest>

using p1::Unit;

Q_DECLARE_METATYPE(p1::Unit)

class TestUnit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseUnit_data();
    void parseUnit();
    void unitSymbol_data();
    void unitSymbol();
};

void TestUnit::parseUnit_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<Unit>("unit");
    QTest::addColumn<int>("scale");

    QTest::newRow("kW") << QByteArray("kW") << Unit::W << 3;
    QTest::newRow("W-easymeter") << QByteArray("W") << Unit::W << 0;
    QTest::newRow("kWh") << QByteArray("kWh") << Unit::Wh << 3;
    QTest::newRow("Wh-austria") << QByteArray("Wh") << Unit::Wh << 0;
    QTest::newRow("KWH-upper") << QByteArray("KWH") << Unit::Wh << 3;
    QTest::newRow("kwh-lower") << QByteArray("kwh") << Unit::Wh << 3;
    QTest::newRow("MWh") << QByteArray("MWh") << Unit::Wh << 6;
    QTest::newRow("kvar-lux") << QByteArray("kvar") << Unit::Var << 3;
    QTest::newRow("var-austria") << QByteArray("var") << Unit::Var << 0;
    QTest::newRow("kVAr-sweden") << QByteArray("kVAr") << Unit::Var << 3;
    QTest::newRow("kVAR") << QByteArray("kVAR") << Unit::Var << 3;
    QTest::newRow("kvarh-lux") << QByteArray("kvarh") << Unit::Varh << 3;
    QTest::newRow("varh-austria") << QByteArray("varh") << Unit::Varh << 0;
    QTest::newRow("kVArh-sweden") << QByteArray("kVArh") << Unit::Varh << 3;
    QTest::newRow("kVA") << QByteArray("kVA") << Unit::VA << 3;
    QTest::newRow("VA") << QByteArray("VA") << Unit::VA << 0;
    QTest::newRow("kVAh") << QByteArray("kVAh") << Unit::VAh << 3;
    QTest::newRow("VAh") << QByteArray("VAh") << Unit::VAh << 0;
    QTest::newRow("V") << QByteArray("V") << Unit::V << 0;
    QTest::newRow("A") << QByteArray("A") << Unit::A << 0;
    QTest::newRow("mA-is-milli") << QByteArray("mA") << Unit::A << -3;
    QTest::newRow("m3") << QByteArray("m3") << Unit::CubicMetre << 0;
    QTest::newRow("M3") << QByteArray("M3") << Unit::CubicMetre << 0;
    QTest::newRow("GJ") << QByteArray("GJ") << Unit::GJ << 0;
    QTest::newRow("gj") << QByteArray("gj") << Unit::GJ << 0;
    QTest::newRow("MJ") << QByteArray("MJ") << Unit::GJ << -3;
    QTest::newRow("s") << QByteArray("s") << Unit::Second << 0;
    QTest::newRow("Hz") << QByteArray("Hz") << Unit::Hertz << 0;
    QTest::newRow("HZ") << QByteArray("HZ") << Unit::Hertz << 0;
    QTest::newRow("empty") << QByteArray("") << Unit::None << 0;
    QTest::newRow("m3-superscript-utf8") << QByteArray("m\xc2\xb3") << Unit::Unknown << 0;
    QTest::newRow("unknown-word") << QByteArray("foo") << Unit::Unknown << 0;
    QTest::newRow("kWhh") << QByteArray("kWhh") << Unit::Unknown << 0;
    QTest::newRow("prefix-only") << QByteArray("k") << Unit::Unknown << 0;
    QTest::newRow("double-prefix") << QByteArray("kkW") << Unit::Unknown << 0;
    QTest::newRow("litre") << QByteArray("l") << Unit::Unknown << 0;
    QTest::newRow("too-long") << QByteArray("kilowatts") << Unit::Unknown << 0;
    QTest::newRow("space") << QByteArray("k W") << Unit::Unknown << 0;
}

void TestUnit::parseUnit()
{
    QFETCH(QByteArray, text);
    QFETCH(Unit, unit);
    QFETCH(int, scale);

    const p1::UnitScale us = p1::parseUnit({text.constData(), std::size_t(text.size())});
    QCOMPARE(us.unit, unit);
    QCOMPARE(int(us.scale), scale);
}

void TestUnit::unitSymbol_data()
{
    QTest::addColumn<Unit>("unit");
    QTest::addColumn<QByteArray>("symbol");

    QTest::newRow("none") << Unit::None << QByteArray("");
    QTest::newRow("W") << Unit::W << QByteArray("W");
    QTest::newRow("Wh") << Unit::Wh << QByteArray("Wh");
    QTest::newRow("var") << Unit::Var << QByteArray("var");
    QTest::newRow("varh") << Unit::Varh << QByteArray("varh");
    QTest::newRow("VA") << Unit::VA << QByteArray("VA");
    QTest::newRow("VAh") << Unit::VAh << QByteArray("VAh");
    QTest::newRow("V") << Unit::V << QByteArray("V");
    QTest::newRow("A") << Unit::A << QByteArray("A");
    QTest::newRow("m3") << Unit::CubicMetre << QByteArray("m3");
    QTest::newRow("GJ") << Unit::GJ << QByteArray("GJ");
    QTest::newRow("s") << Unit::Second << QByteArray("s");
    QTest::newRow("Hz") << Unit::Hertz << QByteArray("Hz");
    QTest::newRow("unknown") << Unit::Unknown << QByteArray("");
}

void TestUnit::unitSymbol()
{
    QFETCH(Unit, unit);
    QFETCH(QByteArray, symbol);

    const std::string_view s = p1::unitSymbol(unit);
    QCOMPARE(QByteArray(s.data(), qsizetype(s.size())), symbol);
    // Every symbol parses back to its own unit, unscaled.
    if (!s.empty()) {
        const p1::UnitScale back = p1::parseUnit(s);
        QCOMPARE(back.unit, unit);
        QCOMPARE(int(back.scale), 0);
    }
}

QTEST_GUILESS_MAIN(TestUnit)
#include "tst_unit.moc"
