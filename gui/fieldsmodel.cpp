#include "fieldsmodel.h"

#include "obistext.h"
#include "reading.h"
#include "textconv.h"

#include <QFont>

#include <array>
#include <map>

namespace p1 {

namespace {

// Codes whose value is text sent as hex: equipment ids and text messages.
bool isHexTextCode(const Obis &o)
{
    return o.a == 0
        && ((o.c == 96 && o.d == 1 && (o.e == 0 || o.e == 1 || o.e == 2))
            || (o.c == 96 && o.d == 13));
}

constexpr qsizetype kLongValue = 20;

QList<QStandardItem *> makeRow(const QString &obis, const QString &meaning, const QString &value,
    const QString &unit, const QString &tooltip = QString())
{
    QList<QStandardItem *> row;
    for (const QString &text : {obis, meaning, value, unit}) {
        auto *item = new QStandardItem(text);
        item->setEditable(false);
        item->setData(obis, FieldsModel::ObisRole);
        if (!tooltip.isEmpty())
            item->setToolTip(tooltip);
        else if (row.size() == FieldsModel::ValueColumn && text.size() > kLongValue)
            item->setToolTip(text); // the view may cut a long value (event logs, messages)
        row.append(item);
    }
    return row;
}

QStandardItem *makeGroup(const QString &title, int channel)
{
    auto *item = new QStandardItem(title);
    item->setEditable(false);
    item->setData(channel, FieldsModel::ChannelRole);
    QFont bold;
    bold.setBold(true);
    item->setFont(bold);
    return item;
}

} // namespace

FieldsModel::FieldsModel(QObject *parent)
    : QStandardItemModel(parent)
{
    setColumnCount(ColumnCount);
    setHeaders();
}

void FieldsModel::setHeaders()
{
    setHorizontalHeaderLabels({tr("OBIS"), tr("Meaning"), tr("Value"), tr("Unit")});
}

void FieldsModel::setRecord(const TelegramRecord &record)
{
    m_record = record;
    rebuild();
}

void FieldsModel::clearRecord()
{
    m_record.reset();
    rebuild();
}

void FieldsModel::retranslate()
{
    setHeaders();
    rebuild();
}

std::optional<QString> FieldsModel::decodeHexText(QStringView text)
{
    if (text.isEmpty() || text.size() % 2 != 0)
        return std::nullopt;
    QString out;
    out.reserve(text.size() / 2);
    for (qsizetype i = 0; i < text.size(); i += 2) {
        bool ok = false;
        const uint c = text.mid(i, 2).toUInt(&ok, 16);
        if (!ok || c < 0x20 || c > 0x7e)
            return std::nullopt;
        out.append(QChar(char16_t(c)));
    }
    return out;
}

void FieldsModel::rebuild()
{
    removeRows(0, rowCount());
    if (!m_record)
        return;

    Telegram telegram;
    const std::string_view text(m_record->text.constData(), std::size_t(m_record->text.size()));
    if (Parser::parse(text, telegram) == ParseError::NoHeader && telegram.objects.empty())
        return;
    Reading reading;
    reading.fill(telegram);

    QStandardItem *meter = makeGroup(tr("Electricity meter"), 0);
    meter->appendRow(makeRow(QStringLiteral("/"), tr("Meter identification (header)"),
        toQString(telegram.ident), QString()));
    std::map<int, QStandardItem *> channels;

    for (const CosemObject &object : telegram.objects) {
        QStringList values;
        QString unit;
        for (const CosemValue &v : telegram.valuesOf(object)) {
            values.append(QString::fromLatin1(v.plain()));
            if (unit.isEmpty() && !v.unitText.empty())
                unit = toQString(v.unitText);
        }
        QString value = values.join(QStringLiteral(", "));
        QString tooltip;
        if (isHexTextCode(object.obis) && values.size() == 1) {
            if (const auto decoded = decodeHexText(values.constFirst())) {
                tooltip = tr("Sent as hex: %1").arg(value);
                value = *decoded;
            }
        }
        const QString obis = toQString(object.obisText);
        QString meaning = ObisText::name(object.obis);
        if (meaning.isEmpty())
            meaning = tr("(not a code p1-monitor knows)");

        const Obis &o = object.obis;
        const bool mbus = o.a == 0 && o.b >= 1 && o.b <= 4;
        QStandardItem *group = meter;
        if (mbus) {
            auto &slot = channels[o.b];
            if (!slot) {
                const MbusChannel &ch = reading.mbus[std::size_t(o.b - 1)];
                slot = makeGroup(
                    tr("M-Bus channel %1: %2").arg(o.b).arg(ObisText::deviceType(ch.deviceType)),
                    o.b);
            }
            group = slot;
        }
        group->appendRow(makeRow(obis, meaning, value, unit, tooltip));
    }

    appendRow(meter);
    for (auto &[channel, group] : channels)
        appendRow(group);
    if (!telegram.unparsed.empty()) {
        QStandardItem *unparsed = makeGroup(tr("Lines that are not data"), -1);
        for (std::string_view line : telegram.unparsed)
            unparsed->appendRow(makeRow(QString(), tr("not understood (noise or a bit error?)"),
                toQString(line).trimmed(), QString()));
        appendRow(unparsed);
    }
}

QModelIndex FieldsModel::groupIndex(int channel) const
{
    for (int r = 0; r < rowCount(); ++r) {
        const QModelIndex i = index(r, 0);
        if (i.data(ChannelRole).toInt() == channel)
            return i;
    }
    return {};
}

QModelIndex FieldsModel::findField(const QString &obis) const
{
    for (int g = 0; g < rowCount(); ++g) {
        const QModelIndex group = index(g, 0);
        for (int r = 0; r < rowCount(group); ++r) {
            const QModelIndex i = index(r, ObisColumn, group);
            if (i.data(ObisRole).toString() == obis)
                return i;
        }
    }
    return {};
}

int FieldsModel::fieldCount() const
{
    int n = 0;
    for (int g = 0; g < rowCount(); ++g)
        n += rowCount(index(g, 0));
    return n;
}

} // namespace p1
