#pragma once

// What an importer read, counted the way the layout tests compare it with an independent count.

#include "dataset/Dataset.h"

#include <algorithm>

namespace loupe::test {

/// Objects (crowd regions included) over every image of a dataset.
inline int objectCount(const Dataset &ds)
{
    int n = 0;
    for (const Sample &s : ds.samples)
        n += int(s.objects.size());
    return n;
}

/// Images the dataset's layout places in `split`.
inline int splitCount(const Dataset &ds, SplitName split)
{
    return int(std::count_if(ds.samples.begin(), ds.samples.end(), [&](const Sample &s) { return s.split == split; }));
}

} // namespace loupe::test
