#include "PredictionRunPicker.h"

#include "PredictionsText.h"
#include "dataset/Errors.h"
#include "eval/DetectionReview.h"
#include "project/Project.h"

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QToolBar>

namespace loupe {

namespace {

// Texts written for the Predictions page keep its translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::PredictionsPanel)
};

} // namespace

PredictionRunPicker::PredictionRunPicker(QWidget *parent)
    : QObject(parent)
    , m_run(new QComboBox(parent))
    , m_split(new QComboBox(parent))
{
    m_run->setObjectName(QStringLiteral("runChooser"));
    m_run->setToolTip(Text::tr("Runs of this dataset that saved predictions, newest first"));
    m_run->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_run->setMinimumContentsLength(24);
    m_split->setObjectName(QStringLiteral("splitChooser"));
    m_split->setToolTip(Text::tr("Which images the predictions are of"));
    connect(m_run, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        fillSplits();
        Q_EMIT selectionChanged();
    });
    connect(m_split, qOverload<int>(&QComboBox::currentIndexChanged), this, &PredictionRunPicker::selectionChanged);
}

void PredictionRunPicker::addTo(QToolBar *bar)
{
    bar->addWidget(new QLabel(Text::tr("Run "), bar));
    bar->addWidget(m_run);
    QAction *refresh = bar->addAction(Text::tr("Refresh"), this, &PredictionRunPicker::refreshRequested);
    refresh->setObjectName(QStringLiteral("refreshRunsAction"));
    refresh->setToolTip(Text::tr("List the runs again (a run finished meanwhile)"));
    bar->addWidget(new QLabel(Text::tr("  Split "), bar));
    bar->addWidget(m_split);
}

void PredictionRunPicker::refresh(const QString &datasetRoot, const QString &wanted)
{
    const QString keep = m_run->count() > 0 ? currentRunDir() : wanted;
    m_runs.clear();
    if (!datasetRoot.isEmpty()) {
        for (RunSummary &r : runfolder::listRuns(projectfile::folderFor(datasetRoot))) {
            if (QFileInfo::exists(predictionfiles::devPath(r.dir)) || QFileInfo::exists(predictionfiles::testPath(r.dir))
                || QFileInfo::exists(detectionfiles::devPath(r.dir)) || QFileInfo::exists(detectionfiles::testPath(r.dir)))
                m_runs.push_back(std::move(r));
        }
    }
    {
        const QSignalBlocker block(m_run);
        m_run->clear();
        for (const RunSummary &r : m_runs) {
            QString text = r.name;
            if (r.configReadable)
                text += QStringLiteral(" — %1").arg(r.config.model);
            if (detectionfiles::isDetectionRun(r.dir))
                text += Text::tr(" (detection)");
            else if (r.bestEpoch > 0)
                text += Text::tr(", dev macro F1 %1").arg(QLocale().toString(r.bestMacroF1, 'f', 3));
            m_run->addItem(text, r.dir);
            m_run->setItemData(m_run->count() - 1, QStringLiteral("%1\n%2").arg(r.dir, configSummary(r.config)),
                               Qt::ToolTipRole);
        }
        const int i = keep.isEmpty() ? -1 : m_run->findData(keep);
        m_run->setCurrentIndex(i >= 0 ? i : (m_run->count() > 0 ? 0 : -1));
    }
    fillSplits();
}

QStringList PredictionRunPicker::runDirs() const
{
    QStringList dirs;
    for (const RunSummary &r : m_runs)
        dirs.append(r.dir);
    return dirs;
}

bool PredictionRunPicker::selectRun(const QString &runDir)
{
    int i = m_run->findData(runDir);
    if (i < 0)
        i = m_run->findData(QDir(runDir).absolutePath());
    if (i < 0)
        return false;
    m_run->setCurrentIndex(i);
    return true;
}

QString PredictionRunPicker::currentRunDir() const
{
    return m_run->currentData().toString();
}

const RunSummary *PredictionRunPicker::currentRun() const
{
    const QString dir = currentRunDir();
    for (const RunSummary &r : m_runs)
        if (r.dir == dir)
            return &r;
    return nullptr;
}

void PredictionRunPicker::fillSplits()
{
    const QString keep = currentSplit();
    const QSignalBlocker block(m_split);
    m_split->clear();
    const QString run = currentRunDir();
    if (!run.isEmpty()) {
        // A detection run writes detections-<split>.json, a classification run predictions-<split>.csv.
        if (QFileInfo::exists(predictionfiles::devPath(run)) || QFileInfo::exists(detectionfiles::devPath(run)))
            m_split->addItem(Text::tr("dev"), QStringLiteral("dev"));
        if (QFileInfo::exists(predictionfiles::testPath(run)) || QFileInfo::exists(detectionfiles::testPath(run)))
            m_split->addItem(Text::tr("test"), QStringLiteral("test"));
    }
    const int i = m_split->findData(keep);
    m_split->setCurrentIndex(i >= 0 ? i : (m_split->count() > 0 ? 0 : -1));
    m_split->setEnabled(m_split->count() > 1);
}

bool PredictionRunPicker::selectSplit(const QString &split)
{
    const int i = m_split->findData(split);
    if (i < 0)
        return false;
    m_split->setCurrentIndex(i);
    return true;
}

QString PredictionRunPicker::currentSplit() const
{
    return m_split->currentData().toString();
}

PredictionRunPicker::Loaded PredictionRunPicker::load() const
{
    Loaded out;
    const QString run = currentRunDir();
    const QString split = currentSplit();
    if (run.isEmpty() || split.isEmpty())
        return out;
    const bool test = split == QLatin1String("test");
    try {
        out.set = predictionfiles::read(test ? predictionfiles::testPath(run) : predictionfiles::devPath(run));
    } catch (const LabelFileError &e) {
        out.problem = e.message();
        return out;
    } catch (const DatasetError &e) {
        out.problem = e.message();
        return out;
    }
    if (!test && QFileInfo::exists(predictionfiles::historyPath(run))) {
        try {
            out.history = predictionfiles::readHistory(predictionfiles::historyPath(run));
        } catch (const LabelFileError &e) {
            out.problem = Text::tr("The history across epochs cannot be read: %1").arg(e.message());
        } catch (const DatasetError &e) {
            out.problem = Text::tr("The history across epochs cannot be read: %1").arg(e.message());
        }
    }
    return out;
}

} // namespace loupe
