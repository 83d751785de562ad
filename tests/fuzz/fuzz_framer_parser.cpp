// libFuzzer target: arbitrary bytes through the whole pure decode chain, as a dirty serial line
// would deliver them: Framer (any chunking, 7-bit mask on or off) -> Parser -> Reading ->
// VenusMapper (grid and gas), plus the parser on the raw input, plus the TelegramDecoder that
// runs the same chain for the programs.
//
// Input layout: byte 0 holds flags, byte 1 a seed, the rest is the byte stream.
//   bit 0     mask7Bit on the framer
//   bit 1     a small maximum telegram size (256 + 16 * seed) to exercise overflow and resync
//   bits 2-3  chunking: 0 whole, 1 byte by byte, 2 random 1-16 bytes, 3 random 1-256 bytes
//   bit 4     the TelegramDecoder has a key (kFuzzKey, default AK) for encrypted frames
//
// Besides the sanitizers, it checks what the core promises:
// - chunking does not change the result: the frames from the chunked pushes equal those from
//   one push, overflow and resynchronisation included;
// - every frame starts with '/', stays within the size bound, and a frame reported good with a
//   CRC carries the CRC of its own text;
// - every view of a parsed Telegram points into the frame text;
// - every number the Venus services would publish is finite;
// - the TelegramDecoder reports the frames the 7-bit masked framer finds, each with a verdict
//   that agrees with the framer and the parser, a CRC-less telegram with a version line or a
//   timestamp rejected (CrcRequired), an English reason exactly when rejected, and
//   finite values only when accepted. With encrypted frames (0xDB) in the stream the decoder
//   finds what the framer alone cannot: then its results must not depend on the chunking, and
//   every frame's verdict must be consistent (a telegram decrypted without a tag that vouches
//   for it is accepted only with a good CRC).
// A violation aborts with a message, which libFuzzer reports as a crash with the input saved.

#include "crc16.h"
#include "decimal.h"
#include "framer.h"
#include "obistable.h"
#include "reading.h"
#include "telegram.h"
#include "telegramdecoder.h"
#include "venusmapping.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace p1;

[[noreturn]] void fail(const char *what)
{
    std::fprintf(stderr, "fuzz_framer_parser: invariant violated: %s\n", what);
    std::abort();
}

void check(bool condition, const char *what)
{
    if (!condition)
        fail(what);
}

bool inside(std::string_view part, std::string_view whole) noexcept
{
    if (part.empty())
        return true;
    return part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size();
}

/// A frame as it was reported, copied: the text view is valid only during the callback.
struct FrameRecord
{
    std::string text;
    CrcStatus crc;
    FrameError error;
    std::uint16_t crcSent;
    std::uint16_t crcComputed;

    friend bool operator==(const FrameRecord &, const FrameRecord &) = default;
};

/// Reused across inputs, as the daemon reuses them across telegrams.
struct Chain
{
    Telegram telegram;
    Reading reading;
    VenusMapper mapper;
    GridValues grid;
    GasValues gas;
};

void checkValues(const VenusValue *values, std::size_t count)
{
    for (std::size_t i = 0; i < count; ++i)
        if (values[i].kind == ValueKind::Double)
            check(std::isfinite(values[i].number), "a published double is not finite");
}

/// Parser -> Reading -> VenusMapper on one frame text, with the Telegram's invariants.
void decode(Chain &chain, std::string_view text)
{
    Telegram &telegram = chain.telegram;
    const ParseError error = Parser::parse(text, telegram);
    (void)describe(error);
    check(inside(telegram.ident, text), "ident outside the frame text");
    for (const CosemObject &object : telegram.objects) {
        check(std::size_t(object.firstValue) + object.valueCount <= telegram.values.size(),
            "object values out of range");
        check(inside(object.obisText, text), "OBIS text outside the frame text");
        (void)object.obis.toString();
        (void)describeObis(object.obis);
        check(object.field == obisField(object.obis), "field is not the table's for the code");
        for (const CosemValue &value : telegram.valuesOf(object)) {
            check(inside(value.text, text), "value text outside the frame text");
            check(inside(value.unitText, text), "unit text outside the frame text");
            (void)value.plain();
            if (const auto decimal = Decimal::parse(value.text)) {
                (void)decimal->toString();
                (void)decimal->toDouble();
            }
        }
    }
    for (std::string_view line : telegram.unparsed)
        check(inside(line, text), "unparsed line outside the frame text");
    if (error != ParseError::None)
        return;

    chain.reading.fill(telegram);
    (void)chain.reading.totalImport();
    (void)chain.reading.totalExport();
    (void)chain.reading.netPower();
    (void)chain.reading.lowTariff();
    (void)chain.reading.timestamp.toIso8601();
    chain.mapper.mapGrid(chain.reading, chain.grid);
    checkValues(chain.grid.values.data(), chain.grid.values.size());
    for (std::size_t i = 0; i < kGridPathCount; ++i)
        (void)formatText(pathSpec(GridPath(i)), chain.grid.values[i]);
    if (chain.mapper.mapGas(chain.reading, chain.gas)) {
        checkValues(chain.gas.values.data(), chain.gas.values.size());
        for (std::size_t i = 0; i < kGasPathCount; ++i)
            (void)formatText(pathSpec(GasPath(i)), chain.gas.values[i]);
    }
}

void checkFrame(const Frame &frame, std::size_t maxSize)
{
    check(!frame.text.empty() && frame.text.front() == '/', "frame does not start with '/'");
    // The body is bounded by maxSize; the footer ('!' and up to 4 CRC digits) comes on top.
    check(frame.text.size() <= maxSize + 5, "frame longer than the framer's bound");
    if (frame.ok() && frame.crc == CrcStatus::Ok) {
        const std::size_t bang = frame.text.rfind('!');
        check(bang != std::string_view::npos, "good CRC frame without '!'");
        check(Crc16::compute(frame.text.substr(0, bang + 1)) == frame.crcSent,
            "good frame's CRC does not match its text");
        check(frame.crcSent == frame.crcComputed, "good frame with differing CRCs");
    }
}

/// The fixed key of the encrypted path (the shared Smarty vector's key; fuzz_seeds encrypts with
/// it too).
constexpr AesKey kFuzzKey {
    0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA};

/// A version line (1-3:0.2.8, Belgian 0-0:96.1.4) or a timestamp (0-0:1.0.0): a DSMR 4 or
/// newer telegram, which must carry a CRC. Looked up by code here, not through the OBIS table.
bool showsDsmr4OrNewer(const Telegram &telegram)
{
    for (const CosemObject &object : telegram.objects) {
        const Obis &o = object.obis;
        if (o == Obis {1, 3, 0, 2, 8} || o == Obis {0, 0, 96, 1, 4} || o == Obis {0, 0, 1, 0, 0})
            return true;
    }
    return false;
}

/// One TelegramDecoder result, checked against what the framer and the parser say on their own
/// and the decoder's CRC rule. The decoder is never reset here, so its memory that the stream
/// carried CRCs is the framer's own (FrameError::MissingCrc). A decrypted telegram is checked
/// against its envelope's verdict instead.
void checkDecoded(const DecodedTelegram &decoded)
{
    const Frame &frame = decoded.frame;
    check(describe(decoded).empty() == decoded.accepted(), "a reason exactly when rejected");
    Telegram telegram;
    const bool parses = Parser::parse(frame.text, telegram) == ParseError::None;
    if (const Envelope *envelope = decoded.envelope) {
        if (decoded.accepted() && envelope->tag != TagVerdict::Ok)
            check(frame.crc == CrcStatus::Ok, "decrypted without tag nor CRC, accepted");
        if (envelope->tag == TagVerdict::NotChecked)
            check(decoded.rejection == Rejection::KeyMissing, "no key, yet not KeyMissing");
    } else if (!frame.ok()) {
        check(isFrameRejection(decoded.rejection) && decoded.rejection != Rejection::CrcRequired,
            "the rejection disagrees with the framer");
    } else if (frame.crc == CrcStatus::None && showsDsmr4OrNewer(telegram)) {
        check(decoded.rejection == Rejection::CrcRequired,
            "a DSMR 4+ telegram without CRC was not rejected for it");
    } else {
        check(!isFrameRejection(decoded.rejection), "the rejection disagrees with the framer");
        check(parses == decoded.accepted(), "the rejection disagrees with the parser");
    }
    if (!decoded.accepted()) {
        check(!decoded.hasGrid && !decoded.hasGas, "a rejected telegram has values");
        for (const VenusValue &value : decoded.grid.values)
            check(!value.valid(), "a rejected telegram has a valid grid value");
        return;
    }
    checkValues(decoded.grid.values.data(), decoded.grid.values.size());
    checkValues(decoded.gas.values.data(), decoded.gas.values.size());
}

/// Chunk sizes from a small xorshift generator: deterministic per input.
class ChunkSizes
{
public:
    ChunkSizes(unsigned mode, std::uint8_t seed)
        : m_mode(mode)
        , m_state(0x9E3779B9u ^ (std::uint32_t(seed) << 8 | seed))
    { }

    std::size_t next(std::size_t remaining)
    {
        switch (m_mode) {
        case 0:
            return remaining;
        case 1:
            return 1;
        default: {
            m_state ^= m_state << 13;
            m_state ^= m_state >> 17;
            m_state ^= m_state << 5;
            const std::size_t limit = m_mode == 2 ? 16 : 256;
            return std::min<std::size_t>(remaining, 1 + m_state % limit);
        }
        }
    }

private:
    unsigned m_mode;
    std::uint32_t m_state;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 2)
        return 0;
    const std::uint8_t flags = data[0];
    const std::uint8_t seed = data[1];
    const std::string_view stream(reinterpret_cast<const char *>(data + 2), size - 2);

    const bool mask = flags & 1;
    const std::size_t maxSize =
        (flags & 2) ? 256 + 16 * std::size_t(seed) : Framer::kDefaultMaxSize;
    const unsigned chunking = (flags >> 2) & 3;

    static Chain chain;
    chain.mapper.reset();

    // Reference: the whole stream in one push.
    std::vector<FrameRecord> whole;
    {
        Framer framer(
            [&](const Frame &frame) {
                whole.push_back({std::string(frame.text), frame.crc, frame.error, frame.crcSent,
                    frame.crcComputed});
            },
            maxSize);
        framer.setMask7Bit(mask);
        framer.push(stream);
        framer.finish();
        check(!framer.pending(), "framer pending after finish()");
        const Framer::Stats &stats = framer.stats();
        check(stats.bytes == stream.size(), "byte count differs from the input size");
        check(stats.good + stats.rejected == whole.size(), "frame counts differ from frames seen");
    }

    // The same stream in chunks, decoded frame by frame as the daemon does.
    std::vector<FrameRecord> chunked;
    {
        Framer framer(
            [&](const Frame &frame) {
                checkFrame(frame, maxSize);
                chunked.push_back({std::string(frame.text), frame.crc, frame.error, frame.crcSent,
                    frame.crcComputed});
                (void)describe(frame);
                decode(chain, frame.text);
            },
            maxSize);
        framer.setMask7Bit(mask);
        ChunkSizes sizes(chunking, seed);
        for (std::size_t pos = 0; pos < stream.size();) {
            const std::size_t n = sizes.next(stream.size() - pos);
            framer.push(stream.substr(pos, n));
            pos += n;
        }
        framer.finish();
    }
    check(whole == chunked, "chunking changed the frames");

    // The decoder the programs use: the same frames as a masked framer with the default bound,
    // as long as no encrypted frame can start (no 0xDB); else the same frames in any chunking.
    if (mask && maxSize == Framer::kDefaultMaxSize) {
        const bool withKey = (flags & 0x10) != 0;
        const auto runDecoder = [&](unsigned how) {
            std::vector<FrameRecord> decoded;
            TelegramDecoder decoder([&](const DecodedTelegram &telegram) {
                checkDecoded(telegram);
                const Frame &frame = telegram.frame;
                decoded.push_back({std::string(frame.text), frame.crc, frame.error, frame.crcSent,
                    frame.crcComputed});
            });
            if (withKey)
                decoder.setKeys({kFuzzKey, GcmDecryptor::kDefaultAuthKey});
            ChunkSizes sizes(how, seed);
            for (std::size_t pos = 0; pos < stream.size();) {
                const std::size_t n = sizes.next(stream.size() - pos);
                decoder.push(stream.substr(pos, n));
                pos += n;
            }
            decoder.finish();
            const TelegramDecoder::Stats stats = decoder.stats();
            check(stats.accepted + stats.rejected == decoded.size(), "decoder counts differ");
            check(stats.bytes == stream.size(), "decoder byte count differs from the input");
            return decoded;
        };
        const std::vector<FrameRecord> decoded = runDecoder(chunking);
        if (stream.find('\xDB') == std::string_view::npos)
            check(decoded == whole, "the decoder's frames differ from the framer's");
        else if (chunking != 0)
            check(decoded == runDecoder(0), "chunking changed the decoder's frames");
    }

    // The parser must take any text, not only what the framer hands it.
    decode(chain, stream);
    return 0;
}
