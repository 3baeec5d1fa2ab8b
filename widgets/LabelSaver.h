#pragma once

#include "InspectController.h"
#include "dataset/LabelEdits.h"

#include <QObject>
#include <QThread>

#include <functional>
#include <vector>

namespace loupe {

/// Writes relabelled images into the dataset's label files (a backup first, then the rewrite) on a
/// thread of its own, so that the window stays responsive on big label files or slow disks. The
/// outcome comes back as a queued signal.
class LabelSaver : public QObject
{
    Q_OBJECT
public:
    /// What does the writing; saveLabelEdits unless replaced.
    using SaveFunction = std::function<LabelSaveResult(const Dataset &, const std::vector<LabelEdit> &)>;

    explicit LabelSaver(QObject *parent = nullptr);
    /// Lets a save in flight finish: stopping halfway would leave a half-rewritten dataset.
    ~LabelSaver() override;

    bool isBusy() const { return m_busy; }
    /// Starts writing `edits` into the inspection's dataset (kept alive until done); false when a
    /// save is running already.
    bool start(const InspectionPtr &inspection, std::vector<LabelEdit> edits);
    /// Returns once the save in flight has finished (and `finished` was emitted), handling events
    /// meanwhile. For callers that must know the outcome, such as closing the window.
    void waitForFinished();
    /// Replaces the writer, e.g. to observe which thread writes.
    void setSaveFunction(SaveFunction save) { m_save = std::move(save); }

Q_SIGNALS:
    /// `error` is empty on success.
    void finished(const QString &backupFolder, const QStringList &changedFiles, const QString &error);

private:
    QThread m_thread;
    QObject *m_worker; ///< lives on m_thread: the context the save runs in
    SaveFunction m_save;
    bool m_busy = false;
};

} // namespace loupe
