#include "cablediagnosis.h"

using namespace std::chrono;

namespace p1 {

void CableDiagnosis::setSource(Source::Kind kind, const QString &name)
{
    m_kind = kind;
    m_name = name;
}

void CableDiagnosis::reset()
{
    m_open = false;
    m_hasError = false;
    m_errorDetail.clear();
    m_openedAt = milliseconds(0);
    m_firstByteAt = milliseconds(-1);
    m_lastByteAt = milliseconds(-1);
    m_bytes = 0;
    m_accepted = 0;
    m_recent.clear();
    m_recentRejected = 0;
    m_problem = Problem::None;
}

void CableDiagnosis::opened(milliseconds now)
{
    m_open = true;
    m_hasError = false;
    m_openedAt = now;
}

void CableDiagnosis::bytesReceived(qint64 count, milliseconds now)
{
    if (count <= 0)
        return;
    if (m_bytes == 0)
        m_firstByteAt = now;
    m_bytes += count;
    m_lastByteAt = now;
    // Data flowing again ends a network outage; port errors (busy, ...) cannot coexist with it.
    if (m_hasError && m_error == Source::Error::ConnectionLost)
        m_hasError = false;
}

void CableDiagnosis::telegram(bool accepted, milliseconds now)
{
    Q_UNUSED(now)
    if (accepted)
        ++m_accepted;
    m_recent.push_back(!accepted);
    m_recentRejected += accepted ? 0 : 1;
    while (int(m_recent.size()) > m_config.crcWindow) {
        m_recentRejected -= m_recent.front() ? 1 : 0;
        m_recent.pop_front();
    }
}

void CableDiagnosis::sourceError(Source::Error error, const QString &detail, milliseconds now)
{
    Q_UNUSED(now)
    m_hasError = true;
    m_error = error;
    m_errorDetail = detail;
    // A source that cannot be opened or went away is not open, whatever it said before.
    if (error != Source::Error::ConnectionLost)
        m_open = false;
}

CableDiagnosis::Problem CableDiagnosis::judge(milliseconds now) const
{
    if (m_hasError) {
        switch (m_error) {
        case Source::Error::NotFound:
            return Problem::NotFound;
        case Source::Error::PermissionDenied:
            return Problem::PermissionDenied;
        case Source::Error::Busy:
            return Problem::Busy;
        case Source::Error::Unplugged:
            return Problem::Unplugged;
        case Source::Error::ConnectionLost:
            return Problem::ConnectionLost;
        case Source::Error::EndOfFile:
            return Problem::EndOfFile;
        case Source::Error::Other:
            return Problem::OtherError;
        }
    }
    if (!m_open)
        return Problem::None;
    if (m_recentRejected >= m_config.crcThreshold && m_accepted > 0)
        return Problem::CrcErrors;
    if (m_bytes == 0)
        return now - m_openedAt >= m_config.noData ? Problem::NoData : Problem::None;
    if (m_accepted == 0 && now - m_firstByteAt >= m_config.garbage)
        return Problem::Garbage;
    if (m_recentRejected >= m_config.crcThreshold)
        return Problem::Garbage; // rejected telegrams only: the bytes are not a clean signal
    if (now - m_lastByteAt >= m_config.dataStopped)
        return Problem::DataStopped;
    return Problem::None;
}

bool CableDiagnosis::evaluate(milliseconds now)
{
    const Problem problem = judge(now);
    if (problem == m_problem)
        return false;
    m_problem = problem;
    return true;
}

CableDiagnosis::Severity CableDiagnosis::severity(Problem problem) noexcept
{
    switch (problem) {
    case Problem::None:
        return Severity::None;
    case Problem::EndOfFile:
        return Severity::Information;
    case Problem::ConnectionLost:
    case Problem::NoData:
    case Problem::DataStopped:
    case Problem::Garbage:
    case Problem::CrcErrors:
        return Severity::Warning;
    case Problem::NotFound:
    case Problem::PermissionDenied:
    case Problem::Busy:
    case Problem::Unplugged:
    case Problem::OtherError:
        return Severity::Error;
    }
    return Severity::Error;
}

QString CableDiagnosis::subject() const
{
    return m_name.isEmpty() ? tr("the source") : m_name;
}

QString CableDiagnosis::message() const
{
    const qint64 noDataSeconds = duration_cast<seconds>(m_config.noData).count();
    const qint64 stoppedSeconds = duration_cast<seconds>(m_config.dataStopped).count();
    switch (m_problem) {
    case Problem::None:
        return QString();
    case Problem::NotFound:
        if (m_kind == Source::Kind::Tcp)
            return tr("The host %1 was not found. Check the dongle's address.").arg(subject());
        if (m_kind == Source::Kind::File)
            return tr("The file %1 does not exist.").arg(subject());
        return tr("The port %1 does not exist. Check that the cable is plugged in and pick the "
                  "port again (or use Detect).")
            .arg(subject());
    case Problem::PermissionDenied:
        return tr("No permission to open %1. Add your user to the dialout group "
                  "(sudo usermod -aG dialout $USER), then log out and in again.")
            .arg(subject());
    case Problem::Busy:
        return tr("%1 is in use by another program (dbus-p1, ModemManager or a serial "
                  "terminal?). Stop it, then connect again.")
            .arg(subject());
    case Problem::Unplugged:
        return tr("The cable on %1 was unplugged or the device went away. Plug it in and "
                  "connect again.")
            .arg(subject());
    case Problem::ConnectionLost:
        return tr("Cannot reach %1 (%2). Retrying; check that the dongle is powered and on the "
                  "network.")
            .arg(subject(), m_errorDetail);
    case Problem::NoData:
        return tr("Not a single byte from the meter in %1 s. Is the cable in the meter's P1 "
                  "port? The meter only sends while its request line gets 5 V: check the cable "
                  "type (some need USB power) and that this is the right port.")
            .arg(noDataSeconds);
    case Problem::DataStopped:
        return tr("The meter stopped sending: no data for %1 s. Check the cable and the "
                  "connector in the P1 port.")
            .arg(stoppedSeconds);
    case Problem::Garbage:
        return tr("Data arrives but no valid telegram: the baud rate is wrong (DSMR 2.2/3.0 "
                  "meters send at 9600, DSMR 4 and 5 at 115200; try Auto) or the cable does not "
                  "invert the signal (P1 is an inverted serial line: a plain TTL adapter needs "
                  "an inverter).");
    case Problem::CrcErrors:
        return tr("%1 of the last %2 telegrams failed their CRC check: interference on the "
                  "cable. Use a shorter or shielded cable, keep it away from mains wiring, or "
                  "try another USB port.")
            .arg(m_recentRejected)
            .arg(int(m_recent.size()));
    case Problem::EndOfFile:
        return tr("The capture file has been replayed to its end.");
    case Problem::OtherError:
        return tr("Error on %1: %2").arg(subject(), m_errorDetail);
    }
    return QString();
}

} // namespace p1
