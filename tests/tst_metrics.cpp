// Classification metrics against scikit-learn's figures (tests/data/metrics/reference.json,
// written by make_reference.py), the eval --json shape, and refused input.

#include "eval/Metrics.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cmath>
#include <stdexcept>

using namespace loupe;

namespace {

constexpr double kTolerance = 1e-6;

QJsonArray referenceCases()
{
    QFile f(QStringLiteral(LOUPE_TEST_DATA "/metrics/reference.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(f.fileName()));
    return QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("cases")).toArray();
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

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
