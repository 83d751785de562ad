#pragma once

#include "options.h"

#include <QTranslator>

namespace p1 {

/// The dbus-p1 program around the Mediator: the process set-up, the catalogues, and what each
/// Options::Mode runs. main() creates the application, one Daemon, parses and runs.
class Daemon
{
public:
    /// Before the QCoreApplication exists: what the process runs on (malloc, event loop).
    static void prepareProcess();

    /// Installs the catalogues for the system locale (needs the QCoreApplication).
    Daemon();
    Daemon(const Daemon &) = delete;
    Daemon &operator=(const Daemon &) = delete;

    /// Runs \a options' mode to its end and returns the exit status.
    [[nodiscard]] int run(const Options &options);

private:
    int runMediator(const Options &options);

    QTranslator m_daemonCatalogue;
    QTranslator m_coreCatalogue;
    QTranslator m_qtCatalogue;
};

} // namespace p1
