#pragma once

#include "InspectController.h"
#include "VariantGrid.h"

#include "augment/Advisor.h"
#include "train/BatchPreview.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <vector>

namespace loupe {

class SourceImageCache;

enum class RenderMode { Training, Evaluation, Batch };

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
    static AugmentAdviceResult advise(quint64 generation, const InspectionPtr &inspection, const QByteArray &pipelineJson);
};

} // namespace loupe
