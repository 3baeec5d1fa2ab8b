// Step speed of each backbone in each compute mode (float32 or bfloat16 autocast, NCHW or
// channels-last) on tensors in memory: what the model costs, without the data loader. The
// training step is the trainer's (forward, float32 cross-entropy, backward, SGD with momentum);
// the inference step is evaluation's (inference mode, eval mode). See README.md.

#include "model/ModelSpeed.h"
#include "model/Precision.h"
#include "model/TorchRuntime.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <stdexcept>

using namespace loupe;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    const QCommandLineOption archs(QStringLiteral("archs"), QStringLiteral("Backbones, comma-separated."),
                                   QStringLiteral("LIST"), QStringLiteral("resnet18,resnet34,resnet50,vgg16,vgg19"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Input side in pixels."), QStringLiteral("N"),
                                  QStringLiteral("64"));
    const QCommandLineOption batch(QStringLiteral("batch"), QStringLiteral("Batch size."), QStringLiteral("N"),
                                   QStringLiteral("64"));
    const QCommandLineOption steps(QStringLiteral("steps"), QStringLiteral("Timed steps per mode."),
                                   QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption threads(QStringLiteral("threads"), QStringLiteral("Compute threads."), QStringLiteral("N"),
                                     QStringLiteral("2"));
    const QCommandLineOption infer(QStringLiteral("inference"), QStringLiteral("Time inference instead of training."));
    p.addOptions({archs, size, batch, steps, threads, infer});
    p.process(app);

    setComputeThreads(p.value(threads).toInt());
    keepFreedMemory();
    const int n = p.value(size).toInt();
    const int b = p.value(batch).toInt();
    const int s = p.value(steps).toInt();
    std::printf("# CPU bfloat16 support: %s; %d threads; %s, %d px, batch %d, %d steps\n",
                qPrintable(cpuBf16Support().describe()), computeThreads(),
                p.isSet(infer) ? "inference" : "training", n, b, s);
    std::printf("arch\tfp32_nchw\tfp32_cl\tbf16_nchw\tbf16_cl\n");
    for (const QString &arch : p.value(archs).split(QLatin1Char(','))) {
        std::printf("%s", qPrintable(arch));
        for (const bool bf16 : {false, true})
            for (const bool cl : {false, true}) {
                ModelSpeedProbe probe;
                probe.arch = arch;
                probe.imageSize = n;
                probe.batch = b;
                probe.steps = s;
                probe.training = !p.isSet(infer);
                probe.precision = bf16 ? Precision::BFloat16 : Precision::Float32;
                probe.channelsLast = cl;
                try {
                    std::printf("\t%.1f", measureModelSpeed(probe));
                } catch (const std::exception &e) {
                    std::fprintf(stderr, "\n%s\n", e.what());
                    return 2;
                }
                std::fflush(stdout);
            }
        std::printf("\n");
    }
    return 0;
}
