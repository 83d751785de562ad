#include "logging.h"

#include <QCoreApplication>
#include <QString>

#include <cstdio>

Q_LOGGING_CATEGORY(lcSerial, "p1.serial")
Q_LOGGING_CATEGORY(lcTcp, "p1.tcp")
Q_LOGGING_CATEGORY(lcFile, "p1.file")
Q_LOGGING_CATEGORY(lcSim, "p1.sim")
Q_LOGGING_CATEGORY(lcDetect, "p1.detect")
Q_LOGGING_CATEGORY(lcDbus, "p1.dbus")
Q_LOGGING_CATEGORY(lcSettings, "p1.settings")
Q_LOGGING_CATEGORY(lcDaemon, "p1.daemon")
Q_LOGGING_CATEGORY(lcMonitor, "p1.monitor")

namespace p1 {

void printError(const QString &message)
{
    std::fprintf(
        stderr, "%s: %s\n", qPrintable(QCoreApplication::applicationName()), qPrintable(message));
    std::fflush(stderr);
}

RepeatLimiter::RepeatLimiter(std::chrono::milliseconds window, Clock clock)
    : m_window(window)
    , m_clock(std::move(clock))
{ }

QString RepeatLimiter::span(std::chrono::steady_clock::time_point since) const
{
    // The window the count covers, in the unit a person reads it in.
    const auto elapsed =
        std::chrono::duration_cast<std::chrono::seconds>(m_clock() - since).count();
    if (elapsed >= 120)
        return QStringLiteral("%1 min").arg(elapsed / 60);
    return QStringLiteral("%1 s").arg(elapsed);
}

void RepeatLimiter::forgetExpired(std::chrono::steady_clock::time_point now)
{
    // Lines whose window passed without a repeat need no memory: the next one is a first again.
    for (auto it = m_lines.begin(); it != m_lines.end();) {
        if (it->held == 0 && now - it->since >= m_window)
            it = m_lines.erase(it);
        else
            ++it;
    }
}

QString RepeatLimiter::filter(const QString &line)
{
    const auto now = m_clock();
    const auto it = m_lines.find(line);
    if (it == m_lines.end()) {
        forgetExpired(now);
        if (m_lines.size() < kMaxLines)
            m_lines.insert(line, Entry {now, 0});
        return line;
    }
    if (now - it->since < m_window) {
        ++it->held;
        return QString();
    }
    QString out = line;
    if (it->held > 0)
        out += QStringLiteral("; %1 more times in the last %2").arg(it->held).arg(span(it->since));
    *it = Entry {now, 0};
    return out;
}

QStringList RepeatLimiter::flush(bool all)
{
    const auto now = m_clock();
    QStringList out;
    for (auto it = m_lines.begin(); it != m_lines.end();) {
        if (it->held > 0 && (all || now - it->since >= m_window)) {
            out << QStringLiteral("... %1 more times in the last %2: %3")
                       .arg(it->held)
                       .arg(span(it->since), it.key());
            it = m_lines.erase(it);
        } else {
            ++it;
        }
    }
    out.sort(); // a stable order for the log and the tests
    return out;
}

} // namespace p1
