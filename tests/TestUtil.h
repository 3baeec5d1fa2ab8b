#pragma once

// Small helpers for tests that build datasets on disk.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

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

/// Writes an image of the given size filled with `value` (plus a diagonal so JPEGs differ), encoded by extension.
inline void writeImage(const QString &path, int width, int height, int value = 128, int channels = 3)
{
    cv::Mat m(height, width, channels == 3 ? CV_8UC3 : CV_8UC1, cv::Scalar::all(value));
    for (int i = 0; i < std::min(width, height); ++i)
        m.at<uchar>(i, i * channels) = uchar(255 - value);
    std::vector<uchar> buf;
    const QString ext = QLatin1Char('.') + QFileInfo(path).suffix();
    cv::imencode(ext.toStdString(), m, buf);
    writeBytes(path, QByteArray(reinterpret_cast<const char *>(buf.data()), int(buf.size())));
}

} // namespace loupe::test
