#include "AugmentPanel.h"

#include "AugmentRenderer.h"
#include "SourceImageCache.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>
#include <utility>

namespace loupe {

AugmentPanel::AugmentPanel(QWidget *parent)
    : Panel(parent)
    , m_cache(std::make_shared<SourceImageCache>())
    , m_renderWatcher(new QFutureWatcher<AugmentRenderResult>(this))
    , m_adviceWatcher(new QFutureWatcher<AugmentAdviceResult>(this))
{
    // A zero timer gathers the edits of one event-loop turn; edits that arrive while a render
    // runs are gathered into the next one, so renders follow a held spin box as fast as they
    // finish (~25–40 a second) and the first change after a pause starts at once.
    m_renderDebounce.setSingleShot(true);
    m_renderDebounce.setInterval(0);
    m_adviceDebounce.setSingleShot(true);
    m_adviceDebounce.setInterval(250);
    connect(&m_renderDebounce, &QTimer::timeout, this, &AugmentPanel::startRender);
    connect(&m_adviceDebounce, &QTimer::timeout, this, &AugmentPanel::startAdvice);
    connect(m_renderWatcher, &QFutureWatcher<AugmentRenderResult>::finished, this, &AugmentPanel::renderDone);
    connect(m_adviceWatcher, &QFutureWatcher<AugmentAdviceResult>::finished, this, &AugmentPanel::adviceDone);
    buildUi();
    setPipeline(Pipeline::defaultTraining(224, 3));
}

AugmentPanel::~AugmentPanel()
{
    // The jobs hold their own copies of everything; waiting keeps them from outliving the app.
    m_renderWatcher->waitForFinished();
    m_adviceWatcher->waitForFinished();
}

void AugmentPanel::buildUi()
{
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("augmentSplitter"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(splitter);

    // Left: the pipeline, its parameters and the advisor.
    // A vertical splitter, so a long pipeline or a long list of warnings can take the room.
    auto *left = new QSplitter(Qt::Vertical, splitter);
    left->setObjectName(QStringLiteral("augmentLeftSplitter"));
    left->setChildrenCollapsible(false);
    m_editor = new PipelineEditor(left);
    m_editor->setObjectName(QStringLiteral("pipelineEditor"));

    auto *adviceBox = new QGroupBox(tr("Advisor"), left);
    adviceBox->setObjectName(QStringLiteral("adviceBox"));
    auto *al = new QVBoxLayout(adviceBox);
    m_warningList = new QListWidget(adviceBox);
    m_warningList->setObjectName(QStringLiteral("warningList"));
    m_warningList->setWordWrap(true);
    m_warningList->setTextElideMode(Qt::ElideNone);
    m_warningList->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_warningList->setToolTip(tr("Click a warning to see the images it names, before and after"));
    al->addWidget(m_warningList);
    m_busy = new QProgressBar(adviceBox);
    m_busy->setObjectName(QStringLiteral("augmentBusy"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumHeight(10);
    m_busy->setTextVisible(false);
    m_busy->setVisible(false);
    al->addWidget(m_busy);
    left->addWidget(m_editor);
    left->addWidget(adviceBox);
    left->setStretchFactor(0, 0);
    left->setStretchFactor(1, 1);
    left->setSizes({330, 400});

    // Right: which images, how many variants, which view; then the grid.
    auto *right = new QWidget(splitter);
    auto *rl = new QVBoxLayout(right);
    auto *pickRow = new QHBoxLayout;
    auto *randomButton = new QPushButton(tr("Random sample"), right);
    randomButton->setObjectName(QStringLiteral("randomSample"));
    m_imageCount = new QSpinBox(right);
    m_imageCount->setRange(1, 16);
    m_imageCount->setValue(2);
    m_imageCount->setSuffix(tr(" images"));
    m_seed = new QSpinBox(right);
    m_seed->setRange(0, 1 << 30);
    m_seed->setPrefix(tr("seed "));
    m_imageText = new QLineEdit(right);
    m_imageText->setObjectName(QStringLiteral("imageText"));
    m_imageText->setPlaceholderText(tr("or indices / file names, e.g. 3, 17, part_004.jpg"));
    m_variants = new QSpinBox(right);
    m_variants->setObjectName(QStringLiteral("variantCount"));
    m_variants->setRange(1, 64);
    m_variants->setValue(8);
    m_variants->setSuffix(tr(" variants"));
    pickRow->addWidget(randomButton);
    pickRow->addWidget(m_imageCount);
    pickRow->addWidget(m_seed);
    pickRow->addWidget(m_imageText, 1);
    rl->addLayout(pickRow);

    auto *viewRow = new QHBoxLayout;
    m_evaluation = new QCheckBox(tr("Evaluation view"), right);
    m_evaluation->setObjectName(QStringLiteral("evaluationView"));
    m_evaluation->setToolTip(tr("Only the deterministic steps: what evaluation and inference see"));
    m_exactBatch = new QCheckBox(tr("Exact batch"), right);
    m_exactBatch->setObjectName(QStringLiteral("exactBatch"));
    m_exactBatch->setToolTip(tr("The first images of an epoch as the training data loader hands them to the model, "
                                "de-normalised"));
    m_inputSize = new QSpinBox(right);
    m_inputSize->setRange(8, 4096);
    m_inputSize->setValue(224);
    m_inputSize->setObjectName(QStringLiteral("augmentInputSize"));
    m_inputSize->setPrefix(tr("input "));
    m_inputSize->setSuffix(tr(" px"));
    m_inputSize->setToolTip(tr("The model's input size: the same setting as the Train page's image size"));
    m_channels = new QComboBox(right);
    m_channels->addItem(tr("3 channels"), 3);
    m_channels->addItem(tr("1 channel"), 1);
    m_epoch = new QSpinBox(right);
    m_epoch->setRange(0, 100000);
    m_epoch->setPrefix(tr("epoch "));
    m_batchCount = new QSpinBox(right);
    m_batchCount->setRange(1, 256);
    m_batchCount->setValue(16);
    m_batchCount->setSuffix(tr(" in batch"));
    // Two rows, the exact batch's own settings in the second: one row made the page wider than a
    // 1024 px window (German). The input size is the Train page's image size, always shown.
    viewRow->addWidget(m_variants);
    viewRow->addSpacing(12);
    viewRow->addWidget(m_evaluation);
    viewRow->addWidget(m_exactBatch);
    viewRow->addStretch(1);
    rl->addLayout(viewRow);
    auto *batchRow = new QHBoxLayout;
    batchRow->addWidget(m_inputSize);
    batchRow->addWidget(m_channels);
    batchRow->addWidget(m_epoch);
    batchRow->addWidget(m_batchCount);
    batchRow->addStretch(1);
    rl->addLayout(batchRow);
    // The detector's tiles and region, the Train page's Tiles and Region in the same format.
    auto *tileRow = new QHBoxLayout;
    m_tilesView = new QCheckBox(tr("Tiles view"), right);
    m_tilesView->setObjectName(QStringLiteral("tilesView"));
    m_tilesView->setToolTip(tr("Each image with its tiles: the boxes each tile keeps (solid) and drops (dashed, under "
                               "half their area inside), and the training variants of the tile with the most boxes"));
    m_tiles = new QLineEdit(QStringLiteral("1x1"), right);
    m_tiles->setObjectName(QStringLiteral("augmentTiles"));
    m_tiles->setMaximumWidth(70);
    m_tiles->setToolTip(tr("Detection: rows × columns tiles, such as 4x4; the same setting as the Train page's Tiles"));
    m_tileOverlap = new QSpinBox(right);
    m_tileOverlap->setObjectName(QStringLiteral("augmentTileOverlap"));
    m_tileOverlap->setRange(0, 4096);
    m_tileOverlap->setValue(32);
    m_tileOverlap->setPrefix(tr("overlap "));
    m_tileOverlap->setSuffix(tr(" px"));
    m_tileOverlap->setToolTip(tr("Pixels neighbouring tiles share"));
    m_roi = new QLineEdit(right);
    m_roi->setObjectName(QStringLiteral("augmentRoi"));
    m_roi->setPlaceholderText(tr("whole image"));
    m_roi->setToolTip(tr("Detection: the region of interest x,y,w,h in image pixels; the same setting as the Train "
                         "page's Region"));
    tileRow->addWidget(m_tilesView);
    tileRow->addWidget(new QLabel(tr("Tiles"), right));
    tileRow->addWidget(m_tiles);
    tileRow->addWidget(m_tileOverlap);
    tileRow->addWidget(new QLabel(tr("Region"), right));
    tileRow->addWidget(m_roi, 1);
    rl->addLayout(tileRow);
    m_status = new QLabel(right);
    m_status->setObjectName(QStringLiteral("augmentStatus"));
    m_status->setWordWrap(true);
    rl->addWidget(m_status);
    auto *scroll = new QScrollArea(right);
    scroll->setObjectName(QStringLiteral("variantScroll"));
    scroll->setWidgetResizable(true);
    m_grid = new VariantGrid(scroll);
    m_grid->setCellSize(164);
    m_grid->setPlaceholder(tr("Open a dataset to preview its augmented images."));
    scroll->setWidget(m_grid);
    rl->addWidget(scroll, 1);

    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({400, 900});
    left->setMinimumWidth(std::min(380, left->minimumSizeHint().width()));

    connect(m_editor, &PipelineEditor::edited, this, [this] {
        scheduleRender();
        scheduleAdvice();
        Q_EMIT pipelineChanged(pipelineJson());
    });
    connect(m_inputSize, &QSpinBox::valueChanged, this, [this](int size) {
        followInputSize(size);
        Q_EMIT inputSizeChanged(size);
    });
    connect(m_editor, &PipelineEditor::defaultRequested, this, &AugmentPanel::useDefault);
    connect(randomButton, &QPushButton::clicked, this,
            [this] { pickRandomImages(m_imageCount->value(), quint64(m_seed->value())); });
    connect(m_imageText, &QLineEdit::returnPressed, this, &AugmentPanel::applyImageText);
    connect(m_variants, &QSpinBox::valueChanged, this, [this] { scheduleRender(); });
    connect(m_evaluation, &QCheckBox::toggled, this, [this] { scheduleRender(); });
    connect(m_exactBatch, &QCheckBox::toggled, this, [this] { scheduleRender(); });
    for (QSpinBox *spin : {m_epoch, m_batchCount})
        connect(spin, &QSpinBox::valueChanged, this, [this] {
            if (m_exactBatch->isChecked())
                scheduleRender();
        });
    connect(m_channels, &QComboBox::currentIndexChanged, this, [this] {
        if (m_exactBatch->isChecked())
            scheduleRender();
    });
    connect(m_tilesView, &QCheckBox::toggled, this, [this] { scheduleRender(); });
    connect(m_tiles, &QLineEdit::textEdited, this, &AugmentPanel::tilingEdited);
    connect(m_roi, &QLineEdit::textEdited, this, &AugmentPanel::tilingEdited);
    connect(m_tileOverlap, &QSpinBox::valueChanged, this, &AugmentPanel::tilingEdited);
    connect(m_warningList, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { showWarningImages(m_warningList->row(item)); });
}

void AugmentPanel::setInspection(const InspectionPtr &inspection)
{
    if (inspection == m_inspection)
        return;
    m_inspection = inspection;
    m_cache = std::make_shared<SourceImageCache>();
    m_samples.clear();
    m_warnings.clear();
    m_warningList->clear();
    if (!m_inspection || m_inspection->dataset.samples.empty()) {
        m_grid->setTiles({});
        m_status->setText(m_inspection ? tr("This dataset has no images.") : QString());
        return;
    }
    pickRandomImages(m_imageCount->value(), quint64(m_seed->value()));
    scheduleAdvice();
}

void AugmentPanel::setImages(const QList<int> &samples)
{
    QList<int> valid;
    const int n = m_inspection ? int(m_inspection->dataset.samples.size()) : 0;
    for (int s : samples)
        if (s >= 0 && s < n && !valid.contains(s))
            valid.append(s);
    m_samples = valid;
    QStringList text;
    for (int s : m_samples)
        text << QString::number(s);
    m_imageText->setText(text.join(QStringLiteral(", ")));
    scheduleRender();
}

void AugmentPanel::pickRandomImages(int count, quint64 seed)
{
    if (!m_inspection)
        return;
    const std::vector<Sample> &samples = m_inspection->dataset.samples;
    // Images with objects show what the pipeline does to them; fall back to any image.
    std::vector<int> pool;
    for (int i = 0; i < int(samples.size()); ++i)
        if (!samples[std::size_t(i)].objects.empty())
            pool.push_back(i);
    if (pool.empty())
        for (int i = 0; i < int(samples.size()); ++i)
            pool.push_back(i);
    QRandomGenerator rng(quint32(seed ^ (seed >> 32)));
    for (std::size_t i = pool.size(); i > 1; --i)
        std::swap(pool[i - 1], pool[rng.bounded(quint32(i))]);
    QList<int> chosen;
    for (int i = 0; i < std::min<int>(count, int(pool.size())); ++i)
        chosen.append(pool[std::size_t(i)]);
    std::sort(chosen.begin(), chosen.end());
    setImages(chosen);
}

void AugmentPanel::applyImageText()
{
    if (!m_inspection)
        return;
    const auto &samples = m_inspection->dataset.samples;
    QList<int> chosen;
    QStringList unknown;
    const QStringList tokens = m_imageText->text().split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts);
    for (const QString &token : tokens) {
        bool isNumber = false;
        const int index = token.toInt(&isNumber);
        if (isNumber) {
            chosen.append(index);
            continue;
        }
        int found = -1;
        for (int i = 0; i < int(samples.size()) && found < 0; ++i)
            if (samples[std::size_t(i)].path == token || samples[std::size_t(i)].path.endsWith(QLatin1Char('/') + token))
                found = i;
        if (found >= 0)
            chosen.append(found);
        else
            unknown << token;
    }
    setImages(chosen);
    if (!unknown.isEmpty())
        m_status->setText(tr("Not in this dataset: %1").arg(unknown.join(QStringLiteral(", "))));
}

void AugmentPanel::setPipeline(const Pipeline &pipeline)
{
    m_editor->setPipeline(pipeline);
}

Pipeline AugmentPanel::pipeline() const
{
    return Pipeline::fromJson(pipelineJson());
}

QByteArray AugmentPanel::pipelineJson() const
{
    return m_editor->pipelineJson();
}

bool AugmentPanel::setStepParameter(int step, const QString &key, const QJsonValue &value)
{
    return m_editor->setStepParameter(step, key, value);
}

void AugmentPanel::setStepEnabled(int step, bool enabled)
{
    m_editor->setStepEnabled(step, enabled);
}

void AugmentPanel::setVariantCount(int n)
{
    m_variants->setValue(n);
}

void AugmentPanel::setEvaluationView(bool on)
{
    m_evaluation->setChecked(on);
}

void AugmentPanel::setExactBatch(bool on)
{
    m_exactBatch->setChecked(on);
}

void AugmentPanel::setModelInput(int imageSize, int channels)
{
    m_inputSize->setValue(imageSize);
    m_channels->setCurrentIndex(channels == 1 ? 1 : 0);
}

void AugmentPanel::setInputSize(int size)
{
    m_inputSize->setValue(size);
}

int AugmentPanel::inputSize() const
{
    return m_inputSize->value();
}

void AugmentPanel::followInputSize(int size)
{
    const int old = std::exchange(m_inputSizeShown, size);
    const QJsonArray steps =
        QJsonDocument::fromJson(pipelineJson()).object().value(QStringLiteral("steps")).toArray();
    for (int i = 0; i < steps.size(); ++i) {
        const QJsonObject step = steps[i].toObject();
        if (step.value(QStringLiteral("type")).toString() == QLatin1String("resize")
            && step.value(QStringLiteral("width")).toInt() == old && step.value(QStringLiteral("height")).toInt() == old) {
            m_editor->setStepParameter(i, QStringLiteral("width"), size);
            m_editor->setStepParameter(i, QStringLiteral("height"), size);
        }
    }
    if (m_exactBatch->isChecked() || m_tilesView->isChecked())
        scheduleRender();
    scheduleAdvice(); // the detector's boxes at the input size
}

void AugmentPanel::setTiling(const QString &tiles, int overlap, const QString &roi)
{
    const QString t = tiles.trimmed().isEmpty() ? QStringLiteral("1x1") : tiles.trimmed();
    if (t == m_tiles->text() && overlap == m_tileOverlap->value() && roi.trimmed() == m_roi->text())
        return;
    {
        QSignalBlocker a(m_tiles), b(m_tileOverlap), c(m_roi);
        m_tiles->setText(t);
        m_tileOverlap->setValue(overlap);
        m_roi->setText(roi.trimmed());
    }
    if (m_tilesView->isChecked())
        scheduleRender();
    scheduleAdvice();
}

QString AugmentPanel::tilesText() const
{
    return m_tiles->text().trimmed().isEmpty() ? QStringLiteral("1x1") : m_tiles->text().trimmed();
}

int AugmentPanel::tileOverlap() const
{
    return m_tileOverlap->value();
}

QString AugmentPanel::roiText() const
{
    return m_roi->text().trimmed();
}

void AugmentPanel::setTilesView(bool on)
{
    m_tilesView->setChecked(on);
}

void AugmentPanel::tilingEdited()
{
    if (m_tilesView->isChecked())
        scheduleRender();
    scheduleAdvice();
    Q_EMIT tilingChanged(tilesText(), tileOverlap(), roiText());
}

std::optional<TilingSetting> AugmentPanel::tilingSetting(QString *error) const
{
    TilingSetting setting;
    try {
        setting.tiles = parseTileCount(tilesText());
        setting.overlap = m_tileOverlap->value();
        if (!roiText().isEmpty())
            setting.roi = parseRoi(roiText());
    } catch (const TilingError &e) {
        if (error)
            *error = e.message();
        return std::nullopt;
    }
    return setting;
}

void AugmentPanel::setBatchCount(int count)
{
    m_batchCount->setValue(count);
}

const QList<VariantTile> &AugmentPanel::tiles() const
{
    return m_grid->tiles();
}

void AugmentPanel::useDefault()
{
    setPipeline(Pipeline::defaultTraining(m_inputSize->value(), m_channels->currentData().toInt()));
}

void AugmentPanel::scheduleRender()
{
    if (!m_changeClockRunning) {
        m_changeClock.start();
        m_changeClockRunning = true;
    }
    m_renderDebounce.start();
}

void AugmentPanel::startRender()
{
    if (m_renderWatcher->isRunning()) {
        m_renderWanted = true;
        return;
    }
    m_renderWanted = false;
    if (!m_inspection) {
        m_changeClockRunning = false;
        return;
    }
    AugmentRenderJob job;
    job.generation = ++m_renderGeneration;
    job.inspection = m_inspection;
    job.cache = m_cache;
    job.pipelineJson = pipelineJson();
    job.samples = m_samples;
    job.variants = m_variants->value();
    job.seed = quint64(m_seed->value());
    QString tilingError;
    const std::optional<TilingSetting> tiling = tilingSetting(&tilingError);
    const bool tilesView = m_tilesView->isChecked() && !m_exactBatch->isChecked() && tiling;
    job.mode = m_exactBatch->isChecked() ? RenderMode::Batch
        : tilesView                      ? RenderMode::Tiles
        : m_evaluation->isChecked()      ? RenderMode::Evaluation
                                         : RenderMode::Training;
    if (tiling)
        job.tiling = *tiling;
    job.evaluationTiles = m_evaluation->isChecked();
    m_tilingError = m_tilesView->isChecked() ? tilingError : QString();
    job.batch.imageSize = m_inputSize->value();
    job.batch.channels = m_channels->currentData().toInt();
    job.batch.epoch = m_epoch->value();
    job.batch.count = m_batchCount->value();
    job.batch.seed = quint64(m_seed->value());
    m_renderWatcher->setFuture(QtConcurrent::run([job] { return AugmentRenderer::render(job); }));
    // The exact batch decodes whole photos; say so when it takes a moment.
    QTimer::singleShot(600, this, [this] { setBusy(m_adviceWatcher->isRunning(), m_renderWatcher->isRunning()); });
}

void AugmentPanel::renderDone()
{
    const AugmentRenderResult result = m_renderWatcher->result();
    if (m_renderWanted) {
        // Something changed while this ran: its pictures are already stale.
        startRender();
        return;
    }
    setBusy(m_adviceWatcher->isRunning(), false);
    m_grid->setTiles(result.tiles);
    QString status;
    if (m_exactBatch->isChecked())
        status = tr("Exact batch: the first %1 images of epoch %2 as the data loader gives them to the model "
                    "(%3×%3, %n channel(s)), de-normalised.",
                    nullptr, m_channels->currentData().toInt())
                     .arg(result.tiles.size())
                     .arg(m_epoch->value())
                     .arg(m_inputSize->value());
    else if (m_tilesView->isChecked() && m_tilingError.isEmpty())
        status = tr("Tiles view: each image with its tiles (yellow) and region (cyan); then each tile with the boxes "
                    "it keeps as targets (solid) and drops (dashed grey: under half their area inside); then the "
                    "tile with the most boxes as training sees it at %1×%1.")
                     .arg(m_inputSize->value());
    else if (m_evaluation->isChecked())
        status = tr("Evaluation view: only the deterministic steps, as evaluation and inference see the images.");
    else
        // The grid wraps a group onto more lines when the page is narrow: say "line", not "row".
        status = tr("Each image starts a new line: the image before (framed), then its %1 training variants; hover "
                    "a picture for every parameter.")
                     .arg(m_variants->value());
    if (!m_tilingError.isEmpty())
        status += QLatin1Char('\n') + m_tilingError;
    if (!result.error.isEmpty())
        status += QLatin1Char('\n') + result.error.trimmed();
    m_status->setText(status);
    m_lastRenderMs = m_changeClockRunning ? double(m_changeClock.nsecsElapsed()) / 1e6 : 0.0;
    m_changeClockRunning = false;
    Q_EMIT rendered(int(result.tiles.size()), m_lastRenderMs);
}

void AugmentPanel::scheduleAdvice()
{
    if (m_inspection)
        m_adviceDebounce.start();
}

void AugmentPanel::startAdvice()
{
    if (m_adviceWatcher->isRunning()) {
        m_adviceWanted = true;
        return;
    }
    m_adviceWanted = false;
    if (!m_inspection)
        return;
    const quint64 generation = ++m_adviceGeneration;
    const InspectionPtr inspection = m_inspection;
    const QByteArray json = pipelineJson();
    const int inputSize = m_inputSize->value();
    const std::optional<TilingSetting> tiling = tilingSetting();
    m_adviceWatcher->setFuture(QtConcurrent::run([generation, inspection, json, inputSize, tiling] {
        return AugmentRenderer::advise(generation, inspection, json, inputSize, tiling);
    }));
    QTimer::singleShot(600, this, [this] { setBusy(m_adviceWatcher->isRunning(), m_renderWatcher->isRunning()); });
}

void AugmentPanel::adviceDone()
{
    AugmentAdviceResult result = m_adviceWatcher->result();
    if (m_adviceWanted) {
        startAdvice();
        return;
    }
    setBusy(false, m_renderWatcher->isRunning());
    m_warnings = std::move(result.warnings);
    m_warningList->clear();
    const QIcon icon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const AugmentWarning &w : m_warnings) {
        QString text = QStringLiteral("%1\n%2.").arg(warningTitle(w.kind), w.message);
        if (!w.suggestion.isEmpty())
            text += QStringLiteral("\n→ ") + w.suggestion;
        auto *item = new QListWidgetItem(icon, text, m_warningList);
        item->setToolTip(tr("Click to show the images concerned, before and after"));
    }
    if (!result.error.isEmpty())
        new QListWidgetItem(result.error, m_warningList);
    if (m_warnings.empty() && result.error.isEmpty()) {
        auto *ok = new QListWidgetItem(tr("No warnings: objects stay visible, pixels stay in range, nothing is cut "
                                          "out."),
                                       m_warningList);
        ok->setFlags(Qt::ItemIsEnabled);
    }
    if (auto *box = findChild<QGroupBox *>(QStringLiteral("adviceBox")))
        box->setTitle(m_warnings.empty() ? tr("Advisor") : tr("Advisor: %n warning(s)", nullptr, int(m_warnings.size())));
    Q_EMIT warningsChanged(int(m_warnings.size()));
}

void AugmentPanel::showWarningImages(int row)
{
    if (row < 0 || row >= int(m_warnings.size()))
        return;
    const AugmentWarning &w = m_warnings[std::size_t(row)];
    QList<int> samples;
    for (std::size_t i = 0; i < w.samples.size() && samples.size() < 3; ++i)
        samples.append(w.samples[i]);
    // Before and after means the training pipeline on these very images.
    {
        QSignalBlocker a(m_evaluation), b(m_exactBatch);
        m_evaluation->setChecked(false);
        m_exactBatch->setChecked(false);
    }
    setImages(samples);
}

void AugmentPanel::setBusy(bool adviceRunning, bool renderRunning)
{
    m_busy->setVisible(adviceRunning || renderRunning);
}

} // namespace loupe
