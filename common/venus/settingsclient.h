#pragma once

#include <QDBusConnection>
#include <QDBusMessage>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QVariant>
#include <QVariantMap>

#include <chrono>
#include <optional>

class QDBusServiceWatcher;
class QDBusPendingCallWatcher;

namespace p1 {

/// Client of Venus's settings service (com.victronenergy.settings, "localsettings").
///
/// Venus keeps per-device settings under /Settings/Devices/<id>/...: the device instance as
/// ClassAndVrmInstance ("grid:40"; localsettings moves the number on when another device holds
/// it) and the name the user gave in the GUI as CustomName. The service may start after us, so
/// add() waits for it to appear on the bus, up to a timeout: without it we go on with the
/// defaults (unavailable() says so) rather than never publishing. The client keeps watching the
/// name: when the service appears later (or localsettings restarts), it adds the settings again
/// and emits added() again, so whatever was written meanwhile can be stored then.
///
/// Changes made by others (the GUI's device-instance page, localsettings moving an instance)
/// come as changed(): localsettings sends a PropertiesChanged on the setting's own path for
/// every change (localsettings.py SettingObject._setValue); it sends no ItemsChanged.
class SettingsClient : public QObject
{
    Q_OBJECT

public:
    static constexpr const char *kService = "com.victronenergy.settings";
    static constexpr const char *kDevicesPath = "/Settings/Devices";

    struct Setting
    {
        QString path; ///< relative to /Settings/Devices, e.g. "p1_E0043007/CustomName"
        QVariant defaultValue; ///< also gives the type: QString, int or double
        QVariant min = {}; ///< for numbers; localsettings then refuses SetValue outside [min, max]
        QVariant max = {};
    };

    explicit SettingsClient(const QDBusConnection &bus, QObject *parent = nullptr);

    /// Waits up to \a timeout for the settings service, then calls AddSettings once for all
    /// \a settings. Emits added() with the current values, or unavailable(); after that,
    /// added() again whenever the service (re)appears.
    void add(const QList<Setting> &settings, std::chrono::milliseconds timeout);
    /// Writes a setting (path relative to /Settings/Devices). Refused or failed: notStored().
    /// With \a readBack, the value the service then holds comes as changed(): localsettings
    /// stores another ClassAndVrmInstance than the one written when that instance is taken.
    void setValue(const QString &path, const QVariant &value, bool readBack = false);
    /// Whether the settings were added and the service is still on the bus.
    [[nodiscard]] bool isReady() const { return m_ready; }

    /// "grid:40" -> 40; nullopt when malformed.
    [[nodiscard]] static std::optional<int> instanceFromClassAndVrmInstance(const QString &value);
    /// ("grid", 40) -> "grid:40", the value instanceFromClassAndVrmInstance() reads.
    [[nodiscard]] static QString classAndVrmInstance(const QString &deviceClass, int instance);

Q_SIGNALS:
    /// Current values by relative path; a setting the service refused keeps its default.
    void added(const QVariantMap &values);
    void unavailable(const QString &reason);
    /// A setting now holds \a value (path relative to /Settings/Devices).
    void changed(const QString &path, const QVariant &value);
    /// setValue() of \a path was refused, or the service did not answer.
    void notStored(const QString &path);

private Q_SLOTS:
    void onPropertiesChanged(const QDBusMessage &message);

private:
    void onServiceRegistered();
    void readBack(const QString &path);
    void callAddSettings();
    void onAddSettingsFinished(QDBusPendingCallWatcher *call);
    void giveUp(const QString &reason);

    QDBusConnection m_bus;
    QList<Setting> m_pending;
    QDBusServiceWatcher *m_watcher = nullptr;
    QTimer m_timeout;
    bool m_done = true; ///< the first add() answered, with added() or unavailable()
    bool m_ready = false;
};

} // namespace p1
