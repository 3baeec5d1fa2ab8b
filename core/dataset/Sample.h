#pragma once

#include <QRectF>
#include <QString>
#include <QtGlobal>

#include <vector>

namespace loupe {

/// Which part of the data an image belongs to, as the dataset's own layout says.
enum class SplitName { None, Train, Dev, Test };

/// A polygon in image pixel coordinates: x0, y0, x1, y1, ...
using Polygon = std::vector<double>;

/// A run-length encoded mask in COCO's column-major order (first run counts zeros).
struct RleMask {
    int width = 0;
    int height = 0;
    std::vector<quint32> counts;
    bool isEmpty() const { return counts.empty(); }
};

/// One labelled object in an image: a box in pixels, optionally with a mask.
struct Annotation {
    int classId = -1;
    QRectF box;
    std::vector<Polygon> polygons;
    RleMask rle;
    /// A COCO crowd region (`iscrowd: 1`): many instances under one mask. Shown, but not an object:
    /// object counts leave it out, and detection metrics must ignore detections that fall in it
    /// rather than count them as false positives (pycocotools' rule).
    bool crowd = false;
    bool hasMask() const { return !polygons.empty() || !rle.isEmpty(); }
};

/// One image of a dataset with its labels.
struct Sample {
    QString path;                      ///< absolute path; for IDX the IDX file followed by "#index"
    int classId = -1;                  ///< image-level class, -1 when the image has none
    SplitName split = SplitName::None; ///< from the layout (train/, valid/, test/), None otherwise
    int width = 0;                     ///< from the header scan; 0 until known
    int height = 0;
    int idxIndex = -1;                 ///< position in the dataset's IDX store, -1 for files
    quint64 contentHash = 0;           ///< of the file's bytes (IDX: of the pixels); 0 until verified
    std::vector<Annotation> objects;
};

/// A file that could not be used, with the reason a person can act on.
struct BadFile {
    QString path;
    QString reason;
};

} // namespace loupe
