#include "eval/PrCurve.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

namespace loupe {

PrCurve precisionRecallCurve(const std::vector<bool> &isPositive, const std::vector<double> &scores)
{
    if (isPositive.size() != scores.size())
        throw std::invalid_argument("precisionRecallCurve: " + std::to_string(isPositive.size()) + " labels but "
            + std::to_string(scores.size()) + " scores");
    for (double s : scores)
        if (std::isnan(s))
            throw std::invalid_argument("precisionRecallCurve: a score is NaN");

    PrCurve curve;
    const std::size_t n = scores.size();
    for (bool p : isPositive)
        curve.positives += p ? 1 : 0;
    if (n == 0) {
        // sklearn refuses empty input; the curve is only its end point and nothing is averaged.
        curve.precision = {1.0};
        curve.recall = {0.0};
        curve.averagePrecision = std::numeric_limits<double>::quiet_NaN();
        return curve;
    }

    // Descending score; the order inside a tie does not matter as only its end is a threshold.
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });

    // sklearn's _binary_clf_curve: counts at the last index of every distinct score.
    std::vector<double> tps, fps, thresholds;
    double tp = 0;
    for (std::size_t k = 0; k < n; ++k) {
        tp += isPositive[order[k]] ? 1.0 : 0.0;
        if (k + 1 == n || scores[order[k + 1]] != scores[order[k]]) {
            tps.push_back(tp);
            fps.push_back(double(k + 1) - tp);
            thresholds.push_back(scores[order[k]]);
        }
    }

    // precision_recall_curve, reversed so that recall decreases, then the (recall 0, precision 1) end.
    const double allPositives = tps.back();
    const std::size_t m = tps.size();
    curve.precision.reserve(m + 1);
    curve.recall.reserve(m + 1);
    curve.thresholds.reserve(m);
    for (std::size_t i = m; i-- > 0;) {
        const double predictedPositive = tps[i] + fps[i];
        curve.precision.push_back(predictedPositive != 0 ? tps[i] / predictedPositive : 0.0);
        // sklearn 1.2: without positives the recall is 1 at every threshold (it warns).
        curve.recall.push_back(allPositives == 0 ? 1.0 : tps[i] / allPositives);
        curve.thresholds.push_back(thresholds[i]);
    }
    curve.precision.push_back(1.0);
    curve.recall.push_back(0.0);

    // average_precision_score: -sum(diff(recall) * precision[:-1]), no interpolation.
    double sum = 0;
    for (std::size_t i = 0; i + 1 < curve.recall.size(); ++i)
        sum += (curve.recall[i + 1] - curve.recall[i]) * curve.precision[i];
    curve.averagePrecision = -sum;
    return curve;
}

std::vector<PrCurve> precisionRecallCurves(const PredictionSet &set)
{
    const int classes = int(set.classes.size());
    for (const Prediction &p : set.items)
        if (int(p.probabilities.size()) != classes || p.truth < 0 || p.truth >= classes)
            throw std::invalid_argument("precisionRecallCurves: the prediction of " + p.path.toStdString()
                + " does not fit the set's " + std::to_string(classes) + " classes");
    std::vector<PrCurve> curves;
    curves.reserve(std::size_t(classes));
    std::vector<bool> positive(set.items.size());
    std::vector<double> scores(set.items.size());
    for (int c = 0; c < classes; ++c) {
        for (std::size_t i = 0; i < set.items.size(); ++i) {
            positive[i] = set.items[i].truth == c;
            scores[i] = double(set.items[i].probabilities[std::size_t(c)]);
        }
        PrCurve curve = precisionRecallCurve(positive, scores);
        curve.className = set.classes.at(c);
        curves.push_back(std::move(curve));
    }
    return curves;
}

} // namespace loupe
