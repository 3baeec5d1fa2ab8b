#pragma once

#include "dataset/Dataset.h"
#include "eval/Predictions.h"

#include <QString>

#include <functional>
#include <vector>

namespace loupe {

/// The dev history a run starts with: its dev images, and when it resumes after `resumedEpoch`
/// (> 0), the epochs up to that one read back from `historyFile` if it is of the same images.
/// What cannot be continued is said through `note`, and the history then starts empty.
PredictionHistory startDevHistory(const Dataset &data, const std::vector<int> &devImages, const QString &historyFile,
                                  int resumedEpoch, const std::function<void(const QString &)> &note);

} // namespace loupe
