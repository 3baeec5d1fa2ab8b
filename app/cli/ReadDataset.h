#pragma once

#include "dataset/Dataset.h"

#include <QString>

namespace loupe::cli {

class ProgressPrinter;

/// The dataset with every unreadable image removed and listed on stderr ("skipped PATH: REASON").
/// Throws DatasetError or LabelFileError when the dataset cannot be used.
Dataset readDataset(const QString &path, const QString &format, const QString &labels, int threads,
                    ProgressPrinter &printer);

} // namespace loupe::cli
