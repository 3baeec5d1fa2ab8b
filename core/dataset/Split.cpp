#include "dataset/Split.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <limits>
#include <random>

namespace loupe {

namespace {

// std::shuffle's distribution differs between standard libraries; this one is ours everywhere.
void shuffle(std::vector<int> &v, std::mt19937_64 &rng)
{
    for (std::size_t i = v.size(); i > 1; --i) {
        const std::uint64_t bound = i;
        const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % bound;
        std::uint64_t r;
        do
            r = rng();
        while (r >= limit);
        std::swap(v[i - 1], v[std::size_t(r % bound)]);
    }
}

int stratum(const Sample &s)
{
    if (s.classId >= 0)
        return s.classId;
    return s.objects.empty() ? -1 : s.objects.front().classId;
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
    std::mt19937_64 rng(seed);
    for (auto &[cls, indices] : byClass) {
        shuffle(indices, rng);
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
