#pragma once

#include "Dataset.h"

#include <QSize>
#include <QStringList>

#include <array>
#include <vector>

namespace loupe {

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

    std::vector<QStringList> duplicateGroups; ///< identical files, two or more each
    std::vector<QStringList> conflictGroups;  ///< identical files under different labels
    QStringList warnings;

    /// Upper bounds of the object size bins, for labels.
    static int sizeBinUpperBound(int bin) { return 4 << bin; }
};

/// The smallest side, in pixels, an object may keep after resizing and still be seen.
constexpr int kMinVisibleObjectPx = 5;

DatasetStats computeStats(const Dataset &dataset);

} // namespace loupe
