#include "commandline.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace p1 {

namespace {

void printError(const QString &message)
{
    std::fprintf(
        stderr, "%s: %s\n", qPrintable(QCoreApplication::applicationName()), qPrintable(message));
}

} // namespace

std::optional<CommandLine> CommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Reads a P1 smart meter and publishes it on Venus OS D-Bus.\n"
           "This version decodes captures only (--decode); the live daemon is not built yet."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption decode(u"decode"_s,
        tr("Decode a capture of P1 data (a file, or - for standard input) and print one JSON "
           "object per telegram."),
        tr("FILE|-"));
    parser.addOption(decode);

    // parse(), not process(): process() exits with status 1 on an error, and 1 is kept for the
    // daemon's "no meter found".
    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        return std::nullopt;
    }
    if (parser.isSet(help))
        parser.showHelp(0);
    if (parser.isSet(version))
        parser.showVersion();

    if (!parser.isSet(decode)) {
        printError(tr("the live daemon (reading a meter and publishing on D-Bus) is not built "
                      "yet; this version only decodes captures: %1 --decode FILE|-")
                       .arg(QCoreApplication::applicationName()));
        return std::nullopt;
    }
    const QStringList extra = parser.positionalArguments();
    if (!extra.isEmpty()) {
        printError(tr("unexpected argument '%1': --decode reads one FILE (or - for standard "
                      "input)")
                       .arg(extra.constFirst()));
        return std::nullopt;
    }

    CommandLine options;
    options.decodeSource = parser.value(decode);
    return options;
}

} // namespace p1
