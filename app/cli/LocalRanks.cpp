#include "LocalRanks.h"

#include "Command.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QThread>
#include <QTimer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <deque>
#include <memory>
#include <vector>

namespace loupe::cli {

namespace {

/// A failing rank's last lines are shown; the rest of its output is not.
constexpr int kTailLines = 40;

std::atomic<bool> g_stopRequested{false};

void requestStop(int)
{
    g_stopRequested = true;
}

struct Rank {
    int index = 0;
    std::unique_ptr<QProcess> process;
    std::deque<QByteArray> tail;
    QByteArray partial;
    bool finished = false;
    int status = 0;
};

QString describeEnd(const Rank &r)
{
    if (r.process->exitStatus() == QProcess::CrashExit)
        return Cli::tr("rank %1 was killed (a signal, or it crashed)").arg(r.index);
    return Cli::tr("rank %1 failed with exit status %2").arg(r.index).arg(r.process->exitCode());
}

} // namespace

int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof(addr);
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

QStringList rankArguments(const QStringList &arguments, int nproc)
{
    QStringList out;
    bool threadsGiven = false;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--nproc") || a == QLatin1String("-nproc")) {
            ++i; // its value
            continue;
        }
        if (a.startsWith(QLatin1String("--nproc=")) || a == QLatin1String("--distributed"))
            continue;
        if (a == QLatin1String("--threads") || a.startsWith(QLatin1String("--threads=")))
            threadsGiven = true;
        out.append(a);
    }
    out.append(QStringLiteral("--distributed"));
    // N ranks that each take every core would fight over them: each gets its share.
    if (!threadsGiven)
        out << QStringLiteral("--threads") << QString::number(qMax(1, QThread::idealThreadCount() / nproc));
    return out;
}

int runLocalRanks(const QStringList &arguments, int nproc, int timeoutSeconds)
{
    const int port = freePort();
    if (port == 0)
        return fail(Cli::tr("--nproc: no free TCP port on 127.0.0.1 for the ranks to meet"));
    const QStringList args = rankArguments(arguments, nproc);

    QEventLoop loop;
    std::vector<Rank> ranks(static_cast<std::size_t>(nproc));
    int running = 0;
    int firstFailure = -1;
    QElapsedTimer sinceFailure;
    for (int r = 0; r < nproc; ++r) {
        Rank &rank = ranks[std::size_t(r)];
        rank.index = r;
        rank.process = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("RANK"), QString::number(r));
        env.insert(QStringLiteral("LOCAL_RANK"), QString::number(r));
        env.insert(QStringLiteral("WORLD_SIZE"), QString::number(nproc));
        env.insert(QStringLiteral("LOCAL_WORLD_SIZE"), QString::number(nproc));
        env.insert(QStringLiteral("MASTER_ADDR"), QStringLiteral("127.0.0.1"));
        env.insert(QStringLiteral("MASTER_PORT"), QString::number(port));
        for (const char *name : {"TORCHELASTIC_USE_AGENT_STORE", "TORCHELASTIC_RUN_ID", "SLURM_PROCID"})
            env.remove(QLatin1String(name));
        rank.process->setProcessEnvironment(env);
        if (r == 0) {
            rank.process->setProcessChannelMode(QProcess::ForwardedChannels);
        } else {
            rank.process->setProcessChannelMode(QProcess::MergedChannels);
            QObject::connect(rank.process.get(), &QProcess::readyRead, &loop, [&rank] {
                rank.partial += rank.process->readAll();
                int eol;
                while ((eol = rank.partial.indexOf('\n')) >= 0) {
                    // Progress lines redraw with \r: keep what the line came to.
                    QByteArray line = rank.partial.left(eol);
                    rank.partial.remove(0, eol + 1);
                    line = line.mid(line.lastIndexOf('\r') + 1);
                    rank.tail.push_back(line);
                    if (int(rank.tail.size()) > kTailLines)
                        rank.tail.pop_front();
                }
            });
        }
        QObject::connect(rank.process.get(), &QProcess::finished, &loop, [&, r](int, QProcess::ExitStatus) {
            Rank &done = ranks[std::size_t(r)];
            done.finished = true;
            --running;
            const bool ok = done.process->exitStatus() == QProcess::NormalExit && done.process->exitCode() == 0;
            done.status = done.process->exitStatus() == QProcess::CrashExit ? int(Failed) : done.process->exitCode();
            if (!ok) {
                if (r != 0)
                    for (const QByteArray &line : done.tail)
                        std::fprintf(stderr, "[rank %d] %s\n", r, line.constData());
                std::fprintf(stderr, "loupe-cli: %s\n", qPrintable(describeEnd(done)));
                std::fflush(stderr);
                if (firstFailure < 0) {
                    firstFailure = r;
                    sinceFailure.start();
                }
            }
            if (running == 0)
                loop.quit();
        });
        rank.process->start(QCoreApplication::applicationFilePath(), args);
        if (!rank.process->waitForStarted()) {
            std::fprintf(stderr, "loupe-cli: %s\n",
                         qPrintable(Cli::tr("cannot start rank %1: %2").arg(r).arg(rank.process->errorString())));
            for (Rank &started : ranks)
                if (started.process && started.process->state() != QProcess::NotRunning) {
                    started.process->kill();
                    started.process->waitForFinished();
                }
            return Failed;
        }
        ++running;
    }

    // Ctrl+C or a TERM reaches the ranks (a terminal sends them SIGINT too); they stop together
    // between steps and keep the last checkpoint.
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    bool stopSent = false, killed = false;
    QTimer watch;
    QObject::connect(&watch, &QTimer::timeout, &loop, [&] {
        if (g_stopRequested && !stopSent) {
            stopSent = true;
            for (Rank &r : ranks)
                if (!r.finished)
                    r.process->terminate();
        }
        // A failed rank makes the others fail within their timeout; past it (and a margin for
        // naming the rank), whatever still runs is hung and is ended.
        if (firstFailure >= 0 && !killed && sinceFailure.elapsed() > qint64(timeoutSeconds + 15) * 1000) {
            killed = true;
            for (Rank &r : ranks)
                if (!r.finished) {
                    std::fprintf(stderr, "loupe-cli: %s\n",
                                 qPrintable(Cli::tr("rank %1 did not stop %2 s after rank %3 failed; ending it")
                                                .arg(r.index)
                                                .arg(timeoutSeconds + 15)
                                                .arg(firstFailure)));
                    r.process->kill();
                }
        }
    });
    watch.start(200);
    if (running > 0)
        loop.exec();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);

    int worst = 0;
    for (const Rank &r : ranks)
        worst = qMax(worst, r.status);
    return worst;
}

} // namespace loupe::cli
