#include "train/TorchRuntime.h"

#include <torch/torch.h>

#include <QThread>

namespace loupe {

void setComputeThreads(int threads)
{
    if (threads <= 0)
        threads = qMax(1, QThread::idealThreadCount());
    torch::set_num_threads(threads);
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
