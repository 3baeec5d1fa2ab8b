#pragma once

#include "DatasetOptions.h"

#include "project/TrainConfig.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

namespace loupe::cli {

/// The options of `loupe-cli train`, and how the given ones turn into a TrainConfig.
struct TrainOptions {
    TrainOptions();

    /// Adds every option, in the order --help lists them.
    void declare(QCommandLineParser &p) const;
    /// Sets what the options give on top of `config` (the defaults, or a resumed run's config).
    /// Returns a message naming the first bad option, or the config's own problem, or nothing.
    QString apply(const QCommandLineParser &p, TrainConfig *config) const;

    DatasetOptions dataset;
    QCommandLineOption out, model, imageSize, channels, epochs, batch, lr, optimizer, momentum,
        weightDecay, schedule, warmup, augment, classWeights, earlyStop, init, threads, loaderThreads, seed,
        devFraction, maxSteps, precision, resume, distributed, nproc, distTimeout, task, tiles, tileOverlap, roi,
        anchors, emptyTiles;
};

} // namespace loupe::cli
