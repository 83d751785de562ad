// GcmDecryptor: the shared vectors (Smarty with default and non-default AK) and frames built
// here with OpenSSL from random keys: both security controls, tampered ciphertext and tag,
// wrong key, wrong AK. Also parseAesKey.
#include "gcmdecryptor.h"
#include "gloframescanner.h"

#include "crc16.h"
#include "globuilder.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <optional>
#include <random>

using namespace p1;
using namespace Qt::StringLiterals;

namespace {

QString conformanceDir()
{
    return QStringLiteral(P1_CONFORMANCE_DIR);
}

std::string readFile(const QString &name)
{
    QFile f(QDir(conformanceDir()).filePath(name));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().trimmed().toStdString();
}

/// The one frame in \a bytes, as the scanner finds it; decrypted with \a key and \a authKey.
struct Result
{
    int frames = 0;
    std::optional<GcmDecryptor::Tag> tag;
    std::string plaintext;
    GloFrame header;
};

Result decryptFrame(const std::string &bytes, const AesKey &key,
    const AesKey &authKey = GcmDecryptor::kDefaultAuthKey)
{
    Result r;
    GcmDecryptor decryptor(key, authKey);
    GloFrameScanner scanner([](std::string_view) {},
        [&](const GloFrame &f) {
            ++r.frames;
            r.header = f;
            r.tag = decryptor.decrypt(f.iv(), f.securityControl, f.ciphertext, f.tag, r.plaintext);
            return true;
        });
    scanner.push(bytes);
    scanner.finish();
    return r;
}

const char *kTelegram = "/ISK5\\2M550T-1012\r\n\r\n1-0:1.8.1(000123.456*kWh)\r\n!";

std::string telegram()
{
    std::string t = kTelegram;
    char crc[8];
    std::snprintf(crc, sizeof crc, "%04X\r\n", Crc16::compute(t));
    return t + crc;
}

} // namespace

class TestGcmDecryptor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesKeys_data();
    void parsesKeys();
    void sharedVectors_data();
    void sharedVectors();
    void builtFrames_data();
    void builtFrames();
};

void TestGcmDecryptor::parsesKeys_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // empty: rejected

    QTest::newRow("upper") << u"0123456789ABCDEF0123456789ABCDEF"_s
                           << u"0123456789ABCDEF0123456789ABCDEF"_s;
    QTest::newRow("lower") << u"00112233445566778899aabbccddeeff"_s
                           << u"00112233445566778899AABBCCDDEEFF"_s;
    QTest::newRow("file-with-newline")
        << u"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n"_s << u"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s;
    QTest::newRow("too-short") << u"0123456789ABCDEF0123456789ABCDE"_s << QString();
    QTest::newRow("too-long") << u"0123456789ABCDEF0123456789ABCDEF0"_s << QString();
    QTest::newRow("not-hex") << u"0123456789ABCDEF0123456789ABCDEG"_s << QString();
    QTest::newRow("inner-space") << u"01234567 89ABCDEF0123456789ABCDEF"_s << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestGcmDecryptor::parsesKeys()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const std::optional<AesKey> key = parseAesKey(input.toStdString());
    QCOMPARE(key.has_value(), !expected.isEmpty());
    if (key)
        QCOMPARE(QString::fromStdString(toHex(*key)), expected);
}

void TestGcmDecryptor::sharedVectors_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("customAk");
    QTest::addColumn<int>("expectedTag");
    QTest::addColumn<QByteArray>("plaintextStart");
    QTest::addColumn<QByteArray>("title");
    QTest::addColumn<uint>("frameCounter");

    const auto ok = int(GcmDecryptor::Tag::Ok);
    const auto mismatch = int(GcmDecryptor::Tag::Mismatch);
    QTest::newRow("smarty-default-ak") << u"smarty_encrypted"_s << false << ok << QByteArray("/")
                                       << QByteArray("SYSTEMID") << 0x10000001u;
    QTest::newRow("smarty-custom-ak")
        << u"smarty_encrypted_custom_ak"_s << true << ok << QByteArray("/Lux5\\253694471_M")
        << QByteArray("systitle") << 0x11223344u;
    // The same frame with the default AK: the tag fails, CTR still yields the plaintext.
    QTest::newRow("smarty-custom-ak-with-default-ak")
        << u"smarty_encrypted_custom_ak"_s << false << mismatch << QByteArray("/Lux5\\253694471_M")
        << QByteArray("systitle") << 0x11223344u;
}

void TestGcmDecryptor::sharedVectors()
{
    QFETCH(QString, name);
    QFETCH(bool, customAk);
    QFETCH(int, expectedTag);
    QFETCH(QByteArray, plaintextStart);
    QFETCH(QByteArray, title);
    QFETCH(uint, frameCounter);
    if (!QDir(conformanceDir()).exists())
        QSKIP(qPrintable(u"conformance telegrams not found in "_s + conformanceDir()));

    const std::string frame = p1::test::fromHex(readFile(name + u".hex"_s));
    const std::optional<AesKey> key = parseAesKey(readFile(name + u".key"_s));
    QVERIFY(key);
    AesKey authKey = GcmDecryptor::kDefaultAuthKey;
    if (customAk) {
        const std::optional<AesKey> ak = parseAesKey(readFile(name + u".ak"_s));
        QVERIFY(ak);
        authKey = *ak;
    }
    const Result r = decryptFrame(frame, *key, authKey);
    QCOMPARE(r.frames, 1);
    QVERIFY(r.tag);
    QCOMPARE(int(*r.tag), expectedTag);
    QCOMPARE(QByteArray::fromStdString(describeSystemTitle(r.header)), title);
    QCOMPARE(r.header.frameCounter, frameCounter);
    QCOMPARE(r.header.securityControl, std::uint8_t {0x30});
    QVERIFY2(QByteArray::fromStdString(r.plaintext).startsWith(plaintextStart),
        r.plaintext.substr(0, 40).c_str());
    QVERIFY(r.plaintext.find('!') != std::string::npos);

    // A wrong key: the tag fails, and the plaintext is garbage.
    AesKey wrong = *key;
    wrong[0] ^= 1;
    const Result bad = decryptFrame(frame, wrong, authKey);
    QCOMPARE(int(*bad.tag), int(GcmDecryptor::Tag::Mismatch));
    QVERIFY(!QByteArray::fromStdString(bad.plaintext).startsWith(plaintextStart));
}

void TestGcmDecryptor::builtFrames_data()
{
    QTest::addColumn<int>("securityControl");
    QTest::addColumn<int>("lengthForm");
    QTest::addColumn<QString>("change"); // what is done to the frame or the keys
    QTest::addColumn<int>("expectedTag");
    QTest::addColumn<bool>("plaintextRight");

    const int ok = int(GcmDecryptor::Tag::Ok);
    const int absent = int(GcmDecryptor::Tag::Absent);
    const int mismatch = int(GcmDecryptor::Tag::Mismatch);
    for (int sc : {0x30, 0x20}) {
        for (int form : {0, 0x81, 0x82}) {
            const QByteArray prefix =
                QByteArray::number(sc, 16) + "-form-" + QByteArray::number(form, 16);
            const int good = sc == 0x30 ? ok : absent;
            QTest::newRow(QByteArray(prefix + "-good").constData())
                << sc << form << u"none"_s << good << true;
            QTest::newRow(QByteArray(prefix + "-wrong-key").constData())
                << sc << form << u"wrong-key"_s << (sc == 0x30 ? mismatch : absent) << false;
            // GCM is CTR: one flipped ciphertext bit flips one plaintext bit, and the tag fails.
            QTest::newRow(QByteArray(prefix + "-tampered-ciphertext").constData())
                << sc << form << u"ciphertext"_s << (sc == 0x30 ? mismatch : absent) << false;
            if (sc == 0x30) {
                QTest::newRow(QByteArray(prefix + "-tampered-tag").constData())
                    << sc << form << u"tag"_s << mismatch << true;
                QTest::newRow(QByteArray(prefix + "-wrong-ak").constData())
                    << sc << form << u"wrong-ak"_s << mismatch << true;
            } else {
                // Without a tag the AK plays no part.
                QTest::newRow(QByteArray(prefix + "-wrong-ak").constData())
                    << sc << form << u"wrong-ak"_s << absent << true;
            }
        }
    }
}

void TestGcmDecryptor::builtFrames()
{
    QFETCH(int, securityControl);
    QFETCH(int, lengthForm);
    QFETCH(QString, change);
    QFETCH(int, expectedTag);
    QFETCH(bool, plaintextRight);

    std::mt19937 rng(QTest::currentDataTag() ? qHash(QByteArray(QTest::currentDataTag())) : 1);
    for (int round = 0; round < 5; ++round) {
        const AesKey key = p1::test::randomKey(rng);
        p1::test::GloOptions options;
        options.securityControl = std::uint8_t(securityControl);
        options.authKey = p1::test::randomKey(rng);
        options.frameCounter = std::uint32_t(rng());
        // The one-byte form only fits a short telegram.
        std::string plaintext = telegram();
        options.lengthForm = std::uint8_t(lengthForm);
        if (lengthForm == 0)
            plaintext = plaintext.substr(0, 60);
        std::string frame = p1::test::buildGloFrame(plaintext, key, options);
        const std::size_t tagSize = securityControl == 0x30 ? 12 : 0;

        AesKey decryptKey = key;
        AesKey authKey = options.authKey;
        if (change == u"wrong-key")
            decryptKey[rng() % 16] ^= std::uint8_t(1u << (rng() % 8));
        else if (change == u"wrong-ak")
            authKey[rng() % 16] ^= 0x80;
        else if (change == u"ciphertext")
            frame[frame.size() - tagSize - 1 - rng() % 10] ^= 0x04;
        else if (change == u"tag")
            frame[frame.size() - 1 - rng() % 12] ^= 0x10;

        const Result r = decryptFrame(frame, decryptKey, authKey);
        QCOMPARE(r.frames, 1);
        QVERIFY(r.tag);
        QCOMPARE(int(*r.tag), expectedTag);
        QCOMPARE(r.plaintext == plaintext, plaintextRight);
        QCOMPARE(r.header.frameCounter, options.frameCounter);
    }
}

QTEST_GUILESS_MAIN(TestGcmDecryptor)
#include "tst_gcmdecryptor.moc"
