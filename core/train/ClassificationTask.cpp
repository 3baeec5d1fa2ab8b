#include "train/TrainingTask.h"

#include "dataset/ClassificationView.h"
#include "eval/Evaluation.h"
#include "eval/Metrics.h"
#include "eval/Predictions.h"
#include "project/RunFolder.h"
#include "train/DevHistory.h"
#include "train/Diagnosis.h"

#include <QCoreApplication>
#include <QStringList>

#include <cmath>

namespace loupe {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::Trainer)
};

/// An image classifier trained with cross-entropy, judged by accuracy and macro F1.
class ClassificationTask : public TrainingTask
{
public:
    ClassificationTask(const Dataset &dataset, const TrainConfig &config)
        : m_derivedClasses(hasOnlyObjectLabels(dataset))
        , m_data(classificationView(dataset))
        , m_config(config)
    {
    }

    QString name() const override { return QStringLiteral("classify"); }
    const Dataset &data() const override { return m_data; }

    TrainDevSplit split(double devFraction, quint64 seed) const override
    {
        return splitForTraining(m_data, devFraction, seed);
    }

    QString prepare(const TrainDevSplit &split, TrainConfig &config, const NoteFn &note) override
    {
        m_config = config;
        if (m_derivedClasses && !m_data.warnings.isEmpty())
            note(m_data.warnings.back());
        if (m_data.classes.size() < 2)
            return Text::tr("a classifier needs at least two classes; this dataset has %1").arg(m_data.classes.size());
        if (split.train.empty())
            return Text::tr("no labelled training images: classification needs class folders, a CSV or IDX labels");
        m_devImages = split.dev.empty() ? split.train : split.dev;
        const int classes = int(m_data.classes.size());
        if (config.classWeights == QLatin1String("auto")) {
            std::vector<int> counts(std::size_t(classes), 0);
            for (int i : split.train)
                ++counts[std::size_t(m_data.samples[std::size_t(i)].classId)];
            const std::vector<double> w = inverseFrequencyWeights(counts);
            m_lossOptions.weight(torch::tensor(std::vector<float>(w.begin(), w.end())));
            QStringList parts;
            for (int c = 0; c < classes; ++c)
                parts.append(QStringLiteral("%1 %2").arg(m_data.classes.at(c)).arg(w[std::size_t(c)], 0, 'f', 3));
            note(Text::tr("class weights (inverse frequency): %1").arg(parts.join(QLatin1String(", "))));
        } else if (config.classWeights == QLatin1String("explicit")) {
            if (int(config.explicitClassWeights.size()) != classes)
                return Text::tr("%1 class weights given for %2 classes").arg(config.explicitClassWeights.size()).arg(classes);
            std::vector<float> w(config.explicitClassWeights.begin(), config.explicitClassWeights.end());
            m_lossOptions.weight(torch::tensor(w));
        }
        return {};
    }

    std::shared_ptr<NetworkImpl> buildNetwork() override
    {
        m_model = makeModel({m_config.model.toStdString(), int(m_data.classes.size()), m_config.channels});
        return m_model;
    }
    std::shared_ptr<NetworkImpl> network() const override { return m_model; }

    std::unique_ptr<DataLoader> makeLoader(const std::vector<int> &images, const Pipeline &pipeline,
                                           const LoaderOptions &options, const NoteFn &) const override
    {
        return std::make_unique<DataLoader>(m_data, images, pipeline, options);
    }

    TaskLoss loss(const Batch &batch) override
    {
        TaskLoss l;
        l.total = torch::nn::functional::cross_entropy(m_model->forward(batch.images), batch.labels, m_lossOptions);
        return l;
    }

    TaskEvaluation evaluate(DataLoader &loader, const StopToken *stop) override
    {
        m_last = evaluateModel(*m_model, loader, stop);
        TaskEvaluation e;
        e.loss = m_last.loss;
        e.images = int(m_last.samples.size());
        e.complete = m_last.complete;
        const ClassificationMetrics metrics = computeMetrics(m_last.truth, m_last.predicted, m_data.classes);
        e.hasClassMetrics = true;
        e.accuracy = std::isfinite(metrics.accuracy) ? metrics.accuracy : 0.0;
        e.macroF1 = metrics.macroF1;
        e.summary = Text::tr("accuracy %1, macro F1 %2 on %3 images")
                        .arg(metrics.accuracy, 0, 'f', 4)
                        .arg(metrics.macroF1, 0, 'f', 4)
                        .arg(e.images);
        return e;
    }

    double explodeAt() const override { return blownUpLoss(int(m_data.classes.size())); }

    void afterEpoch(int epoch, const QString &runDir, const NoteFn &note) override
    {
        if (!m_historyStarted) {
            // What the model answered on every dev image after every epoch; a resume keeps earlier epochs.
            m_historyFile = predictionfiles::historyPath(runDir);
            m_history = startDevHistory(m_data, m_devImages, m_historyFile, epoch - 1, note);
            m_historyStarted = true;
        }
        m_history.epochs.push_back(toHistoryEpoch(m_data, m_last, m_history, epoch));
        if (const QString error = predictionfiles::writeHistory(m_historyFile, m_history); !error.isEmpty())
            note(error);
    }

    void writePredictions(const QString &runDir, DataLoader &dev, const std::vector<int> &test, const Pipeline &pipeline,
                          const LoaderOptions &options, int epoch, const NoteFn &note) override
    {
        const EvalOutput finalDev = evaluateModel(*m_model, dev);
        if (const QString error = writePredictionsCsv(runfolder::predictionsPath(runDir), m_data, finalDev); !error.isEmpty())
            note(error);
        if (const QString error = predictionfiles::write(predictionfiles::devPath(runDir),
                                                         toPredictionSet(m_data, finalDev, QStringLiteral("dev"), epoch));
            !error.isEmpty())
            note(error);
        // The dataset's own test images, never seen while training or choosing the epoch.
        if (test.empty())
            return;
        DataLoader testLoader(m_data, test, pipeline, options);
        const EvalOutput result = evaluateModel(*m_model, testLoader);
        for (const BadFile &b : testLoader.takeErrors())
            note(Text::tr("skipped %1: %2").arg(b.path, b.reason));
        if (const QString error = predictionfiles::write(predictionfiles::testPath(runDir),
                                                         toPredictionSet(m_data, result, QStringLiteral("test"), epoch));
            !error.isEmpty())
            note(error);
        const ClassificationMetrics metrics = computeMetrics(result.truth, result.predicted, m_data.classes);
        note(Text::tr("test images: accuracy %1, macro F1 %2 on %3 images (weights of epoch %4)")
                 .arg(metrics.accuracy, 0, 'f', 4)
                 .arg(metrics.macroF1, 0, 'f', 4)
                 .arg(result.samples.size())
                 .arg(epoch));
    }

    QSize lastFeatureMapSize(int channels, int size) const override
    {
        c10::InferenceMode inference;
        const bool wasTraining = m_model->is_training();
        m_model->eval();
        const torch::Tensor f = m_model->features(torch::zeros({1, channels, size, size}));
        m_model->train(wasTraining);
        return QSize(int(f.size(3)), int(f.size(2)));
    }

    double overfitLossThreshold() const override { return 0.05; }

    int stratum(int sample) const override { return m_data.samples[std::size_t(sample)].classId; }

    void judgeOverfit(DataLoader &loader, OverfitResult &result, const StopToken *stop) override
    {
        const EvalOutput eval = evaluateModel(*m_model, loader, stop);
        result.classes = m_data.classes;
        for (std::size_t i = 0; i < eval.samples.size(); ++i) {
            result.paths.push_back(m_data.samples[std::size_t(eval.samples[i])].path);
            result.truth.push_back(eval.truth[i]);
            result.predicted.push_back(eval.predicted[i]);
            result.correct += eval.truth[i] == eval.predicted[i] ? 1 : 0;
        }
        const int total = int(eval.samples.size());
        if (result.correct < total || total == 0)
            result.failedChecks.append(
                Text::tr("%1 of %2 images predicted right in evaluation mode").arg(result.correct).arg(total));
    }

private:
    bool m_derivedClasses = false;
    Dataset m_data;
    TrainConfig m_config;
    std::vector<int> m_devImages;
    std::shared_ptr<ClassifierImpl> m_model;
    torch::nn::functional::CrossEntropyFuncOptions m_lossOptions;
    EvalOutput m_last;
    bool m_historyStarted = false;
    QString m_historyFile;
    PredictionHistory m_history;
};

} // namespace

std::unique_ptr<TrainingTask> makeClassificationTask(const Dataset &dataset, const TrainConfig &config)
{
    return std::make_unique<ClassificationTask>(dataset, config);
}

} // namespace loupe
