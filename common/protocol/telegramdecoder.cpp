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
    case Rejection::KeyMissing:
    case Rejection::DecryptionFailed:
    case Rejection::NotDsmr:
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

std::string_view describe(TagVerdict tag) noexcept
{
    switch (tag) {
    case TagVerdict::Ok:
        return "ok";
    case TagVerdict::Absent:
        return "none";
    case TagVerdict::AuthKeyDiffers:
        return "AK differs";
    case TagVerdict::Failed:
        return "failed";
    case TagVerdict::NotChecked:
        break;
    }
    return "not checked";
}

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
    case Rejection::KeyMissing:
        return "this meter encrypts its telegrams: give its key with --key";
    case Rejection::DecryptionFailed:
        return "decryption failed: wrong key?";
    case Rejection::NotDsmr:
        return "decrypted, but no DSMR telegram inside (binary DLMS is not supported)";
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
    , m_scanner([this](std::string_view plain) { m_framer.push(plain); },
          [this](const GloFrame &frame) { return onEncryptedFrame(frame); })
{
    m_framer.setMask7Bit(true);
}

void TelegramDecoder::setKeys(const DecryptionKeys &keys)
{
    m_decryptor = keys.key ? std::make_unique<GcmDecryptor>(*keys.key, keys.authKey) : nullptr;
}

void TelegramDecoder::push(std::string_view bytes)
{
    // Stage 1, bytes: encrypted frames out (onEncryptedFrame), plain bytes on to the framer.
    m_bytes += bytes.size();
    m_scanner.push(bytes);
}

void TelegramDecoder::finish()
{
    m_scanner.finish();
    m_framer.finish();
}

void TelegramDecoder::reset() noexcept
{
    m_scanner.reset();
    m_framer.reset();
}

void TelegramDecoder::restart() noexcept
{
    reset();
    m_mapper.reset();
    m_meterSendsCrc = false;
}

TelegramDecoder::Stats TelegramDecoder::stats() const noexcept
{
    return {m_bytes, m_framer.stats().noiseBytes + m_scanner.stats().discarded, m_accepted,
        m_rejected, m_encrypted, m_authKeyDiffers};
}

// Stage 1 for an encrypted frame: decrypt, then frame the plaintext as any other bytes.
// Returns whether the frame was good; a bad one is rescanned for a frame inside it.
bool TelegramDecoder::onEncryptedFrame(const GloFrame &frame)
{
    ++m_encrypted;
    Envelope envelope {frame, TagVerdict::NotChecked};
    m_envelope = &envelope;
    if (!m_decryptor) {
        emitEmpty(Rejection::KeyMissing);
        m_envelope = nullptr;
        return true; // what it is, is known: nothing to rescan
    }
    const std::optional<GcmDecryptor::Tag> tag = m_decryptor->decrypt(
        frame.iv(), frame.securityControl, frame.ciphertext, frame.tag, m_plaintext);
    if (!tag) {
        emitEmpty(Rejection::DecryptionFailed);
        m_envelope = nullptr;
        return false;
    }
    envelope.tag = *tag == GcmDecryptor::Tag::Ok ? TagVerdict::Ok
        : *tag == GcmDecryptor::Tag::Absent      ? TagVerdict::Absent
                                                 : TagVerdict::Failed;
    // Without a tag that vouches for it, plaintext that does not start a telegram is garbage
    // from a wrong key: one rejection, not whatever the framer would make of the noise.
    if (envelope.tag != TagVerdict::Ok && (m_plaintext.empty() || m_plaintext.front() != '/')) {
        emitEmpty(Rejection::DecryptionFailed);
        m_envelope = nullptr;
        return false;
    }
    // A plain telegram this frame cut off ends here (Truncated); the plaintext is framed on its
    // own, and finished even when its footer lacks the line end.
    m_envelope = nullptr;
    m_framer.finish();
    m_envelope = &envelope;
    m_envelopeTelegrams = 0;
    m_envelopeAccepted = 0;
    m_framer.push(m_plaintext);
    m_framer.finish();
    if (m_envelopeTelegrams == 0)
        emitEmpty(
            envelope.tag == TagVerdict::Ok ? Rejection::NotDsmr : Rejection::DecryptionFailed);
    m_envelope = nullptr;
    return envelope.tag == TagVerdict::Ok || m_envelopeAccepted > 0;
}

// A rejected encrypted frame that yielded no telegram: reported with an empty frame text.
void TelegramDecoder::emitEmpty(Rejection rejection)
{
    const Frame frame {};
    m_telegram.clear();
    m_reading.clear();
    m_grid.invalidateAll();
    m_gas.invalidateAll();
    m_water.invalidateAll();
    ++m_rejected;
    DecodedTelegram decoded {
        frame, rejection, m_telegram, m_reading, m_grid, m_gas, m_water, false, false};
    decoded.envelope = m_envelope;
    m_sink(decoded);
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
    if (m_envelope) {
        // Decrypted without a tag that vouches for it: only the telegram's own CRC can.
        ++m_envelopeTelegrams;
        decoded.envelope = m_envelope;
        const bool crcOk = decoded.accepted() && frame.crc == CrcStatus::Ok;
        if (m_envelope->tag == TagVerdict::Failed
            || m_envelope->tag == TagVerdict::AuthKeyDiffers) {
            m_envelope->tag = crcOk ? TagVerdict::AuthKeyDiffers : TagVerdict::Failed;
            if (crcOk)
                ++m_authKeyDiffers;
        }
        if (m_envelope->tag != TagVerdict::Ok && !crcOk)
            decoded.rejection = Rejection::DecryptionFailed;
        if (decoded.accepted())
            ++m_envelopeAccepted;
    }
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
