// The Qt Linguist catalogues in translations/: complete (every message translated, numerus forms
// filled, placeholders and accelerators kept), current (lupdate over the programs' sources finds
// exactly the committed messages, so a new tr() without a translation fails here), and really
// used: dbus-p1 speaks the language of the locale it is started in.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

constexpr int kTimeoutMs = 60000;

const QStringList kCatalogues = {u"p1core"_s, u"dbus-p1"_s, u"p1-monitor"_s};
const QStringList kLanguages = {u"nl"_s, u"de"_s, u"fr"_s};
// Plural forms Qt knows for each language (nl, de, fr: singular and plural; French uses the
// singular for 0 too).
constexpr int kNumerusForms = 2;

/// One <message> of a .ts file.
struct Message
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type; // the translation's type attribute: "", "unfinished", "vanished", "obsolete"
    QStringList translations; // one, or one per numerus form

    // What identifies a message to lupdate.
    [[nodiscard]] QString key() const
    {
        return context + u" | "_s + source + (comment.isEmpty() ? QString() : u" // "_s + comment)
            + (numerus ? u" [numerus]"_s : QString());
    }
};

/// A parsed .ts file.
struct Catalogue
{
    QString language;
    QList<Message> messages;
};

std::optional<Catalogue> readCatalogue(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return std::nullopt;
    }
    Catalogue catalogue;
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == "TS"_L1) {
                catalogue.language = xml.attributes().value("language"_L1).toString();
            } else if (name == "name"_L1) {
                context = xml.readElementText();
            } else if (name == "message"_L1) {
                message = Message {};
                message.context = context;
                message.numerus = xml.attributes().value("numerus"_L1) == "yes"_L1;
            } else if (name == "source"_L1) {
                message.source = xml.readElementText();
            } else if (name == "comment"_L1) {
                message.comment = xml.readElementText();
            } else if (name == "translation"_L1) {
                message.type = xml.attributes().value("type"_L1).toString();
                if (!message.numerus)
                    message.translations.append(xml.readElementText());
            } else if (name == "numerusform"_L1) {
                message.translations.append(xml.readElementText());
            }
        } else if (xml.isEndElement() && xml.name() == "message"_L1) {
            catalogue.messages.append(message);
        }
    }
    if (xml.hasError()) {
        *error = u"%1 at line %2"_s.arg(xml.errorString()).arg(xml.lineNumber());
        return std::nullopt;
    }
    return catalogue;
}

// %1..%99 and %n, with %L1 counted as %1: what QString::arg() and tr()'s numerus fill in.
QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(u"%L?(\\d{1,2}|n)"_s);
    QSet<QString> found;
    for (const auto &match : pattern.globalMatch(text))
        found.insert(match.captured(1));
    return found;
}

// Menu and button accelerators: '&' before a letter ("&File"); "&&" is a literal ampersand.
int accelerators(const QString &text)
{
    static const QRegularExpression pattern(u"(?<!&)&(?=[^&\\s])"_s);
    int count = 0;
    for (auto it = pattern.globalMatch(text); it.hasNext(); it.next())
        ++count;
    return count;
}

// Words of two letters or more: a text with four of them left as it was is not translated
// ("OBIS", "%1 kW" or "115200 (DSMR 4/5)" may stay).
int words(const QString &text)
{
    static const QRegularExpression pattern(u"\\b[[:alpha:]]{2,}\\b"_s);
    int count = 0;
    for (auto it = pattern.globalMatch(text); it.hasNext(); it.next())
        ++count;
    return count;
}

QString cataloguePath(const QString &catalogue, const QString &language)
{
    return QStringLiteral(P1_TRANSLATIONS_DIR "/") + catalogue + u'_' + language + u".ts"_s;
}

} // namespace

/// Checks the committed catalogues and that dbus-p1 loads them for the system locale.
class tst_Translations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void catalogueComplete_data();
    void catalogueComplete();
    void catalogueCurrent_data();
    void catalogueCurrent();
    void daemonFollowsLocale_data();
    void daemonFollowsLocale();
};

void tst_Translations::catalogueComplete_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("language");
    for (const QString &catalogue : kCatalogues) {
        for (const QString &language : kLanguages) {
            QTest::newRow(qPrintable(catalogue + u'_' + language))
                << cataloguePath(catalogue, language) << language;
        }
    }
}

void tst_Translations::catalogueComplete()
{
    QFETCH(QString, path);
    QFETCH(QString, language);

    QString error;
    const std::optional<Catalogue> catalogue = readCatalogue(path, &error);
    QVERIFY2(catalogue, qPrintable(path + u": "_s + error));
    QCOMPARE(catalogue->language, language);
    QVERIFY(catalogue->messages.size() >= 10);

    QStringList problems;
    for (const Message &m : catalogue->messages) {
        const auto problem = [&](const QString &what) {
            problems.append(u"%1: \"%2\": %3"_s.arg(m.context, m.source, what));
        };
        if (!m.type.isEmpty()) {
            problem(u"translation is %1"_s.arg(m.type));
            continue;
        }
        if (m.numerus && m.translations.size() != kNumerusForms) {
            problem(u"%1 numerus forms, want %2"_s.arg(m.translations.size()).arg(kNumerusForms));
            continue;
        }
        if (!m.numerus && m.translations.size() != 1) {
            problem(u"no translation element"_s);
            continue;
        }
        const QSet<QString> wanted = placeholders(m.source);
        for (const QString &t : m.translations) {
            if (t.trimmed().isEmpty()) {
                problem(u"empty translation"_s);
                continue;
            }
            const QSet<QString> got = placeholders(t);
            if (got != wanted) {
                problem(u"placeholders {%1} in \"%2\", want {%3}"_s.arg(
                    QStringList(got.begin(), got.end()).join(u','), t,
                    QStringList(wanted.begin(), wanted.end()).join(u',')));
            }
            if (accelerators(t) != accelerators(m.source))
                problem(u"\"%1\" has %2 accelerators, want %3"_s.arg(t)
                            .arg(accelerators(t))
                            .arg(accelerators(m.source)));
            if (t == m.source && words(m.source) >= 4)
                problem(u"left in English"_s);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void tst_Translations::catalogueCurrent_data()
{
    QTest::addColumn<QString>("catalogue");
    for (const QString &catalogue : kCatalogues)
        QTest::newRow(qPrintable(catalogue)) << catalogue;
}

void tst_Translations::catalogueCurrent()
{
    QFETCH(QString, catalogue);

    const QString lupdate = QStringLiteral(P1_LUPDATE);
    if (lupdate.isEmpty() || !QFile::exists(lupdate))
        QSKIP("lupdate not found (install qt6-tools-dev)");
    // Written by translations/CMakeLists.txt for each catalogue of the configured programs.
    const QString sources =
        QStringLiteral(P1_TRANSLATIONS_BUILD_DIR "/") + catalogue + u"_sources.lst"_s;
    if (!QFile::exists(sources))
        QSKIP("this catalogue's program is not configured (BUILD_GUI=OFF?)");

    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString scratchPath = scratch.filePath(u"scratch_nl.ts"_s);
    QProcess p;
    p.start(lupdate,
        {u"-silent"_s, u"-locations"_s, u"none"_s, u"-no-obsolete"_s, u'@' + sources, u"-ts"_s,
            scratchPath});
    QVERIFY2(p.waitForFinished(kTimeoutMs), qPrintable(p.errorString()));
    QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0,
        p.readAllStandardError().constData());

    QString error;
    const std::optional<Catalogue> fresh = readCatalogue(scratchPath, &error);
    QVERIFY2(fresh, qPrintable(error));
    QSet<QString> inSources;
    for (const Message &m : fresh->messages)
        inSources.insert(m.key());
    QVERIFY(inSources.size() >= 10);

    for (const QString &language : kLanguages) {
        const std::optional<Catalogue> committed =
            readCatalogue(cataloguePath(catalogue, language), &error);
        QVERIFY2(committed, qPrintable(error));
        QSet<QString> inCatalogue;
        for (const Message &m : committed->messages)
            inCatalogue.insert(m.key());
        const QSet<QString> missing = inSources - inCatalogue;
        const QSet<QString> stale = inCatalogue - inSources;
        QVERIFY2(missing.isEmpty() && stale.isEmpty(),
            qPrintable(u"%1_%2.ts is not current (cmake --build build --target "
                       "update_translations, then translate):\nmissing:\n  %3\nstale:\n  %4"_s.arg(
                           catalogue, language,
                           QStringList(missing.begin(), missing.end()).join(u"\n  "_s),
                           QStringList(stale.begin(), stale.end()).join(u"\n  "_s))));
    }
}

void tst_Translations::daemonFollowsLocale_data()
{
    QTest::addColumn<QStringList>("environment"); // NAME=value, on top of a clean locale
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected"); // in standard output or standard error

    const QStringList help = {u"--help"_s};
    const QStringList badSource = {u"bogus:x"_s};
    QTest::newRow("no-locale-english")
        << QStringList() << help << u"Reads a P1 smart meter and publishes it"_s;
    QTest::newRow("C-english") << QStringList {u"LANG=C.UTF-8"_s} << help
                               << u"Reads a P1 smart meter and publishes it"_s;
    QTest::newRow("nl-help") << QStringList {u"LANG=nl_NL.UTF-8"_s} << help
                             << u"Leest een slimme meter via P1 uit"_s;
    QTest::newRow("de-help") << QStringList {u"LANG=de_DE.UTF-8"_s} << help
                             << u"Liest einen Smart Meter über die P1-Schnittstelle aus"_s;
    QTest::newRow("fr-help") << QStringList {u"LANG=fr_FR.UTF-8"_s} << help
                             << u"Lit un compteur communicant par le port P1"_s;
    QTest::newRow("nl-detect-option")
        << QStringList {u"LANG=nl_NL.UTF-8"_s} << help << u"Zoek een P1-meter op de seriële"_s;
    // The core's catalogue (SOURCE parsing lives in p1core), with a Belgian region.
    QTest::newRow("nl_BE-core-error")
        << QStringList {u"LANG=nl_BE.UTF-8"_s} << badSource << u"Onbekend brontype \"bogus\""_s;
    QTest::newRow("fr_BE-core-error") << QStringList {u"LANG=fr_BE.UTF-8"_s} << badSource
                                      << u"Type de source inconnu « bogus »"_s;
    QTest::newRow("de_AT-cli-error")
        << QStringList {u"LANG=de_AT.UTF-8"_s} << QStringList {u"--detect"_s, u"--decode"_s, u"-"_s}
        << u"--detect und --decode können nicht zusammen verwendet werden"_s;
    QTest::newRow("LC_ALL-over-LANG")
        << QStringList {u"LANG=fr_FR.UTF-8"_s, u"LC_ALL=de_DE.UTF-8"_s} << badSource
        << u"Unbekannter Quelltyp „bogus“"_s;
    // GNU LANGUAGE: a priority list; Spanish has no catalogue, so German.
    QTest::newRow("LANGUAGE-list") << QStringList {u"LANG=fr_FR.UTF-8"_s, u"LANGUAGE=es:de"_s}
                                   << badSource << u"Unbekannter Quelltyp „bogus“"_s;
    QTest::newRow("no-catalogue-english")
        << QStringList {u"LANG=es_ES.UTF-8"_s} << badSource << u"Unknown source type \"bogus\""_s;
}

void tst_Translations::daemonFollowsLocale()
{
    QFETCH(QStringList, environment);
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);

    // The same tools compile the catalogues into the programs.
    if (QStringLiteral(P1_LUPDATE).isEmpty())
        QSKIP("built without the Qt Linguist tools: dbus-p1 has no catalogues");

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"})
        env.remove(QString::fromLatin1(name));
    for (const QString &assignment : environment)
        env.insert(assignment.section(u'=', 0, 0), assignment.section(u'=', 1));

    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(P1_BIN_DIR "/dbus-p1"), arguments);
    QVERIFY2(p.waitForStarted(kTimeoutMs), qPrintable(p.errorString()));
    p.closeWriteChannel();
    QVERIFY(p.waitForFinished(kTimeoutMs));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    const QString output = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    QVERIFY2(output.contains(expected), qPrintable(output));
}

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
