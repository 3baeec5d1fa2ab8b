#include "ThumbnailFilterModel.h"

#include "ThumbnailModel.h"

#include <algorithm>

namespace loupe {

ThumbnailFilterModel::ThumbnailFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // Thumbnail deliveries change DecorationRole only; re-checking filters and order on each would
    // cost a pass over every delivered row for nothing. Setters invalidate explicitly.
    setDynamicSortFilter(false);
}

void ThumbnailFilterModel::setThumbnailModel(ThumbnailModel *model)
{
    m_model = model;
    setSourceModel(model);
    if (m_model)
        connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
            if (m_sortKey != SortKey::DatasetOrder)
                sort(0);
        });
}

void ThumbnailFilterModel::refilter()
{
    invalidateFilter();
}

void ThumbnailFilterModel::setClassFilter(int classId)
{
    if (classId == m_classId)
        return;
    m_classId = classId;
    refilter();
}

void ThumbnailFilterModel::setSplitFilter(int split)
{
    if (split == m_split)
        return;
    m_split = split;
    refilter();
}

void ThumbnailFilterModel::setBrokenOnly(bool brokenOnly)
{
    if (brokenOnly == m_brokenOnly)
        return;
    m_brokenOnly = brokenOnly;
    refilter();
}

void ThumbnailFilterModel::setPathFilter(const QString &text)
{
    const QString t = text.trimmed();
    if (t == m_text)
        return;
    m_text = t;
    refilter();
}

void ThumbnailFilterModel::clearFilters()
{
    m_classId = -1;
    m_split = -1;
    m_brokenOnly = false;
    m_text.clear();
    refilter();
}

void ThumbnailFilterModel::setSortKey(SortKey key)
{
    if (key == m_sortKey)
        return;
    m_sortKey = key;
    if (key == SortKey::DatasetOrder) {
        sort(-1); // restores the source order
        invalidate();
    } else {
        invalidate();
        sort(0);
    }
}

int ThumbnailFilterModel::sourceRow(int proxyRow) const
{
    if (proxyRow < 0 || proxyRow >= rowCount())
        return -1;
    return mapToSource(index(proxyRow, 0)).row();
}

bool ThumbnailFilterModel::filterAcceptsRow(int row, const QModelIndex &) const
{
    if (!m_model)
        return true;
    const bool broken = m_model->isBroken(row);
    if (m_brokenOnly && !broken)
        return false;
    if (m_classId >= 0 && !m_model->rowHasClass(row, m_classId))
        return false;
    if (m_classId == kNoObject) {
        const Sample *s = m_model->sampleAt(row);
        if (!s || s->classId >= 0
            || std::any_of(s->objects.begin(), s->objects.end(), [](const Annotation &a) { return !a.crowd; }))
            return false;
    }
    if (m_split >= 0) {
        const Sample *s = m_model->sampleAt(row);
        if (!s || int(s->split) != m_split)
            return false;
    }
    if (!m_text.isEmpty() && !m_model->pathAt(row).contains(m_text, Qt::CaseInsensitive))
        return false;
    return true;
}

bool ThumbnailFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int l = left.row(), r = right.row();
    if (!m_model)
        return l < r;
    auto byName = [this](int a, int b) {
        const int c = m_model->fileNameAt(a).compare(m_model->fileNameAt(b), Qt::CaseInsensitive);
        if (c != 0)
            return c < 0;
        const int p = m_model->pathAt(a).compare(m_model->pathAt(b));
        return p != 0 ? p < 0 : a < b;
    };
    // Broken files sort after every image, whatever the key.
    const bool lb = m_model->isBroken(l), rb = m_model->isBroken(r);
    if (lb != rb)
        return rb;
    switch (m_sortKey) {
    case SortKey::DatasetOrder:
        return l < r;
    case SortKey::Name:
        return byName(l, r);
    case SortKey::Class: {
        const Sample *a = m_model->sampleAt(l);
        const Sample *b = m_model->sampleAt(r);
        const int ca = a ? (a->classId >= 0 ? a->classId : (a->objects.empty() ? -1 : a->objects.front().classId)) : -1;
        const int cb = b ? (b->classId >= 0 ? b->classId : (b->objects.empty() ? -1 : b->objects.front().classId)) : -1;
        if (ca != cb) {
            const QString na = m_model->classNameAt(l), nb = m_model->classNameAt(r);
            const int c = na.compare(nb, Qt::CaseInsensitive);
            if (c != 0)
                return c < 0;
            return ca < cb;
        }
        return byName(l, r);
    }
    case SortKey::ImageSize: {
        const Sample *a = m_model->sampleAt(l);
        const Sample *b = m_model->sampleAt(r);
        const qint64 pa = a ? qint64(a->width) * a->height : 0;
        const qint64 pb = b ? qint64(b->width) * b->height : 0;
        if (pa != pb)
            return pa < pb;
        return byName(l, r);
    }
    }
    return l < r;
}

} // namespace loupe
