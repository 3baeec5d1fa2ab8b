#include "model/AnchorTuning.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace loupe {

// Messages name their context for lupdate: it files a Text::tr() of an anonymous-namespace helper under
// "Text" when the call sits in a member function, and the translation would never be found.

namespace {

/// Tuning looks at most this many boxes (every k-th); coverage is reported on all of them.
constexpr std::size_t kMaxTuningBoxes = 4000;
/// A box is covered when its best anchor reaches this IoU (RetinaNet's foreground threshold).
constexpr double kCoverageIou = 0.5;

bool usable(const QSizeF &s)
{
    return std::isfinite(s.width()) && std::isfinite(s.height()) && s.width() > 0 && s.height() > 0;
}

QString number(double v)
{
    return QString::number(v, 'g', 6);
}

struct Score {
    double coverage = 0;
    double meanIou = 0;
    bool betterThan(const Score &o) const
    {
        // Ties within rounding noise go to the earlier candidate.
        if (coverage > o.coverage + 1e-12)
            return true;
        return std::abs(coverage - o.coverage) <= 1e-12 && meanIou > o.meanIou + 1e-9;
    }
};

Score evaluate(const std::vector<QSizeF> &boxes, const std::vector<QSizeF> &anchors, double iou)
{
    Score s;
    if (boxes.empty())
        return s;
    std::size_t covered = 0;
    double sum = 0;
    for (const QSizeF &b : boxes) {
        double best = 0;
        for (const QSizeF &a : anchors)
            best = std::max(best, centredIou(b, a));
        sum += best;
        if (best >= iou)
            ++covered;
    }
    s.coverage = double(covered) / double(boxes.size());
    s.meanIou = sum / double(boxes.size());
    return s;
}

/// Nearest-rank quantile of sorted values.
double quantile(const std::vector<double> &sorted, double q)
{
    const double pos = q * double(sorted.size() - 1);
    return sorted[std::size_t(std::lround(pos))];
}

double roundTo(double v, double step)
{
    return std::round(v / step) * step;
}

/// Ratios rounded to 0.01 (0.001 under 0.1), duplicates removed, ascending.
std::vector<double> tidyRatios(std::vector<double> ratios)
{
    for (double &r : ratios)
        r = std::max(0.001, roundTo(r, r < 0.1 ? 0.001 : 0.01));
    std::sort(ratios.begin(), ratios.end());
    ratios.erase(std::unique(ratios.begin(), ratios.end(), [](double a, double b) { return std::abs(a - b) < 1e-9; }),
        ratios.end());
    return ratios;
}

/// 1-D k-means on log(h/w), started at evenly spaced quantiles.
std::vector<double> kmeansRatios(const std::vector<double> &sortedLogRatios, int k)
{
    std::vector<double> centres;
    for (int i = 0; i < k; ++i)
        centres.push_back(quantile(sortedLogRatios, (i + 0.5) / k));
    for (int iter = 0; iter < 20; ++iter) {
        std::vector<double> sum(std::size_t(k), 0.0);
        std::vector<int> n(std::size_t(k), 0);
        for (double v : sortedLogRatios) {
            std::size_t best = 0;
            for (std::size_t c = 1; c < centres.size(); ++c)
                if (std::abs(v - centres[c]) < std::abs(v - centres[best]))
                    best = c;
            sum[best] += v;
            ++n[best];
        }
        for (std::size_t c = 0; c < centres.size(); ++c)
            if (n[c] > 0)
                centres[c] = sum[c] / n[c];
    }
    std::vector<double> ratios;
    for (double c : centres)
        ratios.push_back(std::exp(c));
    return ratios;
}

} // namespace

AnchorConfig AnchorConfig::retinaNet()
{
    AnchorConfig c;
    c.strides = {8, 16, 32, 64, 128};
    c.sizes = {32, 64, 128, 256, 512};
    c.scales = {1.0, std::pow(2.0, 1.0 / 3), std::pow(2.0, 2.0 / 3)};
    c.ratios = {0.5, 1.0, 2.0};
    return c;
}

std::vector<QSizeF> AnchorConfig::shapes() const
{
    std::vector<QSizeF> out;
    out.reserve(sizes.size() * scales.size() * ratios.size());
    for (double size : sizes)
        for (double scale : scales)
            for (double ratio : ratios) {
                const double side = size * scale, root = std::sqrt(ratio);
                out.emplace_back(side / root, side * root);
            }
    return out;
}

QString AnchorConfig::toString() const
{
    QStringList s, r;
    for (double v : sizes)
        s << number(roundTo(v, 0.1));
    for (double v : ratios)
        r << number(v);
    return s.join(QLatin1Char(',')) + QLatin1Char(':') + r.join(QLatin1Char(','));
}

namespace {

template <typename T> QJsonArray toJsonArray(const std::vector<T> &values)
{
    QJsonArray a;
    for (T v : values)
        a.append(v);
    return a;
}

std::vector<double> doublesOf(const QJsonObject &json, const char *key)
{
    std::vector<double> out;
    for (const QJsonValue &v : json.value(QLatin1String(key)).toArray())
        out.push_back(v.toDouble());
    return out;
}

} // namespace

QJsonObject AnchorConfig::toJson() const
{
    return QJsonObject{{QStringLiteral("strides"), toJsonArray(strides)},
                       {QStringLiteral("sizes"), toJsonArray(sizes)},
                       {QStringLiteral("scales"), toJsonArray(scales)},
                       {QStringLiteral("ratios"), toJsonArray(ratios)},
                       {QStringLiteral("text"), toString()}};
}

AnchorConfig AnchorConfig::fromJson(const QJsonObject &json)
{
    AnchorConfig c;
    for (double v : doublesOf(json, "strides"))
        c.strides.push_back(int(v));
    c.sizes = doublesOf(json, "sizes");
    c.scales = doublesOf(json, "scales");
    c.ratios = doublesOf(json, "ratios");
    if (c.strides.empty() || c.sizes.size() != c.strides.size() || c.scales.empty() || c.ratios.empty())
        throw AnchorError(QCoreApplication::translate(
            "loupe::AnchorTuning", "the anchors need strides and sizes of one length, scales and ratios"));
    return c;
}

AnchorSetting parseAnchorSetting(const QString &text, const AnchorConfig &levels)
{
    AnchorSetting setting;
    const QString t = text.trimmed();
    if (t.compare(QLatin1String("auto"), Qt::CaseInsensitive) == 0)
        return setting;
    const QStringList halves = t.split(QLatin1Char(':'));
    if (halves.size() != 2)
        throw AnchorError(QCoreApplication::translate(
            "loupe::AnchorTuning", "anchors \"%1\": expected auto or SIZES:RATIOS, such as 32,64,128,256,512:0.5,1,2")
                              .arg(text));
    const auto numbers = [&](const QString &list) {
        std::vector<double> out;
        for (const QString &part : list.split(QLatin1Char(','))) {
            bool ok = false;
            const double v = part.trimmed().toDouble(&ok);
            if (!ok || !std::isfinite(v) || v <= 0)
                throw AnchorError(QCoreApplication::translate(
                    "loupe::AnchorTuning", "anchors \"%1\": \"%2\" is not a positive number")
                                      .arg(text, part.trimmed()));
            out.push_back(v);
        }
        return out;
    };
    setting.automatic = false;
    setting.config = levels;
    setting.config.sizes = numbers(halves[0]);
    setting.config.ratios = numbers(halves[1]);
    if (setting.config.sizes.size() != levels.strides.size()) {
        QStringList strides;
        for (int s : levels.strides)
            strides << QString::number(s);
        throw AnchorError(QCoreApplication::translate("loupe::AnchorTuning",
            "anchors \"%1\": %2 sizes given; the detector has %3 pyramid levels (strides %4), "
            "one size each")
                              .arg(text)
                              .arg(setting.config.sizes.size())
                              .arg(levels.strides.size())
                              .arg(strides.join(QStringLiteral(", "))));
    }
    for (std::size_t i = 1; i < setting.config.sizes.size(); ++i)
        if (setting.config.sizes[i] <= setting.config.sizes[i - 1])
            throw AnchorError(QCoreApplication::translate("loupe::AnchorTuning",
                "anchors \"%1\": sizes must increase from the finest pyramid level to the coarsest")
                                  .arg(text));
    return setting;
}

double centredIou(const QSizeF &a, const QSizeF &b)
{
    if (!usable(a) || !usable(b))
        return 0;
    const double inter = std::min(a.width(), b.width()) * std::min(a.height(), b.height());
    return inter / (a.width() * a.height() + b.width() * b.height() - inter);
}

double anchorCoverage(const std::vector<QSizeF> &boxes, const AnchorConfig &anchors, double iou)
{
    std::vector<QSizeF> kept;
    std::copy_if(boxes.begin(), boxes.end(), std::back_inserter(kept), usable);
    return evaluate(kept, anchors.shapes(), iou).coverage;
}

std::vector<QSizeF> boxSizesAtInputScale(
    const std::vector<QRectF> &imageBoxes, const TileGrid &grid, const QSizeF &inputSize)
{
    std::vector<QSizeF> out;
    for (const QRectF &raw : imageBoxes) {
        const QRectF box = raw.normalized();
        if (!(box.width() > 0 && box.height() > 0))
            continue;
        int best = -1;
        double bestShare = 0;
        for (int t = 0; t < grid.count(); ++t) {
            const double share = grid.keptFraction(t, box);
            if (share > bestShare) {
                bestShare = share;
                best = t;
            }
        }
        if (best < 0 || bestShare < 0.5)
            continue;
        const QRect tile = grid.tile(best);
        const QRectF clipped = box & QRectF(tile);
        double sx = 1, sy = 1;
        if (inputSize.width() > 0 && inputSize.height() > 0) {
            sx = inputSize.width() / tile.width();
            sy = inputSize.height() / tile.height();
        }
        out.emplace_back(clipped.width() * sx, clipped.height() * sy);
    }
    return out;
}

QString AnchorTuningResult::describe() const
{
    if (boxes == 0)
        return QCoreApplication::translate("loupe::AnchorTuning", "anchors %1: no boxes to tune them on")
            .arg(tuned.toString());
    return QCoreApplication::translate(
        "loupe::AnchorTuning", "anchors %1 cover %2% of %3 boxes (IoU ≥ 0.5); the defaults %4 cover %5%")
        .arg(tuned.toString())
        .arg(tunedCoverage * 100, 0, 'f', 1)
        .arg(boxes)
        .arg(initial.toString())
        .arg(initialCoverage * 100, 0, 'f', 1);
}

AnchorTuningResult tuneAnchors(const std::vector<QSizeF> &boxes, const AnchorConfig &initial)
{
    AnchorTuningResult result;
    result.initial = initial;
    result.tuned = initial;
    std::vector<QSizeF> all;
    for (const QSizeF &b : boxes) {
        if (usable(b))
            all.push_back(b);
        else
            ++result.skipped;
    }
    result.boxes = int(all.size());
    if (all.empty() || initial.sizes.empty() || initial.scales.empty() || initial.ratios.empty())
        return result;

    std::vector<QSizeF> sample;
    const std::size_t every = (all.size() + kMaxTuningBoxes - 1) / kMaxTuningBoxes;
    for (std::size_t i = 0; i < all.size(); i += every)
        sample.push_back(all[i]);

    std::vector<double> sides, logRatios;
    for (const QSizeF &b : sample) {
        sides.push_back(std::sqrt(b.width() * b.height()));
        logRatios.push_back(std::log(b.height() / b.width()));
    }
    std::sort(sides.begin(), sides.end());
    std::sort(logRatios.begin(), logRatios.end());

    const int k = int(initial.ratios.size());
    std::vector<std::vector<double>> ratioSets = {initial.ratios};
    std::vector<double> quantileRatios;
    for (int i = 0; i < k; ++i)
        quantileRatios.push_back(std::exp(quantile(logRatios, k == 1 ? 0.5 : double(i) / (k - 1) * 0.7 + 0.15)));
    ratioSets.push_back(tidyRatios(quantileRatios));
    ratioSets.push_back(tidyRatios(kmeansRatios(logRatios, k)));

    // Level sizes double as the strides do; the base (finest level's) size is what is searched.
    std::vector<double> bases;
    for (double q : {0.5, 0.02, 0.1, 0.25, 0.75, 0.9})
        for (std::size_t l = 0; l < initial.sizes.size(); ++l)
            for (double scale : initial.scales)
                bases.push_back(quantile(sides, q) / (scale * std::pow(2.0, double(l))));
    for (int e = 0; e <= 9 * 12; ++e)
        bases.push_back(std::pow(2.0, e / 12.0));

    AnchorConfig best = initial;
    Score bestScore = evaluate(sample, initial.shapes(), kCoverageIou);
    for (const std::vector<double> &ratios : ratioSets) {
        for (double base : bases) {
            if (!(base >= 0.5))
                continue;
            AnchorConfig c = initial;
            c.ratios = ratios;
            const double b = roundTo(base, 0.1);
            for (std::size_t l = 0; l < c.sizes.size(); ++l)
                c.sizes[l] = b * std::pow(2.0, double(l));
            const Score s = evaluate(sample, c.shapes(), kCoverageIou);
            if (s.betterThan(bestScore)) {
                bestScore = s;
                best = c;
            }
        }
    }
    result.tuned = best;
    result.initialCoverage = evaluate(all, initial.shapes(), kCoverageIou).coverage;
    const Score tunedScore = evaluate(all, best.shapes(), kCoverageIou);
    result.tunedCoverage = tunedScore.coverage;
    result.tunedMeanIou = tunedScore.meanIou;
    // On a subsample the search could prefer a candidate that is worse on all boxes: keep the initial then.
    if (result.tunedCoverage < result.initialCoverage) {
        result.tuned = initial;
        result.tunedCoverage = result.initialCoverage;
        result.tunedMeanIou = evaluate(all, initial.shapes(), kCoverageIou).meanIou;
    }
    return result;
}

} // namespace loupe
