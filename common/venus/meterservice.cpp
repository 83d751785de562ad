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

QString customNamePath(const QString &id)
{
    return id + VenusPath::kCustomName;
}

} // namespace

MeterService::MeterService(Config config, QDBusConnection bus, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_serviceName(m_config.contract.serviceName(m_config.port))
    , m_bus(std::move(bus))
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

void MeterService::start(
    const QString &serial, const QString &firmwareVersion, const QString &hardwareVersion)
{
    m_settingsId = m_config.contract.deviceSettingsId(serial);
    m_firmwareVersion = firmwareVersion;
    m_hardwareVersion = hardwareVersion;
    m_settings = new SettingsClient(m_bus, this);
    connect(m_settings, &SettingsClient::added, this, &MeterService::onSettings);
    connect(m_settings, &SettingsClient::unavailable, this, [this] { onSettings({}); });
    const QString instance =
        m_config.contract.type + u':' + QString::number(m_config.defaultInstance);
    m_settings->add({{m_settingsId + QStringLiteral("/ClassAndVrmInstance"), instance},
                        {customNamePath(m_settingsId), m_config.contract.customName}},
        m_config.settingsTimeout);
}

void MeterService::onSettings(const QVariantMap &values)
{
    if (m_started || m_export)
        return;
    const QString instanceValue =
        values.value(m_settingsId + QStringLiteral("/ClassAndVrmInstance")).toString();
    m_instance = SettingsClient::instanceFromClassAndVrmInstance(instanceValue)
                     .value_or(m_config.defaultInstance);
    m_customName =
        values.value(customNamePath(m_settingsId), m_config.contract.customName).toString();
    createPathsAndRegister();
}

void MeterService::createPathsAndRegister()
{
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
    for (auto it = contract.staticPaths.cbegin(); it != contract.staticPaths.cend(); ++it)
        m_tree.addPath(it.key(), it.value());
    m_tree.addWritablePath(VenusPath::kCustomName, m_customName);

    m_tree.publish(); // nobody listens yet: this only settles the pending texts

    m_export = new BusItemExport(&m_tree, this);
    m_export->setPropertiesChangedEnabled(m_config.propertiesChanged);
    if (!m_export->registerOn(m_bus)) {
        Q_EMIT failed(QStringLiteral("cannot register objects on %1").arg(m_bus.name()));
        return;
    }
    const auto reply = m_bus.interface()->registerService(m_serviceName,
        QDBusConnectionInterface::DontQueueService, QDBusConnectionInterface::DontAllowReplacement);
    if (!reply.isValid() || reply.value() != QDBusConnectionInterface::ServiceRegistered) {
        const QString reason =
            QStringLiteral("cannot claim %1: %2")
                .arg(m_serviceName,
                    reply.isValid() ? QStringLiteral("name taken") : reply.error().message());
        qCWarning(lcDbus).noquote() << reason;
        Q_EMIT failed(reason);
        return;
    }
    m_started = true;
    qCInfo(lcDbus).noquote() << "registered" << m_serviceName << "instance" << m_instance;
    Q_EMIT started();
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
    m_refreshTime = milliseconds;
    if (m_export && m_tree.contains(VenusPath::kRefreshTime))
        m_tree.setValue(VenusPath::kRefreshTime, milliseconds);
}

void MeterService::onValueWritten(const QString &path, const QVariant &value)
{
    if (path == VenusPath::kCustomName && m_settings) {
        m_customName = value.toString();
        m_settings->setValue(customNamePath(m_settingsId), m_customName);
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
