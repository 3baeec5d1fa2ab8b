#pragma once

// Classification metrics with scikit-learn's exact semantics, so figures match what users
// compute in Python. Torch-free: the trainer hands over class indices.

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace loupe {

struct ClassMetrics {
    QString name;
    double precision = 0;
    double recall = 0;
    double f1 = 0;
    int support = 0; ///< samples whose true class is this one
};

struct ClassificationMetrics {
    double accuracy = 0; ///< NaN when there are no samples, as sklearn's accuracy_score
    double macroF1 = 0;
    std::vector<ClassMetrics> perClass;      ///< one per label, in label order
    std::vector<std::vector<int>> confusion; ///< rows true, columns predicted
    QStringList labels;
};

/// Metrics over class indices 0..labels.size()-1, as scikit-learn's accuracy_score,
/// precision_recall_fscore_support(average=None, labels=range(n), zero_division=0) and
/// f1_score(average='macro', labels=range(n), zero_division=0): a class with no true and no
/// predicted samples still counts with F1 0 in the macro average.
/// Throws std::invalid_argument when the vectors differ in size or an index is out of range.
ClassificationMetrics computeMetrics(const std::vector<int> &truth, const std::vector<int> &predicted,
                                     const QStringList &labels);

/// The `loupe-cli eval --json` object: accuracy, macro_f1, labels, per_class, confusion.
/// A NaN accuracy (no samples) is written as null. With one averagePrecision per class (PrCurve),
/// every per_class entry also holds average_precision (null when NaN).
/// `precision`, when given, is what the model computed in ("fp32" or "bf16").
QByteArray metricsJson(const ClassificationMetrics &metrics, const std::vector<double> &averagePrecision = {},
                       const QString &precision = {});

} // namespace loupe
