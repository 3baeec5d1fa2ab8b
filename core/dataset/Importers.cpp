#include "dataset/Importers.h"

#include "dataset/Errors.h"
#include "dataset/Split.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace loupe {

namespace {

bool isIdxName(const QString &name)
{
    return name.contains(QLatin1String("idx1-ubyte")) || name.contains(QLatin1String("idx3-ubyte"));
}

bool hasIdx(const QString &dir)
{
    for (const QString &name : QDir(dir).entryList(QDir::Files))
        if (isIdxName(name))
            return true;
    return false;
}

QString theOnlyCsv(const QString &dir)
{
    const QFileInfoList csvs = QDir(dir).entryInfoList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name);
    return csvs.size() == 1 ? csvs.front().absoluteFilePath() : QString();
}

// Sub-folders that can hold a dataset's images: Loupe's own (loupe-runs, loupe-backups) cannot.
QStringList subfolders(const QString &dir)
{
    QStringList names = QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    names.erase(std::remove_if(names.begin(), names.end(),
                               [](const QString &n) { return n.startsWith(QLatin1String("loupe-")); }),
                names.end());
    return names;
}

// Image files under a folder and its sub-folders, counted up to `enough`.
int countImages(const QString &dir, int enough)
{
    int n = 0;
    QDirIterator it(dir, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (n < enough && it.hasNext())
        if (importers::isImageFile(it.next()) && !it.filePath().contains(QLatin1String("/loupe-")))
            ++n;
    return n;
}

// Class folders as importFolder reads them: folders of images, directly or inside split folders.
bool hasClassFolders(const QString &dir)
{
    const QStringList top = subfolders(dir);
    const bool anySplit = std::any_of(top.begin(), top.end(),
                                      [](const QString &n) { return splitOfFolder(n) != SplitName::None; });
    for (const QString &name : top) {
        const QString path = QDir(dir).filePath(name);
        if (!anySplit) {
            if (countImages(path, 1) > 0)
                return true;
        } else if (splitOfFolder(name) != SplitName::None) {
            for (const QString &cls : subfolders(path))
                if (countImages(QDir(path).filePath(cls), 1) > 0)
                    return true;
        }
    }
    return false;
}

// Roboflow's VOC export: XML beside the images inside train/, valid/, test/.
bool hasVocInSplitFolders(const QString &dir)
{
    for (const QString &name : subfolders(dir))
        if (splitOfFolder(name) != SplitName::None && importers::recogniseVoc(QDir(dir).filePath(name)).matched())
            return true;
    return false;
}

// One line naming every layout `auto` tries, for the messages that refuse a folder.
QString lookedFor()
{
    return QCoreApplication::translate(
        "loupe::importers",
        "looked for class folders of images (optionally under train/, valid/, test/), a CSV file, COCO JSON "
        "(in ./, annotations/ or train/, valid/, test/), Pascal VOC (Annotations/ or XML beside the images), "
        "YOLO (data.yaml, classes.txt, obj.data or labels/), IDX files, mask folders (images/ and masks/) "
        "and MVTec AD (train/good/, test/, ground_truth/)");
}

QString describeFolderLayout(const Dataset &ds)
{
    for (const Sample &s : ds.samples)
        if (s.split != SplitName::None)
            return QCoreApplication::translate("loupe::importers", "class folders under split folders (train/, valid/, test/)");
    return QCoreApplication::translate("loupe::importers", "class folders");
}

// A dataset without images is refused, never reported as an empty success: labels whose images
// are all missing ask for the image folder; a folder of images read as nothing says what was
// looked for.
[[noreturn]] void refuseEmpty(const Dataset &ds, const QString &path, const QString &dir, const QString &format)
{
    const QString as = ds.layout.isEmpty() ? format : ds.layout;
    if (!ds.badFiles.empty() && format == QLatin1String("coco"))
        throw DatasetError(QCoreApplication::translate("loupe::importers",
                                                       "none of the %n image(s) named by the labels of %1 was found "
                                                       "(the first: %2); name the image folder with --images",
                                                       nullptr, int(ds.badFiles.size()))
                               .arg(path, ds.badFiles.front().path));
    if (!ds.badFiles.empty())
        throw DatasetError(QCoreApplication::translate("loupe::importers",
                                                       "none of the %n image(s) named by the labels of %1 could be "
                                                       "used (the first: %2: %3)",
                                                       nullptr, int(ds.badFiles.size()))
                               .arg(path, ds.badFiles.front().path, ds.badFiles.front().reason));
    const int images = countImages(dir, 100000);
    if (images > 0)
        throw DatasetError(QCoreApplication::translate("loupe::importers",
                                                       "no images read from %1 as %2, yet the folder holds %n image "
                                                       "file(s); %3; name the format with --format and the label "
                                                       "file with --labels",
                                                       nullptr, images)
                               .arg(path, as, lookedFor()));
    throw DatasetError(QCoreApplication::translate("loupe::importers", "no images in %1 (read as %2)").arg(path, as));
}

} // namespace

QStringList knownFormats()
{
    return {QStringLiteral("auto"), QStringLiteral("folder"), QStringLiteral("csv"), QStringLiteral("coco"),
            QStringLiteral("voc"),  QStringLiteral("yolo"),   QStringLiteral("idx"), QStringLiteral("masks"),
            QStringLiteral("mvtec")};
}

QString detectFormat(const QString &path, const QString &labelsFile)
{
    const QString labels = labelsFile.toLower();
    if (!labels.isEmpty()) {
        if (labels.endsWith(QLatin1String(".csv")))
            return QStringLiteral("csv");
        if (labels.endsWith(QLatin1String(".json")))
            return QStringLiteral("coco");
        if (isIdxName(labels))
            return QStringLiteral("idx");
        if (labels.endsWith(QLatin1String(".yaml")) || labels.endsWith(QLatin1String(".yml")))
            return QStringLiteral("yolo");
    }
    const QFileInfo info(path);
    if (info.isFile()) {
        const QString name = info.fileName().toLower();
        if (name.endsWith(QLatin1String(".csv")))
            return QStringLiteral("csv");
        if (name.endsWith(QLatin1String(".json")))
            return QStringLiteral("coco");
        if (isIdxName(name))
            return QStringLiteral("idx");
        if (name.endsWith(QLatin1String(".yaml")) || name.endsWith(QLatin1String(".yml")))
            return QStringLiteral("yolo");
        return {};
    }
    if (!info.isDir())
        return {};
    const QString dir = info.absoluteFilePath();
    if (hasIdx(dir))
        return QStringLiteral("idx");
    // Before class folders: MVTec's train/good/ and test/<defect>/ look like class folders under splits.
    if (importers::recogniseMvtec(dir).matched())
        return QStringLiteral("mvtec");
    // Before YOLO and COCO: a mask folder may keep a classes.txt or a COCO JSON for its class names. A VOC
    // devkit with Annotations/ stays VOC (boxes for every image, masks for a few); --format masks reads its masks.
    if (importers::recogniseMaskFolders(dir).matched()
        && !QFileInfo(QDir(dir).filePath(QStringLiteral("Annotations"))).isDir())
        return QStringLiteral("masks");
    const importers::Recognised voc = importers::recogniseVoc(dir);
    if (voc.matched() && QFileInfo(voc.source).isDir())
        return QStringLiteral("voc");
    if (importers::recogniseYolo(dir).matched())
        return QStringLiteral("yolo");
    if (importers::recogniseCoco(dir).matched())
        return QStringLiteral("coco");
    if (voc.matched() || hasVocInSplitFolders(dir))
        return QStringLiteral("voc");
    if (!theOnlyCsv(dir).isEmpty())
        return QStringLiteral("csv");
    if (hasClassFolders(dir))
        return QStringLiteral("folder");
    return {};
}

Dataset importDataset(const QString &path, const ImportOptions &options)
{
    const QFileInfo info(path);
    if (!info.exists())
        throw DatasetError(QCoreApplication::translate("loupe::importers", "no such file or folder: %1").arg(path));
    if (!options.labelsFile.isEmpty() && !QFileInfo::exists(options.labelsFile))
        throw DatasetError(
            QCoreApplication::translate("loupe::importers", "no such label file: %1").arg(options.labelsFile));
    if (!options.imagesDir.isEmpty() && !QFileInfo(options.imagesDir).isDir())
        throw DatasetError(
            QCoreApplication::translate("loupe::importers", "no such image folder: %1").arg(options.imagesDir));

    QString format = options.format.toLower();
    if (format.isEmpty() || format == QLatin1String("auto")) {
        format = detectFormat(path, options.labelsFile);
        if (format.isEmpty())
            throw DatasetError(QCoreApplication::translate("loupe::importers",
                                                           "cannot tell the dataset format of %1: %2; name the "
                                                           "format with --format and the label file with --labels")
                                   .arg(path, lookedFor()));
    }
    if (!knownFormats().contains(format))
        throw DatasetError(QCoreApplication::translate("loupe::importers", "unknown format \"%1\"; expected one of %2")
                               .arg(format, knownFormats().join(QLatin1String(", "))));
    // Class folders and mask layouts are their own images and IDX files hold their pixels: no image root to give.
    if (!options.imagesDir.isEmpty()
        && (format == QLatin1String("folder") || format == QLatin1String("idx") || format == QLatin1String("masks")
            || format == QLatin1String("mvtec")))
        throw DatasetError(QCoreApplication::translate("loupe::importers",
                                                       "an image folder (--images) is for label files; %1 datasets "
                                                       "hold their images themselves")
                               .arg(format));

    const QString dir = info.isDir() ? info.absoluteFilePath() : info.absolutePath();
    // Where a label file's images are (CSV, COCO): the folder given with --images, or the dataset
    // folder when the label file is given apart from it (DATASET --labels FILE).
    const QString imageRoot = !options.imagesDir.isEmpty()
        ? options.imagesDir
        : (info.isDir() && !options.labelsFile.isEmpty() ? dir : QString());
    Dataset ds;
    if (format == QLatin1String("folder")) {
        try {
            ds = importers::importFolder(path);
        } catch (const DatasetError &) {
            if (countImages(dir, 1) == 0)
                throw;
            refuseEmpty(ds, path, dir, format);
        }
        if (ds.layout.isEmpty()) {
            ds.layout = describeFolderLayout(ds);
            ds.layoutSource = ds.root;
        }
    } else if (format == QLatin1String("csv")) {
        QString csv = !options.labelsFile.isEmpty() ? options.labelsFile : (info.isFile() ? path : theOnlyCsv(dir));
        if (csv.isEmpty())
            throw DatasetError(QCoreApplication::translate("loupe::importers",
                                                           "no single CSV file in %1; name it with --labels")
                                   .arg(dir));
        ds = importers::importCsv(csv, imageRoot, options.csvColumns);
        if (ds.layout.isEmpty()) {
            ds.layout = QCoreApplication::translate("loupe::importers", "CSV of image paths and labels");
            ds.layoutSource = QFileInfo(csv).absoluteFilePath();
        }
    } else if (format == QLatin1String("coco")) {
        const QString json = !options.labelsFile.isEmpty() ? options.labelsFile : (info.isFile() ? path : QString());
        if (!json.isEmpty()) {
            ds = importers::importCoco(json, imageRoot);
        } else {
            const QStringList files = importers::findCocoFiles(dir);
            QList<SplitName> splits;
            for (const QString &f : files) {
                const SplitName split = importers::cocoSplitOf(f);
                if (split != SplitName::None && !splits.contains(split))
                    splits << split;
            }
            QStringList names;
            for (const QString &f : files)
                names << QDir(dir).relativeFilePath(f);
            if (files.isEmpty())
                throw DatasetError(QCoreApplication::translate("loupe::importers",
                                                               "no COCO JSON in %1 (looked in ./, annotations/ and "
                                                               "train/, valid/, test/); name it with --labels")
                                       .arg(dir));
            if (files.size() == 1)
                ds = importers::importCoco(files.front(), imageRoot);
            else if (splits.size() == files.size()) // one file per split: one dataset
                ds = importers::importCocoSplits(files, imageRoot);
            else
                throw DatasetError(QCoreApplication::translate("loupe::importers",
                                                               "%1 holds %2 COCO JSON files (%3); name one with --labels")
                                       .arg(dir)
                                       .arg(files.size())
                                       .arg(names.join(QLatin1String(", "))));
        }
    } else if (format == QLatin1String("voc")) {
        ds = importers::importVoc(dir, options.imagesDir);
        if (ds.layout.isEmpty()) {
            const importers::Recognised voc = importers::recogniseVoc(dir);
            ds.layout = voc.matched() ? voc.layout : QCoreApplication::translate("loupe::importers", "Pascal VOC XML");
            ds.layoutSource = voc.matched() ? voc.source : dir;
        }
    } else if (format == QLatin1String("yolo")) {
        ds = importers::importYolo(info.isFile() ? path : (options.labelsFile.isEmpty() ? dir : options.labelsFile),
                                   options.imagesDir);
        if (ds.layout.isEmpty()) {
            const importers::Recognised yolo = importers::recogniseYolo(dir);
            ds.layout = yolo.matched() ? yolo.layout : QCoreApplication::translate("loupe::importers", "YOLO labels");
            ds.layoutSource = yolo.matched() ? yolo.source : dir;
        }
    } else if (format == QLatin1String("masks")) {
        ds = importers::importMaskFolders(dir);
    } else if (format == QLatin1String("mvtec")) {
        ds = importers::importMvtec(dir);
    } else if (format == QLatin1String("idx")) {
        ds = importers::importIdx(info.isFile() ? path : dir, options.labelsFile);
        if (ds.layout.isEmpty()) {
            ds.layout = QCoreApplication::translate("loupe::importers", "IDX images and labels (MNIST style)");
            ds.layoutSource = ds.root;
        }
    }
    if (ds.samples.empty())
        refuseEmpty(ds, path, dir, format);
    return ds;
}

} // namespace loupe
