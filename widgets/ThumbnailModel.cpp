#include "ThumbnailModel.h"

#include "ThumbnailLoader.h"

#include <QPixmap>
#include <QSize>

#include <algorithm>
#include <climits>

namespace loupe {

namespace {
const QString kEmpty;

QString fileNameOf(const QString &path)
{
    // Faster than QFileInfo for 100,000 rows, and IDX paths ("file#12") keep their index.
    const qsizetype slash = std::max(path.lastIndexOf(QLatin1Char('/')), path.lastIndexOf(QLatin1Char('\\')));
    return path.mid(slash + 1);
}
} // namespace

ThumbnailModel::ThumbnailModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

bool ThumbnailModel::setInspection(const InspectionPtr &inspection)
{
    if (m_inspection && inspection && m_inspection != inspection) {
        const Dataset &a = m_inspection->dataset;
        const Dataset &b = inspection->dataset;
        bool same = a.samples.size() == b.samples.size() && a.badFiles.size() == b.badFiles.size();
        for (std::size_t i = 0; same && i < a.samples.size(); ++i)
            same = a.samples[i].path == b.samples[i].path;
        for (std::size_t i = 0; same && i < a.badFiles.size(); ++i)
            same = a.badFiles[i].path == b.badFiles[i].path;
        if (same) {
            m_inspection = inspection;
            if (rowCount() > 0)
                Q_EMIT dataChanged(index(0), index(rowCount() - 1));
            return true;
        }
    }
    beginResetModel();
    m_inspection = inspection;
    m_fileNames.clear();
    m_rowOfPath.clear();
    m_sampleCount = 0;
    if (m_inspection) {
        const Dataset &ds = m_inspection->dataset;
        m_sampleCount = int(ds.samples.size());
        const int total = m_sampleCount + int(ds.badFiles.size());
        m_fileNames.reserve(total);
        m_rowOfPath.reserve(total);
        for (int row = 0; row < total; ++row) {
            const QString &path = pathAt(row);
            m_fileNames.append(fileNameOf(path));
            m_rowOfPath.insert(path, row);
        }
    }
    endResetModel();
    return false;
}

void ThumbnailModel::setLoader(ThumbnailLoader *loader)
{
    if (m_loader)
        disconnect(m_loader, nullptr, this, nullptr);
    m_loader = loader;
    if (m_loader)
        connect(m_loader, &ThumbnailLoader::thumbnailsReady, this, &ThumbnailModel::thumbnailsReady);
}

void ThumbnailModel::thumbnailsReady(const QStringList &keys)
{
    // One dataChanged over the span of delivered rows: views repaint once per burst.
    int first = INT_MAX, last = -1;
    for (const QString &key : keys) {
        const int row = rowOfPath(key);
        if (row < 0)
            continue;
        first = std::min(first, row);
        last = std::max(last, row);
    }
    if (last >= 0)
        Q_EMIT dataChanged(index(first), index(last), {Qt::DecorationRole});
}

int ThumbnailModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_inspection)
        return 0;
    return int(m_fileNames.size());
}

const Sample *ThumbnailModel::sampleAt(int row) const
{
    if (!m_inspection || row < 0 || row >= m_sampleCount)
        return nullptr;
    return &m_inspection->dataset.samples[std::size_t(row)];
}

const BadFile *ThumbnailModel::badFileAt(int row) const
{
    if (!m_inspection || row < m_sampleCount || row >= m_sampleCount + int(m_inspection->dataset.badFiles.size()))
        return nullptr;
    return &m_inspection->dataset.badFiles[std::size_t(row - m_sampleCount)];
}

const QString &ThumbnailModel::pathAt(int row) const
{
    if (const Sample *s = sampleAt(row))
        return s->path;
    if (const BadFile *b = badFileAt(row))
        return b->path;
    return kEmpty;
}

QString ThumbnailModel::classNameAt(int row) const
{
    const Sample *s = sampleAt(row);
    if (!s)
        return {};
    const QStringList &classes = m_inspection->dataset.classes;
    if (s->classId >= 0 && s->classId < classes.size())
        return classes.at(s->classId);
    if (!s->objects.empty()) {
        // A detection image: name its objects' classes, most frequent first is not worth the cost here.
        QStringList names;
        for (const Annotation &a : s->objects) {
            const QString n = a.classId >= 0 && a.classId < classes.size() ? classes.at(a.classId) : QString();
            if (!n.isEmpty() && !names.contains(n))
                names.append(n);
        }
        return names.join(QLatin1String(", "));
    }
    return {};
}

bool ThumbnailModel::rowHasClass(int row, int classId) const
{
    const Sample *s = sampleAt(row);
    if (!s)
        return false;
    if (s->classId == classId)
        return true;
    return std::any_of(s->objects.begin(), s->objects.end(),
                       [classId](const Annotation &a) { return a.classId == classId; });
}

QString ThumbnailModel::splitText(SplitName split)
{
    switch (split) {
    case SplitName::Train:
        return tr("train");
    case SplitName::Dev:
        return tr("dev");
    case SplitName::Test:
        return tr("test");
    case SplitName::None:
        break;
    }
    return {};
}

QVariant ThumbnailModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const int row = index.row();
    const Sample *s = sampleAt(row);
    const BadFile *bad = badFileAt(row);
    switch (role) {
    case Qt::DisplayRole:
    case FileNameRole:
        return m_fileNames.at(row);
    case Qt::ToolTipRole:
        if (bad)
            return tr("%1\n%2").arg(bad->path, bad->reason);
        if (s && s->width > 0)
            return tr("%1\n%2 × %3 px — %4").arg(s->path).arg(s->width).arg(s->height).arg(classNameAt(row));
        return s ? s->path : QString();
    case Qt::DecorationRole:
        if (s && m_loader) {
            const QPixmap p = m_loader->thumbnail(s->path);
            if (!p.isNull())
                return p;
        }
        return {};
    case PathRole:
        return pathAt(row);
    case ClassNameRole:
        return classNameAt(row);
    case ClassIdRole:
        return s ? s->classId : -1;
    case SplitRole:
        return s ? splitText(s->split) : QString();
    case SplitIdRole:
        return s ? int(s->split) : int(SplitName::None);
    case SizeRole:
        return s ? QSize(s->width, s->height) : QSize();
    case HasObjectsRole:
        return s && !s->objects.empty();
    case BrokenRole:
        return bad != nullptr;
    case ReasonRole:
        return bad ? bad->reason : QString();
    case SampleIndexRole:
        return s ? row : -1;
    default:
        return {};
    }
}

QHash<int, QByteArray> ThumbnailModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(PathRole, "path");
    names.insert(ClassNameRole, "className");
    names.insert(ClassIdRole, "classId");
    names.insert(SplitRole, "split");
    names.insert(SplitIdRole, "splitId");
    names.insert(SizeRole, "size");
    names.insert(HasObjectsRole, "hasObjects");
    names.insert(BrokenRole, "broken");
    names.insert(ReasonRole, "reason");
    names.insert(FileNameRole, "fileName");
    names.insert(SampleIndexRole, "sampleIndex");
    return names;
}

} // namespace loupe
