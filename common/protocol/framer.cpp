#include "framer.h"

#include <cstdio>
#include <cstring>

namespace p1 {

namespace {

constexpr int hexValue(char c) noexcept
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

constexpr bool isAlpha(char c) noexcept
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// "/XXX" with a three-letter manufacturer code: what a header looks like when it turns up in
// the middle of a line because the previous telegram lost its tail.
bool looksLikeHeader(std::string_view text, std::size_t pos) noexcept
{
    return pos + 4 <= text.size() && text[pos] == '/' && isAlpha(text[pos + 1])
        && isAlpha(text[pos + 2]) && isAlpha(text[pos + 3]);
}

} // namespace

std::string describe(const Frame &frame)
{
    char buf[96];
    switch (frame.error) {
    case FrameError::None:
        return {};
    case FrameError::CrcMismatch:
        std::snprintf(buf, sizeof buf, "CRC mismatch: sent %04X, computed %04X", frame.crcSent,
            frame.crcComputed);
        return buf;
    case FrameError::MalformedCrc:
        return "malformed CRC in footer";
    case FrameError::MissingCrc:
        return "footer without CRC from a meter that sends one";
    case FrameError::Truncated:
        return "truncated: no footer before the next telegram or end of input";
    case FrameError::Overflow:
        std::snprintf(buf, sizeof buf, "too long: %zu bytes without a footer", frame.text.size());
        return buf;
    }
    return "unknown error";
}

Framer::Framer(Sink sink, std::size_t maxSize)
    : m_sink(std::move(sink))
    , m_maxSize(maxSize)
{
    m_buffer.reserve(std::min<std::size_t>(maxSize, 2048));
}

void Framer::push(std::string_view bytes)
{
    m_stats.bytes += bytes.size();
    if (!m_mask7Bit) {
        process(bytes);
        return;
    }
    // 7E1 through 8N1: the parity bit arrives as bit 7. Masking a copy is a vectorised loop,
    // far cheaper than a branch per byte in the state machine.
    m_maskScratch.assign(bytes);
    for (char &c : m_maskScratch)
        c = char(c & 0x7F);
    process(m_maskScratch);
}

void Framer::process(std::string_view bytes)
{
    const char *const data = bytes.data();
    const std::size_t n = bytes.size();
    std::size_t i = 0;
    while (i < n) {
        switch (m_state) {
        case State::Idle: {
            const void *slash = std::memchr(data + i, '/', n - i);
            if (!slash) {
                m_stats.noiseBytes += n - i;
                return;
            }
            const std::size_t pos = std::size_t(static_cast<const char *>(slash) - data);
            m_stats.noiseBytes += pos - i;
            startTelegram();
            i = pos + 1;
            break;
        }
        case State::Body: {
            // Only a '/' or '!' at the start of a line means anything here; every other byte is
            // copied and CRC'd in bulk. Two memchr scans per chunk instead of work per line.
            std::size_t scan = i;
            const char *slash = nullptr;
            const char *bang = nullptr;
            std::size_t stop = n; // where the span to copy ends
            char marker = 0;
            while (scan < n) {
                if (!slash || slash < data + scan)
                    slash = static_cast<const char *>(std::memchr(data + scan, '/', n - scan));
                if (!bang || bang < data + scan)
                    bang = static_cast<const char *>(std::memchr(data + scan, '!', n - scan));
                const char *next = !slash ? bang : !bang ? slash : std::min(slash, bang);
                if (!next)
                    break;
                const std::size_t pos = std::size_t(next - data);
                const bool lineStart = pos > i ? data[pos - 1] == '\n' : m_buffer.back() == '\n';
                if (lineStart) {
                    stop = pos;
                    marker = *next;
                    break;
                }
                scan = pos + 1;
            }
            const std::string_view span = bytes.substr(i, stop - i);
            if (m_buffer.size() + span.size() + (marker ? 1 : 0) > m_maxSize) {
                // Keep what fits (it shows in --decode), drop the telegram and hunt for the
                // next '/' after it: memory stays bounded whatever the stream holds.
                const std::size_t fits =
                    m_maxSize > m_buffer.size() ? m_maxSize - m_buffer.size() : 0;
                m_buffer.append(span.substr(0, std::min(fits, span.size())));
                emit(FrameError::Overflow, CrcStatus::Bad);
                i += std::min(fits, span.size());
                break;
            }
            m_buffer.append(span);
            m_crc.update(span);
            i = stop;
            if (marker == '/') {
                // A header at a line start: the pending telegram lost its footer.
                emit(FrameError::Truncated, CrcStatus::Bad);
                startTelegram();
                ++i;
            } else if (marker == '!') {
                m_buffer.push_back('!');
                m_crc.update(static_cast<unsigned char>('!'));
                m_state = State::Footer;
                m_footerDigits = 0;
                m_footerValue = 0;
                ++i;
            }
            break;
        }
        case State::Footer: {
            const char c = data[i];
            const int digit = hexValue(c);
            if (digit >= 0) {
                m_buffer.push_back(c);
                m_footerValue = std::uint16_t((m_footerValue << 4) | unsigned(digit));
                ++i;
                if (++m_footerDigits == 4)
                    finishFooter();
                break;
            }
            // Any other byte ends the footer. A line end is part of it; anything else is left
            // for the idle state (it may be the '/' of the next telegram).
            if (c == '\r' || c == '\n')
                ++i;
            finishFooter();
            break;
        }
        }
    }
}

void Framer::startTelegram()
{
    m_buffer.clear();
    m_buffer.push_back('/');
    m_crc.reset();
    m_crc.update(static_cast<unsigned char>('/'));
    m_state = State::Body;
    m_footerDigits = 0;
    m_footerValue = 0;
}

void Framer::finishFooter()
{
    if (m_footerDigits == 0) {
        // DSMR 2.2/3.0 footer. From a stream that has been sending CRCs it means the CRC
        // digits were lost, and the telegram cannot be trusted.
        emit(m_streamHasCrc ? FrameError::MissingCrc : FrameError::None, CrcStatus::None);
        return;
    }
    if (m_crc.value() == m_footerValue) {
        m_streamHasCrc = true;
        emit(FrameError::None, CrcStatus::Ok);
        return;
    }
    if (!recoverInnerTelegram())
        emit(FrameError::CrcMismatch, CrcStatus::Bad);
}

bool Framer::recoverInnerTelegram()
{
    // The footer's '!' sits just before the CRC digits; the CRC covers '/'..'!'.
    const std::string_view text(m_buffer);
    const std::size_t bang = text.size() - m_footerDigits - 1;
    for (std::size_t pos = text.find('/', 1); pos != std::string_view::npos && pos < bang;
         pos = text.find('/', pos + 1)) {
        if (!looksLikeHeader(text, pos))
            continue;
        const std::uint16_t crc = Crc16::compute(text.substr(pos, bang + 1 - pos));
        if (crc != m_footerValue)
            continue;
        m_state = State::Idle;
        Frame lost {text.substr(0, pos), CrcStatus::Bad, FrameError::Truncated, 0, 0};
        ++m_stats.rejected;
        m_sink(lost);
        Frame good {text.substr(pos), CrcStatus::Ok, FrameError::None, m_footerValue, crc};
        ++m_stats.good;
        m_streamHasCrc = true;
        m_sink(good);
        m_buffer.clear();
        return true;
    }
    return false;
}

void Framer::emit(FrameError error, CrcStatus crc)
{
    Frame frame;
    frame.text = m_buffer;
    frame.crc = crc;
    frame.error = error;
    if (crc != CrcStatus::None && m_state == State::Footer) {
        frame.crcSent = m_footerValue;
        frame.crcComputed = m_crc.value();
    }
    if (error == FrameError::None)
        ++m_stats.good;
    else
        ++m_stats.rejected;
    m_state = State::Idle;
    m_sink(frame);
    m_buffer.clear();
}

void Framer::finish()
{
    switch (m_state) {
    case State::Idle:
        break;
    case State::Body:
        emit(FrameError::Truncated, CrcStatus::Bad);
        break;
    case State::Footer:
        finishFooter();
        break;
    }
}

void Framer::reset() noexcept
{
    m_state = State::Idle;
    m_buffer.clear();
    m_streamHasCrc = false;
    m_footerDigits = 0;
    m_footerValue = 0;
}

} // namespace p1
