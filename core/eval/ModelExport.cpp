#include "eval/ModelExport.h"

#include "augment/Transforms.h"
#include "dataset/Errors.h"
#include "eval/LoadedRun.h"
#include "model/ExportGraph.h"
#include "model/OnnxWriter.h"
#include "model/TorchRuntime.h"
#include "model/TorchScriptWriter.h"
#include "project/RunFolder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <opencv2/dnn.hpp>
#include <torch/script.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace loupe {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::ModelExport)
};

std::string jsonText(const QJsonValue &v)
{
    if (v.isArray())
        return QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact).toStdString();
    if (v.isObject())
        return QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact).toStdString();
    return v.toVariant().toString().toStdString();
}

QJsonArray numbers(const std::vector<double> &v)
{
    QJsonArray a;
    for (const double x : v)
        a.append(x);
    return a;
}

/// What the file says about itself: the same keys in ONNX metadata_props and TorchScript's
/// loupe.json. Values are text; lists and objects are compact JSON.
QJsonObject describeModel(const ExportReport &r, const QString &runDir, const QJsonObject &config)
{
    const QJsonObject preprocessing = config.value(QStringLiteral("preprocessing")).toObject();
    const QJsonObject resize = preprocessing.value(QStringLiteral("resize")).toObject();
    QString resizeRule = resize.value(QStringLiteral("rule")).toString();
    const QString interpolation = preprocessing.value(QStringLiteral("interpolation")).toString();
    if (resizeRule.isEmpty())
        resizeRule = QStringLiteral("resize to %1 x %2").arg(r.width).arg(r.height);
    QJsonObject meta{
        {QStringLiteral("producer"), QStringLiteral("Loupe " LOUPE_VERSION)},
        {QStringLiteral("task"), QStringLiteral("classify")},
        {QStringLiteral("architecture"), r.arch},
        {QStringLiteral("classes"), QJsonArray::fromStringList(r.classes)},
        {QStringLiteral("input"), QStringLiteral("image")},
        {QStringLiteral("input_shape"), QJsonArray{QStringLiteral("batch"), r.channels, r.height, r.width}},
        {QStringLiteral("input_layout"), QStringLiteral("NCHW, float32")},
        {QStringLiteral("input_channels"), r.colourOrder},
        {QStringLiteral("input_values"), QStringLiteral("8-bit value / 255, in [0, 1]")},
        {QStringLiteral("input_resize"), interpolation.isEmpty() ? resizeRule
                                                                 : resizeRule + QStringLiteral(", interpolation ") + interpolation},
        {QStringLiteral("normalization"),
         r.mean.empty() ? QStringLiteral("none")
                        : QStringLiteral("inside the model: (x - mean) / std per channel, in the input's channel order")},
        {QStringLiteral("mean"), numbers(r.mean)},
        {QStringLiteral("std"), numbers(r.stdDev)},
        {QStringLiteral("outputs"), r.format == ExportFormat::Onnx
             ? QStringLiteral("logits [batch, classes]; probabilities [batch, classes], softmax of the logits")
             : QStringLiteral("forward returns logits [batch, classes]; softmax over dimension 1 gives probabilities")},
        {QStringLiteral("run"), QFileInfo(runDir).absoluteFilePath()},
        {QStringLiteral("checkpoint"), QFileInfo(r.checkpoint).fileName()},
    };
    if (!preprocessing.isEmpty())
        meta.insert(QStringLiteral("preprocessing"), preprocessing);
    return meta;
}

/// Deterministic inputs in [0, 1]: smooth gradients with noise, different per image.
torch::Tensor checkImages(int count, int channels, int height, int width)
{
    torch::Generator gen = at::detail::createCPUGenerator(20261203);
    const torch::Tensor ramp = torch::linspace(0, 1, width).view({1, 1, 1, width})
        * torch::linspace(0.2, 1, height).view({1, 1, height, 1});
    const torch::Tensor noise = torch::rand({count, channels, height, width}, gen);
    return (0.5 * ramp + 0.5 * noise).clamp(0, 1).contiguous();
}

double maxDifference(const torch::Tensor &a, const torch::Tensor &b)
{
    if (a.sizes() != b.sizes())
        return INFINITY;
    return (a - b).abs().max().item<double>();
}

torch::Tensor fromMat(const cv::Mat &m)
{
    std::vector<std::int64_t> dims(m.size.p, m.size.p + m.dims);
    return torch::from_blob(const_cast<float *>(m.ptr<float>()), dims, torch::kFloat).clone();
}

cv::Mat toBlob(const torch::Tensor &t)
{
    std::vector<int> dims(t.sizes().begin(), t.sizes().end());
    cv::Mat blob(int(dims.size()), dims.data(), CV_32F);
    std::memcpy(blob.ptr<float>(), t.contiguous().data_ptr<float>(), std::size_t(t.numel()) * sizeof(float));
    return blob;
}

/// Runs the written file on `images` one batch at a time and returns the probabilities.
torch::Tensor runExported(ExportFormat format, const QString &file, const std::vector<torch::Tensor> &batches)
{
    std::vector<torch::Tensor> out;
    if (format == ExportFormat::Onnx) {
        cv::dnn::Net net = cv::dnn::readNetFromONNX(QFile::encodeName(file).toStdString());
        net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
        for (const torch::Tensor &b : batches) {
            net.setInput(toBlob(b), "image");
            out.push_back(fromMat(net.forward("probabilities")));
        }
    } else {
        torch::jit::Module module = torch::jit::load(QFile::encodeName(file).toStdString(), torch::kCPU);
        module.eval();
        torch::InferenceMode inference;
        for (const torch::Tensor &b : batches)
            out.push_back(torch::softmax(module.forward({b}).toTensor(), 1));
    }
    return torch::cat(out);
}

} // namespace

std::vector<ExportFormatInfo> exportFormats()
{
    return {
        {ExportFormat::Onnx, QStringLiteral("onnx"), QStringLiteral("ONNX"), QStringLiteral("onnx"),
         Text::tr("Runs in OpenCV's DNN module, ONNX Runtime, TensorRT and OpenVINO, from C++, Python, C# or Java; "
                  "opset %1, dynamic batch.")
             .arg(kOnnxOpset)},
        {ExportFormat::TorchScript, QStringLiteral("torchscript"), QStringLiteral("TorchScript"), QStringLiteral("pt"),
         Text::tr("Runs in PyTorch (torch.jit.load) and LibTorch from C++ with no Loupe code; its state dict loads "
                  "into torchvision's model of the same name.")},
    };
}

const ExportFormatInfo &exportFormatInfo(ExportFormat format)
{
    static const std::vector<ExportFormatInfo> formats = exportFormats();
    return formats[format == ExportFormat::Onnx ? 0 : 1];
}

ExportReport exportModel(const QString &runDir, ExportFormat format, const QString &file, const ExportProgressFn &progress)
{
    const auto say = [&](const QString &stage) {
        if (progress)
            progress(stage);
    };
    say(Text::tr("Reading the run"));
    LoadedRun run = loadRun(runDir, QStringLiteral("fp32"));
    run.model->setComputeMode({});
    run.model->eval();

    ExportReport report;
    report.file = QFileInfo(file).absoluteFilePath();
    report.format = format;
    report.checkpoint = run.checkpoint;
    report.arch = run.config.model;
    report.classes = run.classes;
    report.channels = run.config.channels;
    report.height = report.width = run.config.imageSize;
    report.colourOrder = report.channels == 1 ? QStringLiteral("grey") : QStringLiteral("BGR");
    for (const auto &step : run.evaluation.steps()) {
        const auto *normalize = dynamic_cast<const transforms::Normalize *>(step.get());
        if (!normalize || !normalize->enabled)
            continue;
        const std::size_t given = std::min(normalize->mean.size(), normalize->stdDev.size());
        report.mean.clear();
        report.stdDev.clear();
        for (int c = 0; c < report.channels; ++c) {
            report.mean.push_back(normalize->mean[given == 1 ? 0 : std::size_t(c)]);
            report.stdDev.push_back(normalize->stdDev[given == 1 ? 0 : std::size_t(c)]);
        }
        if (report.channels == 3)
            report.colourOrder = QStringLiteral("RGB"); // normalize swaps OpenCV's BGR
    }
    const QJsonObject config = runfolder::readConfig(runDir);
    const QJsonObject meta = describeModel(report, runDir, config);

    const QFileInfo target(file);
    if (!target.absoluteDir().exists())
        throw std::runtime_error(Text::tr("cannot write %1: the folder %2 does not exist")
                                     .arg(file, QDir::toNativeSeparators(target.absolutePath()))
                                     .toStdString());
    if (target.isDir())
        throw std::runtime_error(Text::tr("cannot write %1: it is a folder").arg(file).toStdString());

    say(Text::tr("Writing %1").arg(exportFormatInfo(format).name));
    const std::vector<float> mean(report.mean.begin(), report.mean.end());
    const std::vector<float> stdDev(report.stdDev.begin(), report.stdDev.end());
    ExportGraph graph;
    try {
        graph = describeForExport(*run.model, report.height, report.width, mean, stdDev);
    } catch (const std::invalid_argument &e) {
        throw DatasetError(QString::fromStdString(e.what()));
    }
    // Written beside the target and checked there; only a file that passes replaces `file`.
    const QString unchecked = report.file + QStringLiteral(".unchecked");
    QString error;
    if (format == ExportFormat::Onnx) {
        std::vector<std::pair<std::string, std::string>> props;
        for (auto it = meta.begin(); it != meta.end(); ++it)
            props.emplace_back(it.key().toStdString(), jsonText(it.value()));
        error = writeOnnx(graph, props, LOUPE_VERSION, unchecked);
        report.opset = kOnnxOpset;
        report.checkedWith = QStringLiteral("OpenCV " CV_VERSION " DNN");
    } else {
        error = writeTorchScript(graph, run.classes, QJsonDocument(meta).toJson().toStdString(), unchecked);
        report.checkedWith = QStringLiteral("LibTorch %1 torch::jit::load").arg(torchVersion());
    }
    if (!error.isEmpty())
        throw std::runtime_error(error.replace(unchecked, file).toStdString());

    say(Text::tr("Checking the file with %1").arg(report.checkedWith));
    const torch::Tensor images = checkImages(3, report.channels, report.height, report.width);
    torch::Tensor expected;
    {
        torch::InferenceMode inference;
        torch::Tensor x = images;
        if (!report.mean.empty()) {
            const auto c = std::int64_t(report.mean.size());
            x = (x - torch::tensor(mean).view({1, c, 1, 1})) / torch::tensor(stdDev).view({1, c, 1, 1});
        }
        expected = torch::softmax(run.model->forward(x), 1);
    }
    torch::Tensor got;
    QString readError;
    try {
        got = runExported(format, unchecked, {images.slice(0, 0, 2), images.slice(0, 2, 3)});
    } catch (const cv::Exception &e) {
        readError = QString::fromStdString(e.msg).trimmed();
    } catch (const c10::Error &e) {
        readError = QString::fromUtf8(e.what_without_backtrace()).section(QLatin1Char('\n'), 0, 0);
    } catch (const std::exception &e) {
        readError = QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0);
    }
    if (!readError.isEmpty()) {
        QFile::remove(unchecked);
        throw std::runtime_error(
            Text::tr("the written %1 file could not be run by %2 (%3); nothing was kept")
                .arg(exportFormatInfo(format).name, report.checkedWith, readError)
                .toStdString());
    }
    report.maxDifference = maxDifference(got, expected);
    report.checkedImages = int(images.size(0));
    if (!(report.maxDifference <= kExportTolerance)) {
        QFile::remove(unchecked);
        throw std::runtime_error(Text::tr("the written %1 file gives probabilities up to %2 away from the run's "
                                          "model (allowed %3); nothing was kept")
                                     .arg(exportFormatInfo(format).name)
                                     .arg(report.maxDifference, 0, 'g', 3)
                                     .arg(kExportTolerance, 0, 'g', 3)
                                     .toStdString());
    }
    if (std::rename(QFile::encodeName(unchecked).constData(), QFile::encodeName(report.file).constData()) != 0) {
        QFile::remove(unchecked);
        throw std::runtime_error(Text::tr("cannot write %1: renaming the checked file failed").arg(file).toStdString());
    }
    report.bytes = QFileInfo(report.file).size();
    return report;
}

} // namespace loupe
