#pragma once

#include <QWidget>

#include <deque>

namespace p1 {

/// A small live chart of the net grid power (positive = import), painted with QPainter: the
/// last samples as a line over a zero axis, import red above it, export green below, the scale
/// growing to the largest value in view. No chart library: the monitor needs one line.
class PowerChart : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kDefaultCapacity = 300;

    explicit PowerChart(QWidget *parent = nullptr);

    void addSample(double watts);
    void clear();
    void setCapacity(int samples);
    [[nodiscard]] int sampleCount() const noexcept { return int(m_samples.size()); }
    [[nodiscard]] double lastSample() const noexcept
    {
        return m_samples.empty() ? 0 : m_samples.back();
    }

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::deque<double> m_samples;
    int m_capacity = kDefaultCapacity;
};

} // namespace p1
