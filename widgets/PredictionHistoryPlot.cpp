#include "PredictionHistoryPlot.h"

#include "PredictionDelegate.h"

#include <QVBoxLayout>

#include <qcustomplot.h>

namespace loupe {

PredictionHistoryPlot::PredictionHistoryPlot(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    m_plot->setObjectName(QStringLiteral("predictionHistory"));
    m_plot->setMinimumHeight(130);
    QFont small = font();
    small.setPointSizeF(std::max(6.0, font().pointSizeF() * 0.85));
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->setTickLabelFont(small);
        axis->setLabelFont(small);
    }
    m_plot->xAxis->setLabel(tr("epoch"));
    m_plot->yAxis->setLabel(tr("confidence"));
    m_plot->yAxis->setRange(0, 1.05);
    m_plot->axisRect()->setAutoMargins(QCP::msLeft | QCP::msBottom);
    m_plot->axisRect()->setMargins(QMargins(0, 6, 8, 0));
    // Whole epochs only: a tick at 1.5 means nothing here.
    QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
    ticker->setTickStep(1.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_plot->xAxis->setTicker(ticker);

    m_line = m_plot->addGraph();
    m_line->setPen(QPen(QColor(120, 120, 120), 1.2));
    m_right = m_plot->addGraph();
    m_right->setLineStyle(QCPGraph::lsNone);
    m_right->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, PredictionDelegate::rightColor(), 8));
    m_wrong = m_plot->addGraph();
    m_wrong->setLineStyle(QCPGraph::lsNone);
    m_wrong->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross, QPen(PredictionDelegate::wrongColor(), 2.5),
                                             QBrush(), 9));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    setImage({}, -1);
}

void PredictionHistoryPlot::setImage(const PredictionHistory &history, int index, const QString &message)
{
    m_line->data()->clear();
    m_right->data()->clear();
    m_wrong->data()->clear();
    m_plot->clearItems();
    m_flips = 0;
    const bool valid = index >= 0 && index < int(history.paths.size()) && !history.epochs.empty();
    if (!valid) {
        auto *text = new QCPItemText(m_plot);
        text->position->setType(QCPItemPosition::ptAxisRectRatio);
        text->position->setCoords(0.5, 0.5);
        text->setText(message.isEmpty() ? tr("No history for this image") : message);
        text->setColor(QColor(110, 110, 110));
        m_plot->xAxis->setRange(0.5, 2.5);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    const int truth = history.truth.at(std::size_t(index));
    int first = history.epochs.front().epoch, last = first;
    for (const PredictionHistory::Epoch &e : history.epochs) {
        if (std::size_t(index) >= e.predicted.size() || std::size_t(index) >= e.confidence.size())
            continue;
        const double c = e.confidence[std::size_t(index)];
        m_line->addData(e.epoch, c);
        (e.predicted[std::size_t(index)] == truth ? m_right : m_wrong)->addData(e.epoch, c);
        first = std::min(first, e.epoch);
        last = std::max(last, e.epoch);
    }
    for (int epoch : history.flips(index)) {
        auto *line = new QCPItemStraightLine(m_plot);
        line->setPen(QPen(QColor(230, 140, 0), 1.2, Qt::DashLine));
        line->point1->setCoords(epoch, 0);
        line->point2->setCoords(epoch, 1);
        ++m_flips;
    }
    m_plot->xAxis->setRange(first - 0.5, last + 0.5);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int PredictionHistoryPlot::pointCount() const
{
    return m_line->dataCount();
}

int PredictionHistoryPlot::wrongCount() const
{
    return m_wrong->dataCount();
}

} // namespace loupe
