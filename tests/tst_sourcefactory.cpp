#include "io/filesource.h"
#include "io/serialsource.h"
#include "io/simulatorsource.h"
#include "io/sourcefactory.h"
#include "io/tcpsource.h"

#include <QLocale>
#include <QTest>
#include <QTranslator>

using namespace std::chrono_literals;
using namespace Qt::StringLiterals;
using p1::Source;
using p1::SourceFactory;
using Error = p1::SourceFactory::Error;
using Kind = p1::Source::Kind;

class TestSourceFactory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void create_data();
    void create();
    void optionsReachTheSource();
    void errorsNameTheProblem_data();
    void errorsNameTheProblem();
    void sourcesDescribeThemselves_data();
    void sourcesDescribeThemselves();
};

void TestSourceFactory::parse_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<Error>("error");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("location");
    QTest::addColumn<int>("port");

    auto row = [](const char *name, const char *spec, Error error, Kind kind = Kind::Serial,
                   const char *location = "", int port = 0) {
        QTest::newRow(name) << QString::fromUtf8(spec) << error << kind
                            << QString::fromUtf8(location) << port;
    };
    row("dev-path", "/dev/ttyUSB0", Error::None, Kind::Serial, "/dev/ttyUSB0");
    row("bare-name-serial-starter", "ttyUSB0", Error::None, Kind::Serial, "ttyUSB0");
    row("bare-name-ama", "ttyAMA0", Error::None, Kind::Serial, "ttyAMA0");
    row("by-id-under-dev", "serial/by-id/usb-FTDI_P1-if00", Error::None, Kind::Serial,
        "serial/by-id/usb-FTDI_P1-if00");
    row("relative-path", "./pty0", Error::None, Kind::Serial, "./pty0");
    row("surrounding-space", "  ttyUSB1 ", Error::None, Kind::Serial, "ttyUSB1");
    row("tcp-ipv4", "tcp://192.168.1.20:8088", Error::None, Kind::Tcp, "192.168.1.20", 8088);
    row("tcp-hostname", "tcp://p1dongle.local:23", Error::None, Kind::Tcp, "p1dongle.local", 23);
    row("tcp-upper-case-scheme", "TCP://meter:2001", Error::None, Kind::Tcp, "meter", 2001);
    row("tcp-ipv6", "tcp://[::1]:2000", Error::None, Kind::Tcp, "::1", 2000);
    row("tcp-trailing-slash", "tcp://meter:2000/", Error::None, Kind::Tcp, "meter", 2000);
    row("tcp-highest-port", "tcp://meter:65535", Error::None, Kind::Tcp, "meter", 65535);
    row("file-absolute", "file:/data/capture.p1", Error::None, Kind::File, "/data/capture.p1");
    row("file-relative", "file:capture.p1", Error::None, Kind::File, "capture.p1");
    row("file-url", "file:///tmp/x.p1", Error::None, Kind::File, "/tmp/x.p1");
    row("file-colon-in-name", "file:/tmp/a:b.p1", Error::None, Kind::File, "/tmp/a:b.p1");
    row("sim", "sim:", Error::None, Kind::Simulator, "sim");
    row("sim-upper-case", "SIM:", Error::None, Kind::Simulator, "sim");

    row("empty", "", Error::Empty);
    row("blank", "   ", Error::Empty);
    row("udp-scheme", "udp://1.2.3.4:5", Error::UnknownScheme);
    row("http-scheme", "http://meter/p1", Error::UnknownScheme);
    row("serial-scheme", "serial:ttyUSB0", Error::UnknownScheme);
    row("tcp-nothing", "tcp://", Error::MissingHost);
    row("tcp-no-slashes", "tcp:meter:2000", Error::MissingHost);
    row("tcp-port-only", "tcp://:2000", Error::MissingHost);
    row("tcp-ipv6-without-brackets", "tcp://::1:2000", Error::MissingHost);
    row("tcp-ipv6-unclosed", "tcp://[::1:2000", Error::MissingHost);
    row("tcp-no-port", "tcp://meter", Error::MissingPort);
    row("tcp-empty-port", "tcp://meter:", Error::MissingPort);
    row("tcp-ipv6-no-port", "tcp://[::1]", Error::MissingPort);
    row("tcp-port-not-number", "tcp://meter:telnet", Error::BadPort);
    row("tcp-port-zero", "tcp://meter:0", Error::BadPort);
    row("tcp-port-too-big", "tcp://meter:65536", Error::BadPort);
    row("tcp-port-negative", "tcp://meter:-1", Error::BadPort);
    row("tcp-ipv6-junk-after", "tcp://[::1]x2000", Error::BadPort);
    row("file-no-path", "file:", Error::MissingPath);
    row("sim-with-text", "sim:fast", Error::UnexpectedText);
}

void TestSourceFactory::parse()
{
    QFETCH(QString, spec);
    QFETCH(Error, error);
    QFETCH(Kind, kind);
    QFETCH(QString, location);
    QFETCH(int, port);

    const SourceFactory::Spec parsed = SourceFactory::parse(spec);
    QCOMPARE(parsed.error, error);
    QCOMPARE(parsed.ok(), error == Error::None);
    if (!parsed.ok()) {
        QVERIFY(!SourceFactory::describe(parsed).isEmpty());
        return;
    }
    QCOMPARE(parsed.kind, kind);
    QCOMPARE(parsed.location, location);
    QCOMPARE(int(parsed.port), port);
    QVERIFY(SourceFactory::describe(parsed).isEmpty());
}

void TestSourceFactory::create_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("serial");
    QTest::newRow("bare-tty") << QStringLiteral("ttyUSB0") << Kind::Serial
                              << QStringLiteral("ttyUSB0") << true;
    QTest::newRow("dev-tty") << QStringLiteral("/dev/ttyUSB0") << Kind::Serial
                             << QStringLiteral("ttyUSB0") << true;
    QTest::newRow("tcp") << QStringLiteral("tcp://10.0.0.5:8088") << Kind::Tcp
                         << QStringLiteral("10.0.0.5:8088") << false;
    QTest::newRow("file") << QStringLiteral("file:/tmp/caps/meter.p1") << Kind::File
                          << QStringLiteral("meter.p1") << false;
    QTest::newRow("sim") << QStringLiteral("sim:") << Kind::Simulator << QStringLiteral("sim")
                         << false;
}

void TestSourceFactory::create()
{
    QFETCH(QString, spec);
    QFETCH(Kind, kind);
    QFETCH(QString, name);
    QFETCH(bool, serial);

    QObject parent;
    SourceFactory::Result result = SourceFactory::create(spec, {}, &parent);
    QVERIFY(result.ok());
    QCOMPARE(result.error, Error::None);
    QVERIFY(result.message.isEmpty());
    QCOMPARE(result.source->kind(), kind);
    QCOMPARE(result.source->isSerial(), serial);
    QCOMPARE(result.source->name(), name);
    QCOMPARE(result.source->parent(), &parent);
    QCOMPARE(result.source->state(), Source::State::Closed);
    QVERIFY(!result.source->logDescription().isEmpty());
    QVERIFY(!result.source->userDescription().isEmpty());
    // Created, not opened: nothing is touched until open().
    switch (kind) {
    case Kind::Serial:
        QVERIFY(qobject_cast<p1::SerialSource *>(result.source.get()));
        break;
    case Kind::Tcp:
        QVERIFY(qobject_cast<p1::TcpSource *>(result.source.get()));
        break;
    case Kind::File:
        QVERIFY(qobject_cast<p1::FileSource *>(result.source.get()));
        break;
    case Kind::Simulator:
        QVERIFY(qobject_cast<p1::SimulatorSource *>(result.source.get()));
        break;
    }
}

void TestSourceFactory::optionsReachTheSource()
{
    p1::SourceOptions options;
    options.baudMode = p1::SerialSource::BaudMode::Baud9600;
    options.probeWindow = 5s;
    options.replaySpeed = 0;

    auto serial = SourceFactory::create(QStringLiteral("ttyS1"), options);
    auto *port = qobject_cast<p1::SerialSource *>(serial.source.get());
    QVERIFY(port);
    QCOMPARE(port->baudMode(), p1::SerialSource::BaudMode::Baud9600);
    QCOMPARE(port->probeWindow(), 5000ms);
    QCOMPARE(port->systemLocation(), QStringLiteral("/dev/ttyS1"));

    auto file = SourceFactory::create(QStringLiteral("file:x.p1"), options);
    auto *replay = qobject_cast<p1::FileSource *>(file.source.get());
    QVERIFY(replay);
    QCOMPARE(replay->replaySpeed(), 0.0);

    auto tcp = SourceFactory::create(QStringLiteral("tcp://[fe80::1]:23"), options);
    auto *net = qobject_cast<p1::TcpSource *>(tcp.source.get());
    QVERIFY(net);
    QCOMPARE(net->host(), QStringLiteral("fe80::1"));
    QCOMPARE(net->port(), quint16(23));
}

void TestSourceFactory::errorsNameTheProblem_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<Error>("error");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("unknown-scheme")
        << QStringLiteral("udp://x:1") << Error::UnknownScheme << QStringLiteral("udp");
    QTest::newRow("missing-port") << QStringLiteral("tcp://meter") << Error::MissingPort
                                  << QStringLiteral("meter");
    QTest::newRow("bad-port") << QStringLiteral("tcp://meter:99999") << Error::BadPort
                              << QStringLiteral("99999");
    QTest::newRow("missing-path") << QStringLiteral("file:") << Error::MissingPath
                                  << QStringLiteral("file:");
    QTest::newRow("empty") << QString() << Error::Empty << QStringLiteral("tcp://HOST:PORT");
}

void TestSourceFactory::errorsNameTheProblem()
{
    QFETCH(QString, spec);
    QFETCH(Error, error);
    QFETCH(QString, mentions);
    const SourceFactory::Result result = SourceFactory::create(spec);
    QVERIFY(!result.ok());
    QVERIFY(!result.source);
    QCOMPARE(result.error, error);
    QVERIFY2(result.message.contains(mentions), qPrintable(result.message));
}

void TestSourceFactory::sourcesDescribeThemselves_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("baudMode"); ///< SerialSource::BaudMode
    QTest::addColumn<double>("replaySpeed");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("expected"); ///< %1: the simulator's seed
    QTest::addColumn<int>("baudRate");

    using Baud = p1::SerialSource::BaudMode;
    const int automatic = int(Baud::Auto);
    QTest::newRow("serial-fixed") << u"/dev/ttyUSB7"_s << int(Baud::Baud9600) << 1.0 << u"en"_s
                                  << u"serial port /dev/ttyUSB7 at 9600 baud"_s << 9600;
    QTest::newRow("serial-auto") << u"ttyUSB7"_s << automatic << 1.0 << u"en"_s
                                 << u"serial port /dev/ttyUSB7, trying 115200 baud"_s << 115200;
    QTest::newRow("serial-auto-nl")
        << u"ttyUSB7"_s << automatic << 1.0 << u"nl"_s
        << u"seriële poort /dev/ttyUSB7, probeert 115200 baud"_s << 115200;
    QTest::newRow("serial-fixed-de")
        << u"ttyUSB7"_s << int(Baud::Baud115200) << 1.0 << u"de"_s
        << u"serielle Schnittstelle /dev/ttyUSB7 mit 115200 Baud"_s << 115200;
    QTest::newRow("tcp") << u"tcp://p1dongle.local:23"_s << automatic << 1.0 << u"en"_s
                         << u"network p1dongle.local:23"_s << 0;
    QTest::newRow("tcp-de") << u"tcp://p1dongle.local:23"_s << automatic << 1.0 << u"de"_s
                            << u"Netzwerk p1dongle.local:23"_s << 0;
    QTest::newRow("file-fast") << u"file:/tmp/meter.p1"_s << automatic << 0.0 << u"en"_s
                               << u"capture /tmp/meter.p1, as fast as possible"_s << 0;
    QTest::newRow("file-paced-fr") << u"file:/tmp/meter.p1"_s << automatic << 2.5 << u"fr"_s
                                   << u"enregistrement /tmp/meter.p1 à vitesse ×2,5"_s << 0;
    QTest::newRow("sim") << u"sim:"_s << automatic << 1.0 << u"en"_s
                         << u"simulated DSMR 5 meter (seed %1, time ×1)"_s << 0;
    QTest::newRow("sim-nl") << u"sim:"_s << automatic << 1.0 << u"nl"_s
                            << u"gesimuleerde DSMR 5-meter (seed %1, tijd ×1)"_s << 0;
}

// Every source says what it reads, for a user in the chosen language (the status line), and in
// English for logs, whatever the language; no caller needs the concrete class for either.
void TestSourceFactory::sourcesDescribeThemselves()
{
    QFETCH(QString, spec);
    QFETCH(int, baudMode);
    QFETCH(double, replaySpeed);
    QFETCH(QString, language);
    QFETCH(QString, expected);
    QFETCH(int, baudRate);

    p1::SourceOptions options;
    options.baudMode = p1::SerialSource::BaudMode(baudMode);
    options.replaySpeed = replaySpeed;
    const SourceFactory::Result result = SourceFactory::create(spec, options);
    QVERIFY2(result.ok(), qPrintable(result.message));
    if (const auto *simulator = qobject_cast<const p1::SimulatorSource *>(result.source.get()))
        expected = expected.arg(simulator->seed());
    const QString english = result.source->logDescription();

    QTranslator catalogue;
    const QLocale previous;
    if (language != u"en"_s) {
        QVERIFY(catalogue.load(u":/i18n/p1core_"_s + language));
        QVERIFY(QCoreApplication::installTranslator(&catalogue));
    }
    // Numbers in the user's form: 2,5 in French.
    QLocale::setDefault(QLocale(language));
    const QString user = result.source->userDescription();
    const QString log = result.source->logDescription();
    QLocale::setDefault(previous);
    QCoreApplication::removeTranslator(&catalogue);

    QCOMPARE(user, expected);
    QCOMPARE(log, english);
    QCOMPARE(result.source->baudRate(), baudRate);
    QVERIFY(!result.source->baudRateLocked()); // nothing confirmed before a telegram
}

QTEST_GUILESS_MAIN(TestSourceFactory)
#include "tst_sourcefactory.moc"
