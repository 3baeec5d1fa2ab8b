#include "loader/DataLoader.h"

#include "augment/TileTargets.h"
#include "augment/Transforms.h"
#include "dataset/Masks.h"
#include "imaging/SafeDecoder.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <opencv2/core/version.hpp>
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

/// Largest DCT reduction that still leaves at least twice the input size (Full when the size is unknown).
DecodeScale decodeReduction(int width, int height, int inputSize)
{
    if (width <= 0 || height <= 0)
        return DecodeScale::Full;
    const int shorter = std::min(width, height);
    for (DecodeScale scale : {DecodeScale::Eighth, DecodeScale::Quarter, DecodeScale::Half})
        if (shorter / int(scale) >= 2 * inputSize)
            return scale;
    return DecodeScale::Full;
}

} // namespace

std::vector<int> shuffledOrder(std::vector<int> indices, quint64 seed, int epoch)
{
    shuffleIndices(indices, mix64(seed ^ (std::uint64_t(epoch) << 32)));
    return indices;
}

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

int DataLoader::itemsPerEpoch() const
{
    if (m_optional.empty())
        return int(m_indices.size());
    const int optional = int(std::count(m_optional.begin(), m_optional.end(), char(1)));
    return int(m_indices.size()) - optional + std::clamp(m_optionalPerEpoch, 0, optional);
}

int DataLoader::batchesPerEpoch() const
{
    const int n = itemsPerEpoch();
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

void DataLoader::setRegions(std::vector<QRect> regions)
{
    stop();
    if (!regions.empty() && regions.size() != m_indices.size())
        throw std::invalid_argument("DataLoader::setRegions: one region per image index");
    m_regions = std::move(regions);
}

void DataLoader::setEpochSample(std::vector<char> optional, int optionalPerEpoch)
{
    if (!optional.empty() && optional.size() != m_indices.size())
        throw std::invalid_argument("DataLoader::setEpochSample: one flag per image index");
    m_optional = std::move(optional);
    m_optionalPerEpoch = optionalPerEpoch;
}

void DataLoader::setClassMasks(bool on)
{
    stop();
    m_classMasks = on;
}

void DataLoader::startEpoch(int epoch)
{
    stop();
    m_order.clear();
    if (m_optional.empty()) {
        m_order.resize(m_indices.size());
        for (std::size_t i = 0; i < m_order.size(); ++i)
            m_order[i] = int(i);
    } else {
        std::vector<int> optional;
        for (std::size_t i = 0; i < m_indices.size(); ++i)
            (m_optional[i] ? optional : m_order).push_back(int(i));
        shuffleIndices(optional, mix64(m_options.seed ^ 0x9e3779b97f4a7c15ull ^ (std::uint64_t(epoch) << 32)));
        optional.resize(std::size_t(std::clamp(m_optionalPerEpoch, 0, int(optional.size()))));
        std::sort(optional.begin(), optional.end());
        m_order.insert(m_order.end(), optional.begin(), optional.end());
        std::sort(m_order.begin(), m_order.end());
    }
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
        torch::Tensor masks = m_classMasks ? torch::empty({end - begin, s, s}, torch::kInt64) : torch::Tensor();
        std::vector<int64_t> labels;
        float *dst = images.data_ptr<float>();
        std::int64_t *maskDst = m_classMasks ? masks.data_ptr<std::int64_t>() : nullptr;
        int rows = 0;
        for (int k = begin; k < end; ++k) {
            const int item = m_order[k];
            const int sample = m_indices[std::size_t(item)];
            QString error;
            std::vector<Annotation> objects;
            if (fill(item, epoch, dst + rows * imageFloats, &objects,
                     maskDst ? maskDst + std::size_t(rows) * s * s : nullptr, &error)) {
                labels.push_back(m_dataset.samples[sample].classId);
                batch.samples.push_back(sample);
                batch.items.push_back(item);
                batch.objects.push_back(std::move(objects));
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
        if (m_classMasks)
            batch.masks = rows == end - begin ? masks : masks.narrow(0, 0, rows);
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

bool DataLoader::fill(int item, int epoch, float *dst, std::vector<Annotation> *objectsOut, std::int64_t *maskDst,
                      QString *error) const
{
    const int sampleIndex = m_indices[std::size_t(item)];
    const Sample &sample = m_dataset.samples[sampleIndex];
    const QRect region = m_regions.empty() ? QRect() : m_regions[std::size_t(item)];
    const int c = m_options.channels, s = m_options.imageSize;
    cv::Mat image;
    double reduce = 1.0;
    if (sample.idxIndex >= 0 && m_dataset.idx) {
        const IdxImages &idx = *m_dataset.idx;
        image = cv::Mat(idx.rows, idx.cols, CV_8UC1, const_cast<std::uint8_t *>(idx.image(sample.idxIndex))).clone();
    } else {
        DecodeOptions decode;
        decode.grey = c == 1;
        if (m_reducedDecode) {
            decode.scale = region.isEmpty() ? decodeReduction(sample.width, sample.height, s)
                                            : decodeReduction(region.width(), region.height(), s);
            reduce = int(decode.scale);
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

    // The class mask at the decoded image's size (a reduced decode shrinks it by nearest neighbour).
    cv::Mat labels;
    if (maskDst) {
        const ClassMask mask = readClassMask(m_dataset, sample);
        if (!mask.ok()) {
            if (error)
                *error = mask.error.isEmpty() ? Text::tr("the mask could not be read") : mask.error;
            return false;
        }
        labels = mask.mask;
        if (labels.size() != image.size())
            cv::resize(labels, labels, image.size(), 0, 0, cv::INTER_NEAREST);
    }
    std::vector<Annotation> objects = sample.objects;
    if (reduce != 1.0) {
        for (Annotation &a : objects) {
            a.box = QRectF(a.box.x() / reduce, a.box.y() / reduce, a.box.width() / reduce, a.box.height() / reduce);
            for (Polygon &p : a.polygons)
                for (double &v : p)
                    v /= reduce;
        }
    }
    // The region (a tile, a region of interest) is cut first; its objects are those the tile keeps.
    std::uint64_t seedKey = std::uint64_t(sampleIndex);
    if (!region.isEmpty()) {
        const QRect scaled(int(std::floor(region.x() / reduce)), int(std::floor(region.y() / reduce)),
                           std::max(1, int(std::lround(region.width() / reduce))),
                           std::max(1, int(std::lround(region.height() / reduce))));
        const QRect cut = scaled.intersected(QRect(0, 0, image.cols, image.rows));
        if (cut.isEmpty()) {
            if (error)
                *error = Text::tr("the region %1,%2,%3,%4 lies outside the image (%5×%6)")
                             .arg(region.x())
                             .arg(region.y())
                             .arg(region.width())
                             .arg(region.height())
                             .arg(image.cols * reduce)
                             .arg(image.rows * reduce);
            return false;
        }
        const TileGrid grid(QSize(image.cols, image.rows), TileCount{1, 1}, 0, cut);
        objects = objectsInTile(grid, 0, objects);
        image = image(cv::Rect(cut.x(), cut.y(), cut.width(), cut.height()));
        if (!labels.empty())
            labels = labels(cv::Rect(cut.x(), cut.y(), cut.width(), cut.height()));
        seedKey = mix64(seedKey ^ (std::uint64_t(std::uint32_t(region.x())) << 32 | std::uint32_t(region.y())));
    }
    AugmentedImage out
        = m_pipeline.apply(image, objects, labels, sampleSeed(m_options.seed, epoch, int(seedKey & 0x7fffffff)));
    cv::Mat m = out.image;
    if (m.empty()) {
        if (error)
            *error = Text::tr("the augmentation pipeline returned no image");
        return false;
    }
    if (m.rows != s || m.cols != s) {
        const double fx = double(s) / m.cols, fy = double(s) / m.rows;
        for (Annotation &a : out.objects) {
            a.box = QRectF(a.box.x() * fx, a.box.y() * fy, a.box.width() * fx, a.box.height() * fy);
            for (Polygon &p : a.polygons)
                for (std::size_t k = 0; k + 1 < p.size(); k += 2) {
                    p[k] *= fx;
                    p[k + 1] *= fy;
                }
        }
        cv::resize(m, m, cv::Size(s, s), 0, 0, cv::INTER_AREA);
    }
    if (maskDst) {
        cv::Mat moved = out.labels;
        if (moved.rows != s || moved.cols != s)
            cv::resize(moved, moved, cv::Size(s, s), 0, 0, cv::INTER_NEAREST);
        for (int y = 0; y < s; ++y) {
            const uchar *row = moved.ptr<uchar>(y);
            std::int64_t *to = maskDst + std::size_t(y) * s;
            for (int x = 0; x < s; ++x)
                to[x] = row[x];
        }
    }
    if (objectsOut)
        *objectsOut = std::move(out.objects);
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

namespace {

QString interpolationName(transforms::Interpolation i)
{
    switch (i) {
    case transforms::Interpolation::Auto: return QStringLiteral("auto");
    case transforms::Interpolation::Nearest: return QStringLiteral("nearest");
    case transforms::Interpolation::Linear: return QStringLiteral("linear");
    case transforms::Interpolation::Cubic: return QStringLiteral("cubic");
    case transforms::Interpolation::Area: return QStringLiteral("area");
    }
    return {};
}

/// How each resampling is computed, for code outside OpenCV (8-bit in, 8-bit out, rounded).
QJsonObject interpolationMeanings()
{
    return QJsonObject{
        {QStringLiteral("linear"), QStringLiteral("OpenCV INTER_LINEAR: bilinear, half-pixel centres (PyTorch "
                                                  "interpolate mode='bilinear', align_corners=False, antialias=False), "
                                                  "rounded to 8 bits")},
        {QStringLiteral("area"), QStringLiteral("OpenCV INTER_AREA: each output pixel the mean of the input area it "
                                                "covers, partial pixels weighted by their covered fraction, rounded to "
                                                "8 bits")},
        {QStringLiteral("nearest"), QStringLiteral("OpenCV INTER_NEAREST: input pixel floor(x * in / out)")},
        {QStringLiteral("cubic"), QStringLiteral("OpenCV INTER_CUBIC: bicubic, a = -0.75, half-pixel centres, rounded "
                                                 "to 8 bits")},
        {QStringLiteral("none"), QStringLiteral("the image already had the output size: no resampling")},
    };
}

} // namespace

QJsonObject describePreprocessing(const Dataset &dataset, const std::vector<int> &images, const Pipeline &pipeline,
                                  const LoaderOptions &options)
{
    const int c = options.channels, s = options.imageSize;
    std::vector<const Transform *> steps;
    for (const auto &step : pipeline.steps())
        if (step && step->enabled)
            steps.push_back(step.get());
    const bool resizeFirst = !steps.empty() && steps.front()->type() == QLatin1String("resize");
    // Same condition as the constructor's m_reducedDecode.
    const bool reducedDecode = !pipeline.steps().empty() && pipeline.steps().front()->enabled
        && pipeline.steps().front()->type() == QLatin1String("resize");

    // What each image goes through up to the first step: the size it reaches the resize with.
    QJsonObject decode{
        {QStringLiteral("library"), QStringLiteral("OpenCV " CV_VERSION)},
        {QStringLiteral("colour_order"), c == 1 ? QStringLiteral("grey") : QStringLiteral("BGR")},
        {QStringLiteral("orientation"), QStringLiteral("EXIF orientation ignored: pixels as stored")},
        {QStringLiteral("alpha"), QStringLiteral("dropped")},
        {QStringLiteral("bit_depth"), QStringLiteral("8 bits; 16-bit images divided by 257 and rounded")},
        {QStringLiteral("grey_to_colour"), QStringLiteral("grey images (and PNGs whose header says grey) have the grey "
                                                          "value repeated in B, G and R")},
        {QStringLiteral("colour_to_grey"), QStringLiteral("0.299 R + 0.587 G + 0.114 B, rounded (OpenCV "
                                                          "IMREAD_GRAYSCALE / COLOR_BGR2GRAY)")},
    };
    int reduced = 0;
    std::map<QString, int> used;
    const auto *resize = resizeFirst ? dynamic_cast<const transforms::Resize *>(steps.front()) : nullptr;
    for (int i : images) {
        const Sample &sample = dataset.samples[std::size_t(i)];
        int w = sample.width, h = sample.height;
        if (sample.idxIndex >= 0 && dataset.idx) {
            w = dataset.idx->cols;
            h = dataset.idx->rows;
        } else if (reducedDecode && decodeReduction(sample.width, sample.height, s) != DecodeScale::Full) {
            const int k = int(decodeReduction(sample.width, sample.height, s));
            ++reduced;
            w = (w + k - 1) / k; // libjpeg's scaled size
            h = (h + k - 1) / k;
        }
        if (!resize)
            continue;
        if (w <= 0 || h <= 0)
            ++used[QStringLiteral("unknown")];
        else if (w == resize->width && h == resize->height && !resize->keepAspect)
            ++used[QStringLiteral("none")];
        else
            ++used[interpolationName(resize->resolvedInterpolation(w, h))];
    }
    decode.insert(QStringLiteral("reduced_decode"),
                  QJsonObject{{QStringLiteral("rule"),
                               reducedDecode ? QStringLiteral("the first step is a resize, so a file whose shorter side "
                                                              "is at least 2 x %1 px after dividing by 8, 4 or 2 (the "
                                                              "largest that fits) is decoded at that fraction (OpenCV "
                                                              "IMREAD_REDUCED_*: DCT scaling for JPEG)")
                                                   .arg(s)
                                             : QStringLiteral("never: every file is decoded at full size")},
                              {QStringLiteral("images"), reduced}});
    if (dataset.idx)
        decode.insert(QStringLiteral("idx"), QStringLiteral("IDX images are used as stored, one byte a pixel"));

    QJsonArray stepList;
    QJsonObject resizeInfo{{QStringLiteral("rule"), QStringLiteral("none")}};
    QString interpolation = QStringLiteral("none");
    const transforms::Normalize *normalize = nullptr;
    for (const Transform *step : steps) {
        QJsonObject o = step->toJson();
        if (const auto *r = dynamic_cast<const transforms::Resize *>(step)) {
            QJsonObject counts;
            if (r == resize) {
                for (const auto &[name, n] : used)
                    counts.insert(name, n);
                QStringList names;
                for (const auto &[name, n] : used)
                    if (name != QLatin1String("none") && name != QLatin1String("unknown"))
                        names.append(name);
                // One name when every image went through the same resampling; otherwise the rule decides per image.
                o.insert(QStringLiteral("interpolation_used"),
                         names.size() == 1   ? names.front()
                         : names.isEmpty() ? (r->interpolation == transforms::Interpolation::Auto
                                                  ? QStringLiteral("none")
                                                  : interpolationName(r->interpolation))
                                           : QStringLiteral("mixed"));
                o.insert(QStringLiteral("interpolation_images"), counts);
            } else {
                o.insert(QStringLiteral("interpolation_used"),
                         r->interpolation == transforms::Interpolation::Auto
                             ? QStringLiteral("per image, from the size the earlier steps leave")
                             : interpolationName(r->interpolation));
            }
            o.insert(QStringLiteral("interpolation_rule"),
                     r->interpolation == transforms::Interpolation::Auto
                         ? QStringLiteral("auto: area when the image shrinks in both directions, linear otherwise")
                         : interpolationName(r->interpolation));
            if (resizeInfo.value(QStringLiteral("rule")).toString() == QLatin1String("none")) {
                resizeInfo = QJsonObject{
                    {QStringLiteral("rule"),
                     r->keepAspect ? QStringLiteral("letterbox: scaled to fit inside width x height (side = round(side "
                                                    "x min(width / W, height / H))), centred at floor of half the "
                                                    "margin, the rest filled with pad_value")
                                   : QStringLiteral("stretch to width x height, aspect ratio not kept")},
                    {QStringLiteral("width"), r->width},
                    {QStringLiteral("height"), r->height},
                    {QStringLiteral("keep_aspect"), r->keepAspect},
                    {QStringLiteral("pad_value"), r->padValue},
                    {QStringLiteral("interpolation"), o.value(QStringLiteral("interpolation_used"))}};
                interpolation = o.value(QStringLiteral("interpolation_used")).toString();
            }
        }
        if (const auto *n = dynamic_cast<const transforms::Normalize *>(step))
            normalize = n;
        stepList.append(o);
    }

    QJsonObject out{
        {QStringLiteral("input"), QJsonObject{{QStringLiteral("width"), s},
                                              {QStringLiteral("height"), s},
                                              {QStringLiteral("channels"), c},
                                              {QStringLiteral("layout"), QStringLiteral("NCHW")},
                                              {QStringLiteral("dtype"), QStringLiteral("float32")}}},
        {QStringLiteral("decode"), decode},
        {QStringLiteral("steps"), stepList},
        {QStringLiteral("resize"), resizeInfo},
        {QStringLiteral("interpolation"), interpolation},
        {QStringLiteral("interpolations"), interpolationMeanings()},
        {QStringLiteral("final_resize"),
         QStringLiteral("when the steps leave another size than %1 x %1: OpenCV INTER_AREA to %1 x %1").arg(s)},
        {QStringLiteral("crop"), [&] {
             QJsonArray crops;
             for (const QJsonValue &v : stepList) {
                 const QString type = v.toObject().value(QStringLiteral("type")).toString();
                 if (type.contains(QLatin1String("crop")) || type == QLatin1String("tile"))
                     crops.append(v);
             }
             return crops;
         }()},
    };
    QJsonArray mean, stdDev;
    if (normalize) {
        const std::size_t given = std::min(normalize->mean.size(), normalize->stdDev.size());
        for (int ch = 0; ch < c; ++ch) {
            mean.append(normalize->mean[given == 1 ? 0 : std::size_t(ch)]);
            stdDev.append(normalize->stdDev[given == 1 ? 0 : std::size_t(ch)]);
        }
        out.insert(QStringLiteral("value_scale"), QStringLiteral("(x / 255 - mean) / std, x the 8-bit value"));
        out.insert(QStringLiteral("colour_order"), c == 3 ? QStringLiteral("RGB") : QStringLiteral("grey"));
    } else {
        for (int ch = 0; ch < c; ++ch) {
            mean.append(0.0);
            stdDev.append(1.0);
        }
        // Without a normalize step nothing swaps the channels: the model sees OpenCV's order.
        out.insert(QStringLiteral("value_scale"), QStringLiteral("x / 255, x the 8-bit value"));
        out.insert(QStringLiteral("colour_order"), c == 3 ? QStringLiteral("BGR") : QStringLiteral("grey"));
    }
    out.insert(QStringLiteral("mean"), mean);
    out.insert(QStringLiteral("std"), stdDev);
    return out;
}


torch::Tensor DataLoader::loadOne(int sampleIndex, int epoch, QString *error) const
{
    const int c = m_options.channels, s = m_options.imageSize;
    torch::Tensor t = torch::empty({c, s, s}, torch::kFloat32);
    // A loader over one image's items may not hold this sample: look for it, else read it whole.
    const auto it = std::find(m_indices.begin(), m_indices.end(), sampleIndex);
    if (it == m_indices.end() || !m_regions.empty()) {
        DataLoader single(m_dataset, {sampleIndex}, m_pipeline, m_options);
        if (!single.fill(0, epoch, t.data_ptr<float>(), nullptr, nullptr, error))
            return {};
        return t;
    }
    if (!fill(int(it - m_indices.begin()), epoch, t.data_ptr<float>(), nullptr, nullptr, error))
        return {};
    return t;
}

} // namespace loupe
