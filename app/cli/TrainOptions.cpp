#include "TrainOptions.h"

#include "Command.h"
#include "OptionValues.h"

#include "imaging/Tiling.h"
#include "model/AnchorTuning.h"

namespace loupe::cli {

namespace {

QCommandLineOption valued(const char *name, const QString &text, const char *valueName)
{
    return QCommandLineOption(QLatin1String(name), text, QLatin1String(valueName));
}

} // namespace

TrainOptions::TrainOptions()
    : out(valued("out", Cli::tr("Run folder to write."), "RUN_DIR"))
    , model(valued("model", Cli::tr("resnet18, resnet34, resnet50, vgg16 or vgg19."), "M"))
    , imageSize(valued("image-size", Cli::tr("Input size in pixels."), "N"))
    , channels(valued("channels", Cli::tr("1 (grey) or 3."), "N"))
    , epochs(valued("epochs", Cli::tr("Epochs."), "N"))
    , batch(valued("batch", Cli::tr("Batch size."), "N"))
    , lr(valued("lr", Cli::tr("Learning rate."), "X"))
    , optimizer(valued("optimizer", Cli::tr("sgd, adam or adamw."), "O"))
    , momentum(valued("momentum", Cli::tr("SGD momentum."), "X"))
    , weightDecay(valued("weight-decay", Cli::tr("Weight decay."), "X"))
    , schedule(valued("schedule", Cli::tr("none, step or cosine."), "S"))
    , warmup(valued("warmup", Cli::tr("Warm-up epochs."), "N"))
    , augment(valued("augment", Cli::tr("Pipeline JSON, or none."), "PIPELINE"))
    , classWeights(valued("class-weights", Cli::tr("auto, none, or one weight per class (W,W,...)."), "W"))
    , earlyStop(valued("early-stop", Cli::tr("Stop after this many epochs without dev-loss improvement."), "PATIENCE"))
    , init(valued("init", Cli::tr("Initial weights: a state dict saved by torch.save (torchvision's ImageNet weights, either format), a TorchScript file, or an earlier run folder."), "WEIGHTS"))
    , threads(valued("threads", Cli::tr("Compute threads (0 = every core)."), "N"))
    , loaderThreads(valued("loader-threads", Cli::tr("Image decoding threads."), "N"))
    , seed(valued("seed", Cli::tr("Seed of the split, the order and the augmentations."), "N"))
    , devFraction(valued("dev-fraction", Cli::tr("Share held out for dev when the dataset has no dev split."), "F"))
    , maxSteps(valued("max-steps", Cli::tr("At most this many steps an epoch (quick looks)."), "N"))
    , precision(valued("precision",
                         Cli::tr("auto (bfloat16 where the CPU has AVX512-BF16 or AMX, else float32), fp32 or bf16."),
                         "P"))
    , resume(QStringLiteral("resume"), Cli::tr("Continue the run in RUN_DIR from its last checkpoint."))
    , distributed(QStringLiteral("distributed"),
                  Cli::tr("Train as one rank of a data-parallel job: RANK, WORLD_SIZE, MASTER_ADDR and MASTER_PORT "
                          "(torchrun) or SLURM_PROCID and SLURM_NTASKS (srun) say which."))
    , nproc(valued("nproc", Cli::tr("Start N data-parallel ranks on this machine (batch is per rank)."), "N"))
    , distTimeout(valued("dist-timeout",
                         Cli::tr("Seconds a rank waits for the others before it stops (default 60)."), "S"))
    , task(valued("task", Cli::tr("classify, detect or segment (default: from the labels; mask folders → segment, boxes only → detect)."), "T"))
    , tiles(valued("tiles", Cli::tr("Detection: cut each image (or the region) into RxC tiles, each fed at the input "
                                   "size (default 1x1)."),
                   "RxC"))
    , tileOverlap(valued("tile-overlap", Cli::tr("Detection: pixels neighbouring tiles share (default 32)."), "PX"))
    , roi(valued("roi", Cli::tr("Detection: the region of interest x,y,w,h in image pixels."), "X,Y,W,H"))
    , anchors(valued("anchors",
                     Cli::tr("Detection: auto (tuned to the training boxes) or SIZES:RATIOS, e.g. 8,16,32,64,128:0.5,1,2."),
                     "A"))
    , emptyTiles(valued("empty-tiles",
                        Cli::tr("Detection with tiles or a region: tiles without objects drawn each epoch per tile with "
                                "objects, a new draw every epoch, or all (default 1)."),
                        "R"))
{
}

void TrainOptions::declare(QCommandLineParser &p) const
{
    p.addOptions({out});
    p.addOptions(dataset.options());
    p.addOptions({model, imageSize, channels, epochs, batch, lr, optimizer, momentum, weightDecay,
                  schedule, warmup, augment, classWeights, earlyStop, init, threads, loaderThreads, seed, devFraction,
                  maxSteps, precision, resume, distributed, nproc, distTimeout, task, tiles, tileOverlap, roi, anchors,
                  emptyTiles});
}

QString TrainOptions::apply(const QCommandLineParser &p, TrainConfig *config) const
{
    TrainConfig &cfg = *config;
    if (p.isSet(model))
        cfg.model = p.value(model);
    if (p.isSet(optimizer))
        cfg.optimizer = p.value(optimizer);
    if (p.isSet(schedule))
        cfg.schedule = p.value(schedule);
    if (p.isSet(augment)) {
        cfg.augmentFile = p.value(augment);
        cfg.pipelineJson.clear(); // the file named now, not a resumed run's saved pipeline
    }
    if (p.isSet(init))
        cfg.initWeights = p.value(init);
    if (p.isSet(precision))
        cfg.precision = p.value(precision);
    if (p.isSet(task))
        cfg.task = p.value(task);
    try {
        if (p.isSet(tiles)) {
            parseTileCount(p.value(tiles));
            cfg.tiles = p.value(tiles);
        }
        if (p.isSet(roi)) {
            parseRoi(p.value(roi));
            cfg.roi = p.value(roi);
        }
        if (p.isSet(anchors)) {
            parseAnchorSetting(p.value(anchors));
            cfg.anchors = p.value(anchors);
        }
        if (p.isSet(emptyTiles))
            cfg.emptyTiles = p.value(emptyTiles);
    } catch (const TilingError &e) {
        return e.message();
    } catch (const AnchorError &e) {
        return e.message();
    }
    QString error;
    if (!readSeed(p, seed, &cfg.seed, &error))
        return error;
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
                    return Cli::tr("--class-weights expects auto, none or non-negative numbers separated by commas, "
                                   "got \"%1\"")
                        .arg(w);
                cfg.explicitClassWeights.push_back(v);
            }
        }
    }
    if (!readInt(p, imageSize, 16, &cfg.imageSize, &error) || !readInt(p, channels, 1, &cfg.channels, &error)
        || !readInt(p, epochs, 1, &cfg.epochs, &error) || !readInt(p, batch, 1, &cfg.batchSize, &error)
        || !readInt(p, warmup, 0, &cfg.warmupEpochs, &error) || !readInt(p, earlyStop, 0, &cfg.earlyStopPatience, &error)
        || !readInt(p, threads, 0, &cfg.threads, &error) || !readInt(p, loaderThreads, 1, &cfg.loaderThreads, &error)
        || !readInt(p, maxSteps, 0, &cfg.maxStepsPerEpoch, &error) || !readDouble(p, lr, &cfg.learningRate, &error)
        || !readDouble(p, momentum, &cfg.momentum, &error) || !readDouble(p, weightDecay, &cfg.weightDecay, &error)
        || !readInt(p, tileOverlap, 0, &cfg.tileOverlap, &error) || !readDouble(p, devFraction, &cfg.devFraction, &error))
        return error;
    return cfg.validate();
}

} // namespace loupe::cli
