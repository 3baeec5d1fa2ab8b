#pragma once

// Which runs can be ranked against each other: only runs judged on the same dev images with the
// same labels. A split redrawn after a relabel, another --dev-fraction or seed, or another
// dataset makes two scores incomparable, however close they look.

#include <QString>
#include <QStringList>

namespace loupe {

/// The dev images a run was judged on, from its dev-history.jsonl: one key per image, its file
/// name and its true class, sorted. The folder is left out, so a relabel by moving the file between
/// class folders changes the class, not the name.
struct DevSet {
    QStringList keys;
    bool known = false; ///< false when the run has no readable dev history (older runs, runs killed at once)
};

DevSet readDevSet(const QString &runDir);

/// How far two runs' dev sets agree.
struct DevSetOverlap {
    int sizeA = 0;
    int sizeB = 0;
    int shared = 0;     ///< images in both with the same label
    bool known = false; ///< both dev sets were readable
    bool same() const { return known && shared == sizeA && shared == sizeB; }
};

DevSetOverlap compareDevSets(const DevSet &a, const DevSet &b);

} // namespace loupe
