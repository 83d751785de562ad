#include "languagemanager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace p1 {

namespace {

const QString kSettingsKey = QStringLiteral("language");
const QString kResourceDir = QStringLiteral(":/i18n");
// The app's catalogue and the core's (sources, detector); Qt's own comes from Qt's folder.
const QStringList kCatalogues = {QStringLiteral("p1-monitor"), QStringLiteral("p1core")};

} // namespace

QStringList LanguageManager::availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("nl"), QStringLiteral("de"), QStringLiteral("fr")};
}

QString LanguageManager::nativeName(const QString &language)
{
    if (language == QLatin1StringView("nl"))
        return QStringLiteral("Nederlands");
    if (language == QLatin1StringView("de"))
        return QStringLiteral("Deutsch");
    if (language == QLatin1StringView("fr"))
        return QStringLiteral("Français");
    return QStringLiteral("English");
}

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent)
{ }

LanguageManager::~LanguageManager()
{
    removeTranslators();
}

void LanguageManager::applySaved()
{
    install(QSettings().value(kSettingsKey).toString());
}

void LanguageManager::setLanguage(const QString &language)
{
    QSettings().setValue(kSettingsKey, language);
    install(language);
}

void LanguageManager::removeTranslators()
{
    for (auto &translator : m_translators)
        QCoreApplication::removeTranslator(translator.get());
    m_translators.clear();
}

void LanguageManager::install(const QString &choice)
{
    removeTranslators();
    m_choice = availableLanguages().contains(choice) ? choice : QString();
    // The system locale may say nl_BE or de_LU: QTranslator::load(QLocale) finds "nl"/"de".
    const QLocale locale = m_choice.isEmpty() ? QLocale::system() : QLocale(m_choice);
    m_effective = QStringLiteral("en");
    for (const QString &catalogue : kCatalogues) {
        auto translator = std::make_unique<QTranslator>();
        if (translator->load(locale, catalogue, QStringLiteral("_"), kResourceDir)) {
            m_effective = translator->language().left(2);
            QCoreApplication::installTranslator(translator.get());
            m_translators.push_back(std::move(translator));
        }
    }
    if (m_effective != QLatin1StringView("en")) {
        auto qt = std::make_unique<QTranslator>();
        if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt.get());
            m_translators.push_back(std::move(qt));
        }
    }
    // Numbers and dates follow the language too.
    QLocale::setDefault(
        m_effective == QLatin1StringView("en") && m_choice.isEmpty() ? QLocale::system() : locale);
    Q_EMIT languageChanged(m_effective);
}

} // namespace p1
