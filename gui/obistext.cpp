#include "obistext.h"

#include <QStringList>

namespace p1 {

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
    for (const ObisInfo &info : kObisTable)
        names.append(QString::fromUtf8(info.name.data(), qsizetype(info.name.size())));
    names.removeDuplicates();
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
