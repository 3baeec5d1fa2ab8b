// loupe-bench-mainwindow: how long the window's GUI thread goes without running its event loop
// while it inspects a dataset (a 5 ms probe timer's worst gap). See README.md beside this file.

#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace loupe;

namespace {

// COUNT JPEGs of W×H in two class folders, flat grey levels varying with the index.
bool writeImages(const QString &dir, int count, int width, int height)
{
    for (int i = 0; i < count; ++i) {
        QImage image(width, height, QImage::Format_RGB888);
        image.fill(QColor(i % 255, (i * 7) % 255, 128));
        const QString folder = QStringLiteral("%1/c%2").arg(dir).arg(i % 2);
        if (!QDir().mkpath(folder) || !image.save(QStringLiteral("%1/%2.jpg").arg(folder).arg(i), "JPG"))
            return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("LoupeBench"));
    QCoreApplication::setApplicationName(QStringLiteral("loupe-bench-mainwindow"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Worst GUI stall of the main window while it inspects a dataset."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("DATASET"), QStringLiteral("Dataset to open (default: generated)."),
                                 QStringLiteral("[DATASET]"));
    const QCommandLineOption count(QStringLiteral("images"), QStringLiteral("Generated images (default 300)."),
                                   QStringLiteral("N"), QStringLiteral("300"));
    const QCommandLineOption runs(QStringLiteral("runs"), QStringLiteral("Opens of the dataset (default 3)."),
                                  QStringLiteral("N"), QStringLiteral("3"));
    parser.addOptions({count, runs});
    parser.process(app);

    QTemporaryDir scratch;
    QString dataset;
    if (!parser.positionalArguments().isEmpty()) {
        dataset = parser.positionalArguments().front();
    } else {
        dataset = scratch.path();
        if (!writeImages(dataset, parser.value(count).toInt(), 320, 240)) {
            std::fprintf(stderr, "cannot write images to %s\n", qPrintable(dataset));
            return 2;
        }
    }

    std::printf("%-8s %12s %16s\n", "run", "inspect ms", "worst stall ms");
    std::vector<qint64> stalls;
    for (int run = 1; run <= std::max(1, parser.value(runs).toInt()); ++run) {
        MainWindow window;
        window.show();
        QElapsedTimer clock;
        qint64 last = 0;
        qint64 worst = 0;
        QTimer probe;
        probe.setInterval(5);
        QObject::connect(&probe, &QTimer::timeout, [&] {
            const qint64 now = clock.elapsed();
            worst = std::max(worst, now - last);
            last = now;
        });
        bool finished = false;
        QObject::connect(&window, &MainWindow::inspectionDone, [&] { finished = true; });
        clock.start();
        probe.start();
        window.openDataset(dataset);
        while (!finished)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        probe.stop();
        stalls.push_back(worst);
        std::printf("%-8d %12lld %16lld\n", run, clock.elapsed(), worst);
    }
    std::sort(stalls.begin(), stalls.end());
    std::printf("median worst stall: %lld ms\n", stalls[stalls.size() / 2]);
    QSettings().clear();
    return 0;
}
