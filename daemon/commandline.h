#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace p1 {

/// What `dbus-p1` was asked to do, read from its command line with QCommandLineParser.
///
/// This build has one working mode, `--decode FILE|-` (offline decoding of a capture). The live
/// daemon (SOURCE, --dbus, --timeout, ...) is not built yet: asking for it is reported as such,
/// not faked.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    /// Exit status for a command line this build cannot act on: an unknown option, a missing
    /// argument, or a mode that does not exist yet. Distinct from 1, which the daemon will use
    /// for "no meter found" (serial-starter probing).
    static constexpr int kUsageError = 2;

    QString decodeSource; ///< FILE, or "-" for standard input

    /// Parses \a arguments (argv, program name first). Answers --help and --version itself
    /// (prints, exits 0). On an error prints it to stderr and returns nullopt: exit with
    /// kUsageError.
    [[nodiscard]] static std::optional<CommandLine> parse(const QStringList &arguments);
};

} // namespace p1
