#include "telegramhistorymodel.h"

#include "monitorsession.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace p1 {

TelegramHistoryModel::TelegramHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void TelegramHistoryModel::setCapacity(int capacity)
{
    m_capacity = qMax(1, capacity);
    while (count() > m_capacity) {
        beginRemoveRows({}, 0, 0);
        m_records.pop_front();
        endRemoveRows();
    }
}

void TelegramHistoryModel::append(const TelegramRecord &record)
{
    if (count() >= m_capacity) {
        beginRemoveRows({}, 0, 0);
        m_records.pop_front();
        endRemoveRows();
    }
    beginInsertRows({}, count(), count());
    m_records.push_back(record);
    endInsertRows();
}

void TelegramHistoryModel::clear()
{
    beginResetModel();
    m_records.clear();
    endResetModel();
}

void TelegramHistoryModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_records.empty())
        Q_EMIT dataChanged(index(0, 0), index(count() - 1, ColumnCount - 1));
}

QString TelegramHistoryModel::crcText(const TelegramRecord &record)
{
    if (record.rejection == Rejection::CrcMismatch)
        return tr("bad");
    if (isFrameRejection(record.rejection))
        return tr("not checked");
    switch (record.crc) {
    case CrcStatus::Ok:
        return tr("OK");
    case CrcStatus::None:
        return tr("none (DSMR 2.2/3.0)");
    case CrcStatus::Bad:
        return tr("bad");
    }
    return QString();
}

int TelegramHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

int TelegramHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TelegramHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= count())
        return {};
    const TelegramRecord &r = record(index.row());
    if (role == AcceptedRole)
        return r.accepted();
    if (role == Qt::ForegroundRole && !r.accepted())
        return QBrush(QColor(0xb0, 0x1c, 0x1c));
    if (role == Qt::TextAlignmentRole
        && (index.column() == NumberColumn || index.column() == SizeColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case NumberColumn:
        return QString::number(r.number);
    case TimeColumn:
        return QLocale().toString(r.received.time(), QStringLiteral("HH:mm:ss.zzz"));
    case CrcColumn:
        return crcText(r);
    case SizeColumn:
        return tr("%1 B").arg(r.text.size());
    case StatusColumn:
        return r.accepted() ? tr("accepted") : MonitorSession::describeRejection(r);
    default:
        break;
    }
    return {};
}

QVariant TelegramHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NumberColumn:
        return tr("#");
    case TimeColumn:
        return tr("Received");
    case CrcColumn:
        return tr("CRC");
    case SizeColumn:
        return tr("Size");
    case StatusColumn:
        return tr("Status");
    default:
        break;
    }
    return {};
}

} // namespace p1
