#pragma once

#include "telegramrecord.h"

#include <QAbstractTableModel>

#include <vector>

namespace p1 {

/// What the daemon would publish from a telegram: every telegram-derived path of the grid
/// service, of the gas pulse meter and of the (first) water pulse meter (their ServiceContract's
/// paths) with its value as GetText shows it, computed by the same VenusMapper. A second water
/// meter has the same paths in its own service (..._water<channel>); a heat meter is not
/// published (the fields view shows it). A path the telegram does not
/// give is invalid on D-Bus (an empty array); it shows as "invalid". Values that changed from
/// the telegram shown before are bold, as an ItemsChanged signal would carry them.
class VenusModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        ServiceColumn,
        PathColumn,
        ValueColumn,
        ColumnCount
    };
    /// Which service a row belongs to.
    enum class Service
    {
        Grid,
        Gas,
        Water,
    };
    enum Role
    {
        ValidRole = Qt::UserRole + 1, ///< bool
        ChangedRole, ///< bool: differs from the previous record shown
        NumberRole, ///< double or int as published; invalid QVariant when invalid
    };

    explicit VenusModel(QObject *parent = nullptr);

    /// Shows \a record's values; a rejected record publishes nothing, so it leaves the values
    /// as they are (the daemon too keeps the last good values until its timeout).
    void setRecord(const TelegramRecord &record);
    void clear();
    void retranslate();

    /// Row of a path ("/Ac/Power" in the grid service, "/Aggregate" in gas); -1 when none.
    [[nodiscard]] int rowOf(Service service, const QString &path) const;
    /// GetText of a path, "" when invalid or unknown.
    [[nodiscard]] QString text(Service service, const QString &path) const;
    [[nodiscard]] bool hasGas() const noexcept { return m_hasGas; }
    [[nodiscard]] bool hasWater() const noexcept { return m_hasWater; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(
        int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row
    {
        Service service = Service::Grid;
        const PathSpec *spec = nullptr;
        VenusValue value;
        bool changed = false;
    };
    std::vector<Row> m_rows;
    bool m_hasGas = false;
    bool m_hasWater = false;
};

} // namespace p1
