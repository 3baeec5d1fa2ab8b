#pragma once
// Internal to core: includes LibTorch. Only core .cpp files may include this header.

#include "StopToken.h"
#include "eval/Predictions.h"
#include "model/Models.h"
#include "loader/DataLoader.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace loupe {

/// A model's answers on every image a loader yields.
struct EvalOutput {
    double loss = 0; ///< mean cross-entropy, unweighted
    std::vector<int> samples;
    std::vector<int> truth;
    std::vector<int> predicted;
    std::vector<float> confidence; ///< probability of the predicted class
    int classes = 0;               ///< columns of probabilities
    std::vector<float> probabilities; ///< softmax, samples × classes, row-major
    std::vector<float> sampleLoss;    ///< per sample: -log p(truth), unweighted
    bool complete = true;          ///< false when stopped early
};

/// Runs the model in eval mode without gradients over one pass of the loader.
EvalOutput evaluateModel(ClassifierImpl &model, DataLoader &loader, const StopToken *stop = nullptr);

/// Writes path,true_label,predicted_label,confidence through QSaveFile. Returns an error or "".
QString writePredictionsCsv(const QString &file, const Dataset &dataset, const EvalOutput &eval);

/// The evaluation as a PredictionSet; the dataset's classes must be the model's.
PredictionSet toPredictionSet(const Dataset &dataset, const EvalOutput &eval, const QString &split, int epoch);

/// The evaluation as one epoch of the dev history, answers in the order of history.paths
/// (-1 for an image the loader could not read).
PredictionHistory::Epoch toHistoryEpoch(const Dataset &dataset, const EvalOutput &eval, const PredictionHistory &history,
                                        int epoch);

} // namespace loupe
