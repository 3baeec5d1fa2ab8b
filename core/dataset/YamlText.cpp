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

} // namespace yamltext
} // namespace loupe
