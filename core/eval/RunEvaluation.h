#pragma once

#include "StopToken.h"
#include "dataset/Dataset.h"
#include "eval/DetectionMetrics.h"
#include "eval/Metrics.h"
#include "eval/Predictions.h"
#include "eval/SegmentationMetrics.h"

#include <QString>

#include <vector>

namespace loupe {

/// A trained run measured on a dataset (usually its test images).
struct RunEvaluation {
    ClassificationMetrics metrics;
    double loss = 0;
    int images = 0;
    std::vector<BadFile> skipped; ///< images that could not be read
    QString checkpoint;           ///< which weights were used
    QString precision;            ///< what the model computed in: "fp32" or "bf16"
    QString precisionReason;      ///< why, in a sentence
    PredictionSet predictions;    ///< every image's answer; split is the dataset's folder or file name
};

/// Loads the run's config and best (else last) checkpoint, predicts every labelled image of the
/// dataset with the run's evaluation pipeline, and computes the metrics. Classes are matched by
/// name; a dataset class the run never saw is refused. Writes the predictions to `predictionsCsv`
/// when given, in predictionfiles::write's format (its first four columns are the
/// path,true_label,predicted_label,confidence of `eval --predictions`). Throws DatasetError for an
/// unusable run folder or dataset. `precision` is auto|fp32|bf16 (model/Precision.h).
RunEvaluation evaluateRun(const QString &runDir, const Dataset &dataset, const QString &predictionsCsv = {},
                          int threads = 0, const StopToken *stop = nullptr,
                          const QString &precision = QStringLiteral("auto"));

/// The task a run folder was trained for: config.json's "task", "classify" when it has none (runs from
/// before detection). Throws DatasetError when the folder has no readable config.json.
QString runTask(const QString &runDir);

/// A trained detector measured on a dataset with COCO's rules.
struct DetectionRunEvaluation {
    DetectionMetrics metrics;
    QStringList classes;          ///< the run's, in category id order (id = index + 1)
    int images = 0;
    std::vector<BadFile> skipped; ///< images that could not be read
    QString checkpoint;
    QString precision;
    QString precisionReason;
    QString tiles;                ///< how the images were cut, in words
    /// In the original images' pixels: image id = the image's index in the dataset + 1, category id =
    /// the run's class index + 1, file name = the image's path.
    std::vector<CocoDetection> detections;
};

/// Loads a detection run's best (else last) checkpoint and predicts every image of the dataset (those
/// without boxes too: they can only add false positives) with the run's tiles; classes are matched by
/// name and a dataset class the run never saw is refused. Writes the detections in the COCO results
/// format to `predictionsJson` when given, named by the label file's ids (withSourceIds), and beside it
/// the images evaluated (detectionfiles::imagesPathFor), as the trainer does for its splits. Throws
/// DatasetError for an unusable run folder or dataset.
DetectionRunEvaluation evaluateDetectionRun(const QString &runDir, const Dataset &dataset,
                                            const QString &predictionsJson = {}, int threads = 0,
                                            const StopToken *stop = nullptr,
                                            const QString &precision = QStringLiteral("auto"));

/// Detections as evaluateDetectionRun numbers them, renamed by the label file's ids when the dataset has
/// them (COCO): image id = the image's id there, category id = the id of the category of that name. When
/// an image or a run class has no such id, every detection keeps its indexes (1-based image order and
/// run class order): one file never mixes the two.
std::vector<CocoDetection> withSourceIds(std::vector<CocoDetection> detections, const Dataset &dataset,
                                         const QStringList &runClasses);

/// `eval --json`'s object for a detection run: task, map, ap50, ap75, the COCO summary, per_class
/// [{name, ap, ap50, support}] and each class's precision–recall curve at IoU 0.5.
QByteArray detectionMetricsJson(const DetectionRunEvaluation &evaluation);

/// A trained segmenter measured on a dataset: one confusion matrix over every pixel of its images.
struct SegmentationRunEvaluation {
    SegmentationMetrics metrics;  ///< per class "background" first, then the run's classes
    int images = 0;
    std::vector<BadFile> skipped; ///< images (or masks) that could not be read
    QString checkpoint;
    QString precision;
    QString precisionReason;
    QString tiles;                ///< how the images were cut, in words
    int masksWritten = 0;         ///< predicted masks written (--predictions)
};

/// Loads a segmentation run's best (else last) checkpoint, predicts every image of the dataset with the
/// run's tiles (stitched by averaging probabilities) and scores the whole-image masks; classes are
/// matched by name and a dataset class the run never saw is refused. With `predictionsDir`, writes one
/// 8-bit PNG per image there, `<image stem>.png`: 0 background, k the run's k-th class. Throws
/// DatasetError for an unusable run folder or dataset.
SegmentationRunEvaluation evaluateSegmentationRun(const QString &runDir, const Dataset &dataset,
                                                  const QString &predictionsDir = {}, int threads = 0,
                                                  const StopToken *stop = nullptr,
                                                  const QString &precision = QStringLiteral("auto"));

/// `eval --json`'s object for a segmentation run: segmentationMetricsJson's fields (task "segment",
/// miou, pixel_accuracy, per_class [{name, iou, dice, …}] background first, confusion) with images,
/// tiles, precision and checkpoint.
QByteArray segmentationRunJson(const SegmentationRunEvaluation &evaluation);

} // namespace loupe
