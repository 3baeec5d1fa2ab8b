#pragma once

#include <QLocale>
#include <QString>

#include <algorithm>

namespace loupe {

// Small text helpers shared by the parts of the Predictions page. Their tr() texts use a
// file-local `struct Text { Q_DECLARE_TR_FUNCTIONS(loupe::PredictionsPanel) };` each: lupdate
// does not follow an alias, and the texts must keep the page's translation context.

/// A share as "12.5%" in the user's locale.
inline QString percentText(double share)
{
    return QLocale().toString(100.0 * share, 'f', 1) + QLatin1Char('%');
}

/// The file name of a path with either kind of separator.
inline QString fileNameOf(const QString &path)
{
    const qsizetype slash = std::max(path.lastIndexOf(QLatin1Char('/')), path.lastIndexOf(QLatin1Char('\\')));
    return path.mid(slash + 1);
}

} // namespace loupe
