// The project file loupe.json: round trip, strict reading that names the JSON path, safe writing.

#include "dataset/Errors.h"
#include "project/Project.h"
#include "project/TrainConfig.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace loupe;

namespace {

void writeText(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

QByteArray readText(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QJsonObject pipeline(const QJsonArray &steps)
{
    return QJsonObject {{QStringLiteral("steps"), steps}};
}

QJsonObject resize(int w, int h)
{
    return QJsonObject {{QStringLiteral("type"), QStringLiteral("resize")}, {QStringLiteral("width"), w},
        {QStringLiteral("height"), h}};
}

QJsonObject hflip()
{
    return QJsonObject {{QStringLiteral("type"), QStringLiteral("hflip")}};
}

} // namespace

class TestProject : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void missingFileGivesDefaults();
    void malformedFieldNamesItsPath_data();
    void malformedFieldNamesItsPath();
    void unknownKeysIgnoredVersionWritten();
    void writeFailureKeepsOldFile();
};

void TestProject::roundTrip()
{
    QTemporaryDir tmp;
    const QString dir = tmp.path() + QStringLiteral("/loupe-runs");

    Project p;
    p.datasetPath = QStringLiteral("../Ünïcödé data/labels.csv");
    p.datasetFormat = QStringLiteral("csv");
    p.labelFile = QStringLiteral("other.csv");
    p.splitSeed = 18446744073709551557ULL; // above 2^53: must not lose digits
    p.devFraction = 0.25;
    p.rankingMetric = RankingMetric::DevLoss;
    p.pipelines.insert(QStringLiteral("sharp"), pipeline({resize(64, 64), hflip()}));
    p.pipelines.insert(QStringLiteral("my pipeline"), pipeline({hflip()}));
    TrainConfig fast;
    fast.epochs = 3;
    fast.learningRate = 0.05;
    fast.model = QStringLiteral("resnet34");
    p.presets.insert(QStringLiteral("fast"), fast.toJson());

    QCOMPARE(projectfile::write(dir, p), QString());
    QCOMPARE(projectfile::path(dir), dir + QStringLiteral("/loupe.json"));
    QCOMPARE(QDir(dir).entryList(QDir::Files), QStringList {QStringLiteral("loupe.json")}); // no temporary left

    const Project q = projectfile::read(dir);
    QCOMPARE(q.datasetPath, p.datasetPath);
    QCOMPARE(q.datasetFormat, p.datasetFormat);
    QCOMPARE(q.labelFile, p.labelFile);
    QCOMPARE(q.splitSeed, p.splitSeed);
    QCOMPARE(q.devFraction, p.devFraction);
    QCOMPARE(q.rankingMetric, p.rankingMetric);
    QCOMPARE(q.pipelines, p.pipelines);
    QCOMPARE(q.presets, p.presets);
    QCOMPARE(TrainConfig::fromJson(q.presets.value(QStringLiteral("fast"))).epochs, 3);

    const QJsonObject json = QJsonDocument::fromJson(readText(projectfile::path(dir))).object();
    QCOMPARE(json.value(QStringLiteral("version")).toInt(), 1);
    QCOMPARE(json.value(QStringLiteral("ranking_metric")).toString(), QStringLiteral("dev_loss"));

    // A small seed is a plain number; every ranking metric survives.
    for (RankingMetric m : {RankingMetric::MacroF1, RankingMetric::Accuracy, RankingMetric::DevLoss}) {
        p.splitSeed = 42;
        p.rankingMetric = m;
        QCOMPARE(projectfile::write(dir, p), QString());
        QCOMPARE(projectfile::read(dir).rankingMetric, m);
        QCOMPARE(projectfile::read(dir).splitSeed, quint64(42));
    }
    QVERIFY(QJsonDocument::fromJson(readText(projectfile::path(dir)))
                .object()
                .value(QStringLiteral("split_seed"))
                .isDouble());
}

void TestProject::missingFileGivesDefaults()
{
    QTemporaryDir tmp;
    const Project p = projectfile::read(tmp.path() + QStringLiteral("/nowhere"));
    const Project d;
    QCOMPARE(p.datasetPath, d.datasetPath);
    QCOMPARE(p.datasetFormat, QStringLiteral("auto"));
    QCOMPARE(p.splitSeed, d.splitSeed);
    QCOMPARE(p.devFraction, d.devFraction);
    QCOMPARE(p.rankingMetric, RankingMetric::MacroF1);
    QVERIFY(p.pipelines.isEmpty());
    QVERIFY(p.presets.isEmpty());

    // An empty object is a valid, default project too.
    QCOMPARE(Project::fromJson(QJsonObject(), QStringLiteral("x.json")).devFraction, d.devFraction);
}

void TestProject::malformedFieldNamesItsPath_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("place");

    QTest::newRow("not JSON") << QByteArray("{\n  \"dataset\": \"x\",\n  oops\n}") << "line 3, column 3";
    QTest::newRow("not an object") << QByteArray("[1, 2]") << "";
    QTest::newRow("version text") << QByteArray(R"({"version": "1"})") << "version";
    QTest::newRow("version newer") << QByteArray(R"({"version": 2})") << "version";
    QTest::newRow("version fraction") << QByteArray(R"({"version": 1.5})") << "version";
    QTest::newRow("dataset number") << QByteArray(R"({"dataset": 3})") << "dataset";
    QTest::newRow("format unknown") << QByteArray(R"({"dataset_format": "tiff"})") << "dataset_format";
    QTest::newRow("label file array") << QByteArray(R"({"label_file": []})") << "label_file";
    QTest::newRow("seed negative") << QByteArray(R"({"split_seed": -1})") << "split_seed";
    QTest::newRow("seed fraction") << QByteArray(R"({"split_seed": 1.5})") << "split_seed";
    QTest::newRow("seed text") << QByteArray(R"({"split_seed": "abc"})") << "split_seed";
    QTest::newRow("seed bool") << QByteArray(R"({"split_seed": true})") << "split_seed";
    QTest::newRow("dev fraction text") << QByteArray(R"({"dev_fraction": "0.2"})") << "dev_fraction";
    QTest::newRow("dev fraction one") << QByteArray(R"({"dev_fraction": 1})") << "dev_fraction";
    QTest::newRow("dev fraction negative") << QByteArray(R"({"dev_fraction": -0.1})") << "dev_fraction";
    QTest::newRow("metric unknown") << QByteArray(R"({"ranking_metric": "f2"})") << "ranking_metric";
    QTest::newRow("metric number") << QByteArray(R"({"ranking_metric": 1})") << "ranking_metric";
    QTest::newRow("pipelines array") << QByteArray(R"({"pipelines": []})") << "pipelines";
    QTest::newRow("pipeline number") << QByteArray(R"({"pipelines": {"sharp": 3}})") << "pipelines.sharp";
    QTest::newRow("pipeline bad step") << QByteArray(
        R"({"pipelines": {"sharp": {"steps": [{"type": "hflip"}, {"type": "resize", "width": 8, "height": 8},
                                                   {"type": "resize", "width": 0, "height": 8}]}}})")
                                       << "pipelines.sharp.steps[2].width";
    QTest::newRow("pipeline unknown step")
        << QByteArray(R"({"pipelines": {"sharp": {"steps": [{"type": "blur9"}]}}})") << "pipelines.sharp.steps[0].type";
    QTest::newRow("pipeline name with space")
        << QByteArray(R"({"pipelines": {"my pipe": {"steps": 3}}})") << "pipelines[\"my pipe\"].steps";
    QTest::newRow("presets text") << QByteArray(R"({"presets": "fast"})") << "presets";
    QTest::newRow("preset array") << QByteArray(R"({"presets": {"fast": []}})") << "presets.fast";
    QTest::newRow("preset wrong type") << QByteArray(R"({"presets": {"fast": {"lr": "high"}}})") << "presets.fast.lr";
    QTest::newRow("preset weights") << QByteArray(R"({"presets": {"fast": {"explicit_class_weights": [1, "x"]}}})")
                                    << "presets.fast.explicit_class_weights[1]";
    QTest::newRow("preset invalid model")
        << QByteArray(R"({"presets": {"fast": {"model": "resnet99"}}})") << "presets.fast";
    // The first wrong value is named, after the good ones before it.
    QTest::newRow("good then bad") << QByteArray(R"({"version": 1, "dataset": "d", "dev_fraction": 0.1,
                                                    "ranking_metric": "accuracy", "presets": {"ok": {}, "bad": {"epochs": "x"}}})")
                                   << "presets.bad.epochs";
}

void TestProject::malformedFieldNamesItsPath()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, place);
    QTemporaryDir tmp;
    writeText(projectfile::path(tmp.path()), json);
    bool thrown = false;
    try {
        projectfile::read(tmp.path());
    } catch (const LabelFileError &e) {
        thrown = true;
        QCOMPARE(e.place(), place);
        QCOMPARE(e.file(), projectfile::path(tmp.path()));
        QVERIFY(!e.problem().isEmpty());
        QVERIFY2(e.message().contains(QStringLiteral("loupe.json")), qPrintable(e.message()));
    }
    QVERIFY2(thrown, "a malformed loupe.json must be refused");
}

void TestProject::unknownKeysIgnoredVersionWritten()
{
    QTemporaryDir tmp;
    writeText(projectfile::path(tmp.path()),
        R"({"future_key": {"anything": [1, 2]}, "dataset": "data", "ranking_metric": "accuracy"})");
    const Project p = projectfile::read(tmp.path());
    QCOMPARE(p.datasetPath, QStringLiteral("data"));
    QCOMPARE(p.rankingMetric, RankingMetric::Accuracy);
    QCOMPARE(projectfile::write(tmp.path(), p), QString());
    const QJsonObject json = QJsonDocument::fromJson(readText(projectfile::path(tmp.path()))).object();
    QVERIFY(!json.contains(QStringLiteral("future_key")));
    QCOMPARE(json.value(QStringLiteral("version")).toInt(), 1);
}

void TestProject::writeFailureKeepsOldFile()
{
    QTemporaryDir tmp;
    Project p;
    p.datasetPath = QStringLiteral("new");

    // The project folder is a file.
    const QString blocker = tmp.path() + QStringLiteral("/loupe-runs");
    writeText(blocker, "I am a file");
    QVERIFY(!projectfile::write(blocker, p).isEmpty());
    QCOMPARE(readText(blocker), QByteArray("I am a file"));

    // The folder cannot take a new file (chattr +i stops even root): the old loupe.json stays whole.
    const QString dir = tmp.path() + QStringLiteral("/project");
    Project old;
    old.datasetPath = QStringLiteral("old");
    QCOMPARE(projectfile::write(dir, old), QString());
    const QByteArray before = readText(projectfile::path(dir));
    if (QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("+i"), dir}) != 0)
        QSKIP("chattr +i is not available here");
    const QString error = projectfile::write(dir, p);
    QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("-i"), dir});
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(QStringLiteral("loupe.json")), qPrintable(error));
    QCOMPARE(readText(projectfile::path(dir)), before);
    QCOMPARE(projectfile::read(dir).datasetPath, QStringLiteral("old"));
}

QTEST_GUILESS_MAIN(TestProject)
#include "tst_project.moc"
