#pragma once

#include "telegramrecord.h"

#include <QTabWidget>

#include <optional>

class QLabel;
class QTableView;
class QTextBrowser;
class QTreeView;

namespace p1 {

class FieldsModel;
class VenusModel;

/// The right-hand side of p1-monitor's window: one telegram three ways, as tabs. The raw
/// telegram (invisible bytes and the CRC verdict marked), its decoded fields (OBIS, meaning,
/// value, unit) and what dbus-p1 would publish from it on the Venus D-Bus.
class TelegramView : public QTabWidget
{
    Q_OBJECT

public:
    explicit TelegramView(QWidget *parent = nullptr);

    /// Shows \a record in every tab.
    void showRecord(const TelegramRecord &record);
    /// Forgets the telegram shown: empty tabs.
    void clear();
    /// The headline while a source is open but no telegram came yet.
    void showWaiting();
    /// The texts in the current language (the window calls it on a language change).
    void retranslate();

    [[nodiscard]] const std::optional<TelegramRecord> &shownRecord() const noexcept
    {
        return m_shown;
    }
    [[nodiscard]] FieldsModel *fieldsModel() const noexcept { return m_fields; }
    [[nodiscard]] VenusModel *venusModel() const noexcept { return m_venus; }
    [[nodiscard]] QTextBrowser *rawView() const noexcept { return m_raw; }
    [[nodiscard]] QTreeView *fieldsView() const noexcept { return m_fieldsView; }
    [[nodiscard]] QTableView *venusView() const noexcept { return m_venusView; }

private:
    FieldsModel *m_fields;
    VenusModel *m_venus;
    QLabel *m_rawHeader = nullptr;
    QTextBrowser *m_raw = nullptr;
    QTreeView *m_fieldsView = nullptr;
    QTableView *m_venusView = nullptr;
    QLabel *m_venusNote = nullptr;
    std::optional<TelegramRecord> m_shown;
};

} // namespace p1
