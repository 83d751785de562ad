#include "obistext.h"

#include <QStringList>

#include <iterator>

namespace p1 {

namespace {

// Every name of the core's OBIS registry (common/protocol/obis.cpp), for lupdate. The context
// is ObisText's. tst_translations checks that this list covers the registry.
constexpr const char *kNames[] = {
    QT_TRANSLATE_NOOP("p1::ObisText", "DSMR version"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Version information (Belgium)"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Date-time stamp"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Equipment identifier"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Equipment serial number"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Logical device name"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Equipment identifier (manufacturer)"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Meter serial number"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Meter status"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Connection type, 230/400 V (Belgium)"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Electricity delivered to client, total"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Electricity delivered to client, tariff 1"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Electricity delivered to client, tariff 2"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Electricity delivered to client, tariff 3"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Electricity delivered to client, tariff 4"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Electricity delivered by client, total"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Electricity delivered by client, tariff 1"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Electricity delivered by client, tariff 2"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Electricity delivered by client, tariff 3"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Electricity delivered by client, tariff 4"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Active energy, absolute total (|+A| + |-A|)"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Reactive energy delivered (+R), total"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Reactive energy delivered (+R), tariff 1"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Reactive energy delivered (+R), tariff 2"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Reactive energy received (-R), total"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Reactive energy received (-R), tariff 1"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Reactive energy received (-R), tariff 2"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Reactive energy, quadrant I"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Reactive energy, quadrant II"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Reactive energy, quadrant III"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Reactive energy, quadrant IV"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Tariff indicator"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Actual threshold electricity"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Breaker state"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Current limit, L1"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Current limit, L2"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Current limit, L3"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Current limiter thresholds"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Actual electricity power delivered (+P)"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Actual electricity power received (-P)"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Actual reactive power delivered (+Q)"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Actual reactive power received (-Q)"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Actual reactive power, quadrant I"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Actual reactive power, quadrant II"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Actual reactive power, quadrant III"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Actual reactive power, quadrant IV"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Actual apparent power delivered (+S)"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Actual apparent power received (-S)"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Power factor"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Frequency"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous active power L1 (+P)"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous active power L2 (+P)"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous active power L3 (+P)"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous active power L1 (-P)"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous active power L2 (-P)"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous active power L3 (-P)"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous reactive power L1 (+Q)"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous reactive power L2 (+Q)"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous reactive power L3 (+Q)"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous reactive power L1 (-Q)"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous reactive power L2 (-Q)"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous reactive power L3 (-Q)"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous voltage L1"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous voltage L2"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous voltage L3"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous current L1"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous current L2"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Instantaneous current L3"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Power factor L1"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Power factor L2"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Power factor L3"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Number of power failures in any phase"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Number of long power failures in any phase"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Power failure event log"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Power failure event"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Number of voltage sags in phase L1"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Number of voltage sags in phase L2"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Number of voltage sags in phase L3"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Number of voltage swells in phase L1"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Number of voltage swells in phase L2"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Number of voltage swells in phase L3"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Text message"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Text message code"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Text message 2"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Text message 3"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Text message 4"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Text message 5"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Current average demand (+P)"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Maximum demand, running month (+P)"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Maximum demand / billing values, last months"),
    QT_TRANSLATE_NOOP("p1::ObisText", "M-Bus device type"),
    QT_TRANSLATE_NOOP("p1::ObisText", "M-Bus equipment identifier"),
    QT_TRANSLATE_NOOP("p1::ObisText", "M-Bus equipment serial number"),
    QT_TRANSLATE_NOOP("p1::ObisText", "M-Bus meter reading (gas, water, heat)"),
    QT_TRANSLATE_NOOP("p1::ObisText", "Gas meter reading, not temperature corrected"),
    QT_TRANSLATE_NOOP("p1::ObisText", "M-Bus meter reading profile (DSMR 2.2/3.0)"),
    QT_TRANSLATE_NOOP("p1::ObisText", "M-Bus valve state"),
    QT_TRANSLATE_NOOP("p1::ObisText", "M-Bus relay state"),
};

} // namespace

QString ObisText::translateName(std::string_view englishName)
{
    if (englishName.empty())
        return QString();
    const std::string key(englishName);
    return QCoreApplication::translate("p1::ObisText", key.c_str());
}

QString ObisText::name(const Obis &code)
{
    const ObisInfo *info = describeObis(code);
    return info ? translateName(info->name) : QString();
}

QStringList ObisText::englishNames()
{
    QStringList names;
    names.reserve(qsizetype(std::size(kNames)));
    for (const char *n : kNames)
        names.append(QString::fromUtf8(n));
    return names;
}

QString ObisText::deviceType(std::int16_t type)
{
    switch (MbusDeviceType(type)) {
    case MbusDeviceType::Absent:
        return tr("unknown device");
    case MbusDeviceType::Other:
        return tr("other device");
    case MbusDeviceType::Gas:
        return tr("gas meter");
    case MbusDeviceType::Heat:
        return tr("heat meter");
    case MbusDeviceType::WarmWater:
        return tr("warm water meter");
    case MbusDeviceType::Water:
        return tr("water meter");
    case MbusDeviceType::Cooling:
        return tr("cooling meter");
    case MbusDeviceType::HeatCooling:
        return tr("heat/cooling meter");
    }
    return tr("device type %1").arg(type);
}

} // namespace p1
