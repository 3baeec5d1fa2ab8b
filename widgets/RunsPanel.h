#pragma once

#include "Panel.h"
#include "ReportExporter.h"
#include "RunsTableModel.h"
#include "eval/Metrics.h"

#include <QImage>
#include <QStringList>

#include <vector>

class QComboBox;
class QCustomPlot;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QTableWidget;
class QTimer;

namespace loupe {

/// The "runs" page: the project's runs side by side, ranked by the project's metric (stored in
/// loupe.json); two selected runs compared (loss curves, config diff, per-class metrics); the
/// selected run exported as a metrics CSV, an HTML report or a confusion matrix image.
class RunsPanel : public Panel
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

    explicit RunsPanel(QWidget *parent = nullptr);
    ~RunsPanel() override;

    void setInspection(const InspectionPtr &inspection) override;
    /// The project folder (<dataset folder>/loupe-runs): reads its loupe.json and its runs.
    void setProjectDir(const QString &dir);
    QString projectDir() const { return m_projectDir; }
    /// Reads the run folders again, keeping the selection.
    void refresh();

    RankingMetric rankingMetric() const { return m_model.metric(); }
    /// Re-ranks, sorts by the metric (best first) and saves it in loupe.json.
    void setRankingMetric(RankingMetric metric);
    /// Sorts the table by the ranking metric, best run first.
    void sortByRanking();

    /// Selects the rows of these run folders (tests, and keeping a selection across refreshes).
    void selectRuns(const QStringList &dirs);
    /// The selected run folders in table order: A first.
    QStringList selectedRuns() const;

    // Export of the first selected run; each returns an error message or "".
    QString exportMetricsCsv(const QString &file);
    QString exportConfusionImage(const QString &file);
    /// Starts writing the HTML report on a worker thread; false when one is being written.
    bool exportHtmlReport(const QString &file);
    /// The confusion matrix drawn for a PNG: counts, cells shaded by each row's share.
    static QImage confusionImage(const ClassificationMetrics &metrics, const QString &title);

    // What is shown, for tests.
    RunsTableModel *runsModel() { return &m_model; }
    RunsSortProxy *sortedRuns() { return &m_proxy; }
    QTableView *runsView() const { return m_view; }
    QCustomPlot *lossPlot() const { return m_plot; }
    QStringList curveNames() const;
    QStringList configKeys() const { return m_configKeys; }
    QStringList differingKeys() const { return m_differingKeys; }
    const std::vector<ClassComparison> &classComparison() const { return m_comparison; }
    QString messageText() const;
    ReportExporter *reportExporter() { return &m_exporter; }

Q_SIGNALS:
    /// An HTML report finished (error empty) or failed.
    void reportWritten(const QString &file, const QString &error);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onSelectionChanged();
    void showCurves(const std::vector<const RunSummary *> &runs);
    void showConfigDiff(const std::vector<const RunSummary *> &runs);
    void showClassComparison(const std::vector<const RunSummary *> &runs);
    void updateButtons();
    void showMessage(const QString &text, bool problem = false);
    void chooseCsvFile();
    void chooseHtmlFile();
    void choosePngFile();
    const RunSummary *firstSelected() const;
    /// The run's dev predictions and metrics; false with `error` when they cannot be read.
    bool devMetrics(const RunSummary &run, ClassificationMetrics *metrics, QString *error) const;

    RunsTableModel m_model;
    RunsSortProxy m_proxy;
    ReportExporter m_exporter;
    InspectionPtr m_inspection;
    QString m_projectDir;
    QStringList m_configKeys;
    QStringList m_differingKeys;
    std::vector<ClassComparison> m_comparison;

    QComboBox *m_metric;
    QTableView *m_view;
    QLabel *m_message;
    QLabel *m_compareTitle;
    QCustomPlot *m_plot;
    QTableWidget *m_config;
    QTableWidget *m_classes;
    QPushButton *m_csv;
    QPushButton *m_html;
    QPushButton *m_png;
    QProgressBar *m_progress;
    QTimer *m_progressDelay;
};

} // namespace loupe
