#pragma once

#include "reading.h"
#include "venusmapping.h"

#include <QLatin1StringView>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <cstdint>
#include <optional>
#include <span>

namespace p1 {

/// How the gas meter is published (--gas-service): gui-v2 lists pulsemeter services, it has no
/// page for gasmeter ones (DESIGN.md §3), so pulsemeter is the default and gasmeter is for
/// scripts that read the seed project's service.
enum class GasService : std::uint8_t
{
    GasMeter,
    PulseMeter,
    None
};

/// Whether the water meters are published (--water-service), each as a pulsemeter.
enum class WaterService : std::uint8_t
{
    PulseMeter,
    None
};

/// What dbus-p1 promises Venus for one D-Bus service (DESIGN.md §3), in one place: the daemon's
/// MeterService publishes it and p1-monitor's Venus preview shows it.
///
/// A service is a meter (what it measures: its telegram-derived paths and product name)
/// published as a service type, which is both the middle of its name,
/// `com.victronenergy.<type>.p1_<port><suffix>`, and the class of its ClassAndVrmInstance
/// setting. Every service has the mandatory paths (VenusPath below, created by MeterService), the
/// paths of its meter, and the static paths of its type.
///
/// Gas and water are pulse meters as gui-v2 shows them (DeviceListDelegate_pulsemeter.qml and
/// PagePulseCounter.qml show /Aggregate in the user's volume unit) and as dbus-digitalinputs
/// publishes them (dbus_digitalinputs.py, VolumeCounter: /Aggregate in m3, /Count). A grid meter
/// in another role (pvinverter, genset, acload) is the electricity meter with that role as its
/// type and /Role.
struct ServiceContract
{
    enum class Meter : std::uint8_t
    {
        Electricity,
        Gas,
        Water,
    };

    /// Venus's settings give a new device this instance, or the next free one of its class.
    static constexpr int kDefaultInstance = 40;
    /// No Victron product id: a third-party device.
    static constexpr int kProductId = 0xFFFF;
    static constexpr QLatin1StringView kProcessName {"dbus-p1"};

    Meter meter = Meter::Electricity;
    QString type; ///< "grid", "gasmeter", "pulsemeter"
    QString nameSuffix; ///< after the port in the service name: "_gas", "_water"; none for grid
    QString productName; ///< /ProductName: "P1 smart meter"
    /// /CustomName until the user names the device (the default of its setting): the name
    /// gui-v2's device list shows. English like every name on Venus's bus.
    QString customName;
    std::span<const PathSpec> paths; ///< telegram-derived, indexed by GridPath or GasPath
    QVariantMap staticPaths; ///< fixed values beside the mandatory paths: /Role, /Position...
    /// Whether /RefreshTime exists before the telegram interval is known (an electricity
    /// meter's consumers expect it); otherwise it appears only if known at registration.
    bool refreshTimeAlways = false;
    /// The service types a user may switch this service to by writing /Role (also
    /// /AllowedRoles); empty: the type is fixed and /Role, if any, read-only. Only the
    /// electricity meter has roles, as dbus-cgwacs and dbus-modbus-client give their meters.
    QStringList allowedRoles;

    /// "com.victronenergy.grid.p1_ttyUSB0" for the port "ttyUSB0" (already sanitised).
    [[nodiscard]] QString serviceName(const QString &port) const;

    /// The settings id of this service's device for the meter with equipment id \a serial:
    /// settingsId(serial) and the name suffix, so that the gas meter as a pulsemeter
    /// ("p1_<serial>_gas", class pulsemeter) never takes over the setting the gasmeter service
    /// kept ("p1_<serial>", class gasmeter), and meters without an id do not share one.
    [[nodiscard]] QString deviceSettingsId(const QString &serial) const;

    /// The electricity meter as com.victronenergy.grid.
    [[nodiscard]] static ServiceContract grid();
    /// This contract published as \a role (one of allowedRoles): the service type, the class of
    /// ClassAndVrmInstance, /Role, and /IsGenericEnergyMeter = 1 for any role but grid (as
    /// dbus-cgwacs' ac_sensor_bridge.cpp and dbus-modbus-client's device.py EnergyMeter do: a
    /// meter in another role cannot start a generator or limit a PV inverter).
    [[nodiscard]] ServiceContract withRole(const QString &role) const;

    /// The roles of an energy meter, in gui-v2's order: grid, pvinverter, genset, acload.
    [[nodiscard]] static QStringList energyMeterRoles();
    /// The highest /Position gui-v2 offers for \a role, 0 being the lowest; nullopt when the
    /// role has no position. pvinverter: 0 AC input 1, 1 AC output, 2 AC input 2
    /// (enums.h PvInverter_Position); acload: 0 AC output, 1 AC input (enums.h AcPosition,
    /// ListAcInPositionRadioButtonGroup.qml). gui-v2's PageAcInSetup.qml shows the one or the
    /// other for those roles.
    [[nodiscard]] static std::optional<int> maxPosition(const QString &role);
    /// The gas meter as \a service (not GasService::None): a pulsemeter ..._gas, or the seed's
    /// com.victronenergy.gasmeter.p1_<port>.
    [[nodiscard]] static ServiceContract gas(GasService service);
    /// The water meter on M-Bus \a channel as a pulsemeter: "..._water" for the first water
    /// channel of the meter (\a first), "..._water<channel>" for any other, so that two water
    /// meters get two services whose names stay the same from one start to the next.
    [[nodiscard]] static ServiceContract water(int channel, bool first);

    /// /FirmwareVersion as a person reads it (gui-v2 shows a string as it is): "DSMR 5.0" for
    /// 1-3:0.2.8 "50", "DSMR 4.2" for "42", "e-MUCS 1.7" for the Belgian 0-0:96.1.4 "50217"
    /// (DSMR 5.0.2, e-MUCS 1.7; the code carries no third digit). Another text as it is sent;
    /// empty when the meter sends no version.
    [[nodiscard]] static QString firmwareVersion(const std::string &version, Flavour flavour);

    /// The port part of a service name for a source named \a sourceName: serial-starter's
    /// ttyUSB0 stays ttyUSB0 (a path outside /dev names the service by its file name),
    /// sanitised; "unknown" when nothing is left.
    [[nodiscard]] static QString portName(const QString &sourceName, bool serial);
    /// /Mgmt/Connection for a source described as \a sourceDescription: "P1 serial /dev/...".
    [[nodiscard]] static QString connection(const QString &sourceDescription);
    /// The settings id of a meter with equipment id \a serial, under /Settings/Devices:
    /// "p1_" + the serial sanitised ("unknown" when empty).
    [[nodiscard]] static QString settingsId(const QString &serial);
    /// \a name with everything outside [A-Za-z0-9_] replaced by '_': what D-Bus service name
    /// elements and settings paths allow ("192.168.1.20:8088" -> "192_168_1_20_8088").
    [[nodiscard]] static QString sanitised(const QString &name);
};

/// The mandatory paths of every service (DESIGN.md §3), besides /Serial which comes with the
/// meter's paths. MeterService creates them.
struct VenusPath
{
    static constexpr QLatin1StringView kProcessName {"/Mgmt/ProcessName"};
    static constexpr QLatin1StringView kProcessVersion {"/Mgmt/ProcessVersion"};
    static constexpr QLatin1StringView kConnection {"/Mgmt/Connection"};
    static constexpr QLatin1StringView kDeviceInstance {"/DeviceInstance"};
    static constexpr QLatin1StringView kProductId {"/ProductId"};
    static constexpr QLatin1StringView kProductName {"/ProductName"};
    static constexpr QLatin1StringView kFirmwareVersion {"/FirmwareVersion"};
    static constexpr QLatin1StringView kHardwareVersion {"/HardwareVersion"};
    static constexpr QLatin1StringView kConnected {"/Connected"};
    static constexpr QLatin1StringView kCustomName {"/CustomName"}; ///< writable, persisted
    static constexpr QLatin1StringView kRefreshTime {"/RefreshTime"}; ///< ms between telegrams
    /// Writable when the contract has allowedRoles; then also a /Position for some roles.
    static constexpr QLatin1StringView kRole {"/Role"};
    static constexpr QLatin1StringView kPosition {"/Position"}; ///< writable, persisted
};

} // namespace p1
