#include "gcmdecryptor.h"

#include <dlfcn.h>
#include <openssl/evp.h>

#include <algorithm>
#include <climits>
#include <tuple>
#include <type_traits>

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

// libcrypto is loaded with the first key, not linked: most meters send plain telegrams, and a
// linked libcrypto.so.3 costs every daemon about 1.4 MB of RSS for its relocations alone (VmHWM
// 14.5 MB against 12.9 MB without), over DESIGN §7's budget. Its own declarations type the
// pointers, so nothing of OpenSSL's API is written out again here. Venus OS has libcrypto.so.3 in
// its image, as every Debian does.
struct LibCrypto
{
    decltype(&EVP_CIPHER_CTX_new) ctxNew = nullptr;
    decltype(&EVP_CIPHER_CTX_free) ctxFree = nullptr;
    decltype(&EVP_CIPHER_CTX_ctrl) ctxCtrl = nullptr;
    decltype(&EVP_aes_128_gcm) aes128Gcm = nullptr;
    decltype(&EVP_DecryptInit_ex) decryptInit = nullptr;
    decltype(&EVP_DecryptUpdate) decryptUpdate = nullptr;
    decltype(&EVP_DecryptFinal_ex) decryptFinal = nullptr;
    std::string error; ///< empty when every function was found
};

const LibCrypto &libCrypto()
{
    static const LibCrypto lib = [] {
        LibCrypto l;
        void *handle = dlopen("libcrypto.so.3", RTLD_NOW | RTLD_LOCAL); // kept for good
        if (!handle) {
            const char *why = dlerror();
            l.error = why ? why : "libcrypto.so.3 not found";
            return l;
        }
        const auto resolve = [&](auto &function, const char *name) {
            function =
                reinterpret_cast<std::remove_reference_t<decltype(function)>>(dlsym(handle, name));
            if (!function && l.error.empty())
                l.error = std::string("libcrypto.so.3 has no ") + name;
        };
        resolve(l.ctxNew, "EVP_CIPHER_CTX_new");
        resolve(l.ctxFree, "EVP_CIPHER_CTX_free");
        resolve(l.ctxCtrl, "EVP_CIPHER_CTX_ctrl");
        resolve(l.aes128Gcm, "EVP_aes_128_gcm");
        resolve(l.decryptInit, "EVP_DecryptInit_ex");
        resolve(l.decryptUpdate, "EVP_DecryptUpdate");
        resolve(l.decryptFinal, "EVP_DecryptFinal_ex");
        return l;
    }();
    return lib;
}

} // namespace

bool GcmDecryptor::loadLibrary(std::string *error)
{
    const LibCrypto &lib = libCrypto();
    if (error)
        *error = lib.error;
    return lib.error.empty();
}

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
{
    // Keyed once; decrypt() only sets the IV. Without a context (no libcrypto, or OpenSSL
    // failed) decrypt() reports failure.
    if (!loadLibrary())
        return;
    const LibCrypto &lib = libCrypto();
    m_ctx = lib.ctxNew();
    if (m_ctx && lib.decryptInit(m_ctx, lib.aes128Gcm(), nullptr, m_key.data(), nullptr) != 1) {
        lib.ctxFree(m_ctx);
        m_ctx = nullptr;
    }
}

GcmDecryptor::~GcmDecryptor()
{
    if (m_ctx)
        libCrypto().ctxFree(m_ctx);
}

std::optional<GcmDecryptor::Tag> GcmDecryptor::decrypt(const std::array<std::uint8_t, kIvSize> &iv,
    std::uint8_t securityControl, std::string_view ciphertext, std::string_view tag,
    std::string &plaintext)
{
    plaintext.resize(ciphertext.size());
    if (!m_ctx || ciphertext.size() > static_cast<std::size_t>(INT_MAX)
        || (!tag.empty() && tag.size() != kTagSize))
        return std::nullopt;
    const LibCrypto &lib = libCrypto();
    if (lib.decryptInit(m_ctx, nullptr, nullptr, nullptr, iv.data()) != 1)
        return std::nullopt;
    int length = 0;
    if (!tag.empty()) {
        // The AAD only enters the tag: an encryption-only frame has none.
        std::array<std::uint8_t, 1 + std::tuple_size_v<AesKey>> aad {};
        aad[0] = securityControl;
        std::copy(m_authKey.begin(), m_authKey.end(), aad.begin() + 1);
        if (lib.decryptUpdate(m_ctx, nullptr, &length, aad.data(), static_cast<int>(aad.size()))
            != 1)
            return std::nullopt;
    }
    auto *out = reinterpret_cast<unsigned char *>(plaintext.data());
    if (lib.decryptUpdate(
            m_ctx, out, &length, bytes(ciphertext), static_cast<int>(ciphertext.size()))
        != 1)
        return std::nullopt;
    if (tag.empty())
        return Tag::Absent;
    // EVP_CTRL_GCM_SET_TAG takes a non-const pointer but only reads it.
    std::array<unsigned char, kTagSize> expected {};
    std::copy(tag.begin(), tag.end(), expected.begin());
    if (lib.ctxCtrl(m_ctx, EVP_CTRL_GCM_SET_TAG, static_cast<int>(kTagSize), expected.data()) != 1)
        return std::nullopt;
    int finalLength = 0;
    const bool tagOk = lib.decryptFinal(m_ctx, out + length, &finalLength) == 1;
    return tagOk ? Tag::Ok : Tag::Mismatch;
}

} // namespace p1
