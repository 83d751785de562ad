#include "mainwindow.h"

#include "fieldsmodel.h"
#include "globuilder.h"
#include "io/simulatorsource.h"
#include "languagemanager.h"
#include "powerchart.h"
#include "sampletelegrams.h"
#include "sourcepicker.h"
#include "statuspanel.h"
#include "telegramhistorymodel.h"
#include "venusmodel.h"

#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

using namespace std::chrono_literals;
using namespace Qt::StringLiterals;
using p1::MainWindow;
using p1::MonitorSession;
using p1::SourcePicker;

namespace {

const QString kSample = QStringLiteral(P1_TESTDATA_DIR "/dsmr5-sample.p1");

p1::SourceOptions fast()
{
    p1::SourceOptions options;
    options.replaySpeed = 0;
    return options;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void captureFile_data();
    void captureFile();
    void scrollback();
    void encryptedCapture_data();
    void encryptedCapture();
    void simulatedMeter();
    void missingPort();
    void invalidSource();
    void saveAndCopy();
    void languageSwitchAtRunTime_data();
    void languageSwitchAtRunTime();
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings away from the user's
    qRegisterMetaType<p1::TelegramRecord>();
}

void TestMainWindow::captureFile_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("expected");
    QTest::newRow("telegrams") << QStringLiteral("telegrams")
                               << QStringLiteral("3 good, 1 bad, 0 without CRC");
    QTest::newRow("version") << QStringLiteral("version") << QStringLiteral("5.0 (50)");
    QTest::newRow("meter") << QStringLiteral("meter") << QStringLiteral("Ene5\\T210-D ESMR5.0");
    QTest::newRow("equipment") << QStringLiteral("equipment")
                               << QStringLiteral("E0062000013122923");
    QTest::newRow("baud-not-serial") << QStringLiteral("baud") << QStringLiteral("—");
}

void TestMainWindow::captureFile()
{
    QFETCH(QString, status);
    QFETCH(QString, expected);

    MainWindow window;
    window.show();
    QSignalSpy finished(window.session(), &MonitorSession::sourceFinished);
    QSignalSpy rows(window.historyModel(), &QAbstractItemModel::rowsInserted);
    QVERIFY(window.openSource(QStringLiteral("file:") + kSample, fast()));
    QVERIFY(window.sourcePicker()->isConnected());
    QVERIFY(finished.wait(5000));

    QCOMPARE(rows.count(), 4);
    QCOMPARE(window.historyModel()->rowCount(), 4);
    QCOMPARE(window.historyView()->model()->rowCount(), 4);
    QCOMPARE(window.statusPanel()->valueText(status), expected);
    // The last telegram is shown everywhere.
    QVERIFY(window.shownRecord().has_value());
    QCOMPARE(window.shownRecord()->number, quint64(4));
    QVERIFY(window.rawView()->toPlainText().contains(QStringLiteral("CRC OK")));
    QVERIFY(window.rawView()->toPlainText().contains(
        QStringLiteral("0-1:24.2.1(261125143500W)(04567.990*m3)")));
    QCOMPARE(window.venusModel()->text(p1::VenusModel::Service::Grid, QStringLiteral("/Ac/Power")),
        QStringLiteral("884 W"));
    QCOMPARE(window.venusModel()->text(p1::VenusModel::Service::Gas, QStringLiteral("/Aggregate")),
        QStringLiteral("4567.990 m3"));
    QVERIFY(window.fieldsModel()->findField(QStringLiteral("1-0:1.8.1")).isValid());
    QCOMPARE(window.fieldsView()->model(), window.fieldsModel());
    QCOMPARE(window.statusPanel()->chart()->sampleCount(), 3);
    QCOMPARE(window.statusPanel()->chart()->lastSample(), 884.0);
    // The end of a capture is news, not an error; Connect is offered again.
    QVERIFY(window.problemText().contains(QStringLiteral("replayed to its end")));
    QVERIFY(!window.sourcePicker()->isConnected());
}

void TestMainWindow::encryptedCapture_data()
{
    QTest::addColumn<bool>("withKey");
    QTest::addColumn<QStringList>("rawTexts"); // in the raw view of the last telegram
    QTest::addColumn<QString>("telegrams");

    QTest::newRow("with-key") << true
                              << QStringList {u"Encrypted frame: system title SAG12345"_s,
                                     u"frame counter 00000007"_s,
                                     u"security control 30 (encrypted and authenticated)"_s,
                                     u"GCM tag OK"_s, u"1-0:1.7.0(00.884*kW)"_s, u"CRC OK"_s}
                              << u"2 good, 0 bad, 0 without CRC"_s;
    QTest::newRow("no-key") << false
                            << QStringList {u"Encrypted frame: system title SAG12345"_s,
                                   u"not decrypted: no key given"_s,
                                   u"This meter encrypts its telegrams: give its key with --key."_s}
                            << u"0 good, 2 bad, 0 without CRC"_s;
}

void TestMainWindow::encryptedCapture()
{
    QFETCH(bool, withKey);
    QFETCH(QStringList, rawTexts);
    QFETCH(QString, telegrams);

    // A capture of two encrypted frames, made here with OpenSSL.
    std::mt19937 rng(3);
    const p1::AesKey key = p1::test::randomKey(rng);
    p1::test::GloOptions options;
    options.frameCounter = 7;
    const std::string telegram = p1::test::dsmr5ThreePhase();
    const std::string capture = p1::test::buildGloFrame(telegram, key, options)
        + p1::test::buildGloFrame(telegram, key, options);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"smarty.p1"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(capture.data(), qint64(capture.size()));
    file.close();
    const QString spec = u"file:"_s + path;

    MainWindow window;
    window.show();
    // The key as a user enters it; Connect stores it for this source.
    SourcePicker *picker = window.sourcePicker();
    picker->setSpec(spec);
    picker->setKeyTexts(withKey ? QString::fromStdString(p1::toHex(key)) : QString(), QString());
    picker->saveKeys();
    QSignalSpy finished(window.session(), &MonitorSession::sourceFinished);
    QVERIFY(window.openSource(spec, fast()));
    QVERIFY(finished.wait(5000));
    QCOMPARE(window.historyModel()->rowCount(), 2);
    QCOMPARE(window.statusPanel()->valueText(u"telegrams"_s), telegrams);
    const QString raw = window.rawView()->toPlainText();
    for (const QString &text : rawTexts)
        QVERIFY2(raw.contains(text), qPrintable(raw));

    // Stored per source: another picker shows this source's key again, and none for another.
    SourcePicker other;
    other.setSpec(spec);
    QCOMPARE(other.keyText(), picker->keyText());
    other.setSpec(u"sim:"_s);
    QCOMPARE(other.keyText(), QString());
    // A key that is not one is refused with a message naming the field.
    other.setKeyTexts(u"12345"_s, QString());
    QString error;
    QVERIFY(!other.keys(&error));
    QVERIFY2(error.startsWith(u"Key: "_s), qPrintable(error));
}

void TestMainWindow::scrollback()
{
    MainWindow window;
    window.show();
    QSignalSpy finished(window.session(), &MonitorSession::sourceFinished);
    QVERIFY(window.openSource(QStringLiteral("file:") + kSample, fast()));
    QVERIFY(finished.wait(5000));

    const QModelIndex status =
        window.historyModel()->index(1, p1::TelegramHistoryModel::StatusColumn);
    QVERIFY(status.data().toString().startsWith(QStringLiteral("CRC mismatch")));
    QCOMPARE(window.historyModel()->index(1, p1::TelegramHistoryModel::CrcColumn).data().toString(),
        QStringLiteral("bad"));
    QCOMPARE(status.data(p1::TelegramHistoryModel::AcceptedRole).toBool(), false);
    QCOMPARE(window.historyModel()->index(0, p1::TelegramHistoryModel::CrcColumn).data().toString(),
        QStringLiteral("OK"));

    window.showHistoryRow(1);
    QVERIFY(!window.followLatest());
    QCOMPARE(window.shownRecord()->number, quint64(2));
    QVERIFY(window.rawView()->toPlainText().contains(QStringLiteral("CRC bad: sent")));
    // A rejected telegram publishes nothing: the Venus view keeps the last good values.
    QCOMPARE(window.venusModel()->text(p1::VenusModel::Service::Grid, QStringLiteral("/Ac/Power")),
        QStringLiteral("884 W"));
    QVERIFY(window.fieldsModel()->findField(QStringLiteral("1-0:1.7.0")).isValid());

    window.showHistoryRow(0);
    QCOMPARE(window.shownRecord()->number, quint64(1));
    window.setFollowLatest(true);
    QCOMPARE(window.shownRecord()->number, quint64(4));
}

void TestMainWindow::simulatedMeter()
{
    MainWindow window;
    window.show();
    auto sim = std::make_unique<p1::SimulatorSource>();
    sim->setInterval(30ms);
    QSignalSpy telegrams(window.session(), &MonitorSession::telegramReceived);
    window.openSource(std::move(sim));
    while (telegrams.count() < 5)
        QVERIFY(telegrams.wait(5000));
    QVERIFY(window.historyModel()->rowCount() >= 5);
    QVERIFY(window.statusPanel()->chart()->sampleCount() >= 5);
    QVERIFY(window.statusPanel()
                ->valueText(QStringLiteral("connection"))
                .startsWith(QStringLiteral("connected")));
    QVERIFY(window.statusPanel()
                ->valueText(QStringLiteral("interval"))
                .startsWith(QStringLiteral("last ")));
    QVERIFY(window.venusModel()
                ->text(p1::VenusModel::Service::Grid, QStringLiteral("/Ac/L1/Voltage"))
                .endsWith(QStringLiteral(" V")));
    QVERIFY(window.venusModel()->hasGas());
    QVERIFY(window.fieldsModel()->groupIndex(1).data().toString().contains(
        QStringLiteral("gas meter")));
    QVERIFY(window.problemText().isEmpty());

    // The picker's button disconnects.
    QVERIFY(window.sourcePicker()->isConnected());
    QTest::mouseClick(window.sourcePicker()->connectButton(), Qt::LeftButton);
    QVERIFY(!window.session()->isActive());
    QVERIFY(!window.sourcePicker()->isConnected());
    QCOMPARE(window.sourcePicker()->connectButton()->text(), QStringLiteral("Connect"));
}

void TestMainWindow::missingPort()
{
    MainWindow window;
    window.show();
    QSignalSpy finished(window.session(), &MonitorSession::sourceFinished);
    QVERIFY(window.openSource(QStringLiteral("/dev/ttyP1DoesNotExist")));
    QCOMPARE(window.sourcePicker()->kind(), p1::SourcePicker::Kind::Serial);
    QCOMPARE(window.sourcePicker()->spec(), QStringLiteral("/dev/ttyP1DoesNotExist"));
    QVERIFY(finished.wait(5000));
    QVERIFY2(window.problemText().contains(QStringLiteral("does not exist")),
        qPrintable(window.problemText()));
    QVERIFY(!window.sourcePicker()->isConnected());
    QCOMPARE(window.historyModel()->rowCount(), 0);
}

void TestMainWindow::invalidSource()
{
    MainWindow window;
    QVERIFY(!window.openSource(QStringLiteral("udp://meter:2000")));
    QVERIFY(window.problemText().contains(QStringLiteral("udp")));
    QVERIFY(!window.sourcePicker()->isConnected());
}

void TestMainWindow::saveAndCopy()
{
    MainWindow window;
    QTemporaryDir dir;
    QString error;
    QVERIFY(!window.saveTelegram(dir.filePath(QStringLiteral("none.p1")), &error));
    QVERIFY(!error.isEmpty());

    QSignalSpy finished(window.session(), &MonitorSession::sourceFinished);
    QVERIFY(window.openSource(QStringLiteral("file:") + kSample, fast()));
    QVERIFY(finished.wait(5000));
    const QString path = dir.filePath(QStringLiteral("telegram.p1"));
    QVERIFY(window.saveTelegram(path, &error));
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QByteArray bytes = saved.readAll();
    QCOMPARE(bytes, window.shownRecord()->text + "\r\n");
    QVERIFY(bytes.startsWith("/Ene5"));
    const QString text = window.telegramAsText();
    QVERIFY(text.startsWith(QStringLiteral("/Ene5\\T210-D ESMR5.0\n\n1-3:0.2.8(50)\n")));
    QVERIFY(!text.contains(u'\r'));
}

void TestMainWindow::languageSwitchAtRunTime_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("fieldsTab");
    QTest::addColumn<QString>("header");
    QTest::newRow("nl") << QStringLiteral("nl") << QStringLiteral("Gedecodeerde velden")
                        << QStringLiteral("Betekenis");
    QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("Decodierte Felder")
                        << QStringLiteral("Bedeutung");
    QTest::newRow("fr") << QStringLiteral("fr") << QStringLiteral("Champs décodés")
                        << QStringLiteral("Signification");
    QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("Decoded fields")
                        << QStringLiteral("Meaning");
}

void TestMainWindow::languageSwitchAtRunTime()
{
    QFETCH(QString, language);
    QFETCH(QString, fieldsTab);
    QFETCH(QString, header);
    p1::LanguageManager languages;
    MainWindow window(&languages);
    window.show();
    languages.setLanguage(language);
    QCOMPARE(languages.effectiveLanguage(), language);
    QTRY_COMPARE(window.tabs()->tabText(1), fieldsTab);
    QCOMPARE(
        window.fieldsModel()->headerData(p1::FieldsModel::MeaningColumn, Qt::Horizontal).toString(),
        header);
    languages.setLanguage(QStringLiteral("en"));
    QTRY_COMPARE(window.tabs()->tabText(1), QStringLiteral("Decoded fields"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
