#include "meterservice.h"

#include "busitemexport.h"
#include "logging.h"
#include "settingsclient.h"

#include <QDBusConnectionInterface>

namespace p1 {

namespace {

QVariant toVariant(const VenusValue &v)
{
    switch (v.kind) {
    case ValueKind::Invalid:
        return {};
    case ValueKind::Double:
        return v.number;
    case ValueKind::Int:
        return v.integer;
    case ValueKind::String:
        return QString::fromStdString(v.text);
    }
    return {};
}

/// GetText of a telegram path: formatText() on the value the tree holds. The tree asks only
/// for a changed, valid value.
BusItemTree::TextFormatter textOf(const PathSpec &spec)
{
    return [&spec](const QVariant &value) -> QString {
        VenusValue v;
        switch (spec.kind) {
        case ValueKind::Double:
            v.set(value.toDouble());
            break;
        case ValueKind::Int:
            v.setInt(value.toInt());
            break;
        case ValueKind::String:
        case ValueKind::Invalid:
            return value.toString();
        }
        return QString::fromStdString(formatText(spec, v));
    };
}

constexpr QLatin1StringView kClassAndVrmInstance {"/ClassAndVrmInstance"};

} // namespace

MeterService::MeterService(Config config, QDBusConnection bus, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_serviceName(m_config.contract.serviceName(m_config.port))
    , m_bus(std::move(bus))
    , m_role(m_config.contract.type)
    , m_instance(m_config.defaultInstance)
{
    // The telegram paths exist from the start: update() before registration sets the values
    // the service first shows.
    m_items.reserve(m_config.contract.paths.size());
    for (const PathSpec &spec : m_config.contract.paths) {
        const QString path = QString::fromUtf8(spec.path.data(), qsizetype(spec.path.size()));
        const bool added = m_tree.addPath(path, {}, textOf(spec));
        Q_ASSERT_X(added, "MeterService", "a contract path is malformed or listed twice");
        Q_UNUSED(added)
        m_items.push_back(m_tree.indexOf(path).value_or(0));
    }
    connect(&m_tree, &BusItemTree::valueWritten, this, &MeterService::onValueWritten);
}

MeterService::~MeterService()
{
    stop();
}

QString MeterService::settingPath(QLatin1StringView leaf) const
{
    return m_settingsId + leaf;
}

void MeterService::start(
    const QString &serial, const QString &firmwareVersion, const QString &hardwareVersion)
{
    m_settingsId = m_config.contract.deviceSettingsId(serial);
    m_firmwareVersion = firmwareVersion;
    m_hardwareVersion = hardwareVersion;
    m_customName = m_config.contract.customName; // until the settings say otherwise
    m_settings = new SettingsClient(m_bus, this);
    connect(m_settings, &SettingsClient::added, this, &MeterService::onSettings);
    connect(m_settings, &SettingsClient::unavailable, this, [this] {
        if (!m_export)
            createPathsAndRegister(); // on the defaults until the settings service appears
    });
    connect(m_settings, &SettingsClient::changed, this, &MeterService::onSettingChanged);
    connect(m_settings, &SettingsClient::notStored, this, &MeterService::onNotStored);
    QList<SettingsClient::Setting> settings;
    settings.append({settingPath(kClassAndVrmInstance),
        SettingsClient::classAndVrmInstance(m_config.contract.type, m_config.defaultInstance), {},
        {}});
    settings.append({settingPath(VenusPath::kCustomName), m_config.contract.customName, {}, {}});
    // One position setting for every role, 0..2, as dbus-modbus-client's EnergyMeter adds it;
    // each role checks its own range.
    if (hasRoles())
        settings.append({settingPath(VenusPath::kPosition), 0, 0, 2});
    m_settings->add(settings, m_config.settingsTimeout);
}

void MeterService::onSettings(const QVariantMap &values)
{
    const QVariant name = values.value(settingPath(VenusPath::kCustomName));
    const QVariant position = values.value(settingPath(VenusPath::kPosition));
    const QString instance = values.value(settingPath(kClassAndVrmInstance)).toString();
    if (!m_export) {
        applyClassAndVrmInstance(instance);
        m_customName = name.isValid() ? name.toString() : m_config.contract.customName;
        m_position = position.toInt();
        createPathsAndRegister();
        return;
    }
    // The settings service appeared after we went on without it (or restarted): store what
    // was written meanwhile, take the rest from the settings.
    if (m_pendingName)
        m_settings->setValue(settingPath(VenusPath::kCustomName), m_customName);
    else
        setCustomName(name.toString());
    if (hasRoles()) {
        if (m_pendingPosition)
            m_settings->setValue(settingPath(VenusPath::kPosition), m_position);
        else
            setPosition(position.toInt());
    }
    m_pendingName = false;
    m_pendingPosition = false;
    if (m_pendingRole) {
        // The role written meanwhile, with the instance this device has in the settings.
        const int stored =
            SettingsClient::instanceFromClassAndVrmInstance(instance).value_or(m_instance);
        m_instance = stored;
        m_pendingRole = false;
        storeRole(m_role);
    } else {
        applyClassAndVrmInstance(instance);
    }
}

void MeterService::onSettingChanged(const QString &path, const QVariant &value)
{
    // localsettings announces a setting it creates before it answers AddSettings: the values
    // come with added().
    if (!m_export)
        return;
    if (path == settingPath(kClassAndVrmInstance) && !m_pendingRole)
        applyClassAndVrmInstance(value.toString());
    else if (path == settingPath(VenusPath::kCustomName) && !m_pendingName
        && value.typeId() == QMetaType::QString)
        setCustomName(value.toString());
    else if (path == settingPath(VenusPath::kPosition) && !m_pendingPosition
        && value.canConvert<int>())
        setPosition(value.toInt());
}

void MeterService::onNotStored(const QString &path)
{
    // Shown already: keep it, and store it when the settings service (re)appears.
    if (path == settingPath(VenusPath::kCustomName))
        m_pendingName = true;
    else if (path == settingPath(VenusPath::kPosition))
        m_pendingPosition = true;
    else if (path == settingPath(kClassAndVrmInstance) && hasRoles()) {
        const QString role = m_tree.value(VenusPath::kRole).toString();
        m_pendingRole = true;
        if (role != m_role)
            changeRole(role, m_instance);
    }
}

void MeterService::applyClassAndVrmInstance(const QString &value)
{
    const std::optional<int> instance = SettingsClient::instanceFromClassAndVrmInstance(value);
    if (!instance) {
        if (!value.isEmpty())
            qCWarning(lcSettings).noquote() << "ignoring ClassAndVrmInstance" << value;
        return;
    }
    const QString cls = value.section(u':', 0, 0);
    QString role = m_role;
    if (hasRoles()) {
        if (m_config.contract.allowedRoles.contains(cls))
            role = cls;
        else
            qCWarning(lcSettings).noquote()
                << "ClassAndVrmInstance" << value << "is no role of this meter: staying" << m_role;
    }
    if (!m_export) {
        m_role = role;
        m_instance = *instance;
        return;
    }
    if (role != m_role) {
        changeRole(role, *instance);
    } else if (*instance != m_instance) {
        m_instance = *instance;
        m_tree.setValue(VenusPath::kDeviceInstance, m_instance);
        m_tree.publish();
    }
}

void MeterService::storeRole(const QString &role)
{
    // As dbus-modbus-client's role_changed: the new class with the instance we have;
    // localsettings moves it on if another device of that class holds it, and the service
    // follows what the setting then holds (changed()).
    m_settings->setValue(settingPath(kClassAndVrmInstance),
        SettingsClient::classAndVrmInstance(role, m_instance), true);
}

void MeterService::changeRole(const QString &role, int instance)
{
    const ServiceContract previous = m_config.contract;
    const QString oldName = m_serviceName;
    // Give the old name back first: Venus's DbusMonitor forgets the service on its owner
    // leaving, then scans the new name as a new device.
    if (m_started) {
        m_bus.interface()->unregisterService(m_serviceName);
        m_started = false;
    }
    m_role = role;
    m_instance = instance;
    m_config.contract = previous.withRole(role);
    m_serviceName = m_config.contract.serviceName(m_config.port);
    m_tree.setValue(VenusPath::kDeviceInstance, m_instance);
    updateRolePaths(previous);
    m_tree.publish();
    qCInfo(lcDbus).noquote() << "role" << previous.type << "->" << role << ":" << oldName
                             << "becomes" << m_serviceName;
    if (claimName())
        Q_EMIT started();
}

void MeterService::setCustomName(const QString &name)
{
    m_customName = name;
    if (m_tree.setValue(VenusPath::kCustomName, name))
        m_tree.publish();
}

void MeterService::setPosition(int position)
{
    m_position = position;
    updateRolePaths(m_config.contract);
    m_tree.publish();
}

void MeterService::updateRolePaths(const ServiceContract &previous)
{
    const ServiceContract &contract = m_config.contract;
    if (!hasRoles())
        return;
    m_tree.setValue(VenusPath::kRole, m_role);
    // Paths cannot leave a tree: one the new role does not have goes invalid, which Venus's
    // consumers read as absent.
    for (auto it = previous.staticPaths.cbegin(); it != previous.staticPaths.cend(); ++it)
        if (!contract.staticPaths.contains(it.key()))
            m_tree.setValue(it.key(), QVariant());
    for (auto it = contract.staticPaths.cbegin(); it != contract.staticPaths.cend(); ++it) {
        if (it.key() == VenusPath::kRole)
            continue;
        if (m_tree.contains(it.key()))
            m_tree.setValue(it.key(), it.value());
        else
            m_tree.addPath(it.key(), it.value());
    }
    const std::optional<int> max = ServiceContract::maxPosition(m_role);
    // A stored position another role allowed (pvinverter's 2 for an acload) reads as 0.
    const int position = max && m_position >= 0 && m_position <= *max ? m_position : 0;
    if (!max) {
        if (m_tree.contains(VenusPath::kPosition))
            m_tree.setValue(VenusPath::kPosition, QVariant());
    } else if (m_tree.contains(VenusPath::kPosition)) {
        m_tree.setValue(VenusPath::kPosition, position);
    } else {
        m_tree.addWritablePath(
            VenusPath::kPosition, position, [this](const QString &, const QVariant &v) {
                const std::optional<int> highest = ServiceContract::maxPosition(m_role);
                return highest && v.toInt() >= 0 && v.toInt() <= *highest;
            });
    }
}

void MeterService::createPathsAndRegister()
{
    if (hasRoles())
        m_config.contract = m_config.contract.withRole(m_role);
    m_serviceName = m_config.contract.serviceName(m_config.port);
    const ServiceContract &contract = m_config.contract;
    m_tree.addPath(VenusPath::kProcessName, ServiceContract::kProcessName);
    m_tree.addPath(VenusPath::kProcessVersion, m_config.processVersion);
    m_tree.addPath(VenusPath::kConnection, m_config.connection);
    m_tree.addPath(VenusPath::kDeviceInstance, m_instance);
    m_tree.addPath(VenusPath::kProductId, ServiceContract::kProductId);
    m_tree.addPath(VenusPath::kProductName, contract.productName);
    m_tree.addPath(VenusPath::kFirmwareVersion, m_firmwareVersion);
    m_tree.addPath(VenusPath::kHardwareVersion, m_hardwareVersion);
    m_tree.addPath(VenusPath::kConnected, m_connected ? 1 : 0);
    if (m_refreshTime >= 0 || contract.refreshTimeAlways)
        m_tree.addPath(
            VenusPath::kRefreshTime, m_refreshTime >= 0 ? QVariant(m_refreshTime) : QVariant());
    for (auto it = contract.staticPaths.cbegin(); it != contract.staticPaths.cend(); ++it) {
        if (hasRoles() && it.key() == VenusPath::kRole)
            m_tree.addWritablePath(
                VenusPath::kRole, m_role, [this](const QString &, const QVariant &v) {
                    return m_config.contract.allowedRoles.contains(v.toString());
                });
        else
            m_tree.addPath(it.key(), it.value());
    }
    updateRolePaths(contract);
    m_tree.addWritablePath(VenusPath::kCustomName, m_customName);

    m_tree.publish(); // nobody listens yet: this only settles the pending texts

    m_export = new BusItemExport(&m_tree, this);
    m_export->setPropertiesChangedEnabled(m_config.propertiesChanged);
    if (!m_export->registerOn(m_bus)) {
        Q_EMIT failed(QStringLiteral("cannot register objects on %1").arg(m_bus.name()));
        return;
    }
    if (!claimName())
        return;
    qCInfo(lcDbus).noquote() << "registered" << m_serviceName << "instance" << m_instance;
    Q_EMIT started();
}

bool MeterService::claimName()
{
    const auto reply = m_bus.interface()->registerService(m_serviceName,
        QDBusConnectionInterface::DontQueueService, QDBusConnectionInterface::DontAllowReplacement);
    if (!reply.isValid() || reply.value() != QDBusConnectionInterface::ServiceRegistered) {
        const QString reason =
            QStringLiteral("cannot claim %1: %2")
                .arg(m_serviceName,
                    reply.isValid() ? QStringLiteral("name taken") : reply.error().message());
        qCWarning(lcDbus).noquote() << reason;
        Q_EMIT failed(reason);
        return false;
    }
    m_started = true;
    return true;
}

void MeterService::update(std::span<const VenusValue> values)
{
    Q_ASSERT(values.size() == m_items.size());
    const std::size_t n = std::min(values.size(), m_items.size());
    bool changed = false;
    for (std::size_t i = 0; i < n; ++i)
        changed |= m_tree.setValueAt(m_items[i], toVariant(values[i]));
    if (!m_connected)
        setConnected(true);
    else if (changed && m_started)
        m_tree.publish();
}

void MeterService::setConnected(bool connected)
{
    m_connected = connected;
    if (!connected) {
        for (const std::size_t item : m_items)
            m_tree.setValueAt(item, QVariant());
    }
    if (m_export) {
        m_tree.setValue(VenusPath::kConnected, connected ? 1 : 0);
        if (m_started)
            m_tree.publish();
    }
}

void MeterService::setRefreshTime(int milliseconds)
{
    // Called per telegram and nearly always with the interval it had: no path lookups then.
    if (milliseconds == m_refreshTime)
        return;
    m_refreshTime = milliseconds;
    if (m_export && m_tree.contains(VenusPath::kRefreshTime))
        m_tree.setValue(VenusPath::kRefreshTime, milliseconds);
}

void MeterService::onValueWritten(const QString &path, const QVariant &value)
{
    if (!m_settings)
        return;
    const bool ready = m_settings->isReady();
    if (path == VenusPath::kCustomName) {
        m_customName = value.toString();
        m_pendingName = !ready;
        if (ready)
            m_settings->setValue(settingPath(VenusPath::kCustomName), m_customName);
    } else if (path == VenusPath::kPosition) {
        m_position = value.toInt();
        m_pendingPosition = !ready;
        if (ready)
            m_settings->setValue(settingPath(VenusPath::kPosition), m_position);
    } else if (path == VenusPath::kRole) {
        const QString role = value.toString();
        if (ready) {
            storeRole(role); // the service moves when the setting says so
        } else {
            m_pendingRole = true;
            if (role != m_role)
                changeRole(role, m_instance);
        }
    }
}

void MeterService::stop()
{
    if (m_started) {
        m_bus.interface()->unregisterService(m_serviceName);
        m_started = false;
    }
    if (m_export) {
        m_export->unregister();
        delete m_export;
        m_export = nullptr;
    }
}

} // namespace p1
