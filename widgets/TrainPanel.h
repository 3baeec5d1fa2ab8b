#pragma once

#include "LossPlot.h"
#include "Panel.h"
#include "RunsModel.h"
#include "TrainController.h"
#include "TrainForm.h"
#include "train/Diagnosis.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QVBoxLayout;

namespace loupe {

class DiagnosisBanner;
class TrainRunsList;

/// The "train" page: a training form with presets, Start / Pause / Cancel, live loss curves with
/// the practice's diagnosis, the overfit check, and the project's runs (select to see, resume
/// the interrupted). Runs go to <dataset folder>/loupe-runs/<timestamp>/.
class TrainPanel : public Panel
{
    Q_OBJECT
public:
    explicit TrainPanel(QWidget *parent = nullptr);
    ~TrainPanel() override;

    void setInspection(const InspectionPtr &inspection) override;

    /// Why a run in progress would have to stop.
    enum class StopFor { Close, OpenAnotherDataset };
    /// Asks before the window closes or another dataset replaces this one during a run or an
    /// overfit check; on yes cancels it (its last checkpoint is kept, the run can be resumed) and
    /// waits for it. False: the user chose to keep it going.
    bool maybeStop(StopFor why);


    /// The form as a config / the config into the form.
    TrainConfig config() const;
    void setConfig(const TrainConfig &config);

    /// Starts a new run from the form; false (with the reason shown) when it cannot.
    bool startRun();
    /// Resumes the run folder (cancelled or interrupted) from its last checkpoint.
    bool resumeRun(const QString &runDir);
    void runOverfitCheck();

    // Parts, for tests, the benchmark and the lead's wiring.
    TrainController *controller() { return &m_controller; }
    LossPlot *lossPlot() const { return m_plot; }
    RunsModel *runsModel();
    QTableView *runsView() const;
    TrainForm *form() const { return m_form; }
    const Diagnosis &diagnosis() const { return m_diagnosis; }
    QString messageText() const;
    QString overfitVerdictText() const;
    QString runsRoot() const { return m_runsRoot; }
    /// Reloads the runs list (and the plot's overlays) from disk.
    void refreshRuns();

private:
    void buildForm(QVBoxLayout *layout);
    void updateButtons();
    void showMessage(const QString &text, bool problem = false);
    /// `ended`: the run is over, so too few epochs is the verdict's final word, not "yet".
    void showDiagnosis(const std::vector<EpochMetrics> &history, int classes, bool ended = false);
    void showRun(int row);
    /// The anchors a detection run uses with their coverage, from its config.json; hidden for other
    /// runs. Returns false while the run has no readable config.json yet.
    bool showAnchors(const QString &runDir);
    void updateOverlays(const QString &exceptDir);
    void beginLiveRun(const QString &runDir, const std::vector<EpochMetrics> &history);
    void onProgress(const TrainProgress &p, const QVector<QPointF> &losses);
    void onEpoch(const EpochMetrics &m);
    void onFinished(const TrainResult &result);
    void onError(const QString &message);

    TrainController m_controller;
    InspectionPtr m_inspection;
    QString m_runsRoot;
    QString m_liveRunDir;
    std::vector<EpochMetrics> m_history; ///< the live run's epochs
    Diagnosis m_diagnosis;
    int m_liveClasses = 0;

    TrainForm *m_form;

    QPushButton *m_start;
    QPushButton *m_pause;
    QPushButton *m_cancel;
    QPushButton *m_overfit;
    QLabel *m_overfitVerdict;
    QLabel *m_message;

    QProgressBar *m_epochBar;
    QProgressBar *m_stepBar;
    QLabel *m_speed;
    QLabel *m_anchors;
    bool m_liveAnchorsRead = false; ///< the live run's config.json has been read
    DiagnosisBanner *m_banner;
    LossPlot *m_plot;
    TrainRunsList *m_runsList;
};

} // namespace loupe
