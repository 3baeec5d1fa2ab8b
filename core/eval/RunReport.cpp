#include "eval/RunReport.h"

#include "Translations.h"

#include "dataset/CsvText.h"
#include "dataset/Errors.h"
#include "eval/Metrics.h"
#include "eval/PrCurve.h"
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
    svg += QStringLiteral("<svg class=\"chart\" width=\"%1\" height=\"%2\" "
                          "viewBox=\"0 0 %1 %2\" role=\"img\">")
               .arg(o.width)
               .arg(o.height);
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

const char *kStyle = R"(body{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:24px;color:#222;max-width:1200px}
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
figcaption{word-break:break-all}.wrong{color:#b00}.muted{color:#666})";

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

QByteArray runReportHtml(const QString &runDir, const Dataset *dataset, const RunReportOptions &options,
                         const ProgressFn &progress, const StopToken *stop)
{
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
