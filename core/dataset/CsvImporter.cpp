#include "dataset/CsvText.h"
#include "dataset/Errors.h"
#include "dataset/Importers.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <map>

namespace loupe::importers {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::importers)
};

// Rows looked at to find the columns; enough to tell, few enough for a quick look at a huge file.
constexpr int kSampleRows = 200;
// Longest value a class name column holds; longer ones are captions or notes.
constexpr int kLongestLabel = 64;

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

// A folder named for a split: train/, valid/, test/, or train_images/, test-set/ and the like.
QString splitWordOf(const QString &folderName)
{
    static const QRegularExpression re(QStringLiteral("^(train|training|valid|validation|val|test|testing)([ _.-].*)?$"),
                                       QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(folderName);
    return m.hasMatch() ? m.captured(1).toLower() : QString();
}

// Where a CSV's names are looked for: each root, then its sub-folders that other tools put the
// images in (Kaggle: labels.csv beside train/, trainLabels.csv beside train/, train.csv beside
// train_images/), those that match the CSV's own name first.
QStringList searchDirs(const QStringList &roots, const QString &csvStem)
{
    const QString stem = csvStem.toLower();
    QStringList dirs;
    for (const QString &root : roots) {
        if (dirs.contains(root))
            continue;
        dirs.append(root);
        std::vector<std::pair<int, QString>> subs;
        for (const QString &name : QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            const QString lower = name.toLower();
            const QString split = splitWordOf(name);
            int rank = -1;
            if (lower == stem)
                rank = 0;
            else if (!split.isEmpty() && stem.contains(split))
                rank = 1;
            else if (lower == QLatin1String("images") || lower == QLatin1String("imgs"))
                rank = 2;
            else if (!split.isEmpty())
                rank = 3;
            if (rank >= 0)
                subs.emplace_back(rank, root + QLatin1Char('/') + name);
        }
        std::stable_sort(subs.begin(), subs.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        for (const auto &s : subs)
            dirs.append(s.second);
    }
    return dirs;
}

// Finds the file a CSV value names: as written, or (Kaggle style) without its image ending, in
// the search folders in order. Folder listings are read once, so a large CSV costs no stat calls.
class Finder
{
public:
    struct Found {
        QString path;   ///< absolute; empty when not found
        int dir = -1;   ///< index into dirs()
        QString ending; ///< the image ending added to the name, empty when it was written in full
    };

    explicit Finder(QStringList dirs)
        : m_dirs(std::move(dirs))
    {
    }

    const QStringList &dirs() const { return m_dirs; }

    Found find(const QString &value)
    {
        if (value.isEmpty())
            return {};
        for (int i = 0; i < m_dirs.size(); ++i) {
            const QString full = QDir::cleanPath(QDir(m_dirs.at(i)).absoluteFilePath(value));
            const int slash = int(full.lastIndexOf(QLatin1Char('/')));
            const QString parent = slash <= 0 ? QStringLiteral("/") : full.left(slash);
            const QString name = full.mid(slash + 1);
            if (name.isEmpty())
                continue;
            const Listing &listing = listingOf(parent);
            if (listing.files.contains(name))
                return {full, i, {}};
            const auto image = listing.imageByStem.constFind(name);
            if (image != listing.imageByStem.constEnd())
                return {parent + QLatin1Char('/') + *image, i, image->mid(name.size())};
        }
        return {};
    }

private:
    struct Listing {
        QSet<QString> files;
        QHash<QString, QString> imageByStem; ///< "000c1434d8d7" -> "000c1434d8d7.jpg"
    };

    const Listing &listingOf(const QString &dir)
    {
        auto it = m_listings.find(dir);
        if (it != m_listings.end())
            return *it;
        Listing l;
        for (const QString &name : QDir(dir).entryList(QDir::Files | QDir::Hidden, QDir::Name)) {
            l.files.insert(name);
            const int dot = int(name.lastIndexOf(QLatin1Char('.')));
            if (dot > 0 && isImageFile(name) && !l.imageByStem.contains(name.left(dot)))
                l.imageByStem.insert(name.left(dot), name);
        }
        return *m_listings.insert(dir, std::move(l));
    }

    QStringList m_dirs;
    QHash<QString, Listing> m_listings;
};

// What a column holds, from a sample of its rows.
struct ColumnStats {
    int values = 0; ///< non-empty
    int empty = 0;
    int found = 0; ///< values that name an existing file
    int numbers = 0;
    int integers = 0;
    int imageNames = 0; ///< values that end in an image ending
    int longest = 0;
    QSet<QString> distinct;

    bool namesFiles() const { return found > 0 && 2 * found >= values + empty; }
    // Short repeated values, no gaps, not measurements: what a class column looks like.
    bool looksLikeLabels() const
    {
        const bool decimals = numbers == values && integers < values;
        return values > 0 && empty == 0 && longest <= kLongestLabel && !decimals && distinct.size() < values;
    }
};

std::vector<ColumnStats> columnStats(const std::vector<CsvRow> &rows, std::size_t from, int width, Finder &finder)
{
    std::vector<ColumnStats> stats(static_cast<std::size_t>(width));
    const std::size_t to = std::min(rows.size(), from + kSampleRows);
    for (std::size_t r = from; r < to; ++r) {
        for (int c = 0; c < width; ++c) {
            ColumnStats &s = stats[std::size_t(c)];
            const QString v = rows[r].fields.value(c);
            if (v.isEmpty()) {
                ++s.empty;
                continue;
            }
            ++s.values;
            bool isInt = false, isNumber = false;
            v.toLongLong(&isInt);
            v.toDouble(&isNumber);
            s.integers += isInt ? 1 : 0;
            s.numbers += isNumber ? 1 : 0;
            s.imageNames += isImageFile(v) ? 1 : 0;
            s.longest = std::max(s.longest, int(v.size()));
            s.distinct.insert(v);
            if (!finder.find(v).path.isEmpty())
                ++s.found;
        }
    }
    return stats;
}

// Whether the first row names columns rather than an image: its cell in the column of file
// names names no file, or it breaks the kind every later row of a column shares (numbers,
// image file names).
bool firstRowIsHeader(const std::vector<CsvRow> &rows, const std::vector<ColumnStats> &later, int pathColumn,
                      Finder &finder)
{
    if (rows.size() < 2)
        return false;
    const QStringList &first = rows.front().fields;
    const int width = int(later.size());
    for (int c = 0; c < width; ++c) {
        const ColumnStats &s = later[std::size_t(c)];
        if (c == pathColumn || (pathColumn < 0 && s.namesFiles()))
            return finder.find(first.value(c)).path.isEmpty();
    }
    for (int c = 0; c < width; ++c) {
        const ColumnStats &s = later[std::size_t(c)];
        const QString v = first.value(c);
        if (s.values == 0 || s.empty > 0 || v.isEmpty())
            continue;
        bool isNumber = false;
        v.toDouble(&isNumber);
        if (s.numbers == s.values && !isNumber)
            return true;
        if (s.imageNames == s.values && !isImageFile(v))
            return true;
    }
    return false;
}

// The columns a CSV's rows are read from, and how they were told.
struct Columns {
    int path = -1;
    int label = -1;
    int split = -1;
    bool header = false;
    /// The original path,label[,split] file: rows of two or three fields, the third a split.
    bool legacy = false;
    QString how;
};

[[noreturn]] void refuse(const QString &message)
{
    throw DatasetError(message);
}

QString columnNames(const std::vector<int> &columns, const QStringList &header, bool named)
{
    QStringList names;
    for (int c : columns)
        names.append(named ? header.value(c) : QString::number(c + 1));
    return names.join(QLatin1String(", "));
}

// The one candidate, or the one whose header names it for what is looked for; -1 when neither.
int pickOne(const std::vector<int> &candidates, const QStringList &header, bool named,
            bool (*isTheName)(const QString &))
{
    if (candidates.size() == 1)
        return candidates.front();
    if (!named)
        return -1;
    int chosen = -1;
    for (int c : candidates) {
        if (isTheName(header.value(c))) {
            if (chosen >= 0)
                return -1;
            chosen = c;
        }
    }
    return chosen;
}

int columnByName(const QStringList &header, const QString &name)
{
    for (int c = 0; c < header.size(); ++c)
        if (header.at(c).compare(name, Qt::CaseInsensitive) == 0)
            return c;
    return -1;
}

// `--csv-columns PATH,LABEL`: header names or 1-based numbers. Names make the first row a header.
void applyColumnsOption(const QString &option, const std::vector<CsvRow> &rows, const QString &csvFile,
                        Columns &cols)
{
    const QStringList parts = option.split(QLatin1Char(','));
    if (parts.size() != 2 || parts.at(0).trimmed().isEmpty() || parts.at(1).trimmed().isEmpty())
        refuse(Text::tr("--csv-columns expects PATH,LABEL (header names or 1-based numbers), found \"%1\"")
                   .arg(option));
    const QStringList &first = rows.front().fields;
    int chosen[2] = {-1, -1};
    for (int i = 0; i < 2; ++i) {
        const QString part = parts.at(i).trimmed();
        bool isNumber = false;
        const int n = part.toInt(&isNumber);
        if (isNumber) {
            if (n < 1 || n > first.size())
                refuse(Text::tr("--csv-columns: %1 has columns 1 to %2, not %3").arg(csvFile).arg(first.size()).arg(n));
            chosen[i] = n - 1;
        } else {
            chosen[i] = columnByName(first, part);
            if (chosen[i] < 0)
                refuse(Text::tr("--csv-columns: the first line of %1 has no column named \"%2\" (it has %3)")
                           .arg(csvFile, part, first.join(QLatin1String(", "))));
            cols.header = true;
        }
    }
    if (chosen[0] == chosen[1])
        refuse(Text::tr("--csv-columns names the same column for the paths and the labels: \"%1\"").arg(option));
    cols.path = chosen[0];
    cols.label = chosen[1];
    cols.how = Text::tr("chosen with --csv-columns");
}

QString endingsText()
{
    return QStringLiteral(".jpg, .jpeg, .png, .bmp, .tif, .webp");
}

QString placesText(const QStringList &dirs)
{
    QStringList shown;
    for (const QString &d : dirs)
        shown.append(QDir::toNativeSeparators(d));
    return shown.join(QLatin1String(", "));
}

Columns chooseColumns(const std::vector<CsvRow> &rows, const QString &option, Finder &finder, const QString &csvFile)
{
    Columns cols;
    const QStringList &first = rows.front().fields;
    const int width = int(first.size());
    const bool knownHeader = csvtext::isPathLabelHeader(first.value(0), first.value(1));
    if (!option.isEmpty()) {
        applyColumnsOption(option, rows, csvFile, cols);
        if (!cols.header)
            cols.header = firstRowIsHeader(rows, columnStats(rows, 1, width, finder), cols.path, finder);
    } else if (knownHeader || width < 2) {
        cols.path = 0;
        cols.label = 1;
        cols.header = knownHeader;
        cols.how = knownHeader ? Text::tr("found by their header names") : Text::tr("by position");
    } else {
        cols.header = firstRowIsHeader(rows, columnStats(rows, 1, width, finder), -1, finder);
        const std::vector<ColumnStats> stats = columnStats(rows, cols.header ? 1 : 0, width, finder);
        std::vector<int> paths;
        for (int c = 0; c < width; ++c)
            if (stats[std::size_t(c)].namesFiles())
                paths.push_back(c);
        if (paths.empty() && width > 3)
            refuse(Text::tr("%1: no column names image files that exist (looked in %2, with and without the endings "
                            "%3); give the image folder as DATASET or with --images DIR, or the columns with "
                            "--csv-columns PATH,LABEL")
                       .arg(csvFile, placesText(finder.dirs()), endingsText()));
        cols.path = paths.empty() ? 0 : pickOne(paths, first, cols.header, csvtext::isPathColumnName);
        if (cols.path < 0)
            refuse(Text::tr("%1: columns %2 all name image files; choose the path and label columns with "
                            "--csv-columns PATH,LABEL (header names or 1-based numbers)")
                       .arg(csvFile, columnNames(paths, first, cols.header)));
        cols.how = paths.empty() ? Text::tr("by position") : Text::tr("found by content");
        // Nothing found at all: the first two columns, so the refusal below says no image was found.
        if (paths.empty() || (cols.path == 0 && (width == 2 || (width == 3 && !cols.header)))) {
            cols.label = 1;
        } else {
            for (int c = 0; c < width; ++c)
                if (c != cols.path && cols.header && csvtext::isSplitColumnName(first.value(c)))
                    cols.split = c;
            std::vector<int> rest, labels;
            for (int c = 0; c < width; ++c) {
                if (c == cols.path || c == cols.split)
                    continue;
                rest.push_back(c);
                if (stats[std::size_t(c)].looksLikeLabels())
                    labels.push_back(c);
            }
            cols.label = rest.size() == 1 ? rest.front()
                                          : pickOne(labels, first, cols.header, csvtext::isLabelColumnName);
            if (cols.label < 0 && labels.empty())
                refuse(Text::tr("%1: no column other than %2 holds short repeated values like class names; choose "
                                "the path and label columns with --csv-columns PATH,LABEL (header names or 1-based "
                                "numbers)")
                           .arg(csvFile, columnNames({cols.path}, first, cols.header)));
            if (cols.label < 0)
                refuse(Text::tr("%1: cannot tell which column holds the labels: %2 all hold short repeated values; "
                                "choose the path and label columns with --csv-columns PATH,LABEL (header names or "
                                "1-based numbers)")
                           .arg(csvFile, columnNames(labels, first, cols.header)));
        }
    }
    // Loupe's own layout: path,label with an optional third field naming the split.
    const bool splitThird = width == 2 || !cols.header || knownHeader || csvtext::isSplitColumnName(first.value(2));
    if (option.isEmpty() && cols.path == 0 && cols.label == 1 && width <= 3 && cols.split < 0 && splitThird) {
        cols.legacy = true;
        bool third = width == 3;
        for (std::size_t r = cols.header ? 1 : 0; r < rows.size() && !third; ++r)
            third = rows[r].fields.size() == 3;
        cols.split = third ? 2 : -1;
    } else if (cols.split < 0 && cols.header) {
        for (int c = 0; c < width; ++c)
            if (c != cols.path && c != cols.label && csvtext::isSplitColumnName(first.value(c)))
                cols.split = c;
    }
    return cols;
}

// "found as .jpg in train/": how the names were turned into files, when not as written.
QString resolutionText(const std::map<QString, int> &endings, const std::map<int, int> &dirs, const Finder &finder,
                       const QString &csvDir)
{
    QStringList endingList;
    for (const auto &e : endings)
        endingList.append(e.first);
    QStringList dirList;
    for (const auto &d : dirs) {
        const QString dir = finder.dirs().at(d.first);
        if (dir == csvDir)
            continue;
        const QString shown = dir.startsWith(csvDir + QLatin1Char('/')) ? dir.mid(csvDir.size() + 1) : dir;
        dirList.append(QDir::toNativeSeparators(shown) + QDir::separator());
    }
    if (!endingList.isEmpty() && !dirList.isEmpty())
        return Text::tr("names without extension, found as %1 in %2")
            .arg(endingList.join(QLatin1String(", ")), dirList.join(QLatin1String(", ")));
    if (!endingList.isEmpty())
        return Text::tr("names without extension, found as %1").arg(endingList.join(QLatin1String(", ")));
    if (!dirList.isEmpty())
        return Text::tr("images found in %1").arg(dirList.join(QLatin1String(", ")));
    return {};
}

} // namespace

Dataset importCsv(const QString &csvFile, const QString &imageRoot, const QString &columns)
{
    QFile f(csvFile);
    if (!f.open(QIODevice::ReadOnly))
        throw DatasetError(QCoreApplication::translate("loupe::importers", "cannot open %1: %2")
                               .arg(csvFile, f.errorString()));
    const QByteArray bytes = f.readAll();
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    if (!imageRoot.isEmpty() && !QFileInfo(imageRoot).isDir())
        throw DatasetError(Text::tr("the image folder %1 is not a folder").arg(imageRoot));

    Dataset ds;
    ds.format = QStringLiteral("csv");
    const QFileInfo csvInfo(csvFile);
    ds.root = csvInfo.absoluteFilePath();
    ds.layoutSource = ds.root;
    const QString csvDir = QDir::cleanPath(csvInfo.absolutePath());
    const QString fileName = csvInfo.fileName();

    std::vector<CsvRow> rows = parseCsv(text, csvFile);
    if (rows.empty())
        throw LabelFileError(csvFile, QString(),
                             QCoreApplication::translate("loupe::importers", "expected lines of path,label, found none"));

    // The image root the user gave comes first; paths relative to the CSV still work after it.
    QStringList roots;
    if (!imageRoot.isEmpty())
        roots.append(QDir::cleanPath(QFileInfo(imageRoot).absoluteFilePath()));
    roots.append(csvDir);
    Finder finder(searchDirs(roots, csvInfo.completeBaseName()));
    const Columns cols = chooseColumns(rows, columns, finder, csvFile);
    const QStringList &first = rows.front().fields;
    const int width = int(first.size());

    // Labels keep their first-seen order until the end, then sort, so class ids do not depend on row order.
    std::map<QString, int> endings;
    std::map<int, int> dirsUsed;
    int listed = 0;
    std::vector<std::size_t> missingRows;
    for (std::size_t r = cols.header ? 1 : 0; r < rows.size(); ++r) {
        const CsvRow &row = rows[r];
        const QString place = QCoreApplication::translate("loupe::importers", "line %1").arg(row.line);
        const int n = int(row.fields.size());
        if (cols.legacy && (n < 2 || n > 3))
            throw LabelFileError(csvFile, place,
                                 QCoreApplication::translate("loupe::importers",
                                                             "expected 2 fields path,label (or path,label,split), found %1")
                                     .arg(n));
        if (!cols.legacy && n != width)
            throw LabelFileError(csvFile, place,
                                 Text::tr("expected %1 fields like line %2, found %3").arg(width).arg(rows.front().line).arg(n));
        const QString path = row.fields.at(cols.path);
        const QString label = row.fields.at(cols.label);
        if (path.isEmpty())
            throw LabelFileError(csvFile, place,
                                 QCoreApplication::translate("loupe::importers", "expected an image path, found an empty field"));
        if (label.isEmpty())
            throw LabelFileError(csvFile, place,
                                 QCoreApplication::translate("loupe::importers", "expected a label for %1, found an empty field")
                                     .arg(path));
        bool splitOk = true;
        const SplitName split = cols.split >= 0 ? parseSplit(row.fields.value(cols.split), &splitOk) : SplitName::None;
        if (!splitOk)
            throw LabelFileError(csvFile, place,
                                 QCoreApplication::translate("loupe::importers",
                                                             "expected split train, valid or test, found \"%1\"")
                                     .arg(row.fields.at(cols.split)));

        const int classId = ds.classIndex(label);
        ++listed;
        const Finder::Found found = finder.find(path);
        if (found.path.isEmpty()) {
            missingRows.push_back(r);
            continue;
        }
        if (!found.ending.isEmpty())
            ++endings[found.ending];
        ++dirsUsed[found.dir];
        Sample s;
        s.path = found.path;
        s.classId = classId;
        s.split = split;
        ds.samples.push_back(std::move(s));
    }
    if (listed == 0)
        throw LabelFileError(csvFile, QString(),
                             QCoreApplication::translate("loupe::importers", "expected lines of path,label, found none"));
    if (ds.samples.empty())
        refuse(Text::tr("no image that %1 lists was found (%2 listed; looked in %3, with and without the endings "
                        "%4); give the image folder as DATASET or with --images DIR")
                   .arg(csvFile)
                   .arg(listed)
                   .arg(placesText(finder.dirs()), endingsText()));

    // A missing image is reported where the others were found: the folder and ending most of them had.
    const auto commonest = [](const auto &counts) {
        return std::max_element(counts.begin(), counts.end(),
                                [](const auto &a, const auto &b) { return a.second < b.second; });
    };
    const QString missingDir = finder.dirs().at(commonest(dirsUsed)->first);
    const QString missingEnding = endings.empty() ? QString() : commonest(endings)->first;
    for (std::size_t r : missingRows) {
        const QString place = QCoreApplication::translate("loupe::importers", "line %1").arg(rows[r].line);
        QString path = QDir::cleanPath(QDir(missingDir).absoluteFilePath(rows[r].fields.at(cols.path)));
        if (!isImageFile(path))
            path += missingEnding;
        ds.badFiles.push_back({path, QCoreApplication::translate("loupe::importers", "missing: listed in %1 %2")
                                         .arg(fileName, place)});
    }

    QStringList sorted = ds.classes;
    std::sort(sorted.begin(), sorted.end());
    std::vector<int> remap(ds.classes.size());
    for (int i = 0; i < ds.classes.size(); ++i)
        remap[i] = int(sorted.indexOf(ds.classes.at(i)));
    for (Sample &s : ds.samples)
        s.classId = remap[s.classId];
    ds.classes = sorted;

    const auto name = [&](int c) { return cols.header ? first.value(c) : QString::number(c + 1); };
    ds.layout = cols.split >= 0 ? Text::tr("CSV: columns %1 (path), %2 (label) and %3 (split)")
                                      .arg(name(cols.path), name(cols.label), name(cols.split))
                                : Text::tr("CSV: columns %1 (path) and %2 (label)").arg(name(cols.path), name(cols.label));
    ds.layout += QLatin1String(", ") + cols.how;
    if (!cols.header)
        ds.layout += QLatin1String(", ") + Text::tr("no header line");
    const QString resolution = resolutionText(endings, dirsUsed, finder, csvDir);
    if (!resolution.isEmpty())
        ds.layout += QLatin1String("; ") + resolution;
    return ds;
}

} // namespace loupe::importers
