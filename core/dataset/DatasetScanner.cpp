#include "dataset/DatasetScanner.h"

#include "Parallel.h"
#include "imaging/ImageHeader.h"

#include <QCoreApplication>
#include <QFile>

#include <atomic>
#include <cstring>

namespace loupe::scanner {

namespace {

// Moves samples that got a reason to badFiles, keeping the order of both lists.
int moveBroken(Dataset &ds, const std::vector<QString> &reasons)
{
    int broken = 0;
    std::vector<Sample> kept;
    kept.reserve(ds.samples.size());
    for (std::size_t i = 0; i < ds.samples.size(); ++i) {
        if (reasons[i].isEmpty()) {
            kept.push_back(std::move(ds.samples[i]));
        } else {
            ds.badFiles.push_back({ds.samples[i].path, reasons[i]});
            ++broken;
        }
    }
    ds.samples = std::move(kept);
    return broken;
}

void reportProgress(const ProgressFn &progress, std::atomic<int> &done, int total)
{
    const int d = done.fetch_add(1, std::memory_order_relaxed) + 1;
    if (progress)
        progress(d, total);
}

std::uint64_t load64(const char *p)
{
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}

std::uint64_t mix(std::uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

} // namespace

quint64 contentHash(const char *data, std::size_t size)
{
    // Four independent lanes keep the multiplier pipeline busy: ~5 GB/s, far above disk speed.
    std::uint64_t lanes[4] = {0x9e3779b97f4a7c15ULL, 0xbf58476d1ce4e5b9ULL, 0x94d049bb133111ebULL, size};
    std::size_t i = 0;
    for (; i + 32 <= size; i += 32)
        for (int l = 0; l < 4; ++l)
            lanes[l] = (lanes[l] ^ load64(data + i + 8 * l)) * 0x100000001b3ULL + (lanes[l] >> 29);
    std::uint64_t h = mix(lanes[0]) ^ mix(lanes[1] + 1) ^ mix(lanes[2] + 2) ^ mix(lanes[3] + 3);
    for (; i < size; ++i)
        h = (h ^ std::uint8_t(data[i])) * 0x100000001b3ULL;
    h = mix(h);
    return h == 0 ? 1 : h; // 0 means "not hashed yet"
}

int readHeaders(Dataset &ds, const ScanOptions &options, const ProgressFn &progress, const StopToken *stop)
{
    const int total = int(ds.samples.size());
    std::vector<QString> reasons(ds.samples.size());
    std::atomic<int> done{0};
    if (ds.idx) {
        // IDX sizes come from the IDX header; nothing to read per image.
        if (progress)
            progress(total, total);
        return 0;
    }
    parallelFor(
        total, options.threads,
        [&](int i) {
            Sample &s = ds.samples[i];
            QString reason;
            if (const auto header = readImageHeader(s.path, &reason)) {
                s.width = header->width;
                s.height = header->height;
                const qint64 pixels = qint64(header->width) * header->height;
                if (pixels > options.limits.maxPixels)
                    reasons[i] = QCoreApplication::translate("loupe::scanner",
                                                             "image claims %1×%2 pixels, above the limit of %3 megapixels")
                                     .arg(header->width)
                                     .arg(header->height)
                                     .arg(options.limits.maxPixels / 1000000);
            } else {
                reasons[i] = reason;
            }
            reportProgress(progress, done, total);
        },
        stop);
    return moveBroken(ds, reasons);
}

int verifyImages(Dataset &ds, const ScanOptions &options, const ProgressFn &progress, const StopToken *stop)
{
    const int total = int(ds.samples.size());
    std::vector<QString> reasons(ds.samples.size());
    std::atomic<int> done{0};
    parallelFor(
        total, options.threads,
        [&](int i) {
            Sample &s = ds.samples[i];
            if (ds.idx) {
                const IdxImages &idx = *ds.idx;
                s.contentHash = contentHash(reinterpret_cast<const char *>(idx.image(s.idxIndex)),
                                            std::size_t(idx.rows) * idx.cols);
                reportProgress(progress, done, total);
                return;
            }
            QFile f(s.path);
            QByteArray bytes;
            if (!f.open(QIODevice::ReadOnly)) {
                reasons[i] = QCoreApplication::translate("loupe::scanner", "cannot read: %1").arg(f.errorString());
            } else if (f.size() > options.limits.maxFileBytes) {
                reasons[i] = QCoreApplication::translate("loupe::scanner", "file of %1 MB is above the limit of %2 MB")
                                 .arg(f.size() >> 20)
                                 .arg(options.limits.maxFileBytes >> 20);
            } else {
                bytes = f.readAll();
                DecodeOptions decode;
                decode.limits = options.limits;
                // 1/8 scale still entropy-decodes every block of a JPEG, so corruption shows, at a fraction of the cost.
                decode.scale = DecodeScale::Eighth;
                decode.grey = true;
                const DecodeResult result = decodeImageBytes(bytes, decode);
                if (!result.ok()) {
                    reasons[i] = result.error;
                } else {
                    s.width = result.header.width;
                    s.height = result.header.height;
                    s.contentHash = contentHash(bytes.constData(), std::size_t(bytes.size()));
                }
            }
            reportProgress(progress, done, total);
        },
        stop);
    return moveBroken(ds, reasons);
}

} // namespace loupe::scanner
