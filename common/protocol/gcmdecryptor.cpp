#include "gcmdecryptor.h"

#include <openssl/evp.h>

#include <algorithm>
#include <climits>
#include <tuple>

namespace p1 {

namespace {

int hexValue(char c) noexcept
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool isBlank(char c) noexcept
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

const unsigned char *bytes(std::string_view s) noexcept
{
    return reinterpret_cast<const unsigned char *>(s.data());
}

} // namespace

std::optional<AesKey> parseAesKey(std::string_view hex) noexcept
{
    while (!hex.empty() && isBlank(hex.front()))
        hex.remove_prefix(1);
    while (!hex.empty() && isBlank(hex.back()))
        hex.remove_suffix(1);
    AesKey key {};
    if (hex.size() != key.size() * 2)
        return std::nullopt;
    for (std::size_t i = 0; i < key.size(); ++i) {
        const int high = hexValue(hex[2 * i]);
        const int low = hexValue(hex[2 * i + 1]);
        if (high < 0 || low < 0)
            return std::nullopt;
        key[i] = static_cast<std::uint8_t>(high << 4 | low);
    }
    return key;
}

std::string toHex(const AesKey &key)
{
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(key.size() * 2);
    for (const std::uint8_t b : key) {
        out += kDigits[b >> 4];
        out += kDigits[b & 0x0F];
    }
    return out;
}

GcmDecryptor::GcmDecryptor(const AesKey &key, const AesKey &authKey)
    : m_key(key)
    , m_authKey(authKey)
    , m_ctx(EVP_CIPHER_CTX_new())
{
    // Keyed once; decrypt() only sets the IV. Without a context decrypt() reports failure.
    if (m_ctx
        && EVP_DecryptInit_ex(m_ctx, EVP_aes_128_gcm(), nullptr, m_key.data(), nullptr) != 1) {
        EVP_CIPHER_CTX_free(m_ctx);
        m_ctx = nullptr;
    }
}

GcmDecryptor::~GcmDecryptor()
{
    EVP_CIPHER_CTX_free(m_ctx);
}

std::optional<GcmDecryptor::Tag> GcmDecryptor::decrypt(const std::array<std::uint8_t, kIvSize> &iv,
    std::uint8_t securityControl, std::string_view ciphertext, std::string_view tag,
    std::string &plaintext)
{
    plaintext.resize(ciphertext.size());
    if (!m_ctx || ciphertext.size() > static_cast<std::size_t>(INT_MAX)
        || (!tag.empty() && tag.size() != kTagSize))
        return std::nullopt;
    if (EVP_DecryptInit_ex(m_ctx, nullptr, nullptr, nullptr, iv.data()) != 1)
        return std::nullopt;
    int length = 0;
    if (!tag.empty()) {
        // The AAD only enters the tag: an encryption-only frame has none.
        std::array<std::uint8_t, 1 + std::tuple_size_v<AesKey>> aad {};
        aad[0] = securityControl;
        std::copy(m_authKey.begin(), m_authKey.end(), aad.begin() + 1);
        if (EVP_DecryptUpdate(m_ctx, nullptr, &length, aad.data(), static_cast<int>(aad.size()))
            != 1)
            return std::nullopt;
    }
    auto *out = reinterpret_cast<unsigned char *>(plaintext.data());
    if (EVP_DecryptUpdate(
            m_ctx, out, &length, bytes(ciphertext), static_cast<int>(ciphertext.size()))
        != 1)
        return std::nullopt;
    if (tag.empty())
        return Tag::Absent;
    // EVP_CTRL_GCM_SET_TAG takes a non-const pointer but only reads it.
    std::array<unsigned char, kTagSize> expected {};
    std::copy(tag.begin(), tag.end(), expected.begin());
    if (EVP_CIPHER_CTX_ctrl(
            m_ctx, EVP_CTRL_GCM_SET_TAG, static_cast<int>(kTagSize), expected.data())
        != 1)
        return std::nullopt;
    int finalLength = 0;
    const bool tagOk = EVP_DecryptFinal_ex(m_ctx, out + length, &finalLength) == 1;
    return tagOk ? Tag::Ok : Tag::Mismatch;
}

} // namespace p1
