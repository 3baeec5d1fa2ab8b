// The runs page: ranking by the project's metric, comparing two runs, exporting one.

#include "RunsModel.h"
#include "RunsPanel.h"
#include "Translations.h"
#include "eval/Metrics.h"
#include "eval/Predictions.h"
#include "eval/RunReport.h"
#include "project/Project.h"
#include "project/RunFolder.h"
#include "project/TrainConfig.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include "TestUtil.h"

#include <QPushButton>
#include <QSignalSpy>

#include <QTableView>
#include <QTableWidget>
#include <QHeaderView>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QtTest>

#include <qcustomplot.h>

#include <memory>

using namespace loupe;

namespace {

const QStringList kClasses = {QStringLiteral("shirt"), QStringLiteral("shoe"), QStringLiteral("bag")};

struct RunSpec {
    QString name;
    double lr;
    int batch;
    double macroF1, accuracy, devLoss; ///< at the best epoch
    std::vector<int> predicted;        ///< for the 6 dev images
};

// Dev truth of every run: two images a class.
const std::vector<int> kTruth = {0, 0, 1, 1, 2, 2};

const RunSpec kRuns[] = {
    // Macro F1 ranks alpha first, accuracy ranks beta first, dev loss ranks gamma first.
    {QStringLiteral("alpha"), 0.01, 32, 0.80, 0.85, 0.50, {0, 0, 1, 1, 2, 0}},
    {QStringLiteral("beta"), 0.001, 32, 0.70, 0.90, 0.40, {0, 1, 1, 1, 2, 2}},
    {QStringLiteral("gamma"), 0.01, 16, 0.60, 0.75, 0.30, {1, 0, 1, 2, 2, 2}},
};

PredictionSet predictionsOf(const RunSpec &spec)
{
    PredictionSet set;
    set.classes = kClasses;
    set.split = QStringLiteral("dev");
    set.epoch = 2;
    for (std::size_t i = 0; i < kTruth.size(); ++i) {
        Prediction p;
        p.path = QStringLiteral("/data/img%1.png").arg(i);
        p.truth = kTruth[i];
        p.predicted = spec.predicted[i];
        p.probabilities.assign(3, 0.1f);
        p.probabilities[std::size_t(p.predicted)] = 0.8f;
        p.confidence = 0.8f;
        p.loss = -std::log(p.probabilities[std::size_t(p.truth)]);
        set.items.push_back(p);
    }
    return set;
}

// dev-history.jsonl's first line: the dev images and their labels, as the trainer writes it.
void writeDevHistory(const QString &runDir, const QStringList &paths, const std::vector<int> &truth)
{
    PredictionHistory h;
    h.classes = kClasses;
    h.paths = paths;
    h.truth = truth;
    QCOMPARE(predictionfiles::writeHistory(predictionfiles::historyPath(runDir), h), QString());
}

void writeRun(const QString &projectDir, const QString &datasetRoot, const RunSpec &spec)
{
    const QString dir = projectDir + QLatin1Char('/') + spec.name;
    TrainConfig cfg;
    cfg.model = QStringLiteral("resnet18");
    cfg.imageSize = 32;
    cfg.epochs = 2;
    cfg.learningRate = spec.lr;
    cfg.batchSize = spec.batch;
    QJsonObject json = cfg.toJson();
    json[QStringLiteral("dataset")] = QJsonObject{{QStringLiteral("root"), datasetRoot},
                                                  {QStringLiteral("classes"), QJsonArray::fromStringList(kClasses)}};
    QCOMPARE(runfolder::writeConfig(dir, json), QString());
    std::vector<EpochMetrics> history(2);
    history[0] = {1, 1.5, spec.devLoss + 0.4, spec.accuracy - 0.2, spec.macroF1 - 0.2, 50, 2, spec.lr, false};
    history[1] = {2, 1.0, spec.devLoss, spec.accuracy, spec.macroF1, 50, 2, spec.lr, true};
    QCOMPARE(runfolder::writeMetrics(dir, history), QString());
    QCOMPARE(predictionfiles::write(predictionfiles::devPath(dir), predictionsOf(spec)), QString());
    QStringList paths;
    for (const Prediction &p : predictionsOf(spec).items)
        paths << p.path;
    writeDevHistory(dir, paths, kTruth);
}

QStringList order(RunsPanel &panel)
{
    QStringList names;
    QSortFilterProxyModel *proxy = panel.sortedRuns();
    for (int row = 0; row < proxy->rowCount(); ++row)
        names << QFileInfo(proxy->index(row, 0).data(RunsTableModel::DirRole).toString()).fileName();
    return names;
}

} // namespace

class TestRunsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // English as a user reads it: plural forms ("1 image", "6 images") come from the translation.
    void initTestCase() { QVERIFY(installTranslators(*QCoreApplication::instance(), QLocale(QLocale::English))); }
    void init();
    void ranksByTheProjectMetric_data();
    void ranksByTheProjectMetric();
    void ranksDetectorsByMap();
    void metricIsSavedInTheProject();
    void malformedProjectFileIsNotOverwritten();
    void comparesTwoRuns();
    void marksRunsJudgedOnAnotherDevSet();
    void exportsTheSelectedRun();
    void exportsTheSelectedRunsModel();
    void lossPlotFillsItsPane();
    void configTableReadsWholeInTheWindowsLocale();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_dataset;
    QString m_project;
    InspectionPtr m_inspection;
};

void TestRunsPanel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_dataset = m_dir->filePath(QStringLiteral("dataset"));
    m_project = m_dataset + QStringLiteral("/loupe-runs");
    QDir().mkpath(m_dataset);
    for (const RunSpec &spec : kRuns)
        writeRun(m_project, m_dataset, spec);
    auto inspection = std::make_shared<Inspection>();
    inspection->dataset.root = m_dataset;
    inspection->dataset.classes = kClasses;
    m_inspection = inspection;
}

void TestRunsPanel::ranksByTheProjectMetric_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("macro F1") << "macro_f1" << QStringList{"alpha", "beta", "gamma"};
    QTest::newRow("accuracy") << "accuracy" << QStringList{"beta", "alpha", "gamma"};
    QTest::newRow("dev loss (lower first)") << "dev_loss" << QStringList{"gamma", "beta", "alpha"};
}

void TestRunsPanel::ranksByTheProjectMetric()
{
    QFETCH(QString, key);
    QFETCH(QStringList, expected);
    Project project;
    project.rankingMetric = *rankingMetricFromKey(key);
    QCOMPARE(projectfile::write(m_project, project), QString());

    RunsPanel panel;
    QAbstractItemModelTester tester(panel.runsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    panel.setInspection(m_inspection);
    QCOMPARE(panel.projectDir(), QDir(m_dataset).filePath(QStringLiteral("loupe-runs")));
    QCOMPARE(panel.rankingMetric(), project.rankingMetric);
    QCOMPARE(order(panel), expected);
    // The best run is marked, and the score column is named after the metric.
    const QModelIndex first = panel.sortedRuns()->index(0, RunsTableModel::RunColumn);
    QVERIFY(first.data().toString().startsWith(QStringLiteral("★")));
    QVERIFY(!panel.sortedRuns()->index(1, RunsTableModel::RunColumn).data().toString().startsWith(QStringLiteral("★")));
    QCOMPARE(panel.runsModel()->headerData(RunsTableModel::ScoreColumn, Qt::Horizontal).toString(),
             bestScoreTitle(project.rankingMetric));

    // Clicking the header sorts numerically the other way round.
    panel.runsView()->sortByColumn(RunsTableModel::ScoreColumn,
                                   higherIsBetter(panel.rankingMetric()) ? Qt::AscendingOrder : Qt::DescendingOrder);
    QStringList reversed = expected;
    std::reverse(reversed.begin(), reversed.end());
    QCOMPARE(order(panel), reversed);
    panel.runsView()->sortByColumn(RunsTableModel::BatchColumn, Qt::AscendingOrder);
    QCOMPARE(order(panel).front(), QStringLiteral("gamma")); // batch 16 before 32
}

// Detection runs: no macro F1, so the page ranks them by dev mAP (though loupe.json says macro F1,
// its default) and says so in the column title; the Train page's list shows the same figure.
void TestRunsPanel::ranksDetectorsByMap()
{
    const QString dataset = m_dir->filePath(QStringLiteral("boxes"));
    const QString project = dataset + QStringLiteral("/loupe-runs");
    QDir().mkpath(dataset);
    QCOMPARE(projectfile::write(project, Project{}), QString());
    // name, dev mAP at the best epoch, dev loss: mAP ranks "wide" first, dev loss "narrow".
    const std::tuple<QString, double, double> specs[] = {{QStringLiteral("narrow"), 0.21, 0.4},
                                                         {QStringLiteral("wide"), 0.47, 0.6},
                                                         {QStringLiteral("tiled"), 0.35, 0.5}};
    for (const auto &[name, map, devLoss] : specs) {
        const QString dir = project + QLatin1Char('/') + name;
        TrainConfig cfg;
        cfg.task = QStringLiteral("detect");
        cfg.model = QStringLiteral("resnet18");
        QJsonObject json = cfg.toJson();
        json[QStringLiteral("dataset")] = QJsonObject{{QStringLiteral("root"), dataset},
                                                      {QStringLiteral("classes"), QJsonArray{QStringLiteral("spot")}}};
        QCOMPARE(runfolder::writeConfig(dir, json), QString());
        std::vector<EpochMetrics> history(2);
        for (int e = 0; e < 2; ++e) {
            EpochMetrics &m = history[std::size_t(e)];
            m.epoch = e + 1;
            m.trainLoss = 2.0 - e;
            m.devLoss = devLoss + 0.3 * (1 - e);
            m.hasClassMetrics = false;
            m.best = e == 1;
            m.extra = {{QStringLiteral("dev_map"), map - 0.1 * (1 - e)}, {QStringLiteral("dev_ap50"), map + 0.2}};
        }
        QCOMPARE(runfolder::writeMetrics(dir, history), QString());
    }
    auto inspection = std::make_shared<Inspection>();
    inspection->dataset.root = dataset;
    inspection->dataset.classes = {QStringLiteral("spot")};

    RunsPanel panel;
    panel.resize(1200, 700);
    panel.show();
    panel.setInspection(inspection);
    QCOMPARE(panel.projectDir(), project);
    QCOMPARE(panel.rankingMetric(), RankingMetric::Map);
    QCOMPARE(panel.findChild<QComboBox *>(QStringLiteral("rankingMetric"))->currentData().toString(), QStringLiteral("map"));
    QCOMPARE(order(panel), (QStringList{"wide", "tiled", "narrow"}));
    QVERIFY(panel.sortedRuns()->index(0, RunsTableModel::RunColumn).data().toString().startsWith(QStringLiteral("★")));
    QCOMPARE(panel.sortedRuns()->index(0, RunsTableModel::ScoreColumn).data().toString(), QStringLiteral("0.4700"));
    auto *view = panel.runsView();
    QCOMPARE(view->model()->headerData(RunsTableModel::ScoreColumn, Qt::Horizontal).toString(), QStringLiteral("Best dev mAP"));
    QVERIFY(!view->isColumnHidden(RunsTableModel::ScoreColumn));
    // The user can still rank the detectors by dev loss; the title follows.
    panel.findChild<QComboBox *>(QStringLiteral("rankingMetric"))->setCurrentIndex(
        panel.findChild<QComboBox *>(QStringLiteral("rankingMetric"))->findData(QStringLiteral("dev_loss")));
    QCOMPARE(order(panel).front(), QStringLiteral("narrow"));
    QCOMPARE(view->model()->headerData(RunsTableModel::ScoreColumn, Qt::Horizontal).toString(), QStringLiteral("Lowest dev loss"));

    // The Train page's list of the same runs.
    RunsModel list;
    list.refresh(project);
    QCOMPARE(list.headerData(RunsModel::ScoreColumn, Qt::Horizontal).toString(), QStringLiteral("Best dev mAP"));
    const int wide = list.rowOfDir(project + QStringLiteral("/wide"));
    QVERIFY(wide >= 0);
    QCOMPARE(list.index(wide, RunsModel::ScoreColumn).data().toString(), QStringLiteral("0.470 (epoch 2)"));
    // A classification project keeps macro F1.
    list.refresh(m_project);
    QCOMPARE(list.headerData(RunsModel::ScoreColumn, Qt::Horizontal).toString(), QStringLiteral("Best dev macro F1"));
}

void TestRunsPanel::metricIsSavedInTheProject()
{
    RunsPanel panel;
    panel.setInspection(m_inspection);
    QCOMPARE(panel.rankingMetric(), RankingMetric::MacroF1); // no loupe.json yet: the default
    QCOMPARE(order(panel), (QStringList{"alpha", "beta", "gamma"}));

    auto *combo = panel.findChild<QComboBox *>(QStringLiteral("rankingMetric"));
    QVERIFY(combo);
    combo->setCurrentIndex(combo->findData(QStringLiteral("dev_loss")));
    QCOMPARE(order(panel), (QStringList{"gamma", "beta", "alpha"}));
    QCOMPARE(projectfile::read(m_project).rankingMetric, RankingMetric::DevLoss);
    QFile f(projectfile::path(m_project));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().contains("dev_loss"));

    // Another window on the same project starts with the saved metric.
    RunsPanel again;
    again.setInspection(m_inspection);
    QCOMPARE(again.rankingMetric(), RankingMetric::DevLoss);
    QCOMPARE(again.findChild<QComboBox *>(QStringLiteral("rankingMetric"))->currentData().toString(), QStringLiteral("dev_loss"));
    QCOMPARE(order(again), (QStringList{"gamma", "beta", "alpha"}));
}

void TestRunsPanel::malformedProjectFileIsNotOverwritten()
{
    const QByteArray broken = "{\"ranking_metric\": 42, \"pipelines\": ";
    QFile f(projectfile::path(m_project));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(broken);
    f.close();
    RunsPanel panel;
    panel.setInspection(m_inspection);
    QVERIFY(panel.messageText().contains(QStringLiteral("loupe.json")));
    QCOMPARE(panel.runsModel()->rowCount(), 3);
    panel.setRankingMetric(RankingMetric::Accuracy);
    QCOMPARE(order(panel), (QStringList{"beta", "alpha", "gamma"}));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), broken);
}

void TestRunsPanel::comparesTwoRuns()
{
    RunsPanel panel;
    panel.setInspection(m_inspection);
    panel.resize(1300, 800);
    const QString alpha = m_project + QStringLiteral("/alpha");
    const QString beta = m_project + QStringLiteral("/beta");
    const QString gamma = m_project + QStringLiteral("/gamma");

    panel.selectRuns({alpha});
    QCOMPARE(panel.curveNames(), (QStringList{"A train", "A dev"}));
    QVERIFY(panel.differingKeys().isEmpty());

    panel.selectRuns({alpha, beta});
    QCOMPARE(panel.selectedRuns(), (QStringList{QDir(alpha).absolutePath(), QDir(beta).absolutePath()}));
    QCOMPARE(panel.curveNames(), (QStringList{"A train", "A dev", "B train", "B dev"}));
    QCOMPARE(panel.differingKeys(), QStringList{"lr"});
    QVERIFY(panel.configKeys().contains(QStringLiteral("batch")));
    QVERIFY(panel.configKeys().contains(QStringLiteral("dataset.root")));
    auto *config = panel.findChild<QTableWidget *>(QStringLiteral("configDiff"));
    QCOMPARE(config->rowCount(), int(panel.configKeys().size())); // every key listed
    QCOMPARE(config->item(0, 0)->text(), QStringLiteral("lr"));    // the difference first, highlighted
    QVERIFY(config->item(0, 0)->background() != config->item(1, 0)->background());

    // Per-class figures are computeMetrics' on each run's predictions-dev.csv.
    const ClassificationMetrics a = computeMetrics(kTruth, kRuns[0].predicted, kClasses);
    const ClassificationMetrics b = computeMetrics(kTruth, kRuns[1].predicted, kClasses);
    const auto &rows = panel.classComparison();
    QCOMPARE(int(rows.size()), 3);
    for (int c = 0; c < 3; ++c) {
        QCOMPARE(rows[std::size_t(c)].name, kClasses[c]);
        QCOMPARE(rows[std::size_t(c)].precisionA, a.perClass[std::size_t(c)].precision);
        QCOMPARE(rows[std::size_t(c)].precisionB, b.perClass[std::size_t(c)].precision);
        QCOMPARE(rows[std::size_t(c)].recallA, a.perClass[std::size_t(c)].recall);
        QCOMPARE(rows[std::size_t(c)].recallB, b.perClass[std::size_t(c)].recall);
        QCOMPARE(rows[std::size_t(c)].f1A, a.perClass[std::size_t(c)].f1);
        QCOMPARE(rows[std::size_t(c)].f1B, b.perClass[std::size_t(c)].f1);
    }
    auto *table = panel.findChild<QTableWidget *>(QStringLiteral("classComparison"));
    QCOMPARE(table->rowCount(), 4); // three classes and the macro average
    QCOMPARE(table->item(3, 7)->text(), QString::number(a.macroF1, 'f', 3));
    QCOMPARE(table->item(3, 8)->text(), QString::number(b.macroF1, 'f', 3));

    // Alpha and gamma differ in batch size only.
    panel.selectRuns({alpha, gamma});
    QCOMPARE(panel.differingKeys(), QStringList{"batch"});
    // The selection survives a re-rank.
    panel.setRankingMetric(RankingMetric::DevLoss);
    QCOMPARE(panel.selectedRuns().size(), 2);
    QCOMPARE(panel.curveNames().size(), 4);
}

void TestRunsPanel::marksRunsJudgedOnAnotherDevSet()
{
    // delta: trained after one dev image was relabelled (img5: bag → shoe) and the split redrawn
    // (img0 left dev, img9 joined it). Its macro F1 is the best, but on other images.
    const RunSpec delta{QStringLiteral("delta"), 0.02, 32, 0.95, 0.95, 0.20, {0, 0, 1, 1, 2, 0}};
    writeRun(m_project, m_dataset, delta);
    const QString deltaDir = m_project + QStringLiteral("/delta");
    writeDevHistory(deltaDir,
                    {"/data/img9.png", "/data/img1.png", "/data/img2.png", "/data/img3.png", "/data/img4.png",
                     "/data/img5.png"},
                    {0, 0, 1, 1, 2, 1});

    RunsPanel panel;
    panel.setInspection(m_inspection);
    panel.resize(1300, 800);
    QSortFilterProxyModel *runs = panel.sortedRuns();
    QCOMPARE(order(panel), (QStringList{"delta", "alpha", "beta", "gamma"}));
    auto devSetText = [&](int row) { return runs->index(row, RunsTableModel::DevSetColumn).data().toString(); };
    QCOMPARE(devSetText(0), QStringLiteral("6 images")); // the best run: the reference
    QCOMPARE(devSetText(1), QStringLiteral("differs: 4 of 6 shared"));
    QCOMPARE(devSetText(2), QStringLiteral("differs: 4 of 6 shared"));
    QVERIFY(runs->index(1, RunsTableModel::ScoreColumn).data(Qt::ToolTipRole).toString().contains(
        QStringLiteral("Not comparable")));

    // The comparison says so above the figures; two runs of one dev set say nothing.
    auto *warning = panel.findChild<QLabel *>(QStringLiteral("compareDevSets"));
    QVERIFY(warning);
    panel.selectRuns({deltaDir, m_project + QStringLiteral("/alpha")});
    QVERIFY(warning->isVisibleTo(&panel));
    QVERIFY2(warning->text().contains(QStringLiteral("4 of A's 6 dev images")), qPrintable(warning->text()));
    panel.selectRuns({m_project + QStringLiteral("/alpha"), m_project + QStringLiteral("/beta")});
    QVERIFY(!warning->isVisibleTo(&panel));

    // Among alpha, beta and gamma alone, every run shares the best run's dev set.
    QDir(deltaDir).removeRecursively();
    RunsPanel again;
    again.setInspection(m_inspection);
    QSortFilterProxyModel *three = again.sortedRuns();
    QCOMPARE(three->index(1, RunsTableModel::DevSetColumn).data().toString(), QStringLiteral("same as ★"));
}

void TestRunsPanel::exportsTheSelectedRun()
{
    RunsPanel panel;
    panel.setInspection(m_inspection);
    const QString alpha = m_project + QStringLiteral("/alpha");
    QTemporaryDir out;
    QCOMPARE(panel.selectedRuns().size(), 2); // the page opens on the two best runs
    panel.selectRuns({});
    QVERIFY(!panel.exportMetricsCsv(out.filePath(QStringLiteral("none.csv"))).isEmpty()); // nothing selected
    panel.selectRuns({alpha});

    const QString csv = out.filePath(QStringLiteral("m.csv"));
    QCOMPARE(panel.exportMetricsCsv(csv), QString());
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(f.readAll()), metricsCsv(predictionsOf(kRuns[0])));

    const QString png = out.filePath(QStringLiteral("confusion.png"));
    QCOMPARE(panel.exportConfusionImage(png), QString());
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 3 * 44 && image.height() > 3 * 44);

    QSignalSpy done(&panel, &RunsPanel::reportWritten);
    const QString html = out.filePath(QStringLiteral("report.html"));
    QVERIFY(panel.exportHtmlReport(html));
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 20000);
    QCOMPARE(done.front().at(1).toString(), QString());
    QVERIFY(QFileInfo(html).size() > 1000);

    // A run without predictions says so instead of exporting.
    QFile::remove(predictionfiles::devPath(alpha));
    panel.refresh();
    QVERIFY(panel.exportConfusionImage(png).contains(QStringLiteral("predictions-dev.csv")));
}

void TestRunsPanel::exportsTheSelectedRunsModel()
{
    // A real run, trained by loupe-cli into this project.
    const QString shapes = m_dir->filePath(QStringLiteral("shapes"));
    test::writeShapes(shapes, 4, 36, 5, 3);
    const QString trained = m_project + QStringLiteral("/trained");
    const test::CliRun r = test::runCli({QStringLiteral("train"), shapes, QStringLiteral("--out"), trained,
                                         QStringLiteral("--image-size"), QStringLiteral("32"), QStringLiteral("--epochs"),
                                         QStringLiteral("1"), QStringLiteral("--batch"), QStringLiteral("4")});
    QVERIFY2(r.exitCode == 0, r.err.constData());

    RunsPanel panel;
    panel.setInspection(m_inspection);
    panel.refresh();
    auto *button = panel.findChild<QPushButton *>(QStringLiteral("exportModel"));
    QVERIFY(button);
    QVERIFY(button->toolTip().contains(QStringLiteral("ONNX")) && button->toolTip().contains(QStringLiteral("TorchScript")));
    panel.selectRuns({});
    QVERIFY(!button->isEnabled());
    panel.selectRuns({trained});
    QVERIFY(button->isEnabled());

    QTemporaryDir out;
    QSignalSpy done(&panel, &RunsPanel::modelExported);
    const QString onnx = out.filePath(QStringLiteral("model.onnx"));
    QVERIFY(panel.exportModelFile(onnx));
    QVERIFY(!button->isEnabled()); // one export at a time
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 60000);
    QVERIFY2(done.front().at(2).toBool(), qPrintable(done.front().at(1).toString()));
    QVERIFY(QFileInfo(onnx).size() > 1000000);
    QVERIFY(panel.messageText().contains(QStringLiteral("OpenCV")));
    QVERIFY(button->isEnabled());

    const QString ts = out.filePath(QStringLiteral("model.pt"));
    QVERIFY(panel.exportModelFile(ts));
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 2, 60000);
    QVERIFY2(done.back().at(2).toBool(), qPrintable(done.back().at(1).toString()));
    QVERIFY(panel.messageText().contains(QStringLiteral("TorchScript")));
    QVERIFY(QFileInfo(ts).size() > 1000000);

    // A run folder without a checkpoint says so; nothing is written.
    panel.selectRuns({m_project + QStringLiteral("/alpha")});
    const QString none = out.filePath(QStringLiteral("alpha.onnx"));
    QVERIFY(panel.exportModelFile(none));
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 3, 60000);
    QVERIFY(!done.back().at(2).toBool());
    QVERIFY2(panel.messageText().contains(QStringLiteral("checkpoint")), qPrintable(panel.messageText()));
    QVERIFY(!QFileInfo::exists(none));
}

QTEST_MAIN(TestRunsPanel)
void TestRunsPanel::lossPlotFillsItsPane()
{
    // With no run selected the comparison's loss axes once shrank to ~50 px of a 400 px pane
    // (an empty legend capped their column); they take the pane's width with and without runs.
    RunsPanel panel;
    panel.setInspection(m_inspection);
    panel.resize(1473, 800);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *plot = panel.findChild<QCustomPlot *>(QStringLiteral("compareLoss"));
    QVERIFY(plot);
    const auto axesWidth = [&] {
        plot->replot(QCustomPlot::rpImmediateRefresh);
        return plot->axisRect()->width();
    };
    panel.selectRuns({});
    QVERIFY2(axesWidth() > plot->width() * 0.7, qPrintable(QStringLiteral("axes %1 px of %2").arg(axesWidth()).arg(plot->width())));
    panel.selectRuns({m_project + QStringLiteral("/alpha")});
    QVERIFY2(axesWidth() > plot->width() * 0.7, qPrintable(QStringLiteral("axes %1 px of %2").arg(axesWidth()).arg(plot->width())));
    QVERIFY(plot->legend->visible());
    panel.selectRuns({});
    QVERIFY2(axesWidth() > plot->width() * 0.7, qPrintable(QStringLiteral("axes %1 px of %2").arg(axesWidth()).arg(plot->width())));
}

void TestRunsPanel::configTableReadsWholeInTheWindowsLocale()
{
    // In German the config table writes "0,01" like the rest of the window, its keys are whole, and
    // the per-class figures sit in columns as wide as they are (ΔF1 once took the spare width).
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    setLocaleNumbers(true);
    const auto restore = qScopeGuard([&] {
        setLocaleNumbers(false);
        QLocale::setDefault(before);
    });
    RunsPanel panel;
    panel.setInspection(m_inspection);
    panel.resize(1024, 640);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.selectRuns({m_project + QStringLiteral("/alpha"), m_project + QStringLiteral("/beta")});
    QApplication::processEvents();
    auto *config = panel.findChild<QTableWidget *>(QStringLiteral("configDiff"));
    QVERIFY(config);
    QCOMPARE(config->item(0, 0)->text(), QStringLiteral("lr"));
    QCOMPARE(config->item(0, 1)->text(), QStringLiteral("0,01"));
    QCOMPARE(config->item(0, 2)->text(), QStringLiteral("0,001"));
    // Every key whole: on one line, or wrapped at its dots onto as many lines as it needs.
    for (int row = 0; row < config->rowCount(); ++row) {
        QTableWidgetItem *item = config->item(row, 0);
        const QString key = item->toolTip();
        QVERIFY(panel.configKeys().contains(key));
        const QFontMetrics fm(item->font());
        const int room = config->columnWidth(0) - 6;
        int lines = 1, used = 0;
        for (const QString &segment : key.split(QLatin1Char('.'))) {
            const int w = fm.horizontalAdvance(segment + QLatin1Char('.'));
            QVERIFY2(w <= room, qPrintable(QStringLiteral("%1: %2 px for \"%3\"").arg(key).arg(room).arg(segment)));
            if (used > 0 && used + w > room) {
                ++lines;
                used = 0;
            }
            used += w;
        }
        QVERIFY2(config->rowHeight(row) >= lines * fm.height(),
                 qPrintable(QStringLiteral("%1: %2 px high for %3 lines").arg(key).arg(config->rowHeight(row)).arg(lines)));
    }
    auto *classes = panel.findChild<QTableWidget *>(QStringLiteral("classComparison"));
    QVERIFY(classes);
    const int last = classes->columnCount() - 1; // ΔF1
    const int content = std::max(static_cast<QAbstractItemView *>(classes)->sizeHintForColumn(last), classes->horizontalHeader()->sectionSizeHint(last));
    QVERIFY2(classes->columnWidth(last) <= content,
             qPrintable(QStringLiteral("ΔF1 %1 px for %2 px of content").arg(classes->columnWidth(last)).arg(content)));
    QVERIFY(classes->item(3, 7)->text().contains(QLatin1Char(',')));

    // The run folders keep "." for the programs that read them.
    QFile cfg(runfolder::configPath(m_project + QStringLiteral("/beta")));
    QVERIFY(cfg.open(QIODevice::ReadOnly));
    QVERIFY(cfg.readAll().contains("0.001"));
}

#include "tst_runspanel.moc"
