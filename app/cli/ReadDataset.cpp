#include "ReadDataset.h"

#include "Command.h"
#include "ProgressPrinter.h"

#include "dataset/Inspection.h"

#include <cstdio>

namespace loupe::cli {

Dataset readDataset(const QString &path, const ImportOptions &import, int threads, ProgressPrinter &printer)
{
    InspectOptions options;
    options.import = import;
    options.scan.threads = threads;
    const auto progress = [&](InspectPhase phase, int done, int total) {
        if (phase == InspectPhase::Headers)
            printer.update(Cli::tr("Reading headers"), done, total);
        else if (phase == InspectPhase::Verify)
            printer.update(Cli::tr("Checking images"), done, total);
    };
    Inspection in = inspectDataset(path, options, progress);
    printer.finish();
    for (const BadFile &b : in.dataset.badFiles)
        std::fprintf(stderr, "%s\n", qPrintable(Cli::tr("skipped %1: %2").arg(b.path, b.reason)));
    return std::move(in.dataset);
}

} // namespace loupe::cli
