#include "train/DevHistory.h"

#include "dataset/Errors.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace loupe {

namespace {

// These notes were written by the trainer, and keep its translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::Trainer)
};

} // namespace

PredictionHistory startDevHistory(const Dataset &data, const std::vector<int> &devImages, const QString &historyFile,
                                  int resumedEpoch, const std::function<void(const QString &)> &note)
{
    PredictionHistory history;
    history.classes = data.classes;
    for (int i : devImages) {
        history.paths.append(data.samples[std::size_t(i)].path);
        history.truth.push_back(data.samples[std::size_t(i)].classId);
    }
    if (resumedEpoch <= 0)
        return history;
    const QString restart =
        Text::tr("the dev history (%1) starts again at epoch %2").arg(historyFile).arg(resumedEpoch + 1);
    if (!QFileInfo::exists(historyFile)) {
        note(Text::tr("no dev history to continue: %1").arg(restart));
        return history;
    }
    try {
        PredictionHistory previous = predictionfiles::readHistory(historyFile);
        if (previous.classes != history.classes || previous.paths != history.paths || previous.truth != history.truth) {
            note(Text::tr("the saved dev history is of other dev images: %1").arg(restart));
        } else {
            for (PredictionHistory::Epoch &e : previous.epochs)
                if (e.epoch <= resumedEpoch)
                    history.epochs.push_back(std::move(e));
        }
    } catch (const LabelFileError &e) {
        note(Text::tr("%1; %2").arg(e.message(), restart));
    }
    return history;
}

} // namespace loupe
