#include "RelabelSession.h"

#include "LabelSaver.h"
#include "PredictionsText.h"

#include <QCoreApplication>
#include <QDir>
#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>

namespace loupe {

namespace {

// Texts written for the Predictions page keep its translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::PredictionsPanel)
};

/// One relabel as an undoable step: remembers the pending label the image had before.
class RelabelCommand : public QUndoCommand
{
public:
    RelabelCommand(RelabelSession *session, QString path, QString before, QString after)
        : QUndoCommand(Text::tr("Relabel %1 as %2").arg(fileNameOf(path), after))
        , m_session(session)
        , m_path(std::move(path))
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
    }
    // Each step says where it leaves the image and the edits, so no earlier message stays behind.
    void redo() override
    {
        m_session->applyPending(m_path, m_after);
        m_session->describePending(m_path);
    }
    void undo() override
    {
        m_session->applyPending(m_path, m_before);
        m_session->describePending(m_path);
    }

private:
    RelabelSession *m_session;
    QString m_path;
    QString m_before;
    QString m_after;
};

} // namespace

RelabelSession::RelabelSession(QObject *parent)
    : QObject(parent)
    , m_undo(new QUndoStack(this))
    , m_saver(new LabelSaver(this))
{
    connect(m_saver, &LabelSaver::finished, this, &RelabelSession::saverFinished);
}

void RelabelSession::setInspection(const InspectionPtr &inspection)
{
    const QString root = inspection ? inspection->dataset.root : QString();
    if (inspection && !m_editsRoot.isEmpty() && m_editsRoot != root && hasUnsavedEdits()) {
        Q_EMIT message(Text::tr("%n unsaved label change(s) for %1 were dropped: another dataset was opened.",
                                nullptr, int(m_pending.size()))
                           .arg(m_editsRoot),
                       true);
        clear();
    }
    m_inspection = inspection;
    m_sampleOfPath.clear();
    if (inspection)
        for (int i = 0; i < int(inspection->dataset.samples.size()); ++i)
            m_sampleOfPath.insert(inspection->dataset.samples[std::size_t(i)].path, i);
    if (inspection && !hasUnsavedEdits())
        m_editsRoot = root;
}

QString RelabelSession::datasetClassOf(const QString &samplePath) const
{
    if (!m_inspection)
        return {};
    const int s = m_sampleOfPath.value(samplePath, -1);
    if (s < 0)
        return {};
    const Dataset &ds = m_inspection->dataset;
    const Sample &sample = ds.samples[std::size_t(s)];
    int id = sample.classId;
    if (id < 0 && !sample.objects.empty())
        id = sample.objects.front().classId;
    return ds.classes.value(id);
}

bool RelabelSession::relabel(const QString &samplePath, const QString &newClass)
{
    const QString name = newClass.trimmed();
    if (samplePath.isEmpty() || name.isEmpty() || isSaving())
        return false;
    const QString before = m_pending.value(samplePath);
    const QString now = before.isEmpty() ? datasetClassOf(samplePath) : before;
    if (name == now) {
        Q_EMIT message(Text::tr("%1 is already labelled %2.").arg(fileNameOf(samplePath), name), false);
        return false;
    }
    m_undo->push(new RelabelCommand(this, samplePath, before, name)); // says what it did
    return true;
}

void RelabelSession::describePending(const QString &samplePath)
{
    const QString pending = m_pending.value(samplePath);
    const QString image = pending.isEmpty()
        ? Text::tr("%1 keeps its label %2.").arg(fileNameOf(samplePath), datasetClassOf(samplePath))
        : Text::tr("%1 will be labelled %2 when you save the labels.").arg(fileNameOf(samplePath), pending);
    const int count = int(m_pending.size());
    const QString all = count == 0 ? Text::tr("No label changes pending.")
                                   : Text::tr("%n label change(s) pending.", nullptr, count);
    Q_EMIT message(image + QLatin1Char(' ') + all, false);
}

void RelabelSession::applyPending(const QString &samplePath, const QString &label)
{
    if (label.isEmpty() || label == datasetClassOf(samplePath))
        m_pending.remove(samplePath);
    else
        m_pending.insert(samplePath, label);
    if (m_inspection && hasUnsavedEdits())
        m_editsRoot = m_inspection->dataset.root;
    Q_EMIT pendingChanged(samplePath);
}

std::vector<LabelEdit> RelabelSession::pendingEdits() const
{
    std::vector<LabelEdit> edits;
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it)
        edits.push_back({it.key(), datasetClassOf(it.key()), it.value()});
    std::sort(edits.begin(), edits.end(), [](const LabelEdit &a, const LabelEdit &b) { return a.path < b.path; });
    return netEdits(edits);
}

void RelabelSession::clear()
{
    m_undo->clear();
    m_pending.clear();
    Q_EMIT pendingChanged(QString());
}

bool RelabelSession::isSaving() const
{
    return m_saver->isBusy();
}

bool RelabelSession::save(bool reload)
{
    if (isSaving())
        return false;
    std::vector<LabelEdit> edits = pendingEdits();
    if (edits.empty()) {
        Q_EMIT message(Text::tr("No label changes to save."), false);
        return true;
    }
    if (!m_inspection) {
        Q_EMIT message(Text::tr("The dataset is being read again; save once it is open."), true);
        return false;
    }
    m_savingCount = int(edits.size());
    m_reloadAfterSave = reload;
    m_saver->start(m_inspection, std::move(edits));
    Q_EMIT saveStarted(m_savingCount);
    return true;
}

bool RelabelSession::saveAndWait()
{
    if (!save(false))
        return false;
    waitForSave();
    return !hasUnsavedEdits();
}

void RelabelSession::waitForSave()
{
    m_saver->waitForFinished();
}

void RelabelSession::saverFinished(const QString &backupFolder, const QStringList &changedFiles, const QString &error)
{
    if (!error.isEmpty()) {
        Q_EMIT message(Text::tr("The labels were not saved: %1. The dataset is unchanged; your %n edit(s) are still "
                                "pending.",
                                nullptr, m_savingCount)
                           .arg(error),
                       true);
        Q_EMIT saveFinished(false);
        return;
    }
    clear();
    // Class folders: the images were moved, not rewritten; what is kept is the list of moves.
    const bool moves = m_inspection && m_inspection->dataset.format == QLatin1String("folder");
    const QString done =
        moves ? Text::tr("Moved %n image(s) to their new class folders. The moves are listed in %1 (to undo them "
                         "by hand).",
                         nullptr, m_savingCount)
                    .arg(QDir::toNativeSeparators(QDir(backupFolder).filePath(QStringLiteral("moves.tsv"))))
              : Text::tr("Saved %n label change(s). The original files are backed up in %1.", nullptr, m_savingCount)
                    .arg(QDir::toNativeSeparators(backupFolder));
    Q_EMIT message(done
                       + (m_reloadAfterSave ? QLatin1Char(' ') + Text::tr("Reading the dataset again…") : QString()),
                   false);
    Q_EMIT saveFinished(true);
    Q_EMIT labelsSaved(backupFolder, changedFiles);
    if (m_reloadAfterSave)
        Q_EMIT reloadRequested();
}

} // namespace loupe
