// The practice's reading of loss curves on synthetic histories: each verdict fires on its own
// curve, with its numbers and the practice's remedies.

#include "train/Diagnosis.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace loupe;

Q_DECLARE_METATYPE(loupe::Verdict)

namespace {

std::vector<EpochMetrics> curves(const QVector<double> &train, const QVector<double> &dev)
{
    std::vector<EpochMetrics> h;
    for (int i = 0; i < train.size(); ++i) {
        EpochMetrics m;
        m.epoch = i + 1;
        m.trainLoss = train[i];
        m.devLoss = dev[i];
        h.push_back(m);
    }
    return h;
}

// A detector's history: no accuracy or macro F1, the loss parts beside the total.
std::vector<EpochMetrics> detectorCurves(const QVector<double> &train, const QVector<double> &dev)
{
    std::vector<EpochMetrics> h = curves(train, dev);
    for (EpochMetrics &m : h) {
        m.hasClassMetrics = false;
        m.extra = {{QStringLiteral("train_loss_classification"), m.trainLoss * 0.4},
            {QStringLiteral("train_loss_box"), m.trainLoss * 0.6}};
    }
    return h;
}

} // namespace

class TestDiagnosis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verdicts_data();
    void verdicts();
    void remediesNameThePractice_data();
    void remediesNameThePractice();
    void scaleFollowsTheNumberOfClasses();
    void devBlowUpIsNotALearningRateProblem();
    void detectorLossesAreJudgedAgainstTheirFirstEpoch();
};

void TestDiagnosis::verdicts_data()
{
    QTest::addColumn<QVector<double>>("train");
    QTest::addColumn<QVector<double>>("dev");
    QTest::addColumn<int>("classes");
    QTest::addColumn<Verdict>("expected");

    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    // Ten classes: a uniform guess scores ln 10 = 2.30.
    QTest::newRow("empty") << QVector<double>{} << QVector<double>{} << 10 << Verdict::NoneYet;
    QTest::newRow("two epochs") << QVector<double>{2.2, 1.6} << QVector<double>{2.1, 1.7} << 10 << Verdict::NoneYet;
    QTest::newRow("still falling") << QVector<double>{2.2, 1.6, 1.1, 0.8} << QVector<double>{2.1, 1.6, 1.2, 0.9} << 10
                                   << Verdict::Converging;
    QTest::newRow("plateau high") << QVector<double>{2.25, 2.0, 1.9, 1.88, 1.87, 1.87}
                                  << QVector<double>{2.2, 2.0, 1.95, 1.94, 1.94, 1.95} << 10 << Verdict::Underfitting;
    QTest::newRow("dev goes up") << QVector<double>{2.0, 1.2, 0.6, 0.25, 0.1, 0.04}
                                 << QVector<double>{1.9, 1.4, 1.2, 1.3, 1.5, 1.7} << 10 << Verdict::Overfitting;
    QTest::newRow("dev stays high") << QVector<double>{1.5, 0.5, 0.1, 0.03, 0.02, 0.02}
                                    << QVector<double>{1.6, 1.3, 1.25, 1.24, 1.25, 1.24} << 10 << Verdict::Overfitting;
    QTest::newRow("two classes, dev goes up") << QVector<double>{0.69, 0.4, 0.2, 0.08, 0.03}
                                              << QVector<double>{0.68, 0.5, 0.45, 0.55, 0.7} << 2 << Verdict::Overfitting;
    QTest::newRow("nan") << QVector<double>{2.2, nan} << QVector<double>{2.1, 2.0} << 10 << Verdict::Diverging;
    QTest::newRow("inf dev") << QVector<double>{2.2, 1.9, 1.8} << QVector<double>{2.1, inf, 2.0} << 10
                             << Verdict::Diverging;
    QTest::newRow("worse than guessing") << QVector<double>{2.3, 4.0} << QVector<double>{2.3, 4.5} << 10
                                         << Verdict::Diverging;
    QTest::newRow("rising fast") << QVector<double>{1.0, 0.6, 0.9, 1.4} << QVector<double>{1.1, 0.8, 1.0, 1.5} << 10
                                 << Verdict::Diverging;
    QTest::newRow("low and flat") << QVector<double>{2.0, 0.8, 0.3, 0.1, 0.05, 0.04, 0.04}
                                  << QVector<double>{1.9, 0.9, 0.4, 0.2, 0.15, 0.15, 0.15} << 10 << Verdict::Converged;
}

void TestDiagnosis::verdicts()
{
    QFETCH(QVector<double>, train);
    QFETCH(QVector<double>, dev);
    QFETCH(int, classes);
    QFETCH(Verdict, expected);
    const Diagnosis d = diagnose(curves(train, dev), classes);
    QCOMPARE(d.verdict, expected);
    QCOMPARE(d.epochs, train.size());
    QVERIFY(!d.title.isEmpty());
    QVERIFY2(!d.evidence.isEmpty(), qPrintable(d.title));
    QCOMPARE(d.chanceLoss, std::log(double(classes)));
    if (expected != Verdict::NoneYet && !train.isEmpty() && std::isfinite(train.back()) && std::isfinite(dev.back())) {
        // The evidence quotes the numbers it judged.
        QVERIFY2(d.evidence.contains(QString::number(train.back(), 'g', 3))
                     || d.evidence.contains(QString::number(dev.back(), 'g', 3)),
                 qPrintable(d.evidence));
    }
}

void TestDiagnosis::remediesNameThePractice_data()
{
    QTest::addColumn<QVector<double>>("train");
    QTest::addColumn<QVector<double>>("dev");
    QTest::addColumn<QStringList>("words");

    QTest::newRow("underfitting") << QVector<double>{2.25, 2.0, 1.9, 1.88, 1.87, 1.87}
                                  << QVector<double>{2.2, 2.0, 1.95, 1.94, 1.94, 1.95}
                                  << QStringList{QStringLiteral("bigger backbone"), QStringLiteral("less data augmentation"),
                                                 QStringLiteral("less regularisation"), QStringLiteral("larger input")};
    QTest::newRow("overfitting") << QVector<double>{2.0, 1.2, 0.6, 0.25, 0.1, 0.04}
                                 << QVector<double>{1.9, 1.4, 1.2, 1.3, 1.5, 1.7}
                                 << QStringList{QStringLiteral("more training data"),
                                                QStringLiteral("more data augmentation"),
                                                QStringLiteral("smaller backbone")};
    QTest::newRow("diverging") << QVector<double>{2.3, 4.0} << QVector<double>{2.3, 4.5}
                               << QStringList{QStringLiteral("lower learning rate")};
    QTest::newRow("converged") << QVector<double>{2.0, 0.8, 0.3, 0.1, 0.05, 0.04, 0.04}
                               << QVector<double>{1.9, 0.9, 0.4, 0.2, 0.15, 0.15, 0.15} << QStringList{};
}

void TestDiagnosis::remediesNameThePractice()
{
    QFETCH(QVector<double>, train);
    QFETCH(QVector<double>, dev);
    QFETCH(QStringList, words);
    const Diagnosis d = diagnose(curves(train, dev), 10);
    QCOMPARE(d.remedies.size() >= words.size(), true);
    if (words.isEmpty())
        QVERIFY(d.remedies.isEmpty());
    const QString all = d.remedies.join(QLatin1Char(' ')).toLower();
    for (const QString &w : words)
        QVERIFY2(all.contains(w), qPrintable(QStringLiteral("\"%1\" not in: %2").arg(w, all)));
    // Overfitting: the smaller backbone comes last, after data and augmentation.
    if (d.verdict == Verdict::Overfitting)
        QVERIFY(d.remedies.last().toLower().contains(QStringLiteral("smaller backbone")));
}

void TestDiagnosis::scaleFollowsTheNumberOfClasses()
{
    // A flat loss of 0.5 is high for two classes (72 % of ln 2) and fine for a hundred (11 % of ln 100).
    const QVector<double> flat{0.55, 0.52, 0.5, 0.5, 0.5};
    const QVector<double> dev{0.58, 0.55, 0.53, 0.53, 0.53};
    QCOMPARE(diagnose(curves(flat, dev), 2).verdict, Verdict::Underfitting);
    QVERIFY(diagnose(curves(flat, dev), 100).verdict != Verdict::Underfitting);
}

void TestDiagnosis::devBlowUpIsNotALearningRateProblem()
{
    // Fashion-MNIST, ResNet-18 at 32 px: training learns, evaluation mode blows up (batch norm on 1x1 maps).
    const double inf = std::numeric_limits<double>::infinity();
    for (const double dev : {2.7e16, inf}) {
        const Diagnosis d = diagnose(curves({1.16}, {dev}), 10);
        QCOMPARE(d.verdict, Verdict::Diverging);
        QCOMPARE(d.title, QStringLiteral("Dev loss blown up"));
        QVERIFY2(d.evidence.contains(QStringLiteral("training loss is 1.16")), qPrintable(d.evidence));
        QVERIFY2(d.evidence.contains(QStringLiteral("batch norm")), qPrintable(d.evidence));
        const QString all = d.remedies.join(QLatin1Char(' ')).toLower();
        QCOMPARE(d.remedies.size(), 3);
        for (const char *w : {"larger input image size", "larger batch", "running statistics frozen"})
            QVERIFY2(all.contains(QLatin1String(w)), qPrintable(all));
        QVERIFY2(!all.contains(QStringLiteral("learning rate")), qPrintable(all));
    }
    // A dev loss of 200 is ordinary trouble for 10 classes only below 100 x ln 10 = 230.
    QCOMPARE(blownUpLoss(10), 100.0 * std::log(10.0));
    QCOMPARE(blownUpLoss(2), 100.0);
    // The training loss itself blowing up is the learning rate's business.
    const Diagnosis t = diagnose(curves({1.2, inf}, {1.3, inf}), 10);
    QCOMPARE(t.verdict, Verdict::Diverging);
    QVERIFY(t.remedies.join(QLatin1Char(' ')).contains(QStringLiteral("lower learning rate")));
}

// A detector's focal + box loss starts near 2.4 with two classes: against ln 2 every such run would
// read as diverging. Measured against its own first epoch the banner says what the curves show.
void TestDiagnosis::detectorLossesAreJudgedAgainstTheirFirstEpoch()
{
    const Diagnosis stuck = diagnose(detectorCurves({2.4, 2.0, 1.95, 1.93, 1.92}, {2.3, 2.05, 2.0, 1.99, 1.99}), 2);
    QVERIFY(stuck.detection);
    QCOMPARE(stuck.chanceLoss, 2.4);
    QCOMPARE(stuck.verdict, Verdict::Underfitting);
    QVERIFY2(stuck.evidence.contains(QStringLiteral("first epoch")), qPrintable(stuck.evidence));
    QVERIFY(!stuck.remedies.isEmpty());
    // The same numbers as a classifier's: worse than guessing between two classes.
    QCOMPARE(
        diagnose(curves({2.4, 2.0, 1.95, 1.93, 1.92}, {2.3, 2.05, 2.0, 1.99, 1.99}), 2).verdict, Verdict::Diverging);

    const Diagnosis learning = diagnose(detectorCurves({2.4, 1.6, 1.1, 0.8, 0.6}, {2.2, 1.5, 1.1, 0.85, 0.7}), 2);
    QCOMPARE(learning.verdict, Verdict::Converging);
    QVERIFY2(learning.evidence.contains(QStringLiteral("Still learning")), qPrintable(learning.evidence));

    const Diagnosis memorising = diagnose(detectorCurves({2.4, 1.0, 0.4, 0.2, 0.1}, {2.3, 1.2, 1.0, 1.3, 1.6}), 2);
    QCOMPARE(memorising.verdict, Verdict::Overfitting);

    const Diagnosis rising = diagnose(detectorCurves({2.4, 3.0, 4.2}, {2.3, 3.1, 4.5}), 2);
    QCOMPARE(rising.verdict, Verdict::Diverging);
}

QTEST_GUILESS_MAIN(TestDiagnosis)
#include "tst_diagnosis.moc"
