#include "mediator.h"

#include "io/source.h"
#include "logging.h"
#include "venus/meterservice.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusError>

namespace p1 {

namespace {

QDBusConnection connectBus(const QString &spec, const QString &name)
{
    if (spec == QLatin1String("system"))
        return QDBusConnection::connectToBus(QDBusConnection::SystemBus, name);
    if (spec == QLatin1String("session"))
        return QDBusConnection::connectToBus(QDBusConnection::SessionBus, name);
    return QDBusConnection::connectToBus(spec, name);
}

} // namespace

Mediator::Mediator(Options options, std::unique_ptr<Source> source, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_source(std::move(source))
    , m_decoder([this](const DecodedTelegram &decoded) { onTelegram(decoded); })
{
    m_decoder.setKeys(m_options.keys);
    m_silence.setSingleShot(true);
    m_silence.setInterval(m_options.timeout);
    connect(&m_silence, &QTimer::timeout, this, &Mediator::onSilence);

    m_probe.setSingleShot(true);
    m_probe.setInterval(m_options.sourceOptions.probeWindow * m_options.baudRatesToTry());
    connect(&m_probe, &QTimer::timeout, this, &Mediator::onProbeTimeout);

    m_stats.setInterval(kStatsInterval);
    connect(&m_stats, &QTimer::timeout, this, &Mediator::logStats);

    connect(m_source.get(), &Source::dataReceived, this, &Mediator::onData);
    connect(m_source.get(), &Source::discontinuity, this, [this] { m_decoder.reset(); });
    connect(m_source.get(), &Source::errorOccurred, this,
        [this](Source::Error e, const QString &detail) { onSourceError(int(e), detail); });
    connect(m_source.get(), &Source::finished, this, &Mediator::onSourceFinished);
}

Mediator::~Mediator()
{
    stop();
}

void Mediator::start()
{
    qCInfo(lcDaemon).noquote() << "reading" << m_source->logDescription();
    if (m_source->isSerial())
        m_probe.start();
    m_silence.start();
    m_stats.start();
    m_sinceWarning.invalidate();
    m_source->open();
}

void Mediator::stop()
{
    m_silence.stop();
    m_probe.stop();
    m_stats.stop();
    if (m_gridService)
        m_gridService->stop();
    if (m_gasService)
        m_gasService->stop();
    if (m_source)
        m_source->close();
}

void Mediator::onData(const QByteArray &bytes)
{
    m_decoder.push(std::string_view(bytes.constData(), std::size_t(bytes.size())));
}

void Mediator::onTelegram(const DecodedTelegram &decoded)
{
    // Real meters are known to use another AK than the documented one: said once, not per
    // telegram (the telegram's own CRC vouches for each).
    if (decoded.accepted() && decoded.envelope
        && decoded.envelope->tag == TagVerdict::AuthKeyDiffers && !m_authKeyDiffersLogged) {
        m_authKeyDiffersLogged = true;
        qCInfo(lcDaemon,
            "the meter's authentication key differs from the one configured "
            "(--auth-key): telegrams are accepted on their own CRC");
    }
    if (decoded.accepted())
        onGoodTelegram(decoded);
    else
        reject(QString::fromStdString(describe(decoded)));
}

void Mediator::onGoodTelegram(const DecodedTelegram &decoded)
{
    const Reading &reading = decoded.reading;
    ++m_counters.good;
    m_source->telegramAccepted();
    const bool first = !m_meterSeen;
    m_meterSeen = true;
    m_probe.stop();
    m_silence.start();
    // /RefreshTime to the nearest 100 ms: a meter's interval jitters by a few ms, and publishing
    // every jitter would cost an extra changed path (and PropertiesChanged message) per telegram.
    const qint64 interval =
        m_sinceGood.isValid() ? (m_sinceGood.restart() + 50) / 100 * 100 : qint64(-1);
    if (!m_sinceGood.isValid())
        m_sinceGood.start();
    if (first)
        qCInfo(lcDaemon).noquote()
            << "meter found:" << QString::fromStdString(reading.ident) << "P1 version"
            << (reading.version.empty() ? QStringLiteral("2.2/3.0")
                                        : QString::fromStdString(reading.version))
            << "serial" << QString::fromStdString(reading.equipmentId);
    if (m_silent) {
        m_silent = false;
        qCInfo(lcDaemon, "telegrams again");
    }

    if (decoded.hasGrid) {
        if (!m_gridService) {
            m_gridService = makeService(ServiceContract::grid());
            m_gridService->start(QString::fromStdString(reading.equipmentId),
                QString::fromStdString(reading.version), QString::fromStdString(reading.ident));
        }
        if (interval > 0)
            m_gridService->setRefreshTime(int(interval));
        m_gridService->update(decoded.grid.values);
    }
    if (m_options.gasService != GasService::None && decoded.hasGas) {
        if (!m_gasService) {
            const MbusChannel *gas = reading.gas();
            m_gasService = makeService(ServiceContract::gas(m_options.gasService));
            m_gasService->start(QString::fromStdString(gas ? gas->equipmentId : std::string()),
                QString::fromStdString(reading.version), QString::fromStdString(reading.ident));
        }
        if (interval > 0)
            m_gasService->setRefreshTime(int(interval));
        m_gasService->update(decoded.gas.values);
    }
}

std::unique_ptr<MeterService> Mediator::makeService(ServiceContract contract)
{
    MeterService::Config c;
    c.port = ServiceContract::portName(m_source->name(), m_source->isSerial());
    c.connection = ServiceContract::connection(m_source->logDescription());
    c.processVersion = QCoreApplication::applicationVersion();
    c.settingsTimeout = m_options.settingsTimeout;
    c.propertiesChanged = m_options.propertiesChanged;
    c.contract = std::move(contract);
    QDBusConnection bus = connectBus(m_options.dbus, c.contract.serviceName(c.port));
    if (!bus.isConnected())
        qCCritical(lcDaemon).noquote()
            << "cannot connect to the" << m_options.dbus << "bus:" << bus.lastError().message();
    auto service = std::make_unique<MeterService>(std::move(c), bus);
    connect(service.get(), &MeterService::failed, this, [this](const QString &reason) {
        qCCritical(lcDaemon).noquote() << reason;
        exitWith(kExitMeterLost);
    });
    return service;
}

void Mediator::reject(const QString &reason)
{
    ++m_counters.rejected;
    m_lastRejectReason = reason;
    // One line per burst of bad telegrams: a noisy cable must not flood Venus's 100 kB log.
    if (!m_sinceWarning.isValid()
        || m_sinceWarning.hasExpired(std::chrono::milliseconds(kWarningInterval).count())) {
        qCWarning(lcDaemon).noquote() << "telegram rejected:" << reason;
        m_sinceWarning.start();
    } else {
        qCDebug(lcDaemon).noquote() << "telegram rejected:" << reason;
    }
}

void Mediator::onSilence()
{
    if (!m_silent) {
        m_silent = true;
        qCWarning(lcDaemon, "no valid telegram for %lld s: values invalid",
            qlonglong(m_options.timeout.count() / 1000));
        if (m_gridService)
            m_gridService->setConnected(false);
        if (m_gasService)
            m_gasService->setConnected(false);
    }
    if (m_source->isSerial() && m_meterSeen)
        exitWith(kExitMeterLost);
}

void Mediator::onProbeTimeout()
{
    qCInfo(lcDaemon).noquote() << "no P1 meter on" << m_source->logDescription()
                               << "- giving the port back";
    exitWith(kExitNoMeter);
}

void Mediator::onSourceError(int error, const QString &detail)
{
    m_lastSourceError = error;
    qCWarning(lcDaemon).noquote() << m_source->logDescription() << ":"
                                  << Source::errorName(Source::Error(error)) << detail;
}

void Mediator::onSourceFinished()
{
    m_decoder.finish();
    if (m_source->kind() == Source::Kind::File) {
        // A capture replayed to its end is a normal stop; one that could not be read is not.
        exitWith(m_lastSourceError == int(Source::Error::EndOfFile) ? kExitStopped : kExitNoMeter);
        return;
    }
    exitWith(m_meterSeen ? kExitMeterLost : kExitNoMeter);
}

void Mediator::logStats()
{
    const quint64 good = m_counters.good - m_countersAtLastStats.good;
    const quint64 bad = m_counters.rejected - m_countersAtLastStats.rejected;
    m_countersAtLastStats = m_counters;
    if (bad > 0)
        qCInfo(lcDaemon).noquote()
            << "last" << kStatsInterval.count() << "min:" << good << "telegrams," << bad
            << "rejected (last:" << m_lastRejectReason << ")";
    else
        qCDebug(lcDaemon).noquote()
            << "last" << kStatsInterval.count() << "min:" << good << "telegrams";
}

void Mediator::exitWith(int code)
{
    if (m_exiting)
        return;
    m_exiting = true;
    stop();
    Q_EMIT finished(code);
}

} // namespace p1
