#pragma once
// Internal to core: includes LibTorch. Only core .cpp files may include this header.
//
// What a task (classification, detection) supplies to the one training loop: the network, the
// loaders of its items, the loss and its named parts, evaluation with the task's metrics, and the
// prediction files. The Trainer and the overfit check hold a task and never ask which one it is.

#include "StopToken.h"
#include "augment/Pipeline.h"
#include "dataset/Dataset.h"
#include "loader/DataLoader.h"
#include "model/Models.h"
#include "project/TrainConfig.h"
#include "train/OverfitCheck.h"
#include "train/TrainDevSplit.h"

#include <QJsonObject>
#include <QSize>
#include <QString>

#include <functional>
#include <memory>
#include <utility>
#include <vector>

namespace loupe {

using NoteFn = std::function<void(const QString &)>;

/// A batch's loss and its named parts ("classification", "box"); parts sum to the total.
struct TaskLoss {
    torch::Tensor total;
    std::vector<std::pair<QString, torch::Tensor>> parts;
};

/// One evaluation with the task's figures.
struct TaskEvaluation {
    double loss = 0;
    std::vector<std::pair<QString, double>> lossParts;
    bool hasClassMetrics = false; ///< accuracy and macro F1 (classification)
    double accuracy = 0;
    double macroF1 = 0;
    /// The task's metrics by key ("map", "ap50"), written to metrics.jsonl as "dev_<key>".
    std::vector<std::pair<QString, double>> metrics;
    int images = 0; ///< images evaluated; 0 when none could be read
    bool complete = true;
    /// One line for the log: "mAP 0.412, AP50 0.731 on 30 images".
    QString summary;
};

class TrainingTask
{
public:
    virtual ~TrainingTask() = default;
    /// "classify", "detect": config.json's "task".
    virtual QString name() const = 0;
    /// The dataset as this task trains on it (classification takes image classes from the objects
    /// when there are only objects). Lives as long as the task.
    virtual const Dataset &data() const = 0;
    /// The split of data() into train, dev and test images.
    virtual TrainDevSplit split(double devFraction, quint64 seed) const = 0;
    /// Checks that the training images fit the task and prepares what they decide (class weights,
    /// anchors); returns the reason it cannot train, or "".
    virtual QString prepare(const TrainDevSplit &split, TrainConfig &config, const NoteFn &note) = 0;
    /// A freshly initialised network (after prepare).
    virtual std::shared_ptr<NetworkImpl> buildNetwork() = 0;
    virtual std::shared_ptr<NetworkImpl> network() const = 0;
    /// A loader over the items of these images: whole images, or their tiles.
    virtual std::unique_ptr<DataLoader> makeLoader(const std::vector<int> &images, const Pipeline &pipeline,
                                                   const LoaderOptions &options, const NoteFn &note) const = 0;
    /// The training loader: makeLoader's items, or a part of them drawn anew each epoch (tiles).
    virtual std::unique_ptr<DataLoader> makeTrainLoader(const std::vector<int> &images, const Pipeline &pipeline,
                                                        const LoaderOptions &options, const NoteFn &note) const
    {
        return makeLoader(images, pipeline, options, note);
    }
    /// The batch's loss with the network in its current mode.
    virtual TaskLoss loss(const Batch &batch) = 0;
    /// One pass over the loader in eval mode without gradients.
    virtual TaskEvaluation evaluate(DataLoader &loader, const StopToken *stop = nullptr) = 0;
    /// A training loss above this means the run diverged (chance level times a margin).
    virtual double explodeAt() const = 0;
    /// What config.json should say about the task (tiles, anchors and their coverage).
    virtual void describe(QJsonObject &config) const { (void)config; }
    /// After an epoch is evaluated and checkpointed: files that follow the epochs (dev history).
    virtual void afterEpoch(int epoch, const QString &runDir, const NoteFn &note) { (void)epoch, (void)runDir, (void)note; }
    /// Predictions of the network as it is on the dev loader and the test images, into the run folder.
    virtual void writePredictions(const QString &runDir, DataLoader &dev, const std::vector<int> &test,
                                  const Pipeline &pipeline, const LoaderOptions &options, int epoch,
                                  const NoteFn &note) = 0;
    /// The side of the backbone's last feature maps for a square input (for batch-norm advice).
    virtual QSize lastFeatureMapSize(int channels, int size) const = 0;

    /// The overfit check's "near zero" for this task's loss.
    virtual double overfitLossThreshold() const = 0;
    /// The class an image is stratified by when a few are picked (the overfit check); -1 never picks it.
    virtual int stratum(int sample) const = 0;
    /// The overfit check's judgement of the trained network on the loader's images (eval mode): fills
    /// `result`'s per-image fields and correct count, and appends each failed check.
    virtual void judgeOverfit(DataLoader &loader, OverfitResult &result, const StopToken *stop) = 0;
};

/// The task a config asks for on a dataset (config.task, or from the labels when it is empty: a mask
/// layout → segment, boxes only → detect, otherwise classify). The dataset must outlive the task.
std::unique_ptr<TrainingTask> makeTrainingTask(const Dataset &dataset, const TrainConfig &config);

/// "segment" for a mask layout (PNG mask folders, MVTec AD), "detect" when the dataset has objects and
/// no image labels, else "classify".
QString defaultTask(const Dataset &dataset);

} // namespace loupe
