#include "eval/DetectionMetrics.h"

#include "AtomicFile.h"
#include "dataset/Errors.h"

#include <QCoreApplication>
#include <QFile>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <unordered_map>

namespace loupe {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::DetectionMetrics)
};

using json = nlohmann::json;

// COCOeval's Params.setDetParams for bbox.
constexpr int kMaxDetections = 100;
constexpr int kIou50 = 0; // indexes into cocoIouThresholds() where COCO's np.where finds .5 and .75
constexpr int kIou75 = 5;

struct AreaRange {
    double low;
    double high;
};
// all, small, medium, large: [0², 1e5²], [0², 32²], [32², 96²], [96², 1e5²], bounds inclusive.
constexpr AreaRange kAreaRanges[] = {{0, 1e10}, {0, 1024}, {1024, 9216}, {9216, 1e10}};
constexpr int kAreaAll = 0;
constexpr int kAreaCount = 4;
constexpr int kMaxDetsSettings[] = {1, 10, 100};
constexpr int kMaxDetsCount = 3;

// numpy.linspace(start, stop, num): start + i * ((stop - start) / (num - 1)), the last one set to stop.
std::vector<double> linspace(double start, double stop, int num)
{
    std::vector<double> v(static_cast<std::size_t>(num));
    const double step = (stop - start) / double(num - 1);
    for (int i = 0; i < num; ++i)
        v[std::size_t(i)] = double(i) * step + start;
    v.back() = stop;
    return v;
}

bool finite(const BoxXywh &b)
{
    return std::isfinite(b.x) && std::isfinite(b.y) && std::isfinite(b.w) && std::isfinite(b.h);
}

// COCOeval.evaluateImg's result for one image, category and area range.
struct ImageEval {
    std::vector<double> scores; // D, highest first
    std::vector<char> gtIgnore; // G, in matching order
    std::vector<std::vector<char>> matched; // T x D
    std::vector<std::vector<char>> ignored; // T x D
};

// One image and category: the ground truth in input order, the detections sorted and cut to 100,
// and their IoUs (detection x ground truth), shared by the four area ranges.
struct Cell {
    std::vector<const GroundTruthBox *> truth;
    std::vector<const CocoDetection *> detections;
    std::vector<std::vector<double>> iou;
};

double truthArea(const GroundTruthBox &g)
{
    return g.area < 0 ? g.box.w * g.box.h : g.area;
}

ImageEval evaluateImage(const Cell &cell, const AreaRange &range)
{
    const std::vector<double> &thresholds = cocoIouThresholds();
    const std::size_t T = thresholds.size();
    const std::size_t G = cell.truth.size();
    const std::size_t D = cell.detections.size();
    const auto outside = [&](double area) { return area < range.low || area > range.high; };

    // Ground truth counted first, ignored last, in input order otherwise (COCO's stable mergesort).
    std::vector<char> ignore(G);
    for (std::size_t g = 0; g < G; ++g)
        ignore[g] = cell.truth[g]->crowd || outside(truthArea(*cell.truth[g]));
    std::vector<std::size_t> order(G);
    for (std::size_t g = 0; g < G; ++g)
        order[g] = g;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return ignore[a] < ignore[b]; });

    ImageEval e;
    e.scores.resize(D);
    for (std::size_t d = 0; d < D; ++d)
        e.scores[d] = cell.detections[d]->score;
    e.gtIgnore.resize(G);
    for (std::size_t g = 0; g < G; ++g)
        e.gtIgnore[g] = ignore[order[g]];
    e.matched.assign(T, std::vector<char>(D, 0));
    e.ignored.assign(T, std::vector<char>(D, 0));

    for (std::size_t t = 0; t < T; ++t) {
        std::vector<char> gtMatched(G, 0);
        for (std::size_t d = 0; d < D; ++d) {
            double best = std::min(thresholds[t], 1 - 1e-10);
            std::ptrdiff_t m = -1;
            for (std::size_t g = 0; g < G; ++g) {
                const GroundTruthBox &truth = *cell.truth[order[g]];
                if (gtMatched[g] && !truth.crowd)
                    continue; // taken, and only a crowd region can be matched again
                if (m > -1 && !e.gtIgnore[std::size_t(m)] && e.gtIgnore[g])
                    break; // a counted match beats any ignored box
                const double iou = cell.iou[d][order[g]];
                if (iou < best)
                    continue;
                best = iou; // >=: on a tie the later box wins, as in COCOeval
                m = std::ptrdiff_t(g);
            }
            if (m == -1)
                continue;
            e.ignored[t][d] = e.gtIgnore[std::size_t(m)];
            e.matched[t][d] = 1;
            gtMatched[std::size_t(m)] = 1;
        }
        // Unmatched detections outside the area range are neither right nor wrong.
        for (std::size_t d = 0; d < D; ++d) {
            const BoxXywh &b = cell.detections[d]->box;
            if (!e.matched[t][d] && outside(b.w * b.h))
                e.ignored[t][d] = 1;
        }
    }
    return e;
}

// COCOeval.accumulate for one category, area range and detection limit.
struct Accumulated {
    bool valid = false; // false: no ground truth that counts (COCO's -1)
    std::vector<std::vector<double>> precision; // T x R
    std::vector<std::vector<double>> scores; // T x R
    std::vector<double> recall; // T
    int detections = 0;
};

Accumulated accumulate(const std::vector<const ImageEval *> &images, int maxDet)
{
    Accumulated acc;
    if (images.empty())
        return acc;
    const std::vector<double> &recallThresholds = cocoRecallThresholds();
    const std::size_t T = cocoIouThresholds().size();
    const std::size_t R = recallThresholds.size();

    struct Ref {
        const ImageEval *image;
        std::size_t index;
    };
    std::vector<Ref> refs;
    long long counted = 0;
    for (const ImageEval *e : images) {
        const std::size_t n = std::min(e->scores.size(), std::size_t(maxDet));
        for (std::size_t d = 0; d < n; ++d)
            refs.push_back({e, d});
        counted += std::count(e->gtIgnore.begin(), e->gtIgnore.end(), char(0));
    }
    if (counted == 0)
        return acc;
    // Image by image, each highest first; ties across images stay in image order (stable sort).
    std::stable_sort(refs.begin(), refs.end(),
        [](const Ref &a, const Ref &b) { return a.image->scores[a.index] > b.image->scores[b.index]; });

    acc.valid = true;
    acc.detections = int(refs.size());
    acc.precision.assign(T, std::vector<double>(R, 0.0));
    acc.scores.assign(T, std::vector<double>(R, 0.0));
    acc.recall.assign(T, 0.0);
    const std::size_t nd = refs.size();
    const double eps = std::numeric_limits<double>::epsilon(); // np.spacing(1)
    std::vector<double> rc(nd);
    std::vector<double> pr(nd);
    for (std::size_t t = 0; t < T; ++t) {
        double tp = 0;
        double fp = 0;
        for (std::size_t i = 0; i < nd; ++i) {
            const Ref &r = refs[i];
            if (!r.image->ignored[t][r.index]) {
                if (r.image->matched[t][r.index])
                    tp += 1;
                else
                    fp += 1;
            }
            rc[i] = tp / double(counted);
            pr[i] = tp / (fp + tp + eps);
        }
        acc.recall[t] = nd ? rc[nd - 1] : 0.0;
        // Precision made monotone from the right (the interpolation).
        for (std::size_t i = nd; i-- > 1;)
            if (pr[i] > pr[i - 1])
                pr[i - 1] = pr[i];
        // np.searchsorted(rc, recThrs, side='left'); past the last recall reached the precision stays 0.
        for (std::size_t ri = 0; ri < R; ++ri) {
            const std::size_t pi
                = std::size_t(std::lower_bound(rc.begin(), rc.end(), recallThresholds[ri]) - rc.begin());
            if (pi >= nd)
                break;
            acc.precision[t][ri] = pr[pi];
            acc.scores[t][ri] = refs[pi].image->scores[refs[pi].index];
        }
    }
    return acc;
}

// Mean of a category's precision over IoU thresholds (all, or one) and recall thresholds.
double meanPrecision(const Accumulated &acc, int iouIndex = -1)
{
    if (!acc.valid)
        return -1;
    double sum = 0;
    std::size_t n = 0;
    for (std::size_t t = 0; t < acc.precision.size(); ++t) {
        if (iouIndex >= 0 && t != std::size_t(iouIndex))
            continue;
        for (double p : acc.precision[t])
            sum += p;
        n += acc.precision[t].size();
    }
    return sum / double(n);
}

double meanRecall(const Accumulated &acc)
{
    if (!acc.valid)
        return -1;
    double sum = 0;
    for (double r : acc.recall)
        sum += r;
    return sum / double(acc.recall.size());
}

// COCOeval.summarize's mean over categories of values that are not -1 (every category weighs the same).
double meanOverCategories(const std::vector<double> &values)
{
    double sum = 0;
    int n = 0;
    for (double v : values)
        if (v > -1) {
            sum += v;
            ++n;
        }
    return n ? sum / n : -1;
}

} // namespace

std::array<double, 12> DetectionMetrics::cocoStats() const
{
    return {map, ap50, ap75, apSmall, apMedium, apLarge, ar1, ar10, ar100, arSmall, arMedium, arLarge};
}

const std::vector<double> &cocoIouThresholds()
{
    static const std::vector<double> v = linspace(0.5, 0.95, 10);
    return v;
}

const std::vector<double> &cocoRecallThresholds()
{
    static const std::vector<double> v = linspace(0.0, 1.0, 101);
    return v;
}

double cocoIou(const BoxXywh &d, const BoxXywh &g, bool crowd)
{
    // pycocotools' bbIou (maskApi.c), operation for operation.
    const double ga = g.w * g.h;
    const double da = d.w * d.h;
    const double w = std::fmin(d.w + d.x, g.w + g.x) - std::fmax(d.x, g.x);
    if (w <= 0)
        return 0;
    const double h = std::fmin(d.h + d.y, g.h + g.y) - std::fmax(d.y, g.y);
    if (h <= 0)
        return 0;
    const double i = w * h;
    const double u = crowd ? da : da + ga - i;
    return i / u;
}

DetectionMetrics evaluateDetections(const DetectionGroundTruth &truth, const std::vector<CocoDetection> &detections)
{
    // COCOeval evaluates np.unique(imgIds): sorted, each once. Ties in score across images follow this order.
    std::vector<qint64> imageIds = truth.imageIds;
    std::sort(imageIds.begin(), imageIds.end());
    imageIds.erase(std::unique(imageIds.begin(), imageIds.end()), imageIds.end());
    std::unordered_map<qint64, std::size_t> imageIndex;
    for (std::size_t i = 0; i < imageIds.size(); ++i)
        imageIndex.emplace(imageIds[i], i);
    std::unordered_map<int, std::size_t> categoryIndex;
    for (std::size_t k = 0; k < truth.categories.size(); ++k)
        if (!categoryIndex.emplace(truth.categories[k].id, k).second)
            throw std::invalid_argument(
                Text::tr("category id %1 is listed twice").arg(truth.categories[k].id).toStdString());

    const std::size_t I = imageIds.size();
    const std::size_t K = truth.categories.size();
    std::vector<Cell> cells(I * K); // category-major
    DetectionMetrics out;
    out.images = int(I);

    for (std::size_t n = 0; n < truth.boxes.size(); ++n) {
        const GroundTruthBox &g = truth.boxes[n];
        if (!finite(g.box) || std::isnan(g.area))
            throw std::invalid_argument(
                Text::tr("ground-truth box %1 has a coordinate or area that is not a number").arg(n).toStdString());
        const auto img = imageIndex.find(g.imageId);
        if (img == imageIndex.end())
            throw std::invalid_argument(Text::tr("ground-truth box %1 is on image id %2, which is not evaluated")
                                            .arg(n)
                                            .arg(g.imageId)
                                            .toStdString());
        const auto cat = categoryIndex.find(g.categoryId);
        if (cat == categoryIndex.end())
            throw std::invalid_argument(Text::tr("ground-truth box %1 has category id %2, which is not listed")
                                            .arg(n)
                                            .arg(g.categoryId)
                                            .toStdString());
        cells[cat->second * I + img->second].truth.push_back(&g);
    }
    for (std::size_t n = 0; n < detections.size(); ++n) {
        const CocoDetection &d = detections[n];
        if (!finite(d.box) || !std::isfinite(d.score))
            throw std::invalid_argument(
                Text::tr("detection %1 has a coordinate or score that is not a number").arg(n).toStdString());
        const auto img = imageIndex.find(d.imageId);
        if (img == imageIndex.end())
            throw std::invalid_argument(
                Text::tr("detection %1 is on image id %2, which is not evaluated").arg(n).arg(d.imageId).toStdString());
        const auto cat = categoryIndex.find(d.categoryId);
        if (cat == categoryIndex.end()) {
            ++out.unknownCategoryDetections;
            continue;
        }
        cells[cat->second * I + img->second].detections.push_back(&d);
    }

    for (Cell &cell : cells) {
        std::stable_sort(cell.detections.begin(), cell.detections.end(),
            [](const CocoDetection *a, const CocoDetection *b) { return a->score > b->score; });
        if (cell.detections.size() > std::size_t(kMaxDetections))
            cell.detections.resize(std::size_t(kMaxDetections));
        cell.iou.assign(cell.detections.size(), std::vector<double>(cell.truth.size()));
        for (std::size_t d = 0; d < cell.detections.size(); ++d)
            for (std::size_t g = 0; g < cell.truth.size(); ++g)
                cell.iou[d][g] = cocoIou(cell.detections[d]->box, cell.truth[g]->box, cell.truth[g]->crowd);
    }

    // acc[k][area][maxDets setting]
    std::vector<std::array<std::array<Accumulated, kMaxDetsCount>, kAreaCount>> acc(K);
    for (std::size_t k = 0; k < K; ++k) {
        for (int a = 0; a < kAreaCount; ++a) {
            std::vector<ImageEval> evals;
            evals.reserve(I);
            std::vector<const ImageEval *> present; // COCOeval's None (no boxes, no detections) left out
            for (std::size_t i = 0; i < I; ++i) {
                const Cell &cell = cells[k * I + i];
                if (cell.truth.empty() && cell.detections.empty())
                    continue;
                evals.push_back(evaluateImage(cell, kAreaRanges[a]));
            }
            for (const ImageEval &e : evals)
                present.push_back(&e);
            for (int m = 0; m < kMaxDetsCount; ++m)
                acc[k][std::size_t(a)][std::size_t(m)] = accumulate(present, kMaxDetsSettings[m]);
        }
    }

    constexpr std::size_t at100 = kMaxDetsCount - 1;
    std::vector<double> ap(K), ap50(K), ap75(K), apS(K), apM(K), apL(K), ar1(K), ar10(K), ar100(K), arS(K), arM(K),
        arL(K);
    for (std::size_t k = 0; k < K; ++k) {
        const Accumulated &all = acc[k][kAreaAll][at100];
        ap[k] = meanPrecision(all);
        ap50[k] = meanPrecision(all, kIou50);
        ap75[k] = meanPrecision(all, kIou75);
        apS[k] = meanPrecision(acc[k][1][at100]);
        apM[k] = meanPrecision(acc[k][2][at100]);
        apL[k] = meanPrecision(acc[k][3][at100]);
        ar1[k] = meanRecall(acc[k][kAreaAll][0]);
        ar10[k] = meanRecall(acc[k][kAreaAll][1]);
        ar100[k] = meanRecall(all);
        arS[k] = meanRecall(acc[k][1][at100]);
        arM[k] = meanRecall(acc[k][2][at100]);
        arL[k] = meanRecall(acc[k][3][at100]);

        DetectionClassMetrics c;
        c.categoryId = truth.categories[k].id;
        c.name = truth.categories[k].name;
        c.ap = ap[k];
        c.ap50 = ap50[k];
        c.ap75 = ap75[k];
        c.apSmall = apS[k];
        c.apMedium = apM[k];
        c.apLarge = apL[k];
        c.recall = ar100[k];
        for (std::size_t i = 0; i < I; ++i) {
            const Cell &cell = cells[k * I + i];
            c.support += int(
                std::count_if(cell.truth.begin(), cell.truth.end(), [](const GroundTruthBox *g) { return !g->crowd; }));
            c.detections += int(cell.detections.size());
        }
        if (all.valid) {
            c.precision50 = all.precision[kIou50];
            c.scores50 = all.scores[kIou50];
        }
        out.perClass.push_back(std::move(c));
    }
    out.map = meanOverCategories(ap);
    out.ap50 = meanOverCategories(ap50);
    out.ap75 = meanOverCategories(ap75);
    out.apSmall = meanOverCategories(apS);
    out.apMedium = meanOverCategories(apM);
    out.apLarge = meanOverCategories(apL);
    out.ar1 = meanOverCategories(ar1);
    out.ar10 = meanOverCategories(ar10);
    out.ar100 = meanOverCategories(ar100);
    out.arSmall = meanOverCategories(arS);
    out.arMedium = meanOverCategories(arM);
    out.arLarge = meanOverCategories(arL);
    return out;
}

namespace cocoresults {

namespace {

QString describe(const json &v)
{
    switch (v.type()) {
    case json::value_t::null:
        return QStringLiteral("null");
    case json::value_t::boolean:
        return Text::tr("a boolean");
    case json::value_t::string:
        return Text::tr("a string");
    case json::value_t::array:
        return Text::tr("an array");
    case json::value_t::object:
        return Text::tr("an object");
    default:
        return Text::tr("a number");
    }
}

struct Reader {
    QString file;

    [[noreturn]] void fail(const QString &place, const QString &problem) const
    {
        throw LabelFileError(file, place, problem);
    }

    const json &member(const json &object, const char *key, const QString &path) const
    {
        const auto it = object.find(key);
        if (it == object.end())
            fail(path, Text::tr("expected the key \"%1\"").arg(QLatin1String(key)));
        return *it;
    }

    double number(const json &v, const QString &path) const
    {
        if (!v.is_number())
            fail(path, Text::tr("expected a number, found %1").arg(describe(v)));
        const double d = v.get<double>();
        if (!std::isfinite(d))
            fail(path, Text::tr("expected a finite number"));
        return d;
    }

    qint64 wholeNumber(const json &v, const QString &path, qint64 low, qint64 high) const
    {
        qint64 n = 0;
        if (v.is_number_unsigned()) {
            const auto u = v.get<std::uint64_t>();
            if (u > std::uint64_t(high))
                fail(path, Text::tr("expected a whole number from %1 to %2, found %3").arg(low).arg(high).arg(u));
            n = qint64(u);
        } else if (v.is_number_integer()) {
            n = v.get<qint64>();
        } else if (v.is_number_float() && std::fabs(v.get<double>()) < 9e18
            && v.get<double>() == std::floor(v.get<double>())) {
            n = qint64(v.get<double>()); // some tools write ids as 3.0
        } else {
            fail(path,
                Text::tr("expected a whole number, found %1")
                    .arg(v.is_number() ? QString::number(v.get<double>(), 'g', 17) : describe(v)));
        }
        if (n < low || n > high)
            fail(path, Text::tr("expected a whole number from %1 to %2, found %3").arg(low).arg(high).arg(n));
        return n;
    }
};

QString at(const QString &path, const char *key)
{
    return path + QLatin1Char('.') + QLatin1String(key);
}

QString at(const QString &path, std::size_t index)
{
    return path + QLatin1Char('[') + QString::number(qulonglong(index)) + QLatin1Char(']');
}

} // namespace

QByteArray toJson(const std::vector<CocoDetection> &detections)
{
    json list = json::array();
    for (const CocoDetection &d : detections) {
        json o = json::object();
        o["image_id"] = d.imageId;
        o["category_id"] = d.categoryId;
        o["bbox"] = json::array({d.box.x, d.box.y, d.box.w, d.box.h});
        o["score"] = d.score;
        if (!d.fileName.isEmpty())
            o["file_name"] = d.fileName.toStdString();
        list.push_back(std::move(o));
    }
    // nlohmann writes doubles with 17 significant digits: they read back exactly.
    return QByteArray::fromStdString(list.dump()) + '\n';
}

std::vector<CocoDetection> fromJson(const QByteArray &bytes, const QString &file)
{
    const Reader r {file.isEmpty() ? Text::tr("COCO results") : file};
    json root;
    try {
        root = json::parse(bytes.constBegin(), bytes.constEnd());
    } catch (const json::exception &e) {
        // "[json.exception.parse_error.101] parse error at line 1, column 9: ..." without the bracket.
        QString detail = QString::fromUtf8(e.what());
        const int close = int(detail.indexOf(QLatin1String("] ")));
        if (detail.startsWith(QLatin1Char('[')) && close >= 0)
            detail = detail.mid(close + 2);
        r.fail(QString(), Text::tr("expected valid JSON: %1").arg(detail));
    }
    if (!root.is_array())
        r.fail(QString(), Text::tr("expected an array of detections, found %1").arg(describe(root)));

    std::vector<CocoDetection> out;
    out.reserve(root.size());
    for (std::size_t i = 0; i < root.size(); ++i) {
        const json &o = root[i];
        const QString path = at(QString(), i);
        if (!o.is_object())
            r.fail(path, Text::tr("expected an object, found %1").arg(describe(o)));
        CocoDetection d;
        d.imageId = r.wholeNumber(r.member(o, "image_id", path), at(path, "image_id"),
            std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max());
        d.categoryId = int(r.wholeNumber(r.member(o, "category_id", path), at(path, "category_id"),
            std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
        const QString boxPath = at(path, "bbox");
        const json &box = r.member(o, "bbox", path);
        if (!box.is_array() || box.size() != 4)
            r.fail(boxPath,
                box.is_array() ? Text::tr("expected 4 numbers [x, y, w, h], found %1").arg(box.size())
                               : Text::tr("expected [x, y, w, h], found %1").arg(describe(box)));
        d.box.x = r.number(box[0], at(boxPath, std::size_t(0)));
        d.box.y = r.number(box[1], at(boxPath, std::size_t(1)));
        d.box.w = r.number(box[2], at(boxPath, std::size_t(2)));
        d.box.h = r.number(box[3], at(boxPath, std::size_t(3)));
        d.score = r.number(r.member(o, "score", path), at(path, "score"));
        const auto name = o.find("file_name");
        if (name != o.end()) {
            if (!name->is_string())
                r.fail(at(path, "file_name"), Text::tr("expected a string, found %1").arg(describe(*name)));
            d.fileName = QString::fromStdString(name->get<std::string>());
        }
        out.push_back(std::move(d));
    }
    return out;
}

QString write(const QString &file, const std::vector<CocoDetection> &detections)
{
    return writeFileAtomically(file, toJson(detections));
}

std::vector<CocoDetection> read(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        throw LabelFileError(file, QString(), Text::tr("cannot read it: %1").arg(f.errorString()));
    return fromJson(f.readAll(), file);
}

} // namespace cocoresults

} // namespace loupe
