#pragma once

#include "dataset/IdxImages.h"
#include "dataset/Sample.h"

#include <QImage>
#include <QColor>
#include <QLineF>
#include <QPixmap>
#include <QWidget>

#include <memory>
#include <vector>

class QThreadPool;

namespace loupe {

/// A box drawn over the image in its pixels, apart from the image's own objects: predictions and
/// how they matched. `label` is written above it (below with labelBelow, so that the labels of two
/// boxes on one object do not cover each other); a dimmed box is drawn faint (not in focus).
struct OverlayBox {
    QRectF box;
    QColor color;
    Qt::PenStyle style = Qt::SolidLine;
    QString label;
    bool dimmed = false;
    bool labelBelow = false;
};

/// One image at full resolution: zoom (wheel around the cursor, fit, 1:1), pan by dragging,
/// box and mask overlays in class colours, the pixel under the cursor, and a ruler for
/// measuring defects in image pixels.
class ImageViewer : public QWidget
{
    Q_OBJECT
public:
    explicit ImageViewer(QWidget *parent = nullptr);
    ~ImageViewer() override;

    /// Decodes the file (or IDX image) off the GUI thread and shows it with its objects.
    void open(const QString &path, const std::vector<Annotation> &objects, const QStringList &classes,
              std::shared_ptr<const IdxImages> idx = {}, int idxIndex = -1);
    /// Shows an image already in memory (decoded elsewhere), fitted to the window.
    void setImage(const QImage &image, const std::vector<Annotation> &objects = {}, const QStringList &classes = {});
    /// No image; the message says why (a broken file's reason, or what to do).
    void clear(const QString &message = {});

    QString path() const { return m_path; }
    QImage image() const { return m_image; }
    bool isLoading() const { return m_loading; }
    QString message() const { return m_message; }

    double scale() const { return m_scale; }
    QPointF offset() const { return m_offset; }
    bool isFitted() const { return m_fit; }
    double fitScale() const;
    void fitToWindow();
    void actualSize();
    /// Multiplies the zoom, keeping the image point under `anchor` (widget coordinates) in place.
    void zoomBy(double factor, const QPointF &anchor);
    void zoomBy(double factor) { zoomBy(factor, QRectF(rect()).center()); }
    /// Zooms and pans so that a region (image pixels) fills about a third of the view, centred:
    /// a box a few pixels wide shows with its surroundings.
    void showRegion(const QRectF &imageRect);

    /// Boxes drawn over the image (after its objects), until the next open, setImage or clear.
    void setBoxOverlays(std::vector<OverlayBox> boxes);
    const std::vector<OverlayBox> &boxOverlays() const { return m_boxes; }

    void setOverlaysVisible(bool visible);
    bool overlaysVisible() const { return m_overlays; }
    void setMeasuring(bool on);
    bool isMeasuring() const { return m_measuring; }
    /// The last measurement, in image pixels (null line when none).
    QLineF measurement() const { return m_measure; }

    QPointF mapToWidget(const QPointF &imagePoint) const { return m_offset + imagePoint * m_scale; }
    QRectF mapToWidget(const QRectF &imageRect) const;
    QPointF mapToImage(const QPointF &widgetPoint) const { return (widgetPoint - m_offset) / m_scale; }

    QString statusText() const { return m_status; }
    /// "x, y: value" of an image pixel, the text the status line shows under the cursor.
    QString pixelText(int x, int y) const;
    static QString measurementText(const QLineF &line);

Q_SIGNALS:
    void nextRequested();
    void previousRequested();
    void statusChanged(const QString &text);
    void imageShown(const QString &path);
    void zoomChanged(double scale);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    struct Loaded {
        QImage image;
        std::vector<QImage> masks; // RLE masks, one per object (null when it has none)
        QString error;
    };
    static Loaded load(const QString &path, const std::vector<Annotation> &objects,
                       const std::shared_ptr<const IdxImages> &idx, int idxIndex);
    void display(const QString &path, Loaded loaded, const std::vector<Annotation> &objects, const QStringList &classes);
    void setScale(double scale, const QPointF &anchor);
    void updateStatus(const QPointF &cursor);
    void drawOverlays(QPainter &p);
    void drawMeasurement(QPainter &p);
    void drawBoxOverlays(QPainter &p);
    /// A box's rectangle on screen, widened to a visible frame when it is under a few screen pixels.
    QRectF markerRect(const QRectF &imageBox) const;

    QThreadPool *m_pool;
    quint64 m_generation = 0;
    bool m_loading = false;
    QString m_path;
    QString m_message;
    QImage m_image;
    QPixmap m_pixmap;
    std::vector<Annotation> m_objects;
    std::vector<QImage> m_masks;
    std::vector<OverlayBox> m_boxes;
    QStringList m_classes;

    double m_scale = 1.0;
    QPointF m_offset;
    bool m_fit = true;
    bool m_overlays = true;
    bool m_measuring = false;
    bool m_dragging = false;
    QPointF m_dragStart;
    QPointF m_offsetAtDragStart;
    QLineF m_measure;
    QPointF m_cursor{-1, -1};
    QString m_status;
};

} // namespace loupe
