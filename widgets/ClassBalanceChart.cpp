#include "ClassBalanceChart.h"

#include <QVBoxLayout>

#include <qcustomplot.h>

namespace loupe {

ClassBalanceChart::ClassBalanceChart(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setMinimumHeight(160);

    // Two bar series share the key axis so that rare classes get their own colour and legend entry.
    m_normal = new QCPBars(m_plot->yAxis, m_plot->xAxis);
    m_rare = new QCPBars(m_plot->yAxis, m_plot->xAxis);
    m_normal->setName(tr("images per class"));
    m_rare->setName(tr("less than half of the largest class"));
    m_normal->setBrush(QColor(70, 130, 180));
    m_normal->setPen(Qt::NoPen);
    m_rare->setBrush(QColor(214, 69, 65));
    m_rare->setPen(Qt::NoPen);
    m_normal->setWidth(0.7);
    m_rare->setWidth(0.7);
    m_plot->yAxis->setRangeReversed(true);
    m_plot->xAxis->setLabel(tr("count"));
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    m_plot->setNoAntialiasingOnDrag(true);
    connect(m_plot, &QCustomPlot::plottableClick, this, [this](QCPAbstractPlottable *plottable, int dataIndex, QMouseEvent *) {
        auto *bars = qobject_cast<QCPBars *>(plottable);
        if ((bars == m_normal || bars == m_rare) && dataIndex >= 0 && dataIndex < bars->data()->size())
            Q_EMIT classClicked(int(std::lround(bars->data()->at(dataIndex)->key)));
    });
}

void ClassBalanceChart::clear()
{
    m_normal->data()->clear();
    m_rare->data()->clear();
    m_flags.clear();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ClassBalanceChart::setStats(const DatasetStats &stats)
{
    QVector<double> keys, normal, rare;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double most = 1;
    m_flags.clear();
    for (int i = 0; i < int(stats.classes.size()); ++i) {
        const auto &c = stats.classes[i];
        keys.append(i);
        normal.append(c.underRepresented ? 0 : c.count);
        rare.append(c.underRepresented ? c.count : 0);
        ticker->addTick(i, c.name);
        m_flags.append(c.underRepresented);
        most = std::max(most, double(c.count));
    }
    m_normal->setData(keys, normal, true);
    m_rare->setData(keys, rare, true);
    m_normal->setName(stats.countsObjects ? tr("objects per class") : tr("images per class"));
    m_plot->xAxis->setLabel(stats.countsObjects ? tr("objects") : tr("images"));
    m_plot->yAxis->setTicker(ticker);
    m_plot->yAxis->setRange(-0.6, std::max<qsizetype>(1, keys.size()) - 0.4);
    m_plot->xAxis->setRange(0, most * 1.08);
    m_rare->setVisible(m_flags.contains(true));
    m_plot->legend->setVisible(m_rare->visible());
    // A label per bar needs room: about 18 px a class.
    m_plot->setMinimumHeight(std::max(160, int(keys.size()) * 18 + 60));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QVector<QPair<double, bool>> ClassBalanceChart::bars() const
{
    QVector<QPair<double, bool>> out;
    for (int i = 0; i < m_normal->data()->size(); ++i) {
        const double n = m_normal->data()->at(i)->value;
        const double r = m_rare->data()->at(i)->value;
        out.append({n + r, m_flags.value(i)});
    }
    return out;
}

} // namespace loupe
