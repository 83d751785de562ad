#include "logging.h"

#include <QTest>

using namespace Qt::StringLiterals;

using namespace std::chrono_literals;
using p1::RepeatLimiter;

namespace {

// A clock the test moves by hand: no test sleeps through a ten-minute window.
struct FakeClock
{
    std::chrono::steady_clock::time_point now {std::chrono::hours(1000)};
    RepeatLimiter::Clock clock()
    {
        return [this] { return now; };
    }
};

} // namespace

class TestRepeatLimiter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstThenCountThenSummary_data();
    void firstThenCountThenSummary();
    void differentLinesAreEachFirst();
    void flushReportsWhatStoppedRepeating();
    void flushAllEndsACondition();
    void tracksABoundedNumberOfLines();
};

void TestRepeatLimiter::firstThenCountThenSummary_data()
{
    // One occurrence every `step` seconds, `count` of them: the logged lines, in order.
    QTest::addColumn<int>("step");
    QTest::addColumn<int>("count");
    QTest::addColumn<QStringList>("logged");

    QTest::newRow("once") << 1 << 1 << QStringList {u"W"_s};
    QTest::newRow("every-second-for-a-minute") << 1 << 60 << QStringList {u"W"_s};
    // 1 s apart: at 0 the first, 1..599 held (599), at 600 the window has passed.
    QTest::newRow("every-second-past-the-window")
        << 1 << 601 << QStringList {u"W"_s, u"W; 599 more times in the last 10 min"_s};
    QTest::newRow("every-30-s-for-25-min")
        << 30 << 51
        << QStringList {u"W"_s, u"W; 19 more times in the last 10 min"_s,
               u"W; 19 more times in the last 10 min"_s};
    // Further apart than the window: each one is logged as it is.
    QTest::newRow("every-11-min") << 660 << 3 << QStringList {u"W"_s, u"W"_s, u"W"_s};
}

void TestRepeatLimiter::firstThenCountThenSummary()
{
    QFETCH(int, step);
    QFETCH(int, count);
    QFETCH(QStringList, logged);

    FakeClock clock;
    RepeatLimiter limiter(10min, clock.clock());
    QStringList out;
    for (int i = 0; i < count; ++i) {
        const QString line = limiter.filter(u"W"_s);
        if (!line.isEmpty())
            out << line;
        clock.now += std::chrono::seconds(step);
    }
    QCOMPARE(out, logged);
}

void TestRepeatLimiter::differentLinesAreEachFirst()
{
    FakeClock clock;
    RepeatLimiter limiter(10min, clock.clock());
    QCOMPARE(limiter.filter(u"tcp: refused"_s), u"tcp: refused"_s);
    QCOMPARE(
        limiter.filter(u"tcp: closed by the remote end"_s), u"tcp: closed by the remote end"_s);
    QCOMPARE(limiter.filter(u"tcp: refused"_s), QString());
    QCOMPARE(limiter.filter(u"tcp: closed by the remote end"_s), QString());
}

void TestRepeatLimiter::flushReportsWhatStoppedRepeating()
{
    FakeClock clock;
    RepeatLimiter limiter(10min, clock.clock());
    QCOMPARE(limiter.filter(u"A"_s), u"A"_s);
    for (int i = 0; i < 37; ++i) {
        clock.now += 5s;
        QVERIFY(limiter.filter(u"A"_s).isEmpty());
    }
    QCOMPARE(limiter.filter(u"B"_s), u"B"_s); // B never repeats: nothing to report
    QVERIFY(limiter.flush().isEmpty()); // A's window is still open
    clock.now += 10min;
    QCOMPARE(limiter.flush(), QStringList {u"... 37 more times in the last 13 min: A"_s});
    QVERIFY(limiter.flush().isEmpty()); // reported once
    QCOMPARE(limiter.filter(u"A"_s), u"A"_s); // and A starts afresh
}

void TestRepeatLimiter::flushAllEndsACondition()
{
    FakeClock clock;
    RepeatLimiter limiter(10min, clock.clock());
    (void)limiter.filter(u"A"_s);
    clock.now += 20s;
    (void)limiter.filter(u"A"_s);
    (void)limiter.filter(u"A"_s);
    QVERIFY(limiter.flush().isEmpty());
    QCOMPARE(limiter.flush(true), QStringList {u"... 2 more times in the last 20 s: A"_s});
}

void TestRepeatLimiter::tracksABoundedNumberOfLines()
{
    FakeClock clock;
    RepeatLimiter limiter(10min, clock.clock());
    for (int i = 0; i < RepeatLimiter::kMaxLines; ++i)
        QCOMPARE(limiter.filter(QString::number(i)), QString::number(i));
    // Full: a new line is let through every time rather than tracked.
    QCOMPARE(limiter.filter(u"new"_s), u"new"_s);
    QCOMPARE(limiter.filter(u"new"_s), u"new"_s);
    QCOMPARE(limiter.filter(u"0"_s), QString());
    // Once the window has passed the quiet lines are forgotten and there is room again.
    clock.now += 11min;
    QCOMPARE(limiter.filter(u"new"_s), u"new"_s);
    QCOMPARE(limiter.filter(u"new"_s), QString());
}

QTEST_GUILESS_MAIN(TestRepeatLimiter)
#include "tst_repeatlimiter.moc"
