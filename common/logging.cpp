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

} // namespace p1
