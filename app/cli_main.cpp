// loupe-cli: the engine from the command line, for scripts, CI and remote machines.
// Exit status: 0 done, 1 the job or check failed, 2 unusable input or arguments.

#include "Translations.h"
#include "dataset/DemoMaker.h"
#include "dataset/Errors.h"
#include "dataset/Inspection.h"
#include "eval/Metrics.h"
#include "eval/RunReport.h"
#include "eval/PrCurve.h"
#include "project/RunFolder.h"
#include "project/RunStatus.h"
#include "train/OverfitCheck.h"
#include "eval/RunEvaluation.h"
#include "train/Trainer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <QFileInfo>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <mutex>
#include <unistd.h>

namespace {

struct Cli {
    Q_DECLARE_TR_FUNCTIONS(loupe::Cli)
};

enum Exit { Done = 0, Failed = 1, BadInput = 2 };

int fail(const QString &message)
{
    std::fprintf(stderr, "loupe-cli: %s\n", qPrintable(message));
    return BadInput;
}

// Progress on stderr: a redrawn line on a terminal, a few plain lines otherwise; at most ~10 a second.
class ProgressPrinter
{
public:
    void update(const QString &phase, int done, int total)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        const bool last = total > 0 && done >= total;
        if (!last && phase == m_phase && m_timer.isValid() && m_timer.elapsed() < 100)
            return;
        if (phase != m_phase && !m_phase.isEmpty() && m_tty)
            std::fputc('\n', stderr);
        m_phase = phase;
        m_timer.start();
        if (m_tty) {
            std::fprintf(stderr, "\r%s %d/%d", qPrintable(phase), done, total);
            std::fflush(stderr);
        } else if (last) {
            std::fprintf(stderr, "%s %d/%d\n", qPrintable(phase), done, total);
        }
    }
    void finish()
    {
        if (m_tty && !m_phase.isEmpty())
            std::fputc('\n', stderr);
        m_phase.clear();
    }

private:
    std::mutex m_mutex;
    QString m_phase;
    QElapsedTimer m_timer;
    bool m_tty = isatty(fileno(stderr));
};

QString usage()
{
    return Cli::tr("usage: loupe-cli COMMAND ...\n"
                   "commands:\n"
                   "  inspect DATASET [--format F] [--labels FILE] [--json] [--threads N] [--headers-only]\n"
                   "  make-demo OUT_DIR [--kind fashion|defects] [--per-class N] [--seed N]\n"
                   "  train DATASET --out RUN_DIR [--model M] [--image-size N] [--epochs N] [--batch N] [--lr X]\n"
                   "        [--optimizer sgd|adam|adamw] [--augment PIPELINE.json|none] [--class-weights auto|none|W,..]\n"
                   "        [--early-stop PATIENCE] [--init WEIGHTS] [--threads N] [--seed N] [--dev-fraction F] [--resume]\n"
                   "  eval RUN_DIR DATASET [--json] [--predictions FILE.csv]\n"
                   "  overfit-check DATASET [--model M] [--images 5]\n"
                   "  report RUN_DIR [DATASET] --html FILE [--csv FILE] [--split dev|test] [--worst N]\n"
                   "Run 'loupe-cli COMMAND --help' for a command's options.");
}

int inspect(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(Cli::tr("Reports what a dataset holds: classes, sizes, objects, broken files, "
                                        "duplicates and warnings."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("DATASET"), Cli::tr("A folder, CSV, COCO JSON, VOC or YOLO folder, or IDX file."));
    const QCommandLineOption format(QStringLiteral("format"), Cli::tr("auto, folder, csv, coco, voc, yolo or idx."),
                                    QStringLiteral("F"), QStringLiteral("auto"));
    const QCommandLineOption labels(QStringLiteral("labels"), Cli::tr("A label file kept apart from the images."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption json(QStringLiteral("json"), Cli::tr("Print one JSON object for scripts."));
    const QCommandLineOption threads(QStringLiteral("threads"), Cli::tr("Worker threads (0 = every core)."),
                                     QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption headersOnly(QStringLiteral("headers-only"),
                                         Cli::tr("Read image headers only; skip the full decode check."));
    p.addOptions({format, labels, json, threads, headersOnly});
    if (!p.parse(args))
        return fail(p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(p.helpText()), stdout);
        return Done;
    }
    if (p.positionalArguments().size() != 1)
        return fail(Cli::tr("inspect takes one DATASET; see 'loupe-cli inspect --help'"));
    bool ok = false;
    const int threadCount = p.value(threads).toInt(&ok);
    if (!ok || threadCount < 0)
        return fail(Cli::tr("--threads expects a whole number of 0 or more, got \"%1\"").arg(p.value(threads)));

    loupe::InspectOptions options;
    options.import.format = p.value(format);
    options.import.labelsFile = p.value(labels);
    options.scan.threads = threadCount;
    options.verify = !p.isSet(headersOnly);
    ProgressPrinter printer;
    const auto progress = [&](loupe::InspectPhase phase, int done, int total) {
        switch (phase) {
        case loupe::InspectPhase::Import: break;
        case loupe::InspectPhase::Headers: printer.update(Cli::tr("Reading headers"), done, total); break;
        case loupe::InspectPhase::Verify: printer.update(Cli::tr("Checking images"), done, total); break;
        }
    };
    try {
        const loupe::Inspection result = loupe::inspectDataset(p.positionalArguments().front(), options, progress);
        printer.finish();
        QTextStream out(stdout);
        if (p.isSet(json))
            out << QString::fromUtf8(loupe::reportJson(result)) << '\n';
        else
            out << loupe::formatReport(result);
        return Done;
    } catch (const loupe::LabelFileError &e) {
        printer.finish();
        return fail(e.message());
    } catch (const loupe::DatasetError &e) {
        printer.finish();
        return fail(e.message());
    }
}

int makeDemo(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(Cli::tr("Writes a demo dataset: Fashion-MNIST as class folders, or generated "
                                        "inspection images with COCO boxes and masks."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("OUT_DIR"), Cli::tr("Folder to write into."));
    const QCommandLineOption kind(QStringLiteral("kind"), Cli::tr("fashion or defects."), QStringLiteral("KIND"),
                                  QStringLiteral("defects"));
    const QCommandLineOption perClass(QStringLiteral("per-class"),
                                      Cli::tr("Images per class (fashion: per split; 0 = all)."), QStringLiteral("N"));
    const QCommandLineOption seed(QStringLiteral("seed"), Cli::tr("Seed of the generated defects."), QStringLiteral("N"),
                                  QStringLiteral("7"));
    p.addOptions({kind, perClass, seed});
    if (!p.parse(args))
        return fail(p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(p.helpText()), stdout);
        return Done;
    }
    if (p.positionalArguments().size() != 1)
        return fail(Cli::tr("make-demo takes one OUT_DIR; see 'loupe-cli make-demo --help'"));
    const QString out = p.positionalArguments().front();
    bool ok = true;
    const int count = p.isSet(perClass) ? p.value(perClass).toInt(&ok) : -1;
    if (!ok || (p.isSet(perClass) && count < 0))
        return fail(Cli::tr("--per-class expects a whole number of 0 or more, got \"%1\"").arg(p.value(perClass)));
    const quint64 seedValue = p.value(seed).toULongLong(&ok);
    if (!ok)
        return fail(Cli::tr("--seed expects a whole number, got \"%1\"").arg(p.value(seed)));

    ProgressPrinter printer;
    try {
        int written = 0;
        if (p.value(kind) == QLatin1String("fashion")) {
            written = loupe::makeFashionDemo(out, count < 0 ? 0 : count, {},
                                             [&](int d, int t) { printer.update(Cli::tr("Writing images"), d, t); });
        } else if (p.value(kind) == QLatin1String("defects")) {
            loupe::DefectsDemoOptions options;
            if (count > 0)
                options.imagesPerClass = count;
            options.seed = seedValue;
            written = loupe::makeDefectsDemo(out, options,
                                             [&](int d, int t) { printer.update(Cli::tr("Writing images"), d, t); });
        } else {
            return fail(Cli::tr("--kind expects fashion or defects, got \"%1\"").arg(p.value(kind)));
        }
        printer.finish();
        std::printf("%s\n", qPrintable(Cli::tr("Wrote %1 images to %2").arg(written).arg(out)));
        return Done;
    } catch (const loupe::DatasetError &e) {
        printer.finish();
        return fail(e.message());
    } catch (const loupe::LabelFileError &e) {
        printer.finish();
        return fail(e.message());
    }
}


// The dataset with every unreadable image removed and listed on stderr.
loupe::Dataset readDataset(const QString &path, const QString &format, const QString &labels, int threads,
                           ProgressPrinter &printer)
{
    loupe::InspectOptions options;
    options.import.format = format;
    options.import.labelsFile = labels;
    options.scan.threads = threads;
    const auto progress = [&](loupe::InspectPhase phase, int done, int total) {
        if (phase == loupe::InspectPhase::Headers)
            printer.update(Cli::tr("Reading headers"), done, total);
        else if (phase == loupe::InspectPhase::Verify)
            printer.update(Cli::tr("Checking images"), done, total);
    };
    loupe::Inspection in = loupe::inspectDataset(path, options, progress);
    printer.finish();
    for (const loupe::BadFile &b : in.dataset.badFiles)
        std::fprintf(stderr, "%s\n", qPrintable(Cli::tr("skipped %1: %2").arg(b.path, b.reason)));
    return std::move(in.dataset);
}

std::atomic<loupe::Trainer *> g_trainer{nullptr};

void cancelOnSignal(int)
{
    // Only an atomic store here: the loop notices between steps and keeps the last checkpoint.
    if (loupe::Trainer *t = g_trainer.load())
        t->cancel();
}

bool parsePositiveInt(const QCommandLineParser &p, const QCommandLineOption &o, int min, int *out, QString *error)
{
    if (!p.isSet(o))
        return true;
    bool ok = false;
    const int v = p.value(o).toInt(&ok);
    if (!ok || v < min) {
        *error = Cli::tr("--%1 expects a whole number of %2 or more, got \"%3\"").arg(o.names().front()).arg(min).arg(p.value(o));
        return false;
    }
    *out = v;
    return true;
}

bool parseDouble(const QCommandLineParser &p, const QCommandLineOption &o, double *out, QString *error)
{
    if (!p.isSet(o))
        return true;
    bool ok = false;
    const double v = p.value(o).toDouble(&ok);
    if (!ok) {
        *error = Cli::tr("--%1 expects a number, got \"%2\"").arg(o.names().front(), p.value(o));
        return false;
    }
    *out = v;
    return true;
}

int train(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(Cli::tr("Trains an image classifier into a run folder: config.json, metrics.jsonl, "
                                        "a TensorBoard event file, checkpoints and predictions.csv."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("DATASET"), Cli::tr("The dataset to learn from."));
    const QCommandLineOption out(QStringLiteral("out"), Cli::tr("Run folder to write."), QStringLiteral("RUN_DIR"));
    const QCommandLineOption format(QStringLiteral("format"), Cli::tr("Dataset format (auto)."), QStringLiteral("F"), QStringLiteral("auto"));
    const QCommandLineOption labels(QStringLiteral("labels"), Cli::tr("A label file kept apart from the images."), QStringLiteral("FILE"));
    const QCommandLineOption model(QStringLiteral("model"), Cli::tr("resnet18, resnet34, resnet50, vgg16 or vgg19."), QStringLiteral("M"));
    const QCommandLineOption imageSize(QStringLiteral("image-size"), Cli::tr("Input size in pixels."), QStringLiteral("N"));
    const QCommandLineOption channels(QStringLiteral("channels"), Cli::tr("1 (grey) or 3."), QStringLiteral("N"));
    const QCommandLineOption epochs(QStringLiteral("epochs"), Cli::tr("Epochs."), QStringLiteral("N"));
    const QCommandLineOption batch(QStringLiteral("batch"), Cli::tr("Batch size."), QStringLiteral("N"));
    const QCommandLineOption lr(QStringLiteral("lr"), Cli::tr("Learning rate."), QStringLiteral("X"));
    const QCommandLineOption optimizer(QStringLiteral("optimizer"), Cli::tr("sgd, adam or adamw."), QStringLiteral("O"));
    const QCommandLineOption momentum(QStringLiteral("momentum"), Cli::tr("SGD momentum."), QStringLiteral("X"));
    const QCommandLineOption weightDecay(QStringLiteral("weight-decay"), Cli::tr("Weight decay."), QStringLiteral("X"));
    const QCommandLineOption schedule(QStringLiteral("schedule"), Cli::tr("none, step or cosine."), QStringLiteral("S"));
    const QCommandLineOption warmup(QStringLiteral("warmup"), Cli::tr("Warm-up epochs."), QStringLiteral("N"));
    const QCommandLineOption augment(QStringLiteral("augment"), Cli::tr("Pipeline JSON, or none."), QStringLiteral("PIPELINE"));
    const QCommandLineOption classWeights(QStringLiteral("class-weights"), Cli::tr("auto, none, or one weight per class (W,W,...)."), QStringLiteral("W"));
    const QCommandLineOption earlyStop(QStringLiteral("early-stop"), Cli::tr("Stop after this many epochs without dev-loss improvement."), QStringLiteral("PATIENCE"));
    const QCommandLineOption init(QStringLiteral("init"), Cli::tr("Initial weights: a TorchScript file or an earlier run folder."), QStringLiteral("WEIGHTS"));
    const QCommandLineOption threads(QStringLiteral("threads"), Cli::tr("Compute threads (0 = every core)."), QStringLiteral("N"));
    const QCommandLineOption loaderThreads(QStringLiteral("loader-threads"), Cli::tr("Image decoding threads."), QStringLiteral("N"));
    const QCommandLineOption seed(QStringLiteral("seed"), Cli::tr("Seed of the split, the order and the augmentations."), QStringLiteral("N"));
    const QCommandLineOption devFraction(QStringLiteral("dev-fraction"), Cli::tr("Share held out for dev when the dataset has no dev split."), QStringLiteral("F"));
    const QCommandLineOption maxSteps(QStringLiteral("max-steps"), Cli::tr("At most this many steps an epoch (quick looks)."), QStringLiteral("N"));
    const QCommandLineOption resume(QStringLiteral("resume"), Cli::tr("Continue the run in RUN_DIR from its last checkpoint."));
    p.addOptions({out, format, labels, model, imageSize, channels, epochs, batch, lr, optimizer, momentum, weightDecay, schedule,
                  warmup, augment, classWeights, earlyStop, init, threads, loaderThreads, seed, devFraction, maxSteps, resume});
    if (!p.parse(args))
        return fail(p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(p.helpText()), stdout);
        return Done;
    }
    if (p.positionalArguments().size() != 1 || !p.isSet(out))
        return fail(Cli::tr("train takes one DATASET and --out RUN_DIR; see 'loupe-cli train --help'"));
    const QString runDir = p.value(out);

    loupe::TrainConfig cfg;
    if (p.isSet(resume) && QFileInfo::exists(loupe::runfolder::configPath(runDir))) {
        try {
            cfg = loupe::TrainConfig::fromJson(loupe::runfolder::readConfig(runDir));
        } catch (const loupe::DatasetError &e) {
            return fail(e.message());
        } catch (const loupe::LabelFileError &e) {
            return fail(e.message());
        }
    }
    QString error;
    if (p.isSet(model))
        cfg.model = p.value(model);
    if (p.isSet(optimizer))
        cfg.optimizer = p.value(optimizer);
    if (p.isSet(schedule))
        cfg.schedule = p.value(schedule);
    if (p.isSet(augment))
        cfg.augmentFile = p.value(augment);
    if (p.isSet(init))
        cfg.initWeights = p.value(init);
    if (p.isSet(seed)) {
        bool ok = false;
        cfg.seed = p.value(seed).toULongLong(&ok);
        if (!ok)
            return fail(Cli::tr("--seed expects a whole number, got \"%1\"").arg(p.value(seed)));
    }
    if (p.isSet(classWeights)) {
        const QString w = p.value(classWeights);
        if (w == QLatin1String("auto") || w == QLatin1String("none")) {
            cfg.classWeights = w;
        } else {
            cfg.classWeights = QStringLiteral("explicit");
            cfg.explicitClassWeights.clear();
            for (const QString &part : w.split(QLatin1Char(','))) {
                bool ok = false;
                const double v = part.toDouble(&ok);
                if (!ok || v < 0)
                    return fail(Cli::tr("--class-weights expects auto, none or non-negative numbers separated by commas, got \"%1\"").arg(w));
                cfg.explicitClassWeights.push_back(v);
            }
        }
    }
    if (!parsePositiveInt(p, imageSize, 16, &cfg.imageSize, &error) || !parsePositiveInt(p, channels, 1, &cfg.channels, &error)
        || !parsePositiveInt(p, epochs, 1, &cfg.epochs, &error) || !parsePositiveInt(p, batch, 1, &cfg.batchSize, &error)
        || !parsePositiveInt(p, warmup, 0, &cfg.warmupEpochs, &error)
        || !parsePositiveInt(p, earlyStop, 0, &cfg.earlyStopPatience, &error)
        || !parsePositiveInt(p, threads, 0, &cfg.threads, &error)
        || !parsePositiveInt(p, loaderThreads, 1, &cfg.loaderThreads, &error)
        || !parsePositiveInt(p, maxSteps, 0, &cfg.maxStepsPerEpoch, &error) || !parseDouble(p, lr, &cfg.learningRate, &error)
        || !parseDouble(p, momentum, &cfg.momentum, &error) || !parseDouble(p, weightDecay, &cfg.weightDecay, &error)
        || !parseDouble(p, devFraction, &cfg.devFraction, &error))
        return fail(error);
    if (const QString problem = cfg.validate(); !problem.isEmpty())
        return fail(problem);

    ProgressPrinter printer;
    loupe::Dataset dataset;
    try {
        dataset = readDataset(p.positionalArguments().front(), p.value(format), p.value(labels), cfg.threads, printer);
    } catch (const loupe::LabelFileError &e) {
        return fail(e.message());
    } catch (const loupe::DatasetError &e) {
        return fail(e.message());
    }

    loupe::Trainer trainer(dataset, cfg, runDir);
    trainer.setResume(p.isSet(resume));
    g_trainer = &trainer;
    std::signal(SIGINT, cancelOnSignal);
    std::signal(SIGTERM, cancelOnSignal);
    loupe::TrainCallbacks callbacks;
    callbacks.onStep = [&](const loupe::TrainProgress &s) {
        printer.update(Cli::tr("Epoch %1/%2 loss %3, %4 images/s, %5 s left")
                           .arg(s.epoch)
                           .arg(s.epochs)
                           .arg(s.loss, 0, 'f', 4)
                           .arg(s.imagesPerSecond, 0, 'f', 1)
                           .arg(s.etaSeconds, 0, 'f', 0),
                       s.step, s.stepsPerEpoch);
    };
    callbacks.onEpoch = [&](const loupe::EpochMetrics &m) {
        printer.finish();
        std::printf("%s\n", qPrintable(Cli::tr("epoch %1: train loss %2, dev loss %3, dev accuracy %4, dev macro F1 %5, "
                                               "%6 images/s, %7 s%8")
                                           .arg(m.epoch)
                                           .arg(m.trainLoss, 0, 'f', 4)
                                           .arg(m.devLoss, 0, 'f', 4)
                                           .arg(m.devAccuracy, 0, 'f', 4)
                                           .arg(m.devMacroF1, 0, 'f', 4)
                                           .arg(m.imagesPerSecond, 0, 'f', 1)
                                           .arg(m.seconds, 0, 'f', 1)
                                           .arg(m.best ? Cli::tr(" (best)") : QString())));
        std::fflush(stdout);
    };
    callbacks.onNote = [&](const QString &note) {
        printer.finish();
        std::fprintf(stderr, "%s\n", qPrintable(note));
    };
    if (p.isSet(resume))
        loupe::runfolder::clearStatus(runDir);
    const loupe::TrainResult result = trainer.run(callbacks);
    if (QFileInfo::exists(loupe::runfolder::configPath(runDir)))
        loupe::runfolder::writeStatus(runDir, result);
    g_trainer = nullptr;
    printer.finish();
    switch (result.outcome) {
    case loupe::TrainOutcome::Completed:
    case loupe::TrainOutcome::EarlyStopped:
        std::printf("%s\n", qPrintable(Cli::tr("%1 after %2 epochs; best dev loss %3 at epoch %4; run in %5")
                                           .arg(loupe::outcomeText(result.outcome))
                                           .arg(result.epochsRun)
                                           .arg(result.bestDevLoss, 0, 'f', 4)
                                           .arg(result.bestEpoch)
                                           .arg(runDir)));
        return Done;
    case loupe::TrainOutcome::Cancelled:
        std::fprintf(stderr, "loupe-cli: %s\n", qPrintable(result.message));
        return Failed;
    case loupe::TrainOutcome::Diverged:
        std::fprintf(stderr, "loupe-cli: %s\n", qPrintable(result.message));
        return Failed;
    case loupe::TrainOutcome::Failed:
        return fail(result.message);
    }
    return Failed;
}

int eval(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(Cli::tr("Measures a trained run on a dataset: accuracy, per-class precision, recall "
                                        "and F1, macro F1 and the confusion matrix."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("RUN_DIR"), Cli::tr("A run folder written by train."));
    p.addPositionalArgument(QStringLiteral("DATASET"), Cli::tr("The images to measure on."));
    const QCommandLineOption json(QStringLiteral("json"), Cli::tr("Print one JSON object for scripts."));
    const QCommandLineOption predictions(QStringLiteral("predictions"), Cli::tr("Write path,true_label,predicted_label,confidence,loss and one p:<class> probability per class."), QStringLiteral("FILE"));
    const QCommandLineOption format(QStringLiteral("format"), Cli::tr("Dataset format (auto)."), QStringLiteral("F"), QStringLiteral("auto"));
    const QCommandLineOption labels(QStringLiteral("labels"), Cli::tr("A label file kept apart from the images."), QStringLiteral("FILE"));
    const QCommandLineOption threads(QStringLiteral("threads"), Cli::tr("Compute threads (0 = every core)."), QStringLiteral("N"), QStringLiteral("0"));
    p.addOptions({json, predictions, format, labels, threads});
    if (!p.parse(args))
        return fail(p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(p.helpText()), stdout);
        return Done;
    }
    if (p.positionalArguments().size() != 2)
        return fail(Cli::tr("eval takes RUN_DIR and DATASET; see 'loupe-cli eval --help'"));
    int threadCount = 0;
    QString error;
    if (!parsePositiveInt(p, threads, 0, &threadCount, &error))
        return fail(error);
    ProgressPrinter printer;
    try {
        const loupe::Dataset dataset = readDataset(p.positionalArguments().at(1), p.value(format), p.value(labels), threadCount, printer);
        const loupe::RunEvaluation r = loupe::evaluateRun(p.positionalArguments().at(0), dataset, p.value(predictions), threadCount);
        for (const loupe::BadFile &b : r.skipped)
            std::fprintf(stderr, "%s\n", qPrintable(Cli::tr("skipped %1: %2").arg(b.path, b.reason)));
        QTextStream outStream(stdout);
        if (p.isSet(json)) {
            std::vector<double> averagePrecision;
            for (const loupe::PrCurve &curve : loupe::precisionRecallCurves(r.predictions))
                averagePrecision.push_back(curve.averagePrecision);
            outStream << QString::fromUtf8(loupe::metricsJson(r.metrics, averagePrecision)) << '\n';
            return Done;
        }
        const loupe::ClassificationMetrics &m = r.metrics;
        outStream << Cli::tr("%1 images, weights %2\n").arg(r.images).arg(r.checkpoint);
        outStream << Cli::tr("accuracy %1, macro F1 %2\n\n").arg(m.accuracy, 0, 'f', 4).arg(m.macroF1, 0, 'f', 4);
        int width = 8;
        for (const auto &c : m.perClass)
            width = std::max(width, int(c.name.size()));
        outStream << QStringLiteral("%1 %2 %3 %4 %5\n")
                         .arg(Cli::tr("class"), -width)
                         .arg(Cli::tr("precision"), 10)
                         .arg(Cli::tr("recall"), 10)
                         .arg(Cli::tr("F1"), 10)
                         .arg(Cli::tr("support"), 8);
        for (const auto &c : m.perClass)
            outStream << QStringLiteral("%1 %2 %3 %4 %5\n")
                             .arg(c.name, -width)
                             .arg(c.precision, 10, 'f', 4)
                             .arg(c.recall, 10, 'f', 4)
                             .arg(c.f1, 10, 'f', 4)
                             .arg(c.support, 8);
        outStream << Cli::tr("\nconfusion (rows true, columns predicted)\n");
        for (std::size_t row = 0; row < m.confusion.size(); ++row) {
            outStream << QStringLiteral("%1").arg(m.labels.value(int(row)), -width);
            for (int v : m.confusion[row])
                outStream << QStringLiteral(" %1").arg(v, 6);
            outStream << '\n';
        }
        return Done;
    } catch (const loupe::LabelFileError &e) {
        return fail(e.message());
    } catch (const loupe::DatasetError &e) {
        return fail(e.message());
    } catch (const std::exception &e) {
        return fail(QString::fromLocal8Bit(e.what()));
    }
}

int overfitCheck(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(Cli::tr("The practice's first sanity check: train on five images with every random "
                                        "transform off and expect the model to learn them all. Exit 0 pass, 1 fail."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("DATASET"), Cli::tr("The dataset to draw the images from."));
    const QCommandLineOption model(QStringLiteral("model"), Cli::tr("resnet18, resnet34, resnet50, vgg16 or vgg19."), QStringLiteral("M"), QStringLiteral("resnet18"));
    const QCommandLineOption images(QStringLiteral("images"), Cli::tr("How many images."), QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption imageSize(QStringLiteral("image-size"), Cli::tr("Input size in pixels."), QStringLiteral("N"), QStringLiteral("64"));
    const QCommandLineOption channels(QStringLiteral("channels"), Cli::tr("1 (grey) or 3."), QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption maxSteps(QStringLiteral("max-steps"), Cli::tr("Give up after this many steps."), QStringLiteral("N"), QStringLiteral("300"));
    const QCommandLineOption seed(QStringLiteral("seed"), Cli::tr("Seed."), QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption threads(QStringLiteral("threads"), Cli::tr("Compute threads (0 = every core)."), QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption format(QStringLiteral("format"), Cli::tr("Dataset format (auto)."), QStringLiteral("F"), QStringLiteral("auto"));
    const QCommandLineOption labels(QStringLiteral("labels"), Cli::tr("A label file kept apart from the images."), QStringLiteral("FILE"));
    p.addOptions({model, images, imageSize, channels, maxSteps, seed, threads, format, labels});
    if (!p.parse(args))
        return fail(p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(p.helpText()), stdout);
        return Done;
    }
    if (p.positionalArguments().size() != 1)
        return fail(Cli::tr("overfit-check takes one DATASET; see 'loupe-cli overfit-check --help'"));
    loupe::OverfitOptions o;
    o.model = p.value(model);
    QString error;
    if (!parsePositiveInt(p, images, 2, &o.images, &error) || !parsePositiveInt(p, imageSize, 32, &o.imageSize, &error)
        || !parsePositiveInt(p, channels, 1, &o.channels, &error) || !parsePositiveInt(p, maxSteps, 1, &o.maxSteps, &error)
        || !parsePositiveInt(p, threads, 0, &o.threads, &error))
        return fail(error);
    bool ok = false;
    o.seed = p.value(seed).toULongLong(&ok);
    if (!ok)
        return fail(Cli::tr("--seed expects a whole number, got \"%1\"").arg(p.value(seed)));
    loupe::TrainConfig probe;
    probe.model = o.model;
    probe.channels = o.channels;
    if (const QString problem = probe.validate(); !problem.isEmpty())
        return fail(problem);
    ProgressPrinter printer;
    try {
        const loupe::Dataset dataset = readDataset(p.positionalArguments().front(), p.value(format), p.value(labels), o.threads, printer);
        const loupe::OverfitResult r = loupe::runOverfitCheck(dataset, o, [&](int step, double loss) {
            printer.update(Cli::tr("Overfitting %1 images, loss %2").arg(o.images).arg(loss, 0, 'f', 4), step, o.maxSteps);
        });
        printer.finish();
        for (std::size_t i = 0; i < r.paths.size(); ++i)
            std::printf("%s\n", qPrintable(Cli::tr("  %1  true %2, predicted %3%4")
                                               .arg(r.paths[i], r.classes.value(r.truth[i]), r.classes.value(r.predicted[i]))
                                               .arg(r.truth[i] == r.predicted[i] ? QString() : Cli::tr("  ← wrong"))));
        std::printf("%s\n", qPrintable(Cli::tr("overfit check %1").arg(r.message)));
        return r.passed ? Done : Failed;
    } catch (const loupe::LabelFileError &e) {
        return fail(e.message());
    } catch (const loupe::DatasetError &e) {
        return fail(e.message());
    }
}

int report(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(Cli::tr("Writes a run's report from its predictions file: one self-contained HTML page "
                                        "(config, curves, metrics, confusion matrix, PR curves, worst mispredictions) "
                                        "and/or the metrics as CSV."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("RUN_DIR"), Cli::tr("A run folder written by train."));
    p.addPositionalArgument(QStringLiteral("DATASET"), Cli::tr("Optional: the run's dataset, for the thumbnails (IDX images need it)."),
                            QStringLiteral("[DATASET]"));
    const QCommandLineOption html(QStringLiteral("html"), Cli::tr("HTML report to write."), QStringLiteral("FILE"));
    const QCommandLineOption csv(QStringLiteral("csv"), Cli::tr("Metrics CSV to write."), QStringLiteral("FILE"));
    const QCommandLineOption split(QStringLiteral("split"), Cli::tr("dev or test: which predictions file to report on."),
                                   QStringLiteral("S"), QStringLiteral("dev"));
    const QCommandLineOption worst(QStringLiteral("worst"), Cli::tr("Mispredictions shown, highest loss first."),
                                   QStringLiteral("N"), QStringLiteral("12"));
    const QCommandLineOption format(QStringLiteral("format"), Cli::tr("Dataset format (auto)."), QStringLiteral("F"), QStringLiteral("auto"));
    const QCommandLineOption labels(QStringLiteral("labels"), Cli::tr("A label file kept apart from the images."), QStringLiteral("FILE"));
    p.addOptions({html, csv, split, worst, format, labels});
    if (!p.parse(args))
        return fail(p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(p.helpText()), stdout);
        return Done;
    }
    const QStringList positional = p.positionalArguments();
    if (positional.isEmpty() || positional.size() > 2 || (!p.isSet(html) && !p.isSet(csv)))
        return fail(Cli::tr("report takes RUN_DIR, an optional DATASET and --html FILE and/or --csv FILE; see 'loupe-cli report --help'"));
    if (p.value(split) != QLatin1String("dev") && p.value(split) != QLatin1String("test"))
        return fail(Cli::tr("--split expects dev or test, got \"%1\"").arg(p.value(split)));
    loupe::RunReportOptions options;
    options.split = p.value(split);
    QString error;
    if (!parsePositiveInt(p, worst, 0, &options.worstCount, &error))
        return fail(error);
    const QString runDir = positional.front();
    ProgressPrinter printer;
    try {
        loupe::runfolder::readConfig(runDir); // a clear message when RUN_DIR is not a run folder
        const QString predictions = loupe::predictionsFileFor(runDir, options.split);
        if (!QFileInfo::exists(predictions))
            return fail(Cli::tr("%1 has no %2: evaluate the run on its %3 images first").arg(runDir, QFileInfo(predictions).fileName(), options.split));
        loupe::Dataset dataset;
        if (positional.size() == 2) {
            // Thumbnails need the samples' paths only: headers, no full decode check.
            loupe::InspectOptions inspect;
            inspect.import.format = p.value(format);
            inspect.import.labelsFile = p.value(labels);
            inspect.verify = false;
            dataset = loupe::inspectDataset(positional.at(1), inspect, [&](loupe::InspectPhase phase, int done, int total) {
                          if (phase == loupe::InspectPhase::Headers)
                              printer.update(Cli::tr("Reading headers"), done, total);
                      }).dataset;
            printer.finish();
        }
        if (p.isSet(csv)) {
            if (const QString e = loupe::writeMetricsCsv(p.value(csv), loupe::predictionfiles::read(predictions)); !e.isEmpty())
                return fail(e);
            std::printf("%s\n", qPrintable(Cli::tr("Wrote %1").arg(p.value(csv))));
        }
        if (p.isSet(html)) {
            // No progress line: a dozen thumbnails take well under a second.
            const QString e = loupe::writeRunReport(p.value(html), runDir, positional.size() == 2 ? &dataset : nullptr, options);
            if (!e.isEmpty())
                return fail(e);
            std::printf("%s\n", qPrintable(Cli::tr("Wrote %1").arg(p.value(html))));
        }
        return Done;
    } catch (const loupe::LabelFileError &e) {
        printer.finish();
        return fail(e.message());
    } catch (const loupe::DatasetError &e) {
        printer.finish();
        return fail(e.message());
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Loupe"));
    QCoreApplication::setApplicationName(QStringLiteral("loupe-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LOUPE_VERSION));
    loupe::installTranslators(app);

    QStringList args = app.arguments();
    if (args.size() < 2)
        return fail(usage());
    const QString command = args.takeAt(1);
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        std::printf("%s\n", qPrintable(usage()));
        return Done;
    }
    if (command == QLatin1String("--version")) {
        std::printf("loupe-cli %s\n", LOUPE_VERSION);
        return Done;
    }
    if (command == QLatin1String("inspect"))
        return inspect(args);
    if (command == QLatin1String("make-demo"))
        return makeDemo(args);
    if (command == QLatin1String("train"))
        return train(args);
    if (command == QLatin1String("eval"))
        return eval(args);
    if (command == QLatin1String("overfit-check"))
        return overfitCheck(args);
    if (command == QLatin1String("report"))
        return report(args);
    return fail(Cli::tr("unknown command \"%1\"\n%2").arg(command, usage()));
}
