#include "loader/DataLoader.h"

#include "imaging/SafeDecoder.h"

#include <QCoreApplication>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstring>

namespace loupe {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::DataLoader)
};

std::uint64_t mix64(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

std::uint64_t sampleSeed(quint64 seed, int epoch, int sample)
{
    return mix64(mix64(mix64(seed) ^ std::uint64_t(epoch)) ^ std::uint64_t(sample));
}

void shuffleIndices(std::vector<int> &v, std::uint64_t state)
{
    for (std::size_t i = v.size(); i > 1; --i) {
        state = mix64(state);
        std::swap(v[i - 1], v[std::size_t(state % i)]);
    }
}

} // namespace

DataLoader::DataLoader(const Dataset &dataset, std::vector<int> indices, Pipeline pipeline, LoaderOptions options)
    : m_dataset(dataset)
    , m_indices(std::move(indices))
    , m_pipeline(std::move(pipeline))
    , m_options(options)
{
    m_options.threads = std::max(1, m_options.threads);
    m_options.prefetch = std::max(1, m_options.prefetch);
    // A pipeline that starts by resizing the whole image lets a large JPEG be decoded at a
    // fraction of its size in the DCT; every pixel coordinate step would break that.
    m_reducedDecode = !m_pipeline.steps().empty() && m_pipeline.steps().front()->enabled
        && m_pipeline.steps().front()->type() == QLatin1String("resize");
}

DataLoader::~DataLoader()
{
    stop();
}

int DataLoader::batchesPerEpoch() const
{
    const int n = int(m_indices.size());
    const int b = m_options.batchSize;
    return m_options.dropLast ? n / b : (n + b - 1) / b;
}

void DataLoader::stop()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_ready.notify_all();
    m_space.notify_all();
    for (std::thread &t : m_workers)
        t.join();
    m_workers.clear();
}

void DataLoader::startEpoch(int epoch)
{
    stop();
    m_order = m_indices;
    if (m_options.shuffle)
        shuffleIndices(m_order, mix64(m_options.seed ^ (std::uint64_t(epoch) << 32)));
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_done.clear();
        m_nextToBuild = 0;
        m_nextToHand = 0;
        m_batches = batchesPerEpoch();
        m_stopping = false;
        ++m_generation;
    }
    for (int t = 0; t < m_options.threads; ++t)
        m_workers.emplace_back(&DataLoader::work, this, epoch, m_generation);
}

void DataLoader::work(int epoch, std::uint64_t generation)
{
    const int c = m_options.channels, s = m_options.imageSize;
    const std::size_t imageFloats = std::size_t(c) * s * s;
    for (;;) {
        int b;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_space.wait(lock, [&] {
                return m_stopping || m_nextToBuild >= m_batches || m_nextToBuild < m_nextToHand + m_options.prefetch;
            });
            if (m_stopping || m_generation != generation || m_nextToBuild >= m_batches)
                return;
            b = m_nextToBuild++;
        }
        const int begin = b * m_options.batchSize;
        const int end = std::min(int(m_order.size()), begin + m_options.batchSize);
        Batch batch;
        torch::Tensor images = torch::empty({end - begin, c, s, s}, torch::kFloat32);
        std::vector<int64_t> labels;
        float *dst = images.data_ptr<float>();
        int rows = 0;
        for (int k = begin; k < end; ++k) {
            const int sample = m_order[k];
            QString error;
            if (fill(sample, epoch, dst + rows * imageFloats, &error)) {
                labels.push_back(m_dataset.samples[sample].classId);
                batch.samples.push_back(sample);
                ++rows;
            } else {
                std::lock_guard<std::mutex> lock(m_mutex);
                const QString &path = m_dataset.samples[sample].path;
                if (std::find(m_reported.begin(), m_reported.end(), path) == m_reported.end()) {
                    m_reported.push_back(path);
                    m_errors.push_back({path, error});
                }
            }
        }
        batch.images = rows == end - begin ? images : images.narrow(0, 0, rows);
        batch.labels = torch::tensor(labels, torch::kInt64);
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (m_generation != generation)
                return;
            m_done.emplace(b, std::move(batch));
        }
        m_ready.notify_all();
    }
}

bool DataLoader::next(Batch &out)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        if (m_nextToHand >= m_batches || (m_stopping && m_done.find(m_nextToHand) == m_done.end()))
            return false;
        m_ready.wait(lock, [&] { return m_stopping || m_done.count(m_nextToHand) > 0; });
        auto it = m_done.find(m_nextToHand);
        if (it == m_done.end())
            return false;
        out = std::move(it->second);
        m_done.erase(it);
        ++m_nextToHand;
        lock.unlock();
        m_space.notify_all();
        // A batch whose every file was broken is skipped rather than handed out empty.
        if (out.images.size(0) > 0)
            return true;
        lock.lock();
    }
}

std::vector<BadFile> DataLoader::takeErrors()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    std::vector<BadFile> out;
    out.swap(m_errors);
    return out;
}

bool DataLoader::fill(int sampleIndex, int epoch, float *dst, QString *error) const
{
    const Sample &sample = m_dataset.samples[sampleIndex];
    const int c = m_options.channels, s = m_options.imageSize;
    cv::Mat image;
    double reduce = 1.0;
    if (sample.idxIndex >= 0 && m_dataset.idx) {
        const IdxImages &idx = *m_dataset.idx;
        image = cv::Mat(idx.rows, idx.cols, CV_8UC1, const_cast<std::uint8_t *>(idx.image(sample.idxIndex))).clone();
    } else {
        DecodeOptions decode;
        decode.grey = c == 1;
        if (m_reducedDecode && sample.width > 0 && sample.height > 0) {
            // Largest DCT reduction that still leaves at least twice the input size.
            const int shorter = std::min(sample.width, sample.height);
            for (DecodeScale scale : {DecodeScale::Eighth, DecodeScale::Quarter, DecodeScale::Half}) {
                if (shorter / int(scale) >= 2 * s) {
                    decode.scale = scale;
                    reduce = int(scale);
                    break;
                }
            }
        }
        DecodeResult result = decodeImageFile(sample.path, decode);
        if (!result.ok()) {
            if (error)
                *error = result.error;
            return false;
        }
        image = result.image;
    }
    if (c == 3 && image.channels() == 1)
        cv::cvtColor(image, image, cv::COLOR_GRAY2BGR);
    else if (c == 1 && image.channels() == 3)
        cv::cvtColor(image, image, cv::COLOR_BGR2GRAY);

    std::vector<Annotation> objects = sample.objects;
    if (reduce != 1.0) {
        for (Annotation &a : objects) {
            a.box = QRectF(a.box.x() / reduce, a.box.y() / reduce, a.box.width() / reduce, a.box.height() / reduce);
            for (Polygon &p : a.polygons)
                for (double &v : p)
                    v /= reduce;
        }
    }
    AugmentedImage out = m_pipeline.apply(image, objects, sampleSeed(m_options.seed, epoch, sampleIndex));
    cv::Mat m = out.image;
    if (m.empty()) {
        if (error)
            *error = Text::tr("the augmentation pipeline returned no image");
        return false;
    }
    if (m.rows != s || m.cols != s)
        cv::resize(m, m, cv::Size(s, s), 0, 0, cv::INTER_AREA);
    if (m.depth() != CV_32F)
        m.convertTo(m, CV_32F, 1.0 / 255.0);
    if (m.channels() != c) {
        if (error)
            *error = Text::tr("the pipeline produced %1 channels, the model takes %2").arg(m.channels()).arg(c);
        return false;
    }
    // HWC interleaved → CHW planes.
    if (c == 1) {
        cv::Mat plane(s, s, CV_32FC1, dst);
        m.copyTo(plane);
    } else {
        std::vector<cv::Mat> planes;
        for (int ch = 0; ch < c; ++ch)
            planes.emplace_back(s, s, CV_32FC1, dst + std::size_t(ch) * s * s);
        cv::split(m, planes);
    }
    return true;
}

torch::Tensor DataLoader::loadOne(int sampleIndex, int epoch, QString *error) const
{
    const int c = m_options.channels, s = m_options.imageSize;
    torch::Tensor t = torch::empty({c, s, s}, torch::kFloat32);
    if (!fill(sampleIndex, epoch, t.data_ptr<float>(), error))
        return {};
    return t;
}

} // namespace loupe
