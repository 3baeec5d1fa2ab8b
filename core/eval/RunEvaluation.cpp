#include "eval/RunEvaluation.h"

#include "augment/Pipeline.h"
#include "dataset/ClassificationView.h"
#include "dataset/Errors.h"
#include "project/RunFolder.h"
#include "loader/DataLoader.h"
#include "eval/Evaluation.h"
#include "eval/LoadedRun.h"
#include "model/TorchRuntime.h"

#include <QCoreApplication>
#include <QFileInfo>

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

} // namespace loupe
