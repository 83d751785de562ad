#include "detectcommand.h"

#include "logging.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace p1 {

namespace {

// The keys in the order people read them; QJsonObject would sort them ("baud" before "port").
constexpr const char *kKeyOrder[] = {"port", "found", "baud", "version", "ident", "equipmentId",
    "gas", "encrypted", "crcOk", "noCrc", "rejected", "bytes", "error", "errorDetail"};

QByteArray jsonLine(const QJsonObject &object)
{
    QByteArray line = "{";
    for (const char *key : kKeyOrder) {
        const auto it = object.constFind(QLatin1StringView(key));
        if (it == object.constEnd())
            continue;
        // One value as compact JSON: serialise it as a one-element array and drop the brackets.
        const QByteArray value =
            QJsonDocument(QJsonArray {it.value()}).toJson(QJsonDocument::Compact);
        if (line.size() > 1)
            line += ',';
        line += '"';
        line += key;
        line += "\":";
        line += value.mid(1, value.size() - 2);
    }
    line += '}';
    return line;
}

} // namespace

DetectCommand::DetectCommand(
    QStringList ports, std::chrono::milliseconds probeWindow, DecryptionKeys keys)
    : m_ports(std::move(ports))
    , m_window(probeWindow)
    , m_keys(keys)
{ }

QJsonObject DetectCommand::toJson(const PortDetector::Result &r)
{
    const auto textOrNull = [&r](const QString &text) {
        return r.found && !text.isEmpty() ? QJsonValue(text) : QJsonValue(QJsonValue::Null);
    };
    QJsonObject o {
        {u"port"_s, r.port},
        {u"found"_s, r.found},
        {u"baud"_s, r.found && r.baudRate > 0 ? QJsonValue(r.baudRate) : QJsonValue()},
        {u"version"_s, textOrNull(r.version)},
        {u"ident"_s, textOrNull(r.ident)},
        {u"equipmentId"_s, textOrNull(r.equipmentId)},
        {u"gas"_s, r.gasSeen},
        {u"encrypted"_s, r.encrypted},
        {u"crcOk"_s, r.crcOk},
        {u"noCrc"_s, r.noCrc},
        {u"rejected"_s, r.rejected},
        {u"bytes"_s, qint64(r.bytes)},
    };
    if (r.error) {
        o.insert(u"error"_s, QString::fromLatin1(Source::errorName(*r.error)));
        o.insert(u"errorDetail"_s, r.errorDetail);
    }
    return o;
}

int DetectCommand::run()
{
    PortDetector detector;
    detector.setProbeWindow(m_window);
    detector.setTelegramsWanted(kTelegramsWanted);
    detector.setKeys(m_keys);

    QEventLoop loop;
    int total = 0;
    QObject::connect(&detector, &PortDetector::started, &loop, [&total, &detector](int ports) {
        total = ports;
        if (ports == 0)
            printError(tr("no serial ports to scan"));
        else
            printError(tr("scanning %n port(s) for a P1 meter, at most %L1 s", nullptr, ports)
                           .arg(double(detector.deadline().count()) / 1000.0));
    });
    QObject::connect(&detector, &PortDetector::portFinished, &loop,
        [&detector, &total](const PortDetector::Result &result) {
            int done = 0;
            for (const PortDetector::Result &r : detector.results())
                done += r.done ? 1 : 0;
            printError(u"[%1/%2] "_s.arg(done).arg(total) + PortDetector::describe(result));
        });
    QObject::connect(&detector, &PortDetector::finished, &loop, &QEventLoop::quit);
    // start() may finish at once (no ports): only then is the loop not needed.
    detector.start(m_ports);
    if (detector.isRunning())
        loop.exec();

    int found = 0;
    for (const PortDetector::Result &result : detector.results()) {
        found += result.found || result.encrypted ? 1 : 0;
        const QByteArray line = jsonLine(toJson(result));
        std::fwrite(line.constData(), 1, std::size_t(line.size()), stdout);
        std::fputc('\n', stdout);
    }
    std::fflush(stdout);
    printError(
        found > 0 ? tr("P1 meter found on %n port(s)", nullptr, found) : tr("no P1 meter found"));
    return found > 0 ? kExitFound : kExitNotFound;
}

} // namespace p1
