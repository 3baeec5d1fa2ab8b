// The review of a detector's boxes against hand-worked cases: which detection is a true positive, a
// false positive or names the wrong class, which object is missed, how the threshold changes that,
// the confusion cells with their boxes, and reading a run's detection files against a dataset.

#include "dataset/Errors.h"
#include "eval/DetectionReview.h"
#include "project/RunFolder.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace loupe;

namespace {

const QStringList kClasses{QStringLiteral("scratch"), QStringLiteral("dent")};
constexpr int kScratch = 0;
constexpr int kDent = 1;
constexpr int kBackground = 2;

// Image 0: scratch A, dent B, scratch C. d0 finds A; d1 is a second box on A (duplicate: false
// positive); d2 calls dent B a scratch (wrong class); d3 is a dent on nothing at a low score; C is
// missed. Image 1 has no objects and one dent. Image 2: a detection inside a scratch crowd region.
std::vector<ReviewImage> knownCase()
{
    ReviewImage a;
    a.path = QStringLiteral("/data/a.png");
    a.truth = {{kScratch, QRectF(10, 10, 20, 20), false},
               {kDent, QRectF(100, 100, 20, 20), false},
               {kScratch, QRectF(200, 200, 10, 10), false}};
    a.detections = {{kScratch, QRectF(10, 10, 20, 20), 0.9},
                    {kScratch, QRectF(11, 10, 20, 20), 0.8},
                    {kScratch, QRectF(101, 100, 20, 20), 0.7},
                    {kDent, QRectF(300, 300, 10, 10), 0.3}};
    ReviewImage b;
    b.path = QStringLiteral("/data/b.png");
    b.detections = {{kDent, QRectF(5, 5, 10, 10), 0.6}};
    ReviewImage c;
    c.path = QStringLiteral("/data/c.png");
    c.truth = {{kScratch, QRectF(0, 0, 100, 100), true}};
    c.detections = {{kScratch, QRectF(10, 10, 20, 20), 0.95}};
    return {a, b, c};
}

Annotation object(int classId, const QRectF &box)
{
    Annotation a;
    a.classId = classId;
    a.box = box;
    return a;
}

void writeJson(const QString &file, const QJsonDocument &doc)
{
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(doc.toJson());
}

} // namespace

class TestDetectionReview : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void knownCaseAtHalf();
    void thresholdChangesCounts();
    void confusionCellsListTheirBoxes();
    void greedyInScoreOrder();
    void wrongClassTakesOneObjectOnce();
    void prCurvesFromCoco();
    void loadsRunFilesAgainstDataset();
    void imagesFileAddsImagesWithoutDetections();
    void malformedImagesFileNamesIt();
};

void TestDetectionReview::knownCaseAtHalf()
{
    const DetectionReview r = reviewDetections(knownCase(), kClasses, 0.5);
    const ImageReview &a = r.images[0];
    QCOMPARE(a.detections[0].verdict, BoxVerdict::Matched);
    QCOMPARE(a.detections[0].partner, 0);
    QCOMPARE(a.detections[1].verdict, BoxVerdict::FalsePositive);
    QCOMPARE(a.detections[2].verdict, BoxVerdict::WrongClass);
    QCOMPARE(a.detections[2].partner, 1);
    QCOMPARE(a.detections[3].verdict, BoxVerdict::BelowThreshold);
    QCOMPARE(a.truth[0].verdict, BoxVerdict::Matched);
    QCOMPARE(a.truth[1].verdict, BoxVerdict::WrongClass);
    QCOMPARE(a.truth[2].verdict, BoxVerdict::Missed);
    QCOMPARE(a.matched, 1);
    QCOMPARE(a.falsePositives, 1);
    QCOMPARE(a.wrongClass, 1);
    QCOMPARE(a.missed, 1);
    QCOMPARE(a.errors(), 3);
    QCOMPARE(r.images[1].falsePositives, 1);
    // A detection in a crowd region of its class is neither right nor wrong.
    QCOMPARE(r.images[2].detections[0].verdict, BoxVerdict::Ignored);
    QCOMPARE(r.images[2].truth[0].verdict, BoxVerdict::Ignored);
    QCOMPARE(r.images[2].errors(), 0);
    QCOMPARE(r.matched, 1);
    QCOMPARE(r.falsePositives, 2);
    QCOMPARE(r.wrongClass, 1);
    QCOMPARE(r.missed, 1);
    QCOMPARE(r.perClass[kScratch].objects, 2);
    QCOMPARE(r.perClass[kScratch].matched, 1);
    QCOMPARE(r.perClass[kScratch].falsePositives, 1);
    QCOMPARE(r.perClass[kScratch].wrongClass, 1);
    QCOMPARE(r.perClass[kScratch].precision(), 1.0 / 3);
    QCOMPARE(r.perClass[kScratch].recall(), 0.5);
    QCOMPARE(r.perClass[kDent].objects, 1);
}

void TestDetectionReview::thresholdChangesCounts()
{
    const DetectionReview low = reviewDetections(knownCase(), kClasses, 0.2);
    QCOMPARE(low.images[0].falsePositives, 2); // the dent at 0.3 now counts
    QCOMPARE(low.falsePositives, 3);
    const DetectionReview high = reviewDetections(knownCase(), kClasses, 0.85);
    // Only d0 is left: dent B is now simply missed, no false positives anywhere.
    QCOMPARE(high.images[0].matched, 1);
    QCOMPARE(high.images[0].missed, 2);
    QCOMPARE(high.images[0].truth[1].verdict, BoxVerdict::Missed);
    QCOMPARE(high.images[0].wrongClass, 0);
    QCOMPARE(high.falsePositives, 0);
    QCOMPARE(high.images[1].errors(), 0);
    const DetectionReview none = reviewDetections(knownCase(), kClasses, 1.0);
    QCOMPARE(none.matched, 0);
    QCOMPARE(none.missed, 3);
}

void TestDetectionReview::confusionCellsListTheirBoxes()
{
    const DetectionReview r = reviewDetections(knownCase(), kClasses, 0.5);
    QCOMPARE(r.background(), kBackground);
    const std::vector<std::vector<int>> counts = r.counts();
    QCOMPARE(int(counts.size()), 3);
    QCOMPARE(counts[kScratch][kScratch], 1);
    QCOMPARE(counts[kDent][kScratch], 1); // dent B called a scratch
    QCOMPARE(counts[kScratch][kBackground], 1); // C missed
    QCOMPARE(counts[kDent][kBackground], 0); // B was found, under the wrong name
    QCOMPARE(counts[kBackground][kScratch], 1); // the duplicate
    QCOMPARE(counts[kBackground][kDent], 1); // image 1's dent
    QCOMPARE(counts[kBackground][kBackground], 0);
    QCOMPARE(r.cells[kDent][kScratch].front(), (BoxRef{0, true, 2}));
    QCOMPARE(r.cells[kScratch][kBackground].front(), (BoxRef{0, false, 2}));
    QCOMPARE(r.cellImages(kBackground, kDent), std::vector<int>{1});
    QCOMPARE(r.cellImages(kBackground, kScratch), std::vector<int>{0});
    QVERIFY(r.cellImages(5, 0).empty());
}

void TestDetectionReview::greedyInScoreOrder()
{
    // Two overlapping scratches. The higher-scored detection goes first and takes the one it overlaps
    // most, although the lower-scored one fits that object perfectly; that one then takes the other.
    ReviewImage img;
    img.truth = {{kScratch, QRectF(0, 0, 20, 20), false}, {kScratch, QRectF(4, 0, 20, 20), false}};
    img.detections = {{kScratch, QRectF(0, 0, 20, 20), 0.4}, {kScratch, QRectF(1, 0, 20, 20), 0.9}};
    const DetectionReview r = reviewDetections({img}, kClasses, 0.1);
    QCOMPARE(r.images[0].detections[1].partner, 0);
    QCOMPARE(r.images[0].detections[0].verdict, BoxVerdict::Matched);
    QCOMPARE(r.images[0].detections[0].partner, 1); // IoU 16/24 ≥ 0.5 with the second
    QCOMPARE(r.images[0].missed, 0);
}

void TestDetectionReview::wrongClassTakesOneObjectOnce()
{
    // Two dents on the same scratch: the higher one is the wrong class, the other a false positive.
    ReviewImage img;
    img.truth = {{kScratch, QRectF(0, 0, 20, 20), false}};
    img.detections = {{kDent, QRectF(0, 0, 20, 20), 0.5}, {kDent, QRectF(0, 1, 20, 20), 0.7}};
    const DetectionReview r = reviewDetections({img}, kClasses, 0.1);
    QCOMPARE(r.images[0].detections[1].verdict, BoxVerdict::WrongClass);
    QCOMPARE(r.images[0].detections[0].verdict, BoxVerdict::FalsePositive);
    QCOMPARE(r.images[0].missed, 0);
    // A same-class detection, even a weaker one, finds the object first: no wrong class then.
    img.detections.push_back({kScratch, QRectF(0, 0, 20, 20), 0.2});
    const DetectionReview r2 = reviewDetections({img}, kClasses, 0.1);
    QCOMPARE(r2.images[0].detections[2].verdict, BoxVerdict::Matched);
    QCOMPARE(r2.images[0].wrongClass, 0);
    QCOMPARE(r2.images[0].falsePositives, 2);
}

void TestDetectionReview::prCurvesFromCoco()
{
    const DetectionMetrics m = evaluateReview(knownCase(), kClasses);
    QCOMPARE(int(m.perClass.size()), 2);
    // Scratch: d0 (TP), d1 (FP), d2 (FP) over 2 objects: precision 1 up to recall 0.5, then 0.
    const DetectionClassMetrics &s = m.perClass[kScratch];
    QCOMPARE(int(s.precision50.size()), 101);
    QCOMPARE(s.precision50[50], 1.0);
    QCOMPARE(s.precision50[51], 0.0);
    QVERIFY(qAbs(s.ap50 - 51.0 / 101) < 1e-9);
    // Dent: two false positives and its one object never found.
    QCOMPARE(m.perClass[kDent].ap50, 0.0);
}

void TestDetectionReview::loadsRunFilesAgainstDataset()
{
    QTemporaryDir dir;
    const QString run = dir.filePath(QStringLiteral("run"));
    QVERIFY(QDir().mkpath(run));
    // The dataset's class order differs from the run's: classes are matched by name.
    Dataset data;
    data.classes = {QStringLiteral("dent"), QStringLiteral("scratch")};
    Sample s1;
    s1.path = QStringLiteral("/data/one.png");
    s1.objects.push_back(object(1, QRectF(10, 10, 20, 20)));
    Sample s2;
    s2.path = QStringLiteral("/data/two.png");
    s2.objects.push_back(object(0, QRectF(50, 50, 10, 10)));
    data.samples = {s1, s2};
    writeJson(runfolder::configPath(run),
              QJsonDocument(QJsonObject{{QStringLiteral("task"), QStringLiteral("detect")},
                                        {QStringLiteral("dataset"),
                                         QJsonObject{{QStringLiteral("classes"), QJsonArray{QStringLiteral("scratch"),
                                                                                             QStringLiteral("dent")}}}}}));
    QVERIFY(detectionfiles::isDetectionRun(run));
    std::vector<CocoDetection> dets;
    dets.push_back({1, 1, {10, 10, 20, 20}, 0.9, QStringLiteral("/data/one.png")});
    dets.push_back({2, 1, {0, 0, 5, 5}, 0.8, QString()}); // no file_name: image_id 2 is two.png
    dets.push_back({1, 7, {0, 0, 5, 5}, 0.8, QStringLiteral("/data/one.png")}); // no such class
    dets.push_back({9, 1, {0, 0, 5, 5}, 0.8, QStringLiteral("/elsewhere/gone.png")});
    QCOMPARE(cocoresults::write(detectionfiles::devPath(run), dets), QString());

    const detectionfiles::LoadedDetections l = detectionfiles::load(run, QStringLiteral("dev"), data);
    QCOMPARE(l.classes, kClasses);
    QCOMPARE(int(l.images.size()), 2);
    QCOMPARE(l.notInDataset, 1);
    QCOMPARE(l.unknownClasses, 1);
    QCOMPARE(l.images[0].path, QStringLiteral("/data/one.png"));
    QCOMPARE(l.images[0].sampleIndex, 0);
    QCOMPARE(l.images[0].truth.front().classIndex, kScratch);
    QCOMPARE(l.images[1].truth.front().classIndex, kDent);
    QCOMPARE(int(l.images[1].detections.size()), 1);
    const DetectionReview r = reviewDetections(l.images, l.classes, 0.5);
    QCOMPARE(r.matched, 1);
    QCOMPARE(r.missed, 1);
    QCOMPARE(r.falsePositives, 1);

    // A classification run is not one.
    writeJson(runfolder::configPath(run), QJsonDocument(QJsonObject{{QStringLiteral("model"), QStringLiteral("resnet18")}}));
    QVERIFY(!detectionfiles::isDetectionRun(run));
}

void TestDetectionReview::imagesFileAddsImagesWithoutDetections()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("detections-dev.json"));
    QCOMPARE(detectionfiles::imagesPathFor(file), dir.filePath(QStringLiteral("detections-dev-images.json")));
    std::vector<CocoDetection> dets{{1, 1, {0, 0, 1, 1}, 0.5, QStringLiteral("/d/b.png")},
                                    {1, 1, {0, 0, 1, 1}, 0.4, QStringLiteral("/d/b.png")}};
    QCOMPARE(detectionfiles::evaluatedImages(file, dets), QStringList{QStringLiteral("/d/b.png")});
    writeJson(detectionfiles::imagesPathFor(file),
              QJsonDocument(QJsonArray{QStringLiteral("/d/a.png"), QStringLiteral("/d/b.png")}));
    QCOMPARE(detectionfiles::evaluatedImages(file, dets), (QStringList{QStringLiteral("/d/a.png"), QStringLiteral("/d/b.png")}));
}

void TestDetectionReview::malformedImagesFileNamesIt()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("detections-test.json"));
    writeJson(detectionfiles::imagesPathFor(file), QJsonDocument(QJsonArray{QStringLiteral("/d/a.png"), 3}));
    try {
        detectionfiles::evaluatedImages(file, {});
        QFAIL("no error");
    } catch (const LabelFileError &e) {
        QCOMPARE(e.file(), detectionfiles::imagesPathFor(file));
        QCOMPARE(e.place(), QStringLiteral("[1]"));
    }
}

QTEST_GUILESS_MAIN(TestDetectionReview)
#include "tst_detectionreview.moc"
