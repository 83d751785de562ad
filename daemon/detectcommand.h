#pragma once

#include "io/portdetector.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

#include <chrono>

namespace p1 {

/// `dbus-p1 --detect [PORT...]`, for installers: which serial port has a P1 meter on it?
///
/// Runs a PortDetector over \a ports (every serial port of the machine, QSerialPortInfo, when
/// none are given): read-only, both baud rates (115200, then 9600) for one probe window each,
/// all ports in parallel, so the whole scan ends within PortDetector::deadline() however many
/// ports there are. A port is done early once kTelegramsWanted valid telegrams arrived.
///
/// Output: one JSON object per port and line on stdout, in the order of the ports, when the scan
/// has ended (JSON lines, like --decode):
/// `{"port": "ttyUSB0", "found": true, "baud": 115200, "version": "50", "ident":
/// "ISK5\\2M550T-1012",
///   "equipmentId": "E0043007...", "gas": true, "crcOk": 2, "noCrc": 0, "rejected": 0,
///   "bytes": 2310}`; with "found": false, baud/version/ident/equipmentId are null; "version" is
/// null for DSMR 2.2/3.0 meters, which send none (their telegrams count in noCrc); "error"
/// ("busy", "not found", "permission denied", ...) and "errorDetail" appear when the port could
/// not be read; "encrypted": true when the meter sends encrypted telegrams (with --key they are
/// decrypted and counted like any other; without, the port is reported as an encrypted P1
/// meter, not found). Progress goes to stderr, one line per finished port.
///
/// Exit status: kExitFound when a meter was found on at least one port (an encrypted one without
/// its key included: it is there), kExitNotFound otherwise (no ports, or no meter on any).
class DetectCommand
{
    Q_DECLARE_TR_FUNCTIONS(DetectCommand)

public:
    static constexpr int kExitFound = 0;
    static constexpr int kExitNotFound = 1;
    /// Valid telegrams after which a port is done: the first says "meter", the second that it
    /// keeps talking (and gives crcOk some meaning) without making a DSMR 4 scan (10 s interval)
    /// outlast the deadline.
    static constexpr int kTelegramsWanted = 2;

    DetectCommand(
        QStringList ports, std::chrono::milliseconds probeWindow, DecryptionKeys keys = {});

    /// Scans, prints, returns the exit status. Runs its own event loop.
    [[nodiscard]] int run();

    /// One port's result as the JSON object printed for it.
    [[nodiscard]] static QJsonObject toJson(const PortDetector::Result &result);

private:
    QStringList m_ports;
    std::chrono::milliseconds m_window;
    DecryptionKeys m_keys;
};

} // namespace p1
