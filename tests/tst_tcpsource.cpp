#include "io/tcpsource.h"
#include "sampletelegrams.h"

#include <QHostAddress>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <condition_variable>
#include <cstring>
#include <memory>
#include <mutex>

#include <dlfcn.h>
#include <netdb.h>

using namespace std::chrono_literals;
using namespace Qt::StringLiterals;
using p1::Source;
using p1::TcpSource;

namespace {

/// Host names that getaddrinfo() below treats specially.
constexpr char kHeldName[] = "held-lookup.invalid"; // waits for release(), then not found
constexpr char kLoopbackPairName[] = "loopback-pair.test"; // ::1 and 127.0.0.1, in libc's order

/// Lookups of kHeldName block on the worker thread until the test releases them: a slow DNS
/// server, on demand.
struct HeldLookups
{
    std::mutex mutex;
    std::condition_variable wakeUp;
    bool holding = true;
    int entered = 0;
    int returned = 0;

    void reset()
    {
        const std::lock_guard guard(mutex);
        holding = true;
        entered = 0;
        returned = 0;
    }
    void release()
    {
        const std::lock_guard guard(mutex);
        holding = false;
        wakeUp.notify_all();
    }
    int enteredCount()
    {
        const std::lock_guard guard(mutex);
        return entered;
    }
    int returnedCount()
    {
        const std::lock_guard guard(mutex);
        return returned;
    }
};

/// Never destroyed: a worker may still be waiting in it when the program exits.
HeldLookups &heldLookups()
{
    static auto *lookups = new HeldLookups;
    return *lookups;
}

} // namespace

// The test program's own getaddrinfo() comes before the C library's for TcpSource's calls;
// every other name goes on to the real one.
extern "C" int getaddrinfo(const char *__restrict node, const char *__restrict service,
    const addrinfo *__restrict hints, addrinfo **__restrict result)
{
    using GetAddrInfo = int (*)(const char *, const char *, const addrinfo *, addrinfo **);
    static const auto real = reinterpret_cast<GetAddrInfo>(::dlsym(RTLD_NEXT, "getaddrinfo"));
    // A numeric-only lookup asks no DNS server, so it is never slow.
    const bool numericOnly = hints && (hints->ai_flags & AI_NUMERICHOST);
    if (node && !numericOnly && std::strcmp(node, kHeldName) == 0) {
        HeldLookups &held = heldLookups();
        std::unique_lock lock(held.mutex);
        ++held.entered;
        held.wakeUp.wait_for(lock, 30s, [&] { return !held.holding; });
        lock.unlock();
        const int status = real(node, service, hints, result);
        lock.lock();
        ++held.returned;
        return status;
    }
    if (node && std::strcmp(node, kLoopbackPairName) == 0)
        return real(nullptr, service, hints, result); // no name: the loopback addresses
    return real(node, service, hints, result);
}

namespace {

QByteArray toBytes(const std::string &s)
{
    return QByteArray(s.data(), qsizetype(s.size()));
}

/// A dongle on 127.0.0.1: accepts connections and hands the test the latest one.
class Dongle : public QObject
{
    Q_OBJECT

public:
    bool listen(quint16 port = 0, const QHostAddress &address = QHostAddress::LocalHost)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                m_client = s;
                ++connections;
            }
        });
        return m_server.listen(address, port);
    }
    void stop() { m_server.close(); }
    quint16 port() const { return m_server.serverPort(); }
    QTcpSocket *client() const { return m_client.data(); }
    bool send(const QByteArray &bytes)
    {
        if (!m_client)
            return false;
        m_client->write(bytes);
        return m_client->waitForBytesWritten(2000);
    }

    int connections = 0;

private:
    QTcpServer m_server;
    QPointer<QTcpSocket> m_client;
};

} // namespace

class TestTcpSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dataArrivesWithTelnetStripped_data();
    void dataArrivesWithTelnetStripped();
    void neverWrites();
    void reconnectsAfterTheServerCloses();
    void backoffGrowsWhileRefusedAndResetsAfterATelegram();
    void fewBytesThenHangUpKeepsBackingOff();
    void silentConnectionIsRemade();
    void hangingUpDongleIsReportedOnce();
    void unknownHostKeepsTrying();
    void closeStopsReconnecting();
    void rawModeKeepsFF();
    void connectsByAddressOrName_data();
    void connectsByAddressOrName();
    void peerClosingMidTelegramReconnects();
    void slowLookupKeepsTheEventLoopRunning();
    void lookupTimeoutWaitsForTheSameLookup();
    void lookupOutlivesTheSource_data();
    void lookupOutlivesTheSource();
};

void TestTcpSource::dataArrivesWithTelnetStripped_data()
{
    QTest::addColumn<QList<QByteArray>>("writes");
    QTest::addColumn<QByteArray>("expected");
    const QByteArray t = toBytes(p1::test::dsmr5ThreePhase());
    const QByteArray negotiation("\xFF\xFB\x01\xFF\xFB\x03\xFF\xFD\x03", 9);
    QTest::newRow("plain") << QList<QByteArray> {t} << t;
    QTest::newRow("ser2net-negotiation-first") << QList<QByteArray> {negotiation, t} << t;
    QTest::newRow("iac-split-across-writes")
        << QList<QByteArray> {t.left(10) + QByteArray("\xFF", 1),
               QByteArray("\xFB\x01", 2) + t.mid(10)}
        << t;
    QTest::newRow("subnegotiation-across-writes") << QList<QByteArray> {
        QByteArray("\xFF\xFA\x2C\x01\x00", 5), QByteArray("\x01\xC2\x00\xFF", 4),
        QByteArray("\xF0", 1) + t} << t;
    QTest::newRow("escaped-ff-is-data")
        << QList<QByteArray> {QByteArray("\xFF\xFF/", 3), t} << QByteArray("\xFF/", 2) + t;
}

void TestTcpSource::dataArrivesWithTelnetStripped()
{
    QFETCH(QList<QByteArray>, writes);
    QFETCH(QByteArray, expected);
    Dongle dongle;
    QVERIFY(dongle.listen());
    TcpSource source(QStringLiteral("127.0.0.1"), dongle.port());
    QCOMPARE(source.kind(), Source::Kind::Tcp);
    QVERIFY(!source.isSerial());
    QSignalSpy opened(&source, &Source::opened);
    QSignalSpy discontinuity(&source, &Source::discontinuity);
    QSignalSpy errors(&source, &Source::errorOccurred);
    QByteArray received;
    connect(&source, &Source::dataReceived, this, [&](const QByteArray &b) { received += b; });
    source.open();
    QCOMPARE(opened.count(), 0);
    QVERIFY(opened.wait(3000));
    QCOMPARE(discontinuity.count(), 1);
    QTRY_VERIFY(dongle.client());
    for (const QByteArray &w : std::as_const(writes)) {
        QVERIFY(dongle.send(w));
        QTest::qWait(10); // give each write its own read where the loopback allows
    }
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), expected.size(), 3000);
    QCOMPARE(received, expected);
    QCOMPARE(errors.count(), 0);
}

void TestTcpSource::neverWrites()
{
    Dongle dongle;
    QVERIFY(dongle.listen());
    TcpSource source(QStringLiteral("127.0.0.1"), dongle.port());
    QSignalSpy data(&source, &Source::dataReceived);
    source.open();
    QTRY_VERIFY(dongle.client());
    // Telnet negotiation that a telnet client would answer: we do not.
    QVERIFY(dongle.send(
        QByteArray("\xFF\xFD\x18\xFF\xFD\x20\xFF\xFB\x01", 9) + toBytes(p1::test::dsmr42())));
    QVERIFY(data.wait(3000));
    QSignalSpy serverReads(dongle.client(), &QTcpSocket::readyRead);
    QVERIFY(!serverReads.wait(300));
    QCOMPARE(dongle.client()->bytesAvailable(), 0);
}

void TestTcpSource::reconnectsAfterTheServerCloses()
{
    Dongle dongle;
    QVERIFY(dongle.listen());
    TcpSource source(QStringLiteral("127.0.0.1"), dongle.port());
    source.setBackoff(50ms, 400ms);
    QSignalSpy opened(&source, &Source::opened);
    QSignalSpy errors(&source, &Source::errorOccurred);
    QSignalSpy discontinuity(&source, &Source::discontinuity);
    QSignalSpy finished(&source, &Source::finished);
    QSignalSpy data(&source, &Source::dataReceived);
    source.open();
    QVERIFY(opened.wait(3000));
    QTRY_VERIFY(dongle.client());
    QVERIFY(dongle.send("/first\r\n"));
    QVERIFY(data.wait(2000));

    dongle.client()->disconnectFromHost(); // the dongle reboots
    QVERIFY(errors.wait(3000));
    QCOMPARE(errors.at(0).at(0).value<Source::Error>(), Source::Error::ConnectionLost);
    QCOMPARE(source.state(), Source::State::Connecting);

    QTRY_COMPARE_WITH_TIMEOUT(dongle.connections, 2, 3000);
    QTRY_COMPARE(opened.count(), 2);
    QCOMPARE(discontinuity.count(), 2); // the framer drops the half telegram of the old one
    QVERIFY(dongle.send("/second\r\n"));
    QTRY_COMPARE(data.count(), 2);
    QCOMPARE(data.at(1).at(0).toByteArray(), QByteArray("/second\r\n"));
    QCOMPARE(errors.count(), 1);
    QCOMPARE(finished.count(), 0); // a network source never gives up
}

void TestTcpSource::backoffGrowsWhileRefusedAndResetsAfterATelegram()
{
    Dongle dongle;
    QVERIFY(dongle.listen());
    const quint16 port = dongle.port();
    TcpSource source(QStringLiteral("127.0.0.1"), port);
    source.setBackoff(20ms, 160ms);
    QCOMPARE(source.nextBackoff(), 20ms);
    QSignalSpy opened(&source, &Source::opened);
    QSignalSpy errors(&source, &Source::errorOccurred);
    QSignalSpy data(&source, &Source::dataReceived);
    source.open();
    QVERIFY(opened.wait(3000));
    QTRY_VERIFY(dongle.client());

    // Nobody listens any more: refused, again and again, each wait twice the last up to the cap.
    dongle.stop();
    dongle.client()->abort();
    QVERIFY(errors.wait(3000));
    QTRY_COMPARE_WITH_TIMEOUT(source.nextBackoff(), 160ms, 3000);
    QVERIFY(!errors.wait(200)); // reported once per outage, not once per attempt
    QCOMPARE(errors.count(), 1);

    // Back, but a connection that delivers nothing does not reset the back-off...
    Dongle again;
    QVERIFY(again.listen(port));
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 2, 3000);
    QCOMPARE(source.nextBackoff(), 160ms);
    // ...nor does data: only the reader knows whether it is a meter's...
    QTRY_VERIFY(again.client());
    QVERIFY(again.send("/data\r\n"));
    QVERIFY(data.wait(2000));
    QCOMPARE(source.nextBackoff(), 160ms);
    // ...and tells the source when a telegram was valid.
    source.telegramAccepted();
    QCOMPARE(source.nextBackoff(), 20ms);
}

void TestTcpSource::fewBytesThenHangUpKeepsBackingOff()
{
    // A flaky dongle: every connection delivers a few bytes, never a telegram, and hangs up.
    QTcpServer server;
    int accepted = 0;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *s = server.nextPendingConnection()) {
            ++accepted;
            s->write("/XMX5 garb");
            s->flush();
            s->disconnectFromHost();
            connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
        }
    });
    QVERIFY(server.listen(QHostAddress::LocalHost));
    TcpSource source(QStringLiteral("127.0.0.1"), server.serverPort());
    source.setBackoff(50ms, 800ms);
    QSignalSpy errors(&source, &Source::errorOccurred);
    QSignalSpy data(&source, &Source::dataReceived);
    source.open();
    // Waits of 50, 100, 200, 400, 800 ms: at most 6 connections in 1.5 s. Were the back-off
    // reset by the bytes, it would stay at 50 ms: 20 or more.
    QTest::qWait(1500);
    QVERIFY2(accepted >= 3 && accepted <= 6, qPrintable(QString::number(accepted)));
    QVERIFY(data.count() >= 1); // the bytes did arrive
    QCOMPARE(errors.count(), 1); // one outage: no telegram ended it
    QCOMPARE(source.nextBackoff(), 800ms);
}

void TestTcpSource::silentConnectionIsRemade()
{
    Dongle dongle;
    QVERIFY(dongle.listen());
    TcpSource source(QStringLiteral("127.0.0.1"), dongle.port());
    source.setBackoff(20ms, 20ms);
    source.setIdleTimeout(200ms);
    QSignalSpy errors(&source, &Source::errorOccurred);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(dongle.connections, 1, 3000);
    // The dongle accepted but sends nothing (a half-open connection looks the same).
    QVERIFY(errors.wait(2000));
    QCOMPARE(errors.at(0).at(0).value<Source::Error>(), Source::Error::ConnectionLost);
    QTRY_COMPARE_WITH_TIMEOUT(dongle.connections, 2, 3000);
}

void TestTcpSource::hangingUpDongleIsReportedOnce()
{
    // A dongle whose serial side is dead may accept and hang up at once, forever.
    QTcpServer server;
    int accepted = 0;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *s = server.nextPendingConnection()) {
            ++accepted;
            s->close();
            s->deleteLater();
        }
    });
    QVERIFY(server.listen(QHostAddress::LocalHost));
    TcpSource source(QStringLiteral("127.0.0.1"), server.serverPort());
    source.setBackoff(10ms, 20ms);
    QSignalSpy errors(&source, &Source::errorOccurred);
    source.open();
    QTRY_VERIFY_WITH_TIMEOUT(accepted >= 5, 5000);
    QCOMPARE(errors.count(), 1); // one outage, however many attempts
    QCOMPARE(source.nextBackoff(), 20ms); // no data, so no reset
}

void TestTcpSource::unknownHostKeepsTrying()
{
    TcpSource source(QStringLiteral("no-such-dongle.invalid"), 2000);
    source.setBackoff(50ms, 100ms);
    QSignalSpy errors(&source, &Source::errorOccurred);
    QSignalSpy finished(&source, &Source::finished);
    source.open();
    QVERIFY(errors.wait(15000));
    QCOMPARE(errors.at(0).at(0).value<Source::Error>(), Source::Error::NotFound);
    QCOMPARE(source.state(), Source::State::Connecting);
    QCOMPARE(finished.count(), 0);
    source.close();
    QCOMPARE(source.state(), Source::State::Closed);
}

void TestTcpSource::closeStopsReconnecting()
{
    Dongle dongle;
    QVERIFY(dongle.listen());
    TcpSource source(QStringLiteral("127.0.0.1"), dongle.port());
    source.setBackoff(20ms, 20ms);
    QSignalSpy opened(&source, &Source::opened);
    QSignalSpy errors(&source, &Source::errorOccurred);
    source.open();
    QVERIFY(opened.wait(3000));
    QTRY_VERIFY(dongle.client());
    source.close();
    QCOMPARE(source.state(), Source::State::Closed);
    QSignalSpy serverSide(dongle.client(), &QTcpSocket::disconnected);
    QVERIFY(serverSide.wait(2000)); // really closed
    QTest::qWait(200); // ten back-off periods
    QCOMPARE(dongle.connections, 1);
    QCOMPARE(errors.count(), 0);
}

void TestTcpSource::rawModeKeepsFF()
{
    Dongle dongle;
    QVERIFY(dongle.listen());
    TcpSource source(QStringLiteral("127.0.0.1"), dongle.port());
    source.setTelnet(false); // a raw bridge carrying binary (encrypted DLMS) frames
    QSignalSpy data(&source, &Source::dataReceived);
    source.open();
    QTRY_VERIFY(dongle.client());
    const QByteArray frame("\xDB\x08\xFF\xFB\x01\xFF\xFF", 7);
    QVERIFY(dongle.send(frame));
    QVERIFY(data.wait(2000));
    QCOMPARE(data.at(0).at(0).toByteArray(), frame);
}

void TestTcpSource::connectsByAddressOrName_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QHostAddress>("listenOn");
    QTest::addColumn<bool>("lookedUp");
    QTest::newRow("ipv4-address") << u"127.0.0.1"_s << QHostAddress(QHostAddress::LocalHost)
                                  << false;
    QTest::newRow("ipv6-address") << u"::1"_s << QHostAddress(QHostAddress::LocalHostIPv6) << false;
    QTest::newRow("localhost-on-the-worker")
        << u"localhost"_s << QHostAddress(QHostAddress::LocalHost) << true;
    // Two addresses, the server on the second only: the first is refused, the second taken.
    addrinfo hints {};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *list = nullptr;
    if (getaddrinfo(kLoopbackPairName, "1", &hints, &list) == 0) {
        const addrinfo *last = list;
        int count = 1;
        for (; last->ai_next; last = last->ai_next)
            ++count;
        if (count >= 2) {
            QTest::newRow("second-address-after-refusal")
                << QString::fromLatin1(kLoopbackPairName) << QHostAddress(last->ai_addr) << true;
        }
        freeaddrinfo(list);
    }
}

void TestTcpSource::connectsByAddressOrName()
{
    QFETCH(QString, host);
    QFETCH(QHostAddress, listenOn);
    QFETCH(bool, lookedUp);
    Dongle dongle;
    if (!dongle.listen(0, listenOn))
        QSKIP("cannot listen on that loopback address (no IPv6?)");
    TcpSource source(host, dongle.port());
    QCOMPARE(source.name(), host + u':' + QString::number(dongle.port()));
    QSignalSpy opened(&source, &Source::opened);
    QSignalSpy errors(&source, &Source::errorOccurred);
    QSignalSpy data(&source, &Source::dataReceived);
    source.open();
    if (!lookedUp) // an address is connected to at once, without a worker thread
        QCOMPARE(source.state(), Source::State::Connecting);
    QVERIFY(opened.wait(5000));
    QTRY_VERIFY(dongle.client());
    QCOMPARE(dongle.client()->peerAddress().protocol(), listenOn.protocol());
    QVERIFY(dongle.send(toBytes(p1::test::dsmr42())));
    QTRY_COMPARE_WITH_TIMEOUT(data.count(), 1, 3000);
    QCOMPARE(data.at(0).at(0).toByteArray(), toBytes(p1::test::dsmr42()));
    QCOMPARE(errors.count(), 0);
    QCOMPARE(dongle.connections, 1);
}

void TestTcpSource::peerClosingMidTelegramReconnects()
{
    Dongle dongle;
    QVERIFY(dongle.listen());
    TcpSource source(u"127.0.0.1"_s, dongle.port());
    source.setBackoff(20ms, 20ms);
    QStringList events;
    QByteArray received;
    connect(&source, &Source::discontinuity, this, [&] { events << u"discontinuity"_s; });
    connect(&source, &Source::dataReceived, this, [&](const QByteArray &b) {
        if (events.isEmpty() || events.last() != u"data"_s)
            events << u"data"_s;
        received += b;
    });
    QSignalSpy errors(&source, &Source::errorOccurred);
    source.open();
    QTRY_VERIFY_WITH_TIMEOUT(dongle.client(), 3000);

    const QByteArray telegram = toBytes(p1::test::dsmr5ThreePhase());
    const QByteArray half = telegram.left(telegram.size() / 2);
    QVERIFY(dongle.send(half));
    dongle.client()->disconnectFromHost(); // the dongle reboots in the middle of a telegram
    QVERIFY(errors.wait(3000));
    QCOMPARE(errors.at(0).at(0).value<Source::Error>(), Source::Error::ConnectionLost);
    QCOMPARE(errors.at(0).at(1).toString(), u"closed by the remote end"_s);
    QCOMPARE(received, half); // what came before the end is delivered; the framer judges it

    QTRY_COMPARE_WITH_TIMEOUT(dongle.connections, 2, 3000);
    QTRY_COMPARE(events.count(u"discontinuity"_s), 2);
    QVERIFY(dongle.send(telegram));
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), half.size() + telegram.size(), 3000);
    QCOMPARE(received, half + telegram);
    QCOMPARE(events, QStringList({u"discontinuity"_s, u"data"_s, u"discontinuity"_s, u"data"_s}));
    QCOMPARE(errors.count(), 1);
}

void TestTcpSource::slowLookupKeepsTheEventLoopRunning()
{
    HeldLookups &held = heldLookups();
    held.reset();
    TcpSource source(QString::fromLatin1(kHeldName), 2000);
    QSignalSpy errors(&source, &Source::errorOccurred);
    source.open();
    QTRY_COMPARE(held.enteredCount(), 1); // the lookup hangs on the worker...
    QTimer tick;
    tick.setSingleShot(true);
    QSignalSpy ticked(&tick, &QTimer::timeout);
    tick.start(50ms);
    QVERIFY(ticked.wait(2000)); // ...while this thread's timers still fire
    QCOMPARE(held.returnedCount(), 0);
    QCOMPARE(source.state(), Source::State::Connecting);
    QCOMPARE(errors.count(), 0);

    held.release();
    QVERIFY(errors.wait(15000));
    QCOMPARE(errors.at(0).at(0).value<Source::Error>(), Source::Error::NotFound);
    QVERIFY(!errors.at(0).at(1).toString().isEmpty());
    QCOMPARE(source.state(), Source::State::Connecting); // and tries again later
}

void TestTcpSource::lookupTimeoutWaitsForTheSameLookup()
{
    HeldLookups &held = heldLookups();
    held.reset();
    TcpSource source(QString::fromLatin1(kHeldName), 2000);
    source.setConnectTimeout(100ms);
    source.setBackoff(20ms, 20ms);
    QSignalSpy errors(&source, &Source::errorOccurred);
    source.open();
    QVERIFY(errors.wait(3000));
    QCOMPARE(errors.at(0).at(0).value<Source::Error>(), Source::Error::ConnectionLost);
    QVERIFY2(errors.at(0).at(1).toString().contains(u"lookup"_s),
        qPrintable(errors.at(0).at(1).toString()));
    QTest::qWait(300); // a few more attempts: none starts a second worker
    QCOMPARE(held.enteredCount(), 1);
    held.release();
    QTRY_VERIFY(held.returnedCount() >= 1);
    QTRY_VERIFY(held.enteredCount() >= 2); // the answer came, so later attempts look up anew
    QCOMPARE(errors.count(), 1); // still the one outage
    source.close();
}

void TestTcpSource::lookupOutlivesTheSource_data()
{
    QTest::addColumn<bool>("destroy");
    QTest::newRow("destroyed-during-lookup") << true;
    QTest::newRow("closed-during-lookup") << false;
}

void TestTcpSource::lookupOutlivesTheSource()
{
    QFETCH(bool, destroy);
    HeldLookups &held = heldLookups();
    held.reset();
    auto source = std::make_unique<TcpSource>(QString::fromLatin1(kHeldName), 2000);
    QSignalSpy errors(source.get(), &Source::errorOccurred);
    QSignalSpy states(source.get(), &Source::stateChanged);
    source->open();
    QTRY_COMPARE(held.enteredCount(), 1);
    if (destroy)
        source.reset();
    else
        source->close();
    held.release();
    QTRY_COMPARE(held.returnedCount(), 1);
    QTest::qWait(100); // the worker's answer, if it were posted, would arrive now
    if (destroy)
        return; // no crash, nothing touched (the sanitizer build checks)
    QCOMPARE(errors.count(), 0);
    QCOMPARE(source->state(), Source::State::Closed);
    QCOMPARE(states.last().at(0).value<Source::State>(), Source::State::Closed);
    // Opened again, it looks up anew and reports the outcome.
    source->open();
    QVERIFY(errors.wait(15000));
    QCOMPARE(errors.at(0).at(0).value<Source::Error>(), Source::Error::NotFound);
}

QTEST_GUILESS_MAIN(TestTcpSource)
#include "tst_tcpsource.moc"
