#include "augment/TransformGeometry.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace loupe::transforms::detail {

namespace {

/// OpenCV's warps address pixel centres (pixel i at i); objects use edges (pixel i at i + 0.5).
Affine edgeAffine(const cv::Matx23d &m)
{
    const double a = m(0, 0), b = m(0, 1), d = m(1, 0), e = m(1, 1);
    return {a, b, m(0, 2) + 0.5 - 0.5 * (a + b), d, e, m(1, 2) + 0.5 - 0.5 * (d + e)};
}

cv::Mat decodeRle(const RleMask &rle, cv::Size imageSize)
{
    const int w = std::max(0, rle.width), h = std::max(0, rle.height);
    cv::Mat mask;
    if (w > 0 && h > 0) {
        // COCO runs are column-major: fill the transposed mask row by row, then turn it back.
        cv::Mat columns = cv::Mat::zeros(w, h, CV_8U);
        const std::size_t total = std::size_t(w) * std::size_t(h);
        std::size_t pos = 0;
        uchar *p = columns.data;
        for (std::size_t i = 0; i < rle.counts.size() && pos < total; ++i) {
            const std::size_t n = std::min<std::size_t>(rle.counts[i], total - pos);
            if (i % 2 == 1)
                std::memset(p + pos, 1, n);
            pos += n;
        }
        mask = columns.t();
    }
    if (mask.empty())
        return cv::Mat::zeros(imageSize, CV_8U);
    if (mask.size() != imageSize)
        cv::resize(mask, mask, imageSize, 0, 0, cv::INTER_NEAREST);
    return mask;
}

RleMask encodeRle(const cv::Mat &mask)
{
    RleMask rle;
    rle.width = mask.cols;
    rle.height = mask.rows;
    const cv::Mat columns = mask.t();
    const std::size_t total = columns.total();
    const uchar *p = columns.data;
    bool on = false;
    quint32 run = 0;
    for (std::size_t i = 0; i < total; ++i) {
        if ((p[i] != 0) != on) {
            rle.counts.push_back(run);
            run = 0;
            on = !on;
        }
        ++run;
    }
    rle.counts.push_back(run);
    return rle;
}

/// Sutherland–Hodgman against one edge of the image rectangle.
template <typename Inside, typename Cut>
std::vector<QPointF> clipEdge(const std::vector<QPointF> &in, Inside inside, Cut cut)
{
    std::vector<QPointF> out;
    out.reserve(in.size() + 4);
    for (std::size_t i = 0; i < in.size(); ++i) {
        const QPointF &cur = in[i];
        const QPointF &prev = in[(i + in.size() - 1) % in.size()];
        const bool ci = inside(cur), pi = inside(prev);
        if (ci) {
            if (!pi)
                out.push_back(cut(prev, cur));
            out.push_back(cur);
        } else if (pi) {
            out.push_back(cut(prev, cur));
        }
    }
    return out;
}

std::vector<QPointF> clipPolygon(std::vector<QPointF> pts, double w, double h)
{
    const auto atX = [](double x) {
        return [x](const QPointF &p, const QPointF &q) {
            const double t = (x - p.x()) / (q.x() - p.x());
            return QPointF(x, p.y() + t * (q.y() - p.y()));
        };
    };
    const auto atY = [](double y) {
        return [y](const QPointF &p, const QPointF &q) {
            const double t = (y - p.y()) / (q.y() - p.y());
            return QPointF(p.x() + t * (q.x() - p.x()), y);
        };
    };
    pts = clipEdge(pts, [](const QPointF &p) { return p.x() >= 0; }, atX(0));
    pts = clipEdge(pts, [w](const QPointF &p) { return p.x() <= w; }, atX(w));
    pts = clipEdge(pts, [](const QPointF &p) { return p.y() >= 0; }, atY(0));
    pts = clipEdge(pts, [h](const QPointF &p) { return p.y() <= h; }, atY(h));
    return pts;
}

double area(const std::vector<QPointF> &pts)
{
    double s = 0;
    for (std::size_t i = 0; i < pts.size(); ++i) {
        const QPointF &p = pts[i], &q = pts[(i + 1) % pts.size()];
        s += p.x() * q.y() - q.x() * p.y();
    }
    return std::abs(s) / 2;
}

int borderFlag(Border b)
{
    switch (b) {
    case Border::Reflect: return cv::BORDER_REFLECT_101;
    case Border::Replicate: return cv::BORDER_REPLICATE;
    case Border::Constant: return cv::BORDER_CONSTANT;
    }
    return cv::BORDER_CONSTANT;
}

} // namespace

void moveObjects(std::vector<Annotation> &objects, const Affine &m, cv::Size oldSize, cv::Size newSize,
                 const MaskOp &maskOp)
{
    if (objects.empty())
        return;
    const double W = newSize.width, H = newSize.height;
    const bool axisAligned = m.b == 0 && m.d == 0;
    std::vector<Annotation> kept;
    kept.reserve(objects.size());
    for (Annotation &a : objects) {
        const bool hadMask = a.hasMask();
        const bool hadArea = a.box.width() > 0 && a.box.height() > 0;

        double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
        const QRectF r = a.box.normalized();
        for (const QPointF &c : {r.topLeft(), r.topRight(), r.bottomLeft(), r.bottomRight()}) {
            const QPointF p = m.map(c.x(), c.y());
            x0 = std::min(x0, p.x());
            x1 = std::max(x1, p.x());
            y0 = std::min(y0, p.y());
            y1 = std::max(y1, p.y());
        }
        x0 = std::max(x0, 0.0);
        y0 = std::max(y0, 0.0);
        x1 = std::min(x1, W);
        y1 = std::min(y1, H);
        // A box with area must keep some; a point-like box must still lie on the image.
        if (hadArea ? (x0 >= x1 || y0 >= y1) : (x0 > x1 || y0 > y1))
            continue;

        std::vector<Polygon> polygons;
        // QRectF's union ignores zero-size rectangles, so the shape's bounds are kept by hand.
        double sx0 = 1e300, sy0 = 1e300, sx1 = -1e300, sy1 = -1e300;
        const auto extend = [&](double ax, double ay, double bx, double by) {
            sx0 = std::min(sx0, ax);
            sy0 = std::min(sy0, ay);
            sx1 = std::max(sx1, bx);
            sy1 = std::max(sy1, by);
        };
        for (const Polygon &poly : a.polygons) {
            std::vector<QPointF> pts;
            pts.reserve(poly.size() / 2);
            for (std::size_t i = 0; i + 1 < poly.size(); i += 2)
                pts.push_back(m.map(poly[i], poly[i + 1]));
            pts = clipPolygon(std::move(pts), W, H);
            if (pts.size() < 3 || area(pts) <= 0)
                continue;
            Polygon out;
            out.reserve(pts.size() * 2);
            for (const QPointF &p : pts) {
                out.push_back(p.x());
                out.push_back(p.y());
                extend(p.x(), p.y(), p.x(), p.y());
            }
            polygons.push_back(std::move(out));
        }

        RleMask rle;
        if (!a.rle.isEmpty()) {
            const cv::Mat moved = maskOp(decodeRle(a.rle, oldSize));
            const cv::Rect nz = cv::boundingRect(moved);
            if (nz.area() > 0) {
                rle = encodeRle(moved);
                extend(nz.x, nz.y, nz.x + nz.width, nz.y + nz.height);
            }
        }
        if (hadMask && polygons.empty() && rle.isEmpty())
            continue;

        QRectF box(QPointF(x0, y0), QPointF(x1, y1));
        if (!axisAligned && hadMask) {
            // Turned corners overstate the object; its shape says where it really is.
            const QRectF tight = box & QRectF(QPointF(sx0, sy0), QPointF(sx1, sy1));
            if (tight.width() > 0 && tight.height() > 0)
                box = tight;
        }
        a.box = box;
        a.polygons = std::move(polygons);
        a.rle = std::move(rle);
        kept.push_back(std::move(a));
    }
    objects = std::move(kept);
}

void moveLabels(AugmentedImage &img, const MaskOp &maskOp)
{
    if (img.labels.empty())
        return;
    // Mask operations fill with 0; shifted by one (255 → 0), that fill reads back as "ignored".
    static const cv::Mat up = [] {
        cv::Mat t(1, 256, CV_8U);
        for (int v = 0; v < 256; ++v)
            t.at<uchar>(v) = uchar((v + 1) & 0xff);
        return t;
    }();
    static const cv::Mat down = [] {
        cv::Mat t(1, 256, CV_8U);
        for (int v = 0; v < 256; ++v)
            t.at<uchar>(v) = uchar((v + 255) & 0xff);
        return t;
    }();
    cv::Mat shifted;
    cv::LUT(img.labels, up, shifted);
    const cv::Mat moved = maskOp(shifted);
    // Into a new buffer: the old one may be the caller's, which a step never writes to.
    cv::Mat labels;
    cv::LUT(moved, down, labels);
    img.labels = labels;
}

cv::Mat cropPadded(const cv::Mat &src, const cv::Rect &r, double fill)
{
    const cv::Rect inside = r & cv::Rect(0, 0, src.cols, src.rows);
    if (inside == r)
        return src(r);
    cv::Mat out(r.size(), src.type(), cv::Scalar::all(fill));
    if (inside.area() > 0)
        src(inside).copyTo(out(cv::Rect(inside.x - r.x, inside.y - r.y, inside.width, inside.height)));
    return out;
}

void applyCrop(AugmentedImage &img, const cv::Rect &r, AppliedStep &applied)
{
    const cv::Size oldSize = img.image.size();
    img.image = cropPadded(img.image, r, 0);
    const MaskOp op = [r](const cv::Mat &mask) { return cropPadded(mask, r, 0); };
    moveObjects(img.objects, Affine{1, 0, double(-r.x), 0, 1, double(-r.y)}, oldSize, r.size(), op);
    moveLabels(img, op);
    applied.params.insert(QStringLiteral("x"), r.x);
    applied.params.insert(QStringLiteral("y"), r.y);
    applied.params.insert(QStringLiteral("width"), r.width);
    applied.params.insert(QStringLiteral("height"), r.height);
}

void applyWarp(AugmentedImage &img, const cv::Matx23d &m, int interpolation, Border border, double value)
{
    const cv::Size size = img.image.size();
    cv::Mat out;
    cv::warpAffine(img.image, out, m, size, interpolation, borderFlag(border), cv::Scalar::all(value));
    img.image = out;
    const MaskOp op = [&](const cv::Mat &mask) {
        cv::Mat moved;
        cv::warpAffine(mask, moved, m, size, cv::INTER_NEAREST, cv::BORDER_CONSTANT, cv::Scalar(0));
        return moved;
    };
    moveObjects(img.objects, edgeAffine(m), size, size, op);
    moveLabels(img, op);
}

cv::Matx23d aboutCentre(cv::Size size, double degrees, double scale)
{
    const double rad = degrees * 3.14159265358979323846 / 180.0;
    const double alpha = scale * std::cos(rad), beta = scale * std::sin(rad);
    const double cx = (size.width - 1) / 2.0, cy = (size.height - 1) / 2.0;
    return {alpha, beta, (1 - alpha) * cx - beta * cy, -beta, alpha, beta * cx + (1 - alpha) * cy};
}

void flip(AugmentedImage &img, int code)
{
    const cv::Size size = img.image.size();
    cv::Mat out;
    cv::flip(img.image, out, code);
    img.image = out;
    const double W = size.width, H = size.height;
    const Affine m = code == 1 ? Affine{-1, 0, W, 0, 1, 0} : Affine{1, 0, 0, 0, -1, H};
    const MaskOp op = [code](const cv::Mat &mask) {
        cv::Mat moved;
        cv::flip(mask, moved, code);
        return moved;
    };
    moveObjects(img.objects, m, size, size, op);
    moveLabels(img, op);
}

} // namespace loupe::transforms::detail
