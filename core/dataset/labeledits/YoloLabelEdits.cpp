// Relabelling YOLO: the class number of the largest box's line, and the class list when a class is new.

#include "dataset/labeledits/LabelEditPlan.h"

#include "dataset/Errors.h"
#include "dataset/Split.h"
#include "dataset/YamlText.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <cmath>
#include <map>

namespace loupe::labeledits {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::LabelEdits)
};

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
    QString ncValue; ///< as written after "nc:"
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

// The importer's reading of data.yaml's `names` (the first) and `nc` (the last), remembering where they are.
void readYamlNames(const QString &file, const QString &text, YoloNames &out)
{
    QStringList lines = splitLines(text);
    for (QString &line : lines)
        line = lineContent(line);
    const yamltext::DataYamlKey *names = nullptr;
    const std::vector<yamltext::DataYamlKey> keys = yamltext::scanDataYaml(lines);
    for (const yamltext::DataYamlKey &key : keys) {
        if (key.kind == yamltext::DataYamlKey::Kind::Nc) {
            out.ncLine = key.line;
            out.ncValue = key.value;
        } else if (!names) {
            names = &key;
        }
    }
    if (!names || names->shape == yamltext::DataYamlKey::Shape::Other)
        return;
    if (names->shape == yamltext::DataYamlKey::Shape::Flow && !names->closed)
        throw DatasetError(Text::tr("cannot read the class names in %1").arg(native(file)));
    std::map<int, QString> dict;
    for (const yamltext::NameEntry &entry : names->entries) {
        if (names->dict || entry.pair) {
            QString k, v;
            bool ok = yamltext::splitKey(entry.text.trimmed(), &k, &v);
            const int id = ok ? k.toInt(&ok) : -1;
            if (!ok)
                throw DatasetError(Text::tr("cannot read the class names in %1").arg(native(file)));
            dict[id] = yamltext::unquote(v);
            out.quote = quoteOf(v);
        } else {
            out.names << yamltext::unquote(entry.text);
            out.quote = quoteOf(entry.text);
        }
    }
    for (const auto &entry : dict)
        out.names << entry.second;
    out.insertLine = names->lastLine;
    if (names->shape == yamltext::DataYamlKey::Shape::Flow) {
        out.style = names->dict ? YoloNames::Style::FlowDict : YoloNames::Style::FlowList;
        out.emptyFlow = names->entries.empty();
        out.insertColumn = names->closeColumn;
    } else {
        out.style = dict.empty() ? YoloNames::Style::BlockList : YoloNames::Style::BlockDict;
        out.indent = names->indent;
    }
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
        if (out.ncLine >= 0) {
            const int nc = out.ncValue.toInt();
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
        if (splitOfFolder(d) == SplitName::None)
            continue;
        const QString images = root.filePath(d + QStringLiteral("/images"));
        if (QFileInfo(images).isDir() && imagePath.startsWith(images + QLatin1Char('/')))
            return QDir::cleanPath(
                root.filePath(d + QStringLiteral("/labels/")) + withTxt(QDir(images).relativeFilePath(imagePath)));
    }
    return withTxt(imagePath);
}

} // namespace

void planYolo(const Dataset &dataset, const std::vector<LabelEdit> &edits, const SamplesByPath &samples, Workspace &ws)
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

} // namespace loupe::labeledits
