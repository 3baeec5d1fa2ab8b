#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace loupe {

/// Where this process sits in a data-parallel job and how to reach the others: what
/// `loupe-cli train --distributed` reads from torchrun's or Slurm's environment. Plain values, so
/// that the command line and tests use it without LibTorch; core's DistributedContext joins the group.
struct DistributedSetup {
    int rank = 0;
    int worldSize = 1;
    int localRank = 0;
    QString masterAddr = QStringLiteral("127.0.0.1");
    int masterPort = 29500;
    int timeoutSeconds = 60; ///< a collective or the rendezvous that waits longer fails
    /// torchrun's agent hosts the store (TORCHELASTIC_USE_AGENT_STORE): every rank is a client and
    /// the keys live under /worker/attempt_<restart count>.
    bool agentStore = false;
    int restartCount = 0;
    QString launcher; ///< "env", "torchrun", "slurm": where the values came from, for config.json

    bool isMain() const { return rank == 0; }

    /// Reads RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR, MASTER_PORT (torchrun, `--nproc`), or
    /// Slurm's SLURM_PROCID, SLURM_NTASKS, SLURM_LOCALID and the first host of SLURM_JOB_NODELIST
    /// (MASTER_ADDR and MASTER_PORT still win when set). On failure returns false and says why.
    static bool fromEnvironment(const QProcessEnvironment &env, DistributedSetup *setup, QString *error);
};

/// Slurm's compressed host list ("node[01-03,07],gpu5") as host names, in order. Empty when the
/// text is malformed.
QStringList expandSlurmNodeList(const QString &list);

} // namespace loupe
