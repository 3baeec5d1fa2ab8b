// Relabelling a CSV: the label field of the image's rows, everything else as it was.

#include "dataset/labeledits/LabelEditPlan.h"

#include "dataset/CsvText.h"
#include "dataset/Errors.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <map>

namespace loupe::labeledits {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::LabelEdits)
};

} // namespace

void planCsv(const Dataset &dataset, const std::vector<LabelEdit> &edits, Workspace &ws)
{
    const QString csvFile = QFileInfo(dataset.root).absoluteFilePath();
    QString &text = ws.text(csvFile);
    const int from = text.startsWith(QChar(0xFEFF)) ? 1 : 0;
    // An unclosed quote cannot be in a file the importer read; its rows are left out.
    const std::vector<csvtext::Row> rows = csvtext::parse(text, csvtext::Dialect::Lenient, from).rows;
    const QDir base = QFileInfo(csvFile).absoluteDir();

    QHash<QString, std::vector<const csvtext::Row *>> rowsOf;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        if (rows[r].fields.size() < 2
            || (r == 0 && csvtext::isPathLabelHeader(rows[r].fields[0].value, rows[r].fields[1].value)))
            continue;
        rowsOf[QDir::cleanPath(base.absoluteFilePath(rows[r].fields[0].value))].push_back(&rows[r]);
    }

    std::map<int, std::pair<int, QString>> replacements; // start -> (end, new text); applied back to front
    for (const LabelEdit &e : edits) {
        const auto found = rowsOf.constFind(e.path);
        if (found == rowsOf.constEnd() || found->empty())
            throw DatasetError(Text::tr("%1 does not list %2").arg(native(csvFile), native(e.path)));
        bool any = false;
        for (const csvtext::Row *row : *found) {
            const csvtext::Field &label = row->fields[1];
            if (label.value == e.oldClass) {
                replacements[label.start] = {label.end, csvtext::field(e.newClass, label.quoted)};
                any = true;
            } else if (label.value == e.newClass) {
                any = true; // already saved
            }
        }
        if (!any)
            staleLabel(e.path, csvFile, found->front()->fields[1].value, e.oldClass);
    }
    for (auto it = replacements.rbegin(); it != replacements.rend(); ++it)
        text.replace(it->first, it->second.first - it->first, it->second.second);
}

} // namespace loupe::labeledits
