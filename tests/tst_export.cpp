// Models out of Loupe: ONNX read by OpenCV's DNN module and TorchScript read by LibTorch give the
// run's own outputs; the command line checks, reports and refuses; the documented examples run.

#include "TestUtil.h"

#include "model/ExportGraph.h"
#include "model/Models.h"
#include "model/OnnxWriter.h"
#include "model/TorchScriptWriter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/dnn.hpp>
#include <torch/script.h>

using namespace loupe;

namespace {

const std::vector<float> kMean{0.485f, 0.456f, 0.406f};
const std::vector<float> kStd{0.229f, 0.224f, 0.225f};

/// A model whose batch norms have non-trivial statistics, so an exporter that drops them fails.
std::shared_ptr<ClassifierImpl> randomModel(const std::string &arch, int classes, int channels)
{
    torch::manual_seed(7);
    auto model = makeModel({arch, classes, channels});
    torch::NoGradGuard noGrad;
    for (auto &m : model->modules(false))
        if (auto *bn = m->as<torch::nn::BatchNorm2d>()) {
            bn->running_mean.uniform_(-0.2, 0.2);
            bn->running_var.uniform_(0.5, 1.5);
            bn->weight.uniform_(0.5, 1.5);
            bn->bias.uniform_(-0.1, 0.1);
        }
    model->eval();
    return model;
}

cv::Mat blob(const torch::Tensor &t)
{
    std::vector<int> dims(t.sizes().begin(), t.sizes().end());
    cv::Mat b(int(dims.size()), dims.data(), CV_32F);
    std::memcpy(b.ptr<float>(), t.contiguous().data_ptr<float>(), std::size_t(t.numel()) * sizeof(float));
    return b;
}

bool havePython(const QString &modules)
{
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral("import ") + modules});
    return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

QByteArray python(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"), args);
    if (!p.waitForFinished(120000) || p.exitCode() != 0)
        qWarning("python3 %s: %s", qPrintable(args.join(' ')), p.readAllStandardError().constData());
    return p.readAllStandardOutput();
}

/// "class/file.png" of an image path.
QString key(const QString &path)
{
    const QFileInfo f(path);
    return f.dir().dirName() + QLatin1Char('/') + f.fileName();
}

/// key(path) → (predicted label, confidence) from a predictions CSV of `loupe-cli eval`.
QMap<QString, QPair<QString, double>> readPredictions(const QString &csv)
{
    QMap<QString, QPair<QString, double>> out;
    QFile f(csv);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    f.readLine(); // header
    while (!f.atEnd()) {
        const QStringList cells = QString::fromUtf8(f.readLine()).trimmed().split(QLatin1Char(','));
        if (cells.size() >= 4)
            out.insert(key(cells[0]), {cells[2], cells[3].toDouble()});
    }
    return out;
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        torch::set_num_threads(2);
        QVERIFY(m_dir.isValid());
    }

    void onnxAndTorchScriptMatchLibTorch_data()
    {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("channels");
        // ResNet basic and bottleneck blocks; VGG's 7x7 adaptive pooling from 1x1 (replicated),
        // from 3x3 (overlapping bins: two matrix products) and from 14x14 (an average pool).
        QTest::newRow("resnet18") << "resnet18" << 64 << 3;
        QTest::newRow("resnet50") << "resnet50" << 32 << 3;
        QTest::newRow("resnet34-grey") << "resnet34" << 48 << 1;
        QTest::newRow("vgg16-1x1") << "vgg16" << 32 << 3;
        QTest::newRow("vgg19-3x3") << "vgg19" << 96 << 3;
        QTest::newRow("vgg16-14x14") << "vgg16" << 448 << 1;
    }

    void onnxAndTorchScriptMatchLibTorch()
    {
        QFETCH(QString, arch);
        QFETCH(int, size);
        QFETCH(int, channels);
        auto model = randomModel(arch.toStdString(), 5, channels);
        const std::vector<float> mean = channels == 3 ? kMean : std::vector<float>{0.5f};
        const std::vector<float> stdDev = channels == 3 ? kStd : std::vector<float>{0.25f};
        const ExportGraph graph = describeForExport(*model, size, size, mean, stdDev);

        torch::manual_seed(3);
        const torch::Tensor images = torch::rand({3, channels, size, size});
        const auto c = std::int64_t(mean.size());
        torch::Tensor logits;
        {
            torch::NoGradGuard noGrad;
            logits = model->forward((images - torch::tensor(mean).view({1, c, 1, 1})) / torch::tensor(stdDev).view({1, c, 1, 1}));
        }
        const torch::Tensor probabilities = torch::softmax(logits, 1);

        const QString onnx = m_dir.filePath(arch + QString::number(size) + QStringLiteral(".onnx"));
        QCOMPARE(writeOnnx(graph, {{"classes", "[\"a\",\"b\",\"c\",\"d\",\"e\"]"}}, "test", onnx), QString());
        cv::dnn::Net net = cv::dnn::readNetFromONNX(onnx.toStdString());
        // A batch of 3, then of 1: the batch dimension is dynamic.
        for (const auto &[begin, end] : std::vector<std::pair<int, int>>{{0, 3}, {1, 2}}) {
            net.setInput(blob(images.slice(0, begin, end)), "image");
            std::vector<cv::Mat> outs;
            net.forward(outs, std::vector<cv::String>{"logits", "probabilities"});
            QCOMPARE(outs.size(), std::size_t(2));
            QCOMPARE(outs[1].size[0], end - begin);
            QCOMPARE(outs[1].size[1], 5);
            const torch::Tensor gotP = torch::from_blob(outs[1].ptr<float>(), {end - begin, 5}).clone();
            const torch::Tensor gotL = torch::from_blob(outs[0].ptr<float>(), {end - begin, 5}).clone();
            const double dp = (gotP - probabilities.slice(0, begin, end)).abs().max().item<double>();
            const double dl = (gotL - logits.slice(0, begin, end)).abs().max().item<double>();
            QVERIFY2(dp < 1e-4, qPrintable(QStringLiteral("ONNX probabilities differ by %1").arg(dp)));
            QVERIFY2(dl < 1e-3 * std::max(1.0, logits.abs().max().item<double>()),
                     qPrintable(QStringLiteral("ONNX logits differ by %1").arg(dl)));
        }

        const QString ts = m_dir.filePath(arch + QString::number(size) + QStringLiteral(".pt"));
        QCOMPARE(writeTorchScript(graph, {"a", "b", "c", "d", "e"}, "{}", ts), QString());
        torch::jit::ExtraFilesMap extra{{"loupe.json", ""}};
        torch::jit::Module loaded = torch::jit::load(ts.toStdString(), torch::kCPU, extra);
        QCOMPARE(extra["loupe.json"], std::string("{}"));
        QCOMPARE(loaded.attr("classes").toList().size(), std::size_t(5));
        torch::NoGradGuard noGrad;
        const torch::Tensor got = loaded.forward({images}).toTensor();
        const double d = (got - logits).abs().max().item<double>();
        QVERIFY2(d < 1e-5 * std::max(1.0, logits.abs().max().item<double>()),
                 qPrintable(QStringLiteral("TorchScript logits differ by %1").arg(d)));
        // Parameter and buffer names are the model's (torchvision's) own.
        std::set<std::string> names;
        for (const auto &p : loaded.named_parameters())
            names.insert(p.name);
        for (const auto &b : loaded.named_buffers())
            names.insert(b.name);
        for (const auto &[name, t] : namedState(*model))
            QVERIFY2(names.count(name), name.c_str());
    }

    void exportedRunPredictsAsLoupeDoes()
    {
        const QString shapes = m_dir.filePath(QStringLiteral("shapes"));
        test::writeShapes(shapes, 8, 40, 99, 4);
        const QString run = m_dir.filePath(QStringLiteral("run"));
        test::CliRun r = test::runCli({QStringLiteral("train"), shapes, QStringLiteral("--out"), run, QStringLiteral("--model"),
                                       QStringLiteral("resnet18"), QStringLiteral("--image-size"), QStringLiteral("32"),
                                       QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--batch"),
                                       QStringLiteral("8"), QStringLiteral("--seed"), QStringLiteral("3")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString csv = m_dir.filePath(QStringLiteral("predictions.csv"));
        r = test::runCli({QStringLiteral("eval"), run, shapes, QStringLiteral("--precision"), QStringLiteral("fp32"),
                          QStringLiteral("--predictions"), csv});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto loupe = readPredictions(csv);
        QCOMPARE(loupe.size(), 16);

        const QString onnx = m_dir.filePath(QStringLiteral("model.onnx"));
        const QString ts = m_dir.filePath(QStringLiteral("model.pt"));
        r = test::runCli({QStringLiteral("export"), run, QStringLiteral("--onnx"), onnx, QStringLiteral("--torchscript"), ts,
                          QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray written = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(written.size(), 2);
        QCOMPARE(written[0][QStringLiteral("format")].toString(), QStringLiteral("onnx"));
        QCOMPARE(written[0][QStringLiteral("opset")].toInt(), 13);
        QCOMPARE(written[1][QStringLiteral("format")].toString(), QStringLiteral("torchscript"));
        for (const QJsonValue &w : written) {
            QVERIFY(w[QStringLiteral("max_difference")].toDouble() < 1e-4);
            QCOMPARE(w[QStringLiteral("classes")].toArray().size(), 2);
            QCOMPARE(w[QStringLiteral("input_channels")].toString(), QStringLiteral("RGB"));
            QVERIFY(QFileInfo(w[QStringLiteral("file")].toString()).size() > 1000000);
        }
        const QJsonArray classes = written[0][QStringLiteral("classes")].toArray();

        // The documented C++ example (built from docs/examples) agrees with Loupe on every image.
        QStringList images;
        for (const QString &cls : {QStringLiteral("bar"), QStringLiteral("disc")})
            for (int i = 0; i < 8; ++i)
                images << QStringLiteral("%1/%2/%3.png").arg(shapes, cls).arg(i);
        QProcess example;
        example.start(QStringLiteral(ONNX_EXAMPLE), QStringList{onnx, QStringLiteral("32"), QStringLiteral("3")} + images);
        QVERIFY(example.waitForFinished(60000));
        QCOMPARE(example.exitCode(), 0);
        const QStringList lines = QString::fromUtf8(example.readAllStandardOutput()).trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), images.size());
        for (const QString &line : lines) {
            const QStringList cells = line.split(QLatin1Char(','));
            QVERIFY2(loupe.contains(key(cells[0])), qPrintable(line));
            const auto expected = loupe.value(key(cells[0]));
            QCOMPARE(classes[cells[1].toInt()].toString(), expected.first);
            QVERIFY2(std::abs(cells[2].toDouble() - expected.second) < 1e-4, qPrintable(line));
        }

        if (!havePython(QStringLiteral("torch, cv2")))
            QSKIP("/usr/bin/python3 has no torch and cv2 (Debian python3-torch, python3-opencv): the Python "
                  "TorchScript example and onnx.checker were not run");
        const QStringList pyLines = QString::fromUtf8(python(QStringList{QStringLiteral(LOUPE_SOURCE_DIR "/docs/examples/torchscript_predict.py"), ts} + images))
                                        .trimmed()
                                        .split(QLatin1Char('\n'));
        QCOMPARE(pyLines.size(), images.size());
        for (const QString &line : pyLines) {
            const QStringList cells = line.split(QLatin1Char(','));
            QVERIFY2(loupe.contains(key(cells[0])), qPrintable(line));
            const auto expected = loupe.value(key(cells[0]));
            QCOMPARE(cells[1], expected.first);
            QVERIFY2(std::abs(cells[2].toDouble() - expected.second) < 1e-4, qPrintable(line));
        }
        if (!havePython(QStringLiteral("onnx")))
            QSKIP("/usr/bin/python3 has no onnx (Debian python3-onnx): onnx.checker was not run");
        const QByteArray checked = python({QStringLiteral("-c"),
                                           QStringLiteral("import onnx, json, sys; m = onnx.load(sys.argv[1]); "
                                                          "onnx.checker.check_model(m, full_check=True); "
                                                          "p = {e.key: e.value for e in m.metadata_props}; "
                                                          "print(json.loads(p['classes'])[0], p['input_channels'], "
                                                          "json.loads(p['mean'])[0], m.opset_import[0].version)"),
                                           onnx});
        QCOMPARE(checked.trimmed(), classes[0].toString().toUtf8() + " RGB 0.485 13");
    }

    void badRequestsAreRefusedClearly()
    {
        test::CliRun r = test::runCli({QStringLiteral("export"), m_dir.filePath(QStringLiteral("nothing")),
                                       QStringLiteral("--onnx"), m_dir.filePath(QStringLiteral("x.onnx"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("config.json") || r.err.contains("run"), r.err.constData());
        r = test::runCli({QStringLiteral("export"), m_dir.filePath(QStringLiteral("run"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--onnx"));
        if (!QFileInfo::exists(m_dir.filePath(QStringLiteral("run/config.json"))))
            QSKIP("needs the run of exportedRunPredictsAsLoupeDoes");
        r = test::runCli({QStringLiteral("export"), m_dir.filePath(QStringLiteral("run")), QStringLiteral("--onnx"),
                          m_dir.filePath(QStringLiteral("missing/folder/x.onnx"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("does not exist"), r.err.constData());
        // A run without a checkpoint: unusable input, nothing written.
        const QString empty = m_dir.filePath(QStringLiteral("empty-run"));
        QVERIFY(QDir().mkpath(empty));
        QVERIFY(QFile::copy(m_dir.filePath(QStringLiteral("run/config.json")), empty + QStringLiteral("/config.json")));
        r = test::runCli({QStringLiteral("export"), empty, QStringLiteral("--torchscript"), m_dir.filePath(QStringLiteral("e.pt"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("checkpoint"), r.err.constData());
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("e.pt"))));
    }

    void deployGuideShowsTheTestedExamples()
    {
        QFile doc(QStringLiteral(LOUPE_SOURCE_DIR "/docs/deploy.md"));
        QVERIFY(doc.open(QIODevice::ReadOnly));
        const QByteArray text = doc.readAll();
        for (const char *example : {"/docs/examples/onnx_predict.cpp", "/docs/examples/torchscript_predict.py"}) {
            QFile f(QStringLiteral(LOUPE_SOURCE_DIR) + QLatin1String(example));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(text.contains(f.readAll()), example);
        }
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
