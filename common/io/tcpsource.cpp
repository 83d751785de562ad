#include "tcpsource.h"

#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcTcp, "p1.tcp")

namespace p1 {

TcpSource::TcpSource(const QString &host, quint16 port, QObject *parent)
    : Source(parent)
    , m_host(host)
    , m_port(port)
{
    m_retryTimer.setSingleShot(true);
    m_connectTimer.setSingleShot(true);
    m_idleTimer.setSingleShot(true);
    m_connectTimer.setInterval(kConnectTimeout);
    connect(&m_retryTimer, &QTimer::timeout, this, &TcpSource::connectNow);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        dropAndRetry(Error::ConnectionLost,
            QStringLiteral("no connection within %1 s").arg(m_connectTimer.interval() / 1000.0));
    });
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        dropAndRetry(Error::ConnectionLost,
            QStringLiteral("no data for %1 s").arg(m_idleTimer.interval() / 1000.0));
    });
    connect(&m_socket, &QTcpSocket::connected, this, &TcpSource::handleConnected);
    connect(&m_socket, &QTcpSocket::readyRead, this, &TcpSource::readAvailable);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, &TcpSource::handleSocketError);
    connect(&m_socket, &QTcpSocket::disconnected, this, [this] {
        dropAndRetry(Error::ConnectionLost, QStringLiteral("closed by the remote end"));
    });
}

TcpSource::~TcpSource()
{
    m_wanted = false;
    m_socket.abort();
}

void TcpSource::setBackoff(std::chrono::milliseconds initial, std::chrono::milliseconds maximum)
{
    m_initialBackoff = initial;
    m_maximumBackoff = std::max(initial, maximum);
    m_backoff = initial;
}

void TcpSource::setConnectTimeout(std::chrono::milliseconds timeout)
{
    m_connectTimer.setInterval(timeout);
}

void TcpSource::setIdleTimeout(std::chrono::milliseconds timeout)
{
    m_idleTimeout = timeout;
    if (timeout.count() <= 0)
        m_idleTimer.stop();
}

QString TcpSource::name() const
{
    return m_host + QLatin1Char(':') + QString::number(m_port);
}

QString TcpSource::describe() const
{
    return QStringLiteral("tcp %1").arg(name());
}

void TcpSource::open()
{
    if (m_wanted)
        return;
    m_wanted = true;
    m_outageReported = false;
    m_backoff = m_initialBackoff;
    setState(State::Connecting);
    // Connecting is asynchronous anyway; the retry timer keeps open() free of signals.
    m_retryTimer.start(0);
}

void TcpSource::close()
{
    m_wanted = false;
    m_retryTimer.stop();
    m_connectTimer.stop();
    m_idleTimer.stop();
    m_socket.abort();
    setState(State::Closed);
}

void TcpSource::connectNow()
{
    if (!m_wanted)
        return;
    setState(State::Connecting);
    m_filter.reset();
    m_gotData = false;
    qCDebug(lcTcp, "connecting to %s", qUtf8Printable(name()));
    // ReadOnly: nothing is ever sent to the dongle.
    m_socket.connectToHost(m_host, m_port, QIODevice::ReadOnly);
    if (m_connectTimer.interval() > 0)
        m_connectTimer.start();
}

void TcpSource::handleConnected()
{
    m_connectTimer.stop();
    m_socket.setSocketOption(QAbstractSocket::KeepAliveOption, 1);
    // An outage ends with data, not with a connection: a dongle that accepts and hangs up (or
    // says nothing) would otherwise log two lines per retry.
    if (m_outageReported)
        qCDebug(lcTcp, "reconnected to %s, waiting for data", qUtf8Printable(name()));
    else
        qCInfo(lcTcp, "connected to %s", qUtf8Printable(name()));
    if (m_idleTimeout.count() > 0)
        m_idleTimer.start(m_idleTimeout);
    Q_EMIT discontinuity();
    setState(State::Open);
}

void TcpSource::readAvailable()
{
    const QByteArray raw = m_socket.readAll();
    if (raw.isEmpty())
        return;
    if (m_idleTimeout.count() > 0)
        m_idleTimer.start(m_idleTimeout);
    if (!m_gotData) {
        // A connection that delivers is a good one: the next outage starts the back-off anew.
        m_gotData = true;
        m_backoff = m_initialBackoff;
        if (m_outageReported)
            qCInfo(lcTcp, "%s: data flowing again", qUtf8Printable(name()));
        m_outageReported = false;
    }
    const QByteArray data = m_telnet ? m_filter.filter(raw) : raw;
    if (!data.isEmpty())
        Q_EMIT dataReceived(data);
}

void TcpSource::handleSocketError(QAbstractSocket::SocketError error)
{
    // A name that does not resolve may resolve later (DNS, mDNS after a reboot): keep trying.
    dropAndRetry(
        error == QAbstractSocket::HostNotFoundError ? Error::NotFound : Error::ConnectionLost,
        m_socket.errorString());
}

void TcpSource::dropAndRetry(Error error, const QString &detail)
{
    // errorOccurred and disconnected both arrive for one drop; abort() below may emit again.
    if (!m_wanted || m_retryTimer.isActive())
        return;
    const std::chrono::milliseconds delay = m_backoff;
    m_backoff = std::min(m_backoff * 2, m_maximumBackoff);
    m_retryTimer.start(delay);
    m_connectTimer.stop();
    m_idleTimer.stop();
    m_socket.abort();
    setState(State::Connecting);
    if (!m_outageReported) {
        m_outageReported = true;
        qCWarning(lcTcp, "%s: %s; reconnecting", qUtf8Printable(name()), qUtf8Printable(detail));
        Q_EMIT errorOccurred(error, detail);
    } else {
        qCDebug(lcTcp, "%s: %s; retry in %lld ms", qUtf8Printable(name()), qUtf8Printable(detail),
            qlonglong(delay.count()));
    }
}

} // namespace p1
