// The augmentation page: it re-renders when a parameter changes, the evaluation view has no random
// variation, the exact batch shows the loader's images at the model's size, and the advisor's
// list fills for a harmful pipeline.

#include "AugmentPanel.h"

#include "augment/Transforms.h"
#include "dataset/DatasetStats.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

using namespace loupe;

namespace {

/// Six 512×512 photos in two classes, each with a 60 px and a 10 px object.
InspectionPtr makeInspection(const QString &dir)
{
    auto inspection = std::make_shared<Inspection>();
    Dataset &d = inspection->dataset;
    d.format = QStringLiteral("coco");
    d.root = dir;
    d.classes = {QStringLiteral("ok"), QStringLiteral("scratch")};
    for (int i = 0; i < 6; ++i) {
        cv::Mat m(512, 512, CV_8UC3);
        for (int y = 0; y < m.rows; ++y)
            for (int x = 0; x < m.cols; ++x)
                m.at<cv::Vec3b>(y, x) = cv::Vec3b(uchar((x + i * 20) % 256), uchar(y % 256), uchar((x + y) % 256));
        cv::rectangle(m, cv::Rect(100 + 20 * i, 200, 60, 60), cv::Scalar(255, 255, 255), cv::FILLED);
        const QString path = dir + QStringLiteral("/part_%1.jpg").arg(i);
        cv::imwrite(path.toStdString(), m);
        Sample s;
        s.path = path;
        s.width = 512;
        s.height = 512;
        s.classId = i % 2;
        Annotation big;
        big.classId = 1;
        big.box = QRectF(100 + 20 * i, 200, 60, 60);
        Annotation small;
        small.classId = 1;
        small.box = QRectF(400, 50, 10, 10);
        s.objects = {big, small};
        d.samples.push_back(s);
    }
    inspection->stats = computeStats(d);
    return inspection;
}

Pipeline pipelineOf(const QString &steps)
{
    return Pipeline::fromJson(QStringLiteral("{\"steps\": [%1]}").arg(steps).toUtf8());
}

/// The variants (not the "before" pictures) of the last render.
QList<VariantTile> variantsOf(const AugmentPanel &panel)
{
    QList<VariantTile> out;
    for (const VariantTile &t : panel.tiles())
        if (!t.original)
            out.append(t);
    return out;
}

/// Centre of the pixels brighter than mid-grey, in pixel indices; (-1, -1) when there are none.
QPointF brightCentroid(const QImage &image)
{
    double sx = 0, sy = 0;
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (qGray(image.pixel(x, y)) > 128) {
                sx += x;
                sy += y;
                ++n;
            }
    return n ? QPointF(sx / n, sy / n) : QPointF(-1, -1);
}

/// The angle a variant reports for its rotate step ("rotate: yes degrees=-12.34" in its details).
double reportedDegrees(const VariantTile &tile)
{
    static const QRegularExpression degrees(QStringLiteral("rotate: yes degrees=(-?[0-9.]+(e-?[0-9]+)?)"));
    const QRegularExpressionMatch m = degrees.match(tile.details);
    return m.hasMatch() ? m.captured(1).toDouble() : std::nan("");
}

} // namespace

class TestAugmentPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void rerendersOnParameterChange();
    void evaluationViewHasNoRandomVariation();
    void exactBatchShowsModelInput();
    void exactBatchOfBoxesShowsTheClassesTrainingUses();
    void warningsFillForHarmfulPipeline();
    void variantShowsTheReportedRotation();
    void everyStepTypeCanBeAdded();
    void tilesViewShowsEachTilesBoxes();

private:
    QTemporaryDir m_dir;
    InspectionPtr m_inspection;
    AugmentPanel *m_panel = nullptr;
};

void TestAugmentPanel::init()
{
    QVERIFY(m_dir.isValid());
    if (!m_inspection)
        m_inspection = makeInspection(m_dir.path());
    m_panel = new AugmentPanel;
    m_panel->resize(1200, 800);
    m_panel->setPipeline(pipelineOf(QStringLiteral(
        "{\"type\": \"resize\", \"width\": 224, \"height\": 224}, {\"type\": \"hflip\"},"
        "{\"type\": \"rotate\", \"max_degrees\": 10, \"probability\": 1},"
        "{\"type\": \"brightness\", \"max_delta\": 0.1, \"probability\": 1},"
        "{\"type\": \"normalize\", \"mean\": [0.485, 0.456, 0.406], \"std\": [0.229, 0.224, 0.225]}")));
    QSignalSpy rendered(m_panel, &AugmentPanel::rendered);
    m_panel->setInspection(m_inspection);
    QTRY_VERIFY(rendered.count() >= 1);
}

void TestAugmentPanel::cleanup()
{
    delete m_panel;
    m_panel = nullptr;
}

void TestAugmentPanel::rerendersOnParameterChange()
{
    QSignalSpy rendered(m_panel, &AugmentPanel::rendered);
    m_panel->setImages({3});
    m_panel->setVariantCount(16);
    QTRY_VERIFY(rendered.count() >= 1);
    QCOMPARE(variantsOf(*m_panel).size(), 16);
    // Every variant is labelled with what was applied to it.
    for (const VariantTile &t : variantsOf(*m_panel))
        QVERIFY2(t.caption.contains(QStringLiteral("rot")) && t.caption.contains(QStringLiteral("bright")),
                 qPrintable(t.caption));

    // A parameter change re-renders; time it from the change to the pictures (goal: 100 ms).
    std::vector<double> ms;
    for (int k = 0; k < 6; ++k) {
        rendered.clear();
        QVERIFY(m_panel->setStepParameter(2, QStringLiteral("max_degrees"), 20.0 + k));
        QTRY_COMPARE(rendered.count(), 1);
        ms.push_back(rendered.at(0).at(1).toDouble());
        QCOMPARE(rendered.at(0).at(0).toInt(), 17); // before + 16 variants
    }
    std::sort(ms.begin(), ms.end());
    qInfo("re-render of 16 variants of a 512 px image after a change: median %.1f ms, max %.1f ms", ms[ms.size() / 2],
          ms.back());

    // The angles drawn use the new range (up to 25°; 16 draws within the old 10° are unlikely), so the
    // pictures come from the edited pipeline. variantShowsTheReportedRotation checks the pixels.
    QVERIFY(m_panel->pipelineJson().contains("\"max_degrees\": 25"));
    double widest = 0;
    for (const VariantTile &t : variantsOf(*m_panel)) {
        const double d = reportedDegrees(t);
        QVERIFY2(std::abs(d) <= 25, qPrintable(t.details));
        widest = std::max(widest, std::abs(d));
    }
    QVERIFY2(widest > 10, qPrintable(QString::number(widest)));

    // Switching a step off re-renders without it.
    rendered.clear();
    m_panel->setStepEnabled(3, false);
    QTRY_COMPARE(rendered.count(), 1);
    for (const VariantTile &t : variantsOf(*m_panel))
        QVERIFY2(!t.caption.contains(QStringLiteral("bright")), qPrintable(t.caption));

    // An impossible value is refused and leaves the pipeline as it was.
    QVERIFY(!m_panel->setStepParameter(2, QStringLiteral("max_degrees"), 500.0));
    QVERIFY(m_panel->pipelineJson().contains("\"max_degrees\": 25"));
}

void TestAugmentPanel::evaluationViewHasNoRandomVariation()
{
    QSignalSpy rendered(m_panel, &AugmentPanel::rendered);
    m_panel->setImages({0, 1});
    m_panel->setVariantCount(6);
    QTRY_VERIFY(rendered.count() >= 1);
    rendered.clear();
    // Training variants differ from one another…
    QList<VariantTile> training = variantsOf(*m_panel);
    QCOMPARE(training.size(), 12);
    QVERIFY(training[0].image != training[1].image || training[1].image != training[2].image);

    m_panel->setEvaluationView(true);
    QTRY_COMPARE(rendered.count(), 1);
    const QList<VariantTile> eval = variantsOf(*m_panel);
    QCOMPARE(eval.size(), 12);
    // …the evaluation view's are identical per image, at the resize step's size.
    for (int i = 0; i < eval.size(); ++i) {
        const VariantTile &first = eval[i < 6 ? 0 : 6];
        QCOMPARE(eval[i].image, first.image);
        QCOMPARE(eval[i].image.size(), QSize(224, 224));
        QCOMPARE(eval[i].caption, AugmentPanel::tr("no random change"));
    }
    QVERIFY(eval[0].image != eval[6].image);
}

void TestAugmentPanel::exactBatchShowsModelInput()
{
    QSignalSpy rendered(m_panel, &AugmentPanel::rendered);
    m_panel->setModelInput(64, 3);
    m_panel->setBatchCount(4);
    m_panel->setPipeline(pipelineOf(QStringLiteral(
        "{\"type\": \"resize\", \"width\": 64, \"height\": 64}, {\"type\": \"hflip\"}, {\"type\": \"normalize\", \"mean\": [0.485, 0.456, 0.406], \"std\": [0.229, 0.224, 0.225]}")));
    rendered.clear();
    m_panel->setExactBatch(true);
    QTRY_VERIFY_WITH_TIMEOUT(rendered.count() >= 1, 15000);
    QTRY_VERIFY(rendered.count() >= 1 && rendered.last().at(0).toInt() == 4);
    const QList<VariantTile> tiles = m_panel->tiles();
    QCOMPARE(tiles.size(), 4);
    std::vector<int> samples;
    for (const VariantTile &t : tiles) {
        QCOMPARE(t.image.size(), QSize(64, 64));
        QVERIFY(t.sample >= 0 && t.sample < 6);
        samples.push_back(t.sample);
    }
    std::sort(samples.begin(), samples.end());
    QVERIFY(std::unique(samples.begin(), samples.end()) == samples.end());
    // De-normalised: the white square of a sample is white again (not the normalised ~2.5).
    const QImage &img = tiles[0].image;
    int bright = 0;
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x)
            bright += qGray(img.pixel(x, y)) > 240;
    QVERIFY2(bright > 40, qPrintable(QString::number(bright)));
}

void TestAugmentPanel::exactBatchOfBoxesShowsTheClassesTrainingUses()
{
    // As the COCO demo: boxes only, no image classes. Training gives each image the class of its
    // largest object and "no object" to the images without one; the batch must say the same.
    auto boxes = std::make_shared<Inspection>(*m_inspection);
    for (Sample &s : boxes->dataset.samples)
        s.classId = -1;
    boxes->dataset.samples[4].objects.clear();
    boxes->dataset.samples[5].objects.clear();
    QSignalSpy rendered(m_panel, &AugmentPanel::rendered);
    m_panel->setInspection(boxes);
    m_panel->setModelInput(64, 3);
    m_panel->setBatchCount(6); // with a dev fraction of 0.1, all six are train images (2 and 4 a class)
    rendered.clear();
    m_panel->setExactBatch(true);
    QTRY_VERIFY_WITH_TIMEOUT(!rendered.isEmpty() && rendered.last().at(0).toInt() == 6, 15000);
    QStringList captions;
    for (const VariantTile &t : m_panel->tiles()) {
        const QString expected = t.sample >= 4 ? QStringLiteral("no object") : QStringLiteral("scratch");
        QCOMPARE(t.caption, QStringLiteral("#%1 %2").arg(t.sample).arg(expected));
        captions << t.caption;
    }
    QCOMPARE(captions.size(), 6);
}

void TestAugmentPanel::warningsFillForHarmfulPipeline()
{
    QSignalSpy warned(m_panel, &AugmentPanel::warningsChanged);
    // 10 px objects at 64/512 are 1.25 px (the 60 px ones stay 7.5 px); brightness ±0.8 whitens or blackens most pixels.
    m_panel->setPipeline(pipelineOf(QStringLiteral(
        "{\"type\": \"resize\", \"width\": 64, \"height\": 64},"
        "{\"type\": \"brightness\", \"max_delta\": 0.8, \"probability\": 1}")));
    QTRY_VERIFY_WITH_TIMEOUT(!warned.isEmpty() && warned.last().at(0).toInt() >= 2, 10000);
    QVERIFY(m_panel->warningList()->count() >= 2);
    const AugmentWarning &first = m_panel->warnings().front();
    QCOMPARE(first.kind, AugmentWarningKind::TinyObjects);
    QVERIFY(m_panel->warningList()->item(0)->text().contains(QStringLiteral("6 of 12 objects")));

    // Clicking a warning shows its images before and after.
    QSignalSpy rendered(m_panel, &AugmentPanel::rendered);
    m_panel->warningList()->setCurrentRow(0);
    Q_EMIT m_panel->warningList()->itemClicked(m_panel->warningList()->item(0));
    QTRY_VERIFY(rendered.count() >= 1);
    QList<int> expected;
    for (std::size_t i = 0; i < std::min<std::size_t>(3, first.samples.size()); ++i)
        expected.append(first.samples[i]);
    QCOMPARE(m_panel->images(), expected);
    int before = 0;
    for (const VariantTile &t : m_panel->tiles())
        before += t.original;
    QCOMPARE(before, expected.size());

    // A benign pipeline empties the list again.
    m_panel->setPipeline(Pipeline::defaultTraining(512, 3));
    QTRY_VERIFY_WITH_TIMEOUT(!warned.isEmpty() && warned.last().at(0).toInt() == 0, 10000);
}

void TestAugmentPanel::variantShowsTheReportedRotation()
{
    // A black 160 px image with one white square 40 px right of the centre and no objects (no frames
    // drawn): after a turn by θ (counter-clockwise positive) the square must be at
    // centre + 40·(cos θ, −sin θ). A preview that ignored the angle, or turned the other way, fails.
    QTemporaryDir dir;
    cv::Mat m(160, 160, CV_8UC3, cv::Scalar(0, 0, 0));
    cv::rectangle(m, cv::Rect(114, 74, 12, 12), cv::Scalar(255, 255, 255), cv::FILLED);
    const QString path = dir.filePath(QStringLiteral("square.png"));
    QVERIFY(cv::imwrite(path.toStdString(), m));
    auto inspection = std::make_shared<Inspection>();
    inspection->dataset.format = QStringLiteral("folder");
    inspection->dataset.root = dir.path();
    inspection->dataset.classes = {QStringLiteral("only")};
    Sample sample;
    sample.path = path;
    sample.width = sample.height = 160;
    sample.classId = 0;
    inspection->dataset.samples.push_back(sample);
    inspection->stats = computeStats(inspection->dataset);

    AugmentPanel panel;
    QSignalSpy rendered(&panel, &AugmentPanel::rendered);
    panel.setPipeline(pipelineOf(QStringLiteral(
        "{\"type\": \"rotate\", \"max_degrees\": 90, \"probability\": 1, \"border\": \"constant\", \"border_value\": 0}")));
    panel.setVariantCount(12);
    panel.setInspection(inspection);
    panel.setImages({0});
    QTRY_VERIFY(!rendered.isEmpty() && variantsOf(panel).size() == 12);

    const double cx = (160 - 1) / 2.0, cy = (160 - 1) / 2.0;
    double widest = 0;
    for (const VariantTile &t : variantsOf(panel)) {
        QCOMPARE(t.image.size(), QSize(160, 160));
        const double degrees = reportedDegrees(t);
        QVERIFY2(std::isfinite(degrees), qPrintable(t.details));
        widest = std::max(widest, std::abs(degrees));
        const double rad = degrees * M_PI / 180.0;
        const QPointF expected(cx + 40 * std::cos(rad), cy - 40 * std::sin(rad));
        const QPointF drawn = brightCentroid(t.image);
        const QPointF miss = drawn - expected;
        QVERIFY2(std::hypot(miss.x(), miss.y()) < 2.0,
                 qPrintable(QStringLiteral("%1°: square drawn at (%2, %3), expected (%4, %5)")
                                .arg(degrees)
                                .arg(drawn.x())
                                .arg(drawn.y())
                                .arg(expected.x())
                                .arg(expected.y())));
    }
    // Turns wide enough that an unturned square (40 px right) would be far from where it belongs.
    QVERIFY2(widest > 30, qPrintable(QString::number(widest)));
}

void TestAugmentPanel::everyStepTypeCanBeAdded()
{
    // The editor's starting values for a new step are ones core accepts, for every type core knows.
    auto *type = m_panel->findChild<QComboBox *>(QStringLiteral("addStepType"));
    QVERIFY(type);
    auto *add = m_panel->findChild<QPushButton *>(QStringLiteral("addStep"));
    QVERIFY(add);
    QCOMPARE(type->count(), int(transforms::knownTypes().size()));
    for (const QString &name : transforms::knownTypes()) {
        m_panel->setPipeline(pipelineOf(QStringLiteral("{\"type\": \"hflip\"}")));
        type->setCurrentText(name);
        add->click();
        QByteArray json;
        try {
            json = m_panel->pipeline().toJson();
        } catch (const PipelineError &e) {
            QFAIL(qPrintable(QStringLiteral("%1: %2: %3").arg(name, e.place(), e.problem())));
        }
        QVERIFY2(json.contains(QStringLiteral("\"type\": \"%1\"").arg(name).toUtf8()), json.constData());
    }
}

void TestAugmentPanel::tilesViewShowsEachTilesBoxes()
{
    // Image 3 of 512×512 px: a 60 px box at 160,200, a 10 px one at 400,50, and here a 160 px one at
    // 180,180 across the middle. 2×2 tiles overlapping by 32 px are 272 px, at 0 and 240 each way:
    // tile 1 (top left) keeps the 60 px box whole; tile 2 (top right) the 10 px one; tile 3 (bottom
    // left) holds a third of the 60 px box, too little to keep. The 160 px box keeps at most 39% in any
    // tile (100×100 of 160×160 in tile 4): every tile drops it.
    auto inspection = std::make_shared<Inspection>(*m_inspection);
    Annotation across;
    across.classId = 1;
    across.box = QRectF(180, 180, 160, 160);
    inspection->dataset.samples[3].objects.push_back(across);
    QSignalSpy rendered(m_panel, &AugmentPanel::rendered);
    m_panel->setInspection(inspection);
    m_panel->setImages({3});
    m_panel->setVariantCount(3);
    m_panel->setInputSize(128);
    QTRY_VERIFY(rendered.count() >= 1);

    auto *view = m_panel->findChild<QCheckBox *>(QStringLiteral("tilesView"));
    auto *tiles = m_panel->findChild<QLineEdit *>(QStringLiteral("augmentTiles"));
    auto *overlap = m_panel->findChild<QSpinBox *>(QStringLiteral("augmentTileOverlap"));
    QVERIFY(view && tiles && overlap);
    QCOMPARE(overlap->value(), 32);
    QSignalSpy tilingChanged(m_panel, &AugmentPanel::tilingChanged);
    tiles->selectAll();
    QTest::keyClicks(tiles, QStringLiteral("2x2"));
    QCOMPARE(tilingChanged.last().at(0).toString(), QStringLiteral("2x2"));
    QCOMPARE(tilingChanged.last().at(1).toInt(), 32);
    rendered.clear();
    view->click();
    QTRY_VERIFY(rendered.count() >= 1);
    QTRY_VERIFY(!m_panel->tiles().isEmpty() && m_panel->tiles().front().caption.contains(QStringLiteral("2×2")));

    const QList<VariantTile> pictures = m_panel->tiles();
    QList<VariantTile> perTile, variants;
    for (const VariantTile &t : pictures) {
        if (t.original)
            continue;
        (t.kept >= 0 ? perTile : variants).append(t);
    }
    QCOMPARE(pictures.front().kept, 2);
    QCOMPARE(pictures.front().dropped, 1);
    QCOMPARE(perTile.size(), 4);
    const int kept[4] = {1, 1, 0, 0}, dropped[4] = {1, 1, 2, 1};
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(perTile[i].tile, i);
        QCOMPARE(perTile[i].kept, kept[i]);
        QCOMPARE(perTile[i].dropped, dropped[i]);
        QCOMPARE(perTile[i].image.size(), QSize(272, 272));
    }
    QCOMPARE(perTile[0].caption, QStringLiteral("r1 c1: 1 kept, 1 dropped"));
    // Then the tile keeping the most boxes (the first of the two with one) as training sees it.
    QCOMPARE(variants.size(), 3);
    for (const VariantTile &t : variants) {
        QCOMPARE(t.tile, 0);
        QCOMPARE(t.image.size(), QSize(128, 128));
    }
    QVERIFY(variants.front().rowStart);

    // A finer grid re-renders with it; a grid that does not parse is named on the page.
    rendered.clear();
    tiles->selectAll();
    QTest::keyClicks(tiles, QStringLiteral("3x3"));
    QTRY_VERIFY(!rendered.isEmpty() && m_panel->tiles().front().caption.contains(QStringLiteral("3×3")));
    int tileCount = 0;
    for (const VariantTile &t : m_panel->tiles())
        tileCount += t.kept >= 0 && !t.original;
    QCOMPARE(tileCount, 9);
    rendered.clear();
    tiles->selectAll();
    QTest::keyClicks(tiles, QStringLiteral("0x2"));
    QTRY_VERIFY(!rendered.isEmpty());
    auto *status = m_panel->findChild<QLabel *>(QStringLiteral("augmentStatus"));
    QVERIFY2(status->text().contains(QStringLiteral("tiles \"0x2\"")), qPrintable(status->text()));
}

QTEST_MAIN(TestAugmentPanel)
#include "tst_augmentpanel.moc"
