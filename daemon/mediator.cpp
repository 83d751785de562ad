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

// The lowest channel whose device type is water, with a reading or not: its service is
// "..._water" whichever water meters a telegram happens to carry a value for.
int firstWaterChannel(const Reading &reading)
{
    for (const MbusChannel &channel : reading.mbus)
        if (channel.present && channel.isType(MbusDeviceType::Water))
            return channel.channel;
    return 0;
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
    // Precise: a coarse timer may fire 5 % early (5.7 s for --probe-timeout 3 on two rates).
    m_probe.setTimerType(Qt::PreciseTimer);
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
    for (MeterService *service : services())
        service->stop();
    if (m_source)
        m_source->close();
}

void Mediator::onData(const QByteArray &bytes)
{
    m_decoder.push(std::string_view(bytes.constData(), std::size_t(bytes.size())));
}

void Mediator::onTelegram(const DecodedTelegram &decoded)
{
    // -v: a line per telegram (a rejected one gets its line in reject()); nothing is formatted
    // when debug is off.
    if (decoded.accepted() && lcDaemon().isDebugEnabled()) {
        const std::string when = decoded.reading.timestamp.toIso8601();
        qCDebug(lcDaemon, "telegram %s: CRC %s, %zu objects",
            when.empty() ? "without timestamp" : when.c_str(),
            decoded.frame.crc == CrcStatus::Ok ? "ok" : "none", decoded.telegram.objects.size());
    }
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
        if (!first)
            qCInfo(lcDaemon, "telegrams again");
    }

    // A service is made once, with the first telegram that has its meter (the contract is
    // built only then: not on every telegram).
    if (decoded.hasGrid) {
        if (!m_gridService)
            m_gridService = startService(ServiceContract::grid(), reading.equipmentId, reading);
        if (!m_gridService)
            return; // no bus: exitWith() is under way
        publish(*m_gridService, decoded.grid.values, interval);
    }
    if (m_options.gasService != GasService::None && decoded.hasGas) {
        if (!m_gasService) {
            const MbusChannel *gas = reading.gas();
            m_gasService = startService(ServiceContract::gas(m_options.gasService),
                gas ? gas->equipmentId : std::string(), reading);
            if (!m_gasService)
                return;
        }
        publish(*m_gasService, decoded.gas.values, interval);
    }
    if (m_options.waterService != WaterService::None) {
        for (const GasValues &water : decoded.water.valid()) {
            const int channel = water[GasPath::P1Channel].integer;
            std::unique_ptr<MeterService> &service = m_waterServices.at(std::size_t(channel - 1));
            if (!service)
                service = startService(
                    ServiceContract::water(channel, channel == firstWaterChannel(reading)),
                    reading.mbus.at(std::size_t(channel - 1)).equipmentId, reading);
            if (!service)
                return;
            publish(*service, water.values, interval);
        }
    }
}

std::unique_ptr<MeterService> Mediator::startService(
    ServiceContract contract, const std::string &serial, const Reading &reading)
{
    std::unique_ptr<MeterService> service = makeService(std::move(contract));
    if (!service)
        return nullptr;
    service->start(QString::fromStdString(serial),
        ServiceContract::firmwareVersion(reading.version, reading.flavour),
        QString::fromStdString(reading.ident));
    return service;
}

void Mediator::publish(MeterService &service, std::span<const VenusValue> values, qint64 interval)
{
    if (interval > 0)
        service.setRefreshTime(int(interval));
    service.update(values);
}

std::vector<MeterService *> Mediator::services() const
{
    std::vector<MeterService *> out;
    for (const auto *service : {&m_gridService, &m_gasService})
        if (*service)
            out.push_back(service->get());
    for (const auto &service : m_waterServices)
        if (service)
            out.push_back(service.get());
    return out;
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
    if (!bus.isConnected()) {
        // Nothing to wait for: without a bus there is no settings service either.
        qCCritical(lcDaemon).noquote()
            << "cannot connect to the" << m_options.dbus << "bus:" << bus.lastError().message();
        exitWith(kExitMeterLost);
        return nullptr;
    }
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
    if (!m_silent && !m_meterSeen) {
        // Nothing was published, so nothing goes invalid. A serial port is being probed: the
        // probe timer has the say there.
        m_silent = true;
        if (!m_source->isSerial())
            qCWarning(lcDaemon).noquote()
                << "no valid telegram yet from" << m_source->logDescription() << "after"
                << double(m_options.timeout.count()) / 1000 << "s";
    } else if (!m_silent) {
        m_silent = true;
        qCWarning(lcDaemon, "no valid telegram for %lld s: values invalid",
            qlonglong(m_options.timeout.count() / 1000));
        for (MeterService *service : services())
            service->setConnected(false);
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
    const QString line = QStringLiteral("%1: %2 %3")
                             .arg(m_source->logDescription(),
                                 QLatin1String(Source::errorName(Source::Error(error))), detail);
    // The end of a replayed capture is how a replay ends, not a fault; the file source has
    // said so at info level already.
    if (Source::Error(error) == Source::Error::EndOfFile) {
        qCDebug(lcDaemon).noquote() << line;
        return;
    }
    const QString limited = m_repeats.filter(line);
    if (!limited.isEmpty())
        qCWarning(lcDaemon).noquote() << limited;
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
    for (const QString &line : m_repeats.flush())
        qCWarning(lcDaemon).noquote() << line;
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
