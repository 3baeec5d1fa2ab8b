// The Predictions page on a detection run: a COCO dataset of four generated images and a run folder
// written here as the trainer writes it (config.json with "task": "detect", detections-dev.json in
// the COCO results format, detections-dev-images.json). The page must switch to its detection view
// by itself, draw each box by how it matched, recount when the threshold slider moves, filter, and
// narrow the gallery to exactly the images of a confusion cell.

#include "TestUtil.h"
#include "Translations.h"

#include "ConfusionMatrixView.h"
#include "DetectionPredictionsView.h"
#include "ImageViewer.h"
#include "PredictionsPanel.h"
#include "PredictionModel.h"
#include "dataset/Inspection.h"
#include "eval/Predictions.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QSet>
#include <QSlider>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <qcustomplot.h>

using namespace loupe;
using loupe::test::writeBytes;
using loupe::test::writeImage;

namespace {

constexpr int kScratch = 0;
constexpr int kDent = 1;
constexpr int kBackground = 2;

// The run folder as the trainer writes it: category_id is the 1-based class index of config.json's
// dataset.classes, image_id the 1-based index in the dataset's image order, file_name the path.
QByteArray detectionsJson(const QString &images)
{
    const QString a = QDir(images).filePath(QStringLiteral("a.png"));
    const QString b = QDir(images).filePath(QStringLiteral("b.png"));
    auto det = [](int image, int category, double x, double y, double w, double h, double score, const QString &file) {
        return QJsonObject{{QStringLiteral("image_id"), image},
                           {QStringLiteral("category_id"), category},
                           {QStringLiteral("bbox"), QJsonArray{x, y, w, h}},
                           {QStringLiteral("score"), score},
                           {QStringLiteral("file_name"), file}};
    };
    const QJsonArray list{
        det(1, 1, 20, 20, 30, 30, 0.9, a),   // finds scratch A
        det(1, 1, 22, 21, 30, 30, 0.8, a),   // a second box on A: false positive
        det(1, 1, 101, 40, 30, 30, 0.7, a),  // calls dent B a scratch: wrong class
        det(1, 2, 60, 100, 10, 10, 0.3, a),  // a dent on nothing, under the default threshold
        det(2, 2, 10, 10, 20, 20, 0.6, b),   // a dent on an image without objects
    };
    return QJsonDocument(list).toJson();
}

/// data/instances.json over data/images/{a,b,c,d}.png and the run data/loupe-runs/<kRun>.
QString makeFixture(const QString &root)
{
    const QString images = QDir(root).filePath(QStringLiteral("images"));
    QJsonArray imageList;
    int id = 1;
    for (const char *name : {"a.png", "b.png", "c.png", "d.png"}) {
        writeImage(QDir(images).filePath(QString::fromLatin1(name)), 200, 150, 60 + 30 * id);
        imageList.append(QJsonObject{{QStringLiteral("id"), id++},
                                     {QStringLiteral("file_name"), QString::fromLatin1(name)},
                                     {QStringLiteral("width"), 200},
                                     {QStringLiteral("height"), 150}});
    }
    QJsonArray annotations;
    auto object = [&](int image, int category, double x, double y, double w, double h) {
        annotations.append(QJsonObject{{QStringLiteral("id"), annotations.size() + 1},
                                       {QStringLiteral("image_id"), image},
                                       {QStringLiteral("category_id"), category},
                                       {QStringLiteral("bbox"), QJsonArray{x, y, w, h}},
                                       {QStringLiteral("area"), w * h},
                                       {QStringLiteral("iscrowd"), 0}});
    };
    object(1, 1, 20, 20, 30, 30);   // a: scratch A
    object(1, 2, 100, 40, 30, 30);  // a: dent B
    object(1, 1, 150, 100, 12, 12); // a: scratch C, never found
    object(3, 2, 50, 50, 20, 20);   // c: a dent, no detection at all
    object(4, 1, 10, 10, 10, 10);   // d: a training image, not evaluated
    const QJsonObject coco{{QStringLiteral("images"), imageList},
                           {QStringLiteral("annotations"), annotations},
                           {QStringLiteral("categories"),
                            QJsonArray{QJsonObject{{QStringLiteral("id"), 1}, {QStringLiteral("name"), QStringLiteral("scratch")}},
                                       QJsonObject{{QStringLiteral("id"), 2}, {QStringLiteral("name"), QStringLiteral("dent")}}}}};
    const QString json = QDir(root).filePath(QStringLiteral("instances.json"));
    writeBytes(json, QJsonDocument(coco).toJson());

    const QString run = QDir(root).filePath(QStringLiteral("loupe-runs/20260101-120000"));
    QDir().mkpath(run);
    const QJsonObject config{{QStringLiteral("task"), QStringLiteral("detect")},
                             {QStringLiteral("model"), QStringLiteral("resnet18")},
                             {QStringLiteral("epochs"), 3},
                             {QStringLiteral("dataset"),
                              QJsonObject{{QStringLiteral("root"), json},
                                          {QStringLiteral("format"), QStringLiteral("coco")},
                                          {QStringLiteral("classes"),
                                           QJsonArray{QStringLiteral("scratch"), QStringLiteral("dent")}}}}};
    writeBytes(QDir(run).filePath(QStringLiteral("config.json")), QJsonDocument(config).toJson());
    writeBytes(QDir(run).filePath(QStringLiteral("detections-dev.json")), detectionsJson(images));
    // c.png was evaluated too, although nothing was detected on it.
    writeBytes(QDir(run).filePath(QStringLiteral("detections-dev-images.json")),
               QJsonDocument(QJsonArray{QDir(images).filePath(QStringLiteral("a.png")),
                                        QDir(images).filePath(QStringLiteral("b.png")),
                                        QDir(images).filePath(QStringLiteral("c.png"))})
                   .toJson());

    // An older classification run of the same images: the page shows it the classification way.
    const QString older = QDir(root).filePath(QStringLiteral("loupe-runs/20260101-110000"));
    QDir().mkpath(older);
    QJsonObject olderConfig = config;
    olderConfig.remove(QStringLiteral("task"));
    writeBytes(QDir(older).filePath(QStringLiteral("config.json")), QJsonDocument(olderConfig).toJson());
    PredictionSet set;
    set.classes = QStringList{QStringLiteral("scratch"), QStringLiteral("dent")};
    set.split = QStringLiteral("dev");
    for (const char *name : {"a.png", "b.png", "c.png"}) {
        Prediction p;
        p.path = QDir(images).filePath(QString::fromLatin1(name));
        p.truth = 0;
        p.predicted = name[0] == 'a' ? 0 : 1;
        p.confidence = 0.8f;
        p.probabilities = {p.predicted == 0 ? 0.8f : 0.2f, p.predicted == 1 ? 0.8f : 0.2f};
        set.items.push_back(p);
    }
    if (!predictionfiles::write(predictionfiles::devPath(older), set).isEmpty())
        qFatal("cannot write predictions");
    return json;
}

QStringList names(const QStringList &paths)
{
    QStringList out;
    for (const QString &p : paths)
        out.append(QFileInfo(p).fileName());
    return out;
}

int countOf(const std::vector<BoxVerdict> &verdicts, BoxVerdict v)
{
    return int(std::count(verdicts.begin(), verdicts.end(), v));
}

} // namespace

class TestDetectionPredictions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pageSwitchesToDetectionView();
    void drawsMatchedFalsePositiveMissedAndWrongClass();
    void thresholdSliderRecounts();
    void filtersAndSort();
    void confusionCellClickShowsExactlyItsBoxes();
    void boxListZoomsToTheBox();
    void prCurvesPerClass();

private:
    /// A page on the fixture with image a.png shown.
    void openPage(PredictionsPanel &panel);

    QTemporaryDir m_dir;
    QString m_images;
    InspectionPtr m_inspection;
};

void TestDetectionPredictions::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("LoupeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_detectionpredictions"));
    QVERIFY(installTranslators(*QCoreApplication::instance(), QLocale(QLocale::English)));
    QVERIFY(m_dir.isValid());
    const QString json = makeFixture(m_dir.filePath(QStringLiteral("data")));
    m_images = m_dir.filePath(QStringLiteral("data/images"));
    m_inspection = std::make_shared<const Inspection>(inspectDataset(json));
    QCOMPARE(int(m_inspection->dataset.samples.size()), 4);
}

void TestDetectionPredictions::openPage(PredictionsPanel &panel)
{
    panel.resize(1200, 800);
    panel.setInspection(m_inspection);
    panel.show();
    QVERIFY(panel.showsDetections());
    QVERIFY(panel.showImage(QDir(m_images).filePath(QStringLiteral("a.png"))));
    QTRY_VERIFY(!panel.detectionView()->viewer()->image().isNull());
}

void TestDetectionPredictions::pageSwitchesToDetectionView()
{
    PredictionsPanel panel;
    panel.setInspection(m_inspection);
    QCOMPARE(panel.runDirs().size(), 2);
    QCOMPARE(panel.currentSplit(), QStringLiteral("dev"));
    QVERIFY(panel.showsDetections());
    QCOMPARE(panel.model()->rowCount(), 0); // nothing of the classification view is loaded
    DetectionPredictionsView *view = panel.detectionView();
    QVERIFY(view->isVisibleTo(&panel));
    QAbstractItemModelTester tester(view->galleryModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    // The evaluated images: those of the images file, not d.png (a training image).
    // Most errors first; b and c (one error each) in the order the images file gave.
    QCOMPARE(names(view->galleryPaths()), (QStringList{QStringLiteral("a.png"), QStringLiteral("b.png"),
                                                       QStringLiteral("c.png")}));
    QVERIFY2(panel.findChild<QLabel *>(QStringLiteral("predictionsSummary"))->text().contains(QLatin1String("3 image")),
             qPrintable(panel.findChild<QLabel *>(QStringLiteral("predictionsSummary"))->text()));
    QCOMPARE(view->galleryModel()->data(view->galleryModel()->index(0), Qt::DisplayRole).toString(),
             QStringLiteral("a.png\n1 missed, 1 false positive, 1 wrong class"));

    // The older run is a classifier's: the page goes back to its classification view, and returns.
    QVERIFY(panel.selectRun(panel.runDirs().at(1)));
    QVERIFY(!panel.showsDetections());
    QCOMPARE(panel.model()->rowCount(), 3);
    QVERIFY(view->images().empty());
    QVERIFY(panel.selectRun(panel.runDirs().at(0)));
    QVERIFY(panel.showsDetections());
    QCOMPARE(int(view->images().size()), 3);
    QCOMPARE(panel.model()->rowCount(), 0);
}

void TestDetectionPredictions::drawsMatchedFalsePositiveMissedAndWrongClass()
{
    PredictionsPanel panel;
    openPage(panel);
    DetectionPredictionsView *view = panel.detectionView();
    QCOMPARE(view->threshold(), 0.5);
    const std::vector<BoxVerdict> &v = view->overlayVerdicts();
    const std::vector<OverlayBox> &boxes = view->overlayBoxes();
    QCOMPARE(boxes.size(), v.size());
    // Objects A (found), B (found as another class), C (missed); detections: one match, one
    // duplicate, one wrong class. The dent scored 0.3 is not drawn.
    QCOMPARE(int(v.size()), 6);
    QCOMPARE(countOf(v, BoxVerdict::Matched), 2); // the detection and its object
    QCOMPARE(countOf(v, BoxVerdict::FalsePositive), 1);
    QCOMPARE(countOf(v, BoxVerdict::Missed), 1);
    QCOMPARE(countOf(v, BoxVerdict::WrongClass), 2);
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        const VerdictStyle s = detectionStyle(v[i], boxes[i].label.contains(QLatin1String("0.")));
        QCOMPARE(boxes[i].color, s.color);
        QVERIFY(!boxes[i].dimmed);
        if (v[i] == BoxVerdict::Missed) {
            QCOMPARE(boxes[i].box, QRectF(150, 100, 12, 12));
            QCOMPARE(boxes[i].style, Qt::DashLine);
            QCOMPARE(boxes[i].label, QStringLiteral("missed: scratch"));
        }
        if (v[i] == BoxVerdict::FalsePositive)
            QCOMPARE(boxes[i].box, QRectF(22, 21, 30, 30));
    }
    // Four kinds, four colours, and the lines differ too (for a reader who cannot tell colours).
    const QColor tp = detectionStyle(BoxVerdict::Matched, true).color;
    const QColor fp = detectionStyle(BoxVerdict::FalsePositive, true).color;
    const QColor fn = detectionStyle(BoxVerdict::Missed, false).color;
    const QColor wc = detectionStyle(BoxVerdict::WrongClass, true).color;
    QCOMPARE(QSet<QRgb>({tp.rgb(), fp.rgb(), fn.rgb(), wc.rgb()}).size(), 4);
    QVERIFY(detectionStyle(BoxVerdict::FalsePositive, true).style != detectionStyle(BoxVerdict::Matched, true).style);
    QVERIFY(detectionStyle(BoxVerdict::Missed, false).style != detectionStyle(BoxVerdict::FalsePositive, true).style);

    // The boxes are really painted: the missed box's colour is on screen where C is.
    const QImage shot = view->viewer()->grab().toImage();
    const QRectF c = view->viewer()->mapToWidget(QRectF(150, 100, 12, 12));
    bool found = false;
    for (int x = int(c.left()) - 2; x <= int(c.right()) + 2 && !found; ++x)
        found = shot.pixelColor(x, int(std::lround(c.top()))).rgb() == fn.rgb();
    QVERIFY(found);
    // The legend names every kind.
    const QWidget *legend = view->findChild<QWidget *>(QStringLiteral("detectionLegend"));
    QVERIFY(legend);
    QStringList legendTexts;
    for (const QLabel *l : legend->findChildren<QLabel *>())
        legendTexts << l->text();
    for (const char *kind : {"matched (true positive)", "false positive", "missed (false negative)", "wrong class"})
        QVERIFY2(legendTexts.contains(QString::fromLatin1(kind)), kind);
}

void TestDetectionPredictions::thresholdSliderRecounts()
{
    PredictionsPanel panel;
    openPage(panel);
    DetectionPredictionsView *view = panel.detectionView();
    const QLabel *counts = view->findChild<QLabel *>(QStringLiteral("detectionCounts"));
    QCOMPARE(view->review().matched, 1);
    QCOMPARE(view->review().missed, 2);
    QCOMPARE(view->review().falsePositives, 2);
    QCOMPARE(view->review().wrongClass, 1);
    const QString before = counts->text();

    // Down to 0.20: the dent scored 0.3 on a.png appears, a third false positive.
    view->thresholdSlider()->setValue(20);
    QCOMPARE(view->threshold(), 0.2);
    QCOMPARE(view->review().falsePositives, 3);
    QCOMPARE(countOf(view->overlayVerdicts(), BoxVerdict::FalsePositive), 2);
    QVERIFY(counts->text() != before);
    QVERIFY2(counts->text().contains(QLatin1String("<b>3</b> false positives")), qPrintable(counts->text()));
    QCOMPARE(view->findChild<QLabel *>(QStringLiteral("scoreThresholdText"))->text(), QStringLiteral("0.20"));

    // Up to 0.95: nothing is left; every object is missed and nothing is wrong-class any more.
    view->thresholdSlider()->setValue(95);
    QCOMPARE(view->review().matched, 0);
    QCOMPARE(view->review().missed, 4);
    QCOMPARE(view->review().falsePositives, 0);
    QCOMPARE(view->review().wrongClass, 0);
    QCOMPARE(countOf(view->overlayVerdicts(), BoxVerdict::Missed), 3);
    QCOMPARE(int(view->overlayVerdicts().size()), 3);
    QCOMPARE(view->galleryModel()->data(view->galleryModel()->index(view->galleryModel()->rowOfImage(1)), Qt::DisplayRole)
                 .toString(),
             QStringLiteral("b.png\nno errors (0 found)"));
}

void TestDetectionPredictions::filtersAndSort()
{
    PredictionsPanel panel;
    openPage(panel);
    DetectionPredictionsView *view = panel.detectionView();
    view->findChild<QCheckBox *>(QStringLiteral("missesOnly"))->click();
    QCOMPARE(names(view->galleryPaths()), (QStringList{QStringLiteral("a.png"), QStringLiteral("c.png")}));
    view->setMissesOnly(false);
    view->findChild<QCheckBox *>(QStringLiteral("falsePositivesOnly"))->click();
    QCOMPARE(names(view->galleryPaths()), (QStringList{QStringLiteral("a.png"), QStringLiteral("b.png")}));
    view->setFalsePositivesOnly(false);
    view->setClassFilter(kDent); // c has a dent, b a dent detection, a the dent B
    QCOMPARE(names(view->galleryPaths()), (QStringList{QStringLiteral("a.png"), QStringLiteral("b.png"), QStringLiteral("c.png")}));
    view->setClassFilter(kScratch);
    QCOMPARE(names(view->galleryPaths()), QStringList{QStringLiteral("a.png")});
    view->clearFilters();
    view->setSort(DetectionPredictionsView::Sort::Name);
    QCOMPARE(names(view->galleryPaths()), (QStringList{QStringLiteral("a.png"), QStringLiteral("b.png"), QStringLiteral("c.png")}));
    // The shown image stays shown through filters that keep it.
    QCOMPARE(QFileInfo(view->currentPath()).fileName(), QStringLiteral("a.png"));
}

void TestDetectionPredictions::confusionCellClickShowsExactlyItsBoxes()
{
    PredictionsPanel panel;
    openPage(panel);
    DetectionPredictionsView *view = panel.detectionView();
    view->tabs()->setCurrentIndex(1);
    ConfusionMatrixView *matrix = view->confusionView();
    QTRY_VERIFY(matrix->isVisible());
    QCOMPARE(matrix->classes(), (QStringList{QStringLiteral("scratch"), QStringLiteral("dent"), QStringLiteral("background")}));
    QCOMPARE(matrix->counts()[kBackground][kDent], 1);
    QCOMPARE(matrix->counts()[kDent][kBackground], 1);
    QCOMPARE(matrix->counts()[kDent][kScratch], 1);

    // Background → dent: the dent detected on b.png, nothing else.
    QTest::mouseClick(matrix, Qt::LeftButton, {}, matrix->cellRect(kBackground, kDent).center());
    QCOMPARE(view->tabs()->currentIndex(), 0);
    QCOMPARE(names(view->galleryPaths()), QStringList{QStringLiteral("b.png")});
    QTRY_COMPARE(QFileInfo(view->currentPath()).fileName(), QStringLiteral("b.png"));
    QVERIFY2(view->countText().contains(QLatin1String("truth background predicted as dent")), qPrintable(view->countText()));

    // Dent → scratch on a.png: that detection and its object in focus, every other box faint.
    view->tabs()->setCurrentIndex(1);
    QTest::mouseClick(matrix, Qt::LeftButton, {}, matrix->cellRect(kDent, kScratch).center());
    QCOMPARE(names(view->galleryPaths()), QStringList{QStringLiteral("a.png")});
    QTRY_COMPARE(QFileInfo(view->currentPath()).fileName(), QStringLiteral("a.png"));
    int inFocus = 0;
    for (std::size_t i = 0; i < view->overlayBoxes().size(); ++i) {
        if (!view->overlayBoxes()[i].dimmed) {
            ++inFocus;
            QCOMPARE(view->overlayVerdicts()[i], BoxVerdict::WrongClass);
        }
    }
    QCOMPARE(inFocus, 2);

    // Scratch → background: the missed scratch C.
    view->filterToCell(kScratch, kBackground);
    QCOMPARE(names(view->galleryPaths()), QStringList{QStringLiteral("a.png")});
    view->filterToCell(kDent, kBackground);
    QCOMPARE(names(view->galleryPaths()), QStringList{QStringLiteral("c.png")});
    // Any other filter ends the cell's view.
    view->setMissesOnly(true);
    QCOMPARE(view->galleryPaths().size(), 2);
}

void TestDetectionPredictions::boxListZoomsToTheBox()
{
    PredictionsPanel panel;
    openPage(panel);
    DetectionPredictionsView *view = panel.detectionView();
    ImageViewer *viewer = view->viewer();
    QTRY_VERIFY(viewer->isVisible());
    const double fitted = viewer->scale();
    int missed = -1;
    for (int i = 0; i < int(view->overlayVerdicts().size()); ++i)
        if (view->overlayVerdicts()[std::size_t(i)] == BoxVerdict::Missed)
            missed = i;
    QVERIFY(missed >= 0);
    QVERIFY(view->boxList()->item(missed)->text().startsWith(QLatin1String("Missed scratch")));
    view->boxList()->setCurrentRow(missed);
    QVERIFY(viewer->scale() > fitted);
    const QPointF centre = viewer->mapToWidget(QRectF(150, 100, 12, 12)).center();
    QVERIFY(qAbs(centre.x() - viewer->width() / 2.0) < 2);
    QVERIFY(qAbs(centre.y() - viewer->height() / 2.0) < 2);
    // The ruler measures in image pixels across the zoomed box.
    viewer->setMeasuring(true);
    const QPoint from = viewer->mapToWidget(QPointF(150, 100)).toPoint();
    const QPoint to = viewer->mapToWidget(QPointF(162, 100)).toPoint();
    QTest::mousePress(viewer, Qt::LeftButton, {}, from);
    QTest::mouseMove(viewer, to);
    QTest::mouseRelease(viewer, Qt::LeftButton, {}, to);
    QVERIFY2(qAbs(viewer->measurement().length() - 12) < 0.5, qPrintable(QString::number(viewer->measurement().length())));
}

void TestDetectionPredictions::prCurvesPerClass()
{
    PredictionsPanel panel;
    openPage(panel);
    DetectionPredictionsView *view = panel.detectionView();
    QCustomPlot *plot = view->prPlot();
    // One curve and one threshold dot per class with objects.
    QCOMPARE(plot->graphCount(), 4);
    QVERIFY(plot->graph(0)->name().startsWith(QLatin1String("scratch (AP50 ")));
    // Scratch: found A first (precision 1 to recall 0.5), then nothing: AP50 = 51/101.
    QVERIFY(qAbs(view->metrics().perClass[kScratch].ap50 - 51.0 / 101) < 1e-9);
    QCOMPARE(plot->graph(0)->data()->size(), 101);
    // The dot sits at the threshold's recall and precision: scratch 1 of 2 found, 1 of 3 right.
    const auto dot = plot->graph(1)->data()->at(0);
    QCOMPARE(dot->key, 0.5);
    QCOMPARE(dot->value, 1.0 / 3);
}

QTEST_MAIN(TestDetectionPredictions)
#include "tst_detectionpredictions.moc"
