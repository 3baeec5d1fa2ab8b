#pragma once

#include "project/RunStatus.h"

#include <QAbstractTableModel>

#include <vector>

namespace loupe {

/// The run folders of a project as a table: run, status, config summary, best dev macro F1.
class RunsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { RunColumn, StatusColumn, ConfigColumn, F1Column, ColumnCount };
    /// Qt::UserRole holds the run folder's path.
    static constexpr int DirRole = Qt::UserRole;

    using QAbstractTableModel::QAbstractTableModel;

    /// Reads every run under runsRoot; the one in runningDir shows as running.
    void refresh(const QString &runsRoot, const QString &runningDir = {});
    void clear();

    const RunSummary *run(int row) const;
    int rowOfDir(const QString &dir) const;
    const std::vector<RunSummary> &runs() const { return m_runs; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<RunSummary> m_runs;
};

} // namespace loupe
