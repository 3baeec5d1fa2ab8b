#pragma once

#include <QSortFilterProxyModel>

namespace loupe {

class ThumbnailModel;

/// Filters (class, split, broken files, path text) and sorts (name, class, image size) the
/// thumbnail grid. Reads the source through typed accessors, so 100,000 rows sort in well under a second.
class ThumbnailFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class SortKey { DatasetOrder, Name, Class, ImageSize };

    explicit ThumbnailFilterModel(QObject *parent = nullptr);

    void setThumbnailModel(ThumbnailModel *model);
    ThumbnailModel *thumbnailModel() const { return m_model; }

    /// -1 for every class; otherwise images labelled with, or holding an object of, that class.
    /// Images showing a class (image label or object); kNoObject: images of a detection dataset
    /// with neither (crowd regions are not objects); -1: every image.
    void setClassFilter(int classId);
    static constexpr int kNoObject = -2;
    int classFilter() const { return m_classId; }
    /// -1 for every split; otherwise int(SplitName).
    void setSplitFilter(int split);
    int splitFilter() const { return m_split; }
    void setBrokenOnly(bool brokenOnly);
    bool brokenOnly() const { return m_brokenOnly; }
    /// Case-insensitive part of the path; empty for all.
    void setPathFilter(const QString &text);
    QString pathFilter() const { return m_text; }
    void setSortKey(SortKey key);
    SortKey sortKey() const { return m_sortKey; }
    /// Back to every image in dataset order.
    void clearFilters();

    /// Source row of a proxy row, -1 when out of range.
    int sourceRow(int proxyRow) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();

    ThumbnailModel *m_model = nullptr;
    int m_classId = -1;
    int m_split = -1;
    bool m_brokenOnly = false;
    QString m_text;
    SortKey m_sortKey = SortKey::DatasetOrder;
};

} // namespace loupe
