#include "OverfitCheckOptions.h"

#include "Command.h"
#include "OptionValues.h"

#include "imaging/Tiling.h"
#include "model/AnchorTuning.h"
#include "project/TrainConfig.h"

namespace loupe::cli {

OverfitCheckOptions::OverfitCheckOptions()
    : model(QStringLiteral("model"), Cli::tr("resnet18, resnet34, resnet50, vgg16 or vgg19."), QStringLiteral("M"),
            QStringLiteral("resnet18"))
    , images(QStringLiteral("images"), Cli::tr("How many images."), QStringLiteral("N"), QStringLiteral("5"))
    , imageSize(QStringLiteral("image-size"), Cli::tr("Input size in pixels."), QStringLiteral("N"), QStringLiteral("64"))
    , channels(QStringLiteral("channels"), Cli::tr("1 (grey) or 3."), QStringLiteral("N"), QStringLiteral("3"))
    , maxSteps(QStringLiteral("max-steps"), Cli::tr("Give up after this many steps."), QStringLiteral("N"),
               QStringLiteral("300"))
    , seed(QStringLiteral("seed"), Cli::tr("Seed."), QStringLiteral("N"), QStringLiteral("0"))
    , threads(QStringLiteral("threads"), Cli::tr("Compute threads (0 = every core)."), QStringLiteral("N"),
              QStringLiteral("0"))
    , precision(QStringLiteral("precision"),
                Cli::tr("auto (bfloat16 where the CPU has AVX512-BF16 or AMX, else float32), fp32 or bf16."),
                QStringLiteral("P"), QStringLiteral("auto"))
    , task(QStringLiteral("task"), Cli::tr("classify, detect or segment (default: from the labels; mask folders → segment, boxes only → detect)."),
           QStringLiteral("T"))
    , tiles(QStringLiteral("tiles"), Cli::tr("Detection: RxC tiles per image."), QStringLiteral("RxC"),
            QStringLiteral("1x1"))
    , tileOverlap(QStringLiteral("tile-overlap"), Cli::tr("Detection: pixels neighbouring tiles share."),
                  QStringLiteral("PX"), QStringLiteral("32"))
    , roi(QStringLiteral("roi"), Cli::tr("Detection: the region of interest x,y,w,h in image pixels."),
          QStringLiteral("X,Y,W,H"))
    , anchors(QStringLiteral("anchors"), Cli::tr("Detection: auto or SIZES:RATIOS."), QStringLiteral("A"),
              QStringLiteral("auto"))
    , dataset(DatasetOptions::ImagesName::ImageRootOnly)
{
}

void OverfitCheckOptions::declare(QCommandLineParser &p) const
{
    p.addOptions({model, images, imageSize, channels, maxSteps, seed, threads, precision, task, tiles, tileOverlap, roi,
                  anchors});
    p.addOptions(dataset.options());
}

QString OverfitCheckOptions::apply(const QCommandLineParser &p, OverfitOptions *options) const
{
    OverfitOptions &o = *options;
    o.model = p.value(model);
    o.precision = p.value(precision);
    o.task = p.value(task);
    o.tiles = p.value(tiles);
    o.roi = p.value(roi);
    o.anchors = p.value(anchors);
    try {
        parseTileCount(o.tiles);
        if (!o.roi.isEmpty())
            parseRoi(o.roi);
        parseAnchorSetting(o.anchors);
    } catch (const TilingError &e) {
        return e.message();
    } catch (const AnchorError &e) {
        return e.message();
    }
    QString error;
    if (!readInt(p, tileOverlap, 0, &o.tileOverlap, &error))
        return error;
    if (!readInt(p, images, 2, &o.images, &error) || !readInt(p, imageSize, 32, &o.imageSize, &error)
        || !readInt(p, channels, 1, &o.channels, &error) || !readInt(p, maxSteps, 1, &o.maxSteps, &error)
        || !readInt(p, threads, 0, &o.threads, &error) || !readSeed(p, seed, &o.seed, &error))
        return error;
    // The model and channels are checked as a run's config would be.
    TrainConfig probe;
    probe.model = o.model;
    probe.channels = o.channels;
    probe.precision = o.precision;
    probe.task = o.task;
    return probe.validate();
}

} // namespace loupe::cli
