#pragma once

// Shared by the libFuzzer harnesses: a scratch folder in memory-backed /dev/shm, the split of one
// fuzz input into several files, and the invariants every imported Dataset must keep.

#include "dataset/Dataset.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace loupe::fuzz {

/// Separates the files of one input ("data.yaml\n--8<--\nlabels.txt"); also in the dictionaries.
inline const QByteArray kSeparator = QByteArrayLiteral("\n--8<--\n");

#include <stdexcept>

#ifdef LOUPE_FUZZ_REPLAY
// tests/tst_fuzz_regressions includes every harness and calls each by name; a broken invariant
// becomes an exception the test reports.
#define LOUPE_FUZZ_TARGET(name) int name(const std::uint8_t *data, std::size_t size)
#define LOUPE_FUZZ_FAIL(what) throw std::logic_error(what)
#else
#define LOUPE_FUZZ_TARGET(name) extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
// Reported the way libFuzzer reports a crash: the input is saved.
#define LOUPE_FUZZ_FAIL(what) std::abort()
#endif

/// A broken invariant is a bug like a crash.
#define LOUPE_FUZZ_CHECK(cond, what)                                                                     \
    do {                                                                                                 \
        if (!(cond)) {                                                                                   \
            std::fprintf(stderr, "LOUPE_FUZZ_CHECK failed: %s (%s:%d)\n", what, __FILE__, __LINE__);    \
            LOUPE_FUZZ_FAIL(what);                                                                       \
        }                                                                                                \
    } while (0)

/// The input cut at kSeparator into at most `maxParts` parts (the last keeps any further separators).
inline std::vector<QByteArray> splitParts(const std::uint8_t *data, std::size_t size, int maxParts)
{
    const QByteArray all = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    std::vector<QByteArray> parts;
    qsizetype from = 0;
    while (int(parts.size()) + 1 < maxParts) {
        const qsizetype at = all.indexOf(kSeparator, from);
        if (at < 0)
            break;
        parts.push_back(all.mid(from, at - from));
        from = at + kSeparator.size();
    }
    parts.push_back(all.mid(from)); // mid() copies: the parts outlive the fuzzer's buffer
    return parts;
}

/// A scratch folder in $LOUPE_FUZZ_TMP or /dev/shm, emptied for each input.
class Scratch
{
public:
    Scratch();
    ~Scratch();
    Scratch(const Scratch &) = delete;
    Scratch &operator=(const Scratch &) = delete;

    QString dir() const { return m_dir; }
    QString path(const QString &rel) const { return m_dir + QLatin1Char('/') + rel; }
    /// Writes `bytes` to `rel` (parent folders made); returns the absolute path.
    QString write(const QString &rel, const QByteArray &bytes) const;

private:
    QString m_dir;
};

/// A valid 4×3 image of each kind the importers look for (built once, in memory).
QByteArray tinyPng();
QByteArray tinyJpeg();

inline bool finite(const QRectF &r)
{
    return std::isfinite(r.x()) && std::isfinite(r.y()) && std::isfinite(r.width()) && std::isfinite(r.height());
}

/// What later stages (statistics, training, the browser) rely on after a successful import.
inline void checkDataset(const Dataset &ds)
{
    const int classes = int(ds.classes.size());
    for (const Sample &s : ds.samples) {
        LOUPE_FUZZ_CHECK(s.classId >= -1 && s.classId < classes, "sample class id outside the class list");
        LOUPE_FUZZ_CHECK(s.width >= 0 && s.height >= 0, "negative image size");
        LOUPE_FUZZ_CHECK(!s.path.isEmpty(), "sample without a path");
        for (const Annotation &a : s.objects) {
            LOUPE_FUZZ_CHECK(a.classId >= 0 && a.classId < classes, "object class id outside the class list");
            LOUPE_FUZZ_CHECK(finite(a.box), "object box not finite");
            for (const Polygon &p : a.polygons) {
                LOUPE_FUZZ_CHECK(p.size() % 2 == 0, "polygon with an odd number of coordinates");
                for (double v : p)
                    LOUPE_FUZZ_CHECK(std::isfinite(v), "polygon coordinate not finite");
            }
            if (!a.rle.isEmpty()) {
                LOUPE_FUZZ_CHECK(a.rle.width > 0 && a.rle.height > 0, "RLE mask without a size");
                quint64 sum = 0;
                for (quint32 c : a.rle.counts)
                    sum += c;
                LOUPE_FUZZ_CHECK(sum == quint64(a.rle.width) * quint64(a.rle.height), "RLE counts do not cover the mask");
            }
        }
        if (s.idxIndex >= 0) {
            LOUPE_FUZZ_CHECK(ds.idx != nullptr, "IDX sample without a store");
            LOUPE_FUZZ_CHECK(s.idxIndex < ds.idx->count, "IDX index outside the store");
            LOUPE_FUZZ_CHECK(ds.idx->pixels.size() >= std::size_t(s.idxIndex + 1) * ds.idx->rows * ds.idx->cols,
                             "IDX store smaller than its images");
        }
    }
}

} // namespace loupe::fuzz
