#include "augment/Pipeline.h"

#include "augment/Random.h"
#include "augment/Transforms.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <opencv2/core.hpp>

namespace loupe {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::Pipeline)
};

/// A deep copy through the JSON form, so editing the copy never edits the original; a step type
/// the factory does not know (a subclass made in code) is shared instead.
std::shared_ptr<Transform> copyOf(const std::shared_ptr<Transform> &step)
{
    try {
        return transforms::fromJson(step->toJson(), QStringLiteral("step"));
    } catch (const PipelineError &) {
        return step;
    }
}

} // namespace

Pipeline Pipeline::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        throw PipelineError(Text::tr("byte %1").arg(parseError.offset),
                            Text::tr("not valid JSON: %1").arg(parseError.errorString()));
    if (!doc.isObject())
        throw PipelineError(Text::tr("top level"), Text::tr("expected an object {\"steps\": [...]}"));
    const QJsonObject root = doc.object();
    const QJsonValue steps = root.value(QStringLiteral("steps"));
    if (!steps.isArray())
        throw PipelineError(QStringLiteral("steps"), steps.isUndefined()
                                                         ? Text::tr("missing; expected a list of steps")
                                                         : Text::tr("expected a list of steps"));
    Pipeline p;
    const QJsonArray list = steps.toArray();
    int normalizeAt = -1;
    for (int i = 0; i < list.size(); ++i) {
        const QString path = QStringLiteral("steps[%1]").arg(i);
        if (!list[i].isObject())
            throw PipelineError(path, Text::tr("expected an object with a \"type\""));
        if (normalizeAt >= 0)
            throw PipelineError(path + QStringLiteral(".type"),
                                Text::tr("normalize (steps[%1]) turns the image into floats and must be the last step")
                                    .arg(normalizeAt));
        p.append(transforms::fromJson(list[i].toObject(), path));
        if (p.m_steps.back()->type() == QLatin1String("normalize"))
            normalizeAt = i;
    }
    return p;
}

QByteArray Pipeline::toJson() const
{
    QJsonArray steps;
    for (const auto &step : m_steps)
        if (step)
            steps.append(step->toJson());
    return QJsonDocument(QJsonObject{{QStringLiteral("steps"), steps}}).toJson(QJsonDocument::Indented);
}

Pipeline Pipeline::defaultTraining(int size, int channels)
{
    if (size < 1 || size > 16384)
        throw PipelineError(Text::tr("image size"), Text::tr("expected 1 to 16384 pixels, found %1").arg(size));
    if (channels != 1 && channels != 3)
        throw PipelineError(Text::tr("channels"), Text::tr("expected 1 or 3, found %1").arg(channels));
    Pipeline p;
    auto resize = std::make_shared<transforms::Resize>();
    resize->width = resize->height = size;
    p.append(resize);
    p.append(std::make_shared<transforms::HorizontalFlip>());
    auto normalize = std::make_shared<transforms::Normalize>();
    if (channels == 1) {
        normalize->mean = {0.5};
        normalize->stdDev = {0.5};
    }
    p.append(normalize);
    return p;
}

Pipeline Pipeline::evaluationPipeline() const
{
    Pipeline p;
    for (const auto &step : m_steps)
        if (step && !step->isRandom())
            p.append(copyOf(step));
    return p;
}

std::vector<Pipeline> Pipeline::evaluationTiles() const
{
    const transforms::Tile *randomTile = nullptr;
    for (const auto &step : m_steps) {
        if (step && step->enabled && step->isRandom() && step->type() == QLatin1String("tile")) {
            randomTile = dynamic_cast<const transforms::Tile *>(step.get());
            if (randomTile)
                break;
        }
    }
    if (!randomTile)
        return {evaluationPipeline()};
    std::vector<Pipeline> out;
    for (int k = 0; k < randomTile->rows * randomTile->cols; ++k) {
        Pipeline p;
        for (const auto &step : m_steps) {
            if (step.get() == randomTile) {
                auto fixed = std::make_shared<transforms::Tile>(*randomTile);
                fixed->random = false;
                fixed->probability = 1.0;
                fixed->index = k;
                p.append(fixed);
            } else if (step && !step->isRandom()) {
                p.append(copyOf(step));
            }
        }
        out.push_back(std::move(p));
    }
    return out;
}

AugmentedImage Pipeline::apply(const cv::Mat &image, const std::vector<Annotation> &objects, std::uint64_t seed,
                               std::vector<AppliedStep> *applied) const
{
    if (image.empty())
        throw PipelineError(Text::tr("image"), Text::tr("the image is empty"));
    if (image.depth() != CV_8U || image.channels() > 4)
        throw PipelineError(Text::tr("image"), Text::tr("expected 8 bits per value and 1 to 4 channels"));
    AugmentedImage out{image, objects};
    if (applied) {
        applied->clear();
        applied->reserve(m_steps.size());
    }
    AppliedStep unused;
    for (std::size_t i = 0; i < m_steps.size(); ++i) {
        if (!m_steps[i])
            continue;
        AppliedStep &record = applied ? applied->emplace_back() : unused;
        std::uint64_t state = Random::stepState(seed, int(i));
        try {
            m_steps[i]->apply(out, state, record);
        } catch (const cv::Exception &e) {
            // Steps built in code skip fromJson's checks; OpenCV's refusal becomes ours.
            throw PipelineError(QStringLiteral("steps[%1]").arg(i),
                                Text::tr("%1 failed: %2").arg(m_steps[i]->type(), QString::fromStdString(e.msg)));
        }
    }
    return out;
}

bool Pipeline::hasRandomSteps() const
{
    for (const auto &step : m_steps)
        if (step && step->enabled && step->isRandom())
            return true;
    return false;
}

} // namespace loupe
