#include "eval/RunReport.h"

#include "Translations.h"

#include "dataset/CsvText.h"
#include "dataset/Errors.h"
#include "eval/Metrics.h"
#include "eval/PrCurve.h"
#include "imaging/ImageHeader.h"
#include "imaging/SafeDecoder.h"
#include "project/RunFolder.h"
#include "project/RunStatus.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointF>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <optional>
#include <stdexcept>

namespace loupe {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::RunReport)
};

// The smallest side a mispredicted image's thumbnail is shown at.
constexpr int kMinThumbnail = 96;

// JPEG quality of the thumbnails: small files, still readable defects.
constexpr int kThumbnailQuality = 85;

QString fixed(double v, int decimals = 6)
{
    return std::isnan(v) ? QStringLiteral("nan") : QString::number(v, 'f', decimals);
}

// A number a person reads in the report: in the window's language ("0,9312" in German). The CSV
// and the SVG's coordinates keep fixed() and n1(), whose "." other programs parse.
QString shown(double v, int decimals)
{
    return std::isnan(v) ? QStringLiteral("nan") : localeNumber(v, 'f', decimals);
}

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

// Mean average precision over the classes that have positives (the others have none defined).
double meanAveragePrecision(const std::vector<PrCurve> &curves)
{
    double sum = 0;
    int n = 0;
    for (const PrCurve &c : curves)
        if (std::isfinite(c.averagePrecision)) {
            sum += c.averagePrecision;
            ++n;
        }
    return n > 0 ? sum / n : std::nan("");
}

ClassificationMetrics metricsOf(const PredictionSet &set)
{
    return computeMetrics(set.truths(), set.predictions(), set.classes);
}

// ---- SVG charts -------------------------------------------------------------------------

struct Series {
    QString name;
    QString color;
    bool dashed = false;
    std::vector<QPointF> points;
};

struct ChartOptions {
    QString title;
    QString xLabel;
    QString yLabel;
    std::optional<std::pair<double, double>> xRange;
    std::optional<std::pair<double, double>> yRange;
    bool integerX = false; ///< epochs
    bool markers = true;
    int width = 460;
    int height = 280;
    double markX = std::nan(""); ///< a dashed vertical mark (the best epoch)
    QString markLabel;
    QString cssClass = QStringLiteral("chart"); ///< "chart pr" for a precision-recall curve
};

double niceStep(double span, int ticks)
{
    if (!(span > 0))
        return 1;
    const double raw = span / ticks;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    const double f = raw / mag;
    return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag;
}

QString n1(double v)
{
    return QString::number(v, 'f', 1);
}

QString tickText(double v, double step)
{
    const int decimals = step >= 1 ? 0 : std::min(6, int(std::ceil(-std::log10(step))));
    return localeNumber(v, 'f', decimals);
}

QString lineChartSvg(const ChartOptions &o, const std::vector<Series> &series)
{
    const double left = 56, right = 14, top = 30, bottom = 42;
    const double w = o.width - left - right, h = o.height - top - bottom;
    double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
    bool any = false;
    for (const Series &s : series)
        for (const QPointF &p : s.points) {
            if (!std::isfinite(p.x()) || !std::isfinite(p.y()))
                continue;
            if (!any) {
                x0 = x1 = p.x();
                y0 = y1 = p.y();
                any = true;
            }
            x0 = std::min(x0, p.x());
            x1 = std::max(x1, p.x());
            y0 = std::min(y0, p.y());
            y1 = std::max(y1, p.y());
        }
    if (o.xRange)
        std::tie(x0, x1) = *o.xRange;
    if (o.yRange) {
        std::tie(y0, y1) = *o.yRange;
    } else {
        y0 = std::min(0.0, y0);
        y1 = y1 > y0 ? y1 * 1.05 : y0 + 1;
    }
    if (!(x1 > x0)) {
        x0 -= 0.5;
        x1 += 0.5;
    }
    auto px = [&](double x) { return left + (x - x0) / (x1 - x0) * w; };
    auto py = [&](double y) { return top + h - (y - y0) / (y1 - y0) * h; };

    QString svg;
    svg += QStringLiteral("<svg class=\"%3\" width=\"%1\" height=\"%2\" "
                          "viewBox=\"0 0 %1 %2\" role=\"img\">")
               .arg(o.width)
               .arg(o.height)
               .arg(o.cssClass);
    svg += QStringLiteral("<text x=\"%1\" y=\"18\" class=\"title\">%2</text>").arg(n1(left)).arg(esc(o.title));
    svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" class=\"frame\"/>")
               .arg(n1(left), n1(top), n1(w), n1(h));
    // Grid and tick labels.
    const double yStep = niceStep(y1 - y0, 5);
    for (double v = std::ceil(y0 / yStep) * yStep; v <= y1 + yStep * 1e-6; v += yStep) {
        svg += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" class=\"grid\"/>")
                   .arg(n1(left), n1(py(v)), n1(left + w));
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" class=\"tick\" text-anchor=\"end\">%3</text>")
                   .arg(n1(left - 4), n1(py(v) + 4), tickText(v, yStep));
    }
    double xStep = niceStep(x1 - x0, 6);
    if (o.integerX)
        xStep = std::max(1.0, std::round(xStep));
    for (double v = std::ceil(x0 / xStep) * xStep; v <= x1 + xStep * 1e-6; v += xStep) {
        svg += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%1\" y2=\"%3\" class=\"grid\"/>")
                   .arg(n1(px(v)), n1(top), n1(top + h));
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" class=\"tick\" text-anchor=\"middle\">%3</text>")
                   .arg(n1(px(v)), n1(top + h + 14), tickText(v, xStep));
    }
    svg += QStringLiteral("<text x=\"%1\" y=\"%2\" class=\"axis\" text-anchor=\"middle\">%3</text>")
               .arg(n1(left + w / 2), n1(o.height - 6.0), esc(o.xLabel));
    svg += QStringLiteral("<text x=\"14\" y=\"%1\" class=\"axis\" text-anchor=\"middle\" transform=\"rotate(-90 14 %1)\">%2</text>")
               .arg(n1(top + h / 2), esc(o.yLabel));
    if (std::isfinite(o.markX) && o.markX >= x0 && o.markX <= x1) {
        svg += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%1\" y2=\"%3\" class=\"mark\"/>")
                   .arg(n1(px(o.markX)), n1(top), n1(top + h));
        // Inside the frame at its foot, clear of the legend, and on the left of the line when the
        // mark is in the right half: a best last epoch would otherwise push the word off the chart.
        const bool rightHalf = px(o.markX) > left + w / 2;
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" class=\"tick mark-label\" text-anchor=\"%3\">%4</text>")
                   .arg(n1(px(o.markX) + (rightHalf ? -4 : 4)), n1(top + h - 6),
                        rightHalf ? QStringLiteral("end") : QStringLiteral("start"), esc(o.markLabel));
    }
    if (!any)
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" class=\"axis\" text-anchor=\"middle\">%3</text>")
                   .arg(n1(left + w / 2), n1(top + h / 2), esc(Text::tr("no data")));
    // Curves.
    for (const Series &s : series) {
        QString points;
        int count = 0;
        for (const QPointF &p : s.points) {
            if (!std::isfinite(p.x()) || !std::isfinite(p.y()))
                continue;
            points += n1(px(std::clamp(p.x(), x0, x1))) + QLatin1Char(',') + n1(py(std::clamp(p.y(), y0, y1)))
                      + QLatin1Char(' ');
            ++count;
        }
        if (count == 0)
            continue;
        svg += QStringLiteral("<polyline points=\"%1\" fill=\"none\" stroke=\"%2\" stroke-width=\"2\"%3/>")
                   .arg(points.trimmed(), s.color,
                        s.dashed ? QStringLiteral(" stroke-dasharray=\"6 4\"") : QString());
        if (o.markers && count <= 60)
            for (const QPointF &p : s.points)
                if (std::isfinite(p.x()) && std::isfinite(p.y()))
                    svg += QStringLiteral("<circle cx=\"%1\" cy=\"%2\" r=\"2.5\" fill=\"%3\"/>")
                               .arg(n1(px(p.x())), n1(py(std::clamp(p.y(), y0, y1))), s.color);
    }
    // Legend, top right inside the frame.
    double ly = top + 14;
    for (const Series &s : series) {
        if (s.name.isEmpty())
            continue;
        const double lx = left + w - 130;
        svg += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"%4\" stroke-width=\"2\"%5/>")
                   .arg(n1(lx), n1(ly - 4), n1(lx + 22), s.color,
                        s.dashed ? QStringLiteral(" stroke-dasharray=\"6 4\"") : QString());
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" class=\"tick\">%3</text>").arg(n1(lx + 27), n1(ly), esc(s.name));
        ly += 15;
    }
    svg += QStringLiteral("</svg>");
    return svg;
}

// sklearn's PrecisionRecallDisplay draws steps-post over the arrays as returned.
std::vector<QPointF> prSteps(const PrCurve &c)
{
    std::vector<QPointF> points;
    for (std::size_t i = 0; i < c.recall.size() && i < c.precision.size(); ++i) {
        if (i > 0)
            points.emplace_back(c.recall[i], c.precision[i - 1]);
        points.emplace_back(c.recall[i], c.precision[i]);
    }
    return points;
}

// ---- Thumbnails -------------------------------------------------------------------------

cv::Mat loadThumbnail(const QString &path, const Dataset *dataset, const QHash<QString, int> &samples, int side)
{
    cv::Mat image;
    const int index = samples.value(path, -1);
    if (dataset && index >= 0 && dataset->samples[std::size_t(index)].idxIndex >= 0 && dataset->idx) {
        const IdxImages &idx = *dataset->idx;
        const int i = dataset->samples[std::size_t(index)].idxIndex;
        if (i < idx.count)
            image = cv::Mat(idx.rows, idx.cols, CV_8UC1, const_cast<std::uint8_t *>(idx.image(i))).clone();
    } else if (QFileInfo(path).isFile()) {
        DecodeOptions options;
        // DCT-scaled decode of a large JPEG is several times faster than decode-then-resize.
        if (const auto header = readImageHeader(path)) {
            const int longest = std::max(header->width, header->height);
            for (DecodeScale s : {DecodeScale::Eighth, DecodeScale::Quarter, DecodeScale::Half})
                if (longest / int(s) >= side) {
                    options.scale = s;
                    break;
                }
        }
        const DecodeResult r = decodeImageFile(path, options);
        if (r.ok())
            image = r.image;
    }
    if (image.empty())
        return image;
    const int longest = std::max(image.cols, image.rows);
    // Small images (28 px Fashion-MNIST) are enlarged by a whole factor to at least kMinThumbnail
    // pixels, nearest neighbour: each pixel stays a sharp square a reader can judge.
    const int smallest = std::min(side, kMinThumbnail);
    if (longest > 0 && longest < smallest) {
        const int f = (smallest + longest - 1) / longest;
        cv::Mat large;
        cv::resize(image, large, cv::Size(image.cols * f, image.rows * f), 0, 0, cv::INTER_NEAREST);
        image = large;
    } else if (longest > side) {
        const double f = double(side) / longest;
        cv::Mat small;
        cv::resize(image, small, cv::Size(std::max(1, int(std::lround(image.cols * f))), std::max(1, int(std::lround(image.rows * f)))),
                   0, 0, cv::INTER_AREA);
        image = small;
    }
    return image;
}

QString jpegDataUri(const cv::Mat &image)
{
    std::vector<uchar> bytes;
    try {
        if (!cv::imencode(".jpg", image, bytes, {cv::IMWRITE_JPEG_QUALITY, kThumbnailQuality}))
            return {};
    } catch (const cv::Exception &) {
        return {};
    }
    const QByteArray raw(reinterpret_cast<const char *>(bytes.data()), int(bytes.size()));
    return QStringLiteral("data:image/jpeg;base64,") + QString::fromLatin1(raw.toBase64());
}

// ---- HTML pieces --------------------------------------------------------------------------

const char *kStyle
    = R"(body{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:24px;color:#222;max-width:1200px}
h1{font-size:22px;margin-bottom:4px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ddd;padding-bottom:3px}
table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ddd;padding:3px 8px}th{background:#f4f4f4}
td.num{text-align:right;font-variant-numeric:tabular-nums}
table.config td{vertical-align:top}table.config td.value{max-width:720px;word-break:break-all;font-family:monospace}
table.confusion td{text-align:center;min-width:34px}table.confusion th.corner{font-weight:normal;font-size:11px;color:#555}
.charts{display:flex;flex-wrap:wrap;gap:12px}
svg.chart{background:#fff;font-size:11px}svg .title{font-size:13px;font-weight:bold}svg .tick{font-size:10px;fill:#444}
svg .axis{font-size:11px;fill:#333}svg .frame{fill:none;stroke:#999}svg .grid{stroke:#e6e6e6}
svg .mark{stroke:#666;stroke-dasharray:3 3}
.worst{display:flex;flex-wrap:wrap;gap:12px}
figure{margin:0;width:180px;font-size:12px;border:1px solid #ddd;padding:6px;background:#fafafa}
figure img{display:block;max-width:168px;max-height:168px;margin:0 auto 4px auto;image-rendering:pixelated}
figure .noimage{height:90px;line-height:90px;text-align:center;color:#888;background:#eee;margin-bottom:4px}
figcaption{word-break:break-all}.wrong{color:#b00}.muted{color:#666}
.boxes figure{width:auto;max-width:380px}.boxes svg{display:block;margin:0 auto 4px auto;background:#eee}
.legend{display:flex;flex-wrap:wrap;gap:6px 18px;font-size:13px;align-items:center;margin:6px 0 10px 0}
.legend span{display:inline-flex;align-items:center;gap:6px})";

void flatten(const QJsonObject &object, const QString &prefix, std::vector<std::pair<QString, QString>> &out)
{
    QStringList keys = object.keys();
    keys.sort();
    for (const QString &key : keys) {
        const QJsonValue v = object.value(key);
        const QString name = prefix.isEmpty() ? key : prefix + QLatin1Char('.') + key;
        if (v.isObject()) {
            flatten(v.toObject(), name, out);
            continue;
        }
        QString text;
        if (v.isString())
            text = v.toString();
        else if (v.isBool())
            text = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        else if (v.isDouble())
            text = localeNumber(v.toDouble(), 'g', 10);
        else if (v.isArray())
            text = QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
        else if (v.isNull())
            text = QStringLiteral("null");
        out.emplace_back(name, text);
    }
}

QString shade(double fraction)
{
    // Blue of the loss curves; alpha follows the row's share so each row reads as a recall.
    return QStringLiteral("background:rgba(31,119,180,%1);color:%2")
        .arg(QString::number(std::clamp(fraction, 0.0, 1.0) * 0.9, 'f', 3),
             fraction > 0.55 ? QStringLiteral("#fff") : QStringLiteral("#222"));
}

} // namespace

std::vector<std::pair<QString, QString>> configRows(const QJsonObject &config)
{
    std::vector<std::pair<QString, QString>> rows;
    flatten(config, QString(), rows);
    return rows;
}

QString metricsCsv(const PredictionSet &set)
{
    const ClassificationMetrics m = metricsOf(set);
    const std::vector<PrCurve> curves = precisionRecallCurves(set);
    QString out = QStringLiteral("class,precision,recall,f1,support,average_precision\n");
    double precision = 0, recall = 0;
    int support = 0;
    for (std::size_t i = 0; i < m.perClass.size(); ++i) {
        const ClassMetrics &c = m.perClass[i];
        const double ap = i < curves.size() ? curves[i].averagePrecision : std::nan("");
        // One arg() call: a class name holding "%5" must not be substituted again.
        out += QStringLiteral("%1,%2,%3,%4,%5,%6\n")
                   .arg(csvtext::field(c.name), fixed(c.precision), fixed(c.recall), fixed(c.f1),
                        QString::number(c.support), fixed(ap));
        precision += c.precision;
        recall += c.recall;
        support += c.support;
    }
    const double n = m.perClass.empty() ? std::nan("") : double(m.perClass.size());
    out += QStringLiteral("accuracy,,,%1,%2,\n").arg(fixed(m.accuracy)).arg(support);
    out += QStringLiteral("macro avg,%1,%2,%3,%4,%5\n")
               .arg(fixed(precision / n), fixed(recall / n), fixed(m.perClass.empty() ? std::nan("") : m.macroF1))
               .arg(support)
               .arg(fixed(meanAveragePrecision(curves)));
    return out;
}

QString writeMetricsCsv(const QString &file, const PredictionSet &set)
{
    QString text;
    try {
        text = metricsCsv(set);
    } catch (const std::invalid_argument &e) {
        return QString::fromStdString(e.what());
    }
    return runfolder::writeAtomically(file, text.toUtf8());
}

QString predictionsFileFor(const QString &runDir, const QString &split)
{
    if (split == QLatin1String("dev"))
        return predictionfiles::devPath(runDir);
    if (split == QLatin1String("test"))
        return predictionfiles::testPath(runDir);
    throw DatasetError(Text::tr("the split should be dev or test, not \"%1\"").arg(split));
}

// ---- Detection runs --------------------------------------------------------------------------

namespace {

// The Predictions page's colours (Okabe & Ito, "Color Universal Design") and line styles, so a
// reader who knows the window reads the report: detections solid, their objects dotted.
struct BoxStyle {
    const char *color;
    const char *dash; ///< SVG stroke-dasharray, empty for a solid line
};

BoxStyle boxStyle(BoxVerdict verdict, bool detection)
{
    switch (verdict) {
    case BoxVerdict::Matched:
        return {"#009e73", detection ? "" : "2 3"};
    case BoxVerdict::FalsePositive:
        return {"#d55e00", "8 3 2 3"};
    case BoxVerdict::WrongClass:
        return {"#cc79a7", detection ? "" : "2 3"};
    case BoxVerdict::Missed:
        return {"#56b4e9", "6 4"};
    case BoxVerdict::Ignored:
    case BoxVerdict::BelowThreshold:
        break;
    }
    return {"#999999", "2 3"};
}

QString swatch(const BoxStyle &style)
{
    return QStringLiteral(
        "<svg width=\"30\" height=\"14\"><rect x=\"2\" y=\"2\" width=\"26\" height=\"10\" fill=\"none\" "
        "stroke=\"%1\" stroke-width=\"2.5\"%2/></svg>")
        .arg(QLatin1String(style.color),
            *style.dash ? QStringLiteral(" stroke-dasharray=\"%1\"").arg(QLatin1String(style.dash)) : QString());
}

// COCO's -1 ("no ground truth") as a reader sees it.
QString apText(double v)
{
    return v < 0 ? QStringLiteral("–") : shown(v, 4);
}

// The exact figure for programs that check the report against `eval --json`.
QString exact(double v)
{
    return QString::number(v, 'g', 17);
}

QString className(const QStringList &classes, int index)
{
    return index >= 0 && index < classes.size() ? classes.at(index) : QStringLiteral("?");
}

// One image with its boxes: the image (a JPEG data URI) under SVG rectangles in the image's own
// pixels, so the boxes stay sharp at any zoom. Empty when the image cannot be read.
QString boxedImageSvg(const ReviewImage &image, const ImageReview &review, const QStringList &classes,
    const Dataset &dataset, const QHash<QString, int> &samples, int side)
{
    QSize full;
    if (image.sampleIndex >= 0 && image.sampleIndex < int(dataset.samples.size())) {
        const Sample &s = dataset.samples[std::size_t(image.sampleIndex)];
        full = QSize(s.width, s.height);
    }
    if (full.isEmpty())
        if (const auto header = readImageHeader(image.path))
            full = QSize(header->width, header->height);
    const cv::Mat thumb = loadThumbnail(image.path, &dataset, samples, side);
    if (thumb.empty())
        return {};
    if (full.isEmpty())
        full = QSize(thumb.cols, thumb.rows);
    const QString uri = jpegDataUri(thumb);
    if (uri.isEmpty())
        return {};
    QString svg
        = QStringLiteral("<svg class=\"boxed\" width=\"%1\" height=\"%2\" viewBox=\"0 0 %3 %4\" role=\"img\">"
                         "<image href=\"%5\" x=\"0\" y=\"0\" width=\"%3\" height=\"%4\" preserveAspectRatio=\"none\"/>")
              .arg(thumb.cols)
              .arg(thumb.rows)
              .arg(full.width())
              .arg(full.height())
              .arg(uri);
    auto rect = [&](const QRectF &box, BoxVerdict verdict, bool detection, const QString &tip) {
        const BoxStyle st = boxStyle(verdict, detection);
        svg += QStringLiteral(
            "<rect class=\"%1\" x=\"%2\" y=\"%3\" width=\"%4\" height=\"%5\" fill=\"none\" stroke=\"%6\" "
            "stroke-width=\"2\" vector-effect=\"non-scaling-stroke\"%7><title>%8</title></rect>")
                   .arg(detection ? QStringLiteral("det") : QStringLiteral("gt"), n1(box.x()), n1(box.y()),
                       n1(box.width()), n1(box.height()), QLatin1String(st.color),
                       *st.dash ? QStringLiteral(" stroke-dasharray=\"%1\"").arg(QLatin1String(st.dash)) : QString(),
                       esc(tip));
    };
    // Objects first, so that detections are drawn over them (as on the Predictions page).
    for (std::size_t g = 0; g < image.truth.size() && g < review.truth.size(); ++g) {
        const BoxVerdict v = review.truth[g].verdict;
        if (v == BoxVerdict::Ignored)
            continue;
        const QString name = className(classes, image.truth[g].classIndex);
        const QString tip = v == BoxVerdict::Missed
            ? QCoreApplication::translate("loupe::RunReport", "missed: %1").arg(name)
            : v == BoxVerdict::WrongClass
            ? QCoreApplication::translate("loupe::RunReport", "%1, found as another class").arg(name)
            : QCoreApplication::translate("loupe::RunReport", "%1, found").arg(name);
        rect(image.truth[g].box, v, false, tip);
    }
    for (std::size_t d = 0; d < image.detections.size() && d < review.detections.size(); ++d) {
        const ReviewedBox &rb = review.detections[d];
        if (rb.verdict == BoxVerdict::BelowThreshold || rb.verdict == BoxVerdict::Ignored)
            continue;
        const ReviewDetection &det = image.detections[d];
        const QString name = className(classes, det.classIndex);
        const QString score = localeNumber(det.score, 'f', 2);
        QString tip;
        if (rb.verdict == BoxVerdict::WrongClass)
            tip = QCoreApplication::translate("loupe::RunReport", "wrong class: %1 (%2) on a %3")
                      .arg(name, score, className(classes, image.truth[std::size_t(rb.partner)].classIndex));
        else if (rb.verdict == BoxVerdict::FalsePositive)
            tip = QCoreApplication::translate("loupe::RunReport", "false positive: %1 (%2)").arg(name, score);
        else
            tip = QCoreApplication::translate("loupe::RunReport", "true positive: %1 (%2), IoU %3")
                      .arg(name, score, localeNumber(rb.iou, 'f', 2));
        rect(det.box, rb.verdict, true, tip);
    }
    svg += QStringLiteral("</svg>");
    return svg;
}

QString boxLegend()
{
    const auto item = [](const BoxStyle &style, const QString &text) {
        return QStringLiteral("<span>%1%2</span>").arg(swatch(style), esc(text));
    };
    QString html = QStringLiteral("<div class=\"legend\">");
    html += item(boxStyle(BoxVerdict::Matched, true),
        QCoreApplication::translate("loupe::RunReport", "true positive (detection)"));
    html += item(boxStyle(BoxVerdict::Matched, false), QCoreApplication::translate("loupe::RunReport", "object found"));
    html += item(boxStyle(BoxVerdict::FalsePositive, true),
        QCoreApplication::translate("loupe::RunReport", "false positive (on no object)"));
    html += item(boxStyle(BoxVerdict::Missed, false),
        QCoreApplication::translate("loupe::RunReport", "missed object (false negative)"));
    html += item(boxStyle(BoxVerdict::WrongClass, true),
        QCoreApplication::translate("loupe::RunReport", "wrong class (detection)"));
    html += item(boxStyle(BoxVerdict::WrongClass, false),
        QCoreApplication::translate("loupe::RunReport", "object named wrongly"));
    html += QStringLiteral("</div>\n");
    return html;
}

// The objects and detections of the detections file as the run's dataset has them: which file
// names what, in a sentence, when the dataset and the run disagree.
QString loadNotes(const detectionfiles::LoadedDetections &loaded)
{
    QStringList notes;
    if (loaded.notInDataset > 0)
        notes << QCoreApplication::translate("loupe::RunReport",
            "%n evaluated image(s) are not in the dataset and are left out.", nullptr, loaded.notInDataset);
    if (loaded.unknownClasses > 0)
        notes << QCoreApplication::translate("loupe::RunReport",
            "%n box(es) of a class the run does not know are left out.", nullptr, loaded.unknownClasses);
    return notes.join(QLatin1Char(' '));
}

QByteArray detectionReportHtml(const QString &runDir, const Dataset *dataset, const RunReportOptions &options,
    const ProgressFn &progress, const StopToken *stop)
{
    const QJsonObject config = runfolder::readConfig(runDir); // throws when not a run folder
    if (!dataset)
        throw DatasetError(QCoreApplication::translate("loupe::RunReport",
            "%1 is a detection run: its report needs the dataset, which holds "
            "the ground-truth boxes")
                               .arg(runDir));
    const DetectionReportData data = loadDetectionReport(runDir, *dataset, options);
    const DetectionMetrics &metrics = data.metrics;
    const DetectionReview &review = data.review;
    const QStringList &classes = data.loaded.classes;
    const RunSummary summary = runfolder::summarizeRun(runDir);
    const std::vector<EpochMetrics> &history = summary.history;
    const QString name = QFileInfo(QDir(runDir).absolutePath()).fileName();
    const QString threshold = localeNumber(options.scoreThreshold, 'f', 2);

    QString html;
    html.reserve(1 << 20);
    html += QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    html += QStringLiteral("<title>%1</title>").arg(esc(Text::tr("Loupe run %1").arg(name)));
    html += QStringLiteral("<style>") + QLatin1String(kStyle) + QStringLiteral("</style></head><body>\n");
    html += QStringLiteral("<h1>%1</h1>\n").arg(esc(Text::tr("Run %1").arg(name)));
    html += QStringLiteral("<p class=\"muted\">%1</p>\n")
                .arg(esc(
                    QCoreApplication::translate("loupe::RunReport", "%1 · %2 · detections on %3 %4 images")
                        .arg(summary.configReadable ? configSummary(summary.config) : QString(),
                            runStatusText(summary.status), QString::number(data.loaded.images.size()), options.split)));
    const QJsonObject detection = config.value(QStringLiteral("detection")).toObject();
    const QJsonObject anchors = detection.value(QStringLiteral("anchors")).toObject();
    if (!anchors.isEmpty()) {
        QString line = QCoreApplication::translate("loupe::RunReport", "Anchors %1")
                           .arg(anchors.value(QStringLiteral("text")).toString());
        if (detection.contains(QStringLiteral("anchor_coverage")))
            line += QStringLiteral(", ")
                + QCoreApplication::translate("loupe::RunReport", "coverage %1 % (default anchors %2 %)")
                      .arg(localeNumber(detection.value(QStringLiteral("anchor_coverage")).toDouble() * 100, 'f', 1),
                          localeNumber(
                              detection.value(QStringLiteral("default_anchor_coverage")).toDouble() * 100, 'f', 1));
        html += QStringLiteral("<p class=\"muted\">%1</p>\n").arg(esc(line));
    }
    html += QStringLiteral(
        "<p class=\"headline\">%1 <b id=\"map\" data-value=\"%2\">%3</b>, %4 <b id=\"ap50\" data-value=\"%5\">%6</b>, "
        "%7 <b id=\"ap75\" data-value=\"%8\">%9</b></p>\n")
                .arg(esc(QCoreApplication::translate("loupe::RunReport", "mAP@[.50:.95]")), exact(metrics.map),
                    apText(metrics.map), esc(QCoreApplication::translate("loupe::RunReport", "AP50")),
                    exact(metrics.ap50), apText(metrics.ap50),
                    esc(QCoreApplication::translate("loupe::RunReport", "AP75")), exact(metrics.ap75),
                    apText(metrics.ap75));
    html += QStringLiteral("<p>%1</p>\n")
                .arg(esc(QCoreApplication::translate("loupe::RunReport",
                    "At score threshold %1 and IoU 0.5: %2 true positives, %3 false positives, "
                    "%4 missed, %5 wrong class.")
                             .arg(threshold, QString::number(review.matched), QString::number(review.falsePositives),
                                 QString::number(review.missed), QString::number(review.wrongClass))));
    if (const QString notes = loadNotes(data.loaded); !notes.isEmpty())
        html += QStringLiteral("<p class=\"wrong\">%1</p>\n").arg(esc(notes));

    // Configuration.
    html += QStringLiteral("<h2>%1</h2>\n<table class=\"config\"><tr><th>%2</th><th>%3</th></tr>\n")
                .arg(esc(Text::tr("Configuration")), esc(Text::tr("key")), esc(Text::tr("value")));
    for (const auto &[key, value] : configRows(config))
        html += QStringLiteral("<tr><td>%1</td><td class=\"value\">%2</td></tr>\n").arg(esc(key), esc(value));
    html += QStringLiteral("</table>\n");

    // Curves: the losses, their parts, and the dev mAP.
    html += QStringLiteral("<h2>%1</h2>\n<div class=\"charts\">").arg(esc(Text::tr("Training curves")));
    Series train {Text::tr("train loss"), QStringLiteral("#1f77b4"), false, {}};
    Series dev {Text::tr("dev loss"), QStringLiteral("#d62728"), true, {}};
    Series trainCls {
        QCoreApplication::translate("loupe::RunReport", "train classification"), QStringLiteral("#1f77b4"), false, {}};
    Series devCls {
        QCoreApplication::translate("loupe::RunReport", "dev classification"), QStringLiteral("#1f77b4"), true, {}};
    Series trainBox {
        QCoreApplication::translate("loupe::RunReport", "train box"), QStringLiteral("#ff7f0e"), false, {}};
    Series devBox {QCoreApplication::translate("loupe::RunReport", "dev box"), QStringLiteral("#ff7f0e"), true, {}};
    Series map {QCoreApplication::translate("loupe::RunReport", "dev mAP"), QStringLiteral("#2ca02c"), false, {}};
    Series ap50 {QCoreApplication::translate("loupe::RunReport", "dev AP50"), QStringLiteral("#9467bd"), true, {}};
    Series ap75 {QCoreApplication::translate("loupe::RunReport", "dev AP75"), QStringLiteral("#8c564b"), true, {}};
    const double none = std::nan("");
    for (const EpochMetrics &m : history) {
        train.points.emplace_back(m.epoch, m.trainLoss);
        dev.points.emplace_back(m.epoch, m.devLoss);
        trainCls.points.emplace_back(m.epoch, m.value(QStringLiteral("train_loss_classification"), none));
        devCls.points.emplace_back(m.epoch, m.value(QStringLiteral("dev_loss_classification"), none));
        trainBox.points.emplace_back(m.epoch, m.value(QStringLiteral("train_loss_box"), none));
        devBox.points.emplace_back(m.epoch, m.value(QStringLiteral("dev_loss_box"), none));
        map.points.emplace_back(m.epoch, m.value(QStringLiteral("dev_map"), none));
        ap50.points.emplace_back(m.epoch, m.value(QStringLiteral("dev_ap50"), none));
        ap75.points.emplace_back(m.epoch, m.value(QStringLiteral("dev_ap75"), none));
    }
    ChartOptions lossChart;
    lossChart.title = Text::tr("Loss");
    lossChart.xLabel = Text::tr("epoch");
    lossChart.yLabel = Text::tr("loss");
    lossChart.integerX = true;
    lossChart.markX = summary.bestEpoch > 0 ? summary.bestEpoch : std::nan("");
    lossChart.markLabel = Text::tr("best");
    html += lineChartSvg(lossChart, {train, dev});
    ChartOptions partsChart = lossChart;
    partsChart.title = QCoreApplication::translate("loupe::RunReport", "Loss parts");
    html += lineChartSvg(partsChart, {trainCls, devCls, trainBox, devBox});
    ChartOptions mapChart = lossChart;
    mapChart.title = QCoreApplication::translate("loupe::RunReport", "Dev mAP");
    mapChart.yLabel = QCoreApplication::translate("loupe::RunReport", "average precision");
    mapChart.yRange = std::make_pair(0.0, 1.0);
    html += lineChartSvg(mapChart, {map, ap50, ap75});
    html += QStringLiteral("</div>\n");

    // AP per class, and the counts at the threshold.
    html
        += QStringLiteral("<h2>%1</h2>\n<table class=\"metrics\" id=\"per-class\"><tr><th>%2</th><th>%3</th><th>%4</th>"
                          "<th>%5</th><th>%6</th><th>%7</th><th>%8</th><th>%9</th>")
               .arg(esc(QCoreApplication::translate("loupe::RunReport", "Average precision per class")),
                   esc(Text::tr("class")), esc(QCoreApplication::translate("loupe::RunReport", "AP")),
                   esc(QCoreApplication::translate("loupe::RunReport", "AP50")),
                   esc(QCoreApplication::translate("loupe::RunReport", "AP75")),
                   esc(QCoreApplication::translate("loupe::RunReport", "objects")),
                   esc(QCoreApplication::translate("loupe::RunReport", "true positives")),
                   esc(QCoreApplication::translate("loupe::RunReport", "false positives")),
                   esc(QCoreApplication::translate("loupe::RunReport", "missed")));
    html += QStringLiteral("<th>%1</th></tr>\n")
                .arg(esc(QCoreApplication::translate("loupe::RunReport", "wrong class")));
    for (std::size_t i = 0; i < metrics.perClass.size(); ++i) {
        const DetectionClassMetrics &c = metrics.perClass[i];
        const ClassReview cr = i < review.perClass.size() ? review.perClass[i] : ClassReview {};
        html += QStringLiteral("<tr><td>%1</td><td class=\"num ap\" data-value=\"%2\">%3</td><td class=\"num ap50\" "
                               "data-value=\"%4\">%5</td>"
                               "<td class=\"num\">%6</td><td class=\"num\">%7</td>")
                    .arg(esc(c.name), exact(c.ap), apText(c.ap), exact(c.ap50), apText(c.ap50), apText(c.ap75),
                        QString::number(c.support));
        html += QStringLiteral("<td class=\"num\">%1</td><td class=\"num\">%2</td><td class=\"num\">%3</td><td "
                               "class=\"num\">%4</td></tr>\n")
                    .arg(cr.matched)
                    .arg(cr.falsePositives)
                    .arg(cr.missed)
                    .arg(cr.wrongClass);
    }
    html += QStringLiteral("</table>\n<p class=\"muted\">%1</p>\n")
                .arg(esc(QCoreApplication::translate("loupe::RunReport",
                    "AP as COCO computes it (pycocotools' rules); – for a class without "
                    "objects. The counts are at score threshold %1 and IoU 0.5; a wrong-class "
                    "detection is counted under the class it names.")
                             .arg(threshold)));

    // Precision-recall at IoU .50, as COCO samples it at 101 recall points.
    html += QStringLiteral("<h2>%1</h2>\n<div class=\"charts\">")
                .arg(esc(QCoreApplication::translate("loupe::RunReport", "Precision–recall per class (IoU 0.5)")));
    const std::vector<double> &recalls = cocoRecallThresholds();
    for (const DetectionClassMetrics &c : metrics.perClass) {
        ChartOptions pr;
        pr.title = c.precision50.empty()
            ? QCoreApplication::translate("loupe::RunReport", "%1 (no objects)").arg(c.name)
            : QCoreApplication::translate("loupe::RunReport", "%1 (AP50 %2)").arg(c.name, apText(c.ap50));
        pr.xLabel = Text::tr("recall");
        pr.yLabel = Text::tr("precision");
        pr.xRange = std::make_pair(0.0, 1.0);
        pr.yRange = std::make_pair(0.0, 1.0);
        pr.markers = false;
        pr.width = 270;
        pr.height = 230;
        pr.cssClass = QStringLiteral("chart pr");
        Series curve {QString(), QStringLiteral("#1f77b4"), false, {}};
        for (std::size_t k = 0; k < c.precision50.size() && k < recalls.size(); ++k)
            curve.points.emplace_back(recalls[k], c.precision50[k]);
        html += lineChartSvg(pr, {curve});
    }
    html += QStringLiteral("</div>\n");

    // The worst images with their boxes.
    std::vector<int> worst = worstDetectionImages(review);
    if (int(worst.size()) > options.worstCount)
        worst.resize(std::size_t(std::max(0, options.worstCount)));
    html += QStringLiteral("<h2>%1</h2>\n")
                .arg(esc(
                    QCoreApplication::translate("loupe::RunReport", "Worst images (most errors at score threshold %1)")
                        .arg(threshold)));
    html += boxLegend();
    if (worst.empty())
        html += QStringLiteral("<p>%1</p>\n")
                    .arg(esc(QCoreApplication::translate("loupe::RunReport", "No image has an error.")));
    QHash<QString, int> samples;
    for (int i = 0; i < int(dataset->samples.size()); ++i)
        samples.insert(dataset->samples[std::size_t(i)].path, i);
    html += QStringLiteral("<div class=\"worst boxes\">\n");
    const int side = std::clamp(options.detectionImageSide, 32, 2048);
    for (int i = 0; i < int(worst.size()); ++i) {
        if (stop && stop->stopRequested())
            return {};
        const ReviewImage &image = data.loaded.images[std::size_t(worst[std::size_t(i)])];
        const ImageReview &r = review.images[std::size_t(worst[std::size_t(i)])];
        const QString file = QFileInfo(image.path).fileName();
        const QString svg = boxedImageSvg(image, r, classes, *dataset, samples, side);
        html += QStringLiteral("<figure class=\"worst-image\" data-path=\"%1\">").arg(esc(image.path));
        if (svg.isEmpty())
            html += QStringLiteral("<div class=\"noimage\">%1</div>").arg(esc(Text::tr("image not readable")));
        else
            html += svg;
        html += QStringLiteral(
            "<figcaption><span title=\"%1\">%2</span><br><span class=\"wrong\">%3</span><br>%4</figcaption>")
                    .arg(esc(image.path), esc(file),
                        esc(QCoreApplication::translate(
                            "loupe::RunReport", "%1 missed, %2 false positives, %3 wrong class")
                                .arg(r.missed)
                                .arg(r.falsePositives)
                                .arg(r.wrongClass)),
                        esc(QCoreApplication::translate("loupe::RunReport", "%1 objects, %2 true positives")
                                .arg(std::count_if(image.truth.begin(), image.truth.end(),
                                    [](const ReviewTruth &t) { return !t.crowd; }))
                                .arg(r.matched)));
        html += QStringLiteral("</figure>\n");
        if (progress)
            progress(i + 1, int(worst.size()));
    }
    html += QStringLiteral("</div>\n");
    html += QStringLiteral("<p class=\"muted\">%1</p>\n").arg(esc(Text::tr("Written by Loupe from %1").arg(runDir)));
    html += QStringLiteral("</body></html>\n");
    return html.toUtf8();
}

} // namespace

DetectionReportData loadDetectionReport(const QString &runDir, const Dataset &dataset, const RunReportOptions &options)
{
    if (options.split != QLatin1String("dev") && options.split != QLatin1String("test"))
        throw DatasetError(Text::tr("the split should be dev or test, not \"%1\"").arg(options.split));
    const QString file
        = options.split == QLatin1String("test") ? detectionfiles::testPath(runDir) : detectionfiles::devPath(runDir);
    if (!QFileInfo::exists(file))
        throw DatasetError(Text::tr("%1 has no %2 predictions (%3): evaluate the run first")
                               .arg(runDir, options.split, QFileInfo(file).fileName()));
    DetectionReportData data;
    data.loaded = detectionfiles::load(runDir, options.split, dataset);
    data.review = reviewDetections(data.loaded.images, data.loaded.classes, options.scoreThreshold);
    data.metrics = evaluateReview(data.loaded.images, data.loaded.classes);
    return data;
}

std::vector<int> worstDetectionImages(const DetectionReview &review)
{
    std::vector<int> worst;
    for (int i = 0; i < int(review.images.size()); ++i)
        if (review.images[std::size_t(i)].errors() > 0)
            worst.push_back(i);
    std::stable_sort(worst.begin(), worst.end(),
        [&](int a, int b) { return review.images[std::size_t(a)].errors() > review.images[std::size_t(b)].errors(); });
    return worst;
}

QString detectionImagesCsv(const DetectionReportData &data)
{
    QString out
        = QStringLiteral("image,objects,detections,true_positives,false_positives,false_negatives,wrong_class\n");
    for (std::size_t i = 0; i < data.loaded.images.size() && i < data.review.images.size(); ++i) {
        const ReviewImage &image = data.loaded.images[i];
        const ImageReview &r = data.review.images[i];
        int objects = 0;
        for (const ReviewTruth &t : image.truth)
            objects += t.crowd ? 0 : 1;
        const int detections = r.matched + r.falsePositives + r.wrongClass;
        out += QStringLiteral("%1,%2,%3,%4,%5,%6,%7\n")
                   .arg(csvtext::field(image.path), QString::number(objects), QString::number(detections),
                       QString::number(r.matched), QString::number(r.falsePositives + r.wrongClass),
                       QString::number(r.missed + r.wrongClass), QString::number(r.wrongClass));
    }
    return out;
}

QByteArray runReportHtml(const QString &runDir, const Dataset *dataset, const RunReportOptions &options,
                         const ProgressFn &progress, const StopToken *stop)
{
    if (detectionfiles::isDetectionRun(runDir))
        return detectionReportHtml(runDir, dataset, options, progress, stop);
    const QJsonObject config = runfolder::readConfig(runDir); // throws when not a run folder
    const QString predictionsFile = predictionsFileFor(runDir, options.split);
    if (!QFileInfo::exists(predictionsFile))
        throw DatasetError(Text::tr("%1 has no %2 predictions (%3): evaluate the run first")
                               .arg(runDir, options.split, QFileInfo(predictionsFile).fileName()));
    const PredictionSet set = predictionfiles::read(predictionsFile);
    ClassificationMetrics metrics;
    try {
        metrics = metricsOf(set);
    } catch (const std::invalid_argument &e) {
        throw DatasetError(QStringLiteral("%1: %2").arg(predictionsFile, QString::fromStdString(e.what())));
    }
    const std::vector<PrCurve> curves = precisionRecallCurves(set);
    const RunSummary summary = runfolder::summarizeRun(runDir);
    const std::vector<EpochMetrics> &history = summary.history;
    const QString name = QFileInfo(QDir(runDir).absolutePath()).fileName();

    QString html;
    html.reserve(1 << 20);
    html += QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    html += QStringLiteral("<title>%1</title>").arg(esc(Text::tr("Loupe run %1").arg(name)));
    html += QStringLiteral("<style>") + QLatin1String(kStyle) + QStringLiteral("</style></head><body>\n");
    html += QStringLiteral("<h1>%1</h1>\n").arg(esc(Text::tr("Run %1").arg(name)));
    html += QStringLiteral("<p class=\"muted\">%1</p>\n")
                .arg(esc(Text::tr("%1 · %2 · %3 predictions on %4, weights of epoch %5")
                             .arg(summary.configReadable ? configSummary(summary.config) : QString(),
                                  runStatusText(summary.status), QString::number(set.items.size()),
                                  set.split.isEmpty() ? options.split : set.split,
                                  set.epoch > 0 ? QString::number(set.epoch) : Text::tr("unknown"))));
    html += QStringLiteral("<p>%1</p>\n")
                .arg(esc(Text::tr("Accuracy %1, macro F1 %2, mean average precision %3")
                             .arg(shown(metrics.accuracy, 4), shown(metrics.macroF1, 4),
                                  shown(meanAveragePrecision(curves), 4))));

    // Configuration.
    html += QStringLiteral("<h2>%1</h2>\n<table class=\"config\"><tr><th>%2</th><th>%3</th></tr>\n")
                .arg(esc(Text::tr("Configuration")), esc(Text::tr("key")), esc(Text::tr("value")));
    for (const auto &[key, value] : configRows(config))
        html += QStringLiteral("<tr><td>%1</td><td class=\"value\">%2</td></tr>\n").arg(esc(key), esc(value));
    html += QStringLiteral("</table>\n");

    // Curves.
    html += QStringLiteral("<h2>%1</h2>\n<div class=\"charts\">").arg(esc(Text::tr("Training curves")));
    Series train{Text::tr("train loss"), QStringLiteral("#1f77b4"), false, {}};
    Series dev{Text::tr("dev loss"), QStringLiteral("#d62728"), true, {}};
    Series accuracy{Text::tr("dev accuracy"), QStringLiteral("#9467bd"), false, {}};
    Series f1{Text::tr("dev macro F1"), QStringLiteral("#2ca02c"), true, {}};
    for (const EpochMetrics &m : history) {
        train.points.emplace_back(m.epoch, m.trainLoss);
        dev.points.emplace_back(m.epoch, m.devLoss);
        accuracy.points.emplace_back(m.epoch, m.devAccuracy);
        f1.points.emplace_back(m.epoch, m.devMacroF1);
    }
    ChartOptions lossChart;
    lossChart.title = Text::tr("Loss");
    lossChart.xLabel = Text::tr("epoch");
    lossChart.yLabel = Text::tr("loss");
    lossChart.integerX = true;
    lossChart.markX = summary.bestEpoch > 0 ? summary.bestEpoch : std::nan("");
    lossChart.markLabel = Text::tr("best");
    html += lineChartSvg(lossChart, {train, dev});
    ChartOptions metricChart = lossChart;
    metricChart.title = Text::tr("Dev metrics");
    metricChart.yLabel = Text::tr("score");
    metricChart.yRange = std::make_pair(0.0, 1.0);
    html += lineChartSvg(metricChart, {accuracy, f1});
    html += QStringLiteral("</div>\n");

    // Metrics table.
    html += QStringLiteral("<h2>%1</h2>\n<table class=\"metrics\"><tr><th>%2</th><th>%3</th><th>%4</th><th>%5</th>"
                           "<th>%6</th><th>%7</th></tr>\n")
                .arg(esc(Text::tr("Metrics")), esc(Text::tr("class")), esc(Text::tr("precision")),
                     esc(Text::tr("recall")), esc(Text::tr("F1")), esc(Text::tr("support")))
                .arg(esc(Text::tr("average precision")));
    for (std::size_t i = 0; i < metrics.perClass.size(); ++i) {
        const ClassMetrics &c = metrics.perClass[i];
        html += QStringLiteral("<tr><td>%1</td><td class=\"num\">%2</td><td class=\"num\">%3</td><td class=\"num\">%4</td>"
                               "<td class=\"num\">%5</td><td class=\"num\">%6</td></tr>\n")
                    .arg(esc(c.name), shown(c.precision, 4), shown(c.recall, 4), shown(c.f1, 4), QString::number(c.support),
                         i < curves.size() ? shown(curves[i].averagePrecision, 4) : QString());
    }
    html += QStringLiteral("<tr><th>%1</th><td colspan=\"2\"></td><td class=\"num\">%2</td><td class=\"num\">%3</td><td></td></tr>\n")
                .arg(esc(Text::tr("accuracy")), shown(metrics.accuracy, 4))
                .arg(set.items.size());
    html += QStringLiteral("<tr><th>%1</th><td colspan=\"2\"></td><td class=\"num\">%2</td><td></td><td class=\"num\">%3</td></tr>\n")
                .arg(esc(Text::tr("macro")), shown(metrics.macroF1, 4), shown(meanAveragePrecision(curves), 4));
    html += QStringLiteral("</table>\n");

    // Confusion matrix, shaded by each row's share.
    html += QStringLiteral("<h2>%1</h2>\n<table class=\"confusion\"><tr><th class=\"corner\">%2</th>")
                .arg(esc(Text::tr("Confusion matrix")), esc(Text::tr("true ↓ predicted →")));
    for (const QString &label : metrics.labels)
        html += QStringLiteral("<th>%1</th>").arg(esc(label));
    html += QStringLiteral("</tr>\n");
    for (std::size_t r = 0; r < metrics.confusion.size(); ++r) {
        int rowTotal = 0;
        for (int v : metrics.confusion[r])
            rowTotal += v;
        html += QStringLiteral("<tr><th>%1</th>").arg(esc(metrics.labels.value(int(r))));
        for (std::size_t c = 0; c < metrics.confusion[r].size(); ++c) {
            const int v = metrics.confusion[r][c];
            const double share = rowTotal > 0 ? double(v) / rowTotal : 0.0;
            html += QStringLiteral("<td style=\"%1\" title=\"%2\">%3</td>")
                        .arg(shade(share),
                             esc(Text::tr("%1 % of the true %2").arg(localeNumber(share * 100, 'f', 1), metrics.labels.value(int(r)))),
                             QString::number(v));
        }
        html += QStringLiteral("</tr>\n");
    }
    html += QStringLiteral("</table>\n");

    // PR curves.
    html += QStringLiteral("<h2>%1</h2>\n<div class=\"charts\">").arg(esc(Text::tr("Precision–recall per class")));
    for (const PrCurve &c : curves) {
        ChartOptions pr;
        pr.title = c.positives > 0 ? Text::tr("%1 (AP %2)").arg(c.className, shown(c.averagePrecision, 3))
                                   : Text::tr("%1 (no positives)").arg(c.className);
        pr.xLabel = Text::tr("recall");
        pr.yLabel = Text::tr("precision");
        pr.xRange = std::make_pair(0.0, 1.0);
        pr.yRange = std::make_pair(0.0, 1.0);
        pr.markers = false;
        pr.width = 270;
        pr.height = 230;
        html += lineChartSvg(pr, {Series{QString(), QStringLiteral("#1f77b4"), false, c.positives > 0 ? prSteps(c) : std::vector<QPointF>{}}});
    }
    html += QStringLiteral("</div>\n");

    // Worst mispredictions: highest loss first.
    std::vector<const Prediction *> wrong;
    for (const Prediction &p : set.items)
        if (!p.correct())
            wrong.push_back(&p);
    std::stable_sort(wrong.begin(), wrong.end(), [](const Prediction *a, const Prediction *b) { return a->loss > b->loss; });
    if (int(wrong.size()) > options.worstCount)
        wrong.resize(std::size_t(std::max(0, options.worstCount)));
    html += QStringLiteral("<h2>%1</h2>\n").arg(esc(Text::tr("Worst mispredictions (highest loss)")));
    if (wrong.empty())
        html += QStringLiteral("<p>%1</p>\n").arg(esc(Text::tr("No image is mispredicted.")));
    QHash<QString, int> samples;
    if (dataset)
        for (int i = 0; i < int(dataset->samples.size()); ++i)
            samples.insert(dataset->samples[std::size_t(i)].path, i);
    html += QStringLiteral("<div class=\"worst\">\n");
    const int side = std::clamp(options.thumbnailSide, 16, 1024);
    for (int i = 0; i < int(wrong.size()); ++i) {
        if (stop && stop->stopRequested())
            return {};
        const Prediction &p = *wrong[std::size_t(i)];
        const QString uri = jpegDataUri(loadThumbnail(p.path, dataset, samples, side));
        const QString file = QFileInfo(p.path).fileName();
        html += QStringLiteral("<figure>");
        if (uri.isEmpty())
            html += QStringLiteral("<div class=\"noimage\">%1</div>").arg(esc(Text::tr("image not readable")));
        else
            html += QStringLiteral("<img src=\"%1\" alt=\"%2\">").arg(uri, esc(file));
        html += QStringLiteral("<figcaption><span title=\"%1\">%2</span><br>%3<br><span class=\"wrong\">%4</span><br>%5</figcaption>")
                    .arg(esc(p.path), esc(file),
                         esc(Text::tr("true: %1").arg(set.classes.value(p.truth))),
                         esc(Text::tr("predicted: %1 (%2 %)")
                                 .arg(set.classes.value(p.predicted), localeNumber(p.confidence * 100.0, 'f', 1))),
                         esc(Text::tr("loss %1").arg(localeNumber(p.loss, 'f', 3))));
        html += QStringLiteral("</figure>\n");
        if (progress)
            progress(i + 1, int(wrong.size()));
    }
    html += QStringLiteral("</div>\n");
    html += QStringLiteral("<p class=\"muted\">%1</p>\n").arg(esc(Text::tr("Written by Loupe from %1").arg(runDir)));
    html += QStringLiteral("</body></html>\n");
    return html.toUtf8();
}

QString writeRunReport(const QString &file, const QString &runDir, const Dataset *dataset, const RunReportOptions &options,
                       const ProgressFn &progress, const StopToken *stop)
{
    const QByteArray html = runReportHtml(runDir, dataset, options, progress, stop);
    if (html.isEmpty())
        return Text::tr("the report was cancelled");
    return runfolder::writeAtomically(file, html);
}

} // namespace loupe
