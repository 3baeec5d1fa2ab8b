#pragma once

// Inside the transforms (augment/Transforms.h): moving an image's pixels and its objects with
// the same map, shared by every step that moves pixels.

#include "augment/Transforms.h"

#include <QPointF>

#include <opencv2/core.hpp>

#include <functional>
#include <vector>

namespace loupe::transforms::detail {

/// x' = a·x + b·y + c, y' = d·x + e·y + f, in pixel-edge coordinates.
struct Affine {
    double a = 1, b = 0, c = 0, d = 0, e = 1, f = 0;
    QPointF map(double x, double y) const { return {a * x + b * y + c, d * x + e * y + f}; }
};

/// What a step does to a pixel mask (an RLE object's, decoded): the same as to the image.
using MaskOp = std::function<cv::Mat(const cv::Mat &)>;

/// Moves every object with the map the pixels went through, clips it to the new image and
/// drops what is gone (see the rules in Transforms.h).
void moveObjects(std::vector<Annotation> &objects, const Affine &m, cv::Size oldSize, cv::Size newSize,
                 const MaskOp &maskOp);

/// Moves the image's class-index map (AugmentedImage::labels) with a mask operation: pixels the
/// operation fills from outside (its zero border) come out as 255, ignored. Nothing when there is none.
void moveLabels(AugmentedImage &img, const MaskOp &maskOp);

/// A rectangle of the image, as a view when it lies inside, else padded with `fill`.
cv::Mat cropPadded(const cv::Mat &src, const cv::Rect &r, double fill);
/// Crops image and objects to r (padding with 0 outside the image) and records r in `applied`.
void applyCrop(AugmentedImage &img, const cv::Rect &r, AppliedStep &applied);
/// warpAffine with a pixel-centre matrix; objects and masks follow.
void applyWarp(AugmentedImage &img, const cv::Matx23d &m, int interpolation, Border border, double value);
/// Rotation and zoom about the image centre ((w−1)/2, (h−1)/2 in OpenCV's pixel-centre terms).
cv::Matx23d aboutCentre(cv::Size size, double degrees, double scale);
/// cv::flip's code: 1 mirrors left–right, 0 top–bottom; objects and masks follow.
void flip(AugmentedImage &img, int code);

} // namespace loupe::transforms::detail
