#include "train/BatchPreview.h"

#include "dataset/ClassificationView.h"
#include "loader/DataLoader.h"
#include "train/TrainDevSplit.h"

#include <opencv2/core.hpp>

#include <algorithm>

namespace loupe {

BatchPreview previewBatch(const Dataset &dataset, const Pipeline &pipeline, const BatchPreviewOptions &options)
{
    BatchPreview out;
    // The trainer's own view: a detection dataset's images take the class of their largest object
    // ("no object" without one), so the labels here are the ones the model is trained on.
    const Dataset view = classificationView(dataset);
    out.classes = view.classes;
    std::vector<int> indices = options.indices.empty()
        ? splitForTraining(view, options.devFraction, options.seed).train
        : options.indices;
    indices.erase(std::remove_if(indices.begin(), indices.end(),
                                 [&](int i) { return i < 0 || i >= int(dataset.samples.size()); }),
                  indices.end());
    if (indices.empty() || options.count <= 0)
        return out;
    LoaderOptions lo;
    lo.batchSize = options.count;
    lo.imageSize = options.imageSize;
    lo.channels = options.channels;
    lo.seed = options.seed;
    lo.shuffle = true;
    lo.threads = 2;
    lo.prefetch = 1;
    // The epoch's order does not depend on the batch size, so the first `count` rows here are
    // the first rows of the run's first batch.
    DataLoader loader(view, std::move(indices), pipeline, lo);
    loader.startEpoch(options.epoch);
    Batch batch;
    const bool got = loader.next(batch);
    loader.stop();
    out.errors = loader.takeErrors();
    if (!got)
        return out;
    const int n = int(batch.images.size(0)), c = options.channels, s = options.imageSize;
    const torch::Tensor images = batch.images.contiguous();
    const float *data = images.data_ptr<float>();
    for (int k = 0; k < n; ++k) {
        // CHW planes back to one interleaved HWC image, then the pipeline's own inverse.
        std::vector<cv::Mat> planes;
        for (int ch = 0; ch < c; ++ch)
            planes.emplace_back(s, s, CV_32FC1, const_cast<float *>(data + (std::size_t(k) * c + ch) * s * s));
        cv::Mat hwc;
        cv::merge(planes, hwc);
        BatchPreviewImage item;
        item.image = pipeline.toDisplay(hwc);
        item.sample = batch.samples[std::size_t(k)];
        item.label = int(batch.labels[k].item<int64_t>());
        out.images.push_back(std::move(item));
    }
    return out;
}

} // namespace loupe
