#pragma once

#include "Dataset.h"
#include "imaging/SafeDecoder.h"

#include <opencv2/core/mat.hpp>

#include <vector>

namespace loupe {

/// A sample's pixels as classes, or why they cannot be had.
struct ClassMask {
    cv::Mat mask; ///< CV_8U at the image's size: 0 background, k the dataset's class k−1, 255 ignored
    QString error; ///< empty on success; otherwise a reason a person can act on
    bool ok() const { return error.isEmpty() && !mask.empty(); }
};

/// Whether a dataset labels pixels: a mask layout (PNG mask folders, MVTec AD) or COCO masks
/// (polygons or RLE on at least one object).
bool hasPixelLabels(const Dataset &dataset);

/// The class-index mask of a sample (what segmentation trains on and is scored against):
/// CV_8U at the image's size, 0 background, k the dataset's class k−1 (`classes[k−1]`), 255 ignored.
///  - a mask file (MaskFile) is read now, by its palette indexes for palette PNGs, and mapped through
///    the dataset's MaskCoding, or, for a binary mask, every non-zero pixel to its foreground class;
///  - a mask layout's image without a mask file (MVTec's "good") is all background;
///  - otherwise the sample's COCO polygons and RLE masks are rasterized in annotation order (a later
///    object paints over an earlier one; crowd regions are their class's pixels too); objects with
///    only a box leave their pixels background.
/// The image size is the sample's (width, height) when known, else read from the image's header. Never
/// throws on user data: an unreadable mask, a mask whose size differs from the image's and values or
/// colours no class stands for come back as `error`.
ClassMask readClassMask(const Dataset &dataset, const Sample &sample, const DecodeLimits &limits = {});

/// A mask file's stored pixels, before classes: grey values (8 or 16 bit), the palette indexes of a
/// palette PNG (with its palette), or BGR colours.
struct MaskPixels {
    cv::Mat pixels; ///< CV_8UC1, CV_16UC1 or CV_8UC3 (BGR; alpha dropped)
    std::vector<quint32> palette; ///< 0xRRGGBB per index for palette PNGs, empty otherwise
    QString error;
    bool ok() const { return error.isEmpty() && !pixels.empty(); }
};
MaskPixels readMaskPixels(const QString &path, const DecodeLimits &limits = {});

/// Maps stored pixels to class-index values (see readClassMask). `foregroundClass` ≥ 0: a binary mask.
ClassMask classIndexes(const MaskPixels &pixels, const MaskCoding &coding, int foregroundClass, int classCount);

} // namespace loupe
