#include "RunsTableModel.h"

#include "NumberText.h"

#include <QBrush>
#include <QFileInfo>
#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPalette>

#include <cmath>

namespace loupe {

namespace {

QString augmentText(const TrainConfig &c)
{
    if (!c.augmentFile.isEmpty() && c.augmentFile != QLatin1String("none"))
        return QFileInfo(c.augmentFile).fileName();
    // The steps the run trained with (the window's runs have no file: their pipeline is in the config).
    if (!c.pipelineJson.isEmpty()) {
        QStringList steps;
        const QJsonArray array = QJsonDocument::fromJson(c.pipelineJson).object().value(QStringLiteral("steps")).toArray();
        for (const QJsonValue &v : array) {
            const QJsonObject step = v.toObject();
            if (step.value(QStringLiteral("enabled")).toBool(true))
                steps << step.value(QStringLiteral("type")).toString();
        }
        if (!steps.isEmpty())
            return steps.join(QStringLiteral(", "));
    }
    if (c.augmentFile.isEmpty())
        return RunsTableModel::tr("default");
    return RunsTableModel::tr("none");
}

QString classWeightsText(const TrainConfig &c)
{
    if (c.classWeights != QLatin1String("explicit"))
        return c.classWeights;
    QStringList parts;
    for (double w : c.explicitClassWeights)
        parts << numberText(w, 'g', 3);
    return parts.join(QLatin1Char(','));
}

QString initText(const TrainConfig &c)
{
    return c.initWeights.isEmpty() ? RunsTableModel::tr("random") : QFileInfo(c.initWeights).fileName();
}

} // namespace

void RunsTableModel::setRuns(std::vector<RunSummary> runs)
{
    beginResetModel();
    m_runs = std::move(runs);
    m_devSets.clear();
    for (const RunSummary &r : m_runs)
        m_devSets.push_back(readDevSet(r.dir));
    rescore();
    endResetModel();
}

void RunsTableModel::setMetric(RankingMetric metric)
{
    if (metric == m_metric)
        return;
    beginResetModel();
    m_metric = metric;
    rescore();
    endResetModel();
}

void RunsTableModel::rescore()
{
    m_scores.clear();
    m_bestRow = -1;
    for (int i = 0; i < int(m_runs.size()); ++i) {
        std::optional<double> s = runScore(m_runs[std::size_t(i)].history, m_metric);
        if (s && !std::isfinite(*s))
            s.reset();
        m_scores.push_back(s);
        if (s && (m_bestRow < 0 || ranksAbove(*s, *m_scores[std::size_t(m_bestRow)], m_metric)))
            m_bestRow = i;
    }
}

const RunSummary *RunsTableModel::run(int row) const
{
    return row >= 0 && row < int(m_runs.size()) ? &m_runs[std::size_t(row)] : nullptr;
}

int RunsTableModel::rowOfDir(const QString &dir) const
{
    const QString wanted = QFileInfo(dir).absoluteFilePath();
    for (int i = 0; i < int(m_runs.size()); ++i)
        if (m_runs[std::size_t(i)].dir == wanted)
            return i;
    return -1;
}

DevSetOverlap RunsTableModel::devSetAgainstBest(int row) const
{
    if (row < 0 || row >= int(m_devSets.size()) || m_bestRow < 0)
        return {};
    return compareDevSets(m_devSets[std::size_t(row)], m_devSets[std::size_t(m_bestRow)]);
}

std::optional<double> RunsTableModel::score(int row) const
{
    return row >= 0 && row < int(m_scores.size()) ? m_scores[std::size_t(row)] : std::nullopt;
}

int RunsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int RunsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunsTableModel::data(const QModelIndex &index, int role) const
{
    const RunSummary *r = index.isValid() ? run(index.row()) : nullptr;
    if (!r)
        return {};
    const TrainConfig &c = r->config;
    const bool cfg = r->configReadable;
    const std::optional<double> s = score(index.row());
    const bool best = index.row() == m_bestRow;
    const DevSetOverlap dev = devSetAgainstBest(index.row());
    const bool incomparable = dev.known && !dev.same();
    if (role == DirRole)
        return r->dir;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case RunColumn: return best ? tr("★ %1").arg(r->name) : r->name;
        case StatusColumn: return runStatusText(r->status);
        case ModelColumn: return cfg ? c.model : QString();
        case ImageSizeColumn: return cfg ? QVariant(c.imageSize) : QVariant();
        case BatchColumn: return cfg ? QVariant(c.batchSize) : QVariant();
        case OptimizerColumn: return cfg ? c.optimizer : QString();
        case LrColumn: return cfg ? numberText(c.learningRate, 'g', 4) : QString();
        case EpochsColumn: return cfg ? QVariant(c.epochs) : QVariant();
        case AugmentColumn: return cfg ? augmentText(c) : QString();
        case ClassWeightsColumn: return cfg ? classWeightsText(c) : QString();
        case InitColumn: return cfg ? initText(c) : QString();
        case ScoreColumn: return s ? numberText(*s, 'f', 4) : QStringLiteral("–");
        case BestEpochColumn: return r->bestEpoch > 0 ? QVariant(r->bestEpoch) : QVariant(QStringLiteral("–"));
        case DevSetColumn:
            if (!dev.known)
                return QStringLiteral("–");
            if (best)
                return tr("%n image(s)", nullptr, dev.sizeA);
            return dev.same() ? tr("same as ★") : tr("differs: %1 of %2 shared").arg(dev.shared).arg(dev.sizeA);
        }
        return {};
    }
    if (role == Qt::ForegroundRole && incomparable
        && (index.column() == ScoreColumn || index.column() == DevSetColumn))
        return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
    if (role == SortRole) {
        switch (index.column()) {
        case RunColumn: return r->name;
        case StatusColumn: return runStatusText(r->status);
        case ImageSizeColumn: return cfg ? QVariant(double(c.imageSize)) : QVariant();
        case BatchColumn: return cfg ? QVariant(double(c.batchSize)) : QVariant();
        case LrColumn: return cfg ? QVariant(c.learningRate) : QVariant();
        case EpochsColumn: return cfg ? QVariant(double(c.epochs)) : QVariant();
        case ScoreColumn: return s ? QVariant(*s) : QVariant();
        case BestEpochColumn: return r->bestEpoch > 0 ? QVariant(double(r->bestEpoch)) : QVariant();
        default: return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::FontRole && best) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::ToolTipRole) {
        QString tip = r->dir;
        if (best)
            tip += QLatin1Char('\n') + tr("Best run by %1").arg(rankingMetricTitle(m_metric));
        if (!r->message.isEmpty())
            tip += QLatin1Char('\n') + r->message;
        if (incomparable)
            tip += QLatin1Char('\n') + tr("Not comparable with the best run: %1 of its %2 dev images are also in the "
                                         "best run's %3 with the same label, so the scores measure different images.")
                                          .arg(dev.shared)
                                          .arg(dev.sizeA)
                                          .arg(dev.sizeB);
        if (cfg && index.column() == InitColumn && !c.initWeights.isEmpty())
            tip += QLatin1Char('\n') + c.initWeights;
        if (cfg && index.column() == AugmentColumn && !c.augmentFile.isEmpty())
            tip += QLatin1Char('\n') + c.augmentFile;
        return tip;
    }
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case ImageSizeColumn:
        case BatchColumn:
        case LrColumn:
        case EpochsColumn:
        case ScoreColumn:
        case BestEpochColumn: return int(Qt::AlignRight | Qt::AlignVCenter);
        default: return {};
        }
    }
    return {};
}

QVariant RunsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == ScoreColumn)
        return higherIsBetter(m_metric) ? tr("The run's %1 at its best epoch; higher is better.").arg(rankingMetricTitle(m_metric))
                                        : tr("The run's %1 at its best epoch; lower is better.").arg(rankingMetricTitle(m_metric));
    if (role == Qt::ToolTipRole && section == DevSetColumn)
        return tr("Scores compare only on the same dev images with the same labels; a run judged on another dev "
                  "set than the best run's is marked here and greyed.");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RunColumn: return tr("Run");
    case StatusColumn: return tr("Status");
    case ModelColumn: return tr("Model");
    case ImageSizeColumn: return tr("Size");
    case BatchColumn: return tr("Batch");
    case OptimizerColumn: return tr("Optimizer");
    case LrColumn: return tr("LR");
    case EpochsColumn: return tr("Epochs");
    case AugmentColumn: return tr("Augment");
    case ClassWeightsColumn: return tr("Class weights");
    case InitColumn: return tr("Init");
    case ScoreColumn: return bestScoreTitle(m_metric);
    case BestEpochColumn: return tr("Best epoch");
    case DevSetColumn: return tr("Dev set");
    }
    return {};
}

bool RunsSortProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(RunsTableModel::SortRole);
    const QVariant r = right.data(RunsTableModel::SortRole);
    // Unknown values last whichever way the column is sorted.
    if (!l.isValid() || !r.isValid()) {
        if (l.isValid() == r.isValid())
            return false;
        return sortOrder() == Qt::AscendingOrder ? l.isValid() : !l.isValid();
    }
    if (l.typeId() == QMetaType::Double && r.typeId() == QMetaType::Double)
        return l.toDouble() < r.toDouble();
    return QString::localeAwareCompare(l.toString(), r.toString()) < 0;
}

} // namespace loupe
