// Trains one job in the real window (MainWindow → TrainPanel → TrainController) while a probe
// timer measures the GUI event loop's latency, then the same job with `loupe-cli train`; repeats.
// Reports the latency percentiles, both throughputs and their ratio; optionally grabs the
// window mid-run as a PNG.
//
//   loupe-bench-train-window DATASET [--epochs 3] [--image-size 64] [--batch 32] [--threads 2]
//                            [--rounds 2] [--screenshot FILE.png] [--work DIR]

#include "MainWindow.h"
#include "TrainPanel.h"
#include "dataset/DemoMaker.h"
#include "project/RunFolder.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <numeric>

using namespace loupe;

namespace {

// The probe asks for a wake-up this often; how late it comes is the event loop's latency.
constexpr int kProbeIntervalMs = 5;

struct Job {
    double imagesPerSecond = 0; ///< mean of the epochs' training throughput (metrics.jsonl)
    double wallSeconds = 0;
    std::vector<double> latencyMs;
    int replots = 0;
    double guiCpuSeconds = 0; ///< CPU time the GUI thread spent during the job
};

double threadCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + t.tv_nsec / 1e9;
}

/// The event loop's latency with nothing training: what the machine's other load costs alone.
std::vector<double> probeIdle(int milliseconds)
{
    std::vector<double> latency;
    QElapsedTimer since;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(kProbeIntervalMs);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        latency.push_back(std::max(0.0, since.nsecsElapsed() / 1e6 - kProbeIntervalMs));
        since.restart();
    });
    since.start();
    probe.start();
    // A real event loop: processEvents(flags, ms) would spin and measure itself.
    QEventLoop loop;
    QTimer::singleShot(milliseconds, &loop, &QEventLoop::quit);
    loop.exec();
    return latency;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const std::size_t i = std::min(v.size() - 1, std::size_t(p / 100.0 * double(v.size() - 1) + 0.5));
    return v[i];
}

double meanThroughput(const QString &runDir)
{
    const std::vector<EpochMetrics> h = runfolder::readMetrics(runDir);
    if (h.empty())
        return 0;
    double sum = 0;
    for (const EpochMetrics &m : h)
        sum += m.imagesPerSecond;
    return sum / double(h.size());
}

Job runInWindow(MainWindow &window, TrainPanel *panel, const TrainConfig &cfg, const QString &screenshot)
{
    Job job;
    panel->setConfig(cfg);
    QSignalSpy finished(panel->controller(), &TrainController::finished);
    QSignalSpy failed(panel->controller(), &TrainController::error);
    bool shot = screenshot.isEmpty();
    int epochsSeen = 0;
    QElapsedTimer sinceProbe;
    QMetaObject::Connection epochConn = QObject::connect(panel->controller(), &TrainController::epochDone,
                                                         [&](const EpochMetrics &) { ++epochsSeen; });
    QMetaObject::Connection progressConn = QObject::connect(
        panel->controller(), &TrainController::progress, [&](const TrainProgress &p, const QVector<QPointF> &) {
            // Mid-run: the second epoch half done, so that the plot has epoch points and a step curve.
            if (!shot && epochsSeen >= 1 && p.step * 2 >= p.stepsPerEpoch) {
                shot = true;
                QTimer::singleShot(100, &window, [&window, &sinceProbe, screenshot] {
                    const bool saved = window.grab().save(screenshot, "PNG");
                    // The grab is the benchmark's own work, not the window's: keep it out of the latency.
                    sinceProbe.restart();
                    if (!saved)
                        std::fprintf(stderr, "cannot write %s\n", qPrintable(screenshot));
                    else
                        std::printf("screenshot: %s\n", qPrintable(screenshot));
                });
            }
        });

    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(kProbeIntervalMs);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        job.latencyMs.push_back(std::max(0.0, sinceProbe.nsecsElapsed() / 1e6 - kProbeIntervalMs));
        sinceProbe.restart();
    });
    const int replotsBefore = panel->lossPlot()->replotCount();
    QElapsedTimer wall;
    wall.start();
    const double cpuBefore = threadCpuSeconds();
    if (!panel->startRun()) {
        std::fprintf(stderr, "window: cannot start: %s\n", qPrintable(panel->messageText()));
        return job;
    }
    const QString runDir = panel->controller()->runDir();
    sinceProbe.start();
    probe.start();
    QEventLoop loop;
    QObject::connect(panel->controller(), &TrainController::finished, &loop, &QEventLoop::quit, Qt::QueuedConnection);
    QObject::connect(panel->controller(), &TrainController::error, &loop, &QEventLoop::quit, Qt::QueuedConnection);
    loop.exec();
    probe.stop();
    job.wallSeconds = wall.elapsed() / 1000.0;
    job.guiCpuSeconds = threadCpuSeconds() - cpuBefore;
    QObject::disconnect(epochConn);
    QObject::disconnect(progressConn);
    if (!failed.isEmpty())
        std::fprintf(stderr, "window: %s\n", qPrintable(failed.first().at(0).toString()));
    job.imagesPerSecond = meanThroughput(runDir);
    job.replots = panel->lossPlot()->replotCount() - replotsBefore;
    return job;
}

Job runInCli(const QString &dataset, const TrainConfig &cfg, const QString &runDir)
{
    Job job;
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const QStringList args{QStringLiteral("train"), dataset, QStringLiteral("--out"), runDir,
                           QStringLiteral("--model"), cfg.model, QStringLiteral("--image-size"), QString::number(cfg.imageSize),
                           QStringLiteral("--epochs"), QString::number(cfg.epochs), QStringLiteral("--batch"),
                           QString::number(cfg.batchSize), QStringLiteral("--lr"), QString::number(cfg.learningRate),
                           QStringLiteral("--optimizer"), cfg.optimizer, QStringLiteral("--threads"),
                           QString::number(cfg.threads), QStringLiteral("--seed"), QString::number(cfg.seed)};
    QElapsedTimer wall;
    wall.start();
    p.start(QStringLiteral(LOUPE_CLI), args);
    p.waitForFinished(-1);
    job.wallSeconds = wall.elapsed() / 1000.0;
    if (p.exitCode() != 0)
        std::fprintf(stderr, "loupe-cli exited with %d\n", p.exitCode());
    job.imagesPerSecond = meanThroughput(runDir);
    return job;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("LoupeBench"));
    QApplication::setApplicationName(QStringLiteral("train-window"));
    QApplication::setStyle(QStringLiteral("Fusion"));
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("DATASET"), QStringLiteral("Dataset to train on (made as a fashion demo if missing)."));
    const QCommandLineOption epochs(QStringLiteral("epochs"), QStringLiteral("Epochs."), QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption size(QStringLiteral("image-size"), QStringLiteral("Input size."), QStringLiteral("N"), QStringLiteral("64"));
    const QCommandLineOption batch(QStringLiteral("batch"), QStringLiteral("Batch."), QStringLiteral("N"), QStringLiteral("32"));
    const QCommandLineOption threads(QStringLiteral("threads"), QStringLiteral("Compute threads."), QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption rounds(QStringLiteral("rounds"), QStringLiteral("Window + CLI pairs."), QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"), QStringLiteral("Grab the window mid-run."), QStringLiteral("FILE"));
    const QCommandLineOption work(QStringLiteral("work"), QStringLiteral("Folder for the CLI's runs."), QStringLiteral("DIR"),
                                  QDir::temp().filePath(QStringLiteral("loupe-bench-train-window")));
    parser.addOptions({epochs, size, batch, threads, rounds, screenshot, work});
    parser.process(app);
    if (parser.positionalArguments().size() != 1)
        parser.showHelp(2);
    const QString dataset = QFileInfo(parser.positionalArguments().front()).absoluteFilePath();
    if (!QFileInfo::exists(dataset)) {
        std::printf("making a fashion demo (30 a class) in %s\n", qPrintable(dataset));
        makeFashionDemo(dataset, 30, {}, {});
    }

    TrainConfig cfg;
    cfg.model = QStringLiteral("resnet18");
    cfg.imageSize = parser.value(size).toInt();
    cfg.epochs = parser.value(epochs).toInt();
    cfg.batchSize = parser.value(batch).toInt();
    cfg.optimizer = QStringLiteral("adam");
    cfg.learningRate = 1e-3;
    cfg.threads = parser.value(threads).toInt();
    cfg.seed = 1;

    MainWindow window;
    window.resize(1500, 950);
    window.show();
    QSignalSpy inspected(&window, &MainWindow::inspectionDone);
    window.openDataset(dataset);
    if (!inspected.wait(120000) || !window.inspection()) {
        std::fprintf(stderr, "the window could not open %s\n", qPrintable(dataset));
        return 2;
    }
    if (!window.showPanel(QStringLiteral("train"))) {
        std::fprintf(stderr, "the window has no train page\n");
        return 2;
    }
    auto *panel = window.findChild<TrainPanel *>();
    QTest::qWait(1000); // let thumbnails and layout settle

    const QString workDir = parser.value(work);
    QDir(workDir).removeRecursively();
    QDir().mkpath(workDir);
    std::printf("dataset %s: %zu images; resnet18, %d px, batch %d, %d epochs, %d compute threads; %d cores\n",
                qPrintable(dataset), window.inspection()->dataset.samples.size(), cfg.imageSize, cfg.batchSize,
                cfg.epochs, cfg.threads, QThread::idealThreadCount());
    const std::vector<double> idle = probeIdle(10000);
    std::printf("idle GUI (no training, 10 s): latency p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", percentile(idle, 50),
                percentile(idle, 99), idle.empty() ? 0.0 : *std::max_element(idle.begin(), idle.end()));
    std::printf("%-6s %-7s %10s %8s %9s %9s %9s %8s %8s\n", "round", "job", "images/s", "wall s", "p50 ms", "p99 ms",
                "max ms", "replots", "GUI cpu");
    double windowSum = 0, cliSum = 0;
    std::vector<double> allLatency;
    const int n = parser.value(rounds).toInt();
    for (int r = 1; r <= n; ++r) {
        const Job w = runInWindow(window, panel, cfg, r == 1 ? parser.value(screenshot) : QString());
        allLatency.insert(allLatency.end(), w.latencyMs.begin(), w.latencyMs.end());
        std::printf("%-6d %-7s %10.1f %8.1f %9.2f %9.2f %9.2f %8d %7.1f%%\n", r, "window", w.imagesPerSecond,
                    w.wallSeconds, percentile(w.latencyMs, 50), percentile(w.latencyMs, 99),
                    w.latencyMs.empty() ? 0.0 : *std::max_element(w.latencyMs.begin(), w.latencyMs.end()), w.replots,
                    100.0 * w.guiCpuSeconds / std::max(1e-9, w.wallSeconds));
        std::fflush(stdout);
        const Job c = runInCli(dataset, cfg, QDir(workDir).filePath(QStringLiteral("cli-%1").arg(r)));
        std::printf("%-6d %-7s %10.1f %8.1f\n", r, "cli", c.imagesPerSecond, c.wallSeconds);
        std::printf("%-6d ratio   %10.3f %8.3f   (window / cli: throughput, wall time)\n", r,
                    c.imagesPerSecond > 0 ? w.imagesPerSecond / c.imagesPerSecond : 0.0,
                    c.wallSeconds > 0 ? w.wallSeconds / c.wallSeconds : 0.0);
        std::fflush(stdout);
        windowSum += w.imagesPerSecond;
        cliSum += c.imagesPerSecond;
    }
    std::printf("overall: window/cli throughput %.3f (goal >= 0.9); GUI latency p50 %.2f ms, p99 %.2f ms (goal < 16), "
                "max %.2f ms over %zu probes\n",
                cliSum > 0 ? windowSum / cliSum : 0.0, percentile(allLatency, 50), percentile(allLatency, 99),
                allLatency.empty() ? 0.0 : *std::max_element(allLatency.begin(), allLatency.end()), allLatency.size());
    return 0;
}
