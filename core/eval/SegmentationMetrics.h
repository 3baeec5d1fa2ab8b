#pragma once

// Semantic segmentation metrics the standard way (as mmseg, torchmetrics and the VOC devkit compute
// them): one confusion matrix over every pixel of a split, then IoU and Dice per class from it.
// Torch-free: masks are class-index images, as readClassMask gives them and a model's argmax writes them.

#include <QByteArray>
#include <QStringList>
#include <QtGlobal>

#include <opencv2/core/mat.hpp>

#include <vector>

namespace loupe {

/// One class's figures. A class absent from both truth and prediction (no pixel either way) has
/// nothing to score: its iou and dice are NaN (`null` in JSON) and it is left out of every mean.
struct SegmentationClassMetrics {
    QString name;
    double iou = 0; ///< TP / (TP + FP + FN)
    double dice = 0; ///< 2 TP / (2 TP + FP + FN)
    quint64 truePixels = 0; ///< pixels of the class in the truth (TP + FN)
    quint64 predictedPixels = 0; ///< pixels predicted as the class (TP + FP)
    bool present() const { return truePixels + predictedPixels > 0; }
};

/// The figures of one split.
///
/// How classes count in the mean (state it wherever mIoU is shown):
///  - background (value 0) is a class like any other and counts in `miou`, as in VOC and mmseg;
///    `miouForeground` is the same mean without it (the defect classes of an inspection set);
///  - a class with no pixel in the truth and none predicted is left out of both means (NaN IoU);
///    a class absent from the truth but predicted somewhere has IoU 0 and counts;
///  - pixels whose truth is the ignore value (255) count nowhere, whatever was predicted there.
struct SegmentationMetrics {
    std::vector<SegmentationClassMetrics> perClass; ///< index = class value; 0 = background
    double miou = 0; ///< mean IoU over the present classes, background included; NaN when none
    double miouForeground = 0; ///< mean IoU over the present classes other than background; NaN when none
    double meanDice = 0; ///< mean Dice over the present classes, background included
    double pixelAccuracy = 0; ///< correct pixels / scored pixels; NaN when no pixel was scored
    quint64 pixels = 0; ///< scored pixels (ignored ones left out)
    quint64 ignoredPixels = 0;
    /// confusion[t][p]: pixels of true class t predicted as p.
    std::vector<std::vector<quint64>> confusion;
};

/// Accumulates one confusion matrix over every pixel of a split, mask by mask.
class SegmentationConfusion {
public:
    static constexpr int kIgnore = 255;

    /// classCount includes background (value 0). At most 255 classes (255 is the ignore value).
    explicit SegmentationConfusion(int classCount);

    /// Adds one image: both CV_8U of the same size. Truth values are classes or kIgnore; predicted
    /// values are classes. Throws std::invalid_argument on a size or type mismatch and
    /// std::out_of_range on a value outside the classes (never silently dropped: it would shift every figure).
    void add(const cv::Mat &truth, const cv::Mat &predicted);
    /// Adds another accumulator's counts (one per worker thread).
    void merge(const SegmentationConfusion &other);
    void clear();

    int classCount() const { return m_classes; }
    quint64 count(int truth, int predicted) const { return m_counts[std::size_t(truth) * m_classes + predicted]; }
    quint64 ignoredPixels() const { return m_ignored; }

    /// The figures; names label perClass (missing names are the class values).
    SegmentationMetrics metrics(const QStringList &names = {}) const;

private:
    int m_classes = 0;
    std::vector<quint64> m_counts; ///< row-major, truth × predicted
    quint64 m_ignored = 0;
};

/// One image's figures (the predictions page sorts by them): the same rules over one mask pair.
SegmentationMetrics imageSegmentationMetrics(const cv::Mat &truth, const cv::Mat &predicted, int classCount);

/// `eval --json`'s segmentation object: task "segment", miou, miou_foreground, pixel_accuracy, mean_dice,
/// pixels, per_class [{name, iou, dice, true_pixels, predicted_pixels}] ("background" first; NaN as null),
/// confusion (rows truth, columns predicted).
QByteArray segmentationMetricsJson(const SegmentationMetrics &metrics);

} // namespace loupe
