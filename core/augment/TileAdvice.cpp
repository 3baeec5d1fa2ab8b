#include "augment/TileAdvice.h"

#include "Translations.h"
#include "augment/TileTargets.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace loupe {

// Messages name their context for lupdate (a Text::tr() here would be filed under "Text").

namespace {

/// Space left around the union of every box, so objects near its edge keep some context.
constexpr int kRoiMarginPx = 16;

QString num(double v, int decimals = 1)
{
    return localeNumber(v, 'f', decimals);
}

QString roiText(const QRect &r)
{
    return QStringLiteral("%1,%2,%3,%4").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
}

QString gridText(TileCount c)
{
    return QStringLiteral("%1×%2").arg(c.rows).arg(c.cols);
}

struct Image {
    int sample;
    QSize size;
    std::vector<QRectF> boxes;
};

struct Smallest {
    QSizeF size;
    bool any = false;
    void offer(const QSizeF &s)
    {
        const double a = std::min(s.width(), s.height()), b = std::min(size.width(), size.height());
        if (!any || a < b || (a == b && s.width() * s.height() < size.width() * size.height())) {
            size = s;
            any = true;
        }
    }
};

/// Counts the boxes that end under the size (or in no tile) for one setting; fills per-image worst sides.
TileFigure measure(const std::vector<Image> &images, TileCount count, const std::optional<QRect> &roi,
                   const TileAdviceOptions &o, Smallest *smallest = nullptr,
                   std::vector<std::pair<double, int>> *worst = nullptr)
{
    TileFigure f;
    f.tiles = count;
    f.roi = roi;
    const double input = std::max(1, o.inputSize);
    for (const Image &img : images) {
        std::optional<TileGrid> grid;
        try {
            grid.emplace(img.size, count, o.overlap, roi);
        } catch (const TilingError &) {
            f.fits = false;
            f.under += int(img.boxes.size());
            continue;
        }
        double imageWorst = 1e300;
        for (const QRectF &box : img.boxes) {
            int best = -1;
            double bestShare = 0;
            for (int t = 0; t < grid->count(); ++t) {
                const double share = grid->keptFraction(t, box);
                if (share > bestShare) {
                    bestShare = share;
                    best = t;
                }
            }
            if (best < 0 || bestShare < kTileMinKeptArea) {
                ++f.under; // no tile keeps enough of it: it is no tile's target
                imageWorst = 0;
                continue;
            }
            const QRect tile = grid->tile(best);
            const QRectF clipped = box & QRectF(tile);
            const QSizeF seen(clipped.width() * input / tile.width(), clipped.height() * input / tile.height());
            const double side = std::min(seen.width(), seen.height());
            if (smallest)
                smallest->offer(seen);
            if (side < o.minObjectPx) {
                ++f.under;
                imageWorst = std::min(imageWorst, side);
            }
        }
        if (worst && imageWorst < 1e300)
            worst->emplace_back(imageWorst, img.sample);
    }
    return f;
}

bool keeps(const TileFigure &f, int allowed)
{
    return f.fits && f.under <= allowed;
}

/// "4×4 tiles (--tiles 4x4) keep all but 2 above 5 px"
QString tilesText(const TileFigure &f, int minPx)
{
    const QString grid = gridText(f.tiles), flag = QStringLiteral("%1x%2").arg(f.tiles.rows).arg(f.tiles.cols);
    if (f.under == 0)
        return QCoreApplication::translate("loupe::TileAdvice", "%1 tiles (--tiles %2) keep every box at %3 px or more")
            .arg(grid, flag)
            .arg(minPx);
    return QCoreApplication::translate("loupe::TileAdvice", "%1 tiles (--tiles %2) keep all but %3 above %4 px")
        .arg(grid, flag)
        .arg(f.under)
        .arg(minPx);
}

} // namespace

int TileAdvice::allowed() const
{
    return int(std::floor(tolerance * boxes + 1e-9));
}

TileAdvice adviseTiles(const Dataset &dataset, const TileAdviceOptions &o, const std::vector<int> *samples)
{
    TileAdvice a;
    a.inputSize = o.inputSize;
    a.minObjectPx = o.minObjectPx;
    a.tolerance = o.tolerance;
    a.maxGrid = o.maxGrid;
    std::vector<int> order;
    if (samples)
        order = *samples;
    else
        for (int i = 0; i < int(dataset.samples.size()); ++i)
            order.push_back(i);

    std::vector<Image> images;
    std::vector<qint64> areas;
    QRectF all;
    QSize largest;
    for (int i : order) {
        if (i < 0 || i >= int(dataset.samples.size()))
            continue;
        const Sample &s = dataset.samples[std::size_t(i)];
        if (s.width <= 0 || s.height <= 0)
            continue;
        Image img {i, QSize(s.width, s.height), {}};
        areas.push_back(qint64(s.width) * s.height);
        largest = largest.expandedTo(img.size);
        const QRectF bounds(0, 0, s.width, s.height);
        for (const Annotation &an : s.objects) {
            const QRectF box = an.box.normalized() & bounds;
            if (an.crowd || !(box.width() > 0 && box.height() > 0))
                continue;
            img.boxes.push_back(box);
            all = all.isNull() ? box : all.united(box);
        }
        a.boxes += int(img.boxes.size());
        if (!img.boxes.empty())
            images.push_back(std::move(img));
    }
    a.current.tiles = o.tiles;
    a.current.roi = o.roi;
    if (a.boxes == 0)
        return a;

    Smallest smallest;
    std::vector<std::pair<double, int>> worst;
    a.current = measure(images, o.tiles, o.roi, o, &smallest, &worst);
    a.smallest = smallest.size;
    std::sort(worst.begin(), worst.end());
    for (const auto &[side, sample] : worst)
        if (side < o.minObjectPx)
            a.samples.push_back(sample);

    const int allowed = a.allowed();
    for (int n = 1; n <= std::max(1, o.maxGrid); ++n)
        a.grids.push_back(measure(images, TileCount {n, n}, o.roi, o));
    for (const TileFigure &f : a.grids)
        if (keeps(f, allowed)) {
            a.recommended = f;
            break;
        }
    if (!a.recommended)
        for (const TileFigure &f : a.grids)
            if (f.fits && (!a.recommended || f.under < a.recommended->under))
                a.recommended = f;

    // The region every box lies in, when it leaves much of the images out.
    if (!o.roi && !areas.empty()) {
        std::nth_element(areas.begin(), areas.begin() + areas.size() / 2, areas.end());
        const qint64 median = areas[areas.size() / 2];
        const int left = std::max(0, int(std::floor(all.left())) - kRoiMarginPx);
        const int top = std::max(0, int(std::floor(all.top())) - kRoiMarginPx);
        const int right = std::min(largest.width(), int(std::ceil(all.right())) + kRoiMarginPx);
        const int bottom = std::min(largest.height(), int(std::ceil(all.bottom())) + kRoiMarginPx);
        const QRect roi(left, top, right - left, bottom - top);
        if (!roi.isEmpty() && double(roi.width()) * roi.height() <= o.roiShare * double(median)) {
            a.unionRoi = roi;
            a.roiAlone = measure(images, TileCount {1, 1}, roi, o);
            if (!keeps(*a.roiAlone, allowed))
                for (int n = 2; n <= std::max(1, o.maxGrid); ++n) {
                    const TileFigure f = measure(images, TileCount {n, n}, roi, o);
                    if (keeps(f, allowed)) {
                        a.roiGrid = f;
                        break;
                    }
                }
        }
    }
    return a;
}

QString TileAdvice::message() const
{
    QString setting;
    const bool tiled = current.tiles.rows != 1 || current.tiles.cols != 1;
    if (tiled && current.roi)
        setting = QCoreApplication::translate("loupe::TileAdvice", "At %1 px input with %2 tiles of the region %3").arg(inputSize).arg(gridText(current.tiles),
                                                                                       roiText(*current.roi));
    else if (tiled)
        setting = QCoreApplication::translate("loupe::TileAdvice", "At %1 px input with %2 tiles").arg(inputSize).arg(gridText(current.tiles));
    else if (current.roi)
        setting = QCoreApplication::translate("loupe::TileAdvice", "At %1 px input with the region %2").arg(inputSize).arg(roiText(*current.roi));
    else
        setting = QCoreApplication::translate("loupe::TileAdvice", "At %1 px input").arg(inputSize);
    return QCoreApplication::translate("loupe::TileAdvice", "%1, %2 of %3 boxes fall under %4×%4 px (smallest %5×%6 px)")
        .arg(setting)
        .arg(current.under)
        .arg(boxes)
        .arg(minObjectPx)
        .arg(num(smallest.width()), num(smallest.height()));
}

QString TileAdvice::suggestion() const
{
    QStringList parts;
    const bool sameAsCurrent = recommended && recommended->tiles.rows == current.tiles.rows
        && recommended->tiles.cols == current.tiles.cols;
    if (recommended && !sameAsCurrent && recommended->under < current.under) {
        if (recommended->under > allowed())
            parts << QCoreApplication::translate("loupe::TileAdvice", "no grid up to %1×%1 keeps them all; the best, %2")
                         .arg(maxGrid)
                         .arg(tilesText(*recommended, minObjectPx));
        else
            parts << tilesText(*recommended, minObjectPx);
    }
    if (unionRoi && roiAlone) {
        const QString roi = roiText(*unionRoi);
        QString text = roiAlone->under == 0
            ? QCoreApplication::translate("loupe::TileAdvice",
                  "a region of interest of %1 covering every box (--roi %1) keeps every box at %2 px or more")
                  .arg(roi)
                  .arg(minObjectPx)
            : QCoreApplication::translate("loupe::TileAdvice",
                  "a region of interest of %1 covering every box (--roi %1) keeps all but %2 above %3 px")
                  .arg(roi)
                  .arg(roiAlone->under)
                  .arg(minObjectPx);
        if (roiGrid)
            text += roiGrid->under == 0
                ? QCoreApplication::translate("loupe::TileAdvice", ", and with %1 tiles inside it every box")
                      .arg(gridText(roiGrid->tiles))
                : QCoreApplication::translate("loupe::TileAdvice", ", and with %1 tiles inside it all but %2")
                      .arg(gridText(roiGrid->tiles))
                      .arg(roiGrid->under);
        parts << text;
    }
    if (parts.isEmpty())
        return QCoreApplication::translate("loupe::TileAdvice", "No grid up to %1×%1 keeps them: use a larger input or a region of interest.").arg(maxGrid);
    QString out = parts.join(QStringLiteral("; "));
    out[0] = out[0].toUpper();
    return out + QLatin1Char('.');
}

} // namespace loupe
