#include "eval/SegmentationMetrics.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace loupe {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

nlohmann::json number(double v)
{
    return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}

} // namespace

SegmentationConfusion::SegmentationConfusion(int classCount)
    : m_classes(classCount)
{
    if (classCount < 1 || classCount > kIgnore)
        throw std::invalid_argument(
            "segmentation needs 1 to 255 classes (background included), not " + std::to_string(classCount));
    m_counts.assign(std::size_t(classCount) * classCount, 0);
}

void SegmentationConfusion::add(const cv::Mat &truth, const cv::Mat &predicted)
{
    if (truth.type() != CV_8UC1 || predicted.type() != CV_8UC1)
        throw std::invalid_argument("segmentation masks must be 8-bit, one channel");
    if (truth.size() != predicted.size())
        throw std::invalid_argument("truth mask is " + std::to_string(truth.cols) + "x" + std::to_string(truth.rows)
            + " px, prediction " + std::to_string(predicted.cols) + "x" + std::to_string(predicted.rows) + " px");
    // A joint histogram of (truth, predicted) byte pairs first: no branch per pixel, and every
    // out-of-range value is found before anything is counted.
    std::vector<quint64> joint(256 * 256, 0);
    for (int y = 0; y < truth.rows; ++y) {
        const uchar *t = truth.ptr<uchar>(y);
        const uchar *p = predicted.ptr<uchar>(y);
        for (int x = 0; x < truth.cols; ++x)
            ++joint[(std::size_t(t[x]) << 8) | p[x]];
    }
    quint64 ignored = 0;
    for (int t = 0; t < 256; ++t)
        for (int p = 0; p < 256; ++p) {
            const quint64 n = joint[(std::size_t(t) << 8) | std::size_t(p)];
            if (n == 0)
                continue;
            if (t == kIgnore) {
                ignored += n;
            } else if (t >= m_classes) {
                throw std::out_of_range("truth value " + std::to_string(t) + " is not a class (0 to "
                    + std::to_string(m_classes - 1) + ", 255 ignored)");
            } else if (p >= m_classes) {
                throw std::out_of_range("predicted value " + std::to_string(p) + " is not a class (0 to "
                    + std::to_string(m_classes - 1) + ")");
            }
        }
    for (int t = 0; t < m_classes; ++t)
        for (int p = 0; p < m_classes; ++p)
            m_counts[std::size_t(t) * m_classes + p] += joint[(std::size_t(t) << 8) | std::size_t(p)];
    m_ignored += ignored;
}

void SegmentationConfusion::merge(const SegmentationConfusion &other)
{
    if (other.m_classes != m_classes)
        throw std::invalid_argument("merging confusion matrices of different class counts");
    for (std::size_t i = 0; i < m_counts.size(); ++i)
        m_counts[i] += other.m_counts[i];
    m_ignored += other.m_ignored;
}

void SegmentationConfusion::clear()
{
    std::fill(m_counts.begin(), m_counts.end(), 0);
    m_ignored = 0;
}

SegmentationMetrics SegmentationConfusion::metrics(const QStringList &names) const
{
    SegmentationMetrics m;
    const int n = m_classes;
    m.confusion.assign(std::size_t(n), std::vector<quint64>(std::size_t(n), 0));
    std::vector<quint64> rows(std::size_t(n), 0), cols(std::size_t(n), 0);
    quint64 correct = 0;
    for (int t = 0; t < n; ++t)
        for (int p = 0; p < n; ++p) {
            const quint64 c = count(t, p);
            m.confusion[t][p] = c;
            rows[t] += c;
            cols[p] += c;
            m.pixels += c;
            if (t == p)
                correct += c;
        }
    m.ignoredPixels = m_ignored;
    m.pixelAccuracy = m.pixels > 0 ? double(correct) / double(m.pixels) : kNaN;
    double iouSum = 0, diceSum = 0, fgSum = 0;
    int present = 0, fgPresent = 0;
    for (int k = 0; k < n; ++k) {
        SegmentationClassMetrics c;
        c.name = k < names.size() ? names.at(k) : QString::number(k);
        c.truePixels = rows[k];
        c.predictedPixels = cols[k];
        const quint64 tp = count(k, k);
        const quint64 unionPixels = rows[k] + cols[k] - tp; // TP + FN + FP
        if (unionPixels == 0) {
            c.iou = kNaN;
            c.dice = kNaN;
        } else {
            c.iou = double(tp) / double(unionPixels);
            c.dice = 2.0 * double(tp) / double(rows[k] + cols[k]);
            iouSum += c.iou;
            diceSum += c.dice;
            ++present;
            if (k > 0) {
                fgSum += c.iou;
                ++fgPresent;
            }
        }
        m.perClass.push_back(c);
    }
    m.miou = present > 0 ? iouSum / present : kNaN;
    m.meanDice = present > 0 ? diceSum / present : kNaN;
    m.miouForeground = fgPresent > 0 ? fgSum / fgPresent : kNaN;
    return m;
}

SegmentationMetrics imageSegmentationMetrics(const cv::Mat &truth, const cv::Mat &predicted, int classCount)
{
    SegmentationConfusion c(classCount);
    c.add(truth, predicted);
    return c.metrics();
}

QByteArray segmentationMetricsJson(const SegmentationMetrics &m)
{
    nlohmann::json j;
    j["task"] = "segment";
    j["miou"] = number(m.miou);
    j["miou_foreground"] = number(m.miouForeground);
    j["pixel_accuracy"] = number(m.pixelAccuracy);
    j["mean_dice"] = number(m.meanDice);
    j["pixels"] = m.pixels;
    j["ignored_pixels"] = m.ignoredPixels;
    nlohmann::json perClass = nlohmann::json::array();
    for (const SegmentationClassMetrics &c : m.perClass)
        perClass.push_back({{"name", c.name.toStdString()}, {"iou", number(c.iou)}, {"dice", number(c.dice)},
            {"true_pixels", c.truePixels}, {"predicted_pixels", c.predictedPixels}});
    j["per_class"] = perClass;
    j["confusion"] = m.confusion;
    return QByteArray::fromStdString(j.dump(2));
}

} // namespace loupe
