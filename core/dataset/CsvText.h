#pragma once

// RFC 4180 text: the one reader behind every CSV Loupe reads (label files, predictions files, the
// label editor's rewrite of a label column) and the one field quoter behind every CSV it writes.

#include <QString>

#include <vector>

namespace loupe {
namespace csvtext {

/// One field: its value, and where its text sits in the input (with its quotes, without the
/// spaces around it), so that an editor can replace exactly that text.
struct Field {
    QString value;
    int start = 0;
    int end = 0;
    bool quoted = false;
};

/// One record and the line it starts on (1-based).
struct Row {
    std::vector<Field> fields;
    int line = 0;
};

/// How strictly the text is read.
enum class Dialect {
    /// Label files people write: spaces around a field are dropped (a quote may follow them; after
    /// a closing quote they stay), a CR outside quotes is dropped wherever it is.
    Lenient,
    /// Files Loupe writes: a field is kept exactly, a quote opens a field only as its first
    /// character, and after a closing quote only a comma or the line end (CRLF too) may follow.
    Strict,
};

/// What went wrong, if anything; the rows before it are read.
enum class Problem { None, UnclosedQuote, TextAfterQuote };

struct Parsed {
    std::vector<Row> rows; ///< lines that are one empty field (blank lines) are left out
    Problem problem = Problem::None;
    int problemLine = 0; ///< the line the unclosed quote opened on, or that holds the text after a quote
};

/// Reads the records of text from position `from` on (past a byte order mark, say); positions
/// in the fields count from the start of `text`. Commas, double quotes with "" escapes, line
/// breaks inside quotes, LF or CRLF line ends. Stops at the first problem.
Parsed parse(const QString &text, Dialect dialect, int from = 0);

/// A value as a CSV field: in double quotes (its quotes doubled) when it holds a comma, a quote or
/// a line break, or when `alwaysQuote`; as it is otherwise.
QString field(const QString &value, bool alwaysQuote = false);

/// Whether a path,label file's first line is a header: its first two fields name a path column
/// (path, file, filename, file_name, image, image_path, img) and a label column (label, class,
/// class_name, category, target), in any case.
bool isPathLabelHeader(const QString &first, const QString &second);

/// Header names other tools give an image column (path, file_name, image, image_id, id, ...), in any case.
bool isPathColumnName(const QString &name);
/// Header names other tools give a class column (label, class, category, target, ...), in any case.
bool isLabelColumnName(const QString &name);
/// Header names of a train/valid/test column (split, subset), in any case.
bool isSplitColumnName(const QString &name);

} // namespace csvtext
} // namespace loupe
