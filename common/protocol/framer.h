#pragma once

#include "crc16.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace p1 {

enum class CrcStatus : std::uint8_t
{
    Ok, ///< the footer carried a CRC and it matched
    None, ///< DSMR 2.2/3.0: footer `!` without CRC
    Bad, ///< the footer carried a CRC and it did not match (or no CRC could be checked)
};

enum class FrameError : std::uint8_t
{
    None,
    CrcMismatch, ///< CRC sent and computed differ
    MalformedCrc, ///< `!` followed by something that is not 1-4 hex digits and a line end
    MissingCrc, ///< a footer without CRC from a stream whose telegrams carried one
    Truncated, ///< a new telegram started (or input ended) before this one's footer
    Overflow, ///< longer than the maximum telegram size before its footer
};

/// One telegram as the framer found it.
struct Frame
{
    /// From '/' up to the footer's last significant character: `!` for DSMR 2.2/3.0, the last
    /// CRC digit otherwise. Line ends inside are as received. Valid only during the callback.
    std::string_view text;
    CrcStatus crc = CrcStatus::None;
    FrameError error = FrameError::None;
    std::uint16_t crcSent = 0;
    std::uint16_t crcComputed = 0;

    [[nodiscard]] bool ok() const noexcept { return error == FrameError::None; }
};

/// English, for logs and `--decode`: "CRC mismatch: sent 1234, computed ABCD".
[[nodiscard]] std::string describe(const Frame &frame);

/// Streaming telegram framer: bytes in (any chunking, down to one byte at a time), frames out.
///
/// Rules (see DESIGN.md §2):
/// - While no telegram is pending, any '/' starts one; whatever came before is noise (ser2net's
///   telnet negotiation, 0xFF, NUL, half a telegram after start-up).
/// - Inside a telegram only a '/' at the start of a line restarts: the pending telegram is
///   reported as Truncated and the new one begins. A '/' inside a value is just a byte.
/// - A '!' at the start of a line begins the footer: 0-4 hex digits (either case) then a line
///   end. Four digits finish the telegram at once (no need to wait for CR LF); fewer finish at
///   the line end or at end of input. No digits is a DSMR 2.2/3.0 telegram (CrcStatus::None).
/// - The CRC is updated span by span as bytes arrive, so checking it costs nothing extra.
/// - A telegram that fails its CRC is searched for a later header (`/XXX5` anywhere, not just
///   at a line start): when a footer was lost mid-line, the good telegram that follows is
///   recovered instead of being lost with its bad neighbour.
/// - A telegram longer than maxSize is dropped as Overflow and the framer resynchronises on the
///   next '/'; memory stays bounded.
/// - With mask7Bit set every byte is ANDed with 0x7F first, so a 7E1 stream (DSMR 2.2/3.0,
///   9600 baud) read through a port opened 8N1 comes out right.
///
/// Pure: no I/O, no timers, no allocation once the buffer has grown to the largest telegram.
class Framer
{
public:
    using Sink = std::function<void(const Frame &)>;

    static constexpr std::size_t kDefaultMaxSize = 16 * 1024;

    explicit Framer(Sink sink, std::size_t maxSize = kDefaultMaxSize);

    void setMask7Bit(bool on) noexcept { m_mask7Bit = on; }
    [[nodiscard]] bool mask7Bit() const noexcept { return m_mask7Bit; }

    /// Feeds received bytes; calls the sink for every telegram completed by them.
    void push(std::string_view bytes);
    /// End of input: a pending telegram whose footer is complete but for its line end is
    /// finished; any other pending telegram is reported as Truncated.
    void finish();
    /// Drops any pending telegram silently (e.g. after a baud rate change).
    void reset() noexcept;

    struct Stats
    {
        std::uint64_t bytes = 0; ///< all bytes pushed
        std::uint64_t noiseBytes = 0; ///< bytes outside any telegram
        std::uint64_t good = 0; ///< frames with error None
        std::uint64_t rejected = 0; ///< frames with an error
    };
    [[nodiscard]] const Stats &stats() const noexcept { return m_stats; }
    /// True while a telegram has started and not finished.
    [[nodiscard]] bool pending() const noexcept { return m_state != State::Idle; }

private:
    enum class State : std::uint8_t
    {
        Idle,
        Body,
        Footer
    };

    void process(std::string_view bytes);
    void startTelegram();
    void emit(FrameError error, CrcStatus crc);
    void finishFooter();
    bool recoverInnerTelegram();

    Sink m_sink;
    std::string m_buffer;
    std::string m_maskScratch;
    std::size_t m_maxSize;
    Crc16 m_crc;
    Stats m_stats;
    State m_state = State::Idle;
    bool m_mask7Bit = false;
    bool m_streamHasCrc = false;
    std::uint8_t m_footerDigits = 0;
    std::uint16_t m_footerValue = 0;
};

} // namespace p1
