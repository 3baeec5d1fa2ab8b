#pragma once

#include "dataset/Sample.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QVariantMap>

#include <opencv2/core/mat.hpp>

#include <memory>
#include <stdexcept>
#include <vector>

namespace loupe {

/// An image on its way through a pipeline, with the objects that move with it.
struct AugmentedImage {
    cv::Mat image;                   ///< 8-bit (1 or 3 channels) until Normalize makes it CV_32F
    std::vector<Annotation> objects; ///< boxes and polygons in the image's current pixel coordinates
};

/// What one step did to one image, for display ("rotate 12.5°", "flip: no").
struct AppliedStep {
    QString type;
    bool applied = false; ///< false when its probability said no, or it is switched off
    QVariantMap params;   ///< the parameters actually drawn
};

/// A refused pipeline file: names the JSON path and what was expected.
class PipelineError : public std::runtime_error
{
public:
    PipelineError(const QString &place, const QString &problem)
        : std::runtime_error((place + QStringLiteral(": ") + problem).toStdString())
        , m_place(place)
        , m_problem(problem)
    {
    }
    QString place() const { return m_place; }
    QString problem() const { return m_problem; }

private:
    QString m_place;
    QString m_problem;
};

/// One transform. Random transforms draw their parameters from the generator they are given,
/// so a seed reproduces a sample exactly.
class Transform
{
public:
    virtual ~Transform() = default;
    virtual QString type() const = 0;
    /// True when the output depends on the random generator (flips, random crops, jitter…).
    virtual bool isRandom() const = 0;
    virtual void apply(AugmentedImage &image, std::uint64_t &rngState, AppliedStep &applied) const = 0;
    virtual QJsonObject toJson() const = 0;

    double probability = 1.0; ///< chance that a random step is applied at all
    bool enabled = true;      ///< a switched-off step passes the image through
};

/// An ordered list of transforms with a JSON form; training uses it whole, evaluation and the
/// overfit check use only its deterministic steps.
class Pipeline
{
public:
    Pipeline() = default;

    /// Reads `{"steps": [{"type": "resize", ...}, ...]}`; throws PipelineError naming the path.
    static Pipeline fromJson(const QByteArray &json);
    QByteArray toJson() const;

    /// The common training default for an input size: resize to size×size, random horizontal
    /// flip, normalise with ImageNet statistics (or 0.5/0.5 for one channel).
    static Pipeline defaultTraining(int size, int channels);

    /// Only the deterministic steps, in order: what evaluation and inference see.
    Pipeline evaluationPipeline() const;

    /// A copy with every random step switched off (the overfit check's pipeline).
    Pipeline withoutRandomSteps() const { return evaluationPipeline(); }

    /// Runs every enabled step. The same `seed` gives the same output, whatever the thread.
    AugmentedImage apply(const cv::Mat &image, const std::vector<Annotation> &objects, std::uint64_t seed,
                         std::vector<AppliedStep> *applied = nullptr) const;

    bool hasRandomSteps() const;
    void append(std::shared_ptr<Transform> step) { m_steps.push_back(std::move(step)); }
    const std::vector<std::shared_ptr<Transform>> &steps() const { return m_steps; }
    std::vector<std::shared_ptr<Transform>> &steps() { return m_steps; }

private:
    std::vector<std::shared_ptr<Transform>> m_steps;
};

} // namespace loupe
