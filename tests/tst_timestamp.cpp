#include "timestamp.h"

#include <QTest>

#include <chrono>

using p1::Timestamp;

class TestTimestamp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void defaultIsAbsent();
    void equality();
    void everyDay_data();
    void everyDay();
    void notADigit_data();
    void notADigit();
};

void TestTimestamp::parse_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("present");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("utc");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QByteArray>("iso");

    // With the DST flag.
    QTest::newRow("winter-W") << QByteArray("261125143015W") << true << true << qint64(1795613415)
                              << 60 << QByteArray("2026-11-25T14:30:15+01:00");
    QTest::newRow("summer-S") << QByteArray("260701192959S") << true << true << qint64(1782926999)
                              << 120 << QByteArray("2026-07-01T19:29:59+02:00");
    QTest::newRow("summer-lowercase-s")
        << QByteArray("150701190000s") << true << true << qint64(1435770000) << 120
        << QByteArray("2015-07-01T19:00:00+02:00");
    QTest::newRow("winter-lowercase-w")
        << QByteArray("251118145825w") << true << true << qint64(1763474305) << 60
        << QByteArray("2025-11-18T14:58:25+01:00");
    QTest::newRow("new-year-midnight")
        << QByteArray("260101000000W") << true << true << qint64(1767222000) << 60
        << QByteArray("2026-01-01T00:00:00+01:00");
    QTest::newRow("leap-day") << QByteArray("240229120000W") << true << true << qint64(1709204400)
                              << 60 << QByteArray("2024-02-29T12:00:00+01:00");
    QTest::newRow("first-valid-year")
        << QByteArray("050101000000W") << true << true << qint64(1104534000) << 60
        << QByteArray("2005-01-01T00:00:00+01:00");
    QTest::newRow("last-valid-year")
        << QByteArray("691231235959W") << true << true << qint64(3155756399) << 60
        << QByteArray("2069-12-31T23:59:59+01:00");

    // Without the flag (DSMR 2.2/3.0 gas profile): the EU rule decides.
    QTest::newRow("no-flag-may-summer")
        << QByteArray("120517020000") << true << true << qint64(1337212800) << 120
        << QByteArray("2012-05-17T02:00:00+02:00");
    QTest::newRow("no-flag-november-winter")
        << QByteArray("261125143015") << true << true << qint64(1795613415) << 60
        << QByteArray("2026-11-25T14:30:15+01:00");
    QTest::newRow("no-flag-day-before-spring")
        << QByteArray("260328120000") << true << true << qint64(1774695600) << 60
        << QByteArray("2026-03-28T12:00:00+01:00");
    QTest::newRow("no-flag-spring-0159")
        << QByteArray("260329015959") << true << true << qint64(1774745999) << 60
        << QByteArray("2026-03-29T01:59:59+01:00");
    // 02:00-03:00 does not exist on that day; it counts as summer.
    QTest::newRow("no-flag-spring-0200")
        << QByteArray("260329020000") << true << true << qint64(1774742400) << 120
        << QByteArray("2026-03-29T02:00:00+02:00");
    QTest::newRow("no-flag-spring-0300")
        << QByteArray("260329030000") << true << true << qint64(1774746000) << 120
        << QByteArray("2026-03-29T03:00:00+02:00");
    QTest::newRow("no-flag-day-before-autumn")
        << QByteArray("261024120000") << true << true << qint64(1792836000) << 120
        << QByteArray("2026-10-24T12:00:00+02:00");
    // 02:00-03:00 happens twice; the first (summer) pass is taken.
    QTest::newRow("no-flag-autumn-0200")
        << QByteArray("261025020000") << true << true << qint64(1792886400) << 120
        << QByteArray("2026-10-25T02:00:00+02:00");
    QTest::newRow("no-flag-autumn-0259")
        << QByteArray("261025025959") << true << true << qint64(1792889999) << 120
        << QByteArray("2026-10-25T02:59:59+02:00");
    QTest::newRow("no-flag-autumn-0300")
        << QByteArray("261025030000") << true << true << qint64(1792893600) << 60
        << QByteArray("2026-10-25T03:00:00+01:00");
    QTest::newRow("no-flag-day-after-autumn")
        << QByteArray("261026000000") << true << true << qint64(1792969200) << 60
        << QByteArray("2026-10-26T00:00:00+01:00");
    // 2024: March 31 itself is the last Sunday.
    QTest::newRow("no-flag-2024-spring-0159")
        << QByteArray("240331015959") << true << true << qint64(1711846799) << 60
        << QByteArray("2024-03-31T01:59:59+01:00");
    QTest::newRow("no-flag-2024-spring-0200")
        << QByteArray("240331020000") << true << true << qint64(1711843200) << 120
        << QByteArray("2024-03-31T02:00:00+02:00");
    QTest::newRow("no-flag-2024-autumn-0259")
        << QByteArray("241027025959") << true << true << qint64(1729990799) << 120
        << QByteArray("2024-10-27T02:59:59+02:00");
    QTest::newRow("no-flag-2024-autumn-0300")
        << QByteArray("241027030000") << true << true << qint64(1729994400) << 60
        << QByteArray("2024-10-27T03:00:00+01:00");

    // Placeholders and garbage: present, not valid.
    QTest::newRow("placeholder-2000")
        << QByteArray("000101000001W") << true << false << qint64(0) << 60 << QByteArray();
    QTest::newRow("placeholder-1970")
        << QByteArray("700101010000W") << true << false << qint64(0) << 60 << QByteArray();
    QTest::newRow("all-zeros") << QByteArray("000000000000W") << true << false << qint64(0) << 60
                               << QByteArray();
    QTest::newRow("all-zeros-summer")
        << QByteArray("000000000000S") << true << false << qint64(0) << 120 << QByteArray();
    QTest::newRow("all-zeros-no-flag")
        << QByteArray("000000000000") << true << false << qint64(0) << 0 << QByteArray();
    QTest::newRow("garbage-fluvius")
        << QByteArray("632525252525W") << true << false << qint64(0) << 60 << QByteArray();
    QTest::newRow("year-2004") << QByteArray("041231235959W") << true << false << qint64(0) << 60
                               << QByteArray();
    QTest::newRow("not-a-leap-year")
        << QByteArray("230229120000W") << true << false << qint64(0) << 60 << QByteArray();
    QTest::newRow("month-13") << QByteArray("261301000000W") << true << false << qint64(0) << 60
                              << QByteArray();
    QTest::newRow("month-0") << QByteArray("260001000000W") << true << false << qint64(0) << 60
                             << QByteArray();
    QTest::newRow("day-0") << QByteArray("261100120000W") << true << false << qint64(0) << 60
                           << QByteArray();
    QTest::newRow("april-31") << QByteArray("260431120000W") << true << false << qint64(0) << 60
                              << QByteArray();
    QTest::newRow("hour-24") << QByteArray("261125240000W") << true << false << qint64(0) << 60
                             << QByteArray();
    QTest::newRow("minute-60") << QByteArray("261125146000W") << true << false << qint64(0) << 60
                               << QByteArray();
    QTest::newRow("second-60") << QByteArray("261125143060W") << true << false << qint64(0) << 60
                               << QByteArray();

    // Not the shape of a timestamp at all.
    QTest::newRow("empty") << QByteArray() << false << false << qint64(0) << 0 << QByteArray();
    QTest::newRow("11-digits") << QByteArray("26112514301W") << false << false << qint64(0) << 0
                               << QByteArray();
    QTest::newRow("14-chars") << QByteArray("2611251430150W") << false << false << qint64(0) << 0
                              << QByteArray();
    QTest::newRow("unknown-flag") << QByteArray("261125143015X") << false << false << qint64(0) << 0
                                  << QByteArray();
    QTest::newRow("letter-inside")
        << QByteArray("26112514301aW") << false << false << qint64(0) << 0 << QByteArray();
    QTest::newRow("double-flag") << QByteArray("261125143015WW") << false << false << qint64(0) << 0
                                 << QByteArray();
    QTest::newRow("a-number") << QByteArray("00012") << false << false << qint64(0) << 0
                              << QByteArray();
}

void TestTimestamp::parse()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, present);
    QFETCH(bool, valid);
    QFETCH(qint64, utc);
    QFETCH(int, offset);
    QFETCH(QByteArray, iso);

    const Timestamp t = Timestamp::parse({text.constData(), std::size_t(text.size())});
    QCOMPARE(t.present, present);
    QCOMPARE(t.valid, valid);
    QCOMPARE(qint64(t.utcSeconds), utc);
    QCOMPARE(int(t.offsetMinutes), offset);
    QCOMPARE(QByteArray::fromStdString(t.toIso8601()), iso);
}

void TestTimestamp::defaultIsAbsent()
{
    const Timestamp t;
    QVERIFY(!t.present);
    QVERIFY(!t.valid);
    QVERIFY(t.toIso8601().empty());
}

void TestTimestamp::equality()
{
    // The same moment written with and without the flag compares equal.
    QCOMPARE(Timestamp::parse("261125143015W"), Timestamp::parse("261125143015"));
    QCOMPARE(Timestamp::parse("261125143015W"), Timestamp::parse("261125143015w"));
    QVERIFY(!(Timestamp::parse("261125143015W") == Timestamp::parse("261125143015S")));
    QVERIFY(!(Timestamp::parse("261125143015W") == Timestamp::parse("261125143016W")));
}

void TestTimestamp::everyDay_data()
{
    QTest::addColumn<int>("flag");
    QTest::newRow("winter-W") << int('W');
    QTest::newRow("summer-S") << int('S');
}

void TestTimestamp::everyDay()
{
    // Every year, month and day 0-32 of the valid range, flagged, against the calendar of
    // <chrono>: valid exactly for real dates, and then the ISO text (made with a different
    // date algorithm) gives back the date and time as written.
    QFETCH(int, flag);
    const int offset = flag == 'S' ? 120 : 60;
    const auto two = [](int v) { return QByteArray::number(v).rightJustified(2, '0'); };
    int valid = 0;
    for (int y = 2005; y <= 2069; ++y) {
        for (int m = 0; m <= 13; ++m) {
            for (int d = 0; d <= 32; ++d) {
                const int hh = (d + m) % 24;
                const int mm = (d * 7 + y) % 60;
                const int ss = (m * 13 + d) % 60;
                const QByteArray text =
                    two(y % 100) + two(m) + two(d) + two(hh) + two(mm) + two(ss) + char(flag);
                const Timestamp t = Timestamp::parse({text.constData(), std::size_t(text.size())});
                const bool real = std::chrono::year_month_day {std::chrono::year {y},
                    std::chrono::month {unsigned(m)},
                    std::chrono::day {
                        unsigned(d)}}.ok();
                QVERIFY2(t.present, text.constData());
                QVERIFY2(t.valid == real, text.constData());
                if (!real)
                    continue;
                ++valid;
                QCOMPARE(int(t.offsetMinutes), offset);
                const QByteArray iso = QByteArray::number(y) + '-' + two(m) + '-' + two(d) + 'T'
                    + two(hh) + ':' + two(mm) + ':' + two(ss) + '+' + two(offset / 60) + ":00";
                QCOMPARE(QByteArray::fromStdString(t.toIso8601()), iso);
            }
        }
    }
    QCOMPARE(valid, 23741); // the days of 2005-2069
}

void TestTimestamp::notADigit_data()
{
    QTest::addColumn<int>("position");
    QTest::addColumn<int>("character");
    for (int position = 0; position < 12; ++position)
        for (const int c : {int('/'), int(':'), int(' '), int('a'), 0x00, 0xB0, 0xFF})
            QTest::newRow(QByteArray::number(position)
                              .append('-')
                              .append(QByteArray::number(c, 16))
                              .constData())
                << position << c;
}

void TestTimestamp::notADigit()
{
    // A character that is not a digit anywhere in the twelve makes it no timestamp at all.
    QFETCH(int, position);
    QFETCH(int, character);
    for (const char *shape : {"261125143015W", "261125143015"}) {
        QByteArray text(shape);
        text[position] = char(character);
        const Timestamp t = Timestamp::parse({text.constData(), std::size_t(text.size())});
        QVERIFY(!t.present);
        QVERIFY(!t.valid);
    }
}

QTEST_GUILESS_MAIN(TestTimestamp)
#include "tst_timestamp.moc"
