#pragma once

#include "InspectController.h"
#include "Panel.h"

#include <QHash>
#include <QMainWindow>

class QDockWidget;
class QLabel;
class QProgressBar;
class QTabWidget;
class QTextBrowser;
class QPlainTextEdit;
class QTreeWidget;

namespace loupe {

class ClassBalanceChart;
class ObjectStatsChart;

/// Loupe's main window: opens a dataset, inspects it in the background and shows the report,
/// the class balance and the problem files.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Starts inspecting a dataset; the window stays responsive while it runs.
    void openDataset(const QString &path, const InspectOptions &options = {});

    InspectionPtr inspection() const { return m_inspection; }

    /// Adds a page after the overview; `key` names it for --panel and showPanel.
    void addPanel(Panel *panel, const QString &title, const QString &key);
    /// Brings a page to the front: "overview", "report" or a key given to addPanel. False if unknown.
    bool showPanel(const QString &key);
    QStringList panelKeys() const;
    ClassBalanceChart *classChart() const { return m_chart; }
    ObjectStatsChart *objectChart() const { return m_objects; }
    QTreeWidget *problemsTree() const { return m_problems; }
    QTextBrowser *summaryView() const { return m_summary; }

Q_SIGNALS:
    /// The open dataset's inspection ended, with a result or an error (see statusMessage()).
    void inspectionDone();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void createActions();
    void createDocks();
    /// The docks show on the pages they belong to (overview, browser) as the user last left them.
    void updateDocks();
    void fitToScreen();
    bool dockPage() const;
    void showProgress(int phase, int done, int total);
    void showInspection(const InspectionPtr &inspection);
    void showError(const QString &message);
    void chooseFolder();
    void chooseLabelFile();
    void showAbout();
    QString summaryHtml(const Inspection &inspection) const;

    InspectController m_controller;
    InspectionPtr m_inspection;
    QString m_path;
    InspectOptions m_options;

    QTabWidget *m_tabs;
    QStringList m_panelKeys; ///< one per tab of m_tabs, in order
    QList<Panel *> m_panels;
    QTextBrowser *m_summary;
    QPlainTextEdit *m_report;
    ClassBalanceChart *m_chart;
    ObjectStatsChart *m_objects;
    QDockWidget *m_objectsDock = nullptr;
    QList<QDockWidget *> m_docks;
    QHash<QDockWidget *, bool> m_dockWanted; ///< the user's choice (View menu, close button)
    bool m_updatingDocks = false;
    bool m_shown = false;
    QTreeWidget *m_problems;
    QLabel *m_status;
    QProgressBar *m_progress;
};

} // namespace loupe
