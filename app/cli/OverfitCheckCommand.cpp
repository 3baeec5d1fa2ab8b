// loupe-cli overfit-check: can the pipeline learn five images? Exit 0 pass, 1 fail.

#include "Commands.h"
#include "OverfitCheckOptions.h"
#include "ProgressPrinter.h"
#include "ReadDataset.h"

#include <cstdio>

namespace loupe::cli {

namespace {

class OverfitCheckCommand : public Command
{
public:
    QString description() const override
    {
        return Cli::tr("The practice's first sanity check: train on five images with every random "
                       "transform off and expect the model to learn them all. Exit 0 pass, 1 fail.");
    }

    void declare(QCommandLineParser &p) const override
    {
        p.addPositionalArgument(QStringLiteral("DATASET"), Cli::tr("The dataset to draw the images from."));
        m_options.declare(p);
    }

    int run(const QCommandLineParser &p) const override
    {
        if (p.positionalArguments().size() != 1)
            return fail(Cli::tr("overfit-check takes one DATASET; see 'loupe-cli overfit-check --help'"));
        OverfitOptions o;
        if (const QString error = m_options.apply(p, &o); !error.isEmpty())
            return fail(error);
        ProgressPrinter printer;
        const Dataset dataset = readDataset(p.positionalArguments().front(), m_options.dataset.importOptions(p),
                                            o.threads, printer);
        const OverfitResult r = runOverfitCheck(dataset, o, [&](int step, double loss) {
            printer.update(Cli::tr("Overfitting %1 images, loss %2").arg(o.images).arg(loss, 0, 'f', 4), step,
                           o.maxSteps);
        });
        printer.finish();
        for (const QString &line : r.imageLines)
            std::printf("  %s\n", qPrintable(line));
        for (std::size_t i = 0; i < r.truth.size() && i < r.paths.size(); ++i)
            std::printf("%s\n",
                        qPrintable(Cli::tr("  %1  true %2, predicted %3%4")
                                       .arg(r.paths[i], r.classes.value(r.truth[i]), r.classes.value(r.predicted[i]))
                                       .arg(r.truth[i] == r.predicted[i] ? QString() : Cli::tr("  ← wrong"))));
        std::printf("%s\n", qPrintable(Cli::tr("computed in %1").arg(r.precision)));
        std::printf("%s\n", qPrintable(Cli::tr("overfit check %1").arg(r.message)));
        return r.passed ? Done : Failed;
    }

private:
    const OverfitCheckOptions m_options;
};

} // namespace

std::unique_ptr<Command> makeOverfitCheckCommand()
{
    return std::make_unique<OverfitCheckCommand>();
}

} // namespace loupe::cli
