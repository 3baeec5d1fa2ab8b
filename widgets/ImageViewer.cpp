#include "ImageViewer.h"

#include "ClassColors.h"
#include "ImageConvert.h"
#include "NumberText.h"
#include "imaging/SafeDecoder.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QThreadPool>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace loupe {

namespace {

constexpr double kMinScale = 0.01;
constexpr double kMaxScale = 64.0;
constexpr double kWheelStep = 1.25;   // one wheel notch
constexpr double kMinMarkerPx = 6.0;  // objects smaller than this on screen still get a visible frame

} // namespace

ImageViewer::ImageViewer(QWidget *parent)
    : QWidget(parent)
    , m_pool(new QThreadPool(this))
{
    m_pool->setMaxThreadCount(1);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(200, 150);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_message = tr("Select a thumbnail to view the image.");
}

ImageViewer::~ImageViewer()
{
    m_pool->clear();
    m_pool->waitForDone();
}

void ImageViewer::open(const QString &path, const std::vector<Annotation> &objects, const QStringList &classes,
                       std::shared_ptr<const IdxImages> idx, int idxIndex)
{
    const quint64 generation = ++m_generation;
    m_loading = true;
    m_boxes.clear();
    m_pool->clear(); // a newer image makes queued ones stale
    m_pool->start([this, path, objects, classes, idx, idxIndex, generation] {
        Loaded loaded = load(path, objects, idx, idxIndex);
        QMetaObject::invokeMethod(
            this,
            [this, path, objects, classes, generation, loaded = std::move(loaded)]() mutable {
                if (generation == m_generation)
                    display(path, std::move(loaded), objects, classes);
            },
            Qt::QueuedConnection);
    });
    update();
}

ImageViewer::Loaded ImageViewer::load(const QString &path, const std::vector<Annotation> &objects,
                                      const std::shared_ptr<const IdxImages> &idx, int idxIndex)
{
    Loaded out;
    if (idx && idxIndex >= 0 && idxIndex < idx->count) {
        out.image = QImage(idx->image(idxIndex), idx->cols, idx->rows, idx->cols, QImage::Format_Grayscale8).copy();
    } else {
        DecodeOptions options;
        options.scale = DecodeScale::Full;
        const DecodeResult r = decodeImageFile(path, options);
        if (!r.ok()) {
            out.error = r.error;
            return out;
        }
        out.image = toQImage(r.image);
    }
    out.masks = maskOverlays(objects, out.image.size());
    return out;
}

void ImageViewer::display(const QString &path, Loaded loaded, const std::vector<Annotation> &objects,
                       const QStringList &classes)
{
    m_loading = false;
    m_path = path;
    if (!loaded.error.isEmpty() || loaded.image.isNull()) {
        clear(tr("%1 cannot be shown: %2").arg(path, loaded.error));
        m_path = path;
        Q_EMIT imageShown(path);
        return;
    }
    const QSize previous = m_image.size();
    m_image = std::move(loaded.image);
    m_pixmap = QPixmap::fromImage(m_image);
    m_masks = std::move(loaded.masks);
    m_objects = objects;
    m_classes = classes;
    m_message.clear();
    m_measure = QLineF();
    // Keep the zoom when stepping through images of the same size: comparing the same spot matters.
    if (m_fit || m_image.size() != previous)
        fitToWindow();
    else
        update();
    updateStatus(m_cursor);
    Q_EMIT imageShown(path);
}

void ImageViewer::setImage(const QImage &image, const std::vector<Annotation> &objects, const QStringList &classes)
{
    ++m_generation;
    m_boxes.clear();
    Loaded loaded;
    loaded.image = image.format() == QImage::Format_Grayscale8 ? image : image.convertToFormat(QImage::Format_RGB32);
    loaded.masks = maskOverlays(objects);
    m_fit = true;
    display(QString(), std::move(loaded), objects, classes);
}

void ImageViewer::clear(const QString &message)
{
    ++m_generation;
    m_loading = false;
    m_path.clear();
    m_image = QImage();
    m_pixmap = QPixmap();
    m_objects.clear();
    m_masks.clear();
    m_boxes.clear();
    m_measure = QLineF();
    m_message = message.isEmpty() ? tr("Select a thumbnail to view the image.") : message;
    m_status.clear();
    Q_EMIT statusChanged(m_status);
    update();
}

double ImageViewer::fitScale() const
{
    if (m_image.isNull() || width() <= 0 || height() <= 0)
        return 1.0;
    return std::min(double(width()) / m_image.width(), double(height()) / m_image.height());
}

void ImageViewer::fitToWindow()
{
    m_fit = true;
    if (m_image.isNull())
        return update();
    m_scale = std::clamp(fitScale(), kMinScale, kMaxScale);
    m_offset = QPointF((width() - m_image.width() * m_scale) / 2.0, (height() - m_image.height() * m_scale) / 2.0);
    Q_EMIT zoomChanged(m_scale);
    updateStatus(m_cursor);
    update();
}

void ImageViewer::actualSize()
{
    if (m_image.isNull())
        return;
    m_fit = false;
    m_scale = 1.0;
    m_offset = QPointF(std::round((width() - m_image.width()) / 2.0), std::round((height() - m_image.height()) / 2.0));
    Q_EMIT zoomChanged(m_scale);
    updateStatus(m_cursor);
    update();
}

void ImageViewer::showRegion(const QRectF &imageRect)
{
    if (m_image.isNull() || width() <= 0 || height() <= 0)
        return;
    constexpr double kShare = 3.0; // the region fills a third of the view
    const double w = std::max(imageRect.width(), 1.0) * kShare;
    const double h = std::max(imageRect.height(), 1.0) * kShare;
    m_scale = std::clamp(std::min(width() / w, height() / h), std::min(kMinScale, fitScale()), kMaxScale);
    m_offset = QRectF(rect()).center() - imageRect.center() * m_scale;
    m_fit = false;
    Q_EMIT zoomChanged(m_scale);
    updateStatus(m_cursor);
    update();
}

void ImageViewer::zoomBy(double factor, const QPointF &anchor)
{
    setScale(m_scale * factor, anchor);
}

void ImageViewer::setScale(double scale, const QPointF &anchor)
{
    if (m_image.isNull())
        return;
    scale = std::clamp(scale, std::min(kMinScale, fitScale()), kMaxScale);
    const QPointF imagePoint = mapToImage(anchor);
    m_scale = scale;
    m_offset = anchor - imagePoint * m_scale;
    m_fit = false;
    Q_EMIT zoomChanged(m_scale);
    updateStatus(m_cursor);
    update();
}

QRectF ImageViewer::mapToWidget(const QRectF &r) const
{
    return QRectF(mapToWidget(r.topLeft()), r.size() * m_scale);
}

void ImageViewer::setOverlaysVisible(bool visible)
{
    m_overlays = visible;
    update();
}

void ImageViewer::setMeasuring(bool on)
{
    m_measuring = on;
    setCursor(on ? Qt::CrossCursor : Qt::ArrowCursor);
    if (!on)
        m_measure = QLineF();
    updateStatus(m_cursor);
    update();
}

QString ImageViewer::pixelText(int x, int y) const
{
    if (m_image.isNull() || x < 0 || y < 0 || x >= m_image.width() || y >= m_image.height())
        return {};
    if (m_image.format() == QImage::Format_Grayscale8)
        return tr("x %1, y %2: %3").arg(x).arg(y).arg(m_image.constScanLine(y)[x]);
    const QRgb c = m_image.pixel(x, y);
    return tr("x %1, y %2: RGB %3, %4, %5").arg(x).arg(y).arg(qRed(c)).arg(qGreen(c)).arg(qBlue(c));
}

QString ImageViewer::measurementText(const QLineF &line)
{
    const double dx = std::abs(line.dx()), dy = std::abs(line.dy());
    return tr("%1 px (%2 × %3)").arg(numberText(line.length(), 'f', 1)).arg(numberText(dx, 'f', 0)).arg(numberText(dy, 'f', 0));
}

void ImageViewer::updateStatus(const QPointF &cursor)
{
    QStringList parts;
    if (!m_image.isNull()) {
        parts << tr("%1 × %2 px").arg(m_image.width()).arg(m_image.height());
        parts << tr("zoom %1%").arg(numberText(m_scale * 100.0, 'f', m_scale < 0.1 ? 1 : 0));
        if (cursor.x() >= 0) {
            const QPointF p = mapToImage(cursor);
            const QString px = pixelText(int(std::floor(p.x())), int(std::floor(p.y())));
            if (!px.isEmpty())
                parts << px;
        }
        if (!m_measure.isNull())
            parts << tr("measured %1").arg(measurementText(m_measure));
        else if (m_measuring)
            parts << tr("drag to measure");
    }
    const QString status = parts.join(QStringLiteral("   "));
    if (status != m_status) {
        m_status = status;
        Q_EMIT statusChanged(m_status);
    }
}

void ImageViewer::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), QColor(48, 48, 48));
    if (m_pixmap.isNull()) {
        p.setPen(QColor(220, 220, 220));
        p.drawText(rect().adjusted(20, 20, -20, -20), Qt::AlignCenter | Qt::TextWordWrap,
                   m_loading ? tr("Loading…") : m_message);
        return;
    }
    // Draw only the source pixels that are on screen: at 32× a whole 20 MP image would be scaled.
    const QRectF visible = QRectF(mapToImage(QPointF(0, 0)), mapToImage(QPointF(width(), height())));
    QRectF src = visible.intersected(QRectF(m_pixmap.rect()));
    if (!src.isEmpty()) {
        src = QRectF(QPointF(std::floor(src.left()), std::floor(src.top())),
                     QPointF(std::ceil(src.right()), std::ceil(src.bottom())))
                  .intersected(QRectF(m_pixmap.rect()));
        // Magnified pixels stay sharp squares: the question is often "how many pixels is this?".
        p.setRenderHint(QPainter::SmoothPixmapTransform, m_scale < 1.0);
        p.drawPixmap(mapToWidget(src), m_pixmap, src);
    }
    if (m_overlays) {
        drawOverlays(p);
        drawBoxOverlays(p);
    }
    drawMeasurement(p);
}

void ImageViewer::setBoxOverlays(std::vector<OverlayBox> boxes)
{
    m_boxes = std::move(boxes);
    update();
}

QRectF ImageViewer::markerRect(const QRectF &imageBox) const
{
    QRectF r = mapToWidget(imageBox);
    if (r.width() < kMinMarkerPx || r.height() < kMinMarkerPx) {
        // A 3-pixel defect at 30 % zoom is under a screen pixel: frame it so it is found.
        const QPointF c = r.center();
        r = QRectF(c.x() - kMinMarkerPx, c.y() - kMinMarkerPx, 2 * kMinMarkerPx, 2 * kMinMarkerPx);
    }
    return r;
}

void ImageViewer::drawBoxOverlays(QPainter &p)
{
    if (m_boxes.empty())
        return;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm(font());
    std::vector<QRectF> tags; // labels placed so far
    // Faint boxes first, so that the ones in focus are drawn over them.
    for (const bool dimmedPass : {true, false}) {
        for (const OverlayBox &b : m_boxes) {
            if (b.dimmed != dimmedPass)
                continue;
            QColor colour = b.color;
            if (b.dimmed)
                colour.setAlpha(90);
            const QRectF r = markerRect(b.box);
            // A dark halo under the line keeps it visible on light and dark images alike.
            if (!b.dimmed) {
                p.setPen(QPen(QColor(0, 0, 0, 140), 4, Qt::SolidLine));
                p.setBrush(Qt::NoBrush);
                p.drawRect(r);
            }
            p.setPen(QPen(colour, 2, b.style));
            p.setBrush(Qt::NoBrush);
            p.drawRect(r);
            if (!b.label.isEmpty() && !b.dimmed) {
                const double top = b.labelBelow ? r.bottom() + 1 : r.top() - fm.height() - 2;
                QRectF tag(r.left(), top, fm.horizontalAdvance(b.label) + 6, fm.height() + 2);
                // Boxes on one object (a match and a duplicate) would put their labels on one
                // spot: stack them instead, away from the box.
                const double shift = b.labelBelow ? tag.height() : -tag.height();
                for (int tries = 0; tries < 6 && std::any_of(tags.begin(), tags.end(), [&](const QRectF &t) {
                                        return t.intersects(tag);
                                    });
                     ++tries)
                    tag.translate(0, shift);
                tags.push_back(tag);
                p.fillRect(tag, colour);
                p.setPen(colour.lightnessF() > 0.6 ? Qt::black : Qt::white);
                p.drawText(tag, Qt::AlignCenter, b.label);
            }
        }
    }
    p.restore();
}

void ImageViewer::drawOverlays(QPainter &p)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    for (std::size_t i = 0; i < m_objects.size(); ++i) {
        const Annotation &a = m_objects[i];
        const QColor colour = classColor(a.classId);
        QColor fill = colour;
        fill.setAlpha(70);
        if (i < m_masks.size() && !m_masks[i].isNull())
            p.drawImage(mapToWidget(QRectF(m_masks[i].rect())), m_masks[i]);
        // A crowd region is drawn dashed and named "crowd": it is not an object and is not counted as one.
        const Qt::PenStyle style = a.crowd ? Qt::DashLine : Qt::SolidLine;
        for (const Polygon &poly : a.polygons) {
            QPolygonF q;
            for (std::size_t k = 0; k + 1 < poly.size(); k += 2)
                q << mapToWidget(QPointF(poly[k], poly[k + 1]));
            p.setPen(QPen(colour, 1.5, style));
            p.setBrush(fill);
            p.drawPolygon(q);
        }
        if (!a.box.isEmpty() || a.box.width() > 0 || a.box.height() > 0) {
            QRectF r = mapToWidget(a.box);
            if (r.width() < kMinMarkerPx || r.height() < kMinMarkerPx) {
                // A 3-pixel defect at 30 % zoom is under a screen pixel: frame it so it is found.
                const QPointF c = r.center();
                r = QRectF(c.x() - kMinMarkerPx, c.y() - kMinMarkerPx, 2 * kMinMarkerPx, 2 * kMinMarkerPx);
            }
            p.setPen(QPen(colour, 2, style));
            p.setBrush(Qt::NoBrush);
            p.drawRect(r);
            QString name = a.classId >= 0 && a.classId < m_classes.size() ? m_classes.at(a.classId) : QString();
            if (a.crowd)
                name = name.isEmpty() ? tr("crowd") : tr("%1 (crowd)").arg(name);
            if (!name.isEmpty() && r.width() > 24) {
                const QFontMetrics fm(font());
                const QRectF tag(r.left(), r.top() - fm.height() - 2, fm.horizontalAdvance(name) + 6, fm.height() + 2);
                p.fillRect(tag, colour);
                p.setPen(Qt::white);
                p.drawText(tag, Qt::AlignCenter, name);
            }
        }
    }
    p.restore();
}

void ImageViewer::drawMeasurement(QPainter &p)
{
    if (m_measure.isNull())
        return;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const QLineF w(mapToWidget(m_measure.p1()), mapToWidget(m_measure.p2()));
    const QRectF box = QRectF(w.p1(), w.p2()).normalized();
    p.setPen(QPen(QColor(255, 255, 0, 140), 1, Qt::DashLine));
    p.drawRect(box);
    p.setPen(QPen(QColor(255, 235, 0), 2));
    p.drawLine(w);
    for (const QPointF &end : {w.p1(), w.p2()})
        p.drawEllipse(end, 3, 3);
    const QString text = measurementText(m_measure);
    const QFontMetrics fm(font());
    const QRectF tag(w.p2() + QPointF(8, 8), QSizeF(fm.horizontalAdvance(text) + 8, fm.height() + 4));
    p.fillRect(tag, QColor(0, 0, 0, 180));
    p.setPen(QColor(255, 235, 0));
    p.drawText(tag, Qt::AlignCenter, text);
    p.restore();
}

void ImageViewer::resizeEvent(QResizeEvent *)
{
    if (m_fit)
        fitToWindow();
}

void ImageViewer::wheelEvent(QWheelEvent *event)
{
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0 || m_image.isNull())
        return;
    zoomBy(std::pow(kWheelStep, notches), event->position());
    event->accept();
}

void ImageViewer::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_image.isNull())
        return QWidget::mousePressEvent(event);
    m_dragging = true;
    m_dragStart = event->position();
    m_offsetAtDragStart = m_offset;
    if (m_measuring) {
        const QPointF p = mapToImage(event->position());
        m_measure = QLineF(p, p);
    } else {
        setCursor(Qt::ClosedHandCursor);
    }
    update();
}

void ImageViewer::mouseMoveEvent(QMouseEvent *event)
{
    m_cursor = event->position();
    if (m_dragging) {
        if (m_measuring) {
            m_measure.setP2(mapToImage(event->position()));
        } else {
            m_offset = m_offsetAtDragStart + (event->position() - m_dragStart);
            m_fit = false;
        }
        update();
    }
    updateStatus(m_cursor);
}

void ImageViewer::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_dragging)
        return QWidget::mouseReleaseEvent(event);
    m_dragging = false;
    if (m_measuring) {
        m_measure.setP2(mapToImage(event->position()));
        if (m_measure.length() < 1e-9)
            m_measure = QLineF();
    } else {
        setCursor(Qt::ArrowCursor);
    }
    updateStatus(m_cursor);
    update();
}

void ImageViewer::mouseDoubleClickEvent(QMouseEvent *event)
{
    // Double-click toggles between fitting the window and 1:1 at the clicked spot.
    if (m_image.isNull() || m_measuring)
        return;
    if (m_fit)
        setScale(1.0, event->position());
    else
        fitToWindow();
}

void ImageViewer::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Right:
    case Qt::Key_Down:
    case Qt::Key_PageDown:
    case Qt::Key_Space:
        Q_EMIT nextRequested();
        break;
    case Qt::Key_Left:
    case Qt::Key_Up:
    case Qt::Key_PageUp:
    case Qt::Key_Backspace:
        Q_EMIT previousRequested();
        break;
    case Qt::Key_F:
        fitToWindow();
        break;
    case Qt::Key_1:
        actualSize();
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(kWheelStep);
        break;
    case Qt::Key_Minus:
        zoomBy(1.0 / kWheelStep);
        break;
    case Qt::Key_Escape:
        if (!m_measure.isNull()) {
            m_measure = QLineF();
            updateStatus(m_cursor);
            update();
            break;
        }
        [[fallthrough]];
    default:
        QWidget::keyPressEvent(event);
    }
}

void ImageViewer::leaveEvent(QEvent *)
{
    m_cursor = QPointF(-1, -1);
    updateStatus(m_cursor);
}

} // namespace loupe
