#include "ImageHeader.h"

#include <QCoreApplication>
#include <QFile>

#include <fcntl.h>

#include <climits>
#include <cstdint>
#include <cstring>

namespace loupe {

namespace {

// The parsers read through this so the same code serves an in-memory buffer and a file whose
// header lies beyond the first chunk (large EXIF before a JPEG frame, a TIFF IFD at the end).
class Source
{
public:
    virtual ~Source() = default;
    virtual qint64 size() const = 0;
    /// Copies `len` bytes at `offset`; false when any of them lies outside the data.
    virtual bool read(qint64 offset, void *dst, qint64 len) = 0;

    bool u8(qint64 offset, unsigned &v)
    {
        unsigned char b = 0;
        if (!read(offset, &b, 1))
            return false;
        v = b;
        return true;
    }
    bool u16(qint64 offset, bool bigEndian, unsigned &v)
    {
        unsigned char b[2];
        if (!read(offset, b, 2))
            return false;
        v = bigEndian ? (unsigned(b[0]) << 8 | b[1]) : (unsigned(b[1]) << 8 | b[0]);
        return true;
    }
    bool u32(qint64 offset, bool bigEndian, quint32 &v)
    {
        unsigned char b[4];
        if (!read(offset, b, 4))
            return false;
        v = bigEndian ? (quint32(b[0]) << 24 | quint32(b[1]) << 16 | quint32(b[2]) << 8 | b[3])
                      : (quint32(b[3]) << 24 | quint32(b[2]) << 16 | quint32(b[1]) << 8 | b[0]);
        return true;
    }
    bool u64(qint64 offset, bool bigEndian, quint64 &v)
    {
        quint32 a = 0, b = 0;
        if (!u32(offset, bigEndian, a) || !u32(offset + 4, bigEndian, b))
            return false;
        v = bigEndian ? (quint64(a) << 32 | b) : (quint64(b) << 32 | a);
        return true;
    }
};

class MemorySource final : public Source
{
public:
    MemorySource(const char *data, std::size_t size)
        : m_data(data), m_size(size > std::size_t(LLONG_MAX) ? LLONG_MAX : qint64(size))
    {
    }
    qint64 size() const override { return m_size; }
    bool read(qint64 offset, void *dst, qint64 len) override
    {
        if (offset < 0 || len < 0 || offset > m_size || len > m_size - offset)
            return false;
        std::memcpy(dst, m_data + offset, std::size_t(len));
        return true;
    }

private:
    const char *m_data;
    qint64 m_size;
};

// Serves reads from the first chunk when it can and seeks for anything beyond it.
class FileSource final : public Source
{
public:
    FileSource(QFile &file, QByteArray head) : m_file(file), m_head(std::move(head)), m_size(file.size()) {}
    qint64 size() const override { return m_size; }
    bool read(qint64 offset, void *dst, qint64 len) override
    {
        if (offset < 0 || len < 0 || offset > m_size || len > m_size - offset)
            return false;
        if (len <= m_head.size() && offset <= m_head.size() - len) {
            std::memcpy(dst, m_head.constData() + offset, std::size_t(len));
            return true;
        }
        return m_file.seek(offset) && m_file.read(static_cast<char *>(dst), len) == len;
    }

private:
    QFile &m_file;
    QByteArray m_head;
    qint64 m_size;
};

QString truncatedHeader()
{
    return QCoreApplication::translate("loupe::ImageHeader", "truncated header");
}

QString damaged(const QString &format)
{
    return QCoreApplication::translate("loupe::ImageHeader", "damaged %1 header").arg(format.toUpper());
}

struct Parse {
    std::optional<ImageHeader> header;
    QString reason;
};

Parse fail(QString reason) { return {std::nullopt, std::move(reason)}; }

Parse done(const QString &format, qint64 width, qint64 height, int channels, int bitDepth)
{
    if (width == 0 || height == 0)
        return fail(QCoreApplication::translate("loupe::ImageHeader", "image has zero width or height (%1×%2)")
                        .arg(width)
                        .arg(height));
    if (width < 0 || height < 0 || width > INT_MAX || height > INT_MAX)
        return fail(QCoreApplication::translate("loupe::ImageHeader", "image dimensions out of range (%1×%2)")
                        .arg(width)
                        .arg(height));
    ImageHeader h;
    h.format = format;
    h.width = int(width);
    h.height = int(height);
    h.channels = channels;
    h.bitDepth = bitDepth;
    return {h, QString()};
}

// Walks marker segments from SOI, skipping APPn/COM/DQT/... by their length, to the first frame
// header. Only the few bytes of each marker are read, so large EXIF blocks cost a seek each.
Parse parseJpeg(Source &src)
{
    const QString format = QStringLiteral("jpeg");
    qint64 pos = 2;
    for (;;) {
        unsigned byte = 0;
        if (!src.u8(pos, byte))
            return fail(truncatedHeader());
        if (byte != 0xFF)
            return fail(damaged(format));
        // Any number of 0xFF fill bytes may precede a marker code.
        unsigned marker = 0xFF;
        while (marker == 0xFF) {
            ++pos;
            if (!src.u8(pos, marker))
                return fail(truncatedHeader());
        }
        ++pos;
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7))
            continue; // standalone markers carry no length
        if (marker == 0xD8 || marker == 0xD9 || marker == 0xDA || marker == 0x00)
            return fail(damaged(format)); // image data or the end before any frame header
        unsigned length = 0;
        if (!src.u16(pos, true, length))
            return fail(truncatedHeader());
        if (length < 2)
            return fail(damaged(format));
        const bool isSof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (isSof) {
            unsigned precision = 0, height = 0, width = 0, components = 0;
            if (length < 8)
                return fail(damaged(format));
            if (!src.u8(pos + 2, precision) || !src.u16(pos + 3, true, height) || !src.u16(pos + 5, true, width)
                || !src.u8(pos + 7, components))
                return fail(truncatedHeader());
            if (components == 0 || components > 4)
                return fail(damaged(format));
            return done(format, width, height, int(components), int(precision));
        }
        pos += length;
    }
}

Parse parsePng(Source &src)
{
    const QString format = QStringLiteral("png");
    unsigned char ihdr[8 + 13];
    if (!src.read(8, ihdr, sizeof ihdr))
        return fail(truncatedHeader());
    MemorySource chunk(reinterpret_cast<const char *>(ihdr), sizeof ihdr);
    quint32 length = 0, width = 0, height = 0;
    unsigned bitDepth = 0, colourType = 0;
    chunk.u32(0, true, length);
    chunk.u32(8, true, width);
    chunk.u32(12, true, height);
    chunk.u8(16, bitDepth);
    chunk.u8(17, colourType);
    if (length != 13 || std::memcmp(ihdr + 4, "IHDR", 4) != 0)
        return fail(damaged(format));
    int channels = 0;
    switch (colourType) {
    case 0: channels = 1; break;
    case 2: channels = 3; break;
    case 3: channels = 3; bitDepth = 8; break; // palette entries are 8-bit RGB
    case 4: channels = 2; break;
    case 6: channels = 4; break;
    default: return fail(damaged(format));
    }
    if (bitDepth != 1 && bitDepth != 2 && bitDepth != 4 && bitDepth != 8 && bitDepth != 16)
        return fail(damaged(format));
    return done(format, width, height, channels, int(bitDepth));
}

Parse parseBmp(Source &src)
{
    const QString format = QStringLiteral("bmp");
    quint32 dibSize = 0;
    if (!src.u32(14, false, dibSize))
        return fail(truncatedHeader());
    qint64 width = 0, height = 0;
    unsigned bpp = 0;
    if (dibSize == 12) { // BITMAPCOREHEADER: unsigned 16-bit dimensions
        unsigned w = 0, h = 0;
        if (!src.u16(18, false, w) || !src.u16(20, false, h) || !src.u16(24, false, bpp))
            return fail(truncatedHeader());
        width = w;
        height = h;
    } else if (dibSize >= 40) { // BITMAPINFOHEADER and its V4/V5/OS2 extensions
        quint32 w = 0, h = 0;
        if (!src.u32(18, false, w) || !src.u32(22, false, h) || !src.u16(28, false, bpp))
            return fail(truncatedHeader());
        width = qint32(w);
        height = qint32(h);
        if (height < 0)
            height = -height; // top-down rows; qint64 so INT_MIN cannot overflow
    } else {
        return fail(damaged(format));
    }
    if (width < 0)
        return fail(damaged(format));
    int channels = 0, depth = 0;
    switch (bpp) {
    case 1: case 4: case 8: depth = 8; break; // palette: grey or colour depends on its entries
    case 16: channels = 3; break;
    case 24: channels = 3; depth = 8; break;
    case 32: channels = 4; depth = 8; break;
    default: return fail(damaged(format));
    }
    return done(format, width, height, channels, depth);
}

// Reads one integer-valued IFD entry (SHORT or LONG, or LONG8 in BigTIFF), first value only.
bool tiffValue(Source &src, qint64 entry, bool big, bool bigTiff, quint64 &value)
{
    unsigned type = 0;
    if (!src.u16(entry + 2, big, type))
        return false;
    const qint64 field = entry + (bigTiff ? 12 : 8);
    quint64 count = 0;
    if (bigTiff) {
        if (!src.u64(entry + 4, big, count))
            return false;
    } else {
        quint32 c = 0;
        if (!src.u32(entry + 4, big, c))
            return false;
        count = c;
    }
    const unsigned fieldBytes = bigTiff ? 8 : 4;
    const unsigned itemBytes = type == 3 ? 2 : type == 4 ? 4 : type == 16 ? 8 : 0;
    if (itemBytes == 0 || count == 0)
        return false;
    qint64 at = field;
    if (count > fieldBytes / itemBytes) { // values live elsewhere; the field holds their offset
        quint64 offset = 0;
        if (bigTiff) {
            if (!src.u64(field, big, offset))
                return false;
        } else {
            quint32 o = 0;
            if (!src.u32(field, big, o))
                return false;
            offset = o;
        }
        if (offset > quint64(LLONG_MAX))
            return false;
        at = qint64(offset);
    }
    if (itemBytes == 2) {
        unsigned v = 0;
        if (!src.u16(at, big, v))
            return false;
        value = v;
    } else if (itemBytes == 4) {
        quint32 v = 0;
        if (!src.u32(at, big, v))
            return false;
        value = v;
    } else if (!src.u64(at, big, value)) {
        return false;
    }
    return true;
}

Parse parseTiff(Source &src)
{
    const QString format = QStringLiteral("tiff");
    unsigned char order[2];
    if (!src.read(0, order, 2))
        return fail(truncatedHeader());
    const bool big = order[0] == 'M';
    unsigned version = 0;
    if (!src.u16(2, big, version))
        return fail(truncatedHeader());
    const bool bigTiff = version == 43;
    quint64 ifd = 0;
    if (bigTiff) {
        if (!src.u64(8, big, ifd))
            return fail(truncatedHeader());
    } else {
        quint32 o = 0;
        if (!src.u32(4, big, o))
            return fail(truncatedHeader());
        ifd = o;
    }
    if (ifd < 8 || ifd > quint64(src.size()))
        return fail(ifd < 8 ? damaged(format) : truncatedHeader());
    quint64 count = 0;
    if (bigTiff) {
        if (!src.u64(qint64(ifd), big, count))
            return fail(truncatedHeader());
    } else {
        unsigned c = 0;
        if (!src.u16(qint64(ifd), big, c))
            return fail(truncatedHeader());
        count = c;
    }
    const qint64 entrySize = bigTiff ? 20 : 12;
    const qint64 first = qint64(ifd) + (bigTiff ? 8 : 2);
    if (count > quint64(src.size() / entrySize))
        return fail(truncatedHeader());
    quint64 width = 0, height = 0, bits = 0, samples = 1, photometric = 0;
    bool haveWidth = false, haveHeight = false;
    for (quint64 i = 0; i < count; ++i) {
        const qint64 entry = first + qint64(i) * entrySize;
        unsigned tag = 0;
        if (!src.u16(entry, big, tag))
            return fail(truncatedHeader());
        quint64 value = 0;
        // libtiff ignores later duplicates of a tag, so the first one is what the decoder allocates.
        switch (tag) {
        case 256: if (!haveWidth) haveWidth = tiffValue(src, entry, big, bigTiff, width); break;
        case 257: if (!haveHeight) haveHeight = tiffValue(src, entry, big, bigTiff, height); break;
        case 258: if (tiffValue(src, entry, big, bigTiff, value)) bits = value; break;
        case 262: if (tiffValue(src, entry, big, bigTiff, value)) photometric = value; break;
        case 277: if (tiffValue(src, entry, big, bigTiff, value)) samples = value; break;
        default: break;
        }
    }
    if (!haveWidth || !haveHeight)
        return fail(damaged(format));
    if (width > quint64(INT_MAX) || height > quint64(INT_MAX))
        return fail(QCoreApplication::translate("loupe::ImageHeader", "image dimensions out of range (%1×%2)")
                        .arg(width)
                        .arg(height));
    if (photometric == 3) // palette: 8-bit RGB entries, as for PNG
        return done(format, qint64(width), qint64(height), 3, 8);
    return done(format, qint64(width), qint64(height), samples <= 16 ? int(samples) : 0, bits <= 64 ? int(bits) : 0);
}

Parse parseWebp(Source &src)
{
    const QString format = QStringLiteral("webp");
    unsigned char b[30];
    if (!src.read(0, b, 16))
        return fail(truncatedHeader());
    if (std::memcmp(b + 12, "VP8 ", 4) == 0) {
        if (!src.read(0, b, 30))
            return fail(truncatedHeader());
        if (b[23] != 0x9D || b[24] != 0x01 || b[25] != 0x2A) // key frame start code
            return fail(damaged(format));
        const unsigned w = (unsigned(b[26]) | unsigned(b[27]) << 8) & 0x3FFF;
        const unsigned h = (unsigned(b[28]) | unsigned(b[29]) << 8) & 0x3FFF;
        return done(format, w, h, 3, 8);
    }
    if (std::memcmp(b + 12, "VP8L", 4) == 0) {
        if (!src.read(0, b, 25))
            return fail(truncatedHeader());
        if (b[20] != 0x2F)
            return fail(damaged(format));
        const quint32 bits = quint32(b[21]) | quint32(b[22]) << 8 | quint32(b[23]) << 16 | quint32(b[24]) << 24;
        const bool alpha = (bits >> 28) & 1;
        return done(format, (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1, alpha ? 4 : 3, 8);
    }
    if (std::memcmp(b + 12, "VP8X", 4) == 0) {
        if (!src.read(0, b, 30))
            return fail(truncatedHeader());
        const bool alpha = b[20] & 0x10;
        const quint32 w = (quint32(b[24]) | quint32(b[25]) << 8 | quint32(b[26]) << 16) + 1;
        const quint32 h = (quint32(b[27]) | quint32(b[28]) << 8 | quint32(b[29]) << 16) + 1;
        return done(format, w, h, alpha ? 4 : 3, 8);
    }
    return fail(damaged(format));
}

// PNM headers are whitespace-separated ASCII numbers with '#' comments anywhere between them.
Parse parsePnm(Source &src, unsigned kind)
{
    const QString format = QStringLiteral("pnm");
    qint64 pos = 2;
    const bool bitmap = kind == '1' || kind == '4';
    qint64 values[3] = {0, 0, 0};
    const int needed = bitmap ? 2 : 3;
    for (int i = 0; i < needed; ++i) {
        unsigned c = 0;
        for (;;) { // skip whitespace and comments
            if (!src.u8(pos, c))
                return fail(truncatedHeader());
            if (c == '#') {
                while (c != '\n' && c != '\r') {
                    ++pos;
                    if (!src.u8(pos, c))
                        return fail(truncatedHeader());
                }
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
                ++pos;
            } else {
                break;
            }
        }
        if (c < '0' || c > '9')
            return fail(damaged(format));
        qint64 v = 0;
        while (src.u8(pos, c) && c >= '0' && c <= '9') {
            v = v * 10 + (c - '0');
            if (v > INT_MAX)
                return fail(damaged(format));
            ++pos;
        }
        values[i] = v;
    }
    int depth = 1;
    if (!bitmap) {
        if (values[2] < 1 || values[2] > 65535)
            return fail(damaged(format));
        depth = values[2] < 256 ? 8 : 16;
    }
    const int channels = (kind == '3' || kind == '6') ? 3 : 1;
    return done(format, values[0], values[1], channels, depth);
}

Parse parse(Source &src)
{
    const qint64 size = src.size();
    if (size == 0)
        return fail(QCoreApplication::translate("loupe::ImageHeader", "empty file (0 bytes)"));
    unsigned char sig[16] = {};
    const qint64 have = qMin<qint64>(size, sizeof sig);
    if (!src.read(0, sig, have))
        return fail(truncatedHeader());

    // A file shorter than a signature that it starts like is a cut-off image, not garbage.
    auto matches = [&](const char *magic, qint64 len, qint64 at = 0) {
        const qint64 n = qMin(len, have - at);
        return n > 0 && std::memcmp(sig + at, magic, std::size_t(n)) == 0;
    };
    auto complete = [&](qint64 len) { return have >= len; };

    if (matches("\xFF\xD8\xFF", 3))
        return complete(3) ? parseJpeg(src) : fail(truncatedHeader());
    if (matches("\x89PNG\r\n\x1A\n", 8))
        return complete(8) ? parsePng(src) : fail(truncatedHeader());
    if (matches("II*\0", 4) || matches("MM\0*", 4) || matches("II+\0", 4) || matches("MM\0+", 4))
        return complete(4) ? parseTiff(src) : fail(truncatedHeader());
    if (matches("RIFF", 4) && (!complete(12) || matches("WEBP", 4, 8)))
        return complete(12) ? parseWebp(src) : fail(truncatedHeader());
    if (matches("BM", 2))
        return complete(2) ? parseBmp(src) : fail(truncatedHeader());
    if (have >= 3 && sig[0] == 'P' && sig[1] >= '1' && sig[1] <= '6'
        && (sig[2] == ' ' || sig[2] == '\t' || sig[2] == '\n' || sig[2] == '\r' || sig[2] == '#'))
        return parsePnm(src, sig[1]);
    return fail(QCoreApplication::translate("loupe::ImageHeader", "not an image (unrecognised signature)"));
}

std::optional<ImageHeader> finish(Parse p, QString *reason)
{
    if (reason)
        *reason = p.header ? QString() : p.reason;
    return p.header;
}

} // namespace

std::optional<ImageHeader> parseImageHeader(const char *data, std::size_t size, QString *reason)
{
    if (!data)
        size = 0;
    MemorySource src(data, size);
    return finish(parse(src), reason);
}

std::optional<ImageHeader> readImageHeader(const QString &path, QString *reason)
{
    // 4 KB covers almost every header (a JPEG's size sits near byte 160); FileSource seeks for the
    // rest, such as a header behind large EXIF data. A larger first read costs dearly on a cold
    // disk: the kernel's read-ahead turns 64 KB into ~256 KB a file, 2.6 GB for 10,000 images.
    constexpr qint64 firstChunk = 4 * 1024;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (reason)
            *reason = QCoreApplication::translate("loupe::ImageHeader", "cannot open file: %1").arg(file.errorString());
        return std::nullopt;
    }
#ifdef POSIX_FADV_RANDOM
    // Only the header is wanted: no read-ahead of the pixels.
    ::posix_fadvise(file.handle(), 0, 0, POSIX_FADV_RANDOM);
#endif
    const QByteArray head = file.read(firstChunk);
    if (head.isEmpty() && file.size() > 0) {
        if (reason)
            *reason = QCoreApplication::translate("loupe::ImageHeader", "cannot read file: %1").arg(file.errorString());
        return std::nullopt;
    }
    FileSource src(file, head);
    return finish(parse(src), reason);
}

} // namespace loupe
