#pragma once

#include "busitemtree.h"
#include "venusmapping.h"

#include <QDBusConnection>
#include <QObject>
#include <QString>
#include <QVariantMap>

#include <chrono>
#include <span>
#include <vector>

namespace p1 {

class BusItemExport;
class SettingsClient;

/// One Venus device on D-Bus: the grid meter or the gas meter.
///
/// Owns its D-Bus connection's object tree (one connection per service, as Venus expects: a
/// consumer identifies a service by its connection's unique name). Life cycle:
/// 1. constructed with its configuration and the telegram-derived paths it publishes;
/// 2. start(serial): asks com.victronenergy.settings for the device instance and CustomName
///    (`/Settings/Devices/p1_<serial>/...`), waiting up to the settings timeout, else the
///    default instance;
/// 3. creates every path, then claims the bus name: Venus's DbusMonitor scans a service once
///    when its name appears, and skips one without a valid /DeviceInstance for good;
/// 4. update() per good telegram: one ItemsChanged with what changed;
/// 5. setConnected(false) when data stops: values invalid, /Connected 0.
/// /CustomName is writable from the GUI and persisted through the settings service.
class MeterService : public QObject
{
    Q_OBJECT

public:
    struct Config
    {
        QString serviceName; ///< "com.victronenergy.grid.p1_ttyUSB0"
        QString deviceClass; ///< "grid", "gasmeter", "pulsemeter": ClassAndVrmInstance class
        QString productName; ///< "P1 smart meter"
        QString connection; ///< /Mgmt/Connection: "P1 /dev/ttyUSB0"
        QString processVersion;
        int defaultInstance = 40;
        std::chrono::milliseconds settingsTimeout {30000};
        QVariantMap staticPaths; ///< fixed extra paths: /Role, /Position, ...
    };

    MeterService(Config config, QDBusConnection bus, std::span<const PathSpec> paths,
        QObject *parent = nullptr);
    ~MeterService() override;

    /// Starts registration for the meter with equipment id \a serial. update() may be called
    /// before it finishes: the latest values become the initial ones.
    void start(
        const QString &serial, const QString &firmwareVersion, const QString &hardwareVersion);
    [[nodiscard]] bool isStarted() const { return m_started; }
    [[nodiscard]] int deviceInstance() const { return m_instance; }
    [[nodiscard]] const QString &serviceName() const { return m_config.serviceName; }

    /// Publishes one telegram's values (same order as the paths given at construction).
    void update(std::span<const VenusValue> values);
    /// false: every telegram-derived value invalid and /Connected 0; true: /Connected 1.
    void setConnected(bool connected);
    /// /RefreshTime in ms, the measured telegram interval.
    void setRefreshTime(int milliseconds);

    /// Gives the bus name back and withdraws the objects (also done on destruction).
    void stop();

    /// The tree, for tests and the GUI's "what would be published".
    [[nodiscard]] const BusItemTree &tree() const { return m_tree; }

    /// "p1_" + the serial with everything outside [A-Za-z0-9_] replaced by '_'.
    [[nodiscard]] static QString settingsId(const QString &serial);
    /// \a name with everything outside [A-Za-z0-9_] replaced by '_': what D-Bus service name
    /// elements and settings paths allow ("192.168.1.20:8088" -> "192_168_1_20_8088").
    [[nodiscard]] static QString sanitised(const QString &name);

Q_SIGNALS:
    /// The name is on the bus, every path in place.
    void started();
    /// Claiming the name failed (another process holds it).
    void failed(const QString &reason);

private:
    void onSettings(const QVariantMap &values);
    void createPathsAndRegister();
    void onValueWritten(const QString &path, const QVariant &value);

    Config m_config;
    QDBusConnection m_bus;
    std::span<const PathSpec> m_specs;
    std::vector<QString> m_paths; ///< D-Bus path per spec, built once
    std::vector<VenusValue> m_current; ///< last published value per spec
    BusItemTree m_tree;
    BusItemExport *m_export = nullptr;
    SettingsClient *m_settings = nullptr;
    QString m_settingsId;
    QString m_firmwareVersion;
    QString m_hardwareVersion;
    QString m_customName;
    int m_instance = -1;
    int m_refreshTime = -1;
    bool m_connected = true;
    bool m_started = false;
};

} // namespace p1
