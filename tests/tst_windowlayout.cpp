// The main window at 1024 × 700 on a 1024 × 700 screen, in English and in German: it opens no wider
// than the screen, every page's controls are whole inside the window (none cut off by a neighbour
// or the window's edge, none narrower than its text), no message wraps into a tall column, and the
// Classes / Objects / Problems docks show only on the Overview and Browser pages, and numbers are
// written as the locale writes them.

#include "TestUtil.h"
#include "Translations.h"

#include "LossPlot.h"
#include "MainWindow.h"
#include "ObjectStatsChart.h"
#include "TrainPanel.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QtMath>
#include <QSettings>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QHeaderView>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include <qcustomplot.h>

#include <cmath>

using namespace loupe;

namespace {

bool insideScrollArea(const QWidget *w, const QWidget *page)
{
    for (const QWidget *p = w->parentWidget(); p && p != page; p = p->parentWidget())
        if (qobject_cast<const QAbstractScrollArea *>(p))
            return true;
    return false;
}

QString describe(const QWidget *w)
{
    QString text;
    if (auto *b = qobject_cast<const QAbstractButton *>(w))
        text = b->text();
    else if (auto *l = qobject_cast<const QLabel *>(w))
        text = l->text().left(40);
    else if (auto *c = qobject_cast<const QComboBox *>(w))
        text = c->currentText();
    return QStringLiteral("%1 \"%2\" (%3)").arg(QString::fromLatin1(w->metaObject()->className()), text, w->objectName());
}

/// What a user would see cut off on the page now showing: a control outside the window or outside
/// any of its parents, a control narrower than its own minimum (its text cut), a wrapped message
/// squeezed into a column.
QStringList cutOff(QWidget *window, QWidget *page)
{
    QStringList problems;
    const QList<QWidget *> widgets = page->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!w->isVisibleTo(window) || insideScrollArea(w, page))
            continue;
        const bool control = qobject_cast<QAbstractButton *>(w) || qobject_cast<QComboBox *>(w)
            || qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QLineEdit *>(w);
        auto *label = qobject_cast<QLabel *>(w);
        if (qobject_cast<QTabBar *>(w->parentWidget()) || qobject_cast<QLineEdit *>(w->parentWidget())
            || qobject_cast<QAbstractSpinBox *>(w->parentWidget()) || qobject_cast<QComboBox *>(w->parentWidget()))
            continue; // parts of other controls (scroll buttons of a tab bar, a spin box's line edit)
        if (!control && !label)
            continue;
        if (label && label->text().isEmpty())
            continue;
        const QRect inWindow(w->mapTo(window, QPoint(0, 0)), w->size());
        if (!window->rect().contains(inWindow)) {
            problems << QStringLiteral("%1 at %2,%3 %4×%5 leaves the window")
                            .arg(describe(w))
                            .arg(inWindow.x())
                            .arg(inWindow.y())
                            .arg(inWindow.width())
                            .arg(inWindow.height());
            continue;
        }
        for (QWidget *a = w->parentWidget(); a && a != window; a = a->parentWidget()) {
            if (!QRect(w->mapTo(a, QPoint(0, 0)), w->size()).intersects(a->rect()))
                break; // scrolled away inside a parent: not this check's business
            if (!a->rect().contains(QRect(w->mapTo(a, QPoint(0, 0)), w->size()))) {
                problems << QStringLiteral("%1 is cut off by its parent %2").arg(describe(w), describe(a));
                break;
            }
        }
        if (control && w->width() < w->minimumSizeHint().width() - 1)
            problems << QStringLiteral("%1 is %2 px wide, its text needs %3")
                            .arg(describe(w))
                            .arg(w->width())
                            .arg(w->minimumSizeHint().width());
        if (label && label->wordWrap() && label->width() < 160 && label->text().size() > 40)
            problems << QStringLiteral("%1 wraps into a %2 px column").arg(describe(w)).arg(label->width());
    }
    return problems;
}

} // namespace

class TestWindowLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pagesFitAt1024x700_data();
    void pagesFitAt1024x700();
    void objectSizeLabelsFitANarrowDock();

private:
    QTemporaryDir m_dir;
    QString m_dataset;
};

void TestWindowLayout::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("LoupeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_windowlayout"));
    QApplication::setQuitOnLastWindowClosed(false);
    m_dataset = m_dir.filePath(QStringLiteral("shapes"));
    test::writeShapes(m_dataset, 6, 64, 3, 3);
    // One image in both classes: the Problems dock lists "conflicting labels".
    QVERIFY(QFile::copy(m_dataset + QStringLiteral("/disc/0.png"), m_dataset + QStringLiteral("/bar/copy-of-disc-0.png")));
    QCOMPARE(QApplication::primaryScreen()->availableGeometry().size(), QSize(1024, 700));
}

void TestWindowLayout::pagesFitAt1024x700_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::newRow("English") << QLocale(QLocale::English, QLocale::UnitedStates);
    QTest::newRow("German") << QLocale(QLocale::German, QLocale::Germany);
}

void TestWindowLayout::pagesFitAt1024x700()
{
    QFETCH(QLocale, locale);
    QLocale::setDefault(locale);
    if (locale.language() == QLocale::German)
        QVERIFY(installTranslators(*QCoreApplication::instance(), locale));
    QSettings().clear();

    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    // Opened on this screen, no wider or taller than it.
    const QRect screen = w.screen()->availableGeometry();
    QVERIFY2(w.frameGeometry().width() <= screen.width(), qPrintable(QString::number(w.frameGeometry().width())));
    QVERIFY2(w.frameGeometry().height() <= screen.height(), qPrintable(QString::number(w.frameGeometry().height())));

    QSignalSpy done(&w, &MainWindow::inspectionDone);
    w.openDataset(m_dataset);
    QVERIFY(done.wait(30000));
    w.resize(1024, 700);
    QTRY_COMPARE(w.size(), QSize(1024, 700));

    auto *tabs = w.findChild<QTabWidget *>(QStringLiteral("panels"));
    QVERIFY(tabs);
    const QStringList dockPages{QStringLiteral("overview"), QStringLiteral("browser")};
    const QList<QDockWidget *> docks{w.findChild<QDockWidget *>(QStringLiteral("classesDock")),
                                     w.findChild<QDockWidget *>(QStringLiteral("problemsDock"))};
    QVERIFY(!docks.contains(nullptr));
    auto *objects = w.findChild<QDockWidget *>(QStringLiteral("objectsDock"));
    QVERIFY(objects);
    QStringList problems;
    for (const QString &key : w.panelKeys()) {
        QVERIFY(w.showPanel(key));
        QApplication::processEvents();
        QTest::qWait(50);
        for (QDockWidget *dock : docks)
            QVERIFY2(dock->isVisible() == dockPages.contains(key),
                     qPrintable(QStringLiteral("%1 on %2").arg(dock->objectName(), key)));
        QVERIFY2(!objects->isVisible(), qPrintable(key)); // no boxes in this dataset
        QCOMPARE(w.size(), QSize(1024, 700));
        for (const QString &p : cutOff(&w, tabs->currentWidget()))
            problems << key + QStringLiteral(": ") + p;
    }
    // The problem column of the Problems dock is read whole ("widersprüchliche Labels").
    QVERIFY(w.showPanel(QStringLiteral("overview")));
    QApplication::processEvents();
    QTreeWidget *tree = w.problemsTree();
    const QString conflicting = QCoreApplication::translate("loupe::MainWindow", "conflicting labels");
    const QList<QTreeWidgetItem *> found = tree->findItems(conflicting, Qt::MatchExactly | Qt::MatchRecursive, 1);
    QVERIFY2(!found.isEmpty(), qPrintable(conflicting));
    QTreeWidgetItem *conflict = found.front();
    const int needed = tree->fontMetrics().horizontalAdvance(conflict->text(1));
    QVERIFY2(tree->columnWidth(1) >= needed, qPrintable(QStringLiteral("%1: %2 px of %3").arg(conflict->text(1)).arg(tree->columnWidth(1)).arg(needed)));
    QVERIFY(tree->header()->sectionPosition(1) + tree->columnWidth(1) <= tree->viewport()->width());
    // A summary to scan: it leaves the page above it most of the window.
    QVERIFY2(docks[1]->height() <= 130, qPrintable(QStringLiteral("Problems dock %1 px").arg(docks[1]->height())));
    // The Train page's run buttons and the Problems dock's "conflicting labels" in full as well.
    QVERIFY(w.showPanel(QStringLiteral("train")));
    QApplication::processEvents();
    auto *train = w.findChild<TrainPanel *>();
    for (const char *name : {"startRun", "pauseRun", "cancelRun"}) {
        auto *b = train->findChild<QAbstractButton *>(QLatin1String(name));
        QVERIFY2(b, name);
        const QRect r(b->mapTo(&w, QPoint(0, 0)), b->size());
        if (!b->isVisibleTo(&w) || !w.rect().contains(r) || r.bottom() > tabs->geometry().bottom())
            problems << QStringLiteral("train: %1 is out of sight").arg(describe(b));
    }
    // The whole Train form in sight, no scrolling to reach a setting.
    auto *form = train->findChild<QScrollArea *>(QStringLiteral("trainForm"));
    QVERIFY(form);
    QVERIFY2(form->verticalScrollBar()->maximum() == 0,
             qPrintable(QStringLiteral("the Train form scrolls by %1 px").arg(form->verticalScrollBar()->maximum())));
    // Numbers as the locale writes them, with the digits they need: "0,01", not "0,010000".
    auto *lr = train->findChild<QDoubleSpinBox *>(QStringLiteral("learningRate"));
    QVERIFY(lr);
    QCOMPARE(lr->text(), locale.toString(0.01));
    // Room where it is wanted: the loss plot beside the form, six runs in the Runs table.
    QVERIFY2(train->lossPlot()->width() >= 400, qPrintable(QString::number(train->lossPlot()->width())));
    QVERIFY(w.showPanel(QStringLiteral("runs")));
    QApplication::processEvents();
    auto *runs = tabs->currentWidget()->findChild<QTableView *>(QStringLiteral("runsTable"));
    QVERIFY(runs);
    const int row = runs->verticalHeader()->defaultSectionSize();
    QVERIFY2(runs->viewport()->height() >= 6 * row,
             qPrintable(QStringLiteral("%1 px for rows of %2").arg(runs->viewport()->height()).arg(row)));
    QVERIFY2(problems.isEmpty(), qPrintable(QLatin1Char('\n') + problems.join(QLatin1Char('\n'))));
}

void TestWindowLayout::objectSizeLabelsFitANarrowDock()
{
    // "<4" … "≥256" under eight bars: in a 240 px dock they ran into each other.
    for (const int width : {240, 700}) {
        ObjectStatsChart chart;
        chart.resize(width, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        auto *plot = chart.findChild<QCustomPlot *>(QStringLiteral("objectSizes"));
        QVERIFY(plot);
        plot->replot(QCustomPlot::rpImmediateRefresh);
        const double spacing = plot->xAxis->coordToPixel(1) - plot->xAxis->coordToPixel(0);
        const QFontMetrics fm(plot->xAxis->tickLabelFont());
        int widest = 0;
        for (const QString &label : plot->xAxis->tickVectorLabels())
            widest = std::max(widest, fm.horizontalAdvance(label));
        QVERIFY(widest > 0);
        const double angle = qDegreesToRadians(plot->xAxis->tickLabelRotation());
        const double extent = widest * std::abs(std::cos(angle)) + fm.height() * std::abs(std::sin(angle));
        QVERIFY2(extent < spacing, qPrintable(QStringLiteral("%1 px wide: labels %2 px across, %3 px apart")
                                                  .arg(width)
                                                  .arg(extent)
                                                  .arg(spacing)));
        if (width >= 700)
            QCOMPARE(plot->xAxis->tickLabelRotation(), 0.0); // upright only when there is no room
    }
}

int main(int argc, char **argv)
{
    // A 1024 × 700 screen: the offscreen platform's is 800 × 600 otherwise.
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("screen.json"));
    test::writeBytes(config, R"({"screens": [{"name": "small", "x": 0, "y": 0, "width": 1024, "height": 700,
                                 "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})");
    qputenv("QT_QPA_PLATFORM", QByteArray("offscreen:configfile=") + config.toLocal8Bit());
    QApplication app(argc, argv);
    QApplication::setStyle(QStringLiteral("Fusion"));
    TestWindowLayout test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_windowlayout.moc"
