#include "train/LearningRateSchedule.h"

#include <algorithm>
#include <cmath>

namespace loupe {

double scheduledRate(const TrainConfig &c, int epoch, qint64 stepInRun, qint64 stepsPerEpoch)
{
    double lr = c.learningRate;
    if (c.schedule == QLatin1String("step") && c.stepEpochs > 0)
        lr *= std::pow(c.stepGamma, (epoch - 1) / c.stepEpochs);
    else if (c.schedule == QLatin1String("cosine"))
        lr *= 0.5 * (1.0 + std::cos(M_PI * double(epoch - 1) / std::max(1, c.epochs)));
    const qint64 warmupSteps = qint64(c.warmupEpochs) * stepsPerEpoch;
    if (warmupSteps > 0 && stepInRun < warmupSteps)
        lr *= 0.1 + 0.9 * double(stepInRun) / double(warmupSteps);
    return lr;
}

} // namespace loupe
