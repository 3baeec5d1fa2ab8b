#include "train/DistributedContext.h"

#include "loader/DataLoader.h"

#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include <QCoreApplication>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <condition_variable>
#include <limits>
#include <map>
#include <mutex>
#include <thread>

namespace loupe {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::DistributedContext)
};

using namespace std::chrono_literals;

/// How often each rank tells the store it is alive, and how long a survivor watches for that
/// before it names the ranks that stopped.
constexpr auto kHeartbeat = 500ms;
constexpr auto kWatch = 2500ms;
/// The store-based barrier key of torch.distributed's first process group (group count 1).
constexpr const char *kStoreBarrierKey = "store_based_barrier_key:1";

QString firstLine(const std::string &text)
{
    QString s = QString::fromStdString(text).trimmed();
    const int eol = s.indexOf(QLatin1Char('\n'));
    return eol < 0 ? s : s.left(eol).trimmed();
}

bool isLoopback(const QString &host)
{
    return host == QLatin1String("localhost") || host.startsWith(QLatin1String("127."));
}

std::string aliveKey(int rank)
{
    return "loupe_alive/" + std::to_string(rank);
}

} // namespace

struct DistributedContext::Impl {
    c10::intrusive_ptr<c10d::Store> root; ///< the TCP store, under torchrun's prefix when the agent hosts it
    c10::intrusive_ptr<c10d::ProcessGroupGloo> group;

    // Time spent averaging gradients, printed at the end when LOUPE_DIST_TIMING is set (bench/distributed).
    std::int64_t averages = 0;
    double averageSeconds = 0;
    double averageBytes = 0;

    std::thread heartbeat;
    std::mutex mutex;
    std::condition_variable wake;
    bool stopping = false;

    c10::intrusive_ptr<c10d::Store> connect(const DistributedSetup &s, bool server, std::chrono::milliseconds timeout)
    {
        c10d::TCPStoreOptions o;
        o.port = std::uint16_t(s.masterPort);
        o.isServer = server;
        o.numWorkers = s.worldSize;
        o.waitWorkers = false;
        o.timeout = timeout;
        o.multiTenant = true; // as Python's env:// rendezvous, so that a Python rank 0 can host it too
        c10::intrusive_ptr<c10d::Store> store = c10::make_intrusive<c10d::TCPStore>(s.masterAddr.toStdString(), o);
        if (s.agentStore)
            store = c10::make_intrusive<c10d::PrefixStore>("/worker/attempt_" + std::to_string(s.restartCount), store);
        return store;
    }
};

DistributedContext::DistributedContext(const DistributedSetup &setup)
    : m_setup(setup)
    , d(std::make_unique<Impl>())
{
    const std::chrono::milliseconds timeout = std::chrono::seconds(std::max(1, setup.timeoutSeconds));
    try {
        d->root = d->connect(setup, setup.isMain() && !setup.agentStore, timeout);
        // The layout of torch.distributed.init_process_group: keys under "default_pg", the group's
        // own under "default_pg/0", then a store barrier and the group's sequence number.
        auto defaultPg = c10::make_intrusive<c10d::PrefixStore>("default_pg", d->root);
        auto groupStore = c10::make_intrusive<c10d::PrefixStore>("0", defaultPg);
        auto options = c10d::ProcessGroupGloo::Options::create(timeout);
        const QString iface = qEnvironmentVariable("GLOO_SOCKET_IFNAME");
        if (!iface.isEmpty())
            options->devices.push_back(c10d::ProcessGroupGloo::createDeviceForInterface(iface.toStdString()));
        else if (isLoopback(setup.masterAddr))
            options->devices.push_back(c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1"));
        else
            options->devices.push_back(c10d::ProcessGroupGloo::createDefaultDevice());
        d->group = c10::make_intrusive<c10d::ProcessGroupGloo>(groupStore, setup.rank, setup.worldSize, options);

        defaultPg->add(kStoreBarrierKey, 1);
        const auto start = std::chrono::steady_clock::now();
        while (defaultPg->add(kStoreBarrierKey, 0) < setup.worldSize) {
            if (std::chrono::steady_clock::now() - start > timeout)
                throw DistributedError(Text::tr("rank %1: not every one of the %2 ranks joined within %3 s")
                                           .arg(setup.rank)
                                           .arg(setup.worldSize)
                                           .arg(setup.timeoutSeconds));
            std::this_thread::sleep_for(10ms);
        }
        d->group->setSequenceNumberForGroup();
    } catch (const DistributedError &) {
        throw;
    } catch (const c10::Error &e) {
        throw DistributedError(Text::tr("rank %1 could not join the group at %2:%3: %4")
                                   .arg(setup.rank)
                                   .arg(setup.masterAddr)
                                   .arg(setup.masterPort)
                                   .arg(firstLine(e.what_without_backtrace())));
    } catch (const std::exception &e) {
        throw DistributedError(Text::tr("rank %1 could not join the group at %2:%3: %4")
                                   .arg(setup.rank)
                                   .arg(setup.masterAddr)
                                   .arg(setup.masterPort)
                                   .arg(firstLine(e.what())));
    }

    // A heartbeat on its own connection: when a collective fails, the counters that stopped
    // growing say which rank is gone (Gloo only says that a connection closed).
    d->heartbeat = std::thread([this] {
        try {
            auto store = d->connect(m_setup, false, 5s);
            std::unique_lock<std::mutex> lock(d->mutex);
            while (!d->stopping) {
                lock.unlock();
                store->add(aliveKey(m_setup.rank), 1);
                lock.lock();
                d->wake.wait_for(lock, kHeartbeat, [this] { return d->stopping; });
            }
        } catch (...) {
            // The store went away (rank 0 ended or died): nothing left to tell.
        }
    });
}

DistributedContext::~DistributedContext()
{
    if (qEnvironmentVariableIsSet("LOUPE_DIST_TIMING") && d->averages > 0)
        std::fprintf(stderr, "loupe-dist-timing rank %d of %d: %lld gradient averages of %.2f MB, %.2f ms each\n",
                     m_setup.rank, m_setup.worldSize, static_cast<long long>(d->averages),
                     d->averageBytes / double(d->averages) / 1e6, 1e3 * d->averageSeconds / double(d->averages));
    {
        std::lock_guard<std::mutex> lock(d->mutex);
        d->stopping = true;
    }
    d->wake.notify_all();
    if (d->heartbeat.joinable())
        d->heartbeat.join();
}

void DistributedContext::failed(const char *what, const std::string &detail)
{
    // Which ranks stopped beating? Read every counter twice, a few heartbeats apart.
    QStringList stopped;
    bool storeGone = false;
    try {
        auto store = d->connect(m_setup, false, 5s);
        std::vector<std::int64_t> before(m_setup.worldSize);
        for (int r = 0; r < m_setup.worldSize; ++r)
            before[r] = store->add(aliveKey(r), 0);
        std::this_thread::sleep_for(kWatch);
        for (int r = 0; r < m_setup.worldSize; ++r)
            if (r != m_setup.rank && store->add(aliveKey(r), 0) == before[r])
                stopped.append(QString::number(r));
    } catch (...) {
        storeGone = true;
    }
    const QString cause = QString::fromLatin1(what);
    if (storeGone && !m_setup.agentStore)
        throw DistributedError(Text::tr("rank %1 of %2 stops: rank 0, which hosts the job's store, has stopped "
                                        "(%3 failed: %4)")
                                   .arg(m_setup.rank)
                                   .arg(m_setup.worldSize)
                                   .arg(cause, firstLine(detail)));
    if (!stopped.isEmpty())
        throw DistributedError((stopped.size() == 1 ? Text::tr("rank %1 of %2 stops: rank %3 has stopped (%4 failed: %5)")
                                                    : Text::tr("rank %1 of %2 stops: ranks %3 have stopped (%4 failed: %5)"))
                                   .arg(m_setup.rank)
                                   .arg(m_setup.worldSize)
                                   .arg(stopped.join(QLatin1String(", ")), cause, firstLine(detail)));
    throw DistributedError(Text::tr("rank %1 of %2 stops: %3 failed within the %4 s timeout: %5")
                               .arg(m_setup.rank)
                               .arg(m_setup.worldSize)
                               .arg(cause)
                               .arg(m_setup.timeoutSeconds)
                               .arg(firstLine(detail)));
}

template <typename F>
void DistributedContext::collective(const char *what, F &&run)
{
    try {
        run();
    } catch (const c10::Error &e) {
        failed(what, e.what_without_backtrace());
    } catch (const std::exception &e) {
        failed(what, e.what());
    }
}

void DistributedContext::broadcastParameters(torch::nn::Module &module)
{
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> tensors = module.parameters();
    for (const torch::Tensor &b : module.buffers())
        tensors.push_back(b);
    collective("broadcast", [&] {
        for (torch::Tensor &t : tensors) {
            std::vector<torch::Tensor> one{t.is_contiguous() ? t : t.contiguous()};
            d->group->broadcast(one, c10d::BroadcastOptions{0})->wait();
            if (!t.is_contiguous())
                t.copy_(one.front());
        }
    });
}

void DistributedContext::broadcastBuffers(torch::nn::Module &module)
{
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> buffers = module.buffers();
    if (buffers.empty())
        return;
    collective("broadcast", [&] {
        for (torch::Tensor &t : buffers) {
            std::vector<torch::Tensor> one{t.is_contiguous() ? t : t.contiguous()};
            d->group->broadcast(one, c10d::BroadcastOptions{0})->wait();
            if (!t.is_contiguous())
                t.copy_(one.front());
        }
    });
}

void DistributedContext::averageGradients(const std::vector<torch::Tensor> &parameters, std::size_t bucketBytes)
{
    torch::NoGradGuard noGrad;
    const double scale = 1.0 / double(m_setup.worldSize);
    // Buckets of consecutive parameters of one dtype, flattened into one tensor each: one
    // allreduce per ~25 MB instead of one per tensor (ResNet-18 has 62).
    std::size_t i = 0;
    // Timed for the bench, the average waits for every rank first: its time is then the
    // communication alone, not a slower rank's compute.
    static const bool timed = qEnvironmentVariableIsSet("LOUPE_DIST_TIMING");
    if (timed)
        barrier();
    const auto start = std::chrono::steady_clock::now();
    double bytesThisCall = 0;
    collective("allreduce", [&] {
        while (i < parameters.size()) {
            std::vector<torch::Tensor> grads;
            std::size_t bytes = 0;
            const auto dtype = parameters[i].scalar_type();
            while (i < parameters.size() && parameters[i].scalar_type() == dtype
                   && (grads.empty() || bytes + parameters[i].nbytes() <= bucketBytes)) {
                torch::Tensor p = parameters[i];
                if (!p.grad().defined())
                    p.mutable_grad() = torch::zeros_like(p);
                grads.push_back(p.grad());
                bytes += p.nbytes();
                ++i;
            }
            std::vector<torch::Tensor> flat;
            flat.reserve(grads.size());
            for (const torch::Tensor &g : grads)
                flat.push_back(g.reshape({-1}));
            std::vector<torch::Tensor> bucket{torch::cat(flat)};
            bytesThisCall += double(bucket.front().nbytes());
            d->group->allreduce(bucket)->wait();
            bucket.front().mul_(scale);
            std::int64_t offset = 0;
            for (torch::Tensor &g : grads) {
                const std::int64_t n = g.numel();
                g.copy_(bucket.front().slice(0, offset, offset + n).view_as(g));
                offset += n;
            }
        }
    });
    ++d->averages;
    d->averageBytes += bytesThisCall;
    d->averageSeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void DistributedContext::allReduceSum(std::vector<double> &values)
{
    if (values.empty())
        return;
    torch::Tensor t = torch::from_blob(values.data(), {std::int64_t(values.size())}, torch::kFloat64);
    collective("allreduce", [&] {
        std::vector<torch::Tensor> one{t};
        d->group->allreduce(one)->wait();
    });
}

void DistributedContext::barrier()
{
    collective("barrier", [&] { d->group->barrier()->wait(); });
}

std::vector<int> DistributedContext::shard(const std::vector<int> &indices, int epoch, quint64 seed, int rank,
                                           int worldSize)
{
    const std::vector<int> order = shuffledOrder(indices, seed, epoch);
    if (order.empty())
        return {};
    const std::size_t perRank = (order.size() + std::size_t(worldSize) - 1) / std::size_t(worldSize);
    std::vector<int> mine;
    mine.reserve(perRank);
    for (std::size_t k = 0; k < perRank; ++k)
        mine.push_back(order[(k * std::size_t(worldSize) + std::size_t(rank)) % order.size()]);
    return mine;
}

std::vector<int> DistributedContext::evaluationShard(const std::vector<int> &indices) const
{
    std::vector<int> mine;
    for (std::size_t k = std::size_t(rank()); k < indices.size(); k += std::size_t(worldSize()))
        mine.push_back(indices[k]);
    return mine;
}

EvalOutput DistributedContext::gatherEvaluation(const EvalOutput &local, const std::vector<int> &indices)
{
    // One row per image of the whole set: read, truth, predicted, confidence, loss, probabilities.
    // Each row is filled by the rank that evaluated it and zero elsewhere, so the sum is exact.
    // Ranks with nothing to evaluate report 0 classes; every rank needs the same row width.
    std::vector<double> widths(std::size_t(worldSize()), 0.0);
    widths[std::size_t(rank())] = double(local.classes);
    allReduceSum(widths);
    const int classes = int(*std::max_element(widths.begin(), widths.end()));
    const std::size_t width = 5 + std::size_t(classes);

    std::map<int, std::size_t> rowOf; // sample → row of `local`
    for (std::size_t r = 0; r < local.samples.size(); ++r)
        rowOf[local.samples[r]] = r;

    EvalOutput out;
    out.classes = classes;
    double lossSum = 0;
    // A few million values per allreduce keeps memory small for large sets.
    const std::size_t rowsPerChunk = std::max<std::size_t>(1, (std::size_t(4) << 20) / width);
    for (std::size_t first = 0; first < indices.size(); first += rowsPerChunk) {
        const std::size_t rows = std::min(rowsPerChunk, indices.size() - first);
        std::vector<double> table(rows * width, 0.0);
        for (std::size_t k = 0; k < rows; ++k) {
            const std::size_t position = first + k;
            if (position % std::size_t(worldSize()) != std::size_t(rank()))
                continue;
            const auto found = rowOf.find(indices[position]);
            if (found == rowOf.end())
                continue; // unreadable image: its row stays "not read"
            const std::size_t r = found->second;
            double *row = table.data() + k * width;
            row[0] = 1;
            row[1] = local.truth[r];
            row[2] = local.predicted[r];
            row[3] = local.confidence[r];
            row[4] = local.sampleLoss[r];
            for (int c = 0; c < local.classes; ++c)
                row[5 + c] = local.probabilities[r * std::size_t(local.classes) + std::size_t(c)];
        }
        allReduceSum(table);
        for (std::size_t k = 0; k < rows; ++k) {
            const double *row = table.data() + k * width;
            if (row[0] == 0)
                continue;
            out.samples.push_back(indices[first + k]);
            out.truth.push_back(int(row[1]));
            out.predicted.push_back(int(row[2]));
            out.confidence.push_back(float(row[3]));
            out.sampleLoss.push_back(float(row[4]));
            lossSum += row[4];
            for (int c = 0; c < classes; ++c)
                out.probabilities.push_back(float(row[5 + c]));
        }
    }
    std::vector<double> incomplete{local.complete ? 0.0 : 1.0};
    allReduceSum(incomplete);
    out.complete = incomplete.front() == 0;
    out.loss = out.samples.empty() ? std::numeric_limits<double>::quiet_NaN() : lossSum / double(out.samples.size());
    return out;
}

} // namespace loupe
