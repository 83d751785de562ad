#pragma once

#include "telegramrecord.h"

#include <QStandardItemModel>

#include <optional>

namespace p1 {

/// The decoded fields of one telegram as a tree: the electricity meter's objects first, then
/// one group per M-Bus channel titled with what is on it ("M-Bus channel 2: gas meter"), then
/// any lines that did not parse. Each row: OBIS code, meaning (translated), value as sent (hex
/// ids and text messages decoded when they are printable), unit as sent.
///
/// The model re-parses the record's text itself, so it shows any record of the scrollback, a
/// rejected one included (best effort: it is exactly what the meter sent).
class FieldsModel : public QStandardItemModel
{
    Q_OBJECT

public:
    enum Column
    {
        ObisColumn,
        MeaningColumn,
        ValueColumn,
        UnitColumn,
        ColumnCount
    };
    enum Role
    {
        ObisRole = Qt::UserRole + 1, ///< the code as sent, on every column of a field row
        ChannelRole, ///< on a group row: 0 for the meter, 1-4 for M-Bus, -1 for unparsed lines
    };

    explicit FieldsModel(QObject *parent = nullptr);

    void setRecord(const TelegramRecord &record);
    void clearRecord();
    [[nodiscard]] bool hasRecord() const noexcept { return m_record.has_value(); }
    /// Rebuilds the texts in the current language.
    void retranslate();

    /// The group row for a channel (0 = meter), or an invalid index.
    [[nodiscard]] QModelIndex groupIndex(int channel) const;
    /// The first field row with this OBIS code (as sent), anywhere in the tree.
    [[nodiscard]] QModelIndex findField(const QString &obis) const;
    /// Number of field rows (all groups).
    [[nodiscard]] int fieldCount() const;

    /// "4730..." -> "G0039..." when \a text is hex for printable ASCII; nullopt otherwise.
    [[nodiscard]] static std::optional<QString> decodeHexText(QStringView text);

private:
    void rebuild();
    void setHeaders();

    std::optional<TelegramRecord> m_record;
};

} // namespace p1
