#pragma once

#include "InspectController.h"
#include "eval/Explainer.h"

#include <QImage>
#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

namespace loupe {

class HeatmapWorker;

/// Grad-CAM for the prediction viewer, on a QThread it owns: loads a run's Explainer once and
/// explains one image at a time. A newer request makes older ones still queued stale (skipped).
class HeatmapController : public QObject
{
    Q_OBJECT
public:
    explicit HeatmapController(QObject *parent = nullptr);
    /// Waits for an explanation in flight (one forward and backward pass).
    ~HeatmapController() override;

    /// Explains sample `sampleIndex` of the inspection's dataset for `classIndex` (the run's class
    /// order) with the run in runDir, blending the map over `image` (the image as shown).
    /// Returns the request's id; ready or failed follow with it.
    quint64 request(const QString &runDir, const InspectionPtr &inspection, int sampleIndex, int classIndex,
                    const QImage &image);
    /// Drops every request not started yet.
    void cancel();
    bool isBusy() const { return m_pending > 0; }

    /// Upsamples a feature-map-sized heatmap smoothly (bicubic) to the image and blends it as a
    /// colour map (blue cold, red hot) whose opacity grows with the heat. The image may be grey.
    static QImage blend(const QImage &image, const Heatmap &heatmap);

Q_SIGNALS:
    void ready(quint64 id, const QImage &overlay, const loupe::Explanation &explanation);
    void failed(quint64 id, const QString &message);

private:
    QThread m_thread;
    std::shared_ptr<std::atomic<quint64>> m_latest; ///< id of the newest request; older ones are skipped
    HeatmapWorker *m_worker;
    quint64 m_next = 0;
    int m_pending = 0;
};

} // namespace loupe

Q_DECLARE_METATYPE(loupe::Explanation)
