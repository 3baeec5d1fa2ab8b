#pragma once

#include "DatasetScanner.h"
#include "DatasetStats.h"
#include "Importers.h"

#include <QByteArray>

#include <functional>

namespace loupe {

/// The practice's "review the dataset" step in one call, for the CLI and the window alike.
struct InspectOptions {
    ImportOptions import;
    ScanOptions scan;
    bool verify = true; ///< decode every image, not just its header
};

enum class InspectPhase { Import, Headers, Verify };

struct Inspection {
    Dataset dataset;
    DatasetStats stats;
    double headerSeconds = 0;
    double verifySeconds = 0;
    bool stopped = false; ///< the stop token ended it early; figures cover what was read
};

using InspectProgressFn = std::function<void(InspectPhase phase, int done, int total)>;

/// Imports, scans headers, verifies and computes statistics. Throws LabelFileError and
/// DatasetError like importDataset; broken images never throw, they are listed.
Inspection inspectDataset(const QString &path, const InspectOptions &options = {},
                          const InspectProgressFn &progress = {}, const StopToken *stop = nullptr);

/// The report a person reads (the CLI's default output; the window shows the same facts).
QString formatReport(const Inspection &inspection);

/// The report as one JSON object, per the `loupe-cli inspect --json` contract.
QByteArray reportJson(const Inspection &inspection);

} // namespace loupe
