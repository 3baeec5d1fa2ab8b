#pragma once

#include <QByteArray>
#include <QString>

#include <opencv2/core/mat.hpp>

#include <vector>

namespace loupe {

/// A palette PNG's pixels as the palette indexes it stores, and its palette.
///
/// Segmentation masks (Pascal VOC's SegmentationClass, PIL's mode "P") store the class as the palette
/// index and give each class a colour for people. OpenCV expands palettes to BGR while decoding, and a
/// palette may hold one colour twice (PIL pads short palettes with black), so the indexes cannot be
/// recovered from the colours: this reads them from the file itself (zlib, every bit depth, Adam7).
struct PalettePng {
    bool isPalette = false; ///< the file is a PNG of colour type 3; false: decode it some other way
    cv::Mat indexes; ///< CV_8U, one palette index per pixel
    std::vector<quint32> palette; ///< 0xRRGGBB per index, as the PLTE chunk lists them
    QString error; ///< a palette PNG that cannot be read, with the reason; empty when fine
    bool ok() const { return isPalette && error.isEmpty(); }
};

/// Reads a palette PNG's indexes. Returns isPalette false (and no error) for any other file, so the
/// caller can decode it as usual. Never throws; refuses more than `maxPixels` before allocating.
PalettePng readPalettePng(const QByteArray &bytes, qint64 maxPixels = qint64(1) << 28);

} // namespace loupe
