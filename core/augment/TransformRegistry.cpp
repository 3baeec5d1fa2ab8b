// The JSON form of each step: which "type" makes which Transform, and how its fields are read.

#include "augment/Transforms.h"

#include "augment/StepReader.h"
#include "augment/StepSupport.h"

#include <QCoreApplication>

#include <optional>

namespace loupe::transforms {

using namespace detail;

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::Pipeline)
};

constexpr int kMaxSide = 16384; // larger outputs are a typo, not a training input

void readBorder(StepReader &r, Border &border, double &value)
{
    border = Border(r.choice(QStringLiteral("border"), borderNames(), int(border)));
    value = r.number(QStringLiteral("border_value"), 0, 255, value);
}

/// {min, max} within [0, 10] (above 0 when `openLow`), min not above max.
void readRange(StepReader &r, double &min, double &max, bool openLow)
{
    min = r.number(QStringLiteral("min"), 0, 10, std::nullopt, openLow);
    max = r.number(QStringLiteral("max"), 0, 10, std::nullopt, openLow);
    r.requireOrdered(QStringLiteral("min"), min, QStringLiteral("max"), max);
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
    readRange(r, t.min, t.max, true);
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
    readRange(r, t.min, t.max, false);
}

void readGamma(StepReader &r, Gamma &t)
{
    readRange(r, t.min, t.max, true);
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
    std::shared_ptr<Transform> (*fresh)(); ///< the step with its default parameters
};

template <class T>
std::shared_ptr<Transform> fresh()
{
    return std::make_shared<T>();
}

const std::vector<Maker> &makers()
{
    static const std::vector<Maker> list{
        {"resize", [](StepReader &r) { return make<Resize>(r, readResize); }, fresh<Resize>},
        {"crop", [](StepReader &r) { return make<Crop>(r, readCrop); }, fresh<Crop>},
        {"center_crop", [](StepReader &r) { return make<CenterCrop>(r, readCenterCrop); }, fresh<CenterCrop>},
        {"tile", [](StepReader &r) { return make<Tile>(r, readTile); }, fresh<Tile>},
        {"normalize", [](StepReader &r) { return make<Normalize>(r, readNormalize); }, fresh<Normalize>},
        {"random_crop", [](StepReader &r) { return make<RandomCrop>(r, readRandomCrop); }, fresh<RandomCrop>},
        {"hflip", [](StepReader &r) { return make<HorizontalFlip>(r, [](StepReader &, HorizontalFlip &) {}); }, fresh<HorizontalFlip>},
        {"vflip", [](StepReader &r) { return make<VerticalFlip>(r, [](StepReader &, VerticalFlip &) {}); }, fresh<VerticalFlip>},
        {"rotate90", [](StepReader &r) { return make<Rotate90>(r, [](StepReader &, Rotate90 &) {}); }, fresh<Rotate90>},
        {"rotate", [](StepReader &r) { return make<Rotate>(r, readRotate); }, fresh<Rotate>},
        {"scale", [](StepReader &r) { return make<Scale>(r, readScale); }, fresh<Scale>},
        {"translate", [](StepReader &r) { return make<Translate>(r, readTranslate); }, fresh<Translate>},
        {"brightness", [](StepReader &r) { return make<Brightness>(r, readBrightness); }, fresh<Brightness>},
        {"contrast", [](StepReader &r) { return make<Contrast>(r, readContrast); }, fresh<Contrast>},
        {"gamma", [](StepReader &r) { return make<Gamma>(r, readGamma); }, fresh<Gamma>},
        {"gaussian_noise", [](StepReader &r) { return make<GaussianNoise>(r, readNoise); }, fresh<GaussianNoise>},
        {"gaussian_blur", [](StepReader &r) { return make<GaussianBlur>(r, readBlur); }, fresh<GaussianBlur>},
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

QJsonObject defaultStep(const QString &type)
{
    for (const Maker &m : makers())
        if (type == QLatin1String(m.type))
            return m.fresh()->toJson();
    return {};
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
