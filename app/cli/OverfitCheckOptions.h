#pragma once

#include "DatasetOptions.h"

#include "train/OverfitCheck.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

namespace loupe::cli {

/// The options of `loupe-cli overfit-check`, and how they turn into OverfitOptions.
struct OverfitCheckOptions {
    OverfitCheckOptions();

    /// Adds every option, in the order --help lists them.
    void declare(QCommandLineParser &p) const;
    /// Fills `options` from the parsed values (or their defaults). Returns a message naming the
    /// first bad option, or the model's problem, or nothing.
    QString apply(const QCommandLineParser &p, OverfitOptions *options) const;

    QCommandLineOption model, images, imageSize, channels, maxSteps, seed, threads, precision, task, tiles, tileOverlap,
        roi, anchors;
    DatasetOptions dataset;
};

} // namespace loupe::cli
