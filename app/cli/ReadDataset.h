#pragma once

#include "dataset/Dataset.h"
#include "dataset/Importers.h"

#include <QString>

namespace loupe::cli {

class ProgressPrinter;

/// The dataset with every unreadable image removed and listed on stderr ("skipped PATH: REASON").
/// Throws DatasetError or LabelFileError when the dataset cannot be used.
Dataset readDataset(const QString &path, const ImportOptions &import, int threads, ProgressPrinter &printer);

} // namespace loupe::cli
