#pragma once

#include "Dataset.h"
#include "DatasetStats.h"
#include "StopToken.h"
#include "imaging/SafeDecoder.h"

namespace loupe {

struct ScanOptions {
    int threads = 0; ///< 0 = every core
    DecodeLimits limits;
};

/// Reads what a dataset's image files hold, in two phases that a front end can show apart.
///
/// Headers first: a few kilobytes of each file give its size, so a 100,000-image folder is
/// indexed in seconds. Then the full check decodes every image (JPEG at 1/8 scale, which still
/// reads every coefficient) and hashes its bytes for the duplicate search. Each phase moves
/// the files it cannot read from Dataset::samples to Dataset::badFiles, with the reason.
namespace scanner {

/// Phase 1: image sizes from headers. Returns the number of files found broken.
int readHeaders(Dataset &dataset, const ScanOptions &options = {}, const ProgressFn &progress = {},
                const StopToken *stop = nullptr);

/// Phase 2: decode and hash every image. Returns the number of files found broken.
int verifyImages(Dataset &dataset, const ScanOptions &options = {}, const ProgressFn &progress = {},
                 const StopToken *stop = nullptr);

/// Phase 3, mask layouts only: reads every sample's class-index mask (readClassMask) and counts
/// pixels, images and connected regions per class into `stats`. Moves samples whose mask cannot be
/// used to badFiles, named by the mask file: unreadable, a size other than the image's, values no
/// class stands for, or empty while the image is filed under a defect (MVTec). Returns that count.
int checkMasks(Dataset &dataset, MaskStats &stats, const ScanOptions &options = {}, const ProgressFn &progress = {},
               const StopToken *stop = nullptr);

/// A fast 64-bit hash of bytes, for finding identical files.
quint64 contentHash(const char *data, std::size_t size);

} // namespace scanner

} // namespace loupe
