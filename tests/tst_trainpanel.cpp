// Training from the window: the controller's thread (start, pause, resume, cancel, resume from a
// checkpoint), the loss plot's handling of bad numbers, and the panel's runs list.

#include "TestUtil.h"

#include "LossPlot.h"
#include "RunsModel.h"
#include "TrainController.h"
#include "TrainPanel.h"
#include "dataset/Inspection.h"
#include "project/Project.h"
#include "project/RunFolder.h"
#include "project/RunStatus.h"
#include "Translations.h"
#include "train/Diagnosis.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QElapsedTimer>
#include <QInputDialog>
#include <QCheckBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProgressBar>
#include <QScopeGuard>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QtTest>

#include <qcustomplot.h>

#include <opencv2/imgproc.hpp>

#include <limits>

using namespace loupe;
using loupe::test::writeBytes;

namespace {

// Two classes a small network tells apart quickly: a bright disc or a bright bar on noise.
void writeShapes(const QString &root, int perClass, int size = 32)
{
    test::writeShapes(root, perClass, size, 99, 3);
}

InspectionPtr inspect(const QString &path)
{
    return std::make_shared<const Inspection>(inspectDataset(path));
}

TrainConfig tinyConfig(int epochs)
{
    TrainConfig c;
    c.model = QStringLiteral("resnet18");
    c.imageSize = 32;
    c.batchSize = 4;
    c.epochs = epochs;
    c.optimizer = QStringLiteral("adam");
    c.learningRate = 1e-3;
    c.seed = 5;
    c.devFraction = 0.25;
    c.threads = 2;
    c.loaderThreads = 1;
    return c;
}

QByteArray readBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Presses the page's "Save…" preset button and answers the name dialog, if one comes, with `name`.
void savePresetThroughPage(TrainPanel &panel, const QString &name)
{
    auto *answer = new QTimer(&panel);
    answer->setInterval(20);
    QObject::connect(answer, &QTimer::timeout, answer, [answer, name] {
        if (auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget())) {
            dialog->setTextValue(name);
            dialog->accept();
            answer->stop();
        }
    });
    answer->start();
    auto *save = panel.findChild<QToolButton *>(QStringLiteral("savePreset"));
    QVERIFY(save);
    save->click();
    answer->stop();
    answer->deleteLater();
}

QString presetNote(const TrainPanel &panel)
{
    const auto *note = panel.findChild<QLabel *>(QStringLiteral("presetNote"));
    return note ? note->text() : QString();
}

qint64 lastGlobalStep(const QSignalSpy &spy)
{
    return spy.isEmpty() ? 0 : spy.last().at(0).value<TrainProgress>().globalStep;
}

} // namespace

class TestTrainPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void controllerStartPauseResumeCancel();
    void cancelThenResumeContinuesFromCheckpoint();
    void plotIgnoresNonFiniteNumbers_data();
    void plotIgnoresNonFiniteNumbers();
    void plotSmoothsZoomsAndExports();
    void runsListShowsFinishedAndInterruptedRuns();
    void finishedRunsShowTheirVerdict();
    void detectionRunShowsLossPartsAndAnchors();
    void unusableDatasetFailsPlainly();
    void malformedPresetStoreIsNeverOverwritten_data();
    void malformedPresetStoreIsNeverOverwritten();
    void oldPresetsFileIsTakenInOnce();
    void listsTorchvisionWeightsFromTheHubCache();
    void lossLegendFitsANarrowPlot();
    void overfitCheckUsesTheTilesAndRegion();

private:
    QTemporaryDir m_dir;
    QString m_shapes;
    InspectionPtr m_inspection;
};

void TestTrainPanel::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("LoupeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_trainpanel"));
    m_shapes = m_dir.filePath(QStringLiteral("shapes"));
    writeShapes(m_shapes, 12);
    m_inspection = inspect(m_shapes);
    QCOMPARE(int(m_inspection->dataset.samples.size()), 24);
}

void TestTrainPanel::controllerStartPauseResumeCancel()
{
    TrainController controller;
    QSignalSpy progress(&controller, &TrainController::progress);
    QSignalSpy paused(&controller, &TrainController::pausedChanged);
    QSignalSpy finished(&controller, &TrainController::finished);
    QSignalSpy errors(&controller, &TrainController::error);
    const QString run = m_dir.filePath(QStringLiteral("run-pause"));
    QElapsedTimer clock;
    clock.start();
    QVERIFY(controller.start(m_inspection->dataset, tinyConfig(200), run));
    QVERIFY(controller.isRunning());
    // A second start while one runs is refused with a reason.
    QVERIFY(!controller.start(m_inspection->dataset, tinyConfig(1), run));
    QCOMPARE(errors.count(), 1);

    QTRY_VERIFY_WITH_TIMEOUT(lastGlobalStep(progress) >= 3, 30000);
    controller.pause();
    QCOMPARE(paused.count(), 1);
    QVERIFY(controller.isPaused());
    // The step in flight finishes and its report arrives (a step can take a second on a loaded
    // machine); after that no step runs.
    QTest::qWait(2000);
    const qint64 atPause = lastGlobalStep(progress);
    QTest::qWait(1000);
    QCOMPARE(lastGlobalStep(progress), atPause);

    controller.resume();
    QVERIFY(!controller.isPaused());
    QTRY_VERIFY_WITH_TIMEOUT(lastGlobalStep(progress) > atPause + 2, 30000);

    // Reports are throttled (~30 a second) but no step's loss is lost.
    const double seconds = clock.elapsed() / 1000.0;
    QVERIFY2(progress.count() <= 35 * seconds + 5, qPrintable(QStringLiteral("%1 signals in %2 s").arg(progress.count()).arg(seconds)));
    int losses = 0;
    for (const QList<QVariant> &args : progress)
        losses += int(args.at(1).value<QVector<QPointF>>().size());
    QCOMPARE(qint64(losses), lastGlobalStep(progress));

    controller.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(finished.first().at(0).value<TrainResult>().outcome, TrainOutcome::Cancelled);
    QVERIFY(!controller.isRunning());
    QCOMPARE(runfolder::summarizeRun(run).status, RunStatus::Cancelled);
}

void TestTrainPanel::cancelThenResumeContinuesFromCheckpoint()
{
    const QString run = m_dir.filePath(QStringLiteral("run-resume"));
    TrainController controller;
    QSignalSpy epochs(&controller, &TrainController::epochDone);
    QSignalSpy finished(&controller, &TrainController::finished);
    QVERIFY(controller.start(m_inspection->dataset, tinyConfig(4), run));
    QTRY_VERIFY_WITH_TIMEOUT(epochs.count() >= 1, 30000);
    controller.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    const int kept = int(runfolder::readMetrics(run).size());
    QVERIFY(kept >= 1 && kept < 4);
    RunSummary summary = runfolder::summarizeRun(run);
    QVERIFY(summary.resumable());

    epochs.clear();
    finished.clear();
    QVERIFY(controller.start(m_inspection->dataset, summary.config, run, /*resume=*/true));
    QCOMPARE(runfolder::summarizeRun(run).status, RunStatus::Interrupted); // status cleared while it runs
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(finished.first().at(0).value<TrainResult>().outcome, TrainOutcome::Completed);
    QVERIFY(!epochs.isEmpty());
    QCOMPARE(epochs.first().at(0).value<EpochMetrics>().epoch, kept + 1);
    QCOMPARE(int(runfolder::readMetrics(run).size()), 4);
    summary = runfolder::summarizeRun(run);
    QCOMPARE(summary.status, RunStatus::Completed);
    QVERIFY(!summary.resumable());
}

void TestTrainPanel::plotIgnoresNonFiniteNumbers_data()
{
    QTest::addColumn<double>("bad");
    QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("inf") << std::numeric_limits<double>::infinity();
    QTest::newRow("-inf") << -std::numeric_limits<double>::infinity();
}

void TestTrainPanel::plotIgnoresNonFiniteNumbers()
{
    QFETCH(double, bad);
    LossPlot plot;
    plot.resize(600, 400);
    plot.show();
    plot.addStepLosses({{0.1, 2.0}, {0.2, bad}, {bad, 1.0}, {0.3, 1.8}});
    QCOMPARE(plot.stepPointCount(), 2);
    EpochMetrics good;
    good.epoch = 1;
    good.trainLoss = 1.5;
    good.devLoss = 1.6;
    good.devMacroF1 = 0.4;
    plot.addEpoch(good);
    EpochMetrics broken = good;
    broken.epoch = 2;
    broken.devLoss = bad;
    plot.addEpoch(broken);
    QCOMPARE(plot.epochPointCount(), 2);
    QCOMPARE(plot.devPointCount(), 1);
    plot.setOverlays({{QStringLiteral("earlier"), {good, broken}}});
    QCOMPARE(plot.overlayCount(), 1);
    // Redraws are batched: many points, few replots.
    const int before = plot.replotCount();
    for (int i = 0; i < 500; ++i)
        plot.addStepLosses({{0.3 + i * 0.001, 1.0 + (i % 7) * 0.01}});
    QTRY_VERIFY(plot.replotCount() > before);
    QVERIFY(plot.replotCount() - before <= 2);
    QCOMPARE(plot.stepPointCount(), 502);
}

void TestTrainPanel::plotSmoothsZoomsAndExports()
{
    LossPlot plot;
    plot.resize(700, 450);
    plot.show();
    QVector<QPointF> steps;
    for (int i = 1; i <= 100; ++i)
        steps.append({i / 50.0, 2.0 * std::exp(-i / 40.0) + ((i % 2) ? 0.2 : -0.2)});
    plot.addStepLosses(steps);
    plot.setSmoothing(0.0);
    QCOMPARE(plot.smoothing(), 0.0);
    plot.setSmoothing(0.9);
    QCOMPARE(plot.smoothing(), 0.9);
    plot.setLogScale(true);
    QVERIFY(plot.logScale());
    plot.setMarks(2, 2);
    plot.resetView();
    QTemporaryDir out;
    const QString png = out.filePath(QStringLiteral("loss.png"));
    const QString pdf = out.filePath(QStringLiteral("loss.pdf"));
    QVERIFY(plot.exportPng(png));
    QVERIFY(plot.exportPdf(pdf));
    QVERIFY(QFileInfo(png).size() > 1000);
    QVERIFY(QFileInfo(pdf).size() > 1000);
    QImage image(png);
    QVERIFY(!image.isNull());
}

void TestTrainPanel::runsListShowsFinishedAndInterruptedRuns()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("shapes"));
    writeShapes(data, 12);
    const InspectionPtr inspection = inspect(data);

    TrainPanel panel;
    panel.resize(1200, 800);
    panel.show();
    panel.setInspection(inspection);
    QCOMPARE(panel.runsRoot(), QDir(data).filePath(QStringLiteral("loupe-runs")));
    QAbstractItemModelTester tester(panel.runsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(panel.runsModel()->rowCount(), 0);

    TrainConfig cfg = tinyConfig(2);
    panel.setConfig(cfg);
    QCOMPARE(panel.config().imageSize, 32);
    QCOMPARE(panel.config().epochs, 2);
    QSignalSpy finished(panel.controller(), &TrainController::finished);
    auto *browse = panel.findChild<QToolButton *>(QStringLiteral("browseInitWeights"));
    QVERIFY(browse && browse->isEnabled());
    QVERIFY(panel.startRun());
    QCOMPARE(panel.runsModel()->rowCount() <= 1, true);
    QVERIFY(!browse->isEnabled()); // the run's starting weights cannot change under it
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);

    RunsModel *runs = panel.runsModel();
    QCOMPARE(runs->rowCount(), 1);
    const QString doneDir = runs->run(0)->dir;
    QCOMPARE(runs->run(0)->status, RunStatus::Completed);
    QCOMPARE(runs->index(0, RunsModel::StatusColumn).data().toString(), QStringLiteral("completed"));
    QVERIFY(runs->index(0, RunsModel::ConfigColumn).data().toString().contains(QStringLiteral("resnet18")));
    QVERIFY(runs->index(0, RunsModel::ScoreColumn).data().toString().contains(QStringLiteral("epoch")));
    QCOMPARE(panel.lossPlot()->epochPointCount(), 2);
    QVERIFY(panel.lossPlot()->stepPointCount() > 0);
    QVERIFY(panel.messageText().contains(QStringLiteral("completed")));
    QVERIFY(browse->isEnabled());

    // A run that stopped after its first epoch without a word (a killed window): interrupted.
    QSignalSpy epochs(panel.controller(), &TrainController::epochDone);
    finished.clear();
    panel.setConfig(tinyConfig(3));
    QVERIFY(panel.startRun());
    const QString killed = panel.controller()->runDir();
    QTRY_VERIFY_WITH_TIMEOUT(epochs.count() >= 1, 30000);
    panel.controller()->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QVERIFY(QFile::remove(runfolder::statusPath(killed)));
    const int kept = int(runfolder::readMetrics(killed).size());

    // Reopening the dataset offers it: selected, marked, Resume enabled.
    panel.setInspection(inspection);
    QCOMPARE(runs->rowCount(), 2);
    const int row = runs->rowOfDir(killed);
    QCOMPARE(row, 0); // newest first
    QCOMPARE(runs->run(row)->status, RunStatus::Interrupted);
    QVERIFY(runs->index(row, RunsModel::StatusColumn).data().toString().contains(QStringLiteral("can resume")));
    QCOMPARE(panel.runsView()->currentIndex().row(), row);
    QVERIFY(panel.messageText().contains(QStringLiteral("interrupted")));
    QCOMPARE(panel.lossPlot()->epochPointCount(), kept);
    auto *resume = panel.findChild<QPushButton *>(QStringLiteral("resumeRun"));
    QVERIFY(resume && resume->isEnabled());

    finished.clear();
    epochs.clear();
    resume->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(epochs.count(), 3 - kept);
    QCOMPARE(epochs.first().at(0).value<EpochMetrics>().epoch, kept + 1);
    QCOMPARE(panel.lossPlot()->epochPointCount(), 3);
    QCOMPARE(runs->run(runs->rowOfDir(killed))->status, RunStatus::Completed);

    // Selecting the other run shows its curves.
    panel.runsView()->selectRow(runs->rowOfDir(doneDir));
    QCOMPARE(panel.lossPlot()->epochPointCount(), 2);
    QCOMPARE(panel.diagnosis().epochs, 2);
}

void TestTrainPanel::finishedRunsShowTheirVerdict()
{
    // Opening a dataset with finished runs shows the newest with its verdict, not "no run" and
    // "No verdict yet" beside them; in German its learning rate reads "0,01".
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("shapes"));
    writeShapes(data, 4);
    const InspectionPtr inspection = inspect(data);
    const QString runsRoot = QDir(data).filePath(QStringLiteral("loupe-runs"));
    auto writeRun = [&](const QString &name, int epochs) {
        const QString run = runsRoot + QLatin1Char('/') + name;
        TrainConfig cfg = tinyConfig(epochs);
        cfg.learningRate = 0.01;
        QJsonObject json = cfg.toJson();
        json[QStringLiteral("dataset")] = QJsonObject{
            {QStringLiteral("root"), data},
            {QStringLiteral("classes"), QJsonArray::fromStringList(inspection->dataset.classes)}};
        QCOMPARE(runfolder::writeConfig(run, json), QString());
        std::vector<EpochMetrics> history;
        for (int e = 1; e <= epochs; ++e)
            history.push_back({e, 0.7 / e, 0.72 / e, 0.5 + 0.05 * e, 0.5 + 0.05 * e, 50, 2, 0.01, true});
        QCOMPARE(runfolder::writeMetrics(run, history), QString());
    };
    writeRun(QStringLiteral("20260101-100000"), 6); // older, long enough for a verdict
    writeRun(QStringLiteral("20260102-100000"), 2); // newest, ended after two epochs

    TrainPanel panel;
    panel.resize(1200, 800);
    panel.show();
    panel.setInspection(inspection);
    auto *bar = panel.findChild<QProgressBar *>(QStringLiteral("epochProgress"));
    auto *banner = panel.findChild<QLabel *>(QStringLiteral("diagnosis"));
    QVERIFY(bar && banner);
    QCOMPARE(panel.runsView()->currentIndex().row(), 0);
    QCOMPARE(panel.lossPlot()->epochPointCount(), 2);
    QVERIFY2(bar->text().contains(QStringLiteral("completed after 2 epoch")), qPrintable(bar->text()));
    QVERIFY2(!banner->text().contains(QStringLiteral("yet")), qPrintable(banner->text()));
    QVERIFY2(banner->text().contains(QStringLiteral("ended after 2 epoch")), qPrintable(banner->text()));

    panel.runsView()->selectRow(1);
    QCOMPARE(panel.lossPlot()->epochPointCount(), 6);
    QVERIFY(panel.diagnosis().verdict != Verdict::NoneYet);
    QVERIFY2(bar->text().contains(QStringLiteral("completed after 6 epoch")), qPrintable(bar->text()));

    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    setLocaleNumbers(true);
    const auto restore = qScopeGuard([&] {
        setLocaleNumbers(false);
        QLocale::setDefault(before);
    });
    panel.findChild<QPushButton *>(QStringLiteral("refreshRuns"))->click();
    const QString config = panel.runsModel()->index(0, RunsModel::ConfigColumn).data().toString();
    QVERIFY2(config.contains(QStringLiteral("lr 0,01")), qPrintable(config));
}

// A detector's run: its loss parts are curves of their own that a check box hides, its anchors are
// named with their coverage against the default anchors, and the banner judges its losses.
void TestTrainPanel::detectionRunShowsLossPartsAndAnchors()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("shapes"));
    writeShapes(data, 4);
    const InspectionPtr inspection = inspect(data);
    const QString run = QDir(data).filePath(QStringLiteral("loupe-runs/20260103-100000"));
    TrainConfig cfg = tinyConfig(4);
    cfg.task = QStringLiteral("detect");
    QJsonObject json = cfg.toJson();
    json[QStringLiteral("dataset")] = QJsonObject{{QStringLiteral("root"), data},
                                                  {QStringLiteral("classes"), QJsonArray{QStringLiteral("spot")}}};
    json[QStringLiteral("detection")] = QJsonObject{
        {QStringLiteral("anchors"), QJsonObject{{QStringLiteral("text"), QStringLiteral("6,12,24,48,96:0.5,1,2")}}},
        {QStringLiteral("anchor_coverage"), 0.947},
        {QStringLiteral("default_anchor_coverage"), 0.105}};
    QCOMPARE(runfolder::writeConfig(run, json), QString());
    std::vector<EpochMetrics> history;
    const double train[] = {2.4, 2.0, 1.95, 1.93}, dev[] = {2.3, 2.05, 2.0, 1.99};
    for (int e = 1; e <= 4; ++e) {
        EpochMetrics m;
        m.epoch = e;
        m.trainLoss = train[e - 1];
        m.devLoss = dev[e - 1];
        m.hasClassMetrics = false;
        m.best = true;
        m.extra = {{QStringLiteral("train_loss_classification"), 0.4 * m.trainLoss},
                   {QStringLiteral("train_loss_box"), 0.6 * m.trainLoss},
                   {QStringLiteral("dev_loss_classification"), 0.4 * m.devLoss},
                   {QStringLiteral("dev_loss_box"), 0.6 * m.devLoss},
                   {QStringLiteral("dev_map"), 0.05 * e}};
        history.push_back(m);
    }
    QCOMPARE(runfolder::writeMetrics(run, history), QString());

    TrainPanel panel;
    panel.resize(1200, 800);
    panel.show();
    panel.setInspection(inspection);
    QCOMPARE(panel.runsModel()->rowCount(), 1);
    QCOMPARE(panel.runsView()->currentIndex().row(), 0);
    LossPlot *plot = panel.lossPlot();
    QCOMPARE(plot->epochPointCount(), 4);
    QStringList keys = plot->lossPartKeys();
    keys.sort();
    QCOMPARE(keys, (QStringList{"dev_loss_box", "dev_loss_classification", "train_loss_box", "train_loss_classification"}));
    for (const QString &key : plot->lossPartKeys())
        QCOMPARE(plot->lossPartPointCount(key), 4);
    auto *parts = plot->findChild<QCheckBox *>(QStringLiteral("lossParts"));
    QVERIFY(parts && parts->isVisible() && parts->isChecked());
    QVERIFY(plot->lossPartsShown());
    parts->click();
    QVERIFY(!plot->lossPartsShown());
    int shownGraphs = 0;
    for (int i = 0; i < plot->plot()->graphCount(); ++i)
        shownGraphs += plot->plot()->graph(i)->visible() && plot->plot()->graph(i)->name().contains(QStringLiteral("box")) ? 1 : 0;
    QCOMPARE(shownGraphs, 0);
    parts->click();
    QVERIFY(plot->lossPartsShown());

    auto *anchors = panel.findChild<QLabel *>(QStringLiteral("anchors"));
    QVERIFY(anchors && anchors->isVisible());
    QVERIFY2(anchors->text().contains(QStringLiteral("tuned")) && anchors->text().contains(QStringLiteral("6,12,24,48,96:0.5,1,2")),
             qPrintable(anchors->text()));
    QVERIFY2(anchors->text().contains(QStringLiteral("95 %")) && anchors->text().contains(QStringLiteral("11 %")),
             qPrintable(anchors->text()));

    // The banner reads a detector's flat, high losses as underfitting, not as worse than guessing.
    QVERIFY(panel.diagnosis().detection);
    QCOMPARE(panel.diagnosis().verdict, Verdict::Underfitting);

    // A classifier's run has neither.
    plot->clearRun();
    QVERIFY(plot->lossPartKeys().isEmpty());
    QVERIFY(!parts->isVisible());
}

void TestTrainPanel::unusableDatasetFailsPlainly()
{
    // One class only: nothing a classifier can tell apart. The trainer's own words reach the panel.
    QTemporaryDir dir;
    for (int i = 0; i < 4; ++i)
        loupe::test::writeImage(dir.filePath(QStringLiteral("only/%1.png").arg(i)), 32, 32, 40 * i);
    TrainPanel panel;
    panel.show();
    panel.setInspection(inspect(dir.path()));
    QSignalSpy errors(panel.controller(), &TrainController::error);
    panel.setConfig(tinyConfig(1));
    QVERIFY(panel.startRun());
    QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, 30000);
    QVERIFY2(panel.messageText().startsWith(QStringLiteral("Training could not run:")), qPrintable(panel.messageText()));
    QVERIFY2(panel.messageText().contains(QStringLiteral("two classes")), qPrintable(panel.messageText()));
    QVERIFY(!panel.controller()->isRunning());
    QVERIFY(panel.findChild<QPushButton *>(QStringLiteral("startRun"))->isEnabled());
    // Nothing was written, so the runs list stays empty.
    QCOMPARE(panel.runsModel()->rowCount(), 0);
}

void TestTrainPanel::malformedPresetStoreIsNeverOverwritten_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("loupe.json not JSON") << "loupe.json" << QByteArray("{\"presets\": {\"mine\": {\"epochs\": 9}");
    QTest::newRow("loupe.json wrong type") << "loupe.json" << QByteArray(R"({"presets": {"mine": {"epochs": "x"}}})");
    QTest::newRow("presets.json not JSON") << "presets.json" << QByteArray("{\"presets\": {\"mine\": {\"epochs\": 9}");
    QTest::newRow("presets.json wrong type") << "presets.json" << QByteArray(R"({"presets": {"mine": []}})");
}

void TestTrainPanel::malformedPresetStoreIsNeverOverwritten()
{
    // A presets store that does not parse is the user's to fix: saving a preset must not replace it.
    QFETCH(QString, file);
    QFETCH(QByteArray, bytes);
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("shapes"));
    writeShapes(data, 2);
    const QString project = projectfile::folderFor(data);
    const QString path = QDir(project).filePath(file);
    writeBytes(path, bytes);

    TrainPanel panel;
    panel.show();
    panel.setInspection(inspect(data));
    panel.setConfig(tinyConfig(4));
    savePresetThroughPage(panel, QStringLiteral("fast"));
    QCOMPARE(readBytes(path), bytes);
    // Said on the page (from the moment the dataset opened), naming the file.
    QVERIFY2(presetNote(panel).contains(file), qPrintable(presetNote(panel)));
    if (file == QLatin1String("loupe.json")) {
        // The refusal stands beside the preset row, in sight, not only in the message line below the form.
        QVERIFY2(presetNote(panel).contains(QStringLiteral("not saved")), qPrintable(presetNote(panel)));
        QVERIFY2(panel.messageText().contains(QStringLiteral("not saved")), qPrintable(panel.messageText()));
        QVERIFY2(panel.messageText().contains(QStringLiteral("loupe.json")), qPrintable(panel.messageText()));
    } else {
        // The preset goes to the project file; the old file stays as it was, and still said so.
        QCOMPARE(TrainConfig::fromJson(projectfile::read(project).presets.value(QStringLiteral("fast"))).epochs, 4);
        QVERIFY2(panel.messageText().contains(QStringLiteral("loupe.json")), qPrintable(panel.messageText()));
    }
}

void TestTrainPanel::oldPresetsFileIsTakenInOnce()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("shapes"));
    writeShapes(data, 2);
    const QString project = projectfile::folderFor(data);
    const QString old = QDir(project).filePath(QStringLiteral("presets.json"));
    TrainConfig slow = tinyConfig(7);
    QJsonObject slowJson = slow.toJson();
    slowJson.remove(QStringLiteral("pipeline"));
    const QByteArray bytes =
        QJsonDocument(QJsonObject{{QStringLiteral("presets"), QJsonObject{{QStringLiteral("slow"), slowJson}}}}).toJson();
    writeBytes(old, bytes);

    TrainPanel panel;
    panel.show();
    panel.setInspection(inspect(data));
    auto *preset = panel.findChild<QComboBox *>(QStringLiteral("preset"));
    QVERIFY(preset);
    QVERIFY(preset->findText(QStringLiteral("slow")) > 0);
    QVERIFY2(presetNote(panel).contains(QStringLiteral("presets.json")), qPrintable(presetNote(panel)));
    QCOMPARE(TrainConfig::fromJson(projectfile::read(project).presets.value(QStringLiteral("slow"))).epochs, 7);
    // Kept under another name, so it is not taken in again (say after every preset is deleted).
    QVERIFY(!QFile::exists(old));
    QCOMPARE(readBytes(old + QStringLiteral(".imported")), bytes);

    // Choosing it fills the form.
    panel.setConfig(tinyConfig(1));
    preset->setCurrentIndex(preset->findText(QStringLiteral("slow")));
    Q_EMIT preset->textActivated(QStringLiteral("slow"));
    QCOMPARE(panel.config().epochs, 7);

    TrainPanel again;
    again.setInspection(inspect(data));
    QCOMPARE(presetNote(again), QString());
    QVERIFY(again.findChild<QComboBox *>(QStringLiteral("preset"))->findText(QStringLiteral("slow")) > 0);
}

void TestTrainPanel::listsTorchvisionWeightsFromTheHubCache()
{
    // torchvision keeps its downloads in $TORCH_HOME/hub/checkpoints; the Train page offers them
    // as initial weights and says what each is.
    QTemporaryDir home;
    const QString hub = home.filePath(QStringLiteral("hub/checkpoints"));
    QVERIFY(QDir().mkpath(hub));
    const QString resnet = hub + QStringLiteral("/resnet18-f37072fd.pth");
    QVERIFY(QFile::copy(QStringLiteral(LOUPE_TEST_DATA "/weights/resnet18_3cls_state.pth"), resnet));
    writeBytes(hub + QStringLiteral("/vgg16-397923af.pth"), QByteArray("not read"));
    qputenv("TORCH_HOME", home.path().toUtf8());
    const auto unset = qScopeGuard([] { qunsetenv("TORCH_HOME"); });

    TrainPanel panel;
    panel.show();
    panel.setInspection(m_inspection);
    auto *init = panel.findChild<QComboBox *>(QStringLiteral("initWeights"));
    auto *note = panel.findChild<QLabel *>(QStringLiteral("initWeightsNote"));
    auto *model = panel.findChild<QComboBox *>(QStringLiteral("model"));
    QVERIFY(init && note && model);
    const int at = init->findText(resnet);
    QVERIFY2(at >= 0, "the hub file is not offered");
    QVERIFY(init->findText(hub + QStringLiteral("/vgg16-397923af.pth")) >= 0);
    QVERIFY(!note->isVisible());

    model->setCurrentText(QStringLiteral("resnet18"));
    init->setCurrentIndex(at);
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(QStringLiteral("torchvision ResNet-18, ImageNet-1k")), qPrintable(note->text()));
    model->setCurrentText(QStringLiteral("resnet50"));
    QVERIFY2(note->text().contains(QStringLiteral("choose resnet18")), qPrintable(note->text()));
    init->setCurrentIndex(init->findText(hub + QStringLiteral("/vgg16-397923af.pth")));
    QVERIFY2(note->text().contains(QStringLiteral("without batch norm")), qPrintable(note->text()));
    QCOMPARE(panel.config().initWeights, hub + QStringLiteral("/vgg16-397923af.pth"));

    // A short run from the chosen torchvision file imports it (the head re-initialised for 2 classes).
    model->setCurrentText(QStringLiteral("resnet18"));
    init->setCurrentIndex(init->findText(resnet));
    TrainController controller;
    QSignalSpy finished(&controller, &TrainController::finished);
    TrainConfig cfg = tinyConfig(1);
    cfg.initWeights = panel.config().initWeights;
    QVERIFY(controller.start(m_inspection->dataset, cfg, m_dir.filePath(QStringLiteral("run-hub"))));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    const TrainResult result = finished.first().at(0).value<TrainResult>();
    QCOMPARE(result.outcome, TrainOutcome::Completed);
    QVERIFY2(!result.notes.filter(QStringLiteral("tensors from ") + resnet).isEmpty(), qPrintable(result.notes.join(QLatin1Char('\n'))));
    QVERIFY2(!result.notes.filter(QStringLiteral("re-initialised")).isEmpty(), qPrintable(result.notes.join(QLatin1Char('\n'))));
}

void TestTrainPanel::lossLegendFitsANarrowPlot()
{
    // At 1024 px the Train page's plot is ~530 px wide: three legend columns cut the German names
    // ("Trainingsverlust pro Schritt (geglät"). Every entry gets at least the room it needs.
    for (const int width : {520, 1100}) {
        LossPlot plot;
        plot.resize(width, 420);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.setOverlays({{QStringLiteral("eine frühere Lauf-Bezeichnung"), {}}});
        plot.plot()->replot(QCustomPlot::rpImmediateRefresh);
        QCPLegend *legend = plot.plot()->legend;
        QVERIFY(legend->itemCount() >= 4);
        for (int i = 0; i < legend->itemCount(); ++i) {
            QCPAbstractLegendItem *item = legend->item(i);
            if (!item) // an empty cell of the last row
                continue;
            QVERIFY2(item->outerRect().width() >= item->minimumOuterSizeHint().width(),
                     qPrintable(QStringLiteral("%1 px wide: entry %2 has %3 px of %4").arg(width).arg(i)
                                    .arg(item->outerRect().width()).arg(item->minimumOuterSizeHint().width())));
            QVERIFY(item->outerRect().right() <= plot.plot()->width());
        }
    }
}

void TestTrainPanel::overfitCheckUsesTheTilesAndRegion()
{
    // Six 64×64 photos with one box each: a detector's overfit check from the page's button must cut
    // them as the form says, so a region outside the images and a grid that does not parse are refused
    // with their reasons, and a usable grid is named while the check runs.
    QTemporaryDir dir;
    QJsonArray images, annotations;
    for (int i = 0; i < 6; ++i) {
        cv::Mat m(64, 64, CV_8UC3, cv::Scalar(110, 110, 110));
        cv::rectangle(m, cv::Rect(8 + 6 * i, 20, 12, 12), cv::Scalar(20, 20, 230), cv::FILLED);
        const QString name = QStringLiteral("p%1.png").arg(i);
        loupe::test::writeMat(dir.filePath(name), m);
        images.append(QJsonObject{{QStringLiteral("id"), i + 1}, {QStringLiteral("file_name"), name},
                                  {QStringLiteral("width"), 64}, {QStringLiteral("height"), 64}});
        annotations.append(QJsonObject{{QStringLiteral("id"), i + 1}, {QStringLiteral("image_id"), i + 1},
                                       {QStringLiteral("category_id"), 1 + i % 2},
                                       {QStringLiteral("bbox"), QJsonArray{8 + 6 * i, 20, 12, 12}},
                                       {QStringLiteral("area"), 144}, {QStringLiteral("iscrowd"), 0}});
    }
    const QJsonObject coco{{QStringLiteral("images"), images}, {QStringLiteral("annotations"), annotations},
                           {QStringLiteral("categories"),
                            QJsonArray{QJsonObject{{QStringLiteral("id"), 1}, {QStringLiteral("name"), QStringLiteral("dent")}},
                                       QJsonObject{{QStringLiteral("id"), 2}, {QStringLiteral("name"), QStringLiteral("chip")}}}}};
    loupe::test::writeBytes(dir.filePath(QStringLiteral("annotations.json")), QJsonDocument(coco).toJson());

    TrainPanel panel;
    panel.show();
    panel.setInspection(inspect(dir.filePath(QStringLiteral("annotations.json"))));
    auto *tiles = panel.findChild<QLineEdit *>(QStringLiteral("tiles"));
    auto *roi = panel.findChild<QLineEdit *>(QStringLiteral("roi"));
    auto *check = panel.findChild<QPushButton *>(QStringLiteral("overfitCheck"));
    QVERIFY(tiles && roi && check);
    QSignalSpy checkErrors(panel.controller(), &TrainController::overfitError);

    QTest::keyClicks(roi, QStringLiteral("500,500,10,10"));
    QTRY_VERIFY(check->isEnabled());
    check->click();
    QTRY_COMPARE_WITH_TIMEOUT(checkErrors.count(), 1, 30000);
    QVERIFY2(panel.overfitVerdictText().contains(QStringLiteral("the region of interest 500,500,10,10 lies outside")),
             qPrintable(panel.overfitVerdictText()));

    roi->clear();
    tiles->selectAll();
    QTest::keyClicks(tiles, QStringLiteral("0x2"));
    QTRY_VERIFY(check->isEnabled());
    check->click();
    QTRY_COMPARE_WITH_TIMEOUT(checkErrors.count(), 2, 30000);
    QVERIFY2(panel.overfitVerdictText().contains(QStringLiteral("tiles \"0x2\": rows and columns")),
             qPrintable(panel.overfitVerdictText()));

    tiles->selectAll();
    QTest::keyClicks(tiles, QStringLiteral("2x2"));
    QTRY_VERIFY(check->isEnabled());
    QSignalSpy finished(panel.controller(), &TrainController::overfitFinished);
    check->click();
    QVERIFY2(panel.overfitVerdictText().contains(QStringLiteral("(2x2 tiles, overlap 32 px)")),
             qPrintable(panel.overfitVerdictText()));
    panel.findChild<QPushButton *>(QStringLiteral("cancelRun"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() + checkErrors.count() >= 3 && check->isEnabled(), 120000);
}

QTEST_MAIN(TestTrainPanel)
#include "tst_trainpanel.moc"
