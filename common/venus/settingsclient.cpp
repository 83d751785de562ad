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
    if (m_bus.interface() && m_bus.interface()->isServiceRegistered(service())) {
        callAddSettings();
        return;
    }
    qCInfo(lcSettings, "waiting up to %lld s for %s", qlonglong(timeout.count() / 1000), kService);
    if (!m_watcher) {
        m_watcher = new QDBusServiceWatcher(
            service(), m_bus, QDBusServiceWatcher::WatchForRegistration, this);
        connect(m_watcher, &QDBusServiceWatcher::serviceRegistered, this, [this] {
            if (!m_done)
                callAddSettings();
        });
    }
    m_timeout.start(timeout);
}

void SettingsClient::callAddSettings()
{
    m_timeout.stop();
    QList<QVariantMap> items;
    items.reserve(m_pending.size());
    for (const auto &s : std::as_const(m_pending))
        items.append(QVariantMap {
            {QStringLiteral("path"), s.path}, {QStringLiteral("default"), s.defaultValue}});

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
    Q_EMIT added(values);
}

void SettingsClient::giveUp(const QString &reason)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    qCWarning(lcSettings).noquote() << reason << "- going on with default settings";
    Q_EMIT unavailable(reason);
}

void SettingsClient::setValue(const QString &path, const QVariant &value)
{
    QDBusMessage call =
        QDBusMessage::createMethodCall(service(), QString::fromLatin1(kDevicesPath) + u'/' + path,
            QStringLiteral("com.victronenergy.BusItem"), QStringLiteral("SetValue"));
    call << QVariant::fromValue(QDBusVariant(value));
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [path](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        QDBusPendingReply<int> reply = *w;
        if (reply.isError())
            qCWarning(lcSettings).noquote()
                << "could not store" << path << ":" << reply.error().message();
        else if (reply.value() != 0)
            qCWarning(lcSettings).noquote()
                << "settings refused" << path << "code" << reply.value();
    });
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

} // namespace p1
