#include "serialsource.h"

#include "logging.h"

#include <QFileInfo>

#include <poll.h>

namespace p1 {

namespace {

constexpr int kFastRate = 115200; // DSMR 4/5, 8N1
constexpr int kSlowRate = 9600; // DSMR 2.2/3.0, 7E1 (read as 8N1 + 0x7F mask)

const QString kDevPrefix = QStringLiteral("/dev/");

} // namespace

SerialSource::SerialSource(const QString &port, QObject *parent)
    : Source(parent)
    , m_location(toSystemLocation(port))
{
    m_probeTimer.setSingleShot(false);
    // Each rate gets its whole window: a coarse timer may fire 5 % early.
    m_probeTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_probeTimer, &QTimer::timeout, this, &SerialSource::switchBaudRate);
    connect(&m_port, &QSerialPort::readyRead, this, &SerialSource::readAvailable);
    connect(&m_port, &QSerialPort::errorOccurred, this, &SerialSource::handleError);
}

SerialSource::~SerialSource()
{
    m_probeTimer.stop();
    m_hangupNotifier.reset(); // before its descriptor is closed
    if (m_port.isOpen())
        m_port.close();
}

void SerialSource::setBaudMode(BaudMode mode)
{
    m_mode = mode;
    // Before open(), baudRate() and the descriptions tell the rate the port will start at.
    if (!m_port.isOpen() && !m_opening)
        m_baudRate = initialBaudRate();
}

void SerialSource::setProbeWindow(std::chrono::milliseconds window)
{
    m_window = window;
    if (m_probeTimer.isActive())
        m_probeTimer.start(m_window);
}

QString SerialSource::toSystemLocation(const QString &port)
{
    if (port.startsWith(QLatin1Char('/')) || port.startsWith(QLatin1StringView("./"))
        || port.startsWith(QLatin1StringView("../")))
        return port;
    return kDevPrefix + port;
}

QString SerialSource::toPortName(const QString &port)
{
    QString location = toSystemLocation(port);
    if (location.startsWith(kDevPrefix))
        return location.mid(kDevPrefix.size());
    return location;
}

std::optional<SerialSource::BaudMode> SerialSource::parseBaudMode(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1StringView("auto"))
        return BaudMode::Auto;
    if (t == QLatin1StringView("115200"))
        return BaudMode::Baud115200;
    if (t == QLatin1StringView("9600"))
        return BaudMode::Baud9600;
    return std::nullopt;
}

QString SerialSource::name() const
{
    return toPortName(m_location);
}

QString SerialSource::logDescription() const
{
    const QString rate = QString::number(m_baudRate);
    if (m_mode == BaudMode::Auto)
        return QStringLiteral("serial %1 auto (%2%3)")
            .arg(m_location, rate, m_locked ? QStringLiteral(", locked") : QString());
    return QStringLiteral("serial %1 %2").arg(m_location, rate);
}

QString SerialSource::userDescription() const
{
    if (m_mode != BaudMode::Auto)
        return tr("serial port %1 at %2 baud").arg(m_location).arg(m_baudRate);
    if (m_locked)
        return tr("serial port %1 at %2 baud (detected)").arg(m_location).arg(m_baudRate);
    return tr("serial port %1, trying %2 baud").arg(m_location).arg(m_baudRate);
}

int SerialSource::initialBaudRate() const noexcept
{
    return m_mode == BaudMode::Baud9600 ? kSlowRate : kFastRate;
}

void SerialSource::open()
{
    if (m_port.isOpen() || m_opening)
        return;
    // Never report from inside open(): the caller may not run its event loop yet.
    m_opening = true;
    QMetaObject::invokeMethod(this, &SerialSource::openNow, Qt::QueuedConnection);
}

void SerialSource::openNow()
{
    if (!m_opening)
        return; // closed before the event loop came round
    m_opening = false;
    m_locked = false;
    m_gone = false;
    m_baudRate = initialBaudRate();

    m_port.setPortName(m_location);
    m_port.setBaudRate(m_baudRate);
    m_port.setDataBits(QSerialPort::Data8);
    m_port.setParity(QSerialPort::NoParity);
    m_port.setStopBits(QSerialPort::OneStop);
    m_port.setFlowControl(QSerialPort::NoFlowControl);
    // ReadOnly: the P1 port is receive-only, and a probe must leave the line alone.
    if (!m_port.open(QIODevice::ReadOnly)) {
        const QSerialPort::SerialPortError code = m_port.error();
        const QString detail = m_port.errorString();
        Error error = Error::Other;
        if (code == QSerialPort::DeviceNotFoundError) {
            error = Error::NotFound;
        } else if (code == QSerialPort::PermissionError) {
            // QSerialPort says PermissionError both for EACCES and for a port another process
            // holds (its lock file, TIOCEXCL/EBUSY): a node we may read means the latter.
            const QFileInfo info(m_location);
            error = info.exists() && info.isReadable() ? Error::Busy : Error::PermissionDenied;
        }
        qCWarning(
            lcSerial, "cannot open %s: %s", qUtf8Printable(m_location), qUtf8Printable(detail));
        m_port.clearError();
        fail(error, detail, true);
        return;
    }
    // POLLHUP/POLLERR wake exception notifiers (both Qt event dispatchers); QSerialPort keeps
    // only read and write notifiers, so this one has the descriptor's exception slot to itself.
    m_hangupNotifier =
        std::make_unique<QSocketNotifier>(m_port.handle(), QSocketNotifier::Exception);
    connect(m_hangupNotifier.get(), &QSocketNotifier::activated, this, &SerialSource::checkHangup);
    qCInfo(lcSerial, "opened %s", qUtf8Printable(logDescription()));
    setState(State::Open);
    if (m_mode == BaudMode::Auto && m_window.count() > 0)
        m_probeTimer.start(m_window);
}

void SerialSource::close()
{
    m_opening = false;
    m_gone = false;
    m_probeTimer.stop();
    m_hangupNotifier.reset(); // before its descriptor is closed
    if (m_port.isOpen())
        m_port.close();
    setState(State::Closed);
}

void SerialSource::telegramAccepted()
{
    if (m_locked || !m_port.isOpen())
        return;
    m_locked = true;
    m_probeTimer.stop();
    Q_EMIT descriptionChanged();
    if (m_mode == BaudMode::Auto)
        qCInfo(lcSerial, "%s: meter found at %d baud", qUtf8Printable(name()), m_baudRate);
}

void SerialSource::readAvailable()
{
    const QByteArray bytes = m_port.readAll();
    if (!bytes.isEmpty())
        Q_EMIT dataReceived(bytes);
}

void SerialSource::handleError(QSerialPort::SerialPortError error)
{
    if (error == QSerialPort::NoError || !m_port.isOpen())
        return; // open() failures are handled where open() is called
    if (error == QSerialPort::ResourceError || error == QSerialPort::ReadError) {
        // EIO is ResourceError. Up to Qt 6.4 a hung-up tty's EOF came as ReadError with a stale
        // errno text; later versions say nothing (checkHangup() sees it). Neither recovers.
        const QString detail = error == QSerialPort::ResourceError
            ? m_port.errorString()
            : QStringLiteral("end of file (the device hung up)");
        m_port.clearError();
        deviceGone(detail);
        return;
    }
    const QString detail = m_port.errorString();
    qCWarning(lcSerial, "%s: %s", qUtf8Printable(name()), qUtf8Printable(detail));
    m_port.clearError();
}

void SerialSource::checkHangup()
{
    if (!m_port.isOpen())
        return;
    // A tty raises no POLLPRI; still, only a hang-up (or an error state) ends the source.
    pollfd pfd {};
    pfd.fd = static_cast<int>(m_port.handle());
    pfd.events = POLLIN;
    if (::poll(&pfd, 1, 0) < 1 || (pfd.revents & (POLLHUP | POLLERR)) == 0)
        return;
    deviceGone(QStringLiteral("end of file (the device hung up)"));
}

void SerialSource::deviceGone(const QString &detail)
{
    if (m_gone)
        return; // the dead descriptor keeps signalling until it is closed
    m_gone = true;
    m_probeTimer.stop();
    if (m_hangupNotifier)
        m_hangupNotifier->setEnabled(false);
    qCWarning(lcSerial, "%s: device gone: %s", qUtf8Printable(name()), qUtf8Printable(detail));
    // Close from the event loop, not from inside QSerialPort's own read notification.
    QMetaObject::invokeMethod(
        this,
        [this, detail] {
            if (m_gone) // not closed meanwhile
                fail(Error::Unplugged, detail, true);
        },
        Qt::QueuedConnection);
}

void SerialSource::switchBaudRate()
{
    if (m_locked || !m_port.isOpen())
        return;
    const int next = m_baudRate == kFastRate ? kSlowRate : kFastRate;
    if (!m_port.setBaudRate(next)) {
        qCWarning(lcSerial, "%s: cannot set %d baud: %s", qUtf8Printable(name()), next,
            qUtf8Printable(m_port.errorString()));
        m_port.clearError();
        return;
    }
    m_baudRate = next;
    // Bytes already queued were sampled at the old rate: garbage now.
    m_port.clear(QSerialPort::Input);
    qCInfo(lcSerial, "%s: no telegram yet, trying %d baud", qUtf8Printable(name()), next);
    Q_EMIT discontinuity();
    Q_EMIT baudRateChanged(next);
    Q_EMIT descriptionChanged();
}

} // namespace p1
