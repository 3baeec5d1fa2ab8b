#pragma once

#include "eval/Predictions.h"
#include "project/RunStatus.h"

#include <QObject>

#include <vector>

class QComboBox;
class QToolBar;
class QWidget;

namespace loupe {

/// Which run's predictions the Predictions page shows: the run and split choosers of its toolbar,
/// the dataset's runs that saved predictions, and reading the chosen files.
class PredictionRunPicker : public QObject
{
    Q_OBJECT
public:
    /// What load() read. `problem` says what could not be read ("" when all went well).
    struct Loaded {
        PredictionSet set;
        PredictionHistory history;
        QString problem;
    };

    /// The choosers are children of `parent` (the page).
    explicit PredictionRunPicker(QWidget *parent);

    /// Puts "Run [run] Refresh  Split [split]" on the toolbar.
    void addTo(QToolBar *bar);
    /// Lists the runs with predictions under the dataset at `datasetRoot` ("" lists none), keeping
    /// the chosen run, or choosing `wanted` when none was chosen. Emits nothing.
    void refresh(const QString &datasetRoot, const QString &wanted);

    QStringList runDirs() const;
    bool selectRun(const QString &runDir);
    QString currentRunDir() const;
    /// The chosen run's summary, null when none.
    const RunSummary *currentRun() const;
    /// "dev" or "test"; false when the run has no such file.
    bool selectSplit(const QString &split);
    QString currentSplit() const;

    /// Reads the chosen run's predictions for the chosen split, and for dev also the history.
    Loaded load() const;

Q_SIGNALS:
    /// The Refresh button: list the runs again.
    void refreshRequested();
    /// The user (or selectRun / selectSplit) chose another run or split.
    void selectionChanged();

private:
    void fillSplits();

    std::vector<RunSummary> m_runs;
    QComboBox *m_run;
    QComboBox *m_split;
};

} // namespace loupe
