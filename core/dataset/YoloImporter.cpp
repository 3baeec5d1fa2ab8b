// YOLO: one .txt per image with normalised boxes or polygons; class names from data.yaml or classes.txt.

#include "Errors.h"
#include "Importers.h"
#include "Split.h"
#include "YamlText.h"
#include "imaging/ImageHeader.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace loupe {
namespace importers {

namespace {

// Normalised coordinates a little outside [0, 1] come from float rounding in exporters.
constexpr double kCoordEpsilon = 1e-3;
// Without names, every id up to the largest becomes a class: a typo like 2147483647 must not
// make two billion of them. Far above any real label set (ImageNet-21k has 21,841 classes).
constexpr int kMaxClasses = 100000;

QString lineText(int line)
{
    return QCoreApplication::translate("loupe::importers", "line %1").arg(line);
}

QStringList readLines(const QString &path, bool *ok)
{
    QFile file(path);
    *ok = file.open(QIODevice::ReadOnly);
    if (!*ok)
        return {};
    QString text = QString::fromUtf8(file.readAll());
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &l : lines)
        if (l.endsWith(QLatin1Char('\r')))
            l.chop(1);
    return lines;
}

// ---- data.yaml: only the `names` and `nc` keys, in the three shapes YOLO tools write ----

using yamltext::splitKey;
using yamltext::unquote;

struct NameTable {
    std::map<int, QString> byId;
    QStringList list;
    bool isDict = false;
};

void addDictEntry(const QString &file, int line, const QString &entry, NameTable &table)
{
    QString key, value;
    bool ok = splitKey(entry.trimmed(), &key, &value);
    const int id = ok ? key.toInt(&ok) : -1;
    if (!ok || id < 0)
        throw LabelFileError(file, lineText(line),
                             QCoreApplication::translate("loupe::importers", "expected \"id: name\" with a class id of 0 or more, found \"%1\"")
                                 .arg(entry.trimmed()));
    if (table.byId.count(id))
        throw LabelFileError(file, lineText(line),
                             QCoreApplication::translate("loupe::importers", "expected each class id once, %1 appears twice").arg(id));
    table.byId[id] = unquote(value);
    table.isDict = true;
}

QStringList readDataYaml(const QString &file, int *ncOut)
{
    bool ok = false;
    const QStringList lines = readLines(file, &ok);
    if (!ok)
        throw DatasetError(QCoreApplication::translate("loupe::importers", "Cannot read %1").arg(file));

    NameTable table;
    bool haveNames = false;
    int namesLine = 0;
    int nc = -1;
    for (const yamltext::DataYamlKey &key : yamltext::scanDataYaml(lines)) {
        const int line = key.line + 1;
        if (key.kind == yamltext::DataYamlKey::Kind::Nc) {
            nc = key.value.toInt(&ok);
            if (!ok || nc < 0)
                throw LabelFileError(file, lineText(line),
                                     QCoreApplication::translate("loupe::importers", "expected the number of classes after nc:, found \"%1\"")
                                         .arg(key.value));
            if (nc > kMaxClasses)
                throw LabelFileError(file, lineText(line),
                                     QCoreApplication::translate("loupe::importers", "expected at most %1 classes after nc:, found %2")
                                         .arg(kMaxClasses)
                                         .arg(nc));
            continue;
        }
        haveNames = true;
        namesLine = line;
        if (key.shape == yamltext::DataYamlKey::Shape::Flow) {
            const QChar close = key.dict ? QLatin1Char('}') : QLatin1Char(']');
            if (!key.closed)
                throw LabelFileError(file, lineText(line),
                                     QCoreApplication::translate("loupe::importers", "expected the list of names to end with '%1'").arg(close));
            for (const yamltext::NameEntry &entry : key.entries) {
                if (key.dict)
                    addDictEntry(file, line, entry.text, table);
                else
                    table.list << unquote(entry.text);
            }
        } else if (key.shape == yamltext::DataYamlKey::Shape::Block) {
            for (const yamltext::NameEntry &entry : key.entries) {
                if (entry.pair)
                    addDictEntry(file, entry.line + 1, entry.text, table);
                else
                    table.list << unquote(entry.text);
            }
        } else {
            throw LabelFileError(file, lineText(line),
                                 QCoreApplication::translate("loupe::importers",
                                                             "expected names as [a, b, ...], \"- name\" lines or \"id: name\" lines, found \"%1\"")
                                     .arg(key.value));
        }
    }
    if (ncOut)
        *ncOut = nc;
    if (!haveNames)
        return {};
    if (table.isDict && !table.list.isEmpty())
        throw LabelFileError(file, lineText(namesLine),
                             QCoreApplication::translate("loupe::importers", "expected either \"- name\" lines or \"id: name\" lines, not both"));
    if (table.isDict) {
        // Dense ids 0..n-1, the way every YOLO trainer indexes them.
        int expected = 0;
        for (const auto &entry : table.byId) {
            if (entry.first != expected)
                throw LabelFileError(file, lineText(namesLine),
                                     QCoreApplication::translate("loupe::importers", "expected class ids 0 to %1 without gaps, id %2 is missing")
                                         .arg(int(table.byId.size()) - 1)
                                         .arg(expected));
            table.list << entry.second;
            ++expected;
        }
    }
    for (const QString &name : table.list)
        if (name.isEmpty())
            throw LabelFileError(file, lineText(namesLine),
                                 QCoreApplication::translate("loupe::importers", "expected a name for every class, found an empty one"));
    return table.list;
}

QStringList readClassesTxt(const QString &file)
{
    bool ok = false;
    QStringList lines = readLines(file, &ok);
    if (!ok)
        throw DatasetError(QCoreApplication::translate("loupe::importers", "Cannot read %1").arg(file));
    while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
        lines.removeLast();
    QStringList names;
    for (int i = 0; i < lines.size(); ++i) {
        const QString name = lines[i].trimmed();
        if (name.isEmpty())
            throw LabelFileError(file, lineText(i + 1),
                                 QCoreApplication::translate("loupe::importers", "expected a class name, found an empty line"));
        names << name;
    }
    return names;
}

// ---- label files ----

struct YoloObject {
    int classId = -1;
    double cx = 0, cy = 0, w = 0, h = 0;
    std::vector<double> polygon; // normalised x, y pairs; empty for a plain box
};

std::vector<YoloObject> readLabels(const QString &file, int classCount, bool *readable)
{
    bool ok = false;
    const QStringList lines = readLines(file, &ok);
    *readable = ok;
    std::vector<YoloObject> objects;
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].simplified();
        if (line.isEmpty())
            continue;
        const QStringList tokens = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        const QString shown = line.size() > 80 ? line.left(77) + QLatin1String("...") : line;
        const auto malformed = [&] {
            return LabelFileError(file, lineText(i + 1),
                                  QCoreApplication::translate("loupe::importers",
                                                              "expected class x_center y_center width height, found \"%1\"")
                                      .arg(shown));
        };
        // 5 numbers: a box; an odd count of 7 or more: a class and a polygon of 3+ points.
        const bool isBox = tokens.size() == 5;
        const bool isPolygon = tokens.size() >= 7 && tokens.size() % 2 == 1;
        if (!isBox && !isPolygon)
            throw malformed();

        std::vector<double> values;
        values.reserve(std::size_t(tokens.size()));
        for (const QString &t : tokens) {
            const double v = t.toDouble(&ok);
            if (!ok || !std::isfinite(v))
                throw malformed();
            values.push_back(v);
        }
        YoloObject obj;
        // Some exporters write the class as "3.0"; a fraction is a mistake.
        if (values[0] < 0 || values[0] != std::floor(values[0]) || values[0] > std::numeric_limits<int>::max())
            throw LabelFileError(file, lineText(i + 1),
                                 QCoreApplication::translate("loupe::importers", "expected a class id of 0 or more, found \"%1\"")
                                     .arg(tokens[0]));
        obj.classId = int(values[0]);
        if (classCount < 0 && obj.classId >= kMaxClasses)
            throw LabelFileError(file, lineText(i + 1),
                                 QCoreApplication::translate("loupe::importers",
                                                             "expected a class id below %1 (without data.yaml or classes.txt every id "
                                                             "up to the largest becomes a class), found %2")
                                     .arg(kMaxClasses)
                                     .arg(obj.classId));
        if (classCount >= 0 && obj.classId >= classCount)
            throw LabelFileError(file, lineText(i + 1),
                                 QCoreApplication::translate("loupe::importers", "expected a class id from 0 to %1, found %2")
                                     .arg(classCount - 1)
                                     .arg(obj.classId));
        for (std::size_t k = 1; k < values.size(); ++k) {
            if (values[k] < -kCoordEpsilon || values[k] > 1 + kCoordEpsilon)
                throw LabelFileError(file, lineText(i + 1),
                                     QCoreApplication::translate("loupe::importers",
                                                                 "expected normalised coordinates between 0 and 1, found %1 (number %2)")
                                         .arg(tokens[int(k)])
                                         .arg(qulonglong(k + 1)));
        }
        if (isBox) {
            obj.cx = values[1];
            obj.cy = values[2];
            obj.w = values[3];
            obj.h = values[4];
        } else {
            obj.polygon.assign(values.begin() + 1, values.end());
        }
        objects.push_back(std::move(obj));
    }
    return objects;
}

// A folder of images and the folder holding their label files at the same relative paths.
struct Source {
    QString imageDir;
    QString labelDir;
    SplitName split = SplitName::None; ///< None: take it from the first sub-folder
    bool recursive = true;
};

// Roboflow-style exports: train/images + train/labels, valid/..., test/...
QStringList splitImageDirs(const QDir &root)
{
    QStringList found;
    QStringList dirs = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::NoSort);
    std::sort(dirs.begin(), dirs.end());
    for (const QString &d : dirs)
        if (splitOfFolder(d) != SplitName::None && QFileInfo(root.filePath(d + QLatin1String("/images"))).isDir())
            found << d;
    return found;
}

std::vector<Source> findSources(const QDir &root)
{
    if (root.exists(QStringLiteral("images")))
        return {{root.filePath(QStringLiteral("images")), root.filePath(QStringLiteral("labels")), SplitName::None, true}};

    std::vector<Source> sources;
    for (const QString &d : splitImageDirs(root)) {
        const QDir sub(root.filePath(d));
        sources.push_back({sub.filePath(QStringLiteral("images")), sub.filePath(QStringLiteral("labels")), splitOfFolder(d), true});
    }
    if (!sources.empty())
        return sources;

    return {{root.path(), root.path(), SplitName::None, false}};
}

QStringList imagesUnder(const QString &dir, bool recursive)
{
    QStringList rel;
    const QDir base(dir);
    QDirIterator it(base.absolutePath(), QDir::Files, recursive ? QDirIterator::Subdirectories : QDirIterator::NoIteratorFlags);
    while (it.hasNext()) {
        const QString path = it.next();
        if (isImageFile(it.fileName()))
            rel << base.relativeFilePath(path);
    }
    std::sort(rel.begin(), rel.end());
    return rel;
}

QString withTxtEnding(const QString &relPath)
{
    const int slash = int(relPath.lastIndexOf(QLatin1Char('/')));
    const int dot = int(relPath.lastIndexOf(QLatin1Char('.')));
    return (dot > slash ? relPath.left(dot) : relPath) + QLatin1String(".txt");
}

// The label file of an image named by a list or a data.yaml: YOLOv5/v8 swap the last images/
// folder for labels/; darknet and CVAT keep the .txt beside the image.
QString labelFileOf(const QString &imagePath)
{
    const int at = int(imagePath.lastIndexOf(QLatin1String("/images/")));
    if (at >= 0) {
        QString swapped = imagePath;
        swapped.replace(at, 8, QLatin1String("/labels/"));
        swapped = withTxtEnding(swapped);
        if (QFileInfo(swapped).isFile())
            return swapped;
    }
    return withTxtEnding(imagePath);
}

// A path as a data file wrote it, found on this machine. Exports keep the exporter's folders
// ("data/obj_train_data/1.jpg", "../train/images", "/content/datasets/x/images"): try it as
// written, relative to each base, then its trailing parts (at least minParts of them).
QString resolvePath(QString written, const QStringList &bases, int minParts = 1)
{
    written = written.trimmed();
    written.replace(QLatin1Char('\\'), QLatin1Char('/'));
    if (written.isEmpty())
        return {};
    if (QDir::isAbsolutePath(written) && QFileInfo::exists(written))
        return QDir::cleanPath(written);
    QStringList parts = written.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    parts.removeAll(QStringLiteral("."));
    if (parts.isEmpty()) { // "." or "./": the base itself
        for (const QString &base : bases)
            if (!base.isEmpty() && QFileInfo(base).isDir())
                return QDir::cleanPath(QFileInfo(base).absoluteFilePath());
        return {};
    }
    const QString asWritten = parts.join(QLatin1Char('/'));
    for (const QString &base : bases)
        if (!base.isEmpty() && !QDir::isAbsolutePath(written) && QFileInfo::exists(QDir(base).filePath(asWritten)))
            return QDir::cleanPath(QDir(base).absoluteFilePath(asWritten));
    while (!parts.isEmpty() && parts.front() == QLatin1String(".."))
        parts.removeFirst();
    minParts = std::min(minParts, int(parts.size()));
    for (int from = 0; from <= int(parts.size()) - std::max(1, minParts); ++from) {
        const QString tail = parts.mid(from).join(QLatin1Char('/'));
        for (const QString &base : bases)
            if (!base.isEmpty() && QFileInfo::exists(QDir(base).filePath(tail)))
                return QDir::cleanPath(QDir(base).absoluteFilePath(tail));
    }
    return {};
}

QByteArray fileHead(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.read(1 << 16) : QByteArray();
}

// A YAML file with a top-level names: or train: key, as YOLO's dataset files have.
bool isDataYaml(const QString &path)
{
    const QString text = QString::fromUtf8(fileHead(path));
    for (const QString &line : text.split(QLatin1Char('\n')))
        if (line.startsWith(QLatin1String("names:")) || line.startsWith(QLatin1String("train:")))
            return true;
    return false;
}

QString findDataYaml(const QDir &dir)
{
    for (const char *name : {"data.yaml", "data.yml", "dataset.yaml", "dataset.yml"})
        if (QFileInfo(dir.filePath(QLatin1String(name))).isFile())
            return dir.filePath(QLatin1String(name));
    // Any other name (coco128.yaml): the first in name order that reads like one.
    for (const QString &f : dir.entryList({QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files, QDir::Name))
        if (isDataYaml(dir.filePath(f)))
            return dir.filePath(f);
    return {};
}

// darknet's obj.data (CVAT "YOLO 1.1" writes it): "key = value" lines.
std::map<QString, QString> readDarknetData(const QString &file)
{
    bool ok = false;
    std::map<QString, QString> keys;
    for (const QString &raw : readLines(file, &ok)) {
        const QString line = raw.section(QLatin1Char('#'), 0, 0).trimmed();
        const int eq = int(line.indexOf(QLatin1Char('=')));
        if (eq > 0)
            keys[line.left(eq).trimmed().toLower()] = line.mid(eq + 1).trimmed();
    }
    return keys;
}

QString findDarknetData(const QDir &dir)
{
    if (QFileInfo(dir.filePath(QStringLiteral("obj.data"))).isFile())
        return dir.filePath(QStringLiteral("obj.data"));
    for (const QString &f : dir.entryList({QStringLiteral("*.data")}, QDir::Files, QDir::Name)) {
        const std::map<QString, QString> keys = readDarknetData(dir.filePath(f));
        if (keys.count(QStringLiteral("names")) && (keys.count(QStringLiteral("train")) || keys.count(QStringLiteral("valid"))))
            return dir.filePath(f);
    }
    return {};
}

// obj_train_data/, obj_valid_data/: CVAT's YOLO 1.1 image folders, one per subset.
QStringList darknetSubsetDirs(const QDir &dir)
{
    QStringList found = dir.entryList({QStringLiteral("obj_*_data")}, QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    return found;
}

bool holdsTxt(const QString &dir)
{
    QDirIterator it(dir, {QStringLiteral("*.txt")}, QDir::Files, QDirIterator::Subdirectories);
    return it.hasNext();
}

enum class YoloKind { None, Darknet, DataYaml, Roboflow, SplitFolders, ImagesLabels, NamesFile };

struct YoloLayout {
    YoloKind kind = YoloKind::None;
    QString file; ///< the file or folder that told
};

YoloLayout detectLayout(const QDir &d)
{
    const QString darknet = findDarknetData(d);
    if (!darknet.isEmpty())
        return {YoloKind::Darknet, darknet};
    const QString yaml = findDataYaml(d);
    if (!yaml.isEmpty())
        return {splitImageDirs(d).isEmpty() ? YoloKind::DataYaml : YoloKind::Roboflow, yaml};
    if (QFileInfo(d.filePath(QStringLiteral("obj.names"))).isFile() && !darknetSubsetDirs(d).isEmpty())
        return {YoloKind::Darknet, d.filePath(QStringLiteral("obj.names"))};
    const QStringList splits = splitImageDirs(d);
    for (const QString &s : splits)
        if (holdsTxt(d.filePath(s + QLatin1String("/labels"))))
            return {YoloKind::SplitFolders, d.filePath(s + QLatin1String("/labels"))};
    const QString labels = d.filePath(QStringLiteral("labels"));
    if (QFileInfo(labels).isDir() && holdsTxt(labels))
        return {YoloKind::ImagesLabels, labels};
    for (const char *name : {"classes.txt", "obj.names"})
        if (QFileInfo(d.filePath(QLatin1String(name))).isFile())
            return {YoloKind::NamesFile, d.filePath(QLatin1String(name))};
    return {};
}

QString layoutWords(const YoloLayout &layout)
{
    const QString file = QFileInfo(layout.file).fileName();
    switch (layout.kind) {
    case YoloKind::Darknet:
        return QCoreApplication::translate("loupe::importers", "darknet / CVAT YOLO 1.1: obj.data, obj.names and obj_<subset>_data/ image lists");
    case YoloKind::DataYaml:
        return QCoreApplication::translate("loupe::importers", "YOLOv5/v8: %1 naming image folders or lists, labels/ beside images/").arg(file);
    case YoloKind::Roboflow:
        return QCoreApplication::translate("loupe::importers", "Roboflow YOLO export: %1 with train/, valid/, test/ folders of images/ and labels/").arg(file);
    case YoloKind::SplitFolders:
        return QCoreApplication::translate("loupe::importers", "YOLO: train/, valid/, test/ folders of images/ and labels/");
    case YoloKind::ImagesLabels:
        return QCoreApplication::translate("loupe::importers", "YOLO: images/ and labels/ folders");
    case YoloKind::NamesFile:
        return QCoreApplication::translate("loupe::importers", "YOLO: label files beside the images, class names in %1").arg(file);
    case YoloKind::None:
        break;
    }
    return {};
}

// One image to read: where it is, where its labels would be, its split.
struct Candidate {
    QString image;
    QString label;
    SplitName split = SplitName::None;
};

// The images a data.yaml key or an obj.data key names: a folder, a list file, an image, or
// (yaml) a list of those. Missing list entries go to badFiles, missing folders to warnings.
class ImageCollector
{
public:
    ImageCollector(Dataset &ds, QStringList bases)
        : m_ds(ds)
        , m_bases(std::move(bases))
    {
    }

    void setBases(const QStringList &bases) { m_bases = bases; }

    void addWritten(const QString &written, SplitName split, const QString &file, const QString &key)
    {
        const QString path = resolvePath(written, m_bases, 2);
        if (path.isEmpty()) {
            m_ds.warnings << QCoreApplication::translate("loupe::importers", "%1 names %2: %3, which is not there").arg(file, key, written);
            return;
        }
        const QFileInfo info(path);
        if (info.isDir()) {
            m_usedDirs << path;
            for (const QString &rel : imagesUnder(path, true)) {
                const QString image = QDir::cleanPath(QDir(path).absoluteFilePath(rel));
                add({image, labelFileOf(image), split});
            }
        } else if (isImageFile(info.fileName())) {
            add({path, labelFileOf(path), split});
        } else {
            addList(path, split);
        }
    }

    void addList(const QString &listFile, SplitName split)
    {
        bool ok = false;
        const QStringList lines = readLines(listFile, &ok);
        if (!ok)
            throw DatasetError(QCoreApplication::translate("loupe::importers", "Cannot read %1").arg(listFile));
        QStringList bases = m_bases;
        bases.insert(m_bases.isEmpty() ? 0 : 1, QFileInfo(listFile).absolutePath());
        const QString listName = QFileInfo(listFile).fileName();
        for (int i = 0; i < lines.size(); ++i) {
            const QString written = lines[i].trimmed();
            if (written.isEmpty() || written.startsWith(QLatin1Char('#')))
                continue;
            const QString image = resolvePath(written, bases);
            if (image.isEmpty() || !QFileInfo(image).isFile()) {
                const QString shown = QDir::isAbsolutePath(written) ? written : QFileInfo(listFile).absoluteDir().filePath(written);
                m_ds.badFiles.push_back({QDir::cleanPath(shown), QCoreApplication::translate("loupe::importers", "missing: listed in %1 line %2")
                                                                     .arg(listName)
                                                                     .arg(i + 1)});
                continue;
            }
            add({image, labelFileOf(image), split});
        }
    }

    void add(const Candidate &c)
    {
        if (m_seen.contains(c.image)) {
            ++m_duplicates;
            return;
        }
        m_seen.insert(c.image);
        m_candidates.push_back(c);
    }

    // Whether a folder is already read, or holds or lies in one that is.
    bool covers(const QString &dir) const
    {
        const QString d = QDir::cleanPath(dir) + QLatin1Char('/');
        for (const QString &used : m_usedDirs) {
            const QString u = QDir::cleanPath(used) + QLatin1Char('/');
            if (d.startsWith(u) || u.startsWith(d))
                return true;
        }
        return false;
    }

    std::vector<Candidate> m_candidates;
    QSet<QString> m_seen;
    QStringList m_usedDirs;
    int m_duplicates = 0;

private:
    Dataset &m_ds;
    QStringList m_bases;
};

struct SplitKey {
    const char *key;
    SplitName split;
};

} // namespace

Recognised recogniseYolo(const QString &dir)
{
    const YoloLayout layout = detectLayout(QDir(dir));
    if (layout.kind == YoloKind::None)
        return {};
    return {layoutWords(layout), layout.file};
}

Dataset importYolo(const QString &root, const QString &imageRoot)
{
    // A data.yaml or obj.data given itself: its folder is the dataset.
    const QFileInfo rootInfo(root);
    const bool rootIsFile = rootInfo.isFile();
    // Absolute from here on: relative paths would not survive QDir::relativeFilePath round trips.
    const QDir rootDir(rootIsFile ? rootInfo.absolutePath() : rootInfo.absoluteFilePath());
    if (!rootDir.exists())
        throw DatasetError(QCoreApplication::translate("loupe::importers", "YOLO folder %1 does not exist").arg(root));
    const QString imageRootAbs = imageRoot.isEmpty() ? QString() : QFileInfo(imageRoot).absoluteFilePath();
    if (!imageRoot.isEmpty() && !QFileInfo(imageRootAbs).isDir())
        throw DatasetError(QCoreApplication::translate("loupe::importers", "image folder %1 does not exist").arg(imageRoot));

    Dataset ds;
    ds.format = QStringLiteral("yolo");
    ds.root = root;

    YoloLayout layout = detectLayout(rootDir);
    if (rootIsFile) {
        const QString name = rootInfo.fileName().toLower();
        if (name.endsWith(QLatin1String(".yaml")) || name.endsWith(QLatin1String(".yml")))
            layout = {splitImageDirs(rootDir).isEmpty() ? YoloKind::DataYaml : YoloKind::Roboflow, rootInfo.absoluteFilePath()};
        else if (name.endsWith(QLatin1String(".data")))
            layout = {YoloKind::Darknet, rootInfo.absoluteFilePath()};
    }
    if (layout.kind != YoloKind::None) {
        ds.layout = layoutWords(layout);
        ds.layoutSource = layout.file;
    }
    const bool darknetData = layout.kind == YoloKind::Darknet && layout.file.endsWith(QLatin1String(".data"));
    const std::map<QString, QString> darknet = darknetData ? readDarknetData(layout.file) : std::map<QString, QString>();
    const bool hasYaml = layout.kind == YoloKind::DataYaml || layout.kind == YoloKind::Roboflow;

    // Class names: the yaml first, then obj.data's names file, then classes.txt (or darknet's obj.names).
    bool haveNames = false;
    if (hasYaml) {
        const QString path = layout.file;
        const QString yaml = QFileInfo(path).fileName();
        int nc = -1;
        ds.classes = readDataYaml(path, &nc);
        if (ds.classes.isEmpty() && nc > 0) {
            for (int i = 0; i < nc; ++i)
                ds.classes << QString::number(i);
            ds.warnings << QCoreApplication::translate("loupe::importers", "%1 gives nc but no names; classes are named by their ids")
                               .arg(yaml);
        } else if (nc >= 0 && nc != ds.classes.size()) {
            ds.warnings << QCoreApplication::translate("loupe::importers", "%1 says nc: %2 but lists %3 names; the names are used")
                               .arg(yaml)
                               .arg(nc)
                               .arg(ds.classes.size());
        }
        haveNames = !ds.classes.isEmpty();
    }
    if (!haveNames && darknet.count(QStringLiteral("names"))) {
        const QString names = resolvePath(darknet.at(QStringLiteral("names")), {rootDir.path()});
        if (!names.isEmpty() && QFileInfo(names).isFile()) {
            ds.classes = readClassesTxt(names);
            haveNames = !ds.classes.isEmpty();
        }
    }
    if (!haveNames) {
        for (const char *txt : {"classes.txt", "obj.names", "labels/classes.txt"}) {
            const QString path = rootDir.filePath(QLatin1String(txt));
            if (QFileInfo(path).isFile()) {
                ds.classes = readClassesTxt(path);
                haveNames = !ds.classes.isEmpty();
                break;
            }
        }
    }
    const int classCount = haveNames ? int(ds.classes.size()) : -1;

    // Which images, from what the layout names.
    QStringList bases;
    if (!imageRootAbs.isEmpty())
        bases << imageRootAbs;
    QStringList lookedIn;
    ImageCollector collector(ds, bases);
    bool named = false; // the yaml or obj.data names the images
    if (hasYaml) {
        bool ok = false;
        const QStringList lines = readLines(layout.file, &ok);
        const yamltext::PathKey pathKey = yamltext::scanPathKey(lines, QStringLiteral("path"));
        QStringList yamlBases = bases;
        if (pathKey.found && !pathKey.values.isEmpty()) {
            // `path:` is relative to where the trainer ran (yolov5/, ultralytics' datasets dir),
            // so it may well not exist here; the yaml's own folder is the fallback.
            const QString p = pathKey.values.front();
            const QString resolved = QDir::isAbsolutePath(p) ? p : rootDir.filePath(p);
            if (QFileInfo(resolved).isDir())
                yamlBases << QDir::cleanPath(resolved);
        }
        yamlBases << rootDir.path();
        collector.setBases(yamlBases);
        const QString yamlName = QFileInfo(layout.file).fileName();
        for (const SplitKey &k : {SplitKey{"train", SplitName::Train}, SplitKey{"val", SplitName::Dev}, SplitKey{"test", SplitName::Test}}) {
            const yamltext::PathKey key = yamltext::scanPathKey(lines, QLatin1String(k.key));
            for (const QString &v : key.values) {
                named = true;
                collector.addWritten(v, k.split, yamlName, QLatin1String(k.key));
                lookedIn << v;
            }
        }
        if (named) {
            // Split folders the yaml does not name (its val: says ../valid/images, the folder is val/).
            for (const Source &source : findSources(rootDir)) {
                if (!source.recursive || collector.covers(source.imageDir))
                    continue;
                QStringList rels;
                for (const QString &rel : imagesUnder(source.imageDir, true))
                    if (!collector.m_seen.contains(QDir::cleanPath(QDir(source.imageDir).absoluteFilePath(rel))))
                        rels << rel; // not named through a list file either
                if (rels.isEmpty())
                    continue;
                ds.warnings << QCoreApplication::translate("loupe::importers", "%1 is not named in %2; its images are read as its folder's split")
                                   .arg(QDir::toNativeSeparators(rootDir.relativeFilePath(source.imageDir)), yamlName);
                for (const QString &rel : rels) {
                    const QString image = QDir::cleanPath(QDir(source.imageDir).absoluteFilePath(rel));
                    SplitName split = source.split;
                    if (split == SplitName::None && rel.contains(QLatin1Char('/')))
                        split = splitOfFolder(rel.section(QLatin1Char('/'), 0, 0));
                    collector.add({image, QDir::cleanPath(QDir(source.labelDir).absoluteFilePath(withTxtEnding(rel))), split});
                }
            }
        }
        // --images DIR where the yaml's folders are not: the image root is where they are.
        if (!imageRootAbs.isEmpty() && collector.m_candidates.empty())
            named = false;
    } else if (darknetData) {
        const QString dataName = QFileInfo(layout.file).fileName();
        QStringList listBases = bases;
        listBases << rootDir.path();
        collector.setBases(listBases);
        for (const SplitKey &k : {SplitKey{"train", SplitName::Train}, SplitKey{"valid", SplitName::Dev},
                                  SplitKey{"val", SplitName::Dev}, SplitKey{"test", SplitName::Test}}) {
            const auto it = darknet.find(QLatin1String(k.key));
            if (it == darknet.end() || it->second.isEmpty())
                continue;
            named = true;
            lookedIn << it->second;
            const QString list = resolvePath(it->second, listBases);
            if (list.isEmpty() || !QFileInfo(list).isFile()) {
                ds.warnings << QCoreApplication::translate("loupe::importers", "%1 names %2 = %3, which is not there; its images are left out")
                                   .arg(dataName, QLatin1String(k.key), it->second);
                continue;
            }
            collector.addList(list, k.split);
        }
        // Images in obj_<subset>_data/ that no list names.
        int unlisted = 0;
        for (const QString &sub : darknetSubsetDirs(rootDir))
            for (const QString &rel : imagesUnder(rootDir.filePath(sub), true))
                if (!collector.m_seen.contains(QDir::cleanPath(rootDir.absoluteFilePath(sub + QLatin1Char('/') + rel))))
                    ++unlisted;
        if (named && unlisted > 0)
            ds.warnings << QCoreApplication::translate("loupe::importers", "%n image(s) in obj_<subset>_data/ are in no list of %1 and were left out",
                                                       nullptr, unlisted)
                               .arg(dataName);
    }
    if (!named && layout.kind == YoloKind::Darknet) {
        // obj.names and obj_<subset>_data/ without obj.data: every image of each subset folder.
        for (const QString &sub : darknetSubsetDirs(rootDir)) {
            const QString dir = rootDir.filePath(sub);
            lookedIn << sub;
            named = true;
            const SplitName split = splitOfFolder(sub.mid(4, sub.size() - 9));
            for (const QString &rel : imagesUnder(dir, true)) {
                const QString image = QDir::cleanPath(QDir(dir).absoluteFilePath(rel));
                collector.add({image, withTxtEnding(image), split});
            }
        }
    }
    if (!named) {
        std::vector<Source> sources;
        if (!imageRootAbs.isEmpty()) {
            const QString labels = QFileInfo(rootDir.filePath(QStringLiteral("labels"))).isDir() ? rootDir.filePath(QStringLiteral("labels"))
                                                                                                  : rootDir.path();
            sources.push_back({imageRootAbs, labels, SplitName::None, true});
        } else {
            sources = findSources(rootDir);
        }
        for (const Source &source : sources) {
            lookedIn << QDir::toNativeSeparators(source.imageDir);
            for (const QString &rel : imagesUnder(source.imageDir, source.recursive)) {
                SplitName split = source.split;
                if (split == SplitName::None && rel.contains(QLatin1Char('/')))
                    split = splitOfFolder(rel.section(QLatin1Char('/'), 0, 0));
                collector.add({QDir::cleanPath(QDir(source.imageDir).absoluteFilePath(rel)),
                               QDir::cleanPath(QDir(source.labelDir).absoluteFilePath(withTxtEnding(rel))), split});
            }
        }
    }
    if (collector.m_duplicates > 0)
        ds.warnings << QCoreApplication::translate("loupe::importers", "%n image(s) are named by more than one split; each is kept in the first",
                                                   nullptr, collector.m_duplicates);

    int maxClass = -1;
    for (const Candidate &c : collector.m_candidates) {
        const QString &imagePath = c.image;
        const QString &labelPath = c.label;

        // Labels first, so a malformed label file is refused whatever state its image is in.
        std::vector<YoloObject> objects;
        if (QFileInfo(labelPath).isFile()) {
            bool readable = false;
            objects = readLabels(labelPath, classCount, &readable);
            if (!readable) {
                ds.badFiles.push_back({imagePath, QCoreApplication::translate("loupe::importers", "cannot read its label file %1")
                                                      .arg(QDir::toNativeSeparators(labelPath))});
                continue;
            }
        }

        QString reason;
        const std::optional<ImageHeader> header = readImageHeader(imagePath, &reason);
        if (!header || header->width <= 0 || header->height <= 0) {
            ds.badFiles.push_back({imagePath, reason.isEmpty()
                                                  ? QCoreApplication::translate("loupe::importers", "cannot read the image size")
                                                  : reason});
            continue;
        }

        Sample sample;
        sample.path = imagePath;
        sample.width = header->width;
        sample.height = header->height;
        sample.split = c.split;

        const double W = header->width;
        const double H = header->height;
        for (YoloObject &o : objects) {
            Annotation ann;
            ann.classId = o.classId;
            maxClass = std::max(maxClass, o.classId);
            if (o.polygon.empty()) {
                ann.box = QRectF((o.cx - o.w / 2) * W, (o.cy - o.h / 2) * H, o.w * W, o.h * H);
            } else {
                Polygon poly;
                poly.reserve(o.polygon.size());
                double xMin = std::numeric_limits<double>::max(), yMin = xMin;
                double xMax = std::numeric_limits<double>::lowest(), yMax = xMax;
                for (std::size_t k = 0; k + 1 < o.polygon.size(); k += 2) {
                    const double x = o.polygon[k] * W;
                    const double y = o.polygon[k + 1] * H;
                    poly.push_back(x);
                    poly.push_back(y);
                    xMin = std::min(xMin, x);
                    xMax = std::max(xMax, x);
                    yMin = std::min(yMin, y);
                    yMax = std::max(yMax, y);
                }
                ann.box = QRectF(xMin, yMin, xMax - xMin, yMax - yMin);
                ann.polygons.push_back(std::move(poly));
            }
            sample.objects.push_back(std::move(ann));
        }
        ds.samples.push_back(std::move(sample));
    }

    if (ds.samples.empty() && ds.badFiles.empty())
        throw DatasetError(QCoreApplication::translate("loupe::importers", "No images found for the YOLO labels in %1; looked in: %2")
                               .arg(QDir::toNativeSeparators(root),
                                    lookedIn.isEmpty() ? QDir::toNativeSeparators(rootDir.path()) : lookedIn.join(QLatin1String(", "))));

    if (!haveNames) {
        for (int i = 0; i <= maxClass; ++i)
            ds.classes << QString::number(i);
        if (maxClass >= 0)
            ds.warnings << QCoreApplication::translate("loupe::importers",
                                                       "No data.yaml or classes.txt; classes are named by their ids");
    }
    return ds;
}

} // namespace importers
} // namespace loupe
