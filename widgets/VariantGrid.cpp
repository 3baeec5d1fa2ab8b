#include "VariantGrid.h"

#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace loupe {

namespace {
constexpr int kGap = 8;
}

VariantGrid::VariantGrid(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("variantGrid"));
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void VariantGrid::setTiles(const QList<VariantTile> &tiles)
{
    m_tiles = tiles;
    m_pixmaps.clear();
    for (const VariantTile &t : m_tiles)
        m_pixmaps.append(QPixmap::fromImage(t.image));
    relayout();
    update();
}

void VariantGrid::setCellSize(int px)
{
    m_cell = std::max(48, px);
    relayout();
    update();
}

void VariantGrid::setPlaceholder(const QString &text)
{
    m_placeholder = text;
    update();
}

void VariantGrid::relayout()
{
    m_captionHeight = fontMetrics().height() + 4;
    m_cells.clear();
    const int step = m_cell + kGap;
    const int columns = std::max(1, (width() - kGap) / step);
    int row = -1, column = columns;
    for (const VariantTile &t : m_tiles) {
        if (t.rowStart || column >= columns) {
            ++row;
            column = 0;
        }
        m_cells.append(QRect(kGap + column * step, kGap + row * (m_cell + m_captionHeight + kGap), m_cell,
                             m_cell + m_captionHeight));
        ++column;
    }
    const int height = m_cells.isEmpty() ? 0 : m_cells.last().bottom() + kGap;
    setMinimumHeight(height);
}

void VariantGrid::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

int VariantGrid::tileAt(const QPoint &pos) const
{
    for (int i = 0; i < m_cells.size(); ++i)
        if (m_cells[i].contains(pos))
            return i;
    return -1;
}

bool VariantGrid::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int i = tileAt(help->pos());
        if (i >= 0 && !m_tiles[i].details.isEmpty())
            QToolTip::showText(help->globalPos(), m_tiles[i].details, this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void VariantGrid::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    if (m_tiles.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(20, 20, -20, -20), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        return;
    }
    for (int i = 0; i < m_tiles.size() && i < m_cells.size(); ++i) {
        const QRect cell = m_cells[i];
        const QRect picture(cell.topLeft(), QSize(m_cell, m_cell));
        p.fillRect(picture, palette().color(QPalette::AlternateBase));
        const QPixmap &pm = m_pixmaps[i];
        if (!pm.isNull()) {
            QSize s = pm.size();
            s.scale(picture.size(), Qt::KeepAspectRatio);
            const QRect target(picture.x() + (picture.width() - s.width()) / 2,
                               picture.y() + (picture.height() - s.height()) / 2, s.width(), s.height());
            p.drawPixmap(target, pm);
        }
        // The "before" picture gets a frame so a row reads as before → after.
        p.setPen(m_tiles[i].original ? QPen(palette().color(QPalette::Highlight), 2) : QPen(palette().color(QPalette::Mid)));
        p.drawRect(picture.adjusted(0, 0, -1, -1));
        p.setPen(palette().color(QPalette::Text));
        const QRect captionRect(cell.x(), picture.bottom() + 2, cell.width(), m_captionHeight - 2);
        p.drawText(captionRect, Qt::AlignLeft | Qt::AlignVCenter,
                   fontMetrics().elidedText(m_tiles[i].caption, Qt::ElideRight, captionRect.width()));
    }
}

} // namespace loupe
