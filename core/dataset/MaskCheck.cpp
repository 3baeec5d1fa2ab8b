// scanner::checkMasks: every mask of a mask layout read once, for inspect's figures and its bad files.

#include "Parallel.h"
#include "dataset/DatasetScanner.h"
#include "dataset/Masks.h"

#include <QCoreApplication>

#include <opencv2/imgproc.hpp>

#include <atomic>

namespace loupe::scanner {

namespace {

struct SampleFigures {
    QString reason; ///< the mask cannot be used; the sample moves to badFiles
    quint64 background = 0;
    quint64 ignored = 0;
    std::vector<MaskStats::ClassFigures> classes;
};

bool smaller(const MaskStats::Region &a, const MaskStats::Region &b)
{
    const int sa = std::min(a.box.width(), a.box.height()), sb = std::min(b.box.width(), b.box.height());
    if (sa != sb)
        return sa < sb;
    return a.area < b.area;
}

SampleFigures measure(const Dataset &ds, const Sample &s, const DecodeLimits &limits)
{
    SampleFigures f;
    const ClassMask m = readClassMask(ds, s, limits);
    if (!m.ok()) {
        f.reason = m.error;
        return f;
    }
    int hist[256] = {};
    for (int y = 0; y < m.mask.rows; ++y) {
        const uchar *row = m.mask.ptr<uchar>(y);
        for (int x = 0; x < m.mask.cols; ++x)
            ++hist[row[x]];
    }
    f.background = quint64(hist[0]);
    f.ignored = quint64(hist[MaskCoding::kIgnore]);
    const int classCount = int(ds.classes.size());
    f.classes.resize(std::size_t(classCount));
    bool any = false;
    for (int k = 1; k <= classCount && k < MaskCoding::kIgnore; ++k) {
        if (hist[k] == 0)
            continue;
        any = true;
        MaskStats::ClassFigures &c = f.classes[std::size_t(k - 1)];
        c.pixels = quint64(hist[k]);
        c.images = 1;
        cv::Mat labels, stats, centroids;
        const int n = cv::connectedComponentsWithStats(m.mask == k, labels, stats, centroids, 8, CV_32S);
        for (int r = 1; r < n; ++r) { // 0 is everything else
            MaskStats::Region region;
            region.path = s.path;
            region.box = QRect(stats.at<int>(r, cv::CC_STAT_LEFT), stats.at<int>(r, cv::CC_STAT_TOP),
                stats.at<int>(r, cv::CC_STAT_WIDTH), stats.at<int>(r, cv::CC_STAT_HEIGHT));
            region.area = stats.at<int>(r, cv::CC_STAT_AREA);
            ++c.regions;
            if (std::min(region.box.width(), region.box.height()) < kMinVisibleObjectPx)
                ++c.underMinimum;
            if (!c.hasSmallest || smaller(region, c.smallest)) {
                c.smallest = region;
                c.hasSmallest = true;
            }
        }
    }
    if (!any && s.mask.foregroundClass >= 0)
        f.reason = QCoreApplication::translate("loupe::scanner", "mask is empty, yet its image is filed under \"%1\"")
                       .arg(ds.classes.value(s.mask.foregroundClass));
    return f;
}

} // namespace

int checkMasks(
    Dataset &ds, MaskStats &stats, const ScanOptions &options, const ProgressFn &progress, const StopToken *stop)
{
    stats = MaskStats();
    stats.classes.resize(std::size_t(ds.classes.size()));
    if (!ds.maskLayout)
        return 0;
    const int total = int(ds.samples.size());
    std::vector<SampleFigures> figures(static_cast<std::size_t>(total));
    std::vector<char> done(static_cast<std::size_t>(total), 0);
    std::atomic<int> count {0};
    parallelFor(
        total, options.threads,
        [&](int i) {
            figures[std::size_t(i)] = measure(ds, ds.samples[std::size_t(i)], options.limits);
            done[std::size_t(i)] = 1;
            const int d = count.fetch_add(1, std::memory_order_relaxed) + 1;
            if (progress)
                progress(d, total);
        },
        stop);
    // Merged in sample order, so the smallest region among equals is the first image's.
    std::vector<Sample> kept;
    kept.reserve(ds.samples.size());
    int broken = 0;
    for (int i = 0; i < total; ++i) {
        Sample &s = ds.samples[std::size_t(i)];
        const SampleFigures &f = figures[std::size_t(i)];
        if (!done[std::size_t(i)]) { // stopped early: kept, not counted
            kept.push_back(std::move(s));
            continue;
        }
        if (!f.reason.isEmpty()) {
            ds.badFiles.push_back({s.mask.isEmpty() ? s.path : s.mask.path, f.reason});
            ++broken;
            continue;
        }
        ++stats.images;
        stats.backgroundPixels += f.background;
        stats.ignoredPixels += f.ignored;
        bool any = false;
        for (std::size_t k = 0; k < f.classes.size(); ++k) {
            const MaskStats::ClassFigures &c = f.classes[k];
            MaskStats::ClassFigures &t = stats.classes[k];
            any = any || c.pixels > 0;
            t.pixels += c.pixels;
            t.images += c.images;
            t.regions += c.regions;
            t.underMinimum += c.underMinimum;
            if (c.hasSmallest && (!t.hasSmallest || smaller(c.smallest, t.smallest))) {
                t.smallest = c.smallest;
                t.hasSmallest = true;
            }
        }
        if (!any)
            ++stats.emptyImages;
        kept.push_back(std::move(s));
    }
    ds.samples = std::move(kept);
    stats.scanned = !(stop && stop->stopRequested());
    return broken;
}

} // namespace loupe::scanner
