#pragma once

// Inside saveLabelEdits (dataset/LabelEdits.h): the plan of what a save changes, worked out by one
// planner per label format before anything is touched, then carried out as one transaction.

#include "dataset/Dataset.h"
#include "dataset/LabelEdits.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <map>
#include <vector>

namespace loupe::labeledits {

/// A label file's new content, and the old one to restore should the save fail.
struct FileChange {
    QString path;
    QByteArray before;
    QByteArray after;
    bool existed = true;
};

/// An image moved to another class folder.
struct Move {
    QString from;
    QString to;
};

/// Every new file content and every move of one save.
struct Plan {
    std::vector<FileChange> files;
    std::vector<Move> moves;
};

/// Label files read once, edited as text in memory; only what differs at the end gets written.
class Workspace
{
public:
    /// The file's text, read on first use; throws DatasetError when it cannot be read or is not UTF-8.
    QString &text(const QString &path);
    std::vector<FileChange> changes() const;

private:
    std::map<QString, QString> m_texts;
    std::map<QString, QByteArray> m_originals;
};

/// The samples of a dataset by path (the first of each path).
using SamplesByPath = QHash<QString, const Sample *>;

QString native(const QString &path);
/// The object that gives a detection image its class, as classificationView picks it.
int largestObject(const Sample &sample);
/// Throws the DatasetError for a label file that no longer says what the open dataset does.
[[noreturn]] void staleLabel(const QString &image, const QString &file, const QString &found, const QString &expected);

// One planner per format; each throws DatasetError naming the file when an edit cannot be made.
void planCsv(const Dataset &dataset, const std::vector<LabelEdit> &edits, Workspace &ws);
void planCoco(const Dataset &dataset, const std::vector<LabelEdit> &edits, const SamplesByPath &samples,
    std::vector<FileChange> &files);
void planVoc(const Dataset &dataset, const std::vector<LabelEdit> &edits, const SamplesByPath &samples, Workspace &ws);
void planYolo(const Dataset &dataset, const std::vector<LabelEdit> &edits, const SamplesByPath &samples, Workspace &ws);
void planFolder(const Dataset &dataset, const std::vector<LabelEdit> &edits, Plan &plan);

/// Copies what the plan changes into `<folder>/loupe-backups/<timestamp>/`, then writes and moves;
/// on a failure undoes what was done and throws DatasetError saying what is where.
LabelSaveResult carryOut(const QString &folder, const Plan &plan);

} // namespace loupe::labeledits
