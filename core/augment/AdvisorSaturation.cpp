#include "augment/AdvisorSaturation.h"

#include "Translations.h"

#include "imaging/SafeDecoder.h"

#include <QCoreApplication>

#include <opencv2/core.hpp>

#include <algorithm>
#include <cmath>

namespace loupe::advisor {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::Advisor)
};

using namespace transforms;

QString fmt(double v, int decimals)
{
    return localeNumber(v, 'f', decimals);
}

double clippedShare(const cv::Mat &m)
{
    const std::size_t total = m.total() * m.channels();
    if (total == 0)
        return 0;
    std::size_t n = 0;
    for (int y = 0; y < m.rows; ++y) {
        const uchar *p = m.ptr<uchar>(y);
        for (int x = 0; x < m.cols * m.channels(); ++x)
            n += (p[x] == 0 || p[x] == 255);
    }
    return double(n) / double(total);
}

cv::Mat tableOf(const std::function<double(int)> &f)
{
    cv::Mat table(1, 256, CV_8U);
    for (int v = 0; v < 256; ++v)
        table.data[v] = cv::saturate_cast<uchar>(f(v));
    return table;
}

double meanOf(const cv::Mat &image)
{
    const cv::Scalar means = cv::mean(image);
    double m = 0;
    for (int c = 0; c < image.channels(); ++c)
        m += means[c];
    return m / image.channels();
}

} // namespace

std::vector<Probe> probeImages(const Dataset &dataset, int wanted)
{
    std::vector<Probe> out;
    const int n = int(dataset.samples.size());
    if (n == 0 || wanted <= 0)
        return out;
    // Evenly spread over the dataset, so a sorted folder shows more than its first class.
    const int tries = std::min(n, wanted * 2);
    for (int k = 0; k < tries && int(out.size()) < wanted; ++k) {
        const int i = int((qint64(k) * n) / tries);
        const Sample &s = dataset.samples[std::size_t(i)];
        cv::Mat image;
        if (s.idxIndex >= 0 && dataset.idx) {
            const IdxImages &idx = *dataset.idx;
            image = cv::Mat(idx.rows, idx.cols, CV_8UC1, const_cast<std::uint8_t *>(idx.image(s.idxIndex))).clone();
        } else {
            DecodeOptions options;
            const int shorter = std::min(s.width, s.height);
            for (DecodeScale scale : {DecodeScale::Eighth, DecodeScale::Quarter, DecodeScale::Half})
                if (shorter > 0 && shorter / int(scale) >= 128) {
                    options.scale = scale;
                    break;
                }
            DecodeResult r = decodeImageFile(s.path, options);
            if (!r.ok())
                continue;
            image = r.image;
        }
        if (image.empty() || image.depth() != CV_8U)
            continue;
        out.push_back({i, image, clippedShare(image)});
    }
    return out;
}

std::vector<Extreme> extremesOf(const Transform &t)
{
    std::vector<Extreme> out;
    const QString type = t.type();
    if (type == QLatin1String("brightness")) {
        const double d = static_cast<const Brightness &>(t).maxDelta;
        for (double sign : {1.0, -1.0})
            out.push_back({QStringLiteral("%1%2").arg(sign > 0 ? QStringLiteral("+") : QStringLiteral("−"), fmt(d, 2)),
                           [=](cv::Mat &m, double s) {
                               cv::LUT(m, tableOf([&](int v) { return v + sign * s * d * 255.0; }), m);
                           },
                           [=](double s) { return Text::tr("max_delta %1").arg(fmt(s * d, 2)); }});
    } else if (type == QLatin1String("contrast")) {
        const double hi = static_cast<const Contrast &>(t).max;
        if (hi > 1.0)
            out.push_back({QStringLiteral("×%1").arg(fmt(hi, 2)),
                           [=](cv::Mat &m, double s) {
                               const double f = 1.0 + s * (hi - 1.0), mean = meanOf(m);
                               cv::LUT(m, tableOf([&](int v) { return mean + f * (v - mean); }), m);
                           },
                           [=](double s) { return Text::tr("max %1").arg(fmt(1.0 + s * (hi - 1.0), 2)); }});
    } else if (type == QLatin1String("gamma")) {
        const auto &g = static_cast<const Gamma &>(t);
        for (double end : {g.min, g.max}) {
            if (std::abs(end - 1.0) < 1e-9)
                continue;
            out.push_back({QStringLiteral("γ %1").arg(fmt(end, 2)),
                           [=](cv::Mat &m, double s) {
                               const double gamma = 1.0 + s * (end - 1.0);
                               cv::LUT(m, tableOf([&](int v) { return 255.0 * std::pow(v / 255.0, gamma); }), m);
                           },
                           [=](double s) {
                               return end < 1.0 ? Text::tr("min %1").arg(fmt(1.0 + s * (end - 1.0), 2))
                                                : Text::tr("max %1").arg(fmt(1.0 + s * (end - 1.0), 2));
                           }});
        }
    }
    return out;
}

/// Mean newly clipped share over the probes at strength s, and each probe's share.
double newlyClipped(const std::vector<Probe> &probes, const Extreme &e, double s, std::vector<double> *each)
{
    double sum = 0;
    for (const Probe &p : probes) {
        cv::Mat m = p.image.clone();
        e.apply(m, s);
        const double share = std::max(0.0, clippedShare(m) - p.clippedBefore);
        if (each)
            each->push_back(share);
        sum += share;
    }
    return probes.empty() ? 0 : sum / double(probes.size());
}

} // namespace loupe::advisor
