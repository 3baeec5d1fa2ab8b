#pragma once

// Reviewing a detector's mistakes image by image: which predicted box is right, which is a false
// alarm or names the wrong class, which object was missed, at a score threshold the user moves.
// Torch-free; the window's Predictions page and tests drive it.

#include "dataset/Dataset.h"
#include "eval/DetectionMetrics.h"

#include <QRectF>
#include <QString>
#include <QStringList>

#include <vector>

namespace loupe {

/// What one box is, once matched at the review's threshold and IoU.
enum class BoxVerdict {
    Matched,        ///< a detection on a same-class object (true positive), or that object
    FalsePositive,  ///< a detection on no object (predicted where the truth is background)
    WrongClass,     ///< a detection on an object of another class no same-class detection found, or that object
    Missed,         ///< an object no detection found (false negative: predicted background)
    Ignored,        ///< a detection inside a crowd region of its class: neither right nor wrong
    BelowThreshold, ///< a detection scored under the threshold: not shown, not counted
};

/// A ground-truth object of one image; classIndex is the run's class.
struct ReviewTruth {
    int classIndex = -1;
    QRectF box;
    bool crowd = false;
};

/// A detection of one image, in the image's pixels.
struct ReviewDetection {
    int classIndex = -1;
    QRectF box;
    double score = 0;
};

/// One evaluated image: its truth and the detector's boxes.
struct ReviewImage {
    QString path;
    int sampleIndex = -1; ///< in the dataset the review was loaded against; -1 when unknown
    std::vector<ReviewTruth> truth;
    std::vector<ReviewDetection> detections;
};

struct ReviewedBox {
    BoxVerdict verdict = BoxVerdict::BelowThreshold;
    /// The other side of the match: for a detection the object it matched or named wrongly, for an
    /// object the detection that found it or named it wrongly; -1 when none.
    int partner = -1;
    double iou = 0;
};

/// The verdicts of one image, parallel to its ReviewImage's truth and detections.
struct ImageReview {
    std::vector<ReviewedBox> truth;
    std::vector<ReviewedBox> detections;
    int matched = 0;
    int missed = 0;         ///< objects no detection found
    int falsePositives = 0; ///< detections on no object
    int wrongClass = 0;     ///< detections naming another class than the object's
    int errors() const { return missed + falsePositives + wrongClass; }
};

/// One box a confusion-matrix cell counts.
struct BoxRef {
    int image = -1;
    bool detection = false; ///< a detection of the image, else one of its objects
    int index = -1;
    bool operator==(const BoxRef &o) const { return image == o.image && detection == o.detection && index == o.index; }
};

/// Counts of one class at the review's threshold.
struct ClassReview {
    int objects = 0;        ///< non-crowd objects of the class
    int matched = 0;        ///< true positives
    int missed = 0;         ///< objects of the class nothing found
    int falsePositives = 0; ///< detections of the class on no object
    int wrongClass = 0;     ///< detections of the class on an object of another class
    double precision() const;
    double recall() const;
};

/// The review of a set of images at one threshold.
struct DetectionReview {
    QStringList classes;
    double threshold = 0;
    double iouThreshold = 0.5;
    std::vector<ImageReview> images;
    std::vector<ClassReview> perClass;
    /// (classes + 1)² cells; rows truth, columns predicted, the last row and column "background".
    /// cells[t][p] lists exactly the boxes counted there: matched and wrong-class detections,
    /// missed objects (column background), false positives (row background).
    std::vector<std::vector<std::vector<BoxRef>>> cells;
    int matched = 0;
    int missed = 0;
    int falsePositives = 0;
    int wrongClass = 0;

    int background() const { return int(classes.size()); }
    std::vector<std::vector<int>> counts() const;
    /// The images a cell counts boxes of, ascending.
    std::vector<int> cellImages(int truth, int predicted) const;
};

/// Matches each image's detections scored at least `threshold` to its objects: greedily in score
/// order (ties kept in input order), each detection takes the unmatched same-class object of
/// highest IoU >= iouThreshold (a true positive); a detection that finds none but lies in a
/// same-class crowd region (IoU over its own area, as COCO) is ignored; the rest, again in score
/// order, take the highest-IoU object of another class that no same-class detection matched and no
/// earlier such detection took (wrong class), or are false positives. Objects left are missed.
/// Crowd regions are never objects. Boxes with an out-of-range class are skipped.
DetectionReview reviewDetections(const std::vector<ReviewImage> &images, const QStringList &classes,
                                 double threshold, double iouThreshold = 0.5);

/// COCO's evaluation (evaluateDetections) of the same images: AP per class and the precision-recall
/// curves at IoU .50 (precision50 over cocoRecallThresholds(), scores50), independent of the threshold.
DetectionMetrics evaluateReview(const std::vector<ReviewImage> &images, const QStringList &classes);

QString verdictName(BoxVerdict verdict);

/// The detection files of a run folder, as the trainer writes them.
namespace detectionfiles {

QString devPath(const QString &runDir);  ///< detections-dev.json (COCO results, cocoresults::read)
QString testPath(const QString &runDir); ///< detections-test.json
/// Beside a detections file, the JSON array of the absolute paths of the images evaluated:
/// detections-dev.json → detections-dev-images.json.
QString imagesPathFor(const QString &detectionsFile);

/// True when the run's config.json says "task": "detect".
bool isDetectionRun(const QString &runDir);

/// The images evaluated for a detections file: its images file when present, in its order, else
/// the distinct file_names of the detections in order of appearance (images without any detection
/// are then unknown). Throws LabelFileError when the images file exists but does not parse.
QStringList evaluatedImages(const QString &detectionsFile, const std::vector<CocoDetection> &detections);

/// A run's detections of one split read against the open dataset.
struct LoadedDetections {
    QStringList classes; ///< config.json's dataset.classes
    std::vector<ReviewImage> images;
    int notInDataset = 0;   ///< evaluated images the dataset does not have (moved, renamed, deleted)
    int unknownClasses = 0; ///< detections and objects whose class the run does not know
};

/// Reads config.json's classes, detections-<split>.json and the evaluated images, and takes each
/// image's objects from `dataset` (by path; class by name). A detection is placed by its file_name,
/// or, without one, by image_id as the 1-based index of the dataset's samples. Throws DatasetError
/// or LabelFileError naming the file.
LoadedDetections load(const QString &runDir, const QString &split, const Dataset &dataset);

} // namespace detectionfiles

} // namespace loupe
