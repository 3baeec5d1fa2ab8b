// Object detection end to end on tiny images: the detector's loss and matching, a five-image overfit
// check that must pass, a training run with tiles whose run folder holds the detection figures, the
// CLI's eval with COCO results, and bad boxes named rather than crashing.

#include "TestUtil.h"

#include "dataset/Importers.h"
#include "eval/DetectionEvaluation.h"
#include "eval/DetectionMetrics.h"
#include "eval/RunEvaluation.h"
#include "loader/DataLoader.h"
#include "model/Detector.h"
#include "project/RunFolder.h"
#include "train/OverfitCheck.h"
#include "train/Trainer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgproc.hpp>

#include <random>

using namespace loupe;
using namespace loupe::test;

namespace {

struct Drawn {
    int classId;
    QRectF box;
};

/// `count` images of width × height: grey noise with 1–2 filled squares, red ("spot") or blue
/// ("scratch", a wide bar), written beside a COCO annotations.json. Returns the dataset folder.
QString writeBoxes(const QString &root, int count, int width, int height, int seed, bool zeroAreaBox = false)
{
    QDir().mkpath(root + QStringLiteral("/images"));
    std::mt19937 rng(seed);
    QJsonArray images, annotations;
    int annotationId = 1;
    for (int i = 0; i < count; ++i) {
        cv::Mat m(height, width, CV_8UC3);
        cv::randu(m, cv::Scalar(90, 90, 90), cv::Scalar(130, 130, 130));
        const int objects = 1 + int(rng() % 2);
        std::vector<cv::Rect> placed;
        for (int k = 0; k < objects; ++k) {
            const int cls = int(rng() % 2);
            const int w = cls == 0 ? 10 + int(rng() % 6) : 20 + int(rng() % 8);
            const int h = cls == 0 ? 10 + int(rng() % 6) : 6 + int(rng() % 3);
            int x = 0, y = 0;
            for (int attempt = 0; attempt < 50; ++attempt) { // apart from the others, as separate defects are
                x = int(rng() % unsigned(width - w - 2)) + 1;
                y = int(rng() % unsigned(height - h - 2)) + 1;
                bool apart = true;
                for (const cv::Rect &r : placed)
                    apart = apart && (cv::Rect(x - 4, y - 4, w + 8, h + 8) & r).area() == 0;
                if (apart)
                    break;
            }
            placed.emplace_back(x, y, w, h);
            cv::rectangle(m, cv::Rect(x, y, w, h), cls == 0 ? cv::Scalar(30, 30, 230) : cv::Scalar(230, 60, 30), cv::FILLED);
            annotations.append(QJsonObject{{QStringLiteral("id"), annotationId++},
                                           {QStringLiteral("image_id"), i + 1},
                                           {QStringLiteral("category_id"), cls + 1},
                                           {QStringLiteral("bbox"), QJsonArray{x, y, w, h}},
                                           {QStringLiteral("area"), w * h},
                                           {QStringLiteral("iscrowd"), 0}});
        }
        if (zeroAreaBox && i == 0)
            annotations.append(QJsonObject{{QStringLiteral("id"), annotationId++},
                                           {QStringLiteral("image_id"), i + 1},
                                           {QStringLiteral("category_id"), 1},
                                           {QStringLiteral("bbox"), QJsonArray{5, 5, 0, 4}},
                                           {QStringLiteral("area"), 0},
                                           {QStringLiteral("iscrowd"), 0}});
        const QString name = QStringLiteral("img%1.png").arg(i, 3, 10, QLatin1Char('0'));
        writeMat(root + QStringLiteral("/images/") + name, m);
        images.append(QJsonObject{{QStringLiteral("id"), i + 1},
                                  {QStringLiteral("file_name"), name},
                                  {QStringLiteral("width"), width},
                                  {QStringLiteral("height"), height}});
    }
    const QJsonObject coco{{QStringLiteral("images"), images},
                           {QStringLiteral("annotations"), annotations},
                           {QStringLiteral("categories"),
                            QJsonArray{QJsonObject{{QStringLiteral("id"), 1}, {QStringLiteral("name"), QStringLiteral("spot")}},
                                       QJsonObject{{QStringLiteral("id"), 2}, {QStringLiteral("name"), QStringLiteral("scratch")}}}}};
    writeBytes(root + QStringLiteral("/images/annotations.json"), QJsonDocument(coco).toJson());
    return root + QStringLiteral("/images/annotations.json");
}

Dataset readCoco(const QString &file)
{
    Dataset ds = importDataset(file);
    return ds;
}

} // namespace

class TestDetection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchingGivesEverySmallObjectAnAnchor()
    {
        DetectorSpec spec;
        spec.numClasses = 2;
        spec.anchors.strides = {4, 8, 16, 32, 64};
        spec.anchors.sizes = {8, 16, 32, 64, 128};
        const auto detector = makeDetector(spec);
        detector->eval();
        torch::NoGradGuard noGrad;
        const DetectorOutput out = detector->forward(torch::zeros({1, 3, 64, 64}));
        // 16² + 8² + 4² + 2² + 1² positions, 9 anchors each.
        QCOMPARE(out.anchors.size(0), (256 + 64 + 16 + 4 + 1) * 9);
        QCOMPARE(out.classLogits.size(1), out.anchors.size(0));
        QCOMPARE(out.classLogits.size(2), 2);
        // A 3×3 object overlaps no anchor at IoU 0.5, yet it is matched (its best anchors).
        DetectionTarget t;
        t.boxes = torch::tensor({30.f, 30.f, 33.f, 33.f}).view({1, 4});
        t.classes = torch::tensor({int64_t(1)});
        const DetectionLoss loss = detector->loss(out, {t});
        QVERIFY(loss.positives >= 1);
        QVERIFY(std::isfinite(loss.total.item<double>()));
        // An image without objects has only a classification loss.
        DetectionTarget empty;
        empty.boxes = torch::zeros({0, 4});
        empty.classes = torch::zeros({0}, torch::kInt64);
        const DetectionLoss none = detector->loss(out, {empty});
        QCOMPARE(none.positives, 0);
        QCOMPARE(none.box.item<double>(), 0.0);
        // At initialisation every anchor says background (prior 0.01): nothing is detected above 0.05.
        QVERIFY(detector->decode(out).front().empty());
    }

    void overfitCheckPassesOnFiveImages()
    {
        QTemporaryDir dir;
        const Dataset ds = readCoco(writeBoxes(dir.path(), 5, 96, 96, 3));
        QCOMPARE(ds.classes.size(), 2);
        OverfitOptions o;
        o.imageSize = 96;
        o.maxSteps = 400;
        o.learningRate = 1e-3;
        o.threads = 2;
        o.precision = QStringLiteral("fp32");
        std::vector<double> losses;
        const OverfitResult r = runOverfitCheck(ds, o, [&](int, double loss) { losses.push_back(loss); });
        QCOMPARE(r.task, QStringLiteral("detect"));
        QVERIFY2(r.passed, qPrintable(r.message + QLatin1Char('\n') + r.imageLines.join(QLatin1Char('\n'))));
        QCOMPARE(int(r.imageLines.size()), 5);
        QVERIFY(losses.back() < losses.front() / 10);
    }

    void trainingWithTilesWritesDetectionRun()
    {
        QTemporaryDir dir;
        const Dataset ds = readCoco(writeBoxes(dir.path(), 12, 160, 120, 5, /*zeroAreaBox=*/true));
        TrainConfig cfg;
        cfg.task = QStringLiteral("detect");
        cfg.imageSize = 64;
        cfg.epochs = 2;
        cfg.batchSize = 4;
        cfg.optimizer = QStringLiteral("adam");
        cfg.learningRate = 1e-3;
        cfg.tiles = QStringLiteral("2x2");
        cfg.tileOverlap = 16;
        cfg.classWeights = QStringLiteral("auto");
        cfg.devFraction = 0.25;
        cfg.threads = 2;
        cfg.precision = QStringLiteral("fp32");
        const QString runDir = dir.filePath(QStringLiteral("run"));
        Trainer trainer(ds, cfg, runDir);
        const TrainResult result = trainer.run();
        QVERIFY2(result.outcome == TrainOutcome::Completed, qPrintable(result.message));
        const QString notes = result.notes.join(QLatin1Char('\n'));
        QVERIFY2(notes.contains(QStringLiteral("1 boxes without area")), qPrintable(notes));
        QVERIFY2(notes.contains(QStringLiteral("coverage")), qPrintable(notes));

        const QJsonObject config = runfolder::readConfig(runDir);
        QCOMPARE(config.value(QStringLiteral("task")).toString(), QStringLiteral("detect"));
        const QJsonObject detection = config.value(QStringLiteral("detection")).toObject();
        QCOMPARE(detection.value(QStringLiteral("tiles")).toObject().value(QStringLiteral("rows")).toInt(), 2);
        QVERIFY(detection.value(QStringLiteral("anchor_coverage")).toDouble()
                >= detection.value(QStringLiteral("default_anchor_coverage")).toDouble());

        const std::vector<EpochMetrics> history = runfolder::readMetrics(runDir);
        QCOMPARE(int(history.size()), 2);
        for (const EpochMetrics &m : history) {
            QVERIFY(!m.hasClassMetrics);
            QVERIFY(m.value(QStringLiteral("dev_map")) >= 0);
            QVERIFY(m.value(QStringLiteral("dev_ap50")) >= 0);
            QVERIFY(m.value(QStringLiteral("train_loss_classification")) > 0);
            QVERIFY(m.value(QStringLiteral("train_loss_box")) > 0);
            const double parts = m.value(QStringLiteral("train_loss_classification")) + m.value(QStringLiteral("train_loss_box"));
            QVERIFY2(std::abs(m.trainLoss - parts) <= 1e-5 * m.trainLoss, qPrintable(QString::number(m.trainLoss - parts)));
        }
        // The dev detections in the COCO results format, and the images they cover.
        const std::vector<CocoDetection> detections = cocoresults::read(runDir + QStringLiteral("/detections-dev.json"));
        for (const CocoDetection &d : detections) {
            QVERIFY(d.box.x >= 0 && d.box.x + d.box.w <= 160.001);
            QVERIFY(d.box.y >= 0 && d.box.y + d.box.h <= 120.001);
            QVERIFY(QFileInfo::exists(d.fileName));
        }
        QFile images(runDir + QStringLiteral("/detections-dev-images.json"));
        QVERIFY(images.open(QIODevice::ReadOnly));
        const int devImages = config.value(QStringLiteral("dataset")).toObject().value(QStringLiteral("dev_images")).toInt();
        QVERIFY(devImages >= 2);
        QCOMPARE(QJsonDocument::fromJson(images.readAll()).array().size(), devImages);

        // Resume after the last epoch asks for one more and continues from the checkpoint.
        cfg.epochs = 3;
        Trainer more(ds, cfg, runDir);
        more.setResume(true);
        const TrainResult resumed = more.run();
        QVERIFY2(resumed.outcome == TrainOutcome::Completed, qPrintable(resumed.message));
        QCOMPARE(int(runfolder::readMetrics(runDir).size()), 3);

        // Evaluation of the run on its dataset, with COCO's rules, and the results file.
        const QString results = dir.filePath(QStringLiteral("results.json"));
        const DetectionRunEvaluation e = evaluateDetectionRun(runDir, ds, results, 2);
        QCOMPARE(e.images, 12);
        QCOMPARE(int(e.metrics.perClass.size()), 2);
        QVERIFY(e.metrics.map >= 0 && e.metrics.map <= 1);
        const std::vector<CocoDetection> written = cocoresults::read(results);
        QCOMPARE(written.size(), e.detections.size());
        const DetectionMetrics again = evaluateDetections(detectionGroundTruth(ds, [&] {
            std::vector<int> all(ds.samples.size());
            for (std::size_t i = 0; i < all.size(); ++i)
                all[i] = int(i);
            return all;
        }()), written);
        QCOMPARE(again.map, e.metrics.map);

        // The same images under other COCO ids: the results file names them by those ids, so a COCO
        // tool scores it against the file as it is.
        QFile original(dir.path() + QStringLiteral("/images/annotations.json"));
        QVERIFY(original.open(QIODevice::ReadOnly));
        QJsonObject coco = QJsonDocument::fromJson(original.readAll()).object();
        original.close();
        QJsonArray images2, annotations2;
        std::map<QString, qint64> idOfFile;
        for (const QJsonValue &v : coco.value(QStringLiteral("images")).toArray()) {
            QJsonObject o = v.toObject();
            o[QStringLiteral("id")] = o.value(QStringLiteral("id")).toInt() + 100;
            idOfFile[o.value(QStringLiteral("file_name")).toString()] = o.value(QStringLiteral("id")).toInt();
            images2.append(o);
        }
        for (const QJsonValue &v : coco.value(QStringLiteral("annotations")).toArray()) {
            QJsonObject o = v.toObject();
            o[QStringLiteral("image_id")] = o.value(QStringLiteral("image_id")).toInt() + 100;
            o[QStringLiteral("category_id")] = o.value(QStringLiteral("category_id")).toInt() == 1 ? 7 : 3;
            annotations2.append(o);
        }
        coco[QStringLiteral("images")] = images2;
        coco[QStringLiteral("annotations")] = annotations2;
        coco[QStringLiteral("categories")] = QJsonArray{
            QJsonObject{{QStringLiteral("id"), 3}, {QStringLiteral("name"), QStringLiteral("scratch")}},
            QJsonObject{{QStringLiteral("id"), 7}, {QStringLiteral("name"), QStringLiteral("spot")}}};
        const QString renumbered = dir.path() + QStringLiteral("/images/renumbered.json");
        writeBytes(renumbered, QJsonDocument(coco).toJson());
        const QString results2 = dir.filePath(QStringLiteral("results2.json"));
        const DetectionRunEvaluation e2 = evaluateDetectionRun(runDir, readCoco(renumbered), results2, 2);
        QCOMPARE(e2.metrics.map, e.metrics.map);
        const std::vector<CocoDetection> named = cocoresults::read(results2);
        QCOMPARE(named.size(), written.size());
        for (std::size_t k = 0; k < named.size(); ++k) {
            QCOMPARE(named[k].imageId, idOfFile.at(QFileInfo(named[k].fileName).fileName()));
            QCOMPARE(named[k].categoryId, written[k].categoryId == 1 ? 7 : 3); // spots stay spots
        }
        // The renaming itself, on one detection of each class on every image.
        const Dataset renumberedData = readCoco(renumbered);
        std::vector<CocoDetection> byIndex;
        for (int i = 0; i < int(renumberedData.samples.size()); ++i)
            for (int c = 1; c <= 2; ++c)
                byIndex.push_back({i + 1, c, {1, 2, 3, 4}, 0.5, renumberedData.samples[std::size_t(i)].path});
        const std::vector<CocoDetection> renamed = withSourceIds(byIndex, renumberedData, e.classes);
        QCOMPARE(e.classes, QStringList({QStringLiteral("spot"), QStringLiteral("scratch")}));
        for (std::size_t k = 0; k < renamed.size(); ++k) {
            QCOMPARE(renamed[k].imageId, idOfFile.at(QFileInfo(renamed[k].fileName).fileName()));
            QCOMPARE(renamed[k].categoryId, byIndex[k].categoryId == 1 ? 7 : 3);
        }
        // One image without an id in its file: every detection keeps its indexes.
        Dataset partly = renumberedData;
        partly.samples.back().sourceId = -1;
        const std::vector<CocoDetection> kept = withSourceIds(byIndex, partly, e.classes);
        for (std::size_t k = 0; k < kept.size(); ++k) {
            QCOMPARE(kept[k].imageId, byIndex[k].imageId);
            QCOMPARE(kept[k].categoryId, byIndex[k].categoryId);
        }
    }

    void emptyTilesAreDrawnAnewEachEpoch()
    {
        QTemporaryDir dir;
        const Dataset ds = readCoco(writeBoxes(dir.path(), 6, 96, 96, 3));
        std::vector<int> indices;
        std::vector<char> optional;
        for (int i = 0; i < 6; ++i)
            for (int t = 0; t < 4; ++t) {
                indices.push_back(i);
                optional.push_back(t == 0 ? 0 : 1); // one kept item an image, three drawn from
            }
        LoaderOptions lo;
        lo.batchSize = 5;
        lo.imageSize = 32;
        lo.threads = 1;
        DataLoader loader(ds, indices, Pipeline::defaultTraining(32, 3), lo);
        loader.setEpochSample(optional, 4);
        QCOMPARE(loader.itemsPerEpoch(), 10);
        QCOMPARE(loader.batchesPerEpoch(), 2);
        std::vector<std::vector<int>> drawn;
        for (int epoch = 0; epoch < 3; ++epoch) {
            loader.startEpoch(epoch);
            std::vector<int> items;
            Batch b;
            while (loader.next(b))
                items.insert(items.end(), b.items.begin(), b.items.end());
            std::sort(items.begin(), items.end());
            QCOMPARE(int(items.size()), 10);
            QVERIFY(std::adjacent_find(items.begin(), items.end()) == items.end()); // no item twice
            std::vector<int> extra;
            for (int i = 0; i < 6; ++i)
                QVERIFY(std::binary_search(items.begin(), items.end(), 4 * i)); // every kept item
            for (int item : items)
                if (optional[std::size_t(item)])
                    extra.push_back(item);
            QCOMPARE(int(extra.size()), 4);
            drawn.push_back(extra);
        }
        QVERIFY2(drawn[0] != drawn[1] || drawn[1] != drawn[2], "the empty tiles are drawn anew each epoch");

        // A run with tiles says how many it draws, and config.json keeps the setting.
        TrainConfig cfg;
        cfg.task = QStringLiteral("detect");
        cfg.imageSize = 32;
        cfg.epochs = 1;
        cfg.batchSize = 4;
        cfg.tiles = QStringLiteral("3x3");
        cfg.tileOverlap = 0;
        cfg.emptyTiles = QStringLiteral("0.5");
        cfg.devFraction = 0.34;
        cfg.threads = 2;
        cfg.precision = QStringLiteral("fp32");
        cfg.maxStepsPerEpoch = 1;
        const QString runDir = dir.filePath(QStringLiteral("run"));
        Trainer trainer(ds, cfg, runDir);
        const TrainResult result = trainer.run();
        QVERIFY2(result.outcome == TrainOutcome::Completed, qPrintable(result.message));
        const QString notes = result.notes.join(QLatin1Char('\n'));
        const QRegularExpression said(QStringLiteral("each epoch: the (\\d+) tiles with objects and (\\d+) of the (\\d+) without"));
        const QRegularExpressionMatch m = said.match(notes);
        QVERIFY2(m.hasMatch(), qPrintable(notes));
        const int with = m.captured(1).toInt(), picked = m.captured(2).toInt(), without = m.captured(3).toInt();
        const QJsonObject config = runfolder::readConfig(runDir);
        const int trainImages = config.value(QStringLiteral("dataset")).toObject().value(QStringLiteral("train_images")).toInt();
        QVERIFY(trainImages >= 3);
        QCOMPARE(with + without, trainImages * 9); // nine tiles a training image
        QCOMPARE(picked, int(std::ceil(0.5 * with)));
        QCOMPARE(config.value(QStringLiteral("empty_tiles")).toString(), QStringLiteral("0.5"));
    }

    void cliTrainsAndEvaluatesADetector()
    {
        QTemporaryDir dir;
        const QString data = writeBoxes(dir.path(), 8, 96, 96, 9);
        const QString runDir = dir.filePath(QStringLiteral("run"));
        const CliRun train = runCli({QStringLiteral("train"), data, QStringLiteral("--out"), runDir,
                                     QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--image-size"),
                                     QStringLiteral("64"), QStringLiteral("--batch"), QStringLiteral("4"),
                                     QStringLiteral("--optimizer"), QStringLiteral("adam"), QStringLiteral("--lr"),
                                     QStringLiteral("0.001"), QStringLiteral("--anchors"),
                                     QStringLiteral("8,16,32,64,128:0.5,1,2"), QStringLiteral("--precision"),
                                     QStringLiteral("fp32")});
        QVERIFY2(train.exitCode == 0, train.err.constData());
        QVERIFY2(train.out.contains("dev mAP"), train.out.constData());
        QVERIFY2(train.err.contains("anchors 8,16,32,64,128:0.5,1,2"), train.err.constData());

        const QString results = dir.filePath(QStringLiteral("results.json"));
        const CliRun eval = runCli({QStringLiteral("eval"), runDir, data, QStringLiteral("--json"),
                                    QStringLiteral("--predictions"), results});
        QVERIFY2(eval.exitCode == 0, eval.err.constData());
        const QJsonObject j = QJsonDocument::fromJson(eval.out).object();
        QCOMPARE(j.value(QStringLiteral("task")).toString(), QStringLiteral("detect"));
        QVERIFY(j.contains(QStringLiteral("map")) && j.contains(QStringLiteral("ap50")) && j.contains(QStringLiteral("ap75")));
        const QJsonArray perClass = j.value(QStringLiteral("per_class")).toArray();
        QCOMPARE(perClass.size(), 2);
        QCOMPARE(perClass.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("spot"));
        QVERIFY(perClass.at(0).toObject().value(QStringLiteral("support")).toInt() > 0);
        QVERIFY(QFileInfo::exists(results));
    }

    void cliTrainAdvisesTilesForTinyBoxes()
    {
        // 6–27 px defects in 512 px photos end a pixel or two wide at a 64 px input: the run says so before
        // it trains, with the tiles or region that would keep them.
        QTemporaryDir dir;
        const QString data = writeBoxes(dir.path(), 6, 512, 512, 3);
        const CliRun train = runCli({QStringLiteral("train"), data, QStringLiteral("--out"),
                                     dir.filePath(QStringLiteral("run")), QStringLiteral("--epochs"), QStringLiteral("1"),
                                     QStringLiteral("--max-steps"), QStringLiteral("1"), QStringLiteral("--image-size"),
                                     QStringLiteral("64"), QStringLiteral("--batch"), QStringLiteral("2"),
                                     QStringLiteral("--precision"), QStringLiteral("fp32")});
        QVERIFY2(train.exitCode == 0, train.err.constData());
        QVERIFY2(train.err.contains("At 64 px input, "), train.err.constData());
        QVERIFY2(train.err.contains("boxes fall under 5×5 px"), train.err.constData());
        // Tiled finely enough at a larger input, nothing to say.
        const CliRun tiled = runCli({QStringLiteral("train"), data, QStringLiteral("--out"),
                                     dir.filePath(QStringLiteral("run2")), QStringLiteral("--epochs"), QStringLiteral("1"),
                                     QStringLiteral("--max-steps"), QStringLiteral("1"), QStringLiteral("--image-size"),
                                     QStringLiteral("256"), QStringLiteral("--tiles"), QStringLiteral("2x2"),
                                     QStringLiteral("--batch"), QStringLiteral("2"), QStringLiteral("--precision"),
                                     QStringLiteral("fp32")});
        QVERIFY2(tiled.exitCode == 0, tiled.err.constData());
        QVERIFY2(!tiled.err.contains("boxes fall under"), tiled.err.constData());
    }

    void badDetectionSettingsAreRefused()
    {
        QTemporaryDir dir;
        const QString data = writeBoxes(dir.path(), 4, 64, 64, 1);
        const QString out = dir.filePath(QStringLiteral("run"));
        for (const QStringList &bad : {QStringList{QStringLiteral("--tiles"), QStringLiteral("0x2")},
                                       QStringList{QStringLiteral("--roi"), QStringLiteral("1,2,3")},
                                       QStringList{QStringLiteral("--anchors"), QStringLiteral("64,32:1")},
                                       QStringList{QStringLiteral("--empty-tiles"), QStringLiteral("-1")},
                                       QStringList{QStringLiteral("--task"), QStringLiteral("segmentation")}}) {
            const CliRun r = runCli(QStringList{QStringLiteral("train"), data, QStringLiteral("--out"), out} + bad);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(!r.err.trimmed().isEmpty() && !r.err.contains("Abort"), r.err.constData());
        }
        // A region outside every image: a clear failure, not a crash.
        const CliRun outside = runCli({QStringLiteral("train"), data, QStringLiteral("--out"), out,
                                       QStringLiteral("--roi"), QStringLiteral("500,500,10,10"),
                                       QStringLiteral("--epochs"), QStringLiteral("1")});
        QCOMPARE(outside.exitCode, 2);
        QVERIFY2(outside.err.contains("region") || outside.err.contains("outside"), outside.err.constData());
    }

    void imagesWithoutBoxesCannotTrainADetector()
    {
        QTemporaryDir dir;
        const Dataset ds = readCoco(writeBoxes(dir.path(), 4, 64, 64, 2));
        Dataset zero = ds;
        for (Sample &s : zero.samples)
            for (Annotation &a : s.objects)
                a.box.setWidth(0);
        TrainConfig cfg;
        cfg.task = QStringLiteral("detect");
        cfg.imageSize = 64;
        cfg.epochs = 1;
        const TrainResult r = Trainer(zero, cfg, dir.filePath(QStringLiteral("run"))).run();
        QCOMPARE(r.outcome, TrainOutcome::Failed);
        QVERIFY2(r.message.contains(QStringLiteral("nothing to learn")), qPrintable(r.message));
    }
};

QTEST_GUILESS_MAIN(TestDetection)
#include "tst_detection.moc"
