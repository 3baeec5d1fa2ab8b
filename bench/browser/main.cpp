// loupe-bench-browser: drives the real BrowserPanel offscreen over a dataset folder and prints
// open-to-first-screen, full index, worst GUI stall while scrolling, resident memory, and
// thumbnails per second against a plain decode-then-resize loop. See README.md beside this file.

#include "BrowserPanel.h"
#include "ThumbnailFilterModel.h"
#include "ThumbnailLoader.h"
#include "ThumbnailModel.h"
#include "dataset/DatasetScanner.h"
#include "dataset/DatasetStats.h"
#include "dataset/Importers.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QListView>
#include <QPainter>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QThread>
#include <QThreadPool>
#include <QTimer>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <atomic>
#include <cstdio>

using namespace loupe;

namespace {

qint64 statusKb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field))).trimmed().split(' ').front().toLongLong();
    return -1;
}

// Worst gap between ticks of a 5 ms timer: how long the GUI thread went without its event loop.
class StallProbe : public QObject
{
public:
    StallProbe()
    {
        m_timer.setInterval(5);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.elapsed();
            if (now - m_last > 50)
                m_stalls.append(QStringLiteral("%1 ms at %2 ms").arg(now - m_last).arg(m_last));
            m_worst = std::max(m_worst, now - m_last);
            m_last = now;
        });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_worst = 0;
        m_stalls.clear();
        m_timer.start();
    }
    QStringList m_stalls; ///< every gap over 50 ms, for finding their cause
    qint64 stop()
    {
        m_timer.stop();
        return m_worst;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0, m_worst = 0;
};

// Notes the time of the first paint after which every visible cell has its thumbnail.
class PaintWatch : public QObject
{
public:
    PaintWatch(BrowserPanel *panel, QElapsedTimer *clock)
        : m_panel(panel)
        , m_clock(clock)
    {
        panel->grid()->viewport()->installEventFilter(this);
    }
    qint64 firstFullScreenMs = -1;
    void reset() { firstFullScreenMs = -1; }
    bool screenComplete() const
    {
        const QList<int> rows = m_panel->visibleRows();
        if (rows.isEmpty())
            return false;
        for (int r : rows) {
            const int src = m_panel->proxy()->sourceRow(r);
            const Sample *s = m_panel->model()->sampleAt(src);
            if (s && !m_panel->loader()->hasCurrent(s->path))
                return false;
        }
        return true;
    }
    bool eventFilter(QObject *, QEvent *event) override
    {
        // Checked after the paint: the state the user sees once this frame is on screen.
        if (event->type() == QEvent::Paint && firstFullScreenMs < 0)
            QTimer::singleShot(0, this, [this] {
                if (firstFullScreenMs < 0 && screenComplete())
                    firstFullScreenMs = m_clock->elapsed();
            });
        return false;
    }

private:
    BrowserPanel *m_panel;
    QElapsedTimer *m_clock;
};

void waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

struct OpenFigures {
    qint64 importMs = -1, firstScreenMs = -1, indexMs = -1, openStallMs = -1;
    qint64 scrollMs = -1, scrollStallMs = -1;
    int images = 0, rows = 0, steps = 0;
};

// Opens the folder the way the window should: the import (a folder listing) goes to the panel at
// once, the header scan's sizes follow. Both run on a worker thread.
OpenFigures openAndScroll(BrowserPanel &panel, const QString &path, bool scroll, int stepDivisor)
{
    OpenFigures f;
    QElapsedTimer clock;
    PaintWatch watch(&panel, &clock);
    StallProbe probe;
    std::atomic<qint64> indexMs{-1};
    QObject receiver;
    clock.start();
    probe.start();
    QThread *worker = QThread::create([&] {
        auto first = std::make_shared<Inspection>();
        first->dataset = importDataset(path);
        auto full = std::make_shared<Inspection>(*first);
        QMetaObject::invokeMethod(&receiver, [&, first] {
            f.importMs = clock.elapsed();
            panel.setInspection(first);
        }, Qt::QueuedConnection);
        scanner::readHeaders(full->dataset);
        full->stats = computeStats(full->dataset);
        QMetaObject::invokeMethod(&receiver, [&, full] {
            panel.setInspection(full);
            indexMs = clock.elapsed();
        }, Qt::QueuedConnection);
    });
    worker->start();
    waitUntil([&] { return indexMs >= 0 && watch.firstFullScreenMs >= 0; }, 60000);
    f.openStallMs = probe.stop();
    worker->wait();
    delete worker;
    f.firstScreenMs = watch.firstFullScreenMs;
    f.indexMs = indexMs;
    f.images = panel.model()->sampleCount();
    f.rows = panel.proxy()->rowCount();
    waitUntil([&] { return panel.loader()->isIdle(); }, 30000);

    if (scroll) {
        // A fast, steady fling: a third of a screen (by default) every 16 ms frame, top to bottom.
        QScrollBar *bar = panel.grid()->verticalScrollBar();
        const int step = std::max(1, panel.grid()->viewport()->height() / std::max(1, stepDivisor));
        QElapsedTimer t;
        t.start();
        probe.start();
        QTimer frame;
        frame.setInterval(16);
        QObject::connect(&frame, &QTimer::timeout, [&] {
            bar->setValue(std::min(bar->maximum(), bar->value() + step));
            ++f.steps;
        });
        frame.start();
        waitUntil([&] { return bar->value() >= bar->maximum(); }, 600000);
        frame.stop();
        waitUntil([&] { return panel.loader()->isIdle() && watch.screenComplete(); }, 30000);
        f.scrollStallMs = probe.stop();
        if (!probe.m_stalls.isEmpty())
            std::printf("  stalls over 50 ms while scrolling: %s\n", qPrintable(probe.m_stalls.join(QStringLiteral(", "))));
        f.scrollMs = t.elapsed();
    }
    return f;
}

// Thumbnails per second: the loader's job (DCT-reduced decode) against full decode + resize.
void throughput(const QString &path, int count, int size, int threads)
{
    Dataset ds = importDataset(path);
    scanner::readHeaders(ds);
    count = std::min<int>(count, int(ds.samples.size()));
    QThreadPool pool;
    pool.setMaxThreadCount(threads);
    auto run = [&](const std::function<void(const Sample &)> &job) {
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < count; ++i) {
            const Sample *s = &ds.samples[std::size_t(i)];
            pool.start([s, &job] { job(*s); });
        }
        pool.waitForDone();
        return count / (t.nsecsElapsed() / 1e9);
    };
    const double loader = run([size](const Sample &s) {
        ThumbnailLoader::makeThumbnail({s.path, s.width, s.height, nullptr, -1}, size, QString(), 0);
    });
    const double plain = run([size](const Sample &s) {
        cv::Mat m = cv::imread(s.path.toStdString(), cv::IMREAD_COLOR);
        const double f = double(size) / std::max(m.cols, m.rows);
        cv::Mat out;
        cv::resize(m, out, cv::Size(int(m.cols * f), int(m.rows * f)), 0, 0, cv::INTER_AREA);
    });
    std::printf("thumbnails/s (%d images, %d px, %d threads): loader %.0f, plain imread+resize %.0f (%.1fx)\n", count,
                size, threads, loader, plain, loader / plain);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("LoupeBench"));
    QApplication::setApplicationName(QStringLiteral("loupe-bench-browser"));
    QApplication::setStyle(QStringLiteral("Fusion"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Benchmarks the dataset browser on a folder."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("DATASET"), QStringLiteral("Dataset folder."));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Thumbnail size (default 128)."),
                                  QStringLiteral("PX"), QStringLiteral("128"));
    const QCommandLineOption window(QStringLiteral("window"), QStringLiteral("Panel size (default 1280x800)."),
                                    QStringLiteral("WxH"), QStringLiteral("1280x800"));
    const QCommandLineOption noScroll(QStringLiteral("no-scroll"), QStringLiteral("Skip the scroll."));
    const QCommandLineOption throughputOpt(QStringLiteral("throughput"),
                                           QStringLiteral("Also time N thumbnails against decode-then-resize."),
                                           QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption stepOpt(QStringLiteral("scroll-step"),
                                     QStringLiteral("Scroll 1/N of a screen per 16 ms frame (default 3)."),
                                     QStringLiteral("N"), QStringLiteral("3"));
    parser.addOptions({size, window, noScroll, throughputOpt, stepOpt});
    parser.process(app);
    if (parser.positionalArguments().isEmpty())
        parser.showHelp(2);
    const QString path = parser.positionalArguments().front();
    const QStringList wh = parser.value(window).split(QLatin1Char('x'));
    const int px = parser.value(size).toInt();

    QTemporaryDir cache; // cold disk cache for the first open, warm for the second
    std::printf("dataset %s, thumbnails %d px, panel %s, %d threads\n", qPrintable(path), px,
                qPrintable(parser.value(window)), QThread::idealThreadCount());
    for (int pass = 0; pass < 2; ++pass) {
        BrowserPanel panel;
        panel.loader()->setDiskCacheDir(cache.path());
        panel.setThumbnailSize(px);
        panel.resize(wh.value(0).toInt(), wh.value(1).toInt());
        panel.show();
        const OpenFigures f = openAndScroll(panel, path, pass == 0 && !parser.isSet(noScroll),
                                              parser.value(stepOpt).toInt());
        std::printf("%s disk cache: %d images; listing %lld ms, first screen painted %lld ms, full index (headers) %lld ms, "
                    "worst GUI stall while opening %lld ms\n",
                    pass == 0 ? "cold" : "warm", f.images, f.importMs, f.firstScreenMs, f.indexMs, f.openStallMs);
        if (f.scrollMs >= 0)
            std::printf("  scroll top to bottom: %d frames in %lld ms, worst GUI stall %lld ms; thumbnails decoded %d\n",
                        f.steps, f.scrollMs, f.scrollStallMs, panel.loader()->counters().decoded);
        std::printf("  resident memory now %lld MB, peak %lld MB; thumbnail memory cache %lld MB\n",
                    statusKb("VmRSS:") / 1024, statusKb("VmHWM:") / 1024, panel.loader()->memoryBytes() >> 20);
        std::fflush(stdout);
    }
    const int n = parser.value(throughputOpt).toInt();
    if (n > 0)
        throughput(path, n, px, QThread::idealThreadCount());
    return 0;
}
