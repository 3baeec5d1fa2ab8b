#include "HeatmapController.h"

#include "dataset/Errors.h"

#include <QDir>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <exception>

namespace loupe {

/// Lives on the controller's thread; owns the Explainer so that the run is loaded once.
class HeatmapWorker : public QObject
{
    Q_OBJECT
public:
    explicit HeatmapWorker(std::shared_ptr<std::atomic<quint64>> latest)
        : m_latest(std::move(latest))
    {
    }

    void explain(quint64 id, const QString &runDir, const InspectionPtr &inspection, int sample, int classIndex,
                 const QImage &image)
    {
        if (id != m_latest->load())
            return Q_EMIT skipped(id); // the user has moved on
        try {
            const QString dir = QDir(runDir).absolutePath();
            if (!m_explainer || dir != m_runDir) {
                m_explainer.reset();
                m_explainer = std::make_unique<Explainer>(dir);
                m_runDir = dir;
            }
            if (!inspection || sample < 0 || sample >= int(inspection->dataset.samples.size()))
                throw DatasetError(HeatmapController::tr("the image is not in the open dataset"));
            Explanation e = m_explainer->explain(inspection->dataset, sample, classIndex);
            const QImage overlay = HeatmapController::blend(image, e.heatmap);
            Q_EMIT done(id, overlay, e);
        } catch (const DatasetError &e) {
            Q_EMIT error(id, e.message());
        } catch (const LabelFileError &e) {
            Q_EMIT error(id, e.message());
        } catch (const std::exception &e) {
            Q_EMIT error(id, QString::fromLocal8Bit(e.what()));
        }
    }

Q_SIGNALS:
    void done(quint64 id, const QImage &overlay, const loupe::Explanation &explanation);
    void error(quint64 id, const QString &message);
    void skipped(quint64 id);

private:
    std::shared_ptr<std::atomic<quint64>> m_latest;
    std::unique_ptr<Explainer> m_explainer;
    QString m_runDir;
};

HeatmapController::HeatmapController(QObject *parent)
    : QObject(parent)
    , m_latest(std::make_shared<std::atomic<quint64>>(0))
    , m_worker(new HeatmapWorker(m_latest))
{
    qRegisterMetaType<loupe::Explanation>();
    m_thread.setObjectName(QStringLiteral("heatmap"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &HeatmapWorker::done, this, [this](quint64 id, const QImage &overlay, const Explanation &e) {
        m_pending = std::max(0, m_pending - 1);
        if (id == m_latest->load())
            Q_EMIT ready(id, overlay, e);
    });
    connect(m_worker, &HeatmapWorker::error, this, [this](quint64 id, const QString &message) {
        m_pending = std::max(0, m_pending - 1);
        if (id == m_latest->load())
            Q_EMIT failed(id, message);
    });
    connect(m_worker, &HeatmapWorker::skipped, this, [this] { m_pending = std::max(0, m_pending - 1); });
    m_thread.start();
}

HeatmapController::~HeatmapController()
{
    cancel();
    m_thread.quit();
    m_thread.wait();
}

quint64 HeatmapController::request(const QString &runDir, const InspectionPtr &inspection, int sampleIndex,
                                   int classIndex, const QImage &image)
{
    const quint64 id = ++m_next;
    m_latest->store(id);
    ++m_pending;
    HeatmapWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        m_worker, [worker, id, runDir, inspection, sampleIndex, classIndex, image] {
            worker->explain(id, runDir, inspection, sampleIndex, classIndex, image);
        },
        Qt::QueuedConnection);
    return id;
}

void HeatmapController::cancel()
{
    m_latest->store(++m_next);
}

QImage HeatmapController::blend(const QImage &image, const Heatmap &heatmap)
{
    if (image.isNull())
        return {};
    QImage base = image.convertToFormat(QImage::Format_RGB888);
    if (heatmap.isEmpty() || heatmap.width <= 0 || heatmap.height <= 0
        || heatmap.values.size() != std::size_t(heatmap.width) * std::size_t(heatmap.height))
        return base;
    cv::Mat small(heatmap.height, heatmap.width, CV_32F);
    for (int y = 0; y < heatmap.height; ++y)
        for (int x = 0; x < heatmap.width; ++x) {
            const float v = heatmap.at(x, y);
            small.at<float>(y, x) = std::isfinite(v) ? std::clamp(v, 0.0f, 1.0f) : 0.0f;
        }
    cv::Mat heat;
    // Bicubic: a 7×7 map turns into a smooth field instead of tiles; 1×1 stays a flat tint.
    cv::resize(small, heat, cv::Size(base.width(), base.height()), 0, 0, cv::INTER_CUBIC);
    cv::Mat heat8;
    heat.convertTo(heat8, CV_8U, 255.0);
    cv::Mat colored; // BGR
    cv::applyColorMap(heat8, colored, cv::COLORMAP_JET);
    QImage out(base.size(), QImage::Format_RGB888);
    for (int y = 0; y < base.height(); ++y) {
        const uchar *src = base.constScanLine(y);
        const cv::Vec3b *cm = colored.ptr<cv::Vec3b>(y);
        const float *h = heat.ptr<float>(y);
        uchar *dst = out.scanLine(y);
        for (int x = 0; x < base.width(); ++x) {
            // Cold regions stay mostly visible; hot ones take the colour.
            const float a = 0.2f + 0.45f * std::clamp(h[x], 0.0f, 1.0f);
            dst[3 * x + 0] = uchar(std::lround(src[3 * x + 0] * (1 - a) + cm[x][2] * a));
            dst[3 * x + 1] = uchar(std::lround(src[3 * x + 1] * (1 - a) + cm[x][1] * a));
            dst[3 * x + 2] = uchar(std::lround(src[3 * x + 2] * (1 - a) + cm[x][0] * a));
        }
    }
    return out;
}

} // namespace loupe

#include "HeatmapController.moc"
