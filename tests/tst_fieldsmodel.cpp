#include "fieldsmodel.h"

#include "obistext.h"
#include "sampletelegrams.h"

#include <QSignalSpy>
#include <QTest>

using p1::FieldsModel;
using p1::TelegramRecord;

namespace {

// The frame text as the framer hands it over: from '/' to the last CRC digit.
TelegramRecord record(const std::string &telegram)
{
    TelegramRecord r;
    r.number = 1;
    std::string text = telegram;
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
        text.pop_back();
    r.text = QByteArray(text.data(), qsizetype(text.size()));
    r.crc = p1::CrcStatus::Ok;
    return r;
}

QString cell(const FieldsModel &model, const QModelIndex &field, int column)
{
    return model.index(field.row(), column, field.parent()).data().toString();
}

} // namespace

class TestFieldsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fields_data();
    void fields();
    void groupsPerChannel_data();
    void groupsPerChannel();
    void unparsedLines();
    void hexDecoding_data();
    void hexDecoding();
    void resetSignals();
};

void TestFieldsModel::fields_data()
{
    QTest::addColumn<QByteArray>("telegram");
    QTest::addColumn<QString>("obis");
    QTest::addColumn<QString>("meaning");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("unit");

    const auto t = [](const std::string &s) { return QByteArray(s.data(), qsizetype(s.size())); };
    const QByteArray nl = t(p1::test::dsmr5ThreePhase());
    QTest::newRow("nl-header") << nl << QStringLiteral("/")
                               << QStringLiteral("Meter identification (header)")
                               << QStringLiteral("Ene5\\T210-D ESMR5.0") << QString();
    QTest::newRow("nl-import-t1") << nl << QStringLiteral("1-0:1.8.1")
                                  << QStringLiteral("Electricity delivered to client, tariff 1")
                                  << QStringLiteral("001234.567") << QStringLiteral("kWh");
    QTest::newRow("nl-power") << nl << QStringLiteral("1-0:1.7.0")
                              << QStringLiteral("Actual electricity power delivered (+P)")
                              << QStringLiteral("00.884") << QStringLiteral("kW");
    QTest::newRow("nl-voltage-l2")
        << nl << QStringLiteral("1-0:52.7.0") << QStringLiteral("Instantaneous voltage L2")
        << QStringLiteral("231.5") << QStringLiteral("V");
    QTest::newRow("nl-equipment-hex-decoded")
        << nl << QStringLiteral("0-0:96.1.1") << QStringLiteral("Equipment identifier")
        << QStringLiteral("E0062000013122923") << QString();
    QTest::newRow("nl-text-message-decoded")
        << nl << QStringLiteral("0-0:96.13.0") << QStringLiteral("Text message")
        << QStringLiteral("Hello from the grid/operator") << QString();
    QTest::newRow("nl-gas-two-values")
        << nl << QStringLiteral("0-1:24.2.1")
        << QStringLiteral("M-Bus meter reading (gas, water, heat)")
        << QStringLiteral("261125143000W, 04567.890") << QStringLiteral("m3");
    QTest::newRow("nl-failure-log")
        << nl << QStringLiteral("1-0:99.97.0") << QStringLiteral("Power failure event log")
        << QStringLiteral("3, 0-0:96.7.19, 250612093012S, 0000000240, 251101120301W, 0000001301, "
                          "260203070707W, 0000000377")
        << QStringLiteral("s");
    const QByteArray be = t(p1::test::belgiumFluvius());
    QTest::newRow("be-version") << be << QStringLiteral("0-0:96.1.4")
                                << QStringLiteral("Version information (Belgium)")
                                << QStringLiteral("50217") << QString();
    QTest::newRow("be-average-demand")
        << be << QStringLiteral("1-0:1.4.0") << QStringLiteral("Current average demand (+P)")
        << QString() << QStringLiteral("kW");
    const QByteArray easy = t(p1::test::easyMeterQ3D());
    QTest::newRow("easymeter-star-255") << easy << QStringLiteral("1-0:1.8.0*255")
                                        << QStringLiteral("Electricity delivered to client, total")
                                        << QString() << QStringLiteral("kWh");
}

void TestFieldsModel::fields()
{
    QFETCH(QByteArray, telegram);
    QFETCH(QString, obis);
    QFETCH(QString, meaning);
    QFETCH(QString, value);
    QFETCH(QString, unit);

    FieldsModel model;
    model.setRecord(record(telegram.toStdString()));
    const QModelIndex field = model.findField(obis);
    QVERIFY2(field.isValid(), qPrintable(obis));
    QCOMPARE(cell(model, field, FieldsModel::ObisColumn), obis);
    QCOMPARE(cell(model, field, FieldsModel::MeaningColumn), meaning);
    if (!value.isEmpty())
        QCOMPARE(cell(model, field, FieldsModel::ValueColumn), value);
    QCOMPARE(cell(model, field, FieldsModel::UnitColumn), unit);
}

void TestFieldsModel::groupsPerChannel_data()
{
    QTest::addColumn<QByteArray>("telegram");
    QTest::addColumn<QList<int>>("groups");
    QTest::addColumn<QStringList>("titles");
    QTest::addColumn<int>("fields");

    const auto t = [](const std::string &s) { return QByteArray(s.data(), qsizetype(s.size())); };
    QTest::newRow("dsmr5-gas-on-1") << t(p1::test::dsmr5ThreePhase()) << QList<int> {0, 1}
                                    << QStringList {QStringLiteral("Electricity meter"),
                                           QStringLiteral("M-Bus channel 1: gas meter")}
                                    << 35 + 1; // 35 object lines and the header
    QTest::newRow("single-phase-no-mbus")
        << t(p1::test::dsmr5SinglePhase()) << QList<int> {0}
        << QStringList {QStringLiteral("Electricity meter")} << -1;
    QTest::newRow("heat-gj") << t(p1::test::heatGJ()) << QList<int> {0, 1}
                             << QStringList {QStringLiteral("Electricity meter"),
                                    QStringLiteral("M-Bus channel 1: heat meter")}
                             << -1;
}

void TestFieldsModel::groupsPerChannel()
{
    QFETCH(QByteArray, telegram);
    QFETCH(QList<int>, groups);
    QFETCH(QStringList, titles);
    QFETCH(int, fields);

    FieldsModel model;
    model.setRecord(record(telegram.toStdString()));
    QCOMPARE(model.rowCount(), groups.size());
    for (qsizetype i = 0; i < groups.size(); ++i) {
        const QModelIndex group = model.index(int(i), 0);
        QCOMPARE(group.data(FieldsModel::ChannelRole).toInt(), groups[i]);
        QCOMPARE(group.data().toString(), titles[i]);
        QCOMPARE(model.groupIndex(groups[i]), group);
        QVERIFY(model.rowCount(group) > 0);
    }
    if (fields >= 0)
        QCOMPARE(model.fieldCount(), fields);
    // M-Bus rows sit under their channel, not under the meter.
    for (int r = 0; r < model.rowCount(model.groupIndex(0)); ++r)
        QVERIFY(!model.index(r, 0, model.groupIndex(0))
                     .data()
                     .toString()
                     .startsWith(QStringLiteral("0-1:")));
}

void TestFieldsModel::unparsedLines()
{
    std::string telegram = p1::test::dsmr5SinglePhase();
    telegram.insert(telegram.find("1-3:0.2.8"), "garbage line here\r\n");
    FieldsModel model;
    model.setRecord(record(telegram));
    const QModelIndex group = model.groupIndex(-1);
    QVERIFY(group.isValid());
    QCOMPARE(model.rowCount(group), 1);
    QCOMPARE(model.index(0, FieldsModel::ValueColumn, group).data().toString(),
        QStringLiteral("garbage line here"));
}

void TestFieldsModel::hexDecoding_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("id") << QStringLiteral("4530303632") << QStringLiteral("E0062");
    QTest::newRow("odd-length") << QStringLiteral("453") << QString();
    QTest::newRow("not-hex") << QStringLiteral("4G") << QString();
    QTest::newRow("control-char") << QStringLiteral("0A41") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestFieldsModel::hexDecoding()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const auto decoded = FieldsModel::decodeHexText(text);
    QCOMPARE(decoded.has_value(), !expected.isEmpty());
    if (decoded)
        QCOMPARE(*decoded, expected);
}

void TestFieldsModel::resetSignals()
{
    FieldsModel model;
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setRecord(record(p1::test::dsmr5ThreePhase()));
    QVERIFY(!inserted.isEmpty());
    QVERIFY(model.hasRecord());
    model.clearRecord();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(FieldsModel::ColumnCount));
    QCOMPARE(model.headerData(FieldsModel::MeaningColumn, Qt::Horizontal).toString(),
        QStringLiteral("Meaning"));
    // Every meaning the core knows is offered for translation.
    QVERIFY(p1::ObisText::englishNames().contains(
        QStringLiteral("Electricity delivered by client, tariff 2")));
}

QTEST_MAIN(TestFieldsModel)
#include "tst_fieldsmodel.moc"
