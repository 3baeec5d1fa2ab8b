// Mask layouts: PNG mask folders (images/ + masks/ with the same stems) and MVTec AD.

#include "Parallel.h"
#include "dataset/Errors.h"
#include "dataset/Importers.h"
#include "dataset/Masks.h"
#include "dataset/Split.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <map>
#include <mutex>
#include <set>

namespace loupe::importers {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::importers)
};

// Folder names, compared without case.
const QStringList &imageFolderNames()
{
    static const QStringList names = {QStringLiteral("images"), QStringLiteral("image"), QStringLiteral("imgs"),
        QStringLiteral("img"), QStringLiteral("jpegimages")};
    return names;
}
const QStringList &maskFolderNames()
{
    static const QStringList names = {QStringLiteral("masks"), QStringLiteral("mask"),
        QStringLiteral("segmentationclass"), QStringLiteral("labels_masks")};
    return names;
}

QString childNamed(const QString &dir, const QStringList &names)
{
    for (const QString &entry : QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        if (names.contains(entry.toLower()))
            return QDir(dir).filePath(entry);
    return {};
}

QFileInfoList imageFiles(const QString &dir)
{
    QFileInfoList files;
    for (const QFileInfo &f : QDir(dir).entryInfoList(QDir::Files, QDir::Name))
        if (isImageFile(f.fileName()))
            files.append(f);
    return files;
}

// One images folder with its masks folder, and the split both stand for.
struct FolderPair {
    QString images;
    QString masks;
    SplitName split = SplitName::None;
};

// images/ + masks/ in `dir`, or their split sub-folders (images/train + masks/train).
void pairsIn(const QString &dir, SplitName split, std::vector<FolderPair> &out)
{
    const QString images = childNamed(dir, imageFolderNames());
    const QString masks = childNamed(dir, maskFolderNames());
    if (images.isEmpty() || masks.isEmpty())
        return;
    if (!imageFiles(images).isEmpty()) {
        out.push_back({images, masks, split});
        return;
    }
    for (const QString &sub : QDir(images).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const SplitName s = splitOfFolder(sub);
        const QString maskSub = QDir(masks).filePath(sub);
        if (s != SplitName::None && QFileInfo(maskSub).isDir())
            out.push_back({QDir(images).filePath(sub), maskSub, s});
    }
}

std::vector<FolderPair> findPairs(const QString &root)
{
    std::vector<FolderPair> pairs;
    pairsIn(root, SplitName::None, pairs);
    if (!pairs.empty())
        return pairs;
    for (const QString &sub : QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const SplitName s = splitOfFolder(sub);
        if (s != SplitName::None)
            pairsIn(QDir(root).filePath(sub), s, pairs);
    }
    return pairs;
}

bool isBackgroundName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    return n == QLatin1String("background") || n == QLatin1String("_background_")
        || n == QLatin1String("__background__") || n == QLatin1String("bg") || n == QLatin1String("backgroud");
}

// The class list beside the masks, in the first of these folders that has one.
struct ClassList {
    QString source; ///< the file it came from; empty: none found
    QStringList classes;
    MaskCoding coding;
};

// classes.txt: one name a line. The first line is value 0 when it names the background, else value 1.
ClassList readClassesTxt(const QString &file)
{
    ClassList list;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        throw LabelFileError(file, {}, Text::tr("cannot read: %1").arg(f.errorString()));
    list.source = file;
    QStringList names;
    QTextStream in(&f);
    while (!in.atEnd()) {
        const QString line = in.readLine().trimmed();
        if (!line.isEmpty() && !line.startsWith(QLatin1Char('#')))
            names.append(line);
    }
    const bool backgroundFirst = !names.isEmpty() && isBackgroundName(names.front());
    if (backgroundFirst)
        names.removeFirst();
    if (names.isEmpty())
        throw LabelFileError(file, {}, Text::tr("no class names (one name a line expected)"));
    if (names.size() >= MaskCoding::kIgnore)
        throw LabelFileError(file, {}, Text::tr("%1 classes; masks of 8 bits hold at most 254").arg(names.size()));
    list.classes = names;
    list.coding.valueToClass.fill(MaskCoding::kNoClass);
    list.coding.valueToClass[0] = 0;
    for (int k = 1; k <= int(names.size()); ++k)
        list.coding.valueToClass[k] = k;
    list.coding.valueToClass[MaskCoding::kIgnore] = MaskCoding::kIgnore;
    if (names.size() == 1) // one class: a binary mask, 0/1 or 0/255
        std::fill(list.coding.valueToClass.begin() + 1, list.coding.valueToClass.end(), 1);
    return list;
}

// labelmap.txt (Pascal VOC / CVAT): `name:r,g,b:parts:actions`, one class a line, in value order.
ClassList readLabelmap(const QString &file)
{
    ClassList list;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        throw LabelFileError(file, {}, Text::tr("cannot read: %1").arg(f.errorString()));
    list.source = file;
    list.coding.valueToClass.fill(MaskCoding::kNoClass);
    list.coding.valueToClass[MaskCoding::kIgnore] = MaskCoding::kIgnore;
    // VOC's boundary colour marks pixels to ignore.
    list.coding.colourToClass[0xE0E0C0] = MaskCoding::kIgnore;
    QTextStream in(&f);
    int lineNo = 0, index = 0;
    while (!in.atEnd()) {
        const QString line = in.readLine().trimmed();
        ++lineNo;
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList parts = line.split(QLatin1Char(':'));
        const QStringList rgb = parts.value(1).split(QLatin1Char(','));
        bool ok = parts.size() >= 2 && rgb.size() == 3;
        int c[3] = {};
        for (int i = 0; ok && i < 3; ++i) {
            c[i] = rgb[i].trimmed().toInt(&ok);
            ok = ok && c[i] >= 0 && c[i] <= 255;
        }
        if (!ok)
            throw LabelFileError(file, Text::tr("line %1").arg(lineNo), Text::tr("expected name:r,g,b:parts:actions"));
        const QString name = parts[0].trimmed();
        const quint32 colour = (quint32(c[0]) << 16) | (quint32(c[1]) << 8) | quint32(c[2]);
        const bool background = isBackgroundName(name) || (index == 0 && colour == 0);
        int value = 0;
        if (!background) {
            list.classes.append(name);
            value = int(list.classes.size());
        }
        list.coding.colourToClass[colour] = value;
        if (index < MaskCoding::kIgnore)
            list.coding.valueToClass[index] = value;
        ++index;
    }
    if (list.classes.isEmpty())
        throw LabelFileError(file, {}, Text::tr("no classes besides the background"));
    return list;
}

// A COCO JSON's categories: mask values are category ids.
ClassList readCocoCategories(const QString &file)
{
    ClassList list;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return list;
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    std::map<int, QString> byId;
    for (const QJsonValue &v : root.value(QStringLiteral("categories")).toArray()) {
        const QJsonObject c = v.toObject();
        const int id = c.value(QStringLiteral("id")).toInt(-1);
        if (id >= 0 && id < MaskCoding::kIgnore)
            byId[id] = c.value(QStringLiteral("name")).toString();
    }
    if (byId.empty())
        return list;
    list.source = file;
    list.coding.valueToClass.fill(MaskCoding::kNoClass);
    list.coding.valueToClass[0] = 0;
    list.coding.valueToClass[MaskCoding::kIgnore] = MaskCoding::kIgnore;
    for (const auto &[id, name] : byId) {
        if (id == 0 || isBackgroundName(name))
            continue;
        list.classes.append(name);
        list.coding.valueToClass[id] = int(list.classes.size());
    }
    if (list.classes.isEmpty())
        list.source.clear();
    return list;
}

ClassList findClassList(const QStringList &dirs)
{
    for (const QString &dir : dirs) {
        const QDir d(dir);
        if (QFileInfo(d.filePath(QStringLiteral("labelmap.txt"))).isFile())
            return readLabelmap(d.filePath(QStringLiteral("labelmap.txt")));
        if (QFileInfo(d.filePath(QStringLiteral("classes.txt"))).isFile())
            return readClassesTxt(d.filePath(QStringLiteral("classes.txt")));
        for (const QFileInfo &json : d.entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            ClassList coco = readCocoCategories(json.absoluteFilePath());
            if (!coco.source.isEmpty())
                return coco;
        }
    }
    return {};
}

// Without a class list, the masks themselves say which values (or colours) occur.
ClassList classesFromMasks(const std::vector<Sample> &samples)
{
    std::mutex mutex;
    std::set<int> values;
    std::set<quint32> colours;
    parallelFor(int(samples.size()), 0, [&](int i) {
        const MaskPixels px = readMaskPixels(samples[i].mask.path);
        if (!px.ok())
            return; // named by the mask check
        std::set<int> v;
        std::set<quint32> c;
        if (px.pixels.channels() == 3) {
            for (int y = 0; y < px.pixels.rows; ++y)
                for (int x = 0; x < px.pixels.cols; ++x) {
                    const cv::Vec3b b = px.pixels.at<cv::Vec3b>(y, x);
                    c.insert((quint32(b[2]) << 16) | (quint32(b[1]) << 8) | b[0]);
                }
        } else {
            cv::Mat eight;
            px.pixels.convertTo(eight, CV_8U); // 16-bit values above 255 are refused by the mask check
            int hist[256] = {};
            for (int y = 0; y < eight.rows; ++y)
                for (int x = 0; x < eight.cols; ++x)
                    ++hist[eight.at<uchar>(y, x)];
            for (int k = 0; k < 256; ++k)
                if (hist[k] > 0)
                    v.insert(k);
        }
        std::lock_guard<std::mutex> lock(mutex);
        values.insert(v.begin(), v.end());
        colours.insert(c.begin(), c.end());
    });
    ClassList list;
    values.erase(0);
    colours.erase(0);
    if (!colours.empty()) {
        list.coding.colourToClass[0] = 0;
        for (quint32 c : colours) {
            list.classes.append(QStringLiteral("#%1").arg(c, 6, 16, QLatin1Char('0')));
            list.coding.colourToClass[c] = int(list.classes.size());
        }
        return list;
    }
    const bool binary = values.size() == 1; // 0/1 or 0/255: one class
    if (binary) {
        list.classes.append(QStringLiteral("foreground"));
        std::fill(list.coding.valueToClass.begin() + 1, list.coding.valueToClass.end(), 1);
        return list;
    }
    values.erase(MaskCoding::kIgnore);
    const int most = values.empty() ? 0 : *values.rbegin();
    for (int k = 1; k <= most; ++k)
        list.classes.append(QString::number(k));
    return list;
}

QString relativeName(const QString &root, const QString &path)
{
    return QDir(root).relativeFilePath(path);
}

} // namespace

Recognised recogniseMaskFolders(const QString &dir)
{
    const std::vector<FolderPair> pairs = findPairs(dir);
    if (pairs.empty())
        return {};
    const QString masksName = QFileInfo(pairs.front().masks).fileName();
    const QString imagesName = QFileInfo(pairs.front().images).fileName();
    // A masks folder must hold images (PNG masks), not YOLO's .txt or VOC's XML.
    bool anyMask = false;
    for (const FolderPair &p : pairs)
        anyMask = anyMask || !imageFiles(p.masks).isEmpty();
    if (!anyMask)
        return {};
    const QString layout = pairs.front().split != SplitName::None
        ? Text::tr("mask folders: %1/ and %2/ under split folders").arg(imagesName, masksName)
        : Text::tr("mask folders: %1/ and %2/ with the same file names").arg(imagesName, masksName);
    return {layout, pairs.front().masks};
}

Dataset importMaskFolders(const QString &root)
{
    const QFileInfo info(root);
    if (!info.isDir())
        throw DatasetError(Text::tr("not a folder: %1").arg(root));
    Dataset ds;
    ds.format = QStringLiteral("masks");
    ds.root = info.absoluteFilePath();
    ds.maskLayout = true;
    const std::vector<FolderPair> pairs = findPairs(ds.root);
    if (pairs.empty())
        throw DatasetError(Text::tr("no images/ and masks/ folders in %1").arg(root));
    const Recognised recognised = recogniseMaskFolders(ds.root);
    ds.layout = recognised.layout;
    ds.layoutSource = recognised.source;

    int unmaskedVoc = 0;
    for (const FolderPair &pair : pairs) {
        // A mask's stem is its image's, or the image's with "_mask" after it.
        QHash<QString, QString> maskByStem;
        QSet<QString> used;
        const QFileInfoList masks = imageFiles(pair.masks);
        for (const QFileInfo &m : masks) {
            QString stem = m.completeBaseName();
            if (stem.endsWith(QLatin1String("_mask")))
                stem.chop(5);
            maskByStem.insert(stem, m.absoluteFilePath());
        }
        // VOC keeps every image in JPEGImages/ and masks a subset: unmasked images are not errors there.
        const bool subset = QFileInfo(pair.images).fileName().toLower() == QLatin1String("jpegimages");
        for (const QFileInfo &image : imageFiles(pair.images)) {
            const auto it = maskByStem.constFind(image.completeBaseName());
            if (it == maskByStem.constEnd()) {
                if (subset)
                    ++unmaskedVoc;
                else
                    ds.badFiles.push_back({image.absoluteFilePath(),
                        Text::tr("no mask for this image in %1 (looked for %2.png)")
                            .arg(relativeName(ds.root, pair.masks) + QLatin1Char('/'), image.completeBaseName())});
                continue;
            }
            Sample s;
            s.path = image.absoluteFilePath();
            s.split = pair.split;
            s.mask.path = it.value();
            used.insert(it.value());
            ds.samples.push_back(std::move(s));
        }
        for (const QFileInfo &m : masks)
            if (!used.contains(m.absoluteFilePath()))
                ds.badFiles.push_back({m.absoluteFilePath(),
                    Text::tr("mask without an image of the same name in %1")
                        .arg(relativeName(ds.root, pair.images) + QLatin1Char('/'))});
    }
    if (unmaskedVoc > 0)
        ds.warnings.append(Text::tr("%n image(s) have no mask and are left out", nullptr, unmaskedVoc));

    QStringList places = {ds.root};
    for (const FolderPair &pair : pairs)
        for (const QString &dir : {pair.masks, QFileInfo(pair.masks).absolutePath()})
            if (!places.contains(dir))
                places.append(dir);
    ClassList list = findClassList(places);
    if (list.source.isEmpty()) {
        list = classesFromMasks(ds.samples);
        if (!ds.samples.empty())
            ds.warnings.append(Text::tr("no classes.txt or labelmap.txt beside the masks: classes are named by their "
                                        "mask values (%1)")
                                   .arg(list.classes.join(QLatin1String(", "))));
    }
    ds.classes = list.classes;
    ds.maskCoding = list.coding;
    return ds;
}

Recognised recogniseMvtec(const QString &dir)
{
    const auto isCategory = [](const QString &d) {
        return QFileInfo(QDir(d).filePath(QStringLiteral("train/good"))).isDir()
            && QFileInfo(QDir(d).filePath(QStringLiteral("test"))).isDir()
            && QFileInfo(QDir(d).filePath(QStringLiteral("ground_truth"))).isDir();
    };
    if (isCategory(dir))
        return {Text::tr("MVTec AD: train/good/, test/<defect>/ and ground_truth/"),
            QDir(dir).filePath(QStringLiteral("ground_truth"))};
    for (const QString &sub : QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        if (isCategory(QDir(dir).filePath(sub)))
            return {Text::tr("MVTec AD: categories with train/good/, test/<defect>/ and ground_truth/"), dir};
    return {};
}

Dataset importMvtec(const QString &root)
{
    const QFileInfo info(root);
    if (!info.isDir())
        throw DatasetError(Text::tr("not a folder: %1").arg(root));
    Dataset ds;
    ds.format = QStringLiteral("mvtec");
    ds.root = info.absoluteFilePath();
    ds.maskLayout = true;
    const Recognised recognised = recogniseMvtec(ds.root);
    if (!recognised.matched())
        throw DatasetError(Text::tr("no MVTec AD layout (train/good/, test/, ground_truth/) in %1").arg(root));
    ds.layout = recognised.layout;
    ds.layoutSource = recognised.source;

    // One category (the folder itself), or every category under it, named in the class names.
    QStringList categories;
    const bool single = QFileInfo(QDir(ds.root).filePath(QStringLiteral("train/good"))).isDir();
    if (single) {
        categories.append(QString());
    } else {
        for (const QString &sub : QDir(ds.root).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            if (QFileInfo(QDir(ds.root).filePath(sub + QStringLiteral("/train/good"))).isDir())
                categories.append(sub);
    }
    // Classes first, in name order, so that class ids do not depend on which images are broken.
    for (const QString &category : categories) {
        const QDir test(
            QDir(ds.root).filePath(category.isEmpty() ? QStringLiteral("test") : category + QStringLiteral("/test")));
        for (const QString &defect : test.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            if (defect != QLatin1String("good"))
                ds.classIndex(category.isEmpty() ? defect : category + QLatin1Char('/') + defect);
    }
    for (const QString &category : categories) {
        const QDir base(category.isEmpty() ? ds.root : QDir(ds.root).filePath(category));
        for (const QFileInfo &image : imageFiles(base.filePath(QStringLiteral("train/good")))) {
            Sample s;
            s.path = image.absoluteFilePath();
            s.split = SplitName::Train;
            ds.samples.push_back(std::move(s));
        }
        const QDir test(base.filePath(QStringLiteral("test")));
        for (const QString &defect : test.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            const bool good = defect == QLatin1String("good");
            const int classId = good
                ? -1
                : int(ds.classes.indexOf(category.isEmpty() ? defect : category + QLatin1Char('/') + defect));
            const QDir truth(base.filePath(QStringLiteral("ground_truth/") + defect));
            for (const QFileInfo &image : imageFiles(test.filePath(defect))) {
                Sample s;
                s.path = image.absoluteFilePath();
                s.split = SplitName::Test;
                if (!good) {
                    const QString mask = truth.filePath(image.completeBaseName() + QStringLiteral("_mask.png"));
                    if (!QFileInfo(mask).isFile()) {
                        ds.badFiles.push_back({s.path, Text::tr("no mask %1").arg(relativeName(ds.root, mask))});
                        continue;
                    }
                    s.mask.path = mask;
                    s.mask.foregroundClass = classId;
                }
                ds.samples.push_back(std::move(s));
            }
        }
    }
    return ds;
}

} // namespace loupe::importers
