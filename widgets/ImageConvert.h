#pragma once

#include "dataset/Sample.h"

#include <QColor>
#include <QImage>

#include <vector>

namespace cv {
class Mat;
}

namespace loupe {

// Pixels between OpenCV, the dataset's masks and Qt, shared by the viewer and the thumbnail loader.

/// 8-bit grey or BGR pixels as a deep-copied QImage (Grayscale8 or RGB32); null for other types.
QImage toQImage(const cv::Mat &mat);

/// A COCO RLE mask (column-major runs, zeros first) as a translucent overlay in `colour`, the size
/// of the mask.
QImage rleOverlay(const RleMask &rle, const QColor &colour);

/// One overlay per object in its class colour (null where it has no mask). With a valid
/// `imageSize`, masks of another size are left out: they belong to another image.
std::vector<QImage> maskOverlays(const std::vector<Annotation> &objects, const QSize &imageSize = {});

} // namespace loupe
