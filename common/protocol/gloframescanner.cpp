#include "gloframescanner.h"

#include "gcmdecryptor.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace p1 {

namespace {

constexpr char kStart = static_cast<char>(GloFrame::kTag);
constexpr std::uint8_t kTitleLength = 0x08; ///< the byte after 0xDB: the system title's length
constexpr std::size_t kLengthOffset = 2 + GloFrame::kSystemTitleSize;
constexpr std::size_t kCounterSize = 4;
/// SC and frame counter, then at least one byte of ciphertext.
constexpr std::size_t kMinLength = 1 + kCounterSize + 1;

std::uint8_t at(std::string_view s, std::size_t i) noexcept
{
    return static_cast<std::uint8_t>(s[i]);
}

} // namespace

std::array<std::uint8_t, 12> GloFrame::iv() const noexcept
{
    std::array<std::uint8_t, 12> iv {};
    std::copy(systemTitle.begin(), systemTitle.end(), iv.begin());
    iv[8] = static_cast<std::uint8_t>(frameCounter >> 24);
    iv[9] = static_cast<std::uint8_t>(frameCounter >> 16);
    iv[10] = static_cast<std::uint8_t>(frameCounter >> 8);
    iv[11] = static_cast<std::uint8_t>(frameCounter);
    return iv;
}

std::string describeSystemTitle(const GloFrame &frame)
{
    const bool printable = std::all_of(frame.systemTitle.begin(), frame.systemTitle.end(),
        [](std::uint8_t c) { return c >= 0x20 && c < 0x7F; });
    if (printable)
        return {frame.systemTitle.begin(), frame.systemTitle.end()};
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string out;
    for (const std::uint8_t b : frame.systemTitle) {
        out += kDigits[b >> 4];
        out += kDigits[b & 0x0F];
    }
    return out;
}

GloFrameScanner::GloFrameScanner(PlainSink plainSink, FrameSink frameSink, std::size_t maxLength)
    : m_plainSink(std::move(plainSink))
    , m_frameSink(std::move(frameSink))
    , m_maxLength(maxLength)
{ }

void GloFrameScanner::push(std::string_view bytes)
{
    if (bytes.empty())
        return;
    if (m_buffer.empty()) {
        // The plain path: one memchr, and the bytes go on as they came.
        const void *found = std::memchr(bytes.data(), kStart, bytes.size());
        if (!found) {
            m_plainSink(bytes);
            return;
        }
        const auto start =
            static_cast<std::size_t>(static_cast<const char *>(found) - bytes.data());
        if (start > 0)
            m_plainSink(bytes.substr(0, start));
        m_buffer.assign(bytes.substr(start));
    } else {
        m_buffer.append(bytes);
    }
    scan(false);
}

void GloFrameScanner::finish()
{
    scan(true);
}

void GloFrameScanner::reset() noexcept
{
    m_buffer.clear();
    m_rejectedBytes = 0;
}

std::size_t GloFrameScanner::frameSize() const noexcept
{
    const std::string_view b = m_buffer;
    if (b.size() < 2)
        return 0;
    if (at(b, 1) != kTitleLength)
        return std::string_view::npos;
    if (b.size() <= kLengthOffset)
        return 0;
    // The length: one byte below 0x80, or 0x81/0x82 followed by one or two bytes (BER).
    const std::uint8_t form = at(b, kLengthOffset);
    std::size_t lengthBytes = 1;
    if (form == 0x81)
        lengthBytes = 2;
    else if (form == 0x82)
        lengthBytes = 3;
    else if (form >= 0x80)
        return std::string_view::npos;
    if (b.size() < kLengthOffset + lengthBytes)
        return 0;
    std::size_t length = form;
    if (lengthBytes == 2)
        length = at(b, kLengthOffset + 1);
    else if (lengthBytes == 3)
        length = std::size_t {at(b, kLengthOffset + 1)} << 8 | at(b, kLengthOffset + 2);
    if (length < kMinLength || length > m_maxLength)
        return std::string_view::npos;
    const std::size_t scOffset = kLengthOffset + lengthBytes;
    if (b.size() <= scOffset)
        return 0;
    const std::uint8_t sc = at(b, scOffset);
    if (sc == GloFrame::kEncryptedAuthenticated) {
        if (length < kMinLength + GcmDecryptor::kTagSize)
            return std::string_view::npos;
    } else if (sc != GloFrame::kEncryptedOnly) {
        return std::string_view::npos;
    }
    return scOffset + length;
}

void GloFrameScanner::dropTo(std::size_t from)
{
    const std::size_t next = m_buffer.find(kStart, from);
    const std::size_t dropped = next == std::string::npos ? m_buffer.size() : next;
    // Bytes of a rejected frame stay noise even when a bogus header inside it is dropped; the
    // bytes after its end are plain. (How far the buffer reaches beyond a rejected frame depends
    // on how the input was chunked, so only the frame's own extent may decide.)
    const std::size_t noise = std::min(dropped, m_rejectedBytes);
    if (noise < dropped)
        m_plainSink(std::string_view(m_buffer).substr(noise, dropped - noise));
    m_stats.discarded += noise;
    consume(dropped);
}

void GloFrameScanner::consume(std::size_t n)
{
    m_buffer.erase(0, n);
    m_rejectedBytes -= std::min(n, m_rejectedBytes);
}

void GloFrameScanner::scan(bool endOfInput)
{
    // Invariant: a non-empty buffer starts with 0xDB.
    while (!m_buffer.empty()) {
        const std::size_t size = frameSize();
        if (size == std::string_view::npos || (size == 0 && endOfInput)) {
            // Not a frame after all: its 0xDB is plain, and a frame may start at any later byte.
            ++m_stats.resyncs;
            dropTo(1);
            continue;
        }
        if (size == 0)
            return;
        if (m_buffer.size() < size) {
            if (!endOfInput)
                return;
            // A frame cut off by the end of input: noise, but one may start inside it.
            m_rejectedBytes = m_buffer.size();
            ++m_stats.resyncs;
            dropTo(1);
            continue;
        }
        const std::string_view b(m_buffer);
        GloFrame frame;
        std::copy_n(b.begin() + 2, GloFrame::kSystemTitleSize, frame.systemTitle.begin());
        const std::uint8_t form = at(b, kLengthOffset);
        const std::size_t sc = kLengthOffset + (form == 0x82 ? 3 : form == 0x81 ? 2 : 1);
        frame.securityControl = at(b, sc);
        frame.frameCounter = std::uint32_t {at(b, sc + 1)} << 24
            | std::uint32_t {at(b, sc + 2)} << 16 | std::uint32_t {at(b, sc + 3)} << 8
            | at(b, sc + 4);
        const std::size_t tagSize = frame.authenticated() ? GcmDecryptor::kTagSize : 0;
        const std::size_t payload = sc + 1 + kCounterSize;
        frame.ciphertext = b.substr(payload, size - payload - tagSize);
        frame.tag = b.substr(size - tagSize, tagSize);
        ++m_stats.frames;
        if (m_frameSink(frame)) {
            consume(size);
            dropTo(0);
        } else {
            m_rejectedBytes = std::max(m_rejectedBytes, size);
            // Its bytes are noise (never plain: ciphertext would look like DSMR starts to the
            // framer), but the frame that follows may start inside it.
            ++m_stats.resyncs;
            dropTo(1);
        }
    }
}

} // namespace p1
