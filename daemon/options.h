#pragma once

#include "gcmdecryptor.h"
#include "io/sourcefactory.h"
#include "venus/servicecontract.h"

#include <QString>
#include <QStringList>

#include <chrono>

namespace p1 {

/// Everything dbus-p1 can be told, with its defaults: CommandLine::parse() fills it once from
/// argv, main() hands it on, the Mediator and SourceFactory read their parts. --help shows
/// these defaults; the probe window per baud rate is SerialSource::kDefaultProbeWindow.
struct Options
{
    enum class Mode
    {
        Run, ///< read SOURCE and publish it on D-Bus
        Decode, ///< --decode FILE|-
        Detect, ///< --detect [PORT...]
    };

    static constexpr std::chrono::milliseconds kDefaultTimeout {15000};
    static constexpr std::chrono::milliseconds kDefaultSettingsTimeout {30000};

    Mode mode = Mode::Run;
    QString decodeSource; ///< FILE, or "-" for standard input
    QStringList detectPorts; ///< --detect: the ports to scan; empty = every serial port
    QString source; ///< /dev/ttyUSB0, ttyUSB0, tcp://HOST:PORT, file:PATH, sim:
    SourceOptions sourceOptions; ///< --baud, --probe-timeout (per baud rate), --replay-speed
    QString dbus = QStringLiteral("system"); ///< "system", "session" or a bus address
    /// No valid telegram for this long: values invalid; on a serial port the daemon exits.
    std::chrono::milliseconds timeout = kDefaultTimeout;
    /// How long to wait for com.victronenergy.settings before using the default instance.
    std::chrono::milliseconds settingsTimeout = kDefaultSettingsTimeout;
    GasService gasService = GasService::PulseMeter;
    WaterService waterService = WaterService::PulseMeter;
    /// --key, --auth-key: an encrypted meter's keys (run, --decode and --detect).
    DecryptionKeys keys;
    /// --properties-changed: a PropertiesChanged per changed path besides the one ItemsChanged.
    bool propertiesChanged = false;
    bool verbose = false;

    /// The probe on a serial port lasts one probe window per rate: auto tries 115200 and 9600.
    [[nodiscard]] int baudRatesToTry() const noexcept
    {
        return sourceOptions.baudMode == SerialSource::BaudMode::Auto ? 2 : 1;
    }
};

} // namespace p1
