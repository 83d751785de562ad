#include "telegramdecoder.h"

#include <utility>

namespace p1 {

namespace {

// The framer's error a frame rejection stands for.
FrameError frameErrorOf(Rejection rejection) noexcept
{
    switch (rejection) {
    case Rejection::CrcMismatch:
        return FrameError::CrcMismatch;
    case Rejection::MalformedCrc:
        return FrameError::MalformedCrc;
    case Rejection::MissingCrc:
        return FrameError::MissingCrc;
    case Rejection::Truncated:
        return FrameError::Truncated;
    case Rejection::Overflow:
        return FrameError::Overflow;
    case Rejection::None:
    case Rejection::CrcRequired:
    case Rejection::NoHeader:
    case Rejection::NoObjects:
        break;
    }
    return FrameError::None;
}

// A version line or a timestamp: what DSMR 4.0 and newer (and the Belgian, Luxembourg, Swedish
// and Austrian variants) send and 2.2/3.0 do not. The header's digit after the manufacturer
// code is the IEC baud-rate code, 5 on 2.2 meters too: it says nothing about the version.
bool showsDsmr4OrNewer(const Telegram &telegram) noexcept
{
    for (const CosemObject &object : telegram.objects) {
        if (object.field == Field::Version || object.field == Field::VersionBelgium
            || object.field == Field::Timestamp)
            return true;
    }
    return false;
}

} // namespace

std::string describe(const DecodedTelegram &decoded)
{
    // The framer and the parser word their own errors; the text follows the rejection (the
    // verdict that counts), not the framer's own error. A rule judge() adds that neither of
    // them knows needs a case of its own here.
    switch (decoded.rejection) {
    case Rejection::None:
        return {};
    case Rejection::NoHeader:
        return std::string(describe(ParseError::NoHeader));
    case Rejection::NoObjects:
        return std::string(describe(ParseError::NoObjects));
    case Rejection::CrcRequired:
        return "footer without CRC on a DSMR 4 or newer telegram (version line or timestamp)";
    case Rejection::CrcMismatch:
    case Rejection::MalformedCrc:
    case Rejection::MissingCrc:
    case Rejection::Truncated:
    case Rejection::Overflow:
        break;
    }
    Frame frame = decoded.frame;
    frame.error = frameErrorOf(decoded.rejection);
    return describe(frame);
}

TelegramDecoder::TelegramDecoder(Sink sink)
    : m_sink(std::move(sink))
    , m_framer([this](const Frame &frame) { onFrame(frame); })
{
    m_framer.setMask7Bit(true);
}

void TelegramDecoder::push(std::string_view bytes)
{
    // Stage 1, bytes: handed on unchanged. A stage that transforms the stream before framing
    // (DLMS decryption) goes here, and flushes in finish().
    m_framer.push(bytes);
}

void TelegramDecoder::finish()
{
    m_framer.finish();
}

void TelegramDecoder::reset() noexcept
{
    m_framer.reset();
}

void TelegramDecoder::restart() noexcept
{
    m_framer.reset();
    m_mapper.reset();
    m_meterSendsCrc = false;
}

TelegramDecoder::Stats TelegramDecoder::stats() const noexcept
{
    const Framer::Stats &framer = m_framer.stats();
    return {framer.bytes, framer.noiseBytes, m_accepted, m_rejected};
}

Rejection TelegramDecoder::judge(const Frame &frame, ParseError parseError) const noexcept
{
    switch (frame.error) {
    case FrameError::None:
        break;
    case FrameError::CrcMismatch:
        return Rejection::CrcMismatch;
    case FrameError::MalformedCrc:
        return Rejection::MalformedCrc;
    case FrameError::MissingCrc:
        return Rejection::MissingCrc;
    case FrameError::Truncated:
        return Rejection::Truncated;
    case FrameError::Overflow:
        return Rejection::Overflow;
    }
    if (frame.crc == CrcStatus::None) {
        // The framer forgets at every reset that the stream carried CRCs; the decoder keeps it
        // for the same meter. Only CRC-less telegrams pay for the look at the objects.
        if (m_meterSendsCrc)
            return Rejection::MissingCrc;
        if (showsDsmr4OrNewer(m_telegram))
            return Rejection::CrcRequired;
    }
    switch (parseError) {
    case ParseError::None:
        break;
    case ParseError::NoHeader:
        return Rejection::NoHeader;
    case ParseError::NoObjects:
        return Rejection::NoObjects;
    }
    return Rejection::None;
}

// Stage 2, frames, ends here: the framer found a telegram and checked its CRC.
void TelegramDecoder::onFrame(const Frame &frame)
{
    // Stage 3, text; stage 4, verdict.
    const ParseError parseError = Parser::parse(frame.text, m_telegram);
    if (frame.ok() && frame.crc == CrcStatus::Ok)
        m_meterSendsCrc = true;
    DecodedTelegram decoded {frame, judge(frame, parseError), m_telegram, m_reading, m_grid, m_gas,
        m_water, false, false};
    // Stage 5, meaning: only for accepted telegrams, which alone feed the gas flow.
    if (decoded.accepted()) {
        ++m_accepted;
        m_reading.fill(m_telegram);
        decoded.hasGrid = m_mapper.mapGrid(m_reading, m_grid);
        decoded.hasGas = m_mapper.mapGas(m_reading, m_gas);
        m_mapper.mapWater(m_reading, m_water);
    } else {
        // Nothing of a rejected telegram may look published: no reading, no values.
        ++m_rejected;
        m_reading.clear();
        m_grid.invalidateAll();
        m_gas.invalidateAll();
        m_water.invalidateAll();
    }
    m_sink(decoded);
}

} // namespace p1
