#include "powerchart.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace p1 {

namespace {

// A scale that reads well: 500 W, 1 kW, 2 kW, 5 kW, 10 kW...
double niceScale(double value)
{
    const double minimum = 500;
    if (value <= minimum)
        return minimum;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {1.0, 2.0, 5.0, 10.0})
        if (value <= step * magnitude)
            return step * magnitude;
    return 10 * magnitude;
}

QString wattsText(double w)
{
    if (std::abs(w) >= 1000)
        return PowerChart::tr("%1 kW").arg(w / 1000, 0, 'f', std::abs(w) >= 10000 ? 0 : 1);
    return PowerChart::tr("%1 W").arg(w, 0, 'f', 0);
}

} // namespace

PowerChart::PowerChart(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void PowerChart::addSample(double watts)
{
    m_samples.push_back(watts);
    while (int(m_samples.size()) > m_capacity)
        m_samples.pop_front();
    update();
}

void PowerChart::clear()
{
    m_samples.clear();
    update();
}

void PowerChart::setCapacity(int samples)
{
    m_capacity = std::max(2, samples);
    while (int(m_samples.size()) > m_capacity)
        m_samples.pop_front();
    update();
}

QSize PowerChart::sizeHint() const
{
    return {320, 120};
}

QSize PowerChart::minimumSizeHint() const
{
    return {160, 70};
}

void PowerChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    p.setRenderHint(QPainter::Antialiasing);

    const QRectF area = QRectF(rect()).adjusted(4, 4, -4, -4);
    double peak = 0;
    for (const double s : m_samples)
        peak = std::max(peak, std::abs(s));
    const double scale = niceScale(peak);
    const double zeroY = area.center().y();
    const auto y = [&](double w) { return zeroY - w / scale * (area.height() / 2); };

    // Axis and scale labels.
    p.setPen(QPen(palette().color(QPalette::Mid), 1, Qt::DashLine));
    p.drawLine(QPointF(area.left(), zeroY), QPointF(area.right(), zeroY));
    QFont small = font();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.8));
    p.setFont(small);
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(area, Qt::AlignTop | Qt::AlignLeft, tr("import %1").arg(wattsText(scale)));
    p.drawText(area, Qt::AlignBottom | Qt::AlignLeft, tr("export %1").arg(wattsText(scale)));

    if (m_samples.empty()) {
        p.drawText(area, Qt::AlignCenter, tr("no power data yet"));
        return;
    }

    // A few samples spread over the width; from a minute on, the newest at the right and
    // older ones moving left until the capacity is reached.
    const int span = std::clamp(int(m_samples.size()), 60, m_capacity);
    const double step = area.width() / double(span - 1);
    const double x0 = area.right() - step * double(m_samples.size() - 1);
    QPainterPath line;
    for (std::size_t i = 0; i < m_samples.size(); ++i) {
        const QPointF point(x0 + step * double(i), y(m_samples[i]));
        if (i == 0)
            line.moveTo(point);
        else
            line.lineTo(point);
    }
    // Fill between the line and zero: red above (import), green below (export).
    QPainterPath fill = line;
    fill.lineTo(QPointF(area.right(), zeroY));
    fill.lineTo(QPointF(x0, zeroY));
    fill.closeSubpath();
    p.save();
    p.setClipRect(QRectF(area.left(), area.top(), area.width(), zeroY - area.top()));
    p.fillPath(fill, QColor(214, 69, 65, 70));
    p.restore();
    p.save();
    p.setClipRect(QRectF(area.left(), zeroY, area.width(), area.bottom() - zeroY));
    p.fillPath(fill, QColor(46, 160, 67, 70));
    p.restore();
    p.setPen(QPen(palette().color(QPalette::Text), 1.5));
    p.drawPath(line);

    const double last = m_samples.back();
    p.setFont(font());
    p.setPen(last >= 0 ? QColor(176, 28, 28) : QColor(27, 122, 27));
    p.drawText(area, Qt::AlignTop | Qt::AlignRight, wattsText(last));
}

} // namespace p1
