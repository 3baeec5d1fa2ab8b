#pragma once

// What a training run leaves behind, as the run folder, the runs list, the ranking and the
// trainer all see it. Lives below train/ and eval/ so that both can use it.

#include <QString>
#include <QStringList>

#include <vector>

namespace loupe {

/// One evaluated epoch; also a line of metrics.jsonl.
struct EpochMetrics {
    int epoch = 0;
    double trainLoss = 0;
    double devLoss = 0;
    double devAccuracy = 0;
    double devMacroF1 = 0;
    double imagesPerSecond = 0;
    double seconds = 0;
    double learningRate = 0;
    bool best = false;
};

/// Diverged: a loss blew up and the run stopped, the training loss (learning rate, broken data) or
/// the dev loss alone (batch norm's running statistics); TrainResult::message says which.
enum class TrainOutcome { Completed, EarlyStopped, Cancelled, Diverged, Failed };

/// How a training run ended.
struct TrainResult {
    TrainOutcome outcome = TrainOutcome::Failed;
    QString message;     ///< what happened, the likely causes and which checkpoints are on disk
    int epochsRun = 0;   ///< last completed epoch
    int bestEpoch = 0;
    double bestDevLoss = 0;
    std::vector<EpochMetrics> history;
    QStringList notes;   ///< weight import notes, skipped files, resumed-from…
};

/// Human words for an outcome, for logs and the CLI.
QString outcomeText(TrainOutcome outcome);

} // namespace loupe
