#include "MainWindow.h"

#include "AugmentPanel.h"
#include "BrowserPanel.h"
#include "ClassBalanceChart.h"
#include "DropOpener.h"
#include "NumberText.h"
#include "ObjectStatsChart.h"
#include "PredictionsPanel.h"
#include "RecentDatasetsMenu.h"
#include "RunsPanel.h"
#include "TrainPanel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QScreen>
#include <QWindow>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextBrowser>
#include <QToolBar>
#include <QTreeWidget>

#include <algorithm>
#include <iterator>

namespace loupe {

namespace {

QString sizeText(const QSize &s)
{
    return QStringLiteral("%1 × %2").arg(s.width()).arg(s.height());
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_tabs(new QTabWidget(this))
    , m_summary(new QTextBrowser(this))
    , m_report(new QPlainTextEdit(this))
    , m_chart(new ClassBalanceChart(this))
    , m_objects(new ObjectStatsChart(this))
    , m_problems(new QTreeWidget(this))
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
{
    setWindowTitle(tr("Loupe"));
    setObjectName(QStringLiteral("mainWindow"));
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setOpenLinks(false);
    m_report->setObjectName(QStringLiteral("report"));
    m_report->setReadOnly(true);
    m_report->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_report->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_tabs->setObjectName(QStringLiteral("panels"));
    // Alt + the underlined letter opens a page (File, View and Help keep F, V and H).
    m_tabs->addTab(m_summary, tr("&Overview"));
    m_tabs->addTab(m_report, tr("R&eport"));
    m_panelKeys = {QStringLiteral("overview"), QStringLiteral("report")};
    setCentralWidget(m_tabs);

    createDocks();
    createActions();
    auto *browser = new BrowserPanel(this);
    auto *augment = new AugmentPanel(this);
    addPanel(browser, tr("&Browser"), QStringLiteral("browser"));
    addPanel(augment, tr("&Augment"), QStringLiteral("augment"));
    // The preview shows what the browser has selected (several images with Ctrl or Shift).
    connect(browser, &BrowserPanel::samplesSelected, augment, [augment](const QList<int> &samples) {
        if (!samples.isEmpty())
            augment->setImages(samples.mid(0, 8));
    });
    auto *train = new TrainPanel(this);
    auto *runs = new RunsPanel(this);
    auto *predictions = new PredictionsPanel(this);
    addPanel(train, tr("&Train"), QStringLiteral("train"));
    addPanel(runs, tr("R&uns"), QStringLiteral("runs"));
    addPanel(predictions, tr("&Predictions"), QStringLiteral("predictions"));
    // Saved label edits show at once: the dataset is read again from its label files.
    connect(predictions, &PredictionsPanel::reloadRequested, this, [this] {
        if (!m_path.isEmpty())
            openDataset(m_path, m_options);
    });
    // One training pipeline and one input size: the Augment page edits them, the Train page shows
    // the pipeline and sets the size, and the next run uses exactly these.
    TrainForm *form = train->form();
    form->setPipelineJson(augment->pipelineJson());
    augment->setInputSize(form->config().imageSize);
    connect(augment, &AugmentPanel::pipelineChanged, form, &TrainForm::setPipelineJson);
    connect(augment, &AugmentPanel::inputSizeChanged, form, &TrainForm::setImageSize);
    connect(form, &TrainForm::imageSizeChanged, augment, &AugmentPanel::setInputSize);
    // The detector's tiles and region likewise: edited on either page, one setting.
    {
        const TrainConfig c = form->config();
        augment->setTiling(c.tiles, c.tileOverlap, c.roi);
    }
    connect(augment, &AugmentPanel::tilingChanged, form, &TrainForm::setTiling);
    connect(form, &TrainForm::tilingChanged, augment, &AugmentPanel::setTiling);
    connect(form, &TrainForm::pipelineLoaded, augment, [augment](const QByteArray &json) {
        try {
            augment->setPipeline(Pipeline::fromJson(json));
        } catch (const PipelineError &) {
            // TrainForm checked it before saying so.
        }
    });
    connect(form, &TrainForm::editPipelineRequested, this, [this] { showPanel(QStringLiteral("augment")); });
    // A finished run appears in the pages that list runs without pressing Refresh.
    connect(train->controller(), &TrainController::finished, predictions, &PredictionsPanel::refreshRuns);
    new DropOpener(this); // drop a folder or label file anywhere on the window to open it

    m_progress->setMaximumWidth(260);
    m_progress->setVisible(false);
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_progress);
    m_status->setText(tr("Open a dataset: a folder of class folders, a CSV, COCO, VOC, YOLO or IDX files."));
    m_summary->setHtml(tr("<h2>Loupe</h2><p>Open a dataset with <b>File › Open Folder</b> or "
                          "<b>File › Open Label File</b> to review it before training.</p>"));

    connect(&m_controller, &InspectController::progress, this, &MainWindow::showProgress);
    connect(&m_controller, &InspectController::finished, this, &MainWindow::showInspection);
    connect(&m_controller, &InspectController::indexed, this, [this](const InspectionPtr &early) {
        // Pages can show the images while the full check still runs.
        for (Panel *panel : m_panels)
            panel->setInspection(early);
    });
    connect(&m_controller, &InspectController::failed, this, &MainWindow::showError);

    QSettings settings;
    resize(1200, 800);
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    for (QDockWidget *dock : std::as_const(m_docks)) {
        m_dockWanted[dock] = !dock->isHidden() || dock == m_objectsDock;
        // The user's own show / hide, not the page's.
        connect(dock->toggleViewAction(), &QAction::triggered, this, [this, dock](bool on) { m_dockWanted[dock] = on; });
        connect(dock, &QDockWidget::visibilityChanged, this, [this, dock](bool) {
            if (!m_updatingDocks && dock->isHidden() && dockPage())
                m_dockWanted[dock] = false; // closed with its own button
        });
    }
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateDocks);
    updateDocks();
    fitToScreen();
}

bool MainWindow::dockPage() const
{
    const QString key = m_panelKeys.value(m_tabs->currentIndex());
    return key == QLatin1String("overview") || key == QLatin1String("browser");
}

void MainWindow::updateDocks()
{
    // The window's minimum is the page shown (and its docks), not the widest of all pages: hidden
    // pages are given no say, as their size policy tells the stacked layout.
    for (int i = 0; i < m_tabs->count(); ++i) {
        QWidget *page = m_tabs->widget(i);
        const QSizePolicy::Policy policy = i == m_tabs->currentIndex() ? QSizePolicy::Preferred : QSizePolicy::Ignored;
        page->setSizePolicy(policy, policy);
    }
    m_updatingDocks = true;
    const bool page = dockPage();
    const bool objects = m_inspection && m_inspection->stats.objectCount > 0;
    for (QDockWidget *dock : std::as_const(m_docks))
        dock->setVisible(page && m_dockWanted.value(dock, true) && (dock != m_objectsDock || objects));
    m_updatingDocks = false;
}

void MainWindow::fitToScreen()
{
    // A saved or default size larger than this screen (another monitor, German's longer words)
    // would open the window partly off screen.
    if (const QScreen *s = screen()) {
        const QRect avail = s->availableGeometry();
        const QMargins m = windowHandle() ? windowHandle()->frameMargins() : QMargins();
        const QSize frame(m.left() + m.right(), m.top() + m.bottom());
        const QSize most = avail.size() - frame;
        if (width() > most.width() || height() > most.height())
            resize(std::min(width(), most.width()), std::min(height(), most.height()));
        if (!avail.contains(frameGeometry()))
            move(std::clamp(x(), avail.left(), std::max(avail.left(), avail.right() - frameGeometry().width())),
                 std::clamp(y(), avail.top(), std::max(avail.top(), avail.bottom() - frameGeometry().height())));
    }
}

MainWindow::~MainWindow() = default;

void MainWindow::addPanel(Panel *panel, const QString &title, const QString &key)
{
    panel->setObjectName(key + QStringLiteral("Panel"));
    m_tabs->addTab(panel, title);
    m_panelKeys.append(key);
    m_panels.append(panel);
    panel->setInspection(m_inspection);
}

bool MainWindow::showPanel(const QString &key)
{
    const int index = int(m_panelKeys.indexOf(key));
    if (index < 0)
        return false;
    m_tabs->setCurrentIndex(index);
    return true;
}

QStringList MainWindow::panelKeys() const
{
    return m_panelKeys;
}

void MainWindow::createDocks()
{
    auto *classes = new QDockWidget(tr("Classes"), this);
    m_docks.append(classes);
    classes->setObjectName(QStringLiteral("classesDock"));
    classes->setWidget(m_chart);
    addDockWidget(Qt::RightDockWidgetArea, classes);
    m_chart->setMinimumWidth(300);

    m_objectsDock = new QDockWidget(tr("Objects"), this);
    m_objectsDock->setObjectName(QStringLiteral("objectsDock"));
    m_docks.append(m_objectsDock);
    m_objectsDock->setWidget(m_objects);
    addDockWidget(Qt::RightDockWidgetArea, m_objectsDock);

    m_problems->setObjectName(QStringLiteral("problems"));
    m_problems->setColumnCount(2);
    m_problems->setHeaderLabels({tr("File"), tr("Problem")});
    // The problem ("conflicting labels", German "widersprüchliche Labels") is always read whole;
    // the paths take the rest and are cut in the middle, where they differ least.
    m_problems->header()->setStretchLastSection(false);
    m_problems->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_problems->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_problems->setTextElideMode(Qt::ElideMiddle);
    m_problems->setRootIsDecorated(true);
    auto *problems = new QDockWidget(tr("Problems"), this);
    problems->setObjectName(QStringLiteral("problemsDock"));
    m_docks.append(problems);
    problems->setWidget(m_problems);
    addDockWidget(Qt::BottomDockWidgetArea, problems);
    // About four rows by default: the list is a summary to scan, and the pages above it need the room.
    resizeDocks({problems}, {m_problems->fontMetrics().height() * 6}, Qt::Vertical);
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *openFolder = file->addAction(tr("Open &Folder…"), this, &MainWindow::chooseFolder);
    openFolder->setShortcut(QKeySequence::Open);
    openFolder->setObjectName(QStringLiteral("openFolderAction"));
    QAction *openLabels = file->addAction(tr("Open &Label File…"), this, &MainWindow::chooseLabelFile);
    openLabels->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    file->addMenu(new RecentDatasetsMenu(this));
    QAction *reload = file->addAction(tr("&Reload"), this, [this] {
        if (!m_path.isEmpty())
            openDataset(m_path, m_options);
    });
    reload->setShortcut(QKeySequence::Refresh);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    // The window's own page keys: they work wherever the focus is, inner tabs and tables included
    // (a focused table or inner tab widget would otherwise keep Ctrl+Tab to itself).
    QAction *next = view->addAction(tr("&Next Page"), this, [this] {
        m_tabs->setCurrentIndex((m_tabs->currentIndex() + 1) % m_tabs->count());
    });
    next->setObjectName(QStringLiteral("nextPageAction"));
    next->setShortcuts(QKeySequence::keyBindings(QKeySequence::NextChild) << QKeySequence(Qt::CTRL | Qt::Key_PageDown));
    QAction *previous = view->addAction(tr("&Previous Page"), this, [this] {
        m_tabs->setCurrentIndex((m_tabs->currentIndex() + m_tabs->count() - 1) % m_tabs->count());
    });
    previous->setObjectName(QStringLiteral("previousPageAction"));
    previous->setShortcuts(QKeySequence::keyBindings(QKeySequence::PreviousChild)
                           << QKeySequence(Qt::CTRL | Qt::Key_PageUp));
    for (QAction *a : {next, previous})
        a->setShortcutContext(Qt::WindowShortcut);
    view->addSeparator();
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        view->addAction(dock->toggleViewAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Loupe"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->addAction(openFolder);
    bar->addAction(openLabels);
    bar->addAction(reload);
}

void MainWindow::chooseFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Dataset Folder"));
    if (!dir.isEmpty())
        openDataset(dir);
}

void MainWindow::chooseLabelFile()
{
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Open Label File"), QString(),
        tr("Label files (*.csv *.json *.yaml *.yml *ubyte *ubyte.gz);;All files (*)"));
    if (!file.isEmpty())
        openDataset(file);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Loupe"),
                       tr("<h3>Loupe %1</h3><p>A workbench for training vision models on small, hard "
                          "datasets: review the images, prove the pipeline, train, and study every "
                          "misprediction. Offline.</p><p>Qt %2</p>")
                           .arg(QStringLiteral(LOUPE_VERSION), QString::fromLatin1(qVersion())));
}

void MainWindow::openDataset(const QString &path, const InspectOptions &options)
{
    // A run trains on the open dataset: it is not left running behind another one's pages.
    if (auto *train = findChild<TrainPanel *>(); train && !train->maybeStop(TrainPanel::StopFor::OpenAnotherDataset))
        return;
    // Unsaved label edits are offered for saving before another dataset replaces them.
    if (auto *predictions = findChild<PredictionsPanel *>(); predictions && !predictions->maybeDiscardEdits())
        return;
    m_path = path;
    m_options = options;
    m_inspection.reset();
    for (Panel *panel : m_panels)
        panel->setInspection(nullptr);
    m_chart->clear();
    m_objects->clear();
    m_problems->clear();
    setWindowTitle(tr("%1 — Loupe").arg(QFileInfo(path).fileName()));
    m_status->setText(tr("Reading %1…").arg(path));
    m_progress->setRange(0, 0);
    m_progress->setVisible(true);
    m_controller.start(path, options);
}

void MainWindow::showProgress(int phase, int done, int total)
{
    // In InspectPhase's order.
    static const char *const phases[] = {QT_TR_NOOP("Reading labels"), QT_TR_NOOP("Reading headers"),
                                         QT_TR_NOOP("Checking images"), QT_TR_NOOP("Reading masks")};
    const int last = int(std::size(phases)) - 1;
    m_progress->setRange(0, std::max(total, 0));
    m_progress->setValue(done);
    m_progress->setFormat(tr(phases[std::clamp(phase, 0, last)]) + QStringLiteral(" %v/%m"));
    m_status->setText(tr("%1: %2 of %3").arg(tr(phases[std::clamp(phase, 0, last)])).arg(done).arg(total));
}

void MainWindow::showError(const QString &message)
{
    m_progress->setVisible(false);
    m_status->setText(tr("Could not open the dataset: %1").arg(message));
    m_summary->setHtml(tr("<h2>Could not open the dataset</h2><p>%1</p>").arg(message.toHtmlEscaped()));
    m_report->setPlainText(message);
    Q_EMIT inspectionDone();
}

void MainWindow::showInspection(const InspectionPtr &inspection)
{
    m_inspection = inspection;
    m_progress->setVisible(false);
    const Dataset &ds = inspection->dataset;
    const DatasetStats &st = inspection->stats;
    m_status->setText(tr("%1 images, %2 classes, %3 broken or missing, %n warning(s)", nullptr,
                         int(ds.warnings.size() + st.warnings.size()))
                          .arg(st.images)
                          .arg(ds.classes.size())
                          .arg(ds.badFiles.size()));
    m_summary->setHtml(summaryHtml(*inspection));
    m_report->setPlainText(formatReport(*inspection));
    m_chart->setStats(st);
    m_objects->setStats(st);
    // Object charts only mean something for datasets with boxes or masks.
    updateDocks();

    m_problems->clear();
    auto group = [this](const QString &title) {
        auto *item = new QTreeWidgetItem(m_problems, {title});
        item->setFirstColumnSpanned(true);
        return item;
    };
    if (!ds.badFiles.empty()) {
        QTreeWidgetItem *bad = group(tr("Broken or missing files (%1)").arg(ds.badFiles.size()));
        for (const BadFile &b : ds.badFiles)
            new QTreeWidgetItem(bad, {b.path, b.reason});
        bad->setExpanded(true);
    }
    if (!st.duplicateGroups.empty()) {
        QTreeWidgetItem *dups = group(tr("Identical files (%n group(s))", nullptr, int(st.duplicateGroups.size())));
        for (const QStringList &g : st.duplicateGroups)
            new QTreeWidgetItem(dups, {g.join(QLatin1String("  =  ")), tr("same bytes")});
    }
    if (!st.conflictGroups.empty()) {
        QTreeWidgetItem *conflicts = group(tr("Same image, different labels (%1)").arg(st.conflictGroups.size()));
        for (const QStringList &g : st.conflictGroups)
            new QTreeWidgetItem(conflicts, {g.join(QLatin1String(", ")), tr("conflicting labels")});
        conflicts->setExpanded(true);
    }
    if (m_problems->topLevelItemCount() == 0)
        new QTreeWidgetItem(m_problems, {tr("No broken files, duplicates or conflicting labels.")});
    for (Panel *panel : m_panels)
        panel->setInspection(inspection);
    Q_EMIT inspectionDone();
}

QString MainWindow::summaryHtml(const Inspection &in) const
{
    const Dataset &ds = in.dataset;
    const DatasetStats &st = in.stats;
    QString h;
    const QFileInfo root(ds.root);
    const QString name = root.isDir() ? root.fileName() : root.dir().dirName() + QLatin1Char('/') + root.fileName();
    h += QStringLiteral("<h2>%1</h2>").arg(name.toHtmlEscaped());
    h += QStringLiteral("<p style='color:gray'>%1 — %2</p>").arg(ds.root.toHtmlEscaped(), ds.format);
    h += QStringLiteral("<table cellspacing='6'>");
    auto row = [&h](const QString &k, const QString &v) {
        h += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(k, v);
    };
    if (!ds.layout.isEmpty())
        row(tr("Layout"), ds.layoutSource.isEmpty()
                              ? ds.layout.toHtmlEscaped()
                              : tr("%1 <span style='color:gray'>(from %2)</span>")
                                    .arg(ds.layout.toHtmlEscaped(), QFileInfo(ds.layoutSource).fileName().toHtmlEscaped()));
    row(tr("Images"), tr("%1 readable, %2 broken or missing").arg(st.images).arg(ds.badFiles.size()));
    row(tr("Classes"), QString::number(ds.classes.size()));
    if (!st.minSize.isEmpty()) {
        row(tr("Image size"), tr("min %1, median %2, max %3 px")
                                  .arg(sizeText(st.minSize), sizeText(st.medianSize), sizeText(st.maxSize)));
        row(tr("Aspect ratio"), tr("%1 to %2 (median %3)")
                                    .arg(numberText(st.minAspect, 'f', 2))
                                    .arg(numberText(st.maxAspect, 'f', 2))
                                    .arg(numberText(st.medianAspect, 'f', 2)));
    }
    if (st.objectCount > 0) {
        row(tr("Objects"), QString::number(st.objectCount));
        row(tr("Smallest object"), tr("%1 × %2 px")
                                       .arg(numberText(st.smallestObject.width(), 'f', 0))
                                       .arg(numberText(st.smallestObject.height(), 'f', 0)));
        if (st.minSafeWidth > st.maxSize.width())
            row(tr("Narrowest safe resize"), tr("none: some objects are under 5 × 5 px even at full size"));
        else
            row(tr("Narrowest safe resize"),
                tr("%1 px wide keeps every object at least 5 × 5 px").arg(st.minSafeWidth));
    }
    row(tr("Identical files"), QString::number(st.duplicateGroups.size()));
    h += QStringLiteral("</table>");
    const QStringList warnings = ds.warnings + st.warnings;
    if (!warnings.isEmpty()) {
        h += QStringLiteral("<h3>%1</h3><ul>").arg(tr("Warnings"));
        for (const QString &w : warnings)
            h += QStringLiteral("<li style='color:#a33'>%1</li>").arg(w.toHtmlEscaped());
        h += QStringLiteral("</ul>");
    } else {
        h += QStringLiteral("<p>%1</p>").arg(tr("No warnings."));
    }
    if (in.stopped)
        h += QStringLiteral("<p><i>%1</i></p>").arg(tr("Stopped early: the figures cover only the files read."));
    return h;
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!m_shown) {
        m_shown = true;
        fitToScreen(); // the frame's margins are known now
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // A run in progress asks first, then stops cleanly keeping its checkpoint.
    if (auto *train = findChild<TrainPanel *>(); train && !train->maybeStop(TrainPanel::StopFor::Close)) {
        event->ignore();
        return;
    }
    if (auto *predictions = findChild<PredictionsPanel *>(); predictions && !predictions->maybeDiscardEdits()) {
        event->ignore();
        return;
    }
    m_controller.stop();
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    // The state keeps the user's choice of docks, not whether this page happens to show them.
    m_updatingDocks = true;
    for (QDockWidget *dock : std::as_const(m_docks))
        dock->setVisible(m_dockWanted.value(dock, true));
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    m_updatingDocks = false;
    event->accept();
}

} // namespace loupe
