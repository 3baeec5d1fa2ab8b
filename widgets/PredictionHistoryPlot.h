#pragma once

#include "eval/Predictions.h"

#include <QWidget>

class QCustomPlot;
class QCPGraph;

namespace loupe {

/// One image's prediction across the epochs of a run: the confidence of the predicted class per
/// epoch, a green or red marker for right or wrong, and a dashed mark where the answer flipped.
class PredictionHistoryPlot : public QWidget
{
    Q_OBJECT
public:
    explicit PredictionHistoryPlot(QWidget *parent = nullptr);

    /// Shows image `index` of the history (PredictionHistory::indexOf); -1 or an empty history
    /// clears the plot with `message`.
    void setImage(const PredictionHistory &history, int index, const QString &message = {});

    // What is drawn now, for tests.
    int pointCount() const;
    int wrongCount() const;
    int flipCount() const { return m_flips; }
    QCustomPlot *plot() const { return m_plot; }

private:
    QCustomPlot *m_plot;
    QCPGraph *m_line;
    QCPGraph *m_right;
    QCPGraph *m_wrong;
    int m_flips = 0;
};

} // namespace loupe
