// The report of a detection run: `loupe-cli report` on a tiny trained detector gives the figures
// `eval --json` gives, the per-class precision-recall curves, the worst images in order with their
// boxes drawn, and one CSV row per image with its true and false positives and misses.

#include "TestUtil.h"

#include "dataset/Importers.h"
#include "eval/DetectionReview.h"
#include "eval/RunReport.h"

#include <QDir>
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

/// `count` grey images of 96 × 96 px with one to three filled squares of two classes ("spot",
/// "scratch") beside a COCO annotations.json; returns the annotations file.
QString writeBoxes(const QString &root, int count, int seed)
{
    QDir().mkpath(root + QStringLiteral("/images"));
    std::mt19937 rng(seed);
    QJsonArray images, annotations;
    int annotationId = 1;
    for (int i = 0; i < count; ++i) {
        cv::Mat m(96, 96, CV_8UC3);
        cv::randu(m, cv::Scalar(90, 90, 90), cv::Scalar(130, 130, 130));
        const int objects = 1 + int(rng() % 3);
        for (int k = 0; k < objects; ++k) {
            const int cls = int(rng() % 2);
            const int w = cls == 0 ? 12 : 24, h = cls == 0 ? 12 : 8;
            const int x = 4 + 30 * k, y = 8 + int(rng() % 60);
            cv::rectangle(
                m, cv::Rect(x, y, w, h), cls == 0 ? cv::Scalar(30, 30, 230) : cv::Scalar(230, 60, 30), cv::FILLED);
            annotations.append(QJsonObject {{QStringLiteral("id"), annotationId++}, {QStringLiteral("image_id"), i + 1},
                {QStringLiteral("category_id"), cls + 1}, {QStringLiteral("bbox"), QJsonArray {x, y, w, h}},
                {QStringLiteral("area"), w * h}, {QStringLiteral("iscrowd"), 0}});
        }
        const QString name = QStringLiteral("img%1.png").arg(i, 3, 10, QLatin1Char('0'));
        writeMat(root + QStringLiteral("/images/") + name, m);
        images.append(QJsonObject {{QStringLiteral("id"), i + 1}, {QStringLiteral("file_name"), name},
            {QStringLiteral("width"), 96}, {QStringLiteral("height"), 96}});
    }
    const QJsonObject coco {{QStringLiteral("images"), images}, {QStringLiteral("annotations"), annotations},
        {QStringLiteral("categories"),
            QJsonArray {QJsonObject {{QStringLiteral("id"), 1}, {QStringLiteral("name"), QStringLiteral("spot")}},
                QJsonObject {{QStringLiteral("id"), 2}, {QStringLiteral("name"), QStringLiteral("scratch")}}}}};
    writeBytes(root + QStringLiteral("/images/annotations.json"), QJsonDocument(coco).toJson());
    return root + QStringLiteral("/images/annotations.json");
}

QString readText(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

double dataValue(const QString &html, const QString &id)
{
    const QRegularExpressionMatch m
        = QRegularExpression(QStringLiteral("id=\"%1\" data-value=\"([^\"]+)\"").arg(id)).match(html);
    return m.hasMatch() ? m.captured(1).toDouble() : std::nan("");
}

QStringList allCaptures(const QString &html, const QString &pattern)
{
    QStringList out;
    QRegularExpressionMatchIterator it = QRegularExpression(pattern).globalMatch(html);
    while (it.hasNext())
        out << it.next().captured(1);
    return out;
}

} // namespace

class TestDetectionReport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void reportOfATrainedDetector();
};

void TestDetectionReport::reportOfATrainedDetector()
{
    QTemporaryDir dir;
    const QString data = writeBoxes(dir.path(), 8, 11);
    const QString runDir = dir.filePath(QStringLiteral("run"));
    const CliRun train = runCli({QStringLiteral("train"), data, QStringLiteral("--out"), runDir,
        QStringLiteral("--task"), QStringLiteral("detect"), QStringLiteral("--epochs"), QStringLiteral("2"),
        QStringLiteral("--image-size"), QStringLiteral("64"), QStringLiteral("--batch"), QStringLiteral("4"),
        QStringLiteral("--optimizer"), QStringLiteral("adam"), QStringLiteral("--lr"), QStringLiteral("0.001"),
        QStringLiteral("--precision"), QStringLiteral("fp32"), QStringLiteral("--threads"), QStringLiteral("2")});
    QVERIFY2(train.exitCode == 0, train.err.constData());

    // The whole dataset evaluated into the run's test detections, then reported on.
    const CliRun eval = runCli({QStringLiteral("eval"), runDir, data, QStringLiteral("--json"),
        QStringLiteral("--predictions"), detectionfiles::testPath(runDir)});
    QVERIFY2(eval.exitCode == 0, eval.err.constData());
    const QJsonObject j = QJsonDocument::fromJson(eval.out).object();
    QCOMPARE(j.value(QStringLiteral("task")).toString(), QStringLiteral("detect"));

    const QString html = dir.filePath(QStringLiteral("report.html"));
    const QString csv = dir.filePath(QStringLiteral("images.csv"));
    const CliRun report = runCli({QStringLiteral("report"), runDir, data, QStringLiteral("--split"),
        QStringLiteral("test"), QStringLiteral("--html"), html, QStringLiteral("--csv"), csv, QStringLiteral("--worst"),
        QStringLiteral("5")});
    QVERIFY2(report.exitCode == 0, report.err.constData());
    const QString page = readText(html);
    QVERIFY(!page.isEmpty());

    // The figures are eval's, to the last bit.
    QCOMPARE(dataValue(page, QStringLiteral("map")), j.value(QStringLiteral("map")).toDouble());
    QCOMPARE(dataValue(page, QStringLiteral("ap50")), j.value(QStringLiteral("ap50")).toDouble());
    QCOMPARE(dataValue(page, QStringLiteral("ap75")), j.value(QStringLiteral("ap75")).toDouble());
    const QStringList classAp = allCaptures(page, QStringLiteral("class=\"num ap\" data-value=\"([^\"]+)\""));
    const QJsonArray perClass = j.value(QStringLiteral("per_class")).toArray();
    QCOMPARE(classAp.size(), perClass.size());
    for (int i = 0; i < perClass.size(); ++i)
        QCOMPARE(classAp.at(i).toDouble(), perClass.at(i).toObject().value(QStringLiteral("ap")).toDouble());

    // A precision-recall curve per class, with its AP50 in the title.
    QCOMPARE(page.count(QStringLiteral("<svg class=\"chart pr\"")), 2);
    QVERIFY(page.contains(QStringLiteral("spot (AP50 ")));
    // The loss parts and the dev mAP are plotted.
    QVERIFY(page.contains(QStringLiteral("train classification")) && page.contains(QStringLiteral("dev box")));
    QVERIFY(page.contains(QStringLiteral("dev mAP")));

    // The worst images: most errors at threshold 0.5 first, ties in file order, at most five.
    const Dataset ds = importDataset(data);
    const detectionfiles::LoadedDetections loaded = detectionfiles::load(runDir, QStringLiteral("test"), ds);
    QCOMPARE(int(loaded.images.size()), 8);
    const DetectionReview review = reviewDetections(loaded.images, loaded.classes, 0.5);
    std::vector<std::pair<int, QString>> byErrors;
    for (std::size_t i = 0; i < loaded.images.size(); ++i)
        if (review.images[i].errors() > 0)
            byErrors.emplace_back(review.images[i].errors(), loaded.images[i].path);
    std::stable_sort(byErrors.begin(), byErrors.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    QStringList expected;
    for (std::size_t i = 0; i < byErrors.size() && i < 5; ++i)
        expected << byErrors[i].second;
    QVERIFY(!expected.isEmpty());
    const QStringList shown = allCaptures(page, QStringLiteral("<figure class=\"worst-image\" data-path=\"([^\"]+)\""));
    QCOMPARE(shown, expected);
    // Each drawn with its image embedded and every object of it as a box, under the legend.
    QCOMPARE(page.count(QStringLiteral("<image href=\"data:image/jpeg;base64,")), int(expected.size()));
    int objects = 0;
    for (const QString &path : expected)
        for (std::size_t i = 0; i < loaded.images.size(); ++i)
            if (loaded.images[i].path == path)
                objects += int(loaded.images[i].truth.size());
    QCOMPARE(page.count(QStringLiteral("<rect class=\"gt\"")), objects);
    QVERIFY(page.contains(QStringLiteral("missed object (false negative)")));
    QVERIFY(page.contains(QStringLiteral("stroke=\"#56b4e9\""))); // a miss, in the sky blue of the Predictions page

    // The CSV: one row per image, its counts adding up to its objects and detections.
    const QStringList lines = readText(csv).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.first(),
        QStringLiteral("image,objects,detections,true_positives,false_positives,false_negatives,wrong_class"));
    QCOMPARE(lines.size(), 1 + 8);
    for (int i = 1; i < lines.size(); ++i) {
        const QStringList f = lines.at(i).split(QLatin1Char(','));
        QCOMPARE(f.size(), 7);
        const ImageReview &r = review.images[std::size_t(i - 1)];
        QCOMPARE(f.at(0), loaded.images[std::size_t(i - 1)].path);
        QCOMPARE(f.at(3).toInt(), r.matched);
        QCOMPARE(f.at(4).toInt(), r.falsePositives + r.wrongClass);
        QCOMPARE(f.at(5).toInt(), r.missed + r.wrongClass);
        QCOMPARE(f.at(3).toInt() + f.at(5).toInt(), f.at(1).toInt());
        QCOMPARE(f.at(3).toInt() + f.at(4).toInt(), f.at(2).toInt());
    }

    // Without the dataset there is no ground truth: a clear refusal.
    const CliRun noData = runCli({QStringLiteral("report"), runDir, QStringLiteral("--html"), html});
    QCOMPARE(noData.exitCode, 2);
    QVERIFY2(noData.err.contains("detection run"), noData.err.constData());
}

QTEST_GUILESS_MAIN(TestDetectionReport)
#include "tst_detectionreport.moc"
