#pragma once

#include "Dataset.h"

#include <QString>

namespace loupe {

/// What the user asked to read.
struct ImportOptions {
    QString format = QStringLiteral("auto"); ///< auto, folder, csv, coco, voc, yolo, idx
    QString labelsFile;                      ///< a label file separate from the image folder (csv, coco, idx)
    QString imagesDir;  ///< where the images are, for any label format (--images); empty: the layout decides
    QString csvColumns; ///< "PATH,LABEL" column names or 1-based numbers (--csv-columns); empty: found by content
};

/// Reads the dataset's structure and labels; touches no image bytes (IDX pixels excepted).
/// Throws LabelFileError for a malformed label file and DatasetError for unusable input.
/// Labels that point at missing images land in Dataset::badFiles, they are not fatal.
Dataset importDataset(const QString &path, const ImportOptions &options = {});

/// The format `auto` picks for a path, or an empty string when none fits.
QString detectFormat(const QString &path, const QString &labelsFile = {});

/// The formats importDataset understands, for help texts.
QStringList knownFormats();

namespace importers {
/// Class sub-folders, optionally under train/, valid/ or val/, test/.
Dataset importFolder(const QString &root);
/// A CSV of image paths and labels. The columns are found by content (a column naming existing
/// files, with or without their image ending; a column of short repeated values) unless `columns`
/// names them ("PATH,LABEL": header names or 1-based numbers); a header line is optional; a split
/// column is read when there is one. Paths are looked up under imageRoot (when given), then beside
/// the CSV, each also in its sub-folders named like a split (train/, train_images/) or images/.
Dataset importCsv(const QString &csvFile, const QString &imageRoot = {}, const QString &columns = {});
/// COCO JSON: images, categories, bbox, polygon and RLE segmentation. Images are looked up
/// relative to the JSON's folder (and its images/ sub-folder) unless imageRoot is given.
Dataset importCoco(const QString &jsonFile, const QString &imageRoot = {});
/// Pascal VOC: Annotations/*.xml with JPEGImages/, or XML files beside their images.
Dataset importVoc(const QString &root);
/// YOLO: a .txt per image, class names from data.yaml or classes.txt.
Dataset importYolo(const QString &root);
/// MNIST-style IDX: an images file (idx3) and its labels file (idx1), raw or .gz.
Dataset importIdx(const QString &imagesFile, const QString &labelsFile = {});

/// What a layout probe recognised in a folder: the layout in words ("YOLO: data.yaml with
/// images/ and labels/") and the file or folder that told. An empty layout: not this kind.
struct Recognised {
    QString layout;
    QString source;
    bool matched() const { return !layout.isEmpty(); }
};
/// Layout probes for `auto`, one per annotated format, each in its importer's file. They read
/// names and at most a file's first kilobytes.
Recognised recogniseYolo(const QString &dir);
Recognised recogniseVoc(const QString &dir);

/// Image file endings the importers consider.
bool isImageFile(const QString &fileName);
} // namespace importers

} // namespace loupe
