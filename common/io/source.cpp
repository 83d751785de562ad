#include "source.h"

namespace p1 {

Source::Source(QObject *parent)
    : QObject(parent)
{ }

Source::~Source() = default;

QString Source::describe(Error error)
{
    switch (error) {
    case Error::NotFound:
        return tr("The port, host or file does not exist.");
    case Error::PermissionDenied:
        return tr("Permission denied (is the user in the dialout group?).");
    case Error::Busy:
        return tr("The port is in use by another program.");
    case Error::Unplugged:
        return tr("The device was unplugged.");
    case Error::ConnectionLost:
        return tr("The connection was lost; reconnecting.");
    case Error::EndOfFile:
        return tr("End of the capture file.");
    case Error::Other:
        break;
    }
    return tr("Input/output error.");
}

const char *Source::errorName(Error error) noexcept
{
    switch (error) {
    case Error::NotFound:
        return "not found";
    case Error::PermissionDenied:
        return "permission denied";
    case Error::Busy:
        return "busy";
    case Error::Unplugged:
        return "unplugged";
    case Error::ConnectionLost:
        return "connection lost";
    case Error::EndOfFile:
        return "end of file";
    case Error::Other:
        break;
    }
    return "error";
}

void Source::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
    if (state == State::Open)
        Q_EMIT opened();
}

void Source::fail(Error error, const QString &detail, bool final)
{
    Q_EMIT errorOccurred(error, detail);
    if (final) {
        close();
        Q_EMIT finished();
    }
}

} // namespace p1
