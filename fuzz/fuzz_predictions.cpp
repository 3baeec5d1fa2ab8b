// A run's predictions-dev.csv and dev-history.jsonl (split at the separator) through their readers.
#include "FuzzUtil.h"

#include "dataset/Errors.h"
#include "eval/Predictions.h"

using namespace loupe;

LOUPE_FUZZ_TARGET(fuzzPredictions)
{
    const fuzz::Scratch scratch;
    const std::vector<QByteArray> parts = fuzz::splitParts(data, size, 2);
    const QString run = scratch.dir();
    scratch.write(QStringLiteral("predictions-dev.csv"), parts[0]);
    if (parts.size() > 1)
        scratch.write(QStringLiteral("dev-history.jsonl"), parts[1]);
    try {
        const PredictionSet set = predictionfiles::read(predictionfiles::devPath(run));
        const int classes = int(set.classes.size());
        for (const Prediction &p : set.items) {
            LOUPE_FUZZ_CHECK(p.truth >= 0 && p.truth < classes, "true class outside the class list");
            LOUPE_FUZZ_CHECK(p.predicted >= 0 && p.predicted < classes, "predicted class outside the class list");
            LOUPE_FUZZ_CHECK(int(p.probabilities.size()) == classes, "not one probability per class");
        }
        LOUPE_FUZZ_CHECK(set.truths().size() == set.items.size(), "truths() size");
    } catch (const LabelFileError &) {
    }
    try {
        const PredictionHistory h = predictionfiles::readHistory(predictionfiles::historyPath(run));
        const int classes = int(h.classes.size());
        LOUPE_FUZZ_CHECK(h.truth.size() == std::size_t(h.paths.size()), "not one truth per path");
        for (int t : h.truth)
            LOUPE_FUZZ_CHECK(t >= 0 && t < classes, "history truth outside the class list");
        for (const PredictionHistory::Epoch &e : h.epochs) {
            LOUPE_FUZZ_CHECK(e.predicted.size() == h.truth.size() && e.confidence.size() == h.truth.size(),
                             "epoch without one answer per path");
            for (int c : e.predicted)
                LOUPE_FUZZ_CHECK(c >= -1 && c < classes, "history prediction outside the class list");
        }
        for (int i = 0; i < int(h.paths.size()); ++i)
            (void)h.flips(i);
    } catch (const LabelFileError &) {
    }
    return 0;
}
