#include "telegram.h"

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

/// One line of the frame: [begin, end) without the line end, next = start of the following line.
struct Line
{
    std::size_t begin = 0;
    std::size_t end = 0;
    std::size_t next = 0;
};

/// The parse state: the frame text and the Telegram being filled.
class LineParser
{
public:
    LineParser(std::string_view text, Telegram &out) noexcept
        : m_data(text.data())
        , m_size(text.size())
        , m_out(out)
    { }

    [[nodiscard]] Line lineAt(std::size_t pos) const noexcept
    {
        const void *nl = std::memchr(m_data + pos, '\n', m_size - pos);
        Line line;
        line.begin = pos;
        if (nl) {
            line.end = std::size_t(static_cast<const char *>(nl) - m_data);
            line.next = line.end + 1;
        } else {
            line.end = m_size;
            line.next = m_size;
        }
        if (line.end > line.begin && m_data[line.end - 1] == '\r')
            --line.end;
        return line;
    }

    [[nodiscard]] std::string_view view(std::size_t begin, std::size_t end) const noexcept
    {
        return {m_data + begin, end - begin};
    }

    /// `digits-digits:`, what an object line starts with: a wrapped value never continues onto
    /// such a line.
    [[nodiscard]] bool startsLikeObis(const Line &line) const noexcept
    {
        std::size_t i = line.begin;
        const std::size_t end = line.end;
        const std::size_t a = i;
        while (i < end && isDigit(m_data[i]))
            ++i;
        if (i == a || i >= end || m_data[i] != '-')
            return false;
        const std::size_t b = ++i;
        while (i < end && isDigit(m_data[i]))
            ++i;
        return i != b && i < end && m_data[i] == ':';
    }

    /// Appends the value [begin, end) to the current object, splitting off a unit after the
    /// last '*' when what follows looks like one ("kWh", "m3", "kVArh").
    void addValue(std::size_t begin, std::size_t end, bool wrapped) noexcept
    {
        CosemValue v;
        v.wrapped = wrapped;
        std::size_t textEnd = end;
        // A unit is at most 8 characters, so the '*' in front of it is within the last 9.
        const std::size_t floor =
            end - begin > kMaxUnitLength + 1 ? end - kMaxUnitLength - 1 : begin;
        for (std::size_t i = end; i > floor; --i) {
            if (m_data[i - 1] != '*')
                continue;
            if (i < end && isLetter(m_data[i])) {
                bool plausible = true;
                for (std::size_t j = i + 1; j < end; ++j) {
                    if (!isLetter(m_data[j]) && !isDigit(m_data[j])) {
                        plausible = false;
                        break;
                    }
                }
                if (plausible) {
                    textEnd = i - 1;
                    v.unitText = view(i, end);
                    const UnitScale us = parseUnit(v.unitText);
                    v.unit = us.unit;
                    v.scale = us.scale;
                }
            }
            break; // only the last '*' counts
        }
        v.text = view(begin, textEnd);
        m_out.values.push_back(v);
        ++m_out.objects.back().valueCount;
    }

    /// Parses `(v1)(v2)...` starting at the '(' at \a pos on \a line, for the last object.
    /// Returns where the next line to look at starts: after \a line, or after the last line a
    /// wrapped value spanned.
    std::size_t parseValues(std::size_t pos, Line line) noexcept
    {
        for (;;) {
            // pos is at '(' inside line.
            const std::size_t open = pos + 1;
            const void *close = std::memchr(m_data + open, ')', line.end - open);
            if (close) {
                const std::size_t c = std::size_t(static_cast<const char *>(close) - m_data);
                addValue(open, c, false);
                pos = c + 1;
                if (pos < line.end && m_data[pos] == '(')
                    continue;
                return line.next; // anything after the last ')' is ignored
            }

            // No ')' on this line: the value wraps (long text messages) unless the next line is
            // an object, a continuation '(' or the footer, in which case it is cut at its line
            // end. Text messages are hex, so none of those starts a genuine wrapped line.
            std::size_t lastEnd = line.end;
            std::size_t scan = line.next;
            bool closed = false;
            while (scan < m_size) {
                const Line next = lineAt(scan);
                if (next.begin < next.end
                    && (m_data[next.begin] == '!' || m_data[next.begin] == '('
                        || startsLikeObis(next)))
                    break;
                const void *nclose = std::memchr(m_data + next.begin, ')', next.end - next.begin);
                if (nclose) {
                    const std::size_t c = std::size_t(static_cast<const char *>(nclose) - m_data);
                    addValue(open, c, true);
                    line = next;
                    pos = c + 1;
                    closed = true;
                    break;
                }
                lastEnd = next.end;
                scan = next.next;
            }
            if (closed) {
                if (pos < line.end && m_data[pos] == '(')
                    continue;
                return line.next;
            }
            // Unterminated: the value runs to the end of the last line it may take.
            while (
                lastEnd > line.end && (m_data[lastEnd - 1] == '\n' || m_data[lastEnd - 1] == '\r'))
                --lastEnd;
            addValue(open, lastEnd, lastEnd > line.end);
            return scan;
        }
    }

    ParseError run() noexcept
    {
        if (m_size == 0 || m_data[0] != '/')
            return ParseError::NoHeader;
        const Line header = lineAt(0);
        m_out.ident = view(1, header.end);
        if (m_out.ident.empty())
            return ParseError::NoHeader;

        bool canContinue = false; // the previous line was an object: '(' lines append to it
        std::size_t pos = header.next;
        while (pos < m_size) {
            const Line line = lineAt(pos);
            if (line.begin == line.end) {
                pos = line.next;
                continue;
            }
            const char first = m_data[line.begin];
            if (first == '!')
                break;
            if (first == '(' && canContinue) {
                pos = parseValues(line.begin, line);
                continue;
            }
            if (isDigit(first)) {
                std::size_t consumed = 0;
                const std::string_view lineText = view(line.begin, line.end);
                const auto code = Obis::parse(lineText, &consumed);
                if (code && consumed < lineText.size()) { // Obis::parse stops only at '('
                    CosemObject object;
                    object.obis = *code;
                    object.obisText = lineText.substr(0, consumed);
                    object.firstValue = std::uint32_t(m_out.values.size());
                    m_out.objects.push_back(object);
                    pos = parseValues(line.begin + consumed, line);
                    canContinue = true;
                    continue;
                }
            }
            m_out.unparsed.push_back(view(line.begin, line.end));
            canContinue = false;
            pos = line.next;
        }
        return m_out.objects.empty() ? ParseError::NoObjects : ParseError::None;
    }

private:
    const char *m_data;
    std::size_t m_size;
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
