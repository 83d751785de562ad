#include "telegram.h"

#include "loadle.h"
#include "obis.h"

#include <array>
#include <bit>
#include <cstring>

namespace p1 {

namespace {

constexpr std::size_t kMaxUnitLength = 8;

constexpr bool isDigit(char c) noexcept
{
    return c >= '0' && c <= '9';
}
constexpr bool isLetter(char c) noexcept
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Letters and digits: what a unit after '*' is made of.
constexpr std::array<bool, 256> kAlnum = [] {
    std::array<bool, 256> table {};
    for (int c = 0; c < 256; ++c)
        table[std::size_t(c)] = isLetter(char(c)) || isDigit(char(c));
    return table;
}();

// The value scan looks for ')' and '\n' eight bytes at a time (SWAR): values are most of a
// telegram's bytes (34-character hex identifiers, 13-character timestamps).
constexpr std::uint64_t kOnes = 0x0101010101010101ull;
constexpr std::uint64_t kHighs = 0x8080808080808080ull;

// High bit set in each byte of \a v that is zero. Borrows can also flag a byte above a zero
// byte, never below one: the lowest flagged byte is always a real match.
constexpr std::uint64_t zeroBytes(std::uint64_t v) noexcept
{
    return (v - kOnes) & ~v & kHighs;
}

// High bit set in exactly the bytes of \a v that are zero (no borrow effects).
constexpr std::uint64_t exactZeroBytes(std::uint64_t v) noexcept
{
    constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full;
    return ~(((v & kLow7) + kLow7) | v | kLow7);
}

// --- known codes ------------------------------------------------------------------------------
//
// Nearly every line of a telegram starts with one of a few dozen codes, written the one way a
// code is written ("1-0:1.8.1"). Those are recognised whole: the code's text, up to the '(' in
// its second eight bytes, is looked up in a compile-time perfect hash of their texts - two
// loads, a multiplication, two compares - instead of being scanned group by group, digit by
// digit (~70 instructions a line, the largest part of a parse). Anything else (another code, a
// zero-padded group, `*255`) misses and is scanned as before, with the same result.

// The codes recognised whole: the Reading's, on every M-Bus channel, and a few more that
// telegrams often carry.
constexpr auto kKnownCodes = [] {
    constexpr Obis kCodes[] = {obis::Version, obis::VersionBelgium, obis::Timestamp,
        obis::EquipmentId, obis::EquipmentIdAlt, obis::LogicalDeviceName, obis::EasyMeterSerial,
        obis::ImportTotal, obis::ImportT1, obis::ImportT2, obis::ImportT3, obis::ImportT4,
        obis::ExportTotal, obis::ExportT1, obis::ExportT2, obis::ExportT3, obis::ExportT4,
        obis::Tariff, obis::PowerImport, obis::PowerExport, obis::PowerL1Import,
        obis::PowerL2Import, obis::PowerL3Import, obis::PowerL1Export, obis::PowerL2Export,
        obis::PowerL3Export, obis::VoltageL1, obis::VoltageL2, obis::VoltageL3, obis::CurrentL1,
        obis::CurrentL2, obis::CurrentL3, obis::PowerFailures, obis::LongPowerFailures,
        obis::SagsL1, obis::SagsL2, obis::SagsL3, obis::SwellsL1, obis::SwellsL2, obis::SwellsL3,
        obis::TextMessage, obis::TextMessageCode, obis::BreakerState, obis::CurrentAverageDemand,
        obis::MaximumDemandMonth, obis::MaximumDemandYear, Obis {1, 0, 99, 97, 0},
        Obis {0, 0, 17, 0, 0}, Obis {1, 0, 31, 4, 0}, Obis {1, 0, 51, 4, 0}, Obis {1, 0, 71, 4, 0},
        Obis {1, 0, 3, 7, 0}, Obis {1, 0, 4, 7, 0}, Obis {1, 0, 14, 7, 0}, Obis {1, 0, 3, 8, 0},
        Obis {1, 0, 4, 8, 0}};
    constexpr Obis kChannelCodes[] = {obis::MbusDeviceType, obis::MbusEquipmentId,
        obis::MbusEquipmentIdBelgium, obis::MbusValue, obis::MbusValueBelgium, obis::MbusProfile,
        obis::MbusValveState};
    std::array<Obis, std::size(kCodes) + 4 * std::size(kChannelCodes)> all {};
    std::size_t n = 0;
    for (const Obis &code : kCodes)
        all[n++] = code;
    for (std::uint8_t channel = 1; channel <= 4; ++channel)
        for (const Obis &code : kChannelCodes)
            all[n++] = code.withChannel(channel);
    return all;
}();

// A code's text as a telegram writes it, in two words: the first eight characters, the rest
// (1-7 of them), each the lowest address in the lowest byte, zeros after the end.
struct CodeText
{
    std::uint64_t head = 0;
    std::uint64_t tail = 0;
    std::uint8_t length = 0;
};

constexpr CodeText codeText(const Obis &code) noexcept
{
    std::array<char, 24> text {};
    std::size_t n = 0;
    auto number = [&](unsigned v) {
        if (v >= 100)
            text[n++] = char('0' + v / 100);
        if (v >= 10)
            text[n++] = char('0' + v / 10 % 10);
        text[n++] = char('0' + v % 10);
    };
    number(code.a);
    text[n++] = '-';
    number(code.b);
    text[n++] = ':';
    number(code.c);
    text[n++] = '.';
    number(code.d);
    text[n++] = '.';
    number(code.e);
    CodeText out;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t byte = static_cast<unsigned char>(text[i]);
        if (i < 8)
            out.head |= byte << (8 * i);
        else
            out.tail |= byte << (8 * (i - 8));
    }
    out.length = std::uint8_t(n);
    return out;
}

// Multiply-shift hash of a code text into 1024 slots; the multiplier is the first of a fixed
// sequence that gives every known code its own slot, found at compile time.
constexpr unsigned kCodeSlotBits = 10;
constexpr unsigned codeSlot(
    std::uint64_t head, std::uint64_t tail, std::uint64_t multiplier) noexcept
{
    return unsigned(((head + tail * 0x9E3779B97F4A7C15ull) * multiplier) >> (64 - kCodeSlotBits));
}

constexpr bool codeSlotsFree(std::uint64_t multiplier) noexcept
{
    std::array<bool, std::size_t(1) << kCodeSlotBits> used {};
    for (const Obis &code : kKnownCodes) {
        const CodeText t = codeText(code);
        const unsigned slot = codeSlot(t.head, t.tail, multiplier);
        if (used[slot])
            return false;
        used[slot] = true;
    }
    return true;
}

constexpr std::uint64_t kCodeHashMultiplier = [] {
    std::uint64_t multiplier = 0xC2B2AE3D27D4EB4Full; // odd
    for (int attempt = 0; attempt < 10000 && !codeSlotsFree(multiplier); ++attempt)
        multiplier += 0x2545F4914F6CDD1Eull; // even step: stays odd
    return multiplier;
}();
static_assert(codeSlotsFree(kCodeHashMultiplier), "no perfect hash multiplier for the codes");

struct KnownCode
{
    std::uint64_t head = ~std::uint64_t(0); // matches no text: a code starts with a digit
    std::uint64_t tail = 0;
    Obis code;
    std::uint8_t length = 0;
};

// Entry 0 is the empty one; a slot holds its code's entry index.
constexpr auto kKnownCodeEntries = [] {
    std::array<KnownCode, std::size(kKnownCodes) + 1> entries {};
    for (std::size_t i = 0; i < std::size(kKnownCodes); ++i) {
        const CodeText t = codeText(kKnownCodes[i]);
        entries[i + 1] = {t.head, t.tail, kKnownCodes[i], t.length};
    }
    return entries;
}();
static_assert(std::size(kKnownCodeEntries) <= 256, "slot entries are bytes");

constexpr auto kKnownCodeSlots = [] {
    std::array<std::uint8_t, std::size_t(1) << kCodeSlotBits> slots {};
    for (std::size_t i = 1; i < kKnownCodeEntries.size(); ++i) {
        const KnownCode &entry = kKnownCodeEntries[i];
        slots[codeSlot(entry.head, entry.tail, kCodeHashMultiplier)] = std::uint8_t(i);
    }
    return slots;
}();

constexpr bool knownCodesFit() noexcept
{
    for (std::size_t i = 1; i < kKnownCodeEntries.size(); ++i)
        if (kKnownCodeEntries[i].length < 9 || kKnownCodeEntries[i].length > 15)
            return false;
    return true;
}
static_assert(knownCodesFit(), "a known code's '(' must be in its second eight bytes");

/// The known code at \a p (16 bytes readable): its '(' with \a out set, or nullptr.
inline const char *knownCode(const char *p, Obis *out) noexcept
{
    const std::uint64_t head = loadLe64(p);
    const std::uint64_t second = loadLe64(p + 8);
    const std::uint64_t open = exactZeroBytes(second ^ (kOnes * std::uint8_t('(')));
    if (!open)
        return nullptr;
    const int at = std::countr_zero(open) / 8; // the '(' is at p + 8 + at
    const std::uint64_t tail = second & ((std::uint64_t(1) << (8 * at)) - 1);
    const KnownCode &entry =
        kKnownCodeEntries[kKnownCodeSlots[codeSlot(head, tail, kCodeHashMultiplier)]];
    if (entry.head != head || entry.tail != tail)
        return nullptr;
    *out = entry.code;
    return p + 8 + at;
}

/// The first ')' or '\n' at or after \a p, or \a end.
inline const char *findCloseOrNewline(const char *p, const char *end) noexcept
{
    while (end - p >= 8) {
        const std::uint64_t w = loadLe64(p);
        const std::uint64_t m = zeroBytes(w ^ (kOnes * std::uint8_t(')')))
            | zeroBytes(w ^ (kOnes * std::uint8_t('\n')));
        if (m)
            return p + std::countr_zero(m) / 8;
        p += 8;
    }
    for (; p != end; ++p)
        if (*p == ')' || *p == '\n')
            return p;
    return end;
}

/// One pass over the frame text, filling a Telegram. Pointer based: this is the hot path (a
/// DSMR 5 telegram every second on a 1 GHz Cortex-A8), so the common case - an object line with
/// short values ending in CR LF - is scanned once, without searching for the line end first.
/// Only the rare cases (wrapped values, noise lines) look ahead line by line.
class LineParser
{
public:
    LineParser(std::string_view text, Telegram &out) noexcept
        : m_begin(text.data())
        , m_end(text.data() + text.size())
        , m_out(out)
    { }

    // Flattened: everything it calls is inlined, vector::emplace_back() and the unit fast path
    // included, which GCC otherwise keeps out of line in a function this size (~10% of a parse).
    [[gnu::flatten]] ParseError run() noexcept
    {
        if (m_begin == m_end || *m_begin != '/')
            return ParseError::NoHeader;
        const char *nl = findNewline(m_begin);
        const char *headerEnd = stripCr(m_begin, nl);
        m_out.ident = {m_begin + 1, std::size_t(headerEnd - (m_begin + 1))};
        if (m_out.ident.empty())
            return ParseError::NoHeader;

        bool canContinue = false; // the previous line was an object: '(' lines append to it
        const char *p = after(nl);
        while (p != m_end) {
            const char c = *p;
            if (c == '\n') { // blank line, LF only
                ++p;
                continue;
            }
            if (c == '\r' && p + 1 != m_end && p[1] == '\n') { // blank line
                p += 2;
                continue;
            }
            if (c == '!') // the footer ends the telegram; whatever follows is not ours
                break;
            if (isDigit(c)) {
                // Scanned straight into its place: a code assembled on the stack byte by byte
                // and then copied is reloaded wider than it was stored, which stalls store
                // forwarding on every line.
                CosemObject &object = m_out.objects.emplace_back();
                if (const char *open = scanObis(p, &object.obis)) {
                    object.obisText = {p, std::size_t(open - p)};
                    object.firstValue = std::uint32_t(m_out.values.size());
                    p = parseValues(open);
                    canContinue = true;
                    continue;
                }
                m_out.objects.pop_back();
            } else if (c == '(' && canContinue) {
                p = parseValues(p);
                continue;
            }
            // Neither an object nor a continuation: noise, a bit error, a stray header.
            nl = findNewline(p);
            m_out.unparsed.emplace_back(p, std::size_t(stripCr(p, nl) - p));
            canContinue = false;
            p = after(nl);
        }
        return m_out.objects.empty() ? ParseError::NoObjects : ParseError::None;
    }

private:
    /// The OBIS code at \a p when '(' follows it: returns the '(' (or nullptr).
    [[nodiscard]] const char *scanObis(const char *p, Obis *code) const noexcept
    {
        const char *q = nullptr;
        if (m_end - p >= detail::kObisScanReadAhead) {
            if (const char *open = knownCode(p, code))
                return open;
            q = detail::scanObisUnchecked(p, code);
        } else {
            // Near the end of the text (a frame without footer): the checked parser.
            std::size_t consumed = 0;
            if (const auto parsed = Obis::parse({p, std::size_t(m_end - p)}, &consumed)) {
                *code = *parsed;
                q = p + consumed;
            }
        }
        return (q && q != m_end && *q == '(') ? q : nullptr;
    }

    /// The '\n' ending the line that contains \a p, or m_end.
    [[nodiscard]] const char *findNewline(const char *p) const noexcept
    {
        const void *nl = std::memchr(p, '\n', std::size_t(m_end - p));
        return nl ? static_cast<const char *>(nl) : m_end;
    }
    /// The start of the line after the one ending at \a nl.
    [[nodiscard]] const char *after(const char *nl) const noexcept
    {
        return nl == m_end ? m_end : nl + 1;
    }
    /// The line's end without its CR.
    static const char *stripCr(const char *lineBegin, const char *nl) noexcept
    {
        return (nl != lineBegin && nl[-1] == '\r') ? nl - 1 : nl;
    }

    /// `digits-digits:`, what an object line starts with: a wrapped value never continues onto
    /// such a line.
    static bool startsLikeObis(const char *p, const char *end) noexcept
    {
        const char *a = p;
        while (p != end && isDigit(*p))
            ++p;
        if (p == a || p == end || *p != '-')
            return false;
        const char *b = ++p;
        while (p != end && isDigit(*p))
            ++p;
        return p != b && p != end && *p == ':';
    }

    /// The last '*' among the last 9 characters of [begin, end), or nullptr: only there can a
    /// unit's '*' be. One 8-byte load instead of a byte loop: this runs for every value.
    [[nodiscard]] const char *unitStar(const char *begin, const char *end) const noexcept
    {
        const std::size_t length = std::size_t(end - begin);
        if (length == 0)
            return nullptr;
        if (end - m_begin >= 8) {
            // Bytes before begin (the code or the previous value) are masked off below.
            const std::uint64_t w = loadLe64(end - 8);
            std::uint64_t m = exactZeroBytes(w ^ (kOnes * std::uint8_t('*')));
            if (length < 8)
                m &= ~std::uint64_t(0) << (8 * (8 - length));
            if (m)
                return end - 8 + (63 - std::countl_zero(m)) / 8;
            return (length > 8 && end[-9] == '*') ? end - 9 : nullptr;
        }
        for (const char *i = end; i != begin && end - i <= std::ptrdiff_t(kMaxUnitLength); --i)
            if (i[-1] == '*')
                return i - 1;
        return nullptr;
    }

    /// Appends the value [begin, end) to the current object. A unit is split off at the last
    /// '*' when what follows is 1-8 letters and digits starting with a letter ("kWh", "m3",
    /// "kVArh"); otherwise the '*' stays in the text.
    [[gnu::always_inline]] inline void addValue(
        const char *begin, const char *end, bool wrapped) noexcept
    {
        CosemValue &v = m_out.values.emplace_back();
        v.wrapped = wrapped;
        const char *textEnd = end;
        if (const char *star = unitStar(begin, end)) {
            const char *unit = star + 1;
            const auto length = std::size_t(end - unit); // 0-8
            // The common units straight from one load of the unit's bytes; anything else is
            // checked and looked up the long way.
            UnitScale us;
            bool known = false;
            if (length != 0 && end - m_begin >= 8)
                known = parseCommonUnit(loadLe64(end - 8) >> (8 * (8 - length)), us);
            bool plausible = known || (unit != end && isLetter(*unit));
            for (const char *i = unit + 1; !known && plausible && i != end; ++i)
                plausible = kAlnum[static_cast<unsigned char>(*i)];
            if (plausible) {
                textEnd = star;
                v.unitText = {unit, length};
                if (!known)
                    us = parseUnit(v.unitText);
                v.unit = us.unit;
                v.scale = us.scale;
            }
        }
        v.text = {begin, std::size_t(textEnd - begin)};
        ++m_out.objects.back().valueCount;
    }

    /// Parses `(v1)(v2)...` from the '(' at \a p for the last object. Returns the start of the
    /// next line to look at: after this line, or after the last line a wrapped value spanned.
    /// Inlined into run(): the call overhead would be a good part of the work for short lines.
    [[gnu::always_inline]] inline const char *parseValues(const char *p) noexcept
    {
        for (;;) {
            const char *const open = p + 1;
            const char *const r = findCloseOrNewline(open, m_end);
            if (r != m_end && *r == ')') {
                addValue(open, r, false);
                p = r + 1;
                if (p != m_end) {
                    if (*p == '(')
                        continue;
                    if (*p == '\r' && p + 1 != m_end && p[1] == '\n')
                        return p + 2;
                    if (*p == '\n')
                        return p + 1;
                }
                return after(findNewline(p)); // anything after the last ')' is ignored
            }
            if (const char *next = finishOpenValue(open, r, &p))
                return next;
        }
    }

    /// A value opened at \a open has no ')' on its line (\a r is at its '\n' or the end of the
    /// text). The value wraps, as long text messages do, unless the next line is an object, a
    /// continuation '(' or the footer: then it is cut at its line end. Text messages are hex,
    /// so none of those starts a genuine wrapped line. Returns the start of the next line to
    /// look at, or nullptr with \a p at the '(' of a further value on the closing line.
    [[gnu::noinline]] const char *finishOpenValue(
        const char *open, const char *r, const char **p) noexcept
    {
        const char *const firstEnd = stripCr(open, r);
        const char *lastEnd = firstEnd;
        const char *scan = after(r);
        while (scan != m_end) {
            const char *nl = findNewline(scan);
            const char *lineEnd = stripCr(scan, nl);
            if (lineEnd != scan && (*scan == '!' || *scan == '(' || startsLikeObis(scan, lineEnd)))
                break;
            if (const void *c = std::memchr(scan, ')', std::size_t(lineEnd - scan))) {
                const char *close = static_cast<const char *>(c);
                addValue(open, close, true);
                if (close + 1 != m_end && close[1] == '(') {
                    *p = close + 1;
                    return nullptr;
                }
                return after(findNewline(close + 1));
            }
            lastEnd = lineEnd;
            scan = after(nl);
        }
        // Unterminated: the value runs to the end of the last line it may take.
        while (lastEnd > firstEnd && (lastEnd[-1] == '\n' || lastEnd[-1] == '\r'))
            --lastEnd;
        addValue(open, lastEnd, lastEnd > firstEnd);
        return scan;
    }

    const char *const m_begin;
    const char *const m_end;
    Telegram &m_out;
};

} // namespace

std::string CosemValue::plain() const
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text)
        if (c != '\r' && c != '\n')
            out += c;
    return out;
}

void Telegram::clear() noexcept
{
    text = {};
    ident = {};
    objects.clear();
    values.clear();
    unparsed.clear();
}

const CosemObject *Telegram::find(const Obis &code) const noexcept
{
    const std::uint64_t key = code.key();
    for (const CosemObject &object : objects)
        if (object.obis.key() == key)
            return &object;
    return nullptr;
}

std::string_view describe(ParseError error) noexcept
{
    switch (error) {
    case ParseError::None:
        return "no error";
    case ParseError::NoHeader:
        return "no telegram header ('/' and identification)";
    case ParseError::NoObjects:
        return "no object lines in the telegram";
    }
    return "unknown parse error";
}

ParseError Parser::parse(std::string_view frameText, Telegram &out) noexcept
{
    out.clear();
    // First use: room for a large telegram at once rather than growing step by step.
    if (out.objects.capacity() == 0)
        out.objects.reserve(64);
    if (out.values.capacity() == 0)
        out.values.reserve(128);
    out.text = frameText;
    return LineParser(frameText, out).run();
}

} // namespace p1
