#include "PlotLegend.h"

#include <qcustomplot.h>

#include <algorithm>

namespace loupe {

void placeLegendBelowAxes(QCustomPlot *plot, const QFont &font, int columns)
{
    plot->legend->setVisible(true);
    plot->legend->setFont(QFont(font.family(), std::max(7, font.pointSize() - 1)));
    plot->legend->setBorderPen(Qt::NoPen);
    plot->axisRect()->insetLayout()->take(plot->legend);
    plot->plotLayout()->addElement(1, 0, plot->legend);
    plot->plotLayout()->setRowStretchFactor(1, 0.001);
    plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot->legend->setWrap(columns);
}

void showLegendBelowAxes(QCustomPlot *plot, bool shown)
{
    const bool placed = plot->legend->layout() == plot->plotLayout();
    if (shown && !placed) {
        plot->plotLayout()->addElement(1, 0, plot->legend);
        plot->plotLayout()->setRowStretchFactor(1, 0.001);
    } else if (!shown && placed) {
        plot->plotLayout()->take(plot->legend);
        plot->plotLayout()->simplify();
    }
    plot->legend->setVisible(shown);
}

} // namespace loupe
