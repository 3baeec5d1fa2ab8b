#pragma once

#include "dataset/Dataset.h"

#include <vector>

namespace loupe {

/// Which labelled images a classifier run learns from, is judged on, and is finally tested on.
struct TrainDevSplit {
    std::vector<int> train;
    std::vector<int> dev;
    std::vector<int> test; ///< the dataset's own test images, never seen while training
};

/// The dataset's own train/dev split when it marks dev images, else a stratified split of its
/// labelled non-test images with `devFraction` held out (seeded). Unlabelled images are left out.
TrainDevSplit splitForTraining(const Dataset &data, double devFraction, quint64 seed);

/// The same for a detector: every image counts (one without objects teaches what is not a defect),
/// and the split is stratified by the class of each image's first object, "none" for an image without.
TrainDevSplit splitForDetection(const Dataset &data, double devFraction, quint64 seed);

} // namespace loupe
