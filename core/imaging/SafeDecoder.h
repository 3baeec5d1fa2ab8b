#pragma once

#include "ImageHeader.h"

#include <QByteArray>
#include <QString>

#include <opencv2/core/mat.hpp>

namespace loupe {

/// Limits checked against the header before any pixel memory is allocated.
struct DecodeLimits {
    qint64 maxPixels = qint64(1) << 28;      ///< 268 MP: above any industrial camera, far below a bomb
    qint64 maxFileBytes = qint64(2) << 30;   ///< 2 GiB
    double maxAspect = 100000.0;             ///< width/height or height/width
};

/// How far to scale down while decoding (JPEG scales in the DCT, so it is much faster). Every
/// format comes back ceil(width / scale) × ceil(height / scale): at least 1×1, never empty.
enum class DecodeScale { Full = 1, Half = 2, Quarter = 4, Eighth = 8 };

struct DecodeOptions {
    DecodeLimits limits;
    DecodeScale scale = DecodeScale::Full;
    bool grey = false; ///< decode straight to one channel
};

/// The outcome of decoding one image: 8-bit pixels (1 or 3 channels, BGR) or a reason.
struct DecodeResult {
    cv::Mat image;
    ImageHeader header;
    QString error; ///< empty on success
    bool ok() const { return error.isEmpty() && !image.empty(); }
};

/// The one decode path for every image Loupe reads. Never throws, never aborts: zero-byte,
/// truncated, corrupt, oversized and unsupported files come back with a reason. 16-bit images
/// are scaled to 8 bits, alpha is dropped, palette and CMYK images become BGR.
DecodeResult decodeImageBytes(const QByteArray &bytes, const DecodeOptions &options = {});
DecodeResult decodeImageFile(const QString &path, const DecodeOptions &options = {});

} // namespace loupe
