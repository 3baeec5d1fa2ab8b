#include "train/TrainingTask.h"

#include "dataset/Masks.h"
#include "eval/SegmentationEvaluation.h"
#include "project/RunFolder.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>

namespace loupe {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::Trainer)
};

/// The IoU every defect class of the overfit check's images must reach.
constexpr double kOverfitIou = 0.9;

/// ENet's class weighting (Paszke et al. 2016), 1 / ln(c + p) with p a class's share of the pixels:
/// rare classes weigh more, but never more than 1 / ln(c) ≈ 50, so a defect a few pixels wide cannot
/// swamp the loss as plain inverse frequency (thousands) would.
constexpr double kEnetC = 1.02;

/// A semantic segmentation network (ResNet encoder, FPN decoder) trained with class-weighted
/// cross-entropy plus Dice, judged by mean IoU over one confusion matrix of every dev pixel.
class SegmentationTask : public TrainingTask
{
public:
    SegmentationTask(const Dataset &dataset, const TrainConfig &config)
        : m_data(dataset)
        , m_config(config)
    {
    }

    QString name() const override { return QStringLiteral("segment"); }
    const Dataset &data() const override { return m_data; }

    TrainDevSplit split(double devFraction, quint64 seed) const override
    {
        // Stratified by what a mask file says an image shows (MVTec's defect folders), else one stratum.
        Dataset byMask = m_data;
        byMask.classes.append(QStringLiteral("(none)"));
        for (Sample &s : byMask.samples)
            s.classId = s.mask.foregroundClass >= 0 ? s.mask.foregroundClass : int(m_data.classes.size());
        return splitForTraining(byMask, devFraction, seed);
    }

    QString prepare(const TrainDevSplit &split, TrainConfig &config, const NoteFn &note) override
    {
        m_config = config;
        if (m_data.classes.isEmpty())
            return Text::tr("segmentation needs at least one class besides background; this dataset has none");
        if (m_data.classes.size() > 254)
            return Text::tr("segmentation takes at most 254 classes; this dataset has %1").arg(m_data.classes.size());
        if (!hasPixelLabels(m_data))
            return Text::tr("segmentation needs masks (mask folders, MVTec AD or COCO polygons); this dataset has none");
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

        // The training masks' pixels per class; unreadable masks named in one line.
        const int classes = int(m_data.classes.size()) + 1;
        std::vector<double> pixels(std::size_t(classes), 0.0);
        QStringList unreadable;
        for (int i : split.train) {
            const ClassMask m = readClassMask(m_data, m_data.samples[std::size_t(i)]);
            if (!m.ok()) {
                unreadable << QStringLiteral("%1 (%2)").arg(m_data.samples[std::size_t(i)].path, m.error);
                continue;
            }
            int histogram[256] = {};
            for (int y = 0; y < m.mask.rows; ++y) {
                const uchar *row = m.mask.ptr<uchar>(y);
                for (int x = 0; x < m.mask.cols; ++x)
                    ++histogram[row[x]];
            }
            for (int c = 0; c < classes; ++c)
                pixels[std::size_t(c)] += histogram[c];
        }
        if (!unreadable.isEmpty())
            note(Text::tr("%1 training masks cannot be read and their images are skipped: %2")
                     .arg(unreadable.size())
                     .arg(unreadable.mid(0, 5).join(QLatin1String("; "))));
        double foreground = 0, total = 0;
        for (int c = 0; c < classes; ++c) {
            total += pixels[std::size_t(c)];
            if (c > 0)
                foreground += pixels[std::size_t(c)];
        }
        if (foreground == 0) {
            QString text = Text::tr("none of the %1 training images has a pixel of any class: a segmenter has nothing "
                                    "to learn")
                               .arg(split.train.size());
            if (m_data.format == QLatin1String("mvtec"))
                text += Text::tr(" (MVTec AD keeps every defect image in test/: move some into train/ to train on them)");
            return text;
        }
        QStringList missing;
        for (int c = 1; c < classes; ++c)
            if (pixels[std::size_t(c)] == 0)
                missing << m_data.classes.at(c - 1);
        if (!missing.isEmpty())
            note(Text::tr("no training pixels of %1: the segmenter cannot learn these classes")
                     .arg(missing.join(QLatin1String(", "))));
        note(Text::tr("segmentation input: %1, each resized to %2×%2").arg(m_tiles.describe()).arg(config.imageSize));

        const QStringList names = segmentationClassNames(m_data.classes);
        m_classWeights = torch::Tensor();
        m_weights.clear();
        if (config.classWeights == QLatin1String("auto")) {
            for (int c = 0; c < classes; ++c)
                m_weights.push_back(1.0 / std::log(kEnetC + pixels[std::size_t(c)] / std::max(1.0, total)));
            QStringList parts;
            for (int c = 0; c < classes; ++c)
                parts.append(QStringLiteral("%1 %2").arg(names.at(c)).arg(m_weights[std::size_t(c)], 0, 'f', 2));
            note(Text::tr("class weights (1 / ln(1.02 + pixel share)): %1").arg(parts.join(QLatin1String(", "))));
        } else if (config.classWeights == QLatin1String("explicit")) {
            if (int(config.explicitClassWeights.size()) != classes)
                return Text::tr("%1 class weights given for %2 classes (background first: %3)")
                    .arg(config.explicitClassWeights.size())
                    .arg(classes)
                    .arg(names.join(QLatin1String(", ")));
            m_weights = config.explicitClassWeights;
        }
        if (!m_weights.empty())
            m_classWeights = torch::tensor(std::vector<float>(m_weights.begin(), m_weights.end()));
        return {};
    }

    std::shared_ptr<NetworkImpl> buildNetwork() override
    {
        SegmenterSpec spec;
        spec.arch = m_config.model.toStdString();
        spec.numClasses = int(m_data.classes.size()) + 1;
        spec.inChannels = m_config.channels;
        m_model = makeSegmenter(spec);
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
        loader->setClassMasks(true);
        return loader;
    }

    TaskLoss loss(const Batch &batch) override
    {
        const SegmentationLoss l = segmentationLoss(m_model->forward(batch.images), batch.masks,
                                                    lossSetup().classWeights, lossSetup().dice);
        TaskLoss out;
        out.total = l.total;
        out.parts = {{QStringLiteral("ce"), l.crossEntropy}};
        if (l.dice.defined())
            out.parts.emplace_back(QStringLiteral("dice"), l.dice);
        return out;
    }

    TaskEvaluation evaluate(DataLoader &loader, const StopToken *stop) override
    {
        return toEvaluation(evaluateSegmenter(*m_model, loader, m_data, m_tiles, lossSetup(), stop));
    }

    double explodeAt() const override { return 1e3; }

    void describe(QJsonObject &config) const override
    {
        QJsonArray weights;
        for (double w : m_weights)
            weights.append(w);
        config.insert(QStringLiteral("task"), name());
        config.insert(QStringLiteral("segmentation"),
                      QJsonObject{{QStringLiteral("tiles"), m_tiles.toJson()},
                                  {QStringLiteral("input_size"), m_config.imageSize},
                                  {QStringLiteral("decoder"), QStringLiteral("fpn")},
                                  {QStringLiteral("decoder_channels"), m_model->segmenterSpec().decoderChannels},
                                  {QStringLiteral("refine_channels"), m_model->segmenterSpec().refineChannels},
                                  {QStringLiteral("loss"), QStringLiteral("cross-entropy + dice")},
                                  {QStringLiteral("class_weights"), weights},
                                  {QStringLiteral("classes"),
                                   QJsonArray::fromStringList(segmentationClassNames(m_data.classes))}});
    }

    void writePredictions(const QString &runDir, DataLoader &dev, const std::vector<int> &test, const Pipeline &pipeline,
                          const LoaderOptions &options, int epoch, const NoteFn &note) override
    {
        writeMasks(QDir(runDir).filePath(QStringLiteral("masks-dev")), dev, note);
        if (test.empty())
            return;
        const std::unique_ptr<DataLoader> testLoader = makeLoader(test, pipeline, options, note);
        const SegmentationEvalOutput result
            = writeMasks(QDir(runDir).filePath(QStringLiteral("masks-test")), *testLoader, note);
        for (const BadFile &b : testLoader->takeErrors())
            note(Text::tr("skipped %1: %2").arg(b.path, b.reason));
        note(Text::tr("test images: %1 (weights of epoch %2)").arg(toEvaluation(result).summary).arg(epoch));
    }

    QSize lastFeatureMapSize(int, int size) const override
    {
        const int side = (size + 31) / 32;
        return QSize(side, side);
    }

    /// Cross-entropy plus Dice: 0.05 leaves a thin scratch's edge pixels right as well as its middle
    /// (at 0.15 a 2 px line stopped near IoU 0.8).
    double overfitLossThreshold() const override { return 0.05; }

    int stratum(int sample) const override
    {
        const Sample &s = m_data.samples[std::size_t(sample)];
        if (s.mask.foregroundClass >= 0)
            return s.mask.foregroundClass + 1;
        {
            std::lock_guard<std::mutex> lock(m_strataMutex);
            if (const auto it = m_strata.find(sample); it != m_strata.end())
                return it->second;
        }
        // The first class the mask holds; background-only images are their own stratum (0).
        const ClassMask m = readClassMask(m_data, s);
        int stratum = -1;
        if (m.ok()) {
            stratum = 0;
            for (int y = 0; y < m.mask.rows && stratum == 0; ++y) {
                const uchar *row = m.mask.ptr<uchar>(y);
                for (int x = 0; x < m.mask.cols; ++x)
                    if (row[x] != 0 && row[x] != MaskCoding::kIgnore) {
                        stratum = row[x];
                        break;
                    }
            }
        }
        std::lock_guard<std::mutex> lock(m_strataMutex);
        m_strata[sample] = stratum;
        return stratum;
    }

    void judgeOverfit(DataLoader &loader, OverfitResult &result, const StopToken *stop) override
    {
        const SegmentationEvalOutput eval = evaluateSegmenter(*m_model, loader, m_data, m_tiles, lossSetup(), stop);
        result.classes = m_data.classes;
        for (std::size_t k = 0; k < eval.images.size(); ++k) {
            const int sample = eval.images[k];
            const double iou = eval.imageIou[k];
            const bool right = std::isnan(iou) || iou >= kOverfitIou;
            result.correct += right ? 1 : 0;
            result.paths.push_back(m_data.samples[std::size_t(sample)].path);
            result.imageLines.append(
                Text::tr("%1: IoU %2 over its classes%3")
                    .arg(m_data.samples[std::size_t(sample)].path)
                    .arg(std::isnan(iou) ? Text::tr("n/a (background only)") : QString::number(iou, 'f', 3))
                    .arg(right ? QString() : Text::tr("  ← below %1").arg(kOverfitIou)));
        }
        for (const BadFile &b : eval.unreadable)
            result.failedChecks.append(Text::tr("%1: %2").arg(b.path, b.reason));
        if (eval.images.empty())
            result.failedChecks.append(Text::tr("no image could be evaluated"));
        // Every defect class present in the five images' truth or predictions, over their pixels together.
        for (std::size_t c = 1; c < eval.metrics.perClass.size(); ++c) {
            const SegmentationClassMetrics &m = eval.metrics.perClass[c];
            if (m.present() && !(m.iou >= kOverfitIou))
                result.failedChecks.append(Text::tr("IoU of %1 is %2 in evaluation mode, not at least %3")
                                               .arg(m.name)
                                               .arg(m.iou, 0, 'f', 3)
                                               .arg(kOverfitIou));
        }
    }

private:
    SegmentationLossSetup lossSetup() const
    {
        SegmentationLossSetup s;
        s.classWeights = m_classWeights;
        s.dice = true;
        return s;
    }

    static TaskEvaluation toEvaluation(const SegmentationEvalOutput &d)
    {
        const auto orZero = [](double v) { return std::isnan(v) ? 0.0 : v; };
        TaskEvaluation e;
        e.loss = d.loss;
        e.lossParts = {{QStringLiteral("ce"), d.crossEntropy}, {QStringLiteral("dice"), d.dice}};
        e.metrics = {{QStringLiteral("miou"), orZero(d.metrics.miou)},
                     {QStringLiteral("miou_foreground"), orZero(d.metrics.miouForeground)},
                     {QStringLiteral("pixel_accuracy"), orZero(d.metrics.pixelAccuracy)}};
        e.images = int(d.images.size());
        e.complete = d.complete;
        e.summary = Text::tr("mIoU %1 (defect classes %2), pixel accuracy %3 on %4 images")
                        .arg(orZero(d.metrics.miou), 0, 'f', 4)
                        .arg(orZero(d.metrics.miouForeground), 0, 'f', 4)
                        .arg(orZero(d.metrics.pixelAccuracy), 0, 'f', 4)
                        .arg(e.images);
        return e;
    }

    SegmentationEvalOutput writeMasks(const QString &dir, DataLoader &loader, const NoteFn &note)
    {
        PredictedMaskWriter writer(dir);
        QString firstError;
        const SegmentationEvalOutput out = evaluateSegmenter(
            *m_model, loader, m_data, m_tiles, lossSetup(), nullptr, /*withLoss=*/false,
            [&](int sample, const cv::Mat &predicted) {
                const QString error = writer.write(m_data.samples[std::size_t(sample)].path, predicted);
                if (firstError.isEmpty())
                    firstError = error;
            });
        if (!firstError.isEmpty())
            note(firstError);
        return out;
    }

    const Dataset &m_data;
    TrainConfig m_config;
    TileSetup m_tiles;
    std::vector<double> m_weights;
    torch::Tensor m_classWeights;
    std::shared_ptr<SegmenterImpl> m_model;
    mutable std::map<int, int> m_strata;
    mutable std::mutex m_strataMutex;
};

} // namespace

std::unique_ptr<TrainingTask> makeSegmentationTask(const Dataset &dataset, const TrainConfig &config)
{
    return std::make_unique<SegmentationTask>(dataset, config);
}

} // namespace loupe
