#include "eval/Predictions.h"

#include "AtomicFile.h"
#include "dataset/CsvText.h"
#include "dataset/Errors.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace loupe {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::Predictions)
};

const QLatin1String kProbabilityPrefix("p:");
const QLatin1String kSplitColumn("split");
const QLatin1String kEpochColumn("epoch");

QStringList fixedColumns()
{
    return {QStringLiteral("path"), QStringLiteral("true_label"), QStringLiteral("predicted_label"),
        QStringLiteral("confidence"), QStringLiteral("loss")};
}

QByteArray csvField(const QString &s)
{
    return csvtext::field(s).toUtf8();
}

// Nine significant digits give back the same float.
QByteArray number(float v)
{
    return QByteArray::number(double(v), 'g', 9);
}

QByteArray readAll(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        throw LabelFileError(file, {}, Text::tr("cannot read it: %1").arg(f.errorString()));
    return f.readAll();
}

QString lineText(int line)
{
    return Text::tr("line %1").arg(line);
}

/// One CSV record and the line it starts on.
struct Record {
    int line = 0;
    QStringList fields;
};

/// The shared RFC 4180 reading, strict (Loupe writes these files), with this reader's messages.
std::vector<Record> parseCsv(const QString &file, const QString &text)
{
    const csvtext::Parsed parsed = csvtext::parse(text, csvtext::Dialect::Strict);
    if (parsed.problem == csvtext::Problem::TextAfterQuote)
        throw LabelFileError(file, lineText(parsed.problemLine), Text::tr("text after the closing quote of a field"));
    if (parsed.problem == csvtext::Problem::UnclosedQuote)
        throw LabelFileError(file, lineText(parsed.problemLine), Text::tr("a quoted field is not closed"));
    std::vector<Record> records;
    records.reserve(parsed.rows.size());
    for (const csvtext::Row &r : parsed.rows) {
        Record record;
        record.line = r.line;
        record.fields.reserve(qsizetype(r.fields.size()));
        for (const csvtext::Field &f : r.fields)
            record.fields.append(f.value);
        records.push_back(std::move(record));
    }
    return records;
}

double parseNumber(const QString &file, int line, const QString &column, const QString &value)
{
    bool ok = false;
    const double v = value.trimmed().toDouble(&ok);
    if (!ok || std::isnan(v))
        throw LabelFileError(file, lineText(line), Text::tr("%1 \"%2\" is not a number").arg(column, value));
    return v;
}

/// "dev" from predictions-dev.csv, else the file's base name.
QString splitFromFileName(const QString &file)
{
    QString name = QFileInfo(file).completeBaseName();
    if (name.startsWith(QLatin1String("predictions-")))
        name = name.mid(12);
    return name;
}

} // namespace

std::vector<int> PredictionSet::truths() const
{
    std::vector<int> v;
    v.reserve(items.size());
    for (const Prediction &p : items)
        v.push_back(p.truth);
    return v;
}

std::vector<int> PredictionSet::predictions() const
{
    std::vector<int> v;
    v.reserve(items.size());
    for (const Prediction &p : items)
        v.push_back(p.predicted);
    return v;
}

std::vector<int> PredictionHistory::flips(int index) const
{
    std::vector<int> out;
    if (index < 0 || index >= int(paths.size()))
        return out;
    int previous = -1;
    for (const Epoch &e : epochs) {
        const int p = index < int(e.predicted.size()) ? e.predicted[std::size_t(index)] : -1;
        if (p < 0)
            continue; // not evaluated that epoch (unreadable image): compare with the last answer
        if (previous >= 0 && p != previous)
            out.push_back(e.epoch);
        previous = p;
    }
    return out;
}

namespace predictionfiles {

QString devPath(const QString &runDir)
{
    return runDir + QStringLiteral("/predictions-dev.csv");
}

QString testPath(const QString &runDir)
{
    return runDir + QStringLiteral("/predictions-test.csv");
}

QString historyPath(const QString &runDir)
{
    return runDir + QStringLiteral("/dev-history.jsonl");
}

QString write(const QString &file, const PredictionSet &set)
{
    const int classes = int(set.classes.size());
    QByteArray text;
    text.reserve(int(set.items.size()) * (64 + 12 * classes));
    for (const QString &column : fixedColumns())
        text += column.toUtf8() + ',';
    for (const QString &c : set.classes)
        text += csvField(kProbabilityPrefix + c) + ',';
    text += QByteArray(kSplitColumn.data()) + ',' + QByteArray(kEpochColumn.data()) + '\n';
    const QByteArray split = csvField(set.split);
    const QByteArray epoch = QByteArray::number(set.epoch);
    for (const Prediction &p : set.items) {
        if (p.truth < 0 || p.truth >= classes || p.predicted < 0 || p.predicted >= classes
            || int(p.probabilities.size()) != classes)
            return Text::tr("cannot write %1: the prediction of %2 does not fit the %3 classes")
                .arg(file, p.path)
                .arg(classes);
        text += csvField(p.path) + ',' + csvField(set.classes.at(p.truth)) + ',' + csvField(set.classes.at(p.predicted))
            + ',' + number(p.confidence) + ',' + number(p.loss);
        for (float v : p.probabilities)
            text += ',' + number(v);
        text += ',' + split + ',' + epoch + '\n';
    }
    return writeFileAtomically(file, text);
}

PredictionSet read(const QString &file)
{
    const std::vector<Record> records = parseCsv(file, QString::fromUtf8(readAll(file)));
    const QStringList fixed = fixedColumns();
    const QString expected = fixed.join(QLatin1Char(',')) + QStringLiteral(",p:<class>,…");
    if (records.empty())
        throw LabelFileError(file, lineText(1), Text::tr("the file is empty; expected the header %1").arg(expected));

    // Header: the fixed columns, one p:<class> per class, then optionally split and epoch.
    const Record &header = records.front();
    PredictionSet set;
    for (int i = 0; i < fixed.size(); ++i) {
        const QString found = header.fields.value(i);
        if (found.trimmed() != fixed.at(i))
            throw LabelFileError(file, lineText(header.line),
                Text::tr("column %1 is \"%2\"; expected the header %3").arg(i + 1).arg(found, expected));
    }
    int column = int(fixed.size());
    for (; column < header.fields.size() && header.fields.at(column).startsWith(kProbabilityPrefix); ++column) {
        const QString name = header.fields.at(column).mid(kProbabilityPrefix.size());
        if (set.classes.contains(name))
            throw LabelFileError(
                file, lineText(header.line), Text::tr("class \"%1\" has two probability columns").arg(name));
        set.classes.append(name);
    }
    if (set.classes.isEmpty())
        throw LabelFileError(file, lineText(header.line),
            Text::tr("no p:<class> probability columns after loss; expected the header %1").arg(expected));
    int splitColumn = -1;
    int epochColumn = -1;
    if (column < header.fields.size() && header.fields.at(column).trimmed() == kSplitColumn)
        splitColumn = column++;
    if (column < header.fields.size() && header.fields.at(column).trimmed() == kEpochColumn)
        epochColumn = column++;
    if (column < header.fields.size())
        throw LabelFileError(file, lineText(header.line),
            Text::tr("unexpected column \"%1\"; after the p:<class> columns only split and epoch may follow")
                .arg(header.fields.at(column)));
    const int width = column;
    const int classes = int(set.classes.size());

    auto classOf = [&](const Record &r, int col, const QString &columnName) {
        const int c = int(set.classes.indexOf(r.fields.at(col)));
        if (c < 0)
            throw LabelFileError(file, lineText(r.line),
                Text::tr("%1 \"%2\" is not one of the classes of the p: columns (%3)")
                    .arg(columnName, r.fields.at(col), set.classes.join(QLatin1String(", "))));
        return c;
    };

    set.split = splitFromFileName(file);
    set.items.reserve(records.size() - 1);
    for (std::size_t k = 1; k < records.size(); ++k) {
        const Record &r = records[k];
        if (r.fields.size() != width)
            throw LabelFileError(file, lineText(r.line),
                Text::tr("expected %1 fields as in the header, found %2").arg(width).arg(r.fields.size()));
        Prediction p;
        p.path = r.fields.at(0);
        p.truth = classOf(r, 1, fixed.at(1));
        p.predicted = classOf(r, 2, fixed.at(2));
        p.confidence = float(parseNumber(file, r.line, fixed.at(3), r.fields.at(3)));
        p.loss = float(parseNumber(file, r.line, fixed.at(4), r.fields.at(4)));
        p.probabilities.resize(std::size_t(classes));
        for (int c = 0; c < classes; ++c) {
            const QString &columnName = header.fields.at(int(fixed.size()) + c);
            const double v = parseNumber(file, r.line, columnName, r.fields.at(int(fixed.size()) + c));
            if (!(v >= 0.0 && v <= 1.0))
                throw LabelFileError(file, lineText(r.line),
                    Text::tr("%1 is %2; a probability lies between 0 and 1").arg(columnName).arg(v));
            p.probabilities[std::size_t(c)] = float(v);
        }
        // Split and epoch are the same on every line: the set's, repeated so a spreadsheet keeps them.
        if (splitColumn >= 0) {
            if (k == 1)
                set.split = r.fields.at(splitColumn);
            else if (r.fields.at(splitColumn) != set.split)
                throw LabelFileError(file, lineText(r.line),
                    Text::tr("split \"%1\" differs from the first line's \"%2\"")
                        .arg(r.fields.at(splitColumn), set.split));
        }
        if (epochColumn >= 0) {
            bool ok = false;
            const int epoch = r.fields.at(epochColumn).trimmed().toInt(&ok);
            if (!ok || epoch < 0)
                throw LabelFileError(file, lineText(r.line),
                    Text::tr("epoch \"%1\" is not a whole number of at least 0").arg(r.fields.at(epochColumn)));
            if (k == 1)
                set.epoch = epoch;
            else if (epoch != set.epoch)
                throw LabelFileError(file, lineText(r.line),
                    Text::tr("epoch %1 differs from the first line's %2").arg(epoch).arg(set.epoch));
        }
        set.items.push_back(std::move(p));
    }
    return set;
}

QString writeHistory(const QString &file, const PredictionHistory &history)
{
    const std::size_t n = std::size_t(history.paths.size());
    if (history.truth.size() != n)
        return Text::tr("cannot write %1: %2 paths but %3 true classes").arg(file).arg(n).arg(history.truth.size());
    QJsonArray truth;
    for (int t : history.truth)
        truth.append(t);
    QByteArray text
        = QJsonDocument(QJsonObject {{QStringLiteral("classes"), QJsonArray::fromStringList(history.classes)},
                            {QStringLiteral("paths"), QJsonArray::fromStringList(history.paths)},
                            {QStringLiteral("truth"), truth}})
              .toJson(QJsonDocument::Compact)
        + '\n';
    for (const PredictionHistory::Epoch &e : history.epochs) {
        if (e.predicted.size() != n || e.confidence.size() != n)
            return Text::tr("cannot write %1: epoch %2 does not have one answer per path").arg(file).arg(e.epoch);
        // Written by hand: the file is rewritten after every epoch and can hold many thousand numbers.
        text += "{\"epoch\":" + QByteArray::number(e.epoch) + ",\"predicted\":[";
        for (std::size_t i = 0; i < n; ++i)
            text += (i ? "," : "") + QByteArray::number(e.predicted[i]);
        text += "],\"confidence\":[";
        for (std::size_t i = 0; i < n; ++i)
            text += (i ? "," : "")
                + QByteArray::number(std::isfinite(e.confidence[i]) ? double(e.confidence[i]) : 0.0, 'g', 6);
        text += "]}\n";
    }
    return writeFileAtomically(file, text);
}

PredictionHistory readHistory(const QString &file, bool headerOnly)
{
    const QList<QByteArray> lines = readAll(file).split('\n');
    PredictionHistory history;
    bool haveHeader = false;
    auto integer = [](const QJsonValue &v, int *out) {
        if (!v.isDouble())
            return false;
        const double d = v.toDouble();
        if (d != std::floor(d) || std::abs(d) > 1e9)
            return false;
        *out = int(d);
        return true;
    };
    for (int i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const QString where = lineText(i + 1);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (!doc.isObject())
            throw LabelFileError(file, where, Text::tr("expected a JSON object (%1)").arg(error.errorString()));
        const QJsonObject o = doc.object();
        if (!haveHeader) {
            const QJsonValue classes = o.value(QStringLiteral("classes"));
            const QJsonValue paths = o.value(QStringLiteral("paths"));
            const QJsonValue truth = o.value(QStringLiteral("truth"));
            if (!classes.isArray() || !paths.isArray() || !truth.isArray())
                throw LabelFileError(
                    file, where, Text::tr("expected the first line to hold the arrays classes, paths and truth"));
            for (const QJsonValue &c : classes.toArray()) {
                if (!c.isString())
                    throw LabelFileError(file, where, Text::tr("classes holds something that is not a name"));
                history.classes.append(c.toString());
            }
            for (const QJsonValue &p : paths.toArray()) {
                if (!p.isString())
                    throw LabelFileError(file, where, Text::tr("paths holds something that is not a path"));
                history.paths.append(p.toString());
            }
            const QJsonArray t = truth.toArray();
            if (t.size() != history.paths.size())
                throw LabelFileError(
                    file, where, Text::tr("truth has %1 entries for %2 paths").arg(t.size()).arg(history.paths.size()));
            for (const QJsonValue &v : t) {
                int c = -1;
                if (!integer(v, &c) || c < 0 || c >= history.classes.size())
                    throw LabelFileError(file, where,
                        Text::tr("truth holds %1, not a class index below %2")
                            .arg(QString::fromUtf8(QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact)))
                            .arg(history.classes.size()));
                history.truth.push_back(c);
            }
            haveHeader = true;
            if (headerOnly)
                break;
            continue;
        }
        PredictionHistory::Epoch e;
        if (!integer(o.value(QStringLiteral("epoch")), &e.epoch) || e.epoch < 0)
            throw LabelFileError(file, where, Text::tr("expected \"epoch\" to be a whole number of at least 0"));
        if (!history.epochs.empty() && e.epoch <= history.epochs.back().epoch)
            throw LabelFileError(file, where,
                Text::tr("epoch %1 comes after epoch %2; epochs must ascend")
                    .arg(e.epoch)
                    .arg(history.epochs.back().epoch));
        const QJsonValue predicted = o.value(QStringLiteral("predicted"));
        const QJsonValue confidence = o.value(QStringLiteral("confidence"));
        if (!predicted.isArray() || !confidence.isArray())
            throw LabelFileError(file, where, Text::tr("expected the arrays predicted and confidence"));
        const QJsonArray p = predicted.toArray();
        const QJsonArray c = confidence.toArray();
        if (p.size() != history.paths.size() || c.size() != history.paths.size())
            throw LabelFileError(file, where,
                Text::tr("expected one answer per path (%1); predicted has %2, confidence %3")
                    .arg(history.paths.size())
                    .arg(p.size())
                    .arg(c.size()));
        e.predicted.reserve(std::size_t(p.size()));
        e.confidence.reserve(std::size_t(c.size()));
        for (int k = 0; k < p.size(); ++k) {
            int cls = -2;
            // -1: the image could not be read in that epoch.
            if (!integer(p.at(k), &cls) || cls < -1 || cls >= history.classes.size())
                throw LabelFileError(file, where,
                    Text::tr("predicted entry %1 is not a class index below %2")
                        .arg(k + 1)
                        .arg(history.classes.size()));
            if (!c.at(k).isDouble())
                throw LabelFileError(file, where, Text::tr("confidence entry %1 is not a number").arg(k + 1));
            e.predicted.push_back(cls);
            e.confidence.push_back(float(c.at(k).toDouble()));
        }
        history.epochs.push_back(std::move(e));
    }
    if (!haveHeader)
        throw LabelFileError(
            file, lineText(1), Text::tr("the file is empty; expected a first line with classes, paths and truth"));
    return history;
}

} // namespace predictionfiles

} // namespace loupe
