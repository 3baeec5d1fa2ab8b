// Classification metrics and precision-recall curves against scikit-learn's figures
// (tests/data/metrics/reference.json, written by make_reference.py), the eval --json shape,
// refused input, the prediction files of a run (round trips, malformed files) and run ranking.
// Over 600 lines on purpose: one Qt Test executable per area (STYLE.md), and the cases share the
// scikit-learn reference loader and the prediction-file fixtures; each case stays short.

#include "TestUtil.h"

#include "dataset/Errors.h"
#include "eval/Metrics.h"
#include "eval/PrCurve.h"
#include "eval/Predictions.h"
#include "project/Ranking.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <stdexcept>

using namespace loupe;

namespace {

constexpr double kTolerance = 1e-6;
// The curves are sums of a few ratios: they match sklearn far below this.
constexpr double kCurveTolerance = 1e-9;

QJsonArray referenceCases(const QString &key = QStringLiteral("cases"))
{
    QFile f(QStringLiteral(LOUPE_TEST_DATA "/metrics/reference.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(f.fileName()));
    return QJsonDocument::fromJson(f.readAll()).object().value(key).toArray();
}

std::vector<double> doubles(const QJsonArray &a)
{
    std::vector<double> v;
    for (const QJsonValue &x : a)
        v.push_back(x.toDouble());
    return v;
}

/// Empty when equal within kCurveTolerance, else where they differ.
QString compareCurve(const char *what, const std::vector<double> &got, const std::vector<double> &want)
{
    if (got.size() != want.size())
        return QStringLiteral("%1: %2 values, sklearn %3").arg(QLatin1String(what)).arg(got.size()).arg(want.size());
    for (std::size_t i = 0; i < got.size(); ++i)
        if (!(std::abs(got[i] - want[i]) <= kCurveTolerance))
            return QStringLiteral("%1[%2]: %3, sklearn %4")
                .arg(QLatin1String(what))
                .arg(i)
                .arg(got[i], 0, 'g', 17)
                .arg(want[i], 0, 'g', 17);
    return {};
}

EpochMetrics epochOf(int epoch, double loss, double accuracy, double f1, bool best)
{
    EpochMetrics m;
    m.epoch = epoch;
    m.devLoss = loss;
    m.devAccuracy = accuracy;
    m.devMacroF1 = f1;
    m.best = best;
    return m;
}

/// Three classes, names and a path that need quoting.
PredictionSet awkwardSet()
{
    PredictionSet set;
    set.classes = {QStringLiteral("cat"), QStringLiteral("dog, big"), QStringLiteral("fox \"red\"")};
    set.split = QStringLiteral("dev");
    set.epoch = 7;
    const std::vector<std::vector<float>> probs = {
        {0.7f, 0.2f, 0.1f}, {0.1f, 0.85f, 0.05f}, {1.0f / 3.0f, 1.0f / 3.0f, 1.0f / 3.0f}, {0.0f, 0.000123f, 0.999877f}};
    const QStringList paths = {QStringLiteral("/data/a,b/1.png"), QStringLiteral("/data/\"quoted\"/2.png"),
                               QStringLiteral("/data/line\nbreak/3.png"), QStringLiteral("/data/idx/train-images#41")};
    const std::vector<int> truth = {0, 1, 2, 2};
    for (std::size_t i = 0; i < probs.size(); ++i) {
        Prediction p;
        p.path = paths.at(int(i));
        p.truth = truth[i];
        p.probabilities = probs[i];
        p.predicted = int(std::max_element(probs[i].begin(), probs[i].end()) - probs[i].begin());
        p.confidence = probs[i][std::size_t(p.predicted)];
        p.loss = -std::log(std::max(probs[i][std::size_t(p.truth)], 1e-30f));
        set.items.push_back(p);
    }
    return set;
}

PredictionHistory sampleHistory()
{
    PredictionHistory h;
    h.classes = {QStringLiteral("ok"), QStringLiteral("défaut")};
    h.paths = {QStringLiteral("/a/1.png"), QStringLiteral("/a/2.png"), QStringLiteral("/a/\"3\".png")};
    h.truth = {0, 1, 1};
    h.epochs.push_back({1, {0, 0, 1}, {0.6f, 0.55f, 0.9f}});
    h.epochs.push_back({2, {0, 1, 1}, {0.7f, 0.51f, 0.95f}});
    h.epochs.push_back({4, {0, 0, -1}, {0.8f, 0.6f, 0.0f}}); // image 3 unreadable in epoch 4
    h.epochs.push_back({5, {1, 1, 0}, {0.5f, 0.8f, 0.7f}});
    return h;
}

std::vector<int> ints(const QJsonArray &a)
{
    std::vector<int> v;
    for (const QJsonValue &x : a)
        v.push_back(x.toInt());
    return v;
}

QStringList strings(const QJsonArray &a)
{
    QStringList l;
    for (const QJsonValue &x : a)
        l << x.toString();
    return l;
}

bool near(double a, double b)
{
    return std::abs(a - b) <= kTolerance;
}

} // namespace

Q_DECLARE_METATYPE(QJsonObject)

class TestMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesSklearn_data();
    void matchesSklearn();
    void jsonShape();
    void emptyInputIsNaNAccuracyAndNullInJson();
    void refusesBadInput_data();
    void refusesBadInput();
    void jsonHasAveragePrecisionWhenGiven();

    void prCurveMatchesSklearn_data();
    void prCurveMatchesSklearn();
    void prCurvesPerClass();
    void prCurveEdgeCases();

    void predictionsRoundTrip();
    void predictionsOfTheInterfaceLayoutRead();
    void malformedPredictions_data();
    void malformedPredictions();
    void missingPredictionsFileNamesIt();
    void historyRoundTripAndFlips();
    void malformedHistory_data();
    void malformedHistory();

    void rankingKeysAndDirections();
    void ranksAboveKeepsNaNLast();
    void runScoreUsesTheBestEpoch();

private:
    QTemporaryDir m_dir;
};

void TestMetrics::matchesSklearn_data()
{
    QTest::addColumn<QJsonObject>("ref");
    const QJsonArray cases = referenceCases();
    QVERIFY(cases.size() >= 8);
    for (const QJsonValue &c : cases) {
        const QJsonObject o = c.toObject();
        QTest::newRow(qPrintable(o.value(QStringLiteral("name")).toString())) << o;
    }
}

void TestMetrics::matchesSklearn()
{
    QFETCH(QJsonObject, ref);
    const QStringList labels = strings(ref.value(QStringLiteral("labels")).toArray());
    const ClassificationMetrics m = computeMetrics(ints(ref.value(QStringLiteral("truth")).toArray()),
                                                   ints(ref.value(QStringLiteral("predicted")).toArray()), labels);
    QCOMPARE(m.labels, labels);
    QVERIFY2(near(m.accuracy, ref.value(QStringLiteral("accuracy")).toDouble()),
             qPrintable(QString::number(m.accuracy, 'g', 17)));
    QVERIFY2(near(m.macroF1, ref.value(QStringLiteral("macro_f1")).toDouble()),
             qPrintable(QString::number(m.macroF1, 'g', 17)));

    const QJsonArray precision = ref.value(QStringLiteral("precision")).toArray();
    const QJsonArray recall = ref.value(QStringLiteral("recall")).toArray();
    const QJsonArray f1 = ref.value(QStringLiteral("f1")).toArray();
    const QJsonArray support = ref.value(QStringLiteral("support")).toArray();
    QCOMPARE(m.perClass.size(), size_t(labels.size()));
    for (int c = 0; c < labels.size(); ++c) {
        const ClassMetrics &cm = m.perClass[size_t(c)];
        const QByteArray where = labels[c].toUtf8();
        QCOMPARE(cm.name, labels[c]);
        QVERIFY2(near(cm.precision, precision[c].toDouble()), where.constData());
        QVERIFY2(near(cm.recall, recall[c].toDouble()), where.constData());
        QVERIFY2(near(cm.f1, f1[c].toDouble()), where.constData());
        QCOMPARE(cm.support, support[c].toInt());
    }

    const QJsonArray confusion = ref.value(QStringLiteral("confusion")).toArray();
    QCOMPARE(m.confusion.size(), size_t(confusion.size()));
    for (int r = 0; r < confusion.size(); ++r)
        QCOMPARE(m.confusion[size_t(r)], ints(confusion[r].toArray()));
}

void TestMetrics::jsonShape()
{
    // 3 classes; "fox" is never predicted, so its precision is 0 by zero_division.
    const ClassificationMetrics m = computeMetrics({0, 0, 1, 1, 2, 0}, {0, 1, 1, 1, 0, 0},
                                                   {QStringLiteral("cat"), QStringLiteral("dög"), QStringLiteral("fox")});
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(metricsJson(m), &err);
    QCOMPARE(err.error, QJsonParseError::NoError);
    const QJsonObject o = doc.object();
    const QStringList keys = o.keys();
    QCOMPARE(QSet<QString>(keys.begin(), keys.end()),
             (QSet<QString>{QStringLiteral("accuracy"), QStringLiteral("macro_f1"), QStringLiteral("labels"),
                            QStringLiteral("per_class"), QStringLiteral("confusion")}));
    QVERIFY(near(o.value(QStringLiteral("accuracy")).toDouble(), 4.0 / 6.0));
    QVERIFY(near(o.value(QStringLiteral("macro_f1")).toDouble(), m.macroF1));
    QCOMPARE(strings(o.value(QStringLiteral("labels")).toArray()), m.labels);

    const QJsonArray perClass = o.value(QStringLiteral("per_class")).toArray();
    QCOMPARE(perClass.size(), 3);
    const QJsonObject dog = perClass[1].toObject();
    QCOMPARE(dog.value(QStringLiteral("name")).toString(), QStringLiteral("dög"));
    QVERIFY(near(dog.value(QStringLiteral("precision")).toDouble(), 2.0 / 3.0));
    QVERIFY(near(dog.value(QStringLiteral("recall")).toDouble(), 1.0));
    QVERIFY(near(dog.value(QStringLiteral("f1")).toDouble(), 0.8));
    QCOMPARE(dog.value(QStringLiteral("support")).toInt(), 2);
    QCOMPARE(perClass[2].toObject().value(QStringLiteral("precision")).toDouble(), 0.0);

    const QJsonArray confusion = o.value(QStringLiteral("confusion")).toArray();
    QCOMPARE(confusion.size(), 3);
    QCOMPARE(ints(confusion[0].toArray()), (std::vector<int>{2, 1, 0})); // rows are the true class
    QCOMPARE(ints(confusion[2].toArray()), (std::vector<int>{1, 0, 0}));
}

void TestMetrics::emptyInputIsNaNAccuracyAndNullInJson()
{
    // sklearn: accuracy_score([], []) is nan; P/R/F1 are 0 for every label.
    const ClassificationMetrics m = computeMetrics({}, {}, {QStringLiteral("a"), QStringLiteral("b")});
    QVERIFY(std::isnan(m.accuracy));
    QCOMPARE(m.macroF1, 0.0);
    QCOMPARE(m.perClass.size(), size_t(2));
    QCOMPARE(m.perClass[0].support, 0);
    const QJsonObject o = QJsonDocument::fromJson(metricsJson(m)).object();
    QVERIFY(o.value(QStringLiteral("accuracy")).isNull());
    QCOMPARE(o.value(QStringLiteral("confusion")).toArray().size(), 2);
}

void TestMetrics::refusesBadInput_data()
{
    QTest::addColumn<std::vector<int>>("truth");
    QTest::addColumn<std::vector<int>>("predicted");
    QTest::addColumn<int>("classes");
    QTest::newRow("size mismatch") << std::vector<int>{0, 1, 1} << std::vector<int>{0, 1} << 2;
    QTest::newRow("negative truth") << std::vector<int>{0, -1} << std::vector<int>{0, 1} << 2;
    QTest::newRow("truth too large") << std::vector<int>{0, 2} << std::vector<int>{0, 1} << 2;
    QTest::newRow("prediction too large") << std::vector<int>{0, 1} << std::vector<int>{0, 7} << 2;
    QTest::newRow("negative prediction") << std::vector<int>{0, 1} << std::vector<int>{-3, 1} << 2;
    QTest::newRow("samples but no labels") << std::vector<int>{0} << std::vector<int>{0} << 0;
}

void TestMetrics::refusesBadInput()
{
    QFETCH(std::vector<int>, truth);
    QFETCH(std::vector<int>, predicted);
    QFETCH(int, classes);
    QStringList labels;
    for (int c = 0; c < classes; ++c)
        labels << QString::number(c);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, computeMetrics(truth, predicted, labels));
    try {
        computeMetrics(truth, predicted, labels);
    } catch (const std::invalid_argument &e) {
        QVERIFY(std::string(e.what()).size() > 10); // says what is wrong
    }
}

void TestMetrics::jsonHasAveragePrecisionWhenGiven()
{
    const ClassificationMetrics m = computeMetrics({0, 1, 1}, {0, 1, 0}, {QStringLiteral("a"), QStringLiteral("b")});
    const QJsonArray plain = QJsonDocument::fromJson(metricsJson(m)).object().value(QStringLiteral("per_class")).toArray();
    QVERIFY(!plain[0].toObject().contains(QStringLiteral("average_precision")));
    const QJsonArray withAp = QJsonDocument::fromJson(metricsJson(m, {0.75, std::nan("")}))
                                  .object()
                                  .value(QStringLiteral("per_class"))
                                  .toArray();
    QCOMPARE(withAp[0].toObject().value(QStringLiteral("average_precision")).toDouble(), 0.75);
    QVERIFY(withAp[1].toObject().value(QStringLiteral("average_precision")).isNull());
}

void TestMetrics::prCurveMatchesSklearn_data()
{
    QTest::addColumn<QJsonObject>("ref");
    const QJsonArray cases = referenceCases(QStringLiteral("pr_cases"));
    QVERIFY(cases.size() >= 6);
    for (const QJsonValue &c : cases) {
        const QJsonObject o = c.toObject();
        QTest::newRow(qPrintable(o.value(QStringLiteral("name")).toString())) << o;
    }
}

void TestMetrics::prCurveMatchesSklearn()
{
    QFETCH(QJsonObject, ref);
    std::vector<bool> positive;
    int positives = 0;
    for (int t : ints(ref.value(QStringLiteral("truth")).toArray())) {
        positive.push_back(t == 1);
        positives += t == 1 ? 1 : 0;
    }
    const PrCurve c = precisionRecallCurve(positive, doubles(ref.value(QStringLiteral("scores")).toArray()));
    QString diff = compareCurve("precision", c.precision, doubles(ref.value(QStringLiteral("precision")).toArray()));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    diff = compareCurve("recall", c.recall, doubles(ref.value(QStringLiteral("recall")).toArray()));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    diff = compareCurve("thresholds", c.thresholds, doubles(ref.value(QStringLiteral("thresholds")).toArray()));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    diff = compareCurve("average precision", {c.averagePrecision}, {ref.value(QStringLiteral("average_precision")).toDouble()});
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QCOMPARE(c.positives, positives);
    // sklearn's shape: one threshold fewer, and the curve ends at recall 0, precision 1.
    QCOMPARE(c.thresholds.size() + 1, c.precision.size());
    QCOMPARE(c.recall.back(), 0.0);
    QCOMPARE(c.precision.back(), 1.0);
}

void TestMetrics::prCurvesPerClass()
{
    PredictionSet set = awkwardSet();
    set.classes.append(QStringLiteral("never"));
    for (Prediction &p : set.items)
        p.probabilities.push_back(0.0f);
    const std::vector<PrCurve> curves = precisionRecallCurves(set);
    QCOMPARE(curves.size(), size_t(4));
    for (int c = 0; c < 4; ++c) {
        std::vector<bool> positive;
        std::vector<double> scores;
        for (const Prediction &p : set.items) {
            positive.push_back(p.truth == c);
            scores.push_back(double(p.probabilities[std::size_t(c)]));
        }
        const PrCurve one = precisionRecallCurve(positive, scores);
        QCOMPARE(curves[std::size_t(c)].className, set.classes.at(c));
        QCOMPARE(curves[std::size_t(c)].precision, one.precision);
        QCOMPARE(curves[std::size_t(c)].recall, one.recall);
        QCOMPARE(curves[std::size_t(c)].averagePrecision, one.averagePrecision);
    }
    QCOMPARE(curves[2].positives, 2);
    // "never" has no positives: sklearn 1.2 gives recall 1 everywhere and an average precision of 0.
    QCOMPARE(curves[3].positives, 0);
    QCOMPARE(curves[3].averagePrecision, 0.0);
    // The fox is ranked first on both of its images: perfect.
    QCOMPARE(curves[2].averagePrecision, 1.0);

    set.items[1].probabilities.pop_back();
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, precisionRecallCurves(set));
}

void TestMetrics::prCurveEdgeCases()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, precisionRecallCurve({true, false}, {0.5}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, precisionRecallCurve({true, false}, {0.5, std::nan("")}));
    const PrCurve empty = precisionRecallCurve({}, {});
    QCOMPARE(empty.precision, std::vector<double>{1.0});
    QCOMPARE(empty.recall, std::vector<double>{0.0});
    QVERIFY(empty.thresholds.empty());
    QVERIFY(std::isnan(empty.averagePrecision));
    QVERIFY(precisionRecallCurves(PredictionSet{}).empty());
}

void TestMetrics::predictionsRoundTrip()
{
    const PredictionSet set = awkwardSet();
    const QString file = predictionfiles::devPath(m_dir.path());
    QCOMPARE(file, m_dir.filePath(QStringLiteral("predictions-dev.csv")));
    QCOMPARE(predictionfiles::write(file, set), QString());

    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readLine(), QByteArray("path,true_label,predicted_label,confidence,loss,p:cat,\"p:dog, big\",\"p:fox \"\"red\"\"\","
                                      "split,epoch\n"));
    f.close();

    const PredictionSet back = predictionfiles::read(file);
    QCOMPARE(back.classes, set.classes);
    QCOMPARE(back.split, set.split);
    QCOMPARE(back.epoch, 7);
    QCOMPARE(back.items.size(), set.items.size());
    for (std::size_t i = 0; i < set.items.size(); ++i) {
        const Prediction &a = set.items[i], &b = back.items[i];
        QCOMPARE(b.path, a.path);
        QCOMPARE(b.truth, a.truth);
        QCOMPARE(b.predicted, a.predicted);
        QCOMPARE(b.correct(), a.correct());
        // Floats come back bit for bit.
        QCOMPARE(b.confidence, a.confidence);
        QCOMPARE(b.loss, a.loss);
        QCOMPARE(b.probabilities, a.probabilities);
    }
    QCOMPARE(back.truths(), (std::vector<int>{0, 1, 2, 2}));
    QCOMPARE(back.predictions(), (std::vector<int>{0, 1, 0, 2}));

    // An empty set keeps its classes; a set that does not fit its classes is refused, not written.
    PredictionSet none;
    none.classes = {QStringLiteral("a"), QStringLiteral("b")};
    const QString emptyFile = m_dir.filePath(QStringLiteral("empty.csv"));
    QCOMPARE(predictionfiles::write(emptyFile, none), QString());
    QCOMPARE(predictionfiles::read(emptyFile).classes, none.classes);
    PredictionSet bad = set;
    bad.items[2].predicted = 5;
    QVERIFY(!predictionfiles::write(m_dir.filePath(QStringLiteral("bad.csv")), bad).isEmpty());
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("bad.csv"))));
}

void TestMetrics::predictionsOfTheInterfaceLayoutRead()
{
    // Exactly the documented columns (no split, epoch), CRLF line ends: the split comes from the name.
    const QString file = predictionfiles::testPath(m_dir.path());
    loupe::test::writeBytes(file, "path,true_label,predicted_label,confidence,loss,p:a,p:b\r\n"
                                  "x.png,a,b,0.75,1.3862944,0.25,0.75\r\n"
                                  "\r\n"
                                  "\"y,1.png\",b,b,0.5,0.6931472,0.5,0.5\r\n");
    const PredictionSet set = predictionfiles::read(file);
    QCOMPARE(set.split, QStringLiteral("test"));
    QCOMPARE(set.epoch, 0);
    QCOMPARE(set.items.size(), size_t(2));
    QCOMPARE(set.items[1].path, QStringLiteral("y,1.png"));
    QCOMPARE(set.items[0].predicted, 1);
    QCOMPARE(set.items[0].probabilities, (std::vector<float>{0.25f, 0.75f}));
}

void TestMetrics::malformedPredictions_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("problem");
    const QByteArray header = "path,true_label,predicted_label,confidence,loss,p:a,p:b\n";
    QTest::newRow("empty file") << QByteArray() << 1 << QStringLiteral("empty");
    QTest::newRow("old four columns") << QByteArray("path,true_label,predicted_label,confidence\nx,a,a,0.9\n") << 1
                                     << QStringLiteral("column 5");
    QTest::newRow("wrong header") << QByteArray("file,true_label,predicted_label,confidence,loss,p:a\n") << 1
                                  << QStringLiteral("column 1 is \"file\"");
    QTest::newRow("no probability columns") << QByteArray("path,true_label,predicted_label,confidence,loss\n") << 1
                                            << QStringLiteral("no p:<class>");
    QTest::newRow("class twice") << QByteArray("path,true_label,predicted_label,confidence,loss,p:a,p:a\n") << 1
                                 << QStringLiteral("two probability columns");
    QTest::newRow("unknown column") << QByteArray("path,true_label,predicted_label,confidence,loss,p:a,p:b,notes\n") << 1
                                    << QStringLiteral("unexpected column \"notes\"");
    QTest::newRow("unknown true class") << header + "x.png,a,a,0.9,0.1,0.9,0.1\ny.png,c,a,0.9,0.1,0.9,0.1\n" << 3
                                        << QStringLiteral("true_label \"c\"");
    QTest::newRow("unknown predicted class") << header + "x.png,a,zebra,0.9,0.1,0.9,0.1\n" << 2
                                             << QStringLiteral("predicted_label \"zebra\"");
    QTest::newRow("confidence not a number") << header + "x.png,a,a,high,0.1,0.9,0.1\n" << 2
                                             << QStringLiteral("confidence \"high\" is not a number");
    QTest::newRow("loss NaN") << header + "x.png,a,a,0.9,nan,0.9,0.1\n" << 2 << QStringLiteral("loss \"nan\"");
    QTest::newRow("probability above 1") << header + "x.png,a,a,0.9,0.1,1.5,0.1\n" << 2
                                         << QStringLiteral("between 0 and 1");
    QTest::newRow("too few fields") << header + "x.png,a,a,0.9,0.1,0.9\n" << 2 << QStringLiteral("expected 7 fields");
    QTest::newRow("quote not closed") << header + "x.png,a,a,0.9,0.1,0.9,0.1\n\"y.png,a,a,0.9,0.1,0.9,0.1\n" << 3
                                      << QStringLiteral("not closed");
    QTest::newRow("line after a quoted line break")
        << header + "\"two\nlines.png\",a,a,0.9,0.1,0.9,0.1\nz.png,a,a,0.9,0.1,0.9\n" << 4
        << QStringLiteral("expected 7 fields");
    QTest::newRow("epoch differs")
        << QByteArray("path,true_label,predicted_label,confidence,loss,p:a,p:b,split,epoch\n"
                      "x.png,a,a,0.9,0.1,0.9,0.1,dev,3\ny.png,a,a,0.9,0.1,0.9,0.1,dev,4\n")
        << 3 << QStringLiteral("epoch 4 differs");
    QTest::newRow("epoch not a number")
        << QByteArray("path,true_label,predicted_label,confidence,loss,p:a,p:b,split,epoch\n"
                      "x.png,a,a,0.9,0.1,0.9,0.1,dev,last\n")
        << 2 << QStringLiteral("epoch \"last\"");
}

void TestMetrics::malformedPredictions()
{
    QFETCH(QByteArray, content);
    QFETCH(int, line);
    QFETCH(QString, problem);
    const QString file = m_dir.filePath(QStringLiteral("malformed.csv"));
    loupe::test::writeBytes(file, content);
    try {
        predictionfiles::read(file);
        QFAIL("a malformed file was read");
    } catch (const LabelFileError &e) {
        QCOMPARE(e.file(), file);
        QCOMPARE(e.place(), QStringLiteral("line %1").arg(line));
        QVERIFY2(e.problem().contains(problem), qPrintable(e.message()));
    }
}

void TestMetrics::missingPredictionsFileNamesIt()
{
    const QString file = m_dir.filePath(QStringLiteral("nowhere/predictions-dev.csv"));
    QVERIFY_THROWS_EXCEPTION(LabelFileError, predictionfiles::read(file));
    try {
        predictionfiles::readHistory(file);
    } catch (const LabelFileError &e) {
        QCOMPARE(e.file(), file);
        QVERIFY(e.message().contains(file));
    }
    // A folder that cannot exist: the write fails with a message instead of throwing.
    QVERIFY(!predictionfiles::write(m_dir.filePath(QStringLiteral("malformed.csv/x.csv")), awkwardSet()).isEmpty());
}

void TestMetrics::historyRoundTripAndFlips()
{
    const PredictionHistory h = sampleHistory();
    const QString file = predictionfiles::historyPath(m_dir.path());
    QCOMPARE(file, m_dir.filePath(QStringLiteral("dev-history.jsonl")));
    QCOMPARE(predictionfiles::writeHistory(file, h), QString());
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(int(f.readAll().count('\n')), 5); // the header line and one per epoch
    f.close();

    const PredictionHistory back = predictionfiles::readHistory(file);
    QCOMPARE(back.classes, h.classes);
    QCOMPARE(back.paths, h.paths);
    QCOMPARE(back.truth, h.truth);
    QCOMPARE(back.epochs.size(), h.epochs.size());
    for (std::size_t e = 0; e < h.epochs.size(); ++e) {
        QCOMPARE(back.epochs[e].epoch, h.epochs[e].epoch);
        QCOMPARE(back.epochs[e].predicted, h.epochs[e].predicted);
        for (std::size_t i = 0; i < h.epochs[e].confidence.size(); ++i)
            QVERIFY(std::abs(back.epochs[e].confidence[i] - h.epochs[e].confidence[i]) < 1e-6);
    }
    QCOMPARE(back.indexOf(QStringLiteral("/a/2.png")), 1);
    QCOMPARE(back.indexOf(QStringLiteral("/b/2.png")), -1);
    // Image 1: 0, 0, 0, 1 → changed after epoch 5. Image 2: 0, 1, 0, 1 → 2, 4, 5.
    QCOMPARE(back.flips(0), std::vector<int>{5});
    QCOMPARE(back.flips(1), (std::vector<int>{2, 4, 5}));
    // Image 3: 1, 1, unreadable, 0 → one change, seen at epoch 5.
    QCOMPARE(back.flips(2), std::vector<int>{5});
    QVERIFY(back.flips(3).empty());
    QVERIFY(back.flips(-1).empty());

    PredictionHistory uneven = h;
    uneven.epochs[1].confidence.pop_back();
    QVERIFY(!predictionfiles::writeHistory(m_dir.filePath(QStringLiteral("uneven.jsonl")), uneven).isEmpty());
}

void TestMetrics::malformedHistory_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("problem");
    const QByteArray head = R"({"classes":["a","b"],"paths":["x","y"],"truth":[0,1]})" "\n";
    QTest::newRow("empty") << QByteArray("\n\n") << 1 << QStringLiteral("empty");
    QTest::newRow("not JSON") << head + R"({"epoch":1,"predicted":[0,1],"confidence":[0.5,0.5]})" "\n{epoch 2}\n" << 3
                              << QStringLiteral("JSON object");
    QTest::newRow("header without paths") << QByteArray(R"({"classes":["a","b"],"truth":[0,1]})" "\n") << 1
                                          << QStringLiteral("classes, paths and truth");
    QTest::newRow("truth size") << QByteArray(R"({"classes":["a","b"],"paths":["x","y"],"truth":[0]})" "\n") << 1
                                << QStringLiteral("1 entries for 2 paths");
    QTest::newRow("truth out of range") << QByteArray(R"({"classes":["a","b"],"paths":["x","y"],"truth":[0,2]})" "\n")
                                        << 1 << QStringLiteral("not a class index");
    QTest::newRow("too few answers") << head + R"({"epoch":1,"predicted":[0],"confidence":[0.5]})" "\n" << 2
                                     << QStringLiteral("one answer per path");
    QTest::newRow("epochs not ascending")
        << head + R"({"epoch":2,"predicted":[0,1],"confidence":[0.5,0.5]})" "\n"
                  R"({"epoch":2,"predicted":[0,1],"confidence":[0.5,0.5]})" "\n"
        << 3 << QStringLiteral("must ascend");
    QTest::newRow("predicted out of range") << head + "\n" R"({"epoch":1,"predicted":[0,3],"confidence":[0.5,0.5]})" "\n"
                                            << 3 << QStringLiteral("predicted entry 2");
    QTest::newRow("epoch missing") << head + R"({"predicted":[0,1],"confidence":[0.5,0.5]})" "\n" << 2
                                   << QStringLiteral("\"epoch\"");
    QTest::newRow("confidence text") << head + R"({"epoch":1,"predicted":[0,1],"confidence":[0.5,"x"]})" "\n" << 2
                                     << QStringLiteral("confidence entry 2");
}

void TestMetrics::malformedHistory()
{
    QFETCH(QByteArray, content);
    QFETCH(int, line);
    QFETCH(QString, problem);
    const QString file = m_dir.filePath(QStringLiteral("malformed.jsonl"));
    loupe::test::writeBytes(file, content);
    try {
        predictionfiles::readHistory(file);
        QFAIL("a malformed file was read");
    } catch (const LabelFileError &e) {
        QCOMPARE(e.file(), file);
        QCOMPARE(e.place(), QStringLiteral("line %1").arg(line));
        QVERIFY2(e.problem().contains(problem), qPrintable(e.message()));
    }
}

void TestMetrics::rankingKeysAndDirections()
{
    for (RankingMetric m : {RankingMetric::MacroF1, RankingMetric::Accuracy, RankingMetric::DevLoss}) {
        QCOMPARE(rankingMetricFromKey(rankingMetricKey(m)), std::optional<RankingMetric>(m));
        QVERIFY(!rankingMetricTitle(m).isEmpty());
    }
    QCOMPARE(rankingMetricKey(RankingMetric::DevLoss), QStringLiteral("dev_loss"));
    QCOMPARE(rankingMetricKey(RankingMetric::MacroF1), QStringLiteral("macro_f1"));
    QVERIFY(!rankingMetricFromKey(QStringLiteral("f1")).has_value());
    QVERIFY(!rankingMetricFromKey(QString()).has_value());
    QVERIFY(higherIsBetter(RankingMetric::MacroF1));
    QVERIFY(higherIsBetter(RankingMetric::Accuracy));
    QVERIFY(!higherIsBetter(RankingMetric::DevLoss));
    const EpochMetrics e = epochOf(3, 0.4, 0.9, 0.85, false);
    QCOMPARE(metricValue(e, RankingMetric::DevLoss), 0.4);
    QCOMPARE(metricValue(e, RankingMetric::Accuracy), 0.9);
    QCOMPARE(metricValue(e, RankingMetric::MacroF1), 0.85);
}

void TestMetrics::ranksAboveKeepsNaNLast()
{
    const double nan = std::nan("");
    QVERIFY(ranksAbove(0.9, 0.8, RankingMetric::Accuracy));
    QVERIFY(!ranksAbove(0.8, 0.9, RankingMetric::Accuracy));
    QVERIFY(ranksAbove(0.2, 0.3, RankingMetric::DevLoss));
    QVERIFY(!ranksAbove(0.3, 0.2, RankingMetric::DevLoss));
    QVERIFY(!ranksAbove(0.5, 0.5, RankingMetric::MacroF1));
    for (RankingMetric m : {RankingMetric::MacroF1, RankingMetric::DevLoss}) {
        QVERIFY(ranksAbove(-1e9, nan, m));
        QVERIFY(ranksAbove(1e9, nan, m));
        QVERIFY(!ranksAbove(nan, 0.5, m));
        QVERIFY(!ranksAbove(nan, nan, m));
    }
    // Sorting runs: best first, NaN at the end whatever the direction.
    std::vector<double> losses = {0.5, nan, 0.1, 0.3, nan, 0.2};
    std::stable_sort(losses.begin(), losses.end(), [](double a, double b) { return ranksAbove(a, b, RankingMetric::DevLoss); });
    QCOMPARE(std::vector<double>(losses.begin(), losses.begin() + 4), (std::vector<double>{0.1, 0.2, 0.3, 0.5}));
    QVERIFY(std::isnan(losses[4]) && std::isnan(losses[5]));
    std::vector<double> f1 = {nan, 0.5, 0.9, 0.7};
    std::stable_sort(f1.begin(), f1.end(), [](double a, double b) { return ranksAbove(a, b, RankingMetric::MacroF1); });
    QCOMPARE(std::vector<double>(f1.begin(), f1.begin() + 3), (std::vector<double>{0.9, 0.7, 0.5}));
    QVERIFY(std::isnan(f1[3]));
}

void TestMetrics::runScoreUsesTheBestEpoch()
{
    QVERIFY(!runScore({}, RankingMetric::MacroF1).has_value());
    // Epoch 2 had the lowest dev loss (marked best) though epoch 3 had the higher F1: the kept weights count.
    const std::vector<EpochMetrics> marked = {epochOf(1, 0.9, 0.5, 0.4, true), epochOf(2, 0.3, 0.8, 0.7, true),
                                              epochOf(3, 0.5, 0.85, 0.8, false)};
    QCOMPARE(runScore(marked, RankingMetric::MacroF1), std::optional<double>(0.7));
    QCOMPARE(runScore(marked, RankingMetric::Accuracy), std::optional<double>(0.8));
    QCOMPARE(runScore(marked, RankingMetric::DevLoss), std::optional<double>(0.3));
    // Nothing marked: the best value over the epochs, in the metric's own direction, NaN ignored.
    const double nan = std::nan("");
    const std::vector<EpochMetrics> unmarked = {epochOf(1, 0.9, 0.5, nan, false), epochOf(2, 0.4, 0.8, 0.6, false),
                                                epochOf(3, nan, 0.7, 0.75, false)};
    QCOMPARE(runScore(unmarked, RankingMetric::MacroF1), std::optional<double>(0.75));
    QCOMPARE(runScore(unmarked, RankingMetric::Accuracy), std::optional<double>(0.8));
    QCOMPARE(runScore(unmarked, RankingMetric::DevLoss), std::optional<double>(0.4));
    const std::optional<double> allNaN = runScore({epochOf(1, nan, nan, nan, false)}, RankingMetric::DevLoss);
    QVERIFY(allNaN.has_value() && std::isnan(*allNaN));
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
