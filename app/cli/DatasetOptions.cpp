#include "DatasetOptions.h"

#include "Command.h"

namespace loupe::cli {

namespace {

QStringList imagesNames(DatasetOptions::ImagesName name)
{
    if (name == DatasetOptions::ImagesName::ImageRootOnly)
        return {QStringLiteral("image-root")};
    return {QStringLiteral("images"), QStringLiteral("image-root")};
}

} // namespace

DatasetOptions::DatasetOptions(ImagesName imagesName)
    : format(QStringLiteral("format"), Cli::tr("auto, folder, csv, coco, voc, yolo, idx, masks or mvtec."), QStringLiteral("F"),
        QStringLiteral("auto"))
    , labels(QStringLiteral("labels"), Cli::tr("A label file kept apart from the images."), QStringLiteral("FILE"))
    , images(imagesNames(imagesName), Cli::tr("The folder the label file's image paths start from."),
          QStringLiteral("DIR"))
    , csvColumns(QStringLiteral("csv-columns"),
          Cli::tr("The CSV's path and label columns, by header name or 1-based number (found by content "
                  "when not given)."),
          QStringLiteral("PATH,LABEL"))
{
}

ImportOptions DatasetOptions::importOptions(const QCommandLineParser &p) const
{
    ImportOptions o;
    o.format = p.value(format);
    o.labelsFile = p.value(labels);
    o.imagesDir = p.value(images);
    o.csvColumns = p.value(csvColumns);
    return o;
}

} // namespace loupe::cli
