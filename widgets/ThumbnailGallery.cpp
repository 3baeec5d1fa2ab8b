#include "ThumbnailGallery.h"

#include "ResizeWatcher.h"
#include "ThumbnailLoader.h"
#include "VisibleRows.h"

#include <QAbstractProxyModel>
#include <QScrollBar>

#include <algorithm>

namespace loupe {

namespace {
constexpr int kRequestDebounceMs = 40; // while scrolling or resizing, decode only where the view stops
constexpr int kScrollStep = 24;
} // namespace

ThumbnailGallery::ThumbnailGallery(ViewMode mode, QWidget *parent)
    : QListView(parent)
{
    setViewMode(mode); // first: it resets the movement and drag settings below
    setFlow(QListView::LeftToRight);
    setWrapping(true);
    setResizeMode(QListView::Adjust);
    setMovement(QListView::Static);
    setUniformItemSizes(true);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setAcceptDrops(false);
    setDragEnabled(false);
    verticalScrollBar()->setSingleStep(kScrollStep);
    viewport()->installEventFilter(new ResizeWatcher(this, [this] { scheduleRequest(); }));

    m_requestTimer.setSingleShot(true);
    m_requestTimer.setInterval(kRequestDebounceMs);
    connect(&m_requestTimer, &QTimer::timeout, this, &ThumbnailGallery::requestVisible);
    QScrollBar *vs = verticalScrollBar();
    connect(vs, &QScrollBar::valueChanged, this, &ThumbnailGallery::scheduleRequest);
    connect(vs, &QScrollBar::rangeChanged, this, &ThumbnailGallery::scheduleRequest);
}

void ThumbnailGallery::setModel(QAbstractItemModel *model)
{
    if (model == this->model())
        return;
    for (const QMetaObject::Connection &c : std::as_const(m_modelConnections))
        disconnect(c);
    m_modelConnections.clear();
    QListView::setModel(model);
    if (!model)
        return;
    // Filtering and sorting bring other rows on screen.
    const auto schedule = &ThumbnailGallery::scheduleRequest;
    m_modelConnections = {connect(model, &QAbstractItemModel::modelReset, this, schedule),
                          connect(model, &QAbstractItemModel::layoutChanged, this, schedule),
                          connect(model, &QAbstractItemModel::rowsInserted, this, schedule),
                          connect(model, &QAbstractItemModel::rowsRemoved, this, schedule)};
}

void ThumbnailGallery::scheduleRequest()
{
    m_requestTimer.start();
}

QList<int> ThumbnailGallery::visibleRows() const
{
    return loupe::visibleRows(this);
}

void ThumbnailGallery::requestVisible()
{
    if (!m_inspection || !m_loader || !m_sampleOfRow)
        return;
    const QList<int> rows = visibleRowsAndNext(this);
    const Dataset &ds = m_inspection->dataset;
    QVector<ThumbnailRequest> requests;
    requests.reserve(rows.size());
    for (int row : rows) {
        const Sample *s = m_sampleOfRow(row);
        if (!s)
            continue;
        requests.append({s->path, s->width, s->height, s->idxIndex >= 0 ? ds.idx : nullptr, s->idxIndex});
    }
    m_loader->request(requests);
    Q_EMIT thumbnailsRequested(int(requests.size()));
}

void ThumbnailGallery::step(int delta)
{
    const int n = model() ? model()->rowCount() : 0;
    if (n == 0)
        return;
    const QModelIndex current = currentIndex();
    const int row = current.isValid() ? std::clamp(current.row() + delta, 0, n - 1) : 0;
    setCurrentIndex(model()->index(row, 0));
    scrollTo(model()->index(row, 0));
}

QModelIndex ThumbnailGallery::indexOfSourceRow(int sourceRow, const std::function<void()> &showAll)
{
    const auto *proxy = qobject_cast<const QAbstractProxyModel *>(model());
    if (!proxy || !proxy->sourceModel() || sourceRow < 0)
        return {};
    const QModelIndex source = proxy->sourceModel()->index(sourceRow, 0);
    QModelIndex index = proxy->mapFromSource(source);
    if (!index.isValid() && showAll) {
        showAll();
        index = proxy->mapFromSource(source);
    }
    return index;
}

void ThumbnailGallery::showIndex(const QModelIndex &index)
{
    setCurrentIndex(index);
    scrollTo(index, QAbstractItemView::PositionAtCenter);
}

} // namespace loupe
