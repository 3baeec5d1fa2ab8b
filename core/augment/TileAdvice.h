#pragma once

// Whether the smallest objects survive the model's input, and which tiles or region of interest would
// keep them: the practice's "ROI or 4×4 patches at full resolution", with numbers from the boxes.

#include "dataset/Dataset.h"
#include "dataset/DatasetStats.h"
#include "imaging/Tiling.h"

#include <QRect>
#include <QSizeF>
#include <QString>

#include <optional>
#include <vector>

namespace loupe {

/// How the detector would see the images: tiles over a region, each resized to a square input.
struct TileAdviceOptions {
    int inputSize = 224;            ///< the model's input side; each tile is resized to it
    TileCount tiles;                ///< the current setting
    int overlap = 32;               ///< pixels neighbouring tiles share
    std::optional<QRect> roi;       ///< the current region of interest
    int minObjectPx = kMinVisibleObjectPx; ///< an object's shorter side must stay at least this at the input
    int maxGrid = 8;                ///< candidate grids go up to this many tiles a side
    /// A setting "keeps" the objects when at most this share of them ends under minObjectPx (or is dropped).
    double tolerance = 0.01;
    /// A region covering every box is offered when its area is at most this share of the median image's.
    double roiShare = 0.5;
};

/// Boxes that end too small (or are lost) under one setting.
struct TileFigure {
    TileCount tiles;
    std::optional<QRect> roi;
    int under = 0; ///< boxes under minObjectPx at the input, plus boxes no tile keeps half of
    bool fits = true; ///< false when the grid does not fit some image (tiles smaller than the overlap)
};

struct TileAdvice {
    int inputSize = 0;
    int minObjectPx = kMinVisibleObjectPx;
    double tolerance = 0.01;
    int maxGrid = 8;
    int boxes = 0;          ///< boxes with an area in images of known size
    TileFigure current;     ///< the setting in the options
    QSizeF smallest;        ///< the smallest box at the input under the current setting (shorter side, then area)
    std::vector<TileFigure> grids; ///< n×n over the current region (or the whole image), n = 1 … maxGrid
    std::optional<TileFigure> recommended; ///< the smallest grid that keeps the objects, else the best one
    std::optional<QRect> unionRoi; ///< every box with a margin, when much smaller than the images
    std::optional<TileFigure> roiAlone;   ///< that region as one tile
    std::optional<TileFigure> roiGrid;    ///< the smallest grid inside that region that keeps the objects
    std::vector<int> samples; ///< images with boxes under the size under the current setting, worst first

    int allowed() const; ///< boxes that may end too small under the tolerance
    /// True when the current setting leaves more boxes too small than the tolerance allows.
    bool needed() const { return boxes > 0 && current.under > allowed(); }
    /// "At 256 px input, 31 of 208 boxes fall under 5×5 px (smallest 1.2×0.8 px)", translated.
    QString message() const;
    /// "4×4 tiles keep all but 2 above 5 px; a region of 40,30,900,700 covering every box …", translated.
    QString suggestion() const;
};

/// The figures for a dataset (or the listed samples of it); images of unknown size and boxes without
/// area are left out. Never throws: a grid that does not fit an image marks its figure as not fitting.
TileAdvice adviseTiles(const Dataset &dataset, const TileAdviceOptions &options,
                       const std::vector<int> *samples = nullptr);

} // namespace loupe
