#include "RunsPanel.h"

#include "ConfusionMatrixView.h"

#include "dataset/Errors.h"
#include "eval/Predictions.h"
#include "eval/ModelExport.h"
#include "project/Project.h"
#include "project/RunFolder.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QProgressBar>
#include <QFutureWatcher>
#include <QLocale>
#include <QPushButton>
#include <QtConcurrent/QtConcurrentRun>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace loupe {

RunsPanel::RunsPanel(QWidget *parent)
    : Panel(parent)
    , m_proxy(this)
    , m_metric(new QComboBox(this))
    , m_view(new QTableView(this))
    , m_message(new QLabel(this))
    , m_compare(new RunComparison(this))
    , m_csv(new QPushButton(tr("Metrics CSV…"), this))
    , m_html(new QPushButton(tr("HTML report…"), this))
    , m_png(new QPushButton(tr("Confusion matrix PNG…"), this))
    , m_exportModel(new QPushButton(tr("Model…"), this)) // after "Export selected run:"
    , m_progress(new QProgressBar(this))
    , m_progressDelay(new QTimer(this))
{
    setObjectName(QStringLiteral("runsPanel"));
    m_metric->setObjectName(QStringLiteral("rankingMetric"));
    for (RankingMetric m : rankingMetrics())
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
    m_exportModel->setObjectName(QStringLiteral("exportModel"));
    {
        QStringList lines{tr("The selected run's model as a file that runs without Loupe (docs/deploy.md):")};
        for (const ExportFormatInfo &f : exportFormats())
            lines << QStringLiteral("• %1 (*.%2): %3").arg(f.name, f.suffix, f.purpose);
        m_exportModel->setToolTip(lines.join(QLatin1Char('\n')));
    }
    m_progress->setObjectName(QStringLiteral("reportProgress"));
    m_progress->setMaximumWidth(160);
    m_progress->setVisible(false);
    m_progressDelay->setSingleShot(true);
    m_progressDelay->setInterval(1000); // only work that takes over a second gets a bar

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Rank by"), this));
    bar->addWidget(m_metric);
    bar->addWidget(refreshButton);
    bar->addStretch(1);
    bar->addWidget(new QLabel(tr("Export selected run:"), this));
    bar->addWidget(m_csv);
    bar->addWidget(m_html);
    bar->addWidget(m_png);
    bar->addWidget(m_exportModel);
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
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("runsSplitter"));
    split->addWidget(m_view);
    split->addWidget(m_compare);
    split->setChildrenCollapsible(false);
    // Room for six runs before the comparison takes the rest.
    const int frame = 2 * m_view->frameWidth();
    m_view->setMinimumHeight(m_view->horizontalHeader()->sizeHint().height()
                             + 6 * m_view->verticalHeader()->defaultSectionSize()
                             + style()->pixelMetric(QStyle::PM_ScrollBarExtent) + frame);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);

    // The message has a line of its own: squeezed between the buttons it wrapped into a column.
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(split, 1);

    connect(m_metric, &QComboBox::currentIndexChanged, this, [this](int) {
        if (const auto m = rankingMetricFromKey(m_metric->currentData().toString()))
            setRankingMetric(*m);
    });
    connect(refreshButton, &QPushButton::clicked, this, &RunsPanel::refresh);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RunsPanel::onSelectionChanged);
    connect(m_compare, &RunComparison::problem, this, [this](const QString &text) { showMessage(text, true); });
    connect(m_csv, &QPushButton::clicked, this, &RunsPanel::chooseCsvFile);
    connect(m_html, &QPushButton::clicked, this, &RunsPanel::chooseHtmlFile);
    connect(m_png, &QPushButton::clicked, this, &RunsPanel::choosePngFile);
    connect(m_exportModel, &QPushButton::clicked, this, &RunsPanel::chooseModelFile);
    connect(m_progressDelay, &QTimer::timeout, this, [this] {
        if (m_exporter.isBusy() || m_exportingModel)
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
    refresh();
    // A project of detectors ranks by mAP even when loupe.json says macro F1 (the default): the
    // runs have no macro F1, and ranking them all last would rank nothing.
    QStringList tasks;
    for (int row = 0; row < m_model.rowCount(); ++row)
        if (const RunSummary *r = m_model.run(row); r && r->configReadable)
            tasks << (r->config.task.isEmpty() ? QStringLiteral("classify") : r->config.task);
    metric = rankingMetricForTasks(metric, tasks);
    {
        const QSignalBlocker block(m_metric);
        m_metric->setCurrentIndex(std::max(0, m_metric->findData(rankingMetricKey(metric))));
    }
    m_model.setMetric(metric);
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
    const QStringList selected = selectedRuns();
    for (const QString &dir : selected)
        if (const RunSummary *r = m_model.run(m_model.rowOfDir(dir)); r && runs.size() < 2)
            runs.push_back(r);
    m_compare->showRuns(runs, int(selected.size()));
    updateButtons();
}

void RunsPanel::updateButtons()
{
    const bool one = firstSelected() != nullptr;
    m_csv->setEnabled(one);
    m_png->setEnabled(one);
    m_html->setEnabled(one && !m_exporter.isBusy());
    m_exportModel->setEnabled(one && !m_exportingModel);
}

void RunsPanel::showMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setProperty("problem", problem);
    m_message->setStyleSheet(problem ? QStringLiteral("color: #b00000;") : QString());
    m_message->setVisible(!text.isEmpty());
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
    if (!RunComparison::devMetrics(*run, &metrics, &error))
        return error;
    // The Predictions page's matrix, drawn off screen.
    ConfusionMatrixView view;
    view.setMatrix(metrics.labels, metrics.confusion);
    if (!view.exportPng(file, tr("%1 — dev confusion matrix").arg(run->name)))
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

QString RunsPanel::askExportFile(const QString &title, const QString &fileName, const QString &filter)
{
    const RunSummary *run = firstSelected();
    return run ? QFileDialog::getSaveFileName(this, title, QDir(run->dir).filePath(fileName), filter) : QString();
}

void RunsPanel::chooseCsvFile()
{
    const QString file =
        askExportFile(tr("Export the metrics as CSV"), QStringLiteral("metrics-dev.csv"), tr("CSV files (*.csv)"));
    if (file.isEmpty())
        return;
    const QString error = exportMetricsCsv(file);
    showMessage(error.isEmpty() ? tr("Metrics written to %1").arg(file) : error, !error.isEmpty());
}

void RunsPanel::chooseHtmlFile()
{
    const QString file =
        askExportFile(tr("Export the run as an HTML report"), QStringLiteral("report.html"), tr("HTML files (*.html)"));
    if (!file.isEmpty())
        exportHtmlReport(file);
}

void RunsPanel::choosePngFile()
{
    const QString file = askExportFile(tr("Export the confusion matrix as PNG"), QStringLiteral("confusion-dev.png"),
                                       tr("PNG images (*.png)"));
    if (file.isEmpty())
        return;
    const QString error = exportConfusionImage(file);
    showMessage(error.isEmpty() ? tr("Confusion matrix written to %1").arg(file) : error, !error.isEmpty());
}

bool RunsPanel::exportModelFile(const QString &file)
{
    const RunSummary *run = firstSelected();
    if (!run || m_exportingModel)
        return false;
    const ExportFormat format =
        file.endsWith(QLatin1String(".pt"), Qt::CaseInsensitive) ? ExportFormat::TorchScript : ExportFormat::Onnx;
    const QString name = exportFormatInfo(format).name;
    m_exportingModel = true;
    updateButtons();
    showMessage(tr("Writing %1 as %2…").arg(file, name));
    m_progress->setRange(0, 0);
    m_progressDelay->start();
    auto *watcher = new QFutureWatcher<std::pair<bool, QString>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, file] {
        const auto [ok, summary] = watcher->result();
        watcher->deleteLater();
        m_exportingModel = false;
        m_progressDelay->stop();
        m_progress->setVisible(false);
        showMessage(summary, !ok);
        updateButtons();
        Q_EMIT modelExported(file, summary, ok);
    });
    const QString runDir = run->dir;
    watcher->setFuture(QtConcurrent::run([runDir, format, file]() -> std::pair<bool, QString> {
        try {
            const ExportReport r = exportModel(runDir, format, file);
            return {true, tr("%1 written to %2 (%3 MB), checked with %4: largest probability difference %5")
                              .arg(exportFormatInfo(r.format).name, r.file, QLocale().toString(double(r.bytes) / 1e6, 'f', 1),
                                   r.checkedWith, QLocale().toString(r.maxDifference, 'g', 2))};
        } catch (const DatasetError &e) {
            return {false, e.message()};
        } catch (const std::exception &e) {
            return {false, QString::fromUtf8(e.what())};
        }
    }));
    return true;
}

void RunsPanel::chooseModelFile()
{
    const RunSummary *run = firstSelected();
    if (!run)
        return;
    QStringList filters;
    for (const ExportFormatInfo &f : exportFormats())
        filters << tr("%1 model (*.%2)").arg(f.name, f.suffix);
    QString selected = filters.front();
    QString file = QFileDialog::getSaveFileName(this, tr("Export the model of %1").arg(run->name),
                                                QDir(run->dir).filePath(QStringLiteral("model.onnx")),
                                                filters.join(QLatin1String(";;")), &selected);
    if (file.isEmpty())
        return;
    // The chosen filter decides when the name has no known suffix.
    if (!file.endsWith(QLatin1String(".onnx"), Qt::CaseInsensitive) && !file.endsWith(QLatin1String(".pt"), Qt::CaseInsensitive))
        file += selected == filters.front() ? QStringLiteral(".onnx") : QStringLiteral(".pt");
    exportModelFile(file);
}

} // namespace loupe
