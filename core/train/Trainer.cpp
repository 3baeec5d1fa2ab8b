#include "train/Trainer.h"

#include "augment/Pipeline.h"
#include "dataset/ClassificationView.h"
#include "dataset/Errors.h"
#include "eval/Metrics.h"
#include "eval/Predictions.h"
#include "model/Models.h"
#include "model/Precision.h"
#include "model/WeightImportError.h"
#include "project/EventFile.h"
#include "project/RunFolder.h"
#include "model/Checkpoint.h"
#include "loader/DataLoader.h"
#include "eval/Evaluation.h"
#include "model/TorchRuntime.h"
#include "train/DistributedContext.h"
#include "train/TrainingTask.h"
#include "train/Diagnosis.h"
#include "train/EarlyStopping.h"
#include "train/LearningRateSchedule.h"
#include "train/TrainDevSplit.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSize>

#include <cmath>
#include <filesystem>
#include <limits>
#include <system_error>
#include <condition_variable>
#include <mutex>
#include <optional>

namespace loupe {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::Trainer)
};

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const TrainConfig &c, std::vector<torch::Tensor> params)
{
    if (c.optimizer == QLatin1String("adam"))
        return std::make_unique<torch::optim::Adam>(
            params, torch::optim::AdamOptions(c.learningRate).weight_decay(c.weightDecay));
    if (c.optimizer == QLatin1String("adamw"))
        return std::make_unique<torch::optim::AdamW>(
            params, torch::optim::AdamWOptions(c.learningRate).weight_decay(c.weightDecay));
    return std::make_unique<torch::optim::SGD>(
        params, torch::optim::SGDOptions(c.learningRate).momentum(c.momentum).weight_decay(c.weightDecay));
}

void setLearningRate(torch::optim::Optimizer &optimizer, double lr)
{
    for (auto &group : optimizer.param_groups())
        group.options().set_lr(lr);
}

bool hasBatchNorm(NetworkImpl &model)
{
    for (const auto &module : model.modules(/*include_self=*/false))
        if (dynamic_cast<torch::nn::BatchNorm2dImpl *>(module.get()))
            return true;
    return false;
}

/// What the run folder really holds, in a sentence: a stopped run must not promise a checkpoint
/// that was never written (none is before the first epoch ends).
QString checkpointsOnDisk(const QString &runDir, const CheckpointState &state)
{
    const bool last = QFileInfo::exists(runfolder::lastCheckpointPath(runDir));
    const bool best = QFileInfo::exists(runfolder::bestCheckpointPath(runDir));
    if (state.epoch > 0 && last) {
        if (best && state.bestEpoch > 0 && state.bestEpoch != state.epoch)
            return Text::tr("Kept on disk: checkpoints/last.pt (epoch %1) and checkpoints/best.pt (epoch %2).")
                .arg(state.epoch)
                .arg(state.bestEpoch);
        return Text::tr("Kept on disk: checkpoints/last.pt (epoch %1).").arg(state.epoch);
    }
    if (last)
        return Text::tr("This run wrote no checkpoint (the first is written when an epoch ends); "
                        "checkpoints/last.pt in the folder is left from an earlier run.");
    return Text::tr("No checkpoint was written: the first is written when an epoch ends.");
}

} // namespace

struct Trainer::Impl {
    std::unique_ptr<TrainingTask> task;
    TrainConfig cfg;
    QString runDir;
    bool resume = false;
    // [distributed] Set by setDistributed(); the context joins the group when run() starts.
    std::optional<DistributedSetup> distSetup;
    std::unique_ptr<DistributedContext> dist;
    /// Only rank 0 writes the run folder; every rank reads it (--resume, best.pt).
    bool writes() const { return !dist || dist->isMain(); }
    std::atomic<bool> cancelled{false};
    mutable std::mutex pauseMutex;
    std::condition_variable pauseChanged;
    bool paused = false;

    /// Blocks while paused; false once cancelled.
    bool waitWhilePaused()
    {
        std::unique_lock<std::mutex> lock(pauseMutex);
        pauseChanged.wait(lock, [&] { return !paused || cancelled.load(); });
        return !cancelled.load();
    }

    TrainResult run(const TrainCallbacks &cb);

private:
    /// Everything one call of run() builds and carries from epoch to epoch.
    struct Session {
        explicit Session(const TrainCallbacks &callbacks)
            : cb(callbacks)
        {
        }
        const TrainCallbacks &cb;
        TrainResult result;
        TrainDevSplit split;
        const std::vector<int> *devImages = nullptr; ///< dev, or train when there is no dev image
        Pipeline evalPipeline;
        LoaderOptions devOptions;
        std::unique_ptr<DataLoader> trainLoader;
        Pipeline trainPipeline;    ///< [distributed] each epoch's shard gets a loader of its own
        LoaderOptions trainOptions;
        std::unique_ptr<DataLoader> devLoader;
        std::shared_ptr<NetworkImpl> model;
        PrecisionChoice precision;
        std::unique_ptr<torch::optim::Optimizer> optimizer;
        CheckpointState state;
        std::unique_ptr<EarlyStopping> stopping;
        EventFileWriter events;
        int stepsPerEpoch = 0;
        double explodeAt = 0;
        QElapsedTimer runClock;
        qint64 stepsThisSession = 0;

        void note(const QString &text)
        {
            result.notes.append(text);
            if (cb.onNote)
                cb.onNote(text);
        }
        /// Marks the run failed; returns false for `return fail(...)` in the steps.
        bool fail(const QString &message)
        {
            result.outcome = TrainOutcome::Failed;
            result.message = message;
            return false;
        }
    };
    /// One epoch's training: summed loss (and its parts) and images seen.
    struct EpochTotals {
        double lossSum = 0;
        std::vector<std::pair<QString, double>> partSums;
        qint64 images = 0;
    };

    // The steps of run(), in order; each returns false when the run ends there (result says how).
    bool prepareData(Session &s);
    bool buildModel(Session &s);
    bool openRunFolder(Session &s);
    bool writeRunConfig(Session &s);
    bool trainEpoch(Session &s, int epoch, const QElapsedTimer &epochClock, EpochTotals &totals);
    bool evaluateEpoch(Session &s, int epoch, double epochRate, double trainLoss, TaskEvaluation &dev);
    double devLossWithBatchStatistics(Session &s);
    QString devBlowUpMessage(Session &s, int epoch, double trainLoss, double devLoss, double batchStatsLoss);
    bool recordEpoch(Session &s, const EpochMetrics &metrics);
    bool stopEarly(Session &s);
    void finish(Session &s);
};

Trainer::Trainer(const Dataset &dataset, TrainConfig config, QString runDir)
    : d(std::make_unique<Impl>())
{
    d->task = makeTrainingTask(dataset, config);
    d->cfg = std::move(config);
    d->runDir = QDir(runDir).absolutePath();
}

Trainer::~Trainer() = default;

void Trainer::setResume(bool resume)
{
    d->resume = resume;
}

void Trainer::setDistributed(const DistributedSetup &setup)
{
    d->distSetup = setup;
}

void Trainer::pause()
{
    std::lock_guard<std::mutex> lock(d->pauseMutex);
    d->paused = true;
}

void Trainer::resume()
{
    {
        std::lock_guard<std::mutex> lock(d->pauseMutex);
        d->paused = false;
    }
    d->pauseChanged.notify_all();
}

void Trainer::cancel()
{
    d->cancelled = true;
    d->pauseChanged.notify_all();
}

bool Trainer::isPaused() const
{
    std::lock_guard<std::mutex> lock(d->pauseMutex);
    return d->paused;
}

TrainResult Trainer::run(const TrainCallbacks &callbacks)
{
    TrainResult result;
    try {
        return d->run(callbacks);
    } catch (const WeightImportError &e) {
        result.message = e.message();
    } catch (const PipelineError &e) {
        result.message = Text::tr("augmentation pipeline %1: %2").arg(e.place(), e.problem());
    } catch (const DatasetError &e) {
        result.message = e.message();
    } catch (const LabelFileError &e) {
        result.message = e.message();
    } catch (const c10::Error &e) {
        result.message = Text::tr("LibTorch stopped the run: %1").arg(QString::fromStdString(e.what_without_backtrace()));
    } catch (const std::exception &e) {
        result.message = QString::fromLocal8Bit(e.what());
    }
    result.outcome = TrainOutcome::Failed;
    return result;
}

TrainResult Trainer::Impl::run(const TrainCallbacks &cb)
{
    Session s(cb);
    // [distributed] join the group before anything else, so that a rank that cannot join says so first.
    if (distSetup && distSetup->worldSize > 1)
        dist = std::make_unique<DistributedContext>(*distSetup);
    if (!prepareData(s) || !buildModel(s) || !openRunFolder(s))
        return s.result;
    if (!writeRunConfig(s))
        return s.result;

    s.result.bestEpoch = s.state.bestEpoch;
    s.result.bestDevLoss = s.state.bestDevLoss;
    s.result.epochsRun = s.state.epoch;
    s.stepsPerEpoch = cfg.maxStepsPerEpoch > 0 ? std::min(cfg.maxStepsPerEpoch, s.trainLoader->batchesPerEpoch())
                                               : s.trainLoader->batchesPerEpoch();
    s.explodeAt = task->explodeAt();
    s.runClock.start();

    s.model->train();
    for (int epoch = s.state.epoch + 1; epoch <= cfg.epochs; ++epoch) {
        QElapsedTimer epochClock;
        epochClock.start();
        const double epochRate = scheduledRate(cfg, epoch, 0, s.stepsPerEpoch);
        EpochTotals totals;
        if (!trainEpoch(s, epoch, epochClock, totals))
            return s.result;
        const double trainSeconds = epochClock.nsecsElapsed() / 1e9;

        const double trainLoss = totals.images > 0 ? totals.lossSum / double(totals.images) : 0.0;
        TaskEvaluation dev;
        if (!evaluateEpoch(s, epoch, epochRate, trainLoss, dev))
            return s.result;
        EpochMetrics m;
        m.epoch = epoch;
        m.trainLoss = trainLoss;
        m.devLoss = dev.loss;
        m.hasClassMetrics = dev.hasClassMetrics;
        m.devAccuracy = dev.accuracy;
        m.devMacroF1 = dev.macroF1;
        for (const auto &[part, sum] : totals.partSums)
            m.extra.emplace_back(QStringLiteral("train_loss_") + part, totals.images > 0 ? sum / double(totals.images) : 0.0);
        for (const auto &[part, value] : dev.lossParts)
            m.extra.emplace_back(QStringLiteral("dev_loss_") + part, value);
        for (const auto &[key, value] : dev.metrics)
            m.extra.emplace_back(QStringLiteral("dev_") + key, value);
        m.imagesPerSecond = totals.images / std::max(1e-9, trainSeconds);
        m.seconds = epochClock.nsecsElapsed() / 1e9;
        m.learningRate = epochRate;
        if (!recordEpoch(s, m))
            return s.result;
        if (stopEarly(s))
            break;
    }
    if (s.result.outcome != TrainOutcome::EarlyStopped)
        s.result.outcome = TrainOutcome::Completed;
    finish(s);
    return s.result;
}

bool Trainer::Impl::prepareData(Session &s)
{
    if (const QString problem = cfg.validate(); !problem.isEmpty())
        return s.fail(problem);
    setComputeThreads(cfg.threads);
    torch::manual_seed(cfg.seed);
    keepFreedMemory();

    // The images to learn from: those the dataset marks as train or dev, or a stratified split.
    s.split = task->split(cfg.devFraction, cfg.seed);
    const NoteFn note = [&s](const QString &text) { s.note(text); };
    if (const QString problem = task->prepare(s.split, cfg, note); !problem.isEmpty())
        return s.fail(problem);
    if (s.split.dev.empty())
        s.note(Text::tr("no dev images: dev loss and metrics are computed on the training images"));

    // Pipelines: training as given, evaluation only its deterministic steps.
    // A pipeline given whole (the window's Augment page, a resumed run's config.json) is used as
    // it is: the run trains with exactly what was previewed, and a resume with what it began with.
    Pipeline trainPipeline;
    if (!cfg.pipelineJson.isEmpty()) {
        trainPipeline = Pipeline::fromJson(cfg.pipelineJson);
    } else if (cfg.augmentFile.isEmpty()) {
        trainPipeline = Pipeline::defaultTraining(cfg.imageSize, cfg.channels);
    } else if (cfg.augmentFile == QLatin1String("none")) {
        trainPipeline = Pipeline::defaultTraining(cfg.imageSize, cfg.channels).evaluationPipeline();
    } else {
        QFile f(cfg.augmentFile);
        if (!f.open(QIODevice::ReadOnly))
            return s.fail(Text::tr("cannot read the augmentation pipeline %1: %2").arg(cfg.augmentFile, f.errorString()));
        trainPipeline = Pipeline::fromJson(f.readAll());
    }
    cfg.pipelineJson = trainPipeline.toJson();
    s.evalPipeline = trainPipeline.evaluationPipeline();

    LoaderOptions lo;
    lo.batchSize = cfg.batchSize;
    lo.imageSize = cfg.imageSize;
    lo.channels = cfg.channels;
    lo.seed = cfg.seed;
    lo.threads = cfg.loaderThreads;
    lo.shuffle = true;
    // A last batch of one image would make batch norm's statistics meaningless.
    // [distributed] each rank learns from its shard of every epoch (in order: the shard is shuffled).
    // Every rank evaluates the whole dev set with rank 0's weights and statistics: the same figures
    // on every rank, whatever the task, with no gathering.
    std::vector<int> trainImages = dist ? dist->shard(s.split.train, 1, cfg.seed) : s.split.train;
    const int trainCount = int(trainImages.size());
    lo.dropLast = trainCount > cfg.batchSize && trainCount % cfg.batchSize == 1;
    s.devOptions = lo;
    s.devOptions.shuffle = false;
    s.devOptions.dropLast = false;
    if (dist)
        lo.shuffle = false;
    s.trainPipeline = trainPipeline;
    s.trainOptions = lo;
    s.trainLoader = task->makeTrainLoader(trainImages, trainPipeline, lo, note);
    s.devImages = s.split.dev.empty() ? &s.split.train : &s.split.dev;
    s.devLoader = task->makeLoader(*s.devImages, s.evalPipeline, s.devOptions, note);
    return true;
}

bool Trainer::Impl::buildModel(Session &s)
{
    // Model, initial weights, optimizer, class weights.
    s.model = task->buildNetwork();
    if (!cfg.initWeights.isEmpty()) {
        QString file = cfg.initWeights;
        if (QFileInfo(file).isDir()) {
            file = runfolder::bestCheckpointPath(cfg.initWeights);
            if (!QFileInfo::exists(file))
                file = runfolder::lastCheckpointPath(cfg.initWeights);
        }
        if (!QFileInfo::exists(file))
            return s.fail(Text::tr("no weights to import at %1").arg(cfg.initWeights));
        ImportReport report;
        try {
            report = importWeights(*s.model, file.toStdString());
        } catch (const WeightImportError &e) {
            // Shape and name problems say which tensor; the file is named here.
            if (e.message().contains(file))
                throw;
            throw WeightImportError(Text::tr("initial weights %1: %2").arg(file, e.message()));
        }
        s.note(Text::tr("imported %1 tensors from %2").arg(report.loaded.size()).arg(file));
        for (const std::string &n : report.notes)
            s.note(QString::fromStdString(n));
    }
    // Before the optimizer: its state takes the layout of the parameters.
    s.precision = choosePrecision(cfg.precision);
    s.model->setComputeMode(computeModeFor(cfg.model.toStdString(), s.precision.precision));
    s.note(s.precision.reason);
    // [distributed] every rank starts from rank 0's weights.
    if (dist)
        dist->broadcastParameters(*s.model);
    s.optimizer = makeOptimizer(cfg, s.model->parameters());

    return true;
}

bool Trainer::Impl::openRunFolder(Session &s)
{
    // Run folder: resume where the last checkpoint left off, or start afresh.
    {
        // Say why (read-only, no permission, full): QDir::mkpath only says that it failed.
        std::error_code ec;
        std::filesystem::create_directories(QString(runDir + QStringLiteral("/checkpoints")).toStdString(), ec);
        if (ec)
            return s.fail(
                Text::tr("cannot create the run folder %1: %2").arg(runDir, QString::fromStdString(ec.message())));
    }
    if (resume) {
        const QString last = runfolder::lastCheckpointPath(runDir);
        if (QFileInfo::exists(last)) {
            s.state = loadCheckpoint(last.toStdString(), *s.model, s.optimizer.get());
            std::vector<EpochMetrics> &history = s.result.history;
            for (const EpochMetrics &m : runfolder::readMetrics(runDir))
                if (m.epoch <= s.state.epoch)
                    history.push_back(m);
            // Killed after the checkpoint, before its metrics line: the checkpoint carries it.
            if ((history.empty() || history.back().epoch < s.state.epoch) && !s.state.metricsLine.isEmpty()) {
                const EpochMetrics m = runfolder::metricsFromJson(QJsonDocument::fromJson(s.state.metricsLine).object());
                if (m.epoch == s.state.epoch) {
                    history.push_back(m);
                    const QString error = writes() ? runfolder::writeMetrics(runDir, history) : QString();
                    if (!error.isEmpty())
                        return s.fail(error);
                }
            }
            s.note(Text::tr("resumed after epoch %1 from %2").arg(s.state.epoch).arg(last));
        } else {
            s.note(Text::tr("nothing to resume in %1: starting a new run").arg(runDir));
        }
    }
    s.stopping = std::make_unique<EarlyStopping>(cfg.earlyStopPatience, cfg.earlyStopMinDelta);
    s.stopping->restore(s.state.bestEpoch, s.state.bestDevLoss, s.state.epochsWithoutImprovement);
    return true;
}

bool Trainer::Impl::writeRunConfig(Session &s)
{
    const Dataset &data = task->data();
    QJsonObject config = cfg.toJson();
    config[QStringLiteral("task")] = task->name();
    task->describe(config);
    config[QStringLiteral("dataset")] = QJsonObject{{QStringLiteral("root"), data.root},
                                                    {QStringLiteral("format"), data.format},
                                                    {QStringLiteral("classes"), QJsonArray::fromStringList(data.classes)},
                                                    {QStringLiteral("train_images"), int(s.split.train.size())},
                                                    {QStringLiteral("dev_images"), int(s.split.dev.size())}};
    // Everything outside code needs to feed the model what it saw in evaluation: the pipeline's
    // "auto" interpolation resolved on this run's images, the decode, mean/std, channel order.
    std::vector<int> images = s.split.train;
    images.insert(images.end(), s.split.dev.begin(), s.split.dev.end());
    config[QStringLiteral("preprocessing")] = describePreprocessing(data, images, s.evalPipeline, s.devOptions);
    config[QStringLiteral("torch")] = torchVersion();
    config[QStringLiteral("loupe")] = QStringLiteral(LOUPE_VERSION);
    config[QStringLiteral("compute_threads")] = computeThreads();
    // The setting is in "precision"; what it came to on this machine, and why.
    const ComputeMode mode = s.model->computeMode();
    config[QStringLiteral("compute")] = QJsonObject{{QStringLiteral("precision"), s.precision.name()},
                                                    {QStringLiteral("reason"), s.precision.reason},
                                                    {QStringLiteral("cpu_bf16"), s.precision.cpu.describe()},
                                                    {QStringLiteral("channels_last"), mode.channelsLast},
                                                    {QStringLiteral("weights"), QStringLiteral("fp32")}};
    if (dist) {
        // [distributed] No automatic learning-rate scaling: the rate given is the rate used, with
        // gradients averaged over effective_batch images (docs/distributed.md).
        const DistributedSetup &ds = dist->setup();
        config[QStringLiteral("distributed")] =
            QJsonObject{{QStringLiteral("world_size"), ds.worldSize},
                        {QStringLiteral("backend"), QStringLiteral("gloo")},
                        {QStringLiteral("launcher"), ds.launcher},
                        {QStringLiteral("per_rank_batch"), cfg.batchSize},
                        {QStringLiteral("effective_batch"), cfg.batchSize * ds.worldSize},
                        {QStringLiteral("lr_scaling"), QStringLiteral("none")},
                        {QStringLiteral("batch_norm"), QStringLiteral("per-rank batch statistics; running "
                                                                      "statistics from rank 0")},
                        {QStringLiteral("evaluation"), QStringLiteral("every rank evaluates the whole dev set")},
                        {QStringLiteral("timeout_s"), ds.timeoutSeconds}};
    }
    if (!writes())
        return true;
    if (const QString error = runfolder::writeConfig(runDir, config); !error.isEmpty())
        return s.fail(error);
    QString eventError;
    if (!s.events.open(runDir, &eventError))
        s.note(Text::tr("no TensorBoard file: %1").arg(eventError));
    return true;
}

bool Trainer::Impl::trainEpoch(Session &s, int epoch, const QElapsedTimer &epochClock, EpochTotals &totals)
{
    CheckpointState &state = s.state;
    // [distributed] this epoch's shard
    if (dist)
        s.trainLoader = task->makeTrainLoader(dist->shard(s.split.train, epoch, cfg.seed), s.trainPipeline, s.trainOptions,
                                         [&s](const QString &text) { s.note(text); });
    DataLoader &loader = *s.trainLoader;
    loader.startEpoch(epoch);
    Batch batch;
    int step = 0;
    while (step < s.stepsPerEpoch && loader.next(batch)) {
        // Batch norm cannot train on one image, and files deleted or damaged since the scan
        // can leave a batch that small (they are listed as skipped below).
        const bool tooSmall = batch.images.size(0) < 2;
        if (!dist && tooSmall)
            continue;
        if (!dist && !waitWhilePaused())
            break;
        s.optimizer->zero_grad();
        TaskLoss taskLoss;
        double value = 0;
        double stepLoss = 0, stepImages = double(batch.images.size(0));
        if (!tooSmall) {
            taskLoss = task->loss(batch);
            value = taskLoss.total.item<double>();
            stepLoss = value * stepImages;
        }
        // [distributed] every rank takes the same decision from the same numbers: stop when one
        // was cancelled, skip the step when one has too small a batch, and the mean loss of all.
        if (dist) {
            std::vector<double> agree{stepLoss, tooSmall ? 0.0 : stepImages, cancelled ? 1.0 : 0.0, tooSmall ? 1.0 : 0.0};
            dist->allReduceSum(agree);
            if (agree[2] > 0) {
                cancelled = true;
                break;
            }
            if (agree[3] > 0)
                continue;
            stepLoss = agree[0];
            stepImages = agree[1];
            value = stepLoss / stepImages;
        }
        const torch::Tensor &loss = taskLoss.total;
        ++step;
        ++state.globalStep;
        const double lr = scheduledRate(cfg, epoch, state.globalStep - 1, s.stepsPerEpoch);
        setLearningRate(*s.optimizer, lr);
        if (!std::isfinite(value) || value > s.explodeAt) {
            loader.stop();
            s.result.outcome = TrainOutcome::Diverged;
            s.result.message =
                Text::tr("training diverged at step %1 (epoch %2): the training loss is %3. Likely causes: the "
                         "learning rate is too high (it is %4; try %5), or the images or labels are not loaded "
                         "properly (check them with loupe-cli inspect and the overfit check). %6")
                    .arg(state.globalStep)
                    .arg(epoch)
                    .arg(value)
                    .arg(lr)
                    .arg(lr / 10.0)
                    .arg(checkpointsOnDisk(runDir, state));
            return false;
        }
        loss.backward();
        // [distributed] the mean gradient over every rank's batch
        if (dist)
            dist->averageGradients(s.model->parameters());
        s.optimizer->step();
        totals.lossSum += stepLoss;
        totals.partSums.resize(taskLoss.parts.size());
        for (std::size_t k = 0; k < taskLoss.parts.size(); ++k) {
            totals.partSums[k].first = taskLoss.parts[k].first;
            totals.partSums[k].second += taskLoss.parts[k].second.item<double>() * stepImages; // [distributed] this rank's parts
        }
        totals.images += qint64(stepImages);
        ++s.stepsThisSession;
        if (state.globalStep % 10 == 0)
            s.events.addScalar(QStringLiteral("train/step_loss"), state.globalStep, float(value));
        if (s.cb.onStep) {
            TrainProgress p;
            p.epoch = epoch;
            p.epochs = cfg.epochs;
            p.step = step;
            p.stepsPerEpoch = s.stepsPerEpoch;
            p.globalStep = state.globalStep;
            p.loss = value;
            p.learningRate = lr;
            p.imagesPerSecond = totals.images / std::max(1e-9, epochClock.nsecsElapsed() / 1e9);
            const double perStep = s.runClock.nsecsElapsed() / 1e9 / double(s.stepsThisSession);
            p.etaSeconds = perStep * double(qint64(cfg.epochs - epoch) * s.stepsPerEpoch + (s.stepsPerEpoch - step));
            s.cb.onStep(p);
        }
    }
    loader.stop();
    for (const BadFile &b : loader.takeErrors())
        s.note(Text::tr("skipped %1: %2").arg(b.path, b.reason));
    if (cancelled) {
        s.result.outcome = TrainOutcome::Cancelled;
        s.result.message = Text::tr("cancelled during epoch %1. %2").arg(epoch).arg(checkpointsOnDisk(runDir, state));
        return false;
    }
    return true;
}

bool Trainer::Impl::evaluateEpoch(Session &s, int epoch, double epochRate, double trainLoss, TaskEvaluation &dev)
{
    // [distributed] rank 0's batch-norm statistics on every rank, which then agree on every figure.
    if (dist)
        dist->broadcastBuffers(*s.model);
    dev = task->evaluate(*s.devLoader);
    // Dev images deleted or damaged since the scan are left out of the metrics: say which.
    for (const BadFile &b : s.devLoader->takeErrors())
        s.note(Text::tr("skipped %1: %2").arg(b.path, b.reason));
    if (dev.images == 0)
        return s.fail(Text::tr("none of the %1 dev images could be read in epoch %2 (deleted or damaged since the "
                               "dataset was opened). %3")
                          .arg(s.devLoader->size())
                          .arg(epoch)
                          .arg(checkpointsOnDisk(runDir, s.state)));
    if (std::isfinite(dev.loss) && dev.loss <= s.explodeAt)
        return true;

    // Every training step of the epoch passed the same check, so the weights learn; a dev loss
    // that blows up all the same comes from evaluation mode. When the same dev images give an
    // ordinary loss with batch statistics, batch norm's running statistics are the cause (small
    // feature maps and small batches: ResNet-18 at 32 px has 1x1 maps in its last stage), and a
    // lower learning rate would not help. Such a run stops all the same: its dev loss, best epoch,
    // early stopping and predictions would all come from those statistics, and every remedy
    // (input size, batch size, frozen statistics) needs a new run.
    s.result.outcome = TrainOutcome::Diverged;
    const bool trainOrdinary = std::isfinite(trainLoss) && trainLoss <= s.explodeAt;
    const double batchStatsLoss = trainOrdinary ? devLossWithBatchStatistics(s) : std::numeric_limits<double>::quiet_NaN();
    if (std::isfinite(batchStatsLoss) && batchStatsLoss <= s.explodeAt) {
        s.result.message = devBlowUpMessage(s, epoch, trainLoss, dev.loss, batchStatsLoss);
        return false;
    }
    s.result.message = Text::tr("training diverged in epoch %1: the dev loss is %2 (training loss %3). Likely "
                                "causes: the learning rate is too high (it is %4; try %5), or the images or labels "
                                "are not loaded properly (check them with loupe-cli inspect and the overfit check). %6")
                           .arg(epoch)
                           .arg(dev.loss)
                           .arg(trainLoss)
                           .arg(epochRate)
                           .arg(epochRate / 10.0)
                           .arg(checkpointsOnDisk(runDir, s.state));
    return false;
}

double Trainer::Impl::devLossWithBatchStatistics(Session &s)
{
    if (!hasBatchNorm(*s.model))
        return std::numeric_limits<double>::quiet_NaN();
    // Shuffled, so that each batch mixes classes as training batches do; the running statistics
    // (every buffer) are put back afterwards, so the check leaves the model as it was.
    LoaderOptions options = s.devOptions;
    options.shuffle = true;
    const std::unique_ptr<DataLoader> devLoader = task->makeLoader(*s.devImages, s.evalPipeline, options, [](const QString &) {});
    DataLoader &loader = *devLoader;
    std::vector<torch::Tensor> saved;
    for (const torch::Tensor &b : s.model->buffers())
        saved.push_back(b.clone());
    double lossSum = 0;
    qint64 images = 0;
    try {
        torch::NoGradGuard noGrad;
        s.model->train();
        loader.startEpoch(1);
        Batch batch;
        while (loader.next(batch)) {
            if (batch.images.size(0) < 2) // batch statistics need two images
                continue;
            lossSum += task->loss(batch).total.item<double>() * double(batch.images.size(0));
            images += batch.images.size(0);
        }
    } catch (const c10::Error &) {
        images = 0;
    }
    loader.stop();
    loader.takeErrors();
    {
        torch::NoGradGuard noGrad;
        std::vector<torch::Tensor> live = s.model->buffers();
        for (std::size_t i = 0; i < live.size() && i < saved.size(); ++i)
            live[i].copy_(saved[i]);
    }
    return images > 0 ? lossSum / double(images) : std::numeric_limits<double>::quiet_NaN();
}

QString Trainer::Impl::devBlowUpMessage(Session &s, int epoch, double trainLoss, double devLoss, double batchStatsLoss)
{
    const QSize maps = task->lastFeatureMapSize(cfg.channels, cfg.imageSize);
    const QSize larger = task->lastFeatureMapSize(cfg.channels, 2 * cfg.imageSize);
    return Text::tr("the dev loss blew up in epoch %1 (%2) while the training loss did not (%3), and the same dev "
                    "images give %4 with batch statistics: training has not diverged, and this is not a learning-rate "
                    "problem. Batch norm's running statistics, which evaluation uses, do not fit the model: "
                    "at image size %5 the last feature maps of %6 are %7x%8, so each batch of %9 images gives batch "
                    "norm only %10 values per channel there. Remedies: a larger input size (--image-size %11 makes "
                    "them %12x%13), a larger batch (--batch, now %9), or keeping the running statistics frozen "
                    "(batch norm in evaluation mode while fine-tuning weights from --init). The run stops here: "
                    "its dev loss, best epoch and predictions would all come from these statistics. %14")
        .arg(epoch)
        .arg(devLoss, 0, 'g', 3)
        .arg(trainLoss, 0, 'g', 3)
        .arg(batchStatsLoss, 0, 'g', 3)
        .arg(cfg.imageSize)
        .arg(cfg.model)
        .arg(maps.width())
        .arg(maps.height())
        .arg(cfg.batchSize)
        .arg(qint64(cfg.batchSize) * maps.width() * maps.height())
        .arg(2 * cfg.imageSize)
        .arg(larger.width())
        .arg(larger.height())
        .arg(checkpointsOnDisk(runDir, s.state));
}

bool Trainer::Impl::recordEpoch(Session &s, const EpochMetrics &metrics)
{
    EpochMetrics m = metrics;
    CheckpointState &state = s.state;
    m.best = s.stopping->observe(m.epoch, m.devLoss);
    state.bestDevLoss = s.stopping->bestDevLoss();
    state.bestEpoch = s.stopping->bestEpoch();
    state.epochsWithoutImprovement = s.stopping->epochsWithoutImprovement();
    state.epoch = m.epoch;
    state.metricsLine = QJsonDocument(runfolder::metricsToJson(m)).toJson(QJsonDocument::Compact);
    if (m.best && writes())
        saveCheckpoint(runfolder::bestCheckpointPath(runDir).toStdString(), *s.model, *s.optimizer, state);
    if (writes())
        saveCheckpoint(runfolder::lastCheckpointPath(runDir).toStdString(), *s.model, *s.optimizer, state);
    s.result.history.push_back(m);
    if (writes()) {
        task->afterEpoch(m.epoch, runDir, [&s](const QString &text) { s.note(text); });
        // A run whose metrics cannot be written (full disk) stops: its curves would silently end.
        if (const QString error = runfolder::writeMetrics(runDir, s.result.history); !error.isEmpty())
            return s.fail(error);
    }
    s.events.addScalar(QStringLiteral("loss/train"), m.epoch, float(m.trainLoss));
    s.events.addScalar(QStringLiteral("loss/dev"), m.epoch, float(m.devLoss));
    if (m.hasClassMetrics) {
        s.events.addScalar(QStringLiteral("dev/accuracy"), m.epoch, float(m.devAccuracy));
        s.events.addScalar(QStringLiteral("dev/macro_f1"), m.epoch, float(m.devMacroF1));
    }
    for (const auto &[key, value] : m.extra) {
        // "dev_map" → "dev/map", "train_loss_box" → "loss/train_box"
        QString tag = key;
        if (tag.startsWith(QLatin1String("train_loss_")) || tag.startsWith(QLatin1String("dev_loss_")))
            tag = QStringLiteral("loss/") + tag.remove(QStringLiteral("loss_"));
        else
            tag.replace(tag.indexOf(QLatin1Char('_')), 1, QLatin1Char('/'));
        s.events.addScalar(tag, m.epoch, float(value));
    }
    s.events.addScalar(QStringLiteral("train/images_per_s"), m.epoch, float(m.imagesPerSecond));
    s.events.flush();
    s.result.epochsRun = m.epoch;
    s.result.bestEpoch = state.bestEpoch;
    s.result.bestDevLoss = state.bestDevLoss;
    if (s.cb.onEpoch)
        s.cb.onEpoch(m);
    return true;
}

bool Trainer::Impl::stopEarly(Session &s)
{
    if (!s.stopping->shouldStop())
        return false;
    s.result.outcome = TrainOutcome::EarlyStopped;
    s.result.message = Text::tr("dev loss has not improved for %1 epochs; the best was epoch %2 (%3)")
                           .arg(s.state.epochsWithoutImprovement)
                           .arg(s.state.bestEpoch)
                           .arg(s.state.bestDevLoss, 0, 'g', 4);
    return true;
}

void Trainer::Impl::finish(Session &s)
{
    // Predictions of the final model (the best epoch's, unless told otherwise) on dev.
    int predictionEpoch = s.state.epoch;
    if (cfg.restoreBest && QFileInfo::exists(runfolder::bestCheckpointPath(runDir))) {
        // [distributed] rank 0 reads best.pt and hands its weights to the others (below).
        if (writes())
            importWeights(*s.model, runfolder::bestCheckpointPath(runDir).toStdString());
        predictionEpoch = s.state.bestEpoch;
    }
    if (dist && cfg.restoreBest)
        dist->broadcastParameters(*s.model);
    // [distributed] the predictions are rank 0's to write; the others have nothing left to do.
    if (!writes())
        return;
    task->writePredictions(runDir, *s.devLoader, s.split.test, s.evalPipeline, s.devOptions, predictionEpoch,
                           [&s](const QString &text) { s.note(text); });
}

} // namespace loupe
