#pragma once

#include "dataset/Dataset.h"

#include <QHash>
#include <QMutex>
#include <QString>

#include <opencv2/core.hpp>

namespace loupe {

/// Decoded preview images, shared with the augmentation page's render jobs; one per open dataset.
class SourceImageCache
{
public:
    /// The image at full resolution, decoded once; empty with `error` set when it cannot be read.
    cv::Mat get(const Dataset &dataset, int sample, QString *error);

private:
    QMutex m_mutex;
    QHash<int, cv::Mat> m_images;
};

} // namespace loupe
