#pragma once

#include <QLocale>
#include <QString>

namespace loupe {

/// A number as the user's locale writes it ("0,01" in German), so that one page never mixes
/// "0,010000" and "0.01". `format` and `precision` as for QLocale::toString.
/// No group separators: "1600 × 1200 px", not "1.600 × 1.200 px".
inline QString numberText(double value, char format = 'g', int precision = 6)
{
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator);
    return locale.toString(value, format, precision);
}

} // namespace loupe
