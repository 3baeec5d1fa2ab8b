// Internal header: includes LibTorch, so only core .cpp files (and core's tests) may include it, never widgets or app.
#pragma once

#include "model/Precision.h"

#include <torch/torch.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace loupe {

class GraphBuilder;

/// Which backbone to build and the shape of its input and output.
struct ModelSpec {
    std::string arch = "resnet18"; ///< resnet18, resnet34, resnet50, vgg16, vgg19 (VGG with batch norm)
    int numClasses = 2;
    int inChannels = 3; ///< 1 (grey) or 3 (RGB)
};

/// The architectures makeModel knows, in the order the UI lists them.
std::vector<std::string> knownArchitectures();

/// Smallest input side the networks accept: VGG halves the image five times.
constexpr int kMinInputSize = 32;

/// How the forward pass computes. Parameters, gradients and optimizer state stay float32 either
/// way; only activations change.
struct ComputeMode {
    bool bfloat16 = false;     ///< LibTorch's CPU autocast to bfloat16 around every forward pass
    bool channelsLast = false; ///< NHWC activations and convolution weights (oneDNN's own layout)
};

/// A network Loupe trains: the part every task shares (weights by torchvision's names, the compute
/// mode, the head a new class list re-initialises). Checkpoints and weight import work on it.
struct NetworkImpl : torch::nn::Module {
    /// Sets how forward passes compute; channels-last converts the 4-D parameters in place (their
    /// values and names stay; saved weights load into either layout). Call before making the optimizer.
    void setComputeMode(ComputeMode mode);
    ComputeMode computeMode() const { return m_compute; }
    /// Prefix of the head's parameter names that a file for another class count may not fit:
    /// "fc", "classifier.6", a detector's class logits.
    virtual std::string headPrefix() const = 0;
    /// Name of the first convolution's weight, the one that sees the image channels.
    virtual std::string firstConvWeight() const = 0;
    /// Re-initialises the head as torchvision does for a fresh model.
    virtual void resetHead() = 0;
    /// Where a backbone's weights sit in this network ("backbone.body." in a detector, "" in a
    /// classifier): a file holding only a backbone (a classifier's ImageNet weights) initialises
    /// those names, and the parts around it stay freshly initialised.
    virtual std::string backbonePrefix() const { return {}; }

    const ModelSpec &spec() const { return m_spec; }

protected:
    explicit NetworkImpl(ModelSpec spec)
        : m_spec(std::move(spec))
    {
    }
    void checkInput(const torch::Tensor &x) const;

private:
    ModelSpec m_spec;
    ComputeMode m_compute;
};

/// An image classifier whose parameter and buffer names are torchvision's, so weights exported
/// from PyTorch load by name.
struct ClassifierImpl : NetworkImpl {
    /// x is [N, inChannels, H, W] with H, W >= kMinInputSize; returns float32 logits [N, numClasses],
    /// computed in the model's compute mode. Throws std::invalid_argument for any other shape.
    torch::Tensor forward(torch::Tensor x);
    /// The last convolutional stage's activations [N, C, h, w] (ResNet layer4, VGG features), where
    /// Grad-CAM looks, as float32. Checks x as forward does.
    torch::Tensor features(torch::Tensor x);
    /// Float32 logits from features(x): forward(x) is exactly classify(features(x)).
    torch::Tensor classify(torch::Tensor features);
    /// The outputs of the four stages (strides 4, 8, 16 and 32), as a feature pyramid takes them,
    /// in the compute mode's dtype; called inside the caller's compute scope. Empty for a backbone
    /// that has none to give.
    virtual std::vector<torch::Tensor> stageOutputs(torch::Tensor x) { (void)x; return {}; }
    /// Channels of stageOutputs(), finest first; empty when it gives none.
    virtual std::vector<int> stageChannels() const { return {}; }

    /// Adds the inference pass to an export graph (ExportGraph.h), from the value x of
    /// height × width pixels; returns the name of the logits.
    virtual std::string describe(GraphBuilder &graph, const std::string &x, std::int64_t height,
                                 std::int64_t width) = 0;

protected:
    explicit ClassifierImpl(ModelSpec spec)
        : NetworkImpl(std::move(spec))
    {
    }
    /// The backbone and the head, called by features() and classify() inside the compute mode.
    virtual torch::Tensor computeFeatures(torch::Tensor x) = 0;
    virtual torch::Tensor computeLogits(torch::Tensor features) = 0;
};

/// LibTorch's CPU autocast to bfloat16 for one scope, as torch.autocast("cpu") does in Python:
/// the state is per thread, and the cache of weights cast to bfloat16 is dropped when the
/// outermost scope ends (the optimizer changes the weights before the next forward pass).
class AutocastScope
{
public:
    explicit AutocastScope(bool enable);
    ~AutocastScope();
    AutocastScope(const AutocastScope &) = delete;
    AutocastScope &operator=(const AutocastScope &) = delete;

private:
    bool m_enable = false;
    bool m_wasEnabled = false;
    at::ScalarType m_previousType = at::kBFloat16;
};

/// The compute mode for a backbone in a precision: bfloat16 autocast when asked, channels-last
/// for the backbones where it was measured faster.
ComputeMode computeModeFor(const std::string &arch, Precision precision);

/// Builds a freshly initialised model (torchvision's init). Throws std::invalid_argument for an
/// unknown arch (the message lists the known ones), numClasses < 1 or inChannels other than 1 or 3.
std::shared_ptr<ClassifierImpl> makeModel(const ModelSpec &spec);

/// Every parameter and buffer with its full name, in torchvision's state_dict order.
std::vector<std::pair<std::string, torch::Tensor>> namedState(const torch::nn::Module &model);

/// What importWeights did, for the log and the UI.
struct ImportReport {
    std::vector<std::string> loaded; ///< names copied from the file
    std::vector<std::string> reinitialised; ///< names left freshly initialised (head of another size)
    std::vector<std::string> notes; ///< one sentence each: head reset, channels summed, unused entries
};

/// Loads weights by name from a TorchScript file (torch.jit.script(model).save / torch.jit.save in
/// Python) or a file written by saveWeights. A head of another size is re-initialised; an RGB first
/// conv going into a grey model is summed over its channels; anything else that does not fit throws
/// WeightImportError (WeightImportError.h) naming the parameter and both shapes. The model is
/// unchanged when it throws.
ImportReport importWeights(NetworkImpl &model, const std::string &file);

/// Writes every parameter and buffer so importWeights reads them back bit for bit. Writes to
/// file + ".tmp" and renames, so an interrupted save never leaves a half-written file.
/// Throws std::runtime_error when the file cannot be written.
void saveWeights(NetworkImpl &model, const std::string &file);

/// Writes an archive to file + ".tmp", checking every write, syncs it to disk and renames it over
/// file: a kill, a power cut or a full disk leaves the previous file as it was. Throws
/// std::runtime_error with the system's reason ("No space left on device") when it cannot.
void saveArchiveAtomically(torch::serialize::OutputArchive &archive, const std::string &file);

} // namespace loupe
