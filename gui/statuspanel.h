#pragma once

#include "monitorsession.h"

#include <QWidget>

class QFormLayout;
class QLabel;

namespace p1 {

class PowerChart;

/// Status and statistics of a session at a glance: connection, baud rate, P1 version, meter,
/// telegram counts (good / bad / without CRC), the last interval and the average (so 10 s vs
/// 1 s meters are told apart), bytes received, and the live power chart.
class StatusPanel : public QWidget
{
    Q_OBJECT

public:
    explicit StatusPanel(QWidget *parent = nullptr);

    void setStatistics(const MonitorSession::Statistics &statistics);
    void addPowerSample(double watts);
    void clearChart();
    [[nodiscard]] PowerChart *chart() const noexcept { return m_chart; }

    /// The value shown in a row, for tests: "connection", "baud", "version", "meter",
    /// "equipment", "telegrams", "interval", "bytes".
    [[nodiscard]] QString valueText(const QString &key) const;

    /// "Open", "Connecting", "Closed": translated.
    [[nodiscard]] static QString stateText(Source::State state);
    /// "1.0 s" / "10.0 s" / "—".
    [[nodiscard]] static QString intervalText(double ms);
    /// "50" -> "5.0", "42" -> "4.2", "50217" -> "Belgium 5.0.2.17"? kept as sent when unknown.
    [[nodiscard]] static QString versionText(const QString &version);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refresh();

    QFormLayout *m_form = nullptr;
    QLabel *m_connection = nullptr;
    QLabel *m_baud = nullptr;
    QLabel *m_version = nullptr;
    QLabel *m_meter = nullptr;
    QLabel *m_equipment = nullptr;
    QLabel *m_telegrams = nullptr;
    QLabel *m_interval = nullptr;
    QLabel *m_bytes = nullptr;
    QLabel *m_chartTitle = nullptr;
    PowerChart *m_chart = nullptr;
    MonitorSession::Statistics m_stats;
};

} // namespace p1
