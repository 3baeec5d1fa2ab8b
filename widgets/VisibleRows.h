#pragma once

#include <QList>

class QListView;

namespace loupe {

/// Rows of an icon-mode list view's model that are on screen now, in order (empty when the view
/// is hidden). Rows run left to right, top to bottom, so the first is found by bisection: cheap
/// for any number of rows.
QList<int> visibleRows(const QListView *view);

/// visibleRows plus as many rows again below them, where scrolling usually goes next: what a
/// thumbnail loader should be asked for.
QList<int> visibleRowsAndNext(const QListView *view);

} // namespace loupe
