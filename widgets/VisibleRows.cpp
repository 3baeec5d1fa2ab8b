#include "VisibleRows.h"

#include <QAbstractItemModel>
#include <QListView>

namespace loupe {

QList<int> visibleRows(const QListView *view)
{
    QList<int> rows;
    const QAbstractItemModel *model = view->model();
    const int n = model ? model->rowCount() : 0;
    const QRect viewport = view->viewport()->rect();
    if (n == 0 || viewport.isEmpty() || !view->isVisible())
        return rows;
    int lo = 0, hi = n;
    while (lo < hi) {
        const int mid = lo + (hi - lo) / 2;
        if (view->visualRect(model->index(mid, 0)).bottom() < viewport.top())
            lo = mid + 1;
        else
            hi = mid;
    }
    for (int row = lo; row < n; ++row) {
        const QRect r = view->visualRect(model->index(row, 0));
        if (r.top() > viewport.bottom())
            break;
        if (r.intersects(viewport))
            rows.append(row);
    }
    return rows;
}

QList<int> visibleRowsAndNext(const QListView *view)
{
    QList<int> rows = visibleRows(view);
    if (!rows.isEmpty()) {
        const int extra = int(rows.size());
        const int n = view->model()->rowCount();
        for (int r = rows.back() + 1; r < n && r <= rows.back() + extra; ++r)
            rows.append(r);
    }
    return rows;
}

} // namespace loupe
