#pragma once

#include "dataset/Importers.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

namespace loupe::cli {

/// How every command that reads a dataset is told where its labels and images are:
/// --format, --labels, --images (--image-root) and --csv-columns.
struct DatasetOptions {
    /// overfit-check spends --images on its image count; there the image root is --image-root only.
    enum class ImagesName { ImagesOrImageRoot, ImageRootOnly };
    explicit DatasetOptions(ImagesName imagesName = ImagesName::ImagesOrImageRoot);

    QList<QCommandLineOption> options() const { return {format, labels, images, csvColumns}; }
    ImportOptions importOptions(const QCommandLineParser &p) const;

    QCommandLineOption format, labels, images, csvColumns;
};

} // namespace loupe::cli
