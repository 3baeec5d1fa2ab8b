#pragma once

#include "eval/Predictions.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace loupe {

class PredictionHistoryPlot;

/// The side panel of the Predictions page for one classified image: truth beside prediction, the
/// confidence and loss, the top three classes as bars, the answer across epochs, and the button
/// that marks the label as wrong.
class PredictionDetails : public QWidget
{
    Q_OBJECT
public:
    explicit PredictionDetails(QWidget *parent = nullptr);

    /// Shows `p`. `datasetClass` is the class the open dataset gives the image now, `pending` an
    /// unsaved relabel ("" for none); `historyKept` says whether the split keeps a history at all.
    void showPrediction(const Prediction &p, const QStringList &classes, const QString &datasetClass,
                        const QString &pending, const PredictionHistory &history, bool historyKept);
    void clear();
    /// Whether "Mark as mislabelled" applies: the image is in the dataset, whose labels Loupe can
    /// rewrite (not IDX, which `rewritable` false says).
    /// The Mark as mislabelled button: off without an image, and off with `refusal` as its tooltip
    /// when the image cannot be relabelled (relabelRefusal).
    void setMarkable(bool enabled, const QString &refusal);

    /// The facts shown, for tests: "truth", "predicted", "confidence", "top1".."top3".
    QString text(const QString &which) const;
    PredictionHistoryPlot *historyPlot() const { return m_history; }

Q_SIGNALS:
    void markRequested();

private:
    void clearTopClasses(int from);

    QLabel *m_truthBox;
    QLabel *m_predictedBox;
    QLabel *m_confidence;
    QLabel *m_topNames[3];
    QProgressBar *m_topBars[3];
    PredictionHistoryPlot *m_history;
    QLabel *m_historyTitle;
    QPushButton *m_markButton;
};

} // namespace loupe
