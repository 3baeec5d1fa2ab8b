// The steps that move pixels: resizes, crops, tiles, flips, turns, zooms and shifts.

#include "augment/Transforms.h"

#include "augment/Random.h"
#include "augment/StepSupport.h"
#include "augment/TransformGeometry.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace loupe::transforms {

using namespace detail;

// ---------------------------------------------------------------------------------------------
// Deterministic steps.

namespace {

/// Where a resize puts the image in its output: all of it, or letterboxed (centred, aspect kept).
cv::Rect placement(const Resize &r, int W, int H)
{
    if (!r.keepAspect)
        return cv::Rect(0, 0, r.width, r.height);
    const double s = std::min(double(r.width) / W, double(r.height) / H);
    const int nw = std::clamp(int(std::lround(W * s)), 1, r.width);
    const int nh = std::clamp(int(std::lround(H * s)), 1, r.height);
    return cv::Rect((r.width - nw) / 2, (r.height - nh) / 2, nw, nh);
}

} // namespace

void Resize::apply(AugmentedImage &img, std::uint64_t &rngState, AppliedStep &applied) const
{
    if (!start(*this, rngState, applied))
        return;
    const cv::Size oldSize = img.image.size();
    const int W = oldSize.width, H = oldSize.height;
    const cv::Rect place = placement(*this, W, H);
    const int nw = place.width, nh = place.height, ox = place.x, oy = place.y;
    int flag = cv::INTER_LINEAR;
    switch (resolvedInterpolation(W, H)) {
    case Interpolation::Auto: break; // resolved above
    case Interpolation::Nearest: flag = cv::INTER_NEAREST; break;
    case Interpolation::Linear: flag = cv::INTER_LINEAR; break;
    case Interpolation::Cubic: flag = cv::INTER_CUBIC; break;
    case Interpolation::Area: flag = cv::INTER_AREA; break;
    }
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
    const MaskOp op = [&](const cv::Mat &mask) { return resizeInto(mask, cv::INTER_NEAREST, 0); };
    moveObjects(img.objects, Affine{sx, 0, double(ox), 0, sy, double(oy)}, oldSize, outSize, op);
    moveLabels(img, op);
    applied.params.insert(QStringLiteral("width"), width);
    applied.params.insert(QStringLiteral("height"), height);
    applied.params.insert(QStringLiteral("scale_x"), sx);
    applied.params.insert(QStringLiteral("scale_y"), sy);
    applied.params.insert(QStringLiteral("offset_x"), ox);
    applied.params.insert(QStringLiteral("offset_y"), oy);
}

Interpolation Resize::resolvedInterpolation(int W, int H) const
{
    if (interpolation != Interpolation::Auto)
        return interpolation;
    const cv::Rect place = placement(*this, W, H);
    return place.width <= W && place.height <= H ? Interpolation::Area : Interpolation::Linear;
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
    const MaskOp op = [code](const cv::Mat &mask) {
        cv::Mat moved;
        cv::rotate(mask, moved, code);
        return moved;
    };
    moveObjects(img.objects, m, size, outSize, op);
    moveLabels(img, op);
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
    writeRange(o, min, max);
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

} // namespace loupe::transforms
