#include "venus/busitemtree.h"
#include "venus/servicecontract.h"

#include <QSet>
#include <QStringList>
#include <QTest>

using namespace Qt::StringLiterals;
using p1::ServiceContract;

Q_DECLARE_METATYPE(p1::ServiceContract)

class TestServiceContract : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void services_data();
    void services();
    void portName_data();
    void portName();
    void settingsIdIsSanitised_data();
    void settingsIdIsSanitised();
    void roles_data();
    void roles();
    void deviceSettingsId_data();
    void deviceSettingsId();
    void firmwareVersion_data();
    void firmwareVersion();
};

void TestServiceContract::services_data()
{
    QTest::addColumn<ServiceContract>("contract");
    QTest::addColumn<QString>("name"); // for the port "ttyUSB0"
    QTest::addColumn<QString>("productName");
    QTest::addColumn<int>("paths");
    QTest::addColumn<QStringList>("staticPaths");
    QTest::addColumn<QString>("customName");

    QTest::newRow("grid") << ServiceContract::grid() << u"com.victronenergy.grid.p1_ttyUSB0"_s
                          << u"P1 smart meter"_s << int(p1::kGridPathCount)
                          << QStringList {u"/AllowedRoles"_s, u"/DeviceType"_s, u"/ErrorCode"_s,
                                 u"/Role"_s}
                          << QString();
    // The seed's service, for scripts: same name and settings as before.
    QTest::newRow("gas-as-gasmeter")
        << ServiceContract::gas(p1::GasService::GasMeter)
        << u"com.victronenergy.gasmeter.p1_ttyUSB0"_s << u"P1 gas meter"_s << int(p1::kGasPathCount)
        << QStringList {u"/ErrorCode"_s} << QString();
    // Pulse meters as dbus-digitalinputs publishes them: /Aggregate (a meter path) and /Count.
    const QStringList pulse {u"/Count"_s, u"/ErrorCode"_s};
    QTest::newRow("gas-as-pulsemeter")
        << ServiceContract::gas(p1::GasService::PulseMeter)
        << u"com.victronenergy.pulsemeter.p1_ttyUSB0_gas"_s << u"P1 gas meter"_s
        << int(p1::kGasPathCount) << pulse << u"Gas meter"_s;
    QTest::newRow("water-first") << ServiceContract::water(2, true)
                                 << u"com.victronenergy.pulsemeter.p1_ttyUSB0_water"_s
                                 << u"P1 water meter"_s << int(p1::kGasPathCount) << pulse
                                 << u"Water meter"_s;
    QTest::newRow("water-second") << ServiceContract::water(3, false)
                                  << u"com.victronenergy.pulsemeter.p1_ttyUSB0_water3"_s
                                  << u"P1 water meter"_s << int(p1::kGasPathCount) << pulse
                                  << u"Water meter (channel 3)"_s;
}

void TestServiceContract::services()
{
    QFETCH(ServiceContract, contract);
    QFETCH(QString, name);
    QFETCH(QString, productName);
    QFETCH(int, paths);
    QFETCH(QStringList, staticPaths);
    QFETCH(QString, customName);

    QCOMPARE(contract.serviceName(u"ttyUSB0"_s), name);
    QCOMPARE(contract.productName, productName);
    QCOMPARE(contract.customName, customName);
    QCOMPARE(int(contract.paths.size()), paths);
    QCOMPARE(contract.staticPaths.keys(), staticPaths);
    // The service type is the settings class: "grid:40", "pulsemeter:40".
    QCOMPARE(name.section(u'.', 2, 2), contract.type);
    // Every path a well-formed leaf, and none twice: MeterService registers them all.
    QSet<QString> seen;
    for (const p1::PathSpec &spec : contract.paths) {
        const QString path = QString::fromUtf8(spec.path.data(), qsizetype(spec.path.size()));
        QVERIFY2(p1::BusItemTree::isValidLeafPath(path), qPrintable(path));
        QVERIFY2(!seen.contains(path) && !contract.staticPaths.contains(path), qPrintable(path));
        seen.insert(path);
    }
    if (contract.staticPaths.contains(u"/Role"_s))
        QCOMPARE(contract.staticPaths.value(u"/Role"_s).toString(), contract.type);
    // A pulse meter's /Aggregate is in m3, its /Count invalid (a P1 meter counts no pulses).
    if (contract.type == u"pulsemeter"_s) {
        QCOMPARE(contract.paths[std::size_t(p1::GasPath::Aggregate)].path,
            std::string_view("/Aggregate"));
        QCOMPARE(contract.paths[std::size_t(p1::GasPath::Aggregate)].unit, std::string_view("m3"));
        QVERIFY(!contract.staticPaths.value(u"/Count"_s).isValid());
    }
}

void TestServiceContract::roles_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<bool>("generic"); // /IsGenericEnergyMeter
    QTest::addColumn<int>("maxPosition"); // -1: no /Position

    // dbus-cgwacs ac_sensor_bridge.cpp / dbus-modbus-client device.py: every role but grid is a
    // generic energy meter; gui-v2 enums.h: pvinverter positions 0..2, acload 0..1.
    QTest::newRow("grid") << u"grid"_s << false << -1;
    QTest::newRow("pvinverter") << u"pvinverter"_s << true << 2;
    QTest::newRow("genset") << u"genset"_s << true << -1;
    QTest::newRow("acload") << u"acload"_s << true << 1;
}

void TestServiceContract::roles()
{
    QFETCH(QString, role);
    QFETCH(bool, generic);
    QFETCH(int, maxPosition);

    const ServiceContract grid = ServiceContract::grid();
    QCOMPARE(
        grid.allowedRoles, (QStringList {u"grid"_s, u"pvinverter"_s, u"genset"_s, u"acload"_s}));
    QCOMPARE(grid.staticPaths.value(u"/AllowedRoles"_s).toStringList(), grid.allowedRoles);
    QVERIFY(grid.allowedRoles.contains(role));
    // Through another role and back: nothing of the other stays.
    const ServiceContract c = grid.withRole(u"acload"_s).withRole(role);
    QCOMPARE(c.type, role);
    QCOMPARE(c.serviceName(u"ttyUSB0"_s), u"com.victronenergy."_s + role + u".p1_ttyUSB0"_s);
    QCOMPARE(c.staticPaths.value(u"/Role"_s).toString(), role);
    QCOMPARE(c.staticPaths.contains(u"/IsGenericEnergyMeter"_s), generic);
    if (generic)
        QCOMPARE(c.staticPaths.value(u"/IsGenericEnergyMeter"_s).toInt(), 1);
    QCOMPARE(ServiceContract::maxPosition(role).value_or(-1), maxPosition);
    QCOMPARE(c.productName, grid.productName);
    QCOMPARE(c.paths.data(), grid.paths.data());
    // Gas and water have no roles.
    QVERIFY(ServiceContract::gas(p1::GasService::PulseMeter).allowedRoles.isEmpty());
}

void TestServiceContract::portName_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<bool>("serial");
    QTest::addColumn<QString>("port");

    QTest::newRow("serial-starter") << u"ttyUSB0"_s << true << u"ttyUSB0"_s;
    QTest::newRow("serial-path") << u"/dev/ttyUSB0"_s << true << u"ttyUSB0"_s;
    QTest::newRow("serial-by-id") << u"/dev/serial/by-id/usb-P1-if00"_s << true << u"usb_P1_if00"_s;
    QTest::newRow("tcp") << u"192.168.1.20:8088"_s << false << u"192_168_1_20_8088"_s;
    QTest::newRow("file") << u"capture.p1"_s << false << u"capture_p1"_s;
    QTest::newRow("empty") << QString() << false << u"unknown"_s;
}

void TestServiceContract::portName()
{
    QFETCH(QString, source);
    QFETCH(bool, serial);
    QFETCH(QString, port);
    QCOMPARE(ServiceContract::portName(source, serial), port);
}

void TestServiceContract::settingsIdIsSanitised_data()
{
    QTest::addColumn<QString>("serial");
    QTest::addColumn<QString>("id");
    QTest::newRow("plain") << u"E0043007052870318"_s << u"p1_E0043007052870318"_s;
    QTest::newRow("spaces-and-dashes") << u"SAG 10-307"_s << u"p1_SAG_10_307"_s;
    QTest::newRow("backslash") << u"ISK5\\2M"_s << u"p1_ISK5_2M"_s;
    QTest::newRow("none") << QString() << u"p1_unknown"_s;
}

void TestServiceContract::settingsIdIsSanitised()
{
    QFETCH(QString, serial);
    QFETCH(QString, id);
    QCOMPARE(ServiceContract::settingsId(serial), id);
}

void TestServiceContract::deviceSettingsId_data()
{
    QTest::addColumn<ServiceContract>("contract");
    QTest::addColumn<QString>("serial");
    QTest::addColumn<QString>("id");
    QTest::newRow("grid") << ServiceContract::grid() << u"E0043007052870318"_s
                          << u"p1_E0043007052870318"_s;
    QTest::newRow("gasmeter-as-before") << ServiceContract::gas(p1::GasService::GasMeter)
                                        << u"G0039001936990619"_s << u"p1_G0039001936990619"_s;
    // Its own setting: the gasmeter one holds "gasmeter:N", which localsettings would keep.
    QTest::newRow("gas-pulsemeter") << ServiceContract::gas(p1::GasService::PulseMeter)
                                    << u"G0039001936990619"_s << u"p1_G0039001936990619_gas"_s;
    QTest::newRow("water") << ServiceContract::water(2, true) << u"8SAG1234567890"_s
                           << u"p1_8SAG1234567890_water"_s;
    QTest::newRow("water-second") << ServiceContract::water(4, false) << u"W4"_s
                                  << u"p1_W4_water4"_s;
    // Meters without an id do not share a setting.
    QTest::newRow("gas-no-id") << ServiceContract::gas(p1::GasService::PulseMeter) << QString()
                               << u"p1_unknown_gas"_s;
    QTest::newRow("water-no-id") << ServiceContract::water(2, true) << QString()
                                 << u"p1_unknown_water"_s;
}

void TestServiceContract::deviceSettingsId()
{
    QFETCH(ServiceContract, contract);
    QFETCH(QString, serial);
    QFETCH(QString, id);
    QCOMPARE(contract.deviceSettingsId(serial), id);
}

void TestServiceContract::firmwareVersion_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<int>("flavour"); // p1::Flavour
    QTest::addColumn<QString>("text");
    const int nl = int(p1::Flavour::Dsmr);
    const int be = int(p1::Flavour::Belgium);
    // The versions of the conformance telegrams: 1-3:0.2.8 40, 42, 50; 0-0:96.1.4 50217
    // (Fluvius e-MUCS 1.7.1) and 50221 (e-MUCS 2.1.1 spec example).
    QTest::newRow("dsmr-4.0") << u"40"_s << nl << u"DSMR 4.0"_s;
    QTest::newRow("dsmr-4.2") << u"42"_s << nl << u"DSMR 4.2"_s;
    QTest::newRow("dsmr-5.0") << u"50"_s << nl << u"DSMR 5.0"_s;
    QTest::newRow("three-digits") << u"502"_s << nl << u"DSMR 5.0.2"_s;
    QTest::newRow("e-mucs-1.7") << u"50217"_s << be << u"e-MUCS 1.7"_s;
    QTest::newRow("e-mucs-2.1") << u"50221"_s << be << u"e-MUCS 2.1"_s;
    QTest::newRow("dsmr-in-belgium") << u"50"_s << be << u"DSMR 5.0"_s;
    QTest::newRow("five-digits-elsewhere-as-sent") << u"50217"_s << nl << u"50217"_s;
    QTest::newRow("text-as-sent") << u"5.0 beta"_s << nl << u"5.0 beta"_s;
    QTest::newRow("none") << QString() << nl << QString();
}

void TestServiceContract::firmwareVersion()
{
    QFETCH(QString, version);
    QFETCH(int, flavour);
    QFETCH(QString, text);
    QCOMPARE(ServiceContract::firmwareVersion(version.toStdString(), p1::Flavour(flavour)), text);
}

QTEST_GUILESS_MAIN(TestServiceContract)
#include "tst_servicecontract.moc"
