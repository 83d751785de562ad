#include "commandline.h"
#include "daemon.h"
#include "mediator.h"

#include <QCoreApplication>

// Everything but the application object lives in the p1daemon library, where tests reach it.
int main(int argc, char *argv[])
{
    p1::Daemon::prepareProcess();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("dbus-p1"));
    QCoreApplication::setApplicationVersion(QStringLiteral(P1_VERSION));
    p1::Daemon daemon;
    const std::optional<p1::Options> options =
        p1::CommandLine::parse(QCoreApplication::arguments());
    return options ? daemon.run(*options) : p1::Mediator::kExitUsage;
}
