#include "obis.h"
#include "obistable.h"
#include "telegram.h"

#include <QTest>

#include <set>
#include <string>
#include <vector>

using p1::Obis;

class TestObis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void keys();
    void describe_data();
    void describe();
    void everyFieldHasOneCode();
    void tableCodesAreUniqueAndNamed();
    void tableCodesParseBackToTheirEntry();
    void parserStoresTheTablesField();
};

namespace {
std::string_view sv(const QByteArray &b)
{
    return {b.constData(), std::size_t(b.size())};
}
} // namespace

void TestObis::parse_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QList<int>>("groups"); // A B C D E F
    QTest::addColumn<int>("consumed");
    QTest::addColumn<QByteArray>("canonical");

    const QList<int> none;
    QTest::newRow("import-t1-line")
        << QByteArray("1-0:1.8.1(001234.567*kWh)") << true << QList<int> {1, 0, 1, 8, 1, 255} << 9
        << QByteArray("1-0:1.8.1");
    QTest::newRow("bare-code") << QByteArray("1-3:0.2.8") << true << QList<int> {1, 3, 0, 2, 8, 255}
                               << 9 << QByteArray("1-3:0.2.8");
    QTest::newRow("mbus-channel-2")
        << QByteArray("0-2:24.2.1(261125143000W)(00872.234*m3)") << true
        << QList<int> {0, 2, 24, 2, 1, 255} << 10 << QByteArray("0-2:24.2.1");
    QTest::newRow("failure-log") << QByteArray("1-0:99.97.0(3)") << true
                                 << QList<int> {1, 0, 99, 97, 0, 255} << 11
                                 << QByteArray("1-0:99.97.0");
    QTest::newRow("easymeter-star-255")
        << QByteArray("1-0:1.8.0*255(00052185.7825309*kWh)") << true
        << QList<int> {1, 0, 1, 8, 0, 255} << 13 << QByteArray("1-0:1.8.0");
    QTest::newRow("easymeter-id") << QByteArray("0-0:96.1.255*255") << true
                                  << QList<int> {0, 0, 96, 1, 255, 255} << 16
                                  << QByteArray("0-0:96.1.255");
    QTest::newRow("f-kept-when-not-255")
        << QByteArray("1-0:1.8.0*1(5)") << true << QList<int> {1, 0, 1, 8, 0, 1} << 11
        << QByteArray("1-0:1.8.0*1");
    QTest::newRow("f-zero") << QByteArray("1-0:1.6.0*0") << true << QList<int> {1, 0, 1, 6, 0, 0}
                            << 11 << QByteArray("1-0:1.6.0*0");
    QTest::newRow("dot-f-form") << QByteArray("1-0:1.8.0.255(1)") << true
                                << QList<int> {1, 0, 1, 8, 0, 255} << 13 << QByteArray("1-0:1.8.0");
    QTest::newRow("all-255") << QByteArray("255-255:255.255.255*254") << true
                             << QList<int> {255, 255, 255, 255, 255, 254} << 23
                             << QByteArray("255-255:255.255.255*254");
    QTest::newRow("padded-groups")
        << QByteArray("001-000:001.008.001") << true << QList<int> {1, 0, 1, 8, 1, 255} << 19
        << QByteArray("1-0:1.8.1");

    QTest::newRow("missing-e") << QByteArray("1-0:1.8") << false << none << 0 << QByteArray();
    QTest::newRow("missing-e-with-value")
        << QByteArray("1-0:1.8(5)") << false << none << 0 << QByteArray();
    QTest::newRow("trailing-dot") << QByteArray("1-0:1.8.1.") << false << none << 0 << QByteArray();
    QTest::newRow("trailing-dot-value")
        << QByteArray("1-0:1.8.1.(5)") << false << none << 0 << QByteArray();
    QTest::newRow("a-256") << QByteArray("256-0:1.8.0") << false << none << 0 << QByteArray();
    QTest::newRow("e-256") << QByteArray("1-0:1.8.256") << false << none << 0 << QByteArray();
    QTest::newRow("letters") << QByteArray("a-b:c.d.e") << false << none << 0 << QByteArray();
    QTest::newRow("empty") << QByteArray() << false << none << 0 << QByteArray();
    QTest::newRow("star-without-f")
        << QByteArray("1-0:1.8.1*(5)") << false << none << 0 << QByteArray();
    QTest::newRow("f-256") << QByteArray("1-0:1.8.1*256") << false << none << 0 << QByteArray();
    QTest::newRow("two-f-groups") << QByteArray("1-0:1.8.1*255*255") << false << none << 0
                                  << QByteArray();
    QTest::newRow("junk-before-paren")
        << QByteArray("1-0:1.8.1x(5)") << false << none << 0 << QByteArray();
    QTest::newRow("space-before-paren")
        << QByteArray("1-0:1.8.1 (5)") << false << none << 0 << QByteArray();
    QTest::newRow("empty-group") << QByteArray("1-0:1..1") << false << none << 0 << QByteArray();
    QTest::newRow("swapped-separators")
        << QByteArray("1:0-1.8.1") << false << none << 0 << QByteArray();
    QTest::newRow("four-digit-group")
        << QByteArray("1-0:1.8.1000") << false << none << 0 << QByteArray();
    QTest::newRow("no-a") << QByteArray("-0:1.8.1") << false << none << 0 << QByteArray();
    QTest::newRow("leading-space")
        << QByteArray(" 1-0:1.8.1") << false << none << 0 << QByteArray();
    QTest::newRow("continuation-line")
        << QByteArray("(00124.477)") << false << none << 0 << QByteArray();
}

void TestObis::parse()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, ok);
    QFETCH(QList<int>, groups);
    QFETCH(int, consumed);
    QFETCH(QByteArray, canonical);

    std::size_t used = 999;
    const auto code = Obis::parse(sv(text), &used);
    QCOMPARE(code.has_value(), ok);
    if (!ok) {
        QCOMPARE(used, std::size_t(999)); // untouched on failure
        return;
    }
    QCOMPARE(int(code->a), groups[0]);
    QCOMPARE(int(code->b), groups[1]);
    QCOMPARE(int(code->c), groups[2]);
    QCOMPARE(int(code->d), groups[3]);
    QCOMPARE(int(code->e), groups[4]);
    QCOMPARE(int(code->f), groups[5]);
    QCOMPARE(int(used), consumed);
    QCOMPARE(QByteArray::fromStdString(code->toString()), canonical);
    // Without the out parameter too.
    QVERIFY(Obis::parse(sv(text)).has_value());
    // The canonical text parses back to the same code.
    const auto back = Obis::parse(code->toString());
    QVERIFY(back);
    QCOMPARE(back->key(), code->key());
}

void TestObis::keys()
{
    const Obis t1 {1, 0, 1, 8, 1};
    QCOMPARE(t1.key(), std::uint64_t(0x0100010801FFull));
    QCOMPARE(Obis::parse("1-0:1.8.1*255")->key(), p1::obisCode(p1::Field::ImportT1).key());
    QVERIFY(*Obis::parse("1-0:1.8.1") == p1::obisCode(p1::Field::ImportT1));
    QVERIFY(!(*Obis::parse("1-0:1.8.2") == p1::obisCode(p1::Field::ImportT1)));

    // The channel is ignored by keyAnyChannel only.
    const Obis gas2 = *Obis::parse("0-2:24.2.1");
    QVERIFY(gas2.key() != p1::obisCode(p1::Field::MbusValue).key());
    QCOMPARE(gas2.keyAnyChannel(), p1::obisCode(p1::Field::MbusValue).keyAnyChannel());
    QCOMPARE(p1::obisCode(p1::Field::MbusValue).withChannel(2).key(), gas2.key());
    QCOMPARE(gas2.withChannel(0).key(), p1::obisCode(p1::Field::MbusValue).key());
    QVERIFY(Obis::parse("0-2:24.2.3")->keyAnyChannel()
        != p1::obisCode(p1::Field::MbusValue).keyAnyChannel());
}

void TestObis::describe_data()
{
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<QByteArray>("name"); // empty: unknown
    QTest::addColumn<bool>("anyChannel");

    QTest::newRow("import-t1") << QByteArray("1-0:1.8.1")
                               << QByteArray("Electricity delivered to client, tariff 1") << false;
    QTest::newRow("export-t2") << QByteArray("1-0:2.8.2")
                               << QByteArray("Electricity delivered by client, tariff 2") << false;
    QTest::newRow("power-import") << QByteArray("1-0:1.7.0")
                                  << QByteArray("Actual electricity power delivered (+P)") << false;
    QTest::newRow("easymeter-star-255")
        << QByteArray("1-0:1.8.0*255") << QByteArray("Electricity delivered to client, total")
        << false;
    QTest::newRow("version") << QByteArray("1-3:0.2.8") << QByteArray("DSMR version") << false;
    QTest::newRow("equipment-id-electricity")
        << QByteArray("0-0:96.1.0") << QByteArray("Equipment identifier") << false;
    QTest::newRow("equipment-id-mbus")
        << QByteArray("0-3:96.1.0") << QByteArray("M-Bus equipment identifier") << true;
    QTest::newRow("breaker") << QByteArray("0-0:96.3.10") << QByteArray("Breaker state") << false;
    QTest::newRow("be-relay-channel-4")
        << QByteArray("0-4:96.3.10") << QByteArray("M-Bus relay state") << true;
    QTest::newRow("gas-channel-1")
        << QByteArray("0-1:24.2.1") << QByteArray("M-Bus meter reading (gas, water, heat)") << true;
    QTest::newRow("gas-channel-0")
        << QByteArray("0-0:24.2.1") << QByteArray("M-Bus meter reading (gas, water, heat)") << true;
    QTest::newRow("be-gas") << QByteArray("0-1:24.2.3")
                            << QByteArray("Gas meter reading, not temperature corrected") << true;
    QTest::newRow("device-type") << QByteArray("0-2:24.1.0") << QByteArray("M-Bus device type")
                                 << true;
    QTest::newRow("profile") << QByteArray("0-1:24.3.0")
                             << QByteArray("M-Bus meter reading profile (DSMR 2.2/3.0)") << true;
    QTest::newRow("frequency") << QByteArray("1-0:14.7.0") << QByteArray("Frequency") << false;
    QTest::newRow("power-factor-l2")
        << QByteArray("1-0:53.7.0") << QByteArray("Power factor L2") << false;
    QTest::newRow("reactive-q4") << QByteArray("1-0:8.8.0")
                                 << QByteArray("Reactive energy, quadrant IV") << false;
    QTest::newRow("lux-limiter") << QByteArray("1-1:31.4.0")
                                 << QByteArray("Current limiter thresholds") << false;
    QTest::newRow("be-max-demand-history")
        << QByteArray("0-0:98.1.0") << QByteArray("Maximum demand / billing values, last months")
        << false;
    QTest::newRow("failure-event")
        << QByteArray("0-0:96.7.19") << QByteArray("Power failure event") << false;
    QTest::newRow("easymeter-serial")
        << QByteArray("1-0:0.0.0*255") << QByteArray("Meter serial number") << false;

    QTest::newRow("unknown") << QByteArray("1-0:99.99.99") << QByteArray() << false;
    QTest::newRow("tariff-on-channel-1-unknown")
        << QByteArray("0-1:96.14.0") << QByteArray() << false;
    QTest::newRow("historical-f-unknown") << QByteArray("1-0:1.8.1*1") << QByteArray() << false;
    QTest::newRow("a-differs") << QByteArray("2-0:1.8.1") << QByteArray() << false;
}

void TestObis::describe()
{
    QFETCH(QByteArray, code);
    QFETCH(QByteArray, name);
    QFETCH(bool, anyChannel);

    const auto obis = Obis::parse(sv(code));
    QVERIFY(obis);
    const p1::ObisInfo *info = p1::describeObis(*obis);
    if (name.isEmpty()) {
        QVERIFY(!info);
        return;
    }
    QVERIFY(info);
    QCOMPARE(QByteArray(info->name.data(), qsizetype(info->name.size())), name);
    QCOMPARE(info->anyChannel, anyChannel);
    if (anyChannel)
        QCOMPARE(info->code.key(), obis->keyAnyChannel());
    else
        QCOMPARE(info->code.key(), obis->key());
}

void TestObis::everyFieldHasOneCode()
{
    for (int i = 1; i < int(p1::Field::Count_); ++i) {
        const auto field = p1::Field(i);
        int uses = 0;
        for (const p1::ObisInfo &info : p1::kObisTable)
            uses += info.field == field ? 1 : 0;
        QVERIFY2(uses == 1, qPrintable(QStringLiteral("field %1 on %2 codes").arg(i).arg(uses)));
        const p1::ObisInfo *info = p1::obisInfo(field);
        QVERIFY(info);
        QCOMPARE(int(info->field), i);
        QCOMPARE(info->code.key(), p1::obisCode(field).key());
        // M-Bus fields, and only they, are read from channel codes.
        QCOMPARE(info->anyChannel, p1::isMbusField(field));
    }
    QVERIFY(!p1::obisInfo(p1::Field::None));
    QCOMPARE(p1::obisCode(p1::Field::None).key(), Obis {}.key());
}

void TestObis::tableCodesAreUniqueAndNamed()
{
    std::set<std::pair<std::uint64_t, bool>> seen;
    for (const p1::ObisInfo &info : p1::kObisTable) {
        const std::string code = info.code.toString();
        QVERIFY2(!info.name.empty(), code.c_str());
        QVERIFY2(seen.insert({info.code.key(), info.anyChannel}).second, code.c_str());
        QVERIFY2(!info.anyChannel || (info.code.a == 0 && info.code.b == 0), code.c_str());
        // A unit is what the Reading checks a quantity against: only on codes it reads.
        QVERIFY2(info.unit == p1::Unit::None || info.field != p1::Field::None, code.c_str());
    }
    QVERIFY(seen.size() > 90);
}

void TestObis::tableCodesParseBackToTheirEntry()
{
    for (const p1::ObisInfo &info : p1::kObisTable) {
        const std::vector<std::uint8_t> channels = info.anyChannel
            ? std::vector<std::uint8_t> {0, 1, 2, 3, 4, 5}
            : std::vector<std::uint8_t> {info.code.b};
        for (const std::uint8_t channel : channels) {
            const std::string text = info.code.withChannel(channel).toString();
            const auto parsed = Obis::parse(text);
            QVERIFY2(parsed, text.c_str());
            QCOMPARE(parsed->key(), info.code.withChannel(channel).key());
            // An exact code comes before an M-Bus code on channel 0 (0-0:96.1.0 is the
            // electricity meter's id, 0-n:96.1.0 an M-Bus device's).
            const p1::ObisInfo *found = p1::describeObis(*parsed);
            QVERIFY2(found, text.c_str());
            const bool exactFirst = info.anyChannel && channel == 0 && found != &info;
            QVERIFY2(found == &info || (exactFirst && !found->anyChannel), text.c_str());
            // The Reading reads M-Bus codes on the channels it has, 1-4.
            p1::Field field = info.field;
            if (exactFirst)
                field = found->field;
            else if (info.anyChannel && (channel < 1 || channel > 4))
                field = p1::Field::None;
            QCOMPARE(int(p1::obisField(*parsed)), int(field));
        }
    }
}

void TestObis::parserStoresTheTablesField()
{
    // Every code of the table in one telegram, as meters write it and with EasyMeter's `*255`.
    std::string text = "/XXX5 table\r\n\r\n";
    std::vector<p1::Field> expected;
    for (const p1::ObisInfo &info : p1::kObisTable) {
        const Obis code = info.anyChannel ? info.code.withChannel(2) : info.code;
        text += code.toString() + "(1)\r\n" + code.toString() + "*255(1)\r\n";
        expected.insert(expected.end(), 2, info.field);
    }
    text += "1-0:99.99.99(1)\r\n0-5:24.2.1(1)\r\n!";
    expected.insert(expected.end(), 2, p1::Field::None);

    p1::Telegram t;
    QCOMPARE(p1::Parser::parse(text, t), p1::ParseError::None);
    QCOMPARE(t.objects.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        QVERIFY2(t.objects[i].field == expected[i], std::string(t.objects[i].obisText).c_str());
}

QTEST_GUILESS_MAIN(TestObis)
#include "tst_obis.moc"
