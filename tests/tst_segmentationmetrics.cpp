// Segmentation metrics: one confusion matrix over every pixel of a split, IoU and Dice per class,
// mIoU with background counted and classes absent from truth and prediction left out, pixel accuracy.
// Checked to 1e-9 against bench/segment/reference_metrics.py (numpy) on the committed cases in
// tests/data/segmetrics/reference.json, and against the script run afresh when numpy is there.

#include "eval/SegmentationMetrics.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include <cmath>

using namespace loupe;

namespace {

const char *const kReference = LOUPE_TEST_DATA "/segmetrics/reference.json";
const char *const kScript = LOUPE_TEST_DATA "/../../bench/segment/reference_metrics.py";
const char *const kPython = "/usr/bin/python3";

cv::Mat matOf(const QJsonArray &rows)
{
    cv::Mat m(int(rows.size()), int(rows.at(0).toArray().size()), CV_8U);
    for (int y = 0; y < m.rows; ++y) {
        const QJsonArray row = rows.at(y).toArray();
        for (int x = 0; x < m.cols; ++x)
            m.at<uchar>(y, x) = uchar(row.at(x).toInt());
    }
    return m;
}

cv::Mat matOf(std::initializer_list<std::initializer_list<int>> rows)
{
    cv::Mat m(int(rows.size()), int(rows.begin()->size()), CV_8U);
    int y = 0;
    for (const auto &row : rows) {
        int x = 0;
        for (int v : row)
            m.at<uchar>(y, x++) = uchar(v);
        ++y;
    }
    return m;
}

SegmentationMetrics computeCase(const QJsonObject &c)
{
    QStringList names;
    for (const QJsonValue &n : c.value(QStringLiteral("classes")).toArray())
        names << n.toString();
    SegmentationConfusion confusion(int(names.size()));
    for (const QJsonValue &image : c.value(QStringLiteral("images")).toArray())
        confusion.add(matOf(image.toObject().value(QStringLiteral("truth")).toArray()),
            matOf(image.toObject().value(QStringLiteral("predicted")).toArray()));
    return confusion.metrics(names);
}

// A figure of the reference: null stands for "no figure" (NaN here).
bool sameFigure(double ours, const QJsonValue &theirs)
{
    if (theirs.isNull())
        return std::isnan(ours);
    return std::abs(ours - theirs.toDouble()) <= 1e-9;
}

void compareFigures(const QString &caseName, const SegmentationMetrics &m, const QJsonObject &f)
{
    const QByteArray where = caseName.toUtf8();
    QVERIFY2(sameFigure(m.miou, f.value(QStringLiteral("miou"))), where);
    QVERIFY2(sameFigure(m.miouForeground, f.value(QStringLiteral("miou_foreground"))), where);
    QVERIFY2(sameFigure(m.meanDice, f.value(QStringLiteral("mean_dice"))), where);
    QVERIFY2(sameFigure(m.pixelAccuracy, f.value(QStringLiteral("pixel_accuracy"))), where);
    QCOMPARE(qint64(m.pixels), qint64(f.value(QStringLiteral("pixels")).toDouble()));
    QCOMPARE(qint64(m.ignoredPixels), qint64(f.value(QStringLiteral("ignored_pixels")).toDouble()));
    const QJsonArray perClass = f.value(QStringLiteral("per_class")).toArray();
    QCOMPARE(int(m.perClass.size()), int(perClass.size()));
    for (int k = 0; k < int(perClass.size()); ++k) {
        const QJsonObject c = perClass.at(k).toObject();
        const QByteArray cls = where + " class " + QByteArray::number(k);
        QCOMPARE(m.perClass[k].name, c.value(QStringLiteral("name")).toString());
        QVERIFY2(sameFigure(m.perClass[k].iou, c.value(QStringLiteral("iou"))), cls);
        QVERIFY2(sameFigure(m.perClass[k].dice, c.value(QStringLiteral("dice"))), cls);
        QCOMPARE(qint64(m.perClass[k].truePixels), qint64(c.value(QStringLiteral("true_pixels")).toDouble()));
        QCOMPARE(qint64(m.perClass[k].predictedPixels), qint64(c.value(QStringLiteral("predicted_pixels")).toDouble()));
    }
    const QJsonArray confusion = f.value(QStringLiteral("confusion")).toArray();
    for (int t = 0; t < int(confusion.size()); ++t)
        for (int p = 0; p < int(confusion.size()); ++p)
            QCOMPARE(qint64(m.confusion[t][p]), qint64(confusion.at(t).toArray().at(p).toDouble()));
}

QJsonArray referenceCases()
{
    QFile f(QString::fromUtf8(kReference));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("cases")).toArray();
}

} // namespace

class TestSegmentationMetrics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void committedReference()
    {
        const QJsonArray cases = referenceCases();
        QVERIFY(cases.size() >= 7);
        for (const QJsonValue &v : cases) {
            const QJsonObject c = v.toObject();
            compareFigures(c.value(QStringLiteral("name")).toString(), computeCase(c),
                c.value(QStringLiteral("figures")).toObject());
        }
    }

    void numpyAfresh()
    {
        // The script on the committed cases, run now: the figures above are what numpy computes today.
        QProcess probe;
        probe.start(QString::fromUtf8(kPython), {QStringLiteral("-c"), QStringLiteral("import numpy")});
        if (!QFileInfo::exists(QString::fromUtf8(kPython)) || !probe.waitForFinished(30000) || probe.exitCode() != 0)
            QSKIP("no /usr/bin/python3 with numpy; compared with the committed figures only");
        QProcess script;
        script.start(QString::fromUtf8(kPython), {QString::fromUtf8(kScript), QString::fromUtf8(kReference)});
        QVERIFY(script.waitForFinished(60000));
        QCOMPARE(script.exitCode(), 0);
        const QJsonObject fresh = QJsonDocument::fromJson(script.readAllStandardOutput()).object();
        const QJsonArray cases = referenceCases();
        QCOMPARE(int(fresh.size()), int(cases.size()));
        for (const QJsonValue &v : cases) {
            const QJsonObject c = v.toObject();
            const QString name = c.value(QStringLiteral("name")).toString();
            compareFigures(name, computeCase(c), fresh.value(name).toObject());
        }
    }

    void absentClassesAreLeftOut()
    {
        // Class 3 has no pixel in truth or prediction: NaN, and the means are over classes 0 to 2.
        SegmentationConfusion c(4);
        c.add(matOf({{0, 0, 1, 1}, {0, 2, 2, 1}}), matOf({{0, 1, 1, 1}, {0, 2, 0, 1}}));
        const SegmentationMetrics m = c.metrics(
            {QStringLiteral("background"), QStringLiteral("scratch"), QStringLiteral("dent"), QStringLiteral("spot")});
        QVERIFY(std::isnan(m.perClass[3].iou));
        QVERIFY(std::isnan(m.perClass[3].dice));
        QVERIFY(!m.perClass[3].present());
        const double bg = 2.0 / 4.0, scratch = 3.0 / 4.0, dent = 1.0 / 2.0;
        QCOMPARE(m.perClass[0].iou, bg);
        QCOMPARE(m.perClass[1].iou, scratch);
        QCOMPARE(m.perClass[2].iou, dent);
        QVERIFY(std::abs(m.miou - (bg + scratch + dent) / 3.0) < 1e-12);
        QVERIFY(std::abs(m.miouForeground - (scratch + dent) / 2.0) < 1e-12);
        QCOMPARE(m.pixelAccuracy, 6.0 / 8.0);
        // JSON: no figure is null, not 0 and not NaN (which JSON has not).
        const QJsonObject j = QJsonDocument::fromJson(segmentationMetricsJson(m)).object();
        QCOMPARE(j.value(QStringLiteral("task")).toString(), QStringLiteral("segment"));
        const QJsonArray perClass = j.value(QStringLiteral("per_class")).toArray();
        QCOMPARE(perClass.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("background"));
        QVERIFY(perClass.at(3).toObject().value(QStringLiteral("iou")).isNull());
        QCOMPARE(perClass.at(1).toObject().value(QStringLiteral("iou")).toDouble(), scratch);
        QVERIFY(std::abs(j.value(QStringLiteral("miou")).toDouble() - m.miou) < 1e-15);
    }

    void predictedButAbsentCountsAsZero()
    {
        SegmentationConfusion c(3);
        c.add(matOf({{0, 0, 1}, {0, 1, 1}}), matOf({{0, 2, 1}, {0, 1, 1}}));
        const SegmentationMetrics m = c.metrics();
        QCOMPARE(m.perClass[2].iou, 0.0);
        QCOMPARE(m.perClass[2].dice, 0.0);
        QVERIFY(std::abs(m.miou - (2.0 / 3.0 + 1.0 + 0.0) / 3.0) < 1e-12);
    }

    void ignoredPixelsCountNowhere()
    {
        SegmentationConfusion c(2);
        // The 255s in the truth hide a wrong prediction: the result is perfect.
        c.add(matOf({{0, 255, 1}, {255, 1, 1}}), matOf({{0, 0, 1}, {1, 1, 1}}));
        const SegmentationMetrics m = c.metrics();
        QCOMPARE(m.pixels, quint64(4));
        QCOMPARE(m.ignoredPixels, quint64(2));
        QCOMPARE(m.miou, 1.0);
        QCOMPARE(m.pixelAccuracy, 1.0);
        // Nothing scored at all: no figure rather than a made-up one.
        SegmentationConfusion none(2);
        none.add(matOf({{255, 255}}), matOf({{1, 0}}));
        const SegmentationMetrics n = none.metrics();
        QVERIFY(std::isnan(n.miou));
        QVERIFY(std::isnan(n.pixelAccuracy));
    }

    void goodImagesScoreBackgroundOnly()
    {
        SegmentationConfusion c(2);
        c.add(cv::Mat::zeros(4, 5, CV_8U), cv::Mat::zeros(4, 5, CV_8U));
        const SegmentationMetrics m = c.metrics();
        QCOMPARE(m.miou, 1.0);
        QVERIFY(std::isnan(m.miouForeground));
        QVERIFY(std::isnan(m.perClass[1].iou));
    }

    void oneMatrixOverTheSplit()
    {
        // mIoU of the split is not the mean of per-image mIoUs: a tiny image's miss weighs its pixels.
        const cv::Mat t1 = matOf({{1, 1, 0, 0}}), p1 = matOf({{1, 1, 0, 0}});
        const cv::Mat t2 = matOf({{1}}), p2 = matOf({{0}});
        SegmentationConfusion all(2), a(2), b(2);
        all.add(t1, p1);
        all.add(t2, p2);
        a.add(t1, p1);
        b.add(t2, p2);
        a.merge(b);
        const SegmentationMetrics m = all.metrics();
        QCOMPARE(m.perClass[1].iou, 2.0 / 3.0);
        QCOMPARE(m.perClass[0].iou, 2.0 / 3.0);
        QCOMPARE(a.metrics().miou, m.miou);
        QCOMPARE(imageSegmentationMetrics(t2, p2, 2).miou, 0.0);
    }

    void badInputIsRefused()
    {
        SegmentationConfusion c(3);
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument, c.add(cv::Mat::zeros(2, 2, CV_8U), cv::Mat::zeros(2, 3, CV_8U)));
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument, c.add(cv::Mat::zeros(2, 2, CV_8U), cv::Mat::zeros(2, 2, CV_16U)));
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, c.add(matOf({{0, 3}}), matOf({{0, 0}})));
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, c.add(matOf({{0, 0}}), matOf({{0, 7}})));
        // A refused image leaves no trace.
        QCOMPARE(c.metrics().pixels, quint64(0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SegmentationConfusion(0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SegmentationConfusion(256));
    }
};

QTEST_GUILESS_MAIN(TestSegmentationMetrics)
#include "tst_segmentationmetrics.moc"
