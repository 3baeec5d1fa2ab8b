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

struct Inspection;
/// Called once the images are listed and their headers read, before the (slow) full check, so a
/// front end can show the images while they are still being checked. Runs on the inspecting thread.
using InspectIndexedFn = std::function<void(const Inspection &indexed)>;

enum class InspectPhase { Import, Headers, Verify, Masks };

struct Inspection {
    Dataset dataset;
    DatasetStats stats;
    double headerSeconds = 0;
    double verifySeconds = 0;
    double maskSeconds = 0; ///< reading the masks of a mask layout (with the full check only)
    bool stopped = false;  ///< the stop token ended it early; figures cover what was read
    bool verified = false; ///< every image went through the full decode check
};

using InspectProgressFn = std::function<void(InspectPhase phase, int done, int total)>;

/// Imports, scans headers, verifies, reads the masks of a mask layout (with verify) and computes statistics. Throws LabelFileError and
/// DatasetError like importDataset; broken images never throw, they are listed.
Inspection inspectDataset(const QString &path, const InspectOptions &options = {},
                          const InspectProgressFn &progress = {}, const StopToken *stop = nullptr,
                          const InspectIndexedFn &indexed = {});

/// The report a person reads (the CLI's default output; the window shows the same facts).
QString formatReport(const Inspection &inspection);

/// The report as one JSON object, per the `loupe-cli inspect --json` contract.
QByteArray reportJson(const Inspection &inspection);

} // namespace loupe
