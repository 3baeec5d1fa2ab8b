#pragma once

#include "dataset/Sample.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QVariantMap>

#include <opencv2/core/mat.hpp>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <vector>

namespace loupe {

/// An image on its way through a pipeline, with the objects that move with it.
struct AugmentedImage {
    cv::Mat image;                   ///< 8-bit (1 or 3 channels) until Normalize makes it CV_32F
    std::vector<Annotation> objects; ///< boxes and polygons in the image's current pixel coordinates
    /// Optional class-index map (CV_8U, the image's size: 0 background, k class k−1, 255 ignored, as
    /// readClassMask gives it). Every geometric step moves it with the pixels by nearest neighbour;
    /// pixels that come from outside the image (padding, a warp's border) become 255, ignored.
    cv::Mat labels;
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
        : std::runtime_error(QString(place + QStringLiteral(": ") + problem).toStdString())
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
    ///
    /// Channel order: images come in as OpenCV decodes them, BGR. `normalize` takes its mean and
    /// std in RGB order (ImageNet's [0.485, 0.456, 0.406] / [0.229, 0.224, 0.225] as published)
    /// and writes RGB: a 3-channel pipeline output is CV_32FC3 in R, G, B order, ready to be split
    /// into the tensor's planes as it is. Steps before `normalize` see BGR.
    /// Throws PipelineError for a size below 1 or a channel count other than 1 or 3.
    static Pipeline defaultTraining(int size, int channels);

    /// Only the deterministic steps, in order: what evaluation and inference see. Every random
    /// step is dropped, a random `tile` too (it cannot stand for all tiles at once; see
    /// evaluationTiles). The steps are copies: switching one off leaves this pipeline alone.
    Pipeline evaluationPipeline() const;

    /// For evaluating a model trained on random tiles: one evaluation pipeline per tile of the
    /// first enabled random `tile` step's grid (index 0, 1, … row by row), each with that tile
    /// fixed in its place. Without a random tile: just {evaluationPipeline()}.
    std::vector<Pipeline> evaluationTiles() const;

    /// A copy with every random step switched off (the overfit check's pipeline).
    Pipeline withoutRandomSteps() const { return evaluationPipeline(); }

    /// Runs every enabled step. The same `seed` gives the same output, whatever the thread; each
    /// step draws from its own stream derived from (seed, step index), so switching one step off
    /// does not change what the others draw. `applied` gets one entry per step, in order.
    /// `image` must be CV_8U with 1 to 4 channels; a step that cannot run (normalize statistics
    /// that do not fit the channels, a step built in code with impossible values) throws
    /// PipelineError naming it. `image` is never written to,
    /// but the result may share its pixels when no step needed a copy (a crop alone, say).
    AugmentedImage apply(const cv::Mat &image, const std::vector<Annotation> &objects, std::uint64_t seed,
                         std::vector<AppliedStep> *applied = nullptr) const;
    /// The same with a class-index map that moves with the pixels (AugmentedImage::labels); `labels`
    /// must be empty or CV_8U at the image's size (else PipelineError).
    AugmentedImage apply(const cv::Mat &image, const std::vector<Annotation> &objects, const cv::Mat &labels,
                         std::uint64_t seed, std::vector<AppliedStep> *applied = nullptr) const;

    /// An output of this pipeline back to 8 bits for display, in OpenCV's BGR order: undoes the
    /// last enabled `normalize` (and its RGB order) on a CV_32F image, or the data loader's /255
    /// when there is none; an 8-bit image comes back as it is. Throws PipelineError when the
    /// normalize statistics do not fit the image's channels.
    cv::Mat toDisplay(const cv::Mat &output) const;

    /// True when an enabled step is random: then every epoch sees different images.
    bool hasRandomSteps() const;
    void append(std::shared_ptr<Transform> step) { m_steps.push_back(std::move(step)); }
    const std::vector<std::shared_ptr<Transform>> &steps() const { return m_steps; }
    std::vector<std::shared_ptr<Transform>> &steps() { return m_steps; }

private:
    std::vector<std::shared_ptr<Transform>> m_steps;
};

} // namespace loupe
