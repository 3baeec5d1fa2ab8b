// Folder and CSV importers, format detection, scanning of broken files, split and statistics.

#include "TestUtil.h"

#include "dataset/ClassificationView.h"
#include "dataset/DatasetScanner.h"
#include "dataset/DatasetStats.h"
#include "dataset/Errors.h"
#include "dataset/Importers.h"
#include "dataset/Inspection.h"
#include "dataset/Split.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <map>

using namespace loupe;
using loupe::test::writeBytes;
using loupe::test::writeImage;

class TestDataset : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void folderFlat();
    void folderWithSplitsAndUnicode();
    void csvReads();
    void csvMalformed_data();
    void csvMalformed();
    void detectFormat_data();
    void detectFormat();
    void unknownPathIsDatasetError();
    void brokenImagesAreListedAndSkipped();
    void headerScanFillsSizes();
    void splitIsDeterministicAndStratified();
    void splitKeepsFolderSplits();
    void statsClassBalance();
    void statsSizes();
    void statsObjects();
    void statsSmallestObjectsBySize();
    void statsCrowdRegionsAreNotObjects();
    void statsUnusedClassesInOneWarning();
    void cocoCrowdAndUnusedCategories();
    void smallImagesAreNotBroken();
    void statsDuplicatesAndConflicts();
    void classificationViewOfObjects();

private:
    static int countOf(const Dataset &ds, const QString &cls)
    {
        const int id = int(ds.classes.indexOf(cls));
        return int(std::count_if(ds.samples.begin(), ds.samples.end(), [id](const Sample &s) { return s.classId == id; }));
    }
};

void TestDataset::folderFlat()
{
    QTemporaryDir dir;
    writeImage(dir.filePath(QStringLiteral("scratch/a.png")), 20, 10);
    writeImage(dir.filePath(QStringLiteral("scratch/deeper/b.jpg")), 20, 10);
    writeImage(dir.filePath(QStringLiteral("ok/c.png")), 20, 10);
    writeImage(dir.filePath(QStringLiteral("loose.png")), 20, 10);
    writeBytes(dir.filePath(QStringLiteral("ok/notes.txt")), "not an image");
    // Runs and label backups that Loupe keeps beside the images are not classes.
    writeBytes(dir.filePath(QStringLiteral("loupe-runs/loupe.json")), "{}");
    writeBytes(dir.filePath(QStringLiteral("loupe-backups/20260101-120000/moves.tsv")), "a\tb\n");

    const Dataset ds = importers::importFolder(dir.path());
    QCOMPARE(ds.format, QStringLiteral("folder"));
    QCOMPARE(ds.classes, QStringList({QStringLiteral("ok"), QStringLiteral("scratch")}));
    QCOMPARE(int(ds.samples.size()), 3);
    QCOMPARE(countOf(ds, QStringLiteral("scratch")), 2);
    QCOMPARE(countOf(ds, QStringLiteral("ok")), 1);
    // The loose image is not silently lost: a warning names it.
    QCOMPARE(ds.warnings.size(), 1);
    QVERIFY(ds.warnings.front().contains(QStringLiteral("no class folder")));
}

void TestDataset::folderWithSplitsAndUnicode()
{
    QTemporaryDir dir;
    writeImage(dir.filePath(QStringLiteral("train/Kratzer ä/bild 1.png")), 8, 8);
    writeImage(dir.filePath(QStringLiteral("train/ok/x.png")), 8, 8);
    writeImage(dir.filePath(QStringLiteral("valid/ok/y.png")), 8, 8);
    writeImage(dir.filePath(QStringLiteral("test/Kratzer ä/z.png")), 8, 8);

    Dataset ds = importDataset(dir.path());
    QCOMPARE(ds.format, QStringLiteral("folder"));
    QCOMPARE(ds.classes, QStringList({QStringLiteral("Kratzer ä"), QStringLiteral("ok")}));
    std::map<SplitName, int> perSplit;
    for (const Sample &s : ds.samples)
        ++perSplit[s.split];
    QCOMPARE(perSplit[SplitName::Train], 2);
    QCOMPARE(perSplit[SplitName::Dev], 1);
    QCOMPARE(perSplit[SplitName::Test], 1);
    QCOMPARE(scanner::readHeaders(ds), 0);
    QCOMPARE(scanner::verifyImages(ds), 0);
    QCOMPARE(int(ds.samples.size()), 4);
}

void TestDataset::csvReads()
{
    QTemporaryDir dir;
    writeImage(dir.filePath(QStringLiteral("img/a.png")), 8, 8);
    writeImage(dir.filePath(QStringLiteral("img/b, with comma.png")), 8, 8);
    writeImage(dir.filePath(QStringLiteral("img/c.png")), 8, 8);
    writeBytes(dir.filePath(QStringLiteral("labels.csv")),
               "\xEF\xBB\xBFpath,label\r\n"
               "img/a.png,spot\r\n"
               "\"img/b, with comma.png\",\"scratch\"\r\n"
               "\n"
               "img/c.png , spot ,test\n"
               "img/missing.png,spot\n");
    const Dataset ds = importDataset(dir.filePath(QStringLiteral("labels.csv")));
    QCOMPARE(ds.format, QStringLiteral("csv"));
    QCOMPARE(ds.classes, QStringList({QStringLiteral("scratch"), QStringLiteral("spot")}));
    QCOMPARE(int(ds.samples.size()), 3);
    QVERIFY(ds.samples[1].path.endsWith(QStringLiteral("b, with comma.png")));
    QCOMPARE(ds.samples[1].classId, 0);
    QCOMPARE(ds.samples[2].split, SplitName::Test);
    // A label pointing at a missing image is reported with its line, not fatal.
    QCOMPARE(int(ds.badFiles.size()), 1);
    QVERIFY(ds.badFiles[0].path.endsWith(QStringLiteral("missing.png")));
    QVERIFY2(ds.badFiles[0].reason.contains(QStringLiteral("labels.csv line 6")), qPrintable(ds.badFiles[0].reason));
}

void TestDataset::csvMalformed_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("place");
    QTest::addColumn<QString>("expected");
    QTest::newRow("one field") << QByteArray("a.png,ok\nb.png\n") << QStringLiteral("line 2")
                               << QStringLiteral("expected 2 fields");
    QTest::newRow("four fields") << QByteArray("path,label\na.png,ok,train,extra\n") << QStringLiteral("line 2")
                                 << QStringLiteral("expected 2 fields");
    QTest::newRow("empty label") << QByteArray("a.png,ok\n\nb.png,\n") << QStringLiteral("line 3")
                                 << QStringLiteral("expected a label");
    QTest::newRow("empty path") << QByteArray(",ok\n") << QStringLiteral("line 1")
                                << QStringLiteral("expected an image path");
    QTest::newRow("open quote") << QByteArray("a.png,ok\n\"b.png,ok\n") << QStringLiteral("line 2")
                                << QStringLiteral("closing");
    QTest::newRow("bad split") << QByteArray("a.png,ok,holdout\n") << QStringLiteral("line 1")
                               << QStringLiteral("expected split");
    QTest::newRow("empty file") << QByteArray("") << QString() << QStringLiteral("found none");
}

void TestDataset::csvMalformed()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, place);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    writeImage(dir.filePath(QStringLiteral("a.png")), 8, 8);
    writeImage(dir.filePath(QStringLiteral("b.png")), 8, 8);
    const QString csv = dir.filePath(QStringLiteral("labels.csv"));
    writeBytes(csv, content);
    try {
        importDataset(csv);
        QFAIL("a malformed CSV was accepted");
    } catch (const LabelFileError &e) {
        QCOMPARE(e.file(), csv);
        QCOMPARE(e.place(), place);
        QVERIFY2(e.problem().contains(expected), qPrintable(e.message()));
        QVERIFY(e.message().startsWith(csv));
    }
}

void TestDataset::detectFormat_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QString>("open");
    QTest::addColumn<QString>("format");
    QTest::newRow("class folders") << QStringList{QStringLiteral("a/x.png")} << QString() << QStringLiteral("folder");
    QTest::newRow("csv file") << QStringList{QStringLiteral("l.csv")} << QStringLiteral("l.csv") << QStringLiteral("csv");
    QTest::newRow("csv in folder") << QStringList{QStringLiteral("l.csv"), QStringLiteral("x.png")} << QString()
                                   << QStringLiteral("csv");
    QTest::newRow("coco") << QStringList{QStringLiteral("annotations.json")} << QString() << QStringLiteral("coco");
    QTest::newRow("voc") << QStringList{QStringLiteral("Annotations/a.xml"), QStringLiteral("JPEGImages/a.png")}
                         << QString() << QStringLiteral("voc");
    QTest::newRow("yolo") << QStringList{QStringLiteral("data.yaml"), QStringLiteral("images/a.png")} << QString()
                          << QStringLiteral("yolo");
    QTest::newRow("idx") << QStringList{QStringLiteral("train-images-idx3-ubyte.gz")} << QString()
                         << QStringLiteral("idx");
    QTest::newRow("nothing") << QStringList{QStringLiteral("readme.txt")} << QString() << QString();
}

void TestDataset::detectFormat()
{
    QFETCH(QStringList, files);
    QFETCH(QString, open);
    QFETCH(QString, format);
    QTemporaryDir dir;
    for (const QString &f : files)
        writeBytes(dir.filePath(f), f.endsWith(QLatin1String(".json")) ? QByteArray("{\"images\": [], \"annotations\": []}")
                                                                         : QByteArray("x"));
    QCOMPARE(loupe::detectFormat(open.isEmpty() ? dir.path() : dir.filePath(open)), format);
}

void TestDataset::unknownPathIsDatasetError()
{
    QVERIFY_THROWS_EXCEPTION(DatasetError, importDataset(QStringLiteral("/no/such/dataset")));
    QTemporaryDir dir;
    writeBytes(dir.filePath(QStringLiteral("readme.txt")), "x");
    QVERIFY_THROWS_EXCEPTION(DatasetError, importDataset(dir.path()));
    ImportOptions bad;
    bad.format = QStringLiteral("parquet");
    QVERIFY_THROWS_EXCEPTION(DatasetError, importDataset(dir.path(), bad));
}

void TestDataset::brokenImagesAreListedAndSkipped()
{
    QTemporaryDir dir;
    writeImage(dir.filePath(QStringLiteral("ok/good1.jpg")), 64, 48);
    writeImage(dir.filePath(QStringLiteral("ok/good2.png")), 64, 48);
    writeBytes(dir.filePath(QStringLiteral("ok/empty.png")), QByteArray());
    writeBytes(dir.filePath(QStringLiteral("ok/text.jpg")), "this is not an image at all");
    // A JPEG cut in half: OpenCV would hand back a half-grey picture without complaint.
    writeImage(dir.filePath(QStringLiteral("tmp/full.jpg")), 64, 48, 90);
    QFile full(dir.filePath(QStringLiteral("tmp/full.jpg")));
    QVERIFY(full.open(QIODevice::ReadOnly));
    const QByteArray jpeg = full.readAll();
    writeBytes(dir.filePath(QStringLiteral("bad/truncated.jpg")), jpeg.left(jpeg.size() / 2));
    // A PNG header claiming 200000×200000 pixels.
    QByteArray bomb = QByteArray::fromHex("89504e470d0a1a0a0000000d49484452");
    bomb += QByteArray::fromHex("00030d4000030d40080200000000000000");
    writeBytes(dir.filePath(QStringLiteral("bad/bomb.png")), bomb);
    QDir(dir.filePath(QStringLiteral("tmp"))).removeRecursively();

    InspectOptions options;
    const Inspection in = inspectDataset(dir.path(), options);
    QCOMPARE(in.stats.images, 2);
    QCOMPARE(int(in.dataset.badFiles.size()), 4);
    std::map<QString, QString> reasons;
    for (const BadFile &b : in.dataset.badFiles)
        reasons[QFileInfo(b.path).fileName()] = b.reason;
    QVERIFY2(reasons[QStringLiteral("empty.png")].contains(QStringLiteral("empty")), qPrintable(reasons[QStringLiteral("empty.png")]));
    QVERIFY(reasons[QStringLiteral("text.jpg")].contains(QStringLiteral("not an image")));
    QVERIFY2(reasons[QStringLiteral("truncated.jpg")].contains(QStringLiteral("truncated")),
             qPrintable(reasons[QStringLiteral("truncated.jpg")]));
    QVERIFY2(reasons[QStringLiteral("bomb.png")].contains(QStringLiteral("200000")),
             qPrintable(reasons[QStringLiteral("bomb.png")]));
}

void TestDataset::headerScanFillsSizes()
{
    QTemporaryDir dir;
    for (int i = 0; i < 120; ++i)
        writeImage(dir.filePath(QStringLiteral("c%1/img%2.png").arg(i % 3).arg(i)), 10 + i, 20, i);
    Dataset ds = importDataset(dir.path());
    std::atomic<int> calls{0};
    int lastTotal = 0;
    ScanOptions options;
    options.threads = 2;
    QCOMPARE(scanner::readHeaders(ds, options, [&](int, int total) { ++calls; lastTotal = total; }), 0);
    QCOMPARE(calls.load(), 120);
    QCOMPARE(lastTotal, 120);
    for (const Sample &s : ds.samples) {
        QCOMPARE(s.height, 20);
        const int i = QFileInfo(s.path).baseName().mid(3).toInt();
        QCOMPARE(s.width, 10 + i);
    }
}

namespace {

Dataset syntheticClasses(const std::vector<int> &counts)
{
    Dataset ds;
    for (int c = 0; c < int(counts.size()); ++c) {
        ds.classes.append(QStringLiteral("class%1").arg(c));
        for (int i = 0; i < counts[c]; ++i) {
            Sample s;
            s.path = QStringLiteral("/data/%1/%2.png").arg(c).arg(i);
            s.classId = c;
            s.width = 100;
            s.height = 100;
            ds.samples.push_back(s);
        }
    }
    return ds;
}

} // namespace

void TestDataset::splitIsDeterministicAndStratified()
{
    const Dataset ds = syntheticClasses({100, 40, 10});
    const SplitAssignment a = stratifiedSplit(ds, {}, 42);
    const SplitAssignment b = stratifiedSplit(ds, {}, 42);
    const SplitAssignment c = stratifiedSplit(ds, {}, 43);
    QCOMPARE(a.train, b.train);
    QCOMPARE(a.dev, b.dev);
    QCOMPARE(a.test, b.test);
    QVERIFY(a.dev != c.dev);
    QCOMPARE(int(a.train.size() + a.dev.size() + a.test.size()), 150);
    // Every class keeps its share in dev and test: 10% of 100, 40 and 10.
    std::map<int, int> devPerClass, testPerClass;
    for (int i : a.dev)
        ++devPerClass[ds.samples[i].classId];
    for (int i : a.test)
        ++testPerClass[ds.samples[i].classId];
    QCOMPARE(devPerClass[0], 10);
    QCOMPARE(devPerClass[1], 4);
    QCOMPARE(devPerClass[2], 1);
    QCOMPARE(testPerClass[0], 10);
    QCOMPARE(testPerClass[1], 4);
    QCOMPARE(testPerClass[2], 1);
    // No image in two parts.
    std::vector<int> all = a.train;
    all.insert(all.end(), a.dev.begin(), a.dev.end());
    all.insert(all.end(), a.test.begin(), a.test.end());
    std::sort(all.begin(), all.end());
    QVERIFY(std::adjacent_find(all.begin(), all.end()) == all.end());
}

void TestDataset::splitKeepsFolderSplits()
{
    Dataset ds = syntheticClasses({20, 20});
    ds.samples[0].split = SplitName::Test;
    ds.samples[1].split = SplitName::Dev;
    const SplitAssignment a = stratifiedSplit(ds, {0.5, 0.5, 0.0}, 1);
    QVERIFY(std::find(a.test.begin(), a.test.end(), 0) != a.test.end());
    QVERIFY(std::find(a.dev.begin(), a.dev.end(), 1) != a.dev.end());
    QCOMPARE(int(a.test.size()), 1);
}

void TestDataset::statsClassBalance()
{
    const DatasetStats st = computeStats(syntheticClasses({100, 51, 49, 0}));
    QCOMPARE(int(st.classes.size()), 4);
    QCOMPARE(st.classes[0].count, 100);
    QCOMPARE(st.classes[0].share, 0.5);
    QVERIFY(!st.classes[0].underRepresented);
    QVERIFY(!st.classes[1].underRepresented); // 51 is more than half of 100
    QVERIFY(st.classes[2].underRepresented);  // 49 is less
    QVERIFY(st.classes[3].underRepresented);
    // An empty class is named in the one "no images" warning, not warned about as under-represented.
    const QStringList rare = st.warnings.filter(QStringLiteral("less than half"));
    QCOMPARE(rare.size(), 1);
    QVERIFY(rare[0].contains(QStringLiteral("class2")));
    QVERIFY(rare[0].contains(QStringLiteral("class0")));
    QVERIFY(st.warnings.contains(QStringLiteral("no images in 1 of 4 classes: \"class3\"")));
}

void TestDataset::statsSizes()
{
    Dataset ds = syntheticClasses({5});
    const int sizes[5][2] = {{640, 480}, {1600, 1200}, {300, 300}, {2000, 500}, {800, 600}};
    for (int i = 0; i < 5; ++i) {
        ds.samples[i].width = sizes[i][0];
        ds.samples[i].height = sizes[i][1];
    }
    const DatasetStats st = computeStats(ds);
    QCOMPARE(st.minSize, QSize(300, 300));
    QCOMPARE(st.medianSize, QSize(800, 600)); // areas: 90k, 307k, 480k, 1M, 1.92M
    QCOMPARE(st.maxSize, QSize(1600, 1200));
    QCOMPARE(st.minAspect, 1.0);
    QCOMPARE(st.maxAspect, 4.0);
    QVERIFY(!st.warnings.filter(QStringLiteral("90°")).isEmpty());
}

void TestDataset::statsObjects()
{
    Dataset ds;
    ds.classes = {QStringLiteral("scratch"), QStringLiteral("spot")};
    Sample a;
    a.path = QStringLiteral("/d/a.jpg");
    a.width = 1600;
    a.height = 1200;
    Annotation spot;
    spot.classId = 1;
    spot.box = QRectF(1500, 100, 4, 6); // shorter side 4 px: needs a 2000 px width, more than the image
    Annotation scratch;
    scratch.classId = 0;
    scratch.box = QRectF(100, 1000, 200, 10);
    a.objects = {spot, scratch};
    Sample b;
    b.path = QStringLiteral("/d/b.jpg");
    b.width = 800;
    b.height = 600;
    Annotation big;
    big.classId = 1;
    big.box = QRectF(390, 290, 20, 20);
    b.objects = {big};
    ds.samples = {a, b};

    DatasetStats st = computeStats(ds);
    QVERIFY(st.countsObjects);
    QCOMPARE(st.objectCount, 3);
    QCOMPARE(st.classes[0].count, 1);
    QCOMPARE(st.classes[1].count, 2);
    QCOMPARE(st.smallestObject, QSizeF(4, 6));
    QCOMPARE(st.minSafeWidth, 2000); // ceil(5 * 1600 / 4)
    QCOMPARE(st.smallestObjects.front().path, QStringLiteral("/d/a.jpg"));
    QCOMPARE(st.objectSizeHistogram[1], 1); // 4 px: [4, 8)
    QCOMPARE(st.objectSizeHistogram[2], 1); // 10 px: [8, 16)
    QCOMPARE(st.objectSizeHistogram[3], 1); // 20 px: [16, 32)
    QCOMPARE(st.heatmap[0][7], 1);          // spot centre (1502, 103) of 1600×1200
    QCOMPARE(st.heatmap[6][1], 1);          // scratch centre (200, 1005)
    QCOMPARE(st.heatmap[4][4], 1);          // centred object of b
    QVERIFY(!st.warnings.filter(QStringLiteral("even at full size")).isEmpty());

    // Without the tiny spot every object survives down to ceil(5 * 1600 / 10) = 800 px.
    ds.samples[0].objects.erase(ds.samples[0].objects.begin());
    st = computeStats(ds);
    QCOMPARE(st.minSafeWidth, 800);
    const QStringList w = st.warnings.filter(QStringLiteral("800 px wide"));
    QCOMPARE(w.size(), 1);
    QVERIFY(w.front().contains(QStringLiteral("a.jpg")));
}

void TestDataset::statsSmallestObjectsBySize()
{
    // Ordered by size (shorter side, ties by area), not by the resize each needs: the 35×187 nut
    // in a 4000 px image needs the widest resize but is the largest of the three.
    Dataset ds;
    ds.classes = {QStringLiteral("bolt"), QStringLiteral("nut")};
    auto add = [&ds](const QString &path, int width, int height, int classId, const QRectF &box) {
        Sample s;
        s.path = path;
        s.width = width;
        s.height = height;
        Annotation a;
        a.classId = classId;
        a.box = box;
        s.objects = {a};
        ds.samples.push_back(s);
    };
    add(QStringLiteral("/d/c.jpg"), 4000, 3000, 1, QRectF(100, 100, 35, 187)); // needs ceil(5 * 4000 / 35) = 572
    add(QStringLiteral("/d/a.jpg"), 640, 480, 0, QRectF(10, 10, 20, 31));      // needs ceil(5 * 640 / 20) = 160
    add(QStringLiteral("/d/b.jpg"), 640, 480, 0, QRectF(10, 10, 25, 20));      // same shorter side, smaller area
    const DatasetStats st = computeStats(ds);
    QCOMPARE(int(st.smallestObjects.size()), 3);
    QCOMPARE(st.smallestObjects[0].path, QStringLiteral("/d/b.jpg"));
    QCOMPARE(st.smallestObjects[1].path, QStringLiteral("/d/a.jpg"));
    QCOMPARE(st.smallestObjects[2].path, QStringLiteral("/d/c.jpg"));
    QCOMPARE(st.smallestObjects[0].minSafeWidth, 160); // the resize each needs stays a column
    QCOMPARE(st.smallestObjects[2].minSafeWidth, 572);
    QCOMPARE(st.smallestObject, QSizeF(25, 20));
    QCOMPARE(st.minSafeWidth, 572); // the widest need over every object
    QVERIFY(st.warnings.contains(QStringLiteral(
        "smallest objects: 25×20 px \"bolt\" in b.jpg (needs 160 px wide); 20×31 px \"bolt\" in a.jpg (needs 160 px "
        "wide); 35×187 px \"nut\" in c.jpg (needs 572 px wide); every object stays at least 5×5 px only when images "
        "are resized to 572 px wide or more (from 4000 px)")));

    const Inspection in{ds, st};
    const QJsonObject objects = QJsonDocument::fromJson(reportJson(in)).object().value(QLatin1String("objects")).toObject();
    const QJsonArray smallest = objects.value(QLatin1String("smallest")).toArray();
    QCOMPARE(smallest.size(), 3);
    QCOMPARE(smallest[0].toObject().value(QLatin1String("path")).toString(), QStringLiteral("/d/b.jpg"));
    QCOMPARE(smallest[2].toObject().value(QLatin1String("min_safe_width")).toInt(), 572);
    const QJsonArray smallestPx = objects.value(QLatin1String("smallest_px")).toArray();
    QCOMPARE(smallestPx.size(), 2);
    QCOMPARE(smallestPx[0].toDouble(), 25.0);
    QCOMPARE(smallestPx[1].toDouble(), 20.0);
}

void TestDataset::statsCrowdRegionsAreNotObjects()
{
    Dataset ds;
    ds.classes = {QStringLiteral("person")};
    Sample s;
    s.path = QStringLiteral("/d/a.jpg");
    s.width = 640;
    s.height = 480;
    Annotation person;
    person.classId = 0;
    person.box = QRectF(10, 10, 40, 90);
    Annotation crowd; // smaller than the person, so it would be the smallest object if it counted
    crowd.classId = 0;
    crowd.box = QRectF(300, 200, 8, 30);
    crowd.crowd = true;
    s.objects = {person, crowd};
    Sample onlyCrowd = s;
    onlyCrowd.path = QStringLiteral("/d/b.jpg");
    onlyCrowd.objects = {crowd};
    ds.samples = {s, onlyCrowd};

    const DatasetStats st = computeStats(ds);
    QVERIFY(st.countsObjects);
    QCOMPARE(st.objectCount, 1);
    QCOMPARE(st.crowdCount, 2);
    QCOMPARE(st.classes[0].count, 1);
    QCOMPARE(st.unlabelled, 1); // b.jpg has a crowd region and no object
    QCOMPARE(st.smallestObject, QSizeF(40, 90));
    QCOMPARE(int(st.smallestObjects.size()), 1);
    int histogram = 0, heat = 0;
    for (int v : st.objectSizeHistogram)
        histogram += v;
    for (const auto &row : st.heatmap)
        for (int v : row)
            heat += v;
    QCOMPARE(histogram, 1);
    QCOMPARE(heat, 1);

    const Inspection in{ds, st};
    const QJsonObject objects = QJsonDocument::fromJson(reportJson(in)).object().value(QLatin1String("objects")).toObject();
    QCOMPARE(objects.value(QLatin1String("count")).toInt(), 1);
    QCOMPARE(objects.value(QLatin1String("crowd_regions")).toInt(), 2);
    QVERIFY(formatReport(in).contains(QStringLiteral("plus 2 crowd region(s) (COCO iscrowd), shown but not counted as objects")));
}

void TestDataset::statsUnusedClassesInOneWarning()
{
    // Few unused classes are all named; many are cut after ten with a count (never "and 1 more").
    Dataset few = syntheticClasses({4, 3, 0, 0});
    QStringList warnings = computeStats(few).warnings;
    QVERIFY2(warnings.contains(QStringLiteral("no images in 2 of 4 classes: \"class2\", \"class3\"")),
             qPrintable(warnings.join(QLatin1Char('\n'))));
    QVERIFY(warnings.filter(QStringLiteral("less than half")).isEmpty());

    std::vector<int> counts(14, 0);
    counts[0] = 5;
    counts[1] = 5;
    warnings = computeStats(syntheticClasses(counts)).warnings;
    QVERIFY2(warnings.contains(QStringLiteral(
                 "no images in 12 of 14 classes: \"class2\", \"class3\", \"class4\", \"class5\", \"class6\", \"class7\", "
                 "\"class8\", \"class9\", \"class10\", \"class11\", \"class12\", \"class13\"")),
             qPrintable(warnings.join(QLatin1Char('\n'))));
    counts.resize(15, 0);
    warnings = computeStats(syntheticClasses(counts)).warnings;
    QVERIFY2(warnings.contains(QStringLiteral(
                 "no images in 13 of 15 classes: \"class2\", \"class3\", \"class4\", \"class5\", \"class6\", \"class7\", "
                 "\"class8\", \"class9\", \"class10\", \"class11\", … and 3 more")),
             qPrintable(warnings.join(QLatin1Char('\n'))));
    QCOMPARE(warnings.size(), 1);
}

void TestDataset::cocoCrowdAndUnusedCategories()
{
    // COCO val2017 images 255917 and 139 as mmdetection's tests ship them: 80 categories, 13 used,
    // 37 annotations of which one (a car crowd, RLE) is a crowd region. Counted independently
    // with python3's json module (tests/data/coco/MANIFEST.md).
    const QString root = QStringLiteral(LOUPE_TEST_DATA "/coco/crowd");
    InspectOptions options;
    options.import.format = QStringLiteral("coco");
    options.import.labelsFile = root + QStringLiteral("/annotations/instances_val2017.json");
    const Inspection in = inspectDataset(root + QStringLiteral("/val2017"), options);
    const DatasetStats &st = in.stats;
    QCOMPARE(st.images, 2);
    QCOMPARE(int(in.dataset.badFiles.size()), 0);
    QCOMPARE(int(in.dataset.classes.size()), 80);
    QVERIFY(st.countsObjects);
    QCOMPARE(st.objectCount, 36);
    QCOMPARE(st.crowdCount, 1);
    QCOMPARE(st.unlabelled, 0);
    const auto countOfClass = [&st](const char *name) {
        for (const auto &c : st.classes)
            if (c.name == QLatin1String(name))
                return c.count;
        return -1;
    };
    QCOMPARE(countOfClass("car"), 13); // 14 car annotations, one of them the crowd
    QCOMPARE(countOfClass("chair"), 5);
    QCOMPARE(countOfClass("vase"), 4);
    QCOMPARE(countOfClass("person"), 3);
    QCOMPARE(countOfClass("bicycle"), 0);

    // One warning for the 67 unused categories, in the file's order, instead of 67.
    const QStringList unused = st.warnings.filter(QStringLiteral("no objects in"));
    QCOMPARE(unused.size(), 1);
    QCOMPARE(unused.front(), QStringLiteral("no objects in 67 of 80 classes: \"bicycle\", \"motorcycle\", \"airplane\", "
                                            "\"bus\", \"train\", \"boat\", \"fire hydrant\", \"stop sign\", "
                                            "\"parking meter\", \"bench\", … and 57 more"));
    QVERIFY(st.warnings.filter(QStringLiteral("has 0 objects")).isEmpty());
    // Under half of car's 13: chair 5, vase 4, person 3, tv 2, book 2 and seven classes of 1.
    QCOMPARE(st.warnings.filter(QStringLiteral("less than half")).size(), 12);
    QCOMPARE(st.warnings.size(), 14); // those 12, the unused classes, the smallest objects
    QVERIFY2(st.warnings.contains(QStringLiteral(
                 "smallest objects: 5×6 px \"person\" in 000000255917.jpg (needs 593 px wide); 10×13 px \"chair\" in "
                 "000000000139.jpg (needs 333 px wide); 10×17 px \"vase\" in 000000000139.jpg (needs 329 px wide); "
                 "11×23 px \"vase\" in 000000000139.jpg (needs 282 px wide); 35×11 px \"car\" in 000000255917.jpg "
                 "(needs 281 px wide); every object stays at least 5×5 px only when images are resized to 593 px "
                 "wide or more (from 640 px)")),
             qPrintable(st.warnings.join(QLatin1Char('\n'))));

    const QJsonObject objects = QJsonDocument::fromJson(reportJson(in)).object().value(QLatin1String("objects")).toObject();
    QCOMPARE(objects.value(QLatin1String("count")).toInt(), 36);
    QCOMPARE(objects.value(QLatin1String("crowd_regions")).toInt(), 1);
}

void TestDataset::smallImagesAreNotBroken()
{
    // Images under 8 px on a side were listed as broken ("decoder error: inv_scale_x > 0") by the
    // 1/8-scale check. pngsuite/ holds PngSuite's 1×1 to 9×9 files, generated/ 16 files from 1×1
    // to 1000×7 in PNG, JPEG, BMP, TIFF, WebP, PGM and PPM (tests/data/small/MANIFEST.md).
    InspectOptions options;
    options.import.format = QStringLiteral("folder");
    const Inspection in = inspectDataset(QStringLiteral(LOUPE_TEST_DATA "/small"), options);
    QVERIFY(in.verified);
    QStringList bad;
    for (const BadFile &b : in.dataset.badFiles)
        bad << b.path + QLatin1String(": ") + b.reason;
    QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QLatin1Char('\n'))));
    QCOMPARE(in.stats.images, 28);
    QCOMPARE(in.dataset.classes, (QStringList{QStringLiteral("generated"), QStringLiteral("pngsuite")}));
    QCOMPARE(countOf(in.dataset, QStringLiteral("generated")), 16);
    QCOMPARE(countOf(in.dataset, QStringLiteral("pngsuite")), 12);
    QCOMPARE(in.stats.minSize, QSize(1, 1));
    for (const Sample &s : in.dataset.samples) {
        const QString name = QFileInfo(s.path).completeBaseName();
        if (name.contains(QLatin1Char('x'))) // generated/WxH.ext
            QCOMPARE(QStringLiteral("%1x%2").arg(s.width).arg(s.height), name);
    }
}

void TestDataset::statsDuplicatesAndConflicts()
{
    Dataset ds = syntheticClasses({3, 2});
    ds.samples[0].contentHash = 7;
    ds.samples[1].contentHash = 7; // same class: a duplicate, no conflict
    ds.samples[2].contentHash = 9;
    ds.samples[3].contentHash = 9; // other class: a conflict
    ds.samples[4].contentHash = 11;
    const DatasetStats st = computeStats(ds);
    QCOMPARE(int(st.duplicateGroups.size()), 2);
    QCOMPARE(int(st.conflictGroups.size()), 1);
    QVERIFY(st.conflictGroups[0].join(QLatin1Char(' ')).contains(QStringLiteral("/data/0/2.png")));
    QVERIFY(st.conflictGroups[0].join(QLatin1Char(' ')).contains(QStringLiteral("/data/1/0.png")));
}

void TestDataset::classificationViewOfObjects()
{
    Dataset ds;
    ds.classes = {QStringLiteral("scratch"), QStringLiteral("spot")};
    Sample none;
    Sample both;
    Annotation small, large;
    small.classId = 1;
    small.box = QRectF(0, 0, 4, 4);
    large.classId = 0;
    large.box = QRectF(10, 10, 30, 5);
    both.objects = {small, large};
    Sample spot;
    spot.objects = {small};
    ds.samples = {none, both, spot};
    QVERIFY(hasOnlyObjectLabels(ds));
    const Dataset view = classificationView(ds);
    QCOMPARE(view.classes, QStringList({QStringLiteral("no object"), QStringLiteral("scratch"), QStringLiteral("spot")}));
    QCOMPARE(view.samples[0].classId, 0);
    QCOMPARE(view.samples[1].classId, 1); // the larger object wins
    QCOMPARE(view.samples[2].classId, 2);
    QVERIFY(!view.warnings.isEmpty());
    // A crowd region, however large, is not the image's object; alone it leaves the image without one.
    Annotation crowd = large;
    crowd.crowd = true;
    crowd.box = QRectF(0, 0, 300, 300);
    Sample crowded;
    crowded.objects = {crowd, small};
    Sample onlyCrowd;
    onlyCrowd.objects = {crowd};
    ds.samples = {crowded, onlyCrowd};
    const Dataset crowdView = classificationView(ds);
    QCOMPARE(crowdView.samples[0].classId, 2); // spot, not the crowd's scratch
    QCOMPARE(crowdView.samples[1].classId, 0); // no object
    ds.samples = {onlyCrowd};
    QVERIFY(!ds.hasObjects());
    // A dataset with image classes is left alone.
    const Dataset plain = syntheticClasses({2, 2});
    QVERIFY(!hasOnlyObjectLabels(plain));
    QCOMPARE(classificationView(plain).classes, plain.classes);
}

QTEST_GUILESS_MAIN(TestDataset)
#include "tst_dataset.moc"
