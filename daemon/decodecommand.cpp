#include "decodecommand.h"

#include "capturedecoder.h"
#include "logging.h"

#include <QByteArray>
#include <QFile>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace p1 {

namespace {

// Reads what is available, up to \a size bytes. QFile::read() keeps reading until the whole
// chunk is filled, which on a pipe from a live meter would hold telegrams back for a minute;
// read(2) returns as soon as some bytes have arrived. Returns 0 at end of input, -1 on error.
qint64 readAvailable(QFile &file, char *data, qsizetype size)
{
    for (;;) {
        const ssize_t n = ::read(file.handle(), data, std::size_t(size));
        if (n >= 0 || errno != EINTR)
            return n;
    }
}

} // namespace

DecodeCommand::DecodeCommand(QString source, DecryptionKeys keys)
    : m_source(std::move(source))
    , m_keys(keys)
{ }

QString DecodeCommand::sourceName() const
{
    return m_source == "-"_L1 ? tr("standard input") : m_source;
}

int DecodeCommand::run()
{
    QFile input;
    bool opened = false;
    if (m_source == "-"_L1) {
        opened = input.open(STDIN_FILENO, QIODevice::ReadOnly | QIODevice::Unbuffered);
    } else {
        input.setFileName(m_source);
        opened = input.open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }
    if (!opened) {
        printError(tr("cannot open %1: %2").arg(sourceName(), input.errorString()));
        return kExitIoError;
    }
    QFile output;
    if (!output.open(STDOUT_FILENO, QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        printError(tr("cannot write to standard output: %1").arg(output.errorString()));
        return kExitIoError;
    }

    // The lines of one chunk are written together: one write per read, not one per telegram.
    QByteArray lines;
    CaptureDecoder decoder(
        [&lines](const QJsonObject &object) { lines += CaptureDecoder::toLine(object); });
    decoder.setKeys(m_keys);
    const auto flush = [&]() {
        const bool written = lines.isEmpty() || output.write(lines) == lines.size();
        lines.clear();
        if (!written)
            printError(tr("cannot write to standard output: %1").arg(output.errorString()));
        return written;
    };

    QByteArray buffer(kChunkSize, Qt::Uninitialized);
    for (;;) {
        const qint64 n = readAvailable(input, buffer.data(), buffer.size());
        if (n < 0) {
            const QString reason = QString::fromLocal8Bit(std::strerror(errno));
            // What was decoded so far is still worth having.
            decoder.finish();
            (void)flush();
            printError(tr("cannot read %1: %2").arg(sourceName(), reason));
            return kExitIoError;
        }
        if (n == 0)
            break;
        decoder.push(std::string_view(buffer.constData(), std::size_t(n)));
        if (!flush())
            return kExitIoError;
    }
    decoder.finish();
    // Once, for people (the JSON lines say it per telegram, in English, for programs).
    if (decoder.encrypted() > 0 && !decoder.hasKey())
        printError(tr("this meter encrypts its telegrams: give its key with --key"));
    else if (decoder.encrypted() > 0 && decoder.accepted() == 0)
        printError(tr("decryption failed: wrong key?"));
    return flush() ? kExitOk : kExitIoError;
}

} // namespace p1
