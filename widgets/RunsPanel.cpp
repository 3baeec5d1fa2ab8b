#include "RunsPanel.h"

#include "dataset/Errors.h"
#include "eval/Predictions.h"
#include "project/Project.h"
#include "project/RunFolder.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <cmath>
#include <map>
#include <stdexcept>

namespace loupe {

namespace {

// Run A blue, run B orange: the two colours tell the runs apart, the line style train from dev.
const QColor kRunColors[] = {QColor(31, 119, 180), QColor(255, 127, 14)};
const QColor kDiffBackground(255, 240, 170);
// Long config values (the pipeline JSON) are cut in the table; the tooltip has them whole.
constexpr int kMaxValueChars = 80;

enum ClassColumn { CName, CPrecA, CPrecB, CPrecD, CRecA, CRecB, CRecD, CF1A, CF1B, CF1D, CCount };

QString figure(double v)
{
    return std::isfinite(v) ? QString::number(v, 'f', 3) : QString();
}

QTableWidgetItem *item(const QString &text, bool number = false)
{
    auto *it = new QTableWidgetItem(text);
    it->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (number)
        it->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return it;
}

QTableWidgetItem *deltaItem(double a, double b)
{
    const double d = b - a;
    if (!std::isfinite(d))
        return item(QString(), true);
    auto *it = item((d > 0 ? QStringLiteral("+") : QString()) + QString::number(d, 'f', 3), true);
    if (std::abs(d) >= 0.0005)
        it->setForeground(d > 0 ? QColor(20, 130, 20) : QColor(200, 30, 30));
    return it;
}

} // namespace

RunsPanel::RunsPanel(QWidget *parent)
    : Panel(parent)
    , m_proxy(this)
    , m_metric(new QComboBox(this))
    , m_view(new QTableView(this))
    , m_message(new QLabel(this))
    , m_compareTitle(new QLabel(this))
    , m_plot(new QCustomPlot(this))
    , m_config(new QTableWidget(this))
    , m_classes(new QTableWidget(this))
    , m_csv(new QPushButton(tr("Metrics CSV…"), this))
    , m_html(new QPushButton(tr("HTML report…"), this))
    , m_png(new QPushButton(tr("Confusion matrix PNG…"), this))
    , m_progress(new QProgressBar(this))
    , m_progressDelay(new QTimer(this))
{
    setObjectName(QStringLiteral("runsPanel"));
    m_metric->setObjectName(QStringLiteral("rankingMetric"));
    for (RankingMetric m : {RankingMetric::MacroF1, RankingMetric::Accuracy, RankingMetric::DevLoss})
        m_metric->addItem(rankingMetricTitle(m), rankingMetricKey(m));
    m_metric->setToolTip(tr("The one number that ranks this project's runs (saved in loupe.json)."));
    auto *refreshButton = new QPushButton(tr("Refresh"), this);
    refreshButton->setObjectName(QStringLiteral("refreshRuns"));
    m_csv->setObjectName(QStringLiteral("exportCsv"));
    m_html->setObjectName(QStringLiteral("exportHtml"));
    m_png->setObjectName(QStringLiteral("exportConfusion"));
    m_csv->setToolTip(tr("Per-class precision, recall, F1, support and average precision of the selected run (dev)."));
    m_html->setToolTip(tr("One self-contained HTML file: config, curves, metrics, confusion matrix, PR curves and the worst mistakes."));
    m_png->setToolTip(tr("The selected run's dev confusion matrix as an image."));
    m_progress->setObjectName(QStringLiteral("reportProgress"));
    m_progress->setMaximumWidth(160);
    m_progress->setVisible(false);
    m_progressDelay->setSingleShot(true);
    m_progressDelay->setInterval(1000); // only work that takes over a second gets a bar

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Rank by"), this));
    bar->addWidget(m_metric);
    bar->addWidget(refreshButton);
    bar->addSpacing(12);
    bar->addWidget(m_message, 1);
    bar->addWidget(new QLabel(tr("Export selected run:"), this));
    bar->addWidget(m_csv);
    bar->addWidget(m_html);
    bar->addWidget(m_png);
    bar->addWidget(m_progress);

    m_proxy.setSourceModel(&m_model);
    m_proxy.setSortRole(RunsTableModel::SortRole);
    m_proxy.setDynamicSortFilter(true);
    m_view->setObjectName(QStringLiteral("runsTable"));
    m_view->setModel(&m_proxy);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setToolTip(tr("Select two runs (Ctrl+click) to compare them."));

    m_message->setObjectName(QStringLiteral("runsMessage"));
    m_message->setWordWrap(true);
    m_compareTitle->setObjectName(QStringLiteral("compareTitle"));
    m_compareTitle->setTextFormat(Qt::RichText);

    m_plot->setObjectName(QStringLiteral("compareLoss"));
    m_plot->setMinimumSize(320, 220);
    m_plot->xAxis->setLabel(tr("epoch"));
    m_plot->yAxis->setLabel(tr("loss"));
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(QFont(font().family(), std::max(7, font().pointSize() - 1)));
    // The legend under the axes: inside, it hid the start of the highest curve.
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    m_plot->plotLayout()->addElement(1, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(1, 0.001);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setWrap(2);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);

    m_config->setObjectName(QStringLiteral("configDiff"));
    m_config->verticalHeader()->setVisible(false);
    m_config->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_config->setWordWrap(false);
    m_config->horizontalHeader()->setStretchLastSection(true);
    m_config->horizontalHeader()->setMinimumSectionSize(40);

    m_classes->setObjectName(QStringLiteral("classComparison"));
    m_classes->setColumnCount(CCount);
    // Short headers: ten columns must fit next to the plot; the tooltips say them in full.
    m_classes->setHorizontalHeaderLabels({tr("Class"), tr("P A"), tr("P B"), tr("ΔP"), tr("R A"), tr("R B"), tr("ΔR"),
                                          tr("F1 A"), tr("F1 B"), tr("ΔF1")});
    const QStringList tips = {QString(), tr("Precision of run A"), tr("Precision of run B"), tr("Precision B − A"),
                              tr("Recall of run A"), tr("Recall of run B"), tr("Recall B − A"), tr("F1 of run A"),
                              tr("F1 of run B"), tr("F1 B − A")};
    for (int c = 1; c < CCount; ++c)
        m_classes->horizontalHeaderItem(c)->setToolTip(tips[c]);
    m_classes->verticalHeader()->setVisible(false);
    m_classes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_classes->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_classes->horizontalHeader()->setStretchLastSection(true);

    auto titled = [this](const QString &title, QWidget *w) {
        auto *box = new QWidget(this);
        auto *l = new QVBoxLayout(box);
        l->setContentsMargins(0, 0, 0, 0);
        l->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), box));
        l->addWidget(w, 1);
        return box;
    };
    auto *compare = new QSplitter(Qt::Horizontal, this);
    compare->setObjectName(QStringLiteral("compareSplitter"));
    compare->addWidget(titled(tr("Loss (train —, dev - -)"), m_plot));
    compare->addWidget(titled(tr("Config (differences first, highlighted)"), m_config));
    compare->addWidget(titled(tr("Dev metrics per class (P precision, R recall, Δ = B − A)"), m_classes));
    compare->setStretchFactor(0, 3);
    compare->setStretchFactor(1, 2);
    compare->setStretchFactor(2, 5);
    compare->setSizes({270, 240, 560});

    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_compareTitle);
    bottomLayout->addWidget(compare, 1);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("runsSplitter"));
    split->addWidget(m_view);
    split->addWidget(bottom);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 5);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    connect(m_metric, &QComboBox::currentIndexChanged, this, [this](int) {
        if (const auto m = rankingMetricFromKey(m_metric->currentData().toString()))
            setRankingMetric(*m);
    });
    connect(refreshButton, &QPushButton::clicked, this, &RunsPanel::refresh);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RunsPanel::onSelectionChanged);
    connect(m_csv, &QPushButton::clicked, this, &RunsPanel::chooseCsvFile);
    connect(m_html, &QPushButton::clicked, this, &RunsPanel::chooseHtmlFile);
    connect(m_png, &QPushButton::clicked, this, &RunsPanel::choosePngFile);
    connect(m_progressDelay, &QTimer::timeout, this, [this] {
        if (m_exporter.isBusy())
            m_progress->setVisible(true);
    });
    connect(&m_exporter, &ReportExporter::progress, this, [this](int done, int total) {
        m_progress->setRange(0, std::max(1, total));
        m_progress->setValue(done);
    });
    connect(&m_exporter, &ReportExporter::finished, this, [this](const QString &file, const QString &error) {
        m_progressDelay->stop();
        m_progress->setVisible(false);
        if (error.isEmpty())
            showMessage(tr("Report written to %1").arg(file));
        else
            showMessage(tr("No report: %1").arg(error), true);
        updateButtons();
        Q_EMIT reportWritten(file, error);
    });
    onSelectionChanged();
}

RunsPanel::~RunsPanel() = default;

void RunsPanel::setInspection(const InspectionPtr &inspection)
{
    m_inspection = inspection;
    const QString dir = inspection ? projectfile::folderFor(inspection->dataset.root) : QString();
    if (dir != m_projectDir)
        setProjectDir(dir);
}

void RunsPanel::setProjectDir(const QString &dir)
{
    m_projectDir = dir;
    RankingMetric metric = RankingMetric::MacroF1;
    showMessage(QString());
    if (!dir.isEmpty()) {
        try {
            metric = projectfile::read(dir).rankingMetric;
        } catch (const LabelFileError &e) {
            showMessage(e.message(), true);
        }
    }
    {
        const QSignalBlocker block(m_metric);
        m_metric->setCurrentIndex(std::max(0, m_metric->findData(rankingMetricKey(metric))));
    }
    m_model.setMetric(metric);
    refresh();
    sortByRanking();
    // Open on the two best runs compared: usually the question the page is visited for.
    QStringList best;
    for (int row = 0; row < std::min(2, m_proxy.rowCount()); ++row)
        best << m_proxy.index(row, 0).data(RunsTableModel::DirRole).toString();
    selectRuns(best);
}

void RunsPanel::refresh()
{
    const QStringList selected = selectedRuns();
    m_model.setRuns(m_projectDir.isEmpty() ? std::vector<RunSummary>{} : runfolder::listRuns(m_projectDir));
    if (m_projectDir.isEmpty())
        showMessage(tr("Open a dataset to see its runs."));
    else if (m_model.rowCount() == 0)
        showMessage(tr("No runs in %1 yet: train one on the Train page.").arg(QDir::toNativeSeparators(m_projectDir)));
    else if (m_message->property("problem").toBool() == false)
        showMessage(tr("Runs: %1. Select two (Ctrl+click) to compare them.").arg(m_model.rowCount()));
    selectRuns(selected);
    onSelectionChanged();
}

void RunsPanel::setRankingMetric(RankingMetric metric)
{
    {
        const QSignalBlocker block(m_metric);
        m_metric->setCurrentIndex(std::max(0, m_metric->findData(rankingMetricKey(metric))));
    }
    const QStringList selected = selectedRuns();
    m_model.setMetric(metric);
    selectRuns(selected);
    sortByRanking();
    if (m_projectDir.isEmpty())
        return;
    try {
        Project project = projectfile::read(m_projectDir);
        if (project.rankingMetric != metric) {
            project.rankingMetric = metric;
            if (const QString error = projectfile::write(m_projectDir, project); !error.isEmpty())
                showMessage(error, true);
        }
    } catch (const LabelFileError &e) {
        // A malformed loupe.json is the user's to fix: overwriting it would lose what it holds.
        showMessage(tr("%1 (the ranking metric is not saved)").arg(e.message()), true);
    }
}

void RunsPanel::sortByRanking()
{
    m_view->sortByColumn(RunsTableModel::ScoreColumn,
                         higherIsBetter(m_model.metric()) ? Qt::DescendingOrder : Qt::AscendingOrder);
}

void RunsPanel::selectRuns(const QStringList &dirs)
{
    QItemSelection selection;
    for (const QString &dir : dirs) {
        const int row = m_model.rowOfDir(dir);
        if (row < 0)
            continue;
        const QModelIndex index = m_proxy.mapFromSource(m_model.index(row, 0));
        selection.select(index, index);
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

QStringList RunsPanel::selectedRuns() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList dirs;
    for (const QModelIndex &index : rows)
        dirs << index.data(RunsTableModel::DirRole).toString();
    return dirs;
}

const RunSummary *RunsPanel::firstSelected() const
{
    const QStringList dirs = selectedRuns();
    return dirs.isEmpty() ? nullptr : m_model.run(m_model.rowOfDir(dirs.front()));
}

void RunsPanel::onSelectionChanged()
{
    std::vector<const RunSummary *> runs;
    for (const QString &dir : selectedRuns())
        if (const RunSummary *r = m_model.run(m_model.rowOfDir(dir)); r && runs.size() < 2)
            runs.push_back(r);
    if (runs.empty()) {
        m_compareTitle->setText(tr("Select a run to see it, two (Ctrl+click) to compare them."));
    } else if (runs.size() == 1) {
        m_compareTitle->setText(tr("<span style=\"color:%1\">■</span> A: <b>%2</b> — select a second run to compare.")
                                    .arg(kRunColors[0].name(), runs[0]->name.toHtmlEscaped()));
    } else {
        m_compareTitle->setText(
            tr("<span style=\"color:%1\">■</span> A: <b>%2</b> &nbsp; <span style=\"color:%3\">■</span> B: <b>%4</b>%5")
                .arg(kRunColors[0].name(), runs[0]->name.toHtmlEscaped(), kRunColors[1].name(),
                     runs[1]->name.toHtmlEscaped(),
                     selectedRuns().size() > 2 ? tr(" (the first two selected)") : QString()));
    }
    showCurves(runs);
    showConfigDiff(runs);
    showClassComparison(runs);
    updateButtons();
}

void RunsPanel::showCurves(const std::vector<const RunSummary *> &runs)
{
    m_plot->clearGraphs();
    bool any = false;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const QColor color = kRunColors[i];
        const QString letter = i == 0 ? QStringLiteral("A") : QStringLiteral("B");
        QCPGraph *train = m_plot->addGraph();
        train->setName(tr("%1 train").arg(letter));
        train->setPen(QPen(color, 2));
        train->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
        QCPGraph *dev = m_plot->addGraph();
        dev->setName(tr("%1 dev").arg(letter));
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
    m_plot->legend->setVisible(any);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QStringList RunsPanel::curveNames() const
{
    QStringList names;
    for (int i = 0; i < m_plot->graphCount(); ++i)
        if (!m_plot->graph(i)->data()->isEmpty())
            names << m_plot->graph(i)->name();
    return names;
}

void RunsPanel::showConfigDiff(const std::vector<const RunSummary *> &runs)
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
    m_config->setHorizontalHeaderLabels(runs.size() == 2 ? QStringList{tr("Key"), tr("A"), tr("B")}
                                                         : QStringList{tr("Key"), tr("Value")});
    const QStringList ordered = m_differingKeys + same; // differences first: they are what matter
    m_config->setRowCount(int(ordered.size()));
    for (int row = 0; row < int(ordered.size()); ++row) {
        const QString &key = ordered[row];
        const bool differs = row < int(m_differingKeys.size());
        QTableWidgetItem *k = item(key);
        m_config->setItem(row, 0, k);
        for (std::size_t i = 0; i < values.size(); ++i) {
            const auto found = values[i].find(key);
            const QString value = found == values[i].end() ? tr("(absent)") : found->second;
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
    // Key as wide as it needs (up to a third), the values share the rest, elided.
    m_config->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_config->resizeColumnToContents(0);
    m_config->setColumnWidth(0, std::min(m_config->columnWidth(0), std::max(80, m_config->viewport()->width() / 3)));
    for (int c = 1; c < m_config->columnCount(); ++c)
        m_config->horizontalHeader()->setSectionResizeMode(c, QHeaderView::Stretch);
    if (!problems.isEmpty())
        showMessage(problems.join(QLatin1Char('\n')), true);
}

bool RunsPanel::devMetrics(const RunSummary &run, ClassificationMetrics *metrics, QString *error) const
{
    const QString file = predictionfiles::devPath(run.dir);
    if (!QFileInfo::exists(file)) {
        *error = tr("%1 has no dev predictions (%2)").arg(run.name, QFileInfo(file).fileName());
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

void RunsPanel::showClassComparison(const std::vector<const RunSummary *> &runs)
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
        addRow(tr("macro avg"), mean[0][0], mean[1][0], mean[0][1], mean[1][1], macro[0], macro[1], true);
    }
    if (!problems.isEmpty())
        showMessage(problems.join(QLatin1Char('\n')), true);
}

void RunsPanel::updateButtons()
{
    const bool one = firstSelected() != nullptr;
    m_csv->setEnabled(one);
    m_png->setEnabled(one);
    m_html->setEnabled(one && !m_exporter.isBusy());
}

void RunsPanel::showMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setProperty("problem", problem);
    m_message->setStyleSheet(problem ? QStringLiteral("color: #b00000;") : QString());
}

QString RunsPanel::messageText() const
{
    return m_message->text();
}

void RunsPanel::showEvent(QShowEvent *event)
{
    Panel::showEvent(event);
    // Runs started on the Train page since the last look.
    if (!m_projectDir.isEmpty())
        refresh();
}

QString RunsPanel::exportMetricsCsv(const QString &file)
{
    const RunSummary *run = firstSelected();
    if (!run)
        return tr("Select a run first.");
    const QString predictions = predictionfiles::devPath(run->dir);
    if (!QFileInfo::exists(predictions))
        return tr("%1 has no dev predictions (%2)").arg(run->name, QFileInfo(predictions).fileName());
    try {
        return writeMetricsCsv(file, predictionfiles::read(predictions));
    } catch (const LabelFileError &e) {
        return e.message();
    }
}

QString RunsPanel::exportConfusionImage(const QString &file)
{
    const RunSummary *run = firstSelected();
    if (!run)
        return tr("Select a run first.");
    ClassificationMetrics metrics;
    QString error;
    if (!devMetrics(*run, &metrics, &error))
        return error;
    const QImage image = confusionImage(metrics, tr("%1 — dev confusion matrix").arg(run->name));
    if (!image.save(file, "PNG"))
        return tr("Could not write %1.").arg(file);
    return {};
}

bool RunsPanel::exportHtmlReport(const QString &file)
{
    const RunSummary *run = firstSelected();
    if (!run) {
        showMessage(tr("Select a run first."), true);
        return false;
    }
    if (!m_exporter.start(file, run->dir, m_inspection))
        return false;
    showMessage(tr("Writing %1…").arg(file));
    m_progress->setRange(0, 0);
    m_progressDelay->start();
    updateButtons();
    return true;
}

void RunsPanel::chooseCsvFile()
{
    const RunSummary *run = firstSelected();
    if (!run)
        return;
    const QString file = QFileDialog::getSaveFileName(this, tr("Export the metrics as CSV"),
                                                      QDir(run->dir).filePath(QStringLiteral("metrics-dev.csv")),
                                                      tr("CSV files (*.csv)"));
    if (file.isEmpty())
        return;
    const QString error = exportMetricsCsv(file);
    showMessage(error.isEmpty() ? tr("Metrics written to %1").arg(file) : error, !error.isEmpty());
}

void RunsPanel::chooseHtmlFile()
{
    const RunSummary *run = firstSelected();
    if (!run)
        return;
    const QString file = QFileDialog::getSaveFileName(this, tr("Export the run as an HTML report"),
                                                      QDir(run->dir).filePath(QStringLiteral("report.html")),
                                                      tr("HTML files (*.html)"));
    if (!file.isEmpty())
        exportHtmlReport(file);
}

void RunsPanel::choosePngFile()
{
    const RunSummary *run = firstSelected();
    if (!run)
        return;
    const QString file = QFileDialog::getSaveFileName(this, tr("Export the confusion matrix as PNG"),
                                                      QDir(run->dir).filePath(QStringLiteral("confusion-dev.png")),
                                                      tr("PNG images (*.png)"));
    if (file.isEmpty())
        return;
    const QString error = exportConfusionImage(file);
    showMessage(error.isEmpty() ? tr("Confusion matrix written to %1").arg(file) : error, !error.isEmpty());
}

QImage RunsPanel::confusionImage(const ClassificationMetrics &metrics, const QString &title)
{
    const int n = int(metrics.labels.size());
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(13);
    QFont bold = font;
    bold.setBold(true);
    const QFontMetrics fm(font);
    int labelWidth = fm.horizontalAdvance(tr("predicted"));
    for (const QString &label : metrics.labels)
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(label));
    labelWidth += 12;
    int maxCount = 0;
    for (const auto &row : metrics.confusion)
        for (int v : row)
            maxCount = std::max(maxCount, v);
    const int cell = std::max(44, fm.horizontalAdvance(QString::number(maxCount)) + 14);
    const int titleHeight = 34;
    const int axisTitle = 22;
    const int left = axisTitle + labelWidth;
    const int top = titleHeight + axisTitle + labelWidth; // column labels run upwards
    const int width = std::max(left + n * cell + 16, QFontMetrics(bold).horizontalAdvance(title) + 32);
    const int height = top + n * cell + 16;

    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.setPen(Qt::black);
    p.setFont(bold);
    p.drawText(QRect(16, 0, width - 32, titleHeight), Qt::AlignLeft | Qt::AlignVCenter, title);
    p.setFont(font);
    p.setPen(QColor(70, 70, 70));
    p.drawText(QRect(left, titleHeight, n * cell, axisTitle), Qt::AlignCenter, tr("predicted →"));
    p.save();
    p.translate(0, top + n * cell / 2.0);
    p.rotate(-90);
    p.drawText(QRect(-n * cell / 2, 0, n * cell, axisTitle), Qt::AlignCenter, tr("true →"));
    p.restore();
    p.setPen(Qt::black);
    for (int i = 0; i < n; ++i) {
        p.drawText(QRect(axisTitle, top + i * cell, labelWidth - 8, cell), Qt::AlignRight | Qt::AlignVCenter,
                   metrics.labels[i]);
        p.save();
        p.translate(left + i * cell, top - 6);
        p.rotate(-90);
        p.drawText(QRect(0, 0, labelWidth - 6, cell), Qt::AlignLeft | Qt::AlignVCenter, metrics.labels[i]);
        p.restore();
    }
    for (int r = 0; r < n && r < int(metrics.confusion.size()); ++r) {
        int total = 0;
        for (int v : metrics.confusion[std::size_t(r)])
            total += v;
        for (int c = 0; c < n && c < int(metrics.confusion[std::size_t(r)].size()); ++c) {
            const int v = metrics.confusion[std::size_t(r)][std::size_t(c)];
            // Shaded by the share of the true class's images, so each row reads as a recall.
            const double share = total > 0 ? double(v) / total : 0.0;
            const double a = share * 0.9;
            const QColor fill(int(255 + (31 - 255) * a), int(255 + (119 - 255) * a), int(255 + (180 - 255) * a));
            const QRect rect(left + c * cell, top + r * cell, cell, cell);
            p.fillRect(rect, fill);
            p.setPen(QColor(210, 210, 210));
            p.drawRect(rect);
            p.setPen(share > 0.55 ? Qt::white : Qt::black);
            p.setFont(r == c ? bold : font);
            p.drawText(rect, Qt::AlignCenter, QString::number(v));
            p.setFont(font);
        }
    }
    p.setPen(QColor(120, 120, 120));
    p.drawRect(QRect(left, top, n * cell, n * cell));
    return image;
}

} // namespace loupe
