#pragma once
// Internal to core. How a model sees an image (tiles, region of interest), shared by the tasks.
// Free of the detector's headers, so segmentation code can include it beside dataset/Masks.h.

#include "dataset/Dataset.h"
#include "imaging/Tiling.h"

#include <QJsonObject>
#include <QRect>
#include <QSize>
#include <QString>

#include <optional>
#include <vector>

namespace loupe {

/// How a model sees an image: R×C tiles with an overlap over a region of interest (the whole image
/// by default), each tile resized to the model's input.
struct TileSetup {
    TileCount tiles;
    int overlap = 0;
    std::optional<QRect> roi;

    bool isWholeImage() const { return tiles.rows == 1 && tiles.cols == 1 && !roi; }
    /// "2x2 tiles, overlap 32 px, region 0,0,800,600"
    QString describe() const;
    QJsonObject toJson() const;
    /// Reads toJson()'s form; missing keys give the whole image.
    static TileSetup fromJson(const QJsonObject &json);
};

/// An image's size as the tiles need it: the scanned header, or the file's header read now.
/// Empty when neither is known.
QSize imageSizeOf(const Dataset &dataset, int sample);

/// The tile grid of one image. Throws TilingError when the setup does not fit the image.
TileGrid tileGridFor(const Dataset &dataset, int sample, const TileSetup &setup);

/// One loader item per tile of each image (whole images when the setup has none), in image order.
/// Images whose size is unknown or whose grid does not fit are left out and named in `skipped`.
void tileItems(const Dataset &dataset, const std::vector<int> &images, const TileSetup &setup,
               std::vector<int> &indices, std::vector<QRect> &regions, std::vector<BadFile> *skipped = nullptr);

} // namespace loupe
