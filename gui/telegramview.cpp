#include "telegramview.h"

#include "fieldsmodel.h"
#include "monitorsession.h"
#include "rawtelegramformatter.h"
#include "venusmodel.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

namespace p1 {

TelegramView::TelegramView(QWidget *parent)
    : QTabWidget(parent)
    , m_fields(new FieldsModel(this))
    , m_venus(new VenusModel(this))
{
    auto *rawPage = new QWidget(this);
    auto *rawLayout = new QVBoxLayout(rawPage);
    m_rawHeader = new QLabel(rawPage);
    rawLayout->addWidget(m_rawHeader);
    m_raw = new QTextBrowser(rawPage);
    m_raw->setLineWrapMode(QTextEdit::NoWrap);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    rawLayout->addWidget(m_raw);
    addTab(rawPage, QString());

    m_fieldsView = new QTreeView(this);
    m_fieldsView->setModel(m_fields);
    m_fieldsView->setAlternatingRowColors(true);
    m_fieldsView->setUniformRowHeights(true);
    addTab(m_fieldsView, QString());

    auto *venusPage = new QWidget(this);
    auto *venusLayout = new QVBoxLayout(venusPage);
    m_venusNote = new QLabel(venusPage);
    m_venusNote->setWordWrap(true);
    venusLayout->addWidget(m_venusNote);
    m_venusView = new QTableView(venusPage);
    m_venusView->setModel(m_venus);
    m_venusView->verticalHeader()->hide();
    m_venusView->verticalHeader()->setDefaultSectionSize(m_venusView->fontMetrics().height() + 6);
    m_venusView->horizontalHeader()->setStretchLastSection(true);
    m_venusView->setAlternatingRowColors(true);
    venusLayout->addWidget(m_venusView);
    addTab(venusPage, QString());
}

void TelegramView::retranslate()
{
    setTabText(0, tr("Raw telegram"));
    setTabText(1, tr("Decoded fields"));
    setTabText(2, tr("Venus D-Bus"));
    m_venusNote->setText(
        tr("What dbus-p1 would publish from this telegram: the paths of com.victronenergy.grid "
           "and of the gas and water pulse meters (com.victronenergy.pulsemeter, listed under "
           "the devices in Venus). A heat meter is not published: Venus has no service for it. "
           "A telegram that fails its CRC publishes nothing."));
    m_fields->retranslate();
    m_venus->retranslate();
    if (m_shown)
        showRecord(*m_shown);
    else
        m_rawHeader->setText(tr("No telegram yet: pick a source above and connect."));
}

void TelegramView::clear()
{
    m_shown.reset();
    m_fields->clearRecord();
    m_venus->clear();
    m_raw->clear();
}

void TelegramView::showWaiting()
{
    m_rawHeader->setText(tr("Waiting for the first telegram…"));
}

void TelegramView::showRecord(const TelegramRecord &record)
{
    m_shown = record;
    const QString received = QLocale().toString(record.received.time(), QStringLiteral("HH:mm:ss"));
    if (record.accepted())
        m_rawHeader->setText(tr("Telegram %1, received %2, %3 bytes")
                                 .arg(record.number)
                                 .arg(received)
                                 .arg(record.text.size()));
    else
        m_rawHeader->setText(tr("Telegram %1, received %2, %3 bytes — rejected: %4")
                                 .arg(record.number)
                                 .arg(received)
                                 .arg(record.text.size())
                                 .arg(MonitorSession::describeRejection(record)));
    m_raw->setHtml(RawTelegramFormatter::toHtml(record));
    m_fields->setRecord(record);
    m_fieldsView->expandAll();
    // Group titles ("M-Bus channel 1: gas meter") span the row, so the OBIS column fits codes.
    for (int r = 0; r < m_fields->rowCount(); ++r)
        m_fieldsView->setFirstColumnSpanned(
            r, QModelIndex(), m_fields->hasChildren(m_fields->index(r, 0)));
    for (int c = 0; c < FieldsModel::ColumnCount - 1; ++c)
        m_fieldsView->resizeColumnToContents(c);
    // A power failure log or a text message can be hundreds of characters: cap the value column
    // so the unit stays in view (the full value is in the raw view and in the cell's tooltip).
    const int valueWidth = m_fieldsView->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 26;
    if (m_fieldsView->columnWidth(FieldsModel::ValueColumn) > valueWidth)
        m_fieldsView->setColumnWidth(FieldsModel::ValueColumn, valueWidth);
    m_venus->setRecord(record);
    m_venusView->resizeColumnsToContents();
}

} // namespace p1
