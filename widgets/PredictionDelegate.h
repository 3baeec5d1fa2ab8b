#pragma once

#include "GalleryDelegate.h"

#include <QFontMetrics>
#include <QStringList>

#include <utility>

namespace loupe {

/// Paints one gallery tile of the prediction gallery: the thumbnail, a green tick or red cross,
/// the true class and the predicted one with its confidence, and a pending relabel.
class PredictionDelegate : public GalleryDelegate
{
    Q_OBJECT
public:
    explicit PredictionDelegate(QObject *parent = nullptr);

    /// The classes of the shown predictions: tiles widen so that their captions fit.
    void setClassNames(const QStringList &names);
    QSize cellSize(const QFont &font) const override;
    /// "truth → predicted" for `width` px: whole if they fit, else elided in the middle.
    static std::pair<QString, QString> captionParts(const QFontMetrics &fm, const QString &truth,
                                                    const QString &predicted, int width);
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QColor rightColor() { return QColor(46, 160, 67); }
    static QColor wrongColor() { return QColor(214, 48, 49); }

private:
    int captionWidth(const QFont &font) const;

    QStringList m_classNames;
};

} // namespace loupe
