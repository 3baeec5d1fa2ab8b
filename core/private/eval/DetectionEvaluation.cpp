#include "eval/DetectionEvaluation.h"


#include <QCoreApplication>
#include <QJsonArray>

#include <cmath>
#include <limits>
#include <map>

namespace loupe {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::DetectionEvaluation)
};

} // namespace

std::vector<DetectionTarget> detectionTargets(const Batch &batch)
{
    std::vector<DetectionTarget> targets;
    targets.reserve(batch.objects.size());
    for (const std::vector<Annotation> &objects : batch.objects) {
        std::vector<float> boxes;
        std::vector<int64_t> classes;
        for (const Annotation &a : objects) {
            if (a.crowd || a.classId < 0 || a.box.width() <= 0 || a.box.height() <= 0)
                continue;
            boxes.insert(boxes.end(), {float(a.box.left()), float(a.box.top()), float(a.box.right()), float(a.box.bottom())});
            classes.push_back(a.classId);
        }
        DetectionTarget t;
        t.boxes = torch::tensor(boxes, torch::kFloat32).view({-1, 4});
        t.classes = torch::tensor(classes, torch::kInt64);
        targets.push_back(std::move(t));
    }
    return targets;
}

DetectionGroundTruth detectionGroundTruth(const Dataset &dataset, const std::vector<int> &images)
{
    DetectionGroundTruth truth;
    for (int c = 0; c < dataset.classes.size(); ++c)
        truth.categories.push_back({c + 1, dataset.classes.at(c)});
    for (int sample : images) {
        truth.imageIds.push_back(sample + 1);
        for (const Annotation &a : dataset.samples[std::size_t(sample)].objects) {
            if (a.classId < 0 || a.box.width() <= 0 || a.box.height() <= 0)
                continue;
            GroundTruthBox b;
            b.imageId = sample + 1;
            b.categoryId = a.classId + 1;
            b.box = {a.box.x(), a.box.y(), a.box.width(), a.box.height()};
            b.crowd = a.crowd;
            truth.boxes.push_back(b);
        }
    }
    return truth;
}

DetectionEvalOutput evaluateDetector(DetectorImpl &model, DataLoader &loader, const Dataset &dataset,
                                     const TileSetup &setup, const torch::Tensor &classWeights, const StopToken *stop,
                                     const DecodeOptions &decode, bool withLoss)
{
    DetectionEvalOutput out;
    c10::InferenceMode inference;
    const bool wasTraining = model.is_training();
    model.eval();
    loader.startEpoch(0);
    Batch batch;
    double lossSum = 0, classSum = 0, boxSum = 0;
    qint64 tiles = 0;
    // Tiles of one image arrive together and in order; each image is merged once its last tile is in.
    std::map<int, std::vector<std::vector<DetectedBox>>> pending; // sample → per tile
    std::map<int, int> tilesSeen;
    std::map<int, int> tilesOf;
    for (std::size_t i = 0; i < loader.indices().size(); ++i)
        ++tilesOf[loader.indices()[i]];
    auto finishImage = [&](int sample) {
        std::vector<DetectedBox> merged;
        std::vector<std::vector<DetectedBox>> &perTile = pending[sample];
        if (setup.isWholeImage()) {
            merged = perTile.empty() ? std::vector<DetectedBox>() : perTile.front();
        } else {
            const TileGrid grid = tileGridFor(dataset, sample, setup);
            merged = grid.mergePredictions(perTile);
        }
        std::stable_sort(merged.begin(), merged.end(),
                         [](const DetectedBox &a, const DetectedBox &b) { return a.score > b.score; });
        if (int(merged.size()) > decode.maxDetections)
            merged.resize(std::size_t(decode.maxDetections));
        const QString path = dataset.samples[std::size_t(sample)].path;
        for (const DetectedBox &d : merged)
            out.detections.push_back(
                {sample + 1, d.classId + 1, {d.box.x(), d.box.y(), d.box.width(), d.box.height()}, d.score, path});
        out.images.push_back(sample);
        pending.erase(sample);
    };
    while (loader.next(batch)) {
        if (stop && stop->stopRequested()) {
            out.complete = false;
            break;
        }
        const DetectorOutput raw = model.forward(batch.images);
        if (withLoss) {
            const DetectionLoss loss = model.loss(raw, detectionTargets(batch), classWeights);
            const double rows = double(batch.images.size(0));
            lossSum += loss.total.item<double>() * rows;
            classSum += loss.classification.item<double>() * rows;
            boxSum += loss.box.item<double>() * rows;
        }
        tiles += batch.images.size(0);
        const std::vector<std::vector<DetectedBox>> found = model.decode(raw, decode);
        const double s = double(raw.width), sh = double(raw.height);
        for (std::size_t r = 0; r < found.size(); ++r) {
            const int sample = batch.samples[r];
            const QRect region = loader.regions().empty() ? QRect() : loader.regions()[std::size_t(batch.items[r])];
            // Input pixels → the tile's (or the whole image's) pixels.
            QSizeF from;
            if (region.isEmpty()) {
                const QSize size = imageSizeOf(dataset, sample);
                from = QSizeF(size);
            } else {
                from = QSizeF(region.size());
            }
            std::vector<DetectedBox> boxes = found[r];
            for (DetectedBox &d : boxes) {
                const double fx = from.width() / s, fy = from.height() / sh;
                d.box = QRectF(d.box.x() * fx, d.box.y() * fy, d.box.width() * fx, d.box.height() * fy);
            }
            pending[sample].push_back(std::move(boxes));
            if (++tilesSeen[sample] == tilesOf[sample])
                finishImage(sample);
        }
    }
    loader.stop();
    model.train(wasTraining);
    const double n = double(std::max<qint64>(1, tiles));
    out.loss = tiles > 0 ? lossSum / n : std::numeric_limits<double>::quiet_NaN();
    out.classificationLoss = classSum / n;
    out.boxLoss = boxSum / n;
    out.metrics = evaluateDetections(detectionGroundTruth(dataset, out.images), out.detections);
    return out;
}

} // namespace loupe
