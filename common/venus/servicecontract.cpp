#include "servicecontract.h"

#include <QStringList>

#include <algorithm>

namespace p1 {

using namespace Qt::StringLiterals;

QString ServiceContract::serviceName(const QString &port) const
{
    return "com.victronenergy."_L1 + type + ".p1_"_L1 + port + nameSuffix;
}

ServiceContract ServiceContract::grid()
{
    ServiceContract c;
    c.meter = Meter::Electricity;
    c.type = u"grid"_s;
    c.productName = u"P1 smart meter"_s;
    c.paths = gridPathSpecs();
    // As dbus-cgwacs publishes a grid meter: the role it has and the roles it may take.
    c.allowedRoles = energyMeterRoles();
    c.staticPaths = {{u"/Role"_s, c.type}, {u"/AllowedRoles"_s, c.allowedRoles},
        {u"/DeviceType"_s, 0}, {u"/ErrorCode"_s, 0}};
    c.refreshTimeAlways = true;
    return c;
}

ServiceContract ServiceContract::withRole(const QString &role) const
{
    Q_ASSERT(allowedRoles.contains(role));
    ServiceContract c = *this;
    c.type = role;
    c.staticPaths.insert(u"/Role"_s, role);
    if (role == u"grid"_s)
        c.staticPaths.remove(u"/IsGenericEnergyMeter"_s);
    else
        c.staticPaths.insert(u"/IsGenericEnergyMeter"_s, 1);
    return c;
}

QStringList ServiceContract::energyMeterRoles()
{
    // dbus-cgwacs and dbus-modbus-client also offer evcharger and heatpump, which need paths
    // (/Current, /Status) a P1 meter cannot give.
    return {u"grid"_s, u"pvinverter"_s, u"genset"_s, u"acload"_s};
}

std::optional<int> ServiceContract::maxPosition(const QString &role)
{
    if (role == u"pvinverter"_s)
        return 2;
    if (role == u"acload"_s)
        return 1;
    return std::nullopt;
}

QString ServiceContract::deviceSettingsId(const QString &serial) const
{
    return settingsId(serial) + nameSuffix;
}

namespace {

// A pulse meter as dbus-digitalinputs publishes one (dbus_digitalinputs.py, VolumeCounter):
// /Aggregate in m3 (the meter paths) and /Count, the pulses, which a P1 meter does not count:
// invalid, so that gui-v2's "Reset counter" (PagePulseCounterSetup.qml) stays disabled.
ServiceContract pulseMeter(
    ServiceContract::Meter meter, QString suffix, QString productName, QString customName)
{
    ServiceContract c;
    c.meter = meter;
    c.type = u"pulsemeter"_s;
    c.nameSuffix = std::move(suffix);
    c.productName = std::move(productName);
    c.customName = std::move(customName);
    c.paths = gasPathSpecs();
    c.staticPaths = {{u"/Count"_s, QVariant()}, {u"/ErrorCode"_s, 0}};
    return c;
}

} // namespace

ServiceContract ServiceContract::gas(GasService service)
{
    Q_ASSERT(service != GasService::None);
    if (service == GasService::PulseMeter)
        return pulseMeter(Meter::Gas, u"_gas"_s, u"P1 gas meter"_s, u"Gas meter"_s);
    ServiceContract c;
    c.meter = Meter::Gas;
    c.type = u"gasmeter"_s;
    c.productName = u"P1 gas meter"_s;
    c.paths = gasPathSpecs();
    c.staticPaths = {{u"/ErrorCode"_s, 0}};
    return c;
}

ServiceContract ServiceContract::water(int channel, bool first)
{
    if (first)
        return pulseMeter(Meter::Water, u"_water"_s, u"P1 water meter"_s, u"Water meter"_s);
    return pulseMeter(Meter::Water, u"_water"_s + QString::number(channel), u"P1 water meter"_s,
        u"Water meter (channel %1)"_s.arg(channel));
}

QString ServiceContract::firmwareVersion(const std::string &version, Flavour flavour)
{
    QString text = QString::fromStdString(version);
    const bool digits = !text.isEmpty()
        && std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.isDigit(); });
    if (!digits)
        return text;
    // Belgian e-MUCS 0-0:96.1.4: the DSMR base in three digits, the e-MUCS version in two
    // ("50217": DSMR 5.0.2, e-MUCS 1.7; "50221": e-MUCS 2.1).
    if (flavour == Flavour::Belgium && text.size() == 5)
        return u"e-MUCS %1.%2"_s.arg(text.at(3), text.at(4));
    // DSMR 1-3:0.2.8: a digit per level ("42" is 4.2, "50" 5.0).
    if (text.size() == 2 || text.size() == 3) {
        QStringList levels;
        for (const QChar c : text)
            levels.append(QString(c));
        return "DSMR "_L1 + levels.join(u'.');
    }
    return text;
}

QString ServiceContract::portName(const QString &sourceName, bool serial)
{
    const QString port = sanitised(serial ? sourceName.section(u'/', -1) : sourceName);
    return port.isEmpty() ? u"unknown"_s : port;
}

QString ServiceContract::connection(const QString &sourceDescription)
{
    return "P1 "_L1 + sourceDescription;
}

QString ServiceContract::settingsId(const QString &serial)
{
    return "p1_"_L1 + sanitised(serial.isEmpty() ? u"unknown"_s : serial);
}

QString ServiceContract::sanitised(const QString &name)
{
    QString out = name;
    for (QChar &c : out) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')
            || (c >= u'0' && c <= u'9') || c == u'_';
        if (!ok)
            c = u'_';
    }
    return out;
}

} // namespace p1
