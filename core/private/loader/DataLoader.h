#pragma once
// Internal to core: includes LibTorch. Only core .cpp files may include this header.

#include "augment/Pipeline.h"
#include "dataset/Dataset.h"

#include <torch/torch.h>

#include <QJsonObject>
#include <QRect>

#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace loupe {

struct LoaderOptions {
    int batchSize = 32;
    int imageSize = 224;
    int channels = 3;
    bool shuffle = true;
    bool dropLast = false;
    quint64 seed = 0;
    int threads = 2;  ///< decode and transform workers
    int prefetch = 4; ///< batches prepared ahead of the one the model is working on
};

/// One batch as the model gets it: images [N, C, H, W] float, labels [N] int64.
struct Batch {
    torch::Tensor images;
    torch::Tensor labels;
    std::vector<int> samples; ///< dataset sample index of each row
    std::vector<int> items;   ///< position of each row in the loader's list (which region of the sample)
    /// Each row's objects after the pipeline, in the input's pixels (crowd regions included).
    std::vector<std::vector<Annotation>> objects;
    /// With class masks on (setClassMasks): each row's class-index mask [N, H, W] int64 at the input's
    /// size (0 background, k class k−1, 255 ignored), moved with the pixels; undefined otherwise.
    torch::Tensor masks;
};

/// Decodes and transforms images on worker threads and hands out batches in order, a few ahead
/// of the model, so that the model never waits for data. Deterministic: the order of an epoch
/// comes from (seed, epoch) and each image's random transforms from (seed, epoch, sample),
/// whatever thread prepares it. A file that fails to decode is left out of its batch and listed.
class DataLoader
{
public:
    DataLoader(const Dataset &dataset, std::vector<int> indices, Pipeline pipeline, LoaderOptions options);
    ~DataLoader();
    DataLoader(const DataLoader &) = delete;
    DataLoader &operator=(const DataLoader &) = delete;

    int batchesPerEpoch() const;
    int size() const { return int(m_indices.size()); }
    /// Makes each item a region of its image (a tile, a region of interest; in the image's pixels), one
    /// per index given to the constructor; an empty rectangle is the whole image. The region is cut
    /// before the pipeline, and the objects are clipped to it (an object keeping under half its area is
    /// dropped). Call before startEpoch.
    void setRegions(std::vector<QRect> regions);
    /// Draws a part of the items each epoch: every item not marked `optional`, and `optionalPerEpoch`
    /// of the optional ones (say, tiles without objects), a different draw each epoch from (seed, epoch).
    /// The epoch is then that many items long. Call before startEpoch.
    void setEpochSample(std::vector<char> optional, int optionalPerEpoch);
    /// Items an epoch holds (all of them unless setEpochSample drew a part).
    int itemsPerEpoch() const;
    /// Makes each batch carry the items' class masks (readClassMask), cut to the region and taken
    /// through every geometric step with the image by nearest neighbour. An item whose mask cannot be
    /// read is left out and listed as a bad file. Call before startEpoch.
    void setClassMasks(bool on);
    const std::vector<int> &indices() const { return m_indices; }
    const std::vector<QRect> &regions() const { return m_regions; }

    /// Starts preparing the epoch's batches; stops any epoch still running.
    void startEpoch(int epoch);
    /// The next batch of the epoch, in order; false once the epoch is through (or stopped).
    bool next(Batch &out);
    void stop();

    /// Files that could not be read since the last call, each once.
    std::vector<BadFile> takeErrors();

    /// One sample through the pipeline, as the model sees it: CHW float. For previews and tests.
    torch::Tensor loadOne(int sampleIndex, int epoch, QString *error = nullptr) const;

private:
    void work(int epoch, std::uint64_t generation);
    bool fill(int item, int epoch, float *dst, std::vector<Annotation> *objects, std::int64_t *maskDst,
              QString *error) const;

    const Dataset &m_dataset;
    std::vector<int> m_indices;
    std::vector<QRect> m_regions; ///< empty, or one per index
    std::vector<char> m_optional; ///< empty, or one per index: drawn only in part each epoch
    int m_optionalPerEpoch = 0;
    Pipeline m_pipeline;
    LoaderOptions m_options;
    bool m_reducedDecode = false;
    bool m_classMasks = false;

    std::vector<int> m_order; ///< positions in m_indices, in the epoch's order
    std::vector<std::thread> m_workers;
    std::mutex m_mutex;
    std::condition_variable m_ready; ///< a batch finished
    std::condition_variable m_space; ///< the consumer took a batch
    std::map<int, Batch> m_done;
    int m_nextToBuild = 0;
    int m_nextToHand = 0;
    int m_batches = 0;
    bool m_stopping = false;
    std::uint64_t m_generation = 0;
    std::vector<BadFile> m_errors;
    std::vector<QString> m_reported;
};

/// The order a shuffling loader gives `indices` in `epoch`; the shards of a distributed run are cut from it.
std::vector<int> shuffledOrder(std::vector<int> indices, quint64 seed, int epoch);

/// What an outside script needs to turn an image file into the tensor the model gets through
/// `pipeline` and `options`: the decode, every step (a resize with the interpolation it resolved to,
/// counted over `images`), the value scale, mean/std, channel order and tensor layout. The trainer
/// writes it to config.json as "preprocessing"; bench/preprocess/reproduce_eval_input.py reads it.
QJsonObject describePreprocessing(const Dataset &dataset, const std::vector<int> &images, const Pipeline &pipeline,
                                  const LoaderOptions &options);

} // namespace loupe
