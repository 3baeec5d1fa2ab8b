#include "augment/TileTargets.h"

#include "augment/TransformGeometry.h"

namespace loupe {

std::vector<Annotation> objectsInTile(
    const TileGrid &grid, int tile, const std::vector<Annotation> &objects, double minKeptArea)
{
    const QRect t = grid.tile(tile);
    std::vector<Annotation> kept;
    for (const Annotation &a : objects) {
        const double share = grid.keptFraction(tile, a.box);
        if (share <= 0 || (!a.crowd && share < minKeptArea))
            continue;
        kept.push_back(a);
    }
    const cv::Size imageSize(grid.imageSize().width(), grid.imageSize().height());
    const cv::Rect r(t.x(), t.y(), t.width(), t.height());
    transforms::detail::moveObjects(kept, transforms::detail::Affine {1, 0, double(-r.x), 0, 1, double(-r.y)},
        imageSize, r.size(), [r](const cv::Mat &mask) { return transforms::detail::cropPadded(mask, r, 0); });
    return kept;
}

} // namespace loupe
