#pragma once

#include "serialsource.h"
#include "source.h"

#include <QCoreApplication>
#include <QString>

#include <chrono>
#include <memory>

namespace p1 {

/// Settings from the daemon's options that some sources take.
struct SourceOptions
{
    SerialSource::BaudMode baudMode = SerialSource::BaudMode::Auto;
    std::chrono::milliseconds probeWindow = SerialSource::kDefaultProbeWindow;
    double replaySpeed = 1.0; ///< file: 1 = meter's pace, 0 = as fast as possible
};

/// Turns a SOURCE argument (DESIGN.md §1) into a Source:
/// `/dev/ttyUSB0` or bare `ttyUSB0` (as serial-starter passes it), `tcp://HOST:PORT`
/// (`tcp://[::1]:2000` for IPv6), `file:PATH`, `sim:`. Scheme names are case-insensitive.
/// Errors are values naming what is wrong; describe() gives the sentence for the user.
class SourceFactory
{
    Q_DECLARE_TR_FUNCTIONS(p1::SourceFactory)

public:
    enum class Error
    {
        None,
        Empty, ///< no SOURCE given
        UnknownScheme, ///< "udp://...", "http:..."
        MissingHost, ///< "tcp://:2000"
        MissingPort, ///< "tcp://host" or "tcp://host:"
        BadPort, ///< not a number in 1-65535
        MissingPath, ///< "file:"
        UnexpectedText, ///< "sim:something"
    };

    /// What a SOURCE names, before anything is opened.
    struct Spec
    {
        Error error = Error::None;
        Source::Kind kind = Source::Kind::Serial;
        QString location; ///< the tty, the host or the file path
        quint16 port = 0; ///< tcp only
        QString detail; ///< the offending part, for describe()

        [[nodiscard]] bool ok() const noexcept { return error == Error::None; }
    };

    struct Result
    {
        std::unique_ptr<Source> source; ///< null on error
        Error error = Error::None;
        QString message; ///< translated, empty when ok

        [[nodiscard]] bool ok() const noexcept { return source != nullptr; }
    };

    [[nodiscard]] static Spec parse(const QString &spec);
    [[nodiscard]] static Result create(
        const QString &spec, const SourceOptions &options = {}, QObject *parent = nullptr);
    /// Translated: "Unknown source type \"udp\" (use a tty, tcp://HOST:PORT, file:PATH or sim:)."
    [[nodiscard]] static QString describe(const Spec &spec);
};

} // namespace p1
