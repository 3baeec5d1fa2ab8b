#include "project/Ranking.h"

#include <QCoreApplication>

#include <cmath>
#include <limits>

namespace loupe {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::Ranking)
};
} // namespace

std::vector<RankingMetric> rankingMetrics()
{
    return {RankingMetric::MacroF1, RankingMetric::Accuracy, RankingMetric::Map, RankingMetric::Miou, RankingMetric::DevLoss};
}

QString rankingMetricKey(RankingMetric metric)
{
    switch (metric) {
    case RankingMetric::MacroF1:
        return QStringLiteral("macro_f1");
    case RankingMetric::Accuracy:
        return QStringLiteral("accuracy");
    case RankingMetric::DevLoss:
        return QStringLiteral("dev_loss");
    case RankingMetric::Map:
        return QStringLiteral("map");
    case RankingMetric::Miou:
        return QStringLiteral("miou");
    }
    return {};
}

std::optional<RankingMetric> rankingMetricFromKey(const QString &key)
{
    for (RankingMetric m : rankingMetrics())
        if (key == rankingMetricKey(m))
            return m;
    return std::nullopt;
}

QString rankingMetricTitle(RankingMetric metric)
{
    switch (metric) {
    case RankingMetric::MacroF1:
        return Text::tr("Macro F1");
    case RankingMetric::Accuracy:
        return Text::tr("Accuracy");
    case RankingMetric::DevLoss:
        return Text::tr("Dev loss");
    case RankingMetric::Map:
        return Text::tr("mAP");
    case RankingMetric::Miou:
        return Text::tr("mIoU");
    }
    return {};
}

bool higherIsBetter(RankingMetric metric)
{
    return metric != RankingMetric::DevLoss;
}

double metricValue(const EpochMetrics &epoch, RankingMetric metric)
{
    switch (metric) {
    case RankingMetric::MacroF1:
        return epoch.hasClassMetrics ? epoch.devMacroF1 : std::numeric_limits<double>::quiet_NaN();
    case RankingMetric::Accuracy:
        return epoch.hasClassMetrics ? epoch.devAccuracy : std::numeric_limits<double>::quiet_NaN();
    case RankingMetric::Map:
        return epoch.value(QStringLiteral("dev_map"), std::numeric_limits<double>::quiet_NaN());
    case RankingMetric::Miou:
        return epoch.value(QStringLiteral("dev_miou"), std::numeric_limits<double>::quiet_NaN());
    case RankingMetric::DevLoss:
        return epoch.devLoss;
    }
    return std::numeric_limits<double>::quiet_NaN();
}

std::optional<double> runScore(const std::vector<EpochMetrics> &history, RankingMetric metric)
{
    if (history.empty())
        return std::nullopt;
    // The last epoch marked best holds the weights the run keeps (best.pt).
    for (auto it = history.rbegin(); it != history.rend(); ++it)
        if (it->best)
            return metricValue(*it, metric);
    double best = std::numeric_limits<double>::quiet_NaN();
    for (const EpochMetrics &m : history) {
        const double v = metricValue(m, metric);
        if (ranksAbove(v, best, metric))
            best = v;
    }
    return best;
}

bool ranksAbove(double a, double b, RankingMetric metric)
{
    if (std::isnan(a))
        return false;
    if (std::isnan(b))
        return true;
    return higherIsBetter(metric) ? a > b : a < b;
}

QString bestScoreTitle(RankingMetric metric)
{
    switch (metric) {
    case RankingMetric::MacroF1:
        return QCoreApplication::translate("loupe::Ranking", "Best dev macro F1");
    case RankingMetric::Accuracy:
        return QCoreApplication::translate("loupe::Ranking", "Best dev accuracy");
    case RankingMetric::DevLoss:
        return QCoreApplication::translate("loupe::Ranking", "Lowest dev loss");
    case RankingMetric::Map:
        return QCoreApplication::translate("loupe::Ranking", "Best dev mAP");
    }
    return {};
}

RankingMetric rankingMetricForTasks(RankingMetric chosen, const QStringList &tasks)
{
    bool detect = false, other = false;
    for (const QString &task : tasks) {
        if (task.isEmpty())
            continue;
        (task == QLatin1String("detect") ? detect : other) = true;
    }
    const bool classMetric = chosen == RankingMetric::MacroF1 || chosen == RankingMetric::Accuracy;
    if (detect && !other && classMetric)
        return RankingMetric::Map;
    if (other && !detect && chosen == RankingMetric::Map)
        return RankingMetric::MacroF1;
    return chosen;
}

} // namespace loupe
