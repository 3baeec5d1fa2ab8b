#include "train/Trainer.h"

#include "augment/Pipeline.h"
#include "dataset/ClassificationView.h"
#include "dataset/Errors.h"
#include "dataset/Split.h"
#include "eval/Metrics.h"
#include "eval/Predictions.h"
#include "model/Models.h"
#include "model/WeightImportError.h"
#include "project/EventFile.h"
#include "project/RunFolder.h"
#include "model/Checkpoint.h"
#include "loader/DataLoader.h"
#include "eval/Evaluation.h"
#include "model/TorchRuntime.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <filesystem>
#include <system_error>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <condition_variable>
#include <mutex>

namespace loupe {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::Trainer)
};

// A cross-entropy this many times the loss of a uniform guess means the run has blown up.
constexpr double kExplodeFactor = 100.0;

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

double scheduledRate(const TrainConfig &c, int epoch, qint64 stepInRun, qint64 stepsPerEpoch)
{
    double lr = c.learningRate;
    if (c.schedule == QLatin1String("step") && c.stepEpochs > 0)
        lr *= std::pow(c.stepGamma, (epoch - 1) / c.stepEpochs);
    else if (c.schedule == QLatin1String("cosine"))
        lr *= 0.5 * (1.0 + std::cos(M_PI * double(epoch - 1) / std::max(1, c.epochs)));
    const qint64 warmupSteps = qint64(c.warmupEpochs) * stepsPerEpoch;
    if (warmupSteps > 0 && stepInRun < warmupSteps)
        lr *= 0.1 + 0.9 * double(stepInRun) / double(warmupSteps);
    return lr;
}

} // namespace

struct Trainer::Impl {
    Dataset data;
    bool derivedClasses = false; ///< image classes taken from the objects
    TrainConfig cfg;
    QString runDir;
    bool resume = false;
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
};

Trainer::Trainer(const Dataset &dataset, TrainConfig config, QString runDir)
    : d(std::make_unique<Impl>())
{
    d->derivedClasses = hasOnlyObjectLabels(dataset);
    d->data = classificationView(dataset);
    d->cfg = std::move(config);
    d->runDir = QDir(runDir).absolutePath();
}

Trainer::~Trainer() = default;

void Trainer::setResume(bool resume)
{
    d->resume = resume;
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
    TrainResult result;
    auto note = [&](const QString &text) {
        result.notes.append(text);
        if (cb.onNote)
            cb.onNote(text);
    };
    auto fail = [&](const QString &message) {
        result.outcome = TrainOutcome::Failed;
        result.message = message;
        return result;
    };

    if (const QString problem = cfg.validate(); !problem.isEmpty())
        return fail(problem);
    if (derivedClasses)
        note(data.warnings.back());
    if (data.classes.size() < 2)
        return fail(Text::tr("a classifier needs at least two classes; this dataset has %1").arg(data.classes.size()));

    setComputeThreads(cfg.threads);
    torch::manual_seed(cfg.seed);
#ifdef __GLIBC__
    // glibc hands every large activation buffer back to the kernel and maps it again on the next
    // step: 7.6 s of a 52 s ResNet-18 epoch went to the kernel. Keeping freed memory in the
    // process makes that 0.7 s (bench/train/README.md).
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif

    // The images to learn from: those the dataset marks as train or dev, or a stratified split.
    std::vector<int> trainIdx, devIdx;
    bool hasOwnSplit = false;
    for (const Sample &s : data.samples)
        hasOwnSplit = hasOwnSplit || s.split == SplitName::Dev;
    if (hasOwnSplit) {
        for (int i = 0; i < int(data.samples.size()); ++i) {
            if (data.samples[i].classId < 0)
                continue;
            if (data.samples[i].split == SplitName::Dev)
                devIdx.push_back(i);
            else if (data.samples[i].split != SplitName::Test)
                trainIdx.push_back(i);
        }
    } else {
        Dataset labelled = data;
        std::vector<int> map;
        labelled.samples.clear();
        for (int i = 0; i < int(data.samples.size()); ++i) {
            if (data.samples[i].classId >= 0 && data.samples[i].split != SplitName::Test) {
                labelled.samples.push_back(data.samples[i]);
                labelled.samples.back().split = SplitName::None;
                map.push_back(i);
            }
        }
        const SplitAssignment split = stratifiedSplit(labelled, {1.0 - cfg.devFraction, cfg.devFraction, 0.0}, cfg.seed);
        for (int i : split.train)
            trainIdx.push_back(map[i]);
        for (int i : split.dev)
            devIdx.push_back(map[i]);
    }
    if (trainIdx.empty())
        return fail(Text::tr("no labelled training images: classification needs class folders, a CSV or IDX labels"));
    if (devIdx.empty())
        note(Text::tr("no dev images: dev loss and metrics are computed on the training images"));
    const int numClasses = int(data.classes.size());

    // Pipelines: training as given, evaluation only its deterministic steps.
    Pipeline trainPipeline;
    if (cfg.augmentFile.isEmpty()) {
        trainPipeline = Pipeline::defaultTraining(cfg.imageSize, cfg.channels);
    } else if (cfg.augmentFile == QLatin1String("none")) {
        trainPipeline = Pipeline::defaultTraining(cfg.imageSize, cfg.channels).evaluationPipeline();
    } else {
        QFile f(cfg.augmentFile);
        if (!f.open(QIODevice::ReadOnly))
            return fail(Text::tr("cannot read the augmentation pipeline %1: %2").arg(cfg.augmentFile, f.errorString()));
        trainPipeline = Pipeline::fromJson(f.readAll());
    }
    cfg.pipelineJson = trainPipeline.toJson();
    const Pipeline evalPipeline = trainPipeline.evaluationPipeline();

    LoaderOptions lo;
    lo.batchSize = cfg.batchSize;
    lo.imageSize = cfg.imageSize;
    lo.channels = cfg.channels;
    lo.seed = cfg.seed;
    lo.threads = cfg.loaderThreads;
    lo.shuffle = true;
    // A last batch of one image would make batch norm's statistics meaningless.
    lo.dropLast = int(trainIdx.size()) > cfg.batchSize && int(trainIdx.size()) % cfg.batchSize == 1;
    DataLoader trainLoader(data, trainIdx, trainPipeline, lo);
    LoaderOptions devOptions = lo;
    devOptions.shuffle = false;
    devOptions.dropLast = false;
    const std::vector<int> &devImages = devIdx.empty() ? trainIdx : devIdx;
    DataLoader devLoader(data, devImages, evalPipeline, devOptions);

    // Model, initial weights, optimizer, class weights.
    std::shared_ptr<ClassifierImpl> model = makeModel({cfg.model.toStdString(), numClasses, cfg.channels});
    if (!cfg.initWeights.isEmpty()) {
        QString file = cfg.initWeights;
        if (QFileInfo(file).isDir()) {
            file = runfolder::bestCheckpointPath(cfg.initWeights);
            if (!QFileInfo::exists(file))
                file = runfolder::lastCheckpointPath(cfg.initWeights);
        }
        if (!QFileInfo::exists(file))
            return fail(Text::tr("no weights to import at %1").arg(cfg.initWeights));
        const ImportReport report = importWeights(*model, file.toStdString());
        note(Text::tr("imported %1 tensors from %2").arg(report.loaded.size()).arg(file));
        for (const std::string &n : report.notes)
            note(QString::fromStdString(n));
    }
    std::unique_ptr<torch::optim::Optimizer> optimizer = makeOptimizer(cfg, model->parameters());

    torch::Tensor classWeights;
    if (cfg.classWeights == QLatin1String("auto")) {
        std::vector<int> counts(numClasses, 0);
        for (int i : trainIdx)
            ++counts[data.samples[i].classId];
        const std::vector<double> w = inverseFrequencyWeights(counts);
        classWeights = torch::tensor(std::vector<float>(w.begin(), w.end()));
        note(Text::tr("class weights (inverse frequency): %1").arg([&] {
            QStringList parts;
            for (int c = 0; c < numClasses; ++c)
                parts.append(QStringLiteral("%1 %2").arg(data.classes.at(c)).arg(w[c], 0, 'f', 3));
            return parts.join(QLatin1String(", "));
        }()));
    } else if (cfg.classWeights == QLatin1String("explicit")) {
        if (int(cfg.explicitClassWeights.size()) != numClasses)
            return fail(Text::tr("%1 class weights given for %2 classes").arg(cfg.explicitClassWeights.size()).arg(numClasses));
        std::vector<float> w(cfg.explicitClassWeights.begin(), cfg.explicitClassWeights.end());
        classWeights = torch::tensor(w);
    }
    auto lossOptions = torch::nn::functional::CrossEntropyFuncOptions();
    if (classWeights.defined())
        lossOptions.weight(classWeights);

    // Run folder: resume where the last checkpoint left off, or start afresh.
    {
        // Say why (read-only, no permission, full): QDir::mkpath only says that it failed.
        std::error_code ec;
        std::filesystem::create_directories(QString(runDir + QStringLiteral("/checkpoints")).toStdString(), ec);
        if (ec)
            return fail(Text::tr("cannot create the run folder %1: %2").arg(runDir, QString::fromStdString(ec.message())));
    }
    CheckpointState state;
    if (resume) {
        const QString last = runfolder::lastCheckpointPath(runDir);
        if (QFileInfo::exists(last)) {
            state = loadCheckpoint(last.toStdString(), *model, optimizer.get());
            for (const EpochMetrics &m : runfolder::readMetrics(runDir))
                if (m.epoch <= state.epoch)
                    result.history.push_back(m);
            // Killed after the checkpoint, before its metrics line: the checkpoint carries it.
            if ((result.history.empty() || result.history.back().epoch < state.epoch) && !state.metricsLine.isEmpty()) {
                const EpochMetrics m = runfolder::metricsFromJson(QJsonDocument::fromJson(state.metricsLine).object());
                if (m.epoch == state.epoch) {
                    result.history.push_back(m);
                    if (const QString error = runfolder::writeMetrics(runDir, result.history); !error.isEmpty())
                        return fail(error);
                }
            }
            note(Text::tr("resumed after epoch %1 from %2").arg(state.epoch).arg(last));
        } else {
            note(Text::tr("nothing to resume in %1: starting a new run").arg(runDir));
        }
    }

    // What the model answered on every dev image after every epoch; a resume keeps earlier epochs.
    PredictionHistory devHistory;
    devHistory.classes = data.classes;
    for (int i : devImages) {
        devHistory.paths.append(data.samples[std::size_t(i)].path);
        devHistory.truth.push_back(data.samples[std::size_t(i)].classId);
    }
    const QString historyFile = predictionfiles::historyPath(runDir);
    if (state.epoch > 0) {
        const QString restart = Text::tr("the dev history (%1) starts again at epoch %2").arg(historyFile).arg(state.epoch + 1);
        if (!QFileInfo::exists(historyFile)) {
            note(Text::tr("no dev history to continue: %1").arg(restart));
        } else {
            try {
                PredictionHistory previous = predictionfiles::readHistory(historyFile);
                if (previous.classes != devHistory.classes || previous.paths != devHistory.paths
                    || previous.truth != devHistory.truth) {
                    note(Text::tr("the saved dev history is of other dev images: %1").arg(restart));
                } else {
                    for (PredictionHistory::Epoch &e : previous.epochs)
                        if (e.epoch <= state.epoch)
                            devHistory.epochs.push_back(std::move(e));
                }
            } catch (const LabelFileError &e) {
                note(Text::tr("%1; %2").arg(e.message(), restart));
            }
        }
    }

    QJsonObject config = cfg.toJson();
    config[QStringLiteral("dataset")] = QJsonObject{{QStringLiteral("root"), data.root},
                                                    {QStringLiteral("format"), data.format},
                                                    {QStringLiteral("classes"), QJsonArray::fromStringList(data.classes)},
                                                    {QStringLiteral("train_images"), int(trainIdx.size())},
                                                    {QStringLiteral("dev_images"), int(devIdx.size())}};
    config[QStringLiteral("torch")] = torchVersion();
    config[QStringLiteral("loupe")] = QStringLiteral(LOUPE_VERSION);
    config[QStringLiteral("compute_threads")] = computeThreads();
    if (const QString error = runfolder::writeConfig(runDir, config); !error.isEmpty())
        return fail(error);
    EventFileWriter events;
    QString eventError;
    if (!events.open(runDir, &eventError))
        note(Text::tr("no TensorBoard file: %1").arg(eventError));

    result.bestEpoch = state.bestEpoch;
    result.bestDevLoss = state.bestDevLoss;
    result.epochsRun = state.epoch;
    const int stepsPerEpoch = cfg.maxStepsPerEpoch > 0 ? std::min(cfg.maxStepsPerEpoch, trainLoader.batchesPerEpoch())
                                                       : trainLoader.batchesPerEpoch();
    const double explodeAt = kExplodeFactor * std::max(1.0, std::log(double(numClasses)));
    QElapsedTimer runClock;
    runClock.start();
    qint64 stepsThisSession = 0;

    model->train();
    for (int epoch = state.epoch + 1; epoch <= cfg.epochs; ++epoch) {
        QElapsedTimer epochClock;
        epochClock.start();
        const double epochRate = scheduledRate(cfg, epoch, 0, stepsPerEpoch);
        trainLoader.startEpoch(epoch);
        Batch batch;
        double lossSum = 0;
        qint64 images = 0;
        int step = 0;
        while (step < stepsPerEpoch && trainLoader.next(batch)) {
            // Batch norm cannot train on one image, and files deleted or damaged since the scan
            // can leave a batch that small (they are listed as skipped below).
            if (batch.labels.size(0) < 2)
                continue;
            if (!waitWhilePaused())
                break;
            ++step;
            ++state.globalStep;
            const double lr = scheduledRate(cfg, epoch, state.globalStep - 1, stepsPerEpoch);
            setLearningRate(*optimizer, lr);
            optimizer->zero_grad();
            const torch::Tensor logits = model->forward(batch.images);
            const torch::Tensor loss = torch::nn::functional::cross_entropy(logits, batch.labels, lossOptions);
            const double value = loss.item<double>();
            if (!std::isfinite(value) || value > explodeAt) {
                trainLoader.stop();
                result.outcome = TrainOutcome::Diverged;
                result.message =
                    Text::tr("training diverged at step %1 (epoch %2): the loss is %3. Likely causes: the learning "
                             "rate is too high (it is %4; try %5), or the images or labels are not loaded properly "
                             "(check them with loupe-cli inspect and the overfit check). The last checkpoint "
                             "before this epoch is kept.")
                        .arg(state.globalStep)
                        .arg(epoch)
                        .arg(value)
                        .arg(lr)
                        .arg(lr / 10.0);
                return result;
            }
            loss.backward();
            optimizer->step();
            lossSum += value * double(batch.labels.size(0));
            images += batch.labels.size(0);
            ++stepsThisSession;
            if (state.globalStep % 10 == 0)
                events.addScalar(QStringLiteral("train/step_loss"), state.globalStep, float(value));
            if (cb.onStep) {
                TrainProgress p;
                p.epoch = epoch;
                p.epochs = cfg.epochs;
                p.step = step;
                p.stepsPerEpoch = stepsPerEpoch;
                p.globalStep = state.globalStep;
                p.loss = value;
                p.learningRate = lr;
                p.imagesPerSecond = images / std::max(1e-9, epochClock.nsecsElapsed() / 1e9);
                const double perStep = runClock.nsecsElapsed() / 1e9 / double(stepsThisSession);
                p.etaSeconds = perStep * double(qint64(cfg.epochs - epoch) * stepsPerEpoch + (stepsPerEpoch - step));
                cb.onStep(p);
            }
        }
        trainLoader.stop();
        for (const BadFile &b : trainLoader.takeErrors())
            note(Text::tr("skipped %1: %2").arg(b.path, b.reason));
        if (cancelled) {
            result.outcome = TrainOutcome::Cancelled;
            result.message = Text::tr("cancelled during epoch %1; the checkpoint of epoch %2 is kept")
                                 .arg(epoch)
                                 .arg(state.epoch);
            return result;
        }
        const double trainSeconds = epochClock.nsecsElapsed() / 1e9;

        const EvalOutput dev = evaluateModel(*model, devLoader);
        // Dev images deleted or damaged since the scan are left out of the metrics: say which.
        for (const BadFile &b : devLoader.takeErrors())
            note(Text::tr("skipped %1: %2").arg(b.path, b.reason));
        if (dev.samples.empty())
            return fail(Text::tr("none of the %1 dev images could be read in epoch %2 (deleted or damaged since the "
                                 "dataset was opened); the checkpoint of epoch %3 is kept")
                            .arg(devLoader.size())
                            .arg(epoch)
                            .arg(state.epoch));
        if (!std::isfinite(dev.loss) || dev.loss > explodeAt) {
            result.outcome = TrainOutcome::Diverged;
            result.message = Text::tr("training diverged in epoch %1: the dev loss is %2. Likely causes: the learning "
                                      "rate is too high (it is %3; try %4), or the images or labels are not loaded "
                                      "properly (check them with loupe-cli inspect and the overfit check). The last "
                                      "checkpoint before this epoch is kept.")
                                 .arg(epoch)
                                 .arg(dev.loss)
                                 .arg(epochRate)
                                 .arg(epochRate / 10.0);
            return result;
        }
        const ClassificationMetrics metrics = computeMetrics(dev.truth, dev.predicted, data.classes);
        EpochMetrics m;
        m.epoch = epoch;
        m.trainLoss = images > 0 ? lossSum / double(images) : 0.0;
        m.devLoss = dev.loss;
        m.devAccuracy = std::isfinite(metrics.accuracy) ? metrics.accuracy : 0.0;
        m.devMacroF1 = metrics.macroF1;
        m.imagesPerSecond = images / std::max(1e-9, trainSeconds);
        m.seconds = epochClock.nsecsElapsed() / 1e9;
        m.learningRate = epochRate;
        if (std::isfinite(m.devLoss) && m.devLoss < state.bestDevLoss - cfg.earlyStopMinDelta) {
            state.bestDevLoss = m.devLoss;
            state.bestEpoch = epoch;
            state.epochsWithoutImprovement = 0;
            m.best = true;
        } else {
            ++state.epochsWithoutImprovement;
        }
        state.epoch = epoch;
        state.metricsLine = QJsonDocument(runfolder::metricsToJson(m)).toJson(QJsonDocument::Compact);
        if (m.best)
            saveCheckpoint(runfolder::bestCheckpointPath(runDir).toStdString(), *model, *optimizer, state);
        saveCheckpoint(runfolder::lastCheckpointPath(runDir).toStdString(), *model, *optimizer, state);
        result.history.push_back(m);
        devHistory.epochs.push_back(toHistoryEpoch(data, dev, devHistory, epoch));
        if (const QString error = predictionfiles::writeHistory(historyFile, devHistory); !error.isEmpty())
            note(error);
        // A run whose metrics cannot be written (full disk) stops: its curves would silently end.
        if (const QString error = runfolder::writeMetrics(runDir, result.history); !error.isEmpty())
            return fail(error);
        events.addScalar(QStringLiteral("loss/train"), epoch, float(m.trainLoss));
        events.addScalar(QStringLiteral("loss/dev"), epoch, float(m.devLoss));
        events.addScalar(QStringLiteral("dev/accuracy"), epoch, float(m.devAccuracy));
        events.addScalar(QStringLiteral("dev/macro_f1"), epoch, float(m.devMacroF1));
        events.addScalar(QStringLiteral("train/images_per_s"), epoch, float(m.imagesPerSecond));
        events.flush();
        result.epochsRun = epoch;
        result.bestEpoch = state.bestEpoch;
        result.bestDevLoss = state.bestDevLoss;
        if (cb.onEpoch)
            cb.onEpoch(m);
        if (cfg.earlyStopPatience > 0 && state.epochsWithoutImprovement >= cfg.earlyStopPatience) {
            result.outcome = TrainOutcome::EarlyStopped;
            result.message = Text::tr("dev loss has not improved for %1 epochs; the best was epoch %2 (%3)")
                                 .arg(state.epochsWithoutImprovement)
                                 .arg(state.bestEpoch)
                                 .arg(state.bestDevLoss, 0, 'g', 4);
            break;
        }
    }
    if (result.outcome != TrainOutcome::EarlyStopped)
        result.outcome = TrainOutcome::Completed;

    // Predictions of the final model (the best epoch's, unless told otherwise) on dev.
    int predictionEpoch = state.epoch;
    if (cfg.restoreBest && QFileInfo::exists(runfolder::bestCheckpointPath(runDir))) {
        importWeights(*model, runfolder::bestCheckpointPath(runDir).toStdString());
        predictionEpoch = state.bestEpoch;
    }
    const EvalOutput finalDev = evaluateModel(*model, devLoader);
    if (const QString error = writePredictionsCsv(runfolder::predictionsPath(runDir), data, finalDev); !error.isEmpty())
        note(error);
    if (const QString error = predictionfiles::write(predictionfiles::devPath(runDir),
                                                     toPredictionSet(data, finalDev, QStringLiteral("dev"), predictionEpoch));
        !error.isEmpty())
        note(error);

    // The dataset's own test images, never seen while training or choosing the epoch.
    std::vector<int> testIdx;
    for (int i = 0; i < int(data.samples.size()); ++i)
        if (data.samples[std::size_t(i)].classId >= 0 && data.samples[std::size_t(i)].split == SplitName::Test)
            testIdx.push_back(i);
    if (!testIdx.empty()) {
        DataLoader testLoader(data, testIdx, evalPipeline, devOptions);
        const EvalOutput test = evaluateModel(*model, testLoader);
        for (const BadFile &b : testLoader.takeErrors())
            note(Text::tr("skipped %1: %2").arg(b.path, b.reason));
        if (const QString error = predictionfiles::write(predictionfiles::testPath(runDir),
                                                         toPredictionSet(data, test, QStringLiteral("test"), predictionEpoch));
            !error.isEmpty())
            note(error);
        const ClassificationMetrics testMetrics = computeMetrics(test.truth, test.predicted, data.classes);
        note(Text::tr("test images: accuracy %1, macro F1 %2 on %3 images (weights of epoch %4)")
                 .arg(testMetrics.accuracy, 0, 'f', 4)
                 .arg(testMetrics.macroF1, 0, 'f', 4)
                 .arg(test.samples.size())
                 .arg(predictionEpoch));
    }
    return result;
}

} // namespace loupe
