#include "SourceImageCache.h"

#include "imaging/SafeDecoder.h"

#include <QMutexLocker>

namespace loupe {

namespace {

// A handful of full-resolution photos is all a preview needs at once.
constexpr int kMaxImages = 24;

} // namespace

cv::Mat SourceImageCache::get(const Dataset &dataset, int sample, QString *error)
{
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_images.find(sample);
        if (it != m_images.end())
            return it.value();
    }
    const Sample &s = dataset.samples[std::size_t(sample)];
    cv::Mat image;
    if (s.idxIndex >= 0 && dataset.idx) {
        const IdxImages &idx = *dataset.idx;
        image = cv::Mat(idx.rows, idx.cols, CV_8UC1, const_cast<std::uint8_t *>(idx.image(s.idxIndex))).clone();
    } else {
        DecodeResult r = decodeImageFile(s.path);
        if (!r.ok()) {
            if (error)
                *error = r.error;
            return {};
        }
        image = r.image;
    }
    QMutexLocker lock(&m_mutex);
    if (m_images.size() >= kMaxImages)
        m_images.clear();
    m_images.insert(sample, image);
    return image;
}

} // namespace loupe
