#include "train/TrainingTask.h"

#include "augment/TileAdvice.h"

#include "eval/DetectionEvaluation.h"
#include "augment/TileTargets.h"
#include "eval/DetectionMetrics.h"
#include "model/AnchorTuning.h"
#include "model/Detector.h"
#include "project/RunFolder.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <limits>

namespace loupe {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::Trainer)
};

/// Objects whose shorter side at the model's input is under this many pixels are better served by
/// a finer first pyramid level (stride 4) than by RetinaNet's stride 8.
constexpr double kFineLevelBelow = 12.0;

/// The score a detection needs to count in the overfit check.
constexpr double kOverfitScore = 0.5;

/// A one-stage detector trained with focal and L1 box losses, judged by COCO's mAP@[.5:.95].
class DetectionTask : public TrainingTask
{
public:
    DetectionTask(const Dataset &dataset, const TrainConfig &config)
        : m_data(dataset)
        , m_config(config)
    {
    }

    QString name() const override { return QStringLiteral("detect"); }
    const Dataset &data() const override { return m_data; }

    TrainDevSplit split(double devFraction, quint64 seed) const override
    {
        return splitForDetection(m_data, devFraction, seed);
    }

    QString prepare(const TrainDevSplit &split, TrainConfig &config, const NoteFn &note) override
    {
        m_config = config;
        if (m_data.classes.isEmpty())
            return Text::tr("a detector needs at least one object class; this dataset has none");
        if (split.train.empty())
            return Text::tr("no training images");
        try {
            m_tiles.tiles = parseTileCount(config.tiles);
            m_tiles.overlap = config.tileOverlap;
            if (!config.roi.trimmed().isEmpty())
                m_tiles.roi = parseRoi(config.roi);
        } catch (const TilingError &e) {
            return e.message();
        }

        // What the training boxes are: counted per class, the unusable ones named in one line.
        const int classes = int(m_data.classes.size());
        std::vector<int> counts(std::size_t(classes), 0);
        int noArea = 0, outside = 0;
        std::vector<QSizeF> sizes;
        const QSizeF input(config.imageSize, config.imageSize);
        for (int i : split.train) {
            const Sample &s = m_data.samples[std::size_t(i)];
            std::vector<QRectF> boxes;
            const QSize size = imageSizeOf(m_data, i);
            for (const Annotation &a : s.objects) {
                if (a.crowd || a.classId < 0)
                    continue;
                if (a.box.width() <= 0 || a.box.height() <= 0) {
                    ++noArea;
                    continue;
                }
                if (!size.isEmpty() && !QRectF(QPointF(0, 0), QSizeF(size)).contains(a.box))
                    ++outside;
                ++counts[std::size_t(a.classId)];
                boxes.push_back(a.box);
            }
            if (boxes.empty() || size.isEmpty())
                continue;
            try {
                const TileGrid grid = tileGridFor(m_data, i, m_tiles);
                const std::vector<QSizeF> seen = boxSizesAtInputScale(boxes, grid, input);
                sizes.insert(sizes.end(), seen.begin(), seen.end());
            } catch (const TilingError &e) {
                return Text::tr("%1: %2").arg(s.path, e.message());
            }
        }
        int objects = 0;
        for (int c : counts)
            objects += c;
        if (objects == 0)
            return Text::tr("none of the %1 training images has a box with an area: a detector has nothing to learn")
                .arg(split.train.size());
        if (noArea > 0)
            note(Text::tr("%1 boxes without area (zero width or height) are left out of the targets").arg(noArea));
        if (outside > 0)
            note(Text::tr("%1 boxes reach outside their image: they are clipped to it").arg(outside));
        QStringList missing;
        for (int c = 0; c < classes; ++c)
            if (counts[std::size_t(c)] == 0)
                missing << m_data.classes.at(c);
        if (!missing.isEmpty())
            note(Text::tr("no training boxes of %1: the detector cannot learn these classes")
                     .arg(missing.join(QLatin1String(", "))));
        note(Text::tr("detection input: %1, each resized to %2×%2").arg(m_tiles.describe()).arg(config.imageSize));
        // The advisor's check: boxes that the input leaves under 5 px, and the tiles or region that keep them.
        {
            TileAdviceOptions tiling;
            tiling.inputSize = config.imageSize;
            tiling.tiles = m_tiles.tiles;
            tiling.overlap = m_tiles.overlap;
            tiling.roi = m_tiles.roi;
            const TileAdvice advice = adviseTiles(m_data, tiling, &split.train);
            if (advice.needed())
                note(QStringLiteral("%1. %2").arg(advice.message(), advice.suggestion()));
        }

        // Anchors: as given, or tuned to the boxes as the model sees them.
        AnchorConfig base = AnchorConfig::retinaNet();
        std::vector<double> shorter;
        for (const QSizeF &s : sizes)
            shorter.push_back(std::min(s.width(), s.height()));
        std::sort(shorter.begin(), shorter.end());
        const double smallSide = shorter.empty() ? 0.0 : shorter[shorter.size() / 10];
        if (!shorter.empty() && smallSide < kFineLevelBelow) {
            base.strides = {4, 8, 16, 32, 64};
            base.sizes = {16, 32, 64, 128, 256};
        }
        try {
            const AnchorSetting setting = parseAnchorSetting(config.anchors, base);
            m_defaultCoverage = anchorCoverage(sizes, AnchorConfig::retinaNet());
            if (setting.automatic) {
                const AnchorTuningResult tuned = tuneAnchors(sizes, base);
                m_anchors = tuned.tuned;
                m_coverage = tuned.tunedCoverage;
            } else {
                m_anchors = setting.config;
                m_coverage = anchorCoverage(sizes, m_anchors);
            }
        } catch (const AnchorError &e) {
            return e.message();
        }
        note(Text::tr("anchors %1 (strides %2): coverage %3% of %4 training boxes at IoU ≥ 0.5, default "
                      "RetinaNet anchors %5%")
                 .arg(m_anchors.toString())
                 .arg([&] {
                     QStringList s;
                     for (int v : m_anchors.strides)
                         s << QString::number(v);
                     return s.join(QLatin1Char(','));
                 }())
                 .arg(100.0 * m_coverage, 0, 'f', 1)
                 .arg(sizes.size())
                 .arg(100.0 * m_defaultCoverage, 0, 'f', 1));

        if (config.classWeights == QLatin1String("auto")) {
            const std::vector<double> w = inverseFrequencyWeights(counts);
            m_classWeights = torch::tensor(std::vector<float>(w.begin(), w.end()));
            QStringList parts;
            for (int c = 0; c < classes; ++c)
                parts.append(QStringLiteral("%1 %2").arg(m_data.classes.at(c)).arg(w[std::size_t(c)], 0, 'f', 3));
            note(Text::tr("class weights (inverse object frequency): %1").arg(parts.join(QLatin1String(", "))));
        } else if (config.classWeights == QLatin1String("explicit")) {
            if (int(config.explicitClassWeights.size()) != classes)
                return Text::tr("%1 class weights given for %2 classes").arg(config.explicitClassWeights.size()).arg(classes);
            std::vector<float> w(config.explicitClassWeights.begin(), config.explicitClassWeights.end());
            m_classWeights = torch::tensor(w);
        }
        return {};
    }

    std::shared_ptr<NetworkImpl> buildNetwork() override
    {
        DetectorSpec spec;
        spec.arch = m_config.model.toStdString();
        spec.numClasses = int(m_data.classes.size());
        spec.inChannels = m_config.channels;
        spec.anchors = m_anchors;
        m_model = makeDetector(spec);
        return m_model;
    }
    std::shared_ptr<NetworkImpl> network() const override { return m_model; }

    std::unique_ptr<DataLoader> makeLoader(const std::vector<int> &images, const Pipeline &pipeline,
                                           const LoaderOptions &options, const NoteFn &note) const override
    {
        std::vector<int> indices;
        std::vector<QRect> regions;
        std::vector<BadFile> skipped;
        tileItems(m_data, images, m_tiles, indices, regions, &skipped);
        for (const BadFile &b : skipped)
            note(Text::tr("skipped %1: %2").arg(b.path, b.reason));
        auto loader = std::make_unique<DataLoader>(m_data, std::move(indices), pipeline, options);
        loader->setRegions(std::move(regions));
        return loader;
    }

    std::unique_ptr<DataLoader> makeTrainLoader(const std::vector<int> &images, const Pipeline &pipeline,
                                                const LoaderOptions &options, const NoteFn &note) const override
    {
        std::unique_ptr<DataLoader> loader = makeLoader(images, pipeline, options, note);
        double ratio = std::numeric_limits<double>::infinity();
        if (m_tiles.isWholeImage() || !parseEmptyTiles(m_config.emptyTiles, &ratio) || std::isinf(ratio))
            return loader;
        // Inspection images hold a few small objects, so most tiles show none: an epoch of every tile
        // spends most of its time on background the focal loss then mostly ignores. Each epoch takes
        // every tile with an object and a fresh draw of the empty ones.
        const std::vector<int> &indices = loader->indices();
        const std::vector<QRect> &regions = loader->regions();
        std::vector<char> empty(indices.size(), 0);
        int withObjects = 0, without = 0;
        for (std::size_t k = 0; k < indices.size(); ++k) {
            const Sample &s = m_data.samples[std::size_t(indices[k])];
            std::vector<Annotation> objects;
            for (const Annotation &a : s.objects)
                if (!a.crowd && a.classId >= 0 && a.box.width() > 0 && a.box.height() > 0)
                    objects.push_back(a);
            const QSize size = imageSizeOf(m_data, indices[k]);
            const QRect region = regions.empty() ? QRect() : regions[k];
            bool kept = !objects.empty();
            if (kept && !region.isEmpty() && !size.isEmpty())
                kept = !objectsInTile(TileGrid(size, TileCount{1, 1}, 0, region), 0, objects).empty();
            empty[k] = kept ? 0 : 1;
            (kept ? withObjects : without) += 1;
        }
        const int drawn = int(std::min<double>(without, std::ceil(ratio * std::max(1, withObjects))));
        loader->setEpochSample(std::move(empty), drawn);
        if (drawn < without)
            note(Text::tr("each epoch: the %1 tiles with objects and %2 of the %3 without, drawn anew")
                     .arg(withObjects)
                     .arg(drawn)
                     .arg(without));
        return loader;
    }

    TaskLoss loss(const Batch &batch) override
    {
        const DetectionLoss l = m_model->loss(m_model->forward(batch.images), detectionTargets(batch), m_classWeights);
        TaskLoss out;
        out.total = l.total;
        out.parts = {{QStringLiteral("classification"), l.classification}, {QStringLiteral("box"), l.box}};
        return out;
    }

    TaskEvaluation evaluate(DataLoader &loader, const StopToken *stop) override
    {
        m_last = evaluateDetector(*m_model, loader, m_data, m_tiles, m_classWeights, stop);
        return toEvaluation(m_last);
    }

    double explodeAt() const override { return 1e4; }

    void describe(QJsonObject &config) const override
    {
        config.insert(QStringLiteral("task"), name());
        config.insert(QStringLiteral("detection"),
                      QJsonObject{{QStringLiteral("tiles"), m_tiles.toJson()},
                                  {QStringLiteral("input_size"), m_config.imageSize},
                                  {QStringLiteral("anchors"), m_anchors.toJson()},
                                  {QStringLiteral("anchor_coverage"), m_coverage},
                                  {QStringLiteral("empty_tiles"), m_config.emptyTiles},
                                  {QStringLiteral("default_anchor_coverage"), m_defaultCoverage},
                                  {QStringLiteral("pyramid_channels"), m_model->detectorSpec().pyramidChannels},
                                  {QStringLiteral("head_convs"), m_model->detectorSpec().headConvs},
                                  {QStringLiteral("score_threshold"), double(DecodeOptions().scoreThreshold)},
                                  {QStringLiteral("nms_iou"), DecodeOptions().nmsIou}});
    }

    void writePredictions(const QString &runDir, DataLoader &dev, const std::vector<int> &test, const Pipeline &pipeline,
                          const LoaderOptions &options, int epoch, const NoteFn &note) override
    {
        const DetectionEvalOutput finalDev = evaluateDetector(*m_model, dev, m_data, m_tiles, m_classWeights);
        writeDetections(runDir, QStringLiteral("dev"), finalDev, note);
        if (test.empty())
            return;
        const std::unique_ptr<DataLoader> testLoader = makeLoader(test, pipeline, options, note);
        const DetectionEvalOutput result = evaluateDetector(*m_model, *testLoader, m_data, m_tiles, m_classWeights);
        for (const BadFile &b : testLoader->takeErrors())
            note(Text::tr("skipped %1: %2").arg(b.path, b.reason));
        writeDetections(runDir, QStringLiteral("test"), result, note);
        note(Text::tr("test images: %1 (weights of epoch %2)").arg(toEvaluation(result).summary).arg(epoch));
    }

    QSize lastFeatureMapSize(int, int size) const override
    {
        const int side = (size + 31) / 32;
        return QSize(side, side);
    }

    double overfitLossThreshold() const override { return 0.1; }

    int stratum(int sample) const override
    {
        for (const Annotation &a : m_data.samples[std::size_t(sample)].objects)
            if (!a.crowd && a.classId >= 0 && a.box.width() > 0 && a.box.height() > 0)
                return a.classId;
        return -1;
    }

    void judgeOverfit(DataLoader &loader, OverfitResult &result, const StopToken *stop) override
    {
        // Every box found at IoU ≥ 0.5 by a detection of its class scoring at least the threshold,
        // and no other detection that confident.
        const DetectionEvalOutput eval = evaluateDetector(*m_model, loader, m_data, m_tiles, m_classWeights, stop);
        result.classes = m_data.classes;
        int boxes = 0, found = 0, falsePositives = 0;
        for (int sample : eval.images) {
            std::vector<const CocoDetection *> confident;
            for (const CocoDetection &d : eval.detections)
                if (d.imageId == sample + 1 && d.score >= kOverfitScore)
                    confident.push_back(&d);
            std::vector<bool> used(confident.size(), false);
            int imageBoxes = 0, imageFound = 0;
            for (const Annotation &a : m_data.samples[std::size_t(sample)].objects) {
                if (a.crowd || a.classId < 0 || a.box.width() <= 0 || a.box.height() <= 0)
                    continue;
                ++imageBoxes;
                const BoxXywh truth{a.box.x(), a.box.y(), a.box.width(), a.box.height()};
                int best = -1;
                double bestIou = 0.5;
                for (std::size_t k = 0; k < confident.size(); ++k) {
                    if (used[k] || confident[k]->categoryId != a.classId + 1)
                        continue;
                    const double iou = cocoIou(confident[k]->box, truth, false);
                    if (iou >= bestIou) {
                        bestIou = iou;
                        best = int(k);
                    }
                }
                if (best >= 0) {
                    used[std::size_t(best)] = true;
                    ++imageFound;
                }
            }
            const int imageFalse = int(std::count(used.begin(), used.end(), false));
            boxes += imageBoxes;
            found += imageFound;
            falsePositives += imageFalse;
            const bool right = imageFound == imageBoxes && imageFalse == 0;
            result.correct += right ? 1 : 0;
            result.paths.push_back(m_data.samples[std::size_t(sample)].path);
            result.imageLines.append(Text::tr("%1: %2 of %3 boxes found, %4 false positives%5")
                                         .arg(m_data.samples[std::size_t(sample)].path)
                                         .arg(imageFound)
                                         .arg(imageBoxes)
                                         .arg(imageFalse)
                                         .arg(right ? QString() : Text::tr("  ← wrong")));
        }
        if (found < boxes || eval.images.empty())
            result.failedChecks.append(Text::tr("%1 of %2 boxes found at IoU ≥ 0.5 with score ≥ %3 in evaluation mode")
                                           .arg(found)
                                           .arg(boxes)
                                           .arg(kOverfitScore));
        if (falsePositives > 0)
            result.failedChecks.append(
                Text::tr("%1 false positives with score ≥ %2").arg(falsePositives).arg(kOverfitScore));
    }

private:
    static TaskEvaluation toEvaluation(const DetectionEvalOutput &d)
    {
        TaskEvaluation e;
        e.loss = d.loss;
        e.lossParts = {{QStringLiteral("classification"), d.classificationLoss}, {QStringLiteral("box"), d.boxLoss}};
        e.metrics = {{QStringLiteral("map"), std::max(0.0, d.metrics.map)},
                     {QStringLiteral("ap50"), std::max(0.0, d.metrics.ap50)},
                     {QStringLiteral("ap75"), std::max(0.0, d.metrics.ap75)}};
        e.images = int(d.images.size());
        e.complete = d.complete;
        e.summary = Text::tr("mAP %1, AP50 %2 on %3 images")
                        .arg(std::max(0.0, d.metrics.map), 0, 'f', 4)
                        .arg(std::max(0.0, d.metrics.ap50), 0, 'f', 4)
                        .arg(e.images);
        return e;
    }

    void writeDetections(const QString &runDir, const QString &split, const DetectionEvalOutput &out,
                         const NoteFn &note) const
    {
        const QString file = QDir(runDir).filePath(QStringLiteral("detections-%1.json").arg(split));
        if (const QString error = cocoresults::write(file, out.detections); !error.isEmpty())
            note(error);
        QJsonArray images;
        for (int i : out.images)
            images.append(m_data.samples[std::size_t(i)].path);
        const QString list = QDir(runDir).filePath(QStringLiteral("detections-%1-images.json").arg(split));
        if (const QString error = runfolder::writeAtomically(list, QJsonDocument(images).toJson(QJsonDocument::Compact));
            !error.isEmpty())
            note(error);
    }

    const Dataset &m_data;
    TrainConfig m_config;
    TileSetup m_tiles;
    AnchorConfig m_anchors = AnchorConfig::retinaNet();
    double m_coverage = 0;
    double m_defaultCoverage = 0;
    torch::Tensor m_classWeights;
    std::shared_ptr<DetectorImpl> m_model;
    DetectionEvalOutput m_last;
};

} // namespace

std::unique_ptr<TrainingTask> makeClassificationTask(const Dataset &dataset, const TrainConfig &config);
std::unique_ptr<TrainingTask> makeSegmentationTask(const Dataset &dataset, const TrainConfig &config);

QString defaultTask(const Dataset &dataset)
{
    // A mask layout labels pixels; COCO polygons alone stay a detection dataset (their boxes are
    // what most COCO files are for), and `--task segment` trains on them.
    if (dataset.maskLayout)
        return QStringLiteral("segment");
    bool imageLabels = false;
    for (const Sample &s : dataset.samples)
        imageLabels = imageLabels || s.classId >= 0;
    return !imageLabels && dataset.hasObjects() ? QStringLiteral("detect") : QStringLiteral("classify");
}

std::unique_ptr<TrainingTask> makeTrainingTask(const Dataset &dataset, const TrainConfig &config)
{
    const QString task = config.task.isEmpty() ? defaultTask(dataset) : config.task;
    if (task == QLatin1String("detect"))
        return std::make_unique<DetectionTask>(dataset, config);
    if (task == QLatin1String("segment"))
        return makeSegmentationTask(dataset, config);
    return makeClassificationTask(dataset, config);
}

} // namespace loupe
