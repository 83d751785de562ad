#pragma once

#include "telegramdecoder.h"

#include <QJsonObject>
#include <QList>
#include <QtGlobal>

#include <cstdint>
#include <functional>
#include <string_view>

class QByteArray;

namespace p1 {

/// Offline decoding of a P1 capture into one JSON object per telegram: what
/// `dbus-p1 --decode FILE|-` prints, one compact object per line (DESIGN.md §6).
///
/// It runs the TelegramDecoder the daemon runs on live data and only formats its results, so
/// `grid` and `gas` hold exactly what the daemon would publish for the same bytes (a DSMR
/// 2.2/3.0 capture taken 8N1 from a 7E1 meter reads right: the decoder masks to 7 bits).
///
/// Use one decoder per input: the gas flow spans the telegrams of a capture (the gas capture
/// time changes every 5 minutes or every hour). Objects leave through the sink as soon as push()
/// completes a telegram, so the output streams on a pipe; finish() flushes the last one at end
/// of input.
///
/// Every object has "crc" ("ok" | "none" | "bad"), "ident" and "objects" (each line's OBIS code
/// and values as sent, and the first unit given). An accepted telegram adds "version" and
/// "timestamp" (string or null) and "grid" / "gas" ({path: value}, only valid paths; gas null
/// when the telegram has no gas meter); "water", a list with one such object per water meter,
/// when it has any; "heat", a list of {channel, value, unit ("GJ"), equipmentId, captureTime}
/// per heat meter, when it has any: decoded, not published (Venus has no service type for
/// heat). A rejected one (framing or CRC error, or text that does
/// not parse) adds "error" instead and carries no grid or gas values: nothing of it would be
/// published. Its objects are still listed, best effort, to help find what went wrong.
/// A telegram that came encrypted adds "encryption": {"systemTitle", "frameCounter",
/// "securityControl" ("30" | "20"), "tag" ("ok" | "none" | "AK differs" | "failed" |
/// "not checked")}.
class CaptureDecoder
{
public:
    using Sink = std::function<void(const QJsonObject &)>;

    explicit CaptureDecoder(Sink sink);
    Q_DISABLE_COPY_MOVE(CaptureDecoder)

    /// An encrypted meter's keys (--decode --key).
    void setKeys(const DecryptionKeys &keys);

    /// Feeds bytes of the capture, in chunks of any size.
    void push(std::string_view bytes);
    /// End of input: a telegram still pending is reported (complete or truncated).
    void finish();

    /// Telegrams accepted / rejected so far.
    [[nodiscard]] std::uint64_t accepted() const noexcept { return m_decoder.stats().accepted; }
    [[nodiscard]] std::uint64_t rejected() const noexcept { return m_decoder.stats().rejected; }
    /// Encrypted frames found so far.
    [[nodiscard]] std::uint64_t encrypted() const noexcept { return m_decoder.stats().encrypted; }
    [[nodiscard]] bool hasKey() const noexcept { return m_decoder.hasKey(); }

    /// One output line: the object as compact JSON followed by '\n'.
    [[nodiscard]] static QByteArray toLine(const QJsonObject &object);
    /// Decodes a whole capture at once (tests, small tools).
    [[nodiscard]] static QList<QJsonObject> decode(std::string_view capture);

private:
    Sink m_sink;
    TelegramDecoder m_decoder;
};

} // namespace p1
