#include "YamlText.h"

namespace loupe {
namespace yamltext {

QString stripComment(const QString &line)
{
    QChar quote;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
        } else if (c == QLatin1Char('#') && (i == 0 || line[i - 1].isSpace())) {
            return line.left(i);
        }
    }
    return line;
}

QString unquote(QString s)
{
    s = s.trimmed();
    if (s.size() >= 2 && s.front() == QLatin1Char('\'') && s.back() == QLatin1Char('\''))
        return s.mid(1, s.size() - 2).replace(QLatin1String("''"), QLatin1String("'"));
    if (s.size() >= 2 && s.front() == QLatin1Char('"') && s.back() == QLatin1Char('"'))
        return s.mid(1, s.size() - 2).replace(QLatin1String("\\\""), QLatin1String("\"")).replace(QLatin1String("\\\\"), QLatin1String("\\"));
    return s;
}

QStringList splitFlow(const QString &inner)
{
    QStringList parts;
    QString current;
    QChar quote;
    for (const QChar c : inner) {
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
        } else if (c == QLatin1Char(',')) {
            parts << current;
            current.clear();
            continue;
        }
        current += c;
    }
    if (!current.trimmed().isEmpty())
        parts << current;
    return parts;
}

bool splitKey(const QString &text, QString *key, QString *value)
{
    QChar quote;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
        } else if (c == QLatin1Char(':') && (i + 1 == text.size() || text[i + 1].isSpace())) {
            *key = unquote(text.left(i));
            *value = text.mid(i + 1).trimmed();
            return true;
        }
    }
    return false;
}

std::vector<DataYamlKey> scanDataYaml(const QStringList &lines)
{
    std::vector<DataYamlKey> keys;
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = stripComment(lines[i]);
        if (line.trimmed().isEmpty() || line[0].isSpace())
            continue; // only top-level keys matter
        QString name, value;
        if (!splitKey(line, &name, &value))
            continue;
        DataYamlKey key;
        key.line = i;
        key.value = value;
        key.lastLine = i;
        if (name == QLatin1String("nc")) {
            keys.push_back(std::move(key));
            continue;
        }
        if (name != QLatin1String("names"))
            continue;
        key.kind = DataYamlKey::Kind::Names;
        if (value.startsWith(QLatin1Char('[')) || value.startsWith(QLatin1Char('{'))) {
            // A flow list or map, possibly continued over several lines.
            key.shape = DataYamlKey::Shape::Flow;
            key.dict = value.startsWith(QLatin1Char('{'));
            const QChar close = key.dict ? QLatin1Char('}') : QLatin1Char(']');
            QString flow = value;
            int last = i;
            while (!flow.trimmed().endsWith(close) && last + 1 < lines.size())
                flow += QLatin1Char(' ') + stripComment(lines[++last]).trimmed();
            key.closed = flow.trimmed().endsWith(close);
            key.lastLine = last;
            if (key.closed) {
                key.closeColumn = int(stripComment(lines[last]).lastIndexOf(close));
                const QString inner = flow.trimmed().mid(1, flow.trimmed().size() - 2);
                for (const QString &part : splitFlow(inner))
                    key.entries.push_back({part, i, false});
            }
            i = last;
        } else if (value.isEmpty()) {
            // A block: indented "- name" or "id: name" lines.
            key.shape = DataYamlKey::Shape::Block;
            while (i + 1 < lines.size()) {
                const QString next = stripComment(lines[i + 1]);
                if (next.trimmed().isEmpty()) {
                    ++i;
                    continue;
                }
                if (!next[0].isSpace() && !next.startsWith(QLatin1Char('-')))
                    break;
                ++i;
                const QString item = next.trimmed();
                key.lastLine = i;
                key.indent = next.left(int(next.indexOf(item)));
                if (item.startsWith(QLatin1Char('-')))
                    key.entries.push_back({item.mid(1), i, false});
                else
                    key.entries.push_back({item, i, true});
            }
        }
        keys.push_back(std::move(key));
    }
    return keys;
}

PathKey scanPathKey(const QStringList &lines, const QString &name)
{
    PathKey key;
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = stripComment(lines[i]);
        if (line.trimmed().isEmpty() || line[0].isSpace())
            continue;
        QString k, value;
        if (!splitKey(line, &k, &value) || k != name)
            continue;
        key.found = true;
        key.line = i;
        if (value.startsWith(QLatin1Char('['))) {
            QString flow = value;
            int last = i;
            while (!flow.trimmed().endsWith(QLatin1Char(']')) && last + 1 < lines.size())
                flow += QLatin1Char(' ') + stripComment(lines[++last]).trimmed();
            const QString inner = flow.trimmed().mid(1, flow.trimmed().size() - (flow.trimmed().endsWith(QLatin1Char(']')) ? 2 : 1));
            for (const QString &part : splitFlow(inner))
                key.values << unquote(part);
        } else if (value.isEmpty()) {
            // "- item" lines, indented or not, until the next key.
            for (int j = i + 1; j < lines.size(); ++j) {
                const QString next = stripComment(lines[j]);
                const QString item = next.trimmed();
                if (item.isEmpty())
                    continue;
                if (!item.startsWith(QLatin1Char('-')))
                    break;
                key.values << unquote(item.mid(1));
            }
        } else {
            key.values << unquote(value);
        }
        key.values.removeAll(QString());
        break;
    }
    return key;
}

} // namespace yamltext
} // namespace loupe
