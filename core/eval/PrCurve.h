#pragma once

// Precision-recall curves with scikit-learn's exact semantics (precision_recall_curve and
// average_precision_score), one-vs-rest per class.

#include "eval/Predictions.h"

#include <vector>

namespace loupe {

struct PrCurve {
    QString className;
    std::vector<double> precision;  ///< as sklearn: decreasing recall order, ends with (recall 0, precision 1)
    std::vector<double> recall;
    std::vector<double> thresholds; ///< one fewer than precision/recall
    double averagePrecision = 0;    ///< sklearn's average_precision_score (step-wise, no interpolation)
    int positives = 0;              ///< images whose true class is this one
};

/// sklearn.metrics.precision_recall_curve(isPositive, scores) and average_precision_score.
/// A class with no positives gives what sklearn 1.2 gives: recall 1 at every threshold and
/// averagePrecision 0 (check positives == 0 to show "no positives" instead). No images at all
/// (sklearn refuses them) give only the end point (recall 0, precision 1) and averagePrecision NaN.
/// Throws std::invalid_argument when the sizes differ or a score is NaN.
PrCurve precisionRecallCurve(const std::vector<bool> &isPositive, const std::vector<double> &scores);

/// One curve per class of the set, scores = that class's probability. Throws
/// std::invalid_argument when an item's probabilities or truth do not fit the classes.
std::vector<PrCurve> precisionRecallCurves(const PredictionSet &set);

} // namespace loupe
