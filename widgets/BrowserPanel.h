#pragma once

#include "Panel.h"
#include "ThumbnailFilterModel.h"
#include "ThumbnailGallery.h"

#include <QTimer>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSlider;
class QSplitter;
class QToolButton;
class QTreeWidgetItem;

namespace loupe {

class ImageViewer;
class ThumbnailDelegate;
class ThumbnailLoader;
class ThumbnailModel;

/// The dataset browser page: a filterable, sortable thumbnail grid beside a full-size viewer.
/// In a MainWindow it also follows clicks in the Classes chart and opens the Problems dock's files.
class BrowserPanel : public Panel
{
    Q_OBJECT
public:
    explicit BrowserPanel(QWidget *parent = nullptr);
    ~BrowserPanel() override;

    void setInspection(const InspectionPtr &inspection) override;

    /// Shows one image in the viewer and selects it in the grid, clearing filters that hide it.
    bool showImage(const QString &path);
    /// Filters the grid to one class by its index in the dataset's classes; -1 shows all.
    void filterClass(int classIndex);
    void setThumbnailSize(int px);

    ThumbnailModel *model() const { return m_model; }
    ThumbnailFilterModel *proxy() const { return m_proxy; }
    ThumbnailLoader *loader() const { return m_loader; }
    QListView *grid() const { return m_grid; }
    ImageViewer *viewer() const { return m_viewer; }
    QString countText() const;
    /// Proxy rows whose cells intersect the grid's viewport, top to bottom.
    QList<int> visibleRows() const;

Q_SIGNALS:
    /// Thumbnails were requested for what is on screen now (after the scroll debounce).
    void thumbnailsRequested(int count);
    /// The images selected in the grid (dataset sample indices), e.g. for the augmentation preview.
    void samplesSelected(const QList<int> &samples);

private:
    void buildFilterBar(QWidget *bar);
    void connectToMainWindow(QWidget *window);
    void scheduleRequest();
    void applyFilters();
    void updateCount();
    void openRow(const QModelIndex &proxyIndex);
    void problemActivated(QTreeWidgetItem *item);

    InspectionPtr m_inspection;
    double m_aspect = 1.0;
    ThumbnailModel *m_model;
    ThumbnailFilterModel *m_proxy;
    ThumbnailLoader *m_loader;
    ThumbnailDelegate *m_delegate;
    ThumbnailGallery *m_grid;
    ImageViewer *m_viewer;
    QSplitter *m_splitter;
    QComboBox *m_class;
    QComboBox *m_split;
    QCheckBox *m_brokenOnly;
    QLineEdit *m_search;
    QComboBox *m_sort;
    QSlider *m_size;
    QLabel *m_count;
    QLabel *m_viewerStatus;
    QToolButton *m_overlays;
    QToolButton *m_measure;
    QTimer m_searchTimer;
};

} // namespace loupe
