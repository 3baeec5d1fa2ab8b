#include "model/Checkpoint.h"

#include "model/WeightImportError.h"

#include <QCoreApplication>
#include <QString>

namespace loupe {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::Checkpoint)
};

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

torch::Tensor scalar(double v)
{
    return torch::tensor({v}, torch::kFloat64);
}

double readScalar(torch::serialize::InputArchive &in, const char *key, double fallback)
{
    torch::Tensor t;
    if (!in.try_read(key, t) || !t.defined() || t.numel() != 1)
        return fallback;
    return t.item<double>();
}

} // namespace

void saveCheckpoint(const std::string &file, NetworkImpl &model, torch::optim::Optimizer &optimizer,
                    const CheckpointState &state)
{
    torch::serialize::OutputArchive root;
    // Under "model" so that importWeights finds the weights behind a "model." prefix.
    torch::serialize::OutputArchive modelArchive;
    model.save(modelArchive);
    root.write("model", modelArchive);
    torch::serialize::OutputArchive optimizerArchive;
    optimizer.save(optimizerArchive);
    root.write("optimizer", optimizerArchive);
    root.write("epoch", scalar(state.epoch), /*is_buffer=*/true);
    root.write("global_step", scalar(double(state.globalStep)), true);
    root.write("best_epoch", scalar(state.bestEpoch), true);
    root.write("best_dev_loss", scalar(state.bestDevLoss), true);
    root.write("epochs_without_improvement", scalar(state.epochsWithoutImprovement), true);
    if (!state.metricsLine.isEmpty()) {
        const torch::Tensor line = torch::from_blob(const_cast<char *>(state.metricsLine.constData()),
                                                    {state.metricsLine.size()}, torch::kUInt8);
        root.write("metrics_line", line.clone(), true);
    }
    {
        at::Generator generator = at::detail::getDefaultCPUGenerator();
        std::lock_guard<std::mutex> lock(generator.mutex());
        root.write("rng_state", generator.get_state(), true);
    }
    // A kill, a power cut or a full disk leaves the previous checkpoint as it was.
    saveArchiveAtomically(root, file);
}

CheckpointState loadCheckpoint(const std::string &file, NetworkImpl &model, torch::optim::Optimizer *optimizer)
{
    // importWeights checks every name and shape before it copies anything.
    const ImportReport report = importWeights(model, file);
    if (!report.reinitialised.empty())
        throw WeightImportError(Text::tr("%1 was written for another model: %2 does not fit")
                                    .arg(qs(file), qs(report.reinitialised.front())));
    CheckpointState state;
    torch::serialize::InputArchive in;
    try {
        in.load_from(file);
        if (optimizer) {
            torch::serialize::InputArchive optimizerArchive;
            if (in.try_read("optimizer", optimizerArchive))
                optimizer->load(optimizerArchive);
        }
        state.epoch = int(readScalar(in, "epoch", 0));
        state.globalStep = qint64(readScalar(in, "global_step", 0));
        state.bestEpoch = int(readScalar(in, "best_epoch", 0));
        state.bestDevLoss = readScalar(in, "best_dev_loss", std::numeric_limits<double>::infinity());
        state.epochsWithoutImprovement = int(readScalar(in, "epochs_without_improvement", 0));
        torch::Tensor line;
        if (in.try_read("metrics_line", line) && line.defined() && line.scalar_type() == torch::kUInt8 && line.dim() == 1)
            state.metricsLine = QByteArray(reinterpret_cast<const char *>(line.contiguous().data_ptr<uint8_t>()),
                                           int(line.numel()));
        torch::Tensor rng;
        if (in.try_read("rng_state", rng) && rng.defined()) {
            at::Generator generator = at::detail::getDefaultCPUGenerator(); // a handle onto the global one
            std::lock_guard<std::mutex> lock(generator.mutex());
            generator.set_state(rng);
        }
    } catch (const c10::Error &e) {
        throw WeightImportError(
            Text::tr("%1 is not a readable checkpoint: %2").arg(qs(file), qs(e.what_without_backtrace())));
    }
    return state;
}

} // namespace loupe
