#include "project/RunStatus.h"

#include "Translations.h"

#include "dataset/Errors.h"
#include "project/RunFolder.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace loupe {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::RunStatus)
};

// outcomeText's words keep the translation context they were written in.
struct TrainerText {
    Q_DECLARE_TR_FUNCTIONS(loupe::Trainer)
};

// Stable words in status.json, independent of the user's language.
const char *statusKey(RunStatus s)
{
    switch (s) {
    case RunStatus::Running: return "running";
    case RunStatus::Completed: return "completed";
    case RunStatus::StoppedEarly: return "stopped_early";
    case RunStatus::Cancelled: return "cancelled";
    case RunStatus::Diverged: return "diverged";
    case RunStatus::Failed: return "failed";
    case RunStatus::Interrupted: return "interrupted";
    }
    return "interrupted";
}

RunStatus fromOutcome(TrainOutcome o)
{
    switch (o) {
    case TrainOutcome::Completed: return RunStatus::Completed;
    case TrainOutcome::EarlyStopped: return RunStatus::StoppedEarly;
    case TrainOutcome::Cancelled: return RunStatus::Cancelled;
    case TrainOutcome::Diverged: return RunStatus::Diverged;
    case TrainOutcome::Failed: return RunStatus::Failed;
    }
    return RunStatus::Failed;
}

} // namespace

bool RunSummary::resumable() const
{
    return hasCheckpoint && configReadable && (status == RunStatus::Interrupted || status == RunStatus::Cancelled)
           && (history.empty() || history.back().epoch < config.epochs);
}

QString runStatusText(RunStatus status)
{
    switch (status) {
    case RunStatus::Running: return Text::tr("running");
    case RunStatus::Completed: return Text::tr("completed");
    case RunStatus::StoppedEarly: return Text::tr("stopped early");
    case RunStatus::Cancelled: return Text::tr("cancelled");
    case RunStatus::Diverged: return Text::tr("loss blew up");
    case RunStatus::Failed: return Text::tr("failed");
    case RunStatus::Interrupted: return Text::tr("interrupted");
    }
    return {};
}

QString configSummary(const TrainConfig &c)
{
    return Text::tr("%1, %2 px, batch %3, %4 lr %5, %6 epochs")
        .arg(c.model)
        .arg(c.imageSize)
        .arg(c.batchSize)
        .arg(c.optimizer)
        .arg(localeNumber(c.learningRate, 'g', 3))
        .arg(c.epochs);
}

namespace runfolder {

QString statusPath(const QString &runDir)
{
    return runDir + QStringLiteral("/status.json");
}

QString writeStatus(const QString &runDir, const TrainResult &result)
{
    const QJsonObject o{{QStringLiteral("status"), QLatin1String(statusKey(fromOutcome(result.outcome)))},
                        {QStringLiteral("message"), result.message},
                        {QStringLiteral("epochs_run"), result.epochsRun},
                        {QStringLiteral("best_epoch"), result.bestEpoch},
                        {QStringLiteral("finished"), QDateTime::currentDateTime().toString(Qt::ISODate)}};
    return writeAtomically(statusPath(runDir), QJsonDocument(o).toJson(QJsonDocument::Indented));
}

void clearStatus(const QString &runDir)
{
    QFile::remove(statusPath(runDir));
}

RunSummary summarizeRun(const QString &runDir)
{
    RunSummary s;
    s.dir = QDir(runDir).absolutePath();
    s.name = QFileInfo(s.dir).fileName();
    try {
        const QJsonObject config = readConfig(runDir);
        s.config = TrainConfig::fromJson(config);
        s.configReadable = true;
        const QJsonObject dataset = config.value(QStringLiteral("dataset")).toObject();
        s.datasetRoot = dataset.value(QStringLiteral("root")).toString();
        s.classes = int(dataset.value(QStringLiteral("classes")).toArray().size());
    } catch (const DatasetError &e) {
        s.message = e.message();
    } catch (const LabelFileError &e) {
        s.message = e.message();
    }
    s.history = readMetrics(runDir);
    for (const EpochMetrics &m : s.history) {
        if (m.best || s.bestEpoch == 0) {
            s.bestEpoch = m.epoch;
            s.bestMacroF1 = m.devMacroF1;
        }
    }
    s.hasCheckpoint = QFileInfo::exists(lastCheckpointPath(runDir));

    QFile f(statusPath(runDir));
    if (f.open(QIODevice::ReadOnly)) {
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        const QString key = o.value(QStringLiteral("status")).toString();
        for (RunStatus st : {RunStatus::Completed, RunStatus::StoppedEarly, RunStatus::Cancelled, RunStatus::Diverged,
                             RunStatus::Failed}) {
            if (key == QLatin1String(statusKey(st))) {
                s.status = st;
                s.message = o.value(QStringLiteral("message")).toString();
                return s;
            }
        }
    }
    const int lastEpoch = s.history.empty() ? 0 : s.history.back().epoch;
    const int patience = s.config.earlyStopPatience;
    if (s.configReadable && lastEpoch >= s.config.epochs)
        s.status = RunStatus::Completed;
    else if (s.configReadable && patience > 0 && s.bestEpoch > 0 && lastEpoch - s.bestEpoch >= patience)
        s.status = RunStatus::StoppedEarly;
    else
        s.status = RunStatus::Interrupted;
    return s;
}

std::vector<RunSummary> listRuns(const QString &runsRoot)
{
    std::vector<RunSummary> runs;
    const QDir root(runsRoot);
    QStringList names = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    std::reverse(names.begin(), names.end());
    for (const QString &name : names) {
        const QString dir = root.filePath(name);
        if (QFileInfo::exists(configPath(dir)))
            runs.push_back(summarizeRun(dir));
    }
    return runs;
}

} // namespace runfolder

QString outcomeText(TrainOutcome outcome)
{
    switch (outcome) {
    case TrainOutcome::Completed: return TrainerText::tr("completed");
    case TrainOutcome::EarlyStopped: return TrainerText::tr("stopped early: dev loss stopped improving");
    case TrainOutcome::Cancelled: return TrainerText::tr("cancelled");
    // Diverged covers a dev loss that blew up in evaluation mode alone (batch norm) as well as a
    // training loss that did: the message says which.
    case TrainOutcome::Diverged: return TrainerText::tr("stopped: the loss blew up");
    case TrainOutcome::Failed: return TrainerText::tr("failed");
    }
    return {};
}

} // namespace loupe
