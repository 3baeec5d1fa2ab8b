// Internal header: includes LibTorch, so only core .cpp files (and core's tests) may include it.
#pragma once

#include "model/Models.h"

#include <torch/torch.h>

#include <memory>
#include <string>
#include <vector>

namespace loupe {

/// A semantic segmentation network and what it is built from.
struct SegmenterSpec {
    std::string arch = "resnet18"; ///< the encoder: resnet18, resnet34 or resnet50
    int numClasses = 2;             ///< output classes, background (0) included
    int inChannels = 3;
    /// Width of the decoder's pyramid. 64 keeps the decoder a small share of a step on a CPU (the
    /// encoder is most of it); wider decoders measured no better on small inspection sets.
    int decoderChannels = 64;
    /// Width of the full-resolution refinement that puts the logits back on pixel edges.
    int refineChannels = 16;
};

/// The encoders a segmenter can be built on, in the order the UI lists them.
std::vector<std::string> segmenterArchitectures();

/// Encoder–decoder for semantic segmentation: a ResNet with torchvision's names under
/// "backbone.body." (so an ImageNet classifier's weights initialise it), a feature-pyramid decoder
/// ("decoder."), and a head ("head.") that gives logits at the input's full resolution.
///
/// Why FPN rather than U-Net: a U-Net decoder concatenates each skip and runs two 3×3 convolutions
/// at every scale with the encoder's widths (512 → 64 channels), which on a CPU costs about as much
/// as the encoder. The FPN form takes every stage through a 1×1 lateral convolution to one narrow
/// width, adds them top-down, and runs one 3×3 convolution at stride 4: skip connections from every
/// stage at a fraction of the cost. Thin defects (a 1–2 px scratch) would blur in a ×4 upsampling
/// of stride-4 logits, so a light refinement at full resolution follows: the upsampled features,
/// narrowed to `refineChannels`, beside a 3×3 convolution of the image itself, then one 3×3 and a
/// 1×1 to the classes. No batch norm in the decoder: small batches of tiles would make its
/// statistics noisy, and the encoder's already normalise what the decoder sees.
class SegmenterImpl : public NetworkImpl
{
public:
    explicit SegmenterImpl(const SegmenterSpec &spec);

    /// x is [N, C, H, W] with H, W at least kMinInputSize; float32 logits [N, numClasses, H, W],
    /// computed in the compute mode.
    torch::Tensor forward(torch::Tensor x);

    const SegmenterSpec &segmenterSpec() const { return m_spec; }

    std::string headPrefix() const override { return "head.logits"; }
    std::string firstConvWeight() const override { return "backbone.body.conv1.weight"; }
    std::string backbonePrefix() const override { return "backbone.body."; }
    void resetHead() override;

private:
    SegmenterSpec m_spec;
    std::shared_ptr<ClassifierImpl> m_body;
    torch::nn::ModuleList m_lateral{nullptr}; ///< 1×1, one per encoder stage (strides 4 to 32)
    torch::nn::Conv2d m_smooth{nullptr};      ///< 3×3 on the merged stride-4 map
    torch::nn::Conv2d m_narrow{nullptr};      ///< 1×1 to the refinement's width before upsampling
    torch::nn::Conv2d m_image{nullptr};       ///< 3×3 on the input image, the full-resolution skip
    torch::nn::Conv2d m_refine{nullptr};      ///< 3×3 at full resolution over both
    torch::nn::Conv2d m_logits{nullptr};      ///< 1×1 to the classes
};

/// A batch's loss and its parts.
struct SegmentationLoss {
    torch::Tensor total;
    torch::Tensor crossEntropy; ///< per-pixel, class-weighted, pixels marked 255 left out
    torch::Tensor dice;         ///< 1 − mean soft Dice over the classes after background; undefined when off
};

/// The loss of logits [N, K, H, W] against targets [N, H, W] int64 (0..K−1, 255 ignored):
/// cross-entropy weighted by `classWeights` ([K] float; undefined = equal), plus soft Dice over the
/// batch when `dice` (it pulls thin, rare classes up where cross-entropy settles for background).
SegmentationLoss segmentationLoss(const torch::Tensor &logits, const torch::Tensor &targets,
                                  const torch::Tensor &classWeights, bool dice);

/// Builds a freshly initialised segmenter. Throws std::invalid_argument for an encoder without
/// stages (the message lists the ones that have them) or fewer than two classes.
std::shared_ptr<SegmenterImpl> makeSegmenter(const SegmenterSpec &spec);

} // namespace loupe
