// COCO detection metrics against figures worked out by hand from pycocotools' COCOeval rules (one
// case per edge case of its evaluateImg / accumulate), the COCO results file (round trip, malformed
// files), and, where python3 has pycocotools, a random case scored by pycocotools itself.

#include "dataset/Errors.h"
#include "eval/DetectionMetrics.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <random>
#include <stdexcept>

using namespace loupe;

namespace {

// pycocotools divides by tp + fp + 2.2e-16, so a perfect precision is 1 - 2.2e-16.
constexpr double kTolerance = 1e-12;

GroundTruthBox truthBox(qint64 image, int category, BoxXywh box, bool crowd = false, double area = -1)
{
    GroundTruthBox g;
    g.imageId = image;
    g.categoryId = category;
    g.box = box;
    g.crowd = crowd;
    g.area = area;
    return g;
}

CocoDetection detection(qint64 image, int category, BoxXywh box, double score)
{
    CocoDetection d;
    d.imageId = image;
    d.categoryId = category;
    d.box = box;
    d.score = score;
    return d;
}

DetectionGroundTruth truthOf(
    std::vector<GroundTruthBox> boxes, std::vector<qint64> images = {1}, std::vector<int> categories = {1})
{
    DetectionGroundTruth t;
    t.imageIds = std::move(images);
    for (int id : categories)
        t.categories.push_back({id, QStringLiteral("class%1").arg(id)});
    t.boxes = std::move(boxes);
    return t;
}

bool near(double a, double b)
{
    return std::abs(a - b) <= kTolerance;
}

#define COMPARE_NEAR(actual, expected)                                                                                 \
    do {                                                                                                               \
        const double a_ = (actual);                                                                                    \
        const double e_ = (expected);                                                                                  \
        if (!near(a_, e_))                                                                                             \
            QFAIL(qPrintable(QStringLiteral("%1 is %2, expected %3")                                                   \
                                 .arg(QLatin1String(#actual))                                                          \
                                 .arg(a_, 0, 'g', 17)                                                                  \
                                 .arg(e_, 0, 'g', 17)));                                                               \
    } while (false)

const BoxXywh kA {0, 0, 10, 10};
const BoxXywh kB {20, 20, 10, 10};
const BoxXywh kNowhere {500, 500, 10, 10};

// Precision 1 up to recall .5, then 2/3: 51 of the 101 recall points at 1, 50 at 2/3.
const double kOneThenTwoThirds = (51 + 50 * 2.0 / 3) / 101;

} // namespace

class TestDetectionMetrics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void thresholdsAreNumpys();
    void iouAsBbIou();
    void perfectDetections();
    void noDetections();
    void categoryWithoutTruthIsLeftOut();
    void falsePositiveAboveTruePositive();
    void tiesInScoreKeepInputOrder();
    void tiesAcrossImagesFollowImageIds();
    void duplicateIsFalsePositive();
    void crowdAbsorbsDetections();
    void countedBoxBeatsCrowd();
    void tieInIouGoesToLaterBox();
    void hundredDetectionsPerImageAndCategory();
    void iouExactlyAtThreshold();
    void areaRanges();
    void areaBoundsAndAreaField();
    void averageRecallByDetectionLimit();
    void meanOverCategories();
    void emptyImageList();
    void refusesInconsistentInput();
    void unknownCategoryDetectionsAreSkipped();
    void resultsRoundTrip();
    void resultsFile();
    void malformedResults_data();
    void malformedResults();
    void matchesPycocotools();
};

void TestDetectionMetrics::thresholdsAreNumpys()
{
    const std::vector<double> &iou = cocoIouThresholds();
    QCOMPARE(iou.size(), std::size_t(10));
    QCOMPARE(iou.front(), 0.5);
    QCOMPARE(iou[5], 0.75); // COCO finds AP75 with np.where(iouThrs == .75): it must be exact
    QCOMPARE(iou[8], 0.8999999999999999);
    QCOMPARE(iou.back(), 0.95);
    const std::vector<double> &recall = cocoRecallThresholds();
    QCOMPARE(recall.size(), std::size_t(101));
    QCOMPARE(recall[7], 0.07);
    QCOMPARE(recall[57], 0.5700000000000001); // 57 * 0.01, not 0.57: decides searchsorted at recall .57
    QCOMPARE(recall.back(), 1.0);
}

void TestDetectionMetrics::iouAsBbIou()
{
    COMPARE_NEAR(cocoIou(kA, kA, false), 1.0);
    COMPARE_NEAR(cocoIou({0, 0, 10, 10}, {5, 0, 10, 10}, false), 50.0 / 150);
    // No +1 on sizes: boxes that touch do not overlap.
    QCOMPARE(cocoIou({0, 0, 10, 10}, {10, 0, 10, 10}, false), 0.0);
    QCOMPARE(cocoIou(kA, kNowhere, false), 0.0);
    // A crowd region: intersection over the detection's area.
    COMPARE_NEAR(cocoIou({140, 100, 20, 10}, {100, 100, 50, 50}, true), 0.5);
    COMPARE_NEAR(cocoIou({105, 105, 10, 10}, {100, 100, 50, 50}, true), 1.0);
}

void TestDetectionMetrics::perfectDetections()
{
    const DetectionMetrics m = evaluateDetections(
        truthOf({truthBox(1, 1, kA), truthBox(1, 1, kB)}), {detection(1, 1, kA, 0.9), detection(1, 1, kB, 0.8)});
    COMPARE_NEAR(m.map, 1.0);
    COMPARE_NEAR(m.ap50, 1.0);
    COMPARE_NEAR(m.ap75, 1.0);
    COMPARE_NEAR(m.ar100, 1.0);
    QCOMPARE(m.images, 1);
    QCOMPARE(m.perClass.size(), std::size_t(1));
    const DetectionClassMetrics &c = m.perClass[0];
    QCOMPARE(c.categoryId, 1);
    QCOMPARE(c.name, QStringLiteral("class1"));
    COMPARE_NEAR(c.ap, 1.0);
    QCOMPARE(c.support, 2);
    QCOMPARE(c.detections, 2);
    QCOMPARE(c.precision50.size(), std::size_t(101));
    for (double p : c.precision50)
        COMPARE_NEAR(p, 1.0);
    // Recall .5 is first reached at the first detection, recall 1 at the second.
    QCOMPARE(c.scores50[50], 0.9);
    QCOMPARE(c.scores50[51], 0.8);
    QCOMPARE(c.scores50[100], 0.8);
}

void TestDetectionMetrics::noDetections()
{
    const DetectionMetrics m = evaluateDetections(truthOf({truthBox(1, 1, kA), truthBox(1, 1, kB)}), {});
    QCOMPARE(m.map, 0.0);
    QCOMPARE(m.ap50, 0.0);
    QCOMPARE(m.ar100, 0.0);
    QCOMPARE(m.perClass[0].ap, 0.0);
    QCOMPARE(m.perClass[0].support, 2);
    QCOMPARE(m.perClass[0].precision50, std::vector<double>(101, 0.0));
}

void TestDetectionMetrics::categoryWithoutTruthIsLeftOut()
{
    // Category 2 has only detections, category 3 only a crowd region: neither has an object to find.
    const DetectionMetrics m = evaluateDetections(
        truthOf({truthBox(1, 1, kA), truthBox(1, 3, kB, true)}, {1}, {1, 2, 3}),
        {detection(1, 1, kA, 0.9), detection(1, 2, kB, 0.8), detection(1, 2, kNowhere, 0.7), detection(1, 3, kA, 0.9)});
    COMPARE_NEAR(m.map, 1.0);
    COMPARE_NEAR(m.ap50, 1.0);
    QCOMPARE(m.perClass.size(), std::size_t(3));
    for (int k : {1, 2}) {
        const DetectionClassMetrics &c = m.perClass[std::size_t(k)];
        QCOMPARE(c.ap, -1.0);
        QCOMPARE(c.ap50, -1.0);
        QCOMPARE(c.recall, -1.0);
        QCOMPARE(c.support, 0);
        QVERIFY(c.precision50.empty());
    }
    QCOMPARE(m.perClass[1].detections, 2);
}

void TestDetectionMetrics::falsePositiveAboveTruePositive()
{
    // FP then TP: precision 0 then 1/2, made monotone from the right: 1/2 at every recall point.
    DetectionMetrics m
        = evaluateDetections(truthOf({truthBox(1, 1, kA)}), {detection(1, 1, kNowhere, 0.9), detection(1, 1, kA, 0.8)});
    COMPARE_NEAR(m.map, 0.5);
    COMPARE_NEAR(m.perClass[0].precision50[0], 0.5);
    COMPARE_NEAR(m.perClass[0].precision50[100], 0.5);
    // The other way round the false positive comes after full recall and costs nothing.
    m = evaluateDetections(truthOf({truthBox(1, 1, kA)}), {detection(1, 1, kNowhere, 0.8), detection(1, 1, kA, 0.9)});
    COMPARE_NEAR(m.map, 1.0);
    // TP, FP, TP with two objects: precision 1 to recall .5, then 2/3.
    m = evaluateDetections(truthOf({truthBox(1, 1, kA), truthBox(1, 1, kB)}),
        {detection(1, 1, kA, 0.9), detection(1, 1, kNowhere, 0.8), detection(1, 1, kB, 0.7)});
    COMPARE_NEAR(m.map, kOneThenTwoThirds);
    COMPARE_NEAR(m.perClass[0].precision50[50], 1.0);
    COMPARE_NEAR(m.perClass[0].precision50[51], 2.0 / 3);
    QCOMPARE(m.perClass[0].scores50[51], 0.7);
}

void TestDetectionMetrics::tiesInScoreKeepInputOrder()
{
    // Equal scores stay in the order given (COCO's stable mergesort): FP first costs half the AP.
    DetectionMetrics m
        = evaluateDetections(truthOf({truthBox(1, 1, kA)}), {detection(1, 1, kNowhere, 0.5), detection(1, 1, kA, 0.5)});
    COMPARE_NEAR(m.map, 0.5);
    m = evaluateDetections(truthOf({truthBox(1, 1, kA)}), {detection(1, 1, kA, 0.5), detection(1, 1, kNowhere, 0.5)});
    COMPARE_NEAR(m.map, 1.0);
}

void TestDetectionMetrics::tiesAcrossImagesFollowImageIds()
{
    // Across images, equal scores are ordered by ascending image id, whatever order the ids are listed in.
    DetectionMetrics m = evaluateDetections(
        truthOf({truthBox(2, 1, kA)}, {2, 1}), {detection(2, 1, kA, 0.5), detection(1, 1, kNowhere, 0.5)});
    COMPARE_NEAR(m.map, 0.5);
    QCOMPARE(m.images, 2);
    m = evaluateDetections(
        truthOf({truthBox(1, 1, kA)}, {2, 1}), {detection(2, 1, kNowhere, 0.5), detection(1, 1, kA, 0.5)});
    COMPARE_NEAR(m.map, 1.0);
}

void TestDetectionMetrics::duplicateIsFalsePositive()
{
    // The second detection of A finds A taken: a false positive between the two true positives.
    const DetectionMetrics m = evaluateDetections(truthOf({truthBox(1, 1, kA), truthBox(1, 1, kB)}),
        {detection(1, 1, kA, 0.9), detection(1, 1, {0, 0, 10, 9.5}, 0.8), detection(1, 1, kB, 0.7)});
    COMPARE_NEAR(m.map, kOneThenTwoThirds);
    QCOMPARE(m.perClass[0].detections, 3);
}

void TestDetectionMetrics::crowdAbsorbsDetections()
{
    const BoxXywh crowd {100, 100, 50, 50};
    const std::vector<CocoDetection> dets {detection(1, 1, {105, 105, 10, 10}, 0.9),
        detection(1, 1, {120, 120, 10, 10}, 0.8), detection(1, 1, {130, 105, 10, 10}, 0.7), detection(1, 1, kA, 0.6)};
    // Three detections inside the crowd region all match it, are ignored, and the object is found first.
    DetectionMetrics m = evaluateDetections(truthOf({truthBox(1, 1, kA), truthBox(1, 1, crowd, true)}), dets);
    COMPARE_NEAR(m.map, 1.0);
    QCOMPARE(m.perClass[0].support, 1);
    // The same region as an ordinary object: IoU 100/2500, three false positives above the true one.
    m = evaluateDetections(truthOf({truthBox(1, 1, kA), truthBox(1, 1, crowd)}), dets);
    QCOMPARE(m.perClass[0].support, 2);
    COMPARE_NEAR(m.map, 0.25 * 51 / 101); // precision 1/4 up to recall 1/2
    // Half inside the region (IoU .5 over its own area): ignored at IoU .5, a false positive above.
    m = evaluateDetections(truthOf({truthBox(1, 1, kA), truthBox(1, 1, crowd, true)}),
        {detection(1, 1, {140, 100, 20, 10}, 0.9), detection(1, 1, kA, 0.8)});
    COMPARE_NEAR(m.ap50, 1.0);
    COMPARE_NEAR(m.ap75, 0.5);
    COMPARE_NEAR(m.map, (1 + 9 * 0.5) / 10);
}

void TestDetectionMetrics::countedBoxBeatsCrowd()
{
    // A detection over both an object (IoU .6) and a crowd region (IoU 1) takes the object: COCO
    // looks at counted boxes first and stops at the first ignored one once it has a match.
    const BoxXywh object {0, 0, 10, 6};
    const BoxXywh crowd {0, 0, 100, 100};
    const DetectionMetrics m = evaluateDetections(
        truthOf({truthBox(1, 1, crowd, true), truthBox(1, 1, object)}), {detection(1, 1, kA, 0.9)});
    COMPARE_NEAR(cocoIou(kA, object, false), 0.6);
    COMPARE_NEAR(m.ap50, 1.0);
    // Above IoU .6 it falls back to the crowd region: ignored, and the object is missed.
    COMPARE_NEAR(m.perClass[0].recall, 0.3);
    COMPARE_NEAR(m.map, 0.3);
}

void TestDetectionMetrics::tieInIouGoesToLaterBox()
{
    // The wide detection has IoU .5 with A and with B; COCO's ">=" hands it to B (the later box),
    // which leaves A for the second detection. At IoU .55 and above the wide one is a false positive.
    const BoxXywh a {0, 0, 10, 10};
    const BoxXywh b {10, 0, 10, 10};
    const DetectionMetrics m = evaluateDetections(truthOf({truthBox(1, 1, a), truthBox(1, 1, b)}),
        {detection(1, 1, {0, 0, 20, 10}, 0.9), detection(1, 1, a, 0.8)});
    COMPARE_NEAR(m.ap50, 1.0);
    COMPARE_NEAR(m.ap75, 0.5 * 51 / 101);
    COMPARE_NEAR(m.map, (1 + 9 * 0.5 * 51 / 101) / 10);
}

void TestDetectionMetrics::hundredDetectionsPerImageAndCategory()
{
    const auto run = [](int falsePositives, int otherCategory) {
        std::vector<CocoDetection> dets {detection(1, 1, kA, 0.001)}; // listed first, scored last
        for (int i = 0; i < falsePositives; ++i)
            dets.push_back(detection(1, 1, {1000.0 + 20 * i, 0, 10, 10}, 1.0 - 0.001 * i));
        for (int i = 0; i < otherCategory; ++i)
            dets.push_back(detection(1, 2, {1000.0 + 20 * i, 0, 10, 10}, 1.0));
        return evaluateDetections(truthOf({truthBox(1, 1, kA)}, {1}, {1, 2}), dets);
    };
    // 99 false positives above it: the true positive is the 100th, precision 1/100 at every recall.
    DetectionMetrics m = run(99, 0);
    COMPARE_NEAR(m.map, 0.01);
    QCOMPARE(m.perClass[0].detections, 100);
    // 100 above it: it is cut.
    m = run(100, 0);
    QCOMPARE(m.map, 0.0);
    QCOMPARE(m.ar100, 0.0);
    QCOMPARE(m.perClass[0].detections, 100);
    // The limit is per category (as COCOeval applies it): 200 of another category cut nothing here.
    m = run(0, 200);
    COMPARE_NEAR(m.map, 1.0);
    QCOMPARE(m.perClass[1].detections, 100);

    // 101 equal scores: the cut keeps the first 100 in input order.
    std::vector<CocoDetection> dets;
    for (int i = 0; i < 100; ++i)
        dets.push_back(detection(1, 1, {1000.0 + 20 * i, 0, 10, 10}, 0.5));
    dets.push_back(detection(1, 1, kA, 0.5));
    QCOMPARE(evaluateDetections(truthOf({truthBox(1, 1, kA)}), dets).map, 0.0);
    std::rotate(dets.begin(), dets.end() - 1, dets.end());
    COMPARE_NEAR(evaluateDetections(truthOf({truthBox(1, 1, kA)}), dets).map, 1.0);
}

void TestDetectionMetrics::iouExactlyAtThreshold()
{
    // IoU exactly .5 matches at .5 only ("IoU >= threshold"): AP50 1, AP 1/10.
    DetectionMetrics m = evaluateDetections(truthOf({truthBox(1, 1, kA)}), {detection(1, 1, {0, 0, 10, 5}, 0.9)});
    QCOMPARE(cocoIou({0, 0, 10, 5}, kA, false), 0.5);
    COMPARE_NEAR(m.ap50, 1.0);
    QCOMPARE(m.ap75, 0.0);
    COMPARE_NEAR(m.map, 0.1);
    COMPARE_NEAR(m.perClass[0].recall, 0.1);
    // Exactly .75: matched at .50 to .75, six of ten thresholds.
    m = evaluateDetections(truthOf({truthBox(1, 1, kA)}), {detection(1, 1, {0, 0, 10, 7.5}, 0.9)});
    COMPARE_NEAR(m.ap75, 1.0);
    COMPARE_NEAR(m.map, 0.6);
    // Exactly .9 clears COCO's ".9" (0.8999999999999999), not .95: nine of ten.
    m = evaluateDetections(truthOf({truthBox(1, 1, kA)}), {detection(1, 1, {0, 0, 10, 9}, 0.9)});
    COMPARE_NEAR(m.map, 0.9);
    // IoU 1 clears .95 (COCO caps a threshold at 1 - 1e-10, which only thresholds of 1 feel).
    m = evaluateDetections(truthOf({truthBox(1, 1, kA)}), {detection(1, 1, kA, 0.9)});
    COMPARE_NEAR(m.map, 1.0);
    // Just under .5 (49.9/100): nothing.
    m = evaluateDetections(truthOf({truthBox(1, 1, kA)}), {detection(1, 1, {0, 0, 10, 4.99}, 0.9)});
    QCOMPARE(m.map, 0.0);
}

void TestDetectionMetrics::areaRanges()
{
    // A small object found, a medium one missed, and a large false positive nowhere.
    const DetectionMetrics m = evaluateDetections(truthOf({truthBox(1, 1, kA), truthBox(1, 1, {100, 100, 40, 40})}),
        {detection(1, 1, kA, 0.9), detection(1, 1, {300, 300, 50, 50}, 0.8)});
    COMPARE_NEAR(m.map, 51.0 / 101);
    // Small: the medium object and the unmatched 50x50 detection are outside the range, so ignored.
    COMPARE_NEAR(m.apSmall, 1.0);
    // Medium: the small detection matched an ignored (small) object and is ignored too; the large
    // false positive counts; the medium object is not found.
    QCOMPARE(m.apMedium, 0.0);
    // Large: no object, so no figure.
    QCOMPARE(m.apLarge, -1.0);
    QCOMPARE(m.perClass[0].apLarge, -1.0);
    COMPARE_NEAR(m.ar100, 0.5);
    COMPARE_NEAR(m.arSmall, 1.0);
    QCOMPARE(m.arMedium, 0.0);
    QCOMPARE(m.arLarge, -1.0);
    const std::array<double, 12> stats = m.cocoStats();
    QCOMPARE(stats[0], m.map);
    QCOMPARE(stats[4], m.apMedium);
    QCOMPARE(stats[11], m.arLarge);
}

void TestDetectionMetrics::areaBoundsAndAreaField()
{
    // 32² is both small and medium (COCO's bounds are inclusive).
    const BoxXywh edge {0, 0, 32, 32};
    DetectionMetrics m = evaluateDetections(truthOf({truthBox(1, 1, edge)}), {detection(1, 1, edge, 0.9)});
    COMPARE_NEAR(m.apSmall, 1.0);
    COMPARE_NEAR(m.apMedium, 1.0);
    QCOMPARE(m.apLarge, -1.0);
    // The ground truth's area field decides, not its box (COCO files give the segment's area).
    m = evaluateDetections(truthOf({truthBox(1, 1, kA, false, 5000)}), {detection(1, 1, kA, 0.9)});
    QCOMPARE(m.apSmall, -1.0);
    COMPARE_NEAR(m.apMedium, 1.0);
}

void TestDetectionMetrics::averageRecallByDetectionLimit()
{
    const DetectionMetrics m = evaluateDetections(
        truthOf({truthBox(1, 1, kA), truthBox(1, 1, kB)}), {detection(1, 1, kA, 0.9), detection(1, 1, kB, 0.8)});
    COMPARE_NEAR(m.ar1, 0.5);
    COMPARE_NEAR(m.ar10, 1.0);
    COMPARE_NEAR(m.ar100, 1.0);
}

void TestDetectionMetrics::meanOverCategories()
{
    // Category 1 perfect, category 2 FP then TP (AP .5), category 3 nothing to find: mAP .75.
    const DetectionMetrics m = evaluateDetections(truthOf({truthBox(1, 1, kA), truthBox(2, 2, kB)}, {1, 2}, {1, 2, 3}),
        {detection(1, 1, kA, 0.9), detection(2, 2, kNowhere, 0.9), detection(2, 2, kB, 0.8)});
    COMPARE_NEAR(m.perClass[0].ap, 1.0);
    COMPARE_NEAR(m.perClass[1].ap, 0.5);
    QCOMPARE(m.perClass[2].ap, -1.0);
    COMPARE_NEAR(m.map, 0.75);
    COMPARE_NEAR(m.ap50, 0.75);
}

void TestDetectionMetrics::emptyImageList()
{
    DetectionMetrics m = evaluateDetections(truthOf({}, {}, {1, 2}), {});
    QCOMPARE(m.images, 0);
    QCOMPARE(m.map, -1.0);
    QCOMPARE(m.ap50, -1.0);
    QCOMPARE(m.ar100, -1.0);
    QCOMPARE(m.perClass.size(), std::size_t(2));
    QCOMPARE(m.perClass[0].ap, -1.0);
    QCOMPARE(m.perClass[0].support, 0);
    // Images without any object or detection: nothing to score either.
    m = evaluateDetections(truthOf({}, {1, 2, 3}), {});
    QCOMPARE(m.map, -1.0);
    m = evaluateDetections(truthOf({}, {}, {}), {});
    QVERIFY(m.perClass.empty());
    QCOMPARE(m.map, -1.0);
}

void TestDetectionMetrics::refusesInconsistentInput()
{
    const auto refuses = [](const DetectionGroundTruth &t, const std::vector<CocoDetection> &d, const char *word) {
        try {
            evaluateDetections(t, d);
        } catch (const std::invalid_argument &e) {
            return QString::fromUtf8(e.what()).contains(QLatin1String(word));
        }
        return false;
    };
    QVERIFY(refuses(truthOf({}), {detection(7, 1, kA, 0.5)}, "image id 7"));
    QVERIFY(refuses(truthOf({truthBox(7, 1, kA)}), {}, "image id 7"));
    QVERIFY(refuses(truthOf({truthBox(1, 4, kA)}), {}, "category id 4"));
    QVERIFY(refuses(truthOf({}, {1}, {1, 1}), {}, "category id 1"));
    QVERIFY(refuses(truthOf({}), {detection(1, 1, kA, std::nan(""))}, "not a number"));
    QVERIFY(refuses(truthOf({truthBox(1, 1, {0, 0, INFINITY, 1})}), {}, "not a number"));
}

void TestDetectionMetrics::unknownCategoryDetectionsAreSkipped()
{
    const DetectionMetrics m
        = evaluateDetections(truthOf({truthBox(1, 1, kA)}), {detection(1, 9, kNowhere, 0.9), detection(1, 1, kA, 0.8)});
    COMPARE_NEAR(m.map, 1.0);
    QCOMPARE(m.unknownCategoryDetections, 1);
}

void TestDetectionMetrics::resultsRoundTrip()
{
    std::vector<CocoDetection> dets {
        detection(1, 3, {0.1, 1.0 / 3, 10.25, 1e-7}, 0.1 + 0.2), detection(9007199254740993LL, -2, {-5, 0, 0, 0}, 1)};
    dets[0].fileName = QStringLiteral("images/bäume 1.jpg");
    const QByteArray json = cocoresults::toJson(dets);
    const QJsonArray parsed = QJsonDocument::fromJson(json).array();
    QCOMPARE(parsed.size(), 2);
    const QJsonObject first = parsed[0].toObject();
    QCOMPARE(first.value(QLatin1String("image_id")).toInt(), 1);
    QCOMPARE(first.value(QLatin1String("category_id")).toInt(), 3);
    QCOMPARE(first.value(QLatin1String("bbox")).toArray().size(), 4);
    QCOMPARE(first.value(QLatin1String("file_name")).toString(), QStringLiteral("images/bäume 1.jpg"));
    QVERIFY(!parsed[1].toObject().contains(QLatin1String("file_name")));

    const std::vector<CocoDetection> back = cocoresults::fromJson(json);
    QCOMPARE(back.size(), dets.size());
    for (std::size_t i = 0; i < dets.size(); ++i) {
        QCOMPARE(back[i].imageId, dets[i].imageId);
        QCOMPARE(back[i].categoryId, dets[i].categoryId);
        QCOMPARE(back[i].box.x, dets[i].box.x); // bit for bit
        QCOMPARE(back[i].box.y, dets[i].box.y);
        QCOMPARE(back[i].box.w, dets[i].box.w);
        QCOMPARE(back[i].box.h, dets[i].box.h);
        QCOMPARE(back[i].score, dets[i].score);
        QCOMPARE(back[i].fileName, dets[i].fileName);
    }
    QVERIFY(cocoresults::fromJson("[]").empty());
    // Ids as some tools write them (3.0) and keys COCO tools add are accepted.
    const std::vector<CocoDetection> extra = cocoresults::fromJson(
        R"([{"image_id": 3.0, "category_id": 1, "bbox": [1, 2, 3, 4], "score": 0.5, "area": 12, "id": 7}])");
    QCOMPARE(extra.size(), std::size_t(1));
    QCOMPARE(extra[0].imageId, qint64(3));
    QCOMPARE(extra[0].box.h, 4.0);
}

void TestDetectionMetrics::resultsFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("results.json"));
    QCOMPARE(cocoresults::write(file, {detection(2, 1, kA, 0.75)}), QString());
    const std::vector<CocoDetection> back = cocoresults::read(file);
    QCOMPARE(back.size(), std::size_t(1));
    QCOMPARE(back[0].score, 0.75);
    QVERIFY(!cocoresults::write(dir.filePath(QStringLiteral("no/such/folder/r.json")), {}).isEmpty());
    try {
        cocoresults::read(dir.filePath(QStringLiteral("missing.json")));
        QFAIL("a missing file was read");
    } catch (const LabelFileError &e) {
        QVERIFY(e.message().contains(QLatin1String("missing.json")));
    }
}

void TestDetectionMetrics::malformedResults_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("place");
    QTest::addColumn<QString>("problem");
    const QByteArray good = R"({"image_id": 1, "category_id": 1, "bbox": [0, 0, 1, 1], "score": 0.5})";
    QTest::newRow("not json") << QByteArray("[{") << QString() << QStringLiteral("expected valid JSON");
    QTest::newRow("object") << QByteArray("{}") << QString() << QStringLiteral("expected an array of detections");
    QTest::newRow("element") << QByteArray("[" + good + ", 5]") << QStringLiteral("[1]")
                             << QStringLiteral("expected an object, found a number");
    QTest::newRow("no score") << QByteArray(R"([{"image_id": 1, "category_id": 1, "bbox": [0, 0, 1, 1]}])")
                              << QStringLiteral("[0]") << QStringLiteral("expected the key \"score\"");
    QTest::newRow("score text") << QByteArray(
        R"([{"image_id": 1, "category_id": 1, "bbox": [0, 0, 1, 1], "score": "high"}])")
                                << QStringLiteral("[0].score") << QStringLiteral("expected a number, found a string");
    QTest::newRow("bbox 3") << QByteArray(
        "[" + good + R"(, {"image_id": 1, "category_id": 1, "bbox": [0, 0, 1], "score": 1}])")
                            << QStringLiteral("[1].bbox") << QStringLiteral("expected 4 numbers [x, y, w, h], found 3");
    QTest::newRow("bbox item") << QByteArray(
        R"([{"image_id": 1, "category_id": 1, "bbox": [0, 0, null, 1], "score": 1}])")
                               << QStringLiteral("[0].bbox[2]") << QStringLiteral("expected a number, found null");
    QTest::newRow("bbox object") << QByteArray(R"([{"image_id": 1, "category_id": 1, "bbox": {"x": 0}, "score": 1}])")
                                 << QStringLiteral("[0].bbox")
                                 << QStringLiteral("expected [x, y, w, h], found an object");
    QTest::newRow("image id fraction") << QByteArray(
        R"([{"image_id": 1.5, "category_id": 1, "bbox": [0, 0, 1, 1], "score": 1}])")
                                       << QStringLiteral("[0].image_id")
                                       << QStringLiteral("expected a whole number, found 1.5");
    QTest::newRow("image id text") << QByteArray(
        R"([{"image_id": "a.jpg", "category_id": 1, "bbox": [0, 0, 1, 1], "score": 1}])")
                                   << QStringLiteral("[0].image_id")
                                   << QStringLiteral("expected a whole number, found a string");
    QTest::newRow("category too big") << QByteArray(
        R"([{"image_id": 1, "category_id": 4294967296, "bbox": [0, 0, 1, 1], "score": 1}])")
                                      << QStringLiteral("[0].category_id")
                                      << QStringLiteral("expected a whole number from");
    QTest::newRow("file name") << QByteArray(
        R"([{"image_id": 1, "category_id": 1, "bbox": [0, 0, 1, 1], "score": 1, "file_name": 3}])")
                               << QStringLiteral("[0].file_name")
                               << QStringLiteral("expected a string, found a number");
}

void TestDetectionMetrics::malformedResults()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, place);
    QFETCH(QString, problem);
    try {
        cocoresults::fromJson(json, QStringLiteral("out.json"));
        QFAIL("malformed results were accepted");
    } catch (const LabelFileError &e) {
        QCOMPARE(e.file(), QStringLiteral("out.json"));
        QCOMPARE(e.place(), place);
        QVERIFY2(e.problem().startsWith(problem), qPrintable(e.message()));
    }
}

namespace {

// Scores a COCO ground-truth file and a results file with pycocotools and prints, as one JSON
// line: the 12 stats and per category (in id order) the AP, AP50 and the 101-point precision at .5.
const char *kPycocotoolsScript = R"PY(
import contextlib, json, sys
import numpy as np
from pycocotools.coco import COCO
from pycocotools.cocoeval import COCOeval
with contextlib.redirect_stdout(sys.stderr):
    gt = COCO(sys.argv[1])
    dt = gt.loadRes(sys.argv[2])
    e = COCOeval(gt, dt, 'bbox')
    e.evaluate(); e.accumulate(); e.summarize()
p = e.eval['precision']
def mean(s):
    s = s[s > -1]
    return float(np.mean(s)) if s.size else -1.0
out = {'stats': [float(x) for x in e.stats], 'per_class': []}
for k, cid in enumerate(e.params.catIds):
    out['per_class'].append({'id': int(cid), 'ap': mean(p[:, :, k, 0, -1]), 'ap50': mean(p[0, :, k, 0, -1]),
                             'precision50': [float(x) for x in p[0, :, k, 0, -1]]})
print(json.dumps(out))
)PY";

// The first of $LOUPE_PYTHON and python3 that imports pycocotools, or "".
QString pythonWithPycocotools()
{
    QStringList candidates;
    if (qEnvironmentVariableIsSet("LOUPE_PYTHON"))
        candidates << qEnvironmentVariable("LOUPE_PYTHON");
    candidates << QStringLiteral("python3");
    for (const QString &python : candidates) {
        QProcess p;
        p.start(python, {QStringLiteral("-c"), QStringLiteral("import pycocotools.cocoeval")});
        if (p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0)
            return python;
    }
    return {};
}

} // namespace

void TestDetectionMetrics::matchesPycocotools()
{
    const QString python = pythonWithPycocotools();
    if (python.isEmpty())
        QSKIP("pycocotools is not installed for python3 (or $LOUPE_PYTHON): the hand-worked cases above stand alone");

    // A random case that meets every rule: several images and sizes, crowd regions, area fields that
    // differ from the box, jittered and duplicate detections, scores with ties, a category without
    // objects, one image and category with more than 100 detections.
    std::mt19937 rng(20261203);
    const auto uniform = [&](double lo, double hi) { return lo + (hi - lo) * (double(rng()) / 4294967296.0); };
    DetectionGroundTruth truth;
    truth.categories = {{1, QStringLiteral("scratch")}, {2, QStringLiteral("dent")}, {5, QStringLiteral("stain")},
        {7, QStringLiteral("none")}};
    std::vector<CocoDetection> dets;
    QJsonArray images;
    QJsonArray annotations;
    for (qint64 image = 1; image <= 8; ++image) {
        truth.imageIds.push_back(image);
        images.append(QJsonObject {{QStringLiteral("id"), image}, {QStringLiteral("width"), 640},
            {QStringLiteral("height"), 480}, {QStringLiteral("file_name"), QStringLiteral("%1.jpg").arg(image)}});
        for (int category : {1, 2, 5}) {
            const int objects = int(rng() % 5);
            for (int n = 0; n < objects; ++n) {
                GroundTruthBox g;
                g.imageId = image;
                g.categoryId = category;
                const double side = std::exp(uniform(std::log(4.0), std::log(200.0)));
                g.box = {uniform(0, 400), uniform(0, 300), side * uniform(0.5, 1.5), side * uniform(0.5, 1.5)};
                g.crowd = rng() % 10 == 0;
                g.area = rng() % 3 == 0 ? g.box.w * g.box.h * uniform(0.5, 1.0) : g.box.w * g.box.h;
                truth.boxes.push_back(g);
                annotations.append(QJsonObject {{QStringLiteral("id"), annotations.size() + 1},
                    {QStringLiteral("image_id"), image}, {QStringLiteral("category_id"), category},
                    {QStringLiteral("bbox"), QJsonArray {g.box.x, g.box.y, g.box.w, g.box.h}},
                    {QStringLiteral("area"), g.area}, {QStringLiteral("iscrowd"), g.crowd ? 1 : 0}});
                const int copies = int(rng() % 3); // missed, found, or found twice
                for (int c = 0; c < copies; ++c) {
                    const double j = side * 0.1; // IoUs spread over all ten thresholds
                    dets.push_back(detection(image, category,
                        {g.box.x + uniform(-j, j), g.box.y + uniform(-j, j), g.box.w * uniform(0.85, 1.15),
                            g.box.h * uniform(0.85, 1.15)},
                        std::round(uniform(0.2, 1) * 10) / 10));
                }
            }
            const int falsePositives = image == 3 && category == 2 ? 120 : int(rng() % 3);
            for (int n = 0; n < falsePositives; ++n)
                dets.push_back(
                    detection(image, category, {uniform(0, 600), uniform(0, 440), uniform(2, 120), uniform(2, 120)},
                        std::round(uniform(0, 0.8) * 10) / 10));
        }
        dets.push_back(detection(image, 7, {uniform(0, 600), uniform(0, 440), 20, 20}, 0.5));
    }
    QJsonArray categories;
    for (const DetectionCategory &c : truth.categories)
        categories.append(QJsonObject {{QStringLiteral("id"), c.id}, {QStringLiteral("name"), c.name}});

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString gtFile = dir.filePath(QStringLiteral("gt.json"));
    const QString resultsFile = dir.filePath(QStringLiteral("results.json"));
    const QString scriptFile = dir.filePath(QStringLiteral("score.py"));
    QFile gt(gtFile);
    QVERIFY(gt.open(QIODevice::WriteOnly));
    gt.write(
        QJsonDocument(QJsonObject {{QStringLiteral("images"), images}, {QStringLiteral("annotations"), annotations},
                          {QStringLiteral("categories"), categories}})
            .toJson());
    gt.close();
    QCOMPARE(cocoresults::write(resultsFile, dets), QString());
    QFile script(scriptFile);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write(kPycocotoolsScript);
    script.close();

    QProcess p;
    p.start(python, {scriptFile, gtFile, resultsFile});
    QVERIFY(p.waitForFinished(120000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    const QList<QByteArray> lines = p.readAllStandardOutput().trimmed().split('\n');
    const QJsonObject want = QJsonDocument::fromJson(lines.last()).object();
    QVERIFY2(!want.isEmpty(), lines.last().constData());

    // Reading the results back also proves the file is what pycocotools scored.
    const DetectionMetrics got = evaluateDetections(truth, cocoresults::read(resultsFile));
    const QJsonArray stats = want.value(QLatin1String("stats")).toArray();
    QCOMPARE(stats.size(), 12);
    const std::array<double, 12> mine = got.cocoStats();
    for (int i = 0; i < 12; ++i)
        QVERIFY2(std::abs(mine[std::size_t(i)] - stats[i].toDouble()) <= 1e-9,
            qPrintable(QStringLiteral("stats[%1]: %2, pycocotools %3")
                           .arg(i)
                           .arg(mine[std::size_t(i)], 0, 'g', 17)
                           .arg(stats[i].toDouble(), 0, 'g', 17)));
    const QJsonArray perClass = want.value(QLatin1String("per_class")).toArray();
    QCOMPARE(perClass.size(), int(got.perClass.size()));
    for (const QJsonValue &v : perClass) {
        const QJsonObject w = v.toObject();
        const auto c = std::find_if(got.perClass.begin(), got.perClass.end(),
            [&](const DetectionClassMetrics &m) { return m.categoryId == w.value(QLatin1String("id")).toInt(); });
        QVERIFY(c != got.perClass.end());
        QVERIFY2(std::abs(c->ap - w.value(QLatin1String("ap")).toDouble()) <= 1e-9, qPrintable(c->name));
        QVERIFY2(std::abs(c->ap50 - w.value(QLatin1String("ap50")).toDouble()) <= 1e-9, qPrintable(c->name));
        const QJsonArray curve = w.value(QLatin1String("precision50")).toArray();
        if (c->ap50 < 0)
            continue; // pycocotools: 101 times -1; here: no curve
        QCOMPARE(int(c->precision50.size()), curve.size());
        for (int i = 0; i < curve.size(); ++i)
            QVERIFY2(std::abs(c->precision50[std::size_t(i)] - curve[i].toDouble()) <= 1e-9,
                qPrintable(QStringLiteral("%1 precision50[%2]").arg(c->name).arg(i)));
    }
    QVERIFY(got.perClass[3].ap == -1);
    QVERIFY(got.map > 0 && got.map < 1); // a case that tests something
}

QTEST_GUILESS_MAIN(TestDetectionMetrics)
#include "tst_detectionmetrics.moc"
