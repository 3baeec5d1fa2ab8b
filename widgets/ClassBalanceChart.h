#pragma once

#include "dataset/DatasetStats.h"

#include <QWidget>

class QCustomPlot;
class QCPBars;

namespace loupe {

/// Bar chart of images (or objects) per class; under-represented classes stand out in red.
class ClassBalanceChart : public QWidget
{
    Q_OBJECT
public:
    explicit ClassBalanceChart(QWidget *parent = nullptr);

    void setStats(const DatasetStats &stats);
    void clear();

    /// Bars shown now, for tests: (count, highlighted) per class in order.
    QVector<QPair<double, bool>> bars() const;
    QCustomPlot *plot() const { return m_plot; }

Q_SIGNALS:
    /// A bar was clicked; the index is the class's position in DatasetStats::classes.
    void classClicked(int classIndex);

private:
    QCustomPlot *m_plot;
    QCPBars *m_normal;
    QCPBars *m_rare;
    QVector<bool> m_flags;
};

} // namespace loupe
