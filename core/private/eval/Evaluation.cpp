#include "eval/Evaluation.h"

#include "AtomicFile.h"
#include "dataset/CsvText.h"

namespace loupe {

EvalOutput evaluateModel(ClassifierImpl &model, DataLoader &loader, const StopToken *stop)
{
    EvalOutput out;
    // Guards are per thread: set them in the thread that evaluates. Inference mode also skips the
    // version counters and view tracking that no-grad mode still keeps.
    c10::InferenceMode inference;
    const bool wasTraining = model.is_training();
    model.eval();
    loader.startEpoch(0);
    Batch batch;
    double lossSum = 0;
    std::size_t count = 0;
    while (loader.next(batch)) {
        if (stop && stop->stopRequested()) {
            out.complete = false;
            break;
        }
        const torch::Tensor logits = model.forward(batch.images);
        // Per image from the same logits: the mean loss and the error views share one pass.
        const torch::Tensor losses = torch::nn::functional::cross_entropy(
                                         logits, batch.labels,
                                         torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kNone))
                                         .to(torch::kFloat)
                                         .contiguous();
        const torch::Tensor probs = torch::softmax(logits, 1).to(torch::kFloat).contiguous();
        const auto [conf, pred] = probs.max(1);
        const auto predAcc = pred.accessor<int64_t, 1>();
        const auto confAcc = conf.accessor<float, 1>();
        const auto truthAcc = batch.labels.accessor<int64_t, 1>();
        const auto lossAcc = losses.accessor<float, 1>();
        out.classes = int(probs.size(1));
        const float *p = probs.data_ptr<float>();
        out.probabilities.insert(out.probabilities.end(), p, p + probs.numel());
        for (int64_t i = 0; i < pred.size(0); ++i) {
            out.samples.push_back(batch.samples[i]);
            out.truth.push_back(int(truthAcc[i]));
            out.predicted.push_back(int(predAcc[i]));
            out.confidence.push_back(confAcc[i]);
            out.sampleLoss.push_back(lossAcc[i]);
            lossSum += double(lossAcc[i]);
        }
        count += std::size_t(pred.size(0));
    }
    loader.stop();
    out.loss = count > 0 ? lossSum / double(count) : std::numeric_limits<double>::quiet_NaN();
    model.train(wasTraining);
    return out;
}

QString writePredictionsCsv(const QString &file, const Dataset &dataset, const EvalOutput &eval)
{
    QByteArray text = "path,true_label,predicted_label,confidence\n";
    for (std::size_t i = 0; i < eval.samples.size(); ++i) {
        const Sample &s = dataset.samples[eval.samples[i]];
        text += csvtext::field(s.path).toUtf8() + ',' + csvtext::field(dataset.classes.value(eval.truth[i])).toUtf8()
            + ',' + csvtext::field(dataset.classes.value(eval.predicted[i])).toUtf8() + ','
            + QByteArray::number(double(eval.confidence[i]), 'f', 6) + '\n';
    }
    return writeFileAtomically(file, text);
}

PredictionSet toPredictionSet(const Dataset &dataset, const EvalOutput &eval, const QString &split, int epoch)
{
    PredictionSet set;
    set.classes = dataset.classes;
    set.split = split;
    set.epoch = epoch;
    set.items.reserve(eval.samples.size());
    const std::size_t classes = std::size_t(eval.classes);
    for (std::size_t i = 0; i < eval.samples.size(); ++i) {
        Prediction p;
        p.path = dataset.samples[std::size_t(eval.samples[i])].path;
        p.truth = eval.truth[i];
        p.predicted = eval.predicted[i];
        p.confidence = eval.confidence[i];
        p.loss = eval.sampleLoss[i];
        p.probabilities.assign(eval.probabilities.begin() + std::ptrdiff_t(i * classes),
                               eval.probabilities.begin() + std::ptrdiff_t((i + 1) * classes));
        set.items.push_back(std::move(p));
    }
    return set;
}

PredictionHistory::Epoch toHistoryEpoch(const Dataset &dataset, const EvalOutput &eval, const PredictionHistory &history,
                                        int epoch)
{
    PredictionHistory::Epoch e;
    e.epoch = epoch;
    e.predicted.assign(std::size_t(history.paths.size()), -1);
    e.confidence.assign(std::size_t(history.paths.size()), 0.0f);
    // The dev loader is not shuffled: the samples come in the order of paths, perhaps with gaps.
    qsizetype next = 0;
    for (std::size_t i = 0; i < eval.samples.size(); ++i) {
        const QString &path = dataset.samples[std::size_t(eval.samples[i])].path;
        qsizetype k = history.paths.indexOf(path, next);
        if (k < 0)
            k = history.paths.indexOf(path);
        if (k < 0)
            continue;
        next = k + 1;
        e.predicted[std::size_t(k)] = eval.predicted[i];
        e.confidence[std::size_t(k)] = eval.confidence[i];
    }
    return e;
}

} // namespace loupe
