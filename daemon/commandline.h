#pragma once

#include "options.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

namespace p1 {

/// Reads what `dbus-p1` was asked to do from its command line (QCommandLineParser) into
/// Options.
///
/// `dbus-p1 [options] SOURCE` runs the daemon; `--decode FILE|-` decodes a capture offline;
/// `--detect [PORT...]` looks for a meter on serial ports (installers).
/// Every value is checked here, so a wrong option is reported with its name before anything
/// starts.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    /// Parses \a arguments (argv, program name first). Answers --help and --version itself
    /// (prints, exits 0). On an error prints it to stderr and returns nullopt: exit with
    /// Mediator::kExitUsage (not 1, which the daemon uses for "no meter found").
    [[nodiscard]] static std::optional<Options> parse(const QStringList &arguments);
};

} // namespace p1
