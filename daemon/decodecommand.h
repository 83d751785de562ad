#pragma once

#include "gcmdecryptor.h"

#include <QCoreApplication>
#include <QString>

namespace p1 {

/// `dbus-p1 --decode FILE|-`: streams a capture through a CaptureDecoder and prints one JSON
/// object per telegram on standard output, each line as soon as its telegram is complete, so it
/// also works live at the end of a pipe (`socat /dev/ttyUSB0,raw - | dbus-p1 --decode -`).
///
/// Exit status: 0 once the input was read to its end, whatever it held (bad telegrams are part of
/// the output, not a failure); kExitIoError when the input cannot be opened or read, or the
/// output cannot be written, with the reason on stderr.
class DecodeCommand
{
    Q_DECLARE_TR_FUNCTIONS(DecodeCommand)

public:
    static constexpr int kExitOk = 0;
    /// As the daemon's "no meter": 2 is kept for a usage error (README "Failure policy").
    static constexpr int kExitIoError = 1;
    /// Bytes read per call: large enough to make a file fly, small enough to stay far below the
    /// Venus service limits.
    static constexpr qsizetype kChunkSize = 64 * 1024;

    /// \a source is a file name, or "-" for standard input; \a keys decrypt an encrypted
    /// meter's capture.
    explicit DecodeCommand(QString source, DecryptionKeys keys = {});

    /// Decodes the whole input; returns the exit status.
    [[nodiscard]] int run();

private:
    [[nodiscard]] QString sourceName() const;

    QString m_source;
    DecryptionKeys m_keys;
};

} // namespace p1
