#pragma once

#include "HeatmapController.h"
#include "Panel.h"
#include "PredictionFilterModel.h"
#include "dataset/LabelEdits.h"
#include "eval/Predictions.h"
#include "project/RunStatus.h"

#include <QHash>
#include <QImage>
#include <QTimer>

class QAction;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QListView;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QToolBar;
class QToolButton;
class QUndoStack;

namespace loupe {

class ConfusionMatrixView;
class ImageViewer;
class PredictionDelegate;
class PredictionHistoryPlot;
class PredictionModel;
class ThumbnailLoader;

/// The "predictions" page (error analysis): which images did the model get wrong? A run and split
/// chooser; a filterable, sortable gallery of predictions; the selected image beside its truth,
/// prediction, top classes, Grad-CAM and history across epochs; a clickable confusion matrix; and
/// relabelling with undo, written to the dataset only on "Save labels".
class PredictionsPanel : public Panel
{
    Q_OBJECT
public:
    enum class HeatmapMode { Off, Predicted, Truth };

    explicit PredictionsPanel(QWidget *parent = nullptr);
    ~PredictionsPanel() override;

    void setInspection(const InspectionPtr &inspection) override;

    // Runs and split.
    /// Lists the open dataset's runs that have predictions again, keeping the chosen one.
    void refreshRuns();
    QStringList runDirs() const;
    bool selectRun(const QString &runDir);
    QString currentRunDir() const;
    /// "dev" or "test"; false when the run has no such file.
    bool selectSplit(const QString &split);
    QString currentSplit() const;

    // Gallery filters and sort (class indices are the run's).
    void setMispredictedOnly(bool on);
    void setTruthFilter(int classIndex);
    void setPredictedFilter(int classIndex);
    void setConfidenceRange(double low, double high);
    void setSort(PredictionFilterModel::SortKey key, Qt::SortOrder order);
    /// Shows exactly the images of one confusion-matrix cell (every other filter off).
    void filterToCell(int truth, int predicted);
    void clearFilters();
    /// What the gallery shows and why ("showing 3 of 80 …").
    QString countText() const;
    /// Brings the confusion matrix tab to the front (clicking a cell goes back to the gallery).
    void showConfusionMatrix();
    /// Paths in the gallery, in its order.
    QStringList galleryPaths() const;

    // Viewer.
    bool showImage(const QString &path);
    /// Path of the prediction shown in the viewer ("" when none).
    QString currentPath() const;
    /// Moves the selection within the filtered gallery.
    void step(int delta);
    void setHeatmapMode(HeatmapMode mode);
    HeatmapMode heatmapMode() const { return m_heatmapMode; }
    /// True while the viewer shows a Grad-CAM overlay for the current image.
    bool heatmapShown() const { return m_heatmapShown; }
    /// The side panel's facts, for tests: "truth", "predicted", "confidence", "top1".."top3".
    QString detailText(const QString &which) const;

    // Relabelling.
    /// Asks for the right class of the current image (dataset classes or a new name).
    void markMislabelled();
    /// Records an edit as one undoable step; false when it changes nothing or the image is not in the dataset.
    bool relabel(const QString &path, const QString &newClass);
    /// Unsaved labels: dataset sample path → new class.
    QHash<QString, QString> pendingLabels() const { return m_pending; }
    std::vector<LabelEdit> pendingEdits() const;
    bool hasUnsavedEdits() const { return !m_pending.isEmpty(); }
    /// Writes the pending edits (LabelEdits' saveLabelEdits). On success clears them, says where the
    /// backup is and, with `reload`, emits reloadRequested. On failure shows why and keeps them.
    bool saveLabels(bool reload = true);
    /// Before the window opens another dataset or closes: asks to save, discard or cancel when
    /// edits are pending. False: stay.
    bool maybeDiscardEdits();

    /// The confusion matrix as a PNG; false when it cannot be written.
    bool exportConfusionPng(const QString &file);

    QString messageText() const;

    // Parts, for tests and the lead's wiring.
    PredictionModel *model() const { return m_model; }
    PredictionFilterModel *proxy() const { return m_proxy; }
    QListView *gallery() const { return m_gallery; }
    ImageViewer *viewer() const { return m_viewer; }
    ConfusionMatrixView *confusionView() const { return m_matrix; }
    PredictionHistoryPlot *historyPlot() const { return m_history; }
    ThumbnailLoader *loader() const { return m_loader; }
    HeatmapController *heatmaps() { return &m_heatmaps; }
    QUndoStack *undoStack() const { return m_undo; }
    QAction *undoAction() const { return m_undoAction; }
    QAction *redoAction() const { return m_redoAction; }
    QAction *saveLabelsAction() const { return m_saveAction; }
    QToolBar *toolBar() const { return m_toolBar; }
    const PredictionHistory &history() const { return m_historyData; }

Q_SIGNALS:
    /// Labels were written: the window should read the dataset again (File › Reload).
    void reloadRequested();
    void labelsSaved(const QString &backupFolder, const QStringList &changedFiles);
    /// A Grad-CAM overlay is on screen (or could not be made: then `ok` is false).
    void heatmapFinished(bool ok);

private:
    friend class RelabelCommand;

    void buildToolBar();
    QWidget *buildGalleryBox();
    QWidget *buildViewerBox();
    QWidget *buildDetails();
    void loadPredictions();
    void fillSplits();
    void fillClassFilters();
    void updateMatrix();
    void filtersChangedByUser();
    void updateCount();
    void scheduleRequest();
    void requestVisible();
    void openRow(const QModelIndex &proxyIndex);
    void showDetails(int row);
    void viewerShowed(const QString &path);
    void requestHeatmap();
    void showBaseImage();
    void showMessage(const QString &text, bool problem = false);
    /// Sets or (empty / back to the dataset's class) removes a pending label; used by the undo commands.
    void applyPending(const QString &samplePath, const QString &label);
    QString datasetClassOf(const QString &samplePath) const;
    void updateEditActions();
    void clearEdits();

    InspectionPtr m_inspection;
    QString m_loadedRoot;     ///< dataset root whose runs are listed
    QString m_editsRoot;      ///< dataset root the pending edits belong to
    QString m_wantedRun;      ///< run to choose again after a reload
    QString m_wantedPath;     ///< image to show again after a reload
    std::vector<RunSummary> m_runs;
    PredictionHistory m_historyData;
    QHash<QString, QString> m_pending;
    QHash<QString, int> m_sampleOfPath;

    PredictionModel *m_model;
    PredictionFilterModel *m_proxy;
    ThumbnailLoader *m_loader;
    PredictionDelegate *m_delegate;
    QUndoStack *m_undo;
    HeatmapController m_heatmaps;

    QToolBar *m_toolBar = nullptr;
    QComboBox *m_run;
    QComboBox *m_split;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_exportAction = nullptr;
    QLabel *m_message;
    QLabel *m_summary;

    QCheckBox *m_wrongOnly;
    QComboBox *m_truthFilter;
    QComboBox *m_predictedFilter;
    QDoubleSpinBox *m_low;
    QDoubleSpinBox *m_high;
    QComboBox *m_sort;
    QLabel *m_count;
    QString m_cellNote;
    QListView *m_gallery;
    ConfusionMatrixView *m_matrix;
    QCheckBox *m_normalized;
    QTabWidget *m_tabs = nullptr;

    ImageViewer *m_viewer;
    QToolButton *m_heatPredicted;
    QToolButton *m_heatTruth;
    QProgressBar *m_heatBusy;
    QPushButton *m_markButton;
    QLabel *m_viewerStatus;

    QLabel *m_truthBox;
    QLabel *m_predictedBox;
    QLabel *m_confidence;
    QLabel *m_topNames[3];
    QProgressBar *m_topBars[3];
    PredictionHistoryPlot *m_history;
    QLabel *m_historyTitle = nullptr;

    int m_currentRow = -1; ///< source row shown in the viewer
    HeatmapMode m_heatmapMode = HeatmapMode::Off;
    bool m_heatmapShown = false;
    QImage m_baseImage;    ///< the current image without overlay
    quint64 m_heatRequest = 0;
    QTimer m_requestTimer;
};

} // namespace loupe
