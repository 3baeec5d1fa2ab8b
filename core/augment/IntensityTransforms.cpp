// The steps that change pixel values in place: normalize, brightness, contrast, gamma, noise, blur.

#include "augment/Transforms.h"

#include "augment/Random.h"
#include "augment/StepSupport.h"

#include <QCoreApplication>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace loupe::transforms {

using namespace detail;

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::Pipeline)
};

/// Brightness, contrast and gamma: a value drawn from [lo, hi] makes a 256-entry table that is
/// applied in one pass. `levelOf(image, value)` gives the map from an input level to the output's.
template <typename LevelOf>
void applyDrawnTable(const Transform &t, AugmentedImage &img, std::uint64_t &rngState, AppliedStep &applied,
                     double lo, double hi, const QString &param, LevelOf levelOf)
{
    if (!start(t, rngState, applied))
        return;
    requireBytes(img.image, t.type());
    Random rng(rngState);
    const double value = rng.uniform(lo, hi);
    const auto level = levelOf(img.image, value);
    cv::Mat table(1, 256, CV_8U);
    for (int v = 0; v < 256; ++v)
        table.data[v] = cv::saturate_cast<uchar>(level(v));
    applyTable(img.image, table);
    applied.params.insert(param, value);
}

} // namespace

void Normalize::apply(AugmentedImage &img, std::uint64_t &rngState, AppliedStep &applied) const
{
    if (!start(*this, rngState, applied))
        return;
    requireBytes(img.image, type());
    const int ch = img.image.channels();
    const std::size_t given = std::min(mean.size(), stdDev.size());
    if (given == 0 || (given != 1 && int(given) != ch))
        throw PipelineError(type(), Text::tr("the image has %1 channels, mean and std give %2 values").arg(ch).arg(given));
    // Output channel o reads input channel src[o]: BGR(A) in, RGB(A) out.
    int src[4] = {0, 1, 2, 3};
    if (ch >= 3)
        std::swap(src[0], src[2]);
    // One table per output channel turns the whole step into a lookup per value.
    float table[4][256];
    for (int o = 0; o < ch; ++o) {
        const double m = given == 1 ? mean[0] : mean[o];
        const double s = given == 1 ? stdDev[0] : stdDev[o];
        for (int v = 0; v < 256; ++v)
            table[o][v] = float((v / 255.0 - m) / s);
    }
    const cv::Mat &in = img.image;
    cv::Mat out(in.size(), CV_MAKETYPE(CV_32F, ch));
    for (int y = 0; y < in.rows; ++y) {
        const uchar *p = in.ptr<uchar>(y);
        float *q = out.ptr<float>(y);
        if (ch == 3) {
            for (int x = 0; x < in.cols; ++x, p += 3, q += 3) {
                q[0] = table[0][p[2]];
                q[1] = table[1][p[1]];
                q[2] = table[2][p[0]];
            }
        } else if (ch == 1) {
            for (int x = 0; x < in.cols; ++x)
                q[x] = table[0][p[x]];
        } else {
            for (int x = 0; x < in.cols; ++x, p += ch, q += ch)
                for (int o = 0; o < ch; ++o)
                    q[o] = table[o][p[src[o]]];
        }
    }
    img.image = out;
    applied.params.insert(QStringLiteral("mean"), toList(mean));
    applied.params.insert(QStringLiteral("std"), toList(stdDev));
    applied.params.insert(QStringLiteral("channel_order"), ch >= 3 ? QStringLiteral("RGB") : QStringLiteral("grey"));
}

QJsonObject Normalize::toJson() const
{
    QJsonObject o = begin(*this);
    o.insert(QStringLiteral("mean"), toArray(mean));
    o.insert(QStringLiteral("std"), toArray(stdDev));
    return o;
}

void Brightness::apply(AugmentedImage &img, std::uint64_t &rngState, AppliedStep &applied) const
{
    applyDrawnTable(*this, img, rngState, applied, -maxDelta, maxDelta, QStringLiteral("delta"),
                    [](const cv::Mat &, double delta) { return [delta](int v) { return v + delta * 255.0; }; });
}

QJsonObject Brightness::toJson() const
{
    QJsonObject o = begin(*this);
    o.insert(QStringLiteral("max_delta"), maxDelta);
    return o;
}

void Contrast::apply(AugmentedImage &img, std::uint64_t &rngState, AppliedStep &applied) const
{
    applyDrawnTable(*this, img, rngState, applied, min, max, QStringLiteral("factor"),
                    [](const cv::Mat &image, double factor) {
                        const cv::Scalar means = cv::mean(image);
                        double m = 0;
                        for (int c = 0; c < image.channels(); ++c)
                            m += means[c];
                        m /= image.channels();
                        return [m, factor](int v) { return m + factor * (v - m); };
                    });
}

QJsonObject Contrast::toJson() const
{
    QJsonObject o = begin(*this);
    writeRange(o, min, max);
    return o;
}

void Gamma::apply(AugmentedImage &img, std::uint64_t &rngState, AppliedStep &applied) const
{
    applyDrawnTable(*this, img, rngState, applied, min, max, QStringLiteral("gamma"),
                    [](const cv::Mat &, double gamma) {
                        return [gamma](int v) { return 255.0 * std::pow(v / 255.0, gamma); };
                    });
}

QJsonObject Gamma::toJson() const
{
    QJsonObject o = begin(*this);
    writeRange(o, min, max);
    return o;
}

void GaussianNoise::apply(AugmentedImage &img, std::uint64_t &rngState, AppliedStep &applied) const
{
    if (!start(*this, rngState, applied))
        return;
    requireBytes(img.image, type());
    makeWritable(img.image);
    Random rng(rngState);
    const double levels = sd * 255.0;
    cv::Mat &m = img.image;
    const int n = m.cols * m.channels();
    for (int y = 0; y < m.rows; ++y) {
        uchar *p = m.ptr<uchar>(y);
        for (int x = 0; x < n; ++x)
            p[x] = cv::saturate_cast<uchar>(p[x] + rng.normal(0, levels));
    }
    applied.params.insert(QStringLiteral("sd"), sd);
}

QJsonObject GaussianNoise::toJson() const
{
    QJsonObject o = begin(*this);
    o.insert(QStringLiteral("sd"), sd);
    return o;
}

void GaussianBlur::apply(AugmentedImage &img, std::uint64_t &rngState, AppliedStep &applied) const
{
    if (!start(*this, rngState, applied))
        return;
    Random rng(rngState);
    const double sigma = rng.uniform(0, maxSigma);
    applied.params.insert(QStringLiteral("sigma"), sigma);
    // Below ~0.1 px the kernel is a single tap: nothing to do.
    if (sigma < 0.1)
        return;
    makeWritable(img.image);
    cv::GaussianBlur(img.image, img.image, cv::Size(0, 0), sigma, sigma, cv::BORDER_REFLECT_101);
}

QJsonObject GaussianBlur::toJson() const
{
    QJsonObject o = begin(*this);
    o.insert(QStringLiteral("max_sigma"), maxSigma);
    return o;
}

} // namespace loupe::transforms
