#include "eval/DevSets.h"

#include "dataset/Errors.h"
#include "eval/Predictions.h"

#include <QFileInfo>

#include <algorithm>

namespace loupe {

DevSet readDevSet(const QString &runDir)
{
    DevSet set;
    const QString file = predictionfiles::historyPath(runDir);
    if (!QFileInfo(file).isFile())
        return set;
    try {
        const PredictionHistory h = predictionfiles::readHistory(file, /*headerOnly=*/true);
        for (int i = 0; i < h.paths.size(); ++i)
            set.keys.append(h.paths.at(i).section(QLatin1Char('/'), -1) + QLatin1Char('\t')
                            + h.classes.value(h.truth[std::size_t(i)]));
    } catch (const LabelFileError &) {
        return set;
    }
    set.keys.sort();
    set.known = true;
    return set;
}

DevSetOverlap compareDevSets(const DevSet &a, const DevSet &b)
{
    DevSetOverlap o;
    o.known = a.known && b.known;
    o.sizeA = int(a.keys.size());
    o.sizeB = int(b.keys.size());
    // Both sorted: count the common keys, repeated ones (same name, same class) as often as both hold them.
    auto i = a.keys.begin();
    auto j = b.keys.begin();
    while (i != a.keys.end() && j != b.keys.end()) {
        if (*i < *j) {
            ++i;
        } else if (*j < *i) {
            ++j;
        } else {
            ++o.shared;
            ++i;
            ++j;
        }
    }
    return o;
}

} // namespace loupe
