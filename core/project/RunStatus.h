#pragma once

#include "project/RunRecord.h"
#include "project/TrainConfig.h"

#include <QString>

#include <vector>

namespace loupe {

/// How a run folder ended, as the runs list shows it.
enum class RunStatus { Running, Completed, StoppedEarly, Cancelled, Diverged, Failed, Interrupted };

/// One run folder read back: enough for a runs list, its curves and a resume.
struct RunSummary {
    QString dir;
    QString name;              ///< the folder's name (a timestamp for runs the window starts)
    RunStatus status = RunStatus::Interrupted;
    QString message;           ///< the trainer's message for cancelled, diverged and failed runs
    TrainConfig config;
    bool configReadable = false;
    QString datasetRoot;       ///< the dataset the run was trained on, from config.json
    int classes = 0;
    std::vector<EpochMetrics> history;
    int bestEpoch = 0;         ///< 0 when no epoch was evaluated
    double bestMacroF1 = 0;    ///< dev macro F1 at bestEpoch (the epoch of the lowest dev loss)
    bool hasCheckpoint = false;

    /// Cancelled and interrupted runs with a checkpoint can be continued.
    bool resumable() const;
};

namespace runfolder {

QString statusPath(const QString &runDir);
/// status.json: how the run ended. Written when the trainer returns; its absence next to a
/// config.json means the run was interrupted (killed, crashed, power cut) or is still running.
QString writeStatus(const QString &runDir, const TrainResult &result);
/// Removes status.json before a resume, so that a resume that dies reads as interrupted again.
void clearStatus(const QString &runDir);

/// Reads a run folder; never throws. Without status.json (runs of older versions or of
/// loupe-cli) the status is inferred: all configured epochs in metrics.jsonl → completed; the
/// last `patience` epochs without a new best → stopped early; otherwise interrupted.
RunSummary summarizeRun(const QString &runDir);
/// The run folders (those holding config.json) directly under runsRoot, newest name first.
std::vector<RunSummary> listRuns(const QString &runsRoot);

} // namespace runfolder

QString runStatusText(RunStatus status);
/// "resnet18, 224 px, batch 32, adam lr 0.001, 10 epochs"
QString configSummary(const TrainConfig &config);

} // namespace loupe
