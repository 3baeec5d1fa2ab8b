#pragma once

// What a run leaves for people who were not at the screen: a metrics CSV and a self-contained
// HTML report (one file, no external references) of its curves, metrics and worst mistakes.
// Torch-free: it reads the run folder's files.

#include "StopToken.h"
#include "dataset/Dataset.h"
#include "eval/Predictions.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <utility>
#include <vector>

namespace loupe {

/// config.json as (key, value) rows: nested objects flattened with dots ("dataset.root"), keys
/// sorted, arrays as compact JSON. What the report's config table and the runs comparison list.
std::vector<std::pair<QString, QString>> configRows(const QJsonObject &config);

/// The metrics CSV: a header `class,precision,recall,f1,support,average_precision`, one row per
/// class of the set, then `accuracy` (the accuracy in the f1 column, as scikit-learn's
/// classification_report) and `macro avg` (unweighted means; average precision over the classes
/// that have positives). Numbers with six decimals; an undefined average precision is `nan`.
QString metricsCsv(const PredictionSet &set);
/// Writes metricsCsv through QSaveFile. Returns an error message or "".
QString writeMetricsCsv(const QString &file, const PredictionSet &set);

struct RunReportOptions {
    QString split = QStringLiteral("dev"); ///< which predictions file: dev or test
    int worstCount = 12;                   ///< mispredictions shown, highest loss first
    int thumbnailSide = 128;               ///< longest side of their thumbnails in pixels
};

/// The predictions file of a run for a split (predictions-dev.csv or predictions-test.csv).
/// Throws DatasetError for a split other than dev or test.
QString predictionsFileFor(const QString &runDir, const QString &split);

/// The HTML report of a run: name, config table, loss and dev metric curves (inline SVG),
/// metrics table, confusion matrix, per-class PR curves (inline SVG) and the worst
/// mispredictions with JPEG thumbnails as data URIs. Thumbnails come from the dataset when
/// given (IDX images need it), otherwise from the image files the predictions name; an image
/// that cannot be read gets a placeholder. Every user string is HTML-escaped.
/// Throws DatasetError (not a run folder, no predictions for the split) and LabelFileError (a
/// predictions file that does not parse). `progress` counts thumbnails; `stop` ends early with
/// an empty result.
QByteArray runReportHtml(const QString &runDir, const Dataset *dataset, const RunReportOptions &options = {},
                         const ProgressFn &progress = {}, const StopToken *stop = nullptr);
/// runReportHtml written through QSaveFile. Returns an error message or "" (exceptions as above).
QString writeRunReport(const QString &file, const QString &runDir, const Dataset *dataset,
                       const RunReportOptions &options = {}, const ProgressFn &progress = {},
                       const StopToken *stop = nullptr);

} // namespace loupe
