#pragma once

// The augmentation steps a Pipeline is made of, one class per JSON "type".
//
// Conventions every step follows:
// - Images are CV_8U with 1, 3 or 4 channels in OpenCV's BGR(A) order until `normalize`, which
//   must be the last step and makes them CV_32F (see Normalize for the channel order).
// - Coordinates are pixel edges: pixel i covers [i, i+1), as Annotation boxes do. Boxes and
//   polygons go through the same map as the pixels: exact for flips, 90° turns, crops, tiles,
//   translations and resizes. After a rotation or scale a box becomes the bounds of its turned
//   corners, narrowed to the bounds of the object's polygons or mask when it has one.
// - Objects are clipped to the new image (polygons with Sutherland–Hodgman) and dropped when
//   nothing of them is left: the box has no area inside the image, or the object had a mask and
//   every polygon and mask pixel left the image.
// - RLE masks are decoded to a pixel mask at the current image size (resized with nearest
//   neighbour if the RLE claims another size), moved by the same operation as the image with
//   nearest-neighbour sampling and a zero border, and encoded again; they stay masks rather than
//   polygons so thin defects keep every pixel.
// - Intensity amounts (brightness delta, noise sd) are fractions of the full 0–255 range.
// - Deterministic steps always apply when enabled; `probability` only counts for random steps.
// - A step never writes into the caller's pixels: in-place operations copy a shared buffer first.

#include "augment/Pipeline.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace loupe::transforms {

/// How warps fill the area that comes from outside the image.
enum class Border { Reflect, Replicate, Constant };

/// Resampling for `resize`; Auto is area averaging when shrinking (keeps few-pixel defects
/// instead of skipping over them) and bilinear when enlarging.
enum class Interpolation { Auto, Nearest, Linear, Cubic, Area };

/// {width, height, keep_aspect, pad_value, interpolation}: exact size, or letterboxed (scaled to
/// fit, centred, padded with pad_value) when keep_aspect is true.
class Resize : public Transform
{
public:
    QString type() const override { return QStringLiteral("resize"); }
    bool isRandom() const override { return false; }
    void apply(AugmentedImage &image, std::uint64_t &rngState, AppliedStep &applied) const override;
    QJsonObject toJson() const override;
    /// The resampling apply() uses on an image of inputWidth × inputHeight (Auto resolved); never Auto.
    Interpolation resolvedInterpolation(int inputWidth, int inputHeight) const;

    int width = 224;
    int height = 224;
    bool keepAspect = false;
    double padValue = 0;
    Interpolation interpolation = Interpolation::Auto;
};

/// {x, y, width, height}: a region of interest. Parts of it outside the image are filled with 0,
/// so the output is always width×height.
class Crop : public Transform
{
public:
    QString type() const override { return QStringLiteral("crop"); }
    bool isRandom() const override { return false; }
    void apply(AugmentedImage &image, std::uint64_t &rngState, AppliedStep &applied) const override;
    QJsonObject toJson() const override;

    int x = 0;
    int y = 0;
    int width = 1;
    int height = 1;
};

/// {width, height}: the centred region (padded with 0 when the image is smaller).
class CenterCrop : public Transform
{
public:
    QString type() const override { return QStringLiteral("center_crop"); }
    bool isRandom() const override { return false; }
    void apply(AugmentedImage &image, std::uint64_t &rngState, AppliedStep &applied) const override;
    QJsonObject toJson() const override;

    int width = 224;
    int height = 224;
};

/// {rows, cols, index, random}: one patch of a rows×cols grid, numbered row by row from 0.
/// Patch edges are floor(k·size/n), so the patches cover the image exactly. With random true
/// the patch is drawn and the step is random (evaluation drops it; see Pipeline::evaluationTiles).
class Tile : public Transform
{
public:
    QString type() const override { return QStringLiteral("tile"); }
    bool isRandom() const override { return random; }
    void apply(AugmentedImage &image, std::uint64_t &rngState, AppliedStep &applied) const override;
    QJsonObject toJson() const override;

    int rows = 2;
    int cols = 2;
    int index = 0;
    bool random = false;
};

/// {mean, std}: CV_32F values (x/255 − mean)/std. mean and std are in RGB order (as published,
/// e.g. ImageNet's) with one value per channel or one for all. For images with 3 or more channels
/// the output is in RGB(A) order: the BGR→RGB swap happens here, in the same pass, so the loader
/// copies the result into the tensor as it is. Must be the last step.
class Normalize : public Transform
{
public:
    QString type() const override { return QStringLiteral("normalize"); }
    bool isRandom() const override { return false; }
    void apply(AugmentedImage &image, std::uint64_t &rngState, AppliedStep &applied) const override;
    QJsonObject toJson() const override;

    std::vector<double> mean{0.485, 0.456, 0.406};
    std::vector<double> stdDev{0.229, 0.224, 0.225}; ///< JSON "std"
};

/// {width, height} or {min_scale, max_scale}: a crop at a random place, of a fixed size or of a
/// random fraction of each side. An image smaller than the crop is padded with 0 around it.
class RandomCrop : public Transform
{
public:
    QString type() const override { return QStringLiteral("random_crop"); }
    bool isRandom() const override { return true; }
    void apply(AugmentedImage &image, std::uint64_t &rngState, AppliedStep &applied) const override;
    QJsonObject toJson() const override;

    int width = 0; ///< 0: use the scale range
    int height = 0;
    double minScale = 0.5;
    double maxScale = 1.0;
};

/// Mirror left–right (probability 0.5 by default).
class HorizontalFlip : public Transform
{
public:
    HorizontalFlip() { probability = 0.5; }
    QString type() const override { return QStringLiteral("hflip"); }
    bool isRandom() const override { return true; }
    void apply(AugmentedImage &image, std::uint64_t &rngState, AppliedStep &applied) const override;
    QJsonObject toJson() const override;
};

/// Mirror top–bottom (probability 0.5 by default).
class VerticalFlip : public Transform
{
public:
    VerticalFlip() { probability = 0.5; }
    QString type() const override { return QStringLiteral("vflip"); }
    bool isRandom() const override { return true; }
    void apply(AugmentedImage &image, std::uint64_t &rngState, AppliedStep &applied) const override;
    QJsonObject toJson() const override;
};

/// k quarter turns counter-clockwise, k drawn from 1..3; a W×H image becomes H×W for odd k.
class Rotate90 : public Transform
{
public:
    QString type() const override { return QStringLiteral("rotate90"); }
    bool isRandom() const override { return true; }
    void apply(AugmentedImage &image, std::uint64_t &rngState, AppliedStep &applied) const override;
    QJsonObject toJson() const override;
};

/// {max_degrees, border, border_value}: a turn about the centre by an angle drawn from
/// [−max, max] (positive is counter-clockwise), same output size, bilinear. A reflected border
/// shows mirrored content that carries no labels.
class Rotate : public Transform
{
public:
    QString type() const override { return QStringLiteral("rotate"); }
    bool isRandom() const override { return true; }
    void apply(AugmentedImage &image, std::uint64_t &rngState, AppliedStep &applied) const override;
    QJsonObject toJson() const override;

    double maxDegrees = 15;
    Border border = Border::Reflect;
    double borderValue = 0;
};

/// {min, max, border, border_value}: zoom about the centre by a factor drawn from [min, max],
/// keeping the image size (so it combines with a fixed input size).
class Scale : public Transform
{
public:
    QString type() const override { return QStringLiteral("scale"); }
    bool isRandom() const override { return true; }
    void apply(AugmentedImage &image, std::uint64_t &rngState, AppliedStep &applied) const override;
    QJsonObject toJson() const override;

    double min = 0.9;
    double max = 1.1;
    Border border = Border::Reflect;
    double borderValue = 0;
};

/// {max_fraction, border, border_value}: a shift by whole pixels, up to max_fraction of the
/// width and height each way (whole pixels keep defects sharp and boxes exact).
class Translate : public Transform
{
public:
    QString type() const override { return QStringLiteral("translate"); }
    bool isRandom() const override { return true; }
    void apply(AugmentedImage &image, std::uint64_t &rngState, AppliedStep &applied) const override;
    QJsonObject toJson() const override;

    double maxFraction = 0.1;
    Border border = Border::Constant;
    double borderValue = 0;
};

/// {max_delta}: adds a delta drawn from [−max_delta, max_delta] (fraction of 255) to every value.
class Brightness : public Transform
{
public:
    QString type() const override { return QStringLiteral("brightness"); }
    bool isRandom() const override { return true; }
    void apply(AugmentedImage &image, std::uint64_t &rngState, AppliedStep &applied) const override;
    QJsonObject toJson() const override;

    double maxDelta = 0.1;
};

/// {min, max}: stretches values about the image's mean by a factor drawn from [min, max].
class Contrast : public Transform
{
public:
    QString type() const override { return QStringLiteral("contrast"); }
    bool isRandom() const override { return true; }
    void apply(AugmentedImage &image, std::uint64_t &rngState, AppliedStep &applied) const override;
    QJsonObject toJson() const override;

    double min = 0.8;
    double max = 1.2;
};

/// {min, max}: 255·(x/255)^γ with γ drawn from [min, max].
class Gamma : public Transform
{
public:
    QString type() const override { return QStringLiteral("gamma"); }
    bool isRandom() const override { return true; }
    void apply(AugmentedImage &image, std::uint64_t &rngState, AppliedStep &applied) const override;
    QJsonObject toJson() const override;

    double min = 0.8;
    double max = 1.25;
};

/// {sd}: adds independent normal noise (sd as a fraction of 255) to every value.
class GaussianNoise : public Transform
{
public:
    QString type() const override { return QStringLiteral("gaussian_noise"); }
    bool isRandom() const override { return true; }
    void apply(AugmentedImage &image, std::uint64_t &rngState, AppliedStep &applied) const override;
    QJsonObject toJson() const override;

    double sd = 0.02;
};

/// {max_sigma}: Gaussian blur with sigma drawn from [0, max_sigma] pixels.
class GaussianBlur : public Transform
{
public:
    QString type() const override { return QStringLiteral("gaussian_blur"); }
    bool isRandom() const override { return true; }
    void apply(AugmentedImage &image, std::uint64_t &rngState, AppliedStep &applied) const override;
    QJsonObject toJson() const override;

    double maxSigma = 1.0;
};

/// Every "type" the JSON form knows, in the order the documentation lists them.
QStringList knownTypes();
/// A step of that type with its default parameters, as its toJson writes it; {} for an unknown type.
QJsonObject defaultStep(const QString &type);

/// Builds one step from its JSON object; `path` (e.g. "steps[2]") prefixes error places.
/// Throws PipelineError.
std::shared_ptr<Transform> fromJson(const QJsonObject &step, const QString &path);

} // namespace loupe::transforms
