#pragma once

#include "dataset/Sample.h"
#include "imaging/Tiling.h"

#include <vector>

namespace loupe {

/// The share of its area an object must keep inside a tile to be one of that tile's targets.
constexpr double kTileMinKeptArea = 0.5;

/// An image's objects as one tile of `grid` sees them, in the tile's pixels: boxes, polygons and RLE masks
/// clipped to the tile (augment's rules for a crop). An object keeping under `minKeptArea` of its box's area
/// is dropped from this tile's targets (a neighbour tile sees more of it). A crowd region is kept while any
/// of it is left: it marks where detections are not counted, and a part of one still does.
std::vector<Annotation> objectsInTile(
    const TileGrid &grid, int tile, const std::vector<Annotation> &objects, double minKeptArea = kTileMinKeptArea);

} // namespace loupe
