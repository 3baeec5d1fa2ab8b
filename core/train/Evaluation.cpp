#include "train/Evaluation.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace loupe {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::Evaluation)
};

QString csvField(const QString &s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')))
        return s;
    QString q = s;
    q.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}
} // namespace

EvalOutput evaluateModel(ClassifierImpl &model, DataLoader &loader, const StopToken *stop)
{
    EvalOutput out;
    // Guards are per thread: set them in the thread that evaluates.
    torch::NoGradGuard noGrad;
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
        const torch::Tensor loss = torch::nn::functional::cross_entropy(
            logits, batch.labels, torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum));
        lossSum += loss.item<double>();
        const torch::Tensor probs = torch::softmax(logits, 1);
        const auto [conf, pred] = probs.max(1);
        const auto predAcc = pred.accessor<int64_t, 1>();
        const auto confAcc = conf.accessor<float, 1>();
        const auto truthAcc = batch.labels.accessor<int64_t, 1>();
        for (int64_t i = 0; i < pred.size(0); ++i) {
            out.samples.push_back(batch.samples[i]);
            out.truth.push_back(int(truthAcc[i]));
            out.predicted.push_back(int(predAcc[i]));
            out.confidence.push_back(confAcc[i]);
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
    QSaveFile f(file);
    if (!f.open(QIODevice::WriteOnly))
        return Text::tr("cannot write %1: %2").arg(file, f.errorString());
    QByteArray text = "path,true_label,predicted_label,confidence\n";
    for (std::size_t i = 0; i < eval.samples.size(); ++i) {
        const Sample &s = dataset.samples[eval.samples[i]];
        text += csvField(s.path).toUtf8() + ',' + csvField(dataset.classes.value(eval.truth[i])).toUtf8() + ','
            + csvField(dataset.classes.value(eval.predicted[i])).toUtf8() + ','
            + QByteArray::number(double(eval.confidence[i]), 'f', 6) + '\n';
    }
    f.write(text);
    if (!f.commit())
        return Text::tr("cannot write %1: %2").arg(file, f.errorString());
    return {};
}

} // namespace loupe
