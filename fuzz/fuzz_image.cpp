// The safe image decoder: header parse, then full decodes (colour at full size with the default
// limits, grey at a quarter with tight limits), and the file path that reads only the header.
#include "FuzzUtil.h"

#include "imaging/ImageHeader.h"
#include "imaging/SafeDecoder.h"

using namespace loupe;

namespace {

void checkDecoded(const DecodeResult &r, const DecodeOptions &options)
{
    if (!r.ok())
        return;
    LOUPE_FUZZ_CHECK(r.image.depth() == CV_8U, "decoded image is not 8-bit");
    LOUPE_FUZZ_CHECK(r.image.channels() == 1 || r.image.channels() == 3, "decoded image has neither 1 nor 3 channels");
    LOUPE_FUZZ_CHECK(!options.grey || r.image.channels() == 1, "grey decode returned colour");
    LOUPE_FUZZ_CHECK(qint64(r.image.cols) * r.image.rows <= options.limits.maxPixels, "decoded image above the pixel limit");
}

} // namespace

LOUPE_FUZZ_TARGET(fuzzImage)
{
    QString reason;
    const std::optional<ImageHeader> header = parseImageHeader(reinterpret_cast<const char *>(data), size, &reason);
    if (header) {
        LOUPE_FUZZ_CHECK(header->width > 0 && header->height > 0, "header accepted with a zero size");
    }

    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const DecodeOptions full;
    checkDecoded(decodeImageBytes(bytes, full), full);

    DecodeOptions small;
    small.grey = true;
    small.scale = DecodeScale::Quarter;
    small.limits.maxPixels = qint64(1) << 22;
    checkDecoded(decodeImageBytes(bytes, small), small);

    const fuzz::Scratch scratch;
    const QString file = scratch.write(QStringLiteral("image.bin"), bytes);
    const std::optional<ImageHeader> fromFile = readImageHeader(file, &reason);
    if (fromFile)
        LOUPE_FUZZ_CHECK(fromFile->width > 0 && fromFile->height > 0, "file header accepted with a zero size");
    return 0;
}
