#pragma once

#include "StopToken.h"
#include "dataset/Dataset.h"
#include "train/OverfitCheck.h"
#include "project/TrainConfig.h"
#include "train/Trainer.h"

#include <QObject>
#include <QPointF>
#include <QThread>
#include <QVector>

#include <memory>

namespace loupe {

/// Runs the core Trainer (and the overfit check) on a QThread it owns and reports back as queued
/// signals: step progress at most ~30 a second (carrying every step's loss since the last
/// report), every epoch, then exactly one of finished or error. One run at a time.
class TrainController : public QObject
{
    Q_OBJECT
public:
    explicit TrainController(QObject *parent = nullptr);
    /// Cancels a run in flight and waits for it: the trainer keeps its last checkpoint.
    ~TrainController() override;

    /// Starts training `dataset` into runDir (resume: continue from its last checkpoint).
    /// False, with error(), when a run or check is already going or the config is unusable.
    bool start(const Dataset &dataset, const TrainConfig &config, const QString &runDir, bool resume = false);
    void pause();
    void resume();
    void cancel();
    /// Cancels and blocks until the trainer has returned (it stops between steps).
    void cancelAndWait();

    bool isRunning() const;
    bool isPaused() const;
    QString runDir() const { return m_runDir; }

    /// The practice's five-image check on its own thread; overfitFinished or overfitError follow.
    bool startOverfitCheck(const Dataset &dataset, const OverfitOptions &options);
    void cancelOverfitCheck();
    bool isCheckingOverfit() const;

    /// Least time between two progress signals (the plot needs no more than ~30 updates a second).
    static constexpr int kProgressIntervalMs = 33;

Q_SIGNALS:
    void started(const QString &runDir);
    /// latest: the newest step; losses: (epoch + fraction of it done, loss) of every step since the
    /// last signal, so that step and epoch curves share one axis.
    void progress(const loupe::TrainProgress &latest, const QVector<QPointF> &losses);
    void epochDone(const loupe::EpochMetrics &metrics);
    void note(const QString &text);
    void pausedChanged(bool paused);
    /// Completed, stopped early, cancelled or diverged; the run folder has status.json.
    void finished(const loupe::TrainResult &result);
    /// The run could not start or failed (bad dataset, unreadable pipeline…): one line to show.
    void error(const QString &message);

    void overfitProgress(int step, double loss);
    void overfitFinished(const loupe::OverfitResult &result);
    void overfitError(const QString &message);

private:
    void joinThreads();

    QThread *m_thread = nullptr;
    std::unique_ptr<Trainer> m_trainer;
    QString m_runDir;
    bool m_running = false; ///< until finished or error has been emitted (GUI thread only)
    bool m_paused = false;

    QThread *m_checkThread = nullptr;
    std::shared_ptr<StopToken> m_checkStop;
    bool m_checking = false;
};

} // namespace loupe

Q_DECLARE_METATYPE(loupe::TrainProgress)
Q_DECLARE_METATYPE(loupe::EpochMetrics)
Q_DECLARE_METATYPE(loupe::TrainResult)
Q_DECLARE_METATYPE(loupe::OverfitResult)
