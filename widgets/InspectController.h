#pragma once

#include "StopToken.h"
#include "dataset/Inspection.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <memory>

namespace loupe {

using InspectionPtr = std::shared_ptr<const Inspection>;

/// Runs inspectDataset on its own thread and reports back as queued signals: throttled
/// progress, then exactly one of finished or failed. One inspection at a time; starting a new
/// one stops the old.
class InspectController : public QObject
{
    Q_OBJECT
public:
    explicit InspectController(QObject *parent = nullptr);
    ~InspectController() override;

    void start(const QString &path, const InspectOptions &options = {});
    void stop();
    bool isRunning() const;

Q_SIGNALS:
    /// phase: 0 import, 1 headers, 2 full check.
    void progress(int phase, int done, int total);
    /// The images are listed and their sizes known; the full check is still running.
    void indexed(loupe::InspectionPtr inspection);
    void finished(loupe::InspectionPtr inspection);
    void failed(const QString &message);

private:
    QThread *m_thread = nullptr;
    std::shared_ptr<StopToken> m_stop;
    quint64 m_generation = 0;
};

} // namespace loupe

Q_DECLARE_METATYPE(loupe::InspectionPtr)
