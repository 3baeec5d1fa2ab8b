// loupe-cli as scripts see it: JSON keys, exit codes, one clear line on stderr.

#include "TestUtil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using loupe::test::writeBytes;
using loupe::test::writeImage;

namespace {

using Run = loupe::test::CliRun;

Run cli(const QStringList &args)
{
    return loupe::test::runCli(args);
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inspectJsonFollowsContract();
    void inspectReadableReport();
    void unusableInputExitsTwo_data();
    void unusableInputExitsTwo();
    void makeDemoDefectsThenInspect();
};

void TestCli::inspectJsonFollowsContract()
{
    QTemporaryDir dir;
    for (int i = 0; i < 6; ++i)
        writeImage(dir.filePath(QStringLiteral("train/ok/%1.png").arg(i)), 40 + i, 30, 10 * i);
    writeImage(dir.filePath(QStringLiteral("train/scratch/s.png")), 100, 50);
    writeBytes(dir.filePath(QStringLiteral("train/scratch/broken.jpg")), "garbage");

    const Run r = cli({QStringLiteral("inspect"), dir.path(), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0); // broken files are reported, not failures
    QJsonParseError error;
    const QJsonObject j = QJsonDocument::fromJson(r.out, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(j[QStringLiteral("format")].toString(), QStringLiteral("folder"));
    QCOMPARE(j[QStringLiteral("images")].toInt(), 7);
    const QJsonArray classes = j[QStringLiteral("classes")].toArray();
    QCOMPARE(classes.size(), 2);
    QCOMPARE(classes[0].toObject()[QStringLiteral("name")].toString(), QStringLiteral("ok"));
    QCOMPARE(classes[0].toObject()[QStringLiteral("count")].toInt(), 6);
    QCOMPARE(classes[1].toObject()[QStringLiteral("count")].toInt(), 1);
    const QJsonArray bad = j[QStringLiteral("bad_files")].toArray();
    QCOMPARE(bad.size(), 1);
    QVERIFY(bad[0].toObject()[QStringLiteral("path")].toString().endsWith(QStringLiteral("broken.jpg")));
    QVERIFY(!bad[0].toObject()[QStringLiteral("reason")].toString().isEmpty());
    const QJsonObject size = j[QStringLiteral("image_size")].toObject();
    QCOMPARE(size[QStringLiteral("min")].toArray(), QJsonArray({40, 30}));
    QCOMPARE(size[QStringLiteral("max")].toArray(), QJsonArray({100, 50}));
    QCOMPARE(j[QStringLiteral("objects")].toObject()[QStringLiteral("count")].toInt(), 0);
    QVERIFY(!j[QStringLiteral("objects")].toObject().contains(QStringLiteral("smallest_px")));
    const QJsonArray warnings = j[QStringLiteral("warnings")].toArray();
    QVERIFY(!warnings.isEmpty()); // "scratch" has 1 image against 6
    QVERIFY(warnings[0].toString().contains(QStringLiteral("scratch")));
}

void TestCli::inspectReadableReport()
{
    QTemporaryDir dir;
    writeImage(dir.filePath(QStringLiteral("a/1.png")), 16, 16);
    writeImage(dir.filePath(QStringLiteral("b/2.png")), 16, 16);
    const Run r = cli({QStringLiteral("inspect"), dir.path()});
    QCOMPARE(r.exitCode, 0);
    const QString text = QString::fromUtf8(r.out);
    QVERIFY(text.contains(QStringLiteral("2 readable")));
    QVERIFY(text.contains(QStringLiteral("16×16")));
    // Progress goes to stderr, never into the report.
    QVERIFY(!text.contains(QStringLiteral("Checking images")));
    QVERIFY(r.err.contains("Checking images"));
}

void TestCli::unusableInputExitsTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing dataset") << QStringList{QStringLiteral("inspect"), QStringLiteral("/no/such/place")}
                                     << QByteArray() << QStringLiteral("no such file or folder");
    QTest::newRow("malformed csv") << QStringList{QStringLiteral("inspect"), QStringLiteral("@csv")}
                                   << QByteArray("a.png,ok\nb.png\n") << QStringLiteral("labels.csv:line 2: expected 2 fields");
    QTest::newRow("unknown format") << QStringList{QStringLiteral("inspect"), QStringLiteral("@dir"),
                                                   QStringLiteral("--format"), QStringLiteral("tfrecord")}
                                    << QByteArray() << QStringLiteral("unknown format");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("inspect"), QStringLiteral("@dir"),
                                                   QStringLiteral("--fast")}
                                    << QByteArray() << QStringLiteral("fast");
    QTest::newRow("bad threads") << QStringList{QStringLiteral("inspect"), QStringLiteral("@dir"),
                                                QStringLiteral("--threads"), QStringLiteral("many")}
                                 << QByteArray() << QStringLiteral("--threads");
    QTest::newRow("unknown command") << QStringList{QStringLiteral("explode")} << QByteArray()
                                     << QStringLiteral("unknown command");
    QTest::newRow("no command") << QStringList{} << QByteArray() << QStringLiteral("usage");
    QTest::newRow("bad demo kind") << QStringList{QStringLiteral("make-demo"), QStringLiteral("@dir"),
                                                  QStringLiteral("--kind"), QStringLiteral("cats")}
                                   << QByteArray() << QStringLiteral("--kind");
    // Bad option values are refused before any work, naming the option.
    QTest::newRow("bad epochs") << QStringList{QStringLiteral("train"), QStringLiteral("@dir"), QStringLiteral("--out"),
                                               QStringLiteral("@dir/run"), QStringLiteral("--epochs"), QStringLiteral("0")}
                                << QByteArray() << QStringLiteral("--epochs expects a whole number of 1 or more");
    QTest::newRow("bad learning rate") << QStringList{QStringLiteral("train"), QStringLiteral("@dir"),
                                                      QStringLiteral("--out"), QStringLiteral("@dir/run"),
                                                      QStringLiteral("--lr"), QStringLiteral("fast")}
                                       << QByteArray() << QStringLiteral("--lr expects a number");
    QTest::newRow("train without --out") << QStringList{QStringLiteral("train"), QStringLiteral("@dir")} << QByteArray()
                                         << QStringLiteral("--out RUN_DIR");
    QTest::newRow("overfit-check of one image") << QStringList{QStringLiteral("overfit-check"), QStringLiteral("@dir"),
                                                               QStringLiteral("--images"), QStringLiteral("1")}
                                                << QByteArray() << QStringLiteral("--images");
    QTest::newRow("eval threads") << QStringList{QStringLiteral("eval"), QStringLiteral("@dir"), QStringLiteral("@dir"),
                                                 QStringLiteral("--threads"), QStringLiteral("-1")}
                                  << QByteArray() << QStringLiteral("--threads");
    QTest::newRow("report split") << QStringList{QStringLiteral("report"), QStringLiteral("@dir"),
                                                 QStringLiteral("--html"), QStringLiteral("@dir/r.html"),
                                                 QStringLiteral("--split"), QStringLiteral("train")}
                                  << QByteArray() << QStringLiteral("--split");
}

void TestCli::unusableInputExitsTwo()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, csv);
    QFETCH(QString, message);
    QTemporaryDir dir;
    writeImage(dir.filePath(QStringLiteral("a.png")), 8, 8);
    writeImage(dir.filePath(QStringLiteral("b.png")), 8, 8);
    writeBytes(dir.filePath(QStringLiteral("labels.csv")), csv);
    for (QString &a : args) {
        a.replace(QStringLiteral("@csv"), dir.filePath(QStringLiteral("labels.csv")));
        a.replace(QStringLiteral("@dir"), dir.path());
    }
    const Run r = cli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.startsWith(QStringLiteral("loupe-cli: ")), qPrintable(err));
    QVERIFY2(err.contains(message), qPrintable(err));
}

void TestCli::makeDemoDefectsThenInspect()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("demo"));
    const Run made = cli({QStringLiteral("make-demo"), out, QStringLiteral("--kind"), QStringLiteral("defects"),
                          QStringLiteral("--per-class"), QStringLiteral("2")});
    QCOMPARE(made.exitCode, 0);
    QVERIFY(QFileInfo::exists(out + QStringLiteral("/annotations.json")));

    const Run r = cli({QStringLiteral("inspect"), out, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject j = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(j[QStringLiteral("format")].toString(), QStringLiteral("coco"));
    QCOMPARE(j[QStringLiteral("images")].toInt(), 6);
    QCOMPARE(j[QStringLiteral("bad_files")].toArray().size(), 0);
    const QJsonObject objects = j[QStringLiteral("objects")].toObject();
    QVERIFY(objects[QStringLiteral("count")].toInt() >= 4);
    const QJsonArray smallest = objects[QStringLiteral("smallest_px")].toArray();
    QCOMPARE(smallest.size(), 2);
    QVERIFY(smallest[0].toDouble() > 0 && smallest[1].toDouble() > 0);
    QCOMPARE(j[QStringLiteral("image_size")].toObject()[QStringLiteral("median")].toArray(), QJsonArray({1600, 1200}));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
