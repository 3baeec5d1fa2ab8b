#pragma once
// Internal to core: includes LibTorch. Only core .cpp files may include this header.

#include "StopToken.h"
#include "eval/DetectionMetrics.h"
#include "imaging/Tiling.h"
#include "loader/DataLoader.h"
#include "model/Detector.h"

#include <QJsonObject>
#include <QRect>
#include <QString>

#include <optional>
#include <vector>

namespace loupe {

/// How a detector sees an image: R×C tiles with an overlap over a region of interest (the whole image
/// by default), each tile resized to the model's input.
struct TileSetup {
    TileCount tiles;
    int overlap = 0;
    std::optional<QRect> roi;

    bool isWholeImage() const { return tiles.rows == 1 && tiles.cols == 1 && !roi; }
    /// "2x2 tiles, overlap 32 px, region 0,0,800,600"
    QString describe() const;
    QJsonObject toJson() const;
    /// Reads toJson()'s form; missing keys give the whole image.
    static TileSetup fromJson(const QJsonObject &json);
};

/// An image's size as the tiles need it: the scanned header, or the file's header read now.
/// Empty when neither is known.
QSize imageSizeOf(const Dataset &dataset, int sample);

/// The tile grid of one image. Throws TilingError when the setup does not fit the image.
TileGrid tileGridFor(const Dataset &dataset, int sample, const TileSetup &setup);

/// One loader item per tile of each image (whole images when the setup has none), in image order.
/// Images whose size is unknown or whose grid does not fit are left out and named in `skipped`.
void tileItems(const Dataset &dataset, const std::vector<int> &images, const TileSetup &setup,
               std::vector<int> &indices, std::vector<QRect> &regions, std::vector<BadFile> *skipped = nullptr);

/// A batch's objects as detection targets (crowd regions and boxes without area left out).
std::vector<DetectionTarget> detectionTargets(const Batch &batch);

/// The ground truth of some images for COCO scoring: image id = sample index + 1, category id =
/// class index + 1, crowd regions kept as COCO's ignored boxes.
DetectionGroundTruth detectionGroundTruth(const Dataset &dataset, const std::vector<int> &images);

/// A detector's answers on every image a loader of tile items (tileItems) yields.
struct DetectionEvalOutput {
    double loss = 0; ///< mean over tiles of the loss against the tiles' targets
    double classificationLoss = 0;
    double boxLoss = 0;
    std::vector<int> images; ///< samples evaluated, in order
    /// Per image, merged across its tiles, in the image's pixels: image id = sample + 1,
    /// category id = class + 1, file name = the sample's path.
    std::vector<CocoDetection> detections;
    DetectionMetrics metrics; ///< COCO's, over `images`
    bool complete = true;
};

/// Runs the detector in eval mode without gradients over one pass of the loader (items from
/// tileItems with the same setup), merges each image's tiles and scores the images with COCO's rules.
/// The loss against the tiles' targets (anchor matching on every tile) only `withLoss`: the dev pass
/// of training needs it, prediction does not.
DetectionEvalOutput evaluateDetector(DetectorImpl &model, DataLoader &loader, const Dataset &dataset,
                                     const TileSetup &setup, const torch::Tensor &classWeights = {},
                                     const StopToken *stop = nullptr, const DecodeOptions &decode = {},
                                     bool withLoss = true);

} // namespace loupe
