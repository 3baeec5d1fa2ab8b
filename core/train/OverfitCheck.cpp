#include "train/OverfitCheck.h"

#include "augment/Pipeline.h"
#include "dataset/ClassificationView.h"
#include "dataset/Errors.h"
#include "model/Models.h"
#include "loader/DataLoader.h"
#include "eval/Evaluation.h"
#include "train/TrainingTask.h"
#include "model/TorchRuntime.h"

#include <QCoreApplication>

#include <map>

namespace loupe {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::OverfitCheck)
};

// Consecutive steps below the threshold before the loss counts as converged.
constexpr int kSettledSteps = 5;
// Forward passes in training mode after the last step that batch norm averages its statistics over.
constexpr int kStatisticsPasses = 2;

std::vector<int> pickStratified(const TrainingTask &task, int count, quint64 seed)
{
    std::map<int, std::vector<int>> byClass;
    for (int i = 0; i < int(task.data().samples.size()); ++i)
        if (const int stratum = task.stratum(i); stratum >= 0)
            byClass[stratum].push_back(i);
    std::uint64_t state = seed * 0x9e3779b97f4a7c15ULL + 1;
    for (auto &[cls, v] : byClass) {
        for (std::size_t i = v.size(); i > 1; --i) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            std::swap(v[i - 1], v[state % i]);
        }
    }
    std::vector<int> picked;
    for (std::size_t round = 0; int(picked.size()) < count; ++round) {
        bool any = false;
        for (auto &[cls, v] : byClass) {
            if (round < v.size() && int(picked.size()) < count) {
                picked.push_back(v[round]);
                any = true;
            }
        }
        if (!any)
            break;
    }
    std::sort(picked.begin(), picked.end());
    return picked;
}

} // namespace

OverfitResult runOverfitCheck(const Dataset &original, const OverfitOptions &options,
                              const std::function<void(int, double)> &onStep, const StopToken *stop)
{
    TrainConfig config;
    config.task = options.task;
    config.model = options.model;
    config.imageSize = options.imageSize;
    config.channels = options.channels;
    config.tiles = options.tiles;
    config.tileOverlap = options.tileOverlap;
    config.roi = options.roi;
    config.anchors = options.anchors;
    const std::unique_ptr<TrainingTask> task = makeTrainingTask(original, config);
    const Dataset &dataset = task->data();
    OverfitResult result;
    result.task = task->name();
    if (task->name() == QLatin1String("classify") && dataset.classes.size() < 2)
        throw DatasetError(Text::tr("the overfit check needs at least two classes; this dataset has %1")
                               .arg(dataset.classes.size()));
    const std::vector<int> picked = pickStratified(*task, options.images, options.seed);
    if (int(picked.size()) < std::min(options.images, 2))
        throw DatasetError(Text::tr("the overfit check needs %1 labelled images; this dataset has %2")
                               .arg(options.images)
                               .arg(picked.size()));
    setComputeThreads(options.threads);
    keepFreedMemory();
    torch::manual_seed(options.seed);
    TrainDevSplit split;
    split.train = picked;
    if (const QString problem = task->prepare(split, config, [](const QString &) {}); !problem.isEmpty())
        throw DatasetError(problem);

    // No random transform at all: only what inference would do.
    const Pipeline pipeline = Pipeline::defaultTraining(options.imageSize, options.channels).withoutRandomSteps();
    LoaderOptions lo;
    lo.imageSize = options.imageSize;
    lo.channels = options.channels;
    lo.shuffle = false;
    lo.threads = 1;
    lo.seed = options.seed;
    std::unique_ptr<DataLoader> loader = task->makeLoader(picked, pipeline, lo, [](const QString &) {});
    lo.batchSize = std::max(1, loader->size()); // every item (image or tile) in one batch
    loader = task->makeLoader(picked, pipeline, lo, [](const QString &) {});
    loader->startEpoch(0);
    Batch batch;
    if (!loader->next(batch) || batch.images.size(0) != loader->size()) {
        std::vector<BadFile> errors = loader->takeErrors();
        throw DatasetError(Text::tr("cannot read the images of the overfit check: %1")
                               .arg(errors.empty() ? QString() : errors.front().path + QStringLiteral(": ")
                                            + errors.front().reason));
    }
    loader->stop();

    const PrecisionChoice precision = choosePrecision(options.precision);
    if (precision.setting.isEmpty())
        throw DatasetError(precision.reason);
    const std::shared_ptr<NetworkImpl> model = task->buildNetwork();
    model->setComputeMode(computeModeFor(options.model.toStdString(), precision.precision));
    torch::optim::Adam optimizer(model->parameters(), torch::optim::AdamOptions(options.learningRate));
    model->train();
    result.classes = dataset.classes;
    result.precision = precision.name();
    const double threshold = options.lossThreshold > 0 ? options.lossThreshold : task->overfitLossThreshold();
    result.lossThreshold = threshold;
    int settled = 0;
    for (int step = 1; step <= options.maxSteps; ++step) {
        if (stop && stop->stopRequested())
            break;
        optimizer.zero_grad();
        const torch::Tensor loss = task->loss(batch).total;
        result.finalLoss = loss.item<double>();
        result.steps = step;
        if (onStep)
            onStep(step, result.finalLoss);
        if (!std::isfinite(result.finalLoss))
            break;
        settled = result.finalLoss < threshold ? settled + 1 : 0;
        if (settled >= kSettledSteps)
            break;
        loss.backward();
        optimizer.step();
    }
    {
        // Batch norm's running statistics still remember the early weights; recompute them as a
        // plain average over the final weights (momentum off), as evaluation will use them.
        torch::NoGradGuard noGrad;
        std::vector<std::pair<torch::nn::BatchNorm2dImpl *, c10::optional<double>>> norms;
        for (const auto &module : model->modules(/*include_self=*/false)) {
            if (auto *bn = dynamic_cast<torch::nn::BatchNorm2dImpl *>(module.get())) {
                norms.emplace_back(bn, bn->options.momentum());
                bn->reset_running_stats();
                bn->options.momentum(c10::nullopt);
            }
        }
        for (int i = 0; i < kStatisticsPasses; ++i)
            task->loss(batch);
        for (auto &[bn, momentum] : norms)
            bn->options.momentum(momentum);
    }

    const std::unique_ptr<DataLoader> evalLoader = task->makeLoader(picked, pipeline, lo, [](const QString &) {});
    task->judgeOverfit(*evalLoader, result, stop);
    const int total = int(result.paths.size());
    const QStringList judged = result.failedChecks;
    result.failedChecks.clear();
    if (!(result.finalLoss < threshold))
        result.failedChecks.append(Text::tr("training loss is %1 after %2 steps, not below %3")
                                       .arg(result.finalLoss, 0, 'g', 4)
                                       .arg(result.steps)
                                       .arg(threshold));
    result.failedChecks += judged;
    result.passed = result.failedChecks.isEmpty();
    if (result.passed) {
        result.message = Text::tr("passed: the model learned all %1 images (loss %2 after %3 steps)")
                             .arg(total)
                             .arg(result.finalLoss, 0, 'g', 3)
                             .arg(result.steps);
    } else {
        result.message = Text::tr("failed: %1. Likely causes: (1) the crop or resize used in training differs from "
                                  "evaluation; (2) the images or labels are not loaded properly; (3) the learning "
                                  "rate is too high.")
                             .arg(result.failedChecks.join(QLatin1String("; ")));
    }
    return result;
}

} // namespace loupe
