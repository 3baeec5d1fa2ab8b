#pragma once

#include "augment/Pipeline.h"

#include <QGroupBox>
#include <QJsonArray>
#include <QJsonValue>

class QComboBox;
class QFormLayout;
class QLabel;
class QListWidget;

namespace loupe {

/// The augmentation page's pipeline editor: the steps (tick to switch one off, add, remove,
/// reorder), a form for the selected step generated from its JSON, load and save.
class PipelineEditor : public QGroupBox
{
    Q_OBJECT
public:
    explicit PipelineEditor(QWidget *parent = nullptr);

    void setPipeline(const Pipeline &pipeline);
    /// The steps as edited, `{"steps": [...]}`; may not parse when an edit made them invalid.
    QByteArray pipelineJson() const;
    /// One parameter of one step; false (with the reason shown) when the pipeline refuses the value.
    bool setStepParameter(int step, const QString &key, const QJsonValue &value);
    void setStepEnabled(int step, bool enabled);

Q_SIGNALS:
    /// The steps changed and still make a valid pipeline.
    void edited();
    /// "Reset to default" was pressed: the page knows the model's input.
    void defaultRequested();

private:
    bool applyParameter(int step, const QString &key, const QJsonValue &value, bool fromForm);
    void rebuildStepList();
    void rebuildForm();
    void stepsEdited();
    void addStep();
    void removeStep();
    void moveStep(int delta);
    void loadPipeline();
    void savePipeline();

    QJsonArray m_steps; ///< the pipeline being edited, in its JSON form
    QListWidget *m_stepList;
    QComboBox *m_addType;
    QLabel *m_formTitle;
    QWidget *m_form;
    QFormLayout *m_formLayout;
    QLabel *m_status;
};

} // namespace loupe
