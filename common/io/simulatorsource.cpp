#include "simulatorsource.h"

#include "logging.h"

#include <QLocale>
#include <QTimeZone>

#include <cmath>

namespace p1 {

SimulatorSource::SimulatorSource(QObject *parent)
    : Source(parent)
    , m_meter(kDefaultSeed)
{
    m_timer.setTimerType(Qt::PreciseTimer); // a steady 1 s, as the meter's /RefreshTime shows
    connect(&m_timer, &QTimer::timeout, this, &SimulatorSource::tick);
}

SimulatorSource::~SimulatorSource() = default;

void SimulatorSource::setSeed(quint32 seed)
{
    m_meter.reset(seed, m_meter.utcMilliseconds() / 1000);
    m_started = false;
}

void SimulatorSource::setClock(const QDateTime &start)
{
    m_meter.reset(m_meter.seed(), start.toSecsSinceEpoch());
    const qint64 ms = start.toMSecsSinceEpoch() - start.toSecsSinceEpoch() * 1000;
    if (ms > 0)
        m_meter.advance(ms);
    m_clockSet = true;
    m_started = false;
}

QDateTime SimulatorSource::clock() const
{
    return QDateTime::fromMSecsSinceEpoch(m_meter.utcMilliseconds(), QTimeZone::utc());
}

void SimulatorSource::setTimeScale(double scale)
{
    Q_ASSERT(scale > 0);
    m_timeScale = std::isfinite(scale) && scale > 0 ? scale : 1.0;
}

void SimulatorSource::setInterval(std::chrono::milliseconds interval)
{
    m_interval = std::max(interval, std::chrono::milliseconds(1));
    if (m_timer.isActive())
        m_timer.start(m_interval);
}

QString SimulatorSource::name() const
{
    return QStringLiteral("sim");
}

QString SimulatorSource::logDescription() const
{
    return QStringLiteral("simulated DSMR 5 meter (seed %1, time x%2)")
        .arg(seed())
        .arg(m_timeScale);
}

QString SimulatorSource::userDescription() const
{
    return tr("simulated DSMR 5 meter (seed %1, time ×%2)")
        .arg(seed())
        .arg(QLocale().toString(m_timeScale));
}

QByteArray SimulatorSource::nextTelegram()
{
    if (m_started)
        m_meter.advance(std::llround(double(m_interval.count()) * m_timeScale));
    m_started = true;
    const std::string text = m_meter.telegram();
    return QByteArray(text.data(), qsizetype(text.size()));
}

void SimulatorSource::open()
{
    if (m_timer.isActive())
        return;
    if (!m_clockSet) {
        // Live use: the meter's clock is ours, to the second.
        m_meter.reset(m_meter.seed(), QDateTime::currentSecsSinceEpoch());
        m_clockSet = true;
        m_started = false;
    }
    m_timer.start(m_interval);
    qCInfo(lcSim, "started %s", qUtf8Printable(logDescription()));
    // Open, then the first telegram at once: from the event loop, never from inside open().
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (!m_timer.isActive())
                return;
            setState(State::Open);
            tick();
        },
        Qt::QueuedConnection);
}

void SimulatorSource::close()
{
    m_timer.stop();
    setState(State::Closed);
}

void SimulatorSource::tick()
{
    if (!m_timer.isActive())
        return; // closed meanwhile
    Q_EMIT dataReceived(nextTelegram());
}

} // namespace p1
