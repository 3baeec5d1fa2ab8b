#pragma once

#include "eval/DevSets.h"
#include "project/Ranking.h"
#include "project/RunStatus.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <optional>
#include <vector>

namespace loupe {

/// The runs of a project with their config columns and their score under the ranking metric;
/// the best run is marked. SortRole gives numbers for the numeric columns.
class RunsTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        RunColumn,
        StatusColumn,
        ScoreColumn, // next to the name: the figures matter most and must not need a scroll
        BestEpochColumn,
        DevSetColumn, // whether the run was judged on the best run's dev set
        ModelColumn,
        ImageSizeColumn,
        BatchColumn,
        OptimizerColumn,
        LrColumn,
        EpochsColumn,
        AugmentColumn,
        ClassWeightsColumn,
        InitColumn,
        ColumnCount
    };
    static constexpr int DirRole = Qt::UserRole;      ///< the run folder's path
    static constexpr int SortRole = Qt::UserRole + 1; ///< numbers for numeric columns; invalid when unknown

    using QAbstractTableModel::QAbstractTableModel;

    void setRuns(std::vector<RunSummary> runs);
    void setMetric(RankingMetric metric);
    RankingMetric metric() const { return m_metric; }

    const RunSummary *run(int row) const;
    int rowOfDir(const QString &dir) const;
    std::optional<double> score(int row) const;
    /// The row that ranks first under the metric; -1 when no run has a score.
    int bestRow() const { return m_bestRow; }
    /// The run's dev set against the best run's (unknown when either has no dev history).
    DevSetOverlap devSetAgainstBest(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rescore();

    std::vector<RunSummary> m_runs;
    std::vector<std::optional<double>> m_scores;
    std::vector<DevSet> m_devSets;
    RankingMetric m_metric = RankingMetric::MacroF1;
    int m_bestRow = -1;
};

/// Sorts by RunsTableModel::SortRole, numbers as numbers; runs without a value stay last in
/// either order.
class RunsSortProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

} // namespace loupe
