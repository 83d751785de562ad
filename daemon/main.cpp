#include "commandline.h"
#include "decodecommand.h"
#include "detectcommand.h"
#include "mediator.h"
#include "signalwatcher.h"

#include "io/sourcefactory.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

#ifdef __GLIBC__
#include <malloc.h>
#endif

using namespace Qt::StringLiterals;

namespace {

p1::Mediator::Config mediatorConfig(const p1::CommandLine &options)
{
    p1::Mediator::Config c;
    c.timeout = options.timeout;
    c.probeTimeout = options.probeTimeout;
    c.baudRatesToTry = options.baud == u"auto"_s ? 2 : 1;
    c.settingsTimeout = options.settingsTimeout;
    c.dbus = options.dbus;
    c.version = QCoreApplication::applicationVersion();
    switch (options.gasService) {
    case p1::CommandLine::GasService::GasMeter:
        c.gasService = p1::Mediator::GasService::GasMeter;
        break;
    case p1::CommandLine::GasService::PulseMeter:
        c.gasService = p1::Mediator::GasService::PulseMeter;
        break;
    case p1::CommandLine::GasService::None:
        c.gasService = p1::Mediator::GasService::None;
        break;
    }
    return c;
}

p1::SourceOptions sourceOptions(const p1::CommandLine &options)
{
    p1::SourceOptions s;
    s.baudMode =
        p1::SerialSource::parseBaudMode(options.baud).value_or(p1::SerialSource::BaudMode::Auto);
    s.probeWindow = options.probeTimeout;
    s.replaySpeed = options.replaySpeed;
    return s;
}

// Loads a catalogue for the system locale and installs it; false when there is none for it.
bool installTranslator(QTranslator &translator, const QString &catalogue, const QString &folder)
{
    if (!translator.load(QLocale(), catalogue, u"_"_s, folder))
        return false;
    QCoreApplication::installTranslator(&translator);
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
#ifdef __GLIBC__
    // One malloc arena: QtDBus's connection thread would get an arena of its own, 1.3 MB of
    // peak RSS for a few kB of messages (p1-daemon-budget: VmHWM 15.6 -> 14.3 MB on Debian 12).
    // The two threads hardly ever allocate at the same time.
    if (!qEnvironmentVariableIsSet("MALLOC_ARENA_MAX"))
        mallopt(M_ARENA_MAX, 1);
#endif
    // Qt's own poll() event loop instead of GLib's, which the daemon has no use for: 0.3 MB less
    // RSS (p1-daemon-budget); its CPU per wake-up is the same within this machine's noise.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"dbus-p1"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(P1_VERSION));

    // What a person reads follows the system locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG): the
    // help, command-line errors, --decode errors and --detect progress. The catalogues are
    // embedded (:/i18n). Log lines stay English: they are not tr()'d, and a log is read by
    // whoever gets the bug report. Venus sets no LANG, so there the daemon speaks English.
    QTranslator daemonCatalogue;
    QTranslator coreCatalogue;
    QTranslator qtCatalogue;
    const bool translated = installTranslator(daemonCatalogue, u"dbus-p1"_s, u":/i18n"_s);
    installTranslator(coreCatalogue, u"p1core"_s, u":/i18n"_s);
    // Qt's own texts (QCommandLineParser's "Usage:", "Options:") only beside ours, else a locale
    // we have no catalogue for would get a help half in English, half in that language.
    if (translated)
        installTranslator(
            qtCatalogue, u"qtbase"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath));

    const std::optional<p1::CommandLine> options =
        p1::CommandLine::parse(QCoreApplication::arguments());
    if (!options)
        return p1::CommandLine::kUsageError;
    if (options->mode == p1::CommandLine::Mode::Decode)
        return p1::DecodeCommand(options->decodeSource).run();

    if (options->mode == p1::CommandLine::Mode::Detect) {
        // Progress lines say what each port did; the components' own log lines only with -v.
        qSetMessagePattern(u"%{category}: %{message}"_s);
        QLoggingCategory::setFilterRules(options->verbose ? u"p1.*.debug=true"_s : u"p1.*=false"_s);
        return p1::DetectCommand(options->detectPorts, options->probeTimeout).run();
    }

    // multilog adds the timestamps; keep lines short (Venus keeps 100 kB of log).
    qSetMessagePattern(u"%{if-warning}W %{endif}%{if-critical}E %{endif}%{category}: %{message}"_s);
    QLoggingCategory::setFilterRules(
        options->verbose ? u"p1.*.debug=true"_s : u"p1.*.debug=false"_s);

    p1::SourceFactory::Result source =
        p1::SourceFactory::create(options->source, sourceOptions(*options));
    if (!source.ok()) {
        std::fprintf(stderr, "dbus-p1: %s\n", qPrintable(source.message));
        return p1::CommandLine::kUsageError;
    }

    p1::Mediator mediator(mediatorConfig(*options), std::move(source.source));
    p1::SignalWatcher signalWatcher;
    QObject::connect(
        &signalWatcher, &p1::SignalWatcher::terminationRequested, &app, [&mediator](int) {
            mediator.stop();
            QCoreApplication::exit(p1::Mediator::kExitStopped);
        });
    QObject::connect(
        &mediator, &p1::Mediator::finished, &app, [](int code) { QCoreApplication::exit(code); });
    QTimer::singleShot(0, &mediator, &p1::Mediator::start);
    return app.exec();
}
