#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class QTranslator;

namespace p1 {

/// The app's language: the system locale by default, or the user's pick from the Language
/// menu, remembered in QSettings.
///
/// Switching happens at run time: the old translators are removed and the new ones installed
/// (the app's catalogue, the core's, which holds the sources' and the detector's texts, and
/// Qt's own for standard buttons), which sends every widget a LanguageChange event; each
/// widget re-sets its texts in changeEvent(), and the models are retranslated by the main
/// window. A restart is never needed, and a user can compare a message in two languages.
class LanguageManager : public QObject
{
    Q_OBJECT

public:
    /// The catalogues shipped (embedded as :/i18n/<catalogue>_<lang>.qm), English first: the
    /// source language, which needs no catalogue.
    static QStringList availableLanguages();
    /// "Nederlands", "Deutsch", "Français", "English": each in its own language.
    static QString nativeName(const QString &language);

    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    /// Applies the saved choice (or the system locale); call once after QApplication exists.
    void applySaved();
    /// "" for the system locale, else one of availableLanguages(). Saved for the next start.
    void setLanguage(const QString &language);
    /// Uses \a language for this run only (the saved choice stays): `p1-monitor --language`.
    void apply(const QString &language) { install(language); }
    /// The choice as saved: "" for the system locale.
    [[nodiscard]] QString choice() const noexcept { return m_choice; }
    /// The language actually in effect: "nl", "de", "fr" or "en".
    [[nodiscard]] QString effectiveLanguage() const noexcept { return m_effective; }

Q_SIGNALS:
    void languageChanged(const QString &effectiveLanguage);

private:
    void install(const QString &choice);
    void removeTranslators();

    std::vector<std::unique_ptr<QTranslator>> m_translators;
    QString m_choice;
    QString m_effective = QStringLiteral("en");
};

} // namespace p1
