#pragma once

// The little YAML that YOLO's data.yaml needs (the `names` and `nc` keys in the shapes YOLO tools
// write), shared by the importer that reads it and the label editor that appends a class to it.

#include <QString>
#include <QStringList>

#include <vector>

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

/// One entry of a `names` key as written: a flow list's part, or a block's item.
struct NameEntry {
    QString text; ///< the part, or the item without its "- "; an "id: name" pair as it is
    int line = 0; ///< 0-based; a flow list's entries carry the line of its `names:` key
    bool pair = false; ///< block: an "id: name" item rather than "- name"
};

/// A top-level `nc` or `names` key of data.yaml, where it is and what it holds.
struct DataYamlKey {
    enum class Kind { Nc, Names };
    enum class Shape { Flow, Block, Other }; ///< names: [a, b] or {0: a}; indented items; anything else
    Kind kind = Kind::Nc;
    int line = 0; ///< 0-based line of the key
    QString value; ///< the text after the colon, comment stripped, trimmed
    Shape shape = Shape::Other;
    bool dict = false; ///< flow: a {id: name} map
    bool closed = false; ///< flow: its closing bracket was found
    int lastLine = 0; ///< flow: the line of the closing bracket; block: of the last item (else the key's)
    int closeColumn = -1; ///< flow: the closing bracket's column in lastLine, comment stripped
    QString indent; ///< block: the last item's indentation
    std::vector<NameEntry> entries;
};

/// The top-level `nc` and `names` keys of data.yaml, in file order, in the shapes YOLO tools
/// write. `lines` are the file's lines without the byte order mark and without their CRs.
std::vector<DataYamlKey> scanDataYaml(const QStringList &lines);

/// A top-level key whose value is a path or a list of paths (data.yaml's `path`, `train`, `val`, `test`).
struct PathKey {
    bool found = false; ///< the key is in the file
    int line = 0;       ///< 0-based line of the key
    QStringList values; ///< the scalar, the items of `[a, b]` or of "- a" lines; unquoted, empty ones dropped
};
/// The top-level key `name` of a data.yaml as YOLO tools write its paths.
PathKey scanPathKey(const QStringList &lines, const QString &name);

} // namespace yamltext
} // namespace loupe
