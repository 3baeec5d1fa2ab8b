#pragma once
// Internal to core: includes LibTorch. Only core .cpp files may include this header.

#include "augment/Pipeline.h"
#include "model/Models.h"
#include "project/TrainConfig.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace loupe {

/// A finished (or interrupted) run ready to predict: what evaluateRun and Explainer share.
struct LoadedRun {
    TrainConfig config;
    QStringList classes;  ///< the run's classes, in its label order
    QString checkpoint;   ///< best.pt, else last.pt
    std::shared_ptr<ClassifierImpl> model; ///< weights loaded, in eval mode, in the chosen precision
    PrecisionChoice precision;
    Pipeline evaluation;  ///< the training pipeline without its random steps
};

/// The checkpoint a run is judged by: best.pt, else last.pt. Throws DatasetError when it has neither.
QString runCheckpoint(const QString &runDir);

/// Reads config.json and the best (else last) checkpoint of a run folder. Throws DatasetError for a
/// folder without config, classes or checkpoint, or weights that do not fit the config's model, or
/// an unknown precision setting (auto|fp32|bf16; the weights are float32 whatever the run trained in).
LoadedRun loadRun(const QString &runDir, const QString &precision = QStringLiteral("auto"));

} // namespace loupe
