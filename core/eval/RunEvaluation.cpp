#include "eval/RunEvaluation.h"

#include "augment/Pipeline.h"
#include "dataset/ClassificationView.h"
#include "dataset/Errors.h"
#include "eval/DetectionEvaluation.h"
#include "eval/DetectionReview.h"
#include "eval/Evaluation.h"
#include "eval/LoadedRun.h"
#include "loader/DataLoader.h"
#include "model/TorchRuntime.h"
#include "model/WeightImportError.h"
#include "project/RunFolder.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace loupe {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::RunEvaluation)
};

/// The epoch whose weights a checkpoint holds, from metrics.jsonl; 0 when it does not say.
int checkpointEpoch(const QString &runDir, const QString &checkpoint)
{
    const std::vector<EpochMetrics> history = runfolder::readMetrics(runDir);
    const bool best = QFileInfo(checkpoint) == QFileInfo(runfolder::bestCheckpointPath(runDir));
    for (auto it = history.rbegin(); it != history.rend(); ++it)
        if (!best || it->best)
            return it->epoch;
    return 0;
}

QString datasetName(const Dataset &dataset)
{
    const QString name = QFileInfo(dataset.root).fileName();
    return name.isEmpty() ? dataset.root : name;
}
} // namespace

RunEvaluation evaluateRun(const QString &runDir, const Dataset &dataset, const QString &predictionsCsv, int threads,
                          const StopToken *stop, const QString &precision)
{
    const LoadedRun run = loadRun(runDir, precision);
    const QStringList &runClasses = run.classes;
    const TrainConfig &cfg = run.config;
    RunEvaluation out;
    out.checkpoint = run.checkpoint;
    out.precision = run.precision.name();
    out.precisionReason = run.precision.reason;

    // The dataset's class ids mapped onto the run's, by name.
    Dataset data = classificationView(dataset);
    std::vector<int> remap(data.classes.size(), -1);
    for (int c = 0; c < data.classes.size(); ++c) {
        remap[c] = int(runClasses.indexOf(data.classes.at(c)));
        if (remap[c] < 0)
            throw DatasetError(Text::tr("class \"%1\" of the dataset is not one the run was trained on (%2)")
                                   .arg(data.classes.at(c), runClasses.join(QLatin1String(", "))));
    }
    std::vector<int> indices;
    for (int i = 0; i < int(data.samples.size()); ++i) {
        Sample &s = data.samples[i];
        if (s.classId < 0)
            continue;
        s.classId = remap[s.classId];
        indices.push_back(i);
    }
    data.classes = runClasses;
    if (indices.empty())
        throw DatasetError(Text::tr("the dataset has no labelled images to evaluate"));

    setComputeThreads(threads);
    keepFreedMemory();
    LoaderOptions lo;
    lo.batchSize = std::max(1, cfg.batchSize);
    lo.imageSize = cfg.imageSize;
    lo.channels = cfg.channels;
    lo.shuffle = false;
    lo.threads = std::max(1, cfg.loaderThreads);
    DataLoader loader(data, indices, run.evaluation, lo);
    const EvalOutput eval = evaluateModel(*run.model, loader, stop);
    out.skipped = loader.takeErrors();
    out.loss = eval.loss;
    out.images = int(eval.samples.size());
    out.metrics = computeMetrics(eval.truth, eval.predicted, runClasses);
    out.predictions = toPredictionSet(data, eval, datasetName(dataset), checkpointEpoch(runDir, out.checkpoint));
    if (!predictionsCsv.isEmpty())
        if (const QString error = predictionfiles::write(predictionsCsv, out.predictions); !error.isEmpty())
            throw DatasetError(error);
    return out;
}

QString runTask(const QString &runDir)
{
    const QString task = runfolder::readConfig(runDir).value(QStringLiteral("task")).toString();
    return task.isEmpty() ? QStringLiteral("classify") : task;
}


std::vector<CocoDetection> withSourceIds(std::vector<CocoDetection> detections, const Dataset &dataset,
                                         const QStringList &runClasses)
{
    // Every image and every class of the run must have an id in the label file, or none is used:
    // a file that mixes ids and indexes could not be scored by anything.
    if (dataset.classSourceIds.size() != std::size_t(dataset.classes.size()))
        return detections;
    std::vector<qint64> categoryOf;
    for (const QString &name : runClasses) {
        const int c = int(dataset.classes.indexOf(name));
        if (c < 0)
            return detections;
        categoryOf.push_back(dataset.classSourceIds[std::size_t(c)]);
    }
    for (const Sample &s : dataset.samples)
        if (s.sourceId < 0)
            return detections;
    for (CocoDetection &d : detections) {
        d.imageId = dataset.samples[std::size_t(d.imageId - 1)].sourceId;
        d.categoryId = int(categoryOf[std::size_t(d.categoryId - 1)]);
    }
    return detections;
}

DetectionRunEvaluation evaluateDetectionRun(const QString &runDir, const Dataset &dataset,
                                            const QString &predictionsJson, int threads, const StopToken *stop,
                                            const QString &precisionSetting)
{
    DetectionRunEvaluation out;
    const PrecisionChoice precision = choosePrecision(precisionSetting);
    if (precision.setting.isEmpty())
        throw DatasetError(precision.reason);
    out.precision = precision.name();
    out.precisionReason = precision.reason;
    const QJsonObject config = runfolder::readConfig(runDir);
    const TrainConfig cfg = TrainConfig::fromJson(config);
    for (const QJsonValue &v : config.value(QStringLiteral("dataset")).toObject().value(QStringLiteral("classes")).toArray())
        out.classes.append(v.toString());
    if (out.classes.isEmpty())
        throw DatasetError(Text::tr("%1 names no classes").arg(runfolder::configPath(runDir)));
    const QJsonObject detection = config.value(QStringLiteral("detection")).toObject();
    const QJsonObject anchors = detection.value(QStringLiteral("anchors")).toObject();
    DetectorSpec spec;
    spec.arch = cfg.model.toStdString();
    spec.numClasses = int(out.classes.size());
    spec.inChannels = cfg.channels;
    try {
        spec.anchors = AnchorConfig::fromJson(anchors);
    } catch (const AnchorError &e) {
        throw DatasetError(Text::tr("%1: %2").arg(runfolder::configPath(runDir), e.message()));
    }
    spec.pyramidChannels = detection.value(QStringLiteral("pyramid_channels")).toInt(spec.pyramidChannels);
    spec.headConvs = detection.value(QStringLiteral("head_convs")).toInt(spec.headConvs);
    const TileSetup tiles = TileSetup::fromJson(detection.value(QStringLiteral("tiles")).toObject());
    out.tiles = tiles.describe();

    out.checkpoint = runCheckpoint(runDir);
    std::shared_ptr<DetectorImpl> model;
    Pipeline pipeline;
    try {
        model = makeDetector(spec);
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

    // The dataset's classes onto the run's, by name.
    Dataset data = dataset;
    data.classes = out.classes;
    for (Sample &s : data.samples)
        for (Annotation &a : s.objects) {
            if (a.classId < 0)
                continue;
            const QString name = dataset.classes.value(a.classId);
            a.classId = int(out.classes.indexOf(name));
            if (a.classId < 0)
                throw DatasetError(Text::tr("class \"%1\" of the dataset is not one the run was trained on (%2)")
                                       .arg(name, out.classes.join(QLatin1String(", "))));
        }
    std::vector<int> images(data.samples.size());
    for (std::size_t i = 0; i < images.size(); ++i)
        images[i] = int(i);
    if (images.empty())
        throw DatasetError(Text::tr("the dataset has no images to evaluate"));
    setComputeThreads(threads);
    keepFreedMemory();
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
    const DetectionEvalOutput eval = evaluateDetector(*model, loader, data, tiles, {}, stop, {}, /*withLoss=*/false);
    for (const BadFile &b : loader.takeErrors())
        out.skipped.push_back(b);
    out.detections = eval.detections;
    out.metrics = eval.metrics;
    out.images = int(eval.images.size());
    if (!predictionsJson.isEmpty()) {
        if (const QString error = cocoresults::write(predictionsJson, withSourceIds(out.detections, dataset, out.classes));
            !error.isEmpty())
            throw DatasetError(error);
        // Beside it the images evaluated, as the trainer writes them: an image without any detection
        // still counts (its objects are misses), and `report` reads the results file back this way.
        QJsonArray evaluated;
        for (int i : eval.images)
            evaluated.append(data.samples[std::size_t(i)].path);
        if (const QString error = runfolder::writeAtomically(detectionfiles::imagesPathFor(predictionsJson),
                QJsonDocument(evaluated).toJson(QJsonDocument::Compact));
            !error.isEmpty())
            throw DatasetError(error);
    }
    return out;
}

QByteArray detectionMetricsJson(const DetectionRunEvaluation &e)
{
    const DetectionMetrics &m = e.metrics;
    QJsonArray perClass;
    for (const DetectionClassMetrics &c : m.perClass) {
        QJsonArray precision, scores;
        for (double v : c.precision50)
            precision.append(v);
        for (double v : c.scores50)
            scores.append(v);
        perClass.append(QJsonObject{{QStringLiteral("name"), c.name},
                                    {QStringLiteral("ap"), c.ap},
                                    {QStringLiteral("ap50"), c.ap50},
                                    {QStringLiteral("ap75"), c.ap75},
                                    {QStringLiteral("recall"), c.recall},
                                    {QStringLiteral("support"), c.support},
                                    {QStringLiteral("detections"), c.detections},
                                    {QStringLiteral("precision50"), precision},
                                    {QStringLiteral("scores50"), scores}});
    }
    QJsonArray stats;
    for (double v : m.cocoStats())
        stats.append(v);
    const QJsonObject o{{QStringLiteral("task"), QStringLiteral("detect")},
                        {QStringLiteral("map"), m.map},
                        {QStringLiteral("ap50"), m.ap50},
                        {QStringLiteral("ap75"), m.ap75},
                        {QStringLiteral("ap_small"), m.apSmall},
                        {QStringLiteral("ap_medium"), m.apMedium},
                        {QStringLiteral("ap_large"), m.apLarge},
                        {QStringLiteral("ar100"), m.ar100},
                        {QStringLiteral("coco_stats"), stats},
                        {QStringLiteral("images"), e.images},
                        {QStringLiteral("detections"), int(e.detections.size())},
                        {QStringLiteral("tiles"), e.tiles},
                        {QStringLiteral("precision"), e.precision},
                        {QStringLiteral("checkpoint"), e.checkpoint},
                        {QStringLiteral("per_class"), perClass}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace loupe
