#pragma once

#include "InspectController.h"
#include "VariantGrid.h"

#include "augment/Advisor.h"
#include "imaging/Tiling.h"
#include "train/BatchPreview.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace loupe {

class SourceImageCache;

/// Tiles: the image with its tile grid (or region), each tile with the boxes it keeps and drops, and
/// training variants of the tile that keeps the most boxes, as the detector's loader makes them.
enum class RenderMode { Training, Evaluation, Batch, Tiles };

/// How the detector cuts the images, as the Train page's Tiles, overlap and Region give it.
struct TilingSetting {
    TileCount tiles;
    int overlap = 32;
    std::optional<QRect> roi;
};

/// What the augmentation page asks for: a copy of everything, so the job runs on any thread.
struct AugmentRenderJob {
    quint64 generation = 0;
    InspectionPtr inspection;
    std::shared_ptr<SourceImageCache> cache;
    QByteArray pipelineJson;
    QList<int> samples;
    int variants = 8;
    quint64 seed = 0;
    RenderMode mode = RenderMode::Training;
    BatchPreviewOptions batch;
    TilingSetting tiling;       ///< RenderMode::Tiles
    bool evaluationTiles = false; ///< RenderMode::Tiles: variants through the evaluation pipeline
};

struct AugmentRenderResult {
    quint64 generation = 0;
    QList<VariantTile> tiles;
    QString error;
};

struct AugmentAdviceResult {
    quint64 generation = 0;
    std::vector<AugmentWarning> warnings;
    QString error;
};

/// The augmentation page's off-thread work: the variant pictures (before, training variants,
/// evaluation view or the exact batch) and the advisor's warnings. Value types in and out.
class AugmentRenderer
{
public:
    static AugmentRenderResult render(const AugmentRenderJob &job);
    /// The advisor's warnings; with `tiling`, for a dataset a detector trains on (boxes and no image labels)
    /// or when tiles or a region are set, also whether boxes fall under 5 px at `inputSize`.
    static AugmentAdviceResult advise(quint64 generation, const InspectionPtr &inspection, const QByteArray &pipelineJson,
                                      int inputSize = 0, const std::optional<TilingSetting> &tiling = std::nullopt);
};

} // namespace loupe
