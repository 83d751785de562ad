#pragma once

// Test support: builds encrypted P1 frames (DLMS general-glo-ciphering, AES-128-GCM) with
// OpenSSL, independently of the GcmDecryptor under test. Header-only; link OpenSSL::Crypto.

#include "gcmdecryptor.h"

#include <openssl/evp.h>

#include <array>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>

namespace p1::test {

struct GloOptions
{
    std::uint8_t securityControl = 0x30; ///< 0x30 encrypted + authenticated, 0x20 encrypted only
    std::array<std::uint8_t, 8> systemTitle {'S', 'A', 'G', '1', '2', '3', '4', '5'};
    std::uint32_t frameCounter = 0x00000001;
    AesKey authKey = GcmDecryptor::kDefaultAuthKey;
    /// 0: the shortest form; 0x81 or 0x82: that long form; 1: the one-byte form.
    std::uint8_t lengthForm = 0;
};

inline AesKey randomKey(std::mt19937 &rng)
{
    AesKey key {};
    for (auto &b : key)
        b = static_cast<std::uint8_t>(rng());
    return key;
}

/// DB 08 <title> <length> <SC> <FC> <ciphertext> [<tag 12>]
inline std::string buildGloFrame(
    std::string_view plaintext, const AesKey &key, const GloOptions &options = {})
{
    std::array<std::uint8_t, 12> iv {};
    std::copy(options.systemTitle.begin(), options.systemTitle.end(), iv.begin());
    for (int i = 0; i < 4; ++i)
        iv[8 + i] = static_cast<std::uint8_t>(options.frameCounter >> (24 - 8 * i));

    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    std::string ciphertext(plaintext.size(), '\0');
    std::array<unsigned char, 16> tag {};
    int n = 0;
    bool ok =
        ctx && EVP_EncryptInit_ex(ctx, EVP_aes_128_gcm(), nullptr, key.data(), iv.data()) == 1;
    const bool authenticated = options.securityControl == 0x30;
    if (ok && authenticated) {
        std::array<unsigned char, 17> aad {};
        aad[0] = options.securityControl;
        std::copy(options.authKey.begin(), options.authKey.end(), aad.begin() + 1);
        ok = EVP_EncryptUpdate(ctx, nullptr, &n, aad.data(), int(aad.size())) == 1;
    }
    ok = ok
        && EVP_EncryptUpdate(ctx, reinterpret_cast<unsigned char *>(ciphertext.data()), &n,
               reinterpret_cast<const unsigned char *>(plaintext.data()), int(plaintext.size()))
            == 1;
    ok = ok && EVP_EncryptFinal_ex(ctx, nullptr, &n) == 1;
    ok = ok && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, 16, tag.data()) == 1;
    EVP_CIPHER_CTX_free(ctx);
    if (!ok)
        throw std::runtime_error("OpenSSL failed to encrypt");

    const std::size_t length = 1 + 4 + ciphertext.size() + (authenticated ? 12 : 0);
    std::uint8_t form = options.lengthForm;
    if (form == 0)
        form = length < 0x80 ? 1 : length < 0x100 ? 0x81 : 0x82;
    std::string frame;
    frame += char(0xDB);
    frame += char(0x08);
    frame.append(options.systemTitle.begin(), options.systemTitle.end());
    if (form == 0x82) {
        frame += char(0x82);
        frame += char(length >> 8);
        frame += char(length & 0xFF);
    } else if (form == 0x81) {
        frame += char(0x81);
        frame += char(length);
    } else {
        frame += char(length);
    }
    frame += char(options.securityControl);
    for (int i = 8; i < 12; ++i)
        frame += char(iv[i]);
    frame += ciphertext;
    if (authenticated)
        frame.append(reinterpret_cast<const char *>(tag.data()), 12);
    return frame;
}

/// Upper- or lower-case hex to bytes (the shared vectors' .hex files).
inline std::string fromHex(std::string_view hex)
{
    std::string out;
    auto value = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        out += char(value(hex[i]) << 4 | value(hex[i + 1]));
    return out;
}

} // namespace p1::test
