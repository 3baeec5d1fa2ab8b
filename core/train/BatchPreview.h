#pragma once

// Public and free of LibTorch: the preview panel's window on the training data loader.

#include "augment/Pipeline.h"
#include "dataset/Dataset.h"

#include <opencv2/core/mat.hpp>

#include <vector>

namespace loupe {

struct BatchPreviewOptions {
    int imageSize = 224;  ///< the model's input side, as TrainConfig::imageSize
    int channels = 3;     ///< 1 or 3, as TrainConfig::channels
    quint64 seed = 0;     ///< TrainConfig::seed
    int epoch = 0;
    int count = 16;       ///< images to show: the first rows of the epoch's first batch
    double devFraction = 0.1; ///< TrainConfig::devFraction, for datasets without a dev split
    std::vector<int> indices; ///< the training samples; empty: the trainer's (splitForTraining on its classification view)
};

/// One row of the batch: the tensor the model gets, back in 8 bits (BGR or grey) for display.
struct BatchPreviewImage {
    cv::Mat image;  ///< imageSize × imageSize, CV_8UC1 or CV_8UC3
    int sample = -1; ///< dataset sample index
    int label = -1;  ///< the label row: an index into BatchPreview::classes
};

struct BatchPreview {
    std::vector<BatchPreviewImage> images;
    QStringList classes; ///< the classes training uses (a detection dataset's with "no object" first)
    std::vector<BadFile> errors; ///< files the loader left out
};

/// The first `count` images of an epoch exactly as the training data loader builds them (same
/// shuffle, same per-sample seeds, same decode and resize), de-normalised back to 8 bits.
/// Throws PipelineError for a pipeline the loader refuses.
BatchPreview previewBatch(const Dataset &dataset, const Pipeline &pipeline, const BatchPreviewOptions &options);

} // namespace loupe
