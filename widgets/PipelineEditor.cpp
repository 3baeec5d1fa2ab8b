#include "PipelineEditor.h"

#include "augment/Transforms.h"
#include "project/RunFolder.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace loupe {

namespace {

// The editor was part of AugmentPanel: its strings keep that translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::AugmentPanel)
};

/// The steps a new pipeline entry starts from: each transform's own defaults from core's registry,
/// with sizes that make sense for a first look; tst_augmentpanel checks that core accepts each.
QJsonObject defaultStep(const QString &type)
{
    QJsonObject step = transforms::defaultStep(type);
    // Starting values that show something on the preview where the class's own default would not.
    if (type == QLatin1String("crop")) {
        step[QStringLiteral("width")] = 224;
        step[QStringLiteral("height")] = 224;
    } else if (type == QLatin1String("tile")) {
        step[QStringLiteral("rows")] = 4;
        step[QStringLiteral("cols")] = 4;
        step[QStringLiteral("random")] = true;
    }
    return step.isEmpty() ? QJsonObject{{QStringLiteral("type"), type}} : step;
}

struct Range {
    double min, max, step;
    int decimals;
};

Range rangeOf(const QString &key)
{
    static const QHash<QString, Range> ranges{
        {QStringLiteral("probability"), {0, 1, 0.05, 2}},   {QStringLiteral("max_delta"), {0, 1, 0.01, 3}},
        {QStringLiteral("sd"), {0, 1, 0.005, 3}},           {QStringLiteral("max_fraction"), {0, 1, 0.01, 3}},
        {QStringLiteral("min_scale"), {0.01, 1, 0.05, 2}},  {QStringLiteral("max_scale"), {0.01, 1, 0.05, 2}},
        {QStringLiteral("max_degrees"), {0, 180, 1, 1}},    {QStringLiteral("max_sigma"), {0, 20, 0.1, 2}},
        {QStringLiteral("min"), {0.01, 10, 0.05, 2}},       {QStringLiteral("max"), {0.01, 10, 0.05, 2}},
        {QStringLiteral("pad_value"), {0, 255, 1, 0}},      {QStringLiteral("border_value"), {0, 255, 1, 0}},
        {QStringLiteral("width"), {1, 16384, 1, 0}},        {QStringLiteral("height"), {1, 16384, 1, 0}},
        {QStringLiteral("x"), {0, 1 << 20, 1, 0}},          {QStringLiteral("y"), {0, 1 << 20, 1, 0}},
        {QStringLiteral("rows"), {1, 64, 1, 0}},            {QStringLiteral("cols"), {1, 64, 1, 0}},
        {QStringLiteral("index"), {0, 4095, 1, 0}},
    };
    return ranges.value(key, Range{-1000, 1000, 0.1, 3});
}

QStringList choicesOf(const QString &key)
{
    if (key == QLatin1String("border"))
        return {QStringLiteral("reflect"), QStringLiteral("replicate"), QStringLiteral("constant")};
    if (key == QLatin1String("interpolation"))
        return {QStringLiteral("auto"), QStringLiteral("nearest"), QStringLiteral("linear"), QStringLiteral("cubic"),
                QStringLiteral("area")};
    return {};
}

QString stepLabel(const QJsonObject &step)
{
    const QString type = step.value(QStringLiteral("type")).toString();
    const QJsonValue p = step.value(QStringLiteral("probability"));
    return p.isDouble() ? Text::tr("%1  (p %2)").arg(type, QString::number(p.toDouble(), 'g', 3)) : type;
}

} // namespace

PipelineEditor::PipelineEditor(QWidget *parent)
    : QGroupBox(Text::tr("Training pipeline"), parent)
    , m_stepList(new QListWidget(this))
    , m_addType(new QComboBox(this))
    , m_formTitle(new QLabel(this))
    , m_status(new QLabel(this))
{
    auto *pl = new QVBoxLayout(this);
    m_stepList->setObjectName(QStringLiteral("stepList"));
    pl->addWidget(m_stepList);
    auto *editRow = new QHBoxLayout;
    m_addType->setObjectName(QStringLiteral("addStepType"));
    m_addType->addItems(transforms::knownTypes());
    auto *add = new QPushButton(Text::tr("Add"), this);
    add->setObjectName(QStringLiteral("addStep"));
    auto *remove = new QToolButton(this);
    remove->setObjectName(QStringLiteral("removeStep"));
    remove->setText(Text::tr("Remove"));
    auto *up = new QToolButton(this);
    up->setText(QStringLiteral("▲"));
    up->setToolTip(Text::tr("Move the step up"));
    auto *down = new QToolButton(this);
    down->setText(QStringLiteral("▼"));
    down->setToolTip(Text::tr("Move the step down"));
    editRow->addWidget(m_addType, 1);
    editRow->addWidget(add);
    editRow->addWidget(remove);
    editRow->addWidget(up);
    editRow->addWidget(down);
    pl->addLayout(editRow);
    m_formTitle->setObjectName(QStringLiteral("formTitle"));
    pl->addWidget(m_formTitle);
    auto *formScroll = new QScrollArea(this);
    formScroll->setWidgetResizable(true);
    formScroll->setFrameShape(QFrame::NoFrame);
    m_form = new QWidget(formScroll);
    m_form->setObjectName(QStringLiteral("stepForm"));
    m_formLayout = new QFormLayout(m_form);
    m_formLayout->setContentsMargins(0, 0, 4, 0);
    formScroll->setWidget(m_form);
    pl->addWidget(formScroll, 1);
    auto *fileRow = new QHBoxLayout;
    auto *load = new QPushButton(Text::tr("Load…"), this);
    auto *save = new QPushButton(Text::tr("Save…"), this);
    setToolTip(Text::tr("The next training run uses this pipeline; the Train page shows it."));
    auto *reset = new QPushButton(Text::tr("Reset to default"), this);
    reset->setObjectName(QStringLiteral("useDefault"));
    reset->setToolTip(Text::tr("Replace these steps with Loupe's default: resize to the input size, random "
                               "horizontal flip, normalise"));
    fileRow->addWidget(load);
    fileRow->addWidget(save);
    pl->addLayout(fileRow);
    pl->addWidget(reset);
    m_status->setObjectName(QStringLiteral("pipelineStatus"));
    m_status->setWordWrap(true);
    m_status->setStyleSheet(QStringLiteral("color: #c0392b"));
    m_status->setVisible(false);
    pl->addWidget(m_status);

    connect(m_stepList, &QListWidget::currentRowChanged, this, [this] { rebuildForm(); });
    connect(m_stepList, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        const int row = m_stepList->row(item);
        if (row < 0 || row >= m_steps.size())
            return;
        QJsonObject step = m_steps[row].toObject();
        const bool on = item->checkState() == Qt::Checked;
        if (step.value(QStringLiteral("enabled")).toBool(true) == on)
            return;
        step.insert(QStringLiteral("enabled"), on);
        m_steps[row] = step;
        stepsEdited();
    });
    connect(add, &QPushButton::clicked, this, &PipelineEditor::addStep);
    connect(remove, &QToolButton::clicked, this, &PipelineEditor::removeStep);
    connect(up, &QToolButton::clicked, this, [this] { moveStep(-1); });
    connect(down, &QToolButton::clicked, this, [this] { moveStep(1); });
    connect(load, &QPushButton::clicked, this, &PipelineEditor::loadPipeline);
    connect(save, &QPushButton::clicked, this, &PipelineEditor::savePipeline);
    connect(reset, &QPushButton::clicked, this, &PipelineEditor::defaultRequested);
}

void PipelineEditor::setPipeline(const Pipeline &pipeline)
{
    m_steps = QJsonDocument::fromJson(pipeline.toJson()).object().value(QStringLiteral("steps")).toArray();
    rebuildStepList();
    stepsEdited();
}

QByteArray PipelineEditor::pipelineJson() const
{
    return QJsonDocument(QJsonObject{{QStringLiteral("steps"), m_steps}}).toJson(QJsonDocument::Indented);
}

bool PipelineEditor::setStepParameter(int step, const QString &key, const QJsonValue &value)
{
    return applyParameter(step, key, value, false);
}

bool PipelineEditor::applyParameter(int step, const QString &key, const QJsonValue &value, bool fromForm)
{
    if (step < 0 || step >= m_steps.size())
        return false;
    QJsonObject o = m_steps[step].toObject();
    o.insert(key, value);
    QJsonArray trial = m_steps;
    trial[step] = o;
    try {
        Pipeline::fromJson(QJsonDocument(QJsonObject{{QStringLiteral("steps"), trial}}).toJson());
    } catch (const PipelineError &e) {
        m_status->setText(Text::tr("Not applied: %1: %2").arg(e.place(), e.problem()));
        m_status->setVisible(true);
        return false;
    }
    m_steps = trial;
    if (m_stepList->item(step))
        m_stepList->item(step)->setText(stepLabel(o));
    // The form's own editor already shows the value; rebuilding would take its focus.
    if (m_stepList->currentRow() == step && !fromForm)
        rebuildForm();
    stepsEdited();
    return true;
}

void PipelineEditor::setStepEnabled(int step, bool enabled)
{
    if (QListWidgetItem *item = m_stepList->item(step))
        item->setCheckState(enabled ? Qt::Checked : Qt::Unchecked);
}

void PipelineEditor::rebuildStepList()
{
    const int current = m_stepList->currentRow();
    QSignalBlocker block(m_stepList);
    m_stepList->clear();
    for (const QJsonValue &v : m_steps) {
        const QJsonObject step = v.toObject();
        auto *item = new QListWidgetItem(stepLabel(step), m_stepList);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(step.value(QStringLiteral("enabled")).toBool(true) ? Qt::Checked : Qt::Unchecked);
        item->setToolTip(Text::tr("Untick to switch the step off"));
    }
    if (!m_steps.isEmpty())
        m_stepList->setCurrentRow(std::clamp(current, 0, int(m_steps.size()) - 1));
    // As tall as its steps (up to eight rows), so the parameters below keep the room.
    const int rowHeight = std::max(16, m_stepList->sizeHintForRow(0));
    m_stepList->setFixedHeight(std::clamp(int(m_steps.size()), 3, 8) * rowHeight + 2 * m_stepList->frameWidth() + 4);
    rebuildForm();
}

void PipelineEditor::rebuildForm()
{
    while (m_formLayout->rowCount() > 0)
        m_formLayout->removeRow(0);
    const int row = m_stepList->currentRow();
    if (row < 0 || row >= m_steps.size()) {
        m_formTitle->setText(Text::tr("No step selected"));
        return;
    }
    const QJsonObject step = m_steps[row].toObject();
    m_formTitle->setText(Text::tr("<b>%1</b> parameters").arg(step.value(QStringLiteral("type")).toString()));
    QStringList keys = step.keys();
    keys.removeAll(QStringLiteral("type"));
    keys.removeAll(QStringLiteral("enabled"));
    if (keys.removeAll(QStringLiteral("probability")) > 0)
        keys.prepend(QStringLiteral("probability"));
    if (keys.isEmpty()) {
        auto *none = new QLabel(Text::tr("No parameters."), m_form);
        m_formLayout->addRow(none);
        return;
    }
    for (const QString &key : keys) {
        const QJsonValue value = step.value(key);
        QWidget *editor = nullptr;
        if (value.isBool()) {
            auto *box = new QCheckBox(m_form);
            box->setChecked(value.toBool());
            connect(box, &QCheckBox::toggled, this, [this, row, key](bool on) { applyParameter(row, key, on, true); });
            editor = box;
        } else if (value.isString()) {
            auto *combo = new QComboBox(m_form);
            const QStringList choices = choicesOf(key);
            combo->addItems(choices.isEmpty() ? QStringList{value.toString()} : choices);
            combo->setCurrentText(value.toString());
            connect(combo, &QComboBox::currentTextChanged, this,
                    [this, row, key](const QString &text) { applyParameter(row, key, text, true); });
            editor = combo;
        } else if (value.isArray()) {
            auto *line = new QLineEdit(m_form);
            QStringList parts;
            for (const QJsonValue &x : value.toArray())
                parts << QString::number(x.toDouble(), 'g', 6);
            line->setText(parts.join(QStringLiteral(", ")));
            connect(line, &QLineEdit::editingFinished, this, [this, row, key, line] {
                QJsonArray numbers;
                for (const QString &p : line->text().split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts)) {
                    bool ok = false;
                    const double v = p.toDouble(&ok);
                    if (!ok)
                        return;
                    numbers.append(v);
                }
                applyParameter(row, key, numbers, true);
            });
            editor = line;
        } else {
            const Range r = rangeOf(key);
            if (r.decimals == 0) {
                auto *spin = new QSpinBox(m_form);
                spin->setObjectName(key);
                spin->setRange(int(r.min), int(r.max));
                spin->setValue(value.toInt());
                connect(spin, &QSpinBox::valueChanged, this, [this, row, key](int v) { applyParameter(row, key, v, true); });
                editor = spin;
            } else {
                auto *spin = new QDoubleSpinBox(m_form);
                spin->setObjectName(key);
                spin->setDecimals(r.decimals);
                spin->setRange(r.min, r.max);
                spin->setSingleStep(r.step);
                spin->setValue(value.toDouble());
                connect(spin, &QDoubleSpinBox::valueChanged, this,
                        [this, row, key](double v) { applyParameter(row, key, v, true); });
                editor = spin;
            }
        }
        m_formLayout->addRow(key, editor);
    }
}

void PipelineEditor::stepsEdited()
{
    try {
        Pipeline::fromJson(pipelineJson());
        m_status->setVisible(false);
    } catch (const PipelineError &e) {
        m_status->setText(Text::tr("%1: %2").arg(e.place(), e.problem()));
        m_status->setVisible(true);
        return;
    }
    Q_EMIT edited();
}

void PipelineEditor::addStep()
{
    const QJsonObject step = defaultStep(m_addType->currentText());
    // New steps go before a final normalize, which must stay last.
    int at = m_stepList->currentRow() + 1;
    if (at <= 0 || at > m_steps.size())
        at = m_steps.size();
    if (at == m_steps.size() && !m_steps.isEmpty()
        && m_steps.last().toObject().value(QStringLiteral("type")).toString() == QLatin1String("normalize"))
        --at;
    m_steps.insert(at, step);
    rebuildStepList();
    m_stepList->setCurrentRow(at);
    stepsEdited();
}

void PipelineEditor::removeStep()
{
    const int row = m_stepList->currentRow();
    if (row < 0 || row >= m_steps.size())
        return;
    m_steps.removeAt(row);
    rebuildStepList();
    stepsEdited();
}

void PipelineEditor::moveStep(int delta)
{
    const int row = m_stepList->currentRow(), to = row + delta;
    if (row < 0 || to < 0 || to >= m_steps.size())
        return;
    const QJsonValue v = m_steps[row];
    m_steps.removeAt(row);
    m_steps.insert(to, v);
    rebuildStepList();
    m_stepList->setCurrentRow(to);
    stepsEdited();
}

void PipelineEditor::loadPipeline()
{
    const QString path = QFileDialog::getOpenFileName(this, Text::tr("Load augmentation pipeline"), QString(),
                                                      Text::tr("Pipeline (*.json)"));
    if (path.isEmpty())
        return;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(this, Text::tr("Load pipeline"), Text::tr("Cannot read %1: %2").arg(path, f.errorString()));
        return;
    }
    try {
        setPipeline(Pipeline::fromJson(f.readAll()));
    } catch (const PipelineError &e) {
        QMessageBox::warning(this, Text::tr("Load pipeline"), Text::tr("%1 is not a pipeline: %2: %3").arg(path, e.place(), e.problem()));
    }
}

void PipelineEditor::savePipeline()
{
    const QString path = QFileDialog::getSaveFileName(this, Text::tr("Save augmentation pipeline"),
                                                      QStringLiteral("augment.json"), Text::tr("Pipeline (*.json)"));
    if (path.isEmpty())
        return;
    // Write-then-rename: a full disk leaves the previous file of that name as it was.
    if (const QString error = runfolder::writeAtomically(path, pipelineJson()); !error.isEmpty())
        QMessageBox::warning(this, Text::tr("Save pipeline"), error);
}

} // namespace loupe
