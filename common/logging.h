#pragma once

// Where dbus-p1 and p1-monitor write what they do.
//
// Log lines go through Qt's logging categories, one per component, declared here and defined
// once (logging.cpp), so a category name means one thing and QT_LOGGING_RULES or the daemon's
// -v can pick a component ("p1.serial.debug=true"). The daemon prints "<category>: <message>"
// to multilog; the names are part of what a user greps for in the Venus logs, so they stay short
// and stable:
//
//   p1.serial    SerialSource: opening the port, baud rate detection, unplugging
//   p1.tcp       TcpSource: connecting, reconnect back-off, idle timeouts
//   p1.file      FileSource: replaying a capture
//   p1.sim       SimulatorSource
//   p1.detect    PortDetector: which port has a meter
//   p1.dbus      the Venus D-Bus export: MeterService, BusItemTree, BusItemExport
//   p1.settings  SettingsClient: the instance and settings from localsettings
//   p1.daemon    the daemon's mediator: the first telegram, timeouts, exit reasons
//   p1.monitor   p1-monitor's session: rejected telegrams, source errors
//
// Text for a person at a terminal (command-line errors, --detect progress) is not logging: it
// goes to stderr with printError(), in the user's language, whatever the logging rules say.

#include <QHash>
#include <QLoggingCategory>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>

Q_DECLARE_LOGGING_CATEGORY(lcSerial)
Q_DECLARE_LOGGING_CATEGORY(lcTcp)
Q_DECLARE_LOGGING_CATEGORY(lcFile)
Q_DECLARE_LOGGING_CATEGORY(lcSim)
Q_DECLARE_LOGGING_CATEGORY(lcDetect)
Q_DECLARE_LOGGING_CATEGORY(lcDbus)
Q_DECLARE_LOGGING_CATEGORY(lcSettings)
Q_DECLARE_LOGGING_CATEGORY(lcDaemon)
Q_DECLARE_LOGGING_CATEGORY(lcMonitor)

namespace p1 {

/// Writes "<application name>: <message>" and a newline to stderr and flushes it, so the line
/// is out before the program exits or blocks.
void printError(const QString &message);

/// Keeps a run of identical log lines from filling Venus's 100 kB log: the first of a line is
/// logged, the repeats within the window after it are only counted, and the first repeat after
/// the window is logged with the count ("<line>; 37 more times in the last 10 min"), which opens
/// the next window. flush() hands out the counts of lines that stopped repeating, for a caller with
/// a timer of its own, or at the end of the condition they were about.
///
/// The clock is injectable so that a test needs no sleep. Lines are compared whole: give it
/// the text as it would be logged. At most kMaxLines different lines are tracked at a time;
/// beyond that every line is let through (a burst of all-different lines is no repeat).
class RepeatLimiter
{
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;
    static constexpr int kMaxLines = 32;

    explicit RepeatLimiter(std::chrono::milliseconds window = std::chrono::minutes(10),
        Clock clock = &std::chrono::steady_clock::now);

    /// One occurrence of \a line: the text to log now, or an empty string to log nothing.
    [[nodiscard]] QString filter(const QString &line);
    /// "... 37 more times in the last 10 min: <line>" for every line with repeats held back whose
    /// window has passed (with \a all, whether it has passed or not), and forgets them.
    [[nodiscard]] QStringList flush(bool all = false);

private:
    struct Entry
    {
        std::chrono::steady_clock::time_point since; ///< when the line was last logged
        quint64 held = 0; ///< repeats counted since then
    };
    [[nodiscard]] QString span(std::chrono::steady_clock::time_point since) const;
    void forgetExpired(std::chrono::steady_clock::time_point now);

    std::chrono::milliseconds m_window;
    Clock m_clock;
    QHash<QString, Entry> m_lines;
};

} // namespace p1
