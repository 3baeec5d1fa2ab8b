#pragma once

#include "eval/Metrics.h"
#include "project/RunStatus.h"

#include <QStringList>
#include <QWidget>

#include <vector>

class QCustomPlot;
class QLabel;
class QTableWidget;

namespace loupe {

/// The runs page's comparison of the selected runs (one shown, two compared as A and B): loss
/// curves, the config with the differences first, and the dev metrics per class.
class RunComparison : public QWidget
{
    Q_OBJECT
public:
    /// One class's dev figures in runs A and B (NaN where a run does not have the class).
    struct ClassComparison {
        QString name;
        double precisionA = 0, precisionB = 0;
        double recallA = 0, recallB = 0;
        double f1A = 0, f1B = 0;
    };

    explicit RunComparison(QWidget *parent = nullptr);

    /// Shows the first two of `runs`; `selected` is how many the user selected (more than two: said).
    void showRuns(const std::vector<const RunSummary *> &runs, int selected);

    /// The run's dev predictions and metrics; false with `error` when they cannot be read.
    static bool devMetrics(const RunSummary &run, ClassificationMetrics *metrics, QString *error);

    QCustomPlot *lossPlot() const { return m_plot; }
    QStringList curveNames() const;
    QStringList configKeys() const { return m_configKeys; }
    QStringList differingKeys() const { return m_differingKeys; }
    /// The warning shown when A and B were judged on different dev sets; empty when they were not.
    QString devSetWarning() const;
    const std::vector<ClassComparison> &classComparison() const { return m_comparison; }

Q_SIGNALS:
    /// A run's config or predictions could not be read.
    void problem(const QString &text);

private:
    void showCurves(const std::vector<const RunSummary *> &runs);
    void showConfigDiff(const std::vector<const RunSummary *> &runs);
    /// The key column to the keys and the pane's width; `newRows`: the rows were just filled.
    void fitConfigKeys(bool newRows);
    void showClassComparison(const std::vector<const RunSummary *> &runs);

    QStringList m_configKeys;
    QStringList m_differingKeys;
    std::vector<ClassComparison> m_comparison;

    QLabel *m_title;
    QLabel *m_devSets;
    QCustomPlot *m_plot;
    QTableWidget *m_config;
    QTableWidget *m_classes;
};

} // namespace loupe
