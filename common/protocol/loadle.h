#pragma once

#include <bit>
#include <cstdint>
#include <cstring>

namespace p1 {

/// The eight bytes at \a p as one integer, the byte at the lowest address in the lowest byte,
/// on any host. The protocol code looks at text eight characters at a time (CRC, value and
/// unit scans, timestamps); the caller guarantees that eight bytes are readable.
[[nodiscard]] inline std::uint64_t loadLe64(const void *p) noexcept
{
    std::uint64_t w = 0;
    std::memcpy(&w, p, sizeof w);
    if constexpr (std::endian::native == std::endian::big)
        w = __builtin_bswap64(w);
    return w;
}

} // namespace p1
