#pragma once

// Inside the transforms (augment/Transforms.h): what every step's apply() and toJson() share.

#include "augment/Transforms.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <QVariantList>

#include <opencv2/core.hpp>

#include <cstdint>
#include <vector>

namespace loupe::transforms::detail {

/// The common start of every apply: records the step, says whether it runs.
bool start(const Transform &t, std::uint64_t &state, AppliedStep &applied);
/// Throws PipelineError unless the image is 8-bit (the steps after normalize would see floats).
void requireBytes(const cv::Mat &image, const QString &type);
/// In-place steps must not write into the caller's image (or a view of it): copy when shared.
void makeWritable(cv::Mat &m);
/// One pass through a 256-entry table; in place on a writable image.
void applyTable(cv::Mat &image, const cv::Mat &table);

/// The JSON names of Border and Interpolation, in the enums' order.
const QStringList &borderNames();
const QStringList &interpolationNames();

/// The fields every step writes: type, enabled, and probability for random steps.
QJsonObject begin(const Transform &t);
QJsonArray toArray(const std::vector<double> &v);
QVariantList toList(const std::vector<double> &v);
void writeBorder(QJsonObject &o, Border border, double value);
/// {min, max} of the steps that draw from a range.
void writeRange(QJsonObject &o, double min, double max);

} // namespace loupe::transforms::detail
