#pragma once
// Internal to core: includes LibTorch. Only core .cpp files may include this header.

#include "StopToken.h"
#include "eval/DetectionMetrics.h"
#include "eval/TileSetup.h"
#include "imaging/Tiling.h"
#include "loader/DataLoader.h"
#include "model/Detector.h"

#include <QJsonObject>
#include <QRect>
#include <QString>

#include <optional>
#include <vector>

namespace loupe {

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
