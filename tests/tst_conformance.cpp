// Conformance: every real telegram of the shared collection (public test suites of other P1
// projects, see its README) through the whole decoding pipeline, fed whole, byte by byte and in
// random chunks. The files are read where they lie (P1_CONFORMANCE_DIR), never copied here.

#include "capturedecoder.h"
#include "jsonsubset.h"
#include "telegrambuilder.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace p1;
using namespace Qt::StringLiterals;
using p1::test::Chunking;
using p1::test::json;

namespace {

QString conformanceDir()
{
    return QStringLiteral(P1_CONFORMANCE_DIR);
}

// The CRC column of the README table, per file: "3F13 ok", "none", "EF2F **bad**", "1234 **fake**".
QHash<QString, QString> readmeCrcColumn(const QDir &dir)
{
    QHash<QString, QString> out;
    QFile readme(dir.filePath(u"README.md"_s));
    if (!readme.open(QIODevice::ReadOnly | QIODevice::Text))
        return out;
    const QStringList lines = QString::fromUtf8(readme.readAll()).split(u'\n');
    for (const QString &line : lines) {
        if (!line.startsWith(u"| "_s))
            continue;
        const QStringList cells = line.split(u'|');
        // "", file, variant, CRC, source, ""
        if (cells.size() < 5)
            continue;
        const QString file = cells.at(1).trimmed();
        if (file.endsWith(u".txt"_s))
            out.insert(file, cells.at(3).trimmed());
    }
    return out;
}

// What the README's CRC column promises: "ok"/"none" → the telegram is accepted; "bad"/"fake"
// → it is rejected for its CRC.
enum class Verdict
{
    Accepted,
    Rejected,
    Unknown
};

Verdict verdictOf(const QString &crcColumn)
{
    static const QRegularExpression rejected(u"\\b(bad|fake)\\b"_s);
    static const QRegularExpression accepted(u"^(none|[0-9A-Fa-f]{1,4} ok)$"_s);
    if (rejected.match(crcColumn).hasMatch())
        return Verdict::Rejected;
    if (accepted.match(crcColumn).hasMatch())
        return Verdict::Accepted;
    return Verdict::Unknown;
}

// Concrete values per file where the file exercises something: the meter quirk its README row
// names. "<absent>" marks a key that must be missing.
const char *spotCheck(const QString &file)
{
    static const QHash<QString, const char *> checks {
        {u"v2_2_iskra_mt382_gas_ch2.txt"_s, R"({"crc": "none", "ident": "ISk5\\2MT382-1003",
            "grid": {"/Ac/Power": 890, "/Ac/Energy/Forward": 36123.16},
            "gas": {"/Aggregate": 13368.864, "/P1/Channel": 2}})"},
        {u"v2_2_kamstrup_kmp_no_blank_line.txt"_s, R"({"crc": "none",
            "ident": "KMP5 ZABF001587315111", "grid": {"/Ac/Power": 980},
            "gas": {"/Aggregate": 124.477, "/P1/Channel": 1}})"},
        {u"v2_2_landisgyr_xmx_gas_24_2_0.txt"_s, R"({"crc": "none",
            "grid": {"/Ac/Power": -620, "/Ac/Energy/Reverse": 4548.914},
            "gas": {"/Aggregate": 5271.144, "/P1/Channel": 1}})"},
        {u"v3_multiline_values.txt"_s, R"({"crc": "none", "grid": null,
            "gas": {"/Aggregate": 124.477, "/P1/Channel": 1}})"},
        {u"v3_spec_example.txt"_s, R"({"crc": "none", "version": null, "timestamp": null,
            "grid": {"/Ac/Power": 1190}, "gas": {"/Aggregate": 1.001}})"},
        {u"v4_0_landisgyr_e350_lowercase_dst.txt"_s, R"({"crc": "ok", "version": "40",
            "timestamp": "2015-07-01T19:29:59+02:00",
            "grid": {"/Ac/Power": 69, "/Ac/L1/Power": 12, "/Ac/L2/Power": -99,
                     "/Ac/L3/Power": -210, "/Ac/L3/Current": -1},
            "gas": {"/Aggregate": 845.206, "/P1/Channel": 1,
                    "/P1/CaptureTime": "2015-07-01T19:00:00+02:00"}})"},
        {u"v4_2_kaifa_bogus_failure_log.txt"_s, R"({"crc": "ok", "version": "42",
            "timestamp": "2022-09-01T15:22:01+02:00",
            "grid": {"/Ac/Power": 335, "/P1/PowerFailures": 3},
            "gas": {"/Aggregate": 4836.851}})"},
        {u"v5_nl_iskra_am550_1ph.txt"_s, R"({"crc": "ok",
            "grid": {"/Ac/Power": 193, "/Ac/L1/Power": 193, "/NrOfPhases": 1,
                     "/Ac/L2/Power": "<absent>", "/Ac/L1/Energy/Forward": 1041.401,
                     "/Ac/L1/Energy/Reverse": 0},
            "gas": {"/Aggregate": 304.089, "/P1/Channel": 1}})"},
        {u"v5_nl_iskra_am550_gas_on_ch2.txt"_s, R"({"crc": "ok",
            "grid": {"/Ac/Power": 111},
            "gas": {"/Aggregate": 246.138, "/P1/Channel": 2}})"},
        {u"v5_nl_sagemcom_space_in_ident.txt"_s, R"({"crc": "ok",
            "ident": "Ene5\\SAGEMCOM CX2000-", "grid": {"/Ac/Power": 4}, "gas": null})"},
        {u"v5_nl_sagemcom_t211.txt"_s, R"({"crc": "ok", "ident": "Ene5\\T211 ESMR 5.0",
            "grid": {"/Ac/Power": 499, "/Ac/L3/Power": 323}})"},
        {u"v5_nl_mcs_zero_timestamps.txt"_s, R"({"crc": "ok", "timestamp": null,
            "grid": {"/Ac/Power": 96, "/P1/Timestamp": "<absent>"}, "gas": null})"},
        {u"v5_nl_warmtelink_heat_gj_unpadded_crc.txt"_s, R"({"crc": "ok",
            "ident": "NWA-WARMTELINK", "grid": null, "gas": null, "water": "<absent>",
            "heat": [{"channel": 1, "value": 240.86, "unit": "GJ"}]})"},
        {u"v5_nl_spec_example_bad_crc.txt"_s, R"({"crc": "bad",
            "error": "CRC mismatch: sent EF2F, computed E47C",
            "grid": "<absent>", "gas": "<absent>"})"},
        {u"v5_be_fluvius_v171.txt"_s, R"({"crc": "ok", "version": "50217",
            "grid": {"/Ac/Power": 0, "/Ac/Energy/Forward": 15.792,
                     "/P1/AverageDemand": 2351, "/P1/MaximumDemandMonth": 2589,
                     "/Ac/L1/Energy/Forward": "<absent>"},
            "gas": {"/Aggregate": 112.384, "/P1/Channel": 1},
            "water": [{"/Aggregate": 872.234, "/P1/Channel": 2}]})"},
        {u"v5_be_fluvius_v171_invalid_ts.txt"_s, R"({"crc": "ok",
            "timestamp": "2023-11-02T12:15:48+01:00",
            "grid": {"/Ac/Power": 338, "/Ac/L2/Power": 179},
            "gas": {"/Aggregate": 92.287, "/P1/Channel": 1}})"},
        {u"v5_be_emucs_2_1_1_spec_fake_crc.txt"_s, R"({"crc": "bad",
            "error": "CRC mismatch: sent 1234, computed 74E0",
            "grid": "<absent>", "gas": "<absent>"})"},
        {u"v5_lu_smarty_plain.txt"_s, R"({"crc": "ok",
            "grid": {"/Ac/Power": -897, "/Ac/Energy/Forward": 273.764,
                     "/Ac/Energy/Reverse": 112743.03}})"},
        {u"v5_at_sagemcom_t210dr_wh_units.txt"_s, R"({"crc": "ok", "version": "50",
            "grid": {"/Ac/Power": 286, "/Ac/Energy/Forward": 6545.766,
                     "/Ac/Energy/Reverse": 0.058},
            "gas": null})"},
        {u"v5_se_kamstrup_lf_after_crc.txt"_s, R"({"crc": "ok", "ident": "KAM5",
            "grid": {"/Ac/Power": 0, "/Ac/Energy/Forward": 3.997, "/Ac/L1/Voltage": 238}})"},
        {u"v5_hu_eon_sagemcom.txt"_s, R"({"crc": "ok",
            "grid": {"/Ac/Power": -2601, "/Ac/Energy/Forward": 173.64,
                     "/Ac/Energy/Reverse": 627.177, "/Ac/Frequency": 50,
                     "/Ac/L1/Energy/Forward": "<absent>"}})"},
        {u"de_easymeter_q3d_trailing_garbage.txt"_s, R"({"crc": "none",
            "ident": "ESY5Q3DB1024 V3.04",
            "grid": {"/Ac/Power": 2124.86, "/Ac/L1/Power": 747.85,
                     "/Ac/Energy/Forward": 52185.7825309, "/Serial": "1ESY1313002565"},
            "gas": null})"},
    };
    return checks.value(file, nullptr);
}

QList<QByteArray> decodeLines(
    const QByteArray &input, Chunking how, std::uint32_t seed = 1, const DecryptionKeys &keys = {})
{
    QList<QByteArray> lines;
    CaptureDecoder decoder(
        [&lines](const QJsonObject &object) { lines.append(CaptureDecoder::toLine(object)); });
    decoder.setKeys(keys);
    for (const auto piece :
        p1::test::chunk(std::string_view(input.constData(), std::size_t(input.size())), how, seed))
        decoder.push(piece);
    decoder.finish();
    return lines;
}

} // namespace

class TestConformance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void telegrams_data();
    void telegrams();
    void withoutItsCrcOnlyDsmr22And30Pass_data();
    void withoutItsCrcOnlyDsmr22And30Pass();
    void encryptedFrames_data();
    void encryptedFrames();
};

void TestConformance::telegrams_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("crcColumn");

    const QDir dir(conformanceDir());
    if (!dir.exists()) {
        QTest::newRow("no-conformance-dir") << QString() << QString();
        return;
    }
    const QHash<QString, QString> crc = readmeCrcColumn(dir);
    const QStringList files = dir.entryList({u"*.txt"_s}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << file << crc.value(file);
}

void TestConformance::telegrams()
{
    QFETCH(QString, file);
    QFETCH(QString, crcColumn);
    if (file.isEmpty())
        QSKIP(qPrintable(u"conformance telegrams not found in "_s + conformanceDir()));

    QFile f(QDir(conformanceDir()).filePath(file));
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.errorString()));
    const QByteArray bytes = f.readAll();

    const Verdict verdict = verdictOf(crcColumn);
    QVERIFY2(verdict != Verdict::Unknown,
        qPrintable(u"no usable README row (CRC column '%1')"_s.arg(crcColumn)));

    const QList<QByteArray> lines = decodeLines(bytes, Chunking::Whole);
    QCOMPARE(decodeLines(bytes, Chunking::ByteByByte), lines);
    for (std::uint32_t seed : {1u, 2u, 3u, 99u})
        QCOMPARE(decodeLines(bytes, Chunking::Random, seed), lines);

    // Each file holds one telegram: exactly one line, accepted or rejected as the README says.
    QCOMPARE(lines.size(), 1);
    const QJsonObject decoded = QJsonDocument::fromJson(lines.constFirst()).object();
    QVERIFY2(!decoded.isEmpty(), lines.constFirst().constData());
    if (verdict == Verdict::Accepted) {
        QVERIFY2(!decoded.contains(u"error"_s), lines.constFirst().constData());
        // null for a telegram without electricity (a heat meter; gas and a text only), which
        // the daemon does not publish as a grid meter either.
        const QJsonValue grid = decoded.value(u"grid"_s);
        QVERIFY(grid.isObject() || grid.isNull());
        QCOMPARE(decoded.value(u"crc"_s).toString(), crcColumn == u"none"_s ? u"none"_s : u"ok"_s);
    } else {
        QCOMPARE(decoded.value(u"crc"_s).toString(), u"bad"_s);
        QVERIFY(decoded.contains(u"error"_s));
        QVERIFY(!decoded.contains(u"grid"_s));
        QVERIFY(!decoded.contains(u"gas"_s));
    }
    QVERIFY(!decoded.value(u"objects"_s).toArray().isEmpty());

    if (const char *expected = spotCheck(file)) {
        const QString mismatch = p1::test::jsonMismatch(decoded, json(expected));
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }
}

void TestConformance::withoutItsCrcOnlyDsmr22And30Pass_data()
{
    telegrams_data();
}

void TestConformance::withoutItsCrcOnlyDsmr22And30Pass()
{
    // The facts the CRC rule stands on, checked on real telegrams: every one that carries a CRC
    // (DSMR 4/5, Belgium, Luxembourg, Sweden, Austria, Hungary) shows a version line or a
    // timestamp, so without its CRC digits it is rejected; every one without a CRC (DSMR
    // 2.2/3.0, EasyMeter) shows neither and passes as it is (telegrams() checks that).
    QFETCH(QString, file);
    QFETCH(QString, crcColumn);
    if (file.isEmpty())
        QSKIP(qPrintable(u"conformance telegrams not found in "_s + conformanceDir()));
    if (crcColumn == u"none"_s)
        QSKIP("no CRC to take away");

    QFile f(QDir(conformanceDir()).filePath(file));
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.errorString()));
    QByteArray bytes = f.readAll();
    const qsizetype bang = bytes.lastIndexOf('!');
    QVERIFY(bang > 0);
    bytes.truncate(bang + 1);
    bytes += "\r\n";

    const QList<QByteArray> lines = decodeLines(bytes, Chunking::Whole);
    QCOMPARE(lines.size(), 1);
    const QJsonObject decoded = QJsonDocument::fromJson(lines.constFirst()).object();
    QCOMPARE(decoded.value(u"crc"_s).toString(), u"none"_s);
    QVERIFY2(
        decoded.value(u"error"_s).toString().contains(u"DSMR 4"_s), lines.constFirst().constData());
    QVERIFY(!decoded.contains(u"grid"_s));
}

void TestConformance::encryptedFrames_data()
{
    QTest::addColumn<QString>("file"); // .hex, with .key (and .ak) beside it
    QTest::addColumn<bool>("useAk"); // give the .ak file's AK, else the default AK
    QTest::addColumn<QString>("expected"); // JSON subset of the one line

    // The Smarty frame with the default AK: the T210-D-r telegram, in Wh, CRC 7EF9.
    QTest::newRow("smarty-default-ak")
        << u"smarty_encrypted"_s << false
        << uR"({"crc": "ok", "error": "<absent>", "ident": "EST5\\253710000_A",
                "encryption": {"systemTitle": "SYSTEMID", "frameCounter": 268435457,
                               "securityControl": "30", "tag": "ok"}})"_s;
    // The Luxembourg spec example, tag ok with its AK, but node's copy lost the blank line after
    // the header (README): the inner CRC rightly fails.
    QTest::newRow("smarty-custom-ak")
        << u"smarty_encrypted_custom_ak"_s << true
        << uR"({"crc": "bad", "error": "CRC mismatch: sent 8B52, computed 6DA1",
                "encryption": {"systemTitle": "systitle", "frameCounter": 287454020, "tag": "ok"}})"_s;
    // With the default AK the tag fails; the CTR plaintext's CRC fails too: rejected.
    QTest::newRow("smarty-custom-ak-default-ak")
        << u"smarty_encrypted_custom_ak"_s << false
        << uR"({"error": "decryption failed: wrong key?", "grid": "<absent>",
                "encryption": {"tag": "failed"}})"_s;
    // Austrian wired M-Bus (Kaifa MA309): not supported; never accepted.
    QTest::newRow("austria-kaifa-mbus")
        << u"austria_kaifa_mbus_encrypted"_s << false
        << uR"({"error": "decryption failed: wrong key?", "grid": "<absent>"})"_s;
}

void TestConformance::encryptedFrames()
{
    QFETCH(QString, file);
    QFETCH(bool, useAk);
    QFETCH(QString, expected);
    const QDir dir(conformanceDir());
    if (!dir.exists())
        QSKIP(qPrintable(u"conformance telegrams not found in "_s + conformanceDir()));
    const auto read = [&dir](const QString &name) {
        QFile f(dir.filePath(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed() : QByteArray();
    };
    const QByteArray frame = QByteArray::fromHex(read(file + u".hex"_s));
    QVERIFY(!frame.isEmpty());
    DecryptionKeys keys;
    keys.key = parseAesKey(read(file + u".key"_s).toStdString());
    QVERIFY(keys.key);
    if (useAk) {
        const auto ak = parseAesKey(read(file + u".ak"_s).toStdString());
        QVERIFY(ak);
        keys.authKey = *ak;
    }
    const QList<QByteArray> lines = decodeLines(frame, Chunking::Whole, 1, keys);
    QCOMPARE(decodeLines(frame, Chunking::ByteByByte, 1, keys), lines);
    QCOMPARE(decodeLines(frame, Chunking::Random, 5, keys), lines);
    QCOMPARE(lines.size(), 1);
    const QJsonObject decoded = QJsonDocument::fromJson(lines.constFirst()).object();
    const QString mismatch = p1::test::jsonMismatch(decoded, json(qPrintable(expected)));
    QVERIFY2(mismatch.isEmpty(),
        qPrintable(mismatch + u" in "_s + QString::fromUtf8(lines.constFirst())));
}

QTEST_GUILESS_MAIN(TestConformance)
#include "tst_conformance.moc"
