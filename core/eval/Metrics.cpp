#include "eval/Metrics.h"

#include <QCoreApplication>

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <stdexcept>

namespace loupe {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::Metrics)
};

// sklearn's zero_division=0: an undefined ratio counts as 0.
double ratio(long long num, long long den)
{
    return den > 0 ? double(num) / double(den) : 0.0;
}

} // namespace

ClassificationMetrics computeMetrics(const std::vector<int> &truth, const std::vector<int> &predicted,
                                     const QStringList &labels)
{
    if (truth.size() != predicted.size())
        throw std::invalid_argument(Text::tr("%1 true labels but %2 predictions")
                                        .arg(truth.size())
                                        .arg(predicted.size())
                                        .toStdString());
    const int n = int(labels.size());
    for (size_t i = 0; i < truth.size(); ++i) {
        for (const int c : {truth[i], predicted[i]}) {
            if (c < 0 || c >= n)
                throw std::invalid_argument(Text::tr("class index %1 at sample %2 is outside 0..%3")
                                                .arg(c)
                                                .arg(i)
                                                .arg(n - 1)
                                                .toStdString());
        }
    }

    ClassificationMetrics m;
    m.labels = labels;
    m.confusion.assign(size_t(n), std::vector<int>(size_t(n), 0));
    long long correct = 0;
    for (size_t i = 0; i < truth.size(); ++i) {
        ++m.confusion[size_t(truth[i])][size_t(predicted[i])];
        correct += truth[i] == predicted[i];
    }
    m.accuracy = truth.empty() ? std::numeric_limits<double>::quiet_NaN() : double(correct) / double(truth.size());

    double f1Sum = 0;
    m.perClass.reserve(size_t(n));
    for (int c = 0; c < n; ++c) {
        long long tp = m.confusion[size_t(c)][size_t(c)];
        long long trueCount = 0;
        long long predCount = 0;
        for (int k = 0; k < n; ++k) {
            trueCount += m.confusion[size_t(c)][size_t(k)];
            predCount += m.confusion[size_t(k)][size_t(c)];
        }
        ClassMetrics cm;
        cm.name = labels[c];
        cm.precision = ratio(tp, predCount);
        cm.recall = ratio(tp, trueCount);
        // 2PR/(P+R) written without the divisions; 0 when both are 0, as zero_division=0.
        cm.f1 = ratio(2 * tp, trueCount + predCount);
        cm.support = int(trueCount);
        f1Sum += cm.f1;
        m.perClass.push_back(cm);
    }
    m.macroF1 = n > 0 ? f1Sum / n : 0.0;
    return m;
}

QByteArray metricsJson(const ClassificationMetrics &metrics, const std::vector<double> &averagePrecision,
                       const QString &precision)
{
    nlohmann::json j;
    j["accuracy"] = std::isnan(metrics.accuracy) ? nlohmann::json(nullptr) : nlohmann::json(metrics.accuracy);
    j["macro_f1"] = metrics.macroF1;
    nlohmann::json labels = nlohmann::json::array();
    for (const QString &l : metrics.labels)
        labels.push_back(l.toStdString());
    j["labels"] = labels;
    nlohmann::json perClass = nlohmann::json::array();
    const bool withAp = averagePrecision.size() == metrics.perClass.size();
    for (std::size_t i = 0; i < metrics.perClass.size(); ++i) {
        const ClassMetrics &c = metrics.perClass[i];
        nlohmann::json entry = {{"name", c.name.toStdString()},
                                {"precision", c.precision},
                                {"recall", c.recall},
                                {"f1", c.f1},
                                {"support", c.support}};
        if (withAp)
            entry["average_precision"] = std::isnan(averagePrecision[i]) ? nlohmann::json(nullptr)
                                                                         : nlohmann::json(averagePrecision[i]);
        perClass.push_back(entry);
    }
    j["per_class"] = perClass;
    j["confusion"] = metrics.confusion;
    if (!precision.isEmpty())
        j["precision"] = precision.toStdString();
    return QByteArray::fromStdString(j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
}

} // namespace loupe
