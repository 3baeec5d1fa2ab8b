#include "train/Diagnosis.h"

#include "Translations.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace loupe {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::Diagnosis)
};

// Every threshold below is a fraction of the chance loss ln(classes): the cross-entropy of a
// uniform guess, which is where a freshly initialised classifier starts. Measured against it,
// "high", "near zero" and "flat" mean the same for 2 classes as for 100, whatever the dataset.
constexpr int kMinEpochs = 3;         // a trend needs three points; fewer is noise
constexpr int kWindow = 3;            // the recent epochs a slope is fitted over
constexpr double kFlatSlope = 0.02;   // falling by less than 2 % of the chance loss an epoch: a plateau
constexpr double kHighLevel = 0.5;    // above half the chance loss: less than halfway from guessing to knowing
constexpr double kLowLevel = 0.15;    // near zero: the right class gets ≥ C^-0.15 (0.90 for 2 classes, 0.71 for 10)
constexpr double kDevLowLevel = 0.3;  // a dev loss this low generalises: dev follows a little above train
constexpr double kGap = 0.3;          // dev this far above a near-zero train loss: memorised, not learned
constexpr double kDevRise = 0.1;      // dev this far above its best and still climbing: "goes up"
constexpr double kDivergeLevel = 1.5; // train loss 1.5× a uniform guess's after epoch 1: worse than guessing
constexpr double kDivergeRise = 0.25; // train loss up this much across the window: blowing up
constexpr double kBlownUpFactor = 100.0; // a loss this many times a uniform guess's has blown up

QString num(double v)
{
    return localeNumber(v, 'g', 3);
}

QString percent(double fraction)
{
    return QStringLiteral("%1 %").arg(std::lround(fraction * 100.0));
}

/// Least-squares slope of the last `window` values against their epoch, in loss per epoch.
double recentSlope(const std::vector<EpochMetrics> &h, bool dev, int window)
{
    const int n = int(h.size());
    const int first = std::max(0, n - window);
    const int count = n - first;
    if (count < 2)
        return 0.0;
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (int i = first; i < n; ++i) {
        const double x = h[i].epoch;
        const double y = dev ? h[i].devLoss : h[i].trainLoss;
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
    }
    const double denom = count * sxx - sx * sx;
    return denom > 0 ? (count * sxy - sx * sy) / denom : 0.0;
}

QStringList underfittingRemedies()
{
    return {Text::tr("A bigger backbone (more trainable parameters), e.g. resnet34 or resnet50 instead of resnet18."),
            Text::tr("Less data augmentation: review the transforms and remove those that hide what the model must "
                     "see (strong brightness, 90° rotations, crops that cut away context)."),
            Text::tr("Less regularisation: lower the weight decay (or the dropout)."),
            Text::tr("A larger input image size, no larger than the original images.")};
}

QStringList overfittingRemedies()
{
    return {Text::tr("More training data: the simplest and by far the most effective remedy."),
            Text::tr("More data augmentation: stronger transforms, or more of them."),
            Text::tr("Last, with caution: a smaller backbone. It can cost accuracy; more augmentation and "
                     "regularisation are better first steps.")};
}

QStringList divergingRemedies()
{
    return {Text::tr("A lower learning rate: a tenth of the current one is a good next try."),
            Text::tr("If it still diverges, run the overfit check: the images or labels may not be loaded properly.")};
}

// Dev loss blown up while the train loss is a number: evaluation mode differs from training mode,
// and in these networks that is batch norm's running statistics, not the learning rate.
QStringList devBlowUpRemedies()
{
    return {Text::tr("A larger input image size: ResNet and VGG divide the side by 32, so at 32 px or less the last "
                     "feature maps are 1x1 and batch norm there sees only one value per image."),
            Text::tr("A larger batch: batch norm's statistics from few values per channel do not carry over to "
                     "evaluation."),
            Text::tr("When fine-tuning pretrained weights (--init), keep batch norm's running statistics frozen so "
                     "that training and evaluation normalise alike.")};
}

} // namespace

double blownUpLoss(int classes)
{
    return kBlownUpFactor * std::max(1.0, std::log(double(std::max(2, classes))));
}

QString verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::NoneYet: return Text::tr("no verdict yet");
    case Verdict::Converging: return Text::tr("converging");
    case Verdict::Underfitting: return Text::tr("underfitting");
    case Verdict::Overfitting: return Text::tr("overfitting");
    case Verdict::Diverging: return Text::tr("diverging");
    case Verdict::Converged: return Text::tr("converged");
    }
    return {};
}

Diagnosis diagnose(const std::vector<EpochMetrics> &history, int classes)
{
    Diagnosis d;
    d.epochs = int(history.size());
    d.chanceLoss = std::log(double(std::max(2, classes)));
    // A detector's loss (focal + box regression) has no uniform guess to measure against: its own
    // first epoch is the scale, where the untrained detector started.
    d.detection = !history.empty() && !history.front().hasClassMetrics;
    if (d.detection && std::isfinite(history.front().trainLoss) && history.front().trainLoss > 0)
        d.chanceLoss = history.front().trainLoss;
    const double c = d.chanceLoss;
    // The sentence for the scale in use: a uniform guess's loss, or the detector's first epoch.
    const auto scaled
        = [&](const QString &classifier, const QString &detector) { return d.detection ? detector : classifier; };
    auto finish = [&](Verdict v, QString evidence, QStringList remedies = {}) {
        d.verdict = v;
        d.title = verdictName(v);
        d.title[0] = d.title[0].toUpper();
        d.evidence = std::move(evidence);
        d.remedies = std::move(remedies);
        return d;
    };

    if (history.empty())
        return finish(Verdict::NoneYet, Text::tr("No epoch has been evaluated yet."));

    const double blownUp = blownUpLoss(classes);
    for (const EpochMetrics &m : history) {
        if (!std::isfinite(m.trainLoss) || m.trainLoss > blownUp)
            return finish(Verdict::Diverging,
                          Text::tr("At epoch %1 the training loss blew up (train %2, dev %3).")
                              .arg(m.epoch)
                              .arg(localeNumber(m.trainLoss))
                              .arg(localeNumber(m.devLoss)),
                          divergingRemedies());
        if (!std::isfinite(m.devLoss) || m.devLoss > blownUp) {
            finish(Verdict::Diverging,
                   Text::tr("At epoch %1 the dev loss blew up (%2) while the training loss is %3: the model works in "
                            "training mode but not in evaluation mode, where batch norm uses its running statistics. Training is not diverging: this is not a "
                            "learning-rate problem.")
                       .arg(m.epoch)
                       .arg(num(m.devLoss))
                       .arg(num(m.trainLoss)),
                   devBlowUpRemedies());
            d.title = Text::tr("Dev loss blown up");
            return d;
        }
    }

    const EpochMetrics &last = history.back();
    d.trainLoss = last.trainLoss;
    d.devLoss = last.devLoss;
    d.bestDevLoss = history.front().devLoss;
    d.bestDevEpoch = history.front().epoch;
    for (const EpochMetrics &m : history) {
        if (m.devLoss < d.bestDevLoss) {
            d.bestDevLoss = m.devLoss;
            d.bestDevEpoch = m.epoch;
        }
    }
    d.trainSlope = recentSlope(history, false, kWindow) / c;
    d.devSlope = recentSlope(history, true, kWindow) / c;

    if (d.epochs >= 2 && d.trainLoss > kDivergeLevel * c)
        return finish(Verdict::Diverging,
            scaled(Text::tr("Train loss %1 at epoch %2 is worse than a uniform guess's %3."),
                QCoreApplication::translate(
                    "loupe::Diagnosis", "Train loss %1 at epoch %2 is far above the first epoch's %3."))
                .arg(num(d.trainLoss))
                .arg(last.epoch)
                .arg(num(c)),
            divergingRemedies());
    if (d.epochs >= kWindow) {
        const EpochMetrics &from = history[history.size() - kWindow];
        bool rising = true;
        for (std::size_t i = history.size() - kWindow + 1; i < history.size(); ++i)
            rising = rising && history[i].trainLoss > history[i - 1].trainLoss;
        if (rising && d.trainLoss - from.trainLoss > kDivergeRise * c)
            return finish(Verdict::Diverging,
                          Text::tr("Train loss rose from %1 at epoch %2 to %3 at epoch %4: training is going the "
                                   "wrong way.")
                              .arg(num(from.trainLoss))
                              .arg(from.epoch)
                              .arg(num(d.trainLoss))
                              .arg(last.epoch),
                          divergingRemedies());
    }

    if (d.epochs < kMinEpochs)
        return finish(Verdict::NoneYet, Text::tr("%n epoch(s) so far; the curves are read from epoch %1 on.", "",
                                                 d.epochs)
                                            .arg(kMinEpochs));

    const bool trainFalling = d.trainSlope < -kFlatSlope;
    const bool trainFlat = !trainFalling;
    const bool devFlat = d.devSlope >= -kFlatSlope;
    const bool trainNearZero = d.trainLoss < kLowLevel * c;
    const bool devRising = d.devLoss - d.bestDevLoss > kDevRise * c && d.devSlope > 0 && d.bestDevEpoch < last.epoch;
    const QString levels = scaled(Text::tr("train loss %1 (%2 of a uniform guess's %3), dev loss %4 (%5)"),
        QCoreApplication::translate("loupe::Diagnosis", "train loss %1 (%2 of the first epoch's %3), dev loss %4 (%5)"))
                               .arg(num(d.trainLoss), percent(d.trainLoss / c), num(c), num(d.devLoss),
                                   percent(d.devLoss / c));

    if (devRising && (trainFalling || trainNearZero))
        return finish(Verdict::Overfitting,
                      Text::tr("Train loss keeps falling (now %1) while dev loss goes up: %2 at epoch %3, %4 now.")
                          .arg(num(d.trainLoss), num(d.bestDevLoss))
                          .arg(d.bestDevEpoch)
                          .arg(num(d.devLoss)),
                      overfittingRemedies());
    if (trainNearZero && devFlat && d.devLoss - d.trainLoss > kGap * c)
        return finish(Verdict::Overfitting,
                      Text::tr("Train loss is near zero but dev loss stays high: %1.").arg(levels),
                      overfittingRemedies());
    if (trainFlat && devFlat && d.trainLoss > kHighLevel * c && d.devLoss > kHighLevel * c)
        return finish(Verdict::Underfitting,
            scaled(Text::tr("Both curves have flattened (under %1 of a uniform guess's loss an epoch over the "
                            "last %2 epochs) at a high level: %3."),
                QCoreApplication::translate("loupe::Diagnosis",
                    "Both curves have flattened (under %1 of the first epoch's "
                    "loss an epoch over the last %2 epochs) at a high level: %3."))
                .arg(percent(kFlatSlope))
                .arg(kWindow)
                .arg(levels),
            underfittingRemedies());
    if (trainFlat && devFlat && trainNearZero && d.devLoss < kDevLowLevel * c)
        return finish(Verdict::Converged, Text::tr("Both curves are low and flat: %1.").arg(levels));
    if (trainFlat && devFlat)
        return finish(Verdict::Converging,
                      Text::tr("Both curves have flattened between high and low: %1. Neither underfitting nor "
                               "overfitting yet; compare with other runs.")
                          .arg(levels));
    return finish(Verdict::Converging,
        scaled(Text::tr("Still learning: %1, train falling %2 of a uniform guess's loss an epoch."),
            QCoreApplication::translate(
                "loupe::Diagnosis", "Still learning: %1, train falling %2 of the first epoch's loss an epoch."))
            .arg(levels, percent(-d.trainSlope)));
}

} // namespace loupe
