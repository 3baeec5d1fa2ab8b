#pragma once

#include "StopToken.h"
#include "dataset/Dataset.h"

#include <QStringList>

#include <functional>
#include <vector>

namespace loupe {

/// The practice's first sanity check: a model must be able to learn five images by heart.
struct OverfitOptions {
    QString task; ///< classify|detect|segment; empty = from the labels
    QString model = QStringLiteral("resnet18");
    int images = 5;
    int imageSize = 64;
    int channels = 3;
    int maxSteps = 300;
    /// Training loss that counts as "near zero"; 0 = the task's (0.05 for cross-entropy, 0.1 for a
    /// detector's focal plus box loss, whose box part stays above zero while every box is found, 0.05
    /// for a segmenter's cross-entropy plus Dice).
    double lossThreshold = 0;
    double learningRate = 1e-3;  ///< Adam
    quint64 seed = 0;
    int threads = 0;
    QString precision = QStringLiteral("auto"); ///< auto|fp32|bf16 (model/Precision.h)
    // Detection: as `train` takes them.
    QString tiles = QStringLiteral("1x1");
    int tileOverlap = 32;
    QString roi;
    QString anchors = QStringLiteral("auto");
};

struct OverfitResult {
    bool passed = false;
    double finalLoss = 0;
    double lossThreshold = 0; ///< what finalLoss had to go under
    int steps = 0;
    int correct = 0;
    std::vector<QString> paths;
    std::vector<int> truth;
    std::vector<int> predicted;
    QStringList classes;      ///< names of truth and predicted (object-only datasets get derived classes)
    QStringList failedChecks; ///< each check that failed, with its numbers
    /// Detection and segmentation: one line per image ("a.jpg: 2 of 2 boxes found, no false positive",
    /// "a.png: IoU 0.953 over its classes"); truth and predicted stay empty.
    QStringList imageLines;
    QString task;             ///< "classify", "detect" or "segment"
    QString precision;        ///< what the model computed in: "fp32" or "bf16"
    QString message;          ///< verdict with the likely causes when it failed
};

/// Picks `images` samples spread over the classes, strips every random transform, trains until the
/// loss is below the threshold (or maxSteps), then predicts the same images in evaluation mode.
/// Passes when the loss is below the threshold and every image is predicted right.
/// onStep(step, loss) reports progress. Throws DatasetError when the dataset cannot be used.
OverfitResult runOverfitCheck(const Dataset &dataset, const OverfitOptions &options,
                              const std::function<void(int step, double loss)> &onStep = {},
                              const StopToken *stop = nullptr);

} // namespace loupe
