#include "eval/Explainer.h"

#include "dataset/Errors.h"
#include "loader/DataLoader.h"
#include "eval/LoadedRun.h"
#include "model/TorchRuntime.h"

#include <QCoreApplication>

namespace loupe {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::Explainer)
};
} // namespace

struct Explainer::Impl {
    LoadedRun run;
    int threads = 0;
};

Explainer::Explainer(const QString &runDir, int threads, const QString &precision)
    : d(std::make_unique<Impl>())
{
    d->run = loadRun(runDir, precision);
    d->threads = threads;
}

Explainer::~Explainer() = default;

QStringList Explainer::classes() const
{
    return d->run.classes;
}

QString Explainer::checkpoint() const
{
    return d->run.checkpoint;
}

Explanation Explainer::explain(const Dataset &dataset, int index, int classIndex)
{
    const int numClasses = int(d->run.classes.size());
    if (index < 0 || index >= int(dataset.samples.size()))
        throw DatasetError(Text::tr("the dataset has no image number %1").arg(index));
    if (classIndex < -1 || classIndex >= numClasses)
        throw DatasetError(Text::tr("the run has no class number %1").arg(classIndex));

    // The same decode and evaluation transforms as evaluateRun's loader, so that both predict alike.
    const TrainConfig &cfg = d->run.config;
    LoaderOptions lo;
    lo.imageSize = cfg.imageSize;
    lo.channels = cfg.channels;
    lo.shuffle = false;
    const DataLoader loader(dataset, {index}, d->run.evaluation, lo);
    QString error;
    const torch::Tensor image = loader.loadOne(index, 0, &error);
    if (!image.defined())
        throw DatasetError(Text::tr("%1: %2").arg(dataset.samples[std::size_t(index)].path, error));

    // Process-wide: another page may have set its own count since the last call.
    setComputeThreads(d->threads);
    ClassifierImpl &model = *d->run.model;
    model.eval();

    // Grad-CAM needs gradients only from the logit back to the last stage's activations, so the
    // backbone runs without autograd and the head runs on a leaf copy of its output.
    torch::Tensor activations;
    {
        torch::NoGradGuard noGrad;
        activations = model.features(image.unsqueeze(0));
    }
    torch::AutoGradMode withGrad(true); // the caller's thread may be in no-grad mode
    activations.requires_grad_(true);
    const torch::Tensor logits = model.classify(activations);

    Explanation out;
    const torch::Tensor probs = torch::softmax(logits.detach(), 1)[0].contiguous();
    out.probabilities.assign(probs.data_ptr<float>(), probs.data_ptr<float>() + probs.numel());
    out.predicted = int(probs.argmax().item<int64_t>());
    out.explainedClass = classIndex < 0 ? out.predicted : classIndex;

    const torch::Tensor grad
        = torch::autograd::grad({logits[0][out.explainedClass]}, {activations}, {}, /*retain_graph=*/false)[0];
    torch::NoGradGuard noGrad;
    const torch::Tensor alpha = grad.mean({2, 3}, /*keepdim=*/true); // [1, C, 1, 1]
    torch::Tensor cam = torch::relu((alpha * activations.detach()).sum(1))[0]; // [h, w]
    const float peak = cam.max().item<float>();
    if (peak > 0)
        cam = cam / peak;
    cam = cam.contiguous();
    out.heatmap.height = int(cam.size(0));
    out.heatmap.width = int(cam.size(1));
    out.heatmap.values.assign(cam.data_ptr<float>(), cam.data_ptr<float>() + cam.numel());
    out.inputSize = cfg.imageSize;
    return out;
}

} // namespace loupe
