#pragma once

#include "StopToken.h"

#include <functional>

namespace loupe {

/// Runs fn(i) for i in [0, count) on `threads` worker threads (0 = every core), handing out
/// indices in order so that neighbouring files are read together. Returns early, with some
/// indices not run, once `stop` is set. fn must not throw.
void parallelFor(int count, int threads, const std::function<void(int)> &fn, const StopToken *stop = nullptr);

/// The worker count `threads` stands for (0 = every core).
int resolveThreadCount(int threads);

} // namespace loupe
