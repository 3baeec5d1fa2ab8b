// bfloat16 autocast and channels-last: the choice and its float32 fallback, a bf16 step against the
// float32 step, float32 checkpoints, resume across precisions, divergence under bf16, evaluation
// against float32, and the command line's --precision.

#include "TestUtil.h"

#include "dataset/DatasetScanner.h"
#include "dataset/Errors.h"
#include "dataset/Importers.h"
#include "eval/RunEvaluation.h"
#include "model/Checkpoint.h"
#include "model/Models.h"
#include "model/Precision.h"
#include "project/RunFolder.h"
#include "train/OverfitCheck.h"
#include "train/Trainer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <functional>

using namespace loupe;

namespace {

Dataset load(const QString &root)
{
    Dataset ds = importDataset(root);
    scanner::readHeaders(ds);
    scanner::verifyImages(ds);
    return ds;
}

TrainConfig tinyConfig(const QString &precision)
{
    TrainConfig c;
    c.model = QStringLiteral("resnet18");
    c.imageSize = 32;
    c.batchSize = 8;
    c.epochs = 2;
    c.optimizer = QStringLiteral("adam");
    c.learningRate = 1e-3;
    c.seed = 3;
    c.devFraction = 0.25;
    c.threads = 2;
    c.loaderThreads = 1;
    c.precision = precision;
    return c;
}

QJsonObject computeOf(const QString &run)
{
    return runfolder::readConfig(run).value(QStringLiteral("compute")).toObject();
}

/// Loss and gradients of one training step from the same weights and batch.
struct Step {
    double loss = 0;
    torch::Tensor grad; ///< every parameter's gradient, flattened and concatenated
};

Step oneStep(ComputeMode mode, const torch::Tensor &images, const torch::Tensor &labels)
{
    torch::manual_seed(11);
    auto model = makeModel({"resnet18", 3, 3});
    model->setComputeMode(mode);
    model->train();
    const torch::Tensor loss = torch::nn::functional::cross_entropy(model->forward(images), labels);
    loss.backward();
    std::vector<torch::Tensor> grads;
    for (const torch::Tensor &p : model->parameters()) {
        // The master weights and their gradients stay float32 in every mode.
        if (p.scalar_type() != torch::kFloat || p.grad().scalar_type() != torch::kFloat)
            return {};
        grads.push_back(p.grad().reshape({-1}));
    }
    return {loss.item<double>(), torch::cat(grads)};
}

} // namespace

class TestPrecision : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void choiceAndFallback();
    void bf16StepIsCloseToTheFloat32Step();
    void channelsLastKeepsValuesAndNames();
    void checkpointsStayFloat32AndResumeAcrossPrecisions();
    void divergenceStillStopsABf16Run();
    void evaluationInBf16MatchesFloat32();
    void commandLine();

private:
    QTemporaryDir m_dir;
    QString m_shapes;
};

void TestPrecision::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_shapes = m_dir.filePath(QStringLiteral("shapes"));
    test::writeShapes(m_shapes, 16, 40, 1234, 4);
}

void TestPrecision::choiceAndFallback()
{
    CpuBf16Support none;
    CpuBf16Support avx;
    avx.avx512Bf16 = true;
    CpuBf16Support amx;
    amx.amxBf16 = true;

    PrecisionChoice c = choosePrecision(QStringLiteral("auto"), avx);
    QCOMPARE(c.precision, Precision::BFloat16);
    QCOMPARE(c.name(), QStringLiteral("bf16"));
    QVERIFY2(c.reason.contains(QStringLiteral("AVX512-BF16")), qPrintable(c.reason));
    QCOMPARE(choosePrecision(QStringLiteral("auto"), amx).precision, Precision::BFloat16);

    // A CPU without bfloat16 instructions falls back to float32 and says why.
    c = choosePrecision(QStringLiteral("auto"), none);
    QCOMPARE(c.precision, Precision::Float32);
    QVERIFY2(c.reason.contains(QStringLiteral("no bfloat16 instructions")), qPrintable(c.reason));

    QCOMPARE(choosePrecision(QStringLiteral("fp32"), avx).precision, Precision::Float32);
    c = choosePrecision(QStringLiteral("bf16"), none);
    QCOMPARE(c.precision, Precision::BFloat16);
    QVERIFY2(c.reason.contains(QStringLiteral("emulated")), qPrintable(c.reason));

    c = choosePrecision(QStringLiteral("half"), avx);
    QVERIFY(c.setting.isEmpty());
    QVERIFY2(c.reason.contains(QStringLiteral("unknown precision \"half\"")), qPrintable(c.reason));
    TrainConfig cfg;
    cfg.precision = QStringLiteral("half");
    QVERIFY(cfg.validate().contains(QStringLiteral("auto, fp32 or bf16")));
    // A config without the key (runs from before) reads as auto.
    QCOMPARE(TrainConfig::fromJson(QJsonObject{}).precision, QStringLiteral("auto"));
}

void TestPrecision::bf16StepIsCloseToTheFloat32Step()
{
    torch::manual_seed(5);
    const torch::Tensor images = torch::randn({8, 3, 64, 64});
    const torch::Tensor labels = torch::tensor({0, 1, 2, 0, 1, 2, 0, 1});
    const Step fp32 = oneStep({false, false}, images, labels);
    const Step bf16 = oneStep({true, false}, images, labels);
    const Step bf16cl = oneStep({true, true}, images, labels);
    const Step fp32cl = oneStep({false, true}, images, labels);
    QVERIFY2(fp32.grad.defined() && bf16.grad.defined() && bf16cl.grad.defined() && fp32cl.grad.defined(),
             "a parameter or gradient left float32");

    // bfloat16 really computed (not silently float32), and stays close: its 8-bit mantissa gives
    // relative errors of about 0.4 % per value.
    QVERIFY2(bf16.loss != fp32.loss, "the bf16 step computed exactly the float32 loss: autocast did nothing");
    QVERIFY2(std::abs(bf16.loss - fp32.loss) / fp32.loss < 0.02, qPrintable(QStringLiteral("%1 vs %2").arg(bf16.loss).arg(fp32.loss)));
    QVERIFY2(std::abs(bf16cl.loss - fp32.loss) / fp32.loss < 0.02, qPrintable(QStringLiteral("%1 vs %2").arg(bf16cl.loss).arg(fp32.loss)));
    const auto cosine = [](const torch::Tensor &a, const torch::Tensor &b) {
        return (a * b).sum().item<double>() / (a.norm().item<double>() * b.norm().item<double>());
    };
    // The gradient points the same way (a fresh network's gradients are small and noisy, and
    // bfloat16 rounds every activation on the way back: about 0.94 here, against 0 for a broken
    // backward pass).
    QVERIFY2(cosine(fp32.grad, bf16.grad) > 0.9, qPrintable(QString::number(cosine(fp32.grad, bf16.grad))));
    QVERIFY2(cosine(fp32.grad, bf16cl.grad) > 0.9, qPrintable(QString::number(cosine(fp32.grad, bf16cl.grad))));
    // Channels-last alone changes the order of sums, not the precision.
    QVERIFY2(std::abs(fp32cl.loss - fp32.loss) / fp32.loss < 1e-4, qPrintable(QStringLiteral("%1 vs %2").arg(fp32cl.loss).arg(fp32.loss)));
}

void TestPrecision::channelsLastKeepsValuesAndNames()
{
    torch::manual_seed(2);
    auto model = makeModel({"resnet18", 4, 3});
    const auto before = namedState(*model);
    std::vector<torch::Tensor> copies;
    for (const auto &[name, t] : before)
        copies.push_back(t.clone());
    model->setComputeMode({false, true});
    const auto after = namedState(*model);
    QCOMPARE(after.size(), before.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
        QCOMPARE(after[i].first, before[i].first);
        QVERIFY2(torch::equal(after[i].second, copies[i]), after[i].first.c_str());
    }
    QVERIFY(model->named_parameters()["conv1.weight"].is_contiguous(at::MemoryFormat::ChannelsLast));

    // Weights saved from a channels-last model load into a plain one and predict the same.
    const std::string file = m_dir.filePath(QStringLiteral("cl.pt")).toStdString();
    saveWeights(*model, file);
    auto plain = makeModel({"resnet18", 4, 3});
    importWeights(*plain, file);
    model->eval();
    plain->eval();
    torch::NoGradGuard noGrad;
    const torch::Tensor x = torch::randn({2, 3, 32, 32});
    QVERIFY(torch::allclose(model->forward(x), plain->forward(x), 1e-4, 1e-5));
}

void TestPrecision::checkpointsStayFloat32AndResumeAcrossPrecisions()
{
    const Dataset ds = load(m_shapes);
    const QString run = m_dir.filePath(QStringLiteral("run-bf16"));
    TrainConfig cfg = tinyConfig(QStringLiteral("bf16"));
    cfg.epochs = 1;
    const TrainResult first = Trainer(ds, cfg, run).run();
    QVERIFY2(first.outcome == TrainOutcome::Completed, qPrintable(first.message));
    QCOMPARE(computeOf(run).value(QStringLiteral("precision")).toString(), QStringLiteral("bf16"));
    QCOMPARE(runfolder::readConfig(run).value(QStringLiteral("precision")).toString(), QStringLiteral("bf16"));
    QVERIFY(!first.notes.filter(QStringLiteral("precision bf16")).isEmpty());

    // Every tensor of the checkpoint (weights, batch-norm statistics, optimizer state) is float32
    // (or the integer step counters), so it loads anywhere.
    torch::serialize::InputArchive in;
    in.load_from(runfolder::lastCheckpointPath(run).toStdString());
    int floats = 0;
    QStringList others;
    std::function<void(torch::serialize::InputArchive &, const std::string &)> visit =
        [&](torch::serialize::InputArchive &archive, const std::string &prefix) {
            for (const std::string &key : archive.keys()) {
                torch::Tensor t;
                torch::serialize::InputArchive child;
                if (archive.try_read(key, t)) {
                    if (t.scalar_type() == torch::kFloat)
                        ++floats;
                    else if (t.scalar_type() != torch::kLong && t.scalar_type() != torch::kDouble
                             && t.scalar_type() != torch::kUInt8)
                        others << QString::fromStdString(prefix + key);
                } else if (archive.try_read(key, child)) {
                    visit(child, prefix + key + ".");
                }
            }
        };
    visit(in, {});
    QVERIFY2(others.isEmpty(), qPrintable(others.join(QLatin1Char(' '))));
    QVERIFY2(floats > 100, qPrintable(QString::number(floats))); // weights, statistics and Adam's moments
    auto plain = makeModel({"resnet18", 2, 3});
    importWeights(*plain, runfolder::lastCheckpointPath(run).toStdString());

    // The same run continues in float32, and back in bfloat16.
    cfg.epochs = 2;
    cfg.precision = QStringLiteral("fp32");
    Trainer second(ds, cfg, run);
    second.setResume(true);
    const TrainResult r2 = second.run();
    QVERIFY2(r2.outcome == TrainOutcome::Completed, qPrintable(r2.message));
    QCOMPARE(int(r2.history.size()), 2);
    QVERIFY(std::isfinite(r2.history[1].trainLoss) && std::isfinite(r2.history[1].devLoss));
    QCOMPARE(computeOf(run).value(QStringLiteral("precision")).toString(), QStringLiteral("fp32"));

    cfg.epochs = 3;
    cfg.precision = QStringLiteral("bf16");
    Trainer third(ds, cfg, run);
    third.setResume(true);
    const TrainResult r3 = third.run();
    QVERIFY2(r3.outcome == TrainOutcome::Completed, qPrintable(r3.message));
    QCOMPARE(int(runfolder::readMetrics(run).size()), 3);
    // Three epochs of Adam on two easy shapes: the loss falls whatever each epoch computed in.
    QVERIFY2(r3.history[2].trainLoss < r3.history[0].trainLoss,
             qPrintable(QStringLiteral("%1 -> %2").arg(r3.history[0].trainLoss).arg(r3.history[2].trainLoss)));
}

void TestPrecision::divergenceStillStopsABf16Run()
{
    const Dataset ds = load(m_shapes);
    TrainConfig cfg = tinyConfig(QStringLiteral("bf16"));
    cfg.optimizer = QStringLiteral("sgd");
    cfg.learningRate = 1e6;
    const TrainResult r = Trainer(ds, cfg, m_dir.filePath(QStringLiteral("run-diverge"))).run();
    QCOMPARE(r.outcome, TrainOutcome::Diverged);
    QVERIFY2(r.message.contains(QStringLiteral("training diverged")), qPrintable(r.message));
}

void TestPrecision::evaluationInBf16MatchesFloat32()
{
    const Dataset ds = load(m_shapes);
    const QString run = m_dir.filePath(QStringLiteral("run-fp32"));
    TrainConfig cfg = tinyConfig(QStringLiteral("fp32"));
    cfg.epochs = 3;
    const TrainResult r = Trainer(ds, cfg, run).run();
    QVERIFY2(r.outcome == TrainOutcome::Completed, qPrintable(r.message));

    const RunEvaluation fp32 = evaluateRun(run, ds, {}, 2, nullptr, QStringLiteral("fp32"));
    const RunEvaluation bf16 = evaluateRun(run, ds, {}, 2, nullptr, QStringLiteral("bf16"));
    QCOMPARE(fp32.precision, QStringLiteral("fp32"));
    QCOMPARE(bf16.precision, QStringLiteral("bf16"));
    QCOMPARE(bf16.images, fp32.images);
    // The stated tolerance: every class probability within 0.05, the mean loss within 5 % (or
    // 0.01 when it is small), and at most one image of the 32 answered otherwise.
    double largest = 0;
    int different = 0;
    bool anyDifference = false;
    for (std::size_t i = 0; i < fp32.predictions.items.size(); ++i) {
        const Prediction &a = fp32.predictions.items[i];
        const Prediction &b = bf16.predictions.items[i];
        QCOMPARE(a.path, b.path);
        different += a.predicted != b.predicted;
        for (std::size_t k = 0; k < a.probabilities.size(); ++k) {
            largest = std::max(largest, double(std::abs(a.probabilities[k] - b.probabilities[k])));
            anyDifference = anyDifference || a.probabilities[k] != b.probabilities[k];
        }
    }
    QVERIFY2(anyDifference, "bf16 evaluation gave float32's probabilities bit for bit: autocast did nothing");
    QVERIFY2(largest < 0.05, qPrintable(QString::number(largest)));
    QVERIFY(different <= 1);
    QVERIFY2(std::abs(bf16.loss - fp32.loss) < std::max(0.01, 0.05 * fp32.loss),
             qPrintable(QStringLiteral("%1 vs %2").arg(bf16.loss).arg(fp32.loss)));

    // The overfit check reports its precision too.
    OverfitOptions o;
    o.imageSize = 32;
    o.maxSteps = 2;
    o.threads = 2;
    o.precision = QStringLiteral("fp32");
    QCOMPARE(runOverfitCheck(ds, o).precision, QStringLiteral("fp32"));
    o.precision = QStringLiteral("fast");
    QVERIFY_EXCEPTION_THROWN(runOverfitCheck(ds, o), DatasetError);
}

void TestPrecision::commandLine()
{
    const QString run = m_dir.filePath(QStringLiteral("run-fp32"));
    test::CliRun r = test::runCli({QStringLiteral("eval"), run, m_shapes, QStringLiteral("--json"),
                                   QStringLiteral("--precision"), QStringLiteral("bf16"), QStringLiteral("--threads"),
                                   QStringLiteral("2")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("precision")).toString(), QStringLiteral("bf16"));
    QVERIFY2(r.err.contains("precision bf16"), r.err.constData());

    r = test::runCli({QStringLiteral("train"), m_shapes, QStringLiteral("--out"), m_dir.filePath(QStringLiteral("x")),
                      QStringLiteral("--precision"), QStringLiteral("half")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("unknown precision \"half\""), r.err.constData());

    // LOUPE_NO_BF16=1 makes the CPU report no bfloat16: auto falls back to float32 and says why.
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LOUPE_NO_BF16"), QStringLiteral("1"));
    p.setProcessEnvironment(env);
    const QString fallback = m_dir.filePath(QStringLiteral("run-fallback"));
    p.start(QStringLiteral(LOUPE_CLI), {QStringLiteral("train"), m_shapes, QStringLiteral("--out"), fallback,
                                        QStringLiteral("--image-size"), QStringLiteral("32"), QStringLiteral("--epochs"),
                                        QStringLiteral("1"), QStringLiteral("--max-steps"), QStringLiteral("2"),
                                        QStringLiteral("--batch"), QStringLiteral("8"), QStringLiteral("--threads"),
                                        QStringLiteral("2")});
    QVERIFY(p.waitForFinished(120000));
    const QByteArray err = p.readAllStandardError();
    QVERIFY2(p.exitCode() == 0, err.constData());
    QVERIFY2(err.contains("float32, since the CPU has no bfloat16 instructions"), err.constData());
    QCOMPARE(computeOf(fallback).value(QStringLiteral("precision")).toString(), QStringLiteral("fp32"));
    QCOMPARE(computeOf(fallback).value(QStringLiteral("cpu_bf16")).toString(), QStringLiteral("none"));

    // Without it, auto takes bfloat16 wherever the CPU has it.
    if (!cpuBf16Support().any())
        QSKIP("this CPU has no bfloat16 instructions: the bfloat16 side of auto is not tried here");
    const QString automatic = m_dir.filePath(QStringLiteral("run-auto"));
    r = test::runCli({QStringLiteral("train"), m_shapes, QStringLiteral("--out"), automatic, QStringLiteral("--image-size"),
                      QStringLiteral("32"), QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--max-steps"),
                      QStringLiteral("2"), QStringLiteral("--batch"), QStringLiteral("8"), QStringLiteral("--threads"),
                      QStringLiteral("2")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.err.contains("precision auto: bfloat16 autocast"), r.err.constData());
    QCOMPARE(computeOf(automatic).value(QStringLiteral("precision")).toString(), QStringLiteral("bf16"));
}

QTEST_GUILESS_MAIN(TestPrecision)
#include "tst_precision.moc"
