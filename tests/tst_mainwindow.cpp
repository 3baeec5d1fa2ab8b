// The main window offscreen: opening a dataset fills the chart, the problems list and the summary;
// docks and tool bars come back where they were left; inspecting never blocks the window.

#include "TestUtil.h"

#include "ClassBalanceChart.h"
#include "MainWindow.h"
#include "TrainController.h"
#include "TrainForm.h"
#include "TrainPanel.h"
#include "augment/Pipeline.h"
#include "project/RunFolder.h"
#include "project/TrainConfig.h"

#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSpinBox>
#include <QToolButton>
#include <QDockWidget>
#include <QKeyEvent>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QToolBar>
#include <QTimer>
#include <QTreeWidget>
#include <QtTest>

#include <chrono>
#include <future>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace loupe;
using loupe::test::writeBytes;
using loupe::test::writeImage;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void docksAndToolbarsCanBeRestored();
    void opensDatasetAndShowsReport();
    void reportsUnusableDataset();
    void staysResponsiveWhileInspecting();
    void openingAnotherDatasetAsksWhileTraining();
    void pagesByKeyboardFromAnywhere();
    void trainsWithTheAugmentPagesPipeline();
    void tilesAndRegionAreOneSetting();

private:
    QTemporaryDir m_settings; ///< this test's QSettings, apart from the user's
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_settings.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
    QCoreApplication::setOrganizationName(QStringLiteral("LoupeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    // Closing a window must not quit the application: later tests still wait in event loops.
    QApplication::setQuitOnLastWindowClosed(false);
}

void TestMainWindow::docksAndToolbarsCanBeRestored()
{
    QSettings().clear();
    {
        MainWindow w;
        w.show();
        const auto docks = w.findChildren<QDockWidget *>();
        QVERIFY(docks.size() >= 2);
        // saveState/restoreState find docks and tool bars by objectName.
        for (QDockWidget *d : docks)
            QVERIFY2(!d->objectName().isEmpty(), qPrintable(d->windowTitle()));
        for (QToolBar *t : w.findChildren<QToolBar *>())
            QVERIFY2(!t->objectName().isEmpty(), qPrintable(t->windowTitle()));
        QStringList menus;
        for (QAction *a : w.menuBar()->actions())
            menus << a->text();
        QCOMPARE(menus, QStringList({QStringLiteral("&File"), QStringLiteral("&View"), QStringLiteral("&Help")}));

        auto *objects = w.findChild<QDockWidget *>(QStringLiteral("classesDock"));
        auto *problems = w.findChild<QDockWidget *>(QStringLiteral("problemsDock"));
        auto *bar = w.findChild<QToolBar *>(QStringLiteral("mainToolBar"));
        QVERIFY(objects && problems && bar);
        QCOMPARE(w.dockWidgetArea(objects), Qt::RightDockWidgetArea);
        QVERIFY(problems->isVisible());
        QCOMPARE(w.toolBarArea(bar), Qt::TopToolBarArea);

        // What a user does: close a dock, drag another and the tool bar to the left, quit.
        problems->toggleViewAction()->trigger();
        w.addDockWidget(Qt::LeftDockWidgetArea, objects);
        w.addToolBar(Qt::LeftToolBarArea, bar);
        QVERIFY(!problems->isVisible());
        QVERIFY(w.close());
    }

    // The next start shows them where they were left.
    MainWindow again;
    again.show();
    auto *objects = again.findChild<QDockWidget *>(QStringLiteral("classesDock"));
    auto *problems = again.findChild<QDockWidget *>(QStringLiteral("problemsDock"));
    auto *bar = again.findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    QVERIFY(objects && problems && bar);
    QCOMPARE(again.dockWidgetArea(objects), Qt::LeftDockWidgetArea);
    QVERIFY(objects->isVisible());
    QVERIFY(!problems->isVisible());
    QCOMPARE(again.toolBarArea(bar), Qt::LeftToolBarArea);

    // The docks belong to the overview and the browser: other pages hide them, and they come
    // back as the user left them.
    QVERIFY(again.showPanel(QStringLiteral("train")));
    QVERIFY(!objects->isVisible());
    QVERIFY(again.showPanel(QStringLiteral("browser")));
    QVERIFY(objects->isVisible());
    QVERIFY(!problems->isVisible());

    // And a state saved in a session restores over later changes.
    const QByteArray state = again.saveState();
    problems->toggleViewAction()->trigger();
    again.addDockWidget(Qt::BottomDockWidgetArea, objects);
    again.addToolBar(Qt::TopToolBarArea, bar);
    QVERIFY(problems->isVisible());
    QVERIFY(again.restoreState(state));
    QCOMPARE(again.dockWidgetArea(objects), Qt::LeftDockWidgetArea);
    QVERIFY(!problems->isVisible());
    QCOMPARE(again.toolBarArea(bar), Qt::LeftToolBarArea);
    QSettings().clear();
}

void TestMainWindow::opensDatasetAndShowsReport()
{
    QTemporaryDir dir;
    for (int i = 0; i < 8; ++i)
        writeImage(dir.filePath(QStringLiteral("ok/%1.png").arg(i)), 32, 24, i * 20);
    for (int i = 0; i < 3; ++i)
        writeImage(dir.filePath(QStringLiteral("scratch/%1.png").arg(i)), 32, 24, 200 - i * 20);
    writeBytes(dir.filePath(QStringLiteral("scratch/cut.jpg")), QByteArray::fromHex("ffd8ffe000104a464946"));

    MainWindow w;
    w.show();
    QSignalSpy done(&w, &MainWindow::inspectionDone);
    w.openDataset(dir.path());
    QVERIFY(done.wait(30000));
    QVERIFY(w.inspection());

    const auto bars = w.classChart()->bars();
    QCOMPARE(bars.size(), 2);
    QCOMPARE(bars[0].first, 8.0);
    QVERIFY(!bars[0].second);
    QCOMPARE(bars[1].first, 3.0);
    QVERIFY(bars[1].second); // 3 is less than half of 8: drawn as under-represented

    QTreeWidget *problems = w.problemsTree();
    QCOMPARE(problems->topLevelItemCount(), 1);
    QTreeWidgetItem *bad = problems->topLevelItem(0);
    QCOMPARE(bad->childCount(), 1);
    QVERIFY(bad->child(0)->text(0).endsWith(QStringLiteral("cut.jpg")));
    QVERIFY(!bad->child(0)->text(1).isEmpty());

    const QString summary = w.summaryView()->toPlainText();
    QVERIFY2(summary.contains(QStringLiteral("11 readable, 1 broken")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("Layout")) && summary.contains(QStringLiteral("class folders")),
             qPrintable(summary)); // the layout recognised, as inspect prints it
    QVERIFY(summary.contains(QStringLiteral("scratch")));
}

void TestMainWindow::reportsUnusableDataset()
{
    QTemporaryDir dir;
    writeBytes(dir.filePath(QStringLiteral("labels.csv")), "a.png\n");
    MainWindow w;
    QSignalSpy done(&w, &MainWindow::inspectionDone);
    w.openDataset(dir.filePath(QStringLiteral("labels.csv")));
    QVERIFY(done.wait(30000));
    QVERIFY(!w.inspection());
    const QString summary = w.summaryView()->toPlainText();
    QVERIFY2(summary.contains(QStringLiteral("line 1")), qPrintable(summary));
}

void TestMainWindow::staysResponsiveWhileInspecting()
{
    // The label file is a FIFO: the inspection's worker waits on it until the test writes the
    // labels, so "while inspecting" is certain, not a matter of timing. How long the window goes
    // without running its event loop is measured in bench/mainwindow, not here.
    QTemporaryDir dir;
    for (int i = 0; i < 4; ++i)
        writeImage(dir.filePath(QStringLiteral("%1.png").arg(i)), 16, 12, i * 60);
    const QString fifo = dir.filePath(QStringLiteral("labels.csv"));
    const QByteArray fifoPath = QFile::encodeName(fifo);
    QCOMPARE(::mkfifo(fifoPath.constData(), 0600), 0);

    // The writer releases the worker when told, or after 20 s so that a window that inspects on
    // the GUI thread (and so blocks until then) fails the checks below instead of hanging.
    std::promise<void> release;
    std::thread writer([fifoPath, go = release.get_future()] {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        const bool told = go.wait_until(deadline) == std::future_status::ready;
        int fd = -1;
        while (fd < 0 && std::chrono::steady_clock::now() < deadline + std::chrono::seconds(10)) {
            fd = ::open(fifoPath.constData(), O_WRONLY | O_NONBLOCK); // fails until a reader is there
            if (fd < 0)
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        if (fd < 0)
            return;
        const QByteArray labels = told ? QByteArray("0.png,dark\n1.png,dark\n2.png,light\n3.png,light\n") : QByteArray();
        if (::write(fd, labels.constData(), std::size_t(labels.size())) != labels.size())
            qWarning("short write to the label FIFO");
        ::close(fd);
    });
    bool released = false;
    auto finishWriter = qScopeGuard([&] {
        if (!released)
            release.set_value();
        writer.join();
    });

    MainWindow w;
    w.show();
    auto *tabs = w.findChild<QTabWidget *>(QStringLiteral("panels"));
    QVERIFY(tabs);
    QCOMPARE(tabs->currentIndex(), 0);
    QSignalSpy done(&w, &MainWindow::inspectionDone);
    InspectOptions options;
    options.import.format = QStringLiteral("csv");
    options.import.labelsFile = fifo;
    w.openDataset(dir.path(), options);
    QCOMPARE(done.count(), 0); // openDataset returned while the inspection waits
    QVERIFY(!w.inspection());

    // Meanwhile the window's event loop runs: a queued call, a timer and a key press all arrive.
    bool queued = false;
    bool timer = false;
    QMetaObject::invokeMethod(&w, [&queued] { queued = true; }, Qt::QueuedConnection);
    QTimer::singleShot(10, &w, [&timer] { timer = true; });
    QCoreApplication::postEvent(tabs, new QKeyEvent(QEvent::KeyPress, Qt::Key_Tab, Qt::ControlModifier));
    QTRY_VERIFY(queued && timer);
    QTRY_COMPARE(tabs->currentIndex(), 1); // Ctrl+Tab: the next page
    QCOMPARE(done.count(), 0); // all that happened while the worker still waited
    QVERIFY(!w.inspection());

    released = true;
    release.set_value();
    QVERIFY(done.wait(30000));
    QVERIFY(w.inspection());
    QCOMPARE(w.inspection()->stats.images, 4);
}

void TestMainWindow::openingAnotherDatasetAsksWhileTraining()
{
    QTemporaryDir dir;
    const QString shapes = dir.filePath(QStringLiteral("shapes"));
    test::writeShapes(shapes, 6, 64, 3, 3);
    const QString other = dir.filePath(QStringLiteral("other"));
    writeImage(other + QStringLiteral("/a/1.png"), 32, 24);
    writeImage(other + QStringLiteral("/b/1.png"), 32, 24, 200);

    MainWindow w;
    w.show();
    QSignalSpy done(&w, &MainWindow::inspectionDone);
    w.openDataset(shapes);
    QVERIFY(done.wait(30000));
    auto *train = w.findChild<TrainPanel *>();
    QVERIFY(train);
    TrainConfig c;
    c.model = QStringLiteral("resnet18");
    c.imageSize = 64;
    c.batchSize = 4;
    c.epochs = 500; // still running whatever the machine's speed
    c.devFraction = 0.25;
    c.threads = 2;
    c.loaderThreads = 1;
    train->setConfig(c);
    // Started from the keyboard: Ctrl+Return on the Train page.
    QVERIFY(w.showPanel(QStringLiteral("train")));
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTest::keyClick(&w, Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY(train->controller()->isRunning());

    // Answers the next question box with `button`, keeping its text.
    QString asked;
    auto answer = [&](QMessageBox::StandardButton button) {
        asked.clear();
        QTimer::singleShot(0, &w, [&asked, button] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            asked = box->text();
            box->button(button)->click();
        });
    };

    // No: the run goes on and the dataset stays.
    answer(QMessageBox::No);
    done.clear();
    w.openDataset(other);
    QVERIFY2(asked.contains(QStringLiteral("Stop it and open the other dataset?")), qPrintable(asked));
    QVERIFY(train->controller()->isRunning());
    QVERIFY(w.inspection());
    QCOMPARE(w.inspection()->dataset.root, shapes);
    QVERIFY(!done.wait(300));

    // Yes: the run stops (resumable), then the other dataset opens.
    answer(QMessageBox::Yes);
    w.openDataset(other);
    QVERIFY(!asked.isEmpty());
    QVERIFY(done.wait(30000));
    QTRY_VERIFY(!train->controller()->isRunning());
    QCOMPARE(w.inspection()->dataset.classes, (QStringList{"a", "b"}));
}

void TestMainWindow::pagesByKeyboardFromAnywhere()
{
    QTemporaryDir dir;
    writeImage(dir.filePath(QStringLiteral("a/1.png")), 32, 24);
    writeImage(dir.filePath(QStringLiteral("b/1.png")), 32, 24, 200);
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QSignalSpy done(&w, &MainWindow::inspectionDone);
    w.openDataset(dir.path());
    QVERIFY(done.wait(30000));
    auto *tabs = w.findChild<QTabWidget *>(QStringLiteral("panels"));
    QVERIFY(tabs);
    const QStringList keys = w.panelKeys();
    const auto page = [&] { return keys.value(tabs->currentIndex()); };

    // Ctrl+Tab leaves the runs table, whose focus would otherwise keep it.
    QVERIFY(w.showPanel(QStringLiteral("runs")));
    auto *runsTable = tabs->currentWidget()->findChild<QTableView *>(QStringLiteral("runsTable"));
    QVERIFY(runsTable);
    runsTable->setFocus();
    QTest::keyClick(runsTable, Qt::Key_Tab, Qt::ControlModifier);
    QCOMPARE(page(), QStringLiteral("predictions"));
    // ...and the predictions page's own tabs (gallery / confusion matrix).
    auto *inner = tabs->currentWidget()->findChild<QTabWidget *>(QStringLiteral("predictionsTabs"));
    QVERIFY(inner);
    inner->setFocus();
    QTest::keyClick(inner, Qt::Key_Tab, Qt::ControlModifier);
    QCOMPARE(page(), keys.front()); // round to the first page
    QTest::keyClick(tabs->currentWidget(), Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(page(), QStringLiteral("predictions"));

    // Alt + the underlined letter of every page.
    const std::pair<Qt::Key, const char *> mnemonics[] = {
        {Qt::Key_O, "overview"}, {Qt::Key_E, "report"}, {Qt::Key_B, "browser"}, {Qt::Key_A, "augment"},
        {Qt::Key_T, "train"},    {Qt::Key_U, "runs"},   {Qt::Key_P, "predictions"}};
    for (const auto &[key, name] : mnemonics) {
        QTest::keyClick(&w, key, Qt::AltModifier);
        QCOMPARE(page(), QLatin1String(name));
    }
}

// Item 3 of issue 19: the pipeline edited on the Augment page is the one the next run trains with,
// at the Train form's image size, which is also the Augment page's input size.
void TestMainWindow::tilesAndRegionAreOneSetting()
{
    // The Train page's Tiles and Region and the Augment page's tiles row are one setting: typed on
    // either page, the other shows it and the next run uses it.
    MainWindow w;
    w.resize(1200, 800);
    w.show();
    auto *train = w.findChild<TrainPanel *>();
    auto *augmentPage = w.findChild<QWidget *>(QStringLiteral("augmentPanel"));
    QVERIFY(train && augmentPage);
    auto *formTiles = train->findChild<QLineEdit *>(QStringLiteral("tiles"));
    auto *formRoi = train->findChild<QLineEdit *>(QStringLiteral("roi"));
    auto *pageTiles = augmentPage->findChild<QLineEdit *>(QStringLiteral("augmentTiles"));
    auto *pageRoi = augmentPage->findChild<QLineEdit *>(QStringLiteral("augmentRoi"));
    auto *pageOverlap = augmentPage->findChild<QSpinBox *>(QStringLiteral("augmentTileOverlap"));
    QVERIFY(formTiles && formRoi && pageTiles && pageRoi && pageOverlap);
    QCOMPARE(pageTiles->text(), formTiles->text());

    QVERIFY(w.showPanel(QStringLiteral("train")));
    formTiles->selectAll();
    QTest::keyClicks(formTiles, QStringLiteral("4x4"));
    QCOMPARE(pageTiles->text(), QStringLiteral("4x4"));

    QVERIFY(w.showPanel(QStringLiteral("augment")));
    QTest::keyClicks(pageRoi, QStringLiteral("10,20,300,200"));
    pageOverlap->setValue(48);
    QCOMPARE(formRoi->text(), QStringLiteral("10,20,300,200"));
    const TrainConfig c = train->form()->config();
    QCOMPARE(c.tiles, QStringLiteral("4x4"));
    QCOMPARE(c.roi, QStringLiteral("10,20,300,200"));
    QCOMPARE(c.tileOverlap, 48);

    // A run's settings (as a preset or a resumed run bring them) reach the Augment page too.
    TrainConfig preset = c;
    preset.tiles = QStringLiteral("2x3");
    preset.tileOverlap = 16;
    preset.roi.clear();
    train->form()->setConfig(preset);
    QCOMPARE(pageTiles->text(), QStringLiteral("2x3"));
    QCOMPARE(pageOverlap->value(), 16);
    QCOMPARE(pageRoi->text(), QString());
}

void TestMainWindow::trainsWithTheAugmentPagesPipeline()
{
    QTemporaryDir dir;
    const QString shapes = dir.filePath(QStringLiteral("shapes"));
    test::writeShapes(shapes, 6, 64, 3, 3);
    MainWindow w;
    w.resize(1200, 800);
    w.show();
    QSignalSpy done(&w, &MainWindow::inspectionDone);
    w.openDataset(shapes);
    QVERIFY(done.wait(30000));
    auto *train = w.findChild<TrainPanel *>();
    auto *augmentPage = w.findChild<QWidget *>(QStringLiteral("augmentPanel"));
    QVERIFY(train && augmentPage);
    auto *imageSize = train->findChild<QSpinBox *>(QStringLiteral("imageSize"));
    auto *inputSize = augmentPage->findChild<QSpinBox *>(QStringLiteral("augmentInputSize"));
    QVERIFY(imageSize && inputSize);
    // One setting: the form's size shows on the Augment page and the other way round.
    QCOMPARE(inputSize->value(), imageSize->value());
    imageSize->setValue(48);
    QCOMPARE(inputSize->value(), 48);
    inputSize->setValue(40);
    QCOMPARE(imageSize->value(), 40);
    imageSize->setValue(48);

    // Edit the pipeline through the page's own widgets: drop hflip, add rotate.
    QVERIFY(w.showPanel(QStringLiteral("augment")));
    auto *steps = augmentPage->findChild<QListWidget *>(QStringLiteral("stepList"));
    auto *remove = augmentPage->findChild<QToolButton *>(QStringLiteral("removeStep"));
    auto *type = augmentPage->findChild<QComboBox *>(QStringLiteral("addStepType"));
    auto *add = augmentPage->findChild<QPushButton *>(QStringLiteral("addStep"));
    QVERIFY(steps && remove && type && add);
    const auto row = [steps](const QString &t) {
        for (int i = 0; i < steps->count(); ++i)
            if (steps->item(i)->text().startsWith(t))
                return i;
        return -1;
    };
    QVERIFY(row(QStringLiteral("hflip")) >= 0);
    steps->setCurrentRow(row(QStringLiteral("hflip")));
    remove->click();
    QCOMPARE(row(QStringLiteral("hflip")), -1);
    steps->setCurrentRow(0);
    type->setCurrentText(QStringLiteral("rotate"));
    add->click();
    QVERIFY(row(QStringLiteral("rotate")) >= 0);

    // The Train page says which pipeline it will use.
    QVERIFY(w.showPanel(QStringLiteral("train")));
    auto *summary = train->findChild<QLabel *>(QStringLiteral("pipelineSummary"));
    QVERIFY(summary);
    QVERIFY2(summary->text().contains(QStringLiteral("Augment page")), qPrintable(summary->text()));
    QVERIFY2(summary->text().contains(QStringLiteral("resize → rotate → normalize")), qPrintable(summary->text()));
    QVERIFY(!summary->text().contains(QStringLiteral("hflip")));
    auto *edit = train->findChild<QToolButton *>(QStringLiteral("editPipeline"));
    QVERIFY(edit);
    edit->click();
    QCOMPARE(w.findChild<QTabWidget *>(QStringLiteral("panels"))->currentWidget(), augmentPage);
    QVERIFY(w.showPanel(QStringLiteral("train")));

    // A tiny run from the form, cancelled after its first epoch.
    train->findChild<QSpinBox *>(QStringLiteral("epochs"))->setValue(3);
    train->findChild<QSpinBox *>(QStringLiteral("batch"))->setValue(4);
    train->findChild<QSpinBox *>(QStringLiteral("threads"))->setValue(2);
    QSignalSpy finished(train->controller(), &TrainController::finished);
    QSignalSpy epochs(train->controller(), &TrainController::epochDone);
    auto *start = train->findChild<QPushButton *>(QStringLiteral("startRun"));
    QVERIFY(start && start->isEnabled());
    start->click();
    QTRY_VERIFY(train->controller()->isRunning() || finished.count() > 0);
    const QString runDir = train->controller()->runDir();
    QTRY_VERIFY_WITH_TIMEOUT(epochs.count() >= 1 || finished.count() > 0, 120000);
    train->controller()->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);

    const QJsonObject config = runfolder::readConfig(runDir);
    QCOMPARE(config.value(QStringLiteral("image_size")).toInt(), 48);
    const QByteArray used = config.value(QStringLiteral("pipeline")).toString().toUtf8();
    const auto stepsOf = [](const QByteArray &json) {
        return QJsonDocument::fromJson(Pipeline::fromJson(json).toJson()).object().value(QStringLiteral("steps")).toArray();
    };
    const QByteArray edited = train->form()->pipelineJson();
    QCOMPARE(stepsOf(used), stepsOf(edited));
    QStringList types;
    for (const QJsonValue &v : stepsOf(used))
        types << v.toObject().value(QStringLiteral("type")).toString();
    QCOMPARE(types, (QStringList{"resize", "rotate", "normalize"}));
    // The pipeline's input resize followed the form's size.
    QCOMPARE(stepsOf(used)[0].toObject().value(QStringLiteral("width")).toInt(), 48);

    // Edited again, then the run resumed: it trains on with its own pipeline, and the Augment
    // page keeps the new edit.
    QVERIFY(w.showPanel(QStringLiteral("augment")));
    steps->setCurrentRow(row(QStringLiteral("rotate")));
    remove->click();
    QCOMPARE(row(QStringLiteral("rotate")), -1);
    QVERIFY(w.showPanel(QStringLiteral("train")));
    finished.clear();
    QVERIFY(train->resumeRun(runDir));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
    QCOMPARE(stepsOf(runfolder::readConfig(runDir).value(QStringLiteral("pipeline")).toString().toUtf8()), stepsOf(used));
    QCOMPARE(row(QStringLiteral("rotate")), -1);
    QVERIFY(!summary->text().contains(QStringLiteral("rotate")));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
