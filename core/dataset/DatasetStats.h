#pragma once

#include "Dataset.h"

#include <QRect>
#include <QSize>
#include <QStringList>

#include <array>
#include <vector>

namespace loupe {

/// What the masks of a mask layout hold, read pixel by pixel (scanner::checkMasks).
struct MaskStats {
    /// A connected region of one class (8-connected), by its bounding box.
    struct Region {
        QString path; ///< the image's
        QRect box;
        int area = 0; ///< pixels
    };
    struct ClassFigures {
        quint64 pixels = 0;
        int images = 0;       ///< images in which the class has pixels
        int regions = 0;      ///< connected regions over all images
        int underMinimum = 0; ///< regions whose bounding box is under 5 px on its shorter side
        bool hasSmallest = false;
        Region smallest;      ///< the region with the shortest box side (ties: smaller area)
    };
    bool scanned = false;       ///< the masks were read; false: the figures below are not known
    int images = 0;             ///< masks read (images without a mask file count as all background)
    int emptyImages = 0;        ///< all background (MVTec's "good" images, negatives)
    quint64 backgroundPixels = 0;
    quint64 ignoredPixels = 0;  ///< value 255 (VOC's boundary)
    std::vector<ClassFigures> classes; ///< one per dataset class, in class order
};

/// What the practice asks of a dataset before training: balance, sizes, the smallest objects,
/// duplicates and conflicting labels. Computed from a scanned Dataset; cheap (no pixel reads).
struct DatasetStats {
    struct ClassCount {
        QString name;
        int count = 0;
        double share = 0.0;         ///< of all counted labels
        bool underRepresented = false; ///< used less than half as often as the most common class
    };
    /// An object named with its image, for warnings that point at images.
    struct ObjectRef {
        QString path;
        QString className;
        QRectF box;
        QSize imageSize;
        int minSafeWidth = 0; ///< narrowest resize (keeping aspect) at which this object stays 5×5 px
    };

    int images = 0;
    bool countsObjects = false; ///< class counts are object counts (no image-level labels)
    std::vector<ClassCount> classes;
    int unlabelled = 0; ///< images with neither a class nor objects (a crowd region is not an object)

    QSize minSize, medianSize, maxSize; ///< by pixel area
    double minAspect = 0, medianAspect = 0, maxAspect = 0; ///< width / height

    int objectCount = 0;               ///< crowd regions are not objects: they are counted apart
    int crowdCount = 0;                ///< COCO crowd regions (iscrowd), in no other object figure
    QSizeF smallestObject;             ///< the box with the shortest side (ties: smaller area)
    std::vector<ObjectRef> smallestObjects; ///< up to five, smallest first (shorter side, then area)
    int minSafeWidth = 0;              ///< narrowest resize keeping every object at least 5×5 px
    static constexpr int kSizeBins = 8;
    std::array<int, kSizeBins> objectSizeHistogram{}; ///< shorter side: <4, <8, <16, <32, <64, <128, <256, more
    static constexpr int kHeatmapCells = 8;
    std::array<std::array<int, kHeatmapCells>, kHeatmapCells> heatmap{}; ///< object centres, [row][column]

    MaskStats masks; ///< mask layouts, once their masks were read

    std::vector<QStringList> duplicateGroups; ///< identical files, two or more each
    std::vector<QStringList> conflictGroups;  ///< identical files under different labels
    QStringList warnings;

    /// Upper bounds of the object size bins, for labels.
    static int sizeBinUpperBound(int bin) { return 4 << bin; }
};

/// The smallest side, in pixels, an object may keep after resizing and still be seen.
constexpr int kMinVisibleObjectPx = 5;

/// `masks`, when given and scanned, adds the mask figures: class counts become the images holding
/// each class, and regions under 5×5 px are warned about.
DatasetStats computeStats(const Dataset &dataset, const MaskStats *masks = nullptr);

} // namespace loupe
