#pragma once

#include "InspectController.h"

#include <QListView>
#include <QTimer>

#include <functional>

namespace loupe {

class ThumbnailLoader;

/// The wrapping grid of uniform thumbnail cells that the Browser and Predictions pages share: it
/// asks a ThumbnailLoader for the cells on screen (and a screenful below) once scrolling, resizing
/// or filtering settles, and moves or reveals the current cell.
class ThumbnailGallery : public QListView
{
    Q_OBJECT
public:
    /// The dataset sample a row of the view's model shows; null when it has none (a broken file, a
    /// prediction of an image that is not in the open dataset).
    using SampleOfRow = std::function<const Sample *(int row)>;

    /// List mode lays out 100,000 uniform cells arithmetically; icon mode keeps a record per item.
    explicit ThumbnailGallery(ViewMode mode, QWidget *parent = nullptr);

    void setLoader(ThumbnailLoader *loader) { m_loader = loader; }
    void setSampleOfRow(SampleOfRow sampleOfRow) { m_sampleOfRow = std::move(sampleOfRow); }
    /// The dataset the samples belong to (IDX images are read from it); null requests nothing.
    void setInspection(const InspectionPtr &inspection) { m_inspection = inspection; }
    void setModel(QAbstractItemModel *model) override;

    /// Asks for the visible thumbnails once the view has been still for a moment.
    void scheduleRequest();
    /// Rows whose cells intersect the viewport, top to bottom.
    QList<int> visibleRows() const;
    /// Moves the current cell by `delta` rows, stopping at either end, and scrolls to it.
    void step(int delta);
    /// The view's index of a row of the proxy's source model. When the proxy's filters hide it,
    /// `showAll` runs first (the user asked for exactly this image). Invalid when not there.
    QModelIndex indexOfSourceRow(int sourceRow, const std::function<void()> &showAll);
    /// Makes `index` current and centres it.
    void showIndex(const QModelIndex &index);

Q_SIGNALS:
    /// Thumbnails were requested for what is on screen now (after the debounce).
    void thumbnailsRequested(int count);

private:
    void requestVisible();

    ThumbnailLoader *m_loader = nullptr;
    SampleOfRow m_sampleOfRow;
    InspectionPtr m_inspection;
    QTimer m_requestTimer;
    QList<QMetaObject::Connection> m_modelConnections;
};

} // namespace loupe
