// Data-parallel training: the environment a rank reads, its shards, and real ranks on localhost.
// This executable is also the rank: started with LOUPE_TST_ROLE set, it trains a tiny model (no
// batch norm) through DistributedContext exactly as the Trainer drives it, or joins a Python rank.

#include "TestUtil.h"

#include "train/DistributedContext.h"
#include "train/DistributedSetup.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <csignal>
#include <set>

using namespace loupe;

namespace {

// The equality check's problem: 160 samples of 8 features in 4 classes, 2 epochs of 10 steps.
constexpr int kSamples = 160;
constexpr int kFeatures = 8;
constexpr int kClasses = 4;
constexpr int kRankBatch = 8;
constexpr int kEpochs = 2;
constexpr quint64 kSeed = 11;

torch::nn::Sequential tinyModel(int initSeed)
{
    torch::manual_seed(initSeed);
    return torch::nn::Sequential(torch::nn::Linear(kFeatures, 16), torch::nn::ReLU(), torch::nn::Linear(16, kClasses));
}

struct Problem {
    torch::Tensor x, y;
};

Problem problem()
{
    torch::manual_seed(7);
    return {torch::randn({kSamples, kFeatures}), torch::randint(0, kClasses, {kSamples})};
}

std::vector<int> allIndices()
{
    std::vector<int> v(kSamples);
    for (int i = 0; i < kSamples; ++i)
        v[std::size_t(i)] = i;
    return v;
}

/// Trains with batch `batch` over `order(epoch)`; `dist` averages the gradients as the Trainer does.
std::vector<float> train(torch::nn::Sequential model, const std::function<std::vector<int>(int)> &order, int batch,
                         DistributedContext *dist, int *steps)
{
    const Problem p = problem();
    torch::optim::SGD sgd(model->parameters(), torch::optim::SGDOptions(0.1).momentum(0.9));
    *steps = 0;
    for (int epoch = 1; epoch <= kEpochs; ++epoch) {
        const std::vector<int> idx = order(epoch);
        for (std::size_t b = 0; b + std::size_t(batch) <= idx.size(); b += std::size_t(batch)) {
            const torch::Tensor rows =
                torch::tensor(std::vector<int64_t>(idx.begin() + long(b), idx.begin() + long(b) + batch));
            sgd.zero_grad();
            const torch::Tensor loss =
                torch::nn::functional::cross_entropy(model->forward(p.x.index_select(0, rows)), p.y.index_select(0, rows));
            loss.backward();
            if (dist)
                dist->averageGradients(model->parameters());
            sgd.step();
            ++*steps;
        }
    }
    std::vector<float> flat;
    for (const torch::Tensor &t : model->parameters()) {
        const torch::Tensor c = t.detach().contiguous().view({-1});
        flat.insert(flat.end(), c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
    }
    return flat;
}

/// A rank of the equality check: its own initial weights (rank 0's reach everyone), its shard.
int rankMain()
{
    DistributedSetup setup;
    QString error;
    if (!DistributedSetup::fromEnvironment(QProcessEnvironment::systemEnvironment(), &setup, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    setup.timeoutSeconds = 30;
    try {
        DistributedContext dist(setup);
        const QByteArray role = qgetenv("LOUPE_TST_ROLE");
        if (role == "interop") {
            std::vector<double> v{1.0 + dist.rank(), 10.0, 0.5};
            dist.allReduceSum(v);
            std::printf("interop %g %g %g\n", v[0], v[1], v[2]);
            return 0;
        }
        torch::nn::Sequential model = tinyModel(100 + dist.rank());
        dist.broadcastParameters(*model);
        int steps = 0;
        const std::vector<float> flat =
            train(model, [&](int epoch) { return dist.shard(allIndices(), epoch, kSeed); }, kRankBatch, &dist, &steps);
        QFile out(qEnvironmentVariable("LOUPE_TST_OUT"));
        if (!out.open(QIODevice::WriteOnly))
            return 3;
        out.write(reinterpret_cast<const char *>(flat.data()), qint64(flat.size() * sizeof(float)));
        std::printf("steps %d\n", steps);
        return 0;
    } catch (const DistributedError &e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
}

int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof(addr);
    ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr));
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
}

QProcessEnvironment rankEnvironment(int rank, int world, int port)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RANK"), QString::number(rank));
    env.insert(QStringLiteral("WORLD_SIZE"), QString::number(world));
    env.insert(QStringLiteral("MASTER_ADDR"), QStringLiteral("127.0.0.1"));
    env.insert(QStringLiteral("MASTER_PORT"), QString::number(port));
    env.insert(QStringLiteral("OMP_NUM_THREADS"), QStringLiteral("1"));
    return env;
}

/// Children of `pid` (Linux), from /proc.
QList<qint64> childrenOf(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/task/%1/children").arg(pid));
    QList<qint64> out;
    if (f.open(QIODevice::ReadOnly))
        for (const QByteArray &p : f.readAll().split(' '))
            if (!p.trimmed().isEmpty())
                out.append(p.trimmed().toLongLong());
    return out;
}

QByteArray environOf(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/environ").arg(pid));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestDistributed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void slurmNodeList_data()
    {
        QTest::addColumn<QString>("list");
        QTest::addColumn<QStringList>("hosts");
        QTest::newRow("one") << "gpu7" << QStringList{"gpu7"};
        QTest::newRow("range") << "node[1-3,5]" << QStringList{"node1", "node2", "node3", "node5"};
        QTest::newRow("zeros") << "n[08-10]" << QStringList{"n08", "n09", "n10"};
        QTest::newRow("mixed") << "a[1-2],b,c[7]" << QStringList{"a1", "a2", "b", "c7"};
        QTest::newRow("broken") << "node[3-1]" << QStringList{};
        QTest::newRow("unclosed") << "node[1-3" << QStringList{};
    }
    void slurmNodeList()
    {
        QFETCH(QString, list);
        QFETCH(QStringList, hosts);
        QCOMPARE(expandSlurmNodeList(list), hosts);
    }

    void environment()
    {
        DistributedSetup s;
        QString error;
        QProcessEnvironment torchrun;
        torchrun.insert(QStringLiteral("RANK"), QStringLiteral("3"));
        torchrun.insert(QStringLiteral("WORLD_SIZE"), QStringLiteral("4"));
        torchrun.insert(QStringLiteral("LOCAL_RANK"), QStringLiteral("1"));
        torchrun.insert(QStringLiteral("MASTER_ADDR"), QStringLiteral("head"));
        torchrun.insert(QStringLiteral("MASTER_PORT"), QStringLiteral("29400"));
        torchrun.insert(QStringLiteral("TORCHELASTIC_USE_AGENT_STORE"), QStringLiteral("True"));
        torchrun.insert(QStringLiteral("TORCHELASTIC_RESTART_COUNT"), QStringLiteral("2"));
        QVERIFY2(DistributedSetup::fromEnvironment(torchrun, &s, &error), qPrintable(error));
        QCOMPARE(s.rank, 3);
        QCOMPARE(s.worldSize, 4);
        QCOMPARE(s.localRank, 1);
        QCOMPARE(s.masterAddr, QStringLiteral("head"));
        QCOMPARE(s.masterPort, 29400);
        QVERIFY(s.agentStore);
        QCOMPARE(s.restartCount, 2);

        QProcessEnvironment slurm;
        slurm.insert(QStringLiteral("SLURM_PROCID"), QStringLiteral("5"));
        slurm.insert(QStringLiteral("SLURM_NTASKS"), QStringLiteral("8"));
        slurm.insert(QStringLiteral("SLURM_LOCALID"), QStringLiteral("1"));
        slurm.insert(QStringLiteral("SLURM_JOB_NODELIST"), QStringLiteral("gpu[03-06]"));
        QVERIFY2(DistributedSetup::fromEnvironment(slurm, &s, &error), qPrintable(error));
        QCOMPARE(s.rank, 5);
        QCOMPARE(s.worldSize, 8);
        QCOMPARE(s.masterAddr, QStringLiteral("gpu03"));
        QCOMPARE(s.masterPort, 29500);
        QCOMPARE(s.launcher, QStringLiteral("slurm"));

        QProcessEnvironment none;
        QVERIFY(!DistributedSetup::fromEnvironment(none, &s, &error));
        QVERIFY(error.contains(QStringLiteral("--nproc")));
        QProcessEnvironment outside = torchrun;
        outside.insert(QStringLiteral("RANK"), QStringLiteral("4"));
        QVERIFY(!DistributedSetup::fromEnvironment(outside, &s, &error));
    }

    void shardsAreDisjointAndCoverTheEpoch()
    {
        const std::vector<int> indices = allIndices();
        std::set<int> seen;
        std::size_t total = 0;
        for (int r = 0; r < 3; ++r) {
            const std::vector<int> mine = DistributedContext::shard(indices, 2, kSeed, r, 3);
            QCOMPARE(int(mine.size()), (kSamples + 2) / 3); // equal sizes: every rank takes as many steps
            total += mine.size();
            seen.insert(mine.begin(), mine.end());
        }
        QCOMPARE(int(seen.size()), kSamples);
        QCOMPARE(int(total), kSamples + 2); // two repeated to pad 160 to 162
        QVERIFY(DistributedContext::shard(indices, 1, kSeed, 0, 2) != DistributedContext::shard(indices, 2, kSeed, 0, 2));
    }

    // 2 ranks x batch 8 train the parameters 1 process x batch 16 trains, to 1e-5, in 20 steps.
    void twoRanksEqualOneProcessWithTwiceTheBatch()
    {
        QTemporaryDir dir;
        const int port = freePort();
        std::vector<std::unique_ptr<QProcess>> ranks;
        for (int r = 0; r < 2; ++r) {
            auto p = std::make_unique<QProcess>();
            QProcessEnvironment env = rankEnvironment(r, 2, port);
            env.insert(QStringLiteral("LOUPE_TST_ROLE"), QStringLiteral("equality"));
            env.insert(QStringLiteral("LOUPE_TST_OUT"), dir.filePath(QStringLiteral("rank%1.bin").arg(r)));
            p->setProcessEnvironment(env);
            p->start(QCoreApplication::applicationFilePath(), {});
            ranks.push_back(std::move(p));
        }
        for (int r = 0; r < 2; ++r) {
            QVERIFY(ranks[std::size_t(r)]->waitForFinished(120000));
            const QByteArray out = ranks[std::size_t(r)]->readAll();
            QVERIFY2(ranks[std::size_t(r)]->exitCode() == 0, out.constData());
            QVERIFY2(out.contains("steps 20"), out.constData());
        }
        int steps = 0;
        const std::vector<float> single = train(
            tinyModel(100), [](int epoch) { return shuffledOrder(allIndices(), kSeed, epoch); }, 2 * kRankBatch, nullptr,
            &steps);
        QCOMPARE(steps, 20);
        std::vector<std::vector<float>> fromRanks;
        for (int r = 0; r < 2; ++r) {
            QFile f(dir.filePath(QStringLiteral("rank%1.bin").arg(r)));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QCOMPARE(std::size_t(bytes.size()), single.size() * sizeof(float));
            fromRanks.emplace_back(reinterpret_cast<const float *>(bytes.constData()),
                                   reinterpret_cast<const float *>(bytes.constData()) + single.size());
        }
        double worst = 0, moved = 0;
        const std::vector<float> initial = [] {
            std::vector<float> v;
            for (const torch::Tensor &t : tinyModel(100)->parameters())
                v.insert(v.end(), t.data_ptr<float>(), t.data_ptr<float>() + t.numel());
            return v;
        }();
        for (std::size_t i = 0; i < single.size(); ++i) {
            QCOMPARE(fromRanks[0][i], fromRanks[1][i]); // the ranks agree bit for bit
            worst = std::max(worst, std::abs(double(fromRanks[0][i]) - double(single[i])));
            moved = std::max(moved, std::abs(double(single[i]) - double(initial[i])));
        }
        qInfo("largest difference to one process with batch 16: %.3g (parameters moved up to %.3g)", worst, moved);
        QVERIFY(moved > 1e-2); // it did learn something
        QVERIFY(worst < 1e-5);
    }

    // A rank killed mid-epoch: the other stops within the timeout with a line naming it, and
    // --resume finishes the run.
    void killedRankStopsTheOthersAndResumeCompletes()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        loupe::test::writeShapes(data, 24, 48, 3, 4);
        const QString run = dir.filePath(QStringLiteral("run"));
        const QStringList args{QStringLiteral("train"), data, QStringLiteral("--out"), run, QStringLiteral("--model"),
                               QStringLiteral("resnet18"), QStringLiteral("--image-size"), QStringLiteral("48"),
                               QStringLiteral("--batch"), QStringLiteral("4"), QStringLiteral("--epochs"),
                               QStringLiteral("3"), QStringLiteral("--nproc"), QStringLiteral("2"),
                               QStringLiteral("--dist-timeout"), QStringLiteral("30"), QStringLiteral("--precision"),
                               QStringLiteral("fp32")};
        QProcess cli;
        cli.start(QStringLiteral(LOUPE_CLI), args);
        QVERIFY(cli.waitForStarted());
        // Wait for epoch 1's checkpoint, then kill rank 1 while epoch 2 trains.
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(run + QStringLiteral("/checkpoints/last.pt")), 120000);
        qint64 victim = 0;
        for (qint64 child : childrenOf(cli.processId()))
            if (environOf(child).contains(QByteArray("\0RANK=1\0", 8)))
                victim = child;
        QVERIFY(victim > 0);
        QElapsedTimer clock;
        clock.start();
        ::kill(pid_t(victim), SIGKILL);
        QVERIFY(cli.waitForFinished(60000));
        const qint64 stoppedAfter = clock.elapsed();
        const QString err = QString::fromLocal8Bit(cli.readAllStandardError());
        qInfo("stopped %lld ms after the kill", stoppedAfter);
        QVERIFY2(cli.exitCode() != 0, qPrintable(err));
        QVERIFY2(stoppedAfter < 60000, qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("rank 1 was killed")), qPrintable(err));
        // Rank 0's own line names the rank that stopped answering.
        QVERIFY2(err.contains(QStringLiteral("rank 1 has stopped")), qPrintable(err));

        QProcess resumed;
        resumed.start(QStringLiteral(LOUPE_CLI), args + QStringList{QStringLiteral("--resume")});
        QVERIFY(resumed.waitForFinished(240000));
        const QByteArray out = resumed.readAllStandardOutput() + resumed.readAllStandardError();
        QVERIFY2(resumed.exitCode() == 0, out.constData());
        // config.json states the batch and learning-rate rule.
        QFile config(run + QStringLiteral("/config.json"));
        QVERIFY(config.open(QIODevice::ReadOnly));
        const QJsonObject distributed = QJsonDocument::fromJson(config.readAll()).object().value(QStringLiteral("distributed")).toObject();
        QCOMPARE(distributed.value(QStringLiteral("world_size")).toInt(), 2);
        QCOMPARE(distributed.value(QStringLiteral("per_rank_batch")).toInt(), 4);
        QCOMPARE(distributed.value(QStringLiteral("effective_batch")).toInt(), 8);
        QCOMPARE(distributed.value(QStringLiteral("lr_scaling")).toString(), QStringLiteral("none"));
        QCOMPARE(distributed.value(QStringLiteral("backend")).toString(), QStringLiteral("gloo"));
        QFile metrics(run + QStringLiteral("/metrics.jsonl"));
        QVERIFY(metrics.open(QIODevice::ReadOnly));
        QCOMPARE(metrics.readAll().trimmed().split('\n').size(), 3);
    }

    // A Python rank (torch.distributed, Gloo, env://) joins this rank's group; an allreduce agrees.
    void pythonRankJoins()
    {
        const QString python = QStringLiteral("/usr/bin/python3");
        QProcess probe;
        probe.start(python, {QStringLiteral("-c"), QStringLiteral("import torch.distributed")});
        if (!probe.waitForFinished(60000) || probe.exitStatus() != QProcess::NormalExit || probe.exitCode() != 0)
            QSKIP("/usr/bin/python3 has no torch.distributed (install python3-torch): interop not checked");
        const int port = freePort();
        QProcess loupeRank;
        QProcessEnvironment env = rankEnvironment(0, 2, port);
        env.insert(QStringLiteral("LOUPE_TST_ROLE"), QStringLiteral("interop"));
        loupeRank.setProcessEnvironment(env);
        loupeRank.start(QCoreApplication::applicationFilePath(), {});
        QProcess pyRank;
        pyRank.setProcessEnvironment(rankEnvironment(1, 2, port));
        pyRank.setProcessChannelMode(QProcess::MergedChannels);
        pyRank.start(python, {QStringLiteral("-c"),
                              QStringLiteral("import torch, torch.distributed as dist\n"
                                             "dist.init_process_group('gloo')\n"
                                             "t = torch.tensor([1.0 + dist.get_rank(), 20.0, 0.25], dtype=torch.float64)\n"
                                             "dist.all_reduce(t)\n"
                                             "print('python', *[f'{v:g}' for v in t.tolist()])\n"
                                             "dist.destroy_process_group()\n")});
        QVERIFY(pyRank.waitForFinished(120000));
        QVERIFY(loupeRank.waitForFinished(120000));
        const QByteArray py = pyRank.readAll();
        const QByteArray ours = loupeRank.readAllStandardOutput() + loupeRank.readAllStandardError();
        QVERIFY2(pyRank.exitCode() == 0, py.constData());
        QVERIFY2(loupeRank.exitCode() == 0, ours.constData());
        QVERIFY2(py.contains("python 3 30 0.75"), py.constData());
        QVERIFY2(ours.contains("interop 3 30 0.75"), ours.constData());
    }
};

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsSet("LOUPE_TST_ROLE"))
        return rankMain();
    QCoreApplication app(argc, argv);
    TestDistributed test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_distributed.moc"
