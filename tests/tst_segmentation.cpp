// Semantic segmentation end to end on tiny images: the segmenter's full-resolution output, masks that
// move with the pixels through the pipeline and the loader's tiles, tiled predictions stitched by
// averaging, a training run whose loss falls and whose metrics.jsonl holds the segmentation figures,
// a five-image overfit check that must pass, and the CLI's eval --json and --predictions masks.

#include "TestUtil.h"

#include "augment/Pipeline.h"
#include "dataset/Importers.h"
#include "dataset/Masks.h"
#include "eval/MaskStitcher.h"
#include "eval/RunEvaluation.h"
#include "loader/DataLoader.h"
#include "model/Segmenter.h"
#include "project/Ranking.h"
#include "project/RunFolder.h"
#include "train/OverfitCheck.h"
#include "train/Trainer.h"
#include "train/TrainingTask.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <random>

using namespace loupe;
using namespace loupe::test;

namespace {

/// `count` images of size × size in images/ with masks/ of the same stem and a classes.txt: grey
/// noise, a bright square ("spot", value 1) and a thin dark line two pixels wide ("scratch", value 2).
QString writeMaskFolders(const QString &root, int count, int size, int seed)
{
    QDir().mkpath(root + QStringLiteral("/images"));
    QDir().mkpath(root + QStringLiteral("/masks"));
    std::mt19937 rng(seed);
    for (int i = 0; i < count; ++i) {
        cv::Mat image(size, size, CV_8UC3);
        cv::randu(image, cv::Scalar(90, 90, 90), cv::Scalar(130, 130, 130));
        cv::Mat mask = cv::Mat::zeros(size, size, CV_8U);
        const int side = size / 6 + int(rng() % unsigned(size / 8));
        const int x = int(rng() % unsigned(size / 2 - side)) + 2, y = int(rng() % unsigned(size - side - 4)) + 2;
        cv::rectangle(image, cv::Rect(x, y, side, side), cv::Scalar(235, 235, 235), cv::FILLED);
        cv::rectangle(mask, cv::Rect(x, y, side, side), cv::Scalar(1), cv::FILLED);
        // The scratch: a diagonal line on the right half, drawn the same way in image and mask.
        const cv::Point a(size / 2 + 2 + int(rng() % unsigned(size / 8)), 3 + int(rng() % unsigned(size / 6)));
        const cv::Point b(size - 4 - int(rng() % unsigned(size / 8)), size - 4 - int(rng() % unsigned(size / 6)));
        cv::line(image, a, b, cv::Scalar(20, 20, 20), 2, cv::LINE_8);
        cv::line(mask, a, b, cv::Scalar(2), 2, cv::LINE_8);
        const QString stem = QStringLiteral("%1").arg(i, 3, 10, QLatin1Char('0'));
        cv::imwrite(QString(root + QStringLiteral("/images/") + stem + QStringLiteral(".png")).toStdString(), image);
        cv::imwrite(QString(root + QStringLiteral("/masks/") + stem + QStringLiteral(".png")).toStdString(), mask);
    }
    QFile classes(root + QStringLiteral("/classes.txt"));
    if (!classes.open(QIODevice::WriteOnly))
        qFatal("cannot write classes.txt");
    classes.write("background\nspot\nscratch\n");
    return root;
}

cv::Mat readGrey(const QString &file)
{
    return cv::imread(file.toStdString(), cv::IMREAD_UNCHANGED);
}

} // namespace

class TestSegmentation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(2); }

    void segmenterGivesLogitsAtFullResolution()
    {
        SegmenterSpec spec;
        spec.numClasses = 3;
        const auto model = makeSegmenter(spec);
        model->eval();
        torch::NoGradGuard noGrad;
        QCOMPARE(model->forward(torch::rand({2, 3, 64, 64})).sizes().vec(), (std::vector<int64_t>{2, 3, 64, 64}));
        // Sides that are not multiples of 32 come back as they went in.
        QCOMPARE(model->forward(torch::rand({1, 3, 72, 100})).sizes().vec(), (std::vector<int64_t>{1, 3, 72, 100}));
        // bfloat16 autocast computes inside, float32 comes out.
        model->setComputeMode(ComputeMode{true, false});
        QCOMPARE(model->forward(torch::rand({1, 3, 64, 64})).scalar_type(), torch::kFloat32);
        // The encoder has torchvision's names under backbone.body., as a detector's does.
        bool found = false;
        for (const auto &[name, tensor] : namedState(*model))
            found = found || name == "backbone.body.layer4.1.conv2.weight";
        QVERIFY(found);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, makeSegmenter(SegmenterSpec{"vgg16", 3, 3}));
    }

    void flipMovesTheMaskWithTheImage()
    {
        // A 4×3 mask with one class-1 pixel at the top left: a left–right flip puts it at the top right.
        cv::Mat labels = cv::Mat::zeros(3, 4, CV_8U);
        labels.at<uchar>(0, 0) = 1;
        labels.at<uchar>(2, 1) = 2;
        const Pipeline flip = Pipeline::fromJson(R"({"steps": [{"type": "hflip", "probability": 1}]})");
        const AugmentedImage out = flip.apply(labels * 100, {}, labels, 1);
        QCOMPARE(int(out.labels.at<uchar>(0, 3)), 1);
        QCOMPARE(int(out.labels.at<uchar>(2, 2)), 2);
        QCOMPARE(cv::countNonZero(out.labels), 2);
        // A crop reaching past the edge: the padding is ignored (255), never background.
        const Pipeline crop = Pipeline::fromJson(R"({"steps": [{"type": "crop", "x": 2, "y": 1, "width": 4, "height": 3}]})");
        const AugmentedImage cut = crop.apply(labels * 100, {}, labels, 1);
        QCOMPARE(cut.labels.size(), cv::Size(4, 3));
        QCOMPARE(int(cut.labels.at<uchar>(0, 0)), 0);   // (2, 1) of the original
        QCOMPARE(int(cut.labels.at<uchar>(1, 3)), 255); // column 5: outside
        QCOMPARE(int(cut.labels.at<uchar>(2, 0)), 255); // row 3: outside
    }

    void everyGeometricStepMovesTheMaskWithThePixels()
    {
        // The image is the mask times 60: after the steps each pixel must still be its mask value times
        // 60, except where the steps padded (mask 255, image 0).
        cv::Mat labels(48, 64, CV_8U);
        for (int y = 0; y < labels.rows; ++y)
            for (int x = 0; x < labels.cols; ++x)
                labels.at<uchar>(y, x) = uchar(((x / 5) + 2 * (y / 7)) % 4);
        const cv::Mat image = labels * 60;
        const Pipeline p = Pipeline::fromJson(R"({"steps": [
            {"type": "hflip"}, {"type": "rotate90"}, {"type": "vflip"},
            {"type": "crop", "x": 10, "y": 20, "width": 50, "height": 50},
            {"type": "translate", "max_fraction": 0.2, "border": "constant", "border_value": 0},
            {"type": "tile", "rows": 2, "cols": 2, "index": 1},
            {"type": "resize", "width": 40, "height": 30, "interpolation": "nearest"}]})");
        int padded = 0;
        for (std::uint64_t seed = 1; seed <= 6; ++seed) {
            const AugmentedImage out = p.apply(image, {}, labels, seed);
            QCOMPARE(out.labels.size(), out.image.size());
            QCOMPARE(out.labels.size(), cv::Size(40, 30));
            for (int y = 0; y < out.labels.rows; ++y)
                for (int x = 0; x < out.labels.cols; ++x) {
                    const int l = out.labels.at<uchar>(y, x), v = out.image.at<uchar>(y, x);
                    if (l == 255) {
                        ++padded;
                        QCOMPARE(v, 0);
                    } else {
                        QCOMPARE(v, l * 60);
                    }
                }
        }
        QVERIFY(padded > 0);
    }

    void loaderCutsTheTileAndFlipsTheMask()
    {
        // 64×64 grey images whose grey value is the mask value times 100.
        QTemporaryDir dir;
        const QString root = dir.path();
        QDir().mkpath(root + QStringLiteral("/images"));
        QDir().mkpath(root + QStringLiteral("/masks"));
        cv::Mat mask = cv::Mat::zeros(64, 64, CV_8U);
        cv::rectangle(mask, cv::Rect(20, 10, 9, 5), cv::Scalar(1), cv::FILLED);
        cv::line(mask, cv::Point(30, 12), cv::Point(60, 50), cv::Scalar(2), 1);
        cv::imwrite(QString(root + QStringLiteral("/images/a.png")).toStdString(), cv::Mat(mask * 100));
        cv::imwrite(QString(root + QStringLiteral("/masks/a.png")).toStdString(), mask);
        QFile classes(root + QStringLiteral("/classes.txt"));
        QVERIFY(classes.open(QIODevice::WriteOnly));
        classes.write("background\nspot\nscratch\n");
        classes.close();
        const Dataset ds = importers::importMaskFolders(root);
        QCOMPARE(ds.samples.size(), std::size_t(1));

        LoaderOptions lo;
        lo.batchSize = 1;
        lo.imageSize = 32;
        lo.channels = 1;
        lo.shuffle = false;
        lo.threads = 1;
        DataLoader loader(ds, {0}, Pipeline::fromJson(R"({"steps": [{"type": "hflip", "probability": 1}]})"), lo);
        const QRect tile(16, 8, 32, 32);
        loader.setRegions({tile});
        loader.setClassMasks(true);
        loader.startEpoch(0);
        Batch batch;
        QVERIFY(loader.next(batch));
        QCOMPARE(batch.masks.sizes().vec(), (std::vector<int64_t>{1, 32, 32}));
        cv::Mat expected;
        cv::flip(mask(cv::Rect(tile.x(), tile.y(), tile.width(), tile.height())), expected, 1);
        int defect = 0;
        for (int y = 0; y < 32; ++y)
            for (int x = 0; x < 32; ++x) {
                const int want = expected.at<uchar>(y, x);
                defect += want != 0;
                QCOMPARE(int(batch.masks[0][y][x].item<int64_t>()), want);
                QCOMPARE(int(std::lround(batch.images[0][0][y][x].item<float>() * 255.0f)), want * 100);
            }
        QVERIFY(defect > 20);
    }

    void tiledPredictionsAreStitchedByAveraging()
    {
        // A 10×4 image in two 6×4 tiles overlapping in columns 4 and 5.
        MaskStitcher stitcher(cv::Size(10, 4), 2);
        const auto constant = [](float background) {
            return std::vector<cv::Mat>{cv::Mat(4, 6, CV_32F, cv::Scalar(background)),
                                        cv::Mat(4, 6, CV_32F, cv::Scalar(1.0f - background))};
        };
        stitcher.add(cv::Rect(0, 0, 6, 4), constant(0.8f)); // left: background 0.8
        stitcher.add(cv::Rect(4, 0, 6, 4), constant(0.3f)); // right: class 1 at 0.7
        const std::vector<cv::Mat> p = stitcher.probabilities();
        QCOMPARE(p[0].at<float>(1, 0), 0.8f);
        QCOMPARE(p[0].at<float>(1, 4), 0.55f); // (0.8 + 0.3) / 2
        QCOMPARE(p[1].at<float>(1, 5), 0.45f);
        QCOMPARE(p[0].at<float>(1, 9), 0.3f);
        QCOMPARE(stitcher.coverage().at<float>(0, 5), 2.0f);
        const cv::Mat labels = stitcher.labels();
        for (int x = 0; x < 10; ++x)
            QCOMPARE(int(labels.at<uchar>(2, x)), x < 6 ? 0 : 1);

        // Tiles seen at the model's input size are resized to their place; a region of interest
        // leaves the rest uncovered.
        MaskStitcher roi(cv::Size(8, 8), 2);
        cv::Mat small(2, 2, CV_32F, cv::Scalar(0.0f));
        cv::Mat high(2, 2, CV_32F, cv::Scalar(1.0f));
        roi.add(cv::Rect(2, 2, 4, 4), {small, high});
        const cv::Mat l = roi.labels();
        QCOMPARE(cv::countNonZero(l == 1), 16);
        QCOMPARE(cv::countNonZero(l == MaskStitcher::kUncovered), 64 - 16);
    }

    void maskDatasetTrainsASegmenterWhoseLossFalls()
    {
        QTemporaryDir dir;
        const Dataset ds = importers::importMaskFolders(writeMaskFolders(dir.path(), 10, 64, 4));
        QCOMPARE(defaultTask(ds), QStringLiteral("segment"));
        TrainConfig cfg; // no task: the mask layout decides
        cfg.imageSize = 64;
        cfg.epochs = 4;
        cfg.batchSize = 4;
        cfg.optimizer = QStringLiteral("adam");
        cfg.learningRate = 2e-3;
        cfg.classWeights = QStringLiteral("auto");
        cfg.devFraction = 0.2;
        cfg.threads = 2;
        cfg.precision = QStringLiteral("fp32");
        const QString runDir = dir.filePath(QStringLiteral("run"));
        Trainer trainer(ds, cfg, runDir);
        const TrainResult result = trainer.run();
        QVERIFY2(result.outcome == TrainOutcome::Completed, qPrintable(result.message));
        const QString notes = result.notes.join(QLatin1Char('\n'));
        QVERIFY2(notes.contains(QStringLiteral("class weights (1 / ln(1.02 + pixel share))")), qPrintable(notes));

        const QJsonObject config = runfolder::readConfig(runDir);
        QCOMPARE(config.value(QStringLiteral("task")).toString(), QStringLiteral("segment"));
        const QJsonArray weights
            = config.value(QStringLiteral("segmentation")).toObject().value(QStringLiteral("class_weights")).toArray();
        QCOMPARE(weights.size(), 3);
        QVERIFY(weights[2].toDouble() > weights[1].toDouble()); // the thin scratch is the rarest
        QVERIFY(weights[1].toDouble() > weights[0].toDouble());

        const std::vector<EpochMetrics> history = runfolder::readMetrics(runDir);
        QCOMPARE(int(history.size()), 4);
        for (const EpochMetrics &m : history) {
            QVERIFY(!m.hasClassMetrics);
            const double miou = m.value(QStringLiteral("dev_miou"), -1);
            QVERIFY(miou >= 0 && miou <= 1);
            QVERIFY(m.value(QStringLiteral("dev_pixel_accuracy"), -1) > 0);
            const double parts = m.value(QStringLiteral("train_loss_ce")) + m.value(QStringLiteral("train_loss_dice"));
            QVERIFY2(std::abs(m.trainLoss - parts) <= 1e-5 * m.trainLoss, qPrintable(QString::number(m.trainLoss - parts)));
        }
        QVERIFY2(history.back().trainLoss < 0.7 * history.front().trainLoss,
                 qPrintable(QStringLiteral("%1 → %2").arg(history.front().trainLoss).arg(history.back().trainLoss)));
        // mIoU ranks segmentation runs.
        QVERIFY(std::isfinite(metricValue(history.back(), RankingMetric::Miou)));
        QCOMPARE(rankingMetricFromKey(QStringLiteral("miou")), std::optional<RankingMetric>(RankingMetric::Miou));

        // The dev images' predicted masks, at each image's size, in class values.
        const QStringList masks = QDir(runDir + QStringLiteral("/masks-dev")).entryList({QStringLiteral("*.png")});
        QCOMPARE(masks.size(), config.value(QStringLiteral("dataset")).toObject().value(QStringLiteral("dev_images")).toInt());
        const cv::Mat first = readGrey(runDir + QStringLiteral("/masks-dev/") + masks.front());
        QCOMPARE(first.size(), cv::Size(64, 64));
        QCOMPARE(first.type(), CV_8UC1);
        double maxValue = 0;
        cv::minMaxLoc(first, nullptr, &maxValue);
        QVERIFY(maxValue <= 2);

        // Evaluation of the run scores every pixel of every image.
        const SegmentationRunEvaluation e = evaluateSegmentationRun(runDir, ds, {}, 2, nullptr, QStringLiteral("fp32"));
        QCOMPARE(e.images, 10);
        QCOMPARE(e.metrics.pixels, quint64(10 * 64 * 64));
        QCOMPARE(e.metrics.perClass.front().name, QStringLiteral("background"));
    }

    void overfitCheckPassesOnFiveImages()
    {
        QTemporaryDir dir;
        const Dataset ds = importers::importMaskFolders(writeMaskFolders(dir.path(), 5, 64, 7));
        OverfitOptions o;
        o.imageSize = 64;
        o.maxSteps = 400;
        o.learningRate = 2e-3;
        o.threads = 2;
        o.precision = QStringLiteral("fp32");
        std::vector<double> losses;
        const OverfitResult r = runOverfitCheck(ds, o, [&](int, double loss) { losses.push_back(loss); });
        QCOMPARE(r.task, QStringLiteral("segment"));
        QVERIFY2(r.passed, qPrintable(r.message + QLatin1Char('\n') + r.imageLines.join(QLatin1Char('\n'))
                                      + QStringLiteral("\nsteps %1").arg(r.steps)));
        QCOMPARE(int(r.imageLines.size()), 5);
        QVERIFY(losses.back() < losses.front() / 5);
        qInfo("overfit: %d steps, final loss %.4f; %s", r.steps, r.finalLoss, qPrintable(r.imageLines.join(QLatin1String("; "))));
    }

    void cliEvaluatesASegmenterAndWritesIndexMasks()
    {
        QTemporaryDir dir;
        const QString data = writeMaskFolders(dir.filePath(QStringLiteral("data")), 6, 64, 11);
        const QString runDir = dir.filePath(QStringLiteral("run"));
        const CliRun train = runCli({QStringLiteral("train"), data, QStringLiteral("--out"), runDir,
                                     QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--image-size"),
                                     QStringLiteral("64"), QStringLiteral("--batch"), QStringLiteral("3"),
                                     QStringLiteral("--optimizer"), QStringLiteral("adam"), QStringLiteral("--lr"),
                                     QStringLiteral("0.002"), QStringLiteral("--tiles"), QStringLiteral("1x2"),
                                     QStringLiteral("--tile-overlap"), QStringLiteral("8"), QStringLiteral("--precision"),
                                     QStringLiteral("fp32")});
        QVERIFY2(train.exitCode == 0, train.err.constData());
        QVERIFY2(train.out.contains("dev mIoU"), train.out.constData());

        const QString predictions = dir.filePath(QStringLiteral("predicted"));
        const CliRun eval = runCli({QStringLiteral("eval"), runDir, data, QStringLiteral("--json"),
                                    QStringLiteral("--predictions"), predictions, QStringLiteral("--precision"),
                                    QStringLiteral("fp32")});
        QVERIFY2(eval.exitCode == 0, eval.err.constData());
        const QJsonObject j = QJsonDocument::fromJson(eval.out).object();
        QCOMPARE(j.value(QStringLiteral("task")).toString(), QStringLiteral("segment"));
        QVERIFY(j.value(QStringLiteral("miou")).isDouble());
        QVERIFY(j.value(QStringLiteral("pixel_accuracy")).toDouble() > 0.5);
        const QJsonArray perClass = j.value(QStringLiteral("per_class")).toArray();
        QCOMPARE(perClass.size(), 3);
        QStringList names;
        for (const QJsonValue &v : perClass) {
            names << v.toObject().value(QStringLiteral("name")).toString();
            QVERIFY(v.toObject().contains(QStringLiteral("iou")) && v.toObject().contains(QStringLiteral("dice")));
        }
        QCOMPARE(names, (QStringList{QStringLiteral("background"), QStringLiteral("spot"), QStringLiteral("scratch")}));

        // One index PNG per image, named by its stem; together they hold exactly the pixels the JSON
        // counts as predicted for each class.
        const QStringList files = QDir(predictions).entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 6);
        QCOMPARE(files.front(), QStringLiteral("000.png"));
        std::vector<qint64> predicted(3, 0);
        for (const QString &f : files) {
            const cv::Mat m = readGrey(QDir(predictions).filePath(f));
            QCOMPARE(m.type(), CV_8UC1);
            QCOMPARE(m.size(), cv::Size(64, 64));
            for (int c = 0; c < 3; ++c)
                predicted[std::size_t(c)] += cv::countNonZero(m == c);
            QCOMPARE(cv::countNonZero(m > 2), 0);
        }
        for (int c = 0; c < 3; ++c)
            QCOMPARE(predicted[std::size_t(c)],
                     qint64(perClass[c].toObject().value(QStringLiteral("predicted_pixels")).toDouble()));

        // Unusable input: one line, exit 2.
        const CliRun badTask = runCli({QStringLiteral("train"), data, QStringLiteral("--out"),
                                       dir.filePath(QStringLiteral("bad")), QStringLiteral("--task"),
                                       QStringLiteral("segmnt")});
        QCOMPARE(badTask.exitCode, 2);
        QVERIFY2(badTask.err.contains("expected classify, detect or segment"), badTask.err.constData());
        QDir().mkpath(dir.filePath(QStringLiteral("folders/a")));
        QDir().mkpath(dir.filePath(QStringLiteral("folders/b")));
        for (const QString &cls : {QStringLiteral("a"), QStringLiteral("b")})
            for (int i = 0; i < 3; ++i)
                cv::imwrite(dir.filePath(QStringLiteral("folders/%1/%2.png").arg(cls).arg(i)).toStdString(),
                            cv::Mat(40, 40, CV_8UC3, cv::Scalar(i * 40, 80, 120)));
        const CliRun noMasks = runCli({QStringLiteral("train"), dir.filePath(QStringLiteral("folders")),
                                       QStringLiteral("--out"), dir.filePath(QStringLiteral("bad2")),
                                       QStringLiteral("--task"), QStringLiteral("segment"), QStringLiteral("--epochs"),
                                       QStringLiteral("1")});
        QCOMPARE(noMasks.exitCode, 2);
        QVERIFY2(noMasks.err.contains("segmentation needs masks"), noMasks.err.constData());
        const CliRun evalFolders
            = runCli({QStringLiteral("eval"), runDir, dir.filePath(QStringLiteral("folders")), QStringLiteral("--json")});
        QCOMPARE(evalFolders.exitCode, 2);
        QVERIFY2(evalFolders.err.contains("no masks"), evalFolders.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestSegmentation)
#include "tst_segmentation.moc"
