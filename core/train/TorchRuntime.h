#pragma once

#include <QString>

namespace loupe {

/// Sets LibTorch's intra-op thread count; 0 means every core. LibTorch starts with one
/// thread on some two-core machines, so every entry point that computes calls this.
void setComputeThreads(int threads);

/// The intra-op thread count LibTorch uses now.
int computeThreads();

/// LibTorch's version, for the About box and run configs.
QString torchVersion();

} // namespace loupe
