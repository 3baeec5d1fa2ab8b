#include "model/ModelSpeed.h"

#include "model/Models.h"

#include <QElapsedTimer>

namespace loupe {

double measureModelSpeed(const ModelSpeedProbe &probe)
{
    torch::manual_seed(0);
    auto model = makeModel({probe.arch.toStdString(), probe.classes, probe.channels});
    model->setComputeMode({probe.precision == Precision::BFloat16, probe.channelsLast});
    const torch::Tensor images = torch::randn({probe.batch, probe.channels, probe.imageSize, probe.imageSize});
    QElapsedTimer clock;
    if (probe.training) {
        model->train();
        torch::optim::SGD optimizer(model->parameters(), torch::optim::SGDOptions(0.01).momentum(0.9));
        const torch::Tensor labels = torch::randint(0, probe.classes, {probe.batch}, torch::kLong);
        for (int step = -2; step < probe.steps; ++step) {
            if (step == 0)
                clock.start();
            optimizer.zero_grad();
            torch::nn::functional::cross_entropy(model->forward(images), labels).backward();
            optimizer.step();
        }
    } else {
        model->eval();
        c10::InferenceMode inference;
        for (int step = -2; step < probe.steps; ++step) {
            if (step == 0)
                clock.start();
            torch::softmax(model->forward(images), 1);
        }
    }
    return double(probe.batch) * probe.steps / (double(clock.nsecsElapsed()) / 1e9);
}

} // namespace loupe
