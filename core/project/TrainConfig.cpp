#include "project/TrainConfig.h"

#include "dataset/Errors.h"
#include "model/Precision.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cmath>
#include <limits>
#include <type_traits>

namespace loupe {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::TrainConfig)
};
} // namespace

QJsonObject TrainConfig::toJson() const
{
    QJsonArray weights;
    for (double w : explicitClassWeights)
        weights.append(w);
    return QJsonObject{
        {QStringLiteral("model"), model},
        {QStringLiteral("image_size"), imageSize},
        {QStringLiteral("channels"), channels},
        {QStringLiteral("epochs"), epochs},
        {QStringLiteral("batch"), batchSize},
        {QStringLiteral("optimizer"), optimizer},
        {QStringLiteral("lr"), learningRate},
        {QStringLiteral("momentum"), momentum},
        {QStringLiteral("weight_decay"), weightDecay},
        {QStringLiteral("schedule"), schedule},
        {QStringLiteral("step_epochs"), stepEpochs},
        {QStringLiteral("step_gamma"), stepGamma},
        {QStringLiteral("warmup_epochs"), warmupEpochs},
        {QStringLiteral("class_weights"), classWeights},
        {QStringLiteral("explicit_class_weights"), weights},
        {QStringLiteral("early_stop_patience"), earlyStopPatience},
        {QStringLiteral("early_stop_min_delta"), earlyStopMinDelta},
        {QStringLiteral("restore_best"), restoreBest},
        {QStringLiteral("init"), initWeights},
        {QStringLiteral("augment"), augmentFile},
        {QStringLiteral("pipeline"), QString::fromUtf8(pipelineJson)},
        {QStringLiteral("precision"), precision},
        {QStringLiteral("threads"), threads},
        {QStringLiteral("loader_threads"), loaderThreads},
        {QStringLiteral("seed"), QString::number(seed)},
        {QStringLiteral("dev_fraction"), devFraction},
        {QStringLiteral("max_steps_per_epoch"), maxStepsPerEpoch},
        {QStringLiteral("task"), task},
        {QStringLiteral("tiles"), tiles},
        {QStringLiteral("tile_overlap"), tileOverlap},
        {QStringLiteral("roi"), roi},
        {QStringLiteral("anchors"), anchors},
        {QStringLiteral("empty_tiles"), emptyTiles},
    };
}

TrainConfig TrainConfig::fromJson(const QJsonObject &j)
{
    TrainConfig c;
    auto str = [&](const char *key, QString &out) {
        const QJsonValue v = j.value(QLatin1String(key));
        if (v.isUndefined())
            return;
        if (!v.isString())
            throw DatasetError(Text::tr("config.json: \"%1\" should be a string").arg(QLatin1String(key)));
        out = v.toString();
    };
    auto num = [&](const char *key, auto &out) {
        const QJsonValue v = j.value(QLatin1String(key));
        if (v.isUndefined())
            return;
        if (!v.isDouble())
            throw DatasetError(Text::tr("config.json: \"%1\" should be a number").arg(QLatin1String(key)));
        using T = std::remove_reference_t<decltype(out)>;
        const double d = v.toDouble();
        // A double outside int's range does not convert (undefined behaviour), and 2.5 epochs is a typo.
        if constexpr (std::is_integral_v<T>) {
            if (d != std::floor(d) || d < double(std::numeric_limits<T>::min()) || d > double(std::numeric_limits<T>::max()))
                throw DatasetError(Text::tr("config.json: \"%1\" should be a whole number from %2 to %3, not %4")
                                       .arg(QLatin1String(key))
                                       .arg(std::numeric_limits<T>::min())
                                       .arg(std::numeric_limits<T>::max())
                                       .arg(d));
        }
        out = static_cast<T>(d);
    };
    str("model", c.model);
    num("image_size", c.imageSize);
    num("channels", c.channels);
    num("epochs", c.epochs);
    num("batch", c.batchSize);
    str("optimizer", c.optimizer);
    num("lr", c.learningRate);
    num("momentum", c.momentum);
    num("weight_decay", c.weightDecay);
    str("schedule", c.schedule);
    num("step_epochs", c.stepEpochs);
    num("step_gamma", c.stepGamma);
    num("warmup_epochs", c.warmupEpochs);
    str("class_weights", c.classWeights);
    for (const QJsonValue &w : j.value(QStringLiteral("explicit_class_weights")).toArray()) {
        if (!w.isDouble())
            throw DatasetError(Text::tr("config.json: \"explicit_class_weights\" should hold numbers only"));
        c.explicitClassWeights.push_back(w.toDouble());
    }
    num("early_stop_patience", c.earlyStopPatience);
    num("early_stop_min_delta", c.earlyStopMinDelta);
    c.restoreBest = j.value(QStringLiteral("restore_best")).toBool(true);
    str("init", c.initWeights);
    str("augment", c.augmentFile);
    QString pipeline;
    str("pipeline", pipeline);
    c.pipelineJson = pipeline.toUtf8();
    str("precision", c.precision);
    num("threads", c.threads);
    num("loader_threads", c.loaderThreads);
    QString seed;
    str("seed", seed);
    c.seed = seed.toULongLong();
    num("dev_fraction", c.devFraction);
    num("max_steps_per_epoch", c.maxStepsPerEpoch);
    str("task", c.task);
    str("tiles", c.tiles);
    num("tile_overlap", c.tileOverlap);
    str("roi", c.roi);
    str("anchors", c.anchors);
    str("empty_tiles", c.emptyTiles);
    return c;
}

QString TrainConfig::validate() const
{
    static const QStringList models{QStringLiteral("resnet18"), QStringLiteral("resnet34"), QStringLiteral("resnet50"),
                                    QStringLiteral("vgg16"), QStringLiteral("vgg19")};
    if (!models.contains(model))
        return Text::tr("unknown model \"%1\"; expected one of %2").arg(model, models.join(QLatin1String(", ")));
    if (imageSize < 16 || imageSize > 4096)
        return Text::tr("image size %1 is outside 16..4096").arg(imageSize);
    if (channels != 1 && channels != 3)
        return Text::tr("channels must be 1 or 3, not %1").arg(channels);
    if (epochs < 1)
        return Text::tr("epochs must be at least 1");
    if (const QString problem = precisionProblem(precision); !problem.isEmpty())
        return problem;
    if (batchSize < 1)
        return Text::tr("batch size must be at least 1");
    if (!(learningRate > 0))
        return Text::tr("learning rate must be above 0");
    if (optimizer != QLatin1String("sgd") && optimizer != QLatin1String("adam") && optimizer != QLatin1String("adamw"))
        return Text::tr("unknown optimizer \"%1\"; expected sgd, adam or adamw").arg(optimizer);
    if (schedule != QLatin1String("none") && schedule != QLatin1String("step") && schedule != QLatin1String("cosine"))
        return Text::tr("unknown schedule \"%1\"; expected none, step or cosine").arg(schedule);
    if (classWeights != QLatin1String("none") && classWeights != QLatin1String("auto")
        && classWeights != QLatin1String("explicit"))
        return Text::tr("class weights must be auto, none or a list of numbers");
    if (devFraction < 0 || devFraction >= 1)
        return Text::tr("dev fraction must be in [0, 1)");
    if (earlyStopPatience < 0)
        return Text::tr("early-stopping patience must be 0 (off) or more");
    if (!task.isEmpty() && task != QLatin1String("classify") && task != QLatin1String("detect")
        && task != QLatin1String("segment"))
        return Text::tr("unknown task \"%1\"; expected classify, detect or segment").arg(task);
    if (tileOverlap < 0)
        return Text::tr("tile overlap must be 0 or more pixels");
    if (double ratio = 0; !parseEmptyTiles(emptyTiles, &ratio))
        return Text::tr("empty tiles must be \"all\" or a number of at least 0 (tiles without objects per tile with "
                        "objects), not \"%1\"")
            .arg(emptyTiles);
    return {};
}

bool parseEmptyTiles(const QString &text, double *ratio)
{
    const QString t = text.trimmed();
    if (t.compare(QLatin1String("all"), Qt::CaseInsensitive) == 0) {
        *ratio = std::numeric_limits<double>::infinity();
        return true;
    }
    bool ok = false;
    const double v = t.toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < 0)
        return false;
    *ratio = v;
    return true;
}

std::vector<double> inverseFrequencyWeights(const std::vector<int> &counts)
{
    double total = 0;
    for (int c : counts)
        total += c;
    std::vector<double> w(counts.size(), 0.0);
    for (std::size_t i = 0; i < counts.size(); ++i)
        w[i] = counts[i] > 0 ? total / (double(counts.size()) * counts[i]) : 0.0;
    return w;
}

} // namespace loupe
