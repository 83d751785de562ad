#pragma once

#include <QDBusConnection>
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
/// defaults (unavailable() says so) rather than never publishing.
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
    };

    explicit SettingsClient(const QDBusConnection &bus, QObject *parent = nullptr);

    /// Waits up to \a timeout for the settings service, then calls AddSettings once for all
    /// \a settings. Emits added() with the current values, or unavailable().
    void add(const QList<Setting> &settings, std::chrono::milliseconds timeout);
    /// Writes a setting (path relative to /Settings/Devices). Failures are logged only.
    void setValue(const QString &path, const QVariant &value);

    /// "grid:40" -> 40; nullopt when malformed.
    [[nodiscard]] static std::optional<int> instanceFromClassAndVrmInstance(const QString &value);

Q_SIGNALS:
    /// Current values by relative path; a setting the service refused keeps its default.
    void added(const QVariantMap &values);
    void unavailable(const QString &reason);

private:
    void callAddSettings();
    void onAddSettingsFinished(QDBusPendingCallWatcher *call);
    void giveUp(const QString &reason);

    QDBusConnection m_bus;
    QList<Setting> m_pending;
    QDBusServiceWatcher *m_watcher = nullptr;
    QTimer m_timeout;
    bool m_done = true;
};

} // namespace p1
