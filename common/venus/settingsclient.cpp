#include "settingsclient.h"

#include "logging.h"

#include <QDBusArgument>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>

namespace p1 {

namespace {

QString service()
{
    return QString::fromLatin1(SettingsClient::kService);
}

void registerTypes()
{
    static const bool once = [] {
        qDBusRegisterMetaType<QList<QVariantMap>>();
        return true;
    }();
    Q_UNUSED(once);
}

} // namespace

SettingsClient::SettingsClient(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{
    registerTypes();
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        giveUp(QStringLiteral("%1 did not appear within %2 s")
                   .arg(service())
                   .arg(m_timeout.interval() / 1000.0));
    });
}

void SettingsClient::add(const QList<Setting> &settings, std::chrono::milliseconds timeout)
{
    m_pending = settings;
    m_done = false;
    if (!m_watcher) {
        // Kept for the client's life: the service may appear after the timeout, or restart.
        m_watcher = new QDBusServiceWatcher(service(), m_bus,
            QDBusServiceWatcher::WatchForRegistration | QDBusServiceWatcher::WatchForUnregistration,
            this);
        connect(m_watcher, &QDBusServiceWatcher::serviceRegistered, this,
            &SettingsClient::onServiceRegistered);
        connect(m_watcher, &QDBusServiceWatcher::serviceUnregistered, this, [this] {
            m_ready = false;
            qCInfo(lcSettings, "%s left the bus", kService);
        });
    }
    for (const auto &s : std::as_const(m_pending))
        m_bus.connect(service(), QString::fromLatin1(kDevicesPath) + u'/' + s.path,
            QStringLiteral("com.victronenergy.BusItem"), QStringLiteral("PropertiesChanged"), this,
            SLOT(onPropertiesChanged(QDBusMessage)));
    if (m_bus.interface() && m_bus.interface()->isServiceRegistered(service())) {
        callAddSettings();
        return;
    }
    qCInfo(lcSettings, "waiting up to %lld s for %s", qlonglong(timeout.count() / 1000), kService);
    m_timeout.start(timeout);
}

void SettingsClient::onServiceRegistered()
{
    if (m_pending.isEmpty())
        return;
    if (m_done)
        qCInfo(lcSettings, "%s appeared: adding the settings", kService);
    callAddSettings();
}

void SettingsClient::callAddSettings()
{
    m_timeout.stop();
    QList<QVariantMap> items;
    items.reserve(m_pending.size());
    for (const auto &s : std::as_const(m_pending)) {
        QVariantMap item {
            {QStringLiteral("path"), s.path}, {QStringLiteral("default"), s.defaultValue}};
        if (s.min.isValid() && s.max.isValid()) {
            item.insert(QStringLiteral("min"), s.min);
            item.insert(QStringLiteral("max"), s.max);
        }
        items.append(item);
    }

    QDBusMessage call = QDBusMessage::createMethodCall(service(), QString::fromLatin1(kDevicesPath),
        QStringLiteral("com.victronenergy.Settings"), QStringLiteral("AddSettings"));
    call << QVariant::fromValue(items);
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(
        watcher, &QDBusPendingCallWatcher::finished, this, &SettingsClient::onAddSettingsFinished);
}

void SettingsClient::onAddSettingsFinished(QDBusPendingCallWatcher *call)
{
    call->deleteLater();
    QDBusPendingReply<QList<QVariantMap>> reply = *call;
    if (reply.isError()) {
        giveUp(QStringLiteral("AddSettings failed: %1").arg(reply.error().message()));
        return;
    }
    QVariantMap values;
    for (const auto &s : std::as_const(m_pending))
        values.insert(s.path, s.defaultValue);
    const QList<QVariantMap> results = reply.value();
    for (const QVariantMap &r : results) {
        const QString path = r.value(QStringLiteral("path")).toString();
        const int error = r.value(QStringLiteral("error"), 0).toInt();
        if (!values.contains(path))
            continue;
        if (error != 0) {
            qCWarning(lcSettings) << "setting" << path << "refused, error" << error;
            continue;
        }
        QVariant v = r.value(QStringLiteral("value"));
        if (v.canConvert<QDBusVariant>())
            v = v.value<QDBusVariant>().variant();
        if (v.isValid())
            values.insert(path, v);
    }
    m_done = true;
    m_ready = true;
    Q_EMIT added(values);
}

void SettingsClient::giveUp(const QString &reason)
{
    m_ready = false;
    m_timeout.stop();
    if (m_done) {
        qCWarning(lcSettings).noquote() << reason;
        return;
    }
    m_done = true;
    qCWarning(lcSettings).noquote()
        << reason << "- going on with default settings until it appears";
    Q_EMIT unavailable(reason);
}

void SettingsClient::setValue(const QString &path, const QVariant &value, bool readBack)
{
    QDBusMessage call =
        QDBusMessage::createMethodCall(service(), QString::fromLatin1(kDevicesPath) + u'/' + path,
            QStringLiteral("com.victronenergy.BusItem"), QStringLiteral("SetValue"));
    call << QVariant::fromValue(QDBusVariant(value));
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
        [this, path, readBack](QDBusPendingCallWatcher *w) {
            w->deleteLater();
            QDBusPendingReply<int> reply = *w;
            if (reply.isError()) {
                qCWarning(lcSettings).noquote()
                    << "could not store" << path << ":" << reply.error().message();
                Q_EMIT notStored(path);
            } else if (reply.value() != 0) {
                qCWarning(lcSettings).noquote()
                    << "settings refused" << path << "code" << reply.value();
                Q_EMIT notStored(path);
            } else if (readBack) {
                this->readBack(path);
            }
        });
}

void SettingsClient::readBack(const QString &path)
{
    QDBusMessage call =
        QDBusMessage::createMethodCall(service(), QString::fromLatin1(kDevicesPath) + u'/' + path,
            QStringLiteral("com.victronenergy.BusItem"), QStringLiteral("GetValue"));
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
        [this, path](QDBusPendingCallWatcher *w) {
            w->deleteLater();
            QDBusPendingReply<QDBusVariant> reply = *w;
            if (reply.isError()) {
                qCWarning(lcSettings).noquote()
                    << "could not read" << path << "back:" << reply.error().message();
                return;
            }
            Q_EMIT changed(path, reply.value().variant());
        });
}

void SettingsClient::onPropertiesChanged(const QDBusMessage &message)
{
    const QString prefix = QString::fromLatin1(kDevicesPath) + u'/';
    if (!message.path().startsWith(prefix))
        return;
    const auto properties = qdbus_cast<QVariantMap>(message.arguments().value(0));
    if (!properties.contains(QStringLiteral("Value")))
        return;
    QVariant v = properties.value(QStringLiteral("Value"));
    if (v.canConvert<QDBusVariant>())
        v = v.value<QDBusVariant>().variant();
    Q_EMIT changed(message.path().mid(prefix.size()), v);
}

std::optional<int> SettingsClient::instanceFromClassAndVrmInstance(const QString &value)
{
    const qsizetype colon = value.indexOf(u':');
    if (colon <= 0)
        return std::nullopt;
    bool ok = false;
    const int instance = value.mid(colon + 1).toInt(&ok);
    if (!ok || instance < 0)
        return std::nullopt;
    return instance;
}

QString SettingsClient::classAndVrmInstance(const QString &deviceClass, int instance)
{
    return deviceClass + u':' + QString::number(instance);
}

} // namespace p1
