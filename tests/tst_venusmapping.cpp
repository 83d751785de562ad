#include "reading.h"
#include "sampletelegrams.h"
#include "telegram.h"
#include "venusmapping.h"

#include <QTest>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <random>
#include <set>
#include <string>

using namespace p1;
using namespace p1::test;

namespace {

std::string frameOf(std::string_view bytes)
{
    const auto start = bytes.find('/');
    const auto bang = bytes.find("\n!", start);
    auto end = bang + 2;
    while (end < bytes.size() && std::isxdigit(static_cast<unsigned char>(bytes[end])))
        ++end;
    return std::string(bytes.substr(start, end - start));
}

Reading readingOf(const std::string &bytes)
{
    const std::string frame = frameOf(bytes);
    Telegram telegram;
    Reading reading;
    if (Parser::parse(frame, telegram) != ParseError::None)
        qWarning("parse failed");
    reading.fill(telegram);
    return reading;
}

template<typename PathEnum, std::size_t N>
const VenusValue *find(const PathValues<PathEnum, N> &values, std::string_view path)
{
    for (std::size_t i = 0; i < N; ++i)
        if (pathSpec(PathEnum(i)).path == path)
            return &values.values[i];
    return nullptr;
}

// Expectations are "path=-" (invalid), "path=d:230.1" (double), "path=i:3" (int32) or
// "path=s:text" (string), so the kind is checked along with the value.
template<typename PathEnum, std::size_t N>
void verify(const PathValues<PathEnum, N> &values, const QByteArrayList &expected)
{
    for (const QByteArray &e : expected) {
        const auto eq = e.indexOf('=');
        QVERIFY2(eq > 0, e.constData());
        const std::string path = e.left(eq).toStdString();
        const QByteArray want = e.mid(eq + 1);
        const VenusValue *v = find(values, path);
        QVERIFY2(v, ("unknown path " + path).c_str());
        const QByteArray where = QByteArray::fromStdString(path) + ": expected " + want;
        if (want == "-") {
            QVERIFY2(v->kind == ValueKind::Invalid, where.constData());
        } else if (want.startsWith("d:")) {
            QVERIFY2(v->kind == ValueKind::Double, where.constData());
            const double number = std::strtod(want.constData() + 2, nullptr);
            if (v->number != number)
                QFAIL(QByteArray(where + ", got " + QByteArray::number(v->number, 'g', 17))
                          .constData());
        } else if (want.startsWith("i:")) {
            QVERIFY2(v->kind == ValueKind::Int, where.constData());
            QCOMPARE(v->integer, want.mid(2).toInt());
        } else if (want.startsWith("s:")) {
            QVERIFY2(v->kind == ValueKind::String, where.constData());
            QCOMPARE(QByteArray::fromStdString(v->text), want.mid(2));
        } else {
            QFAIL(QByteArray("bad expectation " + e).constData());
        }
    }
}

VenusValue doubleValue(double d)
{
    VenusValue v;
    v.set(d);
    return v;
}

VenusValue intValue(std::int32_t i)
{
    VenusValue v;
    v.setInt(i);
    return v;
}

VenusValue textValue(std::string_view s)
{
    VenusValue v;
    v.setText(s);
    return v;
}

} // namespace

Q_DECLARE_METATYPE(p1::VenusValue)

class TestVenusMapping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pathSpecs();
    void grid_data();
    void grid();
    void gridInvalidatesStaleValues();
    void gridOnlyWithElectricity_data();
    void gridOnlyWithElectricity();
    void timestampTextMatchesTimestamp();
    void formatText_data();
    void formatText();
    void formatTextAsPrintf();
    void valueEquality();
    void gas_data();
    void gas();
    void gasFlow_data();
    void gasFlow();
    void resetForgetsFlow();
    void water_data();
    void water();
    void waterFlowPerChannel();
};

void TestVenusMapping::pathSpecs()
{
    std::set<std::string_view> seen;
    for (std::size_t i = 0; i < kGridPathCount; ++i) {
        const PathSpec &spec = pathSpec(GridPath(i));
        QVERIFY(spec.path.size() > 1 && spec.path.front() == '/');
        QVERIFY2(seen.insert(spec.path).second, std::string(spec.path).c_str());
        QVERIFY(spec.kind != ValueKind::Invalid);
    }
    seen.clear();
    for (std::size_t i = 0; i < kGasPathCount; ++i) {
        const PathSpec &spec = pathSpec(GasPath(i));
        QVERIFY(spec.path.size() > 1 && spec.path.front() == '/');
        QVERIFY(seen.insert(spec.path).second);
    }
    // The ones Venus consumers read by name.
    QCOMPARE(pathSpec(GridPath::AcPower).path, std::string_view("/Ac/Power"));
    QCOMPARE(pathSpec(GridPath::AcL2Current).path, std::string_view("/Ac/L2/Current"));
    QCOMPARE(pathSpec(GridPath::AcEnergyReverse).path, std::string_view("/Ac/Energy/Reverse"));
    QCOMPARE(pathSpec(GridPath::NrOfPhases).kind, ValueKind::Int);
    QCOMPARE(pathSpec(GridPath::Serial).kind, ValueKind::String);
    QCOMPARE(pathSpec(GasPath::Aggregate).path, std::string_view("/Aggregate"));
    QCOMPARE(pathSpec(GasPath::Flow).unit, std::string_view("m3/h"));
}

void TestVenusMapping::grid_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArrayList>("expected");
    auto row = [](const char *name, const std::string &t, const QByteArrayList &expected) {
        QTest::newRow(name) << QByteArray::fromStdString(t) << expected;
    };

    row("dsmr5-three-phase-l3-exporting", dsmr5ThreePhase(),
        {"/Ac/Power=d:884", "/Ac/L1/Power=d:500", "/Ac/L2/Power=d:634", "/Ac/L3/Power=d:-250",
            "/Ac/L1/Voltage=d:230.1", "/Ac/L2/Voltage=d:231.5", "/Ac/L3/Voltage=d:229.8",
            "/Ac/L1/Current=d:2", "/Ac/L2/Current=d:3", "/Ac/L3/Current=d:-1",
            "/Ac/Energy/Forward=d:3580.245", "/Ac/Energy/Reverse=d:358.023", "/NrOfPhases=i:3",
            "/Ac/L1/Energy/Forward=-", "/Ac/L1/Energy/Reverse=-", "/Ac/Frequency=-",
            "/Serial=s:E0062000013122923", "/P1/Ident=s:Ene5\\T210-D ESMR5.0", "/P1/Version=s:50",
            "/P1/Timestamp=s:2026-11-25T14:30:15+01:00", "/P1/Tariff=i:2", "/P1/LowTariff=i:0",
            "/P1/Energy/Forward/T1=d:1234.567", "/P1/Energy/Forward/T2=d:2345.678",
            "/P1/Energy/Forward/T3=-", "/P1/Energy/Forward/T4=-", "/P1/Energy/Reverse/T1=d:123.456",
            "/P1/Energy/Reverse/T2=d:234.567", "/P1/Energy/Reverse/T3=-", "/P1/PowerFailures=i:12",
            "/P1/LongPowerFailures=i:3", "/P1/L1/VoltageSags=i:4", "/P1/L2/VoltageSags=i:2",
            "/P1/L3/VoltageSags=i:1", "/P1/L1/VoltageSwells=i:0", "/P1/L2/VoltageSwells=i:1",
            "/P1/L3/VoltageSwells=i:0", "/P1/TextMessage=s:Hello from the grid/operator",
            "/P1/AverageDemand=-", "/P1/MaximumDemandMonth=-"});

    row("dsmr5-single-phase-exporting", dsmr5SinglePhase(),
        {"/Ac/Power=d:-1250", "/Ac/L1/Power=d:-1250", "/Ac/L2/Power=-", "/Ac/L3/Power=-",
            "/Ac/L1/Current=d:-5", "/Ac/L2/Current=-", "/Ac/L1/Voltage=d:236.1", "/Ac/L2/Voltage=-",
            "/NrOfPhases=i:1", "/P1/LowTariff=i:1", "/P1/Tariff=i:1",
            "/P1/TextMessage=s:", "/P1/L1/VoltageSags=i:6", "/P1/L2/VoltageSags=-",
            "/Ac/Energy/Forward=d:1041.401", "/Ac/Energy/Reverse=d:300.003",
            "/Ac/L1/Energy/Forward=d:1041.401", "/Ac/L1/Energy/Reverse=d:300.003"});

    row("dsmr42-currents-without-voltage", dsmr42(),
        {"/Ac/Power=d:335", "/Ac/L1/Power=d:254", "/Ac/L2/Power=d:81", "/Ac/L3/Power=d:0",
            "/Ac/L1/Current=d:1", "/Ac/L2/Current=d:0", "/Ac/L3/Current=d:0", "/Ac/L1/Voltage=-",
            "/NrOfPhases=i:3", "/P1/Version=s:42", "/Ac/Energy/Forward=d:13043.392",
            "/Ac/Energy/Reverse=d:30"});

    row("dsmr40-two-phases-exporting", dsmr40(),
        {"/Ac/Power=d:-444", "/Ac/L1/Power=d:111", "/Ac/L2/Power=d:-222", "/Ac/L3/Power=d:-333",
            "/Ac/L1/Current=d:0", "/Ac/L2/Current=d:-1", "/Ac/L3/Current=d:-1", "/NrOfPhases=i:3",
            "/P1/Timestamp=s:2026-07-01T19:29:59+02:00", "/Serial=s:K8EG004046395507"});

    row("dsmr30-total-on-l1", dsmr30(),
        {"/Ac/Power=d:1190", "/Ac/L1/Power=d:1190", "/Ac/L2/Power=-", "/Ac/L3/Power=-",
            "/Ac/L1/Current=-", "/NrOfPhases=i:1", "/P1/Timestamp=-", "/P1/Version=-",
            "/Serial=s:K8EG004046395507", "/P1/LowTariff=i:0", "/P1/TextMessage=s:Tariff change",
            "/P1/PowerFailures=-", "/Ac/Energy/Forward=d:35802.467",
            "/Ac/Energy/Reverse=d:35.801"});

    row("dsmr22-total-on-l1", dsmr22(),
        {"/Ac/Power=d:980", "/Ac/L1/Power=d:980", "/Ac/L2/Power=-", "/Ac/L3/Power=-",
            "/NrOfPhases=i:1", "/P1/Ident=s:KMP5 ZABF001587315111", "/Serial=s:ZBEV005091207612",
            "/Ac/Energy/Forward=d:269", "/Ac/Energy/Reverse=d:32", "/P1/LowTariff=i:1",
            "/Ac/L1/Energy/Forward=d:269", "/Ac/L1/Energy/Reverse=d:32", "/P1/TextMessage=s:"});

    // Austria sends totals and tariffs: the total register is published, the tariffs under /P1.
    row("austria-wh-total-on-l1", austriaWh(),
        {"/Ac/Power=d:286", "/Ac/L1/Power=d:286", "/Ac/L2/Power=-", "/Ac/L3/Power=-",
            "/NrOfPhases=i:1", "/Ac/Energy/Forward=d:6545.766", "/Ac/Energy/Reverse=d:0.058",
            "/P1/Energy/Forward/T1=d:5017.12", "/P1/Energy/Forward/T2=d:1528.646",
            "/P1/Energy/Reverse/T1=d:0", "/P1/Energy/Reverse/T2=d:0.058", "/Serial=-",
            "/P1/Tariff=-", "/P1/LowTariff=-", "/P1/TextMessage=-"});

    row("belgium-fluvius", belgiumFluvius(),
        {"/Ac/Power=d:1500", "/Ac/L1/Power=d:700", "/Ac/L1/Current=d:3.02", "/Ac/L2/Current=d:2.15",
            "/Ac/L3/Current=d:1.3", "/P1/Tariff=i:1", "/P1/LowTariff=i:0",
            "/P1/AverageDemand=d:2351", "/P1/MaximumDemandMonth=d:3589", "/P1/Version=s:50217",
            "/Serial=s:1SAG3101021605", "/Ac/Energy/Forward=d:338.792",
            "/Ac/Energy/Reverse=d:50.011"});

    row("luxembourg-totals-only", luxembourgSmarty(),
        {"/Ac/Power=d:-897", "/Ac/L1/Power=d:-319", "/Ac/L2/Power=d:-300", "/Ac/L3/Power=d:-278",
            "/Ac/L1/Current=d:-1", "/Ac/L2/Current=d:-1", "/Ac/L3/Current=d:-1", "/NrOfPhases=i:3",
            "/Ac/Energy/Forward=d:273.764", "/Ac/Energy/Reverse=d:12743.03",
            "/P1/Energy/Forward/T1=-", "/P1/PowerFailures=i:1067", "/P1/LongPowerFailures=-",
            "/Serial=s:SAG1030700012701"});

    row("sweden-kamstrup", swedenKamstrup(),
        {"/Ac/Power=d:1234", "/Ac/L3/Power=d:334", "/Ac/L1/Current=d:1.7", "/Ac/L3/Voltage=d:240.7",
            "/Ac/Energy/Forward=d:12345.678", "/Ac/Energy/Reverse=d:456.789", "/Serial=-",
            "/P1/Version=-", "/NrOfPhases=i:3"});

    row("easymeter-w-units", easyMeterQ3D(),
        {"/Ac/Power=d:703.68", "/Ac/L1/Power=d:123.45", "/Ac/L2/Power=d:234.56",
            "/Ac/L3/Power=d:345.67", "/NrOfPhases=i:3", "/Ac/Energy/Forward=d:12345.6789012",
            "/Ac/Energy/Reverse=d:1234.5678901", "/Serial=s:1ESY1160003456", "/P1/Timestamp=-",
            "/Ac/L1/Voltage=-"});

    row("heat-only-no-electricity", heatGJ(),
        {"/Ac/Power=-", "/Ac/L1/Power=-", "/NrOfPhases=-", "/Ac/Energy/Forward=-",
            "/Serial=s:ADC3100000123456", "/P1/Version=s:50", "/P1/TextMessage=-"});

    row("current-unsigned-without-phase-power",
        buildTelegram(
            "XXX5CUR", {"1-0:22.7.0(00.300*kW)", "1-0:31.7.0(002*A)", "1-0:51.7.0(004*A)"}),
        {"/Ac/Power=-", "/Ac/L1/Power=d:-300", "/Ac/L1/Current=d:-2", "/Ac/L2/Power=-",
            "/Ac/L2/Current=d:4", "/NrOfPhases=i:2"});

    row("total-on-l1-signs-current",
        buildTelegram(
            "XXX5CUR", {"1-0:1.7.0(00.000*kW)", "1-0:2.7.0(01.000*kW)", "1-0:31.7.0(004*A)"}),
        {"/Ac/Power=d:-1000", "/Ac/L1/Power=d:-1000", "/Ac/L1/Current=d:-4", "/NrOfPhases=i:1"});

    // Net power from one total alone would be a half (0 - export); the phases say 185 W.
    row("export-total-alone-is-not-the-net-power",
        buildTelegram("XXX5HALF",
            {"1-0:2.7.0(00.000*kW)", "1-0:21.7.0(00.120*kW)", "1-0:22.7.0(00.000*kW)",
                "1-0:41.7.0(00.040*kW)", "1-0:42.7.0(00.000*kW)", "1-0:61.7.0(00.025*kW)",
                "1-0:62.7.0(00.000*kW)"}),
        {"/Ac/Power=d:185", "/Ac/L1/Power=d:120", "/NrOfPhases=i:3"});
    row("one-total-alone-publishes-no-power",
        buildTelegram("XXX5HALF", {"1-0:2.7.0(00.300*kW)", "1-0:1.8.1(000001.000*kWh)"}),
        {"/Ac/Power=-", "/Ac/L1/Power=-", "/Ac/Energy/Forward=d:1"});

    // E.ON Hungary sends the frequency; the three phases keep per-phase energy invalid.
    row("frequency-three-phase",
        buildTelegram("SAG5SAG-METER",
            {"1-0:1.8.0(000173.640*kWh)", "1-0:2.8.0(000627.177*kWh)", "1-0:32.7.0(240.4*V)",
                "1-0:52.7.0(239.1*V)", "1-0:72.7.0(241.2*V)", "1-0:14.7.0(50.02*Hz)",
                "1-0:1.7.0(00.000*kW)", "1-0:2.7.0(02.601*kW)"}),
        {"/Ac/Frequency=d:50.02", "/NrOfPhases=i:3", "/Ac/Energy/Forward=d:173.64",
            "/Ac/L1/Energy/Forward=-", "/Ac/L1/Energy/Reverse=-"});
    row("frequency-in-another-unit-is-not-one",
        buildTelegram("XXX5F", {"1-0:1.7.0(00.100*kW)", "1-0:14.7.0(50.00*V)"}),
        {"/Ac/Frequency=-", "/Ac/Power=-"});
    // A single-phase meter with only one register direction: the other stays invalid on L1 too.
    row("single-phase-import-only",
        buildTelegram("XXX5ONE", {"1-0:1.8.1(000010.000*kWh)", "1-0:21.7.0(00.100*kW)"}),
        {"/NrOfPhases=i:1", "/Ac/L1/Energy/Forward=d:10", "/Ac/L1/Energy/Reverse=-",
            "/Ac/Energy/Reverse=-"});
    row("invalid-timestamp-invalid-path", dsmr5ThreePhase("000101000001W"),
        {"/P1/Timestamp=-", "/Ac/Power=d:884"});
}

void TestVenusMapping::grid()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArrayList, expected);
    const Reading reading = readingOf(bytes.toStdString());
    VenusMapper mapper;
    GridValues grid;
    mapper.mapGrid(reading, grid);
    verify(grid, expected);
}

void TestVenusMapping::gridInvalidatesStaleValues()
{
    // The same GridValues serve the whole stream: paths the next telegram lacks go invalid.
    VenusMapper mapper;
    GridValues grid;
    mapper.mapGrid(readingOf(dsmr5ThreePhase()), grid);
    mapper.mapGrid(readingOf(dsmr22()), grid);
    verify(grid,
        {"/Ac/L1/Power=d:980", "/Ac/L2/Power=-", "/Ac/L3/Power=-", "/Ac/L1/Voltage=-",
            "/Ac/L1/Current=-", "/P1/Version=-", "/P1/Timestamp=-", "/P1/PowerFailures=-",
            "/P1/L1/VoltageSags=-", "/P1/TextMessage=s:", "/P1/Energy/Forward/T1=d:185"});
}

void TestVenusMapping::gridOnlyWithElectricity_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("publish");
    const auto row = [](const char *name, const std::string &t, bool publish) {
        QTest::newRow(name) << QByteArray::fromStdString(t) << publish;
    };
    row("dsmr5-three-phase", dsmr5ThreePhase(), true);
    row("dsmr22-total-only", dsmr22(), true);
    row("heat-meter", heatGJ(), false);
    row("voltage-only", buildTelegram("XXX5V", {"1-0:32.7.0(230.1*V)"}), true);
    row("current-only", buildTelegram("XXX5A", {"1-0:71.7.0(003*A)"}), true);
    row("one-tariff-register", buildTelegram("XXX5E", {"1-0:2.8.2(000123.456*kWh)"}), true);
    row("export-power-only", buildTelegram("XXX5P", {"1-0:2.7.0(00.100*kW)"}), true);
    row("ids-and-text-only",
        buildTelegram("XXX5T", {"0-0:96.1.1(4530303034303031353934373534343134)", "0-0:96.13.0()"}),
        false);
    row("gas-only",
        buildTelegram("XXX5G", {"0-1:24.1.0(003)", "0-1:24.2.1(261125143000W)(01234.567*m3)"}),
        false);
}

void TestVenusMapping::gridOnlyWithElectricity()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, publish);
    const Reading reading = readingOf(bytes.toStdString());
    QCOMPARE(reading.hasElectricity(), publish);
    GridValues grid;
    QCOMPARE(VenusMapper().mapGrid(reading, grid), publish);
}

void TestVenusMapping::timestampTextMatchesTimestamp()
{
    // The mapper formats timestamps itself (no heap string per telegram): it must say exactly
    // what Timestamp::toIso8601() says, over the whole range meters can send.
    VenusMapper mapper;
    GridValues grid;
    Reading reading;
    int checked = 0;
    const std::int64_t from = 1104537600; // 2005-01-01T00:00:00Z
    const std::int64_t to = 3155760000; // 2070-01-01T00:00:00Z
    for (std::int64_t utc = from; utc < to; utc += 86400 * 3 + 3607) {
        for (std::int16_t offset : {std::int16_t(60), std::int16_t(120)}) {
            reading.timestamp = Timestamp {utc, offset, true, true};
            mapper.mapGrid(reading, grid);
            const VenusValue &v = grid[GridPath::P1Timestamp];
            QCOMPARE(v.kind, ValueKind::String);
            QCOMPARE(v.text, reading.timestamp.toIso8601());
            ++checked;
        }
    }
    // Day boundaries and leap days, where a civil-date conversion goes wrong first.
    for (std::int64_t utc : {std::int64_t(1204243199), std::int64_t(1204243200),
             std::int64_t(1204329600), std::int64_t(1230767999), std::int64_t(1230768000),
             std::int64_t(1709164800), std::int64_t(4102444799)}) {
        reading.timestamp = Timestamp {utc, 60, true, true};
        mapper.mapGrid(reading, grid);
        QCOMPARE(grid[GridPath::P1Timestamp].text, reading.timestamp.toIso8601());
        ++checked;
    }
    QVERIFY(checked > 10000);
    reading.timestamp.valid = false;
    mapper.mapGrid(reading, grid);
    QVERIFY(!grid[GridPath::P1Timestamp].valid());
}

void TestVenusMapping::formatText_data()
{
    QTest::addColumn<VenusValue>("value");
    QTest::addColumn<QByteArray>("unit");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("power") << doubleValue(-275) << QByteArray("W") << 0 << QByteArray("-275 W");
    QTest::newRow("power-rounds") << doubleValue(883.6) << QByteArray("W") << 0
                                  << QByteArray("884 W");
    QTest::newRow("voltage") << doubleValue(230.1) << QByteArray("V") << 1 << QByteArray("230.1 V");
    QTest::newRow("voltage-pads") << doubleValue(231) << QByteArray("V") << 1
                                  << QByteArray("231.0 V");
    QTest::newRow("current") << doubleValue(-3.02) << QByteArray("A") << 2 << QByteArray("-3.02 A");
    QTest::newRow("energy") << doubleValue(1234.567) << QByteArray("kWh") << 3
                            << QByteArray("1234.567 kWh");
    QTest::newRow("flow") << doubleValue(0.123) << QByteArray("m3/h") << 3
                          << QByteArray("0.123 m3/h");
    QTest::newRow("negative-zero")
        << doubleValue(-0.4) << QByteArray("W") << 0 << QByteArray("0 W");
    QTest::newRow("negative-tiny")
        << doubleValue(-0.0001) << QByteArray("m3/h") << 3 << QByteArray("0.000 m3/h");
    QTest::newRow("no-unit") << doubleValue(1.5) << QByteArray() << 1 << QByteArray("1.5");
    QTest::newRow("int") << intValue(3) << QByteArray() << 0 << QByteArray("3");
    QTest::newRow("int-negative") << intValue(-1) << QByteArray() << 0 << QByteArray("-1");
    QTest::newRow("string") << textValue("E0062000013122923") << QByteArray() << 0
                            << QByteArray("E0062000013122923");
    QTest::newRow("string-empty") << textValue("") << QByteArray() << 0 << QByteArray();
    QTest::newRow("invalid") << VenusValue() << QByteArray("W") << 0 << QByteArray();
    QTest::newRow("huge") << doubleValue(123456789012.345) << QByteArray("kWh") << 3
                          << QByteArray("123456789012.345 kWh");
    // Rounding goes by the exact binary value, as printf's: 0.125 is exact (ties to even),
    // 2.675 is 2.67499999...
    QTest::newRow("tie-to-even") << doubleValue(0.125) << QByteArray("A") << 2
                                 << QByteArray("0.12 A");
    QTest::newRow("below-half") << doubleValue(2.675) << QByteArray("A") << 2
                                << QByteArray("2.67 A");
    QTest::newRow("rounds-up-a-digit")
        << doubleValue(9.9996) << QByteArray("kWh") << 3 << QByteArray("10.000 kWh");
    QTest::newRow("int-extreme") << intValue(std::numeric_limits<std::int32_t>::min())
                                 << QByteArray() << 0 << QByteArray("-2147483648");
    // Longer than the formatting buffer: cut as printf into the same 64 bytes cuts it.
    char full[128];
    std::snprintf(full, sizeof full, "%.0f", 1e70);
    QTest::newRow("beyond-the-buffer")
        << doubleValue(1e70) << QByteArray("W") << 0 << QByteArray(full).left(63) + " W";
}

void TestVenusMapping::formatTextAsPrintf()
{
    // Every kind of number a meter gives, at every precision a path uses: the same digits as
    // snprintf("%.*f"), the reference the text format was first written with.
    std::mt19937_64 random(20261203);
    std::uniform_real_distribution<double> mantissa(-1.0, 1.0);
    std::uniform_int_distribution<int> exponent(-6, 12);
    int checked = 0;
    for (int i = 0; i < 20000; ++i) {
        const double x = mantissa(random) * std::pow(10.0, exponent(random));
        for (int decimals = 0; decimals <= 3; ++decimals) {
            const PathSpec spec {"/Test", ValueKind::Double, {}, std::int8_t(decimals)};
            char reference[64];
            std::snprintf(reference, sizeof reference, "%.*f", decimals, x);
            QByteArray expected(reference);
            if (expected.startsWith('-')
                && expected.count('0') + expected.count('.') == expected.size() - 1)
                expected.remove(0, 1); // "-0.00" is shown as zero
            const QByteArray got = QByteArray::fromStdString(p1::formatText(spec, doubleValue(x)));
            if (got != expected)
                QFAIL(qPrintable(QString::asprintf("%.17g with %d decimals: got %s, printf %s", x,
                    decimals, got.constData(), expected.constData())));
            ++checked;
        }
    }
    QCOMPARE(checked, 80000);
}

void TestVenusMapping::formatText()
{
    QFETCH(VenusValue, value);
    QFETCH(QByteArray, unit);
    QFETCH(int, decimals);
    QFETCH(QByteArray, expected);
    const PathSpec spec {"/Test", value.kind,
        std::string_view(unit.constData(), std::size_t(unit.size())), std::int8_t(decimals)};
    QCOMPARE(QByteArray::fromStdString(p1::formatText(spec, value)), expected);
}

void TestVenusMapping::valueEquality()
{
    VenusValue a = doubleValue(1.5);
    VenusValue b = doubleValue(1.5);
    QVERIFY(a == b);
    b.set(1.25);
    QVERIFY(!(a == b));
    // Invalid values are equal whatever stale payload they carry.
    a.setInvalid();
    b.setInvalid();
    QVERIFY(a == b);
    // The kind matters: 3 as int is not 3.0 as double.
    QVERIFY(!(intValue(3) == doubleValue(3)));
    QVERIFY(intValue(3) == intValue(3));
    QVERIFY(!(intValue(3) == intValue(4)));
    QVERIFY(textValue("x") == textValue("x"));
    QVERIFY(!(textValue("x") == textValue("y")));
    QVERIFY(!(textValue("") == VenusValue()));
}

void TestVenusMapping::gas_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("hasGas");
    QTest::addColumn<QByteArrayList>("expected");

    QTest::newRow("dsmr5-ch1") << QByteArray::fromStdString(dsmr5ThreePhase()) << true
                               << QByteArrayList {"/Aggregate=d:4567.89",
                                      "/Serial=s:G0039001936990619",
                                      "/P1/CaptureTime=s:2026-11-25T14:30:00+01:00",
                                      "/P1/Channel=i:1", "/Flow=-"};
    QTest::newRow("dsmr22-profile-ch2")
        << QByteArray::fromStdString(dsmr22()) << true
        << QByteArrayList {"/Aggregate=d:124.477", "/Serial=s:28101E61708803q1",
               "/P1/CaptureTime=s:2026-01-17T02:00:00+01:00", "/P1/Channel=i:2"};
    QTest::newRow("belgium-24.2.3-not-water")
        << QByteArray::fromStdString(belgiumFluvius()) << true
        << QByteArrayList {"/Aggregate=d:112.384", "/Serial=s:7FLO2119033733", "/P1/Channel=i:1"};
    QTest::newRow("iskra-placeholder-ch1")
        << QByteArray::fromStdString(buildTelegram("ISK5\\2M550T-1012",
               {"0-1:24.1.0(003)", "0-1:96.1.0()", "0-1:24.2.1(700101010000W)(00000000)",
                   "0-2:24.1.0(003)", "0-2:96.1.0(4730303339303031393336393930363139)",
                   "0-2:24.2.1(261125143001W)(00246.138*m3)"}))
        << true
        << QByteArrayList {
               "/Aggregate=d:246.138", "/P1/Channel=i:2", "/Serial=s:G0039001936990619"};
    QTest::newRow("invalid-capture-time")
        << QByteArray::fromStdString(dsmr5ThreePhase("261125143015W", "632525252525W")) << true
        << QByteArrayList {"/Aggregate=d:4567.89", "/P1/CaptureTime=-", "/Flow=-"};
    QTest::newRow("no-id") << QByteArray::fromStdString(
        buildTelegram("XXX5GAS", {"0-1:24.1.0(003)", "0-1:24.2.1(261125140000W)(00012.345*m3)"}))
                           << true << QByteArrayList {"/Aggregate=d:12.345", "/Serial=-"};
    QTest::newRow("single-phase-no-gas") << QByteArray::fromStdString(dsmr5SinglePhase()) << false
                                         << QByteArrayList {"/Aggregate=-", "/Flow=-", "/Serial=-",
                                                "/P1/CaptureTime=-", "/P1/Channel=-"};
    QTest::newRow("heat-is-not-gas") << QByteArray::fromStdString(heatGJ()) << false
                                     << QByteArrayList {"/Aggregate=-", "/P1/Channel=-"};
    QTest::newRow("austria-no-mbus")
        << QByteArray::fromStdString(austriaWh()) << false << QByteArrayList {"/Aggregate=-"};
}

void TestVenusMapping::gas()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, hasGas);
    QFETCH(QByteArrayList, expected);
    VenusMapper mapper;
    GasValues gas;
    // Stale values from an earlier telegram must not survive a telegram without gas.
    QVERIFY(mapper.mapGas(readingOf(dsmr42()), gas));
    QVERIFY(gas[GasPath::Aggregate].valid());
    mapper.reset();
    QCOMPARE(mapper.mapGas(readingOf(bytes.toStdString()), gas), hasGas);
    verify(gas, expected);
}

void TestVenusMapping::gasFlow_data()
{
    QTest::addColumn<QByteArrayList>("steps");

    // Each step is one telegram: "gasCaptureTime gasValue expectedFlow" ('-' = invalid).
    // DSMR 5 reports every 5 minutes; telegrams come every second with the same capture time.
    QTest::newRow("dsmr5-five-minute-steps") << QByteArrayList {"261125143000W 04567.890 -",
        "261125143000W 04567.890 -", "261125143500W 04567.990 1.2", "261125143500W 04567.990 1.2",
        "261125144000W 04567.990 0", "261125144500W 04568.240 3"};
    // DSMR 4 reports hourly; telegrams every 10 s.
    QTest::newRow("dsmr4-hourly-steps") << QByteArrayList {"261125140000W 04836.851 -",
        "261125140000W 04836.851 -", "261125150000W 04837.351 0.5", "261125150000W 04837.351 0.5",
        "261125160000W 04838.851 1.5"};
    QTest::newRow("jump-back-in-time-resets") << QByteArrayList {"261125143000W 00100.000 -",
        "261125143500W 00100.100 1.2", "261125142500W 00100.200 -", "261125142500W 00100.200 -",
        "261125143000W 00100.300 1.2"};
    QTest::newRow("volume-going-down-resets") << QByteArrayList {"261125143000W 00100.000 -",
        "261125143500W 00100.100 1.2", "261125144000W 00050.000 -", "261125144500W 00050.100 1.2"};
    QTest::newRow("invalid-capture-time-ignored")
        << QByteArrayList {"261125143000W 00100.000 -", "261125143500W 00100.100 1.2",
               "632525252525W 00100.200 1.2", "261125144000W 00100.200 1.2"};
    // 02:55 summer time is 00:55 UTC, 02:00 winter time 01:00 UTC: five minutes later.
    QTest::newRow("across-dst-end")
        << QByteArrayList {"261025025500S 00010.000 -", "261025020000W 00010.100 1.2"};
}

void TestVenusMapping::gasFlow()
{
    QFETCH(QByteArrayList, steps);
    VenusMapper mapper;
    GasValues gas;
    int n = 0;
    for (const QByteArray &step : steps) {
        ++n;
        const QByteArrayList parts = step.split(' ');
        QCOMPARE(parts.size(), 3);
        const Reading reading = readingOf(
            dsmr5ThreePhase("261125143015W", parts[0].toStdString(), parts[1].toStdString()));
        QVERIFY(mapper.mapGas(reading, gas));
        const QByteArray where = "step " + QByteArray::number(n) + " (" + step + ")";
        if (parts[2] == "-") {
            QVERIFY2(!gas[GasPath::Flow].valid(), where.constData());
        } else {
            QVERIFY2(gas[GasPath::Flow].kind == ValueKind::Double, where.constData());
            const double expected = parts[2].toDouble();
            if (qAbs(gas[GasPath::Flow].number - expected) > 1e-9)
                QFAIL(QByteArray(
                    where + ": flow " + QByteArray::number(gas[GasPath::Flow].number, 'g', 17))
                          .constData());
        }
    }
}

void TestVenusMapping::resetForgetsFlow()
{
    VenusMapper mapper;
    GasValues gas;
    QVERIFY(mapper.mapGas(
        readingOf(dsmr5ThreePhase("261125143015W", "261125143000W", "00100.000")), gas));
    QVERIFY(mapper.mapGas(
        readingOf(dsmr5ThreePhase("261125143515W", "261125143500W", "00100.100")), gas));
    QVERIFY(gas[GasPath::Flow].valid());
    mapper.reset();
    QVERIFY(mapper.mapGas(
        readingOf(dsmr5ThreePhase("261125144015W", "261125144000W", "00100.200")), gas));
    QVERIFY(!gas[GasPath::Flow].valid());
    // A telegram without gas keeps the history: the next gas sample still has a flow.
    QVERIFY(!mapper.mapGas(readingOf(dsmr5SinglePhase()), gas));
    QVERIFY(mapper.mapGas(
        readingOf(dsmr5ThreePhase("261125144515W", "261125144500W", "00100.300")), gas));
    QCOMPARE(gas[GasPath::Flow].number, 1.2);
}

void TestVenusMapping::water_data()
{
    QTest::addColumn<QByteArray>("bytes");
    // Per water meter, in channel order: its expectations.
    QTest::addColumn<QList<QByteArrayList>>("expected");

    QTest::newRow("belgium-ch2") << QByteArray::fromStdString(belgiumFluvius())
                                 << QList<QByteArrayList> {{"/Aggregate=d:872.234",
                                        "/Serial=s:8SAG1234567890", "/P1/Channel=i:2",
                                        "/P1/CaptureTime=s:2026-11-25T14:30:00+01:00", "/Flow=-"}};
    QTest::newRow("two-water-meters")
        << QByteArray::fromStdString(buildTelegram("XXX5W2",
               {"0-1:24.1.0(003)", "0-1:24.2.1(261125143000W)(00100.000*m3)", "0-2:24.1.0(007)",
                   "0-2:96.1.0(5731)", "0-2:24.2.1(261125143000W)(00010.500*m3)", "0-4:24.1.0(007)",
                   "0-4:96.1.0(5734)", "0-4:24.2.1(261125143000W)(00020.250*m3)"}))
        << QList<QByteArrayList> {{"/Aggregate=d:10.5", "/P1/Channel=i:2", "/Serial=s:W1"},
               {"/Aggregate=d:20.25", "/P1/Channel=i:4", "/Serial=s:W4"}};
    QTest::newRow("water-zero-without-unit")
        << QByteArray::fromStdString(
               buildTelegram("XXX5W0", {"0-3:24.1.0(007)", "0-3:24.2.1(261125143000W)(0)"}))
        << QList<QByteArrayList> {{"/Aggregate=d:0", "/P1/Channel=i:3", "/Serial=-"}};
    QTest::newRow("gas-is-not-water")
        << QByteArray::fromStdString(dsmr5ThreePhase()) << QList<QByteArrayList> {};
    QTest::newRow("heat-is-not-water")
        << QByteArray::fromStdString(heatGJ()) << QList<QByteArrayList> {};
    QTest::newRow("untyped-m3-is-not-water") << QByteArray::fromStdString(
        buildTelegram("XXX5U", {"0-2:24.2.1(261125143000W)(00010.500*m3)"}))
                                             << QList<QByteArrayList> {};
    QTest::newRow("water-typed-in-gj-is-not-water") << QByteArray::fromStdString(
        buildTelegram("XXX5WJ", {"0-2:24.1.0(007)", "0-2:24.2.1(261125143000W)(1.5*GJ)"}))
                                                    << QList<QByteArrayList> {};
}

void TestVenusMapping::water()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QList<QByteArrayList>, expected);
    VenusMapper mapper;
    WaterValues water;
    // Stale meters from an earlier telegram must not survive.
    QCOMPARE(mapper.mapWater(readingOf(belgiumFluvius()), water), std::size_t(1));
    QCOMPARE(mapper.mapWater(readingOf(bytes.toStdString()), water), std::size_t(expected.size()));
    QCOMPARE(water.count, std::size_t(expected.size()));
    QCOMPARE(water.valid().size(), std::size_t(expected.size()));
    for (qsizetype i = 0; i < expected.size(); ++i)
        verify(water.meters.at(std::size_t(i)), expected.at(i));
    for (std::size_t i = water.count; i < water.meters.size(); ++i)
        QVERIFY(!water.meters.at(i)[GasPath::Aggregate].valid());
}

void TestVenusMapping::waterFlowPerChannel()
{
    // Two water meters and a gas meter: each flow from its own meter's readings.
    const auto telegram = [](const char *capture, const char *gas, const char *w2, const char *w3) {
        return readingOf(buildTelegram("XXX5FLOW",
            {"0-1:24.1.0(003)", std::string("0-1:24.2.1(") + capture + ")(" + gas + "*m3)",
                "0-2:24.1.0(007)", std::string("0-2:24.2.1(") + capture + ")(" + w2 + "*m3)",
                "0-3:24.1.0(007)", std::string("0-3:24.2.1(") + capture + ")(" + w3 + "*m3)"}));
    };
    VenusMapper mapper;
    GasValues gas;
    WaterValues water;
    Reading r = telegram("261125143000W", "00100.000", "00010.000", "00020.000");
    QVERIFY(mapper.mapGas(r, gas));
    QCOMPARE(mapper.mapWater(r, water), std::size_t(2));
    QVERIFY(!water.meters[0][GasPath::Flow].valid());
    r = telegram("261125143500W", "00100.100", "00010.050", "00020.000");
    QVERIFY(mapper.mapGas(r, gas));
    QCOMPARE(mapper.mapWater(r, water), std::size_t(2));
    QCOMPARE(gas[GasPath::Flow].number, 1.2);
    QCOMPARE(water.meters[0][GasPath::Flow].number, 0.6);
    QCOMPARE(water.meters[1][GasPath::Flow].number, 0.0);
    QCOMPARE(water.meters[1][GasPath::P1Channel].integer, 3);
    mapper.reset();
    r = telegram("261125144000W", "00100.200", "00010.100", "00020.100");
    QCOMPARE(mapper.mapWater(r, water), std::size_t(2));
    QVERIFY(!water.meters[0][GasPath::Flow].valid());
}

QTEST_GUILESS_MAIN(TestVenusMapping)
#include "tst_venusmapping.moc"
