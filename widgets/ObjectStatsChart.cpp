#include "ObjectStatsChart.h"

#include <QVBoxLayout>

#include <algorithm>

#include <qcustomplot.h>

namespace loupe {

ObjectStatsChart::ObjectStatsChart(QWidget *parent)
    : QWidget(parent)
    , m_sizes(new QCustomPlot(this))
    , m_where(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_sizes, 1);
    layout->addWidget(m_where, 1);
    m_sizes->setObjectName(QStringLiteral("objectSizes"));
    m_where->setObjectName(QStringLiteral("objectPlaces"));
    m_sizes->setMinimumHeight(150);
    m_where->setMinimumHeight(150);

    m_bars = new QCPBars(m_sizes->xAxis, m_sizes->yAxis);
    m_bars->setBrush(QColor(70, 130, 180));
    m_bars->setPen(Qt::NoPen);
    m_bars->setWidth(0.8);
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int b = 0; b < DatasetStats::kSizeBins; ++b) {
        const QString label = b + 1 < DatasetStats::kSizeBins
            ? QStringLiteral("<%1").arg(DatasetStats::sizeBinUpperBound(b))
            : QStringLiteral("≥%1").arg(DatasetStats::sizeBinUpperBound(b - 1));
        ticker->addTick(b, label);
        m_sizeLabels << label;
    }
    m_sizes->xAxis->setTicker(ticker);
    m_sizes->xAxis->setLabel(tr("shorter side of the object (px)"));
    m_sizes->yAxis->setLabel(tr("objects"));
    m_sizes->xAxis->setRange(-0.6, DatasetStats::kSizeBins - 0.4);
    fitSizeLabels();

    m_map = new QCPColorMap(m_where->xAxis, m_where->yAxis);
    m_map->data()->setSize(DatasetStats::kHeatmapCells, DatasetStats::kHeatmapCells);
    // Cell centres, so that the cells together span exactly 0..1 of the image.
    const double half = 0.5 / DatasetStats::kHeatmapCells;
    m_map->data()->setRange(QCPRange(half, 1 - half), QCPRange(half, 1 - half));
    m_map->setGradient(QCPColorGradient::gpThermal);
    m_map->setInterpolate(false);
    m_where->yAxis->setRangeReversed(true); // image coordinates: top row first
    m_where->xAxis->setRange(0, 1);
    m_where->yAxis->setRange(0, 1);
    m_where->xAxis->setLabel(tr("where object centres sit (share of width, height)"));
}

void ObjectStatsChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitSizeLabels();
}

void ObjectStatsChart::fitSizeLabels()
{
    // Eight labels ("<4" … "≥256") side by side need ~300 px; in a narrow dock they would run into
    // each other, so they stand upright there instead.
    const QFontMetrics fm(m_sizes->xAxis->tickLabelFont());
    int widest = 0;
    for (const QString &label : std::as_const(m_sizeLabels))
        widest = std::max(widest, fm.horizontalAdvance(label));
    // The axis rect is laid out at the next replot; the y axis's labels and margin take ~50 px.
    constexpr int kYAxisRoom = 50;
    const double perBin = std::max(1, width() - kYAxisRoom) / double(DatasetStats::kSizeBins);
    const double rotation = widest + fm.averageCharWidth() <= perBin ? 0 : -90;
    if (m_sizes->xAxis->tickLabelRotation() != rotation) {
        m_sizes->xAxis->setTickLabelRotation(rotation);
        m_sizes->replot(QCustomPlot::rpQueuedReplot);
    }
}

void ObjectStatsChart::clear()
{
    m_bars->data()->clear();
    m_map->data()->fill(0);
    m_sizes->replot(QCustomPlot::rpQueuedReplot);
    m_where->replot(QCustomPlot::rpQueuedReplot);
}

void ObjectStatsChart::setStats(const DatasetStats &stats)
{
    QVector<double> keys, values;
    double most = 1;
    for (int b = 0; b < DatasetStats::kSizeBins; ++b) {
        keys.append(b);
        values.append(stats.objectSizeHistogram[b]);
        most = std::max(most, double(stats.objectSizeHistogram[b]));
    }
    m_bars->setData(keys, values, true);
    m_sizes->yAxis->setRange(0, most * 1.1);
    for (int r = 0; r < DatasetStats::kHeatmapCells; ++r)
        for (int c = 0; c < DatasetStats::kHeatmapCells; ++c)
            m_map->data()->setCell(c, r, stats.heatmap[r][c]);
    m_map->rescaleDataRange(true);
    m_sizes->replot(QCustomPlot::rpQueuedReplot);
    m_where->replot(QCustomPlot::rpQueuedReplot);
}

QVector<double> ObjectStatsChart::histogram() const
{
    QVector<double> out;
    for (int i = 0; i < m_bars->data()->size(); ++i)
        out.append(m_bars->data()->at(i)->value);
    return out;
}

double ObjectStatsChart::heatAt(int row, int column) const
{
    return m_map->data()->cell(column, row);
}

} // namespace loupe
