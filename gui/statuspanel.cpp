#include "statuspanel.h"

#include "powerchart.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace p1 {

namespace {

QLabel *valueLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

} // namespace

StatusPanel::StatusPanel(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_connection = valueLabel(this);
    m_baud = valueLabel(this);
    m_version = valueLabel(this);
    m_meter = valueLabel(this);
    m_equipment = valueLabel(this);
    m_telegrams = valueLabel(this);
    m_interval = valueLabel(this);
    m_bytes = valueLabel(this);
    for (QLabel *value :
        {m_connection, m_baud, m_version, m_meter, m_equipment, m_telegrams, m_interval, m_bytes})
        m_form->addRow(new QLabel(this), value);
    layout->addLayout(m_form);
    m_chartTitle = new QLabel(this);
    layout->addWidget(m_chartTitle);
    m_chart = new PowerChart(this);
    layout->addWidget(m_chart, 1);
    retranslate();
}

void StatusPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void StatusPanel::retranslate()
{
    const QStringList titles = {tr("Connection:"), tr("Baud rate:"), tr("P1 version:"),
        tr("Meter:"), tr("Equipment id:"), tr("Telegrams:"), tr("Interval:"), tr("Received:")};
    for (int row = 0; row < titles.size(); ++row)
        if (auto *label =
                qobject_cast<QLabel *>(m_form->itemAt(row, QFormLayout::LabelRole)->widget()))
            label->setText(titles[row]);
    m_chartTitle->setText(tr("Net power (import above the line, export below):"));
    refresh();
}

void StatusPanel::setStatistics(const MonitorSession::Statistics &statistics)
{
    m_stats = statistics;
    refresh();
}

void StatusPanel::addPowerSample(double watts)
{
    m_chart->addSample(watts);
}

void StatusPanel::clearChart()
{
    m_chart->clear();
}

QString StatusPanel::stateText(Source::State state)
{
    switch (state) {
    case Source::State::Closed:
        return tr("not connected");
    case Source::State::Connecting:
        return tr("connecting");
    case Source::State::Open:
        return tr("connected");
    }
    return QString();
}

QString StatusPanel::intervalText(double ms)
{
    if (ms < 0)
        return QStringLiteral("—");
    return tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'f', ms < 10000 ? 2 : 1));
}

QString StatusPanel::versionText(const QString &version)
{
    if (version.isEmpty())
        return tr("2.2 or 3.0 (no version line)");
    if (version.size() == 2)
        return QStringLiteral("%1.%2 (%3)").arg(version.at(0), version.at(1), version);
    if (version.size() == 5)
        return tr("e-MUCS %1 (Belgium)").arg(version);
    return version;
}

QString StatusPanel::valueText(const QString &key) const
{
    static const QStringList keys = {QStringLiteral("connection"), QStringLiteral("baud"),
        QStringLiteral("version"), QStringLiteral("meter"), QStringLiteral("equipment"),
        QStringLiteral("telegrams"), QStringLiteral("interval"), QStringLiteral("bytes")};
    const QList<QLabel *> labels = {
        m_connection, m_baud, m_version, m_meter, m_equipment, m_telegrams, m_interval, m_bytes};
    const qsizetype i = keys.indexOf(key);
    return i < 0 ? QString() : labels.at(i)->text();
}

void StatusPanel::refresh()
{
    const QLocale locale;
    const MonitorSession::Statistics &s = m_stats;
    m_connection->setText(
        s.source.isEmpty() ? stateText(s.state) : tr("%1 — %2").arg(stateText(s.state), s.source));
    if (s.baudRate == 0)
        m_baud->setText(QStringLiteral("—"));
    else if (s.baudRateLocked)
        m_baud->setText(tr("%1 (meter found)").arg(s.baudRate));
    else
        m_baud->setText(tr("%1 (trying)").arg(s.baudRate));
    const bool seen = s.good + s.noCrc > 0;
    m_version->setText(seen ? versionText(s.version) : QStringLiteral("—"));
    m_meter->setText(s.ident.isEmpty() ? QStringLiteral("—") : s.ident);
    m_equipment->setText(s.equipmentId.isEmpty() ? QStringLiteral("—") : s.equipmentId);
    m_telegrams->setText(
        tr("%1 good, %2 bad, %3 without CRC")
            .arg(locale.toString(s.good), locale.toString(s.bad), locale.toString(s.noCrc)));
    m_interval->setText(s.intervals == 0
            ? QStringLiteral("—")
            : tr("last %1, average %2")
                  .arg(intervalText(double(s.lastIntervalMs)), intervalText(s.averageIntervalMs)));
    m_bytes->setText(tr("%1 bytes (%2 outside telegrams)")
                         .arg(locale.toString(s.bytes), locale.toString(s.noiseBytes)));
}

} // namespace p1
