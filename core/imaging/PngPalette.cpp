#include "imaging/PngPalette.h"

#include <QCoreApplication>

#include <zlib.h>

#include <cstdlib>
#include <cstring>

namespace loupe {

namespace {

quint32 be32(const unsigned char *p)
{
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
}

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::PngPalette)
};

int paeth(int a, int b, int c)
{
    const int p = a + b - c;
    const int pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
    if (pa <= pb && pa <= pc)
        return a;
    return pb <= pc ? b : c;
}

// Undoes the PNG filters of one (sub-)image in place; the filter unit is one byte for palette images.
bool unfilter(unsigned char *data, int rows, std::size_t rowBytes)
{
    const unsigned char *prior = nullptr;
    for (int y = 0; y < rows; ++y) {
        unsigned char *line = data + std::size_t(y) * (rowBytes + 1);
        const int filter = line[0];
        unsigned char *row = line + 1;
        for (std::size_t x = 0; x < rowBytes; ++x) {
            const int a = x > 0 ? row[x - 1] : 0;
            const int b = prior ? prior[x] : 0;
            const int c = prior && x > 0 ? prior[x - 1] : 0;
            switch (filter) {
            case 0:
                break;
            case 1:
                row[x] = static_cast<unsigned char>(row[x] + a);
                break;
            case 2:
                row[x] = static_cast<unsigned char>(row[x] + b);
                break;
            case 3:
                row[x] = static_cast<unsigned char>(row[x] + ((a + b) >> 1));
                break;
            case 4:
                row[x] = static_cast<unsigned char>(row[x] + paeth(a, b, c));
                break;
            default:
                return false;
            }
        }
        prior = row;
    }
    return true;
}

int sample(const unsigned char *row, int x, int bitDepth)
{
    if (bitDepth == 8)
        return row[x];
    const int perByte = 8 / bitDepth;
    const int shift = 8 - bitDepth * (x % perByte + 1);
    return (row[x / perByte] >> shift) & ((1 << bitDepth) - 1);
}

} // namespace

PalettePng readPalettePng(const QByteArray &bytes, qint64 maxPixels)
{
    PalettePng out;
    static const unsigned char signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const std::size_t size = std::size_t(bytes.size());
    if (size < 8 + 25 || std::memcmp(p, signature, 8) != 0 || std::memcmp(p + 12, "IHDR", 4) != 0)
        return out;
    const unsigned char *ihdr = p + 16;
    const quint32 width = be32(ihdr), height = be32(ihdr + 4);
    const int bitDepth = ihdr[8], colourType = ihdr[9], interlace = ihdr[12];
    if (colourType != 3)
        return out;
    out.isPalette = true;
    if (width == 0 || height == 0 || (bitDepth != 1 && bitDepth != 2 && bitDepth != 4 && bitDepth != 8)
        || interlace > 1) {
        out.error = Text::tr("damaged palette PNG header");
        return out;
    }
    if (qint64(width) * qint64(height) > maxPixels) {
        out.error = Text::tr("PNG claims %1×%2 pixels, above the limit of %3 megapixels")
                        .arg(width)
                        .arg(height)
                        .arg(maxPixels / 1000000);
        return out;
    }

    QByteArray compressed;
    std::size_t pos = 8;
    bool ended = false;
    while (pos + 12 <= size) {
        const quint32 length = be32(p + pos);
        const unsigned char *type = p + pos + 4;
        if (length > size - pos - 12) {
            out.error = Text::tr("truncated PNG (chunk runs past the end of the file)");
            return out;
        }
        const unsigned char *data = p + pos + 8;
        if (std::memcmp(type, "PLTE", 4) == 0) {
            for (quint32 i = 0; i + 2 < length; i += 3)
                out.palette.push_back((quint32(data[i]) << 16) | (quint32(data[i + 1]) << 8) | data[i + 2]);
        } else if (std::memcmp(type, "IDAT", 4) == 0) {
            compressed.append(reinterpret_cast<const char *>(data), int(length));
        } else if (std::memcmp(type, "IEND", 4) == 0) {
            ended = true;
            break;
        }
        pos += 12 + std::size_t(length);
    }
    if (!ended) {
        out.error = Text::tr("truncated PNG (no IEND chunk)");
        return out;
    }
    if (out.palette.empty()) {
        out.error = Text::tr("palette PNG without a palette (no PLTE chunk)");
        return out;
    }

    // The passes of Adam7 (first column, first row, column step, row step); one pass when not interlaced.
    struct Pass {
        int x0, y0, dx, dy;
    };
    static const Pass adam7[7]
        = {{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}};
    static const Pass whole[1] = {{0, 0, 1, 1}};
    const Pass *passes = interlace ? adam7 : whole;
    const int passCount = interlace ? 7 : 1;
    std::size_t expected = 0;
    for (int i = 0; i < passCount; ++i) {
        const qint64 pw = (qint64(width) - passes[i].x0 + passes[i].dx - 1) / passes[i].dx;
        const qint64 ph = (qint64(height) - passes[i].y0 + passes[i].dy - 1) / passes[i].dy;
        if (pw > 0 && ph > 0)
            expected += std::size_t(ph) * (1 + std::size_t((pw * bitDepth + 7) / 8));
    }
    std::vector<unsigned char> raw(expected);
    uLongf rawSize = uLongf(expected);
    const int z = uncompress(
        raw.data(), &rawSize, reinterpret_cast<const Bytef *>(compressed.constData()), uLong(compressed.size()));
    // Z_BUF_ERROR: more data than the size says; the first `expected` bytes are still the image.
    if ((z != Z_OK && z != Z_BUF_ERROR) || rawSize != expected) {
        out.error = Text::tr("damaged PNG pixel data (zlib: %1)").arg(QString::fromLatin1(zError(z)));
        return out;
    }

    cv::Mat indexes(int(height), int(width), CV_8U);
    std::size_t offset = 0;
    for (int i = 0; i < passCount; ++i) {
        const Pass &pass = passes[i];
        const int pw = int((qint64(width) - pass.x0 + pass.dx - 1) / pass.dx);
        const int ph = int((qint64(height) - pass.y0 + pass.dy - 1) / pass.dy);
        if (pw <= 0 || ph <= 0)
            continue;
        const std::size_t rowBytes = (std::size_t(pw) * bitDepth + 7) / 8;
        unsigned char *data = raw.data() + offset;
        if (!unfilter(data, ph, rowBytes)) {
            out.error = Text::tr("damaged PNG pixel data (unknown row filter)");
            return out;
        }
        for (int y = 0; y < ph; ++y) {
            const unsigned char *row = data + std::size_t(y) * (rowBytes + 1) + 1;
            uchar *dst = indexes.ptr<uchar>(pass.y0 + y * pass.dy);
            for (int x = 0; x < pw; ++x)
                dst[pass.x0 + x * pass.dx] = static_cast<uchar>(sample(row, x, bitDepth));
        }
        offset += std::size_t(ph) * (rowBytes + 1);
    }
    out.indexes = indexes;
    return out;
}

} // namespace loupe
