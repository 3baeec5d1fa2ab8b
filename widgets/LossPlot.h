#pragma once

#include "train/Trainer.h"

#include <QList>
#include <QPointF>
#include <QTimer>
#include <QVector>
#include <QWidget>

#include <vector>

class QCheckBox;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QCPItemTracer;
class QCustomPlot;
class QLabel;
class QMouseEvent;
class QSlider;

namespace loupe {

/// Loss curves of a run: train loss per step (raw and smoothed) and per epoch, dev loss per
/// epoch, the task's loss parts per epoch (a detector's classification and box losses; a check box
/// hides them), dev macro F1 or mAP on the right axis, best-epoch and early-stop marks, earlier runs
/// overlaid. Takes data as it arrives and redraws at most ~30 times a second; NaN and infinity
/// are dropped on insert.
class LossPlot : public QWidget
{
    Q_OBJECT
public:
    /// An earlier run to draw behind the current one.
    struct Overlay {
        QString name;
        std::vector<EpochMetrics> history;
    };

    explicit LossPlot(QWidget *parent = nullptr);

    /// Forgets the current run's curves and marks (overlays stay).
    void clearRun();
    /// (epoch + fraction of it done, loss) per training step.
    void addStepLosses(const QVector<QPointF> &points);
    void addEpoch(const EpochMetrics &metrics);
    /// Replaces the current run's epoch curves with a finished run's history (no step curve).
    void setHistory(const std::vector<EpochMetrics> &history);
    /// Vertical marks at the best epoch and where early stopping ended the run; 0 = none.
    void setMarks(int bestEpoch, int stoppedEpoch);
    void setOverlays(const QList<Overlay> &runs);

    /// Exponential moving average factor of the smoothed step curve, 0 (raw) to 0.99.
    void setSmoothing(double factor);
    double smoothing() const { return m_smoothing; }
    void setLogScale(bool on);
    bool logScale() const;
    /// Shows every curve again and follows new data (after a zoom or pan).
    void resetView();

    bool exportPng(const QString &file);
    bool exportPdf(const QString &file);

    // What is drawn now, for tests and the benchmark.
    int stepPointCount() const;
    int epochPointCount() const; ///< train-loss-per-epoch points
    int devPointCount() const;
    int overlayCount() const { return int(m_overlayGraphs.size()) / 2; }
    /// The loss-part curves, train ("train_loss_box") and dev, by their metrics.jsonl key.
    QStringList lossPartKeys() const;
    int lossPartPointCount(const QString &key) const;
    bool lossPartsShown() const;
    int replotCount() const { return m_replots; }
    QCustomPlot *plot() const { return m_plot; }

protected:
    /// Fewer legend columns on a narrow plot, so that no entry is cut off (German names are long).
    void resizeEvent(QResizeEvent *event) override;

private:
    void scheduleReplot();
    void replotNow();
    void rescale();
    void rebuildSmoothed();
    void showReadout(QMouseEvent *event);
    void exportWithDialog(bool pdf);
    QCPGraph *makeGraph(const QString &name, const QColor &color, bool onRightAxis = false);
    QCPGraph *lossPartGraph(const QString &key);

    QCustomPlot *m_plot;
    QSlider *m_smoothSlider;
    QLabel *m_smoothLabel;
    QCheckBox *m_logCheck;
    QCheckBox *m_overlayCheck;
    QCheckBox *m_partsCheck;

    QCPGraph *m_stepRaw;
    QCPGraph *m_stepSmooth;
    QCPGraph *m_epochTrain;
    QCPGraph *m_epochDev;
    QCPGraph *m_devF1;
    QList<QCPGraph *> m_overlayGraphs;
    std::vector<std::pair<QString, QCPGraph *>> m_partGraphs; ///< in the order the keys arrived
    QCPItemStraightLine *m_bestLine;
    QCPItemText *m_bestLabel;
    QCPItemStraightLine *m_stopLine;
    QCPItemText *m_stopLabel;
    QCPItemTracer *m_tracer;
    QCPItemText *m_readout;

    QVector<QPointF> m_rawSteps; ///< kept to rebuild the smoothed curve when the factor changes
    double m_smoothing = 0.6;
    double m_ema = 0;
    bool m_follow = true; ///< rescale to new data until the user zooms or pans
    QTimer m_replotTimer;
    int m_replots = 0;
};

} // namespace loupe
