#pragma once

#include "Panel.h"
#include "ReportExporter.h"
#include "RunComparison.h"
#include "RunsTableModel.h"
#include "eval/Metrics.h"

#include <QStringList>

#include <vector>

class QComboBox;
class QCustomPlot;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QTimer;

namespace loupe {

/// The "runs" page: the project's runs side by side, ranked by the project's metric (stored in
/// loupe.json); two selected runs compared (loss curves, config diff, per-class metrics); the
/// selected run exported as a metrics CSV, an HTML report or a confusion matrix image.
class RunsPanel : public Panel
{
    Q_OBJECT
public:
    using ClassComparison = RunComparison::ClassComparison;

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
    /// Starts writing the selected run's model on a worker thread, ONNX or TorchScript by the
    /// file's suffix (.pt: TorchScript); modelExported reports the end. False when busy or none selected.
    bool exportModelFile(const QString &file);

    // What is shown, for tests.
    RunsTableModel *runsModel() { return &m_model; }
    RunsSortProxy *sortedRuns() { return &m_proxy; }
    QTableView *runsView() const { return m_view; }
    QCustomPlot *lossPlot() const { return m_compare->lossPlot(); }
    QStringList curveNames() const { return m_compare->curveNames(); }
    QStringList configKeys() const { return m_compare->configKeys(); }
    QStringList differingKeys() const { return m_compare->differingKeys(); }
    const std::vector<ClassComparison> &classComparison() const { return m_compare->classComparison(); }
    QString messageText() const;
    ReportExporter *reportExporter() { return &m_exporter; }

Q_SIGNALS:
    /// An HTML report finished (error empty) or failed.
    void reportWritten(const QString &file, const QString &error);
    /// A model export finished: `summary` says what was written and how it was checked, or the error.
    void modelExported(const QString &file, const QString &summary, bool ok);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onSelectionChanged();
    void updateButtons();
    void showMessage(const QString &text, bool problem = false);
    /// Asks where to write an export of the selected run (offering `fileName` in its folder); "" for none.
    QString askExportFile(const QString &title, const QString &fileName, const QString &filter);
    void chooseCsvFile();
    void chooseHtmlFile();
    void choosePngFile();
    void chooseModelFile();
    const RunSummary *firstSelected() const;

    RunsTableModel m_model;
    RunsSortProxy m_proxy;
    ReportExporter m_exporter;
    InspectionPtr m_inspection;
    QString m_projectDir;

    QComboBox *m_metric;
    QTableView *m_view;
    QLabel *m_message;
    RunComparison *m_compare;
    QPushButton *m_csv;
    QPushButton *m_html;
    QPushButton *m_png;
    QPushButton *m_exportModel;
    bool m_exportingModel = false;
    QProgressBar *m_progress;
    QTimer *m_progressDelay;
};

} // namespace loupe
