#include "dataset/CsvText.h"
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

// The shared RFC 4180 reading, with this importer's message for a quote never closed.
std::vector<CsvRow> parseCsv(const QString &text, const QString &file)
{
    const csvtext::Parsed parsed = csvtext::parse(text, csvtext::Dialect::Lenient);
    if (parsed.problem == csvtext::Problem::UnclosedQuote)
        throw LabelFileError(file, QCoreApplication::translate("loupe::importers", "line %1").arg(parsed.problemLine),
                             QCoreApplication::translate("loupe::importers",
                                                         "a quoted field is never closed (expected a closing \")"));
    std::vector<CsvRow> rows;
    rows.reserve(parsed.rows.size());
    for (const csvtext::Row &r : parsed.rows) {
        CsvRow row;
        row.line = r.line;
        for (const csvtext::Field &f : r.fields)
            row.fields.append(f.value);
        rows.push_back(std::move(row));
    }
    return rows;
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
    if (!rows.empty() && csvtext::isPathLabelHeader(rows.front().fields.value(0), rows.front().fields.value(1)))
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
