#pragma once

#include <QImage>
#include <QList>
#include <QPixmap>
#include <QString>
#include <QWidget>

namespace loupe {

/// One picture of the augmentation preview: an image as it went in or as a pipeline made it.
struct VariantTile {
    QImage image;        ///< already annotated; made off the GUI thread
    QString caption;     ///< one compact line ("hflip · rot −12.3°")
    QString details;     ///< every applied parameter, for the tooltip
    int sample = -1;     ///< dataset sample index
    bool original = false; ///< the "before" picture of its row
    bool rowStart = false; ///< starts a new line in the grid (a new image)
    /// The tiles view: which tile of the image this is (-1: not a tile), and the objects it keeps as
    /// targets and drops (under half their area inside); the overview counts over all tiles.
    int tile = -1;
    int kept = -1;
    int dropped = -1;
};

/// The preview's grid of pictures: each image on its own line, its variants wrapping after it.
class VariantGrid : public QWidget
{
    Q_OBJECT
public:
    explicit VariantGrid(QWidget *parent = nullptr);

    void setTiles(const QList<VariantTile> &tiles);
    const QList<VariantTile> &tiles() const { return m_tiles; }
    /// Side of a picture's cell, in pixels.
    void setCellSize(int px);
    void setPlaceholder(const QString &text);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool event(QEvent *event) override;

private:
    void relayout();
    int tileAt(const QPoint &pos) const;

    QList<VariantTile> m_tiles;
    QList<QPixmap> m_pixmaps; ///< made from the tiles' images on the GUI thread
    QList<QRect> m_cells;
    QString m_placeholder;
    int m_cell = 190;
    int m_captionHeight = 0;
};

} // namespace loupe
