#pragma once

#include "project/TrainConfig.h"

namespace loupe {

/// The learning rate of a run at a step: the config's schedule (none, step, cosine) for the epoch,
/// times a linear warm-up from a tenth over the first `warmupEpochs` (stepInRun is 0-based).
double scheduledRate(const TrainConfig &c, int epoch, qint64 stepInRun, qint64 stepsPerEpoch);

} // namespace loupe
