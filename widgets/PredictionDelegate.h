#pragma once

#include "GalleryDelegate.h"

namespace loupe {

/// Paints one gallery tile of the prediction gallery: the thumbnail, a green tick or red cross,
/// the true class and the predicted one with its confidence, and a pending relabel.
class PredictionDelegate : public GalleryDelegate
{
    Q_OBJECT
public:
    explicit PredictionDelegate(QObject *parent = nullptr);

    QSize cellSize(const QFont &font) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QColor rightColor() { return QColor(46, 160, 67); }
    static QColor wrongColor() { return QColor(214, 48, 49); }
};

} // namespace loupe
