#include "meterservice.h"

#include "busitemexport.h"
#include "logging.h"
#include "settingsclient.h"

#include <QDBusConnectionInterface>

namespace p1 {

namespace {

constexpr int kProductId = 0xFFFF; // no Victron product id: third-party device

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

QString toString(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString customNamePath(const QString &id)
{
    return id + QStringLiteral("/CustomName");
}

} // namespace

MeterService::MeterService(
    Config config, QDBusConnection bus, std::span<const PathSpec> paths, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_bus(std::move(bus))
    , m_specs(paths)
    , m_current(paths.size())
{
    m_paths.reserve(paths.size());
    for (const PathSpec &spec : paths)
        m_paths.push_back(toString(spec.path));
    connect(&m_tree, &BusItemTree::valueWritten, this, &MeterService::onValueWritten);
}

MeterService::~MeterService()
{
    stop();
}

QString MeterService::sanitised(const QString &name)
{
    QString out = name;
    for (QChar &c : out) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')
            || (c >= u'0' && c <= u'9') || c == u'_';
        if (!ok)
            c = u'_';
    }
    return out;
}

QString MeterService::settingsId(const QString &serial)
{
    return QStringLiteral("p1_") + sanitised(serial);
}

void MeterService::start(
    const QString &serial, const QString &firmwareVersion, const QString &hardwareVersion)
{
    m_settingsId = settingsId(serial.isEmpty() ? QStringLiteral("unknown") : serial);
    m_firmwareVersion = firmwareVersion;
    m_hardwareVersion = hardwareVersion;
    m_settings = new SettingsClient(m_bus, this);
    connect(m_settings, &SettingsClient::added, this, &MeterService::onSettings);
    connect(m_settings, &SettingsClient::unavailable, this, [this] { onSettings({}); });
    const QString instance =
        m_config.deviceClass + u':' + QString::number(m_config.defaultInstance);
    m_settings->add({{m_settingsId + QStringLiteral("/ClassAndVrmInstance"), instance},
                        {customNamePath(m_settingsId), QString()}},
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
    m_customName = values.value(customNamePath(m_settingsId)).toString();
    createPathsAndRegister();
}

void MeterService::createPathsAndRegister()
{
    auto fixed = [this](const char *path, const QVariant &value) {
        m_tree.addPath(QString::fromLatin1(path), value);
    };
    fixed("/Mgmt/ProcessName", QStringLiteral("dbus-p1"));
    fixed("/Mgmt/ProcessVersion", m_config.processVersion);
    fixed("/Mgmt/Connection", m_config.connection);
    fixed("/DeviceInstance", m_instance);
    fixed("/ProductId", kProductId);
    fixed("/ProductName", m_config.productName);
    fixed("/FirmwareVersion", m_firmwareVersion);
    fixed("/HardwareVersion", m_hardwareVersion);
    fixed("/Connected", m_connected ? 1 : 0);
    if (m_refreshTime >= 0 || m_config.deviceClass == QLatin1String("grid"))
        fixed("/RefreshTime", m_refreshTime >= 0 ? QVariant(m_refreshTime) : QVariant());
    for (auto it = m_config.staticPaths.cbegin(); it != m_config.staticPaths.cend(); ++it)
        m_tree.addPath(it.key(), it.value());

    m_tree.addWritablePath(QStringLiteral("/CustomName"), m_customName);

    for (std::size_t i = 0; i < m_specs.size(); ++i) {
        const PathSpec &spec = m_specs[i];
        const VenusValue &v = m_current[i];
        m_tree.addPath(m_paths[i], toVariant(v));
        if (v.valid())
            m_tree.setValue(m_paths[i], toVariant(v), QString::fromStdString(formatText(spec, v)));
    }
    m_tree.publish(); // nobody listens yet: this only settles the pending texts

    m_export = new BusItemExport(&m_tree, this);
    if (!m_export->registerOn(m_bus)) {
        Q_EMIT failed(QStringLiteral("cannot register objects on %1").arg(m_bus.name()));
        return;
    }
    const auto reply = m_bus.interface()->registerService(m_config.serviceName,
        QDBusConnectionInterface::DontQueueService, QDBusConnectionInterface::DontAllowReplacement);
    if (!reply.isValid() || reply.value() != QDBusConnectionInterface::ServiceRegistered) {
        const QString reason =
            QStringLiteral("cannot claim %1: %2")
                .arg(m_config.serviceName,
                    reply.isValid() ? QStringLiteral("name taken") : reply.error().message());
        qCWarning(lcDbus).noquote() << reason;
        Q_EMIT failed(reason);
        return;
    }
    m_started = true;
    qCInfo(lcDbus).noquote() << "registered" << m_config.serviceName << "instance" << m_instance;
    Q_EMIT started();
}

void MeterService::update(std::span<const VenusValue> values)
{
    Q_ASSERT(values.size() == m_current.size());
    const std::size_t n = std::min(values.size(), m_current.size());
    bool changed = false;
    for (std::size_t i = 0; i < n; ++i) {
        if (values[i] == m_current[i])
            continue; // formatting a text only for what changed keeps a telegram cheap
        m_current[i] = values[i];
        if (m_export)
            changed |= m_tree.setValue(m_paths[i], toVariant(values[i]),
                values[i].valid() ? QString::fromStdString(formatText(m_specs[i], values[i]))
                                  : QString(BusItemTree::kInvalidText));
    }
    if (!m_connected)
        setConnected(true);
    else if (changed && m_started)
        m_tree.publish();
}

void MeterService::setConnected(bool connected)
{
    m_connected = connected;
    if (!connected) {
        for (std::size_t i = 0; i < m_current.size(); ++i) {
            m_current[i].setInvalid();
            if (m_export)
                m_tree.setValue(m_paths[i], QVariant(), QString(BusItemTree::kInvalidText));
        }
    }
    if (m_export) {
        m_tree.setValue(QStringLiteral("/Connected"), connected ? 1 : 0);
        if (m_started)
            m_tree.publish();
    }
}

void MeterService::setRefreshTime(int milliseconds)
{
    m_refreshTime = milliseconds;
    if (m_export && m_tree.contains(QStringLiteral("/RefreshTime")))
        m_tree.setValue(QStringLiteral("/RefreshTime"), milliseconds);
}

void MeterService::onValueWritten(const QString &path, const QVariant &value)
{
    if (path == QLatin1String("/CustomName") && m_settings) {
        m_customName = value.toString();
        m_settings->setValue(customNamePath(m_settingsId), m_customName);
    }
}

void MeterService::stop()
{
    if (m_started) {
        m_bus.interface()->unregisterService(m_config.serviceName);
        m_started = false;
    }
    if (m_export) {
        m_export->unregister();
        delete m_export;
        m_export = nullptr;
    }
}

} // namespace p1
