#pragma once

// What a run leaves for people who were not at the screen: a metrics CSV and a self-contained
// HTML report (one file, no external references) of its curves, metrics and worst mistakes.
// Torch-free: it reads the run folder's files.

#include "StopToken.h"
#include "dataset/Dataset.h"
#include "eval/DetectionMetrics.h"
#include "eval/DetectionReview.h"
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
    /// Detection: the score a box needs to count as a detection when images are judged (the
    /// Predictions page's default), and the longest side of the worst images drawn with their boxes.
    double scoreThreshold = 0.5;
    int detectionImageSide = 360;
};

/// The predictions file of a run for a split (predictions-dev.csv or predictions-test.csv).
/// Throws DatasetError for a split other than dev or test.
QString predictionsFileFor(const QString &runDir, const QString &split);

/// A detection run's detections of a split (detections-dev.json or detections-test.json) read
/// against the dataset that holds the ground truth, reviewed at options.scoreThreshold.
/// Throws DatasetError (no detections for the split) and LabelFileError (a file that does not parse).
struct DetectionReportData {
    detectionfiles::LoadedDetections loaded;
    DetectionReview review;
    DetectionMetrics metrics; ///< COCO's, over the same images (equal to `eval --json` on them)
};
DetectionReportData loadDetectionReport(
    const QString &runDir, const Dataset &dataset, const RunReportOptions &options = {});

/// The images of a detection report worst first: most errors (missed + false positives + wrong
/// class) at the threshold, ties in the order of the detections file; images without error left out.
std::vector<int> worstDetectionImages(const DetectionReview &review);

/// The per-image CSV of a detection run: header
/// `image,objects,detections,true_positives,false_positives,false_negatives,wrong_class`, one row per
/// image at the threshold. A wrong-class detection counts as a false positive and its object as a
/// false negative (as COCO counts them); wrong_class says how many of each were that.
QString detectionImagesCsv(const DetectionReportData &data);

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
/// For a detection run (config.json "task": "detect") the report holds instead: the config, mAP,
/// AP50 and AP75, AP per class with the counts at the score threshold, per-class precision-recall
/// curves at IoU .50, the losses with their parts and the dev mAP per epoch, and the worst images
/// with their ground truth and detections drawn in the Predictions page's colours, with a legend.
/// It needs `dataset` for the ground truth (DatasetError without it).
/// runReportHtml written through QSaveFile. Returns an error message or "" (exceptions as above).
QString writeRunReport(const QString &file, const QString &runDir, const Dataset *dataset,
                       const RunReportOptions &options = {}, const ProgressFn &progress = {},
                       const StopToken *stop = nullptr);

} // namespace loupe
