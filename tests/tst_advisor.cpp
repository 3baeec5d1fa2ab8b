// The augmentation advisor: each harmful setting the practice names is caught with its numbers and
// the images it concerns, and a benign pipeline gets no warning at all.

#include "augment/Advisor.h"
#include "augment/Pipeline.h"
#include "dataset/DatasetStats.h"
#include "dataset/Inspection.h"
#include "Translations.h"

#include "TestUtil.h"

#include <QScopeGuard>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>

using namespace loupe;

/// One image of a test dataset: its size and its objects' boxes.
struct ImageSpec {
    int width;
    int height;
    QList<QRectF> boxes;
};

Q_DECLARE_METATYPE(loupe::AugmentWarningKind)
Q_DECLARE_METATYPE(ImageSpec)

namespace {

class Fixture
{
public:
    /// Writes each image as a mid-grey JPEG, a smooth ramp from 90 to 170, so saturation is
    /// measured on real pixels, and returns the dataset with the header sizes filled in.
    Dataset make(const QString &dir, const QList<ImageSpec> &specs)
    {
        Dataset d;
        d.format = QStringLiteral("coco");
        d.root = dir;
        d.classes = {QStringLiteral("scratch")};
        for (int i = 0; i < specs.size(); ++i) {
            const ImageSpec &spec = specs[i];
            const QString path = dir + QStringLiteral("/ramp%1_%2x%3.jpg").arg(i).arg(spec.width).arg(spec.height);
            if (!QFileInfo::exists(path)) {
                cv::Mat m(spec.height, spec.width, CV_8UC1);
                for (int y = 0; y < m.rows; ++y)
                    for (int x = 0; x < m.cols; ++x)
                        m.at<uchar>(y, x) = uchar(90 + (80 * x) / spec.width + (y / 64) % 2);
                cv::imwrite(path.toStdString(), m);
            }
            Sample s;
            s.path = path;
            s.width = spec.width;
            s.height = spec.height;
            for (const QRectF &b : spec.boxes) {
                Annotation a;
                a.classId = 0;
                a.box = b;
                s.objects.push_back(a);
            }
            d.samples.push_back(s);
        }
        return d;
    }
};

Pipeline pipelineOf(const QString &steps)
{
    return Pipeline::fromJson(QStringLiteral("{\"steps\": [%1]}").arg(steps).toUtf8());
}

const AugmentWarning *find(const std::vector<AugmentWarning> &warnings, AugmentWarningKind kind)
{
    for (const AugmentWarning &w : warnings)
        if (w.kind == kind)
            return &w;
    return nullptr;
}

QString describe(const std::vector<AugmentWarning> &warnings)
{
    QStringList lines;
    for (const AugmentWarning &w : warnings)
        lines << QStringLiteral("[%1] %2 → %3").arg(int(w.kind)).arg(w.message, w.suggestion);
    return lines.join(QLatin1Char('\n'));
}

using Samples = QList<int>;

} // namespace

class TestAdvisor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void firesOnHarmfulSetting_data();
    void firesOnHarmfulSetting();
    void suggestsALargerInput();
    void numbersFollowTheWindowsLocale();
    void rotationCutsMoreAsTheLimitGrows();
    void silentOnBenignPipeline();
    void silentWhenStepSwitchedOff();
    void recommendsTilesOrRegion();
    void tilesAdviceFollowsTheSetting();

private:
    QTemporaryDir m_dir;
    Fixture m_fixture;
};

void TestAdvisor::firesOnHarmfulSetting_data()
{
    QTest::addColumn<QList<ImageSpec>>("images");
    QTest::addColumn<QString>("steps");
    QTest::addColumn<AugmentWarningKind>("kind");
    QTest::addColumn<int>("count");
    QTest::addColumn<Samples>("samples");
    QTest::addColumn<QString>("figures"); // must appear in the message

    const int W = 1600, H = 1200;
    // 12 px defects in 1600×1200 photos end 1.7 px wide at 224×224; the 200 px one stays visible.
    QTest::newRow("tiny objects after resize")
        << QList<ImageSpec>{{W, H, {QRectF(700, 500, 12, 12)}},
                            {W, H, {QRectF(20, 30, 12, 14)}},
                            {W, H, {QRectF(900, 100, 200, 200)}},
                            {W, H, {QRectF(1500, 1100, 14, 12), QRectF(100, 100, 300, 300)}}}
        << QStringLiteral("{\"type\": \"resize\", \"width\": 224, \"height\": 224}, {\"type\": \"hflip\"}")
        << AugmentWarningKind::TinyObjects << 3 << Samples{0, 1, 3} << QStringLiteral("3 of 5 objects in 3 images");
    // 24 px defects are 6 px at 400×300, but a zoom out by half makes them 3 px.
    QTest::newRow("tiny objects after worst-case scale")
        << QList<ImageSpec>{{W, H, {QRectF(700, 500, 24, 24)}}, {W, H, {QRectF(700, 500, 80, 80)}}}
        << QStringLiteral("{\"type\": \"resize\", \"width\": 400, \"height\": 300},"
                          "{\"type\": \"scale\", \"min\": 0.5, \"max\": 1.0}")
        << AugmentWarningKind::TinyObjects << 1 << Samples{0} << QStringLiteral("1 of 2 objects in 1 images");
    QTest::newRow("brightness saturates")
        << QList<ImageSpec>{{W, H, {}}, {W, H, {}}, {W, H, {}}}
        << QStringLiteral("{\"type\": \"resize\", \"width\": 224, \"height\": 224},"
                          "{\"type\": \"brightness\", \"max_delta\": 0.6, \"probability\": 1}")
        << AugmentWarningKind::Saturation << 3 << Samples{0, 1, 2} << QStringLiteral("brightness (steps[1]) at +0.60");
    QTest::newRow("contrast saturates")
        << QList<ImageSpec>{{W, H, {}}, {W, H, {}}}
        << QStringLiteral("{\"type\": \"contrast\", \"min\": 0.8, \"max\": 5.0}")
        << AugmentWarningKind::Saturation << 2 << Samples{0, 1} << QStringLiteral("contrast (steps[0]) at ×5.00");
    QTest::newRow("gamma saturates")
        << QList<ImageSpec>{{W, H, {}}, {W, H, {}}}
        << QStringLiteral("{\"type\": \"gamma\", \"min\": 1.0, \"max\": 9.0}")
        << AugmentWarningKind::Saturation << 2 << Samples{0, 1} << QStringLiteral("gamma (steps[0]) at γ 9.00");
    // 1800×600 and 600×2000 are 3:1 or more; the square images are fine to turn.
    QTest::newRow("rotate90 of wide images")
        << QList<ImageSpec>{{1800, 600, {}}, {1200, 1200, {}}, {600, 2000, {}}, {800, 600, {}}}
        << QStringLiteral("{\"type\": \"resize\", \"width\": 224, \"height\": 224}, {\"type\": \"rotate90\"}")
        << AugmentWarningKind::RotatedWide << 2 << Samples{2, 0} << QStringLiteral("2 images with an aspect of 3:1");
    QTest::newRow("rotate 60° of wide images")
        << QList<ImageSpec>{{1800, 600, {}}, {1200, 1200, {}}}
        << QStringLiteral("{\"type\": \"rotate\", \"max_degrees\": 60}")
        << AugmentWarningKind::RotatedWide << 1 << Samples{0} << QStringLiteral("rotate (steps[0]) turns 1 images");
    // 40 px objects are 10 px after the resize to 400×300; σ 3 means 2σ = 6 ≥ 5.
    QTest::newRow("blur erases small objects")
        << QList<ImageSpec>{{W, H, {QRectF(600, 600, 40, 40)}}, {W, H, {QRectF(200, 200, 400, 400)}},
                            {W, H, {QRectF(1000, 300, 44, 48)}}}
        << QStringLiteral("{\"type\": \"resize\", \"width\": 400, \"height\": 300},"
                          "{\"type\": \"gaussian_blur\", \"max_sigma\": 3.0, \"probability\": 0.5}")
        << AugmentWarningKind::BlurErases << 2 << Samples{0, 2} << QStringLiteral("2 of 3 objects in 2 images");
    // The centre 800×600 window starts at (400, 300): the corner object leaves, the one at x 385 loses 75%.
    QTest::newRow("center crop cuts objects out")
        << QList<ImageSpec>{{W, H, {QRectF(10, 10, 30, 30), QRectF(790, 590, 20, 20)}},
                            {W, H, {QRectF(385, 700, 20, 20)}}, {W, H, {QRectF(800, 600, 50, 50)}}}
        << QStringLiteral("{\"type\": \"center_crop\", \"width\": 800, \"height\": 600}")
        << AugmentWarningKind::CropCutsObjects << 2 << Samples{0, 1}
        << QStringLiteral("leave 1 of 4 objects out of the image entirely and cut 1 more");
    // A 224 px window anywhere in 1600×1200 can miss any object.
    QTest::newRow("random crop leaves objects out")
        << QList<ImageSpec>{{W, H, {QRectF(800, 600, 20, 20)}}, {W, H, {QRectF(100, 900, 20, 20)}}}
        << QStringLiteral("{\"type\": \"random_crop\", \"width\": 224, \"height\": 224}")
        << AugmentWarningKind::CropCutsObjects << 2 << Samples{0, 1} << QStringLiteral("leave 2 of 2 objects");
    // A shift of up to 20% (320 px) pushes an object 60 px from the right edge out of the image.
    QTest::newRow("translate pushes edge objects out")
        << QList<ImageSpec>{{W, H, {QRectF(1540, 600, 40, 40)}}, {W, H, {QRectF(800, 600, 40, 40)}}}
        << QStringLiteral("{\"type\": \"translate\", \"max_fraction\": 0.2}")
        << AugmentWarningKind::CropCutsObjects << 1 << Samples{0} << QStringLiteral("leave 1 of 2 objects");
}

void TestAdvisor::firesOnHarmfulSetting()
{
    QFETCH(QList<ImageSpec>, images);
    QFETCH(QString, steps);
    QFETCH(AugmentWarningKind, kind);
    QFETCH(int, count);
    QFETCH(Samples, samples);
    QFETCH(QString, figures);

    const Dataset d = m_fixture.make(m_dir.path(), images);
    const std::vector<AugmentWarning> warnings = advise(pipelineOf(steps), d, computeStats(d));
    const AugmentWarning *w = find(warnings, kind);
    QVERIFY2(w, qPrintable(QStringLiteral("no warning of the expected kind; got:\n") + describe(warnings)));
    QCOMPARE(w->count, count);
    QCOMPARE(Samples(w->samples.begin(), w->samples.end()), samples);
    QVERIFY2(w->message.contains(figures), qPrintable(w->message));
    QVERIFY(!w->suggestion.isEmpty());
    QVERIFY(w->step >= 0);
}

void TestAdvisor::suggestsALargerInput()
{
    // 12 px at 224/1600 is 1.68 px; 5 px needs ×2.98, i.e. 667 px, rounded up to 672.
    const Dataset d = m_fixture.make(m_dir.path(), {{1600, 1200, {QRectF(700, 500, 12, 12)}}});
    const auto warnings = advise(pipelineOf(QStringLiteral("{\"type\": \"resize\", \"width\": 224, \"height\": 224}")), d,
                                 computeStats(d));
    const AugmentWarning *w = find(warnings, AugmentWarningKind::TinyObjects);
    QVERIFY(w);
    QVERIFY2(w->suggestion.contains(QStringLiteral("at least 672 px instead of 224")), qPrintable(w->suggestion));
    QVERIFY(w->suggestion.contains(QStringLiteral("tile")));
    QVERIFY(w->message.contains(QStringLiteral("smallest side 1.68 px")));
}

void TestAdvisor::numbersFollowTheWindowsLocale()
{
    // The window in German writes "1,68 px" in the advisor and "1,33–1,33" in the dataset report;
    // the command line (locale numbers off, whatever the locale) keeps "." for scripts.
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const auto restore = qScopeGuard([&] {
        setLocaleNumbers(false);
        QLocale::setDefault(before);
    });
    Inspection in;
    in.dataset = m_fixture.make(m_dir.path(), {{1600, 1200, {QRectF(700, 500, 12, 12)}}});
    in.stats = computeStats(in.dataset);
    const Pipeline resize = pipelineOf(QStringLiteral("{\"type\": \"resize\", \"width\": 224, \"height\": 224}"));
    for (const bool window : {true, false}) {
        setLocaleNumbers(window);
        const auto warnings = advise(resize, in.dataset, in.stats);
        const AugmentWarning *w = find(warnings, AugmentWarningKind::TinyObjects);
        QVERIFY(w);
        const QString side = window ? QStringLiteral("smallest side 1,68 px") : QStringLiteral("smallest side 1.68 px");
        QVERIFY2(w->message.contains(side), qPrintable(w->message));
        const QString report = formatReport(in);
        const QString aspect = window ? QStringLiteral("aspect 1,33–1,33") : QStringLiteral("aspect 1.33–1.33");
        QVERIFY2(report.contains(aspect), qPrintable(report));
    }
}

void TestAdvisor::rotationCutsMoreAsTheLimitGrows()
{
    // Objects along the edges and in the corners of 1600×1200 photos, one in the centre.
    QList<ImageSpec> images;
    for (int i = 0; i < 4; ++i)
        images.append({1600, 1200,
                       {QRectF(20 + 30 * i, 20, 40, 40), QRectF(1500 - 40 * i, 1120, 60, 50),
                        QRectF(780, 20 + 20 * i, 40, 30), QRectF(10, 580, 30, 40), QRectF(780, 580, 40, 40)}});
    const Dataset d = m_fixture.make(m_dir.path(), images);
    const DatasetStats stats = computeStats(d);
    int previous = 0;
    QStringList counts;
    for (int degrees : {5, 15, 30, 45, 89, 90, 180}) {
        const auto warnings = advise(
            pipelineOf(QStringLiteral("{\"type\": \"rotate\", \"max_degrees\": %1, \"probability\": 1}").arg(degrees)),
            d, stats);
        const AugmentWarning *w = find(warnings, AugmentWarningKind::CropCutsObjects);
        const int cut = w ? w->count : 0;
        counts << QStringLiteral("%1°: %2").arg(degrees).arg(cut);
        QVERIFY2(cut >= previous, qPrintable(counts.join(QStringLiteral(", "))));
        previous = cut;
    }
    // At 90° and 180° the corner objects still leave the frame on the way (at 45°, say).
    QVERIFY2(previous >= 8, qPrintable(counts.join(QStringLiteral(", "))));
    // The centre object never leaves.
    QVERIFY2(previous < 20, qPrintable(counts.join(QStringLiteral(", "))));
}

void TestAdvisor::silentOnBenignPipeline()
{
    // Resizing to 800×600 keeps 12 px defects at 6 px; flips and a mild brightness change harm nothing.
    const Dataset d = m_fixture.make(m_dir.path(), {{1600, 1200, {QRectF(700, 500, 12, 12), QRectF(10, 10, 40, 40)}},
                                                    {1600, 1200, {QRectF(1580, 1180, 20, 20)}},
                                                    {1800, 600, {QRectF(100, 100, 20, 20)}},
                                                    {1600, 1200, {}}});
    const Pipeline p = pipelineOf(QStringLiteral(
        "{\"type\": \"resize\", \"width\": 800, \"height\": 600}, {\"type\": \"hflip\"},"
        "{\"type\": \"brightness\", \"max_delta\": 0.1}, {\"type\": \"normalize\", \"mean\": [0.5], \"std\": [0.5]}"));
    const auto warnings = advise(p, d, computeStats(d));
    QVERIFY2(warnings.empty(), qPrintable(describe(warnings)));
    // The training default at a size that keeps the objects is benign too.
    QVERIFY(advise(Pipeline::defaultTraining(800, 3), d, computeStats(d)).empty());
}

void TestAdvisor::silentWhenStepSwitchedOff()
{
    const Dataset d = m_fixture.make(m_dir.path(), {{1800, 600, {}}});
    Pipeline p = pipelineOf(QStringLiteral("{\"type\": \"rotate90\"}, {\"type\": \"brightness\", \"max_delta\": 0.9}"));
    QCOMPARE(advise(p, d, computeStats(d)).size(), std::size_t(2));
    for (auto &step : p.steps())
        step->enabled = false;
    QVERIFY(advise(p, d, computeStats(d)).empty());
}

namespace {

/// Four 1024×768 photos, five boxes: at 256 px (×0.25 across, ×⅓ down) an 8×8, a 12×30 and a 4×4 box
/// fall under 5 px; 40×40 and 60×60 stay. Worked by hand with a 32 px overlap (tile sides 528×400 at
/// 2×2, 363×278 at 3×3, 280×216 at 4×4, 231×180 at 5×5, 198×155 at 6×6): the 8×8 box is seen at 5 px
/// from 3×3 on, the 4×4 box only from 6×6 (4 × 256/198 = 5.2). Every box lies in 100..612 × 100..504,
/// so the region with a 16 px margin is 84,84,544,436 (30% of an image): alone it keeps the 12×30 box
/// (×0.47) but not the 8×8 or 4×4 ones; 3×3 tiles of it (203×167 px) keep all five.
QList<ImageSpec> smallDefects()
{
    return {{1024, 768, {QRectF(100, 100, 8, 8), QRectF(500, 300, 40, 40)}},
            {1024, 768, {QRectF(600, 400, 12, 30), QRectF(200, 500, 4, 4)}},
            {1024, 768, {QRectF(300, 200, 60, 60)}},
            {1024, 768, {}}};
}

} // namespace

void TestAdvisor::recommendsTilesOrRegion()
{
    const Dataset d = m_fixture.make(m_dir.path(), smallDefects());
    TileAdviceOptions o;
    o.inputSize = 256;
    o.overlap = 32;
    const TileAdvice a = adviseTiles(d, o);
    QCOMPARE(a.boxes, 5);
    QCOMPARE(a.current.under, 3);
    QCOMPARE(a.samples, (std::vector<int>{1, 0})); // the 4×4 box (1.0 px) before the 8×8 one (2.0 px)
    QCOMPARE(a.smallest, QSizeF(1.0, 4.0 / 3.0));
    QCOMPARE(int(a.grids.size()), 8);
    const std::vector<int> expected {3, 2, 1, 1, 1, 0, 0, 0};
    for (int n = 0; n < 8; ++n)
        QCOMPARE(a.grids[std::size_t(n)].under, expected[std::size_t(n)]);
    QVERIFY(a.recommended);
    QCOMPARE(a.recommended->tiles.rows, 6);
    QCOMPARE(a.unionRoi, std::optional<QRect>(QRect(84, 84, 544, 436)));
    QCOMPARE(a.roiAlone->under, 2);
    QVERIFY(a.roiGrid);
    QCOMPARE(a.roiGrid->tiles.rows, 3);
    QCOMPARE(a.roiGrid->under, 0);
    QVERIFY(a.needed());
    QCOMPARE(a.message(), QStringLiteral("At 256 px input, 3 of 5 boxes fall under 5×5 px (smallest 1.0×1.3 px)"));
    QCOMPARE(a.suggestion(),
             QStringLiteral("6×6 tiles (--tiles 6x6) keep every box at 5 px or more; a region of interest of "
                            "84,84,544,436 covering every box (--roi 84,84,544,436) keeps all but 2 above 5 px, and "
                            "with 3×3 tiles inside it every box."));

    // A looser rule (one box in four may stay small) settles for the smallest grid that loses one.
    o.tolerance = 0.25;
    const TileAdvice loose = adviseTiles(d, o);
    QCOMPARE(loose.recommended->tiles.rows, 3);
    QVERIFY2(loose.suggestion().startsWith(QStringLiteral("3×3 tiles (--tiles 3x3) keep all but 1 above 5 px; ")),
             qPrintable(loose.suggestion()));

    // Through the advisor, with the page's input size: one warning with the images concerned.
    AdvisorOptions options;
    options.tiling = TileAdviceOptions();
    options.tiling->inputSize = 256;
    const auto warnings = advise(pipelineOf(QString()), d, computeStats(d), options);
    const AugmentWarning *w = find(warnings, AugmentWarningKind::TilesOrRegion);
    QVERIFY2(w, qPrintable(describe(warnings)));
    QCOMPARE(w->count, 3);
    QCOMPARE(w->samples, (std::vector<int>{1, 0}));
    QCOMPARE(w->message, a.message());
    QCOMPARE(w->suggestion, a.suggestion());
    // Without the detector's setting the advisor does not guess one.
    QVERIFY(!find(advise(pipelineOf(QString()), d, computeStats(d)), AugmentWarningKind::TilesOrRegion));
}

void TestAdvisor::tilesAdviceFollowsTheSetting()
{
    const Dataset d = m_fixture.make(m_dir.path(), smallDefects());
    AdvisorOptions options;
    options.tiling = TileAdviceOptions();
    options.tiling->inputSize = 256;
    // 6×6 tiles keep every box: nothing to say.
    options.tiling->tiles = TileCount {6, 6};
    QVERIFY(!find(advise(pipelineOf(QString()), d, computeStats(d), options), AugmentWarningKind::TilesOrRegion));
    // 2×2 still loses the 8×8 and 4×4 boxes; the message names the setting.
    options.tiling->tiles = TileCount {2, 2};
    const auto warnings = advise(pipelineOf(QString()), d, computeStats(d), options);
    const AugmentWarning *w = find(warnings, AugmentWarningKind::TilesOrRegion);
    QVERIFY(w);
    QVERIFY2(w->message.startsWith(QStringLiteral("At 256 px input with 2×2 tiles, 2 of 5 boxes fall under 5×5 px")),
             qPrintable(w->message));
    // A larger input keeps them all at the whole image: 4 px × 1280/1024 = 5 px.
    options.tiling->tiles = TileCount {1, 1};
    options.tiling->inputSize = 1280;
    QVERIFY(!find(advise(pipelineOf(QString()), d, computeStats(d), options), AugmentWarningKind::TilesOrRegion));
}

QTEST_GUILESS_MAIN(TestAdvisor)
#include "tst_advisor.moc"
