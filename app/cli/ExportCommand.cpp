// loupe-cli export: a run's model as ONNX and/or TorchScript, checked before it is kept.

#include "Commands.h"

#include "dataset/Errors.h"
#include "eval/ModelExport.h"
#include "project/RunFolder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <stdexcept>

namespace loupe::cli {

namespace {

QJsonArray numbers(const std::vector<double> &v)
{
    QJsonArray a;
    for (const double x : v)
        a.append(x);
    return a;
}

QJsonObject toJson(const ExportReport &r)
{
    const ExportFormatInfo &info = exportFormatInfo(r.format);
    QJsonObject o{
        {QStringLiteral("format"), info.id},
        {QStringLiteral("file"), r.file},
        {QStringLiteral("bytes"), double(r.bytes)},
        {QStringLiteral("checkpoint"), r.checkpoint},
        {QStringLiteral("architecture"), r.arch},
        {QStringLiteral("classes"), QJsonArray::fromStringList(r.classes)},
        {QStringLiteral("input_shape"), QJsonArray{QStringLiteral("batch"), r.channels, r.height, r.width}},
        {QStringLiteral("input_channels"), r.colourOrder},
        {QStringLiteral("mean"), numbers(r.mean)},
        {QStringLiteral("std"), numbers(r.stdDev)},
        {QStringLiteral("checked_with"), r.checkedWith},
        {QStringLiteral("checked_images"), r.checkedImages},
        {QStringLiteral("max_difference"), r.maxDifference},
    };
    if (r.opset > 0)
        o.insert(QStringLiteral("opset"), r.opset);
    return o;
}

class ExportCommand : public Command
{
public:
    QString description() const override
    {
        return Cli::tr("Writes a run's model (its best checkpoint, else its last) for use outside Loupe: ONNX "
                       "(OpenCV DNN, ONNX Runtime, TensorRT) and/or TorchScript (PyTorch, LibTorch). The input is "
                       "the resized image, values / 255; the run's normalization is inside the model; the "
                       "preprocessing and class names are stored in the file. Each file is read back and run "
                       "before it is kept. docs/deploy.md shows how to use them.");
    }

    void declare(QCommandLineParser &p) const override
    {
        p.addPositionalArgument(QStringLiteral("RUN_DIR"), Cli::tr("A run folder written by train."));
        p.addOptions({m_onnx, m_torchscript, m_json});
    }

    int run(const QCommandLineParser &p) const override
    {
        const QStringList positional = p.positionalArguments();
        if (positional.size() != 1 || (!p.isSet(m_onnx) && !p.isSet(m_torchscript)))
            return fail(Cli::tr("export takes RUN_DIR and --onnx FILE and/or --torchscript FILE; see "
                                "'loupe-cli export --help'"));
        const QString runDir = positional.front();
        runfolder::readConfig(runDir); // a clear message when RUN_DIR is not a run folder
        std::vector<std::pair<ExportFormat, QString>> jobs;
        if (p.isSet(m_onnx))
            jobs.emplace_back(ExportFormat::Onnx, p.value(m_onnx));
        if (p.isSet(m_torchscript))
            jobs.emplace_back(ExportFormat::TorchScript, p.value(m_torchscript));
        const bool json = p.isSet(m_json);
        QJsonArray written;
        for (const auto &[format, file] : jobs) {
            ExportReport r;
            try {
                r = exportModel(runDir, format, file, [&](const QString &stage) {
                    if (!json)
                        std::fprintf(stderr, "%s\n", qPrintable(stage));
                });
            } catch (const DatasetError &) {
                throw; // unusable input: exit 2
            } catch (const std::exception &e) {
                std::fprintf(stderr, "loupe-cli: %s\n", e.what());
                return Failed;
            }
            if (json) {
                written.append(toJson(r));
                continue;
            }
            const ExportFormatInfo &info = exportFormatInfo(format);
            std::printf("%s\n", qPrintable(Cli::tr("Wrote %1 (%2, %3 MB) from %4")
                                               .arg(r.file, info.name)
                                               .arg(double(r.bytes) / 1e6, 0, 'f', 1)
                                               .arg(r.checkpoint)));
            std::printf("  %s\n", qPrintable(Cli::tr("input \"image\" [batch, %1, %2, %3], %4, values / 255; "
                                                     "normalization %5")
                                                 .arg(r.channels)
                                                 .arg(r.height)
                                                 .arg(r.width)
                                                 .arg(r.colourOrder,
                                                      r.mean.empty() ? Cli::tr("none") : Cli::tr("inside the model"))));
            std::printf("  %s\n", qPrintable(format == ExportFormat::Onnx
                                                 ? Cli::tr("outputs \"logits\" and \"probabilities\" [batch, %1]; opset %2")
                                                       .arg(r.classes.size())
                                                       .arg(r.opset)
                                                 : Cli::tr("forward(image) returns logits [batch, %1]; classes in "
                                                           "the attribute \"classes\"")
                                                       .arg(r.classes.size())));
            std::printf("  %s\n", qPrintable(Cli::tr("checked with %1 on %2 images: largest probability "
                                                     "difference %3")
                                                 .arg(r.checkedWith)
                                                 .arg(r.checkedImages)
                                                 .arg(r.maxDifference, 0, 'g', 2)));
        }
        if (json)
            std::printf("%s", QJsonDocument(written).toJson().constData());
        return Done;
    }

private:
    const QCommandLineOption m_onnx{QStringLiteral("onnx"), Cli::tr("ONNX file to write."), QStringLiteral("FILE")};
    const QCommandLineOption m_torchscript{QStringLiteral("torchscript"), Cli::tr("TorchScript file to write."),
                                           QStringLiteral("FILE")};
    const QCommandLineOption m_json{QStringLiteral("json"),
                                    Cli::tr("Print what was written as JSON (one object per file) instead of text.")};
};

} // namespace

std::unique_ptr<Command> makeExportCommand()
{
    return std::make_unique<ExportCommand>();
}

} // namespace loupe::cli
