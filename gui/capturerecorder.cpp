#include "capturerecorder.h"

namespace p1 {

bool CaptureRecorder::start(const QString &path)
{
    stop();
    m_written = 0;
    m_file.setFileName(path);
    return m_file.open(QIODevice::WriteOnly | QIODevice::Truncate);
}

void CaptureRecorder::stop()
{
    if (m_file.isOpen())
        m_file.close();
}

bool CaptureRecorder::write(const QByteArray &bytes)
{
    if (!m_file.isOpen())
        return false;
    const qint64 n = m_file.write(bytes);
    if (n != bytes.size()) {
        m_file.close();
        return false;
    }
    m_written += n;
    // Flushed at once: a capture is wanted most when the app or the cable misbehaves.
    m_file.flush();
    return true;
}

} // namespace p1
