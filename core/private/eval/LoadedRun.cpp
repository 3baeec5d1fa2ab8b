#include "eval/LoadedRun.h"

#include "dataset/Errors.h"
#include "model/WeightImportError.h"
#include "project/RunFolder.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>

#include <stdexcept>

namespace loupe {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::RunEvaluation)
};
} // namespace

QString runCheckpoint(const QString &runDir)
{
    QString checkpoint = runfolder::bestCheckpointPath(runDir);
    if (!QFileInfo::exists(checkpoint))
        checkpoint = runfolder::lastCheckpointPath(runDir);
    if (!QFileInfo::exists(checkpoint))
        throw DatasetError(Text::tr("%1 has no checkpoint to evaluate yet").arg(runDir));
    return checkpoint;
}

LoadedRun loadRun(const QString &runDir, const QString &precision)
{
    LoadedRun run;
    run.precision = choosePrecision(precision);
    if (run.precision.setting.isEmpty())
        throw DatasetError(run.precision.reason);
    const QJsonObject config = runfolder::readConfig(runDir);
    run.config = TrainConfig::fromJson(config);
    for (const QJsonValue &v : config.value(QStringLiteral("dataset")).toObject().value(QStringLiteral("classes")).toArray())
        run.classes.append(v.toString());
    if (run.classes.size() < 2)
        throw DatasetError(Text::tr("%1 names no classes").arg(runfolder::configPath(runDir)));

    run.checkpoint = runCheckpoint(runDir);

    const TrainConfig &cfg = run.config;
    try {
        run.model = makeModel({cfg.model.toStdString(), int(run.classes.size()), cfg.channels});
        run.evaluation = (cfg.pipelineJson.isEmpty() ? Pipeline::defaultTraining(cfg.imageSize, cfg.channels)
                                                     : Pipeline::fromJson(cfg.pipelineJson))
                             .evaluationPipeline();
    } catch (const std::invalid_argument &e) { // an unknown model or channel count in a hand-edited config
        throw DatasetError(Text::tr("%1: %2").arg(runfolder::configPath(runDir), QString::fromStdString(e.what())));
    } catch (const PipelineError &e) {
        throw DatasetError(Text::tr("%1: %2").arg(runfolder::configPath(runDir), QString::fromStdString(e.what())));
    }
    try {
        importWeights(*run.model, run.checkpoint.toStdString());
    } catch (const WeightImportError &e) {
        throw DatasetError(e.message());
    }
    run.model->setComputeMode(computeModeFor(cfg.model.toStdString(), run.precision.precision));
    run.model->eval();
    return run;
}

} // namespace loupe
