#pragma once

// The project file, loupe.json, in the project folder (for a dataset opened in the window:
// <dataset folder>/loupe-runs/, next to the runs).

#include "project/Ranking.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace loupe {

struct Project {
    QString datasetPath;   ///< as the user gave it; relative paths are relative to the project folder
    QString datasetFormat = QStringLiteral("auto");
    QString labelFile;     ///< --labels, "" when the format finds them itself
    quint64 splitSeed = 0;
    double devFraction = 0.2;
    RankingMetric rankingMetric = RankingMetric::MacroF1;
    QMap<QString, QJsonObject> pipelines; ///< saved augmentation pipelines by name (Pipeline JSON)
    QMap<QString, QJsonObject> presets;   ///< saved training presets by name (TrainConfig JSON)

    QJsonObject toJson() const;
    /// Throws LabelFileError naming `file` and the JSON path of the first wrong value.
    static Project fromJson(const QJsonObject &json, const QString &file);
};

namespace projectfile {

/// Where a dataset's project (loupe.json, runs, presets) lives: <its folder>/loupe-runs, the folder
/// being datasetFolder(datasetRoot); "" for an empty root.
QString folderFor(const QString &datasetRoot);
QString path(const QString &projectDir); ///< <projectDir>/loupe.json
/// A missing file gives a default Project; a malformed one throws LabelFileError (file, JSON path).
Project read(const QString &projectDir);
/// Writes through QSaveFile: a full disk or a kill leaves the previous file intact. Returns an error or "".
QString write(const QString &projectDir, const Project &project);

} // namespace projectfile

} // namespace loupe
