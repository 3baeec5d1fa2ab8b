// Relabelling Pascal VOC: the <name> text of the largest <object>.

#include "dataset/labeledits/LabelEditPlan.h"

#include "dataset/Errors.h"
#include "dataset/Importers.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QXmlStreamReader>

#include <algorithm>

namespace loupe::labeledits {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::LabelEdits)
};

struct VocLayout {
    QDir xmlDir;
    QDir imageDir;
};

VocLayout vocLayout(const QString &root)
{
    const QDir rootDir(QFileInfo(root).absoluteFilePath());
    VocLayout layout {rootDir, rootDir};
    if (rootDir.exists(QStringLiteral("Annotations"))) {
        layout.xmlDir = QDir(rootDir.filePath(QStringLiteral("Annotations")));
        layout.imageDir = QDir(
            rootDir.filePath(rootDir.exists(QStringLiteral("JPEGImages")) || !rootDir.exists(QStringLiteral("images"))
                    ? QStringLiteral("JPEGImages")
                    : QStringLiteral("images")));
    }
    return layout;
}

QString vocFileName(const QString &xmlPath)
{
    QFile f(xmlPath);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QXmlStreamReader xml(&f);
    QString name;
    if (!xml.readNextStartElement())
        return {};
    while (xml.readNextStartElement()) {
        if (xml.name() == QLatin1String("filename"))
            name = xml.readElementText().trimmed();
        else
            xml.skipCurrentElement();
    }
    return name;
}

// Which XML file each image came from, resolved the way the importer does.
QHash<QString, QString> vocXmlByImage(const VocLayout &layout)
{
    QHash<QString, QString> byBase;
    QStringList images = layout.imageDir.entryList(QDir::Files, QDir::NoSort);
    std::sort(images.begin(), images.end());
    for (const QString &f : images)
        if (importers::isImageFile(f) && !byBase.contains(QFileInfo(f).completeBaseName()))
            byBase.insert(QFileInfo(f).completeBaseName(), f);

    QHash<QString, QString> xmlOf;
    QStringList xmls = layout.xmlDir.entryList({QStringLiteral("*.xml")}, QDir::Files | QDir::Readable, QDir::NoSort);
    std::sort(xmls.begin(), xmls.end());
    for (const QString &xmlName : xmls) {
        const QString xmlPath = layout.xmlDir.absoluteFilePath(xmlName);
        const QString fileName = vocFileName(xmlPath);
        QString imagePath;
        if (!fileName.isEmpty() && QFileInfo(layout.imageDir.filePath(fileName)).isFile()) {
            imagePath = layout.imageDir.absoluteFilePath(fileName);
        } else if (fileName.isEmpty() || !importers::isImageFile(fileName)) {
            const QString base = fileName.isEmpty() ? QFileInfo(xmlName).completeBaseName() : fileName;
            if (byBase.contains(base))
                imagePath = layout.imageDir.absoluteFilePath(byBase.value(base));
        }
        imagePath = QDir::cleanPath(imagePath);
        if (!imagePath.isEmpty() && !xmlOf.contains(imagePath))
            xmlOf.insert(imagePath, xmlPath);
    }
    return xmlOf;
}

QString xmlEscaped(const QString &text)
{
    QString out = text;
    out.replace(QLatin1String("&"), QLatin1String("&amp;"));
    out.replace(QLatin1String("<"), QLatin1String("&lt;"));
    out.replace(QLatin1String(">"), QLatin1String("&gt;"));
    return out;
}

void editVocXml(const QString &xmlPath, QString &text, const LabelEdit &e, const Sample &sample)
{
    const int largest = largestObject(sample);
    QXmlStreamReader xml(text);
    int objectIndex = 0;
    int spanStart = -1, spanEnd = -1;
    QString current;
    auto failXml = [&] {
        throw DatasetError(
            Text::tr("cannot read %1, line %2: %3").arg(native(xmlPath)).arg(xml.lineNumber()).arg(xml.errorString()));
    };
    if (!xml.readNextStartElement())
        failXml();
    while (xml.readNextStartElement()) {
        if (xml.name() != QLatin1String("object")) {
            xml.skipCurrentElement();
            continue;
        }
        const bool target = objectIndex++ == largest;
        while (xml.readNextStartElement()) {
            if (target && xml.name() == QLatin1String("name")) {
                const int start = int(xml.characterOffset());
                current = xml.readElementText().trimmed();
                if (xml.hasError())
                    failXml();
                const int close = int(text.lastIndexOf(QLatin1String("</"), int(xml.characterOffset()) - 1));
                // The importer takes the last <name> of an object; so does the edit.
                spanStart = start;
                spanEnd = close >= start ? close : start;
            } else {
                xml.skipCurrentElement();
            }
        }
    }
    if (xml.hasError())
        failXml();
    if (objectIndex != int(sample.objects.size()) || spanStart < 0)
        throw DatasetError(Text::tr("%1 holds %n object(s), the open dataset %2: the file changed since the dataset "
                                    "was opened; open it again before saving",
                                    nullptr, objectIndex)
                               .arg(native(xmlPath))
                               .arg(qulonglong(sample.objects.size())));
    if (current == e.newClass)
        return;
    if (current != e.oldClass)
        staleLabel(e.path, xmlPath, current, e.oldClass);
    // Whitespace around the name stays, so the file's layout does too.
    const QString raw = text.mid(spanStart, spanEnd - spanStart);
    int lead = 0;
    while (lead < raw.size() && raw.at(lead).isSpace())
        ++lead;
    int trail = 0;
    while (trail < raw.size() - lead && raw.at(raw.size() - 1 - trail).isSpace())
        ++trail;
    text.replace(spanStart + lead, raw.size() - lead - trail, xmlEscaped(e.newClass));
}

} // namespace

void planVoc(const Dataset &dataset, const std::vector<LabelEdit> &edits, const SamplesByPath &samples, Workspace &ws)
{
    const VocLayout layout = vocLayout(dataset.root);
    const QHash<QString, QString> xmlOf = vocXmlByImage(layout);
    for (const LabelEdit &e : edits) {
        const QString xmlPath = xmlOf.value(e.path);
        if (xmlPath.isEmpty())
            throw DatasetError(Text::tr("no annotation file in %1 names %2")
                                   .arg(native(layout.xmlDir.absolutePath()), native(e.path)));
        editVocXml(xmlPath, ws.text(xmlPath), e, *samples.value(e.path));
    }
}

} // namespace loupe::labeledits
