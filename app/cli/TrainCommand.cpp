// loupe-cli train: a run folder from a dataset; Ctrl+C stops between steps keeping the last checkpoint.

#include "Commands.h"
#include "LocalRanks.h"
#include "ProgressPrinter.h"
#include "ReadDataset.h"
#include "TrainOptions.h"

#include "project/RunFolder.h"
#include "project/RunStatus.h"
#include "train/DistributedSetup.h"
#include "train/Trainer.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcessEnvironment>

#include <atomic>
#include <csignal>
#include <cmath>
#include <cstdio>

namespace loupe::cli {

namespace {

std::atomic<Trainer *> g_trainer{nullptr};

void cancelOnSignal(int)
{
    // Only an atomic store here: the loop notices between steps and keeps the last checkpoint.
    if (Trainer *t = g_trainer.load())
        t->cancel();
}

TrainCallbacks printingCallbacks(ProgressPrinter &printer)
{
    TrainCallbacks callbacks;
    callbacks.onStep = [&printer](const TrainProgress &s) {
        printer.update(Cli::tr("Epoch %1/%2 loss %3, %4 images/s, %5 s left")
                           .arg(s.epoch)
                           .arg(s.epochs)
                           .arg(s.loss, 0, 'f', 4)
                           .arg(s.imagesPerSecond, 0, 'f', 1)
                           .arg(s.etaSeconds, 0, 'f', 0),
                       s.step, s.stepsPerEpoch);
    };
    callbacks.onEpoch = [&printer](const EpochMetrics &m) {
        printer.finish();
        // Detection's figures: the loss parts and COCO's mAP and AP50; segmentation's: its loss parts and mIoU.
        const bool segmentation = std::isfinite(m.value(QStringLiteral("dev_miou"), qQNaN()));
        const QString figures = m.hasClassMetrics
            ? Cli::tr("dev accuracy %1, dev macro F1 %2").arg(m.devAccuracy, 0, 'f', 4).arg(m.devMacroF1, 0, 'f', 4)
            : segmentation
            ? Cli::tr("cross-entropy %1, Dice %2, dev mIoU %3, dev pixel accuracy %4")
                  .arg(m.value(QStringLiteral("train_loss_ce")), 0, 'f', 4)
                  .arg(m.value(QStringLiteral("train_loss_dice")), 0, 'f', 4)
                  .arg(m.value(QStringLiteral("dev_miou")), 0, 'f', 4)
                  .arg(m.value(QStringLiteral("dev_pixel_accuracy")), 0, 'f', 4)
            : Cli::tr("classification %1, box %2, dev mAP %3, dev AP50 %4")
                  .arg(m.value(QStringLiteral("train_loss_classification")), 0, 'f', 4)
                  .arg(m.value(QStringLiteral("train_loss_box")), 0, 'f', 4)
                  .arg(m.value(QStringLiteral("dev_map")), 0, 'f', 4)
                  .arg(m.value(QStringLiteral("dev_ap50")), 0, 'f', 4);
        std::printf("%s\n", qPrintable(Cli::tr("epoch %1: train loss %2, dev loss %3, %4, %5 images/s, %6 s%7")
                                           .arg(m.epoch)
                                           .arg(m.trainLoss, 0, 'f', 4)
                                           .arg(m.devLoss, 0, 'f', 4)
                                           .arg(figures)
                                           .arg(m.imagesPerSecond, 0, 'f', 1)
                                           .arg(m.seconds, 0, 'f', 1)
                                           .arg(m.best ? Cli::tr(" (best)") : QString())));
        std::fflush(stdout);
    };
    callbacks.onNote = [&printer](const QString &note) {
        printer.finish();
        std::fprintf(stderr, "%s\n", qPrintable(note));
    };
    return callbacks;
}

class TrainCommand : public Command
{
public:
    QString description() const override
    {
        return Cli::tr("Trains an image classifier, an object detector or a segmenter into a run folder: "
                       "config.json, metrics.jsonl, a TensorBoard event file, checkpoints and predictions.");
    }

    void declare(QCommandLineParser &p) const override
    {
        p.addPositionalArgument(QStringLiteral("DATASET"), Cli::tr("The dataset to learn from."));
        m_options.declare(p);
    }

    int run(const QCommandLineParser &p) const override
    {
        if (p.positionalArguments().size() != 1 || !p.isSet(m_options.out))
            return fail(Cli::tr("train takes one DATASET and --out RUN_DIR; see 'loupe-cli train --help'"));
        const QString runDir = p.value(m_options.out);
        const bool resume = p.isSet(m_options.resume);

        int timeoutSeconds = 60;
        if (p.isSet(m_options.distTimeout)) {
            bool ok = false;
            timeoutSeconds = p.value(m_options.distTimeout).toInt(&ok);
            if (!ok || timeoutSeconds < 1)
                return fail(Cli::tr("--dist-timeout takes a number of seconds, not '%1'").arg(p.value(m_options.distTimeout)));
        }
        if (p.isSet(m_options.nproc)) {
            bool ok = false;
            const int nproc = p.value(m_options.nproc).toInt(&ok);
            if (!ok || nproc < 1)
                return fail(Cli::tr("--nproc takes a number of ranks, not '%1'").arg(p.value(m_options.nproc)));
            if (p.isSet(m_options.distributed))
                return fail(Cli::tr("--nproc starts its own ranks; give it or --distributed, not both"));
            return runLocalRanks(QCoreApplication::arguments(), nproc, timeoutSeconds);
        }
        DistributedSetup setup;
        if (p.isSet(m_options.distributed)) {
            QString error;
            if (!DistributedSetup::fromEnvironment(QProcessEnvironment::systemEnvironment(), &setup, &error))
                return fail(error);
            setup.timeoutSeconds = timeoutSeconds;
        }

        TrainConfig cfg;
        if (resume && QFileInfo::exists(runfolder::configPath(runDir)))
            cfg = TrainConfig::fromJson(runfolder::readConfig(runDir));
        if (const QString error = m_options.apply(p, &cfg); !error.isEmpty())
            return fail(error);

        ProgressPrinter printer;
        const Dataset dataset = readDataset(p.positionalArguments().front(), m_options.dataset.importOptions(p),
                                            cfg.threads, printer);

        Trainer trainer(dataset, cfg, runDir);
        trainer.setResume(resume);
        if (p.isSet(m_options.distributed))
            trainer.setDistributed(setup);
        g_trainer = &trainer;
        std::signal(SIGINT, cancelOnSignal);
        std::signal(SIGTERM, cancelOnSignal);
        // Rank 0 alone writes the run folder.
        if (resume && setup.isMain())
            runfolder::clearStatus(runDir);
        const TrainResult result = trainer.run(printingCallbacks(printer));
        if (setup.isMain() && QFileInfo::exists(runfolder::configPath(runDir)))
            runfolder::writeStatus(runDir, result);
        g_trainer = nullptr;
        printer.finish();
        switch (result.outcome) {
        case TrainOutcome::Completed:
        case TrainOutcome::EarlyStopped:
            std::printf("%s\n", qPrintable(Cli::tr("%1 after %2 epochs; best dev loss %3 at epoch %4; run in %5")
                                               .arg(outcomeText(result.outcome))
                                               .arg(result.epochsRun)
                                               .arg(result.bestDevLoss, 0, 'f', 4)
                                               .arg(result.bestEpoch)
                                               .arg(runDir)));
            return Done;
        case TrainOutcome::Cancelled:
        case TrainOutcome::Diverged:
            std::fprintf(stderr, "loupe-cli: %s\n", qPrintable(result.message));
            return Failed;
        case TrainOutcome::Failed:
            return fail(result.message);
        }
        return Failed;
    }

private:
    const TrainOptions m_options;
};

} // namespace

std::unique_ptr<Command> makeTrainCommand()
{
    return std::make_unique<TrainCommand>();
}

} // namespace loupe::cli
