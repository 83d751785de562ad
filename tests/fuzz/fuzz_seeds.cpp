// p1-fuzz-seeds DIR: writes the seed corpus of fuzz_framer_parser into DIR.
//
// Seeds are our own sample telegrams (tests/support/sampletelegrams.h) in the fuzzer's input
// layout (flags byte, seed byte, stream; see fuzz_framer_parser.cpp), alone and in the dirty
// shapes real lines produce: noise before a header, two telegrams back to back, a telegram whose
// tail was lost followed by a good one, LF line ends, a 7E1 stream read as 8N1, a NUL after the
// final line end. Starting from valid telegrams lets the fuzzer reach the parser and the mapper
// at once instead of first having to discover '/', '!' and a matching CRC.

#include "globuilder.h"
#include "sampletelegrams.h"

#include <cstdio>
#include <fstream>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace {

using namespace p1::test;

enum Flags : unsigned char
{
    Mask7Bit = 1,
    SmallMaxSize = 2,
    ChunkWhole = 0 << 2,
    ChunkBytes = 1 << 2,
    ChunkSmall = 2 << 2,
    ChunkLarge = 3 << 2,
    WithKey = 1 << 4, ///< the decoder gets the fuzz key (fuzz_framer_parser.cpp's kFuzzKey)
};

/// Sets bit 7 where even parity needs it: a 7E1 byte as an 8N1 port delivers it.
std::string withEvenParity(std::string_view text)
{
    std::string out(text);
    for (char &c : out) {
        const auto byte = static_cast<unsigned char>(c);
        if (__builtin_popcount(byte & 0x7F) % 2 != 0)
            c = char(byte | 0x80);
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s DIR\n", argv[0]);
        return 2;
    }
    const std::string dir = argv[1];

    const std::vector<std::pair<const char *, std::function<std::string()>>> samples = {
        {"dsmr5-3phase", [] { return dsmr5ThreePhase(); }},
        {"dsmr5-1phase", dsmr5SinglePhase},
        {"dsmr42", dsmr42},
        {"dsmr40", dsmr40},
        {"dsmr30", dsmr30},
        {"dsmr22", [] { return dsmr22(); }},
        {"belgium", belgiumFluvius},
        {"luxembourg", luxembourgSmarty},
        {"sweden", swedenKamstrup},
        {"austria", austriaWh},
        {"easymeter", easyMeterQ3D},
        {"heat", heatGJ},
    };

    int written = 0;
    bool ok = true;
    auto write = [&](const std::string &name, unsigned char flags, unsigned char seed,
                     std::string_view stream) {
        std::ofstream out(dir + "/" + name, std::ios::binary | std::ios::trunc);
        out.put(char(flags));
        out.put(char(seed));
        out.write(stream.data(), std::streamsize(stream.size()));
        out.close();
        ok = ok && bool(out);
        ++written;
    };

    for (const auto &[name, make] : samples)
        write(std::string("sample-") + name, ChunkWhole, 0, make());

    const std::string nl = dsmr5ThreePhase();
    const std::string nlNext = dsmr5ThreePhase("261125143016W");
    write("chunks-bytewise", ChunkBytes, 0, nl);
    write("chunks-small", ChunkSmall, 7, nl + nlNext);
    write("chunks-large", ChunkLarge, 3, dsmr42() + dsmr42());
    write("noise-telnet-iac", ChunkSmall, 1, "\xFF\xFB\x01\xFF\xFB\x03\x00garbage" + nl);
    write("nul-after-crlf", ChunkWhole, 0, nl + std::string(1, '\0') + nlNext);
    write("lost-tail", ChunkSmall, 9, nl.substr(0, nl.size() / 2) + nlNext);
    write("lost-crc-digits", ChunkWhole, 0, nl.substr(0, nl.size() - 4) + "\r\n" + nlNext);
    write("lf-only", ChunkLarge, 5,
        buildTelegram(
            "ISK5\\2M550T-1012", {"1-3:0.2.8(50)", "1-0:1.7.0(01.193*kW)"}, {.eol = "\n"}));
    write("no-blank-line", ChunkWhole, 0,
        buildTelegram("KFM5KAIFA-METER", {"1-0:1.8.1(000001.000*kWh)"}, {.blankLine = false}));
    write("short-crc", ChunkBytes, 0,
        buildTelegram("XMX5LGBBFG1012", {"1-0:1.8.1(000001.000*kWh)"},
            {.lowerCaseCrc = true, .padCrc = false}));
    write("7e1-masked", Mask7Bit | ChunkSmall, 2, withEvenParity(dsmr22() + dsmr30()));
    write("overflow-small-max", SmallMaxSize | ChunkLarge, 0, nl + nlNext);
    write("gas-flow", ChunkWhole, 0,
        nl + dsmr5ThreePhase("261125143515W", "261125143500W", "04567.990"));

    // Encrypted frames (the decoder runs with the 7-bit mask, and with the fuzz key or without).
    const p1::AesKey key {0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA,
        0xAA, 0xAA, 0xAA, 0xAA};
    GloOptions encryptOnly;
    encryptOnly.securityControl = 0x20;
    const std::string frame = buildGloFrame(nl, key);
    write("encrypted", Mask7Bit | WithKey | ChunkWhole, 0, frame);
    write("encrypted-noise-plain-small-chunks", Mask7Bit | WithKey | ChunkSmall, 4,
        "\xFF\x00" + frame + nlNext + buildGloFrame(nlNext, key, encryptOnly));
    write("encrypted-byte-lost", Mask7Bit | WithKey | ChunkBytes, 0,
        frame.substr(0, 200) + frame.substr(201) + frame);
    write("encrypted-no-key", Mask7Bit | ChunkLarge, 6, frame + frame);

    // The sample capture the --decode quick start uses, when it is there.
    std::ifstream capture(std::string(P1_TESTDATA_DIR) + "/dsmr5-sample.p1", std::ios::binary);
    if (capture) {
        const std::string bytes(
            (std::istreambuf_iterator<char>(capture)), std::istreambuf_iterator<char>());
        write("capture-dsmr5-sample", ChunkLarge, 11, bytes);
    }

    if (!ok) {
        std::fprintf(stderr, "p1-fuzz-seeds: cannot write into %s\n", dir.c_str());
        return 1;
    }
    std::printf("p1-fuzz-seeds: %d seeds in %s\n", written, dir.c_str());
    return 0;
}
