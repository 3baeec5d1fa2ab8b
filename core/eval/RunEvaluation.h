#pragma once

#include "StopToken.h"
#include "dataset/Dataset.h"
#include "eval/Metrics.h"
#include "eval/Predictions.h"

#include <QString>

#include <vector>

namespace loupe {

/// A trained run measured on a dataset (usually its test images).
struct RunEvaluation {
    ClassificationMetrics metrics;
    double loss = 0;
    int images = 0;
    std::vector<BadFile> skipped; ///< images that could not be read
    QString checkpoint;           ///< which weights were used
    QString precision;            ///< what the model computed in: "fp32" or "bf16"
    QString precisionReason;      ///< why, in a sentence
    PredictionSet predictions;    ///< every image's answer; split is the dataset's folder or file name
};

/// Loads the run's config and best (else last) checkpoint, predicts every labelled image of the
/// dataset with the run's evaluation pipeline, and computes the metrics. Classes are matched by
/// name; a dataset class the run never saw is refused. Writes the predictions to `predictionsCsv`
/// when given, in predictionfiles::write's format (its first four columns are the
/// path,true_label,predicted_label,confidence of `eval --predictions`). Throws DatasetError for an
/// unusable run folder or dataset. `precision` is auto|fp32|bf16 (model/Precision.h).
RunEvaluation evaluateRun(const QString &runDir, const Dataset &dataset, const QString &predictionsCsv = {},
                          int threads = 0, const StopToken *stop = nullptr,
                          const QString &precision = QStringLiteral("auto"));

} // namespace loupe
