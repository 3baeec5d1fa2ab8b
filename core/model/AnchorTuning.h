#pragma once

#include "imaging/Tiling.h"

#include <QJsonObject>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <stdexcept>
#include <vector>

namespace loupe {

/// An `--anchors` setting that cannot be used, with the reason a person can act on.
class AnchorError : public std::runtime_error {
public:
    explicit AnchorError(const QString &message)
        : std::runtime_error(message.toStdString())
    {
    }
    QString message() const { return QString::fromStdString(what()); }
};

/// The anchor shapes of a feature-pyramid detector, in pixels at the model's input scale.
/// Level l has anchors of side sizes[l] × scale for every scale, shaped by every ratio (height / width,
/// area kept: w = s / √r, h = s · √r, torchvision's convention).
struct AnchorConfig {
    std::vector<int> strides; ///< one per pyramid level, finest first
    std::vector<double> sizes; ///< one per level
    std::vector<double> scales; ///< the same on every level
    std::vector<double> ratios; ///< the same on every level

    /// RetinaNet's: strides 8–128, sizes 32–512, scales 2^0, 2^(1/3), 2^(2/3), ratios 0.5, 1, 2.
    static AnchorConfig retinaNet();
    int anchorsPerLevel() const { return int(scales.size() * ratios.size()); }
    /// Every anchor's (width, height), level by level.
    std::vector<QSizeF> shapes() const;
    /// "32,64,128,256,512:0.5,1,2", the form parseAnchorSetting() reads (sizes rounded to 0.1 px).
    QString toString() const;
    /// {"strides", "sizes", "scales", "ratios", "text"}: how config.json records a detector's anchors.
    QJsonObject toJson() const;
    /// Reads toJson()'s form. Throws AnchorError when a list is missing or its lengths do not match.
    static AnchorConfig fromJson(const QJsonObject &json);
};

/// What `--anchors` asks for: tuning from the training boxes, or the given sizes and ratios.
struct AnchorSetting {
    bool automatic = true;
    AnchorConfig config; ///< the given anchors when not automatic (strides and scales from `levels`)
};

/// Parses "auto" or "SIZES:RATIOS" ("8,16,32,64,128:0.5,1,2"): one size per level of `levels` (its strides
/// and scales are kept), increasing; ratios positive. Throws AnchorError naming the text and the problem.
AnchorSetting parseAnchorSetting(const QString &text, const AnchorConfig &levels = AnchorConfig::retinaNet());

/// IoU of two boxes of these sizes placed on one centre.
double centredIou(const QSizeF &a, const QSizeF &b);

/// The share of boxes (w, h) whose best anchor has centred IoU ≥ `iou`; boxes without area are left out.
/// 0 when no box has area.
double anchorCoverage(const std::vector<QSizeF> &boxes, const AnchorConfig &anchors, double iou = 0.5);

/// The sizes of image boxes as the model sees them: each box clipped to the tile that holds most of it
/// (boxes keeping under half their area in every tile, and boxes without area, are left out), then
/// scaled by inputSize / tile size (the tile is resized to the input; an empty inputSize means no resize).
std::vector<QSizeF> boxSizesAtInputScale(
    const std::vector<QRectF> &imageBoxes, const TileGrid &grid, const QSizeF &inputSize);

/// Anchors tuned from box sizes, with the coverage before and after.
struct AnchorTuningResult {
    AnchorConfig initial;
    double initialCoverage = 0;
    AnchorConfig tuned;
    double tunedCoverage = 0;
    double tunedMeanIou = 0; ///< mean over boxes of the best anchor's IoU
    int boxes = 0; ///< boxes with area that were counted
    int skipped = 0; ///< boxes without area, left out
    /// One line for the log: the tuned anchors and both coverages.
    QString describe() const;
};

/// Chooses the level sizes (doubling from level to level, as the strides do) and the ratios that cover most
/// boxes, then the highest mean best-anchor IoU among equals; the scales and strides of `initial` stay.
/// Candidates: the base size from quantiles of √(w·h) divided by each level's and scale's factor and a
/// 2^(1/12) grid from 1 to 512 px; ratios as given, from quantiles of h/w, and from 1-D k-means on log(h/w).
/// The initial anchors are a candidate too, so the tuned coverage is never lower.
AnchorTuningResult tuneAnchors(
    const std::vector<QSizeF> &boxes, const AnchorConfig &initial = AnchorConfig::retinaNet());

} // namespace loupe
