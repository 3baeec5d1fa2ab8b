#pragma once

#include "StopToken.h"

#include <QString>
#include <QtGlobal>

namespace loupe {

/// Options for the inspection-style demo: large textured-metal images with small defects.
struct DefectsDemoOptions {
    int imagesPerClass = 40; ///< for each of: ok, scratch, spot
    int width = 1600;
    int height = 1200;
    quint64 seed = 7;
};

/// Writes Fashion-MNIST from the IDX files in `idxDir` (the Debian package's folder by default)
/// as class folders OUT/train/<class>/*.png and OUT/test/<class>/*.png. `perClassLimit` caps
/// the images written per class and split (0 = all). Throws DatasetError when the IDX files
/// are missing. Returns the number of images written.
int makeFashionDemo(const QString &outDir, int perClassLimit = 0, const QString &idxDir = {},
                    const ProgressFn &progress = {}, const StopToken *stop = nullptr);

/// Writes the inspection demo: OUT/images/*.jpg and OUT/annotations.json (COCO, boxes and
/// polygon masks). Deterministic from the seed. Returns the number of images written.
int makeDefectsDemo(const QString &outDir, const DefectsDemoOptions &options = {},
                    const ProgressFn &progress = {}, const StopToken *stop = nullptr);

/// Where the Debian package dataset-fashion-mnist puts its IDX files.
QString defaultFashionMnistDir();

} // namespace loupe
