#include "AugmentRenderer.h"

#include "ClassColors.h"
#include "NumberText.h"
#include "SourceImageCache.h"

#include "augment/TileTargets.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QMutex>
#include <QMutexLocker>
#include <QPainter>
#include <QtConcurrent>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace loupe {

namespace {

// This code was part of AugmentPanel: its strings keep that translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::AugmentPanel)
};

/// Pictures are made at most this many pixels on a side; cells are smaller still.
constexpr int kPictureSide = 320;

/// 8-bit BGR or grey pixels into an RGB32 QImage, scaled down to fit kPictureSide.
QImage toQImage(const cv::Mat &bytes, double *scale)
{
    cv::Mat m = bytes;
    *scale = 1.0;
    const int longer = std::max(m.cols, m.rows);
    if (longer > kPictureSide) {
        *scale = double(kPictureSide) / longer;
        cv::resize(m, m, cv::Size(std::max(1, int(std::lround(m.cols * *scale))), std::max(1, int(std::lround(m.rows * *scale)))),
                   0, 0, cv::INTER_AREA);
    }
    if (m.channels() == 1)
        cv::cvtColor(m, m, cv::COLOR_GRAY2BGRA);
    else if (m.channels() == 3)
        cv::cvtColor(m, m, cv::COLOR_BGR2BGRA);
    // BGRA bytes are QImage's RGB32 on little-endian machines.
    return QImage(m.data, m.cols, m.rows, int(m.step), QImage::Format_RGB32).copy();
}

/// COCO RLE (column-major, zeros first) as a translucent overlay in the class colour.
QImage rleOverlay(const RleMask &rle, const QColor &colour)
{
    QImage overlay(rle.width, rle.height, QImage::Format_ARGB32_Premultiplied);
    overlay.fill(Qt::transparent);
    QColor fill = colour;
    fill.setAlpha(110);
    const QRgb value = fill.rgba();
    const QRgb premultiplied = qPremultiply(value);
    qint64 pos = 0;
    const qint64 total = qint64(rle.width) * rle.height;
    bool on = false;
    for (quint32 run : rle.counts) {
        if (on)
            for (qint64 k = pos; k < std::min(total, pos + run); ++k)
                reinterpret_cast<QRgb *>(overlay.scanLine(int(k % rle.height)))[k / rle.height] = premultiplied;
        pos += run;
        on = !on;
    }
    return overlay;
}

void drawObjects(QImage &image, const std::vector<Annotation> &objects, double scale)
{
    if (objects.empty())
        return;
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(scale, scale);
    for (const Annotation &a : objects) {
        const QColor colour = classColor(a.classId);
        if (!a.rle.isEmpty() && a.rle.width > 0 && a.rle.height > 0)
            p.drawImage(QRectF(0, 0, image.width() / scale, image.height() / scale), rleOverlay(a.rle, colour));
        QColor fill = colour;
        fill.setAlpha(90);
        for (const Polygon &poly : a.polygons) {
            QPolygonF q;
            for (std::size_t k = 0; k + 1 < poly.size(); k += 2)
                q << QPointF(poly[k], poly[k + 1]);
            p.setPen(Qt::NoPen);
            p.setBrush(fill);
            p.drawPolygon(q);
        }
        QPen pen(colour, 1.6 / scale, a.crowd ? Qt::DashLine : Qt::SolidLine); // dashed: a crowd region, not an object
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        // Tiny defects get a visible frame: at least 4 screen pixels.
        QRectF box = a.box;
        const double minSide = 4.0 / scale;
        if (box.width() < minSide || box.height() < minSide)
            box = QRectF(box.center() - QPointF(std::max(minSide, box.width()) / 2, std::max(minSide, box.height()) / 2),
                         QSizeF(std::max(minSide, box.width()), std::max(minSide, box.height())));
        p.drawRect(box);
    }
}

QString number(const QVariant &v, int decimals)
{
    return numberText(v.toDouble(), 'f', decimals);
}

/// "hflip · rot −12.3° · bright +0.05": only the random steps that ran.
QString compactText(const std::vector<AppliedStep> &steps, bool randomOnly)
{
    QStringList parts;
    for (const AppliedStep &s : steps) {
        if (!s.applied)
            continue;
        const QVariantMap &p = s.params;
        const QString t = s.type;
        if (t == QLatin1String("hflip") || t == QLatin1String("vflip"))
            parts << t;
        else if (t == QLatin1String("rotate90") || t == QLatin1String("rotate"))
            parts << Text::tr("rot %1°").arg(number(p.value(QStringLiteral("degrees")), t == QLatin1String("rotate") ? 1 : 0));
        else if (t == QLatin1String("scale"))
            parts << Text::tr("zoom ×%1").arg(number(p.value(QStringLiteral("factor")), 2));
        else if (t == QLatin1String("translate"))
            parts << Text::tr("shift %1,%2").arg(p.value(QStringLiteral("dx")).toInt()).arg(p.value(QStringLiteral("dy")).toInt());
        else if (t == QLatin1String("brightness")) {
            const double d = p.value(QStringLiteral("delta")).toDouble();
            parts << Text::tr("bright %1%2").arg(d >= 0 ? QStringLiteral("+") : QString(), numberText(d, 'f', 2));
        } else if (t == QLatin1String("contrast"))
            parts << Text::tr("contrast ×%1").arg(number(p.value(QStringLiteral("factor")), 2));
        else if (t == QLatin1String("gamma"))
            parts << Text::tr("γ %1").arg(number(p.value(QStringLiteral("gamma")), 2));
        else if (t == QLatin1String("gaussian_noise"))
            parts << Text::tr("noise %1").arg(number(p.value(QStringLiteral("sd")), 3));
        else if (t == QLatin1String("gaussian_blur"))
            parts << Text::tr("blur σ%1").arg(number(p.value(QStringLiteral("sigma")), 1));
        else if (t == QLatin1String("random_crop"))
            parts << Text::tr("crop %1,%2 %3×%4")
                         .arg(p.value(QStringLiteral("x")).toInt())
                         .arg(p.value(QStringLiteral("y")).toInt())
                         .arg(p.value(QStringLiteral("width")).toInt())
                         .arg(p.value(QStringLiteral("height")).toInt());
        else if (t == QLatin1String("tile") && p.contains(QStringLiteral("row")))
            parts << Text::tr("tile %1,%2").arg(p.value(QStringLiteral("row")).toInt()).arg(p.value(QStringLiteral("col")).toInt());
        else if (!randomOnly)
            parts << t;
    }
    return parts.isEmpty() ? Text::tr("no random change") : parts.join(QStringLiteral(" · "));
}

QString detailsText(const std::vector<AppliedStep> &steps)
{
    QStringList lines;
    for (const AppliedStep &s : steps) {
        QStringList values;
        for (auto it = s.params.begin(); it != s.params.end(); ++it) {
            const QVariant &v = it.value();
            QString text;
            if (v.typeId() == QMetaType::Double)
                text = numberText(v.toDouble(), 'g', 4);
            else if (v.canConvert<QVariantList>() && v.typeId() != QMetaType::QString) {
                QStringList items;
                for (const QVariant &x : v.toList())
                    items << numberText(x.toDouble(), 'g', 4);
                text = QLatin1Char('[') + items.join(QStringLiteral(", ")) + QLatin1Char(']');
            } else
                text = v.toString();
            values << it.key() + QLatin1Char('=') + text;
        }
        lines << QStringLiteral("%1: %2 %3").arg(s.type, s.applied ? Text::tr("yes") : Text::tr("no"),
                                                 values.join(QStringLiteral(", ")));
    }
    return lines.join(QLatin1Char('\n'));
}

quint64 variantSeed(quint64 seed, int sample, int variant)
{
    quint64 s = seed ^ (quint64(sample) * 0x9E3779B97F4A7C15ull) ^ (quint64(variant + 1) << 40);
    s ^= s >> 33;
    s *= 0xff51afd7ed558ccdull;
    s ^= s >> 33;
    return s;
}


// The tiles view's own colours, apart from the class colours: the grid yellow, the region cyan, a
// dropped box dashed light grey on a dark outline (dashes tell it apart without colour).
const QColor kGridColour(255, 212, 0);
const QColor kRegionColour(0, 190, 255);
const QColor kDroppedColour(215, 215, 215);

void drawDropped(QImage &image, const std::vector<QRectF> &boxes, double scale)
{
    if (boxes.empty())
        return;
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(scale, scale);
    p.setBrush(Qt::NoBrush);
    for (QRectF box : boxes) {
        const double minSide = 4.0 / scale;
        if (box.width() < minSide || box.height() < minSide)
            box = QRectF(box.center() - QPointF(std::max(minSide, box.width()) / 2, std::max(minSide, box.height()) / 2),
                         QSizeF(std::max(minSide, box.width()), std::max(minSide, box.height())));
        p.setPen(QPen(QColor(20, 20, 20), 3.0 / scale));
        p.drawRect(box);
        p.setPen(QPen(kDroppedColour, 1.6 / scale, Qt::DashLine));
        p.drawRect(box);
    }
}

/// The grid's tiles (alternate ones dotted, so overlaps show) and the region around them.
void drawGrid(QImage &image, const TileGrid &grid, double scale)
{
    QPainter p(&image);
    p.scale(scale, scale);
    p.setBrush(Qt::NoBrush);
    for (int t = 0; t < grid.count(); ++t) {
        const bool odd = (t / grid.cols() + t % grid.cols()) % 2 == 1;
        p.setPen(QPen(kGridColour, 1.5 / scale, odd ? Qt::DotLine : Qt::SolidLine));
        p.drawRect(QRectF(grid.tile(t)).adjusted(0.5 / scale, 0.5 / scale, -0.5 / scale, -0.5 / scale));
    }
    if (grid.roi() != QRect(QPoint(0, 0), grid.imageSize())) {
        p.setPen(QPen(kRegionColour, 2.5 / scale, Qt::DashLine));
        p.drawRect(QRectF(grid.roi()));
    }
}

/// One image in the tiles view: the overview, each tile, then variants of the tile keeping the most.
void renderTiles(const AugmentRenderJob &job, const Pipeline &pipeline, int sample, const cv::Mat &source,
                 QList<VariantTile> &out, QString &error)
{
    const Dataset &dataset = job.inspection->dataset;
    const Sample &s = dataset.samples[std::size_t(sample)];
    const QString name = QFileInfo(s.path).fileName();
    const TilingSetting &setting = job.tiling;
    std::optional<TileGrid> grid;
    try {
        grid.emplace(QSize(source.cols, source.rows), setting.tiles, setting.overlap, setting.roi);
    } catch (const TilingError &e) {
        error += QStringLiteral("%1: %2\n").arg(name, e.message());
        return;
    }
    // Over the whole image: an object is kept when some tile keeps it as a target.
    std::vector<Annotation> keptSomewhere;
    std::vector<QRectF> droppedEverywhere;
    for (const Annotation &a : s.objects) {
        double best = 0;
        for (int t = 0; t < grid->count(); ++t)
            best = std::max(best, grid->keptFraction(t, a.box));
        if (a.crowd ? best > 0 : best >= kTileMinKeptArea)
            keptSomewhere.push_back(a);
        else if (!a.crowd)
            droppedEverywhere.push_back(a.box);
    }
    VariantTile overview;
    double scale = 1;
    overview.image = toQImage(source, &scale);
    drawObjects(overview.image, keptSomewhere, scale);
    drawDropped(overview.image, droppedEverywhere, scale);
    drawGrid(overview.image, *grid, scale);
    overview.sample = sample;
    overview.original = true;
    overview.rowStart = true;
    overview.kept = int(keptSomewhere.size());
    overview.dropped = int(droppedEverywhere.size());
    overview.caption = QCoreApplication::translate("loupe::AugmentPanel", "#%1 %2×%3 tiles: %4 kept, %5 dropped")
                           .arg(sample)
                           .arg(grid->rows())
                           .arg(grid->cols())
                           .arg(overview.kept)
                           .arg(overview.dropped);
    overview.details = QCoreApplication::translate("loupe::AugmentPanel", "%1\n%2×%3 px; tiles of %4×%5 px overlapping by %6 px over the region %7,%8 %9×%10")
                           .arg(s.path)
                           .arg(source.cols)
                           .arg(source.rows)
                           .arg(grid->tileSize().width())
                           .arg(grid->tileSize().height())
                           .arg(grid->overlap())
                           .arg(grid->roi().x())
                           .arg(grid->roi().y())
                           .arg(grid->roi().width())
                           .arg(grid->roi().height());
    out.append(overview);

    int busiest = 0, busiestKept = -1;
    std::vector<std::vector<Annotation>> keptPerTile;
    for (int t = 0; t < grid->count(); ++t) {
        const QRect r = grid->tile(t);
        std::vector<Annotation> kept = objectsInTile(*grid, t, s.objects);
        std::vector<QRectF> dropped;
        for (const Annotation &a : s.objects) {
            const double share = grid->keptFraction(t, a.box);
            if (!a.crowd && share > 0 && share < kTileMinKeptArea)
                dropped.push_back(grid->toTile(t, a.box) & QRectF(0, 0, r.width(), r.height()));
        }
        int objects = 0;
        for (const Annotation &a : kept)
            objects += a.crowd ? 0 : 1;
        VariantTile tile;
        double f = 1;
        tile.image = toQImage(grid->cut(source, t), &f);
        drawObjects(tile.image, kept, f);
        drawDropped(tile.image, dropped, f);
        tile.sample = sample;
        tile.tile = t;
        tile.kept = objects;
        tile.dropped = int(dropped.size());
        tile.caption = QCoreApplication::translate("loupe::AugmentPanel", "r%1 c%2: %3 kept, %4 dropped")
                           .arg(t / grid->cols() + 1)
                           .arg(t % grid->cols() + 1)
                           .arg(tile.kept)
                           .arg(tile.dropped);
        tile.details = QCoreApplication::translate("loupe::AugmentPanel", "tile %1 of %2: %3,%4 %5×%6 px in the image; dashed boxes keep under half their area "
                                "here and are not its targets")
                           .arg(t + 1)
                           .arg(grid->count())
                           .arg(r.x())
                           .arg(r.y())
                           .arg(r.width())
                           .arg(r.height());
        out.append(tile);
        if (objects > busiestKept) {
            busiestKept = objects;
            busiest = t;
        }
        keptPerTile.push_back(std::move(kept));
    }

    // The tile as the detector's loader hands it over: cut, its targets, the pipeline, the input size.
    cv::Mat input = grid->cut(source, busiest, true);
    if (job.batch.channels == 3 && input.channels() == 1)
        cv::cvtColor(input, input, cv::COLOR_GRAY2BGR);
    else if (job.batch.channels == 1 && input.channels() == 3)
        cv::cvtColor(input, input, cv::COLOR_BGR2GRAY);
    const int side = std::max(8, job.batch.imageSize);
    for (int v = 0; v < job.variants; ++v) {
        std::vector<AppliedStep> applied;
        AugmentedImage a = pipeline.apply(input, keptPerTile[std::size_t(busiest)], variantSeed(job.seed, sample, v), &applied);
        cv::Mat shown = pipeline.toDisplay(a.image);
        if (shown.cols != side || shown.rows != side) {
            const double fx = double(side) / shown.cols, fy = double(side) / shown.rows;
            for (Annotation &o : a.objects) {
                o.box = QRectF(o.box.x() * fx, o.box.y() * fy, o.box.width() * fx, o.box.height() * fy);
                o.polygons.clear();
                o.rle = {};
            }
            cv::resize(shown, shown, cv::Size(side, side), 0, 0, cv::INTER_AREA);
        }
        VariantTile t;
        double f = 1;
        t.image = toQImage(shown, &f);
        drawObjects(t.image, a.objects, f);
        t.sample = sample;
        t.tile = busiest;
        t.rowStart = v == 0;
        t.caption = QCoreApplication::translate("loupe::AugmentPanel", "r%1 c%2 · %3")
                        .arg(busiest / grid->cols() + 1)
                        .arg(busiest % grid->cols() + 1)
                        .arg(compactText(applied, true));
        t.details = QCoreApplication::translate("loupe::AugmentPanel", "%1×%1 model input\n").arg(side) + detailsText(applied);
        out.append(t);
    }
}

} // namespace

AugmentRenderResult AugmentRenderer::render(const AugmentRenderJob &job)
{
    AugmentRenderResult out;
    out.generation = job.generation;
    if (!job.inspection)
        return out;
    const Dataset &dataset = job.inspection->dataset;
    try {
        Pipeline pipeline = Pipeline::fromJson(job.pipelineJson);
        if (job.mode == RenderMode::Evaluation)
            pipeline = pipeline.evaluationPipeline();
        if (job.mode == RenderMode::Batch) {
            const BatchPreview batch = previewBatch(dataset, pipeline, job.batch);
            bool first = true;
            for (const BatchPreviewImage &item : batch.images) {
                VariantTile t;
                double scale = 1;
                t.image = toQImage(item.image, &scale);
                t.sample = item.sample;
                t.rowStart = first;
                first = false;
                const QString name = QFileInfo(dataset.samples[std::size_t(item.sample)].path).fileName();
                const QString label = item.label >= 0 && item.label < batch.classes.size() ? batch.classes[item.label]
                                                                                            : Text::tr("no class");
                t.caption = QStringLiteral("#%1 %2").arg(item.sample).arg(label);
                t.details = Text::tr("%1\n%2×%2, %n channel(s), label %3", nullptr, item.image.channels())
                                .arg(name)
                                .arg(item.image.cols)
                                .arg(item.label);
                out.tiles.append(t);
            }
            for (const BadFile &bad : batch.errors)
                out.error += Text::tr("%1: %2\n").arg(QFileInfo(bad.path).fileName(), bad.reason);
            return out;
        }
        for (int sample : job.samples) {
            if (sample < 0 || sample >= int(dataset.samples.size()))
                continue;
            const Sample &s = dataset.samples[std::size_t(sample)];
            QString error;
            const cv::Mat source = job.cache->get(dataset, sample, &error);
            if (source.empty()) {
                out.error += Text::tr("%1: %2\n").arg(QFileInfo(s.path).fileName(), error);
                continue;
            }
            if (job.mode == RenderMode::Tiles) {
                renderTiles(job, job.evaluationTiles ? pipeline.evaluationPipeline() : pipeline, sample, source,
                            out.tiles, out.error);
                continue;
            }
            VariantTile before;
            double scale = 1;
            before.image = toQImage(source, &scale);
            drawObjects(before.image, s.objects, scale);
            before.sample = sample;
            before.original = true;
            before.rowStart = true;
            before.caption = Text::tr("#%1 before (%2×%3)").arg(sample).arg(source.cols).arg(source.rows);
            before.details = s.path;
            out.tiles.append(before);
            // The model's channel count, converted as the data loader converts before the pipeline.
            cv::Mat input = source;
            if (job.batch.channels == 3 && source.channels() == 1)
                cv::cvtColor(source, input, cv::COLOR_GRAY2BGR);
            else if (job.batch.channels == 1 && source.channels() == 3)
                cv::cvtColor(source, input, cv::COLOR_BGR2GRAY);
            QList<int> variants;
            for (int v = 0; v < job.variants; ++v)
                variants.append(v);
            QMutex errorMutex;
            QString variantError;
            QList<VariantTile> made = QtConcurrent::blockingMapped<QList<VariantTile>>(variants, [&](int v) {
                // Exceptions must not cross QtConcurrent's threads; the first message is kept.
                VariantTile t;
                try {
                    std::vector<AppliedStep> applied;
                    const AugmentedImage a = pipeline.apply(input, s.objects, variantSeed(job.seed, sample, v), &applied);
                    double f = 1;
                    t.image = toQImage(pipeline.toDisplay(a.image), &f);
                    drawObjects(t.image, a.objects, f);
                    t.sample = sample;
                    t.caption = compactText(applied, true);
                    t.details = Text::tr("%1×%2 out\n").arg(a.image.cols).arg(a.image.rows) + detailsText(applied);
                } catch (const PipelineError &e) {
                    QMutexLocker lock(&errorMutex);
                    if (variantError.isEmpty())
                        variantError = Text::tr("pipeline %1: %2").arg(e.place(), e.problem());
                } catch (const std::exception &e) {
                    QMutexLocker lock(&errorMutex);
                    if (variantError.isEmpty())
                        variantError = QString::fromLocal8Bit(e.what());
                }
                return t;
            });
            if (!variantError.isEmpty()) {
                out.error = variantError;
                out.tiles.clear();
                return out;
            }
            out.tiles.append(made);
        }
    } catch (const PipelineError &e) {
        out.error = Text::tr("pipeline %1: %2").arg(e.place(), e.problem());
    } catch (const std::exception &e) {
        out.error = QString::fromLocal8Bit(e.what());
    }
    return out;
}

AugmentAdviceResult AugmentRenderer::advise(quint64 generation, const InspectionPtr &inspection,
                                            const QByteArray &pipelineJson, int inputSize,
                                            const std::optional<TilingSetting> &tiling)
{
    AugmentAdviceResult r;
    r.generation = generation;
    try {
        AdvisorOptions options;
        if (tiling && inputSize > 0) {
            // As the Train page's "from the labels": boxes without image labels train a detector.
            bool imageLabels = false;
            for (const Sample &s : inspection->dataset.samples)
                imageLabels = imageLabels || s.classId >= 0;
            const bool tiled = tiling->tiles.rows != 1 || tiling->tiles.cols != 1 || tiling->roi;
            if (tiled || (!imageLabels && inspection->dataset.hasObjects())) {
                TileAdviceOptions o;
                o.inputSize = inputSize;
                o.tiles = tiling->tiles;
                o.overlap = tiling->overlap;
                o.roi = tiling->roi;
                options.tiling = o;
            }
        }
        r.warnings = loupe::advise(Pipeline::fromJson(pipelineJson), inspection->dataset, inspection->stats, options);
    } catch (const PipelineError &e) {
        r.error = Text::tr("pipeline %1: %2").arg(e.place(), e.problem());
    } catch (const std::exception &e) {
        r.error = QString::fromLocal8Bit(e.what());
    }
    return r;
}

} // namespace loupe
