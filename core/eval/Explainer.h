#pragma once

// A trained run loaded once to predict and explain single images (Grad-CAM), for the prediction
// viewer. Torch stays behind the pimpl: this header is public.

#include "StopToken.h"
#include "dataset/Dataset.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace loupe {

/// A class-activation map over the whole image: values in [0, 1], row-major, `width` x `height`
/// cells covering the image as the model saw it (the evaluation pipeline's resize stretches the
/// whole image, so the map stretches back over it).
struct Heatmap {
    int width = 0;
    int height = 0;
    std::vector<float> values;
    bool isEmpty() const { return values.empty(); }
    float at(int x, int y) const { return values[std::size_t(y) * std::size_t(width) + std::size_t(x)]; }
};

struct Explanation {
    std::vector<float> probabilities; ///< one per class of the run
    int predicted = -1;
    int explainedClass = -1; ///< the class the heatmap is for
    Heatmap heatmap;         ///< Grad-CAM on the last convolutional stage, ReLU'd and scaled to [0, 1]
    int inputSize = 0;       ///< the side of the model's input (the run's image size)
};

/// Loads a run's config and checkpoint (best.pt, else last.pt) once; explain() may then be called
/// many times, from one thread at a time.
class Explainer
{
public:
    /// Throws DatasetError for a run folder without config or checkpoint, or weights that do not
    /// fit the config's model.
    /// `precision` is auto|fp32|bf16 (model/Precision.h); Grad-CAM's gradients are float32 either way.
    explicit Explainer(const QString &runDir, int threads = 0, const QString &precision = QStringLiteral("auto"));
    ~Explainer();
    Explainer(const Explainer &) = delete;
    Explainer &operator=(const Explainer &) = delete;

    QStringList classes() const;
    QString checkpoint() const;

    /// Predicts sample `index` of `dataset` with the run's evaluation pipeline and computes Grad-CAM
    /// for `classIndex` (-1: the predicted class). Throws DatasetError when the image cannot be read.
    Explanation explain(const Dataset &dataset, int index, int classIndex = -1);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace loupe
