#include "PredictionDetails.h"

#include "ClassColors.h"
#include "PredictionDelegate.h"
#include "PredictionHistoryPlot.h"
#include "PredictionsText.h"

#include <QCoreApplication>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace loupe {

namespace {

// Texts written for the Predictions page keep its translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::PredictionsPanel)
};

QString boxStyle(const QColor &border)
{
    return QStringLiteral("QLabel { border: 2px solid %1; border-radius: 5px; padding: 4px; }").arg(border.name());
}

} // namespace

PredictionDetails::PredictionDetails(QWidget *parent)
    : QWidget(parent)
    , m_truthBox(new QLabel(this))
    , m_predictedBox(new QLabel(this))
    , m_confidence(new QLabel(this))
    , m_history(new PredictionHistoryPlot(this))
    , m_historyTitle(new QLabel(this))
    , m_markButton(new QPushButton(Text::tr("Mark as mislabelled…"), this))
{
    setObjectName(QStringLiteral("predictionDetails"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 0, 0, 0);

    auto *pair = new QHBoxLayout;
    for (QLabel *l : {m_truthBox, m_predictedBox}) {
        l->setTextFormat(Qt::RichText);
        l->setAlignment(Qt::AlignCenter);
        l->setWordWrap(true);
        l->setMinimumHeight(64);
        l->setMinimumWidth(90);
        l->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        pair->addWidget(l, 1);
    }
    m_truthBox->setObjectName(QStringLiteral("truthBox"));
    m_predictedBox->setObjectName(QStringLiteral("predictedBox"));
    layout->addLayout(pair);
    m_confidence->setObjectName(QStringLiteral("confidenceText"));
    m_confidence->setWordWrap(true);
    layout->addWidget(m_confidence);

    layout->addWidget(new QLabel(Text::tr("<b>Top 3 classes</b>"), this));
    auto *grid = new QGridLayout;
    grid->setColumnStretch(1, 1);
    for (int i = 0; i < 3; ++i) {
        m_topNames[i] = new QLabel(this);
        m_topNames[i]->setObjectName(QStringLiteral("top%1Name").arg(i + 1));
        m_topNames[i]->setMinimumWidth(60);
        m_topBars[i] = new QProgressBar(this);
        m_topBars[i]->setObjectName(QStringLiteral("top%1Bar").arg(i + 1));
        m_topBars[i]->setRange(0, 1000);
        m_topBars[i]->setMaximumHeight(18);
        grid->addWidget(m_topNames[i], i, 0);
        grid->addWidget(m_topBars[i], i, 1);
    }
    layout->addLayout(grid);

    layout->addSpacing(4);
    m_historyTitle->setObjectName(QStringLiteral("historyTitle"));
    m_historyTitle->setToolTip(Text::tr("Confidence of the predicted class after each epoch: dot right, cross wrong; "
                                        "a dashed line where the answer changed"));
    layout->addWidget(m_historyTitle);
    layout->addWidget(m_history, 1);

    m_markButton->setObjectName(QStringLiteral("markMislabelled"));
    m_markButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    m_markButton->setToolTip(Text::tr("The label is wrong, not the model: give the image its right class (saved with "
                                      "Save labels)"));
    connect(m_markButton, &QPushButton::clicked, this, &PredictionDetails::markRequested);
    layout->addWidget(m_markButton);
    setMinimumWidth(200);
}

void PredictionDetails::setMarkable(bool enabled, const QString &refusal)
{
    m_markButton->setEnabled(enabled && refusal.isEmpty());
    m_markButton->setToolTip(!refusal.isEmpty() ? refusal
                                                : Text::tr("The label is wrong, not the model: give the image its "
                                                           "right class (saved with Save labels) (%1)")
                                                      .arg(m_markButton->shortcut().toString(QKeySequence::NativeText)));
}

void PredictionDetails::clearTopClasses(int from)
{
    for (int i = from; i < 3; ++i) {
        m_topNames[i]->clear();
        m_topBars[i]->setValue(0);
        m_topBars[i]->setFormat(QString());
    }
}

void PredictionDetails::clear()
{
    m_truthBox->setText(QString());
    m_predictedBox->setText(QString());
    m_truthBox->setStyleSheet(QString());
    m_predictedBox->setStyleSheet(QString());
    m_confidence->setText(QString());
    clearTopClasses(0);
    m_history->setImage({}, -1, Text::tr("No image selected"));
    m_historyTitle->setText(Text::tr("<b>Across epochs</b>"));
}

void PredictionDetails::showPrediction(const Prediction &p, const QStringList &classes, const QString &datasetClass,
                                       const QString &pending, const PredictionHistory &history, bool historyKept)
{
    const QColor mark = p.correct() ? PredictionDelegate::rightColor() : PredictionDelegate::wrongColor();
    QString truth = QStringLiteral("<span style='color:gray'>%1</span><br/><b style='font-size:large; color:%2'>%3</b>")
                        .arg(Text::tr("Ground truth"), classColor(p.truth).darker(125).name(),
                             classes.value(p.truth).toHtmlEscaped());
    if (!datasetClass.isEmpty() && datasetClass != classes.value(p.truth))
        truth += QStringLiteral("<br/><small>%1</small>")
                     .arg(Text::tr("dataset now: %1").arg(datasetClass.toHtmlEscaped()));
    if (!pending.isEmpty())
        truth += QStringLiteral("<br/><small style='color:#d07000'>%1</small>")
                     .arg(Text::tr("→ %1 (unsaved)").arg(pending.toHtmlEscaped()));
    m_truthBox->setText(truth);
    m_truthBox->setStyleSheet(boxStyle(QColor(150, 150, 150)));
    m_predictedBox->setText(
        QStringLiteral("<span style='color:gray'>%1</span><br/><b style='font-size:large; color:%2'>%3 %4</b>")
            .arg(Text::tr("Prediction"), mark.name(), classes.value(p.predicted).toHtmlEscaped(),
                 p.correct() ? QStringLiteral("✓") : QStringLiteral("✗")));
    m_predictedBox->setStyleSheet(boxStyle(mark));
    m_confidence->setText(Text::tr("Confidence %1 · loss %2 · %3")
                              .arg(percentText(p.confidence), QLocale().toString(p.loss, 'f', 3), fileNameOf(p.path)));
    m_confidence->setToolTip(p.path);

    std::vector<int> order(p.probabilities.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&p](int a, int b) { return p.probabilities[std::size_t(a)] > p.probabilities[std::size_t(b)]; });
    const int shown = std::min(3, int(order.size()));
    for (int i = 0; i < shown; ++i) {
        const int c = order[std::size_t(i)];
        const double v = p.probabilities[std::size_t(c)];
        m_topNames[i]->setText(classes.value(c));
        m_topBars[i]->setValue(int(std::lround(std::clamp(v, 0.0, 1.0) * 1000)));
        m_topBars[i]->setFormat(percentText(v));
        // The true class's bar green, a wrong answer's red, the rest grey: is the truth in the top 3?
        const QColor bar = c == p.truth ? PredictionDelegate::rightColor()
            : c == p.predicted          ? PredictionDelegate::wrongColor()
                                        : QColor(150, 160, 175);
        m_topBars[i]->setStyleSheet(
            QStringLiteral("QProgressBar { border: 1px solid #bbb; border-radius: 3px; text-align: center; }"
                           "QProgressBar::chunk { background: %1; }")
                .arg(bar.name()));
        m_topNames[i]->setStyleSheet(c == p.truth ? QStringLiteral("font-weight: bold;") : QString());
    }
    clearTopClasses(shown);

    if (history.epochs.empty())
        m_history->setImage({}, -1,
                            historyKept ? Text::tr("The run saved no history")
                                        : Text::tr("History is kept for dev images"));
    else
        m_history->setImage(history, history.indexOf(p.path), Text::tr("Not in the run's history"));
    const int flips = m_history->flipCount();
    m_historyTitle->setText(
        flips > 0 ? Text::tr("<b>Across epochs</b> · <span style='color:#c87000'>%n flip(s)</span>", nullptr, flips)
                  : Text::tr("<b>Across epochs</b>"));
}

QString PredictionDetails::text(const QString &which) const
{
    if (which == QLatin1String("truth"))
        return m_truthBox->text();
    if (which == QLatin1String("predicted"))
        return m_predictedBox->text();
    if (which == QLatin1String("confidence"))
        return m_confidence->text();
    for (int i = 0; i < 3; ++i)
        if (which == QStringLiteral("top%1").arg(i + 1))
            return m_topNames[i]->text() + QLatin1Char(' ') + m_topBars[i]->format();
    return {};
}

} // namespace loupe
