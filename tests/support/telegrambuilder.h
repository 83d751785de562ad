#pragma once

// Test support: builds P1 telegrams with correct CRCs, and splits byte streams into chunks the
// way serial reads do. Header-only, standard C++ plus the protocol's Crc16.

#include "crc16.h"

#include <bit>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace p1::test {

struct TelegramOptions
{
    bool crc = true; ///< DSMR 4+: `!` + CRC; false: DSMR 2.2/3.0 `!` only
    bool blankLine = true; ///< blank line after the header
    // The length spelled out: initialised from the bare literal, g++ 14 for ARM reports
    // -Wunused-value for every default-constructed TelegramOptions.
    std::string_view eol {"\r\n", 2};
    bool lowerCaseCrc = false;
    bool padCrc = true; ///< "0B9F" vs "B9F"
    bool eolAfterCrc = true;
};

/// "/ident" EOL [EOL] line EOL ... "!" [CRC] [EOL]
inline std::string buildTelegram(std::string_view ident, const std::vector<std::string> &lines,
    const TelegramOptions &options = {})
{
    std::string t;
    t += '/';
    t += ident;
    t += options.eol;
    if (options.blankLine)
        t += options.eol;
    for (const auto &line : lines) {
        t += line;
        t += options.eol;
    }
    t += '!';
    if (options.crc) {
        const std::uint16_t crc = Crc16::compute(t);
        char hex[8];
        std::snprintf(hex, sizeof hex, options.lowerCaseCrc ? "%04x" : "%04X", crc);
        std::string_view digits(hex, 4);
        if (!options.padCrc)
            while (digits.size() > 1 && digits.front() == '0')
                digits.remove_prefix(1);
        t += digits;
    }
    if (options.eolAfterCrc)
        t += options.eol;
    return t;
}

/// Recomputes the CRC of a telegram built with a 4-digit CRC after the text was edited.
inline std::string fixCrc(std::string telegram)
{
    const auto bang = telegram.rfind('!');
    const std::uint16_t crc = Crc16::compute(std::string_view(telegram).substr(0, bang + 1));
    char hex[8];
    std::snprintf(hex, sizeof hex, "%04X", crc);
    telegram.replace(bang + 1, 4, hex, 4);
    return telegram;
}

enum class Chunking
{
    Whole,
    ByteByByte,
    Random
};

/// Splits \a data into chunks: whole, one byte each, or random sizes 1-64 from \a seed.
inline std::vector<std::string_view> chunk(
    std::string_view data, Chunking how, std::uint32_t seed = 1)
{
    std::vector<std::string_view> out;
    switch (how) {
    case Chunking::Whole:
        out.push_back(data);
        break;
    case Chunking::ByteByByte:
        for (std::size_t i = 0; i < data.size(); ++i)
            out.push_back(data.substr(i, 1));
        break;
    case Chunking::Random: {
        std::mt19937 rng(seed);
        std::uniform_int_distribution<std::size_t> size(1, 64);
        for (std::size_t i = 0; i < data.size();) {
            const std::size_t n = std::min(size(rng), data.size() - i);
            out.push_back(data.substr(i, n));
            i += n;
        }
        break;
    }
    }
    return out;
}

/// Even parity in bit 7: what a DSMR 2.2/3.0 meter sends (7E1) as a port opened 8N1 reads it.
inline std::string to7E1(std::string_view in)
{
    std::string out(in);
    for (char &c : out) {
        const auto u = static_cast<unsigned char>(c);
        if (std::popcount(u) % 2)
            c = char(u | 0x80);
    }
    return out;
}

inline const char *chunkingName(Chunking how)
{
    switch (how) {
    case Chunking::Whole:
        return "whole";
    case Chunking::ByteByByte:
        return "bytewise";
    case Chunking::Random:
        return "random";
    }
    return "?";
}

} // namespace p1::test
