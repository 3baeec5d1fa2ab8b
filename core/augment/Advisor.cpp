#include "augment/Advisor.h"

#include "augment/Transforms.h"
#include "imaging/SafeDecoder.h"

#include <QCoreApplication>

#include <opencv2/core.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

namespace loupe {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::Advisor)
};

using namespace transforms;

/// Combinations of extreme settings followed per image; more are thinned evenly.
constexpr std::size_t kMaxVariants = 256;

/// x' = a·x + b·y + c, y' = d·x + e·y + f, in pixel-edge coordinates.
struct Map {
    double a = 1, b = 0, c = 0, d = 0, e = 1, f = 0;
};

struct ObjectState {
    QRectF box;          ///< what is left of the object's box in the current image
    double w = 0, h = 0; ///< the whole object's size at the current scale (not clipped)
    bool lost = false;
};

/// One way an image can go through the pipeline (one extreme of every random step).
struct Variant {
    double W = 0, H = 0;
    double ax = 1, ay = 1; ///< accumulated scale of x and y: W/ax : H/ay is the content's aspect
    std::vector<ObjectState> objects;
};

/// What one step did to one object over all variants (bits).
enum Harm { None = 0, Cut = 1, Lost = 2 };

Variant mapped(const Variant &v, const Map &m, double newW, double newH, std::vector<int> &harm, double cutShare)
{
    Variant out = v;
    out.W = newW;
    out.H = newH;
    const bool axisAligned = std::abs(m.b) < 1e-12 && std::abs(m.d) < 1e-12;
    const bool swapped = std::abs(m.a) < 1e-12 && std::abs(m.e) < 1e-12;
    if (axisAligned) {
        out.ax *= std::abs(m.a);
        out.ay *= std::abs(m.e);
    } else if (swapped) {
        out.ax = v.ay * std::abs(m.b);
        out.ay = v.ax * std::abs(m.d);
    }
    const double s = std::sqrt(std::abs(m.a * m.e - m.b * m.d));
    const QRectF image(0, 0, newW, newH);
    for (std::size_t i = 0; i < out.objects.size(); ++i) {
        ObjectState &o = out.objects[i];
        if (o.lost)
            continue;
        if (axisAligned) {
            o.w *= std::abs(m.a);
            o.h *= std::abs(m.e);
        } else if (swapped) {
            const double w = o.w;
            o.w = o.h * std::abs(m.b);
            o.h = w * std::abs(m.d);
        } else {
            o.w *= s;
            o.h *= s;
        }
        const QRectF r = o.box;
        const QPointF corners[4] = {r.topLeft(), r.topRight(), r.bottomLeft(), r.bottomRight()};
        double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
        for (const QPointF &p : corners) {
            const double x = m.a * p.x() + m.b * p.y() + m.c, y = m.d * p.x() + m.e * p.y() + m.f;
            x0 = std::min(x0, x);
            x1 = std::max(x1, x);
            y0 = std::min(y0, y);
            y1 = std::max(y1, y);
        }
        const QRectF whole(x0, y0, x1 - x0, y1 - y0);
        const QRectF kept = whole & image;
        const double wholeArea = std::max(1e-9, whole.width() * whole.height());
        if (kept.isEmpty() || kept.width() * kept.height() <= 1e-9) {
            o.lost = true;
            harm[i] |= Lost;
            continue;
        }
        if (kept.width() * kept.height() < (1.0 - cutShare) * wholeArea)
            harm[i] |= Cut;
        o.box = kept;
    }
    return out;
}

Map translation(double dx, double dy)
{
    return Map{1, 0, dx, 0, 1, dy};
}

/// About the image centre, as the rotate and scale steps turn and zoom.
Map aboutCentre(double W, double H, double degrees, double scale)
{
    const double rad = degrees * 3.14159265358979323846 / 180.0;
    const double ca = scale * std::cos(rad), sa = scale * std::sin(rad);
    const double cx = W / 2.0, cy = H / 2.0;
    // Positive angles turn counter-clockwise on screen (y down), as OpenCV's getRotationMatrix2D.
    return Map{ca, sa, cx - ca * cx - sa * cy, -sa, ca, cy + sa * cx - ca * cy};
}

struct Step {
    int index;
    const Transform *t;
};

/// Per image and step: how each object fared, and the sizes and aspects entering each step.
struct Trace {
    std::vector<std::vector<int>> harm;        ///< [step][object]
    std::vector<std::vector<double>> sideIn;   ///< [step][object]: smallest shorter side entering the step
    std::vector<double> aspectIn;              ///< [step]: largest content aspect (≥ 1) entering the step
    std::vector<double> finalSide;             ///< [object]: smallest shorter side at the end; <0 if always lost
};

/// Follows one image through every geometric step at the extremes of its random parameters.
Trace trace(const std::vector<std::shared_ptr<Transform>> &steps, double W, double H,
            const std::vector<Annotation> &objects, double cutShare)
{
    Trace tr;
    Variant start;
    start.W = W;
    start.H = H;
    for (const Annotation &a : objects) {
        ObjectState o;
        o.box = a.box & QRectF(0, 0, W, H);
        o.w = a.box.width();
        o.h = a.box.height();
        o.lost = o.box.isEmpty();
        start.objects.push_back(o);
    }
    std::vector<Variant> variants{start};
    const std::size_t n = objects.size();
    tr.harm.assign(steps.size(), std::vector<int>(n, None));
    tr.sideIn.assign(steps.size(), std::vector<double>(n, -1));
    tr.aspectIn.assign(steps.size(), 1.0);

    auto record = [&](std::size_t si) {
        for (const Variant &v : variants) {
            const double cw = v.W / std::max(1e-12, v.ax), ch = v.H / std::max(1e-12, v.ay);
            tr.aspectIn[si] = std::max(tr.aspectIn[si], std::max(cw / ch, ch / cw));
            for (std::size_t i = 0; i < n; ++i) {
                if (v.objects[i].lost)
                    continue;
                const double side = std::min(v.objects[i].w, v.objects[i].h);
                double &s = tr.sideIn[si][i];
                s = s < 0 ? side : std::min(s, side);
            }
        }
    };

    for (std::size_t si = 0; si < steps.size(); ++si) {
        const Transform *t = steps[si].get();
        record(si);
        if (!t || !t->enabled || (t->isRandom() && t->probability <= 0))
            continue;
        std::vector<int> &harm = tr.harm[si];
        const QString type = t->type();
        std::vector<Variant> next;
        // A random step that may not run keeps every variant as it is, too.
        const bool mayPass = t->isRandom() && t->probability < 1.0;
        auto push = [&](const Variant &v, const Map &m, double nw, double nh) {
            next.push_back(mapped(v, m, nw, nh, harm, cutShare));
        };
        for (const Variant &v : variants) {
            if (mayPass)
                next.push_back(v);
            const double vw = v.W, vh = v.H;
            if (type == QLatin1String("resize")) {
                const auto *r = static_cast<const Resize *>(t);
                int nw = r->width, nh = r->height;
                double ox = 0, oy = 0;
                if (r->keepAspect) {
                    const double s = std::min(r->width / vw, r->height / vh);
                    nw = std::clamp(int(std::lround(vw * s)), 1, r->width);
                    nh = std::clamp(int(std::lround(vh * s)), 1, r->height);
                    ox = (r->width - nw) / 2;
                    oy = (r->height - nh) / 2;
                }
                push(v, Map{nw / vw, 0, ox, 0, nh / vh, oy}, r->width, r->height);
            } else if (type == QLatin1String("crop")) {
                const auto *c = static_cast<const Crop *>(t);
                push(v, translation(-c->x, -c->y), c->width, c->height);
            } else if (type == QLatin1String("center_crop")) {
                const auto *c = static_cast<const CenterCrop *>(t);
                push(v, translation(-std::floor((vw - c->width) / 2.0), -std::floor((vh - c->height) / 2.0)), c->width,
                     c->height);
            } else if (type == QLatin1String("tile")) {
                const auto *c = static_cast<const Tile *>(t);
                const int rows = std::max(1, c->rows), cols = std::max(1, c->cols);
                const int first = c->random ? 0 : std::clamp(c->index, 0, rows * cols - 1);
                const int last = c->random ? rows * cols - 1 : first;
                for (int k = first; k <= last; ++k) {
                    const int r = k / cols, col = k % cols;
                    const double x0 = std::floor(col * vw / cols), x1 = std::floor((col + 1) * vw / cols);
                    const double y0 = std::floor(r * vh / rows), y1 = std::floor((r + 1) * vh / rows);
                    push(v, translation(-x0, -y0), std::max(1.0, x1 - x0), std::max(1.0, y1 - y0));
                }
            } else if (type == QLatin1String("random_crop")) {
                const auto *c = static_cast<const RandomCrop *>(t);
                std::vector<std::pair<double, double>> sizes;
                if (c->width > 0 && c->height > 0)
                    sizes.emplace_back(c->width, c->height);
                else
                    for (double s : {c->minScale, c->maxScale})
                        sizes.emplace_back(std::max(1.0, double(std::lround(vw * s))),
                                           std::max(1.0, double(std::lround(vh * s))));
                for (const auto &[w, h] : sizes)
                    for (double x : {std::min(0.0, vw - w), std::max(0.0, vw - w)})
                        for (double y : {std::min(0.0, vh - h), std::max(0.0, vh - h)})
                            push(v, translation(-x, -y), w, h);
            } else if (type == QLatin1String("hflip")) {
                push(v, Map{-1, 0, vw, 0, 1, 0}, vw, vh);
            } else if (type == QLatin1String("vflip")) {
                push(v, Map{1, 0, 0, 0, -1, vh}, vw, vh);
            } else if (type == QLatin1String("rotate90")) {
                push(v, Map{0, 1, 0, -1, 0, vw}, vh, vw);
                push(v, Map{-1, 0, vw, 0, -1, vh}, vw, vh);
                push(v, Map{0, -1, vh, 1, 0, 0}, vh, vw);
            } else if (type == QLatin1String("rotate")) {
                const double m = static_cast<const Rotate *>(t)->maxDegrees;
                if (!mayPass)
                    next.push_back(v);
                push(v, aboutCentre(vw, vh, m, 1), vw, vh);
                push(v, aboutCentre(vw, vh, -m, 1), vw, vh);
            } else if (type == QLatin1String("scale")) {
                const auto *c = static_cast<const Scale *>(t);
                push(v, aboutCentre(vw, vh, 0, c->min), vw, vh);
                push(v, aboutCentre(vw, vh, 0, c->max), vw, vh);
            } else if (type == QLatin1String("translate")) {
                const double f = static_cast<const Translate *>(t)->maxFraction;
                const double dx = std::clamp(double(std::lround(f * vw)), 0.0, vw - 1);
                const double dy = std::clamp(double(std::lround(f * vh)), 0.0, vh - 1);
                if (!mayPass)
                    next.push_back(v);
                for (double sx : {-1.0, 1.0})
                    for (double sy : {-1.0, 1.0})
                        push(v, translation(sx * dx, sy * dy), vw, vh);
            } else {
                // Photometric steps and normalize leave the geometry alone.
                next.push_back(v);
            }
        }
        if (next.size() > kMaxVariants) {
            std::vector<Variant> thinned;
            const double stride = double(next.size()) / kMaxVariants;
            for (std::size_t k = 0; k < kMaxVariants; ++k)
                thinned.push_back(std::move(next[std::size_t(k * stride)]));
            next.swap(thinned);
        }
        variants.swap(next);
    }
    tr.finalSide.assign(n, -1);
    for (const Variant &v : variants)
        for (std::size_t i = 0; i < n; ++i) {
            if (v.objects[i].lost)
                continue;
            const double side = std::min(v.objects[i].w, v.objects[i].h);
            tr.finalSide[i] = tr.finalSide[i] < 0 ? side : std::min(tr.finalSide[i], side);
        }
    return tr;
}

QString stepName(const Pipeline &p, int index)
{
    return QStringLiteral("%1 (steps[%2])").arg(p.steps()[std::size_t(index)]->type()).arg(index);
}

QString fmt(double v, int decimals = 1)
{
    return QString::number(v, 'f', decimals);
}

/// Samples ordered by a score (lower first), without repeats.
std::vector<int> orderedSamples(std::vector<std::pair<double, int>> scored)
{
    std::sort(scored.begin(), scored.end());
    std::vector<int> out;
    std::set<int> seen;
    for (const auto &[score, sample] : scored)
        if (seen.insert(sample).second)
            out.push_back(sample);
    return out;
}

// ---------------------------------------------------------------------------------------------
// Saturation: measured on real pixels.

struct Probe {
    int sample;
    cv::Mat image;
    double clippedBefore; ///< share of values already at 0 or 255
};

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

/// A photometric extreme: its label and how to apply it at strength t ∈ [0, 1] (1 = the extreme).
struct Extreme {
    QString label;
    std::function<void(cv::Mat &image, double t)> apply;
    std::function<QString(double t)> value; ///< the parameter value at strength t, for the suggestion
};

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
double newlyClipped(const std::vector<Probe> &probes, const Extreme &e, double s, std::vector<double> *each = nullptr)
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

} // namespace

QString warningTitle(AugmentWarningKind kind)
{
    switch (kind) {
    case AugmentWarningKind::TinyObjects: return Text::tr("Objects too small");
    case AugmentWarningKind::Saturation: return Text::tr("Saturated pixels");
    case AugmentWarningKind::RotatedWide: return Text::tr("Wide images turned over");
    case AugmentWarningKind::BlurErases: return Text::tr("Blur erases small objects");
    case AugmentWarningKind::CropCutsObjects: return Text::tr("Objects cut out");
    }
    return {};
}

std::vector<AugmentWarning> advise(const Pipeline &pipeline, const Dataset &dataset, const DatasetStats &stats,
                                   const AdvisorOptions &options)
{
    (void)stats; // sizes come per object from the samples; stats stay in the signature for the UI's figures
    std::vector<AugmentWarning> out;
    const auto &steps = pipeline.steps();
    const int nSteps = int(steps.size());
    auto active = [&](int i) {
        const Transform *t = steps[std::size_t(i)].get();
        return t && t->enabled && !(t->isRandom() && t->probability <= 0);
    };

    // ---- Geometry, per image ------------------------------------------------------------
    struct PerImage {
        int sample;
        Trace trace;
        std::vector<double> originalSide;
        double aspect;
    };
    std::vector<PerImage> images;
    for (int i = 0; i < int(dataset.samples.size()); ++i) {
        const Sample &s = dataset.samples[std::size_t(i)];
        if (s.width <= 0 || s.height <= 0)
            continue;
        PerImage p;
        p.sample = i;
        p.trace = trace(steps, s.width, s.height, s.objects, options.cutShare);
        for (const Annotation &a : s.objects)
            p.originalSide.push_back(std::min(a.box.width(), a.box.height()));
        p.aspect = double(std::max(s.width, s.height)) / std::min(s.width, s.height);
        images.push_back(std::move(p));
    }
    int totalObjects = 0;
    for (const PerImage &p : images)
        totalObjects += int(p.originalSide.size());

    // Objects that end below the visible size.
    {
        int tiny = 0, alreadyTiny = 0;
        double smallest = 1e300, needFactor = 1.0;
        std::vector<std::pair<double, int>> scored;
        for (const PerImage &p : images)
            for (std::size_t k = 0; k < p.originalSide.size(); ++k) {
                const double side = p.trace.finalSide[k];
                if (side < 0 || side >= options.minObjectPx)
                    continue;
                ++tiny;
                smallest = std::min(smallest, side);
                scored.emplace_back(side, p.sample);
                if (p.originalSide[k] < options.minObjectPx)
                    ++alreadyTiny;
                else
                    needFactor = std::max(needFactor, options.minObjectPx / std::max(side, 1e-6));
            }
        if (tiny > alreadyTiny) {
            AugmentWarning w;
            w.kind = AugmentWarningKind::TinyObjects;
            w.count = tiny;
            w.samples = orderedSamples(scored);
            w.message = Text::tr("%1 of %2 objects in %3 images end smaller than %4×%4 px after the pipeline's "
                                 "resizing, cropping and scaling (smallest side %5 px)")
                            .arg(tiny)
                            .arg(totalObjects)
                            .arg(w.samples.size())
                            .arg(options.minObjectPx)
                            .arg(fmt(smallest, 2));
            if (alreadyTiny > 0)
                w.message += Text::tr("; %1 of them are already smaller in the original images").arg(alreadyTiny);
            int lastResize = -1;
            for (int i = 0; i < nSteps; ++i)
                if (active(i) && steps[std::size_t(i)]->type() == QLatin1String("resize"))
                    lastResize = i;
            w.step = lastResize;
            if (lastResize >= 0) {
                const auto *r = static_cast<const Resize *>(steps[std::size_t(lastResize)].get());
                const int current = std::max(r->width, r->height);
                // Rounded up to a multiple of 32, the stride most backbones want.
                const int needed = int(std::ceil(current * needFactor / 32.0)) * 32;
                int fullSide = 0;
                for (const PerImage &p : images)
                    if (std::find(w.samples.begin(), w.samples.end(), p.sample) != w.samples.end())
                        fullSide = std::max(fullSide, std::max(dataset.samples[std::size_t(p.sample)].width,
                                                               dataset.samples[std::size_t(p.sample)].height));
                if (fullSide > 0 && needed >= fullSide)
                    w.suggestion = Text::tr("Resizing cannot keep objects this small: they need the images' full "
                                            "resolution (%1 px). Crop the images to the region of interest, or tile "
                                            "them (e.g. 4×4 patches) instead of resizing.")
                                       .arg(fullSide);
                else
                    w.suggestion = Text::tr("Use a larger input (at least %1 px instead of %2), crop the images to the "
                                        "region of interest, or tile them (e.g. 4×4 patches) so the defects keep "
                                        "their pixels.")
                                   .arg(needed)
                                   .arg(current);
            } else {
                w.suggestion = Text::tr("Zoom out less, crop the images to the region of interest, or tile them "
                                        "(e.g. 4×4 patches).");
            }
            out.push_back(std::move(w));
        }
    }

    // ---- Saturation, on real pixels ----------------------------------------------------------
    {
        std::vector<int> photometric;
        for (int i = 0; i < nSteps; ++i)
            if (active(i) && !extremesOf(*steps[std::size_t(i)]).empty())
                photometric.push_back(i);
        const std::vector<Probe> probes =
            photometric.empty() ? std::vector<Probe>{} : probeImages(dataset, options.saturationImages);
        for (int i : photometric) {
            if (probes.empty())
                break;
            const Transform &t = *steps[std::size_t(i)];
            double worst = -1;
            const Extreme *worstExtreme = nullptr;
            std::vector<double> worstEach;
            std::vector<Extreme> extremes = extremesOf(t);
            for (const Extreme &e : extremes) {
                std::vector<double> each;
                const double share = newlyClipped(probes, e, 1.0, &each);
                if (share > worst) {
                    worst = share;
                    worstExtreme = &e;
                    worstEach = each;
                }
            }
            if (!worstExtreme || worst <= options.saturationShare)
                continue;
            // The strongest setting that stays under the limit, by bisection on the strength.
            double lo = 0, hi = 1;
            for (int it = 0; it < 12; ++it) {
                const double mid = (lo + hi) / 2;
                bool ok = true;
                for (const Extreme &e : extremes)
                    ok = ok && newlyClipped(probes, e, mid) <= options.saturationShare;
                (ok ? lo : hi) = mid;
            }
            AugmentWarning w;
            w.kind = AugmentWarningKind::Saturation;
            w.step = i;
            std::vector<std::pair<double, int>> scored;
            double most = 0;
            for (std::size_t k = 0; k < probes.size(); ++k) {
                most = std::max(most, worstEach[k]);
                if (worstEach[k] > options.saturationShare)
                    scored.emplace_back(-worstEach[k], probes[k].sample);
            }
            w.samples = orderedSamples(scored);
            w.count = int(w.samples.size());
            w.message = Text::tr("%1 at %2 turns %3% of the pixels pure black or white on average over %4 sampled "
                                 "images (up to %5% in one); %6 of them lose more than %7%")
                            .arg(stepName(pipeline, i), worstExtreme->label)
                            .arg(fmt(100 * worst, 0))
                            .arg(probes.size())
                            .arg(fmt(100 * most, 0))
                            .arg(w.count)
                            .arg(fmt(100 * options.saturationShare, 0));
            w.suggestion = Text::tr("Narrow the range to %1 or less, which keeps the clipped share under %2%.")
                               .arg(worstExtreme->value(lo), fmt(100 * options.saturationShare, 0));
            out.push_back(std::move(w));
        }
    }

    // ---- 90° turns of wide images -------------------------------------------------------------
    for (int i = 0; i < nSteps; ++i) {
        if (!active(i))
            continue;
        const Transform &t = *steps[std::size_t(i)];
        const bool turns = t.type() == QLatin1String("rotate90")
            || (t.type() == QLatin1String("rotate") && static_cast<const Rotate &>(t).maxDegrees >= options.rotateDegrees);
        if (!turns)
            continue;
        std::vector<std::pair<double, int>> scored;
        double widest = 0;
        for (const PerImage &p : images) {
            const double aspect = p.trace.aspectIn[std::size_t(i)];
            if (aspect + 1e-9 >= options.wideAspect) {
                scored.emplace_back(-aspect, p.sample);
                widest = std::max(widest, aspect);
            }
        }
        if (scored.empty())
            continue;
        AugmentWarning w;
        w.kind = AugmentWarningKind::RotatedWide;
        w.step = i;
        w.samples = orderedSamples(scored);
        w.count = int(w.samples.size());
        w.message = Text::tr("%1 turns %2 images with an aspect of %3:1 or more (up to %4:1) on their side, which drops "
                             "much of their detail")
                        .arg(stepName(pipeline, i))
                        .arg(w.count)
                        .arg(fmt(options.wideAspect, 0))
                        .arg(fmt(widest, 1));
        w.suggestion = Text::tr("Use flips instead, rotate by a few degrees at most, or tile the images into square "
                                "patches before turning them.");
        out.push_back(std::move(w));
    }

    // ---- Blur comparable to the smallest objects --------------------------------------------
    for (int i = 0; i < nSteps; ++i) {
        if (!active(i) || steps[std::size_t(i)]->type() != QLatin1String("gaussian_blur"))
            continue;
        const double sigma = static_cast<const GaussianBlur &>(*steps[std::size_t(i)]).maxSigma;
        if (sigma <= 0)
            continue;
        // A blur whose 2σ reaches half an object's shorter side smears it into the background.
        const double limit = 4.0 * sigma;
        std::vector<std::pair<double, int>> scored;
        double smallest = 1e300;
        int count = 0;
        for (const PerImage &p : images)
            for (double side : p.trace.sideIn[std::size_t(i)]) {
                if (side < 0 || side > limit)
                    continue;
                ++count;
                smallest = std::min(smallest, side);
                scored.emplace_back(side, p.sample);
            }
        if (count == 0)
            continue;
        AugmentWarning w;
        w.kind = AugmentWarningKind::BlurErases;
        w.step = i;
        w.count = count;
        w.samples = orderedSamples(scored);
        w.message = Text::tr("%1 with σ up to %2 px: %3 of %4 objects in %5 images are at most %6 px across at that "
                             "point (smallest %7 px), and a blur of 2σ ≥ half their size can erase them")
                        .arg(stepName(pipeline, i), fmt(sigma, 2))
                        .arg(count)
                        .arg(totalObjects)
                        .arg(w.samples.size())
                        .arg(fmt(limit, 1), fmt(smallest, 1));
        const double safe = std::floor(smallest / 4.0 * 10.0) / 10.0;
        w.suggestion = safe >= 0.3 ? Text::tr("Lower max_sigma to %1 px or less, or use a larger input.").arg(fmt(safe, 1))
                                   : Text::tr("Leave blur out for objects this small, or use a larger input.");
        out.push_back(std::move(w));
    }

    // ---- Crops and shifts that leave objects out ----------------------------------------------
    for (int i = 0; i < nSteps; ++i) {
        if (!active(i))
            continue;
        const Transform &t = *steps[std::size_t(i)];
        const QString type = t.type();
        // Every object leaves most tiles of a random grid; only those a tile edge cuts count.
        const bool randomTile = type == QLatin1String("tile") && t.isRandom();
        int lost = 0, cut = 0;
        std::vector<std::pair<double, int>> scored;
        for (const PerImage &p : images)
            for (int h : p.trace.harm[std::size_t(i)]) {
                const bool isLost = (h & Lost) && !randomTile;
                const bool isCut = (h & Cut) && !isLost;
                if (isLost)
                    ++lost;
                else if (isCut)
                    ++cut;
                else
                    continue;
                scored.emplace_back(isLost ? 0 : 1, p.sample);
            }
        if (lost + cut == 0)
            continue;
        AugmentWarning w;
        w.kind = AugmentWarningKind::CropCutsObjects;
        w.step = i;
        w.count = lost + cut;
        w.samples = orderedSamples(scored);
        w.message = Text::tr("%1 can leave %2 of %3 objects out of the image entirely and cut %4 more by over %5%, "
                             "in %6 images")
                        .arg(stepName(pipeline, i))
                        .arg(lost)
                        .arg(totalObjects)
                        .arg(cut)
                        .arg(fmt(100 * options.cutShare, 0))
                        .arg(w.samples.size());
        if (type == QLatin1String("random_crop"))
            w.suggestion = Text::tr("Crop larger (min_scale closer to 1), or crop to the region of interest first.");
        else if (type == QLatin1String("translate"))
            w.suggestion = Text::tr("Lower max_fraction, or crop to the region of interest with a margin first.");
        else if (type == QLatin1String("scale"))
            w.suggestion = Text::tr("Zoom in less (a lower max), or crop to the region of interest first.");
        else if (type == QLatin1String("tile"))
            w.suggestion = Text::tr("Use a coarser grid, or overlap the tiles by cropping with a margin.");
        else if (type == QLatin1String("rotate"))
            w.suggestion = Text::tr("Rotate by fewer degrees, or leave a margin around the region of interest.");
        else
            w.suggestion = Text::tr("Move or enlarge the crop so that it covers where the objects lie.");
        out.push_back(std::move(w));
    }
    return out;
}

} // namespace loupe
