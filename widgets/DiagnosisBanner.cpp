#include "DiagnosisBanner.h"

#include <QCoreApplication>

namespace loupe {

namespace {

// The banner was part of TrainPanel: its strings keep that translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(loupe::TrainPanel)
};

QString html(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

DiagnosisBanner::DiagnosisBanner(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("diagnosis"));
    setWordWrap(true);
    setTextFormat(Qt::RichText);
    setMinimumHeight(40);
}

void DiagnosisBanner::showDiagnosis(const Diagnosis &diagnosis)
{
    QString background = QStringLiteral("#eef2f7"), border = QStringLiteral("#b8c4d6");
    switch (diagnosis.verdict) {
    case Verdict::Underfitting:
    case Verdict::Overfitting:
        background = QStringLiteral("#fff4e0");
        border = QStringLiteral("#e0a040");
        break;
    case Verdict::Diverging:
        background = QStringLiteral("#fdecea");
        border = QStringLiteral("#d9534f");
        break;
    case Verdict::Converged:
        background = QStringLiteral("#e8f5e9");
        border = QStringLiteral("#5cb85c");
        break;
    case Verdict::NoneYet:
    case Verdict::Converging: break;
    }
    setStyleSheet(QStringLiteral("QLabel#diagnosis { background: %1; border: 1px solid %2; border-radius: 4px; "
                                 "padding: 4px 8px; color: #202020; }")
                      .arg(background, border));
    QString text = QStringLiteral("<b>%1.</b> %2").arg(html(diagnosis.title), html(diagnosis.evidence));
    if (!diagnosis.remedies.isEmpty()) {
        text += QStringLiteral("<br/>") + Text::tr("<i>The practice suggests:</i>");
        for (int i = 0; i < diagnosis.remedies.size(); ++i)
            text += QStringLiteral("<br/>&nbsp;%1. %2").arg(i + 1).arg(html(diagnosis.remedies[i]));
    }
    setText(text);
}

} // namespace loupe
