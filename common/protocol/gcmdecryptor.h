#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// OpenSSL's cipher context, declared here so that no OpenSSL header leaks into the project.
struct evp_cipher_ctx_st;

namespace p1 {

/// An AES-128 key: the meter's encryption key (EK) or authentication key (AK).
using AesKey = std::array<std::uint8_t, 16>;

/// 32 hex digits (either case; surrounding blanks and line ends ignored) as a key; nullopt for
/// anything else.
[[nodiscard]] std::optional<AesKey> parseAesKey(std::string_view hex) noexcept;
/// The key as 32 upper-case hex digits.
[[nodiscard]] std::string toHex(const AesKey &key);

/// AES-128-GCM decryption of DLMS general-glo-ciphering payloads, with OpenSSL's EVP (libcrypto):
/// no AES of our own.
///
/// IV = system title (8) ‖ frame counter (4, big endian); AAD = security control ‖ AK. GCM is
/// AES-CTR plus a tag over the ciphertext and the AAD, so the plaintext comes out whether the
/// tag verifies or not: decrypt() always delivers it and says what the tag said. A meter whose
/// AK is not the documented one (real meters do this) still decrypts; the caller then relies on
/// the telegram's own CRC.
///
/// One context, keyed once: no allocation per frame once the output buffer has grown.
class GcmDecryptor
{
public:
    static constexpr std::size_t kTagSize = 12; ///< DLMS truncates the GCM tag to 12 bytes
    static constexpr std::size_t kIvSize = 12;

    enum class Tag : std::uint8_t
    {
        Ok, ///< the tag verifies with the configured AK
        Absent, ///< no tag sent (security control 0x20: encryption only)
        Mismatch, ///< the tag does not verify: wrong key, other AK, or corrupt frame
    };

    explicit GcmDecryptor(const AesKey &key, const AesKey &authKey = kDefaultAuthKey);
    ~GcmDecryptor();
    GcmDecryptor(const GcmDecryptor &) = delete;
    GcmDecryptor &operator=(const GcmDecryptor &) = delete;

    /// The AK the DSMR/Luxembourg specifications give as example, which most meters use.
    static constexpr AesKey kDefaultAuthKey {0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88,
        0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF};

    /// OpenSSL's libcrypto.so.3 is loaded with the first decryptor, not linked (see
    /// gcmdecryptor.cpp). Loads it now: whether it could be, and if not why, in \a error.
    [[nodiscard]] static bool loadLibrary(std::string *error = nullptr);

    [[nodiscard]] const AesKey &key() const noexcept { return m_key; }
    [[nodiscard]] const AesKey &authKey() const noexcept { return m_authKey; }

    /// Decrypts \a ciphertext into \a plaintext (resized to its length). \a tag is empty for an
    /// unauthenticated frame, else kTagSize bytes. nullopt only if OpenSSL itself fails.
    [[nodiscard]] std::optional<Tag> decrypt(const std::array<std::uint8_t, kIvSize> &iv,
        std::uint8_t securityControl, std::string_view ciphertext, std::string_view tag,
        std::string &plaintext);

private:
    AesKey m_key;
    AesKey m_authKey;
    evp_cipher_ctx_st *m_ctx = nullptr;
};

/// The keys of one meter as configured (--key, --auth-key, p1-monitor's source picker).
struct DecryptionKeys
{
    std::optional<AesKey> key; ///< none: encrypted telegrams are rejected as KeyMissing
    AesKey authKey = GcmDecryptor::kDefaultAuthKey;
};

} // namespace p1
