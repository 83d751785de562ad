#include "io/serialsource.h"
#include "ptypair.h"
#include "sampletelegrams.h"

#include <QFileInfo>
#include <QProcess>
#include <QSerialPort>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace std::chrono_literals;
using p1::SerialSource;
using p1::Source;
using p1::test::PtyPair;

namespace { } // namespace

class TestSerialSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void systemLocation_data();
    void systemLocation();
    void bareNameOpensUnderDev();
    void parseBaudMode_data();
    void parseBaudMode();

    void bytesArrive_data();
    void bytesArrive();
    void neverWrites();
    void unplugFinishes();
    void missingPortIsNotFound();
    void secondOpenIsBusy();
    void permissionDenied();
    void autoBaudAlternatesUntilATelegram();
    void acceptedTelegramLocksTheBaudRate();
    void fixedBaudRateNeverSwitches_data();
    void fixedBaudRateNeverSwitches();
    void closeStopsEverything();
};

void TestSerialSource::init()
{
    const QByteArray test(QTest::currentTestFunction());
    const bool needsSocat = test != "systemLocation" && test != "parseBaudMode"
        && test != "bareNameOpensUnderDev" && test != "missingPortIsNotFound"
        && test != "permissionDenied";
    if (needsSocat && !PtyPair::available())
        QSKIP("socat is not installed");
}

void TestSerialSource::systemLocation_data()
{
    QTest::addColumn<QString>("given");
    QTest::addColumn<QString>("location");
    QTest::addColumn<QString>("name");
    QTest::newRow("bare-serial-starter")
        << QStringLiteral("ttyUSB0") << QStringLiteral("/dev/ttyUSB0") << QStringLiteral("ttyUSB0");
    QTest::newRow("dev-path") << QStringLiteral("/dev/ttyUSB0") << QStringLiteral("/dev/ttyUSB0")
                              << QStringLiteral("ttyUSB0");
    QTest::newRow("bare-ama") << QStringLiteral("ttyAMA0") << QStringLiteral("/dev/ttyAMA0")
                              << QStringLiteral("ttyAMA0");
    QTest::newRow("by-id-relative")
        << QStringLiteral("serial/by-id/usb-P1") << QStringLiteral("/dev/serial/by-id/usb-P1")
        << QStringLiteral("serial/by-id/usb-P1");
    QTest::newRow("outside-dev") << QStringLiteral("/tmp/pty/p1") << QStringLiteral("/tmp/pty/p1")
                                 << QStringLiteral("/tmp/pty/p1");
    QTest::newRow("dot-relative") << QStringLiteral("./p1") << QStringLiteral("./p1")
                                  << QStringLiteral("./p1");
    QTest::newRow("dotdot-relative")
        << QStringLiteral("../p1") << QStringLiteral("../p1") << QStringLiteral("../p1");
}

void TestSerialSource::systemLocation()
{
    QFETCH(QString, given);
    QFETCH(QString, location);
    QFETCH(QString, name);
    QCOMPARE(SerialSource::toSystemLocation(given), location);
    QCOMPARE(SerialSource::toPortName(given), name);
    SerialSource source(given);
    QCOMPARE(source.systemLocation(), location);
    QCOMPARE(source.name(), name);
    QVERIFY(source.isSerial());
    QVERIFY(source.logDescription().contains(location));
}

void TestSerialSource::bareNameOpensUnderDev()
{
    // serial-starter passes "ttyUSB0". No tty can be made under /dev here, but /dev/ptmx is a
    // tty-like node every Linux has: the bare name "ptmx" must open it.
    if (!QFileInfo::exists(QStringLiteral("/dev/ptmx")))
        QSKIP("no /dev/ptmx");
    SerialSource source(QStringLiteral("ptmx"));
    QSignalSpy opened(&source, &Source::opened);
    QSignalSpy errors(&source, &Source::errorOccurred);
    source.open();
    QVERIFY(opened.wait(2000));
    QCOMPARE(errors.count(), 0);
    QCOMPARE(source.name(), QStringLiteral("ptmx"));
    source.close();
}

void TestSerialSource::parseBaudMode_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("mode"); // -1: rejected
    QTest::newRow("auto") << QStringLiteral("auto") << int(SerialSource::BaudMode::Auto);
    QTest::newRow("AUTO") << QStringLiteral("AUTO") << int(SerialSource::BaudMode::Auto);
    QTest::newRow("115200") << QStringLiteral("115200") << int(SerialSource::BaudMode::Baud115200);
    QTest::newRow("9600") << QStringLiteral("9600") << int(SerialSource::BaudMode::Baud9600);
    QTest::newRow("19200") << QStringLiteral("19200") << -1;
    QTest::newRow("empty") << QString() << -1;
}

void TestSerialSource::parseBaudMode()
{
    QFETCH(QString, text);
    QFETCH(int, mode);
    const auto parsed = SerialSource::parseBaudMode(text);
    QCOMPARE(parsed ? int(*parsed) : -1, mode);
}

void TestSerialSource::bytesArrive_data()
{
    QTest::addColumn<QList<QByteArray>>("writes");
    const QByteArray dsmr5 = QByteArray::fromStdString(p1::test::dsmr5ThreePhase());
    const QByteArray dsmr22 = QByteArray::fromStdString(p1::test::dsmr22());
    QTest::newRow("dsmr5-whole") << QList<QByteArray> {dsmr5};
    QTest::newRow("dsmr5-split-in-crc")
        << QList<QByteArray> {dsmr5.left(dsmr5.size() - 4), dsmr5.right(4)};
    QTest::newRow("two-telegrams-three-writes")
        << QList<QByteArray> {dsmr5.left(100), dsmr5.mid(100) + dsmr22.left(7), dsmr22.mid(7)};
    // Raw bytes, unmasked: a 7E1 byte with its parity bit set and binary noise come through.
    QTest::newRow("high-bit-and-nul") << QList<QByteArray> {QByteArray("\xAF\x00\xFF/X", 5)};
}

void TestSerialSource::bytesArrive()
{
    QFETCH(QList<QByteArray>, writes);
    PtyPair pty;
    QVERIFY(pty.start());
    QSerialPort meter(pty.meter());
    QVERIFY(meter.open(QIODevice::ReadWrite));

    SerialSource source(pty.port());
    source.setBaudMode(SerialSource::BaudMode::Baud115200);
    QSignalSpy opened(&source, &Source::opened);
    QSignalSpy errors(&source, &Source::errorOccurred);
    QByteArray received;
    connect(&source, &Source::dataReceived, this, [&](const QByteArray &b) { received += b; });
    source.open();
    QCOMPARE(opened.count(), 0); // never from inside open()
    QVERIFY(opened.wait(2000));
    QCOMPARE(source.state(), Source::State::Open);

    QByteArray expected;
    for (const QByteArray &w : std::as_const(writes)) {
        meter.write(w);
        QVERIFY(meter.waitForBytesWritten(2000));
        expected += w;
    }
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), expected.size(), 5000);
    QCOMPARE(received, expected);
    QCOMPARE(errors.count(), 0);
}

void TestSerialSource::neverWrites()
{
    PtyPair pty;
    QVERIFY(pty.start());
    QSerialPort meter(pty.meter());
    QVERIFY(meter.open(QIODevice::ReadWrite));
    QSignalSpy meterReads(&meter, &QSerialPort::readyRead);

    SerialSource source(pty.port());
    source.setProbeWindow(100ms); // switching baud rates must not write either
    QSignalSpy switched(&source, &SerialSource::baudRateChanged);
    QSignalSpy data(&source, &Source::dataReceived);
    source.open();
    meter.write(QByteArray::fromStdString(p1::test::dsmr5ThreePhase()));
    QVERIFY(data.wait(2000));
    QVERIFY(switched.wait(2000));
    source.telegramAccepted();
    source.close();

    QVERIFY(!meterReads.wait(300));
    QCOMPARE(meter.bytesAvailable(), 0);
    QCOMPARE(meter.readAll(), QByteArray());
}

void TestSerialSource::unplugFinishes()
{
    PtyPair pty;
    QVERIFY(pty.start());
    SerialSource source(pty.port());
    QSignalSpy opened(&source, &Source::opened);
    QSignalSpy errors(&source, &Source::errorOccurred);
    QSignalSpy finished(&source, &Source::finished);
    source.open();
    QVERIFY(opened.wait(2000));

    pty.unplug(); // the cable is pulled
    QVERIFY(finished.wait(3000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(errors.count(), 1);
    QCOMPARE(errors.at(0).at(0).value<Source::Error>(), Source::Error::Unplugged);
    QCOMPARE(source.state(), Source::State::Closed);
    // Finished means finished: no repeated reports from a dead descriptor.
    QVERIFY(!errors.wait(300));
}

void TestSerialSource::missingPortIsNotFound()
{
    QTemporaryDir dir;
    SerialSource source(dir.filePath(QStringLiteral("ttyNOPE9")));
    QSignalSpy errors(&source, &Source::errorOccurred);
    QSignalSpy finished(&source, &Source::finished);
    QSignalSpy opened(&source, &Source::opened);
    source.open();
    QCOMPARE(errors.count(), 0); // reported from the event loop, not from open()
    QVERIFY(finished.wait(2000));
    QCOMPARE(errors.count(), 1);
    QCOMPARE(errors.at(0).at(0).value<Source::Error>(), Source::Error::NotFound);
    QVERIFY(!errors.at(0).at(1).toString().isEmpty()); // the OS's words
    QCOMPARE(opened.count(), 0);
    QVERIFY(!Source::describe(Source::Error::NotFound).isEmpty());
}

void TestSerialSource::secondOpenIsBusy()
{
    PtyPair pty;
    QVERIFY(pty.start());
    SerialSource first(pty.port());
    QSignalSpy opened(&first, &Source::opened);
    first.open();
    QVERIFY(opened.wait(2000));

    SerialSource second(pty.port());
    QSignalSpy errors(&second, &Source::errorOccurred);
    QSignalSpy finished(&second, &Source::finished);
    second.open();
    QVERIFY(finished.wait(2000));
    QCOMPARE(errors.count(), 1);
    QCOMPARE(errors.at(0).at(0).value<Source::Error>(), Source::Error::Busy);
    QCOMPARE(first.state(), Source::State::Open);
}

void TestSerialSource::permissionDenied()
{
    if (::geteuid() == 0)
        QSKIP("root opens anything");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ttyLOCKED"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QVERIFY(file.setPermissions(QFileDevice::Permissions()));
    SerialSource source(path);
    QSignalSpy errors(&source, &Source::errorOccurred);
    QSignalSpy finished(&source, &Source::finished);
    source.open();
    QVERIFY(finished.wait(2000));
    QCOMPARE(errors.at(0).at(0).value<Source::Error>(), Source::Error::PermissionDenied);
}

void TestSerialSource::autoBaudAlternatesUntilATelegram()
{
    PtyPair pty;
    QVERIFY(pty.start());
    SerialSource source(pty.port());
    QCOMPARE(source.baudMode(), SerialSource::BaudMode::Auto);
    source.setProbeWindow(150ms);
    QSignalSpy opened(&source, &Source::opened);
    QSignalSpy switched(&source, &SerialSource::baudRateChanged);
    QSignalSpy discontinuities(&source, &Source::discontinuity);
    QSignalSpy described(&source, &Source::descriptionChanged);
    source.open();
    QVERIFY(opened.wait(2000));
    QCOMPARE(source.baudRate(), 115200); // DSMR 4/5 first: most meters today
    QVERIFY(source.userDescription().contains(QStringLiteral("trying 115200")));

    QVERIFY(switched.wait(2000));
    QCOMPARE(switched.at(0).at(0).toInt(), 9600);
    QCOMPARE(source.baudRate(), 9600);
    QVERIFY(switched.wait(2000));
    QCOMPARE(switched.at(1).at(0).toInt(), 115200);
    QCOMPARE(source.baudRate(), 115200);
    QCOMPARE(discontinuities.count(), switched.count());
    // The status line follows each switch without knowing the source is a serial port.
    QCOMPARE(described.count(), switched.count());
    QVERIFY(!source.baudRateLocked());

    // A telegram confirmed at 115200: that is the rate from now on.
    source.telegramAccepted();
    QVERIFY(source.baudRateLocked());
    QCOMPARE(described.count(), switched.count() + 1);
    QVERIFY(source.userDescription().contains(QStringLiteral("115200 baud (detected)")));
    const int switches = int(switched.count());
    QVERIFY(!switched.wait(500));
    QCOMPARE(int(switched.count()), switches);
    QCOMPARE(source.baudRate(), 115200);
}

void TestSerialSource::acceptedTelegramLocksTheBaudRate()
{
    PtyPair pty;
    QVERIFY(pty.start());
    QSerialPort meter(pty.meter());
    QVERIFY(meter.open(QIODevice::ReadWrite));
    SerialSource source(pty.port());
    source.setProbeWindow(150ms);
    QSignalSpy switched(&source, &SerialSource::baudRateChanged);
    QSignalSpy data(&source, &Source::dataReceived);
    // The mediator's part, played here: data came, the framer found a good telegram.
    connect(&source, &Source::dataReceived, &source, &Source::telegramAccepted);
    source.open();
    meter.write(QByteArray::fromStdString(p1::test::dsmr5ThreePhase()));
    QVERIFY(data.wait(2000));
    QVERIFY(source.baudRateLocked());
    QVERIFY(!switched.wait(600)); // four windows: no switch
    QCOMPARE(source.baudRate(), 115200);
    QVERIFY(source.logDescription().contains(QStringLiteral("locked")));
}

void TestSerialSource::fixedBaudRateNeverSwitches_data()
{
    QTest::addColumn<SerialSource::BaudMode>("mode");
    QTest::addColumn<int>("rate");
    QTest::newRow("9600") << SerialSource::BaudMode::Baud9600 << 9600;
    QTest::newRow("115200") << SerialSource::BaudMode::Baud115200 << 115200;
}

void TestSerialSource::fixedBaudRateNeverSwitches()
{
    QFETCH(SerialSource::BaudMode, mode);
    QFETCH(int, rate);
    PtyPair pty;
    QVERIFY(pty.start());
    SerialSource source(pty.port());
    source.setBaudMode(mode);
    source.setProbeWindow(100ms);
    QSignalSpy opened(&source, &Source::opened);
    QSignalSpy switched(&source, &SerialSource::baudRateChanged);
    source.open();
    QVERIFY(opened.wait(2000));
    QCOMPARE(source.baudRate(), rate);
    QVERIFY(!switched.wait(400));
    QCOMPARE(source.baudRate(), rate);
}

void TestSerialSource::closeStopsEverything()
{
    PtyPair pty;
    QVERIFY(pty.start());
    QSerialPort meter(pty.meter());
    QVERIFY(meter.open(QIODevice::ReadWrite));
    SerialSource source(pty.port());
    source.setProbeWindow(100ms);
    QSignalSpy opened(&source, &Source::opened);
    QSignalSpy states(&source, &Source::stateChanged);
    source.open();
    QVERIFY(opened.wait(2000));
    source.close();
    QCOMPARE(source.state(), Source::State::Closed);
    QCOMPARE(states.last().at(0).value<Source::State>(), Source::State::Closed);

    QSignalSpy data(&source, &Source::dataReceived);
    QSignalSpy switched(&source, &SerialSource::baudRateChanged);
    QSignalSpy finished(&source, &Source::finished);
    meter.write("/ABC5\r\n");
    QVERIFY(meter.waitForBytesWritten(1000));
    QVERIFY(!data.wait(400));
    QCOMPARE(switched.count(), 0);
    QCOMPARE(finished.count(), 0);

    // And it opens again: the port was released.
    source.open();
    QVERIFY(opened.wait(2000));
}

QTEST_GUILESS_MAIN(TestSerialSource)
#include "tst_serialsource.moc"
