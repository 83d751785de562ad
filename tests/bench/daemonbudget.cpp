// p1-daemon-budget: the daemon's budgets of DESIGN.md §7, measured end to end on the real
// dbus-p1 binary.
//
// The program plays the meter and the Venus consumer around one daemon:
// - a private dbus-daemon of its own (temporary config, never the machine's buses);
// - a pty pair of its own: it writes telegrams on the master, the daemon reads the slave as a
//   serial port at 115200 baud;
// - the daemon under Victron's service limits, as the Venus run script's `softlimit -d 100000000
//   -s 1000000 -a 100000000` sets them (setrlimit in the child before exec, checked in
//   /proc/PID/limits);
// - a listener on the grid service's ItemsChanged, and one counting every BusItem signal it sends.
// It writes changing DSMR 5 three-phase telegrams with gas from SimulatedMeter (one simulated
// second per telegram, so every telegram changes the published values) and measures:
// - latency: from right after the write() of a telegram's last byte to the arrival of its
//   ItemsChanged here (the daemon's work, the bus's routing and our own wake-up: an upper bound
//   of the daemon's part). Telegrams and signals are paired in order, checked by /Ac/L1/Power;
// - CPU per telegram: the daemon's CPU time over the measured telegrams, from the utime+stime
//   clock ticks of /proc/PID/stat and, precisely, from the nanoseconds of every thread's
//   /proc/PID/task/TID/schedstat;
// - memory: VmHWM (peak RSS), VmRSS and VmPeak (peak address space, under the limit) at the end.
//
// Exit status: 0 every figure within its budget, 1 a figure over it (reported; timing on a shared
// machine is not a test, so CI prints this and does not fail on it), 2 the measurement could not
// be made: no bus, no pty, the daemon would not start, died, published nothing, or did not stop
// cleanly (exit status 0) on SIGTERM. A deadline (--deadline, 60 s unless the run needs more)
// bounds everything; the daemon and the bus are killed on every way out.

#include "io/simulatedmeter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusVariant>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <memory>
#include <optional>
#include <poll.h>
#include <pty.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <termios.h>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

// Budgets (DESIGN.md §7) and the Venus service limits (daemon/venus/service/dbus-p1/run).
constexpr qint64 kAddressSpaceLimit = 100000000; // softlimit -a (and -d), bytes
constexpr qint64 kStackLimit = 1000000; // softlimit -s, bytes
constexpr qint64 kPeakRssBudget = 14000000; // bytes
constexpr double kCpuBudgetUs = 300;
constexpr double kLatencyBudgetMs = 5;
constexpr double kWireByteUs = 10 * 1e6 / 115200; // 8N1 at 115200 baud

constexpr int kExitOk = 0;
constexpr int kExitOver = 1;
constexpr int kExitSetup = 2;

/// SIGINT/SIGTERM: the first asks the run to stop (the event loop wakes, the run fails and cleans
/// up); a second kills the children at once (kill() is async-signal-safe) and leaves.
std::atomic<bool> g_interrupted {false};
std::atomic<pid_t> g_daemonPid {0};
std::atomic<pid_t> g_busPid {0};

extern "C" void onInterrupt(int)
{
    if (!g_interrupted.exchange(true))
        return;
    for (pid_t pid : {g_daemonPid.load(), g_busPid.load()})
        if (pid > 0)
            ::kill(pid, SIGKILL);
    ::_exit(kExitSetup);
}

/// What went wrong when the measurement cannot be made (exit 2).
struct SetupError
{
    QString message;
};

[[noreturn]] void fail(const QString &message)
{
    throw SetupError {message};
}

qint64 nowNs()
{
    timespec ts {};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

struct Options
{
    QString daemon;
    int telegrams = 300;
    int intervalMs = 50;
    int warmup = 5;
    int chunkBytes = 0; // 0: each telegram in one write()
    int deadlineS = 60;
    bool deadlineGiven = false;
    bool limits = true; // false: no Venus limits, for a profiler around the daemon
    bool verbose = false;
};

/// The daemon's CPU time so far: clock ticks of the whole process, nanoseconds summed over its
/// threads (-1 when the kernel has no schedstat).
struct CpuSample
{
    qint64 ticks = 0;
    qint64 ns = -1;
};

QByteArray readProcFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

CpuSample sampleCpu(qint64 pid)
{
    CpuSample s;
    const QByteArray stat = readProcFile(u"/proc/%1/stat"_s.arg(pid));
    // Fields after the command name "(...)": state is field 3, utime 14 and stime 15.
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        fail(u"cannot read /proc/%1/stat"_s.arg(pid));
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    if (fields.size() < 13)
        fail(u"unexpected /proc/%1/stat"_s.arg(pid));
    s.ticks = fields.at(11).toLongLong() + fields.at(12).toLongLong();

    const QDir tasks(u"/proc/%1/task"_s.arg(pid));
    qint64 ns = 0;
    bool any = false;
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QByteArray line = readProcFile(tasks.filePath(tid + u"/schedstat"_s));
        bool ok = false;
        const qint64 v = line.split(' ').value(0).toLongLong(&ok);
        if (ok) {
            ns += v;
            any = true;
        }
    }
    if (any)
        s.ns = ns;
    return s;
}

/// A "Key:   1234 kB" line of /proc/PID/status, in bytes; -1 when absent.
qint64 statusBytes(const QByteArray &status, const char *key)
{
    const QByteArray prefix = QByteArray(key) + ':';
    for (const QByteArray &line : status.split('\n'))
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong() * 1024;
    return -1;
}

QByteArray statusField(const QByteArray &status, const char *key)
{
    const QByteArray prefix = QByteArray(key) + ':';
    for (const QByteArray &line : status.split('\n'))
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed();
    return {};
}

/// The soft limit of one line of /proc/PID/limits ("Max address space  102400000  ... bytes").
QByteArray limitOf(const QByteArray &limits, const char *name)
{
    for (const QByteArray &line : limits.split('\n'))
        if (line.startsWith(name))
            return line.mid(qsizetype(std::strlen(name))).simplified().split(' ').value(0);
    return {};
}

/// The net L1 power a telegram carries (21.7.0 import minus 22.7.0 export), in W: what the
/// daemon publishes on /Ac/L1/Power, used to pair each ItemsChanged with its telegram.
double l1Power(const std::string &telegram)
{
    const auto value = [&](const char *obis) {
        const std::size_t at = telegram.find(obis);
        return at == std::string::npos
            ? 0.0
            : std::strtod(telegram.c_str() + at + std::strlen(obis), nullptr);
    };
    return (value("1-0:21.7.0(") - value("1-0:22.7.0(")) * 1000;
}

/// Nearest-rank percentile of sorted values.
double percentile(const std::vector<double> &sorted, double p)
{
    if (sorted.empty())
        return 0;
    const auto rank = std::size_t(std::ceil(p / 100 * double(sorted.size())));
    return sorted.at(std::clamp<std::size_t>(rank, 1, sorted.size()) - 1);
}

/// A telegram written and not yet seen published.
struct Pending
{
    qint64 lastByteNs = 0;
    double l1 = 0;
    bool l1Changed = false; ///< differs from the telegram before: its ItemsChanged must carry it
};

/// Receives the grid service's ItemsChanged (QtDBus delivers signals to named slots only).
class Listener : public QObject
{
    Q_OBJECT

public:
    std::deque<Pending> pending; ///< measured telegrams written, oldest first
    std::vector<double> latencyMs;
    int received = 0; ///< every ItemsChanged, warm-up included
    qint64 measuredPaths = 0; ///< paths in the measured ItemsChanged
    qint64 measuredSignals = 0; ///< every BusItem signal the daemon sent while measuring
    QMap<QString, int> pathCounts; ///< how often each path changed while measuring
    int unpaired = 0; ///< measured signals that matched no pending telegram
    int skipped = 0; ///< measured telegrams passed over by a later one's signal
    int l1Missing = 0; ///< signals without the /Ac/L1/Power their telegram changed
    bool measuring = false;

public Q_SLOTS:
    void onBusItemSignal(const QDBusMessage &)
    {
        if (measuring)
            ++measuredSignals;
    }

    void onItemsChanged(const QDBusMessage &message)
    {
        const qint64 arrived = nowNs();
        ++received;
        if (!measuring)
            return;
        // a{sa{sv}}: only /Ac/L1/Power matters here.
        std::optional<double> l1;
        const QDBusArgument items = message.arguments().value(0).value<QDBusArgument>();
        items.beginMap();
        while (!items.atEnd()) {
            QString path;
            QVariantMap properties;
            items.beginMapEntry();
            items >> path >> properties;
            items.endMapEntry();
            ++measuredPaths;
            ++pathCounts[path];
            if (path == u"/Ac/L1/Power")
                l1 = properties.value(u"Value"_s).toDouble();
        }
        items.endMap();

        // The first pending telegram this signal can be: written before it arrived and, when
        // L1 power changed, carrying that power. Telegrams before it published nothing.
        auto match = pending.end();
        for (auto it = pending.begin(); it != pending.end() && it->lastByteNs <= arrived; ++it)
            if (!l1 || std::abs(*l1 - it->l1) < 0.5) {
                match = it;
                break;
            }
        if (match == pending.end()) {
            ++unpaired;
            return;
        }
        skipped += int(match - pending.begin());
        if (!l1 && match->l1Changed)
            ++l1Missing;
        latencyMs.push_back(double(arrived - match->lastByteNs) / 1e6);
        pending.erase(pending.begin(), match + 1);
    }
};

/// Owns the private bus, the pty and the daemon, and cleans all of them up however we leave.
class Harness
{
public:
    explicit Harness(const Options &options)
        : m_options(options)
    { }

    ~Harness()
    {
        stopProcess(m_daemon, g_daemonPid, SIGKILL);
        if (m_listener)
            QDBusConnection::disconnectFromBus(u"p1-daemon-budget"_s);
        stopProcess(m_bus, g_busPid, SIGTERM);
        if (m_master >= 0)
            ::close(m_master);
        if (m_slave >= 0)
            ::close(m_slave);
    }
    Harness(const Harness &) = delete;
    Harness &operator=(const Harness &) = delete;

    int run();

private:
    void startBus();
    void openPty();
    void startDaemon();
    qint64 writeTelegram(const std::string &telegram);
    qint64 writeLast(const char *data, std::size_t size);
    void writeAll(const char *data, std::size_t size);
    /// Runs the event loop until \a done() or the monotonic time \a untilNs; fails when the
    /// daemon exits or the overall deadline passes.
    template<typename Done>
    bool waitFor(Done done, qint64 untilNs);
    void sleepUntil(qint64 untilNs)
    {
        waitFor([] { return false; }, untilNs);
    }
    [[nodiscard]] QString daemonLog() const { return QString::fromLocal8Bit(m_daemonErr); }
    static void stopProcess(QProcess &process, std::atomic<pid_t> &pid, int signal);

    Options m_options;
    qint64 m_deadlineNs = 0;
    QTemporaryDir m_dir;
    QProcess m_bus;
    QString m_address;
    QProcess m_daemon;
    QByteArray m_daemonErr;
    qint64 m_daemonPid = 0;
    int m_master = -1;
    int m_slave = -1;
    int m_preempted = 0; ///< measured telegrams whose write was preempted (see writeLast)
    QString m_port;
    QString m_service;
    std::unique_ptr<Listener> m_listener;
};

void Harness::stopProcess(QProcess &process, std::atomic<pid_t> &pid, int signal)
{
    if (process.state() != QProcess::NotRunning) {
        ::kill(pid_t(process.processId()), signal);
        if (!process.waitForFinished(3000)) {
            process.kill();
            process.waitForFinished(3000);
        }
    }
    pid = 0;
}

template<typename Done>
bool Harness::waitFor(Done done, qint64 untilNs)
{
    QTimer wake;
    wake.setTimerType(Qt::PreciseTimer);
    wake.setSingleShot(true);
    while (!done()) {
        if (m_daemon.state() == QProcess::NotRunning && m_daemonPid != 0)
            fail(u"the daemon exited (status %1) during the run; its log:\n%2"_s
                     .arg(m_daemon.exitCode())
                     .arg(daemonLog()));
        if (g_interrupted)
            fail(u"interrupted"_s);
        const qint64 now = nowNs();
        if (now >= m_deadlineNs)
            fail(u"deadline of %1 s passed"_s.arg(m_options.deadlineS));
        if (now >= untilNs)
            return false;
        const qint64 leftNs = std::min(untilNs, m_deadlineNs) - now;
        wake.start(int((leftNs + 999999) / 1000000));
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

void Harness::startBus()
{
    const QString dbusDaemon = QStandardPaths::findExecutable(u"dbus-daemon"_s);
    if (dbusDaemon.isEmpty())
        fail(u"dbus-daemon not found (apt install dbus-daemon)"_s);
    if (!m_dir.isValid())
        fail(u"cannot make a temporary directory"_s);
    // A bus of our own: listens in our temporary directory, allows everything, activates nothing.
    const QString config = m_dir.filePath(u"bus.conf"_s);
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        fail(u"cannot write %1"_s.arg(config));
    file.write(QStringLiteral(
        "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
        " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
        "<busconfig>\n"
        "  <type>session</type>\n"
        "  <listen>unix:dir=%1</listen>\n"
        "  <auth>EXTERNAL</auth>\n"
        "  <policy context=\"default\">\n"
        "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
        "    <allow eavesdrop=\"true\"/>\n"
        "    <allow own=\"*\"/>\n"
        "  </policy>\n"
        "</busconfig>\n")
                   .arg(m_dir.path())
                   .toUtf8());
    file.close();

    m_bus.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    m_bus.start(dbusDaemon, {u"--config-file="_s + config, u"--print-address"_s, u"--nofork"_s});
    if (!m_bus.waitForStarted(5000))
        fail(u"cannot start %1: %2"_s.arg(dbusDaemon, m_bus.errorString()));
    g_busPid = pid_t(m_bus.processId());
    QElapsedTimer t;
    t.start();
    while (!m_bus.canReadLine() && t.elapsed() < 5000 && m_bus.state() == QProcess::Running)
        m_bus.waitForReadyRead(int(5000 - t.elapsed()));
    m_address = QString::fromLocal8Bit(m_bus.readLine()).trimmed();
    if (m_address.isEmpty())
        fail(u"the private dbus-daemon printed no address: %1"_s.arg(
            QString::fromLocal8Bit(m_bus.readAllStandardError())));

    QDBusConnection bus = QDBusConnection::connectToBus(m_address, u"p1-daemon-budget"_s);
    if (!bus.isConnected())
        fail(u"cannot connect to the private bus %1: %2"_s.arg(
            m_address, bus.lastError().message()));
}

void Harness::openPty()
{
    // Raw from the start, so nothing is echoed or line-edited before the daemon opens the port.
    termios raw {};
    ::cfmakeraw(&raw);
    ::cfsetispeed(&raw, B115200);
    ::cfsetospeed(&raw, B115200);
    if (::openpty(&m_master, &m_slave, nullptr, &raw, nullptr) != 0)
        fail(u"openpty: %1"_s.arg(QString::fromLocal8Bit(std::strerror(errno))));
    // Neither end goes to the children; the slave stays open here so the master never sees a
    // hang-up, the master is non-blocking so a stuck daemon cannot stall us.
    ::fcntl(m_master, F_SETFD, FD_CLOEXEC);
    ::fcntl(m_slave, F_SETFD, FD_CLOEXEC);
    ::fcntl(m_master, F_SETFL, ::fcntl(m_master, F_GETFL) | O_NONBLOCK);
    const char *name = ::ttyname(m_slave);
    if (!name)
        fail(u"ttyname: %1"_s.arg(QString::fromLocal8Bit(std::strerror(errno))));
    m_port = QString::fromLocal8Bit(name);

    // The daemon names the service after the port's file name, sanitised (MeterService).
    QString element = QFileInfo(m_port).fileName();
    for (QChar &c : element)
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'_')
            c = u'_';
    m_service = u"com.victronenergy.grid.p1_"_s + element;
}

void Harness::startDaemon()
{
    m_listener = std::make_unique<Listener>();
    QDBusConnection bus(u"p1-daemon-budget"_s);
    if (!bus.connect(m_service, u"/"_s, u"com.victronenergy.BusItem"_s, u"ItemsChanged"_s,
            m_listener.get(), SLOT(onItemsChanged(QDBusMessage))))
        fail(u"cannot subscribe to ItemsChanged of %1"_s.arg(m_service));
    // Every signal on every path (QtDBus matches an empty name as any member): what the bus
    // daemon routes per telegram.
    if (!bus.connect(m_service, QString(), u"com.victronenergy.BusItem"_s, QString(),
            m_listener.get(), SLOT(onBusItemSignal(QDBusMessage))))
        fail(u"cannot subscribe to the signals of %1"_s.arg(m_service));

    if (!QFileInfo(m_options.daemon).isExecutable())
        fail(u"no daemon at %1 (build dbus-p1, or give --daemon PATH)"_s.arg(m_options.daemon));
    // The Venus run script's limits, set as softlimit sets them: in the child, before exec. The
    // daemon also dies with us.
    m_daemon.setChildProcessModifier([limits = m_options.limits] {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (!limits)
            return;
        const auto limit = [](int resource, rlim_t value) {
            const rlimit l {value, value};
            ::setrlimit(resource, &l);
        };
        limit(RLIMIT_AS, rlim_t(kAddressSpaceLimit));
        limit(RLIMIT_DATA, rlim_t(kAddressSpaceLimit));
        limit(RLIMIT_STACK, rlim_t(kStackLimit));
    });
    QObject::connect(&m_daemon, &QProcess::readyReadStandardError, &m_daemon,
        [this] { m_daemonErr += m_daemon.readAllStandardError(); });
    // No settings service on this bus: settings timeout 0 uses the default device instance
    // at once instead of waiting 30 s.
    const QStringList arguments {
        u"--dbus"_s, m_address, u"--baud"_s, u"115200"_s, u"--settings-timeout"_s, u"0"_s, m_port};
    m_daemon.start(m_options.daemon, arguments);
    if (!m_daemon.waitForStarted(5000))
        fail(u"cannot start %1: %2"_s.arg(m_options.daemon, m_daemon.errorString()));
    m_daemonPid = m_daemon.processId();
    g_daemonPid = pid_t(m_daemonPid);
    if (m_options.verbose)
        std::printf("daemon: %s %s (pid %lld)\n", qPrintable(m_options.daemon),
            qPrintable(arguments.join(u' ')), m_daemonPid);
}

void Harness::writeAll(const char *data, std::size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(m_master, data, size);
        if (n > 0) {
            data += n;
            size -= std::size_t(n);
            continue;
        }
        if (n < 0 && errno != EAGAIN && errno != EINTR)
            fail(u"write to the pty: %1"_s.arg(QString::fromLocal8Bit(std::strerror(errno))));
        // The pty is full: the daemon is not reading. Wait a little for room, not forever.
        pollfd p {m_master, POLLOUT, 0};
        if (::poll(&p, 1, 1000) == 0)
            fail(u"the daemon does not read the pty (1 s without room to write)"_s);
    }
}

/// Writes the last piece of a telegram; returns when its last byte went out: the time right
/// after write(). The write wakes the daemon, and on a busy machine the scheduler may run it
/// before us: a preemption between write() and reading the clock would make the latency look
/// shorter than it is. So when this thread was switched out involuntarily meanwhile, the time
/// right before write() is taken instead (an upper bound of the latency), and counted.
qint64 Harness::writeLast(const char *data, std::size_t size)
{
    rusage before {};
    rusage after {};
    ::getrusage(RUSAGE_THREAD, &before);
    const qint64 start = nowNs();
    writeAll(data, size);
    const qint64 end = nowNs();
    ::getrusage(RUSAGE_THREAD, &after);
    if (after.ru_nivcsw == before.ru_nivcsw)
        return end;
    ++m_preempted;
    return start;
}

/// Writes one telegram as a meter would: in one write(), or with --chunk-bytes in pieces at the
/// pace of the 115200 baud line. Returns the time its last byte was written.
qint64 Harness::writeTelegram(const std::string &telegram)
{
    if (m_options.chunkBytes <= 0)
        return writeLast(telegram.data(), telegram.size());
    const qint64 start = nowNs();
    std::size_t at = 0;
    for (;;) {
        const std::size_t n = std::min(telegram.size() - at, std::size_t(m_options.chunkBytes));
        // A chunk leaves when its last byte would have arrived over the line.
        sleepUntil(start + qint64(double(at + n) * kWireByteUs * 1000));
        if (at + n == telegram.size())
            return writeLast(telegram.data() + at, n);
        writeAll(telegram.data() + at, n);
        at += n;
    }
}

struct Row
{
    QString figure;
    QString measured;
    QString budget;
    std::optional<bool> ok; // nullopt: for information
};

int Harness::run()
{
    const qint64 started = nowNs();
    // The default deadline (60 s) grows when the run itself needs longer (--interval-ms 1000).
    const qint64 needMs =
        qint64(m_options.telegrams + m_options.warmup + 10) * std::max(m_options.intervalMs, 1)
        + 30000;
    if (!m_options.deadlineGiven && needMs > qint64(m_options.deadlineS) * 1000)
        m_options.deadlineS = int((needMs + 999) / 1000);
    m_deadlineNs = started + qint64(m_options.deadlineS) * 1000000000;

    startBus();
    openPty();
    startDaemon();

    p1::SimulatedMeter meter(20260615, 1781517600); // a June day, 10:00 UTC: PV and load
    const qint64 intervalNs = qint64(m_options.intervalMs) * 1000000;
    std::size_t telegramBytes = 0;
    const auto nextTelegram = [&] {
        meter.advance(1000); // one meter second per telegram, however fast we send them
        std::string t = meter.telegram();
        telegramBytes = t.size();
        return t;
    };

    // Warm-up: telegrams until the grid service's first ItemsChanged (port opened, service
    // registered, name claimed), then a few more, then a pause for their signals.
    qint64 next = nowNs();
    const qint64 firstBy = next + 20000000000LL;
    while (m_listener->received == 0) {
        if (nowNs() > firstBy)
            fail(u"no ItemsChanged from %1 within 20 s; the daemon's log:\n%2"_s.arg(
                m_service, daemonLog()));
        writeTelegram(nextTelegram());
        next += intervalNs;
        waitFor([&] { return m_listener->received > 0; }, next);
    }
    for (int i = 0; i < m_options.warmup; ++i) {
        sleepUntil(next);
        writeTelegram(nextTelegram());
        next += intervalNs;
    }
    sleepUntil(next + std::max<qint64>(3 * intervalNs, 200000000));

    // Measurement.
    const CpuSample cpuBefore = sampleCpu(m_daemonPid);
    const CpuSample busBefore = sampleCpu(m_bus.processId());
    m_listener->measuring = true;
    m_preempted = 0;
    double lastL1 = 0;
    next = nowNs();
    for (int i = 0; i < m_options.telegrams; ++i) {
        sleepUntil(next);
        const std::string telegram = nextTelegram();
        const qint64 lastByte = writeTelegram(telegram);
        const double l1 = l1Power(telegram);
        m_listener->pending.push_back({lastByte, l1, i > 0 && l1 != lastL1});
        lastL1 = l1;
        next += intervalNs;
    }
    waitFor([&] { return m_listener->pending.empty(); },
        nowNs() + std::max<qint64>(2 * intervalNs, 1000000000));
    const CpuSample cpuAfter = sampleCpu(m_daemonPid);
    const CpuSample busAfter = sampleCpu(m_bus.processId());
    m_listener->measuring = false;
    const int lost = int(m_listener->pending.size()) + m_listener->skipped;

    const QByteArray status = readProcFile(u"/proc/%1/status"_s.arg(m_daemonPid));
    const QByteArray limits = readProcFile(u"/proc/%1/limits"_s.arg(m_daemonPid));
    const qint64 hwm = statusBytes(status, "VmHWM");
    const qint64 rss = statusBytes(status, "VmRSS");
    const qint64 vmPeak = statusBytes(status, "VmPeak");
    const QByteArray threads = statusField(status, "Threads");
    const QByteArray asLimit = limitOf(limits, "Max address space");
    const QByteArray stackLimit = limitOf(limits, "Max stack size");
    if (m_options.limits
        && (asLimit != QByteArray::number(kAddressSpaceLimit)
            || stackLimit != QByteArray::number(kStackLimit)))
        fail(u"the daemon does not run under the limits (address space %1, stack %2)"_s.arg(
            QString::fromLatin1(asLimit), QString::fromLatin1(stackLimit)));

    // Stop: SIGTERM must end the daemon with status 0.
    ::kill(pid_t(m_daemonPid), SIGTERM);
    const bool stopped = m_daemon.waitForFinished(5000);
    const int stopStatus = m_daemon.exitStatus() == QProcess::NormalExit ? m_daemon.exitCode() : -1;
    m_daemonErr += m_daemon.readAllStandardError();
    m_daemonPid = 0;
    g_daemonPid = 0;
    if (!stopped)
        fail(u"the daemon did not stop within 5 s of SIGTERM"_s);

    const int published = int(m_listener->latencyMs.size());
    if (published == 0)
        fail(u"no measured telegram was published; the daemon's log:\n%1"_s.arg(daemonLog()));
    // Figures of a daemon that does not publish what the telegrams say would describe some other
    // workload (a broken build publishes next to nothing): not a measurement.
    if (m_listener->l1Missing > published / 10)
        fail(u"%1 of %2 ItemsChanged lack the /Ac/L1/Power their telegram changed: the daemon "
             "does not publish the telegrams' values"_s.arg(m_listener->l1Missing)
                 .arg(published));

    std::vector<double> latency = m_listener->latencyMs;
    std::sort(latency.begin(), latency.end());
    const double tick = double(::sysconf(_SC_CLK_TCK));
    const double cpuTicksUs = double(cpuAfter.ticks - cpuBefore.ticks) * 1e6 / tick / published;
    const bool precise = cpuBefore.ns >= 0 && cpuAfter.ns >= 0;
    const double cpuNsUs = precise ? double(cpuAfter.ns - cpuBefore.ns) / 1e3 / published : 0;
    const double busUs = busBefore.ns >= 0 && busAfter.ns >= 0
        ? double(busAfter.ns - busBefore.ns) / 1e3 / published
        : double(busAfter.ticks - busBefore.ticks) * 1e6 / tick / published;

    const auto mb = [](qint64 bytes) { return u"%1 MB"_s.arg(double(bytes) / 1e6, 0, 'f', 2); };
    const auto us = [](double v) { return u"%1 us"_s.arg(v, 0, 'f', 1); };
    const auto ms = [](double v) { return u"%1 ms"_s.arg(v, 0, 'f', 3); };
    const QString latencyBudget = u"<= %1 ms"_s.arg(kLatencyBudgetMs);
    std::vector<Row> rows {
        {u"runs under the limits (AS 100 MB, stack 1 MB)"_s,
            u"%1/%2 published, exit %3"_s.arg(published).arg(m_options.telegrams).arg(stopStatus),
            u"runs, exit 0"_s, stopStatus == 0},
        {u"peak RSS (VmHWM)"_s, mb(hwm), u"<= 14 MB"_s, hwm >= 0 && hwm <= kPeakRssBudget},
        {u"RSS at the end (VmRSS)"_s, mb(rss), QString(), std::nullopt},
        {u"  of it anonymous (RssAnon: heap, stacks)"_s, mb(statusBytes(status, "RssAnon")),
            QString(), std::nullopt},
        {u"  of it file-backed (RssFile: code, libraries)"_s, mb(statusBytes(status, "RssFile")),
            QString(), std::nullopt},
        {u"peak address space (VmPeak)"_s, mb(vmPeak), u"<= 100 MB"_s,
            vmPeak >= 0 && vmPeak <= kAddressSpaceLimit},
        {u"CPU per telegram (schedstat, ns)"_s, precise ? us(cpuNsUs) : u"n/a"_s, u"<= 300 us"_s,
            precise ? std::optional<bool>(cpuNsUs <= kCpuBudgetUs) : std::nullopt},
        {u"CPU per telegram (utime+stime, %1 ms ticks)"_s.arg(1000 / tick), us(cpuTicksUs),
            precise ? QString() : u"<= 300 us"_s,
            precise ? std::nullopt : std::optional<bool>(cpuTicksUs <= kCpuBudgetUs)},
        {u"paths changed per telegram (mean)"_s,
            u"%1"_s.arg(double(m_listener->measuredPaths) / published, 0, 'f', 1), QString(),
            std::nullopt},
        {u"D-Bus signals per telegram (mean)"_s,
            u"%1"_s.arg(double(m_listener->measuredSignals) / published, 0, 'f', 1), QString(),
            std::nullopt},
        {u"dbus-daemon CPU per telegram"_s, us(busUs), QString(), std::nullopt},
        {u"latency min"_s, ms(latency.front()), QString(), std::nullopt},
        {u"latency median"_s, ms(percentile(latency, 50)), QString(), std::nullopt},
        {u"latency p95"_s, ms(percentile(latency, 95)), QString(), std::nullopt},
        {u"latency p99"_s, ms(percentile(latency, 99)), latencyBudget,
            percentile(latency, 99) <= kLatencyBudgetMs},
        {u"latency max"_s, ms(latency.back()), QString(), std::nullopt},
    };

    std::printf("p1-daemon-budget: %d telegrams of %zu bytes every %d ms (%s), after %d warm-up\n",
        m_options.telegrams, telegramBytes, m_options.intervalMs,
        m_options.chunkBytes > 0
            ? qPrintable(u"%1-byte chunks at 115200 baud pace"_s.arg(m_options.chunkBytes))
            : "one write() each",
        m_options.warmup);
    std::printf("daemon %s on %s, service %s, %s threads; limits: address space %s, stack %s\n",
        qPrintable(m_options.daemon), qPrintable(m_port), qPrintable(m_service),
        threads.constData(), asLimit.constData(), stackLimit.constData());
    if (m_preempted > 0)
        std::printf("writes preempted (latency from before the write): %d\n", m_preempted);
    if (lost > 0 || m_listener->unpaired > 0)
        std::printf("telegrams without an ItemsChanged: %d; signals paired with no telegram: %d\n",
            lost, m_listener->unpaired);
    std::printf("\n%-46s %-28s %-12s %s\n", "figure", "measured", "budget", "");
    bool allOk = true;
    for (const Row &r : rows) {
        if (r.ok && !*r.ok)
            allOk = false;
        std::printf("%-46s %-28s %-12s %s\n", qPrintable(r.figure), qPrintable(r.measured),
            qPrintable(r.budget), r.ok ? (*r.ok ? "ok" : "OVER") : "");
    }
    std::printf("\nlatency: write() of the last byte -> ItemsChanged received here; p99 is held "
                "to the budget\n");
    if (m_options.verbose) {
        std::printf("\npaths changed while measuring (times):\n");
        for (auto it = m_listener->pathCounts.cbegin(); it != m_listener->pathCounts.cend(); ++it)
            std::printf("  %-32s %d\n", qPrintable(it.key()), it.value());
        std::printf("\ndaemon log:\n%s", qPrintable(daemonLog()));
    }
    std::fflush(stdout);
    if (stopStatus != 0)
        fail(u"the daemon exited with %1 on SIGTERM (expected 0); its log:\n%2"_s.arg(stopStatus)
                 .arg(daemonLog()));
    return allOk ? kExitOk : kExitOver;
}

std::optional<Options> parseOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Measures dbus-p1's budgets (DESIGN.md §7) under the Venus "
                                     "service limits, on a private bus and a pty. Exit status 0: "
                                     "within budget, 1: over budget, 2: could not measure."_s);
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption daemon(
        u"daemon"_s, u"The dbus-p1 binary (default: dbus-p1 next to this program)."_s, u"PATH"_s);
    const QCommandLineOption telegrams(
        u"telegrams"_s, u"Telegrams to measure (default: 300)."_s, u"N"_s, u"300"_s);
    const QCommandLineOption interval(u"interval-ms"_s,
        u"Milliseconds between telegrams (default: 50; a real DSMR 5 meter: 1000)."_s, u"MS"_s,
        u"50"_s);
    const QCommandLineOption warmup(u"warmup"_s,
        u"Telegrams after the first published one that are not measured (default: 5)."_s, u"N"_s,
        u"5"_s);
    const QCommandLineOption chunk(u"chunk-bytes"_s,
        u"Write each telegram in chunks of this many bytes at the pace of a 115200 baud line, "
        "as a UART delivers it (default: 0, the whole telegram in one write())."_s,
        u"N"_s, u"0"_s);
    const QCommandLineOption deadline(u"deadline"_s,
        u"Seconds for the whole run (default: 60, more when the run needs it)."_s, u"S"_s, u"60"_s);
    const QCommandLineOption noLimits(u"no-limits"_s,
        u"Run the daemon without the Venus service limits, for a profiler wrapped around it "
        "(--daemon a script that execs valgrind --tool=callgrind dbus-p1 \"$@\": valgrind needs "
        "more address space). The memory figures then describe the profiler."_s);
    const QCommandLineOption verbose({u"v"_s, u"verbose"_s}, u"Print the daemon's log too."_s);
    parser.addOptions({daemon, telegrams, interval, warmup, chunk, deadline, noLimits, verbose});
    // parse(), not process(): process() exits with 1 on a bad option, and 1 means over budget.
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "p1-daemon-budget: %s\n", qPrintable(parser.errorText()));
        return std::nullopt;
    }
    if (parser.isSet(help))
        parser.showHelp(0);
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "p1-daemon-budget: unexpected argument '%s'\n",
            qPrintable(parser.positionalArguments().constFirst()));
        return std::nullopt;
    }

    Options o;
    o.daemon = parser.isSet(daemon) ? parser.value(daemon)
                                    : QCoreApplication::applicationDirPath() + u"/dbus-p1"_s;
    const auto number = [&](const QCommandLineOption &option, int low, int &out) {
        bool ok = false;
        out = parser.value(option).toInt(&ok);
        if (!ok || out < low) {
            std::fprintf(stderr, "p1-daemon-budget: --%s: '%s' is not a number >= %d\n",
                qPrintable(option.names().constFirst()), qPrintable(parser.value(option)), low);
            return false;
        }
        return true;
    };
    if (!number(telegrams, 1, o.telegrams) || !number(interval, 1, o.intervalMs)
        || !number(warmup, 0, o.warmup) || !number(chunk, 0, o.chunkBytes)
        || !number(deadline, 1, o.deadlineS))
        return std::nullopt;
    o.deadlineGiven = parser.isSet(deadline);
    o.limits = !parser.isSet(noLimits);
    o.verbose = parser.isSet(verbose);
    return o;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"p1-daemon-budget"_s);
    const std::optional<Options> options = parseOptions(QCoreApplication::arguments());
    if (!options)
        return kExitSetup;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    std::signal(SIGPIPE, SIG_IGN);
    try {
        Harness harness(*options);
        return harness.run();
    } catch (const SetupError &e) {
        std::fflush(stdout);
        std::fprintf(stderr, "p1-daemon-budget: %s\n", qPrintable(e.message));
        return kExitSetup;
    }
}

#include "daemonbudget.moc"
