#include "eval/DetectionReview.h"

#include "dataset/Errors.h"
#include "project/RunFolder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <numeric>

namespace loupe {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::DetectionReview)
};

BoxXywh xywh(const QRectF &r)
{
    return {r.x(), r.y(), r.width(), r.height()};
}

void reviewImage(const ReviewImage &in, int imageIndex, int classCount, double threshold, double iouThreshold,
                 ImageReview &out, DetectionReview &review)
{
    const int bg = classCount;
    out.truth.assign(in.truth.size(), ReviewedBox{BoxVerdict::Missed, -1, 0});
    out.detections.assign(in.detections.size(), ReviewedBox{});
    auto classOk = [classCount](int c) { return c >= 0 && c < classCount; };

    std::vector<int> order;
    for (int i = 0; i < int(in.detections.size()); ++i)
        if (in.detections[std::size_t(i)].score >= threshold && classOk(in.detections[std::size_t(i)].classIndex))
            order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return in.detections[std::size_t(a)].score > in.detections[std::size_t(b)].score;
    });

    // Pass 1: same-class matches, greedily in score order.
    std::vector<int> pending;
    for (int d : order) {
        const ReviewDetection &det = in.detections[std::size_t(d)];
        int best = -1;
        double bestIou = 0;
        for (int g = 0; g < int(in.truth.size()); ++g) {
            const ReviewTruth &t = in.truth[std::size_t(g)];
            if (t.crowd || t.classIndex != det.classIndex || out.truth[std::size_t(g)].partner >= 0)
                continue;
            const double iou = cocoIou(xywh(det.box), xywh(t.box), false);
            if (iou >= iouThreshold && iou > bestIou) {
                best = g;
                bestIou = iou;
            }
        }
        if (best >= 0) {
            out.detections[std::size_t(d)] = {BoxVerdict::Matched, best, bestIou};
            out.truth[std::size_t(best)] = {BoxVerdict::Matched, d, bestIou};
            continue;
        }
        bool inCrowd = false;
        for (const ReviewTruth &t : in.truth)
            if (t.crowd && t.classIndex == det.classIndex && cocoIou(xywh(det.box), xywh(t.box), true) >= iouThreshold)
                inCrowd = true;
        if (inCrowd)
            out.detections[std::size_t(d)] = {BoxVerdict::Ignored, -1, 0};
        else
            pending.push_back(d);
    }
    // Pass 2: what is left names another class on an object nothing of its class found, or nothing.
    for (int d : pending) {
        const ReviewDetection &det = in.detections[std::size_t(d)];
        int best = -1;
        double bestIou = 0;
        for (int g = 0; g < int(in.truth.size()); ++g) {
            const ReviewTruth &t = in.truth[std::size_t(g)];
            if (t.crowd || t.classIndex == det.classIndex || !classOk(t.classIndex) || out.truth[std::size_t(g)].partner >= 0)
                continue;
            const double iou = cocoIou(xywh(det.box), xywh(t.box), false);
            if (iou >= iouThreshold && iou > bestIou) {
                best = g;
                bestIou = iou;
            }
        }
        if (best >= 0) {
            out.detections[std::size_t(d)] = {BoxVerdict::WrongClass, best, bestIou};
            out.truth[std::size_t(best)] = {BoxVerdict::WrongClass, d, bestIou};
        } else {
            out.detections[std::size_t(d)] = {BoxVerdict::FalsePositive, -1, 0};
        }
    }

    for (int d = 0; d < int(in.detections.size()); ++d) {
        const ReviewedBox &r = out.detections[std::size_t(d)];
        const int p = in.detections[std::size_t(d)].classIndex;
        switch (r.verdict) {
        case BoxVerdict::Matched:
            ++out.matched;
            ++review.perClass[std::size_t(p)].matched;
            review.cells[std::size_t(p)][std::size_t(p)].push_back({imageIndex, true, d});
            break;
        case BoxVerdict::WrongClass: {
            const int t = in.truth[std::size_t(r.partner)].classIndex;
            ++out.wrongClass;
            ++review.perClass[std::size_t(p)].wrongClass;
            review.cells[std::size_t(t)][std::size_t(p)].push_back({imageIndex, true, d});
            break;
        }
        case BoxVerdict::FalsePositive:
            ++out.falsePositives;
            ++review.perClass[std::size_t(p)].falsePositives;
            review.cells[std::size_t(bg)][std::size_t(p)].push_back({imageIndex, true, d});
            break;
        default:
            break;
        }
    }
    for (int g = 0; g < int(in.truth.size()); ++g) {
        const ReviewTruth &t = in.truth[std::size_t(g)];
        if (t.crowd || !classOk(t.classIndex)) {
            out.truth[std::size_t(g)] = {BoxVerdict::Ignored, -1, 0};
            continue;
        }
        ++review.perClass[std::size_t(t.classIndex)].objects;
        if (out.truth[std::size_t(g)].verdict == BoxVerdict::Missed) {
            ++out.missed;
            ++review.perClass[std::size_t(t.classIndex)].missed;
            review.cells[std::size_t(t.classIndex)][std::size_t(bg)].push_back({imageIndex, false, g});
        }
    }
}

} // namespace

double ClassReview::precision() const
{
    const int predicted = matched + falsePositives + wrongClass;
    return predicted > 0 ? double(matched) / predicted : 0.0;
}

double ClassReview::recall() const
{
    return objects > 0 ? double(matched) / objects : 0.0;
}

std::vector<std::vector<int>> DetectionReview::counts() const
{
    std::vector<std::vector<int>> out(cells.size());
    for (std::size_t t = 0; t < cells.size(); ++t)
        for (const auto &cell : cells[t])
            out[t].push_back(int(cell.size()));
    return out;
}

std::vector<int> DetectionReview::cellImages(int truth, int predicted) const
{
    std::vector<int> out;
    if (truth < 0 || predicted < 0 || truth >= int(cells.size()) || predicted >= int(cells.size()))
        return out;
    for (const BoxRef &r : cells[std::size_t(truth)][std::size_t(predicted)])
        out.push_back(r.image);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

DetectionReview reviewDetections(const std::vector<ReviewImage> &images, const QStringList &classes, double threshold,
                                 double iouThreshold)
{
    DetectionReview review;
    review.classes = classes;
    review.threshold = threshold;
    review.iouThreshold = iouThreshold;
    const int n = int(classes.size());
    review.perClass.assign(std::size_t(n), ClassReview{});
    review.cells.assign(std::size_t(n + 1), std::vector<std::vector<BoxRef>>(std::size_t(n + 1)));
    review.images.resize(images.size());
    for (int i = 0; i < int(images.size()); ++i) {
        ImageReview &r = review.images[std::size_t(i)];
        reviewImage(images[std::size_t(i)], i, n, threshold, iouThreshold, r, review);
        review.matched += r.matched;
        review.missed += r.missed;
        review.falsePositives += r.falsePositives;
        review.wrongClass += r.wrongClass;
    }
    return review;
}

DetectionMetrics evaluateReview(const std::vector<ReviewImage> &images, const QStringList &classes)
{
    DetectionGroundTruth truth;
    std::vector<CocoDetection> detections;
    for (int c = 0; c < int(classes.size()); ++c)
        truth.categories.push_back({c + 1, classes.at(c)});
    for (int i = 0; i < int(images.size()); ++i) {
        const qint64 id = i + 1;
        truth.imageIds.push_back(id);
        for (const ReviewTruth &t : images[std::size_t(i)].truth)
            if (t.classIndex >= 0 && t.classIndex < int(classes.size()))
                truth.boxes.push_back({id, t.classIndex + 1, xywh(t.box), t.crowd, -1});
        for (const ReviewDetection &d : images[std::size_t(i)].detections)
            if (d.classIndex >= 0 && d.classIndex < int(classes.size()))
                detections.push_back({id, d.classIndex + 1, xywh(d.box), d.score, QString()});
    }
    return evaluateDetections(truth, detections);
}

QString verdictName(BoxVerdict verdict)
{
    switch (verdict) {
    case BoxVerdict::Matched:
        return Text::tr("matched");
    case BoxVerdict::FalsePositive:
        return Text::tr("false positive");
    case BoxVerdict::WrongClass:
        return Text::tr("wrong class");
    case BoxVerdict::Missed:
        return Text::tr("missed");
    case BoxVerdict::Ignored:
        return Text::tr("ignored");
    case BoxVerdict::BelowThreshold:
        return Text::tr("below threshold");
    }
    return {};
}

namespace detectionfiles {

QString devPath(const QString &runDir)
{
    return runDir + QStringLiteral("/detections-dev.json");
}

QString testPath(const QString &runDir)
{
    return runDir + QStringLiteral("/detections-test.json");
}

QString imagesPathFor(const QString &detectionsFile)
{
    QString base = detectionsFile;
    if (base.endsWith(QLatin1String(".json")))
        base.chop(5);
    return base + QStringLiteral("-images.json");
}

bool isDetectionRun(const QString &runDir)
{
    QFile f(runfolder::configPath(runDir));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    return QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("task")).toString() == QLatin1String("detect");
}

QStringList evaluatedImages(const QString &detectionsFile, const std::vector<CocoDetection> &detections)
{
    const QString file = imagesPathFor(detectionsFile);
    QStringList out;
    if (QFileInfo::exists(file)) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            throw LabelFileError(file, QString(), Text::tr("cannot read it: %1").arg(f.errorString()));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
        if (error.error != QJsonParseError::NoError)
            throw LabelFileError(file, QString(), Text::tr("not JSON: %1").arg(error.errorString()));
        if (!doc.isArray())
            throw LabelFileError(file, QString(), Text::tr("expected an array of image paths"));
        const QJsonArray a = doc.array();
        for (int i = 0; i < a.size(); ++i) {
            if (!a.at(i).isString())
                throw LabelFileError(file, QStringLiteral("[%1]").arg(i), Text::tr("expected a string (an image path)"));
            out.append(QDir::cleanPath(a.at(i).toString()));
        }
        return out;
    }
    QSet<QString> seen;
    for (const CocoDetection &d : detections) {
        const QString p = QDir::cleanPath(d.fileName);
        if (!d.fileName.isEmpty() && !seen.contains(p)) {
            seen.insert(p);
            out.append(p);
        }
    }
    return out;
}

LoadedDetections load(const QString &runDir, const QString &split, const Dataset &dataset)
{
    LoadedDetections out;
    const QJsonObject config = runfolder::readConfig(runDir);
    for (const QJsonValue &v : config.value(QStringLiteral("dataset")).toObject().value(QStringLiteral("classes")).toArray())
        out.classes.append(v.toString());
    if (out.classes.isEmpty())
        throw DatasetError(Text::tr("%1 names no classes (dataset.classes)").arg(runfolder::configPath(runDir)));

    const QString file = split == QLatin1String("test") ? testPath(runDir) : devPath(runDir);
    const std::vector<CocoDetection> detections = cocoresults::read(file);
    QStringList paths = evaluatedImages(file, detections);

    QHash<QString, int> sampleOfPath;
    for (int i = 0; i < int(dataset.samples.size()); ++i)
        sampleOfPath.insert(QDir::cleanPath(dataset.samples[std::size_t(i)].path), i);
    // Detections without a file_name are placed by image_id: the image's 1-based index in the dataset.
    auto pathOf = [&](const CocoDetection &d) -> QString {
        if (!d.fileName.isEmpty())
            return QDir::cleanPath(d.fileName);
        if (d.imageId >= 1 && d.imageId <= qint64(dataset.samples.size()))
            return QDir::cleanPath(dataset.samples[std::size_t(d.imageId - 1)].path);
        return QString();
    };
    QHash<QString, int> imageOfPath;
    auto addImage = [&](const QString &path) {
        if (imageOfPath.contains(path))
            return;
        const int sample = sampleOfPath.value(path, -1);
        if (sample < 0) {
            ++out.notInDataset;
            imageOfPath.insert(path, -1);
            return;
        }
        ReviewImage image;
        image.path = path;
        image.sampleIndex = sample;
        for (const Annotation &a : dataset.samples[std::size_t(sample)].objects) {
            const int c = a.classId >= 0 && a.classId < dataset.classes.size()
                              ? int(out.classes.indexOf(dataset.classes.at(a.classId)))
                              : -1;
            if (c < 0) {
                ++out.unknownClasses;
                continue;
            }
            image.truth.push_back({c, a.box, a.crowd});
        }
        imageOfPath.insert(path, int(out.images.size()));
        out.images.push_back(std::move(image));
    };
    for (const QString &p : paths)
        addImage(p);
    for (const CocoDetection &d : detections) {
        const QString p = pathOf(d);
        if (p.isEmpty()) {
            ++out.notInDataset;
            continue;
        }
        addImage(p); // a detection on an image the images file left out: evaluated all the same
        const int image = imageOfPath.value(p, -1);
        if (image < 0)
            continue;
        if (d.categoryId < 1 || d.categoryId > out.classes.size()) {
            ++out.unknownClasses;
            continue;
        }
        out.images[std::size_t(image)].detections.push_back(
            {d.categoryId - 1, QRectF(d.box.x, d.box.y, d.box.w, d.box.h), d.score});
    }
    return out;
}

} // namespace detectionfiles

} // namespace loupe
