#pragma once

#include <QStyledItemDelegate>

namespace loupe {

/// Paints one grid cell: the thumbnail (or a placeholder while it loads), a class badge in the
/// class colour, a split tag, and the file name; broken files in red with their reason.
class ThumbnailDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ThumbnailDelegate(QObject *parent = nullptr);

    void setThumbnailSize(int px);
    int thumbnailSize() const { return m_size; }
    /// Width / height of the thumbnail box: the dataset's typical aspect, so that cells hold no
    /// empty bands (clamped to 1:2 .. 2:1). Other images are fitted inside.
    void setAspect(double aspect);
    QSize boxSize() const;
    /// Size of a cell, the same for every item (the view relies on uniform sizes).
    QSize cellSize(const QFont &font) const;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_size = 128;
    double m_aspect = 1.0;
};

} // namespace loupe
