// Internal header: includes LibTorch, so only core .cpp files (and core's tests) may include it.
#pragma once

#include "imaging/Tiling.h"
#include "model/AnchorTuning.h"
#include "model/Models.h"

#include <torch/torch.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace loupe {

/// A one-stage detector of the RetinaNet family and what it is built from.
struct DetectorSpec {
    std::string arch = "resnet18"; ///< the backbone: resnet18, resnet34 or resnet50
    int numClasses = 1;             ///< object classes (no background class: scores are sigmoids)
    int inChannels = 3;
    /// One pyramid level per stride (4 to 128, doubling, finest first), with its anchor shapes.
    AnchorConfig anchors = AnchorConfig::retinaNet();
    /// Width of the pyramid and the heads. RetinaNet's 256 channels and four convolutions per head
    /// cost most of a step on a CPU; 128 and two measured as good on small inspection sets.
    int pyramidChannels = 128;
    int headConvs = 2;
};

/// The backbones a detector can be built on, in the order the UI lists them.
std::vector<std::string> detectorArchitectures();

/// The raw outputs for a batch, every anchor of every level in one list (level, row, column, anchor).
struct DetectorOutput {
    torch::Tensor classLogits; ///< [N, anchors, classes], float32
    torch::Tensor boxDeltas;   ///< [N, anchors, 4] (dx, dy, dw, dh) against each anchor, float32
    torch::Tensor anchors;     ///< [anchors, 4] x1, y1, x2, y2 in input pixels
    int height = 0;            ///< of the input, for clipping boxes
    int width = 0;
};

/// The targets of one image: boxes x1, y1, x2, y2 in input pixels [M, 4] float, classes [M] int64.
struct DetectionTarget {
    torch::Tensor boxes;
    torch::Tensor classes;
};

/// The loss of a batch and its named parts (the plot draws each).
struct DetectionLoss {
    torch::Tensor total;
    torch::Tensor classification; ///< sigmoid focal loss (α 0.25, γ 2) over every anchor not ignored
    torch::Tensor box;            ///< L1 on the box deltas of the positive anchors
    int positives = 0;            ///< anchors matched to an object
};

/// How outputs become boxes.
struct DecodeOptions {
    float scoreThreshold = 0.05f; ///< low, as COCO scoring expects; the window filters further
    int candidates = 1000;        ///< highest-scoring anchors kept before NMS, per image
    double nmsIou = 0.5;          ///< per class
    int maxDetections = 100;      ///< per image, COCO's limit
};

/// RetinaNet-style detector: a ResNet body with torchvision's names under "backbone.body.", a
/// feature pyramid ("backbone.fpn."), and one classification and one box head shared by every level
/// ("head."). Anchors follow the spec's AnchorConfig; each (level, position) has every scale × ratio.
/// Matching: IoU ≥ 0.5 is an object, < 0.4 background, between ignored; every object also takes the
/// anchors of its highest IoU, however low (small objects would otherwise have none).
class DetectorImpl : public NetworkImpl
{
public:
    explicit DetectorImpl(const DetectorSpec &spec);

    /// x is [N, C, H, W] with H, W at least kMinInputSize; computed in the compute mode, float32 out.
    DetectorOutput forward(torch::Tensor x);
    /// The loss against per-image targets; `classWeights` ([classes] float, may be undefined) scales
    /// each positive anchor's classification loss by its object's class weight.
    DetectionLoss loss(const DetectorOutput &output, const std::vector<DetectionTarget> &targets,
                       const torch::Tensor &classWeights = {}) const;
    /// Boxes in input pixels, per image, by descending score, after per-class NMS.
    std::vector<std::vector<DetectedBox>> decode(const DetectorOutput &output, const DecodeOptions &options = {}) const;

    const DetectorSpec &detectorSpec() const { return m_spec; }
    /// The anchors for an input of this size, x1, y1, x2, y2 [anchors, 4]; cached per size.
    torch::Tensor anchorsFor(int height, int width) const;

    std::string headPrefix() const override { return "head.classification_head.cls_logits"; }
    std::string firstConvWeight() const override { return "backbone.body.conv1.weight"; }
    std::string backbonePrefix() const override { return "backbone.body."; }
    void resetHead() override;

private:
    DetectorSpec m_spec;
    std::shared_ptr<ClassifierImpl> m_body;
    torch::nn::ModuleList m_inner{nullptr};  ///< 1×1 lateral convolutions, one per backbone level
    torch::nn::ModuleList m_layer{nullptr};  ///< 3×3 output convolutions, one per backbone level
    torch::nn::ModuleList m_extra{nullptr};  ///< stride-2 convolutions for levels past the backbone's
    torch::nn::Sequential m_classTower{nullptr};
    torch::nn::Conv2d m_classLogits{nullptr};
    torch::nn::Sequential m_boxTower{nullptr};
    torch::nn::Conv2d m_boxDeltas{nullptr};
    std::vector<int> m_bodyStages; ///< which stage output (0 = stride 4) feeds each backbone level
    torch::Tensor anchorsForLevels(const std::vector<std::pair<int, int>> &levelSizes) const;
    mutable std::vector<std::pair<std::vector<std::pair<int, int>>, torch::Tensor>> m_anchorCache;
};

/// Builds a freshly initialised detector. Throws std::invalid_argument for a backbone that has no
/// pyramid levels (the message lists the ones that do), no classes, or strides that are not
/// 4, 8, … doubling.
std::shared_ptr<DetectorImpl> makeDetector(const DetectorSpec &spec);

/// IoU of every box in `a` [M, 4] with every box in `b` [K, 4] (x1, y1, x2, y2): [M, K].
torch::Tensor boxIouMatrix(const torch::Tensor &a, const torch::Tensor &b);

} // namespace loupe
