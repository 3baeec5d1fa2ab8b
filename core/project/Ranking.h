#pragma once

// The one number that ranks a project's runs, used everywhere runs are compared.

#include "project/RunRecord.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace loupe {

enum class RankingMetric { MacroF1, Accuracy, DevLoss, Map, Miou };

/// Every ranking metric, in the order the window lists them.
std::vector<RankingMetric> rankingMetrics();

/// "macro_f1", "accuracy", "dev_loss", "map" (COCO mAP@[.5:.95] of a detector), "miou" (mean IoU of a
/// segmenter, background included): the names used in loupe.json and on the command line.
QString rankingMetricKey(RankingMetric metric);
/// Parses a key; nullopt for an unknown one.
std::optional<RankingMetric> rankingMetricFromKey(const QString &key);
/// "Macro F1", "Accuracy", "Dev loss" (translated).
QString rankingMetricTitle(RankingMetric metric);
bool higherIsBetter(RankingMetric metric);
/// The title of a column holding each run's score: "Best dev macro F1", "Best dev accuracy",
/// "Best dev mAP", "Lowest dev loss" (translated).
QString bestScoreTitle(RankingMetric metric);

/// The metric that ranks runs of these tasks ("classify", "detect"; empty for runs whose config is
/// unreadable): `chosen`, unless every known task lacks it, then the one that ranks that task —
/// mAP for detectors chosen by macro F1 or accuracy, macro F1 for classifiers chosen by mAP.
RankingMetric rankingMetricForTasks(RankingMetric chosen, const QStringList &tasks);

/// The metric's value in one evaluated epoch; NaN when the epoch's task has no such figure (macro F1
/// of a detector, mAP of a classifier), so that such runs rank last rather than as zero.
double metricValue(const EpochMetrics &epoch, RankingMetric metric);
/// The run's score: the metric at its best epoch (the one marked best, else the best value over
/// all epochs); nullopt when the history is empty.
std::optional<double> runScore(const std::vector<EpochMetrics> &history, RankingMetric metric);
/// True when a ranks above b under the metric (NaN always last).
bool ranksAbove(double a, double b, RankingMetric metric);

} // namespace loupe
