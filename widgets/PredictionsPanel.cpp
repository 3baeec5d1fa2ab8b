#include "PredictionsPanel.h"

#include "ClassColors.h"
#include "ConfusionMatrixView.h"
#include "ImageViewer.h"
#include "PredictionDelegate.h"
#include "PredictionHistoryPlot.h"
#include "PredictionModel.h"
#include "ResizeWatcher.h"
#include "Settings.h"
#include "ThumbnailLoader.h"
#include "VisibleRows.h"
#include "dataset/Errors.h"
#include "project/Project.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QGridLayout>
#include <QIcon>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <exception>
#include <functional>
#include <numeric>

namespace loupe {

namespace {

constexpr int kThumbnailSize = 112;
constexpr int kRequestDebounceMs = 40; // decode only where scrolling stops
constexpr int kCellSpacing = 6;

SettingValue<QByteArray> splitterSetting()
{
    return {QStringLiteral("predictions/splitter"), QByteArray()};
}

QString percent(double v, int decimals = 1)
{
    return QLocale().toString(100.0 * v, 'f', decimals) + QLatin1Char('%');
}

const RunSummary *findRun(const std::vector<RunSummary> &runs, const QString &dir)
{
    for (const RunSummary &r : runs)
        if (r.dir == dir)
            return &r;
    return nullptr;
}

QString fileNameOf(const QString &path)
{
    const qsizetype slash = std::max(path.lastIndexOf(QLatin1Char('/')), path.lastIndexOf(QLatin1Char('\\')));
    return path.mid(slash + 1);
}


} // namespace

/// One relabel as an undoable step: remembers the pending label the image had before.
class RelabelCommand : public QUndoCommand
{
public:
    RelabelCommand(PredictionsPanel *panel, QString path, QString before, QString after)
        : QUndoCommand(PredictionsPanel::tr("Relabel %1 as %2").arg(fileNameOf(path), after))
        , m_panel(panel)
        , m_path(std::move(path))
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
    }
    void redo() override { m_panel->applyPending(m_path, m_after); }
    void undo() override { m_panel->applyPending(m_path, m_before); }

private:
    PredictionsPanel *m_panel;
    QString m_path;
    QString m_before;
    QString m_after;
};

PredictionsPanel::PredictionsPanel(QWidget *parent)
    : Panel(parent)
    , m_model(new PredictionModel(this))
    , m_proxy(new PredictionFilterModel(this))
    , m_loader(new ThumbnailLoader(this))
    , m_delegate(new PredictionDelegate(this))
    , m_undo(new QUndoStack(this))
    , m_run(new QComboBox(this))
    , m_split(new QComboBox(this))
    , m_message(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_wrongOnly(new QCheckBox(tr("Mispredicted only"), this))
    , m_truthFilter(new QComboBox(this))
    , m_predictedFilter(new QComboBox(this))
    , m_low(new QDoubleSpinBox(this))
    , m_high(new QDoubleSpinBox(this))
    , m_sort(new QComboBox(this))
    , m_count(new QLabel(this))
    , m_gallery(new QListView(this))
    , m_matrix(new ConfusionMatrixView(this))
    , m_normalized(new QCheckBox(tr("Row-normalised"), this))
    , m_viewer(new ImageViewer(this))
    , m_heatPredicted(new QToolButton(this))
    , m_heatTruth(new QToolButton(this))
    , m_heatBusy(new QProgressBar(this))
    , m_markButton(new QPushButton(tr("Mark as mislabelled…"), this))
    , m_viewerStatus(new QLabel(this))
    , m_truthBox(new QLabel(this))
    , m_predictedBox(new QLabel(this))
    , m_confidence(new QLabel(this))
    , m_history(new PredictionHistoryPlot(this))
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
    m_summary->setObjectName(QStringLiteral("predictionsSummary"));
    m_summary->setWordWrap(true);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("predictionsSplitter"));
    split->addWidget(buildGalleryBox());
    split->addWidget(buildViewerBox());
    split->addWidget(buildDetails());
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 2);
    split->setChildrenCollapsible(false);
    if (!split->restoreState(splitterSetting().get()))
        split->setSizes({420, 380, 280});
    connect(split, &QSplitter::splitterMoved, this, [split] { splitterSetting().set(split->saveState()); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(3);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_summary);
    layout->addWidget(m_message);
    layout->addWidget(split, 1);

    m_requestTimer.setSingleShot(true);
    m_requestTimer.setInterval(kRequestDebounceMs);
    connect(&m_requestTimer, &QTimer::timeout, this, &PredictionsPanel::requestVisible);

    connect(&m_heatmaps, &HeatmapController::ready, this,
            [this](quint64 id, const QImage &overlay, const Explanation &e) {
                if (id != m_heatRequest)
                    return;
                m_heatBusy->setVisible(false);
                if (m_heatmapMode == HeatmapMode::Off || overlay.isNull())
                    return;
                m_viewer->setImage(overlay);
                m_heatmapShown = true;
                const QStringList &classes = m_model->classes();
                m_viewerStatus->setText(tr("Grad-CAM for %1 (the model gives it %2)")
                                            .arg(classes.value(e.explainedClass),
                                                 e.explainedClass >= 0 && e.explainedClass < int(e.probabilities.size())
                                                     ? percent(e.probabilities[std::size_t(e.explainedClass)])
                                                     : QStringLiteral("–")));
                Q_EMIT heatmapFinished(true);
            });
    connect(&m_heatmaps, &HeatmapController::failed, this, [this](quint64 id, const QString &message) {
        if (id != m_heatRequest)
            return;
        m_heatBusy->setVisible(false);
        m_viewerStatus->setText(tr("No Grad-CAM: %1").arg(message));
        Q_EMIT heatmapFinished(false);
    });
    connect(m_undo, &QUndoStack::indexChanged, this, &PredictionsPanel::updateEditActions);

    setInspection(nullptr);
}

PredictionsPanel::~PredictionsPanel()
{
    // ~QWidget deletes the undo stack, a child, after this panel is gone; the stack clears itself
    // there and emits indexChanged into updateEditActions of a destroyed panel (UBSan: vptr).
    m_undo->disconnect(this);
}

void PredictionsPanel::buildToolBar()
{
    m_toolBar = new QToolBar(tr("Predictions"), this);
    m_toolBar->setObjectName(QStringLiteral("predictionsToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_run->setObjectName(QStringLiteral("runChooser"));
    m_run->setToolTip(tr("Runs of this dataset that saved predictions, newest first"));
    m_run->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_run->setMinimumContentsLength(24);
    m_split->setObjectName(QStringLiteral("splitChooser"));
    m_split->setToolTip(tr("Which images the predictions are of"));
    m_toolBar->addWidget(new QLabel(tr("Run "), this));
    m_toolBar->addWidget(m_run);
    QAction *refresh = m_toolBar->addAction(tr("Refresh"), this, &PredictionsPanel::refreshRuns);
    refresh->setObjectName(QStringLiteral("refreshRunsAction"));
    refresh->setToolTip(tr("List the runs again (a run finished meanwhile)"));
    m_toolBar->addWidget(new QLabel(tr("  Split "), this));
    m_toolBar->addWidget(m_split);
    m_toolBar->addSeparator();

    m_undoAction = m_undo->createUndoAction(this, tr("Undo"));
    m_undoAction->setObjectName(QStringLiteral("undoRelabelAction"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_undo->createRedoAction(this, tr("Redo"));
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

    connect(m_run, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        fillSplits();
        loadPredictions();
    });
    connect(m_split, qOverload<int>(&QComboBox::currentIndexChanged), this, &PredictionsPanel::loadPredictions);
}

QWidget *PredictionsPanel::buildGalleryBox()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);

    // Two rows of filters so that the gallery column can stay narrow.
    auto *row1 = new QHBoxLayout;
    m_wrongOnly->setObjectName(QStringLiteral("mispredictedOnly"));
    m_truthFilter->setObjectName(QStringLiteral("truthFilter"));
    m_truthFilter->setToolTip(tr("True class"));
    m_truthFilter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_truthFilter->setMinimumContentsLength(8);
    m_predictedFilter->setObjectName(QStringLiteral("predictedFilter"));
    m_predictedFilter->setToolTip(tr("Predicted class"));
    m_predictedFilter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_predictedFilter->setMinimumContentsLength(8);
    row1->addWidget(m_wrongOnly);
    row1->addWidget(m_truthFilter, 1);
    row1->addWidget(new QLabel(QStringLiteral("→"), box));
    row1->addWidget(m_predictedFilter, 1);
    layout->addLayout(row1);

    auto *row2 = new QHBoxLayout;
    for (QDoubleSpinBox *s : {m_low, m_high}) {
        s->setRange(0.0, 1.0);
        s->setDecimals(2);
        s->setSingleStep(0.05);
        s->setAccelerated(true);
    }
    m_low->setObjectName(QStringLiteral("confidenceLow"));
    m_high->setObjectName(QStringLiteral("confidenceHigh"));
    m_low->setValue(0.0);
    m_high->setValue(1.0);
    m_low->setToolTip(tr("Lowest confidence of the predicted class"));
    m_high->setToolTip(tr("Highest confidence of the predicted class"));
    m_sort->setObjectName(QStringLiteral("predictionSort"));
    using Key = PredictionFilterModel::SortKey;
    m_sort->addItem(tr("Loss, highest first"), QVariantList{int(Key::Loss), int(Qt::DescendingOrder)});
    m_sort->addItem(tr("Loss, lowest first"), QVariantList{int(Key::Loss), int(Qt::AscendingOrder)});
    m_sort->addItem(tr("Confidence, highest first"), QVariantList{int(Key::Confidence), int(Qt::DescendingOrder)});
    m_sort->addItem(tr("Confidence, lowest first"), QVariantList{int(Key::Confidence), int(Qt::AscendingOrder)});
    m_sort->addItem(tr("File order"), QVariantList{int(Key::FileOrder), int(Qt::AscendingOrder)});
    row2->addWidget(new QLabel(tr("Confidence"), box));
    row2->addWidget(m_low);
    row2->addWidget(new QLabel(QStringLiteral("–"), box));
    row2->addWidget(m_high);
    row2->addStretch(1);
    row2->addWidget(m_sort);
    layout->addLayout(row2);

    m_count->setObjectName(QStringLiteral("predictionCount"));
    m_count->setWordWrap(true);
    auto *row3 = new QHBoxLayout;
    row3->addWidget(m_count, 1);
    auto *all = new QToolButton(box);
    all->setObjectName(QStringLiteral("showAllPredictions"));
    all->setText(tr("Show all"));
    all->setAutoRaise(true);
    connect(all, &QToolButton::clicked, this, &PredictionsPanel::clearFilters);
    row3->addWidget(all);
    layout->addLayout(row3);

    m_gallery->setObjectName(QStringLiteral("predictionGallery"));
    m_gallery->setViewMode(QListView::IconMode);
    m_gallery->setResizeMode(QListView::Adjust);
    m_gallery->setMovement(QListView::Static);
    m_gallery->setUniformItemSizes(true);
    m_gallery->setWrapping(true);
    m_gallery->setSelectionMode(QAbstractItemView::SingleSelection);
    m_gallery->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_gallery->setAcceptDrops(false);
    m_gallery->setDragEnabled(false);
    m_gallery->setItemDelegate(m_delegate);
    m_gallery->setModel(m_proxy);
    m_gallery->setGridSize(m_delegate->cellSize(m_gallery->font()) + QSize(kCellSpacing, kCellSpacing));
    m_gallery->verticalScrollBar()->setSingleStep(24);
    m_gallery->setMinimumWidth(m_gallery->gridSize().width() + 24);
    m_gallery->viewport()->installEventFilter(new ResizeWatcher(this, [this] { scheduleRequest(); }));

    auto *matrixBox = new QWidget(this);
    auto *matrixLayout = new QVBoxLayout(matrixBox);
    matrixLayout->setContentsMargins(0, 0, 0, 0);
    auto *matrixTitle = new QHBoxLayout;
    matrixTitle->addWidget(new QLabel(tr("Rows: true class, columns: predicted. Click a cell to see its images."),
                                      matrixBox),
                           1);
    m_normalized->setObjectName(QStringLiteral("rowNormalized"));
    m_normalized->setToolTip(tr("Divide each row by its count: the diagonal then reads as recall"));
    matrixTitle->addWidget(m_normalized);
    matrixLayout->addLayout(matrixTitle);
    m_matrix->setObjectName(QStringLiteral("confusionMatrix"));
    matrixLayout->addWidget(m_matrix, 1);

    // Gallery and matrix as tabs: side by side, neither had room for ten classes.
    layout->addWidget(m_gallery, 1);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("predictionsTabs"));
    m_tabs->addTab(box, tr("Gallery"));
    m_tabs->addTab(matrixBox, tr("Confusion matrix"));

    auto changed = [this] { filtersChangedByUser(); };
    connect(m_wrongOnly, &QCheckBox::toggled, this, changed);
    connect(m_truthFilter, qOverload<int>(&QComboBox::currentIndexChanged), this, changed);
    connect(m_predictedFilter, qOverload<int>(&QComboBox::currentIndexChanged), this, changed);
    connect(m_low, qOverload<double>(&QDoubleSpinBox::valueChanged), this, changed);
    connect(m_high, qOverload<double>(&QDoubleSpinBox::valueChanged), this, changed);
    connect(m_sort, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        const QVariantList v = m_sort->currentData().toList();
        m_proxy->setSortKey(PredictionFilterModel::SortKey(v.value(0).toInt()), Qt::SortOrder(v.value(1).toInt()));
        scheduleRequest();
    });
    m_proxy->setSortKey(PredictionFilterModel::SortKey::Loss, Qt::DescendingOrder);
    connect(m_normalized, &QCheckBox::toggled, m_matrix, &ConfusionMatrixView::setNormalized);
    connect(m_matrix, &ConfusionMatrixView::cellClicked, this, [this](int truth, int predicted) {
        filterToCell(truth, predicted);
        m_tabs->setCurrentIndex(0);
    });

    QScrollBar *vs = m_gallery->verticalScrollBar();
    connect(vs, &QScrollBar::valueChanged, this, &PredictionsPanel::scheduleRequest);
    connect(vs, &QScrollBar::rangeChanged, this, &PredictionsPanel::scheduleRequest);
    auto reshaped = [this] {
        scheduleRequest();
        updateCount();
    };
    connect(m_proxy, &QAbstractItemModel::modelReset, this, reshaped);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, reshaped);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, reshaped);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, reshaped);
    connect(m_gallery->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { openRow(current); });
    connect(m_gallery, &QListView::activated, this, [this](const QModelIndex &index) {
        openRow(index);
        m_viewer->setFocus();
    });
    return m_tabs;
}

QWidget *PredictionsPanel::buildViewerBox()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *tools = new QHBoxLayout;
    auto button = [this, tools](const QString &text, const QString &tip, auto slot) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        connect(b, &QToolButton::clicked, this, slot);
        tools->addWidget(b);
        return b;
    };
    button(tr("◀"), tr("Previous image in the gallery (Left)"), [this] { step(-1); })
        ->setObjectName(QStringLiteral("previousPrediction"));
    button(tr("▶"), tr("Next image in the gallery (Right)"), [this] { step(1); })
        ->setObjectName(QStringLiteral("nextPrediction"));
    button(tr("Fit"), tr("Fit the image to the window (F)"), [this] { m_viewer->fitToWindow(); });
    tools->addSpacing(8);
    tools->addWidget(new QLabel(tr("Grad-CAM:"), box));
    m_heatPredicted->setObjectName(QStringLiteral("heatmapPredicted"));
    m_heatPredicted->setText(tr("predicted"));
    m_heatPredicted->setToolTip(tr("Where the model looked to answer the predicted class"));
    m_heatTruth->setObjectName(QStringLiteral("heatmapTruth"));
    m_heatTruth->setText(tr("true"));
    m_heatTruth->setToolTip(tr("Where the model would look for the true class"));
    for (QToolButton *b : {m_heatPredicted, m_heatTruth}) {
        b->setCheckable(true);
        b->setAutoRaise(true);
        tools->addWidget(b);
    }
    connect(m_heatPredicted, &QToolButton::clicked, this, [this](bool on) {
        setHeatmapMode(on ? HeatmapMode::Predicted : HeatmapMode::Off);
    });
    connect(m_heatTruth, &QToolButton::clicked, this,
            [this](bool on) { setHeatmapMode(on ? HeatmapMode::Truth : HeatmapMode::Off); });
    m_heatBusy->setObjectName(QStringLiteral("heatmapBusy"));
    m_heatBusy->setRange(0, 0);
    m_heatBusy->setMaximumWidth(70);
    m_heatBusy->setMaximumHeight(12);
    m_heatBusy->setTextVisible(false);
    m_heatBusy->setVisible(false);
    tools->addWidget(m_heatBusy);
    tools->addStretch(1);
    layout->addLayout(tools);

    m_viewer->setObjectName(QStringLiteral("predictionViewer"));
    layout->addWidget(m_viewer, 1);
    m_viewerStatus->setObjectName(QStringLiteral("predictionViewerStatus"));
    m_viewerStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_viewerStatus->setMinimumWidth(50);
    layout->addWidget(m_viewerStatus);
    connect(m_viewer, &ImageViewer::statusChanged, this, [this](const QString &text) {
        if (!text.isEmpty())
            m_viewerStatus->setText(text);
    });
    connect(m_viewer, &ImageViewer::nextRequested, this, [this] { step(1); });
    connect(m_viewer, &ImageViewer::previousRequested, this, [this] { step(-1); });
    connect(m_viewer, &ImageViewer::imageShown, this, &PredictionsPanel::viewerShowed);
    return box;
}

QWidget *PredictionsPanel::buildDetails()
{
    auto *box = new QWidget(this);
    box->setObjectName(QStringLiteral("predictionDetails"));
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(4, 0, 0, 0);

    auto *pair = new QHBoxLayout;
    for (QLabel *l : {m_truthBox, m_predictedBox}) {
        l->setTextFormat(Qt::RichText);
        l->setAlignment(Qt::AlignCenter);
        l->setWordWrap(true);
        l->setMinimumHeight(64);
        l->setMinimumWidth(90);
        l->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        pair->addWidget(l, 1);
    }
    m_truthBox->setObjectName(QStringLiteral("truthBox"));
    m_predictedBox->setObjectName(QStringLiteral("predictedBox"));
    layout->addLayout(pair);
    m_confidence->setObjectName(QStringLiteral("confidenceText"));
    m_confidence->setWordWrap(true);
    layout->addWidget(m_confidence);

    layout->addWidget(new QLabel(tr("<b>Top 3 classes</b>"), box));
    auto *grid = new QGridLayout;
    grid->setColumnStretch(1, 1);
    for (int i = 0; i < 3; ++i) {
        m_topNames[i] = new QLabel(box);
        m_topNames[i]->setObjectName(QStringLiteral("top%1Name").arg(i + 1));
        m_topNames[i]->setMinimumWidth(60);
        m_topBars[i] = new QProgressBar(box);
        m_topBars[i]->setObjectName(QStringLiteral("top%1Bar").arg(i + 1));
        m_topBars[i]->setRange(0, 1000);
        m_topBars[i]->setMaximumHeight(18);
        grid->addWidget(m_topNames[i], i, 0);
        grid->addWidget(m_topBars[i], i, 1);
    }
    layout->addLayout(grid);

    layout->addSpacing(4);
    m_historyTitle = new QLabel(box);
    m_historyTitle->setObjectName(QStringLiteral("historyTitle"));
    m_historyTitle->setToolTip(tr("Confidence of the predicted class after each epoch: dot right, cross wrong; a dashed "
                                  "line where the answer changed"));
    layout->addWidget(m_historyTitle);
    layout->addWidget(m_history, 1);

    m_markButton->setObjectName(QStringLiteral("markMislabelled"));
    m_markButton->setToolTip(tr("The label is wrong, not the model: give the image its right class (saved with "
                                "Save labels)"));
    connect(m_markButton, &QPushButton::clicked, this, &PredictionsPanel::markMislabelled);
    layout->addWidget(m_markButton);
    box->setMinimumWidth(200);
    return box;
}

// ---- dataset and runs ---------------------------------------------------------------------

void PredictionsPanel::setInspection(const InspectionPtr &inspection)
{
    const QString root = inspection ? inspection->dataset.root : QString();
    // The same files again (headers read, then verified): keep everything, re-match the rows.
    if (inspection && m_inspection && root == m_inspection->dataset.root && root == m_loadedRoot) {
        m_inspection = inspection;
        m_sampleOfPath.clear();
        for (int i = 0; i < int(inspection->dataset.samples.size()); ++i)
            m_sampleOfPath.insert(inspection->dataset.samples[std::size_t(i)].path, i);
        m_model->setInspection(inspection);
        showDetails(m_currentRow);
        updateCount();
        scheduleRequest();
        updateEditActions();
        return;
    }
    if (!inspection) {
        if (m_inspection) {
            m_wantedRun = currentRunDir();
            m_wantedPath = currentPath();
        }
    } else if (!m_editsRoot.isEmpty() && m_editsRoot != root && hasUnsavedEdits()) {
        showMessage(tr("%n unsaved label change(s) for %1 were dropped: another dataset was opened.", nullptr,
                       int(m_pending.size()))
                        .arg(m_editsRoot),
                    true);
        clearEdits();
    }
    if (inspection && root != m_loadedRoot && !m_loadedRoot.isEmpty()) {
        m_wantedRun.clear();
        m_wantedPath.clear();
        m_loader->clearMemory();
    }
    m_inspection = inspection;
    m_sampleOfPath.clear();
    if (inspection)
        for (int i = 0; i < int(inspection->dataset.samples.size()); ++i)
            m_sampleOfPath.insert(inspection->dataset.samples[std::size_t(i)].path, i);
    if (inspection && !hasUnsavedEdits())
        m_editsRoot = root;
    m_loadedRoot = root;
    refreshRuns();
    updateEditActions();
}

void PredictionsPanel::refreshRuns()
{
    const QString keep = m_run->count() > 0 ? currentRunDir() : m_wantedRun;
    m_runs.clear();
    if (m_inspection) {
        for (RunSummary &r : runfolder::listRuns(projectfile::folderFor(m_inspection->dataset.root))) {
            if (QFileInfo::exists(predictionfiles::devPath(r.dir)) || QFileInfo::exists(predictionfiles::testPath(r.dir)))
                m_runs.push_back(std::move(r));
        }
    }
    {
        const QSignalBlocker block(m_run);
        m_run->clear();
        for (const RunSummary &r : m_runs) {
            QString text = r.name;
            if (r.configReadable)
                text += QStringLiteral(" — %1").arg(r.config.model);
            if (r.bestEpoch > 0)
                text += tr(", dev macro F1 %1").arg(QLocale().toString(r.bestMacroF1, 'f', 3));
            m_run->addItem(text, r.dir);
            m_run->setItemData(m_run->count() - 1, QStringLiteral("%1\n%2").arg(r.dir, configSummary(r.config)),
                               Qt::ToolTipRole);
        }
        const int i = keep.isEmpty() ? -1 : m_run->findData(keep);
        m_run->setCurrentIndex(i >= 0 ? i : (m_run->count() > 0 ? 0 : -1));
    }
    if (m_inspection)
        m_wantedRun.clear();
    fillSplits();
    loadPredictions();
}

QStringList PredictionsPanel::runDirs() const
{
    QStringList dirs;
    for (const RunSummary &r : m_runs)
        dirs.append(r.dir);
    return dirs;
}

bool PredictionsPanel::selectRun(const QString &runDir)
{
    int i = m_run->findData(runDir);
    if (i < 0)
        i = m_run->findData(QDir(runDir).absolutePath());
    if (i < 0)
        return false;
    m_run->setCurrentIndex(i);
    return true;
}

QString PredictionsPanel::currentRunDir() const
{
    return m_run->currentData().toString();
}

void PredictionsPanel::fillSplits()
{
    const QString keep = currentSplit();
    const QSignalBlocker block(m_split);
    m_split->clear();
    const QString run = currentRunDir();
    if (!run.isEmpty()) {
        if (QFileInfo::exists(predictionfiles::devPath(run)))
            m_split->addItem(tr("dev"), QStringLiteral("dev"));
        if (QFileInfo::exists(predictionfiles::testPath(run)))
            m_split->addItem(tr("test"), QStringLiteral("test"));
    }
    const int i = m_split->findData(keep);
    m_split->setCurrentIndex(i >= 0 ? i : (m_split->count() > 0 ? 0 : -1));
    m_split->setEnabled(m_split->count() > 1);
}

bool PredictionsPanel::selectSplit(const QString &split)
{
    const int i = m_split->findData(split);
    if (i < 0)
        return false;
    m_split->setCurrentIndex(i);
    return true;
}

QString PredictionsPanel::currentSplit() const
{
    return m_split->currentData().toString();
}

void PredictionsPanel::loadPredictions()
{
    // After a reload (no dataset for a moment) come back to the image that was shown.
    const QString wantedPath = !m_wantedPath.isEmpty() ? m_wantedPath : currentPath();
    if (m_inspection)
        m_wantedPath.clear();
    m_heatmaps.cancel();
    m_heatBusy->setVisible(false);
    m_currentRow = -1;
    m_historyData = PredictionHistory();
    const QString run = currentRunDir();
    const QString split = currentSplit();
    const RunSummary *summary = findRun(m_runs, run);
    PredictionSet set;
    QString problem;
    if (!m_inspection) {
        m_summary->setText(tr("Open a dataset, train a model on the Train page, then study its mistakes here."));
    } else if (run.isEmpty() || split.isEmpty()) {
        m_summary->setText(tr("No run of this dataset has saved predictions yet: train one on the Train page "
                              "(runs are kept in %1).")
                               .arg(projectfile::folderFor(m_inspection->dataset.root)));
    } else {
        const QString file = split == QLatin1String("test") ? predictionfiles::testPath(run) : predictionfiles::devPath(run);
        try {
            set = predictionfiles::read(file);
        } catch (const LabelFileError &e) {
            problem = e.message();
        } catch (const DatasetError &e) {
            problem = e.message();
        }
        if (problem.isEmpty() && split == QLatin1String("dev") && QFileInfo::exists(predictionfiles::historyPath(run))) {
            try {
                m_historyData = predictionfiles::readHistory(predictionfiles::historyPath(run));
            } catch (const LabelFileError &e) {
                problem = tr("The history across epochs cannot be read: %1").arg(e.message());
            } catch (const DatasetError &e) {
                problem = tr("The history across epochs cannot be read: %1").arg(e.message());
            }
        }
    }
    m_model->setPredictions(std::move(set), m_inspection, summary ? summary->datasetRoot : QString());
    m_model->setPendingLabels(m_pending);
    if (!problem.isEmpty())
        showMessage(tr("Cannot show the predictions: %1").arg(problem), true);

    const PredictionSet &p = m_model->predictions();
    if (!p.items.empty()) {
        const int n = int(p.items.size());
        const int right = int(std::count_if(p.items.begin(), p.items.end(), [](const Prediction &x) { return x.correct(); }));
        QString text = tr("<b>%1</b> images, epoch %2: <b>%3</b> right (%4), <b style='color:#c62828'>%5</b> wrong.")
                           .arg(split)
                           .arg(p.epoch > 0 ? QString::number(p.epoch) : tr("unknown"))
                           .arg(right)
                           .arg(percent(double(right) / n))
                           .arg(n - right);
        if (m_model->matchedCount() < n)
            text += QLatin1Char(' ')
                + tr("%n of them are not in the open dataset (moved, renamed or deleted since the run).", nullptr,
                     n - m_model->matchedCount());
        m_summary->setText(text);
    } else if (m_inspection && !run.isEmpty() && problem.isEmpty()) {
        m_summary->setText(tr("The run saved no predictions for %1.").arg(split));
    }
    const bool canExplain = summary && summary->hasCheckpoint && m_inspection;
    for (QToolButton *b : {m_heatPredicted, m_heatTruth}) {
        b->setEnabled(canExplain);
        if (!canExplain)
            b->setChecked(false);
    }
    if (!canExplain)
        m_heatmapMode = HeatmapMode::Off;
    m_heatPredicted->setToolTip(canExplain ? tr("Where the model looked to answer the predicted class")
                                           : tr("Grad-CAM needs the run's checkpoint"));
    m_exportAction->setEnabled(!p.items.empty());

    fillClassFilters();
    updateMatrix();
    updateCount();
    scheduleRequest();
    if (p.items.empty()) {
        m_viewer->clear(m_inspection ? tr("No predictions to show.") : tr("Open a dataset to study its predictions."));
        showDetails(-1);
        return;
    }
    if (!wantedPath.isEmpty() && showImage(wantedPath))
        return;
    if (m_proxy->rowCount() > 0)
        m_gallery->setCurrentIndex(m_proxy->index(0, 0));
}

void PredictionsPanel::fillClassFilters()
{
    const QStringList &classes = m_model->classes();
    for (QComboBox *combo : {m_truthFilter, m_predictedFilter}) {
        const QString keep = combo->currentIndex() > 0 ? combo->currentText() : QString();
        const QSignalBlocker block(combo);
        combo->clear();
        combo->addItem(combo == m_truthFilter ? tr("Any true class") : tr("Any prediction"), -1);
        for (int i = 0; i < classes.size(); ++i) {
            QPixmap swatch(10, 10);
            swatch.fill(classColor(i));
            combo->addItem(QIcon(swatch), classes[i], i);
        }
        combo->setCurrentIndex(std::max(0, combo->findText(keep)));
    }
    m_proxy->setTruthFilter(m_truthFilter->currentData().toInt());
    m_proxy->setPredictedFilter(m_predictedFilter->currentData().toInt());
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

void PredictionsPanel::filtersChangedByUser()
{
    m_cellNote.clear();
    m_matrix->setSelectedCell(-1, -1);
    m_proxy->setMispredictedOnly(m_wrongOnly->isChecked());
    m_proxy->setTruthFilter(m_truthFilter->currentData().toInt());
    m_proxy->setPredictedFilter(m_predictedFilter->currentData().toInt());
    m_proxy->setConfidenceRange(m_low->value(), m_high->value());
    updateCount();
    scheduleRequest();
}

void PredictionsPanel::setMispredictedOnly(bool on)
{
    m_wrongOnly->setChecked(on);
}

void PredictionsPanel::setTruthFilter(int classIndex)
{
    m_truthFilter->setCurrentIndex(std::max(0, m_truthFilter->findData(classIndex)));
}

void PredictionsPanel::setPredictedFilter(int classIndex)
{
    m_predictedFilter->setCurrentIndex(std::max(0, m_predictedFilter->findData(classIndex)));
}

void PredictionsPanel::setConfidenceRange(double low, double high)
{
    {
        const QSignalBlocker b1(m_low), b2(m_high);
        m_low->setValue(low);
        m_high->setValue(high);
    }
    filtersChangedByUser();
}

void PredictionsPanel::setSort(PredictionFilterModel::SortKey key, Qt::SortOrder order)
{
    for (int i = 0; i < m_sort->count(); ++i) {
        const QVariantList v = m_sort->itemData(i).toList();
        if (v.value(0).toInt() == int(key) && (key == PredictionFilterModel::SortKey::FileOrder || v.value(1).toInt() == int(order))) {
            m_sort->setCurrentIndex(i);
            return;
        }
    }
}

void PredictionsPanel::clearFilters()
{
    {
        const QSignalBlocker b1(m_wrongOnly), b2(m_truthFilter), b3(m_predictedFilter), b4(m_low), b5(m_high);
        m_wrongOnly->setChecked(false);
        m_truthFilter->setCurrentIndex(0);
        m_predictedFilter->setCurrentIndex(0);
        m_low->setValue(0.0);
        m_high->setValue(1.0);
    }
    filtersChangedByUser();
}

void PredictionsPanel::filterToCell(int truth, int predicted)
{
    const QStringList &classes = m_model->classes();
    if (truth < 0 || predicted < 0 || truth >= classes.size() || predicted >= classes.size())
        return;
    {
        const QSignalBlocker b1(m_wrongOnly), b2(m_truthFilter), b3(m_predictedFilter), b4(m_low), b5(m_high);
        m_wrongOnly->setChecked(false);
        m_truthFilter->setCurrentIndex(std::max(0, m_truthFilter->findData(truth)));
        m_predictedFilter->setCurrentIndex(std::max(0, m_predictedFilter->findData(predicted)));
        m_low->setValue(0.0);
        m_high->setValue(1.0);
    }
    m_proxy->resetFilters();
    m_proxy->setTruthFilter(truth);
    m_proxy->setPredictedFilter(predicted);
    m_matrix->setSelectedCell(truth, predicted);
    const int n = m_proxy->rowCount();
    m_cellNote = truth == predicted
        ? tr("Confusion matrix cell: the %n image(s) of %1 predicted right.", nullptr, n).arg(classes[truth])
        : tr("Confusion matrix cell: the %n image(s) of %1 predicted as %2.", nullptr, n)
              .arg(classes[truth], classes[predicted]);
    updateCount();
    scheduleRequest();
    if (n > 0)
        m_gallery->setCurrentIndex(m_proxy->index(0, 0));
}

QString PredictionsPanel::countText() const
{
    const QLocale locale;
    const int total = m_model->rowCount();
    if (total == 0)
        return tr("No predictions");
    QString text = tr("showing %1 of %2").arg(locale.toString(m_proxy->rowCount()), locale.toString(total));
    if (!m_cellNote.isEmpty())
        text = m_cellNote + QLatin1Char(' ') + text;
    return text;
}

void PredictionsPanel::updateCount()
{
    m_count->setText(countText());
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

// ---- thumbnails -------------------------------------------------------------------------------

void PredictionsPanel::scheduleRequest()
{
    m_requestTimer.start();
}

void PredictionsPanel::requestVisible()
{
    if (!m_inspection)
        return;
    const QList<int> rows = visibleRowsAndNext(m_gallery);
    const Dataset &ds = m_inspection->dataset;
    QVector<ThumbnailRequest> requests;
    requests.reserve(rows.size());
    for (int proxyRow : rows) {
        const int sample = m_model->sampleIndexAt(m_proxy->sourceRow(proxyRow));
        if (sample < 0)
            continue;
        const Sample &s = ds.samples[std::size_t(sample)];
        requests.append({s.path, s.width, s.height, s.idxIndex >= 0 ? ds.idx : nullptr, s.idxIndex});
    }
    m_loader->request(requests);
}

// ---- viewer -----------------------------------------------------------------------------------

void PredictionsPanel::openRow(const QModelIndex &proxyIndex)
{
    if (!proxyIndex.isValid())
        return;
    const int row = m_proxy->mapToSource(proxyIndex).row();
    if (row == m_currentRow && !m_baseImage.isNull())
        return;
    m_currentRow = row;
    m_heatmapShown = false;
    m_baseImage = QImage();
    m_heatmaps.cancel();
    m_heatBusy->setVisible(false);
    const int sample = m_model->sampleIndexAt(row);
    if (sample >= 0 && m_inspection) {
        const Sample &s = m_inspection->dataset.samples[std::size_t(sample)];
        m_viewer->open(s.path, s.objects, m_inspection->dataset.classes,
                       s.idxIndex >= 0 ? m_inspection->dataset.idx : nullptr, s.idxIndex);
    } else {
        m_viewer->clear(tr("%1 is not in the open dataset (moved, renamed or deleted since the run).")
                            .arg(m_model->at(row).path));
    }
    showDetails(row);
}

void PredictionsPanel::viewerShowed(const QString &path)
{
    // setImage (the overlay, or the plain image again) reports an empty path: not a new image.
    if (path.isEmpty() || m_currentRow < 0 || path != m_model->samplePathAt(m_currentRow))
        return;
    m_baseImage = m_viewer->image();
    m_heatmapShown = false;
    if (m_heatmapMode != HeatmapMode::Off)
        requestHeatmap();
}

void PredictionsPanel::requestHeatmap()
{
    if (m_currentRow < 0 || m_baseImage.isNull() || m_heatmapMode == HeatmapMode::Off)
        return;
    const Prediction &p = m_model->at(m_currentRow);
    const int classIndex = m_heatmapMode == HeatmapMode::Truth ? p.truth : p.predicted;
    m_heatBusy->setVisible(true);
    m_viewerStatus->setText(tr("Computing Grad-CAM for %1…").arg(m_model->classes().value(classIndex)));
    m_heatRequest = m_heatmaps.request(currentRunDir(), m_inspection, m_model->sampleIndexAt(m_currentRow), classIndex,
                                       m_baseImage);
}

void PredictionsPanel::showBaseImage()
{
    m_heatmaps.cancel();
    m_heatBusy->setVisible(false);
    if (m_heatmapShown && !m_baseImage.isNull())
        m_viewer->setImage(m_baseImage);
    m_heatmapShown = false;
}

void PredictionsPanel::setHeatmapMode(HeatmapMode mode)
{
    if (mode != HeatmapMode::Off && !m_heatPredicted->isEnabled())
        mode = HeatmapMode::Off;
    m_heatmapMode = mode;
    m_heatPredicted->setChecked(mode == HeatmapMode::Predicted);
    m_heatTruth->setChecked(mode == HeatmapMode::Truth);
    showBaseImage();
    if (mode != HeatmapMode::Off)
        requestHeatmap();
}

void PredictionsPanel::step(int delta)
{
    const int n = m_proxy->rowCount();
    if (n == 0)
        return;
    const QModelIndex current = m_gallery->currentIndex();
    const int row = current.isValid() ? std::clamp(current.row() + delta, 0, n - 1) : 0;
    m_gallery->setCurrentIndex(m_proxy->index(row, 0));
    m_gallery->scrollTo(m_proxy->index(row, 0));
}

bool PredictionsPanel::showImage(const QString &path)
{
    const int row = m_model->rowOfPath(path);
    if (row < 0)
        return false;
    QModelIndex index = m_proxy->mapFromSource(m_model->index(row));
    if (!index.isValid()) {
        clearFilters(); // hidden by a filter: the user asked for this image
        index = m_proxy->mapFromSource(m_model->index(row));
    }
    if (!index.isValid())
        return false;
    m_gallery->setCurrentIndex(index);
    m_gallery->scrollTo(index, QAbstractItemView::PositionAtCenter);
    return true;
}

QString PredictionsPanel::currentPath() const
{
    return m_currentRow >= 0 && m_currentRow < m_model->rowCount() ? m_model->at(m_currentRow).path : QString();
}

void PredictionsPanel::showDetails(int row)
{
    const bool valid = row >= 0 && row < m_model->rowCount();
    const bool inDataset = valid && m_model->sampleIndexAt(row) >= 0;
    m_markButton->setEnabled(inDataset && m_inspection && m_inspection->dataset.format != QLatin1String("idx"));
    m_markButton->setToolTip(m_inspection && m_inspection->dataset.format == QLatin1String("idx")
                                 ? tr("IDX labels are a binary file Loupe does not rewrite")
                                 : tr("The label is wrong, not the model: give the image its right class (saved "
                                      "with Save labels)"));
    if (!valid) {
        m_truthBox->setText(QString());
        m_predictedBox->setText(QString());
        m_truthBox->setStyleSheet(QString());
        m_predictedBox->setStyleSheet(QString());
        m_confidence->setText(QString());
        for (int i = 0; i < 3; ++i) {
            m_topNames[i]->clear();
            m_topBars[i]->setValue(0);
            m_topBars[i]->setFormat(QString());
        }
        m_history->setImage({}, -1, tr("No image selected"));
        m_historyTitle->setText(tr("<b>Across epochs</b>"));
        return;
    }
    const Prediction &p = m_model->at(row);
    const QStringList &classes = m_model->classes();
    const QColor mark = p.correct() ? PredictionDelegate::rightColor() : PredictionDelegate::wrongColor();
    auto boxStyle = [](const QColor &border) {
        return QStringLiteral("QLabel { border: 2px solid %1; border-radius: 5px; padding: 4px; }").arg(border.name());
    };
    const QString samplePath = m_model->samplePathAt(row);
    QString truth = QStringLiteral("<span style='color:gray'>%1</span><br/><b style='font-size:large; color:%2'>%3</b>")
                        .arg(tr("Ground truth"), classColor(p.truth).darker(125).name(), classes.value(p.truth).toHtmlEscaped());
    const QString datasetNow = samplePath.isEmpty() ? QString() : datasetClassOf(samplePath);
    if (!datasetNow.isEmpty() && datasetNow != classes.value(p.truth))
        truth += QStringLiteral("<br/><small>%1</small>").arg(tr("dataset now: %1").arg(datasetNow.toHtmlEscaped()));
    if (const QString pending = m_pending.value(samplePath); !samplePath.isEmpty() && !pending.isEmpty())
        truth += QStringLiteral("<br/><small style='color:#d07000'>%1</small>")
                     .arg(tr("→ %1 (unsaved)").arg(pending.toHtmlEscaped()));
    m_truthBox->setText(truth);
    m_truthBox->setStyleSheet(boxStyle(QColor(150, 150, 150)));
    m_predictedBox->setText(QStringLiteral("<span style='color:gray'>%1</span><br/><b style='font-size:large; color:%2'>%3 %4</b>")
                                .arg(tr("Prediction"), mark.name(), classes.value(p.predicted).toHtmlEscaped(),
                                     p.correct() ? QStringLiteral("✓") : QStringLiteral("✗")));
    m_predictedBox->setStyleSheet(boxStyle(mark));
    m_confidence->setText(tr("Confidence %1 · loss %2 · %3")
                              .arg(percent(p.confidence), QLocale().toString(p.loss, 'f', 3), fileNameOf(p.path)));
    m_confidence->setToolTip(p.path);

    std::vector<int> order(p.probabilities.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&p](int a, int b) { return p.probabilities[std::size_t(a)] > p.probabilities[std::size_t(b)]; });
    for (int i = 0; i < 3; ++i) {
        if (i < int(order.size())) {
            const int c = order[std::size_t(i)];
            const double v = p.probabilities[std::size_t(c)];
            m_topNames[i]->setText(classes.value(c));
            m_topBars[i]->setValue(int(std::lround(std::clamp(v, 0.0, 1.0) * 1000)));
            m_topBars[i]->setFormat(percent(v));
            // The true class's bar green, a wrong answer's red, the rest grey: is the truth in the top 3?
            const QColor bar = c == p.truth ? PredictionDelegate::rightColor()
                : c == p.predicted          ? PredictionDelegate::wrongColor()
                                            : QColor(150, 160, 175);
            m_topBars[i]->setStyleSheet(
                QStringLiteral("QProgressBar { border: 1px solid #bbb; border-radius: 3px; text-align: center; }"
                               "QProgressBar::chunk { background: %1; }")
                    .arg(bar.name()));
            m_topNames[i]->setStyleSheet(c == p.truth ? QStringLiteral("font-weight: bold;") : QString());
        } else {
            m_topNames[i]->clear();
            m_topBars[i]->setValue(0);
            m_topBars[i]->setFormat(QString());
        }
    }
    if (m_historyData.epochs.empty())
        m_history->setImage({}, -1, currentSplit() == QLatin1String("dev") ? tr("The run saved no history") :
                                                                                 tr("History is kept for dev images"));
    else
        m_history->setImage(m_historyData, m_historyData.indexOf(p.path), tr("Not in the run's history"));
    const int flips = m_history->flipCount();
    m_historyTitle->setText(flips > 0 ? tr("<b>Across epochs</b> · <span style='color:#c87000'>%n flip(s)</span>", nullptr,
                                           flips)
                                      : tr("<b>Across epochs</b>"));
}

QString PredictionsPanel::detailText(const QString &which) const
{
    if (which == QLatin1String("truth"))
        return m_truthBox->text();
    if (which == QLatin1String("predicted"))
        return m_predictedBox->text();
    if (which == QLatin1String("confidence"))
        return m_confidence->text();
    for (int i = 0; i < 3; ++i)
        if (which == QStringLiteral("top%1").arg(i + 1))
            return m_topNames[i]->text() + QLatin1Char(' ') + m_topBars[i]->format();
    return {};
}

// ---- relabelling ------------------------------------------------------------------------------

QString PredictionsPanel::datasetClassOf(const QString &samplePath) const
{
    if (!m_inspection)
        return {};
    const int s = m_sampleOfPath.value(samplePath, -1);
    if (s < 0)
        return {};
    const Dataset &ds = m_inspection->dataset;
    const Sample &sample = ds.samples[std::size_t(s)];
    int id = sample.classId;
    if (id < 0 && !sample.objects.empty())
        id = sample.objects.front().classId;
    return ds.classes.value(id);
}

void PredictionsPanel::markMislabelled()
{
    if (m_currentRow < 0 || !m_inspection)
        return;
    const QString samplePath = m_model->samplePathAt(m_currentRow);
    if (samplePath.isEmpty())
        return;
    const Prediction &p = m_model->at(m_currentRow);
    QStringList classes = m_inspection->dataset.classes;
    for (const QString &c : m_pending)
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
}

bool PredictionsPanel::relabel(const QString &path, const QString &newClass)
{
    const int row = m_model->rowOfPath(path);
    const QString samplePath = row >= 0 ? m_model->samplePathAt(row) : QString();
    const QString name = newClass.trimmed();
    if (samplePath.isEmpty() || name.isEmpty())
        return false;
    const QString before = m_pending.value(samplePath);
    const QString now = before.isEmpty() ? datasetClassOf(samplePath) : before;
    if (name == now) {
        showMessage(tr("%1 is already labelled %2.").arg(fileNameOf(samplePath), name));
        return false;
    }
    m_undo->push(new RelabelCommand(this, samplePath, before, name));
    showMessage(tr("%1 will be labelled %2 when you save the labels.").arg(fileNameOf(samplePath), name));
    return true;
}

void PredictionsPanel::applyPending(const QString &samplePath, const QString &label)
{
    if (label.isEmpty() || label == datasetClassOf(samplePath))
        m_pending.remove(samplePath);
    else
        m_pending.insert(samplePath, label);
    if (m_inspection && hasUnsavedEdits())
        m_editsRoot = m_inspection->dataset.root;
    m_model->setPendingLabels(m_pending);
    if (m_currentRow >= 0 && m_model->samplePathAt(m_currentRow) == samplePath)
        showDetails(m_currentRow);
    updateEditActions();
}

std::vector<LabelEdit> PredictionsPanel::pendingEdits() const
{
    std::vector<LabelEdit> edits;
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it)
        edits.push_back({it.key(), datasetClassOf(it.key()), it.value()});
    std::sort(edits.begin(), edits.end(), [](const LabelEdit &a, const LabelEdit &b) { return a.path < b.path; });
    return netEdits(edits);
}

void PredictionsPanel::updateEditActions()
{
    m_saveAction->setEnabled(hasUnsavedEdits() && m_inspection);
    m_saveAction->setText(hasUnsavedEdits() ? tr("Save labels (%1)").arg(m_pending.size()) : tr("Save labels"));
}

void PredictionsPanel::clearEdits()
{
    m_undo->clear();
    m_pending.clear();
    m_model->setPendingLabels(m_pending);
    if (m_currentRow >= 0)
        showDetails(m_currentRow);
    updateEditActions();
}

bool PredictionsPanel::saveLabels(bool reload)
{
    const std::vector<LabelEdit> edits = pendingEdits();
    if (edits.empty()) {
        showMessage(tr("No label changes to save."));
        return true;
    }
    if (!m_inspection) {
        showMessage(tr("The dataset is being read again; save once it is open."), true);
        return false;
    }
    LabelSaveResult result;
    QString error;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        result = saveLabelEdits(m_inspection->dataset, edits);
    } catch (const DatasetError &e) {
        error = e.message();
    } catch (const LabelFileError &e) {
        error = e.message();
    } catch (const std::exception &e) {
        error = QString::fromLocal8Bit(e.what());
    }
    QApplication::restoreOverrideCursor();
    if (!error.isEmpty()) {
        showMessage(tr("The labels were not saved: %1. The dataset is unchanged; your %n edit(s) are still "
                       "pending.",
                       nullptr, int(edits.size()))
                        .arg(error),
                    true);
        return false;
    }
    clearEdits();
    showMessage(tr("Saved %n label change(s). The original files are backed up in %1.", nullptr, int(edits.size()))
                    .arg(QDir::toNativeSeparators(result.backupFolder))
                + (reload ? QLatin1Char(' ') + tr("Reading the dataset again…") : QString()));
    Q_EMIT labelsSaved(result.backupFolder, result.changedFiles);
    if (reload)
        Q_EMIT reloadRequested();
    return true;
}

bool PredictionsPanel::maybeDiscardEdits()
{
    if (!hasUnsavedEdits())
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved label changes"),
        tr("%n image(s) were relabelled on the Predictions page but not saved. Save the labels first?", nullptr,
           int(m_pending.size())),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Discard) {
        clearEdits();
        return true;
    }
    return saveLabels(false);
}

bool PredictionsPanel::exportConfusionPng(const QString &file)
{
    return m_matrix->exportPng(file);
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
