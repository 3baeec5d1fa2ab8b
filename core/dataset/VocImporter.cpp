// Pascal VOC: one XML file per image with its size and object boxes.

#include "Errors.h"
#include "Importers.h"

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
                const double v = number(name);
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

} // namespace

Recognised recogniseVoc(const QString &dir)
{
    const QDir d(dir);
    const QString annotations = d.filePath(QStringLiteral("Annotations"));
    if (QFileInfo(annotations).isDir() && !sortedFiles(QDir(annotations), {QStringLiteral("*.xml")}).isEmpty())
        return {QCoreApplication::translate("loupe::importers", "Pascal VOC Annotations/ folder"), annotations};
    const QStringList beside = sortedFiles(d, {QStringLiteral("*.xml")});
    if (!beside.isEmpty())
        return {QCoreApplication::translate("loupe::importers", "Pascal VOC XML beside the images"),
                d.filePath(beside.front())};
    return {};
}

Dataset importVoc(const QString &root)
{
    const QDir rootDir(root);
    if (!rootDir.exists())
        throw DatasetError(QCoreApplication::translate("loupe::importers", "VOC folder %1 does not exist").arg(root));

    // Layout A: Annotations/ with JPEGImages/ (or images/); layout B: XML beside the images.
    QDir xmlDir = rootDir;
    QDir imageDir = rootDir;
    if (rootDir.exists(QStringLiteral("Annotations"))) {
        xmlDir = QDir(rootDir.filePath(QStringLiteral("Annotations")));
        if (rootDir.exists(QStringLiteral("JPEGImages")))
            imageDir = QDir(rootDir.filePath(QStringLiteral("JPEGImages")));
        else if (rootDir.exists(QStringLiteral("images")))
            imageDir = QDir(rootDir.filePath(QStringLiteral("images")));
        else
            imageDir = QDir(rootDir.filePath(QStringLiteral("JPEGImages")));
    }

    const QStringList xmlFiles = sortedFiles(xmlDir, {QStringLiteral("*.xml")});
    if (xmlFiles.isEmpty())
        throw DatasetError(QCoreApplication::translate("loupe::importers", "No VOC annotation (.xml) files in %1")
                               .arg(QDir::toNativeSeparators(xmlDir.absolutePath())));

    Dataset ds;
    ds.format = QStringLiteral("voc");
    ds.root = root;
    const QHash<QString, QString> byBase = imagesByBaseName(imageDir);
    QSet<QString> used;

    for (const QString &xmlName : xmlFiles) {
        const QString xmlPath = xmlDir.absoluteFilePath(xmlName);
        QFile file(xmlPath);
        if (!file.open(QIODevice::ReadOnly)) {
            ds.badFiles.push_back({xmlPath, QCoreApplication::translate("loupe::importers", "cannot read: %1")
                                                .arg(file.errorString())});
            continue;
        }
        VocParser parser(xmlPath, &file);
        VocFile voc = parser.parse();

        // <filename> names the image; some tools leave it out or drop the ending.
        QString imagePath;
        if (!voc.fileName.isEmpty() && QFileInfo(imageDir.filePath(voc.fileName)).isFile()) {
            imagePath = imageDir.absoluteFilePath(voc.fileName);
        } else if (voc.fileName.isEmpty() || !isImageFile(voc.fileName)) {
            const QString base = voc.fileName.isEmpty() ? QFileInfo(xmlName).completeBaseName() : voc.fileName;
            if (byBase.contains(base))
                imagePath = imageDir.absoluteFilePath(byBase.value(base));
        }

        if (imagePath.isEmpty()) {
            const QString expected = imageDir.absoluteFilePath(voc.fileName.isEmpty() ? QFileInfo(xmlName).completeBaseName()
                                                                                       : voc.fileName);
            ds.badFiles.push_back({QDir::cleanPath(expected),
                                   QCoreApplication::translate("loupe::importers", "missing: named in %1")
                                       .arg(QDir::toNativeSeparators(rootDir.relativeFilePath(xmlPath)))});
            continue;
        }

        Sample sample;
        sample.path = QDir::cleanPath(imagePath);
        sample.width = voc.width;
        sample.height = voc.height;
        for (const VocObject &obj : voc.objects) {
            Annotation ann;
            ann.classId = ds.classIndex(obj.name);
            ann.box = obj.box;
            sample.objects.push_back(std::move(ann));
        }
        used.insert(sample.path);
        ds.samples.push_back(std::move(sample));
    }

    // Alphabetical class ids, so the result does not depend on which file came first.
    QStringList sorted = ds.classes;
    std::sort(sorted.begin(), sorted.end());
    std::vector<int> remap(std::size_t(ds.classes.size()));
    for (qsizetype i = 0; i < ds.classes.size(); ++i)
        remap[std::size_t(i)] = int(sorted.indexOf(ds.classes[i]));
    for (Sample &s : ds.samples)
        for (Annotation &a : s.objects)
            a.classId = remap[std::size_t(a.classId)];
    ds.classes = sorted;

    int unannotated = 0;
    for (const QString &f : imageDir.entryList(QDir::Files))
        if (isImageFile(f) && !used.contains(QDir::cleanPath(imageDir.absoluteFilePath(f))))
            ++unannotated;
    if (unannotated > 0)
        ds.warnings << QCoreApplication::translate("loupe::importers",
                                                   "%n image(s) in %1 have no annotation file and were left out",
                                                   nullptr, unannotated)
                           .arg(QDir::toNativeSeparators(imageDir.absolutePath()));
    return ds;
}

} // namespace importers
} // namespace loupe
