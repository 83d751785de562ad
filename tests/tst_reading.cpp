#include "reading.h"
#include "sampletelegrams.h"
#include "telegram.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <map>
#include <string>

using namespace p1;
using namespace p1::test;

namespace {

// The frame text as the framer would hand it over: from '/' up to the footer's '!' and its CRC
// digits, without the line end or what a gateway appends after it.
std::string frameOf(std::string_view bytes)
{
    const auto start = bytes.find('/');
    if (start == std::string_view::npos)
        return {};
    auto bang = bytes.find("\n!", start);
    if (bang == std::string_view::npos)
        return std::string(bytes.substr(start));
    auto end = bang + 2;
    while (end < bytes.size() && std::isxdigit(static_cast<unsigned char>(bytes[end])))
        ++end;
    return std::string(bytes.substr(start, end - start));
}

// Exact decimal text without trailing fraction zeros ("4567.890" -> "4567.89", "500" stays).
std::string text(const std::optional<Decimal> &value)
{
    if (!value)
        return "-";
    std::string s = value->toString();
    if (s.find('.') != std::string::npos) {
        while (!s.empty() && s.back() == '0')
            s.pop_back();
        if (!s.empty() && s.back() == '.')
            s.pop_back();
    }
    return s;
}

std::string text(const std::optional<std::int32_t> &value)
{
    return value ? std::to_string(*value) : std::string("-");
}

std::string text(const Timestamp &ts)
{
    if (!ts.present)
        return "-";
    if (!ts.valid)
        return "invalid";
    return ts.toIso8601();
}

std::string text(std::string_view s)
{
    return s.empty() ? std::string("-") : std::string(s);
}

std::string text(Unit unit)
{
    const auto symbol = unitSymbol(unit);
    return symbol.empty() ? std::string("none") : std::string(symbol);
}

using Fields = std::map<std::string, std::string>;

// Every field of a Reading as "key" -> exact text; absent fields are not in the map, so the
// rows say "-" for "must be absent".
Fields dump(const Reading &r)
{
    Fields d;
    auto put = [&d](const std::string &key, const std::string &value) {
        if (value != "-")
            d[key] = value;
    };
    put("ident", text(r.ident));
    put("version", text(r.version));
    put("flavour",
        r.flavour == Flavour::Belgium         ? "belgium"
            : r.flavour == Flavour::EasyMeter ? "easymeter"
                                              : "dsmr");
    put("timestamp", text(r.timestamp));
    put("equipmentId", text(r.equipmentId));
    for (std::size_t i = 0; i < 5; ++i) {
        put("import." + std::to_string(i), text(r.energyImport[i]));
        put("export." + std::to_string(i), text(r.energyExport[i]));
    }
    put("powerImport", text(r.powerImport));
    put("powerExport", text(r.powerExport));
    for (std::size_t i = 0; i < 3; ++i) {
        const PhaseReading &p = r.phases[i];
        const std::string l = "L" + std::to_string(i + 1) + ".";
        put(l + "import", text(p.powerImport));
        put(l + "export", text(p.powerExport));
        put(l + "voltage", text(p.voltage));
        put(l + "current", text(p.current));
        put(l + "sags", text(p.voltageSags));
        put(l + "swells", text(p.voltageSwells));
    }
    put("tariff", text(r.tariff));
    const auto low = r.lowTariff();
    put("lowTariff", !low ? "-" : *low ? "low" : "normal");
    put("powerFailures", text(r.powerFailures));
    put("longPowerFailures", text(r.longPowerFailures));
    put("breaker", text(r.breakerState));
    put("averageDemand", text(r.averageDemand));
    put("maximumDemandMonth", text(r.maximumDemandMonth));
    if (r.hasTextMessage)
        d["text"] = r.textMessage;
    put("totalImport", text(r.totalImport()));
    put("totalExport", text(r.totalExport()));
    put("netPower", text(r.netPower()));
    for (const MbusChannel &ch : r.mbus) {
        if (!ch.present)
            continue;
        const std::string m = "m" + std::to_string(ch.channel) + ".";
        d[m + "type"] = std::to_string(ch.deviceType);
        put(m + "id", text(ch.equipmentId));
        put(m + "value", text(ch.value));
        if (ch.value)
            put(m + "unit", text(ch.unit));
        put(m + "captureTime", text(ch.captureTime));
    }
    if (const MbusChannel *gas = r.gas())
        d["gas"] = std::to_string(gas->channel);
    return d;
}

void verify(const Fields &actual, const QByteArrayList &expected)
{
    for (const QByteArray &e : expected) {
        const auto eq = e.indexOf('=');
        QVERIFY2(eq > 0, e.constData());
        const std::string key = e.left(eq).toStdString();
        const std::string want = e.mid(eq + 1).toStdString();
        const auto it = actual.find(key);
        const std::string got = it == actual.end() ? std::string("-") : it->second;
        if (got != want)
            QFAIL(qPrintable(QStringLiteral("%1: got \"%2\", expected \"%3\"")
                                 .arg(QString::fromStdString(key), QString::fromStdString(got),
                                     QString::fromStdString(want))));
    }
}

void fillFrom(const std::string &frame, Telegram &telegram, Reading &reading)
{
    QCOMPARE(Parser::parse(frame, telegram), ParseError::None);
    reading.fill(telegram);
}

std::string telegram(std::string_view ident, const std::vector<std::string> &lines)
{
    return frameOf(buildTelegram(ident, lines));
}

} // namespace

class TestReading : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void samples_data();
    void samples();
    void conformance_data();
    void conformance();
    void lowTariff_data();
    void lowTariff();
    void netPowerIsNeverAHalf_data();
    void netPowerIsNeverAHalf();
    void reuseForgetsPreviousTelegram();
    void clearEmptiesEverything();
};

void TestReading::samples_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArrayList>("expected");
    auto row = [](const char *name, const std::string &t, const QByteArrayList &expected) {
        QTest::newRow(name) << QByteArray::fromStdString(frameOf(t)) << expected;
    };

    row("dsmr5-three-phase", dsmr5ThreePhase(),
        {"ident=Ene5\\T210-D ESMR5.0", "version=50", "flavour=dsmr",
            "timestamp=2026-11-25T14:30:15+01:00", "equipmentId=E0062000013122923", "import.0=-",
            "import.1=1234567", "import.2=2345678", "import.3=-", "export.0=-", "export.1=123456",
            "export.2=234567", "totalImport=3580245", "totalExport=358023", "powerImport=884",
            "powerExport=0", "netPower=884", "L1.import=500", "L1.export=0", "L1.voltage=230.1",
            "L1.current=2", "L1.sags=4", "L1.swells=0", "L2.import=634", "L2.export=0",
            "L2.voltage=231.5", "L2.current=3", "L2.sags=2", "L2.swells=1", "L3.import=0",
            "L3.export=250", "L3.voltage=229.8", "L3.current=1", "L3.sags=1", "L3.swells=0",
            "tariff=2", "lowTariff=normal", "powerFailures=12", "longPowerFailures=3", "breaker=-",
            "averageDemand=-", "text=Hello from the grid/operator", "m1.type=3",
            "m1.id=G0039001936990619", "m1.value=4567.89", "m1.unit=m3",
            "m1.captureTime=2026-11-25T14:30:00+01:00", "m2.type=-", "gas=1"});

    row("dsmr5-single-phase", dsmr5SinglePhase(),
        {"ident=ISK5\\2M550E-1012", "version=50", "timestamp=2026-06-01T12:15:00+02:00",
            "equipmentId=E0043007052870318", "import.1=576239", "import.2=465162",
            "export.1=100001", "export.2=200002", "totalImport=1041401", "totalExport=300003",
            "tariff=1", "lowTariff=low", "powerImport=0", "powerExport=1250", "netPower=-1250",
            "L1.import=0", "L1.export=1250", "L1.voltage=236.1", "L1.current=5", "L1.sags=6",
            "L1.swells=1", "L2.import=-", "L2.voltage=-", "L2.current=-", "L3.sags=-",
            "powerFailures=9", "longPowerFailures=8", "text=", "m1.type=-", "gas=-"});

    row("dsmr42-kaifa", dsmr42(),
        {"version=42", "timestamp=2026-11-25T14:30:10+01:00", "equipmentId=E0026000024153615",
            "import.1=6285065", "import.2=6758327", "export.1=10000", "export.2=20000",
            "totalImport=13043392", "totalExport=30000", "tariff=1", "lowTariff=low",
            "powerImport=335", "netPower=335", "L1.import=254", "L2.import=81", "L3.import=0",
            "L1.voltage=-", "L1.current=1", "L2.current=0", "L3.current=0", "L1.sags=2",
            "powerFailures=3", "longPowerFailures=4", "text=", "m1.type=3",
            "m1.id=G0025003276855515", "m1.value=4836.851", "m1.unit=m3",
            "m1.captureTime=2026-11-25T14:00:00+01:00", "gas=1"});

    row("dsmr40-landisgyr-summer", dsmr40(),
        {"version=40", "timestamp=2026-07-01T19:29:59+02:00", "equipmentId=K8EG004046395507",
            "import.1=510747", "export.1=123", "import.2=500013", "export.2=123456",
            "totalImport=1010760", "totalExport=123579", "tariff=1", "lowTariff=low",
            "powerImport=0", "powerExport=444", "netPower=-444", "breaker=1", "L1.import=111",
            "L2.export=222", "L3.export=333", "L1.current=0", "L2.current=1", "L3.current=1",
            "powerFailures=3", "longPowerFailures=0", "m1.id=2222ABCD123456789", "m1.value=845.206",
            "m1.captureTime=2026-07-01T19:00:00+02:00", "gas=1"});

    row("dsmr30-profile-gas-17.0.0-in-A", dsmr30(),
        {"ident=ISk5\\2MT382-1000", "version=-", "timestamp=-", "equipmentId=K8EG004046395507",
            "import.1=12345678", "import.2=23456789", "export.1=12345", "export.2=23456",
            "totalImport=35802467", "totalExport=35801", "tariff=2", "lowTariff=normal",
            "powerImport=1190", "powerExport=0", "netPower=1190", "breaker=1", "text=Tariff change",
            "L1.import=-", "L1.current=-", "m1.type=3", "m1.id=2222ABCD123456789",
            "m1.value=1234.567", "m1.unit=m3", "m1.captureTime=2026-02-12T16:00:00+01:00",
            "gas=1"});

    const QByteArrayList dsmr22Expected {"ident=KMP5 ZABF001587315111", "version=-",
        "equipmentId=ZBEV005091207612", "import.1=185000", "import.2=84000", "export.1=13000",
        "export.2=19000", "totalImport=269000", "totalExport=32000", "tariff=1", "lowTariff=low",
        "powerImport=980", "netPower=980", "breaker=1", "text=", "m1.type=-", "m2.type=3",
        "m2.id=28101E61708803q1", "m2.value=124.477", "m2.unit=m3",
        "m2.captureTime=2026-01-17T02:00:00+01:00", "gas=2"};
    row("dsmr22-gas-ch2", dsmr22(true), dsmr22Expected);
    row("dsmr22-no-blank-line", dsmr22(false), dsmr22Expected);

    row("belgium-fluvius", belgiumFluvius(),
        {"ident=FLU5\\253769484_A", "version=50217", "flavour=belgium",
            "timestamp=2026-11-25T14:30:15+01:00", "equipmentId=1SAG3101021605", "import.1=123034",
            "import.2=215758", "export.1=50000", "export.2=11", "totalImport=338792",
            "totalExport=50011", "tariff=1", "lowTariff=normal", "averageDemand=2351",
            "maximumDemandMonth=3589", "powerImport=1500", "netPower=1500", "L1.import=700",
            "L2.import=500", "L3.import=300", "L1.voltage=234.7", "L2.voltage=233.9",
            "L3.voltage=235.2", "L1.current=3.02", "L2.current=2.15", "L3.current=1.3", "breaker=1",
            "text=", "m1.type=3", "m1.id=7FLO2119033733", "m1.value=112.384", "m1.unit=m3",
            "m1.captureTime=2026-11-25T14:30:00+01:00", "m2.type=7", "m2.id=8SAG1234567890",
            "m2.value=872.234", "m2.unit=m3", "gas=1"});

    row("luxembourg-smarty", luxembourgSmarty(),
        {"version=42", "equipmentId=SAG1030700012701", "import.0=273764", "export.0=12743030",
            "import.1=-", "totalImport=273764", "totalExport=12743030", "powerImport=0",
            "powerExport=897", "netPower=-897", "breaker=1", "powerFailures=1067",
            "longPowerFailures=-", "tariff=-", "lowTariff=-", "L1.sags=14", "L2.sags=15",
            "L3.sags=12", "L1.voltage=231", "L2.voltage=229", "L3.voltage=230", "L1.current=1",
            "L1.export=319", "L2.export=300", "L3.export=278", "text=", "m1.id=FLO182370120350",
            "m1.value=14239.771", "m1.captureTime=2026-11-25T14:00:00+01:00", "gas=1"});

    row("sweden-kamstrup", swedenKamstrup(),
        {"ident=KAM5", "version=-", "equipmentId=-", "timestamp=2026-11-25T14:30:15+01:00",
            "import.0=12345678", "export.0=456789", "totalImport=12345678", "totalExport=456789",
            "powerImport=1234", "powerExport=0", "netPower=1234", "L1.import=400", "L2.import=500",
            "L3.import=334", "L1.voltage=238", "L2.voltage=238.5", "L3.voltage=240.7",
            "L1.current=1.7", "L2.current=2.1", "L3.current=1.4", "gas=-"});

    row("austria-wh", austriaWh(),
        {"version=50", "equipmentId=-", "import.0=6545766", "import.1=5017120", "import.2=1528646",
            "export.0=58", "export.1=0", "export.2=58", "totalImport=6545766", "totalExport=58",
            "powerImport=286", "powerExport=0", "netPower=286", "L1.import=-", "gas=-"});

    row("easymeter-q3d", easyMeterQ3D(),
        {"ident=ESY5Q3DB1024 V3.04", "flavour=easymeter", "equipmentId=1ESY1160003456",
            "timestamp=-", "import.0=12345678.9012", "export.0=1234567.8901",
            "totalImport=12345678.9012", "L1.import=123.45", "L2.import=234.56", "L3.import=345.67",
            "L1.export=-", "powerImport=703.68", "netPower=703.68", "gas=-"});

    row("heat-gj-not-gas", heatGJ(),
        {"ident=NWA-WARMTELINK", "equipmentId=ADC3100000123456", "m1.type=4",
            "m1.id=621848012D2C0B0C", "m1.value=123.456", "m1.unit=GJ", "netPower=-",
            "totalImport=-", "gas=-"});

    // Iskra AM550: an empty type-3 placeholder on channel 1, the real gas meter on channel 2.
    row("gas-ch2-placeholder-ch1",
        buildTelegram("ISK5\\2M550T-1012",
            {"1-3:0.2.8(50)", "0-0:1.0.0(261125143015W)", "1-0:1.7.0(00.111*kW)", "0-1:24.1.0(003)",
                "0-1:96.1.0()", "0-1:24.2.1(700101010000W)(00000000)", "0-2:24.1.0(003)",
                "0-2:96.1.0(4730303339303031393336393930363139)",
                "0-2:24.2.1(261125143001W)(00246.138*m3)"}),
        {"m1.type=3", "m1.id=-", "m1.value=0", "m1.unit=none", "m1.captureTime=invalid",
            "m2.type=3", "m2.id=G0039001936990619", "m2.value=246.138",
            "m2.captureTime=2026-11-25T14:30:01+01:00", "gas=2"});

    row("gas-untyped-m3",
        buildTelegram(
            "XXX5GAS", {"0-1:96.1.0(4730303339)", "0-1:24.2.1(261125140000W)(00012.345*m3)"}),
        {"m1.type=-1", "m1.id=G0039", "m1.value=12.345", "m1.unit=m3", "gas=1"});

    row("untyped-m3-beside-water-not-gas",
        buildTelegram("XXX5WATER",
            {"0-1:24.1.0(007)", "0-1:24.2.1(261125140000W)(00001.000*m3)",
                "0-2:24.2.1(261125140000W)(00002.000*m3)"}),
        {"m1.type=7", "m2.type=-1", "m2.value=2", "gas=-"});

    row("typed-gas-in-gj-not-gas",
        buildTelegram("XXX5ODD", {"0-1:24.1.0(003)", "0-1:24.2.1(261125140000W)(00001.000*GJ)"}),
        {"m1.type=3", "m1.unit=GJ", "gas=-"});

    row("channel-5-ignored",
        buildTelegram("XXX5CH5", {"0-5:24.1.0(003)", "0-5:24.2.1(261125140000W)(00001.000*m3)"}),
        {"m1.type=-", "m4.type=-", "gas=-"});

    // A value in a unit foreign to its code must not land in the field (17.0.0 in A vs kW is the
    // real case; here every field gets one). A unitless zero is fine, a unitless number is not.
    row("wrong-units-ignored",
        buildTelegram("XXX5UNITS",
            {"1-0:1.7.0(01.000*A)", "1-0:2.7.0(00.500*kW)", "1-0:1.8.1(000100.000*kvarh)",
                "1-0:1.8.2(000200.000*kWh)", "1-0:2.8.1(000001.000*kW)", "1-0:32.7.0(230*A)",
                "1-0:31.7.0(005*V)", "1-0:21.7.0(00.100*kVA)", "1-0:22.7.0(00.000)",
                "1-0:42.7.0(00.120)", "1-0:52.7.0(231.0*V)", "1-0:1.4.0(02.000*kWh)",
                "1-0:1.6.0(261109134558W)(03.589*A)"}),
        {"powerImport=-", "powerExport=500", "netPower=-", "import.1=-", "import.2=200000",
            "totalImport=200000", "export.1=-", "totalExport=-", "L1.voltage=-", "L1.current=-",
            "L1.import=-", "L1.export=0", "L2.export=-", "L2.voltage=231", "averageDemand=-",
            "maximumDemandMonth=-"});

    row("invalid-timestamps-kept", dsmr5ThreePhase("000101000001W", "632525252525W"),
        {"timestamp=invalid", "m1.captureTime=invalid", "m1.value=4567.89", "gas=1",
            "import.1=1234567", "netPower=884"});
    row("all-zero-timestamp", dsmr5ThreePhase("000000000000W", "700101010000W"),
        {"timestamp=invalid", "m1.captureTime=invalid", "gas=1"});
    row("lowercase-dst-flag", dsmr5ThreePhase("261125143015w", "260701190000s"),
        {"timestamp=2026-11-25T14:30:15+01:00", "m1.captureTime=2026-07-01T19:00:00+02:00"});

    // Equipment id precedence: 96.1.1, 42.0.0, 96.1.0, 96.1.255, 1-0:0.0.0, whatever the order.
    row("id-42.0.0-over-96.1.0",
        buildTelegram(
            "XXX5IDS", {"1-0:0.0.0(SERIAL)", "0-0:96.1.0(ALT)", "0-0:42.0.0(4C4F47494341)"}),
        {"equipmentId=LOGICA"});
    row("id-96.1.1-wins-when-last",
        buildTelegram(
            "XXX5IDS", {"0-0:42.0.0(LOGICAL)", "0-0:96.1.0(ALT)", "0-0:96.1.1(4D41494E)"}),
        {"equipmentId=MAIN"});
    row("id-96.1.0-alone", buildTelegram("XXX5IDS", {"0-0:96.1.0(3132333435)"}),
        {"equipmentId=12345"});
    row("id-empty-96.1.1-falls-back",
        buildTelegram("XXX5IDS", {"0-0:96.1.1()", "1-0:0.0.0(0273011003456)"}),
        {"equipmentId=0273011003456"});
    row("id-hex-lowercase", buildTelegram("XXX5IDS", {"0-0:96.1.1(45303034333030)"}),
        {"equipmentId=E004300"});
    row("id-hex-not-printable-kept", buildTelegram("XXX5IDS", {"0-0:96.1.1(ADC3100000158491)"}),
        {"equipmentId=ADC3100000158491"});
    row("id-odd-length-kept", buildTelegram("XXX5IDS", {"0-0:96.1.1(453030343)"}),
        {"equipmentId=453030343"});

    row("text-plain-kept", buildTelegram("XXX5TEXT", {"0-0:96.13.0(Storing gepland 12:00)"}),
        {"text=Storing gepland 12:00"});
    row("text-hex-wrapped", buildTelegram("XXX5TEXT", {"0-0:96.13.0(48656C6C6F20", "776F726C64)"}),
        {"text=Hello world"});
    row("text-absent", buildTelegram("XXX5TEXT", {"1-0:1.7.0(00.100*kW)"}), {"text=-"});

    row("flavour-belgium-from-ident", buildTelegram("FLU5\\253769484_A", {"0-0:96.14.0(0002)"}),
        {"flavour=belgium", "version=-", "lowTariff=low"});
    row("flavour-belgium-from-96.1.4",
        buildTelegram("XXX5BE", {"0-0:96.1.4(50217)", "0-0:96.14.0(0001)"}),
        {"flavour=belgium", "version=50217", "lowTariff=normal"});
    row("phases-only-net-power",
        buildTelegram(
            "XXX5PH", {"1-0:21.7.0(00.500*kW)", "1-0:22.7.0(00.000*kW)", "1-0:42.7.0(00.700*kW)"}),
        {"powerImport=-", "netPower=-200", "L2.export=700"});
    row("tariffs-3-4-summed",
        buildTelegram("SAG5HU",
            {"1-0:1.8.1(000001.000*kWh)", "1-0:1.8.2(000002.000*kWh)", "1-0:1.8.3(000003.000*kWh)",
                "1-0:1.8.4(000004.000*kWh)", "1-0:2.8.3(000000.500*kWh)"}),
        {"import.3=3000", "import.4=4000", "totalImport=10000", "export.3=500", "totalExport=500"});
}

void TestReading::samples()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArrayList, expected);
    const std::string frame = bytes.toStdString();
    Telegram telegram;
    Reading reading;
    fillFrom(frame, telegram, reading);
    verify(dump(reading), expected);
}

void TestReading::conformance_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArrayList>("expected");

    QTest::newRow("v5-nl-iskra-gas-on-ch2")
        << QStringLiteral("v5_nl_iskra_am550_gas_on_ch2.txt")
        << QByteArrayList {"equipmentId=E0044007382246019", "m1.type=3", "m1.value=0",
               "m1.captureTime=invalid", "m2.value=246.138", "m2.unit=m3",
               "m2.captureTime=2020-04-26T22:30:01+02:00", "gas=2", "netPower=111", "L1.import=56",
               "L3.import=55", "L3.sags=192"};
    QTest::newRow("v5-be-fluvius-v171")
        << QStringLiteral("v5_be_fluvius_v171.txt")
        << QByteArrayList {"flavour=belgium", "version=50217", "equipmentId=1SAG3101021605",
               "import.2=15758", "averageDemand=2351", "maximumDemandMonth=2589",
               "lowTariff=normal", "m1.value=112.384", "m1.id=7FLO2119033733", "m2.type=7",
               "m2.value=872.234", "gas=1"};
    QTest::newRow("v5-be-fluvius-invalid-ts-in-history")
        << QStringLiteral("v5_be_fluvius_v171_invalid_ts.txt")
        << QByteArrayList {"timestamp=2023-11-02T12:15:48+01:00", "maximumDemandMonth=3064",
               "averageDemand=52", "L2.current=0.88", "m1.value=92.287", "gas=1"};
    QTest::newRow("v5-nl-warmtelink-heat")
        << QStringLiteral("v5_nl_warmtelink_heat_gj_unpadded_crc.txt")
        << QByteArrayList {"equipmentId=ADC3100000158491", "m1.type=4", "m1.id=621848012D2C0B0C",
               "m1.value=240.86", "m1.unit=GJ", "gas=-"};
    QTest::newRow("v2.2-iskra-gas-ch2")
        << QStringLiteral("v2_2_iskra_mt382_gas_ch2.txt")
        << QByteArrayList {"equipmentId=ZBEV005106844912", "import.1=16719940", "tariff=2",
               "powerImport=890", "m2.type=3", "m2.value=13368.864",
               "m2.captureTime=2021-11-22T21:00:00+01:00", "gas=2"};
    QTest::newRow("v2.2-landisgyr-gas-24.2.0")
        << QStringLiteral("v2_2_landisgyr_xmx_gas_24_2_0.txt")
        << QByteArrayList {"equipmentId=0123456789", "powerExport=620", "netPower=-620",
               "m1.id=0123456789", "m1.value=5271.144", "gas=1"};
    // The text message is one value split over two literals, not two values.
    // NOLINTBEGIN(bugprone-suspicious-missing-comma)
    QTest::newRow("v3-multiline") << QStringLiteral("v3_multiline_values.txt")
                                  << QByteArrayList {"m1.type=-1", "m1.value=124.477", "m1.unit=m3",
                                         "gas=1",
                                         "text=0123456789:;<=>?0123456789:;<=>?0123456789:;<=>?"
                                         "0123456789:;<=>?0123456789:;<=>?"};
    QTest::newRow("v3-spec") << QStringLiteral("v3_spec_example.txt")
                             << QByteArrayList {"equipmentId=K8EG004046395507", "powerImport=1190",
                                    "text=0123456789:;<=>?0123456789:;<=>?0123456789:;<=>?"
                                    "0123456789:;<=>?0123456789:;<=>?",
                                    "m1.value=1.001", "m1.captureTime=2009-02-12T16:00:00+01:00",
                                    "gas=1"};
    // NOLINTEND(bugprone-suspicious-missing-comma)
    QTest::newRow("v4.0-lowercase-dst")
        << QStringLiteral("v4_0_landisgyr_e350_lowercase_dst.txt")
        << QByteArrayList {"equipmentId=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "netPower=69",
               "L3.export=999", "m1.captureTime=2015-07-01T19:00:00+02:00", "gas=1"};
    QTest::newRow("v5-at-wh-units")
        << QStringLiteral("v5_at_sagemcom_t210dr_wh_units.txt")
        << QByteArrayList {"import.0=6545766", "import.1=5017120", "export.0=58",
               "totalImport=6545766", "powerImport=286", "netPower=286", "equipmentId=-"};
    QTest::newRow("v5-lu-smarty") << QStringLiteral("v5_lu_smarty_plain.txt")
                                  << QByteArrayList {"equipmentId=SAG1030700012701",
                                         "totalImport=273764", "totalExport=112743030",
                                         "netPower=-897", "L3.export=277", "m1.value=14239.771",
                                         "gas=1"};
    QTest::newRow("v5-se-kamstrup") << QStringLiteral("v5_se_kamstrup_lf_after_crc.txt")
                                    << QByteArrayList {"totalImport=3997", "totalExport=0",
                                           "netPower=0", "L3.voltage=240.7", "L1.current=0"};
    QTest::newRow("v5-nl-mcs-zero-timestamps")
        << QStringLiteral("v5_nl_mcs_zero_timestamps.txt")
        << QByteArrayList {"timestamp=invalid", "equipmentId=00000000000000000", "m1.type=-1",
               "m1.value=0", "m1.unit=none", "gas=-", "netPower=96"};
    QTest::newRow("de-easymeter") << QStringLiteral("de_easymeter_q3d_trailing_garbage.txt")
                                  << QByteArrayList {"flavour=easymeter",
                                         "equipmentId=1ESY1313002565", "import.0=52185782.5309",
                                         "powerImport=2124.86", "L1.import=747.85"};
}

void TestReading::conformance()
{
    QFETCH(QString, file);
    QFETCH(QByteArrayList, expected);
    QFile f(QDir(QStringLiteral(P1_CONFORMANCE_DIR)).filePath(file));
    if (!f.open(QIODevice::ReadOnly))
        QSKIP("conformance telegrams not available");
    const QByteArray bytes = f.readAll();
    const std::string frame =
        frameOf(std::string_view(bytes.constData(), std::size_t(bytes.size())));
    Telegram telegram;
    Reading reading;
    fillFrom(frame, telegram, reading);
    verify(dump(reading), expected);
}

void TestReading::lowTariff_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("expected");
    auto row = [](const char *name, std::string_view ident, const char *tariffLine,
                   const char *expected) {
        std::vector<std::string> lines;
        if (tariffLine)
            lines.emplace_back(tariffLine);
        lines.emplace_back("1-0:1.7.0(00.100*kW)");
        QTest::newRow(name) << QByteArray::fromStdString(telegram(ident, lines))
                            << QByteArray(expected);
    };
    row("nl-1-low", "ISK5\\2M550T", "0-0:96.14.0(0001)", "low");
    row("nl-2-normal", "ISK5\\2M550T", "0-0:96.14.0(0002)", "normal");
    row("be-1-day", "FLU5\\253769484_A", "0-0:96.14.0(0001)", "normal");
    row("be-2-night", "FLU5\\253769484_A", "0-0:96.14.0(0002)", "low");
    row("easymeter-like-nl", "ESY5Q3D", "0-0:96.14.0(0001)", "low");
    row("nl-3-unknown", "ISK5\\2M550T", "0-0:96.14.0(0003)", "-");
    row("nl-garbage", "ISK5\\2M550T", "0-0:96.14.0(00x1)", "-");
    row("absent", "ISK5\\2M550T", nullptr, "-");
}

void TestReading::lowTariff()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, expected);
    Telegram telegram;
    Reading reading;
    fillFrom(bytes.toStdString(), telegram, reading);
    verify(dump(reading), {"lowTariff=" + expected});
}

void TestReading::netPowerIsNeverAHalf_data()
{
    QTest::addColumn<QByteArray>("ident");
    QTest::addColumn<QByteArrayList>("lines");
    QTest::addColumn<QByteArray>("expected"); // "-" for none

    const auto row = [](const char *name, const char *ident,
                         std::initializer_list<const char *> lines, const char *expected) {
        QByteArrayList l;
        for (const char *line : lines)
            l << QByteArray(line);
        QTest::newRow(name) << QByteArray(ident) << l << QByteArray(expected);
    };
    // Import and export of all three phases: 120 + 40 + 25 = 185 W.
    const char *const p1i = "1-0:21.7.0(00.120*kW)";
    const char *const p1e = "1-0:22.7.0(00.000*kW)";
    const char *const p2i = "1-0:41.7.0(00.040*kW)";
    const char *const p2e = "1-0:42.7.0(00.000*kW)";
    const char *const p3i = "1-0:61.7.0(00.025*kW)";
    const char *const p3e = "1-0:62.7.0(00.000*kW)";
    row("both-totals", "XXX5NET", {"1-0:1.7.0(00.300*kW)", "1-0:2.7.0(00.100*kW)", p1i, p1e},
        "200");
    row("both-totals-exporting", "XXX5NET", {"1-0:1.7.0(00.000*kW)", "1-0:2.7.0(01.250*kW)"},
        "-1250");
    row("export-total-only-takes-the-phases", "XXX5NET",
        {"1-0:2.7.0(00.000*kW)", p1i, p1e, p2i, p2e, p3i, p3e}, "185");
    row("import-total-only-takes-the-phases", "XXX5NET",
        {"1-0:1.7.0(00.999*kW)", p1i, p1e, p2i, p2e, p3i, p3e}, "185");
    row("export-total-only-no-phases", "XXX5NET", {"1-0:2.7.0(00.500*kW)"}, "-");
    row("import-total-only-no-phases", "XXX5NET", {"1-0:1.7.0(00.500*kW)"}, "-");
    row("phases-only", "XXX5NET", {p1i, p1e, p2i, p2e, p3i, p3e}, "185");
    row("single-phase-meter", "XXX5NET", {p1i, p1e, "1-0:32.7.0(230.0*V)"}, "120");
    row("a-phase-without-power", "XXX5NET", {p1i, p1e, p2i, p2e, "1-0:72.7.0(231.0*V)"}, "-");
    row("a-phase-with-import-only-counts", "XXX5NET", {p1i, p2i, p3i}, "185");
    row("nothing", "XXX5NET", {"1-0:1.8.1(000001.000*kWh)"}, "-");
    // EasyMeter Q3D: 1-0:1.7.0*255 is its signed total, and it never sends 2.7.0.
    row("easymeter-signed-total", "ESY5Q3DB1024 V3.04",
        {"1-0:1.7.0*255(-000123.45*W)", "1-0:96.5.5*255(80)"}, "-123.45");
}

void TestReading::netPowerIsNeverAHalf()
{
    QFETCH(QByteArray, ident);
    QFETCH(QByteArrayList, lines);
    QFETCH(QByteArray, expected);

    std::vector<std::string> objectLines;
    for (const QByteArray &line : lines)
        objectLines.push_back(line.toStdString());
    Telegram t;
    Reading r;
    fillFrom(telegram(ident.toStdString(), objectLines), t, r);
    QCOMPARE(QByteArray::fromStdString(text(r.netPower())), expected);
}

void TestReading::reuseForgetsPreviousTelegram()
{
    // One Reading serves a whole stream: a telegram must not inherit fields of the one before.
    const std::string first = frameOf(dsmr5ThreePhase());
    const std::string second = frameOf(dsmr22());
    Telegram telegram;
    Reading reused;
    fillFrom(first, telegram, reused);
    QVERIFY(reused.hasTextMessage);
    fillFrom(second, telegram, reused);

    Telegram freshTelegram;
    Reading fresh;
    fillFrom(second, freshTelegram, fresh);
    QVERIFY(dump(reused) == dump(fresh));
    QVERIFY(!reused.mbus[0].present);
    QVERIFY(!reused.phases[0].voltage);
    QVERIFY(reused.version.empty());
}

void TestReading::clearEmptiesEverything()
{
    Telegram telegram;
    Reading reading;
    fillFrom(frameOf(belgiumFluvius()), telegram, reading);
    QVERIFY(dump(reading).size() > 20);
    reading.clear();
    // Only the flavour's default remains.
    QVERIFY(dump(reading) == (Fields {{"flavour", "dsmr"}}));
    QCOMPARE(reading.gas(), nullptr);
    for (std::size_t i = 0; i < reading.mbus.size(); ++i)
        QCOMPARE(int(reading.mbus[i].channel), int(i + 1));
}

QTEST_GUILESS_MAIN(TestReading)
#include "tst_reading.moc"
