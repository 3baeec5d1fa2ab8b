#pragma once

#include "model/HubWeights.h"
#include "project/TrainConfig.h"

#include <QJsonObject>
#include <QMap>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QToolButton;

namespace loupe {

/// The Train page's form: a run's settings and the project's presets (kept in its loupe.json).
class TrainForm : public QWidget
{
    Q_OBJECT
public:
    explicit TrainForm(QWidget *parent = nullptr);

    TrainConfig config() const;
    void setConfig(const TrainConfig &config);

    /// The project folder (<dataset folder>/loupe-runs) whose loupe.json holds the presets; "" for
    /// none. Reloads the presets and says on the form when the file cannot be used.
    void setProjectDir(const QString &dir);
    /// Lowers the image size to `side` rounded up to 16 (at least 32) when it is larger.
    void fitImageSize(int side);
    void setImageSize(int size);
    /// The detector's tiles ("RxC"), their overlap and the region ("x,y,w,h", "" for the whole image),
    /// as the Augment page edits them. Emits nothing.
    void setTiling(const QString &tiles, int overlap, const QString &roi);
    /// Earlier runs offered as starting weights; the text typed stays.
    void setInitChoices(const QStringList &runDirs);
    /// The settings (and the preset choice) are fixed while a run trains.
    void setFieldsEnabled(bool enabled);
    /// What the presets row says about loupe.json or an old presets.json ("" when all is well).
    QString presetNoteText() const;

    /// The training pipeline the next run uses, as the Augment page edits it (`{"steps": [...]}`);
    /// empty: Loupe's default for the image size. Shown read-only in the Data group.
    void setPipelineJson(const QByteArray &json);
    QByteArray pipelineJson() const { return m_pipelineJson; }
    /// The Data group's one-line account of that pipeline.
    QString pipelineSummary() const;

Q_SIGNALS:
    /// A result of a preset action, for the page's message line.
    void message(const QString &text, bool problem);
    /// A pipeline came from a file, a preset or a resumed run: the Augment page should take it.
    void pipelineLoaded(const QByteArray &json);
    /// "Edit on the Augment page" was pressed.
    void editPipelineRequested();
    void imageSizeChanged(int size);
    /// Tiles or region were edited here, or came with a preset or a run's settings.
    void tilingChanged(const QString &tiles, int overlap, const QString &roi);

private:
    void loadPresets();
    void refusePreset(const QString &text);
    void savePreset();
    void deletePreset();
    void applyPreset(const QString &name);
    void showPresetNote(const QString &text, bool problem);
    void chooseInitWeights();
    void describeInitWeights();
    void chooseAugmentFile();
    void takePipeline(const QByteArray &json);

    QString m_projectDir;
    QMap<QString, QJsonObject> m_presets; ///< as last read from loupe.json
    bool m_presetsReadable = true;

    QComboBox *m_preset;
    QLabel *m_presetNote;
    QComboBox *m_model;
    QComboBox *m_init;
    QSpinBox *m_imageSize;
    QSpinBox *m_batch;
    QComboBox *m_optimizer;
    QDoubleSpinBox *m_lr;
    QDoubleSpinBox *m_weightDecay;
    QComboBox *m_schedule;
    QSpinBox *m_warmup;
    QSpinBox *m_epochs;
    QSpinBox *m_patience;
    QComboBox *m_classWeights;
    QComboBox *m_task;
    QLineEdit *m_tiles;
    QLineEdit *m_roi;
    int m_tileOverlap = 32; ///< no field of its own here: the Augment page's, a preset's or a run's
    QByteArray m_pipelineJson;
    QLabel *m_pipeline;
    QToolButton *m_editPipeline;
    QToolButton *m_loadPipeline;
    QComboBox *m_precision;
    QLabel *m_initNote = nullptr;
    QToolButton *m_initBrowse = nullptr;
    QList<HubWeightsFile> m_hubWeights;
    QSpinBox *m_threads;
    QSpinBox *m_seed;
};

} // namespace loupe
