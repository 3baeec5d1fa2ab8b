// The main window offscreen: opening a dataset fills the chart, the problems list and the summary.

#include "TestUtil.h"

#include "ClassBalanceChart.h"
#include "MainWindow.h"

#include <QApplication>
#include <QDockWidget>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QToolBar>
#include <QTreeWidget>
#include <QtTest>

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
};

void TestMainWindow::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("LoupeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
}

void TestMainWindow::docksAndToolbarsCanBeRestored()
{
    MainWindow w;
    const auto docks = w.findChildren<QDockWidget *>();
    QVERIFY(docks.size() >= 2);
    for (QDockWidget *d : docks)
        QVERIFY2(!d->objectName().isEmpty(), qPrintable(d->windowTitle()));
    for (QToolBar *t : w.findChildren<QToolBar *>())
        QVERIFY(!t->objectName().isEmpty());
    QStringList menus;
    for (QAction *a : w.menuBar()->actions())
        menus << a->text();
    QCOMPARE(menus, QStringList({QStringLiteral("&File"), QStringLiteral("&View"), QStringLiteral("&Help")}));
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
    QTemporaryDir dir;
    for (int i = 0; i < 300; ++i)
        writeImage(dir.filePath(QStringLiteral("c%1/%2.jpg").arg(i % 2).arg(i)), 320, 240, i % 255);
    MainWindow w;
    w.show();
    QSignalSpy done(&w, &MainWindow::inspectionDone);
    // A probe timer measures how long the GUI thread goes without running its event loop.
    QElapsedTimer clock;
    qint64 last = 0, worst = 0;
    QTimer probe;
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        worst = std::max(worst, now - last);
        last = now;
    });
    clock.start();
    probe.start();
    w.openDataset(dir.path());
    QVERIFY(done.wait(60000));
    probe.stop();
    QCOMPARE(w.inspection()->stats.images, 300);
    // Generous bound for a shared machine; a blocking inspection would take far longer.
    QVERIFY2(worst < 250, qPrintable(QStringLiteral("event loop stalled %1 ms").arg(worst)));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
