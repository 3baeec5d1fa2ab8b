#include "eval/MaskStitcher.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <stdexcept>

namespace loupe {

MaskStitcher::MaskStitcher(cv::Size imageSize, int classes)
    : m_size(imageSize)
    , m_count(cv::Mat::zeros(imageSize, CV_32F))
{
    if (classes < 1 || classes > 255)
        throw std::invalid_argument("MaskStitcher: 1 to 255 classes");
    for (int c = 0; c < classes; ++c)
        m_sums.push_back(cv::Mat::zeros(imageSize, CV_32F));
}

void MaskStitcher::add(const cv::Rect &region, const std::vector<cv::Mat> &planes)
{
    if (planes.size() != m_sums.size())
        throw std::invalid_argument("MaskStitcher::add: one plane per class");
    const cv::Rect place = region & cv::Rect(0, 0, m_size.width, m_size.height);
    if (place.area() <= 0)
        return;
    for (std::size_t c = 0; c < planes.size(); ++c) {
        cv::Mat p = planes[c];
        if (p.type() != CV_32F)
            p.convertTo(p, CV_32F);
        if (p.size() != region.size())
            cv::resize(p, p, region.size(), 0, 0, cv::INTER_LINEAR);
        // The part of the tile inside the image (a region reaching past the edge is clipped).
        const cv::Mat inside = p(cv::Rect(place.x - region.x, place.y - region.y, place.width, place.height));
        cv::Mat target = m_sums[c](place);
        target += inside;
    }
    cv::Mat count = m_count(place);
    count += 1.0;
}

std::vector<cv::Mat> MaskStitcher::probabilities() const
{
    std::vector<cv::Mat> out;
    cv::Mat divisor;
    cv::max(m_count, 1.0, divisor);
    for (const cv::Mat &sum : m_sums) {
        cv::Mat mean;
        cv::divide(sum, divisor, mean);
        out.push_back(mean);
    }
    return out;
}

cv::Mat MaskStitcher::labels() const
{
    // The argmax of the sums is the argmax of the means: the count is the same for every class.
    cv::Mat labels = cv::Mat::zeros(m_size, CV_8U);
    cv::Mat best = m_sums.front().clone();
    for (std::size_t c = 1; c < m_sums.size(); ++c) {
        const cv::Mat higher = m_sums[c] > best;
        labels.setTo(int(c), higher);
        m_sums[c].copyTo(best, higher);
    }
    labels.setTo(kUncovered, m_count == 0);
    return labels;
}

} // namespace loupe
