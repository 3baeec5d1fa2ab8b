#pragma once

#include "InspectController.h"

#include <QAbstractListModel>
#include <QHash>
#include <QPointer>

namespace loupe {

class ThumbnailLoader;

/// The open dataset's images as a flat list for the thumbnail grid: every sample, then every
/// broken file (with its reason), so that filters can show either.
class ThumbnailModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        PathRole = Qt::UserRole,
        ClassNameRole,
        ClassIdRole,
        SplitRole,      ///< split name for people ("train", "dev", "test", "")
        SplitIdRole,    ///< int(SplitName)
        SizeRole,       ///< QSize from the header scan; empty until known
        HasObjectsRole,
        BrokenRole,
        ReasonRole,     ///< why a broken file could not be read
        FileNameRole,
        SampleIndexRole ///< index into Dataset::samples, -1 for broken files
    };

    explicit ThumbnailModel(QObject *parent = nullptr);

    /// Returns true when the new inspection lists the same files in the same order (the header
    /// scan or full check finished): rows then stay, only their data changes, and views keep
    /// their scroll position and selection.
    bool setInspection(const InspectionPtr &inspection);
    InspectionPtr inspection() const { return m_inspection; }
    /// Thumbnails come from here (DecorationRole); deliveries update the rows in one batch.
    void setLoader(ThumbnailLoader *loader);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Typed access for the proxy and the panel: no QVariant on paths that run 100,000 times.
    int sampleCount() const { return m_sampleCount; }
    int brokenCount() const { return rowCount() - m_sampleCount; }
    bool isBroken(int row) const { return row >= m_sampleCount; }
    const Sample *sampleAt(int row) const;
    const BadFile *badFileAt(int row) const;
    const QString &pathAt(int row) const;
    const QString &fileNameAt(int row) const { return m_fileNames.at(row); }
    QString classNameAt(int row) const;
    bool rowHasClass(int row, int classId) const;
    int rowOfPath(const QString &path) const { return m_rowOfPath.value(path, -1); }
    static QString splitText(SplitName split);

private:
    void thumbnailsReady(const QStringList &keys);

    InspectionPtr m_inspection;
    int m_sampleCount = 0;
    QStringList m_fileNames;
    QHash<QString, int> m_rowOfPath;
    QPointer<ThumbnailLoader> m_loader;
};

} // namespace loupe
