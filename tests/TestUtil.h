#pragma once

// Small helpers for tests that build datasets on disk and run loupe-cli.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QString>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace loupe::test {

/// Writes bytes to a file, creating its folder.
inline void writeBytes(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(bytes);
}

/// Writes an image encoded by the path's extension, creating its folder.
inline void writeMat(const QString &path, const cv::Mat &image)
{
    std::vector<uchar> buf;
    const QString ext = QLatin1Char('.') + QFileInfo(path).suffix();
    cv::imencode(ext.toStdString(), image, buf);
    writeBytes(path, QByteArray(reinterpret_cast<const char *>(buf.data()), int(buf.size())));
}

/// Writes an image of the given size filled with `value` (plus a diagonal so JPEGs differ), encoded by extension.
inline void writeImage(const QString &path, int width, int height, int value = 128, int channels = 3)
{
    cv::Mat m(height, width, channels == 3 ? CV_8UC3 : CV_8UC1, cv::Scalar::all(value));
    for (int i = 0; i < std::min(width, height); ++i)
        m.at<uchar>(i, i * channels) = uchar(255 - value);
    writeMat(path, m);
}

/// Two classes a small network tells apart quickly, as class folders `disc/` and `bar/` of PNGs:
/// a bright disc or a bright bar on noise, centred within +-jitter pixels. Fixed by the seed.
inline void writeShapes(const QString &root, int perClass, int size, int seed, int jitter)
{
    cv::RNG rng{static_cast<uint64>(seed)};
    for (int i = 0; i < perClass; ++i) {
        for (int cls = 0; cls < 2; ++cls) {
            cv::Mat m(size, size, CV_8UC3);
            rng.fill(m, cv::RNG::UNIFORM, 0, 60);
            const cv::Point c(size / 2 + rng.uniform(-jitter, jitter + 1), size / 2 + rng.uniform(-jitter, jitter + 1));
            if (cls == 0)
                cv::circle(m, c, size / 4, cv::Scalar(230, 230, 230), cv::FILLED);
            else
                cv::rectangle(m, cv::Rect(c.x - size / 3, c.y - 2, 2 * size / 3, 4), cv::Scalar(230, 230, 230),
                              cv::FILLED);
            writeMat(QStringLiteral("%1/%2/%3.png").arg(root, cls == 0 ? QStringLiteral("disc") : QStringLiteral("bar")).arg(i),
                     m);
        }
    }
}

/// One run of the built loupe-cli (tests that define LOUPE_CLI): its exit code (-1 when it
/// crashed), stdout and stderr.
struct CliRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

#ifdef LOUPE_CLI
inline CliRun runCli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(LOUPE_CLI), args);
    if (!p.waitForFinished(120000))
        qFatal("loupe-cli %s did not finish", qPrintable(args.join(QLatin1Char(' '))));
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}
#endif

} // namespace loupe::test
