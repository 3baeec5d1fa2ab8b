#include "TrainForm.h"

#include "augment/Pipeline.h"
#include "dataset/Errors.h"
#include "model/Precision.h"
#include "project/Presets.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QFile>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <limits>
#include <memory>
#include <vector>

namespace loupe {

namespace {

// The form was part of TrainPanel: its strings keep that translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::TrainPanel)
};

/// A spin box for small rates: the locale's decimal sign and only the digits the value needs
/// ("0,01", not "0,010000"), with up to `decimals()` digits still accepted when typed.
/// A group's fields in two label / field columns: short fields pair up on a row, long ones span
/// both, so that the whole form fits a 1024 × 700 window without scrolling.
class FormGrid
{
public:
    explicit FormGrid(QGroupBox *box)
        : m_box(box)
        , m_grid(new QGridLayout(box))
    {
        m_grid->setContentsMargins(6, 2, 6, 4);
        m_grid->setVerticalSpacing(3);
        m_grid->setColumnStretch(1, 1);
        m_grid->setColumnStretch(3, 1);
    }

    void addRow(const QString &label, QWidget *field)
    {
        place(label, 0);
        m_grid->addWidget(field, m_row++, 1, 1, 3);
    }

    void addRow(const QString &label, QLayout *field)
    {
        place(label, 0);
        m_grid->addLayout(field, m_row++, 1, 1, 3);
    }

    void addPair(const QString &label, QWidget *field, const QString &label2, QWidget *field2)
    {
        place(label, 0)->setBuddy(field);
        m_grid->addWidget(field, m_row, 1);
        place(label2, 2)->setBuddy(field2);
        m_grid->addWidget(field2, m_row++, 3);
    }

private:
    QLabel *place(const QString &text, int column)
    {
        auto *label = new QLabel(text, m_box);
        m_grid->addWidget(label, m_row, column);
        return label;
    }

    QGroupBox *m_box;
    QGridLayout *m_grid;
    int m_row = 0;
};

class RateSpinBox : public QDoubleSpinBox
{
public:
    using QDoubleSpinBox::QDoubleSpinBox;
    QString textFromValue(double value) const override
    {
        QLocale l = locale();
        l.setNumberOptions(l.numberOptions() | QLocale::OmitGroupSeparator);
        return l.toString(value, 'f', QLocale::FloatingPointShortest);
    }
};

} // namespace

TrainForm::TrainForm(QWidget *parent)
    : QWidget(parent)
    , m_preset(new QComboBox(this))
    , m_presetNote(new QLabel(this))
    , m_model(new QComboBox(this))
    , m_init(new QComboBox(this))
    , m_imageSize(new QSpinBox(this))
    , m_batch(new QSpinBox(this))
    , m_optimizer(new QComboBox(this))
    , m_lr(new RateSpinBox(this))
    , m_weightDecay(new RateSpinBox(this))
    , m_schedule(new QComboBox(this))
    , m_warmup(new QSpinBox(this))
    , m_epochs(new QSpinBox(this))
    , m_patience(new QSpinBox(this))
    , m_classWeights(new QComboBox(this))
    , m_task(new QComboBox(this))
    , m_tiles(new QLineEdit(this))
    , m_roi(new QLineEdit(this))
    , m_pipeline(new QLabel(this))
    , m_editPipeline(new QToolButton(this))
    , m_loadPipeline(new QToolButton(this))
    , m_precision(new QComboBox(this))
    , m_threads(new QSpinBox(this))
    , m_seed(new QSpinBox(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    auto *presetRow = new QHBoxLayout;
    m_preset->setObjectName(QStringLiteral("preset"));
    m_preset->setToolTip(Text::tr("Presets are kept in loupe-runs/loupe.json, the project file next to the runs."));
    auto *savePreset = new QToolButton(this);
    savePreset->setObjectName(QStringLiteral("savePreset"));
    savePreset->setText(Text::tr("Save…"));
    auto *deletePreset = new QToolButton(this);
    deletePreset->setObjectName(QStringLiteral("deletePreset"));
    deletePreset->setText(Text::tr("Delete"));
    presetRow->addWidget(new QLabel(Text::tr("Preset"), this));
    presetRow->addWidget(m_preset, 1);
    presetRow->addWidget(savePreset);
    presetRow->addWidget(deletePreset);
    layout->addLayout(presetRow);
    m_presetNote->setObjectName(QStringLiteral("presetNote"));
    m_presetNote->setWordWrap(true);
    m_presetNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_presetNote->hide();
    layout->addWidget(m_presetNote);

    std::vector<std::unique_ptr<FormGrid>> groups;
    auto group = [&](const QString &title) {
        auto *box = new QGroupBox(title, this);
        layout->addWidget(box);
        groups.push_back(std::make_unique<FormGrid>(box));
        return groups.back().get();
    };

    FormGrid *model = group(Text::tr("Model"));
    m_model->setObjectName(QStringLiteral("model"));
    m_model->addItems({QStringLiteral("resnet18"), QStringLiteral("resnet34"), QStringLiteral("resnet50"),
                       QStringLiteral("vgg16"), QStringLiteral("vgg19")});
    m_init->setObjectName(QStringLiteral("initWeights"));
    m_init->setEditable(true);
    m_init->lineEdit()->setPlaceholderText(Text::tr("none: random weights"));
    m_init->setToolTip(Text::tr("A state dict saved by torch.save (such as torchvision's ImageNet weights), a TorchScript file, or an earlier run folder (its best checkpoint)."));
    m_init->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_init->setMinimumContentsLength(12);
    m_initBrowse = new QToolButton(this);
    m_initBrowse->setObjectName(QStringLiteral("browseInitWeights"));
    m_initBrowse->setText(Text::tr("…"));
    m_initBrowse->setToolTip(Text::tr("Choose a weights file"));
    auto *initRow = new QHBoxLayout;
    initRow->addWidget(m_init, 1);
    initRow->addWidget(m_initBrowse);
    model->addPair(Text::tr("Backbone"), m_model, Text::tr("Image size"), m_imageSize);
    model->addRow(Text::tr("Initial weights"), initRow);
    // What the chosen file is, for the files torchvision keeps in PyTorch's hub cache.
    m_initNote = new QLabel(this);
    m_initNote->setObjectName(QStringLiteral("initWeightsNote"));
    m_initNote->setWordWrap(true);
    m_initNote->hide();
    model->addRow(QString(), m_initNote);
    connect(m_init, &QComboBox::currentTextChanged, this, &TrainForm::describeInitWeights);
    connect(m_model, &QComboBox::currentTextChanged, this, &TrainForm::describeInitWeights);
    m_imageSize->setObjectName(QStringLiteral("imageSize"));
    m_imageSize->setRange(16, 2048);
    m_imageSize->setSingleStep(16);
    m_imageSize->setSuffix(Text::tr(" px"));
    m_imageSize->setToolTip(Text::tr("The model's input size; the Augment page previews at this size"));

    FormGrid *opt = group(Text::tr("Optimisation"));
    m_batch->setObjectName(QStringLiteral("batch"));
    m_batch->setRange(1, 4096);
    m_optimizer->setObjectName(QStringLiteral("optimizer"));
    m_optimizer->addItems({QStringLiteral("sgd"), QStringLiteral("adam"), QStringLiteral("adamw")});
    m_lr->setObjectName(QStringLiteral("learningRate"));
    m_lr->setDecimals(6);
    m_lr->setRange(1e-6, 10.0);
    m_lr->setSingleStep(0.0001);
    m_schedule->setObjectName(QStringLiteral("schedule"));
    // Sized to "constant" and "cosine", not to the step schedule's long name: it shares its row.
    m_schedule->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_schedule->setMinimumContentsLength(8);
    m_schedule->addItem(Text::tr("constant"), QStringLiteral("none"));
    m_schedule->addItem(Text::tr("step (÷10 every 10 epochs)"), QStringLiteral("step"));
    m_schedule->addItem(Text::tr("cosine"), QStringLiteral("cosine"));
    m_warmup->setObjectName(QStringLiteral("warmup"));
    m_warmup->setRange(0, 100);
    m_warmup->setSuffix(Text::tr(" epochs"));
    m_weightDecay->setObjectName(QStringLiteral("weightDecay"));
    m_weightDecay->setDecimals(6);
    m_weightDecay->setRange(0, 1);
    m_weightDecay->setSingleStep(0.0001);
    m_epochs->setObjectName(QStringLiteral("epochs"));
    m_epochs->setRange(1, 10000);
    m_patience->setObjectName(QStringLiteral("patience"));
    m_patience->setRange(0, 1000);
    m_patience->setSpecialValueText(Text::tr("off"));
    m_patience->setToolTip(Text::tr("Stop after this many epochs without a lower dev loss."));

    opt->addPair(Text::tr("Optimizer"), m_optimizer, Text::tr("Learning rate"), m_lr);
    opt->addPair(Text::tr("Schedule"), m_schedule, Text::tr("Warm-up"), m_warmup);
    opt->addPair(Text::tr("Batch"), m_batch, Text::tr("Epochs"), m_epochs);
    opt->addPair(Text::tr("Weight decay"), m_weightDecay, Text::tr("Early stopping"), m_patience);

    FormGrid *data = group(Text::tr("Data"));
    m_classWeights->setObjectName(QStringLiteral("classWeights"));
    m_classWeights->addItem(Text::tr("none"), QStringLiteral("none"));
    m_classWeights->addItem(Text::tr("auto (inverse frequency)"), QStringLiteral("auto"));
    m_task->setObjectName(QStringLiteral("task"));
    m_task->addItem(Text::tr("from the labels"), QString());
    m_task->addItem(Text::tr("classify images"), QStringLiteral("classify"));
    m_task->addItem(Text::tr("detect objects"), QStringLiteral("detect"));
    m_task->setToolTip(Text::tr("From the labels: image labels train a classifier, boxes alone a detector."));
    data->addPair(Text::tr("Task"), m_task, Text::tr("Class weights"), m_classWeights);
    m_tiles->setObjectName(QStringLiteral("tiles"));
    m_tiles->setToolTip(Text::tr("Detection: cut each image (or the region) into rows × columns tiles, each fed at the "
                                 "image size, so that small defects keep their pixels. 1x1 feeds the whole image."));
    m_roi->setObjectName(QStringLiteral("roi"));
    m_roi->setPlaceholderText(Text::tr("whole image"));
    m_roi->setToolTip(Text::tr("Detection: the region of interest x,y,w,h in image pixels; only it is seen."));
    data->addPair(Text::tr("Tiles"), m_tiles, Text::tr("Region"), m_roi);
    // One pipeline: the one the Augment page edits and previews. It is shown here, not chosen here,
    // so that what the preview shows and what the run trains with cannot drift apart.
    m_pipeline->setObjectName(QStringLiteral("pipelineSummary"));
    m_pipeline->setWordWrap(true);
    m_pipeline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_editPipeline->setObjectName(QStringLiteral("editPipeline"));
    m_editPipeline->setText(Text::tr("Edit on the Augment page"));
    m_loadPipeline->setObjectName(QStringLiteral("loadPipeline"));
    m_loadPipeline->setText(Text::tr("Load…"));
    m_loadPipeline->setToolTip(Text::tr("Load a pipeline JSON into the Augment page"));
    auto *augmentRow = new QVBoxLayout;
    augmentRow->addWidget(m_pipeline);
    auto *augmentButtons = new QHBoxLayout;
    augmentButtons->addWidget(m_editPipeline);
    augmentButtons->addWidget(m_loadPipeline);
    augmentButtons->addStretch(1);
    augmentRow->addLayout(augmentButtons);
    data->addRow(Text::tr("Augmentation"), augmentRow);

    FormGrid *run = group(Text::tr("Run"));
    m_precision->setObjectName(QStringLiteral("precision"));
    {
        const CpuBf16Support cpu = cpuBf16Support();
        m_precision->addItem(cpu.any() ? Text::tr("Automatic: bfloat16 (this CPU has %1)").arg(cpu.describe())
                                       : Text::tr("Automatic: float32 (this CPU has no bfloat16 instructions)"),
                             QStringLiteral("auto"));
        m_precision->addItem(Text::tr("float32"), QStringLiteral("fp32"));
        m_precision->addItem(cpu.any() ? Text::tr("bfloat16") : Text::tr("bfloat16 (emulated: slower here)"),
                             QStringLiteral("bf16"));
    }
    m_precision->setToolTip(Text::tr("What the model computes in. bfloat16 trains about twice as fast on CPUs with "
                                     "AVX512-BF16 or AMX; weights, optimizer state, losses, metrics and checkpoints "
                                     "stay float32 either way, so a run resumes and loads in either precision."));
    run->addRow(Text::tr("Precision"), m_precision);
    m_threads->setObjectName(QStringLiteral("threads"));
    m_threads->setRange(0, 256);
    m_threads->setSpecialValueText(Text::tr("every core"));
    m_seed->setObjectName(QStringLiteral("seed"));
    m_seed->setRange(0, std::numeric_limits<int>::max());
    run->addPair(Text::tr("Threads"), m_threads, Text::tr("Seed"), m_seed);

    setConfig(TrainConfig{});
    loadPresets();
    connect(savePreset, &QToolButton::clicked, this, &TrainForm::savePreset);
    connect(deletePreset, &QToolButton::clicked, this, &TrainForm::deletePreset);
    connect(m_preset, &QComboBox::textActivated, this, &TrainForm::applyPreset);
    connect(m_initBrowse, &QToolButton::clicked, this, &TrainForm::chooseInitWeights);
    connect(m_loadPipeline, &QToolButton::clicked, this, &TrainForm::chooseAugmentFile);
    connect(m_editPipeline, &QToolButton::clicked, this, &TrainForm::editPipelineRequested);
    connect(m_imageSize, &QSpinBox::valueChanged, this, &TrainForm::imageSizeChanged);
    for (QLineEdit *edit : {m_tiles, m_roi})
        connect(edit, &QLineEdit::textEdited, this, [this] {
            const TrainConfig c = config();
            Q_EMIT tilingChanged(c.tiles, c.tileOverlap, c.roi);
        });
    setPipelineJson(QByteArray());
}

TrainConfig TrainForm::config() const
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
    c.task = m_task->currentData().toString();
    c.tiles = m_tiles->text().trimmed().isEmpty() ? QStringLiteral("1x1") : m_tiles->text().trimmed();
    c.roi = m_roi->text().trimmed();
    c.tileOverlap = m_tileOverlap;
    c.pipelineJson = m_pipelineJson;
    c.precision = m_precision->currentData().toString();
    c.threads = m_threads->value();
    c.seed = quint64(m_seed->value());
    return c;
}

void TrainForm::setConfig(const TrainConfig &c)
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
    m_task->setCurrentIndex(std::max(0, m_task->findData(c.task)));
    m_tiles->setText(c.tiles);
    m_roi->setText(c.roi);
    m_tileOverlap = c.tileOverlap;
    Q_EMIT tilingChanged(c.tiles, c.tileOverlap, c.roi);
    // A run's (or a preset's) own pipeline goes to the Augment page; a config without one (an old
    // preset, a default) leaves the page's pipeline as it is.
    if (!c.pipelineJson.isEmpty()) {
        takePipeline(c.pipelineJson);
    } else if (c.augmentFile == QLatin1String("none")) {
        takePipeline(Pipeline::defaultTraining(c.imageSize, c.channels).evaluationPipeline().toJson());
    } else if (!c.augmentFile.isEmpty()) {
        QFile f(c.augmentFile);
        if (f.open(QIODevice::ReadOnly))
            takePipeline(f.readAll());
        else
            Q_EMIT message(Text::tr("Cannot read the augmentation pipeline %1: %2").arg(c.augmentFile, f.errorString()),
                           true);
    }
    m_precision->setCurrentIndex(std::max(0, m_precision->findData(c.precision)));
    m_threads->setValue(c.threads);
    m_seed->setValue(int(std::min<quint64>(c.seed, quint64(std::numeric_limits<int>::max()))));
}

void TrainForm::setTiling(const QString &tiles, int overlap, const QString &roi)
{
    if (m_tiles->text().trimmed() != tiles.trimmed())
        m_tiles->setText(tiles.trimmed());
    if (m_roi->text().trimmed() != roi.trimmed())
        m_roi->setText(roi.trimmed());
    m_tileOverlap = overlap;
}

void TrainForm::setProjectDir(const QString &dir)
{
    m_projectDir = dir;
    loadPresets();
}

void TrainForm::fitImageSize(int side)
{
    if (side > 0 && side < m_imageSize->value())
        m_imageSize->setValue(std::max(32, (side + 15) / 16 * 16));
}

void TrainForm::setImageSize(int size)
{
    m_imageSize->setValue(size);
}

void TrainForm::setInitChoices(const QStringList &runDirs)
{
    const QString init = m_init->currentText();
    m_init->clear();
    m_init->addItems(runDirs);
    // torchvision's downloads, as they sit in PyTorch's hub cache.
    m_hubWeights = torchHubWeights();
    for (const HubWeightsFile &f : m_hubWeights) {
        m_init->addItem(f.path);
        m_init->setItemData(m_init->count() - 1, f.description, Qt::ToolTipRole);
    }
    m_init->setEditText(init);
    describeInitWeights();
}

void TrainForm::describeInitWeights()
{
    const QString init = m_init->currentText().trimmed();
    QString note;
    for (const HubWeightsFile &f : m_hubWeights)
        if (f.path == init) {
            note = f.description;
            if (!f.arch.isEmpty() && f.arch != m_model->currentText())
                note += QLatin1String(" ") + Text::tr("The backbone is %1: choose %2 to use them.").arg(m_model->currentText(), f.arch);
        }
    m_initNote->setText(note);
    m_initNote->setVisible(!note.isEmpty());
}

void TrainForm::setFieldsEnabled(bool enabled)
{
    for (QWidget *w : std::initializer_list<QWidget *>{m_model, m_init, m_initBrowse, m_imageSize, m_batch, m_optimizer, m_lr,
                                                      m_weightDecay, m_schedule, m_warmup, m_epochs, m_patience,
                                                      m_classWeights, m_task, m_tiles, m_roi, m_loadPipeline, m_precision,
                                                      m_threads, m_seed, m_preset})
        w->setEnabled(enabled);
}

QString TrainForm::presetNoteText() const
{
    return m_presetNote->text();
}

void TrainForm::showPresetNote(const QString &text, bool problem)
{
    m_presetNote->setStyleSheet(problem ? QStringLiteral("color: #c62828;") : QString());
    m_presetNote->setText(text);
    m_presetNote->setVisible(!text.isEmpty());
}

void TrainForm::loadPresets()
{
    m_preset->clear();
    m_preset->addItem(Text::tr("(form as is)"));
    m_presets.clear();
    showPresetNote(QString(), false);
    if (m_projectDir.isEmpty())
        return;
    try {
        const presetfile::Loaded loaded = presetfile::load(m_projectDir);
        m_presets = loaded.project.presets;
        showPresetNote(loaded.note, loaded.problem);
    } catch (const LabelFileError &e) {
        // The user's to fix: saving over it would lose what it holds.
        showPresetNote(Text::tr("Presets cannot be read or saved until the project file is fixed: %1")
                           .arg(e.message()),
                       true);
    }
    for (auto it = m_presets.cbegin(); it != m_presets.cend(); ++it)
        m_preset->addItem(it.key());
}

void TrainForm::applyPreset(const QString &name)
{
    if (m_preset->currentIndex() <= 0 || !m_presets.contains(name))
        return;
    try {
        setConfig(TrainConfig::fromJson(m_presets.value(name)));
        Q_EMIT message(Text::tr("Preset %1 loaded.").arg(name), false);
    } catch (const DatasetError &e) {
        Q_EMIT message(Text::tr("Preset %1 cannot be used: %2").arg(name, e.message()), true);
    }
}

// Shown beside the preset row as well as in the page's message line, which sits below the form
// and is out of sight until the user scrolls to it.
void TrainForm::refusePreset(const QString &text)
{
    showPresetNote(text, true);
    Q_EMIT message(text, true);
}

void TrainForm::savePreset()
{
    if (m_projectDir.isEmpty()) {
        Q_EMIT message(Text::tr("Open a dataset first: presets are kept next to its runs."), true);
        return;
    }
    // Refused before asking for a name: a malformed project file is never written over.
    try {
        projectfile::read(m_projectDir);
    } catch (const LabelFileError &e) {
        refusePreset(Text::tr("The preset is not saved: %1").arg(e.message()));
        return;
    }
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, Text::tr("Save preset"), Text::tr("Name of the preset:"), QLineEdit::Normal,
                              m_preset->currentIndex() > 0 ? m_preset->currentText() : QString(), &ok)
            .trimmed();
    if (!ok || name.isEmpty())
        return;
    // The preset keeps the pipeline: loading it puts that pipeline back on the Augment page.
    const QJsonObject cfg = config().toJson();
    QString error;
    try {
        error = presetfile::save(m_projectDir, name, cfg);
    } catch (const LabelFileError &e) {
        error = Text::tr("The preset is not saved: %1").arg(e.message());
    }
    if (!error.isEmpty()) {
        refusePreset(error);
        return;
    }
    loadPresets();
    m_preset->setCurrentText(name);
    Q_EMIT message(Text::tr("Preset %1 saved in %2.").arg(name, projectfile::path(m_projectDir)), false);
}

void TrainForm::deletePreset()
{
    const QString name = m_preset->currentText();
    if (m_preset->currentIndex() <= 0 || m_projectDir.isEmpty())
        return;
    QString error;
    try {
        error = presetfile::remove(m_projectDir, name);
    } catch (const LabelFileError &e) {
        error = Text::tr("The preset is not deleted: %1").arg(e.message());
    }
    if (!error.isEmpty()) {
        Q_EMIT message(error, true);
        return;
    }
    loadPresets();
}

void TrainForm::chooseInitWeights()
{
    const QString file = QFileDialog::getOpenFileName(this, Text::tr("Initial weights"), m_projectDir,
                                                      Text::tr("Weights: torch.save state dicts, TorchScript (*.pt *.pth *.pth.tar *.tar *.ckpt);;All files (*)"));
    if (!file.isEmpty())
        m_init->setEditText(file);
}

void TrainForm::chooseAugmentFile()
{
    const QString file = QFileDialog::getOpenFileName(this, Text::tr("Augmentation pipeline"), m_projectDir,
                                                      Text::tr("Pipeline JSON (*.json);;All files (*)"));
    if (file.isEmpty())
        return;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        Q_EMIT message(Text::tr("Cannot read the augmentation pipeline %1: %2").arg(file, f.errorString()), true);
        return;
    }
    takePipeline(f.readAll());
}

void TrainForm::takePipeline(const QByteArray &json)
{
    try {
        Pipeline::fromJson(json);
    } catch (const PipelineError &e) {
        Q_EMIT message(Text::tr("The pipeline cannot be used: %1: %2").arg(e.place(), e.problem()), true);
        return;
    }
    setPipelineJson(json);
    Q_EMIT pipelineLoaded(json);
}

void TrainForm::setPipelineJson(const QByteArray &json)
{
    m_pipelineJson = json;
    m_pipeline->setText(pipelineSummary());
    m_pipeline->setToolTip(json.isEmpty() ? QString() : QString::fromUtf8(json));
}

QString TrainForm::pipelineSummary() const
{
    if (m_pipelineJson.isEmpty())
        return Text::tr("Loupe's default: resize to the image size, random horizontal flip, normalise.");
    QStringList steps;
    const QJsonArray array = QJsonDocument::fromJson(m_pipelineJson).object().value(QStringLiteral("steps")).toArray();
    for (const QJsonValue &v : array) {
        const QJsonObject step = v.toObject();
        if (step.value(QStringLiteral("enabled")).toBool(true))
            steps << step.value(QStringLiteral("type")).toString();
    }
    return Text::tr("The Augment page's pipeline, %n step(s): %1.", nullptr, int(steps.size()))
        .arg(steps.join(QStringLiteral(" → ")));
}

} // namespace loupe
