#include "PredictionFilterModel.h"

#include "PredictionModel.h"

namespace loupe {

PredictionFilterModel::PredictionFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
}

void PredictionFilterModel::setPredictionModel(PredictionModel *model)
{
    m_model = model;
    setSourceModel(model);
    sort(0, sortOrder());
}

void PredictionFilterModel::setMispredictedOnly(bool on)
{
    if (on == m_mispredictedOnly)
        return;
    m_mispredictedOnly = on;
    invalidateFilter();
}

void PredictionFilterModel::setTruthFilter(int classIndex)
{
    if (classIndex == m_truth)
        return;
    m_truth = classIndex;
    invalidateFilter();
}

void PredictionFilterModel::setPredictedFilter(int classIndex)
{
    if (classIndex == m_predicted)
        return;
    m_predicted = classIndex;
    invalidateFilter();
}

void PredictionFilterModel::setConfidenceRange(double low, double high)
{
    if (low > high)
        std::swap(low, high);
    if (low == m_low && high == m_high)
        return;
    m_low = low;
    m_high = high;
    invalidateFilter();
}

void PredictionFilterModel::resetFilters()
{
    m_mispredictedOnly = false;
    m_truth = -1;
    m_predicted = -1;
    m_low = 0.0;
    m_high = 1.0;
    invalidateFilter();
}

void PredictionFilterModel::setSortKey(SortKey key, Qt::SortOrder order)
{
    m_key = key;
    invalidate(); // lessThan changed meaning even when the order did not
    sort(0, key == SortKey::FileOrder ? Qt::AscendingOrder : order);
}

int PredictionFilterModel::sourceRow(int proxyRow) const
{
    if (proxyRow < 0 || proxyRow >= rowCount())
        return -1;
    return mapToSource(index(proxyRow, 0)).row();
}

bool PredictionFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (!m_model || sourceRow < 0 || sourceRow >= m_model->rowCount())
        return false;
    const Prediction &p = m_model->at(sourceRow);
    if (m_mispredictedOnly && p.correct())
        return false;
    if (m_truth >= 0 && p.truth != m_truth)
        return false;
    if (m_predicted >= 0 && p.predicted != m_predicted)
        return false;
    // Compared as floats, as stored: 0.9f is just under 0.9 as a double.
    return p.confidence >= float(m_low) && p.confidence <= float(m_high);
}

bool PredictionFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_model)
        return left.row() < right.row();
    const Prediction &a = m_model->at(left.row());
    const Prediction &b = m_model->at(right.row());
    float ka = 0, kb = 0;
    switch (m_key) {
    case SortKey::FileOrder: return left.row() < right.row();
    case SortKey::Loss:
        ka = a.loss;
        kb = b.loss;
        break;
    case SortKey::Confidence:
        ka = a.confidence;
        kb = b.confidence;
        break;
    }
    // Ties keep file order whichever way the sort runs (stable enough for next/previous).
    if (ka == kb)
        return sortOrder() == Qt::AscendingOrder ? left.row() < right.row() : left.row() > right.row();
    return ka < kb;
}

} // namespace loupe
