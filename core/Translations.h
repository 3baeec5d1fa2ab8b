#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace loupe {

/// Installs Qt's own and Loupe's translations for `locale` (the system locale by default).
/// Returns true when Loupe's translation for that language was found.
bool installTranslators(QCoreApplication &app, const QLocale &locale = QLocale());

/// Numbers in the sentences core writes for people (advisor warnings, the dataset report, run
/// summaries, the config table) follow QLocale() once the window turns this on: "0,56 px" in German.
/// Off by default, so the command line keeps "." and its output stays parseable by scripts.
void setLocaleNumbers(bool on);
bool localeNumbers();

/// `value` as the text locale writes it (QLocale() when localeNumbers(), else "."), without group
/// separators. `format` and `precision` as for QLocale::toString.
QString localeNumber(double value, char format = 'g', int precision = 6);

} // namespace loupe
