#pragma once

#include "RunsModel.h"

#include <QWidget>

class QPushButton;
class QTableView;

namespace loupe {

/// The Train page's list of the project's runs, with Refresh and Resume; selecting a run shows it.
class TrainRunsList : public QWidget
{
    Q_OBJECT
public:
    explicit TrainRunsList(QWidget *parent = nullptr);

    RunsModel *model() { return &m_runs; }
    QTableView *view() const { return m_view; }
    /// The selected run, null when none is.
    const RunSummary *current() const;
    /// Reads the runs folder again (`liveRunDir`: the run training now, "" for none), keeping the
    /// selected run, or else selecting `fallback`, without reporting it as a new choice.
    void reload(const QString &runsRoot, const QString &liveRunDir, const QString &fallback);
    /// Selects the run in `dir` without reporting it as a new choice.
    void selectQuietly(const QString &dir);
    void setResumeEnabled(bool enabled);

Q_SIGNALS:
    /// The user chose another run (row in the model, -1 for none).
    void currentRunChanged(int row);
    void resumeRequested(const QString &runDir);
    void refreshRequested();

private:
    RunsModel m_runs;
    QTableView *m_view;
    QPushButton *m_resume;
};

} // namespace loupe
