#pragma once

#include "GalleryDelegate.h"

namespace loupe {

/// Paints one grid cell: the thumbnail (or a placeholder while it loads), a class badge in the
/// class colour, a split tag, and the file name; broken files in red with their reason.
class ThumbnailDelegate : public GalleryDelegate
{
    Q_OBJECT
public:
    explicit ThumbnailDelegate(QObject *parent = nullptr);

    /// Width / height of the thumbnail box: the dataset's typical aspect, so that cells hold no
    /// empty bands (clamped to 1:2 .. 2:1). Other images are fitted inside.
    void setAspect(double aspect);
    QSize boxSize() const;
    QSize cellSize(const QFont &font) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    double m_aspect = 1.0;
};

} // namespace loupe
