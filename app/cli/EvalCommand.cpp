// loupe-cli eval: a trained run measured on a dataset, as a table or one JSON object.

#include "Commands.h"
#include "DatasetOptions.h"
#include "OptionValues.h"
#include "ProgressPrinter.h"
#include "ReadDataset.h"

#include "eval/Metrics.h"
#include "eval/PrCurve.h"
#include "eval/RunEvaluation.h"

#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace loupe::cli {

namespace {

void printTable(const RunEvaluation &r)
{
    QTextStream out(stdout);
    const ClassificationMetrics &m = r.metrics;
    out << Cli::tr("%1 images, weights %2\n").arg(r.images).arg(r.checkpoint);
    out << Cli::tr("accuracy %1, macro F1 %2\n\n").arg(m.accuracy, 0, 'f', 4).arg(m.macroF1, 0, 'f', 4);
    int width = 8;
    for (const auto &c : m.perClass)
        width = std::max(width, int(c.name.size()));
    out << QStringLiteral("%1 %2 %3 %4 %5\n")
               .arg(Cli::tr("class"), -width)
               .arg(Cli::tr("precision"), 10)
               .arg(Cli::tr("recall"), 10)
               .arg(Cli::tr("F1"), 10)
               .arg(Cli::tr("support"), 8);
    for (const auto &c : m.perClass)
        out << QStringLiteral("%1 %2 %3 %4 %5\n")
                   .arg(c.name, -width)
                   .arg(c.precision, 10, 'f', 4)
                   .arg(c.recall, 10, 'f', 4)
                   .arg(c.f1, 10, 'f', 4)
                   .arg(c.support, 8);
    out << Cli::tr("\nconfusion (rows true, columns predicted)\n");
    for (std::size_t row = 0; row < m.confusion.size(); ++row) {
        out << QStringLiteral("%1").arg(m.labels.value(int(row)), -width);
        for (int v : m.confusion[row])
            out << QStringLiteral(" %1").arg(v, 6);
        out << '\n';
    }
}

class EvalCommand : public Command
{
public:
    QString description() const override
    {
        return Cli::tr("Measures a trained run on a dataset: accuracy, per-class precision, recall "
                       "and F1, macro F1 and the confusion matrix; mAP for a detector; mIoU, pixel accuracy and "
                       "per-class IoU and Dice for a segmenter.");
    }

    void declare(QCommandLineParser &p) const override
    {
        p.addPositionalArgument(QStringLiteral("RUN_DIR"), Cli::tr("A run folder written by train."));
        p.addPositionalArgument(QStringLiteral("DATASET"), Cli::tr("The images to measure on."));
        p.addOptions({m_json, m_predictions, m_threads, m_precision});
        p.addOptions(m_dataset.options());
    }

    int run(const QCommandLineParser &p) const override
    {
        if (p.positionalArguments().size() != 2)
            return fail(Cli::tr("eval takes RUN_DIR and DATASET; see 'loupe-cli eval --help'"));
        int threadCount = 0;
        QString error;
        if (!readInt(p, m_threads, 0, &threadCount, &error))
            return fail(error);
        ProgressPrinter printer;
        try {
            const Dataset dataset = readDataset(p.positionalArguments().at(1), m_dataset.importOptions(p), threadCount,
                                                printer);
            const QString task = runTask(p.positionalArguments().at(0));
            if (task == QLatin1String("detect"))
                return runDetection(p, dataset, threadCount);
            if (task == QLatin1String("segment"))
                return runSegmentation(p, dataset, threadCount);
            const RunEvaluation r = evaluateRun(p.positionalArguments().at(0), dataset, p.value(m_predictions),
                                                threadCount, nullptr, p.value(m_precision));
            std::fprintf(stderr, "%s\n", qPrintable(r.precisionReason));
            for (const BadFile &b : r.skipped)
                std::fprintf(stderr, "%s\n", qPrintable(Cli::tr("skipped %1: %2").arg(b.path, b.reason)));
            if (p.isSet(m_json)) {
                std::vector<double> averagePrecision;
                for (const PrCurve &curve : precisionRecallCurves(r.predictions))
                    averagePrecision.push_back(curve.averagePrecision);
                QTextStream out(stdout);
                out << QString::fromUtf8(metricsJson(r.metrics, averagePrecision, r.precision)) << '\n';
                return Done;
            }
            printTable(r);
            return Done;
        } catch (const std::exception &e) {
            // Besides unusable input (whose what() is its message), a run folder LibTorch cannot load.
            return fail(QString::fromLocal8Bit(e.what()));
        }
    }

private:
    int runDetection(const QCommandLineParser &p, const Dataset &dataset, int threads) const
    {
        const DetectionRunEvaluation r = evaluateDetectionRun(p.positionalArguments().at(0), dataset,
                                                              p.value(m_predictions), threads, nullptr,
                                                              p.value(m_precision));
        std::fprintf(stderr, "%s\n", qPrintable(r.precisionReason));
        for (const BadFile &b : r.skipped)
            std::fprintf(stderr, "%s\n", qPrintable(Cli::tr("skipped %1: %2").arg(b.path, b.reason)));
        QTextStream out(stdout);
        if (p.isSet(m_json)) {
            out << QString::fromUtf8(detectionMetricsJson(r)) << '\n';
            return Done;
        }
        const DetectionMetrics &m = r.metrics;
        out << Cli::tr("%1 images (%2), weights %3\n").arg(r.images).arg(r.tiles, r.checkpoint);
        out << Cli::tr("mAP@[.5:.95] %1, AP50 %2, AP75 %3\n\n").arg(m.map, 0, 'f', 4).arg(m.ap50, 0, 'f', 4).arg(m.ap75, 0, 'f', 4);
        int width = 8;
        for (const auto &c : m.perClass)
            width = std::max(width, int(c.name.size()));
        out << QStringLiteral("%1 %2 %3 %4 %5\n")
                   .arg(Cli::tr("class"), -width)
                   .arg(Cli::tr("AP"), 8)
                   .arg(Cli::tr("AP50"), 8)
                   .arg(Cli::tr("recall"), 8)
                   .arg(Cli::tr("boxes"), 8);
        for (const auto &c : m.perClass)
            out << QStringLiteral("%1 %2 %3 %4 %5\n")
                       .arg(c.name, -width)
                       .arg(c.ap, 8, 'f', 4)
                       .arg(c.ap50, 8, 'f', 4)
                       .arg(c.recall, 8, 'f', 4)
                       .arg(c.support, 8);
        return Done;
    }

    int runSegmentation(const QCommandLineParser &p, const Dataset &dataset, int threads) const
    {
        const SegmentationRunEvaluation r = evaluateSegmentationRun(p.positionalArguments().at(0), dataset,
                                                                    p.value(m_predictions), threads, nullptr,
                                                                    p.value(m_precision));
        std::fprintf(stderr, "%s\n", qPrintable(r.precisionReason));
        for (const BadFile &b : r.skipped)
            std::fprintf(stderr, "%s\n", qPrintable(Cli::tr("skipped %1: %2").arg(b.path, b.reason)));
        QTextStream out(stdout);
        if (p.isSet(m_json)) {
            out << QString::fromUtf8(segmentationRunJson(r)) << '\n';
            return Done;
        }
        const SegmentationMetrics &m = r.metrics;
        const auto figure = [](double v) { return std::isnan(v) ? QStringLiteral("-") : QString::number(v, 'f', 4); };
        out << Cli::tr("%1 images (%2), weights %3\n").arg(r.images).arg(r.tiles, r.checkpoint);
        out << Cli::tr("mIoU %1 (background included; defect classes %2), pixel accuracy %3\n\n")
                   .arg(figure(m.miou), figure(m.miouForeground), figure(m.pixelAccuracy));
        int width = 10;
        for (const auto &c : m.perClass)
            width = std::max(width, int(c.name.size()));
        out << QStringLiteral("%1 %2 %3 %4\n")
                   .arg(Cli::tr("class"), -width)
                   .arg(Cli::tr("IoU"), 8)
                   .arg(Cli::tr("Dice"), 8)
                   .arg(Cli::tr("pixels"), 12);
        for (const auto &c : m.perClass)
            out << QStringLiteral("%1 %2 %3 %4\n")
                       .arg(c.name, -width)
                       .arg(figure(c.iou), 8)
                       .arg(figure(c.dice), 8)
                       .arg(c.truePixels, 12);
        if (r.masksWritten > 0)
            out << Cli::tr("\n%1 predicted masks written to %2\n").arg(r.masksWritten).arg(p.value(m_predictions));
        return Done;
    }

    const QCommandLineOption m_json{QStringLiteral("json"), Cli::tr("Print one JSON object for scripts.")};
    const QCommandLineOption m_predictions{
        QStringLiteral("predictions"),
        Cli::tr("Write path,true_label,predicted_label,confidence,loss and one p:<class> probability per class; for a "
                "detection run, the COCO results JSON; for a segmentation run, a folder of <image stem>.png masks "
                "(0 background, k the k-th class)."),
        QStringLiteral("FILE")};
    const DatasetOptions m_dataset;
    const QCommandLineOption m_threads{QStringLiteral("threads"), Cli::tr("Compute threads (0 = every core)."),
                                       QStringLiteral("N"), QStringLiteral("0")};
    const QCommandLineOption m_precision{
        QStringLiteral("precision"),
        Cli::tr("auto (bfloat16 where the CPU has AVX512-BF16 or AMX, else float32), fp32 or bf16."),
        QStringLiteral("P"), QStringLiteral("auto")};
};

} // namespace

std::unique_ptr<Command> makeEvalCommand()
{
    return std::make_unique<EvalCommand>();
}

} // namespace loupe::cli
