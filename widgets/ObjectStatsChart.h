#pragma once

#include "dataset/DatasetStats.h"

#include <QStringList>
#include <QWidget>

class QCustomPlot;
class QCPBars;
class QCPColorMap;

namespace loupe {

/// Object sizes (histogram of the shorter side) and where objects sit (heatmap of centres).
class ObjectStatsChart : public QWidget
{
    Q_OBJECT
public:
    explicit ObjectStatsChart(QWidget *parent = nullptr);

    void setStats(const DatasetStats &stats);
    void clear();

    /// Values shown now, for tests.
    QVector<double> histogram() const;
    double heatAt(int row, int column) const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitSizeLabels();

    QStringList m_sizeLabels;
    QCustomPlot *m_sizes;
    QCPBars *m_bars;
    QCustomPlot *m_where;
    QCPColorMap *m_map;
};

} // namespace loupe
