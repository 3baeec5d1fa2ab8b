// COCO detection/segmentation JSON: images, categories, annotations with boxes, polygons and RLE.

#include "Errors.h"
#include "Importers.h"
#include "Split.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <unordered_map>

namespace loupe {
namespace importers {

namespace {

using json = nlohmann::json;

// Where the parser is, so every error can name the file and the JSON path.
struct Context {
    QString file;

    [[noreturn]] void fail(const QString &place, const QString &problem) const
    {
        throw LabelFileError(file, place, problem);
    }
};

QString describe(const json &v)
{
    switch (v.type()) {
    case json::value_t::null: return QStringLiteral("null");
    case json::value_t::boolean: return QCoreApplication::translate("loupe::importers", "a boolean");
    case json::value_t::string: return QCoreApplication::translate("loupe::importers", "a string");
    case json::value_t::array: return QCoreApplication::translate("loupe::importers", "an array");
    case json::value_t::object: return QCoreApplication::translate("loupe::importers", "an object");
    default: return QCoreApplication::translate("loupe::importers", "a number");
    }
}

QString at(const QString &path, const char *key)
{
    return path + QLatin1Char('.') + QLatin1String(key);
}

QString at(const QString &path, std::size_t index)
{
    return path + QLatin1Char('[') + QString::number(qulonglong(index)) + QLatin1Char(']');
}

const json *member(const json &object, const char *key)
{
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

double toNumber(const Context &ctx, const json &v, const QString &path)
{
    if (!v.is_number())
        ctx.fail(path, QCoreApplication::translate("loupe::importers", "expected a number, found %1").arg(describe(v)));
    return v.get<double>();
}

qint64 toInteger(const Context &ctx, const json &v, const QString &path)
{
    if (v.is_number_integer())
        return v.get<qint64>();
    // Some exporters write ids as 3.0; accept whole numbers, refuse fractions.
    if (v.is_number_float()) {
        const double d = v.get<double>();
        if (std::fabs(d) < 9e18 && d == std::floor(d))
            return qint64(d);
    }
    ctx.fail(path, QCoreApplication::translate("loupe::importers", "expected a whole number, found %1")
                       .arg(v.is_number() ? QString::number(v.get<double>()) : describe(v)));
}

// Image ids are numbers in COCO; a few tools write strings. Key both without mixing them up.
std::string idKey(const Context &ctx, const json &v, const QString &path)
{
    if (v.is_string())
        return "s:" + v.get<std::string>();
    return "i:" + std::to_string(toInteger(ctx, v, path));
}

QString idText(const json &v)
{
    return QString::fromStdString(v.dump());
}

// Line and column (1-based, in characters) of the byte nlohmann stopped at.
QString lineColumn(const QByteArray &data, std::size_t byte)
{
    const qsizetype stop = qsizetype(std::min<std::size_t>(byte, std::size_t(data.size())));
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i + 1 < stop; ++i) {
        const auto c = static_cast<unsigned char>(data[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) { // UTF-8 continuation bytes do not start a character
            ++column;
        }
    }
    return QCoreApplication::translate("loupe::importers", "line %1, column %2").arg(line).arg(column);
}

// nlohmann's message starts with "[json.exception...] parse error at line L, column C: "; keep the rest.
QString parseDetail(const char *what)
{
    const QString text = QString::fromUtf8(what);
    const int colon = int(text.indexOf(QLatin1String(": ")));
    return colon >= 0 ? text.mid(colon + 2) : text;
}

/// pycocotools' rleFrString: each count is a signed LEB128-like number in 6-bit groups offset
/// by 48 ('0'), and from the fourth count on it is stored as the difference to the count two before.
std::vector<qint64> decodeRleString(const Context &ctx, const std::string &s, const QString &path)
{
    std::vector<qint64> counts;
    std::size_t p = 0;
    while (p < s.size()) {
        qint64 x = 0;
        int k = 0;
        bool more = true;
        while (more) {
            if (p >= s.size())
                ctx.fail(path, QCoreApplication::translate("loupe::importers",
                                                           "expected compressed RLE counts, the string ends inside a number"));
            const int c = int(static_cast<unsigned char>(s[p])) - 48;
            if (c < 0 || c > 63)
                ctx.fail(path, QCoreApplication::translate("loupe::importers",
                                                           "expected compressed RLE counts (characters '0' to 'o'), found '%1' at position %2")
                                   .arg(QString::fromUtf8(s.data() + p, 1))
                                   .arg(qulonglong(p)));
            if (k >= 12) // 60 bits: no real mask count comes near this
                ctx.fail(path, QCoreApplication::translate("loupe::importers",
                                                           "expected compressed RLE counts, found a number too large at position %1")
                                   .arg(qulonglong(p)));
            x |= qint64(c & 0x1f) << (5 * k);
            more = (c & 0x20) != 0;
            ++p;
            ++k;
            if (!more && (c & 0x10))
                x |= -(qint64(1) << (5 * k)); // sign-extend
        }
        if (counts.size() > 2)
            x += counts[counts.size() - 2];
        if (x < 0)
            ctx.fail(path, QCoreApplication::translate("loupe::importers",
                                                       "expected compressed RLE counts, count %1 decodes to the negative value %2")
                               .arg(qulonglong(counts.size()))
                               .arg(x));
        counts.push_back(x);
    }
    return counts;
}

RleMask readRle(const Context &ctx, const json &seg, const QString &path)
{
    const QString sizePath = at(path, "size");
    const json *size = member(seg, "size");
    if (!size || !size->is_array() || size->size() != 2)
        ctx.fail(sizePath, QCoreApplication::translate("loupe::importers", "expected [height, width] of the RLE mask"));
    const qint64 h = toInteger(ctx, (*size)[0], at(sizePath, std::size_t(0)));
    const qint64 w = toInteger(ctx, (*size)[1], at(sizePath, std::size_t(1)));
    if (h <= 0 || w <= 0 || h > 1000000 || w > 1000000)
        ctx.fail(sizePath, QCoreApplication::translate("loupe::importers",
                                                       "expected a positive [height, width], found [%1, %2]")
                               .arg(h)
                               .arg(w));
    // RleMask keeps 32-bit runs: a larger mask would have its runs cut (and no image is that big).
    if (quint64(h) * quint64(w) > std::numeric_limits<quint32>::max())
        ctx.fail(sizePath, QCoreApplication::translate("loupe::importers",
                                                       "expected a mask of at most %1 pixels, found [%2, %3]")
                               .arg(std::numeric_limits<quint32>::max())
                               .arg(h)
                               .arg(w));

    const QString countsPath = at(path, "counts");
    const json *countsJson = member(seg, "counts");
    std::vector<qint64> counts;
    if (countsJson && countsJson->is_string()) {
        counts = decodeRleString(ctx, countsJson->get<std::string>(), countsPath);
    } else if (countsJson && countsJson->is_array()) {
        counts.reserve(countsJson->size());
        for (std::size_t i = 0; i < countsJson->size(); ++i) {
            const qint64 c = toInteger(ctx, (*countsJson)[i], at(countsPath, i));
            if (c < 0)
                ctx.fail(at(countsPath, i), QCoreApplication::translate("loupe::importers",
                                                                        "expected a run length of 0 or more, found %1")
                                                .arg(c));
            counts.push_back(c);
        }
    } else {
        ctx.fail(countsPath, QCoreApplication::translate("loupe::importers",
                                                         "expected RLE counts as a list of numbers or a compressed string"));
    }

    qint64 sum = 0;
    for (qint64 c : counts) {
        sum += c;
        if (sum > h * w)
            break;
    }
    if (sum != h * w)
        ctx.fail(countsPath, QCoreApplication::translate("loupe::importers",
                                                         "expected run lengths that add up to height × width = %1, found %2")
                                 .arg(h * w)
                                 .arg(sum));
    if (counts.size() > std::size_t(std::numeric_limits<int>::max()))
        ctx.fail(countsPath, QCoreApplication::translate("loupe::importers", "expected fewer RLE runs"));

    RleMask mask;
    mask.width = int(w);
    mask.height = int(h);
    mask.counts.reserve(counts.size());
    for (qint64 c : counts)
        mask.counts.push_back(quint32(c));
    return mask;
}

// Bounding box of the set pixels, as pycocotools' rleToBbox computes it (column-major runs).
QRectF rleBox(const RleMask &mask)
{
    const qint64 h = mask.height;
    qint64 xMin = std::numeric_limits<qint64>::max(), yMin = xMin, xMax = -1, yMax = -1;
    qint64 pos = 0;
    for (std::size_t i = 0; i < mask.counts.size(); ++i) {
        const qint64 run = mask.counts[i];
        if (i % 2 == 1 && run > 0) {
            const qint64 first = pos;
            const qint64 last = pos + run - 1;
            const qint64 x0 = first / h, x1 = last / h;
            xMin = std::min(xMin, x0);
            xMax = std::max(xMax, x1);
            if (x0 != x1) { // the run wraps into the next column: every row is touched
                yMin = 0;
                yMax = h - 1;
            } else {
                yMin = std::min(yMin, first % h);
                yMax = std::max(yMax, last % h);
            }
        }
        pos += run;
    }
    if (xMax < 0)
        return {};
    return QRectF(double(xMin), double(yMin), double(xMax - xMin + 1), double(yMax - yMin + 1));
}

QRectF polygonsBox(const std::vector<Polygon> &polygons)
{
    double xMin = std::numeric_limits<double>::max(), yMin = xMin;
    double xMax = std::numeric_limits<double>::lowest(), yMax = xMax;
    for (const Polygon &poly : polygons) {
        for (std::size_t i = 0; i + 1 < poly.size(); i += 2) {
            xMin = std::min(xMin, poly[i]);
            xMax = std::max(xMax, poly[i]);
            yMin = std::min(yMin, poly[i + 1]);
            yMax = std::max(yMax, poly[i + 1]);
        }
    }
    if (xMax < xMin)
        return {};
    return QRectF(xMin, yMin, xMax - xMin, yMax - yMin);
}

// Reads `segmentation` into the annotation; returns the number of polygons dropped for having
// fewer than three points (COCO itself holds a few of these; they have no area). Their points
// still give a box when the annotation has no bbox.
int readSegmentation(const Context &ctx, const json &seg, const QString &path, Annotation &ann,
                     Polygon &degeneratePoints)
{
    int degenerate = 0;
    if (seg.is_array()) {
        for (std::size_t p = 0; p < seg.size(); ++p) {
            const QString polyPath = at(path, p);
            const json &poly = seg[p];
            if (!poly.is_array())
                ctx.fail(polyPath, QCoreApplication::translate("loupe::importers",
                                                               "expected a polygon [x1, y1, x2, y2, ...], found %1")
                                       .arg(describe(poly)));
            if (poly.size() % 2 != 0)
                ctx.fail(polyPath, QCoreApplication::translate("loupe::importers",
                                                               "expected a polygon of x, y pairs, found %1 numbers")
                                       .arg(qulonglong(poly.size())));
            Polygon points;
            points.reserve(poly.size());
            for (std::size_t i = 0; i < poly.size(); ++i)
                points.push_back(toNumber(ctx, poly[i], at(polyPath, i)));
            if (points.size() < 6) {
                ++degenerate;
                degeneratePoints.insert(degeneratePoints.end(), points.begin(), points.end());
            } else
                ann.polygons.push_back(std::move(points));
        }
    } else if (seg.is_object()) {
        ann.rle = readRle(ctx, seg, path);
    } else {
        ctx.fail(path, QCoreApplication::translate("loupe::importers",
                                                   "expected a list of polygons or an RLE object {\"size\": [h, w], \"counts\": ...}, found %1")
                           .arg(describe(seg)));
    }
    return degenerate;
}

const json &requireArray(const Context &ctx, const json &root, const char *key, bool required, const json &empty)
{
    const json *v = member(root, key);
    if (!v || v->is_null()) {
        if (required)
            ctx.fail(QLatin1String(key), QCoreApplication::translate("loupe::importers", "expected an array \"%1\"")
                                             .arg(QLatin1String(key)));
        return empty;
    }
    if (!v->is_array())
        ctx.fail(QLatin1String(key), QCoreApplication::translate("loupe::importers", "expected an array, found %1")
                                         .arg(describe(*v)));
    return *v;
}

void requireObject(const Context &ctx, const json &v, const QString &path, const QString &what)
{
    if (!v.is_object())
        ctx.fail(path, QCoreApplication::translate("loupe::importers", "expected %1 object, found %2").arg(what, describe(v)));
}

const json &requireMember(const Context &ctx, const json &object, const char *key, const QString &path,
                          const QString &expected)
{
    const json *v = member(object, key);
    if (!v)
        ctx.fail(at(path, key), expected);
    return *v;
}

// The name part of COCO's own file names: instances_val2017 -> val2017, person_keypoints_train -> train.
QString fileSuffix(const QString &jsonFile)
{
    const QString base = QFileInfo(jsonFile).completeBaseName();
    const qsizetype underscore = base.lastIndexOf(QLatin1Char('_'));
    return underscore > 0 ? base.mid(underscore + 1) : QString();
}

// The folder a COCO layout starts from: the JSON's folder, or the one above annotations/.
QString layoutRoot(const QString &jsonFile)
{
    const QDir dir = QFileInfo(jsonFile).absoluteDir();
    if (dir.dirName().compare(QLatin1String("annotations"), Qt::CaseInsensitive) == 0)
        return QFileInfo(dir.absolutePath()).absolutePath();
    return dir.absolutePath();
}

QStringList imageDirs(const QString &jsonFile, const QString &imageRoot)
{
    const QString suffix = fileSuffix(jsonFile);
    QStringList bases;
    if (!imageRoot.isEmpty()) {
        bases << QFileInfo(imageRoot).absoluteFilePath();
    } else {
        bases << QFileInfo(jsonFile).absolutePath() << layoutRoot(jsonFile);
        bases.removeDuplicates();
    }
    QStringList dirs;
    for (const QString &base : bases) {
        const QDir d(base);
        dirs << d.absolutePath();
        if (imageRoot.isEmpty())
            dirs << d.filePath(QStringLiteral("images"));
        if (!suffix.isEmpty()) {
            dirs << d.filePath(suffix);
            if (imageRoot.isEmpty())
                dirs << d.filePath(QStringLiteral("images/") + suffix);
        }
    }
    dirs.removeDuplicates();
    return dirs;
}

// Finds a file_name in the search folders, trying first the one the last image was found in
// (`preferred`, updated). Windows exports write backslashes (Label Studio: "images\\1/x.png");
// names whose folders do not exist here (an upload path, a task folder) are looked up by their
// last part.
QString findImage(const QString &fileName, const QStringList &searchDirs, int *preferred)
{
    const QString name = QString(fileName).replace(QLatin1Char('\\'), QLatin1Char('/'));
    const QFileInfo info(name);
    if (info.isAbsolute() && info.isFile())
        return name;
    QStringList names;
    if (!info.isAbsolute())
        names << name;
    if (info.fileName() != name)
        names << info.fileName();
    for (const QString &candidateName : names) {
        for (int k = -1; k < int(searchDirs.size()); ++k) {
            const int d = k < 0 ? *preferred : k;
            if (k == *preferred)
                continue;
            const QString candidate = QDir(searchDirs[d]).absoluteFilePath(candidateName);
            if (QFileInfo(candidate).isFile()) {
                *preferred = d;
                return candidate;
            }
        }
    }
    return {};
}

Dataset readCoco(const Context &ctx, const json &root, const QString &jsonFile, const QString &imageRoot)
{
    if (!root.is_object())
        ctx.fail(QString(), QCoreApplication::translate("loupe::importers",
                                                        "expected a JSON object with \"images\", \"categories\" and \"annotations\", found %1")
                                .arg(describe(root)));

    Dataset ds;
    ds.format = QStringLiteral("coco");
    ds.root = jsonFile;

    const json empty = json::array();
    const json &images = requireArray(ctx, root, "images", true, empty);
    const json &categories = requireArray(ctx, root, "categories", false, empty);
    const json &annotations = requireArray(ctx, root, "annotations", false, empty);

    // Categories: dense class indices in the order the file lists them.
    std::unordered_map<qint64, int> classOf;
    for (std::size_t i = 0; i < categories.size(); ++i) {
        const QString path = at(QStringLiteral("categories"), i);
        const json &cat = categories[i];
        requireObject(ctx, cat, path, QCoreApplication::translate("loupe::importers", "a category"));
        const qint64 id = toInteger(ctx, requireMember(ctx, cat, "id", path,
                                                       QCoreApplication::translate("loupe::importers", "expected a category id")),
                                    at(path, "id"));
        const json &name = requireMember(ctx, cat, "name", path,
                                         QCoreApplication::translate("loupe::importers", "expected a category name"));
        if (!name.is_string())
            ctx.fail(at(path, "name"), QCoreApplication::translate("loupe::importers", "expected a string, found %1")
                                           .arg(describe(name)));
        if (classOf.count(id))
            ctx.fail(at(path, "id"), QCoreApplication::translate("loupe::importers",
                                                                 "expected a unique category id, %1 is used twice")
                                         .arg(id));
        const QString className = QString::fromStdString(name.get<std::string>());
        if (ds.classes.contains(className))
            ds.warnings << QCoreApplication::translate("loupe::importers", "%1: category name \"%2\" is used by more than one id")
                               .arg(QFileInfo(jsonFile).fileName(), className);
        classOf.emplace(id, int(ds.classes.size()));
        ds.classes.append(className);
        ds.classSourceIds.push_back(id);
    }

    // Images: where each file lives; missing ones are reported, not fatal.
    const QFileInfo jsonInfo(jsonFile);
    const QStringList searchDirs = imageDirs(jsonFile, imageRoot);
    int preferredDir = 0; // where the images so far were found

    std::unordered_map<std::string, std::size_t> sampleOf; // image id -> index in ds.samples
    std::unordered_map<std::string, bool> seenIds;          // includes images that are missing
    for (std::size_t i = 0; i < images.size(); ++i) {
        const QString path = at(QStringLiteral("images"), i);
        const json &img = images[i];
        requireObject(ctx, img, path, QCoreApplication::translate("loupe::importers", "an image"));
        const std::string key = idKey(ctx, requireMember(ctx, img, "id", path,
                                                         QCoreApplication::translate("loupe::importers", "expected an image id")),
                                      at(path, "id"));
        if (seenIds.count(key))
            ctx.fail(at(path, "id"), QCoreApplication::translate("loupe::importers", "expected a unique image id, %1 is used twice")
                                         .arg(idText(img["id"])));
        const json &fileName = requireMember(ctx, img, "file_name", path,
                                             QCoreApplication::translate("loupe::importers", "expected the image's file_name"));
        if (!fileName.is_string() || fileName.get<std::string>().empty())
            ctx.fail(at(path, "file_name"), QCoreApplication::translate("loupe::importers", "expected a file name, found %1")
                                                .arg(describe(fileName)));

        Sample sample;
        if (img["id"].is_number())
            sample.sourceId = toInteger(ctx, img["id"], at(path, "id"));
        if (const json *w = member(img, "width"); w && !w->is_null())
            sample.width = int(std::clamp<qint64>(toInteger(ctx, *w, at(path, "width")), 0, std::numeric_limits<int>::max()));
        if (const json *h = member(img, "height"); h && !h->is_null())
            sample.height = int(std::clamp<qint64>(toInteger(ctx, *h, at(path, "height")), 0, std::numeric_limits<int>::max()));

        const QString name = QString::fromStdString(fileName.get<std::string>());
        const QString found = findImage(name, searchDirs, &preferredDir);
        seenIds.emplace(key, !found.isEmpty());
        if (found.isEmpty()) {
            const QString slashed = QString(name).replace(QLatin1Char('\\'), QLatin1Char('/'));
            const QString expected = QFileInfo(slashed).isAbsolute() ? slashed : QDir(searchDirs[preferredDir]).absoluteFilePath(slashed);
            ds.badFiles.push_back({QDir::cleanPath(expected),
                                   QCoreApplication::translate("loupe::importers", "missing: listed in %1 %2")
                                       .arg(jsonInfo.fileName(), path)});
            continue;
        }
        sample.path = QDir::cleanPath(found);
        sampleOf.emplace(key, ds.samples.size());
        ds.samples.push_back(std::move(sample));
    }

    int degenerate = 0;
    for (std::size_t i = 0; i < annotations.size(); ++i) {
        const QString path = at(QStringLiteral("annotations"), i);
        const json &a = annotations[i];
        requireObject(ctx, a, path, QCoreApplication::translate("loupe::importers", "an annotation"));

        const json &imageId = requireMember(ctx, a, "image_id", path,
                                            QCoreApplication::translate("loupe::importers", "expected the annotation's image_id"));
        const std::string key = idKey(ctx, imageId, at(path, "image_id"));
        const auto seen = seenIds.find(key);
        if (seen == seenIds.end())
            ctx.fail(at(path, "image_id"), QCoreApplication::translate("loupe::importers",
                                                                       "expected the id of an entry in images, found %1")
                                               .arg(idText(imageId)));

        const json &categoryId = requireMember(ctx, a, "category_id", path,
                                               QCoreApplication::translate("loupe::importers", "expected the annotation's category_id"));
        const auto cls = classOf.find(toInteger(ctx, categoryId, at(path, "category_id")));
        if (cls == classOf.end())
            ctx.fail(at(path, "category_id"), QCoreApplication::translate("loupe::importers",
                                                                          "expected the id of an entry in categories, found %1")
                                                  .arg(idText(categoryId)));

        Annotation ann;
        ann.classId = cls->second;
        // Crowd regions stay with their image (the viewer shows them) but are not objects.
        if (const json *crowd = member(a, "iscrowd"); crowd && !crowd->is_null()) {
            const QString crowdPath = at(path, "iscrowd");
            if (crowd->is_boolean()) {
                ann.crowd = crowd->get<bool>();
            } else {
                const qint64 flag = toInteger(ctx, *crowd, crowdPath);
                if (flag != 0 && flag != 1)
                    ctx.fail(crowdPath,
                             QCoreApplication::translate("loupe::importers", "expected 0 or 1, found %1").arg(flag));
                ann.crowd = flag == 1;
            }
        }

        const json *seg = member(a, "segmentation");
        Polygon degeneratePoints;
        if (seg && !seg->is_null())
            degenerate += readSegmentation(ctx, *seg, at(path, "segmentation"), ann, degeneratePoints);

        const json *bbox = member(a, "bbox");
        if (bbox && !bbox->is_null()) {
            const QString boxPath = at(path, "bbox");
            if (!bbox->is_array() || bbox->size() != 4)
                ctx.fail(boxPath, QCoreApplication::translate("loupe::importers", "expected 4 numbers [x, y, width, height]"));
            double v[4];
            for (std::size_t k = 0; k < 4; ++k) {
                if (!(*bbox)[k].is_number())
                    ctx.fail(boxPath, QCoreApplication::translate("loupe::importers",
                                                                  "expected 4 numbers [x, y, width, height], element %1 is %2")
                                          .arg(qulonglong(k))
                                          .arg(describe((*bbox)[k])));
                v[k] = (*bbox)[k].get<double>();
            }
            if (v[2] < 0 || v[3] < 0)
                ctx.fail(boxPath, QCoreApplication::translate("loupe::importers",
                                                              "expected a width and height of 0 or more, found %1 × %2")
                                      .arg(v[2])
                                      .arg(v[3]));
            ann.box = QRectF(v[0], v[1], v[2], v[3]);
        } else if (!ann.polygons.empty()) {
            ann.box = polygonsBox(ann.polygons);
        } else if (!ann.rle.isEmpty()) {
            ann.box = rleBox(ann.rle);
        } else if (!degeneratePoints.empty()) {
            ann.box = polygonsBox({degeneratePoints});
        } else {
            ctx.fail(path, QCoreApplication::translate("loupe::importers", "expected a bbox or a segmentation"));
        }

        if (!seen->second)
            continue; // its image is missing and already listed in badFiles
        ds.samples[sampleOf.at(key)].objects.push_back(std::move(ann));
    }
    if (degenerate > 0)
        ds.warnings << QCoreApplication::translate("loupe::importers",
                                                   "%1: %n polygon(s) with fewer than 3 points were left out",
                                                   nullptr, degenerate)
                           .arg(jsonInfo.fileName());
    return ds;
}

// Which tool wrote a COCO file, told by the name each gives it.
QString toolOf(const QString &jsonFile)
{
    const QString name = QFileInfo(jsonFile).fileName().toLower();
    if (name == QLatin1String("_annotations.coco.json"))
        return QCoreApplication::translate("loupe::importers", "Roboflow COCO");
    if (name == QLatin1String("instances_default.json"))
        return QCoreApplication::translate("loupe::importers", "CVAT COCO");
    if (name == QLatin1String("result.json"))
        return QCoreApplication::translate("loupe::importers", "Label Studio COCO");
    return QCoreApplication::translate("loupe::importers", "COCO");
}

QString relativeTo(const QDir &root, const QString &path)
{
    const QString rel = root.relativeFilePath(path);
    return rel.startsWith(QLatin1String("..")) ? path : rel;
}

// The folders the images were found in, relative to the layout's root, at most three named.
QString imageFolders(const Dataset &ds, const QDir &root)
{
    QStringList folders;
    QString last;
    for (const Sample &s : ds.samples) {
        const QString dir = s.path.left(s.path.lastIndexOf(QLatin1Char('/')));
        if (dir == last)
            continue;
        last = dir;
        const QString rel = relativeTo(root, dir);
        const QString shown = rel == QLatin1String(".") ? QStringLiteral("./") : rel + QLatin1Char('/');
        if (!folders.contains(shown))
            folders << shown;
    }
    if (folders.size() > 3) {
        folders = folders.mid(0, 3);
        folders << QStringLiteral("…");
    }
    return folders.join(QLatin1String(", "));
}

QString describeLayout(const QString &tool, const QString &labels, const Dataset &ds, const QDir &root)
{
    if (ds.samples.empty())
        return QCoreApplication::translate("loupe::importers", "%1: %2, no images found").arg(tool, labels);
    return QCoreApplication::translate("loupe::importers", "%1: %2, images in %3").arg(tool, labels, imageFolders(ds, root));
}

// The deepest folder holding all the given folders.
QString commonFolder(const QStringList &folders)
{
    QStringList common = folders.value(0).split(QLatin1Char('/'));
    for (const QString &f : folders) {
        const QStringList parts = f.split(QLatin1Char('/'));
        int n = 0;
        while (n < common.size() && n < parts.size() && common[n] == parts[n])
            ++n;
        common = common.mid(0, n);
    }
    const QString joined = common.join(QLatin1Char('/'));
    return joined.isEmpty() ? QStringLiteral("/") : joined;
}

// A COCO file names its top-level arrays in the first few kilobytes (Roboflow's CreateML JSON,
// an array of {"image", "annotations"}, does not count).
bool looksLikeCoco(const QString &jsonFile)
{
    QFile f(jsonFile);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = f.read(1 << 10).trimmed();
    if (!head.startsWith('{'))
        return false;
    // The keys may come in any order: a writer that sorts them puts "categories" and "images" after
    // every annotation's polygons, megabytes in. Read on in chunks (each overlapping the last by a
    // key's length) until the keys are seen.
    static const QByteArray keys[] = {QByteArrayLiteral("\"images\""), QByteArrayLiteral("\"annotations\""),
                                      QByteArrayLiteral("\"categories\"")};
    bool seen[3] = {false, false, false};
    QByteArray window = head;
    for (;;) {
        for (int k = 0; k < 3; ++k)
            seen[k] = seen[k] || window.contains(keys[k]);
        if (seen[0] || (seen[1] && seen[2]))
            return true;
        const QByteArray next = f.read(1 << 20);
        if (next.isEmpty())
            return false;
        window = window.right(16) + next;
    }
}

} // namespace

Dataset importCoco(const QString &jsonFile, const QString &imageRoot)
{
    QFile file(jsonFile);
    if (!file.open(QIODevice::ReadOnly))
        throw DatasetError(QCoreApplication::translate("loupe::importers", "Cannot open COCO file %1: %2")
                               .arg(jsonFile, file.errorString()));
    const QByteArray data = file.readAll();
    file.close();

    const Context ctx{jsonFile};
    json root;
    try {
        root = json::parse(data.constBegin(), data.constEnd());
    } catch (const json::parse_error &e) {
        throw LabelFileError(jsonFile, lineColumn(data, e.byte),
                             QCoreApplication::translate("loupe::importers", "expected valid JSON: %1").arg(parseDetail(e.what())));
    } catch (const json::exception &e) {
        throw LabelFileError(jsonFile, QString(),
                             QCoreApplication::translate("loupe::importers", "expected valid JSON: %1").arg(parseDetail(e.what())));
    }

    Dataset ds;
    try {
        ds = readCoco(ctx, root, jsonFile, imageRoot);
    } catch (const json::exception &e) {
        // The checks above should leave nothing for nlohmann to refuse; never let it escape raw.
        throw LabelFileError(jsonFile, QString(),
                             QCoreApplication::translate("loupe::importers", "unexpected structure: %1").arg(parseDetail(e.what())));
    }
    const QDir layoutDir(layoutRoot(jsonFile));
    ds.layout = describeLayout(toolOf(jsonFile), relativeTo(layoutDir, QFileInfo(jsonFile).absoluteFilePath()), ds, layoutDir);
    ds.layoutSource = QFileInfo(jsonFile).absoluteFilePath();
    return ds;
}

Dataset importCocoSplits(const QStringList &jsonFiles, const QString &imageRoot)
{
    Dataset ds;
    ds.format = QStringLiteral("coco");
    QStringList roots;
    bool first = true;
    for (const QString &jsonFile : jsonFiles) {
        Dataset part = importCoco(jsonFile, imageRoot);
        // The first file keeps its class order (duplicate names included); later ones join by name.
        std::vector<int> classMap;
        for (int c = 0; c < int(part.classes.size()); ++c) {
            const QString &name = part.classes.at(c);
            const qint64 id = part.classSourceIds.at(std::size_t(c));
            if (first) {
                ds.classes.append(name);
                ds.classSourceIds.push_back(id);
                classMap.push_back(int(ds.classes.size()) - 1);
            } else {
                const int before = int(ds.classes.size());
                classMap.push_back(ds.classIndex(name));
                if (int(ds.classes.size()) > before)
                    ds.classSourceIds.push_back(id);
            }
        }
        const SplitName split = cocoSplitOf(jsonFile);
        for (Sample &sample : part.samples) {
            sample.split = split;
            if (sample.classId >= 0)
                sample.classId = classMap[std::size_t(sample.classId)];
            for (Annotation &a : sample.objects)
                a.classId = classMap[std::size_t(a.classId)];
            ds.samples.push_back(std::move(sample));
        }
        ds.badFiles.insert(ds.badFiles.end(), part.badFiles.begin(), part.badFiles.end());
        ds.warnings << part.warnings;
        roots << layoutRoot(jsonFile);
        first = false;
    }
    ds.root = commonFolder(roots);
    const QDir rootDir(ds.root);
    QStringList labels;
    for (const QString &jsonFile : jsonFiles)
        labels << relativeTo(rootDir, QFileInfo(jsonFile).absoluteFilePath());
    ds.layout = describeLayout(toolOf(jsonFiles.value(0)),
                               QCoreApplication::translate("loupe::importers", "one JSON per split (%1)")
                                   .arg(labels.join(QLatin1String(", "))),
                               ds, rootDir);
    ds.layoutSource = ds.root;
    return ds;
}

QStringList findCocoFiles(const QString &dir)
{
    const QDir d(dir);
    QStringList folders {d.absolutePath(), d.filePath(QStringLiteral("annotations"))};
    for (const QString &sub : d.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        if (splitOfFolder(sub) != SplitName::None)
            folders << d.filePath(sub);
    QStringList found;
    QStringList detection;
    for (const QString &folder : folders)
        for (const QFileInfo &fi : QDir(folder).entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
            if (looksLikeCoco(fi.absoluteFilePath())) {
                found << fi.absoluteFilePath();
                if (fi.fileName().startsWith(QLatin1String("instances_"), Qt::CaseInsensitive))
                    detection << fi.absoluteFilePath();
            }
    // COCO's own annotations folder holds captions_ and person_keypoints_ files beside instances_.
    return detection.isEmpty() ? found : detection;
}

SplitName cocoSplitOf(const QString &jsonFile)
{
    QString suffix = fileSuffix(jsonFile);
    while (!suffix.isEmpty() && suffix.back().isDigit())
        suffix.chop(1);
    const SplitName byName = splitOfFolder(suffix);
    if (byName != SplitName::None)
        return byName;
    return splitOfFolder(QFileInfo(jsonFile).absoluteDir().dirName());
}

Recognised recogniseCoco(const QString &dir)
{
    const QStringList files = findCocoFiles(dir);
    if (files.isEmpty())
        return {};
    if (files.size() == 1)
        return {QCoreApplication::translate("loupe::importers", "%1 JSON").arg(toolOf(files.front())), files.front()};
    return {QCoreApplication::translate("loupe::importers", "%1: %2 JSON files").arg(toolOf(files.front())).arg(files.size()),
            QDir(dir).absolutePath()};
}

} // namespace importers
} // namespace loupe
