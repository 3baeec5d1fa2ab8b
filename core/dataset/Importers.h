#pragma once

#include "Dataset.h"

#include <QString>

namespace loupe {

/// What the user asked to read.
struct ImportOptions {
    QString format = QStringLiteral("auto"); ///< auto, folder, csv, coco, voc, yolo, idx, masks, mvtec
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
/// relative to the JSON's folder and, when it is annotations/, the folder above; in each, in
/// images/ and in the folder named after the file's suffix (instances_val2017.json: val2017/).
/// An imageRoot replaces those folders (itself and its sub-folder named after the suffix).
Dataset importCoco(const QString &jsonFile, const QString &imageRoot = {});
/// COCO split over one JSON per split (annotations/instances_train2017.json and
/// instances_val2017.json; Roboflow's train/ valid/ test/ each with _annotations.coco.json) as one
/// dataset: classes merged by name in the order first seen, each sample carrying its split.
Dataset importCocoSplits(const QStringList &jsonFiles, const QString &imageRoot = {});
/// The COCO files a folder's layout holds: JSON in it, in annotations/ and in split folders
/// (train/, valid/, test/). Detection files (instances_*) win over captions and keypoints.
QStringList findCocoFiles(const QString &dir);
/// The split a COCO file stands for by its name (instances_val2017.json) or its folder (train/).
SplitName cocoSplitOf(const QString &jsonFile);
/// Pascal VOC: the devkit (VOCdevkit/, VOC20xx/ with ImageSets/Main splits), Annotations/*.xml
/// with JPEGImages/ (CVAT's export), split folders or XML files beside their images (Roboflow's).
/// imageRoot, when given, is where the images are.
Dataset importVoc(const QString &root, const QString &imageRoot = {});
/// YOLO: a .txt per image; data.yaml (YOLOv5/v8, Roboflow) or darknet's obj.data (CVAT's YOLO 1.1)
/// name the images and classes, else images/ + labels/ or .txt files beside the images with
/// classes.txt. root is the folder, or the yaml or obj.data itself. imageRoot, when given, is
/// where the images are.
Dataset importYolo(const QString &root, const QString &imageRoot = {});
/// MNIST-style IDX: an images file (idx3) and its labels file (idx1), raw or .gz.
Dataset importIdx(const QString &imagesFile, const QString &labelsFile = {});
/// PNG mask folders: images/ and masks/ (also JPEGImages/ and SegmentationClass/) holding files of the
/// same stem (a mask may add "_mask"), in the folder itself, under train/ valid/ test/, or with those
/// splits inside images/ and masks/. Masks hold class values (grey or palette indexes; a palette PNG is
/// read by its indexes, not its colours), 0/255 or 0/1 when there is one class, or colours. The classes
/// come from labelmap.txt (VOC / CVAT: `name:r,g,b::`, line order = value), classes.txt (one name a line;
/// value 0 is the background, named on the first line or not at all) or a COCO JSON's categories (value
/// = category id), found in the folder, beside or in the masks folder; without one, from the values the
/// masks hold (a warning says so). Images without a mask and masks without an image are bad files.
Dataset importMaskFolders(const QString &root);
/// MVTec AD: `<category>/train/good/`, `test/<defect>/`, `ground_truth/<defect>/<stem>_mask.png`; root is
/// one category or a folder of them. Each defect folder is a class ("category/defect" for several
/// categories); a defect mask's non-zero pixels are its class; "good" images have no mask (all
/// background). train/ is the Train split, test/ the Test split.
Dataset importMvtec(const QString &root);

/// What a layout probe recognised in a folder: the layout in words ("YOLO: data.yaml with
/// images/ and labels/") and the file or folder that told. An empty layout: not this kind.
struct Recognised {
    QString layout;
    QString source;
    bool matched() const { return !layout.isEmpty(); }
};
/// Layout probes for `auto`, one per annotated format, each in its importer's file. They read
/// names and at most a file's first kilobytes.
Recognised recogniseCoco(const QString &dir);
Recognised recogniseYolo(const QString &dir);
Recognised recogniseVoc(const QString &dir);
Recognised recogniseMaskFolders(const QString &dir);
Recognised recogniseMvtec(const QString &dir);

/// Image file endings the importers consider.
bool isImageFile(const QString &fileName);
} // namespace importers

} // namespace loupe
