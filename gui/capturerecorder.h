#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace p1 {

/// Writes every byte a source delivers, unmodified, to a capture file: the same format that
/// `file:PATH` replays and `dbus-p1 --decode` reads, so a user can send a capture of a
/// misbehaving cable (noise and rejected telegrams included) to whoever helps them.
class CaptureRecorder
{
public:
    CaptureRecorder() = default;
    Q_DISABLE_COPY_MOVE(CaptureRecorder)

    /// Starts a new file (truncating an existing one). Returns false with the reason in
    /// errorString() when it cannot be created.
    bool start(const QString &path);
    void stop();
    [[nodiscard]] bool isRecording() const { return m_file.isOpen(); }
    [[nodiscard]] QString path() const { return m_file.fileName(); }
    [[nodiscard]] qint64 bytesWritten() const noexcept { return m_written; }
    [[nodiscard]] QString errorString() const { return m_file.errorString(); }

    /// Appends \a bytes; on a write error the recording stops (the file keeps what was written).
    bool write(const QByteArray &bytes);

private:
    QFile m_file;
    qint64 m_written = 0;
};

} // namespace p1
