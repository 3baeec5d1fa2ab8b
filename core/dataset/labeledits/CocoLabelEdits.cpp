// Relabelling COCO: the category of the image's largest annotation.

#include "dataset/labeledits/LabelEditPlan.h"

#include "dataset/Errors.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace loupe::labeledits {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::LabelEdits)
};

using ojson = nlohmann::ordered_json;

// The images[] entry the importer resolved to this path (the JSON's folder, its images/ folder,
// or an image root given on import, which only the path's ending can tell).
std::size_t cocoImageIndex(const ojson &images, const QString &jsonFile, const QString &imagePath)
{
    const QDir jsonDir = QFileInfo(jsonFile).absoluteDir();
    const QStringList searchDirs {jsonDir.absolutePath(), jsonDir.filePath(QStringLiteral("images"))};
    std::size_t bySuffix = images.size();
    int suffixMatches = 0;
    for (std::size_t i = 0; i < images.size(); ++i) {
        const ojson &img = images[i];
        if (!img.is_object() || !img.contains("file_name") || !img.at("file_name").is_string())
            continue;
        const QString name = QString::fromStdString(img.at("file_name").get<std::string>());
        if (QFileInfo(name).isAbsolute()) {
            if (QDir::cleanPath(name) == imagePath)
                return i;
            continue;
        }
        for (const QString &dir : searchDirs)
            if (QDir::cleanPath(QDir(dir).absoluteFilePath(name)) == imagePath)
                return i;
        if (imagePath.endsWith(QLatin1Char('/') + QDir::cleanPath(name))) {
            if (suffixMatches++ == 0)
                bySuffix = i;
        }
    }
    return suffixMatches == 1 ? bySuffix : images.size();
}

// Keeps the file's own layout where it is plain: compact stays compact, indented keeps its indent.
QByteArray dumpLike(const ojson &root, const QByteArray &original)
{
    int indent = -1;
    char indentChar = ' ';
    const int firstBreak = int(original.indexOf('\n'));
    if (firstBreak >= 0 && firstBreak + 1 < original.size()) {
        int k = firstBreak + 1;
        const char c = original.at(k);
        if (c == ' ' || c == '\t') {
            indentChar = c;
            indent = 0;
            while (k < original.size() && original.at(k) == indentChar) {
                ++indent;
                ++k;
            }
        } else if (original.trimmed().contains('\n')) {
            indent = 0;
        }
    }
    std::string out = root.dump(indent, indentChar, false, ojson::error_handler_t::strict);
    QByteArray bytes = QByteArray::fromStdString(out);
    if (original.endsWith('\n'))
        bytes.append(original.endsWith("\r\n") ? "\r\n" : "\n");
    return bytes;
}

} // namespace

void planCoco(const Dataset &dataset, const std::vector<LabelEdit> &edits, const SamplesByPath &samples,
    std::vector<FileChange> &files)
{
    const QString jsonFile = QFileInfo(dataset.root).absoluteFilePath();
    QFile f(jsonFile);
    if (!f.open(QIODevice::ReadOnly))
        throw DatasetError(Text::tr("cannot read %1: %2").arg(native(jsonFile), f.errorString()));
    const QByteArray before = f.readAll();
    f.close();

    ojson root;
    try {
        root = ojson::parse(before.constBegin(), before.constEnd());
    } catch (const ojson::exception &e) {
        throw DatasetError(Text::tr("cannot read %1: %2").arg(native(jsonFile), QString::fromUtf8(e.what())));
    }
    if (!root.is_object() || !root.contains("images") || !root["images"].is_array())
        throw DatasetError(Text::tr("cannot read %1: expected a COCO object with \"images\"").arg(native(jsonFile)));
    if (!root.contains("annotations") || !root["annotations"].is_array())
        throw DatasetError(Text::tr("cannot read %1: expected \"annotations\"").arg(native(jsonFile)));
    if (!root.contains("categories") || root["categories"].is_null())
        root["categories"] = ojson::array();
    if (!root["categories"].is_array())
        throw DatasetError(Text::tr("cannot read %1: expected \"categories\" to be an array").arg(native(jsonFile)));
    ojson &images = root["images"];
    ojson &annotations = root["annotations"];
    ojson &categories = root["categories"];

    try {
        auto categoryName = [&](const ojson &id) -> QString {
            for (const ojson &c : categories)
                if (c.is_object() && c.contains("id") && c.at("id") == id && c.contains("name")
                    && c.at("name").is_string())
                    return QString::fromStdString(c.at("name").get<std::string>());
            return {};
        };
        auto categoryId = [&](const QString &name) -> ojson {
            const std::string wanted = name.toStdString();
            qint64 maxId = 0;
            for (const ojson &c : categories) {
                if (!c.is_object())
                    continue;
                if (c.contains("name") && c.at("name") == wanted)
                    return c.at("id");
                if (c.contains("id") && c.at("id").is_number())
                    maxId = std::max(maxId, c.at("id").get<qint64>());
            }
            ojson added = ojson::object();
            added["id"] = maxId + 1;
            added["name"] = wanted;
            categories.push_back(added);
            return added["id"];
        };

        for (const LabelEdit &e : edits) {
            const Sample *sample = samples.value(e.path);
            const std::size_t imageIndex = cocoImageIndex(images, jsonFile, e.path);
            if (imageIndex >= images.size() || !images[imageIndex].contains("id"))
                throw DatasetError(Text::tr("%1 does not list %2").arg(native(jsonFile), native(e.path)));
            const ojson imageId = images[imageIndex]["id"];
            std::vector<std::size_t> own;
            for (std::size_t i = 0; i < annotations.size(); ++i)
                if (annotations[i].is_object() && annotations[i].contains("image_id")
                    && annotations[i]["image_id"] == imageId)
                    own.push_back(i);
            const int largest = largestObject(*sample);
            if (own.size() != sample->objects.size() || largest < 0)
                throw DatasetError(
                    Text::tr("%1 holds %n annotation(s) of %2, the open dataset %3: the file changed since "
                             "the dataset was opened; open it again before saving",
                             nullptr, int(own.size()))
                        .arg(native(jsonFile))
                        .arg(QFileInfo(e.path).fileName())
                        .arg(qulonglong(sample->objects.size())));
            ojson &annotation = annotations[own[std::size_t(largest)]];
            const QString current = categoryName(annotation["category_id"]);
            if (current == e.newClass)
                continue;
            if (current != e.oldClass)
                staleLabel(e.path, jsonFile, current, e.oldClass);
            annotation["category_id"] = categoryId(e.newClass);
        }
    } catch (const ojson::exception &e) {
        throw DatasetError(Text::tr("cannot update %1: %2").arg(native(jsonFile), QString::fromUtf8(e.what())));
    }

    const QByteArray after = dumpLike(root, before);
    if (after != before)
        files.push_back({jsonFile, before, after, true});
}

} // namespace loupe::labeledits
