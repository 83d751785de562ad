#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace p1 {

/// CRC-16/ARC as DSMR 4+ uses it: polynomial 0x8005 reflected (0xA001), initial value 0,
/// no final XOR, computed over every byte from '/' up to and including '!'.
/// check("123456789") == 0xBB3D.
///
/// Table driven, slicing-by-8: eight 256-entry tables (4 KiB, built at compile time) let the
/// update consume eight bytes per step, so a ~1 kB telegram costs a few hundred nanoseconds.
/// The state is a plain value: feed it span by span as bytes arrive, the result is the same
/// as one pass over the whole telegram.
class Crc16
{
public:
    constexpr Crc16() = default;

    void update(std::string_view bytes) noexcept { m_value = update(m_value, bytes); }
    void update(unsigned char byte) noexcept;
    void reset() noexcept { m_value = 0; }
    [[nodiscard]] std::uint16_t value() const noexcept { return m_value; }

    /// One-shot CRC of \a bytes.
    [[nodiscard]] static std::uint16_t compute(std::string_view bytes) noexcept
    {
        return update(0, bytes);
    }
    /// Continues \a crc over \a bytes.
    [[nodiscard]] static std::uint16_t update(std::uint16_t crc, std::string_view bytes) noexcept;
    /// The reference bit-by-bit algorithm; the tests check the table against it.
    [[nodiscard]] static std::uint16_t computeBitwise(std::string_view bytes) noexcept;

private:
    std::uint16_t m_value = 0;
};

} // namespace p1
