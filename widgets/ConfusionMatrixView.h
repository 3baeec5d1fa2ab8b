#pragma once

#include <QImage>
#include <QStringList>
#include <QWidget>

#include <vector>

namespace loupe {

/// A confusion matrix drawn as a heat grid with the count (or row share) in every cell: rows are
/// true classes, columns predicted ones. Clicking a cell reports it; exports itself as a PNG.
class ConfusionMatrixView : public QWidget
{
    Q_OBJECT
public:
    explicit ConfusionMatrixView(QWidget *parent = nullptr);

    /// counts[t][p]: images of true class t predicted as p. Clears the selected cell.
    void setMatrix(const QStringList &classes, const std::vector<std::vector<int>> &counts);
    void clear();
    const std::vector<std::vector<int>> &counts() const { return m_counts; }
    QStringList classes() const { return m_classes; }

    /// Each row divided by its total (recall on the diagonal) instead of counts.
    void setNormalized(bool on);
    bool isNormalized() const { return m_normalized; }
    /// Highlights one cell (-1, -1: none).
    void setSelectedCell(int truth, int predicted);

    /// Widget rectangle of a cell, null when out of range; and the cell under a point, (-1, -1) off the grid.
    QRect cellRect(int truth, int predicted) const;
    QPoint cellAt(const QPoint &pos) const;
    /// The text a cell shows now ("12" or "0.75").
    QString cellText(int truth, int predicted) const;

    /// The matrix rendered at a size that fits the class names (at twice the pixels, for documents
    /// and slides), with `title` above it when not empty.
    QImage toImage(const QString &title = QString()) const;
    /// toImage() written as a PNG; false when it cannot write.
    bool exportPng(const QString &file, const QString &title = QString()) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void cellClicked(int truth, int predicted);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    struct Layout {
        QRectF grid;
        double cell = 0;
        double labelWidth = 0;
        double labelHeight = 0;
    };
    Layout layoutFor(const QSizeF &size, const QFontMetricsF &fm) const;
    void render(QPainter &p, const QSizeF &size, bool forExport) const;
    double value(int truth, int predicted) const;

    QStringList m_classes;
    std::vector<std::vector<int>> m_counts;
    std::vector<int> m_rowTotals;
    int m_max = 0;
    bool m_normalized = false;
    QPoint m_selected{-1, -1};
};

} // namespace loupe
