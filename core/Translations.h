#pragma once

#include <QLocale>

class QCoreApplication;

namespace loupe {

/// Installs Qt's own and Loupe's translations for `locale` (the system locale by default).
/// Returns true when Loupe's translation for that language was found.
bool installTranslators(QCoreApplication &app, const QLocale &locale = QLocale());

} // namespace loupe
