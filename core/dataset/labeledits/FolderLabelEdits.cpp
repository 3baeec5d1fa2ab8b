// Relabelling class folders: the image moves to the new class's folder, in the same split folder.

#include "dataset/labeledits/LabelEditPlan.h"

#include "dataset/Errors.h"
#include "dataset/Split.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <set>

namespace loupe::labeledits {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::LabelEdits)
};

} // namespace

void planFolder(const Dataset &dataset, const std::vector<LabelEdit> &edits, Plan &plan)
{
    const QDir root(QFileInfo(dataset.root).absoluteFilePath());
    std::set<QString> targets;
    for (const LabelEdit &e : edits) {
        const QStringList parts = root.relativeFilePath(e.path).split(QLatin1Char('/'));
        if (parts.size() < 2 || parts.front() == QLatin1String(".."))
            throw DatasetError(
                Text::tr("%1 is not inside a class folder of %2").arg(native(e.path), native(root.path())));
        const bool inSplit = parts.size() >= 3 && splitOfFolder(parts.front()) != SplitName::None;
        const int clsIndex = inSplit ? 1 : 0;
        const QString current = parts.at(clsIndex);
        if (current == e.newClass)
            continue;
        if (current != e.oldClass)
            staleLabel(e.path, QFileInfo(e.path).absolutePath(), current, e.oldClass);
        if (!inSplit && splitOfFolder(e.newClass) != SplitName::None)
            throw DatasetError(Text::tr("cannot name a class folder \"%1\": the importer would take it for a split "
                                        "folder (train, valid, test)")
                                   .arg(e.newClass));
        QStringList to = parts;
        to[clsIndex] = e.newClass;
        const QString target = root.filePath(to.join(QLatin1Char('/')));
        if (!QFileInfo::exists(e.path)) {
            if (QFileInfo::exists(target))
                continue; // moved already: saved before
            throw DatasetError(Text::tr("%1 is no longer there: the folder changed since the dataset was opened; "
                                        "open it again before saving")
                                   .arg(native(e.path)));
        }
        if (QFileInfo::exists(target) || targets.count(target))
            throw DatasetError(Text::tr("cannot move %1 to %2: a file of that name is already there")
                                   .arg(native(e.path), native(target)));
        // A file standing where a folder must go would stop the move half way; refuse it now.
        for (QString dir = QFileInfo(target).absolutePath(); dir.size() > root.absolutePath().size();
             dir = QFileInfo(dir).absolutePath()) {
            const QFileInfo info(dir);
            if (info.exists() && !info.isDir())
                throw DatasetError(
                    Text::tr("cannot move %1 into %2: that is a file, not a folder").arg(native(e.path), native(dir)));
        }
        targets.insert(target);
        plan.moves.push_back({e.path, target});
    }
}

} // namespace loupe::labeledits
