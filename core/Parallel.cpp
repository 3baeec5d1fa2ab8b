#include "Parallel.h"

#include <QThread>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace loupe {

int resolveThreadCount(int threads)
{
    return threads > 0 ? threads : std::max(1, QThread::idealThreadCount());
}

void parallelFor(int count, int threads, const std::function<void(int)> &fn, const StopToken *stop)
{
    const int workers = std::min(resolveThreadCount(threads), std::max(count, 1));
    std::atomic<int> next{0};
    auto work = [&] {
        for (;;) {
            if (stop && stop->stopRequested())
                return;
            const int i = next.fetch_add(1, std::memory_order_relaxed);
            if (i >= count)
                return;
            fn(i);
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(workers - 1);
    for (int t = 1; t < workers; ++t)
        pool.emplace_back(work);
    work();
    for (std::thread &t : pool)
        t.join();
}

} // namespace loupe
