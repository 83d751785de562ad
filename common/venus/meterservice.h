#pragma once

#include "busitemtree.h"
#include "servicecontract.h"

#include <QDBusConnection>
#include <QObject>
#include <QString>

#include <chrono>
#include <span>
#include <vector>

namespace p1 {

class BusItemExport;
class SettingsClient;

/// One Venus device on D-Bus: the grid meter or the gas meter, as its ServiceContract says.
///
/// Owns its D-Bus connection's object tree (one connection per service, as Venus expects: a
/// consumer identifies a service by its connection's unique name). Life cycle:
/// 1. constructed with its contract (name, product, the telegram-derived and static paths);
/// 2. start(serial): asks com.victronenergy.settings for the device instance and CustomName
///    (`/Settings/Devices/<contract.deviceSettingsId(serial)>/...`), waiting up to the settings
///    timeout, else the default instance;
/// 3. creates every path, then claims the bus name: Venus's DbusMonitor scans a service once
///    when its name appears, and skips one without a valid /DeviceInstance for good;
/// 4. update() per good telegram: one ItemsChanged with what changed;
/// 5. setConnected(false) when data stops: values invalid, /Connected 0.
/// /CustomName is writable from the GUI and persisted through the settings service.
/// The published state lives in the tree alone: update() hands it each value once, by index.
///
/// Roles (a contract with allowedRoles: the electricity meter), as dbus-modbus-client's
/// device.py (role_changed, setting_changed) and dbus-cgwacs' ac_sensor_mediator.cpp
/// (onServiceTypeChanged) do them: the role is the class of the ClassAndVrmInstance setting,
/// so it survives a restart. A written /Role is stored as "<role>:<instance>"; localsettings may
/// move the instance (another device of that class holds it), so the service takes what the
/// setting then holds, gives its name back and claims com.victronenergy.<role>.p1_<port>, every
/// path in place (gui-v2's PageAcInSetup.qml then follows the service by that name).
/// /Position (a setting) exists for the roles that have one (ServiceContract::maxPosition).
///
/// Without the settings service (down at start, or later than the settings timeout) the
/// service runs on defaults; a CustomName, Role or Position written meanwhile is acknowledged
/// and shown at once, and stored when the settings service appears.
class MeterService : public QObject
{
    Q_OBJECT

public:
    struct Config
    {
        ServiceContract contract;
        QString port; ///< sanitised: the service is contract.serviceName(port)
        QString connection; ///< /Mgmt/Connection: "P1 serial /dev/ttyUSB0 auto (115200)"
        QString processVersion;
        int defaultInstance = ServiceContract::kDefaultInstance;
        std::chrono::milliseconds settingsTimeout {30000};
        /// Also PropertiesChanged on each changed path
        /// (BusItemExport::setPropertiesChangedEnabled).
        bool propertiesChanged = false;
    };

    MeterService(Config config, QDBusConnection bus, QObject *parent = nullptr);
    ~MeterService() override;

    /// Starts registration for the meter with equipment id \a serial. update() may be called
    /// before it finishes: the latest values become the initial ones.
    void start(
        const QString &serial, const QString &firmwareVersion, const QString &hardwareVersion);
    [[nodiscard]] bool isStarted() const { return m_started; }
    [[nodiscard]] int deviceInstance() const { return m_instance; }
    [[nodiscard]] const QString &serviceName() const { return m_serviceName; }
    /// The current role (the service type): "grid", "acload"...
    [[nodiscard]] const QString &role() const { return m_role; }

    /// Publishes one telegram's values (in the order of the contract's paths).
    void update(std::span<const VenusValue> values);
    /// false: every telegram-derived value invalid and /Connected 0; true: /Connected 1.
    void setConnected(bool connected);
    /// /RefreshTime in ms, the measured telegram interval.
    void setRefreshTime(int milliseconds);

    /// Gives the bus name back and withdraws the objects (also done on destruction).
    void stop();

    /// The tree, for tests and the GUI's "what would be published".
    [[nodiscard]] const BusItemTree &tree() const { return m_tree; }

Q_SIGNALS:
    /// The name is on the bus, every path in place; again after each change of role.
    void started();
    /// Claiming the name failed (another process holds it).
    void failed(const QString &reason);

private:
    [[nodiscard]] bool hasRoles() const { return !m_config.contract.allowedRoles.isEmpty(); }
    [[nodiscard]] QString settingPath(QLatin1StringView leaf) const;
    void onSettings(const QVariantMap &values);
    void onSettingChanged(const QString &path, const QVariant &value);
    void onNotStored(const QString &path);
    /// A ClassAndVrmInstance value from the settings: the instance, and the role if it is one.
    void applyClassAndVrmInstance(const QString &value);
    void storeRole(const QString &role);
    void changeRole(const QString &role, int instance);
    void setCustomName(const QString &name);
    void setPosition(int position);
    /// /Position and the contract's static paths for the current role.
    void updateRolePaths(const ServiceContract &previous);
    void createPathsAndRegister();
    bool claimName();
    void onValueWritten(const QString &path, const QVariant &value);

    Config m_config;
    QString m_serviceName;
    QDBusConnection m_bus;
    BusItemTree m_tree;
    std::vector<std::size_t> m_items; ///< the tree's index of each contract path
    BusItemExport *m_export = nullptr;
    SettingsClient *m_settings = nullptr;
    QString m_settingsId;
    QString m_firmwareVersion;
    QString m_hardwareVersion;
    QString m_customName;
    QString m_role;
    int m_position = 0;
    int m_instance = -1;
    /// Written on the bus while the settings service was away: stored when it appears.
    bool m_pendingName = false;
    bool m_pendingRole = false;
    bool m_pendingPosition = false;
    int m_refreshTime = -1;
    bool m_connected = true;
    bool m_started = false;
};

} // namespace p1
