// YOLO and Pascal VOC layouts as other tools export them (darknet / CVAT YOLO 1.1, YOLOv5/v8,
// Roboflow; the VOC devkit, CVAT's and Roboflow's VOC exports), on their own test data
// (tests/data/layouts/MANIFEST-yolo-voc.md). Every count below was taken from the files by hand.

#include "DatasetCounts.h"

#include "dataset/Errors.h"
#include "dataset/Importers.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace loupe;

namespace {

QString dataPath(const QString &relative)
{
    return QDir::cleanPath(QStringLiteral(LOUPE_TEST_DATA) + QLatin1String("/layouts/") + relative);
}

using test::objectCount;
using test::splitCount;

const Sample *findSample(const Dataset &ds, const QString &fileName)
{
    for (const Sample &s : ds.samples)
        if (QFileInfo(s.path).fileName() == fileName)
            return &s;
    return nullptr;
}

QStringList labelNames()
{
    QStringList names;
    for (int i = 0; i < 10; ++i)
        names << QStringLiteral("label_%1").arg(i);
    return names;
}

bool sameBox(const QRectF &a, const QRectF &b)
{
    return std::abs(a.x() - b.x()) < 1e-3 && std::abs(a.y() - b.y()) < 1e-3 && std::abs(a.width() - b.width()) < 1e-3
        && std::abs(a.height() - b.height()) < 1e-3;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

class TestLayoutsYoloVoc : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void yoloDarknetCvat();
    void yoloDarknetFormatGivenNamesFile();
    void yoloV8ListFile();
    void yoloV8NamesList();
    void yoloV5PathKeyAndNamedYaml();
    void yoloRoboflowExport();
    void yoloImageRoot();
    void yoloNothingFoundIsAnError();

    void vocDevkit_data();
    void vocDevkit();
    void vocYearFolderWithCommentedList();
    void vocCvatExport();
    void vocRoboflowExport();
    void vocImageRoot();

    void foreignFoldersDoNotMatch_data();
    void foreignFoldersDoNotMatch();
};

// ---------------------------------------------------------------- YOLO

void TestLayoutsYoloVoc::yoloDarknetCvat()
{
    // obj.data names data/train.txt, which lists data/obj_train_data/1.jpg: the paths of the
    // darknet/ folder the export was made for. Auto-detection once took obj_train_data/ for a class.
    const QString root = dataPath(QStringLiteral("yolo_darknet"));
    const importers::Recognised r = importers::recogniseYolo(root);
    QVERIFY(r.matched());
    QCOMPARE(r.source, dataPath(QStringLiteral("yolo_darknet/obj.data")));
    QVERIFY2(r.layout.contains(QLatin1String("YOLO 1.1")), qPrintable(r.layout));
    QVERIFY(!importers::recogniseVoc(root).matched());

    const Dataset ds = importers::importYolo(root);
    QCOMPARE(ds.format, QStringLiteral("yolo"));
    QCOMPARE(ds.layout, r.layout);
    QCOMPARE(ds.layoutSource, r.source);
    QCOMPARE(ds.classes, labelNames());
    QCOMPARE(int(ds.samples.size()), 1);
    QVERIFY(ds.badFiles.empty());
    QVERIFY2(ds.warnings.isEmpty(), qPrintable(ds.warnings.join(QLatin1Char('\n'))));
    const Sample &s = ds.samples[0];
    QCOMPARE(s.path, dataPath(QStringLiteral("yolo_darknet/obj_train_data/1.jpg")));
    QCOMPARE(s.split, SplitName::Train);
    QCOMPARE(s.width, 15);
    QCOMPARE(s.height, 10);
    QCOMPARE(objectCount(ds), 2);
    QCOMPARE(s.objects[0].classId, 2);
    QVERIFY(sameBox(s.objects[0].box, QRectF(0, 2, 4, 2))); // 2 0.133333 0.3 0.266667 0.2 on 15x10
    QCOMPARE(s.objects[1].classId, 4);

    // Through importDataset with --format yolo and with the obj.data itself.
    ImportOptions options;
    options.format = QStringLiteral("yolo");
    QCOMPARE(int(importDataset(root, options).samples.size()), 1);
    QCOMPARE(int(importDataset(dataPath(QStringLiteral("yolo_darknet/obj.data")), options).samples.size()), 1);
}

void TestLayoutsYoloVoc::yoloDarknetFormatGivenNamesFile()
{
    // CVAT's layout without obj.data: obj.names and obj_<subset>_data/ alone.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const char *f : {"obj.names", "obj_train_data/1.jpg", "obj_train_data/1.txt"})
        QVERIFY(QFile::copy(dataPath(QLatin1String("yolo_darknet/") + QLatin1String(f)),
                            (QDir().mkpath(QFileInfo(dir.filePath(QLatin1String(f))).absolutePath()), dir.filePath(QLatin1String(f)))));
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("obj_valid_data"))));
    QVERIFY(QFile::copy(dataPath(QStringLiteral("yolo_darknet/obj_train_data/1.jpg")), dir.filePath(QStringLiteral("obj_valid_data/2.jpg"))));

    const importers::Recognised r = importers::recogniseYolo(dir.path());
    QVERIFY(r.matched());
    QCOMPARE(r.source, dir.filePath(QStringLiteral("obj.names")));
    const Dataset ds = importers::importYolo(dir.path());
    QCOMPARE(ds.classes, labelNames());
    QCOMPARE(int(ds.samples.size()), 2);
    QCOMPARE(splitCount(ds, SplitName::Train), 1);
    QCOMPARE(splitCount(ds, SplitName::Dev), 1);
    QCOMPARE(objectCount(ds), 2);
}

void TestLayoutsYoloVoc::yoloV8ListFile()
{
    // data.yaml: path: ., train: train.txt; the list says data/images/train/1.jpg.
    const QString root = dataPath(QStringLiteral("yolo_v8_list"));
    const importers::Recognised r = importers::recogniseYolo(root);
    QVERIFY(r.matched());
    QCOMPARE(r.source, dataPath(QStringLiteral("yolo_v8_list/data.yaml")));
    QVERIFY2(r.layout.startsWith(QLatin1String("YOLOv5/v8")), qPrintable(r.layout));

    const Dataset ds = importers::importYolo(root);
    QCOMPARE(ds.layout, r.layout);
    QCOMPARE(ds.layoutSource, r.source);
    QCOMPARE(ds.classes, labelNames()); // names as an id map
    QCOMPARE(int(ds.samples.size()), 1);
    QVERIFY(ds.badFiles.empty());
    QCOMPARE(ds.samples[0].path, dataPath(QStringLiteral("yolo_v8_list/images/train/1.jpg")));
    QCOMPARE(ds.samples[0].split, SplitName::Train);
    QCOMPARE(objectCount(ds), 2); // from labels/train/1.txt
    QVERIFY2(ds.warnings.isEmpty(), qPrintable(ds.warnings.join(QLatin1Char('\n'))));
}

void TestLayoutsYoloVoc::yoloV8NamesList()
{
    const Dataset ds = importers::importYolo(dataPath(QStringLiteral("yolo_v8_names")));
    QCOMPARE(ds.classes, labelNames()); // names as a "- name" list
    QCOMPARE(int(ds.samples.size()), 1);
    QCOMPARE(splitCount(ds, SplitName::Train), 1);
    QCOMPARE(objectCount(ds), 2);
    QVERIFY(ds.badFiles.empty());
    QVERIFY2(ds.warnings.isEmpty(), qPrintable(ds.warnings.join(QLatin1Char('\n'))));
}

void TestLayoutsYoloVoc::yoloV5PathKeyAndNamedYaml()
{
    // Ultralytics' coco128.yaml: `path: coco128` is relative to where the trainer runs, so the
    // yaml's own folder is used; train and val both name images/train2017.
    const QString root = dataPath(QStringLiteral("yolo_v5_coco128"));
    const importers::Recognised r = importers::recogniseYolo(root);
    QVERIFY(r.matched());
    QCOMPARE(r.source, dataPath(QStringLiteral("yolo_v5_coco128/coco128.yaml")));

    const Dataset ds = importers::importYolo(root);
    QCOMPARE(ds.layoutSource, r.source);
    QCOMPARE(int(ds.classes.size()), 80);
    QCOMPARE(ds.classes.front(), QStringLiteral("person"));
    QCOMPARE(ds.classes[45], QStringLiteral("bowl"));
    QCOMPARE(ds.classes.back(), QStringLiteral("toothbrush"));
    QCOMPARE(int(ds.samples.size()), 1);
    QVERIFY(ds.badFiles.empty());
    const Sample &s = ds.samples[0];
    QCOMPARE(s.split, SplitName::Train); // val names the same folder: kept in the first split, said so
    QCOMPARE(int(ds.warnings.size()), 1);
    QVERIFY2(ds.warnings[0].contains(QLatin1String("more than one split")), qPrintable(ds.warnings[0]));
    QCOMPARE(s.width, 640);
    QCOMPARE(s.height, 480);
    QCOMPARE(objectCount(ds), 5);
    QCOMPARE(s.objects[0].classId, 45);
    QCOMPARE(s.objects[4].classId, 49);

    // --labels coco128.yaml (or the yaml as the dataset) reads the same.
    ImportOptions options;
    options.labelsFile = dataPath(QStringLiteral("yolo_v5_coco128/coco128.yaml"));
    QCOMPARE(objectCount(importDataset(root, options)), 5);
    QCOMPARE(objectCount(importDataset(options.labelsFile)), 5);
}

void TestLayoutsYoloVoc::yoloRoboflowExport()
{
    // data.yaml says ../train/images and ../valid/images; this export's folder is val/.
    const QString root = dataPath(QStringLiteral("yolo_roboflow"));
    const importers::Recognised r = importers::recogniseYolo(root);
    QVERIFY(r.matched());
    QVERIFY2(r.layout.startsWith(QLatin1String("Roboflow")), qPrintable(r.layout));
    QCOMPARE(r.source, dataPath(QStringLiteral("yolo_roboflow/data.yaml")));

    const Dataset ds = importers::importYolo(root);
    QCOMPARE(ds.layout, r.layout);
    QCOMPARE(ds.classes, (QStringList{QStringLiteral("label_0"), QStringLiteral("label_1")}));
    QCOMPARE(int(ds.samples.size()), 3);
    QVERIFY(ds.badFiles.empty());
    QCOMPARE(splitCount(ds, SplitName::Train), 2);
    QCOMPARE(splitCount(ds, SplitName::Dev), 1);
    QCOMPARE(objectCount(ds), 4);
    const Sample *val = findSample(ds, QStringLiteral("val_001.jpg"));
    QVERIFY(val);
    QCOMPARE(int(val->objects.size()), 2);
    // One warning for the path that is not there, one for the folder read in its place.
    QCOMPARE(int(ds.warnings.size()), 2);
    QVERIFY2(ds.warnings[0].contains(QLatin1String("../valid/images")), qPrintable(ds.warnings[0]));
}

void TestLayoutsYoloVoc::yoloImageRoot()
{
    // Labels in one place, images in another: --images DIR.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QDir().mkpath(dir.filePath(QStringLiteral("labels")));
    QDir().mkpath(dir.filePath(QStringLiteral("pictures")));
    QVERIFY(QFile::copy(dataPath(QStringLiteral("yolo_v8_names/labels/train/1.txt")), dir.filePath(QStringLiteral("labels/1.txt"))));
    QVERIFY(QFile::copy(dataPath(QStringLiteral("yolo_v8_names/data.yaml")), dir.filePath(QStringLiteral("labels/data.yaml"))));
    QVERIFY(QFile::copy(dataPath(QStringLiteral("yolo_v8_names/images/train/1.jpg")), dir.filePath(QStringLiteral("pictures/1.jpg"))));
    // The yaml's train: images/train is not there; the image root is.

    const Dataset ds = importers::importYolo(dir.filePath(QStringLiteral("labels")), dir.filePath(QStringLiteral("pictures")));
    QCOMPARE(int(ds.samples.size()), 1);
    QCOMPARE(ds.samples[0].path, QDir::cleanPath(dir.filePath(QStringLiteral("pictures/1.jpg"))));
    QCOMPARE(objectCount(ds), 2);
    QCOMPARE(ds.classes, labelNames());

    ImportOptions options;
    options.format = QStringLiteral("yolo");
    options.imagesDir = dir.filePath(QStringLiteral("pictures"));
    QCOMPARE(objectCount(importDataset(dir.filePath(QStringLiteral("labels")), options)), 2);
}

void TestLayoutsYoloVoc::yoloNothingFoundIsAnError()
{
    // A data.yaml whose folders are not there: a refusal naming what was looked for, not 0 images.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFile(dir.filePath(QStringLiteral("data.yaml")), "train: ../train/images\nval: ../valid/images\nnames: ['a']\n");
    try {
        importers::importYolo(dir.path());
        QFAIL("expected a DatasetError");
    } catch (const DatasetError &e) {
        QVERIFY2(e.message().contains(QLatin1String("../train/images")), qPrintable(e.message()));
    }
    // darknet's obj.data naming a list that is not there.
    QTemporaryDir dark;
    writeFile(dark.filePath(QStringLiteral("obj.data")), "classes = 1\ntrain = data/train.txt\nnames = data/obj.names\n");
    writeFile(dark.filePath(QStringLiteral("obj.names")), "a\n");
    ImportOptions options;
    options.format = QStringLiteral("yolo");
    QVERIFY_THROWS_EXCEPTION(DatasetError, importDataset(dark.path(), options));
}

// ---------------------------------------------------------------- VOC

void TestLayoutsYoloVoc::vocDevkit_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("warnings");
    // VOCdevkit/ holds VOC2007 and VOC2012: the newest is read, and that is said.
    QTest::newRow("VOCdevkit") << QStringLiteral("voc_devkit/VOCdevkit") << 2;
    QTest::newRow("VOC2012") << QStringLiteral("voc_devkit/VOCdevkit/VOC2012") << 1;
}

void TestLayoutsYoloVoc::vocDevkit()
{
    QFETCH(QString, path);
    QFETCH(int, warnings);
    const QString year = dataPath(QStringLiteral("voc_devkit/VOCdevkit/VOC2012"));
    const importers::Recognised r = importers::recogniseVoc(dataPath(path));
    QVERIFY(r.matched());
    QVERIFY(QFileInfo(r.source).isDir()); // a folder: auto-detection takes it before class folders
    QVERIFY(!importers::recogniseYolo(dataPath(path)).matched());

    const Dataset ds = importers::importVoc(dataPath(path));
    QCOMPARE(ds.format, QStringLiteral("voc"));
    QCOMPARE(ds.layout, r.layout);
    QCOMPARE(ds.layoutSource, r.source);
    QCOMPARE(ds.classes, (QStringList{QStringLiteral("aeroplane"), QStringLiteral("person"), QStringLiteral("train"),
                                      QStringLiteral("tvmonitor")}));
    // train.txt: 2007_000027, 2007_000032; val.txt: 000001, 2007_000033 (no image), 2007_000039,
    // 2007_000042 (no XML). person_train.txt is a class list, not a split.
    QCOMPARE(int(ds.samples.size()), 4);
    QCOMPARE(splitCount(ds, SplitName::Train), 2);
    QCOMPARE(splitCount(ds, SplitName::Dev), 2);
    QCOMPARE(objectCount(ds), 7); // 1 + 4 + 1 + 1; parts are not objects
    QCOMPARE(int(ds.badFiles.size()), 1);
    QCOMPARE(ds.badFiles[0].path, year + QLatin1String("/JPEGImages/2007_000033.jpg"));
    QCOMPARE(int(ds.warnings.size()), warnings);
    QVERIFY2(ds.warnings.last().contains(QLatin1String("1 image")), qPrintable(ds.warnings.join(QLatin1Char('\n'))));

    // 000001.xml (from mmdetection's test data) says <filename>000002.jpg</filename>; the devkit
    // rule, like the VOC tools and torchvision, takes JPEGImages/<xml stem>.jpg.
    const Sample *s = findSample(ds, QStringLiteral("000001.jpg"));
    QVERIFY(s);
    QCOMPARE(s->path, year + QLatin1String("/JPEGImages/000001.jpg"));
    QCOMPARE(s->split, SplitName::Dev);
    QCOMPARE(s->width, 335);
    QCOMPARE(s->height, 500);
    QCOMPARE(int(s->objects.size()), 1);
    QCOMPARE(s->objects[0].classId, 2);
    QCOMPARE(s->objects[0].box, QRectF(138, 199, 69, 102));

    // Through importDataset with auto detection (once: a class folder named VOC2012).
    const Dataset viaAuto = importDataset(dataPath(path));
    QCOMPARE(viaAuto.format, QStringLiteral("voc"));
    QCOMPARE(int(viaAuto.samples.size()), 4);
}

void TestLayoutsYoloVoc::vocYearFolderWithCommentedList()
{
    // datumaro's voc_dataset3: ImageSets/Main/train.txt starts with a "# a comment" line.
    const QString root = dataPath(QStringLiteral("voc_year"));
    const importers::Recognised r = importers::recogniseVoc(root);
    QVERIFY(r.matched());
    const Dataset ds = importers::importVoc(root);
    QCOMPARE(ds.layout, r.layout);
    QCOMPARE(ds.classes, QStringList{QStringLiteral("cat")});
    QCOMPARE(int(ds.samples.size()), 1);
    QCOMPARE(ds.samples[0].split, SplitName::Train);
    QCOMPARE(objectCount(ds), 1);
    QVERIFY(ds.badFiles.empty());
    QVERIFY2(ds.warnings.isEmpty(), qPrintable(ds.warnings.join(QLatin1Char('\n'))));
}

void TestLayoutsYoloVoc::vocCvatExport()
{
    // CVAT's export: Annotations/, JPEGImages/, ImageSets/Main/default.txt, labelmap.txt; its XML
    // has <depth></depth>, <folder>photo</folder> and Cyrillic class names. Of three listed
    // images, the repository holds two.
    const QString root = dataPath(QStringLiteral("voc_cvat"));
    const importers::Recognised r = importers::recogniseVoc(root);
    QVERIFY(r.matched());
    QCOMPARE(r.source, dataPath(QStringLiteral("voc_cvat/labelmap.txt")));
    QVERIFY2(r.layout.startsWith(QLatin1String("CVAT")), qPrintable(r.layout));

    const Dataset ds = importers::importVoc(root);
    QCOMPARE(ds.layout, r.layout);
    // labelmap.txt's order, without its segmentation "background".
    QCOMPARE(ds.classes, (QStringList{QString::fromUtf8("Кесадилья с курицей"), QString::fromUtf8("Поднос"),
                                      QString::fromUtf8("Салфетки"), QString::fromUtf8("Тарелка")}));
    QCOMPARE(int(ds.samples.size()), 2);
    QCOMPARE(splitCount(ds, SplitName::None), 2); // "default" is no split
    QCOMPARE(objectCount(ds), 8);
    QCOMPARE(int(ds.badFiles.size()), 1);
    QCOMPARE(ds.badFiles[0].path, dataPath(QStringLiteral("voc_cvat/JPEGImages/photo_2022-03-20_15-49-27.jpg")));
    QCOMPARE(ds.samples[0].width, 576);
    QCOMPARE(ds.samples[0].height, 1280);
    QCOMPARE(ds.samples[0].objects[0].classId, 0);
    QCOMPARE(ds.samples[0].objects[3].classId, 3);
    QVERIFY2(ds.warnings.isEmpty(), qPrintable(ds.warnings.join(QLatin1Char('\n'))));
}

void TestLayoutsYoloVoc::vocRoboflowExport()
{
    // Roboflow's VOC export: train/ and val/ with each XML beside its image; the root opens as one dataset.
    const QString root = dataPath(QStringLiteral("voc_roboflow"));
    const importers::Recognised r = importers::recogniseVoc(root);
    QVERIFY(r.matched());
    QVERIFY(!importers::recogniseYolo(root).matched());
    const Dataset ds = importers::importVoc(root);
    QCOMPARE(ds.layout, r.layout);
    QCOMPARE(ds.classes, (QStringList{QStringLiteral("label_0"), QStringLiteral("label_1")}));
    QCOMPARE(int(ds.samples.size()), 3);
    QCOMPARE(splitCount(ds, SplitName::Train), 2);
    QCOMPARE(splitCount(ds, SplitName::Dev), 1);
    QCOMPARE(objectCount(ds), 4);
    QVERIFY(ds.badFiles.empty());
    QVERIFY2(ds.warnings.isEmpty(), qPrintable(ds.warnings.join(QLatin1Char('\n'))));
    QCOMPARE(int(importDataset(root).samples.size()), 3);
}

void TestLayoutsYoloVoc::vocImageRoot()
{
    // The CVAT export's XML with the images elsewhere: --images DIR.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QDir().mkpath(dir.filePath(QStringLiteral("xml/Annotations")));
    QDir().mkpath(dir.filePath(QStringLiteral("pictures")));
    const QString name = QStringLiteral("photo_2022-03-20_15-48-44");
    QVERIFY(QFile::copy(dataPath(QStringLiteral("voc_cvat/Annotations/") + name + QLatin1String(".xml")),
                        dir.filePath(QStringLiteral("xml/Annotations/") + name + QLatin1String(".xml"))));
    QVERIFY(QFile::copy(dataPath(QStringLiteral("voc_cvat/JPEGImages/") + name + QLatin1String(".jpg")),
                        dir.filePath(QStringLiteral("pictures/") + name + QLatin1String(".jpg"))));
    ImportOptions options;
    options.format = QStringLiteral("voc");
    options.imagesDir = dir.filePath(QStringLiteral("pictures"));
    const Dataset ds = importDataset(dir.filePath(QStringLiteral("xml")), options);
    QCOMPARE(int(ds.samples.size()), 1);
    QVERIFY(ds.badFiles.empty());
    QCOMPARE(objectCount(ds), 4);
}

// ---------------------------------------------------------------- neither

void TestLayoutsYoloVoc::foreignFoldersDoNotMatch_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("COCO with images/") << QDir::cleanPath(QStringLiteral(LOUPE_TEST_DATA "/coco"));
    QTest::newRow("image files") << QDir::cleanPath(QStringLiteral(LOUPE_TEST_DATA "/images"));
    QTest::newRow("class folders") << QString();
}

void TestLayoutsYoloVoc::foreignFoldersDoNotMatch()
{
    QFETCH(QString, path);
    QTemporaryDir dir;
    if (path.isEmpty()) {
        QVERIFY(QFile::copy(dataPath(QStringLiteral("yolo_darknet/obj_train_data/1.jpg")), (QDir().mkpath(dir.filePath(QStringLiteral("cat"))), dir.filePath(QStringLiteral("cat/1.jpg")))));
        QVERIFY(QFile::copy(dataPath(QStringLiteral("yolo_darknet/obj_train_data/1.jpg")), (QDir().mkpath(dir.filePath(QStringLiteral("train/dog"))), dir.filePath(QStringLiteral("train/dog/1.jpg")))));
        path = dir.path();
    }
    QVERIFY(!importers::recogniseYolo(path).matched());
    QVERIFY(!importers::recogniseVoc(path).matched());
}

QTEST_GUILESS_MAIN(TestLayoutsYoloVoc)
#include "tst_layouts_yolo_voc.moc"
