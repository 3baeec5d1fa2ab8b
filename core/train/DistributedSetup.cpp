#include "train/DistributedSetup.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace loupe {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::DistributedSetup)
};

/// Splits at commas outside brackets: "a[1-2,4],b" → "a[1-2,4]", "b".
QStringList topLevelItems(const QString &list)
{
    QStringList items;
    QString current;
    int depth = 0;
    for (const QChar c : list) {
        if (c == QLatin1Char('['))
            ++depth;
        else if (c == QLatin1Char(']'))
            --depth;
        if (c == QLatin1Char(',') && depth == 0) {
            items.append(current);
            current.clear();
        } else {
            current.append(c);
        }
    }
    items.append(current);
    return items;
}

bool readInt(const QProcessEnvironment &env, const QString &name, int *value)
{
    bool ok = false;
    const int v = env.value(name).trimmed().toInt(&ok);
    if (ok)
        *value = v;
    return ok;
}

} // namespace

QStringList expandSlurmNodeList(const QString &list)
{
    QStringList hosts;
    for (const QString &item : topLevelItems(list.trimmed())) {
        if (item.isEmpty())
            return {};
        const int open = item.indexOf(QLatin1Char('['));
        if (open < 0) {
            hosts.append(item);
            continue;
        }
        const int close = item.indexOf(QLatin1Char(']'), open);
        if (close < 0)
            return {};
        const QString prefix = item.left(open);
        const QString suffix = item.mid(close + 1);
        for (const QString &range : item.mid(open + 1, close - open - 1).split(QLatin1Char(','))) {
            const QStringList ends = range.split(QLatin1Char('-'));
            bool okA = false, okB = true;
            const int a = ends.front().toInt(&okA);
            const int b = ends.size() == 2 ? ends.back().toInt(&okB) : a;
            if (!okA || !okB || ends.size() > 2 || b < a)
                return {};
            // Slurm keeps leading zeros: node[01-03] are node01..node03.
            const int width = ends.front().size();
            for (int n = a; n <= b; ++n)
                hosts.append(prefix + QStringLiteral("%1").arg(n, width, 10, QLatin1Char('0')) + suffix);
        }
    }
    return hosts;
}

bool DistributedSetup::fromEnvironment(const QProcessEnvironment &env, DistributedSetup *setup, QString *error)
{
    DistributedSetup s;
    const bool torchStyle = env.contains(QStringLiteral("RANK")) || env.contains(QStringLiteral("WORLD_SIZE"));
    const bool slurm = env.contains(QStringLiteral("SLURM_PROCID"));
    if (torchStyle) {
        if (!readInt(env, QStringLiteral("RANK"), &s.rank) || !readInt(env, QStringLiteral("WORLD_SIZE"), &s.worldSize)) {
            *error = Text::tr("--distributed needs both RANK and WORLD_SIZE as numbers (they are '%1' and '%2')")
                         .arg(env.value(QStringLiteral("RANK")), env.value(QStringLiteral("WORLD_SIZE")));
            return false;
        }
        if (!readInt(env, QStringLiteral("LOCAL_RANK"), &s.localRank))
            s.localRank = s.rank;
        s.launcher = env.contains(QStringLiteral("TORCHELASTIC_RUN_ID")) ? QStringLiteral("torchrun")
                                                                           : QStringLiteral("env");
    } else if (slurm) {
        if (!readInt(env, QStringLiteral("SLURM_PROCID"), &s.rank)
            || !readInt(env, QStringLiteral("SLURM_NTASKS"), &s.worldSize)) {
            *error = Text::tr("--distributed under Slurm needs SLURM_PROCID and SLURM_NTASKS (run it through srun)");
            return false;
        }
        if (!readInt(env, QStringLiteral("SLURM_LOCALID"), &s.localRank))
            s.localRank = 0;
        const QStringList hosts = expandSlurmNodeList(env.value(QStringLiteral("SLURM_JOB_NODELIST"),
                                                                env.value(QStringLiteral("SLURM_NODELIST"))));
        if (!hosts.isEmpty())
            s.masterAddr = hosts.front();
        s.launcher = QStringLiteral("slurm");
    } else {
        *error = Text::tr("--distributed found neither RANK and WORLD_SIZE (torchrun, or set them yourself) nor "
                          "SLURM_PROCID (srun); to start ranks on this machine use --nproc N instead");
        return false;
    }
    if (env.contains(QStringLiteral("MASTER_ADDR")))
        s.masterAddr = env.value(QStringLiteral("MASTER_ADDR"));
    if (env.contains(QStringLiteral("MASTER_PORT")) && !readInt(env, QStringLiteral("MASTER_PORT"), &s.masterPort)) {
        *error = Text::tr("MASTER_PORT is not a port number: '%1'").arg(env.value(QStringLiteral("MASTER_PORT")));
        return false;
    }
    if (s.worldSize < 1 || s.rank < 0 || s.rank >= s.worldSize) {
        *error = Text::tr("rank %1 is not within a world of %2 processes").arg(s.rank).arg(s.worldSize);
        return false;
    }
    if (s.masterPort < 1 || s.masterPort > 65535) {
        *error = Text::tr("MASTER_PORT %1 is not a port number").arg(s.masterPort);
        return false;
    }
    s.agentStore = env.value(QStringLiteral("TORCHELASTIC_USE_AGENT_STORE")).compare(QLatin1String("true"),
                                                                                      Qt::CaseInsensitive) == 0;
    readInt(env, QStringLiteral("TORCHELASTIC_RESTART_COUNT"), &s.restartCount);
    *setup = s;
    return true;
}

} // namespace loupe
