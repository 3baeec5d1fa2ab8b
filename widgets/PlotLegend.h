#pragma once

class QCustomPlot;
class QFont;

namespace loupe {

/// Puts a plot's legend in a row under the axes, `columns` entries wide, in a slightly smaller
/// font than `font` and without a frame. Inside the axes it hid the first epochs' points, which
/// are the highest.
void placeLegendBelowAxes(QCustomPlot *plot, const QFont &font, int columns);

/// Shows or hides that legend row. Hidden, it leaves the layout: an empty legend caps the width
/// of its layout column, and with it the axes', at the width of its margins.
void showLegendBelowAxes(QCustomPlot *plot, bool shown);

} // namespace loupe
