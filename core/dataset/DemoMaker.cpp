// Demo datasets: Fashion-MNIST as class folders, and a synthetic inspection set of brushed metal
// with small scratches and spots (COCO boxes and polygons).
#include "DemoMaker.h"

#include "AtomicFile.h"
#include "Errors.h"
#include "Importers.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <map>
#include <mutex>
#include <random>
#include <thread>

namespace loupe {

namespace {

QString trDemo(const char *text)
{
    return QCoreApplication::translate("loupe::DemoMaker", text);
}

void writeOrThrow(const QString &path, const char *data, qint64 size)
{
    if (const QString error = writeFileAtomically(path, QByteArray::fromRawData(data, size)); !error.isEmpty())
        throw DatasetError(error);
}

void makeDir(const QString &path)
{
    if (!QDir().mkpath(path))
        throw DatasetError(QCoreApplication::translate("loupe::DemoMaker", "cannot create the folder %1").arg(path));
}

/// A class name as a folder name: no separators or characters Windows refuses.
QString folderName(const QString &className, int classId)
{
    QString name = className;
    for (QChar &c : name) {
        if (c == QLatin1Char('/') || c == QLatin1Char('\\') || c == QLatin1Char(':') || c == QLatin1Char('*')
            || c == QLatin1Char('?') || c == QLatin1Char('"') || c == QLatin1Char('<') || c == QLatin1Char('>')
            || c == QLatin1Char('|') || c.unicode() < 32)
            c = QLatin1Char('_');
    }
    name = name.trimmed();
    if (name.isEmpty() || name == QLatin1String(".") || name == QLatin1String(".."))
        name = QStringLiteral("class_%1").arg(classId);
    return name;
}

// ---- Random numbers that are the same on every standard library ----------------------------

quint64 splitMix64(quint64 x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

/// std::mt19937_64 is specified bit for bit; the std distributions are not, so these are our own.
class Random
{
public:
    explicit Random(quint64 seed)
        : m_engine(seed)
    { }
    quint64 bits() { return m_engine(); }
    double uniform() { return double(m_engine() >> 11) * (1.0 / 9007199254740992.0); } // [0, 1)
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    int uniformInt(int lo, int hi) // inclusive
    {
        const int v = lo + int(uniform() * double(hi - lo + 1));
        return std::min(v, hi);
    }
    bool chance(double p) { return uniform() < p; }
    double logUniform(double lo, double hi) { return std::exp(uniform(std::log(lo), std::log(hi))); }

private:
    std::mt19937_64 m_engine;
};

// ---- The inspection demo ---------------------------------------------------------------------

constexpr int kScratch = 1; // COCO category ids
constexpr int kSpot = 2;
constexpr int kJpegQuality = 90;
constexpr double kSensorNoise = 2.0; // grey levels, one sigma
constexpr double kMaskThreshold = 0.3; // where a soft defect edge stops counting as the defect

struct DefectObject {
    int category = 0;
    cv::Rect box;
    std::vector<double> polygon;
    double area = 0;
};

struct GeneratedImage {
    QString fileName; ///< relative to the output folder
    std::vector<DefectObject> objects;
    bool written = false;
};

/// Streaks of brushed metal: noise smeared along x. Shared by all images, which crop it at
/// random offsets and flip it, so per-image work stays a single pass over the pixels.
cv::Mat makeBrushTexture(int width, int height, quint64 seed)
{
    Random rng(splitMix64(seed ^ 0x6272757368ull));
    cv::Mat noise(height, width, CV_32F);
    for (int y = 0; y < height; ++y) {
        float *row = noise.ptr<float>(y);
        for (int x = 0; x < width; x += 8) {
            quint64 b = rng.bits();
            for (int k = 0; k < 8 && x + k < width; ++k, b >>= 8)
                row[x + k] = float(b & 0xff);
        }
    }
    auto layer = [&](int length) {
        cv::Mat out;
        cv::blur(noise, out, cv::Size(length, 1), cv::Point(-1, -1), cv::BORDER_REFLECT);
        cv::Scalar mean, sd;
        cv::meanStdDev(out, mean, sd);
        out = (out - mean[0]) / std::max(sd[0], 1e-6);
        return out;
    };
    const int longStreak = std::max(15, width / 20) | 1;
    cv::Mat texture = layer(longStreak) * 0.7 + layer(9) * 0.5;
    // Real brushing is not perfectly straight: a touch of vertical blur keeps lines 1–2 px thick.
    cv::GaussianBlur(texture, texture, cv::Size(1, 3), 0, 0.5);
    return texture;
}

/// Dims (or brightens) the image by `depth` × mask inside the mask's region.
void applyMask(cv::Mat &image, const cv::Rect &roi, const cv::Mat &mask8, double depth)
{
    cv::Mat patch;
    image(roi).convertTo(patch, CV_32F);
    cv::Mat mask;
    mask8.convertTo(mask, CV_32F, 1.0 / 255.0);
    patch -= mask * depth;
    patch.convertTo(image(roi), CV_8U);
}

/// The pixels where the mask counts as defect, as a box in image coordinates (empty if none).
cv::Rect maskBox(const cv::Mat &mask8, const cv::Point &offset)
{
    cv::Mat on = mask8 > int(kMaskThreshold * 255);
    std::vector<cv::Point> points;
    cv::findNonZero(on, points);
    if (points.empty())
        return {};
    return cv::boundingRect(points) + offset;
}

double polygonArea(const std::vector<double> &p)
{
    double twice = 0;
    const std::size_t n = p.size() / 2;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t j = (i + 1) % n;
        twice += p[2 * i] * p[2 * j + 1] - p[2 * j] * p[2 * i + 1];
    }
    return std::abs(twice) / 2;
}

void addPoint(std::vector<double> &polygon, double x, double y, int width, int height)
{
    polygon.push_back(std::clamp(x, 0.0, double(width)));
    polygon.push_back(std::clamp(y, 0.0, double(height)));
}

constexpr int kShift = 4; // sub-pixel bits for OpenCV's anti-aliased drawing
cv::Point fixedPoint(double x, double y)
{
    return {int(std::lround(x * (1 << kShift))), int(std::lround(y * (1 << kShift)))};
}

/// A thin, slightly curved line, dark or bright, 1–3 px wide.
bool drawScratch(cv::Mat &image, Random &rng, DefectObject &object)
{
    const int w = image.cols;
    const int h = image.rows;
    const double maxLength = std::max(20.0, std::min(300.0, 0.6 * std::min(w, h)));
    const double length = rng.uniform(20.0, maxLength);
    const double angle = rng.uniform(0.0, M_PI);
    const double dx = std::cos(angle) * length / 2;
    const double dy = std::sin(angle) * length / 2;
    const double bend = rng.uniform(-0.12, 0.12) * length;
    const int thickness = rng.uniformInt(1, 3);
    const double marginX = std::abs(dx) + std::abs(bend) + 4;
    const double marginY = std::abs(dy) + std::abs(bend) + 4;
    const double cx = marginX < w - marginX ? rng.uniform(marginX, w - marginX) : w / 2.0;
    const double cy = marginY < h - marginY ? rng.uniform(marginY, h - marginY) : h / 2.0;

    // Quadratic Bézier from one end to the other, pulled sideways by the control point.
    const double nx = -std::sin(angle), ny = std::cos(angle);
    const double x0 = cx - dx, y0 = cy - dy, x2 = cx + dx, y2 = cy + dy;
    const double x1 = cx + nx * bend * 2, y1 = cy + ny * bend * 2;
    constexpr int kSteps = 24;
    std::vector<cv::Point2d> centre;
    for (int i = 0; i <= kSteps; ++i) {
        const double t = double(i) / kSteps;
        const double a = (1 - t) * (1 - t), b = 2 * (1 - t) * t, c = t * t;
        centre.emplace_back(a * x0 + b * x1 + c * x2, a * y0 + b * y1 + c * y2);
    }

    const int pad = thickness + 3;
    double minX = w, minY = h, maxX = 0, maxY = 0;
    for (const cv::Point2d &p : centre) {
        minX = std::min(minX, p.x), maxX = std::max(maxX, p.x);
        minY = std::min(minY, p.y), maxY = std::max(maxY, p.y);
    }
    const cv::Rect roi
        = cv::Rect(cv::Point(int(minX) - pad, int(minY) - pad), cv::Point(int(maxX) + pad + 1, int(maxY) + pad + 1))
        & cv::Rect(0, 0, w, h);
    if (roi.empty())
        return false;
    cv::Mat mask = cv::Mat::zeros(roi.size(), CV_8U);
    std::vector<cv::Point> line;
    for (const cv::Point2d &p : centre)
        line.push_back(fixedPoint(p.x - roi.x, p.y - roi.y));
    cv::polylines(mask, line, false, cv::Scalar(255), thickness, cv::LINE_AA, kShift);

    object.category = kScratch;
    object.box = maskBox(mask, roi.tl());
    if (object.box.empty())
        return false;
    const bool bright = rng.chance(0.4);
    applyMask(image, roi, mask, bright ? -rng.uniform(35, 70) : rng.uniform(40, 90));

    // Outline: the centre line offset by half the stroke width on each side.
    const double half = thickness / 2.0 + 0.5;
    std::vector<cv::Point2d> left, right;
    for (std::size_t i = 0; i < centre.size(); ++i) {
        const cv::Point2d &a = centre[i == 0 ? 0 : i - 1];
        const cv::Point2d &b = centre[i + 1 < centre.size() ? i + 1 : i];
        double tx = b.x - a.x, ty = b.y - a.y;
        const double len = std::max(std::hypot(tx, ty), 1e-9);
        tx /= len, ty /= len;
        left.emplace_back(centre[i].x - ty * half, centre[i].y + tx * half);
        right.emplace_back(centre[i].x + ty * half, centre[i].y - tx * half);
    }
    for (const cv::Point2d &p : left)
        addPoint(object.polygon, p.x, p.y, w, h);
    for (auto it = right.rbegin(); it != right.rend(); ++it)
        addPoint(object.polygon, it->x, it->y, w, h);
    object.area = polygonArea(object.polygon);
    return true;
}

/// A round or elliptical dark stain with a soft edge; radius 2–25 px.
bool drawSpot(cv::Mat &image, Random &rng, bool tiny, DefectObject &object)
{
    const int w = image.cols;
    const int h = image.rows;
    const double rx = tiny ? rng.uniform(2.0, 3.5) : rng.logUniform(2.0, 25.0);
    const double ry = rx * rng.uniform(0.55, 1.0);
    const double angleDeg = rng.uniform(0.0, 180.0);
    const double margin = rx + 4;
    const double cx = margin < w - margin ? rng.uniform(margin, w - margin) : w / 2.0;
    const double cy = margin < h - margin ? rng.uniform(margin, h - margin) : h / 2.0;

    const int pad = int(std::ceil(rx)) + 4;
    const cv::Rect roi = cv::Rect(int(cx) - pad, int(cy) - pad, 2 * pad + 1, 2 * pad + 1) & cv::Rect(0, 0, w, h);
    if (roi.empty())
        return false;
    cv::Mat mask = cv::Mat::zeros(roi.size(), CV_8U);
    const cv::Point centre = fixedPoint(cx - roi.x, cy - roi.y);
    const cv::Size axes(int(std::lround(rx * (1 << kShift))), int(std::lround(ry * (1 << kShift))));
    cv::ellipse(mask, centre, axes, angleDeg, 0, 360, cv::Scalar(255), cv::FILLED, cv::LINE_AA, kShift);
    // Stains fade out at the rim; small ones only a little, or they would vanish.
    const double sigma = std::clamp(0.12 * ry, 0.4, 2.5);
    cv::GaussianBlur(mask, mask, cv::Size(0, 0), sigma);

    object.category = kSpot;
    object.box = maskBox(mask, roi.tl());
    if (object.box.empty())
        return false;
    applyMask(image, roi, mask, rng.uniform(40, 85));

    constexpr int kOutline = 16;
    const double a = angleDeg * M_PI / 180.0;
    for (int i = 0; i < kOutline; ++i) {
        const double t = 2 * M_PI * i / kOutline;
        const double ex = rx * std::cos(t), ey = ry * std::sin(t);
        addPoint(object.polygon, cx + ex * std::cos(a) - ey * std::sin(a), cy + ex * std::sin(a) + ey * std::cos(a), w,
                 h);
    }
    object.area = polygonArea(object.polygon);
    return true;
}

/// Brushed metal: grey level, a low-frequency illumination gradient and hot spot, the shared
/// streak texture at a random crop and flip, and sensor noise, in one pass.
cv::Mat makeMetal(const cv::Mat &texture, int width, int height, Random &rng)
{
    const double base = rng.uniform(105, 150);
    const double streak = rng.uniform(4, 9);
    const double slopeX = rng.uniform(-25, 25) / width;
    const double slopeY = rng.uniform(-20, 20) / height;
    const double hot = rng.uniform(8, 30);
    const double hx = rng.uniform(0, width), hy = rng.uniform(0, height);
    const double spread = rng.uniform(0.35, 0.8) * std::max(width, height);
    const int ox = rng.uniformInt(0, texture.cols - width);
    const int oy = rng.uniformInt(0, texture.rows - height);
    const bool flipX = rng.chance(0.5);
    const bool flipY = rng.chance(0.5);

    // The hot spot is a Gaussian, so it separates into a row and a column factor.
    std::vector<float> colTerm(static_cast<std::size_t>(width)), colHot(static_cast<std::size_t>(width));
    for (int x = 0; x < width; ++x) {
        colTerm[std::size_t(x)] = float(base + slopeX * (x - width / 2.0));
        colHot[std::size_t(x)] = float(std::exp(-(x - hx) * (x - hx) / (spread * spread)));
    }
    constexpr float kNoiseScale = float(kSensorNoise / 147.8); // sd of a sum of four uniform bytes
    // Sensor noise needs ~1M draws an image; splitmix64 (seeded from the Mersenne Twister) is
    // several times cheaper per draw and just as reproducible.
    quint64 noiseState = rng.bits();

    cv::Mat out(height, width, CV_8U);
    for (int y = 0; y < height; ++y) {
        const float rowTerm = float(slopeY * (y - height / 2.0));
        const float rowHot = float(hot * std::exp(-(y - hy) * (y - hy) / (spread * spread)));
        const float *src = texture.ptr<float>(oy + (flipY ? height - 1 - y : y)) + ox;
        std::uint8_t *dst = out.ptr<std::uint8_t>(y);
        quint64 bits = 0;
        for (int x = 0; x < width; ++x) {
            if ((x & 1) == 0) {
                noiseState += 0x9E3779B97F4A7C15ull;
                bits = splitMix64(noiseState);
            }
            const int sum
                = int(bits & 0xff) + int((bits >> 8) & 0xff) + int((bits >> 16) & 0xff) + int((bits >> 24) & 0xff);
            bits >>= 32;
            const float t = src[flipX ? width - 1 - x : x];
            const float v = colTerm[std::size_t(x)] + rowTerm + rowHot * colHot[std::size_t(x)] + float(streak) * t
                + float(sum - 510) * kNoiseScale;
            dst[x] = std::uint8_t(std::clamp(v, 0.0f, 255.0f) + 0.5f);
        }
    }
    return out;
}

GeneratedImage generateDefectImage(const cv::Mat &texture, const DefectsDemoOptions &options, int classIndex,
                                   int indexInClass, const QString &fileName, const QString &outDir)
{
    const int globalIndex = classIndex * options.imagesPerClass + indexInClass;
    Random rng(splitMix64(options.seed * 0x100000001B3ull + quint64(globalIndex) + 1));
    cv::Mat image = makeMetal(texture, options.width, options.height, rng);

    GeneratedImage result;
    result.fileName = fileName;
    if (classIndex == 1) {
        const int n = rng.uniformInt(1, 2);
        for (int i = 0; i < n; ++i) {
            DefectObject o;
            if (drawScratch(image, rng, o))
                result.objects.push_back(std::move(o));
        }
    } else if (classIndex == 2) {
        const int n = rng.uniformInt(1, 3);
        for (int i = 0; i < n; ++i) {
            DefectObject o;
            // Every other spot image starts with a tiny spot, so every run has defects a few px wide.
            if (drawSpot(image, rng, i == 0 && indexInClass % 2 == 0, o))
                result.objects.push_back(std::move(o));
        }
    }

    std::vector<uchar> jpeg;
    if (!cv::imencode(".jpg", image, jpeg, {cv::IMWRITE_JPEG_QUALITY, kJpegQuality}))
        throw DatasetError(trDemo("cannot encode a JPEG image"));
    writeOrThrow(outDir + QLatin1Char('/') + fileName, reinterpret_cast<const char *>(jpeg.data()), qint64(jpeg.size()));
    result.written = true;
    return result;
}

double round2(double v)
{
    return std::round(v * 100.0) / 100.0;
}

nlohmann::json cocoJson(const std::vector<GeneratedImage> &images, const DefectsDemoOptions &options)
{
    using nlohmann::json;
    json doc;
    doc["info"] = {{"description", "Loupe inspection demo: brushed metal with scratches and spots"},
                   {"version", "1.0"},
                   {"seed", options.seed}};
    doc["categories"] = json::array({{{"id", kScratch}, {"name", "scratch"}, {"supercategory", "defect"}},
                                     {{"id", kSpot}, {"name", "spot"}, {"supercategory", "defect"}}});
    json jsonImages = json::array();
    json annotations = json::array();
    int annotationId = 1;
    for (std::size_t i = 0; i < images.size(); ++i) {
        const GeneratedImage &img = images[i];
        if (!img.written)
            continue;
        const int imageId = int(i) + 1;
        jsonImages.push_back({{"id", imageId},
                              {"file_name", img.fileName.toStdString()},
                              {"width", options.width},
                              {"height", options.height}});
        for (const DefectObject &o : img.objects) {
            json polygon = json::array();
            for (double v : o.polygon)
                polygon.push_back(round2(v));
            annotations.push_back({{"id", annotationId++},
                                   {"image_id", imageId},
                                   {"category_id", o.category},
                                   {"bbox", {o.box.x, o.box.y, o.box.width, o.box.height}},
                                   {"segmentation", json::array({polygon})},
                                   {"area", round2(o.area)},
                                   {"iscrowd", 0}});
        }
    }
    doc["images"] = std::move(jsonImages);
    doc["annotations"] = std::move(annotations);
    return doc;
}

} // namespace

QString defaultFashionMnistDir()
{
    return QStringLiteral("/usr/share/datasets/fashion-mnist");
}

int makeFashionDemo(const QString &outDir, int perClassLimit, const QString &idxDir, const ProgressFn &progress,
                    const StopToken *stop)
{
    const QString dir = idxDir.isEmpty() ? defaultFashionMnistDir() : idxDir;
    Dataset ds;
    try {
        ds = importers::importIdx(dir);
    } catch (const DatasetError &e) {
        throw DatasetError(QCoreApplication::translate("loupe::DemoMaker",
                                                       "Fashion-MNIST IDX files not found (%1). Install the Debian "
                                                       "package dataset-fashion-mnist (apt install "
                                                       "dataset-fashion-mnist), or give the folder that holds "
                                                       "train-images-idx3-ubyte.gz and its siblings.")
                               .arg(e.message()));
    }
    if (!ds.idx || ds.samples.empty())
        throw DatasetError(
            QCoreApplication::translate("loupe::DemoMaker", "no images in the IDX files in %1").arg(dir));

    // This is the Fashion demo whatever the folder is called; the importer only guesses from the path.
    static const QStringList kFashionNames {QStringLiteral("T-shirt/top"), QStringLiteral("Trouser"),
                                            QStringLiteral("Pullover"),    QStringLiteral("Dress"),
                                            QStringLiteral("Coat"),        QStringLiteral("Sandal"),
                                            QStringLiteral("Shirt"),       QStringLiteral("Sneaker"),
                                            QStringLiteral("Bag"),         QStringLiteral("Ankle boot")};
    QStringList classes = ds.classes;
    for (int c = 0; c < classes.size() && c < kFashionNames.size(); ++c)
        classes[c] = kFashionNames[c];

    // Pick first, so progress has a total: the first N of each class in each split, in file order.
    struct Job {
        const Sample *sample;
        QString path;
    };
    std::vector<Job> jobs;
    std::map<std::pair<int, int>, int> taken;
    QStringList folders;
    for (const Sample &s : ds.samples) {
        QString split;
        if (s.split == SplitName::Train)
            split = QStringLiteral("train");
        else if (s.split == SplitName::Test)
            split = QStringLiteral("test");
        else
            continue;
        if (s.classId < 0 || s.classId >= classes.size())
            continue;
        int &count = taken[{int(s.split), s.classId}];
        if (perClassLimit > 0 && count >= perClassLimit)
            continue;
        ++count;
        const QString folder
            = outDir + QLatin1Char('/') + split + QLatin1Char('/') + folderName(classes[s.classId], s.classId);
        if (!folders.contains(folder))
            folders.append(folder);
        const QString index = s.path.mid(s.path.lastIndexOf(QLatin1Char('#')) + 1);
        jobs.push_back(
            {&s, folder + QLatin1Char('/') + index.rightJustified(5, QLatin1Char('0')) + QLatin1String(".png")});
    }
    for (const QString &folder : folders)
        makeDir(folder);

    const int total = int(jobs.size());
    const IdxImages &store = *ds.idx;
    int written = 0;
    std::vector<uchar> png;
    for (const Job &job : jobs) {
        if (stop && stop->stopRequested())
            break;
        const cv::Mat image(store.rows, store.cols, CV_8U,
                            const_cast<std::uint8_t *>(store.image(job.sample->idxIndex)));
        if (!cv::imencode(".png", image, png))
            throw DatasetError(trDemo("cannot encode a PNG image"));
        QFile file(job.path);
        if (!file.open(QIODevice::WriteOnly)
            || file.write(reinterpret_cast<const char *>(png.data()), qint64(png.size())) != qint64(png.size())
            || !file.flush()) { // a full disk shows only when the buffer is written out
            throw DatasetError(QCoreApplication::translate("loupe::DemoMaker", "cannot write %1: %2")
                                   .arg(job.path, file.errorString()));
        }
        ++written;
        if (progress)
            progress(written, total);
    }
    return written;
}

int makeDefectsDemo(const QString &outDir, const DefectsDemoOptions &options, const ProgressFn &progress,
                    const StopToken *stop)
{
    constexpr int kMinSide = 64; // room for the largest spot and a short scratch
    constexpr int kMaxSide = 16384; // keeps one image and the shared texture well under 1 GB
    if (options.width < kMinSide || options.height < kMinSide || options.width > kMaxSide || options.height > kMaxSide)
        throw DatasetError(
            QCoreApplication::translate("loupe::DemoMaker", "demo image size %1×%2 is outside %3–%4 pixels a side")
                .arg(options.width)
                .arg(options.height)
                .arg(kMinSide)
                .arg(kMaxSide));
    if (options.imagesPerClass < 0 || options.imagesPerClass > 100000)
        throw DatasetError(
            QCoreApplication::translate("loupe::DemoMaker", "images per class must be between 0 and 100000, not %1")
                .arg(options.imagesPerClass));

    makeDir(outDir + QLatin1String("/images"));
    static const char *const kClasses[] = {"ok", "scratch", "spot"};
    const int perClass = options.imagesPerClass;
    const int total = 3 * perClass;
    const int digits = std::max(3, int(QString::number(std::max(perClass - 1, 0)).size()));

    std::vector<GeneratedImage> images(static_cast<std::size_t>(total));
    const cv::Mat texture = total > 0
        ? makeBrushTexture(options.width * 2, options.height + options.height / 2, options.seed)
        : cv::Mat();

    // Each image draws from its own generator seeded by its index, so threads cannot change the output.
    std::atomic<int> next {0};
    std::atomic<bool> failed {false};
    std::mutex mutex;
    std::exception_ptr error;
    int done = 0;
    auto work = [&] {
        for (;;) {
            if (failed.load() || (stop && stop->stopRequested()))
                return;
            const int g = next.fetch_add(1);
            if (g >= total)
                return;
            const int c = g / perClass;
            const int i = g % perClass;
            const QString name = QStringLiteral("images/%1_%2.jpg")
                                     .arg(QLatin1String(kClasses[c]))
                                     .arg(i, digits, 10, QLatin1Char('0'));
            try {
                images[std::size_t(g)] = generateDefectImage(texture, options, c, i, name, outDir);
            } catch (...) {
                std::lock_guard<std::mutex> lock(mutex);
                if (!error)
                    error = std::current_exception();
                failed.store(true);
                return;
            }
            std::lock_guard<std::mutex> lock(mutex);
            ++done;
            if (progress)
                progress(done, total);
        }
    };
    const int threads = std::clamp(QThread::idealThreadCount(), 1, std::max(1, std::min(4, total)));
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(work);
    work();
    for (std::thread &t : pool)
        t.join();
    if (error)
        std::rethrow_exception(error);

    // Annotations list only the images that exist, also when the run was stopped early.
    const std::string json = cocoJson(images, options).dump() + "\n";
    writeOrThrow(outDir + QLatin1String("/annotations.json"), json.data(), qint64(json.size()));
    return done;
}

} // namespace loupe
