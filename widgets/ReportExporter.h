#pragma once

#include "InspectController.h"
#include "eval/RunReport.h"

#include <QObject>
#include <QThread>

#include <memory>

namespace loupe {

/// Writes a run's HTML report off the GUI thread (thumbnails take a while on big images) and
/// reports progress, throttled, and the outcome through queued signals.
class ReportExporter : public QObject
{
    Q_OBJECT
public:
    explicit ReportExporter(QObject *parent = nullptr);
    ~ReportExporter() override;

    bool isBusy() const { return m_busy; }
    /// Starts writing `file`; false when a report is being written already. The inspection (may
    /// be null) supplies the thumbnails and is kept alive until the report is done.
    bool start(const QString &file, const QString &runDir, const InspectionPtr &inspection,
               const RunReportOptions &options = {});
    void cancel();

Q_SIGNALS:
    void progress(int done, int total);
    /// error is empty on success.
    void finished(const QString &file, const QString &error);

private:
    QThread m_thread;
    QObject *m_worker; ///< lives on m_thread: the context the work runs in
    std::shared_ptr<StopToken> m_stop;
    bool m_busy = false;
};

} // namespace loupe
