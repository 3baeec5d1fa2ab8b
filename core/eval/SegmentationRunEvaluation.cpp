#include "eval/RunEvaluation.h"

#include "augment/Pipeline.h"
#include "dataset/Errors.h"
#include "dataset/Masks.h"
#include "eval/LoadedRun.h"
#include "eval/SegmentationEvaluation.h"
#include "model/TorchRuntime.h"
#include "model/WeightImportError.h"
#include "project/RunFolder.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace loupe {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::RunEvaluation)
};
} // namespace

namespace {

/// The dataset's classes renumbered as the run's (by name), in its objects, mask files and mask coding.
void renumberClasses(Dataset &data, const QStringList &runClasses)
{
    std::vector<int> remap(std::size_t(data.classes.size()), -1);
    for (int c = 0; c < data.classes.size(); ++c) {
        remap[std::size_t(c)] = int(runClasses.indexOf(data.classes.at(c)));
        if (remap[std::size_t(c)] < 0)
            throw DatasetError(Text::tr("class \"%1\" of the dataset is not one the run was trained on (%2)")
                                   .arg(data.classes.at(c), runClasses.join(QLatin1String(", "))));
    }
    // Class-index values: 0 background and 255 ignored stay; k (class k−1) becomes the run's.
    const auto value = [&](int v) {
        return v >= 1 && v <= int(remap.size()) ? remap[std::size_t(v - 1)] + 1 : v;
    };
    for (int &v : data.maskCoding.valueToClass)
        v = value(v);
    for (auto &[colour, v] : data.maskCoding.colourToClass)
        v = value(v);
    for (Sample &s : data.samples) {
        if (s.mask.foregroundClass >= 0)
            s.mask.foregroundClass = remap[std::size_t(s.mask.foregroundClass)];
        for (Annotation &a : s.objects)
            if (a.classId >= 0 && a.classId < int(remap.size()))
                a.classId = remap[std::size_t(a.classId)];
    }
    data.classes = runClasses;
}

} // namespace

SegmentationRunEvaluation evaluateSegmentationRun(const QString &runDir, const Dataset &dataset,
                                                  const QString &predictionsDir, int threads, const StopToken *stop,
                                                  const QString &precisionSetting)
{
    SegmentationRunEvaluation out;
    const PrecisionChoice precision = choosePrecision(precisionSetting);
    if (precision.setting.isEmpty())
        throw DatasetError(precision.reason);
    out.precision = precision.name();
    out.precisionReason = precision.reason;
    const QJsonObject config = runfolder::readConfig(runDir);
    const TrainConfig cfg = TrainConfig::fromJson(config);
    QStringList classes;
    for (const QJsonValue &v : config.value(QStringLiteral("dataset")).toObject().value(QStringLiteral("classes")).toArray())
        classes.append(v.toString());
    if (classes.isEmpty())
        throw DatasetError(Text::tr("%1 names no classes").arg(runfolder::configPath(runDir)));
    const QJsonObject segmentation = config.value(QStringLiteral("segmentation")).toObject();
    SegmenterSpec spec;
    spec.arch = cfg.model.toStdString();
    spec.numClasses = int(classes.size()) + 1;
    spec.inChannels = cfg.channels;
    spec.decoderChannels = segmentation.value(QStringLiteral("decoder_channels")).toInt(spec.decoderChannels);
    spec.refineChannels = segmentation.value(QStringLiteral("refine_channels")).toInt(spec.refineChannels);
    const TileSetup tiles = TileSetup::fromJson(segmentation.value(QStringLiteral("tiles")).toObject());
    out.tiles = tiles.describe();

    out.checkpoint = runCheckpoint(runDir);
    std::shared_ptr<SegmenterImpl> model;
    Pipeline pipeline;
    try {
        model = makeSegmenter(spec);
        pipeline = (cfg.pipelineJson.isEmpty() ? Pipeline::defaultTraining(cfg.imageSize, cfg.channels)
                                               : Pipeline::fromJson(cfg.pipelineJson))
                       .evaluationPipeline();
        importWeights(*model, out.checkpoint.toStdString());
    } catch (const std::invalid_argument &e) {
        throw DatasetError(Text::tr("%1: %2").arg(runfolder::configPath(runDir), QString::fromStdString(e.what())));
    } catch (const PipelineError &e) {
        throw DatasetError(Text::tr("%1: %2").arg(runfolder::configPath(runDir), QString::fromStdString(e.what())));
    } catch (const WeightImportError &e) {
        throw DatasetError(e.message());
    }
    model->setComputeMode(computeModeFor(cfg.model.toStdString(), precision.precision));
    model->eval();

    Dataset data = dataset;
    if (!hasPixelLabels(data))
        throw DatasetError(Text::tr("the dataset has no masks to score a segmentation run against (mask folders, "
                                    "MVTec AD or COCO polygons)"));
    renumberClasses(data, classes);
    std::vector<int> images(data.samples.size());
    for (std::size_t i = 0; i < images.size(); ++i)
        images[i] = int(i);
    if (images.empty())
        throw DatasetError(Text::tr("the dataset has no images to evaluate"));
    setComputeThreads(threads);
    LoaderOptions lo;
    lo.batchSize = std::max(1, cfg.batchSize);
    lo.imageSize = cfg.imageSize;
    lo.channels = cfg.channels;
    lo.shuffle = false;
    lo.threads = std::max(1, cfg.loaderThreads);
    std::vector<int> indices;
    std::vector<QRect> regions;
    tileItems(data, images, tiles, indices, regions, &out.skipped);
    DataLoader loader(data, indices, pipeline, lo);
    loader.setRegions(regions);
    std::optional<PredictedMaskWriter> writer;
    if (!predictionsDir.isEmpty())
        writer.emplace(predictionsDir);
    QString writeError;
    const SegmentationEvalOutput eval = evaluateSegmenter(
        *model, loader, data, tiles, {}, stop, /*withLoss=*/false, [&](int sample, const cv::Mat &predicted) {
            if (writer && writeError.isEmpty())
                writeError = writer->write(data.samples[std::size_t(sample)].path, predicted);
        });
    if (!writeError.isEmpty())
        throw DatasetError(writeError);
    for (const BadFile &b : loader.takeErrors())
        out.skipped.push_back(b);
    for (const BadFile &b : eval.unreadable)
        out.skipped.push_back(b);
    out.metrics = eval.metrics;
    out.images = int(eval.images.size());
    out.masksWritten = writer ? writer->written() : 0;
    return out;
}

QByteArray segmentationRunJson(const SegmentationRunEvaluation &e)
{
    QJsonObject o = QJsonDocument::fromJson(segmentationMetricsJson(e.metrics)).object();
    o.insert(QStringLiteral("images"), e.images);
    o.insert(QStringLiteral("tiles"), e.tiles);
    o.insert(QStringLiteral("precision"), e.precision);
    o.insert(QStringLiteral("checkpoint"), e.checkpoint);
    if (e.masksWritten > 0)
        o.insert(QStringLiteral("masks_written"), e.masksWritten);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace loupe
