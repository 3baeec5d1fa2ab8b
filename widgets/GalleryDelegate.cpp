#include "GalleryDelegate.h"

#include <QPainter>
#include <QPixmap>

#include <algorithm>

namespace loupe {

GalleryDelegate::GalleryDelegate(int thumbnailSize, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_size(thumbnailSize)
{
}

QSize GalleryDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return cellSize(option.font);
}

bool GalleryDelegate::paintBackground(QPainter *painter, const QStyleOptionViewItem &option)
{
    const QRect cell = option.rect.adjusted(1, 1, -1, -1);
    const bool selected = option.state & QStyle::State_Selected;
    if (selected)
        painter->fillRect(cell, option.palette.color(QPalette::Highlight));
    else if (option.state & QStyle::State_MouseOver)
        painter->fillRect(cell, option.palette.color(QPalette::Midlight));
    return selected;
}

void GalleryDelegate::drawThumbnail(QPainter *painter, const QRect &box, const QPixmap &pixmap)
{
    QSize s = pixmap.size();
    if (s.width() > box.width() || s.height() > box.height() || (s.width() < box.width() && s.height() < box.height()))
        s.scale(box.size(), Qt::KeepAspectRatio);
    const QRect target(box.left() + (box.width() - s.width()) / 2, box.top() + (box.height() - s.height()) / 2,
                       s.width(), s.height());
    painter->setRenderHint(QPainter::SmoothPixmapTransform, s != pixmap.size());
    painter->drawPixmap(target, pixmap);
}

QFont GalleryDelegate::smallFont(const QFont &font)
{
    QFont small = font;
    small.setPointSizeF(std::max(6.0, font.pointSizeF() * 0.85));
    return small;
}

} // namespace loupe
