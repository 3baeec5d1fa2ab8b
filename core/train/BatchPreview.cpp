#include "train/BatchPreview.h"

#include "dataset/Split.h"
#include "loader/DataLoader.h"

#include <opencv2/core.hpp>

#include <algorithm>

namespace loupe {

std::vector<int> trainingIndices(const Dataset &data, double devFraction, quint64 seed)
{
    // Mirrors Trainer::Impl::run's choice, with image classes optional so detection data shows too.
    bool anyClass = false, hasOwnSplit = false;
    for (const Sample &s : data.samples) {
        anyClass = anyClass || s.classId >= 0;
        hasOwnSplit = hasOwnSplit || s.split == SplitName::Dev;
    }
    const auto usable = [&](const Sample &s) { return !anyClass || s.classId >= 0; };
    std::vector<int> train;
    if (hasOwnSplit) {
        for (int i = 0; i < int(data.samples.size()); ++i) {
            const Sample &s = data.samples[std::size_t(i)];
            if (usable(s) && s.split != SplitName::Dev && s.split != SplitName::Test)
                train.push_back(i);
        }
        return train;
    }
    Dataset labelled = data;
    std::vector<int> map;
    labelled.samples.clear();
    for (int i = 0; i < int(data.samples.size()); ++i) {
        const Sample &s = data.samples[std::size_t(i)];
        if (usable(s) && s.split != SplitName::Test) {
            labelled.samples.push_back(s);
            labelled.samples.back().split = SplitName::None;
            map.push_back(i);
        }
    }
    const SplitAssignment split = stratifiedSplit(labelled, {1.0 - devFraction, devFraction, 0.0}, seed);
    for (int i : split.train)
        train.push_back(map[std::size_t(i)]);
    return train;
}

BatchPreview previewBatch(const Dataset &dataset, const Pipeline &pipeline, const BatchPreviewOptions &options)
{
    BatchPreview out;
    std::vector<int> indices = options.indices.empty()
        ? trainingIndices(dataset, options.devFraction, options.seed)
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
    DataLoader loader(dataset, std::move(indices), pipeline, lo);
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
