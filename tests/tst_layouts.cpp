// Dataset layouts as other tools export them (COCO, CVAT, Label Studio, Roboflow): which layout
// `auto` recognises, what it reads (images, classes, objects, splits), what it says about it, and
// the refusal when nothing matches. Fixtures and their origins: tests/data/layouts/MANIFEST.md.

#include "DatasetCounts.h"
#include "TestUtil.h"

#include "dataset/Errors.h"
#include "dataset/Importers.h"
#include "dataset/Inspection.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>

#include <algorithm>

using namespace loupe;

namespace {

QString layoutPath(const QString &relative)
{
    return QDir::cleanPath(QStringLiteral(LOUPE_TEST_DATA "/layouts/") + relative);
}

using test::objectCount;
using test::splitCount;

const Sample &sampleNamed(const Dataset &ds, const QString &fileName)
{
    for (const Sample &s : ds.samples)
        if (QFileInfo(s.path).fileName() == fileName)
            return s;
    qFatal("no sample %s", qPrintable(fileName));
}

// The message importDataset refuses with, or an empty string when it does not refuse.
QString refusal(const QString &path, const ImportOptions &options = {})
{
    try {
        importDataset(path, options);
    } catch (const DatasetError &e) {
        return e.message();
    }
    return {};
}

using Run = test::CliRun;

Run cli(const QStringList &args)
{
    return test::runCli(args);
}

} // namespace

class TestLayouts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cocoOwnLayout();
    void cocoSplitFolders();
    void cocoImagesSplitFoldersPrefersInstances();
    void cvatCoco();
    void labelStudioCoco();
    void roboflowCoco();
    void roboflowClassesMergedByName();
    void roboflowYoloRoutesToYolo();
    void roboflowVocRoutesToVoc();
    void imagesOptionSetsCocoImageRoot();
    void imagesOptionRefusedElsewhere();
    void noLayoutMatches();
    void forcedFormatWithoutImagesRefused();
    void reportSaysLayout();
    void cliSaysLayoutAndRefuses();
    void cocoKeysAfterMegabytesOfPolygons();
};

// annotations/instances_val2017.json beside val2017/, pointed at the root: the images are found.
void TestLayouts::cocoOwnLayout()
{
    const QString root = layoutPath(QStringLiteral("coco_own"));
    QCOMPARE(detectFormat(root), QStringLiteral("coco"));
    const Dataset ds = importDataset(root);
    QCOMPARE(ds.format, QStringLiteral("coco"));
    QCOMPARE(int(ds.samples.size()), 3);
    QCOMPARE(int(ds.badFiles.size()), 0);
    QCOMPARE(ds.classes, (QStringList{QStringLiteral("bus"), QStringLiteral("car")}));
    QCOMPARE(objectCount(ds), 3);
    QCOMPARE(int(sampleNamed(ds, QStringLiteral("fake1.jpg")).objects.size()), 2);
    QCOMPARE(int(sampleNamed(ds, QStringLiteral("fake3.jpg")).objects.size()), 0);
    QCOMPARE(sampleNamed(ds, QStringLiteral("fake2.jpg")).path, layoutPath(QStringLiteral("coco_own/val2017/fake2.jpg")));
    // One file is one part: Loupe's own split divides it, nothing is pinned to dev.
    QCOMPARE(splitCount(ds, SplitName::None), 3);
    QCOMPARE(ds.layout, QStringLiteral("COCO: annotations/instances_val2017.json, images in val2017/"));
    QCOMPARE(ds.layoutSource, layoutPath(QStringLiteral("coco_own/annotations/instances_val2017.json")));

    // The JSON itself, given as the dataset, finds the same images.
    const Dataset direct = importDataset(layoutPath(QStringLiteral("coco_own/annotations/instances_val2017.json")));
    QCOMPARE(int(direct.samples.size()), 3);
}

// A writer that sorts keys puts "annotations" (with every polygon) before "categories" and
// "images": the demo's 1,600×1,200 defects file has them past 64 KB. The folder is still COCO.
void TestLayouts::cocoKeysAfterMegabytesOfPolygons()
{
    QTemporaryDir dir;
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("images"))));
    cv::Mat img(40, 60, CV_8UC3, cv::Scalar(90, 90, 90));
    QVERIFY(cv::imwrite(dir.filePath(QStringLiteral("images/a.png")).toStdString(), img));
    QByteArray polygon;
    for (int i = 0; i < 80000; ++i)
        polygon += QByteArray::number(i % 50 + 5) + ",";
    polygon += "5,5";
    const QByteArray json = "{\"annotations\": [{\"area\": 100, \"bbox\": [5, 5, 10, 10], \"category_id\": 1, \"id\": 1, "
                            "\"image_id\": 1, \"iscrowd\": 0, \"segmentation\": [[" + polygon + "]]}], "
                            "\"categories\": [{\"id\": 1, \"name\": \"scratch\"}], "
                            "\"images\": [{\"file_name\": \"images/a.png\", \"height\": 40, \"id\": 1, \"width\": 60}]}";
    QVERIFY(json.indexOf("\"categories\"") > (1 << 17));
    test::writeBytes(dir.filePath(QStringLiteral("annotations.json")), json);
    QCOMPARE(detectFormat(dir.path()), QStringLiteral("coco"));
    const Dataset ds = importDataset(dir.path());
    QCOMPARE(ds.classes, QStringList{QStringLiteral("scratch")});
    QCOMPARE(objectCount(ds), 1);
}

// annotations/instances_train.json + instances_val.json beside train/ and val/: one dataset.
void TestLayouts::cocoSplitFolders()
{
    const QString root = layoutPath(QStringLiteral("coco_splits"));
    const Dataset ds = importDataset(root);
    QCOMPARE(ds.format, QStringLiteral("coco"));
    QCOMPARE(ds.root, root);
    QCOMPARE(int(ds.samples.size()), 2);
    QCOMPARE(int(ds.badFiles.size()), 0);
    QCOMPARE(ds.classes, (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    QCOMPARE(objectCount(ds), 2);
    const Sample &a = sampleNamed(ds, QStringLiteral("a.jpg"));
    const Sample &b = sampleNamed(ds, QStringLiteral("b.jpg"));
    QCOMPARE(a.split, SplitName::Train);
    QCOMPARE(b.split, SplitName::Dev);
    QCOMPARE(a.objects.at(0).classId, 1); // category 2, "b"
    QCOMPARE(b.objects.at(0).classId, 0); // category 1, "a"
    QCOMPARE(ds.layout, QStringLiteral("COCO: one JSON per split (annotations/instances_train.json, "
                                       "annotations/instances_val.json), images in train/, val/"));
    QCOMPARE(ds.layoutSource, root);
}

// COCO's full annotation set (captions, keypoints, panoptic, ... beside instances) with images/train/
// and images/val/: the detection files are the ones read.
void TestLayouts::cocoImagesSplitFoldersPrefersInstances()
{
    const QString root = layoutPath(QStringLiteral("coco_images_splits"));
    QCOMPARE(importers::findCocoFiles(root),
             (QStringList{layoutPath(QStringLiteral("coco_images_splits/annotations/instances_train.json")),
                          layoutPath(QStringLiteral("coco_images_splits/annotations/instances_val.json"))}));
    const Dataset ds = importDataset(root);
    QCOMPARE(int(ds.samples.size()), 2);
    QCOMPARE(ds.classes, (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    QCOMPARE(objectCount(ds), 2);
    QCOMPARE(splitCount(ds, SplitName::Train), 1);
    QCOMPARE(splitCount(ds, SplitName::Dev), 1);
    QCOMPARE(ds.layout, QStringLiteral("COCO: one JSON per split (annotations/instances_train.json, "
                                       "annotations/instances_val.json), images in images/train/, images/val/"));
}

// CVAT's COCO 1.0 export: annotations/instances_default.json beside images/.
void TestLayouts::cvatCoco()
{
    const QString root = layoutPath(QStringLiteral("coco_cvat"));
    const Dataset ds = importDataset(root);
    QCOMPARE(int(ds.samples.size()), 1);
    QCOMPARE(int(ds.badFiles.size()), 0);
    QCOMPARE(ds.classes, (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    QCOMPARE(objectCount(ds), 1);
    QCOMPARE(ds.samples.front().path, layoutPath(QStringLiteral("coco_cvat/images/b.jpg")));
    QCOMPARE(ds.layout, QStringLiteral("CVAT COCO: annotations/instances_default.json, images in images/"));
}

// Label Studio's COCO export: result.json beside images/, file names with a Windows backslash.
void TestLayouts::labelStudioCoco()
{
    const QString root = layoutPath(QStringLiteral("labelstudio_coco"));
    const Dataset ds = importDataset(root);
    QCOMPARE(int(ds.samples.size()), 1);
    QCOMPARE(int(ds.badFiles.size()), 0);
    QCOMPARE(ds.classes, (QStringList{QStringLiteral("Planet"), QStringLiteral("Moonwalker")}));
    QCOMPARE(objectCount(ds), 2);
    QCOMPARE(ds.samples.front().objects.at(1).box, QRectF(288, 300, 132, 90));
    QCOMPARE(ds.layout, QStringLiteral("Label Studio COCO: result.json, images in images/"));
    QCOMPARE(ds.layoutSource, layoutPath(QStringLiteral("labelstudio_coco/result.json")));
}

// Roboflow's COCO export pointed at its root: train/ and val/ each with _annotations.coco.json.
void TestLayouts::roboflowCoco()
{
    const QString root = layoutPath(QStringLiteral("roboflow_coco"));
    QCOMPARE(detectFormat(root), QStringLiteral("coco"));
    const Dataset ds = importDataset(root);
    QCOMPARE(int(ds.samples.size()), 3);
    QCOMPARE(int(ds.badFiles.size()), 0);
    QCOMPARE(ds.classes, (QStringList{QStringLiteral("label_0"), QStringLiteral("label_1")}));
    QCOMPARE(objectCount(ds), 3);
    QCOMPARE(splitCount(ds, SplitName::Train), 2);
    QCOMPARE(splitCount(ds, SplitName::Dev), 1);
    QCOMPARE(sampleNamed(ds, QStringLiteral("val_001.jpg")).objects.at(0).classId, 0);
    QCOMPARE(ds.layout, QStringLiteral("Roboflow COCO: one JSON per split (train/_annotations.coco.json, "
                                       "val/_annotations.coco.json), images in train/, val/"));

    // One split folder alone is still a dataset (its one part, divided by Loupe).
    const Dataset train = importDataset(root + QStringLiteral("/train"));
    QCOMPARE(int(train.samples.size()), 2);
    QCOMPARE(splitCount(train, SplitName::None), 2);
}

// Each split file numbers its own categories; the dataset's classes follow the names.
void TestLayouts::roboflowClassesMergedByName()
{
    QTemporaryDir dir;
    const QByteArray train = R"({"categories": [{"id": 1, "name": "cat"}, {"id": 2, "name": "dog"}],
        "images": [{"id": 1, "file_name": "t.png", "width": 8, "height": 8}],
        "annotations": [{"id": 1, "image_id": 1, "category_id": 2, "bbox": [1, 1, 3, 3]}]})";
    const QByteArray valid = R"({"categories": [{"id": 1, "name": "dog"}, {"id": 2, "name": "cat"}, {"id": 3, "name": "bird"}],
        "images": [{"id": 1, "file_name": "v.png", "width": 8, "height": 8}],
        "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [1, 1, 3, 3]},
                        {"id": 2, "image_id": 1, "category_id": 3, "bbox": [2, 2, 3, 3]}]})";
    test::writeBytes(dir.filePath(QStringLiteral("train/_annotations.coco.json")), train);
    test::writeBytes(dir.filePath(QStringLiteral("valid/_annotations.coco.json")), valid);
    test::writeImage(dir.filePath(QStringLiteral("train/t.png")), 8, 8);
    test::writeImage(dir.filePath(QStringLiteral("valid/v.png")), 8, 8);

    const Dataset ds = importDataset(dir.path());
    QCOMPARE(ds.classes, (QStringList{QStringLiteral("cat"), QStringLiteral("dog"), QStringLiteral("bird")}));
    const Sample &t = sampleNamed(ds, QStringLiteral("t.png"));
    const Sample &v = sampleNamed(ds, QStringLiteral("v.png"));
    QCOMPARE(t.split, SplitName::Train);
    QCOMPARE(v.split, SplitName::Dev);
    QCOMPARE(t.objects.at(0).classId, 1); // dog
    QCOMPARE(v.objects.at(0).classId, 1); // dog, id 1 in this file
    QCOMPARE(v.objects.at(1).classId, 2); // bird
}

// Roboflow's YOLO export (data.yaml at the root, train/images, train/labels) goes to the YOLO importer.
void TestLayouts::roboflowYoloRoutesToYolo()
{
    const QString root = layoutPath(QStringLiteral("roboflow_yolo"));
    QCOMPARE(detectFormat(root), QStringLiteral("yolo"));
    const Dataset ds = importDataset(root);
    QCOMPARE(ds.format, QStringLiteral("yolo"));
    QVERIFY(!ds.layout.isEmpty());
    QCOMPARE(ds.classes, (QStringList{QStringLiteral("label_0"), QStringLiteral("label_1")}));
    QCOMPARE(int(ds.samples.size()), 3);
    QCOMPARE(objectCount(ds), 4);
}

// Roboflow's VOC export (XML beside the images in train/ and val/) goes to the VOC importer.
void TestLayouts::roboflowVocRoutesToVoc()
{
    const QString root = layoutPath(QStringLiteral("roboflow_voc"));
    QCOMPARE(detectFormat(root), QStringLiteral("voc"));
    const Dataset ds = importDataset(root);
    QCOMPARE(ds.format, QStringLiteral("voc"));
    QVERIFY(!ds.layout.isEmpty());
    QCOMPARE(int(ds.samples.size()), 3);
    QCOMPARE(int(ds.classes.size()), 2);
    QCOMPARE(objectCount(ds), 4);
}

void TestLayouts::imagesOptionSetsCocoImageRoot()
{
    ImportOptions options;
    options.imagesDir = layoutPath(QStringLiteral("coco_own/val2017"));
    const Dataset ds = importDataset(layoutPath(QStringLiteral("coco_own/annotations/instances_val2017.json")), options);
    QCOMPARE(int(ds.samples.size()), 3);
    QCOMPARE(objectCount(ds), 3);

    // Labels whose images are in none of the folders: refused, and the message asks for the folder.
    QTemporaryDir empty;
    options.imagesDir = empty.path();
    const QString message = refusal(layoutPath(QStringLiteral("coco_own")), options);
    QVERIFY2(message.contains(QStringLiteral("none of the 3 image(s) named by the labels")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("--images")), qPrintable(message));
}

void TestLayouts::imagesOptionRefusedElsewhere()
{
    ImportOptions options;
    options.imagesDir = layoutPath(QStringLiteral("roboflow_voc/train"));
    options.format = QStringLiteral("folder");
    const QString message = refusal(layoutPath(QStringLiteral("roboflow_voc/train")), options);
    QCOMPARE(message, QStringLiteral("an image folder (--images) is for label files; folder datasets hold their "
                                     "images themselves"));
    options.imagesDir = layoutPath(QStringLiteral("no_such_folder"));
    QCOMPARE(refusal(layoutPath(QStringLiteral("coco_own")), options),
             QStringLiteral("no such image folder: ") + options.imagesDir);
}

// Roboflow's CreateML export, a layout Loupe does not read: refused with what was looked for.
void TestLayouts::noLayoutMatches()
{
    const QString expected = QStringLiteral(
        "looked for class folders of images (optionally under train/, valid/, test/), a CSV file, COCO JSON "
        "(in ./, annotations/ or train/, valid/, test/), Pascal VOC (Annotations/ or XML beside the images), "
        "YOLO (data.yaml, classes.txt, obj.data or labels/), IDX files, mask folders (images/ and masks/) "
        "and MVTec AD (train/good/, test/, ground_truth/)");
    for (const QString &folder : {QStringLiteral("roboflow_createml"), QStringLiteral("roboflow_createml/train")}) {
        const QString root = layoutPath(folder);
        QCOMPARE(detectFormat(root), QString());
        const QString message = refusal(root);
        QCOMPARE(message, QStringLiteral("cannot tell the dataset format of %1: %2; name the format with --format "
                                         "and the label file with --labels")
                              .arg(root, expected));
    }
}

// A forced format that reads nothing from a folder of images is refused, not an empty success.
void TestLayouts::forcedFormatWithoutImagesRefused()
{
    ImportOptions options;
    options.format = QStringLiteral("folder");
    const QString root = layoutPath(QStringLiteral("roboflow_coco"));
    const QString message = refusal(root, options);
    QVERIFY2(message.startsWith(QStringLiteral("no images read from %1 as folder, yet the folder holds 3 image "
                                               "file(s); looked for class folders")
                                    .arg(root)),
             qPrintable(message));

    // Images loose beside folders without any: no class folders, so no layout either.
    QTemporaryDir dir;
    test::writeImage(dir.filePath(QStringLiteral("a.png")), 8, 8);
    test::writeImage(dir.filePath(QStringLiteral("b.png")), 8, 8);
    QDir(dir.path()).mkpath(QStringLiteral("notes"));
    QCOMPARE(detectFormat(dir.path()), QString());
    QVERIFY(refusal(dir.path()).startsWith(QStringLiteral("cannot tell the dataset format")));
    QVERIFY(refusal(dir.path(), options).startsWith(QStringLiteral("no images read from")));
}

void TestLayouts::reportSaysLayout()
{
    InspectOptions options;
    options.verify = false;
    const Inspection in = inspectDataset(layoutPath(QStringLiteral("coco_own")), options);
    const QString report = formatReport(in);
    QVERIFY2(report.contains(QStringLiteral("Layout    COCO: annotations/instances_val2017.json, images in val2017/ (from %1)\n")
                                 .arg(layoutPath(QStringLiteral("coco_own/annotations/instances_val2017.json")))),
             qPrintable(report));

    const QJsonObject j = QJsonDocument::fromJson(reportJson(in)).object();
    QCOMPARE(j[QStringLiteral("layout")].toString(), QStringLiteral("COCO: annotations/instances_val2017.json, images in val2017/"));
    QCOMPARE(j[QStringLiteral("layout_source")].toString(),
             layoutPath(QStringLiteral("coco_own/annotations/instances_val2017.json")));
    // The contract's keys stay.
    for (const char *key : {"format", "images", "classes", "bad_files", "image_size", "objects", "warnings"})
        QVERIFY2(j.contains(QLatin1String(key)), key);
    QCOMPARE(j[QStringLiteral("images")].toInt(), 3);
    QCOMPARE(j[QStringLiteral("objects")].toObject()[QStringLiteral("count")].toInt(), 3);
}

void TestLayouts::cliSaysLayoutAndRefuses()
{
    const Run ok = cli({QStringLiteral("inspect"), layoutPath(QStringLiteral("roboflow_coco")), QStringLiteral("--json")});
    QCOMPARE(ok.exitCode, 0);
    const QJsonObject j = QJsonDocument::fromJson(ok.out).object();
    QCOMPARE(j[QStringLiteral("images")].toInt(), 3);
    QCOMPARE(j[QStringLiteral("layout_source")].toString(), layoutPath(QStringLiteral("roboflow_coco")));

    const Run refused = cli({QStringLiteral("inspect"), layoutPath(QStringLiteral("roboflow_createml"))});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY(refused.out.isEmpty());
    QVERIFY2(refused.err.startsWith("loupe-cli: cannot tell the dataset format of "), refused.err.constData());
    QVERIFY2(refused.err.contains("looked for class folders of images"), refused.err.constData());
    QCOMPARE(refused.err.count('\n'), 1);
}

QTEST_GUILESS_MAIN(TestLayouts)
#include "tst_layouts.moc"
