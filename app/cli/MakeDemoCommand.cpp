// loupe-cli make-demo: Fashion-MNIST as class folders, or generated inspection images.

#include "Commands.h"
#include "OptionValues.h"
#include "ProgressPrinter.h"

#include "dataset/DemoMaker.h"

#include <cstdio>

namespace loupe::cli {

namespace {

class MakeDemoCommand : public Command
{
public:
    QString description() const override
    {
        return Cli::tr("Writes a demo dataset: Fashion-MNIST as class folders, or generated inspection images with "
                       "COCO boxes and masks.");
    }

    void declare(QCommandLineParser &p) const override
    {
        p.addPositionalArgument(QStringLiteral("OUT_DIR"), Cli::tr("Folder to write into."));
        p.addOptions({m_kind, m_perClass, m_seed});
    }

    int run(const QCommandLineParser &p) const override
    {
        if (p.positionalArguments().size() != 1)
            return fail(Cli::tr("make-demo takes one OUT_DIR; see 'loupe-cli make-demo --help'"));
        const QString out = p.positionalArguments().front();
        int count = -1; // not given
        quint64 seed = 0;
        QString error;
        if (!readInt(p, m_perClass, 0, &count, &error) || !readSeed(p, m_seed, &seed, &error))
            return fail(error);

        ProgressPrinter printer;
        const auto progress = [&](int done, int total) { printer.update(Cli::tr("Writing images"), done, total); };
        int written = 0;
        if (p.value(m_kind) == QLatin1String("fashion")) {
            written = makeFashionDemo(out, count < 0 ? 0 : count, {}, progress);
        } else if (p.value(m_kind) == QLatin1String("defects")) {
            DefectsDemoOptions options;
            if (count > 0)
                options.imagesPerClass = count;
            options.seed = seed;
            written = makeDefectsDemo(out, options, progress);
        } else {
            return fail(Cli::tr("--kind expects fashion or defects, got \"%1\"").arg(p.value(m_kind)));
        }
        printer.finish();
        std::printf("%s\n", qPrintable(Cli::tr("Wrote %1 images to %2").arg(written).arg(out)));
        return Done;
    }

private:
    const QCommandLineOption m_kind{QStringLiteral("kind"), Cli::tr("fashion or defects."), QStringLiteral("KIND"),
                                    QStringLiteral("defects")};
    const QCommandLineOption m_perClass{QStringLiteral("per-class"),
                                        Cli::tr("Images per class (fashion: per split; 0 = all)."), QStringLiteral("N")};
    const QCommandLineOption m_seed{QStringLiteral("seed"), Cli::tr("Seed of the generated defects."),
                                    QStringLiteral("N"), QStringLiteral("7")};
};

} // namespace

std::unique_ptr<Command> makeMakeDemoCommand()
{
    return std::make_unique<MakeDemoCommand>();
}

} // namespace loupe::cli
