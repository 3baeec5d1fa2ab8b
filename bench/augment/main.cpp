// Augmentation speed: the Pipeline against the same operations written by hand with OpenCV, and
// the preview panel's re-render latency after a parameter change. See README.md.

#include "AugmentPanel.h"

#include "augment/Pipeline.h"
#include "dataset/DatasetStats.h"
#include "dataset/Inspection.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <random>
#include <thread>
#include <vector>

using namespace loupe;

namespace {

constexpr int kOut = 224;

/// Textured 1600×1200 BGR photos, different per index.
std::vector<cv::Mat> makeImages(int n)
{
    std::vector<cv::Mat> out;
    cv::RNG rng(12345);
    for (int i = 0; i < n; ++i) {
        cv::Mat m(1200, 1600, CV_8UC3);
        rng.fill(m, cv::RNG::UNIFORM, cv::Scalar::all(40), cv::Scalar::all(220));
        cv::GaussianBlur(m, m, cv::Size(0, 0), 3);
        cv::rectangle(m, cv::Rect(200 + 50 * i, 300, 400, 200), cv::Scalar(250, 250, 250), cv::FILLED);
        out.push_back(m);
    }
    return out;
}

const char *kPipeline = R"({"steps": [
  {"type": "random_crop", "min_scale": 0.7, "max_scale": 1.0},
  {"type": "resize", "width": 224, "height": 224},
  {"type": "hflip"},
  {"type": "rotate", "max_degrees": 15, "probability": 1},
  {"type": "brightness", "max_delta": 0.1, "probability": 1},
  {"type": "contrast", "min": 0.8, "max": 1.2, "probability": 1},
  {"type": "normalize", "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225]}
]})";

/// The same six transforms and resize as kPipeline, as one would write them by hand: one loop,
/// OpenCV calls, no labels to carry along.
cv::Mat byHand(const cv::Mat &src, std::mt19937_64 &rng)
{
    std::uniform_real_distribution<double> u01(0.0, 1.0);
    const double s = 0.7 + 0.3 * u01(rng);
    const int w = int(std::lround(src.cols * s)), h = int(std::lround(src.rows * s));
    const int x = int(u01(rng) * (src.cols - w + 1)), y = int(u01(rng) * (src.rows - h + 1));
    cv::Mat img;
    cv::resize(src(cv::Rect(std::min(x, src.cols - w), std::min(y, src.rows - h), w, h)), img, cv::Size(kOut, kOut), 0,
               0, cv::INTER_AREA);
    if (u01(rng) < 0.5)
        cv::flip(img, img, 1);
    const double angle = -15 + 30 * u01(rng);
    const cv::Mat rot = cv::getRotationMatrix2D(cv::Point2f((kOut - 1) / 2.f, (kOut - 1) / 2.f), angle, 1.0);
    cv::warpAffine(img, img, rot, img.size(), cv::INTER_LINEAR, cv::BORDER_REFLECT);
    const double delta = (-0.1 + 0.2 * u01(rng)) * 255.0;
    img.convertTo(img, -1, 1.0, delta);
    const double factor = 0.8 + 0.4 * u01(rng);
    const cv::Scalar m = cv::mean(img);
    const double mean = (m[0] + m[1] + m[2]) / 3.0;
    img.convertTo(img, -1, factor, mean * (1 - factor));
    cv::cvtColor(img, img, cv::COLOR_BGR2RGB);
    cv::Mat f;
    img.convertTo(f, CV_32F, 1.0 / 255.0);
    cv::subtract(f, cv::Scalar(0.485, 0.456, 0.406), f);
    cv::divide(f, cv::Scalar(0.229, 0.224, 0.225), f);
    return f;
}

/// Runs `work(i)` for every image on `threads` threads; seconds taken.
template <typename Fn>
double timed(int images, int threads, Fn work)
{
    QElapsedTimer t;
    t.start();
    std::atomic<int> next{0};
    std::vector<std::thread> pool;
    for (int k = 0; k < threads; ++k)
        pool.emplace_back([&] {
            for (int i; (i = next.fetch_add(1)) < images;)
                work(i);
        });
    for (auto &th : pool)
        th.join();
    return double(t.nsecsElapsed()) / 1e9;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

void throughput(int images, int passes, int reps, int threads)
{
    const std::vector<cv::Mat> photos = makeImages(images);
    const Pipeline pipeline = Pipeline::fromJson(kPipeline);
    const int total = images * passes;
    std::vector<double> pipeRate, handRate, ratio;
    std::vector<cv::Mat> results(static_cast<std::size_t>(total)); // kept, so nothing is optimised away
    cv::Mat *out = results.data();
    for (int r = 0; r < reps; ++r) {
        auto runPipeline = [&] {
            return timed(total, threads, [&](int i) {
                out[i] = pipeline.apply(photos[std::size_t(i % images)], {}, quint64(r * total + i)).image;
            });
        };
        auto runHand = [&] {
            return timed(total, threads, [&](int i) {
                std::mt19937_64 rng(quint64(r * total + i));
                out[i] = byHand(photos[std::size_t(i % images)], rng);
            });
        };
        // Interleaved, alternating which goes first, so drift in the machine's load hits both.
        double tp, th;
        if (r % 2 == 0) {
            tp = runPipeline();
            th = runHand();
        } else {
            th = runHand();
            tp = runPipeline();
        }
        pipeRate.push_back(total / tp);
        handRate.push_back(total / th);
        ratio.push_back(th / tp);
    }
    std::printf("throughput, %d thread(s), %d images of 1600x1200 -> 224x224, %d repetitions:\n", threads, total, reps);
    std::printf("  pipeline    %7.1f images/s (median)\n", median(pipeRate));
    std::printf("  by hand     %7.1f images/s (median)\n", median(handRate));
    std::printf("  ratio       %7.3f (pipeline / by hand, median of per-repetition ratios; min %.3f, max %.3f)\n",
                median(ratio), *std::min_element(ratio.begin(), ratio.end()), *std::max_element(ratio.begin(), ratio.end()));
}

int latency(int reps)
{
    QTemporaryDir dir;
    cv::Mat m(512, 512, CV_8UC3);
    cv::RNG(7).fill(m, cv::RNG::UNIFORM, cv::Scalar::all(0), cv::Scalar::all(255));
    const QString path = dir.path() + QStringLiteral("/part.jpg");
    cv::imwrite(path.toStdString(), m);
    auto inspection = std::make_shared<Inspection>();
    Sample s;
    s.path = path;
    s.width = s.height = 512;
    Annotation a;
    a.classId = 0;
    a.box = QRectF(200, 200, 40, 30);
    s.objects = {a};
    inspection->dataset.samples = {s};
    inspection->dataset.classes = {QStringLiteral("defect")};
    inspection->stats = computeStats(inspection->dataset);

    AugmentPanel panel;
    panel.resize(1400, 900);
    panel.setPipeline(Pipeline::fromJson(kPipeline));
    QSignalSpy rendered(&panel, &AugmentPanel::rendered);
    panel.setVariantCount(16);
    panel.setInspection(inspection);
    panel.setImages({0});
    if (!rendered.wait(10000)) {
        std::fprintf(stderr, "the panel did not render\n");
        return 1;
    }
    QEventLoop idle;
    QTimer::singleShot(300, &idle, &QEventLoop::quit); // lets the advisor finish first
    idle.exec();
    std::vector<double> ms;
    for (int r = 0; r < reps; ++r) {
        rendered.clear();
        panel.setStepParameter(3, QStringLiteral("max_degrees"), 10.0 + r % 10);
        if (!rendered.wait(5000)) {
            std::fprintf(stderr, "no render after a change\n");
            return 1;
        }
        ms.push_back(rendered.at(0).at(1).toDouble());
    }
    std::sort(ms.begin(), ms.end());
    std::printf("panel re-render, 16 variants of a 512x512 image, change -> pictures delivered,"
                " %d changes:\n  median %.1f ms, p90 %.1f ms, max %.1f ms (goal <= 100 ms)\n",
                reps, ms[ms.size() / 2], ms[std::size_t(ms.size() * 9 / 10)], ms.back());
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption images(QStringLiteral("images"), QStringLiteral("distinct photos"), QStringLiteral("n"), QStringLiteral("16"));
    QCommandLineOption passes(QStringLiteral("passes"), QStringLiteral("passes over them per repetition"), QStringLiteral("n"), QStringLiteral("8"));
    QCommandLineOption reps(QStringLiteral("reps"), QStringLiteral("interleaved repetitions"), QStringLiteral("n"), QStringLiteral("7"));
    QCommandLineOption threads(QStringLiteral("threads"), QStringLiteral("worker threads, both sides"), QStringLiteral("n"), QStringLiteral("1,2"));
    parser.addOptions({images, passes, reps, threads});
    parser.process(app);

    // OpenCV's own threads off: both sides get exactly the workers given here.
    cv::setNumThreads(1);
    for (const QString &t : parser.value(threads).split(QLatin1Char(',')))
        throughput(parser.value(images).toInt(), parser.value(passes).toInt(), parser.value(reps).toInt(), t.toInt());
    cv::setNumThreads(-1);
    return latency(30);
}
