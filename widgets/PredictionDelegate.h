#pragma once

#include <QStyledItemDelegate>

namespace loupe {

/// Paints one gallery tile of the prediction gallery: the thumbnail, a green tick or red cross,
/// the true class and the predicted one with its confidence, and a pending relabel.
class PredictionDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit PredictionDelegate(QObject *parent = nullptr);

    void setThumbnailSize(int px) { m_size = px; }
    int thumbnailSize() const { return m_size; }
    /// The same for every tile (the view relies on uniform sizes).
    QSize cellSize(const QFont &font) const;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QColor rightColor() { return QColor(46, 160, 67); }
    static QColor wrongColor() { return QColor(214, 48, 49); }

private:
    int m_size = 112;
};

} // namespace loupe
