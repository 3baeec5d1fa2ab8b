#include "dataset/Inspection.h"

#include "Translations.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>

#include <nlohmann/json.hpp>

namespace loupe {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::Inspection)
};

std::string u8(const QString &s)
{
    return s.toStdString();
}

nlohmann::json sizeJson(const QSize &s)
{
    return nlohmann::json::array({s.width(), s.height()});
}

QString sizeText(const QSize &s)
{
    return QStringLiteral("%1×%2").arg(s.width()).arg(s.height());
}

} // namespace

Inspection inspectDataset(const QString &path, const InspectOptions &options, const InspectProgressFn &progress,
                          const StopToken *stop, const InspectIndexedFn &indexed)
{
    Inspection out;
    if (progress)
        progress(InspectPhase::Import, 0, 0);
    out.dataset = importDataset(path, options.import);
    QElapsedTimer timer;
    timer.start();
    scanner::readHeaders(
        out.dataset, options.scan,
        [&](int done, int total) {
            if (progress)
                progress(InspectPhase::Headers, done, total);
        },
        stop);
    out.headerSeconds = timer.nsecsElapsed() / 1e9;
    if (indexed && options.verify && !(stop && stop->stopRequested())) {
        Inspection early = out;
        early.stats = computeStats(early.dataset);
        indexed(early);
    }
    if (options.verify && !(stop && stop->stopRequested())) {
        timer.restart();
        scanner::verifyImages(
            out.dataset, options.scan,
            [&](int done, int total) {
                if (progress)
                    progress(InspectPhase::Verify, done, total);
            },
            stop);
        out.verifySeconds = timer.nsecsElapsed() / 1e9;
        out.verified = !(stop && stop->stopRequested());
    }
    MaskStats masks;
    if (out.dataset.maskLayout && options.verify && !(stop && stop->stopRequested())) {
        timer.restart();
        scanner::checkMasks(
            out.dataset, masks, options.scan,
            [&](int done, int total) {
                if (progress)
                    progress(InspectPhase::Masks, done, total);
            },
            stop);
        out.maskSeconds = timer.nsecsElapsed() / 1e9;
    }
    out.stopped = stop && stop->stopRequested();
    out.stats = computeStats(out.dataset, &masks);
    return out;
}

QByteArray reportJson(const Inspection &in)
{
    const Dataset &ds = in.dataset;
    const DatasetStats &st = in.stats;
    nlohmann::json j;
    j["format"] = u8(ds.format);
    j["root"] = u8(ds.root);
    j["layout"] = u8(ds.layout);
    j["layout_source"] = u8(ds.layoutSource);
    j["images"] = st.images;
    j["class_counts_are"] = st.countsObjects ? "objects" : "images";
    nlohmann::json classes = nlohmann::json::array();
    for (const auto &c : st.classes)
        classes.push_back({{"name", u8(c.name)},
                           {"count", c.count},
                           {"share", c.share},
                           {"under_represented", c.underRepresented}});
    j["classes"] = classes;
    nlohmann::json bad = nlohmann::json::array();
    for (const BadFile &b : ds.badFiles)
        bad.push_back({{"path", u8(b.path)}, {"reason", u8(b.reason)}});
    j["bad_files"] = bad;
    if (st.images > 0 && !st.minSize.isEmpty()) {
        j["image_size"] = {{"min", sizeJson(st.minSize)}, {"median", sizeJson(st.medianSize)}, {"max", sizeJson(st.maxSize)}};
        j["aspect_ratio"] = {{"min", st.minAspect}, {"median", st.medianAspect}, {"max", st.maxAspect}};
    } else {
        j["image_size"] = nullptr;
    }
    // Crowd regions are not objects: no other object figure includes them.
    nlohmann::json objects = {{"count", st.objectCount}, {"crowd_regions", st.crowdCount}};
    if (st.objectCount > 0) {
        objects["smallest_px"] = nlohmann::json::array({st.smallestObject.width(), st.smallestObject.height()});
        objects["min_safe_width"] = st.minSafeWidth;
        nlohmann::json hist = nlohmann::json::array();
        for (int b = 0; b < DatasetStats::kSizeBins; ++b)
            hist.push_back({{"below_px", b + 1 < DatasetStats::kSizeBins ? nlohmann::json(DatasetStats::sizeBinUpperBound(b))
                                                                          : nlohmann::json(nullptr)},
                            {"count", st.objectSizeHistogram[b]}});
        objects["size_histogram"] = hist;
        objects["heatmap"] = st.heatmap;
        nlohmann::json smallest = nlohmann::json::array();
        for (const auto &o : st.smallestObjects)
            smallest.push_back({{"path", u8(o.path)},
                                {"class", u8(o.className)},
                                {"box", {o.box.x(), o.box.y(), o.box.width(), o.box.height()}},
                                {"min_safe_width", o.minSafeWidth}});
        objects["smallest"] = smallest;
    }
    j["objects"] = objects;
    if (ds.maskLayout) {
        const MaskStats &m = st.masks;
        nlohmann::json masks = {{"checked", m.scanned}};
        if (m.scanned) {
            masks["images"] = m.images;
            masks["empty_images"] = m.emptyImages;
            masks["background_pixels"] = m.backgroundPixels;
            masks["ignored_pixels"] = m.ignoredPixels;
            nlohmann::json perClass = nlohmann::json::array();
            for (std::size_t k = 0; k < m.classes.size(); ++k) {
                const MaskStats::ClassFigures &c = m.classes[k];
                nlohmann::json one = {{"name", u8(ds.classes.value(int(k)))},
                                      {"pixels", c.pixels},
                                      {"images", c.images},
                                      {"regions", c.regions},
                                      {"under_5px", c.underMinimum}};
                if (c.hasSmallest) {
                    one["smallest_px"] = nlohmann::json::array({c.smallest.box.width(), c.smallest.box.height()});
                    one["smallest_area"] = c.smallest.area;
                    one["smallest_path"] = u8(c.smallest.path);
                }
                perClass.push_back(one);
            }
            masks["per_class"] = perClass;
        }
        j["masks"] = masks;
    }
    nlohmann::json dups = nlohmann::json::array();
    for (const QStringList &g : st.duplicateGroups) {
        nlohmann::json paths = nlohmann::json::array();
        for (const QString &p : g)
            paths.push_back(u8(p));
        dups.push_back(paths);
    }
    j["duplicates"] = dups;
    nlohmann::json conflicts = nlohmann::json::array();
    for (const QStringList &g : st.conflictGroups) {
        nlohmann::json items = nlohmann::json::array();
        for (const QString &p : g)
            items.push_back(u8(p));
        conflicts.push_back(items);
    }
    j["conflicting_labels"] = conflicts;
    nlohmann::json warnings = nlohmann::json::array();
    for (const QString &w : ds.warnings + st.warnings)
        warnings.push_back(u8(w));
    j["warnings"] = warnings;
    j["seconds"] = {{"headers", in.headerSeconds}, {"verify", in.verifySeconds}, {"masks", in.maskSeconds}};
    j["complete"] = !in.stopped;
    return QByteArray::fromStdString(j.dump(2));
}

QString formatReport(const Inspection &in)
{
    const Dataset &ds = in.dataset;
    const DatasetStats &st = in.stats;
    QString r;
    r += Text::tr("Dataset   %1 (%2)\n").arg(ds.root, ds.format);
    if (!ds.layout.isEmpty())
        r += ds.layoutSource.isEmpty() ? Text::tr("Layout    %1\n").arg(ds.layout)
                                       : Text::tr("Layout    %1 (from %2)\n").arg(ds.layout, ds.layoutSource);
    r += Text::tr("Images    %1 readable, %2 broken or missing\n").arg(st.images).arg(ds.badFiles.size());
    if (!st.minSize.isEmpty())
        r += Text::tr("Size      min %1, median %2, max %3 px; aspect %4–%5\n")
                 .arg(sizeText(st.minSize), sizeText(st.medianSize), sizeText(st.maxSize))
                 .arg(localeNumber(st.minAspect, 'f', 2), localeNumber(st.maxAspect, 'f', 2));
    r += QLatin1Char('\n');
    r += st.countsObjects ? Text::tr("Classes (objects per class)\n") : Text::tr("Classes (images per class)\n");
    int nameWidth = 8;
    int most = 1;
    for (const auto &c : st.classes) {
        nameWidth = std::max(nameWidth, int(c.name.size()));
        most = std::max(most, c.count);
    }
    for (const auto &c : st.classes) {
        const int bar = int(std::lround(30.0 * c.count / most));
        r += QStringLiteral("  %1 %2 %3% %4%5\n")
                 .arg(c.name, -nameWidth)
                 .arg(c.count, 7)
                 .arg(localeNumber(c.share * 100.0, 'f', 1), 5)
                 .arg(QString(bar, QChar(0x2588)))
                 .arg(c.underRepresented ? Text::tr("  ← under-represented") : QString());
    }
    if (st.objectCount > 0) {
        r += QLatin1Char('\n');
        r += Text::tr("Objects   %1 in %2 images (%3 images without objects); smallest %4×%5 px\n")
                 .arg(st.objectCount)
                 .arg(st.images - st.unlabelled)
                 .arg(st.unlabelled)
                 .arg(st.smallestObject.width(), 0, 'f', 0)
                 .arg(st.smallestObject.height(), 0, 'f', 0);
        if (st.crowdCount > 0)
            r += Text::tr("  plus %n crowd region(s) (COCO iscrowd), shown but not counted as objects\n", nullptr,
                          st.crowdCount);
        const int widest = st.maxSize.width();
        if (st.minSafeWidth > widest)
            r += Text::tr("  some objects are under 5×5 px even at full size: crop or tile rather than downsize\n");
        else
            r += Text::tr("  every object stays at least 5×5 px when images are resized to %1 px wide or more\n")
                     .arg(st.minSafeWidth);
        r += Text::tr("  shorter side:");
        for (int b = 0; b < DatasetStats::kSizeBins; ++b) {
            const QString bound = b + 1 < DatasetStats::kSizeBins
                ? QStringLiteral("<%1").arg(DatasetStats::sizeBinUpperBound(b))
                : QStringLiteral("≥%1").arg(DatasetStats::sizeBinUpperBound(b - 1));
            r += QStringLiteral(" %1:%2").arg(bound).arg(st.objectSizeHistogram[b]);
        }
        r += QLatin1Char('\n');
        r += Text::tr("  where objects sit (8×8 grid of the image, darker = more):\n");
        int hot = 1;
        for (const auto &row : st.heatmap)
            for (int v : row)
                hot = std::max(hot, v);
        static const QChar shades[] = {QChar(0x00B7), QChar(0x2591), QChar(0x2592), QChar(0x2593), QChar(0x2588)};
        for (const auto &row : st.heatmap) {
            r += QStringLiteral("    ");
            for (int v : row) {
                const int level = v == 0 ? 0 : 1 + std::min(3, int(4.0 * v / (hot + 1)));
                r += shades[level];
                r += shades[level];
            }
            r += QLatin1Char('\n');
        }
    }
    if (ds.maskLayout && st.masks.scanned) {
        const MaskStats &m = st.masks;
        r += QLatin1Char('\n');
        r += Text::tr("Masks     %1 read, %2 all background, %3 pixels ignored (255)\n")
                 .arg(m.images)
                 .arg(m.emptyImages)
                 .arg(m.ignoredPixels);
        int nameWidth = 8;
        for (const QString &c : ds.classes)
            nameWidth = std::max(nameWidth, int(c.size()));
        for (std::size_t k = 0; k < m.classes.size(); ++k) {
            const MaskStats::ClassFigures &c = m.classes[k];
            r += QStringLiteral("  %1 ").arg(ds.classes.value(int(k)), -nameWidth);
            r += c.hasSmallest ? Text::tr("%1 px in %2 images, %3 regions, smallest %4×%5 px%6\n")
                                     .arg(c.pixels)
                                     .arg(c.images)
                                     .arg(c.regions)
                                     .arg(c.smallest.box.width())
                                     .arg(c.smallest.box.height())
                                     .arg(c.underMinimum > 0 ? Text::tr("  ← %n under 5 px", nullptr, c.underMinimum)
                                                             : QString())
                               : Text::tr("no pixels\n");
        }
    }
    if (!ds.badFiles.empty()) {
        r += QLatin1Char('\n');
        r += Text::tr("Broken or missing files (%n, skipped)\n", nullptr, int(ds.badFiles.size()));
        for (const BadFile &b : ds.badFiles)
            r += QStringLiteral("  %1: %2\n").arg(b.path, b.reason);
    }
    if (!st.duplicateGroups.empty()) {
        r += QLatin1Char('\n');
        r += Text::tr("Identical files (%n group(s))\n", nullptr, int(st.duplicateGroups.size()));
        for (const QStringList &g : st.duplicateGroups)
            r += QStringLiteral("  %1\n").arg(g.join(QLatin1String("  =  ")));
    }
    const QStringList warnings = ds.warnings + st.warnings;
    if (!warnings.isEmpty()) {
        r += QLatin1Char('\n');
        r += Text::tr("Warnings\n");
        for (const QString &w : warnings)
            r += QStringLiteral("  ! %1\n").arg(w);
    }
    if (in.stopped)
        r += Text::tr("\n(stopped early: figures cover only the files read)\n");
    return r;
}

} // namespace loupe
