#pragma once

#include "model/Precision.h"

#include <QString>

namespace loupe {

/// One backbone's step, timed on random tensors in memory: what the model costs in a compute
/// mode, without the data loader. The training step is the trainer's (forward, float32
/// cross-entropy, backward, SGD with momentum 0.9); the inference step is evaluation's (eval
/// mode, inference mode, softmax).
struct ModelSpeedProbe {
    QString arch = QStringLiteral("resnet18");
    int classes = 10;
    int channels = 3;
    int imageSize = 64;
    int batch = 64;
    int steps = 5;      ///< timed steps, after two warm-up steps (oneDNN picks its kernels)
    bool training = true;
    Precision precision = Precision::Float32;
    bool channelsLast = false;
};

/// Images a second over the timed steps, on the current compute threads (setComputeThreads).
/// Throws std::invalid_argument for an unknown architecture.
double measureModelSpeed(const ModelSpeedProbe &probe);

} // namespace loupe
