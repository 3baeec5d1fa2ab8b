// loupe-cli: the engine from the command line, for scripts, CI and remote machines.
// Exit status: 0 done, 1 the job or check failed, 2 unusable input or arguments.

#include "Translations.h"
#include "dataset/DemoMaker.h"
#include "dataset/Errors.h"
#include "dataset/Inspection.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <cstdio>
#include <mutex>
#include <unistd.h>

namespace {

struct Cli {
    Q_DECLARE_TR_FUNCTIONS(loupe::Cli)
};

enum Exit { Done = 0, Failed = 1, BadInput = 2 };

int fail(const QString &message)
{
    std::fprintf(stderr, "loupe-cli: %s\n", qPrintable(message));
    return BadInput;
}

// Progress on stderr: a redrawn line on a terminal, a few plain lines otherwise; at most ~10 a second.
class ProgressPrinter
{
public:
    void update(const QString &phase, int done, int total)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        const bool last = total > 0 && done >= total;
        if (!last && phase == m_phase && m_timer.isValid() && m_timer.elapsed() < 100)
            return;
        if (phase != m_phase && !m_phase.isEmpty() && m_tty)
            std::fputc('\n', stderr);
        m_phase = phase;
        m_timer.start();
        if (m_tty) {
            std::fprintf(stderr, "\r%s %d/%d", qPrintable(phase), done, total);
            std::fflush(stderr);
        } else if (last) {
            std::fprintf(stderr, "%s %d/%d\n", qPrintable(phase), done, total);
        }
    }
    void finish()
    {
        if (m_tty && !m_phase.isEmpty())
            std::fputc('\n', stderr);
        m_phase.clear();
    }

private:
    std::mutex m_mutex;
    QString m_phase;
    QElapsedTimer m_timer;
    bool m_tty = isatty(fileno(stderr));
};

QString usage()
{
    return Cli::tr("usage: loupe-cli COMMAND ...\n"
                   "commands:\n"
                   "  inspect DATASET [--format F] [--labels FILE] [--json] [--threads N] [--headers-only]\n"
                   "  make-demo OUT_DIR [--kind fashion|defects] [--per-class N] [--seed N]\n"
                   "Run 'loupe-cli COMMAND --help' for a command's options.");
}

int inspect(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(Cli::tr("Reports what a dataset holds: classes, sizes, objects, broken files, "
                                        "duplicates and warnings."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("DATASET"), Cli::tr("A folder, CSV, COCO JSON, VOC or YOLO folder, or IDX file."));
    const QCommandLineOption format(QStringLiteral("format"), Cli::tr("auto, folder, csv, coco, voc, yolo or idx."),
                                    QStringLiteral("F"), QStringLiteral("auto"));
    const QCommandLineOption labels(QStringLiteral("labels"), Cli::tr("A label file kept apart from the images."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption json(QStringLiteral("json"), Cli::tr("Print one JSON object for scripts."));
    const QCommandLineOption threads(QStringLiteral("threads"), Cli::tr("Worker threads (0 = every core)."),
                                     QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption headersOnly(QStringLiteral("headers-only"),
                                         Cli::tr("Read image headers only; skip the full decode check."));
    p.addOptions({format, labels, json, threads, headersOnly});
    if (!p.parse(args))
        return fail(p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(p.helpText()), stdout);
        return Done;
    }
    if (p.positionalArguments().size() != 1)
        return fail(Cli::tr("inspect takes one DATASET; see 'loupe-cli inspect --help'"));
    bool ok = false;
    const int threadCount = p.value(threads).toInt(&ok);
    if (!ok || threadCount < 0)
        return fail(Cli::tr("--threads expects a whole number of 0 or more, got \"%1\"").arg(p.value(threads)));

    loupe::InspectOptions options;
    options.import.format = p.value(format);
    options.import.labelsFile = p.value(labels);
    options.scan.threads = threadCount;
    options.verify = !p.isSet(headersOnly);
    ProgressPrinter printer;
    const auto progress = [&](loupe::InspectPhase phase, int done, int total) {
        switch (phase) {
        case loupe::InspectPhase::Import: break;
        case loupe::InspectPhase::Headers: printer.update(Cli::tr("Reading headers"), done, total); break;
        case loupe::InspectPhase::Verify: printer.update(Cli::tr("Checking images"), done, total); break;
        }
    };
    try {
        const loupe::Inspection result = loupe::inspectDataset(p.positionalArguments().front(), options, progress);
        printer.finish();
        QTextStream out(stdout);
        if (p.isSet(json))
            out << QString::fromUtf8(loupe::reportJson(result)) << '\n';
        else
            out << loupe::formatReport(result);
        return Done;
    } catch (const loupe::LabelFileError &e) {
        printer.finish();
        return fail(e.message());
    } catch (const loupe::DatasetError &e) {
        printer.finish();
        return fail(e.message());
    }
}

int makeDemo(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(Cli::tr("Writes a demo dataset: Fashion-MNIST as class folders, or generated "
                                        "inspection images with COCO boxes and masks."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("OUT_DIR"), Cli::tr("Folder to write into."));
    const QCommandLineOption kind(QStringLiteral("kind"), Cli::tr("fashion or defects."), QStringLiteral("KIND"),
                                  QStringLiteral("defects"));
    const QCommandLineOption perClass(QStringLiteral("per-class"),
                                      Cli::tr("Images per class (fashion: per split; 0 = all)."), QStringLiteral("N"));
    const QCommandLineOption seed(QStringLiteral("seed"), Cli::tr("Seed of the generated defects."), QStringLiteral("N"),
                                  QStringLiteral("7"));
    p.addOptions({kind, perClass, seed});
    if (!p.parse(args))
        return fail(p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(p.helpText()), stdout);
        return Done;
    }
    if (p.positionalArguments().size() != 1)
        return fail(Cli::tr("make-demo takes one OUT_DIR; see 'loupe-cli make-demo --help'"));
    const QString out = p.positionalArguments().front();
    bool ok = true;
    const int count = p.isSet(perClass) ? p.value(perClass).toInt(&ok) : -1;
    if (!ok || (p.isSet(perClass) && count < 0))
        return fail(Cli::tr("--per-class expects a whole number of 0 or more, got \"%1\"").arg(p.value(perClass)));
    const quint64 seedValue = p.value(seed).toULongLong(&ok);
    if (!ok)
        return fail(Cli::tr("--seed expects a whole number, got \"%1\"").arg(p.value(seed)));

    ProgressPrinter printer;
    try {
        int written = 0;
        if (p.value(kind) == QLatin1String("fashion")) {
            written = loupe::makeFashionDemo(out, count < 0 ? 0 : count, {},
                                             [&](int d, int t) { printer.update(Cli::tr("Writing images"), d, t); });
        } else if (p.value(kind) == QLatin1String("defects")) {
            loupe::DefectsDemoOptions options;
            if (count > 0)
                options.imagesPerClass = count;
            options.seed = seedValue;
            written = loupe::makeDefectsDemo(out, options,
                                             [&](int d, int t) { printer.update(Cli::tr("Writing images"), d, t); });
        } else {
            return fail(Cli::tr("--kind expects fashion or defects, got \"%1\"").arg(p.value(kind)));
        }
        printer.finish();
        std::printf("%s\n", qPrintable(Cli::tr("Wrote %1 images to %2").arg(written).arg(out)));
        return Done;
    } catch (const loupe::DatasetError &e) {
        printer.finish();
        return fail(e.message());
    } catch (const loupe::LabelFileError &e) {
        printer.finish();
        return fail(e.message());
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Loupe"));
    QCoreApplication::setApplicationName(QStringLiteral("loupe-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LOUPE_VERSION));
    loupe::installTranslators(app);

    QStringList args = app.arguments();
    if (args.size() < 2)
        return fail(usage());
    const QString command = args.takeAt(1);
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        std::printf("%s\n", qPrintable(usage()));
        return Done;
    }
    if (command == QLatin1String("--version")) {
        std::printf("loupe-cli %s\n", LOUPE_VERSION);
        return Done;
    }
    if (command == QLatin1String("inspect"))
        return inspect(args);
    if (command == QLatin1String("make-demo"))
        return makeDemo(args);
    return fail(Cli::tr("unknown command \"%1\"\n%2").arg(command, usage()));
}
