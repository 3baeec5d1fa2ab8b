#pragma once

#include <atomic>
#include <functional>

namespace loupe {

/// Shared flag that long work checks between units of work; set from any thread.
class StopToken
{
public:
    void requestStop() { m_stop.store(true, std::memory_order_relaxed); }
    bool stopRequested() const { return m_stop.load(std::memory_order_relaxed); }

private:
    std::atomic<bool> m_stop{false};
};

/// Progress of long work: units done out of total. Called from worker threads; must be thread-safe.
using ProgressFn = std::function<void(int done, int total)>;

} // namespace loupe
