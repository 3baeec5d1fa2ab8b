#pragma once

#include "InspectController.h"
#include "dataset/LabelEdits.h"

#include <QHash>
#include <QObject>

#include <vector>

class QUndoStack;

namespace loupe {

class LabelSaver;

/// The relabelling of one dataset from the Predictions page: pending labels (sample path → new
/// class) as undoable steps, written to the label files only by save(), which runs on a
/// LabelSaver thread. Knows nothing of runs or views, so other tasks' pages can share it.
class RelabelSession : public QObject
{
    Q_OBJECT
public:
    explicit RelabelSession(QObject *parent = nullptr);

    /// The dataset the edits are for. Edits of another dataset still pending are dropped (with a
    /// message); the same dataset read again keeps them.
    void setInspection(const InspectionPtr &inspection);

    /// The class the open dataset gives a sample ("" when the path is not one of its samples).
    QString datasetClassOf(const QString &samplePath) const;
    /// Records an edit as one undoable step; false (with a message) when it changes nothing.
    bool relabel(const QString &samplePath, const QString &newClass);
    /// Sets or (empty, or back to the dataset's class) removes a pending label: the undo steps' work.
    void applyPending(const QString &samplePath, const QString &label);
    /// Says what the image will be labelled and how many changes are pending (after every step).
    void describePending(const QString &samplePath);
    const QHash<QString, QString> &pending() const { return m_pending; }
    /// The net changes, sorted by path.
    std::vector<LabelEdit> pendingEdits() const;
    bool hasUnsavedEdits() const { return !m_pending.isEmpty(); }
    /// Forgets every edit and the undo history.
    void clear();

    /// Starts writing the pending edits; `reload` asks the window to read the dataset again after a
    /// successful save. False when it cannot start (no dataset open, a save running). With no edits
    /// it only says so and returns true.
    bool save(bool reload);
    /// save(false), then waits (events still handled) for the outcome: true when nothing is left unsaved.
    bool saveAndWait();
    bool isSaving() const;
    /// Lets a save in flight finish before the caller goes on.
    void waitForSave();

    QUndoStack *undoStack() const { return m_undo; }
    LabelSaver *saver() const { return m_saver; }

Q_SIGNALS:
    /// The pending label of a sample changed (or all of them, with an empty path).
    void pendingChanged(const QString &samplePath);
    /// Something to tell the user on the page; `problem` when it went wrong.
    void message(const QString &text, bool problem);
    void saveStarted(int edits);
    /// After every save: `ok` false when nothing was written (the edits are kept).
    void saveFinished(bool ok);
    void labelsSaved(const QString &backupFolder, const QStringList &changedFiles);
    void reloadRequested();

private:
    void saverFinished(const QString &backupFolder, const QStringList &changedFiles, const QString &error);

    InspectionPtr m_inspection;
    QString m_editsRoot; ///< dataset root the pending edits belong to
    QHash<QString, QString> m_pending;
    QHash<QString, int> m_sampleOfPath;
    QUndoStack *m_undo;
    LabelSaver *m_saver;
    int m_savingCount = 0; ///< edits in the save in flight
    bool m_reloadAfterSave = false;
};

} // namespace loupe
