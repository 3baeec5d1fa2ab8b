#pragma once
// Internal to core: includes LibTorch. Only core .cpp files may include this header.

#include "StopToken.h"
#include "model/Models.h"
#include "train/DataLoader.h"

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
    bool complete = true;          ///< false when stopped early
};

/// Runs the model in eval mode without gradients over one pass of the loader.
EvalOutput evaluateModel(ClassifierImpl &model, DataLoader &loader, const StopToken *stop = nullptr);

/// Writes path,true_label,predicted_label,confidence through QSaveFile. Returns an error or "".
QString writePredictionsCsv(const QString &file, const Dataset &dataset, const EvalOutput &eval);

} // namespace loupe
