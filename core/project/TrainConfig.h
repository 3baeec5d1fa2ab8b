#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace loupe {

/// Everything a training run is made from; written to the run's config.json so that a run can
/// be resumed, compared and reproduced.
struct TrainConfig {
    /// classify|detect; empty = from the labels (image labels classify, boxes only detect)
    QString task;
    QString model = QStringLiteral("resnet18"); ///< resnet18|resnet34|resnet50|vgg16|vgg19
    int imageSize = 224;
    int channels = 3;                           ///< 1 or 3; grey images are repeated into 3
    int epochs = 10;
    int batchSize = 32;
    QString optimizer = QStringLiteral("sgd");  ///< sgd|adam|adamw
    double learningRate = 0.01;
    double momentum = 0.9;                      ///< SGD only
    double weightDecay = 0.0;
    QString schedule = QStringLiteral("none");  ///< none|step|cosine
    int stepEpochs = 10;                        ///< step schedule: epochs between decays
    double stepGamma = 0.1;                     ///< step schedule: factor per decay
    int warmupEpochs = 0;                       ///< linear warm-up from lr/10, per step
    QString classWeights = QStringLiteral("none"); ///< none|auto (inverse frequency)|explicit
    std::vector<double> explicitClassWeights;
    int earlyStopPatience = 0;                  ///< 0 = off; epochs without dev-loss improvement
    double earlyStopMinDelta = 0.0;
    bool restoreBest = true;                    ///< predictions and final weights from the best epoch
    QString initWeights;                        ///< TorchScript file or earlier run folder
    QString augmentFile;                        ///< pipeline JSON; empty = default; "none" = resize + normalise only
    /// The training pipeline. When set it is used as it is and augmentFile is not read (the window
    /// sets it from its Augment page; a resume reads it from config.json); otherwise the trainer
    /// fills it with the pipeline augmentFile gave, so config.json always holds what was used.
    QByteArray pipelineJson;
    QString precision = QStringLiteral("auto"); ///< auto|fp32|bf16 (model/Precision.h)
    int threads = 0;                            ///< LibTorch intra-op threads; 0 = every core
    int loaderThreads = 2;
    quint64 seed = 0;
    double devFraction = 0.1;                   ///< when the dataset has no dev split of its own
    int maxStepsPerEpoch = 0;                   ///< 0 = whole epoch (tests and quick looks)
    // Detection: how the images are cut, and the anchors.
    QString tiles = QStringLiteral("1x1");      ///< RxC tiles over the image or region of interest
    int tileOverlap = 32;                       ///< pixels neighbouring tiles share
    QString roi;                                ///< x,y,w,h in image pixels; empty = the whole image
    QString anchors = QStringLiteral("auto");   ///< auto (tuned from the training boxes) or SIZES:RATIOS
    /// Tiles without objects drawn each epoch per tile with objects (a new draw every epoch), or "all".
    QString emptyTiles = QStringLiteral("1");

    QJsonObject toJson() const;
    /// Reads what toJson wrote; missing keys keep their defaults. Throws DatasetError on wrong types.
    static TrainConfig fromJson(const QJsonObject &json);
    /// A reason the config cannot be used, or an empty string.
    QString validate() const;
};

/// Reads an emptyTiles setting: a ratio ≥ 0, or infinity for "all"; false when it is neither.
bool parseEmptyTiles(const QString &text, double *ratio);

/// Inverse-frequency class weights (scikit-learn's "balanced"): n / (classes × n_c); 0 for a class
/// with no images, so that it cannot blow up the loss.
std::vector<double> inverseFrequencyWeights(const std::vector<int> &counts);

} // namespace loupe
