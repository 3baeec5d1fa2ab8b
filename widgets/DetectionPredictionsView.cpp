#include "DetectionPredictionsView.h"

#include "ClassColors.h"
#include "ConfusionMatrixView.h"
#include "ThumbnailLoader.h"
#include "dataset/Errors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QSet>
#include <QSlider>
#include <QSplitter>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>

namespace loupe {

namespace {

constexpr int kSliderSteps = 100; // the threshold in hundredths
constexpr double kDefaultThreshold = 0.5;
constexpr int kThumbnailSize = 64;
constexpr int kMaxThumbnailRequests = 400;

// Okabe & Ito's palette ("Color Universal Design"): distinct for the common colour blindnesses.
const QColor kBluishGreen(0x00, 0x9e, 0x73);
const QColor kVermillion(0xd5, 0x5e, 0x00);
const QColor kSkyBlue(0x56, 0xb4, 0xe9);
const QColor kReddishPurple(0xcc, 0x79, 0xa7);
const QColor kGrey(0x99, 0x99, 0x99);

QString scoreText(double score)
{
    return QLocale().toString(score, 'f', 2);
}

QString fileNameOf(const QString &path)
{
    return QFileInfo(path).fileName();
}

} // namespace

VerdictStyle detectionStyle(BoxVerdict verdict, bool detection)
{
    switch (verdict) {
    case BoxVerdict::Matched:
        return {kBluishGreen, detection ? Qt::SolidLine : Qt::DotLine};
    case BoxVerdict::FalsePositive:
        return {kVermillion, Qt::DashDotLine};
    case BoxVerdict::WrongClass:
        return {kReddishPurple, detection ? Qt::SolidLine : Qt::DotLine};
    case BoxVerdict::Missed:
        return {kSkyBlue, Qt::DashLine};
    case BoxVerdict::Ignored:
    case BoxVerdict::BelowThreshold:
        break;
    }
    return {kGrey, Qt::DotLine};
}

// ---- gallery model ---------------------------------------------------------------------------

DetectionImageModel::DetectionImageModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void DetectionImageModel::setRows(const std::vector<ReviewImage> *images, const DetectionReview *review,
                                  std::vector<int> rows, ThumbnailLoader *loader)
{
    beginResetModel();
    m_images = images;
    m_review = review;
    m_rows = std::move(rows);
    m_loader = loader;
    endResetModel();
}

void DetectionImageModel::refresh()
{
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {Qt::DisplayRole, Qt::ToolTipRole, ErrorsRole});
}

void DetectionImageModel::thumbnailsArrived(const QStringList &paths)
{
    if (!m_images || m_rows.empty())
        return;
    const QSet<QString> arrived(paths.begin(), paths.end());
    int first = -1;
    int last = -1;
    for (int r = 0; r < int(m_rows.size()); ++r) {
        if (arrived.contains((*m_images)[std::size_t(m_rows[std::size_t(r)])].path)) {
            first = first < 0 ? r : first;
            last = r;
        }
    }
    if (first >= 0) // one batched change, not one per thumbnail
        Q_EMIT dataChanged(index(first), index(last), {Qt::DecorationRole});
}

int DetectionImageModel::imageAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[std::size_t(row)] : -1;
}

int DetectionImageModel::rowOfImage(int image) const
{
    const auto it = std::find(m_rows.begin(), m_rows.end(), image);
    return it == m_rows.end() ? -1 : int(it - m_rows.begin());
}

int DetectionImageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant DetectionImageModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()) || !m_images || !m_review)
        return {};
    const int image = m_rows[std::size_t(index.row())];
    const ReviewImage &img = (*m_images)[std::size_t(image)];
    const bool reviewed = image < int(m_review->images.size());
    const ImageReview empty;
    const ImageReview &r = reviewed ? m_review->images[std::size_t(image)] : empty;
    switch (role) {
    case Qt::DisplayRole: {
        QStringList parts;
        if (r.missed > 0)
            parts << DetectionPredictionsView::tr("%n missed", nullptr, r.missed);
        if (r.falsePositives > 0)
            parts << DetectionPredictionsView::tr("%n false positive(s)", nullptr, r.falsePositives);
        if (r.wrongClass > 0)
            parts << DetectionPredictionsView::tr("%n wrong class", nullptr, r.wrongClass);
        if (parts.isEmpty())
            parts << DetectionPredictionsView::tr("no errors (%n found)", nullptr, r.matched);
        return QStringLiteral("%1\n%2").arg(fileNameOf(img.path), parts.join(QStringLiteral(", ")));
    }
    case Qt::ToolTipRole:
        return DetectionPredictionsView::tr("%1\n%2 objects, %3 detections over the threshold")
            .arg(img.path)
            .arg(r.matched + r.missed + int(std::count_if(r.truth.begin(), r.truth.end(), [](const ReviewedBox &b) {
                                                  return b.verdict == BoxVerdict::WrongClass;
                                              })))
            .arg(r.matched + r.falsePositives + r.wrongClass);
    case Qt::DecorationRole:
        if (m_loader) {
            const QPixmap pixmap = m_loader->thumbnail(img.path);
            if (!pixmap.isNull())
                return pixmap;
        }
        return {};
    case Qt::ForegroundRole:
        return r.errors() > 0 ? QVariant() : QVariant(QColor(0x00, 0x6e, 0x50));
    case ImageIndexRole:
        return image;
    case ErrorsRole:
        return r.errors();
    default:
        return {};
    }
}

// ---- view --------------------------------------------------------------------------------------

DetectionPredictionsView::DetectionPredictionsView(QWidget *parent)
    : QWidget(parent)
    , m_loader(new ThumbnailLoader(this))
    , m_model(new DetectionImageModel(this))
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_thresholdText(new QLabel(this))
    , m_counts(new QLabel(this))
    , m_misses(new QCheckBox(tr("With misses"), this))
    , m_fps(new QCheckBox(tr("With false positives"), this))
    , m_class(new QComboBox(this))
    , m_sortBox(new QComboBox(this))
    , m_filterText(new QLabel(this))
    , m_gallery(new QListView(this))
    , m_matrix(new ConfusionMatrixView(this))
    , m_plot(new QCustomPlot(this))
    , m_tabs(new QTabWidget(this))
    , m_viewer(new ImageViewer(this))
    , m_measure(new QToolButton(this))
    , m_boxList(new QListWidget(this))
    , m_status(new QLabel(this))
{
    m_loader->setThumbnailSize(kThumbnailSize);
    connect(m_loader, &ThumbnailLoader::thumbnailsReady, m_model, &DetectionImageModel::thumbnailsArrived);

    // Threshold and counts.
    m_slider->setObjectName(QStringLiteral("scoreThreshold"));
    m_slider->setRange(0, kSliderSteps);
    m_slider->setValue(int(kDefaultThreshold * kSliderSteps));
    m_slider->setToolTip(tr("Detections scored under this are not shown and not counted"));
    m_slider->setMinimumWidth(160);
    m_review.threshold = kDefaultThreshold;
    m_thresholdText->setObjectName(QStringLiteral("scoreThresholdText"));
    m_thresholdText->setMinimumWidth(m_thresholdText->fontMetrics().horizontalAdvance(QStringLiteral("0.000")));
    m_counts->setObjectName(QStringLiteral("detectionCounts"));
    m_counts->setWordWrap(true);
    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(new QLabel(tr("Score threshold"), this));
    top->addWidget(m_slider);
    top->addWidget(m_thresholdText);
    top->addSpacing(12);
    top->addWidget(m_counts, 1);
    connect(m_slider, &QSlider::valueChanged, this, [this](int v) { setThreshold(double(v) / kSliderSteps); });

    // Gallery with its filters.
    m_misses->setObjectName(QStringLiteral("missesOnly"));
    m_fps->setObjectName(QStringLiteral("falsePositivesOnly"));
    m_class->setObjectName(QStringLiteral("classFilter"));
    m_class->setToolTip(tr("Images with an object or a detection of this class"));
    m_sortBox->setObjectName(QStringLiteral("detectionSort"));
    m_sortBox->addItem(tr("Most errors first"), int(Sort::Errors));
    m_sortBox->addItem(tr("Dataset order"), int(Sort::DatasetOrder));
    m_sortBox->addItem(tr("File name"), int(Sort::Name));
    m_filterText->setObjectName(QStringLiteral("detectionFilterText"));
    m_filterText->setWordWrap(true);
    m_gallery->setObjectName(QStringLiteral("detectionGallery"));
    m_gallery->setModel(m_model);
    m_gallery->setIconSize(QSize(kThumbnailSize, kThumbnailSize));
    m_gallery->setUniformItemSizes(true);
    m_gallery->setSpacing(2);
    m_gallery->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(m_misses, &QCheckBox::toggled, this, &DetectionPredictionsView::setMissesOnly);
    connect(m_fps, &QCheckBox::toggled, this, &DetectionPredictionsView::setFalsePositivesOnly);
    connect(m_class, qOverload<int>(&QComboBox::activated), this,
            [this] { setClassFilter(m_class->currentData().toInt()); });
    connect(m_sortBox, qOverload<int>(&QComboBox::activated), this,
            [this] { setSort(Sort(m_sortBox->currentData().toInt())); });
    connect(m_gallery->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { openImage(m_model->imageAt(current.row())); });

    auto *galleryBox = new QWidget(this);
    auto *galleryLayout = new QVBoxLayout(galleryBox);
    galleryLayout->setContentsMargins(2, 2, 2, 2);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_misses);
    filters->addWidget(m_fps);
    filters->addStretch(1);
    auto *filters2 = new QHBoxLayout;
    filters2->addWidget(m_class, 1);
    filters2->addWidget(m_sortBox, 1);
    galleryLayout->addLayout(filters);
    galleryLayout->addLayout(filters2);
    galleryLayout->addWidget(m_filterText);
    galleryLayout->addWidget(m_gallery, 1);

    // Confusion matrix with background.
    auto *matrixBox = new QWidget(this);
    auto *matrixLayout = new QVBoxLayout(matrixBox);
    matrixLayout->setContentsMargins(2, 2, 2, 2);
    auto *matrixNote = new QLabel(tr("Boxes at IoU ≥ 0.5 over the threshold: rows are the truth, columns the "
                                     "prediction. Background: a missed object (column) or a false positive (row). "
                                     "Click a cell to see exactly its boxes."),
                                  this);
    matrixNote->setWordWrap(true);
    matrixLayout->addWidget(matrixNote);
    m_matrix->setObjectName(QStringLiteral("detectionConfusion"));
    matrixLayout->addWidget(m_matrix, 1);
    connect(m_matrix, &ConfusionMatrixView::cellClicked, this, [this](int t, int p) {
        filterToCell(t, p);
        m_tabs->setCurrentIndex(0);
    });

    // Precision–recall curves.
    m_plot->setObjectName(QStringLiteral("prCurves"));
    m_plot->xAxis->setLabel(tr("Recall"));
    m_plot->yAxis->setLabel(tr("Precision"));
    m_plot->xAxis->setRange(0, 1.02);
    m_plot->yAxis->setRange(0, 1.05);
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(font());
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignLeft | Qt::AlignBottom);
    m_plot->setMinimumSize(220, 180);
    auto *plotBox = new QWidget(this);
    auto *plotLayout = new QVBoxLayout(plotBox);
    plotLayout->setContentsMargins(2, 2, 2, 2);
    auto *plotNote = new QLabel(tr("At IoU 0.5, as COCO computes them; the dot is the current threshold."), this);
    plotNote->setWordWrap(true);
    plotLayout->addWidget(plotNote);
    plotLayout->addWidget(m_plot, 1);

    m_tabs->setObjectName(QStringLiteral("detectionTabs"));
    m_tabs->addTab(galleryBox, tr("Images"));
    m_tabs->addTab(matrixBox, tr("Confusion matrix"));
    m_tabs->addTab(plotBox, tr("Precision–recall"));

    // Viewer with zoom, measure, legend and the boxes of the image.
    m_viewer->setObjectName(QStringLiteral("detectionViewer"));
    auto *fit = new QToolButton(this);
    fit->setText(tr("Fit"));
    fit->setToolTip(tr("Fit the image to the window (F)"));
    connect(fit, &QToolButton::clicked, m_viewer, &ImageViewer::fitToWindow);
    auto *actual = new QToolButton(this);
    actual->setText(tr("1:1"));
    actual->setToolTip(tr("One image pixel per screen pixel"));
    connect(actual, &QToolButton::clicked, m_viewer, &ImageViewer::actualSize);
    m_measure->setText(tr("Measure"));
    m_measure->setObjectName(QStringLiteral("detectionMeasure"));
    m_measure->setCheckable(true);
    m_measure->setToolTip(tr("Drag across the image to measure in image pixels"));
    connect(m_measure, &QToolButton::toggled, m_viewer, &ImageViewer::setMeasuring);
    auto *prev = new QToolButton(this);
    prev->setText(tr("◀"));
    prev->setToolTip(tr("Previous image"));
    connect(prev, &QToolButton::clicked, this, [this] { step(-1); });
    auto *next = new QToolButton(this);
    next->setText(tr("▶"));
    next->setToolTip(tr("Next image"));
    connect(next, &QToolButton::clicked, this, [this] { step(1); });
    connect(m_viewer, &ImageViewer::nextRequested, this, [this] { step(1); });
    connect(m_viewer, &ImageViewer::previousRequested, this, [this] { step(-1); });
    auto *viewerBar = new QHBoxLayout;
    viewerBar->setContentsMargins(0, 0, 0, 0);
    viewerBar->addWidget(prev);
    viewerBar->addWidget(next);
    viewerBar->addWidget(fit);
    viewerBar->addWidget(actual);
    viewerBar->addWidget(m_measure);
    viewerBar->addStretch(1);
    m_status->setObjectName(QStringLiteral("detectionViewerStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_viewer, &ImageViewer::statusChanged, m_status, &QLabel::setText);
    m_boxList->setObjectName(QStringLiteral("detectionBoxes"));
    m_boxList->setToolTip(tr("Click a box to zoom to it"));
    m_boxList->setMaximumHeight(120);
    connect(m_boxList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < int(m_viewer->boxOverlays().size()))
            m_viewer->showRegion(m_viewer->boxOverlays()[std::size_t(row)].box);
    });

    auto *viewerBox = new QWidget(this);
    auto *viewerLayout = new QVBoxLayout(viewerBox);
    viewerLayout->setContentsMargins(0, 0, 0, 0);
    viewerLayout->setSpacing(3);
    viewerLayout->addLayout(viewerBar);
    viewerLayout->addWidget(buildLegend());
    viewerLayout->addWidget(m_viewer, 1);
    viewerLayout->addWidget(m_status);
    viewerLayout->addWidget(m_boxList);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("detectionSplitter"));
    splitter->addWidget(m_tabs);
    splitter->addWidget(viewerBox);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({380, 620});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    m_thresholdText->setText(scoreText(kDefaultThreshold));
    clear();
}

DetectionPredictionsView::~DetectionPredictionsView() = default;

QWidget *DetectionPredictionsView::buildLegend()
{
    auto *legend = new QWidget(this);
    legend->setObjectName(QStringLiteral("detectionLegend"));
    // Three to a row: in one row the German legend alone would be wider than a 1024 px window.
    auto *grid = new QGridLayout(legend);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(6);
    grid->setVerticalSpacing(1);
    constexpr int kPerRow = 3;
    int n = 0;
    const struct {
        BoxVerdict verdict;
        bool detection;
        QString text;
    } entries[] = {
        {BoxVerdict::Matched, true, tr("matched (true positive)")},
        {BoxVerdict::Matched, false, tr("object found")},
        {BoxVerdict::FalsePositive, true, tr("false positive")},
        {BoxVerdict::Missed, false, tr("missed (false negative)")},
        {BoxVerdict::WrongClass, true, tr("wrong class")},
    };
    for (const auto &e : entries) {
        const VerdictStyle s = detectionStyle(e.verdict, e.detection);
        QPixmap swatch(28 * devicePixelRatio(), 14 * devicePixelRatio());
        swatch.setDevicePixelRatio(devicePixelRatio());
        swatch.fill(Qt::transparent);
        QPainter p(&swatch);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(s.color, 2, s.style));
        p.drawRect(QRectF(2, 2, 24, 10));
        p.end();
        auto *icon = new QLabel(legend);
        icon->setPixmap(swatch);
        auto *text = new QLabel(e.text, legend);
        grid->addWidget(icon, n / kPerRow, 2 * (n % kPerRow));
        grid->addWidget(text, n / kPerRow, 2 * (n % kPerRow) + 1);
        ++n;
    }
    grid->setColumnStretch(2 * kPerRow, 1);
    return legend;
}

void DetectionPredictionsView::clear()
{
    m_images.clear();
    m_classes.clear();
    m_metrics = DetectionMetrics();
    m_notInDataset = 0;
    m_current = -1;
    m_cellTruth = m_cellPredicted = -1;
    m_review = reviewDetections({}, {}, m_review.threshold);
    m_class->clear();
    m_class->addItem(tr("All classes"), -1);
    m_overlayVerdicts.clear();
    m_overlayRefs.clear();
    m_boxList->clear();
    m_viewer->clear(tr("No detections to show."));
    updateMatrix();
    updatePlot();
    applyFilters();
}

QString DetectionPredictionsView::load(const QString &runDir, const QString &split, const InspectionPtr &inspection)
{
    const QString keepPath = currentPath();
    clear();
    m_inspection = inspection;
    m_split = split;
    if (!inspection)
        return {};
    detectionfiles::LoadedDetections loaded;
    try {
        loaded = detectionfiles::load(runDir, split, inspection->dataset);
    } catch (const LabelFileError &e) {
        return e.message();
    } catch (const DatasetError &e) {
        return e.message();
    }
    m_images = std::move(loaded.images);
    m_classes = loaded.classes;
    m_notInDataset = loaded.notInDataset;
    try {
        m_metrics = evaluateReview(m_images, m_classes);
    } catch (const std::exception &e) {
        // A NaN coordinate in a results file: the review still shows what can be shown.
        m_metrics = DetectionMetrics();
    }
    for (int c = 0; c < m_classes.size(); ++c)
        m_class->addItem(m_classes.at(c), c);

    QVector<ThumbnailRequest> requests;
    for (const ReviewImage &img : m_images) {
        if (requests.size() >= kMaxThumbnailRequests)
            break;
        ThumbnailRequest r;
        r.path = img.path;
        if (img.sampleIndex >= 0) {
            const Sample &s = inspection->dataset.samples[std::size_t(img.sampleIndex)];
            r.width = s.width;
            r.height = s.height;
        }
        requests.append(r);
    }
    m_loader->request(requests);

    recount();
    updatePlot();
    if (!keepPath.isEmpty() && showImage(keepPath))
        return {};
    if (m_model->rowCount() > 0)
        m_gallery->setCurrentIndex(m_model->index(0));
    return {};
}

QString DetectionPredictionsView::summaryText() const
{
    if (m_images.empty())
        return {};
    QString text = tr("<b>%1</b>: %n image(s)", nullptr, int(m_images.size())).arg(m_split);
    if (m_metrics.map >= 0)
        text += tr(", mAP@[.5:.95] <b>%1</b>, AP50 %2")
                    .arg(QLocale().toString(m_metrics.map, 'f', 3), QLocale().toString(m_metrics.ap50, 'f', 3));
    text += QLatin1Char('.');
    if (m_notInDataset > 0)
        text += QLatin1Char(' ')
            + tr("%n of the evaluated images are not in the open dataset (moved, renamed or deleted since the run).",
                 nullptr, m_notInDataset);
    return text;
}

void DetectionPredictionsView::setThreshold(double score)
{
    score = std::clamp(score, 0.0, 1.0);
    {
        const QSignalBlocker block(m_slider);
        m_slider->setValue(int(std::lround(score * kSliderSteps)));
    }
    m_thresholdText->setText(scoreText(score));
    if (score == m_review.threshold && !m_review.cells.empty())
        return;
    m_review.threshold = score;
    recount();
}

void DetectionPredictionsView::recount()
{
    m_review = reviewDetections(m_images, m_classes, m_review.threshold);
    updateCounts();
    updateMatrix();
    if (m_cellTruth >= 0)
        m_matrix->setSelectedCell(m_cellTruth, m_cellPredicted);
    applyFilters();
    updatePlot();
    drawCurrent();
}

void DetectionPredictionsView::updateCounts()
{
    if (m_images.empty()) {
        m_counts->clear();
        return;
    }
    m_counts->setText(tr("<span style='color:#009e73'><b>%1</b> matched</span> · "
                         "<span style='color:#0072b2'><b>%2</b> missed</span> · "
                         "<span style='color:#d55e00'><b>%3</b> false positives</span> · "
                         "<span style='color:#cc79a7'><b>%4</b> wrong class</span>")
                          .arg(m_review.matched)
                          .arg(m_review.missed)
                          .arg(m_review.falsePositives)
                          .arg(m_review.wrongClass));
}

void DetectionPredictionsView::updateMatrix()
{
    if (m_classes.isEmpty()) {
        m_matrix->clear();
        return;
    }
    QStringList names = m_classes;
    names.append(tr("background"));
    m_matrix->setMatrix(names, m_review.counts());
}

void DetectionPredictionsView::updatePlot()
{
    m_plot->clearGraphs();
    const std::vector<double> &recalls = cocoRecallThresholds();
    for (int c = 0; c < int(m_metrics.perClass.size()) && c < m_classes.size(); ++c) {
        const DetectionClassMetrics &m = m_metrics.perClass[std::size_t(c)];
        if (m.precision50.empty())
            continue;
        QCPGraph *curve = m_plot->addGraph();
        curve->setName(tr("%1 (AP50 %2)").arg(m_classes.at(c), QLocale().toString(std::max(0.0, m.ap50), 'f', 2)));
        curve->setPen(QPen(classColor(c), 2));
        QVector<double> x;
        QVector<double> y;
        for (std::size_t i = 0; i < m.precision50.size() && i < recalls.size(); ++i) {
            x.append(recalls[i]);
            y.append(m.precision50[i]);
        }
        curve->setData(x, y, true);
        if (c < int(m_review.perClass.size()) && m_review.perClass[std::size_t(c)].objects > 0) {
            const ClassReview &r = m_review.perClass[std::size_t(c)];
            QCPGraph *dot = m_plot->addGraph();
            dot->removeFromLegend();
            dot->setLineStyle(QCPGraph::lsNone);
            dot->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QPen(Qt::black, 1), classColor(c), 9));
            dot->setData(QVector<double>{r.recall()}, QVector<double>{r.precision()});
        }
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

// ---- filters -----------------------------------------------------------------------------------

void DetectionPredictionsView::setMissesOnly(bool on)
{
    const QSignalBlocker block(m_misses);
    m_misses->setChecked(on);
    m_missesOnly = on;
    m_cellTruth = m_cellPredicted = -1;
    m_matrix->setSelectedCell(-1, -1);
    applyFilters();
}

void DetectionPredictionsView::setFalsePositivesOnly(bool on)
{
    const QSignalBlocker block(m_fps);
    m_fps->setChecked(on);
    m_fpOnly = on;
    m_cellTruth = m_cellPredicted = -1;
    m_matrix->setSelectedCell(-1, -1);
    applyFilters();
}

void DetectionPredictionsView::setClassFilter(int classIndex)
{
    m_classFilter = classIndex >= 0 && classIndex < m_classes.size() ? classIndex : -1;
    m_class->setCurrentIndex(std::max(0, m_class->findData(m_classFilter)));
    m_cellTruth = m_cellPredicted = -1;
    m_matrix->setSelectedCell(-1, -1);
    applyFilters();
}

void DetectionPredictionsView::setSort(Sort sort)
{
    m_sort = sort;
    m_sortBox->setCurrentIndex(std::max(0, m_sortBox->findData(int(sort))));
    applyFilters();
}

void DetectionPredictionsView::filterToCell(int truth, int predicted)
{
    const int n = int(m_classes.size()) + 1;
    if (truth < 0 || predicted < 0 || truth >= n || predicted >= n)
        return;
    {
        const QSignalBlocker b1(m_misses);
        const QSignalBlocker b2(m_fps);
        m_misses->setChecked(false);
        m_fps->setChecked(false);
    }
    m_missesOnly = m_fpOnly = false;
    m_classFilter = -1;
    m_class->setCurrentIndex(0);
    m_cellTruth = truth;
    m_cellPredicted = predicted;
    m_matrix->setSelectedCell(truth, predicted);
    applyFilters();
    if (m_model->rowCount() > 0)
        m_gallery->setCurrentIndex(m_model->index(0));
}

void DetectionPredictionsView::clearFilters()
{
    m_missesOnly = m_fpOnly = false;
    {
        const QSignalBlocker b1(m_misses);
        const QSignalBlocker b2(m_fps);
        m_misses->setChecked(false);
        m_fps->setChecked(false);
    }
    m_classFilter = -1;
    m_class->setCurrentIndex(0);
    m_cellTruth = m_cellPredicted = -1;
    m_matrix->setSelectedCell(-1, -1);
    applyFilters();
}

void DetectionPredictionsView::applyFilters()
{
    std::vector<int> rows;
    const std::vector<int> cell = m_cellTruth >= 0 ? m_review.cellImages(m_cellTruth, m_cellPredicted) : std::vector<int>();
    for (int i = 0; i < int(m_images.size()); ++i) {
        const ImageReview &r = m_review.images[std::size_t(i)];
        if (m_cellTruth >= 0) {
            if (std::binary_search(cell.begin(), cell.end(), i))
                rows.push_back(i);
            continue;
        }
        if (m_missesOnly && r.missed == 0)
            continue;
        if (m_fpOnly && r.falsePositives == 0)
            continue;
        if (m_classFilter >= 0) {
            const ReviewImage &img = m_images[std::size_t(i)];
            bool has = std::any_of(img.truth.begin(), img.truth.end(),
                                   [this](const ReviewTruth &t) { return !t.crowd && t.classIndex == m_classFilter; });
            for (std::size_t d = 0; d < img.detections.size() && !has; ++d)
                has = img.detections[d].classIndex == m_classFilter && r.detections[d].verdict != BoxVerdict::BelowThreshold;
            if (!has)
                continue;
        }
        rows.push_back(i);
    }
    if (m_sort == Sort::Errors) {
        std::stable_sort(rows.begin(), rows.end(), [this](int a, int b) {
            return m_review.images[std::size_t(a)].errors() > m_review.images[std::size_t(b)].errors();
        });
    } else if (m_sort == Sort::Name) {
        std::stable_sort(rows.begin(), rows.end(), [this](int a, int b) {
            return QString::localeAwareCompare(fileNameOf(m_images[std::size_t(a)].path),
                                               fileNameOf(m_images[std::size_t(b)].path))
                < 0;
        });
    }
    const int keep = m_current;
    {
        // The selection is put back below; no image opens while the rows are replaced.
        const QSignalBlocker block(m_gallery->selectionModel());
        m_model->setRows(&m_images, &m_review, std::move(rows), m_loader);
        const int row = m_model->rowOfImage(keep);
        if (row >= 0)
            m_gallery->setCurrentIndex(m_model->index(row));
    }
    m_gallery->viewport()->update();
    m_filterText->setText(countText());
    m_tabs->setTabText(0, m_model->rowCount() < int(m_images.size())
                              ? tr("Images (%1 of %2)").arg(m_model->rowCount()).arg(m_images.size())
                              : tr("Images (%1)").arg(m_images.size()));
}

QString DetectionPredictionsView::countText() const
{
    const int shown = m_model->rowCount();
    const int all = int(m_images.size());
    if (m_cellTruth >= 0 && m_cellTruth < m_matrix->classes().size() && m_cellPredicted < m_matrix->classes().size()) {
        const int boxes = int(m_review.cells[std::size_t(m_cellTruth)][std::size_t(m_cellPredicted)].size());
        return tr("Showing %1 of %2 images: the %n box(es) with truth %3 predicted as %4.", nullptr, boxes)
            .arg(shown)
            .arg(all)
            .arg(m_matrix->classes().at(m_cellTruth), m_matrix->classes().at(m_cellPredicted));
    }
    if (shown == all)
        return tr("Showing all %n image(s).", nullptr, all);
    return tr("Showing %1 of %2 images.").arg(shown).arg(all);
}

// ---- viewer ------------------------------------------------------------------------------------

void DetectionPredictionsView::openImage(int image)
{
    if (image < 0 || image >= int(m_images.size()))
        return;
    m_current = image;
    const ReviewImage &img = m_images[std::size_t(image)];
    if (!m_inspection || img.sampleIndex < 0) {
        m_viewer->clear(tr("%1 is not in the open dataset.").arg(img.path));
        return;
    }
    const Sample &s = m_inspection->dataset.samples[std::size_t(img.sampleIndex)];
    // The boxes are this view's overlays; the dataset's own class-coloured boxes would hide them.
    m_viewer->open(s.path, {}, {}, m_inspection->dataset.idx, s.idxIndex);
    drawCurrent();
}

bool DetectionPredictionsView::inCell(const BoxRef &ref) const
{
    if (m_cellTruth < 0)
        return true;
    const auto &cell = m_review.cells[std::size_t(m_cellTruth)][std::size_t(m_cellPredicted)];
    if (std::find(cell.begin(), cell.end(), ref) != cell.end())
        return true;
    // The object a matched or wrong-class detection of the cell found belongs to it too.
    if (!ref.detection) {
        const ReviewedBox &t = m_review.images[std::size_t(ref.image)].truth[std::size_t(ref.index)];
        return t.partner >= 0 && std::find(cell.begin(), cell.end(), BoxRef{ref.image, true, t.partner}) != cell.end();
    }
    return false;
}

void DetectionPredictionsView::drawCurrent()
{
    m_overlayVerdicts.clear();
    m_overlayRefs.clear();
    const QSignalBlocker block(m_boxList);
    m_boxList->clear();
    if (m_current < 0 || m_current >= int(m_images.size()) || m_current >= int(m_review.images.size())) {
        m_viewer->setBoxOverlays({});
        return;
    }
    const ReviewImage &img = m_images[std::size_t(m_current)];
    const ImageReview &r = m_review.images[std::size_t(m_current)];
    std::vector<OverlayBox> boxes;
    auto className = [this](int c) { return c >= 0 && c < m_classes.size() ? m_classes.at(c) : QString(); };
    auto add = [&](const QRectF &box, BoxVerdict verdict, bool detection, const QString &label, const BoxRef &ref,
                   const QString &line) {
        const VerdictStyle s = detectionStyle(verdict, detection);
        // Labels of objects go under their box, of detections above: both stay readable on one object.
        boxes.push_back({box, s.color, s.style, label, !inCell(ref), !detection});
        m_overlayVerdicts.push_back(verdict);
        m_overlayRefs.push_back(ref);
        auto *item = new QListWidgetItem(line, m_boxList);
        item->setForeground(s.color.darker(130));
    };
    auto where = [](const QRectF &b) {
        return tr("at %1, %2, %3 × %4 px")
            .arg(QLocale().toString(b.x(), 'f', 0), QLocale().toString(b.y(), 'f', 0), QLocale().toString(b.width(), 'f', 0),
                 QLocale().toString(b.height(), 'f', 0));
    };
    // Objects first, so that detections are drawn over them.
    for (int g = 0; g < int(img.truth.size()); ++g) {
        const ReviewTruth &t = img.truth[std::size_t(g)];
        const BoxVerdict v = r.truth[std::size_t(g)].verdict;
        if (v == BoxVerdict::Ignored)
            continue;
        const QString name = className(t.classIndex);
        QString label;
        QString line;
        if (v == BoxVerdict::Missed) {
            label = tr("missed: %1").arg(name);
            line = tr("Missed %1 %2").arg(name, where(t.box));
        } else if (v == BoxVerdict::WrongClass) {
            line = tr("Object %1 %2, found as another class").arg(name, where(t.box));
        } else {
            line = tr("Object %1 %2, found").arg(name, where(t.box));
        }
        add(t.box, v, false, label, {m_current, false, g}, line);
    }
    for (int d = 0; d < int(img.detections.size()); ++d) {
        const ReviewDetection &det = img.detections[std::size_t(d)];
        const ReviewedBox &rb = r.detections[std::size_t(d)];
        if (rb.verdict == BoxVerdict::BelowThreshold || rb.verdict == BoxVerdict::Ignored)
            continue;
        const QString name = className(det.classIndex);
        QString label = QStringLiteral("%1 %2").arg(name, scoreText(det.score));
        QString line;
        if (rb.verdict == BoxVerdict::WrongClass) {
            const QString truth = className(img.truth[std::size_t(rb.partner)].classIndex);
            label = tr("%1 %2 (is %3)").arg(name, scoreText(det.score), truth);
            line = tr("Wrong class: %1 (%2) on a %3 %4").arg(name, scoreText(det.score), truth, where(det.box));
        } else if (rb.verdict == BoxVerdict::FalsePositive) {
            line = tr("False positive: %1 (%2) %3").arg(name, scoreText(det.score), where(det.box));
        } else {
            line = tr("Matched: %1 (%2) %3, IoU %4")
                       .arg(name, scoreText(det.score), where(det.box), QLocale().toString(rb.iou, 'f', 2));
        }
        add(det.box, rb.verdict, true, label, {m_current, true, d}, line);
    }
    m_viewer->setBoxOverlays(std::move(boxes));
}

const std::vector<OverlayBox> &DetectionPredictionsView::overlayBoxes() const
{
    return m_viewer->boxOverlays();
}

bool DetectionPredictionsView::showImage(const QString &path)
{
    int image = -1;
    for (int i = 0; i < int(m_images.size()); ++i)
        if (m_images[std::size_t(i)].path == path)
            image = i;
    if (image < 0)
        return false;
    if (m_model->rowOfImage(image) < 0)
        clearFilters();
    const int row = m_model->rowOfImage(image);
    if (row < 0)
        return false;
    m_gallery->setCurrentIndex(m_model->index(row));
    m_gallery->scrollTo(m_model->index(row));
    if (m_current != image)
        openImage(image);
    return true;
}

QString DetectionPredictionsView::currentPath() const
{
    return m_current >= 0 && m_current < int(m_images.size()) ? m_images[std::size_t(m_current)].path : QString();
}

void DetectionPredictionsView::step(int delta)
{
    const int rows = m_model->rowCount();
    if (rows == 0)
        return;
    const int row = m_model->rowOfImage(m_current);
    const int next = std::clamp(row < 0 ? 0 : row + delta, 0, rows - 1);
    m_gallery->setCurrentIndex(m_model->index(next));
}

QStringList DetectionPredictionsView::galleryPaths() const
{
    QStringList paths;
    for (int r = 0; r < m_model->rowCount(); ++r)
        paths.append(m_images[std::size_t(m_model->imageAt(r))].path);
    return paths;
}

} // namespace loupe
