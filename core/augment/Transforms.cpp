#include "augment/Transforms.h"

#include "augment/Random.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <optional>

namespace loupe::transforms {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::Pipeline)
};

// ---------------------------------------------------------------------------------------------
// Geometry shared by the steps that move pixels.

/// x' = a·x + b·y + c, y' = d·x + e·y + f, in pixel-edge coordinates.
struct Affine {
    double a = 1, b = 0, c = 0, d = 0, e = 1, f = 0;
    QPointF map(double x, double y) const { return {a * x + b * y + c, d * x + e * y + f}; }
};

/// OpenCV's warps address pixel centres (pixel i at i); objects use edges (pixel i at i + 0.5).
Affine edgeAffine(const cv::Matx23d &m)
{
    const double a = m(0, 0), b = m(0, 1), d = m(1, 0), e = m(1, 1);
    return {a, b, m(0, 2) + 0.5 - 0.5 * (a + b), d, e, m(1, 2) + 0.5 - 0.5 * (d + e)};
}

using MaskOp = std::function<cv::Mat(const cv::Mat &)>;

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

/// Moves every object with the map the pixels went through, clips it to the new image and
/// drops what is gone (see the rules in Transforms.h).
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

/// In-place steps must not write into the caller's image (or a view of it): copy when shared.
void makeWritable(cv::Mat &m)
{
    if (!m.u || m.u->refcount > 1)
        m = m.clone();
}

/// A rectangle of the image, as a view when it lies inside, else padded with `fill`.
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
    moveObjects(img.objects, Affine{1, 0, double(-r.x), 0, 1, double(-r.y)}, oldSize, r.size(),
                [r](const cv::Mat &mask) { return cropPadded(mask, r, 0); });
    applied.params.insert(QStringLiteral("x"), r.x);
    applied.params.insert(QStringLiteral("y"), r.y);
    applied.params.insert(QStringLiteral("width"), r.width);
    applied.params.insert(QStringLiteral("height"), r.height);
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

/// warpAffine with a pixel-centre matrix; objects and masks follow.
void applyWarp(AugmentedImage &img, const cv::Matx23d &m, int interpolation, Border border, double value)
{
    const cv::Size size = img.image.size();
    cv::Mat out;
    cv::warpAffine(img.image, out, m, size, interpolation, borderFlag(border), cv::Scalar::all(value));
    img.image = out;
    moveObjects(img.objects, edgeAffine(m), size, size, [&](const cv::Mat &mask) {
        cv::Mat moved;
        cv::warpAffine(mask, moved, m, size, cv::INTER_NEAREST, cv::BORDER_CONSTANT, cv::Scalar(0));
        return moved;
    });
}

/// Rotation and zoom about the image centre ((w−1)/2, (h−1)/2 in OpenCV's pixel-centre terms).
cv::Matx23d aboutCentre(cv::Size size, double degrees, double scale)
{
    const double rad = degrees * 3.14159265358979323846 / 180.0;
    const double alpha = scale * std::cos(rad), beta = scale * std::sin(rad);
    const double cx = (size.width - 1) / 2.0, cy = (size.height - 1) / 2.0;
    return {alpha, beta, (1 - alpha) * cx - beta * cy, -beta, alpha, beta * cx + (1 - alpha) * cy};
}

/// One pass through a 256-entry table; in place on a writable image.
void applyTable(cv::Mat &image, const cv::Mat &table)
{
    makeWritable(image);
    cv::LUT(image, table, image);
}

void requireBytes(const cv::Mat &image, const QString &type)
{
    if (image.depth() != CV_8U)
        throw PipelineError(type, Text::tr("expected an 8-bit image; steps after normalize are not supported"));
}

/// The common start of every apply: records the step, says whether it runs.
bool start(const Transform &t, std::uint64_t &state, AppliedStep &applied)
{
    applied.type = t.type();
    applied.params.clear();
    applied.applied = false;
    if (!t.enabled)
        return false;
    if (t.isRandom()) {
        Random rng(state);
        if (!rng.chance(t.probability))
            return false;
    }
    applied.applied = true;
    return true;
}

// ---------------------------------------------------------------------------------------------
// JSON reading: every refusal names the path and what was expected.

QString describe(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: return QString::number(v.toDouble(), 'g', 17);
    case QJsonValue::String: return QLatin1Char('"') + v.toString() + QLatin1Char('"');
    case QJsonValue::Array: return Text::tr("a list");
    case QJsonValue::Object: return Text::tr("an object");
    case QJsonValue::Undefined: break;
    }
    return Text::tr("nothing");
}

QString num(double v)
{
    return QString::number(v, 'g', 10);
}

class StepReader
{
public:
    StepReader(const QJsonObject &object, const QString &path, const QString &type)
        : m_object(object)
        , m_path(path)
        , m_type(type)
    {
        m_read.insert(QStringLiteral("type"));
    }

    QString at(const QString &key) const { return m_path + QLatin1Char('.') + key; }
    bool has(const QString &key) const { return m_object.contains(key); }

    [[noreturn]] void fail(const QString &key, const QString &problem) const { throw PipelineError(at(key), problem); }

    int integer(const QString &key, int lo, int hi, std::optional<int> fallback = std::nullopt)
    {
        const QString expected = Text::tr("expected a whole number from %1 to %2").arg(lo).arg(hi);
        const QJsonValue v = take(key);
        if (v.isUndefined()) {
            if (fallback)
                return *fallback;
            fail(key, Text::tr("missing; %1").arg(expected));
        }
        const double d = v.toDouble();
        if (!v.isDouble() || d != std::floor(d) || d < lo || d > hi)
            fail(key, Text::tr("%1, found %2").arg(expected, describe(v)));
        return int(d);
    }

    /// A number in [lo, hi] (or (lo, hi] when `openLow`).
    double number(const QString &key, double lo, double hi, std::optional<double> fallback = std::nullopt,
                  bool openLow = false)
    {
        const QString expected = openLow ? Text::tr("expected a number above %1 and at most %2").arg(num(lo), num(hi))
                                         : Text::tr("expected a number from %1 to %2").arg(num(lo), num(hi));
        const QJsonValue v = take(key);
        if (v.isUndefined()) {
            if (fallback)
                return *fallback;
            fail(key, Text::tr("missing; %1").arg(expected));
        }
        const double d = v.toDouble();
        if (!v.isDouble() || !std::isfinite(d) || d > hi || (openLow ? d <= lo : d < lo))
            fail(key, Text::tr("%1, found %2").arg(expected, describe(v)));
        return d;
    }

    bool boolean(const QString &key, bool fallback)
    {
        const QJsonValue v = take(key);
        if (v.isUndefined())
            return fallback;
        if (!v.isBool())
            fail(key, Text::tr("expected true or false, found %1").arg(describe(v)));
        return v.toBool();
    }

    int choice(const QString &key, const QStringList &options, int fallback)
    {
        const QJsonValue v = take(key);
        if (v.isUndefined())
            return fallback;
        const int i = v.isString() ? int(options.indexOf(v.toString())) : -1;
        if (i < 0)
            fail(key, Text::tr("expected one of %1, found %2").arg(options.join(QStringLiteral(", ")), describe(v)));
        return i;
    }

    std::vector<double> numbers(const QString &key, double lo, double hi, bool openLow)
    {
        const QString expected = Text::tr("expected a list of 1 to 4 numbers (one per channel, RGB order)");
        const QJsonValue v = take(key);
        if (v.isUndefined())
            fail(key, Text::tr("missing; %1").arg(expected));
        const QJsonArray a = v.toArray();
        if (!v.isArray() || a.isEmpty() || a.size() > 4)
            fail(key, Text::tr("%1, found %2").arg(expected, describe(v)));
        std::vector<double> out;
        for (int i = 0; i < a.size(); ++i) {
            const double d = a[i].toDouble();
            if (!a[i].isDouble() || !std::isfinite(d) || d > hi || (openLow ? d <= lo : d < lo)) {
                const QString range = openLow ? Text::tr("expected a number above %1 and at most %2").arg(num(lo), num(hi))
                                              : Text::tr("expected a number from %1 to %2").arg(num(lo), num(hi));
                throw PipelineError(at(key) + QStringLiteral("[%1]").arg(i),
                                    Text::tr("%1, found %2").arg(range, describe(a[i])));
            }
            out.push_back(d);
        }
        return out;
    }

    /// `enabled` for every step; `probability` only where the step is random.
    void common(Transform &t)
    {
        t.enabled = boolean(QStringLiteral("enabled"), true);
        if (t.isRandom()) {
            t.probability = number(QStringLiteral("probability"), 0, 1, t.probability);
        } else if (has(QStringLiteral("probability"))) {
            const QJsonValue v = m_object.value(QStringLiteral("probability"));
            if (!(v.isDouble() && v.toDouble() == 1.0))
                fail(QStringLiteral("probability"),
                     Text::tr("%1 always applies (it is not a random step); expected 1 or no probability, found %2")
                         .arg(m_type, describe(v)));
            take(QStringLiteral("probability"));
        }
    }

    void requireOrdered(const QString &lowKey, double low, const QString &highKey, double high) const
    {
        if (high < low)
            fail(highKey, Text::tr("expected at least %1 (the value of %2), found %3").arg(num(low), lowKey, num(high)));
    }

    /// Refuses fields the step does not know (a typo would otherwise be ignored silently).
    void finish() const
    {
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            if (!m_read.contains(it.key())) {
                QStringList known(m_read.begin(), m_read.end());
                known.removeAll(QStringLiteral("type"));
                known.sort();
                fail(it.key(), Text::tr("unknown field; %1 takes %2").arg(m_type, known.join(QStringLiteral(", "))));
            }
        }
    }

    /// Marks a field as known without reading it (for the field list in errors).
    void know(const QString &key) { m_read.insert(key); }

private:
    QJsonValue take(const QString &key)
    {
        m_read.insert(key);
        return m_object.value(key);
    }

    QJsonObject m_object;
    QString m_path;
    QString m_type;
    QSet<QString> m_read;
};

const QStringList &borderNames()
{
    static const QStringList names{QStringLiteral("reflect"), QStringLiteral("replicate"), QStringLiteral("constant")};
    return names;
}

const QStringList &interpolationNames()
{
    static const QStringList names{QStringLiteral("auto"), QStringLiteral("nearest"), QStringLiteral("linear"),
                                   QStringLiteral("cubic"), QStringLiteral("area")};
    return names;
}

constexpr int kMaxSide = 16384; // larger outputs are a typo, not a training input

QJsonObject begin(const Transform &t)
{
    QJsonObject o{{QStringLiteral("type"), t.type()}, {QStringLiteral("enabled"), t.enabled}};
    if (t.isRandom())
        o.insert(QStringLiteral("probability"), t.probability);
    return o;
}

QJsonArray toArray(const std::vector<double> &v)
{
    QJsonArray a;
    for (double d : v)
        a.append(d);
    return a;
}

QVariantList toList(const std::vector<double> &v)
{
    QVariantList a;
    for (double d : v)
        a.append(d);
    return a;
}

void readBorder(StepReader &r, Border &border, double &value)
{
    border = Border(r.choice(QStringLiteral("border"), borderNames(), int(border)));
    value = r.number(QStringLiteral("border_value"), 0, 255, value);
}

void writeBorder(QJsonObject &o, Border border, double value)
{
    o.insert(QStringLiteral("border"), borderNames().at(int(border)));
    o.insert(QStringLiteral("border_value"), value);
}

template <typename T>
std::shared_ptr<Transform> make(StepReader &r, void (*read)(StepReader &, T &))
{
    auto t = std::make_shared<T>();
    read(r, *t);
    r.common(*t);
    r.finish();
    return t;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Deterministic steps.

void Resize::apply(AugmentedImage &img, std::uint64_t &rngState, AppliedStep &applied) const
{
    if (!start(*this, rngState, applied))
        return;
    const cv::Size oldSize = img.image.size();
    const int W = oldSize.width, H = oldSize.height;
    int nw = width, nh = height, ox = 0, oy = 0;
    if (keepAspect) {
        const double s = std::min(double(width) / W, double(height) / H);
        nw = std::clamp(int(std::lround(W * s)), 1, width);
        nh = std::clamp(int(std::lround(H * s)), 1, height);
        ox = (width - nw) / 2;
        oy = (height - nh) / 2;
    }
    int flag = cv::INTER_LINEAR;
    switch (interpolation) {
    case Interpolation::Auto: flag = (nw <= W && nh <= H) ? cv::INTER_AREA : cv::INTER_LINEAR; break;
    case Interpolation::Nearest: flag = cv::INTER_NEAREST; break;
    case Interpolation::Linear: flag = cv::INTER_LINEAR; break;
    case Interpolation::Cubic: flag = cv::INTER_CUBIC; break;
    case Interpolation::Area: flag = cv::INTER_AREA; break;
    }
    const cv::Rect place(ox, oy, nw, nh);
    const cv::Size outSize(width, height);
    // Resizing into a view of the padded canvas spares a copy; same size is no work at all.
    const auto resizeInto = [&](const cv::Mat &src, int interp, double fill) {
        if (src.size() == outSize && place.size() == outSize)
            return src;
        cv::Mat out;
        if (place.size() == outSize) {
            cv::resize(src, out, outSize, 0, 0, interp);
        } else {
            out.create(outSize, src.type());
            out.setTo(cv::Scalar::all(fill));
            cv::Mat roi = out(place);
            cv::resize(src, roi, place.size(), 0, 0, interp);
        }
        return out;
    };
    img.image = resizeInto(img.image, flag, padValue);
    // OpenCV's resize maps pixel edges linearly (half-pixel centres), so boxes scale exactly.
    const double sx = double(nw) / W, sy = double(nh) / H;
    moveObjects(img.objects, Affine{sx, 0, double(ox), 0, sy, double(oy)}, oldSize, outSize,
                [&](const cv::Mat &mask) { return resizeInto(mask, cv::INTER_NEAREST, 0); });
    applied.params.insert(QStringLiteral("width"), width);
    applied.params.insert(QStringLiteral("height"), height);
    applied.params.insert(QStringLiteral("scale_x"), sx);
    applied.params.insert(QStringLiteral("scale_y"), sy);
    applied.params.insert(QStringLiteral("offset_x"), ox);
    applied.params.insert(QStringLiteral("offset_y"), oy);
}

QJsonObject Resize::toJson() const
{
    QJsonObject o = begin(*this);
    o.insert(QStringLiteral("width"), width);
    o.insert(QStringLiteral("height"), height);
    o.insert(QStringLiteral("keep_aspect"), keepAspect);
    o.insert(QStringLiteral("pad_value"), padValue);
    o.insert(QStringLiteral("interpolation"), interpolationNames().at(int(interpolation)));
    return o;
}

void Crop::apply(AugmentedImage &img, std::uint64_t &rngState, AppliedStep &applied) const
{
    if (start(*this, rngState, applied))
        applyCrop(img, cv::Rect(x, y, width, height), applied);
}

QJsonObject Crop::toJson() const
{
    QJsonObject o = begin(*this);
    o.insert(QStringLiteral("x"), x);
    o.insert(QStringLiteral("y"), y);
    o.insert(QStringLiteral("width"), width);
    o.insert(QStringLiteral("height"), height);
    return o;
}

void CenterCrop::apply(AugmentedImage &img, std::uint64_t &rngState, AppliedStep &applied) const
{
    if (!start(*this, rngState, applied))
        return;
    const int x = int(std::floor((img.image.cols - width) / 2.0));
    const int y = int(std::floor((img.image.rows - height) / 2.0));
    applyCrop(img, cv::Rect(x, y, width, height), applied);
}

QJsonObject CenterCrop::toJson() const
{
    QJsonObject o = begin(*this);
    o.insert(QStringLiteral("width"), width);
    o.insert(QStringLiteral("height"), height);
    return o;
}

void Tile::apply(AugmentedImage &img, std::uint64_t &rngState, AppliedStep &applied) const
{
    if (!start(*this, rngState, applied))
        return;
    const int gridRows = std::max(1, rows), gridCols = std::max(1, cols);
    const int n = gridRows * gridCols;
    int k = std::clamp(index, 0, n - 1);
    if (random) {
        Random rng(rngState);
        k = rng.uniformInt(0, n - 1);
    }
    const int r = k / gridCols, c = k % gridCols;
    const qint64 W = img.image.cols, H = img.image.rows;
    const int x0 = int(c * W / gridCols), x1 = int((c + 1) * W / gridCols);
    const int y0 = int(r * H / gridRows), y1 = int((r + 1) * H / gridRows);
    // A grid finer than the image would give empty patches; keep at least one pixel.
    applyCrop(img, cv::Rect(x0, y0, std::max(1, x1 - x0), std::max(1, y1 - y0)), applied);
    applied.params.insert(QStringLiteral("index"), k);
    applied.params.insert(QStringLiteral("row"), r);
    applied.params.insert(QStringLiteral("col"), c);
}

QJsonObject Tile::toJson() const
{
    QJsonObject o = begin(*this);
    o.insert(QStringLiteral("rows"), rows);
    o.insert(QStringLiteral("cols"), cols);
    o.insert(QStringLiteral("index"), index);
    o.insert(QStringLiteral("random"), random);
    return o;
}

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

// ---------------------------------------------------------------------------------------------
// Random steps.

void RandomCrop::apply(AugmentedImage &img, std::uint64_t &rngState, AppliedStep &applied) const
{
    if (!start(*this, rngState, applied))
        return;
    Random rng(rngState);
    const int W = img.image.cols, H = img.image.rows;
    int w = width, h = height;
    if (w <= 0 || h <= 0) {
        const double s = rng.uniform(minScale, maxScale);
        w = std::max(1, int(std::lround(W * s)));
        h = std::max(1, int(std::lround(H * s)));
        applied.params.insert(QStringLiteral("scale"), s);
    }
    // Negative offsets place a smaller image somewhere inside the padded crop.
    const int x = rng.uniformInt(std::min(0, W - w), std::max(0, W - w));
    const int y = rng.uniformInt(std::min(0, H - h), std::max(0, H - h));
    applyCrop(img, cv::Rect(x, y, w, h), applied);
}

QJsonObject RandomCrop::toJson() const
{
    QJsonObject o = begin(*this);
    if (width > 0 && height > 0) {
        o.insert(QStringLiteral("width"), width);
        o.insert(QStringLiteral("height"), height);
    } else {
        o.insert(QStringLiteral("min_scale"), minScale);
        o.insert(QStringLiteral("max_scale"), maxScale);
    }
    return o;
}

namespace {

void flip(AugmentedImage &img, int code)
{
    const cv::Size size = img.image.size();
    cv::Mat out;
    cv::flip(img.image, out, code);
    img.image = out;
    const double W = size.width, H = size.height;
    const Affine m = code == 1 ? Affine{-1, 0, W, 0, 1, 0} : Affine{1, 0, 0, 0, -1, H};
    moveObjects(img.objects, m, size, size, [code](const cv::Mat &mask) {
        cv::Mat moved;
        cv::flip(mask, moved, code);
        return moved;
    });
}

} // namespace

void HorizontalFlip::apply(AugmentedImage &img, std::uint64_t &rngState, AppliedStep &applied) const
{
    if (start(*this, rngState, applied))
        flip(img, 1);
}

QJsonObject HorizontalFlip::toJson() const
{
    return begin(*this);
}

void VerticalFlip::apply(AugmentedImage &img, std::uint64_t &rngState, AppliedStep &applied) const
{
    if (start(*this, rngState, applied))
        flip(img, 0);
}

QJsonObject VerticalFlip::toJson() const
{
    return begin(*this);
}

void Rotate90::apply(AugmentedImage &img, std::uint64_t &rngState, AppliedStep &applied) const
{
    if (!start(*this, rngState, applied))
        return;
    Random rng(rngState);
    const int k = rng.uniformInt(1, 3);
    const cv::Size size = img.image.size();
    const double W = size.width, H = size.height;
    int code = cv::ROTATE_180;
    Affine m{-1, 0, W, 0, -1, H};
    cv::Size outSize = size;
    if (k == 1) {
        code = cv::ROTATE_90_COUNTERCLOCKWISE; // (x, y) → (y, W − x)
        m = Affine{0, 1, 0, -1, 0, W};
        outSize = cv::Size(size.height, size.width);
    } else if (k == 3) {
        code = cv::ROTATE_90_CLOCKWISE; // (x, y) → (H − y, x)
        m = Affine{0, -1, H, 1, 0, 0};
        outSize = cv::Size(size.height, size.width);
    }
    cv::Mat out;
    cv::rotate(img.image, out, code);
    img.image = out;
    moveObjects(img.objects, m, size, outSize, [code](const cv::Mat &mask) {
        cv::Mat moved;
        cv::rotate(mask, moved, code);
        return moved;
    });
    applied.params.insert(QStringLiteral("k"), k);
    applied.params.insert(QStringLiteral("degrees"), 90 * k);
}

QJsonObject Rotate90::toJson() const
{
    return begin(*this);
}

void Rotate::apply(AugmentedImage &img, std::uint64_t &rngState, AppliedStep &applied) const
{
    if (!start(*this, rngState, applied))
        return;
    Random rng(rngState);
    const double degrees = rng.uniform(-maxDegrees, maxDegrees);
    applyWarp(img, aboutCentre(img.image.size(), degrees, 1.0), cv::INTER_LINEAR, border, borderValue);
    applied.params.insert(QStringLiteral("degrees"), degrees);
}

QJsonObject Rotate::toJson() const
{
    QJsonObject o = begin(*this);
    o.insert(QStringLiteral("max_degrees"), maxDegrees);
    writeBorder(o, border, borderValue);
    return o;
}

void Scale::apply(AugmentedImage &img, std::uint64_t &rngState, AppliedStep &applied) const
{
    if (!start(*this, rngState, applied))
        return;
    Random rng(rngState);
    const double factor = rng.uniform(min, max);
    applyWarp(img, aboutCentre(img.image.size(), 0, factor), cv::INTER_LINEAR, border, borderValue);
    applied.params.insert(QStringLiteral("factor"), factor);
}

QJsonObject Scale::toJson() const
{
    QJsonObject o = begin(*this);
    o.insert(QStringLiteral("min"), min);
    o.insert(QStringLiteral("max"), max);
    writeBorder(o, border, borderValue);
    return o;
}

void Translate::apply(AugmentedImage &img, std::uint64_t &rngState, AppliedStep &applied) const
{
    if (!start(*this, rngState, applied))
        return;
    Random rng(rngState);
    const int W = img.image.cols, H = img.image.rows;
    const int dx = std::clamp(int(std::lround(rng.uniform(-maxFraction, maxFraction) * W)), -(W - 1), W - 1);
    const int dy = std::clamp(int(std::lround(rng.uniform(-maxFraction, maxFraction) * H)), -(H - 1), H - 1);
    // Nearest neighbour at whole-pixel offsets copies pixels exactly.
    applyWarp(img, cv::Matx23d(1, 0, dx, 0, 1, dy), cv::INTER_NEAREST, border, borderValue);
    applied.params.insert(QStringLiteral("dx"), dx);
    applied.params.insert(QStringLiteral("dy"), dy);
}

QJsonObject Translate::toJson() const
{
    QJsonObject o = begin(*this);
    o.insert(QStringLiteral("max_fraction"), maxFraction);
    writeBorder(o, border, borderValue);
    return o;
}

void Brightness::apply(AugmentedImage &img, std::uint64_t &rngState, AppliedStep &applied) const
{
    if (!start(*this, rngState, applied))
        return;
    requireBytes(img.image, type());
    Random rng(rngState);
    const double delta = rng.uniform(-maxDelta, maxDelta);
    cv::Mat table(1, 256, CV_8U);
    for (int v = 0; v < 256; ++v)
        table.data[v] = cv::saturate_cast<uchar>(v + delta * 255.0);
    applyTable(img.image, table);
    applied.params.insert(QStringLiteral("delta"), delta);
}

QJsonObject Brightness::toJson() const
{
    QJsonObject o = begin(*this);
    o.insert(QStringLiteral("max_delta"), maxDelta);
    return o;
}

void Contrast::apply(AugmentedImage &img, std::uint64_t &rngState, AppliedStep &applied) const
{
    if (!start(*this, rngState, applied))
        return;
    requireBytes(img.image, type());
    Random rng(rngState);
    const double factor = rng.uniform(min, max);
    const cv::Scalar means = cv::mean(img.image);
    double m = 0;
    for (int c = 0; c < img.image.channels(); ++c)
        m += means[c];
    m /= img.image.channels();
    cv::Mat table(1, 256, CV_8U);
    for (int v = 0; v < 256; ++v)
        table.data[v] = cv::saturate_cast<uchar>(m + factor * (v - m));
    applyTable(img.image, table);
    applied.params.insert(QStringLiteral("factor"), factor);
}

QJsonObject Contrast::toJson() const
{
    QJsonObject o = begin(*this);
    o.insert(QStringLiteral("min"), min);
    o.insert(QStringLiteral("max"), max);
    return o;
}

void Gamma::apply(AugmentedImage &img, std::uint64_t &rngState, AppliedStep &applied) const
{
    if (!start(*this, rngState, applied))
        return;
    requireBytes(img.image, type());
    Random rng(rngState);
    const double gamma = rng.uniform(min, max);
    cv::Mat table(1, 256, CV_8U);
    for (int v = 0; v < 256; ++v)
        table.data[v] = cv::saturate_cast<uchar>(255.0 * std::pow(v / 255.0, gamma));
    applyTable(img.image, table);
    applied.params.insert(QStringLiteral("gamma"), gamma);
}

QJsonObject Gamma::toJson() const
{
    QJsonObject o = begin(*this);
    o.insert(QStringLiteral("min"), min);
    o.insert(QStringLiteral("max"), max);
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

// ---------------------------------------------------------------------------------------------
// The JSON form of each step.

namespace {

void readResize(StepReader &r, Resize &t)
{
    t.width = r.integer(QStringLiteral("width"), 1, kMaxSide);
    t.height = r.integer(QStringLiteral("height"), 1, kMaxSide);
    t.keepAspect = r.boolean(QStringLiteral("keep_aspect"), false);
    t.padValue = r.number(QStringLiteral("pad_value"), 0, 255, 0.0);
    t.interpolation = Interpolation(r.choice(QStringLiteral("interpolation"), interpolationNames(), 0));
}

void readCrop(StepReader &r, Crop &t)
{
    t.x = r.integer(QStringLiteral("x"), 0, 1 << 20);
    t.y = r.integer(QStringLiteral("y"), 0, 1 << 20);
    t.width = r.integer(QStringLiteral("width"), 1, kMaxSide);
    t.height = r.integer(QStringLiteral("height"), 1, kMaxSide);
}

void readCenterCrop(StepReader &r, CenterCrop &t)
{
    t.width = r.integer(QStringLiteral("width"), 1, kMaxSide);
    t.height = r.integer(QStringLiteral("height"), 1, kMaxSide);
}

void readTile(StepReader &r, Tile &t)
{
    t.rows = r.integer(QStringLiteral("rows"), 1, 64);
    t.cols = r.integer(QStringLiteral("cols"), 1, 64);
    t.random = r.boolean(QStringLiteral("random"), false);
    t.index = r.integer(QStringLiteral("index"), 0, t.rows * t.cols - 1, t.random ? std::optional<int>(0) : std::nullopt);
}

void readNormalize(StepReader &r, Normalize &t)
{
    t.mean = r.numbers(QStringLiteral("mean"), -1000, 1000, false);
    t.stdDev = r.numbers(QStringLiteral("std"), 0, 1000, true);
    if (t.stdDev.size() != t.mean.size())
        r.fail(QStringLiteral("std"),
               Text::tr("expected %1 values, as many as mean has, found %2").arg(t.mean.size()).arg(t.stdDev.size()));
}

void readRandomCrop(StepReader &r, RandomCrop &t)
{
    const bool bySize = r.has(QStringLiteral("width")) || r.has(QStringLiteral("height"));
    const bool byScale = r.has(QStringLiteral("min_scale")) || r.has(QStringLiteral("max_scale"));
    if (bySize && byScale)
        r.fail(r.has(QStringLiteral("min_scale")) ? QStringLiteral("min_scale") : QStringLiteral("max_scale"),
               Text::tr("expected either width and height or min_scale and max_scale, not both"));
    if (bySize || !byScale) {
        t.width = r.integer(QStringLiteral("width"), 1, kMaxSide);
        t.height = r.integer(QStringLiteral("height"), 1, kMaxSide);
        r.know(QStringLiteral("min_scale"));
        r.know(QStringLiteral("max_scale"));
    } else {
        t.width = t.height = 0;
        t.minScale = r.number(QStringLiteral("min_scale"), 0, 1, std::nullopt, true);
        t.maxScale = r.number(QStringLiteral("max_scale"), 0, 1, std::nullopt, true);
        r.requireOrdered(QStringLiteral("min_scale"), t.minScale, QStringLiteral("max_scale"), t.maxScale);
        r.know(QStringLiteral("width"));
        r.know(QStringLiteral("height"));
    }
}

void readRotate(StepReader &r, Rotate &t)
{
    t.maxDegrees = r.number(QStringLiteral("max_degrees"), 0, 180);
    readBorder(r, t.border, t.borderValue);
}

void readScale(StepReader &r, Scale &t)
{
    t.min = r.number(QStringLiteral("min"), 0, 10, std::nullopt, true);
    t.max = r.number(QStringLiteral("max"), 0, 10, std::nullopt, true);
    r.requireOrdered(QStringLiteral("min"), t.min, QStringLiteral("max"), t.max);
    readBorder(r, t.border, t.borderValue);
}

void readTranslate(StepReader &r, Translate &t)
{
    t.maxFraction = r.number(QStringLiteral("max_fraction"), 0, 1);
    readBorder(r, t.border, t.borderValue);
}

void readBrightness(StepReader &r, Brightness &t)
{
    t.maxDelta = r.number(QStringLiteral("max_delta"), 0, 1);
}

void readContrast(StepReader &r, Contrast &t)
{
    t.min = r.number(QStringLiteral("min"), 0, 10);
    t.max = r.number(QStringLiteral("max"), 0, 10);
    r.requireOrdered(QStringLiteral("min"), t.min, QStringLiteral("max"), t.max);
}

void readGamma(StepReader &r, Gamma &t)
{
    t.min = r.number(QStringLiteral("min"), 0, 10, std::nullopt, true);
    t.max = r.number(QStringLiteral("max"), 0, 10, std::nullopt, true);
    r.requireOrdered(QStringLiteral("min"), t.min, QStringLiteral("max"), t.max);
}

void readNoise(StepReader &r, GaussianNoise &t)
{
    t.sd = r.number(QStringLiteral("sd"), 0, 1);
}

void readBlur(StepReader &r, GaussianBlur &t)
{
    t.maxSigma = r.number(QStringLiteral("max_sigma"), 0, 20);
}

struct Maker {
    const char *type;
    std::shared_ptr<Transform> (*make)(StepReader &);
};

const std::vector<Maker> &makers()
{
    static const std::vector<Maker> list{
        {"resize", [](StepReader &r) { return make<Resize>(r, readResize); }},
        {"crop", [](StepReader &r) { return make<Crop>(r, readCrop); }},
        {"center_crop", [](StepReader &r) { return make<CenterCrop>(r, readCenterCrop); }},
        {"tile", [](StepReader &r) { return make<Tile>(r, readTile); }},
        {"normalize", [](StepReader &r) { return make<Normalize>(r, readNormalize); }},
        {"random_crop", [](StepReader &r) { return make<RandomCrop>(r, readRandomCrop); }},
        {"hflip", [](StepReader &r) { return make<HorizontalFlip>(r, [](StepReader &, HorizontalFlip &) {}); }},
        {"vflip", [](StepReader &r) { return make<VerticalFlip>(r, [](StepReader &, VerticalFlip &) {}); }},
        {"rotate90", [](StepReader &r) { return make<Rotate90>(r, [](StepReader &, Rotate90 &) {}); }},
        {"rotate", [](StepReader &r) { return make<Rotate>(r, readRotate); }},
        {"scale", [](StepReader &r) { return make<Scale>(r, readScale); }},
        {"translate", [](StepReader &r) { return make<Translate>(r, readTranslate); }},
        {"brightness", [](StepReader &r) { return make<Brightness>(r, readBrightness); }},
        {"contrast", [](StepReader &r) { return make<Contrast>(r, readContrast); }},
        {"gamma", [](StepReader &r) { return make<Gamma>(r, readGamma); }},
        {"gaussian_noise", [](StepReader &r) { return make<GaussianNoise>(r, readNoise); }},
        {"gaussian_blur", [](StepReader &r) { return make<GaussianBlur>(r, readBlur); }},
    };
    return list;
}

} // namespace

QStringList knownTypes()
{
    QStringList out;
    for (const Maker &m : makers())
        out << QLatin1String(m.type);
    return out;
}

std::shared_ptr<Transform> fromJson(const QJsonObject &step, const QString &path)
{
    const QString typePath = path + QStringLiteral(".type");
    const QJsonValue type = step.value(QStringLiteral("type"));
    if (type.isUndefined())
        throw PipelineError(typePath, Text::tr("missing; expected one of %1").arg(knownTypes().join(QStringLiteral(", "))));
    for (const Maker &m : makers()) {
        if (type.isString() && type.toString() == QLatin1String(m.type)) {
            StepReader reader(step, path, type.toString());
            return m.make(reader);
        }
    }
    throw PipelineError(typePath, Text::tr("unknown step type %1; expected one of %2")
                                      .arg(describe(type), knownTypes().join(QStringLiteral(", "))));
}

} // namespace loupe::transforms
