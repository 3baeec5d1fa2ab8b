// COCO, Pascal VOC and YOLO importers: classes, boxes, masks, missing images and malformed files.

#include "dataset/Errors.h"
#include "dataset/Importers.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <functional>

using namespace loupe;

namespace {

QString dataPath(const QString &relative)
{
    return QDir::cleanPath(QStringLiteral(LOUPE_TEST_DATA) + QLatin1Char('/') + relative);
}

const Sample *findSample(const Dataset &ds, const QString &fileName)
{
    for (const Sample &s : ds.samples)
        if (QFileInfo(s.path).fileName() == fileName)
            return &s;
    return nullptr;
}

qint64 rleArea(const RleMask &mask)
{
    qint64 area = 0;
    for (std::size_t i = 1; i < mask.counts.size(); i += 2)
        area += mask.counts[i];
    return area;
}

} // namespace

class TestImportersAnnotated : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void coco();
    void cocoImageRoot();
    void cocoCrowdRegions();
    void cocoMalformed_data();
    void cocoMalformed();

    void vocLayoutA();
    void vocImagesFolderAndBeside();
    void vocMalformed_data();
    void vocMalformed();

    void yoloSplits();
    void yoloNameFormats_data();
    void yoloNameFormats();
    void yoloRoboflowLayout();
    void yoloMalformed_data();
    void yoloMalformed();

    void garbageNeverCrashes_data();
    void garbageNeverCrashes();

private:
    void checkError(const std::function<void()> &import);
};

// ---------------------------------------------------------------- COCO

void TestImportersAnnotated::coco()
{
    const QString json = dataPath(QStringLiteral("coco/instances.json"));
    const Dataset ds = importers::importCoco(json);
    QCOMPARE(ds.format, QStringLiteral("coco"));
    QCOMPARE(ds.root, json);
    // Category order, not id order: id 7 comes first in the file.
    QCOMPARE(ds.classes, (QStringList{QStringLiteral("scratch"), QStringLiteral("dent")}));

    QCOMPARE(int(ds.samples.size()), 3);
    QCOMPARE(int(ds.badFiles.size()), 1);
    QCOMPARE(QFileInfo(ds.badFiles[0].path).fileName(), QStringLiteral("c.png"));
    QVERIFY2(ds.badFiles[0].reason.contains(QLatin1String("missing")), qPrintable(ds.badFiles[0].reason));
    QVERIFY2(ds.badFiles[0].reason.contains(QLatin1String("instances.json images[2]")), qPrintable(ds.badFiles[0].reason));

    // a.png lives in images/, top.png beside the JSON.
    const Sample *a = findSample(ds, QStringLiteral("a.png"));
    QVERIFY(a);
    QCOMPARE(a->path, dataPath(QStringLiteral("coco/images/a.png")));
    QCOMPARE(a->width, 40);
    QCOMPARE(a->height, 30);
    QCOMPARE(a->classId, -1);
    QCOMPARE(int(a->objects.size()), 2);
    QCOMPARE(a->objects[0].classId, 0);
    QCOMPARE(a->objects[0].box, QRectF(1.5, 2, 10, 5));
    QCOMPARE(int(a->objects[0].polygons.size()), 1);
    QCOMPARE(a->objects[0].polygons[0], (Polygon{1.5, 2, 11.5, 2, 11.5, 7, 1.5, 7}));

    // Compressed RLE (made by tests/data/coco/make_rle.py): 235 pixels, a run that wraps from
    // column 20 into 21 makes the box span every row.
    const Annotation &rle = a->objects[1];
    QCOMPARE(rle.classId, 1);
    QVERIFY(rle.polygons.empty());
    QCOMPARE(rle.rle.width, 40);
    QCOMPARE(rle.rle.height, 30);
    const std::vector<quint32> expectedCounts{153, 20, 10, 20, 10, 20, 10, 20, 10, 20, 10, 20,
                                              10, 20, 10, 20, 10, 20, 10, 20, 157, 35, 565};
    QCOMPARE(rle.rle.counts, expectedCounts);
    QCOMPARE(rleArea(rle.rle), qint64(235));
    QCOMPARE(rle.box, QRectF(5, 0, 17, 30));
    QVERIFY(rle.hasMask());

    const Sample *b = findSample(ds, QStringLiteral("b.png"));
    QVERIFY(b);
    QCOMPARE(int(b->objects.size()), 2);
    // Box from two polygons together.
    QCOMPARE(b->objects[0].classId, 0);
    QCOMPARE(int(b->objects[0].polygons.size()), 2);
    QCOMPARE(b->objects[0].box, QRectF(2, 1, 16, 7));
    // Box from an uncompressed RLE: columns 2-3, rows 4-6.
    QCOMPARE(b->objects[1].classId, 1);
    QCOMPARE(b->objects[1].rle.counts, (std::vector<quint32>{24, 3, 7, 3, 163}));
    QCOMPARE(rleArea(b->objects[1].rle), qint64(6));
    QCOMPARE(b->objects[1].box, QRectF(2, 4, 2, 3));

    const Sample *top = findSample(ds, QStringLiteral("top.png"));
    QVERIFY(top);
    QCOMPARE(top->path, dataPath(QStringLiteral("coco/top.png")));
    QCOMPARE(int(top->objects.size()), 1);
    QCOMPARE(top->objects[0].box, QRectF(3, 4, 5, 6));
}

void TestImportersAnnotated::cocoImageRoot()
{
    // With an explicit image root only that folder is searched: top.png is not in it.
    const Dataset ds = importers::importCoco(dataPath(QStringLiteral("coco/instances.json")),
                                             dataPath(QStringLiteral("coco/images")));
    QCOMPARE(int(ds.samples.size()), 2);
    QCOMPARE(int(ds.badFiles.size()), 2);
    QCOMPARE(ds.badFiles[1].path, dataPath(QStringLiteral("coco/images/top.png")));
}

void TestImportersAnnotated::cocoCrowdRegions()
{
    // COCO val2017 images 255917 and 139 (mmdetection's test copy, tests/data/coco/MANIFEST.md):
    // 37 annotations, one of them a crowd region of cars stored as an uncompressed RLE.
    const QString root = dataPath(QStringLiteral("coco/crowd"));
    const Dataset ds = importers::importCoco(root + QStringLiteral("/annotations/instances_val2017.json"),
                                             root + QStringLiteral("/val2017"));
    QCOMPARE(int(ds.samples.size()), 2);
    QCOMPARE(int(ds.badFiles.size()), 0);
    QCOMPARE(int(ds.classes.size()), 80);
    int annotations = 0;
    std::vector<const Annotation *> crowds;
    for (const Sample &s : ds.samples) {
        annotations += int(s.objects.size());
        for (const Annotation &a : s.objects)
            if (a.crowd)
                crowds.push_back(&a);
    }
    QCOMPARE(annotations, 37); // kept with their image, so the viewer shows them
    QCOMPARE(int(crowds.size()), 1);
    const Sample *street = findSample(ds, QStringLiteral("000000255917.jpg"));
    QVERIFY(street);
    QCOMPARE(int(street->objects.size()), 17);
    const Annotation &crowd = *crowds.front();
    QVERIFY(&crowd >= &street->objects.front() && &crowd <= &street->objects.back());
    QCOMPARE(ds.classes.at(crowd.classId), QStringLiteral("car"));
    QCOMPARE(crowd.box, QRectF(59, 253, 252, 84));
    QCOMPARE(crowd.rle.height, 427);
    QCOMPARE(crowd.rle.width, 640);
    QCOMPARE(rleArea(crowd.rle), qint64(3386)); // summed with python3; the file's "area" says 4015
    const Sample *room = findSample(ds, QStringLiteral("000000000139.jpg"));
    QVERIFY(room);
    QCOMPARE(int(room->objects.size()), 20);
    QVERIFY(std::none_of(room->objects.begin(), room->objects.end(), [](const Annotation &a) { return a.crowd; }));
}

void TestImportersAnnotated::checkError(const std::function<void()> &import)
{
    QFETCH(QString, file);
    QFETCH(QString, place);
    QFETCH(QString, expected);
    try {
        import();
    } catch (const LabelFileError &e) {
        QCOMPARE(QDir::cleanPath(e.file()), dataPath(file));
        QCOMPARE(e.place(), place);
        QVERIFY2(e.problem().contains(expected, Qt::CaseInsensitive), qPrintable(e.message()));
        QVERIFY(e.message().contains(place));
        return;
    } catch (const std::exception &e) {
        QFAIL(qPrintable(QStringLiteral("wrong exception: ") + QString::fromUtf8(e.what())));
    }
    QFAIL("no LabelFileError");
}

void TestImportersAnnotated::cocoMalformed_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("place");
    QTest::addColumn<QString>("expected");

    const auto row = [](const char *name, const char *place, const char *expected) {
        QTest::newRow(name) << QStringLiteral("coco/bad/") + QLatin1String(name) + QLatin1String(".json")
                            << QString::fromUtf8(place) << QString::fromUtf8(expected);
    };
    // Column 36 counts characters: the line holds an "ä" (two bytes).
    row("syntax", "line 3, column 36", "valid JSON");
    row("bbox_three", "annotations[1].bbox", "expected 4 numbers [x, y, width, height]");
    row("bbox_text", "annotations[0].bbox", "expected 4 numbers");
    row("bbox_negative", "annotations[0].bbox", "width and height of 0 or more");
    row("unknown_image", "annotations[2].image_id", "an entry in images, found 99");
    row("unknown_category", "annotations[0].category_id", "an entry in categories, found 5");
    row("rle_sum", "annotations[0].segmentation.counts", "add up to height × width = 1200, found 150");
    row("rle_string_sum", "annotations[0].segmentation.counts", "add up to height × width = 1200");
    row("rle_bad_char", "annotations[0].segmentation.counts", "compressed RLE");
    row("polygon_odd", "annotations[0].segmentation[1]", "x, y pairs");
    row("no_images", "images", "expected an array");
    row("image_no_file_name", "images[0].file_name", "file_name");
    row("no_box_no_segmentation", "annotations[0]", "bbox or a segmentation");
    row("not_object", "", "expected a JSON object");
    row("iscrowd_two", "annotations[0].iscrowd", "expected 0 or 1, found 2");
    row("iscrowd_text", "annotations[1].iscrowd", "expected a whole number, found a string");
}

void TestImportersAnnotated::cocoMalformed()
{
    QFETCH(QString, file);
    checkError([&] { importers::importCoco(dataPath(file)); });
}

// ---------------------------------------------------------------- VOC

void TestImportersAnnotated::vocLayoutA()
{
    const QString root = dataPath(QStringLiteral("voc/layoutA"));
    const Dataset ds = importers::importVoc(root);
    QCOMPARE(ds.format, QStringLiteral("voc"));
    // First seen: zebra, apple, mango; sorted so listing order cannot change the ids.
    QCOMPARE(ds.classes, (QStringList{QStringLiteral("apple"), QStringLiteral("mango"), QStringLiteral("zebra")}));

    QCOMPARE(int(ds.samples.size()), 2);
    QCOMPARE(int(ds.badFiles.size()), 1);
    QCOMPARE(ds.badFiles[0].path, dataPath(QStringLiteral("voc/layoutA/JPEGImages/lost.png")));
    QVERIFY2(ds.badFiles[0].reason.contains(QLatin1String("lost.xml")), qPrintable(ds.badFiles[0].reason));

    // Unicode and spaces in the name.
    const Sample &bild = ds.samples[0];
    QCOMPARE(bild.path, dataPath(QString::fromUtf8("voc/layoutA/JPEGImages/bild ä 1.png")));
    QVERIFY(QFileInfo::exists(bild.path));
    QCOMPARE(bild.width, 50);
    QCOMPARE(bild.height, 40);
    QCOMPARE(bild.classId, -1);
    QCOMPARE(int(bild.objects.size()), 2);
    // 1-based inclusive corners: xmin 1 .. xmax 10 is pixels 0..9.
    QCOMPARE(bild.objects[0].classId, 2);
    QCOMPARE(bild.objects[0].box, QRectF(0, 0, 10, 20));
    QCOMPARE(bild.objects[1].classId, 0);
    QCOMPARE(bild.objects[1].box, QRectF(4, 5, 3, 3));

    const Sample &img2 = ds.samples[1];
    QCOMPARE(QFileInfo(img2.path).fileName(), QStringLiteral("img2.png"));
    QCOMPARE(img2.objects[0].classId, 1);
    QCOMPARE(img2.objects[0].box, QRectF(1.5, 2, 28.5, 18));
    QCOMPARE(img2.objects[1].classId, 2);
    QCOMPARE(img2.objects[1].box, QRectF(10, 0, 1, 1)); // a one-pixel box
}

void TestImportersAnnotated::vocImagesFolderAndBeside()
{
    const Dataset a = importers::importVoc(dataPath(QStringLiteral("voc/images_dir")));
    QCOMPARE(int(a.samples.size()), 1);
    QCOMPARE(a.samples[0].path, dataPath(QStringLiteral("voc/images_dir/images/one.png")));
    QCOMPARE(a.samples[0].objects[0].box, QRectF(0, 1, 3, 3));
    QCOMPARE(a.samples[0].width, 0); // no <size>: unknown until the header scan

    const Dataset b = importers::importVoc(dataPath(QStringLiteral("voc/beside")));
    QCOMPARE(b.classes, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(int(b.samples.size()), 2);
    QVERIFY(b.badFiles.empty());
    QCOMPARE(QFileInfo(b.samples[0].path).fileName(), QStringLiteral("x.png"));
    QCOMPARE(b.samples[0].objects[0].classId, 1);
    QCOMPARE(b.samples[0].objects[0].box, QRectF(0, 0, 12, 10));
    // <filename>y</filename> without an ending finds y.png.
    QCOMPARE(QFileInfo(b.samples[1].path).fileName(), QStringLiteral("y.png"));
    QCOMPARE(b.samples[1].objects[0].classId, 0);
    // z.png has no XML: left out, with a warning.
    QCOMPARE(int(b.warnings.size()), 1);
}

void TestImportersAnnotated::vocMalformed_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("place");
    QTest::addColumn<QString>("expected");

    const auto row = [](const char *name, const char *place, const char *expected) {
        QTest::newRow(name) << QStringLiteral("voc/bad/") + QLatin1String(name) + QLatin1String("/a.xml")
                            << QString::fromUtf8(place) << QString::fromUtf8(expected);
    };
    row("broken_xml", "line 6", "well-formed XML");
    row("missing_xmax", "line 5", "expected <xmax>");
    row("text_number", "line 7", "expected a number in <ymin>, found \"one\"");
    row("no_bndbox", "line 3", "<bndbox>");
    row("inverted", "line 5", "xmin <= xmax");
    row("wrong_root", "line 2", "<annotation>");
}

void TestImportersAnnotated::vocMalformed()
{
    QFETCH(QString, file);
    checkError([&] { importers::importVoc(QFileInfo(dataPath(file)).absolutePath()); });
}

// ---------------------------------------------------------------- YOLO

void TestImportersAnnotated::yoloSplits()
{
    const Dataset ds = importers::importYolo(dataPath(QStringLiteral("yolo/splits")));
    QCOMPARE(ds.format, QStringLiteral("yolo"));
    QCOMPARE(ds.classes, (QStringList{QStringLiteral("cat"), QStringLiteral("dog"), QStringLiteral("hot dog")}));

    // broken.png is zero bytes: reported, the others kept.
    QCOMPARE(int(ds.badFiles.size()), 1);
    QCOMPARE(ds.badFiles[0].path, dataPath(QStringLiteral("yolo/splits/images/test/broken.png")));
    QVERIFY(!ds.badFiles[0].reason.isEmpty());
    QCOMPARE(int(ds.samples.size()), 4);

    const Sample *a = findSample(ds, QStringLiteral("a.png"));
    QVERIFY(a);
    QCOMPARE(a->split, SplitName::Train);
    QCOMPARE(a->width, 40);
    QCOMPARE(a->height, 30);
    QCOMPARE(int(a->objects.size()), 2);
    QCOMPARE(a->objects[0].classId, 0);
    QCOMPARE(a->objects[0].box, QRectF(15, 12, 10, 6));
    QCOMPARE(a->objects[1].classId, 2);
    QCOMPARE(a->objects[1].box, QRectF(0, 0, 8, 6));

    const Sample *bg = findSample(ds, QStringLiteral("bg.png"));
    QVERIFY(bg);
    QCOMPARE(bg->split, SplitName::Train);
    QVERIFY(bg->objects.empty()); // no .txt: a background image

    const Sample *b = findSample(ds, QStringLiteral("b.png"));
    QVERIFY(b);
    QCOMPARE(b->split, SplitName::Dev);
    QCOMPARE(int(b->objects.size()), 1);
    QCOMPARE(b->objects[0].classId, 1);
    QCOMPARE(int(b->objects[0].polygons.size()), 1);
    QCOMPARE(b->objects[0].polygons[0], (Polygon{2, 2, 10, 2, 10, 8, 2, 8}));
    QCOMPARE(b->objects[0].box, QRectF(2, 2, 8, 6));

    const Sample *c = findSample(ds, QStringLiteral("c.png"));
    QVERIFY(c);
    QCOMPARE(c->split, SplitName::Test);
    QCOMPARE(c->objects[0].box, QRectF(0, 0, 40, 20)); // CRLF line ending read fine
}

void TestImportersAnnotated::yoloNameFormats_data()
{
    QTest::addColumn<QString>("root");
    QTest::addColumn<QStringList>("classes");
    QTest::addColumn<QString>("image");
    QTest::addColumn<QRectF>("box");

    QTest::newRow("yaml dash list") << QStringLiteral("yolo/dash_names")
                                    << QStringList{QStringLiteral("alpha"), QStringLiteral("beta gamma")}
                                    << QStringLiteral("img.png") << QRectF(4, 3, 2, 4);
    QTest::newRow("yaml id map") << QStringLiteral("yolo/dict_names")
                                 << QStringList{QStringLiteral("first"), QStringLiteral("second one")}
                                 << QStringLiteral("img.png") << QRectF(0, 0, 10, 10);
    QTest::newRow("classes.txt") << QStringLiteral("yolo/classes_txt")
                                 << QStringList{QStringLiteral("red"), QStringLiteral("blue")}
                                 << QString::fromUtf8("Foto 1 é.png") << QRectF(0, 5, 5, 5);
}

void TestImportersAnnotated::yoloNameFormats()
{
    QFETCH(QString, root);
    QFETCH(QStringList, classes);
    QFETCH(QString, image);
    QFETCH(QRectF, box);

    const Dataset ds = importers::importYolo(dataPath(root));
    QCOMPARE(ds.classes, classes);
    QCOMPARE(int(ds.samples.size()), 1);
    QVERIFY(ds.badFiles.empty());
    QCOMPARE(QFileInfo(ds.samples[0].path).fileName(), image);
    // dash_names' data.yaml says `train: .`: its images are the train split.
    QCOMPARE(ds.samples[0].split, root.endsWith(QLatin1String("dash_names")) ? SplitName::Train : SplitName::None);
    QCOMPARE(int(ds.samples[0].objects.size()), 1);
    QCOMPARE(ds.samples[0].objects[0].box, box);
}

void TestImportersAnnotated::yoloRoboflowLayout()
{
    const Dataset ds = importers::importYolo(dataPath(QStringLiteral("yolo/roboflow")));
    QCOMPARE(ds.classes, (QStringList{QStringLiteral("x"), QStringLiteral("y")}));
    QCOMPARE(int(ds.samples.size()), 2);
    QCOMPARE(ds.samples[0].split, SplitName::Train);
    QCOMPARE(ds.samples[0].objects[0].classId, 1);
    QCOMPARE(ds.samples[0].objects[0].box, QRectF(4, 4, 2, 2));
    QCOMPARE(ds.samples[1].split, SplitName::Dev);
    QVERIFY(ds.samples[1].objects.empty());
}

void TestImportersAnnotated::yoloMalformed_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("place");
    QTest::addColumn<QString>("expected");

    QTest::newRow("four numbers") << QStringLiteral("yolo/bad/too_few/img.txt") << QStringLiteral("line 2")
                                  << QStringLiteral("expected class x_center y_center width height, found \"0 0.5 0.5 0.2\"");
    QTest::newRow("not a number") << QStringLiteral("yolo/bad/not_number/img.txt") << QStringLiteral("line 1")
                                  << QStringLiteral("expected class x_center y_center width height");
    QTest::newRow("class out of range") << QStringLiteral("yolo/bad/class_range/img.txt") << QStringLiteral("line 3")
                                        << QStringLiteral("class id from 0 to 1, found 5");
    QTest::newRow("coordinate above 1") << QStringLiteral("yolo/bad/coord_range/img.txt") << QStringLiteral("line 1")
                                        << QStringLiteral("between 0 and 1, found 1.2");
    QTest::newRow("even count") << QStringLiteral("yolo/bad/even_count/img.txt") << QStringLiteral("line 1")
                                << QStringLiteral("expected class x_center y_center width height");
    QTest::newRow("fractional class") << QStringLiteral("yolo/bad/bad_class_id/img.txt") << QStringLiteral("line 1")
                                      << QStringLiteral("class id of 0 or more, found \"0.5\"");
    QTest::newRow("yaml id gap") << QStringLiteral("yolo/bad/yaml_gap/data.yaml") << QStringLiteral("line 2")
                                 << QStringLiteral("expected class ids 0 to 1 without gaps");
    QTest::newRow("yaml scalar names") << QStringLiteral("yolo/bad/yaml_scalar/data.yaml") << QStringLiteral("line 1")
                                       << QStringLiteral("expected names as [a, b, ...]");
}

void TestImportersAnnotated::yoloMalformed()
{
    QFETCH(QString, file);
    checkError([&] { importers::importYolo(QFileInfo(dataPath(file)).absolutePath()); });
}

// ---------------------------------------------------------------- any input

void TestImportersAnnotated::garbageNeverCrashes_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("content");

    const QByteArray binary("\x00\xff\xfe{\x01[\"<\x80", 10);
    const QList<QByteArray> coco{
        "", "null", binary, "{\"images\": 5}", "{\"images\": [1e400]}",
        "{\"images\": [{\"id\": 1e300, \"file_name\": \"a.png\"}]}",
        "{\"images\": [{\"id\": 1, \"file_name\": \"a.png\"}], \"categories\": [{\"id\": 1, \"name\": 2}]}",
        "{\"images\": [{\"id\": 1, \"file_name\": \"a.png\"}], \"categories\": [{\"id\": 1, \"name\": \"x\"}],"
        " \"annotations\": [{\"image_id\": 1, \"category_id\": 1, \"segmentation\": {\"size\": [2, 2], \"counts\": \"o\"}}]}",
        "{\"images\": [{\"id\": 1, \"file_name\": \"a.png\"}], \"categories\": [{\"id\": 1, \"name\": \"x\"}],"
        " \"annotations\": [{\"image_id\": 1, \"category_id\": 1, \"segmentation\": {\"size\": [2, 2], \"counts\": \"oooooooooooooo1\"}}]}",
        "{\"images\": [{\"id\": 1, \"file_name\": \"a.png\"}], \"categories\": [{\"id\": 1, \"name\": \"x\"}],"
        " \"annotations\": [{\"image_id\": 1, \"category_id\": 1, \"segmentation\": {\"size\": [-2, 2e9], \"counts\": []}}]}",
        "{\"images\": [{\"id\": 1, \"file_name\": \"a.png\"}], \"categories\": [{\"id\": 1, \"name\": \"x\"}],"
        " \"annotations\": [{\"image_id\": [1], \"category_id\": {}, \"bbox\": null, \"segmentation\": [[]]}]}",
    };
    const QList<QByteArray> voc{
        "", binary, "<annotation>", "<annotation><object><bndbox><xmin>",
        "<annotation><object><name>a</name><bndbox><xmin>nan</xmin><ymin>1</ymin><xmax>2</xmax><ymax>2</ymax></bndbox></object></annotation>",
        "<annotation><size><width>-5</width></size></annotation>",
        "<annotation><object><name><b>x</b></name></object></annotation>",
    };
    const QList<QByteArray> yolo{
        binary, "0 nan 0.5 0.1 0.1", "0 inf 0.5 0.1 0.1", "-1 0.5 0.5 0.1 0.1", "1e30 0.5 0.5 0.1 0.1",
        "0 0.5 0.5 0.1 0.1 0.2 0.2", "0", "\t\t\n\r\n",
    };
    int i = 0;
    for (const QByteArray &c : coco)
        QTest::addRow("coco %d", i++) << QStringLiteral("coco") << c;
    for (const QByteArray &c : voc)
        QTest::addRow("voc %d", i++) << QStringLiteral("voc") << c;
    for (const QByteArray &c : yolo)
        QTest::addRow("yolo %d", i++) << QStringLiteral("yolo") << c;
}

void TestImportersAnnotated::garbageNeverCrashes()
{
    QFETCH(QString, format);
    QFETCH(QByteArray, content);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto write = [&](const QString &name, const QByteArray &bytes) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    };
    QVERIFY(QFile::copy(dataPath(QStringLiteral("coco/images/a.png")), dir.filePath(QStringLiteral("a.png"))));
    try {
        if (format == QLatin1String("coco")) {
            write(QStringLiteral("x.json"), content);
            importers::importCoco(dir.filePath(QStringLiteral("x.json")));
        } else if (format == QLatin1String("voc")) {
            write(QStringLiteral("a.xml"), content);
            importers::importVoc(dir.path());
        } else {
            write(QStringLiteral("a.txt"), content);
            importers::importYolo(dir.path());
        }
    } catch (const LabelFileError &e) {
        QVERIFY(!e.problem().isEmpty());
    } catch (const DatasetError &e) {
        QVERIFY(!e.message().isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestImportersAnnotated)
#include "tst_importers_annotated.moc"
