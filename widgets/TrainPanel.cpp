#include "TrainPanel.h"

#include "dataset/Errors.h"
#include "project/Project.h"
#include "project/RunFolder.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

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
    , m_preset(new QComboBox(this))
    , m_model(new QComboBox(this))
    , m_init(new QComboBox(this))
    , m_imageSize(new QSpinBox(this))
    , m_batch(new QSpinBox(this))
    , m_optimizer(new QComboBox(this))
    , m_lr(new QDoubleSpinBox(this))
    , m_weightDecay(new QDoubleSpinBox(this))
    , m_schedule(new QComboBox(this))
    , m_warmup(new QSpinBox(this))
    , m_epochs(new QSpinBox(this))
    , m_patience(new QSpinBox(this))
    , m_classWeights(new QComboBox(this))
    , m_augment(new QComboBox(this))
    , m_threads(new QSpinBox(this))
    , m_seed(new QSpinBox(this))
    , m_start(new QPushButton(tr("Start"), this))
    , m_pause(new QPushButton(tr("Pause"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_overfit(new QPushButton(tr("Overfit check"), this))
    , m_overfitVerdict(new QLabel(this))
    , m_message(new QLabel(this))
    , m_epochBar(new QProgressBar(this))
    , m_stepBar(new QProgressBar(this))
    , m_speed(new QLabel(this))
    , m_banner(new QLabel(this))
    , m_plot(new LossPlot(this))
    , m_runsView(new QTableView(this))
    , m_resume(new QPushButton(tr("Resume"), this))
{
    auto *form = new QWidget;
    buildForm(form);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("trainForm"));
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(form->sizeHint().width() + 24);

    // Right: progress, diagnosis, curves, runs.
    m_epochBar->setObjectName(QStringLiteral("epochProgress"));
    m_stepBar->setObjectName(QStringLiteral("stepProgress"));
    m_epochBar->setFormat(tr("no run"));
    m_stepBar->setFormat(QString());
    m_epochBar->setValue(0);
    m_stepBar->setValue(0);
    m_speed->setObjectName(QStringLiteral("speed"));
    m_banner->setObjectName(QStringLiteral("diagnosis"));
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::RichText);
    m_banner->setMinimumHeight(40);
    auto *bars = new QHBoxLayout;
    bars->addWidget(m_epochBar, 1);
    bars->addWidget(m_stepBar, 1);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(bars);
    topLayout->addWidget(m_speed);
    topLayout->addWidget(m_banner);
    topLayout->addWidget(m_plot, 1);

    m_runsView->setObjectName(QStringLiteral("runs"));
    m_runsView->setModel(&m_runs);
    m_runsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_runsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_runsView->verticalHeader()->setVisible(false);
    m_runsView->horizontalHeader()->setStretchLastSection(false);
    m_runsView->horizontalHeader()->setSectionResizeMode(RunsModel::ConfigColumn, QHeaderView::Stretch);
    m_runsView->horizontalHeader()->setSectionResizeMode(RunsModel::RunColumn, QHeaderView::ResizeToContents);
    m_runsView->horizontalHeader()->setSectionResizeMode(RunsModel::StatusColumn, QHeaderView::ResizeToContents);
    m_runsView->horizontalHeader()->setSectionResizeMode(RunsModel::F1Column, QHeaderView::ResizeToContents);
    m_resume->setObjectName(QStringLiteral("resumeRun"));
    m_resume->setToolTip(tr("Continue the selected cancelled or interrupted run from its last checkpoint."));
    auto *runsButtons = new QHBoxLayout;
    auto *runsTitle = new QLabel(tr("<b>Runs</b> (select one to see its curves)"), this);
    runsButtons->addWidget(runsTitle);
    runsButtons->addStretch(1);
    auto *refresh = new QPushButton(tr("Refresh"), this);
    refresh->setObjectName(QStringLiteral("refreshRuns"));
    runsButtons->addWidget(refresh);
    runsButtons->addWidget(m_resume);
    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addLayout(runsButtons);
    bottomLayout->addWidget(m_runsView);

    auto *rightSplit = new QSplitter(Qt::Vertical, this);
    rightSplit->setObjectName(QStringLiteral("trainRightSplit"));
    rightSplit->addWidget(top);
    rightSplit->addWidget(bottom);
    rightSplit->setStretchFactor(0, 3);
    rightSplit->setStretchFactor(1, 1);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("trainSplit"));
    split->addWidget(scroll);
    split->addWidget(rightSplit);
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
    connect(m_resume, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_runsView->currentIndex();
        if (const RunSummary *r = m_runs.run(current.row()))
            resumeRun(r->dir);
    });
    connect(refresh, &QPushButton::clicked, this, &TrainPanel::refreshRuns);
    connect(m_runsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                showRun(current.row());
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
        m_overfitVerdict->setText(tr("Checking: step %1, loss %2").arg(step).arg(loss, 0, 'g', 3));
    });
    connect(&m_controller, &TrainController::overfitFinished, this, [this](const OverfitResult &r) {
        m_overfitVerdict->setStyleSheet(r.passed ? QStringLiteral("color: #1a7f1a;") : QStringLiteral("color: #c62828;"));
        if (r.passed) {
            m_overfitVerdict->setText(tr("Passed: loss %1 after %2 steps, %3 of %4 images right.")
                                          .arg(r.finalLoss, 0, 'g', 3)
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

void TrainPanel::buildForm(QWidget *form)
{
    auto *layout = new QVBoxLayout(form);

    auto *presetRow = new QHBoxLayout;
    m_preset->setObjectName(QStringLiteral("preset"));
    m_preset->setToolTip(tr("Presets are kept in loupe-runs/presets.json next to the runs."));
    auto *savePreset = new QToolButton(form);
    savePreset->setObjectName(QStringLiteral("savePreset"));
    savePreset->setText(tr("Save…"));
    auto *deletePreset = new QToolButton(form);
    deletePreset->setObjectName(QStringLiteral("deletePreset"));
    deletePreset->setText(tr("Delete"));
    presetRow->addWidget(new QLabel(tr("Preset"), form));
    presetRow->addWidget(m_preset, 1);
    presetRow->addWidget(savePreset);
    presetRow->addWidget(deletePreset);
    layout->addLayout(presetRow);

    auto group = [&](const QString &title) {
        auto *box = new QGroupBox(title, form);
        auto *f = new QFormLayout(box);
        f->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        layout->addWidget(box);
        return f;
    };

    QFormLayout *model = group(tr("Model"));
    m_model->setObjectName(QStringLiteral("model"));
    m_model->addItems({QStringLiteral("resnet18"), QStringLiteral("resnet34"), QStringLiteral("resnet50"),
                       QStringLiteral("vgg16"), QStringLiteral("vgg19")});
    model->addRow(tr("Backbone"), m_model);
    m_init->setObjectName(QStringLiteral("initWeights"));
    m_init->setEditable(true);
    m_init->lineEdit()->setPlaceholderText(tr("none: random weights"));
    m_init->setToolTip(tr("A TorchScript weights file or an earlier run folder (its best checkpoint)."));
    m_init->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_init->setMinimumContentsLength(12);
    auto *initBrowse = new QToolButton(form);
    initBrowse->setText(tr("…"));
    initBrowse->setToolTip(tr("Choose a weights file"));
    auto *initRow = new QHBoxLayout;
    initRow->addWidget(m_init, 1);
    initRow->addWidget(initBrowse);
    model->addRow(tr("Initial weights"), initRow);
    m_imageSize->setObjectName(QStringLiteral("imageSize"));
    m_imageSize->setRange(16, 2048);
    m_imageSize->setSingleStep(16);
    m_imageSize->setSuffix(tr(" px"));
    model->addRow(tr("Image size"), m_imageSize);

    QFormLayout *opt = group(tr("Optimisation"));
    m_batch->setObjectName(QStringLiteral("batch"));
    m_batch->setRange(1, 4096);
    opt->addRow(tr("Batch"), m_batch);
    m_optimizer->setObjectName(QStringLiteral("optimizer"));
    m_optimizer->addItems({QStringLiteral("sgd"), QStringLiteral("adam"), QStringLiteral("adamw")});
    opt->addRow(tr("Optimizer"), m_optimizer);
    m_lr->setObjectName(QStringLiteral("learningRate"));
    m_lr->setDecimals(6);
    m_lr->setRange(1e-6, 10.0);
    m_lr->setSingleStep(0.0001);
    opt->addRow(tr("Learning rate"), m_lr);
    m_schedule->setObjectName(QStringLiteral("schedule"));
    m_schedule->addItem(tr("constant"), QStringLiteral("none"));
    m_schedule->addItem(tr("step (÷10 every 10 epochs)"), QStringLiteral("step"));
    m_schedule->addItem(tr("cosine"), QStringLiteral("cosine"));
    opt->addRow(tr("Schedule"), m_schedule);
    m_warmup->setObjectName(QStringLiteral("warmup"));
    m_warmup->setRange(0, 100);
    m_warmup->setSuffix(tr(" epochs"));
    opt->addRow(tr("Warm-up"), m_warmup);
    m_weightDecay->setObjectName(QStringLiteral("weightDecay"));
    m_weightDecay->setDecimals(6);
    m_weightDecay->setRange(0, 1);
    m_weightDecay->setSingleStep(0.0001);
    opt->addRow(tr("Weight decay"), m_weightDecay);
    m_epochs->setObjectName(QStringLiteral("epochs"));
    m_epochs->setRange(1, 10000);
    opt->addRow(tr("Epochs"), m_epochs);
    m_patience->setObjectName(QStringLiteral("patience"));
    m_patience->setRange(0, 1000);
    m_patience->setSpecialValueText(tr("off"));
    m_patience->setToolTip(tr("Stop after this many epochs without a lower dev loss."));
    opt->addRow(tr("Early stopping"), m_patience);

    QFormLayout *data = group(tr("Data"));
    m_classWeights->setObjectName(QStringLiteral("classWeights"));
    m_classWeights->addItem(tr("none"), QStringLiteral("none"));
    m_classWeights->addItem(tr("auto (inverse frequency)"), QStringLiteral("auto"));
    data->addRow(tr("Class weights"), m_classWeights);
    m_augment->setObjectName(QStringLiteral("augment"));
    m_augment->setEditable(true);
    m_augment->addItem(tr("default"), QString());
    m_augment->addItem(tr("none"), QStringLiteral("none"));
    m_augment->setToolTip(tr("default: Loupe's training pipeline; none: resize and normalise only; or a pipeline "
                             "JSON saved from the augmentation page."));
    m_augment->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_augment->setMinimumContentsLength(12);
    auto *augmentBrowse = new QToolButton(form);
    augmentBrowse->setText(tr("…"));
    augmentBrowse->setToolTip(tr("Choose a pipeline JSON"));
    auto *augmentRow = new QHBoxLayout;
    augmentRow->addWidget(m_augment, 1);
    augmentRow->addWidget(augmentBrowse);
    data->addRow(tr("Augmentation"), augmentRow);

    QFormLayout *run = group(tr("Run"));
    m_threads->setObjectName(QStringLiteral("threads"));
    m_threads->setRange(0, 256);
    m_threads->setSpecialValueText(tr("every core"));
    run->addRow(tr("Threads"), m_threads);
    m_seed->setObjectName(QStringLiteral("seed"));
    m_seed->setRange(0, std::numeric_limits<int>::max());
    run->addRow(tr("Seed"), m_seed);

    m_start->setObjectName(QStringLiteral("startRun"));
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
    layout->addStretch(1);

    setConfig(TrainConfig{});
    connect(savePreset, &QToolButton::clicked, this, &TrainPanel::savePreset);
    connect(deletePreset, &QToolButton::clicked, this, &TrainPanel::deletePreset);
    connect(m_preset, &QComboBox::textActivated, this, &TrainPanel::applyPreset);
    connect(initBrowse, &QToolButton::clicked, this, &TrainPanel::chooseInitWeights);
    connect(augmentBrowse, &QToolButton::clicked, this, &TrainPanel::chooseAugmentFile);
}

TrainConfig TrainPanel::config() const
{
    TrainConfig c;
    c.model = m_model->currentText();
    c.initWeights = m_init->currentText().trimmed();
    c.imageSize = m_imageSize->value();
    c.batchSize = m_batch->value();
    c.optimizer = m_optimizer->currentText();
    c.learningRate = m_lr->value();
    c.weightDecay = m_weightDecay->value();
    c.schedule = m_schedule->currentData().toString();
    c.warmupEpochs = m_warmup->value();
    c.epochs = m_epochs->value();
    c.earlyStopPatience = m_patience->value();
    c.classWeights = m_classWeights->currentData().toString();
    const QString augment = m_augment->currentText().trimmed();
    const int known = m_augment->findText(augment);
    c.augmentFile = known >= 0 ? m_augment->itemData(known).toString() : augment;
    c.threads = m_threads->value();
    c.seed = quint64(m_seed->value());
    return c;
}

void TrainPanel::setConfig(const TrainConfig &c)
{
    m_model->setCurrentText(c.model);
    m_init->setEditText(c.initWeights);
    m_imageSize->setValue(c.imageSize);
    m_batch->setValue(c.batchSize);
    m_optimizer->setCurrentText(c.optimizer);
    m_lr->setValue(c.learningRate);
    m_weightDecay->setValue(c.weightDecay);
    m_schedule->setCurrentIndex(std::max(0, m_schedule->findData(c.schedule)));
    m_warmup->setValue(c.warmupEpochs);
    m_epochs->setValue(c.epochs);
    m_patience->setValue(c.earlyStopPatience);
    // Explicit weights have no field here; "auto" is the nearest the form can say.
    m_classWeights->setCurrentIndex(c.classWeights == QLatin1String("none") ? 0 : 1);
    const int known = m_augment->findData(c.augmentFile);
    if (known >= 0)
        m_augment->setCurrentIndex(known);
    else
        m_augment->setEditText(c.augmentFile);
    m_threads->setValue(c.threads);
    m_seed->setValue(int(std::min<quint64>(c.seed, quint64(std::numeric_limits<int>::max()))));
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
        const int side = std::max(median.width(), median.height());
        if (side > 0 && side < m_imageSize->value())
            m_imageSize->setValue(std::max(32, (side + 15) / 16 * 16));
    }
    loadPresets();
    m_plot->clearRun();
    m_history.clear();
    showDiagnosis({}, 0);
    showMessage(QString());
    m_overfitVerdict->clear();
    refreshRuns();
    // Offer to resume what a closed window or a crash left behind.
    for (int row = 0; row < int(m_runs.runs().size()); ++row) {
        const RunSummary &r = m_runs.runs()[row];
        if (r.status == RunStatus::Interrupted && r.resumable()) {
            m_runsView->selectRow(row);
            showRun(row);
            showMessage(tr("Run %1 was interrupted after epoch %2 of %3. Press Resume to continue it from its "
                           "checkpoint.")
                            .arg(r.name)
                            .arg(r.history.empty() ? 0 : r.history.back().epoch)
                            .arg(r.config.epochs));
            break;
        }
    }
    updateButtons();
}

void TrainPanel::refreshRuns()
{
    const QString selected = m_runs.run(m_runsView->currentIndex().row())
                                 ? m_runs.run(m_runsView->currentIndex().row())->dir
                                 : QString();
    {
        const QSignalBlocker block(m_runsView->selectionModel());
        m_runs.refresh(m_runsRoot, m_controller.isRunning() ? m_liveRunDir : QString());
        const int row = m_runs.rowOfDir(selected.isEmpty() ? m_liveRunDir : selected);
        if (row >= 0)
            m_runsView->selectRow(row);
    }
    // Earlier runs as starting weights.
    const QString init = m_init->currentText();
    m_init->clear();
    for (const RunSummary &r : m_runs.runs())
        if (r.hasCheckpoint && r.dir != QDir(m_liveRunDir).absolutePath())
            m_init->addItem(r.dir);
    m_init->setEditText(init);
    const RunSummary *shown = m_runs.run(m_runsView->currentIndex().row());
    updateOverlays(m_controller.isRunning() ? m_liveRunDir : (shown ? shown->dir : QString()));
    updateButtons();
}

void TrainPanel::updateOverlays(const QString &exceptDir)
{
    const QString except = exceptDir.isEmpty() ? QString() : QDir(exceptDir).absolutePath();
    QList<LossPlot::Overlay> overlays;
    for (const RunSummary &r : m_runs.runs()) {
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
    const RunSummary *r = m_runs.run(row);
    if (!r)
        return;
    m_plot->setHistory(r->history);
    const bool stopped = r->status == RunStatus::StoppedEarly && !r->history.empty();
    m_plot->setMarks(r->bestEpoch, stopped ? r->history.back().epoch : 0);
    updateOverlays(r->dir);
    m_plot->resetView();
    showDiagnosis(r->history, r->classes);
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
    const RunSummary *r = m_runs.run(m_runsView->currentIndex().row());
    m_resume->setEnabled(haveData && !running && !checking && r && r->resumable());
    for (QWidget *w : std::initializer_list<QWidget *>{m_model, m_init, m_imageSize, m_batch, m_optimizer, m_lr,
                                                      m_weightDecay, m_schedule, m_warmup, m_epochs, m_patience,
                                                      m_classWeights, m_augment, m_threads, m_seed, m_preset})
        w->setEnabled(!running);
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

void TrainPanel::showDiagnosis(const std::vector<EpochMetrics> &history, int classes)
{
    m_diagnosis = diagnose(history, classes);
    QString background = QStringLiteral("#eef2f7"), border = QStringLiteral("#b8c4d6");
    switch (m_diagnosis.verdict) {
    case Verdict::Underfitting:
    case Verdict::Overfitting:
        background = QStringLiteral("#fff4e0");
        border = QStringLiteral("#e0a040");
        break;
    case Verdict::Diverging:
        background = QStringLiteral("#fdecea");
        border = QStringLiteral("#d9534f");
        break;
    case Verdict::Converged:
        background = QStringLiteral("#e8f5e9");
        border = QStringLiteral("#5cb85c");
        break;
    case Verdict::NoneYet:
    case Verdict::Converging: break;
    }
    m_banner->setStyleSheet(QStringLiteral("QLabel#diagnosis { background: %1; border: 1px solid %2; border-radius: 4px; "
                                           "padding: 4px 8px; color: #202020; }")
                                .arg(background, border));
    QString text = QStringLiteral("<b>%1.</b> %2").arg(html(m_diagnosis.title), html(m_diagnosis.evidence));
    if (!m_diagnosis.remedies.isEmpty()) {
        text += QStringLiteral("<br/>") + tr("<i>The practice suggests:</i>");
        for (int i = 0; i < m_diagnosis.remedies.size(); ++i)
            text += QStringLiteral("<br/>&nbsp;%1. %2").arg(i + 1).arg(html(m_diagnosis.remedies[i]));
    }
    m_banner->setText(text);
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
    setConfig(r.config);
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
    options.model = cfg.model;
    options.threads = cfg.threads;
    options.seed = cfg.seed;
    m_overfitVerdict->setStyleSheet(QString());
    m_overfitVerdict->setText(tr("Checking: training %1 on %2 images…").arg(options.model).arg(options.images));
    m_controller.startOverfitCheck(m_inspection->dataset, options);
    updateButtons();
}

void TrainPanel::onProgress(const TrainProgress &p, const QVector<QPointF> &losses)
{
    m_plot->addStepLosses(losses);
    m_epochBar->setRange(0, std::max(1, p.epochs));
    m_epochBar->setValue(std::max(0, p.epoch - 1));
    m_epochBar->setFormat(tr("epoch %1 of %2").arg(p.epoch).arg(p.epochs));
    m_stepBar->setRange(0, std::max(1, p.stepsPerEpoch));
    m_stepBar->setValue(p.step);
    m_stepBar->setFormat(tr("step %1 of %2").arg(p.step).arg(p.stepsPerEpoch));
    m_speed->setText(tr("%1 images/s · %2 left · loss %3 · learning rate %4")
                         .arg(p.imagesPerSecond, 0, 'f', 1)
                         .arg(durationText(p.etaSeconds))
                         .arg(p.loss, 0, 'g', 4)
                         .arg(p.learningRate, 0, 'g', 3));
}

void TrainPanel::onEpoch(const EpochMetrics &m)
{
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
    if (result.outcome == TrainOutcome::Diverged) {
        // The trainer stopped before the epoch's numbers existed; the banner still has to say why.
        showDiagnosis(m_history, m_liveClasses);
        if (m_diagnosis.verdict != Verdict::Diverging) {
            m_diagnosis.verdict = Verdict::Diverging;
            m_banner->setText(QStringLiteral("<b>%1.</b> %2").arg(html(tr("Diverging")), html(result.message)));
        }
    }
    m_epochBar->setFormat(tr("%1 after %2 epochs").arg(outcomeText(result.outcome)).arg(result.epochsRun));
    m_speed->setText(QString());
    const QString finishedDir = m_liveRunDir;
    // The window may have moved to another dataset meanwhile.
    m_runsRoot = m_inspection ? projectfile::folderFor(m_inspection->dataset.root) : m_runsRoot;
    refreshRuns();
    const int row = m_runs.rowOfDir(finishedDir);
    if (row >= 0) {
        const QSignalBlocker block(m_runsView->selectionModel());
        m_runsView->selectRow(row);
    }
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

bool TrainPanel::maybeStopForClose()
{
    if (!m_controller.isRunning() && !m_controller.isCheckingOverfit())
        return true;
    const QString question =
        m_controller.isRunning()
            ? tr("A training run is in progress (%1). Stop it and close?\n\nThe last checkpoint is kept: the run "
                 "can be resumed from the Train page when this dataset is opened again.")
                  .arg(m_epochBar->format())
            : tr("The overfit check is still running. Stop it and close?");
    const auto answer = QMessageBox::question(this, tr("Stop training?"), question,
                                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return false;
    m_controller.cancelAndWait();
    return true;
}

QString TrainPanel::presetsPath() const
{
    return m_runsRoot.isEmpty() ? QString() : QDir(m_runsRoot).filePath(QStringLiteral("presets.json"));
}

void TrainPanel::loadPresets()
{
    m_preset->clear();
    m_preset->addItem(tr("(form as is)"));
    QFile f(presetsPath());
    if (presetsPath().isEmpty() || !f.open(QIODevice::ReadOnly))
        return;
    const QJsonObject presets = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("presets")).toObject();
    for (auto it = presets.begin(); it != presets.end(); ++it)
        m_preset->addItem(it.key());
}

void TrainPanel::applyPreset(const QString &name)
{
    QFile f(presetsPath());
    if (m_preset->currentIndex() <= 0 || !f.open(QIODevice::ReadOnly))
        return;
    const QJsonObject presets = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("presets")).toObject();
    try {
        setConfig(TrainConfig::fromJson(presets.value(name).toObject()));
        showMessage(tr("Preset %1 loaded.").arg(name));
    } catch (const DatasetError &e) {
        showMessage(tr("Preset %1 cannot be used: %2").arg(name, e.message()), true);
    }
}

void TrainPanel::savePreset()
{
    if (presetsPath().isEmpty()) {
        showMessage(tr("Open a dataset first: presets are kept next to its runs."), true);
        return;
    }
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save preset"), tr("Name of the preset:"), QLineEdit::Normal,
                                               m_preset->currentIndex() > 0 ? m_preset->currentText() : QString(), &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    QJsonObject root;
    QFile f(presetsPath());
    if (f.open(QIODevice::ReadOnly))
        root = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    QJsonObject presets = root.value(QStringLiteral("presets")).toObject();
    QJsonObject cfg = config().toJson();
    cfg.remove(QStringLiteral("pipeline"));
    presets.insert(name, cfg);
    root.insert(QStringLiteral("presets"), presets);
    if (const QString error = runfolder::writeAtomically(presetsPath(), QJsonDocument(root).toJson()); !error.isEmpty()) {
        showMessage(error, true);
        return;
    }
    loadPresets();
    m_preset->setCurrentText(name);
    showMessage(tr("Preset %1 saved in %2.").arg(name, presetsPath()));
}

void TrainPanel::deletePreset()
{
    const QString name = m_preset->currentText();
    if (m_preset->currentIndex() <= 0)
        return;
    QFile f(presetsPath());
    if (!f.open(QIODevice::ReadOnly))
        return;
    QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    QJsonObject presets = root.value(QStringLiteral("presets")).toObject();
    presets.remove(name);
    root.insert(QStringLiteral("presets"), presets);
    if (const QString error = runfolder::writeAtomically(presetsPath(), QJsonDocument(root).toJson()); !error.isEmpty()) {
        showMessage(error, true);
        return;
    }
    loadPresets();
}

void TrainPanel::chooseInitWeights()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Initial weights"), m_runsRoot,
                                                      tr("TorchScript weights (*.pt *.pth);;All files (*)"));
    if (!file.isEmpty())
        m_init->setEditText(file);
}

void TrainPanel::chooseAugmentFile()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Augmentation pipeline"), m_runsRoot,
                                                      tr("Pipeline JSON (*.json);;All files (*)"));
    if (!file.isEmpty())
        m_augment->setEditText(file);
}

} // namespace loupe
