#include "obistable.h"

#include <algorithm>
#include <array>

namespace p1 {

namespace {

// Set on the keys of M-Bus codes in the index: no code's key has it (keys are 48 bits), so an
// exact lookup never finds an M-Bus code and the other way round.
constexpr std::uint64_t kAnyChannelTag = std::uint64_t(1) << 63;

constexpr std::uint64_t indexKey(const ObisInfo &info) noexcept
{
    return info.anyChannel ? info.code.keyAnyChannel() | kAnyChannelTag : info.code.key();
}

struct IndexEntry
{
    std::uint64_t key = 0;
    std::uint8_t entry = 0; ///< its position in kObisTable
};

constexpr std::size_t kTableSize = std::size(kObisTable);
static_assert(kTableSize <= 256, "index entries are bytes");

// The table sorted by key, for a binary search.
constexpr auto kIndex = [] {
    std::array<IndexEntry, kTableSize> index {};
    for (std::size_t i = 0; i < kTableSize; ++i)
        index[i] = {indexKey(kObisTable[i]), std::uint8_t(i)};
    std::sort(index.begin(), index.end(),
        [](const IndexEntry &x, const IndexEntry &y) { return x.key < y.key; });
    return index;
}();

// The table's entry for each Field.
constexpr auto kFieldEntries = [] {
    std::array<const ObisInfo *, std::size_t(Field::Count_)> entries {};
    for (const ObisInfo &info : kObisTable)
        if (info.field != Field::None)
            entries[std::size_t(info.field)] = &info;
    return entries;
}();

// What tst_obis also checks, at compile time: each code once, each Field on one code, the
// M-Bus Fields (and only they) on channel codes, a unit only on what the Reading reads.
constexpr bool tableConsistent() noexcept
{
    for (std::size_t i = 1; i < kIndex.size(); ++i)
        if (kIndex[i - 1].key == kIndex[i].key)
            return false;
    std::array<int, std::size_t(Field::Count_)> uses {};
    for (const ObisInfo &info : kObisTable) {
        ++uses[std::size_t(info.field)];
        if (info.field != Field::None && info.anyChannel != isMbusField(info.field))
            return false;
        if (info.field == Field::None && info.unit != Unit::None)
            return false;
        if (info.code.f != 255 || (info.anyChannel && info.code.b != 0) || info.name.empty())
            return false;
    }
    for (std::size_t f = 1; f < uses.size(); ++f)
        if (uses[f] != 1)
            return false;
    return true;
}
static_assert(tableConsistent(), "kObisTable: a code twice, a Field not once, or a bad entry");

// A lower bound without branches on the comparisons (a conditional move per step): every line
// of every telegram looks its code up here, the codes differ from line to line, and a
// branching search mispredicts about half of its seven steps.
const ObisInfo *find(std::uint64_t key) noexcept
{
    const IndexEntry *base = kIndex.data();
    for (std::size_t n = kIndex.size(); n > 1; n -= n / 2)
        base = base[n / 2].key < key ? base + n / 2 : base;
    base += base->key < key ? 1 : 0;
    return (base != kIndex.data() + kIndex.size() && base->key == key) ? &kObisTable[base->entry]
                                                                       : nullptr;
}

const ObisInfo *findChannel(const Obis &code) noexcept
{
    return find(code.keyAnyChannel() | kAnyChannelTag);
}

} // namespace

const ObisInfo *obisInfo(Field field) noexcept
{
    return std::size_t(field) < kFieldEntries.size() ? kFieldEntries[std::size_t(field)] : nullptr;
}

Field obisField(const Obis &code) noexcept
{
    const ObisInfo *info = find(code.key());
    if (!info && code.a == 0 && code.b >= 1 && code.b <= 4)
        info = findChannel(code);
    return info ? info->field : Field::None;
}

const ObisInfo *describeObis(const Obis &code) noexcept
{
    if (const ObisInfo *info = find(code.key()))
        return info;
    return findChannel(code);
}

} // namespace p1
