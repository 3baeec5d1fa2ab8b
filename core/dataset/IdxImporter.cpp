// MNIST-style IDX files (images idx3, labels idx1), raw or gzip-compressed.
#include "Errors.h"
#include "Importers.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <zlib.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <limits>

namespace loupe {
namespace importers {

namespace {

constexpr quint32 kImagesMagic = 0x00000803; // unsigned bytes, 3 dimensions
constexpr quint32 kLabelsMagic = 0x00000801; // unsigned bytes, 1 dimension
constexpr qint64 kChunk = 1 << 20;
// Largest payload we agree to hold in memory; EMNIST, the biggest IDX set in use, is ~0.6 GB.
constexpr quint64 kMaxPayload = quint64(4) << 30;

QString hex32(quint32 v)
{
    return QStringLiteral("0x%1").arg(v, 8, 16, QLatin1Char('0'));
}

quint32 readBigEndian32(const std::uint8_t *p)
{
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
}

/// The payload of one IDX file (the bytes after the header) and its dimensions.
struct IdxFile {
    QString path;
    std::vector<quint32> dims;
    std::vector<std::uint8_t> data;
    quint64 trailing = 0; ///< bytes after the payload (reading stops at the first for gzip)
};

/// Reads the magic and dimensions of a complete header; returns the payload size they announce
/// (saturated, never overflowing). Nothing is allocated from these numbers until the data is seen.
quint64 readHeader(const QString &path, const std::uint8_t *header, quint32 expectedMagic, std::vector<quint32> &dims)
{
    const quint32 magic = readBigEndian32(header);
    if (magic != expectedMagic) {
        QString problem = expectedMagic == kImagesMagic
            ? QCoreApplication::translate("loupe::importers", "expected IDX magic %1 for images, found %2")
            : QCoreApplication::translate("loupe::importers", "expected IDX magic %1 for labels, found %2");
        problem = problem.arg(hex32(expectedMagic), hex32(magic));
        if (expectedMagic == kImagesMagic && magic == kLabelsMagic)
            problem += QCoreApplication::translate("loupe::importers", " (this looks like a labels file)");
        else if (expectedMagic == kLabelsMagic && magic == kImagesMagic)
            problem += QCoreApplication::translate("loupe::importers", " (this looks like an images file)");
        throw LabelFileError(path, QStringLiteral("byte 0"), problem);
    }
    const std::size_t n = expectedMagic & 0xff;
    dims.resize(n);
    quint64 total = 1;
    for (std::size_t i = 0; i < n; ++i) {
        dims[i] = readBigEndian32(header + 4 + 4 * i);
        const quint64 d = dims[i];
        total = (d != 0 && total > std::numeric_limits<quint64>::max() / d) ? std::numeric_limits<quint64>::max()
                                                                            : total * d;
    }
    return total;
}

QString dimsText(const std::vector<quint32> &dims)
{
    QStringList parts;
    for (quint32 d : dims)
        parts.append(QString::number(d));
    return parts.join(QStringLiteral(" × "));
}

/// Limits that only matter once the data is known to be there.
void checkSizes(const QString &path, const std::vector<quint32> &dims, quint64 payload)
{
    if (payload > kMaxPayload) {
        throw LabelFileError(path, QStringLiteral("byte 4"),
                             QCoreApplication::translate("loupe::importers",
                                                         "%1 bytes of data (%2) is more than the %3 GiB Loupe "
                                                         "holds in memory")
                                 .arg(payload)
                                 .arg(dimsText(dims))
                                 .arg(kMaxPayload >> 30));
    }
    if (dims[0] > quint32(INT_MAX)) {
        throw LabelFileError(
            path, QStringLiteral("byte 4"),
            QCoreApplication::translate("loupe::importers", "the header claims %1 items; at most %2 are supported")
                .arg(dims[0])
                .arg(INT_MAX));
    }
    if (dims.size() == 3 && dims[0] > 0) {
        if (dims[1] == 0 || dims[2] == 0) {
            throw LabelFileError(path, QStringLiteral("byte 8"),
                                 QCoreApplication::translate("loupe::importers", "image size %1×%2 has no pixels")
                                     .arg(dims[2])
                                     .arg(dims[1]));
        }
        if (quint64(dims[1]) * dims[2] > quint64(INT_MAX)) {
            throw LabelFileError(
                path, QStringLiteral("byte 8"),
                QCoreApplication::translate("loupe::importers", "image size %1×%2 is implausibly large")
                    .arg(dims[2])
                    .arg(dims[1]));
        }
    }
}

[[noreturn]] void throwTruncated(const QString &path, int headerSize, quint32 expectedMagic, quint64 expected,
                                 quint64 found)
{
    const QString what = expectedMagic == kImagesMagic
        ? QCoreApplication::translate("loupe::importers", "expected %1 bytes of pixels, the file has %2 (truncated?)")
        : QCoreApplication::translate("loupe::importers", "expected %1 bytes of labels, the file has %2 (truncated?)");
    throw LabelFileError(path, QStringLiteral("byte %1").arg(headerSize), what.arg(expected).arg(found));
}

IdxFile readRaw(QFile &file, quint32 expectedMagic, int headerSize)
{
    IdxFile out;
    out.path = file.fileName();
    std::uint8_t header[16] = {};
    const qint64 got = file.read(reinterpret_cast<char *>(header), headerSize);
    if (got < 4 || (got < headerSize && readBigEndian32(header) == expectedMagic)) {
        throw LabelFileError(
            out.path, QStringLiteral("byte %1").arg(std::max<qint64>(got, 0)),
            QCoreApplication::translate("loupe::importers", "the file ends inside the %1-byte IDX header")
                .arg(headerSize));
    }
    if (got < headerSize)
        std::memset(header + got, 0, std::size_t(headerSize - got)); // the magic check below reports it
    const quint64 payload = readHeader(out.path, header, expectedMagic, out.dims);
    const quint64 available = quint64(std::max<qint64>(file.size() - headerSize, 0));
    if (available < payload)
        throwTruncated(out.path, headerSize, expectedMagic, payload, available);
    checkSizes(out.path, out.dims, payload);
    out.trailing = available - payload;
    out.data.resize(std::size_t(payload));
    quint64 done = 0;
    while (done < payload) {
        const qint64 want = qint64(std::min<quint64>(payload - done, quint64(64) << 20));
        const qint64 n = file.read(reinterpret_cast<char *>(out.data.data() + done), want);
        if (n <= 0)
            throwTruncated(out.path, headerSize, expectedMagic, payload, done);
        done += quint64(n);
    }
    return out;
}

IdxFile readGzip(QFile &file, quint32 expectedMagic, int headerSize)
{
    IdxFile out;
    out.path = file.fileName();

    // The gzip trailer's ISIZE (size mod 2^32) is a cheap hint for reserving the output buffer.
    quint64 sizeHint = 0;
    const qint64 compressedSize = file.size();
    if (compressedSize >= 18 && file.seek(compressedSize - 4)) {
        std::uint8_t t[4];
        if (file.read(reinterpret_cast<char *>(t), 4) == 4)
            sizeHint = quint64(t[0]) | (quint64(t[1]) << 8) | (quint64(t[2]) << 16) | (quint64(t[3]) << 24);
    }
    file.seek(0);

    z_stream zs;
    std::memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
        throw DatasetError(
            QCoreApplication::translate("loupe::importers", "cannot start gzip decompression (out of memory?)"));
    struct InflateGuard {
        z_stream *zs;
        ~InflateGuard() { inflateEnd(zs); }
    } guard {&zs};

    std::vector<char> in(static_cast<std::size_t>(kChunk));
    std::vector<std::uint8_t> scratch(static_cast<std::size_t>(kChunk));
    std::uint8_t header[16] = {};
    int headerHave = 0;
    quint64 payload = 0;
    quint64 received = 0; // payload bytes seen; only stored while within kMaxPayload
    bool headerDone = false;
    bool streamEnded = false;
    bool finished = false; // payload complete and one trailing byte seen, or input exhausted

    auto corrupt = [&](const char *why) {
        throw LabelFileError(out.path, QStringLiteral("gzip data"),
                             QCoreApplication::translate("loupe::importers", "corrupt gzip data: %1")
                                 .arg(QString::fromLatin1(why ? why : "unknown error")));
    };

    // Route inflated bytes: header first, then payload, then count what follows.
    auto consume = [&](const std::uint8_t *p, std::size_t n) {
        while (n > 0) {
            if (!headerDone) {
                const std::size_t take = std::min<std::size_t>(n, std::size_t(headerSize - headerHave));
                std::memcpy(header + headerHave, p, take);
                headerHave += int(take);
                p += take;
                n -= take;
                if (headerHave == headerSize) {
                    headerDone = true;
                    payload = readHeader(out.path, header, expectedMagic, out.dims);
                    // Never trust the header alone for the reservation: deflate expands at most ~1032:1.
                    quint64 reserve = std::min<quint64>(payload, quint64(compressedSize) * 1032);
                    if (sizeHint > quint64(headerSize))
                        reserve = std::min<quint64>(reserve, sizeHint - quint64(headerSize));
                    out.data.reserve(std::size_t(reserve));
                }
                continue;
            }
            const quint64 room = payload - received;
            if (room > 0) {
                const std::size_t take = std::size_t(std::min<quint64>(room, n));
                if (payload <= kMaxPayload)
                    out.data.insert(out.data.end(), p, p + take);
                received += take;
                if (received > kMaxPayload)
                    checkSizes(out.path, out.dims, payload); // the data really is that big
                p += take;
                n -= take;
                continue;
            }
            // Trailing data: note it and stop rather than inflate an unbounded tail.
            out.trailing += n;
            finished = true;
            return;
        }
    };

    while (!finished) {
        if (zs.avail_in == 0) {
            const qint64 n = file.read(in.data(), kChunk);
            if (n < 0)
                throw DatasetError(QCoreApplication::translate("loupe::importers", "cannot read %1: %2")
                                       .arg(out.path, file.errorString()));
            if (n == 0)
                break;
            zs.next_in = reinterpret_cast<Bytef *>(in.data());
            zs.avail_in = uInt(n);
        }
        if (streamEnded) {
            // Another gzip member may follow (concatenated .gz); zero padding after the last one is ignored.
            if (zs.next_in[0] != 0x1f) {
                break;
            }
            if (inflateReset(&zs) != Z_OK)
                corrupt(zs.msg);
            streamEnded = false;
        }
        zs.next_out = scratch.data();
        zs.avail_out = uInt(scratch.size());
        const int rc = inflate(&zs, Z_NO_FLUSH);
        if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT || rc == Z_STREAM_ERROR)
            corrupt(zs.msg);
        if (rc == Z_MEM_ERROR)
            throw DatasetError(
                QCoreApplication::translate("loupe::importers", "out of memory while decompressing %1").arg(out.path));
        consume(scratch.data(), scratch.size() - zs.avail_out);
        if (rc == Z_STREAM_END)
            streamEnded = true;
        else if (rc == Z_BUF_ERROR && zs.avail_in != 0)
            corrupt(zs.msg);
    }

    if (!headerDone) {
        if (headerHave >= 4 && readBigEndian32(header) != expectedMagic)
            readHeader(out.path, header, expectedMagic, out.dims); // reports the wrong magic
        if (headerHave == 0 && !streamEnded)
            corrupt("the file holds no complete gzip stream");
        throw LabelFileError(
            out.path, QStringLiteral("byte %1").arg(headerHave),
            QCoreApplication::translate("loupe::importers", "the file ends inside the %1-byte IDX header")
                .arg(headerSize));
    }
    if (received < payload) {
        if (!streamEnded) {
            // The compressed stream stopped early: say both what is missing and why.
            throw LabelFileError(out.path, QStringLiteral("byte %1").arg(headerSize),
                                 QCoreApplication::translate("loupe::importers",
                                                             "the gzip stream is cut off: expected %1 bytes, "
                                                             "it decompresses to %2 (truncated download?)")
                                     .arg(payload)
                                     .arg(received));
        }
        throwTruncated(out.path, headerSize, expectedMagic, payload, received);
    }
    checkSizes(out.path, out.dims, payload);
    return out;
}

/// Reads an IDX file, gzip-compressed or not (decided by the content, not the name).
IdxFile readIdx(const QString &path, quint32 expectedMagic)
{
    const int headerSize = 4 + 4 * int(expectedMagic & 0xff);
    QFile file(path);
    if (!QFileInfo(path).isFile())
        throw DatasetError(QCoreApplication::translate("loupe::importers", "IDX file not found: %1").arg(path));
    if (!file.open(QIODevice::ReadOnly))
        throw DatasetError(
            QCoreApplication::translate("loupe::importers", "cannot open %1: %2").arg(path, file.errorString()));
    char magic[2] = {};
    const bool gz = file.peek(magic, 2) == 2 && quint8(magic[0]) == 0x1f && quint8(magic[1]) == 0x8b;
    IdxFile out = gz ? readGzip(file, expectedMagic, headerSize) : readRaw(file, expectedMagic, headerSize);
    out.path = path;
    return out;
}

QString stripGz(const QString &name)
{
    return name.endsWith(QLatin1String(".gz"), Qt::CaseInsensitive) ? name.left(name.size() - 3) : name;
}

bool looksLikeImagesFile(const QString &fileName)
{
    const QString n = fileName.toLower();
    return n.contains(QLatin1String("idx3"))
        || (n.contains(QLatin1String("images")) && n.contains(QLatin1String("ubyte")));
}

/// The labels file beside an images file: images→labels, idx3→idx1, with or without .gz.
QString findLabelsFile(const QString &imagesFile)
{
    const QFileInfo info(imagesFile);
    const QString stem = stripGz(info.fileName());
    QString want = stem;
    want.replace(QLatin1String("images"), QLatin1String("labels"), Qt::CaseInsensitive);
    want.replace(QLatin1String("image"), QLatin1String("label"), Qt::CaseInsensitive);
    want.replace(QLatin1String("labelss"), QLatin1String("labels"), Qt::CaseInsensitive);
    want.replace(QLatin1String("idx3"), QLatin1String("idx1"), Qt::CaseInsensitive);
    if (want.compare(stem, Qt::CaseInsensitive) == 0)
        return {};
    const QDir dir = info.absoluteDir();
    const QStringList candidates {want, want + QLatin1String(".gz")};
    for (const QString &c : candidates)
        if (QFileInfo(dir.filePath(c)).isFile())
            return dir.filePath(c);
    // Case-insensitive file systems are not the only place people rename files.
    const QStringList entries = dir.entryList(QDir::Files, QDir::Name);
    for (const QString &c : candidates)
        for (const QString &e : entries)
            if (e.compare(c, Qt::CaseInsensitive) == 0)
                return dir.filePath(e);
    return {};
}

SplitName splitFromName(const QString &fileName)
{
    const QString n = fileName.toLower();
    if (n.startsWith(QLatin1String("train")))
        return SplitName::Train;
    if (n.startsWith(QLatin1String("t10k")) || n.startsWith(QLatin1String("test")))
        return SplitName::Test;
    return SplitName::None;
}

QStringList fashionMnistNames()
{
    return {QStringLiteral("T-shirt/top"), QStringLiteral("Trouser"), QStringLiteral("Pullover"),
            QStringLiteral("Dress"),       QStringLiteral("Coat"),    QStringLiteral("Sandal"),
            QStringLiteral("Shirt"),       QStringLiteral("Sneaker"), QStringLiteral("Bag"),
            QStringLiteral("Ankle boot")};
}

struct Pair {
    QString images;
    QString labels;
    SplitName split = SplitName::None;
};

} // namespace

Dataset importIdx(const QString &imagesFile, const QString &labelsFile)
{
    Dataset ds;
    ds.format = QStringLiteral("idx");
    ds.root = imagesFile;

    const QFileInfo rootInfo(imagesFile);
    if (!rootInfo.exists())
        throw DatasetError(QCoreApplication::translate("loupe::importers", "not found: %1").arg(imagesFile));

    std::vector<Pair> pairs;
    if (rootInfo.isDir()) {
        if (!labelsFile.isEmpty())
            throw DatasetError(
                QCoreApplication::translate("loupe::importers",
                                            "a labels file belongs to one IDX images file, not to the folder %1")
                    .arg(imagesFile));
        const QDir dir(rootInfo.absoluteFilePath());
        QStringList names = dir.entryList(QDir::Files, QDir::Name);
        QStringList seen; // stems already taken, so "x" and "x.gz" count once (the raw one wins)
        std::stable_sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
            return !a.endsWith(QLatin1String(".gz"), Qt::CaseInsensitive)
                && b.endsWith(QLatin1String(".gz"), Qt::CaseInsensitive);
        });
        for (const QString &name : names) {
            if (!looksLikeImagesFile(name))
                continue;
            const QString stem = stripGz(name).toLower();
            if (seen.contains(stem))
                continue;
            seen.append(stem);
            Pair p;
            p.images = dir.filePath(name);
            p.labels = findLabelsFile(p.images);
            p.split = splitFromName(name);
            if (p.labels.isEmpty()) {
                ds.warnings.append(
                    QCoreApplication::translate("loupe::importers", "skipped %1: no labels file beside it")
                        .arg(p.images));
                continue;
            }
            pairs.push_back(p);
        }
        // Train before test before the rest, then by name: the order people expect to read.
        auto rank = [](SplitName s) { return s == SplitName::Train ? 0 : s == SplitName::Test ? 1 : 2; };
        std::stable_sort(pairs.begin(), pairs.end(), [&](const Pair &a, const Pair &b) {
            if (rank(a.split) != rank(b.split))
                return rank(a.split) < rank(b.split);
            return a.images < b.images;
        });
        if (pairs.empty())
            throw DatasetError(QCoreApplication::translate(
                                   "loupe::importers",
                                   "no IDX images file with a labels file beside it in %1 "
                                   "(expected names like train-images-idx3-ubyte.gz and train-labels-idx1-ubyte.gz)")
                                   .arg(imagesFile));
    } else {
        Pair p;
        p.images = rootInfo.absoluteFilePath();
        p.labels = labelsFile.isEmpty() ? findLabelsFile(p.images) : labelsFile;
        p.split = splitFromName(rootInfo.fileName());
        if (p.labels.isEmpty())
            throw DatasetError(QCoreApplication::translate("loupe::importers",
                                                           "no labels file found beside %1; give it explicitly "
                                                           "(an IDX labels file such as train-labels-idx1-ubyte.gz)")
                                   .arg(imagesFile));
        pairs.push_back(p);
    }

    auto store = std::make_shared<IdxImages>();
    std::vector<IdxFile> imageFiles;
    std::vector<IdxFile> labelFiles;
    quint64 totalCount = 0;
    for (const Pair &p : pairs) {
        IdxFile images = readIdx(p.images, kImagesMagic);
        IdxFile labels = readIdx(p.labels, kLabelsMagic);
        const quint32 count = images.dims[0];
        if (labels.dims[0] != count) {
            throw LabelFileError(
                p.labels, QStringLiteral("byte 4"),
                QCoreApplication::translate("loupe::importers", "holds %1 labels but %2 holds %3 images")
                    .arg(labels.dims[0])
                    .arg(p.images)
                    .arg(count));
        }
        const int rows = int(images.dims[1]);
        const int cols = int(images.dims[2]);
        if (count > 0) {
            if (store->rows == 0) {
                store->rows = rows;
                store->cols = cols;
            } else if (store->rows != rows || store->cols != cols) {
                throw LabelFileError(p.images, QStringLiteral("byte 8"),
                                     QCoreApplication::translate(
                                         "loupe::importers",
                                         "images are %1×%2 but those of %3 are %4×%5; one IDX dataset needs one size")
                                         .arg(cols)
                                         .arg(rows)
                                         .arg(imageFiles.front().path)
                                         .arg(store->cols)
                                         .arg(store->rows));
            }
        }
        if (totalCount + count > quint64(INT_MAX))
            throw LabelFileError(p.images, QStringLiteral("byte 4"),
                                 QCoreApplication::translate("loupe::importers", "too many images in total to index"));
        totalCount += count;
        if (images.trailing > 0)
            ds.warnings.append(
                QCoreApplication::translate("loupe::importers", "%1: ignored data after the last image").arg(p.images));
        if (labels.trailing > 0)
            ds.warnings.append(
                QCoreApplication::translate("loupe::importers", "%1: ignored data after the last label").arg(p.labels));
        imageFiles.push_back(std::move(images));
        labelFiles.push_back(std::move(labels));
    }

    // One store for all files; a single file (the usual case) moves in without a copy.
    store->count = int(totalCount);
    if (imageFiles.size() == 1) {
        store->pixels = std::move(imageFiles.front().data);
    } else {
        std::size_t bytes = 0;
        for (const IdxFile &f : imageFiles)
            bytes += f.data.size();
        store->pixels.reserve(bytes);
        for (IdxFile &f : imageFiles) {
            store->pixels.insert(store->pixels.end(), f.data.begin(), f.data.end());
            std::vector<std::uint8_t>().swap(f.data);
        }
    }

    int maxLabel = -1;
    ds.samples.reserve(std::size_t(totalCount));
    int storeIndex = 0;
    for (std::size_t f = 0; f < pairs.size(); ++f) {
        const QString prefix = QFileInfo(pairs[f].images).absoluteFilePath() + QLatin1Char('#');
        const std::vector<std::uint8_t> &labels = labelFiles[f].data;
        const int count = int(labels.size());
        for (int i = 0; i < count; ++i) {
            Sample s;
            s.path = prefix + QString::number(i);
            s.classId = labels[std::size_t(i)];
            s.split = pairs[f].split;
            s.width = store->cols;
            s.height = store->rows;
            s.idxIndex = storeIndex++;
            maxLabel = std::max(maxLabel, s.classId);
            ds.samples.push_back(std::move(s));
        }
    }

    // File names cannot tell Fashion-MNIST from MNIST; the folder usually can.
    const bool fashion
        = QFileInfo(pairs.front().images).absoluteFilePath().contains(QLatin1String("fashion"), Qt::CaseInsensitive);
    const QStringList names = fashion ? fashionMnistNames() : QStringList();
    for (int c = 0; c <= maxLabel; ++c)
        ds.classes.append(c < names.size() ? names[c] : QString::number(c));
    if (ds.classes.isEmpty() && fashion)
        ds.classes = names;

    ds.idx = std::move(store);
    return ds;
}

} // namespace importers
} // namespace loupe
