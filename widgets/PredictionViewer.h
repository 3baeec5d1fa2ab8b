#pragma once

#include "HeatmapController.h"

#include <QImage>
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace loupe {

class ImageViewer;

/// The middle of the Predictions page: the selected image at full size with previous / next / fit,
/// and Grad-CAM of the predicted or the true class blended over it on request.
class PredictionViewer : public QWidget
{
    Q_OBJECT
public:
    enum class HeatmapMode { Off, Predicted, Truth };

    /// The image on screen and what Grad-CAM needs to explain it.
    struct Subject {
        QString runDir;
        InspectionPtr inspection;
        int sampleIndex = -1; ///< in the inspection's dataset
        QString samplePath;
        int truth = -1;       ///< classes are the run's
        int predicted = -1;
        QStringList classes;
    };

    explicit PredictionViewer(QWidget *parent = nullptr);

    /// Opens the subject's image (decoded off the GUI thread); a Grad-CAM follows when one is on.
    void open(const Subject &subject);
    /// No image (e.g. it is not in the open dataset): the message says why.
    void clear(const QString &message);
    /// True once the current subject's image is on screen.
    bool hasImage() const { return !m_baseImage.isNull(); }
    /// Whether the run has a checkpoint to explain with; without one the heatmap is off.
    void setExplainable(bool on);
    /// Drops a Grad-CAM in flight (another run or image comes).
    void cancelHeatmap();
    /// The image on screen stays but belongs to no prediction any more (other predictions were
    /// loaded): no Grad-CAM for it.
    void forget();

    void setHeatmapMode(HeatmapMode mode);
    HeatmapMode heatmapMode() const { return m_mode; }
    /// True while the Grad-CAM overlay of the current image is on screen.
    bool heatmapShown() const { return m_shown; }

    ImageViewer *imageViewer() const { return m_viewer; }
    HeatmapController *heatmaps() { return &m_heatmaps; }

Q_SIGNALS:
    /// Previous (-1) or next (+1) image of the gallery, by button or key.
    void stepRequested(int delta);
    /// A Grad-CAM overlay is on screen (or could not be made: then `ok` is false).
    void heatmapFinished(bool ok);

private:
    void imageShown(const QString &path);
    void requestHeatmap();
    void showBaseImage();
    void heatmapReady(quint64 id, const QImage &overlay, const Explanation &e);

    HeatmapController m_heatmaps;
    ImageViewer *m_viewer;
    QToolButton *m_heatPredicted;
    QToolButton *m_heatTruth;
    QProgressBar *m_heatBusy;
    QLabel *m_status;

    Subject m_subject;
    HeatmapMode m_mode = HeatmapMode::Off;
    bool m_shown = false;
    QImage m_baseImage; ///< the current image without overlay
    quint64 m_heatRequest = 0;
};

} // namespace loupe
