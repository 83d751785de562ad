#pragma once

// Test support: a stand-in for Venus's com.victronenergy.settings (localsettings) on a test bus.
// It implements what dbus-p1 uses: AddSettings(aa{sv}) -> aa{sv} on /Settings/Devices (paths
// relative to it; ClassAndVrmInstance "class:N" gets the next free N of that class, as
// localsettings does), and com.victronenergy.BusItem GetValue/SetValue on every setting path.

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusVariant>
#include <QDBusVirtualObject>
#include <QMap>
#include <QSet>
#include <QStringList>
#include <QVariant>

namespace p1::test {

class FakeSettings : public QDBusVirtualObject
{
public:
    static constexpr const char *kDevices = "/Settings/Devices";

    explicit FakeSettings(QDBusConnection bus)
        : m_bus(std::move(bus))
    {
        qDBusRegisterMetaType<QList<QVariantMap>>();
    }

    ~FakeSettings() override
    {
        m_bus.unregisterService(QStringLiteral("com.victronenergy.settings"));
        m_bus.unregisterObject(QStringLiteral("/Settings"), QDBusConnection::UnregisterTree);
    }

    bool start()
    {
        return m_bus.registerVirtualObject(
                   QStringLiteral("/Settings"), this, QDBusConnection::SubPath)
            && m_bus.registerService(QStringLiteral("com.victronenergy.settings"));
    }

    QMap<QString, QVariant> values; ///< full path -> value: what localsettings would persist
    QStringList setValueCalls; ///< full paths written through SetValue
    int addSettingsCalls = 0;

    QString introspect(const QString &) const override { return {}; }

    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override
    {
        const QString path = message.path();
        const QString member = message.member();
        if (member == QLatin1String("AddSettings") && path == QLatin1String(kDevices)) {
            ++addSettingsCalls;
            const auto items = qdbus_cast<QList<QVariantMap>>(message.arguments().value(0));
            QList<QVariantMap> results;
            for (const QVariantMap &item : items) {
                const QString rel = item.value(QStringLiteral("path")).toString();
                const QString full = QLatin1String(kDevices) + u'/' + rel;
                QVariant def = item.value(QStringLiteral("default"));
                if (def.canConvert<QDBusVariant>())
                    def = def.value<QDBusVariant>().variant();
                if (!values.contains(full))
                    values.insert(full,
                        rel.endsWith(QLatin1String("/ClassAndVrmInstance"))
                            ? allocate(def.toString())
                            : def);
                results.append(
                    QVariantMap {{QStringLiteral("path"), rel}, {QStringLiteral("error"), 0},
                        {QStringLiteral("value"),
                            QVariant::fromValue(QDBusVariant(values.value(full)))}});
            }
            connection.send(message.createReply(QVariant::fromValue(results)));
            return true;
        }
        if (member == QLatin1String("SetValue") && values.contains(path)) {
            QVariant v = message.arguments().value(0);
            if (v.canConvert<QDBusVariant>())
                v = v.value<QDBusVariant>().variant();
            values.insert(path, v);
            setValueCalls << path;
            connection.send(message.createReply(QVariant(0)));
            return true;
        }
        if (member == QLatin1String("GetValue") && values.contains(path)) {
            connection.send(
                message.createReply(QVariant::fromValue(QDBusVariant(values.value(path)))));
            return true;
        }
        connection.send(message.createErrorReply(
            QStringLiteral("org.freedesktop.DBus.Error.UnknownObject"), path));
        return true;
    }

private:
    // "grid:40" -> the first instance >= 40 that no other device of class grid holds.
    QString allocate(const QString &preferred)
    {
        const QString cls = preferred.section(u':', 0, 0);
        int n = preferred.section(u':', 1).toInt();
        QSet<int> taken;
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            if (it.key().endsWith(QLatin1String("/ClassAndVrmInstance"))
                && it.value().toString().section(u':', 0, 0) == cls)
                taken.insert(it.value().toString().section(u':', 1).toInt());
        while (taken.contains(n))
            ++n;
        return cls + u':' + QString::number(n);
    }

    QDBusConnection m_bus;
};

} // namespace p1::test
