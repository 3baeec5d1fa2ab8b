#pragma once

#include <QRectF>
#include <QString>
#include <QtGlobal>

#include <array>
#include <map>
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

/// The mask file that labels an image's pixels (PNG mask folders, MVTec AD).
///
/// A sample keeps the path and the mask is decoded when needed (readClassMask in Masks.h), not at
/// import: inspection images are large (a 5000×4000 mask is 20 MB decoded and a few kB as PNG), so a
/// dataset of thousands of them holds paths, and the loader decodes each mask with its image.
struct MaskFile {
    QString path; ///< empty: no mask file (in a mask layout: every pixel is background)
    /// A binary mask (MVTec's 0/255 per defect folder): every non-zero pixel is this class (0-based
    /// class id). -1: the pixel values name the classes, through the dataset's MaskCoding.
    int foregroundClass = -1;
    bool isEmpty() const { return path.isEmpty(); }
};

/// How a dataset's mask files code classes, into class-index values: 0 background, k the dataset's
/// class k−1 (classes[k−1]), 255 ignored (VOC's boundary), -1 no class (a mask holding it is refused).
struct MaskCoding {
    static constexpr int kIgnore = 255;
    static constexpr int kNoClass = -1;
    /// Grey value or palette index → class-index value.
    std::array<int, 256> valueToClass;
    /// 0xRRGGBB → class-index value, from labelmap.txt. Empty: masks hold values (grey or palette
    /// indexes), not colours; a palette PNG is then read by its indexes, never by its colours.
    std::map<quint32, int> colourToClass;
    MaskCoding()
    {
        for (int v = 0; v < 256; ++v)
            valueToClass[v] = v;
    }
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
    qint64 sourceId = -1;              ///< the image's id in its label file (COCO's numeric image id), -1 none
    std::vector<Annotation> objects;
    MaskFile mask; ///< mask layouts only
};

/// A file that could not be used, with the reason a person can act on.
struct BadFile {
    QString path;
    QString reason;
};

} // namespace loupe
