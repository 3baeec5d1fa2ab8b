#pragma once

class QCustomPlot;
class QFont;

namespace loupe {

/// Puts a plot's legend in a row under the axes, `columns` entries wide, in a slightly smaller
/// font than `font` and without a frame. Inside the axes it hid the first epochs' points, which
/// are the highest.
void placeLegendBelowAxes(QCustomPlot *plot, const QFont &font, int columns);

} // namespace loupe
