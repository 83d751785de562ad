#include "portdetector.h"

#include "logging.h"
#include "serialsource.h"
#include "telegramdecoder.h"

#include <QSerialPortInfo>

using namespace std::chrono;

namespace p1 {

namespace {

// After the two probe windows: time for the telegram that started just before the deadline.
constexpr milliseconds kDeadlineMargin {1500};

} // namespace

struct PortDetector::Probe
{
    Result result;
    std::unique_ptr<Source> source;
    std::unique_ptr<TelegramDecoder> decoder;
    QTimer deadline;
};

PortDetector::PortDetector(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<p1::PortDetector::Result>();
}

PortDetector::~PortDetector()
{
    // No signals from a dying detector.
    for (auto &probe : m_probes)
        if (probe->source) {
            probe->source->disconnect(this);
            probe->source->close();
        }
}

QStringList PortDetector::availablePorts()
{
    QStringList ports;
    for (const QSerialPortInfo &info : QSerialPortInfo::availablePorts())
        ports.append(info.portName());
    ports.sort();
    return ports;
}

milliseconds PortDetector::deadline() const
{
    return 2 * m_window + kDeadlineMargin;
}

QList<PortDetector::Result> PortDetector::results() const
{
    QList<Result> out;
    for (const auto &probe : m_probes)
        out.append(probe->result);
    return out;
}

void PortDetector::start(const QStringList &requested)
{
    cancel();
    m_probes.clear();
    m_done = 0;
    const QStringList ports = requested.isEmpty() ? availablePorts() : requested;
    m_running = true;
    Q_EMIT started(int(ports.size()));
    Q_EMIT progress(0, int(ports.size()));
    if (ports.isEmpty()) {
        m_running = false;
        Q_EMIT finished();
        return;
    }

    for (const QString &port : ports) {
        auto probe = std::make_unique<Probe>();
        Probe *p = probe.get();
        p->result.port = port;
        if (m_maker) {
            p->source = m_maker(port);
        } else {
            auto serial = std::make_unique<SerialSource>(port);
            serial->setBaudMode(SerialSource::BaudMode::Auto);
            serial->setProbeWindow(m_window);
            p->source = std::move(serial);
        }
        p->decoder = std::make_unique<TelegramDecoder>([this, p](const DecodedTelegram &decoded) {
            if (p->result.done)
                return;
            if (decoded.envelope)
                p->result.encrypted = true;
            if (decoded.rejection == Rejection::KeyMissing) {
                // Intact frames at this baud rate: the meter is here, only its key is missing.
                p->source->telegramAccepted();
                p->result.baudRate = p->source->baudRate();
                if (++p->result.rejected == 1)
                    qCInfo(lcDetect).noquote() << p->result.port << ": encrypted P1 meter";
                Q_EMIT portChanged(p->result);
                if (p->result.rejected >= m_wanted)
                    finishPort(*p);
                return;
            }
            if (!decoded.accepted()) {
                ++p->result.rejected;
                return;
            }
            const Reading &reading = decoded.reading;
            p->source->telegramAccepted();
            const bool first = !p->result.found;
            p->result.found = true;
            if (decoded.frame.crc == CrcStatus::None)
                ++p->result.noCrc;
            else
                ++p->result.crcOk;
            p->result.ident = QString::fromStdString(reading.ident);
            p->result.version = QString::fromStdString(reading.version);
            p->result.equipmentId = QString::fromStdString(reading.equipmentId);
            p->result.gasSeen = p->result.gasSeen || decoded.hasGas;
            p->result.baudRate = p->source->baudRate();
            if (first)
                qCInfo(lcDetect).noquote() << p->result.port << ": meter" << p->result.ident;
            Q_EMIT portChanged(p->result);
            if (p->result.crcOk + p->result.noCrc >= m_wanted)
                finishPort(*p);
        });

        p->decoder->setKeys(m_keys);
        Source *s = p->source.get();
        connect(s, &Source::dataReceived, this, [p](const QByteArray &bytes) {
            p->result.bytes += quint64(bytes.size());
            p->decoder->push(std::string_view(bytes.constData(), std::size_t(bytes.size())));
        });
        connect(s, &Source::discontinuity, this, [this, p] {
            p->decoder->reset();
            p->result.baudRate = p->source->baudRate();
            Q_EMIT portChanged(p->result);
        });
        connect(s, &Source::errorOccurred, this, [p](Source::Error error, const QString &detail) {
            if (error == Source::Error::EndOfFile)
                return; // a replayed capture: whatever it held has been seen
            p->result.error = error;
            p->result.errorDetail = detail;
        });
        connect(s, &Source::finished, this, [this, p] {
            p->decoder->finish();
            finishPort(*p);
        });
        p->deadline.setSingleShot(true);
        p->deadline.setInterval(deadline());
        connect(&p->deadline, &QTimer::timeout, this, [this, p] { finishPort(*p); });
        m_probes.push_back(std::move(probe));
    }
    for (auto &probe : m_probes) {
        probe->deadline.start();
        probe->result.baudRate = probe->source->baudRate();
        probe->source->open();
    }
}

void PortDetector::finishPort(Probe &probe)
{
    if (probe.result.done)
        return;
    probe.result.done = true;
    probe.deadline.stop();
    if (probe.source) {
        probe.source->disconnect(this);
        probe.source->close();
    }
    if (!probe.result.found && !probe.result.error)
        qCInfo(lcDetect).noquote() << probe.result.port << ": no meter";
    ++m_done;
    Q_EMIT portFinished(probe.result);
    Q_EMIT progress(m_done, int(m_probes.size()));
    checkAllDone();
}

void PortDetector::checkAllDone()
{
    if (!m_running || m_done < int(m_probes.size()))
        return;
    m_running = false;
    Q_EMIT finished();
}

void PortDetector::cancel()
{
    if (!m_running)
        return;
    for (auto &probe : m_probes)
        finishPort(*probe);
}

QString PortDetector::describe(const Result &r)
{
    if (r.error) {
        return tr("%1: %2").arg(r.port, Source::describe(*r.error));
    }
    if (!r.found && r.encrypted && r.baudRate > 0)
        return tr("%1: encrypted P1 meter at %2 baud: give its key with --key")
            .arg(r.port, QString::number(r.baudRate));
    if (!r.found && r.encrypted)
        return tr("%1: encrypted P1 meter: give its key with --key").arg(r.port);
    if (!r.found) {
        if (r.bytes > 0)
            return tr("%1: data, but no valid telegram (%2 bytes)").arg(r.port).arg(r.bytes);
        return tr("%1: no data").arg(r.port);
    }
    QString version;
    if (r.version.isEmpty())
        version = tr("DSMR 2.2/3.0");
    else if (r.version.size() == 2)
        version = tr("P1 %1.%2").arg(r.version.at(0), r.version.at(1));
    else
        version = tr("P1 version %1").arg(r.version);
    // Whole sentences, one per combination, so a translation can put each part where its
    // language wants it. One arg() call: a '%' in the meter's ident is not a placeholder.
    const QString baud = QString::number(r.baudRate);
    const QString valid = QString::number(r.crcOk + r.noCrc);
    const QString rejected = QString::number(r.rejected);
    if (r.baudRate > 0 && r.gasSeen)
        return tr("%1: %2 meter %3 at %4 baud, with gas meter (%5 valid, %6 rejected)")
            .arg(r.port, version, r.ident, baud, valid, rejected);
    if (r.baudRate > 0)
        return tr("%1: %2 meter %3 at %4 baud (%5 valid, %6 rejected)")
            .arg(r.port, version, r.ident, baud, valid, rejected);
    if (r.gasSeen)
        return tr("%1: %2 meter %3, with gas meter (%4 valid, %5 rejected)")
            .arg(r.port, version, r.ident, valid, rejected);
    return tr("%1: %2 meter %3 (%4 valid, %5 rejected)")
        .arg(r.port, version, r.ident, valid, rejected);
}

} // namespace p1
