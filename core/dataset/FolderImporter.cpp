#include "dataset/Errors.h"
#include "dataset/Importers.h"
#include "dataset/Split.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

#include <algorithm>

namespace loupe::importers {

namespace {

QStringList sortedSubfolders(const QString &dir)
{
    QStringList names = QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    // Loupe's own folders beside the images (loupe-runs, loupe-backups) are not classes.
    names.erase(std::remove_if(names.begin(), names.end(),
                               [](const QString &n) { return n.startsWith(QLatin1String("loupe-")); }),
                names.end());
    std::sort(names.begin(), names.end());
    return names;
}

QStringList imagesUnder(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (isImageFile(path))
            files.append(path);
    }
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

bool isImageFile(const QString &fileName)
{
    static const char *const endings[] = {".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff",
                                          ".webp", ".pgm", ".ppm", ".pbm", ".pnm", ".jpe"};
    for (const char *e : endings)
        if (fileName.endsWith(QLatin1String(e), Qt::CaseInsensitive))
            return true;
    return false;
}

Dataset importFolder(const QString &root)
{
    const QFileInfo rootInfo(root);
    if (!rootInfo.isDir())
        throw DatasetError(QCoreApplication::translate("loupe::importers", "not a folder: %1").arg(root));

    Dataset ds;
    ds.format = QStringLiteral("folder");
    ds.root = rootInfo.absoluteFilePath();

    // Either split folders holding class folders, or class folders directly.
    struct ClassDir {
        QString path;
        QString className;
        SplitName split;
    };
    std::vector<ClassDir> classDirs;
    bool anySplit = false;
    const QStringList top = sortedSubfolders(ds.root);
    for (const QString &name : top)
        anySplit = anySplit || splitOfFolder(name) != SplitName::None;

    for (const QString &name : top) {
        const QString path = ds.root + QLatin1Char('/') + name;
        const SplitName split = splitOfFolder(name);
        if (anySplit && split != SplitName::None) {
            for (const QString &cls : sortedSubfolders(path))
                classDirs.push_back({path + QLatin1Char('/') + cls, cls, split});
        } else if (anySplit) {
            ds.warnings.append(QCoreApplication::translate("loupe::importers", "folder %1 is neither a split (train, valid, test) nor inside one; skipped")
                                   .arg(name));
        } else {
            classDirs.push_back({path, name, SplitName::None});
        }
    }

    // Class order is the sorted set of names across splits, as torchvision's ImageFolder does.
    QStringList names;
    for (const ClassDir &cd : classDirs)
        if (!names.contains(cd.className))
            names.append(cd.className);
    std::sort(names.begin(), names.end());
    ds.classes = names;

    for (const ClassDir &cd : classDirs) {
        const int classId = int(ds.classes.indexOf(cd.className));
        for (const QString &file : imagesUnder(cd.path)) {
            Sample s;
            s.path = file;
            s.classId = classId;
            s.split = cd.split;
            ds.samples.push_back(std::move(s));
        }
    }

    int loose = 0;
    for (const QFileInfo &fi : QDir(ds.root).entryInfoList(QDir::Files))
        loose += isImageFile(fi.fileName()) ? 1 : 0;
    if (loose > 0)
        ds.warnings.append(QCoreApplication::translate("loupe::importers", "%n image(s) directly in %1 have no class folder and were skipped", nullptr, loose)
                               .arg(ds.root));
    if (ds.samples.empty() && loose == 0)
        throw DatasetError(QCoreApplication::translate("loupe::importers", "no images found in class folders under %1").arg(ds.root));
    return ds;
}

} // namespace loupe::importers
