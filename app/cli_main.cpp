// loupe-cli: the engine from the command line, for scripts, CI and remote machines.
// Exit status: 0 done, 1 the job or check failed, 2 unusable input or arguments.
// The commands live in cli/, one file each; this file only picks one.

#include "Translations.h"
#include "cli/Commands.h"

#include <QCoreApplication>

#include <cstdio>

using namespace loupe::cli;

namespace {

QString usage()
{
    return Cli::tr("usage: loupe-cli COMMAND ...\n"
                   "commands:\n"
                   "  inspect DATASET [--format F] [--labels FILE] [--json] [--threads N] [--headers-only]\n"
                   "  make-demo OUT_DIR [--kind fashion|defects] [--per-class N] [--seed N]\n"
                   "  train DATASET --out RUN_DIR [--model M] [--image-size N] [--epochs N] [--batch N] [--lr X]\n"
                   "        [--optimizer sgd|adam|adamw] [--augment PIPELINE.json|none] [--class-weights auto|none|W,..]\n"
                   "        [--early-stop PATIENCE] [--init WEIGHTS] [--threads N] [--seed N] [--dev-fraction F] [--resume]\n"
                   "  eval RUN_DIR DATASET [--json] [--predictions FILE.csv]\n"
                   "  overfit-check DATASET [--model M] [--images 5]\n"
                   "  report RUN_DIR [DATASET] --html FILE [--csv FILE] [--split dev|test] [--worst N]\n"
                   "  export RUN_DIR --onnx FILE.onnx | --torchscript FILE.pt [--json]\n"
                   "Run 'loupe-cli COMMAND --help' for a command's options.");
}

struct Entry {
    const char *name;
    std::unique_ptr<Command> (*make)();
};

// The command table: the name on the command line and the command it runs.
const Entry kCommands[] = {
    {"inspect", makeInspectCommand},
    {"make-demo", makeMakeDemoCommand},
    {"train", makeTrainCommand},
    {"eval", makeEvalCommand},
    {"overfit-check", makeOverfitCheckCommand},
    {"report", makeReportCommand},
    {"export", makeExportCommand},
};

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
    for (const Entry &entry : kCommands)
        if (command == QLatin1String(entry.name))
            return runCommand(*entry.make(), args);
    return fail(Cli::tr("unknown command \"%1\"\n%2").arg(command, usage()));
}
