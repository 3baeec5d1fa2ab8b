#include "dataset/CsvText.h"

#include <initializer_list>

namespace loupe {
namespace csvtext {

Parsed parse(const QString &text, Dialect dialect, int from)
{
    const bool strict = dialect == Dialect::Strict;
    Parsed out;
    Row row;
    row.line = 1;
    int line = 1;
    QString field;
    bool inQuotes = false;
    bool wasQuoted = false;
    int fieldStart = from;
    int quoteStart = -1;
    int quoteLine = 0;
    auto endField = [&](int end) {
        Field f;
        f.quoted = wasQuoted;
        f.value = wasQuoted || strict ? field : field.trimmed();
        int a = wasQuoted ? quoteStart : fieldStart;
        int b = end;
        while (a < b && text.at(a).isSpace())
            ++a;
        while (b > a && text.at(b - 1).isSpace())
            --b;
        f.start = a;
        f.end = b;
        row.fields.push_back(std::move(f));
        field.clear();
        wasQuoted = false;
        fieldStart = end + 1;
    };
    auto endRow = [&](int end) {
        endField(end);
        const bool blank = row.fields.size() == 1 && row.fields.front().value.isEmpty();
        if (!blank)
            out.rows.push_back(std::move(row));
        row = Row();
        row.line = line;
    };
    const int n = int(text.size());
    for (int i = from; i < n; ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                    field.append(QLatin1Char('"'));
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field.append(c);
            }
        } else if (c == QLatin1Char('"') && (strict ? field.isEmpty() && !wasQuoted : field.trimmed().isEmpty())) {
            inQuotes = true;
            wasQuoted = true;
            quoteStart = i;
            quoteLine = line;
            field.clear();
        } else if (c == QLatin1Char(',')) {
            endField(i);
        } else if (c == QLatin1Char('\n')) {
            // The CR of a CRLF (a lenient field never holds one).
            if (!wasQuoted && field.endsWith(QLatin1Char('\r')))
                field.chop(1);
            ++line;
            endRow(i);
        } else if (c == QLatin1Char('\r') && (!strict || wasQuoted)) {
            // Dropped: line ends, or stray CRs in hand-made files.
        } else if (strict && wasQuoted) {
            out.problem = Problem::TextAfterQuote;
            out.problemLine = line;
            return out;
        } else {
            field.append(c);
        }
    }
    if (inQuotes) {
        out.problem = Problem::UnclosedQuote;
        out.problemLine = quoteLine;
        return out;
    }
    endRow(n);
    return out;
}

QString field(const QString &value, bool alwaysQuote)
{
    if (!alwaysQuote && !value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"'))
        && !value.contains(QLatin1Char('\n')) && !value.contains(QLatin1Char('\r')))
        return value;
    QString escaped = value;
    escaped.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

bool isPathLabelHeader(const QString &first, const QString &second)
{
    static const char *const pathNames[] = {"path", "file", "filename", "file_name", "image", "image_path", "img"};
    static const char *const labelNames[] = {"label", "class", "class_name", "category", "target"};
    bool path = false, label = false;
    for (const char *p : pathNames)
        path = path || first.compare(QLatin1String(p), Qt::CaseInsensitive) == 0;
    for (const char *l : labelNames)
        label = label || second.compare(QLatin1String(l), Qt::CaseInsensitive) == 0;
    return path && label;
}

namespace {

bool isOneOf(const QString &name, std::initializer_list<const char *> names)
{
    for (const char *n : names)
        if (name.compare(QLatin1String(n), Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

} // namespace

bool isPathColumnName(const QString &name)
{
    return isOneOf(name, {"path", "file", "filename", "file_name", "filepath", "file_path", "image", "image_path",
                          "image_name", "image_id", "image_file", "img", "img_path", "img_name", "id", "name"});
}

bool isLabelColumnName(const QString &name)
{
    return isOneOf(name, {"label", "labels", "label_name", "class", "class_name", "category", "category_name", "target"});
}

bool isSplitColumnName(const QString &name)
{
    return isOneOf(name, {"split", "subset"});
}

} // namespace csvtext
} // namespace loupe
