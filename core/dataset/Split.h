#pragma once

#include "Dataset.h"

#include <QString>
#include <QtGlobal>

#include <vector>

namespace loupe {

/// The split a folder's name stands for, as the common layouts spell them (Roboflow, torchvision,
/// Keras), in any case: train, training; valid, val, validation, dev; test, testing. None otherwise.
SplitName splitOfFolder(const QString &name);

/// Shares of a stratified split; they need not add to one (they are normalised).
struct SplitFractions {
    double train = 0.8;
    double dev = 0.1;
    double test = 0.1;
};

/// Sample indices of each part of a split, each list in ascending order.
struct SplitAssignment {
    std::vector<int> train;
    std::vector<int> dev;
    std::vector<int> test;
};

/// Splits a dataset so that every class keeps its share in each part; the same seed gives the
/// same split on every machine. Within a class, images are ranked by a seeded hash of their file
/// name, so the split is stable: relabelling, adding or removing one image moves at most one
/// image at each boundary of the classes involved, and no other image changes part. Samples the dataset already places (train/, valid/, test/
/// folders) keep their place; only the unplaced ones are divided. Samples without an
/// image-level class are stratified by their first object's class.
SplitAssignment stratifiedSplit(const Dataset &dataset, const SplitFractions &fractions = {}, quint64 seed = 0);

} // namespace loupe
