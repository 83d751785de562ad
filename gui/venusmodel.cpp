#include "venusmodel.h"

#include "textconv.h"
#include "venus/servicecontract.h"

#include <QBrush>
#include <QFont>
#include <QPalette>

namespace p1 {

VenusModel::VenusModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    // The contract's paths, in its order: the daemon registers exactly these. The gas
    // meter's paths are the same as gasmeter or as pulsemeter, and the water meter's too.
    for (const PathSpec &spec : ServiceContract::grid().paths)
        m_rows.push_back({Service::Grid, &spec, {}, false});
    for (const PathSpec &spec : ServiceContract::gas(GasService::PulseMeter).paths)
        m_rows.push_back({Service::Gas, &spec, {}, false});
    for (const PathSpec &spec : ServiceContract::water(0, true).paths)
        m_rows.push_back({Service::Water, &spec, {}, false});
}

void VenusModel::setRecord(const TelegramRecord &record)
{
    if (!record.accepted())
        return;
    m_hasGas = record.hasGas;
    m_hasWater = record.water.count > 0;
    std::size_t grid = 0;
    std::size_t gas = 0;
    std::size_t water = 0;
    for (Row &row : m_rows) {
        const VenusValue *value = nullptr;
        switch (row.service) {
        case Service::Grid:
            value = &record.grid.values.at(grid++);
            break;
        case Service::Gas:
            value = &record.gas.values.at(gas++);
            break;
        case Service::Water:
            // The first water meter, the ..._water service; invalid when there is none.
            value = &record.water.meters.front().values.at(water++);
            break;
        }
        row.changed = !(*value == row.value);
        row.value = *value;
    }
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void VenusModel::clear()
{
    for (Row &row : m_rows) {
        row.value.setInvalid();
        row.changed = false;
    }
    m_hasGas = false;
    m_hasWater = false;
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void VenusModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int VenusModel::rowOf(Service service, const QString &path) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].service == service && toQString(m_rows[i].spec->path) == path)
            return int(i);
    return -1;
}

QString VenusModel::text(Service service, const QString &path) const
{
    const int row = rowOf(service, path);
    if (row < 0)
        return QString();
    const Row &r = m_rows[std::size_t(row)];
    return QString::fromStdString(formatText(*r.spec, r.value));
}

int VenusModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VenusModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VenusModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row &r = m_rows[std::size_t(index.row())];
    switch (role) {
    case ValidRole:
        return r.value.valid();
    case ChangedRole:
        return r.changed;
    case NumberRole:
        switch (r.value.kind) {
        case ValueKind::Double:
            return r.value.number;
        case ValueKind::Int:
            return r.value.integer;
        case ValueKind::String:
            return QString::fromStdString(r.value.text);
        case ValueKind::Invalid:
            break;
        }
        return {};
    case Qt::FontRole:
        if (r.changed && index.column() == ValueColumn) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ForegroundRole:
        if (!r.value.valid())
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case ServiceColumn:
        switch (r.service) {
        case Service::Grid:
            return tr("grid");
        case Service::Gas:
            return tr("gas");
        case Service::Water:
            return tr("water");
        }
        return {};
    case PathColumn:
        return toQString(r.spec->path);
    case ValueColumn:
        if (!r.value.valid())
            return tr("invalid");
        return QString::fromStdString(formatText(*r.spec, r.value));
    default:
        break;
    }
    return {};
}

QVariant VenusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ServiceColumn:
        return tr("Service");
    case PathColumn:
        return tr("Path");
    case ValueColumn:
        return tr("Value (as GetText shows it)");
    default:
        break;
    }
    return {};
}

} // namespace p1
