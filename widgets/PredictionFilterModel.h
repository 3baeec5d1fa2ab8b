#pragma once

#include <QSortFilterProxyModel>

namespace loupe {

class PredictionModel;

/// Filters and sorts the prediction gallery: mispredicted only, true class, predicted class, a
/// confidence range; sorted by loss or confidence either way, or kept in file order.
class PredictionFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class SortKey { FileOrder, Loss, Confidence };

    explicit PredictionFilterModel(QObject *parent = nullptr);

    void setPredictionModel(PredictionModel *model);
    PredictionModel *predictionModel() const { return m_model; }

    void setMispredictedOnly(bool on);
    bool mispredictedOnly() const { return m_mispredictedOnly; }
    /// Class index into the run's classes; -1 accepts every class.
    void setTruthFilter(int classIndex);
    int truthFilter() const { return m_truth; }
    void setPredictedFilter(int classIndex);
    int predictedFilter() const { return m_predicted; }
    /// Inclusive bounds on the confidence of the predicted class.
    void setConfidenceRange(double low, double high);
    double confidenceLow() const { return m_low; }
    double confidenceHigh() const { return m_high; }
    /// All filters off at once (one re-filter).
    void resetFilters();

    void setSortKey(SortKey key, Qt::SortOrder order);
    SortKey sortKey() const { return m_key; }

    /// Source row of a proxy row, -1 when out of range.
    int sourceRow(int proxyRow) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    PredictionModel *m_model = nullptr;
    bool m_mispredictedOnly = false;
    int m_truth = -1;
    int m_predicted = -1;
    double m_low = 0.0;
    double m_high = 1.0;
    SortKey m_key = SortKey::FileOrder;
};

} // namespace loupe
