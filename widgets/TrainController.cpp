#include "TrainController.h"

#include "dataset/Errors.h"
#include "project/RunFolder.h"
#include "project/RunStatus.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QMetaObject>

namespace loupe {

TrainController::TrainController(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<TrainProgress>();
    qRegisterMetaType<EpochMetrics>();
    qRegisterMetaType<TrainResult>();
    qRegisterMetaType<OverfitResult>();
    qRegisterMetaType<QVector<QPointF>>();
}

TrainController::~TrainController()
{
    if (m_trainer)
        m_trainer->cancel();
    if (m_checkStop)
        m_checkStop->requestStop();
    joinThreads();
}

void TrainController::joinThreads()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    if (m_checkThread) {
        m_checkThread->wait();
        delete m_checkThread;
        m_checkThread = nullptr;
    }
}

bool TrainController::isRunning() const
{
    return m_running;
}

bool TrainController::isPaused() const
{
    return isRunning() && m_paused;
}

bool TrainController::isCheckingOverfit() const
{
    return m_checking;
}

bool TrainController::start(const Dataset &dataset, const TrainConfig &config, const QString &runDir, bool resume)
{
    if (isRunning() || isCheckingOverfit()) {
        Q_EMIT error(tr("A run or an overfit check is already going; wait for it or cancel it first."));
        return false;
    }
    if (const QString problem = config.validate(); !problem.isEmpty()) {
        Q_EMIT error(problem);
        return false;
    }
    joinThreads();
    m_trainer = std::make_unique<Trainer>(dataset, config, runDir);
    m_trainer->setResume(resume);
    m_runDir = runDir;
    m_paused = false;
    m_running = true;
    if (resume)
        runfolder::clearStatus(runDir);
    Trainer *trainer = m_trainer.get();

    m_thread = QThread::create([this, trainer, runDir] {
        // Steps come far faster than a plot needs; batch their losses and send ~30 times a second.
        QVector<QPointF> pending;
        TrainProgress latest;
        QElapsedTimer clock;
        clock.start();
        qint64 lastSent = -kProgressIntervalMs;
        auto flush = [&] {
            if (pending.isEmpty())
                return;
            QVector<QPointF> losses;
            losses.swap(pending);
            lastSent = clock.elapsed();
            QMetaObject::invokeMethod(
                this, [this, latest, losses] { Q_EMIT progress(latest, losses); }, Qt::QueuedConnection);
        };
        TrainCallbacks callbacks;
        callbacks.onStep = [&](const TrainProgress &p) {
            latest = p;
            const double x = (p.epoch - 1) + double(p.step) / double(std::max(1, p.stepsPerEpoch));
            pending.append(QPointF(x, p.loss));
            if (clock.elapsed() - lastSent >= kProgressIntervalMs || p.step == p.stepsPerEpoch)
                flush();
        };
        callbacks.onEpoch = [&](const EpochMetrics &m) {
            flush();
            QMetaObject::invokeMethod(this, [this, m] { Q_EMIT epochDone(m); }, Qt::QueuedConnection);
        };
        callbacks.onNote = [&](const QString &text) {
            QMetaObject::invokeMethod(this, [this, text] { Q_EMIT note(text); }, Qt::QueuedConnection);
        };
        const TrainResult result = trainer->run(callbacks);
        flush();
        // A run that never wrote its config (unusable dataset) leaves no folder behind to mark.
        QString statusError;
        if (QFileInfo::exists(runfolder::configPath(runDir)))
            statusError = runfolder::writeStatus(runDir, result);
        QMetaObject::invokeMethod(
            this,
            [this, result, statusError] {
                if (!statusError.isEmpty())
                    Q_EMIT note(statusError);
                m_paused = false;
                m_running = false;
                if (result.outcome == TrainOutcome::Failed)
                    Q_EMIT error(result.message);
                else
                    Q_EMIT finished(result);
            },
            Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("loupe-train"));
    m_thread->start();
    Q_EMIT started(runDir);
    return true;
}

void TrainController::pause()
{
    if (!isRunning() || m_paused)
        return;
    m_trainer->pause();
    m_paused = true;
    Q_EMIT pausedChanged(true);
}

void TrainController::resume()
{
    if (!isRunning() || !m_paused)
        return;
    m_trainer->resume();
    m_paused = false;
    Q_EMIT pausedChanged(false);
}

void TrainController::cancel()
{
    if (m_trainer && m_running) {
        // A paused trainer wakes up to notice the cancel.
        m_trainer->cancel();
    }
    if (m_checkStop)
        m_checkStop->requestStop();
}

void TrainController::cancelAndWait()
{
    cancel();
    if (m_thread)
        m_thread->wait();
    if (m_checkThread)
        m_checkThread->wait();
}

bool TrainController::startOverfitCheck(const Dataset &dataset, const OverfitOptions &options)
{
    if (isRunning() || isCheckingOverfit()) {
        Q_EMIT overfitError(tr("A run or an overfit check is already going; wait for it or cancel it first."));
        return false;
    }
    joinThreads();
    m_checkStop = std::make_shared<StopToken>();
    m_checking = true;
    auto stop = m_checkStop;
    m_checkThread = QThread::create([this, dataset, options, stop] {
        QElapsedTimer clock;
        clock.start();
        qint64 lastSent = -kProgressIntervalMs;
        auto onStep = [&](int step, double loss) {
            if (clock.elapsed() - lastSent < kProgressIntervalMs)
                return;
            lastSent = clock.elapsed();
            QMetaObject::invokeMethod(
                this, [this, step, loss] { Q_EMIT overfitProgress(step, loss); }, Qt::QueuedConnection);
        };
        QString message;
        try {
            const OverfitResult result = runOverfitCheck(dataset, options, onStep, stop.get());
            QMetaObject::invokeMethod(
                this,
                [this, result] {
                    m_checking = false;
                    Q_EMIT overfitFinished(result);
                },
                Qt::QueuedConnection);
            return;
        } catch (const DatasetError &e) {
            message = e.message();
        } catch (const LabelFileError &e) {
            message = e.message();
        } catch (const std::exception &e) {
            message = QString::fromLocal8Bit(e.what());
        }
        QMetaObject::invokeMethod(
            this,
            [this, message] {
                m_checking = false;
                Q_EMIT overfitError(message);
            },
            Qt::QueuedConnection);
    });
    m_checkThread->setObjectName(QStringLiteral("loupe-overfit-check"));
    m_checkThread->start();
    return true;
}

void TrainController::cancelOverfitCheck()
{
    if (m_checkStop)
        m_checkStop->requestStop();
}

} // namespace loupe
