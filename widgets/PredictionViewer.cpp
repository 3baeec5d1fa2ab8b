#include "PredictionViewer.h"

#include "ImageViewer.h"
#include "PredictionsText.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace loupe {

namespace {

// Texts written for the Predictions page keep its translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::PredictionsPanel)
};

} // namespace

PredictionViewer::PredictionViewer(QWidget *parent)
    : QWidget(parent)
    , m_viewer(new ImageViewer(this))
    , m_heatPredicted(new QToolButton(this))
    , m_heatTruth(new QToolButton(this))
    , m_heatBusy(new QProgressBar(this))
    , m_status(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *tools = new QHBoxLayout;
    auto button = [this, tools](const QString &text, const QString &tip, auto slot) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        connect(b, &QToolButton::clicked, this, slot);
        tools->addWidget(b);
        return b;
    };
    button(Text::tr("◀"), Text::tr("Previous image in the gallery (Left)"), [this] { Q_EMIT stepRequested(-1); })
        ->setObjectName(QStringLiteral("previousPrediction"));
    button(Text::tr("▶"), Text::tr("Next image in the gallery (Right)"), [this] { Q_EMIT stepRequested(1); })
        ->setObjectName(QStringLiteral("nextPrediction"));
    button(Text::tr("Fit"), Text::tr("Fit the image to the window (F)"), [this] { m_viewer->fitToWindow(); });
    tools->addSpacing(8);
    tools->addWidget(new QLabel(Text::tr("Grad-CAM:"), this));
    m_heatPredicted->setObjectName(QStringLiteral("heatmapPredicted"));
    m_heatPredicted->setText(Text::tr("predicted"));
    m_heatPredicted->setToolTip(Text::tr("Where the model looked to answer the predicted class"));
    m_heatTruth->setObjectName(QStringLiteral("heatmapTruth"));
    m_heatTruth->setText(Text::tr("true"));
    m_heatTruth->setToolTip(Text::tr("Where the model would look for the true class"));
    for (QToolButton *b : {m_heatPredicted, m_heatTruth}) {
        b->setCheckable(true);
        b->setAutoRaise(true);
        tools->addWidget(b);
    }
    connect(m_heatPredicted, &QToolButton::clicked, this,
            [this](bool on) { setHeatmapMode(on ? HeatmapMode::Predicted : HeatmapMode::Off); });
    connect(m_heatTruth, &QToolButton::clicked, this,
            [this](bool on) { setHeatmapMode(on ? HeatmapMode::Truth : HeatmapMode::Off); });
    m_heatBusy->setObjectName(QStringLiteral("heatmapBusy"));
    m_heatBusy->setRange(0, 0);
    m_heatBusy->setMaximumWidth(36);
    m_heatBusy->setMaximumHeight(12);
    m_heatBusy->setTextVisible(false);
    m_heatBusy->setVisible(false);
    // Its room is kept while hidden: switching Grad-CAM on must not widen the window.
    QSizePolicy busyPolicy = m_heatBusy->sizePolicy();
    busyPolicy.setRetainSizeWhenHidden(true);
    m_heatBusy->setSizePolicy(busyPolicy);
    tools->addWidget(m_heatBusy);
    tools->addStretch(1);
    layout->addLayout(tools);

    m_viewer->setObjectName(QStringLiteral("predictionViewer"));
    layout->addWidget(m_viewer, 1);
    m_status->setObjectName(QStringLiteral("predictionViewerStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setMinimumWidth(50);
    m_status->setWordWrap(true); // the Grad-CAM note at small input sizes runs to a few lines
    layout->addWidget(m_status);
    connect(m_viewer, &ImageViewer::statusChanged, this, [this](const QString &text) {
        if (!text.isEmpty())
            m_status->setText(text);
    });
    connect(m_viewer, &ImageViewer::nextRequested, this, [this] { Q_EMIT stepRequested(1); });
    connect(m_viewer, &ImageViewer::previousRequested, this, [this] { Q_EMIT stepRequested(-1); });
    connect(m_viewer, &ImageViewer::imageShown, this, &PredictionViewer::imageShown);

    connect(&m_heatmaps, &HeatmapController::ready, this, &PredictionViewer::heatmapReady);
    connect(&m_heatmaps, &HeatmapController::failed, this, [this](quint64 id, const QString &message) {
        if (id != m_heatRequest)
            return;
        m_heatBusy->setVisible(false);
        m_status->setText(Text::tr("No Grad-CAM: %1").arg(message));
        Q_EMIT heatmapFinished(false);
    });
}

void PredictionViewer::cancelHeatmap()
{
    m_heatmaps.cancel();
    m_heatBusy->setVisible(false);
}

void PredictionViewer::forget()
{
    m_subject = Subject();
    cancelHeatmap();
}

void PredictionViewer::open(const Subject &subject)
{
    m_subject = subject;
    m_shown = false;
    m_baseImage = QImage();
    cancelHeatmap();
    const InspectionPtr &in = subject.inspection;
    const Sample &s = in->dataset.samples[std::size_t(subject.sampleIndex)];
    m_viewer->open(s.path, s.objects, in->dataset.classes, s.idxIndex >= 0 ? in->dataset.idx : nullptr, s.idxIndex);
}

void PredictionViewer::clear(const QString &message)
{
    m_subject = Subject();
    m_shown = false;
    m_baseImage = QImage();
    cancelHeatmap();
    m_viewer->clear(message);
}

void PredictionViewer::setExplainable(bool on)
{
    for (QToolButton *b : {m_heatPredicted, m_heatTruth}) {
        b->setEnabled(on);
        if (!on)
            b->setChecked(false);
    }
    if (!on)
        m_mode = HeatmapMode::Off;
    m_heatPredicted->setToolTip(on ? Text::tr("Where the model looked to answer the predicted class")
                                   : Text::tr("Grad-CAM needs the run's checkpoint"));
}

void PredictionViewer::imageShown(const QString &path)
{
    // setImage (the overlay, or the plain image again) reports an empty path: not a new image.
    if (path.isEmpty() || m_subject.sampleIndex < 0 || path != m_subject.samplePath)
        return;
    m_baseImage = m_viewer->image();
    m_shown = false;
    if (m_mode != HeatmapMode::Off)
        requestHeatmap();
}

void PredictionViewer::requestHeatmap()
{
    if (m_subject.sampleIndex < 0 || m_baseImage.isNull() || m_mode == HeatmapMode::Off)
        return;
    const int classIndex = m_mode == HeatmapMode::Truth ? m_subject.truth : m_subject.predicted;
    m_heatBusy->setVisible(true);
    m_status->setText(Text::tr("Computing Grad-CAM for %1…").arg(m_subject.classes.value(classIndex)));
    m_heatRequest = m_heatmaps.request(m_subject.runDir, m_subject.inspection, m_subject.sampleIndex, classIndex,
                                       m_baseImage);
}

void PredictionViewer::heatmapReady(quint64 id, const QImage &overlay, const Explanation &e)
{
    if (id != m_heatRequest)
        return;
    m_heatBusy->setVisible(false);
    if (m_mode == HeatmapMode::Off || overlay.isNull())
        return;
    m_viewer->setImage(overlay);
    m_shown = true;
    QString text = Text::tr("Grad-CAM for %1 (the model gives it %2)")
                       .arg(m_subject.classes.value(e.explainedClass),
                            e.explainedClass >= 0 && e.explainedClass < int(e.probabilities.size())
                                ? percentText(e.probabilities[std::size_t(e.explainedClass)])
                                : QStringLiteral("–"));
    // A small input leaves the last feature map a cell or two wide: the "map" is then one wash of
    // colour. Say so, and which input size gives a map that can point somewhere.
    constexpr int kUsefulCells = 7;
    const int cells = std::min(e.heatmap.width, e.heatmap.height);
    if (cells > 0 && cells < 4 && e.inputSize > 0) {
        const int stride = std::max(1, int(std::lround(double(e.inputSize) / std::max(e.heatmap.width, 1))));
        text += QStringLiteral(". ")
            + Text::tr("At %1 px input the model's last feature map is only %2 × %3 cells, too coarse to show where "
                       "it looked; train at %4 px or more for a %5 × %5 map.")
                  .arg(e.inputSize)
                  .arg(e.heatmap.width)
                  .arg(e.heatmap.height)
                  .arg(stride * kUsefulCells)
                  .arg(kUsefulCells);
    }
    m_status->setText(text);
    m_status->setToolTip(text);
    Q_EMIT heatmapFinished(true);
}

void PredictionViewer::showBaseImage()
{
    cancelHeatmap();
    if (m_shown && !m_baseImage.isNull())
        m_viewer->setImage(m_baseImage);
    m_shown = false;
}

void PredictionViewer::setHeatmapMode(HeatmapMode mode)
{
    if (mode != HeatmapMode::Off && !m_heatPredicted->isEnabled())
        mode = HeatmapMode::Off;
    m_mode = mode;
    m_heatPredicted->setChecked(mode == HeatmapMode::Predicted);
    m_heatTruth->setChecked(mode == HeatmapMode::Truth);
    showBaseImage();
    if (mode != HeatmapMode::Off)
        requestHeatmap();
}

} // namespace loupe
