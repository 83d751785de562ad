#pragma once

// Test support: a stand-in for Venus's com.victronenergy.settings (localsettings) on a test bus.
// The tests cannot fetch Victron's localsettings, so this follows its localsettings.py for what
// dbus-p1 uses, behaviour by behaviour (names as in localsettings.py):
//
// - AddSettings(aa{sv}) -> aa{sv} on a group path (here /Settings/Devices, paths relative to
//   it): per item {path, error, value}. The type comes from the default's D-Bus type (int32 "i",
//   double "f", string "s"; anything else AddSettingError.UnknownType -3); a path that is no
//   string -4 (InvalidPath); "/_" in a path -2 (UnderscorePrefix); min/max for numbers,
//   converted to the setting's type (int(0.5) is 0), both 0 meaning none, a default outside them
//   -7 (DefaultOutOfRange); an existing setting of another type -5 (TypeDiffer); an existing
//   setting keeps its value; a ClassAndVrmInstance default that is not "class:number" -6
//   (InvalidDefault). Only NoError, and InvalidDefault on an existing setting, answer a value.
// - ClassAndVrmInstance (class ClassAndVrmInstance, DevicesGroup.assureFreeInstance): a value
//   whose "class:N" another device's ClassAndVrmInstance under /Settings/Devices holds is moved
//   to the next free N of that class, both when added and when written with SetValue.
// - SetValue(v) -> i on a setting: 0, or -1 (DBUS_ERR) when v does not convert to the setting's
//   type (Python's int(), float(), str(): a boolean is 1 or 0), is outside [min, max], or is no
//   "class:number" for a ClassAndVrmInstance. Writing the value it has changes nothing and sends
//   nothing.
// - GetValue / GetText on a setting; GetValue on a group: {relative path: value} of the
//   settings below it (GroupObject.forAllSettings).
// - Signals: a PropertiesChanged(a{sv}) {Value, Text} on the setting's own path for every change
//   (SettingObject._setValue), with Default (and Min, Max for numbers, of the setting's type, an
//   int32 0 when there is none) when AddSettings created it or changed its attributes.
//   localsettings sends no ItemsChanged.
//
// Checked against localsettings v1.76 (and velib_python) run on a private bus: the tables of
// tst_settingsclient's standIn* tests are what it answered.
//
// Tests may read and seed `values` directly (a seeded setting takes its type from the QVariant:
// QString "s", int "i", double "f"), and take the service off the bus and back with stop() and
// start(), as localsettings starting late or restarting; the values stay, as its XML file does.

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusVariant>
#include <QDBusVirtualObject>
#include <QMap>
#include <QSet>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace p1::test {

class FakeSettings : public QDBusVirtualObject
{
public:
    static constexpr const char *kService = "com.victronenergy.settings";
    static constexpr const char *kDevices = "/Settings/Devices";

    // localsettings.py AddSettingError
    enum AddSettingError : int
    {
        NoError = 0,
        UnderscorePrefix = -2,
        UnknownType = -3,
        InvalidPath = -4,
        TypeDiffer = -5,
        InvalidDefault = -6,
        DefaultOutOfRange = -7,
    };
    static constexpr int kDbusErr = -1; // DBUS_ERR

    explicit FakeSettings(QDBusConnection bus)
        : m_bus(std::move(bus))
    {
        qDBusRegisterMetaType<QList<QVariantMap>>();
    }

    ~FakeSettings() override { stop(); }

    bool start()
    {
        if (!m_registered)
            m_registered = m_bus.registerVirtualObject(
                QStringLiteral("/Settings"), this, QDBusConnection::SubPath);
        return m_registered && m_bus.registerService(QString::fromLatin1(kService));
    }

    /// Leaves the bus (the name first, as a process that exits), keeping the values.
    void stop()
    {
        m_bus.unregisterService(QString::fromLatin1(kService));
        if (m_registered)
            m_bus.unregisterObject(QStringLiteral("/Settings"), QDBusConnection::UnregisterTree);
        m_registered = false;
    }

    QMap<QString, QVariant> values; ///< full path -> value: what localsettings would persist
    QStringList setValueCalls; ///< full paths written through SetValue (accepted or not)
    int addSettingsCalls = 0;
    int propertiesChangedSent = 0;

    QString introspect(const QString &) const override { return {}; }

    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override
    {
        const QString path = message.path();
        const QString member = message.member();
        if (member == QLatin1String("AddSettings") && !values.contains(path)) {
            ++addSettingsCalls;
            const auto items = qdbus_cast<QList<QVariantMap>>(message.arguments().value(0));
            QList<QVariantMap> results;
            for (const QVariantMap &item : items)
                results.append(addSetting(path, item));
            connection.send(message.createReply(QVariant::fromValue(results)));
            return true;
        }
        if (member == QLatin1String("SetValue") && values.contains(path)) {
            setValueCalls << path;
            connection.send(
                message.createReply(setValue(path, unwrap(message.arguments().value(0)))));
            return true;
        }
        if (member == QLatin1String("GetValue") && values.contains(path)) {
            connection.send(
                message.createReply(QVariant::fromValue(QDBusVariant(values.value(path)))));
            return true;
        }
        if (member == QLatin1String("GetText") && values.contains(path)) {
            connection.send(message.createReply(values.value(path).toString()));
            return true;
        }
        if (member == QLatin1String("GetValue")) {
            // A group: every setting below it, by relative path.
            QVariantMap below;
            const QString prefix = path + u'/';
            for (auto it = values.cbegin(); it != values.cend(); ++it)
                if (it.key().startsWith(prefix))
                    below.insert(it.key().mid(prefix.size()), it.value());
            if (!below.isEmpty()) {
                connection.send(message.createReply(QVariant::fromValue(QDBusVariant(below))));
                return true;
            }
        }
        connection.send(message.createErrorReply(
            QStringLiteral("org.freedesktop.DBus.Error.UnknownObject"), path));
        return true;
    }

private:
    struct Attributes
    {
        char type = 's';
        QVariant defaultValue;
        std::optional<double> min;
        std::optional<double> max;
        bool operator==(const Attributes &o) const
        {
            return type == o.type && defaultValue == o.defaultValue && min == o.min && max == o.max;
        }
    };

    static QVariant unwrap(QVariant v)
    {
        if (v.canConvert<QDBusVariant>())
            v = v.value<QDBusVariant>().variant();
        return v;
    }

    static bool isClassAndVrmInstance(const QString &path)
    {
        return path.endsWith(QLatin1String("/ClassAndVrmInstance"));
    }

    // parseClassInstanceString: "grid:40" -> ("grid", 40); exactly one colon, a number after.
    static std::optional<std::pair<QString, int>> parseClassInstance(const QVariant &value)
    {
        if (value.typeId() != QMetaType::QString)
            return std::nullopt;
        const QStringList parts = value.toString().split(u':');
        bool ok = false;
        const int n = parts.size() == 2 ? parts[1].trimmed().toInt(&ok) : 0;
        if (!ok)
            return std::nullopt;
        return std::pair {parts[0], n};
    }

    static char typeOf(const QVariant &v)
    {
        switch (v.typeId()) {
        case QMetaType::Int:
        case QMetaType::LongLong:
        case QMetaType::UInt:
            return 'i';
        case QMetaType::Double:
            return 'f';
        case QMetaType::QString:
            return 's';
        default:
            return 0;
        }
    }

    // convertToType: Python's int(), float(), str() of the value; nullopt where they raise.
    // A D-Bus boolean is a Python int there: 1 or 0, also as a string.
    static std::optional<QVariant> convert(char type, QVariant v)
    {
        if (v.typeId() == QMetaType::Bool)
            v = QVariant(v.toBool() ? 1 : 0);
        bool ok = true;
        switch (type) {
        case 'i':
            if (v.typeId() == QMetaType::QString) {
                const int n = v.toString().trimmed().toInt(&ok);
                return ok ? std::optional<QVariant>(n) : std::nullopt;
            }
            if (typeOf(v) == 'i' || typeOf(v) == 'f')
                return QVariant(int(v.toDouble()));
            return std::nullopt;
        case 'f':
            if (typeOf(v) == 0)
                return std::nullopt;
            {
                const double d = v.toString().trimmed().toDouble(&ok);
                return ok ? std::optional<QVariant>(d) : std::nullopt;
            }
        case 's':
            if (typeOf(v) == 0)
                return std::nullopt;
            return QVariant(v.toString());
        }
        return std::nullopt;
    }

    QVariantMap addSetting(const QString &group, const QVariantMap &item)
    {
        QVariantMap result;
        const QVariant pathArg = item.value(QStringLiteral("path"));
        if (pathArg.typeId() != QMetaType::QString) {
            result.insert(QStringLiteral("error"), int(InvalidPath));
            return result;
        }
        const QString rel = pathArg.toString();
        result.insert(QStringLiteral("path"), rel);
        const QString full = group + (rel.startsWith(u'/') ? QString() : QStringLiteral("/")) + rel;
        const QVariant def = unwrap(item.value(QStringLiteral("default")));
        const char type = typeOf(def);
        // Only the errors found once the setting is looked at answer its value.
        const auto error = [&](int code) {
            result.insert(QStringLiteral("error"), code);
            return result;
        };
        const auto answer = [&](int code) {
            result.insert(
                QStringLiteral("value"), QVariant::fromValue(QDBusVariant(values.value(full))));
            return error(code);
        };
        if (rel.contains(QLatin1String("/_")))
            return error(UnderscorePrefix);
        if (type == 0)
            return error(UnknownType);
        Attributes a;
        a.type = type;
        a.defaultValue = def;
        if (type != 's') {
            // Converted to the setting's type: int(0.5) is 0.
            const auto min = convert(type, unwrap(item.value(QStringLiteral("min"))));
            const auto max = convert(type, unwrap(item.value(QStringLiteral("max"))));
            if (min)
                a.min = min->toDouble();
            if (max)
                a.max = max->toDouble();
            if (a.min == 0.0 && a.max == 0.0)
                a.min = a.max = std::nullopt;
            if ((a.min && def.toDouble() < *a.min) || (a.max && def.toDouble() > *a.max))
                return error(DefaultOutOfRange);
        }
        const bool badInstance = isClassAndVrmInstance(full) && !parseClassInstance(def);

        QVariant value = def;
        if (values.contains(full)) {
            const char had =
                m_attributes.contains(full) ? m_attributes[full].type : typeOf(values.value(full));
            if (had != type)
                return error(TypeDiffer);
            if (badInstance)
                return answer(InvalidDefault);
            if (m_attributes.contains(full) && m_attributes.value(full) == a)
                return answer(NoError);
            value = values.value(full); // new attributes, the value kept
        } else if (badInstance) {
            return error(InvalidDefault);
        }
        m_attributes.insert(full, a);
        store(full, value, true);
        return answer(NoError);
    }

    int setValue(const QString &path, const QVariant &written)
    {
        const Attributes a =
            m_attributes.value(path, Attributes {typeOf(values.value(path)), {}, {}, {}});
        const std::optional<QVariant> v = convert(a.type, written);
        if (!v)
            return kDbusErr;
        if ((a.min && v->toDouble() < *a.min) || (a.max && v->toDouble() > *a.max))
            return kDbusErr;
        if (*v != values.value(path) && !store(path, *v, false))
            return kDbusErr;
        return 0;
    }

    // SettingObject._setValue / ClassAndVrmInstance._setValue.
    bool store(const QString &path, QVariant value, bool sendAttributes)
    {
        if (isClassAndVrmInstance(path)) {
            const auto parsed = parseClassInstance(value);
            if (!parsed)
                return false;
            value = assureFreeInstance(parsed->first, parsed->second, path);
        }
        values.insert(path, value);
        QVariantMap change {
            {QStringLiteral("Value"), value}, {QStringLiteral("Text"), value.toString()}};
        const Attributes a = m_attributes.value(path);
        if (sendAttributes) {
            change.insert(QStringLiteral("Default"), a.defaultValue);
            if (a.type != 's') {
                // GetMin, GetMax: of the setting's type, an int32 0 when there is none.
                const auto typed = [&a](const std::optional<double> &limit) {
                    if (!limit)
                        return QVariant(0);
                    return a.type == 'i' ? QVariant(int(*limit)) : QVariant(*limit);
                };
                change.insert(QStringLiteral("Min"), typed(a.min));
                change.insert(QStringLiteral("Max"), typed(a.max));
            }
        }
        QDBusMessage signal = QDBusMessage::createSignal(
            path, QStringLiteral("com.victronenergy.BusItem"), QStringLiteral("PropertiesChanged"));
        signal << change;
        if (m_registered && m_bus.send(signal))
            ++propertiesChangedSent;
        return true;
    }

    // DevicesGroup.assureFreeInstance: the first "class:N", N counting up from \a instance, that
    // no other ClassAndVrmInstance under /Settings/Devices holds.
    QString assureFreeInstance(const QString &cls, int instance, const QString &self) const
    {
        QSet<QString> taken;
        const QString devices = QLatin1String(kDevices) + u'/';
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            if (it.key() != self && it.key().startsWith(devices) && isClassAndVrmInstance(it.key())
                && it.value().toString().startsWith(cls + u':'))
                taken.insert(it.value().toString());
        while (taken.contains(cls + u':' + QString::number(instance)))
            ++instance;
        return cls + u':' + QString::number(instance);
    }

    QDBusConnection m_bus;
    QMap<QString, Attributes> m_attributes;
    bool m_registered = false;
};

} // namespace p1::test
