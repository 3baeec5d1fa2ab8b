#pragma once

#include "InspectController.h"
#include "eval/Predictions.h"

#include <QAbstractListModel>
#include <QHash>
#include <QPointer>

namespace loupe {

class ThumbnailLoader;

/// A run's predictions on one split as a list for the error-analysis gallery, each matched by path
/// to the open dataset's sample (for its thumbnail and viewer), with any pending relabel.
class PredictionModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        PathRole = Qt::UserRole,
        TruthRole,         ///< index into classes()
        PredictedRole,     ///< index into classes()
        TruthNameRole,
        PredictedNameRole,
        ConfidenceRole,    ///< double, probability of the predicted class
        LossRole,          ///< double, -log p(truth)
        CorrectRole,
        SampleIndexRole,   ///< index into Dataset::samples, -1 when the image is not in the open dataset
        PendingLabelRole   ///< the class an unsaved relabel gives the image, "" when none
    };

    explicit PredictionModel(QObject *parent = nullptr);

    /// Replaces the rows. `inspection` may be null (no thumbnails then). `trainedRoot` is the
    /// dataset path the run recorded: when the dataset folder has moved since, paths are matched
    /// relative to it.
    void setPredictions(PredictionSet set, const InspectionPtr &inspection, const QString &trainedRoot = {});
    /// Re-matches the same predictions to a newer inspection of the dataset.
    void setInspection(const InspectionPtr &inspection);
    void clear();
    void setLoader(ThumbnailLoader *loader);
    /// Sample path (as in the dataset) → new class name; rows whose pending label changes are repainted.
    void setPendingLabels(const QHash<QString, QString> &pending);

    const PredictionSet &predictions() const { return m_set; }
    const QStringList &classes() const { return m_set.classes; }
    const Prediction &at(int row) const { return m_set.items[std::size_t(row)]; }
    int sampleIndexAt(int row) const { return m_sampleOfRow.value(row, -1); }
    /// Row of a prediction's path, or of the path of the dataset sample it was matched to.
    int rowOfPath(const QString &path) const { return m_rowOfPath.value(path, m_rowOfSamplePath.value(path, -1)); }
    /// Path of the matched dataset sample, "" when none.
    QString samplePathAt(int row) const;
    int matchedCount() const { return m_matched; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    void match();
    void thumbnailsReady(const QStringList &paths);

    PredictionSet m_set;
    InspectionPtr m_inspection;
    QString m_trainedFolder;
    QVector<int> m_sampleOfRow;
    QHash<QString, int> m_rowOfPath;
    QHash<QString, int> m_rowOfSamplePath;
    QHash<QString, QString> m_pending;
    int m_matched = 0;
    QPointer<ThumbnailLoader> m_loader;
};

} // namespace loupe
