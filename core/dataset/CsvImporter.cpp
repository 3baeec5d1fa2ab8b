#include "dataset/Errors.h"
#include "dataset/Importers.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace loupe::importers {

namespace {

struct CsvRow {
    QStringList fields;
    int line = 0;
};

// RFC 4180 fields: commas, double quotes with "" escapes, newlines inside quotes.
std::vector<CsvRow> parseCsv(const QString &text, const QString &file)
{
    std::vector<CsvRow> rows;
    CsvRow row;
    QString field;
    bool quoted = false;
    bool fieldWasQuoted = false;
    int line = 1;
    row.line = 1;
    int quoteLine = 0;
    auto endField = [&] {
        row.fields.append(fieldWasQuoted ? field : field.trimmed());
        field.clear();
        fieldWasQuoted = false;
    };
    auto endRow = [&] {
        endField();
        const bool blank = row.fields.size() == 1 && row.fields.front().isEmpty();
        if (!blank)
            rows.push_back(row);
        row = CsvRow();
        row.line = line;
    };
    const int n = int(text.size());
    for (int i = 0; i < n; ++i) {
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
            fieldWasQuoted = true;
            quoteLine = line;
            field.clear();
        } else if (c == QLatin1Char(',')) {
            endField();
        } else if (c == QLatin1Char('\n')) {
            ++line;
            endRow();
        } else if (c != QLatin1Char('\r')) {
            field.append(c);
        }
    }
    if (quoted)
        throw LabelFileError(file, QCoreApplication::translate("loupe::importers", "line %1").arg(quoteLine),
                             QCoreApplication::translate("loupe::importers",
                                                         "a quoted field is never closed (expected a closing \")"));
    endRow();
    return rows;
}

bool looksLikeHeader(const QStringList &fields)
{
    static const char *const pathNames[] = {"path", "file", "filename", "file_name", "image", "image_path", "img"};
    static const char *const labelNames[] = {"label", "class", "class_name", "category", "target"};
    bool path = false, label = false;
    for (const char *p : pathNames)
        path = path || fields.value(0).compare(QLatin1String(p), Qt::CaseInsensitive) == 0;
    for (const char *l : labelNames)
        label = label || fields.value(1).compare(QLatin1String(l), Qt::CaseInsensitive) == 0;
    return path && label;
}

SplitName parseSplit(const QString &text, bool *ok)
{
    const QString t = text.toLower();
    *ok = true;
    if (t == QLatin1String("train"))
        return SplitName::Train;
    if (t == QLatin1String("dev") || t == QLatin1String("valid") || t == QLatin1String("val")
        || t == QLatin1String("validation"))
        return SplitName::Dev;
    if (t == QLatin1String("test"))
        return SplitName::Test;
    *ok = t.isEmpty();
    return SplitName::None;
}

} // namespace

Dataset importCsv(const QString &csvFile)
{
    QFile f(csvFile);
    if (!f.open(QIODevice::ReadOnly))
        throw DatasetError(QCoreApplication::translate("loupe::importers", "cannot open %1: %2")
                               .arg(csvFile, f.errorString()));
    const QByteArray bytes = f.readAll();
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);

    Dataset ds;
    ds.format = QStringLiteral("csv");
    ds.root = QFileInfo(csvFile).absoluteFilePath();
    const QDir base = QFileInfo(csvFile).absoluteDir();
    const QString fileName = QFileInfo(csvFile).fileName();

    std::vector<CsvRow> rows = parseCsv(text, csvFile);
    std::size_t first = 0;
    if (!rows.empty() && looksLikeHeader(rows.front().fields))
        first = 1;

    // Labels keep their first-seen order until the end, then sort, so class ids do not depend on row order.
    for (std::size_t r = first; r < rows.size(); ++r) {
        const CsvRow &row = rows[r];
        const QString place = QCoreApplication::translate("loupe::importers", "line %1").arg(row.line);
        if (row.fields.size() < 2 || row.fields.size() > 3)
            throw LabelFileError(csvFile, place,
                                 QCoreApplication::translate("loupe::importers",
                                                             "expected 2 fields path,label (or path,label,split), found %1")
                                     .arg(row.fields.size()));
        const QString path = row.fields.at(0);
        const QString label = row.fields.at(1);
        if (path.isEmpty())
            throw LabelFileError(csvFile, place,
                                 QCoreApplication::translate("loupe::importers", "expected an image path, found an empty field"));
        if (label.isEmpty())
            throw LabelFileError(csvFile, place,
                                 QCoreApplication::translate("loupe::importers", "expected a label for %1, found an empty field")
                                     .arg(path));
        bool splitOk = true;
        const SplitName split = row.fields.size() == 3 ? parseSplit(row.fields.at(2), &splitOk) : SplitName::None;
        if (!splitOk)
            throw LabelFileError(csvFile, place,
                                 QCoreApplication::translate("loupe::importers",
                                                             "expected split train, valid or test, found \"%1\"")
                                     .arg(row.fields.at(2)));

        const QString absolute = QDir::cleanPath(base.absoluteFilePath(path));
        const int classId = ds.classIndex(label);
        if (!QFileInfo::exists(absolute)) {
            ds.badFiles.push_back({absolute, QCoreApplication::translate("loupe::importers", "missing: listed in %1 %2")
                                                 .arg(fileName, place)});
            continue;
        }
        Sample s;
        s.path = absolute;
        s.classId = classId;
        s.split = split;
        ds.samples.push_back(std::move(s));
    }

    QStringList sorted = ds.classes;
    std::sort(sorted.begin(), sorted.end());
    std::vector<int> remap(ds.classes.size());
    for (int i = 0; i < ds.classes.size(); ++i)
        remap[i] = int(sorted.indexOf(ds.classes.at(i)));
    for (Sample &s : ds.samples)
        s.classId = remap[s.classId];
    ds.classes = sorted;

    if (rows.size() <= first)
        throw LabelFileError(csvFile, QString(),
                             QCoreApplication::translate("loupe::importers", "expected lines of path,label, found none"));
    return ds;
}

} // namespace loupe::importers
