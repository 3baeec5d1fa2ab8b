#include "train/RunEvaluation.h"

#include "augment/Pipeline.h"
#include "dataset/ClassificationView.h"
#include "dataset/Errors.h"
#include "model/Models.h"
#include "model/WeightImportError.h"
#include "project/RunFolder.h"
#include "train/DataLoader.h"
#include "train/Evaluation.h"
#include "train/TorchRuntime.h"
#include "train/TrainConfig.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>

namespace loupe {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::RunEvaluation)
};
} // namespace

RunEvaluation evaluateRun(const QString &runDir, const Dataset &dataset, const QString &predictionsCsv, int threads,
                          const StopToken *stop)
{
    const QJsonObject config = runfolder::readConfig(runDir);
    const TrainConfig cfg = TrainConfig::fromJson(config);
    QStringList runClasses;
    for (const QJsonValue &v : config.value(QStringLiteral("dataset")).toObject().value(QStringLiteral("classes")).toArray())
        runClasses.append(v.toString());
    if (runClasses.size() < 2)
        throw DatasetError(Text::tr("%1 names no classes").arg(runfolder::configPath(runDir)));

    RunEvaluation out;
    out.checkpoint = runfolder::bestCheckpointPath(runDir);
    if (!QFileInfo::exists(out.checkpoint))
        out.checkpoint = runfolder::lastCheckpointPath(runDir);
    if (!QFileInfo::exists(out.checkpoint))
        throw DatasetError(Text::tr("%1 has no checkpoint to evaluate yet").arg(runDir));

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
    auto model = makeModel({cfg.model.toStdString(), int(runClasses.size()), cfg.channels});
    try {
        importWeights(*model, out.checkpoint.toStdString());
    } catch (const WeightImportError &e) {
        throw DatasetError(e.message());
    }
    Pipeline pipeline = cfg.pipelineJson.isEmpty() ? Pipeline::defaultTraining(cfg.imageSize, cfg.channels)
                                                   : Pipeline::fromJson(cfg.pipelineJson);
    LoaderOptions lo;
    lo.batchSize = std::max(1, cfg.batchSize);
    lo.imageSize = cfg.imageSize;
    lo.channels = cfg.channels;
    lo.shuffle = false;
    lo.threads = std::max(1, cfg.loaderThreads);
    DataLoader loader(data, indices, pipeline.evaluationPipeline(), lo);
    const EvalOutput eval = evaluateModel(*model, loader, stop);
    out.skipped = loader.takeErrors();
    out.loss = eval.loss;
    out.images = int(eval.samples.size());
    out.metrics = computeMetrics(eval.truth, eval.predicted, runClasses);
    if (!predictionsCsv.isEmpty())
        if (const QString error = writePredictionsCsv(predictionsCsv, data, eval); !error.isEmpty())
            throw DatasetError(error);
    return out;
}

} // namespace loupe
