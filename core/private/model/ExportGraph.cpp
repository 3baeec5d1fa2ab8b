#include "model/ExportGraph.h"

#include "model/Models.h"

#include <QCoreApplication>
#include <QString>

#include <stdexcept>

namespace loupe {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::ModelExport)
};

const char *kindName(GraphOp::Kind kind)
{
    switch (kind) {
    case GraphOp::Kind::Normalize: return "normalize";
    case GraphOp::Kind::Conv: return "conv";
    case GraphOp::Kind::BatchNorm: return "batchnorm";
    case GraphOp::Kind::Relu: return "relu";
    case GraphOp::Kind::MaxPool: return "maxpool";
    case GraphOp::Kind::Add: return "add";
    case GraphOp::Kind::GlobalAveragePool: return "avgpool";
    case GraphOp::Kind::AdaptiveAveragePool: return "avgpool";
    case GraphOp::Kind::Flatten: return "flatten";
    case GraphOp::Kind::Linear: return "linear";
    case GraphOp::Kind::Softmax: return "softmax";
    }
    return "op";
}

std::array<std::int64_t, 2> pair(const torch::ExpandingArray<2> &a)
{
    return {(*a)[0], (*a)[1]};
}

} // namespace

const torch::Tensor &ExportGraph::tensor(const std::string &name) const
{
    const auto it = tensors.find(name);
    if (it == tensors.end())
        throw std::logic_error("export graph: no tensor " + name);
    return it->second;
}

std::string GraphBuilder::push(GraphOp op)
{
    op.output = std::string(kindName(op.kind)) + "_" + std::to_string(m_graph.ops.size());
    m_graph.ops.push_back(std::move(op));
    return m_graph.ops.back().output;
}

std::string GraphBuilder::conv(const std::string &x, const std::string &module, const torch::nn::Conv2dImpl &conv)
{
    const auto &o = conv.options;
    const auto *padding = c10::get_if<torch::ExpandingArray<2>>(&o.padding());
    if (!padding || pair(o.dilation()) != std::array<std::int64_t, 2>{1, 1} || o.groups() != 1)
        throw std::logic_error("export graph: " + module + " is not a plain convolution");
    GraphOp op;
    op.kind = GraphOp::Kind::Conv;
    op.inputs = {x};
    op.module = module;
    op.kernel = pair(o.kernel_size());
    op.stride = pair(o.stride());
    op.padding = pair(*padding);
    op.bias = conv.bias.defined();
    return push(std::move(op));
}

std::string GraphBuilder::batchNorm(const std::string &x, const std::string &module, const torch::nn::BatchNorm2dImpl &norm)
{
    GraphOp op;
    op.kind = GraphOp::Kind::BatchNorm;
    op.inputs = {x};
    op.module = module;
    op.epsilon = norm.options.eps();
    return push(std::move(op));
}

std::string GraphBuilder::relu(const std::string &x)
{
    GraphOp op;
    op.kind = GraphOp::Kind::Relu;
    op.inputs = {x};
    return push(std::move(op));
}

std::string GraphBuilder::maxPool(const std::string &x, const torch::nn::MaxPool2dImpl &pool)
{
    const auto &o = pool.options;
    if (o.ceil_mode() || pair(o.dilation()) != std::array<std::int64_t, 2>{1, 1})
        throw std::logic_error("export graph: max pooling with ceil mode or dilation");
    GraphOp op;
    op.kind = GraphOp::Kind::MaxPool;
    op.inputs = {x};
    op.kernel = pair(o.kernel_size());
    op.stride = pair(o.stride());
    op.padding = pair(o.padding());
    return push(std::move(op));
}

std::string GraphBuilder::add(const std::string &a, const std::string &b)
{
    GraphOp op;
    op.kind = GraphOp::Kind::Add;
    op.inputs = {a, b};
    return push(std::move(op));
}

std::string GraphBuilder::globalAveragePool(const std::string &x)
{
    GraphOp op;
    op.kind = GraphOp::Kind::GlobalAveragePool;
    op.inputs = {x};
    return push(std::move(op));
}

std::string GraphBuilder::adaptiveAveragePool(const std::string &x, std::array<std::int64_t, 2> inSize,
                                              std::array<std::int64_t, 2> outSize)
{
    GraphOp op;
    op.kind = GraphOp::Kind::AdaptiveAveragePool;
    op.inputs = {x};
    op.inSize = inSize;
    op.outSize = outSize;
    return push(std::move(op));
}

std::string GraphBuilder::flatten(const std::string &x)
{
    GraphOp op;
    op.kind = GraphOp::Kind::Flatten;
    op.inputs = {x};
    return push(std::move(op));
}

std::string GraphBuilder::linear(const std::string &x, const std::string &module, const torch::nn::LinearImpl &linear)
{
    GraphOp op;
    op.kind = GraphOp::Kind::Linear;
    op.inputs = {x};
    op.module = module;
    op.bias = linear.bias.defined();
    return push(std::move(op));
}

ExportGraph describeForExport(ClassifierImpl &model, std::int64_t height, std::int64_t width,
                              const std::vector<float> &mean, const std::vector<float> &stdDev)
{
    if (height < kMinInputSize || width < kMinInputSize)
        throw std::invalid_argument(Text::tr("the model takes images of at least %1 x %1 pixels, not %2 x %3")
                                        .arg(kMinInputSize)
                                        .arg(width)
                                        .arg(height)
                                        .toStdString());
    ExportGraph graph;
    graph.channels = model.spec().inChannels;
    graph.classes = model.spec().numClasses;
    graph.height = height;
    graph.width = width;
    {
        torch::NoGradGuard noGrad;
        for (const auto &[name, t] : namedState(model)) {
            graph.tensors.emplace(name, (t.is_floating_point() ? t.detach().to(torch::kFloat) : t.detach()).contiguous().clone());
            graph.order.push_back(name);
        }
        for (const auto &b : model.named_buffers(/*recurse=*/true))
            graph.buffers.insert(b.key());
    }
    std::string x = graph.input;
    if (!mean.empty()) {
        GraphOp op;
        op.kind = GraphOp::Kind::Normalize;
        op.inputs = {x};
        op.output = "normalized";
        op.mean = mean;
        op.stdDev = stdDev;
        op.mean.resize(std::size_t(graph.channels), mean.back());
        op.stdDev.resize(std::size_t(graph.channels), stdDev.back());
        graph.ops.push_back(op);
        x = op.output;
    }
    GraphBuilder builder(graph);
    const std::string logits = model.describe(builder, x, height, width);
    if (graph.ops.empty() || graph.ops.back().output != logits)
        throw std::logic_error("export graph: the logits are not the last step's output");
    graph.ops.back().output = "logits"; // the documented name
    GraphOp softmax;
    softmax.kind = GraphOp::Kind::Softmax;
    softmax.inputs = {"logits"};
    softmax.output = "probabilities";
    graph.ops.push_back(softmax);
    graph.outputs = {"logits", "probabilities"};
    return graph;
}

} // namespace loupe
