#pragma once

#include <QString>

#include <cstddef>
#include <optional>

namespace loupe {

/// What an image file's header says about it, read without decoding pixels.
struct ImageHeader {
    QString format; ///< jpeg, png, bmp, tiff, webp, pnm
    int width = 0;
    int height = 0;
    int channels = 0; ///< 0 when the header does not say
    int bitDepth = 0; ///< bits per channel, 0 when the header does not say
};

/// Parses the header in the first `size` bytes of an image file. Returns nullopt and sets
/// `reason` when the bytes are not a supported image or the header is damaged. Never throws.
std::optional<ImageHeader> parseImageHeader(const char *data, std::size_t size, QString *reason = nullptr);

/// Reads just enough of a file to parse its header (a few KB; more when metadata comes first).
std::optional<ImageHeader> readImageHeader(const QString &path, QString *reason = nullptr);

} // namespace loupe
