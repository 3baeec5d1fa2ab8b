#include "dataset/Masks.h"

#include "imaging/ImageHeader.h"
#include "imaging/PngPalette.h"

#include <QCoreApplication>
#include <QFile>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace loupe {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::Masks)
};

QString colourText(quint32 rgb)
{
    return QStringLiteral("(%1, %2, %3)").arg(rgb >> 16).arg((rgb >> 8) & 0xff).arg(rgb & 0xff);
}

bool validClass(int value, int classCount)
{
    return value == MaskCoding::kIgnore || (value >= 0 && value <= classCount);
}

// Applies a 256-entry table; names the first value it has no class for.
ClassMask applyTable(const cv::Mat &values, const std::array<int, 256> &table, int classCount)
{
    ClassMask out;
    cv::Mat lut(1, 256, CV_8U);
    std::array<bool, 256> bad {};
    for (int v = 0; v < 256; ++v) {
        bad[v] = !validClass(table[v], classCount);
        lut.at<uchar>(v) = bad[v] ? 0 : uchar(table[v]);
    }
    int hist[256] = {};
    for (int y = 0; y < values.rows; ++y) {
        const uchar *row = values.ptr<uchar>(y);
        for (int x = 0; x < values.cols; ++x)
            ++hist[row[x]];
    }
    for (int v = 0; v < 256; ++v)
        if (hist[v] > 0 && bad[v]) {
            out.error = Text::tr("value %1 in %2 pixels stands for no class (the classes are 1 to %3, 0 background, "
                                 "255 ignored)")
                            .arg(v)
                            .arg(hist[v])
                            .arg(classCount);
            return out;
        }
    cv::LUT(values, lut, out.mask);
    return out;
}

void paintRle(cv::Mat &mask, const RleMask &rle, uchar value)
{
    // COCO runs are column-major, zeros first.
    const std::size_t total = std::size_t(rle.width) * std::size_t(rle.height);
    std::size_t pos = 0;
    for (std::size_t i = 0; i < rle.counts.size() && pos < total; ++i) {
        const std::size_t n = std::min<std::size_t>(rle.counts[i], total - pos);
        if (i % 2 == 1)
            for (std::size_t k = pos; k < pos + n; ++k)
                mask.at<uchar>(int(k % std::size_t(rle.height)), int(k / std::size_t(rle.height))) = value;
        pos += n;
    }
}

// A pixel is the polygon's when its centre lies inside (even-odd rule; COCO puts pixel i's centre at
// i + 0.5). cv::fillPoly also paints every pixel an edge touches, which grows a 10 × 4 px square to 11 × 5.
void paintPolygon(cv::Mat &mask, const Polygon &polygon, uchar value)
{
    const std::size_t n = polygon.size() / 2;
    if (n < 3)
        return;
    std::vector<double> crossings;
    for (int y = 0; y < mask.rows; ++y) {
        const double cy = y + 0.5;
        crossings.clear();
        for (std::size_t i = 0; i < n; ++i) {
            const double x0 = polygon[2 * i], y0 = polygon[2 * i + 1];
            const double x1 = polygon[2 * ((i + 1) % n)], y1 = polygon[2 * ((i + 1) % n) + 1];
            if ((y0 <= cy) != (y1 <= cy)) // half-open: a vertex on the line counts once
                crossings.push_back(x0 + (cy - y0) * (x1 - x0) / (y1 - y0));
        }
        std::sort(crossings.begin(), crossings.end());
        uchar *row = mask.ptr<uchar>(y);
        for (std::size_t k = 0; k + 1 < crossings.size(); k += 2) {
            // Pixels whose centre x + 0.5 lies in [from, to).
            const int first = std::max(0, int(std::ceil(crossings[k] - 0.5)));
            const int last = std::min(mask.cols - 1, int(std::ceil(crossings[k + 1] - 0.5)) - 1);
            for (int x = first; x <= last; ++x)
                row[x] = value;
        }
    }
}

} // namespace

bool hasPixelLabels(const Dataset &ds)
{
    if (ds.maskLayout)
        return true;
    for (const Sample &s : ds.samples)
        for (const Annotation &a : s.objects)
            if (a.hasMask())
                return true;
    return false;
}

MaskPixels readMaskPixels(const QString &path, const DecodeLimits &limits)
{
    MaskPixels out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        out.error = Text::tr("cannot read the mask: %1").arg(f.errorString());
        return out;
    }
    if (f.size() > limits.maxFileBytes) {
        out.error = Text::tr("mask file of %1 MB is above the limit of %2 MB")
                        .arg(f.size() >> 20)
                        .arg(limits.maxFileBytes >> 20);
        return out;
    }
    const QByteArray bytes = f.readAll();
    if (bytes.isEmpty()) {
        out.error = Text::tr("empty mask file (0 bytes)");
        return out;
    }
    const PalettePng palette = readPalettePng(bytes, limits.maxPixels);
    if (palette.isPalette) {
        out.error = palette.error;
        out.pixels = palette.indexes;
        out.palette = palette.palette;
        return out;
    }
    QString reason;
    const auto header = parseImageHeader(bytes.constData(), std::size_t(bytes.size()), &reason);
    if (!header) {
        out.error = reason;
        return out;
    }
    if (qint64(header->width) * header->height > limits.maxPixels) {
        out.error = Text::tr("mask claims %1×%2 pixels, above the limit of %3 megapixels")
                        .arg(header->width)
                        .arg(header->height)
                        .arg(limits.maxPixels / 1000000);
        return out;
    }
    cv::Mat image;
    try {
        const cv::Mat encoded(1, int(bytes.size()), CV_8U, const_cast<char *>(bytes.constData()));
        image = cv::imdecode(encoded, cv::IMREAD_UNCHANGED);
    } catch (const cv::Exception &) {
        image.release();
    }
    if (image.empty()) {
        // The header read fine; the pixel data did not (truncated or damaged). The decoder's own
        // checks say more for the formats it knows.
        const DecodeResult check = decodeImageBytes(bytes);
        out.error = check.error.isEmpty() ? Text::tr("the mask's pixel data cannot be decoded") : check.error;
        return out;
    }
    if (image.depth() != CV_8U && image.depth() != CV_16U) {
        out.error = Text::tr("mask pixels of an unsupported type (use 8- or 16-bit PNG)");
        return out;
    }
    if (image.channels() == 4)
        cv::cvtColor(image, image, cv::COLOR_BGRA2BGR);
    else if (image.channels() == 2)
        cv::extractChannel(image, image, 0);
    if (image.channels() == 3 && image.depth() == CV_16U)
        image.convertTo(image, CV_8U, 1.0 / 257.0);
    // A grey mask saved as RGB: its values, not colours.
    if (image.channels() == 3) {
        std::vector<cv::Mat> planes;
        cv::split(image, planes);
        if (cv::countNonZero(planes[0] != planes[1]) == 0 && cv::countNonZero(planes[1] != planes[2]) == 0)
            image = planes[0];
    }
    out.pixels = image;
    return out;
}

ClassMask classIndexes(const MaskPixels &px, const MaskCoding &coding, int foregroundClass, int classCount)
{
    ClassMask out;
    if (!px.ok()) {
        out.error = px.error;
        return out;
    }
    const cv::Mat &p = px.pixels;
    if (foregroundClass >= 0) {
        // Binary: anything but black is the class.
        cv::Mat any;
        if (p.channels() == 3) {
            cv::Mat grey;
            cv::transform(p, grey, cv::Matx13f(1, 1, 1));
            any = grey != 0;
        } else if (!px.palette.empty()) {
            // A palette image's index 0 is not always black; its colours say what is marked.
            cv::Mat lut(1, 256, CV_8U, cv::Scalar(0));
            for (std::size_t i = 0; i < px.palette.size() && i < 256; ++i)
                lut.at<uchar>(int(i)) = px.palette[i] != 0 ? 255 : 0;
            cv::LUT(p, lut, any);
        } else {
            any = p != 0;
        }
        out.mask = cv::Mat::zeros(p.size(), CV_8U);
        out.mask.setTo(cv::Scalar(foregroundClass + 1), any);
        return out;
    }
    if (p.channels() == 1 && !px.palette.empty() && !coding.colourToClass.empty()) {
        // A palette PNG under labelmap.txt's colours: index → the palette's colour → class.
        std::array<int, 256> table;
        table.fill(MaskCoding::kNoClass);
        for (std::size_t i = 0; i < px.palette.size() && i < 256; ++i) {
            const auto it = coding.colourToClass.find(px.palette[i]);
            if (it != coding.colourToClass.end())
                table[i] = it->second;
        }
        out = applyTable(p, table, classCount);
        if (!out.ok()) {
            // Name the colour, which is what the labelmap lists.
            int hist[256] = {};
            for (int y = 0; y < p.rows; ++y)
                for (int x = 0; x < p.cols; ++x)
                    ++hist[p.at<uchar>(y, x)];
            for (int v = 0; v < 256; ++v)
                if (hist[v] > 0 && table[v] == MaskCoding::kNoClass) {
                    out.error = Text::tr("colour %1 (palette index %2) in %3 pixels is in no class of labelmap.txt")
                                    .arg(colourText(std::size_t(v) < px.palette.size() ? px.palette[v] : 0))
                                    .arg(v)
                                    .arg(hist[v]);
                    break;
                }
        }
        return out;
    }
    if (p.channels() == 1 && p.depth() == CV_8U)
        return applyTable(p, coding.valueToClass, classCount);
    if (p.channels() == 1) { // 16-bit values
        double most = 0;
        cv::minMaxLoc(p, nullptr, &most);
        if (most > 255) {
            out.error = Text::tr("value %1 stands for no class (16-bit mask; the classes are 1 to %2)")
                            .arg(int(most))
                            .arg(classCount);
            return out;
        }
        cv::Mat eight;
        p.convertTo(eight, CV_8U);
        return applyTable(eight, coding.valueToClass, classCount);
    }
    // Colours: labelmap.txt says which class each is.
    if (coding.colourToClass.empty()) {
        out.error = Text::tr("colour mask, but no labelmap.txt says which class each colour is");
        return out;
    }
    out.mask = cv::Mat::zeros(p.size(), CV_8U);
    quint32 lastColour = 0xffffffff;
    int lastValue = 0;
    for (int y = 0; y < p.rows; ++y) {
        const cv::Vec3b *row = p.ptr<cv::Vec3b>(y);
        uchar *dst = out.mask.ptr<uchar>(y);
        for (int x = 0; x < p.cols; ++x) {
            const quint32 rgb = (quint32(row[x][2]) << 16) | (quint32(row[x][1]) << 8) | row[x][0];
            if (rgb != lastColour) {
                const auto it = coding.colourToClass.find(rgb);
                if (it == coding.colourToClass.end() || !validClass(it->second, classCount)) {
                    int pixels = 0;
                    for (int yy = 0; yy < p.rows; ++yy)
                        for (int xx = 0; xx < p.cols; ++xx)
                            pixels += p.at<cv::Vec3b>(yy, xx) == row[x] ? 1 : 0;
                    out.mask.release();
                    out.error = Text::tr("colour %1 in %2 pixels is in no class of labelmap.txt")
                                    .arg(colourText(rgb))
                                    .arg(pixels);
                    return out;
                }
                lastColour = rgb;
                lastValue = it->second;
            }
            dst[x] = uchar(lastValue);
        }
    }
    return out;
}

ClassMask readClassMask(const Dataset &ds, const Sample &s, const DecodeLimits &limits)
{
    ClassMask out;
    const int classCount = int(ds.classes.size());
    cv::Size imageSize(s.width, s.height);
    if (!s.mask.isEmpty()) {
        out = classIndexes(readMaskPixels(s.mask.path, limits), ds.maskCoding, s.mask.foregroundClass, classCount);
        if (out.ok() && imageSize.width > 0 && imageSize.height > 0 && out.mask.size() != imageSize) {
            out.error = Text::tr("mask is %1×%2 px, its image %3×%4 px")
                            .arg(out.mask.cols)
                            .arg(out.mask.rows)
                            .arg(imageSize.width)
                            .arg(imageSize.height);
            out.mask.release();
        }
        return out;
    }
    if (imageSize.width <= 0 || imageSize.height <= 0) {
        QString reason;
        const auto header = readImageHeader(s.path, &reason);
        if (!header) {
            out.error = reason;
            return out;
        }
        imageSize = cv::Size(header->width, header->height);
    }
    if (qint64(imageSize.width) * imageSize.height > limits.maxPixels) {
        out.error = Text::tr("image claims %1×%2 pixels, above the limit of %3 megapixels")
                        .arg(imageSize.width)
                        .arg(imageSize.height)
                        .arg(limits.maxPixels / 1000000);
        return out;
    }
    out.mask = cv::Mat::zeros(imageSize, CV_8U);
    if (ds.maskLayout)
        return out; // an image without a mask file: all background
    for (const Annotation &a : s.objects) {
        if (!a.hasMask() || a.classId < 0 || a.classId >= classCount || a.classId + 1 >= MaskCoding::kIgnore)
            continue;
        const uchar value = uchar(a.classId + 1);
        for (const Polygon &polygon : a.polygons)
            paintPolygon(out.mask, polygon, value);
        if (!a.rle.isEmpty()) {
            if (a.rle.width != imageSize.width || a.rle.height != imageSize.height) {
                out.error = Text::tr("RLE mask is %1×%2 px, its image %3×%4 px")
                                .arg(a.rle.width)
                                .arg(a.rle.height)
                                .arg(imageSize.width)
                                .arg(imageSize.height);
                out.mask.release();
                return out;
            }
            paintRle(out.mask, a.rle, value);
        }
    }
    return out;
}

} // namespace loupe
