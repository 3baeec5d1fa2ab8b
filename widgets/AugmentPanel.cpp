#include "AugmentPanel.h"

#include "ClassColors.h"

#include "augment/Transforms.h"
#include "imaging/SafeDecoder.h"
#include "project/RunFolder.h"
#include "train/BatchPreview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFrame>
#include <QGroupBox>
#include <QIcon>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QMutex>
#include <QMutexLocker>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace loupe {

/// Decoded preview images, shared with the render jobs; one per open dataset.
class SourceImageCache
{
public:
    /// The image at full resolution, decoded once; empty with `error` set when it cannot be read.
    cv::Mat get(const Dataset &dataset, int sample, QString *error)
    {
        {
            QMutexLocker lock(&m_mutex);
            auto it = m_images.find(sample);
            if (it != m_images.end())
                return it.value();
        }
        const Sample &s = dataset.samples[std::size_t(sample)];
        cv::Mat image;
        if (s.idxIndex >= 0 && dataset.idx) {
            const IdxImages &idx = *dataset.idx;
            image = cv::Mat(idx.rows, idx.cols, CV_8UC1, const_cast<std::uint8_t *>(idx.image(s.idxIndex))).clone();
        } else {
            DecodeResult r = decodeImageFile(s.path);
            if (!r.ok()) {
                if (error)
                    *error = r.error;
                return {};
            }
            image = r.image;
        }
        QMutexLocker lock(&m_mutex);
        // A handful of full-resolution photos is all a preview needs at once.
        if (m_images.size() >= 24)
            m_images.clear();
        m_images.insert(sample, image);
        return image;
    }

private:
    QMutex m_mutex;
    QHash<int, cv::Mat> m_images;
};

enum class RenderMode { Training, Evaluation, Batch };

struct AugmentRenderJob {
    quint64 generation = 0;
    InspectionPtr inspection;
    std::shared_ptr<SourceImageCache> cache;
    QByteArray pipelineJson;
    QList<int> samples;
    int variants = 8;
    quint64 seed = 0;
    RenderMode mode = RenderMode::Training;
    BatchPreviewOptions batch;
};

struct AugmentRenderResult {
    quint64 generation = 0;
    QList<VariantTile> tiles;
    QString error;
};

struct AugmentAdviceResult {
    quint64 generation = 0;
    std::vector<AugmentWarning> warnings;
    QString error;
};

namespace {

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
        QPen pen(colour, 1.6 / scale);
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
    return QString::number(v.toDouble(), 'f', decimals);
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
            parts << AugmentPanel::tr("rot %1°").arg(number(p.value(QStringLiteral("degrees")), t == QLatin1String("rotate") ? 1 : 0));
        else if (t == QLatin1String("scale"))
            parts << AugmentPanel::tr("zoom ×%1").arg(number(p.value(QStringLiteral("factor")), 2));
        else if (t == QLatin1String("translate"))
            parts << AugmentPanel::tr("shift %1,%2").arg(p.value(QStringLiteral("dx")).toInt()).arg(p.value(QStringLiteral("dy")).toInt());
        else if (t == QLatin1String("brightness")) {
            const double d = p.value(QStringLiteral("delta")).toDouble();
            parts << AugmentPanel::tr("bright %1%2").arg(d >= 0 ? QStringLiteral("+") : QString(), QString::number(d, 'f', 2));
        } else if (t == QLatin1String("contrast"))
            parts << AugmentPanel::tr("contrast ×%1").arg(number(p.value(QStringLiteral("factor")), 2));
        else if (t == QLatin1String("gamma"))
            parts << AugmentPanel::tr("γ %1").arg(number(p.value(QStringLiteral("gamma")), 2));
        else if (t == QLatin1String("gaussian_noise"))
            parts << AugmentPanel::tr("noise %1").arg(number(p.value(QStringLiteral("sd")), 3));
        else if (t == QLatin1String("gaussian_blur"))
            parts << AugmentPanel::tr("blur σ%1").arg(number(p.value(QStringLiteral("sigma")), 1));
        else if (t == QLatin1String("random_crop"))
            parts << AugmentPanel::tr("crop %1,%2 %3×%4")
                         .arg(p.value(QStringLiteral("x")).toInt())
                         .arg(p.value(QStringLiteral("y")).toInt())
                         .arg(p.value(QStringLiteral("width")).toInt())
                         .arg(p.value(QStringLiteral("height")).toInt());
        else if (t == QLatin1String("tile") && p.contains(QStringLiteral("row")))
            parts << AugmentPanel::tr("tile %1,%2").arg(p.value(QStringLiteral("row")).toInt()).arg(p.value(QStringLiteral("col")).toInt());
        else if (!randomOnly)
            parts << t;
    }
    return parts.isEmpty() ? AugmentPanel::tr("no random change") : parts.join(QStringLiteral(" · "));
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
                text = QString::number(v.toDouble(), 'g', 4);
            else if (v.canConvert<QVariantList>() && v.typeId() != QMetaType::QString) {
                QStringList items;
                for (const QVariant &x : v.toList())
                    items << QString::number(x.toDouble(), 'g', 4);
                text = QLatin1Char('[') + items.join(QStringLiteral(", ")) + QLatin1Char(']');
            } else
                text = v.toString();
            values << it.key() + QLatin1Char('=') + text;
        }
        lines << QStringLiteral("%1: %2 %3").arg(s.type, s.applied ? AugmentPanel::tr("yes") : AugmentPanel::tr("no"),
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

AugmentRenderResult renderJob(const AugmentRenderJob &job)
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
                const QString label = item.label >= 0 && item.label < dataset.classes.size() ? dataset.classes[item.label]
                                                                                              : AugmentPanel::tr("no class");
                t.caption = QStringLiteral("#%1 %2").arg(item.sample).arg(label);
                t.details = AugmentPanel::tr("%1\n%2×%2, %n channel(s), label %3", nullptr, item.image.channels())
                                .arg(name)
                                .arg(item.image.cols)
                                .arg(item.label);
                out.tiles.append(t);
            }
            for (const BadFile &bad : batch.errors)
                out.error += AugmentPanel::tr("%1: %2\n").arg(QFileInfo(bad.path).fileName(), bad.reason);
            return out;
        }
        for (int sample : job.samples) {
            if (sample < 0 || sample >= int(dataset.samples.size()))
                continue;
            const Sample &s = dataset.samples[std::size_t(sample)];
            QString error;
            const cv::Mat source = job.cache->get(dataset, sample, &error);
            if (source.empty()) {
                out.error += AugmentPanel::tr("%1: %2\n").arg(QFileInfo(s.path).fileName(), error);
                continue;
            }
            VariantTile before;
            double scale = 1;
            before.image = toQImage(source, &scale);
            drawObjects(before.image, s.objects, scale);
            before.sample = sample;
            before.original = true;
            before.rowStart = true;
            before.caption = AugmentPanel::tr("#%1 before (%2×%3)").arg(sample).arg(source.cols).arg(source.rows);
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
                    t.details = AugmentPanel::tr("%1×%2 out\n").arg(a.image.cols).arg(a.image.rows) + detailsText(applied);
                } catch (const PipelineError &e) {
                    QMutexLocker lock(&errorMutex);
                    if (variantError.isEmpty())
                        variantError = AugmentPanel::tr("pipeline %1: %2").arg(e.place(), e.problem());
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
        out.error = AugmentPanel::tr("pipeline %1: %2").arg(e.place(), e.problem());
    } catch (const std::exception &e) {
        out.error = QString::fromLocal8Bit(e.what());
    }
    return out;
}

/// The steps a new pipeline entry starts from: each transform's own defaults, with sizes that
/// make sense for a first look.
QJsonObject defaultStep(const QString &type)
{
    std::shared_ptr<Transform> t;
    using namespace transforms;
    if (type == QLatin1String("resize"))
        t = std::make_shared<Resize>();
    else if (type == QLatin1String("crop")) {
        auto c = std::make_shared<Crop>();
        c->width = c->height = 224;
        t = c;
    } else if (type == QLatin1String("center_crop"))
        t = std::make_shared<CenterCrop>();
    else if (type == QLatin1String("tile")) {
        auto c = std::make_shared<Tile>();
        c->rows = c->cols = 4;
        c->random = true;
        t = c;
    } else if (type == QLatin1String("normalize"))
        t = std::make_shared<Normalize>();
    else if (type == QLatin1String("random_crop"))
        t = std::make_shared<RandomCrop>();
    else if (type == QLatin1String("hflip"))
        t = std::make_shared<HorizontalFlip>();
    else if (type == QLatin1String("vflip"))
        t = std::make_shared<VerticalFlip>();
    else if (type == QLatin1String("rotate90"))
        t = std::make_shared<Rotate90>();
    else if (type == QLatin1String("rotate"))
        t = std::make_shared<Rotate>();
    else if (type == QLatin1String("scale"))
        t = std::make_shared<Scale>();
    else if (type == QLatin1String("translate"))
        t = std::make_shared<Translate>();
    else if (type == QLatin1String("brightness"))
        t = std::make_shared<Brightness>();
    else if (type == QLatin1String("contrast"))
        t = std::make_shared<Contrast>();
    else if (type == QLatin1String("gamma"))
        t = std::make_shared<Gamma>();
    else if (type == QLatin1String("gaussian_noise"))
        t = std::make_shared<GaussianNoise>();
    else if (type == QLatin1String("gaussian_blur"))
        t = std::make_shared<GaussianBlur>();
    return t ? t->toJson() : QJsonObject{{QStringLiteral("type"), type}};
}

struct Range {
    double min, max, step;
    int decimals;
};

Range rangeOf(const QString &key)
{
    static const QHash<QString, Range> ranges{
        {QStringLiteral("probability"), {0, 1, 0.05, 2}},   {QStringLiteral("max_delta"), {0, 1, 0.01, 3}},
        {QStringLiteral("sd"), {0, 1, 0.005, 3}},           {QStringLiteral("max_fraction"), {0, 1, 0.01, 3}},
        {QStringLiteral("min_scale"), {0.01, 1, 0.05, 2}},  {QStringLiteral("max_scale"), {0.01, 1, 0.05, 2}},
        {QStringLiteral("max_degrees"), {0, 180, 1, 1}},    {QStringLiteral("max_sigma"), {0, 20, 0.1, 2}},
        {QStringLiteral("min"), {0.01, 10, 0.05, 2}},       {QStringLiteral("max"), {0.01, 10, 0.05, 2}},
        {QStringLiteral("pad_value"), {0, 255, 1, 0}},      {QStringLiteral("border_value"), {0, 255, 1, 0}},
        {QStringLiteral("width"), {1, 16384, 1, 0}},        {QStringLiteral("height"), {1, 16384, 1, 0}},
        {QStringLiteral("x"), {0, 1 << 20, 1, 0}},          {QStringLiteral("y"), {0, 1 << 20, 1, 0}},
        {QStringLiteral("rows"), {1, 64, 1, 0}},            {QStringLiteral("cols"), {1, 64, 1, 0}},
        {QStringLiteral("index"), {0, 4095, 1, 0}},
    };
    return ranges.value(key, Range{-1000, 1000, 0.1, 3});
}

QStringList choicesOf(const QString &key)
{
    if (key == QLatin1String("border"))
        return {QStringLiteral("reflect"), QStringLiteral("replicate"), QStringLiteral("constant")};
    if (key == QLatin1String("interpolation"))
        return {QStringLiteral("auto"), QStringLiteral("nearest"), QStringLiteral("linear"), QStringLiteral("cubic"),
                QStringLiteral("area")};
    return {};
}

QString stepLabel(const QJsonObject &step)
{
    const QString type = step.value(QStringLiteral("type")).toString();
    const QJsonValue p = step.value(QStringLiteral("probability"));
    return p.isDouble() ? AugmentPanel::tr("%1  (p %2)").arg(type, QString::number(p.toDouble(), 'g', 3)) : type;
}

} // namespace

AugmentPanel::AugmentPanel(QWidget *parent)
    : Panel(parent)
    , m_cache(std::make_shared<SourceImageCache>())
    , m_renderWatcher(new QFutureWatcher<AugmentRenderResult>(this))
    , m_adviceWatcher(new QFutureWatcher<AugmentAdviceResult>(this))
{
    // A zero timer gathers the edits of one event-loop turn; edits that arrive while a render
    // runs are gathered into the next one, so renders follow a held spin box as fast as they
    // finish (~25–40 a second) and the first change after a pause starts at once.
    m_renderDebounce.setSingleShot(true);
    m_renderDebounce.setInterval(0);
    m_adviceDebounce.setSingleShot(true);
    m_adviceDebounce.setInterval(250);
    connect(&m_renderDebounce, &QTimer::timeout, this, &AugmentPanel::startRender);
    connect(&m_adviceDebounce, &QTimer::timeout, this, &AugmentPanel::startAdvice);
    connect(m_renderWatcher, &QFutureWatcher<AugmentRenderResult>::finished, this, &AugmentPanel::renderDone);
    connect(m_adviceWatcher, &QFutureWatcher<AugmentAdviceResult>::finished, this, &AugmentPanel::adviceDone);
    buildUi();
    setPipeline(Pipeline::defaultTraining(224, 3));
}

AugmentPanel::~AugmentPanel()
{
    // The jobs hold their own copies of everything; waiting keeps them from outliving the app.
    m_renderWatcher->waitForFinished();
    m_adviceWatcher->waitForFinished();
}

void AugmentPanel::buildUi()
{
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("augmentSplitter"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(splitter);

    // Left: the pipeline, its parameters and the advisor.
    // A vertical splitter, so a long pipeline or a long list of warnings can take the room.
    auto *left = new QSplitter(Qt::Vertical, splitter);
    left->setObjectName(QStringLiteral("augmentLeftSplitter"));
    left->setChildrenCollapsible(false);
    auto *pipelineBox = new QGroupBox(tr("Training pipeline"), left);
    auto *pl = new QVBoxLayout(pipelineBox);
    m_stepList = new QListWidget(pipelineBox);
    m_stepList->setObjectName(QStringLiteral("stepList"));
    pl->addWidget(m_stepList);
    auto *editRow = new QHBoxLayout;
    m_addType = new QComboBox(pipelineBox);
    m_addType->setObjectName(QStringLiteral("addStepType"));
    m_addType->addItems(transforms::knownTypes());
    auto *add = new QPushButton(tr("Add"), pipelineBox);
    auto *remove = new QToolButton(pipelineBox);
    remove->setText(tr("Remove"));
    auto *up = new QToolButton(pipelineBox);
    up->setText(QStringLiteral("▲"));
    up->setToolTip(tr("Move the step up"));
    auto *down = new QToolButton(pipelineBox);
    down->setText(QStringLiteral("▼"));
    down->setToolTip(tr("Move the step down"));
    editRow->addWidget(m_addType, 1);
    editRow->addWidget(add);
    editRow->addWidget(remove);
    editRow->addWidget(up);
    editRow->addWidget(down);
    pl->addLayout(editRow);
    m_formTitle = new QLabel(pipelineBox);
    m_formTitle->setObjectName(QStringLiteral("formTitle"));
    pl->addWidget(m_formTitle);
    auto *formScroll = new QScrollArea(pipelineBox);
    formScroll->setWidgetResizable(true);
    formScroll->setFrameShape(QFrame::NoFrame);
    m_form = new QWidget(formScroll);
    m_form->setObjectName(QStringLiteral("stepForm"));
    m_formLayout = new QFormLayout(m_form);
    m_formLayout->setContentsMargins(0, 0, 4, 0);
    formScroll->setWidget(m_form);
    pl->addWidget(formScroll, 1);
    auto *fileRow = new QHBoxLayout;
    auto *load = new QPushButton(tr("Load…"), pipelineBox);
    auto *save = new QPushButton(tr("Save…"), pipelineBox);
    auto *reset = new QPushButton(tr("Use default for training"), pipelineBox);
    reset->setObjectName(QStringLiteral("useDefault"));
    reset->setToolTip(tr("Resize to the model's input, random horizontal flip, normalise"));
    fileRow->addWidget(load);
    fileRow->addWidget(save);
    pl->addLayout(fileRow);
    pl->addWidget(reset);
    m_pipelineStatus = new QLabel(pipelineBox);
    m_pipelineStatus->setObjectName(QStringLiteral("pipelineStatus"));
    m_pipelineStatus->setWordWrap(true);
    m_pipelineStatus->setStyleSheet(QStringLiteral("color: #c0392b"));
    m_pipelineStatus->setVisible(false);
    pl->addWidget(m_pipelineStatus);

    auto *adviceBox = new QGroupBox(tr("Advisor"), left);
    adviceBox->setObjectName(QStringLiteral("adviceBox"));
    auto *al = new QVBoxLayout(adviceBox);
    m_warningList = new QListWidget(adviceBox);
    m_warningList->setObjectName(QStringLiteral("warningList"));
    m_warningList->setWordWrap(true);
    m_warningList->setTextElideMode(Qt::ElideNone);
    m_warningList->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_warningList->setToolTip(tr("Click a warning to see the images it names, before and after"));
    al->addWidget(m_warningList);
    m_busy = new QProgressBar(adviceBox);
    m_busy->setObjectName(QStringLiteral("augmentBusy"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumHeight(10);
    m_busy->setTextVisible(false);
    m_busy->setVisible(false);
    al->addWidget(m_busy);
    left->addWidget(pipelineBox);
    left->addWidget(adviceBox);
    left->setStretchFactor(0, 0);
    left->setStretchFactor(1, 1);
    left->setSizes({330, 400});

    // Right: which images, how many variants, which view; then the grid.
    auto *right = new QWidget(splitter);
    auto *rl = new QVBoxLayout(right);
    auto *pickRow = new QHBoxLayout;
    auto *randomButton = new QPushButton(tr("Random sample"), right);
    randomButton->setObjectName(QStringLiteral("randomSample"));
    m_imageCount = new QSpinBox(right);
    m_imageCount->setRange(1, 16);
    m_imageCount->setValue(2);
    m_imageCount->setSuffix(tr(" images"));
    m_seed = new QSpinBox(right);
    m_seed->setRange(0, 1 << 30);
    m_seed->setPrefix(tr("seed "));
    m_imageText = new QLineEdit(right);
    m_imageText->setObjectName(QStringLiteral("imageText"));
    m_imageText->setPlaceholderText(tr("or indices / file names, e.g. 3, 17, part_004.jpg"));
    m_variants = new QSpinBox(right);
    m_variants->setObjectName(QStringLiteral("variantCount"));
    m_variants->setRange(1, 64);
    m_variants->setValue(8);
    m_variants->setSuffix(tr(" variants"));
    pickRow->addWidget(randomButton);
    pickRow->addWidget(m_imageCount);
    pickRow->addWidget(m_seed);
    pickRow->addWidget(m_imageText, 1);
    pickRow->addWidget(m_variants);
    rl->addLayout(pickRow);

    auto *viewRow = new QHBoxLayout;
    m_evaluation = new QCheckBox(tr("Evaluation view"), right);
    m_evaluation->setObjectName(QStringLiteral("evaluationView"));
    m_evaluation->setToolTip(tr("Only the deterministic steps: what evaluation and inference see"));
    m_exactBatch = new QCheckBox(tr("Exact batch"), right);
    m_exactBatch->setObjectName(QStringLiteral("exactBatch"));
    m_exactBatch->setToolTip(tr("The first images of an epoch as the training data loader hands them to the model, "
                                "de-normalised"));
    m_inputSize = new QSpinBox(right);
    m_inputSize->setRange(8, 4096);
    m_inputSize->setValue(224);
    m_inputSize->setPrefix(tr("input "));
    m_inputSize->setSuffix(tr(" px"));
    m_channels = new QComboBox(right);
    m_channels->addItem(tr("3 channels"), 3);
    m_channels->addItem(tr("1 channel"), 1);
    m_epoch = new QSpinBox(right);
    m_epoch->setRange(0, 100000);
    m_epoch->setPrefix(tr("epoch "));
    m_batchCount = new QSpinBox(right);
    m_batchCount->setRange(1, 256);
    m_batchCount->setValue(16);
    m_batchCount->setSuffix(tr(" in batch"));
    viewRow->addWidget(m_evaluation);
    viewRow->addSpacing(12);
    viewRow->addWidget(m_exactBatch);
    viewRow->addWidget(m_inputSize);
    viewRow->addWidget(m_channels);
    viewRow->addWidget(m_epoch);
    viewRow->addWidget(m_batchCount);
    viewRow->addStretch(1);
    rl->addLayout(viewRow);
    m_status = new QLabel(right);
    m_status->setObjectName(QStringLiteral("augmentStatus"));
    m_status->setWordWrap(true);
    rl->addWidget(m_status);
    auto *scroll = new QScrollArea(right);
    scroll->setObjectName(QStringLiteral("variantScroll"));
    scroll->setWidgetResizable(true);
    m_grid = new VariantGrid(scroll);
    m_grid->setCellSize(164);
    m_grid->setPlaceholder(tr("Open a dataset to preview its augmented images."));
    scroll->setWidget(m_grid);
    rl->addWidget(scroll, 1);

    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({400, 900});
    left->setMinimumWidth(380);

    connect(m_stepList, &QListWidget::currentRowChanged, this, [this] { rebuildForm(); });
    connect(m_stepList, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        const int row = m_stepList->row(item);
        if (row < 0 || row >= m_steps.size())
            return;
        QJsonObject step = m_steps[row].toObject();
        const bool on = item->checkState() == Qt::Checked;
        if (step.value(QStringLiteral("enabled")).toBool(true) == on)
            return;
        step.insert(QStringLiteral("enabled"), on);
        m_steps[row] = step;
        stepsEdited();
    });
    connect(add, &QPushButton::clicked, this, &AugmentPanel::addStep);
    connect(remove, &QToolButton::clicked, this, &AugmentPanel::removeStep);
    connect(up, &QToolButton::clicked, this, [this] { moveStep(-1); });
    connect(down, &QToolButton::clicked, this, [this] { moveStep(1); });
    connect(load, &QPushButton::clicked, this, &AugmentPanel::loadPipeline);
    connect(save, &QPushButton::clicked, this, &AugmentPanel::savePipeline);
    connect(reset, &QPushButton::clicked, this, &AugmentPanel::useDefault);
    connect(randomButton, &QPushButton::clicked, this,
            [this] { pickRandomImages(m_imageCount->value(), quint64(m_seed->value())); });
    connect(m_imageText, &QLineEdit::returnPressed, this, &AugmentPanel::applyImageText);
    connect(m_variants, &QSpinBox::valueChanged, this, [this] { scheduleRender(); });
    connect(m_evaluation, &QCheckBox::toggled, this, [this] { scheduleRender(); });
    connect(m_exactBatch, &QCheckBox::toggled, this, [this] { scheduleRender(); });
    for (QSpinBox *spin : {m_inputSize, m_epoch, m_batchCount})
        connect(spin, &QSpinBox::valueChanged, this, [this] {
            if (m_exactBatch->isChecked())
                scheduleRender();
        });
    connect(m_channels, &QComboBox::currentIndexChanged, this, [this] {
        if (m_exactBatch->isChecked())
            scheduleRender();
    });
    connect(m_warningList, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { showWarningImages(m_warningList->row(item)); });
}

void AugmentPanel::setInspection(const InspectionPtr &inspection)
{
    if (inspection == m_inspection)
        return;
    m_inspection = inspection;
    m_cache = std::make_shared<SourceImageCache>();
    m_samples.clear();
    m_warnings.clear();
    m_warningList->clear();
    if (!m_inspection || m_inspection->dataset.samples.empty()) {
        m_grid->setTiles({});
        m_status->setText(m_inspection ? tr("This dataset has no images.") : QString());
        return;
    }
    pickRandomImages(m_imageCount->value(), quint64(m_seed->value()));
    scheduleAdvice();
}

void AugmentPanel::setImages(const QList<int> &samples)
{
    QList<int> valid;
    const int n = m_inspection ? int(m_inspection->dataset.samples.size()) : 0;
    for (int s : samples)
        if (s >= 0 && s < n && !valid.contains(s))
            valid.append(s);
    m_samples = valid;
    QStringList text;
    for (int s : m_samples)
        text << QString::number(s);
    m_imageText->setText(text.join(QStringLiteral(", ")));
    scheduleRender();
}

void AugmentPanel::pickRandomImages(int count, quint64 seed)
{
    if (!m_inspection)
        return;
    const std::vector<Sample> &samples = m_inspection->dataset.samples;
    // Images with objects show what the pipeline does to them; fall back to any image.
    std::vector<int> pool;
    for (int i = 0; i < int(samples.size()); ++i)
        if (!samples[std::size_t(i)].objects.empty())
            pool.push_back(i);
    if (pool.empty())
        for (int i = 0; i < int(samples.size()); ++i)
            pool.push_back(i);
    QRandomGenerator rng(quint32(seed ^ (seed >> 32)));
    for (std::size_t i = pool.size(); i > 1; --i)
        std::swap(pool[i - 1], pool[rng.bounded(quint32(i))]);
    QList<int> chosen;
    for (int i = 0; i < std::min<int>(count, int(pool.size())); ++i)
        chosen.append(pool[std::size_t(i)]);
    std::sort(chosen.begin(), chosen.end());
    setImages(chosen);
}

void AugmentPanel::applyImageText()
{
    if (!m_inspection)
        return;
    const auto &samples = m_inspection->dataset.samples;
    QList<int> chosen;
    QStringList unknown;
    const QStringList tokens = m_imageText->text().split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts);
    for (const QString &token : tokens) {
        bool isNumber = false;
        const int index = token.toInt(&isNumber);
        if (isNumber) {
            chosen.append(index);
            continue;
        }
        int found = -1;
        for (int i = 0; i < int(samples.size()) && found < 0; ++i)
            if (samples[std::size_t(i)].path == token || samples[std::size_t(i)].path.endsWith(QLatin1Char('/') + token))
                found = i;
        if (found >= 0)
            chosen.append(found);
        else
            unknown << token;
    }
    setImages(chosen);
    if (!unknown.isEmpty())
        m_status->setText(tr("Not in this dataset: %1").arg(unknown.join(QStringLiteral(", "))));
}

void AugmentPanel::setPipeline(const Pipeline &pipeline)
{
    m_steps = QJsonDocument::fromJson(pipeline.toJson()).object().value(QStringLiteral("steps")).toArray();
    rebuildStepList();
    stepsEdited();
}

Pipeline AugmentPanel::pipeline() const
{
    return Pipeline::fromJson(pipelineJson());
}

QByteArray AugmentPanel::pipelineJson() const
{
    return QJsonDocument(QJsonObject{{QStringLiteral("steps"), m_steps}}).toJson(QJsonDocument::Indented);
}

bool AugmentPanel::setStepParameter(int step, const QString &key, const QJsonValue &value)
{
    if (step < 0 || step >= m_steps.size())
        return false;
    QJsonObject o = m_steps[step].toObject();
    o.insert(key, value);
    QJsonArray trial = m_steps;
    trial[step] = o;
    try {
        Pipeline::fromJson(QJsonDocument(QJsonObject{{QStringLiteral("steps"), trial}}).toJson());
    } catch (const PipelineError &e) {
        m_pipelineStatus->setText(tr("Not applied: %1: %2").arg(e.place(), e.problem()));
        m_pipelineStatus->setVisible(true);
        return false;
    }
    m_steps = trial;
    if (m_stepList->item(step))
        m_stepList->item(step)->setText(stepLabel(o));
    if (m_stepList->currentRow() == step && sender() == nullptr)
        rebuildForm();
    stepsEdited();
    return true;
}

void AugmentPanel::setStepEnabled(int step, bool enabled)
{
    if (QListWidgetItem *item = m_stepList->item(step))
        item->setCheckState(enabled ? Qt::Checked : Qt::Unchecked);
}

void AugmentPanel::setVariantCount(int n)
{
    m_variants->setValue(n);
}

void AugmentPanel::setEvaluationView(bool on)
{
    m_evaluation->setChecked(on);
}

void AugmentPanel::setExactBatch(bool on)
{
    m_exactBatch->setChecked(on);
}

void AugmentPanel::setModelInput(int imageSize, int channels)
{
    m_inputSize->setValue(imageSize);
    m_channels->setCurrentIndex(channels == 1 ? 1 : 0);
}

void AugmentPanel::setBatchCount(int count)
{
    m_batchCount->setValue(count);
}

const QList<VariantTile> &AugmentPanel::tiles() const
{
    return m_grid->tiles();
}

void AugmentPanel::rebuildStepList()
{
    const int current = m_stepList->currentRow();
    QSignalBlocker block(m_stepList);
    m_stepList->clear();
    for (const QJsonValue &v : m_steps) {
        const QJsonObject step = v.toObject();
        auto *item = new QListWidgetItem(stepLabel(step), m_stepList);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(step.value(QStringLiteral("enabled")).toBool(true) ? Qt::Checked : Qt::Unchecked);
        item->setToolTip(tr("Untick to switch the step off"));
    }
    if (!m_steps.isEmpty())
        m_stepList->setCurrentRow(std::clamp(current, 0, int(m_steps.size()) - 1));
    // As tall as its steps (up to eight rows), so the parameters below keep the room.
    const int rowHeight = std::max(16, m_stepList->sizeHintForRow(0));
    m_stepList->setFixedHeight(std::clamp(int(m_steps.size()), 3, 8) * rowHeight + 2 * m_stepList->frameWidth() + 4);
    rebuildForm();
}

void AugmentPanel::rebuildForm()
{
    while (m_formLayout->rowCount() > 0)
        m_formLayout->removeRow(0);
    const int row = m_stepList->currentRow();
    if (row < 0 || row >= m_steps.size()) {
        m_formTitle->setText(tr("No step selected"));
        return;
    }
    const QJsonObject step = m_steps[row].toObject();
    m_formTitle->setText(tr("<b>%1</b> parameters").arg(step.value(QStringLiteral("type")).toString()));
    QStringList keys = step.keys();
    keys.removeAll(QStringLiteral("type"));
    keys.removeAll(QStringLiteral("enabled"));
    if (keys.removeAll(QStringLiteral("probability")) > 0)
        keys.prepend(QStringLiteral("probability"));
    if (keys.isEmpty()) {
        auto *none = new QLabel(tr("No parameters."), m_form);
        m_formLayout->addRow(none);
        return;
    }
    for (const QString &key : keys) {
        const QJsonValue value = step.value(key);
        QWidget *editor = nullptr;
        if (value.isBool()) {
            auto *box = new QCheckBox(m_form);
            box->setChecked(value.toBool());
            connect(box, &QCheckBox::toggled, this, [this, row, key](bool on) { setStepParameter(row, key, on); });
            editor = box;
        } else if (value.isString()) {
            auto *combo = new QComboBox(m_form);
            const QStringList choices = choicesOf(key);
            combo->addItems(choices.isEmpty() ? QStringList{value.toString()} : choices);
            combo->setCurrentText(value.toString());
            connect(combo, &QComboBox::currentTextChanged, this,
                    [this, row, key](const QString &text) { setStepParameter(row, key, text); });
            editor = combo;
        } else if (value.isArray()) {
            auto *line = new QLineEdit(m_form);
            QStringList parts;
            for (const QJsonValue &x : value.toArray())
                parts << QString::number(x.toDouble(), 'g', 6);
            line->setText(parts.join(QStringLiteral(", ")));
            connect(line, &QLineEdit::editingFinished, this, [this, row, key, line] {
                QJsonArray numbers;
                for (const QString &p : line->text().split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts)) {
                    bool ok = false;
                    const double v = p.toDouble(&ok);
                    if (!ok)
                        return;
                    numbers.append(v);
                }
                setStepParameter(row, key, numbers);
            });
            editor = line;
        } else {
            const Range r = rangeOf(key);
            if (r.decimals == 0) {
                auto *spin = new QSpinBox(m_form);
                spin->setObjectName(key);
                spin->setRange(int(r.min), int(r.max));
                spin->setValue(value.toInt());
                connect(spin, &QSpinBox::valueChanged, this, [this, row, key](int v) { setStepParameter(row, key, v); });
                editor = spin;
            } else {
                auto *spin = new QDoubleSpinBox(m_form);
                spin->setObjectName(key);
                spin->setDecimals(r.decimals);
                spin->setRange(r.min, r.max);
                spin->setSingleStep(r.step);
                spin->setValue(value.toDouble());
                connect(spin, &QDoubleSpinBox::valueChanged, this,
                        [this, row, key](double v) { setStepParameter(row, key, v); });
                editor = spin;
            }
        }
        m_formLayout->addRow(key, editor);
    }
}

void AugmentPanel::stepsEdited()
{
    try {
        Pipeline::fromJson(pipelineJson());
        m_pipelineStatus->setVisible(false);
    } catch (const PipelineError &e) {
        m_pipelineStatus->setText(tr("%1: %2").arg(e.place(), e.problem()));
        m_pipelineStatus->setVisible(true);
        return;
    }
    scheduleRender();
    scheduleAdvice();
}

void AugmentPanel::addStep()
{
    const QJsonObject step = defaultStep(m_addType->currentText());
    // New steps go before a final normalize, which must stay last.
    int at = m_stepList->currentRow() + 1;
    if (at <= 0 || at > m_steps.size())
        at = m_steps.size();
    if (at == m_steps.size() && !m_steps.isEmpty()
        && m_steps.last().toObject().value(QStringLiteral("type")).toString() == QLatin1String("normalize"))
        --at;
    m_steps.insert(at, step);
    rebuildStepList();
    m_stepList->setCurrentRow(at);
    stepsEdited();
}

void AugmentPanel::removeStep()
{
    const int row = m_stepList->currentRow();
    if (row < 0 || row >= m_steps.size())
        return;
    m_steps.removeAt(row);
    rebuildStepList();
    stepsEdited();
}

void AugmentPanel::moveStep(int delta)
{
    const int row = m_stepList->currentRow(), to = row + delta;
    if (row < 0 || to < 0 || to >= m_steps.size())
        return;
    const QJsonValue v = m_steps[row];
    m_steps.removeAt(row);
    m_steps.insert(to, v);
    rebuildStepList();
    m_stepList->setCurrentRow(to);
    stepsEdited();
}

void AugmentPanel::loadPipeline()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load augmentation pipeline"), QString(),
                                                      tr("Pipeline (*.json)"));
    if (path.isEmpty())
        return;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(this, tr("Load pipeline"), tr("Cannot read %1: %2").arg(path, f.errorString()));
        return;
    }
    try {
        setPipeline(Pipeline::fromJson(f.readAll()));
    } catch (const PipelineError &e) {
        QMessageBox::warning(this, tr("Load pipeline"), tr("%1 is not a pipeline: %2: %3").arg(path, e.place(), e.problem()));
    }
}

void AugmentPanel::savePipeline()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save augmentation pipeline"),
                                                      QStringLiteral("augment.json"), tr("Pipeline (*.json)"));
    if (path.isEmpty())
        return;
    // Write-then-rename: a full disk leaves the previous file of that name as it was.
    if (const QString error = runfolder::writeAtomically(path, pipelineJson()); !error.isEmpty())
        QMessageBox::warning(this, tr("Save pipeline"), error);
}

void AugmentPanel::useDefault()
{
    setPipeline(Pipeline::defaultTraining(m_inputSize->value(), m_channels->currentData().toInt()));
}

void AugmentPanel::scheduleRender()
{
    if (!m_changeClockRunning) {
        m_changeClock.start();
        m_changeClockRunning = true;
    }
    m_renderDebounce.start();
}

void AugmentPanel::startRender()
{
    if (m_renderWatcher->isRunning()) {
        m_renderWanted = true;
        return;
    }
    m_renderWanted = false;
    if (!m_inspection) {
        m_changeClockRunning = false;
        return;
    }
    AugmentRenderJob job;
    job.generation = ++m_renderGeneration;
    job.inspection = m_inspection;
    job.cache = m_cache;
    job.pipelineJson = pipelineJson();
    job.samples = m_samples;
    job.variants = m_variants->value();
    job.seed = quint64(m_seed->value());
    job.mode = m_exactBatch->isChecked() ? RenderMode::Batch
        : m_evaluation->isChecked()      ? RenderMode::Evaluation
                                         : RenderMode::Training;
    job.batch.imageSize = m_inputSize->value();
    job.batch.channels = m_channels->currentData().toInt();
    job.batch.epoch = m_epoch->value();
    job.batch.count = m_batchCount->value();
    job.batch.seed = quint64(m_seed->value());
    m_renderWatcher->setFuture(QtConcurrent::run([job] { return renderJob(job); }));
    // The exact batch decodes whole photos; say so when it takes a moment.
    QTimer::singleShot(600, this, [this] { setBusy(m_adviceWatcher->isRunning(), m_renderWatcher->isRunning()); });
}

void AugmentPanel::renderDone()
{
    const AugmentRenderResult result = m_renderWatcher->result();
    if (m_renderWanted) {
        // Something changed while this ran: its pictures are already stale.
        startRender();
        return;
    }
    setBusy(m_adviceWatcher->isRunning(), false);
    m_grid->setTiles(result.tiles);
    QString status;
    if (m_exactBatch->isChecked())
        status = tr("Exact batch: the first %1 images of epoch %2 as the data loader gives them to the model "
                    "(%3×%3, %n channel(s)), de-normalised.",
                    nullptr, m_channels->currentData().toInt())
                     .arg(result.tiles.size())
                     .arg(m_epoch->value())
                     .arg(m_inputSize->value());
    else if (m_evaluation->isChecked())
        status = tr("Evaluation view: only the deterministic steps, as evaluation and inference see the images.");
    else
        status = tr("Each row: the image before (framed), then %1 training variants; hover a picture for every "
                    "parameter.")
                     .arg(m_variants->value());
    if (!result.error.isEmpty())
        status += QLatin1Char('\n') + result.error.trimmed();
    m_status->setText(status);
    m_lastRenderMs = m_changeClockRunning ? double(m_changeClock.nsecsElapsed()) / 1e6 : 0.0;
    m_changeClockRunning = false;
    Q_EMIT rendered(int(result.tiles.size()), m_lastRenderMs);
}

void AugmentPanel::scheduleAdvice()
{
    if (m_inspection)
        m_adviceDebounce.start();
}

void AugmentPanel::startAdvice()
{
    if (m_adviceWatcher->isRunning()) {
        m_adviceWanted = true;
        return;
    }
    m_adviceWanted = false;
    if (!m_inspection)
        return;
    const quint64 generation = ++m_adviceGeneration;
    const InspectionPtr inspection = m_inspection;
    const QByteArray json = pipelineJson();
    m_adviceWatcher->setFuture(QtConcurrent::run([generation, inspection, json] {
        AugmentAdviceResult r;
        r.generation = generation;
        try {
            r.warnings = advise(Pipeline::fromJson(json), inspection->dataset, inspection->stats);
        } catch (const PipelineError &e) {
            r.error = AugmentPanel::tr("pipeline %1: %2").arg(e.place(), e.problem());
        } catch (const std::exception &e) {
            r.error = QString::fromLocal8Bit(e.what());
        }
        return r;
    }));
    QTimer::singleShot(600, this, [this] { setBusy(m_adviceWatcher->isRunning(), m_renderWatcher->isRunning()); });
}

void AugmentPanel::adviceDone()
{
    AugmentAdviceResult result = m_adviceWatcher->result();
    if (m_adviceWanted) {
        startAdvice();
        return;
    }
    setBusy(false, m_renderWatcher->isRunning());
    m_warnings = std::move(result.warnings);
    m_warningList->clear();
    const QIcon icon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const AugmentWarning &w : m_warnings) {
        QString text = QStringLiteral("%1\n%2.").arg(warningTitle(w.kind), w.message);
        if (!w.suggestion.isEmpty())
            text += QStringLiteral("\n→ ") + w.suggestion;
        auto *item = new QListWidgetItem(icon, text, m_warningList);
        item->setToolTip(tr("Click to show the images concerned, before and after"));
    }
    if (!result.error.isEmpty())
        new QListWidgetItem(result.error, m_warningList);
    if (m_warnings.empty() && result.error.isEmpty()) {
        auto *ok = new QListWidgetItem(tr("No warnings: objects stay visible, pixels stay in range, nothing is cut "
                                          "out."),
                                       m_warningList);
        ok->setFlags(Qt::ItemIsEnabled);
    }
    if (auto *box = findChild<QGroupBox *>(QStringLiteral("adviceBox")))
        box->setTitle(m_warnings.empty() ? tr("Advisor") : tr("Advisor: %n warning(s)", nullptr, int(m_warnings.size())));
    Q_EMIT warningsChanged(int(m_warnings.size()));
}

void AugmentPanel::showWarningImages(int row)
{
    if (row < 0 || row >= int(m_warnings.size()))
        return;
    const AugmentWarning &w = m_warnings[std::size_t(row)];
    QList<int> samples;
    for (std::size_t i = 0; i < w.samples.size() && samples.size() < 3; ++i)
        samples.append(w.samples[i]);
    // Before and after means the training pipeline on these very images.
    {
        QSignalBlocker a(m_evaluation), b(m_exactBatch);
        m_evaluation->setChecked(false);
        m_exactBatch->setChecked(false);
    }
    setImages(samples);
}

void AugmentPanel::setBusy(bool adviceRunning, bool renderRunning)
{
    m_busy->setVisible(adviceRunning || renderRunning);
}

} // namespace loupe
