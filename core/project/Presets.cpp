#include "project/Presets.h"

#include "dataset/Errors.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>

namespace loupe {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::Project)
};

// The old file's presets, checked by the same rules as loupe.json's; throws LabelFileError naming
// presets.json. An empty map when the file holds none.
QMap<QString, QJsonObject> readLegacy(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        throw LabelFileError(file, QString(), Text::tr("cannot read: %1").arg(f.errorString()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        throw LabelFileError(file, QString(), Text::tr("expected valid JSON: %1").arg(error.errorString()));
    if (!doc.isObject())
        throw LabelFileError(file, QString(), Text::tr("expected a JSON object"));
    const QJsonValue presets = doc.object().value(QStringLiteral("presets"));
    if (presets.isUndefined())
        return {};
    return Project::fromJson(QJsonObject{{QStringLiteral("presets"), presets}}, file).presets;
}

} // namespace

namespace presetfile {

QString legacyPath(const QString &projectDir)
{
    return QDir(projectDir).filePath(QStringLiteral("presets.json"));
}

Loaded load(const QString &projectDir)
{
    Loaded loaded;
    loaded.project = projectfile::read(projectDir);
    const QString legacy = legacyPath(projectDir);
    if (!QFile::exists(legacy))
        return loaded;
    // Read even when loupe.json has presets: a malformed old file stays named on the page until
    // the user deals with it.
    QMap<QString, QJsonObject> presets;
    try {
        presets = readLegacy(legacy);
    } catch (const LabelFileError &e) {
        loaded.note = Text::tr("The old presets file is left as it is and not used: %1").arg(e.message());
        loaded.problem = true;
        return loaded;
    }
    if (!loaded.project.presets.isEmpty()) {
        loaded.note = Text::tr("%1 is not used: the presets are kept in %2.").arg(legacy, projectfile::path(projectDir));
        return loaded;
    }
    if (presets.isEmpty())
        return loaded;
    Project project = loaded.project;
    project.presets = presets;
    if (const QString error = projectfile::write(projectDir, project); !error.isEmpty()) {
        loaded.note = Text::tr("The presets in %1 are not taken in: %2").arg(legacy, error);
        loaded.problem = true;
        return loaded;
    }
    loaded.project = project;
    // Renamed, not deleted: the user's file stays, and it is not taken in a second time.
    QString kept = legacy + QStringLiteral(".imported");
    for (int i = 2; QFile::exists(kept); ++i)
        kept = legacy + QStringLiteral(".imported-%1").arg(i);
    if (QFile::rename(legacy, kept))
        loaded.note = Text::tr("Presets taken in from %1 into %2; the old file is kept as %3.")
                          .arg(legacy, projectfile::path(projectDir), kept);
    else
        loaded.note = Text::tr("Presets taken in from %1 into %2.").arg(legacy, projectfile::path(projectDir));
    return loaded;
}

QString save(const QString &projectDir, const QString &name, const QJsonObject &preset)
{
    Project project = projectfile::read(projectDir);
    project.presets.insert(name, preset);
    return projectfile::write(projectDir, project);
}

QString remove(const QString &projectDir, const QString &name)
{
    Project project = projectfile::read(projectDir);
    if (project.presets.remove(name) == 0)
        return {};
    return projectfile::write(projectDir, project);
}

} // namespace presetfile

} // namespace loupe
