#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace p1 {

/// One DLMS general-glo-ciphering frame as the scanner found it. The views point into the
/// scanner: valid only during the callback.
struct GloFrame
{
    static constexpr std::uint8_t kTag = 0xDB; ///< general-glo-ciphering
    static constexpr std::uint8_t kSystemTitleSize = 8;
    static constexpr std::uint8_t kEncryptedAuthenticated = 0x30;
    static constexpr std::uint8_t kEncryptedOnly = 0x20;

    std::array<std::uint8_t, kSystemTitleSize> systemTitle {}; ///< e.g. "SAG" + serial number
    std::uint8_t securityControl = 0; ///< kEncryptedAuthenticated or kEncryptedOnly
    std::uint32_t frameCounter = 0; ///< big endian on the wire; the IV's last 4 bytes
    std::string_view ciphertext;
    std::string_view tag; ///< 12 bytes when authenticated, else empty

    [[nodiscard]] bool authenticated() const noexcept
    {
        return securityControl == kEncryptedAuthenticated;
    }
    /// IV = system title ‖ frame counter.
    [[nodiscard]] std::array<std::uint8_t, 12> iv() const noexcept;
};

/// The system title as text when it is printable (most are: "SAG" + digits), else as hex.
[[nodiscard]] std::string describeSystemTitle(const GloFrame &frame);

/// Streaming scanner that separates encrypted P1 frames from plain bytes: bytes in (any
/// chunking, down to one byte at a time), plain spans and GloFrames out, in stream order.
///
/// The frame (Luxembourg Smarty, Austrian DSMR-style meters):
///
///     DB 08 <system title, 8> <length> <SC> <frame counter, 4> <ciphertext> [<tag, 12>]
///
/// where length is one byte below 0x80, or 0x81 + 1 byte, or 0x82 + 2 bytes (big endian), and
/// counts everything after it; SC (security control) is 0x30 (encrypted and authenticated: a
/// tag follows) or 0x20 (encrypted only). Rules:
/// - Outside a frame every byte but 0xDB is plain and is handed on at once, in spans: a plain
///   DSMR stream passes through with one memchr per read.
/// - A header that cannot be one (second byte not 08, a length form other than the three, a
///   length too short for SC, FC and tag or above maxLength, SC other than 30/20) makes its
///   0xDB plain and the scan resumes at the byte after it, so a frame that starts inside the
///   bogus header is still found.
/// - A frame is complete when its declared length has arrived; the frame sink says whether it
///   was good. A frame judged bad (a byte lost inside it makes it swallow the next header) is
///   scanned again from its second byte, so the good frame that follows is not lost with it;
///   the bytes skipped are discarded as noise, never handed on as plain (ciphertext is full of
///   '/' that would start DSMR telegrams). At end of input an incomplete frame is rescanned
///   the same way.
///
/// Pure and iterative (no recursion, whatever the input); no allocation once the buffer has
/// grown to the largest frame.
class GloFrameScanner
{
public:
    /// Returns true when the frame was good (it decrypted to something), false to rescan it.
    using FrameSink = std::function<bool(const GloFrame &)>;
    using PlainSink = std::function<void(std::string_view)>;

    /// Far above a real frame (about 1.5 kB); bounds the buffer.
    static constexpr std::size_t kDefaultMaxLength = 16 * 1024;

    GloFrameScanner(
        PlainSink plainSink, FrameSink frameSink, std::size_t maxLength = kDefaultMaxLength);

    void push(std::string_view bytes);
    /// End of input: an incomplete frame is rescanned as plain bytes.
    void finish();
    /// Drops an incomplete frame silently.
    void reset() noexcept;

    struct Stats
    {
        std::uint64_t frames = 0; ///< complete frames handed to the frame sink
        std::uint64_t resyncs = 0; ///< impossible headers, bad and incomplete frames rescanned
        std::uint64_t discarded = 0; ///< bytes of bad or incomplete frames (noise)
    };
    [[nodiscard]] const Stats &stats() const noexcept { return m_stats; }
    /// True between a frame's 0xDB and its last byte.
    [[nodiscard]] bool pending() const noexcept { return !m_buffer.empty(); }

private:
    void scan(bool endOfInput);
    /// The whole frame's size once its header is complete and possible; 0 while more header
    /// bytes are needed; npos for a header that cannot be one.
    [[nodiscard]] std::size_t frameSize() const noexcept;
    /// Removes the buffer's bytes before the next 0xDB from \a from on: those of a rejected
    /// frame (the first m_rejectedBytes) counted as discarded, the rest handed on as plain.
    void dropTo(std::size_t from);
    /// Removes \a n bytes from the front of the buffer.
    void consume(std::size_t n);

    PlainSink m_plainSink;
    FrameSink m_frameSink;
    std::size_t m_maxLength;
    std::string m_buffer; ///< from a 0xDB on, while a frame may be pending
    /// The buffer's first bytes that belong to a frame judged bad: never handed on as plain.
    std::size_t m_rejectedBytes = 0;
    Stats m_stats;
};

} // namespace p1
