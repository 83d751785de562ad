#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

namespace p1 {

/// What `dbus-p1` was asked to do, read from its command line with QCommandLineParser.
///
/// `dbus-p1 [options] SOURCE` runs the daemon; `--decode FILE|-` decodes a capture offline;
/// `--detect [PORT...]` looks for a meter on serial ports (installers).
/// Every value is checked here, so a wrong option is reported with its name before anything
/// starts.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    /// Exit status for a command line we cannot act on. Distinct from 1, which the daemon uses
    /// for "no meter found" (serial-starter probing).
    static constexpr int kUsageError = 2;

    enum class Mode
    {
        Run,
        Decode,
        Detect
    };
    enum class GasService
    {
        GasMeter,
        PulseMeter,
        None
    };

    Mode mode = Mode::Run;
    QString decodeSource; ///< FILE, or "-" for standard input
    QStringList detectPorts; ///< --detect: the ports to scan; empty = every serial port
    QString source; ///< /dev/ttyUSB0, ttyUSB0, tcp://HOST:PORT, file:PATH, sim:
    QString dbus = QStringLiteral("system");
    std::chrono::milliseconds timeout {15000};
    std::chrono::milliseconds probeTimeout {12000};
    std::chrono::milliseconds settingsTimeout {30000};
    GasService gasService = GasService::GasMeter;
    QString baud = QStringLiteral("auto");
    double replaySpeed = 1.0;
    bool verbose = false;

    /// Parses \a arguments (argv, program name first). Answers --help and --version itself
    /// (prints, exits 0). On an error prints it to stderr and returns nullopt: exit with
    /// kUsageError.
    [[nodiscard]] static std::optional<CommandLine> parse(const QStringList &arguments);
};

} // namespace p1
