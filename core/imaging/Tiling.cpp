#include "imaging/Tiling.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace loupe {

// Messages name their context for lupdate: it files a Text::tr() of an anonymous-namespace helper under
// "Text" when the call sits in a member function, and the translation would never be found.

namespace {

/// More tiles than this per side is a mistake, not a layout (a 1600 px image at 100 tiles has 16 px tiles).
constexpr int kMaxTilesPerSide = 100;

struct Axis {
    int size = 0;
    std::vector<int> starts;
};

/// Tiles along one side of the region: the smallest size covering it with that overlap, stepping by
/// size − overlap, the last one shifted inward to end on the region's edge. Empty when they do not fit.
Axis layoutAxis(int start, int length, int n, int overlap)
{
    Axis axis;
    if (n == 1) {
        axis.size = length;
        axis.starts = {start};
        return axis;
    }
    const long long t = (length + (long long)(n - 1) * overlap + n - 1) / n;
    const long long step = t - overlap;
    // The last tile must start after the one before it, or two tiles would be the same.
    if (n > length || step <= 0 || t > length || length - t <= (n - 2) * step)
        return axis;
    axis.size = int(t);
    for (int i = 0; i + 1 < n; ++i)
        axis.starts.push_back(start + int(i * step));
    axis.starts.push_back(start + length - int(t));
    return axis;
}

bool hasArea(const QRectF &r)
{
    return r.width() > 0 && r.height() > 0;
}

QString roiText(const QRect &r)
{
    return QStringLiteral("%1,%2,%3,%4").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
}

/// Runs of the region's pixels along one axis, each owned by the tile whose centre is nearest to the
/// pixel's centre (ties: the earlier tile). Returns (first pixel, end, tile) in region coordinates.
struct Run {
    int begin;
    int end;
    int owner;
};

std::vector<Run> ownerRuns(const std::vector<int> &starts, int size, int regionStart, int regionLength)
{
    std::vector<Run> runs;
    for (int p = 0; p < regionLength; ++p) {
        const double centre = regionStart + p + 0.5;
        int best = 0;
        double bestDist = 1e300;
        for (int i = 0; i < int(starts.size()); ++i) {
            // Only a tile holding the pixel may own it (always true for the nearest centre, but exact).
            if (centre < starts[std::size_t(i)] || centre > starts[std::size_t(i)] + size)
                continue;
            const double d = std::abs(centre - (starts[std::size_t(i)] + size / 2.0));
            if (d < bestDist) {
                bestDist = d;
                best = i;
            }
        }
        if (!runs.empty() && runs.back().owner == best)
            runs.back().end = p + 1;
        else
            runs.push_back({p, p + 1, best});
    }
    return runs;
}

} // namespace

TileCount parseTileCount(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d{1,4})\\s*[xX\\x{00D7}]\\s*(\\d{1,4})\\s*$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        throw TilingError(
            QCoreApplication::translate("loupe::Tiling", "tiles \"%1\": expected rows x columns, such as 4x4")
                .arg(text));
    const TileCount count {m.captured(1).toInt(), m.captured(2).toInt()};
    if (count.rows < 1 || count.cols < 1 || count.rows > kMaxTilesPerSide || count.cols > kMaxTilesPerSide)
        throw TilingError(
            QCoreApplication::translate("loupe::Tiling", "tiles \"%1\": rows and columns must be between 1 and %2")
                .arg(text)
                .arg(kMaxTilesPerSide));
    return count;
}

QRect parseRoi(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char(','));
    if (parts.size() != 4)
        throw TilingError(QCoreApplication::translate(
            "loupe::Tiling", "region of interest \"%1\": expected x,y,width,height in pixels, such as 200,100,800,600")
                              .arg(text));
    int v[4];
    for (int i = 0; i < 4; ++i) {
        bool ok = false;
        v[i] = parts[i].trimmed().toInt(&ok);
        if (!ok)
            throw TilingError(QCoreApplication::translate(
                "loupe::Tiling", "region of interest \"%1\": \"%2\" is not a whole number of pixels")
                                  .arg(text, parts[i].trimmed()));
    }
    if (v[0] < 0 || v[1] < 0)
        throw TilingError(
            QCoreApplication::translate("loupe::Tiling", "region of interest \"%1\": x and y cannot be negative")
                .arg(text));
    if (v[2] <= 0 || v[3] <= 0)
        throw TilingError(
            QCoreApplication::translate("loupe::Tiling", "region of interest \"%1\": width and height must be positive")
                .arg(text));
    return QRect(v[0], v[1], v[2], v[3]);
}

double boxIou(const QRectF &a, const QRectF &b)
{
    if (!hasArea(a) || !hasArea(b))
        return 0;
    const QRectF i = a & b;
    if (!hasArea(i))
        return 0;
    const double inter = i.width() * i.height();
    return inter / (a.width() * a.height() + b.width() * b.height() - inter);
}

namespace {

/// NMS over indices into `boxes`; returns the kept indices by descending score.
std::vector<std::size_t> nmsIndices(const std::vector<DetectedBox> &boxes, double iouThreshold)
{
    std::vector<std::size_t> order(boxes.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(
        order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return boxes[a].score > boxes[b].score; });
    std::vector<char> dropped(boxes.size(), 0);
    std::vector<std::size_t> kept;
    for (std::size_t i = 0; i < order.size(); ++i) {
        const std::size_t a = order[i];
        if (dropped[a])
            continue;
        kept.push_back(a);
        for (std::size_t j = i + 1; j < order.size(); ++j) {
            const std::size_t b = order[j];
            if (!dropped[b] && boxes[b].classId == boxes[a].classId
                && boxIou(boxes[a].box, boxes[b].box) > iouThreshold)
                dropped[b] = 1;
        }
    }
    return kept;
}

} // namespace

std::vector<DetectedBox> nonMaximumSuppression(const std::vector<DetectedBox> &boxes, double iouThreshold)
{
    std::vector<DetectedBox> out;
    for (std::size_t i : nmsIndices(boxes, iouThreshold))
        out.push_back(boxes[i]);
    return out;
}

TileGrid::TileGrid(QSize imageSize)
    : m_imageSize(imageSize)
    , m_roi(QPoint(0, 0), imageSize)
    , m_tileSize(imageSize)
{
    if (!imageSize.isEmpty())
        m_tiles = {m_roi};
}

TileGrid::TileGrid(QSize imageSize, TileCount count, int overlap, const std::optional<QRect> &roi)
    : m_imageSize(imageSize)
    , m_count(count)
    , m_overlap(overlap)
{
    if (imageSize.isEmpty())
        throw TilingError(QCoreApplication::translate("loupe::Tiling", "the image is empty (%1×%2 pixels)")
                              .arg(imageSize.width())
                              .arg(imageSize.height()));
    const QRect image(QPoint(0, 0), imageSize);
    if (roi) {
        if (roi->width() <= 0 || roi->height() <= 0)
            throw TilingError(
                QCoreApplication::translate("loupe::Tiling", "the region of interest %1 is empty").arg(roiText(*roi)));
        m_roi = *roi & image;
        if (m_roi.isEmpty())
            throw TilingError(
                QCoreApplication::translate("loupe::Tiling", "the region of interest %1 lies outside the %2×%3 image")
                    .arg(roiText(*roi))
                    .arg(imageSize.width())
                    .arg(imageSize.height()));
    } else {
        m_roi = image;
    }
    if (count.rows < 1 || count.cols < 1 || count.rows > kMaxTilesPerSide || count.cols > kMaxTilesPerSide)
        throw TilingError(
            QCoreApplication::translate("loupe::Tiling", "%1×%2 tiles: rows and columns must be between 1 and %3")
                .arg(count.rows)
                .arg(count.cols)
                .arg(kMaxTilesPerSide));
    if (overlap < 0)
        throw TilingError(
            QCoreApplication::translate("loupe::Tiling", "the tile overlap (%1 px) cannot be negative").arg(overlap));
    const Axis across = layoutAxis(m_roi.x(), m_roi.width(), count.cols, overlap);
    if (across.starts.empty())
        throw TilingError(QCoreApplication::translate("loupe::Tiling",
            "%1 tiles across with %2 px overlap do not fit a region %3 px wide; use fewer "
            "tiles or a smaller overlap")
                              .arg(count.cols)
                              .arg(overlap)
                              .arg(m_roi.width()));
    const Axis down = layoutAxis(m_roi.y(), m_roi.height(), count.rows, overlap);
    if (down.starts.empty())
        throw TilingError(QCoreApplication::translate("loupe::Tiling",
            "%1 tiles down with %2 px overlap do not fit a region %3 px high; use fewer "
            "tiles or a smaller overlap")
                              .arg(count.rows)
                              .arg(overlap)
                              .arg(m_roi.height()));
    m_tileSize = QSize(across.size, down.size);
    for (int y : down.starts)
        for (int x : across.starts)
            m_tiles.emplace_back(x, y, across.size, down.size);
}

cv::Mat TileGrid::cut(const cv::Mat &image, int index, bool copy) const
{
    if (image.cols != m_imageSize.width() || image.rows != m_imageSize.height())
        throw TilingError(
            QCoreApplication::translate("loupe::Tiling", "the image is %1×%2 pixels; the tiles were laid out for %3×%4")
                .arg(image.cols)
                .arg(image.rows)
                .arg(m_imageSize.width())
                .arg(m_imageSize.height()));
    const QRect r = tile(index);
    const cv::Mat view = image(cv::Rect(r.x(), r.y(), r.width(), r.height()));
    return copy ? view.clone() : view;
}

std::vector<cv::Mat> TileGrid::cutAll(const cv::Mat &image, bool copy) const
{
    std::vector<cv::Mat> out;
    out.reserve(m_tiles.size());
    for (int i = 0; i < count(); ++i)
        out.push_back(cut(image, i, copy));
    return out;
}

QRectF TileGrid::toImage(int index, const QRectF &tileBox, const QSizeF &inputSize) const
{
    const QRect t = tile(index);
    QRectF b = tileBox;
    if (inputSize.width() > 0 && inputSize.height() > 0) {
        const double sx = t.width() / inputSize.width(), sy = t.height() / inputSize.height();
        b = QRectF(b.x() * sx, b.y() * sy, b.width() * sx, b.height() * sy);
    }
    return b.translated(t.topLeft());
}

QRectF TileGrid::toTile(int index, const QRectF &imageBox) const
{
    return imageBox.translated(-QPointF(tile(index).topLeft()));
}

double TileGrid::keptFraction(int index, const QRectF &imageBox) const
{
    const QRectF t(tile(index));
    const QRectF b = imageBox.normalized();
    if (!hasArea(b)) // point-like: in or out
        return b.left() >= t.left() && b.right() <= t.right() && b.top() >= t.top() && b.bottom() <= t.bottom() ? 1.0
                                                                                                                : 0.0;
    const QRectF i = b & t;
    return hasArea(i) ? (i.width() * i.height()) / (b.width() * b.height()) : 0.0;
}

bool TileGrid::touchesInnerEdge(int index, const QRectF &tileBox, double tolerance) const
{
    const QRect t = tile(index);
    const QRectF b = tileBox.normalized();
    return (t.left() > m_roi.left() && b.left() <= tolerance) || (t.top() > m_roi.top() && b.top() <= tolerance)
        || (t.x() + t.width() < m_roi.x() + m_roi.width() && b.right() >= t.width() - tolerance)
        || (t.y() + t.height() < m_roi.y() + m_roi.height() && b.bottom() >= t.height() - tolerance);
}

std::vector<DetectedBox> TileGrid::mergePredictions(
    const std::vector<std::vector<DetectedBox>> &perTile, const MergeOptions &options, const QSizeF &inputSize) const
{
    if (int(perTile.size()) != count())
        throw TilingError(QCoreApplication::translate("loupe::Tiling", "predictions for %1 tiles; the grid has %2")
                              .arg(int(perTile.size()))
                              .arg(count()));
    std::vector<DetectedBox> all;
    std::vector<char> cut;
    for (int t = 0; t < count(); ++t) {
        for (const DetectedBox &d : perTile[std::size_t(t)]) {
            const QRectF box = toImage(t, d.box, inputSize);
            all.push_back({box, d.classId, d.score});
            cut.push_back(touchesInnerEdge(t, toTile(t, box)) ? 1 : 0);
        }
    }
    const std::vector<std::size_t> kept = nmsIndices(all, options.iouThreshold);
    std::vector<DetectedBox> out;
    for (std::size_t k : kept) {
        const DetectedBox &d = all[k];
        bool covered = false;
        if (cut[k] && options.cutBoxCovered > 0 && hasArea(d.box)) {
            const double area = d.box.width() * d.box.height();
            for (std::size_t o : kept) {
                if (o == k || cut[o] || all[o].classId != d.classId)
                    continue;
                const QRectF i = all[o].box & d.box;
                if (hasArea(i) && i.width() * i.height() >= options.cutBoxCovered * area) {
                    covered = true;
                    break;
                }
            }
        }
        if (!covered)
            out.push_back(d);
    }
    return out;
}

cv::Mat TileGrid::stitch(const std::vector<cv::Mat> &tileMasks, StitchMode mode, double fill) const
{
    if (int(tileMasks.size()) != count() || tileMasks.empty())
        throw TilingError(QCoreApplication::translate("loupe::Tiling", "masks for %1 tiles; the grid has %2")
                              .arg(int(tileMasks.size()))
                              .arg(count()));
    const int type = tileMasks.front().type();
    for (const cv::Mat &m : tileMasks) {
        if (m.cols != m_tileSize.width() || m.rows != m_tileSize.height() || m.type() != type)
            throw TilingError(QCoreApplication::translate(
                "loupe::Tiling", "a tile mask is %1×%2 pixels; every tile mask must be %3×%4 and of one type")
                                  .arg(m.cols)
                                  .arg(m.rows)
                                  .arg(m_tileSize.width())
                                  .arg(m_tileSize.height()));
    }
    cv::Mat out(m_imageSize.height(), m_imageSize.width(), type, cv::Scalar::all(fill));
    const cv::Rect roi(m_roi.x(), m_roi.y(), m_roi.width(), m_roi.height());
    if (mode == StitchMode::Average) {
        if (CV_MAT_DEPTH(type) != CV_32F && CV_MAT_DEPTH(type) != CV_64F)
            throw TilingError(QCoreApplication::translate("loupe::Tiling",
                "averaging tile masks needs scores (floating-point masks); use the nearest "
                "tile's labels instead"));
        cv::Mat sum(roi.size(), CV_MAKETYPE(CV_64F, CV_MAT_CN(type)), cv::Scalar::all(0));
        cv::Mat hits(roi.size(), CV_64F, cv::Scalar(0));
        for (int t = 0; t < count(); ++t) {
            const QRect r = tile(t);
            const cv::Rect inRoi(r.x() - roi.x, r.y() - roi.y, r.width(), r.height());
            cv::Mat wide;
            tileMasks[std::size_t(t)].convertTo(wide, CV_64F);
            cv::Mat sumPart = sum(inRoi), hitPart = hits(inRoi);
            sumPart += wide;
            hitPart += 1.0;
        }
        std::vector<cv::Mat> channels;
        cv::split(sum, channels);
        for (cv::Mat &c : channels)
            cv::divide(c, hits, c);
        cv::merge(channels, sum);
        sum.convertTo(out(roi), type);
        return out;
    }
    std::vector<int> xs, ys;
    for (int c = 0; c < cols(); ++c)
        xs.push_back(tile(0, c).x());
    for (int r = 0; r < rows(); ++r)
        ys.push_back(tile(r, 0).y());
    // Distance to a tile's centre splits into x and y, so the nearest tile of the grid is the nearest
    // column's and nearest row's: the region falls into rectangles, each copied from one tile.
    for (const Run &ry : ownerRuns(ys, m_tileSize.height(), roi.y, roi.height)) {
        for (const Run &rx : ownerRuns(xs, m_tileSize.width(), roi.x, roi.width)) {
            const QRect t = tile(ry.owner, rx.owner);
            const cv::Rect dst(roi.x + rx.begin, roi.y + ry.begin, rx.end - rx.begin, ry.end - ry.begin);
            const cv::Rect src(dst.x - t.x(), dst.y - t.y(), dst.width, dst.height);
            tileMasks[std::size_t(ry.owner * cols() + rx.owner)](src).copyTo(out(dst));
        }
    }
    return out;
}

} // namespace loupe
