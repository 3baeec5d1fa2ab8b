#pragma once
// Internal to core: includes LibTorch. Only core .cpp files may include this header.

#include "eval/Evaluation.h"
#include "train/DistributedSetup.h"

#include <torch/torch.h>

#include <QString>

#include <memory>
#include <stdexcept>
#include <vector>

namespace loupe {

/// A collective that failed: a rank died or stopped answering, or the rendezvous timed out.
/// what() is one line for the user, naming the rank when it can be found out.
class DistributedError : public std::runtime_error
{
public:
    explicit DistributedError(const QString &message)
        : std::runtime_error(message.toStdString())
    {
    }
};

/// This process's membership in a data-parallel job: a Gloo process group over a TCP store, laid
/// out as torch.distributed's init_process_group lays it out, so that a Python rank can join.
/// Every rank must call the collectives in the same order; each throws DistributedError when the
/// others do not answer within the setup's timeout.
class DistributedContext
{
public:
    /// Joins the group (blocks until every rank has joined, or throws after the timeout).
    explicit DistributedContext(const DistributedSetup &setup);
    ~DistributedContext();
    DistributedContext(const DistributedContext &) = delete;
    DistributedContext &operator=(const DistributedContext &) = delete;

    int rank() const { return m_setup.rank; }
    int worldSize() const { return m_setup.worldSize; }
    bool isMain() const { return m_setup.rank == 0; }
    const DistributedSetup &setup() const { return m_setup; }

    /// Rank 0's parameters and buffers to every rank (the initial weights).
    void broadcastParameters(torch::nn::Module &module);
    /// Rank 0's buffers (batch norm's running statistics) to every rank, before an evaluation.
    void broadcastBuffers(torch::nn::Module &module);
    /// Replaces every gradient by its mean over the ranks, a bucket of about `bucketBytes` at a time.
    /// A parameter without a gradient takes part with zeros.
    void averageGradients(const std::vector<torch::Tensor> &parameters, std::size_t bucketBytes = 25u << 20);
    /// Element-wise sum over the ranks, in double.
    void allReduceSum(std::vector<double> &values);
    void barrier();

    /// The indices this rank learns from in `epoch`: the epoch's shuffled order (the same a
    /// single process uses), padded by repeating its start to a multiple of the world size, every
    /// worldSize-th from `rank` on. Disjoint across ranks but for the padding; equal sizes.
    static std::vector<int> shard(const std::vector<int> &indices, int epoch, quint64 seed, int rank, int worldSize);
    std::vector<int> shard(const std::vector<int> &indices, int epoch, quint64 seed) const
    {
        return shard(indices, epoch, seed, rank(), worldSize());
    }
    /// This rank's part of an evaluation set, in order, without padding.
    std::vector<int> evaluationShard(const std::vector<int> &indices) const;

    /// The evaluation of the whole set from each rank's evaluation of its evaluationShard(indices):
    /// every rank gets the same rows, in the order of `indices`, exactly (each value comes from one rank).
    EvalOutput gatherEvaluation(const EvalOutput &local, const std::vector<int> &indices);

private:
    struct Impl;
    /// Runs a collective; turns a failure into a DistributedError that names the rank that stopped.
    template <typename F>
    void collective(const char *what, F &&run);
    [[noreturn]] void failed(const char *what, const std::string &detail);

    DistributedSetup m_setup;
    std::unique_ptr<Impl> d;
};

} // namespace loupe
