#pragma once

// Training presets, kept in the project file (loupe.json) like everything else the project
// saves. Earlier versions kept them in <project>/presets.json; that file is taken in once.

#include "project/Project.h"

#include <QJsonObject>
#include <QString>

namespace loupe {

namespace presetfile {

/// <projectDir>/presets.json, where the Train page kept its presets before loupe.json held them.
QString legacyPath(const QString &projectDir);

/// The project with its presets, and what happened to an old presets.json.
struct Loaded {
    Project project;
    QString note;           ///< "" or a sentence about presets.json (taken in, or left alone)
    bool problem = false;   ///< the note is a problem (presets.json could not be taken in)
};

/// Reads loupe.json; a malformed one throws LabelFileError (file, JSON path) and nothing is written.
/// When it holds no presets and presets.json parses, its presets are written into loupe.json and
/// presets.json is renamed to presets.json.imported, so this happens once. A malformed presets.json
/// is left untouched and named in the note (on every load, while it is there).
Loaded load(const QString &projectDir);

/// Reads loupe.json, adds (or replaces) / removes one preset and writes it back through
/// projectfile::write. A malformed loupe.json throws LabelFileError and is not written. Returns a
/// write error or "".
QString save(const QString &projectDir, const QString &name, const QJsonObject &preset);
QString remove(const QString &projectDir, const QString &name);

} // namespace presetfile

} // namespace loupe
