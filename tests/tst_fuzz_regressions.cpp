// Inputs the fuzzers (fuzz/) found crashing or breaking an invariant, replayed through the same
// harness code, so every fix stays fixed in the ordinary (uninstrumented) test build.

#define LOUPE_FUZZ_REPLAY
#include "../fuzz/fuzz_coco.cpp"
#include "../fuzz/fuzz_csv.cpp"
#include "../fuzz/fuzz_idx.cpp"
#include "../fuzz/fuzz_image.cpp"
#include "../fuzz/fuzz_pipeline.cpp"
#include "../fuzz/fuzz_predictions.cpp"
#include "../fuzz/fuzz_project.cpp"
#include "../fuzz/fuzz_trainconfig.cpp"
#include "../fuzz/fuzz_voc.cpp"
#include "../fuzz/fuzz_yolo.cpp"

#include <QDirIterator>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include <map>

namespace {

using Harness = int (*)(const std::uint8_t *, std::size_t);

const std::map<QString, Harness> &harnesses()
{
    static const std::map<QString, Harness> all{
        {QStringLiteral("fuzz_coco"), fuzzCoco},           {QStringLiteral("fuzz_csv"), fuzzCsv},
        {QStringLiteral("fuzz_idx"), fuzzIdx},             {QStringLiteral("fuzz_image"), fuzzImage},
        {QStringLiteral("fuzz_pipeline"), fuzzPipeline},   {QStringLiteral("fuzz_trainconfig"), fuzzTrainConfig},
        {QStringLiteral("fuzz_predictions"), fuzzPredictions}, {QStringLiteral("fuzz_project"), fuzzProject},
        {QStringLiteral("fuzz_voc"), fuzzVoc},             {QStringLiteral("fuzz_yolo"), fuzzYolo},
    };
    return all;
}

} // namespace

class TestFuzzRegressions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void replay_data();
    void replay();

    void trainConfigRefusesNumbersOutsideInt_data();
    void trainConfigRefusesNumbersOutsideInt();

private:
    QTemporaryDir m_scratch;
};

void TestFuzzRegressions::initTestCase()
{
    QVERIFY(m_scratch.isValid());
    qputenv("LOUPE_FUZZ_TMP", m_scratch.path().toLocal8Bit());
}

void TestFuzzRegressions::replay_data()
{
    QTest::addColumn<QString>("harness");
    QTest::addColumn<QString>("file");
    const QDir root(QStringLiteral(LOUPE_FUZZ_REGRESSIONS));
    int rows = 0;
    QDirIterator it(root.path(), QDir::Files, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext())
        files << it.next();
    files.sort();
    for (const QString &file : files) {
        const QString harness = QFileInfo(file).dir().dirName();
        QTest::newRow(qPrintable(harness + QLatin1Char('/') + QFileInfo(file).fileName())) << harness << file;
        ++rows;
    }
    QVERIFY2(rows > 0, "no regression inputs found");
}

void TestFuzzRegressions::replay()
{
    QFETCH(QString, harness);
    QFETCH(QString, file);
    const auto it = harnesses().find(harness);
    QVERIFY2(it != harnesses().end(), qPrintable(QStringLiteral("no harness named %1").arg(harness)));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY2(!bytes.isEmpty(), "an empty regression input tests nothing");
    // The harness swallows the documented refusals (LabelFileError, DatasetError, PipelineError);
    // a broken invariant (LOUPE_FUZZ_CHECK) is a std::logic_error here; anything else escaping is
    // an undocumented exception, which the application would not catch either.
    int status = -1;
    try {
        status = it->second(reinterpret_cast<const std::uint8_t *>(bytes.constData()), std::size_t(bytes.size()));
    } catch (const std::logic_error &e) {
        QFAIL(qPrintable(QStringLiteral("%1 on %2: invariant broken: %3").arg(harness, file, QString::fromLocal8Bit(e.what()))));
    } catch (const std::exception &e) {
        QFAIL(qPrintable(QStringLiteral("%1 on %2: undocumented exception: %3").arg(harness, file, QString::fromLocal8Bit(e.what()))));
    } catch (...) {
        QFAIL(qPrintable(QStringLiteral("%1 on %2: undocumented exception of an unknown type").arg(harness, file)));
    }
    // libFuzzer's contract: 0 is the only result for an input that was handled (-1 would mean
    // "reject from the corpus", which no regression input may need).
    QCOMPARE(status, 0);
    // The harness cleans its scratch folder: nothing of this input is left for the next one.
    QVERIFY(QDir(m_scratch.filePath(QStringLiteral("case"))).isEmpty());
}

void TestFuzzRegressions::trainConfigRefusesNumbersOutsideInt_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("image size beyond int") << QByteArray(R"({"image_size": 2429496729624})");
    QTest::newRow("negative epochs beyond int") << QByteArray(R"({"epochs": -1e300})");
    QTest::newRow("fractional batch") << QByteArray(R"({"batch": 2.5})");
    QTest::newRow("weights that are not numbers") << QByteArray(R"({"explicit_class_weights": [1, "2"]})");
}

void TestFuzzRegressions::trainConfigRefusesNumbersOutsideInt()
{
    QFETCH(QByteArray, json);
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    QVERIFY_THROWS_EXCEPTION(DatasetError, TrainConfig::fromJson(object));
}

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzz_regressions.moc"
