#include "commandline.h"
#include "decodecommand.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"dbus-p1"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(P1_VERSION));

    const std::optional<p1::CommandLine> options =
        p1::CommandLine::parse(QCoreApplication::arguments());
    if (!options)
        return p1::CommandLine::kUsageError;
    return p1::DecodeCommand(options->decodeSource).run();
}
