#include "dataset/DatasetStats.h"

#include "Translations.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

namespace loupe {

namespace {

template <typename T>
T median(std::vector<T> v)
{
    if (v.empty())
        return T();
    std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
    return v[v.size() / 2];
}

QString shortName(const QString &path)
{
    return QFileInfo(path).fileName();
}

// Lists every name when there are few, else the first ones and how many more.
QString quotedNames(const QStringList &names)
{
    constexpr int kNamed = 10;
    const int shown = names.size() <= kNamed + 2 ? int(names.size()) : kNamed; // name two more rather than count them
    QStringList quoted;
    for (int i = 0; i < shown; ++i)
        quoted.append(QLatin1Char('"') + names.at(i) + QLatin1Char('"'));
    QString text = quoted.join(QLatin1String(", "));
    if (shown < names.size())
        text = QCoreApplication::translate("loupe::DatasetStats", "%1, … and %2 more")
                   .arg(text, QString::number(names.size() - shown));
    return text;
}

void countClasses(const Dataset &ds, DatasetStats &st)
{
    std::vector<int> counts(ds.classes.size(), 0);
    bool imageLevel = false;
    for (const Sample &s : ds.samples)
        imageLevel = imageLevel || s.classId >= 0;
    st.countsObjects = !imageLevel && ds.hasObjects();
    for (const Sample &s : ds.samples) {
        if (ds.maskLayout) {
            // Images holding the class: from the masks once read, else from the defect folder (MVTec).
            // An all-background image is a negative, not an unlabelled image.
            if (!st.masks.scanned && s.mask.foregroundClass >= 0 && s.mask.foregroundClass < int(counts.size()))
                ++counts[s.mask.foregroundClass];
        } else if (st.countsObjects) {
            bool any = false;
            for (const Annotation &a : s.objects) {
                if (a.crowd)
                    continue;
                any = true;
                if (a.classId >= 0 && a.classId < int(counts.size()))
                    ++counts[a.classId];
            }
            st.unlabelled += any ? 0 : 1;
        } else if (s.classId >= 0 && s.classId < int(counts.size())) {
            ++counts[s.classId];
        } else {
            ++st.unlabelled;
        }
    }
    if (ds.maskLayout && st.masks.scanned)
        for (std::size_t i = 0; i < counts.size() && i < st.masks.classes.size(); ++i)
            counts[i] = st.masks.classes[i].images;
    int total = 0, most = 0, mostIndex = -1;
    for (int i = 0; i < int(counts.size()); ++i) {
        total += counts[i];
        if (counts[i] > most) {
            most = counts[i];
            mostIndex = i;
        }
    }
    QStringList unused;
    for (int i = 0; i < int(counts.size()); ++i) {
        DatasetStats::ClassCount c;
        c.name = ds.classes.at(i);
        c.count = counts[i];
        c.share = total > 0 ? double(counts[i]) / total : 0.0;
        // The practice's rule: a label used less than half the time of the most common one.
        c.underRepresented = most > 0 && 2 * counts[i] < most;
        st.classes.push_back(c);
        if (most > 0 && c.count == 0) {
            // A label file listing every class of a benchmark (COCO's 80) while using a few: one warning, not one each.
            unused.append(c.name);
        } else if (c.underRepresented) {
            const char *text = st.countsObjects
                ? QT_TRANSLATE_NOOP("loupe::DatasetStats",
                                    "class \"%1\" has %2 objects (%3%), less than half of \"%4\" (%5): "
                                    "collect more, or weight classes")
                : QT_TRANSLATE_NOOP("loupe::DatasetStats",
                                    "class \"%1\" has %2 images (%3%), less than half of \"%4\" (%5): "
                                    "collect more, or weight classes");
            st.warnings.append(QCoreApplication::translate("loupe::DatasetStats", text)
                                   .arg(c.name)
                                   .arg(c.count)
                                   .arg(localeNumber(c.share * 100.0, 'f', 1))
                                   .arg(ds.classes.at(mostIndex))
                                   .arg(most));
        }
    }
    if (!unused.isEmpty()) {
        const char *text = st.countsObjects
            ? QT_TRANSLATE_NOOP("loupe::DatasetStats", "no objects in %1 of %2 classes: %3")
            : QT_TRANSLATE_NOOP("loupe::DatasetStats", "no images in %1 of %2 classes: %3");
        st.warnings.append(QCoreApplication::translate("loupe::DatasetStats", text)
                               .arg(QString::number(unused.size()), QString::number(counts.size()),
                                    quotedNames(unused)));
    }
    if (st.unlabelled > 0 && !st.countsObjects)
        st.warnings.append(QCoreApplication::translate("loupe::DatasetStats", "%n image(s) have no label", nullptr,
                                                       st.unlabelled));
}

void sizeStats(const Dataset &ds, DatasetStats &st)
{
    std::vector<std::pair<qint64, QSize>> byArea;
    std::vector<double> aspects;
    for (const Sample &s : ds.samples) {
        if (s.width <= 0 || s.height <= 0)
            continue;
        byArea.push_back({qint64(s.width) * s.height, QSize(s.width, s.height)});
        aspects.push_back(double(s.width) / s.height);
    }
    if (byArea.empty())
        return;
    auto less = [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first < b.first : a.second.width() < b.second.width();
    };
    std::sort(byArea.begin(), byArea.end(), less);
    st.minSize = byArea.front().second;
    st.maxSize = byArea.back().second;
    st.medianSize = byArea[byArea.size() / 2].second;
    st.minAspect = *std::min_element(aspects.begin(), aspects.end());
    st.maxAspect = *std::max_element(aspects.begin(), aspects.end());
    st.medianAspect = median(aspects);
    if (st.maxAspect >= 3.0 || st.minAspect <= 1.0 / 3.0)
        st.warnings.append(QCoreApplication::translate(
                               "loupe::DatasetStats",
                               "aspect ratios reach %1:1; rotating such images by 90° loses much of their detail")
                               .arg(localeNumber(std::max(st.maxAspect, 1.0 / st.minAspect), 'f', 1)));
}

void objectStats(const Dataset &ds, DatasetStats &st)
{
    std::vector<DatasetStats::ObjectRef> all;
    for (const Sample &s : ds.samples) {
        for (const Annotation &a : s.objects) {
            if (a.crowd) {
                ++st.crowdCount;
                continue;
            }
            ++st.objectCount;
            const double w = a.box.width(), h = a.box.height();
            const double shortSide = std::min(w, h);
            int bin = 0;
            while (bin < DatasetStats::kSizeBins - 1 && shortSide >= DatasetStats::sizeBinUpperBound(bin))
                ++bin;
            ++st.objectSizeHistogram[bin];
            if (s.width > 0 && s.height > 0) {
                const int cx = std::clamp(int(a.box.center().x() / s.width * DatasetStats::kHeatmapCells), 0,
                                          DatasetStats::kHeatmapCells - 1);
                const int cy = std::clamp(int(a.box.center().y() / s.height * DatasetStats::kHeatmapCells), 0,
                                          DatasetStats::kHeatmapCells - 1);
                ++st.heatmap[cy][cx];
            }
            DatasetStats::ObjectRef ref;
            ref.path = s.path;
            ref.className = ds.classes.value(a.classId);
            ref.box = a.box;
            ref.imageSize = QSize(s.width, s.height);
            // Keeping aspect, a resize to width W' scales the object's shorter side by W'/W.
            if (shortSide > 0 && s.width > 0)
                ref.minSafeWidth = int(std::ceil(kMinVisibleObjectPx * double(s.width) / shortSide - 1e-9));
            all.push_back(ref);
        }
    }
    if (all.empty())
        return;
    // DESIGN's smallest_px rule: the shorter side, ties broken by area. The resize an object needs
    // also depends on its image's width, so it is a column of the list, not its order.
    auto smaller = [](const DatasetStats::ObjectRef &a, const DatasetStats::ObjectRef &b) {
        const double sa = std::min(a.box.width(), a.box.height()), sb = std::min(b.box.width(), b.box.height());
        if (sa != sb)
            return sa < sb;
        return a.box.width() * a.box.height() < b.box.width() * b.box.height();
    };
    std::stable_sort(all.begin(), all.end(), smaller);
    st.smallestObject = all.front().box.size();
    for (std::size_t i = 0; i < all.size() && i < 5; ++i)
        st.smallestObjects.push_back(all[i]);
    const auto atRisk = std::max_element(all.begin(), all.end(), [](const auto &a, const auto &b) {
        return a.minSafeWidth < b.minSafeWidth;
    });
    st.minSafeWidth = atRisk->minSafeWidth;

    auto underFiveAtFullSize = [](const DatasetStats::ObjectRef &o) {
        return o.imageSize.width() > 0 && o.minSafeWidth > o.imageSize.width();
    };
    const int tooSmall = int(std::count_if(all.begin(), all.end(), underFiveAtFullSize));
    QStringList named;
    for (const auto &o : st.smallestObjects) {
        if (tooSmall > 0 && !underFiveAtFullSize(o))
            break; // the list is by size, so the objects under 5 px come first
        // The resize each object needs is a column of the list; it is left out where no resize helps.
        const bool column = !underFiveAtFullSize(o) && o.minSafeWidth > 0;
        const QString w = QString::number(o.box.width(), 'f', 0), h = QString::number(o.box.height(), 'f', 0);
        const QString text = column
            ? QCoreApplication::translate("loupe::DatasetStats", "%1×%2 px \"%3\" in %4 (needs %5 px wide)")
                  .arg(w, h, o.className, shortName(o.path), QString::number(o.minSafeWidth))
            : QCoreApplication::translate("loupe::DatasetStats", "%1×%2 px \"%3\" in %4")
                  .arg(w, h, o.className, shortName(o.path));
        named.append(text);
    }
    if (tooSmall > 0)
        st.warnings.append(QCoreApplication::translate("loupe::DatasetStats",
                                                       "%n object(s) smaller than 5×5 px even at full size: %1; crop "
                                                       "to the region of interest or tile the image instead of "
                                                       "downsizing",
                                                       nullptr, tooSmall)
                               .arg(named.join(QLatin1String("; "))));
    else if (st.minSafeWidth <= 0) // image sizes not read yet
        st.warnings.append(QCoreApplication::translate("loupe::DatasetStats", "smallest objects: %1")
                               .arg(named.join(QLatin1String("; "))));
    else
        st.warnings.append(QCoreApplication::translate("loupe::DatasetStats",
                                                       "smallest objects: %1; every object stays at least 5×5 px "
                                                       "only when images are resized to %2 px wide or more "
                                                       "(from %3 px)")
                               .arg(named.join(QLatin1String("; ")))
                               .arg(st.minSafeWidth)
                               .arg(atRisk->imageSize.width()));
}

// The boxes' 5×5 px rule applied to mask regions: a region thinner than 5 px is lost to any downsizing.
void maskStats(const Dataset &ds, DatasetStats &st)
{
    if (!st.masks.scanned)
        return;
    for (std::size_t k = 0; k < st.masks.classes.size(); ++k) {
        const MaskStats::ClassFigures &c = st.masks.classes[k];
        if (c.underMinimum == 0 || !c.hasSmallest)
            continue;
        st.warnings.append(QCoreApplication::translate("loupe::DatasetStats",
                                                       "%n region(s) of \"%1\" are under 5 px on their shorter side "
                                                       "even at full size (the smallest: %2×%3 px in %4); crop to the "
                                                       "region of interest or tile the image instead of downsizing",
                                                       nullptr, c.underMinimum)
                               .arg(ds.classes.value(int(k)))
                               .arg(c.smallest.box.width())
                               .arg(c.smallest.box.height())
                               .arg(shortName(c.smallest.path)));
    }
}

void duplicateStats(const Dataset &ds, DatasetStats &st)
{
    std::unordered_map<quint64, std::vector<int>> byHash;
    for (int i = 0; i < int(ds.samples.size()); ++i)
        if (ds.samples[i].contentHash != 0)
            byHash[ds.samples[i].contentHash].push_back(i);
    std::vector<std::vector<int>> groups;
    for (auto &[hash, members] : byHash)
        if (members.size() > 1)
            groups.push_back(members);
    std::sort(groups.begin(), groups.end()); // by first member: stable output for the same dataset
    int duplicateFiles = 0, conflicting = 0;
    for (const auto &members : groups) {
        QStringList paths;
        std::set<int> labels;
        for (int i : members) {
            paths.append(ds.samples[i].path);
            labels.insert(ds.samples[i].classId);
        }
        duplicateFiles += int(members.size()) - 1;
        st.duplicateGroups.push_back(paths);
        if (labels.size() > 1) {
            QStringList labelled;
            for (int i : members)
                labelled.append(ds.samples[i].path + QLatin1String(" (") + ds.classes.value(ds.samples[i].classId)
                                + QLatin1Char(')'));
            st.conflictGroups.push_back(labelled);
            ++conflicting;
        }
    }
    if (duplicateFiles > 0)
        st.warnings.append(QCoreApplication::translate("loupe::DatasetStats",
                                                       "%n file(s) are exact copies of another image; a copy in both "
                                                       "train and dev inflates dev scores",
                                                       nullptr, duplicateFiles));
    if (conflicting > 0)
        st.warnings.append(QCoreApplication::translate("loupe::DatasetStats",
                                                       "%n image(s) appear under two or more different labels: %1",
                                                       nullptr, conflicting)
                               .arg(st.conflictGroups.front().join(QLatin1String(", "))));
}

} // namespace

DatasetStats computeStats(const Dataset &ds, const MaskStats *masks)
{
    DatasetStats st;
    st.images = int(ds.samples.size());
    if (masks)
        st.masks = *masks;
    countClasses(ds, st);
    sizeStats(ds, st);
    objectStats(ds, st);
    maskStats(ds, st);
    duplicateStats(ds, st);
    return st;
}

} // namespace loupe
