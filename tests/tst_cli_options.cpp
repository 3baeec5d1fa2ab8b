// loupe-cli's option parsing without a process: how train and overfit-check options become a
// config, and that every bad value is refused with a message naming its option (exit 2 lines).

#include "cli/Command.h"
#include "cli/OverfitCheckOptions.h"
#include "cli/TrainOptions.h"

#include <QtTest>

using namespace loupe;
using namespace loupe::cli;

class TestCliOptions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void trainOptionsFillTheConfig();
    void trainOptionsKeepWhatIsNotGiven();
    void badTrainValuesNameTheOption_data();
    void badTrainValuesNameTheOption();
    void overfitCheckOptions();
    void badOverfitCheckValuesNameTheOption_data();
    void badOverfitCheckValuesNameTheOption();
    void unknownOptionAndMissingValueFailParsing();
};

namespace {

// Parses `args` (after the command name) the way runCommand does.
bool parse(QCommandLineParser &p, const QStringList &args)
{
    return p.parse(QStringList{QStringLiteral("loupe-cli")} + args);
}

} // namespace

void TestCliOptions::trainOptionsFillTheConfig()
{
    const TrainOptions options;
    QCommandLineParser p;
    options.declare(p);
    QVERIFY(parse(p, {"data", "--out", "run", "--model", "resnet34", "--image-size", "96", "--channels", "1",
                      "--epochs", "7", "--batch", "4", "--lr", "0.5", "--optimizer", "adamw", "--momentum", "0.8",
                      "--weight-decay", "1e-4", "--schedule", "cosine", "--warmup", "2", "--augment", "none",
                      "--class-weights", "1,2.5", "--early-stop", "3", "--init", "w.pt", "--threads", "2",
                      "--loader-threads", "3", "--seed", "42", "--dev-fraction", "0.25", "--max-steps", "5"}));
    TrainConfig cfg;
    QCOMPARE(options.apply(p, &cfg), QString());
    QCOMPARE(cfg.model, QStringLiteral("resnet34"));
    QCOMPARE(cfg.imageSize, 96);
    QCOMPARE(cfg.channels, 1);
    QCOMPARE(cfg.epochs, 7);
    QCOMPARE(cfg.batchSize, 4);
    QCOMPARE(cfg.learningRate, 0.5);
    QCOMPARE(cfg.optimizer, QStringLiteral("adamw"));
    QCOMPARE(cfg.momentum, 0.8);
    QCOMPARE(cfg.weightDecay, 1e-4);
    QCOMPARE(cfg.schedule, QStringLiteral("cosine"));
    QCOMPARE(cfg.warmupEpochs, 2);
    QCOMPARE(cfg.augmentFile, QStringLiteral("none"));
    QCOMPARE(cfg.classWeights, QStringLiteral("explicit"));
    QCOMPARE(cfg.explicitClassWeights, (std::vector<double>{1.0, 2.5}));
    QCOMPARE(cfg.earlyStopPatience, 3);
    QCOMPARE(cfg.initWeights, QStringLiteral("w.pt"));
    QCOMPARE(cfg.threads, 2);
    QCOMPARE(cfg.loaderThreads, 3);
    QCOMPARE(cfg.seed, quint64(42));
    QCOMPARE(cfg.devFraction, 0.25);
    QCOMPARE(cfg.maxStepsPerEpoch, 5);
    QCOMPARE(p.value(options.out), QStringLiteral("run"));
}

void TestCliOptions::trainOptionsKeepWhatIsNotGiven()
{
    // A resumed run's config stays as it was except for what the command line names.
    const TrainOptions options;
    QCommandLineParser p;
    options.declare(p);
    QVERIFY(parse(p, {"data", "--out", "run", "--resume", "--epochs", "12"}));
    TrainConfig cfg;
    cfg.model = QStringLiteral("vgg16");
    cfg.learningRate = 0.003;
    cfg.seed = 9;
    cfg.classWeights = QStringLiteral("auto");
    QCOMPARE(options.apply(p, &cfg), QString());
    QCOMPARE(cfg.epochs, 12);
    QCOMPARE(cfg.model, QStringLiteral("vgg16"));
    QCOMPARE(cfg.learningRate, 0.003);
    QCOMPARE(cfg.seed, quint64(9));
    QCOMPARE(cfg.classWeights, QStringLiteral("auto"));
    QVERIFY(p.isSet(options.resume));
}

void TestCliOptions::badTrainValuesNameTheOption_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString number = QStringLiteral("expects a whole number of ");
    QTest::newRow("image size too small") << QStringList{"--image-size", "15"} << "--image-size " + number + "16";
    QTest::newRow("image size not a number") << QStringList{"--image-size", "big"} << "--image-size " + number + "16";
    QTest::newRow("no channels") << QStringList{"--channels", "0"} << "--channels " + number + "1";
    QTest::newRow("no epochs") << QStringList{"--epochs", "0"} << "--epochs " + number + "1";
    QTest::newRow("fractional batch") << QStringList{"--batch", "2.5"} << "--batch " + number + "1";
    QTest::newRow("negative warm-up") << QStringList{"--warmup", "-1"} << "--warmup " + number + "0";
    QTest::newRow("negative patience") << QStringList{"--early-stop", "-2"} << "--early-stop " + number + "0";
    QTest::newRow("negative threads") << QStringList{"--threads", "-1"} << "--threads " + number + "0";
    QTest::newRow("no loader threads") << QStringList{"--loader-threads", "0"} << "--loader-threads " + number + "1";
    QTest::newRow("steps not a number") << QStringList{"--max-steps", "x"} << "--max-steps " + number + "0";
    QTest::newRow("learning rate not a number") << QStringList{"--lr", "fast"} << "--lr expects a number, got \"fast\"";
    QTest::newRow("momentum not a number") << QStringList{"--momentum", "m"} << "--momentum expects a number";
    QTest::newRow("weight decay not a number") << QStringList{"--weight-decay", "w"} << "--weight-decay expects a number";
    QTest::newRow("dev fraction not a number") << QStringList{"--dev-fraction", "half"} << "--dev-fraction expects a number";
    QTest::newRow("negative seed") << QStringList{"--seed", "-1"} << "--seed expects a whole number, got \"-1\"";
    QTest::newRow("class weight not a number") << QStringList{"--class-weights", "1,x"} << "--class-weights expects";
    QTest::newRow("negative class weight") << QStringList{"--class-weights", "1,-2"} << "--class-weights expects";
    // Values of the right type that no run can use: the config's own check says which.
    QTest::newRow("unknown optimizer") << QStringList{"--optimizer", "rmsprop"} << "rmsprop";
    QTest::newRow("unknown model") << QStringList{"--model", "alexnet"} << "alexnet";
    QTest::newRow("dev fraction above one") << QStringList{"--dev-fraction", "2"} << "dev fraction";
}

void TestCliOptions::badTrainValuesNameTheOption()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const TrainOptions options;
    QCommandLineParser p;
    options.declare(p);
    QVERIFY(parse(p, QStringList{"data", "--out", "run"} + args));
    TrainConfig cfg;
    const QString error = options.apply(p, &cfg);
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY2(!error.contains(QLatin1Char('\n')), "one line on stderr");
}

void TestCliOptions::overfitCheckOptions()
{
    const OverfitCheckOptions options;
    QCommandLineParser p;
    options.declare(p);
    QVERIFY(parse(p, {"data"}));
    OverfitOptions defaults;
    QCOMPARE(options.apply(p, &defaults), QString());
    QCOMPARE(defaults.model, QStringLiteral("resnet18"));
    QCOMPARE(defaults.images, 5);
    QCOMPARE(defaults.imageSize, 64);
    QCOMPARE(defaults.channels, 3);
    QCOMPARE(defaults.maxSteps, 300);
    QCOMPARE(defaults.seed, quint64(0));

    QCommandLineParser q;
    options.declare(q);
    QVERIFY(parse(q, {"data", "--model", "resnet34", "--images", "8", "--image-size", "40", "--channels", "1",
                      "--max-steps", "20", "--seed", "3", "--threads", "1"}));
    OverfitOptions o;
    QCOMPARE(options.apply(q, &o), QString());
    QCOMPARE(o.model, QStringLiteral("resnet34"));
    QCOMPARE(o.images, 8);
    QCOMPARE(o.imageSize, 40);
    QCOMPARE(o.channels, 1);
    QCOMPARE(o.maxSteps, 20);
    QCOMPARE(o.seed, quint64(3));
    QCOMPARE(o.threads, 1);
}

void TestCliOptions::badOverfitCheckValuesNameTheOption_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("one image") << QStringList{"--images", "1"} << "--images expects a whole number of 2 or more";
    QTest::newRow("tiny images") << QStringList{"--image-size", "8"} << "--image-size expects a whole number of 32";
    QTest::newRow("no steps") << QStringList{"--max-steps", "0"} << "--max-steps expects a whole number of 1";
    QTest::newRow("seed") << QStringList{"--seed", "x"} << "--seed expects a whole number";
    QTest::newRow("unknown model") << QStringList{"--model", "alexnet"} << "alexnet";
}

void TestCliOptions::badOverfitCheckValuesNameTheOption()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const OverfitCheckOptions options;
    QCommandLineParser p;
    options.declare(p);
    QVERIFY(parse(p, QStringList{"data"} + args));
    OverfitOptions o;
    const QString error = options.apply(p, &o);
    QVERIFY2(error.contains(message), qPrintable(error));
}

void TestCliOptions::unknownOptionAndMissingValueFailParsing()
{
    // runCommand turns these into exit 2 with the parser's one-line message.
    const TrainOptions options;
    QCommandLineParser p;
    options.declare(p);
    QVERIFY(!parse(p, {"data", "--out", "run", "--fast"}));
    QVERIFY(p.errorText().contains(QStringLiteral("fast")));
    QCommandLineParser q;
    options.declare(q);
    QVERIFY(!parse(q, {"data", "--out"}));
    QVERIFY(q.errorText().contains(QStringLiteral("out")));
}

QTEST_GUILESS_MAIN(TestCliOptions)
#include "tst_cli_options.moc"
