#pragma once

// Object detection metrics with pycocotools' exact rules (COCOeval, iouType "bbox"), so the figures
// match what users compute in Python, and the COCO results file that any COCO tool scores.
// Torch-free: the detector hands over boxes in pixels.

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <array>
#include <vector>

namespace loupe {

/// A box as COCO writes it: top-left corner, width and height, in pixels.
struct BoxXywh {
    double x = 0;
    double y = 0;
    double w = 0;
    double h = 0;
};

/// A ground-truth object.
struct GroundTruthBox {
    qint64 imageId = 0;
    int categoryId = 0;
    BoxXywh box;
    /// COCO's `iscrowd`: ignored (never a false negative) and matched by any number of detections,
    /// with IoU measured as the intersection over the detection's area.
    bool crowd = false;
    /// COCO's `area`, which decides small / medium / large (for COCO files the segment's area,
    /// not the box's). Negative: the box's w * h.
    double area = -1;
};

/// One detection: a line of the COCO results format.
struct CocoDetection {
    qint64 imageId = 0;
    int categoryId = 0;
    BoxXywh box;
    double score = 0;
    QString fileName; ///< written as `file_name` when not empty; scorers ignore it
};

struct DetectionCategory {
    int id = 0;
    QString name;
};

/// What is scored: every image (with or without objects), every category, every object.
struct DetectionGroundTruth {
    std::vector<qint64> imageIds;
    std::vector<DetectionCategory> categories;
    std::vector<GroundTruthBox> boxes;
};

/// One category's figures. AP values are -1 (COCO's mark) when the category has no ground truth
/// that counts in that setting; such a category is left out of every mean.
struct DetectionClassMetrics {
    int categoryId = 0;
    QString name;
    double ap = -1; ///< mean over IoU .50:.05:.95 of the 101-point interpolated precision
    double ap50 = -1; ///< at IoU .50
    double ap75 = -1; ///< at IoU .75
    double apSmall = -1; ///< objects with area <= 32²
    double apMedium = -1; ///< 32² <= area <= 96² (COCO's bounds are inclusive on both sides)
    double apLarge = -1; ///< area >= 96²
    double recall = -1; ///< COCO's AR@100: the highest recall, averaged over the IoU thresholds
    int support = 0; ///< ground-truth boxes that are not crowd regions
    int detections = 0; ///< detections scored (at most 100 per image and category)
    /// The precision-recall curve at IoU .50 as COCO samples it: precision50[i] is the interpolated
    /// precision (the best precision at recall >= recallThresholds()[i]; 0 past the highest recall
    /// reached) and scores50[i] the score of the detection where that recall is first reached.
    /// Empty when the category has no ground truth.
    std::vector<double> precision50;
    std::vector<double> scores50;
};

/// The figures of one evaluation. Every mean is over the categories that have ground truth; -1
/// when none has.
struct DetectionMetrics {
    double map = -1; ///< COCO's AP: mAP@[.50:.95], all areas, 100 detections
    double ap50 = -1;
    double ap75 = -1;
    double apSmall = -1;
    double apMedium = -1;
    double apLarge = -1;
    double ar1 = -1; ///< average recall with 1, 10 and 100 detections per image and category
    double ar10 = -1;
    double ar100 = -1;
    double arSmall = -1;
    double arMedium = -1;
    double arLarge = -1;
    std::vector<DetectionClassMetrics> perClass; ///< in the order of DetectionGroundTruth::categories
    int images = 0; ///< distinct images evaluated
    /// Detections whose category is not among the categories: COCOeval skips them silently, a
    /// caller may want to say so.
    int unknownCategoryDetections = 0;

    /// The 12 numbers COCOeval.summarize() prints, in its order (stats[0] = map ... stats[11] = arLarge).
    std::array<double, 12> cocoStats() const;
};

/// COCO's IoU thresholds 0.50, 0.55, ..., 0.95, computed as numpy's linspace computes them
/// (0.9 is 0.8999999999999999), since a box exactly at a threshold depends on the last bit.
const std::vector<double> &cocoIouThresholds();
/// COCO's recall thresholds 0, 0.01, ..., 1 (101 points), as numpy's linspace computes them.
const std::vector<double> &cocoRecallThresholds();

/// IoU as pycocotools' bbIou computes it (no +1 on sizes): intersection over union, or over the
/// detection's area when the ground truth is a crowd region; 0 when the boxes do not overlap.
double cocoIou(const BoxXywh &detection, const BoxXywh &groundTruth, bool crowd);

/// COCOeval(iouType="bbox") with its default parameters: evaluate(), accumulate(), summarize().
/// Follows its rules to the letter: per image and category at most 100 detections, the highest
/// scores, ties kept in input order (a stable sort, as its mergesort); greedy matching in score order
/// against ground truth ordered counted-first, a tie in IoU going to the later box; a match needs
/// IoU >= min(threshold, 1 - 1e-10); detections matched to an ignored box, or unmatched and outside
/// the area range, are ignored; ties in score across images stay in ascending image id order.
/// Departs from it only where it would fail: no detections at all give AP 0 (loadRes refuses an
/// empty list). The limit of 100 is COCOeval's, per image and category, not per image.
/// Throws std::invalid_argument for a box or detection on an image not in imageIds, a box of an
/// unknown category, a repeated category id, or a coordinate or score that is NaN or infinite.
DetectionMetrics evaluateDetections(const DetectionGroundTruth &truth, const std::vector<CocoDetection> &detections);

namespace cocoresults {

/// The COCO results format: [{"image_id", "category_id", "bbox": [x, y, w, h], "score"}, ...],
/// with "file_name" where set. Numbers are written so they read back bit for bit.
QByteArray toJson(const std::vector<CocoDetection> &detections);
/// Throws LabelFileError naming `file` (used only in the message) and the JSON path, e.g.
/// "[3].bbox[2]: expected a number, found a string". Ids must be whole numbers; extra keys are
/// allowed (COCO tools add some).
std::vector<CocoDetection> fromJson(const QByteArray &json, const QString &file = QString());

/// Written atomically; returns "" on success or the error message.
QString write(const QString &file, const std::vector<CocoDetection> &detections);
/// Throws LabelFileError (see fromJson) when the file cannot be read or does not parse.
std::vector<CocoDetection> read(const QString &file);

} // namespace cocoresults

} // namespace loupe
