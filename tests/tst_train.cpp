// The training engine on tiny images: learning, the overfit check, divergence, checkpoints,
// resume, pause and cancel, the run folder's files, and the CLI's exit codes.

#include "TestUtil.h"

#include "dataset/DatasetScanner.h"
#include "dataset/Importers.h"
#include "eval/Predictions.h"
#include "model/Models.h"
#include "project/EventFile.h"
#include "project/RunFolder.h"
#include "model/Checkpoint.h"
#include "loader/DataLoader.h"
#include "train/OverfitCheck.h"
#include "eval/RunEvaluation.h"
#include "train/Trainer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <thread>

using namespace loupe;
using loupe::test::writeBytes;

namespace {

// Two classes a small network tells apart quickly: a bright disc or a bright bar on noise.
void writeShapes(const QString &root, int perClass, int size = 40)
{
    test::writeShapes(root, perClass, size, 1234, 4);
}

Dataset load(const QString &root)
{
    Dataset ds = importDataset(root);
    scanner::readHeaders(ds);
    scanner::verifyImages(ds);
    return ds;
}

TrainConfig tinyConfig()
{
    TrainConfig c;
    c.model = QStringLiteral("resnet18");
    c.imageSize = 32;
    c.batchSize = 8;
    c.epochs = 3;
    c.optimizer = QStringLiteral("adam");
    c.learningRate = 1e-3;
    c.seed = 3;
    c.devFraction = 0.25;
    c.threads = 2;
    c.loaderThreads = 1;
    return c;
}

int runCli(const QStringList &args, QByteArray *err = nullptr, QByteArray *out = nullptr)
{
    QProcess p;
    p.start(QStringLiteral(LOUPE_CLI), args);
    if (!p.waitForFinished(240000))
        return -1;
    if (err)
        *err = p.readAllStandardError();
    if (out)
        *out = p.readAllStandardOutput();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

/// metrics.jsonl's line of one epoch.
EpochMetrics metricsOfEpoch(const QString &run, int epoch)
{
    for (const EpochMetrics &m : runfolder::readMetrics(run))
        if (m.epoch == epoch)
            return m;
    return {};
}

/// Checks that every answer of a prediction file is a consistent softmax output.
QString inconsistency(const PredictionSet &set)
{
    for (const Prediction &p : set.items) {
        const double sum = std::accumulate(p.probabilities.begin(), p.probabilities.end(), 0.0);
        const auto top = std::max_element(p.probabilities.begin(), p.probabilities.end());
        if (std::abs(sum - 1.0) > 1e-5)
            return QStringLiteral("%1: probabilities sum to %2").arg(p.path).arg(sum, 0, 'g', 9);
        if (p.predicted != int(top - p.probabilities.begin()) || p.confidence != *top)
            return QStringLiteral("%1: the prediction is not the most probable class").arg(p.path);
        if (std::abs(p.loss + std::log(double(p.probabilities[std::size_t(p.truth)]))) > 1e-4)
            return QStringLiteral("%1: loss %2 is not -log p(truth)").arg(p.path).arg(p.loss);
    }
    return {};
}

} // namespace

class TestTrain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void loaderIsDeterministicAndKeepsChannels();
    void lossDecreasesAndRunFolderIsComplete();
    void checkpointRoundTripIsBitIdentical();
    void resumeContinuesTheEpochCount();
    void testSplitGetsItsOwnPredictions();
    void divergenceStopsTheRun();
    void devOnlyBlowUpIsNotALearningRateProblem();
    void pauseResumeCancel();
    void cancelSaysWhichCheckpointsExist();
    void configRecordsThePreprocessing();
    void preprocessingReproducedOutside();
    void classWeights();
    void initFromTorchSaveStateDict();
    void overfitCheckPasses();
    void overfitCheckFailsOnBrokenLabels();
    void evaluateRunMatchesPredictions();
    void cliExitCodes();
    void resumeAfterKill();

private:
    QTemporaryDir m_dir;
    QString m_shapes;
};

void TestTrain::initTestCase()
{
    m_shapes = m_dir.filePath(QStringLiteral("shapes"));
    writeShapes(m_shapes, 16);
}

void TestTrain::loaderIsDeterministicAndKeepsChannels()
{
    const Dataset ds = load(m_shapes);
    std::vector<int> all(ds.samples.size());
    std::iota(all.begin(), all.end(), 0);
    LoaderOptions o;
    o.batchSize = 5;
    o.imageSize = 32;
    o.threads = 2;
    o.seed = 9;
    const Pipeline pipeline = Pipeline::defaultTraining(32, 3);
    auto epochOf = [&](int epoch) {
        DataLoader loader(ds, all, pipeline, o);
        loader.startEpoch(epoch);
        std::vector<torch::Tensor> batches;
        Batch b;
        while (loader.next(b))
            batches.push_back(b.images.clone());
        return batches;
    };
    const auto a = epochOf(1), b = epochOf(1), c = epochOf(2);
    QCOMPARE(int(a.size()), 7); // 32 images in batches of 5
    QCOMPARE(a.back().size(0), 2);
    for (std::size_t i = 0; i < a.size(); ++i)
        QVERIFY(torch::equal(a[i], b[i]));
    QVERIFY(!torch::equal(a[0], c[0]));
    // The bright disc is bright in every channel: no channel was lost or zeroed.
    const torch::Tensor one = a[0][0];
    QCOMPARE(one.size(0), 3);
    for (int ch = 0; ch < 3; ++ch)
        QVERIFY2(one[ch].max().item<float>() > 1.0f, "normalised bright pixels are above 1");
}

void TestTrain::lossDecreasesAndRunFolderIsComplete()
{
    const Dataset ds = load(m_shapes);
    const QString run = m_dir.filePath(QStringLiteral("run-learn"));
    TrainConfig cfg = tinyConfig();
    cfg.epochs = 4;
    Trainer trainer(ds, cfg, run);
    int steps = 0;
    const TrainResult r = trainer.run({[&](const TrainProgress &) { ++steps; }, {}, {}});
    QVERIFY2(r.outcome == TrainOutcome::Completed, qPrintable(r.message));
    QCOMPARE(int(r.history.size()), 4);
    QVERIFY(steps >= 4 * 3);
    QVERIFY2(r.history.back().trainLoss < r.history.front().trainLoss,
             qPrintable(QStringLiteral("%1 → %2").arg(r.history.front().trainLoss).arg(r.history.back().trainLoss)));

    // The run folder the DESIGN promises.
    const std::vector<EpochMetrics> lines = runfolder::readMetrics(run);
    QCOMPARE(int(lines.size()), 4);
    QFile metrics(runfolder::metricsPath(run));
    QVERIFY(metrics.open(QIODevice::ReadOnly));
    const QJsonObject first = QJsonDocument::fromJson(metrics.readLine()).object();
    for (const char *key : {"epoch", "train_loss", "dev_loss", "dev_accuracy", "dev_macro_f1", "images_per_s", "seconds"})
        QVERIFY2(first.contains(QLatin1String(key)), key);
    const QJsonObject config = runfolder::readConfig(run);
    QCOMPARE(config.value(QStringLiteral("model")).toString(), QStringLiteral("resnet18"));
    QCOMPARE(config.value(QStringLiteral("dataset")).toObject().value(QStringLiteral("classes")).toArray().size(), 2);
    QVERIFY(QFileInfo::exists(runfolder::lastCheckpointPath(run)));
    QVERIFY(QFileInfo::exists(runfolder::bestCheckpointPath(run)));
    QFile predictions(runfolder::predictionsPath(run));
    QVERIFY(predictions.open(QIODevice::ReadOnly));
    const QList<QByteArray> rows = predictions.readAll().trimmed().split('\n');
    QCOMPARE(rows.front(), QByteArray("path,true_label,predicted_label,confidence"));
    QCOMPARE(rows.size(), 1 + 8); // a quarter of 32 images in dev

    // predictions-dev.csv: the kept (best) epoch's answers with every probability, and they agree
    // with what metrics.jsonl says of that epoch.
    const PredictionSet dev = predictionfiles::read(predictionfiles::devPath(run));
    QCOMPARE(dev.classes, config.value(QStringLiteral("dataset")).toObject().value(QStringLiteral("classes")).toVariant().toStringList());
    QCOMPARE(dev.split, QStringLiteral("dev"));
    QCOMPARE(dev.epoch, r.bestEpoch);
    QCOMPARE(int(dev.items.size()), 8);
    const QString problem = inconsistency(dev);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    int correct = 0;
    for (const Prediction &p : dev.items)
        correct += p.correct() ? 1 : 0;
    const EpochMetrics kept = metricsOfEpoch(run, dev.epoch);
    QVERIFY(kept.best);
    QCOMPARE(correct / 8.0, kept.devAccuracy);
    QVERIFY(!QFileInfo::exists(predictionfiles::testPath(run))); // the shapes have no test images

    // dev-history.jsonl: one entry per epoch over the same images, the kept epoch's as in the CSV.
    const PredictionHistory history = predictionfiles::readHistory(predictionfiles::historyPath(run));
    QCOMPARE(history.classes, dev.classes);
    QCOMPARE(int(history.epochs.size()), 4);
    QCOMPARE(history.paths.size(), 8);
    for (int e = 0; e < 4; ++e)
        QCOMPARE(history.epochs[std::size_t(e)].epoch, e + 1);
    const PredictionHistory::Epoch &same = history.epochs[std::size_t(dev.epoch - 1)];
    for (const Prediction &p : dev.items) {
        const int k = history.indexOf(p.path);
        QVERIFY2(k >= 0, qPrintable(p.path));
        QCOMPARE(history.truth[std::size_t(k)], p.truth);
        QCOMPARE(same.predicted[std::size_t(k)], p.predicted);
        QVERIFY(std::abs(same.confidence[std::size_t(k)] - p.confidence) < 1e-5);
    }

    // The TensorBoard file parses and holds the epoch losses.
    const QStringList events = QDir(run).entryList({QStringLiteral("events.out.tfevents.*")});
    QCOMPARE(events.size(), 1);
    QString error;
    const auto scalars = readScalarEvents(run + QLatin1Char('/') + events.front(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    int devLosses = 0;
    for (const auto &e : scalars)
        devLosses += e.tag == QLatin1String("loss/dev") ? 1 : 0;
    QCOMPARE(devLosses, 4);
}

void TestTrain::checkpointRoundTripIsBitIdentical()
{
    auto model = makeModel({"resnet18", 3, 1});
    torch::optim::SGD sgd(model->parameters(), torch::optim::SGDOptions(0.1).momentum(0.9));
    // One step so that the optimizer has momentum buffers and batch norm has statistics.
    sgd.zero_grad();
    torch::nn::functional::cross_entropy(model->forward(torch::randn({4, 1, 32, 32})), torch::tensor({0, 1, 2, 0}))
        .backward();
    sgd.step();
    CheckpointState state;
    state.epoch = 7;
    state.globalStep = 123;
    state.bestEpoch = 5;
    state.bestDevLoss = 0.25;
    const std::string file = m_dir.filePath(QStringLiteral("round.pt")).toStdString();
    saveCheckpoint(file, *model, sgd, state);
    QVERIFY(!QFileInfo::exists(QString::fromStdString(file + ".tmp")));

    auto other = makeModel({"resnet18", 3, 1});
    torch::optim::SGD sgd2(other->parameters(), torch::optim::SGDOptions(0.1).momentum(0.9));
    const CheckpointState back = loadCheckpoint(file, *other, &sgd2);
    QCOMPARE(back.epoch, 7);
    QCOMPARE(back.globalStep, qint64(123));
    QCOMPARE(back.bestEpoch, 5);
    QCOMPARE(back.bestDevLoss, 0.25);
    const auto a = namedState(*model), b = namedState(*other);
    QCOMPARE(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        QCOMPARE(a[i].first, b[i].first);
        QVERIFY2(torch::equal(a[i].second, b[i].second), a[i].first.c_str());
    }
    // The optimizer continues exactly: the same step from both gives the same weights.
    const torch::Tensor x = torch::randn({4, 1, 32, 32});
    for (auto *pair : {&sgd, &sgd2}) {
        pair->zero_grad();
        auto &m = pair == &sgd ? model : other;
        torch::nn::functional::cross_entropy(m->forward(x), torch::tensor({0, 1, 2, 0})).backward();
        pair->step();
    }
    QVERIFY(torch::equal(model->named_parameters()["fc.weight"], other->named_parameters()["fc.weight"]));
}

void TestTrain::resumeContinuesTheEpochCount()
{
    const Dataset ds = load(m_shapes);
    const QString run = m_dir.filePath(QStringLiteral("run-resume"));
    TrainConfig cfg = tinyConfig();
    cfg.epochs = 2;
    const TrainResult first = Trainer(ds, cfg, run).run();
    QVERIFY2(first.outcome == TrainOutcome::Completed, qPrintable(first.message));

    cfg.epochs = 3;
    Trainer again(ds, cfg, run);
    again.setResume(true);
    std::vector<int> epochsTrained;
    const TrainResult second = again.run({{}, [&](const EpochMetrics &m) { epochsTrained.push_back(m.epoch); }, {}});
    QVERIFY2(second.outcome == TrainOutcome::Completed, qPrintable(second.message));
    QCOMPARE(epochsTrained, std::vector<int>({3}));
    QCOMPARE(int(second.history.size()), 3);
    QCOMPARE(second.history[0].trainLoss, first.history[0].trainLoss);
    QVERIFY(!second.notes.filter(QStringLiteral("resumed after epoch 2")).isEmpty());
    QCOMPARE(int(runfolder::readMetrics(run).size()), 3);

    // The dev history keeps the two epochs of the first session and adds the third.
    const QString historyFile = predictionfiles::historyPath(run);
    const PredictionHistory history = predictionfiles::readHistory(historyFile);
    QCOMPARE(int(history.epochs.size()), 3);
    QCOMPARE(history.epochs[2].epoch, 3);
    QCOMPARE(predictionfiles::read(predictionfiles::devPath(run)).epoch, second.bestEpoch);

    // A damaged history does not stop a resume: it starts again, and says so.
    writeBytes(historyFile, "{\"classes\": [\"disc\"");
    cfg.epochs = 4;
    cfg.maxStepsPerEpoch = 1;
    Trainer third(ds, cfg, run);
    third.setResume(true);
    const TrainResult r3 = third.run();
    QVERIFY2(r3.outcome == TrainOutcome::Completed, qPrintable(r3.message));
    QVERIFY2(!r3.notes.filter(QStringLiteral("starts again at epoch 4")).isEmpty(), qPrintable(r3.notes.join(QLatin1Char('\n'))));
    const PredictionHistory restarted = predictionfiles::readHistory(historyFile);
    QCOMPARE(int(restarted.epochs.size()), 1);
    QCOMPARE(restarted.epochs[0].epoch, 4);
}

void TestTrain::testSplitGetsItsOwnPredictions()
{
    // A quarter of the images marked as the dataset's test split: never trained on, predicted at the end.
    Dataset ds = load(m_shapes);
    QStringList testPaths;
    for (std::size_t i = 0; i < ds.samples.size(); i += 4) {
        ds.samples[i].split = SplitName::Test;
        testPaths.append(ds.samples[i].path);
    }
    const QString run = m_dir.filePath(QStringLiteral("run-test-split"));
    TrainConfig cfg = tinyConfig();
    cfg.epochs = 1;
    cfg.maxStepsPerEpoch = 1; // the files are the point, not the learning
    const TrainResult r = Trainer(ds, cfg, run).run();
    QVERIFY2(r.outcome == TrainOutcome::Completed, qPrintable(r.message));
    QVERIFY(!r.notes.filter(QStringLiteral("test images")).isEmpty());

    const PredictionSet test = predictionfiles::read(predictionfiles::testPath(run));
    QCOMPARE(test.split, QStringLiteral("test"));
    QCOMPARE(test.epoch, 1);
    QCOMPARE(int(test.items.size()), int(testPaths.size()));
    QStringList got;
    for (const Prediction &p : test.items)
        got.append(p.path);
    QCOMPARE(got, testPaths); // in the dataset's order
    const QString problem = inconsistency(test);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    for (const Prediction &p : predictionfiles::read(predictionfiles::devPath(run)).items)
        QVERIFY2(!testPaths.contains(p.path), qPrintable(p.path));
    for (const QString &path : predictionfiles::readHistory(predictionfiles::historyPath(run)).paths)
        QVERIFY2(!testPaths.contains(path), qPrintable(path));
}

void TestTrain::divergenceStopsTheRun()
{
    const Dataset ds = load(m_shapes);
    TrainConfig cfg = tinyConfig();
    cfg.optimizer = QStringLiteral("sgd");
    cfg.learningRate = 1e6;
    const TrainResult r = Trainer(ds, cfg, m_dir.filePath(QStringLiteral("run-diverge"))).run();
    QCOMPARE(r.outcome, TrainOutcome::Diverged);
    QVERIFY2(r.message.contains(QStringLiteral("step")), qPrintable(r.message));
    QVERIFY(r.message.contains(QStringLiteral("learning rate")));
    QVERIFY(r.message.contains(QStringLiteral("not loaded properly")));
    QVERIFY2(!r.message.contains(QStringLiteral("batch norm")), qPrintable(r.message));
    // It blew up in epoch 1: no checkpoint exists, and the message claims none.
    QVERIFY2(r.message.contains(QStringLiteral("No checkpoint was written")), qPrintable(r.message));
    QVERIFY2(!r.message.contains(QStringLiteral("is kept")), qPrintable(r.message));
    QCOMPARE(QDir(m_dir.filePath(QStringLiteral("run-diverge/checkpoints"))).entryList(QDir::Files).size(), 0);
}

void TestTrain::devOnlyBlowUpIsNotALearningRateProblem()
{
    // ResNet-18 at 32 px ends in 1x1 feature maps; with batches of two, batch norm there normalises
    // two values per channel, and its running statistics do not fit what training made of them.
    // Training learns (its loss stays ordinary) while the dev loss in evaluation mode blows up.
    const Dataset ds = load(m_shapes);
    const QString run = m_dir.filePath(QStringLiteral("run-bn"));
    TrainConfig cfg = tinyConfig();
    cfg.optimizer = QStringLiteral("sgd");
    cfg.learningRate = 0.01;
    cfg.batchSize = 2;
    cfg.epochs = 2;
    const TrainResult r = Trainer(ds, cfg, run).run();
    QCOMPARE(r.outcome, TrainOutcome::Diverged);
    // Decided: the run stops there (its dev loss, best epoch and predictions would be meaningless).
    QCOMPARE(r.epochsRun, 0);
    QVERIFY(r.history.empty());
    QVERIFY2(r.message.contains(QStringLiteral("the dev loss blew up in epoch 1")), qPrintable(r.message));
    QVERIFY2(r.message.contains(QStringLiteral("batch norm")), qPrintable(r.message));
    QVERIFY2(r.message.contains(QStringLiteral("feature maps of resnet18 are 1x1")), qPrintable(r.message));
    QVERIFY2(r.message.contains(QStringLiteral("--image-size 64 makes them 2x2")), qPrintable(r.message));
    QVERIFY2(r.message.contains(QStringLiteral("a larger batch (--batch, now 2)")), qPrintable(r.message));
    QVERIFY2(r.message.contains(QStringLiteral("running statistics frozen")), qPrintable(r.message));
    QVERIFY2(r.message.contains(QStringLiteral("The run stops here")), qPrintable(r.message));
    QVERIFY2(!r.message.contains(QStringLiteral("learning rate is too high")), qPrintable(r.message));
    QVERIFY2(!r.message.contains(QStringLiteral("try ")), qPrintable(r.message));
    QVERIFY2(r.message.contains(QStringLiteral("No checkpoint was written")), qPrintable(r.message));
    QCOMPARE(QDir(run + QStringLiteral("/checkpoints")).entryList(QDir::Files).size(), 0);
    QVERIFY(!QFileInfo::exists(runfolder::metricsPath(run)));
}

void TestTrain::cancelSaysWhichCheckpointsExist()
{
    const Dataset ds = load(m_shapes);
    TrainConfig cfg = tinyConfig();
    cfg.epochs = 3;
    cfg.maxStepsPerEpoch = 1;

    // Cancelled in epoch 1, before any checkpoint: the message names none.
    const QString early = m_dir.filePath(QStringLiteral("run-cancel-early"));
    Trainer first(ds, cfg, early);
    const TrainResult a = first.run({[&](const TrainProgress &) { first.cancel(); }, {}, {}});
    QCOMPARE(a.outcome, TrainOutcome::Cancelled);
    QCOMPARE(a.message, QStringLiteral("cancelled during epoch 1. No checkpoint was written: the first is written "
                                       "when an epoch ends."));
    QCOMPARE(QDir(early + QStringLiteral("/checkpoints")).entryList(QDir::Files).size(), 0);

    // Cancelled in epoch 2: epoch 1's checkpoint is on disk, and the message says so.
    const QString later = m_dir.filePath(QStringLiteral("run-cancel-later"));
    Trainer second(ds, cfg, later);
    const TrainResult b = second.run({{}, [&](const EpochMetrics &) { second.cancel(); }, {}});
    QCOMPARE(b.outcome, TrainOutcome::Cancelled);
    QVERIFY2(b.message.startsWith(QStringLiteral("cancelled during epoch 2. Kept on disk: checkpoints/last.pt (epoch 1)")),
             qPrintable(b.message));
    QVERIFY(QFileInfo::exists(runfolder::lastCheckpointPath(later)));

    // A new run in a folder with an older run's checkpoint does not take that one for its own.
    Trainer third(ds, cfg, later);
    const TrainResult c = third.run({[&](const TrainProgress &) { third.cancel(); }, {}, {}});
    QVERIFY2(c.message.contains(QStringLiteral("This run wrote no checkpoint")), qPrintable(c.message));
    QVERIFY2(c.message.contains(QStringLiteral("left from an earlier run")), qPrintable(c.message));
}

void TestTrain::configRecordsThePreprocessing()
{
    // The shapes are 40x40: at 32 px every image shrinks (area), at 48 px every one grows (linear).
    const Dataset ds = load(m_shapes);
    TrainConfig cfg = tinyConfig();
    cfg.epochs = 1;
    cfg.maxStepsPerEpoch = 1;
    for (const int size : {32, 48}) {
        cfg.imageSize = size;
        const QString run = m_dir.filePath(QStringLiteral("run-pre-%1").arg(size));
        const TrainResult r = Trainer(ds, cfg, run).run();
        QVERIFY2(r.outcome == TrainOutcome::Completed, qPrintable(r.message));
        const QJsonObject config = runfolder::readConfig(run);
        QVERIFY(config.contains(QStringLiteral("pipeline"))); // the existing keys stay
        const QJsonObject pre = config.value(QStringLiteral("preprocessing")).toObject();
        const QString used = size == 32 ? QStringLiteral("area") : QStringLiteral("linear");
        QCOMPARE(pre.value(QStringLiteral("interpolation")).toString(), used);
        const QJsonObject resize = pre.value(QStringLiteral("resize")).toObject();
        QCOMPARE(resize.value(QStringLiteral("width")).toInt(), size);
        QCOMPARE(resize.value(QStringLiteral("height")).toInt(), size);
        QCOMPARE(resize.value(QStringLiteral("keep_aspect")).toBool(true), false);
        QCOMPARE(resize.value(QStringLiteral("interpolation")).toString(), used);
        const QJsonObject first = pre.value(QStringLiteral("steps")).toArray().at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("type")).toString(), QStringLiteral("resize"));
        QCOMPARE(first.value(QStringLiteral("interpolation")).toString(), QStringLiteral("auto"));
        QCOMPARE(first.value(QStringLiteral("interpolation_used")).toString(), used);
        // All 32 images (24 train, 8 dev) counted under the one resampling.
        QCOMPARE(first.value(QStringLiteral("interpolation_images")).toObject(), QJsonObject({{used, 32}}));
        const QJsonObject input = pre.value(QStringLiteral("input")).toObject();
        QCOMPARE(input.value(QStringLiteral("channels")).toInt(), 3);
        QCOMPARE(input.value(QStringLiteral("layout")).toString(), QStringLiteral("NCHW"));
        QCOMPARE(pre.value(QStringLiteral("colour_order")).toString(), QStringLiteral("RGB"));
        QCOMPARE(pre.value(QStringLiteral("mean")).toArray(), QJsonArray({0.485, 0.456, 0.406}));
        QCOMPARE(pre.value(QStringLiteral("std")).toArray(), QJsonArray({0.229, 0.224, 0.225}));
        QVERIFY(pre.value(QStringLiteral("value_scale")).toString().contains(QStringLiteral("x / 255")));
        QCOMPARE(pre.value(QStringLiteral("crop")).toArray().size(), 0);
        QCOMPARE(pre.value(QStringLiteral("decode")).toObject().value(QStringLiteral("reduced_decode")).toObject()
                     .value(QStringLiteral("images")).toInt(-1),
                 0);
    }
}

void TestTrain::preprocessingReproducedOutside()
{
    // An outside script given only config.json rebuilds the evaluation input Loupe gives the model.
    const QString python = QStringLiteral("/usr/bin/python3");
    QProcess probe;
    probe.start(python, {QStringLiteral("-c"), QStringLiteral("import torch, numpy, PIL")});
    if (!probe.waitForFinished(60000) || probe.exitStatus() != QProcess::NormalExit || probe.exitCode() != 0)
        QSKIP("/usr/bin/python3 has no torch, numpy and PIL (Debian python3-torch, python3-pil)");
    const QString script = QStringLiteral(LOUPE_TEST_DATA) + QStringLiteral("/../../bench/preprocess/reproduce_eval_input.py");
    QVERIFY(QFileInfo::exists(script));
    const Dataset ds = load(m_shapes);
    for (const int size : {32, 48}) {
        const QString run = m_dir.filePath(QStringLiteral("run-pre-%1").arg(size));
        if (!QFileInfo::exists(runfolder::configPath(run)))
            QSKIP("needs the runs of configRecordsThePreprocessing");
        // Loupe's own evaluation input, as eval builds it from the run folder.
        const TrainConfig cfg = TrainConfig::fromJson(runfolder::readConfig(run));
        std::vector<int> all(ds.samples.size());
        std::iota(all.begin(), all.end(), 0);
        LoaderOptions o;
        o.imageSize = cfg.imageSize;
        o.channels = cfg.channels;
        DataLoader loader(ds, all, Pipeline::fromJson(cfg.pipelineJson).evaluationPipeline(), o);
        QByteArray raw;
        QStringList args{QStringLiteral("-B"), script, runfolder::configPath(run)};
        for (int i : all) {
            const torch::Tensor t = loader.loadOne(i, 0);
            QVERIFY(t.defined());
            raw.append(reinterpret_cast<const char *>(t.data_ptr<float>()), int(t.numel() * sizeof(float)));
            args.append(ds.samples[std::size_t(i)].path);
        }
        const QString loupeFile = m_dir.filePath(QStringLiteral("loupe-%1.f32").arg(size));
        writeBytes(loupeFile, raw);
        args << QStringLiteral("--compare") << loupeFile;
        QProcess p;
        p.start(python, args);
        QVERIFY(p.waitForFinished(120000));
        const QByteArray out = p.readAllStandardOutput();
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(p.exitCode() == 0, QByteArray(out + err).constData());
        QVERIFY2(out.contains(QByteArray("32 of 32 images match")), out.constData());
    }
}

void TestTrain::pauseResumeCancel()
{
    const Dataset ds = load(m_shapes);
    TrainConfig cfg = tinyConfig();
    cfg.epochs = 50;
    cfg.batchSize = 4;
    Trainer trainer(ds, cfg, m_dir.filePath(QStringLiteral("run-pause")));
    std::atomic<int> steps{0};
    TrainResult result;
    std::thread t([&] { result = trainer.run({[&](const TrainProgress &) { ++steps; }, {}, {}}); });
    // A failed check returns early: the thread must not outlive the test (std::terminate).
    const auto joinOnExit = qScopeGuard([&] {
        trainer.cancel();
        if (t.joinable())
            t.join();
    });
    QTRY_VERIFY_WITH_TIMEOUT(steps.load() >= 2, 60000);
    trainer.pause();
    const int beforePause = steps.load();
    QVERIFY(trainer.isPaused());
    // Pause takes effect between steps: only the step in flight may still finish, however long
    // it takes on a loaded machine (a running trainer makes dozens of steps in this time).
    QTest::qWait(2000);
    const int atPause = steps.load();
    QVERIFY2(atPause <= beforePause + 1, qPrintable(QStringLiteral("%1 steps after pause").arg(atPause - beforePause)));
    trainer.resume();
    QTRY_VERIFY_WITH_TIMEOUT(steps.load() > atPause, 60000);
    trainer.cancel();
    t.join();
    QCOMPARE(result.outcome, TrainOutcome::Cancelled);
}

void TestTrain::classWeights()
{
    const std::vector<double> w = inverseFrequencyWeights({30, 10, 0, 20});
    QCOMPARE(w[0], 60.0 / (4 * 30));
    QCOMPARE(w[1], 60.0 / (4 * 10));
    QCOMPARE(w[2], 0.0);
    QCOMPARE(w[3], 60.0 / (4 * 20));

    const Dataset ds = load(m_shapes);
    TrainConfig cfg = tinyConfig();
    cfg.epochs = 1;
    cfg.classWeights = QStringLiteral("auto");
    const TrainResult r = Trainer(ds, cfg, m_dir.filePath(QStringLiteral("run-weights"))).run();
    QVERIFY2(r.outcome == TrainOutcome::Completed, qPrintable(r.message));
    QVERIFY(!r.notes.filter(QStringLiteral("class weights")).isEmpty());

    cfg.classWeights = QStringLiteral("explicit");
    cfg.explicitClassWeights = {1.0, 2.0, 3.0};
    const TrainResult bad = Trainer(ds, cfg, m_dir.filePath(QStringLiteral("run-weights2"))).run();
    QCOMPARE(bad.outcome, TrainOutcome::Failed);
    QVERIFY(bad.message.contains(QStringLiteral("3 class weights given for 2 classes")));
}

void TestTrain::initFromTorchSaveStateDict()
{
    // torchvision's resnet18 state dict (3 classes) as torch.save wrote it before PyTorch 1.6;
    // the dataset has 2 classes, so the body is imported and the head re-initialised.
    const Dataset ds = load(m_shapes);
    TrainConfig cfg = tinyConfig();
    cfg.epochs = 1;
    cfg.initWeights = QStringLiteral(LOUPE_TEST_DATA "/weights/resnet18_3cls_state_legacy.pth");
    const TrainResult r = Trainer(ds, cfg, m_dir.filePath(QStringLiteral("run-init-pth"))).run();
    QVERIFY2(r.outcome == TrainOutcome::Completed, qPrintable(r.message));
    QVERIFY2(!r.notes.filter(QStringLiteral("tensors from " LOUPE_TEST_DATA "/weights/resnet18_3cls_state_legacy.pth")).isEmpty(), qPrintable(r.notes.join(QLatin1Char('\n'))));
    QVERIFY2(!r.notes.filter(QStringLiteral("re-initialised")).isEmpty(), qPrintable(r.notes.join(QLatin1Char('\n'))));

    // A whole pickled module is refused by name, and the run says which file.
    cfg.initWeights = QStringLiteral(LOUPE_TEST_DATA "/weights/pickled_model.pth");
    const TrainResult bad = Trainer(ds, cfg, m_dir.filePath(QStringLiteral("run-init-pickle"))).run();
    QCOMPARE(bad.outcome, TrainOutcome::Failed);
    QVERIFY2(bad.message.contains(QStringLiteral("pickled_model.pth")), qPrintable(bad.message));
    QVERIFY2(bad.message.contains(QStringLiteral("torch.nn.modules.linear.Linear")), qPrintable(bad.message));

    // A state dict of another architecture names the tensor that does not fit, and the file.
    cfg.initWeights = QStringLiteral(LOUPE_TEST_DATA "/weights/state_dict.pth");
    const TrainResult shape = Trainer(ds, cfg, m_dir.filePath(QStringLiteral("run-init-shape"))).run();
    QCOMPARE(shape.outcome, TrainOutcome::Failed);
    QVERIFY2(shape.message.contains(QStringLiteral("state_dict.pth")), qPrintable(shape.message));
    QVERIFY2(shape.message.contains(QStringLiteral("conv1.weight: file has [2, 3, 7, 7]")), qPrintable(shape.message));
}

void TestTrain::overfitCheckPasses()
{
    const Dataset ds = load(m_shapes);
    OverfitOptions o;
    o.imageSize = 32;
    o.threads = 2;
    o.maxSteps = 150;
    const OverfitResult r = runOverfitCheck(ds, o);
    QVERIFY2(r.passed, qPrintable(r.message));
    QCOMPARE(r.correct, 5);
    QCOMPARE(int(r.paths.size()), 5);
    QVERIFY(r.finalLoss < r.lossThreshold);
}

void TestTrain::overfitCheckFailsOnBrokenLabels()
{
    // The same picture under two labels cannot be learned: a broken label file looks like this.
    QTemporaryDir dir;
    cv::Mat m(40, 40, CV_8UC3, cv::Scalar(90, 90, 90));
    std::vector<uchar> buf;
    cv::imencode(".png", m, buf);
    const QByteArray png(reinterpret_cast<const char *>(buf.data()), int(buf.size()));
    for (int i = 0; i < 3; ++i) {
        writeBytes(dir.filePath(QStringLiteral("a/%1.png").arg(i)), png);
        writeBytes(dir.filePath(QStringLiteral("b/%1.png").arg(i)), png);
    }
    const Dataset ds = load(dir.path());
    OverfitOptions o;
    o.imageSize = 32;
    o.threads = 2;
    o.maxSteps = 40;
    const OverfitResult r = runOverfitCheck(ds, o);
    QVERIFY(!r.passed);
    QVERIFY(!r.failedChecks.isEmpty());
    QVERIFY2(r.message.contains(QStringLiteral("learning rate is too high")), qPrintable(r.message));
    QVERIFY(r.message.contains(QStringLiteral("not loaded properly")));
}

void TestTrain::evaluateRunMatchesPredictions()
{
    const Dataset ds = load(m_shapes);
    const QString run = m_dir.filePath(QStringLiteral("run-learn"));
    const QString csv = m_dir.filePath(QStringLiteral("eval.csv"));
    const RunEvaluation e = evaluateRun(run, ds, csv, 2);
    QCOMPARE(e.images, 32);
    int correct = 0;
    for (std::size_t i = 0; i < e.metrics.confusion.size(); ++i)
        correct += e.metrics.confusion[i][i];
    QCOMPARE(e.metrics.accuracy, correct / 32.0);
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> rows = f.readAll().trimmed().split('\n');
    QCOMPARE(rows.size(), 33);
    // The eval --predictions contract first, then the extended columns.
    QVERIFY2(rows.front().startsWith("path,true_label,predicted_label,confidence,loss,p:"), rows.front().constData());
    const PredictionSet back = predictionfiles::read(csv);
    QCOMPARE(back.items.size(), e.predictions.items.size());
    QCOMPARE(back.truths(), e.predictions.truths());
    QCOMPARE(back.predictions(), e.predictions.predictions());
    QCOMPARE(back.split, QStringLiteral("shapes"));
    QCOMPARE(back.epoch, metricsOfEpoch(run, back.epoch).epoch);
    QVERIFY(back.epoch >= 1);
    const QString problem = inconsistency(back);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestTrain::cliExitCodes()
{
    QByteArray err;
    const QString run = m_dir.filePath(QStringLiteral("run-cli"));
    QCOMPARE(runCli({QStringLiteral("train"), m_shapes, QStringLiteral("--out"), run, QStringLiteral("--model"),
                     QStringLiteral("alexnet")},
                    &err),
             2);
    QVERIFY2(err.contains("unknown model"), err.constData());
    QCOMPARE(runCli({QStringLiteral("train"), m_shapes, QStringLiteral("--out"), run, QStringLiteral("--image-size"),
                     QStringLiteral("32"), QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--lr"),
                     QStringLiteral("1e6"), QStringLiteral("--threads"), QStringLiteral("2")},
                    &err),
             1);
    QVERIFY2(err.contains("diverged"), err.constData());
    QCOMPARE(runCli({QStringLiteral("train"), m_shapes, QStringLiteral("--out"), run, QStringLiteral("--image-size"),
                     QStringLiteral("32"), QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--optimizer"),
                     QStringLiteral("adam"), QStringLiteral("--lr"), QStringLiteral("0.001"), QStringLiteral("--threads"),
                     QStringLiteral("2")},
                    &err),
             0);
    QByteArray out;
    QCOMPARE(runCli({QStringLiteral("eval"), run, m_shapes, QStringLiteral("--json")}, &err, &out), 0);
    const QJsonArray perClass = QJsonDocument::fromJson(out).object().value(QStringLiteral("per_class")).toArray();
    QCOMPARE(perClass.size(), 2);
    for (const QJsonValue &c : perClass) {
        const double ap = c.toObject().value(QStringLiteral("average_precision")).toDouble(-1);
        QVERIFY2(ap >= 0 && ap <= 1, out.constData());
    }
    QCOMPARE(runCli({QStringLiteral("eval"), m_dir.filePath(QStringLiteral("nothing")), m_shapes}, &err), 2);
    QCOMPARE(runCli({QStringLiteral("overfit-check"), m_shapes, QStringLiteral("--image-size"), QStringLiteral("32"),
                     QStringLiteral("--max-steps"), QStringLiteral("150")},
                    &err),
             0);
}

void TestTrain::resumeAfterKill()
{
    // A run killed without warning continues from its last checkpoint; nothing is half-written.
    const QString run = m_dir.filePath(QStringLiteral("run-kill"));
    const QStringList args{QStringLiteral("train"), m_shapes, QStringLiteral("--out"), run, QStringLiteral("--image-size"),
                           QStringLiteral("32"), QStringLiteral("--epochs"), QStringLiteral("3"), QStringLiteral("--batch"),
                           QStringLiteral("4"), QStringLiteral("--optimizer"), QStringLiteral("adam"), QStringLiteral("--lr"),
                           QStringLiteral("0.001"), QStringLiteral("--threads"), QStringLiteral("2")};
    QProcess p;
    p.start(QStringLiteral(LOUPE_CLI), args);
    QTRY_VERIFY_WITH_TIMEOUT(runfolder::readMetrics(run).size() >= 1, 120000);
    p.kill(); // SIGKILL: no chance to clean up
    p.waitForFinished();
    const int done = int(runfolder::readMetrics(run).size());
    QVERIFY(done >= 1 && done < 3);
    QByteArray err;
    QCOMPARE(runCli(args + QStringList{QStringLiteral("--resume")}, &err), 0);
    QVERIFY2(err.contains("resumed after epoch"), err.constData());
    const std::vector<EpochMetrics> lines = runfolder::readMetrics(run);
    QCOMPARE(int(lines.size()), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(lines[i].epoch, i + 1);
    // A temporary file torn by the kill was overwritten and renamed by the next save.
    QVERIFY(QDir(run + QStringLiteral("/checkpoints")).entryList({QStringLiteral("*.tmp")}).isEmpty());
}

QTEST_GUILESS_MAIN(TestTrain)
#include "tst_train.moc"
