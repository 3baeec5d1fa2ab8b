#include "model/Detector.h"

#include <QCoreApplication>
#include <QString>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace loupe {

namespace nn = torch::nn;

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::Detector)
};

constexpr double kFocalAlpha = 0.25;
constexpr double kFocalGamma = 2.0;
constexpr double kPositiveIou = 0.5;
constexpr double kNegativeIou = 0.4;
constexpr double kPriorProbability = 0.01;
/// Largest log-scale a box delta may take when decoded (torchvision's clamp: log(1000 / 16)).
const double kDeltaClamp = std::log(1000.0 / 16.0);

nn::Conv2d conv(int in, int out, int kernel, int stride)
{
    return nn::Conv2d(nn::Conv2dOptions(in, out, kernel).stride(stride).padding(kernel / 2).bias(true));
}

void initHeadConv(nn::Conv2dImpl &c, double bias = 0.0)
{
    torch::NoGradGuard noGrad;
    nn::init::normal_(c.weight, 0.0, 0.01);
    nn::init::constant_(c.bias, bias);
}

void initPyramidConv(nn::Conv2dImpl &c)
{
    torch::NoGradGuard noGrad;
    nn::init::kaiming_uniform_(c.weight, /*a=*/1.0);
    nn::init::zeros_(c.bias);
}

nn::Sequential tower(int channels, int convs)
{
    nn::Sequential s;
    for (int i = 0; i < convs; ++i) {
        s->push_back(conv(channels, channels, 3, 1));
        s->push_back(nn::ReLU(nn::ReLUOptions(true)));
    }
    for (auto &m : s->modules(false))
        if (auto *c = m->as<nn::Conv2d>())
            initHeadConv(*c);
    return s;
}

/// Anchors' x1, y1, x2, y2 → centre and size; the deltas of `boxes` against them.
torch::Tensor encode(const torch::Tensor &boxes, const torch::Tensor &anchors)
{
    const auto aw = anchors.select(1, 2) - anchors.select(1, 0);
    const auto ah = anchors.select(1, 3) - anchors.select(1, 1);
    const auto ax = anchors.select(1, 0) + 0.5 * aw;
    const auto ay = anchors.select(1, 1) + 0.5 * ah;
    const auto gw = (boxes.select(1, 2) - boxes.select(1, 0)).clamp_min(1e-3);
    const auto gh = (boxes.select(1, 3) - boxes.select(1, 1)).clamp_min(1e-3);
    const auto gx = boxes.select(1, 0) + 0.5 * gw;
    const auto gy = boxes.select(1, 1) + 0.5 * gh;
    return torch::stack({(gx - ax) / aw, (gy - ay) / ah, torch::log(gw / aw), torch::log(gh / ah)}, 1);
}

torch::Tensor decodeBoxes(const torch::Tensor &deltas, const torch::Tensor &anchors)
{
    const auto aw = anchors.select(1, 2) - anchors.select(1, 0);
    const auto ah = anchors.select(1, 3) - anchors.select(1, 1);
    const auto ax = anchors.select(1, 0) + 0.5 * aw;
    const auto ay = anchors.select(1, 1) + 0.5 * ah;
    const auto cx = deltas.select(1, 0) * aw + ax;
    const auto cy = deltas.select(1, 1) * ah + ay;
    const auto w = torch::exp(deltas.select(1, 2).clamp_max(kDeltaClamp)) * aw;
    const auto h = torch::exp(deltas.select(1, 3).clamp_max(kDeltaClamp)) * ah;
    return torch::stack({cx - 0.5 * w, cy - 0.5 * h, cx + 0.5 * w, cy + 0.5 * h}, 1);
}

bool isPowerOfTwo(int v)
{
    return v > 0 && (v & (v - 1)) == 0;
}

} // namespace

std::vector<std::string> detectorArchitectures()
{
    return {"resnet18", "resnet34", "resnet50"};
}

torch::Tensor boxIouMatrix(const torch::Tensor &a, const torch::Tensor &b)
{
    const auto areaA = (a.select(1, 2) - a.select(1, 0)).clamp_min(0) * (a.select(1, 3) - a.select(1, 1)).clamp_min(0);
    const auto areaB = (b.select(1, 2) - b.select(1, 0)).clamp_min(0) * (b.select(1, 3) - b.select(1, 1)).clamp_min(0);
    const auto lt = torch::max(a.slice(1, 0, 2).unsqueeze(1), b.slice(1, 0, 2).unsqueeze(0));
    const auto rb = torch::min(a.slice(1, 2, 4).unsqueeze(1), b.slice(1, 2, 4).unsqueeze(0));
    const auto wh = (rb - lt).clamp_min(0);
    const auto inter = wh.select(2, 0) * wh.select(2, 1);
    const auto uni = areaA.unsqueeze(1) + areaB.unsqueeze(0) - inter;
    return torch::where(uni > 0, inter / uni.clamp_min(1e-12), torch::zeros_like(inter));
}

DetectorImpl::DetectorImpl(const DetectorSpec &spec)
    : NetworkImpl(ModelSpec{spec.arch, spec.numClasses, spec.inChannels})
    , m_spec(spec)
{
    const auto archs = detectorArchitectures();
    if (std::find(archs.begin(), archs.end(), spec.arch) == archs.end()) {
        QStringList names;
        for (const auto &a : archs)
            names << QString::fromStdString(a);
        throw std::invalid_argument(Text::tr("a detector is built on %1, not %2")
                                        .arg(names.join(QLatin1String(", ")), QString::fromStdString(spec.arch))
                                        .toStdString());
    }
    if (spec.numClasses < 1)
        throw std::invalid_argument(Text::tr("a detector needs at least one object class").toStdString());
    const std::vector<int> &strides = spec.anchors.strides;
    bool doubling = !strides.empty() && strides.front() >= 4 && strides.front() <= 32 && isPowerOfTwo(strides.front());
    for (std::size_t i = 1; doubling && i < strides.size(); ++i)
        doubling = strides[i] == 2 * strides[i - 1];
    if (!doubling || spec.anchors.sizes.size() != strides.size() || spec.anchors.anchorsPerLevel() < 1)
        throw std::invalid_argument(
            Text::tr("the anchors' strides must start at 4, 8, 16 or 32 and double from level to level, with one "
                     "size per level")
                .toStdString());

    // The body is the classifier backbone with torchvision's names; its one-output classifier is unused.
    m_body = makeModel(ModelSpec{spec.arch, 1, spec.inChannels});
    auto backbone = register_module("backbone", std::make_shared<nn::Module>());
    backbone->register_module("body", m_body);
    auto fpn = backbone->register_module("fpn", std::make_shared<nn::Module>());
    m_inner = fpn->register_module("inner_blocks", nn::ModuleList());
    m_layer = fpn->register_module("layer_blocks", nn::ModuleList());
    m_extra = fpn->register_module("extra_blocks", nn::ModuleList());
    const std::vector<int> stageChannels = m_body->stageChannels();
    const int c = spec.pyramidChannels;
    for (int stride : strides) {
        if (stride > 32)
            break;
        const int stage = int(std::round(std::log2(stride))) - 2; // stride 4 is stage 0
        m_bodyStages.push_back(stage);
        nn::Conv2d inner = conv(stageChannels.at(std::size_t(stage)), c, 1, 1);
        nn::Conv2d layer = conv(c, c, 3, 1);
        initPyramidConv(*inner);
        initPyramidConv(*layer);
        m_inner->push_back(inner);
        m_layer->push_back(layer);
    }
    for (std::size_t l = m_bodyStages.size(); l < strides.size(); ++l) {
        nn::Conv2d extra = conv(c, c, 3, 2);
        initPyramidConv(*extra);
        m_extra->push_back(extra);
    }

    const int a = spec.anchors.anchorsPerLevel();
    auto head = register_module("head", std::make_shared<nn::Module>());
    auto classHead = head->register_module("classification_head", std::make_shared<nn::Module>());
    m_classTower = classHead->register_module("conv", tower(c, spec.headConvs));
    m_classLogits = classHead->register_module("cls_logits", conv(c, a * spec.numClasses, 3, 1));
    auto boxHead = head->register_module("regression_head", std::make_shared<nn::Module>());
    m_boxTower = boxHead->register_module("conv", tower(c, spec.headConvs));
    m_boxDeltas = boxHead->register_module("bbox_reg", conv(c, a * 4, 3, 1));
    initHeadConv(*m_boxDeltas);
    resetHead();
}

void DetectorImpl::resetHead()
{
    // Every anchor starts as background with probability 0.99, so the many easy negatives do not
    // swamp the first steps (RetinaNet's prior).
    initHeadConv(*m_classLogits, -std::log((1.0 - kPriorProbability) / kPriorProbability));
}

torch::Tensor DetectorImpl::anchorsForLevels(const std::vector<std::pair<int, int>> &levelSizes) const
{
    for (const auto &[sizes, anchors] : m_anchorCache)
        if (sizes == levelSizes)
            return anchors;
    std::vector<torch::Tensor> levels;
    const AnchorConfig &config = m_spec.anchors;
    for (std::size_t l = 0; l < levelSizes.size(); ++l) {
        const auto [h, w] = levelSizes[l];
        const double stride = config.strides[l];
        std::vector<float> shapes; // w, h per anchor at one position
        for (double scale : config.scales)
            for (double ratio : config.ratios) {
                const double side = config.sizes[l] * scale;
                shapes.push_back(float(side / std::sqrt(ratio)));
                shapes.push_back(float(side * std::sqrt(ratio)));
            }
        const int a = int(shapes.size() / 2);
        torch::Tensor out = torch::empty({h, w, a, 4}, torch::kFloat32);
        float *p = out.data_ptr<float>();
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                for (int k = 0; k < a; ++k) {
                    const double cx = (x + 0.5) * stride, cy = (y + 0.5) * stride;
                    const double aw = shapes[2 * k], ah = shapes[2 * k + 1];
                    *p++ = float(cx - aw / 2);
                    *p++ = float(cy - ah / 2);
                    *p++ = float(cx + aw / 2);
                    *p++ = float(cy + ah / 2);
                }
        levels.push_back(out.view({-1, 4}));
    }
    torch::Tensor anchors = torch::cat(levels);
    if (m_anchorCache.size() > 8)
        m_anchorCache.erase(m_anchorCache.begin());
    m_anchorCache.emplace_back(levelSizes, anchors);
    return anchors;
}

torch::Tensor DetectorImpl::anchorsFor(int height, int width) const
{
    std::vector<std::pair<int, int>> sizes;
    for (int stride : m_spec.anchors.strides)
        sizes.emplace_back((height + stride - 1) / stride, (width + stride - 1) / stride);
    return anchorsForLevels(sizes);
}

DetectorOutput DetectorImpl::forward(torch::Tensor x)
{
    checkInput(x);
    DetectorOutput out;
    out.height = int(x.size(2));
    out.width = int(x.size(3));
    if (computeMode().channelsLast)
        x = x.contiguous(at::MemoryFormat::ChannelsLast);
    AutocastScope autocast(computeMode().bfloat16);
    const std::vector<torch::Tensor> stages = m_body->stageOutputs(x);

    // Top-down pathway with lateral connections, then the levels past the backbone's.
    const std::size_t bodyLevels = m_bodyStages.size();
    std::vector<torch::Tensor> levels(bodyLevels);
    torch::Tensor last = m_inner[bodyLevels - 1]->as<nn::Conv2d>()->forward(stages.at(std::size_t(m_bodyStages.back())));
    levels[bodyLevels - 1] = m_layer[bodyLevels - 1]->as<nn::Conv2d>()->forward(last);
    for (int l = int(bodyLevels) - 2; l >= 0; --l) {
        const torch::Tensor lateral = m_inner[std::size_t(l)]->as<nn::Conv2d>()->forward(stages.at(std::size_t(m_bodyStages[std::size_t(l)])));
        const torch::Tensor up = nn::functional::interpolate(
            last, nn::functional::InterpolateFuncOptions()
                      .size(std::vector<int64_t>{lateral.size(2), lateral.size(3)})
                      .mode(torch::kNearest));
        last = lateral + up;
        levels[std::size_t(l)] = m_layer[std::size_t(l)]->as<nn::Conv2d>()->forward(last);
    }
    torch::Tensor p = levels.back();
    for (std::size_t e = 0; e < m_extra->size(); ++e) {
        p = m_extra[e]->as<nn::Conv2d>()->forward(e == 0 ? p : torch::relu(p));
        levels.push_back(p);
    }

    const int64_t n = x.size(0);
    const int64_t a = m_spec.anchors.anchorsPerLevel();
    const int64_t classes = m_spec.numClasses;
    std::vector<torch::Tensor> logits, deltas;
    std::vector<std::pair<int, int>> sizes;
    for (const torch::Tensor &f : levels) {
        const int64_t h = f.size(2), w = f.size(3);
        sizes.emplace_back(int(h), int(w));
        // [N, A·K, H, W] → [N, H, W, A, K] → [N, H·W·A, K]: anchors in (row, column, anchor) order.
        logits.push_back(m_classLogits(m_classTower->forward(f))
                             .view({n, a, classes, h, w})
                             .permute({0, 3, 4, 1, 2})
                             .reshape({n, -1, classes}));
        deltas.push_back(
            m_boxDeltas(m_boxTower->forward(f)).view({n, a, 4, h, w}).permute({0, 3, 4, 1, 2}).reshape({n, -1, 4}));
    }
    out.classLogits = torch::cat(logits, 1).to(torch::kFloat);
    out.boxDeltas = torch::cat(deltas, 1).to(torch::kFloat);
    out.anchors = anchorsForLevels(sizes);
    return out;
}

DetectionLoss DetectorImpl::loss(const DetectorOutput &output, const std::vector<DetectionTarget> &targets,
                                 const torch::Tensor &classWeights) const
{
    const int64_t n = output.classLogits.size(0);
    if (int64_t(targets.size()) != n)
        throw std::invalid_argument("DetectorImpl::loss: one target per image");
    const torch::Tensor &anchors = output.anchors;
    const int64_t count = anchors.size(0);
    const int64_t classes = m_spec.numClasses;
    torch::Tensor classLoss = torch::zeros({}, torch::kFloat32);
    torch::Tensor boxLoss = torch::zeros({}, torch::kFloat32);
    DetectionLoss result;
    for (int64_t i = 0; i < n; ++i) {
        const DetectionTarget &t = targets[std::size_t(i)];
        const int64_t m = t.boxes.defined() ? t.boxes.size(0) : 0;
        torch::Tensor matched = torch::full({count}, -1, torch::kInt64); // object index, -1 none
        torch::Tensor positive = torch::zeros({count}, torch::kBool);
        torch::Tensor valid = torch::ones({count}, torch::kBool);
        if (m > 0) {
            torch::NoGradGuard noGrad;
            const torch::Tensor iou = boxIouMatrix(t.boxes, anchors); // [M, A]
            const auto [best, index] = iou.max(0);
            positive = best >= kPositiveIou;
            valid = positive | (best < kNegativeIou);
            // Every object keeps the anchors it overlaps most, however little.
            const torch::Tensor bestPerObject = std::get<0>(iou.max(1)).unsqueeze(1);
            const torch::Tensor lowQuality = ((iou == bestPerObject) & (bestPerObject > 0)).any(0);
            positive = positive | lowQuality;
            valid = valid | lowQuality;
            matched = torch::where(positive, index, matched);
        }
        const torch::Tensor posIndex = positive.nonzero().squeeze(1);
        const int64_t positives = posIndex.size(0);
        result.positives += int(positives);
        const double norm = double(std::max<int64_t>(1, positives));

        torch::Tensor target = torch::zeros({count, classes}, torch::kFloat32);
        torch::Tensor anchorWeight = torch::ones({count}, torch::kFloat32);
        if (positives > 0) {
            const torch::Tensor objectClass = t.classes.index_select(0, matched.index_select(0, posIndex));
            target.index_put_({posIndex, objectClass}, 1.0f);
            if (classWeights.defined())
                anchorWeight.index_put_({posIndex}, classWeights.index_select(0, objectClass));
        }
        const torch::Tensor logits = output.classLogits[i];
        const torch::Tensor p = torch::sigmoid(logits);
        const torch::Tensor ce = nn::functional::binary_cross_entropy_with_logits(
            logits, target, nn::functional::BinaryCrossEntropyWithLogitsFuncOptions().reduction(torch::kNone));
        const torch::Tensor pt = p * target + (1 - p) * (1 - target);
        const torch::Tensor alpha = kFocalAlpha * target + (1 - kFocalAlpha) * (1 - target);
        const torch::Tensor focal = (alpha * ce * (1 - pt).pow(kFocalGamma)).sum(1) * anchorWeight;
        classLoss = classLoss + focal.masked_select(valid).sum() / norm;

        if (positives > 0) {
            const torch::Tensor objects = t.boxes.index_select(0, matched.index_select(0, posIndex));
            const torch::Tensor wanted = encode(objects, anchors.index_select(0, posIndex));
            const torch::Tensor predicted = output.boxDeltas[i].index_select(0, posIndex);
            boxLoss = boxLoss + (predicted - wanted).abs().sum() / norm;
        }
    }
    result.classification = classLoss / double(n);
    result.box = boxLoss / double(n);
    result.total = result.classification + result.box;
    return result;
}

std::vector<std::vector<DetectedBox>> DetectorImpl::decode(const DetectorOutput &output,
                                                           const DecodeOptions &options) const
{
    torch::NoGradGuard noGrad;
    const int64_t n = output.classLogits.size(0);
    const int64_t classes = m_spec.numClasses;
    std::vector<std::vector<DetectedBox>> out(static_cast<std::size_t>(n));
    for (int64_t i = 0; i < n; ++i) {
        const torch::Tensor scores = torch::sigmoid(output.classLogits[i]).flatten();
        torch::Tensor keep = (scores > options.scoreThreshold).nonzero().squeeze(1);
        torch::Tensor kept = scores.index_select(0, keep);
        if (keep.size(0) > options.candidates) {
            const auto top = kept.topk(options.candidates);
            kept = std::get<0>(top);
            keep = keep.index_select(0, std::get<1>(top));
        }
        if (keep.size(0) == 0)
            continue;
        const torch::Tensor anchorIndex = keep.div(classes, "floor");
        const torch::Tensor classIndex = keep.remainder(classes);
        torch::Tensor boxes = decodeBoxes(output.boxDeltas[i].index_select(0, anchorIndex),
                                          output.anchors.index_select(0, anchorIndex));
        boxes.select(1, 0).clamp_(0, output.width);
        boxes.select(1, 2).clamp_(0, output.width);
        boxes.select(1, 1).clamp_(0, output.height);
        boxes.select(1, 3).clamp_(0, output.height);
        const torch::Tensor b = boxes.contiguous();
        const float *bp = b.data_ptr<float>();
        const float *sp = kept.contiguous().data_ptr<float>();
        const torch::Tensor ci = classIndex.contiguous();
        const int64_t *cp = ci.data_ptr<int64_t>();
        std::vector<DetectedBox> candidates;
        candidates.reserve(std::size_t(keep.size(0)));
        for (int64_t k = 0; k < keep.size(0); ++k) {
            const float x1 = bp[4 * k], y1 = bp[4 * k + 1], x2 = bp[4 * k + 2], y2 = bp[4 * k + 3];
            if (x2 - x1 <= 0 || y2 - y1 <= 0)
                continue;
            candidates.push_back({QRectF(x1, y1, x2 - x1, y2 - y1), int(cp[k]), sp[k]});
        }
        std::vector<DetectedBox> kept2 = nonMaximumSuppression(candidates, options.nmsIou);
        if (int(kept2.size()) > options.maxDetections)
            kept2.resize(std::size_t(options.maxDetections));
        out[std::size_t(i)] = std::move(kept2);
    }
    return out;
}

std::shared_ptr<DetectorImpl> makeDetector(const DetectorSpec &spec)
{
    return std::make_shared<DetectorImpl>(spec);
}

} // namespace loupe
