#pragma once

#include "ImageViewer.h"
#include "InspectController.h"
#include "eval/DetectionReview.h"

#include <QAbstractListModel>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QLabel;
class QListView;
class QListWidget;
class QSlider;
class QTabWidget;
class QToolButton;

namespace loupe {

class ConfusionMatrixView;
class ThumbnailLoader;

/// The colour and line of each kind of box, told apart without colour too (Okabe–Ito palette,
/// which colour-blind readers can separate, plus solid / dashed / dotted lines).
struct VerdictStyle {
    QColor color;
    Qt::PenStyle style;
};
VerdictStyle detectionStyle(BoxVerdict verdict, bool detection);

/// The gallery rows of the detection review: evaluated images with their error counts.
class DetectionImageModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { ImageIndexRole = Qt::UserRole + 1, ErrorsRole };

    explicit DetectionImageModel(QObject *parent = nullptr);
    /// Shows `rows` (indices into images), in that order.
    void setRows(const std::vector<ReviewImage> *images, const DetectionReview *review, std::vector<int> rows,
                 ThumbnailLoader *loader);
    /// The counts changed (threshold), the rows did not.
    void refresh();
    void thumbnailsArrived(const QStringList &paths);
    int imageAt(int row) const;
    int rowOfImage(int image) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    const std::vector<ReviewImage> *m_images = nullptr;
    const DetectionReview *m_review = nullptr;
    ThumbnailLoader *m_loader = nullptr;
    std::vector<int> m_rows;
};

/// The Predictions page for a detection run: the evaluated images with their error counts, the
/// selected one with truth and predicted boxes drawn by how they matched (with a legend), a score
/// threshold that recounts at once, filters and sort, per-class precision–recall curves and a
/// confusion matrix with a background row and column whose cells show exactly their boxes.
class DetectionPredictionsView : public QWidget
{
    Q_OBJECT
public:
    enum class Sort { Errors, DatasetOrder, Name };

    explicit DetectionPredictionsView(QWidget *parent = nullptr);
    ~DetectionPredictionsView() override;

    /// Reads the run's detections of a split against the open dataset. Returns "" or the problem
    /// (then the view is empty).
    QString load(const QString &runDir, const QString &split, const InspectionPtr &inspection);
    void clear();

    /// One line for the page's summary ("dev: 40 images, mAP …").
    QString summaryText() const;

    // Threshold, filters, sort.
    void setThreshold(double score);
    double threshold() const { return m_review.threshold; }
    void setMissesOnly(bool on);
    void setFalsePositivesOnly(bool on);
    /// Images with a box (truth, or a detection over the threshold) of this class; -1: all.
    void setClassFilter(int classIndex);
    void setSort(Sort sort);
    /// Exactly the images of one confusion cell (classes, then background as the last index), other
    /// filters off; their boxes are drawn in focus, the others faint.
    void filterToCell(int truth, int predicted);
    void clearFilters();
    /// "Showing 3 of 40 images …"
    QString countText() const;

    // Viewer.
    bool showImage(const QString &path);
    QString currentPath() const;
    void step(int delta);

    // State, for tests and the page.
    const DetectionReview &review() const { return m_review; }
    const std::vector<ReviewImage> &images() const { return m_images; }
    const DetectionMetrics &metrics() const { return m_metrics; }
    /// Image paths in the gallery, in its order.
    QStringList galleryPaths() const;
    /// The boxes the viewer draws for the current image, with their verdicts (parallel lists).
    const std::vector<OverlayBox> &overlayBoxes() const;
    const std::vector<BoxVerdict> &overlayVerdicts() const { return m_overlayVerdicts; }

    ImageViewer *viewer() const { return m_viewer; }
    ConfusionMatrixView *confusionView() const { return m_matrix; }
    QCustomPlot *prPlot() const { return m_plot; }
    QListView *gallery() const { return m_gallery; }
    QSlider *thresholdSlider() const { return m_slider; }
    QTabWidget *tabs() const { return m_tabs; }
    QListWidget *boxList() const { return m_boxList; }
    DetectionImageModel *galleryModel() const { return m_model; }

private:
    QWidget *buildLegend();
    void recount();
    void applyFilters();
    void updateCounts();
    void updateMatrix();
    void updatePlot();
    void openImage(int image);
    void drawCurrent();
    bool inCell(const BoxRef &ref) const;

    InspectionPtr m_inspection;
    QString m_split;
    std::vector<ReviewImage> m_images;
    QStringList m_classes;
    DetectionReview m_review;
    DetectionMetrics m_metrics;
    int m_notInDataset = 0;

    bool m_missesOnly = false;
    bool m_fpOnly = false;
    int m_classFilter = -1;
    Sort m_sort = Sort::Errors;
    int m_cellTruth = -1;
    int m_cellPredicted = -1;
    int m_current = -1; ///< image shown
    std::vector<BoxVerdict> m_overlayVerdicts;
    std::vector<BoxRef> m_overlayRefs;

    ThumbnailLoader *m_loader;
    DetectionImageModel *m_model;
    QSlider *m_slider;
    QLabel *m_thresholdText;
    QLabel *m_counts;
    QCheckBox *m_misses;
    QCheckBox *m_fps;
    QComboBox *m_class;
    QComboBox *m_sortBox;
    QLabel *m_filterText;
    QListView *m_gallery;
    ConfusionMatrixView *m_matrix;
    QCustomPlot *m_plot;
    QTabWidget *m_tabs;
    ImageViewer *m_viewer;
    QToolButton *m_measure;
    QListWidget *m_boxList;
    QLabel *m_status;
};

} // namespace loupe
