// Carrying out a label save as one transaction: back up, write and move, and on a failure undo.

#include "dataset/labeledits/LabelEditPlan.h"

#include "AtomicFile.h"
#include "dataset/Errors.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace loupe::labeledits {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::LabelEdits)
};

// The reason alone: the messages here name the file in their own words.
QString writeFile(const QString &path, const QByteArray &bytes)
{
    QString reason;
    writeFileAtomically(path, bytes, &reason);
    return reason;
}

QString tsvEscaped(const QString &path)
{
    QString s = path;
    s.replace(QLatin1String("\\"), QLatin1String("\\\\"));
    s.replace(QLatin1String("\t"), QLatin1String("\\t"));
    s.replace(QLatin1String("\n"), QLatin1String("\\n"));
    return s;
}

QString makeBackupFolder(const QString &folder)
{
    const QString base = QDir(folder).filePath(
        QStringLiteral("loupe-backups/") + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    QString dir = base;
    for (int n = 2; QFileInfo::exists(dir); ++n)
        dir = base + QLatin1Char('-') + QString::number(n);
    if (!QDir().mkpath(dir))
        throw DatasetError(Text::tr("cannot create the backup folder %1; nothing was changed").arg(native(dir)));
    return dir;
}

void backUp(const QString &folder, const QString &backup, const Plan &plan)
{
    const QDir from(folder);
    for (const FileChange &c : plan.files) {
        if (!c.existed)
            continue;
        QString rel = from.relativeFilePath(c.path);
        if (rel.startsWith(QLatin1String("..")))
            rel = QFileInfo(c.path).fileName();
        const QString copy = QDir(backup).filePath(rel);
        QDir().mkpath(QFileInfo(copy).absolutePath());
        if (const QString error = writeFile(copy, c.before); !error.isEmpty())
            throw DatasetError(
                Text::tr("cannot back up %1 to %2: %3; nothing was changed").arg(native(c.path), native(copy), error));
    }
    if (!plan.moves.empty()) {
        QString tsv = QStringLiteral("old\tnew\n");
        for (const Move &m : plan.moves)
            tsv += tsvEscaped(from.relativeFilePath(m.from)) + QLatin1Char('\t')
                + tsvEscaped(from.relativeFilePath(m.to)) + QLatin1Char('\n');
        const QString file = QDir(backup).filePath(QStringLiteral("moves.tsv"));
        if (const QString error = writeFile(file, tsv.toUtf8()); !error.isEmpty())
            throw DatasetError(Text::tr("cannot write %1: %2; nothing was changed").arg(native(file), error));
    }
}

/// Undoes what was done, newest first; returns what could not be undone.
QStringList rollBack(const std::vector<const FileChange *> &written, const std::vector<const Move *> &moved,
    const QStringList &createdDirs)
{
    QStringList failures;
    for (auto it = moved.rbegin(); it != moved.rend(); ++it)
        if (!QFile::rename((*it)->to, (*it)->from))
            failures << Text::tr("%1 is still at %2").arg(native((*it)->from), native((*it)->to));
    for (auto it = createdDirs.rbegin(); it != createdDirs.rend(); ++it)
        QDir().rmdir(*it);
    for (auto it = written.rbegin(); it != written.rend(); ++it) {
        const FileChange &c = **it;
        if (!c.existed) {
            if (!QFile::remove(c.path))
                failures << Text::tr("cannot remove the new file %1").arg(native(c.path));
        } else if (const QString error = writeFile(c.path, c.before); !error.isEmpty()) {
            failures << Text::tr("cannot restore %1: %2").arg(native(c.path), error);
        }
    }
    return failures;
}

} // namespace

LabelSaveResult carryOut(const QString &folder, const Plan &plan)
{
    LabelSaveResult result;
    result.backupFolder = makeBackupFolder(folder);
    try {
        backUp(folder, result.backupFolder, plan);
    } catch (const DatasetError &) {
        QDir(result.backupFolder).removeRecursively();
        throw;
    }

    std::vector<const FileChange *> written;
    std::vector<const Move *> moved;
    QStringList createdDirs;
    auto fail = [&](const QString &problem) {
        const QStringList left = rollBack(written, moved, createdDirs);
        if (left.isEmpty())
            throw DatasetError(problem + QLatin1String("; ")
                + Text::tr("nothing was changed (the copies are in %1)").arg(native(result.backupFolder)));
        throw DatasetError(problem + QLatin1String("; ")
            + Text::tr("undoing the changes failed too (%1): the original files are in %2")
                  .arg(left.join(QLatin1String("; ")), native(result.backupFolder)));
    };
    for (const FileChange &c : plan.files) {
        if (const QString error = writeFile(c.path, c.after); !error.isEmpty())
            fail(Text::tr("cannot write %1: %2").arg(native(c.path), error));
        written.push_back(&c);
        result.changedFiles << c.path;
    }
    for (const Move &m : plan.moves) {
        QStringList missing;
        for (QString dir = QFileInfo(m.to).absolutePath(); !QFileInfo::exists(dir); dir = QFileInfo(dir).absolutePath())
            missing.prepend(dir);
        for (const QString &dir : missing) {
            if (!QDir().mkdir(dir))
                fail(Text::tr("cannot create the folder %1").arg(native(dir)));
            createdDirs << dir;
        }
        QFile file(m.from);
        if (!file.rename(m.to))
            fail(Text::tr("cannot move %1 to %2: %3").arg(native(m.from), native(m.to), file.errorString()));
        moved.push_back(&m);
        result.changedFiles << m.to;
    }
    return result;
}

} // namespace loupe::labeledits
