// The dataset browser: models, filters and sorts, asynchronous thumbnails with their caches,
// the image viewer's geometry and ruler, drag and drop, recent datasets, and --screenshot.

#include "TestUtil.h"

#include "BrowserPanel.h"
#include "ClassBalanceChart.h"
#include "ClassColors.h"
#include "DropOpener.h"
#include "ImageViewer.h"
#include "MainWindow.h"
#include "Settings.h"
#include "ThumbnailFilterModel.h"
#include "ThumbnailLoader.h"
#include "ThumbnailModel.h"
#include "dataset/DatasetStats.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QListView>
#include <QMimeData>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUrl>
#include <QtTest>

#include <qcustomplot.h>

using namespace loupe;
using loupe::test::writeBytes;
using loupe::test::writeImage;

namespace {

// A noisy JPEG: big enough (well over the disk cache's small-file threshold) and never all one colour.
void writeNoisyJpeg(const QString &path, int width, int height, int seed)
{
    cv::Mat m(height, width, CV_8UC3);
    cv::randu(m, cv::Scalar::all(0), cv::Scalar::all(255));
    m(cv::Rect(0, 0, width / 2, height / 2)).setTo(cv::Scalar(seed * 40 % 255, 80, 160));
    std::vector<uchar> buf;
    cv::imencode(".jpg", m, buf, {cv::IMWRITE_JPEG_QUALITY, 95});
    writeBytes(path, QByteArray(reinterpret_cast<const char *>(buf.data()), int(buf.size())));
}

Sample sample(const QString &path, int classId, SplitName split, int w, int h)
{
    Sample s;
    s.path = path;
    s.classId = classId;
    s.split = split;
    s.width = w;
    s.height = h;
    return s;
}

// Five images in three classes and two splits, and one broken file.
InspectionPtr syntheticInspection()
{
    auto in = std::make_shared<Inspection>();
    Dataset &ds = in->dataset;
    ds.root = QStringLiteral("/data/set");
    ds.format = QStringLiteral("folder");
    ds.classes = {QStringLiteral("ok"), QStringLiteral("scratch"), QStringLiteral("dent")};
    ds.samples.push_back(sample(QStringLiteral("/data/set/train/ok/c.png"), 0, SplitName::Train, 100, 100));
    ds.samples.push_back(sample(QStringLiteral("/data/set/train/scratch/a.png"), 1, SplitName::Train, 300, 200));
    ds.samples.push_back(sample(QStringLiteral("/data/set/test/ok/b.png"), 0, SplitName::Test, 50, 40));
    ds.samples.push_back(sample(QStringLiteral("/data/set/test/dent/e.png"), 2, SplitName::Test, 640, 480));
    Sample boxes = sample(QStringLiteral("/data/set/train/ok/d.png"), -1, SplitName::Train, 200, 200);
    Annotation a;
    a.classId = 1;
    a.box = QRectF(10, 10, 5, 5);
    boxes.objects.push_back(a);
    ds.samples.push_back(boxes);
    ds.badFiles.push_back({QStringLiteral("/data/set/train/ok/broken.jpg"), QStringLiteral("truncated JPEG")});
    in->stats = computeStats(ds);
    return in;
}

InspectionPtr syntheticInspectionWithoutObjects()
{
    auto in = std::make_shared<Inspection>();
    in->dataset.root = QStringLiteral("/data/plain");
    in->dataset.format = QStringLiteral("folder");
    in->dataset.classes = {QStringLiteral("a"), QStringLiteral("b")};
    in->dataset.samples.push_back(sample(QStringLiteral("/data/plain/a/1.png"), 0, SplitName::None, 32, 32));
    in->dataset.samples.push_back(sample(QStringLiteral("/data/plain/b/1.png"), 1, SplitName::None, 32, 32));
    in->stats = computeStats(in->dataset);
    return in;
}

QStringList names(const QAbstractItemModel &m)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r, 0).data(ThumbnailModel::FileNameRole).toString();
    return out;
}

} // namespace

class TestBrowser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void modelsPassTheTester();
    void filters_data();
    void filters();
    void sorts_data();
    void sorts();
    void deliveryIsOneDataChangedPerBurst();
    void decodeScale_data();
    void decodeScale();
    void thumbnailsArriveAsynchronouslyAndHitTheDiskCache();
    void memoryCacheStaysWithinBudget();
    void panelShowsThumbnailsAndCounts();
    void noObjectEntryForDetectionDatasets();
    void chartClickAndProblemsOpenImages();
    void viewerZoom();
    void overlayGeometryFollowsZoomAndPan();
    void measuringTool();
    void droppedFolderOpens();
    void recentListRoundTrip();
    void screenshotWritesPng();
    void helpWorksWithoutADisplay();

private:
    QTemporaryDir m_dir;
    QString m_images; // a folder dataset on disk, made once
};

void TestBrowser::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LoupeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_browser"));
    QSettings().clear();
    QDir(ThumbnailLoader::defaultDiskCacheDir()).removeRecursively();
    QVERIFY(m_dir.isValid());
    m_images = m_dir.filePath(QStringLiteral("images"));
    for (int i = 0; i < 6; ++i)
        writeNoisyJpeg(m_images + QStringLiteral("/%1/%2.jpg").arg(i < 4 ? "good" : "bad").arg(i), 640, 480, i);
    writeBytes(m_images + QStringLiteral("/bad/cut.jpg"), QByteArray::fromHex("ffd8ffe000104a464946"));
}

void TestBrowser::modelsPassTheTester()
{
    ThumbnailModel model;
    ThumbnailFilterModel proxy;
    proxy.setThumbnailModel(&model);
    QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setInspection(syntheticInspection());
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.brokenCount(), 1);
    proxy.setClassFilter(0);
    proxy.setSortKey(ThumbnailFilterModel::SortKey::Name);
    proxy.setBrokenOnly(true);
    proxy.clearFilters();
    proxy.setPathFilter(QStringLiteral("TEST"));
    proxy.setSortKey(ThumbnailFilterModel::SortKey::DatasetOrder);
    model.setInspection(nullptr);
    QCOMPARE(proxy.rowCount(), 0);
    model.setInspection(syntheticInspection());
    const QModelIndex broken = model.index(5);
    QVERIFY(broken.data(ThumbnailModel::BrokenRole).toBool());
    QCOMPARE(broken.data(ThumbnailModel::ReasonRole).toString(), QStringLiteral("truncated JPEG"));
    QCOMPARE(model.index(1).data(ThumbnailModel::ClassNameRole).toString(), QStringLiteral("scratch"));
    QCOMPARE(model.index(1).data(ThumbnailModel::SplitRole).toString(), QStringLiteral("train"));
    QCOMPARE(model.index(1).data(ThumbnailModel::SizeRole).toSize(), QSize(300, 200));
    QVERIFY(model.index(4).data(ThumbnailModel::HasObjectsRole).toBool());
}

void TestBrowser::filters_data()
{
    QTest::addColumn<int>("classId");
    QTest::addColumn<int>("split");
    QTest::addColumn<bool>("brokenOnly");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("everything") << -1 << -1 << false << QString()
                                << QStringList{"c.png", "a.png", "b.png", "e.png", "d.png", "broken.jpg"};
    QTest::newRow("class ok") << 0 << -1 << false << QString() << QStringList{"c.png", "b.png"};
    // An image without a class of its own matches through its objects.
    QTest::newRow("class scratch, by object") << 1 << -1 << false << QString() << QStringList{"a.png", "d.png"};
    QTest::newRow("split test") << -1 << int(SplitName::Test) << false << QString() << QStringList{"b.png", "e.png"};
    QTest::newRow("broken only") << -1 << -1 << true << QString() << QStringList{"broken.jpg"};
    QTest::newRow("path text, any case") << -1 << -1 << false << QStringLiteral("TRAIN/OK")
                                         << QStringList{"c.png", "d.png", "broken.jpg"};
    QTest::newRow("combined") << 0 << int(SplitName::Train) << false << QStringLiteral("c") << QStringList{"c.png"};
    QTest::newRow("nothing") << 2 << int(SplitName::Train) << false << QString() << QStringList{};
}

void TestBrowser::filters()
{
    QFETCH(int, classId);
    QFETCH(int, split);
    QFETCH(bool, brokenOnly);
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    ThumbnailModel model;
    model.setInspection(syntheticInspection());
    ThumbnailFilterModel proxy;
    proxy.setThumbnailModel(&model);
    proxy.setClassFilter(classId);
    proxy.setSplitFilter(split);
    proxy.setBrokenOnly(brokenOnly);
    proxy.setPathFilter(text);
    QCOMPARE(names(proxy), expected);
}

void TestBrowser::sorts_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<QStringList>("expected");
    using K = ThumbnailFilterModel::SortKey;
    QTest::newRow("dataset order") << int(K::DatasetOrder)
                                   << QStringList{"c.png", "a.png", "b.png", "e.png", "d.png", "broken.jpg"};
    QTest::newRow("name") << int(K::Name) << QStringList{"a.png", "b.png", "c.png", "d.png", "e.png", "broken.jpg"};
    // By class name: dent, ok, ok, scratch, scratch (d.png's object); broken files last.
    QTest::newRow("class") << int(K::Class) << QStringList{"e.png", "b.png", "c.png", "a.png", "d.png", "broken.jpg"};
    QTest::newRow("image size") << int(K::ImageSize)
                                << QStringList{"b.png", "c.png", "d.png", "a.png", "e.png", "broken.jpg"};
}

void TestBrowser::sorts()
{
    QFETCH(int, key);
    QFETCH(QStringList, expected);
    ThumbnailModel model;
    model.setInspection(syntheticInspection());
    ThumbnailFilterModel proxy;
    proxy.setThumbnailModel(&model);
    proxy.setSortKey(ThumbnailFilterModel::SortKey::Name);
    proxy.setSortKey(ThumbnailFilterModel::SortKey(key));
    QCOMPARE(names(proxy), expected);
}

void TestBrowser::deliveryIsOneDataChangedPerBurst()
{
    ThumbnailModel model;
    ThumbnailLoader loader;
    model.setLoader(&loader);
    const InspectionPtr in = syntheticInspection();
    model.setInspection(in);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    Q_EMIT loader.thumbnailsReady({in->dataset.samples[1].path, in->dataset.samples[3].path,
                                   in->dataset.samples[2].path, QStringLiteral("/not/in/the/model.png")});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed[0][0].toModelIndex().row(), 1);
    QCOMPARE(changed[0][1].toModelIndex().row(), 3);
    QCOMPARE(changed[0][2].value<QList<int>>(), QList<int>{Qt::DecorationRole});
}

void TestBrowser::decodeScale_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("scale");
    QTest::newRow("1600x1200 at 128: eighth") << 1600 << 1200 << 128 << 8;
    QTest::newRow("1600x1200 at 256: quarter") << 1600 << 1200 << 256 << 4;
    QTest::newRow("1600x1200 at 320: quarter") << 1600 << 1200 << 320 << 4;
    QTest::newRow("640x480 at 320: half") << 640 << 480 << 320 << 2;
    QTest::newRow("200x100 at 128: full") << 200 << 100 << 128 << 1;
    QTest::newRow("portrait 1200x1600 at 200: eighth") << 1200 << 1600 << 200 << 8;
}

void TestBrowser::decodeScale()
{
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(int, size);
    QFETCH(int, scale);
    QCOMPARE(int(ThumbnailLoader::scaleFor(width, height, size)), scale);
}

void TestBrowser::thumbnailsArriveAsynchronouslyAndHitTheDiskCache()
{
    QTemporaryDir cache;
    QVector<ThumbnailRequest> requests;
    for (int i = 0; i < 4; ++i)
        requests.append({m_images + QStringLiteral("/good/%1.jpg").arg(i), 640, 480, nullptr, -1});
    {
        ThumbnailLoader loader;
        loader.setDiskCacheDir(cache.path());
        loader.setDiskCacheMinFileBytes(0);
        loader.setThumbnailSize(128);
        QSignalSpy ready(&loader, &ThumbnailLoader::thumbnailsReady);
        loader.request(requests);
        QVERIFY(loader.thumbnail(requests[0].path).isNull()); // nothing decoded on the calling thread
        QTRY_VERIFY_WITH_TIMEOUT(loader.isIdle(), 10000);
        QStringList delivered;
        for (const auto &args : ready)
            delivered += args[0].toStringList();
        delivered.sort();
        QCOMPARE(delivered.size(), 4);
        QVERIFY2(ready.size() < 4 || ready.size() == 4, "batched"); // bursts may group deliveries
        for (const ThumbnailRequest &r : requests) {
            const QPixmap p = loader.thumbnail(r.path);
            QCOMPARE(p.size(), QSize(128, 96)); // fits 128 × 128, aspect kept
        }
        QCOMPARE(loader.counters().decoded, 4);
        QCOMPARE(loader.counters().diskHits, 0);
        QCOMPARE(QDir(cache.path()).entryList(QDir::Files).size(), 4);
    }
    // A second loader (a second open of the dataset) reads the disk cache instead of the images.
    ThumbnailLoader second;
    second.setDiskCacheDir(cache.path());
    second.setDiskCacheMinFileBytes(0);
    second.setThumbnailSize(128);
    second.request(requests);
    QTRY_VERIFY_WITH_TIMEOUT(second.isIdle(), 10000);
    QCOMPARE(second.counters().diskHits, 4);
    QCOMPARE(second.counters().decoded, 0);
    QCOMPARE(second.thumbnail(requests[2].path).size(), QSize(128, 96));

    // Another size is another key; a changed file is another key.
    const QString other = ThumbnailLoader::diskCacheKey(requests[0].path, 100, 5, 128);
    QVERIFY(other != ThumbnailLoader::diskCacheKey(requests[0].path, 100, 5, 256));
    QVERIFY(other != ThumbnailLoader::diskCacheKey(requests[0].path, 100, 6, 128));
    QVERIFY(other != ThumbnailLoader::diskCacheKey(requests[0].path, 101, 5, 128));
}

void TestBrowser::memoryCacheStaysWithinBudget()
{
    ThumbnailLoader loader;
    loader.setDiskCacheDir(QString());
    loader.setThumbnailSize(64);
    // A 64 × 48 RGB32 thumbnail is 12 KiB: room for three.
    loader.setMemoryBudget(3 * 12 * 1024 + 1000);
    QVector<ThumbnailRequest> requests;
    for (int i = 0; i < 6; ++i)
        requests.append({m_images + QStringLiteral("/%1/%2.jpg").arg(i < 4 ? "good" : "bad").arg(i), 0, 0, nullptr, -1});
    for (const ThumbnailRequest &r : requests) {
        loader.request({r});
        QTRY_VERIFY_WITH_TIMEOUT(loader.isIdle(), 10000);
        QVERIFY(loader.memoryBytes() <= loader.memoryBudget());
    }
    QCOMPARE(loader.memoryCount(), 3);
    // Least recently used went first.
    QVERIFY(loader.thumbnail(requests[0].path).isNull());
    QVERIFY(!loader.thumbnail(requests[5].path).isNull());
}

void TestBrowser::panelShowsThumbnailsAndCounts()
{
    BrowserPanel panel;
    panel.loader()->setDiskCacheDir(QString());
    panel.resize(1000, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto inspection = std::make_shared<const Inspection>(inspectDataset(m_images));
    QCOMPARE(int(inspection->dataset.samples.size()), 6);
    QSignalSpy requested(&panel, &BrowserPanel::thumbnailsRequested);
    panel.setInspection(inspection);
    QCOMPARE(panel.countText(), QStringLiteral("showing 7 of 7 (1 broken)"));
    QTRY_VERIFY_WITH_TIMEOUT(requested.size() > 0, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(panel.loader()->isIdle(), 10000);
    const QList<int> visible = panel.visibleRows();
    QCOMPARE(visible.size(), 7);
    for (int row = 0; row < 6; ++row)
        QVERIFY(!qvariant_cast<QPixmap>(panel.proxy()->index(row, 0).data(Qt::DecorationRole)).isNull());

    // A tiny grid shows only its first row: only that is requested.
    panel.setThumbnailSize(64);
    panel.grid()->setFixedSize(160, 110);
    QTRY_VERIFY(panel.visibleRows().size() < 7);
    QVERIFY(panel.visibleRows().contains(0));

    panel.filterClass(int(inspection->dataset.classes.indexOf(QStringLiteral("bad"))));
    QCOMPARE(panel.countText(), QStringLiteral("showing 2 of 7 (1 broken)"));
    panel.filterClass(-1);
    QCOMPARE(panel.countText(), QStringLiteral("showing 7 of 7 (1 broken)"));
}

// Issue 19, item 11: a detection dataset's class filter offers the images without objects, the
// "no object" class training gives them (a crowd region alone is not an object).
void TestBrowser::noObjectEntryForDetectionDatasets()
{
    auto in = std::make_shared<Inspection>();
    Dataset &ds = in->dataset;
    ds.root = QStringLiteral("/data/coco");
    ds.format = QStringLiteral("coco");
    ds.classes = {QStringLiteral("scratch"), QStringLiteral("spot")};
    for (int i = 0; i < 4; ++i) {
        Sample s = sample(QStringLiteral("/data/coco/%1.png").arg(i), -1, SplitName::None, 64, 64);
        Annotation a;
        a.classId = i % 2;
        a.box = QRectF(4, 4, 8, 8);
        a.crowd = i == 3;
        if (i != 2)
            s.objects.push_back(a);
        ds.samples.push_back(s);
    }
    in->stats = computeStats(ds);
    BrowserPanel panel;
    panel.loader()->setDiskCacheDir(QString());
    panel.resize(1000, 700);
    panel.show();
    panel.setInspection(in);
    auto *classes = panel.findChild<QComboBox *>(QStringLiteral("classFilter"));
    QVERIFY(classes);
    const int none = classes->findText(QStringLiteral("no object"));
    QVERIFY(none > 0);
    classes->setCurrentIndex(none);
    QTRY_COMPARE(panel.countText(), QStringLiteral("showing 2 of 4"));
    QCOMPARE(names(*panel.proxy()), (QStringList{"2.png", "3.png"}));

    // A classification dataset has no such entry.
    panel.setInspection(syntheticInspectionWithoutObjects());
    QCOMPARE(classes->findText(QStringLiteral("no object")), -1);
}

void TestBrowser::chartClickAndProblemsOpenImages()
{
    MainWindow w;
    w.resize(1400, 900);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QSignalSpy done(&w, &MainWindow::inspectionDone);
    w.openDataset(m_images);
    QVERIFY(done.wait(30000));
    auto *panel = w.findChild<BrowserPanel *>();
    QVERIFY(panel);

    // Clicking the "good" bar in the Classes chart filters the grid to it.
    ClassBalanceChart *chart = w.classChart();
    QSignalSpy clicked(chart, &ClassBalanceChart::classClicked);
    chart->plot()->replot();
    int goodIndex = -1; // the chart lists DatasetStats::classes
    for (int i = 0; i < int(w.inspection()->stats.classes.size()); ++i)
        if (w.inspection()->stats.classes[std::size_t(i)].name == QLatin1String("good"))
            goodIndex = i;
    QVERIFY(goodIndex >= 0);
    const QPoint bar(int(chart->plot()->xAxis->coordToPixel(2.0)), int(chart->plot()->yAxis->coordToPixel(goodIndex)));
    QTest::mouseClick(chart->plot(), Qt::LeftButton, {}, bar);
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked[0][0].toInt(), goodIndex);
    QCOMPARE(panel->countText(), QStringLiteral("showing 4 of 7 (1 broken)"));

    // Activating the broken file in the Problems dock shows it (and its reason) in the browser.
    QTreeWidget *problems = w.problemsTree();
    QTreeWidgetItem *bad = problems->topLevelItem(0)->child(0);
    QVERIFY(bad->text(0).endsWith(QStringLiteral("cut.jpg")));
    Q_EMIT problems->itemActivated(bad, 0);
    QCOMPARE(panel->countText(), QStringLiteral("showing 7 of 7 (1 broken)")); // the filter made way
    QVERIFY(panel->viewer()->message().contains(QStringLiteral("cut.jpg")));
    QCOMPARE(panel->proxy()->mapToSource(panel->grid()->currentIndex()).data(ThumbnailModel::PathRole).toString(),
             bad->text(0));

    // A good image opens in full.
    QVERIFY(panel->showImage(m_images + QStringLiteral("/good/1.jpg")));
    QTRY_COMPARE(panel->viewer()->image().size(), QSize(640, 480));
    QSignalSpy shown(panel->viewer(), &ImageViewer::imageShown);
    QTest::keyClick(panel->viewer(), Qt::Key_Right);
    QVERIFY(shown.wait(5000));
    QVERIFY(panel->viewer()->path().endsWith(QStringLiteral("/good/2.jpg")));
}

void TestBrowser::viewerZoom()
{
    ImageViewer v;
    v.resize(400, 300);
    v.show();
    QVERIFY(QTest::qWaitForWindowExposed(&v));
    QImage image(800, 600, QImage::Format_Grayscale8);
    image.fill(42);
    v.setImage(image);
    QVERIFY(v.isFitted());
    QCOMPARE(v.scale(), 0.5);
    QCOMPARE(v.offset(), QPointF(0, 0));
    v.actualSize();
    QCOMPARE(v.scale(), 1.0);
    QCOMPARE(v.mapToWidget(QPointF(400, 300)), QPointF(200, 150)); // centred
    // Zooming keeps the image point under the cursor where it is.
    const QPointF anchor(123, 77);
    const QPointF before = v.mapToImage(anchor);
    v.zoomBy(2.0, anchor);
    QCOMPARE(v.scale(), 2.0);
    QCOMPARE(v.mapToImage(anchor), before);
    QWheelEvent wheel(QPointF(50, 60), v.mapToGlobal(QPointF(50, 60)), QPoint(), QPoint(0, -120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    const QPointF underWheel = v.mapToImage(QPointF(50, 60));
    QApplication::sendEvent(&v, &wheel);
    QCOMPARE(v.scale(), 2.0 / 1.25);
    QVERIFY((v.mapToImage(QPointF(50, 60)) - underWheel).manhattanLength() < 1e-9);
    v.fitToWindow();
    QCOMPARE(v.scale(), 0.5);
    v.resize(800, 300); // fit follows the window
    QCOMPARE(v.scale(), 0.5);
    v.resize(1600, 1200);
    QCOMPARE(v.scale(), 2.0);
    QVERIFY(v.pixelText(3, 4).endsWith(QStringLiteral(": 42")));
}

void TestBrowser::overlayGeometryFollowsZoomAndPan()
{
    ImageViewer v;
    v.resize(400, 300);
    v.show();
    QVERIFY(QTest::qWaitForWindowExposed(&v));
    QImage image(800, 600, QImage::Format_RGB32);
    image.fill(Qt::black);
    Annotation a;
    a.classId = 0;
    a.box = QRectF(100, 50, 200, 100);
    v.setImage(image, {a}, {QStringLiteral("scratch")});
    QCOMPARE(v.mapToWidget(a.box), QRectF(50, 25, 100, 50));

    // The box is painted where the mapping says, in the class colour.
    const QImage shot = v.grab().toImage();
    const QColor edge = shot.pixelColor(50, 50);
    const QColor expected = classColor(0);
    QVERIFY2(std::abs(edge.red() - expected.red()) < 40 && std::abs(edge.blue() - expected.blue()) < 40,
             qPrintable(edge.name()));
    QCOMPARE(shot.pixelColor(100, 50), QColor(Qt::black)); // inside the box: the image

    // Drag to pan by (30, -20), then zoom 2× about the widget's origin.
    QTest::mousePress(&v, Qt::LeftButton, {}, QPoint(200, 150));
    QMouseEvent move(QEvent::MouseMove, QPointF(230, 130), v.mapToGlobal(QPointF(230, 130)), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&v, &move);
    QTest::mouseRelease(&v, Qt::LeftButton, {}, QPoint(230, 130));
    QCOMPARE(v.mapToWidget(a.box), QRectF(80, 5, 100, 50));
    v.zoomBy(2.0, QPointF(0, 0));
    QCOMPARE(v.mapToWidget(a.box), QRectF(160, 10, 200, 100));

    v.setOverlaysVisible(false);
    QCOMPARE(v.grab().toImage().pixelColor(160, 50), QColor(Qt::black));
}

void TestBrowser::measuringTool()
{
    ImageViewer v;
    v.resize(400, 300);
    v.show();
    QImage image(400, 300, QImage::Format_Grayscale8);
    image.fill(10);
    v.setImage(image);
    QCOMPARE(v.scale(), 1.0);
    v.setMeasuring(true);
    // At 1:1 with no offset, widget pixels are image pixels.
    QTest::mousePress(&v, Qt::LeftButton, {}, QPoint(10, 10));
    QMouseEvent move(QEvent::MouseMove, QPointF(40, 50), v.mapToGlobal(QPointF(40, 50)), Qt::NoButton, Qt::LeftButton,
                     Qt::NoModifier);
    QApplication::sendEvent(&v, &move);
    QTest::mouseRelease(&v, Qt::LeftButton, {}, QPoint(40, 50));
    QCOMPARE(v.measurement().length(), 50.0);
    QCOMPARE(ImageViewer::measurementText(v.measurement()), QStringLiteral("50.0 px (30 × 40)"));
    QVERIFY(v.statusText().contains(QStringLiteral("50.0 px (30 × 40)")));
    QCOMPARE(v.offset(), QPointF(0, 0)); // measuring does not pan

    // Zoomed 4×, the same drag on screen is a quarter of the length in image pixels.
    v.zoomBy(4.0, QPointF(0, 0));
    QTest::mousePress(&v, Qt::LeftButton, {}, QPoint(0, 0));
    QApplication::sendEvent(&v, &move);
    QTest::mouseRelease(&v, Qt::LeftButton, {}, QPoint(40, 50));
    QCOMPARE(v.measurement().p2(), QPointF(10, 12.5));
}

void TestBrowser::droppedFolderOpens()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(m_images)});
    QCOMPARE(DropOpener::droppedPath(&mime), QFileInfo(m_images).absoluteFilePath());
    // Onto the summary (a text view that would take text drops itself).
    QWidget *target = w.summaryView()->viewport();
    QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QSignalSpy done(&w, &MainWindow::inspectionDone);
    QDropEvent drop(QPointF(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    QVERIFY(drop.isAccepted());
    QVERIFY(done.wait(30000));
    QVERIFY(w.inspection());
    QCOMPARE(w.inspection()->dataset.root, QFileInfo(m_images).absoluteFilePath());

    // Text is not a dataset.
    QMimeData text;
    text.setText(QStringLiteral("hello"));
    QVERIFY(DropOpener::droppedPath(&text).isEmpty());
}

void TestBrowser::recentListRoundTrip()
{
    RecentList list(QStringLiteral("test/recent"), 3);
    list.clear();
    list.add(QStringLiteral("/a"));
    list.add(QStringLiteral("/b"));
    list.add(QStringLiteral("/a"));
    QCOMPARE(RecentList(QStringLiteral("test/recent"), 3).items(), QStringList({"/a", "/b"}));
    list.add(QStringLiteral("/c"));
    list.add(QStringLiteral("/d"));
    QCOMPARE(list.items(), QStringList({"/d", "/c", "/a"}));
    list.remove(QStringLiteral("/c"));
    QCOMPARE(list.items(), QStringList({"/d", "/a"}));
    SettingValue<int> size(QStringLiteral("test/size"), 128);
    QCOMPARE(size.get(), 128);
    size.set(200);
    QCOMPARE(SettingValue<int>(QStringLiteral("test/size"), 128).get(), 200);
}

void TestBrowser::screenshotWritesPng()
{
    const QString out = m_dir.filePath(QStringLiteral("shot.png"));
    QProcess loupe;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    loupe.setProcessEnvironment(env);
    loupe.start(QStringLiteral(LOUPE_APP),
                {m_images, QStringLiteral("--panel"), QStringLiteral("browser"), QStringLiteral("--screenshot"), out});
    QVERIFY(loupe.waitForFinished(30000));
    QCOMPARE(loupe.exitCode(), 0);
    QVERIFY(QFileInfo(out).size() > 0);
    const QImage shot(out);
    QVERIFY(!shot.isNull());
    QVERIFY(shot.width() > 400 && shot.height() > 300);
}

void TestBrowser::helpWorksWithoutADisplay()
{
    // Over ssh or in a package check there is no display; --help and --version must still answer.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
        env.remove(QLatin1String(name));
    for (const QString &arg : {QStringLiteral("--help"), QStringLiteral("--version")}) {
        QProcess loupe;
        loupe.setProcessEnvironment(env);
        loupe.start(QStringLiteral(LOUPE_APP), {arg});
        QVERIFY(loupe.waitForFinished(30000));
        QCOMPARE(loupe.exitStatus(), QProcess::NormalExit);
        QCOMPARE(loupe.exitCode(), 0);
        const QString out = QString::fromUtf8(loupe.readAllStandardOutput());
        if (arg == QLatin1String("--help")) {
            QVERIFY2(out.contains(QStringLiteral("--panel")), qPrintable(out));
            QVERIFY2(out.contains(QStringLiteral("runs or predictions")), qPrintable(out)); // every page named
            QVERIFY(out.contains(QStringLiteral("--images")));
        } else {
            QVERIFY2(out.contains(QStringLiteral(LOUPE_VERSION)), qPrintable(out));
        }
    }
}

QTEST_MAIN(TestBrowser)
#include "tst_browser.moc"
