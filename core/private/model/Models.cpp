#include "model/Models.h"

#include "AtomicFile.h"
#include "model/ExportGraph.h"
#include "model/StateDict.h"
#include "model/WeightImportError.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <ATen/autocast_mode.h>
#include <torch/script.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <system_error>

namespace loupe {

namespace {

/// Backbones that train faster with channels-last activations (bench/precision/README.md).
const std::array<std::string, 5> kChannelsLastArchitectures{"resnet18", "resnet34", "resnet50", "vgg16", "vgg19"};

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::Models)
};

namespace nn = torch::nn;

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

bool startsWith(const std::string &s, const std::string &prefix)
{
    return s.compare(0, prefix.size(), prefix) == 0;
}

bool endsWith(const std::string &s, const std::string &suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

QString shapeText(c10::IntArrayRef sizes)
{
    QStringList dims;
    for (const auto d : sizes)
        dims << QString::number(d);
    return QLatin1Char('[') + dims.join(QLatin1String(", ")) + QLatin1Char(']');
}

nn::Conv2d conv(int in, int out, int kernel, int stride, int padding, bool bias)
{
    return nn::Conv2d(nn::Conv2dOptions(in, out, kernel).stride(stride).padding(padding).bias(bias));
}

// torchvision's init for convolutions and batch norm; linear layers are left to the caller.
void initConvAndNorm(nn::Module &root)
{
    torch::NoGradGuard noGrad;
    for (auto &m : root.modules(/*include_self=*/false)) {
        if (auto *c = m->as<nn::Conv2d>()) {
            nn::init::kaiming_normal_(c->weight, 0.0, torch::kFanOut, torch::kReLU);
            if (c->bias.defined())
                nn::init::zeros_(c->bias);
        } else if (auto *b = m->as<nn::BatchNorm2d>()) {
            nn::init::ones_(b->weight);
            nn::init::zeros_(b->bias);
        }
    }
}

// ---- ResNet (torchvision.models.resnet, v1.5: the stride sits on the 3x3 conv) ----

/// A residual block's shortcut in an export graph: x itself, or its 1x1 convolution and batch norm.
std::string describeDownsample(GraphBuilder &g, const nn::Sequential &downsample, const std::string &x,
                               const std::string &prefix)
{
    if (!downsample)
        return x;
    return g.batchNorm(g.conv(x, prefix + "downsample.0", *downsample->ptr(0)->as<nn::Conv2d>()),
                       prefix + "downsample.1", *downsample->ptr(1)->as<nn::BatchNorm2d>());
}

struct BasicBlockImpl : nn::Module {
    static constexpr int kExpansion = 1;

    BasicBlockImpl(int inplanes, int planes, int stride)
    {
        conv1 = register_module("conv1", conv(inplanes, planes, 3, stride, 1, false));
        bn1 = register_module("bn1", nn::BatchNorm2d(planes));
        conv2 = register_module("conv2", conv(planes, planes, 3, 1, 1, false));
        bn2 = register_module("bn2", nn::BatchNorm2d(planes));
        if (stride != 1 || inplanes != planes * kExpansion)
            downsample = register_module("downsample",
                nn::Sequential(
                    conv(inplanes, planes * kExpansion, 1, stride, 0, false), nn::BatchNorm2d(planes * kExpansion)));
    }

    torch::Tensor forward(torch::Tensor x)
    {
        auto out = torch::relu(bn1(conv1(x)));
        out = bn2(conv2(out));
        out += downsample ? downsample->forward(x) : x;
        return torch::relu(out);
    }

    std::string describe(GraphBuilder &g, const std::string &x, const std::string &prefix) const
    {
        auto out = g.relu(g.batchNorm(g.conv(x, prefix + "conv1", *conv1), prefix + "bn1", *bn1));
        out = g.batchNorm(g.conv(out, prefix + "conv2", *conv2), prefix + "bn2", *bn2);
        return g.relu(g.add(out, describeDownsample(g, downsample, x, prefix)));
    }

    nn::Conv2d conv1 {nullptr}, conv2 {nullptr};
    nn::BatchNorm2d bn1 {nullptr}, bn2 {nullptr};
    nn::Sequential downsample {nullptr};
};
TORCH_MODULE(BasicBlock);

struct BottleneckImpl : nn::Module {
    static constexpr int kExpansion = 4;

    BottleneckImpl(int inplanes, int planes, int stride)
    {
        conv1 = register_module("conv1", conv(inplanes, planes, 1, 1, 0, false));
        bn1 = register_module("bn1", nn::BatchNorm2d(planes));
        conv2 = register_module("conv2", conv(planes, planes, 3, stride, 1, false));
        bn2 = register_module("bn2", nn::BatchNorm2d(planes));
        conv3 = register_module("conv3", conv(planes, planes * kExpansion, 1, 1, 0, false));
        bn3 = register_module("bn3", nn::BatchNorm2d(planes * kExpansion));
        if (stride != 1 || inplanes != planes * kExpansion)
            downsample = register_module("downsample",
                nn::Sequential(
                    conv(inplanes, planes * kExpansion, 1, stride, 0, false), nn::BatchNorm2d(planes * kExpansion)));
    }

    torch::Tensor forward(torch::Tensor x)
    {
        auto out = torch::relu(bn1(conv1(x)));
        out = torch::relu(bn2(conv2(out)));
        out = bn3(conv3(out));
        out += downsample ? downsample->forward(x) : x;
        return torch::relu(out);
    }

    std::string describe(GraphBuilder &g, const std::string &x, const std::string &prefix) const
    {
        auto out = g.relu(g.batchNorm(g.conv(x, prefix + "conv1", *conv1), prefix + "bn1", *bn1));
        out = g.relu(g.batchNorm(g.conv(out, prefix + "conv2", *conv2), prefix + "bn2", *bn2));
        out = g.batchNorm(g.conv(out, prefix + "conv3", *conv3), prefix + "bn3", *bn3);
        return g.relu(g.add(out, describeDownsample(g, downsample, x, prefix)));
    }

    nn::Conv2d conv1 {nullptr}, conv2 {nullptr}, conv3 {nullptr};
    nn::BatchNorm2d bn1 {nullptr}, bn2 {nullptr}, bn3 {nullptr};
    nn::Sequential downsample {nullptr};
};
TORCH_MODULE(Bottleneck);

class ResNetImpl : public ClassifierImpl {
public:
    template <typename Block>
    static std::shared_ptr<ResNetImpl> make(const ModelSpec &spec, const std::array<int, 4> &blocks)
    {
        auto net = std::shared_ptr<ResNetImpl>(new ResNetImpl(spec));
        net->build<Block>(blocks);
        return net;
    }

protected:
    torch::Tensor computeFeatures(torch::Tensor x) override
    {
        x = torch::relu(m_bn1(m_conv1(x)));
        x = m_maxpool(x);
        for (auto &layer : m_layers)
            x = layer->forward(x);
        return x;
    }

    torch::Tensor computeLogits(torch::Tensor features) override
    {
        return m_fc(torch::flatten(m_avgpool(features), 1));
    }

public:
    std::string describe(GraphBuilder &g, const std::string &input, std::int64_t, std::int64_t) override
    {
        auto x = g.relu(g.batchNorm(g.conv(input, "conv1", *m_conv1), "bn1", *m_bn1));
        x = g.maxPool(x, *m_maxpool);
        for (std::size_t i = 0; i < m_layers.size(); ++i) {
            for (std::size_t b = 0; b < m_layers[i]->size(); ++b) {
                const std::string prefix = "layer" + std::to_string(i + 1) + "." + std::to_string(b) + ".";
                const auto &block = m_layers[i]->ptr(b);
                if (const auto *basic = block->as<BasicBlock>())
                    x = basic->describe(g, x, prefix);
                else
                    x = block->as<Bottleneck>()->describe(g, x, prefix);
            }
        }
        return g.linear(g.flatten(g.globalAveragePool(x)), "fc", *m_fc);
    }

    std::vector<torch::Tensor> stageOutputs(torch::Tensor x) override
    {
        x = torch::relu(m_bn1(m_conv1(x)));
        x = m_maxpool(x);
        std::vector<torch::Tensor> out;
        for (std::size_t i = 0; i < m_layers.size(); ++i) {
            x = m_layers[i]->forward(x);
            out.push_back(x);
        }
        return out;
    }
    std::vector<int> stageChannels() const override { return m_stageChannels; }

    std::string headPrefix() const override { return "fc"; }
    std::string firstConvWeight() const override { return "conv1.weight"; }
    void resetHead() override { m_fc->reset_parameters(); } // torchvision leaves fc at Linear's default

private:
    explicit ResNetImpl(const ModelSpec &spec)
        : ClassifierImpl(spec)
    {
    }

    template <typename Block> void build(const std::array<int, 4> &blocks)
    {
        // Registration order is torchvision's, so namedState() lists names as its state_dict does.
        m_conv1 = register_module("conv1", conv(spec().inChannels, 64, 7, 2, 3, false));
        m_bn1 = register_module("bn1", nn::BatchNorm2d(64));
        m_maxpool = register_module("maxpool", nn::MaxPool2d(nn::MaxPool2dOptions(3).stride(2).padding(1)));
        int inplanes = 64;
        const int planes[4] = {64, 128, 256, 512};
        for (int i = 0; i < 4; ++i) {
            nn::Sequential layer;
            for (int b = 0; b < blocks[i]; ++b) {
                const int stride = (b == 0 && i > 0) ? 2 : 1;
                layer->push_back(Block(inplanes, planes[i], stride));
                inplanes = planes[i] * Block::ContainedType::kExpansion;
            }
            m_layers.push_back(register_module("layer" + std::to_string(i + 1), layer));
            m_stageChannels.push_back(inplanes);
        }
        m_avgpool = register_module("avgpool", nn::AdaptiveAvgPool2d(nn::AdaptiveAvgPool2dOptions({1, 1})));
        m_fc = register_module("fc", nn::Linear(inplanes, spec().numClasses));
        initConvAndNorm(*this);
    }

    nn::Conv2d m_conv1 {nullptr};
    nn::BatchNorm2d m_bn1 {nullptr};
    nn::MaxPool2d m_maxpool {nullptr};
    std::vector<nn::Sequential> m_layers;
    nn::AdaptiveAvgPool2d m_avgpool {nullptr};
    nn::Linear m_fc {nullptr};
    std::vector<int> m_stageChannels;
};

// ---- VGG with batch norm (torchvision's vgg16_bn / vgg19_bn) ----

constexpr int kPool = 0; // a max-pool entry in a VGG configuration

class VggImpl : public ClassifierImpl {
public:
    VggImpl(const ModelSpec &spec, const std::vector<int> &config)
        : ClassifierImpl(spec)
    {
        nn::Sequential features;
        int in = spec.inChannels;
        for (const int c : config) {
            if (c == kPool) {
                features->push_back(nn::MaxPool2d(nn::MaxPool2dOptions(2).stride(2)));
            } else {
                features->push_back(conv(in, c, 3, 1, 1, true));
                features->push_back(nn::BatchNorm2d(c));
                features->push_back(nn::ReLU(nn::ReLUOptions(true)));
                in = c;
            }
        }
        m_features = register_module("features", features);
        m_avgpool = register_module("avgpool", nn::AdaptiveAvgPool2d(nn::AdaptiveAvgPool2dOptions({7, 7})));
        // Indices 0, 3, 6 hold the linear layers, as in torchvision (ReLU and Dropout in between).
        m_head = nn::Linear(4096, spec.numClasses);
        m_classifier = register_module("classifier",
            nn::Sequential(nn::Linear(in * 7 * 7, 4096), nn::ReLU(nn::ReLUOptions(true)), nn::Dropout(0.5),
                nn::Linear(4096, 4096), nn::ReLU(nn::ReLUOptions(true)), nn::Dropout(0.5), m_head));
        initConvAndNorm(*this);
        for (auto &m : m_classifier->modules(false))
            if (auto *l = m->as<nn::Linear>())
                initLinear(*l);
    }

protected:
    torch::Tensor computeFeatures(torch::Tensor x) override { return m_features->forward(x); }

    torch::Tensor computeLogits(torch::Tensor features) override
    {
        return m_classifier->forward(torch::flatten(m_avgpool(features), 1));
    }

public:
    std::string describe(GraphBuilder &g, const std::string &input, std::int64_t height, std::int64_t width) override
    {
        std::string x = input;
        std::array<std::int64_t, 2> size{height, width};
        for (std::size_t i = 0; i < m_features->size(); ++i) {
            const auto &m = m_features->ptr(i);
            const std::string name = "features." + std::to_string(i);
            if (const auto *c = m->as<nn::Conv2d>()) {
                x = g.conv(x, name, *c); // 3x3, stride 1, padding 1: the size stays
            } else if (const auto *b = m->as<nn::BatchNorm2d>()) {
                x = g.batchNorm(x, name, *b);
            } else if (m->as<nn::ReLU>()) {
                x = g.relu(x);
            } else if (const auto *p = m->as<nn::MaxPool2d>()) {
                x = g.maxPool(x, *p);
                for (int d = 0; d < 2; ++d)
                    size[d] = (size[d] + 2 * (*p->options.padding())[d] - (*p->options.kernel_size())[d])
                            / (*p->options.stride())[d]
                        + 1;
            }
        }
        x = g.flatten(g.adaptiveAveragePool(x, size, {7, 7}));
        for (std::size_t i = 0; i < m_classifier->size(); ++i) {
            const auto &m = m_classifier->ptr(i);
            if (const auto *l = m->as<nn::Linear>())
                x = g.linear(x, "classifier." + std::to_string(i), *l);
            else if (m->as<nn::ReLU>())
                x = g.relu(x);
            // Dropout passes values through at inference.
        }
        return x;
    }

    std::string headPrefix() const override { return "classifier.6"; }
    std::string firstConvWeight() const override { return "features.0.weight"; }
    void resetHead() override { initLinear(*m_head); }

private:
    static void initLinear(nn::LinearImpl &l)
    {
        torch::NoGradGuard noGrad;
        nn::init::normal_(l.weight, 0.0, 0.01);
        nn::init::zeros_(l.bias);
    }

    nn::Sequential m_features {nullptr};
    nn::AdaptiveAvgPool2d m_avgpool {nullptr};
    nn::Sequential m_classifier {nullptr};
    nn::Linear m_head {nullptr};
};

const std::vector<int> kVgg16
    = {64, 64, kPool, 128, 128, kPool, 256, 256, 256, kPool, 512, 512, 512, kPool, 512, 512, 512, kPool};
const std::vector<int> kVgg19
    = {64, 64, kPool, 128, 128, kPool, 256, 256, 256, 256, kPool, 512, 512, 512, 512, kPool, 512, 512, 512, 512, kPool};

// ---- weight files ----

using TensorMap = std::map<std::string, torch::Tensor>;

QString firstLine(const char *what)
{
    const QString s = QString::fromUtf8(what).trimmed();
    return s.section(QLatin1Char('\n'), 0, 0);
}

TensorMap readWeightFile(const std::string &file, std::vector<std::string> &notes)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec))
        throw WeightImportError(Text::tr("%1 does not exist or is not a file").arg(qs(file)));
    const WeightFileKind kind = weightFileKind(file);
    if (kind == WeightFileKind::TorchSave || kind == WeightFileKind::TorchSaveLegacy) {
        StateDict sd = readStateDict(file, kind);
        if (!sd.wrapper.empty())
            notes.push_back(Text::tr("the state dict was read from the file's \"%1\" entry").arg(qs(sd.wrapper)).toStdString());
        return std::move(sd.tensors);
    }
    // A file from saveWeights is an OutputArchive, which is itself a TorchScript module, so one
    // reader serves both formats.
    const auto refused = [&](const QString &why) {
        return WeightImportError(Text::tr("%1 is neither a state dict saved by torch.save, a TorchScript file nor "
                                          "Loupe weights (%2)")
                                     .arg(qs(file), why));
    };
    torch::jit::Module module;
    try {
        module = torch::jit::load(file, torch::kCPU);
    } catch (const c10::Error &e) {
        throw refused(firstLine(e.what_without_backtrace()));
    } catch (const std::exception &e) {
        throw refused(firstLine(e.what()));
    }
    TensorMap tensors;
    for (const auto &p : module.named_parameters(/*recurse=*/true))
        tensors.emplace(p.name, p.value);
    for (const auto &b : module.named_buffers(/*recurse=*/true))
        tensors.emplace(b.name, b.value);
    if (tensors.empty())
        throw WeightImportError(Text::tr("%1 holds no parameters").arg(qs(file)));
    return tensors;
}

// Wrappers add a prefix ("model." in a checkpoint, "module." from DataParallel): when the plain
// name of the first conv's weight is absent, the shortest name that ends with it gives the prefix.
std::string findPrefix(const TensorMap &tensors, const std::string &firstConv)
{
    if (tensors.count(firstConv))
        return {};
    std::string found;
    for (const auto &entry : tensors) {
        const std::string &name = entry.first;
        if (endsWith(name, "." + firstConv) && (found.empty() || name.size() < found.size() + firstConv.size()))
            found = name.substr(0, name.size() - firstConv.size());
    }
    return found;
}

} // namespace

AutocastScope::AutocastScope(bool enable)
    : m_enable(enable)
{
    if (!m_enable)
        return;
    m_wasEnabled = at::autocast::is_cpu_enabled();
    m_previousType = at::autocast::get_autocast_cpu_dtype();
    at::autocast::set_cpu_enabled(true);
    at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
    at::autocast::increment_nesting();
}

AutocastScope::~AutocastScope()
{
    if (!m_enable)
        return;
    if (at::autocast::decrement_nesting() == 0)
        at::autocast::clear_cache();
    at::autocast::set_cpu_enabled(m_wasEnabled);
    at::autocast::set_autocast_cpu_dtype(m_previousType);
}


torch::Tensor ClassifierImpl::forward(torch::Tensor x)
{
    return classify(features(std::move(x)));
}

torch::Tensor ClassifierImpl::features(torch::Tensor x)
{
    checkInput(x);
    if (computeMode().channelsLast)
        x = x.contiguous(at::MemoryFormat::ChannelsLast);
    AutocastScope autocast(computeMode().bfloat16);
    return computeFeatures(std::move(x)).to(torch::kFloat);
}

torch::Tensor ClassifierImpl::classify(torch::Tensor features)
{
    AutocastScope autocast(computeMode().bfloat16);
    // Losses, softmax and metrics read float32, whatever the layers computed in.
    return computeLogits(std::move(features)).to(torch::kFloat);
}

void NetworkImpl::setComputeMode(ComputeMode mode)
{
    if (mode.channelsLast != m_compute.channelsLast) {
        const at::MemoryFormat format = mode.channelsLast ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous;
        torch::NoGradGuard noGrad;
        for (torch::Tensor &p : parameters())
            if (p.dim() == 4)
                p.set_data(p.contiguous(format));
    }
    m_compute = mode;
}

void NetworkImpl::checkInput(const torch::Tensor &x) const
{
    if (x.dim() != 4 || x.size(1) != spec().inChannels || x.size(2) < kMinInputSize || x.size(3) < kMinInputSize)
        throw std::invalid_argument(
            Text::tr("the model takes images of shape [N, %1, H, W] with H and W at least %2, not %3")
                .arg(spec().inChannels)
                .arg(kMinInputSize)
                .arg(shapeText(x.sizes()))
                .toStdString());
}

ComputeMode computeModeFor(const std::string &arch, Precision precision)
{
    ComputeMode mode;
    mode.bfloat16 = precision == Precision::BFloat16;
    // Measured per backbone with bench/precision (its README has the table): channels-last
    // wins wherever oneDNN runs the convolutions, in both precisions.
    mode.channelsLast = std::find(kChannelsLastArchitectures.begin(), kChannelsLastArchitectures.end(), arch)
        != kChannelsLastArchitectures.end();
    return mode;
}

std::vector<std::string> knownArchitectures()
{
    return {"resnet18", "resnet34", "resnet50", "vgg16", "vgg19"};
}

std::shared_ptr<ClassifierImpl> makeModel(const ModelSpec &spec)
{
    if (spec.numClasses < 1)
        throw std::invalid_argument(
            Text::tr("a classifier needs at least one class, not %1").arg(spec.numClasses).toStdString());
    if (spec.inChannels != 1 && spec.inChannels != 3)
        throw std::invalid_argument(
            Text::tr("the model takes 1 or 3 image channels, not %1").arg(spec.inChannels).toStdString());
    // torchvision's names for the batch-norm VGGs are accepted too.
    if (spec.arch == "resnet18")
        return ResNetImpl::make<BasicBlock>(spec, {2, 2, 2, 2});
    if (spec.arch == "resnet34")
        return ResNetImpl::make<BasicBlock>(spec, {3, 4, 6, 3});
    if (spec.arch == "resnet50")
        return ResNetImpl::make<Bottleneck>(spec, {3, 4, 6, 3});
    if (spec.arch == "vgg16" || spec.arch == "vgg16_bn")
        return std::make_shared<VggImpl>(spec, kVgg16);
    if (spec.arch == "vgg19" || spec.arch == "vgg19_bn")
        return std::make_shared<VggImpl>(spec, kVgg19);
    QStringList known;
    for (const auto &a : knownArchitectures())
        known << qs(a);
    throw std::invalid_argument(Text::tr("unknown model \"%1\"; known models: %2")
                                    .arg(qs(spec.arch), known.join(QLatin1String(", ")))
                                    .toStdString());
}

std::vector<std::pair<std::string, torch::Tensor>> namedState(const torch::nn::Module &model)
{
    // state_dict order: a module's own parameters, then its own buffers, then each child in turn.
    std::vector<std::pair<std::string, torch::Tensor>> out;
    const auto addLocal = [&out](const torch::nn::Module &m, const std::string &prefix) {
        for (const auto &p : m.named_parameters(/*recurse=*/false))
            out.emplace_back(prefix + p.key(), p.value());
        for (const auto &b : m.named_buffers(/*recurse=*/false))
            out.emplace_back(prefix + b.key(), b.value());
    };
    addLocal(model, {});
    for (const auto &child : model.named_modules(/*name_prefix=*/ {}, /*include_self=*/false))
        addLocal(*child.value(), child.key() + ".");
    return out;
}

ImportReport importWeights(NetworkImpl &model, const std::string &file)
{
    ImportReport report;
    const TensorMap tensors = readWeightFile(file, report.notes);
    std::string prefix = findPrefix(tensors, model.firstConvWeight());
    const std::string head = model.headPrefix() + ".";
    // A file that holds only a backbone (a classifier's weights going into a detector): the
    // backbone's names are read under the file's own prefix, everything around it stays fresh.
    const std::string backbone = model.backbonePrefix();
    const bool backboneOnly = !backbone.empty() && !tensors.count(prefix + model.firstConvWeight())
        && startsWith(model.firstConvWeight(), backbone);
    if (backboneOnly)
        prefix = findPrefix(tensors, model.firstConvWeight().substr(backbone.size()));
    const auto fileName = [&](const std::string &name) {
        return backboneOnly ? prefix + name.substr(backbone.size()) : prefix + name;
    };
    int freshParts = 0;

    // Check everything before copying anything, so a refused file leaves the model as it was.
    std::vector<std::pair<torch::Tensor, torch::Tensor>> copies; // target, value
    std::vector<std::pair<torch::Tensor, torch::Tensor>> headCopies;
    std::vector<std::string> headNames;
    bool headFits = true;
    int64_t fileOutputs = -1;
    int used = 0;
    int countersMissing = 0;
    for (const auto &[name, target] : namedState(model)) {
        if (backboneOnly && (!startsWith(name, backbone) || startsWith(name, backbone + "fc."))) {
            ++freshParts; // the pyramid and heads around the backbone, and its unused classifier
            continue;
        }
        const bool isHead = startsWith(name, head);
        if (isHead)
            headNames.push_back(name);
        const auto it = tensors.find(fileName(name));
        if (it == tensors.end()) {
            if (isHead) {
                headFits = false;
                continue;
            }
            // Checkpoints from PyTorch before 0.4.1 lack the batch-norm step counter; it is never read in eval.
            if (endsWith(name, "num_batches_tracked")) {
                ++countersMissing;
                continue;
            }
            throw WeightImportError(Text::tr("%1: missing from %2").arg(qs(name), qs(file)));
        }
        ++used;
        torch::Tensor value = it->second;
        if (!value.sizes().equals(target.sizes())) {
            if (isHead) {
                headFits = false;
                if (endsWith(name, ".weight") && value.dim() == 2)
                    fileOutputs = value.size(0);
                continue;
            }
            const bool rgbIntoGrey = name == model.firstConvWeight() && value.dim() == 4 && target.dim() == 4
                && value.size(1) == 3 && target.size(1) == 1 && value.size(0) == target.size(0)
                && value.size(2) == target.size(2) && value.size(3) == target.size(3);
            if (!rgbIntoGrey)
                throw WeightImportError(Text::tr("%1: file has %2, model needs %3")
                                            .arg(qs(name), shapeText(value.sizes()), shapeText(target.sizes())));
            // A grey pixel g seen as RGB (g, g, g) gives the same response with the summed kernel.
            value = value.sum(1, /*keepdim=*/true);
            report.notes.push_back(Text::tr("%1 has 3 input channels in the file, 1 here: summed over the channels")
                                       .arg(qs(name))
                                       .toStdString());
        }
        if (isHead) {
            headCopies.emplace_back(target, value);
        } else {
            copies.emplace_back(target, value);
            report.loaded.push_back(name);
        }
    }

    torch::NoGradGuard noGrad;
    for (auto &[target, value] : copies)
        target.copy_(value);
    if (headFits) {
        for (auto &[target, value] : headCopies)
            target.copy_(value);
        report.loaded.insert(report.loaded.end(), headNames.begin(), headNames.end());
    } else {
        model.resetHead();
        report.reinitialised = headNames;
        if (fileOutputs >= 0)
            report.notes.push_back(Text::tr("classifier head has %1 outputs in the file, %2 here: re-initialised")
                                       .arg(fileOutputs)
                                       .arg(model.spec().numClasses)
                                       .toStdString());
        else
            report.notes.push_back(
                Text::tr("the file has no classifier head of this shape: re-initialised").toStdString());
    }
    if (!prefix.empty())
        report.notes.push_back(
            Text::tr("names in the file start with \"%1\": read without it").arg(qs(prefix)).toStdString());
    if (backboneOnly)
        report.notes.push_back(Text::tr("the file holds a backbone: %1 tensors around it (feature pyramid, heads) "
                                        "stay freshly initialised")
                                   .arg(freshParts)
                                   .toStdString());
    if (countersMissing > 0)
        report.notes.push_back(Text::tr("batch-norm step counters missing from the file, left as they were: %1")
                                   .arg(countersMissing)
                                   .toStdString());
    const int unused = int(tensors.size()) - used;
    if (unused > 0)
        report.notes.push_back(Text::tr("entries in the file that were not used: %1").arg(unused).toStdString());
    return report;
}

void saveWeights(NetworkImpl &model, const std::string &file)
{
    torch::serialize::OutputArchive archive;
    model.save(archive); // every parameter and buffer, nested by module like torch.jit.save
    saveArchiveAtomically(archive, file);
}

void saveArchiveAtomically(torch::serialize::OutputArchive &archive, const std::string &file)
{
    // Not archive.save_to(path): on a full disk LibTorch's zip writer throws from its destructor
    // and the process aborts (seen with 1.13), and its std::ofstream is never synced. The sink
    // never reports a short write to LibTorch, which would take it down that path; it drops the
    // rest of the archive after an error, which writeStreamAtomically then reports.
    const QString error = writeStreamAtomically(qs(file), [&](const ByteSink &sink) {
        archive.save_to([&](const void *data, size_t size) -> size_t {
            sink(data, size);
            return size;
        });
    });
    if (!error.isEmpty())
        throw std::runtime_error(error.toStdString());
}

} // namespace loupe
