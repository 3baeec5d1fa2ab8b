// Segmentation masks in: palette PNGs read by their indexes (tests/data/masks, written by PIL and by
// make_fixtures.py), PNG mask folders (index, palette, 0/255 and colour masks; classes.txt,
// labelmap.txt, COCO categories), MVTec AD, COCO polygons and RLE rasterized, and what `inspect`
// says about the masks: pixels and regions per class, the 5×5 px rule, and broken masks named and skipped.

#include "TestUtil.h"

#include "dataset/DatasetScanner.h"
#include "dataset/Importers.h"
#include "dataset/Inspection.h"
#include "dataset/Masks.h"
#include "imaging/PngPalette.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace loupe;
using test::writeBytes;
using test::writeMat;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(LOUPE_TEST_DATA "/masks/") + name;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

// make_fixtures.py's pattern: index(x, y) = values[(x + 2y) % n] on 9 × 7 pixels.
cv::Mat pattern(const std::vector<int> &values)
{
    cv::Mat m(7, 9, CV_8U);
    for (int y = 0; y < 7; ++y)
        for (int x = 0; x < 9; ++x)
            m.at<uchar>(y, x) = uchar(values[std::size_t((x + 2 * y) % int(values.size()))]);
    return m;
}

bool sameMat(const cv::Mat &a, const cv::Mat &b)
{
    return a.size() == b.size() && a.type() == b.type() && cv::countNonZero(a != b) == 0;
}

int countValue(const cv::Mat &m, int value)
{
    return cv::countNonZero(m == value);
}

const Sample *sampleNamed(const Dataset &ds, const QString &fileName)
{
    for (const Sample &s : ds.samples)
        if (QFileInfo(s.path).fileName() == fileName)
            return &s;
    return nullptr;
}

const BadFile *badNamed(const Dataset &ds, const QString &fileName)
{
    for (const BadFile &b : ds.badFiles)
        if (QFileInfo(b.path).fileName() == fileName)
            return &b;
    return nullptr;
}

void writeText(const QString &path, const QByteArray &text)
{
    writeBytes(path, text);
}

// A grey image of the given size (what the masks label; its pixels do not matter here).
void writeImage(const QString &path, int w, int h)
{
    writeMat(path, cv::Mat(h, w, CV_8UC3, cv::Scalar(90, 100, 110)));
}

QJsonObject inspectJson(const QString &path)
{
    InspectOptions options;
    options.scan.threads = 2;
    const Inspection in = inspectDataset(path, options);
    return QJsonDocument::fromJson(reportJson(in)).object();
}

QJsonObject classFigures(const QJsonObject &report, const QString &name)
{
    for (const QJsonValue &v :
        report.value(QStringLiteral("masks")).toObject().value(QStringLiteral("per_class")).toArray())
        if (v.toObject().value(QStringLiteral("name")).toString() == name)
            return v.toObject();
    return {};
}

QString badReason(const QJsonObject &report, const QString &fileName)
{
    for (const QJsonValue &v : report.value(QStringLiteral("bad_files")).toArray())
        if (QFileInfo(v.toObject().value(QStringLiteral("path")).toString()).fileName() == fileName)
            return v.toObject().value(QStringLiteral("reason")).toString();
    return {};
}

} // namespace

class TestMasks : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void paletteIndexes_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<std::vector<int>>("values");
        QTest::newRow("PIL 8-bit, VOC palette") << "voc.png" << std::vector<int> {0, 1, 2, 255};
        QTest::newRow("PIL 8-bit, index 3 black like 0") << "duplicate.png" << std::vector<int> {0, 1, 2, 3};
        QTest::newRow("PIL 1-bit") << "bits1.png" << std::vector<int> {0, 1};
        QTest::newRow("PIL 2-bit") << "bits2.png" << std::vector<int> {0, 1, 2, 3};
        QTest::newRow("PIL 4-bit") << "bits4.png"
                                   << std::vector<int> {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
        QTest::newRow("Adam7 8-bit") << "adam7_8.png" << std::vector<int> {0, 1, 2, 255, 7, 3};
        QTest::newRow("Adam7 2-bit") << "adam7_2.png" << std::vector<int> {0, 1, 2, 3};
    }

    void paletteIndexes()
    {
        QFETCH(QString, file);
        QFETCH(std::vector<int>, values);
        const PalettePng png = readPalettePng(readAll(fixture(file)));
        QVERIFY2(png.ok(), qPrintable(png.error));
        QVERIFY(sameMat(png.indexes, pattern(values)));
        const MaskPixels px = readMaskPixels(fixture(file));
        QVERIFY2(px.ok(), qPrintable(px.error));
        QVERIFY(sameMat(px.pixels, pattern(values)));
    }

    void paletteColoursAreNotIndexes()
    {
        // OpenCV gives colours; both black indexes 0 and 3 would come back as background from them.
        const cv::Mat bgr = cv::imread(fixture(QStringLiteral("duplicate.png")).toStdString(), cv::IMREAD_UNCHANGED);
        QCOMPARE(bgr.channels(), 3);
        const PalettePng png = readPalettePng(readAll(fixture(QStringLiteral("duplicate.png"))));
        QVERIFY(png.palette.size() >= 4);
        QCOMPARE(png.palette[0], png.palette[3]);
        QCOMPARE(countValue(png.indexes, 3), countValue(pattern({0, 1, 2, 3}), 3));
        QVERIFY(countValue(png.indexes, 3) > 0);
    }

    void otherFilesAreNotPalettes()
    {
        QTemporaryDir dir;
        const QString grey = dir.filePath(QStringLiteral("grey.png"));
        writeMat(grey, pattern({0, 1, 2}));
        QVERIFY(!readPalettePng(readAll(grey)).isPalette);
        QVERIFY(!readPalettePng(QByteArray("not a png at all, just text")).isPalette);
        // A palette PNG cut short is named, not decoded as garbage.
        const QByteArray voc = readAll(fixture(QStringLiteral("voc.png")));
        const PalettePng cut = readPalettePng(voc.left(voc.size() / 2));
        QVERIFY(cut.isPalette);
        QVERIFY(!cut.error.isEmpty());
    }

    void maskFolderWithClassesTxt()
    {
        QTemporaryDir dir;
        const QString root = dir.path();
        // a: index mask 0/1/2 with known counts; p: a palette mask (VOC colours, 255 = boundary).
        writeImage(root + QStringLiteral("/images/a.jpg"), 20, 10);
        cv::Mat a = cv::Mat::zeros(10, 20, CV_8U);
        a(cv::Rect(2, 2, 6, 3)).setTo(1); // 18 px scratch
        a(cv::Rect(12, 4, 4, 5)).setTo(2); // 20 px dent
        writeMat(root + QStringLiteral("/masks/a.png"), a);
        writeImage(root + QStringLiteral("/images/p.png"), 9, 7);
        QVERIFY(QFile::copy(fixture(QStringLiteral("voc.png")), root + QStringLiteral("/masks/p_mask.png")));
        writeImage(root + QStringLiteral("/images/unmasked.png"), 8, 8);
        writeMat(root + QStringLiteral("/masks/orphan.png"), cv::Mat::zeros(4, 4, CV_8U));
        writeText(root + QStringLiteral("/classes.txt"), "background\nscratch\ndent\n");

        QCOMPARE(detectFormat(root), QStringLiteral("masks"));
        const Dataset ds = importDataset(root);
        QCOMPARE(ds.format, QStringLiteral("masks"));
        QCOMPARE(ds.classes, (QStringList {QStringLiteral("scratch"), QStringLiteral("dent")}));
        QCOMPARE(int(ds.samples.size()), 2);
        QVERIFY(badNamed(ds, QStringLiteral("unmasked.png")));
        QVERIFY(badNamed(ds, QStringLiteral("orphan.png")));

        const ClassMask ma = readClassMask(ds, *sampleNamed(ds, QStringLiteral("a.jpg")));
        QVERIFY2(ma.ok(), qPrintable(ma.error));
        QCOMPARE(ma.mask.size(), cv::Size(20, 10));
        QCOMPARE(countValue(ma.mask, 1), 18);
        QCOMPARE(countValue(ma.mask, 2), 20);
        QCOMPARE(countValue(ma.mask, 0), 200 - 38);

        const ClassMask mp = readClassMask(ds, *sampleNamed(ds, QStringLiteral("p.png")));
        QVERIFY2(mp.ok(), qPrintable(mp.error));
        QVERIFY(sameMat(mp.mask, pattern({0, 1, 2, 255}))); // 255 stays: ignored
    }

    void classesTxtWithoutBackground()
    {
        QTemporaryDir dir;
        const QString root = dir.path();
        writeImage(root + QStringLiteral("/images/a.png"), 6, 4);
        cv::Mat a = cv::Mat::zeros(4, 6, CV_8U);
        a.at<uchar>(0, 0) = 1;
        a.at<uchar>(1, 1) = 2;
        a.at<uchar>(2, 2) = 3; // no class: the list has two
        writeMat(root + QStringLiteral("/masks/a.png"), a);
        writeText(root + QStringLiteral("/classes.txt"), "scratch\ndent\n");
        const Dataset ds = importDataset(root);
        QCOMPARE(ds.classes, (QStringList {QStringLiteral("scratch"), QStringLiteral("dent")}));
        const ClassMask m = readClassMask(ds, ds.samples.front());
        QVERIFY(!m.ok());
        QVERIFY2(m.error.contains(QLatin1String("value 3")), qPrintable(m.error));
    }

    void binaryMasks_data()
    {
        QTest::addColumn<int>("on");
        QTest::addColumn<bool>("withClassesTxt");
        QTest::newRow("0/255, no class list") << 255 << false;
        QTest::newRow("0/1, no class list") << 1 << false;
        QTest::newRow("0/255, one class in classes.txt") << 255 << true;
    }

    void binaryMasks()
    {
        QFETCH(int, on);
        QFETCH(bool, withClassesTxt);
        QTemporaryDir dir;
        const QString root = dir.path();
        for (int i = 0; i < 3; ++i) {
            writeImage(root + QStringLiteral("/train/images/%1.png").arg(i), 16, 12);
            cv::Mat m = cv::Mat::zeros(12, 16, CV_8U);
            m(cv::Rect(i, 1, 3 + i, 2)).setTo(on); // (3 + i) × 2 px
            writeMat(root + QStringLiteral("/train/masks/%1.png").arg(i), m);
        }
        writeImage(root + QStringLiteral("/valid/images/v.png"), 16, 12);
        writeMat(root + QStringLiteral("/valid/masks/v.png"), cv::Mat::zeros(12, 16, CV_8U));
        if (withClassesTxt)
            writeText(root + QStringLiteral("/classes.txt"), "crack\n");
        const Dataset ds = importDataset(root);
        QCOMPARE(ds.classes, QStringList {withClassesTxt ? QStringLiteral("crack") : QStringLiteral("foreground")});
        QCOMPARE(ds.warnings.isEmpty(), withClassesTxt); // no list: the warning says names come from values
        QCOMPARE(sampleNamed(ds, QStringLiteral("1.png"))->split, SplitName::Train);
        QCOMPARE(sampleNamed(ds, QStringLiteral("v.png"))->split, SplitName::Dev);
        const ClassMask m = readClassMask(ds, *sampleNamed(ds, QStringLiteral("2.png")));
        QVERIFY2(m.ok(), qPrintable(m.error));
        QCOMPARE(countValue(m.mask, 1), 10);
        QCOMPARE(countValue(m.mask, 0), 16 * 12 - 10);
    }

    void labelmapColoursAndPalette()
    {
        QTemporaryDir dir;
        const QString root = dir.path();
        writeText(root + QStringLiteral("/labelmap.txt"),
            "# label:color_rgb:parts:actions\nbackground:0,0,0::\nscratch:128,0,0::\ndent:0,128,0::\n");
        // CVAT / VOC layout: JPEGImages/ and SegmentationClass/ (RGB masks), one image without a mask.
        writeImage(root + QStringLiteral("/JPEGImages/rgb.jpg"), 10, 8);
        cv::Mat rgb(8, 10, CV_8UC3, cv::Scalar(0, 0, 0));
        rgb(cv::Rect(0, 0, 5, 2)).setTo(cv::Scalar(0, 0, 128)); // BGR of (128, 0, 0): scratch, 10 px
        rgb(cv::Rect(6, 5, 3, 3)).setTo(cv::Scalar(0, 128, 0)); // dent, 9 px
        rgb.at<cv::Vec3b>(7, 0) = cv::Vec3b(192, 224, 224); // VOC's boundary colour: ignored
        writeMat(root + QStringLiteral("/SegmentationClass/rgb.png"), rgb);
        // The VOC palette PNG: index 1 is (128, 0, 0), 2 is (0, 128, 0), 255 is (224, 224, 192).
        writeImage(root + QStringLiteral("/JPEGImages/p.jpg"), 9, 7);
        QVERIFY(QFile::copy(fixture(QStringLiteral("voc.png")), root + QStringLiteral("/SegmentationClass/p.png")));
        writeImage(root + QStringLiteral("/JPEGImages/unlabelled.jpg"), 9, 7);
        // A colour no class has.
        writeImage(root + QStringLiteral("/JPEGImages/odd.jpg"), 4, 4);
        cv::Mat odd(4, 4, CV_8UC3, cv::Scalar(0, 0, 0));
        odd.at<cv::Vec3b>(1, 1) = cv::Vec3b(10, 20, 30);
        writeMat(root + QStringLiteral("/SegmentationClass/odd.png"), odd);

        QCOMPARE(detectFormat(root), QStringLiteral("masks"));
        const Dataset ds = importDataset(root);
        QCOMPARE(ds.classes, (QStringList {QStringLiteral("scratch"), QStringLiteral("dent")}));
        QCOMPARE(int(ds.samples.size()), 3);
        QVERIFY(!badNamed(ds, QStringLiteral("unlabelled.jpg"))); // VOC masks a subset: a warning, not a bad file
        QCOMPARE(ds.warnings.size(), 1);

        const ClassMask m = readClassMask(ds, *sampleNamed(ds, QStringLiteral("rgb.jpg")));
        QVERIFY2(m.ok(), qPrintable(m.error));
        QCOMPARE(countValue(m.mask, 1), 10);
        QCOMPARE(countValue(m.mask, 2), 9);
        QCOMPARE(countValue(m.mask, 255), 1);
        const ClassMask p = readClassMask(ds, *sampleNamed(ds, QStringLiteral("p.jpg")));
        QVERIFY2(p.ok(), qPrintable(p.error));
        QVERIFY(sameMat(p.mask, pattern({0, 1, 2, 255})));
        const ClassMask o = readClassMask(ds, *sampleNamed(ds, QStringLiteral("odd.jpg")));
        QVERIFY(!o.ok());
        QVERIFY2(o.error.contains(QLatin1String("(30, 20, 10)")), qPrintable(o.error));
    }

    void cocoCategoriesNameValues()
    {
        QTemporaryDir dir;
        const QString root = dir.path();
        writeText(root + QStringLiteral("/categories.json"),
            R"({"categories": [{"id": 7, "name": "dent"}, {"id": 3, "name": "scratch"}]})");
        writeImage(root + QStringLiteral("/images/a.png"), 5, 5);
        cv::Mat a = cv::Mat::zeros(5, 5, CV_8U);
        a.row(0).setTo(3);
        a.row(4).setTo(7);
        a.at<uchar>(2, 2) = 7;
        writeMat(root + QStringLiteral("/masks/a.png"), a);
        ImportOptions options;
        options.format = QStringLiteral("masks");
        const Dataset ds = importDataset(root, options);
        QCOMPARE(ds.classes, (QStringList {QStringLiteral("scratch"), QStringLiteral("dent")}));
        const ClassMask m = readClassMask(ds, ds.samples.front());
        QVERIFY2(m.ok(), qPrintable(m.error));
        QCOMPARE(countValue(m.mask, 1), 5);
        QCOMPARE(countValue(m.mask, 2), 6);
    }

    void mvtec()
    {
        QTemporaryDir dir;
        const QString root = dir.path() + QStringLiteral("/bottle");
        for (int i = 0; i < 3; ++i)
            writeImage(root + QStringLiteral("/train/good/%1.png").arg(i, 3, 10, QLatin1Char('0')), 32, 24);
        writeImage(root + QStringLiteral("/test/good/000.png"), 32, 24);
        // broken_large: 000 with a 40 px region and a 2×2 px speck; 001 without its mask.
        writeImage(root + QStringLiteral("/test/broken_large/000.png"), 32, 24);
        cv::Mat m = cv::Mat::zeros(24, 32, CV_8U);
        m(cv::Rect(4, 4, 8, 5)).setTo(255);
        m(cv::Rect(20, 20, 2, 2)).setTo(255);
        writeMat(root + QStringLiteral("/ground_truth/broken_large/000_mask.png"), m);
        writeImage(root + QStringLiteral("/test/broken_large/001.png"), 32, 24);
        // contamination: 000 empty mask, 001 a mask of another size, 002 fine, 003 not a PNG.
        for (int i = 0; i < 4; ++i)
            writeImage(root + QStringLiteral("/test/contamination/00%1.png").arg(i), 32, 24);
        writeMat(root + QStringLiteral("/ground_truth/contamination/000_mask.png"), cv::Mat::zeros(24, 32, CV_8U));
        writeMat(
            root + QStringLiteral("/ground_truth/contamination/001_mask.png"), cv::Mat::zeros(12, 16, CV_8U) + 255);
        cv::Mat c = cv::Mat::zeros(24, 32, CV_8U);
        c(cv::Rect(10, 3, 6, 7)).setTo(255);
        writeMat(root + QStringLiteral("/ground_truth/contamination/002_mask.png"), c);
        writeBytes(root + QStringLiteral("/ground_truth/contamination/003_mask.png"), "not a png");

        QCOMPARE(detectFormat(root), QStringLiteral("mvtec"));
        QCOMPARE(detectFormat(dir.path()), QStringLiteral("mvtec")); // the folder of categories
        const Dataset ds = importDataset(root);
        QCOMPARE(ds.format, QStringLiteral("mvtec"));
        QCOMPARE(ds.classes, (QStringList {QStringLiteral("broken_large"), QStringLiteral("contamination")}));
        QCOMPARE(int(ds.samples.size()), 3 + 1 + 1 + 4);
        QVERIFY(badNamed(ds, QStringLiteral("001.png"))); // broken_large/001: no mask
        int train = 0;
        for (const Sample &s : ds.samples)
            train += s.split == SplitName::Train ? 1 : 0;
        QCOMPARE(train, 3);

        const Sample *good = nullptr;
        for (const Sample &s : ds.samples)
            if (s.path.contains(QLatin1String("test/good")))
                good = &s;
        QVERIFY(good);
        const ClassMask g = readClassMask(ds, *good);
        QVERIFY2(g.ok(), qPrintable(g.error));
        QCOMPARE(g.mask.size(), cv::Size(32, 24));
        QCOMPARE(cv::countNonZero(g.mask), 0);

        // Inspect: figures per class, the 5×5 rule, bad masks named with their reasons.
        const QJsonObject report = inspectJson(root);
        QCOMPARE(report.value(QStringLiteral("format")).toString(), QStringLiteral("mvtec"));
        QCOMPARE(report.value(QStringLiteral("images")).toInt(), 3 + 1 + 1 + 1);
        const QJsonObject masks = report.value(QStringLiteral("masks")).toObject();
        QCOMPARE(masks.value(QStringLiteral("checked")).toBool(), true);
        QCOMPARE(masks.value(QStringLiteral("images")).toInt(), 6);
        QCOMPARE(masks.value(QStringLiteral("empty_images")).toInt(), 4); // train/good and test/good
        const QJsonObject broken = classFigures(report, QStringLiteral("broken_large"));
        QCOMPARE(broken.value(QStringLiteral("pixels")).toInt(), 44);
        QCOMPARE(broken.value(QStringLiteral("images")).toInt(), 1);
        QCOMPARE(broken.value(QStringLiteral("regions")).toInt(), 2);
        QCOMPARE(broken.value(QStringLiteral("under_5px")).toInt(), 1);
        QCOMPARE(broken.value(QStringLiteral("smallest_px")).toArray(), (QJsonArray {2, 2}));
        const QJsonObject contamination = classFigures(report, QStringLiteral("contamination"));
        QCOMPARE(contamination.value(QStringLiteral("pixels")).toInt(), 42);
        QCOMPARE(contamination.value(QStringLiteral("smallest_px")).toArray(), (QJsonArray {6, 7}));
        QCOMPARE(contamination.value(QStringLiteral("under_5px")).toInt(), 0);
        bool warned = false;
        for (const QJsonValue &w : report.value(QStringLiteral("warnings")).toArray())
            warned = warned
                || (w.toString().contains(QLatin1String("broken_large"))
                    && w.toString().contains(QLatin1String("5 px")));
        QVERIFY(warned);
        // The classes list counts images holding the class.
        for (const QJsonValue &v : report.value(QStringLiteral("classes")).toArray())
            QCOMPARE(v.toObject().value(QStringLiteral("count")).toInt(), 1);
        QVERIFY2(badReason(report, QStringLiteral("000_mask.png")).contains(QLatin1String("empty")),
            qPrintable(badReason(report, QStringLiteral("000_mask.png"))));
        QVERIFY2(badReason(report, QStringLiteral("001_mask.png")).contains(QStringLiteral("16×12")),
            qPrintable(badReason(report, QStringLiteral("001_mask.png"))));
        QVERIFY(!badReason(report, QStringLiteral("003_mask.png")).isEmpty());
        QVERIFY(badReason(report, QStringLiteral("001.png")).contains(QLatin1String("001_mask.png")));
    }

    void brokenMasksInFolders()
    {
        QTemporaryDir dir;
        const QString root = dir.path();
        writeText(root + QStringLiteral("/classes.txt"), "scratch\n");
        writeImage(root + QStringLiteral("/images/good.png"), 8, 8);
        cv::Mat g = cv::Mat::zeros(8, 8, CV_8U);
        g(cv::Rect(0, 0, 8, 5)).setTo(255);
        writeMat(root + QStringLiteral("/masks/good.png"), g);
        writeImage(root + QStringLiteral("/images/empty.png"), 8, 8);
        writeMat(root + QStringLiteral("/masks/empty.png"), cv::Mat::zeros(8, 8, CV_8U)); // a negative: fine
        writeImage(root + QStringLiteral("/images/zero.png"), 8, 8);
        writeBytes(root + QStringLiteral("/masks/zero.png"), QByteArray());
        writeImage(root + QStringLiteral("/images/cut.png"), 8, 8);
        QByteArray png;
        {
            std::vector<uchar> buf;
            cv::imencode(".png", g, buf);
            png = QByteArray(reinterpret_cast<const char *>(buf.data()), int(buf.size()) / 2);
        }
        writeBytes(root + QStringLiteral("/masks/cut.png"), png);
        writeImage(root + QStringLiteral("/images/big.png"), 8, 8);
        writeMat(root + QStringLiteral("/masks/big.png"), cv::Mat::zeros(9, 8, CV_8U));

        const QJsonObject report = inspectJson(root);
        QCOMPARE(report.value(QStringLiteral("images")).toInt(), 2);
        QVERIFY(!badReason(report, QStringLiteral("zero.png")).isEmpty());
        QVERIFY(!badReason(report, QStringLiteral("cut.png")).isEmpty());
        QVERIFY2(badReason(report, QStringLiteral("big.png")).contains(QStringLiteral("8×9")),
            qPrintable(badReason(report, QStringLiteral("big.png"))));
        const QJsonObject masks = report.value(QStringLiteral("masks")).toObject();
        QCOMPARE(masks.value(QStringLiteral("empty_images")).toInt(), 1);
        QCOMPARE(classFigures(report, QStringLiteral("scratch")).value(QStringLiteral("pixels")).toInt(), 40);
        QCOMPARE(classFigures(report, QStringLiteral("scratch")).value(QStringLiteral("smallest_px")).toArray(),
            (QJsonArray {8, 5}));
        // The text report says the same.
        InspectOptions options;
        const QString text = formatReport(inspectDataset(root, options));
        QVERIFY2(text.contains(QLatin1String("Masks")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("big.png")), qPrintable(text));
    }

    void cliInspectJson()
    {
        QTemporaryDir dir;
        const QString root = dir.path();
        writeText(root + QStringLiteral("/classes.txt"), "background\nscratch\ndent\n");
        for (int i = 0; i < 2; ++i) {
            writeImage(root + QStringLiteral("/images/%1.png").arg(i), 24, 16);
            cv::Mat m = cv::Mat::zeros(16, 24, CV_8U);
            m(cv::Rect(1, 1, 10, 3)).setTo(1); // 30 px scratch
            m(cv::Rect(20, 10, 2, 5)).setTo(2); // a 2 px wide dent: under the 5 px rule
            writeMat(root + QStringLiteral("/masks/%1.png").arg(i), m);
        }
        writeImage(root + QStringLiteral("/images/2.png"), 24, 16);
        writeBytes(root + QStringLiteral("/masks/2.png"), "\x89PNG broken");

        const test::CliRun run = test::runCli({QStringLiteral("inspect"), root, QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject report = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(report.value(QStringLiteral("format")).toString(), QStringLiteral("masks"));
        QCOMPARE(report.value(QStringLiteral("images")).toInt(), 2);
        QVERIFY(!badReason(report, QStringLiteral("2.png")).isEmpty());
        const QJsonObject scratch = classFigures(report, QStringLiteral("scratch"));
        QCOMPARE(scratch.value(QStringLiteral("pixels")).toInt(), 60);
        QCOMPARE(scratch.value(QStringLiteral("images")).toInt(), 2);
        QCOMPARE(scratch.value(QStringLiteral("regions")).toInt(), 2);
        QCOMPARE(scratch.value(QStringLiteral("smallest_px")).toArray(), (QJsonArray{10, 3}));
        QCOMPARE(scratch.value(QStringLiteral("under_5px")).toInt(), 2); // 3 px high
        const QJsonObject dent = classFigures(report, QStringLiteral("dent"));
        QCOMPARE(dent.value(QStringLiteral("pixels")).toInt(), 20);
        QCOMPARE(dent.value(QStringLiteral("smallest_px")).toArray(), (QJsonArray{2, 5}));
        QCOMPARE(dent.value(QStringLiteral("under_5px")).toInt(), 2);
        // The contract's keys are still there; there are no boxes, so no smallest object.
        QVERIFY(report.contains(QStringLiteral("classes")));
        QVERIFY(report.contains(QStringLiteral("bad_files")));
        QVERIFY(report.contains(QStringLiteral("image_size")));
        QVERIFY(!report.value(QStringLiteral("objects")).toObject().contains(QStringLiteral("smallest_px")));

        // Text report, and a format named on the command line.
        const test::CliRun text = test::runCli({QStringLiteral("inspect"), root, QStringLiteral("--format"),
                                                QStringLiteral("masks")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("Masks"), text.out.constData());
        // A folder that is no MVTec category is refused with one line, exit 2.
        const test::CliRun wrong = test::runCli({QStringLiteral("inspect"), root, QStringLiteral("--format"),
                                                 QStringLiteral("mvtec")});
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY2(wrong.err.contains("MVTec"), wrong.err.constData());
    }

    void cocoMasksRasterized()
    {
        Dataset ds;
        ds.classes = {QStringLiteral("scratch"), QStringLiteral("dent")};
        Sample s;
        s.path = QStringLiteral("/nowhere/a.png");
        s.width = 20;
        s.height = 12;
        Annotation square; // pixels 2..11 × 1..4 in COCO's edge coordinates: 10 × 4 = 40 px
        square.classId = 0;
        square.polygons.push_back({2, 1, 12, 1, 12, 5, 2, 5});
        s.objects.push_back(square);
        Annotation rle; // column-major: 3 zeros, then 11 ones (column 0 rows 3..11, column 1 rows 0..1)
        rle.classId = 1;
        rle.rle.width = 20;
        rle.rle.height = 12;
        rle.rle.counts = {3, 11};
        s.objects.push_back(rle);
        Annotation boxOnly;
        boxOnly.classId = 1;
        boxOnly.box = QRectF(15, 5, 4, 4);
        s.objects.push_back(boxOnly);
        ds.samples.push_back(s);
        QVERIFY(hasPixelLabels(ds));
        const ClassMask m = readClassMask(ds, ds.samples.front());
        QVERIFY2(m.ok(), qPrintable(m.error));
        QCOMPARE(m.mask.size(), cv::Size(20, 12));
        QCOMPARE(countValue(m.mask, 1), 40);
        QCOMPARE(countValue(m.mask, 2), 11);
        QCOMPARE(int(m.mask.at<uchar>(3, 0)), 2);
        QCOMPARE(int(m.mask.at<uchar>(2, 0)), 0);
        QCOMPARE(int(m.mask.at<uchar>(1, 2)), 1);
        QCOMPARE(int(m.mask.at<uchar>(4, 11)), 1);
        QCOMPARE(int(m.mask.at<uchar>(5, 11)), 0);
        QCOMPARE(int(m.mask.at<uchar>(7, 16)), 0); // a box without a mask stays background

        // A pixel belongs to a polygon when its centre is inside: the triangle (0,0), (10,0), (0,10) of
        // area 50 takes the 9 + 8 + … + 1 = 45 pixels whose centres lie below its diagonal.
        Dataset tri;
        tri.classes = {QStringLiteral("scratch")};
        Sample t;
        t.path = s.path;
        t.width = 12;
        t.height = 12;
        Annotation triangle;
        triangle.classId = 0;
        triangle.polygons.push_back({0, 0, 10, 0, 0, 10});
        t.objects.push_back(triangle);
        tri.samples.push_back(t);
        const ClassMask tm = readClassMask(tri, tri.samples.front());
        QVERIFY2(tm.ok(), qPrintable(tm.error));
        QCOMPARE(countValue(tm.mask, 1), 45);
        QCOMPARE(int(tm.mask.at<uchar>(0, 8)), 1);
        QCOMPARE(int(tm.mask.at<uchar>(0, 9)), 0);

        // An RLE of another size than the image is refused, not resized.
        ds.samples.front().objects[1].rle.width = 10;
        const ClassMask bad = readClassMask(ds, ds.samples.front());
        QVERIFY(!bad.ok());
        QVERIFY(bad.error.contains(QLatin1String("RLE")));
    }
};

QTEST_GUILESS_MAIN(TestMasks)
#include "tst_masks.moc"
