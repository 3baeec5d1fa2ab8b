#include "RunsModel.h"

#include "NumberText.h"

#include <QBrush>
#include <QDir>

#include <cmath>

namespace loupe {

void RunsModel::refresh(const QString &runsRoot, const QString &runningDir)
{
    beginResetModel();
    m_runs = runsRoot.isEmpty() ? std::vector<RunSummary>{} : runfolder::listRuns(runsRoot);
    const QString running = runningDir.isEmpty() ? QString() : QDir(runningDir).absolutePath();
    QStringList tasks;
    for (RunSummary &r : m_runs) {
        if (!running.isEmpty() && r.dir == running)
            r.status = RunStatus::Running;
        if (r.configReadable)
            tasks << (r.config.task.isEmpty() ? QStringLiteral("classify") : r.config.task);
    }
    m_metric = rankingMetricForTasks(RankingMetric::MacroF1, tasks);
    endResetModel();
    Q_EMIT headerDataChanged(Qt::Horizontal, ScoreColumn, ScoreColumn);
}

void RunsModel::clear()
{
    beginResetModel();
    m_runs.clear();
    endResetModel();
}

const RunSummary *RunsModel::run(int row) const
{
    return row >= 0 && row < int(m_runs.size()) ? &m_runs[row] : nullptr;
}

int RunsModel::rowOfDir(const QString &dir) const
{
    const QString wanted = QDir(dir).absolutePath();
    for (int i = 0; i < int(m_runs.size()); ++i)
        if (m_runs[i].dir == wanted)
            return i;
    return -1;
}

int RunsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int RunsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunsModel::data(const QModelIndex &index, int role) const
{
    const RunSummary *r = index.isValid() ? run(index.row()) : nullptr;
    if (!r)
        return {};
    if (role == DirRole)
        return r->dir;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case RunColumn: return r->name;
        case StatusColumn: {
            const int done = r->history.empty() ? 0 : r->history.back().epoch;
            QString text = runStatusText(r->status);
            if (r->status != RunStatus::Completed && r->configReadable)
                text += tr(" (%1/%2 epochs)").arg(done).arg(r->config.epochs);
            if (r->resumable() && r->status != RunStatus::Running)
                text += tr(", can resume");
            return text;
        }
        case ConfigColumn: return r->configReadable ? configSummary(r->config) : r->message;
        case ScoreColumn: {
            const std::optional<double> score = runScore(r->history, m_metric);
            return r->bestEpoch > 0 && score && std::isfinite(*score)
                       ? tr("%1 (epoch %2)").arg(numberText(*score, 'f', 3)).arg(r->bestEpoch)
                       : QStringLiteral("–");
        }
        }
    }
    if (role == Qt::ToolTipRole) {
        QString tip = r->dir;
        if (!r->message.isEmpty())
            tip += QLatin1Char('\n') + r->message;
        if (!r->datasetRoot.isEmpty())
            tip += QLatin1Char('\n') + tr("dataset: %1").arg(r->datasetRoot);
        return tip;
    }
    if (role == Qt::ForegroundRole && index.column() == StatusColumn) {
        switch (r->status) {
        case RunStatus::Running: return QBrush(QColor(30, 90, 200));
        case RunStatus::Interrupted:
        case RunStatus::Cancelled: return QBrush(QColor(190, 110, 0));
        case RunStatus::Diverged:
        case RunStatus::Failed: return QBrush(QColor(200, 30, 30));
        case RunStatus::Completed:
        case RunStatus::StoppedEarly: return QBrush(QColor(30, 130, 30));
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == ScoreColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant RunsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RunColumn: return tr("Run");
    case StatusColumn: return tr("Status");
    case ConfigColumn: return tr("Config");
    case ScoreColumn: return bestScoreTitle(m_metric);
    }
    return {};
}

} // namespace loupe
