// Model zoo and weight import: shapes, torchvision compatibility (names, shapes, parameter counts
// and forward output of TorchScript files made by data/weights/make_weights.py), and the rules for
// weights that do not fit.
#include "model/Models.h"
#include "model/StateDict.h"
#include "model/WeightImportError.h"
#include "model/TorchRuntime.h"

#include "TestUtil.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QtTest>

#include <torch/script.h>

#include <map>
#include <random>

using namespace loupe;

namespace {

const QString kWeights = QStringLiteral(LOUPE_TEST_DATA "/weights/");

std::string fixture(const QString &name)
{
    return QString(kWeights + name).toStdString();
}

// Reads a TorchScript file directly, independently of importWeights.
std::map<std::string, torch::Tensor> readTorchScript(const std::string &file)
{
    auto module = torch::jit::load(file, torch::kCPU);
    std::map<std::string, torch::Tensor> out;
    for (const auto &p : module.named_parameters())
        out.emplace(p.name, p.value);
    for (const auto &b : module.named_buffers())
        out.emplace(b.name, b.value);
    return out;
}

torch::Tensor stateTensor(ClassifierImpl &model, const std::string &name)
{
    for (const auto &[n, t] : namedState(model))
        if (n == name)
            return t;
    qFatal("no %s in the model", name.c_str());
}

QString shapeText(c10::IntArrayRef sizes)
{
    QStringList dims;
    for (const auto d : sizes)
        dims << QString::number(d);
    return QLatin1Char('[') + dims.join(QLatin1String(", ")) + QLatin1Char(']');
}

template <size_t N>
QByteArray bytesOf(const char (&s)[N])
{
    return QByteArray(s, int(N - 1));
}

bool contains(const std::vector<std::string> &notes, const QString &text)
{
    for (const auto &n : notes)
        if (QString::fromStdString(n).contains(text))
            return true;
    return false;
}

QString joined(const std::vector<std::string> &v)
{
    QStringList l;
    for (const auto &s : v)
        l << QString::fromStdString(s);
    return l.join(QLatin1String(" | "));
}

} // namespace

class TestModels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { setComputeThreads(0); }

    void buildsEveryArch_data();
    void buildsEveryArch();
    void refusesBadInput();
    void unknownArchListsKnownOnes();
    void matchesTorchvision_data();
    void matchesTorchvision();
    void importsTorchScriptByName_data();
    void importsTorchScriptByName();
    void reinitialisesHeadOfOtherSize_data();
    void reinitialisesHeadOfOtherSize();
    void refusesBodyMismatch_data();
    void refusesBodyMismatch();
    void refusesMissingParameter();
    void refusesFilesOfOtherFormats_data();
    void refusesFilesOfOtherFormats();
    void importsTorchSaveStateDict_data();
    void importsTorchSaveStateDict();
    void readsWrappedStateDict();
    void importsTorchvisionResNet18StateDict();
    void damagedStateDictsAreRefusedNeverCrash();
    void sumsRgbFirstConvIntoGrey_data();
    void sumsRgbFirstConvIntoGrey();
    void saveThenImportIsBitIdentical_data();
    void saveThenImportIsBitIdentical();
    void readsWrappedCheckpointAndNotesExtras();
    void saveToUnwritablePlaceThrows();
};

void TestModels::buildsEveryArch_data()
{
    QTest::addColumn<QString>("arch");
    QTest::addColumn<int>("channels");
    for (const auto &arch : knownArchitectures())
        for (const int c : {1, 3})
            QTest::addRow("%s/%dch", arch.c_str(), c) << QString::fromStdString(arch) << c;
}

void TestModels::buildsEveryArch()
{
    QFETCH(QString, arch);
    QFETCH(int, channels);
    auto model = makeModel({arch.toStdString(), 5, channels});
    model->eval();
    torch::NoGradGuard noGrad;
    for (const auto &[h, w] : {std::pair {32, 32}, std::pair {64, 48}}) {
        const auto y = model->forward(torch::randn({1, channels, h, w}));
        QCOMPARE(shapeText(y.sizes()), QStringLiteral("[1, 5]"));
        QVERIFY(torch::isfinite(y).all().item<bool>());
    }
    QCOMPARE(stateTensor(*model, model->firstConvWeight()).size(1), channels);
}

void TestModels::refusesBadInput()
{
    auto model = makeModel({"resnet18", 2, 3});
    model->eval();
    torch::NoGradGuard noGrad;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, model->forward(torch::zeros({1, 3, 16, 40})));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, model->forward(torch::zeros({1, 1, 32, 32})));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, model->forward(torch::zeros({3, 32, 32})));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, makeModel({"resnet18", 0, 3}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, makeModel({"resnet18", 2, 4}));
}

void TestModels::unknownArchListsKnownOnes()
{
    try {
        makeModel({"alexnet", 2, 3});
        QFAIL("no exception");
    } catch (const std::invalid_argument &e) {
        const QString message = QString::fromUtf8(e.what());
        QVERIFY2(message.contains(QLatin1String("alexnet")), e.what());
        for (const auto &arch : knownArchitectures())
            QVERIFY2(message.contains(QString::fromStdString(arch)), e.what());
    }
}

void TestModels::matchesTorchvision_data()
{
    QTest::addColumn<QString>("arch");
    QTest::addColumn<QString>("torchvisionName");
    QTest::addColumn<qint64>("parameters");
    // Counted with torchvision 0.14 (make_weights.py prints them).
    QTest::newRow("resnet18") << "resnet18"
                              << "resnet18" << qint64(11689512);
    QTest::newRow("resnet34") << "resnet34"
                              << "resnet34" << qint64(21797672);
    QTest::newRow("resnet50") << "resnet50"
                              << "resnet50" << qint64(25557032);
    QTest::newRow("vgg16") << "vgg16"
                           << "vgg16_bn" << qint64(138365992);
    QTest::newRow("vgg19") << "vgg19"
                           << "vgg19_bn" << qint64(143678248);
}

void TestModels::matchesTorchvision()
{
    QFETCH(QString, arch);
    QFETCH(QString, torchvisionName);
    QFETCH(qint64, parameters);
    auto model = makeModel({arch.toStdString(), 1000, 3});

    qint64 count = 0;
    for (const auto &p : model->parameters())
        count += p.numel();
    QCOMPARE(count, parameters);

    // Names, order and shapes of every parameter and buffer, as torchvision's state_dict().
    QFile file(kWeights + torchvisionName + QLatin1String("_state.txt"));
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList expected = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QStringList actual;
    for (const auto &[name, t] : namedState(*model))
        actual << QString::fromStdString(name) + QLatin1Char(' ') + shapeText(t.sizes());
    QCOMPARE(actual, expected);
}

void TestModels::importsTorchScriptByName_data()
{
    QTest::addColumn<QString>("arch");
    QTest::addColumn<QString>("fixtureName");
    QTest::newRow("resnet18") << "resnet18"
                              << "resnet18";
    QTest::newRow("resnet50") << "resnet50"
                              << "resnet50";
    QTest::newRow("vgg16") << "vgg16"
                           << "vgg16_bn";
}

void TestModels::importsTorchScriptByName()
{
    QFETCH(QString, arch);
    QFETCH(QString, fixtureName);
    const std::string file = fixture(fixtureName + QLatin1String("_3cls.pt"));
    auto model = makeModel({arch.toStdString(), 3, 3});
    const ImportReport report = importWeights(*model, file);
    QVERIFY2(report.reinitialised.empty(), qPrintable(joined(report.reinitialised)));
    QVERIFY2(report.notes.empty(), qPrintable(joined(report.notes)));
    QCOMPARE(report.loaded.size(), namedState(*model).size());

    // Every parameter and buffer holds the file's value exactly.
    const auto source = readTorchScript(file);
    for (const auto &[name, t] : namedState(*model)) {
        QVERIFY2(source.count(name), name.c_str());
        QVERIFY2(torch::equal(t, source.at(name).to(t.dtype())), name.c_str());
    }
    const auto firstConv = stateTensor(*model, model->firstConvWeight());
    QCOMPARE(firstConv[0][0][0][0].item<float>(), source.at(model->firstConvWeight())[0][0][0][0].item<float>());
    const auto headBias = stateTensor(*model, model->headPrefix() + ".bias");
    QVERIFY(torch::equal(headBias, torch::tensor({0.1f, 0.2f, 0.3f})));
    // make_weights.py settles batch norm with three passes.
    QCOMPARE(stateTensor(*model,
                 arch.startsWith(QLatin1String("vgg")) ? "features.1.num_batches_tracked" : "bn1.num_batches_tracked")
                 .item<int64_t>(),
        int64_t(3));

    // The same output as the Python model on the same input proves the wiring, not just the names.
    auto reference = torch::jit::load(fixture(fixtureName + QLatin1String("_3cls_ref.pt")), torch::kCPU);
    const auto input = reference.attr("input").toTensor();
    const auto expected = reference.attr("output").toTensor();
    model->eval();
    torch::NoGradGuard noGrad;
    const auto output = model->forward(input);
    const double diff = (output - expected).abs().max().item<double>();
    QVERIFY2(diff < 1e-4, qPrintable(QStringLiteral("largest difference %1").arg(diff)));
}

void TestModels::reinitialisesHeadOfOtherSize_data()
{
    QTest::addColumn<QString>("arch");
    QTest::addColumn<QString>("fixtureName");
    QTest::newRow("resnet18") << "resnet18"
                              << "resnet18";
    QTest::newRow("vgg16") << "vgg16"
                           << "vgg16_bn";
}

void TestModels::reinitialisesHeadOfOtherSize()
{
    QFETCH(QString, arch);
    QFETCH(QString, fixtureName);
    const std::string file = fixture(fixtureName + QLatin1String("_3cls.pt"));
    auto model = makeModel({arch.toStdString(), 5, 3});
    const std::string head = model->headPrefix();
    const auto headBefore = stateTensor(*model, head + ".weight").clone();

    const ImportReport report = importWeights(*model, file);
    QCOMPARE(report.reinitialised, (std::vector<std::string> {head + ".weight", head + ".bias"}));
    QVERIFY2(
        contains(report.notes, QStringLiteral("classifier head has 3 outputs in the file, 5 here: re-initialised")),
        qPrintable(joined(report.notes)));
    QCOMPARE(report.loaded.size() + 2, namedState(*model).size());
    QCOMPARE(stateTensor(*model, head + ".weight").size(0), int64_t(5));
    // Freshly drawn, not the old values, and the body came from the file.
    QVERIFY(!torch::equal(stateTensor(*model, head + ".weight"), headBefore));
    const auto source = readTorchScript(file);
    QVERIFY(torch::equal(stateTensor(*model, model->firstConvWeight()), source.at(model->firstConvWeight())));

    model->eval();
    torch::NoGradGuard noGrad;
    QCOMPARE(shapeText(model->forward(torch::randn({2, 3, 40, 40})).sizes()), QStringLiteral("[2, 5]"));
}

void TestModels::refusesBodyMismatch_data()
{
    QTest::addColumn<QString>("arch");
    QTest::addColumn<int>("channels");
    QTest::addColumn<QString>("sourceArch");
    QTest::addColumn<int>("sourceChannels");
    QTest::addColumn<QString>("message");
    QTest::newRow("resnet50 into resnet18")
        << "resnet18" << 3 << "resnet50" << 3
        << "layer1.0.conv1.weight: file has [64, 64, 1, 1], model needs [64, 64, 3, 3]";
    QTest::newRow("grey into rgb") << "resnet18" << 3 << "resnet18" << 1
                                   << "conv1.weight: file has [64, 1, 7, 7], model needs [64, 3, 7, 7]";
}

void TestModels::refusesBodyMismatch()
{
    QFETCH(QString, arch);
    QFETCH(int, channels);
    QFETCH(QString, sourceArch);
    QFETCH(int, sourceChannels);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const std::string file = QString(dir.path() + QLatin1String("/other.pt")).toStdString();
    if (sourceArch == QLatin1String("resnet50")) {
        QFile::copy(kWeights + QLatin1String("resnet50_3cls.pt"), QString::fromStdString(file));
    } else {
        auto source = makeModel({sourceArch.toStdString(), 3, sourceChannels});
        saveWeights(*source, file);
    }
    auto model = makeModel({arch.toStdString(), 3, channels});
    const auto before = stateTensor(*model, model->firstConvWeight()).clone();
    try {
        importWeights(*model, file);
        QFAIL("no exception");
    } catch (const WeightImportError &e) {
        QCOMPARE(e.message(), message);
    }
    // Nothing was copied before the mismatch was found.
    QVERIFY(torch::equal(stateTensor(*model, model->firstConvWeight()), before));
}

void TestModels::refusesMissingParameter()
{
    auto model = makeModel({"resnet18", 3, 3});
    try {
        importWeights(*model, fixture(QStringLiteral("vgg16_bn_3cls.pt")));
        QFAIL("no exception");
    } catch (const WeightImportError &e) {
        QVERIFY2(e.message().startsWith(QLatin1String("conv1.weight: missing from ")), e.what());
    }
}

void TestModels::refusesFilesOfOtherFormats_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    QFile real(kWeights + QLatin1String("resnet18_3cls.pt"));
    QVERIFY(real.open(QIODevice::ReadOnly));
    const QByteArray whole = real.readAll();
    QTest::newRow("text") << QByteArray("conv1.weight = [1, 2, 3]\n") << "neither";
    QTest::newRow("empty") << QByteArray() << "neither";
    QTest::newRow("truncated") << whole.left(whole.size() / 2) << "neither";
    QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << "neither";
    QTest::newRow("missing") << QByteArray("-") << "does not exist";
    QFile stateDict(kWeights + QLatin1String("state_dict.pth"));
    QVERIFY(stateDict.open(QIODevice::ReadOnly));
    // A torch.save state dict is read now; this one's only tensor fits no resnet18.
    QTest::newRow("torch.save state_dict of another shape") << stateDict.readAll() << "conv1.weight: file has [2, 3, 7, 7]";
    QFile legacy(kWeights + QLatin1String("resnet18_3cls_state_legacy.pth"));
    QVERIFY(legacy.open(QIODevice::ReadOnly));
    const QByteArray legacyBytes = legacy.readAll();
    QTest::newRow("legacy state dict cut in its storages") << legacyBytes.left(legacyBytes.size() * 4 / 5) << "truncated";
    QTest::newRow("legacy state dict cut in its pickle") << legacyBytes.left(300) << "truncated";
    QFile zip(kWeights + QLatin1String("resnet18_3cls_state.pth"));
    QVERIFY(zip.open(QIODevice::ReadOnly));
    QTest::newRow("zip state dict cut") << zip.readAll().left(100000) << "neither";
    QFile pickled(kWeights + QLatin1String("pickled_model.pth"));
    QVERIFY(pickled.open(QIODevice::ReadOnly));
    QTest::newRow("whole pickled module") << pickled.readAll() << "torch.nn.modules.linear.Linear";
    // A pickle that would run a shell command if it were unpickled by Python.
    QTest::newRow("pickle calling os.system") << bytesOf("\x80\x02" "cos\nsystem\nX\x04\x00\x00\x00" "true\x85R.")
                                              << "os.system";
    QTest::newRow("unknown opcode") << bytesOf("\x80\x02\x8a\x0a\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19." "\x80\x02I1001\n.")
                                    << "opcode 0x49";
}

void TestModels::importsTorchSaveStateDict_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("zip format") << "resnet18_3cls_state.pth";
    QTest::newRow("format before PyTorch 1.6") << "resnet18_3cls_state_legacy.pth";
}

void TestModels::importsTorchSaveStateDict()
{
    // model.state_dict() of the same torchvision resnet18 as resnet18_3cls.pt, written by torch.save:
    // an OrderedDict with _metadata, tensors that are strided views of one shared storage.
    QFETCH(QString, file);
    const StateDict sd = readStateDict(fixture(file));
    QVERIFY(sd.wrapper.empty());
    const auto source = readTorchScript(fixture(QStringLiteral("resnet18_3cls.pt")));
    QCOMPARE(sd.tensors.size(), source.size());
    for (const auto &[name, t] : source) {
        QVERIFY2(sd.tensors.count(name), name.c_str());
        QVERIFY2(torch::equal(sd.tensors.at(name), t), name.c_str());
    }

    auto model = makeModel({"resnet18", 3, 3});
    const ImportReport report = importWeights(*model, fixture(file));
    QVERIFY2(report.reinitialised.empty(), qPrintable(joined(report.reinitialised)));
    QVERIFY2(report.notes.empty(), qPrintable(joined(report.notes)));
    QCOMPARE(report.loaded.size(), namedState(*model).size());
    auto reference = torch::jit::load(fixture(QStringLiteral("resnet18_3cls_ref.pt")), torch::kCPU);
    model->eval();
    torch::NoGradGuard noGrad;
    const auto output = model->forward(reference.attr("input").toTensor());
    const double diff = (output - reference.attr("output").toTensor()).abs().max().item<double>();
    QVERIFY2(diff < 1e-5, qPrintable(QStringLiteral("largest difference %1").arg(diff)));

    // Another class count: the body is kept, the head re-initialised.
    auto five = makeModel({"resnet18", 5, 3});
    const ImportReport other = importWeights(*five, fixture(file));
    QCOMPARE(other.reinitialised.size(), size_t(2));
    QVERIFY(torch::equal(stateTensor(*five, "conv1.weight"), source.at("conv1.weight")));
}

void TestModels::importsTorchvisionResNet18StateDict()
{
    // A full, dense ResNet-18 state dict as torchvision builds it (11.7 M parameters, 1000 classes),
    // written by Debian's python3-torch in both formats; the logits must be torchvision's own.
    const QString python = QStringLiteral("/usr/bin/python3");
    QTemporaryDir dir;
    const QString script = QStringLiteral(
        "import sys, torch, torchvision\n"
        "torch.manual_seed(7); torch.set_num_threads(1)\n"
        "m = torchvision.models.resnet18()\n"
        "m.train()\n"
        "with torch.no_grad():\n"
        "    for _ in range(2): m(torch.randn(8, 3, 64, 64))\n"
        "m.eval()\n"
        "x = torch.randn(2, 3, 64, 64)\n"
        "with torch.no_grad(): y = m(x)\n"
        "torch.save(m.state_dict(), sys.argv[1] + '/zip.pth')\n"
        "torch.save(m.state_dict(), sys.argv[1] + '/legacy.pth', _use_new_zipfile_serialization=False)\n"
        "class R(torch.nn.Module):\n"
        "    def __init__(self):\n"
        "        super().__init__(); self.register_buffer('input', x); self.register_buffer('output', y)\n"
        "    def forward(self): return self.output\n"
        "torch.jit.script(R()).save(sys.argv[1] + '/ref.pt')\n");
    // From a file: torch.jit.script reads the class's source.
    const QString scriptFile = dir.path() + QLatin1String("/make.py");
    loupe::test::writeBytes(scriptFile, script.toUtf8());
    QProcess p;
    p.start(python, {scriptFile, dir.path()});
    if (!p.waitForFinished(300000) && p.error() == QProcess::FailedToStart)
        QSKIP("no /usr/bin/python3 (Debian python3-torch, python3-torchvision)");
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        const QByteArray err = p.readAllStandardError();
        if (err.contains("No module named"))
            QSKIP("/usr/bin/python3 has no torch and torchvision (Debian python3-torch, python3-torchvision)");
        QFAIL(err.constData());
    }
    auto reference = torch::jit::load(QString(dir.path() + QLatin1String("/ref.pt")).toStdString(), torch::kCPU);
    const auto input = reference.attr("input").toTensor();
    const auto expected = reference.attr("output").toTensor();
    for (const char *name : {"/zip.pth", "/legacy.pth"}) {
        auto model = makeModel({"resnet18", 1000, 3});
        const ImportReport report = importWeights(*model, QString(dir.path() + QLatin1String(name)).toStdString());
        QVERIFY2(report.reinitialised.empty(), name);
        QCOMPARE(report.loaded.size(), namedState(*model).size());
        model->eval();
        torch::NoGradGuard noGrad;
        const double diff = (model->forward(input) - expected).abs().max().item<double>();
        QVERIFY2(diff < 1e-5, qPrintable(QStringLiteral("%1: largest difference %2").arg(QLatin1String(name)).arg(diff)));
    }
}

void TestModels::damagedStateDictsAreRefusedNeverCrash()
{
    // Truncated and bit-flipped copies of real torch.save files: each is either read (a flip in
    // tensor data) or refused with WeightImportError, never a crash, a hang or another exception.
    std::mt19937 rng(20261203);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("damaged.pth"));
    int refused = 0;
    int read = 0;
    for (const char *name : {"resnet18_3cls_state_legacy.pth", "wrapped_state.pth", "resnet18_3cls_state.pth"}) {
        QFile f(kWeights + QLatin1String(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray original = f.readAll();
        for (int k = 0; k < 120; ++k) {
            QByteArray b = original;
            const int n = int(b.size());
            if (k % 3 == 0) {
                b.truncate(int(rng() % unsigned(n)));
            } else {
                // Flips anywhere, or in the first 2 KB where the pickle's structure is.
                const int span = k % 3 == 1 ? n : std::min(n, 2048);
                for (int j = 0; j < 6; ++j)
                    b[int(rng() % unsigned(span))] = char(rng());
            }
            loupe::test::writeBytes(path, b);
            try {
                auto model = makeModel({"resnet18", 3, 3});
                importWeights(*model, path.toStdString());
                ++read;
            } catch (const WeightImportError &) {
                ++refused;
            } catch (const std::exception &e) {
                QFAIL(qPrintable(QStringLiteral("%1, damage %2: %3").arg(QLatin1String(name)).arg(k).arg(QString::fromUtf8(e.what()))));
            }
        }
    }
    QVERIFY2(refused >= 120, qPrintable(QStringLiteral("%1 refused, %2 read").arg(refused).arg(read)));
}

void TestModels::readsWrappedStateDict()
{
    // {"epoch": 3, "best_acc": 0.75, "arch": "resnet18", "state_dict": OrderedDict("module.…")}
    const StateDict sd = readStateDict(fixture(QStringLiteral("wrapped_state.pth")));
    QCOMPARE(QString::fromStdString(sd.wrapper), QStringLiteral("state_dict"));
    QCOMPARE(sd.tensors.size(), size_t(3));
    QVERIFY(torch::equal(sd.tensors.at("module.conv1.weight"), torch::arange(6.0, torch::kFloat).reshape({1, 2, 3, 1})));
    QCOMPARE(sd.tensors.at("module.bn1.num_batches_tracked").scalar_type(), torch::kLong);
    QCOMPARE(sd.tensors.at("module.bn1.num_batches_tracked").item<int64_t>(), int64_t(7));
    QCOMPARE(sd.tensors.at("module.fc.bias").scalar_type(), torch::kDouble);
    QVERIFY(torch::equal(sd.tensors.at("module.fc.bias"), torch::tensor({0.5, -1.5}, torch::kDouble)));
    QCOMPARE(weightFileKind(fixture(QStringLiteral("wrapped_state.pth"))), WeightFileKind::TorchSave);
    QCOMPARE(weightFileKind(fixture(QStringLiteral("resnet18_3cls_state_legacy.pth"))), WeightFileKind::TorchSaveLegacy);
    QCOMPARE(weightFileKind(fixture(QStringLiteral("resnet18_3cls.pt"))), WeightFileKind::TorchScript);
}

void TestModels::refusesFilesOfOtherFormats()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QString path = dir.path() + QLatin1String("/weights.pt");
    if (bytes == "-")
        path = dir.path() + QLatin1String("/nothing-here.pt");
    else
        loupe::test::writeBytes(path, bytes);
    auto model = makeModel({"resnet18", 3, 3});
    try {
        importWeights(*model, path.toStdString());
        QFAIL("no exception");
    } catch (const WeightImportError &e) {
        // A file that is read but does not fit is named by the caller, with the parameter here.
        if (!expected.contains(QLatin1String("file has")))
            QVERIFY2(e.message().contains(path), e.what());
        QVERIFY2(e.message().contains(expected), e.what());
    }
}

void TestModels::sumsRgbFirstConvIntoGrey_data()
{
    QTest::addColumn<QString>("arch");
    QTest::addColumn<QString>("fixtureName");
    QTest::newRow("resnet18") << "resnet18"
                              << "resnet18";
}

void TestModels::sumsRgbFirstConvIntoGrey()
{
    QFETCH(QString, arch);
    QFETCH(QString, fixtureName);
    const std::string file = fixture(fixtureName + QLatin1String("_3cls.pt"));
    auto grey = makeModel({arch.toStdString(), 3, 1});
    const ImportReport report = importWeights(*grey, file);
    const std::string first = grey->firstConvWeight();
    QVERIFY2(contains(report.notes,
                 QString::fromStdString(first) + QLatin1String(" has 3 input channels in the file, 1 here: summed")),
        qPrintable(joined(report.notes)));
    QVERIFY(report.reinitialised.empty());
    const auto source = readTorchScript(file);
    QVERIFY(torch::equal(stateTensor(*grey, first), source.at(first).sum(1, true)));

    // A grey image through the grey model answers like the same image as RGB through the RGB model.
    auto rgb = makeModel({arch.toStdString(), 3, 3});
    importWeights(*rgb, file);
    grey->eval();
    rgb->eval();
    torch::NoGradGuard noGrad;
    const auto x = torch::rand({2, 1, 48, 40});
    const double diff = (grey->forward(x) - rgb->forward(x.repeat({1, 3, 1, 1}))).abs().max().item<double>();
    QVERIFY2(diff < 1e-4, qPrintable(QStringLiteral("largest difference %1").arg(diff)));
}

void TestModels::saveThenImportIsBitIdentical_data()
{
    QTest::addColumn<QString>("arch");
    QTest::addColumn<int>("channels");
    QTest::newRow("resnet18/1ch") << "resnet18" << 1;
    QTest::newRow("resnet50/3ch") << "resnet50" << 3;
}

void TestModels::saveThenImportIsBitIdentical()
{
    QFETCH(QString, arch);
    QFETCH(int, channels);
    const ModelSpec spec {arch.toStdString(), 4, channels};
    auto trained = makeModel(spec);
    {
        // One training-mode pass gives the batch-norm buffers values a fresh model does not have.
        torch::NoGradGuard noGrad;
        trained->train();
        trained->forward(torch::randn({2, channels, 32, 32}));
    }
    QTemporaryDir dir;
    const std::string file = QString(dir.path() + QLatin1String("/weights.pt")).toStdString();
    saveWeights(*trained, file);
    QVERIFY(QFile::exists(QString::fromStdString(file)));
    QVERIFY(!QFile::exists(QString::fromStdString(file + ".tmp")));

    auto restored = makeModel(spec);
    const ImportReport report = importWeights(*restored, file);
    QVERIFY2(report.notes.empty(), qPrintable(joined(report.notes)));
    QVERIFY(report.reinitialised.empty());
    const auto a = namedState(*trained);
    const auto b = namedState(*restored);
    QCOMPARE(report.loaded.size(), b.size());
    QCOMPARE(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        QCOMPARE(a[i].first, b[i].first);
        QCOMPARE(a[i].second.dtype(), b[i].second.dtype());
        QVERIFY2(torch::equal(a[i].second, b[i].second), a[i].first.c_str());
    }
    QCOMPARE(stateTensor(*restored,
                 arch.startsWith(QLatin1String("vgg")) ? "features.1.num_batches_tracked" : "bn1.num_batches_tracked")
                 .item<int64_t>(),
        int64_t(1));
}

void TestModels::readsWrappedCheckpointAndNotesExtras()
{
    // A checkpoint that keeps the model under "model" next to other state.
    auto trained = makeModel({"resnet18", 3, 3});
    QTemporaryDir dir;
    const std::string file = QString(dir.path() + QLatin1String("/checkpoint.pt")).toStdString();
    torch::serialize::OutputArchive checkpoint;
    torch::serialize::OutputArchive modelArchive;
    trained->save(modelArchive);
    checkpoint.write("model", modelArchive);
    checkpoint.write("epoch", torch::tensor(7), /*is_buffer=*/true);
    checkpoint.save_to(file);

    auto model = makeModel({"resnet18", 3, 3});
    const ImportReport report = importWeights(*model, file);
    QVERIFY2(contains(report.notes, QStringLiteral("start with \"model.\"")), qPrintable(joined(report.notes)));
    QVERIFY2(contains(report.notes, QStringLiteral("entries in the file that were not used: 1")),
        qPrintable(joined(report.notes)));
    QVERIFY(torch::equal(stateTensor(*model, "layer4.1.conv2.weight"), stateTensor(*trained, "layer4.1.conv2.weight")));
}

void TestModels::saveToUnwritablePlaceThrows()
{
    auto model = makeModel({"resnet18", 2, 3});
    QTemporaryDir dir;
    const std::string file = QString(dir.path() + QLatin1String("/no/such/folder/w.pt")).toStdString();
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, saveWeights(*model, file));
    QVERIFY(!QFile::exists(QString::fromStdString(file + ".tmp")));
}

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
