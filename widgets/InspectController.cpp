#include "InspectController.h"

#include "dataset/Errors.h"

#include <QMetaObject>

#include <atomic>
#include <mutex>

namespace loupe {

InspectController::InspectController(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<InspectionPtr>();
}

InspectController::~InspectController()
{
    stop();
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

bool InspectController::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void InspectController::stop()
{
    if (m_stop)
        m_stop->requestStop();
}

void InspectController::start(const QString &path, const InspectOptions &options)
{
    stop();
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    m_stop = std::make_shared<StopToken>();
    const quint64 generation = ++m_generation;
    auto stopToken = m_stop;
    QPointer<InspectController> self(this);

    m_thread = QThread::create([self, path, options, stopToken, generation] {
        // Progress arrives from several worker threads; forward at most ~30 updates a second.
        std::mutex mutex;
        QElapsedTimer clock;
        clock.start();
        qint64 lastMs = -1000;
        int lastPhase = -1;
        auto forward = [&](InspectPhase phase, int done, int total) {
            std::lock_guard<std::mutex> lock(mutex);
            const int p = int(phase);
            const qint64 now = clock.elapsed();
            if (p == lastPhase && now - lastMs < 33 && done < total)
                return;
            lastPhase = p;
            lastMs = now;
            QMetaObject::invokeMethod(
                self.data(),
                [self, p, done, total, generation] {
                    if (self && self->m_generation == generation)
                        Q_EMIT self->progress(p, done, total);
                },
                Qt::QueuedConnection);
        };
        auto announceIndexed = [self, generation](const Inspection &early) {
            auto copy = std::make_shared<const Inspection>(early);
            QMetaObject::invokeMethod(
                self.data(),
                [self, copy, generation] {
                    if (self && self->m_generation == generation)
                        Q_EMIT self->indexed(copy);
                },
                Qt::QueuedConnection);
        };
        InspectionPtr result;
        QString error;
        try {
            result = std::make_shared<const Inspection>(
                inspectDataset(path, options, forward, stopToken.get(), announceIndexed));
        } catch (const LabelFileError &e) {
            error = e.message();
        } catch (const DatasetError &e) {
            error = e.message();
        } catch (const std::exception &e) {
            error = QString::fromLocal8Bit(e.what());
        }
        if (!self)
            return;
        QMetaObject::invokeMethod(
            self.data(),
            [self, result, error, generation] {
                if (!self || self->m_generation != generation)
                    return;
                if (result)
                    Q_EMIT self->finished(result);
                else
                    Q_EMIT self->failed(error);
            },
            Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("loupe-inspect"));
    m_thread->start();
}

} // namespace loupe
