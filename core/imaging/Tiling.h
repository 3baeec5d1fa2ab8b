#pragma once

#include <QRect>
#include <QRectF>
#include <QSize>
#include <QSizeF>
#include <QString>

#include <opencv2/core.hpp>

#include <optional>
#include <stdexcept>
#include <vector>

namespace loupe {

/// A tile layout or region of interest that cannot be used, with the reason a person can act on.
class TilingError : public std::runtime_error {
public:
    explicit TilingError(const QString &message)
        : std::runtime_error(message.toStdString())
    {
    }
    QString message() const { return QString::fromStdString(what()); }
};

/// How many tiles, as `--tiles RxC` gives them.
struct TileCount {
    int rows = 1;
    int cols = 1;
};

/// Parses "RxC" ("4x4", "2X3", "3×3"). Throws TilingError naming the text and what was expected.
TileCount parseTileCount(const QString &text);

/// Parses "x,y,w,h" in image pixels (`--roi`). Throws TilingError naming the text and what was expected.
QRect parseRoi(const QString &text);

/// A predicted box with its class and score, in the pixels of a tile or of the whole image.
struct DetectedBox {
    QRectF box;
    int classId = -1;
    float score = 0;
};

/// Per-class greedy non-maximum suppression: boxes by descending score (ties: the earlier one first),
/// each dropping the later boxes of its class whose IoU with it exceeds `iouThreshold` (OpenCV's and
/// torchvision's rule). Returns the kept boxes by descending score.
std::vector<DetectedBox> nonMaximumSuppression(const std::vector<DetectedBox> &boxes, double iouThreshold);

/// Intersection over union of two boxes; 0 when either has no area.
double boxIou(const QRectF &a, const QRectF &b);

/// How predictions of overlapping tiles become the image's.
struct MergeOptions {
    double iouThreshold = 0.5; ///< NMS across tiles, per class
    /// A box cut by an inner tile edge (one the region of interest does not share) is a part of an object
    /// that a neighbour tile may see whole; it is dropped when a box of its class not cut by an inner edge
    /// covers at least this share of its area. 0 turns the rule off.
    double cutBoxCovered = 0.7;
};

/// How overlapping tiles' masks become one: the tile whose centre is nearest decides (any mask type:
/// labels or scores; the centre of a tile is where its prediction has the most context), or the mean of
/// every tile's scores (floating-point masks only).
enum class StitchMode { NearestCentre, Average };

/// R×C tiles of equal size over a region of interest, neighbours overlapping by a fixed number of pixels.
///
/// The tile size is the smallest that covers the region with that overlap; tiles step by (size − overlap)
/// from the region's top-left corner and the last tile of a row or column is shifted inward to end on the
/// region's edge (so it overlaps its neighbour by the overlap or a few pixels more). Tiles never leave the
/// region, and their union is exactly the region. Tiles are numbered row by row.
class TileGrid {
public:
    /// One tile: the whole image (an empty grid when the image is empty).
    TileGrid() = default;
    explicit TileGrid(QSize imageSize);
    /// Throws TilingError when the region lies outside the image or is empty, the counts or overlap are
    /// not usable, or the tiles do not fit the region. The region is clipped to the image.
    TileGrid(QSize imageSize, TileCount count, int overlap, const std::optional<QRect> &roi = std::nullopt);

    QSize imageSize() const { return m_imageSize; }
    QRect roi() const { return m_roi; }
    int rows() const { return m_count.rows; }
    int cols() const { return m_count.cols; }
    int overlap() const { return m_overlap; }
    QSize tileSize() const { return m_tileSize; }
    int count() const { return int(m_tiles.size()); }
    /// The tile in image pixels; `index` = row × cols + col.
    QRect tile(int index) const { return m_tiles.at(std::size_t(index)); }
    QRect tile(int row, int col) const { return tile(row * m_count.cols + col); }
    const std::vector<QRect> &tiles() const { return m_tiles; }

    /// The tile's pixels: a view into `image` (no copy) unless `copy`. The image must have the grid's size.
    cv::Mat cut(const cv::Mat &image, int index, bool copy = false) const;
    std::vector<cv::Mat> cutAll(const cv::Mat &image, bool copy = false) const;

    /// A box in tile pixels to image pixels. With `inputSize`, the box is in the pixels of the tile resized
    /// to that size (the model's input) and is scaled back first.
    QRectF toImage(int index, const QRectF &tileBox, const QSizeF &inputSize = QSizeF()) const;
    /// A box in image pixels to tile pixels (not clipped).
    QRectF toTile(int index, const QRectF &imageBox) const;
    /// The share of `imageBox`'s area inside the tile (1 for a point-like box inside it, 0 outside).
    double keptFraction(int index, const QRectF &imageBox) const;
    /// True when the tile-space box touches an edge of the tile that lies inside the region of interest.
    bool touchesInnerEdge(int index, const QRectF &tileBox, double tolerance = 1.0) const;

    /// Tiles' predictions (one list per tile, in tile pixels, or with `inputSize` in the pixels of the tile
    /// resized to it) mapped to the image and merged: per-class NMS, then the cut-box rule of MergeOptions.
    /// Returns boxes by descending score.
    std::vector<DetectedBox> mergePredictions(const std::vector<std::vector<DetectedBox>> &perTile,
        const MergeOptions &options = MergeOptions(), const QSizeF &inputSize = QSizeF()) const;

    /// Per-tile masks (each of the tile's size, all of one type) stitched into one mask of the image's size;
    /// pixels outside the region of interest are `fill`. Throws TilingError on a wrong count, size or type.
    cv::Mat stitch(
        const std::vector<cv::Mat> &tileMasks, StitchMode mode = StitchMode::NearestCentre, double fill = 0) const;

private:
    QSize m_imageSize;
    QRect m_roi;
    TileCount m_count;
    int m_overlap = 0;
    QSize m_tileSize;
    std::vector<QRect> m_tiles;
};

} // namespace loupe
