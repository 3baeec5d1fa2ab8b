#include "LossPlot.h"

#include "NumberText.h"
#include "PlotLegend.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QMouseEvent>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <cmath>

namespace loupe {

namespace {

// The plot needs no more than ~30 frames a second; data can arrive far more often.
constexpr int kReplotIntervalMs = 33;
// How close (in pixels) the pointer must be to a point for the readout to show it.
constexpr double kReadoutRadiusPx = 24.0;

const QColor kTrainColor(31, 119, 180);
const QColor kTrainEpochColor(15, 45, 110);
const QColor kDevColor(214, 39, 40);
const QColor kF1Color(44, 160, 44);

QColor overlayColor(int i)
{
    static const QColor palette[] = {QColor(148, 103, 189), QColor(140, 86, 75), QColor(227, 119, 194),
                                     QColor(127, 127, 127), QColor(188, 189, 34), QColor(23, 190, 207),
                                     QColor(255, 127, 14)};
    return palette[i % int(std::size(palette))];
}

bool finite(double v)
{
    return std::isfinite(v);
}

} // namespace

LossPlot::LossPlot(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
    , m_smoothSlider(new QSlider(Qt::Horizontal, this))
    , m_smoothLabel(new QLabel(this))
    , m_logCheck(new QCheckBox(tr("Log scale"), this))
    , m_overlayCheck(new QCheckBox(tr("Earlier runs (dev —, train - -)"), this))
    , m_partsCheck(new QCheckBox(tr("Loss parts"), this))
{
    m_plot->setObjectName(QStringLiteral("lossPlot"));
    m_plot->setMinimumHeight(220);
    m_plot->setMinimumWidth(280); // QCustomPlot's own minimum counts every tick label at full width
    m_plot->setNoAntialiasingOnDrag(true);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->xAxis->setLabel(tr("epoch"));
    m_plot->yAxis->setLabel(tr("loss"));
    m_plot->yAxis2->setVisible(true);
    m_plot->yAxis2->setLabel(tr("dev macro F1"));
    m_plot->yAxis2->setRange(0, 1.05);
    m_plot->yAxis2->setLabelColor(kF1Color);
    m_plot->yAxis2->setTickLabelColor(kF1Color);
    // Zoom and pan act on time and loss; the F1 axis keeps its 0..1 scale.
    m_plot->axisRect()->setRangeDragAxes(m_plot->xAxis, m_plot->yAxis);
    m_plot->axisRect()->setRangeZoomAxes(m_plot->xAxis, m_plot->yAxis);
    placeLegendBelowAxes(m_plot, font(), 3);
    m_plot->legend->setMargins(QMargins(4, 0, 4, 2));

    // Raw steps faint, their average clear, the epoch means darkest: the eye reads the trend first.
    m_stepRaw = makeGraph(tr("train loss per step"), QColor(kTrainColor.red(), kTrainColor.green(), kTrainColor.blue(), 60));
    m_stepRaw->removeFromLegend();
    m_stepSmooth = makeGraph(tr("train loss per step (smoothed)"), kTrainColor);
    m_stepSmooth->setPen(QPen(kTrainColor, 1.5));
    m_epochTrain = makeGraph(tr("train loss per epoch"), kTrainEpochColor);
    m_epochTrain->setPen(QPen(kTrainEpochColor, 2));
    m_epochTrain->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
    m_epochDev = makeGraph(tr("dev loss"), kDevColor);
    m_epochDev->setPen(QPen(kDevColor, 2));
    m_epochDev->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
    m_devF1 = makeGraph(tr("dev macro F1 (right axis)"), kF1Color, true);
    m_devF1->setPen(QPen(kF1Color, 1.5, Qt::DashLine));
    m_devF1->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, 6));

    auto makeMark = [&](const QColor &color, const QString &text, QCPItemStraightLine **line, QCPItemText **label) {
        *line = new QCPItemStraightLine(m_plot);
        (*line)->setPen(QPen(color, 1.5, Qt::DashDotLine));
        (*line)->setVisible(false);
        *label = new QCPItemText(m_plot);
        (*label)->setText(text);
        (*label)->setColor(color);
        (*label)->position->setTypeX(QCPItemPosition::ptPlotCoords);
        (*label)->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        (*label)->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
        (*label)->setVisible(false);
    };
    // Grey, not green: green is the F1 curve's colour.
    makeMark(QColor(80, 80, 80), tr(" best"), &m_bestLine, &m_bestLabel);
    makeMark(QColor(200, 80, 0), tr(" early stop"), &m_stopLine, &m_stopLabel);

    m_tracer = new QCPItemTracer(m_plot);
    m_tracer->setStyle(QCPItemTracer::tsCircle);
    m_tracer->setSize(9);
    m_tracer->setPen(QPen(Qt::black, 1.5));
    m_tracer->setVisible(false);
    m_readout = new QCPItemText(m_plot);
    m_readout->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    m_readout->setPadding(QMargins(4, 2, 4, 2));
    m_readout->setBrush(QColor(255, 255, 224, 235));
    m_readout->setPen(QPen(QColor(120, 120, 120)));
    m_readout->setVisible(false);

    m_smoothSlider->setObjectName(QStringLiteral("smoothing"));
    m_smoothSlider->setRange(0, 99);
    m_smoothSlider->setValue(int(std::lround(m_smoothing * 100)));
    m_smoothSlider->setMaximumWidth(140);
    m_smoothSlider->setToolTip(tr("Exponential moving average of the step losses: 0 draws them raw."));
    m_smoothLabel->setText(numberText(m_smoothing, 'f', 2));
    m_logCheck->setObjectName(QStringLiteral("logScale"));
    m_overlayCheck->setObjectName(QStringLiteral("overlays"));
    m_overlayCheck->setChecked(true);
    m_overlayCheck->setToolTip(tr("Draw the dev (solid) and train (dashed) losses of the project's other runs."));
    m_partsCheck->setObjectName(QStringLiteral("lossParts"));
    m_partsCheck->setChecked(true);
    m_partsCheck->setVisible(false); // until a task reports parts
    m_partsCheck->setToolTip(tr("Draw the parts the loss is the sum of, per epoch: a detector's classification "
                                "(focal) loss and box regression loss, train solid, dev dashed."));

    auto button = [&](const QString &text, const QString &name, const QString &tip) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setObjectName(name);
        b->setToolTip(tip);
        return b;
    };
    QToolButton *reset = button(tr("Reset view"), QStringLiteral("resetView"),
                                tr("Show every curve and follow new data again (drag to pan, wheel to zoom)."));
    QToolButton *png = button(tr("PNG…"), QStringLiteral("exportPng"), tr("Save the plot as a PNG image."));
    QToolButton *pdf = button(tr("PDF…"), QStringLiteral("exportPdf"), tr("Save the plot as a PDF."));

    // Two rows, so that the plot beside the Train form fits a 1024 px window in German too.
    auto *controls = new QVBoxLayout;
    controls->setContentsMargins(0, 0, 0, 0);
    controls->setSpacing(2);
    auto *row1 = new QHBoxLayout;
    row1->addWidget(new QLabel(tr("Smoothing"), this));
    row1->addWidget(m_smoothSlider);
    row1->addWidget(m_smoothLabel);
    row1->addStretch(1);
    row1->addWidget(reset);
    row1->addWidget(png);
    row1->addWidget(pdf);
    auto *row2 = new QHBoxLayout;
    row2->addWidget(m_logCheck);
    row2->addWidget(m_overlayCheck);
    row2->addWidget(m_partsCheck);
    row2->addStretch(1);
    controls->addLayout(row1);
    controls->addLayout(row2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_plot, 1);

    m_replotTimer.setSingleShot(true);
    m_replotTimer.setInterval(kReplotIntervalMs);
    connect(&m_replotTimer, &QTimer::timeout, this, &LossPlot::replotNow);
    connect(m_smoothSlider, &QSlider::valueChanged, this, [this](int v) { setSmoothing(v / 100.0); });
    connect(m_logCheck, &QCheckBox::toggled, this, &LossPlot::setLogScale);
    connect(m_overlayCheck, &QCheckBox::toggled, this, [this](bool on) {
        for (QCPGraph *g : m_overlayGraphs)
            g->setVisible(on);
        scheduleReplot();
    });
    connect(m_partsCheck, &QCheckBox::toggled, this, [this](bool on) {
        for (const auto &[key, g] : m_partGraphs)
            g->setVisible(on);
        scheduleReplot();
    });
    connect(reset, &QToolButton::clicked, this, &LossPlot::resetView);
    connect(png, &QToolButton::clicked, this, [this] { exportWithDialog(false); });
    connect(pdf, &QToolButton::clicked, this, [this] { exportWithDialog(true); });
    // A zoom or pan by the user stops the view from jumping to new data until Reset view.
    connect(m_plot, &QCustomPlot::mousePress, this, [this] { m_follow = false; });
    connect(m_plot, &QCustomPlot::mouseWheel, this, [this] { m_follow = false; });
    connect(m_plot, &QCustomPlot::mouseMove, this, &LossPlot::showReadout);
    rescale();
}

QCPGraph *LossPlot::makeGraph(const QString &name, const QColor &color, bool onRightAxis)
{
    QCPGraph *g = m_plot->addGraph(m_plot->xAxis, onRightAxis ? m_plot->yAxis2 : m_plot->yAxis);
    g->setName(name);
    g->setPen(QPen(color, 1));
    g->setAdaptiveSampling(true);
    return g;
}

QCPGraph *LossPlot::lossPartGraph(const QString &key)
{
    for (const auto &[k, g] : m_partGraphs)
        if (k == key)
            return g;
    // "train_loss_box" → train, "box"; a part keeps its colour in train and dev.
    const bool dev = key.startsWith(QLatin1String("dev_"));
    const QString part = key.mid(key.indexOf(QLatin1String("_loss_")) + 6);
    QString partName = part;
    QColor color(127, 127, 127);
    if (part == QLatin1String("classification")) {
        partName = tr("classification");
        color = QColor(148, 103, 189);
    } else if (part == QLatin1String("box")) {
        partName = tr("box");
        color = QColor(255, 127, 14);
    }
    QCPGraph *g = makeGraph(dev ? tr("dev %1 loss").arg(partName) : tr("train %1 loss").arg(partName), color);
    g->setPen(QPen(color, 1.5, dev ? Qt::DashLine : Qt::SolidLine));
    g->setScatterStyle(QCPScatterStyle(dev ? QCPScatterStyle::ssSquare : QCPScatterStyle::ssTriangle, 5));
    g->setVisible(m_partsCheck->isChecked());
    m_partGraphs.emplace_back(key, g);
    m_partsCheck->setVisible(true);
    return g;
}

QStringList LossPlot::lossPartKeys() const
{
    QStringList keys;
    for (const auto &[k, g] : m_partGraphs)
        keys << k;
    return keys;
}

int LossPlot::lossPartPointCount(const QString &key) const
{
    for (const auto &[k, g] : m_partGraphs)
        if (k == key)
            return g->dataCount();
    return 0;
}

bool LossPlot::lossPartsShown() const
{
    return !m_partGraphs.empty() && m_partsCheck->isChecked();
}

void LossPlot::clearRun()
{
    m_rawSteps.clear();
    m_ema = 0;
    for (QCPGraph *g : {m_stepRaw, m_stepSmooth, m_epochTrain, m_epochDev, m_devF1})
        g->data()->clear();
    for (const auto &[key, g] : m_partGraphs)
        m_plot->removeGraph(g);
    m_partGraphs.clear();
    m_partsCheck->setVisible(false);
    setMarks(0, 0);
    m_tracer->setVisible(false);
    m_readout->setVisible(false);
    scheduleReplot();
}

void LossPlot::addStepLosses(const QVector<QPointF> &points)
{
    bool added = false;
    for (const QPointF &p : points) {
        if (!finite(p.x()) || !finite(p.y()))
            continue;
        m_ema = m_rawSteps.isEmpty() ? p.y() : m_smoothing * m_ema + (1.0 - m_smoothing) * p.y();
        m_rawSteps.append(p);
        m_stepRaw->addData(p.x(), p.y());
        m_stepSmooth->addData(p.x(), m_ema);
        added = true;
    }
    if (added)
        scheduleReplot();
}

void LossPlot::addEpoch(const EpochMetrics &m)
{
    bool added = false;
    if (finite(m.trainLoss)) {
        m_epochTrain->addData(m.epoch, m.trainLoss);
        added = true;
    }
    if (finite(m.devLoss)) {
        m_epochDev->addData(m.epoch, m.devLoss);
        added = true;
    }
    for (const auto &[key, value] : m.extra)
        if ((key.startsWith(QLatin1String("train_loss_")) || key.startsWith(QLatin1String("dev_loss_"))) && finite(value)) {
            lossPartGraph(key)->addData(m.epoch, value);
            added = true;
        }
    // The right axis holds the task's ranking figure: macro F1, or a detector's COCO mAP.
    const double score = m.hasClassMetrics ? m.devMacroF1 : m.value(QStringLiteral("dev_map"), qQNaN());
    const QString scoreName = m.hasClassMetrics ? tr("dev macro F1 (right axis)") : tr("dev mAP (right axis)");
    if (m_devF1->name() != scoreName) {
        m_devF1->setName(scoreName);
        m_plot->yAxis2->setLabel(m.hasClassMetrics ? tr("dev macro F1") : tr("dev mAP"));
    }
    if (finite(score)) {
        m_devF1->addData(m.epoch, score);
        added = true;
    }
    if (added)
        scheduleReplot();
}

void LossPlot::setHistory(const std::vector<EpochMetrics> &history)
{
    clearRun();
    for (const EpochMetrics &m : history)
        addEpoch(m);
}

void LossPlot::setMarks(int bestEpoch, int stoppedEpoch)
{
    auto place = [](QCPItemStraightLine *line, QCPItemText *label, int epoch) {
        line->setVisible(epoch > 0);
        label->setVisible(epoch > 0);
        if (epoch <= 0)
            return;
        line->point1->setCoords(epoch, 0);
        line->point2->setCoords(epoch, 1);
        label->position->setCoords(epoch, 0.98);
    };
    place(m_bestLine, m_bestLabel, bestEpoch);
    place(m_stopLine, m_stopLabel, stoppedEpoch);
    // Both at one epoch: keep the labels apart.
    if (bestEpoch > 0 && bestEpoch == stoppedEpoch)
        m_stopLabel->position->setCoords(stoppedEpoch, 0.92);
    scheduleReplot();
}

void LossPlot::setOverlays(const QList<Overlay> &runs)
{
    for (QCPGraph *g : m_overlayGraphs)
        m_plot->removeGraph(g);
    m_overlayGraphs.clear();
    int i = 0;
    for (const Overlay &run : runs) {
        const QColor color = overlayColor(i++);
        QCPGraph *dev = makeGraph(run.name, color);
        QCPGraph *train = makeGraph(run.name, color);
        train->removeFromLegend();
        QColor faded = color;
        faded.setAlpha(170);
        dev->setPen(QPen(faded, 1.5));
        train->setPen(QPen(faded, 1.2, Qt::DashLine));
        for (const EpochMetrics &m : run.history) {
            if (finite(m.devLoss))
                dev->addData(m.epoch, m.devLoss);
            if (finite(m.trainLoss))
                train->addData(m.epoch, m.trainLoss);
        }
        dev->setVisible(m_overlayCheck->isChecked());
        train->setVisible(m_overlayCheck->isChecked());
        // Behind the current run's curves.
        dev->setLayer(QStringLiteral("grid"));
        train->setLayer(QStringLiteral("grid"));
        m_overlayGraphs << dev << train;
    }
    scheduleReplot();
}

void LossPlot::setSmoothing(double factor)
{
    factor = std::clamp(factor, 0.0, 0.99);
    if (factor == m_smoothing)
        return;
    m_smoothing = factor;
    const QSignalBlocker block(m_smoothSlider);
    m_smoothSlider->setValue(int(std::lround(factor * 100)));
    m_smoothLabel->setText(numberText(factor, 'f', 2));
    rebuildSmoothed();
}

void LossPlot::rebuildSmoothed()
{
    QVector<double> keys, values;
    keys.reserve(m_rawSteps.size());
    values.reserve(m_rawSteps.size());
    double ema = 0;
    for (int i = 0; i < m_rawSteps.size(); ++i) {
        ema = i == 0 ? m_rawSteps[i].y() : m_smoothing * ema + (1.0 - m_smoothing) * m_rawSteps[i].y();
        keys.append(m_rawSteps[i].x());
        values.append(ema);
    }
    m_ema = ema;
    m_stepSmooth->setData(keys, values, true);
    scheduleReplot();
}

void LossPlot::setLogScale(bool on)
{
    {
        const QSignalBlocker block(m_logCheck);
        m_logCheck->setChecked(on);
    }
    m_plot->yAxis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (on)
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    else
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    rescale();
    scheduleReplot();
}

bool LossPlot::logScale() const
{
    return m_plot->yAxis->scaleType() == QCPAxis::stLogarithmic;
}

void LossPlot::resetView()
{
    m_follow = true;
    rescale();
    scheduleReplot();
}

void LossPlot::rescale()
{
    // Keys span the current run and every overlay; values only what a loss axis shows.
    bool any = false;
    QCPRange keys, values;
    const bool log = logScale();
    auto include = [&](QCPGraph *g) {
        if (!g->visible() || g->data()->isEmpty())
            return;
        bool foundKeys = false, foundValues = false;
        const QCPRange k = g->getKeyRange(foundKeys);
        const QCPRange v = g->getValueRange(foundValues, QCP::sdBoth);
        if (!foundKeys || !foundValues)
            return;
        if (!any) {
            keys = k;
            values = v;
            any = true;
        } else {
            keys.expand(k);
            values.expand(v);
        }
    };
    for (QCPGraph *g : {m_stepRaw, m_stepSmooth, m_epochTrain, m_epochDev})
        include(g);
    for (QCPGraph *g : m_overlayGraphs)
        include(g);
    if (!any) {
        m_plot->xAxis->setRange(0, 1);
        m_plot->yAxis->setRange(log ? 0.01 : 0, log ? 10 : 1);
        return;
    }
    m_plot->xAxis->setRange(std::min(0.0, keys.lower), std::max(keys.upper, 1.0));
    if (log) {
        const double lower = std::max(values.lower, 1e-4);
        m_plot->yAxis->setRange(lower / 1.3, std::max(values.upper, lower * 10) * 1.3);
    } else {
        m_plot->yAxis->setRange(0, std::max(values.upper, 1e-3) * 1.05);
    }
}

void LossPlot::scheduleReplot()
{
    if (!m_replotTimer.isActive())
        m_replotTimer.start();
}

void LossPlot::replotNow()
{
    if (m_follow)
        rescale();
    ++m_replots;
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LossPlot::showReadout(QMouseEvent *event)
{
    const QPointF pos = event->position();
    QCPGraph *nearest = nullptr;
    double bestDistance = kReadoutRadiusPx;
    double bestKey = 0, bestValue = 0;
    for (int i = 0; i < m_plot->graphCount(); ++i) {
        QCPGraph *g = m_plot->graph(i);
        if (!g->visible() || g->data()->isEmpty())
            continue;
        const double key = g->keyAxis()->pixelToCoord(pos.x());
        const auto begin = g->data()->constBegin();
        const int size = g->data()->size();
        const int at = int(g->data()->findBegin(key, false) - begin);
        // The points either side of the pointer's key are the only candidates worth measuring.
        for (int j = std::max(0, at - 1); j <= std::min(size - 1, at + 1); ++j) {
            const auto c = begin + j;
            const double px = g->keyAxis()->coordToPixel(c->key);
            const double py = g->valueAxis()->coordToPixel(c->value);
            const double d = std::hypot(px - pos.x(), py - pos.y());
            if (d < bestDistance) {
                bestDistance = d;
                nearest = g;
                bestKey = c->key;
                bestValue = c->value;
            }
        }
    }
    const bool wasVisible = m_tracer->visible();
    if (!nearest) {
        if (wasVisible) {
            m_tracer->setVisible(false);
            m_readout->setVisible(false);
            scheduleReplot();
        }
        return;
    }
    m_tracer->position->setAxes(nearest->keyAxis(), nearest->valueAxis());
    m_tracer->position->setCoords(bestKey, bestValue);
    m_tracer->setVisible(true);
    const QString name = nearest == m_stepRaw ? tr("train loss (step)") : nearest->name();
    m_readout->setText(tr("%1\nepoch %2: %3").arg(name).arg(numberText(bestKey, 'f', 2)).arg(numberText(bestValue, 'g', 4)));
    m_readout->position->setType(QCPItemPosition::ptAbsolute);
    // Keep the readout inside the plot: flip it left of the pointer near the right edge.
    const bool flip = pos.x() > m_plot->axisRect()->rect().center().x();
    m_readout->setPositionAlignment((flip ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignBottom);
    m_readout->position->setCoords(pos.x() + (flip ? -12 : 12), pos.y() - 8);
    m_readout->setVisible(true);
    scheduleReplot();
}

bool LossPlot::exportPng(const QString &file)
{
    m_plot->replot(QCustomPlot::rpImmediateRefresh);
    return m_plot->savePng(file, 0, 0, 2.0);
}

bool LossPlot::exportPdf(const QString &file)
{
    m_plot->replot(QCustomPlot::rpImmediateRefresh);
    return m_plot->savePdf(file);
}

void LossPlot::exportWithDialog(bool pdf)
{
    const QString file = QFileDialog::getSaveFileName(this, pdf ? tr("Export the plot as PDF") : tr("Export the plot as PNG"),
                                                      pdf ? tr("loss.pdf") : tr("loss.png"),
                                                      pdf ? tr("PDF (*.pdf)") : tr("PNG images (*.png)"));
    if (file.isEmpty())
        return;
    const bool ok = pdf ? exportPdf(file) : exportPng(file);
    if (!ok)
        QMessageBox::warning(this, tr("Export"), tr("Could not write %1.").arg(file));
}

int LossPlot::stepPointCount() const
{
    return m_stepRaw->data()->size();
}

int LossPlot::epochPointCount() const
{
    return m_epochTrain->data()->size();
}

int LossPlot::devPointCount() const
{
    return m_epochDev->data()->size();
}

void LossPlot::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // Three columns need about 250 px each in German; two fit a 1024 px window's plot.
    const int columns = width() >= 780 ? 3 : 2;
    if (m_plot->legend->wrap() != columns) {
        m_plot->legend->setWrap(columns);
        m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, /*rearrange=*/true);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

} // namespace loupe
