#include "sampletelegrams.h"
#include "telegram.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

using p1::ParseError;
using p1::Parser;
using p1::Telegram;
using p1::Unit;

Q_DECLARE_METATYPE(p1::ParseError)
Q_DECLARE_METATYPE(p1::Unit)

class TestParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void samples_data();
    void samples();
    void sampleValues_data();
    void sampleValues();
    void lineEndings_data();
    void lineEndings();
    void cases_data();
    void cases();
    void wrappedValue();
    void find();
    void reuse();
    void describeErrors();
    void damagedInput_data();
    void damagedInput();
    void conformanceSmoke_data();
    void conformanceSmoke();
    void codesAsScanned_data();
    void codesAsScanned();
};

namespace {

QByteArray qb(std::string_view s)
{
    return {s.data(), qsizetype(s.size())};
}

std::string_view sv(const QByteArray &b)
{
    return {b.constData(), std::size_t(b.size())};
}

const std::map<QByteArray, std::function<std::string()>> &sampleRegistry()
{
    static const std::map<QByteArray, std::function<std::string()>> all = {
        {"dsmr5-three-phase", [] { return p1::test::dsmr5ThreePhase(); }},
        {"dsmr5-single-phase", [] { return p1::test::dsmr5SinglePhase(); }},
        {"dsmr42", [] { return p1::test::dsmr42(); }},
        {"dsmr40", [] { return p1::test::dsmr40(); }},
        {"dsmr30", [] { return p1::test::dsmr30(); }},
        {"dsmr22", [] { return p1::test::dsmr22(); }},
        {"dsmr22-no-blank-line", [] { return p1::test::dsmr22(false); }},
        {"belgium-fluvius", [] { return p1::test::belgiumFluvius(); }},
        {"luxembourg-smarty", [] { return p1::test::luxembourgSmarty(); }},
        {"sweden-kamstrup", [] { return p1::test::swedenKamstrup(); }},
        {"austria-wh", [] { return p1::test::austriaWh(); }},
        {"easymeter-q3d", [] { return p1::test::easyMeterQ3D(); }},
        {"heat-gj", [] { return p1::test::heatGJ(); }},
    };
    return all;
}

/// A compact, exact picture of a parsed telegram: `obis(text|unit)(text)...` per object, values
/// that were wrapped marked with `~`, line breaks inside values shown as `\n`, then the
/// unparsed lines as `?line`. Lets a table row state the whole expected result in one string.
QByteArray dump(const Telegram &t)
{
    QByteArray out;
    for (const auto &object : t.objects) {
        if (!out.isEmpty())
            out += ' ';
        out += qb(object.obisText);
        for (const auto &value : t.valuesOf(object)) {
            out += '(';
            QByteArray text = qb(value.text);
            text.replace("\r", "");
            text.replace("\n", "\\n");
            out += text;
            if (!value.unitText.empty())
                out += '|' + qb(value.unitText);
            out += ')';
            if (value.wrapped)
                out += '~';
        }
    }
    for (const auto &line : t.unparsed)
        out += " ?" + qb(line);
    return out;
}

std::string frameOf(std::string_view ident, std::initializer_list<std::string_view> lines,
    std::string_view eol = "\r\n")
{
    std::string t = "/" + std::string(ident) + std::string(eol) + std::string(eol);
    for (const auto line : lines) {
        t += line;
        t += eol;
    }
    t += "!";
    return t;
}

} // namespace

void TestParser::samples_data()
{
    QTest::addColumn<QByteArray>("sample");
    QTest::addColumn<QByteArray>("ident");
    QTest::addColumn<int>("objects");
    QTest::addColumn<int>("values");

    QTest::newRow("dsmr5-three-phase")
        << QByteArray("dsmr5-three-phase") << QByteArray("Ene5\\T210-D ESMR5.0") << 35 << 43;
    QTest::newRow("dsmr5-single-phase")
        << QByteArray("dsmr5-single-phase") << QByteArray("ISK5\\2M550E-1012") << 20 << 21;
    QTest::newRow("dsmr42") << QByteArray("dsmr42") << QByteArray("KFM5KAIFA-METER") << 33 << 37;
    QTest::newRow("dsmr40") << QByteArray("dsmr40") << QByteArray("XMX5LGBBFFB231215493") << 36
                            << 38;
    QTest::newRow("dsmr30") << QByteArray("dsmr30") << QByteArray("ISk5\\2MT382-1000") << 16 << 22;
    QTest::newRow("dsmr22") << QByteArray("dsmr22") << QByteArray("KMP5 ZABF001587315111") << 16
                            << 22;
    QTest::newRow("dsmr22-no-blank-line")
        << QByteArray("dsmr22-no-blank-line") << QByteArray("KMP5 ZABF001587315111") << 16 << 22;
    QTest::newRow("belgium-fluvius")
        << QByteArray("belgium-fluvius") << QByteArray("FLU5\\253769484_A") << 36 << 47;
    QTest::newRow("luxembourg-smarty")
        << QByteArray("luxembourg-smarty") << QByteArray("Lux5\\253663629_D") << 37 << 39;
    QTest::newRow("sweden-kamstrup")
        << QByteArray("sweden-kamstrup") << QByteArray("KAM5") << 21 << 21;
    QTest::newRow("austria-wh") << QByteArray("austria-wh") << QByteArray("EST5\\253710000_A") << 14
                                << 14;
    QTest::newRow("easymeter-q3d")
        << QByteArray("easymeter-q3d") << QByteArray("ESY5Q3DB1024 V3.04") << 9 << 9;
    QTest::newRow("heat-gj") << QByteArray("heat-gj") << QByteArray("NWA-WARMTELINK") << 6 << 7;
}

void TestParser::samples()
{
    QFETCH(QByteArray, sample);
    QFETCH(QByteArray, ident);
    QFETCH(int, objects);
    QFETCH(int, values);

    const std::string text = sampleRegistry().at(sample)();
    Telegram t;
    QCOMPARE(Parser::parse(text, t), ParseError::None);
    QCOMPARE(qb(t.ident), ident);
    QCOMPARE(int(t.objects.size()), objects);
    QCOMPARE(int(t.values.size()), values);
    QVERIFY2(t.unparsed.empty(), dump(t).constData());
    QCOMPARE(t.text.data(), text.data());
    QCOMPARE(t.text.size(), text.size());

    // Objects own consecutive, non-overlapping runs of values, in order.
    std::uint32_t next = 0;
    for (const auto &object : t.objects) {
        QCOMPARE(object.firstValue, next);
        QVERIFY(object.valueCount >= 1);
        next += object.valueCount;
        QVERIFY(p1::Obis::parse(object.obisText).has_value());
        QCOMPARE(p1::Obis::parse(object.obisText)->key(), object.obis.key());
    }
    QCOMPARE(int(next), values);
    for (const auto &value : t.values)
        QVERIFY(!value.wrapped);
}

void TestParser::sampleValues_data()
{
    QTest::addColumn<QByteArray>("sample");
    QTest::addColumn<QByteArray>("obis");
    QTest::addColumn<int>("index");
    QTest::addColumn<int>("count"); // values of that object
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("unitText");
    QTest::addColumn<Unit>("unit");
    QTest::addColumn<int>("scale");

    QTest::newRow("dsmr5-import-t1")
        << QByteArray("dsmr5-three-phase") << QByteArray("1-0:1.8.1") << 0 << 1
        << QByteArray("001234.567") << QByteArray("kWh") << Unit::Wh << 3;
    QTest::newRow("dsmr5-timestamp")
        << QByteArray("dsmr5-three-phase") << QByteArray("0-0:1.0.0") << 0 << 1
        << QByteArray("261125143015W") << QByteArray() << Unit::None << 0;
    QTest::newRow("dsmr5-version") << QByteArray("dsmr5-three-phase") << QByteArray("1-3:0.2.8")
                                   << 0 << 1 << QByteArray("50") << QByteArray() << Unit::None << 0;
    QTest::newRow("dsmr5-failure-log-count")
        << QByteArray("dsmr5-three-phase") << QByteArray("1-0:99.97.0") << 0 << 8 << QByteArray("3")
        << QByteArray() << Unit::None << 0;
    QTest::newRow("dsmr5-failure-log-code")
        << QByteArray("dsmr5-three-phase") << QByteArray("1-0:99.97.0") << 1 << 8
        << QByteArray("0-0:96.7.19") << QByteArray() << Unit::None << 0;
    QTest::newRow("dsmr5-failure-log-duration")
        << QByteArray("dsmr5-three-phase") << QByteArray("1-0:99.97.0") << 3 << 8
        << QByteArray("0000000240") << QByteArray("s") << Unit::Second << 0;
    QTest::newRow("dsmr5-failure-log-last")
        << QByteArray("dsmr5-three-phase") << QByteArray("1-0:99.97.0") << 7 << 8
        << QByteArray("0000000377") << QByteArray("s") << Unit::Second << 0;
    QTest::newRow("dsmr5-gas-time")
        << QByteArray("dsmr5-three-phase") << QByteArray("0-1:24.2.1") << 0 << 2
        << QByteArray("261125143000W") << QByteArray() << Unit::None << 0;
    QTest::newRow("dsmr5-gas-value")
        << QByteArray("dsmr5-three-phase") << QByteArray("0-1:24.2.1") << 1 << 2
        << QByteArray("04567.890") << QByteArray("m3") << Unit::CubicMetre << 0;
    QTest::newRow("dsmr5-current-l1")
        << QByteArray("dsmr5-three-phase") << QByteArray("1-0:31.7.0") << 0 << 1
        << QByteArray("002") << QByteArray("A") << Unit::A << 0;
    QTest::newRow("dsmr5-voltage-l2")
        << QByteArray("dsmr5-three-phase") << QByteArray("1-0:52.7.0") << 0 << 1
        << QByteArray("231.5") << QByteArray("V") << Unit::V << 0;
    QTest::newRow("dsmr5-power-l3-export")
        << QByteArray("dsmr5-three-phase") << QByteArray("1-0:62.7.0") << 0 << 1
        << QByteArray("00.250") << QByteArray("kW") << Unit::W << 3;
    QTest::newRow("dsmr5-text-message")
        << QByteArray("dsmr5-three-phase") << QByteArray("0-0:96.13.0") << 0 << 1
        << QByteArray("48656C6C6F2066726F6D2074686520677269642F6F70657261746F72") << QByteArray()
        << Unit::None << 0;
    QTest::newRow("single-phase-empty-message")
        << QByteArray("dsmr5-single-phase") << QByteArray("0-0:96.13.0") << 0 << 1 << QByteArray()
        << QByteArray() << Unit::None << 0;
    QTest::newRow("single-phase-empty-log")
        << QByteArray("dsmr5-single-phase") << QByteArray("1-0:99.97.0") << 1 << 2
        << QByteArray("0-0:96.7.19") << QByteArray() << Unit::None << 0;
    QTest::newRow("dsmr42-log-duration")
        << QByteArray("dsmr42") << QByteArray("1-0:99.97.0") << 3 << 4 << QByteArray("0000004982")
        << QByteArray("s") << Unit::Second << 0;
    QTest::newRow("dsmr40-threshold") << QByteArray("dsmr40") << QByteArray("0-0:17.0.0") << 0 << 1
                                      << QByteArray("999.9") << QByteArray("kW") << Unit::W << 3;
    QTest::newRow("dsmr40-valve") << QByteArray("dsmr40") << QByteArray("0-1:24.4.0") << 0 << 1
                                  << QByteArray("1") << QByteArray() << Unit::None << 0;
    QTest::newRow("dsmr30-threshold-amps")
        << QByteArray("dsmr30") << QByteArray("0-0:17.0.0") << 0 << 1 << QByteArray("016")
        << QByteArray("A") << Unit::A << 0;
    QTest::newRow("dsmr30-profile-time")
        << QByteArray("dsmr30") << QByteArray("0-1:24.3.0") << 0 << 7 << QByteArray("260212160000")
        << QByteArray() << Unit::None << 0;
    QTest::newRow("dsmr30-profile-obis")
        << QByteArray("dsmr30") << QByteArray("0-1:24.3.0") << 4 << 7 << QByteArray("0-1:24.2.1")
        << QByteArray() << Unit::None << 0;
    QTest::newRow("dsmr30-profile-unit-is-text")
        << QByteArray("dsmr30") << QByteArray("0-1:24.3.0") << 5 << 7 << QByteArray("m3")
        << QByteArray() << Unit::None << 0;
    QTest::newRow("dsmr30-profile-value-next-line")
        << QByteArray("dsmr30") << QByteArray("0-1:24.3.0") << 6 << 7 << QByteArray("01234.567")
        << QByteArray() << Unit::None << 0;
    QTest::newRow("dsmr30-after-profile")
        << QByteArray("dsmr30") << QByteArray("0-1:24.4.0") << 0 << 1 << QByteArray("1")
        << QByteArray() << Unit::None << 0;
    QTest::newRow("dsmr22-profile-channel-2")
        << QByteArray("dsmr22") << QByteArray("0-2:24.3.0") << 6 << 7 << QByteArray("00124.477")
        << QByteArray() << Unit::None << 0;
    QTest::newRow("dsmr22-no-blank-profile")
        << QByteArray("dsmr22-no-blank-line") << QByteArray("0-2:24.3.0") << 6 << 7
        << QByteArray("00124.477") << QByteArray() << Unit::None << 0;
    QTest::newRow("dsmr22-first-object")
        << QByteArray("dsmr22-no-blank-line") << QByteArray("0-0:96.1.1") << 0 << 1
        << QByteArray("5A424556303035303931323037363132") << QByteArray() << Unit::None << 0;
    QTest::newRow("be-max-demand-month")
        << QByteArray("belgium-fluvius") << QByteArray("1-0:1.6.0") << 1 << 2
        << QByteArray("03.589") << QByteArray("kW") << Unit::W << 3;
    QTest::newRow("be-history-last")
        << QByteArray("belgium-fluvius") << QByteArray("0-0:98.1.0") << 8 << 9
        << QByteArray("05.980") << QByteArray("kW") << Unit::W << 3;
    QTest::newRow("be-history-code")
        << QByteArray("belgium-fluvius") << QByteArray("0-0:98.1.0") << 2 << 9
        << QByteArray("1-0:1.6.0") << QByteArray() << Unit::None << 0;
    QTest::newRow("be-gas-24.2.3")
        << QByteArray("belgium-fluvius") << QByteArray("0-1:24.2.3") << 1 << 2
        << QByteArray("00112.384") << QByteArray("m3") << Unit::CubicMetre << 0;
    QTest::newRow("be-water-channel-2")
        << QByteArray("belgium-fluvius") << QByteArray("0-2:24.2.1") << 1 << 2
        << QByteArray("00872.234") << QByteArray("m3") << Unit::CubicMetre << 0;
    QTest::newRow("be-current-2-decimals")
        << QByteArray("belgium-fluvius") << QByteArray("1-0:31.7.0") << 0 << 1
        << QByteArray("003.02") << QByteArray("A") << Unit::A << 0;
    QTest::newRow("lux-limiter-negative")
        << QByteArray("luxembourg-smarty") << QByteArray("1-1:31.4.0") << 1 << 2
        << QByteArray("-040") << QByteArray("A") << Unit::A << 0;
    QTest::newRow("lux-kvarh") << QByteArray("luxembourg-smarty") << QByteArray("1-0:3.8.0") << 0
                               << 1 << QByteArray("000462.590") << QByteArray("kvarh") << Unit::Varh
                               << 3;
    QTest::newRow("lux-kvar") << QByteArray("luxembourg-smarty") << QByteArray("1-0:4.7.0") << 0
                              << 1 << QByteArray("00.154") << QByteArray("kvar") << Unit::Var << 3;
    QTest::newRow("lux-kva-threshold")
        << QByteArray("luxembourg-smarty") << QByteArray("0-0:17.0.0") << 0 << 1
        << QByteArray("027.6") << QByteArray("kVA") << Unit::VA << 3;
    QTest::newRow("se-kVArh") << QByteArray("sweden-kamstrup") << QByteArray("1-0:3.8.0") << 0 << 1
                              << QByteArray("00000012.000") << QByteArray("kVArh") << Unit::Varh
                              << 3;
    QTest::newRow("se-kVAr") << QByteArray("sweden-kamstrup") << QByteArray("1-0:3.7.0") << 0 << 1
                             << QByteArray("0000.100") << QByteArray("kVAr") << Unit::Var << 3;
    QTest::newRow("se-last-object")
        << QByteArray("sweden-kamstrup") << QByteArray("1-0:71.7.0") << 0 << 1
        << QByteArray("001.4") << QByteArray("A") << Unit::A << 0;
    QTest::newRow("at-wh") << QByteArray("austria-wh") << QByteArray("1-0:1.8.0") << 0 << 1
                           << QByteArray("006545766") << QByteArray("Wh") << Unit::Wh << 0;
    QTest::newRow("at-var") << QByteArray("austria-wh") << QByteArray("1-0:4.7.0") << 0 << 1
                            << QByteArray("000000166") << QByteArray("var") << Unit::Var << 0;
    QTest::newRow("at-w") << QByteArray("austria-wh") << QByteArray("1-0:1.7.0") << 0 << 1
                          << QByteArray("000000286") << QByteArray("W") << Unit::W << 0;
    QTest::newRow("esy-import") << QByteArray("easymeter-q3d") << QByteArray("1-0:1.8.0*255") << 0
                                << 1 << QByteArray("00012345.6789012") << QByteArray("kWh")
                                << Unit::Wh << 3;
    QTest::newRow("esy-power-w") << QByteArray("easymeter-q3d") << QByteArray("1-0:21.7.0*255") << 0
                                 << 1 << QByteArray("000123.45") << QByteArray("W") << Unit::W << 0;
    QTest::newRow("esy-id") << QByteArray("easymeter-q3d") << QByteArray("0-0:96.1.255*255") << 0
                            << 1 << QByteArray("1ESY1160003456") << QByteArray() << Unit::None << 0;
    QTest::newRow("heat-gj") << QByteArray("heat-gj") << QByteArray("0-1:24.2.1") << 1 << 2
                             << QByteArray("123.456") << QByteArray("GJ") << Unit::GJ << 0;
    QTest::newRow("heat-device-type") << QByteArray("heat-gj") << QByteArray("0-1:24.1.0") << 0 << 1
                                      << QByteArray("004") << QByteArray() << Unit::None << 0;
}

void TestParser::sampleValues()
{
    QFETCH(QByteArray, sample);
    QFETCH(QByteArray, obis);
    QFETCH(int, index);
    QFETCH(int, count);
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, unitText);
    QFETCH(Unit, unit);
    QFETCH(int, scale);

    const std::string frame = sampleRegistry().at(sample)();
    Telegram t;
    QCOMPARE(Parser::parse(frame, t), ParseError::None);
    const auto code = p1::Obis::parse(sv(obis));
    QVERIFY(code);
    const p1::CosemObject *object = t.find(*code);
    QVERIFY2(object, obis.constData());
    QCOMPARE(qb(object->obisText), obis);
    const auto values = t.valuesOf(*object);
    QCOMPARE(int(values.size()), count);
    const p1::CosemValue &v = values[std::size_t(index)];
    QCOMPARE(qb(v.text), text);
    QCOMPARE(qb(v.unitText), unitText);
    QCOMPARE(v.unit, unit);
    QCOMPARE(int(v.scale), scale);
    QVERIFY(!v.wrapped);
}

void TestParser::lineEndings_data()
{
    QTest::addColumn<QByteArray>("eol");
    QTest::addColumn<bool>("blankLine");
    QTest::addColumn<bool>("crc");

    QTest::newRow("crlf") << QByteArray("\r\n") << true << true;
    QTest::newRow("lf-only") << QByteArray("\n") << true << true;
    QTest::newRow("crlf-no-blank-line") << QByteArray("\r\n") << false << true;
    QTest::newRow("lf-no-blank-line") << QByteArray("\n") << false << true;
    QTest::newRow("crlf-no-crc") << QByteArray("\r\n") << true << false;
    QTest::newRow("lf-no-crc-no-blank") << QByteArray("\n") << false << false;
}

void TestParser::lineEndings()
{
    QFETCH(QByteArray, eol);
    QFETCH(bool, blankLine);
    QFETCH(bool, crc);

    // The DSMR 5 sample's lines, rebuilt with other line ends: the same telegram must result.
    const std::string reference = p1::test::dsmr5ThreePhase();
    Telegram expected;
    QCOMPARE(Parser::parse(reference, expected), ParseError::None);

    std::vector<std::string> lines;
    for (const auto &object : expected.objects) {
        const char *begin = object.obisText.data();
        const char *end = begin;
        while (*end != '\r' && *end != '\n')
            ++end;
        lines.emplace_back(begin, end);
    }
    p1::test::TelegramOptions options;
    options.eol = sv(eol);
    options.blankLine = blankLine;
    options.crc = crc;
    const std::string variant = p1::test::buildTelegram(expected.ident, lines, options);

    Telegram t;
    QCOMPARE(Parser::parse(variant, t), ParseError::None);
    QCOMPARE(qb(t.ident), qb(expected.ident));
    QCOMPARE(dump(t), dump(expected));
    QCOMPARE(int(t.objects.size()), 35);
    for (const auto &value : t.values) {
        QVERIFY(value.text.find('\r') == std::string_view::npos);
        QVERIFY(value.text.find('\n') == std::string_view::npos);
    }
}

void TestParser::cases_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<ParseError>("error");
    QTest::addColumn<QByteArray>("ident");
    QTest::addColumn<QByteArray>("expected"); // dump()

    const auto row = [](const char *name, const std::string &frame, ParseError error,
                         const char *ident, const char *expected) {
        QTest::newRow(name) << qb(frame) << error << QByteArray(ident) << QByteArray(expected);
    };

    row("basic-crlf", frameOf("AAA5X", {"1-0:1.8.1(001.000*kWh)", "1-0:1.7.0(00.500*kW)"}),
        ParseError::None, "AAA5X", "1-0:1.8.1(001.000|kWh) 1-0:1.7.0(00.500|kW)");
    row("lf-only", frameOf("AAA5X", {"1-0:1.8.1(001.000*kWh)", "1-0:1.7.0(00.500*kW)"}, "\n"),
        ParseError::None, "AAA5X", "1-0:1.8.1(001.000|kWh) 1-0:1.7.0(00.500|kW)");
    row("no-blank-line-after-header", "/AAA5X\r\n1-0:1.8.1(001.000*kWh)\r\n!1234", ParseError::None,
        "AAA5X", "1-0:1.8.1(001.000|kWh)");
    row("blank-lines-between", "/AAA5X\r\n\r\n1-0:1.8.1(1)\r\n\r\n\n1-0:1.8.2(2)\r\n!",
        ParseError::None, "AAA5X", "1-0:1.8.1(1) 1-0:1.8.2(2)");
    row("footer-with-crc-and-crlf", "/AAA5X\r\n\r\n1-0:1.8.1(1)\r\n!ABCD\r\n", ParseError::None,
        "AAA5X", "1-0:1.8.1(1)");
    row("garbage-after-footer",
        "/AAA5X\r\n\r\n1-0:1.8.1(1)\r\n!\r\n  25803103\r\n\xff\xff\xff\r\n1-0:1.8.2(2)\r\n",
        ParseError::None, "AAA5X", "1-0:1.8.1(1)");
    static const char nulAfterFooter[] = "/AAA5X\r\n\r\n1-0:1.8.1(1)\r\n!12AB\r\n\0";
    row("nul-after-footer", std::string(nulAfterFooter, sizeof nulAfterFooter), ParseError::None,
        "AAA5X", "1-0:1.8.1(1)");
    row("no-footer", "/AAA5X\r\n\r\n1-0:1.8.1(1)\r\n1-0:1.8.2(2)", ParseError::None, "AAA5X",
        "1-0:1.8.1(1) 1-0:1.8.2(2)");
    row("ident-with-space-and-backslash", frameOf("Ene5\\SAGEMCOM CX2000-", {"0-0:96.14.0(0001)"}),
        ParseError::None, "Ene5\\SAGEMCOM CX2000-", "0-0:96.14.0(0001)");
    row("ident-lf-only", "/KAM5\n1-0:1.8.0(5*kWh)\n!", ParseError::None, "KAM5",
        "1-0:1.8.0(5|kWh)");

    // Values over several lines.
    row("gas-profile-continuation",
        frameOf("KMP5 ZABF",
            {"0-1:24.3.0(120517020000)(08)(60)(1)(0-1:24.2.1)(m3)", "(00124.477)",
                "0-1:24.4.0(1)"}),
        ParseError::None, "KMP5 ZABF",
        "0-1:24.3.0(120517020000)(08)(60)(1)(0-1:24.2.1)(m3)(00124.477) 0-1:24.4.0(1)");
    row("continuation-two-lines", frameOf("X", {"0-1:24.3.0(a)", "(b)(c)", "(d)"}),
        ParseError::None, "X", "0-1:24.3.0(a)(b)(c)(d)");
    row("continuation-without-object", frameOf("X", {"(00124.477)", "1-0:1.8.1(1)"}),
        ParseError::None, "X", "1-0:1.8.1(1) ?(00124.477)");
    row("continuation-after-garbage", frameOf("X", {"1-0:1.8.1(1)", "garbage", "(2)"}),
        ParseError::None, "X", "1-0:1.8.1(1) ?garbage ?(2)");
    row("wrapped-text-3-lines",
        frameOf("X", {"0-0:96.13.0(30313233", "34353637", "3839)", "1-0:1.8.1(1)"}),
        ParseError::None, "X", "0-0:96.13.0(30313233\\n34353637\\n3839)~ 1-0:1.8.1(1)");
    row("wrapped-then-more-values", frameOf("X", {"0-0:96.13.0(ab", "cd)(ef)", "1-0:1.8.1(1)"}),
        ParseError::None, "X", "0-0:96.13.0(ab\\ncd)~(ef) 1-0:1.8.1(1)");
    row("wrapped-lf-only", frameOf("X", {"0-0:96.13.0(ab", "cd)"}, "\n"), ParseError::None, "X",
        "0-0:96.13.0(ab\\ncd)~");
    row("unterminated-before-obis", frameOf("X", {"0-0:96.13.0(3031", "1-0:1.8.1(1)"}),
        ParseError::None, "X", "0-0:96.13.0(3031) 1-0:1.8.1(1)");
    row("unterminated-before-footer", frameOf("X", {"1-0:1.8.1(1)", "0-0:96.13.0(3031"}),
        ParseError::None, "X", "1-0:1.8.1(1) 0-0:96.13.0(3031)");
    row("unterminated-over-lines-then-obis",
        frameOf("X", {"0-0:96.13.0(3031", "3233", "1-0:1.8.1(1)"}), ParseError::None, "X",
        "0-0:96.13.0(3031\\n3233)~ 1-0:1.8.1(1)");
    row("unterminated-before-continuation", frameOf("X", {"0-1:24.3.0(a)(m3", "(00124.477)"}),
        ParseError::None, "X", "0-1:24.3.0(a)(m3)(00124.477)");
    row("unterminated-at-end-of-text", "/X\r\n\r\n1-0:1.8.1(1)\r\n0-0:96.13.0(3031\r\n",
        ParseError::None, "X", "1-0:1.8.1(1) 0-0:96.13.0(3031)");
    row("unterminated-blank-line-then-obis", frameOf("X", {"0-0:96.13.0(3031", "", "1-0:1.8.1(1)"}),
        ParseError::None, "X", "0-0:96.13.0(3031) 1-0:1.8.1(1)");

    // Several values on a line.
    row("failure-log",
        frameOf("X",
            {"1-0:99.97.0(2)(0-0:96.7.19)(101208152415W)(0000000240*s)(101208151004W)(0000000301*"
             "s)"}),
        ParseError::None, "X",
        "1-0:99.97.0(2)(0-0:96.7.19)(101208152415W)(0000000240|s)(101208151004W)(0000000301|s)");
    row("be-history-empty-months", frameOf("X", {"0-0:98.1.0(0)(1-0:1.6.0)(1-0:1.6.0)()"}),
        ParseError::None, "X", "0-0:98.1.0(0)(1-0:1.6.0)(1-0:1.6.0)()");
    row("lux-two-limits", frameOf("X", {"1-1:31.4.0(040*A)(-040*A)"}), ParseError::None, "X",
        "1-1:31.4.0(040|A)(-040|A)");
    row("failure-log-without-units",
        frameOf("X", {"1-0:99.97.0(1)(0-0:96.7.19)(000000000000S)(23)"}), ParseError::None, "X",
        "1-0:99.97.0(1)(0-0:96.7.19)(000000000000S)(23)");

    // The unit split.
    row("star-before-digit-stays", frameOf("X", {"0-0:96.13.0(12*34)"}), ParseError::None, "X",
        "0-0:96.13.0(12*34)");
    row("star-at-end-stays", frameOf("X", {"0-0:96.13.0(abc*)"}), ParseError::None, "X",
        "0-0:96.13.0(abc*)");
    row("star-then-digit-led-unit", frameOf("X", {"1-0:1.8.1(1*2kWh)"}), ParseError::None, "X",
        "1-0:1.8.1(1*2kWh)");
    row("last-star-counts", frameOf("X", {"1-0:1.8.1(5*kWh*x)"}), ParseError::None, "X",
        "1-0:1.8.1(5*kWh|x)");
    row("unit-with-space-stays", frameOf("X", {"1-0:1.8.1(5*k W)"}), ParseError::None, "X",
        "1-0:1.8.1(5*k W)");
    row("unit-8-chars", frameOf("X", {"1-0:1.8.1(5*abcdefgh)"}), ParseError::None, "X",
        "1-0:1.8.1(5|abcdefgh)");
    row("unit-9-chars-stays", frameOf("X", {"1-0:1.8.1(5*abcdefghi)"}), ParseError::None, "X",
        "1-0:1.8.1(5*abcdefghi)");
    row("unit-only", frameOf("X", {"1-0:1.8.1(*kWh)"}), ParseError::None, "X", "1-0:1.8.1(|kWh)");
    row("zero-without-unit", frameOf("X", {"0-1:24.2.1(700101010000W)(00000000)"}),
        ParseError::None, "X", "0-1:24.2.1(700101010000W)(00000000)");

    // Empty values, unknown codes, odd content.
    row("empty-value", frameOf("X", {"0-0:96.13.0()"}), ParseError::None, "X", "0-0:96.13.0()");
    row("empty-values", frameOf("X", {"0-1:24.1.0()", "0-1:96.1.0()()"}), ParseError::None, "X",
        "0-1:24.1.0() 0-1:96.1.0()()");
    row("unknown-code-kept", frameOf("X", {"1-0:99.99.99(123*foo)"}), ParseError::None, "X",
        "1-0:99.99.99(123|foo)");
    row("obis-star-255", frameOf("X", {"1-0:1.8.0*255(00052185.7825309*kWh)"}), ParseError::None,
        "X", "1-0:1.8.0*255(00052185.7825309|kWh)");
    row("slash-in-value", frameOf("X", {"0-0:96.13.0(a/b)"}), ParseError::None, "X",
        "0-0:96.13.0(a/b)");
    row("paren-in-value", frameOf("X", {"0-0:96.13.0(a(b)", "1-0:1.8.1(1)"}), ParseError::None, "X",
        "0-0:96.13.0(a(b) 1-0:1.8.1(1)");
    row("junk-after-last-value", frameOf("X", {"1-0:1.8.1(1*kWh)xx", "1-0:1.8.2(2)"}),
        ParseError::None, "X", "1-0:1.8.1(1|kWh) 1-0:1.8.2(2)");

    // Lines that are not objects.
    row("garbage-lines",
        frameOf("X",
            {"1-0:1.8.1(1)", "xyz", "  25803103", "1-0:1.8(5)", "1-0:1.8.1", "\xff\xff",
                "1-0:1.8.2(2)"}),
        ParseError::None, "X",
        "1-0:1.8.1(1) 1-0:1.8.2(2) ?xyz ?  25803103 ?1-0:1.8(5) ?1-0:1.8.1 ?\xff\xff");
    row("bit-error-in-obis", frameOf("X", {"1-0:1.8;1(1)", "1-0:1.8.2(2)"}), ParseError::None, "X",
        "1-0:1.8.2(2) ?1-0:1.8;1(1)");
    row("slash-line-inside", frameOf("X", {"1-0:1.8.1(1)", "/XYZ5 restart"}), ParseError::None, "X",
        "1-0:1.8.1(1) ?/XYZ5 restart");

    // Errors.
    row("header-only", "/ISK5\\2M550T-1012\r\n\r\n!ABCD", ParseError::NoObjects,
        "ISK5\\2M550T-1012", "");
    row("header-and-garbage", "/ISK5\r\n\r\nfoo\r\n!", ParseError::NoObjects, "ISK5", " ?foo");
    row("header-without-line-end", "/ISK5", ParseError::NoObjects, "ISK5", "");
    row("no-slash", "1-0:1.8.1(1)\r\n!", ParseError::NoHeader, "", "");
    row("leading-noise", " /ISK5\r\n1-0:1.8.1(1)\r\n!", ParseError::NoHeader, "", "");
    row("empty-text", "", ParseError::NoHeader, "", "");
    row("empty-ident", "/\r\n\r\n1-0:1.8.1(1)\r\n!", ParseError::NoHeader, "", "");
}

void TestParser::cases()
{
    QFETCH(QByteArray, frame);
    QFETCH(ParseError, error);
    QFETCH(QByteArray, ident);
    QFETCH(QByteArray, expected);

    Telegram t;
    QCOMPARE(Parser::parse(sv(frame), t), error);
    QCOMPARE(qb(t.ident), ident);
    QCOMPARE(dump(t), expected);
    // Every view points into the frame.
    const char *begin = frame.constData();
    const char *end = begin + frame.size();
    for (const auto &value : t.values) {
        QVERIFY(value.text.data() >= begin && value.text.data() + value.text.size() <= end);
        QVERIFY(value.unitText.empty()
            || (value.unitText.data() >= begin
                && value.unitText.data() + value.unitText.size() <= end));
    }
}

void TestParser::wrappedValue()
{
    // A DSMR 3 text message as some meters send it: broken over three lines.
    const std::string hex = "303132333435363738393A3B3C3D3E3F";
    const std::string frame = frameOf("KMP5 ZABF000000000000",
        {"0-1:24.3.0(120517020000)(08)(60)(1)(0-1:24.2.1)(m3)", "(00124.477)",
            "0-0:96.13.0(" + hex + hex, hex + hex, hex + hex + ")"});
    Telegram t;
    QCOMPARE(Parser::parse(frame, t), ParseError::None);
    QCOMPARE(int(t.objects.size()), 2);
    QCOMPARE(int(t.valuesOf(t.objects[0]).size()), 7);
    QCOMPARE(qb(t.valuesOf(t.objects[0])[6].text), QByteArray("00124.477"));

    const p1::CosemObject *message = t.find(p1::obisCode(p1::Field::TextMessage));
    QVERIFY(message);
    QCOMPARE(int(message->valueCount), 1);
    const p1::CosemValue &v = t.valuesOf(*message)[0];
    QVERIFY(v.wrapped);
    QCOMPARE(qb(v.text), qb(hex + hex + "\r\n" + hex + hex + "\r\n" + hex + hex));
    QCOMPARE(QByteArray::fromStdString(v.plain()), qb(hex + hex + hex + hex + hex + hex));
    QCOMPARE(int(v.plain().size()), 192);
    QVERIFY(v.unitText.empty());

    // plain() of an ordinary value is its text.
    QCOMPARE(
        QByteArray::fromStdString(t.valuesOf(t.objects[0])[0].plain()), QByteArray("120517020000"));
}

void TestParser::find()
{
    const std::string frame = p1::test::easyMeterQ3D();
    Telegram t;
    QCOMPARE(Parser::parse(frame, t), ParseError::None);
    // `*255` is the same code as no F group.
    const p1::CosemObject *total = t.find(p1::obisCode(p1::Field::ImportTotal));
    QVERIFY(total);
    QCOMPARE(qb(total->obisText), QByteArray("1-0:1.8.0*255"));
    QCOMPARE(qb(t.valuesOf(*total)[0].text), QByteArray("00012345.6789012"));
    QVERIFY(t.find(p1::obisCode(p1::Field::EasyMeterId)));
    QVERIFY(!t.find(p1::obisCode(p1::Field::ImportT1)));
    QVERIFY(!t.find(p1::Obis {1, 0, 1, 8, 0, 1}));

    // The channel is part of the code: find() does not match across channels.
    const std::string be = p1::test::belgiumFluvius();
    QCOMPARE(Parser::parse(be, t), ParseError::None);
    QVERIFY(t.find(p1::obisCode(p1::Field::MbusValueBelgium).withChannel(1)));
    QVERIFY(!t.find(p1::obisCode(p1::Field::MbusValueBelgium)));
    QVERIFY(!t.find(p1::obisCode(p1::Field::MbusValueBelgium).withChannel(2)));
    const p1::CosemObject *water = t.find(p1::obisCode(p1::Field::MbusValue).withChannel(2));
    QVERIFY(water);
    QCOMPARE(qb(water->obisText), QByteArray("0-2:24.2.1"));
    // The first of two objects with the same code wins.
    const std::string twice = frameOf("X", {"1-0:1.8.1(1)", "1-0:1.8.1(2)"});
    QCOMPARE(Parser::parse(twice, t), ParseError::None);
    QVERIFY(t.find(p1::obisCode(p1::Field::ImportT1)));
    QCOMPARE(qb(t.valuesOf(*t.find(p1::obisCode(p1::Field::ImportT1)))[0].text), QByteArray("1"));
}

void TestParser::reuse()
{
    const std::string big = p1::test::belgiumFluvius();
    const std::string small = p1::test::heatGJ();
    const std::string three = p1::test::dsmr5ThreePhase();

    Telegram t;
    QCOMPARE(Parser::parse(big, t), ParseError::None);
    const QByteArray bigDump = dump(t);
    QCOMPARE(Parser::parse(three, t), ParseError::None);
    const QByteArray threeDump = dump(t);
    const std::size_t objectCapacity = t.objects.capacity();
    const std::size_t valueCapacity = t.values.capacity();
    const auto *objectData = t.objects.data();
    const auto *valueData = t.values.data();

    for (int round = 0; round < 3; ++round) {
        QCOMPARE(Parser::parse(small, t), ParseError::None);
        QCOMPARE(int(t.objects.size()), 6);
        QCOMPARE(Parser::parse(big, t), ParseError::None);
        QCOMPARE(dump(t), bigDump);
        QCOMPARE(Parser::parse(three, t), ParseError::None);
        QCOMPARE(dump(t), threeDump);
        // No growth, no reallocation: the vectors were reused.
        QCOMPARE(t.objects.capacity(), objectCapacity);
        QCOMPARE(t.values.capacity(), valueCapacity);
        QCOMPARE(t.objects.data(), objectData);
        QCOMPARE(t.values.data(), valueData);
    }

    // An error clears what the previous telegram left.
    QCOMPARE(Parser::parse("garbage", t), ParseError::NoHeader);
    QVERIFY(t.objects.empty());
    QVERIFY(t.values.empty());
    QVERIFY(t.unparsed.empty());
    QVERIFY(t.ident.empty());

    // A fresh Telegram gives the same result as a reused one.
    Telegram fresh;
    QCOMPARE(Parser::parse(three, fresh), ParseError::None);
    QCOMPARE(dump(fresh), threeDump);
}

void TestParser::describeErrors()
{
    QCOMPARE(qb(p1::describe(ParseError::None)), QByteArray("no error"));
    QVERIFY(!p1::describe(ParseError::NoHeader).empty());
    QVERIFY(!p1::describe(ParseError::NoObjects).empty());
    QVERIFY(p1::describe(ParseError::NoHeader) != p1::describe(ParseError::NoObjects));
}

void TestParser::damagedInput_data()
{
    QTest::addColumn<QByteArray>("sample");
    for (const auto &entry : sampleRegistry())
        QTest::newRow(entry.first.constData()) << entry.first;
}

namespace {
// Parses \a text from an allocation of exactly its size, so a sanitizer build catches any read
// past the end, and checks what must hold for any input.
bool parsesSafely(std::string_view text, Telegram &t)
{
    const auto copy = std::make_unique<char[]>(text.size() + 1);
    std::memcpy(copy.get(), text.data(), text.size());
    const std::string_view exact(copy.get(), text.size());
    (void)Parser::parse(exact, t);
    const char *begin = exact.data();
    const char *end = begin + exact.size();
    const auto inside = [&](std::string_view v) {
        return v.empty() || (v.data() >= begin && v.data() + v.size() <= end);
    };
    std::uint32_t next = 0;
    for (const auto &object : t.objects) {
        if (object.firstValue != next || !inside(object.obisText))
            return false;
        next += object.valueCount;
    }
    if (next != t.values.size())
        return false;
    for (const auto &value : t.values)
        if (!inside(value.text) || !inside(value.unitText))
            return false;
    for (const auto &line : t.unparsed)
        if (!inside(line))
            return false;
    return inside(t.ident);
}
} // namespace

void TestParser::damagedInput()
{
    QFETCH(QByteArray, sample);
    const std::string text = sampleRegistry().at(sample)();
    Telegram t;

    // Cut anywhere: a frame handed over without its end (the framer's Truncated frames).
    for (std::size_t length = 0; length <= text.size(); ++length)
        QVERIFY2(parsesSafely(std::string_view(text).substr(0, length), t),
            qPrintable(QString::number(length)));

    // Bit errors and dropped bytes from a noisy cable, reproducibly.
    std::mt19937 rng(1234);
    for (int round = 0; round < 300; ++round) {
        std::string damaged = text;
        const int changes = 1 + int(rng() % 8);
        for (int i = 0; i < changes && !damaged.empty(); ++i) {
            const std::size_t at = rng() % damaged.size();
            switch (rng() % 3) {
            case 0:
                damaged[at] = char(damaged[at] ^ (1 << (rng() % 8)));
                break;
            case 1:
                damaged.erase(at, 1);
                break;
            default:
                damaged[at] = "()*\r\n!/-:."[rng() % 10];
                break;
            }
        }
        QVERIFY2(parsesSafely(damaged, t), qPrintable(QString::number(round)));
    }
}

void TestParser::conformanceSmoke_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(P1_CONFORMANCE_DIR));
    if (!dir.exists()) {
        QTest::newRow("absent") << QString();
        return;
    }
    const QStringList files = dir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << dir.filePath(file);
}

void TestParser::conformanceSmoke()
{
    QFETCH(QString, path);
    if (path.isEmpty())
        QSKIP("conformance telegrams not present (P1_CONFORMANCE_DIR)");

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    const qsizetype slash = bytes.indexOf('/');
    QVERIFY(slash >= 0);
    const std::string_view frame = sv(bytes).substr(std::size_t(slash));

    Telegram t;
    QCOMPARE(Parser::parse(frame, t), ParseError::None);
    QVERIFY(!t.ident.empty());
    QVERIFY(!t.objects.empty());
    // Real telegrams hold no noise lines before their footer.
    QVERIFY2(t.unparsed.empty(), dump(t).constData());
    for (const auto &object : t.objects)
        QVERIFY(object.valueCount >= 1);
}

void TestParser::codesAsScanned_data()
{
    // The parser recognises common codes whole, from a table of their texts, and scans the
    // rest group by group: both must give what Obis::parse() gives for the same text. Rows by
    // A-B; each parses a telegram of every C.D.E below (the table's codes and their
    // neighbours), then the spellings the table must leave to the scan.
    QTest::addColumn<int>("a");
    QTest::addColumn<int>("b");
    for (const int a : {0, 1})
        for (const int b : {0, 1, 2, 3, 4, 5, 10})
            QTest::newRow(
                QByteArray::number(a).append('-').append(QByteArray::number(b)).constData())
                << a << b;
}

void TestParser::codesAsScanned()
{
    QFETCH(int, a);
    QFETCH(int, b);
    const int cs[] = {0, 1, 2, 3, 4, 9, 14, 15, 17, 21, 22, 23, 24, 31, 32, 33, 41, 42, 51, 52, 61,
        62, 71, 72, 94, 96, 98, 99, 100, 255};
    const int ds[] = {0, 1, 2, 3, 4, 6, 7, 8, 13, 14, 32, 36, 97, 199};
    const int es[] = {0, 1, 2, 3, 4, 5, 8, 9, 10, 19, 21, 99, 255};
    std::string body;
    std::vector<p1::Obis> expected;
    for (const int c : cs)
        for (const int d : ds)
            for (const int e : es) {
                const p1::Obis code {std::uint8_t(a), std::uint8_t(b), std::uint8_t(c),
                    std::uint8_t(d), std::uint8_t(e)};
                body += code.toString() + "(1)\r\n";
                expected.push_back(code);
            }
    // Spellings of known codes that are not the table's text: scanned, same code or none.
    const auto prefix = std::to_string(a) + '-' + std::to_string(b) + ':';
    const std::string others[] = {prefix + "1.8.1*255", prefix + "1.8.1.255", prefix + "01.8.1",
        prefix + "1.08.1", prefix + "96.1.1*1", prefix + "24.2.1x", prefix + "1.8"};
    for (const std::string &text : others)
        body += text + "(1)\r\n";

    const std::string text = "/XXX5 codes\r\n\r\n" + body + "!";
    Telegram t;
    QCOMPARE(Parser::parse(text, t), ParseError::None);
    QVERIFY(t.objects.size() >= expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto &object = t.objects[i];
        QCOMPARE(QByteArray::fromStdString(object.obis.toString()),
            QByteArray::fromStdString(expected[i].toString()));
        QCOMPARE(object.valueCount, 1u);
    }
    // Every object, the odd spellings included, carries what Obis::parse() makes of its text.
    for (const auto &object : t.objects) {
        const auto scanned = p1::Obis::parse(object.obisText);
        QVERIFY(scanned);
        QCOMPARE(object.obis.key(), scanned->key());
        QVERIFY(object.field == p1::obisField(*scanned));
    }
    QCOMPARE(t.objects.size() + t.unparsed.size(), expected.size() + std::size(others));
}

QTEST_GUILESS_MAIN(TestParser)
#include "tst_parser.moc"
