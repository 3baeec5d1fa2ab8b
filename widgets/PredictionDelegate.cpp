#include "PredictionDelegate.h"

#include "ClassColors.h"
#include "PredictionModel.h"

#include <QLocale>
#include <QPainter>
#include <QPixmap>

#include <algorithm>

namespace loupe {

PredictionDelegate::PredictionDelegate(QObject *parent)
    : GalleryDelegate(112, parent)
{
}

void PredictionDelegate::setClassNames(const QStringList &names)
{
    m_classNames = names;
}

int PredictionDelegate::captionWidth(const QFont &font) const
{
    // Room for the two longest names side by side ("T-shirt/top → Ankle boot"), up to twice the
    // thumbnail: longer ones are elided in the middle, and the tile's tooltip has them whole.
    const QFontMetrics sfm(smallFont(font));
    int first = 0, second = 0;
    for (const QString &name : m_classNames) {
        const int w = sfm.horizontalAdvance(name);
        if (w > first) {
            second = first;
            first = w;
        } else if (w > second) {
            second = w;
        }
    }
    const int pair = first + std::max(first, second) + sfm.horizontalAdvance(QStringLiteral(" → ")) + 2;
    return std::clamp(pair, m_size, 2 * m_size);
}

QSize PredictionDelegate::cellSize(const QFont &font) const
{
    const QFontMetrics fm(font);
    // The thumbnail, then two text lines: "truth → predicted" and the confidence.
    return QSize(captionWidth(font) + 2 * kPad, m_size + 3 * kPad + 2 * fm.height());
}

std::pair<QString, QString> PredictionDelegate::captionParts(const QFontMetrics &fm, const QString &truth,
                                                             const QString &predicted, int width)
{
    const int room = width - fm.horizontalAdvance(QStringLiteral(" → "));
    const int t = fm.horizontalAdvance(truth), p = fm.horizontalAdvance(predicted);
    if (t + p <= room)
        return {truth, predicted};
    // The shorter name whole when it takes less than half, the longer one the rest; both elided in
    // the middle otherwise, so that "Ankle boot" and "Ankle bag" stay told apart by their ends.
    const int half = room / 2;
    const int tRoom = t <= half ? t : p <= half ? room - p : half;
    const int pRoom = room - tRoom;
    return {fm.elidedText(truth, Qt::ElideMiddle, tRoom), fm.elidedText(predicted, Qt::ElideMiddle, pRoom)};
}

void PredictionDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    const QRect cell = option.rect;
    const QPalette &pal = option.palette;
    const bool selected = paintBackground(painter, option);

    const bool correct = index.data(PredictionModel::CorrectRole).toBool();
    const QColor mark = correct ? rightColor() : wrongColor();
    const QRect thumb(cell.left() + (cell.width() - m_size) / 2, cell.top() + kPad, m_size, m_size);
    const QPixmap pixmap = qvariant_cast<QPixmap>(index.data(Qt::DecorationRole));
    if (!pixmap.isNull())
        drawThumbnail(painter, thumb, pixmap);
    else
        painter->fillRect(thumb.adjusted(6, 6, -6, -6), pal.color(QPalette::Button));
    // A frame in the verdict's colour: wrong tiles stand out in a mostly right gallery.
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(mark, correct ? 1.5 : 3));
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(QRectF(thumb).adjusted(1, 1, -1, -1));

    const QFont small = smallFont(option.font);
    const QFontMetrics sfm(small);
    painter->setFont(small);

    // Tick or cross, top right.
    const int d = sfm.height() + 4;
    const QRect badge(thumb.right() - d - 1, thumb.top() + 2, d, d);
    painter->setPen(Qt::NoPen);
    painter->setBrush(mark);
    painter->drawEllipse(badge);
    painter->setPen(QPen(Qt::white, 2));
    const QRectF g = QRectF(badge).adjusted(d * 0.28, d * 0.28, -d * 0.28, -d * 0.28);
    if (correct) {
        painter->drawPolyline(QPolygonF({QPointF(g.left(), g.center().y()), QPointF(g.center().x() - 1, g.bottom()),
                                         QPointF(g.right(), g.top())}));
    } else {
        painter->drawLine(g.topLeft(), g.bottomRight());
        painter->drawLine(g.topRight(), g.bottomLeft());
    }

    // A pending relabel, bottom of the thumbnail, in the new class's spirit: it is not saved yet.
    const QString pending = index.data(PredictionModel::PendingLabelRole).toString();
    if (!pending.isEmpty()) {
        const QString text = sfm.elidedText(tr("→ %1 (unsaved)").arg(pending), Qt::ElideRight, thumb.width() - 8);
        const QRect tag(thumb.left() + 2, thumb.bottom() - sfm.height() - 3, sfm.horizontalAdvance(text) + 8,
                        sfm.height() + 2);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(230, 140, 0));
        painter->drawRoundedRect(tag, 3, 3);
        painter->setPen(Qt::white);
        painter->drawText(tag, Qt::AlignCenter, text);
    }

    // Two lines under the thumbnail: "truth → predicted" (classes in their colours), confidence.
    const QString truth = index.data(PredictionModel::TruthNameRole).toString();
    const QString predicted = index.data(PredictionModel::PredictedNameRole).toString();
    const int truthId = index.data(PredictionModel::TruthRole).toInt();
    const int predictedId = index.data(PredictionModel::PredictedRole).toInt();
    const QColor text = pal.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const int width = cell.width() - 2 * kPad;
    QRect line(cell.left() + kPad, thumb.bottom() + kPad, width, sfm.height());
    const QString arrow = QStringLiteral(" → ");
    const auto [t, p] = captionParts(sfm, truth, predicted, width);
    const int total = sfm.horizontalAdvance(t) + sfm.horizontalAdvance(arrow) + sfm.horizontalAdvance(p);
    int x = line.left() + (width - total) / 2;
    auto draw = [&](const QString &s, const QColor &c) {
        painter->setPen(c);
        painter->drawText(QRect(x, line.top(), sfm.horizontalAdvance(s) + 1, line.height()), Qt::AlignLeft, s);
        x += sfm.horizontalAdvance(s);
    };
    draw(t, selected ? text : classColor(truthId).darker(130));
    draw(arrow, text);
    draw(p, selected ? text : (correct ? classColor(predictedId).darker(130) : wrongColor()));
    line.translate(0, sfm.height());
    painter->setPen(text);
    const double confidence = index.data(PredictionModel::ConfidenceRole).toDouble();
    painter->drawText(line, Qt::AlignHCenter | Qt::AlignTop,
                      tr("%1% confident").arg(QLocale().toString(100.0 * confidence, 'f', 0)));
    painter->restore();
}

} // namespace loupe
