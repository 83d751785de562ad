#pragma once

#include "framer.h"
#include "gcmdecryptor.h"
#include "gloframescanner.h"
#include "reading.h"
#include "telegram.h"
#include "venusmapping.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace p1 {

/// Why a telegram was not accepted. The framer judges the bytes (framing and CRC), the parser
/// the text; the first that objects decides.
enum class Rejection : std::uint8_t
{
    None,
    // The bytes (FrameError):
    CrcMismatch, ///< CRC sent and computed differ
    MalformedCrc, ///< `!` followed by something that is not 1-4 hex digits and a line end
    MissingCrc, ///< a footer without CRC from a meter whose telegrams carried one
    /// A footer without CRC on a telegram that shows it is DSMR 4 or newer (a version line
    /// 1-3:0.2.8 or 0-0:96.1.4, or a timestamp 0-0:1.0.0): those always send a CRC, so it was
    /// lost to a bit error. Judged by the decoder, not the framer (it needs the parsed text).
    CrcRequired,
    Truncated, ///< a new telegram started (or input ended) before this one's footer
    Overflow, ///< longer than the framer's maximum before its footer
    // The text (ParseError):
    NoHeader, ///< no '/' and identification
    NoObjects, ///< not a single object line
    // The encrypted frame around the text (GloFrame):
    KeyMissing, ///< an encrypted frame, and no key to decrypt it
    DecryptionFailed, ///< no tag or CRC vouches for the plaintext: wrong key (or corrupt frame)
    NotDsmr, ///< decrypted and authentic, but no DSMR telegram inside (binary DLMS)
};

/// True for a rejection of the bytes (framing or CRC), false for one of their content (and for
/// None). The GUI shows a CRC verdict only when the bytes passed.
[[nodiscard]] constexpr bool isFrameRejection(Rejection rejection) noexcept
{
    return rejection >= Rejection::CrcMismatch && rejection <= Rejection::Overflow;
}

/// What the GCM tag of an encrypted telegram said.
enum class TagVerdict : std::uint8_t
{
    Ok, ///< the tag verifies with the configured AK
    Absent, ///< security control 0x20: no tag; the telegram's CRC vouches for it
    AuthKeyDiffers, ///< the tag fails with the configured AK, the telegram's own CRC checks out
    Failed, ///< the tag fails and nothing else vouches for the plaintext
    NotChecked, ///< no key given
};

/// The envelope of a telegram that came encrypted: the frame's header and the tag's verdict.
struct Envelope
{
    const GloFrame &frame;
    TagVerdict tag = TagVerdict::NotChecked;
};

/// English, for logs and `--decode`: "ok", "none", "AK differs", "failed", "not checked".
[[nodiscard]] std::string_view describe(TagVerdict tag) noexcept;

/// One telegram as the decoder judged it, handed to the sink. Everything in it points into the
/// decoder: valid only during the callback (copy what must outlive it).
struct DecodedTelegram
{
    /// The framer's facts: the text from '/' to the footer, the CRC verdict (ok / none / bad)
    /// with the CRC sent and computed, and the framer's own FrameError. \a rejection is the
    /// verdict that counts.
    const Frame &frame;
    Rejection rejection = Rejection::None;
    /// The parsed text. Parsed for rejected telegrams too, best effort: their objects help to
    /// see what went wrong.
    const Telegram &telegram;
    /// Filled from an accepted telegram; empty for a rejected one.
    const Reading &reading;
    /// What the grid and gas services publish from it (DESIGN.md §3); all invalid when rejected.
    const GridValues &grid;
    const GasValues &gas;
    const WaterValues &water; ///< every water meter; water.count 0 when none (or rejected)
    bool hasGrid = false; ///< accepted with electricity figures: there is a grid meter to publish
    bool hasGas = false; ///< accepted with a gas meter reading
    /// The encrypted frame the telegram came in; null for a plain one. A frame that yields no
    /// telegram (no key, wrong key, binary payload) is reported with an empty frame text.
    const Envelope *envelope = nullptr;

    [[nodiscard]] bool accepted() const noexcept { return rejection == Rejection::None; }
};

/// Why the telegram was rejected, in English for logs and `--decode` ("CRC mismatch: sent 1234,
/// computed ABCD"); empty when it was accepted. The GUI translates the Rejection itself
/// (MonitorSession::describeRejection).
[[nodiscard]] std::string describe(const DecodedTelegram &decoded);

/// The whole decode pipeline, once, for every reader of P1 bytes: the daemon, `dbus-p1
/// --decode`, p1-monitor and the port detector. Bytes in (any chunking), one DecodedTelegram
/// per telegram out through the sink, rejected ones included. Pure like the rest of the
/// protocol core: no I/O, no timers, no allocation in steady state.
///
/// The stages, in order (DESIGN.md §5):
/// 1. bytes: the GloFrameScanner takes encrypted frames (0xDB, DLMS general-glo-ciphering)
///    out of the stream and hands the rest on unchanged. With a key (setKeys()) the
///    GcmDecryptor decrypts each frame and its plaintext is framed like plain bytes; a
///    telegram whose tag fails is accepted only if its own CRC checks out (a meter with another
///    AK); without a key every frame is a KeyMissing rejection;
/// 2. frames: the Framer, 7-bit mask on (a 7E1 DSMR 2.2/3.0 stream read 8N1 carries parity in
///    bit 7; masking leaves 8N1 ASCII unchanged), checks the CRC as the bytes pass;
/// 3. text: the Parser splits the frame into a Telegram;
/// 4. verdict: judge() is the one place that decides whether a telegram is accepted. Besides
///    the framer's and the parser's objections it holds the CRC rule: DSMR 4 and newer always
///    send a CRC, so a CRC-less telegram that shows it is one (Rejection::CrcRequired), or one
///    from a meter that sent CRCs before (Rejection::MissingCrc), is rejected from the first
///    telegram on; DSMR 2.2/3.0 telegrams (none of those lines) pass without;
/// 5. meaning: an accepted telegram fills the Reading, and the VenusMapper maps it to the grid,
///    gas and water values. Only accepted telegrams reach the mapper, whose gas flow spans
///    telegrams: use one decoder per stream.
class TelegramDecoder
{
public:
    using Sink = std::function<void(const DecodedTelegram &)>;

    struct Stats
    {
        std::uint64_t bytes = 0; ///< every byte pushed
        std::uint64_t noiseBytes = 0; ///< bytes outside any telegram
        std::uint64_t accepted = 0;
        std::uint64_t rejected = 0;
        std::uint64_t encrypted = 0; ///< encrypted frames found
        std::uint64_t authKeyDiffers = 0; ///< accepted on their CRC after the tag failed
    };

    explicit TelegramDecoder(Sink sink);
    TelegramDecoder(const TelegramDecoder &) = delete;
    TelegramDecoder &operator=(const TelegramDecoder &) = delete;

    /// The meter's encryption key (none: encrypted frames are rejected as KeyMissing) and
    /// authentication key.
    void setKeys(const DecryptionKeys &keys);
    [[nodiscard]] bool hasKey() const noexcept { return m_decryptor != nullptr; }

    /// Feeds received bytes; calls the sink for every telegram they complete.
    void push(std::string_view bytes);
    /// End of input: a pending telegram is reported (complete, or truncated).
    void finish();
    /// A discontinuity in the same stream (baud rate switched, connection re-made): drops any
    /// pending telegram silently. The gas flow history stays, and so does the memory that the
    /// meter sends CRCs: it is the same meter.
    void reset() noexcept;
    /// A new stream: reset(), and the gas flow history and the CRC memory are forgotten too.
    void restart() noexcept;

    /// Counted since construction.
    [[nodiscard]] Stats stats() const noexcept;

private:
    void onFrame(const Frame &frame);
    [[nodiscard]] bool onEncryptedFrame(const GloFrame &frame);
    void emitEmpty(Rejection rejection);
    [[nodiscard]] Rejection judge(const Frame &frame, ParseError parseError) const noexcept;

    Sink m_sink;
    Telegram m_telegram;
    Reading m_reading;
    VenusMapper m_mapper;
    GridValues m_grid;
    GasValues m_gas;
    WaterValues m_water;
    std::uint64_t m_accepted = 0;
    std::uint64_t m_rejected = 0;
    bool m_meterSendsCrc = false; ///< a frame with a good CRC came since restart()
    std::uint64_t m_bytes = 0;
    std::uint64_t m_encrypted = 0;
    std::uint64_t m_authKeyDiffers = 0;
    std::unique_ptr<GcmDecryptor> m_decryptor;
    std::string m_plaintext;
    Envelope *m_envelope = nullptr; ///< set while a frame's plaintext is being framed
    std::uint32_t m_envelopeTelegrams = 0;
    std::uint32_t m_envelopeAccepted = 0;
    Framer m_framer; // after the members its sink uses
    GloFrameScanner m_scanner; // last: it feeds the framer
};

} // namespace p1
