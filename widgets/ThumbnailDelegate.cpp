#include "ThumbnailDelegate.h"

#include "ClassColors.h"
#include "ThumbnailModel.h"

#include <QApplication>
#include <QPainter>
#include <QPixmap>

#include <cmath>

namespace loupe {

ThumbnailDelegate::ThumbnailDelegate(QObject *parent)
    : GalleryDelegate(128, parent)
{
}

void ThumbnailDelegate::setAspect(double aspect)
{
    m_aspect = std::isfinite(aspect) && aspect > 0 ? std::clamp(aspect, 0.5, 2.0) : 1.0;
}

QSize ThumbnailDelegate::boxSize() const
{
    return m_aspect >= 1.0 ? QSize(m_size, int(std::lround(m_size / m_aspect)))
                           : QSize(int(std::lround(m_size * m_aspect)), m_size);
}

QSize ThumbnailDelegate::cellSize(const QFont &font) const
{
    const QFontMetrics fm(font);
    const QSize box = boxSize();
    return QSize(box.width() + 2 * kPad, box.height() + 3 * kPad + fm.height());
}

void ThumbnailDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    const QRect cell = option.rect;
    const QPalette &pal = option.palette;
    const bool selected = paintBackground(painter, option);

    const QSize boxSize = this->boxSize();
    const QRect thumb(cell.left() + (cell.width() - boxSize.width()) / 2, cell.top() + kPad, boxSize.width(),
                      boxSize.height());
    const bool broken = index.data(ThumbnailModel::BrokenRole).toBool();
    const QPixmap pixmap = qvariant_cast<QPixmap>(index.data(Qt::DecorationRole));
    const QFont small = smallFont(option.font);
    const QFontMetrics sfm(small);

    if (broken) {
        const QRect box = thumb.adjusted(4, 4, -4, -4);
        painter->fillRect(box, QColor(250, 228, 228));
        painter->setPen(QPen(QColor(200, 50, 50), 2));
        painter->drawRect(box);
        painter->setFont(small);
        painter->drawText(box.adjusted(6, 6, -6, -6), Qt::AlignCenter | Qt::TextWordWrap,
                          tr("Broken") + QLatin1Char('\n') + index.data(ThumbnailModel::ReasonRole).toString());
    } else if (!pixmap.isNull()) {
        drawThumbnail(painter, thumb, pixmap);
    } else {
        // Placeholder: a frame in the image's aspect when the header scan knows it.
        QSize s = index.data(ThumbnailModel::SizeRole).toSize();
        if (s.isEmpty())
            s = QSize(4, 3);
        s.scale(thumb.size() - QSize(8, 8), Qt::KeepAspectRatio);
        const QRect box(thumb.left() + (thumb.width() - s.width()) / 2, thumb.top() + (thumb.height() - s.height()) / 2,
                        s.width(), s.height());
        painter->fillRect(box, pal.color(QPalette::Button));
        painter->setPen(pal.color(QPalette::Mid));
        painter->drawRect(box.adjusted(0, 0, -1, -1));
    }

    // Class badge, top left, in the class colour (the viewer's overlays use the same colours).
    const QString className = index.data(ThumbnailModel::ClassNameRole).toString();
    if (!className.isEmpty()) {
        int classId = index.data(ThumbnailModel::ClassIdRole).toInt();
        if (classId < 0 && index.data(ThumbnailModel::HasObjectsRole).toBool()) {
            const auto *model = qobject_cast<const ThumbnailModel *>(index.model());
            const Sample *s = model ? model->sampleAt(index.row()) : nullptr;
            if (s && !s->objects.empty())
                classId = s->objects.front().classId;
        }
        painter->setFont(small);
        const QString text = sfm.elidedText(className, Qt::ElideRight, thumb.width() - 8);
        const QRect badge(thumb.left() + 2, thumb.top() + 2, sfm.horizontalAdvance(text) + 8, sfm.height() + 2);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(classColor(classId));
        painter->drawRoundedRect(badge, 3, 3);
        painter->setPen(Qt::white);
        painter->drawText(badge, Qt::AlignCenter, text);
    }
    const QString split = index.data(ThumbnailModel::SplitRole).toString();
    if (!split.isEmpty()) {
        painter->setFont(small);
        const QRect tag(thumb.right() - sfm.horizontalAdvance(split) - 9, thumb.top() + 2,
                        sfm.horizontalAdvance(split) + 8, sfm.height() + 2);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0, 0, 0, 150));
        painter->drawRoundedRect(tag, 3, 3);
        painter->setPen(Qt::white);
        painter->drawText(tag, Qt::AlignCenter, split);
    }

    painter->setFont(option.font);
    painter->setPen(pal.color(selected ? QPalette::HighlightedText : QPalette::Text));
    const QRect textRect(cell.left() + kPad, thumb.bottom() + kPad, cell.width() - 2 * kPad,
                         cell.bottom() - thumb.bottom() - kPad);
    painter->drawText(textRect, Qt::AlignHCenter | Qt::AlignTop,
                      option.fontMetrics.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideMiddle,
                                                    textRect.width()));
    painter->restore();
}

} // namespace loupe
