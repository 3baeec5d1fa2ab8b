#include "ReportExporter.h"

#include "ErrorText.h"

#include <QElapsedTimer>

#include <atomic>
#include <mutex>

namespace loupe {

namespace {
// Progress bars need no more than ~30 updates a second.
constexpr int kProgressIntervalMs = 33;
} // namespace

ReportExporter::ReportExporter(QObject *parent)
    : QObject(parent)
    , m_worker(new QObject)
{
    m_thread.setObjectName(QStringLiteral("reportExporter"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

ReportExporter::~ReportExporter()
{
    if (m_stop)
        m_stop->requestStop();
    m_thread.requestInterruption();
    m_thread.quit();
    m_thread.wait();
}

bool ReportExporter::start(const QString &file, const QString &runDir, const InspectionPtr &inspection,
                           const RunReportOptions &options)
{
    if (m_busy)
        return false;
    m_busy = true;
    m_stop = std::make_shared<StopToken>();
    const std::shared_ptr<StopToken> stop = m_stop;
    QMetaObject::invokeMethod(
        m_worker,
        [this, file, runDir, inspection, options, stop] {
            QElapsedTimer sinceReport;
            sinceReport.start();
            const ProgressFn onProgress = [&](int done, int total) {
                if (done < total && sinceReport.elapsed() < kProgressIntervalMs)
                    return;
                sinceReport.restart();
                QMetaObject::invokeMethod(this, [this, done, total] { Q_EMIT progress(done, total); }, Qt::QueuedConnection);
            };
            QString error;
            const QString thrown = errorTextOf([&] {
                error = writeRunReport(file, runDir, inspection ? &inspection->dataset : nullptr, options, onProgress,
                                       stop.get());
            });
            if (!thrown.isEmpty())
                error = thrown;
            QMetaObject::invokeMethod(
                this,
                [this, file, error] {
                    m_busy = false;
                    Q_EMIT finished(file, error);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
    return true;
}

void ReportExporter::cancel()
{
    if (m_stop)
        m_stop->requestStop();
}

} // namespace loupe
