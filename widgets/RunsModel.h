#pragma once

#include "project/Ranking.h"
#include "project/RunStatus.h"

#include <QAbstractTableModel>

#include <vector>

namespace loupe {

/// The run folders of a project as a table: run, status, config summary, and the best dev score by
/// the metric that ranks the runs' task (macro F1 for classifiers, mAP for detectors).
class RunsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { RunColumn, StatusColumn, ConfigColumn, ScoreColumn, ColumnCount };
    /// Qt::UserRole holds the run folder's path.
    static constexpr int DirRole = Qt::UserRole;

    using QAbstractTableModel::QAbstractTableModel;

    /// Reads every run under runsRoot; the one in runningDir shows as running.
    void refresh(const QString &runsRoot, const QString &runningDir = {});
    void clear();

    const RunSummary *run(int row) const;
    int rowOfDir(const QString &dir) const;
    const std::vector<RunSummary> &runs() const { return m_runs; }
    /// What the score column shows: mAP when every run is a detector, macro F1 otherwise.
    RankingMetric metric() const { return m_metric; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<RunSummary> m_runs;
    RankingMetric m_metric = RankingMetric::MacroF1;
};

} // namespace loupe
