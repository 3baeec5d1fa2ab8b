#pragma once

#include "PredictionFilterModel.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;

namespace loupe {

/// The filters above the prediction gallery (mispredicted only, true and predicted class, a
/// confidence range), its sort order and the count of what it shows, applied to a
/// PredictionFilterModel.
class PredictionFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit PredictionFilterBar(PredictionFilterModel *proxy, QWidget *parent = nullptr);

    /// The class choices after other predictions were loaded, keeping a chosen class by name.
    void setClasses(const QStringList &classes);

    void setMispredictedOnly(bool on);
    void setTruthFilter(int classIndex);
    void setPredictedFilter(int classIndex);
    void setConfidenceRange(double low, double high);
    void setSort(PredictionFilterModel::SortKey key, Qt::SortOrder order);
    void clearFilters();
    /// Exactly the images of one confusion-matrix cell (every other filter off); the count says so.
    void showCell(int truth, int predicted);

    /// What the gallery shows and why ("showing 3 of 80 …").
    QString countText() const;
    void updateCount();

Q_SIGNALS:
    /// The user changed a filter (not showCell).
    void filtersChanged();
    void sortChanged();

private:
    void applyUserFilters();
    QString cellNote() const;

    PredictionFilterModel *m_proxy;
    QCheckBox *m_wrongOnly;
    QComboBox *m_truthFilter;
    QComboBox *m_predictedFilter;
    QDoubleSpinBox *m_low;
    QDoubleSpinBox *m_high;
    QComboBox *m_sort;
    QLabel *m_count;
    /// The confusion-matrix cell last shown (truth, predicted), -1 when none. The caption naming it
    /// is made from the filters in force, so it goes as soon as they no longer show that cell.
    int m_cellTruth = -1;
    int m_cellPredicted = -1;
};

} // namespace loupe
