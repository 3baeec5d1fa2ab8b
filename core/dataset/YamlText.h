#pragma once

// The little YAML that YOLO's data.yaml needs (the `names` and `nc` keys in the shapes YOLO tools
// write), shared by the importer that reads it and the label editor that appends a class to it.

#include <QString>
#include <QStringList>

namespace loupe {
namespace yamltext {

/// The line without a trailing `# comment` (a '#' inside quotes or glued to a word is kept).
QString stripComment(const QString &line);
/// A scalar without its single or double quotes, their escapes resolved; trimmed.
QString unquote(QString s);
/// Splits a flow collection's inside ("a, 'b, c', d") at commas that are not inside quotes.
QStringList splitFlow(const QString &inner);
/// Splits "key: value" at the first colon outside quotes that ends the text or precedes a space.
bool splitKey(const QString &text, QString *key, QString *value);

} // namespace yamltext
} // namespace loupe
