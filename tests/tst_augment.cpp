// The augmentation pipeline: geometry of boxes, polygons and masks, pixels that move with them,
// determinism by seed, evaluation pipelines, normalisation and the JSON form.
// Over 600 lines on purpose: one case (or data table) per transform and annotation kind, sharing the
// geometry fixtures; each case stays short.

#include "augment/Pipeline.h"
#include "augment/Random.h"
#include "augment/Transforms.h"

#include <QtTest>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <cstring>

using namespace loupe;

Q_DECLARE_METATYPE(cv::Size)

namespace {

Pipeline pipelineOf(const QString &steps)
{
    return Pipeline::fromJson(QStringLiteral("{\"steps\": [%1]}").arg(steps).toUtf8());
}

Annotation boxObject(double x, double y, double w, double h)
{
    Annotation a;
    a.classId = 1;
    a.box = QRectF(x, y, w, h);
    return a;
}

Polygon rectPolygon(double x, double y, double w, double h)
{
    return {x, y, x + w, y, x + w, y + h, x, y + h};
}

/// A black grey image with a white rectangle exactly where `r` is.
cv::Mat imageWithSquare(int w, int h, const QRect &r)
{
    cv::Mat m(h, w, CV_8UC1, cv::Scalar(0));
    m(cv::Rect(r.x(), r.y(), r.width(), r.height())).setTo(255);
    return m;
}

bool sameBytes(const cv::Mat &a, const cv::Mat &b)
{
    if (a.size() != b.size() || a.type() != b.type())
        return false;
    for (int y = 0; y < a.rows; ++y)
        if (std::memcmp(a.ptr(y), b.ptr(y), a.cols * a.elemSize()) != 0)
            return false;
    return true;
}

bool sameSteps(const std::vector<AppliedStep> &a, const std::vector<AppliedStep> &b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].type != b[i].type || a[i].applied != b[i].applied || a[i].params != b[i].params)
            return false;
    return true;
}

/// Column-major COCO RLE, written independently of the pipeline's own coder.
RleMask encode(const cv::Mat &mask)
{
    RleMask r;
    r.width = mask.cols;
    r.height = mask.rows;
    bool on = false;
    quint32 run = 0;
    for (int x = 0; x < mask.cols; ++x)
        for (int y = 0; y < mask.rows; ++y) {
            if ((mask.at<uchar>(y, x) != 0) != on) {
                r.counts.push_back(run);
                run = 0;
                on = !on;
            }
            ++run;
        }
    r.counts.push_back(run);
    return r;
}

cv::Mat decode(const RleMask &r)
{
    cv::Mat m(r.height, r.width, CV_8U, cv::Scalar(0));
    qint64 pos = 0;
    for (std::size_t i = 0; i < r.counts.size(); ++i)
        for (quint32 k = 0; k < r.counts[i]; ++k, ++pos)
            if (i % 2 == 1)
                m.at<uchar>(int(pos % r.height), int(pos / r.height)) = 1;
    return m;
}

/// Runs `p` with seeds from 0 until `step` drew `param` == `wanted`.
AugmentedImage applyUntil(const Pipeline &p, const cv::Mat &image, const std::vector<Annotation> &objects, int step,
                          const QString &param, const QVariant &wanted)
{
    for (std::uint64_t seed = 0; seed < 500; ++seed) {
        std::vector<AppliedStep> applied;
        AugmentedImage out = p.apply(image, objects, seed, &applied);
        if (applied[step].applied && applied[step].params.value(param) == wanted)
            return out;
    }
    qFatal("no seed drew the wanted value");
}

} // namespace

class TestAugment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void randomIsDeterministicAndInRange()
    {
        std::uint64_t a = 42, b = 42;
        Random ra(a), rb(b);
        double sum = 0, sum2 = 0;
        for (int i = 0; i < 20000; ++i) {
            QCOMPARE(ra.next(), rb.next());
            const double u = ra.uniform(-2, 3);
            rb.uniform(-2, 3);
            QVERIFY(u >= -2 && u < 3);
            const int k = ra.uniformInt(1, 3);
            rb.uniformInt(1, 3);
            QVERIFY(k >= 1 && k <= 3);
            const double n = ra.normal(10, 2);
            rb.normal(10, 2);
            sum += n;
            sum2 += n * n;
        }
        // splitmix64 from state 0 gives this first value everywhere (reference implementation).
        std::uint64_t zero = 0;
        QCOMPARE(Random(zero).next(), std::uint64_t(0xE220A8397B1DCDAFull));
        const double mean = sum / 20000, sd = std::sqrt(sum2 / 20000 - mean * mean);
        QVERIFY(std::abs(mean - 10) < 0.05);
        QVERIFY(std::abs(sd - 2) < 0.05);
    }

    void horizontalFlipMovesBoxAndPolygon()
    {
        Annotation a = boxObject(10, 5, 20, 10);
        a.polygons = {{10, 5, 30, 5, 10, 15}};
        const AugmentedImage out = pipelineOf(QStringLiteral("{\"type\": \"hflip\", \"probability\": 1}"))
                                       .apply(cv::Mat(60, 100, CV_8UC3, cv::Scalar::all(0)), {a}, 1);
        QCOMPARE(out.objects.size(), std::size_t(1));
        QCOMPARE(out.objects[0].box, QRectF(70, 5, 20, 10));
        QCOMPARE(out.objects[0].polygons[0], (Polygon{90, 5, 70, 5, 90, 15}));
        QCOMPARE(out.image.size(), cv::Size(100, 60));
    }

    void verticalFlipMovesBoxAndPolygon()
    {
        Annotation a = boxObject(10, 5, 20, 10);
        a.polygons = {{10, 5, 30, 5, 10, 15}};
        const AugmentedImage out = pipelineOf(QStringLiteral("{\"type\": \"vflip\", \"probability\": 1}"))
                                       .apply(cv::Mat(60, 100, CV_8UC1, cv::Scalar(0)), {a}, 1);
        QCOMPARE(out.objects[0].box, QRectF(10, 45, 20, 10));
        QCOMPARE(out.objects[0].polygons[0], (Polygon{10, 55, 30, 55, 10, 45}));
    }

    void rotate90MapsPoints_data()
    {
        QTest::addColumn<int>("k");
        QTest::addColumn<QRectF>("box");
        QTest::addColumn<QPointF>("point");
        // 100×50 image, box (10, 5, 20, 10), polygon point (10, 5) and its pixel.
        QTest::newRow("90° ccw") << 1 << QRectF(5, 70, 10, 20) << QPointF(5, 90);
        QTest::newRow("180°") << 2 << QRectF(70, 35, 20, 10) << QPointF(90, 45);
        QTest::newRow("90° cw") << 3 << QRectF(35, 10, 10, 20) << QPointF(45, 10);
    }

    void rotate90MapsPoints()
    {
        QFETCH(int, k);
        QFETCH(QRectF, box);
        QFETCH(QPointF, point);
        Annotation a = boxObject(10, 5, 20, 10);
        a.polygons = {rectPolygon(10, 5, 20, 10)};
        cv::Mat image(50, 100, CV_8UC1, cv::Scalar(0));
        image.at<uchar>(5, 10) = 200; // the pixel whose top-left corner is the point (10, 5)
        const Pipeline p = pipelineOf(QStringLiteral("{\"type\": \"rotate90\"}"));
        const AugmentedImage out = applyUntil(p, image, {a}, 0, QStringLiteral("k"), k);
        QCOMPARE(out.image.size(), k == 2 ? cv::Size(100, 50) : cv::Size(50, 100));
        QCOMPARE(out.objects[0].box, box);
        const Polygon &poly = out.objects[0].polygons[0];
        QCOMPARE(QPointF(poly[0], poly[1]), point);
        // The pixel moved to the one the corner point now bounds (as its corner in the turned frame).
        cv::Point maxAt;
        cv::minMaxLoc(out.image, nullptr, nullptr, nullptr, &maxAt);
        QVERIFY(std::abs(maxAt.x + 0.5 - point.x()) <= 0.5 && std::abs(maxAt.y + 0.5 - point.y()) <= 0.5);
    }

    void resizeScalesBoxes_data()
    {
        QTest::addColumn<QString>("step");
        QTest::addColumn<QRectF>("expected");
        QTest::addColumn<cv::Size>("size");
        // Source 200×100, box (20, 10, 40, 20).
        QTest::newRow("exact") << QStringLiteral("{\"type\": \"resize\", \"width\": 100, \"height\": 200}")
                               << QRectF(10, 20, 20, 40) << cv::Size(100, 200);
        QTest::newRow("letterbox") << QStringLiteral("{\"type\": \"resize\", \"width\": 100, \"height\": 100, \"keep_aspect\": true}")
                                   << QRectF(10, 30, 20, 10) << cv::Size(100, 100);
    }

    void resizeScalesBoxes()
    {
        QFETCH(QString, step);
        QFETCH(QRectF, expected);
        QFETCH(cv::Size, size);
        Annotation a = boxObject(20, 10, 40, 20);
        a.polygons = {rectPolygon(20, 10, 40, 20)};
        cv::Mat image(100, 200, CV_8UC3, cv::Scalar::all(90));
        const AugmentedImage out = pipelineOf(step).apply(image, {a}, 3);
        QCOMPARE(out.image.size(), size);
        QCOMPARE(out.objects[0].box, expected);
        QCOMPARE(out.objects[0].polygons[0], rectPolygon(expected.x(), expected.y(), expected.width(), expected.height()));
        if (step.contains(QLatin1String("keep_aspect"))) {
            // Letterbox bands are the pad value, the picture is in between.
            QCOMPARE(out.image.at<cv::Vec3b>(10, 50), cv::Vec3b(0, 0, 0));
            QCOMPARE(out.image.at<cv::Vec3b>(50, 50), cv::Vec3b(90, 90, 90));
            QCOMPARE(out.image.at<cv::Vec3b>(90, 50), cv::Vec3b(0, 0, 0));
        }
    }

    void cropShiftsClipsAndDrops()
    {
        Annotation inside = boxObject(30, 20, 10, 10);
        Annotation straddling = boxObject(10, 15, 20, 10);
        straddling.polygons = {rectPolygon(10, 15, 20, 10)};
        Annotation outside = boxObject(80, 45, 10, 10);
        const AugmentedImage out = pipelineOf(QStringLiteral("{\"type\": \"crop\", \"x\": 20, \"y\": 10, \"width\": 50, \"height\": 30}"))
                                       .apply(cv::Mat(60, 100, CV_8UC1, cv::Scalar(0)), {inside, straddling, outside}, 0);
        QCOMPARE(out.image.size(), cv::Size(50, 30));
        QCOMPARE(out.objects.size(), std::size_t(2)); // the one outside the region is dropped
        QCOMPARE(out.objects[0].box, QRectF(10, 10, 10, 10));
        QCOMPARE(out.objects[1].box, QRectF(0, 5, 10, 10)); // clipped at the left edge
        const Polygon &p = out.objects[1].polygons[0];
        double x0 = 1e9, x1 = -1e9;
        for (std::size_t i = 0; i < p.size(); i += 2) {
            x0 = std::min(x0, p[i]);
            x1 = std::max(x1, p[i]);
        }
        QCOMPARE(x0, 0.0);
        QCOMPARE(x1, 10.0);
    }

    void cropOutsideImageIsPadded()
    {
        cv::Mat image(20, 20, CV_8UC1, cv::Scalar(100));
        const AugmentedImage out = pipelineOf(QStringLiteral("{\"type\": \"center_crop\", \"width\": 30, \"height\": 10}"))
                                       .apply(image, {boxObject(0, 0, 4, 4)}, 0);
        QCOMPARE(out.image.size(), cv::Size(30, 10));
        QCOMPARE(int(out.image.at<uchar>(5, 2)), 0);
        QCOMPARE(int(out.image.at<uchar>(5, 15)), 100);
        QCOMPARE(out.objects.size(), std::size_t(0)); // (0..4, 0..4) lies above the 5-pixel-high band
    }

    void tilePicksThePatch_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < 6; ++i)
            QTest::addRow("tile %d", i) << i;
    }

    void tilePicksThePatch()
    {
        QFETCH(int, index);
        // 90×60 in a 2×3 grid: 30×30 patches, each filled with its own value.
        cv::Mat image(60, 90, CV_8UC1);
        for (int k = 0; k < 6; ++k)
            image(cv::Rect((k % 3) * 30, (k / 3) * 30, 30, 30)).setTo(10 * (k + 1));
        const int px = (index % 3) * 30, py = (index / 3) * 30;
        const AugmentedImage out
            = pipelineOf(QStringLiteral("{\"type\": \"tile\", \"rows\": 2, \"cols\": 3, \"index\": %1}").arg(index))
                  .apply(image, {boxObject(px + 5, py + 6, 10, 10)}, 0);
        QCOMPARE(out.image.size(), cv::Size(30, 30));
        double lo, hi;
        cv::minMaxLoc(out.image, &lo, &hi);
        QCOMPARE(lo, 10.0 * (index + 1));
        QCOMPARE(hi, 10.0 * (index + 1));
        QCOMPARE(out.objects[0].box, QRectF(5, 6, 10, 10));
    }

    void randomTileAndEvaluationTiles()
    {
        const Pipeline p = pipelineOf(QStringLiteral("{\"type\": \"tile\", \"rows\": 2, \"cols\": 2, \"random\": true},"
                                                     "{\"type\": \"normalize\", \"mean\": [0.5], \"std\": [0.5]}"));
        QVERIFY(p.hasRandomSteps());
        QSet<int> seen;
        for (std::uint64_t seed = 0; seed < 64; ++seed) {
            std::vector<AppliedStep> applied;
            p.apply(cv::Mat(40, 40, CV_8UC1, cv::Scalar(0)), {}, seed, &applied);
            seen.insert(applied[0].params.value(QStringLiteral("index")).toInt());
        }
        QCOMPARE(seen.size(), 4);
        QCOMPARE(p.evaluationPipeline().steps().size(), std::size_t(1));
        const std::vector<Pipeline> tiles = p.evaluationTiles();
        QCOMPARE(tiles.size(), std::size_t(4));
        for (int k = 0; k < 4; ++k) {
            QVERIFY(!tiles[k].hasRandomSteps());
            std::vector<AppliedStep> applied;
            tiles[k].apply(cv::Mat(40, 40, CV_8UC1, cv::Scalar(0)), {}, 7, &applied);
            QCOMPARE(applied[0].params.value(QStringLiteral("index")).toInt(), k);
            QCOMPARE(applied.back().type, QStringLiteral("normalize"));
        }
    }

    // A white square drawn where the box is must end up where the transformed box says.
    void pixelsFollowBoxes_data()
    {
        QTest::addColumn<QString>("step");
        QTest::addColumn<double>("tolerance");
        QTest::newRow("hflip") << QStringLiteral("{\"type\": \"hflip\", \"probability\": 1}") << 0.0;
        QTest::newRow("vflip") << QStringLiteral("{\"type\": \"vflip\", \"probability\": 1}") << 0.0;
        QTest::newRow("rotate90") << QStringLiteral("{\"type\": \"rotate90\"}") << 0.0;
        QTest::newRow("resize half") << QStringLiteral("{\"type\": \"resize\", \"width\": 60, \"height\": 40}") << 0.0;
        QTest::newRow("resize up") << QStringLiteral("{\"type\": \"resize\", \"width\": 150, \"height\": 130}") << 1.0;
        QTest::newRow("letterbox") << QStringLiteral("{\"type\": \"resize\", \"width\": 64, \"height\": 64, \"keep_aspect\": true}") << 1.0;
        QTest::newRow("crop") << QStringLiteral("{\"type\": \"crop\", \"x\": 30, \"y\": 15, \"width\": 60, \"height\": 50}") << 0.0;
        QTest::newRow("center_crop") << QStringLiteral("{\"type\": \"center_crop\", \"width\": 50, \"height\": 40}") << 0.0;
        QTest::newRow("tile") << QStringLiteral("{\"type\": \"tile\", \"rows\": 2, \"cols\": 2, \"random\": true}") << 0.0;
        QTest::newRow("random_crop") << QStringLiteral("{\"type\": \"random_crop\", \"width\": 70, \"height\": 50}") << 0.0;
        QTest::newRow("random_crop scale") << QStringLiteral("{\"type\": \"random_crop\", \"min_scale\": 0.5, \"max_scale\": 0.9}") << 0.0;
        QTest::newRow("translate") << QStringLiteral("{\"type\": \"translate\", \"max_fraction\": 0.3}") << 0.0;
        QTest::newRow("scale") << QStringLiteral("{\"type\": \"scale\", \"min\": 0.7, \"max\": 1.3, \"border\": \"constant\"}") << 1.0;
        QTest::newRow("rotate") << QStringLiteral("{\"type\": \"rotate\", \"max_degrees\": 40, \"border\": \"constant\"}") << 1.5;
    }

    void pixelsFollowBoxes()
    {
        QFETCH(QString, step);
        QFETCH(double, tolerance);
        const QRect square(36, 22, 30, 20);
        const cv::Mat image = imageWithSquare(120, 80, square);
        const Pipeline p = pipelineOf(step);
        for (std::uint64_t seed = 0; seed < 8; ++seed) {
            const AugmentedImage out = p.apply(image, {boxObject(square.x(), square.y(), square.width(), square.height())}, seed);
            cv::Mat bright = out.image > 127;
            const int n = cv::countNonZero(bright);
            if (out.objects.empty()) {
                QCOMPARE(n, 0); // the object left the image, and so did its pixels
                continue;
            }
            QVERIFY(n > 0);
            const cv::Rect r = cv::boundingRect(bright);
            const QRectF box = out.objects[0].box;
            QVERIFY2(std::abs(r.x - box.left()) <= tolerance && std::abs(r.y - box.top()) <= tolerance
                         && std::abs(r.x + r.width - box.right()) <= tolerance
                         && std::abs(r.y + r.height - box.bottom()) <= tolerance,
                     qPrintable(QStringLiteral("seed %1: pixels at (%2, %3, %4, %5), box at (%6, %7, %8, %9)")
                                    .arg(seed)
                                    .arg(r.x)
                                    .arg(r.y)
                                    .arg(r.width)
                                    .arg(r.height)
                                    .arg(box.x())
                                    .arg(box.y())
                                    .arg(box.width())
                                    .arg(box.height())));
        }
    }

    void rleMasksMoveWithTheImage()
    {
        cv::Mat mask(80, 120, CV_8U, cv::Scalar(0));
        mask(cv::Rect(20, 10, 30, 20)).setTo(1);
        mask(cv::Rect(20, 30, 5, 15)).setTo(1); // an L shape
        Annotation a = boxObject(20, 10, 30, 35);
        a.rle = encode(mask);
        const cv::Mat image = mask * 255;
        const Pipeline p = pipelineOf(QStringLiteral("{\"type\": \"hflip\", \"probability\": 1}, {\"type\": \"rotate90\"},"
                                                     "{\"type\": \"crop\", \"x\": 5, \"y\": 0, \"width\": 70, \"height\": 100}"));
        for (std::uint64_t seed = 0; seed < 6; ++seed) {
            const AugmentedImage out = p.apply(image, {a}, seed);
            QCOMPARE(out.objects.size(), std::size_t(1));
            const RleMask &rle = out.objects[0].rle;
            QCOMPARE(rle.width, out.image.cols);
            QCOMPARE(rle.height, out.image.rows);
            cv::Mat expected = out.image > 127;
            expected /= 255;
            QVERIFY(sameBytes(decode(rle), expected));
        }
    }

    void determinismBySeed()
    {
        const Pipeline p = pipelineOf(QStringLiteral(
            "{\"type\": \"random_crop\", \"min_scale\": 0.6, \"max_scale\": 1},"
            "{\"type\": \"hflip\"}, {\"type\": \"vflip\"}, {\"type\": \"rotate90\", \"probability\": 0.5},"
            "{\"type\": \"rotate\", \"max_degrees\": 20}, {\"type\": \"scale\", \"min\": 0.9, \"max\": 1.1},"
            "{\"type\": \"translate\", \"max_fraction\": 0.1}, {\"type\": \"brightness\", \"max_delta\": 0.2},"
            "{\"type\": \"contrast\", \"min\": 0.7, \"max\": 1.3}, {\"type\": \"gamma\", \"min\": 0.7, \"max\": 1.4},"
            "{\"type\": \"gaussian_noise\", \"sd\": 0.03}, {\"type\": \"gaussian_blur\", \"max_sigma\": 1.5},"
            "{\"type\": \"resize\", \"width\": 48, \"height\": 48},"
            "{\"type\": \"normalize\", \"mean\": [0.485, 0.456, 0.406], \"std\": [0.229, 0.224, 0.225]}"));
        cv::Mat image(90, 120, CV_8UC3);
        cv::randu(image, 0, 255);
        const std::vector<Annotation> objects{boxObject(30, 20, 40, 30)};
        for (std::uint64_t seed : {1ull, 99ull, 0xFFFFFFFFFFFFull}) {
            std::vector<AppliedStep> a, b, c;
            const AugmentedImage x = p.apply(image, objects, seed, &a);
            const AugmentedImage y = p.apply(image, objects, seed, &b);
            const AugmentedImage z = p.apply(image, objects, seed + 1, &c);
            QVERIFY(sameBytes(x.image, y.image));
            QVERIFY(sameSteps(a, b));
            QCOMPARE(x.objects.size(), y.objects.size());
            if (!x.objects.empty())
                QCOMPARE(x.objects[0].box, y.objects[0].box);
            QVERIFY(!sameBytes(x.image, z.image));
            QVERIFY(!sameSteps(a, c));
            QCOMPARE(a.size(), p.steps().size());
        }
    }

    void stepsDrawIndependently()
    {
        // Switching one step off must not change what the others draw.
        Pipeline p = pipelineOf(QStringLiteral("{\"type\": \"hflip\"}, {\"type\": \"rotate\", \"max_degrees\": 30}"));
        std::vector<AppliedStep> before, after;
        const cv::Mat image(20, 20, CV_8UC1, cv::Scalar(5));
        p.apply(image, {}, 11, &before);
        p.steps()[0]->enabled = false;
        p.apply(image, {}, 11, &after);
        QCOMPARE(after[0].applied, false);
        QCOMPARE(after[1].params, before[1].params);
    }

    void evaluationHasOnlyDeterministicSteps()
    {
        const Pipeline p = pipelineOf(QStringLiteral(
            "{\"type\": \"crop\", \"x\": 4, \"y\": 4, \"width\": 50, \"height\": 40}, {\"type\": \"hflip\"},"
            "{\"type\": \"rotate\", \"max_degrees\": 10}, {\"type\": \"resize\", \"width\": 32, \"height\": 32},"
            "{\"type\": \"brightness\", \"max_delta\": 0.3}, {\"type\": \"normalize\", \"mean\": [0.5], \"std\": [0.25]}"));
        QVERIFY(p.hasRandomSteps());
        const Pipeline eval = p.evaluationPipeline();
        QVERIFY(!eval.hasRandomSteps());
        QStringList types;
        for (const auto &s : eval.steps()) {
            QVERIFY(!s->isRandom());
            types << s->type();
        }
        QCOMPARE(types, (QStringList{QStringLiteral("crop"), QStringLiteral("resize"), QStringLiteral("normalize")}));
        // Copies: switching a step off in the evaluation pipeline leaves training alone.
        eval.steps()[0]->enabled = false;
        QVERIFY(p.steps()[0]->enabled);

        const Pipeline overfit = p.withoutRandomSteps();
        cv::Mat image(60, 70, CV_8UC1);
        cv::randu(image, 0, 255);
        const AugmentedImage first = overfit.apply(image, {boxObject(10, 10, 20, 20)}, 0);
        for (std::uint64_t seed = 1; seed < 10; ++seed) {
            const AugmentedImage again = overfit.apply(image, {boxObject(10, 10, 20, 20)}, seed * 7919);
            QVERIFY(sameBytes(first.image, again.image));
            QCOMPARE(again.objects[0].box, first.objects[0].box);
        }
    }

    void normalizeValues()
    {
        // One BGR pixel (B=0, G=128, R=255) comes out RGB with ImageNet statistics.
        const Pipeline p = Pipeline::defaultTraining(4, 3).evaluationPipeline();
        const AugmentedImage out = p.apply(cv::Mat(4, 4, CV_8UC3, cv::Scalar(0, 128, 255)), {}, 0);
        QCOMPARE(out.image.type(), CV_32FC3);
        const cv::Vec3f v = out.image.at<cv::Vec3f>(2, 2);
        QVERIFY(std::abs(v[0] - (1.0 - 0.485) / 0.229) < 1e-5);
        QVERIFY(std::abs(v[1] - (128 / 255.0 - 0.456) / 0.224) < 1e-5);
        QVERIFY(std::abs(v[2] - (0.0 - 0.406) / 0.225) < 1e-5);

        const Pipeline grey = Pipeline::defaultTraining(2, 1).evaluationPipeline();
        cv::Mat g(2, 2, CV_8UC1);
        g.at<uchar>(0, 0) = 0;
        g.at<uchar>(0, 1) = 255;
        g.at<uchar>(1, 0) = 51;
        g.at<uchar>(1, 1) = 128;
        const cv::Mat n = grey.apply(g, {}, 0).image;
        QCOMPARE(n.type(), CV_32FC1);
        QCOMPARE(n.at<float>(0, 0), -1.0f);
        QCOMPARE(n.at<float>(0, 1), 1.0f);
        QVERIFY(std::abs(n.at<float>(1, 0) - (0.2 - 0.5) / 0.5) < 1e-6);

        // A channel count the statistics do not fit is refused, not guessed.
        QVERIFY_THROWS_EXCEPTION(PipelineError, p.apply(cv::Mat(4, 4, CV_8UC1, cv::Scalar(1)), {}, 0));
    }

    void defaultTraining()
    {
        const Pipeline p = Pipeline::defaultTraining(32, 3);
        QStringList types;
        for (const auto &s : p.steps())
            types << s->type();
        QCOMPARE(types, (QStringList{QStringLiteral("resize"), QStringLiteral("hflip"), QStringLiteral("normalize")}));
        QCOMPARE(p.steps()[1]->probability, 0.5);
        const AugmentedImage out = p.apply(cv::Mat(100, 60, CV_8UC3, cv::Scalar::all(3)), {}, 5);
        QCOMPARE(out.image.size(), cv::Size(32, 32));
        QCOMPARE(out.image.type(), CV_32FC3);
        QVERIFY_THROWS_EXCEPTION(PipelineError, Pipeline::defaultTraining(0, 3));
        QVERIFY_THROWS_EXCEPTION(PipelineError, Pipeline::defaultTraining(32, 2));
    }

    void intensitySteps()
    {
        const cv::Mat image(8, 8, CV_8UC1, cv::Scalar(100));
        const cv::Mat original = image.clone();
        std::vector<AppliedStep> applied;
        AugmentedImage out = pipelineOf(QStringLiteral("{\"type\": \"brightness\", \"max_delta\": 0.2}")).apply(image, {}, 4, &applied);
        const double delta = applied[0].params.value(QStringLiteral("delta")).toDouble();
        QVERIFY(std::abs(delta) <= 0.2 && delta != 0);
        QCOMPARE(int(out.image.at<uchar>(3, 3)), int(std::lround(100 + delta * 255)));
        QVERIFY(sameBytes(image, original)); // the caller's pixels are never written

        out = pipelineOf(QStringLiteral("{\"type\": \"gamma\", \"min\": 2, \"max\": 2}")).apply(image, {}, 4);
        QCOMPARE(int(out.image.at<uchar>(0, 0)), int(std::lround(255 * std::pow(100 / 255.0, 2))));

        cv::Mat grey(200, 200, CV_8UC1, cv::Scalar(128));
        out = pipelineOf(QStringLiteral("{\"type\": \"gaussian_noise\", \"sd\": 0.04}")).apply(grey, {}, 9);
        cv::Scalar mean, sd;
        cv::meanStdDev(out.image, mean, sd);
        QVERIFY(std::abs(mean[0] - 128) < 0.5);
        QVERIFY(std::abs(sd[0] - 0.04 * 255) < 0.3);
        QCOMPARE(int(grey.at<uchar>(0, 0)), 128);

        cv::Mat stripes(20, 20, CV_8UC1, cv::Scalar(0));
        stripes.colRange(10, 20).setTo(200);
        out = pipelineOf(QStringLiteral("{\"type\": \"contrast\", \"min\": 0.5, \"max\": 0.5}")).apply(stripes, {}, 1);
        QCOMPARE(int(out.image.at<uchar>(0, 0)), 50);
        QCOMPARE(int(out.image.at<uchar>(0, 15)), 150);
    }

    void probabilityZeroNeverOneAlways()
    {
        const Pipeline never = pipelineOf(QStringLiteral("{\"type\": \"hflip\", \"probability\": 0}, {\"type\": \"rotate\", \"max_degrees\": 30, \"probability\": 0}"));
        const Pipeline always = pipelineOf(QStringLiteral("{\"type\": \"hflip\", \"probability\": 1}, {\"type\": \"rotate\", \"max_degrees\": 30, \"probability\": 1}"));
        const Pipeline half = pipelineOf(QStringLiteral("{\"type\": \"hflip\"}"));
        cv::Mat image(10, 10, CV_8UC1);
        cv::randu(image, 0, 255);
        int halfCount = 0;
        for (std::uint64_t seed = 0; seed < 200; ++seed) {
            std::vector<AppliedStep> a, b, c;
            const AugmentedImage out = never.apply(image, {}, seed, &a);
            QVERIFY(!a[0].applied && !a[1].applied);
            QVERIFY(sameBytes(out.image, image));
            always.apply(image, {}, seed, &b);
            QVERIFY(b[0].applied && b[1].applied);
            half.apply(image, {}, seed, &c);
            halfCount += c[0].applied;
        }
        QVERIFY(halfCount > 70 && halfCount < 130);
    }

    void disabledStepsPassThrough()
    {
        QString steps;
        for (const QString &s : {QStringLiteral("{\"type\": \"resize\", \"width\": 5, \"height\": 5"),
                                 QStringLiteral("{\"type\": \"crop\", \"x\": 1, \"y\": 1, \"width\": 3, \"height\": 3"),
                                 QStringLiteral("{\"type\": \"center_crop\", \"width\": 3, \"height\": 3"),
                                 QStringLiteral("{\"type\": \"tile\", \"rows\": 2, \"cols\": 2, \"index\": 1"),
                                 QStringLiteral("{\"type\": \"random_crop\", \"width\": 3, \"height\": 3"),
                                 QStringLiteral("{\"type\": \"hflip\", \"probability\": 1"),
                                 QStringLiteral("{\"type\": \"vflip\", \"probability\": 1"),
                                 QStringLiteral("{\"type\": \"rotate90\""),
                                 QStringLiteral("{\"type\": \"rotate\", \"max_degrees\": 30"),
                                 QStringLiteral("{\"type\": \"scale\", \"min\": 0.5, \"max\": 2"),
                                 QStringLiteral("{\"type\": \"translate\", \"max_fraction\": 0.5"),
                                 QStringLiteral("{\"type\": \"brightness\", \"max_delta\": 0.5"),
                                 QStringLiteral("{\"type\": \"contrast\", \"min\": 0.2, \"max\": 0.3"),
                                 QStringLiteral("{\"type\": \"gamma\", \"min\": 2, \"max\": 3"),
                                 QStringLiteral("{\"type\": \"gaussian_noise\", \"sd\": 0.5"),
                                 QStringLiteral("{\"type\": \"gaussian_blur\", \"max_sigma\": 3"),
                                 QStringLiteral("{\"type\": \"normalize\", \"mean\": [0.5], \"std\": [0.5]")})
            steps += (steps.isEmpty() ? QString() : QStringLiteral(",")) + s + QStringLiteral(", \"enabled\": false}");
        const Pipeline p = pipelineOf(steps);
        QCOMPARE(int(p.steps().size()), int(transforms::knownTypes().size()));
        QVERIFY(!p.hasRandomSteps());
        cv::Mat image(17, 23, CV_8UC3);
        cv::randu(image, 0, 255);
        std::vector<AppliedStep> applied;
        const AugmentedImage out = p.apply(image, {boxObject(2, 3, 4, 5)}, 77, &applied);
        QVERIFY(sameBytes(out.image, image));
        QCOMPARE(out.objects[0].box, QRectF(2, 3, 4, 5));
        for (const AppliedStep &s : applied)
            QVERIFY(!s.applied);
    }

    void jsonRoundTrip()
    {
        const QByteArray json = R"({"steps": [
            {"type": "crop", "x": 3, "y": 4, "width": 100, "height": 90},
            {"type": "center_crop", "width": 96, "height": 80, "enabled": false},
            {"type": "tile", "rows": 2, "cols": 3, "random": true, "probability": 0.75},
            {"type": "random_crop", "min_scale": 0.25, "max_scale": 0.8},
            {"type": "random_crop", "width": 40, "height": 30, "probability": 0.3},
            {"type": "hflip", "probability": 0.1}, {"type": "vflip"}, {"type": "rotate90", "probability": 0.2},
            {"type": "rotate", "max_degrees": 12.5, "border": "constant", "border_value": 7},
            {"type": "scale", "min": 0.8, "max": 1.2, "border": "replicate"},
            {"type": "translate", "max_fraction": 0.15},
            {"type": "brightness", "max_delta": 0.1}, {"type": "contrast", "min": 0.9, "max": 1.1},
            {"type": "gamma", "min": 0.8, "max": 1.3}, {"type": "gaussian_noise", "sd": 0.0123456789},
            {"type": "gaussian_blur", "max_sigma": 0.7},
            {"type": "resize", "width": 33, "height": 35, "keep_aspect": true, "pad_value": 114, "interpolation": "cubic"},
            {"type": "normalize", "mean": [0.1, 0.2, 0.3], "std": [0.4, 0.5, 0.6]}]})";
        const Pipeline p = Pipeline::fromJson(json);
        QCOMPARE(p.steps().size(), std::size_t(18));
        const Pipeline q = Pipeline::fromJson(p.toJson());
        QCOMPARE(q.toJson(), p.toJson());
        QCOMPARE(q.steps()[5]->probability, 0.1);
        QCOMPARE(q.steps()[6]->probability, 0.5);
        QVERIFY(!q.steps()[1]->enabled);
        cv::Mat image(120, 110, CV_8UC3);
        cv::randu(image, 0, 255);
        for (std::uint64_t seed = 0; seed < 4; ++seed) {
            std::vector<AppliedStep> a, b;
            const AugmentedImage x = p.apply(image, {boxObject(20, 20, 30, 30)}, seed, &a);
            const AugmentedImage y = q.apply(image, {boxObject(20, 20, 30, 30)}, seed, &b);
            QVERIFY(sameBytes(x.image, y.image));
            QVERIFY(sameSteps(a, b));
        }
        QCOMPARE(Pipeline::fromJson(Pipeline::defaultTraining(64, 1).toJson()).toJson(), Pipeline::defaultTraining(64, 1).toJson());
    }

    void malformedJsonIsRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("place");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not json") << QByteArray("{\"steps\": [") << QString() << QStringLiteral("JSON");
        QTest::newRow("no steps") << QByteArray("{\"step\": []}") << QStringLiteral("steps") << QStringLiteral("missing");
        QTest::newRow("steps not a list") << QByteArray("{\"steps\": {}}") << QStringLiteral("steps") << QStringLiteral("list");
        QTest::newRow("step not an object") << QByteArray("{\"steps\": [3]}") << QStringLiteral("steps[0]") << QStringLiteral("object");
        QTest::newRow("missing type") << QByteArray("{\"steps\": [{\"width\": 3}]}") << QStringLiteral("steps[0].type") << QStringLiteral("hflip");
        QTest::newRow("unknown type") << QByteArray("{\"steps\": [{\"type\": \"resize\", \"width\": 2, \"height\": 2}, {\"type\": \"flip\"}]}")
                                      << QStringLiteral("steps[1].type") << QStringLiteral("gaussian_blur");
        QTest::newRow("negative width") << QByteArray("{\"steps\": [{\"type\": \"hflip\"}, {\"type\": \"resize\", \"width\": -5, \"height\": 2}]}")
                                        << QStringLiteral("steps[1].width") << QStringLiteral("-5");
        QTest::newRow("fractional size") << QByteArray("{\"steps\": [{\"type\": \"center_crop\", \"width\": 3.5, \"height\": 2}]}")
                                         << QStringLiteral("steps[0].width") << QStringLiteral("whole number");
        QTest::newRow("size as text") << QByteArray("{\"steps\": [{\"type\": \"resize\", \"width\": \"224\", \"height\": 2}]}")
                                      << QStringLiteral("steps[0].width") << QStringLiteral("\"224\"");
        QTest::newRow("missing height") << QByteArray("{\"steps\": [{\"type\": \"resize\", \"width\": 224}]}")
                                        << QStringLiteral("steps[0].height") << QStringLiteral("missing");
        QTest::newRow("probability above 1") << QByteArray("{\"steps\": [{\"type\": \"hflip\", \"probability\": 1.5}]}")
                                             << QStringLiteral("steps[0].probability") << QStringLiteral("0 to 1");
        QTest::newRow("probability below 0") << QByteArray("{\"steps\": [{\"type\": \"vflip\", \"probability\": -0.1}]}")
                                             << QStringLiteral("steps[0].probability") << QStringLiteral("0 to 1");
        QTest::newRow("probability on a fixed step") << QByteArray("{\"steps\": [{\"type\": \"crop\", \"x\": 0, \"y\": 0, \"width\": 2, \"height\": 2, \"probability\": 0.5}]}")
                                                     << QStringLiteral("steps[0].probability") << QStringLiteral("not a random step");
        QTest::newRow("min above max") << QByteArray("{\"steps\": [{\"type\": \"scale\", \"min\": 1.2, \"max\": 0.8}]}")
                                       << QStringLiteral("steps[0].max") << QStringLiteral("min");
        QTest::newRow("typo in a field") << QByteArray("{\"steps\": [{\"type\": \"resize\", \"width\": 2, \"height\": 2, \"widht\": 3}]}")
                                         << QStringLiteral("steps[0].widht") << QStringLiteral("keep_aspect");
        QTest::newRow("normalize not last") << QByteArray("{\"steps\": [{\"type\": \"normalize\", \"mean\": [0.5], \"std\": [0.5]}, {\"type\": \"hflip\"}]}")
                                            << QStringLiteral("steps[1].type") << QStringLiteral("last");
        QTest::newRow("zero std") << QByteArray("{\"steps\": [{\"type\": \"normalize\", \"mean\": [0.5, 0.5, 0.5], \"std\": [0.5, 0, 0.5]}]}")
                                  << QStringLiteral("steps[0].std[1]") << QStringLiteral("above 0");
        QTest::newRow("std count") << QByteArray("{\"steps\": [{\"type\": \"normalize\", \"mean\": [0.5, 0.5, 0.5], \"std\": [0.5]}]}")
                                   << QStringLiteral("steps[0].std") << QStringLiteral("3");
        QTest::newRow("tile index") << QByteArray("{\"steps\": [{\"type\": \"tile\", \"rows\": 2, \"cols\": 2, \"index\": 4}]}")
                                    << QStringLiteral("steps[0].index") << QStringLiteral("0 to 3");
        QTest::newRow("both crop modes") << QByteArray("{\"steps\": [{\"type\": \"random_crop\", \"width\": 5, \"height\": 5, \"min_scale\": 0.5}]}")
                                         << QStringLiteral("steps[0].min_scale") << QStringLiteral("either");
        QTest::newRow("unknown border") << QByteArray("{\"steps\": [{\"type\": \"rotate\", \"max_degrees\": 5, \"border\": \"wrap\"}]}")
                                        << QStringLiteral("steps[0].border") << QStringLiteral("reflect");
        QTest::newRow("enabled not a bool") << QByteArray("{\"steps\": [{\"type\": \"vflip\", \"enabled\": 1}]}")
                                            << QStringLiteral("steps[0].enabled") << QStringLiteral("true or false");
        QTest::newRow("negative sd") << QByteArray("{\"steps\": [{\"type\": \"gaussian_noise\", \"sd\": -1}]}")
                                     << QStringLiteral("steps[0].sd") << QStringLiteral("0 to 1");
    }

    void malformedJsonIsRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, place);
        QFETCH(QString, mentions);
        try {
            Pipeline::fromJson(json);
            QFAIL("accepted");
        } catch (const PipelineError &e) {
            if (!place.isEmpty())
                QCOMPARE(e.place(), place);
            QVERIFY2(e.problem().contains(mentions), qPrintable(e.problem()));
        }
    }

    void badImagesAreRefused()
    {
        const Pipeline p = Pipeline::defaultTraining(8, 3);
        QVERIFY_THROWS_EXCEPTION(PipelineError, p.apply(cv::Mat(), {}, 0));
        QVERIFY_THROWS_EXCEPTION(PipelineError, p.apply(cv::Mat(4, 4, CV_16UC3, cv::Scalar::all(1)), {}, 0));
        // A step built in code with an impossible size is refused by name, not a crash.
        Pipeline coded;
        auto resize = std::make_shared<transforms::Resize>();
        resize->width = 0;
        coded.append(resize);
        try {
            coded.apply(cv::Mat(4, 4, CV_8UC1, cv::Scalar(1)), {}, 0);
            QFAIL("accepted");
        } catch (const PipelineError &e) {
            QCOMPARE(e.place(), QStringLiteral("steps[0]"));
        }
        // An image smaller than a random crop is padded, not refused.
        const AugmentedImage out = pipelineOf(QStringLiteral("{\"type\": \"random_crop\", \"width\": 16, \"height\": 16}"))
                                       .apply(cv::Mat(4, 4, CV_8UC1, cv::Scalar(9)), {}, 3);
        QCOMPARE(out.image.size(), cv::Size(16, 16));
        QCOMPARE(cv::countNonZero(out.image), 16);
    }
};

QTEST_GUILESS_MAIN(TestAugment)
#include "tst_augment.moc"
