// Pascal VOC: one XML file per image with its size and object boxes.

#include "Errors.h"
#include "Importers.h"
#include "Split.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QXmlStreamReader>

#include <algorithm>
#include <cmath>

namespace loupe {
namespace importers {

namespace {

struct VocObject {
    QString name;
    QRectF box;
};

struct VocFile {
    QString fileName;
    QString folder;
    int width = 0;
    int height = 0;
    std::vector<VocObject> objects;
};

class VocParser
{
public:
    VocParser(const QString &file, QIODevice *device)
        : m_file(file)
        , m_xml(device)
    {
    }

    VocFile parse()
    {
        VocFile result;
        if (!m_xml.readNextStartElement()) {
            checkXml();
            fail(QCoreApplication::translate("loupe::importers", "expected an <annotation> element, the file is empty"));
        }
        if (m_xml.name() != QLatin1String("annotation"))
            fail(QCoreApplication::translate("loupe::importers", "expected an <annotation> element, found <%1>")
                     .arg(m_xml.name().toString()));
        while (m_xml.readNextStartElement()) {
            const auto name = m_xml.name();
            if (name == QLatin1String("filename")) {
                result.fileName = text().trimmed();
            } else if (name == QLatin1String("folder")) {
                result.folder = text().trimmed();
            } else if (name == QLatin1String("size")) {
                readSize(result);
            } else if (name == QLatin1String("object")) {
                result.objects.push_back(readObject());
            } else {
                m_xml.skipCurrentElement();
            }
        }
        checkXml();
        return result;
    }

private:
    [[noreturn]] void fail(const QString &problem, qint64 line = -1) const
    {
        throw LabelFileError(m_file,
                             QCoreApplication::translate("loupe::importers", "line %1")
                                 .arg(line >= 0 ? line : m_xml.lineNumber()),
                             problem);
    }

    void checkXml() const
    {
        if (m_xml.hasError())
            fail(QCoreApplication::translate("loupe::importers", "expected well-formed XML: %1").arg(m_xml.errorString()));
    }

    QString text()
    {
        const QString t = m_xml.readElementText();
        checkXml();
        return t;
    }

    double number(const QString &element)
    {
        const qint64 line = m_xml.lineNumber();
        const QString t = text().trimmed();
        bool ok = false;
        const double v = t.toDouble(&ok);
        if (!ok || !std::isfinite(v))
            fail(QCoreApplication::translate("loupe::importers", "expected a number in <%1>, found \"%2\"").arg(element, t), line);
        return v;
    }

    void readSize(VocFile &result)
    {
        while (m_xml.readNextStartElement()) {
            const QString name = m_xml.name().toString();
            if (name == QLatin1String("width") || name == QLatin1String("height") || name == QLatin1String("depth")) {
                const qint64 line = m_xml.lineNumber();
                // CVAT and labelImg write <depth></depth>: an empty size is unknown, not wrong.
                const QString t = text().trimmed();
                if (t.isEmpty())
                    continue;
                bool ok = false;
                const double v = t.toDouble(&ok);
                if (!ok || !std::isfinite(v))
                    fail(QCoreApplication::translate("loupe::importers", "expected a number in <%1>, found \"%2\"").arg(name, t), line);
                if (v < 0 || v > 1e9)
                    fail(QCoreApplication::translate("loupe::importers", "expected a size of 0 or more in <%1>, found %2")
                             .arg(name)
                             .arg(v),
                         line);
                if (name == QLatin1String("width"))
                    result.width = int(v);
                else if (name == QLatin1String("height"))
                    result.height = int(v);
            } else {
                m_xml.skipCurrentElement();
            }
        }
        checkXml();
    }

    VocObject readObject()
    {
        const qint64 objectLine = m_xml.lineNumber();
        VocObject obj;
        bool hasName = false;
        bool hasBox = false;
        while (m_xml.readNextStartElement()) {
            const auto name = m_xml.name();
            if (name == QLatin1String("name")) {
                obj.name = text().trimmed();
                hasName = true;
            } else if (name == QLatin1String("bndbox")) {
                obj.box = readBox();
                hasBox = true;
            } else {
                m_xml.skipCurrentElement(); // difficult, truncated, pose, parts: not used
            }
        }
        checkXml();
        if (!hasName || obj.name.isEmpty())
            fail(QCoreApplication::translate("loupe::importers", "expected a <name> in the <object> starting here"), objectLine);
        if (!hasBox)
            fail(QCoreApplication::translate("loupe::importers", "expected a <bndbox> in the <object> starting here"), objectLine);
        return obj;
    }

    QRectF readBox()
    {
        const qint64 boxLine = m_xml.lineNumber();
        double v[4] = {0, 0, 0, 0};
        bool seen[4] = {false, false, false, false};
        static const char *const names[4] = {"xmin", "ymin", "xmax", "ymax"};
        while (m_xml.readNextStartElement()) {
            const QString name = m_xml.name().toString();
            int k = 0;
            while (k < 4 && name != QLatin1String(names[k]))
                ++k;
            if (k == 4) {
                m_xml.skipCurrentElement();
                continue;
            }
            v[k] = number(name);
            seen[k] = true;
        }
        checkXml();
        for (int k = 0; k < 4; ++k) {
            if (!seen[k])
                fail(QCoreApplication::translate("loupe::importers", "expected <%1> in the <bndbox> starting here")
                         .arg(QLatin1String(names[k])),
                     boxLine);
        }
        if (v[2] < v[0] || v[3] < v[1])
            fail(QCoreApplication::translate("loupe::importers",
                                             "expected xmin <= xmax and ymin <= ymax in the <bndbox> starting here, found %1, %2, %3, %4")
                     .arg(v[0])
                     .arg(v[1])
                     .arg(v[2])
                     .arg(v[3]),
                 boxLine);
        // VOC counts pixels from 1 and includes xmax: pixel 1..3 is 3 pixels wide starting at 0.
        return QRectF(v[0] - 1, v[1] - 1, v[2] - v[0] + 1, v[3] - v[1] + 1);
    }

    QString m_file;
    QXmlStreamReader m_xml;
};

QStringList sortedFiles(const QDir &dir, const QStringList &filters)
{
    QStringList files = dir.entryList(filters, QDir::Files | QDir::Readable, QDir::NoSort);
    std::sort(files.begin(), files.end());
    return files;
}

// Images of a folder by base name, to find an image whose XML gives no usable file name.
QHash<QString, QString> imagesByBaseName(const QDir &dir)
{
    QHash<QString, QString> byBase;
    QStringList files = dir.entryList(QDir::Files, QDir::NoSort);
    std::sort(files.begin(), files.end());
    for (const QString &f : files) {
        if (isImageFile(f)) {
            const QString base = QFileInfo(f).completeBaseName();
            if (!byBase.contains(base))
                byBase.insert(base, f);
        }
    }
    return byBase;
}

QStringList vocYearDirs(const QDir &devkit)
{
    QStringList years;
    for (const QString &d : devkit.entryList({QStringLiteral("VOC*")}, QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        if (QFileInfo(devkit.filePath(d + QLatin1String("/Annotations"))).isDir())
            years << d;
    return years;
}

QString annotationsDirOf(const QDir &dir)
{
    for (const char *name : {"Annotations", "annotations"}) {
        const QString a = dir.filePath(QLatin1String(name));
        if (QFileInfo(a).isDir() && !sortedFiles(QDir(a), {QStringLiteral("*.xml")}).isEmpty())
            return a;
    }
    return {};
}

// Roboflow's VOC export: train/, valid/, test/ with each image's XML beside it.
QStringList splitXmlDirs(const QDir &root)
{
    QStringList found;
    for (const QString &d : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        if (splitOfFolder(d) != SplitName::None && !sortedFiles(QDir(root.filePath(d)), {QStringLiteral("*.xml")}).isEmpty())
            found << d;
    return found;
}

enum class VocKind { None, Devkit, YearFolder, Cvat, Annotations, SplitFolders, Beside };

struct VocLayout {
    VocKind kind = VocKind::None;
    QString dir;  ///< the folder holding Annotations/ (the devkit's newest VOC20xx), or the root
    QString file; ///< the file or folder that told
    QStringList years; ///< the devkit's VOC20xx folders
};

VocLayout detectLayout(const QDir &d)
{
    const QStringList years = vocYearDirs(d);
    if (!years.isEmpty() && annotationsDirOf(d).isEmpty()) {
        const QDir year(d.filePath(years.last()));
        return {VocKind::Devkit, year.path(), year.filePath(QStringLiteral("Annotations")), years};
    }
    const QString annotations = annotationsDirOf(d);
    if (!annotations.isEmpty()) {
        if (QFileInfo(d.filePath(QStringLiteral("labelmap.txt"))).isFile())
            return {VocKind::Cvat, d.path(), d.filePath(QStringLiteral("labelmap.txt")), {}};
        if (QFileInfo(d.filePath(QStringLiteral("ImageSets/Main"))).isDir())
            return {VocKind::YearFolder, d.path(), d.filePath(QStringLiteral("ImageSets/Main")), {}};
        return {VocKind::Annotations, d.path(), annotations, {}};
    }
    const QStringList splits = splitXmlDirs(d);
    if (!splits.isEmpty())
        return {VocKind::SplitFolders, d.path(), d.filePath(splits.front()), {}};
    const QStringList beside = sortedFiles(d, {QStringLiteral("*.xml")});
    if (!beside.isEmpty())
        return {VocKind::Beside, d.path(), d.filePath(beside.front()), {}};
    return {};
}

QString layoutWords(const VocLayout &layout)
{
    switch (layout.kind) {
    case VocKind::Devkit:
        return QCoreApplication::translate("loupe::importers", "Pascal VOC devkit: %1 with Annotations/, JPEGImages/ and ImageSets/Main/ splits")
            .arg(QFileInfo(layout.dir).fileName());
    case VocKind::YearFolder:
        return QCoreApplication::translate("loupe::importers", "Pascal VOC: Annotations/, JPEGImages/ and ImageSets/Main/ splits");
    case VocKind::Cvat:
        return QCoreApplication::translate("loupe::importers", "CVAT Pascal VOC export: Annotations/, JPEGImages/, ImageSets/Main/ and labelmap.txt");
    case VocKind::Annotations:
        return QCoreApplication::translate("loupe::importers", "Pascal VOC: Annotations/ with JPEGImages/");
    case VocKind::SplitFolders:
        return QCoreApplication::translate("loupe::importers", "Pascal VOC XML beside the images in train/, valid/, test/ folders (Roboflow's export)");
    case VocKind::Beside:
        return QCoreApplication::translate("loupe::importers", "Pascal VOC XML beside the images");
    case VocKind::None:
        break;
    }
    return {};
}

// ImageSets/Main/<subset>.txt: one image id a line. <class>_<subset>.txt files (two columns) are not splits.
struct SubsetLists {
    QHash<QString, SplitName> splitOf; ///< image id -> split
    QStringList ids;                   ///< every listed id, in list order
    int conflicts = 0;                 ///< ids listed in two splits
    bool any = false;
};

SubsetLists readSubsetLists(const QDir &main)
{
    SubsetLists lists;
    // train, val and test say where an image goes; trainval and CVAT's default only that it is in.
    QStringList files = sortedFiles(main, {QStringLiteral("*.txt")});
    const auto rank = [](const QString &f) {
        const SplitName s = splitOfFolder(QFileInfo(f).completeBaseName());
        return s == SplitName::None ? 1 : 0;
    };
    std::stable_sort(files.begin(), files.end(), [&](const QString &a, const QString &b) { return rank(a) < rank(b); });
    for (const QString &f : files) {
        QFile file(main.filePath(f));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        QStringList ids;
        bool isSubset = true;
        for (const QByteArray &raw : file.readAll().split('\n')) {
            const QString line = QString::fromUtf8(raw).trimmed();
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
                continue;
            if (line.contains(QLatin1Char(' ')) || line.contains(QLatin1Char('\t'))) {
                isSubset = false; // "2008_000008 -1": a per-class list
                break;
            }
            ids << line;
        }
        if (!isSubset)
            continue;
        lists.any = true;
        const SplitName split = splitOfFolder(QFileInfo(f).completeBaseName());
        for (const QString &id : ids) {
            const auto it = lists.splitOf.find(id);
            if (it == lists.splitOf.end()) {
                lists.splitOf.insert(id, split);
                lists.ids << id;
            } else if (split != SplitName::None && it.value() != split) {
                ++lists.conflicts;
            }
        }
    }
    return lists;
}

// CVAT's labelmap.txt: "name:r,g,b:parts:actions" lines, the class order of the export.
QStringList readLabelmap(const QString &file)
{
    QStringList names;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return names;
    for (const QByteArray &raw : f.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QString name = line.section(QLatin1Char(':'), 0, 0).trimmed();
        if (!name.isEmpty() && !names.contains(name))
            names << name;
    }
    return names;
}

QString existingFile(const QString &path)
{
    return QFileInfo(path).isFile() ? QDir::cleanPath(QFileInfo(path).absoluteFilePath()) : QString();
}

} // namespace

Recognised recogniseVoc(const QString &dir)
{
    const VocLayout layout = detectLayout(QDir(dir));
    if (layout.kind == VocKind::None)
        return {};
    return {layoutWords(layout), layout.file};
}

Dataset importVoc(const QString &root, const QString &imageRoot)
{
    const QDir givenDir(root);
    if (!givenDir.exists())
        throw DatasetError(QCoreApplication::translate("loupe::importers", "VOC folder %1 does not exist").arg(root));
    if (!imageRoot.isEmpty() && !QFileInfo(imageRoot).isDir())
        throw DatasetError(QCoreApplication::translate("loupe::importers", "image folder %1 does not exist").arg(imageRoot));

    Dataset ds;
    ds.format = QStringLiteral("voc");
    ds.root = root;

    const VocLayout layout = detectLayout(givenDir);
    ds.layout = layoutWords(layout);
    ds.layoutSource = layout.file;
    if (layout.years.size() > 1)
        ds.warnings << QCoreApplication::translate("loupe::importers", "%1 holds %2; %3 is read (open another one by its folder)")
                           .arg(QDir::toNativeSeparators(root), layout.years.join(QLatin1String(", ")), layout.years.last());
    const QDir rootDir(layout.kind == VocKind::None ? givenDir.path() : layout.dir);

    // One group of XML files and the folder their images are in.
    struct Group {
        QDir xmlDir;
        QDir imageDir;
        SplitName split = SplitName::None;
        bool devkit = false; ///< the image is JPEGImages/<xml stem>.jpg, whatever <filename> says
    };
    std::vector<Group> groups;
    const QString annotations = annotationsDirOf(rootDir);
    if (!annotations.isEmpty()) {
        QDir imageDir(rootDir.filePath(QStringLiteral("JPEGImages")));
        if (!imageDir.exists() && rootDir.exists(QStringLiteral("images")))
            imageDir = QDir(rootDir.filePath(QStringLiteral("images")));
        groups.push_back({QDir(annotations), imageDir, SplitName::None, imageDir.dirName() == QLatin1String("JPEGImages")});
    } else if (layout.kind == VocKind::SplitFolders) {
        for (const QString &d : splitXmlDirs(rootDir))
            groups.push_back({QDir(rootDir.filePath(d)), QDir(rootDir.filePath(d)), splitOfFolder(d), false});
    } else {
        groups.push_back({rootDir, rootDir, SplitName::None, false});
    }
    if (!imageRoot.isEmpty())
        for (Group &g : groups)
            g.imageDir = QDir(QFileInfo(imageRoot).absoluteFilePath());

    // The devkit's split lists, when there are any.
    SubsetLists lists;
    if (!annotations.isEmpty() && QFileInfo(rootDir.filePath(QStringLiteral("ImageSets/Main"))).isDir())
        lists = readSubsetLists(QDir(rootDir.filePath(QStringLiteral("ImageSets/Main"))));

    QSet<QString> used;
    int listedWithoutXml = 0;
    int unlistedXml = 0;
    for (const Group &group : groups) {
        QStringList xmlFiles = sortedFiles(group.xmlDir, {QStringLiteral("*.xml")});
        if (lists.any) {
            // What ImageSets/Main lists is the dataset, in its order.
            QSet<QString> present;
            for (const QString &x : xmlFiles)
                present.insert(QFileInfo(x).completeBaseName());
            QStringList listed;
            for (const QString &id : lists.ids) {
                if (present.contains(id))
                    listed << id + QLatin1String(".xml");
                else
                    ++listedWithoutXml;
            }
            unlistedXml += int(xmlFiles.size()) - int(listed.size());
            xmlFiles = listed;
        }
        if (xmlFiles.isEmpty() && !lists.any)
            throw DatasetError(QCoreApplication::translate("loupe::importers", "No VOC annotation (.xml) files in %1")
                                   .arg(QDir::toNativeSeparators(group.xmlDir.absolutePath())));
        const QHash<QString, QString> byBase = imagesByBaseName(group.imageDir);

        for (const QString &xmlName : xmlFiles) {
            const QString xmlPath = group.xmlDir.absoluteFilePath(xmlName);
            QFile file(xmlPath);
            if (!file.open(QIODevice::ReadOnly)) {
                ds.badFiles.push_back({xmlPath, QCoreApplication::translate("loupe::importers", "cannot read: %1")
                                                    .arg(file.errorString())});
                continue;
            }
            VocParser parser(xmlPath, &file);
            VocFile voc = parser.parse();
            const QString stem = QFileInfo(xmlName).completeBaseName();

            // The devkit rule first (the VOC tools and torchvision take the XML's stem), then
            // <filename> in the image folder, then <folder>/<filename> from the dataset and its parent.
            QString imagePath;
            if (group.devkit || voc.fileName.isEmpty()) {
                imagePath = existingFile(group.imageDir.filePath(stem + QLatin1String(".jpg")));
                if (imagePath.isEmpty() && byBase.contains(stem))
                    imagePath = existingFile(group.imageDir.filePath(byBase.value(stem)));
            }
            if (imagePath.isEmpty() && !voc.fileName.isEmpty())
                imagePath = existingFile(group.imageDir.filePath(voc.fileName));
            if (imagePath.isEmpty() && !voc.fileName.isEmpty() && !voc.folder.isEmpty()) {
                const QDir parent(rootDir.absoluteFilePath(QStringLiteral("..")));
                for (const QString &candidate : {rootDir.filePath(voc.folder + QLatin1Char('/') + voc.fileName),
                                                 group.xmlDir.filePath(voc.folder + QLatin1Char('/') + voc.fileName),
                                                 parent.filePath(voc.folder + QLatin1Char('/') + voc.fileName)}) {
                    imagePath = existingFile(candidate);
                    if (!imagePath.isEmpty())
                        break;
                }
            }
            if (imagePath.isEmpty() && !voc.fileName.isEmpty() && !isImageFile(voc.fileName) && byBase.contains(voc.fileName))
                imagePath = existingFile(group.imageDir.filePath(byBase.value(voc.fileName)));
            if (imagePath.isEmpty() && !group.devkit && byBase.contains(stem))
                imagePath = existingFile(group.imageDir.filePath(byBase.value(stem)));

            if (imagePath.isEmpty()) {
                const bool namesOther = voc.fileName.isEmpty() || (group.devkit && QFileInfo(voc.fileName).completeBaseName() != stem);
                const QString expected = group.imageDir.absoluteFilePath(namesOther ? stem + QLatin1String(".jpg") : voc.fileName);
                ds.badFiles.push_back({QDir::cleanPath(expected),
                                       QCoreApplication::translate("loupe::importers", "missing: named in %1")
                                           .arg(QDir::toNativeSeparators(rootDir.relativeFilePath(xmlPath)))});
                continue;
            }

            Sample sample;
            sample.path = imagePath;
            sample.width = voc.width;
            sample.height = voc.height;
            sample.split = lists.any ? lists.splitOf.value(stem, SplitName::None) : group.split;
            for (const VocObject &obj : voc.objects) {
                Annotation ann;
                ann.classId = ds.classIndex(obj.name);
                ann.box = obj.box;
                sample.objects.push_back(std::move(ann));
            }
            used.insert(sample.path);
            ds.samples.push_back(std::move(sample));
        }
    }

    // Class ids: CVAT's labelmap order when there is one (without its segmentation "background"
    // unless an object uses it), else alphabetical, so the result does not depend on which file came first.
    QStringList sorted;
    if (layout.kind == VocKind::Cvat) {
        for (const QString &name : readLabelmap(layout.file))
            if (name != QLatin1String("background") || ds.classes.contains(name))
                sorted << name;
        QStringList extra;
        for (const QString &name : ds.classes)
            if (!sorted.contains(name))
                extra << name;
        std::sort(extra.begin(), extra.end());
        sorted << extra;
    } else {
        sorted = ds.classes;
        std::sort(sorted.begin(), sorted.end());
    }
    std::vector<int> remap(std::size_t(ds.classes.size()));
    for (qsizetype i = 0; i < ds.classes.size(); ++i)
        remap[std::size_t(i)] = int(sorted.indexOf(ds.classes[i]));
    for (Sample &s : ds.samples)
        for (Annotation &a : s.objects)
            a.classId = remap[std::size_t(a.classId)];
    ds.classes = sorted;

    if (lists.any) {
        if (listedWithoutXml > 0)
            ds.warnings << QCoreApplication::translate("loupe::importers",
                                                       "%n image(s) listed in ImageSets/Main have no annotation file and were left out",
                                                       nullptr, listedWithoutXml);
        if (unlistedXml > 0)
            ds.warnings << QCoreApplication::translate("loupe::importers",
                                                       "%n annotation file(s) are in no list of ImageSets/Main and were left out",
                                                       nullptr, unlistedXml);
        if (lists.conflicts > 0)
            ds.warnings << QCoreApplication::translate("loupe::importers",
                                                       "%n image(s) are listed in more than one split of ImageSets/Main; each is kept in the first of train, val, test",
                                                       nullptr, lists.conflicts);
    }
    int unannotated = 0;
    for (const Group &group : groups)
        for (const QString &f : group.imageDir.entryList(QDir::Files))
            if (isImageFile(f) && !used.contains(QDir::cleanPath(group.imageDir.absoluteFilePath(f))))
                ++unannotated;
    if (unannotated > 0 && !lists.any)
        ds.warnings << QCoreApplication::translate("loupe::importers",
                                                   "%n image(s) in %1 have no annotation file and were left out",
                                                   nullptr, unannotated)
                           .arg(QDir::toNativeSeparators(groups.size() == 1 ? groups.front().imageDir.absolutePath() : rootDir.absolutePath()));
    if (ds.samples.empty() && ds.badFiles.empty())
        throw DatasetError(QCoreApplication::translate("loupe::importers", "No annotated images in %1: ImageSets/Main lists none that has an annotation file")
                               .arg(QDir::toNativeSeparators(root)));
    return ds;
}

} // namespace importers
} // namespace loupe
