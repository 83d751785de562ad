#include "telegram.h"

#include "loadle.h"
#include "obistable.h"

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

// 1-8 letters and digits starting with a letter: what a unit after '*' is made of.
constexpr bool isUnitText(std::string_view text) noexcept
{
    if (text.empty() || text.size() > kMaxUnitLength || !isLetter(text.front()))
        return false;
    for (const char c : text)
        if (!isLetter(c) && !isDigit(c))
            return false;
    return true;
}

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

    // Flattened: the per-line helpers and vector::emplace_back() are inlined into the one loop
    // that runs for every line, which GCC does not do on its own for a function this size.
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
            Obis code;
            if (const char *open = isDigit(c) ? scanObis(p, &code) : nullptr) {
                CosemObject &object = m_out.objects.emplace_back();
                object.obis = code;
                object.field = obisField(code);
                object.obisText = {p, std::size_t(open - p)};
                object.firstValue = std::uint32_t(m_out.values.size());
                p = parseValues(open);
                canContinue = true;
                continue;
            }
            if (c == '(' && canContinue) {
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
        std::size_t consumed = 0;
        const auto parsed = Obis::parse({p, std::size_t(m_end - p)}, &consumed);
        if (!parsed || p + consumed == m_end)
            return nullptr;
        *code = *parsed;
        return p + consumed;
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

    /// The '*' before a unit: the last '*' among the last 9 characters of [begin, end), as a
    /// unit has at most 8; nullptr when there is none.
    static const char *unitStar(const char *begin, const char *end) noexcept
    {
        for (const char *i = end; i != begin && end - i <= std::ptrdiff_t(kMaxUnitLength); --i)
            if (i[-1] == '*')
                return i - 1;
        return nullptr;
    }

    /// Appends the value [begin, end) to the current object. A unit is split off at the last
    /// '*' when what follows is 1-8 letters and digits starting with a letter ("kWh", "m3",
    /// "kVArh"); otherwise the '*' stays in the text.
    void addValue(const char *begin, const char *end, bool wrapped) noexcept
    {
        CosemValue &v = m_out.values.emplace_back();
        v.wrapped = wrapped;
        const char *textEnd = end;
        if (const char *star = unitStar(begin, end)) {
            const std::string_view unit(star + 1, std::size_t(end - (star + 1)));
            if (isUnitText(unit)) {
                textEnd = star;
                v.unitText = unit;
                const UnitScale us = parseUnit(unit);
                v.unit = us.unit;
                v.scale = us.scale;
            }
        }
        v.text = {begin, std::size_t(textEnd - begin)};
        ++m_out.objects.back().valueCount;
    }

    /// Parses `(v1)(v2)...` from the '(' at \a p for the last object. Returns the start of the
    /// next line to look at: after this line, or after the last line a wrapped value spanned.
    const char *parseValues(const char *p) noexcept
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
    const char *finishOpenValue(const char *open, const char *r, const char **p) noexcept
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
