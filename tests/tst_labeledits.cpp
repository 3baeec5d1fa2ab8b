// Relabelling: net edits, in-memory edits, and saving to every label format with backups and rollback.
// Over 600 lines on purpose: one block of cases per label format (CSV, COCO, VOC, YOLO, folders), all
// sharing the dataset fixtures and the byte-for-byte comparison helpers; each case stays short.

#include "TestUtil.h"

#include "dataset/ClassificationView.h"
#include "dataset/Errors.h"
#include "dataset/Importers.h"
#include "dataset/LabelEdits.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <map>
#include <memory>

using namespace loupe;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QByteArray utf8(const QString &s)
{
    return s.toUtf8();
}

/// Every file under a folder (the backups left out) with its bytes.
std::map<QString, QByteArray> snapshot(const QString &dir)
{
    std::map<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    const QDir base(dir);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString rel = base.relativeFilePath(path);
        if (!rel.startsWith(QLatin1String("loupe-backups/")))
            files[rel] = readFile(path);
    }
    return files;
}

/// The image class a person sees (detection sets through their largest object).
QString classOf(const Dataset &ds, const QString &fileName)
{
    const Dataset view = classificationView(ds);
    for (const Sample &s : view.samples)
        if (QFileInfo(s.path).fileName() == fileName)
            return view.classes.value(s.classId);
    return QStringLiteral("<missing>");
}

QString pathOf(const Dataset &ds, const QString &fileName)
{
    for (const Sample &s : ds.samples)
        if (QFileInfo(s.path).fileName() == fileName)
            return s.path;
    return {};
}

/// chattr +i: even root cannot change, replace or rename into the path while it is set.
class Immutable {
public:
    explicit Immutable(const QString &path)
        : m_path(path)
    {
        m_on = QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("+i"), path}) == 0;
    }
    ~Immutable()
    {
        if (m_on)
            QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("-i"), m_path});
    }
    bool isOn() const { return m_on; }

private:
    QString m_path;
    bool m_on = false;
};

struct Names {
    QString a, b, c; ///< image file names: a is a cat, b and c are dogs
    QString cat, dog, bird; ///< bird is new to every dataset
};

Names namesFor(bool unicode)
{
    if (unicode)
        return {QStringLiteral("ä-1.png"), QStringLiteral("b ü.png"), QStringLiteral("c,ß.png"), QStringLiteral("chat"),
            QStringLiteral("chien"), QStringLiteral("猫")};
    return {QStringLiteral("a.png"), QStringLiteral("b.png"), QStringLiteral("c,1.png"), QStringLiteral("cat"),
        QStringLiteral("dog"), QStringLiteral("bird")};
}

QString stem(const QString &fileName)
{
    return QFileInfo(fileName).completeBaseName();
}

/// A dataset on disk and what an edit of image a from cat to dog must change.
struct Fixture {
    QString root; ///< dataset folder
    QString importPath; ///< what importDataset is given
    QString labelA; ///< the file holding a's label ("" for class folders)
    QString labelB; ///< the file holding b's label ("" for class folders)
    QByteArray from, to; ///< the bytes in labelA that change from cat to dog
};

Fixture makeCsv(const QString &root, const Names &n)
{
    for (const QString &img : {n.a, n.b, n.c})
        test::writeImage(root + QStringLiteral("/images/") + img, 16, 16);
    const QString csv = root + QStringLiteral("/labels.csv");
    test::writeBytes(csv,
        utf8(QStringLiteral("path,label,split\r\nimages/%1,%4,train\r\n\"images/%3\",\"%5\",valid\r\n"
                            "images/%2,%5,test\r\n")
                 .arg(n.a, n.b, n.c, n.cat, n.dog)));
    return {root, csv, csv, csv, utf8(QStringLiteral("images/%1,%2,train").arg(n.a, n.cat)),
        utf8(QStringLiteral("images/%1,%2,train").arg(n.a, n.dog))};
}

QByteArray cocoText(const Names &n)
{
    // nlohmann's own two-space layout, so a rewrite can be compared byte for byte.
    return utf8(QStringLiteral(R"({
  "info": {
    "description": "fixture",
    "year": 2024
  },
  "licenses": [],
  "images": [
    {
      "id": 1,
      "file_name": "%1",
      "width": 16,
      "height": 16
    },
    {
      "id": 2,
      "file_name": "%2",
      "width": 16,
      "height": 16
    },
    {
      "id": 3,
      "file_name": "%3",
      "width": 16,
      "height": 16
    }
  ],
  "categories": [
    {
      "id": 1,
      "name": "%4",
      "supercategory": "animal"
    },
    {
      "id": 2,
      "name": "%5",
      "supercategory": "animal"
    }
  ],
  "annotations": [
    {
      "id": 10,
      "image_id": 1,
      "category_id": 2,
      "bbox": [
        0,
        0,
        4,
        4
      ],
      "area": 16.0,
      "iscrowd": 0
    },
    {
      "id": 11,
      "image_id": 1,
      "category_id": 1,
      "bbox": [
        2,
        2,
        10.5,
        10
      ],
      "area": 105.0,
      "iscrowd": 0
    },
    {
      "id": 12,
      "image_id": 2,
      "category_id": 2,
      "bbox": [
        1,
        1,
        8,
        8
      ],
      "area": 64.0,
      "iscrowd": 0
    },
    {
      "id": 13,
      "image_id": 3,
      "category_id": 2,
      "bbox": [
        1,
        1,
        6,
        6
      ],
      "area": 36.0,
      "iscrowd": 0
    }
  ]
}
)")
                    .arg(n.a, n.b, n.c, n.cat, n.dog));
}

Fixture makeCoco(const QString &root, const Names &n)
{
    for (const QString &img : {n.a, n.b, n.c})
        test::writeImage(root + QStringLiteral("/images/") + img, 16, 16);
    const QString json = root + QStringLiteral("/instances.json");
    test::writeBytes(json, cocoText(n));
    return {root, json, json, json, "\"id\": 11,\n      \"image_id\": 1,\n      \"category_id\": 1,",
        "\"id\": 11,\n      \"image_id\": 1,\n      \"category_id\": 2,"};
}

QByteArray vocXml(const QString &image, const QString &largeName, const QString &smallName)
{
    return utf8(QStringLiteral(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<annotation>\n"
        "\t<folder>JPEGImages</folder>\n"
        "\t<filename>%1</filename>\n"
        "\t<size><width>16</width><height>16</height><depth>3</depth></size>\n"
        "\t<!-- drawn by hand -->\n"
        "\t<object>\n"
        "\t\t<name>%3</name>\n"
        "\t\t<pose>Unspecified</pose>\n"
        "\t\t<bndbox><xmin>1</xmin><ymin>1</ymin><xmax>4</xmax><ymax>4</ymax></bndbox>\n"
        "\t</object>\n"
        "\t<object>\n"
        "\t\t<name> %2 </name>\n"
        "\t\t<part><name>head</name><bndbox><xmin>2</xmin><ymin>2</ymin><xmax>3</xmax><ymax>3</ymax></bndbox></part>\n"
        "\t\t<bndbox><xmin>2</xmin><ymin>2</ymin><xmax>12</xmax><ymax>12</ymax></bndbox>\n"
        "\t</object>\n"
        "</annotation>\n")
                    .arg(image.toHtmlEscaped(), largeName.toHtmlEscaped(), smallName.toHtmlEscaped()));
}

Fixture makeVoc(const QString &root, const Names &n)
{
    for (const QString &img : {n.a, n.b, n.c})
        test::writeImage(root + QStringLiteral("/JPEGImages/") + img, 16, 16);
    const QString xmlA = root + QStringLiteral("/Annotations/") + stem(n.a) + QStringLiteral(".xml");
    const QString xmlB = root + QStringLiteral("/Annotations/") + stem(n.b) + QStringLiteral(".xml");
    test::writeBytes(xmlA, vocXml(n.a, n.cat, n.dog));
    test::writeBytes(xmlB, vocXml(n.b, n.dog, n.cat));
    test::writeBytes(
        root + QStringLiteral("/Annotations/") + stem(n.c) + QStringLiteral(".xml"), vocXml(n.c, n.dog, n.dog));
    return {root, root, xmlA, xmlB, utf8(QStringLiteral("<name> %1 </name>").arg(n.cat)),
        utf8(QStringLiteral("<name> %1 </name>").arg(n.dog))};
}

Fixture makeYolo(const QString &root, const Names &n, const QByteArray &namesFile = {},
    const QString &namesFileName = QStringLiteral("data.yaml"))
{
    for (const QString &img : {n.a, n.b, n.c})
        test::writeImage(root + QStringLiteral("/images/train/") + img, 16, 16);
    test::writeBytes(root + QLatin1Char('/') + namesFileName,
        namesFile.isEmpty() ? utf8(QStringLiteral("# made by hand\npath: .\ntrain: images/train\n"
                                                  "names: [%1, %2]  # the classes\nnc: 2\n")
                                       .arg(n.cat, n.dog))
                            : namesFile);
    const QString labels = root + QStringLiteral("/labels/train/");
    test::writeBytes(labels + stem(n.a) + QStringLiteral(".txt"), "1 0.2 0.2 0.1 0.1\n0  0.5 0.5 0.6 0.6\n");
    test::writeBytes(labels + stem(n.b) + QStringLiteral(".txt"), "1 0.5 0.5 0.5 0.5\n");
    test::writeBytes(labels + stem(n.c) + QStringLiteral(".txt"), "\n1 0.5 0.5 0.4 0.4\n");
    return {root, root, labels + stem(n.a) + QStringLiteral(".txt"), labels + stem(n.b) + QStringLiteral(".txt"),
        "\n0  0.5 0.5 0.6 0.6\n", "\n1  0.5 0.5 0.6 0.6\n"};
}

Fixture makeFolder(const QString &root, const Names &n, bool splits)
{
    const QString train = splits ? QStringLiteral("/train/") : QStringLiteral("/");
    const QString valid = splits ? QStringLiteral("/valid/") : QStringLiteral("/");
    const QString test = splits ? QStringLiteral("/test/") : QStringLiteral("/");
    test::writeImage(root + train + n.cat + QLatin1Char('/') + n.a, 16, 16);
    test::writeImage(root + valid + n.dog + QLatin1Char('/') + n.b, 16, 16);
    test::writeImage(root + test + n.dog + QLatin1Char('/') + n.c, 16, 16);
    if (!splits)
        test::writeImage(root + QLatin1Char('/') + n.cat + QStringLiteral("/more/d.png"), 16, 16);
    return {root, root, QString(), QString(), {}, {}};
}

Fixture makeFixture(const QString &format, const QString &root, const Names &n)
{
    if (format == QLatin1String("csv"))
        return makeCsv(root, n);
    if (format == QLatin1String("coco"))
        return makeCoco(root, n);
    if (format == QLatin1String("voc"))
        return makeVoc(root, n);
    if (format == QLatin1String("yolo"))
        return makeYolo(root, n);
    return makeFolder(root, n, format == QLatin1String("folder-splits"));
}

LabelEdit edit(const Dataset &ds, const QString &fileName, const QString &from, const QString &to)
{
    return {pathOf(ds, fileName), from, to};
}

QString backupsOf(const QString &root)
{
    return root + QStringLiteral("/loupe-backups");
}

} // namespace

class TestLabelEdits : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void netEditsFold();
    void applyToClassesAndObjects();

    void saveWritesOnlyTheChange_data();
    void saveWritesOnlyTheChange();
    void editsThatCancel_data();
    void editsThatCancel();
    void newClass_data();
    void newClass();
    void yoloNewClassInEveryNamesStyle_data();
    void yoloNewClassInEveryNamesStyle();
    void failureHalfWayRestores_data();
    void failureHalfWayRestores();
    void blockedFolderRefusedBeforeAnyMove();
    void staleFileRefused_data();
    void staleFileRefused();
    void csvQuotingKept();
    void otherLayouts();
    void detectionImageWithoutObjects();
    void badClassNamesRefused();
    void idxRefused();
    void unknownImageRefused();

private:
    void addFormats(bool unicodeToo);
};

void TestLabelEdits::addFormats(bool unicodeToo)
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("unicode");
    for (const char *f : {"csv", "coco", "voc", "yolo", "folder", "folder-splits"}) {
        QTest::newRow(f) << QString::fromLatin1(f) << false;
        if (unicodeToo)
            QTest::newRow(qPrintable(QStringLiteral("%1 unicode").arg(QLatin1String(f))))
                << QString::fromLatin1(f) << true;
    }
}

void TestLabelEdits::netEditsFold()
{
    const std::vector<LabelEdit> edits {
        {QStringLiteral("/d/a.png"), QStringLiteral("cat"), QStringLiteral("dog")},
        {QStringLiteral("/d/b.png"), QStringLiteral("dog"), QStringLiteral("cat")},
        {QStringLiteral("/d/a.png"), QStringLiteral("dog"), QStringLiteral("bird")}, // later edit wins
        {QStringLiteral("/d/b.png"), QStringLiteral("cat"), QStringLiteral("dog")}, // back: cancels
        {QStringLiteral("/d/c.png"), QStringLiteral("cat"), QStringLiteral("cat")}, // no change at all
    };
    const std::vector<LabelEdit> net = netEdits(edits);
    QCOMPARE(int(net.size()), 1);
    QCOMPARE(net[0].path, QStringLiteral("/d/a.png"));
    QCOMPARE(net[0].oldClass, QStringLiteral("cat"));
    QCOMPARE(net[0].newClass, QStringLiteral("bird"));
    QVERIFY(netEdits({}).empty());
}

void TestLabelEdits::applyToClassesAndObjects()
{
    // Image classes: the sample's class changes, a new name is appended.
    Dataset plain;
    plain.format = QStringLiteral("folder");
    plain.classes = {QStringLiteral("cat"), QStringLiteral("dog")};
    plain.samples.resize(2);
    plain.samples[0].path = QStringLiteral("/d/a.png");
    plain.samples[0].classId = 0;
    plain.samples[1].path = QStringLiteral("/d/b.png");
    plain.samples[1].classId = 1;
    applyLabelEdits(plain,
        {{QStringLiteral("/d/a.png"), QStringLiteral("cat"), QStringLiteral("dog")},
            {QStringLiteral("/d/b.png"), QStringLiteral("dog"), QStringLiteral("bird")},
            {QStringLiteral("/d/missing.png"), QStringLiteral("dog"), QStringLiteral("cat")}});
    QCOMPARE(plain.samples[0].classId, 1);
    QCOMPARE(plain.classes, QStringList({QStringLiteral("cat"), QStringLiteral("dog"), QStringLiteral("bird")}));
    QCOMPARE(plain.samples[1].classId, 2);

    // Detection as imported: the largest object takes the class, the others keep theirs.
    Dataset det;
    det.format = QStringLiteral("coco");
    det.classes = {QStringLiteral("cat"), QStringLiteral("dog")};
    Sample s;
    s.path = QStringLiteral("/d/x.png");
    s.objects.resize(3);
    s.objects[0].classId = 1;
    s.objects[0].box = QRectF(0, 0, 2, 2);
    s.objects[1].classId = 0;
    s.objects[1].box = QRectF(0, 0, 5, 5);
    s.objects[2].classId = 1;
    s.objects[2].box = QRectF(0, 0, 3, 3);
    det.samples.push_back(s);
    QCOMPARE(classOf(det, QStringLiteral("x.png")), QStringLiteral("cat"));
    applyLabelEdits(det, {{s.path, QStringLiteral("cat"), QStringLiteral("fox")}});
    QCOMPARE(det.samples[0].objects[1].classId, 2);
    QCOMPARE(det.samples[0].objects[0].classId, 1);
    QCOMPARE(det.samples[0].objects[2].classId, 1);
    QCOMPARE(det.samples[0].classId, -1);
    QCOMPARE(classOf(det, QStringLiteral("x.png")), QStringLiteral("fox"));

    // "no object" would mean deleting boxes: left alone.
    applyLabelEdits(det, {{s.path, QStringLiteral("fox"), classificationView(det).classes.front()}});
    QCOMPARE(classOf(det, QStringLiteral("x.png")), QStringLiteral("fox"));

    // A classification view of a detection set: the sample's class is what is shown.
    Dataset view = classificationView(det);
    applyLabelEdits(view, {{s.path, QStringLiteral("fox"), QStringLiteral("dog")}});
    QCOMPARE(view.classes.value(view.samples[0].classId), QStringLiteral("dog"));
}

void TestLabelEdits::saveWritesOnlyTheChange_data()
{
    addFormats(true);
}

void TestLabelEdits::saveWritesOnlyTheChange()
{
    QFETCH(QString, format);
    QFETCH(bool, unicode);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const Names n = namesFor(unicode);
    const QString root = tmp.path() + (unicode ? QStringLiteral("/Ünïcödé データ") : QStringLiteral("/data"));
    const Fixture fx = makeFixture(format, root, n);
    const auto before = snapshot(root);

    const Dataset ds = importDataset(fx.importPath);
    QCOMPARE(classOf(ds, n.a), n.cat);
    QCOMPARE(classOf(ds, n.b), n.dog);
    const QString oldPath = pathOf(ds, n.a);

    const LabelSaveResult result = saveLabelEdits(ds, {edit(ds, n.a, n.cat, n.dog)});

    // The backup folder: <dataset folder>/loupe-backups/<yyyyMMdd-HHmmss>/.
    QCOMPARE(QFileInfo(result.backupFolder).absolutePath(), QFileInfo(backupsOf(root)).absoluteFilePath());
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d{8}-\\d{6}$"))
                 .match(QFileInfo(result.backupFolder).fileName())
                 .hasMatch(),
        qPrintable(result.backupFolder));

    auto after = snapshot(root);
    auto expected = before;
    if (fx.labelA.isEmpty()) {
        // Class folders: the image moved into the dog folder of the same split, nothing else changed.
        const QString rel = QDir(root).relativeFilePath(oldPath);
        QString moved = rel;
        moved.replace(n.cat + QLatin1Char('/'), n.dog + QLatin1Char('/'));
        QCOMPARE(result.changedFiles, QStringList {QDir(root).filePath(moved)});
        expected[moved] = expected[rel];
        expected.erase(rel);
        const QByteArray tsv = readFile(result.backupFolder + QStringLiteral("/moves.tsv"));
        QCOMPARE(tsv, utf8(QStringLiteral("old\tnew\n%1\t%2\n").arg(rel, moved)));
    } else {
        QCOMPARE(result.changedFiles, QStringList {fx.labelA});
        const QString rel = QDir(root).relativeFilePath(fx.labelA);
        QByteArray &bytes = expected[rel];
        QCOMPARE(bytes.count(fx.from), 1);
        bytes.replace(fx.from, fx.to);
        // The backup holds the original, under the same relative path.
        QCOMPARE(readFile(result.backupFolder + QLatin1Char('/') + rel), before.at(rel));
    }
    for (const auto &entry : expected)
        QVERIFY2(after.count(entry.first) && after.at(entry.first) == entry.second, qPrintable(entry.first));
    QCOMPARE(after.size(), expected.size());

    // Importing again shows the new class; the others kept theirs.
    const Dataset again = importDataset(fx.importPath);
    QCOMPARE(classOf(again, n.a), n.dog);
    QCOMPARE(classOf(again, n.b), n.dog);
    QCOMPARE(classOf(again, n.c), n.dog);
    QCOMPARE(again.samples.size(), ds.samples.size());
    QVERIFY(!again.classes.contains(QStringLiteral("loupe-backups")) || format.startsWith(QLatin1String("folder")));
}

void TestLabelEdits::editsThatCancel_data()
{
    addFormats(false);
}

void TestLabelEdits::editsThatCancel()
{
    QFETCH(QString, format);
    QTemporaryDir tmp;
    const Names n = namesFor(false);
    const QString root = tmp.path() + QStringLiteral("/data");
    const Fixture fx = makeFixture(format, root, n);
    const auto before = snapshot(root);
    const Dataset ds = importDataset(fx.importPath);

    // There and back: nothing to write, not even a backup.
    const LabelSaveResult none
        = saveLabelEdits(ds, {edit(ds, n.a, n.cat, n.dog), edit(ds, n.a, n.dog, n.bird), edit(ds, n.a, n.bird, n.cat)});
    QVERIFY(none.changedFiles.isEmpty());
    QVERIFY(none.backupFolder.isEmpty());
    QVERIFY(!QFileInfo::exists(backupsOf(root)));
    QVERIFY(snapshot(root) == before);

    // A second edit of the same image wins: b goes from dog to cat, not to bird.
    const std::vector<LabelEdit> edits {edit(ds, n.b, n.dog, n.bird), edit(ds, n.b, n.bird, n.cat)};
    const LabelSaveResult saved = saveLabelEdits(ds, edits);
    QCOMPARE(saved.changedFiles.size(), 1);
    const Dataset again = importDataset(fx.importPath);
    QCOMPARE(classOf(again, n.b), n.cat);
    QVERIFY(!again.classes.contains(n.bird));

    // Saving the same edits again finds them done.
    const auto now = snapshot(root);
    QVERIFY(saveLabelEdits(ds, edits).changedFiles.isEmpty());
    QVERIFY(snapshot(root) == now);
    QVERIFY(saveLabelEdits(again, {edit(again, n.b, n.dog, n.cat)}).changedFiles.isEmpty());
}

void TestLabelEdits::newClass_data()
{
    addFormats(true);
}

void TestLabelEdits::newClass()
{
    QFETCH(QString, format);
    QFETCH(bool, unicode);
    QTemporaryDir tmp;
    const Names n = namesFor(unicode);
    const QString root = tmp.path() + (unicode ? QStringLiteral("/Ünïcödé データ") : QStringLiteral("/data"));
    const Fixture fx = makeFixture(format, root, n);
    const Dataset ds = importDataset(fx.importPath);
    QVERIFY(!ds.classes.contains(n.bird));

    saveLabelEdits(ds, {edit(ds, n.a, n.cat, n.bird), edit(ds, n.b, n.dog, n.bird)});
    const Dataset again = importDataset(fx.importPath);
    QVERIFY(again.classes.contains(n.bird));
    QCOMPARE(classOf(again, n.a), n.bird);
    QCOMPARE(classOf(again, n.b), n.bird);
    QCOMPARE(classOf(again, n.c), n.dog);
    if (format != QLatin1String("csv")) // a CSV's classes are only those its rows name
        QVERIFY(again.classes.contains(n.cat));
}

void TestLabelEdits::yoloNewClassInEveryNamesStyle_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("names");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("flow list") << "data.yaml" << QByteArray("names: [cat, dog]\nnc: 2\n")
                               << QByteArray("names: [cat, dog, red fox]\nnc: 3\n");
    QTest::newRow("flow list over lines, quoted")
        << "data.yaml" << QByteArray("nc: 2 # two\nnames: ['cat',\n  'dog'] # end\n")
        << QByteArray("nc: 3 # two\nnames: ['cat',\n  'dog', 'red fox'] # end\n");
    QTest::newRow("flow dict") << "data.yaml" << QByteArray("names: {0: cat, 1: dog}\n")
                               << QByteArray("names: {0: cat, 1: dog, 2: red fox}\n");
    QTest::newRow("block list") << "data.yaml" << QByteArray("path: .\nnames:\n  - cat\n  - dog\nnc: 2\n")
                                << QByteArray("path: .\nnames:\n  - cat\n  - dog\n  - red fox\nnc: 3\n");
    QTest::newRow("block dict, CRLF")
        << "data.yaml" << QByteArray("names:\r\n  0: \"cat\"\r\n  1: \"dog\"\r\n\r\ntrain: x\r\n")
        << QByteArray("names:\r\n  0: \"cat\"\r\n  1: \"dog\"\r\n  2: \"red fox\"\r\n\r\ntrain: x\r\n");
    QTest::newRow("classes.txt") << "classes.txt" << QByteArray("cat\ndog\n\n") << QByteArray("cat\ndog\nred fox\n\n");
    QTest::newRow("classes.txt, no last newline")
        << "classes.txt" << QByteArray("cat\r\ndog") << QByteArray("cat\r\ndog\r\nred fox");
}

void TestLabelEdits::yoloNewClassInEveryNamesStyle()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, names);
    QFETCH(QByteArray, expected);
    QTemporaryDir tmp;
    const Names n = namesFor(false);
    const QString root = tmp.path() + QStringLiteral("/data");
    const Fixture fx = makeYolo(root, n, names, fileName);
    const Dataset ds = importDataset(root);
    QCOMPARE(ds.classes, QStringList({n.cat, n.dog}));

    const LabelSaveResult result = saveLabelEdits(ds, {edit(ds, n.a, n.cat, QStringLiteral("red fox"))});
    QCOMPARE(readFile(root + QLatin1Char('/') + fileName), expected);
    QVERIFY(result.changedFiles.contains(root + QLatin1Char('/') + fileName));
    QCOMPARE(readFile(result.backupFolder + QLatin1Char('/') + fileName), names);
    QCOMPARE(readFile(fx.labelA), QByteArray("1 0.2 0.2 0.1 0.1\n2  0.5 0.5 0.6 0.6\n"));

    const Dataset again = importDataset(root);
    QCOMPARE(again.classes, QStringList({n.cat, n.dog, QStringLiteral("red fox")}));
    QCOMPARE(classOf(again, n.a), QStringLiteral("red fox"));
}

void TestLabelEdits::failureHalfWayRestores_data()
{
    addFormats(false);
}

void TestLabelEdits::failureHalfWayRestores()
{
    QFETCH(QString, format);
    QTemporaryDir tmp;
    const Names n = namesFor(false);
    const QString root = tmp.path() + QStringLiteral("/data");
    const Fixture fx = makeFixture(format, root, n);
    const Dataset ds = importDataset(fx.importPath);

    // b's label file (or, for folders, the folder b moves into) cannot be written: a's change,
    // made first, must be undone.
    QString blocked = fx.labelB;
    if (blocked.isEmpty()) {
        blocked = QFileInfo(pathOf(ds, n.b)).absolutePath() + QStringLiteral("/../fish");
        QVERIFY(QDir().mkpath(blocked));
        blocked = QDir::cleanPath(blocked);
    }
    const auto before = snapshot(root);
    QStringList dirsBefore;
    for (QDirIterator it(root, QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories); it.hasNext();)
        dirsBefore << it.next();
    const Immutable guard(blocked);
    if (!guard.isOn())
        QSKIP("chattr +i is not available here");

    QString message;
    try {
        saveLabelEdits(ds, {edit(ds, n.a, n.cat, n.bird), edit(ds, n.b, n.dog, QStringLiteral("fish"))});
    } catch (const DatasetError &e) {
        message = e.message();
    }
    QVERIFY2(message.contains(QFileInfo(blocked).fileName()), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("nothing was changed")), qPrintable(message));
    QVERIFY(snapshot(root) == before);
    QStringList dirsAfter;
    for (QDirIterator it(root, QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories); it.hasNext();) {
        const QString d = it.next();
        if (!d.contains(QStringLiteral("/loupe-backups")))
            dirsAfter << d;
    }
    dirsBefore.sort();
    dirsAfter.sort();
    QCOMPARE(dirsAfter, dirsBefore); // the bird folder made for a is gone again

    const Dataset again = importDataset(fx.importPath);
    QCOMPARE(classOf(again, n.a), n.cat);
    QCOMPARE(classOf(again, n.b), n.dog);
}

void TestLabelEdits::blockedFolderRefusedBeforeAnyMove()
{
    QTemporaryDir tmp;
    const Names n = namesFor(false);
    const QString root = tmp.path() + QStringLiteral("/data");
    makeFolder(root, n, true);
    // A file where b's new class folder would go.
    test::writeBytes(root + QStringLiteral("/valid/bird"), "not a folder");
    const Dataset ds = importDataset(root);
    const auto before = snapshot(root);
    QString message;
    try {
        saveLabelEdits(ds, {edit(ds, n.a, n.cat, n.bird), edit(ds, n.b, n.dog, n.bird)});
    } catch (const DatasetError &e) {
        message = e.message();
    }
    QVERIFY2(message.contains(QStringLiteral("bird")) && message.contains(QStringLiteral("not a folder")),
        qPrintable(message));
    QVERIFY(snapshot(root) == before);
    QVERIFY(!QFileInfo::exists(root + QStringLiteral("/train/bird")));

    // An image of that name already in the target folder.
    test::writeImage(root + QStringLiteral("/train/dog/") + n.a, 16, 16);
    const auto before2 = snapshot(root);
    QVERIFY_THROWS_EXCEPTION(DatasetError, saveLabelEdits(ds, {edit(ds, n.a, n.cat, n.dog)}));
    QVERIFY(snapshot(root) == before2);
}

void TestLabelEdits::staleFileRefused_data()
{
    addFormats(false);
}

void TestLabelEdits::staleFileRefused()
{
    QFETCH(QString, format);
    QTemporaryDir tmp;
    const Names n = namesFor(false);
    const QString root = tmp.path() + QStringLiteral("/data");
    const Fixture fx = makeFixture(format, root, n);
    const Dataset ds = importDataset(fx.importPath);

    // The user edits the dataset elsewhere after opening it: a is now a dog on disk.
    if (fx.labelA.isEmpty()) {
        const QString old = pathOf(ds, n.a);
        QString moved = old;
        moved.replace(QLatin1Char('/') + n.cat + QLatin1Char('/'), QLatin1Char('/') + n.dog + QLatin1Char('/'));
        QDir().mkpath(QFileInfo(moved).absolutePath());
        QVERIFY(QFile::rename(old, moved));
    } else {
        QByteArray bytes = readFile(fx.labelA);
        bytes.replace(fx.from, fx.to);
        test::writeBytes(fx.labelA, bytes);
    }
    const auto before = snapshot(root);
    QString message;
    try {
        saveLabelEdits(ds, {edit(ds, n.a, n.cat, n.bird)});
    } catch (const DatasetError &e) {
        message = e.message();
    }
    QVERIFY2(!message.isEmpty(), "a stale edit must be refused");
    QVERIFY(snapshot(root) == before);
    QVERIFY(!QFileInfo::exists(backupsOf(root)));
}

void TestLabelEdits::csvQuotingKept()
{
    QTemporaryDir tmp;
    const Names n = namesFor(false);
    const QString root = tmp.path() + QStringLiteral("/data");
    const Fixture fx = makeCsv(root, n);
    const QByteArray original = readFile(fx.labelA);
    const Dataset ds = importDataset(fx.importPath);
    const QString newName = QStringLiteral("cat, \"the\" big one");
    saveLabelEdits(ds, {edit(ds, n.c, n.dog, newName), edit(ds, n.b, n.dog, QStringLiteral("x,y"))});
    QByteArray expected = original;
    expected.replace("\"images/c,1.png\",\"dog\",valid", "\"images/c,1.png\",\"cat, \"\"the\"\" big one\",valid");
    expected.replace("images/b.png,dog,test", "images/b.png,\"x,y\",test");
    QCOMPARE(readFile(fx.labelA), expected);
    const Dataset again = importDataset(fx.importPath);
    QCOMPARE(classOf(again, n.c), newName);
    QCOMPARE(classOf(again, n.b), QStringLiteral("x,y"));
}

void TestLabelEdits::otherLayouts()
{
    QTemporaryDir tmp;
    const Names n = namesFor(false);

    // VOC with the XML beside its image, naming it without an ending.
    const QString voc = tmp.path() + QStringLiteral("/voc");
    test::writeImage(voc + QStringLiteral("/a.png"), 16, 16);
    test::writeImage(voc + QStringLiteral("/b.png"), 16, 16);
    test::writeBytes(voc + QStringLiteral("/a.xml"), vocXml(QStringLiteral("a"), n.cat, n.dog));
    test::writeBytes(voc + QStringLiteral("/b.xml"), vocXml(QStringLiteral("b"), n.dog, n.cat));
    ImportOptions asVoc;
    asVoc.format = QStringLiteral("voc");
    Dataset ds = importDataset(voc, asVoc);
    QCOMPARE(classOf(ds, n.a), n.cat);
    QCOMPARE(
        saveLabelEdits(ds, {edit(ds, n.a, n.cat, n.bird)}).changedFiles, QStringList {voc + QStringLiteral("/a.xml")});
    ds = importDataset(voc, asVoc);
    QCOMPARE(classOf(ds, n.a), n.bird);
    QCOMPARE(classOf(ds, n.b), n.dog);

    // YOLO exported with split folders: train/images + train/labels.
    const QString yolo = tmp.path() + QStringLiteral("/yolo");
    test::writeImage(yolo + QStringLiteral("/train/images/a.png"), 16, 16);
    test::writeImage(yolo + QStringLiteral("/valid/images/b.png"), 16, 16);
    test::writeBytes(yolo + QStringLiteral("/train/labels/a.txt"), "0 0.5 0.5 0.5 0.5");
    test::writeBytes(yolo + QStringLiteral("/valid/labels/b.txt"), "1 0.5 0.5 0.5 0.5\r\n");
    test::writeBytes(yolo + QStringLiteral("/data.yaml"), "names:\n- cat\n- dog\n");
    ds = importDataset(yolo);
    saveLabelEdits(ds, {edit(ds, n.a, n.cat, n.dog), edit(ds, n.b, n.dog, n.bird)});
    QCOMPARE(readFile(yolo + QStringLiteral("/train/labels/a.txt")), QByteArray("1 0.5 0.5 0.5 0.5"));
    QCOMPARE(readFile(yolo + QStringLiteral("/valid/labels/b.txt")), QByteArray("2 0.5 0.5 0.5 0.5\r\n"));
    QCOMPARE(readFile(yolo + QStringLiteral("/data.yaml")), QByteArray("names:\n- cat\n- dog\n- bird\n"));
    ds = importDataset(yolo);
    QCOMPARE(classOf(ds, n.a), n.dog);
    QCOMPARE(classOf(ds, n.b), n.bird);

    // COCO on one line with string image ids: the same JSON comes back with one value changed.
    const QString coco = tmp.path() + QStringLiteral("/coco");
    test::writeImage(coco + QStringLiteral("/images/a.png"), 16, 16);
    const QByteArray compact
        = R"({"images":[{"id":"x1","file_name":"a.png"}],"categories":[{"id":7,"name":"cat"}],)"
          R"("annotations":[{"id":1,"image_id":"x1","category_id":7,"bbox":[1,1,5,5],"extra":{"k":[0.25,null]}}]})";
    test::writeBytes(coco + QStringLiteral("/ann.json"), compact);
    ds = importDataset(coco + QStringLiteral("/ann.json"));
    saveLabelEdits(ds, {edit(ds, n.a, n.cat, n.dog)});
    QJsonObject expected = QJsonDocument::fromJson(compact).object();
    QJsonArray categories = expected.value(QStringLiteral("categories")).toArray();
    categories.append(QJsonObject {{QStringLiteral("id"), 8}, {QStringLiteral("name"), n.dog}});
    expected.insert(QStringLiteral("categories"), categories);
    QJsonArray annotations = expected.value(QStringLiteral("annotations")).toArray();
    QJsonObject a0 = annotations.at(0).toObject();
    a0.insert(QStringLiteral("category_id"), 8);
    annotations.replace(0, a0);
    expected.insert(QStringLiteral("annotations"), annotations);
    const QByteArray written = readFile(coco + QStringLiteral("/ann.json"));
    QCOMPARE(QJsonDocument::fromJson(written).object(), expected);
    QVERIFY(!written.contains('\n')); // stays on one line
    QVERIFY(written.indexOf("\"images\"") < written.indexOf("\"categories\"")); // key order kept
    QVERIFY(written.indexOf("\"categories\"") < written.indexOf("\"annotations\""));
    ds = importDataset(coco + QStringLiteral("/ann.json"));
    QCOMPARE(classOf(ds, n.a), n.dog);
}

void TestLabelEdits::detectionImageWithoutObjects()
{
    QTemporaryDir tmp;
    const Names n = namesFor(false);
    const QString root = tmp.path() + QStringLiteral("/data");
    makeYolo(root, n);
    test::writeImage(root + QStringLiteral("/images/train/empty.png"), 16, 16);
    const Dataset ds = importDataset(root);
    const QString noObject = classificationView(ds).classes.front();
    QCOMPARE(classOf(ds, QStringLiteral("empty.png")), noObject);
    const auto before = snapshot(root);
    QVERIFY_THROWS_EXCEPTION(
        DatasetError, saveLabelEdits(ds, {edit(ds, QStringLiteral("empty.png"), noObject, n.cat)}));
    QVERIFY_THROWS_EXCEPTION(DatasetError, saveLabelEdits(ds, {edit(ds, n.a, n.cat, noObject)}));
    QVERIFY(snapshot(root) == before);
    // The page asks the same question before it offers the edit, so the refusal is not left to Save.
    for (const Sample &s : ds.samples) {
        const QString refusal = relabelRefusal(ds, s);
        if (s.path.endsWith(QStringLiteral("empty.png")))
            QVERIFY2(refusal.contains(QStringLiteral("empty.png has no objects")), qPrintable(refusal));
        else
            QVERIFY2(refusal.isEmpty(), qPrintable(s.path + QStringLiteral(": ") + refusal));
    }
}

void TestLabelEdits::badClassNamesRefused()
{
    QTemporaryDir tmp;
    const Names n = namesFor(false);
    const QString root = tmp.path() + QStringLiteral("/data");
    makeFolder(root, n, false);
    const Dataset ds = importDataset(root);
    const auto before = snapshot(root);
    for (const QString &bad : {QString(), QStringLiteral(" dog"), QStringLiteral("a\nb"), QStringLiteral("a/b"),
             QStringLiteral(".."), QStringLiteral("train"), QStringLiteral("Valid")}) {
        QVERIFY_THROWS_EXCEPTION(DatasetError, saveLabelEdits(ds, {edit(ds, n.a, n.cat, bad)}));
    }
    QVERIFY(snapshot(root) == before);
}

void TestLabelEdits::idxRefused()
{
    Dataset ds;
    ds.format = QStringLiteral("idx");
    ds.root = QStringLiteral("/nowhere/train-images-idx3-ubyte");
    ds.classes = {QStringLiteral("0"), QStringLiteral("1")};
    Sample s;
    s.path = ds.root + QStringLiteral("#0");
    s.classId = 0;
    s.idxIndex = 0;
    ds.samples.push_back(s);
    QString message;
    try {
        saveLabelEdits(ds, {{s.path, QStringLiteral("0"), QStringLiteral("1")}});
    } catch (const DatasetError &e) {
        message = e.message();
    }
    QVERIFY2(message.contains(QStringLiteral("IDX")), qPrintable(message));
}

void TestLabelEdits::unknownImageRefused()
{
    QTemporaryDir tmp;
    const Names n = namesFor(false);
    const QString root = tmp.path() + QStringLiteral("/data");
    makeCsv(root, n);
    const Dataset ds = importDataset(root + QStringLiteral("/labels.csv"));
    QVERIFY_THROWS_EXCEPTION(
        DatasetError, saveLabelEdits(ds, {{root + QStringLiteral("/images/nope.png"), n.cat, n.dog}}));
}

QTEST_GUILESS_MAIN(TestLabelEdits)
#include "tst_labeledits.moc"
