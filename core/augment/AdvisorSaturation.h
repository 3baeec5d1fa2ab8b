#pragma once

// The advisor's photometric checks: how many pixels a brightness, contrast or gamma extreme
// newly clips to black or white, measured on real images of the dataset.

#include "augment/Transforms.h"
#include "dataset/Dataset.h"

#include <QString>

#include <opencv2/core.hpp>

#include <functional>
#include <vector>

namespace loupe::advisor {

/// One dataset image decoded for the saturation checks.
struct Probe {
    int sample;
    cv::Mat image;
    double clippedBefore; ///< share of values already at 0 or 255
};

/// A photometric extreme: its label and how to apply it at strength t ∈ [0, 1] (1 = the extreme).
struct Extreme {
    QString label;
    std::function<void(cv::Mat &image, double t)> apply;
    std::function<QString(double t)> value; ///< the parameter value at strength t, for the suggestion
};

/// Up to `wanted` readable images spread over the dataset.
std::vector<Probe> probeImages(const Dataset &dataset, int wanted);
/// The extremes of a photometric step (none for other steps).
std::vector<Extreme> extremesOf(const Transform &t);
/// Mean newly clipped share over the probes at strength s, and each probe's share.
double newlyClipped(const std::vector<Probe> &probes, const Extreme &e, double s, std::vector<double> *each = nullptr);

} // namespace loupe::advisor
