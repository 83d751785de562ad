#include "servicecontract.h"

#include <QStringList>

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

ServiceContract ServiceContract::gas(GasService service)
{
    Q_ASSERT(service != GasService::None);
    ServiceContract c;
    c.meter = Meter::Gas;
    c.type = service == GasService::PulseMeter ? u"pulsemeter"_s : u"gasmeter"_s;
    c.productName = u"P1 gas meter"_s;
    c.paths = gasPathSpecs();
    c.staticPaths = {{u"/ErrorCode"_s, 0}};
    return c;
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
