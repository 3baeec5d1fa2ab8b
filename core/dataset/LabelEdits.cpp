#include "dataset/LabelEdits.h"

#include "AtomicFile.h"
#include "dataset/Errors.h"
#include "dataset/Importers.h"
#include "dataset/YamlText.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace loupe {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::LabelEdits)
};

using ojson = nlohmann::ordered_json;

// The class classificationView gives images without objects; relabelling cannot reach it or leave it.
QString noObjectName()
{
    return QCoreApplication::translate("loupe::ClassificationView", "no object");
}

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// The object that gives a detection image its class, as classificationView picks it.
int largestObject(const Sample &sample)
{
    int best = -1;
    double bestArea = -1;
    for (std::size_t i = 0; i < sample.objects.size(); ++i) {
        const Annotation &a = sample.objects[i];
        const double area = a.box.width() * a.box.height();
        if (a.classId >= 0 && area > bestArea) {
            bestArea = area;
            best = int(i);
        }
    }
    return best;
}

bool isDetectionFormat(const QString &format)
{
    return format == QLatin1String("coco") || format == QLatin1String("voc") || format == QLatin1String("yolo");
}

SplitName splitForFolder(const QString &name)
{
    const QString n = name.toLower();
    if (n == QLatin1String("train") || n == QLatin1String("training"))
        return SplitName::Train;
    if (n == QLatin1String("valid") || n == QLatin1String("val") || n == QLatin1String("validation")
        || n == QLatin1String("dev"))
        return SplitName::Dev;
    if (n == QLatin1String("test") || n == QLatin1String("testing"))
        return SplitName::Test;
    return SplitName::None;
}

// ---- the plan: every new file content and every move, worked out before anything is touched ----

struct FileChange {
    QString path;
    QByteArray before;
    QByteArray after;
    bool existed = true;
};

struct Move {
    QString from;
    QString to;
};

/// Label files read once, edited as text in memory; only what differs at the end gets written.
class Workspace {
public:
    QString &text(const QString &path)
    {
        auto it = m_texts.find(path);
        if (it != m_texts.end())
            return it->second;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            throw DatasetError(Text::tr("cannot read %1: %2").arg(native(path), f.errorString()));
        const QByteArray bytes = f.readAll();
        const QString decoded = QString::fromUtf8(bytes);
        // Rewriting anything but UTF-8 would change bytes the user never edited.
        if (decoded.toUtf8() != bytes)
            throw DatasetError(Text::tr("cannot rewrite %1: it is not UTF-8 text").arg(native(path)));
        m_originals[path] = bytes;
        return m_texts.emplace(path, decoded).first->second;
    }

    std::vector<FileChange> changes() const
    {
        std::vector<FileChange> out;
        for (const auto &entry : m_texts) {
            const QByteArray after = entry.second.toUtf8();
            const QByteArray &before = m_originals.at(entry.first);
            if (after != before)
                out.push_back({entry.first, before, after, true});
        }
        return out;
    }

private:
    std::map<QString, QString> m_texts;
    std::map<QString, QByteArray> m_originals;
};

struct Plan {
    std::vector<FileChange> files;
    std::vector<Move> moves;
};

[[noreturn]] void staleLabel(const QString &image, const QString &file, const QString &found, const QString &expected)
{
    throw DatasetError(Text::tr("%1 says %2 is \"%3\", not \"%4\": the file changed since the dataset was opened; "
                                "open it again before saving")
                           .arg(native(file), QFileInfo(image).fileName(), found, expected));
}

// ---- CSV: the label field of the image's rows, everything else as it was ----

struct CsvField {
    QString value;
    int start = 0; ///< span of the field's text (with its quotes) in the file, whitespace around it excluded
    int end = 0;
    bool quoted = false;
};

struct CsvRow {
    std::vector<CsvField> fields;
    int line = 0;
};

// The importer's RFC 4180 reading, keeping where each field sits.
std::vector<CsvRow> parseCsvSpans(const QString &text, int from)
{
    std::vector<CsvRow> rows;
    CsvRow row;
    row.line = 1;
    int line = 1;
    QString field;
    bool quoted = false;
    bool wasQuoted = false;
    int fieldStart = from;
    int quoteStart = -1;
    auto endField = [&](int end) {
        CsvField f;
        f.quoted = wasQuoted;
        f.value = wasQuoted ? field : field.trimmed();
        int a = wasQuoted ? quoteStart : fieldStart;
        int b = end;
        while (a < b && text.at(a).isSpace())
            ++a;
        while (b > a && text.at(b - 1).isSpace())
            --b;
        f.start = a;
        f.end = b;
        row.fields.push_back(f);
        field.clear();
        wasQuoted = false;
        fieldStart = end + 1;
    };
    auto endRow = [&](int end) {
        endField(end);
        const bool blank = row.fields.size() == 1 && row.fields.front().value.isEmpty() && !row.fields.front().quoted;
        if (!blank)
            rows.push_back(row);
        row = CsvRow();
        row.line = line;
    };
    const int n = int(text.size());
    for (int i = from; i < n; ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                    field.append(QLatin1Char('"'));
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field.append(c);
            }
        } else if (c == QLatin1Char('"') && field.trimmed().isEmpty()) {
            quoted = true;
            wasQuoted = true;
            quoteStart = i;
            field.clear();
        } else if (c == QLatin1Char(',')) {
            endField(i);
        } else if (c == QLatin1Char('\n')) {
            ++line;
            endRow(i);
        } else if (c != QLatin1Char('\r')) {
            field.append(c);
        }
    }
    if (!quoted)
        endRow(n);
    return rows;
}

bool looksLikeCsvHeader(const std::vector<CsvField> &fields)
{
    static const char *const pathNames[] = {"path", "file", "filename", "file_name", "image", "image_path", "img"};
    static const char *const labelNames[] = {"label", "class", "class_name", "category", "target"};
    if (fields.size() < 2)
        return false;
    bool path = false, label = false;
    for (const char *p : pathNames)
        path = path || fields[0].value.compare(QLatin1String(p), Qt::CaseInsensitive) == 0;
    for (const char *l : labelNames)
        label = label || fields[1].value.compare(QLatin1String(l), Qt::CaseInsensitive) == 0;
    return path && label;
}

QString csvField(const QString &value, bool quoteAnyway)
{
    if (!quoteAnyway && !value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')))
        return value;
    QString escaped = value;
    escaped.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

void planCsv(const Dataset &dataset, const std::vector<LabelEdit> &edits, Workspace &ws)
{
    const QString csvFile = QFileInfo(dataset.root).absoluteFilePath();
    QString &text = ws.text(csvFile);
    const int from = text.startsWith(QChar(0xFEFF)) ? 1 : 0;
    const std::vector<CsvRow> rows = parseCsvSpans(text, from);
    const QDir base = QFileInfo(csvFile).absoluteDir();

    QHash<QString, std::vector<const CsvRow *>> rowsOf;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        if ((r == 0 && looksLikeCsvHeader(rows[r].fields)) || rows[r].fields.size() < 2)
            continue;
        rowsOf[QDir::cleanPath(base.absoluteFilePath(rows[r].fields[0].value))].push_back(&rows[r]);
    }

    std::map<int, std::pair<int, QString>> replacements; // start -> (end, new text); applied back to front
    for (const LabelEdit &e : edits) {
        const auto found = rowsOf.constFind(e.path);
        if (found == rowsOf.constEnd() || found->empty())
            throw DatasetError(Text::tr("%1 does not list %2").arg(native(csvFile), native(e.path)));
        bool any = false;
        for (const CsvRow *row : *found) {
            const CsvField &label = row->fields[1];
            if (label.value == e.oldClass) {
                replacements[label.start] = {label.end, csvField(e.newClass, label.quoted)};
                any = true;
            } else if (label.value == e.newClass) {
                any = true; // already saved
            }
        }
        if (!any)
            staleLabel(e.path, csvFile, found->front()->fields[1].value, e.oldClass);
    }
    for (auto it = replacements.rbegin(); it != replacements.rend(); ++it)
        text.replace(it->first, it->second.first - it->first, it->second.second);
}

// ---- COCO: the category of the image's largest annotation ----

// The images[] entry the importer resolved to this path (the JSON's folder, its images/ folder,
// or an image root given on import, which only the path's ending can tell).
std::size_t cocoImageIndex(const ojson &images, const QString &jsonFile, const QString &imagePath)
{
    const QDir jsonDir = QFileInfo(jsonFile).absoluteDir();
    const QStringList searchDirs {jsonDir.absolutePath(), jsonDir.filePath(QStringLiteral("images"))};
    std::size_t bySuffix = images.size();
    int suffixMatches = 0;
    for (std::size_t i = 0; i < images.size(); ++i) {
        const ojson &img = images[i];
        if (!img.is_object() || !img.contains("file_name") || !img.at("file_name").is_string())
            continue;
        const QString name = QString::fromStdString(img.at("file_name").get<std::string>());
        if (QFileInfo(name).isAbsolute()) {
            if (QDir::cleanPath(name) == imagePath)
                return i;
            continue;
        }
        for (const QString &dir : searchDirs)
            if (QDir::cleanPath(QDir(dir).absoluteFilePath(name)) == imagePath)
                return i;
        if (imagePath.endsWith(QLatin1Char('/') + QDir::cleanPath(name))) {
            if (suffixMatches++ == 0)
                bySuffix = i;
        }
    }
    return suffixMatches == 1 ? bySuffix : images.size();
}

// Keeps the file's own layout where it is plain: compact stays compact, indented keeps its indent.
QByteArray dumpLike(const ojson &root, const QByteArray &original)
{
    int indent = -1;
    char indentChar = ' ';
    const int firstBreak = int(original.indexOf('\n'));
    if (firstBreak >= 0 && firstBreak + 1 < original.size()) {
        int k = firstBreak + 1;
        const char c = original.at(k);
        if (c == ' ' || c == '\t') {
            indentChar = c;
            indent = 0;
            while (k < original.size() && original.at(k) == indentChar) {
                ++indent;
                ++k;
            }
        } else if (original.trimmed().contains('\n')) {
            indent = 0;
        }
    }
    std::string out = root.dump(indent, indentChar, false, ojson::error_handler_t::strict);
    QByteArray bytes = QByteArray::fromStdString(out);
    if (original.endsWith('\n'))
        bytes.append(original.endsWith("\r\n") ? "\r\n" : "\n");
    return bytes;
}

void planCoco(const Dataset &dataset, const std::vector<LabelEdit> &edits,
    const QHash<QString, const Sample *> &samples, std::vector<FileChange> &files)
{
    const QString jsonFile = QFileInfo(dataset.root).absoluteFilePath();
    QFile f(jsonFile);
    if (!f.open(QIODevice::ReadOnly))
        throw DatasetError(Text::tr("cannot read %1: %2").arg(native(jsonFile), f.errorString()));
    const QByteArray before = f.readAll();
    f.close();

    ojson root;
    try {
        root = ojson::parse(before.constBegin(), before.constEnd());
    } catch (const ojson::exception &e) {
        throw DatasetError(Text::tr("cannot read %1: %2").arg(native(jsonFile), QString::fromUtf8(e.what())));
    }
    if (!root.is_object() || !root.contains("images") || !root["images"].is_array())
        throw DatasetError(Text::tr("cannot read %1: expected a COCO object with \"images\"").arg(native(jsonFile)));
    if (!root.contains("annotations") || !root["annotations"].is_array())
        throw DatasetError(Text::tr("cannot read %1: expected \"annotations\"").arg(native(jsonFile)));
    if (!root.contains("categories") || root["categories"].is_null())
        root["categories"] = ojson::array();
    if (!root["categories"].is_array())
        throw DatasetError(Text::tr("cannot read %1: expected \"categories\" to be an array").arg(native(jsonFile)));
    ojson &images = root["images"];
    ojson &annotations = root["annotations"];
    ojson &categories = root["categories"];

    try {
        auto categoryName = [&](const ojson &id) -> QString {
            for (const ojson &c : categories)
                if (c.is_object() && c.contains("id") && c.at("id") == id && c.contains("name")
                    && c.at("name").is_string())
                    return QString::fromStdString(c.at("name").get<std::string>());
            return {};
        };
        auto categoryId = [&](const QString &name) -> ojson {
            const std::string wanted = name.toStdString();
            qint64 maxId = 0;
            for (const ojson &c : categories) {
                if (!c.is_object())
                    continue;
                if (c.contains("name") && c.at("name") == wanted)
                    return c.at("id");
                if (c.contains("id") && c.at("id").is_number())
                    maxId = std::max(maxId, c.at("id").get<qint64>());
            }
            ojson added = ojson::object();
            added["id"] = maxId + 1;
            added["name"] = wanted;
            categories.push_back(added);
            return added["id"];
        };

        for (const LabelEdit &e : edits) {
            const Sample *sample = samples.value(e.path);
            const std::size_t imageIndex = cocoImageIndex(images, jsonFile, e.path);
            if (imageIndex >= images.size() || !images[imageIndex].contains("id"))
                throw DatasetError(Text::tr("%1 does not list %2").arg(native(jsonFile), native(e.path)));
            const ojson imageId = images[imageIndex]["id"];
            std::vector<std::size_t> own;
            for (std::size_t i = 0; i < annotations.size(); ++i)
                if (annotations[i].is_object() && annotations[i].contains("image_id")
                    && annotations[i]["image_id"] == imageId)
                    own.push_back(i);
            const int largest = largestObject(*sample);
            if (own.size() != sample->objects.size() || largest < 0)
                throw DatasetError(
                    Text::tr("%1 holds %n annotation(s) of %2, the open dataset %3: the file changed since "
                             "the dataset was opened; open it again before saving",
                             nullptr, int(own.size()))
                        .arg(native(jsonFile))
                        .arg(QFileInfo(e.path).fileName())
                        .arg(qulonglong(sample->objects.size())));
            ojson &annotation = annotations[own[std::size_t(largest)]];
            const QString current = categoryName(annotation["category_id"]);
            if (current == e.newClass)
                continue;
            if (current != e.oldClass)
                staleLabel(e.path, jsonFile, current, e.oldClass);
            annotation["category_id"] = categoryId(e.newClass);
        }
    } catch (const ojson::exception &e) {
        throw DatasetError(Text::tr("cannot update %1: %2").arg(native(jsonFile), QString::fromUtf8(e.what())));
    }

    const QByteArray after = dumpLike(root, before);
    if (after != before)
        files.push_back({jsonFile, before, after, true});
}

// ---- Pascal VOC: the <name> text of the largest <object> ----

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

void planVoc(const Dataset &dataset, const std::vector<LabelEdit> &edits, const QHash<QString, const Sample *> &samples,
    Workspace &ws)
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

// ---- YOLO: the class number of the largest box's line, and the class list when a class is new ----

/// Where a YOLO dataset's class names come from, and where a new one would go.
struct YoloNames {
    enum class Style { None, NcOnly, ClassesTxt, FlowList, FlowDict, BlockList, BlockDict };
    Style style = Style::None;
    QString file;
    QStringList names;
    int insertLine = -1; ///< flow: the line with the closing bracket; block, classes.txt: the line to insert after
    int insertColumn = -1; ///< flow: the closing bracket's column
    bool emptyFlow = false;
    QString indent; ///< block: the items' indentation
    QChar quote; ///< the quote the existing names use, if any
    int ncLine = -1;
};

// Lines without the byte order mark, each keeping its '\r' when the file has CRLF endings.
QStringList splitLines(const QString &text)
{
    return (text.startsWith(QChar(0xFEFF)) ? text.mid(1) : text).split(QLatin1Char('\n'));
}

QString lineContent(const QString &line)
{
    return line.endsWith(QLatin1Char('\r')) ? line.left(line.size() - 1) : line;
}

QChar quoteOf(const QString &raw)
{
    const QString t = raw.trimmed();
    if (t.startsWith(QLatin1Char('\'')) || t.startsWith(QLatin1Char('"')))
        return t.front();
    return {};
}

// The importer's reading of data.yaml's `names` and `nc`, remembering where they are.
void readYamlNames(const QString &file, const QString &text, YoloNames &out)
{
    const QStringList lines = splitLines(text);
    bool haveNames = false;
    std::map<int, QString> dict;
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = yamltext::stripComment(lineContent(lines[i]));
        if (line.trimmed().isEmpty() || line[0].isSpace())
            continue;
        QString key, value;
        if (!yamltext::splitKey(line, &key, &value))
            continue;
        if (key == QLatin1String("nc")) {
            out.ncLine = i;
            continue;
        }
        if (key != QLatin1String("names") || haveNames)
            continue;
        haveNames = true;
        if (value.startsWith(QLatin1Char('[')) || value.startsWith(QLatin1Char('{'))) {
            const bool isDict = value.startsWith(QLatin1Char('{'));
            const QChar close = isDict ? QLatin1Char('}') : QLatin1Char(']');
            QString flow = value;
            int last = i;
            while (!flow.trimmed().endsWith(close) && last + 1 < lines.size())
                flow += QLatin1Char(' ') + yamltext::stripComment(lineContent(lines[++last])).trimmed();
            if (!flow.trimmed().endsWith(close))
                throw DatasetError(Text::tr("cannot read the class names in %1").arg(native(file)));
            const QString inner = flow.trimmed().mid(1, flow.trimmed().size() - 2);
            for (const QString &part : yamltext::splitFlow(inner)) {
                if (isDict) {
                    QString k, v;
                    bool ok = yamltext::splitKey(part.trimmed(), &k, &v);
                    const int id = ok ? k.toInt(&ok) : -1;
                    if (!ok)
                        throw DatasetError(Text::tr("cannot read the class names in %1").arg(native(file)));
                    dict[id] = yamltext::unquote(v);
                    out.quote = quoteOf(v);
                } else {
                    out.names << yamltext::unquote(part);
                    out.quote = quoteOf(part);
                }
            }
            out.style = isDict ? YoloNames::Style::FlowDict : YoloNames::Style::FlowList;
            out.emptyFlow = inner.trimmed().isEmpty();
            out.insertLine = last;
            out.insertColumn = int(yamltext::stripComment(lineContent(lines[last])).lastIndexOf(close));
            i = last;
        } else if (value.isEmpty()) {
            out.style = YoloNames::Style::BlockList;
            out.insertLine = i;
            while (i + 1 < lines.size()) {
                const QString next = yamltext::stripComment(lineContent(lines[i + 1]));
                if (next.trimmed().isEmpty()) {
                    ++i;
                    continue;
                }
                if (!next[0].isSpace() && !next.startsWith(QLatin1Char('-')))
                    break;
                ++i;
                const QString item = next.trimmed();
                out.insertLine = i;
                out.indent = next.left(int(next.indexOf(item)));
                if (item.startsWith(QLatin1Char('-'))) {
                    out.names << yamltext::unquote(item.mid(1));
                    out.quote = quoteOf(item.mid(1));
                } else {
                    QString k, v;
                    bool ok = yamltext::splitKey(item, &k, &v);
                    const int id = ok ? k.toInt(&ok) : -1;
                    if (!ok)
                        throw DatasetError(Text::tr("cannot read the class names in %1").arg(native(file)));
                    dict[id] = yamltext::unquote(v);
                    out.quote = quoteOf(v);
                    out.style = YoloNames::Style::BlockDict;
                }
            }
        }
    }
    for (const auto &entry : dict)
        out.names << entry.second;
}

YoloNames yoloNames(const QDir &root, Workspace &ws)
{
    YoloNames out;
    for (const char *yaml : {"data.yaml", "data.yml", "dataset.yaml"}) {
        const QString path = root.filePath(QLatin1String(yaml));
        if (!QFileInfo(path).isFile())
            continue;
        out.file = path;
        readYamlNames(path, ws.text(path), out);
        if (!out.names.isEmpty())
            return out;
        const QStringList lines = splitLines(ws.text(path));
        if (out.ncLine >= 0) {
            QString key, value;
            yamltext::splitKey(yamltext::stripComment(lineContent(lines[out.ncLine])), &key, &value);
            const int nc = value.toInt();
            if (nc > 0) {
                for (int i = 0; i < nc; ++i)
                    out.names << QString::number(i);
                out.style = YoloNames::Style::NcOnly;
                return out;
            }
        }
        break;
    }
    out = YoloNames();
    for (const char *txt : {"classes.txt", "obj.names", "labels/classes.txt"}) {
        const QString path = root.filePath(QLatin1String(txt));
        if (!QFileInfo(path).isFile())
            continue;
        const QStringList lines = splitLines(ws.text(path));
        int lastNonBlank = -1;
        for (int i = 0; i < lines.size(); ++i)
            if (!lines[i].trimmed().isEmpty())
                lastNonBlank = i;
        for (int i = 0; i <= lastNonBlank; ++i)
            out.names << lines[i].trimmed();
        if (out.names.isEmpty())
            return YoloNames();
        out.file = path;
        out.style = YoloNames::Style::ClassesTxt;
        out.insertLine = lastNonBlank;
        return out;
    }
    return out;
}

QString yamlScalar(const QString &name, QChar quote)
{
    static const QRegularExpression plain(QStringLiteral("^[^-?:,\\[\\]{}#&*!|>'\"%@`\\s][^,\\[\\]{}#:'\"]*$"));
    if (quote.isNull() && plain.match(name).hasMatch())
        return name;
    if (quote == QLatin1Char('"')) {
        QString s = name;
        s.replace(QLatin1String("\\"), QLatin1String("\\\\")).replace(QLatin1String("\""), QLatin1String("\\\""));
        return QLatin1Char('"') + s + QLatin1Char('"');
    }
    QString s = name;
    s.replace(QLatin1String("'"), QLatin1String("''"));
    return QLatin1Char('\'') + s + QLatin1Char('\'');
}

// Appends a class to the names file; returns its id.
int addYoloClass(YoloNames &names, const QString &name, Workspace &ws)
{
    const int id = int(names.names.size());
    if (names.style == YoloNames::Style::None || names.style == YoloNames::Style::NcOnly)
        throw DatasetError(Text::tr("cannot add the class \"%1\": %2 names no classes (they are numbers); add the "
                                    "names to data.yaml or classes.txt first")
                               .arg(name, names.file.isEmpty() ? Text::tr("the dataset") : native(names.file)));
    QString &text = ws.text(names.file);
    QStringList lines = splitLines(text);
    const QString eol = lines.value(0).endsWith(QLatin1Char('\r')) ? QStringLiteral("\r") : QString();
    const int at = names.insertLine;
    const QString scalar = yamlScalar(name, names.quote);
    switch (names.style) {
    case YoloNames::Style::ClassesTxt:
        if (at + 1 < lines.size()) {
            lines.insert(at + 1, name + eol);
        } else { // the last name has no line break after it; neither will the new one
            lines[at] += eol;
            lines.append(name);
        }
        names.insertLine = at + 1;
        break;
    case YoloNames::Style::FlowList:
    case YoloNames::Style::FlowDict: {
        const QString entry = names.style == YoloNames::Style::FlowDict
            ? QString(QString::number(id) + QLatin1String(": ") + scalar)
            : scalar;
        lines[at].insert(names.insertColumn, names.emptyFlow ? entry : QLatin1String(", ") + entry);
        names.emptyFlow = false;
        break;
    }
    case YoloNames::Style::BlockList:
    case YoloNames::Style::BlockDict: {
        const QString indent = names.indent.isEmpty() && names.style == YoloNames::Style::BlockDict
            ? QStringLiteral("  ")
            : names.indent;
        const QString entry = names.style == YoloNames::Style::BlockDict
            ? QString(QString::number(id) + QLatin1String(": ") + scalar)
            : QString(QLatin1String("- ") + scalar);
        lines.insert(at + 1, indent + entry + eol);
        names.insertLine = at + 1;
        if (names.ncLine > at)
            ++names.ncLine;
        break;
    }
    default:
        break;
    }
    if (names.ncLine >= 0) {
        static const QRegularExpression nc(QStringLiteral("^(nc\\s*:\\s*)(\\d+)"));
        const QRegularExpressionMatch m = nc.match(lines[names.ncLine]);
        if (m.hasMatch())
            lines[names.ncLine].replace(m.capturedStart(2), m.capturedLength(2), QString::number(id + 1));
    }
    text = (text.startsWith(QChar(0xFEFF)) ? QString(QChar(0xFEFF)) : QString()) + lines.join(QLatin1Char('\n'));
    names.names << name;
    return id;
}

QString yoloLabelFile(const QDir &root, const QString &imagePath)
{
    // Returns QString, not auto: with QT_USE_QSTRINGBUILDER `a + b` is a builder that refers to
    // the temporary rel.left(dot), which dies with the lambda (ASan: stack-use-after-scope).
    auto withTxt = [](const QString &rel) -> QString {
        const int slash = int(rel.lastIndexOf(QLatin1Char('/')));
        const int dot = int(rel.lastIndexOf(QLatin1Char('.')));
        return (dot > slash ? rel.left(dot) : rel) + QLatin1String(".txt");
    };
    if (root.exists(QStringLiteral("images"))) {
        const QDir images(root.filePath(QStringLiteral("images")));
        return QDir::cleanPath(root.filePath(QStringLiteral("labels/")) + withTxt(images.relativeFilePath(imagePath)));
    }
    for (const QString &d : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (splitForFolder(d) == SplitName::None)
            continue;
        const QString images = root.filePath(d + QStringLiteral("/images"));
        if (QFileInfo(images).isDir() && imagePath.startsWith(images + QLatin1Char('/')))
            return QDir::cleanPath(
                root.filePath(d + QStringLiteral("/labels/")) + withTxt(QDir(images).relativeFilePath(imagePath)));
    }
    return withTxt(imagePath);
}

void planYolo(const Dataset &dataset, const std::vector<LabelEdit> &edits,
    const QHash<QString, const Sample *> &samples, Workspace &ws)
{
    const QDir root(QFileInfo(dataset.root).absoluteFilePath());
    YoloNames names = yoloNames(root, ws);
    auto nameOf
        = [&](int id) { return names.style == YoloNames::Style::None ? QString::number(id) : names.names.value(id); };
    for (const LabelEdit &e : edits) {
        const Sample &sample = *samples.value(e.path);
        const QString labelFile = yoloLabelFile(root, e.path);
        if (!QFileInfo(labelFile).isFile())
            throw DatasetError(
                Text::tr("cannot find the label file of %1 (expected %2)").arg(native(e.path), native(labelFile)));
        QString &text = ws.text(labelFile);
        const int bom = text.startsWith(QChar(0xFEFF)) ? 1 : 0;

        // Spans of each non-blank line's first number, in file order.
        std::vector<std::pair<int, int>> firsts;
        int pos = bom;
        while (pos <= text.size()) {
            int end = int(text.indexOf(QLatin1Char('\n'), pos));
            if (end < 0)
                end = int(text.size());
            int a = pos;
            while (a < end && text.at(a).isSpace())
                ++a;
            if (a < end) {
                int b = a;
                while (b < end && !text.at(b).isSpace())
                    ++b;
                firsts.emplace_back(a, b);
            }
            pos = end + 1;
        }
        const int largest = largestObject(sample);
        if (firsts.size() != sample.objects.size() || largest < 0)
            throw DatasetError(
                Text::tr("%1 holds %n object(s), the open dataset %2: the file changed since the dataset "
                         "was opened; open it again before saving",
                         nullptr, int(firsts.size()))
                    .arg(native(labelFile))
                    .arg(qulonglong(sample.objects.size())));
        const auto [a, b] = firsts[std::size_t(largest)];
        bool ok = false;
        const double value = text.mid(a, b - a).toDouble(&ok);
        const QString current
            = ok && value >= 0 && value < 1e9 && value == std::floor(value) ? nameOf(int(value)) : text.mid(a, b - a);
        if (current == e.newClass)
            continue;
        if (current != e.oldClass)
            staleLabel(e.path, labelFile, current, e.oldClass);

        int newId = -1;
        if (names.style == YoloNames::Style::None) {
            newId = e.newClass.toInt(&ok);
            if (!ok || newId < 0 || QString::number(newId) != e.newClass)
                addYoloClass(names, e.newClass, ws); // throws: numbered classes cannot take a name
        } else {
            newId = int(names.names.indexOf(e.newClass));
            if (newId < 0)
                newId = addYoloClass(names, e.newClass, ws);
        }
        text.replace(a, b - a, QString::number(newId));
    }
}

// ---- class folders: the image moves to the new class's folder, in the same split folder ----

void planFolder(const Dataset &dataset, const std::vector<LabelEdit> &edits, Plan &plan)
{
    const QDir root(QFileInfo(dataset.root).absoluteFilePath());
    std::set<QString> targets;
    for (const LabelEdit &e : edits) {
        const QStringList parts = root.relativeFilePath(e.path).split(QLatin1Char('/'));
        if (parts.size() < 2 || parts.front() == QLatin1String(".."))
            throw DatasetError(
                Text::tr("%1 is not inside a class folder of %2").arg(native(e.path), native(root.path())));
        const bool inSplit = parts.size() >= 3 && splitForFolder(parts.front()) != SplitName::None;
        const int clsIndex = inSplit ? 1 : 0;
        const QString current = parts.at(clsIndex);
        if (current == e.newClass)
            continue;
        if (current != e.oldClass)
            staleLabel(e.path, QFileInfo(e.path).absolutePath(), current, e.oldClass);
        if (!inSplit && splitForFolder(e.newClass) != SplitName::None)
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

// ---- carrying out the plan ----

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

void checkClassName(const LabelEdit &e, const QString &format)
{
    bool control = false;
    for (const QChar c : e.newClass)
        control = control || c.category() == QChar::Other_Control;
    if (e.newClass.isEmpty() || e.newClass.trimmed() != e.newClass || control)
        throw DatasetError(Text::tr("cannot give %1 the class \"%2\": a class name must not be empty, start or end "
                                    "with a space, or hold line breaks or tabs")
                               .arg(native(e.path), e.newClass));
    if (format == QLatin1String("folder")
        && (e.newClass.contains(QLatin1Char('/')) || e.newClass.contains(QLatin1Char('\\'))
            || e.newClass == QLatin1String(".") || e.newClass == QLatin1String("..")))
        throw DatasetError(Text::tr("cannot make a class folder named \"%1\"").arg(e.newClass));
}

} // namespace

std::vector<LabelEdit> netEdits(const std::vector<LabelEdit> &edits)
{
    std::vector<LabelEdit> net;
    QHash<QString, std::size_t> index;
    for (const LabelEdit &e : edits) {
        const auto it = index.constFind(e.path);
        if (it == index.constEnd()) {
            index.insert(e.path, net.size());
            net.push_back(e);
        } else {
            net[*it].newClass = e.newClass; // the first edit knows the original class
        }
    }
    net.erase(
        std::remove_if(net.begin(), net.end(), [](const LabelEdit &e) { return e.oldClass == e.newClass; }), net.end());
    return net;
}

void applyLabelEdits(Dataset &dataset, const std::vector<LabelEdit> &edits)
{
    QHash<QString, std::size_t> index;
    for (std::size_t i = 0; i < dataset.samples.size(); ++i)
        if (!index.contains(dataset.samples[i].path))
            index.insert(dataset.samples[i].path, i);
    for (const LabelEdit &e : edits) {
        const auto it = index.constFind(e.path);
        if (it == index.constEnd() || e.newClass.isEmpty())
            continue;
        Sample &s = dataset.samples[*it];
        if (s.classId >= 0) {
            // Image classes (also a classificationView of a detection set): the class is the sample's.
            s.classId = dataset.classIndex(e.newClass);
        } else if (!s.objects.empty() && e.newClass != noObjectName()) {
            // Detection as imported: the largest object carries the image's class. "no object"
            // would mean deleting boxes, which relabelling does not do.
            const int largest = largestObject(s);
            if (largest >= 0)
                s.objects[std::size_t(largest)].classId = dataset.classIndex(e.newClass);
        }
    }
}

LabelSaveResult saveLabelEdits(const Dataset &dataset, const std::vector<LabelEdit> &edits)
{
    const QString format = dataset.format;
    if (format == QLatin1String("idx"))
        throw DatasetError(Text::tr("cannot save labels of an IDX dataset: its labels are a binary file Loupe does "
                                    "not rewrite; export the images to class folders or a CSV first"));
    if (format != QLatin1String("csv") && format != QLatin1String("coco") && format != QLatin1String("voc")
        && format != QLatin1String("yolo") && format != QLatin1String("folder"))
        throw DatasetError(Text::tr("cannot save labels of a dataset in the format \"%1\"").arg(format));

    const std::vector<LabelEdit> net = netEdits(edits);
    LabelSaveResult result;
    if (net.empty())
        return result;

    QHash<QString, const Sample *> samples;
    for (const Sample &s : dataset.samples)
        if (!samples.contains(s.path))
            samples.insert(s.path, &s);
    for (const LabelEdit &e : net) {
        const Sample *s = samples.value(e.path);
        if (!s)
            throw DatasetError(Text::tr("%1 is not an image of this dataset").arg(native(e.path)));
        checkClassName(e, format);
        if (isDetectionFormat(format)) {
            if (s->objects.empty())
                throw DatasetError(Text::tr("cannot give %1 the class \"%2\": it has no objects, and relabelling "
                                            "changes the class of an object, it does not draw one")
                                       .arg(native(e.path), e.newClass));
            if (e.newClass == noObjectName())
                throw DatasetError(Text::tr("cannot save %1 as \"%2\": that would delete its objects, which "
                                            "relabelling does not do")
                                       .arg(native(e.path), e.newClass));
        }
    }

    Plan plan;
    Workspace ws;
    if (format == QLatin1String("csv"))
        planCsv(dataset, net, ws);
    else if (format == QLatin1String("coco"))
        planCoco(dataset, net, samples, plan.files);
    else if (format == QLatin1String("voc"))
        planVoc(dataset, net, samples, ws);
    else if (format == QLatin1String("yolo"))
        planYolo(dataset, net, samples, ws);
    else
        planFolder(dataset, net, plan);
    for (FileChange &c : ws.changes())
        plan.files.push_back(std::move(c));
    if (plan.files.empty() && plan.moves.empty())
        return result; // every edit was already in the files

    const QString folder = datasetFolder(dataset.root);
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

} // namespace loupe
