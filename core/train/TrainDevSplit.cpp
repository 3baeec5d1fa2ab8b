#include "train/TrainDevSplit.h"

#include "dataset/Split.h"

namespace loupe {

TrainDevSplit splitForTraining(const Dataset &data, double devFraction, quint64 seed)
{
    TrainDevSplit out;
    bool hasOwnSplit = false;
    for (const Sample &s : data.samples)
        hasOwnSplit = hasOwnSplit || s.split == SplitName::Dev;
    if (hasOwnSplit) {
        for (int i = 0; i < int(data.samples.size()); ++i) {
            if (data.samples[i].classId < 0)
                continue;
            if (data.samples[i].split == SplitName::Dev)
                out.dev.push_back(i);
            else if (data.samples[i].split != SplitName::Test)
                out.train.push_back(i);
        }
    } else {
        Dataset labelled = data;
        std::vector<int> map;
        labelled.samples.clear();
        for (int i = 0; i < int(data.samples.size()); ++i) {
            if (data.samples[i].classId >= 0 && data.samples[i].split != SplitName::Test) {
                labelled.samples.push_back(data.samples[i]);
                labelled.samples.back().split = SplitName::None;
                map.push_back(i);
            }
        }
        const SplitAssignment split = stratifiedSplit(labelled, {1.0 - devFraction, devFraction, 0.0}, seed);
        for (int i : split.train)
            out.train.push_back(map[i]);
        for (int i : split.dev)
            out.dev.push_back(map[i]);
    }
    for (int i = 0; i < int(data.samples.size()); ++i)
        if (data.samples[std::size_t(i)].classId >= 0 && data.samples[std::size_t(i)].split == SplitName::Test)
            out.test.push_back(i);
    return out;
}

TrainDevSplit splitForDetection(const Dataset &data, double devFraction, quint64 seed)
{
    Dataset byObject = data;
    byObject.classes.append(QStringLiteral("(none)"));
    for (Sample &s : byObject.samples) {
        s.classId = int(data.classes.size());
        for (const Annotation &a : s.objects)
            if (!a.crowd && a.classId >= 0) {
                s.classId = a.classId;
                break;
            }
    }
    return splitForTraining(byObject, devFraction, seed);
}

} // namespace loupe
