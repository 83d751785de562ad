#pragma once

#include "source.h"

#include <QByteArray>
#include <QFile>
#include <QTimer>

#include <chrono>

namespace p1 {

/// Replays a capture, `file:PATH`, at the meter's own pace, so the daemon and the GUI behave as
/// with the real meter.
///
/// The file is cut into telegram-sized pieces at each '/' that starts a line (bytes before the
/// first one go with it, noise included: the reader sees exactly the file's bytes, in order).
/// One piece is delivered per meter interval: 1 s for DSMR 5 (`1-3:0.2.8(5x)`) and Belgian
/// meters (`0-0:96.1.4`), 10 s for everything older. The replay speed divides that: 2.0 is twice
/// as fast, 0 as fast as possible (large chunks, one per event-loop turn, so the loop never
/// blocks). The file is read block by block: memory stays small for a capture of any length.
///
/// At the end: Error::EndOfFile, then finished(). A missing file is Error::NotFound.
class FileSource : public Source
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds kFastInterval {1000};
    static constexpr std::chrono::milliseconds kSlowInterval {10000};

    explicit FileSource(const QString &path, QObject *parent = nullptr);
    ~FileSource() override;

    /// 1.0 is the meter's pace (default), 2.0 twice as fast, 0 as fast as possible.
    void setReplaySpeed(double speed);
    [[nodiscard]] double replaySpeed() const noexcept { return m_speed; }
    [[nodiscard]] QString path() const { return m_path; }

    /// How long the meter that sent \a telegram waits before its next one.
    [[nodiscard]] static std::chrono::milliseconds meterInterval(QByteArrayView telegram);

    [[nodiscard]] Kind kind() const noexcept override { return Kind::File; }
    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString logDescription() const override;
    [[nodiscard]] QString userDescription() const override;

public Q_SLOTS:
    void open() override;
    void close() override;

private:
    void openNow();
    void deliverNext();
    void finishReplay();
    /// Moves the next telegram-sized piece out of the buffer, reading as needed; empty at EOF.
    [[nodiscard]] QByteArray takePiece();
    bool readBlock();

    QFile m_file;
    QTimer m_timer;
    QByteArray m_buffer;
    QString m_path;
    qsizetype m_scanFrom = 0;
    double m_speed = 1.0;
    bool m_opening = false;
    bool m_atEnd = false;
};

} // namespace p1
