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

std::vector<Source> findSources(const QDir &root)
{
    if (root.exists(QStringLiteral("images")))
        return {{root.filePath(QStringLiteral("images")), root.filePath(QStringLiteral("labels")), SplitName::None, true}};

    // Roboflow-style exports: train/images + train/labels, valid/..., test/...
    std::vector<Source> sources;
    QStringList dirs = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::NoSort);
    std::sort(dirs.begin(), dirs.end());
    for (const QString &d : dirs) {
        const SplitName split = splitOfFolder(d);
        const QDir sub(root.filePath(d));
        if (split != SplitName::None && sub.exists(QStringLiteral("images")))
            sources.push_back({sub.filePath(QStringLiteral("images")), sub.filePath(QStringLiteral("labels")), split, true});
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

} // namespace

Recognised recogniseYolo(const QString &dir)
{
    const QDir d(dir);
    for (const char *name : {"data.yaml", "data.yml", "classes.txt"})
        if (d.exists(QLatin1String(name)))
            return {QCoreApplication::translate("loupe::importers", "YOLO labels named by %1").arg(QLatin1String(name)),
                    d.filePath(QLatin1String(name))};
    if (QFileInfo(d.filePath(QStringLiteral("labels"))).isDir())
        return {QCoreApplication::translate("loupe::importers", "YOLO labels/ folder"),
                d.filePath(QStringLiteral("labels"))};
    return {};
}

Dataset importYolo(const QString &root)
{
    // Absolute from here on: relative paths would not survive QDir::relativeFilePath round trips.
    const QDir rootDir(QFileInfo(root).absoluteFilePath());
    if (!rootDir.exists())
        throw DatasetError(QCoreApplication::translate("loupe::importers", "YOLO folder %1 does not exist").arg(root));

    Dataset ds;
    ds.format = QStringLiteral("yolo");
    ds.root = root;

    // Class names: data.yaml first, then classes.txt (or darknet's obj.names).
    bool haveNames = false;
    for (const char *yaml : {"data.yaml", "data.yml", "dataset.yaml"}) {
        const QString path = rootDir.filePath(QLatin1String(yaml));
        if (!QFileInfo(path).isFile())
            continue;
        int nc = -1;
        ds.classes = readDataYaml(path, &nc);
        if (ds.classes.isEmpty() && nc > 0) {
            for (int i = 0; i < nc; ++i)
                ds.classes << QString::number(i);
            ds.warnings << QCoreApplication::translate("loupe::importers", "%1 gives nc but no names; classes are named by their ids")
                               .arg(QLatin1String(yaml));
        } else if (nc >= 0 && nc != ds.classes.size()) {
            ds.warnings << QCoreApplication::translate("loupe::importers", "%1 says nc: %2 but lists %3 names; the names are used")
                               .arg(QLatin1String(yaml))
                               .arg(nc)
                               .arg(ds.classes.size());
        }
        haveNames = !ds.classes.isEmpty();
        break;
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

    int maxClass = -1;
    for (const Source &source : findSources(rootDir)) {
        const QDir imageDir(source.imageDir);
        const QDir labelDir(source.labelDir);
        for (const QString &rel : imagesUnder(source.imageDir, source.recursive)) {
            const QString imagePath = QDir::cleanPath(imageDir.absoluteFilePath(rel));
            const QString labelPath = QDir::cleanPath(labelDir.absoluteFilePath(withTxtEnding(rel)));

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
            sample.split = source.split;
            if (source.split == SplitName::None && rel.contains(QLatin1Char('/')))
                sample.split = splitOfFolder(rel.section(QLatin1Char('/'), 0, 0));

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
    }

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
