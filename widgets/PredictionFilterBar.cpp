#include "PredictionFilterBar.h"

#include "ClassColors.h"
#include "PredictionModel.h"
#include "PredictionsText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace loupe {

namespace {

// Texts written for the Predictions page keep its translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::PredictionsPanel)
};

} // namespace

PredictionFilterBar::PredictionFilterBar(PredictionFilterModel *proxy, QWidget *parent)
    : QWidget(parent)
    , m_proxy(proxy)
    , m_wrongOnly(new QCheckBox(Text::tr("Mispredicted only"), this))
    , m_truthFilter(new QComboBox(this))
    , m_predictedFilter(new QComboBox(this))
    , m_low(new QDoubleSpinBox(this))
    , m_high(new QDoubleSpinBox(this))
    , m_sort(new QComboBox(this))
    , m_count(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);

    // Two rows of filters so that the gallery column can stay narrow.
    auto *row1 = new QHBoxLayout;
    m_wrongOnly->setObjectName(QStringLiteral("mispredictedOnly"));
    m_truthFilter->setObjectName(QStringLiteral("truthFilter"));
    m_truthFilter->setToolTip(Text::tr("True class"));
    m_predictedFilter->setObjectName(QStringLiteral("predictedFilter"));
    m_predictedFilter->setToolTip(Text::tr("Predicted class"));
    for (QComboBox *combo : {m_truthFilter, m_predictedFilter}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(6);
    }
    row1->addWidget(m_wrongOnly);
    row1->addWidget(m_truthFilter, 1);
    row1->addWidget(new QLabel(QStringLiteral("→"), this));
    row1->addWidget(m_predictedFilter, 1);
    layout->addLayout(row1);

    auto *row2 = new QHBoxLayout;
    for (QDoubleSpinBox *s : {m_low, m_high}) {
        s->setRange(0.0, 1.0);
        s->setDecimals(2);
        s->setSingleStep(0.05);
        s->setAccelerated(true);
    }
    m_low->setObjectName(QStringLiteral("confidenceLow"));
    m_high->setObjectName(QStringLiteral("confidenceHigh"));
    m_low->setValue(0.0);
    m_high->setValue(1.0);
    m_low->setToolTip(Text::tr("Lowest confidence of the predicted class"));
    m_high->setToolTip(Text::tr("Highest confidence of the predicted class"));
    m_sort->setObjectName(QStringLiteral("predictionSort"));
    using Key = PredictionFilterModel::SortKey;
    m_sort->addItem(Text::tr("Loss, highest first"), QVariantList{int(Key::Loss), int(Qt::DescendingOrder)});
    m_sort->addItem(Text::tr("Loss, lowest first"), QVariantList{int(Key::Loss), int(Qt::AscendingOrder)});
    m_sort->addItem(Text::tr("Confidence, highest first"), QVariantList{int(Key::Confidence), int(Qt::DescendingOrder)});
    m_sort->addItem(Text::tr("Confidence, lowest first"), QVariantList{int(Key::Confidence), int(Qt::AscendingOrder)});
    m_sort->addItem(Text::tr("File order"), QVariantList{int(Key::FileOrder), int(Qt::AscendingOrder)});
    row2->addWidget(new QLabel(Text::tr("Confidence"), this));
    row2->addWidget(m_low);
    row2->addWidget(new QLabel(QStringLiteral("–"), this));
    row2->addWidget(m_high);
    row2->addStretch(1);
    row2->addWidget(m_sort);
    layout->addLayout(row2);

    m_count->setObjectName(QStringLiteral("predictionCount"));
    m_count->setWordWrap(true);
    auto *row3 = new QHBoxLayout;
    row3->addWidget(m_count, 1);
    auto *all = new QToolButton(this);
    all->setObjectName(QStringLiteral("showAllPredictions"));
    all->setText(Text::tr("Show all"));
    all->setAutoRaise(true);
    connect(all, &QToolButton::clicked, this, &PredictionFilterBar::clearFilters);
    row3->addWidget(all);
    layout->addLayout(row3);

    auto changed = [this] { applyUserFilters(); };
    connect(m_wrongOnly, &QCheckBox::toggled, this, changed);
    connect(m_truthFilter, qOverload<int>(&QComboBox::currentIndexChanged), this, changed);
    connect(m_predictedFilter, qOverload<int>(&QComboBox::currentIndexChanged), this, changed);
    connect(m_low, qOverload<double>(&QDoubleSpinBox::valueChanged), this, changed);
    connect(m_high, qOverload<double>(&QDoubleSpinBox::valueChanged), this, changed);
    connect(m_sort, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        const QVariantList v = m_sort->currentData().toList();
        m_proxy->setSortKey(PredictionFilterModel::SortKey(v.value(0).toInt()), Qt::SortOrder(v.value(1).toInt()));
        Q_EMIT sortChanged();
    });
    m_proxy->setSortKey(PredictionFilterModel::SortKey::Loss, Qt::DescendingOrder);
}

void PredictionFilterBar::setClasses(const QStringList &classes)
{
    for (QComboBox *combo : {m_truthFilter, m_predictedFilter}) {
        const QString keep = combo->currentIndex() > 0 ? combo->currentText() : QString();
        const QSignalBlocker block(combo);
        combo->clear();
        combo->addItem(combo == m_truthFilter ? Text::tr("Any true class") : Text::tr("Any prediction"), -1);
        for (int i = 0; i < classes.size(); ++i) {
            QPixmap swatch(10, 10);
            swatch.fill(classColor(i));
            combo->addItem(QIcon(swatch), classes[i], i);
        }
        combo->setCurrentIndex(std::max(0, combo->findText(keep)));
    }
    m_proxy->setTruthFilter(m_truthFilter->currentData().toInt());
    m_proxy->setPredictedFilter(m_predictedFilter->currentData().toInt());
}

void PredictionFilterBar::applyUserFilters()
{
    m_cellTruth = m_cellPredicted = -1;
    m_proxy->setMispredictedOnly(m_wrongOnly->isChecked());
    m_proxy->setTruthFilter(m_truthFilter->currentData().toInt());
    m_proxy->setPredictedFilter(m_predictedFilter->currentData().toInt());
    m_proxy->setConfidenceRange(m_low->value(), m_high->value());
    Q_EMIT filtersChanged();
}

void PredictionFilterBar::setMispredictedOnly(bool on)
{
    m_wrongOnly->setChecked(on);
}

void PredictionFilterBar::setTruthFilter(int classIndex)
{
    m_truthFilter->setCurrentIndex(std::max(0, m_truthFilter->findData(classIndex)));
}

void PredictionFilterBar::setPredictedFilter(int classIndex)
{
    m_predictedFilter->setCurrentIndex(std::max(0, m_predictedFilter->findData(classIndex)));
}

void PredictionFilterBar::setConfidenceRange(double low, double high)
{
    {
        const QSignalBlocker b1(m_low), b2(m_high);
        m_low->setValue(low);
        m_high->setValue(high);
    }
    applyUserFilters();
}

void PredictionFilterBar::setSort(PredictionFilterModel::SortKey key, Qt::SortOrder order)
{
    for (int i = 0; i < m_sort->count(); ++i) {
        const QVariantList v = m_sort->itemData(i).toList();
        if (v.value(0).toInt() == int(key)
            && (key == PredictionFilterModel::SortKey::FileOrder || v.value(1).toInt() == int(order))) {
            m_sort->setCurrentIndex(i);
            return;
        }
    }
}

void PredictionFilterBar::clearFilters()
{
    {
        const QSignalBlocker b1(m_wrongOnly), b2(m_truthFilter), b3(m_predictedFilter), b4(m_low), b5(m_high);
        m_wrongOnly->setChecked(false);
        m_truthFilter->setCurrentIndex(0);
        m_predictedFilter->setCurrentIndex(0);
        m_low->setValue(0.0);
        m_high->setValue(1.0);
    }
    applyUserFilters();
}

void PredictionFilterBar::showCell(int truth, int predicted)
{
    {
        const QSignalBlocker b1(m_wrongOnly), b2(m_truthFilter), b3(m_predictedFilter), b4(m_low), b5(m_high);
        m_wrongOnly->setChecked(false);
        m_truthFilter->setCurrentIndex(std::max(0, m_truthFilter->findData(truth)));
        m_predictedFilter->setCurrentIndex(std::max(0, m_predictedFilter->findData(predicted)));
        m_low->setValue(0.0);
        m_high->setValue(1.0);
    }
    m_proxy->resetFilters();
    m_proxy->setTruthFilter(truth);
    m_proxy->setPredictedFilter(predicted);
    m_cellTruth = truth;
    m_cellPredicted = predicted;
}

QString PredictionFilterBar::cellNote() const
{
    // Only while the filters still are exactly that cell's, with its count now (another run, a
    // relabel or a class that went away change them without the user touching a filter).
    if (m_cellTruth < 0 || m_proxy->truthFilter() != m_cellTruth || m_proxy->predictedFilter() != m_cellPredicted
        || m_proxy->mispredictedOnly() || m_proxy->confidenceLow() > 0.0 || m_proxy->confidenceHigh() < 1.0)
        return QString();
    const QStringList &classes = m_proxy->predictionModel()->classes();
    const int n = m_proxy->rowCount();
    return m_cellTruth == m_cellPredicted
        ? Text::tr("Confusion matrix cell: the %n image(s) of %1 predicted right.", nullptr, n)
              .arg(classes.value(m_cellTruth))
        : Text::tr("Confusion matrix cell: the %n image(s) of %1 predicted as %2.", nullptr, n)
              .arg(classes.value(m_cellTruth), classes.value(m_cellPredicted));
}

QString PredictionFilterBar::countText() const
{
    const QLocale locale;
    const int total = m_proxy->predictionModel()->rowCount();
    if (total == 0)
        return Text::tr("No predictions");
    QString text = Text::tr("showing %1 of %2").arg(locale.toString(m_proxy->rowCount()), locale.toString(total));
    if (const QString note = cellNote(); !note.isEmpty())
        text = note + QLatin1Char(' ') + text;
    return text;
}

void PredictionFilterBar::updateCount()
{
    m_count->setText(countText());
}

} // namespace loupe
