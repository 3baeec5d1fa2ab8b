// Grad-CAM on a run trained where the answer is known: "defect" images carry a bright disc in
// one corner, "ok" images are noise. The map must light up the corner that holds the disc.

#include "TestUtil.h"

#include "dataset/DatasetScanner.h"
#include "dataset/Errors.h"
#include "dataset/Importers.h"
#include "eval/Explainer.h"
#include "model/Models.h"
#include "project/RunFolder.h"
#include "eval/RunEvaluation.h"
#include "train/Trainer.h"

#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgproc.hpp>

#include <map>
#include <numeric>

using namespace loupe;
using loupe::test::writeBytes;

namespace {

constexpr int kSide = 48;   // image files
constexpr int kInput = 64;  // what the model sees: ResNet-18's last stage is then 2x2
constexpr int kRadius = 8;
constexpr int kNear = 10, kFar = kSide - 10; // disc centres: each disc wholly inside one quadrant

void writeGrey(const QString &path, const cv::Mat &m)
{
    std::vector<uchar> buf;
    cv::imencode(".png", m, buf);
    writeBytes(path, QByteArray(reinterpret_cast<const char *>(buf.data()), int(buf.size())));
}

cv::Mat noise(cv::RNG &rng)
{
    cv::Mat m(kSide, kSide, CV_8UC1);
    rng.fill(m, cv::RNG::UNIFORM, 0, 60);
    return m;
}

cv::Mat withDisc(cv::Mat m, cv::Point centre)
{
    cv::circle(m, centre, kRadius, cv::Scalar(230), cv::FILLED);
    return m;
}

Dataset load(const QString &root)
{
    Dataset ds = importDataset(root);
    scanner::readHeaders(ds);
    scanner::verifyImages(ds);
    return ds;
}

int sampleNamed(const Dataset &ds, const QString &fileName)
{
    for (int i = 0; i < int(ds.samples.size()); ++i)
        if (QFileInfo(ds.samples[i].path).fileName() == fileName)
            return i;
    return -1;
}

// path → (predicted label, probability of each class) from evaluateRun's predictions file.
std::map<QString, std::pair<QString, std::vector<double>>> readPredictions(const QString &csv, const QStringList &classes)
{
    std::map<QString, std::pair<QString, std::vector<double>>> out;
    QFile f(csv);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    const QList<QByteArray> rows = f.readAll().trimmed().split('\n');
    const QList<QByteArray> header = rows.value(0).split(',');
    const int path = int(header.indexOf("path")), predicted = int(header.indexOf("predicted_label"));
    std::vector<int> probability;
    for (const QString &c : classes)
        probability.push_back(int(header.indexOf("p:" + c.toUtf8())));
    for (int r = 1; r < rows.size(); ++r) {
        const QList<QByteArray> cols = rows[r].split(',');
        if (cols.size() != header.size())
            continue;
        auto &entry = out[QString::fromUtf8(cols[path])];
        entry.first = QString::fromUtf8(cols[predicted]);
        for (int p : probability)
            entry.second.push_back(p >= 0 ? cols[p].toDouble() : -1.0);
    }
    return out;
}

int peakCell(const Heatmap &h)
{
    return int(std::max_element(h.values.begin(), h.values.end()) - h.values.begin());
}

} // namespace

class TestExplainer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void forwardIsClassifyOfFeatures_data();
    void forwardIsClassifyOfFeatures();
    void heatmapPeaksOnThePlantedDisc_data();
    void heatmapPeaksOnThePlantedDisc();
    void predictionsMatchEvaluateRun();
    void anotherClassGivesAnotherMap();
    void unusableRunFolder_data();
    void unusableRunFolder();
    void unreadableImage();

private:
    QTemporaryDir m_dir;
    QString m_run;
    QString m_probe;
};

void TestExplainer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Training: 20 noise images and 20 with a disc in a random corner (±2 px), so that the model
    // must find the disc wherever it is.
    const QString train = m_dir.filePath(QStringLiteral("train"));
    cv::RNG rng(77);
    const cv::Point corners[4] = {{kNear, kNear}, {kFar, kNear}, {kNear, kFar}, {kFar, kFar}};
    for (int i = 0; i < 20; ++i) {
        const cv::Point jitter(rng.uniform(-2, 3), rng.uniform(-2, 3));
        writeGrey(QStringLiteral("%1/defect/%2.png").arg(train).arg(i), withDisc(noise(rng), corners[i % 4] + jitter));
        writeGrey(QStringLiteral("%1/ok/%2.png").arg(train).arg(i), noise(rng));
    }
    // Images the run never saw; "ok/mislabelled" carries a disc, so its truth and prediction differ.
    m_probe = m_dir.filePath(QStringLiteral("probe"));
    writeGrey(m_probe + QStringLiteral("/defect/top-left.png"), withDisc(noise(rng), {kNear, kNear}));
    writeGrey(m_probe + QStringLiteral("/defect/bottom-right.png"), withDisc(noise(rng), {kFar, kFar}));
    writeGrey(m_probe + QStringLiteral("/defect/top-right.png"), withDisc(noise(rng), {kFar, kNear}));
    writeGrey(m_probe + QStringLiteral("/ok/clean.png"), noise(rng));
    writeGrey(m_probe + QStringLiteral("/ok/mislabelled.png"), withDisc(noise(rng), {kNear, kFar}));

    TrainConfig c;
    c.model = QStringLiteral("resnet18");
    c.imageSize = kInput;
    c.channels = 1;
    c.batchSize = 4; // more steps for the batch-norm statistics to settle
    c.epochs = 8;
    c.optimizer = QStringLiteral("adam");
    c.learningRate = 1e-3;
    c.seed = 5;
    c.devFraction = 0.2; // 8 images
    c.threads = 2;
    c.loaderThreads = 1;
    m_run = m_dir.filePath(QStringLiteral("run"));
    const Dataset ds = load(train);
    Trainer trainer(ds, c, m_run);
    const TrainResult r = trainer.run();
    QVERIFY2(r.outcome == TrainOutcome::Completed, qPrintable(r.message));
}

void TestExplainer::forwardIsClassifyOfFeatures_data()
{
    QTest::addColumn<QString>("arch");
    QTest::newRow("resnet18") << "resnet18";
    QTest::newRow("resnet50") << "resnet50";
    QTest::newRow("vgg16") << "vgg16";
}

void TestExplainer::forwardIsClassifyOfFeatures()
{
    QFETCH(QString, arch);
    torch::manual_seed(1);
    auto model = makeModel({arch.toStdString(), 3, 3});
    model->eval();
    torch::NoGradGuard noGrad;
    const torch::Tensor x = torch::randn({2, 3, 32, 32});
    const torch::Tensor features = model->features(x);
    QCOMPARE(features.dim(), 4);
    QCOMPARE(features.size(1), arch == QLatin1String("resnet50") ? 2048 : 512);
    QVERIFY(torch::equal(model->forward(x), model->classify(features)));
    QVERIFY_EXCEPTION_THROWN(model->features(torch::zeros({1, 3, 8, 8})), std::invalid_argument);
}

void TestExplainer::heatmapPeaksOnThePlantedDisc_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("discX");
    QTest::addColumn<int>("discY");
    QTest::newRow("top-left") << "top-left.png" << kNear << kNear;
    QTest::newRow("bottom-right") << "bottom-right.png" << kFar << kFar;
    QTest::newRow("top-right") << "top-right.png" << kFar << kNear;
}

void TestExplainer::heatmapPeaksOnThePlantedDisc()
{
    QFETCH(QString, file);
    QFETCH(int, discX);
    QFETCH(int, discY);
    const Dataset ds = load(m_probe);
    const int index = sampleNamed(ds, file);
    QVERIFY(index >= 0);
    Explainer explainer(m_run, 2);
    const int defect = int(explainer.classes().indexOf(QStringLiteral("defect")));
    QVERIFY(defect >= 0);
    const Explanation e = explainer.explain(ds, index, defect);
    QCOMPARE(e.explainedClass, defect);
    QCOMPARE(e.predicted, defect);
    const Heatmap &h = e.heatmap;
    QCOMPARE(h.width, 2); // ResNet-18 takes a 64-pixel input down 32 times
    QCOMPARE(h.height, 2);
    QCOMPARE(int(h.values.size()), 4);
    for (float v : h.values)
        QVERIFY(v >= 0.0f && v <= 1.0f);
    QCOMPARE(*std::max_element(h.values.begin(), h.values.end()), 1.0f);

    // The peak cell, stretched back over the image, holds the disc's centre.
    const int peak = peakCell(h);
    const int cx = peak % h.width, cy = peak / h.width;
    const QRectF cell(double(cx) * kSide / h.width, double(cy) * kSide / h.height, double(kSide) / h.width,
                      double(kSide) / h.height);
    QVERIFY2(cell.contains(QPointF(discX, discY)),
             qPrintable(QStringLiteral("peak cell (%1, %2) = %3,%4 %5x%6 misses the disc at (%7, %8)")
                            .arg(cx).arg(cy).arg(cell.x()).arg(cell.y()).arg(cell.width()).arg(cell.height())
                            .arg(discX).arg(discY)));
    // The opposite corner is cold.
    const int ox = h.width - 1 - cx, oy = h.height - 1 - cy;
    QVERIFY2(h.at(ox, oy) < 0.5f, qPrintable(QString::number(h.at(ox, oy))));
}

void TestExplainer::predictionsMatchEvaluateRun()
{
    const Dataset ds = load(m_probe);
    const QString csv = m_dir.filePath(QStringLiteral("probe.csv"));
    evaluateRun(m_run, ds, csv, 2);
    Explainer explainer(m_run, 2);
    QCOMPARE(explainer.checkpoint(), runfolder::bestCheckpointPath(m_run));
    const auto predictions = readPredictions(csv, explainer.classes());
    QCOMPARE(int(predictions.size()), 5);
    for (int i = 0; i < int(ds.samples.size()); ++i) {
        const Explanation e = explainer.explain(ds, i);
        QCOMPARE(int(e.probabilities.size()), 2);
        const float sum = std::accumulate(e.probabilities.begin(), e.probabilities.end(), 0.0f);
        QVERIFY2(std::abs(sum - 1.0f) < 1e-5f, qPrintable(QString::number(double(sum), 'g', 9)));
        QCOMPARE(e.explainedClass, e.predicted);
        const auto it = predictions.find(ds.samples[i].path);
        QVERIFY2(it != predictions.end(), qPrintable(ds.samples[i].path));
        QCOMPARE(explainer.classes().at(e.predicted), it->second.first);
        // One image alone against a batch of them: the same weights, summed in another order.
        for (std::size_t c = 0; c < e.probabilities.size(); ++c)
            QVERIFY2(std::abs(e.probabilities[c] - it->second.second[c]) < 1e-4,
                     qPrintable(QStringLiteral("%1, class %2: %3 against %4")
                                    .arg(ds.samples[i].path).arg(c).arg(e.probabilities[c]).arg(it->second.second[c])));
    }
}

void TestExplainer::anotherClassGivesAnotherMap()
{
    const Dataset ds = load(m_probe);
    const int index = sampleNamed(ds, QStringLiteral("mislabelled.png"));
    QVERIFY(index >= 0);
    Explainer explainer(m_run, 2);
    const int truth = int(explainer.classes().indexOf(QStringLiteral("ok")));
    const Explanation predicted = explainer.explain(ds, index);
    QCOMPARE(explainer.classes().at(predicted.predicted), QStringLiteral("defect"));
    const Explanation asTruth = explainer.explain(ds, index, truth);
    QCOMPARE(asTruth.explainedClass, truth);
    QCOMPARE(asTruth.predicted, predicted.predicted);
    QCOMPARE(asTruth.probabilities, predicted.probabilities);
    QCOMPARE(asTruth.heatmap.width, predicted.heatmap.width);
    QVERIFY(asTruth.heatmap.values != predicted.heatmap.values);
    // The disc (bottom-left) argues for "defect", not for "ok".
    const int bottomLeft = (predicted.heatmap.height - 1) * predicted.heatmap.width;
    QCOMPARE(peakCell(predicted.heatmap), bottomLeft);
    QVERIFY(asTruth.heatmap.values[std::size_t(bottomLeft)] < 0.5f);

    QVERIFY_EXCEPTION_THROWN(explainer.explain(ds, index, 2), DatasetError);
    QVERIFY_EXCEPTION_THROWN(explainer.explain(ds, int(ds.samples.size())), DatasetError);
}

void TestExplainer::unusableRunFolder_data()
{
    QTest::addColumn<QString>("what");
    QTest::newRow("missing folder") << "missing";
    QTest::newRow("empty folder") << "empty";
    QTest::newRow("config without checkpoint") << "config-only";
    QTest::newRow("checkpoint of another model") << "other-model";
}

void TestExplainer::unusableRunFolder()
{
    QFETCH(QString, what);
    const QString dir = m_dir.filePath(QStringLiteral("bad-") + what);
    if (what != QLatin1String("missing"))
        QVERIFY(QDir().mkpath(dir + QStringLiteral("/checkpoints")));
    if (what == QLatin1String("config-only") || what == QLatin1String("other-model"))
        QVERIFY(QFile::copy(runfolder::configPath(m_run), runfolder::configPath(dir)));
    if (what == QLatin1String("other-model")) {
        auto other = makeModel({"resnet50", 2, 1});
        saveWeights(*other, runfolder::lastCheckpointPath(dir).toStdString());
    }
    QVERIFY_EXCEPTION_THROWN(Explainer(dir, 1), DatasetError);
}

void TestExplainer::unreadableImage()
{
    const QString broken = m_dir.filePath(QStringLiteral("broken/defect/not-a-png.png"));
    writeBytes(broken, QByteArray("this is not an image"));
    Dataset ds;
    ds.format = QStringLiteral("folder");
    ds.classes = {QStringLiteral("defect"), QStringLiteral("ok")};
    Sample s;
    s.path = broken;
    s.classId = 0;
    ds.samples.push_back(s);
    Explainer explainer(m_run, 1);
    try {
        explainer.explain(ds, 0);
        QFAIL("an unreadable image must throw");
    } catch (const DatasetError &e) {
        QVERIFY2(e.message().contains(broken), qPrintable(e.message()));
        QVERIFY(e.message().size() > broken.size() + 4); // and says why
    }
}

QTEST_GUILESS_MAIN(TestExplainer)
#include "tst_explainer.moc"
