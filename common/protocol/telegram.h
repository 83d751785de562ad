#pragma once

#include "obis.h"
#include "obistable.h"
#include "unit.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace p1 {

/// One parenthesised value of a COSEM object line: `(02.589*kW)` is text "02.589",
/// unitText "kW", unit W, scale 3. Views point into the frame text.
struct CosemValue
{
    std::string_view text; ///< without parentheses and unit; may contain CR/LF when the value
                           ///< was wrapped over lines (long text messages): use plain()
    std::string_view unitText; ///< as sent, empty when none
    Unit unit = Unit::None;
    std::int8_t scale = 0; ///< power of ten from the unit prefix (kW -> 3)
    bool wrapped = false; ///< text spans a line break

    /// The text without line breaks.
    [[nodiscard]] std::string plain() const;
};

/// One object line `A-B:C.D.E(v1)(v2)...`, continuation lines starting with '(' included.
struct CosemObject
{
    Obis obis;
    Field field = Field::None; ///< what the Reading reads from it (obisField(obis))
    std::string_view obisText; ///< as sent
    std::uint32_t firstValue = 0;
    std::uint32_t valueCount = 0;
};

/// A parsed telegram: the header ident and every object line in order, unknown codes included.
/// Views point into the frame text, which must outlive the Telegram. Reusing one Telegram for
/// every parse keeps the vectors' capacity: no allocation in steady state.
struct Telegram
{
    std::string_view text; ///< the whole frame text
    std::string_view ident; ///< the header after '/', e.g. "ISK5\2M550T-1012"
    std::vector<CosemObject> objects;
    std::vector<CosemValue> values;
    std::vector<std::string_view>
        unparsed; ///< lines that were not object lines (noise, bit errors)

    void clear() noexcept;
    [[nodiscard]] std::span<const CosemValue> valuesOf(const CosemObject &object) const noexcept
    {
        return {values.data() + object.firstValue, object.valueCount};
    }
    /// First object with this exact code, or nullptr.
    [[nodiscard]] const CosemObject *find(const Obis &code) const noexcept;
};

enum class ParseError : std::uint8_t
{
    None,
    NoHeader, ///< the text does not start with "/" and an identification
    NoObjects, ///< not a single object line
};

/// English, for logs and `--decode`.
[[nodiscard]] std::string_view describe(ParseError error) noexcept;

/// Parses a frame's text into a Telegram. Never throws, never allocates once \a out has grown,
/// no floating point. Line ends may be CR LF or LF. Handles:
/// - the header line `/ident` (NoHeader when the text does not start with '/' and a non-empty
///   ident), with or without a blank line after it; the footer line `!`/`!CRC` ends parsing,
///   whatever follows it (gateway junk, NUL) is ignored; a frame without footer is parsed to
///   its end;
/// - values over several lines: a line starting with '(' right after an object line continues
///   that object (the 2.2/3.0 gas profile `0-1:24.3.0(...)(m3)` + `(00124.477)`), and a value
///   whose ')' is on a later line is wrapped (long text messages: CosemValue::wrapped, text
///   with the line breaks). A value whose ')' never comes is cut at the end of its line when
///   the next line starts with an OBIS code (`digits-digits:`), '(' or '!';
/// - any number of values per line, empty values `()`, OBIS with `*255`; the unit is split off
///   at the last '*' only when 1-8 letters/digits starting with a letter follow, so a '*'
///   elsewhere stays in the text; anything after the last ')' of a line is ignored;
/// - lines that are neither objects nor continuations are kept in `unparsed`; blank lines are
///   skipped.
/// One pass over the text; values are searched eight bytes at a time. Each object's code is
/// looked up in the OBIS table once, here (CosemObject::field).
class Parser
{
public:
    [[nodiscard]] static ParseError parse(std::string_view frameText, Telegram &out) noexcept;
};

} // namespace p1
