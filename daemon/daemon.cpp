#include "daemon.h"

#include "decodecommand.h"
#include "detectcommand.h"
#include "logging.h"
#include "mediator.h"
#include "signalwatcher.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTimer>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace p1 {

using namespace Qt::StringLiterals;

namespace {

// Loads a catalogue for the system locale and installs it; false when there is none for it.
bool installTranslator(QTranslator &translator, const QString &catalogue, const QString &folder)
{
    if (!translator.load(QLocale(), catalogue, u"_"_s, folder))
        return false;
    QCoreApplication::installTranslator(&translator);
    return true;
}

} // namespace

void Daemon::prepareProcess()
{
#ifdef __GLIBC__
    // One malloc arena: QtDBus's connection thread would otherwise get an arena of its own,
    // over a megabyte of peak RSS for a few kB of messages (tests/bench p1-daemon-budget). The
    // two threads hardly ever allocate at the same time.
    if (!qEnvironmentVariableIsSet("MALLOC_ARENA_MAX"))
        mallopt(M_ARENA_MAX, 1);
#endif
    // Qt's own poll() event loop instead of GLib's, which the daemon has no use for: less RSS
    // for the same CPU per wake-up.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
}

Daemon::Daemon()
{
    // What a person reads follows the system locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG): the
    // help, command-line errors, --decode errors and --detect progress. The catalogues are
    // embedded (:/i18n). Log lines stay English: they are not tr()'d, and a log is read by
    // whoever gets the bug report. Venus sets no LANG, so there the daemon speaks English.
    const bool translated = installTranslator(m_daemonCatalogue, u"dbus-p1"_s, u":/i18n"_s);
    installTranslator(m_coreCatalogue, u"p1core"_s, u":/i18n"_s);
    // Qt's own texts (QCommandLineParser's "Usage:", "Options:") only beside ours, else a locale
    // we have no catalogue for would get a help half in English, half in that language.
    if (translated)
        installTranslator(
            m_qtCatalogue, u"qtbase"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
}

int Daemon::run(const Options &options)
{
    switch (options.mode) {
    case Options::Mode::Decode:
        return DecodeCommand(options.decodeSource, options.keys).run();
    case Options::Mode::Detect:
        // Progress lines say what each port did; the components' own log lines only with -v.
        qSetMessagePattern(u"%{category}: %{message}"_s);
        QLoggingCategory::setFilterRules(options.verbose ? u"p1.*.debug=true"_s : u"p1.*=false"_s);
        return DetectCommand(options.detectPorts, options.sourceOptions.probeWindow, options.keys)
            .run();
    case Options::Mode::Run:
        break;
    }
    return runMediator(options);
}

int Daemon::runMediator(const Options &options)
{
    // multilog adds the timestamps; keep lines short (Venus keeps 100 kB of log).
    qSetMessagePattern(u"%{if-warning}W %{endif}%{if-critical}E %{endif}%{category}: %{message}"_s);
    QLoggingCategory::setFilterRules(
        options.verbose ? u"p1.*.debug=true"_s : u"p1.*.debug=false"_s);

    SourceFactory::Result source = SourceFactory::create(options.source, options.sourceOptions);
    if (!source.ok()) {
        printError(source.message);
        return Mediator::kExitUsage;
    }

    Mediator mediator(options, std::move(source.source));
    SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested,
        QCoreApplication::instance(), [&mediator](int) {
            mediator.stop();
            QCoreApplication::exit(Mediator::kExitStopped);
        });
    QObject::connect(&mediator, &Mediator::finished, QCoreApplication::instance(),
        [](int code) { QCoreApplication::exit(code); });
    QTimer::singleShot(0, &mediator, &Mediator::start);
    return QCoreApplication::exec();
}

} // namespace p1
