#pragma once

#include <QString>

namespace loupe {

/// Sets LibTorch's intra-op thread count; 0 means every core. LibTorch starts with one
/// thread on some two-core machines, so every entry point that computes calls this.
void setComputeThreads(int threads);

/// Keeps memory that LibTorch frees in the process (glibc only) instead of handing every large
/// activation buffer back to the kernel and faulting it in again at the next batch. Process-wide;
/// the cost is that freed memory is not returned to the system.
void keepFreedMemory();

/// The intra-op thread count LibTorch uses now.
int computeThreads();

/// LibTorch's version, for the About box and run configs.
QString torchVersion();

} // namespace loupe
