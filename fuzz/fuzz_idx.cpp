// IDX (MNIST) images and labels files, raw or gzip. The first byte picks the layout: bit 0/1 gzip
// the images/labels part here (so the fuzzer reaches the parser through inflate), bit 2 imports the
// folder instead of the images file. Raw parts that start with 1f 8b are read as gzip by Loupe anyway.
#include "FuzzUtil.h"

#include "dataset/Errors.h"
#include "dataset/Importers.h"

#include <zlib.h>

using namespace loupe;

namespace {

QByteArray gzip(const QByteArray &in)
{
    z_stream zs {};
    if (deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        std::abort();
    QByteArray out(int(deflateBound(&zs, uLong(in.size()))) + 32, Qt::Uninitialized);
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
    zs.avail_in = uInt(in.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    if (deflate(&zs, Z_FINISH) != Z_STREAM_END)
        std::abort();
    out.resize(qsizetype(zs.total_out));
    deflateEnd(&zs);
    return out;
}

} // namespace

LOUPE_FUZZ_TARGET(fuzzIdx)
{
    if (size < 1)
        return 0;
    const std::uint8_t mode = data[0];
    const std::vector<QByteArray> parts = fuzz::splitParts(data + 1, size - 1, 2);
    const bool gzImages = mode & 1;
    const bool gzLabels = mode & 2;
    const fuzz::Scratch scratch;
    const QString images = scratch.write(gzImages ? QStringLiteral("train-images-idx3-ubyte.gz") : QStringLiteral("train-images-idx3-ubyte"),
                                         gzImages ? gzip(parts[0]) : parts[0]);
    const QByteArray labels = parts.size() > 1 ? parts[1] : QByteArray();
    scratch.write(gzLabels ? QStringLiteral("train-labels-idx1-ubyte.gz") : QStringLiteral("train-labels-idx1-ubyte"),
                  gzLabels ? gzip(labels) : labels);
    try {
        fuzz::checkDataset(importDataset((mode & 4) ? scratch.dir() : images));
    } catch (const LabelFileError &) {
    } catch (const DatasetError &) {
    }
    return 0;
}
