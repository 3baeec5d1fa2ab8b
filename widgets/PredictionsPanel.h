#pragma once

#include "ConfusionMatrixView.h"
#include "Panel.h"
#include "PredictionDetails.h"
#include "PredictionFilterBar.h"
#include "PredictionRunPicker.h"
#include "PredictionViewer.h"
#include "RelabelSession.h"
#include "ThumbnailGallery.h"

#include <QHash>

class QAction;
class QCheckBox;
class QLabel;
class QListView;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QToolBar;
class QUndoStack;

namespace loupe {

class DetectionPredictionsView;
class ImageViewer;
class LabelSaver;
class PredictionDelegate;
class PredictionHistoryPlot;
class PredictionModel;
class ThumbnailLoader;

/// The "predictions" page (error analysis): which images did the model get wrong? A run and split
/// chooser; a filterable, sortable gallery of predictions; the selected image beside its truth,
/// prediction, top classes, Grad-CAM and history across epochs; a clickable confusion matrix; and
/// relabelling with undo, written to the dataset only on "Save labels". The page assembles the
/// parts (PredictionRunPicker, PredictionFilterBar, ThumbnailGallery, PredictionViewer,
/// PredictionDetails, RelabelSession) and routes between them.
class PredictionsPanel : public Panel
{
    Q_OBJECT
public:
    using HeatmapMode = PredictionViewer::HeatmapMode;

    explicit PredictionsPanel(QWidget *parent = nullptr);
    ~PredictionsPanel() override;

    void setInspection(const InspectionPtr &inspection) override;

    // Runs and split.
    /// Lists the open dataset's runs that have predictions again, keeping the chosen one.
    void refreshRuns();
    QStringList runDirs() const { return m_runs->runDirs(); }
    bool selectRun(const QString &runDir) { return m_runs->selectRun(runDir); }
    QString currentRunDir() const { return m_runs->currentRunDir(); }
    /// "dev" or "test"; false when the run has no such file.
    bool selectSplit(const QString &split) { return m_runs->selectSplit(split); }
    QString currentSplit() const { return m_runs->currentSplit(); }

    // Gallery filters and sort (class indices are the run's).
    void setMispredictedOnly(bool on) { m_filters->setMispredictedOnly(on); }
    void setTruthFilter(int classIndex) { m_filters->setTruthFilter(classIndex); }
    void setPredictedFilter(int classIndex) { m_filters->setPredictedFilter(classIndex); }
    void setConfidenceRange(double low, double high) { m_filters->setConfidenceRange(low, high); }
    void setSort(PredictionFilterModel::SortKey key, Qt::SortOrder order) { m_filters->setSort(key, order); }
    /// Shows exactly the images of one confusion-matrix cell (every other filter off).
    void filterToCell(int truth, int predicted);
    void clearFilters() { m_filters->clearFilters(); }
    /// What the gallery shows and why ("showing 3 of 80 …").
    QString countText() const { return m_filters->countText(); }
    /// Brings the confusion matrix tab to the front (clicking a cell goes back to the gallery).
    void showConfusionMatrix();
    /// Paths in the gallery, in its order.
    QStringList galleryPaths() const;

    // Viewer.
    bool showImage(const QString &path);
    /// Path of the prediction shown in the viewer ("" when none).
    QString currentPath() const;
    /// Moves the selection within the filtered gallery.
    void step(int delta) { m_gallery->step(delta); }
    void setHeatmapMode(HeatmapMode mode) { m_viewerBox->setHeatmapMode(mode); }
    HeatmapMode heatmapMode() const { return m_viewerBox->heatmapMode(); }
    /// True while the viewer shows a Grad-CAM overlay for the current image.
    bool heatmapShown() const { return m_viewerBox->heatmapShown(); }
    /// The side panel's facts, for tests: "truth", "predicted", "confidence", "top1".."top3".
    QString detailText(const QString &which) const { return m_details->text(which); }

    // Relabelling.
    /// Asks for the right class of the current image (dataset classes or a new name).
    void markMislabelled();
    /// Records an edit as one undoable step; false when it changes nothing or the image is not in the dataset.
    bool relabel(const QString &path, const QString &newClass);
    /// Unsaved labels: dataset sample path → new class.
    QHash<QString, QString> pendingLabels() const { return m_session->pending(); }
    std::vector<LabelEdit> pendingEdits() const { return m_session->pendingEdits(); }
    bool hasUnsavedEdits() const { return m_session->hasUnsavedEdits(); }
    /// Starts writing the pending edits (LabelEdits' saveLabelEdits) on a worker thread; the page
    /// shows a busy bar and takes no input meanwhile. Then saveFinished follows: on success the
    /// edits are cleared, the message says where the backup is, labelsSaved is emitted and, with
    /// `reload`, reloadRequested; on failure the message says why and the edits are kept.
    /// False when no save could start (no dataset open, a save running).
    bool saveLabels(bool reload = true) { return m_session->save(reload); }
    bool isSavingLabels() const { return m_session->isSaving(); }
    /// Before the window opens another dataset or closes: asks to save, discard or cancel when
    /// edits are pending (a save waits for its outcome). False: stay.
    bool maybeDiscardEdits();

    /// The confusion matrix as a PNG; false when it cannot be written.
    bool exportConfusionPng(const QString &file) { return m_matrix->exportPng(file); }

    QString messageText() const;

    /// True while the page shows a detection run (DetectionPredictionsView) instead of classification.
    bool showsDetections() const;
    DetectionPredictionsView *detectionView() const { return m_detection; }

    // Parts, for tests and the lead's wiring.
    PredictionModel *model() const { return m_model; }
    PredictionFilterModel *proxy() const { return m_proxy; }
    QListView *gallery() const { return m_gallery; }
    ImageViewer *viewer() const { return m_viewerBox->imageViewer(); }
    ConfusionMatrixView *confusionView() const { return m_matrix; }
    PredictionHistoryPlot *historyPlot() const { return m_details->historyPlot(); }
    ThumbnailLoader *loader() const { return m_loader; }
    HeatmapController *heatmaps() { return m_viewerBox->heatmaps(); }
    QUndoStack *undoStack() const { return m_session->undoStack(); }
    LabelSaver *labelSaver() const { return m_session->saver(); }
    QAction *undoAction() const { return m_undoAction; }
    QAction *redoAction() const { return m_redoAction; }
    QAction *saveLabelsAction() const { return m_saveAction; }
    QToolBar *toolBar() const { return m_toolBar; }
    /// The busy bar shown while labels are being saved.
    QProgressBar *saveProgress() const { return m_saveBusy; }
    const PredictionHistory &history() const { return m_historyData; }

Q_SIGNALS:
    /// Labels were written: the window should read the dataset again (File › Reload).
    void reloadRequested();
    void labelsSaved(const QString &backupFolder, const QStringList &changedFiles);
    /// A save started by saveLabels is over; `ok` false when nothing was written.
    void saveFinished(bool ok);
    /// A Grad-CAM overlay is on screen (or could not be made: then `ok` is false).
    void heatmapFinished(bool ok);

private:
    void buildToolBar();
    QWidget *buildGalleryTabs();
    void loadPredictions();
    void updateMatrix();
    void updateCount();
    void openRow(const QModelIndex &proxyIndex);
    void showDetails(int row);
    void showMessage(const QString &text, bool problem = false);
    void pendingChanged(const QString &samplePath);
    void updateEditActions();
    void setSaving(bool saving, int edits = 0);

    InspectionPtr m_inspection;
    QString m_loadedRoot; ///< dataset root whose runs are listed
    QString m_wantedRun;  ///< run to choose again after a reload
    QString m_wantedPath; ///< image to show again after a reload
    PredictionHistory m_historyData;

    PredictionModel *m_model;
    PredictionFilterModel *m_proxy;
    ThumbnailLoader *m_loader;
    PredictionDelegate *m_delegate;
    RelabelSession *m_session;
    PredictionRunPicker *m_runs;

    QToolBar *m_toolBar = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_exportAction = nullptr;
    QLabel *m_message;
    QProgressBar *m_saveBusy;
    QLabel *m_summary;
    QSplitter *m_splitter = nullptr;
    /// Classification (m_splitter) or detection (m_detection): chosen in loadPredictions only.
    QStackedWidget *m_pages = nullptr;
    DetectionPredictionsView *m_detection = nullptr;

    PredictionFilterBar *m_filters;
    ThumbnailGallery *m_gallery;
    ConfusionMatrixView *m_matrix;
    QCheckBox *m_normalized;
    QTabWidget *m_tabs = nullptr;
    PredictionViewer *m_viewerBox;
    PredictionDetails *m_details;

    int m_currentRow = -1; ///< source row shown in the viewer
};

} // namespace loupe
