#pragma once

// Relabelling: image-level class changes written back to the dataset's own label source.

#include "dataset/Dataset.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

namespace loupe {

/// One image given another class. Classes are names, so an edit survives a re-import.
struct LabelEdit {
    QString path;     ///< the sample's path, as in Dataset::samples
    QString oldClass;
    QString newClass;
};

struct LabelSaveResult {
    QStringList changedFiles; ///< label files rewritten, or images moved (their new paths)
    QString backupFolder;     ///< where the originals were copied before anything changed
};

/// Folds a list of edits (later edits of the same image win; an edit back to the original class
/// cancels) into the net changes to write.
std::vector<LabelEdit> netEdits(const std::vector<LabelEdit> &edits);

/// Why a sample cannot be given another class ("" when it can): IDX labels are not rewritten, and
/// in a detection dataset an image without objects has no object whose class could change. The
/// page asks before offering the edit; saveLabelEdits refuses the same edits.
QString relabelRefusal(const Dataset &dataset, const Sample &sample);

/// Applies edits to a dataset in memory (sample classId, and for detection formats the class of
/// the object that gives the image its class: the largest). New class names are appended.
void applyLabelEdits(Dataset &dataset, const std::vector<LabelEdit> &edits);

/// Writes the edits to the dataset's label source: csv rewrites the CSV's label column; coco the
/// category of the image's largest annotation; voc the <name> of the largest <object>; yolo the
/// class number of the largest box's line (a new class appended to data.yaml/classes.txt); folder
/// moves the image into the new class's folder (created when missing, in the same split folder).
/// First copies every file it will change into `<dataset folder>/loupe-backups/<timestamp>/`
/// (for folders a moves.tsv listing old and new paths), then writes each changed label file
/// through a temporary file and renames. If any step fails, what was already changed is restored
/// from the backup and DatasetError is thrown naming the file and the reason: the dataset is then
/// as it was. IDX datasets are refused (their labels are a binary file Loupe does not rewrite).
LabelSaveResult saveLabelEdits(const Dataset &dataset, const std::vector<LabelEdit> &edits);

/// Where folder relabels moved images: every `loupe-backups/*/moves.tsv` of the dataset's folder,
/// oldest first, composed (a → b, then b → c gives a → c). Absolute old path → absolute new path;
/// empty when nothing was moved. Run files name images by the path they had when the run was
/// trained; this finds them again.
QHash<QString, QString> movedImages(const QString &datasetRoot);

} // namespace loupe
