#pragma once

#include "StopToken.h"
#include "dataset/Dataset.h"
#include "project/RunRecord.h"
#include "project/TrainConfig.h"
#include "train/DistributedSetup.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace loupe {

/// Where a run is, reported after every step (throttle before drawing).
struct TrainProgress {
    int epoch = 0; ///< 1-based
    int epochs = 0;
    int step = 0; ///< within the epoch, 1-based
    int stepsPerEpoch = 0;
    qint64 globalStep = 0;
    double loss = 0;         ///< this step's training loss
    double learningRate = 0;
    double imagesPerSecond = 0;
    double etaSeconds = 0;   ///< whole run
};

struct TrainCallbacks {
    std::function<void(const TrainProgress &)> onStep;
    std::function<void(const EpochMetrics &)> onEpoch;
    std::function<void(const QString &)> onNote;
};

/// Trains a classifier on a dataset into a run folder (config.json, metrics.jsonl, a TensorBoard
/// event file, checkpoints/last.pt and best.pt, predictions.csv, predictions-dev.csv with every
/// class probability, dev-history.jsonl, and predictions-test.csv when the dataset has test
/// images). Runs on the calling thread;
/// pause, resume and cancel may be called from any other thread and take effect between steps.
class Trainer
{
public:
    /// The dataset must outlive the trainer. Broken images should already be removed (scanner).
    Trainer(const Dataset &dataset, TrainConfig config, QString runDir);
    ~Trainer();

    /// Continue from runDir's checkpoints/last.pt instead of starting afresh.
    void setResume(bool resume);
    /// Trains as one rank of a data-parallel job (docs/distributed.md); rank 0 alone writes the run folder.
    void setDistributed(const DistributedSetup &setup);

    TrainResult run(const TrainCallbacks &callbacks = {});

    void pause();
    void resume();
    void cancel();
    bool isPaused() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace loupe
