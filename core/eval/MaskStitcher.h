#pragma once

#include <opencv2/core/mat.hpp>

#include <vector>

namespace loupe {

/// One image's class probabilities put back together from the tiles (or the whole image, or a
/// region of interest) a segmentation model saw: each tile's probabilities are resized to the tile's
/// place in the image (bilinear) and added there; where tiles overlap the probabilities are averaged.
class MaskStitcher
{
public:
    static constexpr int kUncovered = 255;

    /// `imageSize`: the whole image, in its pixels; `classes`: probability planes per pixel.
    MaskStitcher(cv::Size imageSize, int classes);

    /// Adds one tile: `planes` holds one CV_32F plane per class, of any one size (the model's input),
    /// `region` is where the tile lies in the image (clipped to it).
    void add(const cv::Rect &region, const std::vector<cv::Mat> &planes);

    cv::Size imageSize() const { return m_size; }
    /// How many tiles covered each pixel (CV_32F).
    const cv::Mat &coverage() const { return m_count; }
    /// The mean probability of each class over the tiles that covered each pixel (0 where none did).
    std::vector<cv::Mat> probabilities() const;
    /// Per pixel the class of the highest mean probability (the lower class on a tie), CV_8U;
    /// kUncovered where no tile covered the pixel (outside a region of interest).
    cv::Mat labels() const;

private:
    cv::Size m_size;
    std::vector<cv::Mat> m_sums;
    cv::Mat m_count;
};

} // namespace loupe
