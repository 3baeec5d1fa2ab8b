#include "RunComparison.h"

#include "NumberText.h"
#include "PlotLegend.h"
#include "ResizeWatcher.h"

#include "dataset/Errors.h"
#include "eval/DevSets.h"
#include "eval/Predictions.h"
#include "eval/RunReport.h"
#include "project/RunFolder.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <cmath>
#include <map>
#include <stdexcept>

namespace loupe {

namespace {

// The comparison was part of RunsPanel: its strings keep that translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::RunsPanel)
};

// Run A blue, run B orange: the two colours tell the runs apart, the line style train from dev.
const QColor kRunColors[] = {QColor(31, 119, 180), QColor(255, 127, 14)};
const QColor kDiffBackground(255, 240, 170);
// Long config values (the pipeline JSON) are cut in the table; the tooltip has them whole.
constexpr int kMaxValueChars = 80;

enum ClassColumn { CName, CPrecA, CPrecB, CPrecD, CRecA, CRecB, CRecD, CF1A, CF1B, CF1D, CCount };

QString figure(double v)
{
    return std::isfinite(v) ? numberText(v, 'f', 3) : QString();
}

QTableWidgetItem *item(const QString &text, bool number = false)
{
    auto *it = new QTableWidgetItem(text);
    it->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (number)
        it->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return it;
}

/// Config keys wrap at their dots ("compute." over "channels_last") rather than being cut.
class KeyDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->features |= QStyleOptionViewItem::WrapText;
    }
};

// A break opportunity after each dot of a key.
QString wrappableKey(QString key)
{
    return key.replace(QLatin1Char('.'), QStringLiteral(".\u200B"));
}

QTableWidgetItem *deltaItem(double a, double b)
{
    const double d = b - a;
    if (!std::isfinite(d))
        return item(QString(), true);
    auto *it = item((d > 0 ? QStringLiteral("+") : QString()) + numberText(d, 'f', 3), true);
    if (std::abs(d) >= 0.0005)
        it->setForeground(d > 0 ? QColor(20, 130, 20) : QColor(200, 30, 30));
    return it;
}

} // namespace

RunComparison::RunComparison(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_devSets(new QLabel(this))
    , m_plot(new QCustomPlot(this))
    , m_config(new QTableWidget(this))
    , m_classes(new QTableWidget(this))
{
    m_title->setObjectName(QStringLiteral("compareTitle"));
    m_title->setTextFormat(Qt::RichText);
    m_title->setWordWrap(true);
    m_devSets->setObjectName(QStringLiteral("compareDevSets"));
    m_devSets->setWordWrap(true);
    m_devSets->setStyleSheet(QStringLiteral("QLabel { background: #fff3cd; color: #664d03; padding: 4px; }"));
    m_devSets->hide();

    m_plot->setObjectName(QStringLiteral("compareLoss"));
    m_plot->setMinimumSize(320, 220);
    m_plot->xAxis->setLabel(Text::tr("epoch"));
    m_plot->yAxis->setLabel(Text::tr("loss"));
    placeLegendBelowAxes(m_plot, font(), 2);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);

    m_config->setObjectName(QStringLiteral("configDiff"));
    m_config->verticalHeader()->setVisible(false);
    m_config->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_config->setWordWrap(false);
    m_config->horizontalHeader()->setStretchLastSection(true);
    m_config->horizontalHeader()->setMinimumSectionSize(40);
    m_config->setItemDelegateForColumn(0, new KeyDelegate(m_config));
    m_config->viewport()->installEventFilter(new ResizeWatcher(this, [this] { fitConfigKeys(false); }));

    m_classes->setObjectName(QStringLiteral("classComparison"));
    m_classes->setColumnCount(CCount);
    // Short headers: ten columns must fit next to the plot; the tooltips say them in full.
    m_classes->setHorizontalHeaderLabels({Text::tr("Class"), Text::tr("P A"), Text::tr("P B"), Text::tr("ΔP"),
                                          Text::tr("R A"), Text::tr("R B"), Text::tr("ΔR"), Text::tr("F1 A"),
                                          Text::tr("F1 B"), Text::tr("ΔF1")});
    const QStringList tips = {QString(),
                              Text::tr("Precision of run A"),
                              Text::tr("Precision of run B"),
                              Text::tr("Precision B − A"),
                              Text::tr("Recall of run A"),
                              Text::tr("Recall of run B"),
                              Text::tr("Recall B − A"),
                              Text::tr("F1 of run A"),
                              Text::tr("F1 of run B"),
                              Text::tr("F1 B − A")};
    for (int c = 1; c < CCount; ++c)
        m_classes->horizontalHeaderItem(c)->setToolTip(tips[c]);
    m_classes->verticalHeader()->setVisible(false);
    m_classes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Every column as wide as its content: a stretched last column put ΔF1 far from the rest.
    m_classes->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_classes->horizontalHeader()->setStretchLastSection(false);

    auto titled = [this](const QString &title, QWidget *w) {
        auto *box = new QWidget(this);
        auto *l = new QVBoxLayout(box);
        l->setContentsMargins(0, 0, 0, 0);
        auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), box);
        label->setWordWrap(true); // three panes side by side must fit a 1024 px window
        l->addWidget(label);
        l->addWidget(w, 1);
        return box;
    };
    auto *compare = new QSplitter(Qt::Horizontal, this);
    compare->setObjectName(QStringLiteral("compareSplitter"));
    compare->addWidget(titled(Text::tr("Loss (train —, dev - -)"), m_plot));
    compare->addWidget(titled(Text::tr("Config (differences first, highlighted)"), m_config));
    compare->addWidget(titled(Text::tr("Dev metrics per class (P precision, R recall, Δ = B − A)"), m_classes));
    compare->setStretchFactor(0, 3);
    compare->setStretchFactor(1, 2);
    compare->setStretchFactor(2, 5);
    compare->setSizes({270, 240, 560});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_devSets);
    layout->addWidget(compare, 1);
}

void RunComparison::showRuns(const std::vector<const RunSummary *> &runs, int selected)
{
    if (runs.empty()) {
        m_title->setText(Text::tr("Select a run to see it, two (Ctrl+click) to compare them."));
    } else if (runs.size() == 1) {
        m_title->setText(Text::tr("<span style=\"color:%1\">■</span> A: <b>%2</b> — select a second run to compare.")
                             .arg(kRunColors[0].name(), runs[0]->name.toHtmlEscaped()));
    } else {
        m_title->setText(Text::tr("<span style=\"color:%1\">■</span> A: <b>%2</b> &nbsp; <span style=\"color:%3\">■</span> "
                                  "B: <b>%4</b>%5")
                             .arg(kRunColors[0].name(), runs[0]->name.toHtmlEscaped(), kRunColors[1].name(),
                                  runs[1]->name.toHtmlEscaped(),
                                  selected > 2 ? Text::tr(" (the first two selected)") : QString()));
    }
    m_devSets->hide();
    if (runs.size() >= 2) {
        const DevSetOverlap o = compareDevSets(readDevSet(runs[0]->dir), readDevSet(runs[1]->dir));
        if (o.known && !o.same()) {
            m_devSets->setText(Text::tr("A and B were judged on different dev sets: %1 of A's %2 dev images are in "
                                        "B's %3 with the same label. Their scores and per-class figures measure "
                                        "different images and do not rank the runs. (A split drawn before a relabel, "
                                        "another dev fraction or seed, or another dataset.)")
                                   .arg(o.shared)
                                   .arg(o.sizeA)
                                   .arg(o.sizeB));
            m_devSets->show();
        }
    }
    showCurves(runs);
    showConfigDiff(runs);
    showClassComparison(runs);
}

QString RunComparison::devSetWarning() const
{
    return m_devSets->isVisibleTo(this) ? m_devSets->text() : QString();
}

void RunComparison::showCurves(const std::vector<const RunSummary *> &runs)
{
    m_plot->clearGraphs();
    bool any = false;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const QColor color = kRunColors[i];
        const QString letter = i == 0 ? QStringLiteral("A") : QStringLiteral("B");
        QCPGraph *train = m_plot->addGraph();
        train->setName(Text::tr("%1 train").arg(letter));
        train->setPen(QPen(color, 2));
        train->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
        QCPGraph *dev = m_plot->addGraph();
        dev->setName(Text::tr("%1 dev").arg(letter));
        dev->setPen(QPen(color, 2, Qt::DashLine));
        dev->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 5));
        for (const EpochMetrics &m : runs[i]->history) {
            if (std::isfinite(m.trainLoss))
                train->addData(m.epoch, m.trainLoss);
            if (std::isfinite(m.devLoss))
                dev->addData(m.epoch, m.devLoss);
            any = true;
        }
    }
    if (any) {
        m_plot->rescaleAxes();
        const QCPRange x = m_plot->xAxis->range();
        m_plot->xAxis->setRange(std::min(0.0, x.lower), std::max(x.upper, 1.0) + 0.2);
        m_plot->yAxis->setRange(0, std::max(m_plot->yAxis->range().upper, 1e-3) * 1.08);
    } else {
        m_plot->xAxis->setRange(0, 1);
        m_plot->yAxis->setRange(0, 1);
    }
    showLegendBelowAxes(m_plot, any);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QStringList RunComparison::curveNames() const
{
    QStringList names;
    for (int i = 0; i < m_plot->graphCount(); ++i)
        if (!m_plot->graph(i)->data()->isEmpty())
            names << m_plot->graph(i)->name();
    return names;
}

void RunComparison::showConfigDiff(const std::vector<const RunSummary *> &runs)
{
    m_configKeys.clear();
    m_differingKeys.clear();
    m_config->clear();
    m_config->setRowCount(0);
    if (runs.empty()) {
        m_config->setColumnCount(0);
        return;
    }
    std::vector<std::map<QString, QString>> values;
    QStringList problems;
    for (const RunSummary *r : runs) {
        std::map<QString, QString> v;
        try {
            for (const auto &[key, value] : configRows(runfolder::readConfig(r->dir)))
                v[key] = value;
        } catch (const DatasetError &e) {
            problems << e.message();
        } catch (const LabelFileError &e) {
            problems << e.message();
        }
        values.push_back(std::move(v));
    }
    std::map<QString, bool> keys; // sorted union
    for (const auto &v : values)
        for (const auto &kv : v)
            keys[kv.first] = true;
    QStringList same;
    for (const auto &kv : keys) {
        m_configKeys << kv.first;
        const bool differs = values.size() == 2
                             && (values[0].count(kv.first) != values[1].count(kv.first)
                                 || values[0][kv.first] != values[1][kv.first]);
        (differs ? m_differingKeys : same) << kv.first;
    }
    m_config->setColumnCount(int(runs.size()) + 1);
    m_config->setHorizontalHeaderLabels(runs.size() == 2 ? QStringList{Text::tr("Key"), Text::tr("A"), Text::tr("B")}
                                                         : QStringList{Text::tr("Key"), Text::tr("Value")});
    const QStringList ordered = m_differingKeys + same; // differences first: they are what matter
    m_config->setRowCount(int(ordered.size()));
    for (int row = 0; row < int(ordered.size()); ++row) {
        const QString &key = ordered[row];
        const bool differs = row < int(m_differingKeys.size());
        QTableWidgetItem *k = item(wrappableKey(key));
        k->setToolTip(key);
        m_config->setItem(row, 0, k);
        for (std::size_t i = 0; i < values.size(); ++i) {
            const auto found = values[i].find(key);
            const QString value = found == values[i].end() ? Text::tr("(absent)") : found->second;
            QTableWidgetItem *v = item(value.size() > kMaxValueChars ? value.left(kMaxValueChars) + QStringLiteral("…") : value);
            v->setToolTip(value);
            m_config->setItem(row, int(i) + 1, v);
        }
        if (differs) {
            QFont bold = k->font();
            bold.setBold(true);
            k->setFont(bold);
            for (int c = 0; c < m_config->columnCount(); ++c)
                m_config->item(row, c)->setBackground(kDiffBackground);
        }
    }
    m_config->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    for (int c = 1; c < m_config->columnCount(); ++c)
        m_config->horizontalHeader()->setSectionResizeMode(c, QHeaderView::Stretch);
    fitConfigKeys(true);
    if (!problems.isEmpty())
        Q_EMIT problem(problems.join(QLatin1Char('\n')));
}

void RunComparison::fitConfigKeys(bool newRows)
{
    // Keys whole ("compute.c…" said nothing): on one line when they fit in half the pane, else
    // wrapped at their dots. The values share the rest, elided, whole in their tooltip.
    if (m_config->columnCount() < 2)
        return;
    QFont font = m_config->font();
    font.setBold(true); // the differing keys
    const QFontMetrics bold(font);
    const int padding = 2 * m_config->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_config) + 8;
    int whole = 0, part = 0;
    for (const QString &key : std::as_const(m_configKeys)) {
        whole = std::max(whole, bold.horizontalAdvance(key) + padding);
        for (const QString &segment : key.split(QLatin1Char('.')))
            part = std::max(part, bold.horizontalAdvance(segment + QLatin1Char('.')) + padding);
    }
    const int width = std::min(whole, std::max(part, m_config->viewport()->width() / 2));
    if (width != m_config->columnWidth(0) || newRows) {
        m_config->setColumnWidth(0, width);
        m_config->resizeRowsToContents();
    }
}

bool RunComparison::devMetrics(const RunSummary &run, ClassificationMetrics *metrics, QString *error)
{
    const QString file = predictionfiles::devPath(run.dir);
    if (!QFileInfo::exists(file)) {
        *error = Text::tr("%1 has no dev predictions (%2)").arg(run.name, QFileInfo(file).fileName());
        return false;
    }
    try {
        const PredictionSet set = predictionfiles::read(file);
        *metrics = computeMetrics(set.truths(), set.predictions(), set.classes);
        return true;
    } catch (const LabelFileError &e) {
        *error = e.message();
    } catch (const std::invalid_argument &e) {
        *error = QStringLiteral("%1: %2").arg(file, QString::fromStdString(e.what()));
    }
    return false;
}

void RunComparison::showClassComparison(const std::vector<const RunSummary *> &runs)
{
    m_comparison.clear();
    m_classes->setRowCount(0);
    std::vector<ClassificationMetrics> metrics(runs.size());
    QStringList problems;
    std::vector<bool> have(runs.size(), false);
    for (std::size_t i = 0; i < runs.size(); ++i) {
        QString error;
        have[i] = devMetrics(*runs[i], &metrics[i], &error);
        if (!have[i])
            problems << error;
    }
    QStringList names;
    for (std::size_t i = 0; i < runs.size(); ++i)
        if (have[i])
            for (const QString &label : metrics[i].labels)
                if (!names.contains(label))
                    names << label;
    const double nan = std::nan("");
    for (const QString &name : names) {
        ClassComparison c;
        c.name = name;
        double *fields[2][3] = {{&c.precisionA, &c.recallA, &c.f1A}, {&c.precisionB, &c.recallB, &c.f1B}};
        for (std::size_t i = 0; i < 2; ++i) {
            const int k = i < runs.size() && have[i] ? int(metrics[i].labels.indexOf(name)) : -1;
            const ClassMetrics *m = k >= 0 ? &metrics[i].perClass[std::size_t(k)] : nullptr;
            *fields[i][0] = m ? m->precision : nan;
            *fields[i][1] = m ? m->recall : nan;
            *fields[i][2] = m ? m->f1 : nan;
        }
        m_comparison.push_back(c);
    }
    auto addRow = [this](const QString &name, double pa, double pb, double ra, double rb, double fa, double fb, bool bold) {
        const int row = m_classes->rowCount();
        m_classes->insertRow(row);
        m_classes->setItem(row, CName, item(name));
        m_classes->setItem(row, CPrecA, item(figure(pa), true));
        m_classes->setItem(row, CPrecB, item(figure(pb), true));
        m_classes->setItem(row, CPrecD, deltaItem(pa, pb));
        m_classes->setItem(row, CRecA, item(figure(ra), true));
        m_classes->setItem(row, CRecB, item(figure(rb), true));
        m_classes->setItem(row, CRecD, deltaItem(ra, rb));
        m_classes->setItem(row, CF1A, item(figure(fa), true));
        m_classes->setItem(row, CF1B, item(figure(fb), true));
        m_classes->setItem(row, CF1D, deltaItem(fa, fb));
        if (bold)
            for (int c = 0; c < CCount; ++c) {
                QFont f = m_classes->item(row, c)->font();
                f.setBold(true);
                m_classes->item(row, c)->setFont(f);
            }
    };
    for (const ClassComparison &c : m_comparison)
        addRow(c.name, c.precisionA, c.precisionB, c.recallA, c.recallB, c.f1A, c.f1B, false);
    if (!m_comparison.empty()) {
        double mean[2][2] = {{nan, nan}, {nan, nan}};
        double macro[2] = {nan, nan};
        for (std::size_t i = 0; i < runs.size(); ++i) {
            if (!have[i] || metrics[i].perClass.empty())
                continue;
            double p = 0, r = 0;
            for (const ClassMetrics &m : metrics[i].perClass) {
                p += m.precision;
                r += m.recall;
            }
            mean[i][0] = p / double(metrics[i].perClass.size());
            mean[i][1] = r / double(metrics[i].perClass.size());
            macro[i] = metrics[i].macroF1;
        }
        addRow(Text::tr("macro avg"), mean[0][0], mean[1][0], mean[0][1], mean[1][1], macro[0], macro[1], true);
    }
    if (!problems.isEmpty())
        Q_EMIT problem(problems.join(QLatin1Char('\n')));
}

} // namespace loupe
