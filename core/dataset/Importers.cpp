#include "dataset/Importers.h"

#include "dataset/Errors.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace loupe {

namespace {

bool isIdxName(const QString &name)
{
    return name.contains(QLatin1String("idx1-ubyte")) || name.contains(QLatin1String("idx3-ubyte"));
}

// A COCO file names its top-level arrays in the first few kilobytes.
bool looksLikeCoco(const QString &jsonFile)
{
    QFile f(jsonFile);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = f.read(1 << 16);
    return head.contains("\"images\"") || head.contains("\"annotations\"") || head.contains("\"categories\"");
}

QStringList cocoCandidates(const QString &dir)
{
    QStringList found;
    for (const QString &sub : {QString(), QStringLiteral("annotations")}) {
        const QDir d(sub.isEmpty() ? dir : dir + QLatin1Char('/') + sub);
        for (const QFileInfo &fi : d.entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
            if (looksLikeCoco(fi.absoluteFilePath()))
                found.append(fi.absoluteFilePath());
    }
    return found;
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

} // namespace

QStringList knownFormats()
{
    return {QStringLiteral("auto"), QStringLiteral("folder"), QStringLiteral("csv"), QStringLiteral("coco"),
            QStringLiteral("voc"),  QStringLiteral("yolo"),   QStringLiteral("idx")};
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
    const importers::Recognised voc = importers::recogniseVoc(dir);
    if (voc.matched() && QFileInfo(voc.source).isDir())
        return QStringLiteral("voc");
    if (importers::recogniseYolo(dir).matched())
        return QStringLiteral("yolo");
    if (!cocoCandidates(dir).isEmpty())
        return QStringLiteral("coco");
    if (voc.matched())
        return QStringLiteral("voc");
    if (!theOnlyCsv(dir).isEmpty())
        return QStringLiteral("csv");
    if (!QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot).isEmpty())
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

    QString format = options.format.toLower();
    if (format.isEmpty() || format == QLatin1String("auto")) {
        format = detectFormat(path, options.labelsFile);
        if (format.isEmpty())
            throw DatasetError(QCoreApplication::translate(
                                   "loupe::importers",
                                   "cannot tell the dataset format of %1: expected class folders, a CSV, COCO JSON, "
                                   "VOC XML, YOLO labels or IDX files (or name one with --format)")
                                   .arg(path));
    }
    if (!knownFormats().contains(format))
        throw DatasetError(QCoreApplication::translate("loupe::importers", "unknown format \"%1\"; expected one of %2")
                               .arg(format, knownFormats().join(QLatin1String(", "))));

    const QString dir = info.isDir() ? info.absoluteFilePath() : info.absolutePath();
    Dataset ds;
    if (format == QLatin1String("folder")) {
        ds = importers::importFolder(path);
    } else if (format == QLatin1String("csv")) {
        QString csv = !options.labelsFile.isEmpty() ? options.labelsFile : (info.isFile() ? path : theOnlyCsv(dir));
        if (csv.isEmpty())
            throw DatasetError(QCoreApplication::translate("loupe::importers",
                                                           "no single CSV file in %1; name it with --labels")
                                   .arg(dir));
        // Like COCO: a folder given beside --labels is where the images are; --images says so for any.
        const QString imageRoot = !options.imagesDir.isEmpty()
            ? options.imagesDir
            : (info.isDir() && !options.labelsFile.isEmpty() ? dir : QString());
        ds = importers::importCsv(csv, imageRoot, options.csvColumns);
    } else if (format == QLatin1String("coco")) {
        QString json = !options.labelsFile.isEmpty() ? options.labelsFile : (info.isFile() ? path : QString());
        if (json.isEmpty()) {
            const QStringList candidates = cocoCandidates(dir);
            if (candidates.size() != 1)
                throw DatasetError(QCoreApplication::translate("loupe::importers",
                                                               "%1 holds %2 COCO JSON files; name one with --labels")
                                       .arg(dir)
                                       .arg(candidates.size()));
            json = candidates.front();
        }
        ds = importers::importCoco(json, info.isDir() && !options.labelsFile.isEmpty() ? dir : QString());
    } else if (format == QLatin1String("voc")) {
        ds = importers::importVoc(dir);
    } else if (format == QLatin1String("yolo")) {
        ds = importers::importYolo(dir);
    } else if (format == QLatin1String("idx")) {
        ds = importers::importIdx(info.isFile() ? path : dir, options.labelsFile);
    }
    return ds;
}

} // namespace loupe
