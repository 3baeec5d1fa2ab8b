// Tests for the header parser and the safe decode path: every supported format, and the bad
// input the design promises to survive (empty, garbage, truncated, bombs, odd layouts).
#include "imaging/ImageHeader.h"
#include "imaging/SafeDecoder.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <cmath>
#include <cstring>
#include <random>
#include <vector>

using namespace loupe;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(LOUPE_TEST_DATA "/images/") + name;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray encode(const char *ext, const cv::Mat &image, const std::vector<int> &params = {})
{
    std::vector<uchar> buf;
    if (!cv::imencode(ext, image, buf, params))
        return {};
    return QByteArray(reinterpret_cast<const char *>(buf.data()), qsizetype(buf.size()));
}

void putBe16(QByteArray &b, qsizetype at, unsigned v)
{
    b[at] = char(v >> 8);
    b[at + 1] = char(v);
}

void appendBe32(QByteArray &b, quint32 v)
{
    b.append(char(v >> 24)).append(char(v >> 16)).append(char(v >> 8)).append(char(v));
}

quint32 crc32(const QByteArray &data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (char c : data) {
        crc ^= quint8(c);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

QByteArray pngChunk(const char *type, const QByteArray &data)
{
    QByteArray out;
    appendBe32(out, quint32(data.size()));
    const QByteArray typed = QByteArray(type, 4) + data;
    out += typed;
    appendBe32(out, crc32(typed));
    return out;
}

// A PNG that is complete and well formed apart from what its IHDR claims.
QByteArray pngClaiming(quint32 width, quint32 height)
{
    QByteArray ihdr;
    appendBe32(ihdr, width);
    appendBe32(ihdr, height);
    ihdr.append(char(8)).append(char(2)).append(char(0)).append(char(0)).append(char(0));
    return QByteArray("\x89PNG\r\n\x1A\n", 8) + pngChunk("IHDR", ihdr)
        + pngChunk("IDAT", QByteArray::fromHex("789c030000000001")) + pngChunk("IEND", {});
}

// Offset of the first frame header (SOFn) in a JPEG, walking segments by length.
qsizetype sofOffset(const QByteArray &jpeg)
{
    qsizetype pos = 2;
    while (pos + 4 <= jpeg.size()) {
        const unsigned marker = quint8(jpeg[pos + 1]);
        const unsigned length = quint8(jpeg[pos + 2]) << 8 | quint8(jpeg[pos + 3]);
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
            return pos;
        pos += 2 + length;
    }
    return -1;
}

QByteArray appSegment(unsigned marker, const QByteArray &payload)
{
    QByteArray seg(4, '\0');
    seg[0] = char(0xFF);
    seg[1] = char(marker);
    putBe16(seg, 2, unsigned(payload.size() + 2));
    return seg + payload;
}

bool isEightBitGreyOrBgr(const cv::Mat &m)
{
    return m.type() == CV_8UC1 || m.type() == CV_8UC3;
}

} // namespace

class TestImaging : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_bigJpeg; // 1600×1200, made at runtime: too large to commit

private Q_SLOTS:
    void initTestCase();
    void headerMatchesDecode_data();
    void headerMatchesDecode();
    void largeAppSegmentsBeforeFrame();
    void tiffDirectoryAtEndOfLargeFile();
    void exifThumbnail();
    void topDownBmp();
    void badInput_data();
    void badInput();
    void badFiles();
    void sixteenBitPng();
    void greyAlphaPng();
    void palettePng();
    void cmykJpeg();
    void extremeAspect();
    void unicodePath();
    void reducedScale_data();
    void reducedScale();
    void smallImagesEveryScale_data();
    void smallImagesEveryScale();
    void pngSuiteSmallSizes();
    void corruptionNeverCrashes_data();
    void corruptionNeverCrashes();
};

void TestImaging::initTestCase()
{
    QVERIFY(m_dir.isValid());
    cv::Mat big(1200, 1600, CV_8UC3);
    cv::randu(big, 0, 255);
    big.rowRange(0, 600).setTo(cv::Scalar(30, 120, 220)); // half flat, half noise: a realistic size
    m_bigJpeg = m_dir.filePath(QStringLiteral("big.jpg"));
    QVERIFY(writeAll(m_bigJpeg, encode(".jpg", big, {cv::IMWRITE_JPEG_QUALITY, 90})));
}

void TestImaging::headerMatchesDecode_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("headerChannels");
    QTest::addColumn<int>("bitDepth");
    QTest::addColumn<int>("decodedChannels");

    QTest::newRow("jpeg") << "good.jpg" << "jpeg" << 64 << 48 << 3 << 8 << 3;
    QTest::newRow("png") << "good.png" << "png" << 33 << 17 << 3 << 8 << 3;
    QTest::newRow("bmp info header") << "good.bmp" << "bmp" << 33 << 17 << 3 << 8 << 3;
    QTest::newRow("bmp core header") << "good_core.bmp" << "bmp" << 21 << 13 << 3 << 8 << 3;
    QTest::newRow("tiff little-endian 16-bit") << "good.tif" << "tiff" << 37 << 21 << 1 << 16 << 1;
    QTest::newRow("tiff big-endian 16-bit") << "good_be.tif" << "tiff" << 37 << 21 << 1 << 16 << 1;
    QTest::newRow("webp lossy (VP8)") << "good.webp" << "webp" << 45 << 23 << 3 << 8 << 3;
    QTest::newRow("webp lossless (VP8L)") << "good_lossless.webp" << "webp" << 45 << 23 << 3 << 8 << 3;
    QTest::newRow("webp alpha (VP8X)") << "good_alpha.webp" << "webp" << 45 << 23 << 4 << 8 << 3;
    QTest::newRow("pgm with comments") << "good.pgm" << "pnm" << 31 << 19 << 1 << 8 << 1;
    QTest::newRow("ppm ascii 16-bit") << "good_ascii.ppm" << "pnm" << 23 << 9 << 3 << 16 << 3;
    QTest::newRow("pbm") << "good.pbm" << "pnm" << 23 << 9 << 1 << 1 << 1;
    QTest::newRow("exif thumbnail jpeg") << "exif_thumb.jpg" << "jpeg" << 96 << 64 << 3 << 8 << 3;
    QTest::newRow("cmyk jpeg") << "cmyk.jpg" << "jpeg" << 16 << 16 << 4 << 8 << 3;
    QTest::newRow("16-bit png") << "rgb16.png" << "png" << 3 << 2 << 3 << 16 << 3;
    QTest::newRow("grey+alpha png") << "grey_alpha.png" << "png" << 4 << 1 << 2 << 8 << 1;
    QTest::newRow("palette png") << "palette.png" << "png" << 4 << 2 << 3 << 8 << 3;
}

void TestImaging::headerMatchesDecode()
{
    QFETCH(QString, file);
    QFETCH(QString, format);
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(int, headerChannels);
    QFETCH(int, bitDepth);
    QFETCH(int, decodedChannels);

    QString reason;
    const auto header = readImageHeader(fixture(file), &reason);
    QVERIFY2(header, qPrintable(reason));
    QCOMPARE(header->format, format);
    QCOMPARE(header->width, width);
    QCOMPARE(header->height, height);
    QCOMPARE(header->channels, headerChannels);
    QCOMPARE(header->bitDepth, bitDepth);

    const QByteArray bytes = readAll(fixture(file));
    const auto fromMemory = parseImageHeader(bytes.constData(), std::size_t(bytes.size()), &reason);
    QVERIFY2(fromMemory, qPrintable(reason));
    QCOMPARE(fromMemory->width, width);
    QCOMPARE(fromMemory->height, height);

    const DecodeResult r = decodeImageFile(fixture(file));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.image.cols, width);
    QCOMPARE(r.image.rows, height);
    QCOMPARE(r.image.depth(), CV_8U);
    QCOMPARE(r.image.channels(), decodedChannels);
    QCOMPARE(r.header.width, width);
    QCOMPARE(r.header.format, format);
}

void TestImaging::largeAppSegmentsBeforeFrame()
{
    // Two full-size APP segments and a comment push the frame header past 128 KB, so
    // readImageHeader must follow segment lengths beyond its first 64 KB read.
    const QByteArray good = readAll(fixture(QStringLiteral("good.jpg")));
    QByteArray exif = QByteArray("Exif\0\0", 6) + QByteArray(65533 - 6, '\xD9');
    QByteArray jpeg = good.left(2) + appSegment(0xE1, exif) + appSegment(0xE2, QByteArray(65533, '\xFF'))
        + appSegment(0xFE, QByteArray("made by tst_imaging")) + good.mid(2);
    QVERIFY(sofOffset(jpeg) > 128 * 1024);
    const QString path = m_dir.filePath(QStringLiteral("big_exif.jpg"));
    QVERIFY(writeAll(path, jpeg));

    QString reason;
    const auto header = readImageHeader(path, &reason);
    QVERIFY2(header, qPrintable(reason));
    QCOMPARE(header->width, 64);
    QCOMPARE(header->height, 48);

    const DecodeResult r = decodeImageFile(path);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.image.cols, 64);
    QCOMPARE(r.image.rows, 48);

    // Cut inside the second APP segment: the header is not there yet.
    QVERIFY(!parseImageHeader(jpeg.constData(), 100000, &reason));
    QCOMPARE(reason, QStringLiteral("truncated header"));
}

void TestImaging::tiffDirectoryAtEndOfLargeFile()
{
    cv::Mat noise(256, 256, CV_8UC3);
    cv::randu(noise, 0, 255);
    const QByteArray tiff = encode(".tiff", noise);
    QVERIFY(tiff.size() > 64 * 1024);
    quint32 ifd = 0;
    const QByteArray order = tiff.left(2);
    for (int i = 0; i < 4; ++i) // the IFD offset, in the file's own byte order
        ifd |= quint32(quint8(tiff[4 + i])) << (order == "II" ? 8 * i : 8 * (3 - i));
    QVERIFY2(ifd > 64 * 1024, "libtiff is expected to write the directory after the pixels");

    const QString path = m_dir.filePath(QStringLiteral("noise.tif"));
    QVERIFY(writeAll(path, tiff));
    QString reason;
    const auto header = readImageHeader(path, &reason);
    QVERIFY2(header, qPrintable(reason));
    QCOMPARE(header->width, 256);
    QCOMPARE(header->height, 256);
    QCOMPARE(header->channels, 3);
    QVERIFY(decodeImageFile(path).ok());
}

void TestImaging::exifThumbnail()
{
    const QByteArray jpeg = readAll(fixture(QStringLiteral("exif_thumb.jpg")));
    QVERIFY(!jpeg.isEmpty());
    const qsizetype thumbEnd = jpeg.indexOf(QByteArray("\xFF\xD9")) + 2;
    QVERIFY(thumbEnd > 2 && thumbEnd < sofOffset(jpeg)); // the thumbnail's EOI comes before the frame

    // Cut right after the thumbnail: the main image's header is missing.
    const DecodeResult cutAtThumb = decodeImageBytes(jpeg.left(thumbEnd));
    QVERIFY(!cutAtThumb.ok());
    QVERIFY2(cutAtThumb.error.contains(QStringLiteral("truncated")), qPrintable(cutAtThumb.error));

    // Cut inside the main scan: a naive search for FFD9 would find the thumbnail's EOI.
    const QByteArray cutInScan = jpeg.left(sofOffset(jpeg) + (jpeg.size() - sofOffset(jpeg)) * 2 / 3);
    QVERIFY(cutInScan.contains(QByteArray("\xFF\xD9")));
    const DecodeResult r = decodeImageBytes(cutInScan);
    QVERIFY(!r.ok());
    QCOMPARE(r.error, QStringLiteral("truncated JPEG (no end-of-image marker)"));
    QCOMPARE(r.header.width, 96);

    // Trailing bytes after EOI are harmless.
    const DecodeResult trailing = decodeImageBytes(jpeg + QByteArray(100, '\x5A'));
    QVERIFY2(trailing.ok(), qPrintable(trailing.error));
}

void TestImaging::topDownBmp()
{
    QByteArray bmp = readAll(fixture(QStringLiteral("good.bmp")));
    QVERIFY(bmp.size() > 26);
    const qint32 height = -17; // negative height: rows stored top to bottom
    std::memcpy(bmp.data() + 22, &height, 4); // little-endian host, as BMP
    const auto header = parseImageHeader(bmp.constData(), std::size_t(bmp.size()));
    QVERIFY(header);
    QCOMPARE(header->height, 17);
    const DecodeResult r = decodeImageBytes(bmp);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.image.rows, 17);
    QCOMPARE(r.image.cols, 33);
}

void TestImaging::badInput_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason"); // the decode error must contain this

    const QByteArray jpeg = readAll(fixture(QStringLiteral("good.jpg")));
    const QByteArray png = readAll(fixture(QStringLiteral("good.png")));
    const QByteArray bmp = readAll(fixture(QStringLiteral("good.bmp")));
    const QString limit = QStringLiteral("above the limit of 268 megapixels");

    QTest::newRow("zero bytes") << QByteArray() << "empty file (0 bytes)";
    QTest::newRow("garbage") << QByteArray("this is a text file, not a picture\n") << "not an image (unrecognised signature)";
    QTest::newRow("one byte") << QByteArray("x") << "not an image (unrecognised signature)";
    QTest::newRow("signature only") << png.left(6) << "truncated header";
    QTest::newRow("png header cut") << png.left(20) << "truncated header";
    QTest::newRow("jpeg header cut") << jpeg.left(10) << "truncated header";
    QTest::newRow("jpeg cut at 60%") << jpeg.left(jpeg.size() * 6 / 10) << "truncated JPEG (no end-of-image marker)";
    QTest::newRow("jpeg without EOI") << jpeg.left(jpeg.size() - 2) << "truncated JPEG (no end-of-image marker)";
    QTest::newRow("png cut at 60%") << png.left(png.size() * 6 / 10) << "truncated PNG";
    QTest::newRow("png without IEND") << png.left(png.size() - 12) << "truncated PNG";
    QTest::newRow("bmp cut at 60%") << bmp.left(bmp.size() * 6 / 10) << "truncated BMP";
    QTest::newRow("png 200000x200000") << pngClaiming(200000, 200000)
                                       << QStringLiteral("image claims 200000×200000 pixels, ") + limit;
    QTest::newRow("png zero width") << pngClaiming(0, 10) << "zero width or height";
    QTest::newRow("png width beyond int") << pngClaiming(0x80000000u, 1) << "out of range";
    QTest::newRow("png aspect 1:200000") << pngClaiming(1, 200000) << "aspect ratio above the limit";

    QByteArray hugeJpeg = jpeg;
    const qsizetype sof = sofOffset(hugeJpeg);
    putBe16(hugeJpeg, sof + 5, 65000);
    putBe16(hugeJpeg, sof + 7, 65000);
    QTest::newRow("jpeg 65000x65000") << hugeJpeg << QStringLiteral("image claims 65000×65000 pixels, ") + limit;

    QByteArray zeroJpeg = jpeg;
    putBe16(zeroJpeg, sof + 5, 0);
    QTest::newRow("jpeg zero height") << zeroJpeg << "zero width or height";

    QByteArray badLength = jpeg;
    putBe16(badLength, 4, 1); // the first segment's length may not be below 2
    QTest::newRow("jpeg segment length 1") << badLength << "damaged JPEG";

    QTest::newRow("pnm without size") << QByteArray("P5\n# only a comment\n") << "truncated header";
    QTest::newRow("pnm huge number") << QByteArray("P5 99999999999999999999 1 255\n") << "damaged PNM";
    QTest::newRow("riff but not webp") << QByteArray("RIFF\x10\0\0\0WAVEfmt ", 16) << "not an image";
    // Two ImageWidth tags: libtiff uses the first (huge) one, so the parser must too.
    QByteArray dupTiff("II*\0\x08\0\0\0\x03\0", 10);
    const auto entry = [](unsigned tag, quint32 value) {
        QByteArray e(12, '\0');
        e[0] = char(tag); e[1] = char(tag >> 8); e[2] = 4; e[4] = 1; // LONG, count 1
        for (int i = 0; i < 4; ++i)
            e[8 + i] = char(value >> (8 * i));
        return e;
    };
    dupTiff += entry(256, 200000) + entry(256, 10) + entry(257, 200000) + QByteArray(4, '\0');
    QTest::newRow("tiff duplicate width tag") << dupTiff << QStringLiteral("image claims 200000×200000 pixels, ") + limit;
    QTest::newRow("tiff ifd beyond end") << QByteArray("II*\0\xFF\xFF\0\0", 8) << "truncated header";
}

void TestImaging::badInput()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    const DecodeResult r = decodeImageBytes(bytes);
    QVERIFY(!r.ok());
    QVERIFY(r.image.empty());
    QVERIFY2(r.error.contains(reason), qPrintable(r.error));
}

void TestImaging::badFiles()
{
    const QString empty = m_dir.filePath(QStringLiteral("empty.png"));
    QVERIFY(writeAll(empty, {}));
    QString reason;
    QVERIFY(!readImageHeader(empty, &reason));
    QCOMPARE(reason, QStringLiteral("empty file (0 bytes)"));
    QCOMPARE(decodeImageFile(empty).error, QStringLiteral("empty file (0 bytes)"));

    QVERIFY(!decodeImageFile(m_dir.filePath(QStringLiteral("missing.png"))).ok());
    QVERIFY(!decodeImageFile(m_dir.path()).ok()); // a directory
    QVERIFY(!readImageHeader(m_dir.path(), &reason));
    QVERIFY(!readImageHeader(m_dir.filePath(QStringLiteral("missing.png")), &reason));
    QVERIFY(!reason.isEmpty());

    DecodeOptions small;
    small.limits.maxFileBytes = 100;
    const DecodeResult tooBig = decodeImageFile(fixture(QStringLiteral("good.bmp")), small);
    QVERIFY(!tooBig.ok());
    QVERIFY2(tooBig.error.contains(QStringLiteral("above the limit")), qPrintable(tooBig.error));

    // The pixel limit is configurable and checked before decoding.
    DecodeOptions tight;
    tight.limits.maxPixels = 1000;
    const DecodeResult refused = decodeImageFile(fixture(QStringLiteral("good.jpg")), tight);
    QCOMPARE(refused.error, QStringLiteral("image claims 64×48 pixels, above the limit of 0.001 megapixels"));
}

void TestImaging::sixteenBitPng()
{
    const DecodeResult r = decodeImageFile(fixture(QStringLiteral("rgb16.png")));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.header.bitDepth, 16);
    QCOMPARE(r.image.type(), CV_8UC3);
    // Written as RGB (0,0,0), (10,100,200), (255,128,1) times 257; OpenCV gives BGR.
    QCOMPARE(r.image.at<cv::Vec3b>(0, 0), cv::Vec3b(0, 0, 0));
    QCOMPARE(r.image.at<cv::Vec3b>(1, 1), cv::Vec3b(200, 100, 10));
    QCOMPARE(r.image.at<cv::Vec3b>(0, 2), cv::Vec3b(1, 128, 255));
}

void TestImaging::greyAlphaPng()
{
    const DecodeResult r = decodeImageFile(fixture(QStringLiteral("grey_alpha.png")));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.image.type(), CV_8UC1);
    const uchar expected[] = {0, 90, 200, 255}; // alpha dropped, not blended
    for (int x = 0; x < 4; ++x)
        QCOMPARE(r.image.at<uchar>(0, x), expected[x]);
}

void TestImaging::palettePng()
{
    const DecodeResult r = decodeImageFile(fixture(QStringLiteral("palette.png")));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.image.type(), CV_8UC3);
    const cv::Vec3b red(0, 0, 255), green(0, 255, 0), blue(255, 0, 0), white(255, 255, 255);
    QCOMPARE(r.image.at<cv::Vec3b>(0, 0), red);
    QCOMPARE(r.image.at<cv::Vec3b>(0, 1), green);
    QCOMPARE(r.image.at<cv::Vec3b>(0, 2), blue);
    QCOMPARE(r.image.at<cv::Vec3b>(0, 3), white);
    QCOMPARE(r.image.at<cv::Vec3b>(1, 0), white);
}

void TestImaging::cmykJpeg()
{
    const DecodeResult r = decodeImageFile(fixture(QStringLiteral("cmyk.jpg")));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.header.channels, 4);
    QCOMPARE(r.image.type(), CV_8UC3);
    // Filled with rgb(200,40,40); JPEG and the CMYK round trip allow a little drift.
    const cv::Vec3b px = r.image.at<cv::Vec3b>(8, 8);
    QVERIFY2(std::abs(px[0] - 40) <= 12 && std::abs(px[1] - 40) <= 12 && std::abs(px[2] - 200) <= 12,
             qPrintable(QStringLiteral("BGR %1,%2,%3").arg(px[0]).arg(px[1]).arg(px[2])));
}

void TestImaging::extremeAspect()
{
    cv::Mat wide(1, 4000, CV_8UC3, cv::Scalar(10, 20, 30));
    const DecodeResult png = decodeImageBytes(encode(".png", wide));
    QVERIFY2(png.ok(), qPrintable(png.error));
    QCOMPARE(png.image.cols, 4000);
    QCOMPARE(png.image.rows, 1);

    const DecodeResult tall = decodeImageBytes(encode(".jpg", cv::Mat(4000, 1, CV_8UC1, cv::Scalar(99))));
    QVERIFY2(tall.ok(), qPrintable(tall.error));
    QCOMPARE(tall.image.rows, 4000);
    QCOMPARE(tall.image.type(), CV_8UC1);

    DecodeOptions strict;
    strict.limits.maxAspect = 100.0;
    const DecodeResult refused = decodeImageBytes(encode(".png", wide), strict);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error.contains(QStringLiteral("aspect ratio")), qPrintable(refused.error));
}

void TestImaging::unicodePath()
{
    const QString path = m_dir.filePath(QStringLiteral("bild ä 1.png"));
    QVERIFY(QFile::copy(fixture(QStringLiteral("good.png")), path));
    QString reason;
    const auto header = readImageHeader(path, &reason);
    QVERIFY2(header, qPrintable(reason));
    QCOMPARE(header->width, 33);
    const DecodeResult r = decodeImageFile(path);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.image.cols, 33);
    QCOMPARE(r.image.rows, 17);
}

void TestImaging::reducedScale_data()
{
    QTest::addColumn<int>("scale");
    QTest::addColumn<bool>("grey");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::newRow("full") << int(DecodeScale::Full) << false << 1600 << 1200;
    QTest::newRow("full grey") << int(DecodeScale::Full) << true << 1600 << 1200;
    QTest::newRow("half") << int(DecodeScale::Half) << false << 800 << 600;
    QTest::newRow("quarter grey") << int(DecodeScale::Quarter) << true << 400 << 300;
    QTest::newRow("eighth") << int(DecodeScale::Eighth) << false << 200 << 150;
    QTest::newRow("eighth grey") << int(DecodeScale::Eighth) << true << 200 << 150;
}

void TestImaging::reducedScale()
{
    QFETCH(int, scale);
    QFETCH(bool, grey);
    QFETCH(int, width);
    QFETCH(int, height);
    DecodeOptions options;
    options.scale = DecodeScale(scale);
    options.grey = grey;
    const DecodeResult r = decodeImageFile(m_bigJpeg, options);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.image.cols, width);
    QCOMPARE(r.image.rows, height);
    QCOMPARE(r.image.type(), grey ? CV_8UC1 : CV_8UC3);
    QCOMPARE(r.header.width, 1600); // the header always describes the file
    QCOMPARE(r.header.height, 1200);
}

void TestImaging::smallImagesEveryScale_data()
{
    QTest::addColumn<QString>("ext");
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("greySource");
    QTest::addColumn<int>("tolerance"); // grey levels a lossy codec may move a flat colour
    QTest::newRow("png") << ".png" << "png" << false << 0;
    QTest::newRow("png grey") << ".png" << "png" << true << 0;
    QTest::newRow("jpeg") << ".jpg" << "jpeg" << false << 8;
    QTest::newRow("jpeg grey") << ".jpg" << "jpeg" << true << 8;
    QTest::newRow("bmp") << ".bmp" << "bmp" << false << 0;
    QTest::newRow("tiff") << ".tif" << "tiff" << false << 0;
    QTest::newRow("webp") << ".webp" << "webp" << false << 0; // OpenCV writes lossless WebP by default
    QTest::newRow("ppm") << ".ppm" << "pnm" << false << 0;
    QTest::newRow("pgm") << ".pgm" << "pnm" << true << 0;
}

void TestImaging::smallImagesEveryScale()
{
    // A reduced decode of a PNG under 8 px on a side used to fail ("inv_scale_x > 0"): OpenCV
    // resized it to floor(size / 8) = 0. Every format, every scale, every size from 1×1 up.
    QFETCH(QString, ext);
    QFETCH(QString, format);
    QFETCH(bool, greySource);
    QFETCH(int, tolerance);
    const cv::Scalar bgr(40, 120, 200);
    const double greyOfBgr = 0.114 * 40 + 0.587 * 120 + 0.299 * 200; // 134.8, as cvtColor weighs it
    const double greyFill = 150;

    std::vector<std::pair<int, int>> sizes;
    for (int w : {1, 2, 3, 5, 7, 8, 9, 15, 16, 17})
        for (int h : {1, 2, 3, 5, 7, 8, 9, 15, 16, 17})
            sizes.push_back({w, h});
    for (const auto &wh : {std::pair{1000, 7}, std::pair{7, 1000}, std::pair{1000, 1}, std::pair{1, 1000},
                           std::pair{16, 4}, std::pair{4, 16}})
        sizes.push_back(wh);

    for (const auto &[w, h] : sizes) {
        const cv::Mat source = greySource ? cv::Mat(h, w, CV_8UC1, cv::Scalar(greyFill)) : cv::Mat(h, w, CV_8UC3, bgr);
        const QByteArray bytes = encode(ext.toLatin1().constData(), source);
        QVERIFY2(!bytes.isEmpty(), qPrintable(QStringLiteral("OpenCV cannot write %1 at %2×%3").arg(ext).arg(w).arg(h)));
        for (const DecodeScale scale : {DecodeScale::Full, DecodeScale::Half, DecodeScale::Quarter, DecodeScale::Eighth}) {
            for (const bool grey : {false, true}) {
                const QString where = QStringLiteral("%1×%2 %3 at 1/%4%5")
                                          .arg(w)
                                          .arg(h)
                                          .arg(ext)
                                          .arg(int(scale))
                                          .arg(grey ? QStringLiteral(" grey") : QString());
                DecodeOptions options;
                options.scale = scale;
                options.grey = grey;
                const DecodeResult r = decodeImageBytes(bytes, options);
                QVERIFY2(r.ok(), qPrintable(where + QStringLiteral(": ") + r.error));
                QCOMPARE(r.header.format, format);
                QCOMPARE(r.header.width, w);
                QCOMPARE(r.header.height, h);
                const int f = int(scale);
                QVERIFY2(r.image.cols == (w + f - 1) / f && r.image.rows == (h + f - 1) / f,
                         qPrintable(where + QStringLiteral(": decoded %1×%2").arg(r.image.cols).arg(r.image.rows)));
                QVERIFY2(isEightBitGreyOrBgr(r.image), qPrintable(where));
                if (grey)
                    QVERIFY2(r.image.channels() == 1, qPrintable(where));
                // The pixels are the picture's, not a grey fill or garbage.
                const cv::Scalar mean = cv::mean(r.image);
                if (r.image.channels() == 1) {
                    const double expected = greySource ? greyFill : greyOfBgr;
                    QVERIFY2(std::abs(mean[0] - expected) <= tolerance + 1.5,
                             qPrintable(where + QStringLiteral(": mean %1, expected %2").arg(mean[0]).arg(expected)));
                } else {
                    for (int c = 0; c < 3; ++c) {
                        const double expected = greySource ? greyFill : bgr[c];
                        QVERIFY2(std::abs(mean[c] - expected) <= tolerance + 0.5,
                                 qPrintable(where + QStringLiteral(": channel %1 mean %2, expected %3")
                                                        .arg(c)
                                                        .arg(mean[c])
                                                        .arg(expected)));
                    }
                }
            }
        }
    }
}

void TestImaging::pngSuiteSmallSizes()
{
    // PngSuite's size tests (palette images 1×1 to 9×9, plain and Adam7-interlaced), as real
    // encoders wrote them: each decodes at every scale to the rounded-up size.
    const QDir dir(QStringLiteral(LOUPE_TEST_DATA "/small/pngsuite"));
    const QStringList files = dir.entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name);
    QCOMPARE(files.size(), 12);
    for (const QString &file : files) {
        const int side = file.mid(1, 2).toInt(); // sNN...: NN×NN pixels
        for (const DecodeScale scale : {DecodeScale::Full, DecodeScale::Half, DecodeScale::Quarter, DecodeScale::Eighth}) {
            DecodeOptions options;
            options.scale = scale;
            const DecodeResult r = decodeImageFile(dir.filePath(file), options);
            QVERIFY2(r.ok(), qPrintable(QStringLiteral("%1 at 1/%2: %3").arg(file).arg(int(scale)).arg(r.error)));
            const int expected = (side + int(scale) - 1) / int(scale);
            QCOMPARE(r.image.cols, expected);
            QCOMPARE(r.image.rows, expected);
            QCOMPARE(r.image.type(), CV_8UC3);
        }
    }
    // s07n3p02.png at full size, pixels as an independent decode of its palette gives them (RGB).
    const DecodeResult full = decodeImageFile(dir.filePath(QStringLiteral("s07n3p02.png")));
    QVERIFY2(full.ok(), qPrintable(full.error));
    QCOMPARE(full.image.at<cv::Vec3b>(0, 0), cv::Vec3b(255, 0, 0));   // RGB 0, 0, 255
    QCOMPARE(full.image.at<cv::Vec3b>(1, 1), cv::Vec3b(119, 255, 0)); // RGB 0, 255, 119
    QCOMPARE(full.image.at<cv::Vec3b>(3, 3), cv::Vec3b(119, 0, 255)); // RGB 255, 0, 119
}

void TestImaging::corruptionNeverCrashes_data()
{
    QTest::addColumn<QString>("file");
    for (const char *name : {"good.jpg", "good.png", "exif_thumb.jpg", "good.bmp", "good.tif", "good.webp",
                             "good_lossless.webp", "good.pgm", "palette.png", "cmyk.jpg"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestImaging::corruptionNeverCrashes()
{
    QFETCH(QString, file);
    const QByteArray good = readAll(fixture(file));
    QVERIFY(!good.isEmpty());
    std::mt19937 rng(20240601u); // fixed seed: failures reproduce
    int decoded = 0;
    for (int i = 0; i < 200; ++i) {
        QByteArray bytes = good;
        const int mode = i % 3; // truncate, flip bytes, or both
        if (mode != 1)
            bytes.truncate(qsizetype(rng() % quint32(bytes.size())));
        if (mode != 0 && !bytes.isEmpty()) {
            const int flips = 1 + int(rng() % 8);
            for (int k = 0; k < flips; ++k)
                bytes[qsizetype(rng() % quint32(bytes.size()))] = char(rng());
        }
        for (const DecodeScale scale : {DecodeScale::Full, DecodeScale::Eighth}) {
            DecodeOptions options;
            options.scale = scale;
            try {
                (void)parseImageHeader(bytes.constData(), std::size_t(bytes.size()));
                const DecodeResult r = decodeImageBytes(bytes, options);
                QVERIFY2(r.ok() || !r.error.isEmpty(), qPrintable(QStringLiteral("iteration %1").arg(i)));
                if (r.ok()) {
                    QVERIFY(isEightBitGreyOrBgr(r.image));
                    ++decoded;
                } else {
                    QVERIFY(r.image.empty());
                }
            } catch (...) {
                QFAIL(qPrintable(QStringLiteral("exception escaped at iteration %1").arg(i)));
            }
        }
    }
    qDebug("%s: %d of 400 corrupted decodes still produced an image", qPrintable(file), decoded);
}

QTEST_GUILESS_MAIN(TestImaging)
#include "tst_imaging.moc"
