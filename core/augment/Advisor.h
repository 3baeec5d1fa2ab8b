#pragma once

// The augmentation advisor: the practice's "review the transformed images" checks, run before a
// training run instead of after it. Geometry is computed from the steps' parameters at their
// extremes (no pixels); saturation is measured on a few real images decoded at reduced scale.

#include "augment/Pipeline.h"
#include "augment/TileAdvice.h"
#include "dataset/Dataset.h"
#include "dataset/DatasetStats.h"

#include <QString>

#include <optional>
#include <vector>

namespace loupe {

enum class AugmentWarningKind {
    TinyObjects,   ///< objects end smaller than 5×5 px after resizing, cropping and scaling
    TilesOrRegion, ///< boxes end under 5×5 px at the detector's input; tiles or a region of interest keep them
    Saturation,    ///< brightness, contrast or gamma push a large share of pixels to 0 or 255
    RotatedWide,   ///< 90° rotation of images with aspect 3:1 or more
    BlurErases,    ///< blur sigma comparable to the smallest objects at that point
    CropCutsObjects, ///< a crop, tile, translation or zoom can leave objects out of the image
};

/// One finding: what, with numbers, the images concerned and what to do about it.
struct AugmentWarning {
    AugmentWarningKind kind = AugmentWarningKind::TinyObjects;
    QString message;    ///< translated, with the figures
    QString suggestion; ///< translated; empty when nothing general fits
    int step = -1;      ///< index of the step to blame in Pipeline::steps(), -1 for several
    int count = 0;      ///< objects (or images, for image-level findings) concerned
    std::vector<int> samples; ///< dataset sample indices concerned, most at risk first
};

struct AdvisorOptions {
    int minObjectPx = kMinVisibleObjectPx; ///< an object's shorter side must stay at least this
    double saturationShare = 0.25;         ///< warn when the extreme setting clips more than this share
    int saturationImages = 6;              ///< images decoded for the saturation estimate
    double wideAspect = 3.0;               ///< long side / short side that makes an image "wide"
    double rotateDegrees = 45.0;           ///< a rotate step reaching this counts as turning the image over
    double cutShare = 0.5;                 ///< an object losing more than this share of its box counts as cut
    /// The detector's input, tiles and region: with it, boxes that end under minObjectPx there bring a
    /// recommendation of tiles or a region of interest (adviseTiles). Without it, no such check.
    std::optional<TileAdviceOptions> tiling;
};

/// Checks a training pipeline against a dataset. Needs the image sizes from the header scan
/// (samples with width 0 are skipped) and reads a few images for the saturation estimate; never
/// throws for broken images (they are skipped). Warnings come in AugmentWarningKind order.
std::vector<AugmentWarning> advise(const Pipeline &pipeline, const Dataset &dataset, const DatasetStats &stats,
                                   const AdvisorOptions &options = {});

/// A short name for a warning kind ("Objects too small"), translated.
QString warningTitle(AugmentWarningKind kind);

} // namespace loupe
