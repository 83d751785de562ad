#include "monitorsession.h"

#include "logging.h"

using namespace std::chrono;

namespace p1 {

namespace {

QString hex4(quint16 value)
{
    return QStringLiteral("%1").arg(value, 4, 16, QLatin1Char('0')).toUpper();
}

} // namespace

MonitorSession::MonitorSession(QObject *parent)
    : QObject(parent)
    , m_decoder([this](const DecodedTelegram &decoded) { onTelegram(decoded); })
{
    m_tick.setInterval(kDiagnosisTick);
    connect(&m_tick, &QTimer::timeout, this, &MonitorSession::updateDiagnosis);
    m_clock.start();
}

MonitorSession::~MonitorSession()
{
    stop();
}

milliseconds MonitorSession::now() const
{
    return milliseconds(m_clock.elapsed());
}

void MonitorSession::setDiagnosisConfig(const CableDiagnosis::Config &config)
{
    m_diagnosis.setConfig(config);
}

bool MonitorSession::start(const QString &spec, const SourceOptions &options, QString *error)
{
    SourceFactory::Result result = SourceFactory::create(spec, options);
    if (!result.ok()) {
        if (error)
            *error = result.message;
        return false;
    }
    start(std::move(result.source));
    return true;
}

void MonitorSession::start(std::unique_ptr<Source> source)
{
    stop();
    m_source = std::move(source);
    m_decoder.restart();
    m_stats = Statistics();
    m_sequence = 0;
    m_sinceAccepted.invalidate();
    m_diagnosis.reset();
    m_diagnosis.setSource(m_source->kind(), m_source->name());
    m_problemMessage.clear();

    Source *s = m_source.get();
    connect(s, &Source::dataReceived, this, &MonitorSession::onData);
    connect(s, &Source::discontinuity, this, [this] { m_decoder.reset(); });
    connect(s, &Source::errorOccurred, this, &MonitorSession::onSourceError);
    connect(s, &Source::stateChanged, this, &MonitorSession::onStateChanged);
    connect(s, &Source::finished, this, [this] {
        m_decoder.finish();
        refreshSourceStatistics();
        m_tick.stop();
        Q_EMIT sourceFinished();
    });
    connect(s, &Source::descriptionChanged, this, &MonitorSession::refreshSourceStatistics);

    refreshSourceStatistics();
    m_tick.start();
    Q_EMIT problemChanged(CableDiagnosis::Problem::None, QString());
    m_source->open();
}

void MonitorSession::stop()
{
    m_tick.stop();
    if (!m_source)
        return;
    // The source is going: nothing it says from now on is news.
    m_source->disconnect(this);
    m_source->close();
    m_source.reset();
    m_stats.state = Source::State::Closed;
    Q_EMIT statisticsChanged();
}

bool MonitorSession::startRecording(const QString &path, QString *error)
{
    if (m_recorder.start(path))
        return true;
    if (error)
        *error = tr("Cannot write %1: %2").arg(path, m_recorder.errorString());
    return false;
}

void MonitorSession::stopRecording()
{
    m_recorder.stop();
}

void MonitorSession::onData(const QByteArray &bytes)
{
    m_stats.bytes += quint64(bytes.size());
    if (m_recorder.isRecording() && !m_recorder.write(bytes))
        Q_EMIT recordingFailed(tr("Recording stopped: cannot write %1: %2")
                                   .arg(m_recorder.path(), m_recorder.errorString()));
    m_diagnosis.bytesReceived(bytes.size(), now());
    m_decoder.push(std::string_view(bytes.constData(), std::size_t(bytes.size())));
    m_stats.noiseBytes = m_decoder.stats().noiseBytes;
    updateDiagnosis();
    Q_EMIT statisticsChanged();
}

void MonitorSession::setKeys(const DecryptionKeys &keys)
{
    m_decoder.setKeys(keys);
}

TelegramRecord MonitorSession::makeRecord(const DecodedTelegram &decoded)
{
    const Frame &frame = decoded.frame;
    TelegramRecord record;
    record.text = QByteArray(frame.text.data(), qsizetype(frame.text.size()));
    record.crc = frame.crc;
    record.rejection = decoded.rejection;
    record.crcSent = frame.crcSent;
    record.crcComputed = frame.crcComputed;
    if (const Envelope *envelope = decoded.envelope)
        record.envelope =
            EnvelopeRecord {QString::fromStdString(describeSystemTitle(envelope->frame)),
                envelope->frame.frameCounter, envelope->frame.securityControl, envelope->tag};
    if (!record.accepted()) {
        record.rejectReason = describeRejection(record);
        return record;
    }
    const Reading &reading = decoded.reading;
    record.ident = QString::fromStdString(reading.ident);
    record.version = QString::fromStdString(reading.version);
    record.equipmentId = QString::fromStdString(reading.equipmentId);
    if (const auto net = reading.netPower())
        record.netPower = net->toDouble();
    record.grid = decoded.grid;
    record.gas = decoded.gas;
    record.hasGas = decoded.hasGas;
    record.water = decoded.water;
    return record;
}

void MonitorSession::onTelegram(const DecodedTelegram &decoded)
{
    TelegramRecord record = makeRecord(decoded);
    record.number = ++m_sequence;
    record.received = QDateTime::currentDateTime();
    if (record.accepted()) {
        if (m_source)
            m_source->telegramAccepted();
        if (m_sinceAccepted.isValid()) {
            record.intervalMs = m_sinceAccepted.restart();
            m_stats.lastIntervalMs = record.intervalMs;
            ++m_stats.intervals;
            m_stats.averageIntervalMs +=
                (double(record.intervalMs) - m_stats.averageIntervalMs) / double(m_stats.intervals);
        } else {
            m_sinceAccepted.start();
        }
        if (record.crc == CrcStatus::None)
            ++m_stats.noCrc;
        else
            ++m_stats.good;
        m_stats.version = record.version;
        m_stats.ident = record.ident;
        m_stats.equipmentId = record.equipmentId;
    } else {
        ++m_stats.bad;
        qCDebug(lcMonitor).noquote() << "telegram rejected:" << record.rejectReason;
    }
    m_diagnosis.telegram(record.accepted(), now());
    refreshSourceStatistics();
    Q_EMIT telegramReceived(record);
}

QString MonitorSession::describeRejection(const TelegramRecord &record)
{
    switch (record.rejection) {
    case Rejection::None:
        break;
    case Rejection::CrcMismatch:
        return tr("CRC mismatch: the meter sent %1, the data gives %2.")
            .arg(hex4(record.crcSent), hex4(record.crcComputed));
    case Rejection::MalformedCrc:
        return tr("The CRC after '!' is not 1 to 4 hex digits.");
    case Rejection::MissingCrc:
        return tr("No CRC after '!', although this meter sent one before.");
    case Rejection::CrcRequired:
        return tr("No CRC after '!', although the telegram is DSMR 4 or newer (it has a version "
                  "line or a timestamp) and must carry one.");
    case Rejection::Truncated:
        return tr("Cut off: a new telegram started (or the data ended) before this one's end.");
    case Rejection::Overflow:
        return tr("Too long: no end of telegram within 16 KiB.");
    case Rejection::NoHeader:
        return tr("No meter identification after '/'.");
    case Rejection::NoObjects:
        return tr("Not a single data line in the telegram.");
    case Rejection::KeyMissing:
        return tr("This meter encrypts its telegrams: give its key with --key.");
    case Rejection::DecryptionFailed:
        return tr("Decryption failed: wrong key?");
    case Rejection::NotDsmr:
        return tr(
            "Decrypted, but there is no DSMR telegram inside (binary DLMS is not supported).");
    }
    return QString();
}

void MonitorSession::onSourceError(Source::Error error, const QString &detail)
{
    qCInfo(lcMonitor).noquote() << (m_source ? m_source->logDescription() : QString()) << ":"
                                << Source::errorName(error) << detail;
    m_diagnosis.sourceError(error, detail, now());
    updateDiagnosis();
}

void MonitorSession::onStateChanged(Source::State state)
{
    if (state == Source::State::Open)
        m_diagnosis.opened(now());
    refreshSourceStatistics();
    updateDiagnosis();
}

void MonitorSession::updateDiagnosis()
{
    m_diagnosis.evaluate(now());
    const QString message = m_diagnosis.message();
    if (message == m_problemMessage)
        return;
    m_problemMessage = message;
    Q_EMIT problemChanged(m_diagnosis.problem(), message);
}

void MonitorSession::refreshSourceStatistics()
{
    if (!m_source) {
        m_stats.state = Source::State::Closed;
    } else {
        m_stats.state = m_source->state();
        m_stats.source = m_source->userDescription();
        m_stats.baudRate = m_source->baudRate();
        m_stats.baudRateLocked = m_source->baudRateLocked();
    }
    Q_EMIT statisticsChanged();
}

} // namespace p1
