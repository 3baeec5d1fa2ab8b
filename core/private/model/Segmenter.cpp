#include "model/Segmenter.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <stdexcept>

namespace loupe {

namespace nn = torch::nn;

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::Segmenter)
};

nn::Conv2d conv(int in, int out, int kernel)
{
    return nn::Conv2d(nn::Conv2dOptions(in, out, kernel).padding(kernel / 2).bias(true));
}

/// He initialisation for a convolution followed by a ReLU, as torchvision's segmentation heads.
nn::Conv2d reluConv(int in, int out, int kernel)
{
    nn::Conv2d c = conv(in, out, kernel);
    torch::NoGradGuard noGrad;
    nn::init::kaiming_normal_(c->weight, 0.0, torch::kFanOut, torch::kReLU);
    nn::init::zeros_(c->bias);
    return c;
}

/// FPN's lateral convolutions (no activation after them): torchvision's kaiming_uniform_(a=1).
nn::Conv2d lateralConv(int in, int out)
{
    nn::Conv2d c = conv(in, out, 1);
    torch::NoGradGuard noGrad;
    nn::init::kaiming_uniform_(c->weight, /*a=*/1.0);
    nn::init::zeros_(c->bias);
    return c;
}

} // namespace

std::vector<std::string> segmenterArchitectures()
{
    return {"resnet18", "resnet34", "resnet50"};
}

SegmenterImpl::SegmenterImpl(const SegmenterSpec &spec)
    : NetworkImpl(ModelSpec{spec.arch, spec.numClasses, spec.inChannels})
    , m_spec(spec)
{
    const auto archs = segmenterArchitectures();
    if (std::find(archs.begin(), archs.end(), spec.arch) == archs.end()) {
        QStringList names;
        for (const auto &a : archs)
            names << QString::fromStdString(a);
        throw std::invalid_argument(Text::tr("a segmenter is built on %1, not %2")
                                        .arg(names.join(QLatin1String(", ")), QString::fromStdString(spec.arch))
                                        .toStdString());
    }
    if (spec.numClasses < 2)
        throw std::invalid_argument(
            Text::tr("a segmenter needs background and at least one class").toStdString());

    // The body is the classifier with torchvision's names; its one-output classifier is unused.
    m_body = makeModel(ModelSpec{spec.arch, 1, spec.inChannels});
    auto backbone = register_module("backbone", std::make_shared<nn::Module>());
    backbone->register_module("body", m_body);
    const std::vector<int> stages = m_body->stageChannels();
    const int d = spec.decoderChannels, r = spec.refineChannels;
    auto decoder = register_module("decoder", std::make_shared<nn::Module>());
    m_lateral = decoder->register_module("lateral", nn::ModuleList());
    for (int channels : stages)
        m_lateral->push_back(lateralConv(channels, d));
    m_smooth = decoder->register_module("smooth", reluConv(d, d, 3));
    m_narrow = decoder->register_module("narrow", reluConv(d, r, 1));
    auto head = register_module("head", std::make_shared<nn::Module>());
    m_image = head->register_module("image", reluConv(spec.inChannels, r, 3));
    m_refine = head->register_module("refine", reluConv(2 * r, r, 3));
    m_logits = head->register_module("logits", conv(r, spec.numClasses, 1));
    resetHead();
}

void SegmenterImpl::resetHead()
{
    torch::NoGradGuard noGrad;
    nn::init::normal_(m_logits->weight, 0.0, 0.01);
    nn::init::zeros_(m_logits->bias);
}

torch::Tensor SegmenterImpl::forward(torch::Tensor x)
{
    checkInput(x);
    const int64_t height = x.size(2), width = x.size(3);
    if (computeMode().channelsLast)
        x = x.contiguous(at::MemoryFormat::ChannelsLast);
    AutocastScope autocast(computeMode().bfloat16);
    const std::vector<torch::Tensor> stages = m_body->stageOutputs(x);

    // Top-down: each stage's lateral plus the coarser merged map, nearest-neighbour upsampled.
    const std::size_t n = stages.size();
    torch::Tensor p = m_lateral[n - 1]->as<nn::Conv2d>()->forward(stages[n - 1]);
    for (int l = int(n) - 2; l >= 0; --l) {
        const torch::Tensor lateral = m_lateral[std::size_t(l)]->as<nn::Conv2d>()->forward(stages[std::size_t(l)]);
        p = lateral
            + nn::functional::interpolate(p, nn::functional::InterpolateFuncOptions()
                                                 .size(std::vector<int64_t>{lateral.size(2), lateral.size(3)})
                                                 .mode(torch::kNearest));
    }
    p = torch::relu(m_narrow(torch::relu(m_smooth(p))));
    p = nn::functional::interpolate(p, nn::functional::InterpolateFuncOptions()
                                           .size(std::vector<int64_t>{height, width})
                                           .mode(torch::kBilinear)
                                           .align_corners(false));
    torch::Tensor image = torch::relu(m_image(x));
    // Autocast may leave the two in different types; the concatenation needs one.
    image = image.to(p.scalar_type());
    const torch::Tensor refined = torch::relu(m_refine(torch::cat({p, image}, 1)));
    return m_logits(refined).to(torch::kFloat32).contiguous();
}

SegmentationLoss segmentationLoss(const torch::Tensor &logits, const torch::Tensor &targets,
                                  const torch::Tensor &classWeights, bool dice)
{
    constexpr int64_t kIgnore = 255;
    /// Keeps Dice finite for a class with no pixel in the batch, truth or prediction.
    constexpr double kDiceSmooth = 1.0;
    SegmentationLoss out;
    const torch::Tensor valid = targets != kIgnore;
    if (valid.sum().item<int64_t>() == 0) {
        // Nothing to learn from in this batch (every pixel ignored): a zero that keeps the graph.
        out.crossEntropy = logits.sum() * 0.0;
    } else {
        auto options = nn::functional::CrossEntropyFuncOptions().ignore_index(kIgnore);
        if (classWeights.defined())
            options.weight(classWeights.to(logits.scalar_type()));
        out.crossEntropy = nn::functional::cross_entropy(logits, targets, options);
    }
    out.total = out.crossEntropy;
    const int64_t classes = logits.size(1);
    if (dice && classes > 1) {
        const torch::Tensor probs = torch::softmax(logits, 1);
        const torch::Tensor v = valid.unsqueeze(1).to(probs.scalar_type());
        const torch::Tensor oneHot
            = torch::one_hot(targets.masked_fill(~valid, 0), classes).permute({0, 3, 1, 2}).to(probs.scalar_type()) * v;
        const torch::Tensor p = probs * v;
        const torch::Tensor intersection = (p * oneHot).sum({0, 2, 3});
        const torch::Tensor sizes = p.sum({0, 2, 3}) + oneHot.sum({0, 2, 3});
        const torch::Tensor perClass = (2.0 * intersection + kDiceSmooth) / (sizes + kDiceSmooth);
        out.dice = 1.0 - perClass.slice(0, 1).mean();
        out.total = out.total + out.dice;
    }
    return out;
}

std::shared_ptr<SegmenterImpl> makeSegmenter(const SegmenterSpec &spec)
{
    return std::make_shared<SegmenterImpl>(spec);
}

} // namespace loupe
