#pragma once

#include "cablediagnosis.h"
#include "capturerecorder.h"
#include "telegramrecord.h"

#include "io/source.h"
#include "io/sourcefactory.h"
#include "telegramdecoder.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <memory>

namespace p1 {

/// p1-monitor's pipeline, with no widgets: source -> TelegramDecoder, the same decoder as the
/// daemon's mediator (so the same mapping to Venus values). It emits one
/// TelegramRecord per telegram found (rejected ones included, with the reason), keeps the
/// statistics the status panel shows, judges the cable (CableDiagnosis) and can record the raw
/// bytes to a capture file. Tests drive it with a file or simulated source and no GUI.
///
/// Unlike the daemon it never exits on a problem: it reports it and keeps the source as long
/// as the source itself goes on, so a user can wiggle the cable and watch.
class MonitorSession : public QObject
{
    Q_OBJECT

public:
    struct Statistics
    {
        Source::State state = Source::State::Closed;
        QString source; ///< Source::userDescription(), empty when none
        int baudRate = 0; ///< serial only, 0 otherwise
        bool baudRateLocked = false;
        quint64 good = 0; ///< accepted with a matching CRC
        quint64 noCrc = 0; ///< accepted, DSMR 2.2/3.0 without CRC
        quint64 bad = 0; ///< rejected: CRC mismatch, cut off, unparsable
        quint64 bytes = 0; ///< every byte received
        quint64 noiseBytes = 0; ///< bytes outside any telegram
        qint64 lastIntervalMs = -1;
        double averageIntervalMs = 0; ///< over every interval since the source opened
        quint64 intervals = 0;
        QString version; ///< P1 version of the last accepted telegram ("50"), empty when none
        QString ident;
        QString equipmentId;
    };

    /// How often the diagnosis is re-judged while nothing happens.
    static constexpr std::chrono::milliseconds kDiagnosisTick {1000};

    explicit MonitorSession(QObject *parent = nullptr);
    ~MonitorSession() override;

    /// Reads from \a source from now on (the session owns it); any previous source is closed.
    void start(std::unique_ptr<Source> source);
    /// Creates the source for \a spec ("ttyUSB0", "tcp://host:port", "file:x", "sim:") and
    /// starts it. Returns false with a translated \a error when the spec is not valid.
    bool start(const QString &spec, const SourceOptions &options, QString *error = nullptr);
    /// Closes the source; the records and statistics stay until the next start().
    void stop();

    [[nodiscard]] Source *source() const noexcept { return m_source.get(); }
    [[nodiscard]] bool isActive() const noexcept { return m_source != nullptr; }
    [[nodiscard]] const Statistics &statistics() const noexcept { return m_stats; }
    [[nodiscard]] const CableDiagnosis &diagnosis() const noexcept { return m_diagnosis; }
    void setDiagnosisConfig(const CableDiagnosis::Config &config);

    /// Records every byte from now on into \a path; false with a reason when it cannot.
    bool startRecording(const QString &path, QString *error = nullptr);
    void stopRecording();
    [[nodiscard]] bool isRecording() const { return m_recorder.isRecording(); }
    [[nodiscard]] QString recordingPath() const { return m_recorder.path(); }

    /// An encrypted meter's keys, for the sources started from now on.
    void setKeys(const DecryptionKeys &keys);

    /// What a record holds of a decoded telegram: its text and verdict and, when accepted, the
    /// meter's identity and the Venus values. The session adds the number, time and interval.
    [[nodiscard]] static TelegramRecord makeRecord(const DecodedTelegram &decoded);
    /// The translated reason the decoder rejected a telegram (TelegramRecord::rejection).
    [[nodiscard]] static QString describeRejection(const TelegramRecord &record);

Q_SIGNALS:
    void telegramReceived(const p1::TelegramRecord &record);
    void statisticsChanged();
    /// The diagnosis changed; \a message is empty when all is well.
    void problemChanged(p1::CableDiagnosis::Problem problem, const QString &message);
    /// A recording stopped on its own (write error): \a reason is translated.
    void recordingFailed(const QString &reason);
    /// The source gave up for good (port error, end of file).
    void sourceFinished();

private:
    void onData(const QByteArray &bytes);
    void onTelegram(const DecodedTelegram &decoded);
    void onSourceError(Source::Error error, const QString &detail);
    void onStateChanged(Source::State state);
    void updateDiagnosis();
    void refreshSourceStatistics();
    [[nodiscard]] std::chrono::milliseconds now() const;

    std::unique_ptr<Source> m_source;
    TelegramDecoder m_decoder;
    Statistics m_stats;
    CableDiagnosis m_diagnosis;
    CaptureRecorder m_recorder;
    QTimer m_tick;
    QElapsedTimer m_clock;
    QElapsedTimer m_sinceAccepted;
    QString m_problemMessage;
    quint64 m_sequence = 0;
};

} // namespace p1
