#pragma once

#include "dataset/IdxImages.h"
#include "imaging/SafeDecoder.h"

#include <QCache>
#include <QImage>
#include <QObject>
#include <QPixmap>
#include <QSet>
#include <QTimer>
#include <QVector>

#include <memory>

class QThreadPool;

namespace loupe {

/// One thumbnail to make: an image file, or an image of an IDX store.
struct ThumbnailRequest {
    QString path;    ///< also the key the thumbnail is known by
    int width = 0;   ///< from the header scan; 0 reads the header
    int height = 0;
    std::shared_ptr<const IdxImages> idx;
    int idxIndex = -1;
};

/// Makes thumbnails on a thread pool for whatever the grid shows now. Each request replaces the
/// previous one, so thumbnails scrolled past are never decoded. Finished thumbnails land in a
/// memory LRU bounded by bytes and in a disk cache, and are announced in batches.
class ThumbnailLoader : public QObject
{
    Q_OBJECT
public:
    explicit ThumbnailLoader(QObject *parent = nullptr);
    ~ThumbnailLoader() override;

    static constexpr int kMinSize = 64;
    static constexpr int kMaxSize = 320;

    /// Longest side of a thumbnail in pixels (kMinSize..kMaxSize). Thumbnails of the old size stay
    /// visible (scaled) until their replacements arrive.
    void setThumbnailSize(int px);
    int thumbnailSize() const { return m_size; }

    void setMemoryBudget(qint64 bytes);
    qint64 memoryBudget() const;
    qint64 memoryBytes() const;
    int memoryCount() const { return int(m_cache.count()); }

    /// Folder of the disk cache; empty turns it off. Defaults to CacheLocation/thumbnails.
    void setDiskCacheDir(const QString &dir);
    QString diskCacheDir() const { return m_diskDir; }
    static QString defaultDiskCacheDir();
    /// Files smaller than this decode about as fast as a cached thumbnail; they are not cached on disk.
    void setDiskCacheMinFileBytes(qint64 bytes) { m_diskMinBytes = bytes; }

    void setThreadCount(int threads);

    /// The thumbnail for a path from memory, null when not loaded (yet). Marks it recently used.
    QPixmap thumbnail(const QString &path) const;
    /// True when the thumbnail in memory has the current size.
    bool hasCurrent(const QString &path) const;

    /// Asks for these thumbnails, most wanted first; drops every older request not yet started.
    void request(const QVector<ThumbnailRequest> &requests);
    void clearMemory();

    int pendingCount() const { return int(m_pending.size()); }
    int inFlightCount() const { return int(m_inFlight.size()); }
    bool isIdle() const { return m_pending.isEmpty() && m_inFlight.isEmpty() && m_ready.isEmpty(); }

    struct Counters {
        int decoded = 0;  ///< from the image file
        int diskHits = 0; ///< from the disk cache
        int failed = 0;
    };
    Counters counters() const { return m_counters; }

    /// Largest DCT reduction that still leaves the longest side at least `size` pixels.
    static DecodeScale scaleFor(int width, int height, int size);
    /// File name in the disk cache for one file's thumbnail of one size.
    static QString diskCacheKey(const QString &path, qint64 fileBytes, qint64 mtimeMs, int size);

    struct Result {
        QImage image;
        bool fromDisk = false;
        QString error;
    };
    /// The whole job of one thumbnail, run on a worker thread (public for the benchmark).
    static Result makeThumbnail(const ThumbnailRequest &request, int size, const QString &diskDir, qint64 diskMinBytes);

Q_SIGNALS:
    /// Paths whose thumbnails arrived since the last emission (about every 30 ms while loading).
    void thumbnailsReady(const QStringList &paths);
    /// Nothing pending, nothing in flight, everything announced.
    void idle();

private:
    struct Entry {
        QPixmap pixmap;
        int size = 0;
    };
    void pump();
    void finished(const QString &path, int size, const Result &result, quint64 generation);
    void flush();

    QThreadPool *m_pool;
    int m_size = 128;
    QString m_diskDir;
    qint64 m_diskMinBytes = 64 * 1024;
    mutable QCache<QString, Entry> m_cache; // cost in KiB
    QVector<ThumbnailRequest> m_pending;
    QSet<QString> m_inFlight;
    QStringList m_ready;
    QTimer m_flush;
    Counters m_counters;
    quint64 m_generation = 0; ///< bumped by clearMemory so late results of old datasets are dropped
};

} // namespace loupe
