#include "SafeDecoder.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <climits>
#include <cstring>
#include <exception>
#include <new>

namespace loupe {

namespace {

QString truncatedJpeg()
{
    return QCoreApplication::translate("loupe::SafeDecoder", "truncated JPEG (no end-of-image marker)");
}

quint32 be32(const unsigned char *p)
{
    return quint32(p[0]) << 24 | quint32(p[1]) << 16 | quint32(p[2]) << 8 | p[3];
}

// OpenCV (libjpeg) fills a cut-off JPEG with grey and reports success, so the structure is walked
// first: segments by their length (an EXIF thumbnail's own EOI sits inside APP1 and must not
// count), then each scan's entropy-coded data up to the next marker, until EOI.
QString checkJpeg(const unsigned char *d, qint64 n)
{
    qint64 pos = 2;
    for (;;) {
        // Stray bytes between segments are tolerated by libjpeg, so only look for the next marker.
        const void *ff = pos < n ? std::memchr(d + pos, 0xFF, std::size_t(n - pos)) : nullptr;
        if (!ff)
            return truncatedJpeg();
        pos = static_cast<const unsigned char *>(ff) - d;
        while (pos < n && d[pos] == 0xFF)
            ++pos;
        if (pos >= n)
            return truncatedJpeg();
        const unsigned marker = d[pos++];
        if (marker == 0xD9)
            return QString();
        if (marker == 0x00 || marker == 0x01 || marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7))
            continue; // no length field
        if (n - pos < 2)
            return truncatedJpeg();
        const qint64 length = qint64(d[pos]) << 8 | d[pos + 1];
        if (length < 2)
            return QCoreApplication::translate("loupe::SafeDecoder", "damaged JPEG (invalid segment length)");
        if (length > n - pos)
            return truncatedJpeg();
        pos += length;
        if (marker != 0xDA)
            continue;
        // Entropy-coded data: 0xFF00 is a stuffed byte and RSTn sits inside the scan; any other
        // marker (EOI, DHT, the next progressive SOS) ends it and is handled by the outer loop.
        for (;;) {
            const void *next = pos < n ? std::memchr(d + pos, 0xFF, std::size_t(n - pos)) : nullptr;
            if (!next)
                return truncatedJpeg();
            pos = static_cast<const unsigned char *>(next) - d;
            qint64 after = pos + 1;
            while (after < n && d[after] == 0xFF)
                ++after;
            if (after >= n)
                return truncatedJpeg();
            const unsigned code = d[after];
            if (code == 0x00 || (code >= 0xD0 && code <= 0xD7)) {
                pos = after + 1;
                continue;
            }
            pos = after - 1; // the outer loop reads the marker from its 0xFF
            break;
        }
    }
}

// libpng stops with an error on most truncations, but a file cut between IDAT chunks can still
// decode partially, so the chunk list must reach IEND.
QString checkPng(const unsigned char *d, qint64 n)
{
    qint64 pos = 8;
    for (;;) {
        if (n - pos < 8)
            return QCoreApplication::translate("loupe::SafeDecoder", "truncated PNG (no IEND chunk)");
        const qint64 length = be32(d + pos);
        if (length > 0x7FFFFFFF)
            return QCoreApplication::translate("loupe::SafeDecoder", "damaged PNG (invalid chunk length)");
        if (n - pos - 12 < length)
            return QCoreApplication::translate("loupe::SafeDecoder", "truncated PNG (no IEND chunk)");
        if (std::memcmp(d + pos + 4, "IEND", 4) == 0)
            return QString();
        pos += 12 + length;
    }
}

// Uncompressed BMP pixel data has a known size; a short file would decode with missing rows.
QString checkBmp(const unsigned char *d, qint64 n, const ImageHeader &h)
{
    if (n < 34)
        return QString(); // the header parse already covered the fields it needs
    const quint32 dibSize = quint32(d[14]) | quint32(d[15]) << 8 | quint32(d[16]) << 16 | quint32(d[17]) << 24;
    const qint64 dataOffset = qint64(d[10]) | qint64(d[11]) << 8 | qint64(d[12]) << 16 | qint64(d[13]) << 24;
    qint64 bpp = 0;
    quint32 compression = 0;
    if (dibSize == 12) {
        bpp = qint64(d[24]) | qint64(d[25]) << 8;
    } else {
        bpp = qint64(d[28]) | qint64(d[29]) << 8;
        compression = quint32(d[30]) | quint32(d[31]) << 8 | quint32(d[32]) << 16 | quint32(d[33]) << 24;
    }
    if (compression != 0 && compression != 3)
        return QString(); // RLE sizes are not known up front
    const qint64 rowBytes = (qint64(h.width) * bpp + 31) / 32 * 4;
    if (rowBytes <= 0 || dataOffset > n || qint64(h.height) > (n - dataOffset) / rowBytes)
        return QCoreApplication::translate("loupe::SafeDecoder", "truncated BMP (pixel data shorter than the header says)");
    return QString();
}

// Only libjpeg scales while decoding (in the DCT, rounding sizes up). OpenCV decodes every other
// format in full and then resizes to floor(size / scale), which is 0 for an image narrower or
// shorter than the scale ("inv_scale_x > 0"): those are decoded in full and reduced here instead.
bool scalesWhileDecoding(const ImageHeader &header)
{
    return header.format == QLatin1String("jpeg");
}

int decodeFlags(const DecodeOptions &options, const ImageHeader &header)
{
    if (options.scale != DecodeScale::Full && !scalesWhileDecoding(header))
        return (options.grey ? cv::IMREAD_GRAYSCALE : cv::IMREAD_COLOR) | cv::IMREAD_IGNORE_ORIENTATION;
    // Orientation is never applied: every mode then agrees with the header's width and height.
    switch (options.scale) {
    case DecodeScale::Half:
        return (options.grey ? cv::IMREAD_REDUCED_GRAYSCALE_2 : cv::IMREAD_REDUCED_COLOR_2) | cv::IMREAD_IGNORE_ORIENTATION;
    case DecodeScale::Quarter:
        return (options.grey ? cv::IMREAD_REDUCED_GRAYSCALE_4 : cv::IMREAD_REDUCED_COLOR_4) | cv::IMREAD_IGNORE_ORIENTATION;
    case DecodeScale::Eighth:
        return (options.grey ? cv::IMREAD_REDUCED_GRAYSCALE_8 : cv::IMREAD_REDUCED_COLOR_8) | cv::IMREAD_IGNORE_ORIENTATION;
    case DecodeScale::Full:
        break;
    }
    return options.grey ? (cv::IMREAD_GRAYSCALE | cv::IMREAD_IGNORE_ORIENTATION) : cv::IMREAD_UNCHANGED;
}

// Brings whatever the codec returned to 8-bit grey or BGR. A PNG whose header says grey stays
// grey: OpenCV hands grey+alpha (and grey with tRNS) back as BGRA.
QString normalise(cv::Mat &image, const ImageHeader &header)
{
    switch (image.depth()) {
    case CV_8U:
        break;
    case CV_16U:
        image.convertTo(image, CV_8U, 1.0 / 257.0);
        break;
    case CV_32F:
    case CV_64F:
        image.convertTo(image, CV_8U, 255.0); // float images are 0..1; convertTo saturates
        break;
    default:
        image.convertTo(image, CV_8U); // saturating: signed or 32-bit integers clamp to 0..255
        break;
    }
    switch (image.channels()) {
    case 1:
    case 3:
        break;
    case 2: {
        cv::Mat grey;
        cv::extractChannel(image, grey, 0);
        image = grey;
        break;
    }
    case 4:
        cv::cvtColor(image, image, cv::COLOR_BGRA2BGR);
        break;
    default:
        return QCoreApplication::translate("loupe::SafeDecoder", "unsupported number of channels (%1)").arg(image.channels());
    }
    if (image.channels() == 3 && header.format == QLatin1String("png") && header.channels <= 2)
        cv::cvtColor(image, image, cv::COLOR_BGR2GRAY);
    return QString();
}

DecodeResult failed(DecodeResult result, const QString &reason)
{
    result.image.release();
    result.error = reason;
    return result;
}

} // namespace

DecodeResult decodeImageBytes(const QByteArray &bytes, const DecodeOptions &options)
{
    DecodeResult result;
    QString reason;
    const auto header = parseImageHeader(bytes.constData(), std::size_t(bytes.size()), &reason);
    if (!header)
        return failed(result, reason);
    result.header = *header;

    const DecodeLimits &limits = options.limits;
    const qint64 pixels = qint64(header->width) * header->height;
    if (pixels > limits.maxPixels)
        return failed(result, QCoreApplication::translate("loupe::SafeDecoder", "image claims %1×%2 pixels, above the limit of %3 megapixels")
                                  .arg(header->width)
                                  .arg(header->height)
                                  .arg(QString::number(double(limits.maxPixels) / 1e6, 'g', 3)));
    const double aspect = double(std::max(header->width, header->height)) / std::min(header->width, header->height);
    if (aspect > limits.maxAspect)
        return failed(result, QCoreApplication::translate("loupe::SafeDecoder", "image is %1×%2 pixels, an aspect ratio above the limit of %3:1")
                                  .arg(header->width)
                                  .arg(header->height)
                                  .arg(limits.maxAspect));

    const auto *d = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qint64 n = bytes.size();
    if (header->format == QLatin1String("jpeg"))
        reason = checkJpeg(d, n);
    else if (header->format == QLatin1String("png"))
        reason = checkPng(d, n);
    else if (header->format == QLatin1String("bmp"))
        reason = checkBmp(d, n, *header);
    if (!reason.isEmpty())
        return failed(result, reason);

    try {
        if (n > INT_MAX)
            return failed(result, QCoreApplication::translate("loupe::SafeDecoder", "file too large to decode"));
        // Wraps the bytes without copying; imdecode only reads them.
        const cv::Mat encoded(1, int(n), CV_8UC1, const_cast<char *>(bytes.constData()));
        const int flags = decodeFlags(options, *header);
        cv::Mat image = cv::imdecode(encoded, flags);
        // OpenCV 4.6 decodes core-header (OS/2) BMPs to grey under IMREAD_UNCHANGED; ask for colour.
        if (flags == cv::IMREAD_UNCHANGED && header->channels >= 3 && !image.empty() && image.channels() == 1)
            image = cv::imdecode(encoded, cv::IMREAD_COLOR | cv::IMREAD_IGNORE_ORIENTATION);
        if (image.empty())
            return failed(result, QCoreApplication::translate("loupe::SafeDecoder", "not a decodable image (the %1 decoder rejected the data)").arg(header->format.toUpper()));
        reason = normalise(image, *header);
        if (!reason.isEmpty())
            return failed(result, reason);
        const int factor = int(options.scale);
        if (factor > 1 && !scalesWhileDecoding(*header)) {
            // Rounded up as libjpeg does, so a 7×7 PNG at 1/8 is 1×1 like a 7×7 JPEG, never 0×0.
            const cv::Size reduced((image.cols + factor - 1) / factor, (image.rows + factor - 1) / factor);
            cv::resize(image, image, reduced, 0, 0, cv::INTER_AREA);
        }
        result.image = image;
    } catch (const cv::Exception &e) {
        return failed(result, QCoreApplication::translate("loupe::SafeDecoder", "decoder error: %1").arg(QString::fromStdString(e.err)));
    } catch (const std::bad_alloc &) {
        return failed(result, QCoreApplication::translate("loupe::SafeDecoder", "out of memory while decoding"));
    } catch (const std::exception &e) {
        return failed(result, QCoreApplication::translate("loupe::SafeDecoder", "decoder error: %1").arg(QString::fromLocal8Bit(e.what())));
    } catch (...) {
        return failed(result, QCoreApplication::translate("loupe::SafeDecoder", "decoder error"));
    }
    return result;
}

DecodeResult decodeImageFile(const QString &path, const DecodeOptions &options)
{
    DecodeResult result;
    const QFileInfo info(path);
    if (!info.exists())
        return failed(result, QCoreApplication::translate("loupe::SafeDecoder", "file not found"));
    if (!info.isFile())
        return failed(result, QCoreApplication::translate("loupe::SafeDecoder", "not a regular file"));
    if (info.size() > options.limits.maxFileBytes)
        return failed(result, QCoreApplication::translate("loupe::SafeDecoder", "file is %1 MB, above the limit of %2 MB")
                                  .arg(info.size() / (1024 * 1024))
                                  .arg(options.limits.maxFileBytes / (1024 * 1024)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failed(result, QCoreApplication::translate("loupe::SafeDecoder", "cannot open file: %1").arg(file.errorString()));
    QByteArray bytes;
    try {
        bytes = file.readAll();
    } catch (const std::bad_alloc &) {
        return failed(result, QCoreApplication::translate("loupe::SafeDecoder", "out of memory while reading the file"));
    }
    if (bytes.isEmpty() && file.error() != QFileDevice::NoError)
        return failed(result, QCoreApplication::translate("loupe::SafeDecoder", "cannot read file: %1").arg(file.errorString()));
    return decodeImageBytes(bytes, options);
}

} // namespace loupe
