#include "PredictionsPanel.h"

#include "ConfusionMatrixView.h"
#include "DetectionPredictionsView.h"
#include "ImageViewer.h"
#include "LabelSaver.h"
#include "PredictionDelegate.h"
#include "PredictionDetails.h"
#include "PredictionFilterBar.h"
#include "PredictionModel.h"
#include "PredictionRunPicker.h"
#include "PredictionsText.h"
#include "RelabelSession.h"
#include "Settings.h"
#include "ThumbnailGallery.h"
#include "ThumbnailLoader.h"
#include "dataset/LabelEdits.h"
#include "eval/DetectionReview.h"
#include "project/Project.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace loupe {

namespace {

constexpr int kThumbnailSize = 112;
constexpr int kCellSpacing = 6;

SettingValue<QByteArray> splitterSetting()
{
    return {QStringLiteral("predictions/splitter"), QByteArray()};
}

} // namespace

PredictionsPanel::PredictionsPanel(QWidget *parent)
    : Panel(parent)
    , m_model(new PredictionModel(this))
    , m_proxy(new PredictionFilterModel(this))
    , m_loader(new ThumbnailLoader(this))
    , m_delegate(new PredictionDelegate(this))
    , m_session(new RelabelSession(this))
    , m_runs(new PredictionRunPicker(this))
    , m_message(new QLabel(this))
    , m_saveBusy(new QProgressBar(this))
    , m_summary(new QLabel(this))
    , m_filters(new PredictionFilterBar(m_proxy, this))
    , m_gallery(new ThumbnailGallery(QListView::IconMode, this))
    , m_matrix(new ConfusionMatrixView(this))
    , m_normalized(new QCheckBox(tr("Row-normalised"), this))
    , m_viewerBox(new PredictionViewer(this))
    , m_details(new PredictionDetails(this))
{
    m_model->setLoader(m_loader);
    m_proxy->setPredictionModel(m_model);
    m_loader->setThumbnailSize(kThumbnailSize);
    m_delegate->setThumbnailSize(kThumbnailSize);

    buildToolBar();
    m_message->setObjectName(QStringLiteral("predictionsMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setVisible(false);
    // Saving labels backs up and rewrites files on a worker thread: a busy bar, not a frozen window.
    m_saveBusy->setObjectName(QStringLiteral("saveLabelsBusy"));
    m_saveBusy->setRange(0, 0);
    m_saveBusy->setMaximumHeight(12);
    m_saveBusy->setTextVisible(false);
    m_saveBusy->setVisible(false);
    m_summary->setObjectName(QStringLiteral("predictionsSummary"));
    m_summary->setWordWrap(true);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("predictionsSplitter"));
    m_splitter->addWidget(buildGalleryTabs());
    m_splitter->addWidget(m_viewerBox);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 2);
    m_splitter->setChildrenCollapsible(false);
    if (!m_splitter->restoreState(splitterSetting().get()))
        m_splitter->setSizes({420, 380, 280});
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] { splitterSetting().set(m_splitter->saveState()); });
    m_detection = new DetectionPredictionsView(this);
    m_detection->setObjectName(QStringLiteral("detectionPredictions"));
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("predictionsPages"));
    m_pages->addWidget(m_splitter);
    m_pages->addWidget(m_detection);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(3);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_summary);
    layout->addWidget(m_message);
    layout->addWidget(m_saveBusy);
    layout->addWidget(m_pages, 1);

    connect(m_runs, &PredictionRunPicker::refreshRequested, this, &PredictionsPanel::refreshRuns);
    connect(m_runs, &PredictionRunPicker::selectionChanged, this, &PredictionsPanel::loadPredictions);
    connect(m_viewerBox, &PredictionViewer::stepRequested, this, &PredictionsPanel::step);
    connect(m_viewerBox, &PredictionViewer::heatmapFinished, this, &PredictionsPanel::heatmapFinished);
    connect(m_details, &PredictionDetails::markRequested, this, &PredictionsPanel::markMislabelled);
    connect(m_session, &RelabelSession::pendingChanged, this, &PredictionsPanel::pendingChanged);
    connect(m_session, &RelabelSession::message, this, &PredictionsPanel::showMessage);
    connect(m_session, &RelabelSession::saveStarted, this, [this](int edits) { setSaving(true, edits); });
    connect(m_session, &RelabelSession::saveFinished, this, [this](bool ok) {
        setSaving(false);
        Q_EMIT saveFinished(ok);
    });
    connect(m_session, &RelabelSession::labelsSaved, this, &PredictionsPanel::labelsSaved);
    connect(m_session, &RelabelSession::reloadRequested, this, &PredictionsPanel::reloadRequested);

    setInspection(nullptr);
}

PredictionsPanel::~PredictionsPanel() = default;

void PredictionsPanel::buildToolBar()
{
    m_toolBar = new QToolBar(tr("Predictions"), this);
    m_toolBar->setObjectName(QStringLiteral("predictionsToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_runs->addTo(m_toolBar);
    m_toolBar->addSeparator();

    m_undoAction = m_session->undoStack()->createUndoAction(this, tr("Undo"));
    m_undoAction->setObjectName(QStringLiteral("undoRelabelAction"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_session->undoStack()->createRedoAction(this, tr("Redo"));
    m_redoAction->setObjectName(QStringLiteral("redoRelabelAction"));
    m_redoAction->setShortcut(QKeySequence::Redo);
    m_saveAction = new QAction(tr("Save labels"), this);
    m_saveAction->setObjectName(QStringLiteral("saveLabelsAction"));
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAction->setToolTip(tr("Write the relabelled images to the dataset's label files (a backup is made first)"));
    connect(m_saveAction, &QAction::triggered, this, [this] { saveLabels(true); });
    // The shortcuts belong to this page only: other pages may use Ctrl+Z for their own work.
    for (QAction *a : {m_undoAction, m_redoAction, m_saveAction}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
        m_toolBar->addAction(a);
    }
    m_toolBar->addSeparator();
    m_exportAction = m_toolBar->addAction(tr("Export matrix…"), this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Export the confusion matrix"),
                                                          QDir(currentRunDir()).filePath(QStringLiteral("confusion.png")),
                                                          tr("PNG images (*.png)"));
        if (file.isEmpty())
            return;
        if (exportConfusionPng(file))
            showMessage(tr("Confusion matrix saved as %1.").arg(file));
        else
            showMessage(tr("Could not write %1.").arg(file), true);
    });
    m_exportAction->setObjectName(QStringLiteral("exportMatrixAction"));
}

QWidget *PredictionsPanel::buildGalleryTabs()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);
    layout->addWidget(m_filters);

    m_gallery->setObjectName(QStringLiteral("predictionGallery"));
    m_gallery->setSelectionMode(QAbstractItemView::SingleSelection);
    m_gallery->setItemDelegate(m_delegate);
    m_gallery->setModel(m_proxy);
    m_gallery->setGridSize(m_delegate->cellSize(m_gallery->font()) + QSize(kCellSpacing, kCellSpacing));
    m_gallery->setMinimumWidth(m_gallery->gridSize().width() + 24);
    m_gallery->setLoader(m_loader);
    m_gallery->setSampleOfRow([this](int row) -> const Sample * {
        const int sample = m_model->sampleIndexAt(m_proxy->sourceRow(row));
        return sample >= 0 && m_inspection ? &m_inspection->dataset.samples[std::size_t(sample)] : nullptr;
    });
    layout->addWidget(m_gallery, 1);

    auto *matrixBox = new QWidget(this);
    auto *matrixLayout = new QVBoxLayout(matrixBox);
    matrixLayout->setContentsMargins(0, 0, 0, 0);
    auto *matrixTitle = new QHBoxLayout;
    auto *matrixHint = new QLabel(tr("Rows: true class, columns: predicted. Click a cell to see its images."), matrixBox);
    matrixHint->setWordWrap(true);
    matrixTitle->addWidget(matrixHint, 1);
    m_normalized->setObjectName(QStringLiteral("rowNormalized"));
    m_normalized->setToolTip(tr("Divide each row by its count: the diagonal then reads as recall"));
    matrixTitle->addWidget(m_normalized);
    matrixLayout->addLayout(matrixTitle);
    m_matrix->setObjectName(QStringLiteral("confusionMatrix"));
    matrixLayout->addWidget(m_matrix, 1);

    // Gallery and matrix as tabs: side by side, neither had room for ten classes.
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("predictionsTabs"));
    m_tabs->addTab(box, tr("Gallery"));
    m_tabs->addTab(matrixBox, tr("Confusion matrix"));

    connect(m_filters, &PredictionFilterBar::filtersChanged, this, [this] {
        m_matrix->setSelectedCell(-1, -1);
        updateCount();
        m_gallery->scheduleRequest();
    });
    connect(m_filters, &PredictionFilterBar::sortChanged, m_gallery, &ThumbnailGallery::scheduleRequest);
    connect(m_normalized, &QCheckBox::toggled, m_matrix, &ConfusionMatrixView::setNormalized);
    connect(m_matrix, &ConfusionMatrixView::cellClicked, this, [this](int truth, int predicted) {
        filterToCell(truth, predicted);
        m_tabs->setCurrentIndex(0);
    });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &PredictionsPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &PredictionsPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &PredictionsPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &PredictionsPanel::updateCount);
    connect(m_gallery->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { openRow(current); });
    connect(m_gallery, &QListView::activated, this, [this](const QModelIndex &index) {
        openRow(index);
        m_viewerBox->imageViewer()->setFocus();
    });
    return m_tabs;
}

// ---- dataset and runs ---------------------------------------------------------------------

void PredictionsPanel::setInspection(const InspectionPtr &inspection)
{
    const QString root = inspection ? inspection->dataset.root : QString();
    // A save in flight writes the dataset it started with; let it finish before another is shown.
    m_session->waitForSave();
    // The same files again (headers read, then verified): keep everything, re-match the rows.
    if (inspection && m_inspection && root == m_inspection->dataset.root && root == m_loadedRoot) {
        m_inspection = inspection;
        m_session->setInspection(inspection);
        m_gallery->setInspection(inspection);
        m_model->setInspection(inspection);
        if (m_currentRow >= 0) // shown afresh when its image moved (a relabel between class folders)
            openRow(m_proxy->mapFromSource(m_model->index(m_currentRow)));
        showDetails(m_currentRow);
        updateCount();
        m_gallery->scheduleRequest();
        updateEditActions();
        return;
    }
    if (!inspection && m_inspection) {
        m_wantedRun = currentRunDir();
        m_wantedPath = currentPath();
    }
    if (inspection && root != m_loadedRoot && !m_loadedRoot.isEmpty()) {
        m_wantedRun.clear();
        m_wantedPath.clear();
        m_loader->clearMemory();
    }
    // Another dataset (or none for now): the image shown and its "1600 × 1200 px, zoom 19%" go too.
    if (root != m_loadedRoot)
        m_viewerBox->clear(QString());
    m_inspection = inspection;
    m_session->setInspection(inspection); // drops edits of another dataset, with a message
    m_gallery->setInspection(inspection);
    m_loadedRoot = root;
    refreshRuns();
    updateEditActions();
}

void PredictionsPanel::refreshRuns()
{
    m_runs->refresh(m_inspection ? m_inspection->dataset.root : QString(), m_wantedRun);
    if (m_inspection)
        m_wantedRun.clear();
    loadPredictions();
}

void PredictionsPanel::loadPredictions()
{
    // After a reload (no dataset for a moment) come back to the image that was shown.
    const QString wantedPath = !m_wantedPath.isEmpty() ? m_wantedPath : currentPath();
    if (m_inspection)
        m_wantedPath.clear();
    m_viewerBox->forget();
    m_currentRow = -1;
    const QString run = currentRunDir();
    const QString split = currentSplit();
    const RunSummary *summary = m_runs->currentRun();
    // The one place the page looks at the run's task: detection runs get their own view.
    const bool detect = m_inspection && !run.isEmpty() && !split.isEmpty() && detectionfiles::isDetectionRun(run);
    PredictionRunPicker::Loaded loaded;
    if (!m_inspection) {
        m_summary->setText(tr("Open a dataset, train a model on the Train page, then study its mistakes here."));
    } else if (run.isEmpty() || split.isEmpty()) {
        m_summary->setText(tr("No run of this dataset has saved predictions yet: train one on the Train page "
                              "(runs are kept in %1).")
                               .arg(projectfile::folderFor(m_inspection->dataset.root)));
    } else if (!detect) {
        loaded = m_runs->load();
    }
    m_historyData = std::move(loaded.history);
    m_model->setPredictions(std::move(loaded.set), m_inspection, summary ? summary->datasetRoot : QString());
    m_model->setPendingLabels(m_session->pending());
    if (!loaded.problem.isEmpty())
        showMessage(tr("Cannot show the predictions: %1").arg(loaded.problem), true);

    const PredictionSet &p = m_model->predictions();
    if (!p.items.empty()) {
        const int n = int(p.items.size());
        const int right = int(std::count_if(p.items.begin(), p.items.end(), [](const Prediction &x) { return x.correct(); }));
        QString text = tr("<b>%1</b> images, epoch %2: <b>%3</b> right (%4), <b style='color:#c62828'>%5</b> wrong.")
                           .arg(split)
                           .arg(p.epoch > 0 ? QString::number(p.epoch) : tr("unknown"))
                           .arg(right)
                           .arg(percentText(double(right) / n))
                           .arg(n - right);
        if (m_model->matchedCount() < n)
            text += QLatin1Char(' ')
                + tr("%n of them are not in the open dataset (moved, renamed or deleted since the run).", nullptr,
                     n - m_model->matchedCount());
        m_summary->setText(text);
    } else if (m_inspection && !run.isEmpty() && loaded.problem.isEmpty()) {
        m_summary->setText(tr("The run saved no predictions for %1.").arg(split));
    }
    m_viewerBox->setExplainable(summary && summary->hasCheckpoint && m_inspection);
    m_exportAction->setEnabled(!p.items.empty());

    m_filters->setClasses(m_model->classes());
    m_delegate->setClassNames(m_model->classes());
    m_gallery->setGridSize(m_delegate->cellSize(m_gallery->font()) + QSize(kCellSpacing, kCellSpacing));
    updateMatrix();
    updateCount();
    m_gallery->scheduleRequest();
    m_pages->setCurrentWidget(detect ? static_cast<QWidget *>(m_detection) : m_splitter);
    if (detect) {
        const QString problem = m_detection->load(run, split, m_inspection);
        if (!problem.isEmpty())
            showMessage(tr("Cannot show the predictions: %1").arg(problem), true);
        m_summary->setText(problem.isEmpty() && m_detection->images().empty()
                               ? tr("The run saved no detections for %1.").arg(split)
                               : m_detection->summaryText());
        if (!wantedPath.isEmpty())
            m_detection->showImage(wantedPath);
        return;
    }
    m_detection->clear();
    if (p.items.empty()) {
        m_viewerBox->clear(m_inspection ? tr("No predictions to show.") : tr("Open a dataset to study its predictions."));
        showDetails(-1);
        return;
    }
    if (!wantedPath.isEmpty() && showImage(wantedPath))
        return;
    if (m_proxy->rowCount() > 0)
        m_gallery->setCurrentIndex(m_proxy->index(0, 0));
}

void PredictionsPanel::updateMatrix()
{
    const PredictionSet &p = m_model->predictions();
    const int n = int(p.classes.size());
    std::vector<std::vector<int>> counts(std::size_t(n), std::vector<int>(std::size_t(n), 0));
    for (const Prediction &x : p.items)
        ++counts[std::size_t(x.truth)][std::size_t(x.predicted)];
    m_matrix->setMatrix(p.items.empty() ? QStringList() : p.classes, counts);
}

// ---- filters ----------------------------------------------------------------------------------

void PredictionsPanel::filterToCell(int truth, int predicted)
{
    const int classes = int(m_model->classes().size());
    if (truth < 0 || predicted < 0 || truth >= classes || predicted >= classes)
        return;
    m_filters->showCell(truth, predicted);
    m_matrix->setSelectedCell(truth, predicted);
    updateCount();
    m_gallery->scheduleRequest();
    if (m_proxy->rowCount() > 0)
        m_gallery->setCurrentIndex(m_proxy->index(0, 0));
}

void PredictionsPanel::updateCount()
{
    m_filters->updateCount();
    if (m_tabs)
        m_tabs->setTabText(0, m_model->rowCount() > 0 && m_proxy->rowCount() < m_model->rowCount()
                                  ? tr("Gallery (%1 of %2)").arg(m_proxy->rowCount()).arg(m_model->rowCount())
                                  : tr("Gallery (%1)").arg(m_model->rowCount()));
}

void PredictionsPanel::showConfusionMatrix()
{
    m_tabs->setCurrentIndex(1);
}

QStringList PredictionsPanel::galleryPaths() const
{
    QStringList paths;
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        paths.append(m_model->at(m_proxy->sourceRow(r)).path);
    return paths;
}

// ---- viewer -----------------------------------------------------------------------------------

void PredictionsPanel::openRow(const QModelIndex &proxyIndex)
{
    if (!proxyIndex.isValid())
        return;
    const int row = m_proxy->mapToSource(proxyIndex).row();
    const int sample = m_model->sampleIndexAt(row);
    // The same row again keeps its view, unless its image moved (a relabel between class folders).
    const QString samplePath =
        sample >= 0 && m_inspection ? m_inspection->dataset.samples[std::size_t(sample)].path : QString();
    if (row == m_currentRow && m_viewerBox->hasImage() && m_viewerBox->imageViewer()->path() == samplePath)
        return;
    m_currentRow = row;
    if (sample >= 0 && m_inspection) {
        const Prediction &p = m_model->at(row);
        m_viewerBox->open({currentRunDir(), m_inspection, sample, m_model->samplePathAt(row), p.truth, p.predicted,
                           m_model->classes()});
    } else {
        m_viewerBox->clear(tr("%1 is not in the open dataset (moved, renamed or deleted since the run).")
                               .arg(m_model->at(row).path));
    }
    showDetails(row);
}

bool PredictionsPanel::showsDetections() const
{
    return m_pages->currentWidget() == m_detection;
}

bool PredictionsPanel::showImage(const QString &path)
{
    if (showsDetections())
        return m_detection->showImage(path);
    const QModelIndex index = m_gallery->indexOfSourceRow(m_model->rowOfPath(path), [this] { clearFilters(); });
    if (!index.isValid())
        return false;
    m_gallery->showIndex(index);
    return true;
}

QString PredictionsPanel::currentPath() const
{
    if (showsDetections())
        return m_detection->currentPath();
    return m_currentRow >= 0 && m_currentRow < m_model->rowCount() ? m_model->at(m_currentRow).path : QString();
}

void PredictionsPanel::showDetails(int row)
{
    const bool valid = row >= 0 && row < m_model->rowCount();
    const int sample = valid ? m_model->sampleIndexAt(row) : -1;
    const bool inDataset = sample >= 0 && m_inspection;
    m_details->setMarkable(inDataset, inDataset ? relabelRefusal(m_inspection->dataset,
                                                                 m_inspection->dataset.samples[std::size_t(sample)])
                                                : QString());
    if (!valid) {
        m_details->clear();
        return;
    }
    const QString samplePath = m_model->samplePathAt(row);
    m_details->showPrediction(m_model->at(row), m_model->classes(),
                              samplePath.isEmpty() ? QString() : m_session->datasetClassOf(samplePath),
                              samplePath.isEmpty() ? QString() : m_session->pending().value(samplePath), m_historyData,
                              currentSplit() == QLatin1String("dev"));
}

// ---- relabelling ------------------------------------------------------------------------------

void PredictionsPanel::markMislabelled()
{
    if (m_currentRow < 0 || !m_inspection || isSavingLabels())
        return;
    const QString samplePath = m_model->samplePathAt(m_currentRow);
    if (samplePath.isEmpty())
        return;
    const Prediction &p = m_model->at(m_currentRow);
    QStringList classes = m_inspection->dataset.classes;
    for (const QString &c : m_session->pending())
        if (!classes.contains(c))
            classes.append(c); // new classes given earlier, not saved yet
    // The model's answer is the usual suggestion when the label is what is wrong.
    const int suggested = std::max(0, int(classes.indexOf(m_model->classes().value(p.predicted))));
    bool ok = false;
    const QString chosen =
        QInputDialog::getItem(this, tr("Mark as mislabelled"),
                              tr("The right class for %1\n(pick one, or type a new class name):").arg(fileNameOf(p.path)),
                              classes, suggested, true, &ok)
            .trimmed();
    if (ok && !chosen.isEmpty())
        relabel(samplePath, chosen);
    // Back to the gallery: arrows go on to the next image, Ctrl+Z undoes at once.
    m_gallery->setFocus();
}

bool PredictionsPanel::relabel(const QString &path, const QString &newClass)
{
    const int row = m_model->rowOfPath(path);
    return m_session->relabel(row >= 0 ? m_model->samplePathAt(row) : QString(), newClass);
}

void PredictionsPanel::pendingChanged(const QString &samplePath)
{
    m_model->setPendingLabels(m_session->pending());
    if (m_currentRow >= 0 && (samplePath.isEmpty() || m_model->samplePathAt(m_currentRow) == samplePath))
        showDetails(m_currentRow);
    updateEditActions();
}

void PredictionsPanel::updateEditActions()
{
    const int count = int(m_session->pending().size());
    m_saveAction->setEnabled(!isSavingLabels() && count > 0 && m_inspection);
    m_saveAction->setText(count > 0 ? tr("Save labels (%1)").arg(count) : tr("Save labels"));
}

void PredictionsPanel::setSaving(bool saving, int edits)
{
    // The page takes no input while its dataset's files are rewritten; the busy bar says why.
    m_toolBar->setEnabled(!saving);
    m_splitter->setEnabled(!saving);
    m_saveBusy->setVisible(saving);
    if (saving)
        showMessage(tr("Saving %n label change(s)…", nullptr, edits));
    // Their shortcuts work anywhere on the page, toolbar or not.
    m_undoAction->setEnabled(!saving && m_session->undoStack()->canUndo());
    m_redoAction->setEnabled(!saving && m_session->undoStack()->canRedo());
    updateEditActions();
}

bool PredictionsPanel::maybeDiscardEdits()
{
    m_session->waitForSave();
    if (!hasUnsavedEdits())
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved label changes"),
        tr("%n image(s) were relabelled on the Predictions page but not saved. Save the labels first?", nullptr,
           int(m_session->pending().size())),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Discard) {
        m_session->clear();
        return true;
    }
    return m_session->saveAndWait();
}

void PredictionsPanel::showMessage(const QString &text, bool problem)
{
    m_message->setStyleSheet(problem ? QStringLiteral("color: #c62828;") : QStringLiteral("color: #1b5e20;"));
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

QString PredictionsPanel::messageText() const
{
    return m_message->text();
}

} // namespace loupe
