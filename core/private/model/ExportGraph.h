// Internal header: includes LibTorch, so only core .cpp files (and core's tests) may include it.
#pragma once

#include <torch/torch.h>

#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace loupe {

struct ClassifierImpl;

/// One step of a network's inference pass on named values. Parameters are named as in the model's
/// state dict: a step's `module` is their prefix ("layer1.0.conv1" → "layer1.0.conv1.weight").
struct GraphOp {
    enum class Kind {
        Normalize,           ///< (x - mean) / std per channel
        Conv,                ///< 2-D convolution, bias when the module has one
        BatchNorm,           ///< inference batch norm with the running statistics
        Relu,
        MaxPool,             ///< floor mode
        Add,                 ///< two inputs, same shape
        GlobalAveragePool,   ///< [N, C, h, w] → [N, C, 1, 1]
        AdaptiveAveragePool, ///< PyTorch's adaptive average pooling from `inSize` to `outSize`
        Flatten,             ///< [N, C, 1, 1...] → [N, C·…]
        Linear,              ///< x · weightᵀ + bias
        Softmax,             ///< over dimension 1
    };
    Kind kind = Kind::Relu;
    std::vector<std::string> inputs;
    std::string output;
    std::string module;
    std::array<std::int64_t, 2> kernel{1, 1};
    std::array<std::int64_t, 2> stride{1, 1};
    std::array<std::int64_t, 2> padding{0, 0};
    bool bias = false;                          ///< Conv, Linear
    double epsilon = 1e-5;                      ///< BatchNorm
    std::array<std::int64_t, 2> inSize{1, 1};   ///< AdaptiveAveragePool
    std::array<std::int64_t, 2> outSize{1, 1};  ///< AdaptiveAveragePool
    std::vector<float> mean, stdDev;            ///< Normalize, one per channel
};

/// A classifier's inference pass, float32, as the ONNX and TorchScript writers translate it: the
/// one description both formats are made from.
struct ExportGraph {
    std::string input = "image";
    std::int64_t channels = 3, height = 0, width = 0;
    std::int64_t classes = 0; ///< the outputs' second dimension
    std::vector<GraphOp> ops;
    std::vector<std::string> outputs; ///< "logits" then "probabilities"
    /// Every parameter and buffer of the model by state-dict name, contiguous; floating ones as
    /// float32 (the batch-norm step counters stay int64).
    std::map<std::string, torch::Tensor> tensors;
    std::vector<std::string> order;  ///< the names in state-dict order
    std::set<std::string> buffers;   ///< the names that are buffers, not parameters

    const torch::Tensor &tensor(const std::string &name) const;
};

/// Builds a model's graph for inputs of height × width pixels in [0, 1] (8-bit value / 255); mean
/// and std, when given, become the first step. Throws std::invalid_argument when the size is under
/// kMinInputSize.
ExportGraph describeForExport(ClassifierImpl &model, std::int64_t height, std::int64_t width,
                              const std::vector<float> &mean, const std::vector<float> &stdDev);

/// Adds steps to a graph; the models describe their layers with it.
class GraphBuilder
{
public:
    explicit GraphBuilder(ExportGraph &graph)
        : m_graph(graph)
    {
    }
    std::string conv(const std::string &x, const std::string &module, const torch::nn::Conv2dImpl &conv);
    std::string batchNorm(const std::string &x, const std::string &module, const torch::nn::BatchNorm2dImpl &norm);
    std::string relu(const std::string &x);
    std::string maxPool(const std::string &x, const torch::nn::MaxPool2dImpl &pool);
    std::string add(const std::string &a, const std::string &b);
    std::string globalAveragePool(const std::string &x);
    std::string adaptiveAveragePool(const std::string &x, std::array<std::int64_t, 2> inSize,
                                    std::array<std::int64_t, 2> outSize);
    std::string flatten(const std::string &x);
    std::string linear(const std::string &x, const std::string &module, const torch::nn::LinearImpl &linear);

private:
    std::string push(GraphOp op);

    ExportGraph &m_graph;
};

} // namespace loupe
