// IDX import (raw, gzip, folders, malformed files) and the two demo dataset makers.
#include "dataset/DemoMaker.h"
#include "dataset/Errors.h"
#include "dataset/Importers.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>

#include <atomic>
#include <functional>

using namespace loupe;

namespace {

constexpr quint32 kImagesMagic = 0x00000803;
constexpr quint32 kLabelsMagic = 0x00000801;

QByteArray bigEndian(quint32 v)
{
    QByteArray b(4, '\0');
    qToBigEndian(v, b.data());
    return b;
}

QByteArray idxBytes(quint32 magic, const std::vector<quint32> &dims, const QByteArray &payload)
{
    QByteArray out = bigEndian(magic);
    for (quint32 d : dims)
        out += bigEndian(d);
    return out + payload;
}

quint32 crc32(const QByteArray &data)
{
    quint32 crc = 0xffffffffu;
    for (char ch : data) {
        crc ^= quint8(ch);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

/// A gzip file built from qCompress's zlib stream, so the test needs no zlib of its own.
QByteArray gzip(const QByteArray &data)
{
    const QByteArray z = qCompress(data, 6); // 4-byte length, 2-byte zlib header, deflate, 4-byte Adler-32
    QByteArray out = QByteArray::fromHex("1f8b0800000000000003");
    out += z.mid(6, z.size() - 6 - 4);
    QByteArray tail(8, '\0');
    qToLittleEndian(crc32(data), tail.data());
    qToLittleEndian(quint32(data.size()), tail.data() + 4);
    return out + tail;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly), qPrintable(path));
    QCOMPARE(f.write(bytes), bytes.size());
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

/// `count` images of rows×cols whose pixel k of image i is (i * 31 + k) mod 256.
QByteArray pixels(int count, int rows, int cols)
{
    QByteArray p(count * rows * cols, '\0');
    for (int i = 0; i < count; ++i)
        for (int k = 0; k < rows * cols; ++k)
            p[i * rows * cols + k] = char((i * 31 + k) % 256);
    return p;
}

/// Writes `<prefix>-images-idx3-ubyte[.gz]` and its labels file; returns the images path.
QString writePair(const QString &dir, const QString &prefix, const QByteArray &labels, int rows, int cols, bool gz)
{
    const int count = int(labels.size());
    const QByteArray images
        = idxBytes(kImagesMagic, {quint32(count), quint32(rows), quint32(cols)}, pixels(count, rows, cols));
    const QByteArray labelFile = idxBytes(kLabelsMagic, {quint32(count)}, labels);
    const QString suffix = gz ? QStringLiteral(".gz") : QString();
    const QString imagesPath = dir + QLatin1Char('/') + prefix + QLatin1String("-images-idx3-ubyte") + suffix;
    writeFile(imagesPath, gz ? gzip(images) : images);
    writeFile(dir + QLatin1Char('/') + prefix + QLatin1String("-labels-idx1-ubyte") + suffix,
              gz ? gzip(labelFile) : labelFile);
    return imagesPath;
}

int countFiles(const QString &dir, const QString &pattern)
{
    int n = 0;
    QDirIterator it(dir, {pattern}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

bool fashionInstalled()
{
    return QFileInfo::exists(defaultFashionMnistDir() + QLatin1String("/t10k-images-idx3-ubyte.gz"))
        && QFileInfo::exists(defaultFashionMnistDir() + QLatin1String("/train-images-idx3-ubyte.gz"));
}

} // namespace

class TestDemoIdx : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idxPair_data();
    void idxPair();
    void idxExplicitLabelsFile();
    void idxFolder();
    void idxFolderFashionNames();
    void idxErrors_data();
    void idxErrors();
    void idxMissingFiles();
    void idxRealFashionMnist();

    void fashionDemo();
    void fashionDemoFromFixture();
    void fashionDemoMissingPackage();
    void defectsDeterministic();
    void defectsAnnotations();
    void defectsStopAndBadOptions();
};

void TestDemoIdx::idxPair_data()
{
    QTest::addColumn<bool>("gz");
    QTest::newRow("raw") << false;
    QTest::newRow("gzip") << true;
}

void TestDemoIdx::idxPair()
{
    QFETCH(bool, gz);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QByteArray labels = QByteArray::fromHex("00030c0103");
    const QString imagesPath = writePair(tmp.path(), QStringLiteral("train"), labels, 3, 4, gz);

    const Dataset ds = importers::importIdx(imagesPath);
    QCOMPARE(ds.format, QStringLiteral("idx"));
    QCOMPARE(ds.root, imagesPath);
    QCOMPARE(int(ds.samples.size()), 5);
    QVERIFY(ds.idx);
    QCOMPARE(ds.idx->count, 5);
    QCOMPARE(ds.idx->rows, 3);
    QCOMPARE(ds.idx->cols, 4);
    // Labels above 9 are fine; the class list covers the largest one.
    QCOMPARE(ds.classes.size(), 13);
    QCOMPARE(ds.classes.first(), QStringLiteral("0"));
    QCOMPARE(ds.classes.last(), QStringLiteral("12"));
    for (int i = 0; i < 5; ++i) {
        const Sample &s = ds.samples[std::size_t(i)];
        QCOMPARE(s.classId, int(quint8(labels[i])));
        QCOMPARE(s.idxIndex, i);
        QCOMPARE(s.width, 4);
        QCOMPARE(s.height, 3);
        QCOMPARE(s.split, SplitName::Train);
        QCOMPARE(s.path, QString(QFileInfo(imagesPath).absoluteFilePath() + QLatin1Char('#') + QString::number(i)));
        for (int k = 0; k < 12; ++k)
            QCOMPARE(int(ds.idx->image(i)[k]), (i * 31 + k) % 256);
    }
    QVERIFY(ds.warnings.isEmpty());
}

void TestDemoIdx::idxExplicitLabelsFile()
{
    QTemporaryDir tmp;
    const QString images = tmp.filePath(QStringLiteral("pictures.bin"));
    const QString labels = tmp.filePath(QStringLiteral("answers.bin.gz"));
    writeFile(images, idxBytes(kImagesMagic, {2, 2, 2}, pixels(2, 2, 2)));
    writeFile(labels, gzip(idxBytes(kLabelsMagic, {2}, QByteArray::fromHex("0701"))));
    // No sibling can be guessed from these names.
    QVERIFY_THROWS_EXCEPTION(DatasetError, importers::importIdx(images));
    const Dataset ds = importers::importIdx(images, labels);
    QCOMPARE(int(ds.samples.size()), 2);
    QCOMPARE(ds.samples[0].classId, 7);
    QCOMPARE(ds.samples[1].classId, 1);
    QCOMPARE(ds.samples[0].split, SplitName::None);
    QCOMPARE(ds.classes.size(), 8);
}

void TestDemoIdx::idxFolder()
{
    QTemporaryDir tmp;
    writePair(tmp.path(), QStringLiteral("t10k"), QByteArray::fromHex("020100"), 2, 3, true);
    const QString train
        = writePair(tmp.path(), QStringLiteral("train"), QByteArray::fromHex("0001020304"), 2, 3, false);
    writeFile(tmp.filePath(QStringLiteral("README")), "not an IDX file");

    const Dataset ds = importers::importIdx(tmp.path());
    QCOMPARE(int(ds.samples.size()), 8);
    QCOMPARE(ds.idx->count, 8);
    QCOMPARE(int(ds.idx->pixels.size()), 8 * 6);
    QCOMPARE(ds.classes, (QStringList {"0", "1", "2", "3", "4"}));
    // Train comes first, then test; each sample's path counts within its own file.
    for (int i = 0; i < 8; ++i) {
        const Sample &s = ds.samples[std::size_t(i)];
        QCOMPARE(s.idxIndex, i);
        QCOMPARE(s.split, i < 5 ? SplitName::Train : SplitName::Test);
        const int inFile = i < 5 ? i : i - 5;
        QVERIFY2(s.path.endsWith(QString(QLatin1Char('#') + QString::number(inFile))), qPrintable(s.path));
        QCOMPARE(int(ds.idx->image(i)[0]), (inFile * 31) % 256);
    }
    QCOMPARE(ds.samples[0].path, QString(QFileInfo(train).absoluteFilePath() + QLatin1String("#0")));
    QVERIFY(ds.samples[5].path.contains(QLatin1String("t10k-images-idx3-ubyte.gz#0")));
    QCOMPARE(ds.samples[5].classId, 2);

    // An images file without labels is skipped with a warning, not fatal.
    writeFile(tmp.filePath(QStringLiteral("extra-images-idx3-ubyte")),
              idxBytes(kImagesMagic, {1, 2, 3}, pixels(1, 2, 3)));
    const Dataset again = importers::importIdx(tmp.path());
    QCOMPARE(int(again.samples.size()), 8);
    QCOMPARE(again.warnings.size(), 1);
}

void TestDemoIdx::idxFolderFashionNames()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("My-Fashion-Data"));
    QVERIFY(QDir().mkpath(dir));
    writePair(dir, QStringLiteral("train"), QByteArray::fromHex("0009"), 2, 2, true);
    const Dataset ds = importers::importIdx(dir);
    QCOMPARE(ds.classes.size(), 10);
    QCOMPARE(ds.classes[0], QStringLiteral("T-shirt/top"));
    QCOMPARE(ds.classes[9], QStringLiteral("Ankle boot"));
}

void TestDemoIdx::idxErrors_data()
{
    QTest::addColumn<QByteArray>("images");
    QTest::addColumn<QByteArray>("labels");
    QTest::addColumn<bool>("gz");
    QTest::addColumn<bool>("blameLabels");
    QTest::addColumn<QString>("place");
    QTest::addColumn<QString>("problem");

    const QByteArray goodImages = idxBytes(kImagesMagic, {3, 4, 4}, pixels(3, 4, 4));
    const QByteArray goodLabels = idxBytes(kLabelsMagic, {3}, QByteArray::fromHex("010203"));
    for (bool gz : {false, true}) {
        const QByteArray tag = gz ? " gz" : " raw";
        QTest::newRow(QByteArray(QByteArray("bad magic") + tag).constData())
            << idxBytes(0x00000802, {3, 4, 4}, pixels(3, 4, 4)) << goodLabels << gz << false << "byte 0"
            << "expected IDX magic 0x00000803 for images, found 0x00000802";
        QTest::newRow(QByteArray(QByteArray("labels as images") + tag).constData())
            << goodLabels << goodLabels << gz << false << "byte 0"
            << "looks like a labels file";
        QTest::newRow(QByteArray(QByteArray("bad labels magic") + tag).constData())
            << goodImages << idxBytes(0x08030000, {3}, "abc") << gz << true << "byte 0"
            << "0x00000801";
        QTest::newRow(QByteArray(QByteArray("truncated pixels") + tag).constData())
            << goodImages.left(goodImages.size() - 5) << goodLabels << gz << false << "byte 16"
            << "expected 48 bytes of pixels, the file has 43";
        QTest::newRow(QByteArray(QByteArray("truncated labels") + tag).constData())
            << goodImages << idxBytes(kLabelsMagic, {3}, "ab") << gz << true << "byte 8"
            << "expected 3 bytes of labels";
        QTest::newRow(QByteArray(QByteArray("label count mismatch") + tag).constData())
            << goodImages << idxBytes(kLabelsMagic, {2}, "ab") << gz << true << "byte 4"
            << "holds 2 labels";
        QTest::newRow(QByteArray(QByteArray("2^31 images") + tag).constData())
            << idxBytes(kImagesMagic, {0x80000000u, 28, 28}, pixels(1, 28, 28)) << goodLabels << gz << false
            << "byte 16"
            << "bytes of pixels";
        QTest::newRow(QByteArray(QByteArray("2^32-1 of 2^32-1 squared") + tag).constData())
            << idxBytes(kImagesMagic, {0xffffffffu, 0xffffffffu, 0xffffffffu}, pixels(1, 4, 4)) << goodLabels << gz
            << false << "byte 16"
            << "bytes of pixels";
        QTest::newRow(QByteArray(QByteArray("header cut") + tag).constData())
            << goodImages.left(10) << goodLabels << gz << false << "byte 10"
            << "ends inside the 16-byte IDX header";
        if (!gz) // qCompress cannot make a gzip stream of nothing
            QTest::newRow("empty file raw") << QByteArray() << goodLabels << gz << false << "byte 0"
                                            << "IDX header";
        QTest::newRow(QByteArray(QByteArray("zero-size images") + tag).constData())
            << idxBytes(kImagesMagic, {3, 0, 4}, {}) << goodLabels << gz << false << "byte 8"
            << "has no pixels";
    }
}

void TestDemoIdx::idxErrors()
{
    QFETCH(QByteArray, images);
    QFETCH(QByteArray, labels);
    QFETCH(bool, gz);
    QFETCH(bool, blameLabels);
    QFETCH(QString, place);
    QFETCH(QString, problem);

    QTemporaryDir tmp;
    const QString suffix = gz ? QStringLiteral(".gz") : QString();
    const QString imagesPath = tmp.filePath(QStringLiteral("train-images-idx3-ubyte") + suffix);
    const QString labelsPath = tmp.filePath(QStringLiteral("train-labels-idx1-ubyte") + suffix);
    writeFile(imagesPath, gz ? gzip(images) : images);
    writeFile(labelsPath, gz ? gzip(labels) : labels);
    try {
        importers::importIdx(imagesPath);
        QFAIL("no LabelFileError");
    } catch (const LabelFileError &e) {
        QCOMPARE(QFileInfo(e.file()).absoluteFilePath(), blameLabels ? labelsPath : imagesPath);
        QCOMPARE(e.place(), place);
        QVERIFY2(e.problem().contains(problem), qPrintable(e.message()));
    }
}

void TestDemoIdx::idxMissingFiles()
{
    QTemporaryDir tmp;
    QVERIFY_THROWS_EXCEPTION(DatasetError, importers::importIdx(tmp.filePath(QStringLiteral("nothing-here"))));
    QVERIFY_THROWS_EXCEPTION(DatasetError, importers::importIdx(tmp.path())); // a folder without IDX files

    // An images file whose labels file is missing.
    const QString images = tmp.filePath(QStringLiteral("train-images-idx3-ubyte"));
    writeFile(images, idxBytes(kImagesMagic, {1, 1, 1}, "x"));
    QVERIFY_THROWS_EXCEPTION(DatasetError, importers::importIdx(images));

    // Corrupt deflate data inside a gzip file.
    const QString labels = tmp.filePath(QStringLiteral("train-labels-idx1-ubyte.gz"));
    QByteArray broken = gzip(idxBytes(kLabelsMagic, {1}, "\x01"));
    for (int i = 10; i < broken.size() - 8; ++i)
        broken[i] = char(0xff);
    writeFile(labels, broken);
    try {
        importers::importIdx(images);
        QFAIL("no LabelFileError");
    } catch (const LabelFileError &e) {
        QCOMPARE(QFileInfo(e.file()).absoluteFilePath(), QFileInfo(labels).absoluteFilePath());
        QCOMPARE(e.place(), QStringLiteral("gzip data"));
        QVERIFY2(e.problem().contains(QLatin1String("corrupt gzip")), qPrintable(e.message()));
    }

    // A gzip file cut off in the middle of its stream.
    QByteArray noise(200 * 28 * 28, '\0');
    quint32 state = 1;
    for (char &c : noise) {
        state = state * 1664525u + 1013904223u;
        c = char(state >> 24);
    }
    const QByteArray big = idxBytes(kImagesMagic, {200, 28, 28}, noise);
    writeFile(images + QLatin1String(".gz"), gzip(big).left(3000));
    writeFile(labels, gzip(idxBytes(kLabelsMagic, {200}, QByteArray(200, '\x01'))));
    QFile::remove(images);
    try {
        importers::importIdx(images + QLatin1String(".gz"));
        QFAIL("no LabelFileError");
    } catch (const LabelFileError &e) {
        QCOMPARE(e.file(), QString(images + QLatin1String(".gz")));
        QVERIFY2(e.problem().contains(QLatin1String("cut off")), qPrintable(e.message()));
    }
}

void TestDemoIdx::idxRealFashionMnist()
{
    if (!fashionInstalled())
        QSKIP("Debian package dataset-fashion-mnist is not installed");
    const Dataset ds = importers::importIdx(defaultFashionMnistDir() + QLatin1String("/t10k-images-idx3-ubyte.gz"));
    QCOMPARE(int(ds.samples.size()), 10000);
    QCOMPARE(ds.idx->count, 10000);
    QCOMPARE(ds.classes.size(), 10);
    QCOMPARE(ds.samples[0].width, 28);
    QCOMPARE(ds.samples[0].height, 28);
    QCOMPARE(ds.samples[0].classId, 9);
    QCOMPARE(ds.classes[ds.samples[0].classId], QStringLiteral("Ankle boot"));
    QCOMPARE(ds.samples[0].split, SplitName::Test);
    std::vector<int> perClass(10, 0);
    for (const Sample &s : ds.samples)
        ++perClass[std::size_t(s.classId)];
    for (int n : perClass)
        QCOMPARE(n, 1000);
}

void TestDemoIdx::fashionDemo()
{
    if (!fashionInstalled())
        QSKIP("Debian package dataset-fashion-mnist is not installed");
    QTemporaryDir tmp;
    int calls = 0, lastDone = 0, lastTotal = 0;
    const int written = makeFashionDemo(tmp.path(), 3, {}, [&](int done, int total) {
        ++calls;
        lastDone = done;
        lastTotal = total;
    });
    QCOMPARE(written, 60);
    QCOMPARE(calls, 60);
    QCOMPARE(lastDone, 60);
    QCOMPARE(lastTotal, 60);
    QCOMPARE(countFiles(tmp.path(), QStringLiteral("*.png")), 60);
    QCOMPARE(countFiles(tmp.filePath(QStringLiteral("train")), QStringLiteral("*.png")), 30);
    QCOMPARE(countFiles(tmp.filePath(QStringLiteral("test/T-shirt_top")), QStringLiteral("*.png")), 3);
    QCOMPARE(countFiles(tmp.filePath(QStringLiteral("train/Ankle boot")), QStringLiteral("*.png")), 3);
    // The first test image is an ankle boot; its file is named by its index in the IDX file.
    const cv::Mat first
        = cv::imread(tmp.filePath(QStringLiteral("test/Ankle boot/00000.png")).toStdString(), cv::IMREAD_UNCHANGED);
    QCOMPARE(first.cols, 28);
    QCOMPARE(first.rows, 28);
    QCOMPARE(first.channels(), 1);
}

void TestDemoIdx::fashionDemoFromFixture()
{
    QTemporaryDir tmp;
    const QString idx = tmp.filePath(QStringLiteral("idx"));
    QVERIFY(QDir().mkpath(idx));
    writePair(idx, QStringLiteral("train"), QByteArray::fromHex("0000000100"), 5, 5, true);
    writePair(idx, QStringLiteral("t10k"), QByteArray::fromHex("0101"), 5, 5, false);
    const QString out = tmp.filePath(QStringLiteral("out"));
    QCOMPARE(makeFashionDemo(out, 0, idx), 7);
    QCOMPARE(countFiles(out + QLatin1String("/train/T-shirt_top"), QStringLiteral("*.png")), 4);
    QCOMPARE(countFiles(out + QLatin1String("/train/Trouser"), QStringLiteral("*.png")), 1);
    QCOMPARE(countFiles(out + QLatin1String("/test/Trouser"), QStringLiteral("*.png")), 2);
    const cv::Mat png
        = cv::imread(QString(out + QLatin1String("/train/Trouser/00003.png")).toStdString(), cv::IMREAD_UNCHANGED);
    QCOMPARE(png.rows, 5);
    QCOMPARE(int(png.at<uchar>(0, 1)), (3 * 31 + 1) % 256);

    // Per-class limit and a stop request.
    const QString limited = tmp.filePath(QStringLiteral("limited"));
    QCOMPARE(makeFashionDemo(limited, 2, idx), 5);
    QCOMPARE(countFiles(limited + QLatin1String("/train/T-shirt_top"), QStringLiteral("*.png")), 2);
    StopToken stop;
    stop.requestStop();
    QCOMPARE(makeFashionDemo(tmp.filePath(QStringLiteral("stopped")), 0, idx, {}, &stop), 0);
}

void TestDemoIdx::fashionDemoMissingPackage()
{
    QTemporaryDir tmp;
    try {
        makeFashionDemo(tmp.filePath(QStringLiteral("out")), 1, tmp.filePath(QStringLiteral("no-such-dir")));
        QFAIL("no DatasetError");
    } catch (const DatasetError &e) {
        QVERIFY2(e.message().contains(QLatin1String("dataset-fashion-mnist")), qPrintable(e.message()));
    }
}

void TestDemoIdx::defectsDeterministic()
{
    QTemporaryDir tmp;
    DefectsDemoOptions options;
    options.imagesPerClass = 2;
    options.width = 320;
    options.height = 240;
    options.seed = 11;
    const QString a = tmp.filePath(QStringLiteral("a"));
    const QString b = tmp.filePath(QStringLiteral("b"));
    QCOMPARE(makeDefectsDemo(a, options), 6);
    QCOMPARE(makeDefectsDemo(b, options), 6);

    const QByteArray jsonA = readFile(a + QLatin1String("/annotations.json"));
    QVERIFY(!jsonA.isEmpty());
    QCOMPARE(jsonA, readFile(b + QLatin1String("/annotations.json")));
    const QStringList jpegs = QDir(a + QLatin1String("/images")).entryList({QStringLiteral("*.jpg")}, QDir::Files);
    QCOMPARE(jpegs,
             (QStringList {"ok_000.jpg", "ok_001.jpg", "scratch_000.jpg", "scratch_001.jpg", "spot_000.jpg",
                           "spot_001.jpg"}));
    for (const QString &name : jpegs) {
        const QByteArray bytes = readFile(a + QLatin1String("/images/") + name);
        QVERIFY(!bytes.isEmpty());
        QVERIFY2(bytes == readFile(b + QLatin1String("/images/") + name), qPrintable(name));
    }

    options.seed = 12;
    const QString c = tmp.filePath(QStringLiteral("c"));
    QCOMPARE(makeDefectsDemo(c, options), 6);
    QVERIFY(readFile(c + QLatin1String("/annotations.json")) != jsonA);
    QVERIFY(readFile(c + QLatin1String("/images/ok_000.jpg")) != readFile(a + QLatin1String("/images/ok_000.jpg")));
}

void TestDemoIdx::defectsAnnotations()
{
    QTemporaryDir tmp;
    DefectsDemoOptions options; // default 1600×1200
    options.imagesPerClass = 3;
    std::atomic<int> calls {0};
    std::atomic<bool> totalsRight {true};
    QElapsedTimer timer;
    timer.start();
    // Progress comes from worker threads, where QCOMPARE must not run.
    QCOMPARE(makeDefectsDemo(tmp.path(), options,
                             [&](int, int total) {
                                 if (total != 9)
                                     totalsRight = false;
                                 ++calls;
                             }),
             9);
    qInfo("9 images of 1600×1200 in %lld ms", timer.elapsed());
    QCOMPARE(calls.load(), 9);
    QVERIFY(totalsRight.load());

    const QJsonObject doc
        = QJsonDocument::fromJson(readFile(tmp.filePath(QStringLiteral("annotations.json")))).object();
    const QJsonArray images = doc.value(QLatin1String("images")).toArray();
    const QJsonArray annotations = doc.value(QLatin1String("annotations")).toArray();
    const QJsonArray categories = doc.value(QLatin1String("categories")).toArray();
    QCOMPARE(images.size(), 9);
    QCOMPARE(categories.size(), 2);
    QCOMPARE(categories[0].toObject().value(QLatin1String("name")).toString(), QStringLiteral("scratch"));
    QCOMPARE(categories[1].toObject().value(QLatin1String("id")).toInt(), 2);

    QHash<int, QString> fileOf;
    for (const QJsonValue &v : images) {
        const QJsonObject img = v.toObject();
        QCOMPARE(img.value(QLatin1String("width")).toInt(), 1600);
        QCOMPARE(img.value(QLatin1String("height")).toInt(), 1200);
        const QString file = img.value(QLatin1String("file_name")).toString();
        QVERIFY(file.startsWith(QLatin1String("images/")));
        fileOf.insert(img.value(QLatin1String("id")).toInt(), file);
    }
    const cv::Mat decoded = cv::imread(tmp.filePath(fileOf.value(1)).toStdString());
    QCOMPARE(decoded.cols, 1600);
    QCOMPARE(decoded.rows, 1200);

    int spots = 0, scratches = 0, smallest = 1 << 30;
    for (const QJsonValue &v : annotations) {
        const QJsonObject a = v.toObject();
        const QString file = fileOf.value(a.value(QLatin1String("image_id")).toInt());
        const int category = a.value(QLatin1String("category_id")).toInt();
        QVERIFY2(file.contains(category == 1 ? QLatin1String("scratch_") : QLatin1String("spot_")), qPrintable(file));
        if (category == 1)
            ++scratches;
        else
            ++spots;
        const QJsonArray box = a.value(QLatin1String("bbox")).toArray();
        QCOMPARE(box.size(), 4);
        const double x = box[0].toDouble(), y = box[1].toDouble(), w = box[2].toDouble(), h = box[3].toDouble();
        QVERIFY(x >= 0 && y >= 0 && w >= 1 && h >= 1);
        QVERIFY(x + w <= 1600 && y + h <= 1200);
        smallest = std::min(smallest, int(std::min(w, h)));
        const QJsonArray polygons = a.value(QLatin1String("segmentation")).toArray();
        QCOMPARE(polygons.size(), 1);
        const QJsonArray polygon = polygons[0].toArray();
        QVERIFY(polygon.size() >= 6 && polygon.size() % 2 == 0);
        for (int i = 0; i < polygon.size(); ++i)
            QVERIFY(polygon[i].toDouble() >= 0 && polygon[i].toDouble() <= (i % 2 ? 1200 : 1600));
        QVERIFY(a.value(QLatin1String("area")).toDouble() > 0);
        QCOMPARE(a.value(QLatin1String("iscrowd")).toInt(), 0);
    }
    QVERIFY(spots >= 3);
    QVERIFY(scratches >= 3);
    QVERIFY2(smallest < 8, qPrintable(QString::number(smallest)));
}

void TestDemoIdx::defectsStopAndBadOptions()
{
    QTemporaryDir tmp;
    DefectsDemoOptions options;
    options.imagesPerClass = 2;
    options.width = 200;
    options.height = 100;
    StopToken stop;
    stop.requestStop();
    QCOMPARE(makeDefectsDemo(tmp.path(), options, {}, &stop), 0);
    const QJsonObject doc
        = QJsonDocument::fromJson(readFile(tmp.filePath(QStringLiteral("annotations.json")))).object();
    QCOMPARE(doc.value(QLatin1String("images")).toArray().size(), 0);

    options.width = 10;
    QVERIFY_THROWS_EXCEPTION(DatasetError, makeDefectsDemo(tmp.path(), options));
    options.width = 200;
    options.imagesPerClass = -1;
    QVERIFY_THROWS_EXCEPTION(DatasetError, makeDefectsDemo(tmp.path(), options));
}

QTEST_GUILESS_MAIN(TestDemoIdx)
#include "tst_demo_idx.moc"
