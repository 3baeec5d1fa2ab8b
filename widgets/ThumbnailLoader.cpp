#include "ThumbnailLoader.h"

#include "AtomicFile.h"
#include "ImageConvert.h"
#include "imaging/ImageHeader.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QPainter>
#include <QStandardPaths>
#include <QThread>
#include <QThreadPool>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <utility>

namespace loupe {

namespace {

// Fits the image into size × size keeping its aspect; small images grow with visible pixels.
cv::Mat fit(const cv::Mat &src, int size)
{
    const double f = double(size) / std::max(src.cols, src.rows);
    if (std::abs(f - 1.0) < 1e-9)
        return src;
    const cv::Size to(std::max(1, int(std::lround(src.cols * f))), std::max(1, int(std::lround(src.rows * f))));
    cv::Mat out;
    cv::resize(src, out, to, 0, 0, f < 1.0 ? cv::INTER_AREA : cv::INTER_NEAREST);
    return out;
}

QPixmap failedPixmap(int size)
{
    QPixmap p(size, size * 3 / 4);
    p.fill(QColor(235, 220, 220));
    QPainter painter(&p);
    painter.setPen(QPen(QColor(200, 60, 60), 3));
    const int m = size / 4;
    painter.drawLine(m, m / 2, size - m, p.height() - m / 2);
    painter.drawLine(size - m, m / 2, m, p.height() - m / 2);
    return p;
}

} // namespace

ThumbnailLoader::ThumbnailLoader(QObject *parent)
    : QObject(parent)
    , m_pool(new QThreadPool(this))
    , m_diskDir(defaultDiskCacheDir())
    , m_cache(96 * 1024)
{
    m_pool->setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
    m_pool->setObjectName(QStringLiteral("loupe-thumbnails"));
    m_flush.setSingleShot(true);
    m_flush.setInterval(30);
    connect(&m_flush, &QTimer::timeout, this, &ThumbnailLoader::flush);
}

ThumbnailLoader::~ThumbnailLoader()
{
    m_pending.clear();
    m_pool->waitForDone();
}

QString ThumbnailLoader::defaultDiskCacheDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/thumbnails");
}

void ThumbnailLoader::setThumbnailSize(int px)
{
    m_size = std::clamp(px, kMinSize, kMaxSize);
    m_pending.clear();
}

void ThumbnailLoader::setMemoryBudget(qint64 bytes)
{
    m_cache.setMaxCost(qsizetype(std::max<qint64>(1, bytes / 1024)));
}

qint64 ThumbnailLoader::memoryBudget() const
{
    return qint64(m_cache.maxCost()) * 1024;
}

qint64 ThumbnailLoader::memoryBytes() const
{
    return qint64(m_cache.totalCost()) * 1024;
}

void ThumbnailLoader::setDiskCacheDir(const QString &dir)
{
    m_diskDir = dir;
}

void ThumbnailLoader::setThreadCount(int threads)
{
    m_pool->setMaxThreadCount(std::max(1, threads));
}

QPixmap ThumbnailLoader::thumbnail(const QString &path) const
{
    const Entry *e = m_cache.object(path);
    return e ? e->pixmap : QPixmap();
}

bool ThumbnailLoader::hasCurrent(const QString &path) const
{
    const Entry *e = m_cache.object(path);
    return e && e->size == m_size;
}

void ThumbnailLoader::clearMemory()
{
    m_cache.clear();
    m_pending.clear();
    m_ready.clear();
    ++m_generation;
}

void ThumbnailLoader::request(const QVector<ThumbnailRequest> &requests)
{
    m_pending.clear();
    m_pending.reserve(requests.size());
    for (const ThumbnailRequest &r : requests)
        if (!m_inFlight.contains(r.path) && !hasCurrent(r.path))
            m_pending.append(r);
    pump();
    if (isIdle())
        Q_EMIT idle();
}

void ThumbnailLoader::pump()
{
    // Two jobs per thread keep the pool busy without queueing work that a scroll would make stale.
    const int limit = m_pool->maxThreadCount() * 2;
    while (m_inFlight.size() < limit && !m_pending.isEmpty()) {
        const ThumbnailRequest r = m_pending.takeFirst();
        if (m_inFlight.contains(r.path) || hasCurrent(r.path))
            continue;
        m_inFlight.insert(r.path);
        const int size = m_size;
        const QString dir = m_diskDir;
        const qint64 minBytes = m_diskMinBytes;
        const quint64 generation = m_generation;
        m_pool->start([this, r, size, dir, minBytes, generation] {
            const Result result = makeThumbnail(r, size, dir, minBytes);
            QMetaObject::invokeMethod(
                this, [this, path = r.path, size, result, generation] { finished(path, size, result, generation); },
                Qt::QueuedConnection);
        });
    }
}

void ThumbnailLoader::finished(const QString &path, int size, const Result &result, quint64 generation)
{
    m_inFlight.remove(path);
    if (generation == m_generation) {
        QPixmap pixmap;
        if (!result.image.isNull()) {
            pixmap = QPixmap::fromImage(result.image);
            ++(result.fromDisk ? m_counters.diskHits : m_counters.decoded);
        } else {
            pixmap = failedPixmap(size);
            ++m_counters.failed;
        }
        const qsizetype kib = std::max<qsizetype>(1, qsizetype(pixmap.width()) * pixmap.height() * pixmap.depth() / 8 / 1024);
        m_cache.insert(path, new Entry{pixmap, size}, kib);
        m_ready.append(path);
        if (!m_flush.isActive())
            m_flush.start();
    }
    pump();
}

void ThumbnailLoader::flush()
{
    if (!m_ready.isEmpty()) {
        const QStringList ready = std::exchange(m_ready, {});
        Q_EMIT thumbnailsReady(ready);
    }
    if (isIdle())
        Q_EMIT idle();
}

DecodeScale ThumbnailLoader::scaleFor(int width, int height, int size)
{
    const int longest = std::max(width, height);
    for (DecodeScale s : {DecodeScale::Eighth, DecodeScale::Quarter, DecodeScale::Half})
        if (longest / int(s) >= size)
            return s;
    return DecodeScale::Full;
}

QString ThumbnailLoader::diskCacheKey(const QString &path, qint64 fileBytes, qint64 mtimeMs, int size)
{
    const QByteArray key = path.toUtf8() + '\n' + QByteArray::number(fileBytes) + '\n' + QByteArray::number(mtimeMs) +
                           '\n' + QByteArray::number(size);
    return QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex()) + QStringLiteral(".jpg");
}

ThumbnailLoader::Result ThumbnailLoader::makeThumbnail(const ThumbnailRequest &request, int size, const QString &diskDir,
                                                       qint64 diskMinBytes)
{
    Result out;
    if (request.idx && request.idxIndex >= 0 && request.idxIndex < request.idx->count) {
        const IdxImages &idx = *request.idx;
        const cv::Mat m(idx.rows, idx.cols, CV_8UC1, const_cast<std::uint8_t *>(idx.image(request.idxIndex)));
        out.image = toQImage(fit(m, size));
        return out;
    }

    const QFileInfo info(request.path);
    QString cacheFile;
    if (!diskDir.isEmpty() && info.size() >= diskMinBytes) {
        cacheFile = diskDir + QLatin1Char('/') +
                    diskCacheKey(request.path, info.size(), info.lastModified().toMSecsSinceEpoch(), size);
        if (QFileInfo::exists(cacheFile)) {
            const DecodeResult cached = decodeImageFile(cacheFile);
            if (cached.ok()) {
                out.image = toQImage(cached.image);
                out.fromDisk = true;
                return out;
            }
        }
    }

    int w = request.width, h = request.height;
    if (w <= 0 || h <= 0) {
        if (const auto header = readImageHeader(request.path)) {
            w = header->width;
            h = header->height;
        }
    }
    DecodeOptions options;
    options.scale = w > 0 && h > 0 ? scaleFor(w, h, size) : DecodeScale::Full;
    const DecodeResult decoded = decodeImageFile(request.path, options);
    if (!decoded.ok()) {
        out.error = decoded.error;
        return out;
    }
    out.image = toQImage(fit(decoded.image, size));
    if (!cacheFile.isEmpty() && !out.image.isNull()) {
        QDir().mkpath(diskDir);
        // A cache: a failed write only means decoding again next time.
        QByteArray jpeg;
        QBuffer buffer(&jpeg);
        if (buffer.open(QIODevice::WriteOnly) && out.image.save(&buffer, "JPG", 90))
            writeFileAtomically(cacheFile, jpeg);
    }
    return out;
}

} // namespace loupe
