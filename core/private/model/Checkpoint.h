#pragma once
// Internal to core: includes LibTorch. Only core .cpp files may include this header.

#include "model/Models.h"

#include <torch/torch.h>

#include <QByteArray>
#include <QtGlobal>

#include <limits>
#include <string>

namespace loupe {

/// Where training stood when a checkpoint was written.
struct CheckpointState {
    int epoch = 0;                 ///< last completed epoch
    qint64 globalStep = 0;
    int bestEpoch = 0;
    double bestDevLoss = std::numeric_limits<double>::infinity();
    int epochsWithoutImprovement = 0;
    /// The epoch's metrics.jsonl line: a kill between the checkpoint and the metrics write
    /// would otherwise lose it, since a resume starts after this epoch.
    QByteArray metricsLine;
};

/// Writes model, optimizer, progress and the RNG state to one file, atomically (temporary file,
/// then rename): a kill at any moment leaves the previous checkpoint intact. The model part is
/// readable by importWeights, so any checkpoint can initialise another run.
void saveCheckpoint(const std::string &file, NetworkImpl &model, torch::optim::Optimizer &optimizer,
                    const CheckpointState &state);

/// Reads a checkpoint into model (shapes checked; WeightImportError on mismatch) and, when given,
/// the optimizer; restores the RNG state. Returns the progress it holds.
CheckpointState loadCheckpoint(const std::string &file, NetworkImpl &model, torch::optim::Optimizer *optimizer);

} // namespace loupe
