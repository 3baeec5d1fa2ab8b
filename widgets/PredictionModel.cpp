#include "PredictionModel.h"

#include "ThumbnailLoader.h"

#include "dataset/LabelEdits.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QPixmap>
#include <QSet>

#include <algorithm>
#include <climits>

namespace loupe {

namespace {

QString folderOf(const QString &datasetRoot)
{
    if (datasetRoot.isEmpty())
        return {};
    const QFileInfo info(datasetRoot);
    // A folder dataset, or one that has moved away and looks like a folder; else a label file.
    const bool folder = info.isDir() || (!info.exists() && info.suffix().isEmpty());
    return QDir::cleanPath(folder ? info.absoluteFilePath() : info.absolutePath());
}

QString fileNameOf(const QString &path)
{
    const qsizetype slash = std::max(path.lastIndexOf(QLatin1Char('/')), path.lastIndexOf(QLatin1Char('\\')));
    return path.mid(slash + 1);
}

} // namespace

PredictionModel::PredictionModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void PredictionModel::setPredictions(PredictionSet set, const InspectionPtr &inspection, const QString &trainedRoot)
{
    beginResetModel();
    m_set = std::move(set);
    // Rows with class indices outside the run's classes cannot be shown or counted.
    const int classes = int(m_set.classes.size());
    m_set.items.erase(std::remove_if(m_set.items.begin(), m_set.items.end(),
                                     [classes](const Prediction &p) {
                                         return p.truth < 0 || p.truth >= classes || p.predicted < 0
                                             || p.predicted >= classes;
                                     }),
                      m_set.items.end());
    m_inspection = inspection;
    m_trainedFolder = folderOf(trainedRoot);
    m_rowOfPath.clear();
    m_rowOfPath.reserve(int(m_set.items.size()));
    for (int row = 0; row < int(m_set.items.size()); ++row)
        m_rowOfPath.insert(m_set.items[std::size_t(row)].path, row);
    match();
    endResetModel();
}

void PredictionModel::setInspection(const InspectionPtr &inspection)
{
    m_inspection = inspection;
    match();
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0), index(rowCount() - 1));
}

void PredictionModel::clear()
{
    setPredictions({}, nullptr);
}

void PredictionModel::match()
{
    m_sampleOfRow.fill(-1, int(m_set.items.size()));
    m_rowOfSamplePath.clear();
    m_matched = 0;
    if (!m_inspection)
        return;
    const Dataset &ds = m_inspection->dataset;
    QHash<QString, int> sampleOfPath;
    sampleOfPath.reserve(int(ds.samples.size()));
    for (int i = 0; i < int(ds.samples.size()); ++i)
        sampleOfPath.insert(ds.samples[std::size_t(i)].path, i);
    const QString folder = folderOf(ds.root);
    const QString trained = m_trainedFolder + QLatin1Char('/');
    // Images a relabel moved into another class folder since the run are found where they went.
    const QHash<QString, QString> moved = movedImages(ds.root);
    for (int row = 0; row < int(m_set.items.size()); ++row) {
        const QString &path = m_set.items[std::size_t(row)].path;
        int sample = sampleOfPath.value(path, -1);
        if (sample < 0 && !m_trainedFolder.isEmpty() && m_trainedFolder != folder && path.startsWith(trained))
            sample = sampleOfPath.value(folder + QLatin1Char('/') + path.mid(trained.size()), -1);
        if (sample < 0 && moved.contains(path))
            sample = sampleOfPath.value(moved.value(path), -1);
        m_sampleOfRow[row] = sample;
        if (sample >= 0) {
            ++m_matched;
            m_rowOfSamplePath.insert(ds.samples[std::size_t(sample)].path, row);
        }
    }
}

QString PredictionModel::samplePathAt(int row) const
{
    const int s = sampleIndexAt(row);
    return s >= 0 && m_inspection ? m_inspection->dataset.samples[std::size_t(s)].path : QString();
}

void PredictionModel::setLoader(ThumbnailLoader *loader)
{
    if (m_loader)
        disconnect(m_loader, nullptr, this, nullptr);
    m_loader = loader;
    if (m_loader)
        connect(m_loader, &ThumbnailLoader::thumbnailsReady, this, &PredictionModel::thumbnailsReady);
}

void PredictionModel::thumbnailsReady(const QStringList &paths)
{
    if (!m_inspection)
        return;
    // Thumbnails are keyed by the sample's path; one dataChanged over the span of delivered rows.
    QHash<QString, int> wanted;
    for (const QString &p : paths)
        wanted.insert(p, 0);
    int first = INT_MAX, last = -1;
    const Dataset &ds = m_inspection->dataset;
    for (int row = 0; row < int(m_sampleOfRow.size()); ++row) {
        const int s = m_sampleOfRow[row];
        if (s >= 0 && wanted.contains(ds.samples[std::size_t(s)].path)) {
            first = std::min(first, row);
            last = std::max(last, row);
        }
    }
    if (last >= 0)
        Q_EMIT dataChanged(index(first), index(last), {Qt::DecorationRole});
}

void PredictionModel::setPendingLabels(const QHash<QString, QString> &pending)
{
    QSet<QString> changed;
    for (auto it = pending.begin(); it != pending.end(); ++it)
        if (m_pending.value(it.key()) != it.value())
            changed.insert(it.key());
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it)
        if (!pending.contains(it.key()))
            changed.insert(it.key());
    m_pending = pending;
    for (const QString &path : changed) {
        const int row = m_rowOfSamplePath.value(path, -1);
        if (row >= 0)
            Q_EMIT dataChanged(index(row), index(row), {PendingLabelRole, Qt::ToolTipRole});
    }
}

int PredictionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_set.items.size());
}

QVariant PredictionModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= rowCount())
        return {};
    const Prediction &p = at(index.row());
    switch (role) {
    case Qt::DisplayRole: return fileNameOf(p.path);
    case Qt::ToolTipRole: {
        QString tip = tr("%1\ntrue: %2, predicted: %3 (%4%), loss %5")
                          .arg(p.path, m_set.classes.value(p.truth), m_set.classes.value(p.predicted))
                          .arg(QLocale().toString(100.0 * p.confidence, 'f', 1))
                          .arg(QLocale().toString(p.loss, 'g', 3));
        if (const QString pending = m_pending.value(samplePathAt(index.row())); !pending.isEmpty())
            tip += QLatin1Char('\n') + tr("relabelled as %1 (not saved yet)").arg(pending);
        if (sampleIndexAt(index.row()) < 0)
            tip += QLatin1Char('\n') + tr("not in the open dataset");
        return tip;
    }
    case Qt::DecorationRole: {
        const int s = sampleIndexAt(index.row());
        if (!m_loader || s < 0)
            return {};
        const QPixmap pixmap = m_loader->thumbnail(m_inspection->dataset.samples[std::size_t(s)].path);
        return pixmap.isNull() ? QVariant() : QVariant(pixmap);
    }
    case PathRole: return p.path;
    case TruthRole: return p.truth;
    case PredictedRole: return p.predicted;
    case TruthNameRole: return m_set.classes.value(p.truth);
    case PredictedNameRole: return m_set.classes.value(p.predicted);
    case ConfidenceRole: return double(p.confidence);
    case LossRole: return double(p.loss);
    case CorrectRole: return p.correct();
    case SampleIndexRole: return sampleIndexAt(index.row());
    case PendingLabelRole: {
        const QString sample = samplePathAt(index.row());
        return sample.isEmpty() ? QString() : m_pending.value(sample);
    }
    default: return {};
    }
}

} // namespace loupe
