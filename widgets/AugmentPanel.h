#pragma once

#include "Panel.h"
#include "PipelineEditor.h"
#include "VariantGrid.h"

#include "AugmentRenderer.h"

#include "augment/Advisor.h"
#include "augment/Pipeline.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QTimer>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QWidget;

namespace loupe {

class SourceImageCache;

/// The augmentation page: the training pipeline's steps and parameters, a grid of augmented
/// variants of a few images that follows every edit, the evaluation view, the exact batch the
/// data loader hands the model, and the advisor's warnings with the images they concern.
class AugmentPanel : public Panel
{
    Q_OBJECT
public:
    explicit AugmentPanel(QWidget *parent = nullptr);
    ~AugmentPanel() override;

    void setInspection(const InspectionPtr &inspection) override;

    /// The images to preview, as dataset sample indices (the browser's selection goes here).
    void setImages(const QList<int> &samples);
    QList<int> images() const { return m_samples; }
    /// A seeded random sample of `count` images, preferring images with objects.
    void pickRandomImages(int count, quint64 seed);

    void setPipeline(const Pipeline &pipeline);
    /// The pipeline as edited; throws PipelineError when an edit made it invalid.
    Pipeline pipeline() const;
    QByteArray pipelineJson() const;
    /// One parameter of one step, as the form sets it; false when the pipeline refuses the value.
    bool setStepParameter(int step, const QString &key, const QJsonValue &value);
    void setStepEnabled(int step, bool enabled);

    void setVariantCount(int n);
    void setEvaluationView(bool on);
    void setExactBatch(bool on);
    /// The model's input for the exact batch and the default pipeline.
    void setModelInput(int imageSize, int channels);
    /// The model's input size, the same setting as the Train page's image size. A resize step that
    /// made the old size square (the pipeline's own input resize) follows it to the new size.
    void setInputSize(int size);
    int inputSize() const;
    void setBatchCount(int count);
    /// How the detector cuts the images: "RxC" tiles, the overlap in pixels and the region "x,y,w,h"
    /// (empty: the whole image), in the Train page's format. Setting them emits nothing.
    void setTiling(const QString &tiles, int overlap, const QString &roi);
    QString tilesText() const;
    int tileOverlap() const;
    QString roiText() const;
    /// The tiles view: each image with its tile grid, each tile with the boxes it keeps and drops, and
    /// variants of the tile keeping the most boxes.
    void setTilesView(bool on);

    /// The last delivered pictures ("before" pictures included, see VariantTile::original).
    const QList<VariantTile> &tiles() const;
    const std::vector<AugmentWarning> &warnings() const { return m_warnings; }
    QListWidget *warningList() const { return m_warningList; }
    double lastRenderMilliseconds() const { return m_lastRenderMs; }

Q_SIGNALS:
    /// New pictures are on screen; `milliseconds` from the change that asked for them.
    void rendered(int pictures, double milliseconds);
    /// The advisor's list was refreshed.
    void warningsChanged(int count);
    /// The pipeline changed and is valid: the next training run uses it.
    void pipelineChanged(const QByteArray &json);
    /// The input size was changed here.
    void inputSizeChanged(int size);
    /// Tiles, overlap or region were edited here.
    void tilingChanged(const QString &tiles, int overlap, const QString &roi);

private:
    void buildUi();
    void scheduleRender();
    void startRender();
    void renderDone();
    void scheduleAdvice();
    void startAdvice();
    void adviceDone();
    void showWarningImages(int row);
    void useDefault();
    void applyImageText();
    void setBusy(bool adviceRunning, bool renderRunning);
    void followInputSize(int size);
    void tilingEdited();
    /// The tiles and region as parsed; nullopt with `error` set when a field does not parse.
    std::optional<TilingSetting> tilingSetting(QString *error = nullptr) const;

    InspectionPtr m_inspection;
    std::shared_ptr<SourceImageCache> m_cache;
    QList<int> m_samples;
    std::vector<AugmentWarning> m_warnings;

    QTimer m_renderDebounce;
    QTimer m_adviceDebounce;
    QFutureWatcher<AugmentRenderResult> *m_renderWatcher;
    QFutureWatcher<AugmentAdviceResult> *m_adviceWatcher;
    quint64 m_renderGeneration = 0;
    quint64 m_adviceGeneration = 0;
    bool m_renderWanted = false; ///< a change arrived while a render was running
    bool m_adviceWanted = false;
    QElapsedTimer m_changeClock; ///< since the first change not yet on screen
    bool m_changeClockRunning = false;
    double m_lastRenderMs = 0;
    QString m_tilingError; ///< the tiles or region field that does not parse, for the status line
    int m_inputSizeShown = 224; ///< the input size the pipeline's resize steps were last fitted to

    PipelineEditor *m_editor = nullptr;
    QListWidget *m_warningList = nullptr;
    QSpinBox *m_seed = nullptr;
    QSpinBox *m_imageCount = nullptr;
    QLineEdit *m_imageText = nullptr;
    QSpinBox *m_variants = nullptr;
    QCheckBox *m_evaluation = nullptr;
    QCheckBox *m_exactBatch = nullptr;
    QSpinBox *m_inputSize = nullptr;
    QComboBox *m_channels = nullptr;
    QSpinBox *m_epoch = nullptr;
    QSpinBox *m_batchCount = nullptr;
    QLineEdit *m_tiles = nullptr;
    QSpinBox *m_tileOverlap = nullptr;
    QLineEdit *m_roi = nullptr;
    QCheckBox *m_tilesView = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_busy = nullptr;
    VariantGrid *m_grid = nullptr;
};

} // namespace loupe
