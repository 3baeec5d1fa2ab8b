// loupe-bench-make-images: writes a class-folder dataset of textured images for the benchmarks.
// Each image depends only on its index and size, so two runs (with any thread count) write the
// same bytes, and an interrupted run can be resumed: files already present are kept.
// A developer tool: its messages are not translated (lupdate does not read bench/).

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

namespace {

enum Exit { Done = 0, Failed = 1, BadInput = 2 };

struct Options {
    QString out;
    int count = 0;
    int width = 0;
    int height = 0;
    QString format;
    int classes = 0;
    int threads = 0;
};

// Keeps one 4000×3000 colour image and its encoding well inside memory per thread.
constexpr int kMaxSide = 20000;

int fail(const QString &message)
{
    std::fprintf(stderr, "loupe-bench-make-images: %s\n", qPrintable(message));
    return BadInput;
}

// Fine grain shared by every image of a run: per-pixel noise is the costly part of making an
// image, so each image takes a window of this at its own offset instead of drawing its own.
// The margin lets the offsets differ while the window stays inside.
constexpr int kGrainMargin = 64;

cv::Mat makeGrain(int width, int height)
{
    cv::Mat grain(height + kGrainMargin, width + kGrainMargin, CV_16SC3);
    cv::RNG rng(0x6a41e);
    // Sigma 14 at quality 90 gives ~0.6–0.8 MB per 1600×1200 JPEG, like camera photos.
    rng.fill(grain, cv::RNG::NORMAL, cv::Scalar::all(0), cv::Scalar::all(14));
    return grain;
}

// Gradients and soft blobs (low-frequency colour) plus the shared grain (high frequency).
cv::Mat makeImage(int index, int width, int height, const cv::Mat &grain)
{
    cv::RNG rng(0x5eed0000u + std::uint64_t(index) * 7919u);

    // Soft blobs: coarse random colours scaled up smoothly.
    const int cellsX = std::max(2, width / 64);
    const int cellsY = std::max(2, height / 64);
    cv::Mat coarse(cellsY, cellsX, CV_8UC3);
    rng.fill(coarse, cv::RNG::UNIFORM, cv::Scalar::all(0), cv::Scalar::all(256));
    cv::Mat base;
    cv::resize(coarse, base, cv::Size(width, height), 0, 0, cv::INTER_CUBIC);

    // A linear gradient in a random direction and colour, added on top.
    const double angle = rng.uniform(0.0, 2.0 * CV_PI);
    const double dx = std::cos(angle) / width;
    const double dy = std::sin(angle) / height;
    const cv::Vec3d tint(rng.uniform(-80.0, 80.0), rng.uniform(-80.0, 80.0), rng.uniform(-80.0, 80.0));
    const int offX = rng.uniform(0, kGrainMargin);
    const int offY = rng.uniform(0, kGrainMargin);
    const cv::Mat window = grain(cv::Rect(offX, offY, width, height));

    cv::Mat image(height, width, CV_8UC3);
    for (int y = 0; y < height; ++y) {
        const cv::Vec3b *b = base.ptr<cv::Vec3b>(y);
        const cv::Vec3s *g = window.ptr<cv::Vec3s>(y);
        cv::Vec3b *o = image.ptr<cv::Vec3b>(y);
        for (int x = 0; x < width; ++x) {
            const double t = x * dx + y * dy;
            for (int c = 0; c < 3; ++c)
                o[x][c] = cv::saturate_cast<uchar>(b[x][c] + t * tint[c] + g[x][c]);
        }
    }
    return image;
}

bool writeAtomically(const QString &path, const std::vector<uchar> &bytes, QString *error)
{
    // Written beside the target under a name the importers skip, then renamed: a killed run leaves
    // no truncated image behind.
    const QString part = path + QStringLiteral(".part");
    QFile f(part);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || f.write(reinterpret_cast<const char *>(bytes.data()), qint64(bytes.size())) != qint64(bytes.size())) {
        *error = QStringLiteral("cannot write %1: %2").arg(part, f.errorString());
        return false;
    }
    f.close();
    QFile::remove(path);
    if (!QFile::rename(part, path)) {
        *error = QStringLiteral("cannot rename %1 to %2").arg(part, path);
        return false;
    }
    return true;
}

int run(const Options &o)
{
    const QString ext = o.format == QLatin1String("png") ? QStringLiteral(".png") : QStringLiteral(".jpg");
    const int digits = std::max(6, int(QString::number(o.count - 1).size()));
    const int classDigits = int(QString::number(o.classes - 1).size());
    QStringList classDirs;
    for (int k = 0; k < o.classes; ++k) {
        const QString dir = QDir(o.out).filePath(QStringLiteral("class_%1").arg(k, classDigits, 10, QLatin1Char('0')));
        if (!QDir().mkpath(dir))
            return fail(QStringLiteral("cannot create folder %1").arg(dir));
        classDirs.append(dir);
    }

    std::vector<int> params;
    if (o.format == QLatin1String("png"))
        params = {cv::IMWRITE_PNG_COMPRESSION, 3};
    else
        params = {cv::IMWRITE_JPEG_QUALITY, 90};

    const cv::Mat grain = makeGrain(o.width, o.height);
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const int threads = std::min(o.count, o.threads > 0 ? o.threads : int(cores));
    cv::setNumThreads(1); // parallelism comes from the workers; nested pools only oversubscribe

    const bool progressOnTty = isatty(fileno(stderr));
    std::atomic<int> next{0};
    std::atomic<int> done{0};
    std::atomic<int> written{0};
    std::atomic<qint64> bytesWritten{0};
    std::atomic<bool> failed{false};
    std::mutex errorMutex;
    QString firstError;
    auto worker = [&] {
        std::vector<uchar> encoded;
        for (int i = next++; i < o.count && !failed; i = next++) {
            const QString path = QDir(classDirs[i % o.classes])
                                     .filePath(QStringLiteral("img_%1%2").arg(i, digits, 10, QLatin1Char('0')).arg(ext));
            if (!QFileInfo::exists(path)) {
                QString error;
                try {
                    const cv::Mat image = makeImage(i, o.width, o.height, grain);
                    if (!cv::imencode(ext.toStdString(), image, encoded, params))
                        error = QStringLiteral("cannot encode %1").arg(path);
                } catch (const cv::Exception &e) {
                    error = QStringLiteral("cannot make %1: %2").arg(path, QString::fromStdString(e.msg));
                }
                if (error.isEmpty() && writeAtomically(path, encoded, &error)) {
                    ++written;
                    bytesWritten += qint64(encoded.size());
                }
                if (!error.isEmpty()) {
                    std::lock_guard<std::mutex> lock(errorMutex);
                    if (!failed.exchange(true))
                        firstError = error;
                    return;
                }
            }
            const int d = ++done;
            if (progressOnTty && (d % 1000 == 0 || d == o.count)) {
                std::lock_guard<std::mutex> lock(errorMutex);
                std::fprintf(stderr, "\r%d/%d", d, o.count);
                std::fflush(stderr);
            }
        }
    };
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back(worker);
    for (auto &t : pool)
        t.join();
    if (progressOnTty)
        std::fputc('\n', stderr);
    if (failed) {
        std::fprintf(stderr, "loupe-bench-make-images: %s\n", qPrintable(firstError));
        return Failed;
    }
    const int made = written;
    std::printf("%d images in %s (%d written, %d already present; %.1f KB per written image)\n", o.count,
                qPrintable(QDir(o.out).absolutePath()), made, o.count - made,
                made > 0 ? bytesWritten / 1024.0 / made : 0.0);
    return Done;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("loupe-bench-make-images"));
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Writes N textured images into K class folders for the benchmarks."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("OUT"), QStringLiteral("Folder to write class_*/img_*.{jpg,png} into."));
    const QCommandLineOption count(QStringLiteral("count"), QStringLiteral("Number of images."), QStringLiteral("N"));
    const QCommandLineOption width(QStringLiteral("width"), QStringLiteral("Width in pixels."), QStringLiteral("W"));
    const QCommandLineOption height(QStringLiteral("height"), QStringLiteral("Height in pixels."), QStringLiteral("H"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("jpg (quality 90) or png."),
                                    QStringLiteral("jpg|png"), QStringLiteral("jpg"));
    const QCommandLineOption classes(QStringLiteral("classes"), QStringLiteral("Number of class folders."),
                                     QStringLiteral("K"), QStringLiteral("10"));
    const QCommandLineOption threads(QStringLiteral("threads"), QStringLiteral("Worker threads (0 = every core)."),
                                     QStringLiteral("T"), QStringLiteral("0"));
    p.addOptions({count, width, height, format, classes, threads});
    p.process(app);

    if (p.positionalArguments().size() != 1)
        return fail(QStringLiteral("expects one OUT folder; see --help"));
    const auto number = [&](const QCommandLineOption &opt, int min, int max, int *value) {
        bool ok = false;
        *value = p.value(opt).toInt(&ok);
        return ok && *value >= min && *value <= max;
    };
    Options o;
    o.out = p.positionalArguments().front();
    o.format = p.value(format).toLower();
    if (!p.isSet(count) || !number(count, 1, 100000000, &o.count))
        return fail(QStringLiteral("--count expects a whole number of 1 or more"));
    if (!p.isSet(width) || !number(width, 1, kMaxSide, &o.width))
        return fail(QStringLiteral("--width expects 1 to %1").arg(kMaxSide));
    if (!p.isSet(height) || !number(height, 1, kMaxSide, &o.height))
        return fail(QStringLiteral("--height expects 1 to %1").arg(kMaxSide));
    if (!number(classes, 1, 100000, &o.classes))
        return fail(QStringLiteral("--classes expects 1 to 100000"));
    if (!number(threads, 0, 1024, &o.threads))
        return fail(QStringLiteral("--threads expects 0 to 1024"));
    if (o.format == QLatin1String("jpeg"))
        o.format = QStringLiteral("jpg");
    if (o.format != QLatin1String("jpg") && o.format != QLatin1String("png"))
        return fail(QStringLiteral("--format expects jpg or png, got \"%1\"").arg(p.value(format)));
    return run(o);
}
