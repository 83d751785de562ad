#include "venusmodel.h"

#include "monitorsession.h"

#include "sampletelegrams.h"

#include <QSignalSpy>
#include <QTest>

using p1::MonitorSession;
using p1::TelegramRecord;
using p1::VenusModel;

Q_DECLARE_METATYPE(p1::VenusModel::Service)

namespace {

/// The records of one stream as MonitorSession makes them: one decoder (and so one gas flow).
class Stream
{
public:
    TelegramRecord record(const std::string &telegram)
    {
        m_decoder.push(telegram);
        m_decoder.finish();
        return m_last;
    }

private:
    TelegramRecord m_last;
    p1::TelegramDecoder m_decoder {[this](const p1::DecodedTelegram &decoded) {
        m_last = MonitorSession::makeRecord(decoded);
    }};
};

} // namespace

class TestVenusModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void paths_data();
    void paths();
    void everyPublishedPathHasARow();
    void rejectedPublishesNothing();
    void changedValuesMarked();
};

void TestVenusModel::paths_data()
{
    using Service = VenusModel::Service;
    QTest::addColumn<QByteArray>("telegram");
    QTest::addColumn<Service>("service");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("text");

    const auto t = [](const std::string &s) { return QByteArray(s.data(), qsizetype(s.size())); };
    const QByteArray nl = t(p1::test::dsmr5ThreePhase());
    QTest::newRow("nl-ac-power") << nl << Service::Grid << QStringLiteral("/Ac/Power")
                                 << QStringLiteral("884 W");
    QTest::newRow("nl-l3-export") << nl << Service::Grid << QStringLiteral("/Ac/L3/Power")
                                  << QStringLiteral("-250 W");
    QTest::newRow("nl-l3-current-signed")
        << nl << Service::Grid << QStringLiteral("/Ac/L3/Current") << QStringLiteral("-1.00 A");
    QTest::newRow("nl-forward") << nl << Service::Grid << QStringLiteral("/Ac/Energy/Forward")
                                << QStringLiteral("3580.245 kWh");
    QTest::newRow("nl-three-phases-no-l1-energy")
        << nl << Service::Grid << QStringLiteral("/Ac/L1/Energy/Forward") << QString();
    QTest::newRow("nl-serial") << nl << Service::Grid << QStringLiteral("/Serial")
                               << QStringLiteral("E0062000013122923");
    QTest::newRow("nl-gas-aggregate")
        << nl << Service::Gas << QStringLiteral("/Aggregate") << QStringLiteral("4567.890 m3");
    QTest::newRow("nl-gas-no-flow-yet")
        << nl << Service::Gas << QStringLiteral("/Flow") << QString();
    QTest::newRow("nl-no-water") << nl << Service::Water << QStringLiteral("/Aggregate")
                                 << QString();
    const QByteArray single = t(p1::test::dsmr5SinglePhase());
    QTest::newRow("single-l2-invalid")
        << single << Service::Grid << QStringLiteral("/Ac/L2/Power") << QString();
    QTest::newRow("single-l1-energy")
        << single << Service::Grid << QStringLiteral("/Ac/L1/Energy/Forward")
        << QStringLiteral("1041.401 kWh");
    QTest::newRow("single-no-gas")
        << single << Service::Gas << QStringLiteral("/Aggregate") << QString();
    const QByteArray be = t(p1::test::belgiumFluvius());
    QTest::newRow("be-water-aggregate")
        << be << Service::Water << QStringLiteral("/Aggregate") << QStringLiteral("872.234 m3");
    QTest::newRow("be-water-channel")
        << be << Service::Water << QStringLiteral("/P1/Channel") << QStringLiteral("2");
    QTest::newRow("be-gas-channel")
        << be << Service::Gas << QStringLiteral("/P1/Channel") << QStringLiteral("1");
}

void TestVenusModel::paths()
{
    QFETCH(QByteArray, telegram);
    QFETCH(VenusModel::Service, service);
    QFETCH(QString, path);
    QFETCH(QString, text);

    Stream stream;
    VenusModel model;
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setRecord(stream.record(telegram.toStdString()));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.text(service, path), text);
    const int row = model.rowOf(service, path);
    QVERIFY(row >= 0);
    QCOMPARE(model.index(row, VenusModel::ValueColumn).data(VenusModel::ValidRole).toBool(),
        !text.isEmpty());
    QCOMPARE(model.index(row, VenusModel::PathColumn).data().toString(), path);
    const QString names[] = {
        QStringLiteral("grid"), QStringLiteral("gas"), QStringLiteral("water")};
    QCOMPARE(
        model.index(row, VenusModel::ServiceColumn).data().toString(), names[std::size_t(service)]);
    if (text.isEmpty())
        QCOMPARE(
            model.index(row, VenusModel::ValueColumn).data().toString(), QStringLiteral("invalid"));
}

void TestVenusModel::everyPublishedPathHasARow()
{
    using Service = VenusModel::Service;
    VenusModel model;
    QCOMPARE(model.rowCount(), int(p1::kGridPathCount + 2 * p1::kGasPathCount));
    const auto name = [](const p1::PathSpec &spec) {
        return QString::fromLatin1(spec.path.data(), qsizetype(spec.path.size()));
    };
    for (const p1::PathSpec &spec : p1::gridPathSpecs())
        QVERIFY(model.rowOf(Service::Grid, name(spec)) >= 0);
    for (const p1::PathSpec &spec : p1::gasPathSpecs()) {
        QVERIFY(model.rowOf(Service::Gas, name(spec)) >= 0);
        QVERIFY(model.rowOf(Service::Water, name(spec)) >= 0);
    }
}

void TestVenusModel::rejectedPublishesNothing()
{
    Stream stream;
    VenusModel model;
    model.setRecord(stream.record(p1::test::dsmr5ThreePhase()));
    std::string bad = p1::test::dsmr5SinglePhase();
    bad[bad.find("1-0:2.7.0") + 2] = '1';
    const TelegramRecord rejected = stream.record(bad);
    QVERIFY(!rejected.accepted());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setRecord(rejected);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(model.text(p1::VenusModel::Service::Grid, QStringLiteral("/Ac/Power")),
        QStringLiteral("884 W"));
}

void TestVenusModel::changedValuesMarked()
{
    Stream stream;
    VenusModel model;
    model.setRecord(stream.record(p1::test::dsmr5ThreePhase("261125143015W")));
    model.setRecord(stream.record(p1::test::dsmr5ThreePhase("261125143016W")));
    const int power = model.rowOf(p1::VenusModel::Service::Grid, QStringLiteral("/Ac/Power"));
    const int stamp = model.rowOf(p1::VenusModel::Service::Grid, QStringLiteral("/P1/Timestamp"));
    QVERIFY(stamp >= 0);
    QCOMPARE(
        model.index(power, VenusModel::ValueColumn).data(VenusModel::ChangedRole).toBool(), false);
    QCOMPARE(
        model.index(stamp, VenusModel::ValueColumn).data(VenusModel::ChangedRole).toBool(), true);
    QCOMPARE(
        model.index(power, VenusModel::ValueColumn).data(VenusModel::NumberRole).toDouble(), 884.0);
    model.clear();
    QCOMPARE(model.text(p1::VenusModel::Service::Grid, QStringLiteral("/Ac/Power")), QString());
}

QTEST_MAIN(TestVenusModel)
#include "tst_venusmodel.moc"
