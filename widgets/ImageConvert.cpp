#include "ImageConvert.h"

#include "ClassColors.h"

#include <opencv2/core.hpp>

#include <algorithm>

namespace loupe {

namespace {
constexpr int kMaskAlpha = 110; // the image stays readable under the mask
}

QImage toQImage(const cv::Mat &m)
{
    if (m.type() == CV_8UC1)
        return QImage(m.data, m.cols, m.rows, int(m.step), QImage::Format_Grayscale8).copy();
    if (m.type() == CV_8UC3)
        return QImage(m.data, m.cols, m.rows, int(m.step), QImage::Format_BGR888).convertToFormat(QImage::Format_RGB32);
    return {};
}

QImage rleOverlay(const RleMask &rle, const QColor &colour)
{
    QImage mask(rle.width, rle.height, QImage::Format_ARGB32_Premultiplied);
    mask.fill(Qt::transparent);
    QColor c = colour;
    c.setAlpha(kMaskAlpha);
    const QRgb value = qPremultiply(c.rgba());
    const qint64 total = qint64(rle.width) * rle.height;
    qint64 pos = 0;
    bool on = false;
    for (quint32 run : rle.counts) {
        const qint64 end = std::min(total, pos + qint64(run));
        if (on)
            for (qint64 p = pos; p < end; ++p)
                reinterpret_cast<QRgb *>(mask.scanLine(int(p % rle.height)))[p / rle.height] = value;
        pos = end;
        on = !on;
    }
    return mask;
}

std::vector<QImage> maskOverlays(const std::vector<Annotation> &objects, const QSize &imageSize)
{
    std::vector<QImage> masks(objects.size());
    for (std::size_t i = 0; i < objects.size(); ++i) {
        const RleMask &rle = objects[i].rle;
        if (rle.isEmpty() || (imageSize.isValid() && QSize(rle.width, rle.height) != imageSize))
            continue;
        masks[i] = rleOverlay(rle, classColor(objects[i].classId));
    }
    return masks;
}

} // namespace loupe
