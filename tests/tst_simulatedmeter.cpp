#include "crc16.h"
#include "framer.h"
#include "io/simulatedmeter.h"
#include "reading.h"
#include "telegram.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

#include <cmath>
#include <optional>
#include <set>

using p1::SimulatedMeter;

namespace {

std::int64_t utc(int y, int mo, int d, int h, int mi, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), QTimeZone::utc()).toSecsSinceEpoch();
}

/// One simulated telegram through the real core: framer (CRC), parser, reading.
struct Decoded
{
    std::string text;
    p1::CrcStatus crc = p1::CrcStatus::Bad;
    p1::FrameError error = p1::FrameError::Truncated;
    p1::Telegram telegram;
    p1::Reading reading;
    int frames = 0;
};

void decode(const std::string &input, Decoded &out)
{
    out.frames = 0;
    p1::Framer framer([&out](const p1::Frame &frame) {
        ++out.frames;
        out.text.assign(frame.text);
        out.crc = frame.crc;
        out.error = frame.error;
    });
    framer.push(input);
    framer.finish();
    out.telegram.clear();
    if (p1::Parser::parse(out.text, out.telegram) == p1::ParseError::None)
        out.reading.fill(out.telegram);
}

double value(const std::optional<p1::Decimal> &d)
{
    return d ? d->toDouble() : std::nan("");
}

} // namespace

class TestSimulatedMeter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void timestamp_data();
    void timestamp();
    void lowTariff_data();
    void lowTariff();
    void telegramIsValid_data();
    void telegramIsValid();
    void mandatoryLines_data();
    void mandatoryLines();
    void phasesConsistent();
    void importsAtNightExportsAtNoon_data();
    void importsAtNightExportsAtNoon();
    void registersIntegratePowerOnTheRightTariff();
    void gasMovesOnFiveMinuteBoundaries_data();
    void gasMovesOnFiveMinuteBoundaries();
    void waterMeterOnChannelTwo();
    void deterministicPerSeed();
    void valuesChange();
};

void TestSimulatedMeter::timestamp_data()
{
    QTest::addColumn<qint64>("utcSeconds");
    QTest::addColumn<QString>("expected");
    QTest::newRow("new-year-winter")
        << qint64(utc(2026, 1, 1, 0, 0)) << QStringLiteral("260101010000W");
    QTest::newRow("summer-noon") << qint64(utc(2026, 7, 1, 12, 0))
                                 << QStringLiteral("260701140000S");
    // 2026: summer time from Sunday 29 March 01:00 UTC to Sunday 25 October 01:00 UTC.
    QTest::newRow("before-spring-switch")
        << qint64(utc(2026, 3, 29, 0, 59, 59)) << QStringLiteral("260329015959W");
    QTest::newRow("at-spring-switch")
        << qint64(utc(2026, 3, 29, 1, 0)) << QStringLiteral("260329030000S");
    QTest::newRow("before-autumn-switch")
        << qint64(utc(2026, 10, 25, 0, 59, 59)) << QStringLiteral("261025025959S");
    QTest::newRow("at-autumn-switch")
        << qint64(utc(2026, 10, 25, 1, 0)) << QStringLiteral("261025020000W");
    QTest::newRow("leap-day") << qint64(utc(2028, 2, 29, 22, 30, 5))
                              << QStringLiteral("280229233005W");
    QTest::newRow("new-years-eve-local")
        << qint64(utc(2027, 12, 31, 23, 15)) << QStringLiteral("280101001500W");
}

void TestSimulatedMeter::timestamp()
{
    QFETCH(qint64, utcSeconds);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(SimulatedMeter::formatTimestamp(utcSeconds)), expected);
    // The core's own timestamp parser must read it back to the same moment.
    const auto parsed = p1::Timestamp::parse(SimulatedMeter::formatTimestamp(utcSeconds));
    QVERIFY(parsed.valid);
    QCOMPARE(parsed.utcSeconds, utcSeconds);
}

void TestSimulatedMeter::lowTariff_data()
{
    QTest::addColumn<qint64>("utcSeconds");
    QTest::addColumn<bool>("low");
    // Wednesday 14 January 2026 (winter, +01:00) and Saturday 17 / Sunday 18 January.
    QTest::newRow("weekday-morning") << qint64(utc(2026, 1, 14, 9, 0)) << false; // 10:00 local
    QTest::newRow("weekday-06:59") << qint64(utc(2026, 1, 14, 5, 59)) << true;
    QTest::newRow("weekday-07:00") << qint64(utc(2026, 1, 14, 6, 0)) << false;
    QTest::newRow("weekday-22:59") << qint64(utc(2026, 1, 14, 21, 59)) << false;
    QTest::newRow("weekday-23:00") << qint64(utc(2026, 1, 14, 22, 0)) << true;
    QTest::newRow("saturday-noon") << qint64(utc(2026, 1, 17, 11, 0)) << true;
    QTest::newRow("sunday-noon") << qint64(utc(2026, 1, 18, 11, 0)) << true;
    QTest::newRow("monday-07:30") << qint64(utc(2026, 1, 19, 6, 30)) << false;
    // Summer (+02:00): 07:00 local is 05:00 UTC.
    QTest::newRow("summer-weekday-06:30") << qint64(utc(2026, 6, 17, 4, 30)) << true;
    QTest::newRow("summer-weekday-07:30") << qint64(utc(2026, 6, 17, 5, 30)) << false;
}

void TestSimulatedMeter::lowTariff()
{
    QFETCH(qint64, utcSeconds);
    QFETCH(bool, low);
    QCOMPARE(SimulatedMeter::lowTariff(utcSeconds), low);

    SimulatedMeter meter(3, utcSeconds);
    Decoded d;
    decode(meter.telegram(), d);
    QCOMPARE(d.reading.tariff.value_or(0), low ? 1 : 2);
    QCOMPARE(d.reading.lowTariff().value_or(!low), low);
}

void TestSimulatedMeter::telegramIsValid_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<qint64>("start");
    QTest::addColumn<int>("stepSeconds");
    QTest::newRow("seed1-winter-night") << 1u << qint64(utc(2026, 1, 14, 2, 0)) << 1;
    QTest::newRow("seed2-summer-noon") << 2u << qint64(utc(2026, 6, 21, 11, 0)) << 1;
    QTest::newRow("seed3-spring-evening") << 3u << qint64(utc(2026, 3, 29, 17, 0)) << 10;
    QTest::newRow("seed42-autumn-hourly") << 42u << qint64(utc(2026, 10, 24, 0, 0)) << 3600;
}

void TestSimulatedMeter::telegramIsValid()
{
    QFETCH(quint32, seed);
    QFETCH(qint64, start);
    QFETCH(int, stepSeconds);
    SimulatedMeter meter(seed, start);
    for (int i = 0; i < 50; ++i) {
        if (i > 0)
            meter.advance(stepSeconds * 1000);
        const std::string t = meter.telegram();
        // CRC-16/ARC over '/' .. '!', four upper-case hex digits, CR LF.
        const auto bang = t.rfind('!');
        QVERIFY(bang != std::string::npos);
        QCOMPARE(t.size(), bang + 7);
        QCOMPARE(t.substr(bang + 5), std::string("\r\n"));
        char hex[8];
        std::snprintf(hex, sizeof hex, "%04X",
            unsigned(p1::Crc16::compute(std::string_view(t).substr(0, bang + 1))));
        QCOMPARE(QByteArray::fromStdString(t.substr(bang + 1, 4)), QByteArray(hex));

        Decoded d;
        decode(t, d);
        QCOMPARE(d.frames, 1);
        QVERIFY(d.error == p1::FrameError::None);
        QVERIFY(d.crc == p1::CrcStatus::Ok);
        QVERIFY2(d.telegram.unparsed.empty(), t.c_str());
        QCOMPARE(d.reading.version, std::string("50"));
        QVERIFY(d.reading.timestamp.valid);
        QCOMPARE(d.reading.timestamp.utcSeconds, meter.utcMilliseconds() / 1000);
        QVERIFY(t.size() > 900 && t.size() < 1400);
    }
}

void TestSimulatedMeter::mandatoryLines_data()
{
    QTest::addColumn<QString>("obis");
    const char *codes[] = {"1-3:0.2.8", "0-0:1.0.0", "0-0:96.1.1", "1-0:1.8.1", "1-0:1.8.2",
        "1-0:2.8.1", "1-0:2.8.2", "0-0:96.14.0", "1-0:1.7.0", "1-0:2.7.0", "0-0:96.7.21",
        "0-0:96.7.9", "1-0:99.97.0", "1-0:32.32.0", "1-0:52.32.0", "1-0:72.32.0", "1-0:32.36.0",
        "1-0:52.36.0", "1-0:72.36.0", "0-0:96.13.0", "1-0:32.7.0", "1-0:52.7.0", "1-0:72.7.0",
        "1-0:31.7.0", "1-0:51.7.0", "1-0:71.7.0", "1-0:21.7.0", "1-0:41.7.0", "1-0:61.7.0",
        "1-0:22.7.0", "1-0:42.7.0", "1-0:62.7.0", "0-1:24.1.0", "0-1:96.1.0", "0-1:24.2.1"};
    for (const char *code : codes)
        QTest::newRow(code) << QString::fromLatin1(code);
}

void TestSimulatedMeter::mandatoryLines()
{
    QFETCH(QString, obis);
    const auto code = p1::Obis::parse(obis.toStdString());
    QVERIFY(code);
    SimulatedMeter meter(7, utc(2026, 5, 5, 8, 0));
    Decoded d;
    decode(meter.telegram(), d);
    const p1::CosemObject *object = d.telegram.find(*code);
    QVERIFY2(object, qPrintable(obis));
    // Exactly once.
    int count = 0;
    for (const auto &o : d.telegram.objects)
        count += o.obis == *code ? 1 : 0;
    QCOMPARE(count, 1);
}

void TestSimulatedMeter::phasesConsistent()
{
    SimulatedMeter meter(11, utc(2026, 6, 21, 4, 0));
    int exports = 0;
    for (int i = 0; i < 24 * 12; ++i) { // a day, every 5 minutes
        meter.advance(5 * 60 * 1000);
        Decoded d;
        decode(meter.telegram(), d);
        const p1::Reading &r = d.reading;
        double sum = 0;
        for (int p = 0; p < 3; ++p) {
            const auto &phase = r.phases[std::size_t(p)];
            const double in = value(phase.powerImport);
            const double out = value(phase.powerExport);
            const double volts = value(phase.voltage);
            const double amps = value(phase.current);
            QVERIFY(in >= 0 && out >= 0);
            QVERIFY2(in == 0 || out == 0, "a phase imports or exports, not both");
            QVERIFY(volts > 207 && volts < 253);
            // Current is |P|/V rounded to whole amperes, unsigned.
            QVERIFY2(std::abs(amps - (in + out) / volts) <= 0.5 + 1e-9,
                qPrintable(QStringLiteral("L%1: %2 A for %3 W at %4 V")
                               .arg(p + 1)
                               .arg(amps)
                               .arg(in + out)
                               .arg(volts)));
            QCOMPARE(in - out, meter.phasePower(p));
            sum += in - out;
        }
        const double total = value(r.powerImport) - value(r.powerExport);
        QVERIFY(value(r.powerImport) == 0 || value(r.powerExport) == 0);
        QVERIFY2(std::abs(total - sum) < 0.5, qPrintable(QString::number(total - sum)));
        exports += total < 0 ? 1 : 0;
    }
    QVERIFY(exports > 0);
}

void TestSimulatedMeter::importsAtNightExportsAtNoon_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<QDate>("day");
    QTest::newRow("midsummer-seed1") << 1u << QDate(2026, 6, 21);
    QTest::newRow("midsummer-seed99") << 99u << QDate(2026, 6, 21);
    QTest::newRow("may-seed5") << 5u << QDate(2026, 5, 12);
    QTest::newRow("september-seed8") << 8u << QDate(2026, 9, 2);
}

void TestSimulatedMeter::importsAtNightExportsAtNoon()
{
    QFETCH(quint32, seed);
    QFETCH(QDate, day);
    // Start at 00:00 local (summer time: 22:00 UTC the day before), a telegram a minute.
    const std::int64_t midnight =
        QDateTime(day, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch() - 7200;
    SimulatedMeter meter(seed, midnight);
    int night = 0;
    int nightImports = 0;
    int noon = 0;
    int noonExports = 0;
    for (int minute = 0; minute < 24 * 60; ++minute) {
        if (minute > 0)
            meter.advance(60 * 1000);
        const double net = meter.netPower();
        if (minute < 5 * 60) {
            ++night;
            nightImports += net > 0 ? 1 : 0;
        } else if (minute >= 11 * 60 && minute < 15 * 60) {
            ++noon;
            noonExports += net < 0 ? 1 : 0;
        }
    }
    QCOMPARE(nightImports, night); // no sun: always importing
    QVERIFY2(noonExports > noon / 2,
        qPrintable(QStringLiteral("%1 of %2 minutes exporting").arg(noonExports).arg(noon)));
}

void TestSimulatedMeter::registersIntegratePowerOnTheRightTariff()
{
    // Friday 22:00 local to Monday 08:00, every 30 s: weekday, low night, weekend, weekday.
    const std::int64_t start = utc(2026, 6, 12, 20, 0);
    SimulatedMeter meter(21, start);
    Decoded previous;
    decode(meter.telegram(), previous);
    double expectedImport = 0;
    double expectedExport = 0;
    int tariffChanges = 0;
    for (int i = 0; i < 2 * 60 * 58; ++i) {
        const double net = meter.netPower();
        const bool low = SimulatedMeter::lowTariff(meter.utcMilliseconds() / 1000);
        meter.advance(30 * 1000);
        Decoded d;
        decode(meter.telegram(), d);
        const auto &r = d.reading;
        const auto &p = previous.reading;
        for (std::size_t t = 1; t <= 2; ++t) {
            QVERIFY(value(r.energyImport[t]) >= value(p.energyImport[t]));
            QVERIFY(value(r.energyExport[t]) >= value(p.energyExport[t]));
        }
        // Only the tariff that applied during the step moves (registers in Wh, 3 decimals kWh).
        const std::size_t idle = low ? 2 : 1;
        QCOMPARE(value(r.energyImport[idle]), value(p.energyImport[idle]));
        QCOMPARE(value(r.energyExport[idle]), value(p.energyExport[idle]));
        (net > 0 ? expectedImport : expectedExport) += std::abs(net) * 30 / 3600;
        tariffChanges += r.tariff != p.tariff ? 1 : 0;
        previous = std::move(d);
        previous.telegram.clear(); // views into the old text are not used again
    }
    Decoded first;
    SimulatedMeter again(21, start);
    decode(again.telegram(), first);
    const double imported =
        value(previous.reading.totalImport()) - value(first.reading.totalImport());
    const double exported =
        value(previous.reading.totalExport()) - value(first.reading.totalExport());
    QVERIFY2(std::abs(imported - expectedImport) < 2, qPrintable(QString::number(imported)));
    QVERIFY2(std::abs(exported - expectedExport) < 2, qPrintable(QString::number(exported)));
    QVERIFY(imported > 1000 && exported > 1000); // over a sunny weekend: both, kWh scale
    QCOMPARE(tariffChanges, 2); // Friday 23:00 to low, Monday 07:00 back to normal
}

void TestSimulatedMeter::gasMovesOnFiveMinuteBoundaries_data()
{
    QTest::addColumn<int>("stepSeconds");
    QTest::addColumn<int>("startSecond");
    QTest::newRow("every-second") << 1 << 17;
    QTest::newRow("every-7s") << 7 << 0;
    QTest::newRow("every-minute") << 60 << 30;
    QTest::newRow("every-13-minutes") << 13 * 60 << 5;
}

void TestSimulatedMeter::gasMovesOnFiveMinuteBoundaries()
{
    QFETCH(int, stepSeconds);
    QFETCH(int, startSecond);
    // A January morning: heating, so the gas visibly moves.
    const std::int64_t start = utc(2026, 1, 14, 5, 2, startSecond);
    SimulatedMeter meter(4, start);
    Decoded d;
    decode(meter.telegram(), d);
    const p1::MbusChannel *gas = d.reading.gas();
    QVERIFY(gas);
    QCOMPARE(gas->channel, std::uint8_t(1));
    QCOMPARE(gas->equipmentId.size(), std::size_t(17));
    QCOMPARE(gas->captureTime.utcSeconds, utc(2026, 1, 14, 5, 0));
    std::int64_t capture = gas->captureTime.utcSeconds;
    double reading = value(gas->value);
    int moves = 0;
    const int steps = 3 * 3600 / stepSeconds;
    for (int i = 0; i < steps; ++i) {
        meter.advance(stepSeconds * 1000);
        decode(meter.telegram(), d);
        gas = d.reading.gas();
        QVERIFY(gas && gas->captureTime.valid);
        const std::int64_t now = meter.utcMilliseconds() / 1000;
        // The capture time is the last 5-minute boundary of the clock, always.
        QCOMPARE(gas->captureTime.utcSeconds, now - now % 300);
        const double v = value(gas->value);
        if (gas->captureTime.utcSeconds == capture) {
            QCOMPARE(v, reading); // no change between boundaries
        } else {
            QVERIFY(v >= reading);
            moves += v > reading ? 1 : 0;
        }
        capture = gas->captureTime.utcSeconds;
        reading = v;
    }
    QVERIFY(moves > 0);
}

void TestSimulatedMeter::waterMeterOnChannelTwo()
{
    // A day in minute steps: the water meter is channel 2, typed water, reports with the gas
    // meter every 5 minutes, and the household uses a plausible amount, mostly by day.
    const std::int64_t start = utc(2026, 6, 10, 0, 0);
    SimulatedMeter meter(5, start);
    Decoded d;
    decode(meter.telegram(), d);
    const p1::MbusChannel &water = d.reading.mbus[1];
    QVERIFY(water.isWaterMeter());
    QCOMPARE(water.channel, std::uint8_t(2));
    QCOMPARE(water.unit, p1::Unit::CubicMetre);
    QVERIFY(water.equipmentId.starts_with("W0099"));
    QVERIFY(water.equipmentId != d.reading.gas()->equipmentId);
    const double first = value(water.value);
    double previous = first;
    double night = 0; // 01:00-05:00
    double morning = 0; // 06:00-09:00
    for (int minute = 1; minute <= 24 * 60; ++minute) {
        meter.advance(60 * 1000);
        decode(meter.telegram(), d);
        const p1::MbusChannel &w = d.reading.mbus[1];
        QVERIFY(w.isWaterMeter());
        QCOMPARE(w.captureTime.utcSeconds, d.reading.gas()->captureTime.utcSeconds);
        const double v = value(w.value);
        QVERIFY(v >= previous);
        if (minute % 5 != 0)
            QCOMPARE(v, previous); // moves only when the M-Bus device reports
        const int hour = minute / 60; // local = UTC + 2 in June
        if (hour + 2 >= 1 && hour + 2 < 5)
            night += v - previous;
        if (hour + 2 >= 6 && hour + 2 < 9)
            morning += v - previous;
        previous = v;
    }
    const double day = previous - first;
    QVERIFY2(day > 0.2 && day < 0.8, qPrintable(QString::number(day)));
    QVERIFY2(morning > 2 * night, qPrintable(QStringLiteral("%1 %2").arg(morning).arg(night)));
}

void TestSimulatedMeter::deterministicPerSeed()
{
    const std::int64_t start = utc(2026, 4, 1, 10, 0);
    SimulatedMeter a(9, start);
    SimulatedMeter b(9, start);
    SimulatedMeter c(10, start);
    bool differs = false;
    for (int i = 0; i < 100; ++i) {
        a.advance(1000);
        b.advance(1000);
        c.advance(1000);
        QCOMPARE(a.telegram(), b.telegram());
        differs = differs || a.telegram() != c.telegram();
    }
    QVERIFY(differs);
    a.reset(9, start);
    SimulatedMeter d(9, start);
    QCOMPARE(a.telegram(), d.telegram());
}

void TestSimulatedMeter::valuesChange()
{
    SimulatedMeter meter(12, utc(2026, 2, 3, 18, 0));
    std::set<double> powers;
    std::set<double> voltages;
    for (int i = 0; i < 60; ++i) {
        meter.advance(1000);
        Decoded d;
        decode(meter.telegram(), d);
        powers.insert(value(d.reading.powerImport) - value(d.reading.powerExport));
        voltages.insert(value(d.reading.phases[0].voltage));
    }
    QVERIFY2(powers.size() > 20, qPrintable(QString::number(powers.size())));
    QVERIFY(voltages.size() > 3);
}

QTEST_GUILESS_MAIN(TestSimulatedMeter)
#include "tst_simulatedmeter.moc"
