// p1-bench: micro-benchmarks of the pure protocol core (DESIGN.md §7).
//
// Every benchmark works on the same ~1 kB DSMR 5 three-phase telegram with gas
// (p1::test::dsmr5ThreePhase()). The budget is BM_Decode (the TelegramDecoder: frame + CRC +
// parse + Reading + Venus mapping) at most 6x BM_Crc16 (one CRC pass over the telegram). The
// separate stages (BM_Frame, BM_Parse, BM_Reading, BM_MapGrid, BM_MapGas) say where the time
// goes when the budget is missed. BM_DecodeEncrypted is BM_Decode on the same telegram sent as
// an encrypted P1 frame (AES-128-GCM, SC 0x30, fixed key): the cost of scanning and decrypting.
// Like the daemon, each benchmark reuses its decoder (or Framer, Telegram, Reading and value
// arrays), so what is measured is the steady state, with no allocation.
//
// The figures are printed, never asserted: timing is not a test on a shared machine.

#include "crc16.h"
#include "framer.h"
#include "globuilder.h"
#include "reading.h"
#include "sampletelegrams.h"
#include "telegram.h"
#include "telegramdecoder.h"
#include "venusmapping.h"

#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace {

using namespace p1;

const std::string &sampleTelegram()
{
    static const std::string telegram = test::dsmr5ThreePhase();
    return telegram;
}

/// The frame text the framer hands on (from '/' to the last CRC digit), as the parser sees it.
std::string sampleFrameText()
{
    std::string text;
    Framer framer([&text](const Frame &frame) {
        if (frame.ok())
            text.assign(frame.text);
    });
    framer.push(sampleTelegram());
    framer.finish();
    return text;
}

/// Bytes per second and the telegram size, the same for every benchmark so they compare.
void setCounters(benchmark::State &state)
{
    const auto size = std::int64_t(sampleTelegram().size());
    state.SetBytesProcessed(std::int64_t(state.iterations()) * size);
    state.counters["telegram_bytes"] = double(size);
}

/// The whole decode chain as the daemon runs it: a TelegramDecoder (framer -> parser -> Reading
/// -> VenusMapper) whose sink only counts the accepted telegrams.
class Decoder
{
public:
    explicit Decoder(const DecryptionKeys &keys = {}) { m_decoder.setKeys(keys); }
    void push(std::string_view bytes) { m_decoder.push(bytes); }
    [[nodiscard]] std::uint64_t decoded() const noexcept { return m_decoded; }
    [[nodiscard]] const GridValues *grid() const noexcept { return m_grid; }

private:
    std::uint64_t m_decoded = 0;
    const GridValues *m_grid = nullptr;
    TelegramDecoder m_decoder {[this](const DecodedTelegram &decoded) {
        m_grid = &decoded.grid;
        m_decoded += decoded.accepted() && decoded.hasGrid && decoded.hasGas ? 1 : 0;
    }};
};

/// Reports a benchmark whose work silently failed, so its figure is not mistaken for a result.
bool checkDecoded(benchmark::State &state, std::uint64_t count)
{
    if (count == std::uint64_t(state.iterations()))
        return true;
    state.SkipWithError("the sample telegram was not decoded on every iteration");
    return false;
}

void BM_Crc16(benchmark::State &state)
{
    const std::string_view telegram = sampleTelegram();
    for (auto _ : state) {
        benchmark::DoNotOptimize(telegram.data());
        std::uint16_t crc = Crc16::compute(telegram);
        benchmark::DoNotOptimize(crc);
    }
    setCounters(state);
}
BENCHMARK(BM_Crc16);

void BM_Decode(benchmark::State &state)
{
    const std::string_view telegram = sampleTelegram();
    Decoder decoder;
    for (auto _ : state) {
        decoder.push(telegram);
        benchmark::DoNotOptimize(decoder.grid());
        benchmark::ClobberMemory();
    }
    if (checkDecoded(state, decoder.decoded()))
        setCounters(state);
}
BENCHMARK(BM_Decode);

void BM_DecodeEncrypted(benchmark::State &state)
{
    const AesKey key {0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA,
        0xAA, 0xAA, 0xAA};
    const std::string frame = test::buildGloFrame(sampleTelegram(), key);
    Decoder decoder({key, GcmDecryptor::kDefaultAuthKey});
    for (auto _ : state) {
        decoder.push(frame);
        benchmark::DoNotOptimize(decoder.grid());
        benchmark::ClobberMemory();
    }
    if (checkDecoded(state, decoder.decoded()))
        setCounters(state);
}
BENCHMARK(BM_DecodeEncrypted);

void BM_DecodeByteByByte(benchmark::State &state)
{
    const std::string_view telegram = sampleTelegram();
    Decoder decoder;
    for (auto _ : state) {
        for (std::size_t i = 0; i < telegram.size(); ++i)
            decoder.push(telegram.substr(i, 1));
        benchmark::DoNotOptimize(decoder.grid());
        benchmark::ClobberMemory();
    }
    if (checkDecoded(state, decoder.decoded()))
        setCounters(state);
}
BENCHMARK(BM_DecodeByteByByte);

void BM_Frame(benchmark::State &state)
{
    const std::string_view telegram = sampleTelegram();
    std::uint64_t frames = 0;
    Framer framer([&frames](const Frame &frame) {
        benchmark::DoNotOptimize(frame.text.data());
        frames += frame.ok() ? 1 : 0;
    });
    for (auto _ : state)
        framer.push(telegram);
    if (checkDecoded(state, frames))
        setCounters(state);
}
BENCHMARK(BM_Frame);

void BM_Parse(benchmark::State &state)
{
    const std::string text = sampleFrameText();
    Telegram telegram;
    std::uint64_t parsed = 0;
    for (auto _ : state) {
        parsed += Parser::parse(text, telegram) == ParseError::None ? 1 : 0;
        benchmark::DoNotOptimize(telegram.objects.data());
    }
    if (checkDecoded(state, parsed))
        setCounters(state);
}
BENCHMARK(BM_Parse);

void BM_Reading(benchmark::State &state)
{
    const std::string text = sampleFrameText();
    Telegram telegram;
    if (Parser::parse(text, telegram) != ParseError::None) {
        state.SkipWithError("the sample telegram does not parse");
        return;
    }
    Reading reading;
    for (auto _ : state) {
        reading.fill(telegram);
        benchmark::DoNotOptimize(&reading);
        benchmark::ClobberMemory();
    }
    setCounters(state);
}
BENCHMARK(BM_Reading);

void BM_MapGrid(benchmark::State &state)
{
    const std::string text = sampleFrameText();
    Telegram telegram;
    if (Parser::parse(text, telegram) != ParseError::None) {
        state.SkipWithError("the sample telegram does not parse");
        return;
    }
    Reading reading;
    reading.fill(telegram);
    const VenusMapper mapper;
    GridValues grid;
    for (auto _ : state) {
        mapper.mapGrid(reading, grid);
        benchmark::DoNotOptimize(grid.values.data());
        benchmark::ClobberMemory();
    }
    setCounters(state);
}
BENCHMARK(BM_MapGrid);

void BM_MapGas(benchmark::State &state)
{
    const std::string text = sampleFrameText();
    Telegram telegram;
    if (Parser::parse(text, telegram) != ParseError::None) {
        state.SkipWithError("the sample telegram does not parse");
        return;
    }
    Reading reading;
    reading.fill(telegram);
    VenusMapper mapper;
    GasValues gas;
    for (auto _ : state) {
        benchmark::DoNotOptimize(mapper.mapGas(reading, gas));
        benchmark::ClobberMemory();
    }
    setCounters(state);
}
BENCHMARK(BM_MapGas);

/// The console output plus one closing line that sets BM_Decode against the budget, so nobody
/// has to divide by hand. Informational only: the exit status does not depend on it.
class BudgetReporter : public benchmark::ConsoleReporter
{
public:
    using ConsoleReporter::ConsoleReporter;

    void ReportRuns(const std::vector<Run> &runs) override
    {
        ConsoleReporter::ReportRuns(runs);
        for (const Run &run : runs) {
            if (run.run_type != Run::RT_Iteration || run.error_occurred)
                continue;
            const double ns =
                run.GetAdjustedCPUTime() * (1e9 / benchmark::GetTimeUnitMultiplier(run.time_unit));
            auto [it, added] = m_cpuNs.emplace(run.run_name.function_name, ns);
            if (!added && ns < it->second)
                it->second = ns; // with repetitions, the best run
        }
    }

    void Finalize() override
    {
        ConsoleReporter::Finalize();
        const auto crc = m_cpuNs.find("BM_Crc16");
        const auto decode = m_cpuNs.find("BM_Decode");
        if (crc == m_cpuNs.end() || decode == m_cpuNs.end() || crc->second <= 0)
            return;
        std::printf("budget: BM_Decode %.0f ns = %.2f x BM_Crc16 %.0f ns per %zu-byte telegram "
                    "(budget: <= 6 x)\n",
            decode->second, decode->second / crc->second, crc->second, sampleTelegram().size());
        std::fflush(stdout);
    }

private:
    std::map<std::string, double> m_cpuNs;
};

} // namespace

int main(int argc, char **argv)
{
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    const int options = benchmark::ConsoleReporter::OO_Tabular
        | (isatty(STDOUT_FILENO) ? benchmark::ConsoleReporter::OO_Color : 0);
    BudgetReporter reporter {benchmark::ConsoleReporter::OutputOptions(options)};
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    return 0;
}
