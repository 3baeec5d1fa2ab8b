#include "eval/TileSetup.h"

#include "imaging/ImageHeader.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

namespace loupe {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::DetectionEvaluation)
};

} // namespace

QString TileSetup::describe() const
{
    QString text = isWholeImage() ? Text::tr("whole images")
                                  : Text::tr("%1×%2 tiles, overlap %3 px").arg(tiles.rows).arg(tiles.cols).arg(overlap);
    if (roi)
        text += Text::tr(", region %1,%2,%3,%4").arg(roi->x()).arg(roi->y()).arg(roi->width()).arg(roi->height());
    return text;
}

QJsonObject TileSetup::toJson() const
{
    QJsonObject o{{QStringLiteral("rows"), tiles.rows},
                  {QStringLiteral("cols"), tiles.cols},
                  {QStringLiteral("overlap"), overlap}};
    if (roi)
        o.insert(QStringLiteral("roi"), QJsonArray{roi->x(), roi->y(), roi->width(), roi->height()});
    return o;
}

TileSetup TileSetup::fromJson(const QJsonObject &json)
{
    TileSetup s;
    s.tiles.rows = std::max(1, json.value(QStringLiteral("rows")).toInt(1));
    s.tiles.cols = std::max(1, json.value(QStringLiteral("cols")).toInt(1));
    s.overlap = std::max(0, json.value(QStringLiteral("overlap")).toInt(0));
    const QJsonArray r = json.value(QStringLiteral("roi")).toArray();
    if (r.size() == 4)
        s.roi = QRect(r[0].toInt(), r[1].toInt(), r[2].toInt(), r[3].toInt());
    return s;
}

QSize imageSizeOf(const Dataset &dataset, int sample)
{
    const Sample &s = dataset.samples[std::size_t(sample)];
    if (s.idxIndex >= 0 && dataset.idx)
        return QSize(dataset.idx->cols, dataset.idx->rows);
    if (s.width > 0 && s.height > 0)
        return QSize(s.width, s.height);
    if (const auto header = readImageHeader(s.path))
        return QSize(header->width, header->height);
    return {};
}

TileGrid tileGridFor(const Dataset &dataset, int sample, const TileSetup &setup)
{
    const QSize size = imageSizeOf(dataset, sample);
    if (size.isEmpty())
        throw TilingError(Text::tr("the size of %1 is unknown").arg(dataset.samples[std::size_t(sample)].path));
    return TileGrid(size, setup.tiles, setup.overlap, setup.roi);
}

void tileItems(const Dataset &dataset, const std::vector<int> &images, const TileSetup &setup, std::vector<int> &indices,
               std::vector<QRect> &regions, std::vector<BadFile> *skipped)
{
    indices.clear();
    regions.clear();
    for (int sample : images) {
        if (setup.isWholeImage()) {
            indices.push_back(sample);
            regions.push_back(QRect());
            continue;
        }
        try {
            const TileGrid grid = tileGridFor(dataset, sample, setup);
            for (const QRect &tile : grid.tiles()) {
                indices.push_back(sample);
                regions.push_back(tile);
            }
        } catch (const TilingError &e) {
            if (skipped)
                skipped->push_back({dataset.samples[std::size_t(sample)].path, e.message()});
        }
    }
}

} // namespace loupe
