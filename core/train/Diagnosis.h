#pragma once

#include "train/Trainer.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace loupe {

/// The practice's reading of a pair of loss curves.
enum class Verdict { NoneYet, Converging, Underfitting, Overfitting, Diverging, Converged };

/// A verdict with the numbers that justify it and what the practice says to do about it.
struct Diagnosis {
    Verdict verdict = Verdict::NoneYet;
    QString title;        ///< one or two words: "Overfitting"
    QString evidence;     ///< the numbers behind the verdict, in a sentence
    QStringList remedies; ///< the practice's remedies, most effective first; empty when none apply

    // The measurements the rules looked at (losses in the loss's own units).
    int epochs = 0;            ///< evaluated epochs in the history
    /// The scale of "high" and "low": a uniform guess's cross-entropy ln(classes) for a classifier; for a
    /// detector (epochs without class metrics) its first epoch's train loss.
    double chanceLoss = 0;
    bool detection = false; ///< the history is a detector's
    double trainLoss = 0;      ///< last epoch's
    double devLoss = 0;        ///< last epoch's
    double bestDevLoss = 0;
    int bestDevEpoch = 0;
    double trainSlope = 0;     ///< per epoch over the recent window, as a fraction of chanceLoss
    double devSlope = 0;       ///< likewise
};

/// Reads the history of a run (one entry per evaluated epoch, in order) of a classifier with
/// `classes` classes, or of a detector (its total loss against its first epoch's). Non-finite losses count as
/// divergence, never as numbers.
Diagnosis diagnose(const std::vector<EpochMetrics> &history, int classes);

/// A cross-entropy above this has blown up: 100 times a uniform guess's loss ln(classes), and at
/// least 100. The trainer stops a run there; diagnose() reads a history with the same line.
double blownUpLoss(int classes);

/// Human name of a verdict ("overfitting").
QString verdictName(Verdict verdict);

} // namespace loupe
