#include "augment/Pipeline.h"

#include "augment/Random.h"
#include "augment/Transforms.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

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
    return apply(image, objects, cv::Mat(), seed, applied);
}

AugmentedImage Pipeline::apply(const cv::Mat &image, const std::vector<Annotation> &objects, const cv::Mat &labels,
                               std::uint64_t seed, std::vector<AppliedStep> *applied) const
{
    if (image.empty())
        throw PipelineError(Text::tr("image"), Text::tr("the image is empty"));
    if (image.depth() != CV_8U || image.channels() > 4)
        throw PipelineError(Text::tr("image"), Text::tr("expected 8 bits per value and 1 to 4 channels"));
    if (!labels.empty() && (labels.type() != CV_8UC1 || labels.size() != image.size()))
        throw PipelineError(Text::tr("labels"), Text::tr("expected one 8-bit value per image pixel"));
    AugmentedImage out{image, objects, labels};
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

cv::Mat Pipeline::toDisplay(const cv::Mat &output) const
{
    if (output.empty() || output.depth() == CV_8U)
        return output;
    const transforms::Normalize *norm = nullptr;
    for (const auto &step : m_steps)
        if (step && step->enabled && step->type() == QLatin1String("normalize"))
            norm = dynamic_cast<const transforms::Normalize *>(step.get());
    cv::Mat f;
    output.convertTo(f, CV_32F);
    const int ch = f.channels();
    if (norm) {
        const std::size_t given = std::min(norm->mean.size(), norm->stdDev.size());
        if (given == 0 || (given != 1 && int(given) != ch))
            throw PipelineError(QStringLiteral("normalize"),
                                Text::tr("the image has %1 channels, mean and std give %2 values").arg(ch).arg(given));
        const auto pick = [&](const std::vector<double> &v, int c) { return given == 1 ? v[0] : v[std::size_t(c)]; };
        std::vector<cv::Mat> planes;
        cv::split(f, planes);
        for (int c = 0; c < ch; ++c)
            planes[std::size_t(c)] = planes[std::size_t(c)] * pick(norm->stdDev, c) + pick(norm->mean, c);
        cv::merge(planes, f);
    }
    cv::Mat bytes;
    f.convertTo(bytes, CV_8U, 255.0);
    // normalize writes RGB(A); the loader without it keeps the decoder's BGR.
    if (norm && ch == 3)
        cv::cvtColor(bytes, bytes, cv::COLOR_RGB2BGR);
    else if (norm && ch == 4)
        cv::cvtColor(bytes, bytes, cv::COLOR_RGBA2BGRA);
    return bytes;
}

bool Pipeline::hasRandomSteps() const
{
    for (const auto &step : m_steps)
        if (step && step->enabled && step->isRandom())
            return true;
    return false;
}

} // namespace loupe
