#include "tcpsource.h"

#include "logging.h"

#include <QMetaObject>
#include <QSocketNotifier>
#include <QUrl>

#include <algorithm>
#include <cerrno>
#include <mutex>
#include <system_error>
#include <thread>

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace p1 {

namespace {

void freeAddresses(addrinfo *list)
{
    if (list)
        ::freeaddrinfo(list);
}

/// "192.168.1.20", "::1": for debug lines about one address of several.
QString addressText(const addrinfo *address)
{
    char text[NI_MAXHOST] = {};
    if (::getnameinfo(
            address->ai_addr, address->ai_addrlen, text, sizeof text, nullptr, 0, NI_NUMERICHOST)
        != 0)
        return QStringLiteral("?");
    return QString::fromLatin1(text);
}

/// getaddrinfo() for a TCP connection to \a host on the numeric \a port, IPv6 and IPv4.
int lookUp(const char *host, const char *port, int flags, addrinfo **list)
{
    addrinfo hints {};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = flags | AI_NUMERICSERV;
    return ::getaddrinfo(host, port, &hints, list);
}

bool isNotFound(int status)
{
    // As QHostInfo reports HostNotFoundError; EAI_AGAIN (no DNS server reachable) is an outage.
    switch (status) {
    case EAI_NONAME:
    case EAI_FAIL:
#ifdef EAI_NODATA
    case EAI_NODATA:
#endif
        return true;
    default:
        return false;
    }
}

} // namespace

/// A socket file descriptor and the notifier watching it, closed on every path by the
/// destructor. The notifier goes first: it must never watch a closed (and maybe reused) fd.
class TcpSource::Connection
{
public:
    explicit Connection(int fd) noexcept
        : m_fd(fd)
    { }
    ~Connection()
    {
        m_notifier.reset();
        ::close(m_fd); // not retried on EINTR: Linux has released the fd anyway
    }
    Q_DISABLE_COPY_MOVE(Connection)

    [[nodiscard]] int fd() const noexcept { return m_fd; }

    /// Calls \a slot on \a source whenever the socket is ready for \a type (replacing the
    /// previous watch: a connection waits for writable while connecting, then for readable).
    template<typename Slot>
    void watch(QSocketNotifier::Type type, TcpSource *source, Slot slot)
    {
        auto notifier = std::make_unique<QSocketNotifier>(m_fd, type);
        QObject::connect(notifier.get(), &QSocketNotifier::activated, source, slot);
        m_notifier = std::move(notifier);
    }

private:
    int m_fd;
    std::unique_ptr<QSocketNotifier> m_notifier;
};

/// Shared by the source and its lookup thread. The worker never touches the source itself: it
/// posts the answer while holding the mutex, and the source's destructor clears the owner under
/// the same mutex, so the answer is either posted before ~QObject (which discards it with the
/// source's other pending events) or not at all.
struct TcpSource::Lookup
{
    std::mutex mutex;
    TcpSource *owner = nullptr;
};

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
    connect(&m_connectTimer, &QTimer::timeout, this, &TcpSource::handleConnectTimeout);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        dropAndRetry(Error::ConnectionLost,
            QStringLiteral("no data for %1 s").arg(m_idleTimer.interval() / 1000.0));
    });
}

TcpSource::~TcpSource()
{
    m_wanted = false;
    if (m_lookup) {
        const std::lock_guard guard(m_lookup->mutex);
        m_lookup->owner = nullptr;
    }
    abortConnection();
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

QString TcpSource::logDescription() const
{
    return QStringLiteral("tcp %1").arg(name());
}

QString TcpSource::userDescription() const
{
    return tr("network %1").arg(name());
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
    // A lookup in flight cannot be cancelled; its answer is ignored (or used by a new open()).
    abortConnection();
    setState(State::Closed);
}

void TcpSource::connectNow()
{
    if (!m_wanted)
        return;
    setState(State::Connecting);
    m_filter.reset();
    m_lastError.clear();
    qCDebug(lcTcp, "connecting to %s", qUtf8Printable(name()));
    // The timeout covers the lookup, then each address on its own.
    if (m_connectTimer.interval() > 0)
        m_connectTimer.start();
    m_step = Step::Resolving;

    // An address needs no lookup, and getaddrinfo() answers at once for one.
    addrinfo *list = nullptr;
    const QByteArray port = QByteArray::number(m_port);
    if (lookUp(m_host.toUtf8().constData(), port.constData(), AI_NUMERICHOST, &list) == 0) {
        connectToAddresses(std::shared_ptr<addrinfo>(list, freeAddresses));
        return;
    }
    // A host name. When a lookup from an earlier attempt is still running, its answer will do.
    if (!m_lookup)
        startLookup();
}

void TcpSource::startLookup()
{
    // No AI_ADDRCONFIG: every address is tried in turn anyway, and one of a family without a
    // route fails at connect() at once. IDN names go to the resolver in ACE form, as in QHostInfo.
    QByteArray host = QUrl::toAce(m_host);
    if (host.isEmpty())
        host = m_host.toUtf8();
    auto lookup = std::make_shared<Lookup>();
    lookup->owner = this;
    try {
        std::thread([lookup, host, port = QByteArray::number(m_port)] {
            addrinfo *list = nullptr;
            const int status = lookUp(host.constData(), port.constData(), 0, &list);
            const int systemError = errno;
            const std::shared_ptr<addrinfo> addresses(list, freeAddresses);
            const std::lock_guard guard(lookup->mutex);
            if (TcpSource *owner = lookup->owner) {
                QMetaObject::invokeMethod(
                    owner,
                    [owner, status, systemError, addresses] {
                        owner->lookupFinished(status, systemError, addresses);
                    },
                    Qt::QueuedConnection);
            }
        }).detach();
    } catch (const std::system_error &e) {
        dropAndRetry(Error::ConnectionLost, qt_error_string(e.code().value()));
        return;
    }
    m_lookup = std::move(lookup);
}

void TcpSource::lookupFinished(int status, int systemError, std::shared_ptr<addrinfo> addresses)
{
    m_lookup.reset();
    // Closed, or timed out meanwhile: the next attempt looks the name up anew.
    if (!m_wanted || m_step != Step::Resolving)
        return;
    if (status == 0) {
        connectToAddresses(std::move(addresses));
        return;
    }
    // A name that does not resolve may resolve later (DNS, mDNS after a reboot): keep trying.
    dropAndRetry(isNotFound(status) ? Error::NotFound : Error::ConnectionLost,
        status == EAI_SYSTEM ? qt_error_string(systemError)
                             : QString::fromLocal8Bit(::gai_strerror(status)));
}

void TcpSource::connectToAddresses(std::shared_ptr<addrinfo> addresses)
{
    m_addresses = std::move(addresses);
    m_nextAddress = m_addresses.get();
    connectNextAddress();
}

void TcpSource::connectNextAddress()
{
    m_connection.reset();
    while (const addrinfo *address = m_nextAddress) {
        m_nextAddress = address->ai_next;
        const int fd = ::socket(address->ai_family,
            address->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, address->ai_protocol);
        if (fd < 0) {
            m_lastError = qt_error_string(errno);
            continue;
        }
        qCDebug(
            lcTcp, "%s: trying %s", qUtf8Printable(name()), qUtf8Printable(addressText(address)));
        auto connection = std::make_unique<Connection>(fd);
        const int result = ::connect(fd, address->ai_addr, address->ai_addrlen);
        const int error = result == 0 ? 0 : errno;
        if (result == 0) {
            m_connection = std::move(connection);
            handleConnected();
            return;
        }
        // POSIX: an interrupted connect() goes on asynchronously, like a non-blocking one.
        if (error == EINPROGRESS || error == EINTR) {
            m_connection = std::move(connection);
            m_connection->watch(QSocketNotifier::Write, this, &TcpSource::finishConnecting);
            m_step = Step::Connecting;
            if (m_connectTimer.interval() > 0)
                m_connectTimer.start();
            return;
        }
        m_lastError = qt_error_string(error);
        qCDebug(lcTcp, "%s: %s", qUtf8Printable(name()), qUtf8Printable(m_lastError));
    }
    // Every address failed: the last one's reason stands for all.
    dropAndRetry(
        Error::ConnectionLost, m_lastError.isEmpty() ? QStringLiteral("no address") : m_lastError);
}

void TcpSource::finishConnecting()
{
    int error = 0;
    socklen_t length = sizeof error;
    if (::getsockopt(m_connection->fd(), SOL_SOCKET, SO_ERROR, &error, &length) != 0)
        error = errno;
    if (error == 0) {
        handleConnected();
        return;
    }
    m_lastError = qt_error_string(error);
    qCDebug(lcTcp, "%s: %s", qUtf8Printable(name()), qUtf8Printable(m_lastError));
    connectNextAddress();
}

void TcpSource::handleConnectTimeout()
{
    const double seconds = m_connectTimer.interval() / 1000.0;
    if (m_step == Step::Resolving) {
        dropAndRetry(Error::ConnectionLost,
            QStringLiteral("no answer from the host name lookup within %1 s").arg(seconds));
        return;
    }
    // A silently dropped SYN (say an IPv6 route to nowhere) must not hide the next address.
    m_lastError = QStringLiteral("no connection within %1 s").arg(seconds);
    if (m_nextAddress)
        connectNextAddress();
    else
        dropAndRetry(Error::ConnectionLost, m_lastError);
}

void TcpSource::handleConnected()
{
    m_connectTimer.stop();
    m_step = Step::Connected;
    const int fd = m_connection->fd();
    // Probes after 60 s of silence, dead after three more unanswered ones: catches a half-open
    // connection when the idle timeout is off (the kernel's default waits two hours).
    const int on = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on);
#if defined(TCP_KEEPIDLE) && defined(TCP_KEEPINTVL) && defined(TCP_KEEPCNT)
    const int idle = 60;
    const int interval = 10;
    const int count = 3;
    ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &idle, sizeof idle);
    ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &interval, sizeof interval);
    ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &count, sizeof count);
#endif
    m_connection->watch(QSocketNotifier::Read, this, &TcpSource::readAvailable);
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
    // One read() per wake-up in the usual case (a telegram is about 1 kB); a flood is taken in
    // bounded helpings so that other events still get their turn. Nothing is ever written.
    constexpr qsizetype kChunk = 4096;
    constexpr qsizetype kMostPerWakeUp = 16 * kChunk;
    const Connection *connection = m_connection.get();
    QByteArray raw;
    qsizetype used = 0;
    bool closedByPeer = false;
    int error = 0;
    while (used < kMostPerWakeUp) {
        raw.resize(used + kChunk);
        const ssize_t n = ::read(connection->fd(), raw.data() + used, size_t(kChunk));
        if (n > 0) {
            used += qsizetype(n);
            if (n < kChunk)
                break; // drained; the notifier fires again should more have come meanwhile
        } else if (n == 0) {
            closedByPeer = true;
            break;
        } else if (errno != EINTR) {
            if (errno != EAGAIN && errno != EWOULDBLOCK)
                error = errno;
            break;
        }
    }
    raw.truncate(used);
    // Bytes that came before the end are delivered first: the framer decides what they are worth.
    if (!raw.isEmpty()) {
        if (m_idleTimeout.count() > 0)
            m_idleTimer.start(m_idleTimeout);
        // Bytes alone do not end an outage: a dongle that sends a little and hangs up would
        // reset the back-off every time. telegramAccepted() does.
        const QByteArray data = m_telnet ? m_filter.filter(raw) : raw;
        if (!data.isEmpty())
            Q_EMIT dataReceived(data);
    }
    if (!closedByPeer && error == 0)
        return;
    // A receiver of dataReceived() may have closed (or reopened) the source meanwhile.
    if (m_connection.get() != connection)
        return;
    dropAndRetry(Error::ConnectionLost,
        closedByPeer ? QStringLiteral("closed by the remote end") : qt_error_string(error));
}

void TcpSource::telegramAccepted()
{
    // A connection that delivers valid telegrams is a good one: the next outage starts the
    // back-off anew.
    m_backoff = m_initialBackoff;
    if (!m_outageReported)
        return;
    m_outageReported = false;
    const QString line = m_repeats.filter(QStringLiteral("%1: telegrams again").arg(name()));
    if (!line.isEmpty())
        qCInfo(lcTcp).noquote() << line;
}

void TcpSource::dropAndRetry(Error error, const QString &detail)
{
    if (!m_wanted || m_retryTimer.isActive())
        return;
    const std::chrono::milliseconds delay = m_backoff;
    m_backoff = std::min(m_backoff * 2, m_maximumBackoff);
    m_retryTimer.start(delay);
    m_connectTimer.stop();
    m_idleTimer.stop();
    abortConnection();
    setState(State::Connecting);
    if (!m_outageReported) {
        m_outageReported = true;
        // Outages that each end with a telegram can still come every few seconds.
        const QString line =
            m_repeats.filter(QStringLiteral("%1: %2; reconnecting").arg(name(), detail));
        if (!line.isEmpty())
            qCWarning(lcTcp).noquote() << line;
        Q_EMIT errorOccurred(error, detail);
    } else {
        qCDebug(lcTcp, "%s: %s; retry in %lld ms", qUtf8Printable(name()), qUtf8Printable(detail),
            qlonglong(delay.count()));
    }
}

void TcpSource::abortConnection()
{
    m_connection.reset();
    m_addresses.reset();
    m_nextAddress = nullptr;
    m_step = Step::Idle;
}

} // namespace p1
