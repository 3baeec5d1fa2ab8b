#include "AugmentRenderer.h"

#include "ClassColors.h"
#include "NumberText.h"
#include "SourceImageCache.h"

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
                                            const QByteArray &pipelineJson)
{
    AugmentAdviceResult r;
    r.generation = generation;
    try {
        r.warnings = loupe::advise(Pipeline::fromJson(pipelineJson), inspection->dataset, inspection->stats);
    } catch (const PipelineError &e) {
        r.error = Text::tr("pipeline %1: %2").arg(e.place(), e.problem());
    } catch (const std::exception &e) {
        r.error = QString::fromLocal8Bit(e.what());
    }
    return r;
}

} // namespace loupe
