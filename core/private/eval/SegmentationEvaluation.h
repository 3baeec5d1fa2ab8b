#pragma once
// Internal to core: includes LibTorch. Only core .cpp files may include this header.

#include "StopToken.h"
#include "eval/TileSetup.h"
#include "eval/SegmentationMetrics.h"
#include "loader/DataLoader.h"
#include "model/Segmenter.h"

#include <QStringList>

#include <functional>
#include <vector>

namespace loupe {

/// How a segmenter's loss is computed (the training loss; evaluation reports the same on dev).
struct SegmentationLossSetup {
    torch::Tensor classWeights; ///< [classes] float, background first; undefined = equal
    bool dice = true;
};

/// The names of a segmentation's classes as metrics and files list them: "background", then the
/// dataset's classes.
QStringList segmentationClassNames(const QStringList &classes);

/// Receives each image's predicted mask (CV_8U at the image's size, class values) as it is finished.
using PredictedMaskSink = std::function<void(int sample, const cv::Mat &predicted)>;

/// A segmenter's answers on every image a loader of tile items (tileItems) yields.
struct SegmentationEvalOutput {
    double loss = 0; ///< mean over tiles of the loss against the tiles' masks
    double crossEntropy = 0;
    double dice = 0;
    std::vector<int> images;           ///< samples evaluated, in order
    std::vector<double> imageIou;      ///< per image: mean IoU over the classes after background present in it
    std::vector<BadFile> unreadable;   ///< images whose ground-truth mask could not be read (not scored)
    SegmentationMetrics metrics;       ///< one confusion matrix over every scored pixel of `images`
    bool complete = true;
};

/// Runs the segmenter in eval mode without gradients over one pass of the loader (items from
/// tileItems with the same setup, class masks on when `withLoss`), stitches each image's tiles by
/// averaging their probabilities, and scores the whole-image masks against readClassMask. Pixels no
/// tile covers (outside a region of interest) are not scored.
SegmentationEvalOutput evaluateSegmenter(SegmenterImpl &model, DataLoader &loader, const Dataset &dataset,
                                         const TileSetup &setup, const SegmentationLossSetup &loss,
                                         const StopToken *stop = nullptr, bool withLoss = true,
                                         const PredictedMaskSink &sink = {});

/// Writes predicted masks as 8-bit PNGs of class values, `<dir>/<image stem>.png`, each atomically.
/// Two images with one stem (MVTec's test/crack/000.png and test/good/000.png) cannot share a file:
/// the later ones are named `<parent folder>_<stem>.png`.
class PredictedMaskWriter
{
public:
    explicit PredictedMaskWriter(QString dir);
    /// "" or the reason the mask could not be written.
    QString write(const QString &imagePath, const cv::Mat &predicted);
    int written() const { return m_written; }

private:
    QString m_dir;
    QStringList m_used;
    int m_written = 0;
};

} // namespace loupe
