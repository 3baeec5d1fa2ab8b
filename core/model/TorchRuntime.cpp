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
    // glibc hands every large activation buffer back to the kernel and maps it again on the next
    // step: 7.6 s of a 52 s ResNet-18 epoch went to the kernel, 0.7 s with freed memory kept in the
    // process (bench/train/README.md); a tiled detection eval spent a fifth of its time there.
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
