// loupe-cli inspect: what a dataset holds, as a report or one JSON object.

#include "Commands.h"
#include "DatasetOptions.h"
#include "OptionValues.h"
#include "ProgressPrinter.h"

#include "dataset/Inspection.h"

#include <QTextStream>

namespace loupe::cli {

namespace {

class InspectCommand : public Command
{
public:
    QString description() const override
    {
        return Cli::tr("Reports what a dataset holds: classes, sizes, objects, broken files, duplicates and warnings.");
    }

    void declare(QCommandLineParser &p) const override
    {
        p.addPositionalArgument(QStringLiteral("DATASET"),
                                Cli::tr("A folder, CSV, COCO JSON, VOC or YOLO folder, or IDX file."));
        p.addOptions(m_dataset.options());
        p.addOptions({m_json, m_threads, m_headersOnly});
    }

    int run(const QCommandLineParser &p) const override
    {
        if (p.positionalArguments().size() != 1)
            return fail(Cli::tr("inspect takes one DATASET; see 'loupe-cli inspect --help'"));
        InspectOptions options;
        QString error;
        if (!readInt(p, m_threads, 0, &options.scan.threads, &error))
            return fail(error);
        options.import = m_dataset.importOptions(p);
        options.verify = !p.isSet(m_headersOnly);
        ProgressPrinter printer;
        const auto progress = [&](InspectPhase phase, int done, int total) {
            switch (phase) {
            case InspectPhase::Import: break;
            case InspectPhase::Headers: printer.update(Cli::tr("Reading headers"), done, total); break;
            case InspectPhase::Verify: printer.update(Cli::tr("Checking images"), done, total); break;
            case InspectPhase::Masks: printer.update(Cli::tr("Reading masks"), done, total); break;
            }
        };
        const Inspection result = inspectDataset(p.positionalArguments().front(), options, progress);
        printer.finish();
        QTextStream out(stdout);
        if (p.isSet(m_json))
            out << QString::fromUtf8(reportJson(result)) << '\n';
        else
            out << formatReport(result);
        return Done;
    }

private:
    const DatasetOptions m_dataset;
    const QCommandLineOption m_json{QStringLiteral("json"), Cli::tr("Print one JSON object for scripts.")};
    const QCommandLineOption m_threads{QStringLiteral("threads"), Cli::tr("Worker threads (0 = every core)."),
                                       QStringLiteral("N"), QStringLiteral("0")};
    const QCommandLineOption m_headersOnly{QStringLiteral("headers-only"),
                                           Cli::tr("Read image headers only; skip the full decode check.")};
};

} // namespace

std::unique_ptr<Command> makeInspectCommand()
{
    return std::make_unique<InspectCommand>();
}

} // namespace loupe::cli
