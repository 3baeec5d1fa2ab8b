#include "TrainPanel.h"

#include "DiagnosisBanner.h"
#include "NumberText.h"
#include "TrainRunsList.h"

#include "project/Project.h"
#include "project/RunFolder.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace loupe {

namespace {

// Earlier runs drawn behind the current one: more turns the plot into noise.
constexpr int kMaxOverlays = 6;

QString durationText(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0)
        return QStringLiteral("–");
    const qint64 s = qint64(std::lround(seconds));
    if (s < 60)
        return TrainPanel::tr("%1 s").arg(s);
    if (s < 3600)
        return TrainPanel::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return TrainPanel::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

QString html(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

TrainPanel::TrainPanel(QWidget *parent)
    : Panel(parent)
    , m_form(new TrainForm(this))
    , m_start(new QPushButton(tr("Start"), this))
    , m_pause(new QPushButton(tr("Pause"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_overfit(new QPushButton(tr("Overfit check"), this))
    , m_overfitVerdict(new QLabel(this))
    , m_message(new QLabel(this))
    , m_epochBar(new QProgressBar(this))
    , m_stepBar(new QProgressBar(this))
    , m_speed(new QLabel(this))
    , m_anchors(new QLabel(this))
    , m_banner(new DiagnosisBanner(this))
    , m_plot(new LossPlot(this))
    , m_runsList(new TrainRunsList(this))
{
    // Left: the form scrolls; Start / Pause / Cancel, the overfit check and the messages stay
    // below it in sight whatever the window's height.
    auto *form = new QWidget;
    auto *formLayout = new QVBoxLayout(form);
    formLayout->setContentsMargins(0, 0, 4, 0);
    m_form->setParent(form);
    formLayout->addWidget(m_form);
    formLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("trainForm"));
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(form->minimumSizeHint().width() + scroll->verticalScrollBar()->sizeHint().width());
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(scroll, 1);
    buildForm(leftLayout);

    // Right: progress, diagnosis, curves, runs.
    m_epochBar->setObjectName(QStringLiteral("epochProgress"));
    m_stepBar->setObjectName(QStringLiteral("stepProgress"));
    m_epochBar->setFormat(tr("no run"));
    m_stepBar->setFormat(QString());
    m_epochBar->setValue(0);
    m_stepBar->setValue(0);
    m_speed->setObjectName(QStringLiteral("speed"));
    m_anchors->setObjectName(QStringLiteral("anchors"));
    m_anchors->setWordWrap(true);
    m_anchors->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_anchors->setVisible(false);
    m_speed->setWordWrap(true);
    auto *bars = new QHBoxLayout;
    bars->addWidget(m_epochBar, 1);
    bars->addWidget(m_stepBar, 1);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(bars);
    topLayout->addWidget(m_speed);
    topLayout->addWidget(m_anchors);
    topLayout->addWidget(m_banner);
    topLayout->addWidget(m_plot, 1);

    auto *rightSplit = new QSplitter(Qt::Vertical, this);
    rightSplit->setObjectName(QStringLiteral("trainRightSplit"));
    rightSplit->addWidget(top);
    rightSplit->addWidget(m_runsList);
    rightSplit->setStretchFactor(0, 3);
    rightSplit->setStretchFactor(1, 1);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("trainSplit"));
    split->addWidget(left);
    split->addWidget(rightSplit);
    split->setChildrenCollapsible(false);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(split);

    connect(m_start, &QPushButton::clicked, this, &TrainPanel::startRun);
    connect(m_pause, &QPushButton::clicked, this, [this] {
        if (m_controller.isPaused())
            m_controller.resume();
        else
            m_controller.pause();
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_controller.cancel();
        showMessage(m_controller.isRunning() ? tr("Cancelling: the run stops after the current step and keeps its "
                                                  "last checkpoint.")
                                             : tr("Stopping the overfit check…"));
    });
    connect(m_overfit, &QPushButton::clicked, this, &TrainPanel::runOverfitCheck);
    connect(m_runsList, &TrainRunsList::resumeRequested, this, &TrainPanel::resumeRun);
    connect(m_runsList, &TrainRunsList::refreshRequested, this, &TrainPanel::refreshRuns);
    connect(m_runsList, &TrainRunsList::currentRunChanged, this, [this](int row) {
        showRun(row);
        updateButtons();
    });

    connect(&m_controller, &TrainController::progress, this, &TrainPanel::onProgress);
    connect(&m_controller, &TrainController::epochDone, this, &TrainPanel::onEpoch);
    connect(&m_controller, &TrainController::finished, this, &TrainPanel::onFinished);
    connect(&m_controller, &TrainController::error, this, &TrainPanel::onError);
    connect(&m_controller, &TrainController::note, this, [this](const QString &text) { m_speed->setToolTip(text); });
    connect(&m_controller, &TrainController::pausedChanged, this, [this](bool paused) {
        m_pause->setText(paused ? tr("Resume") : tr("Pause"));
        showMessage(paused ? tr("Paused after the current step; the GUI and the checkpoint are untouched.") : QString());
        updateButtons();
    });
    connect(&m_controller, &TrainController::overfitProgress, this, [this](int step, double loss) {
        m_overfitVerdict->setStyleSheet(QString());
        m_overfitVerdict->setText(tr("Checking: step %1, loss %2").arg(step).arg(numberText(loss, 'g', 3)));
    });
    connect(&m_controller, &TrainController::overfitFinished, this, [this](const OverfitResult &r) {
        m_overfitVerdict->setStyleSheet(r.passed ? QStringLiteral("color: #1a7f1a;") : QStringLiteral("color: #c62828;"));
        if (r.passed) {
            m_overfitVerdict->setText(tr("Passed: loss %1 after %2 steps, %3 of %4 images right.")
                                          .arg(numberText(r.finalLoss, 'g', 3))
                                          .arg(r.steps)
                                          .arg(r.correct)
                                          .arg(int(r.paths.size())));
        } else {
            QString text = tr("Failed:");
            for (const QString &check : r.failedChecks)
                text += QStringLiteral("\n• ") + check;
            text += QLatin1Char('\n') + tr("Likely causes: the crop or resize differs between training and evaluation; "
                                           "the images or labels are not loaded properly; the learning rate is too high.");
            m_overfitVerdict->setText(text);
        }
        updateButtons();
    });
    connect(&m_controller, &TrainController::overfitError, this, [this](const QString &message) {
        m_overfitVerdict->setStyleSheet(QStringLiteral("color: #c62828;"));
        m_overfitVerdict->setText(tr("Could not run: %1").arg(message));
        updateButtons();
    });

    showDiagnosis({}, 0);
    updateButtons();
}

TrainPanel::~TrainPanel() = default;

void TrainPanel::buildForm(QVBoxLayout *layout)
{
    m_start->setObjectName(QStringLiteral("startRun"));
    // Ctrl+Return starts a run while this page is shown (a button's shortcut needs it visible).
    m_start->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_start->setToolTip(tr("Start a training run with this form (%1)")
                            .arg(m_start->shortcut().toString(QKeySequence::NativeText)));
    m_pause->setObjectName(QStringLiteral("pauseRun"));
    m_cancel->setObjectName(QStringLiteral("cancelRun"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_pause);
    buttons->addWidget(m_cancel);
    layout->addLayout(buttons);

    m_overfit->setObjectName(QStringLiteral("overfitCheck"));
    m_overfit->setToolTip(tr("The practice's first sanity check: train on five images with every random transform "
                             "off (64 px) and expect them all learned. Run it before a long training job."));
    layout->addWidget(m_overfit);
    m_overfitVerdict->setObjectName(QStringLiteral("overfitVerdict"));
    m_overfitVerdict->setWordWrap(true);
    m_overfitVerdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_overfitVerdict);
    m_message->setObjectName(QStringLiteral("trainMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);

    connect(m_form, &TrainForm::message, this, &TrainPanel::showMessage);
}

RunsModel *TrainPanel::runsModel()
{
    return m_runsList->model();
}

QTableView *TrainPanel::runsView() const
{
    return m_runsList->view();
}

TrainConfig TrainPanel::config() const
{
    return m_form->config();
}

void TrainPanel::setConfig(const TrainConfig &c)
{
    m_form->setConfig(c);
}

void TrainPanel::setInspection(const InspectionPtr &inspection)
{
    m_inspection = inspection;
    // A run in flight keeps its own project on screen; the new dataset's runs show when it ends.
    if (m_controller.isRunning()) {
        updateButtons();
        return;
    }
    m_runsRoot = inspection ? projectfile::folderFor(inspection->dataset.root) : QString();
    if (inspection) {
        // The practice: no larger than the originals. Small images (Fashion-MNIST) need no 224 px input.
        const QSize median = inspection->stats.medianSize;
        m_form->fitImageSize(std::max(median.width(), median.height()));
    }
    m_form->setProjectDir(m_runsRoot);
    m_plot->clearRun();
    m_history.clear();
    showDiagnosis({}, 0);
    showMessage(QString());
    m_overfitVerdict->clear();
    refreshRuns();
    // Offer to resume what a closed window or a crash left behind.
    const RunsModel &runs = *m_runsList->model();
    bool offered = false;
    for (int row = 0; row < int(runs.runs().size()); ++row) {
        const RunSummary &r = runs.runs()[row];
        if (r.status == RunStatus::Interrupted && r.resumable()) {
            m_runsList->view()->selectRow(row);
            showRun(row);
            showMessage(tr("Run %1 was interrupted after epoch %2 of %3. Press Resume to continue it from its "
                           "checkpoint.")
                            .arg(r.name)
                            .arg(r.history.empty() ? 0 : r.history.back().epoch)
                            .arg(r.config.epochs));
            offered = true;
            break;
        }
    }
    // Otherwise the run still selected, or the newest, with its curves and verdict: not "no run"
    // beside finished runs.
    if (!offered) {
        const int row = m_runsList->current() ? m_runsList->view()->currentIndex().row() : 0;
        if (const RunSummary *r = runs.run(row)) {
            m_runsList->selectQuietly(r->dir);
            showRun(row);
        }
    }
    updateButtons();
}

void TrainPanel::refreshRuns()
{
    m_runsList->reload(m_runsRoot, m_controller.isRunning() ? m_liveRunDir : QString(), m_liveRunDir);
    // Earlier runs as starting weights.
    QStringList init;
    for (const RunSummary &r : m_runsList->model()->runs())
        if (r.hasCheckpoint && r.dir != QDir(m_liveRunDir).absolutePath())
            init << r.dir;
    m_form->setInitChoices(init);
    const RunSummary *shown = m_runsList->current();
    updateOverlays(m_controller.isRunning() ? m_liveRunDir : (shown ? shown->dir : QString()));
    updateButtons();
}

void TrainPanel::updateOverlays(const QString &exceptDir)
{
    const QString except = exceptDir.isEmpty() ? QString() : QDir(exceptDir).absolutePath();
    QList<LossPlot::Overlay> overlays;
    for (const RunSummary &r : m_runsList->model()->runs()) {
        if (r.dir == except || r.history.empty())
            continue;
        overlays.append({r.name, r.history});
        if (overlays.size() >= kMaxOverlays)
            break;
    }
    m_plot->setOverlays(overlays);
}

void TrainPanel::showRun(int row)
{
    // The live run owns the plot while it trains.
    if (m_controller.isRunning())
        return;
    const RunSummary *r = m_runsList->model()->run(row);
    if (!r)
        return;
    m_plot->setHistory(r->history);
    const bool stopped = r->status == RunStatus::StoppedEarly && !r->history.empty();
    m_plot->setMarks(r->bestEpoch, stopped ? r->history.back().epoch : 0);
    updateOverlays(r->dir);
    m_plot->resetView();
    // The bars tell where the shown run ended, not "no run" beside a finished one.
    const int last = r->history.empty() ? 0 : r->history.back().epoch;
    m_epochBar->setRange(0, std::max({1, r->config.epochs, last}));
    m_epochBar->setValue(last);
    m_epochBar->setFormat(tr("%1 after %2 epochs").arg(runStatusText(r->status)).arg(last));
    m_stepBar->setRange(0, 1);
    m_stepBar->setValue(0);
    m_stepBar->setFormat(QString());
    m_speed->clear();
    showAnchors(r->dir);
    showDiagnosis(r->history, r->classes, r->status != RunStatus::Running);
}

bool TrainPanel::showAnchors(const QString &runDir)
{
    QJsonObject config;
    try {
        config = runfolder::readConfig(runDir);
    } catch (const std::exception &) {
        m_anchors->setVisible(false);
        return false;
    }
    const QJsonObject detection = config.value(QStringLiteral("detection")).toObject();
    const QString anchors = detection.value(QStringLiteral("anchors")).toObject().value(QStringLiteral("text")).toString();
    if (anchors.isEmpty()) {
        m_anchors->setVisible(false);
        return true;
    }
    const bool tuned = config.value(QStringLiteral("anchors")).toString(QStringLiteral("auto")) == QLatin1String("auto");
    QString text = tuned ? tr("Anchors tuned from the training boxes: %1 (sizes : ratios, in input pixels).").arg(anchors)
                         : tr("Anchors as given: %1 (sizes : ratios, in input pixels).").arg(anchors);
    if (detection.contains(QStringLiteral("anchor_coverage"))) {
        const auto percent = [](double v) { return tr("%1 %").arg(numberText(v * 100.0, 'f', 0)); };
        text += QLatin1Char(' ')
                + tr("They cover %1 of the training boxes (best anchor IoU ≥ 0.5); the default anchors cover %2.")
                      .arg(percent(detection.value(QStringLiteral("anchor_coverage")).toDouble()),
                           percent(detection.value(QStringLiteral("default_anchor_coverage")).toDouble()));
    }
    m_anchors->setText(text);
    m_anchors->setVisible(true);
    return true;
}

void TrainPanel::updateButtons()
{
    const bool running = m_controller.isRunning();
    const bool checking = m_controller.isCheckingOverfit();
    const bool haveData = m_inspection != nullptr;
    m_start->setEnabled(haveData && !running && !checking);
    m_pause->setEnabled(running);
    m_pause->setText(m_controller.isPaused() ? tr("Resume") : tr("Pause"));
    m_cancel->setEnabled(running || checking);
    m_overfit->setEnabled(haveData && !running && !checking);
    const RunSummary *r = m_runsList->current();
    m_runsList->setResumeEnabled(haveData && !running && !checking && r && r->resumable());
    m_form->setFieldsEnabled(!running);
}

void TrainPanel::showMessage(const QString &text, bool problem)
{
    m_message->setStyleSheet(problem ? QStringLiteral("color: #c62828;") : QString());
    m_message->setText(text);
}

QString TrainPanel::messageText() const
{
    return m_message->text();
}

QString TrainPanel::overfitVerdictText() const
{
    return m_overfitVerdict->text();
}

void TrainPanel::showDiagnosis(const std::vector<EpochMetrics> &history, int classes, bool ended)
{
    m_diagnosis = diagnose(history, classes);
    if (ended && m_diagnosis.verdict == Verdict::NoneYet) {
        m_diagnosis.title = tr("No verdict");
        m_diagnosis.evidence = history.empty()
            ? tr("The run ended before its first epoch was evaluated.")
            : tr("The run ended after %n epoch(s): too few to read a trend from the curves. Train for more epochs "
                 "to get a verdict.",
                 nullptr, int(history.size()));
    }
    m_banner->showDiagnosis(m_diagnosis);
}

void TrainPanel::beginLiveRun(const QString &runDir, const std::vector<EpochMetrics> &history)
{
    m_liveRunDir = QDir(runDir).absolutePath();
    m_history = history;
    m_liveClasses = m_inspection ? int(m_inspection->dataset.classes.size()) : 0;
    m_plot->setHistory(history);
    int best = 0;
    for (const EpochMetrics &m : history)
        if (m.best)
            best = m.epoch;
    m_plot->setMarks(best, 0);
    m_plot->resetView();
    showDiagnosis(m_history, m_liveClasses);
    m_epochBar->setRange(0, 1);
    m_epochBar->setValue(0);
    m_epochBar->setFormat(tr("starting…"));
    m_stepBar->setRange(0, 1);
    m_stepBar->setValue(0);
    m_stepBar->setFormat(QString());
    m_speed->setText(tr("Preparing the data and the model…"));
    // The trainer writes config.json once the anchors are tuned: until then, every progress report looks.
    m_liveAnchorsRead = showAnchors(m_liveRunDir);
    refreshRuns();
    updateOverlays(m_liveRunDir);
    updateButtons();
}

bool TrainPanel::startRun()
{
    if (!m_inspection) {
        showMessage(tr("Open a dataset first."), true);
        return false;
    }
    const TrainConfig cfg = config();
    if (const QString problem = cfg.validate(); !problem.isEmpty()) {
        showMessage(problem, true);
        return false;
    }
    if (m_runsRoot.isEmpty() || !QDir().mkpath(m_runsRoot)) {
        showMessage(tr("Cannot create the runs folder %1.").arg(m_runsRoot), true);
        return false;
    }
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString runDir = QDir(m_runsRoot).filePath(stamp);
    for (int i = 2; QFileInfo::exists(runDir); ++i)
        runDir = QDir(m_runsRoot).filePath(QStringLiteral("%1-%2").arg(stamp).arg(i));
    showMessage(QString());
    if (!m_controller.start(m_inspection->dataset, cfg, runDir, false))
        return false;
    beginLiveRun(runDir, {});
    return true;
}

bool TrainPanel::resumeRun(const QString &runDir)
{
    const RunSummary r = runfolder::summarizeRun(runDir);
    if (!m_inspection) {
        showMessage(tr("Open the dataset the run was trained on to resume it."), true);
        return false;
    }
    if (!r.configReadable) {
        showMessage(tr("Cannot resume %1: %2").arg(r.name, r.message), true);
        return false;
    }
    const QString trainedOn = QFileInfo(r.datasetRoot).canonicalFilePath();
    const QString open = QFileInfo(m_inspection->dataset.root).canonicalFilePath();
    if (!r.datasetRoot.isEmpty() && trainedOn != open) {
        showMessage(tr("Run %1 was trained on %2; open that dataset to resume it.").arg(r.name, r.datasetRoot), true);
        return false;
    }
    if (!r.hasCheckpoint) {
        showMessage(tr("Run %1 has no checkpoint to resume from.").arg(r.name), true);
        return false;
    }
    showMessage(tr("Resuming run %1 after epoch %2.").arg(r.name).arg(r.history.empty() ? 0 : r.history.back().epoch));
    // The run trains on with its own pipeline (in r.config); the form shows the rest of its
    // settings, and the Augment page keeps what the user was editing there.
    TrainConfig shown = r.config;
    shown.pipelineJson.clear();
    shown.augmentFile.clear();
    setConfig(shown);
    if (!m_controller.start(m_inspection->dataset, r.config, r.dir, true))
        return false;
    beginLiveRun(r.dir, r.history);
    return true;
}

void TrainPanel::runOverfitCheck()
{
    if (!m_inspection)
        return;
    const TrainConfig cfg = config();
    OverfitOptions options;
    options.task = cfg.task;
    options.model = cfg.model;
    options.threads = cfg.threads;
    options.seed = cfg.seed;
    options.precision = cfg.precision;
    // A detector is checked on the tiles and region it will train on, with the same anchors.
    options.tiles = cfg.tiles;
    options.tileOverlap = cfg.tileOverlap;
    options.roi = cfg.roi;
    options.anchors = cfg.anchors;
    QStringList cut;
    if (cfg.tiles != QLatin1String("1x1"))
        cut << tr("%1 tiles, overlap %2 px").arg(cfg.tiles).arg(cfg.tileOverlap);
    if (!cfg.roi.isEmpty())
        cut << tr("region %1").arg(cfg.roi);
    m_overfitVerdict->setStyleSheet(QString());
    m_overfitVerdict->setText(cut.isEmpty()
            ? tr("Checking: training %1 on %2 images…").arg(options.model).arg(options.images)
            : tr("Checking: training %1 on %2 images (%3)…")
                  .arg(options.model)
                  .arg(options.images)
                  .arg(cut.join(QStringLiteral(", "))));
    m_controller.startOverfitCheck(m_inspection->dataset, options);
    updateButtons();
}

void TrainPanel::onProgress(const TrainProgress &p, const QVector<QPointF> &losses)
{
    if (!m_liveAnchorsRead)
        m_liveAnchorsRead = showAnchors(m_liveRunDir);
    m_plot->addStepLosses(losses);
    m_epochBar->setRange(0, std::max(1, p.epochs));
    m_epochBar->setValue(std::max(0, p.epoch - 1));
    m_epochBar->setFormat(tr("epoch %1 of %2").arg(p.epoch).arg(p.epochs));
    m_stepBar->setRange(0, std::max(1, p.stepsPerEpoch));
    m_stepBar->setValue(p.step);
    m_stepBar->setFormat(tr("step %1 of %2").arg(p.step).arg(p.stepsPerEpoch));
    m_speed->setText(tr("%1 images/s · %2 left · loss %3 · learning rate %4")
                         .arg(numberText(p.imagesPerSecond, 'f', 1))
                         .arg(durationText(p.etaSeconds))
                         .arg(numberText(p.loss, 'g', 4))
                         .arg(numberText(p.learningRate, 'g', 3)));
}

void TrainPanel::onEpoch(const EpochMetrics &m)
{
    if (!m_liveAnchorsRead)
        m_liveAnchorsRead = showAnchors(m_liveRunDir);
    m_history.push_back(m);
    m_plot->addEpoch(m);
    m_epochBar->setValue(m.epoch);
    if (m.best)
        m_plot->setMarks(m.epoch, 0);
    showDiagnosis(m_history, m_liveClasses);
    // The run's row (status, best F1) changes every epoch.
    refreshRuns();
}

void TrainPanel::onFinished(const TrainResult &result)
{
    const int stopped = result.outcome == TrainOutcome::EarlyStopped ? result.epochsRun : 0;
    m_plot->setMarks(result.bestEpoch, stopped);
    QString text = tr("Run %1: %2.").arg(QFileInfo(m_liveRunDir).fileName(), outcomeText(result.outcome));
    if (!result.message.isEmpty())
        text += QLatin1Char(' ') + result.message;
    const bool problem = result.outcome == TrainOutcome::Diverged;
    showMessage(text, problem);
    showDiagnosis(m_history, m_liveClasses, true);
    if (result.outcome == TrainOutcome::Diverged) {
        // The trainer stopped before the epoch's numbers existed; the banner still has to say why,
        // in the trainer's words: a dev-only blow-up (batch norm) is not a divergence of training.
        if (m_diagnosis.verdict != Verdict::Diverging) {
            m_diagnosis.verdict = Verdict::Diverging;
            m_banner->setText(QStringLiteral("<b>%1.</b> %2").arg(html(tr("Stopped")), html(result.message)));
        }
    }
    m_epochBar->setFormat(tr("%1 after %2 epochs").arg(outcomeText(result.outcome)).arg(result.epochsRun));
    m_speed->setText(QString());
    const QString finishedDir = m_liveRunDir;
    // The window may have moved to another dataset meanwhile.
    m_runsRoot = m_inspection ? projectfile::folderFor(m_inspection->dataset.root) : m_runsRoot;
    refreshRuns();
    m_runsList->selectQuietly(finishedDir);
    updateOverlays(finishedDir);
    updateButtons();
}

void TrainPanel::onError(const QString &message)
{
    showMessage(tr("Training could not run: %1").arg(message), true);
    m_epochBar->setFormat(tr("failed"));
    m_speed->setText(QString());
    refreshRuns();
    updateButtons();
}

bool TrainPanel::maybeStop(StopFor why)
{
    if (!m_controller.isRunning() && !m_controller.isCheckingOverfit())
        return true;
    const bool close = why == StopFor::Close;
    const QString question =
        m_controller.isRunning()
            ? (close ? tr("A training run is in progress (%1). Stop it and close?\n\nIts last checkpoint (after the "
                          "last finished epoch) is kept: the run can be resumed from the Train page when this "
                          "dataset is opened again.")
                     : tr("A training run on this dataset is in progress (%1). Stop it and open the other "
                          "dataset?\n\nIts last checkpoint (after the last finished epoch) is kept: the run can be "
                          "resumed from the Train page when this dataset is opened again."))
                  .arg(m_epochBar->format())
            : (close ? tr("The overfit check is still running. Stop it and close?")
                     : tr("The overfit check is still running. Stop it and open the other dataset?"));
    const auto answer = QMessageBox::question(this, tr("Stop training?"), question,
                                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return false;
    m_controller.cancelAndWait();
    return true;
}

} // namespace loupe
