#include "sourcefactory.h"

#include "filesource.h"
#include "simulatorsource.h"
#include "tcpsource.h"

namespace p1 {

namespace {

SourceFactory::Spec failure(SourceFactory::Error error, const QString &detail)
{
    SourceFactory::Spec spec;
    spec.error = error;
    spec.detail = detail;
    return spec;
}

SourceFactory::Spec parseTcp(const QString &rest)
{
    using E = SourceFactory::Error;
    QString host;
    QString port;
    if (rest.startsWith(QLatin1Char('['))) {
        // IPv6 literal: [::1]:2000
        const qsizetype close = rest.indexOf(QLatin1Char(']'));
        if (close < 0)
            return failure(E::MissingHost, rest);
        host = rest.mid(1, close - 1);
        const QString after = rest.mid(close + 1);
        if (!after.isEmpty() && !after.startsWith(QLatin1Char(':')))
            return failure(E::BadPort, after);
        port = after.mid(1);
    } else {
        const qsizetype colon = rest.lastIndexOf(QLatin1Char(':'));
        host = colon < 0 ? rest : rest.left(colon);
        port = colon < 0 ? QString() : rest.mid(colon + 1);
        if (host.contains(QLatin1Char(':')))
            return failure(E::MissingHost, rest); // a bare IPv6 address needs brackets
    }
    while (port.endsWith(QLatin1Char('/')))
        port.chop(1); // tolerate "tcp://host:2000/"
    if (host.isEmpty())
        return failure(E::MissingHost, rest);
    if (port.isEmpty())
        return failure(E::MissingPort, host);
    bool ok = false;
    const uint number = port.toUInt(&ok);
    if (!ok || number == 0 || number > 65535)
        return failure(E::BadPort, port);
    SourceFactory::Spec spec;
    spec.kind = Source::Kind::Tcp;
    spec.location = host;
    spec.port = quint16(number);
    return spec;
}

} // namespace

SourceFactory::Spec SourceFactory::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return failure(Error::Empty, QString());

    // A scheme is letters before ':' (tty names have no ':'; paths start with '/' or '.').
    const qsizetype colon = trimmed.indexOf(QLatin1Char(':'));
    const bool hasScheme =
        colon > 0 && !trimmed.startsWith(QLatin1Char('/')) && !trimmed.startsWith(QLatin1Char('.'));
    if (!hasScheme) {
        Spec spec;
        spec.kind = Source::Kind::Serial;
        spec.location = trimmed;
        return spec;
    }

    const QString scheme = trimmed.left(colon).toLower();
    const QString rest = trimmed.mid(colon + 1);
    if (scheme == QLatin1StringView("tcp")) {
        if (!rest.startsWith(QLatin1StringView("//")))
            return failure(Error::MissingHost, rest);
        return parseTcp(rest.mid(2));
    }
    if (scheme == QLatin1StringView("file")) {
        // file:PATH, and file:///PATH as a URL would have it.
        QString path = rest;
        if (path.startsWith(QLatin1StringView("//")))
            path = path.mid(2);
        if (path.isEmpty())
            return failure(Error::MissingPath, QString());
        Spec spec;
        spec.kind = Source::Kind::File;
        spec.location = path;
        return spec;
    }
    if (scheme == QLatin1StringView("sim")) {
        if (!rest.isEmpty())
            return failure(Error::UnexpectedText, rest);
        Spec spec;
        spec.kind = Source::Kind::Simulator;
        spec.location = QStringLiteral("sim");
        return spec;
    }
    return failure(Error::UnknownScheme, scheme);
}

QString SourceFactory::describe(const Spec &spec)
{
    switch (spec.error) {
    case Error::None:
        return QString();
    case Error::Empty:
        return tr("No source given (use a tty, tcp://HOST:PORT, file:PATH or sim:).");
    case Error::UnknownScheme:
        return tr("Unknown source type \"%1\" (use a tty, tcp://HOST:PORT, file:PATH or sim:).")
            .arg(spec.detail);
    case Error::MissingHost:
        return tr("No host in the tcp source \"%1\" (use tcp://HOST:PORT).").arg(spec.detail);
    case Error::MissingPort:
        return tr("No port after the host \"%1\" (use tcp://HOST:PORT).").arg(spec.detail);
    case Error::BadPort:
        return tr("\"%1\" is not a port number (1-65535).").arg(spec.detail);
    case Error::MissingPath:
        return tr("No file name after file: (use file:PATH).");
    case Error::UnexpectedText:
        return tr("Unexpected \"%1\" after sim: (use sim:).").arg(spec.detail);
    }
    return QString();
}

SourceFactory::Result SourceFactory::create(
    const QString &text, const SourceOptions &options, QObject *parent)
{
    const Spec spec = parse(text);
    Result result;
    result.error = spec.error;
    if (!spec.ok()) {
        result.message = describe(spec);
        return result;
    }
    switch (spec.kind) {
    case Source::Kind::Serial: {
        auto serial = std::make_unique<SerialSource>(spec.location, parent);
        serial->setBaudMode(options.baudMode);
        serial->setProbeWindow(options.probeWindow);
        result.source = std::move(serial);
        break;
    }
    case Source::Kind::Tcp:
        result.source = std::make_unique<TcpSource>(spec.location, spec.port, parent);
        break;
    case Source::Kind::File: {
        auto file = std::make_unique<FileSource>(spec.location, parent);
        file->setReplaySpeed(options.replaySpeed);
        result.source = std::move(file);
        break;
    }
    case Source::Kind::Simulator:
        result.source = std::make_unique<SimulatorSource>(parent);
        break;
    }
    return result;
}

} // namespace p1
