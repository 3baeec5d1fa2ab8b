// CSV label files as Kaggle and other tools ship them: columns found by content or named with
// --csv-columns, header lines told by content, names without extension, the image root.

#include "TestUtil.h"

#include "dataset/Errors.h"
#include "dataset/Importers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

using namespace loupe;

namespace {

QString data(const QString &relative)
{
    return QStringLiteral(LOUPE_TEST_DATA "/csv/") + relative;
}

using Run = test::CliRun;

Run cli(const QStringList &args)
{
    return test::runCli(args);
}

QList<int> perClass(const Dataset &ds)
{
    QList<int> counts(ds.classes.size(), 0);
    for (const Sample &s : ds.samples)
        ++counts[s.classId];
    return counts;
}

// The refusal's message, or a failure note when the import went through.
QString refusal(const QString &path, const ImportOptions &options)
{
    try {
        const Dataset ds = importDataset(path, options);
        return QStringLiteral("accepted: %1 images").arg(ds.samples.size());
    } catch (const DatasetError &e) {
        return e.message();
    } catch (const LabelFileError &e) {
        return e.message();
    }
}

} // namespace

class TestCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void realFiles_data();
    void realFiles();
    void missingImageReportedWhereTheOthersAre();
    void refusals_data();
    void refusals();
    void columnsOptionErrors_data();
    void columnsOptionErrors();
    void labelColumnFirst();
    void cliInspectWithLabels();
    void cliRefusesAmbiguousColumns();
};

void TestCsv::realFiles_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("labels");
    QTest::addColumn<QString>("images");
    QTest::addColumn<QString>("columns");
    QTest::addColumn<int>("imageCount");
    QTest::addColumn<QStringList>("classes");
    QTest::addColumn<QList<int>>("counts");
    QTest::addColumn<int>("missing");
    QTest::addColumn<QStringList>("layout");

    // Counts from the CSV rows and the files make_fixtures.py wrote, checked with Python's csv module.
    QTest::newRow("id,breed: Kaggle dog breeds, train/<id>.jpg")
        << data(QStringLiteral("dog-breed/labels.csv")) << QString() << QString() << QString() << 9
        << QStringList{QStringLiteral("basenji"), QStringLiteral("bedlington_terrier"), QStringLiteral("bluetick"),
                       QStringLiteral("borzoi"), QStringLiteral("boston_bull"), QStringLiteral("dingo"),
                       QStringLiteral("golden_retriever"), QStringLiteral("pekinese"),
                       QStringLiteral("scottish_deerhound")}
        << QList<int>{1, 2, 1, 1, 1, 1, 1, 1, 0} << 1
        << QStringList{QStringLiteral("CSV: columns id (path) and breed (label), found by content"),
                       QStringLiteral("names without extension, found as .jpg in train/")};
    QTest::newRow("dog-breed folder, the CSV found in it")
        << data(QStringLiteral("dog-breed")) << QString() << QString() << QString() << 9
        << QStringList{QStringLiteral("basenji"), QStringLiteral("bedlington_terrier"), QStringLiteral("bluetick"),
                       QStringLiteral("borzoi"), QStringLiteral("boston_bull"), QStringLiteral("dingo"),
                       QStringLiteral("golden_retriever"), QStringLiteral("pekinese"),
                       QStringLiteral("scottish_deerhound")}
        << QList<int>{1, 2, 1, 1, 1, 1, 1, 1, 0} << 1
        << QStringList{QStringLiteral("CSV: columns id (path) and breed (label)")};
    QTest::newRow("image,level: Kaggle retinopathy, train/<image>.jpeg")
        << data(QStringLiteral("retinopathy/trainLabels.csv")) << QString() << QString() << QString() << 10
        << QStringList{QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("3")} << QList<int>{7, 1, 2} << 0
        << QStringList{QStringLiteral("CSV: columns image (path) and level (label), found by content"),
                       QStringLiteral("names without extension, found as .jpeg in train/")};
    QTest::newRow("no header line, DATASET --labels FILE.csv")
        << data(QStringLiteral("retinopathy-headerless"))
        << data(QStringLiteral("retinopathy-headerless/labels/trainLabels.csv")) << QString() << QString() << 10
        << QStringList{QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("4")}
        << QList<int>{5, 2, 1, 2} << 0
        << QStringList{QStringLiteral("CSV: columns 1 (path) and 2 (label), found by content, no header line"),
                       QStringLiteral(".jpeg in ")};
    QTest::newRow("no header line, FILE.csv --images DIR")
        << data(QStringLiteral("retinopathy-headerless/labels/trainLabels.csv")) << QString()
        << data(QStringLiteral("retinopathy-headerless")) << QString() << 10
        << QStringList{QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("4")}
        << QList<int>{5, 2, 1, 2} << 0 << QStringList{QStringLiteral("no header line")};
    QTest::newRow("image_id,label,fold: Kaggle cassava, train_images/")
        << data(QStringLiteral("cassava/train_folds.csv")) << QString() << QString() << QString() << 9
        << QStringList{QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
                       QStringLiteral("4")}
        << QList<int>{2, 2, 1, 3, 1} << 1
        << QStringList{QStringLiteral("CSV: columns image_id (path) and label (label), found by content"),
                       QStringLiteral("images found in train_images/")};
    QTest::newRow("HAM10000 --csv-columns by name")
        << data(QStringLiteral("ham10000/HAM10000_metadata.csv")) << QString()
        << data(QStringLiteral("ham10000/HAM10000_images_part_1")) << QStringLiteral("image_id,dx") << 10
        << QStringList{QStringLiteral("bkl")} << QList<int>{10} << 0
        << QStringList{QStringLiteral("CSV: columns image_id (path) and dx (label), chosen with --csv-columns"),
                       QStringLiteral("names without extension, found as .jpg in ")};
    QTest::newRow("HAM10000 --csv-columns by number, header told by content")
        << data(QStringLiteral("ham10000/HAM10000_metadata.csv")) << QString()
        << data(QStringLiteral("ham10000/HAM10000_images_part_1")) << QStringLiteral("2, 3") << 10
        << QStringList{QStringLiteral("bkl")} << QList<int>{10} << 0
        << QStringList{QStringLiteral("CSV: columns image_id (path) and dx (label), chosen with --csv-columns")};
}

void TestCsv::realFiles()
{
    QFETCH(QString, path);
    QFETCH(QString, labels);
    QFETCH(QString, images);
    QFETCH(QString, columns);
    QFETCH(int, imageCount);
    QFETCH(QStringList, classes);
    QFETCH(QList<int>, counts);
    QFETCH(int, missing);
    QFETCH(QStringList, layout);

    ImportOptions options;
    options.labelsFile = labels;
    options.imagesDir = images;
    options.csvColumns = columns;
    const Dataset ds = importDataset(path, options);
    QCOMPARE(ds.format, QStringLiteral("csv"));
    QCOMPARE(int(ds.samples.size()), imageCount);
    QCOMPARE(ds.classes, classes);
    QCOMPARE(perClass(ds), counts);
    QCOMPARE(int(ds.badFiles.size()), missing);
    for (const QString &part : layout)
        QVERIFY2(ds.layout.contains(part), qPrintable(ds.layout));
    QVERIFY2(ds.layoutSource.endsWith(QLatin1String(".csv")), qPrintable(ds.layoutSource));
    for (const Sample &s : ds.samples)
        QVERIFY2(QFileInfo(s.path).isFile(), qPrintable(s.path));
}

void TestCsv::missingImageReportedWhereTheOthersAre()
{
    const Dataset ds = importDataset(data(QStringLiteral("dog-breed/labels.csv")));
    QCOMPARE(int(ds.badFiles.size()), 1);
    QCOMPARE(ds.badFiles[0].path, data(QStringLiteral("dog-breed/train/0042188c895a2f14ef64a918ed9c7b64.jpg")));
    QVERIFY2(ds.badFiles[0].reason.contains(QStringLiteral("labels.csv line 11")), qPrintable(ds.badFiles[0].reason));
    QCOMPARE(ds.samples.front().path, data(QStringLiteral("dog-breed/train/000bec180eb18c7604dcecc8fe0dba07.jpg")));
}

void TestCsv::refusals_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("images");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("several label-like columns")
        << data(QStringLiteral("ham10000/HAM10000_metadata.csv")) << data(QStringLiteral("ham10000/HAM10000_images_part_1"))
        << QStringList{QStringLiteral("HAM10000_metadata.csv: cannot tell which column holds the labels: lesion_id, dx, "
                                      "dx_type, age, sex, localization all hold short repeated values"),
                       QStringLiteral("--csv-columns PATH,LABEL")};
    QTest::newRow("no column names files")
        << data(QStringLiteral("ham10000/HAM10000_metadata.csv")) << QString()
        << QStringList{QStringLiteral("no column names image files that exist"), QStringLiteral("--images DIR"),
                       QStringLiteral("--csv-columns PATH,LABEL")};
    QTest::newRow("no image found beside the CSV")
        << data(QStringLiteral("retinopathy-headerless/labels/trainLabels.csv")) << QString()
        << QStringList{QStringLiteral("no image that"), QStringLiteral("trainLabels.csv lists was found (10 listed;"),
                       QStringLiteral("--images DIR")};
}

void TestCsv::refusals()
{
    QFETCH(QString, path);
    QFETCH(QString, images);
    QFETCH(QStringList, expected);
    ImportOptions options;
    options.imagesDir = images;
    const QString message = refusal(path, options);
    for (const QString &part : expected)
        QVERIFY2(message.contains(part), qPrintable(message));
}

void TestCsv::columnsOptionErrors_data()
{
    QTest::addColumn<QString>("columns");
    QTest::addColumn<QString>("expected");
    QTest::newRow("one column") << QStringLiteral("image_id") << QStringLiteral("--csv-columns expects PATH,LABEL");
    QTest::newRow("unknown name") << QStringLiteral("image_id,diagnosis")
                                  << QStringLiteral("has no column named \"diagnosis\" (it has lesion_id, image_id, dx");
    QTest::newRow("number past the end") << QStringLiteral("2,9") << QStringLiteral("has columns 1 to 7, not 9");
    QTest::newRow("same column twice") << QStringLiteral("dx,3") << QStringLiteral("the same column");
}

void TestCsv::columnsOptionErrors()
{
    QFETCH(QString, columns);
    QFETCH(QString, expected);
    ImportOptions options;
    options.imagesDir = data(QStringLiteral("ham10000/HAM10000_images_part_1"));
    options.csvColumns = columns;
    const QString message = refusal(data(QStringLiteral("ham10000/HAM10000_metadata.csv")), options);
    QVERIFY2(message.contains(expected), qPrintable(message));
}

void TestCsv::labelColumnFirst()
{
    // label,path order, no header: the column of existing files is the path whatever its place.
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("labels.csv")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("dingo,train/001513dfcb2ffafc82cccf4d8bbaba97\nborzoi,train/002a283a315af96eaea0e28e7163b21b\n"
            "dingo,train/missing\n");
    f.close();
    ImportOptions options;
    options.imagesDir = data(QStringLiteral("dog-breed"));
    const Dataset ds = importDataset(f.fileName(), options);
    QCOMPARE(int(ds.samples.size()), 2);
    QCOMPARE(ds.classes, QStringList({QStringLiteral("borzoi"), QStringLiteral("dingo")}));
    QCOMPARE(perClass(ds), QList<int>({1, 1}));
    QCOMPARE(int(ds.badFiles.size()), 1);
    QVERIFY2(ds.layout.startsWith(QStringLiteral("CSV: columns 2 (path) and 1 (label), found by content, no header")),
             qPrintable(ds.layout));
}

void TestCsv::cliInspectWithLabels()
{
    const Run r = cli({QStringLiteral("inspect"), data(QStringLiteral("retinopathy-headerless")), QStringLiteral("--labels"),
                       data(QStringLiteral("retinopathy-headerless/labels/trainLabels.csv")), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject j = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(j[QStringLiteral("format")].toString(), QStringLiteral("csv"));
    QCOMPARE(j[QStringLiteral("images")].toInt(), 10);
    QCOMPARE(j[QStringLiteral("bad_files")].toArray().size(), 0);
    const QJsonArray classes = j[QStringLiteral("classes")].toArray();
    QCOMPARE(classes.size(), 4);
    const QStringList names{QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("4")};
    const QList<int> counts{5, 2, 1, 2};
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(classes[i].toObject()[QStringLiteral("name")].toString(), names[i]);
        QCOMPARE(classes[i].toObject()[QStringLiteral("count")].toInt(), counts[i]);
    }

    const Run dogs = cli({QStringLiteral("inspect"), data(QStringLiteral("dog-breed")), QStringLiteral("--json")});
    QVERIFY2(dogs.exitCode == 0, dogs.err.constData());
    const QJsonObject d = QJsonDocument::fromJson(dogs.out).object();
    QCOMPARE(d[QStringLiteral("images")].toInt(), 9);
    const QJsonArray bad = d[QStringLiteral("bad_files")].toArray();
    QCOMPARE(bad.size(), 1);
    QVERIFY(bad[0].toObject()[QStringLiteral("path")].toString().endsWith(
        QStringLiteral("train/0042188c895a2f14ef64a918ed9c7b64.jpg")));
}

void TestCsv::cliRefusesAmbiguousColumns()
{
    const Run r = cli({QStringLiteral("inspect"), data(QStringLiteral("ham10000/HAM10000_metadata.csv")),
                       QStringLiteral("--images"), data(QStringLiteral("ham10000/HAM10000_images_part_1"))});
    QCOMPARE(r.exitCode, 2);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains(QStringLiteral("cannot tell which column holds the labels")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("--csv-columns")), qPrintable(err));

    const Run chosen = cli({QStringLiteral("inspect"), data(QStringLiteral("ham10000/HAM10000_metadata.csv")),
                            QStringLiteral("--images"), data(QStringLiteral("ham10000/HAM10000_images_part_1")),
                            QStringLiteral("--csv-columns"), QStringLiteral("image_id,dx"), QStringLiteral("--json")});
    QVERIFY2(chosen.exitCode == 0, chosen.err.constData());
    QCOMPARE(QJsonDocument::fromJson(chosen.out).object()[QStringLiteral("images")].toInt(), 10);
}

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
