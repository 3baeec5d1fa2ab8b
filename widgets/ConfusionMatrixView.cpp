#include "ConfusionMatrixView.h"

#include <QImage>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace loupe {

namespace {
constexpr double kMargin = 6;
constexpr double kMaxCell = 72;      // beyond this the numbers float in empty colour
constexpr double kMinCell = 14;
constexpr double kMaxLabel = 140;    // long class names are elided to this
constexpr double kExportCell = 56;

// Right answers in blue, mistakes in red: the eye goes to the red off the diagonal.
QColor shade(double t, bool diagonal)
{
    t = std::clamp(t, 0.0, 1.0);
    const QColor low(247, 247, 247);
    const QColor high = diagonal ? QColor(33, 102, 172) : QColor(203, 24, 29);
    auto mix = [t](int a, int b) { return int(std::lround(a + (b - a) * t)); };
    return QColor(mix(low.red(), high.red()), mix(low.green(), high.green()), mix(low.blue(), high.blue()));
}
} // namespace

ConfusionMatrixView::ConfusionMatrixView(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void ConfusionMatrixView::setMatrix(const QStringList &classes, const std::vector<std::vector<int>> &counts)
{
    m_classes = classes;
    m_counts = counts;
    m_counts.resize(std::size_t(classes.size()));
    m_rowTotals.assign(m_counts.size(), 0);
    m_max = 0;
    for (std::size_t t = 0; t < m_counts.size(); ++t) {
        m_counts[t].resize(std::size_t(classes.size()), 0);
        for (int c : m_counts[t]) {
            m_rowTotals[t] += c;
            m_max = std::max(m_max, c);
        }
    }
    m_selected = QPoint(-1, -1);
    updateGeometry();
    update();
}

void ConfusionMatrixView::clear()
{
    setMatrix({}, {});
}

void ConfusionMatrixView::setNormalized(bool on)
{
    m_normalized = on;
    update();
}

void ConfusionMatrixView::setSelectedCell(int truth, int predicted)
{
    m_selected = QPoint(predicted, truth);
    update();
}

double ConfusionMatrixView::value(int truth, int predicted) const
{
    const int c = m_counts[std::size_t(truth)][std::size_t(predicted)];
    if (m_normalized)
        return m_rowTotals[std::size_t(truth)] > 0 ? double(c) / m_rowTotals[std::size_t(truth)] : 0.0;
    return m_max > 0 ? double(c) / m_max : 0.0;
}

QString ConfusionMatrixView::cellText(int truth, int predicted) const
{
    const int n = int(m_classes.size());
    if (truth < 0 || predicted < 0 || truth >= n || predicted >= n)
        return {};
    if (m_normalized)
        return QLocale().toString(value(truth, predicted), 'f', 2);
    return QLocale().toString(m_counts[std::size_t(truth)][std::size_t(predicted)]);
}

ConfusionMatrixView::Layout ConfusionMatrixView::layoutFor(const QSizeF &size, const QFontMetricsF &fm) const
{
    Layout l;
    const int n = int(m_classes.size());
    if (n == 0)
        return l;
    double widest = 0;
    for (const QString &c : m_classes)
        widest = std::max(widest, fm.horizontalAdvance(c));
    widest = std::min(widest, kMaxLabel);
    // Row names on the left, after the "True" axis title; column names rotated above the grid.
    l.labelWidth = fm.height() + widest + 2 * kMargin;
    l.labelHeight = fm.height() + widest + 2 * kMargin;
    const double w = size.width() - l.labelWidth - kMargin;
    const double h = size.height() - l.labelHeight - kMargin;
    l.cell = std::clamp(std::floor(std::min(w, h) / n), kMinCell, kMaxCell);
    const double side = l.cell * n;
    const double left = l.labelWidth + std::max(0.0, (w - side) / 2);
    l.grid = QRectF(left, l.labelHeight, side, side);
    return l;
}

QRect ConfusionMatrixView::cellRect(int truth, int predicted) const
{
    const int n = int(m_classes.size());
    if (truth < 0 || predicted < 0 || truth >= n || predicted >= n)
        return {};
    const Layout l = layoutFor(size(), QFontMetricsF(font()));
    return QRectF(l.grid.left() + predicted * l.cell, l.grid.top() + truth * l.cell, l.cell, l.cell).toAlignedRect();
}

QPoint ConfusionMatrixView::cellAt(const QPoint &pos) const
{
    const int n = int(m_classes.size());
    const Layout l = layoutFor(size(), QFontMetricsF(font()));
    if (n == 0 || !l.grid.contains(pos))
        return {-1, -1};
    const int col = std::clamp(int((pos.x() - l.grid.left()) / l.cell), 0, n - 1);
    const int row = std::clamp(int((pos.y() - l.grid.top()) / l.cell), 0, n - 1);
    return {col, row};
}

void ConfusionMatrixView::render(QPainter &p, const QSizeF &size, bool forExport) const
{
    const QFontMetricsF fm(p.font());
    const QColor ink = forExport ? QColor(20, 20, 20) : palette().color(QPalette::WindowText);
    const int n = int(m_classes.size());
    if (n == 0) {
        p.setPen(ink);
        p.drawText(QRectF(QPointF(0, 0), size), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("No predictions to count."));
        return;
    }
    const Layout l = layoutFor(size, fm);
    p.setRenderHint(QPainter::Antialiasing, false);
    QFont cellFont = p.font();
    if (l.cell < fm.height() * 1.6)
        cellFont.setPointSizeF(std::max(5.0, cellFont.pointSizeF() * l.cell / (fm.height() * 1.6)));
    for (int t = 0; t < n; ++t) {
        for (int c = 0; c < n; ++c) {
            const QRectF r(l.grid.left() + c * l.cell, l.grid.top() + t * l.cell, l.cell, l.cell);
            const double v = value(t, c);
            p.fillRect(r, shade(v, t == c));
            p.setPen(QColor(255, 255, 255));
            p.drawRect(r);
            p.setFont(cellFont);
            p.setPen(v > 0.55 ? QColor(255, 255, 255) : QColor(30, 30, 30));
            p.drawText(r, Qt::AlignCenter, cellText(t, c));
        }
    }
    p.setFont(QFont(p.font()));
    if (!forExport && m_selected.x() >= 0 && m_selected.x() < n && m_selected.y() >= 0 && m_selected.y() < n) {
        p.setPen(QPen(QColor(255, 170, 0), 3));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(l.grid.left() + m_selected.x() * l.cell, l.grid.top() + m_selected.y() * l.cell, l.cell, l.cell)
                       .adjusted(1.5, 1.5, -1.5, -1.5));
    }

    // Class names: rows right-aligned at the left, columns rotated above.
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(ink);
    const double nameWidth = std::min(kMaxLabel, l.labelWidth - fm.height() - 2 * kMargin);
    for (int i = 0; i < n; ++i) {
        const QString name = fm.elidedText(m_classes[i], Qt::ElideRight, nameWidth);
        const QRectF row(l.grid.left() - kMargin - nameWidth, l.grid.top() + i * l.cell, nameWidth, l.cell);
        p.drawText(row, Qt::AlignRight | Qt::AlignVCenter, name);
        p.save();
        p.translate(l.grid.left() + i * l.cell + l.cell / 2, l.grid.top() - kMargin);
        p.rotate(-90);
        p.drawText(QRectF(0, -fm.height() / 2, nameWidth, fm.height()), Qt::AlignLeft | Qt::AlignVCenter, name);
        p.restore();
    }
    QFont bold = p.font();
    bold.setBold(true);
    p.setFont(bold);
    p.drawText(QRectF(l.grid.left(), 0, l.grid.width(), fm.height() + 2), Qt::AlignHCenter | Qt::AlignTop,
               tr("Predicted"));
    p.save();
    p.translate(0, l.grid.center().y());
    p.rotate(-90);
    p.drawText(QRectF(-l.grid.height() / 2, 0, l.grid.height(), fm.height() + 2), Qt::AlignHCenter | Qt::AlignTop,
               tr("True"));
    p.restore();
}

void ConfusionMatrixView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    render(p, size(), false);
}

void ConfusionMatrixView::mousePressEvent(QMouseEvent *event)
{
    const QPoint cell = cellAt(event->position().toPoint());
    if (event->button() != Qt::LeftButton || cell.x() < 0)
        return QWidget::mousePressEvent(event);
    setSelectedCell(cell.y(), cell.x());
    Q_EMIT cellClicked(cell.y(), cell.x());
}

void ConfusionMatrixView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint cell = cellAt(event->position().toPoint());
    if (cell.x() < 0) {
        QToolTip::hideText();
        setCursor(Qt::ArrowCursor);
        return;
    }
    setCursor(Qt::PointingHandCursor);
    const int count = m_counts[std::size_t(cell.y())][std::size_t(cell.x())];
    QToolTip::showText(event->globalPosition().toPoint(),
                       tr("%n image(s) of %1 predicted as %2. Click to show them.", nullptr, count)
                           .arg(m_classes[cell.y()], m_classes[cell.x()]),
                       this, cellRect(cell.y(), cell.x()));
}

QSize ConfusionMatrixView::sizeHint() const
{
    const QFontMetricsF fm(font());
    const int n = std::max(2, int(m_classes.size()));
    const Layout l = layoutFor(QSizeF(1e4, 1e4), fm);
    const double side = 32.0 * n;
    return QSize(int(l.labelWidth + side + kMargin), int(l.labelHeight + side + kMargin));
}

QSize ConfusionMatrixView::minimumSizeHint() const
{
    return QSize(160, 140);
}

QImage ConfusionMatrixView::toImage(const QString &title) const
{
    QFont f = font();
    const QFontMetricsF fm(f);
    const int n = std::max(1, int(m_classes.size()));
    const Layout l = layoutFor(QSizeF(1e4, 1e4), fm);
    QFont bold = f;
    bold.setBold(true);
    const QFontMetricsF boldMetrics(bold);
    const double titleHeight = title.isEmpty() ? 0.0 : std::ceil(boldMetrics.height() * 2);
    const double gridWidth = l.labelWidth + kExportCell * n + 2 * kMargin;
    const double width = std::max(gridWidth, title.isEmpty() ? 0.0 : boldMetrics.horizontalAdvance(title) + 4 * kMargin);
    const QSize size(int(std::ceil(width)), int(std::ceil(titleHeight + l.labelHeight + kExportCell * n + 2 * kMargin)));
    QImage image(size * 2, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(2); // sharp in documents and slides
    image.fill(Qt::white);
    QPainter p(&image);
    if (!title.isEmpty()) {
        p.setFont(bold);
        p.setPen(QColor(20, 20, 20));
        p.drawText(QRectF(2 * kMargin, 0, width - 4 * kMargin, titleHeight), Qt::AlignLeft | Qt::AlignVCenter, title);
        p.translate(0, titleHeight);
    }
    p.setFont(f);
    render(p, QSizeF(gridWidth, size.height() - titleHeight), true);
    p.end();
    return image;
}

bool ConfusionMatrixView::exportPng(const QString &file, const QString &title) const
{
    return toImage(title).save(file, "PNG");
}

} // namespace loupe
