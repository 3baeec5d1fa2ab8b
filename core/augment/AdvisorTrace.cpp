#include "augment/AdvisorTrace.h"

#include "augment/Transforms.h"

#include <QCoreApplication>

#include <opencv2/core.hpp>

#include <algorithm>
#include <cmath>
#include <set>


namespace loupe::advisor {

namespace {

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

} // namespace

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
                // The angle is drawn from [-max, max], and corners leave the frame most in between
                // (at 90° a square, at 180° any image maps onto itself): every 5° up to the limit,
                // and the limit. The angles of a smaller limit are among those of a larger one, so
                // the warning can only grow with the limit.
                const double m = std::min(180.0, std::abs(static_cast<const Rotate *>(t)->maxDegrees));
                if (!mayPass)
                    next.push_back(v);
                for (double a = 5; a < m; a += 5) {
                    push(v, aboutCentre(vw, vh, a, 1), vw, vh);
                    push(v, aboutCentre(vw, vh, -a, 1), vw, vh);
                }
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

} // namespace loupe::advisor
