#include "commandline.h"

#include "gcmdecryptor.h"
#include "keyinput.h"
#include "logging.h"
#include "textconv.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <cmath>
#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace p1 {

namespace {

// Seconds as given on the command line ("15", "0.5") to milliseconds; nullopt when not a
// non-negative number.
std::optional<std::chrono::milliseconds> seconds(const QString &text)
{
    bool ok = false;
    const double s = text.toDouble(&ok);
    if (!ok || !std::isfinite(s) || s < 0 || s > 86400)
        return std::nullopt;
    return std::chrono::milliseconds(qint64(std::llround(s * 1000)));
}

// A default for --help and QCommandLineOption: whole seconds as the options take them.
QString secondsText(std::chrono::milliseconds ms)
{
    return QString::number(double(ms.count()) / 1000.0);
}

} // namespace

std::optional<Options> CommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Reads a P1 smart meter and publishes it on Venus OS D-Bus "
                                        "as a grid meter and gas and water pulse meters."));
    const QCommandLineOption help = parser.addHelpOption();
    // Not addVersionOption(): it takes -v, which is --verbose here.
    const QCommandLineOption version(u"version"_s, tr("Displays version information."));
    const QCommandLineOption decode(u"decode"_s,
        tr("Decode a capture of P1 data (a file, or - for standard input) and print one JSON "
           "object per telegram. Exit status 0 when the input was read to its end, whatever it "
           "held; 1 when it could not be read."),
        tr("FILE|-"));
    const QCommandLineOption detect(u"detect"_s,
        tr("Look for a P1 meter on the serial ports given as arguments (every serial port when "
           "none are), read-only, trying 115200 and 9600 baud for --probe-timeout each, all ports "
           "at once. Prints one JSON object per port and line: port, found, baud, version, ident, "
           "equipmentId, gas, crcOk, noCrc, rejected, bytes, and error when the port could not be "
           "read. Exit status 0 when a meter was found, 1 when none."));
    const QCommandLineOption dbus(u"dbus"_s,
        tr("The bus to publish on: system, session or a bus address (default: system)."), tr("BUS"),
        u"system"_s);
    const Options defaults;
    const QCommandLineOption timeout(u"timeout"_s,
        tr("Seconds without a valid telegram before the values go invalid; on a serial port the "
           "daemon then exits (default: %1).")
            .arg(secondsText(defaults.timeout)),
        tr("S"), secondsText(defaults.timeout));
    const QCommandLineOption probeTimeout(u"probe-timeout"_s,
        tr("Seconds per baud rate to wait for a first valid telegram on a serial port before "
           "giving the port back (default: %1).")
            .arg(secondsText(defaults.sourceOptions.probeWindow)),
        tr("S"), secondsText(defaults.sourceOptions.probeWindow));
    const QCommandLineOption settingsTimeout(u"settings-timeout"_s,
        tr("Seconds to wait for the settings service before using the default device instance "
           "(default: %1).")
            .arg(secondsText(defaults.settingsTimeout)),
        tr("S"), secondsText(defaults.settingsTimeout));
    const QCommandLineOption gasService(u"gas-service"_s,
        tr("How to publish the gas meter: pulsemeter (shows in the Venus device list), gasmeter "
           "(for scripts only: Venus shows it nowhere) or none (default: pulsemeter)."),
        tr("KIND"), u"pulsemeter"_s);
    const QCommandLineOption waterService(u"water-service"_s,
        tr("How to publish the water meters: pulsemeter or none (default: pulsemeter)."),
        tr("KIND"), u"pulsemeter"_s);
    const QCommandLineOption baud(u"baud"_s,
        tr("Serial baud rate: auto (115200, then 9600), 115200 (DSMR 4/5) or 9600 (DSMR 2.2/3.0) "
           "(default: auto)."),
        tr("RATE"), u"auto"_s);
    const QCommandLineOption replaySpeed(u"replay-speed"_s,
        tr("For file: sources, how fast to replay: 1 is the meter's own pace, 0 as fast as "
           "possible (default: 1)."),
        tr("X"), u"1"_s);
    const QCommandLineOption verbose(
        {u"v"_s, u"verbose"_s}, tr("Log every telegram and every D-Bus change (debug)."));
    const QCommandLineOption propertiesChanged(u"properties-changed"_s,
        tr("Also send a PropertiesChanged signal on every changed path, for listeners that do not "
           "follow ItemsChanged (Venus needs only ItemsChanged; off by default)."));
    for (const auto *o :
        {&version, &decode, &detect, &dbus, &timeout, &probeTimeout, &settingsTimeout, &gasService,
            &waterService, &baud, &replaySpeed, &propertiesChanged, &verbose})
        parser.addOption(*o);
    const QCommandLineOption key(u"key"_s,
        tr("The meter's encryption key (Luxembourg, Austria: from the grid operator): 32 hex "
           "digits, or a file holding them."),
        tr("KEY"));
    const QCommandLineOption authKey(u"auth-key"_s,
        tr("The meter's authentication key, when it is not the usual "
           "00112233445566778899AABBCCDDEEFF: 32 hex digits, or a file holding them."),
        tr("KEY"));
    parser.addOption(key);
    parser.addOption(authKey);
    parser.addPositionalArgument(u"SOURCE"_s,
        tr("Where the meter is: /dev/ttyUSB0 (or ttyUSB0), tcp://HOST:PORT, file:PATH or sim: (a "
           "simulated meter)."),
        tr("SOURCE"));

    // parse(), not process(): process() exits with status 1 on an error, and 1 is kept for the
    // daemon's "no meter found".
    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        return std::nullopt;
    }
    if (parser.isSet(help))
        parser.showHelp(0);
    if (parser.isSet(version)) {
        std::printf("%s %s\n", qPrintable(QCoreApplication::applicationName()),
            qPrintable(QCoreApplication::applicationVersion()));
        std::exit(0);
    }

    Options options;
    const QStringList positional = parser.positionalArguments();
    // The keys apply to every mode: the daemon, --decode and --detect.
    const auto readKey = [&parser](const QCommandLineOption &o) -> std::optional<AesKey> {
        QString error;
        std::optional<AesKey> k = readAesKey(parser.value(o), &error);
        if (!k)
            printError(u"--%1: "_s.arg(o.names().constFirst()) + error);
        return k;
    };
    if (parser.isSet(key) && !(options.keys.key = readKey(key)))
        return std::nullopt;
    if (options.keys.key) {
        // Loaded only for an encrypted meter (gcmdecryptor.cpp): said now, not per telegram.
        std::string why;
        if (!GcmDecryptor::loadLibrary(&why)) {
            printError(tr("--key needs OpenSSL's libcrypto.so.3: %1").arg(toQString(why)));
            return std::nullopt;
        }
    }
    if (parser.isSet(authKey)) {
        const std::optional<AesKey> ak = readKey(authKey);
        if (!ak)
            return std::nullopt;
        options.keys.authKey = *ak;
    }
    if (parser.isSet(detect)) {
        if (parser.isSet(decode)) {
            printError(tr("--detect and --decode do not go together"));
            return std::nullopt;
        }
        const auto window = seconds(parser.value(probeTimeout));
        if (!window || window->count() == 0) {
            printError(tr("--probe-timeout: '%1' is not a number of seconds above 0")
                           .arg(parser.value(probeTimeout)));
            return std::nullopt;
        }
        options.mode = Options::Mode::Detect;
        options.detectPorts = positional;
        options.sourceOptions.probeWindow = *window;
        options.verbose = parser.isSet(verbose);
        return options;
    }
    if (parser.isSet(decode)) {
        if (!positional.isEmpty()) {
            printError(
                tr("unexpected argument '%1': --decode reads one FILE (or - for standard input)")
                    .arg(positional.constFirst()));
            return std::nullopt;
        }
        options.mode = Options::Mode::Decode;
        options.decodeSource = parser.value(decode);
        return options;
    }
    if (positional.isEmpty()) {
        printError(tr("no SOURCE given: name a serial port (/dev/ttyUSB0), tcp://HOST:PORT, "
                      "file:PATH or sim: "
                      "(see --help)"));
        return std::nullopt;
    }
    if (positional.size() > 1) {
        printError(tr("unexpected argument '%1': give one SOURCE").arg(positional.at(1)));
        return std::nullopt;
    }
    options.source = positional.constFirst();

    const auto checkSeconds = [&](const QCommandLineOption &o, std::chrono::milliseconds &out,
                                  bool allowZero) {
        const auto ms = seconds(parser.value(o));
        if (!ms || (!allowZero && ms->count() == 0)) {
            const QString name = o.names().constFirst();
            printError(allowZero
                    ? tr("--%1: '%2' is not a number of seconds").arg(name, parser.value(o))
                    : tr("--%1: '%2' is not a number of seconds above 0")
                          .arg(name, parser.value(o)));
            return false;
        }
        out = *ms;
        return true;
    };
    if (!checkSeconds(timeout, options.timeout, false)
        || !checkSeconds(probeTimeout, options.sourceOptions.probeWindow, false)
        || !checkSeconds(settingsTimeout, options.settingsTimeout, true))
        return std::nullopt;

    options.dbus = parser.value(dbus);
    if (options.dbus.isEmpty()) {
        printError(tr("--dbus: give system, session or a bus address"));
        return std::nullopt;
    }
    const QString gas = parser.value(gasService);
    if (gas == u"gasmeter"_s)
        options.gasService = GasService::GasMeter;
    else if (gas == u"pulsemeter"_s)
        options.gasService = GasService::PulseMeter;
    else if (gas == u"none"_s)
        options.gasService = GasService::None;
    else {
        printError(tr("--gas-service: '%1' is not one of gasmeter, pulsemeter, none").arg(gas));
        return std::nullopt;
    }
    const QString water = parser.value(waterService);
    if (water == u"pulsemeter"_s)
        options.waterService = WaterService::PulseMeter;
    else if (water == u"none"_s)
        options.waterService = WaterService::None;
    else {
        printError(tr("--water-service: '%1' is not one of pulsemeter, none").arg(water));
        return std::nullopt;
    }
    const auto baudMode = SerialSource::parseBaudMode(parser.value(baud));
    if (!baudMode) {
        printError(tr("--baud: '%1' is not one of auto, 115200, 9600").arg(parser.value(baud)));
        return std::nullopt;
    }
    options.sourceOptions.baudMode = *baudMode;
    bool ok = false;
    const double speed = parser.value(replaySpeed).toDouble(&ok);
    options.sourceOptions.replaySpeed = speed;
    if (!ok || speed < 0 || !std::isfinite(speed)) {
        printError(
            tr("--replay-speed: '%1' is not a speed (0 = as fast as possible, 1 = real time)")
                .arg(parser.value(replaySpeed)));
        return std::nullopt;
    }
    options.propertiesChanged = parser.isSet(propertiesChanged);
    options.verbose = parser.isSet(verbose);
    return options;
}

} // namespace p1
