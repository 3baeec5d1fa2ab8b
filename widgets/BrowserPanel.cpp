#include "BrowserPanel.h"

#include "ClassBalanceChart.h"
#include "ImageViewer.h"
#include "MainWindow.h"
#include "Settings.h"
#include "ThumbnailDelegate.h"
#include "ThumbnailGallery.h"
#include "ThumbnailLoader.h"
#include "ThumbnailModel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSlider>
#include <QSplitter>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace loupe {

namespace {
constexpr int kSearchDebounceMs = 150;
constexpr int kCellSpacing = 6;

SettingValue<int> thumbnailSizeSetting()
{
    return {QStringLiteral("browser/thumbnailSize"), 128};
}
SettingValue<QByteArray> splitterSetting()
{
    return {QStringLiteral("browser/splitter"), QByteArray()};
}

} // namespace

BrowserPanel::BrowserPanel(QWidget *parent)
    : Panel(parent)
    , m_model(new ThumbnailModel(this))
    , m_proxy(new ThumbnailFilterModel(this))
    , m_loader(new ThumbnailLoader(this))
    , m_delegate(new ThumbnailDelegate(this))
    // List mode: with uniform cells it lays out 100,000 items arithmetically.
    , m_grid(new ThumbnailGallery(QListView::ListMode, this))
    , m_viewer(new ImageViewer(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_class(new QComboBox(this))
    , m_split(new QComboBox(this))
    , m_brokenOnly(new QCheckBox(tr("Broken only"), this))
    , m_search(new QLineEdit(this))
    , m_sort(new QComboBox(this))
    , m_size(new QSlider(Qt::Horizontal, this))
    , m_count(new QLabel(this))
    , m_viewerStatus(new QLabel(this))
    , m_overlays(new QToolButton(this))
    , m_measure(new QToolButton(this))
{
    m_model->setLoader(m_loader);
    m_proxy->setThumbnailModel(m_model);

    m_grid->setObjectName(QStringLiteral("thumbnailGrid"));
    m_grid->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_grid->setItemDelegate(m_delegate);
    m_grid->setModel(m_proxy);
    m_grid->setLoader(m_loader);
    m_grid->setSampleOfRow([this](int row) { return m_model->sampleAt(m_proxy->sourceRow(row)); });
    connect(m_grid, &ThumbnailGallery::thumbnailsRequested, this, &BrowserPanel::thumbnailsRequested);

    auto *bar = new QWidget(this);
    buildFilterBar(bar);

    auto *viewerBox = new QWidget(this);
    auto *viewerLayout = new QVBoxLayout(viewerBox);
    viewerLayout->setContentsMargins(0, 0, 0, 0);
    viewerLayout->setSpacing(2);
    auto *tools = new QHBoxLayout;
    auto button = [this, tools](const QString &text, const QString &tip, auto slot) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        connect(b, &QToolButton::clicked, this, slot);
        tools->addWidget(b);
        return b;
    };
    button(tr("◀"), tr("Previous image (Left)"), [this] { m_grid->step(-1); });
    button(tr("▶"), tr("Next image (Right)"), [this] { m_grid->step(1); });
    button(tr("Fit"), tr("Fit the image to the window (F)"), [this] { m_viewer->fitToWindow(); });
    button(tr("1:1"), tr("One image pixel per screen pixel (1)"), [this] { m_viewer->actualSize(); });
    m_overlays->setText(tr("Labels"));
    m_overlays->setToolTip(tr("Show boxes and masks in class colours"));
    m_overlays->setCheckable(true);
    m_overlays->setChecked(true);
    m_overlays->setAutoRaise(true);
    connect(m_overlays, &QToolButton::toggled, m_viewer, &ImageViewer::setOverlaysVisible);
    tools->addWidget(m_overlays);
    m_measure->setText(tr("Measure"));
    m_measure->setToolTip(tr("Drag across a defect to measure it in image pixels"));
    m_measure->setCheckable(true);
    m_measure->setAutoRaise(true);
    connect(m_measure, &QToolButton::toggled, m_viewer, &ImageViewer::setMeasuring);
    tools->addWidget(m_measure);
    tools->addStretch(1);
    viewerLayout->addLayout(tools);
    m_viewer->setObjectName(QStringLiteral("imageViewer"));
    viewerLayout->addWidget(m_viewer, 1);
    m_viewerStatus->setObjectName(QStringLiteral("viewerStatus"));
    m_viewerStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_viewerStatus->setMinimumWidth(50);
    viewerLayout->addWidget(m_viewerStatus);
    connect(m_viewer, &ImageViewer::statusChanged, m_viewerStatus, &QLabel::setText);
    connect(m_viewer, &ImageViewer::nextRequested, this, [this] { m_grid->step(1); });
    connect(m_viewer, &ImageViewer::previousRequested, this, [this] { m_grid->step(-1); });

    m_splitter->setObjectName(QStringLiteral("browserSplitter"));
    m_splitter->addWidget(m_grid);
    m_splitter->addWidget(viewerBox);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    if (!m_splitter->restoreState(splitterSetting().get()))
        m_splitter->setSizes({560, 440});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(bar);
    layout->addWidget(m_splitter, 1);

    m_searchTimer.setSingleShot(true);
    m_searchTimer.setInterval(kSearchDebounceMs);
    connect(&m_searchTimer, &QTimer::timeout, this, &BrowserPanel::applyFilters);

    connect(m_proxy, &QAbstractItemModel::modelReset, this, &BrowserPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &BrowserPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &BrowserPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &BrowserPanel::updateCount);
    connect(m_grid->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { openRow(current); });
    connect(m_grid->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        QList<int> samples;
        for (const QModelIndex &index : m_grid->selectionModel()->selectedIndexes()) {
            const int sample = index.data(ThumbnailModel::SampleIndexRole).toInt();
            if (sample >= 0)
                samples.append(sample);
        }
        std::sort(samples.begin(), samples.end());
        Q_EMIT samplesSelected(samples);
    });
    connect(m_grid, &QListView::activated, this, [this](const QModelIndex &index) {
        openRow(index);
        m_viewer->setFocus();
    });

    setThumbnailSize(thumbnailSizeSetting().get());
    updateCount();
    connectToMainWindow(parent);
}

BrowserPanel::~BrowserPanel()
{
    splitterSetting().set(m_splitter->saveState());
}

void BrowserPanel::buildFilterBar(QWidget *bar)
{
    // Two rows: in one, German's longer words made the page wider than a 1024 px screen.
    auto *rows = new QVBoxLayout(bar);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(3);
    auto *row = new QHBoxLayout;
    auto *row2 = new QHBoxLayout;
    rows->addLayout(row);
    rows->addLayout(row2);
    m_class->setObjectName(QStringLiteral("classFilter"));
    m_class->setToolTip(tr("Show one class"));
    m_class->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_class->setMinimumContentsLength(10);
    m_class->addItem(tr("All classes"), -1);
    m_split->setObjectName(QStringLiteral("splitFilter"));
    m_split->addItem(tr("All splits"), -1);
    m_split->addItem(tr("train"), int(SplitName::Train));
    m_split->addItem(tr("dev"), int(SplitName::Dev));
    m_split->addItem(tr("test"), int(SplitName::Test));
    m_split->addItem(tr("no split"), int(SplitName::None));
    m_brokenOnly->setObjectName(QStringLiteral("brokenOnly"));
    m_search->setObjectName(QStringLiteral("pathFilter"));
    m_search->setPlaceholderText(tr("Filter by path"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(120);
    m_sort->setObjectName(QStringLiteral("sortKey"));
    m_sort->setToolTip(tr("Sort the grid"));
    m_sort->addItem(tr("Dataset order"), int(ThumbnailFilterModel::SortKey::DatasetOrder));
    m_sort->addItem(tr("Name"), int(ThumbnailFilterModel::SortKey::Name));
    m_sort->addItem(tr("Class"), int(ThumbnailFilterModel::SortKey::Class));
    m_sort->addItem(tr("Image size"), int(ThumbnailFilterModel::SortKey::ImageSize));
    m_size->setObjectName(QStringLiteral("thumbnailSize"));
    m_size->setRange(ThumbnailLoader::kMinSize, ThumbnailLoader::kMaxSize);
    m_size->setSingleStep(16);
    m_size->setPageStep(32);
    m_size->setToolTip(tr("Thumbnail size"));
    m_size->setMaximumWidth(140);
    m_count->setObjectName(QStringLiteral("browserCount"));

    row->addWidget(m_class);
    row->addWidget(m_split);
    row->addWidget(m_brokenOnly);
    row->addWidget(m_search, 1);
    row2->addWidget(new QLabel(tr("Sort:"), bar));
    row2->addWidget(m_sort);
    row2->addWidget(m_size);
    row2->addWidget(m_count, 1);

    auto changed = [this] { applyFilters(); };
    connect(m_class, qOverload<int>(&QComboBox::currentIndexChanged), this, changed);
    connect(m_split, qOverload<int>(&QComboBox::currentIndexChanged), this, changed);
    connect(m_brokenOnly, &QCheckBox::toggled, this, changed);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchTimer.start(); });
    connect(m_sort, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        m_proxy->setSortKey(ThumbnailFilterModel::SortKey(m_sort->currentData().toInt()));
        scheduleRequest();
    });
    connect(m_size, &QSlider::valueChanged, this, &BrowserPanel::setThumbnailSize);

    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, m_search, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    addAction(find);
}

void BrowserPanel::connectToMainWindow(QWidget *window)
{
    auto *mw = qobject_cast<MainWindow *>(window);
    if (!mw)
        return;
    connect(mw->classChart(), &ClassBalanceChart::classClicked, this, [this, mw](int chartIndex) {
        // The chart lists DatasetStats::classes; map by name to the dataset's class index.
        if (!m_inspection || chartIndex < 0 || chartIndex >= int(m_inspection->stats.classes.size()))
            return;
        filterClass(int(m_inspection->dataset.classes.indexOf(m_inspection->stats.classes[chartIndex].name)));
        mw->showPanel(QStringLiteral("browser"));
    });
    connect(mw->problemsTree(), &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { problemActivated(item); });
}

void BrowserPanel::problemActivated(QTreeWidgetItem *item)
{
    if (!item || !m_inspection)
        return;
    // Rows read "path", "a  =  b" (identical files) or "a, b" (conflicting labels).
    const QString text = item->text(0);
    QStringList candidates{text};
    candidates += text.split(QStringLiteral("  =  "));
    candidates += text.split(QStringLiteral(", "));
    for (const QString &c : candidates) {
        if (m_model->rowOfPath(c.trimmed()) >= 0) {
            if (auto *mw = qobject_cast<MainWindow *>(window()))
                mw->showPanel(QStringLiteral("browser"));
            showImage(c.trimmed());
            return;
        }
    }
}

void BrowserPanel::setInspection(const InspectionPtr &inspection)
{
    const bool sameDataset = inspection && m_inspection && inspection->dataset.root == m_inspection->dataset.root;
    const QString current = m_viewer->path();
    if (!sameDataset)
        m_loader->clearMemory(); // keyed by path: another dataset's thumbnails would only take room
    m_inspection = inspection;
    m_grid->setInspection(inspection);

    const QString previousClass = m_class->currentIndex() > 0 ? m_class->currentText() : QString();
    const QSignalBlocker block(m_class);
    m_class->clear();
    m_class->addItem(tr("All classes"), -1);
    if (inspection) {
        const QStringList &classes = inspection->dataset.classes;
        for (int i = 0; i < classes.size(); ++i)
            m_class->addItem(classes.at(i), i);
        // Detection datasets have images without objects; training calls them "no object".
        const auto &samples = inspection->dataset.samples;
        if (std::any_of(samples.begin(), samples.end(), [](const Sample &s) { return !s.objects.empty(); }))
            m_class->addItem(tr("no object"), ThumbnailFilterModel::kNoObject);
        const int keep = sameDataset ? m_class->findText(previousClass) : -1;
        m_class->setCurrentIndex(std::max(0, keep));
    }
    m_proxy->setClassFilter(m_class->currentData().toInt());
    const double aspect = inspection ? inspection->stats.medianAspect : 0.0;
    if (aspect > 0 && std::abs(aspect - m_aspect) > 1e-6) {
        m_aspect = aspect;
        m_delegate->setAspect(aspect);
        setThumbnailSize(m_size->value()); // new cell size
    }
    if (m_model->setInspection(inspection)) {
        // Same files, new facts (sizes, broken files found later): re-sort and re-filter in place.
        if (m_proxy->sortKey() != ThumbnailFilterModel::SortKey::DatasetOrder)
            m_proxy->invalidate();
        updateCount();
        scheduleRequest();
        return;
    }

    if (!inspection)
        m_viewer->clear(tr("Open a dataset to browse its images."));
    else if (!(sameDataset && !current.isEmpty() && showImage(current))) {
        m_viewer->clear();
        // Something to look at straight away: the first image.
        if (m_proxy->rowCount() > 0)
            m_grid->setCurrentIndex(m_proxy->index(0, 0));
    }
    updateCount();
    scheduleRequest();
}

void BrowserPanel::filterClass(int classIndex)
{
    const int i = m_class->findData(classIndex);
    m_class->setCurrentIndex(std::max(0, i));
}

void BrowserPanel::setThumbnailSize(int px)
{
    px = std::clamp(px, ThumbnailLoader::kMinSize, ThumbnailLoader::kMaxSize);
    if (m_size->value() != px) {
        const QSignalBlocker block(m_size);
        m_size->setValue(px);
    }
    m_delegate->setThumbnailSize(px);
    m_loader->setThumbnailSize(px);
    m_grid->setGridSize(m_delegate->cellSize(m_grid->font()) + QSize(kCellSpacing, kCellSpacing));
    thumbnailSizeSetting().set(px);
    scheduleRequest();
}

void BrowserPanel::applyFilters()
{
    m_proxy->setClassFilter(m_class->currentData().toInt());
    m_proxy->setSplitFilter(m_split->currentData().toInt());
    m_proxy->setBrokenOnly(m_brokenOnly->isChecked());
    m_proxy->setPathFilter(m_search->text());
    updateCount();
    scheduleRequest();
}

QString BrowserPanel::countText() const
{
    if (!m_inspection)
        return tr("No dataset open");
    const QLocale locale;
    const int total = m_model->rowCount();
    QString text = tr("showing %1 of %2").arg(locale.toString(m_proxy->rowCount()), locale.toString(total));
    if (m_model->brokenCount() > 0)
        text += tr(" (%1 broken)").arg(locale.toString(m_model->brokenCount()));
    return text;
}

void BrowserPanel::updateCount()
{
    m_count->setText(countText());
}

void BrowserPanel::scheduleRequest()
{
    m_grid->scheduleRequest();
}

QList<int> BrowserPanel::visibleRows() const
{
    return m_grid->visibleRows();
}

void BrowserPanel::openRow(const QModelIndex &proxyIndex)
{
    if (!proxyIndex.isValid() || !m_inspection)
        return;
    const int row = m_proxy->mapToSource(proxyIndex).row();
    if (const Sample *s = m_model->sampleAt(row)) {
        m_viewer->open(s->path, s->objects, m_inspection->dataset.classes,
                       s->idxIndex >= 0 ? m_inspection->dataset.idx : nullptr, s->idxIndex);
    } else if (const BadFile *b = m_model->badFileAt(row)) {
        m_viewer->clear(tr("%1 cannot be shown: %2").arg(b->path, b->reason));
    }
}

bool BrowserPanel::showImage(const QString &path)
{
    const QModelIndex index = m_grid->indexOfSourceRow(m_model->rowOfPath(path), [this] {
        const QSignalBlocker b1(m_class), b2(m_split), b3(m_brokenOnly), b4(m_search);
        m_class->setCurrentIndex(0);
        m_split->setCurrentIndex(0);
        m_brokenOnly->setChecked(false);
        m_search->clear();
        applyFilters();
    });
    if (!index.isValid())
        return false;
    if (m_grid->currentIndex() == index)
        openRow(index); // the viewer may show something else meanwhile
    m_grid->showIndex(index);
    return true;
}

} // namespace loupe
