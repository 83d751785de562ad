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

#include <QLoggingCategory>

class QString;

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

} // namespace p1
