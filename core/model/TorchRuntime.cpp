#include "model/TorchRuntime.h"

#include <torch/torch.h>

#include <QThread>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace loupe {

void setComputeThreads(int threads)
{
    if (threads <= 0)
        threads = qMax(1, QThread::idealThreadCount());
    torch::set_num_threads(threads);
}

void keepFreedMemory()
{
#ifdef __GLIBC__
    // The thresholds Trainer uses (bench/train/README.md: kernel time of an epoch 7.6 s → 0.7 s).
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}

int computeThreads()
{
    return torch::get_num_threads();
}

QString torchVersion()
{
    return QStringLiteral(TORCH_VERSION);
}

} // namespace loupe
