#include "dataset/Split.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace loupe {

namespace {

// An image's place in its class's order: a hash of its file name (not its folder, which a relabel
// by moving the file changes) and the seed. FNV-1a over UTF-8, finished by splitmix64, so the
// order is the same on every machine and does not depend on which other images exist.
quint64 rankKey(const QString &path, quint64 seed)
{
    const int slash = int(path.lastIndexOf(QLatin1Char('/')));
    const QByteArray name = path.mid(slash + 1).toUtf8();
    quint64 h = 1469598103934665603ull ^ (seed * 0x9E3779B97F4A7C15ull);
    for (const char c : name) {
        h ^= quint8(c);
        h *= 1099511628211ull;
    }
    h += 0x9E3779B97F4A7C15ull;
    h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ull;
    h = (h ^ (h >> 27)) * 0x94D049BB133111EBull;
    return h ^ (h >> 31);
}

int stratum(const Sample &s)
{
    if (s.classId >= 0)
        return s.classId;
    if (s.mask.foregroundClass >= 0) // MVTec: the defect folder
        return s.mask.foregroundClass;
    for (const Annotation &a : s.objects)
        if (!a.crowd) // crowd regions are not objects
            return a.classId;
    return -1;
}

} // namespace

SplitName splitOfFolder(const QString &name)
{
    const QString n = name.toLower();
    if (n == QLatin1String("train") || n == QLatin1String("training"))
        return SplitName::Train;
    if (n == QLatin1String("valid") || n == QLatin1String("val") || n == QLatin1String("validation")
        || n == QLatin1String("dev"))
        return SplitName::Dev;
    if (n == QLatin1String("test") || n == QLatin1String("testing"))
        return SplitName::Test;
    return SplitName::None;
}

SplitAssignment stratifiedSplit(const Dataset &dataset, const SplitFractions &fractions, quint64 seed)
{
    SplitAssignment out;
    std::map<int, std::vector<int>> byClass;
    for (int i = 0; i < int(dataset.samples.size()); ++i) {
        const Sample &s = dataset.samples[i];
        switch (s.split) {
        case SplitName::Train: out.train.push_back(i); break;
        case SplitName::Dev: out.dev.push_back(i); break;
        case SplitName::Test: out.test.push_back(i); break;
        case SplitName::None: byClass[stratum(s)].push_back(i); break;
        }
    }

    const double sum = std::max(1e-12, fractions.train + fractions.dev + fractions.test);
    const double devShare = fractions.dev / sum;
    const double testShare = fractions.test / sum;
    for (auto &[cls, indices] : byClass) {
        // Ranked, not shuffled: relabelling, adding or removing an image moves at most the images
        // at the dev/test boundary of the classes it touches; a shuffle would redraw everything.
        std::vector<std::pair<quint64, int>> ranked;
        ranked.reserve(indices.size());
        for (int i : indices)
            ranked.emplace_back(rankKey(dataset.samples[std::size_t(i)].path, seed), i);
        std::sort(ranked.begin(), ranked.end(), [&](const auto &a, const auto &b) {
            if (a.first != b.first)
                return a.first < b.first;
            return dataset.samples[std::size_t(a.second)].path < dataset.samples[std::size_t(b.second)].path;
        });
        for (std::size_t k = 0; k < ranked.size(); ++k)
            indices[k] = ranked[k].second;
        const int n = int(indices.size());
        // Rounding per class keeps every class represented in dev once it has a few images.
        int nDev = int(std::lround(n * devShare));
        int nTest = int(std::lround(n * testShare));
        if (nDev + nTest > n)
            nTest = n - nDev;
        for (int k = 0; k < n; ++k) {
            if (k < nDev)
                out.dev.push_back(indices[k]);
            else if (k < nDev + nTest)
                out.test.push_back(indices[k]);
            else
                out.train.push_back(indices[k]);
        }
    }
    std::sort(out.train.begin(), out.train.end());
    std::sort(out.dev.begin(), out.dev.end());
    std::sort(out.test.begin(), out.test.end());
    return out;
}

} // namespace loupe
