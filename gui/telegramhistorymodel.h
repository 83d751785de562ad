#pragma once

#include "telegramrecord.h"

#include <QAbstractTableModel>

#include <deque>

namespace p1 {

/// The scrollback: the last telegrams of a session, newest last, one row each with its number,
/// time, size, CRC status and (for a rejected one) the reason. Bounded, so a monitor left
/// running for a week keeps a few megabytes at most; the oldest rows go first.
class TelegramHistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NumberColumn,
        TimeColumn,
        CrcColumn,
        SizeColumn,
        StatusColumn,
        ColumnCount
    };
    enum Role
    {
        AcceptedRole = Qt::UserRole + 1, ///< bool
    };

    static constexpr int kDefaultCapacity = 1000;

    explicit TelegramHistoryModel(QObject *parent = nullptr);

    void setCapacity(int capacity);
    [[nodiscard]] int capacity() const noexcept { return m_capacity; }

    void append(const TelegramRecord &record);
    void clear();
    [[nodiscard]] const TelegramRecord &record(int row) const
    {
        return m_records.at(std::size_t(row));
    }
    [[nodiscard]] int count() const noexcept { return int(m_records.size()); }
    /// Call after a language change: the texts are rebuilt.
    void retranslate();

    /// "OK", "bad (sent 1A2B, computed 3C4D)", "none": translated.
    [[nodiscard]] static QString crcText(const TelegramRecord &record);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(
        int section, Qt::Orientation orientation, int role) const override;

private:
    std::deque<TelegramRecord> m_records;
    int m_capacity = kDefaultCapacity;
};

} // namespace p1
