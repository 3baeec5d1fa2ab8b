// loupe-cli report: a run's HTML report and/or metrics CSV from its predictions file.

#include "Commands.h"
#include "DatasetOptions.h"
#include "OptionValues.h"
#include "ProgressPrinter.h"

#include "dataset/Inspection.h"
#include "eval/DetectionReview.h"
#include "eval/Predictions.h"
#include "eval/RunReport.h"
#include "project/RunFolder.h"
#include "project/RunStatus.h"

#include <QFileInfo>

#include <cstdio>

namespace loupe::cli {

namespace {

class ReportCommand : public Command
{
public:
    QString description() const override
    {
        return Cli::tr("Writes a run's report from its predictions file: one self-contained HTML page "
                       "(config, curves, metrics, confusion matrix, PR curves, worst mispredictions) "
                       "and/or the metrics as CSV. For a detection run: mAP, AP per class, PR curves, loss parts "
                       "and the worst images with their boxes drawn; the CSV has one row per image with its "
                       "true positives, false positives and false negatives.");
    }

    void declare(QCommandLineParser &p) const override
    {
        p.addPositionalArgument(QStringLiteral("RUN_DIR"), Cli::tr("A run folder written by train."));
        p.addPositionalArgument(QStringLiteral("DATASET"),
            Cli::tr("The run's dataset: for the thumbnails (IDX images need it); required for a "
                    "detection run (its ground-truth boxes)."),
            QStringLiteral("[DATASET]"));
        p.addOptions({m_html, m_csv, m_split, m_worst});
        p.addOptions(m_dataset.options());
    }

    int run(const QCommandLineParser &p) const override
    {
        const QStringList positional = p.positionalArguments();
        if (positional.isEmpty() || positional.size() > 2 || (!p.isSet(m_html) && !p.isSet(m_csv)))
            return fail(Cli::tr("report takes RUN_DIR, an optional DATASET and --html FILE and/or --csv FILE; see "
                                "'loupe-cli report --help'"));
        if (p.value(m_split) != QLatin1String("dev") && p.value(m_split) != QLatin1String("test"))
            return fail(Cli::tr("--split expects dev or test, got \"%1\"").arg(p.value(m_split)));
        RunReportOptions options;
        options.split = p.value(m_split);
        QString error;
        if (!readInt(p, m_worst, 0, &options.worstCount, &error))
            return fail(error);
        const QString runDir = positional.front();
        ProgressPrinter printer;
        runfolder::readConfig(runDir); // a clear message when RUN_DIR is not a run folder
        const bool detection = detectionfiles::isDetectionRun(runDir);
        const QString predictions = detection
            ? (options.split == QLatin1String("test") ? detectionfiles::testPath(runDir)
                                                      : detectionfiles::devPath(runDir))
            : predictionsFileFor(runDir, options.split);
        if (!QFileInfo::exists(predictions))
            return fail(Cli::tr("%1 has no %2: evaluate the run on its %3 images first")
                            .arg(runDir, QFileInfo(predictions).fileName(), options.split));
        // A detection run's figures are judged against the dataset's boxes, which the run folder does not hold.
        if (detection && positional.size() < 2)
            return fail(Cli::tr(
                "%1 is a detection run: give its DATASET too, for the ground-truth boxes (it was trained on %2)")
                            .arg(runDir, runfolder::summarizeRun(runDir).datasetRoot));
        Dataset dataset;
        if (positional.size() == 2) {
            // Thumbnails need the samples' paths only: headers, no full decode check.
            InspectOptions inspect;
            inspect.import = m_dataset.importOptions(p);
            inspect.verify = false;
            dataset = inspectDataset(positional.at(1), inspect, [&](InspectPhase phase, int done, int total) {
                          if (phase == InspectPhase::Headers)
                              printer.update(Cli::tr("Reading headers"), done, total);
                      }).dataset;
            printer.finish();
        }
        if (p.isSet(m_csv)) {
            const QString e = detection ? runfolder::writeAtomically(p.value(m_csv),
                                  detectionImagesCsv(loadDetectionReport(runDir, dataset, options)).toUtf8())
                                        : writeMetricsCsv(p.value(m_csv), predictionfiles::read(predictions));
            if (!e.isEmpty())
                return fail(e);
            std::printf("%s\n", qPrintable(Cli::tr("Wrote %1").arg(p.value(m_csv))));
        }
        if (p.isSet(m_html)) {
            // No progress line: a dozen thumbnails take well under a second.
            const QString e = writeRunReport(p.value(m_html), runDir, positional.size() == 2 ? &dataset : nullptr, options);
            if (!e.isEmpty())
                return fail(e);
            std::printf("%s\n", qPrintable(Cli::tr("Wrote %1").arg(p.value(m_html))));
        }
        return Done;
    }

private:
    const QCommandLineOption m_html{QStringLiteral("html"), Cli::tr("HTML report to write."), QStringLiteral("FILE")};
    const QCommandLineOption m_csv{QStringLiteral("csv"), Cli::tr("Metrics CSV to write."), QStringLiteral("FILE")};
    const QCommandLineOption m_split{QStringLiteral("split"), Cli::tr("dev or test: which predictions file to report on."),
                                     QStringLiteral("S"), QStringLiteral("dev")};
    const QCommandLineOption m_worst {QStringLiteral("worst"),
        Cli::tr("Mispredictions shown, highest loss first (detection: images with the most errors)."),
        QStringLiteral("N"), QStringLiteral("12")};
    const DatasetOptions m_dataset;
};

} // namespace

std::unique_ptr<Command> makeReportCommand()
{
    return std::make_unique<ReportCommand>();
}

} // namespace loupe::cli
