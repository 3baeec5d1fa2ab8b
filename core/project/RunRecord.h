#pragma once

// What a training run leaves behind, as the run folder, the runs list, the ranking and the
// trainer all see it. Lives below train/ and eval/ so that both can use it.

#include <QString>
#include <QStringList>

#include <utility>
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
    /// False for a task that has no accuracy or macro F1 (detection): metrics.jsonl leaves them out.
    bool hasClassMetrics = true;
    /// The task's own figures, under their metrics.jsonl keys: the loss parts
    /// ("train_loss_classification", "dev_loss_box", ...), detection's "dev_map" and "dev_ap50".
    std::vector<std::pair<QString, double>> extra;
    /// An extra figure by key, or `fallback`.
    double value(const QString &key, double fallback = -1) const
    {
        for (const auto &[k, v] : extra)
            if (k == key)
                return v;
        return fallback;
    }
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
