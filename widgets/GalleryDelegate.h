#pragma once

#include <QStyledItemDelegate>

namespace loupe {

/// What the thumbnail cells of the Browser and Predictions galleries share: a thumbnail size, one
/// size for every cell, the selection and hover background, the thumbnail fitted into its box and
/// the smaller font of badges. Subclasses paint the rest of a cell.
class GalleryDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit GalleryDelegate(int thumbnailSize, QObject *parent = nullptr);

    void setThumbnailSize(int px) { m_size = px; }
    int thumbnailSize() const { return m_size; }
    /// The same for every cell (the view relies on uniform sizes).
    virtual QSize cellSize(const QFont &font) const = 0;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    static constexpr int kPad = 4;

    /// Fills the cell's background when it is selected or under the mouse; true when selected.
    static bool paintBackground(QPainter *painter, const QStyleOptionViewItem &option);
    /// Draws the pixmap centred in `box`, scaled to fit when it is larger or smaller both ways
    /// (another aspect, or the previous size while the new one loads).
    static void drawThumbnail(QPainter *painter, const QRect &box, const QPixmap &pixmap);
    /// The font of badges and tags: a little smaller than the view's.
    static QFont smallFont(const QFont &font);

    int m_size;
};

} // namespace loupe
